"""Backfill: re-ingest the lake's pages of a date range (or written by older versions) from their sources.

The lake is the only state: it knows every page's ``published_date``, ``pipeline_version`` and
``source_path`` (a file, ``file:line`` for JSON Lines, ``file#record`` for WARC). A backfill selects
pages there, maps them back to their source files, and runs the ingest flow on those files with
``reprocess=True``, which replaces the pages' rows in every table in one commit.

What it means, precisely:
- pages are selected by ``articles.published_date`` in ``[from, to]`` (inclusive), optionally only
  those whose ``pipeline_version`` differs from the running one (``stale``);
- whole source files are re-read, so other pages of the same container (a JSON Lines or WARC
  file holding several dates) are reprocessed too: their rows are replaced, never duplicated;
- quarantined inputs have no date and are not selected (rerun them with ``akhbar run --reprocess``);
- a source file that no longer exists cannot be re-read: its pages keep their rows and are counted
  as ``missing``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.schemas import ARTICLES

_LINE = re.compile(r"^(?P<file>.+):(?P<n>\d+)$")
_RECORD = re.compile(r"^(?P<file>.+)#(?P<n>\d+)$")


def source_file(source_path: str) -> str:
    """The file a page came from: drop the ``:line`` of JSON Lines and the ``#record`` of WARC."""
    if Path(source_path).exists():
        return source_path
    for pattern in (_RECORD, _LINE):
        m = pattern.match(source_path)
        if m:
            return m.group("file")
    return source_path


@dataclass
class Selection:
    pages: int = 0
    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # source files that are gone


def article_index(lake) -> pa.Table:  # noqa: ANN001 - a Lake or an ObjectLake
    """The columns a backfill selects on, from every committed articles file of the lake."""
    cols = ["source_path", "published_date", "pipeline_version"]
    files = lake.table_files("articles")
    if not files:
        return pa.table({c: pa.array([], type=ARTICLES.field(c).type) for c in cols})
    read = getattr(lake, "_read", None)
    parts = [read(f, cols) if read else pq.read_table(f, columns=cols) for f in files]
    return pa.concat_tables(parts, promote_options="permissive")


def select_sources(articles: pa.Table, date_from: date | None, date_to: date | None,
                   stale_version: str | None = None) -> Selection:
    """Source files of the articles in the date range (and of another pipeline version, when given)."""
    mask = pa.array([True] * articles.num_rows, type=pa.bool_())
    day = articles.column("published_date")
    if date_from:
        mask = pc.and_kleene(mask, pc.greater_equal(day, pa.scalar(date_from, type=pa.date32())))
    if date_to:
        mask = pc.and_kleene(mask, pc.less_equal(day, pa.scalar(date_to, type=pa.date32())))
    if stale_version:
        version = articles.column("pipeline_version")
        mask = pc.and_kleene(mask, pc.or_kleene(pc.is_null(version), pc.not_equal(version, stale_version)))
    paths = articles.column("source_path").filter(pc.fill_null(mask, False)).to_pylist()
    sel = Selection(pages=len(paths))
    for f in sorted({source_file(p) for p in paths}):
        (sel.files if Path(f).exists() else sel.missing).append(f)
    return sel
