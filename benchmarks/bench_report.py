"""Benchmark the report over a generated lake: each named SQL query, then the whole report.

    .venv/bin/python benchmarks/make_lake.py --articles 1000000        # once: writes benchmarks/out/lake-1m
    .venv/bin/python benchmarks/bench_report.py --catalog benchmarks/out/lake-1m.duckdb

For each query: wall seconds and process CPU seconds (best of ``--repeat`` runs, the Parquet
footers already cached as in a report run). For the whole report: a fresh process running what
``akhbar report`` runs (open the catalog read-only, render the HTML and the Markdown), its wall
and CPU seconds, for the default report (sections about organisations, quotes and the ticker cover
the last 30 days) and with ``--from`` set to the lake's first date (every section over the whole lake).
CPU seconds are printed because wall time on a shared machine depends on what else runs: the load
average is printed too.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_SECONDS = 10.0


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def bench_queries(catalog: Path, repeat: int, date_from: str | None) -> list[tuple[str, float, float, int]]:
    import duckdb

    from reports.render import ensure_macros, query_names, run_query

    con = duckdb.connect(str(catalog), read_only=True)
    ensure_macros(con)
    con.execute("SET parquet_metadata_cache = true")
    con.execute("SELECT count(*) FROM articles").fetchall()
    start = None
    if date_from:
        from datetime import date

        start = date.fromisoformat(date_from)
    out = []
    for name in query_names():
        best_wall, best_cpu, rows = float("inf"), float("inf"), 0
        for _ in range(repeat):
            w, c = time.perf_counter(), _cpu()
            res = run_query(con, name, date_from=start)
            if res.error:
                raise SystemExit(f"{name}: {res.error}")
            best_wall = min(best_wall, time.perf_counter() - w)
            best_cpu = min(best_cpu, _cpu() - c)
            rows = len(res.rows)
        out.append((name, best_wall, best_cpu, rows))
    con.close()
    return out


REPORT_CHILD = """
import json, resource, sys, time
t = time.perf_counter()
from datetime import date
sys.path.insert(0, {root!r})
from flows.reporting import write_report
path = write_report({catalog!r}, {out!r}, date_from={date_from})
r = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"wall": time.perf_counter() - t, "cpu": r.ru_utime + r.ru_stime, "path": path}}))
"""


def bench_report(catalog: Path, out: Path, date_from: str | None) -> dict:
    code = REPORT_CHILD.format(root=str(ROOT), catalog=str(catalog), out=str(out),
                               date_from=f"date.fromisoformat({date_from!r})" if date_from else "None")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    result = json.loads(next(ln for ln in reversed(proc.stdout.splitlines()) if ln.startswith("{")))
    result["process_wall"] = time.perf_counter() - t  # with interpreter start-up
    result["html_bytes"] = Path(result["path"]).stat().st_size
    return result


def lake_first_date(catalog: Path) -> str:
    import duckdb

    with duckdb.connect(str(catalog), read_only=True) as con:
        return str(con.execute("SELECT min(published_date) FROM articles").fetchone()[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--catalog", type=Path, default=ROOT / "benchmarks/out/lake-1m.duckdb")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/out/report-1m/report.html")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--default-only", action="store_true", help="skip the whole-lake (--from) run")
    args = ap.parse_args(argv)
    if not args.catalog.exists():
        raise SystemExit(f"no catalog at {args.catalog}: run benchmarks/make_lake.py first")

    import duckdb

    with duckdb.connect(str(args.catalog), read_only=True) as con:
        counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                  for t in ("articles", "headlines", "topics", "organisations", "quotes", "quarantine")}
    print(f"lake: {', '.join(f'{k} {v:,}' for k, v in counts.items())}; cores {os.cpu_count()}; "
          f"load average {os.getloadavg()[0]:.1f}")
    first = lake_first_date(args.catalog)
    figures: dict[str, object] = {"rows": counts, "load_before": os.getloadavg()}
    runs = [("default report", None), (f"whole lake (--from {first})", first)]
    for label, date_from in runs[:1] if args.default_only else runs:
        print(f"\n== {label}")
        queries = bench_queries(args.catalog, args.repeat, date_from)
        print(f"{'query':34s} {'wall s':>8s} {'cpu s':>8s} {'rows':>7s}")
        for name, wall, cpu, rows in queries:
            print(f"{name:34s} {wall:8.2f} {cpu:8.2f} {rows:7d}")
        print(f"{'sum':34s} {sum(q[1] for q in queries):8.2f} {sum(q[2] for q in queries):8.2f}")
        rep = bench_report(args.catalog, args.out, date_from)
        verdict = "OK" if rep["wall"] <= TARGET_SECONDS else "OVER"
        print(f"whole report (fresh process, imports included): wall {rep['wall']:.2f} s, cpu {rep['cpu']:.2f} s, "
              f"process with start-up {rep['process_wall']:.2f} s, HTML {rep['html_bytes'] / 1e6:.2f} MB "
              f"[target {TARGET_SECONDS:.0f} s: {verdict}]")
        figures[label] = {"queries": {q[0]: {"wall": q[1], "cpu": q[2], "rows": q[3]} for q in queries}, "report": rep}
    figures["load_after"] = os.getloadavg()
    print(f"\nload average after: {os.getloadavg()[0]:.1f}; report: {args.out}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
