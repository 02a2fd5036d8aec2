"""Inside a Prefect flow or task run, write_report also publishes the report's summary as Prefect
artifacts (the Markdown summary, and the top organisations as a table) so that the run page in the
Prefect UI shows it; outside a run it publishes nothing.

Prefect's API is replaced by recorders in the default tests: a real flow run needs Prefect's temporary
server, which takes 20-90 s to start on a fresh PREFECT_HOME here (more than this file's time budget).
AKHBAR_PREFECT_E2E=1 also runs the report in a real flow and reads the artifacts back from Prefect.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from flows.catalog import refresh_catalog

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_reports import HOSTILE, ISESCO, sample_tables, write_tables  # noqa: E402


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    return refresh_catalog(write_tables(tmp_path / "lake", sample_tables()), tmp_path / "c.duckdb")


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[dict]]:
    import prefect.artifacts

    calls: dict[str, list[dict]] = {"markdown": [], "table": []}
    monkeypatch.setattr(prefect.artifacts, "create_markdown_artifact", lambda **kw: calls["markdown"].append(kw))
    monkeypatch.setattr(prefect.artifacts, "create_table_artifact", lambda **kw: calls["table"].append(kw))
    return calls


def test_artifacts_published_inside_a_run(catalog: Path, tmp_path: Path, recorded: dict,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.reporting as reporting

    monkeypatch.setattr(reporting, "_in_prefect_run", lambda: True)
    path = reporting.write_report(str(catalog), str(tmp_path / "out" / "report.html"))

    (md,) = recorded["markdown"]
    assert md["key"] == reporting.ARTIFACT_MARKDOWN
    assert md["markdown"].startswith("# تقرير أخبار") and path in md["markdown"]
    assert "الأمم المتحدة" in md["markdown"] and "<script>" not in md["markdown"]
    assert md["markdown"].startswith((tmp_path / "out" / "report.md").read_text(encoding="utf-8"))

    (table,) = recorded["table"]
    assert table["key"] == reporting.ARTIFACT_TABLE
    orgs = {r["organisation"]: r for r in table["table"]}
    assert orgs["الأمم المتحدة"]["articles"] == 2 and orgs[ISESCO]["mentions"] == 2
    assert all(set(r) == {"organisation", "type", "articles", "mentions", "previous_articles", "change", "change_pct"}
               for r in table["table"])
    assert HOSTILE not in str(table["table"])


def test_no_artifacts_outside_a_run(catalog: Path, tmp_path: Path, recorded: dict) -> None:
    from flows.reporting import _in_prefect_run, write_report

    assert not _in_prefect_run()
    write_report(str(catalog), str(tmp_path / "report.html"))
    assert recorded == {"markdown": [], "table": []}


def test_artifact_failure_does_not_lose_the_report(catalog: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import prefect.artifacts

    import flows.reporting as reporting

    def boom(**_: object) -> None:
        raise RuntimeError("no Prefect API")

    monkeypatch.setattr(reporting, "_in_prefect_run", lambda: True)
    monkeypatch.setattr(prefect.artifacts, "create_markdown_artifact", boom)
    path = reporting.write_report(str(catalog), str(tmp_path / "report.html"))
    assert Path(path).exists()


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("AKHBAR_PREFECT_E2E"),
                    reason="starts Prefect's temporary server (20-90 s here); set AKHBAR_PREFECT_E2E=1 to run")
def test_artifacts_in_a_real_flow_run(catalog: Path, tmp_path: Path) -> None:
    from prefect import flow
    from prefect.artifacts import Artifact

    from flows.reporting import ARTIFACT_MARKDOWN, ARTIFACT_TABLE, write_report

    @flow(name="akhbar-report-artifacts-test")
    def report_flow() -> str:
        return write_report(str(catalog), str(tmp_path / "out" / "report.html"))

    path = report_flow()
    markdown = Artifact.get(ARTIFACT_MARKDOWN)
    assert markdown is not None and markdown.type == "markdown"
    assert "# تقرير أخبار" in markdown.data and "الأمم المتحدة" in markdown.data and path in markdown.data
    table = Artifact.get(ARTIFACT_TABLE)
    assert table is not None and table.type == "table"
    rows = json.loads(table.data) if isinstance(table.data, str) else table.data
    assert {r["organisation"] for r in rows} >= {"الأمم المتحدة", ISESCO}
