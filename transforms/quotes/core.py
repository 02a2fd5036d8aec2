"""Who said what: reporting cues, content spans and resolved speakers of one article.

Pipeline per paragraph: tokens -> sentences -> cues (lexicon look-ups, no per-token regex) -> for each cue
its complement (إن/أن/بأن/على أن/إلى أن, a colon, a quotation, or a preposition for directives), the
speaker region between cue and complement, and the content up to the next cue or the end of the sentence.
Speakers are resolved in article order by ``Registry`` so that surnames, "المتحدث ذاته", implicit "وأضاف"
and participles ("مشيرا إلى أن") get the full name introduced earlier. The title is read last so a headline
"الغزاوي: ..." resolves against the body.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from transforms.quotes.lexicon import Lexicon, VerbForm, lexicon
from transforms.quotes.speaker import (
    CIRCUMSTANTIAL,
    F_AN,
    F_BIHI,
    F_MA,
    PARTICLES,
    Entity,
    Parsed,
    Registry,
    _bare,
    _is_addressee,
    _role_tokens,
    chunks,
    clean_name,
    cut_region,
    has_pronoun,
    head_class,
    is_definite,
    is_time,
    name_end,
    name_start_in_role,
    parse_region,
)
from transforms.quotes.speaker import (
    _skip_media_name as _skip_media,
)
from transforms.quotes.text import (
    COMMAS,
    QUOTE_CLOSE,
    QUOTE_MARKS,
    QUOTE_OPEN,
    SENT_END,
    Tok,
    fold,
    light_stem,
    sentences,
    strip_proclitics,
    tokenize,
)

MODEL_VERSION = "quotes-rules-1.0"


class OrgLike(Protocol):
    paragraph: int
    start: int
    end: int
    surface: str
    canonical: str


@dataclass(frozen=True, slots=True)
class Quote:
    paragraph: int
    start: int
    end: int
    quote: str
    kind: str
    verb: str
    verb_lemma: str
    speaker: str
    speaker_canonical: str
    speaker_type: str
    speaker_role: str
    speaker_org: str
    confidence: float


COMPL_FREE = frozenset(fold(w) for w in ("إن", "أن", "بأن", "فإن"))
COMPL_FUSED = frozenset(
    fold(p + s)
    for p in ("أن", "إن", "بأن")
    for s in ("ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي", "ك", "كم")
)
F_ALA = fold("على")
RELAY_NOMINALS = frozenset(fold(w) for w in ("نقلا عن", "على لسان"))
RELAY_WORDS = frozenset(fold(w) for w in ("نقلا", "نقلاً", "ونقلا"))
CHANNEL_VERBS = frozenset(fold(w) for w in ("نقل", "نسب"))
SETTING_NOMINALS = frozenset(fold(w) for w in ("في تصريح ل", "في بيان ل", "في بلاغ ل"))
RELATIVES = frozenset(fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))
F_ILA = fold("إلى")
F_MIN = fold("من")
CLAUSE_STARTERS = frozenset(fold(w) for w in ("و", "كما", "فيما", "بينما", "ثم", "فقد", "وقد", "حيث"))
TRAIL = " \t\u00a0\u200f\u200e.،,؛;:-–—"
SPEAKERISH = frozenset(("role", "unnamed", "org", "name", "ref", "doc", "media"))
SETTING_WORDS = frozenset(fold(w) for w in ("في", "من", "عن", "على", "إلى", "مع", "خلال", "بعد", "قبل", "حسب",
                                             "وفق", "و", "أو", "الذي", "التي", "أمام", "لدى", "عند"))
DIRECTIVES = frozenset(fold(w) for w in ("دعا", "طالب", "ناشد", "حث", "اتهم", "طلب", "أبلغ", "أخبر"))
DANGLING_WORDS = frozenset(fold(w) for w in ("في", "من", "على", "إلى", "عن", "مع", "و", "ب", "ل"))
TELL = frozenset(fold(w) for w in ("أبلغ", "أخبر"))
QUANTIFIERS = frozenset(fold(w) for w in ("كافة", "جميع", "كل", "مختلف", "سائر"))
NP_OBJECT = frozenset(fold(w) for w in ("أكد", "نفى", "أعلن", "كشف", "توقع", "أبرز", "جدد", "رجح", "حدد"))
CLAUSE_BOUNDARY = frozenset(fold(w) for w in ("و", "حيث", "كما", "بينما", "فيما", "إذ", "ثم"))
CONTRAST = frozenset(fold(w) for w in ("بينما", "فيما", "في حين", "حين"))
SUBJECT_OPENERS = frozenset(fold(w) for w in ("لكن", "ولكن", "بل", "إلا", "كما", "فيما", "بينما", "كان", "وكان",
                                             "كانت", "وكانت", "فكان", "فكانت"))
F_KAMA = fold("كما")
NAME_PREFIXES = frozenset(fold(w) for w in ("عبد", "أبو", "ابو", "بن", "ابن", "آل"))
F_HADHA = fold("هذا")
AMMA = frozenset(fold(w) for w in ("أما", "وأما"))
CLOSE_FOR = {'"': '"', "«": "»", "“": "”", "„": "”", "‟": "”", "»": "«"}  # » … « in some Moroccan pages


@dataclass(slots=True)
class Pending:
    """A statement whose speaker entity may still gain its full name later in the article."""

    paragraph: int
    start: int
    end: int
    quote: str
    kind: str
    verb: str
    lemma: str
    speaker: str
    ent: Entity
    role: str
    org: str
    conf: float

    def final(self) -> Quote:
        e = self.ent
        person = e.type == "person"
        role = clean_name(self.role or e.role) if person else ""
        for rel in (" الذي ", " التي ", " الذين "):  # "المدير الفني لتوتنهام الذي لم يتلق أي هزيمة"
            if rel in role:
                role = role.split(rel)[0]
        return Quote(self.paragraph, self.start, self.end, self.quote, self.kind, self.verb, self.lemma,
                     self.speaker, e.canonical, e.type, role.strip(" #"),
                     (self.org or e.org) if person else "", self.conf)


@dataclass(slots=True)
class Cue:
    i: int  # first token
    j: int  # token after the cue words
    kind: str  # verb | part | nominal
    lemma: str
    form: VerbForm | None = None
    position: str = ""  # nominal: before | after_content | statement
    glued: bool = False  # nominal ending in ل written on the source ("وفقا لمصادر")


@dataclass(slots=True)
class Compl:
    region_end: int  # token index where the speaker region ends
    start: int  # char offset of the content
    tok: int  # token index of the content start
    mode: str  # clause | fused | colon | quote | noun


class _Paragraph:
    def __init__(self, lex: Lexicon, reg: Registry, pi: int, text: str, orgs: list[OrgLike]) -> None:
        self.lex, self.reg, self.pi, self.text, self.orgs = lex, reg, pi, text, orgs
        self.toks = tokenize(text)
        self._starts: list[int] | None = None  # token start offsets, for _end_tok's binary search
        self._org_index: tuple[list[int], list[int], int] | None = None  # for org_in's binary search
        self.out: list[Pending] = []
        # the extent of this paragraph's statements: most new contents lie after all of them, no scan needed
        # (an outer statement widened to an embedded one's end stays inside: that one's end counts already)
        self._min_start, self._max_end = len(text), 0
        self.sent_ent: Entity | None = None  # speaker of the last statement in the current sentence
        self.nested = False  # processing a cue inside another statement's content
        self.nested_ent: Entity | None = None  # speaker of the last statement inside that content
        self.outer: Pending | None = None  # the statement whose content holds the embedded ones

    # ---- cues -------------------------------------------------------------------------------------------
    def find_cues(self, i0: int, i1: int) -> list[Cue]:
        lex, toks = self.lex, self.toks
        cues: list[Cue] = []
        i = i0
        while i < i1:
            t = toks[i]
            if not t.word:
                i += 1
                continue
            hit = None
            for words, lemma, pos in lex.nominal.get(t.f, ()):
                n = len(words)
                if i + n > i1:
                    continue
                ok = True
                for k in range(1, n):
                    w, tk = words[k], toks[i + k]
                    if tk.f == w:
                        continue
                    if k == n - 1 and w == "ل" and tk.word and tk.f.startswith("ل") and len(tk.f) > 2:
                        continue  # وفقا لوزارة
                    ok = False
                    break
                if ok:
                    hit = Cue(i, i + n, "nominal", lemma, position=pos)
                    if words[-1] == "ل" and toks[i + n - 1].f != "ل":
                        hit.j = i + n - 1  # the clitic ل is glued to the source
                        hit.glued = True
                    break
            if hit:
                cues.append(hit)
                i = hit.j if hit.j > i else i + 1
                continue
            form = lex.verbs.get(t.f)
            if form is not None:
                kind = "part" if form.tense == "participle" else "verb"
                j = i + 1
                while j < i1 and toks[j].f in PARTICLES and toks[j].f in (fold("قولا"), fold("قائلا")):
                    j += 1
                cues.append(Cue(i, j, kind, form.lemma, form))
            i += 1
        return cues

    def contrast_cuts(self, i0: int, i1: int) -> list[int]:
        """"...، بينما أمر الرئيس ..." — a contrastive clause after a comma is the journalist's, not the cue's;
        so is "، هذا وأحيل ..."."""
        toks = self.toks
        return [
            k for k in range(i0 + 1, i1)
            if toks[k - 1].text in COMMAS and (
                toks[k].f in CONTRAST
                or (toks[k].f == F_HADHA and k + 1 < i1 and toks[k + 1].word and toks[k + 1].f[:1] == "و")
            )
        ]

    def cuts(self, c: Cue, i0: int) -> bool:
        """Does this cue end the content of the previous one (a new clause), or is it nested inside it?"""
        if c.kind in ("part", "nominal"):
            return True
        t = self.toks[c.i]
        if t.text[:1] in "وف" and len(t.f) > 2 and t.f[1:] in self.lex.verbs:
            return True
        if c.i == i0:
            return True
        prev = self.toks[c.i - 1]
        return prev.text in COMMAS or prev.f in CLAUSE_STARTERS

    # ---- complement -------------------------------------------------------------------------------------
    def find_complement(self, c: Cue, limit: int, participle: bool) -> Compl | None:
        toks, lex = self.toks, self.lex
        noun_preps = lex.noun_complements.get(c.lemma, ())
        max_j = min(limit, c.j + (4 if participle else 40))
        after_comma = True
        in_quote = False
        for j in range(c.j, max_j):
            t = toks[j]
            nxt = toks[j + 1] if j + 1 < limit else None
            if t.text == ":":
                if nxt is None:
                    return None
                return Compl(j, nxt.start, j + 1, "colon")
            opening = (t.text in QUOTE_OPEN or t.text == "»") and not (t.text in ('"', "»") and in_quote)
            if t.text in QUOTE_MARKS:
                in_quote = opening
            if (
                opening and nxt is not None and (participle or self._short_region(c.j, j))
                and (self._direct_quote_at(j, limit) or (
                    (j == c.j or after_comma) and not self._quoted_name_at(j, limit)
                ))
            ):
                return Compl(j, t.start, j, "quote")
            if opening and in_quote and self._quoted_words(j) >= 6:
                return None  # never look for the complementiser inside a long quotation
            if not t.word:
                after_comma = t.text in COMMAS
                continue
            if in_quote:
                continue  # "شبكة التلفزة اليابانية "ان.تي.في" إن": a quoted name, not إن
            f = t.f
            if f in COMPL_FREE and nxt is not None:
                return Compl(j, nxt.start, j + 1, "clause")
            if f in COMPL_FUSED:
                return Compl(j, t.start, j, "fused")
            if f in (F_ALA, F_ILA) and nxt is not None:
                if nxt.f in COMPL_FREE and j + 2 < limit:
                    return Compl(j, toks[j + 2].start, j + 2, "clause")
                if nxt.f in COMPL_FUSED:
                    return Compl(j, nxt.start, j + 1, "fused")
            if participle and j == c.j and "-" in noun_preps and f not in lex.not_names and f not in lex.verbs and (
                head_class(lex, toks, j) == ""
            ):
                return Compl(j, t.start, j, "noun")  # "متعهدا القضاء على ..."
            if noun_preps and nxt is not None:
                if f in noun_preps and nxt.word and nxt.f not in COMPL_FREE:
                    return Compl(j, nxt.start, j + 1, "noun")  # "وأشار إلى أهمية القانون" (implicit speaker)
                for pr in noun_preps:
                    if not pr.endswith("-"):
                        continue
                    if f == pr[0] and (nxt.word or nxt.text in QUOTE_MARKS):  # "بـ"الخطيرة"", "لـ ..."
                        return Compl(j, nxt.start, j + 1, "noun")
                    if f.startswith(pr[0]) and len(f) > 3 and self._masdar(f[1:]) and head_class(lex, toks, j) == "" and (
                        participle or after_comma or c.lemma in DIRECTIVES or self._closes_speaker(c.j, j)
                    ):
                        return Compl(j, t.start + 1, j, "noun")
            after_comma = False
            if participle and j >= c.j + 3:
                break
        return None

    def _short_region(self, a: int, j: int) -> bool:
        """A quotation opens the content only after a plausible speaker phrase (short, or with an apposition)."""
        if any(t.text in COMMAS for t in self.toks[a:j]):
            return True
        if sum(1 for t in self.toks[a:j] if t.word) > 12:
            return False
        b, e, _ = cut_region(self.lex, self.toks, a, j)
        return sum(1 for t in self.toks[b:e] if t.word) <= 6 and self.toks[j - 1].f not in CIRCUMSTANTIAL

    def _quoted_name_at(self, j: int, limit: int) -> bool:
        """"وذكرت "واشنطن بوست" ان ...": a short quotation followed by a complementiser is a name."""
        if self._quoted_words(j) > 4:
            return False
        toks = self.toks
        k = j + 1
        while k < limit and toks[k].text not in QUOTE_CLOSE:
            k += 1
        for m in range(k + 1, min(limit, k + 12)):
            if toks[m].f in COMPL_FREE or toks[m].f in COMPL_FUSED or toks[m].text == ":":
                return True
            if toks[m].text in SENT_END:
                break
        return False

    def _quoted_words(self, j: int) -> int:
        """Words between the quotation mark at j and its closing mark."""
        toks = self.toks
        k = j + 1
        n = 0
        while k < len(toks) and toks[k].text not in QUOTE_CLOSE:
            n += toks[k].word
            k += 1
        return n

    def _masdar(self, stem: str) -> bool:
        """An indefinite verbal noun after ب/ل ("بمنح", "لتطبيق"), not a role's "بمركز", "بولاية", "بتونس"."""
        lex = self.lex
        return not (
            stem.startswith(("ال", "ل", "ي"))  # للدكاترة = ل + الدكاترة; "ليبرمان" is no ل + masdar
            or stem in lex.org_heads
            or stem in lex.place_tokens
            or stem in lex.name_tokens
            or stem in lex.role_heads
            or stem in lex.media_heads
        )

    def _closes_speaker(self, a: int, j: int) -> bool:
        """Does [a, j) read as a complete speaker (so a following بـ/لـ opens the content)?"""
        if j <= a:
            return False
        b, e, _ = cut_region(self.lex, self.toks, a, j)
        return b < e and parse_region(self.lex, self.text, self.toks, b, e) is not None

    def _direct_quote_at(self, j: int, limit: int) -> bool:
        """A quotation opening after the speaker ("وقال جبريل "لم نفهم ..."") rather than a quoted name
        inside the speaker phrase (صحيفة "وول ستريت جورنال" ... أن): no complementiser follows its end and
        it is longer than a name."""
        toks = self.toks
        k = j + 1
        while k < len(toks) and toks[k].text not in QUOTE_CLOSE:
            k += 1
        n_words = sum(1 for t in toks[j + 1:k] if t.word)
        if n_words < 3:
            return False
        for m in range(k + 1, limit):
            t = toks[m]
            if t.text == ":" or t.f in COMPL_FREE or t.f in COMPL_FUSED:
                return False
        return True

    # ---- content ----------------------------------------------------------------------------------------
    def content(self, start: int, limit_tok: int, mode: str) -> tuple[int, int, str] | None:
        text, toks = self.text, self.toks
        end = toks[limit_tok - 1].end if limit_tok > 0 else len(text)
        # trim trailing punctuation and a dangling conjunction before the next cue
        seg = text[start:end].rstrip(TRAIL)
        while seg.endswith((" و", " ف")):
            seg = seg[:-2].rstrip(TRAIL)
        end = start + len(seg)
        lead = len(text[start:end]) - len(text[start:end].lstrip(" "))
        start += lead
        if end <= start:
            return None
        if text[start] in QUOTE_OPEN or text[start] == "»":
            close = CLOSE_FOR.get(text[start], '"')
            q = text.find(close, start + 1)
            if q > start + 1:
                tail = text[q + 1:end].strip(TRAIL + "".join(QUOTE_MARKS))
                if not tail or q >= end:
                    s2, e2 = start + 1, q
                    seg = text[s2:e2].strip(TRAIL)
                    s2 = s2 + (len(text[s2:e2]) - len(text[s2:e2].lstrip(TRAIL)))
                    e2 = s2 + len(seg)
                    if e2 > s2:
                        return s2, e2, "direct"
        seg = text[start:end]
        if seg[:1] in QUOTE_MARKS and sum(seg.count(m) for m in QUOTE_MARKS) % 2 == 1:
            start += 1  # a stray mark opening the content ("بـ »فبراير: »هذه الدعوة ...")
            seg = text[start:end]
        n_straight = seg.count('"')
        if n_straight % 2 == 1:
            if seg.endswith('"'):
                end -= 1
            elif seg.startswith('"'):
                start += 1
            else:
                # an opening mark whose closing mark lies past a sentence split: extend to it
                last = seg.rfind('"')
                q = text.find('"', end)
                if q >= 0 and seg[last + 1:].strip() and not any(m in text[end:q] for m in ".؟!"):
                    end = q + 1
        for o, cl in (("«", "»"), ("“", "”")):
            seg = text[start:end]
            if seg.count(o) > seg.count(cl):
                q = text.find(cl, end)
                if q >= 0:
                    end = q + 1
            elif seg.count(cl) > seg.count(o) and seg.endswith(cl):
                end -= 1
        while start < end and text[start] in TRAIL:
            start += 1
        seg = text[start:end].rstrip(TRAIL)
        end = start + len(seg)
        if end <= start:
            return None
        kind = "indirect"
        if any(m in seg for m in QUOTE_MARKS):
            kind = "mixed" if _quoted_words(seg) >= 3 else "indirect"
        return start, end, kind

    # ---- speakers ---------------------------------------------------------------------------------------
    def org_in(self, s: int, e: int) -> OrgLike | None:
        """The longest organisation mention overlapping [s, e) (the first of equals in the caller's order). Found by
        binary search on the mentions' starts: a page naming thousands of bodies stays linear, not quadratic."""
        if self._org_index is None:
            order = sorted(range(len(self.orgs)), key=lambda k: self.orgs[k].start)
            longest = max((m.end - m.start for m in self.orgs), default=0)
            self._org_index = (order, [self.orgs[k].start for k in order], longest)
        order, starts, longest = self._org_index
        best: tuple[tuple[int, int], OrgLike] | None = None
        for k in order[bisect_right(starts, s - longest) : bisect_left(starts, e)]:  # only these can overlap
            m = self.orgs[k]
            if s < m.end and (best is None or (m.end - m.start, -k) > best[0]):
                best = ((m.end - m.start, -k), m)
        return best[1] if best else None

    def role_org(self, role: str, rs: int, re_: int) -> str:
        """The organisation named in a role: an organisation mention inside it, else from its first org head."""
        if not role:
            return ""
        m = self.org_in(rs, re_)
        if m is not None and m.start >= rs - 1:
            return m.canonical
        rt = tokenize(role)
        # coordinated roles ("سفير سابق ... وباحث بمركز ...") keep the last one
        start = 0
        for k in range(1, len(rt)):
            t = rt[k]
            if t.word and t.f[:1] == "و" and len(t.f) > 2 and t.f[1:] in self.lex.role_heads:
                start = k
        for k in range(start + 1, len(rt)):
            hc = head_class(self.lex, rt, k)
            if hc == "org":
                t = rt[k]
                out = role[t.start:].strip(TRAIL)
                f = t.f
                if f[:1] in "بلو" and not f.startswith("ال") and f[1:] not in ("",):
                    if f.startswith("لل"):
                        out = "ا" + out[1:]
                    elif f[1:2] == "ل" and f[:1] in "بو" and f.startswith(("بال", "وال")) or len(f) > 3 and f[1:] in self.lex.org_heads or strip_proclitics(f)[-1] in self.lex.org_heads:
                        out = out[1:]
                return out
        return ""

    def resolve(self, p: Parsed, form: VerbForm | None) -> tuple[Entity, str, float] | None:
        """Entity, speaker-as-written and confidence for a parsed speaker phrase."""
        reg = self.reg
        gender = form.gender if form else ""
        number = form.number if form else "s"
        if p.kind == "person":
            name_toks = p.name.split()
            m = self.org_in(p.s, p.e)
            if m is not None and m.start <= p.s + 1 and m.end >= p.e - 1:
                ent = reg.add_org(reg.org_full.get(m.canonical, m.canonical), p.head)
                return ent, p.surface, 0.8
            if len(name_toks) == 1:
                f = fold(p.name)
                known = reg.find_person(p.name)
                if known is not None:
                    if p.role:
                        known.role, known.org = p.role, self.role_org(p.role, p.role_s, p.role_e)
                        known.role_tokens = known.role_tokens | _role_tokens(p.role)
                    return reg.touch(known), p.surface, 0.85
                named = self.reg.mention_for_name(p.name, self.order(0))
                if named is not None:
                    full, mrole = named
                    role = p.role or mrole
                    ent = reg.add_person(full, role, self.role_org(role, p.role_s if p.role else -1,
                                                                    p.role_e if p.role else -1), gender)
                    return ent, p.surface, 0.8
                if light_stem(f) in self.lex.place_tokens or f in self.lex.place_tokens:
                    return reg.add_org(p.name, f), p.surface, 0.6
            org = self.role_org(p.role, p.role_s, p.role_e)
            ent = reg.add_person(p.name, p.role, org, gender)
            if not ent.gender:
                ent.gender = gender
            return ent, p.surface, 0.9 if len(name_toks) > 1 else 0.7
        if p.kind == "role" and (split := reg.split_known_name(p.role)) is not None:
            name, role = split
            ent = reg.add_person(name, role, self.role_org(role, -1, -1), gender)
            return ent, name if name in self.text else p.surface, 0.8
        if p.kind == "role":
            known = reg.by_role(p.role)
            if known is not None:
                return reg.touch(known), p.surface, 0.75
            named = reg.mention_for_role(p.role, self.order(0))
            if named is not None:
                full, mrole = named
                ent = reg.add_person(full, mrole, self.role_org(mrole, -1, -1), gender)
                return ent, p.surface, 0.7
            org = self.role_org(p.role, p.role_s, p.role_e)
            ent = reg.add_person(p.role, p.role, org, gender)
            return ent, p.surface, 0.7
        if p.kind == "ref":
            bare = p.head[2:] if p.head.startswith("ال") else p.head
            prefer = "unnamed" if bare.startswith(("مصدر", "مصادر")) or p.head == fold("ذات") else ""
            antecedent = (reg.recent_by_head(bare) if prefer else None) or reg.recent(
                gender, number, prefer=prefer
            ) or reg.recent()
            if antecedent is None:
                return None
            return reg.touch(antecedent), p.surface, 0.8
        if p.kind == "organisation":
            m = self.org_in(p.s, p.e)
            if m is not None:
                canonical = reg.org_full.get(m.canonical, m.canonical)
                written = _strip_clitic(p.surface).replace('"', "").replace("«", "").replace("»", "")
                if len(written) > len(canonical) and fold(canonical) in fold(written):
                    canonical = written
            else:
                canonical = _strip_clitic(p.surface)
                if len(canonical.split()) == 1:
                    canonical = reg.short_org(p.head) or canonical
                elif len(canonical.split()) <= 3:
                    canonical = reg.org_prefix(canonical) or canonical
            return reg.add_org(canonical, p.head), p.surface, 0.8
        if p.kind == "unnamed":
            return reg.add_unnamed(_strip_clitic(p.surface), p.head, number), p.surface, 0.8
        if p.kind == "doc":
            if p.issuer:
                m = self.org_in(p.issuer_s, p.issuer_e)
                canonical = reg.org_full.get(m.canonical, m.canonical) if m is not None else p.issuer
                if len(canonical.split()) == 1:
                    canonical = reg.short_org(light_stem(fold(canonical))) or canonical
                written = p.issuer if p.issuer in self.text else p.surface  # "بلاغ للمجلس": no "المجلس" written
                return reg.add_org(canonical, fold(canonical.split()[0])), written, 0.8
            # issuer not written: the document itself speaks, as an unnamed source (guidelines 5)
            return reg.add_unnamed(_strip_clitic(p.surface), p.head, "s"), p.surface, 0.6
        return None

    def subject_before(self, i0: int, v: int, relative: bool = False) -> Parsed | None:
        """Subject-first order: "وزارة الصحة أكدت أن ...", "يشار أن X قد صرحت ..."."""
        toks = self.toks
        if toks[i0].f in AMMA:  # "أما شعاع كابيتال، فقد قالت إن ...": the topic before the comma speaks
            k = i0 + 1
            while k < v and toks[k].text not in COMMAS:
                k += 1
            if k < v and (toks[v].text[:1] == "ف" or toks[v - 1].f in (fold("فقد"), fold("ف"))):
                p = parse_region(self.lex, self.text, toks, i0 + 1, k)
                if p is not None:
                    return p
        if toks[v].text[:1] in "وف" and toks[v].f[1:] in self.lex.verbs:
            return None
        end = v
        while end > i0 and toks[end - 1].f in PARTICLES:
            end -= 1
        if end > i0 and toks[end - 1].text in COMMAS:
            end -= 1
        k = end
        while (
            k > i0
            and toks[k - 1].word
            and toks[k - 1].f not in CLAUSE_STARTERS
            and toks[k - 1].f not in COMPL_FREE
            and toks[k - 1].f not in SUBJECT_OPENERS
            and toks[k - 1].f not in self.lex.verbs
            and end - k < 8
        ):
            k -= 1
        while end > k and toks[end - 1].f in RELATIVES:
            end -= 1
        if relative:  # the antecedent only: back to the preposition or function word before it
            k2 = end
            while k2 > k and toks[k2 - 1].f not in SETTING_WORDS and toks[k2 - 1].f not in self.lex.not_names:
                k2 -= 1
            k = k2
        if k == end:
            return None
        if k > i0 and not relative and not (
            toks[k - 1].text in COMMAS or toks[k - 1].f in CLAUSE_STARTERS or toks[k - 1].f in COMPL_FREE
            or toks[k - 1].f in SUBJECT_OPENERS or toks[k - 1].text in QUOTE_OPEN
        ):
            return None
        p = parse_region(self.lex, self.text, toks, k, end)
        if p is None:
            return None
        if p.kind == "person" and not p.role and self.reg.find_person(p.name) is None and not (
            fold(p.name) in self.lex.place_tokens or head_class(self.lex, toks, k) == "name"
            or self.reg.mention_for_name(p.name, 10**9) is not None
        ):
            return None  # "ونشر المنتخب الأرجنتيني تغريدة ذكر ...": an unknown phrase is no subject
        return p

    def scan_subject(self, i0: int, i1: int) -> Parsed | None:
        """The subject of a non-reporting main verb ("استعرض X، رئيس ...، ...، مشيرا إلى أن")."""
        toks, lex = self.toks, self.lex
        for k in range(i0, i1):
            t = toks[k]
            if t.f in COMPL_FREE or t.f in COMPL_FUSED or t.text == ":":
                break
            if not t.word or t.f in lex.verbs:
                continue
            hc = head_class(lex, toks, k)
            if t.f[:1] in "بل" and t.f[1:] in lex.name_tokens and hc == "":
                p = parse_region(lex, self.text, toks, k, chunks(toks, k, i1)[0][1])
                if p is not None and p.kind == "person" and p.s == t.start:  # "في اتصال ... بمحمد كريم"
                    p.s += 1
                    p.name = p.surface = self.text[p.s:p.e]
                    return p
            if hc == "role" and k - 1 > i0 and toks[k - 1].text in COMMAS:
                p = self._name_before_apposition(i0, k - 1, i1)
                if p is not None:  # "استعرض المصطفى الرزرازي، رئيس المرصد ...": name, then its title
                    return p
            if hc in ("name", "role", "org", "unnamed", "ref") and not (k > i0 and toks[k - 1].f in (F_AN,)):
                if hc != "name" and t.f[:1] in "بل" and not t.f.startswith("ال"):
                    continue
                if any(x in lex.media_heads for x in strip_proclitics(t.f)):
                    continue  # "في اتصال موقع فبراير بـ...": the outlet is not the speaker
                parts = [c for c in chunks(toks, k, i1)]
                end = parts[0][1]
                if len(parts) > 1 and head_class(lex, toks, parts[1][0]) == "role":
                    end = parts[1][1]
                a, b, _ = cut_region(lex, toks, k, end)
                p = parse_region(lex, self.text, toks, a, b)
                if p is not None:
                    return p
        return None

    def _name_before_apposition(self, i0: int, comma: int, i1: int) -> Parsed | None:
        """Two or three words before "، <title>" that read as a name ending in a nisba surname (ـي)."""
        toks, lex = self.toks, self.lex
        for n in (3, 2):
            a = comma - n
            if a < i0 or not all(t.word for t in toks[a:comma]):
                continue
            ws = toks[a:comma]
            if not ws[-1].f.endswith("ي") or any(
                t.f in lex.not_names or t.f in lex.verbs or t.f in PARTICLES or head_class(lex, toks, a + x) != ""
                and head_class(lex, toks, a + x) != "name" for x, t in enumerate(ws)
            ):
                continue
            if n == 3 and ws[0].f not in NAME_PREFIXES and ws[1].f not in NAME_PREFIXES:
                continue
            end = chunks(toks, comma + 1, i1)
            role_end = end[0][1] if end else comma + 1
            p = parse_region(lex, self.text, toks, a, role_end)
            if p is not None and p.kind == "person" and p.role:
                return p
        return None

    # ---- statements -------------------------------------------------------------------------------------
    def emit(self, span: tuple[int, int, str], verb: str, lemma: str, ent: Entity, speaker: str,
             conf: float) -> Pending:
        s, e, kind = span
        lemma = self.lex.shown.get(lemma, lemma)
        q = Pending(self.pi, s, e, self.text[s:e], kind, verb, lemma, speaker, ent, ent.role, ent.org,
                    round(conf, 2))
        self.out.append(q)
        self._min_start, self._max_end = min(self._min_start, s), max(self._max_end, e)
        return q

    def order(self, k: int) -> int:
        return (self.pi + 1) * 100_000 + k

    def scan_mentions(self) -> None:
        """Person names with their titles anywhere in the paragraph ("المخرج نجيب خلف الله", "أيمن
        الطرابلسي"), so role-only and surname speakers can be resolved even when the name never speaks."""
        toks, lex, reg = self.toks, self.lex, self.reg
        n = len(toks)
        k = 0
        while k < n:
            t = toks[k]
            if not t.word:
                k += 1
                continue
            hc = head_class(lex, toks, k)
            if hc == "role":
                end = k + 1
                while end < n and end - k < 10 and toks[end].text not in COMMAS and toks[end].text not in SENT_END:
                    end += 1
                j = name_start_in_role(lex, toks, k, end)
                if j > 0:
                    nb = self._name_end(j, end)
                    if nb > j:
                        reg.add_mention(self.text[toks[j].start:toks[nb - 1].end],
                                        self.text[toks[k].start:toks[j - 1].end].strip(TRAIL), self.order(k))
                        k = nb
                        continue
                elif end + 1 < n and toks[end].text in COMMAS and head_class(lex, toks, end + 1) == "name":
                    nb = self._name_end(end + 1, min(n, end + 6))
                    if nb > end + 1:
                        reg.add_mention(self.text[toks[end + 1].start:toks[nb - 1].end],
                                        self.text[toks[k].start:toks[end - 1].end].strip(TRAIL), self.order(k))
                        k = nb
                        continue
            elif hc == "name":
                nb = self._name_end(k, min(n, k + 5))
                if nb - k >= 2:
                    reg.add_mention(self.text[toks[k].start:toks[nb - 1].end], "", self.order(k))
                    k = nb
                    continue
            k += 1

    def title_mention(self) -> None:
        """"المستوري القمودي : ..." — a headline speaker's name helps split "role + name" in the body."""
        toks = self.toks
        colon = next((k for k, t in enumerate(toks) if t.text == ":"), -1)
        if colon <= 0:
            return
        a = colon
        while a > 0 and toks[a - 1].word:
            a -= 1
        if 2 <= colon - a <= 4 and _looks_like_person(self.lex, toks, a, colon):
            self.reg.add_mention(self.text[toks[a].start:toks[colon - 1].end], "", 0)

    def _name_end(self, j: int, lim: int) -> int:
        return min(name_end(self.lex, self.toks, j, lim), j + 4)

    def run(self) -> list[Pending]:
        toks = self.toks
        for i0, i1 in sentences(toks):
            cues = self.find_cues(i0, i1)
            if any(c.kind != "nominal" for c in cues):
                cues = [c for c in cues if not (c.kind == "nominal" and c.lemma in SETTING_NOMINALS)]
            cues = [
                c for k, c in enumerate(cues)
                if not (c.kind == "nominal" and c.lemma in RELAY_NOMINALS and any(x.kind == "verb" for x in cues[:k]))
            ]
            if cues and cues[0].kind == "nominal" and cues[0].position == "before" and all(
                not t.word or t.f in CLAUSE_STARTERS for t in toks[i0:cues[0].i]
            ):  # "وبحسب تقارير فلسطينية فيرجّح أن ...": the ف-verb is the attributed clause, not a new cue
                cues = [cues[0]] + [c for c in cues[1:] if not (c.kind == "verb" and self._apodosis(c.i))]
            cut_idx = sorted([
                c.i - 1 if c.i - 1 > i0 and toks[c.i - 1].f in CLAUSE_STARTERS else c.i for c in cues
                if self.cuts(c, i0) and (
                    c.kind == "nominal" or self.find_complement(c, i1, c.kind == "part")
                    or (c.i > i0 and toks[c.i - 1].f == F_KAMA)
                )
            ] + self.contrast_cuts(i0, i1))
            covered = -1
            sent_ent: Entity | None = None
            self.nested_ent = None
            self.outer = None
            for c in cues:
                nested = c.i < covered
                if nested and c.kind != "verb":
                    continue
                k = bisect_right(cut_idx, c.i)  # the first cut after the cue (cut_idx is sorted)
                limit = cut_idx[k] if k < len(cut_idx) else i1
                if c.kind == "nominal":
                    res = self.nominal(c, i0, i1, limit, sent_ent)
                elif c.kind == "part":
                    res = self.participle(c, i0, limit, sent_ent)
                else:
                    self.sent_ent = sent_ent
                    res = self.verb(c, i0, limit, nested)
                if res is not None and not nested:
                    ent, end_tok = res
                    sent_ent = ent
                    covered = max(covered, end_tok)
                    if self.out and self.out[-1].paragraph == self.pi and self.nested_ent is None:
                        self.outer = self.out[-1]
        return self.out

    def _end_tok(self, e: int) -> int:
        """Index of the first token starting at or after offset e (tokens are in text order)."""
        if self._starts is None:
            self._starts = [t.start for t in self.toks]
        return bisect_left(self._starts, e)

    def verb(self, c: Cue, i0: int, limit: int, nested: bool = False) -> tuple[Entity, int] | None:
        relative = c.i > i0 and self.toks[c.i - 1].f in RELATIVES  # "وزير التربية الذي دعا إلى ..."
        comp = self.find_complement(c, limit, participle=relative)
        if nested and not relative:  # "إن السلطات حددت أن ...": only with a subject of its own
            keep = list(self.reg.entities)
            self.nested = True
            res = self._verb(c, i0, limit, comp, relative)
            self.nested = False
            if res is not None:
                self.nested_ent = res[0]
            new = [e for e in self.reg.entities if e not in keep]
            self.reg.entities[:] = new + keep
            return res
        if relative:
            keep = list(self.reg.entities)
            res = self._verb(c, i0, limit, comp, relative)
            new = [e for e in self.reg.entities if e not in keep]
            self.reg.entities[:] = new + keep  # the embedded speaker does not become the current one
            return res
        return self._verb(c, i0, limit, comp, relative)

    def _verb(self, c: Cue, i0: int, limit: int, comp: Compl | None, relative: bool) -> tuple[Entity, int] | None:
        a, b, src = cut_region(self.lex, self.toks, c.j, comp.region_end if comp else limit,
                               channel=c.lemma in CHANNEL_VERBS or self._relay_in(c.j, comp.region_end if comp else limit))
        if src >= 0:
            a = src
        words = [k for k in range(a, b) if self.toks[k].word]
        if len(words) == 1 and self._circumstantial(words[0]):
            a = b  # "وقال ضاحكا: ..." (the speaker is implicit)
        if c.lemma in TELL and a < b and head_class(self.lex, self.toks, a) == "media":
            a = b  # "(مهاتير محمد) أبلغ رويترز ...": the outlet is told, the speaker is the subject
        if c.lemma in DIRECTIVES and a < b:
            a, b = self._directive_speaker(a, b, c.form)
        p = parse_region(self.lex, self.text, self.toks, a, b) if a < b else None
        first_word = next((k for k in range(c.j, b) if self.toks[k].word), b)
        if (
            p is not None and p.kind == "person" and " " not in clean_name(p.name) and not self._known_name(p.name)
            and (a != first_word or (is_definite(fold(p.name)) and not fold(p.name).endswith("ي")))
        ):  # "على هامش زيارة، ادتها ...", "وأكدت القبض على ...": an unknown word is no name (nisba surnames are)
            p = None  # a lone unknown word after a setting phrase ("على هامش زيارة، ادتها ...") is no name
        if comp is None and c.lemma in NP_OBJECT and c.form is not None and c.form.tense == "past":
            comp = self.np_object(c, limit)
            if comp is not None:
                a, b, _ = cut_region(self.lex, self.toks, c.j, comp.region_end)
                p = parse_region(self.lex, self.text, self.toks, a, b) if a < b else None
                if p is None:
                    comp = None
        if comp is None:
            if p is not None and p.kind == "person" and len(p.name.split()) > 1 and (
                p.role or any(fold(w) in self.lex.name_tokens for w in p.name.split())
            ):
                r = self.resolve(p, c.form)  # remember who was introduced ("ونوه X، منسق ...، بأهمية ...")
                if r is not None and not self.nested:
                    return r[0], c.j  # ... so that "، مستعرضا/قائلة ..." in this sentence continues them
            elif p is not None and a == first_word and b - a <= 3 and not self.nested and p.kind in (
                "person", "organisation", "unnamed"
            ):
                r = self.resolve(p, c.form)  # "وعلقت شيرين على صورها قائلة: ..."
                if r is not None:
                    return r[0], c.j
            return None
        if comp.mode == "noun" and a >= b and c.form and c.form.tense != "participle":
            pass
        if relative and p is None and a >= b:
            p = self.subject_before(i0, c.i, relative=True)
            if p is None:
                return None
        if p is None:
            if any(head_class(self.lex, self.toks, k) in SPEAKERISH for k in range(a, b)):
                return None
            if a < b and len([t for t in self.toks[a:b] if t.word]) <= 2 and c.j == a and c.lemma not in DIRECTIVES:
                return None  # an unknown word right after the verb is more likely a subject we cannot read
            p = self.subject_before(i0, c.i)
        speaker = ""
        if self.nested and p is None and not self._clitic_wa(c.i):
            return None
        if self.nested and c.form is not None and c.form.tense == "present" and a < b:
            return None  # "... يقر ومبدأ الأرض ...": only subject-first present verbs inside a statement
        if c.form is not None and c.form.tense == "present":
            clitic = self._clitic_wa(c.i) and comp.mode in ("clause", "fused") and comp.tok <= c.j + 1
            if (p is None and not clitic) or (comp.mode == "noun" and (p is None or c.lemma not in DIRECTIVES)):
                return None  # "يدعو إلى ..." without a subject, "ويؤكد ... الدور" are rarely reported speech
        continues_embedded = False
        ent: Entity | None
        if p is None:
            if self.nested_ent is not None and (self.nested or self._clitic_wa(c.i)):
                ent = self.nested_ent  # "إن السلطات حددت أن ...، وتعتقد أنهم ...": the embedded speaker goes on
                continues_embedded = not self.nested
            else:
                ent = self.sent_ent if self.sent_ent is not None and not relative else self._implicit(c, i0)
            if ent is None:
                return None
            conf = 0.7
        else:
            r = self.resolve(p, c.form)
            if r is None:
                return None
            ent, speaker, conf = r
        span = self.content(comp.start, limit, comp.mode)
        if span is None:
            return None
        q = self.emit(span, self.toks[c.i].text, c.lemma, ent, speaker, conf)
        if continues_embedded and self.outer is not None:  # ... and the relaying statement covers it too
            o = self.outer
            o.end = q.end
            o.quote = self.text[o.start:o.end]
            return self.outer.ent, self._end_tok(q.end)
        return ent, self._end_tok(q.end)

    def np_object(self, c: Cue, limit: int) -> Compl | None:
        """Assertive verbs with a noun-phrase content ("أكد X، مدير ...، تأجيل الدورة", "نفى الونيفي أي
        إدعاءات", "أكد X في تصريح لـ"..." انضمام ..."): where the speaker phrase ends, the content starts."""
        toks, lex = self.toks, self.lex
        parts = chunks(toks, c.j, limit)
        # 1. comma-separated: speaker chunk(s), optional apposition, then the content chunk
        for k in range(1, len(parts)):
            ka = parts[k][0]
            while ka < parts[k][1] and not toks[ka].word:
                ka += 1
            if ka >= parts[k][1]:
                continue
            if head_class(lex, toks, ka) in ("name", "role") or toks[ka].f in COMPL_FREE:
                continue
            if all(is_time(lex, t) for t in toks[ka:parts[k][1]] if t.word):
                continue  # "أكد X، الأربعاء، انسحاب ..."
            n_words = sum(1 for t in toks[ka:parts[k][1]] if t.word)
            if k + 1 < len(parts) and n_words <= 4:
                p = parse_region(lex, self.text, toks, ka, parts[k][1])
                if p is not None and p.kind == "person":
                    continue  # "X، role، الجيلاني الهمامي، <content>": a name between commas is an apposition
            a, b, _ = cut_region(lex, toks, c.j, parts[k - 1][1])
            if a < b and parse_region(lex, self.text, toks, a, b) is not None and self._known_speaker(a, b):
                return Compl(parts[k - 1][1], toks[ka].start, ka, "noun")
            break
        if not parts:
            return None
        if len(parts) > 1 and head_class(lex, toks, parts[-1][0]) == "role":  # "...، زعيمة حزب ... مارين لوبان رفضها"
            la, lb = parts[-1]
            j = name_start_in_role(lex, toks, la, lb)
            if j > 0:
                ne = name_end(lex, toks, j, lb)
                if ne < lb and toks[ne].word and has_pronoun(toks[ne].text):
                    return Compl(ne, toks[ne].start, ne, "noun")
        # 2. one chunk: the speaker ends at a setting phrase or after a known name; the content follows
        a0, b0 = parts[0]
        a, b, _ = cut_region(lex, toks, a0, b0)
        if a >= b:
            return None
        k = b
        if k < b0 and toks[k].f in SETTING_WORDS and k + 1 < b0 and toks[k + 1].word:
            k += 2  # في تصريح
            while k < b0 and toks[k].f in PARTICLES:
                k += 1
            if k < b0 and toks[k].word and toks[k].f.startswith("ل"):
                k = _skip_media(lex, toks, k + 1, b0)
            if k < b0 and toks[k].word and parse_region(lex, self.text, toks, a, b) is not None:
                return Compl(b, toks[k].start, k, "noun")
            return None
        for j in range(a + 1, min(b, a + 8)):
            f = toks[j].f
            if toks[j].word and len(f) > 3 and f.endswith(("ها", "هم", "ه")) and not is_definite(f) and (
                self._known_speaker(a, j)
            ):
                return Compl(j, toks[j].start, j, "noun")
            if toks[j].word and self._known_speaker(a, j) and j - a <= 3 and (
                f in lex.not_names or f.startswith("ال")
            ) and self.reg.find_person(self.text[toks[a].start:toks[j - 1].end]) is not None:
                return Compl(j, toks[j].start, j, "noun")
        return None

    def _known_speaker(self, a: int, b: int) -> bool:
        """A speaker phrase we can vouch for: a title, an organisation, an unnamed source or a known name."""
        p = parse_region(self.lex, self.text, self.toks, a, b)
        if p is None:
            return False
        if p.kind in ("organisation", "unnamed", "role", "ref"):
            return True
        if p.kind == "person":
            return bool(p.role) or " " in p.name and any(
                t.f in self.lex.name_tokens for t in self.toks[a:b] if t.word
            ) or self._known_name(p.name)
        return False

    def _directive_speaker(self, a: int, b: int, form: VerbForm | None) -> tuple[int, int]:
        """"ودعا المتضررون السلطات إلى ...": the addressee after the speaker is not part of it; "ودعا الحكومة
        لـ ..." / "دعا كافة الأمنيين" with a masculine verb and a feminine or quantified noun is only an
        addressee (the speaker is implicit)."""
        toks, lex = self.toks, self.lex
        first = toks[a]
        if first.f in QUANTIFIERS:
            return a, a
        words = [t for t in toks[a:b] if t.word]
        if (
            form is not None and form.gender == "m" and len(words) == 1 and first.text.endswith("ة")
            and head_class(lex, toks, a) == "org"
        ):
            return a, a  # "ودعا الحكومة لتطبيق ...": a feminine institution cannot be the subject of دعا
        stem = light_stem(first.f)
        if (
            form is not None and form.gender == "f" and form.number == "s" and is_definite(stem)
            and not stem.endswith(("ه", "ات")) and head_class(lex, toks, a) not in ("org", "unnamed", "doc", "media")
            and stem not in lex.place_tokens and stem not in lex.name_tokens
        ):
            return a, a  # "أبلغت الجانب التركي ...": a masculine noun after a feminine verb is its object
        for k in range(a + 1, b):
            t, prev = toks[k], toks[k - 1]
            if t.text in COMMAS:
                break
            if t.f in QUANTIFIERS:
                return a, k  # "دعا محافظ البيضاء كافة المغرر بهم إلى ..."
            if (
                t.word and prev.word and is_definite(prev.f) and k > a
                and head_class(lex, toks, k) in ("org", "unnamed", "role")
                and not t.f.startswith(("بال", "لل", "وال"))
            ):
                return a, k
        return a, b

    def _relay_in(self, a: int, b: int) -> bool:
        """"قالت الوكالة، نقلاً عن ..." — the speaker region names a channel and then its source."""
        return any(self.toks[k].f in RELAY_WORDS for k in range(a, b))

    def _clitic_wa(self, k: int) -> bool:
        """"وأضاف" (و + أضاف), not "وعدوا" (the verb وعد itself)."""
        t = self.toks[k]
        return t.text[:1] == "و" and len(t.f) > 2 and t.f[1:] in self.lex.verbs

    def _circumstantial(self, k: int) -> bool:
        """An indefinite accusative participle after the verb ("ضاحكا", "مبتسما"), not a name."""
        t = self.toks[k]
        f = t.f
        return (
            len(f) >= 5 and f.endswith("ا") and f[0] == "م" or t.text.endswith("\u064b") or f in ("ضاحكا", "ساخرا")
        ) and not is_definite(f) and f not in self.lex.name_tokens

    def _known_name(self, name: str) -> bool:
        f = fold(name)
        return (
            f in self.lex.name_tokens
            or self.reg.find_person(name) is not None
            or self.reg.mention_for_name(name, 10**9) is not None
        )

    def _implicit(self, c: Cue, i0: int) -> Entity | None:
        # "وفي تصريح لرئيس الجمعية، أكد أن ..." / the subject of the sentence's main verb
        p = self.scan_subject(i0, c.i)
        if p is not None:
            r = self.resolve(p, c.form)
            if r is not None:
                return r[0]
        f = c.form
        return self.reg.recent(f.gender if f else "", f.number if f else "")

    def participle(self, c: Cue, i0: int, limit: int, sent_ent: Entity | None) -> tuple[Entity, int] | None:
        comp = self.find_complement(c, limit, participle=True)
        if comp is None:
            return None
        ent = sent_ent
        if ent is None:
            p = self.scan_subject(i0, c.i)
            if p is not None:
                r = self.resolve(p, c.form)
                ent = r[0] if r else None
        if ent is None:
            ent = self.reg.recent(c.form.gender if c.form else "", c.form.number if c.form else "")
        if ent is None:
            return None
        span = self.content(comp.start, limit, comp.mode)
        if span is None:
            return None
        conf = 0.8 if sent_ent is not None else 0.65
        q = self.emit(span, self.toks[c.i].text, c.lemma, ent, "", conf)
        return ent, self._end_tok(q.end)

    def nominal(self, c: Cue, i0: int, i1: int, limit: int, sent_ent: Entity | None) -> tuple[Entity, int] | None:
        toks, lex = self.toks, self.lex
        verb_text = toks[c.i].text
        if c.position == "after_content":
            if sent_ent is not None:
                return None  # "قال X إن ...، وفق تعبيره": already attributed
            ent = self.reg.recent(prefer="person") or self.reg.recent()
            if ent is None:
                m = self.reg.nearest_titled(self.order(c.i))
                if m is None:
                    return None
                ent = self.reg.add_person(m[1], m[2], self.role_org(m[2], -1, -1), "")
            k0 = i0
            for k in range(c.i - 2, i0, -1):
                nf = toks[k + 1].f
                if toks[k].f in CLAUSE_BOUNDARY and toks[k].space_before and toks[k + 1].word and (
                    toks[k].f != "و" or nf in self.lex.verbs or nf in PARTICLES or (len(nf) <= 4 and not is_definite(nf))
                ):  # "... و قام المخرج بتسليط الضوء ... و مغاير للتجارب، حسب قوله": the clause, not the adjective
                    k0 = k + 1
                    break
            span = self.content(toks[k0].start if k0 > i0 else self._clause_start(i0), c.i, "clause")
            if span is None:
                return None
            self.emit(span, verb_text, c.lemma, ent, "", 0.6)
            return ent, c.j
        # source phrase after the cue, up to a comma / complementiser / end
        j = c.j
        glued = toks[c.j - 1].f.endswith(F_MA) and len(toks[c.j - 1].f) > 3  # حسبما، وفقا لما
        if j < i1 and (toks[j].f == F_MA or glued):  # "وفق ما أكده X", "حسب ما أفادت به X"
            if not glued:
                j += 1
            if j < i1 and toks[j].word:
                j += 1
            if j < i1 and toks[j].f in F_BIHI:
                j += 1
        if c.position == "statement":
            return self.document_statement(c, j, i0, limit)
        opens = all(not t.word or t.f in CLAUSE_STARTERS for t in toks[i0:c.i])
        stop = j
        while stop < limit and toks[stop].f not in COMPL_FREE and toks[stop].text not in SENT_END and toks[
            stop
        ].f not in COMPL_FUSED and not (opens and stop > j and self._apodosis(stop)):
            if toks[stop].text in COMMAS and (opens or not self._apposition_follows(stop + 1, limit)):
                break
            stop += 1
        a, b, src = cut_region(lex, toks, j, stop, channel=True)
        if src >= 0:
            a = src
        if a >= b:
            return None
        hc = head_class(lex, toks, a)
        if c.lemma == fold("في تصريح ل") and hc in ("media", ""):
            return None
        p = parse_region(lex, self.text, toks, a, b)
        if p is not None and c.glued and a == c.j and not toks[a].f.startswith("لل") and p.s == toks[a].start:  # "وفقا لمصادر أمنية": the source is written after the glued ل
            p.s += 1
            p.surface = self.text[p.s:p.e]
            if p.name.startswith("ل"):
                p.name = p.name[1:]
        if p is None or (
            p.kind == "person" and hc not in ("name", "role") and not p.role and self.reg.find_person(p.name) is None
            and not any(fold(w) in lex.name_tokens for w in clean_name(p.name).split())
            and self.reg.mention_for_name(p.name, 10**9) is None
        ):
            return None  # "وفق أحداث مسرحية ...": not a source
        if p.kind == "organisation" and hc == "media" and c.lemma == fold("في تصريح ل"):
            return None
        # content: the clause after the source when the cue opens the sentence, else the clause before it
        if opens:
            k = b
            while k < limit and (not toks[k].word or toks[k].f in (fold("فإن"), fold("فان"))):
                if toks[k].text in SENT_END:
                    break
                k += 1
            if k < limit and toks[k].f.startswith("ل") and _is_addressee(lex, toks, k, limit):
                while k < limit and toks[k].text not in COMMAS:  # "، للجوهرة أف أم، فقد ..."
                    k += 1
                while k < limit and not toks[k].word:
                    k += 1
            if k >= limit:
                return None
            start = toks[k].start
            if self._apodosis(k):
                start += 1
            span = self.content(start, limit, "clause")
        else:
            start = self._clause_start(i0)
            mid = (
                c.i > i0 and toks[c.i - 1].text in COMMAS and b < limit and toks[b].text in COMMAS
                and any(t.word for t in toks[b + 1:limit])
            )
            span = self.content(start, limit if mid else c.i, "clause")
            if span is not None and span[0] < self._max_end and self._min_start < span[1] and any(
                q.paragraph == self.pi and q.start < span[1] and span[0] < q.end for q in reversed(self.out)
            ):  # (the latest statements first: an overlap is almost always with the sentence's own)
                return None
        if span is None:
            return None
        r = self.resolve(p, None)
        if r is None:
            return None
        ent, speaker, conf = r
        verb = verb_text if len(c.lemma.split()) < 2 or c.lemma in (fold("وفقا ل"), fold("طبقا ل"),
                                                                      fold("نقلا عن")) else verb_text
        if c.lemma == fold("على لسان"):
            verb = self.text[toks[c.i].start:toks[c.i + 1].end]
        if c.lemma == fold("في تصريح ل"):
            verb = toks[c.i + 1].text
        q = self.emit(span, verb, c.lemma, ent, speaker, conf - 0.05)
        return ent, self._end_tok(q.end)

    def _apodosis(self, k: int) -> bool:
        """"وبحسب X فيرجّح أن ...", "حسب X فإنه ...": a ف-word opening the main clause after the source."""
        t = self.toks[k]
        if not t.word or not t.text.startswith("ف") or len(t.f) < 3:
            return False
        rest = t.f[1:]
        return (
            rest in COMPL_FUSED or rest in PARTICLES or rest in self.lex.verbs
            or (rest[0] in "يت" and rest not in self.lex.name_tokens and len(rest) >= 3)
        )

    def _clause_start(self, i0: int) -> int:
        """Start of an attributed clause without its conjunction ("وقد بلغت" -> "قد بلغت")."""
        t = self.toks[i0]
        if t.text[:1] in "وف" and len(t.f) > 2:
            rest = t.f[1:]
            if rest in self.lex.verbs or rest in PARTICLES or rest.startswith("ال") or fold("و" + rest) in PARTICLES:
                return t.start + 1
        return t.start

    def _apposition_follows(self, k: int, limit: int) -> bool:
        """After a comma in a source phrase: does a name or title follow ("رئيس الفرقة، كمال العيشاوي")?"""
        while k < limit and not self.toks[k].word:
            k += 1
        if k >= limit:
            return False
        hc = head_class(self.lex, self.toks, k)
        return hc in ("name", "role")

    def document_statement(self, c: Cue, j: int, i0: int, limit: int) -> tuple[Entity, int] | None:
        """"وجاء في البيان/بلاغ لوزارة ... أن": the issuer speaks (else the document, unnamed)."""
        toks = self.toks
        fake = Cue(c.i, j, "verb", c.lemma, None)
        comp = self.find_complement(fake, limit, participle=False)
        if comp is None:
            return None
        a, b, _ = cut_region(self.lex, toks, j, comp.region_end)
        if a >= b or head_class(self.lex, toks, a) != "doc":
            return None
        p = parse_region(self.lex, self.text, toks, a, b)
        if p is None:
            return None
        r = self.resolve(p, None)
        if r is None:
            return None
        ent, speaker, conf = r
        span = self.content(comp.start, limit, comp.mode)
        if span is None:
            return None
        q = self.emit(span, toks[c.i].text, fold("جاء"), ent, speaker if p.issuer else "", conf)
        return ent, self._end_tok(q.end)


def _looks_like_person(lex: Lexicon, toks: list[Tok], a: int, b: int) -> bool:
    return all(
        t.word and head_class(lex, toks, k) in ("", "name") and t.f not in lex.not_names and t.f not in lex.verbs
        and t.f not in lex.place_tokens
        for k, t in enumerate(toks[a:b], a)
    )


def _quoted_words(seg: str) -> int:
    """Words of the longest quoted fragment (names in marks are not quotations)."""
    best = 0
    inside = False
    count = 0
    for tok in seg.replace("«", ' " ').replace("»", ' " ').replace("“", ' " ').replace("”", ' " ').split():
        if tok == '"' or tok.startswith('"') or tok.endswith('"'):
            core = tok.strip('"')
            if inside:
                if core:
                    count += 1
                best = max(best, count)
                inside = tok.startswith('"') and not tok.endswith('"') and len(tok) > 1
                count = 0
                if inside and core:
                    count = 1
            else:
                inside = True
                count = 1 if core else 0
                if tok.endswith('"') and len(tok) > 1 and core:
                    best = max(best, 1)
                    inside = False
                    count = 0
        elif inside:
            count += 1
    if inside:
        best = max(best, count)
    return best


def _strip_clitic(s: str) -> str:
    w = s.split()
    if not w:
        return s
    f = fold(w[0])
    if f.startswith(("وال", "فال", "بال")) and len(w[0]) > 4:
        return s[1:]
    if f.startswith("لل") and len(w[0]) > 4:
        return "ا" + s[1:]
    lex = lexicon()
    if len(f) > 3 and f[0] in "لبوف" and (f[1:] in lex.org_heads or f[1:] in lex.media_heads):
        return s[1:]  # "لوكالة الاستخبارات" -> "وكالة الاستخبارات"
    return s


def _title(para: _Paragraph) -> list[Pending]:
    """Headline "X: content" when X is a speaker (a name, title, organisation, unnamed source), not a place."""
    lex, reg, title, toks = para.lex, para.reg, para.text, para.toks
    colon = next((k for k, t in enumerate(toks) if t.text == ":"), -1)
    if colon <= 0 or colon + 1 >= len(toks):
        return []
    a = colon
    while a > 0 and toks[a - 1].text not in SENT_END and toks[a - 1].text not in COMMAS and colon - a < 6:
        a -= 1
    if a >= colon:
        return []
    if any(t.word and (t.f in lex.verbs or (t.f[:1] == "و" and t.f[1:2] in "تي" and len(t.f) > 4))
           for t in toks[a:colon]):
        return []  # "... وتتوعد بدر: ...": a clause, not a speaker, before the colon
    p = parse_region(lex, title, toks, a, colon)
    if p is None:
        return []
    hc = head_class(lex, toks, a)
    if p.kind == "person":
        known = reg.find_person(p.name)
        single = len(p.name.split()) == 1
        if known is None and not p.role and (
            single or not any(t.f in lex.name_tokens for t in toks[a:colon] if t.word)
        ):
            return []
        if single and known is None:
            return []
        if any(light_stem(t.f) in lex.place_tokens for t in toks[a:colon] if t.word) and known is None:
            return []
    elif p.kind == "doc" and not p.issuer or p.kind == "ref" or p.kind == "organisation" and not any(
        e.type == "organisation" and _title_match(e.canonical, p.surface) for e in reg.entities
    ):
        return []
    if hc == "media":
        return []
    r = para.resolve(p, None)
    if r is None:
        return []
    ent, speaker, conf = r
    span = para.content(toks[colon + 1].start, len(toks), "colon")
    if span is None:
        return []
    para.emit(span, ":", ":", ent, speaker, conf - 0.1)
    return para.out


def _title_match(canonical: str, surface: str) -> bool:
    a = {_bare(light_stem(fold(w))) for w in canonical.split()} | {_bare(fold(w)[1:]) for w in canonical.split()}
    b = {_bare(light_stem(fold(w))) for w in surface.split()}
    return bool(b) and len(a & b) >= max(1, len(b) - 1)


def _whole_word_surface(title: str, paragraphs: Sequence[str], m: OrgLike) -> str:
    """The mention from the start of its written word: organisation spans leave a clitic out ("أمم المتحدة"
    of "للأمم المتحدة"), and the organisation's display name needs the article back (``_strip_clitic``)."""
    text = title if m.paragraph == -1 else paragraphs[m.paragraph] if 0 <= m.paragraph < len(paragraphs) else ""
    if text[m.start : m.end] != m.surface:
        return m.surface
    s = m.start
    while s > 0 and (text[s - 1].isalpha() or unicodedata.category(text[s - 1]) == "Mn"):  # "لِلأمم": a kasra too
        s -= 1
    return text[s : m.end]


def extract_quotes(title: str, paragraphs: Sequence[str], organisations: Sequence[OrgLike] = ()) -> list[Quote]:
    """Statements of one article, title first then body order; offsets index ``paragraphs[p]`` (-1 = title)."""
    lex = lexicon()
    reg = Registry()
    by_par: dict[int, list[OrgLike]] = defaultdict(list)
    for m in organisations:
        by_par[m.paragraph].append(m)
        full = _strip_clitic(_whole_word_surface(title, paragraphs, m).strip())
        while len(full.split()) > 1 and fold(full.split()[-1]) in DANGLING_WORDS:
            full = full.rsplit(" ", 1)[0]  # "المندوبية السامية للتخطيط في"
        if len(full) > len(reg.org_full.get(m.canonical, "")):
            reg.org_full[m.canonical] = full
    for m in by_par.get(-1, ()):
        reg.orgs.append((fold(m.surface), m.canonical))
    paras = [_Paragraph(lex, reg, pi, text, by_par.get(pi, [])) for pi, text in enumerate(paragraphs) if text]
    title_para = _Paragraph(lex, reg, -1, title, by_par.get(-1, [])) if title else None
    for para in paras:
        para.scan_mentions()
    if title_para is not None:
        title_para.scan_mentions()
        title_para.title_mention()
    pending: list[Pending] = []
    for para in paras:
        for m in by_par.get(para.pi, ()):
            reg.orgs.append((fold(m.surface), m.canonical))
        pending.extend(para.run())
    if title_para is not None:
        pending[:0] = _title(title_para)
    for ent in reg.entities:  # a surname-only speaker whose full name appears elsewhere in the article
        if ent.type == "person" and len(ent.canonical.split()) == 1:
            named = reg.mention_for_name(ent.canonical, 10**9)
            if named is not None:
                ent.canonical = named[0]
                if not ent.role and named[1]:
                    ent.role = named[1]
    return [q.final() for q in pending]


__all__ = ["MODEL_VERSION", "OrgLike", "Quote", "extract_quotes", "is_time"]
