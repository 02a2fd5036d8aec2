"""Linear-chain CRF decoding without python-crfsuite at run time.

The model is trained by python-crfsuite (scripts/train_organisations.py) with features that each
depend on ONE word (its own view, or its view as the previous/next/±2 word) plus a list-match tag.
A linear CRF's emission score is then a sum of per-word-type vectors, so every word type's five
score vectors are computed once and cached: tagging a token costs five vector additions and one
Viterbi step instead of building and hashing ~25 feature strings.

Two label schemes are read: BIO (O, B, I: exactly crfsuite's argmax) and BILOU (O, B, I, L, U: Ratinov
& Roth 2009, the last and the single word of a name get labels of their own, which gives a first-order
CRF better boundaries). The weights file says which (a '#L' first line; none = BIO). BILOU decoding
only follows valid sequences (after O/L/U comes O/B/U, after B/I comes I/L), which is the standard
constrained decode: crfsuite's own argmax may walk an invalid transition, never seen in training.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from operator import add
from pathlib import Path

import numpy as np

from transforms.organisations import features
from transforms.organisations.caches import clear_word_caches, register_cache, word_cache
from transforms.organisations.features import word_views
from transforms.organisations.tokens import fold

# Label indexes are fixed: a BIO model uses the first three.
LABELS = ("O", "B-ORG", "I-ORG", "L-ORG", "U-ORG")
O, B, I, L, U = range(5)  # noqa: E741
WEIGHTS_FILE = "crf_weights.tsv"
Vec = tuple[float, ...]
_NEG = -1e9


def load(path: Path | Traversable) -> tuple[dict[str, Vec], tuple[Vec, ...]]:
    """(attribute -> weight per label, transition matrix) of a weights TSV; the label count is len(matrix)."""
    labels: tuple[str, ...] = LABELS[:3]
    weights: dict[str, Vec] = {}
    rows: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "#L":
                labels = tuple(parts[1:])
                if labels != LABELS[: len(labels)] or len(labels) not in (3, 5):
                    raise ValueError(f"unknown label set {labels}")
            elif parts[0] == "#T":
                rows.append(parts)
            elif len(parts) == len(labels) + 1:
                weights[parts[0]] = tuple(float(x) for x in parts[1:])
    trans = [[0.0] * len(labels) for _ in labels]
    for parts in rows:
        trans[LABELS.index(parts[1])][LABELS.index(parts[2])] = float(parts[3])
    return weights, tuple(tuple(r) for r in trans)


Model = tuple[dict[str, Vec], tuple[Vec, ...]]
_IN_USE: list[Model] = []  # another CRF than the shipped one, set by ``use_model``


def model() -> Model:
    """The CRF in use (weights, transitions): the shipped one unless ``use_model`` set another."""
    return _IN_USE[0] if _IN_USE else _shipped()


@cache
def _shipped() -> Model:
    return load(resources.files("transforms") / "resources" / "organisations" / WEIGHTS_FILE)


def use_model(other: Model | None) -> None:
    """Decode with ``other`` (weights, transitions), or with the shipped CRF read afresh (None): the training,
    evaluation and cross-validation scripts swap CRFs. A function to call, not ``model`` to reassign, because
    the compiled build calls ``model`` directly and would not see a reassigned module attribute."""
    _IN_USE[:] = [other] if other is not None else []
    if other is None:
        _shipped.cache_clear()
    forget_model()


def n_labels() -> int:
    return len(model()[1])


def _sum(feats: tuple[str, ...] | list[str]) -> Vec:
    w = model()[0]
    if n_labels() == 3:  # BIO: unrolled, as fast as before the BILOU scheme (new words of a page come here)
        a = b = c = 0.0
        for f in feats:
            v = w.get(f)
            if v is not None:
                a += v[0]
                b += v[1]
                c += v[2]
        return (a, b, c)
    vs = [v for v in map(w.get, feats) if v is not None]
    return tuple(map(sum, zip(*vs, strict=True))) if vs else (0.0,) * n_labels()


def word_scores(tok: str) -> tuple[Vec, Vec, Vec, Vec, Vec]:
    """Score vectors of one word type: as the current, previous, next, -2 and +2 word, summed over its feature
    strings exactly as crfsuite does. The definition ``word_row`` (the extraction's path) must equal; tests compare."""
    own, prev, nxt, m2, p2 = word_views(tok)
    return _sum(own), _sum(prev), _sum(nxt), _sum(m2), _sum(p2)


_TABLED = ("f", "r")  # units with a value per word form: their scores are read off the weights once, at load


@cache
def _unit_tables() -> dict[str, dict[str, list[float]]]:
    """Scores of the word-form units ("f", "r" of ``features.word_units``) for every value the weights name: a
    word never seen in training then costs two failed look-ups, not ten feature strings built and looked up."""
    k = n_labels()
    heads: dict[str, tuple[str, int]] = {}  # "w" / "-1w" / ... -> (unit, view)
    for unit in _TABLED:
        for view, feats in enumerate(features.unit_views(unit, "")):
            for template in feats:
                heads[template[:-1]] = (unit, view)
    tables: dict[str, dict[str, list[float]]] = {unit: {} for unit in _TABLED}
    for key, vec in model()[0].items():
        head, eq, value = key.partition("=")
        hit = heads.get(head) if eq else None
        if hit:
            unit, view = hit
            row = tables[unit].setdefault(value, [0.0] * (5 * k))
            row[view * k : view * k + k] = vec
    return tables


@word_cache(100_000)
def _unit_row(unit: tuple[str, str]) -> list[float]:
    """The five score vectors side by side of a unit with few values (clitics, affixes, classes, clusters)."""
    return [x for view in features.unit_views(*unit) for x in _sum(view)]


def word_row(tok: str) -> list[float]:
    """``word_scores`` flattened (own, previous, next, -2, +2 side by side), summed over the word's units.

    An indexed loop into one list (zip and sum built a tuple per column: about 1 % of the compiled build's
    instructions); a unit the weights do not name adds nothing and is skipped (adding 0.0 leaves a sum from 0
    unchanged)."""
    tables = _unit_tables()
    width = 5 * n_labels()
    row = [0.0] * width
    for u, v in features.word_units(tok):
        part = tables[u].get(v) if u in tables else _unit_row((u, v))
        if part is None:
            continue
        for j in range(width):
            row[j] += part[j]
    return row


@cache
def _const(feat: str) -> Vec:
    """Score of a constant feature or of '|'-joined list/rule tags (one combination cached once)."""
    return _sum(feat.split("|"))


def forget_model() -> None:
    """Forget everything computed from the weights (``use_model`` calls it): tag sums, the pair table, the unit
    tables, every word cache."""
    _const.cache_clear()
    _pair_table.cache_clear()
    _unit_tables.cache_clear()
    clear_word_caches()


class _ScoreRows(dict):
    """Word type -> its row in ``matrix``: the five score vectors side by side, computed once. An article's
    scores are then gathered by one numpy index and summed as whole arrays, where adding tuples per
    token was the extractor's largest cost. Emptied before it would pass ``maxsize`` (flat memory)."""

    def __init__(self, maxsize: int) -> None:
        super().__init__()
        self.maxsize = maxsize
        self.matrix = np.zeros((0, 0))
        self.pair_words = np.zeros(0, dtype=np.int64)  # row -> the word's number among the pair words (0: none)

    def __missing__(self, tok: str) -> int:
        row, width = len(self), 5 * n_labels()
        if row >= len(self.matrix) or self.matrix.shape[1] != width:  # full, or other weights' label count
            grown = np.zeros((max(1024, 2 * len(self.matrix)), width))
            words = np.zeros(len(grown), dtype=np.int64)
            if len(self.matrix) and self.matrix.shape[1] == width:
                grown[: len(self.matrix)] = self.matrix
                words[: len(self.matrix)] = self.pair_words
            self.matrix, self.pair_words = grown, words
        self.matrix[row] = word_row(tok)
        self.pair_words[row] = _pair_table().words.get(fold(tok) or tok, 0)  # whatever WORD_PAIRS says now
        self[tok] = row
        return row

    def gather(self, toks: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """The tokens' score rows, and their numbers among the pair words."""
        if len(self) + len(toks) > self.maxsize:
            self.clear()  # before the look-ups: rows handed out below must stay valid
        ids = np.fromiter(map(self.__getitem__, toks), dtype=np.intp, count=len(toks))  # may grow the matrix:
        return self.matrix[ids], self.pair_words[ids]  # index it only after


_ROWS = _ScoreRows(100_000)
register_cache(_ROWS)


def base_emissions(toks: list[str], bounds: list[tuple[int, int]]) -> list[list[float]]:
    """Per-token label scores of an article's sentences (token ranges ``bounds``) before list tags.

    Exactly crfsuite's sum, in the same order: own view + previous word's (BOS at a sentence start) +
    next word's (EOS at its end) + word -2's + word +2's, neighbours never crossing a sentence bound."""
    n, k = len(toks), n_labels()
    if not n:
        return []
    rows, pair_words = _ROWS.gather(toks)
    prev = np.empty((n, k))
    prev[1:] = rows[:-1, k : 2 * k]
    nxt = np.empty((n, k))
    nxt[:-1] = rows[1:, 2 * k : 3 * k]
    m2 = np.zeros((n, k))
    m2[2:] = rows[:-2, 3 * k : 4 * k]
    p2 = np.zeros((n, k))
    p2[:-2] = rows[2:, 4 * k :]
    lo = np.array([b[0] for b in bounds], dtype=np.intp)
    hi = np.array([b[1] for b in bounds], dtype=np.intp)
    prev[lo] = _const("BOS")
    nxt[hi - 1] = _const("EOS")
    m2[lo] = 0.0
    m2[(lo + 1)[lo + 1 < hi]] = 0.0
    p2[hi - 1] = 0.0
    p2[(hi - 2)[hi - 2 >= lo]] = 0.0
    total = rows[:, :k] + prev + nxt + m2 + p2
    if features.WORD_PAIRS and n > 1:
        _add_pairs(total, pair_words, lo, hi)
    return total.tolist()


class _PairTable:
    """Weighted word pairs (``features.WORD_PAIRS``), searched as whole arrays: every word that occurs in a pair
    gets a number, a pair of numbers one int64 code; ``codes`` is sorted, ``plus[r]`` / ``minus[r]`` are what the
    pair of ``rows[r]`` gives its first word ("wp+=a|b") and its second ("wp-=a|b"); row 0 is zeros."""

    def __init__(self) -> None:
        words: dict[str, int] = {}
        pairs: dict[tuple[int, int], int] = {}
        scores: list[tuple[int, str, Vec]] = []  # (pair row, "+" or "-", weights)
        for key, v in model()[0].items():
            if key.startswith(("wp+=", "wp-=")) and key.count("|") == 1:  # a "|" token would make the key ambiguous
                a, b = key[4:].split("|")
                ia, ib = words.setdefault(a, len(words) + 1), words.setdefault(b, len(words) + 1)
                scores.append((pairs.setdefault((ia, ib), len(pairs) + 1), key[2], v))
        self.width = len(words) + 1
        self.words = words
        self.plus = np.zeros((len(pairs) + 1, n_labels()))
        self.minus = np.zeros((len(pairs) + 1, n_labels()))
        for row, side, v in scores:
            (self.plus if side == "+" else self.minus)[row] = v
        codes = np.array([ia * self.width + ib for ia, ib in pairs], dtype=np.int64)
        order = np.argsort(codes)
        self.codes = codes[order]
        self.rows = np.arange(1, len(pairs) + 1, dtype=np.intp)[order]


@cache
def _pair_table() -> _PairTable:
    return _PairTable()


def _add_pairs(total: np.ndarray, ids: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> None:
    """Add the word-pair scores of adjacent tokens of one sentence (``ids``: each token's number among the pair
    words, gathered with its score row), as array operations only."""
    table = _pair_table()
    if not len(table.codes):
        return
    query = ids[:-1] * table.width + ids[1:]
    pos = np.minimum(table.codes.searchsorted(query), len(table.codes) - 1)
    rows = np.where((table.codes[pos] == query) & (ids[:-1] > 0) & (ids[1:] > 0), table.rows[pos], 0)
    # no pair across a sentence bound: pair j joins tokens j and j + 1 (as base_emissions cuts its neighbours)
    rows[(lo - 1)[lo > 0]] = 0
    rows[(hi - 1)[hi - 1 < len(rows)]] = 0
    total[:-1] += table.plus[rows]
    total[1:] += table.minus[rows]


def emissions(toks: list[str], lo: int, hi: int, gaz: list[str],
              base: list[list[float]] | None = None) -> list[Sequence[float]]:
    """Per-token label scores of toks[lo:hi] (``base``: their ``base_emissions`` if already computed for
    the article), plus the list tags, exactly as crfsuite sums its attribute weights."""
    em: list = base if base is not None else base_emissions(toks[lo:hi], [(0, hi - lo)])
    for i, g in enumerate(gaz):
        if g:
            em[i] = tuple(map(add, em[i], _const(g)))
    return em


def viterbi(em: Sequence[Sequence[float]]) -> list[int]:
    """Best label sequence (indexes into LABELS)."""
    if not em:
        return []
    return _viterbi5(em) if len(em[0]) == 5 else _viterbi3(em)


def _viterbi3(em: Sequence[Sequence[float]]) -> list[int]:
    """BIO Viterbi, the extractor's tightest loop: each label's best predecessor by plain comparisons, written out
    three times on purpose (building a (score, label) tuple per comparison cost about a fifth more; max() and a
    helper function per label cost more still)."""
    (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = model()[1]
    p0, p1, p2 = em[0]
    backs: list[tuple[int, int, int]] = []
    keep = backs.append
    for a, b, c in em[1:]:
        s0, s1, s2 = p0 + t00, p1 + t10, p2 + t20
        if s0 >= s1 and s0 >= s2:
            n0, k0 = s0, 0
        elif s1 >= s2:
            n0, k0 = s1, 1
        else:
            n0, k0 = s2, 2
        s0, s1, s2 = p0 + t01, p1 + t11, p2 + t21
        if s0 >= s1 and s0 >= s2:
            n1, k1 = s0, 0
        elif s1 >= s2:
            n1, k1 = s1, 1
        else:
            n1, k1 = s2, 2
        s0, s1, s2 = p0 + t02, p1 + t12, p2 + t22
        if s0 >= s1 and s0 >= s2:
            n2, k2 = s0, 0
        elif s1 >= s2:
            n2, k2 = s1, 1
        else:
            n2, k2 = s2, 2
        keep((k0, k1, k2))
        p0, p1, p2 = n0 + a, n1 + b, n2 + c
    return _backtrace(backs, 0 if p0 >= p1 and p0 >= p2 else (1 if p1 >= p2 else 2))


def _backtrace(backs: Sequence[tuple[int, ...]], last: int) -> list[int]:
    """The label sequence ending in ``last``, read back through the back-pointers."""
    out = [last]
    for ptrs in reversed(backs):
        last = ptrs[last]
        out.append(last)
    out.reverse()
    return out


def _viterbi5(em: Sequence[Sequence[float]]) -> list[int]:
    """Constrained BILOU Viterbi: O/L/U -> O/B/U, B/I -> I/L; a sentence starts outside a name and ends
    outside one (first label O/B/U, last O/L/U)."""
    t = model()[1]
    t00, t01, t04 = t[0][0], t[0][1], t[0][4]
    t30, t31, t34 = t[3][0], t[3][1], t[3][4]
    t40, t41, t44 = t[4][0], t[4][1], t[4][4]
    t12, t13, t22, t23 = t[1][2], t[1][3], t[2][2], t[2][3]
    p0, p1, _x, _y, p4 = em[0]
    p2 = p3 = _NEG
    backs: list[tuple[int, int, int, int, int]] = []
    for e0, e1, e2, e3, e4 in em[1:]:
        # outside -> outside/start: predecessors O (0), L (3), U (4)
        s0, s3, s4 = p0 + t00, p3 + t30, p4 + t40
        n0, k0 = (s0, 0) if s0 >= s3 and s0 >= s4 else ((s3, 3) if s3 >= s4 else (s4, 4))
        s0, s3, s4 = p0 + t01, p3 + t31, p4 + t41
        n1, k1 = (s0, 0) if s0 >= s3 and s0 >= s4 else ((s3, 3) if s3 >= s4 else (s4, 4))
        s0, s3, s4 = p0 + t04, p3 + t34, p4 + t44
        n4, k4 = (s0, 0) if s0 >= s3 and s0 >= s4 else ((s3, 3) if s3 >= s4 else (s4, 4))
        # inside -> inside/last: predecessors B (1), I (2)
        s1, s2 = p1 + t12, p2 + t22
        n2, k2 = (s1, 1) if s1 >= s2 else (s2, 2)
        s1, s2 = p1 + t13, p2 + t23
        n3, k3 = (s1, 1) if s1 >= s2 else (s2, 2)
        backs.append((k0, k1, k2, k3, k4))
        p0, p1, p2, p3, p4 = n0 + e0, n1 + e1, n2 + e2, n3 + e3, n4 + e4
    return _backtrace(backs, 0 if p0 >= p3 and p0 >= p4 else (3 if p3 >= p4 else 4))


def best_score(em: Sequence[Sequence[float]]) -> float:
    """Score of the best label sequence (max-product forward pass, no back-pointers)."""
    if not em:
        return 0.0
    t = model()[1]
    if len(em[0]) == 3:
        (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = t
        p0, p1, p2 = em[0]
        for a, b, c in em[1:]:
            p0, p1, p2 = (max(p0 + t00, p1 + t10, p2 + t20) + a, max(p0 + t01, p1 + t11, p2 + t21) + b,
                          max(p0 + t02, p1 + t12, p2 + t22) + c)
        return max(p0, p1, p2)
    p0, p1, _x, _y, p4 = em[0]
    p2 = p3 = _NEG
    for e0, e1, e2, e3, e4 in em[1:]:
        p0, p1, p2, p3, p4 = (
            max(p0 + t[0][0], p3 + t[3][0], p4 + t[4][0]) + e0,
            max(p0 + t[0][1], p3 + t[3][1], p4 + t[4][1]) + e1,
            max(p1 + t[1][2], p2 + t[2][2]) + e2,
            max(p1 + t[1][3], p2 + t[2][3]) + e3,
            max(p0 + t[0][4], p3 + t[3][4], p4 + t[4][4]) + e4,
        )
    return max(p0, p3, p4)


def _only(v: Sequence[float], k: int) -> Vec:
    return tuple(x if j == k else _NEG for j, x in enumerate(v))


def span_margin(em: Sequence[Sequence[float]], best: float, s: int, e: int) -> float:
    """How much worse (in CRF score) the best sequence is that labels exactly em[s:e] as one name.

    0 = the CRF's own choice; small = the CRF hesitates; large = the CRF's context weights reject it.
    """
    forced = list(em)
    if len(em[0]) == 3:
        forced[s] = _only(em[s], B)
        for i in range(s + 1, e):
            forced[i] = _only(em[i], I)
        if e < len(em):
            forced[e] = tuple(x if j != I else _NEG for j, x in enumerate(em[e]))
    elif e - s == 1:
        forced[s] = _only(em[s], U)
    else:  # BILOU: B I* L, the constraints keep the tokens around it outside the name
        forced[s] = _only(em[s], B)
        for i in range(s + 1, e - 1):
            forced[i] = _only(em[i], I)
        forced[e - 1] = _only(em[e - 1], L)
    return best - best_score(forced)


def spans(labels: list[int]) -> list[tuple[int, int]]:
    """(start, end) of the names in a label sequence of either scheme. Tolerant of invalid sequences:
    an I or L without an open name opens one, L and U close one, B and U close any name still open."""
    out: list[tuple[int, int]] = []
    s = -1
    for k, lab in enumerate(labels):
        if lab in (I, L):
            if s < 0:
                s = k
            if lab == L:
                out.append((s, k + 1))
                s = -1
            continue
        if s >= 0:
            out.append((s, k))
            s = -1
        if lab == B:
            s = k
        elif lab == U:
            out.append((k, k + 1))
    if s >= 0:
        out.append((s, len(labels)))
    return out


def tag(toks: list[str], lo: int, hi: int, gaz: list[str]) -> list[int]:
    """Best label indexes (see LABELS) for toks[lo:hi]; gaz = list-match feature per token or ''."""
    return viterbi(emissions(toks, lo, hi, gaz))


def tag_full(toks: list[str], lo: int, hi: int, gaz: list[str]) -> list[int]:
    """Plain Viterbi over the whole sequence (reference for tests)."""
    return viterbi(emissions(toks, lo, hi, gaz))
