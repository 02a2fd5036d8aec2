"""Speaker spans: where a speaker phrase ends, what it is (person, organisation, unnamed) and who it refers to.

Cue finding is cheap; attribution is the work. A speaker region (the words between a cue and its
complement) is cut at setting phrases (time words, "في تصريح لـ ...", "لشبكة ..."), split at commas into
name / apposition chunks, and typed by its head noun from the lexicon. ``Registry`` then resolves
surnames, "المتحدث ذاته", role-only mentions ("الوزير") and short forms ("الوزارة") to the speakers and
organisations introduced earlier in the same article.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from transforms.quotes.lexicon import Lexicon
from transforms.quotes.text import (
    COMMAS,
    HASHTAG,
    QUOTE_CLOSE,
    QUOTE_MARKS,
    QUOTE_OPEN,
    Tok,
    fold,
    light_stem,
    strip_proclitics,
)

F_AN = fold("عن")
F_ALI = fold("علي")
F_ILA = fold("إلى")
F_BISM = fold("باسم")
F_FI = fold("في")
F_LI = fold("ل")
F_MA = fold("ما")
F_BIHI = frozenset(fold(w) for w in ("به", "بها", "بهم"))
F_QAWL = frozenset(fold(w) for w in ("قوله", "قولها", "قولهم", "قولهما", "تأكيده", "تأكيدها", "تصريحه", "بقوله",
                                     "بقولها", "بالقول", "متحدثا", "متحدثة"))
SETTING_PREPS = frozenset(fold(w) for w in ("في", "وفي", "خلال", "عبر", "على", "ضمن", "أمام", "لدى", "إثر", "عقب",
                                            "حول", "بشأن", "بخصوص"))
TOPIC_PREPS = frozenset(fold(w) for w in ("حول", "بشأن", "بخصوص"))  # "وأردف كيش حول عدم حصوله ...:"
PARTICLES = frozenset(fold(w) for w in ("قد", "وقد", "كما", "فيما", "بينما", "ثم", "أيضا", "بدوره", "بدورها",
                                          "بدورهم", "كذلك", "قولا", "قائلا", "قائلة", "له", "لها", "لهم", "فيه",
                                          "فيها", "عنه", "عنها", "منه", "منها", "عبرها", "عبره", "لنا", "لي",
                                          "لك", "لكم", "لهن", "منك", "منكم"))
MONTHS = frozenset(fold(w) for w in (
    "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
    "يناير", "فبراير", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
))
DANGLING = frozenset(fold(w) for w in ("من", "في", "على", "إلى", "عن", "مع", "و", "لدى", "عبر", "أمام"))
ADDRESSEES = frozenset(fold(w) for w in ("اعضاء", "أعضاء", "الصحفيين", "الصحافيين", "الصحافة", "الإعلاميين",
                                         "وسائل", "المراسلين", "مراسل", "مراسلة", "النواب"))
CIRCUMSTANTIAL = frozenset(fold(w) for w in ("وهو", "وهي", "وهم", "وهما"))  # "وقال البشير وهو يتحدث ..."
NAME_LINKS = frozenset(fold(w) for w in ("آل", "بن", "ابن", "بنت", "أبو", "ابو", "عبد", "أم", "ولد"))
LEADING_MODIFIERS = frozenset(fold(w) for w in ("أحدث", "آخر", "أبرز", "أهم", "أغلب", "معظم"))  # "أحدث إحصائيات"
PLURAL_FEM = ("ه", "ات", "ون", "ين")  # folded endings (ة -> ه) of feminine and plural nouns/adjectives
STOP_NAME_SCAN = frozenset(fold(w) for w in (
    "أن", "إن", "بأن", "أنه", "أنها", "إنه", "إنها", "بأنه", "الذي", "التي", "الذين", "قد", "وقد", "لقد",
))
DEFINITE_PREFIXES = ("ال", "بال", "لل", "وال", "فال", "كال", "وبال", "ولل")
FEMININE_HINT = ("ة",)


def has_pronoun(raw: str) -> bool:
    """An attached pronoun (ـه، ـها، ـهم) on the word as written: ة is not ه ("هالة" has none)."""
    w = raw.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return w.endswith(("ه", "ها", "هم", "هما")) and fold(w) not in ("الله", "لله")  # "خير الله"


def is_definite(f: str) -> bool:
    return f.startswith(DEFINITE_PREFIXES)


def is_time(lex: Lexicon, t: Tok) -> bool:
    if not t.word:
        return False
    if t.f.isdigit() or t.f in MONTHS:
        return True
    return any(s in lex.time_words for s in strip_proclitics(t.f))


def _in(stems: list[str], words: frozenset[str]) -> bool:
    return any(s in words for s in stems)


def head_class(lex: Lexicon, toks: list[Tok], i: int) -> str:
    """What the word at i heads: role | org | unnamed | doc | media | ref | name | ''."""
    t = toks[i]
    if not t.word:
        return ""
    f = t.f
    if _needs_next(lex, f):
        nxt = toks[i + 1].f if i + 1 < len(toks) and toks[i + 1].word else ""
        hit = _head_multi(lex, f, nxt)
        if hit:
            return hit
    return _head_single(lex, f, f == F_ALI and t.text.endswith("ى"))


@lru_cache(maxsize=4)
def _multi_firsts(lex: Lexicon) -> frozenset[str]:
    """First words of multi-word heads and references: only these need a look at the next word."""
    refs = {r.split()[0] for r in lex.continuation_refs if " " in r}
    return frozenset(lex.role_heads_multi) | frozenset(lex.org_heads_multi) | frozenset(refs)


@lru_cache(maxsize=200_000)
def _needs_next(lex: Lexicon, f: str) -> bool:
    firsts = _multi_firsts(lex)
    return any(x in firsts for x in strip_proclitics(f))


@lru_cache(maxsize=50_000)
def _head_multi(lex: Lexicon, f: str, nxt: str) -> str:
    stems = strip_proclitics(f)
    if nxt:
        for s in stems:
            for ws in lex.role_heads_multi.get(s, ()):
                if len(ws) == 2 and ws[1] == nxt:
                    return "role"
            for ws in lex.org_heads_multi.get(s, ()):
                if len(ws) == 2 and ws[1] == nxt:
                    return "org"
        if " ".join((stems[-1], nxt)) in lex.continuation_refs:
            return "ref"
    return ""


@lru_cache(maxsize=200_000)
def _head_single(lex: Lexicon, f: str, is_ala: bool) -> str:
    """Cached per word: a page repeats most of its words, and this is the hot path."""
    stems = strip_proclitics(f)
    if stems[0] in lex.continuation_refs or (len(stems) > 1 and stems[1] in lex.continuation_refs):
        return "ref"
    if _in(stems, lex.doc_heads) or (f.endswith("ا") and f[:-1] in lex.doc_heads):  # "تقييما سريا"
        return "doc"
    if _in(stems, lex.unnamed_heads) and not _in(stems, lex.role_heads):
        return "unnamed"
    if _in(stems, lex.role_heads):
        return "role"
    if _in(stems, lex.org_heads):
        return "org"
    if _in(stems, lex.media_heads):
        return "media"
    if _in(stems, lex.unnamed_heads):
        return "unnamed"
    if f in lex.name_tokens and not is_ala and f not in lex.not_names:  # على is not علي, كان is no name
        return "name"
    return ""


@dataclass(slots=True)
class Parsed:
    """One parsed speaker phrase: surface as written, its type and the apposition."""

    kind: str  # person | organisation | unnamed | ref | role | doc
    surface: str
    s: int
    e: int
    name: str = ""
    role: str = ""
    role_s: int = -1
    role_e: int = -1
    head: str = ""  # folded head word without clitics (for short-form resolution)
    issuer: str = ""  # document issuer, as written
    issuer_s: int = -1
    issuer_e: int = -1


def _text(text: str, toks: list[Tok], a: int, b: int) -> tuple[str, int, int]:
    """Raw text of tokens [a, b) with edge punctuation (except balanced quotes) and clitic-free start."""
    while a < b and not toks[a].word and toks[a].text not in QUOTE_OPEN:
        a += 1
    while b > a and not toks[b - 1].word and toks[b - 1].text not in QUOTE_CLOSE:
        b -= 1
    if a >= b:
        return "", -1, -1
    s, e = toks[a].start, toks[b - 1].end
    seg = text[s:e]
    n_marks = sum(seg.count(c) for c in QUOTE_MARKS)
    if n_marks % 2 == 1:
        if seg[-1] in QUOTE_MARKS:
            e -= 1
        elif seg[0] in QUOTE_MARKS:
            s += 1
    return text[s:e].strip(), s, e


def cut_region(lex: Lexicon, toks: list[Tok], a: int, b: int, channel: bool = False) -> tuple[int, int, int]:
    """Trim a speaker region [a, b): drop the setting before it and after it.

    Returns (a, b, source_start) where source_start >= 0 marks a "channel عن source" split: the
    speaker starts there and [a, source_start) is the relaying channel (only when the region starts with a
    media noun or ``channel`` is set by the cue, e.g. نقل; "النائب ... عن الجبهة" keeps its عن).
    """
    # leading particles, time words, addressees and setting PPs ("الثلاثاء", "لمراسل ...", "في تصريح لـ ...، ")
    while a < b:
        t = toks[a]
        setting = t.f in SETTING_PREPS and a + 1 < b and (_is_setting(lex, toks, a + 1) or t.f in TOPIC_PREPS)
        if not setting and (not t.word or t.f in PARTICLES or t.f in LEADING_MODIFIERS or is_time(lex, t)):
            a += 1
            continue
        if t.f.startswith(F_LI) and _is_addressee(lex, toks, a, b):
            j = _skip_media_name(lex, toks, a + 1, b)
            while j < b and toks[j].text not in COMMAS and head_class(lex, toks, j) not in ("role", "unnamed", "ref"):
                if toks[j].f in SETTING_PREPS or is_time(lex, toks[j]):
                    break
                j += 1
            a = j
            continue
        if t.f in SETTING_PREPS and a + 1 < b and (_is_setting(lex, toks, a + 1) or t.f in TOPIC_PREPS):
            # skip to the next comma or to the first word that can head a speaker
            j = a + 1
            while j < b and toks[j].text not in COMMAS:
                if toks[j].word and toks[j].f.startswith(F_LI) and _is_addressee(lex, toks, j, b):
                    j = _skip_media_name(lex, toks, j + 1, b)
                    continue
                if toks[j].text in QUOTE_OPEN:  # a quoted programme or outlet name
                    k = j + 1
                    while k < b and toks[k].text not in QUOTE_CLOSE:
                        k += 1
                    j = k + 1
                    continue
                if head_class(lex, toks, j) in ("role", "unnamed", "name", "ref"):
                    break
                j += 1
            a = j
            continue
        break
    # channel and source: "وكالة ... عن مصدر طبي"
    src = -1
    if a < b and (channel or head_class(lex, toks, a) == "media"):
        for j in range(a + 1, b):
            if (toks[j].f == F_AN or toks[j].f == F_ILA and channel) and j + 1 < b:
                src = j + 1  # "نقلت الوكالة عن مصدر", "نسبت الصحيفة إلى وزير المالية"
                break
    # trailing setting (after the source when a channel relays it)
    is_doc = a < b and head_class(lex, toks, a) == "doc"
    j = max(a, src) + 1
    while j < b:
        t = toks[j]
        if t.word and (is_time(lex, t) and not _inside_role_number(toks, j)):
            b = j
            break
        if t.f in SETTING_PREPS and j + 1 < b and (_is_setting(lex, toks, j + 1) or (
            t.f in TOPIC_PREPS and not any(head_class(lex, toks, k) == "org" for k in range(a, j))
        )):  # "المرصد المغربي حول التطرف" keeps its حول
            b = j
            break
        if t.word and t.f.startswith(F_LI) and j > a and (
            _is_addressee(lex, toks, j, b) or (
                head_class(lex, toks, a) == "name" and head_class(lex, toks, j) == "org"
                and all(head_class(lex, toks, k) in ("name", "") for k in range(a, j))
            )  # "وقالت ميركل لمجلس النواب": a name has no ل-organisation after it, its audience does
        ) and not is_doc:
            b = j  # (a document's ل names its issuer: "تقييم سري لوكالة الاستخبارات")
            break
        if t.f == F_AN and j + 1 < b and toks[j + 1].word and has_pronoun(toks[j + 1].text) and len(toks[j + 1].f) > 3:
            b = j  # "أكد اللاعب عن سعادته ...": what he spoke about, not who he is
            break
        if t.word and len(t.f) > 3 and has_pronoun(t.text) and not is_definite(t.f) and t.f not in lex.name_tokens and (
            head_class(lex, toks, a) == "unnamed"
        ):
            b = j  # "عن طبيب وصفته بأنه ..."
            break
        if t.word and t.f.endswith("ا") and t.f[:-1] in lex.event_nouns:
            b = j  # "وأبلغ فينغر مؤتمرا صحفيا:"
            break
        if t.f in F_QAWL or t.f in CIRCUMSTANTIAL or (t.word and t.f in lex.verbs and j > a) or (
            t.word and t.text.endswith("\u064b") and not is_definite(t.f)
        ):  # "اعترفت قطر علناً ورسمياً": an adverb with tanwin is never part of a name
            b = j
            break
        j += 1
    while b > a + 1 and (toks[b - 1].f in DANGLING or not toks[b - 1].word and toks[b - 1].text not in QUOTE_CLOSE):
        b -= 1  # "الدايمي من [خلال ...]"
    return a, b, src


def _skip_media_name(lex: Lexicon, toks: list[Tok], j: int, b: int) -> int:
    """After an addressee "لـ"/"لمراسل", skip the outlet's name: a quoted group or media words."""
    while j < b and toks[j].word and (toks[j].f in lex.media_tail or _in(strip_proclitics(toks[j].f),
                                                                             lex.media_heads)):
        j += 1
    if j < b and toks[j].text in QUOTE_OPEN:
        k = j + 1
        while k < b and toks[k].text not in QUOTE_CLOSE:
            k += 1
        if k < b and k - j <= 6:
            j = k + 1
    while j < b and toks[j].word and (toks[j].f in lex.media_tail or _in(strip_proclitics(toks[j].f),
                                                                             lex.media_heads)):
        j += 1
    return j


def _inside_role_number(toks: list[Tok], j: int) -> bool:
    """A digit inside a name ("كرو-12", "الفصل 5") is not a date."""
    return toks[j].f.isdigit() and j > 0 and not toks[j].space_before


def _is_setting(lex: Lexicon, toks: list[Tok], j: int) -> bool:
    t = toks[j]
    if not t.word:
        return False
    stems = strip_proclitics(t.f)
    stems += [x[2:] for x in stems if x.startswith("ال") and len(x) > 4]
    stems += [x[:-1] for x in stems if x.endswith("ا") and len(x) > 3]  # مؤتمرا
    return _in(stems, lex.event_nouns) or is_time(lex, t)


def _is_addressee(lex: Lexicon, toks: list[Tok], j: int, b: int) -> bool:
    """"لـ"الجوهرة"", "لشبكة ...", "للصحفيين": the audience of the statement, not part of the speaker."""
    t = toks[j]
    if t.f == F_LI or t.f == "لـ":
        return True
    rest = t.f[1:]
    if rest.startswith("ل"):
        rest = "ا" + rest  # للصحفيين -> الصحفيين
    if rest in lex.media_heads or ("ال" + rest) in lex.media_heads or rest in lex.media_tail:
        return True
    if rest in lex.unnamed_heads or rest in ADDRESSEES:
        return True  # "مسؤولو السي آي ايه لأعضاء مجلس الشيوخ", "للصحفيين"
    return j + 1 < b and toks[j + 1].text in QUOTE_OPEN and not toks[j + 1].space_before


def chunks(toks: list[Tok], a: int, b: int) -> list[tuple[int, int]]:
    """Comma-separated chunks of [a, b), commas inside quotation marks ignored, parentheses dropped."""
    out: list[tuple[int, int]] = []
    s = a
    depth = 0
    quote_open = False
    dash_open = False
    for j in range(a, b):
        x = toks[j].text
        if x == "(":
            depth += 1
        elif x == ")":
            depth = max(0, depth - 1)
        elif x in ("-", "–") and toks[j].space_before and j + 1 < len(toks) and toks[j + 1].space_before:
            dash_open = not dash_open  # " - وهو أحد المقيمين ... - "
            depth += 1 if dash_open else -1
        elif x in QUOTE_MARKS:
            quote_open = not quote_open if x == '"' else x in QUOTE_OPEN
        elif x in COMMAS and depth == 0 and not quote_open:
            if j > s:
                out.append((s, j))
            s = j + 1
    if b > s:
        out.append((s, b))
    return out


def name_start_in_role(lex: Lexicon, toks: list[Tok], a: int, b: int) -> int:
    """Index where a person name starts inside a role-first chunk ("وزير الخارجية سامح شكري"), or -1.

    A listed first name starts a name anywhere; an unlisted word only right after a definite word (the role
    "closes": "الأمريكي ريكس") and when what follows it can continue a name (not "سقط على", "واكبوا هذا").
    """
    prev_closes = toks[a].word and is_definite(toks[a].f)  # "المخرج هيفل بن يوسف"
    in_quote = False
    for j in range(a + 1, b):
        t = toks[j]
        if not t.word:
            if t.text in QUOTE_MARKS:
                in_quote = not in_quote if t.text == '"' else t.text in QUOTE_OPEN
            prev_closes = t.text in QUOTE_CLOSE and not in_quote
            continue
        if in_quote:
            continue  # a name in quotation marks is an organisation's or a title's ("في "تويتر"")
        f = t.f
        if f in STOP_NAME_SCAN or f in lex.verbs:
            return -1
        hc = head_class(lex, toks, j)
        nxt_f = toks[j + 1].f if j + 1 < len(toks) and toks[j + 1].word else ""
        if f == F_BISM and (head_class(lex, toks, j - 1) in ("role", "unnamed") or is_definite(nxt_f) or (
            j + 1 < len(toks) and head_class(lex, toks, j + 1) in ("org", "role")
        )):
            prev_closes = False
            continue  # "متحدث باسم الحكومة": باسم is "on behalf of", not the name Bassem
        if hc == "role" and f in lex.name_tokens and prev_closes and j + 1 < b and toks[j + 1].word and not (
            is_definite(toks[j + 1].f)
        ) and head_class(lex, toks, j + 1) in ("", "name"):
            return j  # "معتمد المنطقة أمير خير الله": أمير is a first name here
        starts_name = (
            not is_definite(f)
            and f not in lex.not_names
            and f not in SETTING_PREPS
            and f not in lex.place_tokens
            and toks[j - 1].f not in DANGLING  # "مصادر من داخل ...": after a preposition, no name
            and not (f == F_ALI and t.text.endswith("ى"))
            and hc not in ("role", "org", "unnamed", "doc", "media", "ref")
            and not f.isdigit()
            and not (f[0] in "وبلف" and len(f) > 2 and (f[1:] in lex.role_heads or f[1:] in lex.org_heads))
            and (hc == "name" or (
                prev_closes and f[0] not in "بل" and not (len(f) > 3 and has_pronoun(t.text))
                and _name_may_follow(lex, toks, j + 1, b)
            ))
        )
        if starts_name:
            return j
        prev_closes = is_definite(f)
    return -1


def _name_may_follow(lex: Lexicon, toks: list[Tok], k: int, b: int) -> bool:
    """After an unlisted name word: the end, punctuation, a complementiser or another name-like word."""
    if k >= b or not toks[k].word:
        return True
    f = toks[k].f
    if f in STOP_NAME_SCAN:
        return True
    if len(f) > 3 and (has_pronoun(toks[k].text) or f.endswith("نا")) and f not in lex.name_tokens:
        return False  # "قصد تمكينه", "هيو هددنا"
    return f not in lex.not_names and f not in lex.verbs and not is_time(lex, toks[k]) and f not in SETTING_PREPS


def parse_region(lex: Lexicon, text: str, toks: list[Tok], a: int, b: int) -> Parsed | None:
    """Parse a trimmed speaker region into a speaker; None when it does not look like one."""
    if a >= b:
        return None
    parts = chunks(toks, a, b)
    if not parts:
        return None
    first_a, first_b = parts[0]
    while first_a < first_b and not toks[first_a].word and toks[first_a].text not in QUOTE_OPEN:
        first_a += 1
    if first_a >= first_b:
        return None
    hc = head_class(lex, toks, first_a)
    head = light_stem(toks[first_a].f)
    surface, s, e = _text(text, toks, first_a, first_b)
    if not surface:
        return None
    rest = parts[1:]
    if hc == "ref" and (first_b - first_a <= 3 or name_start_in_role(lex, toks, first_a, first_b) < 0):
        p = Parsed("ref", surface, s, e, head=head)
        return p
    if hc == "doc":
        p = Parsed("doc", surface, s, e, head=head)
        if (
            first_a + 1 < first_b and head_class(lex, toks, first_a + 1) == "org" and not is_definite(toks[first_a].f)
            and not toks[first_a + 1].f.startswith(("ل", "ب"))
        ):
            iss, i_s, i_e = _text(text, toks, first_a + 1, first_b)  # "بيان الخارجية الباكستانية"
            p.issuer, p.issuer_s, p.issuer_e = iss, i_s, i_e
            return p
        # issuer: "بلاغ لوزارة الداخلية", "بيان صادر عن الحزب", "بلاغ للوزارة"
        for j in range(first_a + 1, first_b):
            t = toks[j]
            if t.f == F_AN or (t.word and t.f[0] == "ل" and len(t.f) > 2 and head_class(lex, toks, j) in ("org", "media")):
                k = j + 1 if t.f == F_AN else j
                if k < first_b:
                    iss, i_s, i_e = _text(text, toks, k, first_b)
                    if k == j and iss:  # drop the ل clitic (للوزارة -> الوزارة)
                        i_s += 1
                        iss = text[i_s:i_e]
                        if iss.startswith("ل"):
                            iss = "ا" + iss
                    p.issuer, p.issuer_s, p.issuer_e = iss, i_s, i_e
                break
        return p
    if hc == "org" or hc == "media":
        for k in range(first_a + 1, first_b):
            f = toks[k].f
            if f in STOP_NAME_SCAN or (  # "الموقع الذي تأسس ...", "تنظيم داعش مسؤوليته": not the name
                k > first_a + 1 and len(f) > 4 and has_pronoun(toks[k].text) and not is_definite(f)
                and head_class(lex, toks, k) == ""
            ):
                first_b = k
                surface, s, e = _text(text, toks, first_a, first_b)
                break
        words = [k for k in range(first_a, first_b) if toks[k].word]
        if len(words) > 4:  # "فريق ترامب التعليق على نتائج ...": the name ends before the verbal noun
            for x, y in zip(words[1:], words[2:], strict=False):
                if not is_definite(toks[x].f) and is_definite(toks[y].f) and head_class(lex, toks, x) == "":
                    surface, s, e = _text(text, toks, first_a, x + 1)
                    break
        return Parsed("organisation", surface, s, e, head=head)
    if hc in ("role", "unnamed"):
        # a separate name chunk after the role ("القيادي ...، لزهر العكرمي")
        for ra, rb in rest:
            while ra < rb and not toks[ra].word:
                ra += 1
            if ra >= rb:
                continue
            if head_class(lex, toks, ra) == "role":  # "...، العميد التجاني إبراهيم، ..."
                j = name_start_in_role(lex, toks, ra, rb)
                if j > 0:
                    name, ns, ne = _text(text, toks, j, name_end(lex, toks, j, rb))
                    return Parsed("person", name, ns, ne, name=name, role=surface, role_s=s, role_e=e, head=head)
                continue
            f0 = toks[ra].f
            if f0 in SETTING_PREPS or (f0[0] in "بل" and toks[ra].f not in lex.name_tokens):
                break  # "بمطار الخرطوم لدى ...": a place or setting, not a name
            if head_class(lex, toks, ra) in ("name", "") and rb - ra <= 5 and _looks_like_name(lex, toks, ra, rb):
                name, ns, ne = _text(text, toks, ra, rb)
                return Parsed("person", name, ns, ne, name=name, role=surface, role_s=s, role_e=e, head=head)
        j = name_start_in_role(lex, toks, first_a, first_b)
        if j > 0:
            name, ns, ne = _text(text, toks, j, name_end(lex, toks, j, first_b))
            role, rs, re_ = _text(text, toks, first_a, j)
            return Parsed("person", name, ns, ne, name=name, role=role, role_s=rs, role_e=re_, head=head)
        if hc == "unnamed":
            return Parsed("unnamed", surface, s, e, head=head)
        role_all, rs, re_ = _text(text, toks, first_a, b)
        return Parsed("role", surface, s, e, role=surface, role_s=s, role_e=e, head=head)
    # an unlisted title first, then the name ("ناظر القسم، نجيب عامري")
    if rest and any(is_definite(t.f) for t in toks[first_a + 1:first_b] if t.word):
        ra, rb = rest[0]
        if ra < rb and head_class(lex, toks, ra) == "name" and rb - ra <= 5 and _looks_like_name(lex, toks, ra, rb):
            name, ns, ne = _text(text, toks, ra, rb)
            return Parsed("person", name, ns, ne, name=name, role=surface, role_s=s, role_e=e, head=head)
    # a nationality before the name ("الاسباني غوارديولا", "البرازيلي نيمار")
    words = [k for k in range(first_a, first_b) if toks[k].word]
    if len(words) >= 2 and is_definite(toks[words[0]].f) and toks[words[0]].f.endswith("ي") and not is_definite(
        toks[words[1]].f
    ) and toks[words[1]].f not in lex.not_names and toks[words[0]].f not in lex.name_tokens:
        nb2 = name_end(lex, toks, words[1], first_b)
        if _looks_like_name(lex, toks, words[1], nb2):
            name, ns, ne = _text(text, toks, words[1], nb2)
            role, rs, re_ = _text(text, toks, first_a, words[1])
            return Parsed("person", name, ns, ne, name=name, role=role, role_s=rs, role_e=re_, head=head)
    # a name first; the apposition is the rest ("محمد بلكبير، رئيس مركز ...، إن")
    nb = name_end(lex, toks, first_a, first_b)
    if first_a < nb < first_b:
        role_a = nb
        if head_class(lex, toks, nb) == "role" and _looks_like_name(lex, toks, first_a, nb) and nb - first_a <= 4:
            name, ns, ne = _text(text, toks, first_a, nb)
            role, rs, re_ = _text(text, toks, role_a, first_b)
            return Parsed("person", name, ns, ne, name=name, role=role, role_s=rs, role_e=re_, head=head)
        if _looks_like_name(lex, toks, first_a, nb) and nb - first_a >= 2 and any(
            t.f in lex.name_tokens for t in toks[first_a:nb] if t.word
        ):
            first_b = nb
            surface, s, e = _text(text, toks, first_a, first_b)
    if first_b - first_a > 6 or not _looks_like_name(lex, toks, first_a, first_b):
        return None
    p = Parsed("person", surface, s, e, name=surface, head=head)
    if rest:
        ra, rb = rest[0]
        role, rs, re_ = _text(text, toks, ra, rb)
        if role:
            p.role, p.role_s, p.role_e = role, rs, re_
    return p


def name_end(lex: Lexicon, toks: list[Tok], j: int, b: int) -> int:
    """Where a person name starting at j ends: before a title, a particle, a verb, a relative pronoun, a time
    word or a preposition ("دونالد ترمب قد أعاد", "ريم غزالي التي تؤدي", "لاغارد مديرة صندوق")."""
    k = j + 1
    while k < b:
        t = toks[k]
        if not t.word:
            if t.text in ("_", "-", "#"):
                k += 1
                continue
            break
        f = t.f
        if toks[k - 1].word and toks[k - 1].f in NAME_LINKS:
            k += 1  # "عبداللطيف آل الشيخ", "محمد بن سلمان": the word after آل/بن is part of the name
            continue
        if (
            f in STOP_NAME_SCAN or f in PARTICLES or f in lex.verbs or f in lex.not_names
            or (is_time(lex, t) and f not in MONTHS)  # "كيم كاي جوان" (جوان is also June)
            or f in SETTING_PREPS or head_class(lex, toks, k) in ("role", "org", "doc", "media", "unnamed")
            or f.startswith(("بال", "لل"))
            or (len(f) > 3 and (has_pronoun(t.text) or f.endswith("نا")) and f not in lex.name_tokens and k > j + 1)
            or (f[0] == "ي" and len(f) > 3 and f not in lex.name_tokens and k > j + 1)  # "... يقيم معرض"
            or (f[0] == "و" and f not in lex.name_tokens and (
                f[1:] in STOP_NAME_SCAN or f[1:].startswith("ال") or f.endswith("ات")
            ))  # "العويران وقفات ...", "الهريفي والتي ..."
            or (is_definite(f) and t.text.endswith("ة") and f not in lex.name_tokens)  # "بارو العقلية اللامعة"
        ):
            break
        k += 1
    return k


def _looks_like_name(lex: Lexicon, toks: list[Tok], a: int, b: int) -> bool:
    words = [t for t in toks[a:b] if t.word]
    if not words or len(words) > 6:
        return False
    if all(is_definite(t.f) for t in words) and not any(t.f in lex.name_tokens for t in words) and any(
        t.f.endswith(PLURAL_FEM) for t in words
    ):
        return False  # "الهياكل القضائية", "السلط المعنية": a definite noun phrase, not "الجيلاني الهمامي"
    for t in words:
        if t.f in lex.not_names or t.f in lex.verbs or t.f.isdigit() or t.f in lex.time_words:
            return False
        if t.f == F_ALI and t.text.endswith("ى"):  # على
            return False
        if t.f not in lex.name_tokens and (t.f.startswith(("بال", "لل", "وال", "كال")) or (
            len(t.f) > 4 and t.f.endswith("ات")
        )) and t.f not in ("الله", "لله"):
            return False  # "دعم إنتاج للأفلام الطويلة": a noun phrase, not a name
    return True


@dataclass(slots=True)
class Entity:
    canonical: str
    type: str  # person | organisation | unnamed
    role: str = ""
    org: str = ""
    gender: str = ""
    number: str = "s"
    tokens: frozenset[str] = field(default_factory=frozenset)
    role_tokens: frozenset[str] = field(default_factory=frozenset)
    head: str = ""


def name_key(name: str) -> frozenset[str]:
    """Comparable tokens of a person's name: folded, article-less, with أبو/عبد glued to the next word."""
    out: list[str] = []
    glue = ""
    for w in clean_name(name).split():
        f = _bare(fold(w))
        if glue:
            f = glue + f
            glue = ""
        elif f in ("ابو", "عبد") :
            glue = f
            continue
        if len(f) > 1:
            out.append(f)
    if glue:
        out.append(glue)
    return frozenset(out)


def clean_name(s: str) -> str:
    """Canonical spelling of a name written as a hashtag ("#كريستين_لاغارد" -> "كريستين لاغارد")."""
    if "#" in s or "_" in s:
        return " ".join(s.translate(HASHTAG).split())
    return s


def _bare(f: str) -> str:
    if f == "ابن":
        return "بن"  # "ابن هندي" = "طارق بن هندي"
    for p in DEFINITE_PREFIXES:
        if f.startswith(p) and len(f) > len(p) + 1:
            return f[len(p):]
    return f


class Registry:
    """Speakers and organisations of one article, most recent last."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self.orgs: list[tuple[str, str]] = []  # (folded surface, canonical) of organisation mentions seen
        self.org_full: dict[str, str] = {}  # organisation canonical -> its fullest surface in the article
        self.last: Entity | None = None
        # person names seen anywhere in the article (with the title before them), speaking or not
        self.mentions: list[tuple[frozenset[str], str, str, int]] = []  # (tokens, name, role, order)

    def add_mention(self, name: str, role: str, order: int) -> None:
        name = clean_name(name)
        toks = name_key(name)
        if toks:
            self.mentions.append((toks, name, role, order))

    def _nearest(self, cands: list[tuple[frozenset[str], str, str, int]], order: int):
        before = [m for m in cands if m[3] <= order]
        if before:
            return max(before, key=lambda m: (m[3], len(m[0])))
        return min(cands, key=lambda m: m[3]) if cands else None

    def nearest_titled(self, order: int) -> tuple[frozenset[str], str, str, int] | None:
        """"... حسب قوله" before anyone spoke: the person introduced with a title nearest to the cue."""
        return self._nearest([m for m in self.mentions if m[2] and len(m[0]) >= 2], order)

    def mention_for_name(self, name: str, order: int) -> tuple[str, str] | None:
        """A surname used before (or without) a full-name speaker: the fuller name mentioned in the article."""
        name = clean_name(name)
        toks = name_key(name)
        cands = [m for m in self.mentions if toks and toks < m[0]]
        m = self._nearest(cands, order)
        return (m[1], m[2]) if m else None

    def split_known_name(self, role: str) -> tuple[str, str] | None:
        """"كاتب عام النقابة ... المستوري القمودي": a role phrase ending with a name mentioned elsewhere."""
        words = role.split()
        for n in (3, 2):
            if len(words) > n:
                tail = name_key(" ".join(words[-n:]))
                if any(m[0] == tail for m in self.mentions) or any(
                    e.type == "person" and e.tokens == tail for e in self.entities
                ):
                    return " ".join(words[-n:]), " ".join(words[:-n])
        return None

    def mention_for_role(self, role: str, order: int) -> tuple[str, str] | None:
        """"المخرج" -> the person introduced as "المخرج نجيب خلف الله" in the article."""
        rt = _role_tokens(role)
        if not rt:
            return None
        cands = [m for m in self.mentions if m[2] and rt <= _role_tokens(m[2])]
        head = _bare(light_stem(fold(role.split()[0])))
        if not cands and len(rt) <= 3 and not any(t.endswith("ي") and len(t) >= 4 for t in rt - {head}):
            # "مخرج الفيلم" = "المخرج X"
            cands = [m for m in self.mentions if m[2] and head in _role_tokens(m[2]) and len(m[0]) >= 2]
            best = max(cands, key=lambda m: len(m[0]), default=None)
            if best is None or any(not (m[0] <= best[0]) for m in cands):
                cands = []  # several different people carry that title: do not guess
        m = self._nearest(cands, order)
        return (m[1], m[2]) if m else None

    def touch(self, ent: Entity) -> Entity:
        if ent in self.entities:
            self.entities.remove(ent)
        self.entities.append(ent)
        return ent

    def add_person(self, name: str, role: str, org: str, gender: str) -> Entity:
        name = clean_name(name)
        toks = name_key(name)
        for ent in reversed(self.entities):
            if ent.type != "person" or not ent.tokens:
                continue
            if toks <= ent.tokens or ent.tokens <= toks:
                if len(toks) > len(ent.tokens) and len(ent.tokens) == 1:
                    ent.canonical, ent.tokens = name, toks
                if role:  # the latest title is shown; every title seen still resolves "شيخ الأزهر"
                    ent.role, ent.org, ent.role_tokens = role, org, ent.role_tokens | _role_tokens(role)
                return self.touch(ent)
        ent = Entity(name, "person", role, org, gender, "s", toks, _role_tokens(role))
        return self.touch(ent)

    def find_person(self, name: str) -> Entity | None:
        name = clean_name(name)
        toks = name_key(name)
        for ent in reversed(self.entities):
            if ent.type == "person" and ent.tokens and toks and (toks <= ent.tokens):
                return ent
        return None

    def by_role(self, role: str) -> Entity | None:
        """"الوزير", "المدير الفني", "الطبيب المذكور": a person introduced earlier with that title."""
        rt = _role_tokens(role)
        if not rt:
            return None
        for ent in reversed(self.entities):
            if ent.type == "person" and ent.role_tokens and rt <= ent.role_tokens:
                return ent
        head = _bare(light_stem(fold(role.split()[0]))) if role.split() else ""
        if any(t.endswith("ي") and len(t) >= 4 for t in rt - {head}) or len(rt) > 3:
            return None  # "السفير الفلسطيني" is not "سفير الكويت"; a long title names its own holder
        same = [e for e in self.entities if e.type == "person" and head in e.role_tokens]
        return same[-1] if len(same) == 1 else None

    def org_prefix(self, surface: str) -> str:
        """An earlier organisation whose name starts with this shorter form ("المكتب التنفيذي")."""
        key = fold(surface)
        for ent in reversed(self.entities):
            c = fold(ent.canonical)
            if ent.type == "organisation" and c.startswith(key + " ") and len(c) > len(key):
                return ent.canonical
        return ""

    def short_org(self, head: str) -> str:
        """"الوزارة" -> the ministry named earlier (organisation speakers, then organisation mentions)."""
        h = _bare(head)
        for ent in reversed(self.entities):
            if ent.type == "organisation" and ent.head == h and len(ent.canonical.split()) > 1:
                return ent.canonical
        for f, canonical in reversed(self.orgs):
            first = f.split()[0] if f else ""
            if _bare(light_stem(first)) == h and len(f.split()) > 1:
                return self.org_full.get(canonical, canonical)
        return ""

    def add_org(self, canonical: str, head: str, gender: str = "f") -> Entity:
        canonical = clean_name(canonical)
        key = fold(canonical)
        for ent in reversed(self.entities):
            if ent.type == "organisation" and fold(ent.canonical) == key:
                return self.touch(ent)
        return self.touch(Entity(canonical, "organisation", gender=gender, head=_bare(head)))

    def add_unnamed(self, desc: str, head: str, number: str) -> Entity:
        desc = clean_name(desc)
        key = fold(desc)
        for ent in reversed(self.entities):
            if ent.type == "unnamed" and fold(ent.canonical) == key:
                return self.touch(ent)
        return self.touch(Entity(desc, "unnamed", number=number, head=_bare(head)))

    def recent_by_head(self, head: str) -> Entity | None:
        """"المصدر" -> the latest unnamed source whose description starts with مصدر/مصادر."""
        h = _bare(head)
        for ent in reversed(self.entities):
            if ent.type == "unnamed" and ent.head and (ent.head == h or ent.head[:3] == h[:3]):
                return ent
        return None

    def recent(self, gender: str = "", number: str = "", prefer: str = "") -> Entity | None:
        """Most recent speaker, agreeing in gender/number when the cue tells (وأضافت, وأضافوا)."""
        cands = list(reversed(self.entities))
        if prefer:
            for ent in cands:
                if ent.type == prefer:
                    return ent
        for ent in cands:
            if number == "p" and ent.number != "p" and ent.type == "person":
                continue
            if gender == "f" and ent.type == "person" and ent.gender == "m":
                continue
            if gender == "m" and ent.type == "organisation":
                continue
            return ent
        return cands[0] if cands else None


def _role_tokens(role: str) -> frozenset[str]:
    return frozenset(_bare(light_stem(fold(w))) for w in role.split() if len(w) > 1 and fold(w) not in DANGLING)
