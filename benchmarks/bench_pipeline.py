"""Pipeline throughput and memory at scale (issue 2's benchmark).

Generates N aggregator pages in the seed's template from ANT v1.1 articles (tickers drawn
from other titles, the same generator as data/samples), then runs the real Prefect flow on
them in a fresh process per N and reports pages/s per stage, whole-run pages/s (Prefect
start-up excluded and included), and the process's peak RSS.

    python benchmarks/bench_pipeline.py --pages 10000 100000 [--extractors headlines] [--keep DIR]

Needs ../shared/datasets/ant-v1.1 (the generator's source). Prints a table and a JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))


def generate(n: int, out: Path, seed: int = 11) -> float:
    """Write n pages (unique bytes each) and return the seconds it took."""
    from antcorpus import ANT_V11, iter_docs
    from samplegen import Variant, aggregator_text, ticker_for

    t = time.perf_counter()
    rng = random.Random(seed)
    docs = [d for d in iter_docs(ANT_V11) if d.title and d.paragraphs and len(d.time) >= 10]
    titles = [d.title for d in docs]
    v = Variant()
    for i in range(n):
        doc = docs[i % len(docs)]
        sub = out / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        page = aggregator_text(doc, ticker_for(titles, rng, 30), rng.sample(titles, 1), v)
        (sub / f"p{i:07d}.txt").write_bytes(page)
    return time.perf_counter() - t


CHILD = r"""
import json, os, resource, sys, threading, time
import psutil
t0 = time.perf_counter()
peak = {"workers": 0}
def sample():
    me = psutil.Process()
    while True:
        for c in me.children(recursive=True):
            try:
                if "uvicorn" in " ".join(c.cmdline()):
                    continue  # Prefect's temporary API server, not pipeline work
                peak["workers"] = max(peak["workers"], c.memory_info().rss)
            except psutil.Error:
                pass
        time.sleep(0.5)
threading.Thread(target=sample, daemon=True).start()
from flows.pipeline import flow_for
args = json.loads(sys.argv[1])
s = flow_for(workers=args["workers"])(inputs=[args["inputs"]], lake=args["lake"], catalog=args["catalog"],
           report=None, extractors=tuple(args["extractors"]), shard_pages=args["shard_pages"], workers=args["workers"])
s["seconds"]["wall_total"] = time.perf_counter() - t0
s["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
s["children_peak_rss_mb"] = peak["workers"] / 2**20
print("RESULT " + json.dumps(s))
"""


def run_flow(inputs: Path, work: Path, extractors: list[str], shard_pages: int, workers: int) -> dict:
    args = {"inputs": str(inputs), "lake": str(work / "lake"), "catalog": str(work / "c.duckdb"),
            "extractors": extractors, "shard_pages": shard_pages, "workers": workers}
    env = dict(os.environ, PREFECT_LOGGING_LEVEL="WARNING", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    out = subprocess.run([sys.executable, "-c", CHILD, json.dumps(args)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=False)
    line = next((x for x in out.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(f"flow failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    return json.loads(line[7:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--extractors", default="headlines", help="comma list (default: headlines, issue 2's scope)")
    ap.add_argument("--shard-pages", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=1, help="shard-task processes (default 1: threads; see README for when processes pay off)")
    ap.add_argument("--keep", help="folder to keep generated pages and lakes in (default: a temp folder)")
    args = ap.parse_args()
    base = Path(args.keep or tempfile.mkdtemp(prefix="akhbar-bench-"))
    rows = []
    for n in args.pages:
        pages = base / f"pages-{n}"
        if not pages.exists():
            gen_s = generate(n, pages)
            print(f"generated {n} pages in {gen_s:.1f} s", flush=True)
        work = base / f"run-{n}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        s = run_flow(pages, work, args.extractors.split(","), args.shard_pages, args.workers)
        sec = s["seconds"]
        stages = {k: v for k, v in sec.items() if k not in ("flow_total", "wall_total", "catalog", "state")}
        lake_mb = sum(f.stat().st_size for f in (work / "lake").rglob("*") if f.is_file()) / 2**20
        row = {
            "pages": n,
            "parsed": s["pages_parsed"],
            "stage_pages_per_s": {k: round(n / v) for k, v in stages.items() if v > 0},
            "work_pages_per_s": round(n / sum(stages.values())),
            "flow_pages_per_s": round(n / sec["flow_total"]),
            "wall_pages_per_s": round(n / sec["wall_total"]),
            "flow_s": round(sec["flow_total"], 1),
            "wall_s": round(sec["wall_total"], 1),
            "prefect_startup_s": round(sec["wall_total"] - sec["flow_total"], 1),
            "peak_rss_mb": round(s["peak_rss_mb"]),
            "worker_peak_rss_mb": round(s["children_peak_rss_mb"]),
            "lake_mb": round(lake_mb, 1),
        }
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if not args.keep:  # the generated pages
        shutil.rmtree(base, ignore_errors=True)
    print()
    print(f"{'pages':>8} {'work p/s':>9} {'flow p/s':>9} {'wall p/s':>9} {'prefect s':>10} {'peak RSS MB':>12} {'lake MB':>8}")
    for r in rows:
        print(f"{r['pages']:>8} {r['work_pages_per_s']:>9} {r['flow_pages_per_s']:>9} {r['wall_pages_per_s']:>9} "
              f"{r['prefect_startup_s']:>10} {r['peak_rss_mb']:>12} {r['lake_mb']:>8}")
    if len(rows) >= 2:
        print(f"peak RSS ratio {rows[-1]['pages']}/{rows[0]['pages']} pages: "
              f"{rows[-1]['peak_rss_mb'] / rows[0]['peak_rss_mb']:.2f}x (target <= 1.2x)")
    print("BENCH " + json.dumps(rows))
    _ = resource  # peak RSS is measured in the child


if __name__ == "__main__":
    main()
