"""Scale benchmark (issue 7): generated pages end to end with every available extractor, at growing N.

For each N: generate N pages (ANT v1.1 text in the seed's template with benchmarks/bench_pipeline.py's
generator when ../shared is present, else the vocabulary generator benchmarks/genpages.py), run
`akhbar run` on them as a real process against one long-running Prefect server, then run it again
(the no-op rerun: everything is already in the lake). Reports pages/s per stage (stage seconds are
summed over the worker threads), whole-run pages/s, peak RSS of the run's process (sampled with
psutil, and the kernel's ru_maxrss), lake size, and the no-op rerun time as a share of the full run.

    python benchmarks/bench_scale.py --pages 10000 100000 [--extractors all|headlines,...] [--keep DIR]
        [--workers N | --dask-workers N]

Prints a table and a JSON line (BENCH ...).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
AKHBAR = str(Path(sys.executable).with_name("akhbar"))

# extractor -> (module, function) it needs; "available" = importable in this checkout.
NEEDS = {
    "headlines": ("transforms.headlines", "extract_headlines"),
    "topics": ("transforms.topics", "classify_articles"),
    "keywords": ("transforms.keywords", "extract_keywords_batch"),
    "organisations": ("transforms.organisations", "extract_organisations"),
    "quotes": ("transforms.quotes", "extract_quotes"),
}


def available_extractors() -> list[str]:
    out = []
    for name, (mod, fn) in NEEDS.items():
        try:
            getattr(importlib.import_module(mod), fn)
            out.append(name)
        except (ImportError, AttributeError):
            pass
    return out


def generate(n: int, out: Path) -> str:
    """Write n pages; returns which generator made them."""
    if (ROOT.parent / "shared" / "datasets" / "ant-v1.1").exists():
        from bench_pipeline import generate as ant_generate

        ant_generate(n, out)
        return "ANT v1.1 in the seed's template (bench_pipeline.generate)"
    import genpages

    genpages.write_pages(out, n)
    return "vocabulary generator (genpages)"


def run(cmd: list[str], env: dict[str, str]) -> tuple[dict, float, float]:
    """Run the command, sampling the RSS of its process tree; returns (summary, wall s, peak RSS MB)."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        p = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                rss = p.memory_info().rss + sum(c.memory_info().rss for c in p.children(recursive=True))
                peak[0] = max(peak[0], rss)
            except psutil.Error:
                pass
            stop.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    out, err = proc.communicate()
    stop.set()
    th.join()
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({proc.returncode}):\n{err[-3000:]}")
    return json.loads(out), wall, peak[0] / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--extractors", default="all", help="'all' = every available extractor, or a comma list")
    ap.add_argument("--shard-pages", type=int, default=2000)
    ap.add_argument("--keep", help="folder to keep generated pages and lakes in (default: a temp folder)")
    ap.add_argument("--workers", type=int, default=1,
                    help="akhbar run --workers: shards on this many local processes (default: one thread)")
    ap.add_argument("--dask-workers", type=int, default=0,
                    help="run the shards on a local Dask cluster of this many worker processes (default: threads)")
    args = ap.parse_args()
    extractors = available_extractors() if args.extractors == "all" else args.extractors.split(",")
    base = Path(args.keep or tempfile.mkdtemp(prefix="akhbar-scale-"))
    base.mkdir(parents=True, exist_ok=True)
    from flows.serve import start_server, stop_server
    from tests.opshelp import free_port

    home = base / "prefect-home"
    home.mkdir(exist_ok=True)
    t = time.perf_counter()
    server, url = start_server(port=free_port(), log=base / "prefect-server.log", env={"PREFECT_HOME": str(home)})
    print(f"Prefect server up in {time.perf_counter() - t:.1f} s at {url}; extractors: {','.join(extractors)}",
          flush=True)
    env = {**os.environ, "PREFECT_API_URL": url, "PREFECT_HOME": str(home), "PREFECT_LOGGING_LEVEL": "WARNING",
           "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    rows = []
    cluster = None
    if args.dask_workers:
        from distributed import LocalCluster

        os.environ.update({"PREFECT_API_URL": url, "PREFECT_HOME": str(home)})  # the workers run task runs
        cluster = LocalCluster(n_workers=args.dask_workers, processes=True, threads_per_worker=1,
                               dashboard_address=":0")
    try:
        for n in args.pages:
            pages = base / f"pages-{n}"
            if not pages.exists():
                t = time.perf_counter()
                how = generate(n, pages)
                print(f"generated {n} pages in {time.perf_counter() - t:.1f} s ({how})", flush=True)
            work = base / f"run-{n}"
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
            cmd = [AKHBAR, "run", "--input", str(pages), "--lake", str(work / "lake"), "--catalog",
                   str(work / "akhbar.duckdb"), "--no-report", "--extractors", ",".join(extractors),
                   "--shard-pages", str(args.shard_pages), "--json"]
            if cluster is not None:
                cmd += ["--dask-address", cluster.scheduler_address]
            elif args.workers > 1:
                cmd += ["--workers", str(args.workers)]
            load_before = os.getloadavg()[0]
            s, wall, rss = run(cmd, env)
            load_after = os.getloadavg()
            if cluster is not None:  # the workers' memory counts too
                from distributed import Client

                with Client(cluster) as client:
                    rss += sum(client.run(lambda: psutil.Process().memory_info().rss).values()) / 2**20
            s2, wall2, rss2 = run(cmd, env)
            sec = s["seconds"]
            stages = {k: v for k, v in sec.items() if k not in ("flow_total", "wall_total", "prefect_overhead",
                                                                 "catalog", "state", "report")}
            lake_mb = sum(f.stat().st_size for f in (work / "lake").rglob("*") if f.is_file()) / 2**20
            row = {
                "pages": n,
                "parsed": s["pages_parsed"],
                "quarantined": sum(s["quarantined"].values()),
                "rows": s["rows_written"],
                "stage_pages_per_s": {k: round(n / v) for k, v in stages.items() if v > 0},
                "flow_pages_per_s": round(n / sec["flow_total"]),
                "wall_pages_per_s": round(n / wall),
                "flow_s": round(sec["flow_total"], 1),
                "wall_s": round(wall, 1),
                "peak_rss_mb": round(rss),
                "lake_mb": round(lake_mb, 1),
                "load_avg_before": round(load_before, 2),
                "load_avg_1_5_15_after": [round(x, 2) for x in load_after],
                "noop_parsed": s2["pages_parsed"],
                "noop_files_read": s2["files_seen"],
                "noop_files_unchanged": s2.get("files_unchanged"),
                "noop_rows": s2["rows_written"],
                "noop_wall_s": round(wall2, 1),
                "noop_flow_s": round(s2["seconds"]["flow_total"], 1),
                "noop_share": round(wall2 / wall, 3),
                "noop_peak_rss_mb": round(rss2),
            }
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    finally:
        if cluster is not None:
            cluster.close()
        stop_server(server)
        if not args.keep:  # the generated pages and the server's home: 75 MB per 10k pages
            shutil.rmtree(base, ignore_errors=True)
    print()
    print(f"{'pages':>8} {'flow p/s':>9} {'wall p/s':>9} {'wall s':>8} {'peak RSS MB':>12} {'lake MB':>8} "
          f"{'no-op s':>8} {'no-op %':>8}")
    for r in rows:
        print(f"{r['pages']:>8} {r['flow_pages_per_s']:>9} {r['wall_pages_per_s']:>9} {r['wall_s']:>8} "
              f"{r['peak_rss_mb']:>12} {r['lake_mb']:>8} {r['noop_wall_s']:>8} {100 * r['noop_share']:>7.1f}%")
    for r in rows:
        print(f"{r['pages']:>8} pages/s per stage: {r['stage_pages_per_s']}")
    if len(rows) >= 2:
        print(f"peak RSS ratio {rows[-1]['pages']}/{rows[0]['pages']} pages: "
              f"{rows[-1]['peak_rss_mb'] / rows[0]['peak_rss_mb']:.2f}x")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    print("BENCH " + json.dumps({"commit": commit, "extractors": extractors, "dask_workers": args.dask_workers, "workers": args.workers, "rows": rows},
                                ensure_ascii=False))


if __name__ == "__main__":
    main()
