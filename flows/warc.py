"""Web archives (.warc / .warc.gz, Common Crawl style), streamed record by record with warcio."""

from __future__ import annotations

import os
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from flows.inputs import MAX_PAGE_BYTES, InputFile, Unit
from transforms.dates import parse_timestamp


def _drain(stream, limit: int = 1 << 20) -> None:  # noqa: ANN001 - a warcio LimitReader
    while stream.read(limit):
        pass


def _is_page(record) -> bool:  # noqa: ANN001 - a warcio ArcWarcRecord
    """HTML responses (and HTML resource records, which some crawlers use for stored pages)."""
    if record.rec_type == "response" and record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type") or ""
    else:
        return False
    return "html" in ctype.lower()


def read_warc(item: InputFile) -> Iterator[Unit]:
    """One unit per HTML page record; other records (requests, metadata, images) are not pages.

    A damaged archive never stops the run: a record cut short (its block shorter than its
    Content-Length), an archive that ends inside a record, or one warcio cannot parse becomes one
    ``bad_warc`` quarantine unit, after the complete records before it."""
    try:
        fh = open(item.path, "rb")  # noqa: SIM115 - closed below, after streaming
        size = os.fstat(fh.fileno()).st_size
    except OSError as exc:
        yield Unit(item.path, item.fmt, b"", error=("unreadable", str(exc)))
        return
    with fh:
        n = 0
        it = ArchiveIterator(fh)
        try:
            for record in it:
                n += 1
                where = f"{item.path}#{n}"
                if not _is_page(record):
                    _drain(record.raw_stream)
                    if record.raw_stream.limit > 0:
                        raise EOFError(f"record {n} ({record.rec_type}) is cut short")
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI")
                raw = record.content_stream().read(MAX_PAGE_BYTES + 1)
                if len(raw) > MAX_PAGE_BYTES:
                    _drain(record.raw_stream)
                    yield Unit(where, item.fmt, b"", url=url, error=("too_large", f"record over {MAX_PAGE_BYTES} bytes"))
                    continue
                _drain(record.raw_stream)
                if record.raw_stream.limit > 0:
                    raise EOFError(f"record {n} is cut short ({record.raw_stream.limit} bytes missing)")
                yield Unit(where, item.fmt, raw, crawled_at=parse_timestamp(record.rec_headers.get_header("WARC-Date")),
                           url=url)
            if it.offset < size:
                raise EOFError(f"archive ends inside a record: {size - it.offset} bytes after the last complete one")
        except Exception as exc:  # noqa: BLE001 - warcio raises many types (even AttributeError) on damage
            yield Unit(f"{item.path}#{n}", item.fmt, b"", error=("bad_warc", f"archive damaged after {n - 1} records: "
                                                                  f"{type(exc).__name__}: {exc}"[:500]))
