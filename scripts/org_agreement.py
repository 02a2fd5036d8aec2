"""How far two human annotators agree on organisation mentions (issue 3): the ceiling an extractor can be
scored at on that gold.

Two pairs of annotations, each B made independently of A (blind to it and to any extractor output) by other
annotators with the same guidelines:
  * ``--pair test``: ``organisations_news.jsonl`` (A, the test gold) and ``organisations_news_b.jsonl`` (B, all
    91 articles). The guidelines record many decisions first taken on these very articles, so B had them.
  * ``--pair train2``: ``organisations_train2.jsonl`` (A, the fifth news draw) and ``organisations_train2_b.jsonl``
    (B, 28 of its articles, 7 from each of A's four annotators), annotated at the same time: no decision about
    these articles was in the guidelines. This is the independent estimate.
They are compared on the articles both hold, with the scorer of ``eval_organisations.py``: exact-span F1
(symmetric: B scored against A), the clitic-insensitive F1, type agreement on matched mentions and
within-article linking. ``--system`` also scores the extractor against A and against B on the same articles,
so the three figures compare like with like (with ``--pair test`` that reads the test set: a test scoring;
train2 is CRF training data, so its extractor figures are not held-out figures).

Usage: .venv/bin/python scripts/org_agreement.py [--pair test|train2] [--system]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_organisations import GOLD, link_pairs, load_gold, match, prf  # noqa: E402

PAIRS = {"test": (GOLD / "organisations_news.jsonl", GOLD / "organisations_news_b.jsonl"),
         "train2": (GOLD / "organisations_train2.jsonl", GOLD / "organisations_train2_b.jsonl")}


def as_mentions(rec: dict) -> list[SimpleNamespace]:
    """A gold row's mentions in the extractor's shape, so ``match`` can score one annotator against another."""
    return [SimpleNamespace(paragraph=m["paragraph"], start=m["start"], end=m["end"], surface=m["surface"],
                            canonical=m["canonical"], org_type=m["org_type"]) for m in rec["mentions"]]


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two labellings of the same items (here: org types of mentions both annotators marked)."""
    n = len(pairs)
    if not n:
        return float("nan")
    agree = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(ca[t] * cb[t] for t in ca) / (n * n)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def row(label: str, ref: list[dict], other: list[list]) -> None:
    res = match(ref, other)
    P, R, F = prf(res["tp"], res["fp"], res["fn"])
    rP, rR, rF = prf(res["rtp"], res["rfp"], res["rfn"])
    types = [(g["org_type"], p.org_type) for _s, g, p in res["pairs"]]
    tacc = sum(a == b for a, b in types) / max(len(types), 1)
    lp, lr = link_pairs(res["pairs"])
    print(f"{label:34} {res['tp'] + res['fn']:5d} {sum(map(len, other)):5d} {P:6.3f} {R:6.3f} {F:6.3f} | "
          f"{rP:.3f} {rR:.3f} {rF:.3f} | {tacc:.3f} {kappa(types):.3f} | {lp:.3f} {lr:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pair", choices=sorted(PAIRS), default="test", help="which double annotation (default test)")
    ap.add_argument("--system", action="store_true", help="also score the extractor against A and against B")
    args = ap.parse_args()
    a_file, b_file = PAIRS[args.pair]
    if not b_file.exists():
        raise SystemExit(f"no {b_file.relative_to(GOLD.parents[1])}: nothing to compare")
    b_recs = {r["source"]: r for r in load_gold(b_file)}
    a_recs = [r for r in load_gold(a_file) if r["source"] in b_recs]
    b_list = [b_recs[r["source"]] for r in a_recs]
    n_a = sum(len(r["mentions"]) for r in a_recs)
    n_b = sum(len(r["mentions"]) for r in b_list)
    print(f"{args.pair}: {len(a_recs)} articles annotated twice: A {n_a} mentions, B (second annotation) {n_b}")
    print(f"{'reference <- scored':34} {'ref':>5} {'other':>5} {'P':>6} {'R':>6} {'F1':>6} | "
          "clitic-insensitive P R F1 | type acc kappa | linking P R")
    row("A <- B (human agreement)", a_recs, [as_mentions(r) for r in b_list])
    if args.system:
        from transforms.organisations import extract_organisations

        preds = [extract_organisations(r["title"], r["paragraphs"]) for r in a_recs]
        row("A <- extractor", a_recs, preds)
        row("B <- extractor", b_list, preds)


if __name__ == "__main__":
    main()
