"""Helpers of the operations tests (kill, overlap, serve, dask, backfill): a real Prefect server,
generated pages, and the checks every test makes on a lake (readable, no duplicates, complete)."""

from __future__ import annotations

import os
import socket
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
AKHBAR = str(BIN / "akhbar")
sys.path.insert(0, str(ROOT / "benchmarks"))

import genpages  # noqa: E402  (benchmarks/genpages.py)

from transforms.page import page_id  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def prefect_server(tmp: Path) -> Iterator[dict[str, str]]:
    """A real `prefect server start` on a free port; yields the environment child runs need."""
    from flows.serve import start_server, stop_server

    home = tmp / "prefect-home"
    home.mkdir(parents=True, exist_ok=True)
    env = {"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    proc, url = start_server(port=free_port(), log=tmp / "prefect-server.log", env=env, timeout=180)
    try:
        yield {**env, "PREFECT_API_URL": url, "PREFECT_LOGGING_LEVEL": "WARNING"}
    finally:
        stop_server(proc)


def child_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(extra)
    return env


def write_pages(folder: Path, n: int, start: int = 0, seed: int = 0, per_dir: int = 1000) -> list[str]:
    """Write generated pages; returns their page ids."""
    genpages.write_pages(folder, n, seed=seed, start=start, per_dir=per_dir)
    return [page_id(genpages.make_page(i, seed).encode("utf-8")) for i in range(start, start + n)]


def read_column(lake: Path, table: str, column: str) -> list:
    """Every value of a column over the table's committed files (what a reader of the lake sees)."""
    out: list = []
    for path in sorted((lake / table).glob("**/*.parquet")):
        out.extend(pq.read_table(path, columns=[column]).column(column).to_pylist())
    return out


def duplicates(values: Iterable) -> int:
    return sum(n - 1 for n in Counter(values).values() if n > 1)


def expected_headline_ids(folder: Path) -> set[str]:
    """Headline ids a single clean run must produce for these pages, computed with the pure transforms."""
    from transforms.headlines import extract_headlines
    from transforms.parse import parse_unit

    ids: set[str] = set()
    for path in sorted(folder.glob("**/*.txt")):
        raw = path.read_bytes()
        page = parse_unit(raw, "text")
        ids.update(h.headline_id for h in extract_headlines(page, page_id(raw)))
    return ids
