"""Pages per second of the organisations extractor on one core, ~500-word ANT v1.1 articles.

Pages are real news text: consecutive ANT v1.1 body paragraphs (one article, then the next) until
about 500 words. The extractor caches per-word-type work (features, CRF scores), so three figures
are printed, all in CPU time of this process (the machine may be shared; CPU time is what one core
spends): a cold start on the first pages, the steady state on pages never seen before after a
warm-up on other articles (what a long pipeline run sees), and the same pages again.

The three parts read disjoint ranges of ANT v1.1's 10,161 articles: 0 onwards (cold start), 2,000 to
7,000 (warm-up, about 1,050 pages) and 7,000 onwards (steady state, about 530 pages). Until session 20
the warm-up ran to the corpus's end and so held the steady-state pages: that figure was a warm-cache one.

The install compiles the extractor with mypyc (setup.py); AKHBAR_PURE=1 measures its plain-Python source.

    .venv/bin/python benchmarks/bench_organisations.py [--pages 400] [--repeat 5] [--code CHECKOUT] [--core N]
    AKHBAR_PURE=1 .venv/bin/python benchmarks/bench_organisations.py
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


def pages(n: int, skip: int = 0, words: int = 500, stop: int | None = None) -> list[tuple[str, list[str]]]:
    """n pages of about ``words`` words from ANT v1.1 articles ``skip`` to ``stop`` (fewer if they run out)."""
    out: list[tuple[str, list[str]]] = []
    title, paras, count = "", [], 0
    for k, doc in enumerate(iter_docs(ANT_V11)):
        if k < skip:
            continue
        if stop is not None and k >= stop:
            break
        title = title or doc.title
        for p in doc.paragraphs:
            paras.append(p)
            count += len(p.split())
            if count >= words:
                out.append((title, paras))
                title, paras, count = "", [], 0
                if len(out) >= n:
                    return out
    return out


def _run(batch: list[tuple[str, list[str]]]) -> tuple[float, float, int]:
    from transforms.organisations import extract_organisations

    c0, w0 = time.process_time(), time.perf_counter()
    n = sum(len(extract_organisations(t, ps)) for t, ps in batch)
    return time.process_time() - c0, time.perf_counter() - w0, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--code", type=Path, default=ROOT,
                    help="checkout whose extractor is measured (another commit's, e.g. a git worktree), same pages")
    ap.add_argument("--core", type=int, help="CPU to run on (default: the first allowed); two runs on two cores "
                    "at the same time compare two checkouts under the same machine load")
    args = ap.parse_args()
    sys.path.insert(0, str(args.code.resolve()))
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0)) if args.core is None else args.core})  # one core
    import transforms.organisations as org

    build = "compiled by mypyc" if org.COMPILED else "source (plain Python)"
    print(f"extractor of {Path(org.__file__).parents[2]} ({org.MODEL_VERSION}), {build}")
    first = pages(args.pages, stop=2000)
    warm = pages(10**6, skip=2000, stop=7000)  # articles the steady-state pages never share
    fresh = pages(args.pages, skip=7000)
    n_words = sum(len(p.split()) for _t, ps in fresh for p in ps) / len(fresh)
    print(f"pages of {n_words:.0f} words on average (ANT v1.1), one core, load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    cpu, wall, n = _run(first)
    print(f"cold start, {len(first)} pages:               {len(first) / cpu:7.1f} pages/s CPU "
          f"({len(first) / wall:.1f} wall), {n} mentions")
    _run(warm)
    cpu, wall, n = _run(fresh)
    print(f"steady state, {len(fresh)} unseen pages after {len(warm)}: {len(fresh) / cpu:7.1f} pages/s CPU "
          f"({len(fresh) / wall:.1f} wall), {n} mentions")
    runs = sorted(len(fresh) / _run(fresh)[0] for _ in range(args.repeat))
    print(f"same pages again, {args.repeat} runs: median {runs[len(runs) // 2]:.1f}, best {runs[-1]:.1f}, "
          f"worst {runs[0]:.1f} pages/s CPU")


if __name__ == "__main__":
    main()
