"""Tokens with offsets, folded spellings and clitic splitting for organisation extraction.

Everything is keyed on a *folded* word (no diacritics, one alef, hamza and ta marbuta folded) so
that news text, NewsFANE's hamza-less spelling and the name lists all meet on one form.
Folding results are cached per word type: a page repeats most of its words.
"""

from __future__ import annotations

import re
import unicodedata

from transforms.arabic import normalize
from transforms.organisations.caches import word_cache

# Word = run of Arabic letters/marks, digits or Latin letters; everything else but spaces is one token,
# except "_" and "#", which separate words like a space: hashtags ("#وزارة_التجارة_والاستثمار",
# "مجلس #التنسيق_السعودي_الإماراتي") are names written with their spaces replaced, and a span over
# them still takes its surface from the text, so the underscores and an inner "#" stay in it.
_TOKEN = re.compile(
    r"[0-9A-Za-z\u00C0-\u024F\u0621-\u063A\u0640-\u065F\u0660-\u0669\u0670-\u06D3\u06F0-\u06FF"
    r"\uFB50-\uFDFF\uFE70-\uFEFC]+|[^\s_#]"
)
_LATIN = re.compile(r"[A-Za-z]")
_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFC]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_SENT_END = frozenset(".!?؟؛:")

CONJ = ("و", "ف")
PREP = ("ب", "ل", "ك")


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Surface tokens with their start and end offsets in ``text``."""
    toks = _TOKEN.findall(text)
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    find = text.find
    for t in toks:  # findall is C-fast; offsets follow by searching each token from the last end
        pos = find(t, pos)
        starts.append(pos)
        pos += len(t)
        ends.append(pos)
    return toks, starts, ends


# "فبراير. كوم", "العربية.نت": a site's name, not the end of a sentence
_DOMAINS = frozenset(["كوم", "نت", "com", "net", "org", "ma"])


# Latin letters spelt in Arabic, as acronyms are written with dots: "بي. بي. سي", "سي.إس.إيه", "يو.بي.إس".
LETTER_NAMES = frozenset([
    "إيه", "ايه", "أيه", "بي", "سي", "دي", "إي", "اي", "إف", "اف", "جي", "إتش", "اتش", "آي", "أي", "جاي", "جيه", "كيه",
    "كي", "إل", "ال", "إم", "ام", "إن", "ان", "أو", "او", "كيو", "آر", "ار", "إس", "اس", "تي", "يو", "في", "فيه", "دبليو",
    "إكس", "اكس", "واي", "زد", "زي", "إيتش", "بى", "سى", "دى", "تى", "فى"])


def sentence_bounds(toks: list[str]) -> list[tuple[int, int]]:
    """Token ranges of sentences: the CRF sees short sequences and rules never cross a full stop (nor the
    dots of a spelt acronym, "آر.تي.ال")."""
    out: list[tuple[int, int]] = []
    s = 0
    n = len(toks)
    for i, t in enumerate(toks):
        if t in _SENT_END and not (t == "." and i + 1 < n and (
                toks[i + 1].lower() in _DOMAINS or (i and toks[i - 1] in LETTER_NAMES and toks[i + 1] in LETTER_NAMES))):
            out.append((s, i + 1))
            s = i + 1
    if s < len(toks):
        out.append((s, len(toks)))
    return out


def fold_text(word: str) -> str:
    """``fold`` without its cache, for a whole paragraph: a cache keyed by paragraphs only grows (each is new)."""
    if _LATIN.search(word):
        return word.lower()
    if _PRESENTATION.search(word):  # old web text in presentation forms ("مرﺁة"): one spelling
        word = unicodedata.normalize("NFKC", word)
    return normalize(word, fold_hamza=True, fold_ta_marbuta=True)


# Matching form of one word: every spelling variant of hamza, alef, ya and ta marbuta folded.
fold = word_cache(200_000)(fold_text)


@word_cache(200_000)
def split_clitics(f: str) -> tuple[str, str]:
    """Split a folded word into (proclitics, rest) where the rest starts with ال after a preposition.

    Only the unambiguous patterns are split here ("وال", "بال", "لل", "فال", "كال", "وبال", "ولل"...):
    a bare "و" or "ب" before an indefinite word is left to the caller (``strip_known``), because
    many names start with those letters (وزاره، بنك).
    """
    n = len(f)
    if n < 4:
        return "", f
    i = 0
    if f[0] in CONJ and n > 4 and f[1] in "بلكا":
        i = 1
    if f.startswith("لل", i) and n - i > 3:
        return f[: i + 1], "ا" + f[i + 1 :]
    if f.startswith("ال", i + 1) and f[i] in "بكل" and n - i > 4:
        return f[: i + 1], f[i + 1 :]
    if i == 1 and f.startswith("ال", 1):
        return f[:1], f[1:]
    return "", f


def strip_al(f: str) -> str:
    """Drop the article of a folded word (for keys: "with or without ال" is one name)."""
    return f[2:] if f.startswith("ال") and len(f) > 4 else f


def is_latin(word: str) -> bool:
    return bool(_LATIN.match(word))


def is_arabic(word: str) -> bool:
    return bool(_ARABIC_LETTER.match(word))
