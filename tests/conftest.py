"""Shared test set-up: an isolated Prefect home, and the ../shared data when it is present."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "samples" / "aggregator" / "000_d65fcb83a8083adf.txt"  # shipped copy of ../shared/seeds
SAMPLES = ROOT / "data" / "samples"

# Tests never touch the user's ~/.prefect; each xdist worker gets its own home.
_home = Path(tempfile.mkdtemp(prefix="akhbar-prefect-"))
# Registered before Prefect is imported, so it runs after Prefect's own exit handlers have
# stopped the ephemeral server; without it every run left ~6 MB per worker in the temp dir.
atexit.register(shutil.rmtree, _home, ignore_errors=True)
os.environ["PREFECT_HOME"] = str(_home)
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.pop("PREFECT_API_URL", None)


def needs_shared(path: Path = SHARED) -> None:
    """Skip (with the reason) when ../shared is absent, as on a user's fresh clone."""
    if not path.exists():
        pytest.skip(f"needs {path} (shared datasets are only on developer and CI machines)")


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()
