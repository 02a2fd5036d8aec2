"""Scale-out: the same flow with its shard tasks on a Dask cluster (`akhbar run --dask-address`),
tested with a real local cluster of two worker processes and a real Prefect server."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.opshelp import AKHBAR, child_env, duplicates, prefect_server, read_column, write_pages

pytestmark = pytest.mark.slow


def test_shards_run_on_two_dask_workers(tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    ids = write_pages(tmp_path / "in", 600)
    lake = tmp_path / "lake"
    with prefect_server(tmp_path) as server_env:
        saved = {k: os.environ.get(k) for k in server_env}
        os.environ.update(server_env)  # the workers run Prefect task runs: they report to this server
        try:
            with LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as cluster, \
                    Client(cluster) as client:
                cmd = [AKHBAR, "run", "--input", str(tmp_path / "in"), "--lake", str(lake),
                       "--catalog", str(tmp_path / "akhbar.duckdb"), "--no-report", "--extractors", "headlines",
                       "--shard-pages", "50", "--json", "--dask-address", cluster.scheduler_address]
                run = subprocess.run(cmd, env=child_env(server_env), capture_output=True, text=True, timeout=300)
                assert run.returncode == 0, run.stderr[-3000:]
                per_worker = client.run(lambda dask_worker: dask_worker.state.executed_count)
                pids = client.run(os.getpid)
                again = subprocess.run(cmd, env=child_env(server_env), capture_output=True, text=True, timeout=300)
                assert again.returncode == 0, again.stderr[-3000:]
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
    summary, rerun = json.loads(run.stdout), json.loads(again.stdout)
    print(f"\ndask: {summary['shards']} shards, tasks per worker {per_worker}, worker pids {sorted(pids.values())}")
    assert summary["shards"] == 12 and summary["pages_parsed"] == 600
    assert len(per_worker) == 2 and all(n >= 1 for n in per_worker.values())  # both processes did shards
    assert sum(per_worker.values()) >= 12
    assert os.getpid() not in pids.values()
    articles = read_column(lake, "articles", "page_id")
    assert sorted(articles) == sorted(ids) and duplicates(read_column(lake, "headlines", "headline_id")) == 0
    assert rerun["pages_parsed"] == 0 and rerun["files_unchanged"] == 600 and rerun["rows_written"] == {}
