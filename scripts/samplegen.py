"""Render ANT articles as the pages akhbar reads: aggregator text dumps and HTML, plain article
HTML, and scraper JSON Lines records. Used by build_samples.py and the benchmarks, so the
bundled samples and the benchmark corpora are made the same way.

The aggregator template follows the seed page (../shared/seeds) and the facts in
../shared/README.md: ticker line of other headlines separated by NBSP runs, image-report
boilerplate, title, 'نشر في <outlet> يوم DD - MM - YYYY', body, 'اقرأ أيضا: ...' links,
'انقر هنا لقراءة الخبر من مصدره.'.
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass

from antcorpus import AntDoc

SEP = "\u00a0 \u00a0 \u00a0 "
OUTLET = "جوهرة أف أم"
SITE = "turess"
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
BOILERPLATE = ["شكرا على الإبلاغ!", "سيتم حجب هذه الصورة تلقائيا عندما يتم الإبلاغ عنها من طرف عدة أشخاص."]
CLOSING = "انقر هنا لقراءة الخبر من مصدره."


@dataclass(frozen=True)
class Variant:
    ticker: bool = True
    date_line: bool = True
    related: int = 1
    indic_digits: bool = False
    crlf: bool = False
    encoding: str = "utf-8"  # utf-8 | utf-8-sig | cp1256 | utf-16


def ymd(doc: AntDoc) -> tuple[str, str, str]:
    """ANT times are ISO ('2017-01-21T16:19') or 'DD/MM/YYYY ...'."""
    t = doc.time[:10]
    if "/" in t:
        d, m, y = t.split("/")
        return y, m.zfill(2), d.zfill(2)
    y, m, d = t.split("-")
    return y, m, d


def aggregator_text(doc: AntDoc, ticker: Sequence[str], related: Sequence[str], v: Variant) -> bytes:
    lines: list[str] = []
    if v.ticker and ticker:
        lines += [SEP.join(ticker) + SEP, "", "", ""]
    lines += [*BOILERPLATE, "", "", ""]
    lines.append(doc.title)
    if v.date_line:
        y, m, d = ymd(doc)
        date = f"{d} - {m} - {y}"
        lines.append(f"نشر في {OUTLET} يوم {date.translate(ARABIC_INDIC) if v.indic_digits else date}")
    lines.append("")
    body = list(doc.paragraphs)
    for i, rel in enumerate(related[: v.related]):
        body.insert(min(len(body), 1 + 2 * i), f"اقرأ أيضا: {rel}")
    lines += body
    lines += ["", "", CLOSING]
    text = ("\r\n" if v.crlf else "\n").join(lines) + "\n"
    return text.encode(v.encoding, errors="replace" if v.encoding == "cp1256" else "strict")


def aggregator_html(doc: AntDoc, ticker: Sequence[str], related: Sequence[str], page_no: int) -> bytes:
    y, m, d = ymd(doc)
    esc = html.escape
    tick = "".join(f'<li><a href="/jawharafm/{page_no * 7 + i}">{esc(t)}</a></li>' for i, t in enumerate(ticker))
    paras = [esc(p) for p in doc.paragraphs]
    for i, rel in enumerate(related):
        paras.insert(min(len(paras), 1 + i), f'اقرأ أيضا: <a href="/jawharafm/{page_no + 1000 + i}">{esc(rel)}</a>')
    body = "<br><br>".join(paras)
    url = f"https://www.turess.com/jawharafm/{100000 + page_no}"
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{esc(doc.title)} - تونس</title>
<link rel="canonical" href="{url}"></head>
<body><div id="header"><a href="/">Turess</a></div>
<div class="ticker"><ul>{tick}</ul></div>
<div class="imgreport">شكرا على الإبلاغ!<br>سيتم حجب هذه الصورة تلقائيا عندما يتم الإبلاغ عنها من طرف عدة أشخاص.</div>
<div class="article"><span class="articletitle"><h1>{esc(doc.title)}</h1></span>
<span class="articlenewspaper">نشر في <a href="/jawharafm">{OUTLET}</a> يوم {d} - {m} - {y}</span><br>
<span class="articlecontent">{body}</span>
<div class="source"><a href="{esc(doc.url)}">{CLOSING}</a></div></div>
<div id="footer">جميع الحقوق محفوظة</div></body></html>
""".encode()


def article_html(doc: AntDoc) -> bytes:
    esc = html.escape
    paras = "\n".join(f"<p>{esc(p)}</p>" for p in doc.paragraphs)
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{esc(doc.title)} | جوهرة أف أم</title>
<meta property="og:title" content="{esc(doc.title)}">
<meta property="og:site_name" content="{OUTLET}">
<meta property="og:url" content="{esc(doc.url)}">
<meta property="article:published_time" content="{esc(doc.time)}">
<link rel="canonical" href="{esc(doc.url)}"></head>
<body><header><nav><a href="/ar">الرئيسية</a> <a href="/ar/news">أخبار</a> <a href="/ar/sport">رياضة</a></nav></header>
<main><article><h1>{esc(doc.title)}</h1><time datetime="{esc(doc.time)}">{esc(doc.time[:10])}</time>
{paras}
</article></main>
<aside><h3>الأكثر قراءة</h3><ul><li><a href="/ar/1">خبر آخر</a></li></ul></aside>
<footer>جميع الحقوق محفوظة © جوهرة أف أم</footer></body></html>
""".encode()


def jsonl_record(doc: AntDoc) -> bytes:
    rec = {
        "title": doc.title,
        "maintext": "\n".join(doc.paragraphs),
        "date_publish": doc.time[:19].replace("T", " "),
        "source_domain": "jawharafm.net",
        "url": doc.url,
        "language": "ar",
    }
    return json.dumps(rec, ensure_ascii=False).encode() + b"\n"


def ticker_for(titles: Sequence[str], rng: random.Random, n: int | None = None) -> list[str]:
    return rng.sample(list(titles), n or rng.randint(20, 50))
