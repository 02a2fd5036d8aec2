"""The `akhbar` command: run the pipeline, query the lake with SQL, write reports.

Every subcommand documents itself: `akhbar --help`, `akhbar run --help`, ...
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import sys
import time
from datetime import date
from pathlib import Path

DEFAULT_LAKE = "data/lake"
DEFAULT_CATALOG = "data/akhbar.duckdb"
DEFAULT_REPORT = "data/reports/report.html"
DEFAULT_SAMPLES = "data/samples"
DEFAULT_TOPIC_MODEL = "data/models/topics-adapted.npz"
ADAPT_THRESHOLD = 0.9  # transforms.topic_adapt.THRESHOLD and MIN_ARTICLES (tests check), kept here so --help stays fast
ADAPT_MIN_ARTICLES = 100
ADAPT_FEW_ARTICLES = 500  # below this, adapt-topics says what was measured with few articles
EXTRACTORS_ALL = ("headlines", "topics", "keywords", "organisations", "quotes")


def _prefect_defaults(verbose: bool) -> None:
    """Quiet, offline-friendly Prefect settings unless the user chose otherwise."""
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="akhbar",
        description="Arabic news pages -> Parquet lake (articles, headlines, topics, keywords, organisations, "
        "quotes, quarantine) -> DuckDB catalog -> report.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="ingest files or folders into the lake (Prefect flow)",
        description="Ingest pages (aggregator text dumps .txt, HTML .html/.htm, JSON Lines .jsonl, web archives "
        ".warc/.warc.gz; folders are searched recursively) into the lake, refresh the DuckDB catalog and write "
        "the report. Pages already in the lake are skipped, so a rerun adds nothing.",
    )
    run.add_argument("--input", "-i", action="append", dest="inputs", metavar="PATH",
                     help=f"file or folder to ingest (repeatable; default {DEFAULT_SAMPLES})")
    run.add_argument("--lake", default=DEFAULT_LAKE, help=f"lake folder (default {DEFAULT_LAKE})")
    run.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"DuckDB catalog file (default {DEFAULT_CATALOG})")
    run.add_argument("--report", default=DEFAULT_REPORT, help=f"report file (default {DEFAULT_REPORT})")
    run.add_argument("--no-report", action="store_true", help="do not write the report")
    run.add_argument("--reprocess", action="store_true",
                     help="process pages already in the lake again and replace their rows (after a model change)")
    run.add_argument("--shard-pages", type=int, default=2000, help="pages per Prefect task and per commit (default 2000)")
    run.add_argument("--extractors", default=",".join(EXTRACTORS_ALL),
                     help="comma-separated extractors to run (default all: %(default)s); pages processed without one "
                     "need --reprocess to get it later")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")
    run.add_argument("--verbose", "-v", action="store_true", help="show Prefect's logs")
    _add_home_option(run)
    _add_topic_model_option(run)
    _add_ops_options(run)

    serve = sub.add_parser(
        "serve",
        help="serve the scheduled deployments (inbox ingest, daily report) on a Prefect server",
        description="Register two deployments and run them on their cron schedules until Ctrl-C: ingest the inbox "
        "every few minutes and rebuild the catalog and report daily. Schedules and paths come from the config file "
        "(akhbar.toml). Uses the Prefect server at PREFECT_API_URL, or starts a local one (UI at "
        "http://127.0.0.1:4200 by default). See docs/operations.md.",
    )
    serve.add_argument("--config", help="config file (default $AKHBAR_CONFIG, else ./akhbar.toml)")
    serve.add_argument("--server-log", help="file for the local Prefect server's log (default: discarded)")

    back = sub.add_parser(
        "backfill",
        help="re-ingest the lake's pages published in a date range, with the current pipeline and models",
        description="Select the lake's articles whose published_date is in [--from, --to] (and, with --stale, only "
        "those written by another pipeline version), re-read their source files and replace their rows in every "
        "table in one commit. Whole source files are re-read: other pages of the same JSON Lines or WARC file are "
        "replaced too (never duplicated). Pages whose source file is gone keep their rows.",
    )
    back.add_argument("--from", dest="date_from", type=_date, help="first publication date (YYYY-MM-DD)")
    back.add_argument("--to", dest="date_to", type=_date, help="last publication date (YYYY-MM-DD)")
    back.add_argument("--stale", action="store_true", help="only pages written by another pipeline version")
    back.add_argument("--lake", default=DEFAULT_LAKE, help=f"lake folder or s3://bucket/prefix (default {DEFAULT_LAKE})")
    back.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"DuckDB catalog file (default {DEFAULT_CATALOG})")
    back.add_argument("--report", default=None, help="also rewrite this report file")
    back.add_argument("--shard-pages", type=int, default=2000, help="pages per Prefect task (default 2000)")
    back.add_argument("--extractors", default=",".join(EXTRACTORS_ALL), help="extractors to run (default all)")
    back.add_argument("--dry-run", action="store_true", help="only print what would be re-ingested")
    back.add_argument("--json", action="store_true", help="print the run summary as JSON")
    back.add_argument("--verbose", "-v", action="store_true", help="show Prefect's logs")
    _add_home_option(back)
    _add_topic_model_option(back)
    _add_ops_options(back, lock=True)

    ada = sub.add_parser(
        "adapt-topics",
        help="adapt the topic model to your outlets from the lake's articles (no labels needed)",
        description="Classify the lake's articles with the shipped topic model, keep those whose topic has a "
        f"probability of at least {ADAPT_THRESHOLD}, and fit a second model on them alone; the two combined read "
        "your outlets' words and section habits (cross-outlet macro-F1 on unseen articles: 0.818 -> 0.862 and "
        "0.888 -> 0.920, docs/topics-dev-log.md). Writes one adaptation file; runs use it with --topic-model FILE "
        "(or topic_model in akhbar.toml), and their model_version names it. Re-score pages already in the lake "
        f"with `akhbar backfill --topic-model FILE`. Needs at least {ADAPT_MIN_ARTICLES} articles.",
    )
    ada.add_argument("--lake", default=DEFAULT_LAKE, help=f"lake folder or s3://bucket/prefix (default {DEFAULT_LAKE})")
    ada.add_argument("--out", default=DEFAULT_TOPIC_MODEL, help=f"adaptation file to write (default {DEFAULT_TOPIC_MODEL})")
    ada.add_argument("--outlet", action="append", default=[], metavar="NAME",
                     help="only articles of this outlet (repeatable; default all); adapt per outlet when outlets differ a lot")
    ada.add_argument("--from", dest="date_from", type=_date, help="first publication date (YYYY-MM-DD)")
    ada.add_argument("--to", dest="date_to", type=_date, help="last publication date (YYYY-MM-DD)")
    ada.add_argument("--max-articles", type=int, default=50_000,
                     help="read at most this many articles, a fixed sample by article id (default 50,000: about a "
                     "minute and 0.9 GB, benchmarks/bench_topic_adapt.py)")
    ada.add_argument("--json", action="store_true", help="print the adaptation's record as JSON")
    _add_home_option(ada)

    sql = sub.add_parser(
        "sql",
        help="run SQL on the catalog, or open an interactive SQL shell",
        description="Run a query on the catalog's views (articles, headlines, topics, keywords, organisations, "
        "quotes, quarantine) and print the result. With no query, open an interactive shell: end statements "
        "with ';', '.tables' lists the views, '.quit' leaves.",
    )
    sql.add_argument("query", nargs="?", help="SQL to run; omit for an interactive shell")
    sql.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"DuckDB catalog file (default {DEFAULT_CATALOG})")
    sql.add_argument("--format", choices=["table", "csv", "json"], default="table", help="output format")
    sql.add_argument("--max-rows", type=int, default=100, help="rows printed in table format (default 100)")
    sql.add_argument("--named", metavar="NAME",
                     help="run one of the report's named queries (reports/sql/NAME.sql), e.g. top_speakers; "
                     "--list-named shows them")
    sql.add_argument("--file", metavar="PATH", help="run the SQL in this file")
    sql.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                     help="value of $KEY in --named/--file queries (repeatable); unset $date_from, $date_to, "
                     "$outlet mean no filter")
    sql.add_argument("--list-named", action="store_true", help="list the named queries with their questions")

    rep = sub.add_parser(
        "report",
        help="write the HTML report (and its Markdown summary) from the catalog",
        description="Render one self-contained HTML report (right-to-left, no network needed to view it) and a "
        "Markdown summary beside it.",
    )
    rep.add_argument("--lake", default=None, help="lake folder (default: the catalog's views)")
    rep.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"DuckDB catalog file (default {DEFAULT_CATALOG})")
    rep.add_argument("--out", default=DEFAULT_REPORT, help=f"HTML file to write (default {DEFAULT_REPORT})")
    rep.add_argument("--from", dest="date_from", type=_date, help="first publication date (YYYY-MM-DD)")
    rep.add_argument("--to", dest="date_to", type=_date, help="last publication date (YYYY-MM-DD)")
    rep.add_argument("--outlet", help="only this outlet")

    cat = sub.add_parser("catalog", help="rebuild the DuckDB catalog from the lake",
                         description="Rebuild the catalog file's views (and macros) from the lake folder.")
    cat.add_argument("--lake", default=DEFAULT_LAKE, help=f"lake folder (default {DEFAULT_LAKE})")
    cat.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"DuckDB catalog file (default {DEFAULT_CATALOG})")

    com = sub.add_parser(
        "compact", help="merge the lake's small part files (faster queries on large lakes)",
        description="Each run commits one Parquet file per table per shard; after many runs, queries spend their time "
        "opening files. Compact merges each table's parts into files of about --rows rows in one atomic commit "
        "(readers see the old files or the new ones), streaming so memory stays flat, then refreshes the catalog.")
    com.add_argument("--lake", default=DEFAULT_LAKE, help=f"lake folder (default {DEFAULT_LAKE})")
    com.add_argument("--catalog", default=DEFAULT_CATALOG, help=f"DuckDB catalog file (default {DEFAULT_CATALOG})")
    com.add_argument("--rows", type=int, default=2_000_000, help="rows per merged file (default 2,000,000)")
    com.add_argument("--min-files", type=int, default=8, help="leave tables with fewer part files alone (default 8)")
    return parser


def _country(code: str) -> str:
    from transforms.topics import countries

    if code.upper() not in countries():
        raise argparse.ArgumentTypeError(f"unknown country {code!r} (known: {', '.join(sorted(countries()))})")
    return code.upper()


def _add_home_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--home-country",
        type=_country,
        metavar="CODE",
        help="country of the outlets (MA, TN, EG, DZ, SA, LY, YE, SD) for pages whose site does not tell it; "
        "the topic model reads that country's places as domestic (maghress -> MA, turess -> TN, *.ma -> MA "
        "are known without it)",
    )


def _add_topic_model_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--topic-model", metavar="FILE",
                   help="classify topics with this adaptation of the model (written by `akhbar adapt-topics`) "
                   "instead of the shipped one")


def _topic_model_problem(path: str) -> str | None:
    from flows.topic_models import check

    return check(path)


def _add_ops_options(p: argparse.ArgumentParser, lock: bool = True) -> None:
    p.add_argument("--workers", type=int, default=1,
                   help="processes running shard tasks on this machine (default 1; parsing and extraction are "
                   "CPU-bound Python, so use the number of cores for large inputs)")
    p.add_argument("--dask-address", metavar="ADDR",
                   help="run the shard tasks on this Dask cluster (e.g. tcp://10.0.0.5:8786); the lake must be "
                   "storage every worker reaches (a shared folder or s3://)")
    if lock:
        p.add_argument("--lock-timeout", type=float, default=600.0,
                       help="seconds to wait while another run writes the lake (default 600)")


def _ingest_flow(dask_address: str | None, workers: int = 1):  # noqa: ANN202 - the flow on its task runner
    from flows.pipeline import flow_for

    return flow_for(dask_address=dask_address, workers=workers)


def cmd_run(args: argparse.Namespace) -> int:
    _prefect_defaults(args.verbose)
    ingest = _ingest_flow(args.dask_address, args.workers)

    inputs = args.inputs or [DEFAULT_SAMPLES]
    unknown = {e.strip() for e in args.extractors.split(",") if e.strip()} - set(EXTRACTORS_ALL)
    if unknown:
        print(f"akhbar run: unknown extractors: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    missing = [p for p in inputs if not Path(p).exists()]
    if missing:
        print(f"akhbar run: input not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.topic_model and (problem := _topic_model_problem(args.topic_model)):
        print(f"akhbar run: {problem}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    summary = ingest(
        inputs=[str(Path(p).resolve()) for p in inputs],
        lake=args.lake,
        catalog=args.catalog,
        report=None if args.no_report else str(Path(args.report).resolve()),
        reprocess=args.reprocess,
        shard_pages=args.shard_pages,
        extractors=tuple(e.strip() for e in args.extractors.split(",") if e.strip()),
        progress=sys.stderr.isatty(),
        lock_timeout=args.lock_timeout,
        workers=max(1, args.workers),
        home_country=args.home_country,
        topic_model=str(Path(args.topic_model).resolve()) if args.topic_model else None,  # for every worker
    )
    wall = time.perf_counter() - started
    summary["seconds"]["wall_total"] = round(wall, 3)
    summary["seconds"]["prefect_overhead"] = round(wall - summary["seconds"].get("flow_total", 0.0), 3)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print(format_summary(summary))
    return 0


def format_summary(s: dict) -> str:
    q = s["quarantined"]
    lines = [
        "akhbar run summary",
        f"  files read          {s['files_seen']}  (in {s['shards']} shards)",
        f"  files unchanged     {s.get('files_unchanged', 0)}  (already settled in the lake, not read)",
        f"  pages parsed        {s['pages_parsed']}",
        f"  skipped (in lake)   {s['skipped_in_lake']}",
        f"  quarantined         {sum(q.values())}" + (f"  ({', '.join(f'{k}: {v}' for k, v in sorted(q.items()))})" if q else ""),
        "  rows written        " + (", ".join(f"{k}: {v}" for k, v in sorted(s["rows_written"].items())) or "none"),
    ]
    if s.get("replaced_rows"):
        lines.append(f"  rows replaced       {s['replaced_rows']}")
    lines.append("  seconds per stage   " + ", ".join(f"{k}: {v:.2f}" for k, v in s["seconds"].items()))
    lines += [f"  lake                {s['lake']}", f"  catalog             {s['catalog']}"]
    if s.get("report"):
        lines.append(f"  report              {s['report']}")
    return "\n".join(lines)


def _connect_catalog(path: str):  # noqa: ANN202
    import duckdb

    if not Path(path).exists():
        raise SystemExit(f"akhbar: no catalog at {path}: run `akhbar run` (or `akhbar catalog`) first")
    return duckdb.connect(path, read_only=True)


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    if args.list_named:
        for name, question in _named_queries().items():
            print(f"{name:32} {question}")
        return 0
    con = _connect_catalog(args.catalog)
    if args.named or args.file:
        try:
            text = _named_queries(with_sql=True)[args.named] if args.named else Path(args.file).read_text("utf-8")
        except KeyError:
            print(f"akhbar sql: no named query {args.named!r} (see --list-named)", file=sys.stderr)
            return 2
        params = dict(p.split("=", 1) for p in args.param if "=" in p)
        bad = [p for p in args.param if "=" not in p]
        if bad:
            print(f"akhbar sql: --param needs KEY=VALUE, got {bad[0]!r}", file=sys.stderr)
            return 2
        wanted = {m for m in re.findall(r"\$([A-Za-z_]\w*)", text)}
        values = {k: params.get(k) for k in wanted}
        try:
            result = con.execute(text, values)
        except duckdb.Error as exc:
            print(f"akhbar sql: {exc}", file=sys.stderr)
            return 1
        _print_result(result, args.format, args.max_rows)
        return 0
    if args.query:
        try:
            rel = con.sql(args.query)
        except duckdb.Error as exc:
            print(f"akhbar sql: {exc}", file=sys.stderr)
            return 1
        if rel is not None:
            _print_result(rel, args.format, args.max_rows)
        return 0
    return _shell(con, args.max_rows)


def _named_queries(with_sql: bool = False) -> dict[str, str]:
    """The report's named queries: name -> question (first comment line) or SQL text."""
    from importlib import resources

    out: dict[str, str] = {}
    for entry in sorted(resources.files("reports").joinpath("sql").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".sql") or entry.name.startswith("_"):
            continue
        text = entry.read_text(encoding="utf-8")
        first = next((line.lstrip("- ").strip() for line in text.splitlines() if line.startswith("--")), "")
        out[entry.name.removesuffix(".sql")] = text if with_sql else first
    return out


def _print_result(rel, fmt: str, max_rows: int) -> None:  # noqa: ANN001
    df = rel.df()
    if fmt == "csv":
        print(df.to_csv(index=False), end="")
    elif fmt == "json":
        print(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        import pandas as pd

        with pd.option_context("display.max_columns", None, "display.width", 200, "display.max_colwidth", 60):
            print(df.head(max_rows).to_string(index=False))
        if len(df) > max_rows:
            print(f"... {len(df) - max_rows} more rows (use --max-rows)")


def _shell(con, max_rows: int) -> int:  # noqa: ANN001
    import duckdb

    with contextlib.suppress(ImportError):
        import readline  # noqa: F401 - line editing and history for input()
    print("akhbar SQL shell on the catalog. End statements with ';'. .tables lists views, .quit leaves.")
    buffer: list[str] = []
    while True:
        try:
            line = input("akhbar> " if not buffer else "   ...> ")
        except EOFError:
            print()
            return 0
        stripped = line.strip()
        if not buffer and stripped in (".quit", ".exit", "\\q"):
            return 0
        if not buffer and stripped == ".tables":
            stripped = "SELECT table_name FROM information_schema.tables ORDER BY 1;"
        buffer.append(stripped)
        if not stripped.endswith(";"):
            continue
        query, buffer = "\n".join(buffer), []
        try:
            rel = con.sql(query)
            if rel is not None:
                _print_result(rel, "table", max_rows)
        except duckdb.Error as exc:
            print(f"error: {exc}")


def cmd_report(args: argparse.Namespace) -> int:
    from flows.reporting import write_report

    catalog = args.catalog
    if args.lake:
        from flows.catalog import refresh_catalog
        from flows.lake import Lake

        catalog = str(refresh_catalog(Lake(args.lake), args.catalog))
    _connect_catalog(catalog).close()
    path = write_report(catalog, args.out, date_from=args.date_from, date_to=args.date_to, outlet=args.outlet)
    print(f"report written: {path}")
    return 0


def cmd_catalog(args: argparse.Namespace) -> int:
    from flows.storage import open_lake, refresh_any_catalog

    lake = open_lake(args.lake)
    lake.recover()
    written = refresh_any_catalog(lake, args.catalog)
    if not written:  # an s3:// lake and a DuckDB without httpfs
        sql = Path(args.catalog).with_suffix(".s3.sql")
        print(f"akhbar catalog: this DuckDB cannot read s3:// (no httpfs extension); wrote {sql} "
              "for a DuckDB that can (docs/operations.md)", file=sys.stderr)
        return 1
    print(f"catalog written: {written}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _prefect_defaults(verbose=True)
    from flows.serve import serve

    serve(args.config, log=args.server_log)
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    from flows.backfill import article_index, select_sources
    from flows.process import PIPELINE_VERSION
    from flows.storage import open_lake

    if not (args.date_from or args.date_to or args.stale):
        print("akhbar backfill: give --from and/or --to (or --stale)", file=sys.stderr)
        return 2
    lake = open_lake(args.lake)
    lake.recover()
    sel = select_sources(article_index(lake), args.date_from, args.date_to, PIPELINE_VERSION if args.stale else None)
    print(f"backfill: {sel.pages} pages in the lake match, from {len(sel.files)} source files"
          + (f"; {len(sel.missing)} source files are gone (their rows are kept)" if sel.missing else ""),
          file=sys.stderr)
    if args.topic_model and (problem := _topic_model_problem(args.topic_model)):
        print(f"akhbar backfill: {problem}", file=sys.stderr)
        return 2
    if args.dry_run or not sel.files:
        for f in sel.files:
            print(f)
        return 0
    _prefect_defaults(args.verbose)
    started = time.perf_counter()
    summary = _ingest_flow(args.dask_address, args.workers)(
        inputs=sel.files,
        lake=args.lake,
        catalog=args.catalog,
        report=args.report,
        reprocess=True,
        shard_pages=args.shard_pages,
        extractors=tuple(e.strip() for e in args.extractors.split(",") if e.strip()),
        lock_timeout=args.lock_timeout,
        workers=max(1, args.workers),
        home_country=args.home_country,
        topic_model=str(Path(args.topic_model).resolve()) if args.topic_model else None,  # for every worker
    )
    summary["seconds"]["wall_total"] = round(time.perf_counter() - started, 3)
    summary["backfill"] = {"matched_pages": sel.pages, "files": len(sel.files), "missing_files": sel.missing}
    print(json.dumps(summary, ensure_ascii=False, indent=2) if args.json else format_summary(summary))
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    from flows.catalog import refresh_catalog
    from flows.lake import Lake, compact_lake

    if "://" in args.lake:
        print("akhbar compact: only local lakes can be compacted for now", file=sys.stderr)
        return 2
    lake = Lake(args.lake)
    result = compact_lake(lake.root, target_rows=args.rows, min_files=args.min_files)
    for table, (before, after) in result.items():
        print(f"{table}: {before} files -> {after}")
    if not result:
        print("nothing to compact")
    print(f"catalog written: {refresh_catalog(lake, args.catalog)}")
    return 0


def cmd_adapt_topics(args: argparse.Namespace) -> int:
    from flows import topic_models
    from flows.adapt import lake_articles
    from flows.storage import open_lake
    from transforms.topic_adapt import AdaptationError, adapt

    lake = open_lake(args.lake)
    articles, homes, made_from = lake_articles(
        lake, outlets=args.outlet, date_from=args.date_from, date_to=args.date_to,
        max_articles=args.max_articles, home_country=args.home_country,
    )
    if not articles:
        print(f"akhbar adapt-topics: no articles in {args.lake}"
              + (" matching --outlet/--from/--to" if args.outlet or args.date_from or args.date_to else ""),
              file=sys.stderr)
        return 1
    try:
        adaptation = adapt(articles, homes)
    except AdaptationError as exc:
        print(f"akhbar adapt-topics: {exc}", file=sys.stderr)
        return 1
    meta = topic_models.save(adaptation, args.out, made_from)
    if adaptation.articles < ADAPT_FEW_ARTICLES:
        print(f"akhbar adapt-topics: note: only {adaptation.articles} articles. Gains were measured with 800 or more "
              "(with titles); adapted to 200 Moroccan bodies without titles, macro-F1 fell from 0.665 to 0.632 "
              "(docs/topics-dev-log.md, session 24)", file=sys.stderr)
    if args.json:
        print(json.dumps({"file": str(args.out), **meta}, ensure_ascii=False, indent=2))
    else:
        print(f"wrote {args.out}: {meta['model_version']}\n"
              f"  articles read       {meta['articles']}\n"
              f"  confident, by topic " + ", ".join(f"{k}: {v}" for k, v in meta["confident_articles"].items()) + "\n"
              + (f"  left to the base    {', '.join(meta['abstains'])} (too few confident articles)\n"
                 if meta["abstains"] else "")
              + f"use it: akhbar run --topic-model {args.out}   (pages already in the lake: akhbar backfill "
              f"--from ... --topic-model {args.out})")
    return 0


COMMANDS = {"adapt-topics": cmd_adapt_topics, "compact": cmd_compact, "run": cmd_run, "sql": cmd_sql, "report": cmd_report, "catalog": cmd_catalog, "serve": cmd_serve,
            "backfill": cmd_backfill}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
