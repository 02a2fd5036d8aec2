"""Development runs for the topic model under outlet shift (session 12): cross-outlet DEV halves.

The within-outlet splits of ``scripts/topics_dev.py`` cannot see the shift between outlets, which is where
the model misses its target (docs/topics-dev-log.md). This script splits each outlet's shared-category
articles into two fixed halves by a hash of the article's file name: half 0 is the cross-outlet dev half
(scored here, as often as needed), half 1 the cross-outlet test half (scored only by
``scripts/eval_topics.py --halves``, once per freeze; ``eval_topics.half`` draws the line). Each model is
trained on ALL of the other outlet, as in the evaluation. Printed per variant: macro-F1 on the dev half of
each direction, their mean and minimum, for the articles and (second line) their titles alone.

Usage: .venv/bin/python scripts/topics_shift_dev.py [--em] [--adapt] VARIANT [VARIANT ...]
(variants as in topics_dev.py: a named recipe, or base+key=value,key=value; "VARIANT@alarabiya=SA;jawharafm="
also changes the outlets' home countries for that run; --em also scores each direction after re-estimating the
class priors on the target dev half, session 13; --adapt also scores each direction with the model adapted to the
target outlet by transforms.topic_adapt, session 24: the dev half is cut in two by another bit of the same hash, the
model is adapted to one part's text, never its labels, and scores the other part, and the other way round)
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))

import train_topics  # noqa: E402
from eval_topics import half  # noqa: E402
from topics_dev import SHARED, _variant  # noqa: E402
from train_topics import Example, adapted, fit, load_examples  # noqa: E402


def directions(examples: list[Example]) -> list[tuple[str, list[Example], list[Example], list[Example]]]:
    """(name, training outlet's articles, target dev half, target test half) per direction."""
    shared = [e for e in examples if e.label in SHARED]
    by = {o: [e for e in shared if e.outlet == o] for o in ("jawharafm", "alarabiya")}
    out = []
    for src, dst in (("jawharafm", "alarabiya"), ("alarabiya", "jawharafm")):
        out.append((f"{src[:3]}->{dst[:3]}", by[src], [e for e in by[dst] if half(e) == 0],
                    [e for e in by[dst] if half(e) == 1]))
    return out


def macro(model, test: list[Example], titles: bool = False) -> float:
    probs = model.predict_titles(test) if titles else model.predict_articles(test)
    pred = np.array(model.classes)[probs.argmax(axis=1)]
    return float(f1_score([e.label for e in test], pred, labels=sorted(SHARED), average="macro"))


def em_priors(probs: np.ndarray, iters: int = 200) -> np.ndarray:
    """Saerens et al. (2002): re-estimate the class priors of an unlabelled target set by EM and return the
    posteriors under them. The model's calibrator is class-balanced, so its training prior is uniform."""
    k = probs.shape[1]
    prior = np.full(k, 1.0 / k)
    for _ in range(iters):
        post = probs * prior * k
        post /= post.sum(axis=1, keepdims=True)
        new = post.mean(axis=0)
        if np.abs(new - prior).max() < 1e-7:
            break
        prior = new
    return post


def macro_em(model, test: list[Example]) -> float:
    pred = np.array(model.classes)[em_priors(model.predict_articles(test)).argmax(axis=1)]
    return float(f1_score([e.label for e in test], pred, labels=sorted(SHARED), average="macro"))


def macro_adapted(model, dev: list[Example], titles: bool = False) -> float:
    """Macro-F1 on the dev half of ``model`` adapted (transforms.topic_adapt) to the other part of the half."""
    part = np.array([hashlib.sha1(e.rel.encode("utf-8")).digest()[1] & 1 for e in dev])
    probs = np.zeros((len(dev), len(model.classes)))
    for a in (0, 1):
        scorer = adapted(model, [e for e, p in zip(dev, part, strict=True) if p == a])
        held = [e for e, p in zip(dev, part, strict=True) if p != a]
        probs[part != a] = scorer.predict_titles(held) if titles else scorer.predict_articles(held)
    pred = np.array(model.classes)[probs.argmax(axis=1)]
    return float(f1_score([e.label for e in dev], pred, labels=sorted(SHARED), average="macro"))


def main() -> None:
    args = [a for a in sys.argv[1:] if a not in ("--em", "--adapt")]
    if not args:
        print(__doc__)
        return
    dirs = directions(load_examples())
    for name in args:
        name, _, homes = name.partition("@")  # "v4-frozen@alarabiya=SA": another home country per outlet
        train_topics.OUTLET_HOME.update({"jawharafm": "TN", "alarabiya": None})
        train_topics.OUTLET_HOME.update(dict(kv.split("=") for kv in homes.split(";") if kv))
        recipe = _variant(name)
        t0 = time.time()
        models = {d: fit(train, recipe) for d, train, _dev, _test in dirs}
        rows = {name: {d: macro(models[d], dev) for d, _train, dev, _test in dirs}}
        rows[name + " headlines"] = {d: macro(models[d], dev, titles=True) for d, _train, dev, _test in dirs}
        if "--em" in sys.argv:
            rows[name + " +em"] = {d: macro_em(models[d], dev) for d, _train, dev, _test in dirs}
        if "--adapt" in sys.argv:
            rows[name + " adapted"] = {d: macro_adapted(models[d], dev) for d, _train, dev, _test in dirs}
            rows[name + " adapted, headlines"] = {
                d: macro_adapted(models[d], dev, titles=True) for d, _train, dev, _test in dirs
            }
        for label, got in rows.items():
            cells = "  ".join(f"{k}={v:.4f}" for k, v in got.items())
            print(f"{label:<44} min={min(got.values()):.4f} mean={np.mean(list(got.values())):.4f}  {cells}"
                  f"  ({time.time() - t0:.0f}s)", flush=True)


if __name__ == "__main__":
    main()
