"""Arrow schemas of every lake table: the one place where columns are named and typed.

Each table is documented column by column (``COLUMNS``) so that the README, the
catalog comments and the writer all say the same thing.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

ARTICLES = pa.schema(
    [
        ("article_id", pa.string()),
        ("page_id", pa.string()),
        ("source_path", pa.string()),
        ("input_format", pa.string()),
        ("source_site", pa.string()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("published_date", pa.date32()),
        ("crawled_at", TS),
        ("paragraphs", pa.list_(pa.string())),
        ("n_paragraphs", pa.int32()),
        ("n_words", pa.int32()),
        ("ingested_at", TS),
        ("pipeline_version", pa.string()),
    ]
)

HEADLINES = pa.schema(
    [
        ("headline_id", pa.string()),
        ("page_id", pa.string()),
        ("article_id", pa.string()),
        ("kind", pa.string()),
        ("position", pa.int32()),
        ("text", pa.string()),
        ("text_norm", pa.string()),
        ("topic", pa.string()),
        ("topic_score", pa.float32()),
        ("published_date", pa.date32()),
        ("crawled_at", TS),
        ("source_site", pa.string()),
        ("outlet", pa.string()),
    ]
)

ORGANISATIONS = pa.schema(
    [
        ("article_id", pa.string()),
        ("page_id", pa.string()),
        ("paragraph", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("surface", pa.string()),
        ("canonical", pa.string()),
        ("org_type", pa.string()),
        ("confidence", pa.float32()),
        ("published_date", pa.date32()),
        ("outlet", pa.string()),
        ("model_version", pa.string()),
    ]
)

QUOTES = pa.schema(
    [
        ("quote_id", pa.string()),
        ("article_id", pa.string()),
        ("page_id", pa.string()),
        ("paragraph", pa.int32()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("quote", pa.string()),
        ("kind", pa.string()),
        ("verb", pa.string()),
        ("verb_lemma", pa.string()),
        ("speaker", pa.string()),
        ("speaker_canonical", pa.string()),
        ("speaker_type", pa.string()),
        ("speaker_role", pa.string()),
        ("speaker_org", pa.string()),
        ("confidence", pa.float32()),
        ("published_date", pa.date32()),
        ("outlet", pa.string()),
        ("model_version", pa.string()),
    ]
)

TOPICS = pa.schema(
    [
        ("article_id", pa.string()),
        ("page_id", pa.string()),
        ("topic", pa.string()),
        ("score", pa.float32()),
        ("rank", pa.int32()),
        ("model_version", pa.string()),
        ("published_date", pa.date32()),
        ("outlet", pa.string()),
    ]
)

KEYWORDS = pa.schema(
    [
        ("article_id", pa.string()),
        ("page_id", pa.string()),
        ("term", pa.string()),
        ("score", pa.float32()),
        ("rank", pa.int32()),
        ("published_date", pa.date32()),
        ("outlet", pa.string()),
    ]
)

QUARANTINE = pa.schema(
    [
        ("page_id", pa.string()),
        ("source_path", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("seen_at", TS),
        ("pipeline_version", pa.string()),
    ]
)

SOURCES = pa.schema(
    [
        ("source_key", pa.uint64()),
        ("source_path", pa.string()),
        ("size", pa.int64()),
        ("mtime_ns", pa.int64()),
        ("units", pa.int32()),
        ("settled_at", TS),
        ("pipeline_version", pa.string()),
    ]
)

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "headlines": HEADLINES,
    "organisations": ORGANISATIONS,
    "quotes": QUOTES,
    "topics": TOPICS,
    "keywords": KEYWORDS,
    "quarantine": QUARANTINE,
    "sources": SOURCES,
}

COLUMNS: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "stable id of the article: the same story from two pages gets one id (hash of normalised title and body start)",
        "page_id": "hash of the raw page bytes (one row per page)",
        "source_path": "file (and line or record) the page came from",
        "input_format": "aggregator_text | aggregator_html | html | jsonl | warc",
        "source_site": "aggregator or site the page came from (maghress, masress, ... or the domain), null when unknown",
        "outlet": "original outlet (the <outlet> of 'نشر في <outlet> يوم ...'), null when unknown",
        "url": "canonical URL when known",
        "title": "article title",
        "published_date": "publication date (DATE)",
        "crawled_at": "when the page was fetched (file mtime when nothing better is known)",
        "paragraphs": "body paragraphs in order, boilerplate removed",
        "n_paragraphs": "number of body paragraphs",
        "n_words": "words in the body",
        "ingested_at": "when akhbar wrote the row",
        "pipeline_version": "akhbar version that wrote the row",
    },
    "headlines": {
        "headline_id": "hash of page_id, kind and position",
        "page_id": "page the headline was read on",
        "article_id": "article of the page for kind='title'; null for ticker and related headlines",
        "kind": "title | ticker | related",
        "position": "order on the page within its kind, from 0",
        "text": "headline as written",
        "text_norm": "Arabic-normalised text (no tatweel or diacritics, one alef and ya, ASCII digits, plain spaces)",
        "topic": "topic key of the headline alone",
        "topic_score": "probability of that topic",
        "published_date": "publication date of the page's article",
        "crawled_at": "when the page was fetched",
        "source_site": "site of the page",
        "outlet": "outlet of the page's article",
    },
    "organisations": {
        "article_id": "article",
        "page_id": "page",
        "paragraph": "index into articles.paragraphs, -1 = the title",
        "start": "character offset of the mention in that paragraph",
        "end": "end offset: paragraph_text[start:end] == surface",
        "surface": "mention as written, a leading clitic (و ب ل لل ف ك) left out: للأمم المتحدة -> أمم المتحدة",
        "canonical": "name grouping all forms of one organisation",
        "org_type": "government | international | party | union | company | sports | media | ngo | education_research | religious | judiciary_security | other",
        "confidence": "0..1",
        "published_date": "article date",
        "outlet": "article outlet",
        "model_version": "version of the extractor and its model",
    },
    "quotes": {
        "quote_id": "hash of article_id, paragraph and offsets",
        "article_id": "article",
        "page_id": "page",
        "paragraph": "index into articles.paragraphs, -1 = the title",
        "start": "offset of the quoted content",
        "end": "end offset of the quoted content",
        "quote": "the content",
        "kind": "direct | indirect | mixed",
        "verb": "the reporting cue as written (e.g. وقال)",
        "verb_lemma": "its normalised lemma (e.g. قال)",
        "speaker": "speaker as written at the cue, may be empty when implicit",
        "speaker_canonical": "speaker resolved within the article (full name)",
        "speaker_type": "person | organisation | unnamed",
        "speaker_role": "apposition or title of the speaker",
        "speaker_org": "organisation in the role, canonical name",
        "confidence": "0..1",
        "published_date": "article date",
        "outlet": "article outlet",
        "model_version": "version of the extractor",
    },
    "topics": {
        "article_id": "article",
        "page_id": "page",
        "topic": "topic key (politics, economy, sport, ...)",
        "score": "calibrated probability",
        "rank": "1 = best",
        "model_version": "version of the topic model",
        "published_date": "article date",
        "outlet": "article outlet",
    },
    "keywords": {
        "article_id": "article",
        "page_id": "page",
        "term": "key term or phrase (normalised)",
        "score": "weight of the term in the article",
        "rank": "1 = best",
        "published_date": "article date",
        "outlet": "article outlet",
    },
    "quarantine": {
        "page_id": "hash of the raw bytes that could not be parsed (so reruns skip them too)",
        "source_path": "file (and line or record)",
        "reason": "short code: empty, binary, undecodable, bad_json, no_title, no_body, too_large, unreadable, ...",
        "detail": "human-readable explanation",
        "seen_at": "when it was quarantined",
        "pipeline_version": "akhbar version",
    },
    "sources": {
        "source_key": "hash of (source_path, size, mtime_ns): a rerun skips a file whose key is here without reading it",
        "source_path": "input file (a whole JSON Lines or WARC file, not one line or record)",
        "size": "file size in bytes when it was read",
        "mtime_ns": "file modification time (ns since the epoch) when it was read",
        "units": "pages (or lines, records) the file held, whether new, already in the lake or quarantined",
        "settled_at": "when the run committed the file's last page: every page of the file is in the lake "
        "(the catalog view keeps the latest row per source_key; --reprocess and backfill settle a file again)",
        "pipeline_version": "akhbar version",
    },
}

for _name, _schema in TABLES.items():
    assert set(_schema.names) == set(COLUMNS[_name]), _name
