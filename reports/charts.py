"""Vega-Lite charts of the report, written with Altair and returned as plain spec dicts.

Charts read already-aggregated rows (a few hundred points at most), so the HTML stays small
whatever the size of the lake. Horizontal bar charts are mirrored for a right-to-left page: the
names sit on the right and the bars grow leftwards. Time axes run left to right, as in Arabic
newspapers' charts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from reports import labels as L

FONT = "Noto Naskh Arabic, Noto Sans Arabic, Amiri, Tahoma, DejaVu Sans, Arial, sans-serif"
PALETTE = ["#1b6ca8", "#e07b39", "#3a9d5d", "#c44e52", "#8172b2", "#937860", "#da8bc3", "#8c8c8c", "#ccb974",
           "#64b5cd"]
MAX_SERIES = 7  # outlets drawn separately; the rest are summed as "other outlets"
OTHER_OUTLETS = "منابر أخرى"

_TIME_UNIT = {"day": "utcyearmonthdate", "week": "utcyearweek", "month": "utcyearmonth"}
_AXIS_FORMAT = {"day": "%e %b", "week": "%e %b %Y", "month": "%b %Y"}


def grain_for(first: date, last: date) -> str:
    """Same rule as topic_share.sql: days up to 120 days, weeks up to two years, then months."""
    span = (last - first).days
    return "month" if span > 730 else "week" if span > 120 else "day"


def bucket(d: date, grain: str) -> date:
    """Start of the period holding ``d`` (weeks start on Monday, like DuckDB's date_trunc)."""
    if grain == "month":
        return d.replace(day=1)
    if grain == "week":
        return d - timedelta(days=d.weekday())
    return d


def _count_axis(alt, top: float, **kw: Any):  # noqa: ANN001, ANN202
    """An axis for counts: integer labels only (small counts get one tick per integer)."""
    if top <= 8:
        return alt.Axis(format=",d", values=list(range(0, int(top) + 1)), **kw)
    return alt.Axis(format=",d", tickMinStep=1, **kw)


def _alt():  # noqa: ANN202 - the altair module, imported only when a chart is drawn
    import altair as alt

    return alt


DATA = "rows"  # charts are built on a named placeholder; the rows are put in the spec afterwards


def _placeholder() -> Any:
    """Altair validates inline values against the schema row by row (about 1 s for a few hundred
    rows): build on a named data source and attach the rows to the finished dict instead."""
    return _alt().NamedData(name=DATA)


def _config(chart: Any, values: list[dict], legend: str = "right") -> dict:
    spec = chart.configure(font=FONT, background="transparent").configure_view(stroke=None).configure_axis(
        labelFontSize=12, titleFontSize=12, labelColor="#333", gridColor="#e6e6e6"
    ).configure_legend(labelFontSize=12, titleFontSize=12, orient=legend, labelLimit=220).configure_range(
        category=PALETTE
    ).to_dict(validate=False)
    spec.pop("$schema", None)  # the bundle's Vega-Lite is the one that draws; no URL in the page
    spec["datasets"] = {DATA: values}
    return spec


def articles_over_time(rows: list[dict]) -> dict | None:
    """Stacked bars of articles per period, one colour per leading outlet."""
    alt = _alt()
    rows = [r for r in rows if r["published_date"] is not None]
    if not rows:
        return None
    dates = [r["published_date"] for r in rows]
    grain = grain_for(min(dates), max(dates))
    totals: dict[str, int] = defaultdict(int)
    rows = [{**r, "outlet": L.UNKNOWN.get(r["outlet"], r["outlet"])} for r in rows]
    for r in rows:
        totals[r["outlet"]] += r["articles"]
    top = [o for o, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_SERIES]]
    keep = set(top)
    series: dict[tuple[date, str], int] = defaultdict(int)
    for r in rows:
        name = r["outlet"] if r["outlet"] in keep else OTHER_OUTLETS
        series[(bucket(r["published_date"], grain), name)] += r["articles"]
    order = top + ([OTHER_OUTLETS] if len(totals) > len(top) else [])
    totals_by_period: dict[date, int] = defaultdict(int)
    for (period, _), n in series.items():
        totals_by_period[period] += n
    data = [{"period": p.isoformat(), "outlet": o, "articles": n} for (p, o), n in sorted(series.items())]
    chart = alt.Chart(_placeholder()).mark_bar().encode(
        x=alt.X(f"{_TIME_UNIT[grain]}(period):T", title=None, axis=alt.Axis(format=_AXIS_FORMAT[grain], labelAngle=0)),
        y=alt.Y("sum(articles):Q", title="المقالات", axis=_count_axis(alt, max(totals_by_period.values()))),
        color=alt.Color("outlet:N", title="المنبر", sort=order),
        order=alt.Order("outlet_rank:Q"),
        tooltip=[alt.Tooltip("outlet:N", title="المنبر"),
                 alt.Tooltip(f"{_TIME_UNIT[grain]}(period):T", title="الفترة", format="%e %b %Y"),
                 alt.Tooltip("sum(articles):Q", title="المقالات", format=",d")],
    ).transform_calculate(
        outlet_rank=f"indexof({json.dumps(order)}, datum.outlet)"
    ).properties(width="container", height=260)
    return _config(chart, data)


def topic_share(rows: list[dict]) -> dict | None:
    """100 % stacked bars: each topic's share of the period's articles."""
    alt = _alt()
    if not rows:
        return None
    grain = rows[0]["grain"]
    data = [{"period": r["period"].isoformat(), "topic": L.TOPICS.get(r["topic"], r["topic"]),
             "articles": r["articles"]} for r in rows if r["period"] is not None]
    totals: dict[str, int] = defaultdict(int)
    for d in data:
        totals[d["topic"]] += d["articles"]
    order = [t for t, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))]
    chart = alt.Chart(_placeholder()).mark_bar().encode(
        x=alt.X(f"{_TIME_UNIT[grain]}(period):T", title=None, axis=alt.Axis(format=_AXIS_FORMAT[grain], labelAngle=0)),
        y=alt.Y("sum(articles):Q", stack="normalize", title="الحصة", axis=alt.Axis(format="%")),
        color=alt.Color("topic:N", title="الموضوع", sort=order),
        order=alt.Order("topic_rank:Q"),
        tooltip=[alt.Tooltip("topic:N", title="الموضوع"),
                 alt.Tooltip(f"{_TIME_UNIT[grain]}(period):T", title="الفترة", format="%e %b %Y"),
                 alt.Tooltip("sum(articles):Q", title="المقالات", format=",d")],
    ).transform_calculate(topic_rank=f"indexof({json.dumps(order)}, datum.topic)").properties(width="container", height=240)
    return _config(chart, data)


def _hbar(data: list[dict], label: str, value: str, value_title: str, color: str | None = None,
          color_title: str = "", marker: str | None = None, marker_title: str = "") -> dict:
    """Right-to-left horizontal bars: labels on the right, bars growing leftwards, in data order."""
    alt = _alt()
    order = [d[label] for d in data]
    top = max([d[value] for d in data] + [d[marker] or 0 for d in data if marker] + [1])
    y = alt.Y(f"{label}:N", sort=order, title=None, axis=alt.Axis(orient="right", labelLimit=280, labelFontSize=12))
    tooltip = [alt.Tooltip(f"{label}:N", title=L.COLUMNS.get(label, label)),
               alt.Tooltip(f"{value}:Q", title=value_title, format=",d")]
    if marker:
        tooltip.append(alt.Tooltip(f"{marker}:Q", title=marker_title, format=",d"))
    enc: dict[str, Any] = {
        "y": y,
        "x": alt.X(f"{value}:Q", title=value_title, scale=alt.Scale(reverse=True), axis=_count_axis(alt, top)),
        "tooltip": tooltip,
    }
    if color:
        enc["color"] = alt.Color(f"{color}:N", title=color_title)
    bars = alt.Chart().mark_bar(color=PALETTE[0]).encode(**enc)
    layers = [bars]
    if marker:
        layers.append(alt.Chart().mark_tick(color="#222", thickness=2, size=14).encode(
            y=y, x=alt.X(f"{marker}:Q", scale=alt.Scale(reverse=True), axis=_count_axis(alt, top)), tooltip=tooltip))
    chart = alt.layer(*layers, data=_placeholder()).properties(width="container", height=max(60, 22 * len(data)))
    return _config(chart, data, legend="left")


def top_organisations(rows: list[dict]) -> dict | None:
    if not rows:
        return None
    data = [{"organisation": r["organisation"], "articles": r["articles"], "previous_articles": r["previous_articles"],
             "org_type": L.ORG_TYPES.get(r["org_type"] or "", r["org_type"] or "—")} for r in rows[:20]]
    return _hbar(data, "organisation", "articles", "المقالات في الفترة", color="org_type", color_title="النوع",
                 marker="previous_articles", marker_title="مقالات الفترة السابقة")


def top_speakers(rows: list[dict]) -> dict | None:
    if not rows:
        return None
    data = [{"speaker": r["speaker"], "quotes": r["quotes"],
             "speaker_type": L.SPEAKER_TYPES.get(r["speaker_type"] or "", r["speaker_type"] or "—")} for r in rows[:20]]
    return _hbar(data, "speaker", "quotes", "التصريحات", color="speaker_type", color_title="الصفة")
