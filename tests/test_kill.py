"""Kill safety: real `akhbar run` processes SIGKILLed at random points, many times, then a final run.

A pool of runs is kept alive against one long-running Prefect server (a temporary server per run
would cost ~15 s each): the one holding the lake's lock is killed after a random delay while the
others wait for the lock, so kills land in staging, in commit records and in the moves after them.
The killed runs are forked from a process that imported akhbar and Prefect once (tests/zygote.py:
each is a real process running what the `akhbar` script runs); the final run is the console script.
New pages keep arriving in the inbox meanwhile. After every kill the lake must read back with no
duplicate; after the final run every input page must be in it exactly once, with every headline.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from tests.opshelp import (
    AKHBAR,
    child_env,
    duplicates,
    expected_headline_ids,
    prefect_server,
    read_column,
    write_pages,
)

KILLS = 32
# A liveness bound, not a speed test: 66 s on a quiet 2-core machine; 29 kills took 600 s once while a
# clone installed and ran the whole suite beside it.
BUDGET_S = 1800
POOL = 3
INITIAL_PAGES = 2000
NEW_PAGES_PER_KILL = 50


class ForkedRun:
    """A run forked by the zygote: enough of Popen's interface for the loop below."""

    def __init__(self, pid: int, rc_dir: Path) -> None:
        self.pid, self.rc_file, self.returncode = pid, rc_dir / f"{pid}.rc", None

    def poll(self) -> int | None:
        if self.returncode is None:
            if self.rc_file.exists() and self.rc_file.read_text():
                self.returncode = int(self.rc_file.read_text())
            elif not _alive(self.pid):
                # It may have written its exit code just before dying: look once more.
                text = self.rc_file.read_text() if self.rc_file.exists() else ""
                self.returncode = int(text) if text else -signal.SIGKILL
        return self.returncode

    def wait(self, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while self.poll() is None:
            assert time.monotonic() < deadline, f"run {self.pid} did not end"
            time.sleep(0.02)
        return self.returncode


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


class Zygote:
    def __init__(self, env: dict[str, str], rc_dir: Path) -> None:
        rc_dir.mkdir(parents=True, exist_ok=True)
        self.rc_dir = rc_dir
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("zygote.py")), str(rc_dir)],
                                     env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def spawn(self, argv: list[str]) -> ForkedRun:
        self.proc.stdin.write(json.dumps(argv) + "\n")
        self.proc.stdin.flush()
        return ForkedRun(json.loads(self.proc.stdout.readline())["pid"], self.rc_dir)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(30)


def _holder(lake: Path) -> int | None:
    try:
        return int((lake / "_run.lock").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


# When to kill the run holding the lock: at a random moment from its start (recovery, state, first
# shards), at a random moment after its first commit, or the instant a commit record exists while its
# files are still staged (between the commit point and the end of the moves).
MODES = ("random", "after-commit", "at-commit-point", "after-commit")


def _commits(lake: Path) -> int:
    try:
        return sum(1 for e in os.scandir(lake / "_commits") if e.name.endswith(".json"))
    except OSError:
        return 0


def _at_commit_point(lake: Path) -> bool:
    try:
        return any((lake / "_commits" / f"{e.name}.json").exists() for e in os.scandir(lake / "_staging"))
    except OSError:
        return False


def _wait_for(mode: str, lake: Path, proc: ForkedRun, rng: random.Random) -> bool:
    """Sleep until the moment to kill; False if the run ended first."""
    if mode == "random":
        time.sleep(rng.uniform(0.0, 2.0))
        return True
    base = _commits(lake)
    deadline = time.monotonic() + 30
    while _commits(lake) == base:
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    if mode == "after-commit":
        time.sleep(rng.uniform(0.0, 0.8))
        return True
    while not _at_commit_point(lake):
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
    return True


def _snapshot(lake: Path) -> str:
    """Where the kill landed, judged from what it left: staged batches with or without a commit record."""
    staging = lake / "_staging"
    folders = [p for p in staging.iterdir() if p.is_dir()] if staging.exists() else []
    committed = [p for p in folders if (lake / "_commits" / f"{p.name}.json").exists()]
    if committed:
        return "after commit point (moves unfinished)"
    if folders:
        return "while staging (no commit record)"
    return "between batches"


def _kill_loop(cmd: list[str], zygote: Zygote, pool: list[ForkedRun], lake: Path, inbox: Path,
               ids: list[str], started: float) -> tuple[int, Counter[str], int, int]:
    rng = random.Random(7)
    landed: Counter[str] = Counter()
    finished_alone = dup_seen = kills = 0
    next_page = len(ids)
    last_holder: int | None = None
    while kills < KILLS:
        assert time.monotonic() - started < BUDGET_S, f"only {kills} kills in {BUDGET_S} s"
        done = [p for p in pool if p.poll() is not None]
        for p in done:
            pool.remove(p)
            assert p.returncode == 0, f"a run failed with code {p.returncode}"
            finished_alone += 1
        if done:
            # A run that ended alone may have ingested everything: without new pages the next runs
            # would commit nothing, and a kill waiting for a commit would never land.
            ids += write_pages(inbox / "b", NEW_PAGES_PER_KILL, start=next_page)
            next_page += NEW_PAGES_PER_KILL
        while len(pool) < POOL:
            pool.append(zygote.spawn(cmd[1:]))
        holder = _holder(lake)
        ours = {p.pid: p for p in pool}
        if holder not in ours or holder == last_holder:
            time.sleep(0.05)
            continue
        last_holder = holder
        proc = ours[holder]
        mode = MODES[kills % len(MODES)]
        if not _wait_for(mode, lake, proc, rng) or proc.poll() is not None:
            continue
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        pool.remove(proc)
        kills += 1
        where = _snapshot(lake)
        landed[where] += 1
        print(f"  kill {kills:2d} at {time.monotonic() - started:5.1f} s ({mode}): {where}", flush=True)
        # What a reader sees right now (the next run may already be recovering): no duplicate.
        dup_seen += duplicates(read_column(lake, "articles", "page_id"))
        dup_seen += duplicates(read_column(lake, "headlines", "headline_id"))
        ids += write_pages(inbox / "b", NEW_PAGES_PER_KILL, start=next_page)
        next_page += NEW_PAGES_PER_KILL
    return kills, landed, finished_alone, dup_seen


@pytest.mark.slow
def test_sigkill_runs_many_times(tmp_path: Path) -> None:
    inbox, lake, catalog = tmp_path / "inbox", tmp_path / "lake", tmp_path / "akhbar.duckdb"
    ids = write_pages(inbox / "a", INITIAL_PAGES, start=0)
    cmd = [AKHBAR, "run", "--input", str(inbox), "--lake", str(lake), "--catalog", str(catalog), "--no-report",
           "--extractors", "headlines", "--shard-pages", "20", "--json"]
    started = time.monotonic()
    with prefect_server(tmp_path) as server_env:
        env = child_env(server_env)
        pool: list[ForkedRun] = []
        waiting_killed = 0
        zygote = Zygote(env, tmp_path / "rc")
        try:
            kills, landed, finished_alone, dup_seen = _kill_loop(cmd, zygote, pool, lake, inbox, ids, started)
        finally:
            for p in pool:  # runs still waiting for the lock (or running): killed too, never left behind
                if p.poll() is None:
                    os.kill(p.pid, signal.SIGKILL)
                    waiting_killed += 1
                p.wait()
            zygote.close()
        rows_before_final = len(read_column(lake, "articles", "page_id"))
        final = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert final.returncode == 0, final.stderr[-3000:]

    articles = read_column(lake, "articles", "page_id")
    headlines = read_column(lake, "headlines", "headline_id")
    want_headlines = expected_headline_ids(inbox)
    lost_pages = len(set(ids) - set(articles))
    lost_headlines = len(want_headlines - set(headlines))
    extra = len(set(articles) - set(ids)) + len(set(headlines) - want_headlines)
    staging_left = list((lake / "_staging").iterdir())
    with duckdb.connect(str(catalog), read_only=True) as con:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        n_distinct = con.execute("SELECT count(DISTINCT page_id) FROM articles").fetchone()[0]
    print(
        f"\nkill test: {kills} runs SIGKILLed while holding the lake ({dict(landed)}), "
        f"{waiting_killed} more killed while waiting, {finished_alone} finished on their own; "
        f"{len(ids)} input pages, {rows_before_final} in the lake before the final run; "
        f"final: articles {len(articles)} (lost {lost_pages}, duplicates {duplicates(articles)}), "
        f"headlines {len(headlines)} (lost {lost_headlines}, duplicates {duplicates(headlines)}), "
        f"unexpected rows {extra}, duplicates seen by readers between kills {dup_seen}, "
        f"staging left {len(staging_left)}, {time.monotonic() - started:.0f} s"
    )
    assert kills >= 30
    assert dup_seen == 0
    assert lost_pages == 0 and duplicates(articles) == 0 and len(articles) == len(ids)
    assert lost_headlines == 0 and duplicates(headlines) == 0 and extra == 0
    assert staging_left == []
    assert n_articles == n_distinct == len(ids)
