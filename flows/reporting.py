"""Glue between the flow and the report renderer: open the catalog read-only, render, return the path."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb


def write_report(
    catalog: str,
    out: str,
    date_from: date | None = None,
    date_to: date | None = None,
    outlet: str | None = None,
) -> str:
    from reports.render import render_report

    con = duckdb.connect(catalog, read_only=True)
    try:
        path = render_report(con, Path(out), date_from=date_from, date_to=date_to, outlet=outlet)
    finally:
        con.close()
    return str(path)
