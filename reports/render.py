"""Render the report from the catalog: named SQL files in, one self-contained HTML file out.

Reads the lake only through the DuckDB connection it is given, and imports neither
``flows`` nor ``transforms``.
"""

from __future__ import annotations

import html
from datetime import date
from importlib import resources
from pathlib import Path

import duckdb

SECTIONS = [
    ("articles_per_outlet_day", "المقالات حسب المنبر واليوم"),
    ("ticker_headlines", "ما حمله شريط الأخبار"),
    ("data_quality", "جودة البيانات: المدخلات المعزولة"),
]


def load_sql(name: str) -> str:
    return resources.files("reports").joinpath(f"sql/{name}.sql").read_text(encoding="utf-8")


def run_query(
    con: duckdb.DuckDBPyConnection, name: str, date_from: date | None, date_to: date | None, outlet: str | None
) -> tuple[list[str], list[tuple]]:
    sql = load_sql(name)
    params = {k: v for k, v in {"date_from": date_from, "date_to": date_to, "outlet": outlet}.items() if f"${k}" in sql}
    rel = con.execute(sql, params)
    cols = [d[0] for d in rel.description]
    return cols, rel.fetchall()


def _table(cols: list[str], rows: list[tuple]) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body or '<tr><td>—</td></tr>'}</tbody></table>"


def render_report(
    con: duckdb.DuckDBPyConnection,
    out: Path,
    date_from: date | None = None,
    date_to: date | None = None,
    outlet: str | None = None,
) -> Path:
    parts = []
    for name, title in SECTIONS:
        cols, rows = run_query(con, name, date_from, date_to, outlet)
        parts.append(f"<section id='{name}'><h2>{html.escape(title)}</h2>{_table(cols, rows)}</section>")
    doc = f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تقرير أخبار</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>body{{font-family:sans-serif;margin:2em;}} table{{border-collapse:collapse}} td,th{{border:1px solid #ccc;padding:4px 8px}}</style>
</head><body><h1>تقرير أخبار</h1>{''.join(parts)}</body></html>"""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(doc, encoding="utf-8")
    tmp.replace(out)
    return out
