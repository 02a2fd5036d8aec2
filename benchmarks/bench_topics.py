"""Throughput of topic classification and keyword extraction on one core (batch calls, as the pipeline).

Articles: ANT v1.1 and AlArabiya from ../shared when present (all categories, read at run time), else a
synthetic shard built from the test sentences. The first call (model loading) is timed separately.

Throughput is reported per CPU-second of this process (pinned to one core, BLAS threads 1), which is
what one core delivers even when other jobs share the machine, and per wall-second.

``--adapted``: also times classification with the shipped model adapted (``transforms.topic_adapt``, what
``akhbar adapt-topics`` writes) to the first 2,000 articles: twice the weights, the same features.

Usage: .venv/bin/python benchmarks/bench_topics.py [n_articles] [--adapted]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from transforms import keywords, topics  # noqa: E402


def load_articles(n: int) -> list[tuple[str, list[str]]]:
    try:
        from antcorpus import ALARABIYA, ANT_V11, iter_docs

        if ANT_V11.exists():
            docs = [(d.title, d.paragraphs) for root in (ANT_V11, ALARABIYA) for d in iter_docs(root)]
            return (docs * (n // len(docs) + 1))[:n]
    except ImportError:
        pass
    sample = ("نتائج الجولة الخامسة من البطولة", ["فاز الرجاء على المغرب الفاسي بهدفين دون رد."] * 8)
    return [sample] * n


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "--adapted"]
    n = int(args[0]) if args else 5000
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    articles = load_articles(n)
    words = sum(len(" ".join(p).split()) for _, p in articles) / len(articles)
    print(f"{len(articles)} articles, {words:.0f} body words on average, one core")
    t = time.perf_counter()
    topics.classify_articles(articles[:1])
    keywords.extract_keywords_batch(articles[:1])
    print(f"load (model + tables): {time.perf_counter() - t:.2f}s")
    runs = [("classify_articles", lambda b: topics.classify_articles(b, ["MA"] * len(b)))]
    if "--adapted" in sys.argv:
        from transforms.topic_adapt import adapt

        t = time.perf_counter()
        model = adapt(articles[:2000], ["MA"] * min(2000, len(articles))).model
        print(f"adapting to {min(2000, len(articles))} articles: {time.perf_counter() - t:.1f}s ({model.version})")
        runs.append(("classify_articles adapted", lambda b: topics.classify_articles(b, ["MA"] * len(b), model)))
    for name, fn in (
        *runs,
        ("classify_headlines", lambda b: topics.classify_headlines([t for t, _ in b])),
        ("extract_keywords_batch", lambda b: keywords.extract_keywords_batch(b)),
    ):
        best_cpu = best_wall = 0.0
        cpus = []
        for _ in range(3):
            t, c = time.perf_counter(), time.process_time()
            for i in range(0, len(articles), 2000):
                fn(articles[i : i + 2000])
            best_wall = max(best_wall, len(articles) / (time.perf_counter() - t))
            cpus.append(len(articles) / (time.process_time() - c))
            best_cpu = max(best_cpu, cpus[-1])
        # the first pass is the one on unseen articles: the keyword extractor caches each word's bare form
        # (keywords._CANON), so its later passes are warmer; classification keeps no per-word cache
        print(
            f"{name:<26} {best_cpu:>8.0f} per CPU-second  ({best_wall:.0f} per wall-second; best of 3, shards of 2,000;"
            f" first pass {cpus[0]:.0f})"
        )


if __name__ == "__main__":
    main()
