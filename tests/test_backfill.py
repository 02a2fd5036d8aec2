"""`akhbar backfill`: re-ingest the lake's pages of a date range, or those an older pipeline version
wrote, from their source files; their rows are replaced (never duplicated), the others untouched.
Real CLI processes against a real Prefect server."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from flows.process import PIPELINE_VERSION
from tests.opshelp import AKHBAR, child_env, duplicates, genpages, prefect_server, read_column, write_pages

pytestmark = pytest.mark.slow
N = 240


def _articles(lake: Path) -> dict[str, dict]:
    rows = pq.read_table(lake / "articles", columns=["page_id", "ingested_at", "pipeline_version", "source_path"])
    return {r["page_id"]: r for r in rows.to_pylist()}


def test_backfill_date_range_and_stale_versions(tmp_path: Path) -> None:
    ids = write_pages(tmp_path / "in", N)
    dates = {pid: genpages.page_date(i) for i, pid in enumerate(ids)}
    lake, catalog = tmp_path / "lake", tmp_path / "akhbar.duckdb"
    common = ["--lake", str(lake), "--catalog", str(catalog), "--extractors", "headlines", "--json"]
    with prefect_server(tmp_path) as server_env:
        env = child_env(server_env)

        def akhbar(*args: str) -> subprocess.CompletedProcess:
            done = subprocess.run([AKHBAR, *args], env=env, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr[-3000:]
            return done

        akhbar("run", "--input", str(tmp_path / "in"), "--no-report", *common)
        before = _articles(lake)
        n_heads = len(read_column(lake, "headlines", "headline_id"))

        # A date range: only the pages published in it are re-ingested.
        lo, hi = date(2022, 3, 1), date(2022, 8, 31)
        in_range = {p for p, d in dates.items() if lo <= d <= hi}
        dry = akhbar("backfill", "--from", lo.isoformat(), "--to", hi.isoformat(), "--dry-run", *common)
        assert len(dry.stdout.split()) == len(in_range) and f"{len(in_range)} pages in the lake match" in dry.stderr
        out = json.loads(akhbar("backfill", "--from", lo.isoformat(), "--to", hi.isoformat(), *common).stdout)
        after = _articles(lake)
        assert out["pages_parsed"] == len(in_range) and out["backfill"]["matched_pages"] == len(in_range)
        assert set(after) == set(before) == set(ids)
        changed = {p for p in ids if after[p]["ingested_at"] != before[p]["ingested_at"]}
        assert changed == in_range
        assert duplicates(read_column(lake, "articles", "page_id")) == 0
        heads = read_column(lake, "headlines", "headline_id")
        assert len(heads) == n_heads and duplicates(heads) == 0

        # Pages written by an older pipeline version (rewrite one committed file as an old run would have).
        old_file = sorted((lake / "articles").glob("*.parquet"))[0]
        t = pq.read_table(old_file)
        old_ids = set(t.column("page_id").to_pylist())
        i = t.schema.get_field_index("pipeline_version")
        t = t.set_column(i, "pipeline_version", pa.array(["akhbar-0.0.1"] * t.num_rows, type=pa.string()))
        pq.write_table(t, old_file.with_suffix(".tmp"))
        old_file.with_suffix(".tmp").replace(old_file)
        # One source file is gone: its page keeps its rows and is reported.
        gone = next(p for p in ids if p in old_ids)
        Path(after[gone]["source_path"]).unlink()
        out = json.loads(akhbar("backfill", "--stale", *common).stdout)
        assert out["backfill"]["matched_pages"] == len(old_ids)
        assert len(out["backfill"]["missing_files"]) == 1 and out["pages_parsed"] == len(old_ids) - 1
        final = pq.read_table(lake / "articles")
        versions = pc.value_counts(final.column("pipeline_version")).to_pylist()
        assert {v["values"]: v["counts"] for v in versions} == {PIPELINE_VERSION: N - 1, "akhbar-0.0.1": 1}
        assert sorted(final.column("page_id").to_pylist()) == sorted(ids)
        assert duplicates(read_column(lake, "headlines", "headline_id")) == 0
        assert list((lake / "_staging").iterdir()) == []
