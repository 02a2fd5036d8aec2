"""Input discovery and reading: every file becomes units or a reason, nothing is dropped silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import flows.inputs as inputs
from flows.inputs import discover, format_of, read_units


def test_format_of() -> None:
    assert format_of("a/b/page.TXT") == "text"
    assert format_of("x.warc.gz") == "warc" and format_of("x.warc") == "warc"
    assert format_of("export.jsonl") == "jsonl" and format_of("p.htm") == "html"
    assert format_of("notes.pdf") == "unsupported"


def test_discover_is_recursive_sorted_and_skips_hidden(tmp_path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "1.html").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "_staging").mkdir()
    (tmp_path / "_staging" / "x.txt").write_text("x")
    found = [f.path.removeprefix(str(tmp_path)) for f in discover([str(tmp_path)])]
    assert found == ["/1.html", "/b/2.txt"]
    with pytest.raises(FileNotFoundError):
        list(discover([str(tmp_path / "missing")]))


def test_huge_and_unsupported_files_become_reasons(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(inputs, "MAX_PAGE_BYTES", 100)
    (tmp_path / "huge.txt").write_bytes(b"x" * 101)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    units = [u for f in discover([str(tmp_path)]) for u in read_units(f)]
    assert [(u.source_path.rsplit("/", 1)[1], u.error[0]) for u in units] == [
        ("huge.txt", "too_large"),
        ("scan.pdf", "unsupported_format"),
    ]


def test_jsonl_is_streamed_line_by_line(tmp_path, monkeypatch) -> None:
    path = tmp_path / "export.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"title": "a", "maintext": "b"}\r\n\n{"title": "c"}\n' + b'{"x": "' + b"y" * 200 + b'"}\n')
    monkeypatch.setattr(inputs, "MAX_PAGE_BYTES", 150)
    units = list(read_units(next(discover([str(path)]))))
    assert [u.source_path.rsplit(":", 1)[1] for u in units] == ["1", "3", "4"]
    assert units[0].raw == b'{"title": "a", "maintext": "b"}' and units[0].error is None
    assert units[2].error[0] == "too_large"


def test_a_file_is_settled_only_in_the_batch_after_its_last_page(tmp_path) -> None:
    """A JSON Lines file commits in several batches; its ``sources`` row (what lets a rerun skip
    it unread) rides in the batch holding its last line, so a run killed between batches reads
    the file again and finishes it."""
    import json

    import numpy as np

    from flows.inputs import read_files
    from flows.process import ShardProcessor

    lines = [{"title": f"عنوان الخبر رقم {i}", "text": f"نص الخبر رقم {i} " * 20} for i in range(5)]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    (tmp_path / "one.txt").write_text("", encoding="utf-8")  # quarantined, still settled
    files = list(discover([str(tmp_path)]))
    proc = ShardProcessor(np.empty(0, dtype=np.uint64), batch_size=2, extractors=("headlines",))
    batches = list(proc.run(read_files(files)))
    settled = [b.tables["sources"].to_pylist() for b in batches]
    # lines 0-1, lines 2-3, then line 4 + one.txt with both files settled in that last batch
    assert [len(s) for s in settled] == [0, 0, 2]
    assert [b.parsed for b in batches] == [2, 2, 1] and batches[-1].quarantined == {"empty": 1}
    rows = [r for s in settled for r in s]
    assert {r["source_path"]: r["units"] for r in rows} == {str(path): 5, str(tmp_path / "one.txt"): 1}
    assert {r["source_key"] for r in rows} == {f.key for f in files}
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1))  # touched: another version of the file
    assert next(discover([str(path)])).key != files[0].key


def test_home_country_reaches_the_topic_model() -> None:
    """The seed text dump does not say which sister site it came from: ``home_country`` (CLI
    --home-country, config [run] home_country) tells the topic model which places are domestic."""
    import numpy as np

    from flows.inputs import read_files
    from flows.process import ShardProcessor

    seed = Path(__file__).resolve().parents[1] / "data" / "samples" / "aggregator"
    files = list(discover([str(seed)]))
    scores = {}
    for home in (None, "MA"):
        proc = ShardProcessor(np.empty(0, dtype=np.uint64), extractors=("headlines", "topics"), home_country=home)
        (batch,) = list(proc.run(read_files(files)))
        topics = batch.tables["topics"].to_pylist()
        assert topics and all(r["model_version"] == topics[0]["model_version"] for r in topics)
        scores[home] = {r["topic"]: r["score"] for r in topics}
        heads = batch.tables["headlines"].to_pylist()
        assert all(h["topic"] for h in heads)
    assert scores[None] != scores["MA"]
