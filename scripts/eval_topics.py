"""Evaluate the topic model on splits users would trust; every figure here is printed, none stored.

Splits (each evaluation model is trained inside this script on the split's training side only, with
the same features and recipe as the shipped model, ``scripts/train_topics.fit`` with ``SHIPPED``):
  1. cross-outlet: train on JawharaFM, test on AlArabiya, and back, on the five shared categories
     (sport, international, economy, culture, technology);
  2. time: per outlet, the latest 20% of articles by date are the test side, all seven topics;
  3. headline-only: the test sides above, scored from titles alone.
Prints accuracy, macro-F1 with its 95 % bootstrap interval, per-class F1, confusion matrices, and calibration
(log loss, ECE).

The recipe was frozen on within-outlet development splits (scripts/topics_dev.py) before this script
was run on it; every run of the cross-outlet part is logged in docs/topics-dev-log.md.

Since session 12 the recipe is chosen on cross-outlet DEV halves (scripts/topics_shift_dev.py: each outlet's
articles split in two by a hash of the file name). ``--halves`` also scores the two TEST halves, which no
choice was made on (once per freeze, logged in docs/topics-dev-log.md); the full cross-outlet figures above
them include the dev halves.
``--adapt`` (session 24) also scores each test half with the model adapted to its outlet by
``transforms.topic_adapt`` (what ``akhbar adapt-topics`` does), from the text of the same outlet's dev half: its
labels are never read, and the test half is not seen before it is scored.
Usage: .venv/bin/python scripts/eval_topics.py [--halves] [--adapt]
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, log_loss

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_topics import SHIPPED, Example, Fitted, Scorer, adapted, fit, load_examples  # noqa: E402

SHARED = ("culture", "economy", "international", "sport", "technology")
TEST_SHARE = 0.2


def half(e: Example) -> int:
    """Cross-outlet half of an article: 0 = dev half (scripts/topics_shift_dev.py), 1 = test half (``--halves``);
    fixed by the file name, independent of label and date."""
    return hashlib.sha1(e.rel.encode("utf-8")).digest()[0] & 1


def ece(probs: np.ndarray, y_idx: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error of the top-1 probability."""
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y_idx
    edges = np.linspace(0, 1, bins + 1)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            total += sel.mean() * abs(conf[sel].mean() - correct[sel].mean())
    return float(total)


def macro_interval(y: np.ndarray, pred: np.ndarray, labels: list[str], n: int = 1000) -> tuple[float, float]:
    """95 % bootstrap interval of macro-F1 (articles resampled with replacement; seed fixed): how much the
    figure could move on another sample of the same outlet, which matters where a class has few articles."""
    index = {c: i for i, c in enumerate(sorted(set(y) | set(pred)))}
    yi, pi, k = np.array([index[v] for v in y]), np.array([index[v] for v in pred]), len(index)
    keep = np.array([index[c] for c in labels])
    rng = np.random.default_rng(0)
    scores = []
    for _ in range(n):
        s = rng.integers(0, len(yi), len(yi))
        cm = np.bincount(yi[s] * k + pi[s], minlength=k * k).reshape(k, k)
        tp, gold, got = np.diag(cm)[keep], cm.sum(axis=1)[keep], cm.sum(axis=0)[keep]
        with np.errstate(invalid="ignore", divide="ignore"):
            f1 = np.where(gold + got > 0, 2 * tp / (gold + got), 0.0)
        scores.append(f1.mean())
    lo, hi = np.percentile(scores, [2.5, 97.5])
    return float(lo), float(hi)


def report(name: str, model: Fitted | Scorer, test: list[Example], *, detail: bool = True) -> dict[str, float]:
    """Scores of one split on full articles and on titles alone."""
    y = np.array([e.label for e in test])
    out: dict[str, float] = {}
    for kind in ("article", "headline"):
        probs = model.predict_articles(test) if kind == "article" else model.predict_titles(test)
        pred = np.array(model.classes)[probs.argmax(axis=1)]
        labels = [c for c in model.classes if c in set(y) | set(pred)]
        macro = f1_score(y, pred, labels=sorted(set(y)), average="macro", zero_division=0)
        acc = accuracy_score(y, pred)
        y_idx = np.array([model.classes.index(v) for v in y])
        ll = log_loss(y_idx, probs, labels=list(range(len(model.classes))))
        out[f"{kind}_macro_f1"] = macro
        lo, hi = macro_interval(y, pred, sorted(set(y)))
        out[f"{kind}_low"], out[f"{kind}_high"] = lo, hi
        print(
            f"\n== {name} [{kind}] n={len(y)}  accuracy={acc:.3f}  macro-F1={macro:.3f} (95% {lo:.3f}-{hi:.3f})  "
            f"log-loss={ll:.3f}  ECE={ece(probs, y_idx):.3f}"
        )
        if not detail and kind == "headline":
            continue
        per = f1_score(y, pred, labels=labels, average=None, zero_division=0)
        print("per-class F1: " + ", ".join(f"{c}={f:.3f}" for c, f in zip(labels, per, strict=True)))
        cm = confusion_matrix(y, pred, labels=labels)
        width = max(len(c) for c in labels) + 1
        print("confusion (rows = gold, columns = predicted):")
        print(" " * width + "".join(f"{c[:7]:>8}" for c in labels))
        for c, row in zip(labels, cm, strict=True):
            print(f"{c:<{width}}" + "".join(f"{v:>8}" for v in row))
    return out


def train_on(examples: list[Example]) -> Fitted:
    return fit(examples, SHIPPED)


def time_split(examples: list[Example]) -> tuple[list[Example], list[Example]]:
    """Per outlet: articles before the 80th date percentile train, the later ones test."""
    train: list[Example] = []
    test: list[Example] = []
    for outlet in sorted({e.outlet for e in examples}):
        dated = sorted((e for e in examples if e.outlet == outlet and e.day), key=lambda e: (e.day, e.rel))
        cut = dated[int(len(dated) * (1 - TEST_SHARE))].day
        train += [e for e in dated if e.day < cut]
        test += [e for e in dated if e.day >= cut]
        print(
            f"time split {outlet}: train < {cut} ({sum(e.day < cut for e in dated)}), "
            f"test >= {cut} ({sum(e.day >= cut for e in dated)})"
        )
    return train, test


def main() -> None:
    t0 = time.time()
    examples = load_examples()
    shared = [e for e in examples if e.label in SHARED]
    jawhara = [e for e in shared if e.outlet == "jawharafm"]
    alarabiya = [e for e in shared if e.outlet == "alarabiya"]
    summary: dict[str, dict[str, float]] = {}
    on_jawhara, on_alarabiya = train_on(jawhara), train_on(alarabiya)
    summary["JawharaFM -> AlArabiya"] = report("cross-outlet JawharaFM -> AlArabiya", on_jawhara, alarabiya)
    summary["AlArabiya -> JawharaFM"] = report("cross-outlet AlArabiya -> JawharaFM", on_alarabiya, jawhara)
    if "--halves" in sys.argv:
        summary["JawharaFM -> AlArabiya, test half"] = report(
            "cross-outlet JawharaFM -> AlArabiya, TEST half", on_jawhara, [e for e in alarabiya if half(e) == 1]
        )
        summary["AlArabiya -> JawharaFM, test half"] = report(
            "cross-outlet AlArabiya -> JawharaFM, TEST half", on_alarabiya, [e for e in jawhara if half(e) == 1]
        )
    if "--adapt" in sys.argv:  # transforms.topic_adapt on the target's dev half (text only), scored on its test half
        for name, model, target in (("JawharaFM -> AlArabiya", on_jawhara, alarabiya),
                                    ("AlArabiya -> JawharaFM", on_alarabiya, jawhara)):
            summary[f"{name}, test half, adapted"] = report(
                f"cross-outlet {name}, TEST half, model adapted to the dev half's text",
                adapted(model, [e for e in target if half(e) == 0]), [e for e in target if half(e) == 1],
            )
    train, test = time_split(examples)
    summary["time split (7 topics)"] = report("time split, both outlets, 7 topics", train_on(train), test)
    print("\n== summary (macro-F1)")
    for name, scores in summary.items():
        print(
            f"{name:<34} article={scores['article_macro_f1']:.3f} ({scores['article_low']:.3f}-"
            f"{scores['article_high']:.3f})  headline={scores['headline_macro_f1']:.3f}"
        )
    cross = [summary[k]["article_macro_f1"] for k in ("JawharaFM -> AlArabiya", "AlArabiya -> JawharaFM")]
    print(f"{'cross-outlet mean':<34} article={np.mean(cross):.3f}")
    print(f"({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
