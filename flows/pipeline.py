"""The Prefect flow: discover inputs, one task per shard of pages, atomic commits, catalog, report.

Tasks get shards (hundreds to thousands of pages), never single pages: a Prefect task run
costs about 10 ms, so per-page tasks would spend more time in Prefect than in parsing.
"""

from __future__ import annotations

import os
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, wait

from flows.inputs import CONTAINERS, InputFile, discover, read_files
from flows.process import EXTRACTORS, PIPELINE_VERSION, ShardProcessor, sorted_contains
from flows.storage import open_lake, refresh_any_catalog

DEFAULT_SHARD_PAGES = 2000


@dataclass
class ShardResult:
    files: int = 0
    parsed: int = 0
    skipped: int = 0
    quarantined: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    staged: list = field(default_factory=list)  # reprocess runs: batches to commit at the end


def shards(files: Iterator[InputFile], pages_per_shard: int) -> Iterator[list[InputFile]]:
    """Group files into shards of about ``pages_per_shard`` pages; a container file (JSON Lines,
    WARC) is a shard of its own and commits every ``pages_per_shard`` pages inside the task."""
    current: list[InputFile] = []
    for item in files:
        if item.fmt in CONTAINERS:
            yield [item]
            continue
        current.append(item)
        if len(current) >= pages_per_shard:
            yield current
            current = []
    if current:
        yield current


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE, task_run_name="shard-{index}")
def process_shard(
    index: int,
    files: list[InputFile],
    lake_root: str,
    seen: np.ndarray,
    known: set[str],
    batch_size: int,
    extractors: Sequence[str],
    reprocess_commit: str | None = None,
    home_country: str | None = None,
    topic_model: str | None = None,
) -> ShardResult:
    """Parse and extract a shard, committing each batch as it is ready (memory stays flat)."""
    lake = open_lake(lake_root)
    proc = ShardProcessor(
        seen, batch_size=batch_size, extractors=extractors, home_country=home_country, topic_model=topic_model
    )
    result = ShardResult(files=len(files))
    rows: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for batch in proc.run(read_files(files)):
        result.parsed += batch.parsed
        result.skipped += batch.skipped
        reasons.update(batch.quarantined)
        if not batch.page_ids and not batch.sources:
            continue
        t = time.perf_counter()
        staged = lake.stage(batch.tables, batch.page_ids, commit_id=reprocess_commit)
        if reprocess_commit:
            result.staged.append(staged)
        else:
            staged = lake.commit(staged, known, meta={"pipeline_version": PIPELINE_VERSION})
        proc.timings.add("write", t)
        rows.update(staged.rows)
    result.rows = dict(rows)
    result.quarantined = dict(reasons)
    result.seconds = dict(proc.timings.seconds)
    return result


@task(retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def refresh_catalog_task(lake_root: str, catalog: str) -> str:
    return refresh_any_catalog(open_lake(lake_root), catalog)


@task(retries=1, cache_policy=NO_CACHE)
def report_task(catalog: str, out: str) -> str:
    from flows.reporting import write_report

    return write_report(catalog, out)


@dataclass
class RunSummary:
    files_seen: int = 0  # files read (changed or new)
    files_unchanged: int = 0  # skipped without reading: same path, size and mtime as a settled file
    shards: int = 0
    pages_parsed: int = 0
    skipped_in_lake: int = 0
    quarantined: dict[str, int] = field(default_factory=dict)
    rows_written: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)
    lake: str = ""
    catalog: str = ""
    report: str | None = None
    recovered: dict[str, int] = field(default_factory=dict)
    replaced_rows: int = 0

    def as_dict(self) -> dict:
        return asdict(self)


def _progress(enabled: bool):  # noqa: ANN202 - tqdm or a no-op
    from tqdm import tqdm

    return tqdm(unit="page", desc="akhbar", disable=not enabled, dynamic_ncols=True)


@flow(name="akhbar-ingest", log_prints=True, validate_parameters=False)
def ingest(
    inputs: list[str],
    lake: str = "data/lake",
    catalog: str = "data/akhbar.duckdb",
    report: str | None = "data/reports/report.html",
    reprocess: bool = False,
    shard_pages: int = DEFAULT_SHARD_PAGES,
    extractors: Sequence[str] = EXTRACTORS,
    progress: bool = False,
    lock_timeout: float = 600.0,
    workers: int = 2,
    home_country: str | None = None,
    topic_model: str | None = None,
) -> dict:
    """Ingest files and folders into the lake, refresh the catalog and write the report.

    ``home_country`` (MA, TN, EG...): the outlets' country for pages whose site does not tell it.
    ``topic_model``: an adaptation file (``akhbar adapt-topics``) to classify topics with."""
    logger = get_run_logger()
    started = time.perf_counter()
    summary = RunSummary()
    store = open_lake(lake)
    seconds: defaultdict[str, float] = defaultdict(float)
    with store.write_lock(timeout=lock_timeout):
        summary.recovered = store.recover(rollback=True)
        t = time.perf_counter()
        seen = np.empty(0, dtype=np.uint64) if reprocess else store.seen_page_ids()
        settled = np.empty(0, dtype=np.uint64) if reprocess else store.settled_sources()
        known = store.marker_names()
        seconds["state"] = time.perf_counter() - t
        commit_id = store.new_batch_id() if reprocess else None
        in_flight: list[PrefectFuture] = []
        results: list[ShardResult] = []
        bar = _progress(progress)
        max_in_flight = 2 * max(1, workers)

        def collect(done: list[PrefectFuture]) -> None:
            for fut in done:
                res: ShardResult = fut.result()
                results.append(res)
                bar.update(res.parsed + res.skipped + sum(res.quarantined.values()))

        def changed(files: Iterator[InputFile]) -> Iterator[InputFile]:
            for item in files:
                if len(settled) and sorted_contains(settled, item.key):
                    summary.files_unchanged += 1
                    continue
                yield item

        for i, shard in enumerate(shards(changed(discover(inputs)), shard_pages)):
            summary.files_seen += len(shard)
            summary.shards += 1
            in_flight.append(
                process_shard.submit(
                    i, shard, str(store.root), seen, known, shard_pages, tuple(extractors), commit_id, home_country,
                    topic_model,
                )
            )
            if len(in_flight) >= max_in_flight:
                first, in_flight = in_flight[0], in_flight[1:]
                wait([first])
                collect([first])
        wait(in_flight)
        collect(in_flight)
        bar.close()
        if reprocess:
            t = time.perf_counter()
            batches = [s for r in results for s in r.staged]
            assert commit_id is not None  # drawn above whenever reprocess is set
            summary.replaced_rows = store.replace_pages(commit_id, batches, meta={"pipeline_version": PIPELINE_VERSION})
            seconds["write"] += time.perf_counter() - t
        for r in results:
            summary.pages_parsed += r.parsed
            summary.skipped_in_lake += r.skipped
            summary.quarantined = dict(Counter(summary.quarantined) + Counter(r.quarantined))
            summary.rows_written = dict(Counter(summary.rows_written) + Counter(r.rows))
            for stage, spent in r.seconds.items():
                seconds[stage] += spent
        t = time.perf_counter()
        summary.catalog = refresh_catalog_task(str(store.root), catalog)
        seconds["catalog"] = time.perf_counter() - t
    if report and summary.catalog:  # an s3:// lake without DuckDB's httpfs has no catalog to report from
        t = time.perf_counter()
        summary.report = report_task(summary.catalog, report)
        seconds["report"] = time.perf_counter() - t
    seconds["flow_total"] = time.perf_counter() - started
    summary.seconds = {k: round(v, 3) for k, v in seconds.items()}
    summary.lake = str(store.root)
    logger.info("run summary: %s", summary.as_dict())
    return summary.as_dict()


def default_paths(root: str | os.PathLike[str] = ".") -> dict[str, str]:
    base = Path(root)
    return {"lake": str(base / "data/lake"), "catalog": str(base / "data/akhbar.duckdb")}


def flow_for(dask_address: str | None = None, workers: int = 1):  # noqa: ANN201 - a Prefect Flow
    """The ingest flow on the right task runner: Dask cluster, local processes, or one thread.

    Parsing and extraction are CPU-bound Python, so threads cannot use a second core: more than
    one worker means processes (each imports the extractors' models once and keeps them).
    """
    runner: Any  # Prefect types each runner by its own future class; with_options accepts any of them
    if dask_address:
        from prefect_dask import DaskTaskRunner

        runner = DaskTaskRunner(address=dask_address)
    elif workers > 1:
        from prefect.task_runners import ProcessPoolTaskRunner

        runner = ProcessPoolTaskRunner(max_workers=workers)
    else:
        from prefect.task_runners import ThreadPoolTaskRunner

        runner = ThreadPoolTaskRunner(max_workers=1)
    return ingest.with_options(task_runner=runner)
