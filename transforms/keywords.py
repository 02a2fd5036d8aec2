"""Key terms and phrases of an article: TF-IDF against a document-frequency table of ANT v1.1.

Terms are readable normalised forms (``transforms.arabic.normalize``: one alef and ya, no
diacritics), with the article and attached conjunctions/prepositions/pronouns removed when the
frequency table says the bare word is the common form (``والحكومة`` -> ``حكومة``, but ``وزير``
stays). Function words and digits never start or end a term. Two-word phrases compete with single
words; a word already inside a chosen phrase is not listed again. Scores are relative (best = 1).

The table (``resources/keywords/df.tsv.gz``) is built by ``scripts/build_keywords.py`` from ANT v1.1
(Apache-2.0), so it ships with the package.
"""

from __future__ import annotations

import gzip
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from transforms.arabic import normalize

_DIR = Path(__file__).resolve().parent / "resources" / "keywords"
_ARTICLE = re.compile(r"(?<!\w)(?:[وف]?(?:[بكل]?ال|لل))(?=\w{2,})")
_TOKEN = re.compile(r"[^\W\d_]{2,}")
_SPLIT = re.compile(r"[.!?؟،,;:؛\"'«»()\[\]{}<>|/\\\n\-–—…]+")
_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")
_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")
TITLE_BOOST = 3.0
LEAD_BOOST = 1.5  # first paragraph
PHRASE_BONUS = 1.2


@dataclass(frozen=True, slots=True)
class Keyword:
    term: str
    score: float
    rank: int


def surface_form(text: str) -> str:
    """Readable normalised text without the article (the form of terms and of the df table)."""
    # The article is stripped before normalising: it is always written with a bare alef, while names
    # such as إليسا only look like al- + word once إ is folded.
    return normalize(_ARTICLE.sub("", text))


def segments(text: str) -> list[list[str]]:
    """Word runs between punctuation: phrases never cross a comma or a full stop."""
    return [_TOKEN.findall(part) for part in _SPLIT.split(surface_form(text))]


@dataclass(frozen=True, slots=True)
class _Table:
    n_docs: int
    df: dict[str, int]
    stop: frozenset[str]


@cache
def _table() -> _Table:
    df: dict[str, int] = {}
    n_docs = 0
    with gzip.open(_DIR / "df.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            term, _, count = line.rstrip("\n").partition("\t")
            if term == "#docs":
                n_docs = int(count)
            else:
                df[term] = int(count)
    stop: set[str] = set()
    for line in (_DIR / "stopwords.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            stop.update(_TOKEN.findall(surface_form(line.strip())))
            stop.update(_TOKEN.findall(normalize(line.strip())))
    return _Table(n_docs=n_docs, df=df, stop=frozenset(stop))


_CANON: dict[str, str] = {}
_CANON_MAX = 500_000


def canonical(word: str) -> str:
    """Strip clitics only when the table shows the bare form is itself a common word.

    A proclitic goes when the bare word is at least half as frequent (لمكافحة -> مكافحة, while
    لجنة, وزير, فريق stay); a pronoun suffix only when the bare word is the more frequent one.
    """
    hit = _CANON.get(word)
    if hit is not None:
        return hit
    df = _table().df
    best, best_df = word, df.get(word, 0)
    if len(word) > 3:
        for pre in _PREFIXES:
            if word.startswith(pre) and len(word) - len(pre) >= 3:
                cand = word[len(pre) :]
                if df.get(cand, 0) >= max(5, best_df // 2):
                    best, best_df = cand, df[cand]
        for suf in _SUFFIXES:
            if best.endswith(suf) and len(best) - len(suf) >= 3:
                cand = best[: -len(suf)]
                if df.get(cand, 0) >= max(5, best_df):
                    best, best_df = cand, df[cand]
    # لل + a word starting with ل (للاعب = ل + ال + لاعب) lost that ل when the article was stripped.
    if best.startswith("ا") and df.get("ل" + best, 0) >= max(5, 3 * best_df):
        best, best_df = "ل" + best, df["ل" + best]
    if best.startswith("ال") and len(best) > 4:  # article behind a proclitic (وللحكومة -> حكومة)
        best = _ARTICLE.sub("", best)
    if len(_CANON) > _CANON_MAX:  # bounded memory on long pipeline runs
        _CANON.clear()
    _CANON[word] = best
    return best


_IDF: dict[str, float] = {}


def _idf(term: str, table: _Table) -> float:
    hit = _IDF.get(term)
    if hit is None:
        hit = math.log((table.n_docs + 1) / (table.df.get(term, 0) + 1)) + 1.0
        if len(_IDF) > _CANON_MAX:  # bounded memory on long pipeline runs
            _IDF.clear()
        _IDF[term] = hit
    return hit


def extract_keywords(title: str, paragraphs: Sequence[str], k: int = 10) -> list[Keyword]:
    """Top-k terms (words or two-word phrases) of one article, best first."""
    table = _table()
    stop = table.stop
    tf: defaultdict[str, float] = defaultdict(float)  # boosted counts: the title and lead weigh more
    in_body: Counter[str] = Counter()
    parts = [(title, TITLE_BOOST)] + [(p, LEAD_BOOST if i == 0 else 1.0) for i, p in enumerate(paragraphs)]
    for n, (text, boost) in enumerate(parts):
        for seg in segments(text):
            words = [canonical(w) for w in seg]
            ok = [w not in stop and len(w) > 2 for w in words]
            for w, good in zip(words, ok, strict=True):
                if good:
                    tf[w] += boost
            for i in range(len(words) - 1):
                if ok[i] and ok[i + 1]:
                    phrase = words[i] + " " + words[i + 1]
                    tf[phrase] += boost
                    if n:
                        in_body[phrase] += 1
    if not tf:
        return []
    # Names unknown to the table: وكوستا counts as كوستا when the article also has the bare form.
    for term in [t for t in tf if " " not in t and t[0] in "وفبل" and t[1:] in tf and len(t) > 4]:
        tf[term[1:]] += tf.pop(term)
    scored: list[tuple[float, str]] = []
    for term, count in tf.items():
        if " " in term:
            # A phrase counts when it is a known collocation used twice (the title counts) or when the
            # body repeats it; an unseen one is rated by its words, so chance pairs do not win on IDF.
            if count < 2:  # most pairs: neither condition below can hold
                continue
            if term in table.df:
                idf = _idf(term, table)
            elif in_body[term] >= 2:
                first, second = term.split(" ")
                idf = (_idf(first, table) + _idf(second, table)) / 2
            else:
                continue
            scored.append((PHRASE_BONUS * (1 + math.log(count)) * idf, term))
        else:
            scored.append(((1 + math.log(count)) * _idf(term, table), term))
    scored.sort(key=lambda st: (-st[0], st[1]))
    chosen: list[tuple[float, str]] = []
    covered: set[str] = set()
    for score, term in scored:
        parts_ = term.split(" ")
        if len(parts_) == 1 and term in covered:
            continue
        if len(parts_) == 2 and all(p in covered for p in parts_):
            continue
        chosen.append((score, term))
        covered.update(parts_)
        if len(chosen) == k:
            break
    top = chosen[0][0]
    return [Keyword(term, round(score / top, 4), rank) for rank, (score, term) in enumerate(chosen, start=1)]


def extract_keywords_batch(articles: Sequence[tuple[str, Sequence[str]]], k: int = 10) -> list[list[Keyword]]:
    """Keywords of a shard of articles (the table and the clitic cache are shared across it)."""
    _table()
    return [extract_keywords(title, paragraphs, k) for title, paragraphs in articles]
