"""HTML pages: the aggregator template (known class names) or any news article (trafilatura).

The aggregator's markup is known (``span.articletitle``, ``span.articlenewspaper``,
``span.articlecontent``), so it is read with those selectors and then goes through the same
line logic as the text dumps. Any other page goes to trafilatura, a maintained extractor
that removes navigation and boilerplate far better than hand-written rules would.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import lxml.html
import trafilatura
from trafilatura.settings import Document

from transforms.arabic import clean_spaces
from transforms.dates import parse_date
from transforms.page import Page, PageError
from transforms.parse.aggregator_text import parse_aggregator_text

AGGREGATORS = ("maghress", "masress", "sauress", "turess", "yemeress", "libyaress", "djazairess", "sudaress")
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article", "blockquote"}
_NBSP_RUN = "\u00a0 \u00a0 \u00a0 "


def site_of(url: str | None) -> str | None:
    """'https://www.maghress.com/alqanat/123' -> 'maghress'; other hosts -> domain without www."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    label = host.split(".")[0]
    return label if label in AGGREGATORS else host


def _lines(el: lxml.html.HtmlElement) -> list[str]:
    """Visible text of an element, one line per block or <br>."""
    chunks: list[str] = []

    def walk(node: lxml.html.HtmlElement) -> None:
        if node.tag in ("script", "style", "noscript"):
            if node.tail:
                chunks.append(node.tail)
            return
        block = isinstance(node.tag, str) and node.tag.lower() in _BLOCK
        if block:
            chunks.append("\n")
        if node.text:
            chunks.append(node.text)
        for child in node:
            walk(child)
        if block:
            chunks.append("\n")
        if node.tail:
            chunks.append(node.tail)

    walk(el)
    return [clean_spaces(line) for line in "".join(chunks).split("\n") if clean_spaces(line)]


def _meta_url(doc: lxml.html.HtmlElement) -> str | None:
    for xp in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = doc.xpath(xp)
        if found:
            return str(found[0]).strip() or None
    return None


def parse_html(html: str, url: str | None = None) -> Page:
    """Parse an HTML page; raises PageError('bad_html'|'no_title'|'no_body')."""
    try:
        doc = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise PageError("bad_html", f"HTML parser failed: {exc}") from exc
    url = url or _meta_url(doc)
    titles = doc.find_class("articletitle")
    if titles:
        return _parse_aggregator(doc, titles[0], url)
    return _parse_article(html, url)


def _parse_aggregator(doc: lxml.html.HtmlElement, title_el: lxml.html.HtmlElement, url: str | None) -> Page:
    ticker: list[str] = []
    for el in doc.xpath('//*[contains(@class,"ticker") or contains(@id,"ticker") or self::marquee]'):
        ticker.extend(clean_spaces(a.text_content()) for a in el.iter("a") if clean_spaces(a.text_content()))
    lines: list[str] = []
    if ticker:
        lines.append(_NBSP_RUN.join(ticker) + _NBSP_RUN)
    lines.append(clean_spaces(title_el.text_content()))
    for el in doc.find_class("articlenewspaper")[:1]:
        lines.append(clean_spaces(el.text_content()))
    for el in doc.find_class("articlecontent"):
        lines.extend(_lines(el))
    page = parse_aggregator_text("\n".join(lines))
    return Page(
        title=page.title,
        paragraphs=page.paragraphs,
        input_format="aggregator_html",
        outlet=page.outlet,
        published_date=page.published_date,
        url=url,
        source_site=site_of(url),
        ticker=page.ticker,
        related=page.related,
    )


def _parse_article(html: str, url: str | None) -> Page:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False, include_tables=False)
    if not isinstance(doc, Document) or not (doc.text or "").strip():  # as_dict=False: a Document or None
        raise PageError("no_body", "trafilatura found no article text in the HTML")
    text = doc.text or ""
    title = clean_spaces(doc.title or "")
    paragraphs = [clean_spaces(p) for p in text.split("\n") if clean_spaces(p)]
    if paragraphs and title and clean_spaces(paragraphs[0]) == title:
        paragraphs = paragraphs[1:]
    if not title:
        raise PageError("no_title", "the HTML has no article title")
    if not paragraphs:
        raise PageError("no_body", f"title {title[:60]!r} has no body paragraphs")
    url = url or doc.url
    return Page(
        title=title,
        paragraphs=tuple(paragraphs),
        input_format="html",
        outlet=clean_spaces(doc.sitename) if doc.sitename else None,
        published_date=parse_date(doc.date),
        url=url,
        source_site=site_of(url) or (doc.hostname or None),
    )
