"""The mypyc build of the organisation extractor (setup.py): same output as its source, and never a stale build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import transforms
import transforms.organisations as org
from tests.conftest import ROOT, SAMPLES

# every bundled aggregator and turess page, parsed as the pipeline parses them, then all mentions as JSON
_EXTRACT = """
import dataclasses, json, sys
from pathlib import Path
from transforms.parse import parse_unit
import transforms.organisations as org
out = []
for path in sorted(Path(sys.argv[1]).glob("*/*.txt")):
    if path.parent.name == "broken":
        continue
    page = parse_unit(path.read_bytes(), "text")
    out.append([dataclasses.astuple(m) for m in org.extract_organisations(page.title, page.paragraphs)])
print(json.dumps({"compiled": org.COMPILED, "mentions": out}, ensure_ascii=False))
"""


def _run(pure: bool) -> dict:
    env = {**os.environ, "AKHBAR_PURE": "1" if pure else "0"}
    done = subprocess.run([sys.executable, "-c", _EXTRACT, str(SAMPLES)], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=True)
    return json.loads(done.stdout)


@pytest.mark.skipif(not (shutil.which("cc") or shutil.which("gcc")) or os.environ.get("AKHBAR_PURE") == "1",
                    reason="no C compiler here (or AKHBAR_PURE=1): the extractor runs as plain Python")
def test_install_compiled_the_extractor() -> None:
    """`make run` / `make test` compile the extractor where a C compiler exists; a type error mypyc refuses, or an
    edit since the last build, shows here rather than as a silently slower pipeline."""
    assert transforms.compiled_build_state() == "current", (
        "transforms.organisations is not compiled from its current source: run `make compile` and read what "
        "setup.py prints")
    assert org.COMPILED


@pytest.mark.skipif(not org.COMPILED, reason="the organisation extractor runs from source here (AKHBAR_PURE=1, or not "
                                            "compiled: setup.py printed why)")
def test_compiled_extractor_gives_exactly_the_source_output() -> None:
    compiled, source = _run(pure=False), _run(pure=True)
    assert compiled["compiled"] and not source["compiled"]
    assert sum(map(len, source["mentions"])) > 800  # 858 mentions in the 241 pages
    assert compiled["mentions"] == source["mentions"]


def _fake_build(tmp_path: Path, source: str = "x = 1\n") -> Path:
    import hashlib

    (tmp_path / "mod.py").write_text(source, encoding="utf-8")
    (tmp_path / "mod.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")
    digest = hashlib.sha256(source.encode()).hexdigest()
    (tmp_path / "compiled_from.sha256").write_text(f"{digest}  mod.py\n", encoding="utf-8")
    return tmp_path


def test_build_state_follows_the_sources(tmp_path: Path) -> None:
    """A compiled module is used only while the source it was built from is unchanged (editable installs keep
    the build beside the source, where an edit would otherwise run old code)."""
    assert transforms.compiled_build_state(tmp_path) == "none"
    pkg = _fake_build(tmp_path)
    assert transforms.compiled_build_state(pkg) == "current"
    (pkg / "mod.py").write_text("x = 2\n", encoding="utf-8")
    assert transforms.compiled_build_state(pkg) == "stale"
    pkg = _fake_build(tmp_path)
    (pkg / "other.cpython-311-x86_64-linux-gnu.so").write_bytes(b"")  # built from no recorded source
    assert transforms.compiled_build_state(pkg) == "stale"
    (pkg / "other.cpython-311-x86_64-linux-gnu.so").unlink()
    (pkg / "compiled_from.sha256").unlink()
    assert transforms.compiled_build_state(pkg) == "stale"


def test_pure_switch_imports_the_source() -> None:
    env = {**os.environ, "AKHBAR_PURE": "1"}
    code = "import transforms.organisations as o, transforms.organisations.rules as r; print(o.__file__, r.__file__)"
    files = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                           check=True).stdout.split()
    assert files and all(f.endswith(".py") for f in files)
