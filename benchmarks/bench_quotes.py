"""Throughput of transforms.quotes.extract_quotes on one core, over ANT v1.1 articles (title + paragraphs).

The target is >= 200 pages/s per core. Both CPU time of this process (the per-core figure, robust to other jobs
sharing the machine) and wall-clock time are printed. Articles are read first (I/O excluded), the lexicon is loaded once
before timing (as in a long-running worker), then every article is extracted ``--repeat`` times in this single
process. Organisation mentions are not passed (the pipeline computes them separately; passing them only adds
a dict look-up per paragraph).

Usage: .venv/bin/python benchmarks/bench_quotes.py [--n 3000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from antcorpus import ANT_V11, iter_docs  # noqa: E402

from transforms.quotes import extract_quotes  # noqa: E402
from transforms.quotes.lexicon import lexicon  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=3000, help="number of ANT v1.1 articles")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    if not ANT_V11.exists():
        print(f"{ANT_V11} not found: the benchmark needs ../shared")
        return
    docs = []
    for d in iter_docs(ANT_V11):
        docs.append((d.title, d.paragraphs))
        if len(docs) >= args.n:
            break
    lexicon()
    n_quotes = 0
    t0 = time.perf_counter()
    c0 = time.process_time()
    for _ in range(args.repeat):
        for title, paras in docs:
            n_quotes += len(extract_quotes(title, paras))
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    pages = len(docs) * args.repeat
    chars = sum(len(t) + sum(map(len, p)) for t, p in docs) * args.repeat
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"{pages} pages, one process: {pages / cpu:.0f} pages/s of CPU time ({cpu:.2f} s), "
          f"{pages / dt:.0f} pages/s wall-clock ({dt:.2f} s, load average {load:.1f}), "
          f"{chars / cpu / 1e6:.2f} M chars/s, {n_quotes / pages:.2f} statements/page")


if __name__ == "__main__":
    main()
