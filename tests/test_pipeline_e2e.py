"""The real Prefect flow end to end on the bundled samples: lake, catalog, report, reruns.

One module so the Prefect temporary server (15-25 s to start here) is paid once.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    from flows.pipeline import ingest

    base = tmp_path_factory.mktemp("e2e")
    inputs = base / "inbox"
    shutil.copytree(SAMPLES, inputs)
    paths = {"lake": str(base / "lake"), "catalog": str(base / "akhbar.duckdb"), "report": str(base / "report.html")}
    first = ingest(inputs=[str(inputs)], **paths)
    return base, inputs, paths, first


def q(catalog: str, sql: str):
    con = duckdb.connect(catalog, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_first_run_summary(run) -> None:
    _, inputs, _, s = run
    n_files = sum(1 for p in inputs.rglob("*") if p.is_file())
    assert s["files_seen"] == n_files
    assert s["pages_parsed"] >= 300
    assert s["quarantined"] == {"empty": 1, "binary": 1, "no_title": 1, "no_body": 1, "bad_json": 1}
    assert s["rows_written"]["articles"] == s["pages_parsed"]
    assert s["rows_written"]["quarantine"] == 5
    assert s["rows_written"]["sources"] == n_files
    # each shard fits one batch, so one commit each: files are settled with their pages, not after
    assert len(list(Path(s["lake"], "_commits").glob("*.json"))) == s["shards"]
    for table in ("headlines", "topics", "keywords", "organisations", "quotes"):
        assert s["rows_written"].get(table, 0) > 0, table
    for stage in ("parse", "headlines", "write", "catalog", "report", "flow_total"):
        assert stage in s["seconds"]


def test_catalog_views_work_from_any_directory(run, tmp_path) -> None:
    _, _, paths, s = run
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        (n,) = q(paths["catalog"], "SELECT count(*) FROM articles")[0]
    finally:
        os.chdir(cwd)
    assert n == s["pages_parsed"]


def test_seed_page_in_lake(run) -> None:
    _, _, paths, _ = run
    rows = q(paths["catalog"], """
        SELECT a.outlet, a.published_date, len(a.paragraphs), count(*) FILTER (WHERE h.kind = 'ticker'),
               count(*) FILTER (WHERE h.kind = 'related')
        FROM articles a JOIN headlines h USING (page_id)
        WHERE a.title LIKE 'مؤتمر الرباط الدولي لمكافحة الإرهاب. خبراء%' GROUP BY ALL""")
    assert len(rows) == 1
    outlet, published, n_paragraphs, n_ticker, n_related = rows[0]
    assert (outlet, str(published), n_paragraphs, n_ticker, n_related) == ("القناة", "2022-06-08", 15, 57, 1)


def test_every_input_is_accounted_for(run) -> None:
    """No silent loss: every page is an article row or a quarantine row."""
    _, _, paths, s = run
    (arts, quar) = q(paths["catalog"], "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quarantine)")[0]
    assert arts + quar == s["pages_parsed"] + sum(s["quarantined"].values())
    dupes = q(paths["catalog"], "SELECT count(*) - count(DISTINCT page_id) FROM articles")[0][0]
    assert dupes == 0
    dupes = q(paths["catalog"], "SELECT count(*) - count(DISTINCT headline_id) FROM headlines")[0][0]
    assert dupes == 0


def test_rerun_adds_nothing_and_reprocess_replaces(run) -> None:
    from flows.pipeline import ingest

    _, inputs, paths, first = run
    counts = {t: q(paths["catalog"], f"SELECT count(*) FROM {t}")[0][0] for t in ("articles", "headlines", "quarantine")}
    settled = q(paths["catalog"], "SELECT count(*), sum(units) FROM sources")[0]
    assert settled == (first["files_seen"], first["pages_parsed"] + sum(first["quarantined"].values()))
    again = ingest(inputs=[str(inputs)], **paths)  # unchanged files: not even read
    assert again["pages_parsed"] == 0 and again["rows_written"] == {} and again["files_seen"] == 0
    assert again["files_unchanged"] == first["files_seen"] and again["skipped_in_lake"] == 0
    assert {t: q(paths["catalog"], f"SELECT count(*) FROM {t}")[0][0] for t in counts} == counts
    touched = sorted(p for p in Path(inputs).rglob("*") if p.is_file())[:7]
    for p in touched:  # a new mtime, the same bytes: read again, every page found in the lake
        os.utime(p, ns=(p.stat().st_atime_ns, p.stat().st_mtime_ns + 1_000_000_000))
    again = ingest(inputs=[str(inputs)], **paths)
    assert again["files_seen"] == 7 and again["files_unchanged"] == first["files_seen"] - 7
    assert again["pages_parsed"] == 0 and again["skipped_in_lake"] >= 7
    assert again["rows_written"] == {"sources": 7}
    assert {t: q(paths["catalog"], f"SELECT count(*) FROM {t}")[0][0] for t in counts} == counts
    redo = ingest(inputs=[str(inputs)], reprocess=True, **paths)
    assert redo["replaced_rows"] > 0 and redo["rows_written"]["sources"] == first["files_seen"]
    assert {t: q(paths["catalog"], f"SELECT count(*) FROM {t}")[0][0] for t in counts} == counts
    # every file was settled again: the view keeps its latest row, one per file version
    assert q(paths["catalog"], "SELECT count(*), count(DISTINCT source_key) FROM sources")[0] == (
        first["files_seen"] + 7,
    ) * 2
    assert not list(Path(paths["lake"], "_staging").iterdir())


def test_report_written(run) -> None:
    _, _, paths, _ = run
    html = Path(paths["report"]).read_text(encoding="utf-8")
    assert 'dir="rtl"' in html


def test_cli_help_documents_every_command() -> None:
    exe = [sys.executable, "-m", "flows.cli"]
    top = subprocess.run([*exe, "--help"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    for command in ("run", "sql", "report", "catalog", "adapt-topics", "backfill"):
        assert command in top
        sub = subprocess.run([*exe, command, "--help"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
        assert "usage: akhbar " + command in sub
    out = subprocess.run([*exe, "run", "--input", "/nonexistent/x"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 2 and "input not found" in out.stderr


def test_adapt_topics_on_the_lake_then_run_with_the_adaptation(run, tmp_path, capsys) -> None:
    from flows.cli import main
    from flows.pipeline import ingest
    from flows.topic_models import record

    _, inputs, paths, _ = run
    out = tmp_path / "models" / "adapted.npz"
    assert main(["adapt-topics", "--lake", paths["lake"], "--out", str(out), "--json"]) == 0
    printed = capsys.readouterr()
    made = json.loads(printed.out)
    assert f"only {made['articles']} articles" in printed.err  # a note on what was measured with few
    assert made["articles"] == q(paths["catalog"], "SELECT count(DISTINCT article_id) FROM articles")[0][0]
    assert made["model_version"].startswith("topics-hashsvm-") and "+adapted." in made["model_version"]
    assert record(out)["made_from"]["lake"] == str(Path(paths["lake"]).resolve())
    # too few articles of one outlet: a clear error, no file
    assert main(["adapt-topics", "--lake", paths["lake"], "--out", str(tmp_path / "x.npz"), "--outlet", "nobody"]) == 1
    assert "no articles in" in capsys.readouterr().err and not (tmp_path / "x.npz").exists()
    other = {"lake": str(tmp_path / "lake"), "catalog": str(tmp_path / "a.duckdb"), "report": None}
    s = ingest(inputs=[str(inputs / "aggregator")], topic_model=str(out), **other)
    assert s["pages_parsed"] == 1
    versions = q(other["catalog"], "SELECT DISTINCT model_version FROM topics")
    assert versions == [(made["model_version"],)]
    assert q(other["catalog"], "SELECT count(*) FROM headlines WHERE kind <> 'title' AND topic IS NULL")[0][0] == 0
    assert main(["run", "--input", str(inputs / "aggregator"), "--topic-model", str(tmp_path / "none.npz"),
                 "--lake", other["lake"], "--catalog", other["catalog"], "--no-report"]) == 2
    assert "no topic adaptation file" in capsys.readouterr().err


def test_cli_sql_query(run) -> None:
    _, _, paths, _ = run
    out = subprocess.run(
        [sys.executable, "-m", "flows.cli", "sql", "SELECT count(*) AS n FROM quarantine", "--catalog",
         paths["catalog"], "--format", "csv"], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.splitlines() == ["n", "5"]


def test_report_artifacts_reach_prefect(run) -> None:
    """The flow's report task publishes its summary as Prefect artifacts (shown in the UI)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.reporting import ARTIFACT_MARKDOWN, ARTIFACT_TABLE

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_MARKDOWN, ARTIFACT_TABLE]))
        )
    kinds = {a.key: a.type for a in found}
    assert kinds.get(ARTIFACT_MARKDOWN) == "markdown"
    assert kinds.get(ARTIFACT_TABLE) == "table"
    summary = next(a for a in found if a.key == ARTIFACT_MARKDOWN)
    assert "akhbar" in str(summary.data).lower() or "تقرير" in str(summary.data)


def test_cli_runs_named_queries_with_parameters(run) -> None:
    _, _, paths, _ = run
    exe = [sys.executable, "-m", "flows.cli", "sql"]
    listed = subprocess.run([*exe, "--list-named"], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "top_speakers" in listed and "_macros" not in listed
    out = subprocess.run([*exe, "--named", "quality_quarantine", "--catalog", paths["catalog"], "--format", "csv"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert all(reason in out for reason in ("empty", "binary", "no_title", "no_body", "bad_json"))
    out = subprocess.run([*exe, "--named", "top_speakers", "--catalog", paths["catalog"], "--format", "csv",
                          "--param", "date_from=2022-06-01", "--param", "date_to=2022-06-30"],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "المصطفى الرزرازي" in out  # the seed page's most quoted speaker, the only page in June 2022
    bad = subprocess.run([*exe, "--named", "nope", "--catalog", paths["catalog"]], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "no named query" in bad.stderr
