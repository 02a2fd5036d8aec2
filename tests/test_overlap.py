"""Overlapping runs, with real processes: two `akhbar run` at once on overlapping inputs, a run that
gives up when the lake stays busy, and several processes committing the same pages at the same time
(what Dask workers of one run do) - never a duplicate, never a lost page."""

from __future__ import annotations

import json
import multiprocessing as mp
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

from tests.opshelp import AKHBAR, child_env, duplicates, prefect_server, read_column, write_pages

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with prefect_server(tmp_path_factory.mktemp("prefect")) as env:
        yield child_env(env)


def _cmd(lake: Path, *inputs: Path, extra: tuple[str, ...] = ()) -> list[str]:
    cmd = [AKHBAR, "run", "--lake", str(lake), "--catalog", str(lake.parent / "akhbar.duckdb"), "--no-report",
           "--extractors", "headlines", "--shard-pages", "50", "--json", *extra]
    for i in inputs:
        cmd += ["--input", str(i)]
    return cmd


def test_two_runs_at_once(server: dict[str, str], tmp_path: Path) -> None:
    a = write_pages(tmp_path / "a", 300, start=0)
    b = write_pages(tmp_path / "b", 300, start=300)
    c = write_pages(tmp_path / "c", 300, start=600)
    lake = tmp_path / "lake"
    p1 = subprocess.Popen(_cmd(lake, tmp_path / "a", tmp_path / "b"), env=server, stdout=subprocess.PIPE, text=True)
    p2 = subprocess.Popen(_cmd(lake, tmp_path / "b", tmp_path / "c"), env=server, stdout=subprocess.PIPE, text=True)
    out1, out2 = p1.communicate(timeout=300), p2.communicate(timeout=300)
    assert p1.returncode == 0 and p2.returncode == 0
    s1, s2 = json.loads(out1[0]), json.loads(out2[0])
    articles = read_column(lake, "articles", "page_id")
    headlines = read_column(lake, "headlines", "headline_id")
    print(f"\noverlap: run 1 parsed {s1['pages_parsed']} skipped {s1['files_unchanged']}, run 2 parsed "
          f"{s2['pages_parsed']} skipped {s2['files_unchanged']}; lake {len(articles)} articles, "
          f"duplicates {duplicates(articles)} / {duplicates(headlines)}")
    assert sorted(articles) == sorted(a + b + c)
    assert duplicates(headlines) == 0
    assert s1["rows_written"]["articles"] + s2["rows_written"]["articles"] == 900
    assert s1["pages_parsed"] + s2["pages_parsed"] == 900  # the second waited, then skipped what the first wrote
    # the second waited, then skipped the 300 files the first had settled, without reading them
    assert sorted([s1["files_unchanged"], s2["files_unchanged"]]) == [0, 300]
    assert s1["skipped_in_lake"] == s2["skipped_in_lake"] == 0


def test_busy_lake_times_out_and_writes_nothing(server: dict[str, str], tmp_path: Path) -> None:
    """While another process holds the lake (here: this test process), a run with a short
    --lock-timeout gives up with a clear message and writes nothing; once free, it runs."""
    from flows.lake import Lake

    write_pages(tmp_path / "small", 20, start=5000)
    lake = Lake(tmp_path / "lake")
    cmd = _cmd(lake.root, tmp_path / "small", extra=("--lock-timeout", "2"))
    with lake.write_lock(timeout=5):
        t = time.monotonic()
        busy = subprocess.run(cmd, env=server, capture_output=True, text=True, timeout=120)
        waited = time.monotonic() - t
    assert busy.returncode != 0 and "another run is writing" in busy.stderr, busy.stderr[-2000:]
    assert waited >= 2
    assert read_column(lake.root, "articles", "page_id") == [] and list(lake.commits.glob("*.json")) == []
    free = subprocess.run(cmd, env=server, capture_output=True, text=True, timeout=120)
    assert free.returncode == 0 and json.loads(free.stdout)["pages_parsed"] == 20


def _commit_same_pages(lake_root: str, folder: str, start, out) -> None:  # noqa: ANN001
    from flows.inputs import discover, read_units
    from flows.lake import Lake
    from flows.process import ShardProcessor

    lake = Lake(lake_root)
    known = lake.marker_names()
    units = (u for f in discover([folder]) for u in read_units(f))
    batches = list(ShardProcessor(np.empty(0, dtype=np.uint64), batch_size=25, extractors=("headlines",)).run(units))
    staged = [lake.stage(b.tables, b.page_ids) for b in batches]
    start.wait()
    out.put(sum(len(lake.commit(s, known).page_ids) for s in staged))


def test_processes_committing_the_same_pages(tmp_path: Path) -> None:
    """Four processes stage the same 100 pages and commit them at the same moment: one copy survives."""
    from flows.lake import Lake

    ids = write_pages(tmp_path / "in", 100)
    lake = Lake(tmp_path / "lake")
    lake.ensure()
    ctx = mp.get_context("spawn")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=_commit_same_pages, args=(str(lake.root), str(tmp_path / "in"), start, out))
             for _ in range(4)]
    for p in procs:
        p.start()
    time.sleep(1.0)
    start.set()
    committed = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    articles = read_column(lake.root, "articles", "page_id")
    assert sum(committed) == 100 and sorted(articles) == sorted(ids)
    assert duplicates(read_column(lake.root, "headlines", "headline_id")) == 0
    assert list((lake.root / "_staging").iterdir()) == []
