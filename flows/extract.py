"""Rows of every table for a batch of parsed pages: one call per extractor over the whole batch."""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pyarrow as pa

from flows.schemas import TABLES
from transforms.arabic import count_words
from transforms.headlines import extract_headlines

if TYPE_CHECKING:
    from flows.process import Timings, _Parsed
    from transforms.topics import TopicModel

TOP_TOPICS = 3
KEYWORDS_PER_ARTICLE = 10


def _columns(name: str) -> dict[str, list]:
    return {col: [] for col in TABLES[name].names}


def _table(name: str, cols: dict[str, list]) -> pa.Table:
    return pa.table(cols, schema=TABLES[name])


def build_tables(
    pages: Sequence[_Parsed], extractors: Sequence[str], timings: Timings, home_country: str | None = None,
    topic_model: str | None = None,
) -> dict[str, pa.Table]:
    """Every table of a batch of parsed pages. ``home_country``: the outlets' country when the page
    does not say it (topics read domestic places differently from foreign ones). ``topic_model``: an
    adaptation file (``akhbar adapt-topics``) to classify with instead of the shipped topic model."""
    from flows.process import PIPELINE_VERSION
    from transforms.topics import home_of

    t = time.perf_counter()
    now = datetime.now(UTC)
    arts = _columns("articles")
    for p in pages:
        pg = p.page
        arts["article_id"].append(p.article_id)
        arts["page_id"].append(p.page_id)
        arts["source_path"].append(p.source_path)
        arts["input_format"].append(pg.input_format)
        arts["source_site"].append(pg.source_site)
        arts["outlet"].append(pg.outlet)
        arts["url"].append(pg.url)
        arts["title"].append(pg.title)
        arts["published_date"].append(pg.published_date)
        arts["crawled_at"].append(p.crawled_at)
        arts["paragraphs"].append(list(pg.paragraphs))
        arts["n_paragraphs"].append(len(pg.paragraphs))
        arts["n_words"].append(sum(count_words(x) for x in pg.paragraphs))
        arts["ingested_at"].append(now)
        arts["pipeline_version"].append(PIPELINE_VERSION)
    tables = {"articles": _table("articles", arts)}
    t = timings.add("articles", t)

    topics_of_article: list[tuple[str | None, float | None]] = [(None, None)] * len(pages)
    homes = [home_of(p.page.source_site, home_country) for p in pages]
    model = None
    if "topics" in extractors:
        model = _topic_model(topic_model)
        tables["topics"], topics_of_article = _topics(pages, homes, model)
        t = timings.add("topics", t)

    heads = _columns("headlines")
    pending: list[int] = []  # rows whose topic comes from the headline classifier
    pending_homes: list[str | None] = []
    for i, p in enumerate(pages):
        pg = p.page
        for h in extract_headlines(pg, p.page_id):
            heads["headline_id"].append(h.headline_id)
            heads["page_id"].append(p.page_id)
            heads["article_id"].append(p.article_id if h.kind == "title" else None)
            heads["kind"].append(h.kind)
            heads["position"].append(h.position)
            heads["text"].append(h.text)
            heads["text_norm"].append(h.text_norm)
            topic, score = topics_of_article[i] if h.kind == "title" else (None, None)
            if h.kind != "title" and "topics" in extractors:
                pending.append(len(heads["text"]) - 1)
                pending_homes.append(homes[i])
            heads["topic"].append(topic)
            heads["topic_score"].append(score)
            heads["published_date"].append(pg.published_date)
            heads["crawled_at"].append(p.crawled_at)
            heads["source_site"].append(pg.source_site)
            heads["outlet"].append(pg.outlet)
    t = timings.add("headlines", t)
    if pending and model is not None:  # pending is only filled when topics are extracted
        topics = _headline_topics([heads["text"][r] for r in pending], pending_homes, model)
        for row, (topic, score) in zip(pending, topics, strict=True):
            heads["topic"][row] = topic
            heads["topic_score"][row] = score
        t = timings.add("topics", t)
    tables["headlines"] = _table("headlines", heads)

    if "keywords" in extractors:
        tables["keywords"] = _keywords(pages)
        t = timings.add("keywords", t)
    mentions: list[list] = [[] for _ in pages]
    if "organisations" in extractors:
        tables["organisations"], mentions = _organisations(pages)
        t = timings.add("organisations", t)
    if "quotes" in extractors:
        tables["quotes"] = _quotes(pages, mentions)
        t = timings.add("quotes", t)
    return tables


_HEADLINE_CACHE: dict[tuple[str, str | None, str], tuple[str, float]] = {}
HEADLINE_CACHE_MAX = 200_000


def _topic_model(path: str | None) -> TopicModel:
    from flows import topic_models
    from transforms.topics import shipped_model

    return topic_models.load(path) if path else shipped_model()


def _headline_topics(texts: list[str], homes: list[str | None], model: TopicModel) -> list[tuple[str, float]]:
    """Topic of each ticker or related headline. The same ticker runs on every page an aggregator
    serves that hour, so each distinct (text, home country, model) is classified once per process (bounded cache)."""
    from transforms.topics import classify_headlines

    keys = [(t, h, model.version) for t, h in zip(texts, homes, strict=True)]
    new = list(dict.fromkeys(k for k in keys if k not in _HEADLINE_CACHE))
    if len(_HEADLINE_CACHE) + len(new) > HEADLINE_CACHE_MAX:
        _HEADLINE_CACHE.clear()
        new = list(dict.fromkeys(keys))
    found = classify_headlines([t for t, _, _ in new], [h for _, h, _ in new], model)
    for key, best in zip(new, found, strict=True):
        _HEADLINE_CACHE[key] = (best.topic, best.score)
    return [_HEADLINE_CACHE[k] for k in keys]


def _topics(
    pages: Sequence[_Parsed], homes: list[str | None], model: TopicModel
) -> tuple[pa.Table, list[tuple[str | None, float | None]]]:
    from transforms.topics import classify_articles

    cols = _columns("topics")
    best: list[tuple[str | None, float | None]] = []
    ranked = classify_articles([(p.page.title, p.page.paragraphs) for p in pages], homes, model)
    for p, scores in zip(pages, ranked, strict=True):
        best.append((scores[0].topic, scores[0].score) if scores else (None, None))
        for s in scores[:TOP_TOPICS]:
            cols["article_id"].append(p.article_id)
            cols["page_id"].append(p.page_id)
            cols["topic"].append(s.topic)
            cols["score"].append(s.score)
            cols["rank"].append(s.rank)
            cols["model_version"].append(model.version)
            cols["published_date"].append(p.page.published_date)
            cols["outlet"].append(p.page.outlet)
    return _table("topics", cols), best


def _keywords(pages: Sequence[_Parsed]) -> pa.Table:
    from transforms.keywords import extract_keywords_batch

    cols = _columns("keywords")
    ranked = extract_keywords_batch([(p.page.title, p.page.paragraphs) for p in pages], k=KEYWORDS_PER_ARTICLE)
    for p, kws in zip(pages, ranked, strict=True):
        for k in kws:
            cols["article_id"].append(p.article_id)
            cols["page_id"].append(p.page_id)
            cols["term"].append(k.term)
            cols["score"].append(k.score)
            cols["rank"].append(k.rank)
            cols["published_date"].append(p.page.published_date)
            cols["outlet"].append(p.page.outlet)
    return _table("keywords", cols)


def _organisations(pages: Sequence[_Parsed]) -> tuple[pa.Table, list[list]]:
    from transforms.organisations import MODEL_VERSION, extract_organisations

    cols = _columns("organisations")
    per_page: list[list] = []
    for p in pages:
        found = extract_organisations(p.page.title, p.page.paragraphs)
        per_page.append(found)
        for m in found:
            cols["article_id"].append(p.article_id)
            cols["page_id"].append(p.page_id)
            cols["paragraph"].append(m.paragraph)
            cols["start"].append(m.start)
            cols["end"].append(m.end)
            cols["surface"].append(m.surface)
            cols["canonical"].append(m.canonical)
            cols["org_type"].append(m.org_type)
            cols["confidence"].append(m.confidence)
            cols["published_date"].append(p.page.published_date)
            cols["outlet"].append(p.page.outlet)
            cols["model_version"].append(MODEL_VERSION)
    return _table("organisations", cols), per_page


def _quotes(pages: Sequence[_Parsed], mentions: list[list]) -> pa.Table:
    from transforms.quotes import MODEL_VERSION, extract_quotes

    cols = _columns("quotes")
    for p, orgs in zip(pages, mentions, strict=True):
        for q in extract_quotes(p.page.title, p.page.paragraphs, orgs):
            key = f"{p.page_id}/{q.paragraph}/{q.start}/{q.end}"
            cols["quote_id"].append(hashlib.blake2b(key.encode(), digest_size=8).hexdigest())
            cols["article_id"].append(p.article_id)
            cols["page_id"].append(p.page_id)
            for name in ("paragraph", "start", "end", "quote", "kind", "verb", "verb_lemma", "speaker",
                         "speaker_canonical", "speaker_type", "speaker_role", "speaker_org", "confidence"):
                cols[name].append(getattr(q, name))
            cols["published_date"].append(p.page.published_date)
            cols["outlet"].append(p.page.outlet)
            cols["model_version"].append(MODEL_VERSION)
    return _table("quotes", cols)
