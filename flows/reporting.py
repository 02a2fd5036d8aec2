"""Glue between the flow and the report renderer: open the catalog read-only, render, return the path.

Inside a Prefect flow or task run it also publishes the summary as Prefect artifacts (the
Markdown summary, and the top organisations as a table) so that the run page in the Prefect UI
shows what the report says.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

import duckdb

log = logging.getLogger(__name__)

ARTIFACT_MARKDOWN = "akhbar-report"
ARTIFACT_TABLE = "akhbar-top-organisations"


def _in_prefect_run() -> bool:
    """True inside a flow or task run. A process that has not imported Prefect cannot be in one,
    and importing it only to ask costs seconds (the `akhbar report` command never needs it)."""
    if "prefect" not in sys.modules:
        return False
    from prefect.context import FlowRunContext, TaskRunContext

    return FlowRunContext.get() is not None or TaskRunContext.get() is not None


def _table_rows(rendered) -> list[dict]:  # noqa: ANN001 - reports.render.Rendered
    from reports.render import fmt

    rows = []
    for r in rendered.data.results["top_organisations"].records()[:25]:
        rows.append({
            "organisation": r["organisation"],
            "type": fmt(r["org_type"], "org_type"),
            "articles": r["articles"],
            "mentions": r["mentions"],
            "previous_articles": r["previous_articles"],
            "change": r["change"],
            "change_pct": r["change_pct"],
        })
    return rows


def publish_artifacts(rendered) -> None:  # noqa: ANN001 - reports.render.Rendered
    """Markdown summary and top-organisations table as Prefect artifacts of the current run."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    markdown = rendered.markdown.read_text(encoding="utf-8")
    markdown += f"\n\nFull report: `{rendered.html}`\n"
    create_markdown_artifact(markdown=markdown, key=ARTIFACT_MARKDOWN, description="akhbar report summary")
    rows = _table_rows(rendered)
    if rows:
        create_table_artifact(table=rows, key=ARTIFACT_TABLE, description="Top organisations of the report's period")


def write_report(
    catalog: str,
    out: str,
    date_from: date | None = None,
    date_to: date | None = None,
    outlet: str | None = None,
) -> str:
    from reports.render import render

    con = duckdb.connect(catalog, read_only=True)
    try:
        rendered = render(con, Path(out), date_from=date_from, date_to=date_to, outlet=outlet)
    finally:
        con.close()
    if _in_prefect_run():
        try:
            publish_artifacts(rendered)
        except Exception as exc:  # noqa: BLE001 - the report is written; artifacts are a convenience
            log.warning("could not publish the report artifacts: %s", exc)
    return str(rendered.html)
