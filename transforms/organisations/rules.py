"""Phrase rules for Arabic organisation names: head noun + genitive/adjective/purpose chain.

Why rules next to the CRF: names are long construct chains ("المندوبية العامة لإدارة السجون وإعادة
الإدماج") whose length a linear-chain model trained on 8k sentences cuts short, and news outlets
write institutions as head + nationality ("الشرطة المصرية") that the training corpora rarely label.
All functions work on token indexes of one sentence [lo, hi).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress

from transforms.organisations import lexicon as lx
from transforms.organisations.gazetteer import Names, names
from transforms.organisations.tokens import LETTER_NAMES, fold, is_latin, split_clitics, strip_al, word_cache

MAX_CHAIN = 10
# A place with ب closes a chain of at least this many words ("السفارة الفرنسية بتونس", "نقابة التعليم
# الثانوي بسوسة": the place that identifies a branch is part of its name, guidelines rule 8).
PLACE_MIN = 2
# Generic place nouns are no place name ("... بمدينة فاس": the name stops before them).
PLACE_NOUNS = frozenset(fold(w) for w in ["مدينة", "ولاية", "منطقة", "جهة", "قرية", "محافظة", "بلدة", "عاصمة", "دولة",
                                          "بلاد", "إقليم", "مقاطعة", "حي", "مدينه"])


@word_cache(100_000)
def analyse(tok: str) -> tuple[str, str, str, str]:
    """(folded, clitics, rest, head type or '') of one token."""
    f = fold(tok) or tok  # a lone tatweel or diacritic folds to nothing
    cl, rest = split_clitics(f)
    head = lx.HEADS.get(f, "")
    if not head and cl:
        head = lx.HEADS.get(rest, "")
    if not head and len(f) > 3 and f[0] in "وبلف" and f[1:] in lx.HEADS:  # "لحزب", "بجيش"
        cl, rest, head = f[0], f[1:], lx.HEADS[f[1:]]
    if not head and len(f) > 5 and f[0] in "وف" and f[1] in "بل" and f[2:] in lx.HEADS:
        cl, rest, head = f[:2], f[2:], lx.HEADS[f[2:]]
    if not head and not cl and len(f) > 4 and f[0] in "وبلف" and (
            f[1:] in lx.UNIT_NOUNS or f[1:] in lx.TITLES or f[1:] in lx.GROUP_NOUNS or f[1:] in lx.MILITIA_NOUNS):
        cl, rest = f[0], f[1:]  # "بمنطقة", "لوزير", "لمجموعة": a unit, title or group noun sheds its clitic too
    elif not head and not cl and len(f) > 5 and f[0] in "وف" and f[1] in "بل" and f[2:] in lx.UNIT_NOUNS:
        cl, rest = f[:2], f[2:]
    return f, cl, rest, head


@cache
def nationalities() -> frozenset[str]:
    """Definite nationality adjectives derived from the place list (مصر -> المصري/المصريه)."""
    out: set[str] = set()
    extra = ("مغرب امريك امريكي اميرك اوروب افريق عرب اسرايل فلسطين سعود اممي خليج ايران روس صين ياباني المان "
             "انجليز انكليز انقليز بيلاروس هولند سويسر نمساو بريطان كند استرال بيروف كونغول توغول ويلز دنمارك كوستاريك "
             "البان بنغال دومينيكان سلفادور هايت ايفوار ليتوان ملغاش مولدوف نيبال تايلاند زيمبابو "
             "كامرون مالاو زمب غمب طوغول موريس هندور اورب")
    # the extra stems are written as they are ("المان": ألمانيا folds to "المانيا", whose "ال" is no article);
    # "انقليز" is the Tunisian spelling of English (ANT v1.1: 90 such words against 80 with ج), "كامرون", "زمب",
    # "غمب", "طوغول" Tunisian spellings of Cameroon, Zambia, Gambia, Togo (ANT v1.1 sport: "الكامروني" 44 times)
    for p in [strip_al(p) for p in names().places - names().towns] + extra.split():
        for base in {p, p[:-1] if p.endswith(("ا", "ه", "ي")) else p, p[:-4] if p.endswith("ستان") else p,
                     p[:-2] if p.endswith("يا") else p}:  # اسبانيا -> الاسباني
            if len(base) >= 3:
                out.add("ال" + base + "ي")
                out.add("ال" + base + "يه")
    return frozenset(out)


def is_nat(rest: str) -> bool:
    return rest in nationalities()


def _is_word(t: str) -> bool:
    return t[0].isalpha()


_PRON = ("ها", "هم", "هما", "كم", "هن")
_POSSESSED = ("ه", "ها", "هم", "هما", "هن")  # pronoun suffixes as written (ة is not ه before folding)


def possessed(tok: str) -> bool:
    """An indefinite noun with a pronoun suffix ("بلاده", "عملها"): after a head it describes, names nothing."""
    _f, _cl, rest, head = analyse(tok)
    return (tok[0].isalpha() and tok.endswith(_POSSESSED) and len(tok) > 3 and not rest.startswith("ال")
            and not head)


def _adjectival(rest: str) -> bool:
    return rest in lx.INST_ADJ or is_nat(rest) or rest in lx.INTL_ADJ


def _namelike(tok: str, f: str, nm: Names) -> bool:
    """A word that can be (part of) a proper name after an indefinite head: rare, a known name, a
    person or place; not a description ("فريق كبير"), a pronoun-suffixed noun or a coordination."""
    if f in lx.STOP or f in lx.GENERIC_ADJ or f.endswith(_PRON) or f in lx.TITLES:
        return False
    k = strip_al(f)
    if k in nm.persons or k in nm.places or (is_latin(tok) and tok[0].isupper()):
        return True
    nisba = len(f) >= 4 and (f.endswith("يه") or (f.endswith("ي") and f[-2] not in "اوي"))
    adverbial = len(f) >= 6 and f.endswith("ا") and f[0] in "ات"  # استنكارا، تعبيرا
    if f in nm.common or f[0] == "و" or adverbial or (nisba and k not in nm.vocab):
        return False  # common words, coordinations and nisba adjectives ("مركز محوري") describe
    return k in nm.vocab or not _verbish(f)


def _verbish(rest: str) -> bool:
    """Imperfect verb shape (يفعل، تفعل، نفعل، سيفعل، ستفعل)."""
    if len(rest) < 4 or rest.startswith("ال"):
        return False
    return rest[0] in "يتن" or (rest[0] == "س" and rest[1] in "يتن" and len(rest) > 4)


def _nisba_pair(rest: str, toks: list[str], k: int, hi: int) -> bool:
    """Two adjectives, the second regional or national: "النادي الثقافي العربي"."""
    if not rest.endswith(("ي", "يه")) or k >= hi or not toks[k][0].isalpha():
        return False
    nrest = analyse(toks[k])[2]
    return nrest in lx.REGIONAL_ADJ or is_nat(nrest)


def chain_end(toks: list[str], i: int, hi: int) -> tuple[int, bool]:
    """End of the name opened by the head noun at i, and whether the chain looks like a name.

    Accepts definite genitives/adjectives, purpose complements (ل/لل + noun), coordination after a
    complement, "من أجل", "في/حول" + topic after research heads, a place with ب at the end, and
    proper names right after an indefinite head. Stops at function words, titles, verbs, punctuation.
    A definite generic head ("المؤسسة") is a name only with an institutional or nationality
    adjective, a purpose complement or a known word right after it ("المؤسسة الإدماجية" is not).
    """
    _f0, _cl0, rest0, _head = analyse(toks[i])
    head_definite = rest0.startswith("ال")
    nm = names()
    j = i + 1
    purpose = False
    strong = False
    last_adj = last_nat = False
    n_def = 0
    while j < hi and j - i <= MAX_CHAIN:
        t = toks[j]
        if not _is_word(t):
            if j == i + 1 and t in _OPEN_QUOTE:
                q = _quoted_end(toks, j, hi)
                if q:
                    return q, True  # head + quoted name: منظمة "أنا يقظ"، حزب «البديل التونسي»
            break
        f, cl, rest, h = analyse(t)
        first = j == i + 1
        if f in lx.STOP or rest in lx.TITLES or f in lx.TITLES:
            if (f == _MIN and j + 2 < hi and fold(toks[j + 1]) == _AJL and not first
                    and split_clitics(fold(toks[j + 2]))[1].startswith("ال")):
                j += 3
                strong = purpose = True
                continue
            if f in _TOPIC_JOIN and rest0 in lx.JOIN_PURPOSE_HEADS and j + 1 < hi and not first:
                nf, ncl, nrest, _nh = analyse(toks[j + 1])
                if not ncl and nrest.startswith("ال") and strip_al(nrest) not in nm.places and nf not in lx.STOP:
                    j += 2
                    strong = purpose = True
                    continue
            break
        if not cl and rest.startswith("ال") and rest[2:].isalpha():
            if first and rest in _BOARDS:
                break  # "مجلس الإدارة", "مجلس الأمناء": the board of some other organisation
            if first and h and rest in lx.BARE_BAD and not head_definite and not (
                    j + 1 < hi and _is_word(toks[j + 1]) and not analyse(toks[j + 1])[1]
                    and analyse(toks[j + 1])[2].startswith("ال") and analyse(toks[j + 1])[0] not in lx.STOP):
                break  # "كتلة الحزب", "قوات الجيش": an organ of a bare generic noun is no name (rule 8)
            adj = _adjectival(rest)
            if first and adj and rest0.endswith("ه") and rest.endswith("ي"):
                break  # "(وزير) الخارجية الأمريكي": the adjective agrees with someone else
            cue = bool(lx.TYPE_CUES.get(rest))
            if h and not first and rest in lx.BARE_BAD and not is_nat(rest):
                break
            if first and head_definite and not (adj or cue or _nisba_pair(rest, toks, j + 1, hi)):
                break
            if last_adj and not adj and not rest.endswith(lx.NAT_SUFFIXES):
                break  # "منظمة الصحة العالمية الوصول": a noun after the adjective starts the clause
            if last_nat and not adj and rest not in _DIRECTIONS:
                break  # "القوات القطرية الرمزية": after the nationality an adjective describes
            j += 1
            n_def += 1
            last_adj = adj
            last_nat = is_nat(rest)
            # "اللجنة العليا", "المجلس الوطني" alone are descriptions; a nationality or a cue names
            if first and rest0 in lx.BROADCASTERS and (rest in lx.INST_ADJ or rest.endswith("ي") != rest0.endswith("ن")):
                break  # "(شبكات) التلفزيون المحلية": the adjective is another noun's, "المحلي" no state's
            nat = (is_nat(rest) and not (first and head_definite and rest0 not in lx.NAT_OK_HEADS)) or (
                rest in lx.REGIONAL_ADJ
            )
            strong = strong or cue or nat or rest in lx.INTL_ADJ or (adj and not (first and head_definite))
            continue
        last_adj_prev, last_adj, last_nat = last_adj, False, False
        if _head == "sports" and f in _UNDER and _age_category(toks, j + 1, hi):
            j += 4  # "المنتخب الوطني لأقل من 17 سنة": the age category names the team
            strong = True
            continue
        if is_press_addressee(toks, j):
            break  # "قال معهد التاريخ المعاصر لوكالة الأنباء": the statement's addressee, another name
        if cl == "ل" or (not cl and f[0] == "ل" and len(f) > 3 and not first):
            # purpose complement: للتربية، لإدارة السجون، لمكافحة الإرهاب; not ليعلن, لتجريدهم, لتأمين فوز;
            # never right after the head ("مركز للدراسات" is a description)
            if first or (purpose and last_adj_prev):
                break  # after "للأمن العام" another ل starts the clause ("لاتخاذ الإجراءات")
            if not cl:
                nxt = _construct(toks, j + 1, hi)
                if (f[1] == "ي" and _verbish(f[1:])) or f.endswith(_PRON) or nxt == j + 1:
                    break
                j = nxt
            else:
                j += 1
            purpose = strong = True
            continue
        if (cl in ("و", "ول") and (purpose or n_def >= 1) and not h and rest not in lx.BARE_BAD
                and rest not in lx.GROUP_NOUNS and rest not in lx.MILITIA_NOUNS and rest not in lx.STOP):  # "| والذي"
            if last_adj_prev and not purpose and not (rest0 in _MINISTRY and rest in _PORTFOLIOS):
                break  # "الجيش اللبناني واليونيفيل"; a ministry's portfolios go on ("التربية الوطنية والتكوين")
            j += 1
            continue
        if (not cl and f[0] == "و" and purpose and len(f) > 4 and not h and f[1] in "اتم" and j + 1 < hi
                and _is_word(toks[j + 1]) and analyse(toks[j + 1])[2].startswith("ال")):
            j += 2  # و + indefinite construct noun after a purpose complement: وإعادة الإدماج
            continue
        if j - i >= PLACE_MIN and ((cl == "ب" and strip_al(rest) in nm.places and strip_al(rest) not in PLACE_NOUNS) or (
            not cl and f[0] == "ب" and len(f) > 3 and f[1:] in nm.places and f[1:] not in PLACE_NOUNS
            and (purpose or n_def)
        )):
            j += 1
            strong = True
            break
        if (first and not head_definite and _head == "media" and rest0 not in lx.WEAK_HEADS and not cl
                and not rest.startswith("ال") and not _verbish(f) and j + 1 < hi and _is_word(toks[j + 1])):
            # newspapers are often named by a construct: جريدة مرآة الشرق، جريدة صوت الشعب
            nf, ncl, nrest, nh = analyse(toks[j + 1])
            if (not ncl and nrest.startswith("ال") and nf not in lx.STOP and not nh and not _adjectival(nrest)
                    and nrest not in lx.TITLES):
                return j + 2, True
        if (first and not head_definite and not cl and f in nm.common and f[0] != "و" and not _verbish(f)
                and not (f[0] == "ل" and f[1:] in nm.common)  # "حكومة لتصريف الأعمال": a purpose describes
                and not f.endswith(_PRON) and f not in lx.GENERIC_ADJ and not f.endswith(("ي", "يه"))
                and j + 1 < hi and _is_word(toks[j + 1])):
            # construct of a common noun and a definite genitive after an indefinite head: محكمة مكافحة
            # الإرهاب، قوات حفظ السلام، حكومة تصريف الأعمال (weak heads still need a name-like chain)
            nf, ncl, nrest, nh = analyse(toks[j + 1])
            if (not ncl and not nrest.startswith("ال") and nf in nm.places and nf not in PLACE_NOUNS
                    and _head in _PLACE_NAMED and f != _CHAMPIONS):  # "رابطة أبطال إفريقيا" is a competition
                return j + 2, True  # "حزب مشروع تونس", "شركة اتصالات المغرب": a noun + a place names it
            named_head = bool(nh) and j + 2 < hi and _is_word(toks[j + 2]) and _adjectival(analyse(toks[j + 2])[2])
            if (not ncl and nrest.startswith("ال") and nf not in lx.STOP and nrest not in lx.TITLES
                    and (not nh or named_head) and not _adjectival(nrest)):
                # "مكتب إحصاءات الاتحاد الأوروبي": a head + adjective is the genitive's own name
                j += 2
                n_def += 1
                continue
        if first and not head_definite:
            # proper name right after an indefinite head: مؤسسة محمد السادس، شركة كيوتل، صحيفة لوموند
            k = j
            closed = False
            while k < hi and k - j < (6 if is_latin(toks[k]) else 2) and _is_word(toks[k]):
                kf, kcl, krest, kh = analyse(toks[k])
                if kh or krest.startswith("ال") or kcl or not _namelike(toks[k], kf, nm) or (
                        kf[0] == "ل" and kf[1:] in nm.common):
                    break  # ... or a purpose: "حكومة لتصريف الأعمال" describes
                if rest0 in lx.WEAK_HEADS and not (is_latin(toks[k]) or strip_al(krest) in nm.places
                                                   or strip_al(krest) in nm.persons or strip_al(krest) in nm.vocab):
                    break  # "شبكة طرقات": a generic head needs a known name, not just a rare word
                k += 1
                if kf in nm.places:
                    closed = True
                    break  # a place closes the name: "بلدية نابلس"
            if k > j:
                # after a proper name only name-like definite words follow ("محمد السادس", "عبد الرحيم",
                # "هارفارد" + "المرموقة" is a description)
                person = strip_al(analyse(toks[k - 1])[2]) in nm.persons
                while k < hi and _is_word(toks[k]):
                    kf, kcl, krest, _kh = analyse(toks[k])
                    if kcl or not krest.startswith("ال") or not (
                        krest in lx.INST_ADJ or krest in lx.REGIONAL_ADJ or krest in _ORDINALS or person
                    ):
                        break
                    k += 1
                    person = False
                j = k
                strong = True
                if (j < hi and not closed and _is_word(toks[j]) and analyse(toks[j])[0][0] == "ل"
                        and len(toks[j]) > 3):
                    continue  # purpose complement may follow: مؤسسة محمد السادس لإعادة ... (not after a
                    # place: "بلدية نابلس للشروع في" is the clause)
                break
        break
    return j, strong


def _construct(toks: list[str], j: int, hi: int) -> int:
    """After an indefinite noun ("لإعادة"), take one more indefinite noun if a definite word follows
    ("لإعادة إدماج السجناء"), or the definite genitive itself."""
    if j >= hi or not _is_word(toks[j]):
        return j
    nf, ncl, nrest, nh = analyse(toks[j])
    if ncl or nf in lx.STOP or nh:
        return j
    if nrest.startswith("ال") or nrest in names().persons:
        return j + 1
    if j + 1 < hi and _is_word(toks[j + 1]) and not _verbish(nf):
        f2, cl2, rest2, _ = analyse(toks[j + 1])
        if not cl2 and rest2.startswith("ال") and f2 not in lx.STOP:
            return j + 2
    return j


_OPEN_QUOTE = {'"': '"', "«": "»", "“": "”", "'": "'", "”": "”"}
_QUOTE_SET = frozenset(_OPEN_QUOTE)


def _quoted_end(toks: list[str], j: int, hi: int) -> int:
    """End (after the closing quote) of a short quoted name opening at toks[j], or 0."""
    close = _OPEN_QUOTE[toks[j]]
    for k in range(j + 1, min(hi, j + 8)):
        t = toks[k]
        if t == close or (t in "\"»”" and close in "\"»”"):
            return k + 1 if k > j + 1 else 0
        if not (t[0].isalnum() or t in "-.&"):
            return 0
    return 0


_ORDINALS = frozenset(
    fold(w) for w in ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
                      "العاشر", "الأولى", "الثانية", "الثالثة"]
)
_PORTFOLIO = frozenset(fold(w) for w in ["الخارجية", "الداخلية", "الدفاع", "المالية"])
_PORTFOLIO_NOUNS = frozenset(
    fold(w) for w in ["الشؤون", "شؤون", "وزارة", "وزيرة", "السياسة", "التجارة", "العلاقات", "الوزارة", "الشئون"]
)
_DIRECTIONS = frozenset(fold(w) for w in ["الجنوبية", "الشمالية", "الشرقية", "الغربية", "الجنوبي", "الشمالي",
                                           "الشرقي", "الغربي", "الوسطى", "المتحدة", "العربية"])
_DESCRIPTIVE = frozenset(fold(w) for w in ["قوات", "ميليشيات", "ميليشيا", "مليشيات", "ميلشيات", "عناصر", "وحدات",
                                            "مقاتلي", "مسلحي"])
_BOARDS = frozenset(fold(w) for w in ["الإدارة", "الأمناء", "المديرين", "المدراء"])
_MIN = fold("من")
_PLACE_NAMED = frozenset(["party", "union", "company", "media", "ngo", "sports"])
_CHAMPIONS = fold("أبطال")
_UNDER = frozenset(fold(w) for w in ["لأقل", "أقل", "دون", "لدون"])
_YEARS = frozenset(fold(w) for w in ["سنة", "عاما", "عام", "سنوات"])
# press heads after ل: "... لوكالة رويترز" is whom a body spoke to, not its parent (unless a press unit)
_PRESS = frozenset(fold(w) for w in ["وكالة", "صحيفة", "جريدة", "قناة", "إذاعة", "مجلة"])
_PRESS_UNITS = frozenset(fold(w) for w in ["مكتب", "المكتب", "مراسل", "قسم", "هيئة", "الهيئة", "فرع"])
_MINISTRY = frozenset(fold(w) for w in ["وزارة", "الوزارة"])
# Portfolio nouns a ministry's name coordinates ("وزارة الشؤون الخارجية والتعاون الدولي"); another body
# after و ends the name ("وزارة الشؤون الثقافية والمصالح المعنية").
_PORTFOLIO_WORDS = (
    "التعاون التكوين التعليم البحث التجارة الصناعة الاستثمار الاقتصاد المالية التنمية الصيد المياه الغابات "
    "الهجرة الرياضة الشباب الثقافة الاتصال النقل التجهيز اللوجستيك الماء السياحة الطاقة المعادن البيئة "
    "الإسكان التعمير السكنى الحماية الأسرة المرأة الطفولة التضامن الإدماج الإصلاح الوظيفة الحريات "
    "الفلاحة التشغيل الحكامة الابتكار الانتقال الرقمنة التخطيط الشؤون"
)
_PORTFOLIOS = frozenset(fold(w) for w in _PORTFOLIO_WORDS.split())
_AJL = fold("أجل")
_TOPIC_JOIN = frozenset({fold("في"), fold("حول")})


def is_press_addressee(toks: list[str], k: int) -> bool:
    """"... لوكالة رويترز" inside a longer span: the press outlet a body spoke to, not its parent
    ("المكتب الإقليمي لوكالة الأنباء" is a unit of the agency)."""
    _f, cl, rest, _h = analyse(toks[k])
    return cl == "ل" and rest in _PRESS and k > 0 and analyse(toks[k - 1])[2] not in _PRESS_UNITS


def _age_category(toks: list[str], j: int, hi: int) -> bool:
    """"من 17 سنة" after "لأقل/دون": the rest of an age category."""
    return (j + 2 < hi and fold(toks[j]) == _MIN and toks[j + 1].isdigit()
            and fold(toks[j + 2]) in _YEARS)


@word_cache(200_000)
def _head_of(tok: str) -> str:
    return analyse(tok)[3]


def _proper(tok: str) -> bool:
    """A word that makes a company phrase a name: foreign/rare word, place, nationality, Latin, quote."""
    if not tok[0].isalpha():
        return tok in _OPEN_QUOTE
    f, _cl, rest, _h = analyse(tok)
    nm = names()
    k = strip_al(rest)
    return is_latin(tok) or is_nat(rest) or k in nm.places or (f not in nm.common and rest not in nm.common)


_SITE = frozenset(fold(w) for w in ["موقع", "الموقع"])
_GROUP = frozenset(fold(w) for w in ["مجموعة", "المجموعة", "مجموعه"])
# "بحسب « المسيرة »", "نقلا عن « القدس العربي »": a quoted name given as the source of a report is an outlet.
# A correspondent of an outlet, or two outlets under one dual head noun.
_PRESS_WORDS = frozenset(fold(w) for w in ["مراسل", "مراسلة", "مراسلو", "مراسلي", "قناتي", "صحيفتي", "قناتا", "صحيفتا",
                                           "موفد", "موفدة", "كاميرا", "عدسة", "شاشة"])
_FIRMS = frozenset(fold(w) for w in ["شركتان", "الشركتان", "شركتي", "الشركتين", "شركتا", "شركتين"])
_SOURCE = frozenset(fold(w) for w in ["بحسب", "حسب", "وحسب", "وبحسب", "نقلت", "ونقلت", "أوردت", "وأوردت"])


def _trigger(tok: str) -> str:
    """Type of a word that announces a quoted name: "موقع" (media), "مجموعة" (company), a head noun."""
    if not tok[0].isalpha():
        return ""
    f = fold(tok) or "-"
    bare = f[1:] if len(f) > 4 and f[0] in "لبوف" else f
    if f in _SITE or bare in _SITE:
        return "media"
    if f in _GROUP or bare in _GROUP:
        return "company"
    if f in _PRESS_WORDS or bare in _PRESS_WORDS:
        return "media"  # 'مراسلة "العربية"', 'لقناتي "العربية" و"الحدث"'
    if f in _FIRMS or bare in _FIRMS:
        return "company"  # 'الشركتان العالميتان للرحلات الجوية "توماس كوك"'
    head = analyse(tok)[3]
    return head if head in ("media", "company") else ""


def quoted_spans(toks: list[str], lo: int, hi: int) -> list[tuple[int, int, float, str]]:
    """Quoted names a trigger announces (rule 10: the name inside the quotes, the trigger outside):
    'لموقع « فبراير »', 'المجموعة الفرنسية المغربية « Figeac Aero »' (adjectives may stand between, rule
    2), 'بحسب « المسيرة »' (the source of a report). "موقع" is no head noun in general ("موقع الحادث")."""
    out: list[tuple[int, int, float, str]] = []
    if _QUOTE_SET.isdisjoint(toks[lo:hi]):
        return out
    for q in range(lo + 1, hi - 2):
        if toks[q] not in _OPEN_QUOTE:
            continue
        end = _quoted_end(toks, q, hi)
        if not end or any(fold(t) in lx.STOP for t in toks[q + 1 : end - 1]):
            continue
        typ = ""
        k = q - 1
        while k >= lo and k >= q - 3 and toks[k][0].isalpha() and not _trigger(toks[k]) and _def_nisba(toks[k]):
            k -= 1  # adjectives between the trigger and the quotes
        if k >= lo:
            typ = _trigger(toks[k])
            if not typ and k == q - 1 and fold(toks[k]) in _SOURCE and _name_word(toks[q + 1]):
                typ = "media"  # a name's word, not a phrase ('حسب "الأقدمية والمباشرة"')
            if not typ and k == q - 1 and _told_outlet(toks, q, end, lo, hi):
                typ = "media"
            if not typ and k > lo and fold(toks[k]) in _NEWS_WORDS and analyse(toks[k - 1])[2] == _AGENCY:
                typ = "media"  # 'وكالة الأنباء الرسمية "وات"', 'وكالة أنباء "الصين الجديدة"': the agency, then its name
        if not typ and out and out[-1][1] + 1 == q - 1 and toks[q - 1] == "و":
            typ = out[-1][3]  # 'لقناتي "العربية" و"الحدث"': the second of two quoted names the trigger announces
        if typ:
            out.append((q + 1, end - 1, 0.75, typ))
    return out


# "*نقلاً عن الرؤية الإماراتية", '* نقلا عن "الشرق الأوسط"': the newspaper a column is reprinted from (AlArabiya
# ends 531 of its 6,519 articles so). Its nationality adjective is feminine (a صحيفة is meant) and stays out (rule 4).
_CIVIL_ADJ = fold("المدنية")
_REPRINTED = frozenset(fold(w) for w in ["نقلا", "نقلاً", "ونقلا", "ونقلاً"])
_NOT_OUTLETS = frozenset(fold(w) for w in ["الصحافة", "الصحف", "وسائل", "الإعلام", "التلفزيون", "الإذاعة", "التلفزة",
                                           "مصادر", "مصدر", "مسؤولين", "مسؤول", "السلطات", "الوكالة", "وكالات"])


def reprint_spans(toks: list[str], lo: int, hi: int) -> list[tuple[int, int, float]]:
    out: list[tuple[int, int, float]] = []
    for i in range(lo, hi - 3):
        if toks[i + 1] != "عن" or fold(toks[i]) not in _REPRINTED:
            continue
        j = i + 2
        if toks[j] in _OPEN_QUOTE:
            end = _quoted_end(toks, j, hi)
            if end and end - j <= 5 and not any(fold(t) in lx.STOP for t in toks[j + 1 : end - 1]):
                out.append((j + 1, end - 1, 0.75))
            continue
        for k in (j + 1, j + 2):
            if k >= hi or not all(t[0].isalpha() for t in toks[j : k + 1]):
                break
            rest = analyse(toks[k])[2]
            if is_nat(rest) and rest.endswith("ه") and rest != _CIVIL_ADJ:  # "الحماية المدنية": civil, not of Medina
                words = [analyse(t) for t in toks[j:k]]
                # a head noun agreeing with the feminine adjective is the body itself ("الحكومة المصرية"); the
                # newspaper "المنتخب المغربية" disagrees with it
                if not any((w[3] and w[2].endswith("ه")) or w[1] or w[0] in lx.STOP or w[0] in _NOT_OUTLETS
                           for w in words):
                    out.append((j, k, 0.75))
                break
    return out


# An outlet named in quotes as the one a source spoke to or that obtained a document: 'في اتصال هاتفي مع
# «فبراير»', 'في تصريح لـ«هسبريس»', 'وقال لـ"العربية.نت"', 'حصلت «فبراير. كوم» على صور'.
_CONTACT = frozenset(fold(w) for w in ["تصريح", "تصريحات", "اتصال", "حديث", "حوار", "مقابلة"])
_CONTACT_ADJ = frozenset(fold(w) for w in ["هاتفي", "خاص", "خاصة", "صحفي", "صحافي", "صحفية", "صحافية", "سابقة",
                                           "حصرية", "تلفزيونية"])
_TO = frozenset(fold(w) for w in ["لـ", "ل", "بـ", "مع"])
_SAID = frozenset(fold(p + w) for p in ("", "و") for w in ["قال", "قالت", "أكد", "أكدت", "أوضح", "أوضحت", "صرح",
                                                             "صرحت", "كشف", "كشفت", "أضاف", "أضافت", "ذكر",
                                                             "ذكرت", "أفاد", "أفادت"])
_OBTAINED = frozenset(fold(p + w) for p in ("", "و") for w in ["حصلت", "حصل", "علمت", "اطلعت", "تلقت"])
_OBTAINED_NEXT = frozenset(fold(w) for w in ["على", "من", "أن"])


_THAT = frozenset(fold(w) for w in ["أن", "إن", "بأن", "وأن", "وإن", "أنه", "إنه", "لأن", "الذي", "التي"])
_SOURCES_NOUN = frozenset(fold(w) for w in ["مصدر", "مصادر", "مسؤول", "متحدث", "المتحدث", "الناطق"])
_NEWS = fold("الأنباء")
_NEWS_WORDS = frozenset([_NEWS, fold("أنباء")])
_AGENCY = fold("وكالة")


def _told_outlet(toks: list[str], q: int, end: int, lo: int, hi: int) -> bool:
    """The quotes at q..end name the outlet a source spoke to or that obtained something."""
    prev = fold(toks[q - 1])
    if prev in _OBTAINED:
        return end < hi and fold(toks[end]) in _OBTAINED_NEXT
    if prev not in _TO or q - 2 < lo:
        return False
    before = fold(toks[q - 2])
    if before in _CONTACT or (before in _SAID and prev != fold("مع")):
        return True
    if toks[q - 1] == "لـ" and end - q == 3:
        if end < hi and toks[end] == ":":
            return True  # a headline: 'غوغل لـ "العربية": ...', what someone told the outlet
        # 'وأكد مصدر من داخل البيضاء لـ"العربية"': one quoted word a source spoke to, the saying verb or its
        # subject shortly before and no clause between ('وأكد أن الحزب تعرض لـ"هجوم"' is no outlet)
        for t in reversed(toks[max(lo, q - 12) : q - 1]):
            f = fold(t)
            if f in _THAT:
                return False
            if f in _SAID or f in _SOURCES_NOUN:
                return True
    return before in _CONTACT_ADJ and q - 3 >= lo and fold(toks[q - 3]) in _CONTACT


# Outlets whose name is a common word, named without quotes only where a correspondent, a camera or an interview
# points at them: "وأفاد مراسل العربية", "في مقابلة خاصة مع العربية" (elsewhere "العربية" is the adjective).
_WORD_OUTLETS = {fold("العربية"): "العربية", fold("الحدث"): "الحدث"}
_WORD_OUTLETS_RAW = frozenset(["العربية", "العربيه", "الحدث"])


def word_outlet_spans(toks: list[str], lo: int, hi: int) -> list[tuple[int, int, float, str]]:
    """(start, end, confidence, canonical) of the unquoted outlets above."""
    out: list[tuple[int, int, float, str]] = []
    if _WORD_OUTLETS_RAW.isdisjoint(toks[lo + 1 : hi]):
        return out  # the common case, decided at C speed
    for i in range(lo + 1, hi):
        canonical = _WORD_OUTLETS.get(fold(toks[i]))
        if canonical is None:
            continue
        prev = fold(toks[i - 1])
        if prev in _PRESS_WORDS or (prev == fold("مع") and i - 2 >= lo and (
                fold(toks[i - 2]) in _CONTACT or (fold(toks[i - 2]) in _CONTACT_ADJ and i - 3 >= lo
                                                   and fold(toks[i - 3]) in _CONTACT))):
            out.append((i, i + 1, 0.75, canonical))
    return out


def _name_word(tok: str) -> bool:
    """A word that occurs in organisation names (the compiled lists' vocabulary) or a Latin word."""
    return is_latin(tok) or (tok[0].isalpha() and strip_al(analyse(tok)[2]) in names().vocab)


def _def_nisba(tok: str) -> bool:
    rest = analyse(tok)[2]
    return rest.startswith("ال") and rest.endswith(("ي", "يه"))


def _indef_describes(tok: str) -> bool:
    """An indefinite nationality ("تونسية") or generic adjective ("ديمقراطي"), no clitic."""
    f, cl, rest, _h = analyse(tok)
    return tok[0].isalpha() and not cl and not f.startswith("ال") and (f in lx.GENERIC_ADJ or is_nat("ال" + f))


def head_spans(toks: list[str], lo: int, hi: int) -> list[tuple[int, int, float]]:
    """Candidate names opened by head nouns, with a rule confidence."""
    out: list[tuple[int, int, float]] = []
    done = lo
    for i in compress(range(lo, hi), map(_head_of, toks[lo:hi])):  # C speed: most words are no head
        if i < done:
            continue
        _f, _cl, rest, head = analyse(toks[i])
        if rest in _PORTFOLIO and i > lo and (analyse(toks[i - 1])[2] in lx.TITLES
                                              or analyse(toks[i - 1])[2] in _PORTFOLIO_NOUNS):
            continue  # "وزير الخارجية الفرنسي", "للشؤون الخارجية السعودية": a portfolio, not the ministry
        if rest in _DESCRIPTIVE and i + 1 < hi and _is_word(toks[i + 1]):
            nf, ncl, nrest, nh = analyse(toks[i + 1])
            if nh and not ncl and nrest.startswith("ال"):
                continue  # "قوات [الجيش الوطني اليمني]": a descriptive noun before a name with its own head
        if i + 1 < hi and possessed(toks[i + 1]):
            continue  # "منتخب بلاده": his country's team, no name
        end, strong = chain_end(toks, i, hi)
        n = end - i
        ok = False
        if n >= 2 and not rest.startswith("ال") and all(_indef_describes(t) for t in toks[i + 1 : end]):
            continue  # "مؤسسة تونسية", "حزب ديمقراطي": an indefinite head and its adjectives describe
        if n >= 2:
            ok = strong if rest.startswith("ال") or rest in lx.WEAK_HEADS else True
            if ok and head == "company" and not any(_proper(t) for t in toks[i + 1 : end]):
                ok = False  # "شركة التواصل الاجتماعي", "شركة الأبحاث": a description, not a company name
        if ok:
            out.append((i, end, 0.8 if strong else 0.65))
            done = end
    return out


_FM = (fold("أف"), fold("إف"))
_AM = (fold("أم"), fold("إم"))
_FM_RAW = frozenset(["FM", "fm", "Fm", "أف", "اف", "إف", "آف", "ٱف"])
_RADIO = frozenset(fold(w) for w in ["راديو", "إذاعة", "الإذاعة", "اذاعة", "لإذاعة", "وإذاعة", "لراديو"])
_NOT_RADIO_NAME = frozenset(fold(w) for w in ["نوع", "موجة", "موجات", "بث", "تردد", "ترددات"]) | _RADIO


def radio_spans(toks: list[str], lo: int, hi: int) -> list[tuple[int, int, float]]:
    """Radio stations named "X أف أم" / "X FM" ("الجوهرة أف أم", 'جوهرة "اف ام"', "شمس FM"): the word
    before the band is the name; a radio head noun right before it belongs to it."""
    out: list[tuple[int, int, float]] = []
    if _FM_RAW.isdisjoint(toks[lo:hi]):
        return out  # the common case, checked in C
    for k in range(lo + 1, hi):
        t = toks[k]
        if t.upper() == "FM":
            end = k + 1
        elif fold(t) in _FM and k + 1 < hi and fold(toks[k + 1]) in _AM:
            end = k + 2
        else:
            continue
        j = k - 1
        quoted = toks[j] in _OPEN_QUOTE and j > lo
        if quoted:
            j -= 1  # جوهرة "اف ام": the quotes split the name and stay inside it
            if end < hi and toks[end] in "\"»”'":
                end += 1
            else:
                continue
        w = toks[j]
        f, _cl, rest, _h = analyse(w)
        if not w[0].isalpha() or f in lx.STOP or f in _NOT_RADIO_NAME or rest in _NOT_RADIO_NAME:
            continue
        if j > lo and fold(toks[j - 1]) in _RADIO:
            j -= 1
        out.append((j, end, 0.8))
    return out


_CAPITAL_START = re.compile(r"(?:^| )[A-Z]")


def latin_spans(toks: list[str], lo: int, hi: int) -> list[tuple[int, int, float]]:
    """Latin-script names in Arabic text: acronyms (CNN, OCP), CamelCase brands (JPMorgan, YouTube) and
    capitalised runs carrying an organisation word ("Morgan Stanley Bank", "Human Rights Watch")."""
    out: list[tuple[int, int, float]] = []
    if _CAPITAL_START.search(" ".join(toks[lo:hi])) is None:
        return out  # most Arabic sentences: no capitalised word, decided at C speed
    i = lo
    while i < hi:
        if not ("A" <= toks[i][0] <= "Z"):
            i += 1
            continue
        j = i
        while j < hi and j - i < 8 and toks[j][0].isascii() and toks[j].isalpha() and (
            toks[j][:1].isupper() or (j > i and toks[j] in _LATIN_JOIN and j + 1 < hi and toks[j + 1][:1].isupper()
                                      and toks[j + 1].isascii() and toks[j + 1].isalpha())
        ):
            j += 1  # "Institute for Securities and Investment": lower-case joiners inside a capitalised run
        if j == i:
            i += 1
            continue
        run = toks[i:j]
        if len(run) == 1 and (_GRADE.fullmatch(run[0]) or run[0] in ("FM", "AM") or (j < hi and toks[j][0].isdigit())):
            i = j
            continue  # "AA", "BBB": credit grades; "FM" alone is a band; "TU 931": a flight or model code
        if any(_ORG_WORDS.get(w.lower()) for w in run) or (len(run) == 1 and (_acronyms(run[0]) or _camel(run[0]))):
            out.append((i, j, 0.5))
        elif len(run) > 1 and _camel(run[0]):
            out.append((i, j, 0.45))
        i = j
    return out


# Spelt acronyms of things, not bodies: DNA, RNA, iOS, GPS, USB, VIP, PDF, HD, DJ, CD, DVD, SMS.
_THING_ACRONYMS = frozenset(" ".join(fold(w) for w in a.split()) for a in [  # folded: one spelling each
    "دي إن إيه", "آر إن إيه", "آي أو إس", "جي بي إس", "يو إس بي", "في آي بي", "بي دي إف", "إتش دي", "دي جي", "سي دي",
    "دي في دي", "إس إم إس", "إل إي دي", "إف إم", "إيه إم"])


def thing_acronym(span: list[str]) -> bool:
    """A spelt acronym of a thing ("دي.إن.إيه", "آي أو إس"), which quotes or the CRF may also propose."""
    return (2 <= len(span) <= 5 and span[0] in LETTER_NAMES
            and " ".join(fold(t) for t in span if t != ".") in _THING_ACRONYMS)


def letter_acronym_spans(toks: list[str], lo: int, hi: int) -> list[tuple[int, int, float]]:
    """Three or more Latin letter names joined by dots, as one acronym ("آر.تي.ال", "آي.إتش.آي.إس")."""
    out: list[tuple[int, int, float]] = []
    if toks[lo:hi].count(".") < 2:
        return out  # the common case, decided at C speed: one full stop ends the sentence, an acronym has two dots
    i = lo
    while i < hi:
        if toks[i] not in LETTER_NAMES or (i > lo and toks[i - 1] == "."):
            i += 1
            continue
        j = i + 1
        while j + 1 < hi and toks[j] == "." and toks[j + 1] in LETTER_NAMES:
            j += 2
        if (j - i + 1) // 2 >= 3 and not thing_acronym(toks[i:j]):
            out.append((i, j, 0.6))
        i = j
    return out


_GRADE = re.compile(r"(A{1,3}|B{1,3}|C{1,3}|Aa{1,2}|Ba{1,2}|Caa|D)")
_LATIN_JOIN = frozenset(["for", "of", "and", "the", "de", "du", "des", "la", "le", "et", "on"])


def _camel(t: str) -> bool:
    """JPMorgan, YouTube, PayPal: an inner capital in a word."""
    return len(t) > 3 and any(c.isupper() for c in t[1:]) and any(c.islower() for c in t) and t not in _TERMS


_ORG_WORDS = dict.fromkeys(
    ["bank", "inc", "ltd", "corp", "corporation", "company", "group", "holding", "holdings", "capital", "news",
     "times", "post", "airlines", "airways", "motors", "foundation", "institute", "university", "association",
     "agency", "council", "party", "network", "club", "fc", "watch", "international", "organization",
     "organisation", "ministry", "telecom", "energy", "petroleum", "media", "press"],
    True,
)


@word_cache(50_000)
def _acronyms(t: str) -> str:
    return (t if "A" <= t[0] <= "Z" and t.isupper() and 2 <= len(t) <= 6 and t.isascii() and t.isalpha()
            and t not in _TERMS else "")


# Latin acronyms and terms that name things, not organisations: technologies, formats, indicators, roles.
_TERM_WORDS = (
    "SMS MMS HD FHD QHD UHD LED LCD OLED AMOLED GPS USB DNA RNA VIP CEO CFO PDF GDP PMI CPI IT AI VR AR VAR "
    "SIM ATM PIN LTE GSM WiFi DDoS HTML HTTP HTTPS URL IP RAM ROM CPU GPU SSD HDD PC TV OS iOS NFC RFID "
    "BBB AAA MRI CT ICU PCR IQ KO GB MB TB KB GHz MHz MP"
)
_TERMS = frozenset(_TERM_WORDS.split())


def is_term(tok: str) -> bool:
    """A Latin acronym or term that names a thing ("PMI", "SMS"), whichever component proposed it."""
    return tok in _TERMS
