"""Sanity figure: the shipped topic model's predicted topic distribution on Moroccan news (no labels).

Reads ``../shared/datasets/moroccan-news-corpus-issa/febrayer_feb.txt`` at run time (400 febrayer.com
articles, body text only, no titles; test/dev-only data: nothing of it is copied into the project)
and prints how many articles get each topic first. Moroccan domestic news should not be mostly
"international"; this is a sanity check only; nothing is chosen or tuned on it.

Usage: .venv/bin/python scripts/topics_morocco.py
"""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms import topics  # noqa: E402

FEBRAYER = ROOT.parent / "shared" / "datasets" / "moroccan-news-corpus-issa" / "febrayer_feb.txt"


def articles() -> list[list[str]]:
    out: list[list[str]] = []
    for line in FEBRAYER.read_text(encoding="utf-8").splitlines():
        if not line.startswith("content: ["):
            continue
        paragraphs = [p.strip() for p in ast.literal_eval(line[len("content: ") :]) if p.strip()]
        if paragraphs:
            out.append(paragraphs)
    return out


def main() -> None:
    if not FEBRAYER.exists():
        sys.exit(f"{FEBRAYER} is absent")
    docs = articles()
    ranked = topics.classify_articles([("", p) for p in docs])
    best = Counter(r[0].topic for r in ranked)
    confident = Counter(r[0].topic for r in ranked if r[0].score >= 0.5)
    print(f"model {topics.MODEL_VERSION}: febrayer, {len(docs)} articles (bodies, no titles)")
    for topic in topics.TOPICS:
        share = best[topic] / len(docs)
        print(f"{topic:<14} {best[topic]:>4}  {share:6.1%}   (score >= 0.5: {confident[topic]})")


if __name__ == "__main__":
    main()
