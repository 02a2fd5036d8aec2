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

import duckdb

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


def select_sources(article_paths: list[str], date_from: date | None, date_to: date | None,
                   stale_version: str | None = None) -> Selection:
    """Source files of the articles in the date range (and of an older pipeline version, when given)."""
    sel = Selection()
    if not article_paths:
        return sel
    where, params = ["true"], []
    if date_from:
        where.append("published_date >= ?")
        params.append(date_from)
    if date_to:
        where.append("published_date <= ?")
        params.append(date_to)
    if stale_version:
        where.append("pipeline_version IS DISTINCT FROM ?")
        params.append(stale_version)
    con = duckdb.connect()
    try:
        rows = con.execute(
            f"SELECT source_path FROM read_parquet(?, union_by_name = true) WHERE {' AND '.join(where)}",
            [article_paths, *params],
        ).fetchall()
    finally:
        con.close()
    sel.pages = len(rows)
    files = sorted({source_file(r[0]) for r in rows})
    for f in files:
        (sel.files if Path(f).exists() else sel.missing).append(f)
    return sel
