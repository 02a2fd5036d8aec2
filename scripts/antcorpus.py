"""Reader for the ANT corpus files (TREC-like XML, one article per file) in ../shared/datasets.

Development-time helper for the training, evaluation and sample-building scripts; the
product never reads ../shared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DATASETS = SHARED / "datasets"
ANT_V11 = DATASETS / "ant-v1.1"
ALARABIYA = DATASETS / "ant-multisource-alarabia" / "Alarabia"

_FIELD = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|ABSTRACT|TEXT)>(.*?)</\1>", re.S)


@dataclass(frozen=True)
class AntDoc:
    path: Path
    docno: str
    url: str
    source: str
    category: str
    title: str
    time: str
    paragraphs: list[str]

    @property
    def rel(self) -> str:
        """Path relative to ../shared/datasets, the id used in gold files."""
        return self.path.relative_to(DATASETS).as_posix()


def parse(path: Path) -> AntDoc:
    raw = path.read_text(encoding="utf-8", errors="replace")
    f = {k: v.strip() for k, v in _FIELD.findall(raw)}
    paragraphs = [line.strip() for line in f.get("TEXT", "").splitlines() if line.strip()]
    return AntDoc(
        path=path,
        docno=f.get("DOCNO", path.stem),
        url=f.get("URL", ""),
        source=f.get("SRC", ""),
        category=f.get("CAT", path.parent.name),
        title=f.get("TITLE", ""),
        time=f.get("TIME", ""),
        paragraphs=paragraphs,
    )


def iter_docs(root: Path, categories: list[str] | None = None) -> Iterator[AntDoc]:
    """Every article under root (sorted, so runs are reproducible)."""
    for cat_dir in sorted(p for p in root.iterdir() if p.is_dir()):
        if categories and cat_dir.name not in categories:
            continue
        for path in sorted(cat_dir.glob("*.txt")):
            yield parse(path)
