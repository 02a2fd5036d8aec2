"""The typed record every input format is parsed into, and the error that quarantines a page."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

from transforms.arabic import normalize, words


@dataclass(frozen=True, slots=True)
class Page:
    """One article page, whatever format it came in."""

    title: str
    paragraphs: tuple[str, ...]
    input_format: str
    outlet: str | None = None
    published_date: date | None = None
    url: str | None = None
    source_site: str | None = None
    crawled_at: datetime | None = None
    ticker: tuple[str, ...] = field(default_factory=tuple)
    related: tuple[str, ...] = field(default_factory=tuple)

    @property
    def article_id(self) -> str:
        return article_id(self.title, self.paragraphs)


class PageError(ValueError):
    """A page that cannot be parsed. ``reason`` is a short code stored in the quarantine table."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def page_id(raw: bytes) -> str:
    """Identity of the raw bytes: the same file seen twice is the same page."""
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


def article_id(title: str, paragraphs: tuple[str, ...] | list[str]) -> str:
    """Identity of the story, not of the page: the same article on two pages (ticker, boilerplate
    or encoding aside) hashes its normalised title and first 40 body words to the same id."""
    # 40 words never take more than ~600 characters: normalise only those.
    head = " ".join(words(normalize(" ".join(paragraphs[:3])[:800], fold_hamza=True, fold_ta_marbuta=True))[:40])
    key = normalize(title, fold_hamza=True, fold_ta_marbuta=True) + "\x1f" + head
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()
