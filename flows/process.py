"""Turn a stream of input units into batches of table rows by calling the pure transforms.

Runs inside a shard task (a thread, a process or a Dask worker): it imports no Prefect,
so it can be benchmarked and tested on its own.
"""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import pyarrow as pa

from flows.inputs import FileDone, Unit
from flows.schemas import TABLES
from transforms.page import Page, PageError, page_id

# bumped when the rows an extractor writes change meaning (0.2.0: organisation spans without a leading
# clitic), so `akhbar backfill --stale` finds the pages written before
PIPELINE_VERSION = "akhbar-0.2.0"
EXTRACTORS = ("headlines", "topics", "keywords", "organisations", "quotes")


@dataclass
class Timings:
    """Seconds spent per stage, summed over pages."""

    seconds: dict[str, float] = field(default_factory=lambda: defaultdict(float))

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.seconds[stage] += now - since
        return now


@dataclass
class Batch:
    tables: dict[str, pa.Table]
    page_ids: list[str]  # every page id the batch settles (articles and quarantine)
    parsed: int
    skipped: int
    quarantined: dict[str, int]
    sources: int = 0  # input files the batch settles (all their pages are in it or already in the lake)


@dataclass(slots=True)
class _Parsed:
    page_id: str
    source_path: str
    page: Page
    crawled_at: datetime | None
    article_id: str


def _quarantine_id(unit: Unit) -> str:
    if unit.raw:
        return page_id(unit.raw)
    return hashlib.blake2b(f"{unit.source_path}|{unit.error}".encode(), digest_size=8).hexdigest()


class ShardProcessor:
    """Parses units, skips pages already in the lake, and yields a Batch every ``batch_size`` pages."""

    def __init__(
        self,
        seen: np.ndarray,
        batch_size: int = 2000,
        extractors: Sequence[str] = EXTRACTORS,
        home_country: str | None = None,
        topic_model: str | None = None,
    ) -> None:
        unknown = set(extractors) - set(EXTRACTORS)
        if unknown:
            raise ValueError(f"unknown extractors: {sorted(unknown)}")
        self.seen = seen
        self.batch_size = batch_size
        self.extractors = tuple(extractors)
        self.home_country = home_country
        self.topic_model = topic_model
        self.timings = Timings()
        self._in_shard: set[str] = set()

    def _is_seen(self, pid: str) -> bool:
        return pid in self._in_shard or sorted_contains(self.seen, int(pid, 16))

    def run(self, units: Iterable[Unit | FileDone]) -> Iterator[Batch]:
        """Batches in stream order. A full batch waits for the next item: when that is the end of
        the file just read (the usual case: one page per file), the file is recorded as settled in
        the same commit as its page; otherwise (a JSON Lines or WARC file going on) it goes out first."""
        pages: list[_Parsed] = []
        quarantine: list[dict] = []
        sources: list[dict] = []
        skipped = 0
        full = False
        t = time.perf_counter()
        for unit in units:
            t = self.timings.add("read", t)
            if isinstance(unit, FileDone):
                sources.append(_source_row(unit))
            if full:
                yield self._batch(pages, quarantine, skipped, sources)
                pages, quarantine, sources, skipped, full = [], [], [], 0, False
                t = time.perf_counter()
            if isinstance(unit, FileDone):
                continue
            pid = page_id(unit.raw) if unit.raw else _quarantine_id(unit)
            if self._is_seen(pid):
                skipped += 1
                continue
            self._in_shard.add(pid)
            if unit.error:
                quarantine.append(_qrow(pid, unit.source_path, *unit.error))
            else:
                try:
                    page = _parse(unit)
                    pages.append(
                        _Parsed(pid, unit.source_path, page, page.crawled_at or unit.crawled_at, page.article_id)
                    )
                except PageError as exc:
                    quarantine.append(_qrow(pid, unit.source_path, exc.reason, exc.detail))
                except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
                    quarantine.append(_qrow(pid, unit.source_path, "parser_error", f"{type(exc).__name__}: {exc}"))
            t = self.timings.add("parse", t)
            full = len(pages) + len(quarantine) >= self.batch_size
        if pages or quarantine or skipped or sources:
            yield self._batch(pages, quarantine, skipped, sources)

    def _batch(self, pages: list[_Parsed], quarantine: list[dict], skipped: int, sources: list[dict]) -> Batch:
        from flows.extract import build_tables

        tables = build_tables(pages, self.extractors, self.timings, self.home_country, self.topic_model)
        tables["quarantine"] = pa.Table.from_pylist(quarantine, schema=TABLES["quarantine"])
        tables["sources"] = pa.Table.from_pylist(sources, schema=TABLES["sources"])
        reasons: dict[str, int] = defaultdict(int)
        for row in quarantine:
            reasons[row["reason"]] += 1
        return Batch(
            tables=tables,
            page_ids=[p.page_id for p in pages] + [q["page_id"] for q in quarantine],
            parsed=len(pages),
            skipped=skipped,
            quarantined=dict(reasons),
            sources=len(sources),
        )


def _parse(unit: Unit) -> Page:
    from transforms.parse import parse_unit

    return parse_unit(unit.raw, unit.fmt, url=unit.url)


def sorted_contains(sorted_values: np.ndarray, value: int) -> bool:
    """Membership in a sorted uint64 array (page ids, file keys): flat memory at 1M entries."""
    i = int(np.searchsorted(sorted_values, np.uint64(value)))
    return i < len(sorted_values) and int(sorted_values[i]) == value


def _source_row(done: FileDone) -> dict:
    item = done.item
    return {
        "source_key": item.key,
        "source_path": item.path,
        "size": item.size,
        "mtime_ns": item.mtime_ns,
        "units": done.units,
        "settled_at": datetime.now(UTC),
        "pipeline_version": PIPELINE_VERSION,
    }


def _qrow(pid: str, source: str, reason: str, detail: str) -> dict:
    return {
        "page_id": pid,
        "source_path": source,
        "reason": reason,
        "detail": detail[:2000],
        "seen_at": datetime.now(UTC),
        "pipeline_version": PIPELINE_VERSION,
    }
