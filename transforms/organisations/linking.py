"""Canonical names, types and within-article linking of organisation mentions.

Canonical = the list's name when the key is known; otherwise the surface without leading clitics
in folded spelling (hamza, alef, ya and ta marbuta folded), so one organisation written several
ways in several articles still groups. Inside an article, acronyms in parentheses, "منظمة X" / "X",
later partial mentions and misspelt repeats take the canonical of the full name they refer to.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from transforms.arabic import normalize
from transforms.organisations import lexicon as lx
from transforms.organisations.gazetteer import Names, key_word, names, skeleton
from transforms.organisations.rules import analyse, is_nat
from transforms.organisations.tokens import fold, strip_al, word_cache

TYPES = (
    "government", "international", "party", "union", "company", "sports", "media", "ngo",
    "education_research", "religious", "judiciary_security", "other",
)
_STRONG_HEAD_TYPES = frozenset({"party", "union", "media", "sports", "company", "judiciary_security"})
_INSTITUTES = frozenset(fold(w) for w in ["معهد", "المعهد", "مركز", "المركز"])
_NATIONAL_ADJ = frozenset(fold(w) for w in ["الوطني", "القومي"])
_SCIENCE = tuple(fold(w) for w in ["علوم", "تكنولوجي", "بحوث", "فلاحي", "استخبارات"])  # a school, a lab, spies
_APPARATUS = frozenset(fold(w) for w in ["جهاز", "الجهاز"])
# word stems (folded) of the state's civil apparatuses: statistics, mobilisation, audit, consumer protection
_CIVIL_APPARATUS = tuple(fold(w) for w in ["إحصاء", "تعبئة", "محاسبات", "المستهلك", "تنظيم"])


@cache
def _votes() -> dict[str, dict[str, int]]:
    root = resources.files("transforms") / "resources" / "organisations"
    out: dict[str, dict[str, int]] = {}
    with (root / "type_votes.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            w, rest = line.rstrip("\n").split("\t")
            out[w] = {k: int(v) for k, v in (x.split(":") for x in rest.split())}
    return out


def mention_key(toks: list[str]) -> tuple[str, ...]:
    """Key words of a mention: clitics of the first word removed, ال dropped everywhere."""
    if not toks:
        return ()
    first = analyse(toks[0])[2]
    if len(toks) == 1:
        return (first,)
    return (strip_al(first), *(key_word(t) for t in toks[1:] if t[0].isalnum()))


_FINAL_HA_OK = frozenset(["الله", "مياه", "اتجاه", "وجه", "شبه", "انتباه"])


# Spelling variants the normalisation keeps apart ("هيأة" is the Moroccan spelling of "هيئة").
_SPELLING = {"هياة": "هيئة", "الهياة": "الهيئة"}


@word_cache(100_000)
def readable(text: str) -> str:
    """Canonical spelling: Arabic-normalised (alef, ya, diacritics, digits) and word-final ه read as ة."""
    out = []
    for w in normalize(text).split():
        if len(w) >= 4 and w.endswith("ه") and w not in _FINAL_HA_OK and not w.startswith(("ال", "و")) or (
            len(w) >= 6 and w.startswith("ال") and w.endswith("ه") and w[2:] not in _FINAL_HA_OK
        ):
            w = w[:-1] + "ة"
        out.append(_SPELLING.get(w, w))
    return " ".join(out)


def _whole_word_known(f: str, rest: str) -> bool:
    """"فالنسيا" is Valencia, not ف + "النسيا": the whole word is a frequent one, the rest is not."""
    nm = names()
    return f in nm.common and strip_al(rest) not in nm.common and strip_al(rest) not in nm.vocab


def display(toks: list[str], surface: str) -> str:
    """Canonical of a name no list knows: the surface without leading clitics, in canonical spelling."""
    f, cl, rest, _h = analyse(toks[0])
    if cl and _whole_word_known(f, rest):
        cl = ""
    if not cl:  # "لتنظيم داعش", "لجوهرة اف ام": a clitic the span leaves out (clitic_length) is no part of the name
        return readable(surface[clitic_length(toks[0]):].translate(_NO_QUOTES))
    n = len(cl)
    text = surface[n:]
    if surface[n - 1 : n + 1] == "لل":  # ل + ال fused: "للأمم" -> "الأمم"
        text = "ا" + surface[n:]
        if rest == f[n:] and rest in lx.HEADS:  # "للجنة": ل + a head noun starting with ل, not ل + "الجنة"
            # definite before its adjective ("للجنة التنفيذية" -> "اللجنة"), bare before a genitive
            # ("للجنة العلاقات الخارجية" -> "لجنة")
            nxt = fold(toks[1]) if len(toks) > 1 else ""
            text = ("ال" if nxt.startswith("ال") and nxt.endswith(("ي", "يه", "يا")) else "") + surface[n:]
    return readable(text.translate(_NO_QUOTES))


def clitic_length(word: str) -> int:
    """Characters of a mention's first word that are a leading clitic, left out of the span (guidelines
    rule 3): "والحكومة" 1, "بالرابطة" 1, "للأمم" 2 (the fused لل goes whole), "لليفربول" 1, "لوزارة" 1,
    "وحماس" 1; 0 for "وكالة", "فالنسيا", "فيسبوك". Why: the written word carries the clitic, the name does not.
    """
    f, cl, rest, _head = analyse(word)
    nm = names()
    n = 0
    if cl:
        n = len(cl)
        fused = f[n:] != rest  # "للأمم": ل + ال whose alef is not written, the whole "لل" goes
        if fused and f[n:] in nm.vocab and strip_al(rest) not in nm.vocab:
            pass  # "لليفربول": only the preposition, the name keeps its own ل
        elif _whole_word_known(f, rest):
            return 0
        elif fused:
            n += 1
    elif f[1:] in lx.PLURAL_HEADS or (f[2:] in lx.PLURAL_HEADS and f[:2] in ("وب", "ول")):
        n = 1 if f[1:] in lx.PLURAL_HEADS else 2  # "بمنتخبات إنجلترا وروسيا": a dual or plural head's clitic
    elif len(f) > 3 and f[0] in "وبلفك" and f not in nm.vocab and (f,) not in nm.by_key:
        for k in (1, 2):  # a bare clitic before an indefinite listed name: "وحماس", "لداعش", "ولداعش"
            # (one letter first: "لباريس" is ل + "باريس", not لب + "اريس")
            if (k == 1 or f[1] in "بلك") and (f[k:] in nm.vocab or (f[k:],) in nm.by_key) and len(f) - k >= 3:
                n = k
                break
    if not n:
        return 0
    # the same number of letters in the word as written (it may carry diacritics or a tatweel)
    for j in range(len(word) - 1, 0, -1):
        if fold(word[:j]) == f[:n]:
            return j if j < len(word) - 1 else 0
    return 0


_NO_QUOTES = str.maketrans({c: " " for c in "\"'«»“”„‘’_#"})  # hashtag "_" and "#" read as spaces


_MINISTRY = frozenset({fold("وزارة"), fold("الوزارة")})
_CIVIL = frozenset({"ngo", "union", "sports", "religious", "media", "education_research"})
_CUE_RANK = {c: k for k, c in enumerate(
    ["sports", "union", "media", "religious", "judiciary_security", "company", "education_research", "ngo",
     "government", "international"]
)}
_CENTRAL = fold("المركزي")
_LATIN_TYPES = {
    **dict.fromkeys(["news", "times", "post", "press", "media", "network", "tv", "radio", "journal"], "media"),
    **dict.fromkeys(["university", "institute", "school", "college"], "education_research"),
    **dict.fromkeys(["party"], "party"),
    **dict.fromkeys(["club", "fc"], "sports"),
    **dict.fromkeys(["watch", "foundation", "association"], "ngo"),
    **dict.fromkeys(["ministry", "agency", "council"], "government"),
}
_FEDERATION = frozenset({fold("الجامعة"), fold("جامعة")})


# linking-only type words (lexicon.TYPE_CUES also feeds the CRF, whose weights were learnt with it)
_SCHOOLS = frozenset(fold(w) for w in ["مدرسة", "المدرسة", "معهد", "المعهد"])
_SOCIETY = frozenset({fold("جمعية"), fold("الجمعية")})
_ORGANISATION = frozenset({fold("منظمة"), fold("المنظمة")})
_CHAMBERS = frozenset({fold("غرفة"), fold("الغرفة")})
_PARTY_SHORT = frozenset({fold("النهضة"), fold("النداء")})
_SPORT_PORTFOLIO = frozenset(fold(w) for w in ["الرياضة", "للرياضة", "والرياضة", "لرياضة"])
_STATE_OFFICES = frozenset(fold(w) for w in ["هيئة", "الهيئة", "مديرية", "المديرية", "مندوبية", "المندوبية"])
_CLUB_FIRSTS = frozenset(fold(w) for w in ["سبورتينغ", "سبورتنغ", "سبورتينج", "سبورتنج", "أولمبيك", "مولودية",
                                            "شبيبة", "الشبيبة"])
# compared without the article; "خفر السواحل", "الادعاء العام" ("البحرية الإسبانية": _NAVY, "بحرية" is ب + حرية)
_SECURITY = frozenset(fold(w) for w in ["أمن", "حرس", "شرطة", "درك", "خفر", "ادعاء"])
_NAVY = frozenset(fold(w) for w in ["البحرية", "بحرية"])  # "بحرية الاحتلال الإسرائيلي": the navy
_QAEDA = fold("القاعدة")
_OBSERVATORIES = frozenset(fold(w) for w in ["المرصد", "مرصد"])
_STUDIES = tuple(fold(w) for w in ["اقتصاد", "دراسات", "بحوث", "أبحاث", "فلك", "علوم"])
# heads of a unit that a police word makes a police unit (a council or ministry of security is the state)
_POLICE_UNITS = frozenset(fold(w) for a in ["إدارة", "فرقة", "مركز", "منطقة", "وحدة", "وحدات", "مصلحة", "دائرة",
                                            "قسم", "فوج"] for w in (a, "ال" + a))


# what a union of trades is made of (without the article): labour, farming, industry, trade, banks, the press
_TRADES = frozenset(fold(w) for w in ["شغل", "فلاحة", "صناعة", "صناعات", "تجارة", "صيد", "مصارف", "مصرفيين",
                                      "صحافيين", "صحفيين", "كتاب", "أعراف", "عمال", "فلاحين", "شغالين", "مهندسين"])
_LOCAL_ADJ = frozenset(fold(w) for w in ["الجهوي", "المحلي"])
# organs whose type is their parent's ("المكتب التنفيذي", "الهيئة المديرة", "المجلس الوطني")
_ORGANS = frozenset(fold(a + w) for w in ["مكتب", "هيئة", "مجلس", "لجنة", "فرع"] for a in ("", "ال"))


_JOINT_BODIES = frozenset(fold(a + w) for w in ["لجنة", "مجلس"] for a in ("", "ال"))
_BUSINESS = fold("الأعمال")  # "مجلس الأعمال السعودي الفرنسي": the two countries' firms, not their states
_NOT_STATES = frozenset(fold(w) for a in ["الجنوبي", "الشمالي", "الشرقي", "الغربي", "المدني", "المالي", "المحلي"]
                        for w in (a, a + "ة"))


def _state_adj(w: str) -> bool:
    """A nationality adjective naming a state ("التونسية"), not a direction or a civil/financial/local word."""
    return is_nat(w) and w not in _NOT_STATES and w not in lx.REGIONAL_ADJ and w not in lx.INST_ADJ


def _adj_like(w: str) -> bool:
    return is_nat(w) or w in lx.INST_ADJ


def guess_type(toks: list[str], known: str | None) -> str:
    """List type > strong head type > nationality > cue words > head type > NewsFANE votes > other."""
    if known:
        return known
    _f, _cl, rest0, head = analyse(toks[0])
    if all(t.isascii() for t in toks):
        for t in toks:
            if t.lower() in _LATIN_TYPES:
                return _LATIN_TYPES[t.lower()]
        return "company"  # JPMorgan, Custodian Ltd: a Latin brand name is most often a company
    parts = [analyse(t) for t in toks[1:] if t[0].isalpha()]
    words = [a[2] for a in parts]
    # cue words as written or without their clitic ("للأمن" and "الأمن" both say security)
    cues = [c for a in parts if (c := lx.TYPE_CUES.get(a[0]) or lx.TYPE_CUES.get(a[2]))]
    if not head and lx.TYPE_CUES.get(rest0):
        cues.append(lx.TYPE_CUES[rest0])  # "برس أسوسييشن", "نيوز ويك": the cue word comes first
    if rest0 == lx.BOARD[0] and len(toks) > 2 and fold(toks[1]) == lx.BOARD[1] and toks[2][0].isalpha():
        hit = names().by_key.get(mention_key(toks[2:]))  # "مجلس إدارة صندوق النقد الدولي": the body's board
        return hit[1] if hit else guess_type(toks[2:], None)  # takes the body's type (rule 8)
    if head == "company" and _CENTRAL in words:
        return "government"  # البنك المركزي / مصرف لبنان المركزي
    if rest0 == _QAEDA and (len(toks) == 1 or toks[1] == "في"):
        return "other"  # "القاعدة", "القاعدة في بلاد المغرب": the armed group ("تنظيم القاعدة" is listed)
    if len(toks) == 1 and rest0 in _PARTY_SHORT:
        return "party"  # "النهضة", "النداء" alone: Tunisia's two largest parties (no link: the short forms collide)
    if head == "union_or_other":  # "اتحاد قصور الساف"; "الاتحاد الأرجنتيني" (unlisted: the EU and AU are listed)
        national = bool(words) and is_nat(words[0]) and words[0] not in lx.REGIONAL_ADJ
        if "sports" in cues or (words and strip_al(words[0]) in names().places) or (len(words) == 1 and national):
            head = "sports"
        elif len(words) > 1 and national:  # "الاتحاد المغربي للشغل", "الاتحاد التونسي للصناعة": a national union
            head = "union"  # (a sport's federation has a sport's name: "الاتحاد المصري للشراع", above)
        elif words and (words[0] in _LOCAL_ADJ or any(strip_al(a[2]) in _TRADES for a in parts)):
            head = "union"  # "الاتحاد الجهوي للشغل", "اتحاد الفلاحة بسوسة", "اتحاد المصارف العربية": trades
        else:
            head = ""
    if rest0 in _SOCIETY and len(words) == 1 and strip_al(words[0]) in names().places:
        return "sports"  # "جمعية الحمامات", "جمعية جربة": a society named by its town alone is its club
    plural = next((rest0[k:] for k in (0, 1, 2) if rest0[k:] in lx.PLURAL_HEADS), None)  # "بمنتخبات": a clitic
    if not head and plural:
        return lx.PLURAL_HEADS[plural]  # "منتخبات روسيا وأوروغواي", "حزبي القطب والجمهوري" (rule 12: one mention)
    if not head and rest0 in _CLUB_FIRSTS:
        return "sports"  # "سبورتينغ بن عروس", "أولمبيك مدنين"
    if (not head or rest0 in _POLICE_UNITS) and (rest0 in _NAVY or any(strip_al(w) in _SECURITY for w in [rest0, *words])):
        return "judiciary_security"  # "الأمن الوطني", "منطقة الأمن الوطني بتاجروين", "إدارة الشرطة البلدية"
    if rest0 in _APPARATUS and any(stem in w for w in words for stem in _CIVIL_APPARATUS):
        return "government"  # "الجهاز المركزي للتعبئة العامة والإحصاء", "الجهاز المركزي للمحاسبات": no police
    if head in _STRONG_HEAD_TYPES or rest0 in _MINISTRY:
        return head  # a ministry is the state whatever its portfolio ("وزارة ... والبحث العلمي")
    if (rest0 in _INSTITUTES and words and words[0] in _NATIONAL_ADJ and not {"education_research",
            "judiciary_security"} & set(cues) and not any(stem in w for w in words for stem in _SCIENCE)):
        return "government"  # "المعهد الوطني للإحصاء", "المركز الوطني للسينما والصورة": state bodies (8 of 8 in the golds)
    if rest0 in _SCHOOLS:
        return "education_research"  # "المدرسة الابتدائية ...": the primary school, not a court of first instance
    if rest0 in _OBSERVATORIES and any(stem in w for w in words for stem in _STUDIES):
        return "education_research"  # "المرصد التونسي للاقتصاد" studies (the golds 4 of 4); a rights monitor is an ngo
    for k, a in enumerate(parts):  # an organ of a party, club or union: "المكتب السياسي لحزب آفاق تونس"
        if a[1] in ("ل", "لل", "ب") and a[3] in ("party", "sports"):
            return a[3]
        if a[1] in ("ل", "لل") and a[3] == "union_or_other" and rest0 in _ORGANS:
            sub = guess_type([t for t in toks[1:] if t[0].isalpha()][k:], None)
            if sub == "union":  # "المكتب التنفيذي للاتحاد الجهوي للصناعة والتجارة"
                return sub
    if head and head != "union_or_other":
        parent = _listed_parent(toks, rest0 in lx.OFFICE_NOUNS)
        if parent:
            return parent
    if rest0 in _CHAMBERS:
        return "union"  # "غرفة الإكساء والنسيج بسوسة", "الغرفة النقابية ...": a trade chamber
    if rest0 in _STATE_OFFICES and any(a[2] in _SPORT_PORTFOLIO for a in parts):
        return "government"  # "الهيئة العامة للرياضة", "مديرية الشباب والرياضة بالشرقية": the state's sport office
    if rest0 in _ORGANISATION and "international" not in cues and not any((strip_al(w),) in names().by_key
                                                                        for w in words):
        # an organisation no list knows is civil society ("منظمة أنا يقظ", "منظمة بوصلة"), unless a regional
        # adjective calls it intergovernmental ("المنظمة العربية للتربية والثقافة"); WTO, WHO, OPEC ... are listed
        if any(w in lx.INTL_ADJ or w in lx.REGIONAL_ADJ for w in words):
            return "international"
        civil = [c for c in cues if c in _CIVIL]
        return min(civil, key=_CUE_RANK.__getitem__) if civil else "ngo"
    if head == "education_research" and rest0 in _FEDERATION and words and _adj_like(words[0]):
        fed_cues = {lx.TYPE_CUES.get(w) for w in words}
        # الجامعة التونسية لـ... : a federation; "الجامعة المغربية" alone is the football one (the golds: sports)
        return "sports" if "sports" in fed_cues or len(words) == 1 else "union"
    if head in ("government", "international", "other") and words:
        is_civil = any(c in _CIVIL for c in cues)  # "الائتلاف المغربي للتضامن": civil society, not the state
        if rest0 in _JOINT_BODIES and _BUSINESS not in words and any(
                _state_adj(a) and _state_adj(b) and a != b for a, b in zip(words, words[1:], strict=False)):
            return "international"  # "لجنة التشاور السياسي التونسية المصرية": a committee of two states
        if is_nat(words[0]) and words[0] not in lx.INTL_ADJ and not is_civil:
            return "government"  # "X + nationality": a national institution
        if words[0] in lx.INTL_ADJ:
            return "international"
    if head == "government":
        cues = [c for c in cues if c != "company"]  # "الصندوق الوطني للتأمين": a state fund, not a firm
    if "international" in cues:
        return "international"
    if cues:
        return min(cues, key=_CUE_RANK.__getitem__)
    if head:
        return head
    tally: dict[str, int] = {}
    votes = _votes()
    for t in toks:
        for typ, v in votes.get(key_word(t), {}).items():
            tally[typ] = tally.get(typ, 0) + v
    if tally:
        return max(tally.items(), key=lambda kv: kv[1])[0]
    return "other"


def _listed_parent(toks: list[str], office: bool) -> str:
    """Type of the listed body an organ belongs to (guidelines rule 8: the organ takes its parent's type):
    after ل ("المكتب الجهوي للاتحاد الوطني الحر بالمهدية": a party), after "في" ("مكتب الإعلام في حزب التحرير"),
    or right after an office noun ("مكتب قناة الجزيرة في عمان"); the parent runs to the end or to its seat."""
    n = len(toks)
    for j in range(1, n):
        t = toks[j]
        if not t[0].isalpha():
            continue
        if not (analyse(t)[1] in ("ل", "لل") or (j == 1 and office) or toks[j - 1] in lx.IN_WORDS):
            continue
        for k in range(n, j, -1):
            if k < n and fold(toks[k])[:1] != "ب" and toks[k] not in lx.IN_WORDS:
                continue
            hit = names().by_key.get(mention_key(toks[j:k]))
            if hit and hit[2] == 1:
                return hit[1]
    return ""


def _listed_tail(m: dict, nm) -> tuple[str, str, int] | None:  # noqa: ANN001
    """List entry named by the words after the head noun, when its type fits the head."""
    words = [t for t in m["toks"][1:] if t[0].isalnum()]
    if not words:
        return None
    key = (analyse(words[0])[2],) if len(words) == 1 else mention_key(words)
    hit = nm.by_key.get(key)
    head = analyse(m["toks"][0])[3]
    if hit and hit[2] == 1 and (hit[1] == head or head in ("international", "union_or_other", "government", "ngo")):
        return hit
    return None


# the Latin g, written غ, ج or ق ("سبورتينغ/سبورتينج"), and ك in some transliterations: one letter for comparing
_G = str.maketrans({"غ": "ج", "ق": "ج", "ك": "ج"})
_SPORTS_HEADS = frozenset(fold(w) for w in ["نادي", "النادي", "فريق", "الفريق"])


@word_cache(100_000)
def _club_word(word_key: str) -> str:
    return skeleton(strip_al(word_key)).translate(_G)


def _name_skeleton(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(_club_word, words))


# No news article names one club under one spelling 300 times; a larger group only makes linking quadratic.
_MAX_CLUB_CANDIDATES = 300
ClubIndex = tuple[dict[tuple[str, ...], list[tuple[int, dict]]], dict[str, list[tuple[int, dict]]]]


def _club_index(mentions: list[dict]) -> ClubIndex:
    """Mentions by club skeleton, and the longer ones by their first word, in article order: ``_same_club``
    looks up the few that can fit instead of scanning the article (pages with thousands of mentions)."""
    whole: dict[tuple[str, ...], list[tuple[int, dict]]] = {}
    first: dict[str, list[tuple[int, dict]]] = {}
    for i, o in enumerate(mentions):
        osk = _club_skeleton(o)
        whole.setdefault(osk, []).append((i, o))
        if len(osk) > 1:
            first.setdefault(osk[0], []).append((i, o))
    return whole, first


def _same_club(m: dict, index: ClubIndex) -> dict | None:
    """A foreign club under two spellings or heads in one article: "نادي سبورتينج لشبونة", "فريق سبورتنج
    لشبونة", "سبورتينغ"; "بايرن" after "بايرن ميونخ". The mention is linked to the earlier one whose name
    (its head noun aside) it spells alike or starts, when exactly one organisation fits."""
    own = m["key"][1:] if analyse(m["toks"][0])[2] in _SPORTS_HEADS else m["key"]
    if not own or (analyse(m["toks"][0])[2].startswith("ال") and len(own) == len(m["key"])):
        return None  # a definite bare word ("الإفريقي") is left to the list and the short-form pass
    sk = _club_skeleton(m)
    whole, first = index
    candidates = whole.get(sk, [])
    longer = first.get(sk[0], []) if len(sk) == 1 else []
    if len(candidates) + len(longer) > _MAX_CLUB_CANDIDATES:
        return None  # a page repeating one name thousands of times (bad input): no link rather than quadratic work
    if longer:  # the same name, or a longer one it starts ("بايرن" / "بايرن ميونخ"), in article order
        candidates = sorted(candidates + longer, key=lambda x: x[0])
    fits: dict = {}
    for _i, o in candidates:
        if o is m or (o["org_type"] or ("sports" if analyse(o["toks"][0])[2] in _SPORTS_HEADS else "")) != "sports":
            continue  # clubs only: "فريق صندوق النقد الدولي" is no club of the IMF's
        fits.setdefault(o["canonical"], o)
        if len(fits) > 1:
            return None  # two clubs fit: no link
    return next(iter(fits.values())) if fits else None


def _club_skeleton(m: dict) -> tuple[str, ...]:
    """The skeleton of a mention's name without its sports head, computed once per mention (each unlinked
    mention is compared with every club of its article)."""
    sk = m.get("club_skel")
    if sk is None:
        sk = m["club_skel"] = _name_skeleton(m["key"][1:] if analyse(m["toks"][0])[2] in _SPORTS_HEADS else m["key"])
    return sk


def _brand_with_article(key: tuple[str, ...], nm: Names) -> tuple[str, str, int] | None:
    """"الفايسبوك", "التويتر": a listed one-word company or outlet written with the article, as Maghrebi news
    often does. One-word list keys keep their ال ("حماس" is not "الحماس"), so only brands and outlets are
    read through it, and only for a span already found."""
    if len(key) != 1 or not key[0].startswith("ال") or len(key[0]) < 6:
        return None
    hit = nm.by_key.get((key[0][2:],))
    return hit if hit and hit[2] == 1 and hit[1] in ("company", "media") else None


def _organ_of(m: dict) -> bool:
    """Head noun + a name with a head of its own ("مكتب حركة النهضة", "مفوضية الاتحاد الأوروبي"): an organ
    (guidelines rule 8), not the named body under another head."""
    words = [t for t in m["toks"][1:] if t[0].isalnum()]
    return len(words) >= 2 and bool(analyse(words[0])[3])


def link(mentions: list[dict]) -> None:
    """Fill 'canonical' and 'org_type' in place. Each mention dict has toks, surface, key, known, acr_of."""
    nm = names()
    # 1. Known names and full names first.
    for m in mentions:
        known = nm.by_key.get(m["key"]) or _brand_with_article(m["key"], nm)
        if m.get("list"):
            m["canonical"], m["org_type"] = readable(m["list"][0]), m["list"][1]
        elif known:
            m["canonical"], m["org_type"] = readable(known[0]), known[1]
        elif len(m["key"]) >= 2 and analyse(m["toks"][0])[3] and _listed_tail(m, nm):
            hit = _listed_tail(m, nm)
            assert hit is not None
            if _organ_of(m):  # "مكتب حركة النهضة": an organ of the listed body, its own name, the parent's type
                m["canonical"], m["org_type"] = display(m["toks"], m["surface"]), hit[1]
            else:  # head + known name ("شركة « هواوي »", "لوكالة « بلومبيرغ »"): the list's organisation
                m["canonical"], m["org_type"] = readable(hit[0]), hit[1]
        else:
            m["canonical"] = display(m["toks"], m["surface"])
            m["org_type"] = ""
    fulls = sorted(mentions, key=lambda m: -len(m["key"]))
    by_skel: dict[tuple[str, ...], list[dict]] = {}  # an index, not a scan per mention: pages with thousands
    for m in mentions:                                   # of mentions stay linear
        m["skel"] = tuple(skeleton(w) for w in m["key"])
    for o in fulls:
        if o.get("list") or nm.by_key.get(o["key"]):  # only a curated spelling is a target
            by_skel.setdefault(o["skel"], []).append(o)
    # 2. Parenthesised acronyms: "X (إيسيسكو)".
    alias: dict[str, dict] = {}
    for m in mentions:
        src = m.get("acr_of")
        if src is not None:
            m["canonical"], m["org_type"] = src["canonical"], src["org_type"] or m["org_type"]
            alias[skeleton(strip_al(m["key"][-1]))] = src
    clubs: ClubIndex | None = None  # built when a mention first needs it: most pages never do
    prefix_cache: dict[int, tuple[dict, dict]] = {}

    def longer_starting(n: int) -> tuple[dict, dict]:
        """For names of n words: the first (position in fulls, mention) of a longer name per n-word start, by
        key and by skeleton; with n = 2 only listed names count (a two-word start of an unlisted name is weak)."""
        if n not in prefix_cache:
            by_key: dict[tuple[str, ...], tuple[int, dict]] = {}
            by_sk: dict[tuple[str, ...], tuple[int, dict]] = {}
            for pos, o in enumerate(fulls):
                if len(o["key"]) <= n:
                    break
                if n >= 3 or o.get("list") or nm.by_key.get(o["key"]):
                    by_key.setdefault(o["key"][:n], (pos, o))
                    by_sk.setdefault(o["skel"][:n], (pos, o))
            prefix_cache[n] = (by_key, by_sk)
        return prefix_cache[n]

    # 3. Short forms: "منظمة X" / "X" / partial prefixes / misspelt repeats.
    tails: dict[tuple[str, ...], dict] = {}
    for o in mentions:
        if len(o["key"]) >= 2 and analyse(o["toks"][0])[3]:
            tails.setdefault(tuple(strip_al(w) for w in o["key"][1:]), o)
    for m in mentions:
        hit = nm.by_key.get(m["key"])
        if m.get("acr_of") is not None or m.get("list") or (hit and hit[2] == 1):
            continue  # a curated name is its own organisation; an ANERGazet one-word entry may be a short form
        key = m["key"]
        sk = tuple(skeleton(strip_al(w)) for w in key)
        target = m.get("echo_of")  # a repeat or the core of a name found elsewhere in the article
        if len(key) <= 2 and sk[-1] in alias and (len(key) == 1 or analyse(m["toks"][0])[3]):
            target = alias[sk[-1]]
        tail = tails.get(tuple(strip_al(w) for w in key))
        if target is None and tail is not None and tail is not m:
            target = tail  # "حركة النهضة" ... "النهضة"
        if target is None and len(key) >= 2:
            # the first longer name (in fulls' order) this one starts, as written or as spelt: "X" of "X Y"
            by_key, by_sk = longer_starting(len(key))
            hits = [x for x in (by_key.get(key), by_sk.get(sk)) if x is not None]
            if hits:
                target = min(hits, key=lambda x: x[0])[1]
        if target is None and len(key) >= 2:
            for o in by_skel.get(sk, ()):  # the same name spelt otherwise, in fulls' order
                if o is not m:
                    target = o
                    break
        if target is None:
            clubs = clubs or _club_index(mentions)
            target = _same_club(m, clubs)
        if target is not None:
            m["canonical"], m["org_type"] = target["canonical"], target["org_type"] or m["org_type"]
    # A bare name no list, head or cue types ("سندرلاند", "كييفو") in an article whose typed names are clubs, or
    # among words of a match ("sport", set by the extractor), is a club too: the fallback would call it "other".
    sports = sum(1 for m in mentions if m["org_type"] == "sports")
    for m in mentions:
        if not m["org_type"]:
            hint = m.get("hint")
            m["org_type"] = hint if hint and hint != "union_or_other" else guess_type(m["toks"], None)
            if (m["org_type"] == "other" and (sports >= 2 or m.get("sport")) and len(m["key"]) <= 2
                    and not analyse(m["toks"][0])[3]):
                m["org_type"] = "sports"
            elif (sports >= 2 and m["org_type"] in ("ngo", "other") and analyse(m["toks"][0])[3] == "union_or_other"):
                m["org_type"] = "sports"  # "الاتحاد الإيراني" among clubs is the football federation
    # One organisation, one type: the longest mention of each canonical decides.
    best: dict[str, dict] = {}
    for m in mentions:
        b = best.get(m["canonical"])
        if (b is None or len(m["key"]) > len(b["key"]) or (m.get("list") and not b.get("list"))
                or (len(m["key"]) == len(b["key"]) and m.get("hint") and not b.get("hint") and not b.get("list"))):
            best[m["canonical"]] = m
    for m in mentions:
        m["org_type"] = best[m["canonical"]]["org_type"]
