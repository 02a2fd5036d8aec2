"""Where the lake lives: a local folder (:class:`flows.lake.Lake`) or S3-compatible object storage.

``open_lake("data/lake")`` gives the folder lake; ``open_lake("s3://bucket/prefix")`` gives
:class:`ObjectLake`, the same tables, layout and commit records on an object store through fsspec/s3fs.

Object stores have no rename and no flock, so the commit protocol is built on what they do have:
atomic single-object PUTs, server-side copies, strongly consistent listings and conditional writes
(``If-None-Match: *`` create-only, ``If-Match: <etag>`` compare-and-swap):

1. a batch is written whole under ``_staging/<commit>/<batch>/<table>.parquet`` (readers never look there);
2. the commit record ``_commits/<commit>.json`` is created with a create-only PUT: **the commit point**;
3. staged objects are copied to their final names ``<table>/part-<batch>.parquet`` (each copy appears
   atomically), then the staging prefix is deleted.

A run killed before 2 leaves staging that the next run deletes (roll back); killed after 2, the next
run redoes the copies from the record (roll forward; copies are idempotent). Locks are leases: an
object created with a create-only PUT, holding an owner token and an expiry, renewed by a heartbeat
with compare-and-swap; a dead holder's lease expires (``LEASE_SECONDS``) and is taken over with a
compare-and-swap on the stale version, so two waiters can never both win.

Credentials and endpoint come from the usual AWS variables (``AWS_ACCESS_KEY_ID``,
``AWS_SECRET_ACCESS_KEY``, ``AWS_ENDPOINT_URL`` for MinIO, moto, Ceph, R2...).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from flows.lake import (
    COMMIT_ORDER,
    PAGE_TABLES,
    Lake,
    LakeBusy,
    Staged,
    drop_pages,
    settled_keys,
    without_pages,
)
from flows.schemas import TABLES

LEASE_SECONDS = 60.0  # a lock whose holder stopped renewing it for this long is taken over


def is_remote(uri: str | os.PathLike[str]) -> bool:
    return "://" in str(uri) and not str(uri).startswith("file://")


def open_lake(uri: str | os.PathLike[str]) -> Lake | ObjectLake:
    """The lake at a folder path or an ``s3://bucket/prefix`` URI."""
    if is_remote(uri):
        return ObjectLake(str(uri))
    return Lake(str(uri).removeprefix("file://"))


def s3_filesystem():  # noqa: ANN201 - an s3fs.S3FileSystem
    """s3fs with listings never cached (other processes commit too) and the endpoint from the environment."""
    import s3fs

    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    return s3fs.S3FileSystem(use_listings_cache=False, skip_instance_cache=True,
                             client_kwargs={"endpoint_url": endpoint} if endpoint else {})


def _precondition_failed(exc: BaseException) -> bool:
    text = f"{type(exc).__name__} {exc} {getattr(exc, '__cause__', '')}"
    return "PreconditionFailed" in text or "412" in text or "ConditionalRequestConflict" in text


class _Lease:
    """A lock object on the store (see the module docstring)."""

    def __init__(self, lake: ObjectLake, key: str, heartbeat: bool) -> None:
        self.lake, self.key, self.heartbeat = lake, key, heartbeat
        self.token = uuid.uuid4().hex
        self.etag: str | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _body(self) -> bytes:
        return json.dumps({"owner": self.token, "pid": os.getpid(), "host": socket.gethostname(),
                           "expires": time.time() + LEASE_SECONDS}).encode()

    def _put(self, **cond: str) -> str:
        out = self.lake.s3("put_object", Key=self.key, Body=self._body(), **cond)
        return out["ETag"]

    def acquire(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                self.etag = self._put(IfNoneMatch="*")
                break
            except Exception as exc:  # noqa: BLE001 - botocore and s3fs wrap the 412 differently
                if not _precondition_failed(exc):
                    raise
            with contextlib.suppress(FileNotFoundError):
                held = self.lake.s3("get_object", Key=self.key)
                info = json.loads(self.lake.body(held))
                if info.get("expires", 0) < time.time():  # the holder died: take over that exact version
                    try:
                        self.etag = self._put(IfMatch=held["ETag"])
                        break
                    except Exception as exc:  # noqa: BLE001
                        if not _precondition_failed(exc) and not isinstance(exc, FileNotFoundError):
                            raise
            if time.monotonic() >= deadline:
                raise LakeBusy(f"another run holds {self.lake.root}/{self.key.split('/', 1)[-1]} "
                               f"(waited {timeout:.0f} s)")
            time.sleep(0.2)
        if self.heartbeat:
            self._thread = threading.Thread(target=self._renew, daemon=True, name="akhbar-lease")
            self._thread.start()

    def _renew(self) -> None:
        while not self._stop.wait(LEASE_SECONDS / 4):
            if self.etag is None:  # set before this thread starts; None would mean no lease to renew
                return
            try:
                self.etag = self._put(IfMatch=self.etag)
            except Exception:  # noqa: BLE001 - lost the lease: stop renewing; the commit record stays the truth
                return

    def release(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(5)
        with contextlib.suppress(Exception):
            self.lake.s3("delete_object", Key=self.key)


class ObjectLake:
    """The lake on S3-compatible storage; same interface as :class:`flows.lake.Lake`."""

    def __init__(self, uri: str) -> None:
        if not uri.startswith("s3://"):
            raise ValueError(f"unsupported lake URI {uri!r} (folders and s3://bucket/prefix are supported)")
        self.root = uri.rstrip("/")
        self.base = self.root.removeprefix("s3://")
        self.bucket, _, self.prefix = self.base.partition("/")
        self.fs = s3_filesystem()
        self.staging = f"{self.base}/_staging"
        self.commits = f"{self.base}/_commits"
        self._index_read: set[str] = set()
        self._index = np.empty(0, dtype=np.uint64)

    def __reduce__(self) -> tuple:  # shipped to Dask workers as its URI
        return (ObjectLake, (self.root,))

    def s3(self, method: str, Key: str, **kw: object) -> dict:  # noqa: N803 - boto's argument names
        return self.fs.call_s3(method, Bucket=self.bucket, Key=Key, **kw)

    def body(self, response: dict) -> bytes:
        """Bytes of a get_object response (its stream is asynchronous under s3fs)."""
        from fsspec.asyn import sync

        return sync(self.fs.loop, response["Body"].read)

    def _key(self, path: str) -> str:
        return path.removeprefix(self.bucket + "/")

    # -- layout -----------------------------------------------------------------------------
    def ensure(self) -> None:
        if not self.fs.exists(self.bucket):
            raise FileNotFoundError(f"bucket {self.bucket!r} does not exist")

    def table_files(self, table: str) -> list[str]:
        return sorted("s3://" + p for p in self.fs.glob(f"{self.base}/{table}/**/*.parquet"))

    def glob(self, table: str) -> str:
        return f"{self.root}/{table}/**/*.parquet"

    def marker_names(self) -> set[str]:
        try:
            return {p.rsplit("/", 1)[1] for p in self.fs.ls(self.commits, detail=False) if p.endswith(".json")}
        except FileNotFoundError:
            return set()

    # -- locking ----------------------------------------------------------------------------
    @contextlib.contextmanager
    def write_lock(self, timeout: float = 600.0) -> Iterator[None]:
        self.ensure()
        lease = _Lease(self, self._key(f"{self.base}/_run.lock"), heartbeat=True)
        lease.acquire(timeout)
        try:
            yield
        finally:
            lease.release()

    @contextlib.contextmanager
    def _commit_lock(self) -> Iterator[None]:
        lease = _Lease(self, self._key(f"{self.commits}/.lock"), heartbeat=True)
        lease.acquire(timeout=LEASE_SECONDS * 3)
        try:
            yield
        finally:
            lease.release()

    # -- state ------------------------------------------------------------------------------
    def _read(self, path: str, columns: list[str] | None = None) -> pa.Table:
        with self.fs.open(path.removeprefix("s3://"), "rb") as fh:
            return pq.read_table(fh, columns=columns)

    def seen_page_ids(self) -> np.ndarray:
        parts = [np.empty(0, dtype=np.uint64)]
        for table in ("articles", "quarantine"):
            for path in self.table_files(table):
                col = self._read(path, ["page_id"]).column("page_id").to_pylist()
                parts.append(np.fromiter((int(x, 16) for x in col), dtype=np.uint64, count=len(col)))
        return np.unique(np.concatenate(parts))

    def settled_sources(self) -> np.ndarray:
        return settled_keys(self._read(p, ["source_key"]) for p in self.table_files("sources"))

    # -- writing ----------------------------------------------------------------------------
    def new_batch_id(self) -> str:
        return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:10]

    def _write(self, table: pa.Table, path: str) -> None:
        buf = pa.BufferOutputStream()
        pq.write_table(table, buf, compression="zstd")
        self.fs.pipe_file(path, buf.getvalue().to_pybytes())  # one PUT: the object appears whole or not at all

    def stage(self, tables: dict[str, pa.Table], page_ids: list[str], commit_id: str | None = None) -> Staged:
        batch_id = self.new_batch_id()
        folder = f"{self.staging}/{commit_id or batch_id}/{batch_id}"
        files: dict[str, str] = {}
        rows: dict[str, int] = {}
        for name, table in tables.items():
            if table.num_rows == 0:
                continue
            path = f"{folder}/{name}.parquet"
            self._write(table, path)
            files[name] = path
            rows[name] = table.num_rows
        return Staged(batch_id, files, page_ids, rows)

    def _committed_ids(self, names: set[str]) -> np.ndarray:
        parts = [self._index]
        for name in sorted(names - self._index_read):
            with contextlib.suppress(FileNotFoundError, ValueError, KeyError):
                ids = json.loads(self.fs.cat_file(f"{self.commits}/{name}"))["page_ids"]
                parts.append(np.fromiter((int(x, 16) for x in ids), dtype=np.uint64, count=len(ids)))
            self._index_read.add(name)
        if len(parts) > 1:
            self._index = np.unique(np.concatenate(parts))
        return self._index

    def commit(self, staged: Staged, known: set[str], meta: dict[str, object] | None = None) -> Staged:
        with self._commit_lock():
            fresh = self.marker_names() - known
            if fresh and staged.page_ids:
                ids = self._committed_ids(fresh)
                values = np.fromiter((int(x, 16) for x in staged.page_ids), dtype=np.uint64)
                hit = np.isin(values, ids)
                if hit.any():
                    staged = self._filter(staged, {p for p, h in zip(staged.page_ids, hit, strict=True) if h})
            self._write_record(staged.batch_id, [staged], [], meta)
        return staged

    def _filter(self, staged: Staged, done: set[str]) -> Staged:
        return drop_pages(staged, done, self._read, self._write, self.fs.rm_file)

    def _write_record(self, commit_id: str, batches: list[Staged], remove: list[str],
                      meta: dict[str, object] | None, extra_add: Sequence[tuple[str, str]] = ()) -> None:
        add = [list(pair) for pair in extra_add]
        for b in batches:
            for table in COMMIT_ORDER:
                if table in b.files:
                    add.append([b.files[table].removeprefix(self.staging + "/"), f"{table}/part-{b.batch_id}.parquet"])
        record = {
            "commit_id": commit_id,
            "committed_at": datetime.now(UTC).isoformat(),
            "add": add,
            "remove": remove,
            "rows": {t: sum(b.rows.get(t, 0) for b in batches) for t in TABLES},
            "page_ids": [p for b in batches for p in b.page_ids],
            **(meta or {}),
        }
        # The commit point: create-only, so a record is never overwritten by a retry or another writer.
        self.s3("put_object", Key=self._key(f"{self.commits}/{commit_id}.json"),
                Body=json.dumps(record, ensure_ascii=False).encode(), IfNoneMatch="*")
        self._apply(record)

    def _apply(self, record: dict) -> None:
        """Roll a commit record forward; idempotent (a staged object already copied and deleted is skipped)."""
        for src, dst in record["add"]:
            with contextlib.suppress(FileNotFoundError):
                self.fs.copy(f"{self.staging}/{src}", f"{self.base}/{dst}")
        for rel in record.get("remove", []):
            with contextlib.suppress(FileNotFoundError):
                self.fs.rm_file(f"{self.base}/{rel}")
        with contextlib.suppress(FileNotFoundError):
            self.fs.rm(f"{self.staging}/{record['commit_id']}", recursive=True)

    def replace_pages(self, commit_id: str, batches: list[Staged], meta: dict[str, object] | None = None) -> int:
        replaced = pa.array(sorted({p for b in batches for p in b.page_ids}), type=pa.string())
        remove: list[str] = []
        adds: list[tuple[str, str]] = []
        dropped = 0
        for table in PAGE_TABLES:
            for path in self.table_files(table):
                hits, kept = without_pages(self._read(path), replaced)
                if not hits:
                    continue
                dropped += hits
                rel = path.removeprefix(self.root + "/")
                if kept is None:
                    remove.append(rel)
                    continue
                self._write(kept, f"{self.staging}/{commit_id}/rewrite/{rel}")
                adds.append((f"{commit_id}/rewrite/{rel}", rel))
        with self._commit_lock():
            self._write_record(commit_id, batches, remove, meta, extra_add=adds)
        return dropped

    def recover(self, rollback: bool = False) -> dict[str, int]:
        report = {"rolled_forward": 0, "rolled_back": 0}
        try:
            folders = [p.rsplit("/", 1)[1] for p in self.fs.ls(self.staging, detail=False)]
        except FileNotFoundError:
            return report
        with self._commit_lock():
            for name in sorted(folders):
                try:
                    record = json.loads(self.fs.cat_file(f"{self.commits}/{name}.json"))
                except FileNotFoundError:
                    record = None
                if record is not None:
                    self._apply(record)
                    report["rolled_forward"] += 1
                elif rollback:
                    with contextlib.suppress(FileNotFoundError):
                        self.fs.rm(f"{self.staging}/{name}", recursive=True)
                    report["rolled_back"] += 1
        return report


def duckdb_sql(lake: ObjectLake) -> str:
    """What a DuckDB user with the httpfs extension runs to query an S3 lake."""
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or ""
    host = endpoint.split("://", 1)[-1]
    lines = [
        "-- Query this akhbar lake from DuckDB (needs the httpfs extension: INSTALL httpfs; LOAD httpfs;)",
        "CREATE SECRET akhbar_lake (TYPE s3, PROVIDER credential_chain"
        + (f", ENDPOINT '{host}', URL_STYLE 'path', USE_SSL {str(endpoint.startswith('https')).lower()}" if host else "")
        + ");",
    ]
    for table in TABLES:
        lines.append(f"CREATE OR REPLACE VIEW {table} AS SELECT * FROM read_parquet('{lake.glob(table)}', "
                     "hive_partitioning = true, union_by_name = true);")
    return "\n".join(lines) + "\n"


def refresh_any_catalog(lake: Lake | ObjectLake, catalog: str) -> str:
    """The DuckDB catalog for a folder lake; for an object-store lake the catalog too if this DuckDB can
    read s3:// (httpfs installed), else a SQL file beside it with the statements to run where it can.
    Returns the catalog path, or '' when only the SQL file could be written."""
    from flows.catalog import refresh_catalog

    if isinstance(lake, Lake):
        return str(refresh_catalog(lake, catalog))
    sql_path = Path(catalog).with_suffix(".s3.sql")
    sql_path.parent.mkdir(parents=True, exist_ok=True)
    sql_path.write_text(duckdb_sql(lake), encoding="utf-8")
    try:
        return str(refresh_catalog(lake, catalog))  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - duckdb without httpfs cannot even define the views
        for leftover in Path(catalog).parent.glob(f".{Path(catalog).name}.*.tmp*"):
            leftover.unlink(missing_ok=True)
        return ""
