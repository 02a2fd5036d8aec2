"""The lake's commit protocol: invisible until committed, roll-forward and roll-back, no duplicates."""

from __future__ import annotations

import json

import duckdb
import pyarrow as pa
import pytest

from flows.lake import Lake, LakeBusy
from flows.schemas import TABLES


def _articles(ids: list[str]) -> pa.Table:
    rows = [{"article_id": f"a{p}", "page_id": p, "title": f"t{p}", "paragraphs": ["x"]} for p in ids]
    return pa.Table.from_pylist(rows, schema=TABLES["articles"])


def _headlines(ids: list[str]) -> pa.Table:
    rows = [{"headline_id": f"h{p}", "page_id": p, "kind": "title", "position": 0, "text": "t"} for p in ids]
    return pa.Table.from_pylist(rows, schema=TABLES["headlines"])


def _count(lake: Lake, table: str) -> int:
    if not lake.table_files(table):
        return 0
    return duckdb.execute(f"SELECT count(*) FROM read_parquet('{lake.glob(table)}')").fetchone()[0]


def _page_ids(lake: Lake) -> list[str]:
    return sorted(duckdb.execute(f"SELECT page_id FROM read_parquet('{lake.glob('articles')}')").fetchnumpy()["page_id"])


def test_staged_batch_is_invisible_until_commit(tmp_path) -> None:
    lake = Lake(tmp_path)
    lake.ensure()
    ids = ["00000000000000a1", "00000000000000a2"]
    staged = lake.stage({"articles": _articles(ids), "headlines": _headlines(ids)}, ids)
    assert _count(lake, "articles") == 0 and _count(lake, "headlines") == 0
    lake.commit(staged, known=lake.marker_names())
    assert _count(lake, "articles") == 2 and _count(lake, "headlines") == 2
    assert not any(lake.staging.iterdir())
    assert sorted(int(p, 16) for p in ids) == list(lake.seen_page_ids())


def test_killed_after_commit_point_rolls_forward(tmp_path, monkeypatch) -> None:
    lake = Lake(tmp_path)
    lake.ensure()
    ids = ["00000000000000b1"]
    staged = lake.stage({"articles": _articles(ids), "headlines": _headlines(ids)}, ids)
    monkeypatch.setattr(Lake, "_apply", lambda self, record: None)  # "killed" right after the record
    lake.commit(staged, known=set())
    monkeypatch.undo()
    assert _count(lake, "articles") == 0  # nothing moved yet
    report = Lake(tmp_path).recover()
    assert report["rolled_forward"] == 1
    assert _count(lake, "articles") == 1 and _count(lake, "headlines") == 1


def test_killed_before_commit_point_rolls_back(tmp_path) -> None:
    lake = Lake(tmp_path)
    lake.ensure()
    ids = ["00000000000000c1"]
    lake.stage({"articles": _articles(ids)}, ids)  # never committed
    assert Lake(tmp_path).recover(rollback=False)["rolled_back"] == 0  # a reader never deletes
    assert any(lake.staging.iterdir())
    assert Lake(tmp_path).recover(rollback=True)["rolled_back"] == 1
    assert not any(lake.staging.iterdir()) and _count(lake, "articles") == 0


def test_commit_drops_pages_committed_meanwhile(tmp_path) -> None:
    lake = Lake(tmp_path)
    lake.ensure()
    known = lake.marker_names()
    first = lake.stage({"articles": _articles(["00000000000000d1", "00000000000000d2"])},
                       ["00000000000000d1", "00000000000000d2"])
    lake.commit(first, known)
    second = lake.stage({"articles": _articles(["00000000000000d2", "00000000000000d3"])},
                        ["00000000000000d2", "00000000000000d3"])
    result = lake.commit(second, known)  # a retry or another shard that saw the same page
    assert result.page_ids == ["00000000000000d3"]
    assert _page_ids(lake) == ["00000000000000d1", "00000000000000d2", "00000000000000d3"]


def test_replace_pages_swaps_rows_in_one_commit(tmp_path) -> None:
    lake = Lake(tmp_path)
    lake.ensure()
    old = ["00000000000000e1", "00000000000000e2", "00000000000000e3"]
    lake.commit(lake.stage({"articles": _articles(old), "headlines": _headlines(old)}, old), set())
    new = lake.stage({"articles": _articles(old[:2])}, old[:2], commit_id="rebuild")
    dropped = lake.replace_pages("rebuild", [new])
    assert dropped == 4  # 2 article rows + 2 headline rows of the reprocessed pages
    assert _page_ids(lake) == old
    assert _count(lake, "headlines") == 1
    record = json.loads((lake.commits / "rebuild.json").read_text())
    assert record["rows"]["articles"] == 2


def test_write_lock_is_exclusive(tmp_path) -> None:
    lake = Lake(tmp_path)
    with lake.write_lock(), pytest.raises(LakeBusy), Lake(tmp_path).write_lock(timeout=0.3):
        pass
    with Lake(tmp_path).write_lock(timeout=0.3):  # released
        pass


def test_compact_merges_parts_in_one_commit(tmp_path) -> None:
    lake = Lake(tmp_path)
    lake.ensure()
    ids = [f"{i:016x}" for i in range(1, 41)]
    for chunk in range(0, 40, 4):
        part = ids[chunk : chunk + 4]
        lake.commit(lake.stage({"articles": _articles(part), "headlines": _headlines(part)}, part), set())
    assert len(lake.table_files("articles")) == 10
    result = lake.compact(target_rows=15, min_files=8)
    assert result["articles"] == (10, 3) and result["headlines"] == (10, 3)
    assert len(lake.table_files("articles")) == 3
    assert _page_ids(lake) == ids  # same rows, no loss, no duplicates
    assert _count(lake, "headlines") == 40
    assert not any(lake.staging.iterdir())
    assert lake.compact(min_files=8) == {}  # nothing left to merge
