"""The lake on S3-compatible storage, against a real local S3 server (moto's server mode on 127.0.0.1).

Covers the object-store commit protocol (create-only commit records, copies after the commit point,
roll forward and roll back after a crash, dedupe at commit), the lease locks (exclusion, takeover of a
dead holder's lease) and the real Prefect flow writing to and rereading an s3:// lake.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest

from flows.inputs import discover, read_units
from flows.lake import LakeBusy
from flows.process import ShardProcessor
from flows.storage import ObjectLake, open_lake, s3_filesystem
from tests.opshelp import duplicates, write_pages

BUCKET = "akhbar-test"


@pytest.fixture(scope="module")
def s3():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    saved = {k: os.environ.get(k) for k in ("AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                            "AWS_DEFAULT_REGION")}
    os.environ.update({"AWS_ENDPOINT_URL": f"http://{host}:{port}", "AWS_ACCESS_KEY_ID": "testing",
                       "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"})
    s3_filesystem().mkdir(BUCKET)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _batches(folder: Path, batch_size: int):
    units = (u for f in discover([str(folder)]) for u in read_units(f))
    return list(ShardProcessor(np.empty(0, dtype=np.uint64), batch_size=batch_size, extractors=("headlines",)).run(units))


def _articles(lake: ObjectLake) -> list[str]:
    return [p for f in lake.table_files("articles") for p in lake._read(f, ["page_id"]).column("page_id").to_pylist()]


def _ls(fs, path: str) -> list[str]:  # noqa: ANN001 - an empty prefix does not exist on S3
    try:
        return fs.ls(path)
    except FileNotFoundError:
        return []


class Killed(BaseException):
    """Stands for SIGKILL inside a commit: nothing after it runs."""


def test_commit_roll_forward_roll_back_and_dedupe(s3: str, tmp_path: Path) -> None:
    ids = write_pages(tmp_path / "in", 90)
    b1, b2, b3 = _batches(tmp_path / "in", 30)
    lake = open_lake(f"s3://{BUCKET}/crash")
    assert isinstance(lake, ObjectLake)
    lake.ensure()
    known = lake.marker_names()
    lake.commit(lake.stage(b1.tables, b1.page_ids), known)
    assert sorted(_articles(lake)) == sorted(ids[:30])

    # Killed right after the commit point: the record exists, nothing was copied yet.
    staged2 = lake.stage(b2.tables, b2.page_ids)

    def die(record: dict) -> None:
        raise Killed

    lake._apply = die  # type: ignore[method-assign]
    with pytest.raises(Killed):
        lake.commit(staged2, known)
    # Killed while staging: no record.
    lake.stage(b3.tables, b3.page_ids)
    assert sorted(_articles(lake)) == sorted(ids[:30])  # readers still see the lake before batch 2

    fresh = ObjectLake(f"s3://{BUCKET}/crash")
    assert fresh.recover(rollback=True) == {"rolled_forward": 1, "rolled_back": 1}
    assert sorted(_articles(fresh)) == sorted(ids[:60])
    assert _ls(fresh.fs, fresh.staging) == []
    assert len(fresh.seen_page_ids()) == 60

    # A batch whose pages another writer committed meanwhile is filtered at commit: no duplicates.
    again = fresh.stage(b2.tables, b2.page_ids)
    kept = fresh.commit(again, known)
    assert kept.page_ids == [] and kept.files == {}
    both = fresh.stage(b3.tables, b3.page_ids)
    fresh.commit(both, fresh.marker_names())
    arts = _articles(fresh)
    assert sorted(arts) == sorted(ids) and duplicates(arts) == 0
    heads = [h for f in fresh.table_files("headlines") for h in fresh._read(f, ["headline_id"]).column(0).to_pylist()]
    assert duplicates(heads) == 0
    records = [json.loads(fresh.fs.cat_file(f"{fresh.commits}/{n}")) for n in fresh.marker_names()]
    assert sum(len(r["page_ids"]) for r in records) == 90


def test_lease_lock_excludes_and_survives_a_dead_holder(s3: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import flows.storage as storage

    a, b = ObjectLake(f"s3://{BUCKET}/lock"), ObjectLake(f"s3://{BUCKET}/lock")
    with a.write_lock(timeout=5):
        t = time.monotonic()
        with pytest.raises(LakeBusy), b.write_lock(timeout=1.0):
            pass
        assert time.monotonic() - t >= 1.0
    with b.write_lock(timeout=5):  # released: free again
        pass
    # A holder SIGKILLed leaves its lease object behind; once expired it is taken over.
    monkeypatch.setattr(storage, "LEASE_SECONDS", 1.0)
    key = a._key(f"{a.base}/_run.lock")
    a.s3("put_object", Key=key, Body=json.dumps({"owner": "dead", "expires": time.time() + 1.0}).encode())
    with pytest.raises(LakeBusy), b.write_lock(timeout=0.3):
        pass
    t = time.monotonic()
    with b.write_lock(timeout=10):
        assert 0.3 < time.monotonic() - t < 5
        assert json.loads(b.body(b.s3("get_object", Key=key)))["owner"] != "dead"


@pytest.mark.slow
def test_flow_writes_and_rereads_an_s3_lake(s3: str, tmp_path: Path) -> None:
    from flows.pipeline import ingest

    ids = write_pages(tmp_path / "in", 120)
    uri = f"s3://{BUCKET}/flow/lake"
    paths = {"lake": uri, "catalog": str(tmp_path / "akhbar.duckdb"), "report": str(tmp_path / "report.html")}
    first = ingest(inputs=[str(tmp_path / "in")], shard_pages=40, extractors=("headlines",), **paths)
    assert first["pages_parsed"] == 120 and first["rows_written"]["articles"] == 120
    # Read back with pyarrow over s3fs, as a user without DuckDB's httpfs would.
    fs = s3_filesystem()
    table = pq.ParquetDataset(f"{BUCKET}/flow/lake/articles", filesystem=fs).read(columns=["page_id", "title"])
    assert sorted(table.column("page_id").to_pylist()) == sorted(ids)
    sql = (tmp_path / "akhbar.s3.sql").read_text()
    assert f"read_parquet('{uri}/articles/**/*.parquet'" in sql and "CREATE SECRET" in sql
    second = ingest(inputs=[str(tmp_path / "in")], shard_pages=40, extractors=("headlines",), **paths)
    assert second["pages_parsed"] == 0 and second["files_unchanged"] == 120 and second["rows_written"] == {}
    lake = ObjectLake(uri)
    assert duplicates(_articles(lake)) == 0 and _ls(fs, lake.staging) == []
