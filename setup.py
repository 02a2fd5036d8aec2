"""Build hook: compile the organisation extractor with mypyc when the machine can, else ship it as plain Python.

The extractor is the pipeline's slowest stage, and its code is typed Python: mypyc turns the same source into
a C extension (about 1.4x faster on unseen pages, output identical; docs/quality.md). Nothing else changes:
the .py files stay beside the compiled modules and are what ``transforms/__init__.py`` falls back to when the
build is missing or older than the source, or when AKHBAR_PURE=1 asks for it. A failed compile (no C compiler)
is a warning, not a failed install.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent
PACKAGE = ROOT / "transforms" / "organisations"
# every module of the package but caches.py: its dict subclass is the cache's C-level look-up either way
COMPILED = sorted(p for p in PACKAGE.glob("*.py") if p.name != "caches.py")
MANIFEST = PACKAGE / "compiled_from.sha256"  # source hash per compiled module: transforms/__init__.py compares


class OptionalBuildExt(build_ext):
    """build_ext that leaves the pure-Python package in place when compiling fails."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any compiler failure: install the pure package
            MANIFEST.unlink(missing_ok=True)
            print(f"akhbar: compiling the organisation extractor failed ({exc}); using the pure-Python one",
                  file=sys.stderr)


def extensions() -> list:
    if os.environ.get("AKHBAR_PURE") == "1":
        MANIFEST.unlink(missing_ok=True)
        return []
    if {"egg_info", "dist_info"} & set(sys.argv[1:]):
        return []  # pip's requirements and metadata steps run this file too: type-check and compile once, to build
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    try:
        # numpy is not in the isolated build environment: its calls stay dynamic (Any) either way
        modules = mypycify(["--ignore-missing-imports", *(str(p.relative_to(ROOT)) for p in COMPILED)],
                           opt_level="3", group_name="akhbar_organisations")
    except (Exception, SystemExit) as exc:  # mypy found a type error: mypyc refuses, the source still runs
        MANIFEST.unlink(missing_ok=True)
        print(f"akhbar: mypyc cannot compile the organisation extractor ({exc}); using the pure-Python one",
              file=sys.stderr)
        return []
    MANIFEST.write_text("".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in COMPILED),
                        encoding="utf-8")
    return modules


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
