"""Headlines of a page: its own title, the ticker of other stories, and 'read also' links."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from transforms.arabic import normalize, normalize_cached
from transforms.page import Page


@dataclass(frozen=True, slots=True)
class Headline:
    headline_id: str
    kind: str  # 'title' | 'ticker' | 'related'
    position: int
    text: str
    text_norm: str


def headline_id(page_id: str, kind: str, position: int) -> str:
    return hashlib.blake2b(f"{page_id}/{kind}/{position}".encode(), digest_size=8).hexdigest()


def extract_headlines(page: Page, page_id: str) -> list[Headline]:
    """Every headline the page shows, in page order within each kind. Ticker and related
    headlines repeat across thousands of pages, so their normal form is cached."""
    out = [Headline(headline_id(page_id, "title", 0), "title", 0, page.title, normalize(page.title))]
    for kind, texts in (("ticker", page.ticker), ("related", page.related)):
        out.extend(
            Headline(headline_id(page_id, kind, i), kind, i, text, normalize_cached(text))
            for i, text in enumerate(texts)
        )
    return out
