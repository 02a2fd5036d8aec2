"""How far JawharaFM's section labels are our taxonomy's topics: an audit by our own guidelines (session 22).

The cross-outlet target misses in one direction (AlArabiya -> JawharaFM), and earlier sessions put that down to
label definitions (JawharaFM filing world economy, culture and technology under "international"). This measures
it. Annotators labelled JawharaFM articles of the cross-outlet DEV half (never the test half) by
data/gold/TOPICS-GUIDELINES.md ("national" read as Tunisian), blind to the section and to any model:

- ``random``: 200 articles drawn per section (international 80, economy 40, culture 30, technology 30, sport 20;
  seed 22), annotators a (0-119) and b (80-199), 40 read by both;
- ``errors``: every dev-half article the candidate ``v5-frozen+base=svm,embed=0.5`` got wrong when trained on
  AlArabiya (113), mixed with as many it got right from the same sections (113), annotators c and d.

The gold (data/gold/topics_jawhara_audit.jsonl) holds file names and labels, no text.

Usage: .venv/bin/python scripts/topics_jawhara_audit.py [--rescore]
  --rescore also retrains the audited candidate (needs ../shared and the train extra), checks that it makes the
  recorded predictions, and scores the dev half with the audited errors relabelled by the guidelines.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold" / "topics_jawhara_audit.jsonl"
SHARED = ("culture", "economy", "international", "sport", "technology")
AUDITED = "v5-frozen+base=svm,embed=0.5"


def load() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def random_sample(rows: list[dict]) -> None:
    by_rel: defaultdict[str, dict[str, dict]] = defaultdict(dict)
    for r in rows:
        by_rel[r["rel"]][r["annotator"]] = r
    both = [v for v in by_rel.values() if len(v) == 2]
    agree = sum(v["a"]["topic"] == v["b"]["topic"] for v in both)
    print(f"random sample: {len(by_rel)} articles; annotators a and b agree on {agree} of {len(both)} read by both")
    per: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for v in by_rel.values():
        r = v.get("a") or v["b"]
        per[r["section"]][r["topic"]] += 1
    for section in SHARED:
        got = per[section]
        n = sum(got.values())
        print(f"  section {section:<14} n={n:<3} guideline topic = section: {got[section] / n:.2f}  {dict(got.most_common())}")


def error_sample(rows: list[dict]) -> None:
    wrong = [r for r in rows if r["model"] != r["section"]]
    right = [r for r in rows if r["model"] == r["section"]]

    def tally(sel: list[dict]) -> str:
        c = Counter("section" if r["topic"] == r["section"] else "model" if r["topic"] == r["model"] else "neither"
                    for r in sel)
        return f"guidelines side with the section {c['section']}, with the model {c['model']}, neither {c['neither']}"

    print(f"\nerror sample ({AUDITED}, AlArabiya -> JawharaFM dev half):")
    print(f"  {len(wrong)} errors: {tally(wrong)}")
    print(f"  {len(right)} correct, same sections: {tally(right)}")
    for section in SHARED:
        sel = [r for r in wrong if r["section"] == section]
        if sel:
            print(f"    section {section:<14} {len(sel):>3} errors: {tally(sel)}")
    low = sum(r["confidence"] == "low" for r in wrong)
    print(f"  low-confidence labels: {low} of {len(wrong)} errors, {sum(r['confidence'] == 'low' for r in right)} "
          f"of {len(right)} correct")


def rescore(rows: list[dict]) -> None:
    """Retrain the audited candidate, check its predictions, score the dev half with the errors relabelled."""
    import numpy as np
    from sklearn.metrics import f1_score

    sys.path.insert(0, str(ROOT / "scripts"))
    from topics_dev import _variant
    from topics_shift_dev import directions
    from train_topics import fit, load_examples

    _name, train, dev, _test = next(d for d in directions(load_examples()) if d[0] == "ala->jaw")
    model = fit(train, _variant(AUDITED))
    pred = np.array(model.classes)[model.predict_articles(dev).argmax(axis=1)]
    recorded = {r["rel"]: r for r in rows}
    mismatch = sum(recorded[e.rel]["model"] != p for e, p in zip(dev, pred, strict=True) if e.rel in recorded)
    wrong = sum(e.label != p for e, p in zip(dev, pred, strict=True))
    print(f"\nrescore: {wrong} dev-half errors, {mismatch} predictions differ from the recorded ones")
    y, yp, y2, p2 = [], [], [], []
    for e, p in zip(dev, pred, strict=True):
        y.append(e.label)
        yp.append(p)
        gold = recorded[e.rel]["topic"] if e.label != p and e.rel in recorded else e.label
        if gold in SHARED:  # an article relabelled politics, society or none leaves the five-class task
            y2.append(gold)
            p2.append(p)
    section = f1_score(y, yp, labels=list(SHARED), average="macro")
    guideline = f1_score(y2, p2, labels=list(SHARED), average="macro")
    print(f"  dev-half macro-F1, section labels: {section:.4f}; audited errors relabelled by the guidelines: "
          f"{guideline:.4f} ({len(y2)} articles)")


def main() -> None:
    rows = load()
    random_sample([r for r in rows if r["sample"] == "random"])
    error_sample([r for r in rows if r["sample"] == "errors"])
    if "--rescore" in sys.argv:
        rescore([r for r in rows if r["sample"] == "errors"])


if __name__ == "__main__":
    main()
