"""The Parquet lake: atomic, idempotent batch commits and crash recovery.

Layout::

    <lake>/<table>/part-<batch>.parquet    committed data, read with read_parquet('<lake>/<table>/**/*.parquet')
    <lake>/_staging/<batch>/<table>.parquet written first, invisible to readers
    <lake>/_commits/<batch>.json           commit record: files to add and remove, page ids, versions

A batch becomes committed the instant its commit record is renamed into ``_commits``; moving
its staged files into place follows. If a run dies before the record exists, its staged
files are deleted at the next start (roll back); if it dies after, the moves are finished
(roll forward). Either way readers see the lake as it was before or after the batch.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from flows.schemas import TABLES

# Child tables first, then articles and quarantine, then sources: the incremental state reads page
# ids from articles and quarantine and file keys from sources, so a page (a file) counts as done
# only once everything derived from it is in place.
COMMIT_ORDER = ["headlines", "organisations", "quotes", "topics", "keywords", "articles", "quarantine", "sources"]
PAGE_TABLES = [t for t in COMMIT_ORDER if "page_id" in TABLES[t].names]


def without_pages(data: pa.Table, page_ids: pa.Array) -> tuple[int, pa.Table | None]:
    """Rows of ``data`` whose page is not in ``page_ids``: (rows dropped, what is left or None
    when nothing is). Shared by the local and object-store lakes' ``replace_pages``."""
    mask = pc.is_in(data.column("page_id"), value_set=page_ids)
    hits = pc.sum(mask).as_py() or 0
    if hits == data.num_rows:
        return hits, None
    return hits, data.filter(pc.invert(mask)) if hits else data


def settled_keys(tables: Iterator[pa.Table]) -> np.ndarray:
    """Sorted unique uint64 ``source_key`` values of the ``sources`` table's files."""
    parts = [np.empty(0, dtype=np.uint64)]
    parts += [t.column("source_key").to_numpy().astype(np.uint64) for t in tables]
    return np.unique(np.concatenate(parts))


class _CommittedIndex:
    """Page ids of commit records already read by this process, as a sorted uint64 array, so each
    record is parsed once per process however many batches commit after it."""

    def __init__(self) -> None:
        self.read: set[str] = set()
        self.ids = np.empty(0, dtype=np.uint64)

    def update(self, commits: Path, names: set[str]) -> None:
        new = names - self.read
        parts = [self.ids]
        for name in sorted(new):
            with contextlib.suppress(OSError, ValueError, KeyError):
                ids = json.loads((commits / name).read_text())["page_ids"]
                parts.append(np.fromiter((int(x, 16) for x in ids), dtype=np.uint64, count=len(ids)))
            self.read.add(name)
        if len(parts) > 1:
            self.ids = np.unique(np.concatenate(parts))

    def contains(self, page_ids: list[str]) -> set[str]:
        if not len(self.ids) or not page_ids:
            return set()
        values = np.fromiter((int(x, 16) for x in page_ids), dtype=np.uint64, count=len(page_ids))
        pos = np.minimum(np.searchsorted(self.ids, values), len(self.ids) - 1)
        return {p for p, hit in zip(page_ids, self.ids[pos] == values, strict=True) if hit}


_INDEXES: dict[Path, _CommittedIndex] = {}


class LakeBusy(RuntimeError):
    """Another run holds the lake's write lock."""


@dataclass
class Staged:
    batch_id: str
    files: dict[str, str]  # table -> staged path
    page_ids: list[str]
    rows: dict[str, int] = field(default_factory=dict)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_parquet(table: pa.Table, path: Path) -> None:
    tmp = path.with_suffix(".tmp")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def drop_pages(staged: Staged, done: set[str], read: Callable[[str], pa.Table],
               write: Callable[[pa.Table, str], None], remove: Callable[[str], None]) -> Staged:
    """The staged batch without the pages another writer committed first (the local and object lakes share it)."""
    keep_ids = [p for p in staged.page_ids if p not in done]
    keep = pa.array(keep_ids, type=pa.string())
    files: dict[str, str] = {}
    rows: dict[str, int] = {}
    for name, path in staged.files.items():
        table = read(path)
        if "page_id" not in table.column_names:  # sources: a file settled twice is harmless
            files[name], rows[name] = path, table.num_rows
            continue
        table = table.filter(pc.is_in(table.column("page_id"), value_set=keep))
        if table.num_rows:
            write(table, path)
            files[name], rows[name] = path, table.num_rows
        else:
            remove(path)
    return Staged(staged.batch_id, files, keep_ids, rows)


class Lake:
    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).resolve()
        self.staging = self.root / "_staging"
        self.commits = self.root / "_commits"

    # -- layout -----------------------------------------------------------------------------
    def ensure(self) -> None:
        for d in [self.staging, self.commits, *(self.root / t for t in TABLES)]:
            d.mkdir(parents=True, exist_ok=True)

    def table_files(self, table: str) -> list[Path]:
        return sorted((self.root / table).glob("**/*.parquet"))

    def glob(self, table: str) -> str:
        return str(self.root / table / "**" / "*.parquet")

    def marker_names(self) -> set[str]:
        return {p.name for p in self.commits.glob("*.json")} if self.commits.exists() else set()

    # -- locking ----------------------------------------------------------------------------
    @contextlib.contextmanager
    def write_lock(self, timeout: float = 600.0) -> Iterator[None]:
        """One writing run at a time. The OS drops the lock when the process dies, even by SIGKILL."""
        self.ensure()
        fh = open(self.root / "_run.lock", "a+")  # noqa: SIM115 - held for the whole run
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    fh.truncate(0)  # say who holds it, for operators (and the kill test)
                    fh.write(f"{os.getpid()}\n")
                    fh.flush()
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LakeBusy(f"another run is writing {self.root} (waited {timeout:.0f} s)") from None
                    time.sleep(0.2)
            yield
        finally:
            fh.close()

    @contextlib.contextmanager
    def _commit_lock(self) -> Iterator[None]:
        self.commits.mkdir(parents=True, exist_ok=True)
        with open(self.commits / ".lock", "a+") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            yield

    # -- state ------------------------------------------------------------------------------
    def seen_page_ids(self) -> np.ndarray:
        """Sorted uint64 ids of every page already in the lake (articles or quarantine)."""
        parts = [np.empty(0, dtype=np.uint64)]
        for table in ("articles", "quarantine"):
            for path in self.table_files(table):
                col = pq.read_table(path, columns=["page_id"]).column("page_id").to_pylist()
                parts.append(np.fromiter((int(x, 16) for x in col), dtype=np.uint64, count=len(col)))
        return np.unique(np.concatenate(parts))

    def settled_sources(self) -> np.ndarray:
        """Sorted keys of input files whose every page is in the lake (``InputFile.key``)."""
        return settled_keys(pq.read_table(p, columns=["source_key"]) for p in self.table_files("sources"))

    # -- writing ----------------------------------------------------------------------------
    def new_batch_id(self) -> str:
        return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:10]

    def stage(self, tables: dict[str, pa.Table], page_ids: list[str], commit_id: str | None = None) -> Staged:
        """Write a batch's tables where no reader looks. Batches staged under one ``commit_id``
        become visible together (a reprocess run); by default each batch is its own commit."""
        batch_id = self.new_batch_id()
        folder = self.staging / (commit_id or batch_id) / batch_id
        folder.mkdir(parents=True)
        files: dict[str, str] = {}
        rows: dict[str, int] = {}
        for name, table in tables.items():
            if table.num_rows == 0:
                continue
            path = folder / f"{name}.parquet"
            _write_parquet(table, path)
            files[name] = str(path)
            rows[name] = table.num_rows
        _fsync_dir(folder)
        return Staged(batch_id, files, page_ids, rows)

    def commit(self, staged: Staged, known: set[str], meta: dict[str, object] | None = None) -> Staged:
        """Make a staged batch visible, atomically. Pages committed since ``known`` (by a retry,
        another shard or another run) are filtered out first, so nothing is written twice."""
        with self._commit_lock():
            fresh = self.marker_names() - known
            if fresh:
                index = _INDEXES.setdefault(self.root, _CommittedIndex())
                index.update(self.commits, fresh)
                done = index.contains(staged.page_ids)
                if done:
                    staged = self._filter(staged, done)
            self._write_record(staged.batch_id, [staged], [], meta)
        return staged

    def _write_record(self, commit_id: str, batches: list[Staged], remove: list[str],
                      meta: dict[str, object] | None, extra_add: Sequence[tuple[str, str]] = ()) -> None:
        add = [list(pair) for pair in extra_add]
        for b in batches:
            for table in COMMIT_ORDER:
                if table in b.files:
                    src = Path(b.files[table]).relative_to(self.staging).as_posix()
                    add.append([src, f"{table}/part-{b.batch_id}.parquet"])
        record = {
            "commit_id": commit_id,
            "committed_at": datetime.now(UTC).isoformat(),
            "add": add,
            "remove": remove,
            "rows": {t: sum(b.rows.get(t, 0) for b in batches) for t in TABLES},
            "page_ids": [p for b in batches for p in b.page_ids],
            **(meta or {}),
        }
        tmp = self.commits / f".{commit_id}.json.tmp"
        tmp.write_text(json.dumps(record, ensure_ascii=False))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.commits / f"{commit_id}.json")  # the commit point
        _fsync_dir(self.commits)
        self._apply(record)

    def replace_pages(self, commit_id: str, batches: list[Staged], meta: dict[str, object] | None = None) -> int:
        """Commit ``batches`` as the new rows of their pages: older rows of those pages in any
        table are dropped in the same commit (files rewritten without them, or removed)."""
        replaced = pa.array(sorted({p for b in batches for p in b.page_ids}), type=pa.string())
        remove: list[str] = []
        adds: list[tuple[str, str]] = []
        dropped = 0
        for table in PAGE_TABLES:
            for path in self.table_files(table):
                hits, kept = without_pages(pq.read_table(path), replaced)
                if not hits:
                    continue
                dropped += hits
                rel = path.relative_to(self.root).as_posix()
                if kept is None:
                    remove.append(rel)
                    continue
                out = self.staging / commit_id / "rewrite" / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                _write_parquet(kept, out)
                adds.append((out.relative_to(self.staging).as_posix(), rel))
        with self._commit_lock():
            self._write_record(commit_id, batches, remove, meta, extra_add=adds)
        return dropped

    def compact(self, target_rows: int = 2_000_000, min_files: int = 8) -> dict[str, tuple[int, int]]:
        """Merge each table's small part files into files of about ``target_rows`` rows, in one
        commit (readers see the old files or the new ones, never both). Streams row groups, so
        memory stays flat. Call under ``write_lock``. Returns {table: (files before, after)}."""
        commit_id = "compact-" + self.new_batch_id()
        folder = self.staging / commit_id
        adds: list[tuple[str, str]] = []
        remove: list[str] = []
        result: dict[str, tuple[int, int]] = {}
        for table in COMMIT_ORDER:
            files = self.table_files(table)
            if len(files) < min_files:
                continue
            out_n, rows, writer = 0, 0, None
            for path in files:
                pf = pq.ParquetFile(path)
                for i in range(pf.num_row_groups):
                    group = pf.read_row_group(i)
                    if writer is None:
                        out = folder / table / f"compact-{commit_id}-{out_n:04d}.parquet"
                        out.parent.mkdir(parents=True, exist_ok=True)
                        writer = pq.ParquetWriter(out, TABLES[table], compression="zstd")
                        adds.append((out.relative_to(self.staging).as_posix(), f"{table}/{out.name}"))
                    writer.write_table(group.cast(TABLES[table]))
                    rows += group.num_rows
                    if rows >= target_rows:
                        writer.close()
                        writer, rows, out_n = None, 0, out_n + 1
                remove.append(path.relative_to(self.root).as_posix())
            if writer is not None:
                writer.close()
                out_n += 1
            result[table] = (len(files), out_n)
        if not adds:
            return result
        for src, _ in adds:
            with open(self.staging / src, "rb") as fh:
                os.fsync(fh.fileno())
        with self._commit_lock():
            self._write_record(commit_id, [], remove, {"kind": "compact"}, extra_add=adds)
        return result

    def _filter(self, staged: Staged, done: set[str]) -> Staged:
        return drop_pages(staged, done, pq.read_table, lambda t, p: _write_parquet(t, Path(p)), os.unlink)

    def _apply(self, record: dict) -> None:
        """Roll a commit record forward; idempotent, so recovery can call it again."""
        for src, dst in record["add"]:
            target = self.root / dst
            target.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):  # already moved (or by a concurrent recovery)
                os.replace(self.staging / src, target)
        for rel in record.get("remove", []):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.root / rel)
        for table in {Path(r).parts[0] for r in [*(d for _, d in record["add"]), *record.get("remove", [])]}:
            _fsync_dir(self.root / table)
        shutil.rmtree(self.staging / record["commit_id"], ignore_errors=True)

    def recover(self, rollback: bool = False) -> dict[str, int]:
        """Finish committed batches left half-moved by a killed run. With ``rollback`` (only
        under the write lock, when no run can be staging) also drop uncommitted batches."""
        report = {"rolled_forward": 0, "rolled_back": 0}
        if not self.staging.exists():
            return report
        with self._commit_lock():
            for folder in sorted(p for p in self.staging.iterdir() if p.is_dir()):
                marker = self.commits / f"{folder.name}.json"
                if marker.exists():
                    self._apply(json.loads(marker.read_text()))
                    report["rolled_forward"] += 1
                elif rollback:
                    shutil.rmtree(folder, ignore_errors=True)
                    report["rolled_back"] += 1
        if rollback:
            for tmp in [*self.root.glob("*/*.tmp"), *self.commits.glob(".*.json.tmp")]:
                tmp.unlink(missing_ok=True)
        return report


def compact_lake(root: str | os.PathLike[str], target_rows: int = 2_000_000, min_files: int = 8,
                 lock_timeout: float = 600.0) -> dict[str, tuple[int, int]]:
    """Compact a local lake under its write lock (after finishing any half-done commit)."""
    lake = Lake(root)
    with lake.write_lock(timeout=lock_timeout):
        lake.recover(rollback=True)
        return lake.compact(target_rows=target_rows, min_files=min_files)
