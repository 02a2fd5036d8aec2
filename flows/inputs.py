"""Finding input files and reading them as units (one page each), streamed so 1M files fit in flat memory.

A file is one unit, except containers: a JSON Lines file holds one article per line and a
WARC file one page per response record. Reading never raises: a unit that cannot be read
carries the reason, and the shard task quarantines it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

MAX_PAGE_BYTES = 20 * 1024 * 1024

SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
}
CONTAINERS = {"jsonl", "warc"}


@dataclass(frozen=True, slots=True)
class InputFile:
    path: str
    fmt: str  # a parser format, or "unsupported"
    size: int
    mtime_ns: int = 0

    @property
    def key(self) -> int:
        """Identity of this version of the file: a rerun skips files whose key the lake's
        ``sources`` table holds, with one ``stat`` and no read."""
        raw = f"{self.path}\0{self.size}\0{self.mtime_ns}".encode()
        return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big")


@dataclass(frozen=True, slots=True)
class FileDone:
    """Marks the end of one file's units in a stream: once the batch holding it commits, every
    page of the file is in the lake."""

    item: InputFile
    units: int


@dataclass(frozen=True, slots=True)
class Unit:
    """One page's raw bytes (or why they could not be read)."""

    source_path: str
    fmt: str
    raw: bytes
    crawled_at: datetime | None = None
    url: str | None = None
    error: tuple[str, str] | None = None  # (reason, detail)


def format_of(path: str) -> str:
    name = path.lower()
    for suffix in sorted(SUFFIX_FORMATS, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIX_FORMATS[suffix]
    return "unsupported"


def discover(inputs: Iterable[str]) -> Iterator[InputFile]:
    """Files under each input (recursively, sorted for reproducible shards), hidden files skipped."""
    for item in inputs:
        path = Path(item)
        if path.is_file():
            st = path.stat()
            yield InputFile(str(path.resolve()), format_of(path.name), st.st_size, st.st_mtime_ns)
        elif path.is_dir():
            yield from _walk(path.resolve())
        else:
            raise FileNotFoundError(f"input not found: {item}")


def _walk(root: Path) -> Iterator[InputFile]:
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_file():
            st = entry.stat()
            yield InputFile(entry.path, format_of(entry.name), st.st_size, st.st_mtime_ns)


def _mtime(path: str) -> datetime | None:
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, tz=UTC)
    except OSError:
        return None


def read_files(files: Iterable[InputFile]) -> Iterator[Unit | FileDone]:
    """Units of each file followed by its ``FileDone`` marker."""
    for item in files:
        n = 0
        for unit in read_units(item):
            n += 1
            yield unit
        yield FileDone(item, n)


def read_units(item: InputFile) -> Iterator[Unit]:
    """Units of one file, streamed (a JSON Lines or WARC file is never loaded whole)."""
    if item.fmt == "unsupported":
        yield Unit(item.path, item.fmt, b"", error=("unsupported_format", f"no reader for {Path(item.path).name}"))
        return
    crawled = _mtime(item.path)
    if item.fmt == "jsonl":
        yield from _read_jsonl(item, crawled)
        return
    if item.fmt == "warc":
        from flows.warc import read_warc

        yield from read_warc(item)
        return
    if item.size > MAX_PAGE_BYTES:
        yield Unit(item.path, item.fmt, b"", error=("too_large", f"{item.size} bytes > {MAX_PAGE_BYTES}"))
        return
    try:
        with open(item.path, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        yield Unit(item.path, item.fmt, b"", error=("unreadable", str(exc)))
        return
    yield Unit(item.path, item.fmt, raw, crawled_at=crawled)


def _read_jsonl(item: InputFile, crawled: datetime | None) -> Iterator[Unit]:
    try:
        fh = open(item.path, "rb")  # noqa: SIM115 - closed below, after streaming
    except OSError as exc:
        yield Unit(item.path, item.fmt, b"", error=("unreadable", str(exc)))
        return
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                continue
            where = f"{item.path}:{lineno}"
            if len(line) > MAX_PAGE_BYTES:
                yield Unit(where, item.fmt, b"", error=("too_large", f"line of {len(line)} bytes"))
                continue
            yield Unit(where, item.fmt, line.rstrip(b"\r\n"), crawled_at=crawled)
