"""Web archives (.warc / .warc.gz, Common Crawl style), streamed record by record with warcio."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from flows.inputs import MAX_PAGE_BYTES, InputFile, Unit


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def read_warc(item: InputFile) -> Iterator[Unit]:
    """One unit per HTML response record; other records (requests, metadata, images) are not pages."""
    try:
        fh = open(item.path, "rb")  # noqa: SIM115 - closed below, after streaming
    except OSError as exc:
        yield Unit(item.path, item.fmt, b"", error=("unreadable", str(exc)))
        return
    with fh:
        n = 0
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                n += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{item.path}#{n}"
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                raw = record.content_stream().read(MAX_PAGE_BYTES + 1)
                if len(raw) > MAX_PAGE_BYTES:
                    yield Unit(where, item.fmt, b"", url=url, error=("too_large", f"record over {MAX_PAGE_BYTES} bytes"))
                    continue
                yield Unit(where, item.fmt, raw, crawled_at=_warc_date(record.rec_headers.get_header("WARC-Date")), url=url)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
            yield Unit(f"{item.path}#{n + 1}", item.fmt, b"", error=("bad_warc", f"archive unreadable after {n} records: {exc}"))
