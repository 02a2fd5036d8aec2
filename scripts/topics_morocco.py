"""Topics on Moroccan outlets the model never saw: hand-labelled gold, and the predicted distribution.

Reads ``../shared/datasets/moroccan-news-corpus-issa`` at run time (400 febrayer.com and 40 ar.yabiladi.com
articles, body text only, no titles; test/dev-only data: nothing of it is copied into the project). The gold
(data/gold/topics_morocco_{a,b}.jsonl, guidelines data/gold/TOPICS-GUIDELINES.md) names each article by
its index in this script's order and a fingerprint of its text, never by its text. Two annotators, 40
articles read by both. febrayer 0-199 is the dev half (model choices were made on it), febrayer 200-399
+ yabiladi the test half. Every article is classified with its home country (MA).

Usage: .venv/bin/python scripts/topics_morocco.py
       .venv/bin/python scripts/topics_morocco.py eval dev|test|all [VARIANT]   (hand-labelled gold)
       .venv/bin/python scripts/topics_morocco.py eval dev|test --adapt   (the shipped model adapted by
           transforms.topic_adapt to the OTHER febrayer half's text, labels unread: dev <- 200-399, test <- 0-199)
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
sys.path.insert(0, str(ROOT / "scripts"))

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


GOLD = ROOT / "data" / "gold"
# Annotator a read febrayer 0-199 and yabiladi, annotator b febrayer 160-399: 160-199 is read by both
# (agreement); a's label counts below 200, b's from 200.
DEV_STOP = 200  # febrayer 0-199 = dev (choices are made on it); febrayer 200-399 + yabiladi = test


def gold() -> tuple[dict[tuple[str, int], dict], list[tuple[dict, dict]]]:
    """Adjudicated labels by (corpus, index), and the doubly annotated pairs (a, b)."""
    rows: dict[str, dict[tuple[str, int], dict]] = {}
    for who in ("a", "b"):
        path = GOLD / f"topics_morocco_{who}.jsonl"
        lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
        rows[who] = {(r["corpus"], r["index"]): r for r in map(json.loads, filter(None, lines))}
    labels: dict[tuple[str, int], dict] = {}
    for key in rows["a"].keys() | rows["b"].keys():
        first = "a" if key[0] != "febrayer" or key[1] < DEV_STOP else "b"
        labels[key] = rows[first].get(key) or rows["b" if first == "a" else "a"][key]
    pairs = [(rows["a"][k], rows["b"][k]) for k in sorted(rows["a"].keys() & rows["b"].keys())]
    return labels, pairs


def in_split(key: tuple[str, int], split: str) -> bool:
    dev = key[0] == "febrayer" and key[1] < DEV_STOP
    return split == "all" or (split == "dev") == dev


def evaluate(split: str, variant: str | None, adapt: bool = False) -> None:
    """Macro-F1 of the shipped model (or a retrained recipe variant) on the hand-labelled articles."""
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

    labels, pairs = gold()
    if pairs:
        agree = sum(a["topic"] == b["topic"] for a, b in pairs)
        print(f"agreement a/b on {len(pairs)} doubly read articles: {agree / len(pairs):.3f}")
    docs = {name: corpus(name) for name in ("febrayer", "yabiladi")}
    keys, seen = [], set()
    for k in sorted(labels):  # yabiladi repeats 10 articles word for word: each text counts once
        if in_split(k, split) and labels[k]["topic"] != "none" and labels[k]["fingerprint"] not in seen:
            seen.add(labels[k]["fingerprint"])
            keys.append(k)
    for k in keys:
        if fingerprint(docs[k[0]][k[1]]) != labels[k]["fingerprint"]:
            sys.exit(f"{k}: the corpus text changed since it was labelled")
    texts = [docs[c][i] for c, i in keys]
    if variant:
        from topics_dev import _variant
        from train_topics import fit, load_examples

        model = fit(load_examples(), _variant(variant))
        probs = model.predict_proba(
            [topics.article_text("", p, model.recipe.features) for p in texts], ["MA"] * len(texts)
        )
        pred = [model.classes[j] for j in probs.argmax(axis=1)]
        name = variant
    else:
        model = None
        if adapt:
            from transforms.topic_adapt import adapt as adapt_model

            other = [p for i, p in enumerate(docs["febrayer"]) if (i < DEV_STOP) == (split == "test")]
            model = adapt_model([("", p) for p in other], ["MA"] * len(other)).model
        ranked = topics.classify_articles([("", p) for p in texts], ["MA"] * len(texts), model=model)
        pred = [r[0].topic for r in ranked]
        name = model.version if model else topics.MODEL_VERSION
    y = [labels[k]["topic"] for k in keys]
    classes = [t for t in topics.TOPICS if t in set(y)]
    print(
        f"{name}: {split} split, {len(keys)} articles (bodies only, home MA), "
        f"{sum(r['topic'] == 'none' for k, r in labels.items() if in_split(k, split))} labelled none"
    )
    macro = f1_score(y, pred, labels=classes, average="macro", zero_division=0)
    lenient = sum(p == labels[k]["topic"] or p in labels[k]["also"] for k, p in zip(keys, pred, strict=True))
    print(
        f"accuracy={accuracy_score(y, pred):.3f}  macro-F1={macro:.3f}  "
        f"(top topic is the main or the annotator's second topic: {lenient / len(keys):.3f})"
    )
    per = f1_score(y, pred, labels=classes, average=None, zero_division=0)
    print("per-class F1: " + ", ".join(f"{c}={f:.3f}" for c, f in zip(classes, per, strict=True)))
    cols = list(topics.TOPICS)
    cm = confusion_matrix(y, pred, labels=cols)
    print("confusion (rows = gold, columns = predicted):")
    print(" " * 14 + "".join(f"{c[:7]:>8}" for c in cols))
    for c, row in zip(cols, cm, strict=True):
        if c in classes:
            print(f"{c:<14}" + "".join(f"{v:>8}" for v in row))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "eval":
        args = [a for a in sys.argv[2:] if a != "--adapt"]
        evaluate(args[0] if args else "dev", args[1] if len(args) > 1 else None, adapt="--adapt" in sys.argv)
        return
    if len(sys.argv) > 1 and sys.argv[1] == "show":
        name, start, stop = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
        chars = int(sys.argv[5]) if len(sys.argv) > 5 else 900
        show(name, start, stop, chars)
        return
    if not FEBRAYER.exists():
        sys.exit(f"{FEBRAYER} is absent")
    docs = articles()
    ranked = topics.classify_articles([("", p) for p in docs], ["MA"] * len(docs))
    best = Counter(r[0].topic for r in ranked)
    confident = Counter(r[0].topic for r in ranked if r[0].score >= 0.5)
    print(f"model {topics.MODEL_VERSION}: febrayer, {len(docs)} articles (bodies, no titles, home MA)")
    for topic in topics.TOPICS:
        share = best[topic] / len(docs)
        print(f"{topic:<14} {best[topic]:>4}  {share:6.1%}   (score >= 0.5: {confident[topic]})")


if __name__ == "__main__":
    main()
