"""`akhbar serve` for real: it starts its own Prefect server, registers the two cron deployments,
runs the inbox ingest on schedule and on demand, rebuilds the report, and stops cleanly on SIGTERM.

Talks to the server over its REST API only (what the UI and `prefect deployment run` use).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from flows.serve import server_healthy
from tests.opshelp import AKHBAR, child_env, free_port, read_column, write_pages


def _api(url: str, path: str, body: dict | None = None) -> object:
    """POST (or GET) the server's API, retrying 502/503 as Prefect's own client does: its SQLite
    database answers 503 while the scheduler and runs hold it on a loaded machine."""
    for attempt in range(6):
        req = urllib.request.Request(url + path, method="POST" if body is not None else "GET",
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return json.loads(resp.read())
        except urllib.error.HTTPError as exc:
            if exc.code not in (502, 503) or attempt == 5:
                raise
            time.sleep(2**attempt)
    raise AssertionError("unreachable")


def _wait(cond, timeout: float, what: str, proc: subprocess.Popen) -> object:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"akhbar serve exited early ({proc.returncode})"
        value = cond()
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def _state(url: str, run_id: str) -> str:
    return _api(url, f"/flow_runs/{run_id}")["state"]["type"]


@pytest.mark.slow
def test_serve_schedules_and_runs(tmp_path: Path) -> None:
    port = free_port()
    cfg = tmp_path / "akhbar.toml"
    cfg.write_text(
        f"""
[paths]
inbox = "inbox"
lake = "lake"
catalog = "akhbar.duckdb"
report = "reports/report.html"
[schedule]
ingest_cron = "* * * * *"
report_cron = "30 5 * * *"
timezone = "Africa/Casablanca"
[run]
shard_pages = 5
extractors = ["headlines"]
[server]
port = {port}
""",
        encoding="utf-8",
    )
    first = write_pages(tmp_path / "inbox", 40, start=0)
    env = child_env({"PREFECT_HOME": str(tmp_path / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    env.pop("PREFECT_API_URL", None)
    url = f"http://127.0.0.1:{port}/api"
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([AKHBAR, "serve", "--config", str(cfg), "--server-log", str(tmp_path / "server.log")],
                                env=env, stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path)
    try:
        deps = _wait(lambda: server_healthy(url) and len(_api(url, "/deployments/filter", {})) == 2 and
                     _api(url, "/deployments/filter", {}), 180, "two deployments", proc)
        by_name = {d["name"]: d for d in deps}
        assert set(by_name) == {"inbox", "daily"}
        crons = {n: [(s["schedule"]["cron"], s["schedule"]["timezone"]) for s in d["schedules"]] for n, d in by_name.items()}
        assert crons == {"inbox": [("* * * * *", "Africa/Casablanca")], "daily": [("30 5 * * *", "Africa/Casablanca")]}

        # On demand (what the UI's "Quick run" and `prefect deployment run` do).
        run = _api(url, f"/deployments/{by_name['inbox']['id']}/create_flow_run", {})
        _wait(lambda: _state(url, run["id"]) in ("COMPLETED", "FAILED", "CRASHED"), 150, "the manual run", proc)
        assert _state(url, run["id"]) == "COMPLETED", log.read_text()[-3000:]
        assert sorted(read_column(tmp_path / "lake", "articles", "page_id")) == sorted(first)

        # On schedule: new pages in the inbox are picked up by a run the scheduler created.
        more = write_pages(tmp_path / "inbox", 15, start=1000)
        since = time.time()

        def scheduled_done() -> bool:
            runs = _api(url, "/flow_runs/filter", {"flow_runs": {"deployment_id": {"any_": [by_name["inbox"]["id"]]}}})
            return any(r["auto_scheduled"] and r["state"]["type"] == "COMPLETED" and
                       r["end_time"] and _ts(r["end_time"]) > since for r in runs)

        _wait(scheduled_done, 150, "a scheduled run", proc)
        ids = read_column(tmp_path / "lake", "articles", "page_id")
        assert sorted(ids) == sorted(first + more)

        report_run = _api(url, f"/deployments/{by_name['daily']['id']}/create_flow_run", {})
        _wait(lambda: _state(url, report_run["id"]) in ("COMPLETED", "FAILED", "CRASHED"), 150, "the report run", proc)
        assert _state(url, report_run["id"]) == "COMPLETED", log.read_text()[-3000:]
        assert (tmp_path / "reports" / "report.html").stat().st_size > 0
        # The daily run compacted the 11 small commits (8 shards + 3) into one file per table.
        assert len(list((tmp_path / "lake" / "articles").glob("*.parquet"))) == 1
        assert sorted(read_column(tmp_path / "lake", "articles", "page_id")) == sorted(first + more)
        assert (tmp_path / "akhbar.duckdb").exists()
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
        rc = proc.wait(60)
    assert rc == 0, log.read_text()[-3000:]
    assert not server_healthy(url), "the server started by akhbar serve must stop with it"


def _ts(value: str) -> float:
    from datetime import datetime

    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def test_config_defaults_paths_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flows.config import Config, load_config

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AKHBAR_CONFIG", raising=False)
    cfg = load_config()  # no file anywhere: documented defaults, paths under the working directory
    assert cfg.source is None and cfg.ingest_cron == Config.ingest_cron and cfg.lake == str(tmp_path / "data/lake")
    conf = tmp_path / "etc" / "akhbar.toml"
    conf.parent.mkdir()
    conf.write_text('[paths]\nlake = "s3://bucket/lake"\ninbox = "../in"\n[run]\nextractors = "headlines"\nworkers = 2\n'
                    '[schedule]\ncompact_daily = false\n')
    monkeypatch.setenv("AKHBAR_CONFIG", str(conf))
    cfg = load_config()
    assert cfg.lake == "s3://bucket/lake" and cfg.inbox == str(tmp_path / "in") and cfg.extractors == ("headlines",)
    assert cfg.workers == 2 and cfg.compact_daily is False
    assert cfg.catalog == str(tmp_path / "etc" / "data" / "akhbar.duckdb")
    conf.write_text('[schedule]\ningest_crn = "* * * * *"\n')
    with pytest.raises(ValueError, match="ingest_crn"):
        load_config()
    repo = load_config(Path(__file__).resolve().parents[1] / "akhbar.toml")  # the shipped file is valid
    assert repo.ingest_cron == "*/10 * * * *" and repo.port == 4200 and repo.workers == 1 and repo.compact_daily
    conf.write_text('[run]\nhome_country = "ma"\n')
    assert load_config(conf).home_country == "MA"
    conf.write_text('[run]\ntopic_model = "models/adapted.npz"\n')  # like the paths: relative to the file
    assert load_config(conf).topic_model == str(tmp_path / "etc" / "models" / "adapted.npz")
    assert repo.topic_model == ""
    conf.write_text('[run]\nhome_country = "Morocco"\n')
    with pytest.raises(ValueError, match="home_country"):
        load_config(conf)
    conf.write_text('[schedule]\ncompact_daily = "yes"\n')
    with pytest.raises(ValueError, match="compact_daily"):
        load_config(conf)
