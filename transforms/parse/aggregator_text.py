"""Text dumps of maghress-family aggregator pages (maghress, masress, sauress, turess, yemeress...).

What a browser shows of such a page: a ticker of other headlines separated by runs of
NBSP, image-report boilerplate, the title, 'نشر في <outlet> يوم DD - MM - YYYY', the body
with 'اقرأ أيضا: ...' related links, and 'انقر هنا لقراءة الخبر من مصدره.' at the end.
Every part may be missing on real pages; only a title and a body are required.
"""

from __future__ import annotations

import re

from transforms.arabic import clean_spaces, normalize, normalize_cached
from transforms.dates import parse_date
from transforms.page import Page, PageError

_PUBLISHED = re.compile(r"^نشر\s+في\s+(?P<outlet>.+?)\s+يوم\s+(?P<date>.+?)\s*$")
_RELATED = re.compile(r"^\s*[اإ]قر[اأ]\s+[اأ]يضا[ًا]?\s*[:：\-–]?\s*(?P<text>.*)$")
# A ticker separator: a run of two or more blanks that contains a NBSP, or four plain spaces.
_TICKER_SEP = re.compile(r"[ \t]*\u00a0[\u00a0 \t]+|[ \t]{4,}")
# Lines of the page template, compared after normalisation.
_BOILERPLATE = {
    normalize(s)
    for s in (
        "شكرا على الإبلاغ!",
        "سيتم حجب هذه الصورة تلقائيا عندما يتم الإبلاغ عنها من طرف عدة أشخاص.",
        "انقر هنا لقراءة الخبر من مصدره.",
        "الإبلاغ عن صورة",
        "إبلاغ",
    )
}
_CLOSING = normalize("انقر هنا لقراءة الخبر من مصدره")


_LONGEST_BOILERPLATE = max(len(b) for b in _BOILERPLATE) + 10


def _is_boilerplate(line: str) -> bool:
    if len(line) > _LONGEST_BOILERPLATE:  # body paragraphs: no need to normalise them
        return False
    norm = normalize_cached(line)
    return norm in _BOILERPLATE or not any(c.isalnum() for c in norm)


def split_ticker(line: str) -> list[str]:
    """Headlines of a ticker line; fewer than two means the line is no ticker."""
    parts = [clean_spaces(p) for p in _TICKER_SEP.split(line)]
    return [p for p in parts if p]


def parse_aggregator_text(text: str) -> Page:
    """Parse a page dump; raises PageError('no_title'|'no_body')."""
    lines = text.split("\n")
    ticker: list[str] = []
    date_at = outlet = published = None
    for i, line in enumerate(lines):
        m = _PUBLISHED.match(clean_spaces(line))
        if m:
            date_at, outlet = i, m.group("outlet").strip()
            published = parse_date(m.group("date"))
            break

    head = lines if date_at is None else lines[:date_at]
    title = ""
    title_at = -1
    for i, line in enumerate(head):
        if not line.strip() or _is_boilerplate(line):
            continue
        parts = split_ticker(line)
        if len(parts) >= 2:
            ticker.extend(parts)
            continue
        if date_at is None:
            title, title_at = parts[0], i
            break
        title, title_at = parts[0], i  # the last content line before the date line wins
    if not title:
        raise PageError("no_title", "no title line found before the body")

    body_from = (date_at if date_at is not None else title_at) + 1
    paragraphs: list[str] = []
    related: list[str] = []
    for line in lines[body_from:]:
        clean = clean_spaces(line)
        if not clean:
            continue
        if normalize(clean).rstrip(".").strip() == _CLOSING:
            break
        if m := _RELATED.match(clean):
            if m.group("text").strip():
                related.append(m.group("text").strip())
            continue
        if _is_boilerplate(clean):
            continue
        paragraphs.append(clean)
    if not paragraphs:
        raise PageError("no_body", f"title {title[:60]!r} has no body paragraphs")
    return Page(
        title=title,
        paragraphs=tuple(paragraphs),
        input_format="aggregator_text",
        outlet=outlet,
        published_date=published,
        ticker=tuple(ticker),
        related=tuple(related),
    )
