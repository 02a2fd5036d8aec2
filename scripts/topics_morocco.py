"""Sanity figure: the shipped topic model's predicted topic distribution on Moroccan news (no labels).

Reads ``../shared/datasets/moroccan-news-corpus-issa/febrayer_feb.txt`` at run time (400 febrayer.com
articles, body text only, no titles; test/dev-only data: nothing of it is copied into the project)
and prints how many articles get each topic first. Moroccan domestic news should not be mostly
"international"; this is a sanity check only; nothing is chosen or tuned on it.

Usage: .venv/bin/python scripts/topics_morocco.py
       .venv/bin/python scripts/topics_morocco.py show febrayer|yabiladi START STOP [CHARS]   (for annotators)
"""

from __future__ import annotations

import ast
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from transforms import topics  # noqa: E402

CORPUS = ROOT.parent / "shared" / "datasets" / "moroccan-news-corpus-issa"
FEBRAYER = CORPUS / "febrayer_feb.txt"
YABILADI = CORPUS / "yabiladi_yab.json"


def articles() -> list[list[str]]:
    out: list[list[str]] = []
    for line in FEBRAYER.read_text(encoding="utf-8").splitlines():
        if not line.startswith("content: ["):
            continue
        paragraphs = [p.strip() for p in ast.literal_eval(line[len("content: ") :]) if p.strip()]
        if paragraphs:
            out.append(paragraphs)
    return out


def yabiladi_articles() -> list[list[str]]:
    """The 40 non-empty ar.yabiladi.com articles (the file is several JSON arrays one after another)."""
    raw = YABILADI.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    items: list[dict] = []
    at = 0
    while True:
        while at < len(raw) and raw[at].isspace():
            at += 1
        if at >= len(raw):
            break
        chunk, at = decoder.raw_decode(raw, at)
        items.extend(chunk)
    out: list[list[str]] = []
    for item in items:
        paragraphs = [p.strip() for p in item.get("content", []) if p.strip()]
        if paragraphs:
            out.append(paragraphs)
    return out


def corpus(name: str) -> list[list[str]]:
    """Articles of one outlet, in a fixed order (the gold file refers to them by this index)."""
    return {"febrayer": articles, "yabiladi": yabiladi_articles}[name]()


def fingerprint(paragraphs: list[str]) -> str:
    """Short hash of an article's text: the gold names articles by index and checks the text is the same."""
    return hashlib.sha1("\n".join(paragraphs).encode("utf-8")).hexdigest()[:12]


def show(name: str, start: int, stop: int, chars: int) -> None:
    """Print articles for annotation: index, fingerprint and the start of the text."""
    docs = corpus(name)
    for i in range(start, min(stop, len(docs))):
        text = " ".join(docs[i])
        print(f"### {name} {i} {fingerprint(docs[i])} ({len(text)} chars)\n{text[:chars]}\n")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "show":
        name, start, stop = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        chars = int(sys.argv[5]) if len(sys.argv) > 5 else 900
        show(name, start, stop, chars)
        return
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
