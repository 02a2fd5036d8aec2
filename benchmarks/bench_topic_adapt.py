"""Time and peak memory of adapting the topic model (``transforms.topic_adapt``, ``akhbar adapt-topics``).

Articles: ANT v1.1 and AlArabiya from ../shared (16,680 distinct articles; larger N repeats them, so their texts
take less memory than N distinct articles would). Peak RSS is the process's high-water mark, texts included.

Usage: .venv/bin/python benchmarks/bench_topic_adapt.py [n_articles ...]   (default 2000 16680 50000; each in
its own process, so every peak is its own)
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def one(n: int) -> None:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    from antcorpus import ALARABIYA, ANT_V11, iter_docs

    from transforms.topic_adapt import adapt

    docs = [(d.title, d.paragraphs) for root in (ANT_V11, ALARABIYA) for d in iter_docs(root)]
    docs = (docs * (n // len(docs) + 1))[:n]
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    got = adapt(docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{n:>7} articles: {time.perf_counter() - t:5.1f} s, peak RSS {peak:.0f} MB ({loaded:.0f} MB with the texts "
          f"loaded), {sum(got.confident.values())} confident articles taught the second model", flush=True)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        one(int(sys.argv[2]))
        return
    for n in [int(a) for a in sys.argv[1:]] or [2000, 16680, 50000]:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
