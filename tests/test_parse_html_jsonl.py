"""HTML pages (the aggregator's markup and plain news articles) and scraper JSON Lines records."""

from __future__ import annotations

import html
import json
from datetime import date

import pytest

from transforms.page import PageError
from transforms.parse import parse_unit
from transforms.parse.html import site_of


def _seed_parts(seed_bytes: bytes) -> tuple[list[str], str, list[str]]:
    lines = seed_bytes.decode("utf-8").split("\n")
    ticker = [x.strip() for x in lines[0].split("\u00a0") if x.strip()]
    at = next(i for i, line in enumerate(lines) if line.startswith("نشر في"))
    body = [line for line in lines[at + 1 :] if line.strip() and not line.startswith("انقر هنا")]
    return ticker, lines[at - 1], body


def aggregator_html(seed_bytes: bytes) -> bytes:
    ticker, title, body = _seed_parts(seed_bytes)
    items = "".join(f'<li><a href="/x/{i}">{html.escape(t)}</a></li>' for i, t in enumerate(ticker))
    content = "<br><br>".join(html.escape(p) for p in body)
    return f"""<html dir="rtl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<link rel="canonical" href="https://www.maghress.com/alqanat/123456"></head><body>
<div class="ticker"><ul>{items}</ul></div>
<div>شكرا على الإبلاغ!<br>سيتم حجب هذه الصورة تلقائيا عندما يتم الإبلاغ عنها من طرف عدة أشخاص.</div>
<span class="articletitle"><h1>{html.escape(title)}</h1></span>
<span class="articlenewspaper">نشر في <a href="/alqanat">القناة</a> يوم 08 - 06 - 2022</span>
<span class="articlecontent">{content}</span>
<a href="https://alqanat.ma/x">انقر هنا لقراءة الخبر من مصدره.</a></body></html>""".encode()


def test_aggregator_html_matches_text_dump(seed_bytes: bytes) -> None:
    from_text = parse_unit(seed_bytes, "text")
    page = parse_unit(aggregator_html(seed_bytes), "html")
    assert page.input_format == "aggregator_html"
    assert page.title == from_text.title
    assert page.outlet == "القناة" and page.published_date == date(2022, 6, 8)
    assert page.paragraphs == from_text.paragraphs
    assert page.ticker == from_text.ticker and page.related == from_text.related
    assert page.url == "https://www.maghress.com/alqanat/123456" and page.source_site == "maghress"
    assert page.article_id == from_text.article_id  # same story, two pages, one id


def test_plain_article_html_uses_trafilatura(seed_bytes: bytes) -> None:
    _, title, body = _seed_parts(seed_bytes)
    body = [p for p in body if not p.startswith("اقرأ أيضا")]
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in body)
    doc = f"""<html><head><meta charset="utf-8"><title>{html.escape(title)} | القناة</title>
<meta property="og:site_name" content="القناة"><meta property="article:published_time" content="2022-06-08T10:00:00+01:00">
<link rel="canonical" href="https://alqanat.ma/news/123"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav><article><h1>{html.escape(title)}</h1>{paras}</article>
<footer>جميع الحقوق محفوظة</footer></body></html>""".encode()
    page = parse_unit(doc, "html")
    assert page.input_format == "html"
    assert page.title == title
    assert page.published_date == date(2022, 6, 8)
    assert page.outlet == "القناة" and page.source_site == "alqanat.ma"
    assert list(page.paragraphs) == body
    assert "الرئيسية" not in " ".join(page.paragraphs) and "جميع الحقوق" not in " ".join(page.paragraphs)


def test_html_without_article_is_quarantined() -> None:
    with pytest.raises(PageError) as info:
        parse_unit(b"<html><body><nav>menu</nav></body></html>", "html")
    assert info.value.reason in ("no_body", "no_title")


def test_jsonl_newsplease_fields(seed_bytes: bytes) -> None:
    _, title, body = _seed_parts(seed_bytes)
    rec = {"title": title, "maintext": "\n\n".join(body), "date_publish": "2022-06-08 10:31:00",
           "source_domain": "alqanat.ma", "url": "https://alqanat.ma/n/1", "date_download": "2022-06-09T00:00:00"}
    page = parse_unit(json.dumps(rec, ensure_ascii=False).encode(), "jsonl")
    assert page.title == title and list(page.paragraphs) == body  # non-empty lines, in order
    assert page.published_date == date(2022, 6, 8) and page.outlet == "alqanat.ma"
    assert page.crawled_at is not None and page.crawled_at.year == 2022


def test_jsonl_aliases() -> None:
    rec = {"title": "عنوان", "body": "فقرة أولى\nفقرة ثانية", "outlet": "هسبريس", "published": "2023-01-02"}
    page = parse_unit(json.dumps(rec, ensure_ascii=False).encode(), "jsonl")
    assert page.paragraphs == ("فقرة أولى", "فقرة ثانية") and page.outlet == "هسبريس"
    assert page.published_date == date(2023, 1, 2)
    page = parse_unit(json.dumps({"title": "ع", "text": "نص"}, ensure_ascii=False).encode(), "jsonl")
    assert page.paragraphs == ("نص",)


@pytest.mark.parametrize(
    ("line", "reason"),
    [(b'{"title": "x", "maintext": "', "bad_json"), (b"[1, 2]", "bad_json"),
     (b'{"maintext": "body"}', "no_title"), (b'{"title": "t", "maintext": "  "}', "no_body")],
)
def test_jsonl_bad_records(line: bytes, reason: str) -> None:
    with pytest.raises(PageError) as info:
        parse_unit(line, "jsonl")
    assert info.value.reason == reason


def test_site_of() -> None:
    assert site_of("https://www.masress.com/alwafd/42") == "masress"
    assert site_of("http://turess.com/x/1") == "turess"
    assert site_of("https://www.hespress.com/a.html") == "hespress.com"
    assert site_of(None) is None
