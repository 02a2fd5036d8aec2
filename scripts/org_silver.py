"""Silver BIO sentences for the organisation CRF: the full extractor run over unlabelled shippable news.

Why: the phrase rules and lists know news conventions the labelled corpora do not teach the CRF
(long head-noun chains, institutions named by nationality, news agencies, Latin names). Labelling
unlabelled ANT v1.1 + AlArabiya sentences with the full extractor and training the CRF on them too
moves that knowledge into the CRF, whose context features can then generalise it to names no rule
or list reaches. Only confident sentences are kept: every mention in the sentence must reach
``min_conf`` (a list name, a strong head-noun chain, or a span two components agree on), and
sentences with no mention are sampled at ``empty_rate`` so the CRF still sees plain news text.

Excluded: every article of the news test gold, of the news dev gold and of the seed (by ``source``
only: nothing else of the test gold is read). The output holds corpus text (AlArabiya's may not be
copied into the project): write it to /tmp or build/, never commit it.

    nice -n 19 .venv/bin/python scripts/org_silver.py --out /tmp/org/silver.tsv [--every 3] [--min-conf 0.75]
        [--weights CRF.tsv]   (CRF weights the extractor uses to label; default: the shipped model)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from antcorpus import ALARABIYA, ANT_V11, iter_docs  # noqa: E402
from eval_organisations import GOLD, use_weights  # noqa: E402
from train_organisations import Sentence, write_silver  # noqa: E402

from transforms.organisations import _in_url, _sentence_mentions  # noqa: E402
from transforms.organisations.tokens import sentence_bounds, tokenize  # noqa: E402

GOLD_FILES = ("organisations_news.jsonl", "organisations_newsdev.jsonl", "organisations_seed.jsonl")


def excluded_sources() -> set[str]:
    """`source` of every article in a news gold (test or dev) or the seed gold, and of every article the
    gold tools draw for either set (the dev gold is still being annotated: its later articles too)."""
    from org_gold_tools import select

    out: set[str] = set(select("test")) | set(select("dev"))
    for name in GOLD_FILES:
        path = GOLD / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.add(json.loads(line)["source"])
    return out


def silver(every: int = 3, min_conf: float = 0.75, empty_rate: float = 0.2, min_len: int = 5,
           max_len: int = 80, seed: int = 20261129) -> tuple[list[Sentence], list[str], dict[str, int]]:
    """(sentences, article sources used, counts) from every ``every``-th article not in any gold."""
    skip = excluded_sources()
    rng = random.Random(seed)
    sents: list[Sentence] = []
    used: list[str] = []
    stats = {"articles": 0, "sentences": 0, "kept": 0, "kept_empty": 0, "dropped_low": 0, "mentions": 0}
    for root in (ANT_V11, ALARABIYA):
        for i, doc in enumerate(iter_docs(root)):
            if i % every or doc.rel in skip:
                continue
            stats["articles"] += 1
            used.append(doc.rel)
            for text in [doc.title, *doc.paragraphs]:
                toks, starts, ends = tokenize(text or "")
                for lo, hi in sentence_bounds(toks):
                    if not min_len <= hi - lo <= max_len:
                        continue
                    stats["sentences"] += 1
                    ms = [(s, e, c) for s, e, c, _k in _sentence_mentions(toks, lo, hi)
                          if not _in_url(text, starts[s], ends[e - 1])]
                    if any(c < min_conf for _s, _e, c in ms):
                        stats["dropped_low"] += 1
                        continue
                    if not ms and rng.random() >= empty_rate:
                        continue
                    tags = ["O"] * (hi - lo)
                    for s, e, _c in ms:
                        tags[s - lo] = "B-ORG"
                        for j in range(s + 1, e):
                            tags[j - lo] = "I-ORG"
                    sents.append((toks[lo:hi], tags))
                    stats["kept"] += 1
                    stats["kept_empty"] += not ms
                    stats["mentions"] += len(ms)
    return sents, used, stats


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--every", type=int, default=3)
    ap.add_argument("--min-conf", type=float, default=0.75)
    ap.add_argument("--empty-rate", type=float, default=0.2)
    ap.add_argument("--weights", type=Path)
    a = ap.parse_args()
    if a.weights:
        use_weights(a.weights)
    t0 = time.time()
    sents, used, stats = silver(a.every, a.min_conf, a.empty_rate)
    write_silver(sents, a.out)
    a.out.with_suffix(".sources").write_text("\n".join(used) + "\n", encoding="utf-8")
    print(f"{a.out}: {stats} in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
