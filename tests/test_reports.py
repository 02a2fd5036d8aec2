"""The report's SQL layer: every named query, the Arabic macros, the renderer's escaping and empty states.

Each test builds a small lake of real text (the shipped seed page, parsed by the real parser, plus a
handful of hand-written news items around it), writes it as Parquet per flows.schemas and catalogs
it with flows.catalog, exactly as the pipeline does.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flows.catalog import refresh_catalog, view_sql
from flows.lake import Lake
from flows.schemas import TABLES
from reports.render import collect, json_for_script, md_cell, query_names, render, run_query
from transforms.arabic import normalize
from transforms.headlines import extract_headlines
from transforms.parse import parse_unit

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "samples" / "aggregator" / "000_d65fcb83a8083adf.txt"
HOSTILE = '<script>alert("x")</script> عنوان & "اختبار" </script><!--'
ISESCO = "منظمة العالم الإسلامي للتربية والعلوم والثقافة"


def _ts(d: date, hour: int = 9) -> datetime:
    return datetime(d.year, d.month, d.day, hour, tzinfo=UTC)


def write_tables(root: Path, tables: dict[str, list[dict]]) -> Lake:
    """Write rows (missing columns = null) as one Parquet part per table, like a committed batch."""
    for name, rows in tables.items():
        if not rows:
            continue
        schema = TABLES[name]
        table = pa.Table.from_pylist([{c: r.get(c) for c in schema.names} for r in rows], schema=schema)
        folder = root / name
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / "part-test.parquet")
    return Lake(root)


def _article(pid: str, aid: str, outlet: str | None, d: date, title: str, paragraphs: list[str],
             site: str | None = "maghress") -> dict:
    return {"article_id": aid, "page_id": pid, "source_path": f"in/{pid}.txt", "input_format": "text",
            "source_site": site, "outlet": outlet, "url": f"https://www.maghress.com/x/{pid}", "title": title,
            "published_date": d, "crawled_at": _ts(d), "paragraphs": paragraphs, "n_paragraphs": len(paragraphs),
            "n_words": sum(len(p.split()) for p in paragraphs), "ingested_at": _ts(d, 12),
            "pipeline_version": "test"}


def _head(pid: str, aid: str | None, kind: str, pos: int, text: str, d: date, outlet: str | None,
          topic: str | None = None) -> dict:
    return {"headline_id": f"{pid}/{kind}/{pos}", "page_id": pid, "article_id": aid, "kind": kind, "position": pos,
            "text": text, "text_norm": normalize(text), "topic": topic, "topic_score": 0.9 if topic else None,
            "published_date": d, "crawled_at": _ts(d), "source_site": "maghress", "outlet": outlet}


def _org(pid: str, aid: str, d: date, outlet: str | None, surface: str, canonical: str, typ: str) -> dict:
    return {"article_id": aid, "page_id": pid, "paragraph": 0, "start": 0, "end": len(surface), "surface": surface,
            "canonical": canonical, "org_type": typ, "confidence": 0.9, "published_date": d, "outlet": outlet,
            "model_version": "test"}


def _quote(pid: str, aid: str, d: date, outlet: str | None, n: int, quote: str, speaker: str, canonical: str,
           stype: str = "person", role: str = "", org: str = "") -> dict:
    return {"quote_id": f"{pid}-{n}", "article_id": aid, "page_id": pid, "paragraph": n, "start": 0, "end": len(quote),
            "quote": quote, "kind": "direct", "verb": "قال", "verb_lemma": "قال", "speaker": speaker,
            "speaker_canonical": canonical, "speaker_type": stype, "speaker_role": role, "speaker_org": org,
            "confidence": 0.8, "published_date": d, "outlet": outlet, "model_version": "test"}


def _topic(pid: str, aid: str, d: date, outlet: str | None, topic: str, rank: int = 1) -> dict:
    return {"article_id": aid, "page_id": pid, "topic": topic, "score": 0.8 if rank == 1 else 0.1, "rank": rank,
            "model_version": "test", "published_date": d, "outlet": outlet}


def sample_tables() -> dict[str, list[dict]]:
    """The seed page plus seven items: a second page of one story, an older story for the
    previous period, a story without outlet or body, and a hostile headline."""
    page = parse_unit(SEED.read_bytes(), "text")
    d8, d7, d6, d5, d4 = (date(2022, 6, k) for k in (8, 7, 6, 5, 4))
    old = date(2022, 5, 28)
    seed_pid, seed_aid = "p-seed", page.article_id
    t = {name: [] for name in TABLES}
    t["articles"].append(_article(seed_pid, seed_aid, page.outlet, page.published_date, page.title,
                                  list(page.paragraphs)))
    for h in extract_headlines(page, seed_pid):
        t["headlines"].append(_head(seed_pid, seed_aid if h.kind == "title" else None, h.kind, h.position, h.text,
                                    page.published_date, page.outlet, "politics" if h.kind == "title" else None))
    un_title = "الأمم المتحدة تدعو الأطراف الليبية إلى استئناف الحوار السياسي"
    un_body = ["دعت الأمم المتحدة، اليوم الأربعاء، الأطراف الليبية إلى استئناف الحوار السياسي دون شروط مسبقة.",
               "وقال الأمين العام للأمم المتحدة إن الحل السياسي هو السبيل الوحيد، فيما رحب الاتحاد الأوروبي بالدعوة."]
    gov_title = "أخنوش: الحكومة ماضية في دعم القدرة الشرائية للأسر"
    gov_body = ["قال رئيس الحكومة عزيز أخنوش إن الحكومة ماضية في دعم القدرة الشرائية للأسر المغربية."]
    int_title = "وزارة الداخلية تعلن إجراءات جديدة لتنظيم الانتخابات الجزئية"
    int_body = ["أعلنت وزارة الداخلية، في بلاغ لها، عن إجراءات جديدة لتنظيم الانتخابات الجزئية المقبلة."]
    arts = [
        ("p-un", "a-un", "هسبريس", d8, un_title, un_body, "maghress"),
        ("p-un2", "a-un", "هسبريس", d8, un_title, un_body, "hespress.com"),  # the same story, second page
        ("p-gov", "a-gov", "هسبريس", d7, gov_title, gov_body, "maghress"),
        ("p-int", "a-int", "اليوم 24", d6, int_title, int_body, "maghress"),
        ("p-x", "a-x", "القناة", d5, HOSTILE, ["نص عاد بعد عنوان عدائي."], "maghress"),
        ("p-none", "a-none", None, d4, "خبر بلا منبر ولا نص", [], None),
        ("p-old", "a-old", "اليوم 24", old, "الاتحاد الأوروبي والأمم المتحدة يبحثان الوضع في ليبيا",
         ["بحث الاتحاد الأوروبي والأمم المتحدة الوضع في ليبيا."], "maghress"),
    ]
    for pid, aid, outlet, d, title, body, site in arts:
        t["articles"].append(_article(pid, aid, outlet, d, title, body, site))
        t["headlines"].append(_head(pid, aid, "title", 0, title, d, outlet, "politics"))
    # A ticker that carries the government story (held in the lake) and one story that is not.
    t["headlines"].append(_head("p-int", None, "ticker", 0, gov_title, d6, "اليوم 24", "economy"))
    t["headlines"].append(_head("p-x", None, "ticker", 0, "أخنوش: الحكومة ماضية في دعم القدرة الشرائية للأسر", d5,
                                "القناة", "economy"))
    t["headlines"].append(_head("p-x", None, "ticker", 1, HOSTILE, d5, "القناة", "society"))

    topics = [(seed_pid, seed_aid, page.published_date, page.outlet, "politics"), ("p-un", "a-un", d8, "هسبريس", "international"),
              ("p-un2", "a-un", d8, "هسبريس", "international"), ("p-gov", "a-gov", d7, "هسبريس", "economy"),
              ("p-int", "a-int", d6, "اليوم 24", "politics"), ("p-x", "a-x", d5, "القناة", "society"),
              ("p-old", "a-old", old, "اليوم 24", "international")]
    for pid, aid, d, outlet, topic in topics:
        t["topics"].append(_topic(pid, aid, d, outlet, topic))
        t["topics"].append(_topic(pid, aid, d, outlet, "culture", rank=2))

    t["organisations"] += [
        _org(seed_pid, seed_aid, d8, "القناة", "منظمة العالم الإسلامي للتربية والعلوم والثقافة", ISESCO, "international"),
        _org(seed_pid, seed_aid, d8, "القناة", "إيسيسكو", ISESCO, "international"),
        _org("p-un", "a-un", d8, "هسبريس", "الأمم المتحدة", "الأمم المتحدة", "international"),
        _org("p-un", "a-un", d8, "هسبريس", "للأمم المتحدة", "الأمم المتحدة", "international"),
        _org("p-un", "a-un", d8, "هسبريس", "الاتحاد الأوروبي", "الاتحاد الأوروبي", "international"),
        _org("p-un2", "a-un", d8, "هسبريس", "الأمم المتحدة", "الأمم المتحدة", "international"),
        _org("p-un2", "a-un", d8, "هسبريس", "الاتحاد الأوروبي", "الاتحاد الأوروبي", "international"),
        _org("p-gov", "a-gov", d7, "هسبريس", "الحكومة", "الحكومة", "government"),
        _org("p-int", "a-int", d6, "اليوم 24", "وزارة الداخلية", "وزارة الداخلية", "government"),
        _org("p-old", "a-old", old, "اليوم 24", "الامم المتحده", "الأمم المتحدة", "international"),
        _org("p-old", "a-old", old, "اليوم 24", "الاتحاد الأوروبي", "الاتحاد الأوروبي", "international"),
    ]
    t["quotes"] += [
        _quote("p-gov", "a-gov", d7, "هسبريس", 0, "الحكومة ماضية في دعم القدرة الشرائية للأسر المغربية", "أخنوش",
               "عزيز أخنوش", role="رئيس الحكومة", org="الحكومة"),
        _quote("p-old", "a-old", old, "اليوم 24", 0, "الدعم سيستمر إلى نهاية السنة", "اخنوش", "عزيز اخنوش",
               role="رئيس الحكومة", org="الحكومة"),
        _quote("p-int", "a-int", d6, "اليوم 24", 0, "الإجراءات الجديدة تضمن شفافية الاقتراع", "وزارة الداخلية",
               "وزارة الداخلية", stype="organisation"),
        _quote("p-un", "a-un", d8, "هسبريس", 1, "الحل السياسي هو السبيل الوحيد", "الأمين العام", "", stype="unnamed",
               role="الأمين العام للأمم المتحدة", org="الأمم المتحدة"),
        _quote("p-x", "a-x", d5, "القناة", 0, HOSTILE, "<b>متحدث</b>", "<b>متحدث</b>", role="<i>دور</i>",
               org="الحكومة"),
    ]
    now = datetime(2022, 6, 9, 8, tzinfo=UTC)
    t["quarantine"] += [
        {"page_id": "q1", "source_path": "in/bad.json", "reason": "bad_json", "detail": "Expecting value: line 1",
         "seen_at": now, "pipeline_version": "test"},
        {"page_id": "q2", "source_path": "in/empty.txt", "reason": "empty", "detail": "0 bytes", "seen_at": now,
         "pipeline_version": "test"},
        {"page_id": "q3", "source_path": "in/empty2.txt", "reason": "empty", "detail": "0 bytes", "seen_at": now,
         "pipeline_version": "test"},
    ]
    return t


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("lake")
    lake = write_tables(root, sample_tables())
    return refresh_catalog(lake, root / "c.duckdb")


@pytest.fixture
def con(catalog: Path) -> duckdb.DuckDBPyConnection:
    c = duckdb.connect(str(catalog), read_only=True)
    yield c
    c.close()


def q(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> list[dict]:
    r = run_query(con, name, params.get("date_from"), params.get("date_to"), params.get("outlet"))
    assert r.error is None, r.error
    return r.records()


JUNE = {"date_from": date(2022, 6, 1), "date_to": date(2022, 6, 8)}


# -- the named queries -----------------------------------------------------------------------------

def test_every_query_runs_with_and_without_filters(con: duckdb.DuckDBPyConnection) -> None:
    assert len(query_names()) >= 11
    for name in query_names():
        for params in ({}, JUNE, {**JUNE, "outlet": "هسبريس"}, {"outlet": "لا يوجد"}):
            q(con, name, **params)


def test_articles_per_outlet_day(con: duckdb.DuckDBPyConnection) -> None:
    rows = q(con, "articles_per_outlet_day")
    by = {(r["published_date"], r["outlet"]): r for r in rows}
    # The UN story was read on two pages: one article, two pages.
    assert by[(date(2022, 6, 8), "هسبريس")]["articles"] == 1
    assert by[(date(2022, 6, 8), "هسبريس")]["pages"] == 2
    assert by[(date(2022, 6, 8), "القناة")]["articles"] == 1  # the seed page
    assert by[(date(2022, 6, 4), "(unknown)")]["articles"] == 1
    assert rows[0]["published_date"] == date(2022, 6, 8)  # newest first
    only = q(con, "articles_per_outlet_day", outlet="اليوم 24", date_from=date(2022, 6, 1))
    assert [(r["published_date"], r["articles"]) for r in only] == [(date(2022, 6, 6), 1)]


def test_topic_share(con: duckdb.DuckDBPyConnection) -> None:
    rows = q(con, "topic_share", **JUNE)
    assert {r["grain"] for r in rows} == {"day"}
    day8 = {r["topic"]: r for r in rows if r["period"] == date(2022, 6, 8)}
    # Two articles on the 8th (the UN story counts once although read twice), one topic each.
    assert day8["international"]["articles"] == 1 and day8["politics"]["articles"] == 1
    assert day8["international"]["share"] == pytest.approx(0.5)
    for period in {r["period"] for r in rows}:
        assert sum(r["share"] for r in rows if r["period"] == period) == pytest.approx(1.0, abs=1e-3)
    assert all(r["topic"] != "culture" for r in rows)  # rank 2 never counts


def test_top_organisations_compares_with_previous_period(con: duckdb.DuckDBPyConnection) -> None:
    rows = q(con, "top_organisations", **JUNE)
    by = {r["organisation"]: r for r in rows}
    un = by["الأمم المتحدة"]
    # 8-day period 1..8 June; previous = 24..31 May, which holds the older story.
    assert (un["period_start"], un["period_end"]) == (date(2022, 6, 1), date(2022, 6, 8))
    assert (un["prev_start"], un["prev_end"]) == (date(2022, 5, 24), date(2022, 5, 31))
    assert un["articles"] == 1 and un["mentions"] == 3 and un["previous_articles"] == 1 and un["change"] == 0
    assert by[ISESCO]["mentions"] == 2 and by[ISESCO]["previous_articles"] == 0 and by[ISESCO]["change_pct"] is None
    assert by["وزارة الداخلية"]["org_type"] == "government"
    assert [r["articles"] for r in rows] == sorted((r["articles"] for r in rows), reverse=True)


def test_top_organisations_default_period_is_last_30_days(con: duckdb.DuckDBPyConnection) -> None:
    rows = q(con, "top_organisations")
    assert rows[0]["period_end"] == date(2022, 6, 8)
    assert rows[0]["period_start"] == date(2022, 5, 10)
    un = next(r for r in rows if r["organisation"] == "الأمم المتحدة")
    assert un["articles"] == 2  # 8 June and 28 May are both inside the last 30 days


def test_organisation_pairs(con: duckdb.DuckDBPyConnection) -> None:
    rows = q(con, "organisation_pairs")
    assert len(rows) == 1  # only one pair meets in two articles
    pair = rows[0]
    assert {pair["organisation_a"], pair["organisation_b"]} == {"الأمم المتحدة", "الاتحاد الأوروبي"}
    assert pair["together"] == 2 and pair["jaccard"] == pytest.approx(1.0)
    assert q(con, "organisation_pairs", **JUNE) == []  # within June they meet once only


def test_top_speakers_groups_spelling_variants(con: duckdb.DuckDBPyConnection) -> None:
    rows = q(con, "top_speakers")
    top = rows[0]
    # "عزيز أخنوش" and "عزيز اخنوش" are one speaker.
    assert normalize(top["speaker"], fold_hamza=True) == "عزيز اخنوش"
    assert top["quotes"] == 2 and top["articles"] == 2 and top["role"] == "رئيس الحكومة"
    assert top["organisation"] == "الحكومة" and top["last_quoted"] == date(2022, 6, 7)
    assert all(r["speaker_type"] != "unnamed" for r in rows)
    assert {r["speaker"] for r in rows} >= {"وزارة الداخلية"}


def test_latest_quotes_by_organisation(con: duckdb.DuckDBPyConnection) -> None:
    rows = q(con, "latest_quotes_by_organisation")
    gov = [r for r in rows if r["organisation"] == "الحكومة"]
    assert [r["published_date"] for r in gov] == sorted((r["published_date"] for r in gov), reverse=True)
    assert gov[0]["quotes_in_period"] == 3 and len(gov) == 3
    first_real = next(r for r in gov if r["speaker"] == "عزيز أخنوش")
    assert first_real["title"] == "أخنوش: الحكومة ماضية في دعم القدرة الشرائية للأسر"
    # The organisation as speaker, and an unnamed spokesman of the UN, count for their organisations.
    assert {"وزارة الداخلية", "الأمم المتحدة"} <= {r["organisation"] for r in rows}


def test_ticker_headlines(con: duckdb.DuckDBPyConnection) -> None:
    rows = q(con, "ticker_headlines")
    by = {r["headline"]: r for r in rows}
    gov = by["أخنوش: الحكومة ماضية في دعم القدرة الشرائية للأسر"]
    assert gov["shown"] == 2 and gov["article_in_lake"] is True
    day5 = q(con, "ticker_headlines", date_from=date(2022, 6, 5), date_to=date(2022, 6, 5))
    assert {r["headline"]: r["article_in_lake"] for r in day5} == {HOSTILE: True, gov["headline"]: True}
    seed_ticker = "طهران مستعدة لتنازلات نووية بشروط"
    assert by[seed_ticker]["shown"] == 1 and by[seed_ticker]["article_in_lake"] is False
    assert len(rows) == 50  # the seed's 57-item ticker alone fills the top 50
    assert q(con, "ticker_headlines", outlet="اليوم 24")[0]["headline"] == gov["headline"]


def test_quality_queries(con: duckdb.DuckDBPyConnection) -> None:
    reasons = q(con, "quality_quarantine")
    assert [(r["reason"], r["inputs"]) for r in reasons] == [("empty", 2), ("bad_json", 1)]
    sources = {(r["source_site"], r["input_format"]): r for r in q(con, "quality_sources")}
    assert sources[("maghress", "text")]["pages"] == 6
    assert sources[("(unknown)", "text")]["empty_body"] == 1 and sources[("(unknown)", "text")]["no_outlet"] == 1
    empty = {(r["table"], r["field"]): r for r in q(con, "quality_empty_fields")}
    assert empty[("articles", "outlet")]["empty"] == 1 and empty[("articles", "outlet")]["rows"] == 8
    assert empty[("articles", "paragraphs")]["share"] == pytest.approx(1 / 8, abs=1e-4)
    assert empty[("quotes", "speaker_org")]["empty"] == 1


# -- macros -----------------------------------------------------------------------------------

def test_ar_norm_matches_python_on_every_bmp_character(con: duckdb.DuckDBPyConnection) -> None:
    chars = [chr(c) for c in range(1, 0x10000) if not 0xD800 <= c <= 0xDFFF] + ["\U0001f600", "\U00010000"]
    texts = [f" ب{c} {c}x{c}" for c in chars]  # beside letters, spaces and the ends
    for hamza, ta in ((False, False), (True, True)):  # the two other flag pairs: on real text below
        got = [r[0] for r in con.execute(
            "SELECT ar_norm_ext(s, ?, ?) FROM unnest(?) WITH ORDINALITY AS t(s, i) ORDER BY i", [hamza, ta, texts]
        ).fetchall()]
        want = [normalize(s, fold_hamza=hamza, fold_ta_marbuta=ta) for s in texts]
        bad = [(hex(ord(s[1])), g, w) for s, g, w in zip(texts, got, want, strict=True) if g != w]
        assert not bad, bad[:5]


def test_ar_norm_matches_python_on_real_text(con: duckdb.DuckDBPyConnection) -> None:
    lines = [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    lines += ["إِسْتِقْـــلالٌ", "مؤسسة\u00a0\u00a0الإيسيسكو ٢٠٢٢", "ﻻ ﻷ ﻹ ﻵ", "هيئة\u200fالأمم\u200b المتحدة\t\n",
              "أحمد  بن   علي", "مُدِيرَةُ الإِذَاعَةِ الوَطَنِيَّةِ", "رئيس الحكومة عزيز أخنوش"]
    lines += ["مؤسسة شؤون المرأة", "رئيس هيئة الإنصاف", "جزء سيئ من المسؤولية"]
    for call, kw in (("ar_norm(s)", {}), ("ar_norm_name(s)", {"fold_hamza": True, "fold_ta_marbuta": True}),
                     ("ar_norm_ext(s, true, false)", {"fold_hamza": True}),
                     ("ar_norm_ext(s, false, true)", {"fold_ta_marbuta": True})):
        got = [r[0] for r in con.execute(f"SELECT {call} FROM unnest(?) WITH ORDINALITY AS t(s, i) ORDER BY i",
                                         [lines]).fetchall()]
        assert got == [normalize(s, **kw) for s in lines], call
    # The lake's text_norm column was written by Python: SQL agrees row by row.
    assert con.execute("SELECT count(*) FROM headlines WHERE ar_norm(text) IS DISTINCT FROM text_norm").fetchone() == (0,)


def test_quotes_by_speaker_any_spelling(con: duckdb.DuckDBPyConnection) -> None:
    for spelling in ("أخنوش", "اخنوش", "عزيز أخنوش", "عَزِيز  أخـنوش"):
        rows = con.execute("SELECT * FROM quotes_by_speaker(?)", [spelling]).fetchall()
        assert len(rows) == 2, spelling
    rows = con.execute("SELECT published_date, title FROM quotes_by_speaker('اخنوش')").fetchall()
    assert rows[0] == (date(2022, 6, 7), "أخنوش: الحكومة ماضية في دعم القدرة الشرائية للأسر")
    assert con.execute("SELECT count(*) FROM quotes_by_speaker('أخنوشي')").fetchone() == (0,)  # whole words only


def test_organisation_macros_any_spelling(con: duckdb.DuckDBPyConnection) -> None:
    for spelling in ("الأمم المتحدة", "الامم المتحده", "الأُمَم المتّحدة", "للأمم المتحدة"):
        timeline = con.execute("SELECT * FROM organisation_timeline(?)", [spelling]).fetchall()
        assert [(r[0], r[1], r[2]) for r in timeline] == [
            ("الأمم المتحدة", date(2022, 5, 28), 1), ("الأمم المتحدة", date(2022, 6, 8), 1)], spelling
    # The UN's quote (its secretary general, unnamed) is on the timeline.
    assert con.execute("SELECT sum(quotes) FROM organisation_timeline('الامم المتحده')").fetchone() == (1,)
    # A written form finds its canonical organisation; a word finds every organisation containing it.
    assert con.execute("SELECT canonical, matched FROM organisations_named('إيسيسكو')").fetchall() == [(ISESCO, "exact")]
    words = {r[0] for r in con.execute("SELECT canonical FROM organisations_named('المتحده')").fetchall()}
    assert words == {"الأمم المتحدة"}
    mentions = con.execute("SELECT written_as, mentions FROM organisation_mentions('الامم المتحدة') "
                           "WHERE published_date = DATE '2022-05-28'").fetchall()
    assert mentions == [("الامم المتحده", 1)]
    said = con.execute("SELECT speaker, quote FROM organisation_quotes('وزاره الداخليه')").fetchall()
    assert said == [("وزارة الداخلية", "الإجراءات الجديدة تضمن شفافية الاقتراع")]


def test_headlines_matching(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute("SELECT headline, kinds, shown FROM headlines_matching('القدره الشرائيه')").fetchall()
    assert rows and rows[0][0] == "أخنوش: الحكومة ماضية في دعم القدرة الشرائية للأسر"
    assert rows[0][2] == 3 and set(rows[0][1].split(",")) == {"title", "ticker"}


# -- rendering -------------------------------------------------------------------------------

def test_render_report_escapes_news_text(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    out = render(con, tmp_path / "report.html")
    doc = out.html.read_text(encoding="utf-8")
    assert doc.startswith("<!doctype html>") and 'dir="rtl"' in doc and 'lang="ar"' in doc
    assert "alert(" in doc  # the hostile headline is shown...
    assert '<script>alert("x")' not in doc and "<b>متحدث</b>" not in doc and "<i>دور</i>" not in doc
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in doc  # ...as text
    # Only our own scripts: the Vega bundle, the chart specs (JSON) and the embedding code.
    scripts = re.findall(r"<script\b[^>]*>", doc)
    assert all(s == "<script>" or re.fullmatch(r'<script type="application/json" data-chart="chart-\d+">', s)
               for s in scripts)
    for spec in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', doc, flags=re.S):
        assert "<" not in spec
        json.loads(spec)
    # Nothing in the page points at the network.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", doc)
    assert "default-src 'none'" in doc
    md = out.markdown.read_text(encoding="utf-8")
    assert out.markdown.name == "report.md"
    assert "<script>" not in md and "&lt;script&gt;" in md
    assert "الأمم المتحدة" in md and "عزيز" in md


def test_render_filters_and_outlet_spelling(con: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    data = collect(con, date(2022, 6, 1), date(2022, 6, 8), "القناه")  # ة typed as ه
    assert data.outlet == "القناة"
    assert data.first("overview")["articles"] == 2  # the seed and the hostile story
    doc = render(con, tmp_path / "r.html", outlet="هسبريس").html.read_text(encoding="utf-8")
    assert "المنبر: هسبريس" in doc


def test_json_for_script_and_markdown_cells() -> None:
    text = json_for_script({"a": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and json.loads(text) == {"a": "</script><!-- & \u2028"}
    assert md_cell("a|b\n<c>") == "a\\|b &lt;c&gt;"


def _empty_catalog(root: Path, tables: dict[str, list[dict]] | None = None) -> Path:
    lake = write_tables(root, tables or {})
    return refresh_catalog(lake, root / "c.duckdb")


def test_render_empty_lake(tmp_path: Path) -> None:
    cat = _empty_catalog(tmp_path)
    with duckdb.connect(str(cat), read_only=True) as c:
        out = render(c, tmp_path / "out" / "report.html")
    assert all(r.error is None for r in out.data.results.values())
    doc = out.html.read_text(encoding="utf-8")
    assert "لا توجد مقالات" in doc and "vegaEmbed(" not in doc  # no chart, no 0.9 MB of JavaScript
    assert out.markdown.exists()


def test_render_before_extractors_ran(tmp_path: Path) -> None:
    t = sample_tables()
    only = {k: v for k, v in t.items() if k in ("articles", "headlines", "quarantine")}
    cat = _empty_catalog(tmp_path, only)
    with duckdb.connect(str(cat), read_only=True) as c:
        out = render(c, tmp_path / "report.html")
    assert all(r.error is None for r in out.data.results.values())
    doc = out.html.read_text(encoding="utf-8")
    assert doc.count("لم يُشغَّل مستخرجه بعد") >= 4  # topics, organisations (2 sections), quotes (2 sections)
    assert "أخنوش: الحكومة ماضية" in doc  # the ticker section still works


def test_render_on_a_catalog_without_macros(tmp_path: Path) -> None:
    """An older catalog (views only) still renders: the macros are defined as temporary ones."""
    lake = write_tables(tmp_path / "lake", sample_tables())
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as c:
        for table in TABLES:
            c.execute(view_sql(lake, table))
    with duckdb.connect(str(path), read_only=True) as c:
        out = render(c, tmp_path / "report.html")
        assert all(r.error is None for r in out.data.results.values())
        assert c.execute("SELECT count(*) FROM quotes_by_speaker('اخنوش')").fetchone() == (2,)


def test_write_report_outside_prefect(catalog: Path, tmp_path: Path) -> None:
    from flows.reporting import write_report

    path = write_report(str(catalog), str(tmp_path / "r" / "report.html"), date_from=date(2022, 6, 1))
    assert Path(path).exists() and (tmp_path / "r" / "report.md").exists()


def test_catalog_file_defines_the_macros(con: duckdb.DuckDBPyConnection) -> None:
    """refresh_catalog stores the macros in the catalog itself, so `akhbar sql` users have them."""
    stored = {r[0] for r in con.execute(
        "SELECT function_name FROM duckdb_functions() WHERE database_name <> 'temp' AND function_name IN "
        "('ar_norm', 'ar_norm_name', 'quotes_by_speaker', 'organisation_timeline', 'organisation_quotes', "
        "'organisation_mentions', 'organisations_named', 'headlines_matching')").fetchall()}
    assert len(stored) == 8


def test_akhbar_report_command(catalog: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`akhbar report --from --to --outlet --out` end to end (any spelling of the outlet)."""
    from flows.cli import main

    out = tmp_path / "cli" / "r.html"
    assert main(["report", "--catalog", str(catalog), "--out", str(out), "--from", "2022-06-01", "--to", "2022-06-08",
                 "--outlet", "القناه"]) == 0
    assert str(out) in capsys.readouterr().out
    doc = out.read_text(encoding="utf-8")
    assert "المنبر: القناة" in doc and "(طُلب: القناه)" in doc
    assert '<bdi dir="ltr">2022-06-01</bdi>' in doc
    md = out.with_suffix(".md").read_text(encoding="utf-8")
    assert "- المقالات: 2 " in md  # the seed page and the hostile story, both from القناة
