"""Pure transforms: text in, typed records out (no Prefect, no I/O beyond the bundled resources).

``transforms.organisations`` may be compiled by mypyc at install (``setup.py``). The compiled modules are used
only when they were built from the source beside them: after an edit to any of its files (an editable install
keeps the build in the source tree), or with AKHBAR_PURE=1, the package is imported from its .py files, so a
stale build never runs old code. ``transforms.organisations.COMPILED`` says which one runs.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from pathlib import Path

_ORG = Path(__file__).parent / "organisations"
_PACKAGE = "transforms.organisations"


def compiled_build_state(package: Path = _ORG) -> str:
    """'none' (no compiled module), 'current' (built from these sources) or 'stale' (a source changed since)."""
    built = {p.name.split(".")[0] for p in package.iterdir()
             if any(p.name.endswith(s) for s in importlib.machinery.EXTENSION_SUFFIXES)}
    if not built:
        return "none"
    try:
        lines = (package / "compiled_from.sha256").read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return "stale"
    recorded: dict[str, str] = {}  # file name -> sha256, as setup.py wrote them
    for line in filter(None, lines):
        digest, name = line.split("  ", 1)
        recorded[name] = digest
    if not built <= {name.removesuffix(".py") for name in recorded}:
        return "stale"
    for name, digest in recorded.items():
        source = package / name
        if not source.exists() or hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            return "stale"
    return "current"


class _SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the organisations package from its .py files, ahead of the compiled modules beside them."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name == _PACKAGE:
            return importlib.util.spec_from_file_location(name, _ORG / "__init__.py",
                                                          submodule_search_locations=[str(_ORG)])
        if name.startswith(_PACKAGE + ".") and name.count(".") == 2:
            source = _ORG / (name.rsplit(".", 1)[1] + ".py")
            return importlib.util.spec_from_file_location(name, source) if source.exists() else None
        return None


def _choose_build() -> None:
    state = compiled_build_state()
    if state == "none":
        return
    if os.environ.get("AKHBAR_PURE") == "1" or state == "stale":
        if state == "stale" and os.environ.get("AKHBAR_PURE") != "1":
            warnings.warn("transforms.organisations changed since it was compiled: running its source (slower). "
                          "Run `make compile` (or pip install -e .) to compile it again.", stacklevel=3)
        sys.meta_path.insert(0, _SourceFinder())


_choose_build()
