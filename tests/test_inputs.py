"""Input discovery and reading: every file becomes units or a reason, nothing is dropped silently."""

from __future__ import annotations

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
