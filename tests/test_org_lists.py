"""The shipped name list is what the committed lists compile to (scripts/train_organisations.py --lists-only),
with ../shared's gazetteer and, on a user's machine, without it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, needs_shared

SHIPPED = ROOT / "transforms" / "resources" / "organisations" / "names.tsv"


@pytest.fixture
def trainer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # noqa: ANN201
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    sys.modules.pop("train_organisations", None)
    import train_organisations

    shutil.copy(SHIPPED, tmp_path / "names.tsv")
    monkeypatch.setattr(train_organisations, "OUT", tmp_path)
    return train_organisations


def test_lists_compile_to_the_shipped_names_without_shared(trainer, tmp_path: Path,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(trainer, "SHARED", tmp_path / "no-shared")
    trainer.compile_lists()
    assert (tmp_path / "names.tsv").read_bytes() == SHIPPED.read_bytes()


def test_lists_compile_to_the_shipped_names_with_the_gazetteer(trainer, tmp_path: Path) -> None:  # noqa: ANN001
    needs_shared(SHARED / "datasets" / "anergazet")
    (tmp_path / "names.tsv").unlink()  # nothing carried over: every row comes from the lists and ANERGazet
    trainer.compile_lists()
    assert (tmp_path / "names.tsv").read_bytes() == SHIPPED.read_bytes()
