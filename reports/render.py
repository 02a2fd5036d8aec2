"""Render the report from the catalog: named SQL files in, one self-contained HTML file out.

Every section is one file of ``reports/sql`` answering one question; the renderer runs them with
the same three parameters (``$date_from``, ``$date_to``, ``$outlet``; NULL = no filter) and lays
the answers out right to left, with Vega-Lite charts whose JavaScript is inlined, so the file
opens offline and asks nothing of the network. Every text from the news is escaped.

Reads the lake only through the DuckDB connection it is given, and imports neither ``flows``
nor ``transforms``.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, TypeGuard

import duckdb

from reports import charts
from reports import labels as L

PARAMS = ("date_from", "date_to", "outlet")
RECENT_DAYS = 30  # default period of the sections about organisations, speakers, quotes and the ticker
EXTRACTED = ("articles", "headlines", "topics", "organisations", "quotes")


@dataclass
class Result:
    """One query's answer (or the error that stopped it)."""

    name: str
    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    seconds: float = 0.0
    error: str | None = None

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]


@dataclass
class ReportData:
    date_from: date | None
    date_to: date | None
    outlet: str | None  # as spelled in the lake
    outlet_asked: str | None  # as the user typed it
    generated_at: datetime
    results: dict[str, Result]
    has_rows: dict[str, bool]
    seconds: float = 0.0

    def first(self, name: str) -> dict[str, Any]:
        recs = self.results[name].records()
        return recs[0] if recs else {}


@dataclass
class Rendered:
    html: Path
    markdown: Path
    data: ReportData
    seconds: dict[str, float]


# ------------------------------------------------------------------------------------------
# Queries
# ------------------------------------------------------------------------------------------

def query_names() -> list[str]:
    """Every named query shipped in reports/sql (files starting with '_' are not queries)."""
    folder = resources.files("reports").joinpath("sql")
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".sql") and not p.name.startswith("_"))


def load_sql(name: str) -> str:
    return resources.files("reports").joinpath(f"sql/{name}.sql").read_text(encoding="utf-8")


def query_question(name: str) -> str:
    """The question a query answers: its leading comment."""
    lines = []
    for line in load_sql(name).splitlines():
        if not line.startswith("--"):
            break
        lines.append(line[2:].strip())
    return " ".join(lines)


def run_query(con: duckdb.DuckDBPyConnection, name: str, date_from: date | None = None, date_to: date | None = None,
              outlet: str | None = None) -> Result:
    """Run one named query with the report's parameters (only those the file uses are bound)."""
    sql = load_sql(name)
    values = {"date_from": date_from, "date_to": date_to, "outlet": outlet}
    params = {k: v for k, v in values.items() if f"${k}" in sql}
    t = time.perf_counter()
    try:
        cur = con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        rows = cur.fetchall()
    except duckdb.Error as exc:
        return Result(name, seconds=time.perf_counter() - t, error=f"{type(exc).__name__}: {exc}".splitlines()[0])
    return Result(name, cols, rows, time.perf_counter() - t)


def macros_sql(temp: bool = False) -> str:
    sql = resources.files("reports").joinpath("sql/_macros.sql").read_text(encoding="utf-8")
    return sql.replace("CREATE OR REPLACE MACRO", "CREATE OR REPLACE TEMP MACRO") if temp else sql


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    """The one value of a one-row query (count, EXISTS)."""
    row = con.execute(sql).fetchone()
    assert row is not None, sql
    return row[0]


def ensure_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Define the macros as temporary ones when the catalog predates them (works read-only)."""
    found = _scalar(
        con, "SELECT count(*) FROM duckdb_functions() WHERE function_name IN ('ar_norm_name', 'organisation_timeline')"
    )
    if found < 2:
        con.execute(macros_sql(temp=True))


def resolve_outlet(con: duckdb.DuckDBPyConnection, outlet: str | None) -> str | None:
    """The lake's own spelling of an outlet typed in any variant (القناه, القناة...); the most
    frequent if several match, the input itself if none does."""
    if not outlet:
        return None
    try:
        row = con.execute(
            "SELECT outlet FROM (SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet) "
            "WHERE outlet = $o OR ar_norm_name(outlet) = ar_norm_name($o) ORDER BY outlet = $o DESC, n DESC LIMIT 1",
            {"o": outlet},
        ).fetchone()
    except duckdb.Error:
        return outlet
    return row[0] if row else outlet


def _has_rows(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    """Whether the table has any row at all (an empty one means its extractor has not run). The
    catalog defines the view of a table without files as a typed empty SELECT, and the lake writes
    files only for batches with rows: the view's definition answers without opening any file."""
    try:
        row = con.execute("SELECT sql FROM duckdb_views() WHERE view_name = ? AND NOT internal", [table]).fetchone()
        if row:  # the lake writes a file only for a batch with rows
            return "read_parquet" in row[0]
        return bool(_scalar(con, f'SELECT EXISTS (SELECT 1 FROM "{table}")'))
    except duckdb.Error:
        return False


def collect(con: duckdb.DuckDBPyConnection, date_from: date | None = None, date_to: date | None = None,
            outlet: str | None = None) -> ReportData:
    """Run every named query and gather what the report shows."""
    t = time.perf_counter()
    with contextlib.suppress(duckdb.Error):  # the queries that need the macros report their own error
        ensure_macros(con)
    with contextlib.suppress(duckdb.Error):  # every query opens the same Parquet footers: read them once
        con.execute("SET parquet_metadata_cache = true")
    with contextlib.suppress(duckdb.Error):  # no progress bars in the middle of the CLI's or the flow's output
        con.execute("SET enable_progress_bar = false")
    resolved = resolve_outlet(con, outlet)
    results = {name: run_query(con, name, date_from, date_to, resolved) for name in query_names()}
    return ReportData(
        date_from=date_from, date_to=date_to, outlet=resolved, outlet_asked=outlet,
        generated_at=datetime.now().astimezone(), results=results,
        has_rows={t: _has_rows(con, t) for t in EXTRACTED}, seconds=time.perf_counter() - t,
    )


# ------------------------------------------------------------------------------------------
# Values as text
# ------------------------------------------------------------------------------------------

def fmt(value: Any, column: str = "") -> str:
    """Plain text of a cell (not yet escaped)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "نعم" if value else "لا"
    if column in ("share", "jaccard") and isinstance(value, float | Decimal):
        return f"{float(value) * 100:.1f}٪" if column == "share" else f"{float(value):.3f}"
    if column == "change_pct":
        return f"{float(value):+.1f}٪" if value else "0٪"
    if column == "change" and isinstance(value, int):
        return f"{value:+,d}" if value else "0"
    if isinstance(value, int):
        return f"{value:,d}"
    if isinstance(value, float | Decimal):
        return f"{float(value):,.1f}"
    if isinstance(value, datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M") if value.tzinfo else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if column in L.VALUES and isinstance(value, str):
        return L.VALUES[column].get(value, value)
    return str(value)


def esc(value: Any, column: str = "") -> str:
    return html.escape(fmt(value, column), quote=True)


def _is_num(value: Any) -> TypeGuard[int | float | Decimal]:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def ltr(value: Any, column: str = "") -> str:
    """An escaped date, time or number kept left to right inside Arabic text: without the
    isolation, 2022-06-08 in a right-to-left sentence would show as 08-06-2022."""
    return f'<bdi dir="ltr">{esc(value, column)}</bdi>'


def period_text(d_from: date | None, d_to: date | None, markup: bool = False) -> str:
    """'from A to B' in Arabic; ``markup`` returns escaped HTML with the dates isolated."""
    a, b = ((ltr(d_from), ltr(d_to)) if markup else (fmt(d_from), fmt(d_to)))
    if d_from and d_to:
        return f"من {a} إلى {b}"
    if d_from:
        return f"منذ {a}"
    if d_to:
        return f"حتى {b}"
    return "كل التواريخ"


# ------------------------------------------------------------------------------------------
# HTML
# ------------------------------------------------------------------------------------------

CSS = """
:root{--ink:#1d232a;--muted:#5b6673;--line:#dde3ea;--bg:#f5f7fa;--card:#fff;--accent:#1b6ca8;--up:#1e7b3c;--down:#b3261e}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font-family:"Noto Naskh Arabic","Noto Sans Arabic",Amiri,Tahoma,"DejaVu Sans",Arial,sans-serif;font-size:15px;line-height:1.6}
header.top{background:#12324f;color:#fff;padding:20px 28px}
header.top h1{margin:0 0 4px;font-size:26px}
header.top .filters{color:#c9d8e6;font-size:14px}
nav.toc{background:#fff;border-bottom:1px solid var(--line);padding:8px 28px;position:sticky;top:0;z-index:5;font-size:14px}
nav.toc a{color:var(--accent);text-decoration:none;margin-left:16px;white-space:nowrap;display:inline-block}
main{max-width:1180px;margin:0 auto;padding:20px 24px 40px}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px;margin-bottom:20px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.kpi b{display:block;font-size:22px;color:var(--accent);white-space:nowrap}
.kpi b bdi{direction:ltr;unicode-bidi:isolate}
.kpi span{color:var(--muted);font-size:13px}
section{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 20px;margin:0 0 18px}
section h2{margin:0 0 4px;font-size:20px}
section h3{margin:16px 0 6px;font-size:16px}
p.q{margin:0 0 12px;color:var(--muted);font-size:13px}
p.note{color:var(--muted);font-size:13px;margin:8px 0 0}
p.empty{color:var(--muted);background:var(--bg);border-radius:6px;padding:10px 14px;margin:8px 0}
p.error{color:var(--down);background:#fdecea;border-radius:6px;padding:10px 14px}
.chart{direction:ltr;width:100%;margin:6px 0 14px;min-height:40px}
.chart .vega-embed{width:100%}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:right;vertical-align:top}
th{background:#eef2f6;font-weight:600;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.num span.v,td.date span.v{direction:ltr;unicode-bidi:isolate}
td.date{white-space:nowrap;font-variant-numeric:tabular-nums}
bdi.d{direction:ltr;unicode-bidi:isolate;white-space:nowrap}
td.text{max-width:520px;overflow-wrap:anywhere}
td.up{color:var(--up)} td.down{color:var(--down)}
.bar{display:inline-block;height:8px;background:var(--accent);border-radius:2px;vertical-align:middle;margin-left:6px}
.quotes-org{border-top:1px solid var(--line);padding-top:6px}
blockquote{margin:6px 0 10px;padding:6px 14px;border-right:4px solid var(--accent);background:#f7f9fb}
blockquote p{margin:0}
blockquote footer{color:var(--muted);font-size:13px}
footer.page{color:var(--muted);font-size:13px;max-width:1180px;margin:0 auto;padding:0 24px 30px}
code{direction:ltr;unicode-bidi:isolate;background:#eef2f6;padding:1px 4px;border-radius:3px;font-size:13px;white-space:nowrap}
pre.examples{direction:ltr;text-align:left;background:#eef2f6;border-radius:6px;padding:10px 14px;font-size:13px;overflow-x:auto}
"""

# script-src needs 'unsafe-eval': Vega compiles its expressions with Function(). connect-src
# falls back to 'none', so the page cannot fetch anything even if a spec asked it to.
CSP = ("default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:")

EMBED_JS = """
(function(){
  var opts = {actions:false, renderer:"svg", timeFormatLocale:%s};
  var nodes = document.querySelectorAll('script[type="application/json"][data-chart]');
  for (var i = 0; i < nodes.length; i++) {
    var el = nodes[i];
    var spec = JSON.parse(el.textContent);
    vegaEmbed("#" + el.getAttribute("data-chart"), spec, opts).catch(function(e){ console.error(e); });
  }
})();
"""


def json_for_script(obj: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' can end it or open a comment."""
    text = json.dumps(obj, ensure_ascii=False, default=str, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class Page:
    """Collects the HTML pieces and the chart specs of one report."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.specs: list[tuple[str, dict]] = []
        self.toc: list[tuple[str, str]] = []

    def chart(self, spec: dict | None) -> str:
        if not spec:
            return ""
        ident = f"chart-{len(self.specs) + 1}"
        self.specs.append((ident, spec))
        return f'<div class="chart" id="{ident}" role="img"></div>'

    def section(self, ident: str, title: str, question: str, body: str, period: str = "") -> None:
        """``period`` is already escaped HTML (dates isolated), appended to the escaped question."""
        self.toc.append((ident, title))
        self.parts.append(
            f'<section id="{ident}"><h2>{html.escape(title)}</h2><p class="q">{html.escape(question)}{period}</p>'
            f"{body}</section>"
        )


def table_html(columns: list[str], rows: list[dict[str, Any]], *, numbers: bool = True, bars: str | None = None) -> str:
    """An escaped HTML table; ``bars`` names a 0..1 column drawn as a small bar beside its value."""
    head = "".join(f"<th>{html.escape(L.COLUMNS.get(c, c))}</th>" for c in columns)
    body = []
    for r in rows:
        cells = []
        for c in columns:
            v = r.get(c)
            cls = "num" if numbers and _is_num(v) else "date" if isinstance(v, date) else "text"
            if c in ("change", "change_pct") and _is_num(v) and v:
                cls += " up" if v > 0 else " down"
            title = ""
            if c in L.VALUES and isinstance(v, str) and v in L.VALUES[c]:
                title = f' title="{html.escape(v, quote=True)}"'
            extra = ""
            if bars == c and _is_num(v) and v > 0:
                extra = f'<span class="bar" style="width:{max(1, round(float(v) * 120))}px"></span>'
            text = esc(v, c)
            if cls.split()[0] in ("num", "date") and v is not None:
                text = f'<span class="v">{text}</span>'
            elif v is not None:
                text = f"<bdi>{text}</bdi>"  # Latin text (a path, an error) keeps its own order
            cells.append(f'<td class="{cls}"{title}>{extra}{text}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>'


def _empty(msg: str) -> str:
    return f'<p class="empty">{html.escape(msg)}</p>'


def _source_note(*names: str) -> str:
    files = "، ".join(
        f'<code title="{html.escape(query_question(n), quote=True)}">reports/sql/{html.escape(n)}.sql</code>'
        for n in names
    )
    return f'<p class="note">الاستعلام: {files}</p>'


def _missing(data: ReportData, table: str, what: str) -> str:
    """Why a section is empty: the table has no rows at all (its extractor has not run) or none match."""
    if not data.has_rows.get(table, False):
        return _empty(f"جدول {what} فارغ في المستودع: لم يُشغَّل مستخرجه بعد أو لم يجد شيئا.")
    return _empty("لا توجد بيانات تطابق هذه الفترة أو هذا المنبر.")


def _error_or(result: Result) -> str | None:
    if result.error:
        return f'<p class="error">تعذر تنفيذ الاستعلام: {html.escape(result.error)}</p>'
    return None


def _period_of(recs: list[dict[str, Any]]) -> str:
    """' Period: A to B.' for sections whose query reports the period it covered."""
    if recs and "period_start" in recs[0]:
        return f" الفترة: {period_text(recs[0]['period_start'], recs[0]['period_end'], True)}."
    return ""


def _outlets_table(recs: list[dict[str, Any]]) -> tuple[list[str], list[dict[str, Any]], int]:
    agg: dict[str, dict[str, Any]] = defaultdict(lambda: {"articles": 0, "pages": 0, "days": 0, "last_date": None})
    for r in recs:
        a = agg[r["outlet"]]
        a["articles"] += r["articles"]
        a["pages"] += r["pages"]
        a["days"] += 1
        d = r["published_date"]
        if d is not None and (a["last_date"] is None or d > a["last_date"]):
            a["last_date"] = d
    rows = [{"outlet": o, **v} for o, v in sorted(agg.items(), key=lambda kv: (-kv[1]["articles"], kv[0]))]
    return ["outlet", "articles", "pages", "days", "last_date"], rows[:20], len(rows)


def _topics_table(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    totals: dict[str, int] = defaultdict(int)
    for r in recs:
        totals[r["topic"]] += r["articles"]
    n = sum(totals.values()) or 1
    return [{"topic": t, "articles": v, "share": v / n} for t, v in sorted(totals.items(), key=lambda kv: -kv[1])]


def build_html(data: ReportData) -> str:
    page = Page()
    res = data.results
    ov = data.first("overview")

    # Volume per outlet and day.
    r = res["articles_per_outlet_day"]
    recs = r.records()
    body = _error_or(r)
    if body is None:
        if recs:
            cols, rows, n = _outlets_table(recs)
            body = page.chart(charts.articles_over_time(recs)) + table_html(cols, rows)
            if n > len(rows):
                body += f'<p class="note">أكثر {len(rows)} منبرا نشرا من أصل {n:,d}.</p>'
        else:
            body = _missing(data, "articles", "المقالات")
    page.section("articles", "المقالات حسب المنبر واليوم", "كم مقالا نشر كل منبر في كل يوم؟",
                 body + _source_note("articles_per_outlet_day"))

    # Topics.
    r = res["topic_share"]
    recs = r.records()
    body = _error_or(r)
    if body is None:
        if recs:
            body = page.chart(charts.topic_share(recs)) + table_html(["topic", "articles", "share"], _topics_table(recs),
                                                                      bars="share")
            grain = {"day": "اليوم", "week": "الأسبوع", "month": "الشهر"}.get(recs[0]["grain"], recs[0]["grain"])
            body += f'<p class="note">وحدة الزمن في الرسم: {html.escape(grain)}؛ يُحتسب كل مقال في موضوعه الأول.</p>'
        else:
            body = _missing(data, "topics", "المواضيع")
    page.section("topics", "حصة المواضيع عبر الزمن", "ما حصة كل موضوع من المقالات مع مرور الوقت؟",
                 body + _source_note("topic_share"))

    # Organisations.
    r = res["top_organisations"]
    recs = r.records()
    body = _error_or(r)
    question = "ما المنظمات الأكثر حضورا في الأخبار، وكيف تغير حضورها مقارنة بالفترة السابقة؟"
    period = ""
    if body is None:
        if recs:
            f = recs[0]
            period = (f" الفترة: {period_text(f['period_start'], f['period_end'], True)}؛ "
                      f"الفترة السابقة: {period_text(f['prev_start'], f['prev_end'], True)}.")
            cols = ["organisation", "org_type", "articles", "mentions", "outlets", "previous_articles", "change",
                    "change_pct"]
            body = page.chart(charts.top_organisations(recs)) + table_html(cols, recs)
            body += '<p class="note">الشرطة السوداء في الرسم: عدد المقالات في الفترة السابقة.</p>'
            if data.date_from is None:
                body += (f'<p class="note">دون تاريخ بداية، الفترة هي آخر {RECENT_DAYS} يوما من البيانات '
                         "(حددها بـ <code>--from</code> و<code>--to</code>).</p>")
        else:
            body = _missing(data, "organisations", "المنظمات")
    page.section("organisations", "المنظمات الأبرز", question, body + _source_note("top_organisations"), period)

    r = res["organisation_pairs"]
    recs = r.records()
    body = _error_or(r)
    if body is None:
        body = table_html(["organisation_a", "organisation_b", "together", "articles_a", "articles_b", "jaccard"],
                          recs) if recs else _missing(data, "organisations", "المنظمات")
    page.section("pairs", "منظمات تظهر معا", "ما المنظمات التي تُذكر معا في المقالات نفسها؟",
                 body + _source_note("organisation_pairs"), _period_of(recs))

    # Quotes.
    r = res["top_speakers"]
    recs = r.records()
    body = _error_or(r)
    if body is None:
        if recs:
            body = page.chart(charts.top_speakers(recs)) + table_html(
                ["speaker", "speaker_type", "role", "organisation", "quotes", "articles", "outlets", "last_quoted"], recs)
        else:
            body = _missing(data, "quotes", "التصريحات")
    page.section("speakers", "الأكثر تصريحا", "من هم المتحدثون الأكثر اقتباسا، وبأي صفة ولأي منظمة؟",
                 body + _source_note("top_speakers"), _period_of(recs))

    r = res["latest_quotes_by_organisation"]
    recs = r.records()
    body = _error_or(r)
    if body is None:
        body = _quotes_html(recs) if recs else _missing(data, "quotes", "التصريحات")
    page.section("quotes", "آخر التصريحات حسب المنظمة", "ماذا قالت المنظمات الأكثر تصريحا (ومسؤولوها) مؤخرا؟",
                 body + _source_note("latest_quotes_by_organisation"), _period_of(recs))

    # Ticker.
    r = res["ticker_headlines"]
    recs = r.records()
    body = _error_or(r)
    question = "ما العناوين التي حملها شريط الأخبار أكثر من غيرها؟"
    period = ""
    if body is None:
        if recs:
            period = _period_of(recs)
            body = table_html(["headline", "shown", "first_seen", "last_seen", "topic", "article_in_lake"], recs)
        else:
            body = _missing(data, "headlines", "العناوين")
    page.section("ticker", "ما حمله شريط الأخبار", question, body + _source_note("ticker_headlines"), period)

    # Data quality.
    parts = []
    for name, title, cols, bars in (
        ("quality_quarantine", "المدخلات المعزولة حسب السبب (كل المستودع)",
         ["reason", "inputs", "first_seen", "last_seen", "example_path", "example_detail"], None),
        ("quality_sources", "الصفحات حسب المصدر والصيغة",
         ["source_site", "input_format", "pages", "articles", "no_date", "no_outlet", "empty_body", "avg_words"], None),
        ("quality_empty_fields", "الحقول الفارغة", ["table", "field", "rows", "empty", "share"], "share"),
    ):
        r = res[name]
        recs = r.records()
        parts.append(f"<h3>{html.escape(title)}</h3>")
        err = _error_or(r)
        if err:
            parts.append(err)
        elif not recs:
            parts.append(_empty("لا شيء هنا." if name == "quality_quarantine" else "لا توجد بيانات."))
        else:
            parts.append(table_html(cols, recs, bars=bars))
    page.section("quality", "جودة البيانات", "ما الذي تعذر تحليله، ومن أين جاءت الصفحات، وما الحقول الفارغة؟",
                 "".join(parts) + _source_note("quality_quarantine", "quality_sources", "quality_empty_fields"))

    return _document(page, data, ov)


def _quotes_html(recs: list[dict[str, Any]]) -> str:
    out: list[str] = []
    current = None
    for r in recs:
        if r["organisation"] != current:
            if current is not None:
                out.append("</div>")
            current = r["organisation"]
            out.append(f'<div class="quotes-org"><h3>{esc(current)} <small>({esc(r["quotes_in_period"])} تصريحا)</small></h3>')
        who = esc(r["speaker"])
        if r.get("speaker_role"):
            who += "، " + esc(r["speaker_role"])
        meta = " · ".join((who, ltr(r["published_date"]), esc(r["outlet"])))
        title = f"<br>من مقال: {esc(r['title'])}" if r.get("title") else ""
        out.append(f"<blockquote><p>«{esc(r['quote'])}»</p><footer>{meta}{title}</footer></blockquote>")
    if current is not None:
        out.append("</div>")
    return "".join(out)


def _document(page: Page, data: ReportData, ov: dict[str, Any]) -> str:
    from reports.vendor import javascript_bundle

    outlet = data.outlet or "كل المنابر"
    if data.outlet_asked and data.outlet and data.outlet != data.outlet_asked:
        outlet += f" (طُلب: {data.outlet_asked})"
    filters = f"الفترة: {period_text(data.date_from, data.date_to, True)} · المنبر: {html.escape(outlet)}"
    kpis = [
        ("المقالات", ov.get("articles")), ("الصفحات", ov.get("pages")), ("المنابر", ov.get("outlets")),
        ("أول تاريخ نشر", ov.get("first_date")), ("آخر تاريخ نشر", ov.get("last_date")),
        ("إشارات المنظمات", ov.get("organisation_mentions")),
        ("التصريحات", ov.get("quotes")), ("مدخلات معزولة", ov.get("quarantined")),
    ]
    kpi_html = "".join(f'<div class="kpi"><b><bdi>{esc(v)}</bdi></b><span>{html.escape(k)}</span></div>' for k, v in kpis)
    empty_note = ""
    if not ov.get("pages"):
        empty_note = _empty("لا توجد مقالات لهذه الفترة أو هذا المنبر في المستودع بعد. شغّل akhbar run لإضافة صفحات.")
    toc = "".join(f'<a href="#{i}">{html.escape(t)}</a>' for i, t in page.toc)
    specs = "".join(
        f'<script type="application/json" data-chart="{i}">{json_for_script(s)}</script>' for i, s in page.specs
    )
    scripts = ""
    if page.specs:
        scripts = (f"<script>{javascript_bundle()}</script>{specs}"
                   f"<script>{EMBED_JS % json_for_script(L.TIME_LOCALE)}</script>")
    generated = data.generated_at.strftime("%Y-%m-%d %H:%M %Z").strip()
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>تقرير أخبار · {html.escape(period_text(data.date_from, data.date_to))}</title>
<style>{CSS}</style></head>
<body>
<header class="top"><h1>تقرير أخبار</h1><div class="filters">{filters} · أُنشئ في <bdi dir="ltr">{html.escape(generated)}</bdi></div></header>
<nav class="toc">{toc}</nav>
<main>
<div class="kpis">{kpi_html}</div>{empty_note}
{''.join(page.parts)}
</main>
<footer class="page">كل قسم استعلام مسمى في <code>reports/sql</code>. للاستعلام المباشر في المستودع (تقبل الدوال
الأسماء بأي إملاء):
<pre class="examples">akhbar sql "SELECT * FROM quotes_by_speaker('أخنوش')"
akhbar sql "SELECT * FROM organisation_timeline('الأمم المتحدة')"
akhbar sql "SELECT * FROM organisation_quotes('وزارة الداخلية')"
akhbar sql "SELECT * FROM headlines_matching('كأس العالم')"
akhbar sql   # interactive shell</pre></footer>
{scripts}
</body></html>
"""


# ------------------------------------------------------------------------------------------
# Markdown
# ------------------------------------------------------------------------------------------

MD_MAX_CHARS = 160  # long quotes and headlines are cut in the summary (the HTML has them whole)


def md_cell(value: Any, column: str = "") -> str:
    """Markdown table cell: no pipe, newline or HTML can break out of it."""
    text = " ".join(fmt(value, column).split())
    if len(text) > MD_MAX_CHARS:
        text = text[: MD_MAX_CHARS - 1].rstrip() + "…"
    return html.escape(text, quote=False).replace("|", "\\|").replace("`", "\\`").replace("*", "\\*").replace("_", "\\_")


def md_table(columns: list[str], rows: list[dict[str, Any]], limit: int = 10) -> str:
    if not rows:
        return "_لا توجد بيانات._\n"
    head = "| " + " | ".join(L.COLUMNS.get(c, c) for c in columns) + " |"
    sep = "|" + "---|" * len(columns)
    lines = [head, sep]
    for r in rows[:limit]:
        lines.append("| " + " | ".join(md_cell(r.get(c), c) for c in columns) + " |")
    return "\n".join(lines) + "\n"


def build_markdown(data: ReportData, html_name: str = "report.html") -> str:
    ov = data.first("overview")
    res = data.results
    outlet = data.outlet or "كل المنابر"
    out = [
        "# تقرير أخبار",
        "",
        f"الفترة: {md_cell(period_text(data.date_from, data.date_to))} · المنبر: {md_cell(outlet)} · "
        f"التقرير الكامل: `{html_name}`",
        "",
        f"- المقالات: {md_cell(ov.get('articles'))} (الصفحات: {md_cell(ov.get('pages'))}، المنابر: "
        f"{md_cell(ov.get('outlets'))})",
        f"- تواريخ النشر: {md_cell(ov.get('first_date'))} إلى {md_cell(ov.get('last_date'))}",
        f"- إشارات المنظمات: {md_cell(ov.get('organisation_mentions'))} · التصريحات: {md_cell(ov.get('quotes'))} · "
        f"مدخلات معزولة: {md_cell(ov.get('quarantined'))}",
        "",
    ]

    def section(title: str, name: str, cols: list[str], rows: list[dict] | None = None, limit: int = 10) -> None:
        r = res[name]
        out.append(f"## {title}\n")
        if r.error:
            out.append(f"تعذر تنفيذ الاستعلام: {md_cell(r.error)}\n")
            return
        out.append(md_table(cols, r.records() if rows is None else rows, limit))

    recs = res["articles_per_outlet_day"].records()
    cols, rows, _ = _outlets_table(recs)
    section("المنابر الأكثر نشرا", "articles_per_outlet_day", cols, rows)
    section("المواضيع", "topic_share", ["topic", "articles", "share"], _topics_table(res["topic_share"].records()))
    section("المنظمات الأبرز", "top_organisations",
            ["organisation", "articles", "mentions", "previous_articles", "change", "change_pct"])
    section("منظمات تظهر معا", "organisation_pairs", ["organisation_a", "organisation_b", "together", "jaccard"])
    section("الأكثر تصريحا", "top_speakers", ["speaker", "role", "organisation", "quotes"])
    section("آخر التصريحات حسب المنظمة", "latest_quotes_by_organisation",
            ["organisation", "published_date", "speaker", "quote"], limit=12)
    section("ما حمله شريط الأخبار", "ticker_headlines", ["headline", "shown", "last_seen"])
    section("المدخلات المعزولة", "quality_quarantine", ["reason", "inputs"])
    section("الحقول الفارغة", "quality_empty_fields", ["table", "field", "empty", "share"], limit=20)
    return "\n".join(out)


# ------------------------------------------------------------------------------------------
# Entry points
# ------------------------------------------------------------------------------------------

def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def render(con: duckdb.DuckDBPyConnection, out: Path, date_from: date | None = None, date_to: date | None = None,
           outlet: str | None = None) -> Rendered:
    """Write ``out`` (HTML) and the Markdown summary beside it (same name, ``.md``)."""
    out = Path(out)
    t0 = time.perf_counter()
    data = collect(con, date_from, date_to, outlet)
    t1 = time.perf_counter()
    _write(out, build_html(data))
    t2 = time.perf_counter()
    md = out.with_suffix(".md")
    _write(md, build_markdown(data, out.name))
    t3 = time.perf_counter()
    seconds = {"queries": t1 - t0, "html": t2 - t1, "markdown": t3 - t2, "total": t3 - t0}
    seconds.update({f"sql:{k}": v.seconds for k, v in data.results.items()})
    return Rendered(out, md, data, seconds)


def render_report(con: duckdb.DuckDBPyConnection, out: Path, date_from: date | None = None,
                  date_to: date | None = None, outlet: str | None = None) -> Path:
    """Render the HTML report (and ``report.md`` beside it); return the HTML path."""
    return render(con, out, date_from, date_to, outlet).html
