"""Parsers from raw inputs (bytes) to :class:`transforms.page.Page`. Pure: no file or network I/O."""

from transforms.page import Page, PageError
from transforms.parse.aggregator_text import parse_aggregator_text
from transforms.parse.decode import decode
from transforms.parse.html import parse_html
from transforms.parse.records import parse_json_line

FORMATS = ("text", "html", "jsonl", "warc")


def parse_unit(raw: bytes, fmt: str, url: str | None = None) -> Page:
    """Parse one input unit (a file, a JSON line, a WARC record) of a known format into a Page.

    Raises PageError with a short reason code for anything that is not a usable article.
    """
    text = decode(raw)
    if fmt == "text":
        return parse_aggregator_text(text)
    if fmt in ("html", "warc"):
        return parse_html(text, url=url)
    if fmt == "jsonl":
        return parse_json_line(text)
    raise PageError("unsupported_format", f"no parser for format {fmt!r}")


__all__ = ["FORMATS", "Page", "PageError", "parse_unit"]
