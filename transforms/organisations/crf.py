"""Linear-chain CRF decoding without python-crfsuite at run time.

The model is trained by python-crfsuite (scripts/train_organisations.py) with features that each
depend on ONE word (its own view, or its view as the previous/next/±2 word) plus a list-match tag.
A linear CRF's emission score is then a sum of per-word-type vectors, so every word type's five
score vectors are computed once and cached: tagging a token costs five 3-vector additions and a
3-label Viterbi step instead of building and hashing ~25 feature strings. Exactly the same
scores and argmax as crfsuite (checked by the tests).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from transforms.organisations.features import word_views

LABELS = ("O", "B-ORG", "I-ORG")
WEIGHTS_FILE = "crf_weights.tsv"
Vec = tuple[float, float, float]
_ZERO: Vec = (0.0, 0.0, 0.0)


@cache
def model() -> tuple[dict[str, Vec], tuple[Vec, Vec, Vec]]:
    """(attribute -> weights per label, transition matrix) from the shipped TSV."""
    weights: dict[str, Vec] = {}
    trans = [[0.0] * 3 for _ in range(3)]
    path = resources.files("transforms") / "resources" / "organisations" / WEIGHTS_FILE
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "#T":
                trans[LABELS.index(parts[1])][LABELS.index(parts[2])] = float(parts[3])
            elif len(parts) == 4:
                weights[parts[0]] = (float(parts[1]), float(parts[2]), float(parts[3]))
    t = tuple(tuple(r) for r in trans)
    return weights, t  # type: ignore[return-value]


def _sum(feats: tuple[str, ...] | list[str]) -> Vec:
    w = model()[0]
    a = b = c = 0.0
    for f in feats:
        v = w.get(f)
        if v is not None:
            a += v[0]
            b += v[1]
            c += v[2]
    return (a, b, c)


@lru_cache(maxsize=100_000)
def word_scores(tok: str) -> tuple[Vec, Vec, Vec, Vec, Vec]:
    """Score vectors of one word type: as the current, previous, next, -2 and +2 word."""
    own, prev, nxt, m2, p2 = word_views(tok)
    return _sum(own), _sum(prev), _sum(nxt), _sum(m2), _sum(p2)


@cache
def _const(feat: str) -> Vec:
    """Score of a constant feature or of '|'-joined list/rule tags (one combination cached once)."""
    return _sum(feat.split("|"))


def emissions(toks: list[str], lo: int, hi: int, gaz: list[str]) -> list[Vec]:
    """Per-token label scores of toks[lo:hi], exactly as crfsuite sums its attribute weights."""
    sc = [word_scores(t) for t in toks[lo:hi]]
    n = len(sc)
    if n < 3:
        return _emissions_short(sc, gaz)
    bos, eos = _const("BOS"), _const("EOS")
    z = _ZERO
    own = [s[0] for s in sc]
    prev = [bos] + [s[1] for s in sc[:-1]]
    nxt = [s[2] for s in sc[1:]] + [eos]
    m2 = [z, z] + [s[3] for s in sc[:-2]]
    p2 = [s[4] for s in sc[2:]] + [z, z]
    em = [
        (a[0] + b[0] + c[0] + d[0] + e[0], a[1] + b[1] + c[1] + d[1] + e[1], a[2] + b[2] + c[2] + d[2] + e[2])
        for a, b, c, d, e in zip(own, prev, nxt, m2, p2, strict=True)
    ]
    for i, g in enumerate(gaz):
        if g:
            x, v = _const(g), em[i]
            em[i] = (v[0] + x[0], v[1] + x[1], v[2] + x[2])
    return em


def _emissions_short(sc: list, gaz: list[str]) -> list[Vec]:
    n = len(sc)
    out: list[Vec] = []
    for i in range(n):
        parts = [sc[i][0], sc[i - 1][1] if i else _const("BOS"), sc[i + 1][2] if i + 1 < n else _const("EOS")]
        if i > 1:
            parts.append(sc[i - 2][3])
        if i + 2 < n:
            parts.append(sc[i + 2][4])
        if gaz[i]:
            parts.append(_const(gaz[i]))
        out.append((sum(p[0] for p in parts), sum(p[1] for p in parts), sum(p[2] for p in parts)))
    return out


def viterbi(em: list[Vec], start_o: bool = False, end_o: bool = False) -> list[int]:
    """Best label sequence; start_o/end_o = the tokens just outside are known to be O."""
    n = len(em)
    if n == 0:
        return []
    trans = model()[1]
    p0, p1, p2 = em[0]
    if start_o:
        p0, p1, p2 = p0 + trans[0][0], p1 + trans[0][1], p2 + trans[0][2]
    backs: list[tuple[int, int, int]] = []
    (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = trans
    for i in range(1, n):
        a, b, c = em[i]
        s0, s1, s2 = p0 + t00, p1 + t10, p2 + t20
        n0, k0 = (s0, 0) if s0 >= s1 and s0 >= s2 else ((s1, 1) if s1 >= s2 else (s2, 2))
        s0, s1, s2 = p0 + t01, p1 + t11, p2 + t21
        n1, k1 = (s0, 0) if s0 >= s1 and s0 >= s2 else ((s1, 1) if s1 >= s2 else (s2, 2))
        s0, s1, s2 = p0 + t02, p1 + t12, p2 + t22
        n2, k2 = (s0, 0) if s0 >= s1 and s0 >= s2 else ((s1, 1) if s1 >= s2 else (s2, 2))
        backs.append((k0, k1, k2))
        p0, p1, p2 = n0 + a, n1 + b, n2 + c
    if end_o:
        p0, p1, p2 = p0 + t00, p1 + t10, p2 + t20
    last = 0 if p0 >= p1 and p0 >= p2 else (1 if p1 >= p2 else 2)
    out = [last]
    for ptrs in reversed(backs):
        last = ptrs[last]
        out.append(last)
    out.reverse()
    return out


_NEG = -1e9


def best_score(em: list[Vec]) -> float:
    """Score of the best label sequence (max-product forward pass, no back-pointers)."""
    if not em:
        return 0.0
    (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = model()[1]
    p0, p1, p2 = em[0]
    for a, b, c in em[1:]:
        p0, p1, p2 = (max(p0 + t00, p1 + t10, p2 + t20) + a, max(p0 + t01, p1 + t11, p2 + t21) + b,
                      max(p0 + t02, p1 + t12, p2 + t22) + c)
    return max(p0, p1, p2)


def span_margin(em: list[Vec], best: float, s: int, e: int) -> float:
    """How much worse (in CRF score) the best sequence is that labels exactly em[s:e] as one name.

    0 = the CRF's own choice; small = the CRF hesitates; large = the CRF's context weights reject it.
    """
    forced = list(em)
    forced[s] = (_NEG, em[s][1], _NEG)
    for i in range(s + 1, e):
        forced[i] = (_NEG, _NEG, em[i][2])
    if e < len(em):
        forced[e] = (em[e][0], em[e][1], _NEG)
    return best - best_score(forced)


def tag(toks: list[str], lo: int, hi: int, gaz: list[str]) -> list[int]:
    """Best label indexes (0=O, 1=B, 2=I) for toks[lo:hi]; gaz = list-match feature per token or ''."""
    return viterbi(emissions(toks, lo, hi, gaz))


def tag_full(toks: list[str], lo: int, hi: int, gaz: list[str]) -> list[int]:
    """Plain Viterbi over the whole sequence (reference for tests)."""
    return viterbi(emissions(toks, lo, hi, gaz))
