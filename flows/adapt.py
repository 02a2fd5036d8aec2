"""The lake's articles an adaptation of the topic model learns from (``akhbar adapt-topics``).

Two passes over the articles table, so memory holds the texts of the chosen articles only: the first reads the
small columns (id, outlet, date) and picks at most ``max_articles`` distinct articles, a fixed sample (the lowest
hashes of their ids: the same lake gives the same sample); the second reads the texts of those.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from transforms.topics import home_of


def _read(lake, path, columns: list[str]) -> pa.Table:  # noqa: ANN001 - a Lake or an ObjectLake
    read = getattr(lake, "_read", None)
    return read(path, columns) if read else pq.read_table(path, columns=columns)


def lake_articles(
    lake,  # noqa: ANN001 - a Lake or an ObjectLake
    outlets: Sequence[str] = (),
    date_from: date | None = None,
    date_to: date | None = None,
    max_articles: int = 50_000,
    home_country: str | None = None,
) -> tuple[list[tuple[str, list[str]]], list[str | None], dict[str, Any]]:
    """(title, paragraphs) and home country of each chosen article, and a record of the choice."""
    files = lake.table_files("articles")
    wanted = set(outlets)
    rank: dict[str, bytes] = {}
    for f in files:
        t = _read(lake, f, ["article_id", "outlet", "published_date"]).to_pydict()
        for aid, outlet, day in zip(t["article_id"], t["outlet"], t["published_date"], strict=True):
            if wanted and outlet not in wanted:
                continue
            if (date_from and (day is None or day < date_from)) or (date_to and (day is None or day > date_to)):
                continue
            rank[aid] = hashlib.blake2b(aid.encode("utf-8"), digest_size=8).digest()
    matched = len(rank)
    chosen = set(sorted(rank, key=rank.__getitem__)[:max_articles])
    articles: list[tuple[str, list[str]]] = []
    homes: list[str | None] = []
    done: set[str] = set()
    for f in files:
        t = _read(lake, f, ["article_id", "title", "paragraphs", "source_site"]).to_pydict()
        for aid, title, paragraphs, site in zip(t["article_id"], t["title"], t["paragraphs"], t["source_site"],
                                                strict=True):
            if aid in chosen and aid not in done:  # an article served by several pages counts once
                done.add(aid)
                articles.append((title or "", list(paragraphs or [])))
                homes.append(home_of(site, home_country))
    made_from = {
        "lake": str(lake.root),
        "outlets": sorted(wanted) or "all",
        "from": date_from.isoformat() if date_from else None,
        "to": date_to.isoformat() if date_to else None,
        "articles_matching": matched,
        "articles_read": len(articles),
        "home_country": home_country,
    }
    return articles, homes, made_from
