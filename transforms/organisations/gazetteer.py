"""Compiled name lists: longest-match look-up of known organisations in a token sequence.

The lists (``resources/organisations/names.tsv``, built by ``scripts/train_organisations.py`` from
``scripts/org_lists``) map a folded key to a canonical name and a type. Keys drop ال on every word,
so "الإيسيسكو" and "إيسيسكو" are one entry; the first word of a match may carry clitics (وب ل بال لل).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import compress

from transforms.organisations.lexicon import TITLES
from transforms.organisations.tokens import fold, split_clitics, strip_al, word_cache

RESOURCE = "organisations"


@dataclass(frozen=True, slots=True)
class Names:
    by_key: dict[tuple[str, ...], tuple[str, str, int]]  # key -> (canonical, type, tier)
    max_len: dict[str, int]  # first key word -> longest entry starting with it
    vocab: frozenset[str]  # every key word (CRF feature)
    persons: frozenset[str]  # first names (CRF feature)
    places: frozenset[str]  # places (CRF feature, and "not an organisation" alone)
    towns: frozenset[str]  # the places that give no nationality adjective (Tunisian delegations: towns.txt)
    by_skel: dict[tuple[str, ...], tuple]  # skeleton key of long curated names -> (..., exact key)
    skel_len: dict[str, int]
    common: frozenset[str]  # most frequent words of news text (not names)
    prefixes: frozenset[tuple[str, ...]]  # every prefix (2+ words) of a multi-word key: a trie walk
    skel_prefixes: frozenset[tuple[str, ...]]


_VOWEL_LETTERS = str.maketrans("", "", "اويه")


@word_cache(100_000)
def skeleton(word_key: str) -> str:
    """Consonant skeleton of a key word: absorbs vowel-letter slips (الرباطة/الرابطة, إيسيسكو/اسيسكو)."""
    if len(word_key) < 4:
        return word_key
    return word_key[0] + word_key[1:].translate(_VOWEL_LETTERS)


@word_cache(200_000)
def key_word(word: str) -> str:
    """Key form of a non-initial word of a name."""
    return strip_al(fold(word))


def first_key_candidates(word: str) -> tuple[str, ...]:
    """Key forms the first word of a match may take: as written, without clitics, without و/ب/ل/ف/ك."""
    f = fold(word)
    out = [strip_al(f)]
    cl, rest = split_clitics(f)
    if cl:
        out.append(strip_al(rest))
        if cl[-1] == "ل" and rest[1:2] == "ل":
            out.append(rest[1:])  # "لليفربول": ل + "ليفربول", not لل + "يفربول"
    elif len(f) > 3 and f[0] in "وبلفك":
        out.append(strip_al(f[1:]))
        if len(f) > 4 and f[0] in "وف" and f[1] in "بلك":
            out.append(strip_al(f[2:]))
    return tuple(out)


def name_key(name: str) -> tuple[str, ...]:
    """Key of a listed name: ال dropped on every word, except in one-word names ("حماس" is not "الحماس")."""
    from transforms.organisations.tokens import tokenize

    toks = [t for t in tokenize(name)[0] if t not in "-."]
    if len(toks) == 1:
        return (fold(toks[0]),)
    return tuple(key_word(t) for t in toks)


def single_forms(word: str) -> tuple[str, ...]:
    """Forms a one-word name may take in running text: as written or without و/ب/ل/ف/ك, ال kept."""
    f = fold(word)
    out = [f]
    cl, rest = split_clitics(f)
    if cl:
        out.append(rest)
        if cl[-1] == "ل" and rest[1:2] == "ل":
            out.append(rest[1:])  # "لليفربول": ل + "ليفربول"
    elif len(f) > 3 and f[0] in "وبلفك":
        out.append(f[1:])
        if len(f) > 4 and f[0] in "وف" and f[1] in "بلك":
            out.append(f[2:])
    return tuple(out)


@cache
def names() -> Names:
    """Load the compiled lists once."""
    root = resources.files("transforms") / "resources" / RESOURCE
    by_key: dict[tuple[str, ...], tuple[str, str, int]] = {}
    max_len: dict[str, int] = {}
    persons: set[str] = set()
    places: set[str] = set()
    towns: set[str] = set()
    with (root / "names.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4:
                continue
            kind, key_s, canonical, typ = parts[:4]
            if kind == "PER":
                persons.add(key_s)
                continue
            if kind in ("LOC", "TOWN"):
                places.add(key_s)
                if kind == "TOWN":
                    towns.add(key_s)
                continue
            key = tuple(key_s.split(" "))
            tier = 1 if kind == "ORG1" else 2
            if key not in by_key or by_key[key][2] > tier:
                by_key[key] = (canonical, typ, tier)
    vocab: set[str] = set()
    for key in by_key:
        vocab.update(strip_al(w) for w in key)
        if len(key) > 1 and max_len.get(key[0], 0) < len(key):
            max_len[key[0]] = len(key)
    by_skel: dict[tuple[str, ...], tuple] = {}
    skel_len: dict[str, int] = {}
    for key, hit in by_key.items():
        if len(key) == 1:
            continue
        if hit[2] == 1 and len(key) >= 3:
            sk = tuple(skeleton(w) for w in key)
            by_skel.setdefault(sk, (*hit, None, key))
            skel_len[sk[0]] = max(skel_len.get(sk[0], 0), len(sk))
    common = frozenset((root / "common.txt").read_text(encoding="utf-8").split())
    prefixes = frozenset(k[:n] for k in by_key if len(k) > 1 for n in range(2, len(k) + 1))
    skel_prefixes = frozenset(k[:n] for k in by_skel for n in range(2, len(k) + 1))
    return Names(
        by_key, max_len, frozenset(vocab), frozenset(persons), frozenset(places), frozenset(towns), by_skel, skel_len, common,
        prefixes, skel_prefixes,
    )


@word_cache(200_000)
def _starts(word: str) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]] | tuple[()]:
    """(first-word key, longest entry) pairs for exact and skeleton look-up; () for most words. Cached per word
    type: its helpers (single_forms, first_key_candidates) are read through it, so they keep no cache of their own."""
    nm = names()
    exact, fuzzy = [], []
    for form in single_forms(word):
        if (form,) in nm.by_key:
            exact.append((form, 1))
    for cand in first_key_candidates(word):
        if cand in nm.max_len:
            exact.append((cand, nm.max_len[cand]))
        sk = skeleton(cand)
        if sk in nm.skel_len:
            fuzzy.append((sk, nm.skel_len[sk]))
    if not exact and not fuzzy:
        return ()
    return tuple(exact), tuple(fuzzy)


def match_all(toks: list[str], lo: int, hi: int, max_tier: int = 2) -> list[tuple[int, int, str, str, int]]:
    """Longest non-overlapping list matches in toks[lo:hi]: (start, end, canonical, type, tier)."""
    nm = names()
    out: list[tuple[int, int, str, str, int]] = []
    done = lo
    for i in compress(range(lo, hi), map(_starts, toks[lo:hi])):  # C speed: most words start no name
        if i < done:
            continue
        best = None
        exact, fuzzy = _starts(toks[i])  # type: ignore[misc]  # compress() kept the non-empty ones
        for cand, ml in exact:
            key: tuple[str, ...] = (cand,)
            if ml == 1:
                hit = nm.by_key.get(key)
                if hit and hit[2] <= max_tier and best is None:
                    best = (i, i + 1, hit[0], hit[1], hit[2])
                continue
            n = 1
            while i + n < hi:
                key = (*key, key_word(toks[i + n]))
                n += 1
                if key not in nm.prefixes:
                    break
                hit = nm.by_key.get(key)
                if hit and hit[2] <= max_tier and (best is None or n > best[1] - best[0]):
                    best = (i, i + n, hit[0], hit[1], hit[2])
        if best is None and fuzzy:
            best = _fuzzy(toks, i, hi, nm, fuzzy)
        if best:
            out.append(best)
            done = best[1]
    return out


def _fuzzy(toks: list[str], i: int, hi: int, nm: Names,
           starts: tuple[tuple[str, int], ...]) -> tuple[int, int, str, str, int] | None:
    """Long curated names (3+ words) matched on consonant skeletons: a misspelt word still matches."""
    for sk0, _ml in starts:
        key: tuple[str, ...] = (sk0,)
        found = []
        n = 1
        while i + n < hi:
            key = (*key, skeleton(key_word(toks[i + n])))
            n += 1
            if key not in nm.skel_prefixes:
                break
            if key in nm.by_skel:
                found.append(n)
        for n in reversed(found):
            words = [key_word(t) for t in toks[i + 1 : i + n]]
            hit = nm.by_skel[(sk0, *(skeleton(w) for w in words))]
            if fold(toks[i]) in TITLES or split_clitics(fold(toks[i]))[1] in TITLES:
                return None  # "وزير الفلاحة ..." is a person's title, not "وزارة الفلاحة ..."
            exact = hit[4]
            firsts = first_key_candidates(toks[i])
            diff = [w for w, e in zip((firsts[-1], *words), exact, strict=True) if w != e]
            if len(diff) == 1 and diff[0] not in nm.common and diff[0] not in _TITLE_KEYS:
                return (i, i + n, hit[0], hit[1], 1)
    return None


_TITLE_KEYS = frozenset(strip_al(fold(w)) for w in ["وزير", "رئيس", "مدير", "الوزير", "الرئيس", "المدير", "أمين"])
