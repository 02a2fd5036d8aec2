"""Tokens with offsets and folded forms, sentence ranges: the only text handling the cue rules need.

One regex pass per paragraph and one cached translate per word type keep the extractor far above 200
pages/s; folding (one alef, hamza and ta marbuta folded, no diacritics) comes from ``transforms.arabic``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.arabic import normalize

_TOKEN = re.compile(
    r"[0-9A-Za-z\u00C0-\u024F\u0621-\u063A\u0640-\u065F\u0660-\u0669\u0670-\u06D3\u06F0-\u06FF]+|[^\s]"
)
HASHTAG = str.maketrans({"#": "", "_": " "})
QUOTE_OPEN = frozenset('"«“„‟')
QUOTE_CLOSE = frozenset('"»”‟')
QUOTE_MARKS = frozenset('"«»“”„‟')
COMMAS = frozenset("،,؛;")
SENT_END = frozenset(".!?؟")


@dataclass(slots=True)
class Tok:
    start: int
    end: int
    text: str
    f: str  # folded form ("" for punctuation other than quotes)
    word: bool
    space_before: bool


@lru_cache(maxsize=100_000)
def fold(word: str) -> str:
    """Matching form of a word: diacritics removed, alef/ya/hamza/ta marbuta folded, ASCII digits."""
    return normalize(word, fold_hamza=True, fold_ta_marbuta=True)


def tokenize(text: str) -> list[Tok]:
    out: list[Tok] = []
    prev_end = -1
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        t = m.group()
        f = fold(t) if (e - s > 1 or t.isalnum()) else ""
        if f:
            out.append(Tok(s, e, t, f, True, s != prev_end))
        else:
            out.append(Tok(s, e, t, t, False, s != prev_end))
        prev_end = e
    return out


def sentences(toks: list[Tok]) -> list[tuple[int, int]]:
    """Token ranges split at . ! ? ؟ that are followed by a space or the end (not 11.8, not a.b)."""
    out: list[tuple[int, int]] = []
    s = 0
    n = len(toks)
    for i, t in enumerate(toks):
        if t.text in SENT_END and (i + 1 == n or toks[i + 1].space_before or toks[i + 1].text in QUOTE_MARKS):
            # a closing quotation mark right after the stop belongs to this sentence
            j = i + 1
            while j < n and toks[j].text in QUOTE_CLOSE and not toks[j].space_before:
                j += 1
            if j > s:
                out.append((s, j))
            s = j
    if s < n:
        out.append((s, n))
    return [r for r in out if r[1] > r[0]]


def strip_proclitics(f: str) -> list[str]:
    """Candidate stems of a folded word without و/ف and ب/ل/ك (ل+ال = لل), longest stem first."""
    out = [f]
    w = f
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w.startswith("لل"):
        out.append("ال" + w[2:])
    elif len(w) > 3 and w[0] in "بلك":
        out.append(w[1:])
    return out


def light_stem(f: str) -> str:
    """Strip only unambiguous proclitics: و/ف/ب/ك before ال, and ل+ال written لل ("وزير" keeps its و)."""
    if len(f) > 4 and f[0] in "وف" and f[1:3] == "ال":
        f = f[1:]
    elif len(f) > 5 and f[0] in "وف" and f[1] in "بك" and f[2:4] == "ال":
        f = f[2:]
    if len(f) > 4 and f[0] in "بك" and f[1:3] == "ال":
        return f[1:]
    if len(f) > 3 and f.startswith("لل"):
        return "ا" + f[1:]
    if len(f) > 4 and f[0] in "وف" and f[1:3] == "لل":
        return "ا" + f[2:]
    return f
