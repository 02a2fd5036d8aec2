"""Scraper exports: one JSON object per article (news-please field names and common aliases)."""

from __future__ import annotations

import json
from typing import Any

from transforms.arabic import clean_spaces
from transforms.dates import parse_date, parse_timestamp
from transforms.page import Page, PageError
from transforms.parse.html import site_of

_ALIASES = {
    "title": ("title", "headline"),
    "body": ("maintext", "body", "text", "content"),
    "date": ("date_publish", "published", "date", "published_at"),
    "outlet": ("source_domain", "outlet", "source", "sitename"),
    "url": ("url", "link"),
    "crawled": ("date_download", "crawled_at", "date_modify"),
}


def _get(obj: dict[str, Any], field: str) -> Any:
    for key in _ALIASES[field]:
        value = obj.get(key)
        if value not in (None, "", []):
            return value
    return None


def parse_json_line(line: str) -> Page:
    """Parse one JSON Lines record; raises PageError('bad_json'|'no_title'|'no_body')."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise PageError("bad_json", f"invalid JSON at column {exc.colno}: {exc.msg}") from exc
    if not isinstance(obj, dict):
        raise PageError("bad_json", f"expected a JSON object, got {type(obj).__name__}")
    return parse_record(obj)


def parse_record(obj: dict[str, Any]) -> Page:
    title = _get(obj, "title")
    body = _get(obj, "body")
    if not isinstance(title, str) or not clean_spaces(title):
        raise PageError("no_title", "record has no title (title/headline)")
    if isinstance(body, list):
        body = "\n".join(str(p) for p in body)
    if not isinstance(body, str) or not body.strip():
        raise PageError("no_body", f"record {clean_spaces(title)[:60]!r} has no maintext/body/text")
    url = _get(obj, "url")
    outlet = _get(obj, "outlet")
    date_value = _get(obj, "date")
    return Page(
        title=clean_spaces(title),
        paragraphs=tuple(clean_spaces(p) for p in body.split("\n") if clean_spaces(p)),
        input_format="jsonl",
        outlet=clean_spaces(str(outlet)) if outlet else None,
        published_date=parse_date(str(date_value)) if date_value else None,
        url=str(url) if url else None,
        source_site=site_of(str(url)) if url else (clean_spaces(str(outlet)) if outlet else None),
        crawled_at=parse_timestamp(_get(obj, "crawled")),
    )
