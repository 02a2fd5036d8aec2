"""Scheduled operation: deployments with cron schedules, served against a real Prefect server.

``akhbar serve`` registers two deployments and runs them on their schedules:

- ``akhbar-scheduled-ingest/inbox``: ingest the inbox folder every few minutes (``ingest_cron``);
- ``akhbar-scheduled-report/daily``: refresh the catalog and rebuild the report (``report_cron``).

Both take only the config file's path as parameter and read it at run time, so editing
``akhbar.toml`` takes effect at the next run without redeploying (schedules excepted: restart serve).
A temporary Prefect server cannot hold schedules, so when ``PREFECT_API_URL`` is unset ``serve``
starts a local server (``prefect server start``) and stops it on exit.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.config import Config, load_config


# -- the Prefect server ------------------------------------------------------------------------
def server_healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(api_url.rstrip("/") + "/health", timeout=timeout) as resp:
            return resp.status == 200
    except OSError:
        return False


def start_server(host: str = "127.0.0.1", port: int = 4200, log: str | os.PathLike[str] | None = None,
                 timeout: float = 120.0, env: dict[str, str] | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``prefect server start`` in its own process group and wait until /api/health answers.

    Returns the process and the API URL. The caller stops it with :func:`stop_server`."""
    url = f"http://{host}:{port}/api"
    if server_healthy(url):
        raise RuntimeError(f"a server already answers at {url}: set PREFECT_API_URL={url} to use it")
    child_env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **(env or {})}
    child_env.pop("PREFECT_API_URL", None)
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - the child keeps it
    prefect = Path(sys.executable).with_name("prefect")
    cmd = [str(prefect) if prefect.exists() else "prefect", "server", "start", "--host", host, "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=child_env, start_new_session=True)
    deadline = time.monotonic() + timeout
    while not server_healthy(url):
        if proc.poll() is not None:
            raise RuntimeError(f"prefect server exited with code {proc.returncode} (log: {log})")
        if time.monotonic() > deadline:
            stop_server(proc)
            raise TimeoutError(f"prefect server did not answer at {url} within {timeout:.0f} s")
        time.sleep(0.5)
    return proc, url


def stop_server(proc: subprocess.Popen, timeout: float = 20.0) -> None:
    """SIGTERM the server's process group (uvicorn and its services), SIGKILL if it lingers."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@contextlib.contextmanager
def prefect_server(cfg: Config, log: str | None = None) -> Iterator[str]:
    """The server at ``PREFECT_API_URL`` if set, else a local one started for the duration."""
    url = os.environ.get("PREFECT_API_URL")
    if url:
        yield url
        return
    from prefect.settings import PREFECT_API_URL, temporary_settings

    proc, url = start_server(cfg.host, cfg.port, log=log)
    os.environ["PREFECT_API_URL"] = url  # for the flow-run subprocesses serve starts
    try:
        with temporary_settings(updates={PREFECT_API_URL: url}):  # this process read its settings already
            yield url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop_server(proc)


# -- the scheduled flows -----------------------------------------------------------------------
@flow(name="akhbar-scheduled-ingest", validate_parameters=False)
def scheduled_ingest(config: str | None = None) -> dict:
    """Ingest the configured inbox into the lake (new pages only); the report is left to the daily flow."""
    from flows.pipeline import flow_for

    cfg = load_config(config)
    logger = get_run_logger()
    inbox = Path(cfg.inbox)
    inbox.mkdir(parents=True, exist_ok=True)
    from flows.lake import LakeBusy

    try:
        summary = flow_for(cfg.dask_address or None, cfg.workers)(
            inputs=[str(inbox)],
            lake=cfg.lake,
            catalog=cfg.catalog,
            report=None,
            shard_pages=cfg.shard_pages,
            extractors=cfg.extractors,
            lock_timeout=cfg.lock_timeout,
            workers=cfg.workers,
            home_country=cfg.home_country or None,
            topic_model=cfg.topic_model or None,
        )
    except LakeBusy as exc:  # the previous run is still writing: it will have ingested the inbox
        logger.warning("skipped: %s", exc)
        return {"skipped": str(exc)}
    logger.info("ingested %s new pages from %s", summary["pages_parsed"], inbox)
    return summary


@task(cache_policy=NO_CACHE)
def compact_task(lake: str, lock_timeout: float) -> dict:
    """Merge the part files the day's small ingests left (queries slow down with many files)."""
    from flows.lake import LakeBusy, compact_lake

    try:
        merged = compact_lake(lake, lock_timeout=lock_timeout)
    except LakeBusy as exc:  # an ingest is writing: compact tomorrow rather than wait
        get_run_logger().warning("compaction skipped: %s", exc)
        return {"skipped": str(exc)}
    get_run_logger().info("compacted: %s", merged or "nothing to merge")
    return {table: list(counts) for table, counts in merged.items()}


@flow(name="akhbar-scheduled-report", validate_parameters=False)
def scheduled_report(config: str | None = None) -> str:
    """Compact the lake (local lakes, ``compact_daily``), refresh the catalog, rebuild the report."""
    from flows.pipeline import refresh_catalog_task, report_task
    from flows.storage import is_remote

    cfg = load_config(config)
    if cfg.compact_daily and not is_remote(cfg.lake):
        compact_task(cfg.lake, cfg.lock_timeout)
    catalog = refresh_catalog_task(cfg.lake, cfg.catalog)
    return report_task(catalog, cfg.report)


def deployments(cfg: Config):  # noqa: ANN201 - list of RunnerDeployment
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    params = {"config": cfg.source}
    kw: dict[str, Any] = {"entrypoint_type": EntrypointType.MODULE_PATH}
    return [
        scheduled_ingest.to_deployment(
            name="inbox", schedules=[Cron(cfg.ingest_cron, timezone=cfg.timezone)], parameters=params, concurrency_limit=1,
            description=f"ingest {cfg.inbox} into {cfg.lake} ({cfg.ingest_cron}, {cfg.timezone})",
            tags=["akhbar"], **kw,
        ),
        scheduled_report.to_deployment(
            name="daily", schedules=[Cron(cfg.report_cron, timezone=cfg.timezone)], parameters=params, concurrency_limit=1,
            description=f"rebuild {cfg.catalog} and {cfg.report} ({cfg.report_cron}, {cfg.timezone})",
            tags=["akhbar"], **kw,
        ),
    ]


def serve(config: str | None = None, log: str | None = None) -> None:
    """Serve the deployments until SIGINT/SIGTERM (which pauses their schedules)."""
    from prefect import serve as prefect_serve

    cfg = load_config(config)
    if cfg.source is None:  # deployments need a file the scheduled runs can read again
        raise SystemExit("akhbar serve needs a config file: copy akhbar.toml from the repository (or pass --config)")
    if cfg.topic_model:
        from flows.topic_models import check

        if problem := check(cfg.topic_model):
            raise SystemExit(f"akhbar serve: topic_model in {cfg.source}: {problem}")
    Path(cfg.inbox).mkdir(parents=True, exist_ok=True)
    with prefect_server(cfg, log=log) as url:
        print(f"akhbar serve: Prefect API {url}; UI {url.removesuffix('/api')}")
        print(f"  ingest {cfg.inbox} -> {cfg.lake} on '{cfg.ingest_cron}' ({cfg.timezone})")
        print(f"  report {cfg.report} on '{cfg.report_cron}'")
        print("  run now: prefect deployment run 'akhbar-scheduled-ingest/inbox'")

        def _stop(signum: int, frame: object) -> None:  # SIGTERM -> KeyboardInterrupt: serve pauses, server stops
            raise KeyboardInterrupt

        signal.signal(signal.SIGTERM, _stop)
        with contextlib.suppress(KeyboardInterrupt):
            prefect_serve(*deployments(cfg), print_starting_message=False)
