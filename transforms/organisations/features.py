"""CRF features as plain lists of strings (python-crfsuite's fast path, no per-token dicts).

Each word type's own features and its views as a neighbour are computed once and cached; a
token's feature list is then the concatenation of five cached tuples plus the list-match tag.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from transforms.organisations import lexicon as lx
from transforms.organisations.gazetteer import match_all, names
from transforms.organisations.tokens import fold, split_clitics, strip_al, word_cache

_QUOTES = frozenset("\"'«»“”„‘’")
CLUSTERS_FILE = "clusters.tsv"


def cluster_key(tok: str) -> str:
    """The form word clusters are built on and looked up by: folded, leading clitics split off."""
    return split_clitics(fold(tok) or tok)[1]


_IN_USE: list[dict[str, tuple[str, ...]]] = []  # another cluster table, set by ``use_clusters``


def clusters() -> dict[str, tuple[str, ...]]:
    """Word -> cluster ids at three granularities (scripts/org_clusters.py); empty if not shipped."""
    return _IN_USE[0] if _IN_USE else _shipped_clusters()


def use_clusters(table: dict[str, tuple[str, ...]] | None) -> None:
    """Read ``table`` instead of the shipped clusters (None: the shipped file, read afresh), for the scripts that
    build or compare cluster sets. The caller clears the word caches that hold the old clusters' features."""
    _IN_USE[:] = [table] if table is not None else []
    if table is None:
        _shipped_clusters.cache_clear()


@cache
def _shipped_clusters() -> dict[str, tuple[str, ...]]:
    path = resources.files("transforms") / "resources" / "organisations" / CLUSTERS_FILE
    out: dict[str, tuple[str, ...]] = {}
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line[0] != "#":
                    w, *ids = line.rstrip("\n").split("\t")
                    out[w] = tuple(ids)
    except FileNotFoundError:
        pass
    return out


def _cluster_ids(f: str, rest: str) -> tuple[str, ...]:
    table = clusters()
    ids = table.get(rest)
    if ids is None and len(f) > 4 and f[0] in "وبلفك":
        ids = table.get(f[1:])  # "لداعش": the bare word's clusters
    return ids or ()


def _classes(tok: str, f: str, rest: str) -> list[str]:
    nm = names()
    out: list[str] = []
    if not tok[0].isalnum():
        out.append("Q" if tok in _QUOTES else "P=" + tok)
        return out
    if tok[0].isdigit():
        return ["D"]
    if "a" <= tok[0].lower() <= "z":
        out.append("LAT")
        if tok.isupper() and len(tok) > 1:
            out.append("CAPS")
        elif tok[0].isupper():
            out.append("Cap")
    h = lx.HEADS.get(f) or lx.HEADS.get(rest) or lx.HEADS.get(f[1:] if len(f) > 4 else "")
    if h:
        out.append("H=" + h)
    if f in lx.STOP:
        out.append("S")
    if f in lx.TITLES or rest in lx.TITLES:
        out.append("T")
    if rest.startswith("ال") and rest.endswith(lx.NAT_SUFFIXES) and len(rest) > 5:
        out.append("NAT")
    c = lx.TYPE_CUES.get(f) or lx.TYPE_CUES.get(rest)
    if c:
        out.append("C=" + c)
    k = strip_al(rest)
    if k in nm.vocab:
        out.append("GV")
    if k in nm.persons:
        out.append("PER")
    if k in nm.places:
        out.append("LOC")
    return out


def word_views(tok: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(own, as previous word, as next word, as word -2, as word +2) feature tuples of one word type."""
    f = fold(tok) or tok
    cl, rest = split_clitics(f)
    cls = _classes(tok, f, rest)
    own = [
        "w=" + f,
        "r=" + rest,
        "c=" + cl,
        "s2=" + rest[-2:],
        "s3=" + rest[-3:],
        "p2=" + rest[:2],
        "p3=" + rest[:3],
        "n=" + str(min(len(rest), 8)),
    ]
    if rest.startswith("ال"):
        own.append("al")
    elif len(f) > 4 and f[0] in "وبلفك":
        # a bare proclitic before an indefinite word ("لداعش", "وحكومة") is not split by split_clitics
        # (وزارة، بنك start with those letters); the unsplit reading also fires, so the CRF shares the
        # weights of the bare word ("داعش") with its clitic forms
        own.append("r=" + f[1:])
    own += cls
    prev = ["-1w=" + f, "-1r=" + rest, "-1s3=" + rest[-3:], "-1c=" + cl] + ["-1" + c for c in cls]
    nxt = ["+1w=" + f, "+1r=" + rest, "+1p3=" + rest[:3], "+1c=" + cl] + ["+1" + c for c in cls]
    kid = _cluster_ids(f, rest)
    if kid:
        own += [f"k{g}={x}" for g, x in enumerate(kid)]
        prev += [f"-1k{g}={x}" for g, x in enumerate(kid[:2])]
        nxt += [f"+1k{g}={x}" for g, x in enumerate(kid[:2])]
    m2 = ["-2r=" + rest] + ["-2" + c for c in cls if c[0] in "HTS"]
    p2 = ["+2r=" + rest] + ["+2" + c for c in cls if c[0] in "HTSN"]
    if kid and CLUSTER_WIDE:
        m2.append("-2k1=" + kid[1])
        p2.append("+2k1=" + kid[1])
    return tuple(own), tuple(prev), tuple(nxt), tuple(m2), tuple(p2)


def word_units(tok: str) -> list[tuple[str, str]]:
    """``word_views`` cut into units, each a function of one value many words share: the folded form ("f"), the
    bare form ("r"), the clitics, the last and first three letters, the length, each class, the clusters. A word
    type first met then costs look-ups of its units' scores (``crf`` precomputes them or caches them), not ~35
    feature strings built and looked up. ``unit_views`` spells each unit out; a test checks that the units give
    exactly word_views' features."""
    f = fold(tok) or tok
    cl, rest = split_clitics(f)
    units = [("f", f), ("r", rest), ("c", cl), ("s", rest[-3:]), ("p", rest[:3]), ("n", str(min(len(rest), 8)))]
    if rest.startswith("ال"):
        units.append(("al", ""))
    elif len(f) > 4 and f[0] in "وبلفك":
        units.append(("r1", f[1:]))  # the unsplit reading, as word_views adds it
    units += [("k", c) for c in _classes(tok, f, rest)]
    kid = _cluster_ids(f, rest)
    if kid:
        units.append(("K", "\t".join(kid)))
    return units


def unit_views(unit: str, value: str) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """(own, previous, next, -2, +2) features of one unit of ``word_units``."""
    if unit == "f":
        return ["w=" + value], ["-1w=" + value], ["+1w=" + value], [], []
    if unit == "r":
        return ["r=" + value], ["-1r=" + value], ["+1r=" + value], ["-2r=" + value], ["+2r=" + value]
    if unit == "r1":
        return ["r=" + value], [], [], [], []
    if unit == "c":
        return ["c=" + value], ["-1c=" + value], ["+1c=" + value], [], []
    if unit == "s":
        return ["s2=" + value[-2:], "s3=" + value], ["-1s3=" + value], [], [], []
    if unit == "p":
        return ["p2=" + value[:2], "p3=" + value], [], ["+1p3=" + value], [], []
    if unit == "n":
        return ["n=" + value], [], [], [], []
    if unit == "al":
        return ["al"], [], [], [], []
    if unit == "k":
        return ([value], ["-1" + value], ["+1" + value], ["-2" + value] if value[0] in "HTS" else [],
                ["+2" + value] if value[0] in "HTSN" else [])
    kid = value.split("\t")  # "K": cluster ids
    return ([f"k{g}={x}" for g, x in enumerate(kid)], [f"-1k{g}={x}" for g, x in enumerate(kid[:2])],
            [f"+1k{g}={x}" for g, x in enumerate(kid[:2])], ["-2k1=" + kid[1]] if CLUSTER_WIDE else [],
            ["+2k1=" + kid[1]] if CLUSTER_WIDE else [])


# Training and evaluation build every token's feature strings (``sentence_features``), so they read them through a
# cache; extraction reads a word type's views once (``crf`` keeps its scores), and a cache of ~35 strings per word
# type held about 100 MB after 1,000 pages for nothing.
_cached_views = word_cache(100_000)(word_views)

CLUSTER_WIDE = False  # clusters of the words at -2/+2 too (dev log)
# folded word pairs w[-1]|w[0] and w[0]|w[+1] as features: tried in session 4 on little news data (no gain), on since
# session 19 (five-fold CV over 2,465 news articles +0.27). The only features that depend on two words, so
# crf.base_emissions adds their weights per article (one look-up per pair, ``crf._add_pairs``)
WORD_PAIRS = True
RULE_FEATURES = False  # phrase-rule spans as CRF features (stacking): tried, no dev gain (dev log)


def gaz_tags(toks: list[str], lo: int, hi: int,
             matches: list[tuple[int, int, str, str, int]] | None = None,
             heads: list[tuple[int, int, float]] | None = None,
             latins: list[tuple[int, int, float]] | None = None) -> list[str]:
    """List-match and rule-span features per token of toks[lo:hi] ('' if none, else '|'-joined).

    Why rule spans are features and not only candidates: on Wojood-style text the head-noun chains
    over-extend or name things the annotators do not tag ("الجبهة الشعبية" cut, "بلدية نابلس للشروع");
    as features the CRF weighs them against the words around, learnt from the labelled corpora.
    """
    if matches is None:
        matches = match_all(toks, lo, hi)
    if not RULE_FEATURES:  # the shipped model's path: one tag per token at most, no lists to join
        gaz = [""] * (hi - lo)
        for s, e, _c, typ, tier in matches:
            if s < lo or e > hi:
                continue
            gaz[s - lo] = f"gB{tier}={typ}"
            for j in range(s - lo + 1, e - lo):
                gaz[j] = f"gI{tier}"
        return gaz
    tags: list[list[str]] = [[] for _ in range(hi - lo)]
    for s, e, _c, typ, tier in matches:
        if s < lo or e > hi:
            continue
        tags[s - lo].append(f"gB{tier}={typ}")
        for j in range(s - lo + 1, e - lo):
            tags[j].append(f"gI{tier}")
    if RULE_FEATURES:
        from transforms.organisations.rules import head_spans, latin_spans

        if heads is None:
            heads = head_spans(toks, lo, hi)
        if latins is None:
            latins = latin_spans(toks, lo, hi)
        for spans, p in ((heads, "h"), (latins, "a")):
            for s, e, c in spans:
                tags[s - lo].append(f"{p}B{'s' if c >= 0.8 else 'w'}")
                for j in range(s - lo + 1, e - lo):
                    tags[j].append(p + "I")
                if e < hi:
                    tags[e - lo].append(p + "A")
    return ["|".join(t) for t in tags]


def pair_keys(toks: list[str], lo: int, hi: int) -> tuple[list[str], list[str]]:
    """Word-pair attributes of toks[lo:hi]: with the previous word ('' at the start), with the next ('' at the end)."""
    f = [fold(t) or t for t in toks[lo:hi]]
    prev = [""] + [f"wp-={a}|{b}" for a, b in zip(f, f[1:], strict=False)]
    nxt = [f"wp+={a}|{b}" for a, b in zip(f, f[1:], strict=False)] + [""]
    return prev, nxt


def sentence_features(toks: list[str], lo: int, hi: int,
                      matches: list[tuple[int, int, str, str, int]] | None = None) -> list[list[str]]:
    """Feature lists for toks[lo:hi] (one sentence or window); ``matches`` = list matches if known."""
    views = [_cached_views(t) for t in toks[lo:hi]]
    n = len(views)
    gaz = gaz_tags(toks, lo, hi, matches)
    out: list[list[str]] = []
    for i in range(n):
        feats = list(views[i][0])
        if i > 0:
            feats += views[i - 1][1]
            if i > 1:
                feats += views[i - 2][3]
        else:
            feats.append("BOS")
        if i + 1 < n:
            feats += views[i + 1][2]
            if i + 2 < n:
                feats += views[i + 2][4]
        else:
            feats.append("EOS")
        if gaz[i]:
            feats += gaz[i].split("|")
        out.append(feats)
    if WORD_PAIRS:
        for i, (a, b) in enumerate(zip(*pair_keys(toks, lo, hi), strict=True)):
            out[i] += [x for x in (a, b) if x]
    return out
