"""Web archives: real .warc and .warc.gz files written with warcio's WARCWriter, read back streaming.

Archives hold what a crawl holds: warcinfo, request and response records, an image, a metadata
record and aggregator HTML pages. A cut archive must quarantine one row and keep the complete pages.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.inputs import discover, read_units
from flows.lake import Lake
from flows.pipeline import process_shard

PAGES = 5


def _html(i: int) -> bytes:
    return (
        '<html><head><meta charset="utf-8"><title>x</title></head><body>'
        f'<span class="articletitle">الحكومة تعلن برنامجا جديدا لدعم الفلاحين رقم {i}</span>'
        '<span class="articlenewspaper">نشر في القناة يوم 0{d} - 06 - 2022</span>'
        '<span class="articlecontent">أعلنت الحكومة اليوم عن برنامج جديد لدعم الفلاحين المتضررين من الجفاف في عدة جهات.'
        f'<br>وقال الوزير إن البرنامج يشمل {i + 10} ألف مستفيد خلال الموسم الفلاحي المقبل.</span>'
        "</body></html>"
    ).replace("{d}", str(i + 1)).encode("utf-8")


def write_archive(path: Path, gzip: bool) -> list[str]:
    """A small crawl: returns the URLs of its HTML pages, in order."""
    urls: list[str] = []
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "akhbar-test", "format": "WARC File Format 1.1"}))
        for i in range(PAGES):
            url = f"https://www.maghress.com/alqanat/{1000 + i}"
            req = StatusAndHeaders(f"GET /alqanat/{1000 + i} HTTP/1.1", [("Host", "www.maghress.com")], is_http_request=True)
            w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
            body = _html(i)
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                             ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=hh))
            urls.append(url)
            if i == 1:  # not pages: an image response and a metadata record
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record("https://www.maghress.com/logo.jpg", "response",
                                                    payload=io.BytesIO(b"\xff\xd8\xff" + bytes(3000)), http_headers=img))
                w.write_record(w.create_warc_record(url, "metadata", payload=io.BytesIO(b"outlinks: none\n"),
                                                    warc_content_type="application/warc-fields"))
    return urls


@pytest.mark.parametrize("gzip", [True, False])
def test_reads_html_responses_only(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    urls = write_archive(path, gzip)
    [item] = list(discover([str(tmp_path)]))
    assert item.fmt == "warc"
    units = list(read_units(item))
    assert [u.url for u in units] == urls
    assert all(u.error is None and u.crawled_at is not None for u in units)
    assert units[0].raw == _html(0)
    assert [u.source_path.rsplit("#", 1)[1] for u in units][:2] == ["3", "5"]  # record numbers in the archive


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("keep", [0.5, 0.8, 0.97])
def test_truncated_archive_quarantines_one_row(tmp_path: Path, gzip: bool, keep: float) -> None:
    full = tmp_path / "full.warc"
    write_archive(full, gzip)
    data = full.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gzip else "cut.warc")
    cut.write_bytes(data[: int(len(data) * keep)])
    full.unlink()
    units = list(read_units(next(iter(discover([str(cut)])))))
    good, bad = [u for u in units if u.error is None], [u for u in units if u.error]
    assert len(bad) == 1 and bad[0].error[0] == "bad_warc", [u.error for u in units]
    assert units[-1] is bad[0]
    assert 0 <= len(good) < PAGES
    assert all(u.raw == _html(i) for i, u in enumerate(good))  # complete pages only, never a cut one


def test_pages_and_quarantine_reach_the_lake(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_archive(inbox / "a.warc.gz", gzip=True)
    write_archive(inbox / "b.warc", gzip=False)
    whole = (inbox / "b.warc").read_bytes()
    (inbox / "c.warc.gz").write_bytes((inbox / "a.warc.gz").read_bytes()[:700])
    (inbox / "b.warc").write_bytes(whole)
    lake = Lake(tmp_path / "lake")
    lake.ensure()
    files = list(discover([str(inbox)]))
    seen = lake.seen_page_ids()
    for i, f in enumerate(files):  # the shard task's body, without the Prefect engine
        res = process_shard.fn(i, [f], str(lake.root), seen, lake.marker_names(), 100, ("headlines",))
        seen = lake.seen_page_ids()
        assert res.files == 1
    arts = pq.read_table(lake.root / "articles").to_pylist()
    quarantine = pq.read_table(lake.root / "quarantine").to_pylist()
    # a.warc.gz and b.warc hold the same five pages (same bytes): one row each, whatever the container.
    assert len(arts) == PAGES and len({a["page_id"] for a in arts}) == PAGES
    assert {a["url"] for a in arts} == {f"https://www.maghress.com/alqanat/{1000 + i}" for i in range(PAGES)}
    assert all(a["outlet"] == "القناة" and a["source_site"] == "maghress" for a in arts)
    assert all("#" in a["source_path"] for a in arts)  # file#record
    assert [q["reason"] for q in quarantine] == ["bad_warc"]
    assert quarantine[0]["source_path"].startswith(str(inbox / "c.warc.gz"))
    # Rerun: nothing new.
    again = process_shard.fn(9, files, str(lake.root), lake.seen_page_ids(), lake.marker_names(), 100, ("headlines",))
    # Read again (the flow would not even open them: their keys are in `sources`), every page is
    # skipped by its id; only the three files are recorded as settled once more.
    assert again.parsed == 0 and again.rows == {"sources": 3} and again.skipped == PAGES * 2 + 1
    assert isinstance(lake.seen_page_ids(), np.ndarray)
