"""Synthetic lake for the report benchmark: N articles written straight to Parquet per flows.schemas.

The report's speed depends on row counts, value distributions and file layout, not on the words,
so this writes the tables directly (no parsing) with the shapes the pipeline produces:

- one part file per table per batch of ``--pages-per-file`` pages (the flow commits one part per
  batch of 2000 pages), batches in crawl order like an incremental lake, or shuffled (``--shuffle``)
  like a backfill of an archive;
- ``--aggregator-share`` of the pages come from the aggregator and carry a ticker of
  ``--ticker`` headlines (the seed page has 57) drawn from titles of the days before, plus 0-3
  related links; the other pages have only their title;
- 3 topics per article (the flow keeps the top 3), Poisson(4) organisation mentions over a
  Zipf-distributed set of organisations written in several spellings, Poisson(1.5) quotes by
  Zipf-distributed speakers with roles and organisations, 3% of pages repeating another page's
  article, 1% of inputs quarantined.

Words come from a small hand-written vocabulary (no corpus text). Usage::

    .venv/bin/python benchmarks/make_lake.py --articles 1000000 --out benchmarks/out/lake-1m
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.catalog import refresh_catalog  # noqa: E402
from flows.lake import Lake  # noqa: E402
from flows.schemas import TABLES  # noqa: E402
from transforms.arabic import normalize  # noqa: E402


def _split(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


WORDS = _split(
    "الحكومة الوزير المغرب الرباط الدار البيضاء مجلس النواب البرلمان الاقتصاد الميزانية الشركة الوطنية "
    "المدينة الجهة الملك رئيس المنتخب الوطني الفريق المباراة البطولة الدولي قطاع الفلاحة الماء السدود "
    "الأمطار التعليم المدرسة الجامعة الطلبة الصحة المستشفى الأطباء الاستثمار المشروع البنك الأسعار التضخم "
    "النفط الطاقة الشمسية الرياح الطريق السيارة القطار الميناء المطار السياحة الثقافة المهرجان السينما "
    "الكتاب الشعر الانتخابات الحزب المعارضة الأغلبية القانون المحكمة العدل الأمن الشرطة الجمارك الحدود "
    "الهجرة الشباب النساء الأطفال الأسر التشغيل البطالة الأجور النقابة الإضراب الحوار الاجتماعي اليوم أمس "
    "غدا الأسبوع الماضي المقبل خلال بعد قبل حول من إلى على في عن مع أن الذي التي أعلن أكد قال أوضح أشار "
    "أضاف كشف دعا طالب قرر أطلق افتتح وقع استقبل ناقش صادق نظم شارك مليون مليار درهم نسبة ارتفاع انخفاض"
)
OUTLETS = _split(
    "القناة|هسبريس|اليوم 24|الأحداث المغربية|العلم|الصباح|المساء|بيان اليوم|الاتحاد الاشتراكي|التجديد|"
    "الصحراء المغربية|أخبار اليوم|الأيام 24|فبراير|هبة بريس|شمس بوست|أكادير 24|الشمال 24|دنيابريس|"
    "ناظور سيتي|طنجة 24|مراكش الإخبارية|الجريدة 24|العمق المغربي|لكم|أنفاس بريس|المنعطف|رسالة الأمة",
    "|",
)
OUTLETS += [f"منبر محلي {i}" for i in range(1, 31)]
SITES = ["maghress", "masress", "hespress.com", "alyaoum24.com", None]
TOPICS = ["politics", "economy", "sport", "society", "culture", "international", "local", "technology", "diverse"]
ORG_HEADS = {
    "government": ["وزارة", "المديرية العامة", "الوكالة الوطنية", "المندوبية السامية", "مجلس"],
    "party": ["حزب"],
    "union": ["نقابة", "الاتحاد الوطني", "الكونفدرالية"],
    "company": ["شركة", "مجموعة", "بنك"],
    "sports": ["نادي", "جامعة", "فريق"],
    "media": ["قناة", "جريدة", "إذاعة"],
    "ngo": ["جمعية", "منظمة", "مؤسسة"],
    "international": ["منظمة", "صندوق", "الاتحاد"],
}
ORG_TAILS = _split(
    "الداخلية الخارجية الصحة التعليم الفلاحة المالية الاقتصاد العدل الشباب الثقافة النقل التجهيز الطاقة "
    "المعادن السياحة التشغيل الأمن الوطنية الدولية المغربية الإفريقية العربية الأوروبية الحرة المتحدة "
    "التقدمية الاستقلال الأصالة المعاصرة العدالة التنمية الأحرار الوداد الرجاء الفتح الجيش الملكي "
    "الاتحاد الإفريقي للتنمية للمستقبل للعمل للحقوق للبيئة للطفولة للمرأة للتضامن للشغل للتجارة"
)
FIRST = _split("محمد|أحمد|عبد الله|يوسف|عزيز|سعد الدين|نزار|ناصر|فاطمة|خديجة|نادية|عبد اللطيف|مصطفى|حسن|رشيد|كريم|ليلى|سميرة", "|")
LAST = _split(
    "أخنوش بوريطة العثماني بنكيران الرميد لفتيت الطالبي العلمي بركة وهبي الصديقي الفاسي العلوي "
    "الإدريسي بنعلي التازي بنسعيد ميراوي آيت الطالب بنموسى لقجع الركراكي بوعيدة المنصوري الشرقاوي"
)
ROLES = ["وزير", "رئيس", "الناطق الرسمي باسم", "الأمين العام لـ", "مدير", "رئيسة", "عضو"]
QUARANTINE = [("empty", 40), ("no_title", 25), ("no_body", 20), ("undecodable", 8), ("bad_json", 5), ("too_large", 2)]
VERBS = [("قال", "قال"), ("وقال", "قال"), ("أكد", "أكد"), ("وأضاف", "أضاف"), ("أوضح", "أوضح"), ("أعلن", "أعلن")]


def hex_ids(values: np.ndarray) -> pa.Array:
    """16-hex-digit ids (like the flow's blake2b digests) from uint64s, vectorised."""
    table = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
    b = values.astype(">u8").view(np.uint8).reshape(-1, 8)
    out = np.empty((len(values), 16), dtype=np.uint8)
    out[:, 0::2] = table[b >> 4]
    out[:, 1::2] = table[b & 15]
    return pa.array(out.view("S16").ravel(), type=pa.binary(16)).cast(pa.binary()).cast(pa.string())


def zipf_index(rng: np.random.Generator, n: int, size: int, offset: float = 5.0) -> np.ndarray:
    """Rank-frequency draws, p(k) ~ 1 / (k + offset): a few names dominate, a long tail follows."""
    w = 1.0 / (np.arange(n) + offset)
    return rng.choice(n, size, p=w / w.sum())


class Pools:
    """Strings built once and taken by index, so a million articles cost array copies, not Python loops."""

    def __init__(self, rng: np.random.Generator, titles: int, sentences: int) -> None:
        words = np.array(WORDS, dtype=object)

        def sentences_of(n: int, lo: int, hi: int) -> list[str]:
            lens = rng.integers(lo, hi, n)
            idx = rng.integers(0, len(words), int(lens.sum()))
            out, pos = [], 0
            for k in lens:
                out.append(" ".join(words[idx[pos:pos + k]]))
                pos += k
            return out

        t = sentences_of(titles, 6, 13)
        # A tenth of the titles carry tatweel or a diacritic and a numeral, as real headlines do.
        for i in range(0, titles, 10):
            t[i] = t[i].replace("ا", "ـا", 1) + f" {i % 97}"
        self.titles = pa.array(t, type=pa.string())
        self.titles_norm = pa.array([normalize(x) for x in t], type=pa.string())
        self.sentences = pa.array([s + "." for s in sentences_of(sentences, 15, 45)], type=pa.string())
        self.sentence_words = np.array([s.count(" ") + 1 for s in self.sentences.to_pylist()], dtype=np.int32)
        self.quotes = pa.array(sentences_of(20000, 6, 25), type=pa.string())
        self.outlets = pa.array(OUTLETS, type=pa.string())
        self.sites = pa.array(SITES, type=pa.string())
        self.topics = pa.array(TOPICS, type=pa.string())

        orgs, types = [], []
        for typ, heads in ORG_HEADS.items():
            for h in heads:
                for a in ORG_TAILS:
                    for b in ("", *ORG_TAILS[:12]):
                        orgs.append(f"{h} {a} {b}".strip())
                        types.append(typ)
        perm = rng.permutation(len(orgs))[:3000]
        canon = [orgs[i] for i in perm]
        self.org_canonical = pa.array(canon, type=pa.string())
        self.org_type = pa.array([types[i] for i in perm], type=pa.string())
        # Written forms: as is, without hamza on alef, with ه for ة (spellings users also type).
        self.org_surfaces = [
            pa.array(canon, type=pa.string()),
            pa.array([c.replace("أ", "ا").replace("إ", "ا") for c in canon], type=pa.string()),
            pa.array([c.replace("ة", "ه") for c in canon], type=pa.string()),
        ]
        people = [f"{f} {last}" for f in FIRST for last in LAST]
        rng.shuffle(people)
        self.people = pa.array(people, type=pa.string())
        self.people_written = pa.array([p.split(" ")[-1] for p in people], type=pa.string())
        self.people_role = pa.array(
            [ROLES[i % len(ROLES)] + " " + ORG_TAILS[i % len(ORG_TAILS)] for i in range(len(people))], type=pa.string()
        )
        self.people_org = pa.array([canon[(i * 7) % 400] for i in range(len(people))], type=pa.string())


def _rep(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    return np.repeat(values, counts)


def build_batch(rng: np.random.Generator, p: Pools, first: int, n: int, total: int, days: int, start: date,
                ticker: int, aggregator_share: float) -> dict[str, pa.Table]:
    """Tables for pages ``first .. first+n`` (article k's date grows with k: crawl order)."""
    idx = np.arange(first, first + n)
    art = idx.copy()
    dup = rng.random(n) < 0.03  # the same article read on a second page
    art[dup] = np.maximum(0, idx[dup] - rng.integers(1, 500, dup.sum()))
    day_of = (art * days // total).astype(np.int64)
    pub = pa.array((np.datetime64(start) + day_of.astype("timedelta64[D]")).astype("datetime64[D]"), type=pa.date32())
    crawl_us = (np.datetime64(start, "us") + (idx * days // total).astype("timedelta64[D]")
                + rng.integers(0, 86_400_000_000, n).astype("timedelta64[us]")).astype("datetime64[us]")
    crawled = pa.array(crawl_us, type=pa.timestamp("us")).cast(pa.timestamp("us", tz="UTC"))
    page_ids = hex_ids(idx.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + np.uint64(1))
    art_ids = hex_ids(art.astype(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F) + np.uint64(7))
    outlet_i = zipf_index(rng, len(OUTLETS), n, 2)
    outlet = p.outlets.take(pa.array(outlet_i))
    is_agg = rng.random(n) < aggregator_share
    site = p.sites.take(pa.array(np.where(is_agg, rng.integers(0, 2, n), rng.integers(2, len(SITES), n))))
    title_i = art % len(p.titles)
    title = p.titles.take(pa.array(title_i))
    npar = rng.integers(3, 16, n).astype(np.int32)
    npar[rng.random(n) < 0.005] = 0
    sent_i = rng.integers(0, len(p.sentences), int(npar.sum()))
    offsets = np.concatenate([[0], np.cumsum(npar)]).astype(np.int32)
    paragraphs = pa.ListArray.from_arrays(pa.array(offsets), p.sentences.take(pa.array(sent_i)))
    cum = np.concatenate([[0], np.cumsum(p.sentence_words[sent_i], dtype=np.int64)])
    nwords = (cum[offsets[1:]] - cum[offsets[:-1]]).astype(np.int32)
    now = pa.array([datetime.now(UTC)] * n, type=pa.timestamp("us", tz="UTC"))
    fmt = np.where(is_agg, "aggregator_text", np.where(rng.random(n) < 0.5, "jsonl", "html"))
    url = pa.array([f"https://www.example.org/a/{k}" for k in idx], type=pa.string())
    no_outlet = rng.random(n) < 0.02
    outlet_col = pa.array(np.where(no_outlet, None, np.array(outlet.to_pylist(), dtype=object)), type=pa.string())
    articles = pa.table({
        "article_id": art_ids, "page_id": page_ids,
        "source_path": pa.array([f"inbox/{k // 1000}/{k}.txt" for k in idx]), "input_format": pa.array(fmt),
        "source_site": site, "outlet": outlet_col, "url": url, "title": title, "published_date": pub,
        "crawled_at": crawled, "paragraphs": paragraphs, "n_paragraphs": pa.array(npar),
        "n_words": pa.array(nwords), "ingested_at": now, "pipeline_version": pa.array(["bench"] * n),
    }, schema=TABLES["articles"])

    # Headlines: the title, the ticker (recent titles), related links (older titles).
    n_tick = np.where(is_agg, ticker, 0)
    n_rel = np.where(is_agg, rng.integers(0, 4, n), 0)
    per = 1 + n_tick + n_rel
    page_of = _rep(np.arange(n), per)
    kind_code = np.zeros(int(per.sum()), dtype=np.int8)
    pos = np.zeros(int(per.sum()), dtype=np.int32)
    starts = np.concatenate([[0], np.cumsum(per)[:-1]])
    within = np.arange(int(per.sum())) - _rep(starts, per)
    kind_code[within >= 1] = 1
    kind_code[within >= 1 + _rep(n_tick, per)] = 2
    pos[:] = np.where(kind_code == 0, 0, np.where(kind_code == 1, within - 1, within - 1 - _rep(n_tick, per)))
    src_art = _rep(art, per)
    back = np.where(kind_code == 1, rng.integers(1, 3000, len(pos)), rng.integers(3000, 60000, len(pos)))
    h_title = np.where(kind_code == 0, src_art, src_art - back) % len(p.titles)
    kind = pa.array(np.array(["title", "ticker", "related"], dtype=object)[kind_code], type=pa.string())
    page_rows = pa.array(page_of)
    topic_i = zipf_index(rng, len(TOPICS), n, 2)
    head_topic = np.where(kind_code == 0, _rep(topic_i, per), rng.integers(0, len(TOPICS), len(pos)))
    headlines = pa.table({
        "headline_id": hex_ids((_rep(idx, per).astype(np.uint64) << np.uint64(8)) + pos.astype(np.uint64)),
        "page_id": page_ids.take(page_rows),
        "article_id": pa.array(np.where(kind_code == 0, np.array(art_ids.take(page_rows).to_pylist(), dtype=object),
                                        None), type=pa.string()),
        "kind": kind, "position": pa.array(pos), "text": p.titles.take(pa.array(h_title)),
        "text_norm": p.titles_norm.take(pa.array(h_title)), "topic": p.topics.take(pa.array(head_topic)),
        "topic_score": pa.array(rng.uniform(0.3, 1, len(pos)).astype(np.float32)),
        "published_date": pub.take(page_rows), "crawled_at": crawled.take(page_rows),
        "source_site": site.take(page_rows), "outlet": outlet_col.take(page_rows),
    }, schema=TABLES["headlines"])

    # Topics: top 3 per page.
    t_rows = np.repeat(np.arange(n), 3)
    rank = np.tile(np.arange(1, 4, dtype=np.int32), n)
    t_topic = np.where(rank == 1, topic_i[t_rows], (topic_i[t_rows] + rank + rng.integers(0, 3, len(rank))) % len(TOPICS))
    score = np.where(rank == 1, rng.uniform(0.5, 0.99, len(rank)), rng.uniform(0.01, 0.3, len(rank))).astype(np.float32)
    tr = pa.array(t_rows)
    topics = pa.table({
        "article_id": art_ids.take(tr), "page_id": page_ids.take(tr), "topic": p.topics.take(pa.array(t_topic)),
        "score": pa.array(score), "rank": pa.array(rank), "model_version": pa.array(["bench"] * len(rank)),
        "published_date": pub.take(tr), "outlet": outlet_col.take(tr),
    }, schema=TABLES["topics"])

    # Organisations: Poisson(4) mentions per page.
    n_org = rng.poisson(4, n)
    o_rows = _rep(np.arange(n), n_org)
    m = len(o_rows)
    org_i = pa.array(zipf_index(rng, len(p.org_canonical), m, 5))
    variant = rng.choice(3, m, p=[0.7, 0.2, 0.1])
    surface = pa.array(np.where(variant == 0, np.array(p.org_surfaces[0].take(org_i).to_pylist(), dtype=object),
                                np.where(variant == 1, np.array(p.org_surfaces[1].take(org_i).to_pylist(), dtype=object),
                                         np.array(p.org_surfaces[2].take(org_i).to_pylist(), dtype=object))),
                       type=pa.string())
    start_o = rng.integers(0, 200, m).astype(np.int32)
    orr = pa.array(o_rows)
    organisations = pa.table({
        "article_id": art_ids.take(orr), "page_id": page_ids.take(orr),
        "paragraph": pa.array(rng.integers(-1, 8, m).astype(np.int32)), "start": pa.array(start_o),
        "end": pa.array(start_o + pc_len(surface)), "surface": surface,
        "canonical": p.org_canonical.take(org_i), "org_type": p.org_type.take(org_i),
        "confidence": pa.array(rng.uniform(0.5, 1, m).astype(np.float32)), "published_date": pub.take(orr),
        "outlet": outlet_col.take(orr), "model_version": pa.array(["bench"] * m),
    }, schema=TABLES["organisations"])

    # Quotes: Poisson(1.5) per page; persons, organisations or unnamed speakers.
    n_q = rng.poisson(1.5, n)
    q_rows = _rep(np.arange(n), n_q)
    k = len(q_rows)
    who = pa.array(zipf_index(rng, len(p.people), k, 3))
    stype = rng.choice(3, k, p=[0.8, 0.12, 0.08])
    org_sp = pa.array(zipf_index(rng, 400, k, 3))
    canon_sp = np.where(stype == 0, np.array(p.people.take(who).to_pylist(), dtype=object),
                        np.where(stype == 1, np.array(p.org_canonical.take(org_sp).to_pylist(), dtype=object), None))
    written = np.where(stype == 0, np.array(p.people_written.take(who).to_pylist(), dtype=object),
                       np.where(stype == 1, canon_sp, ""))
    role = np.where(stype == 0, np.array(p.people_role.take(who).to_pylist(), dtype=object), "")
    sorg = np.where(stype == 0, np.array(p.people_org.take(who).to_pylist(), dtype=object), "")
    verb_i = rng.integers(0, len(VERBS), k)
    qr = pa.array(q_rows)
    qtext = p.quotes.take(pa.array(rng.integers(0, len(p.quotes), k)))
    start_q = rng.integers(0, 300, k).astype(np.int32)
    quotes = pa.table({
        "quote_id": hex_ids((_rep(idx, n_q).astype(np.uint64) << np.uint64(6)) + np.arange(k, dtype=np.uint64) % 64),
        "article_id": art_ids.take(qr), "page_id": page_ids.take(qr),
        "paragraph": pa.array(rng.integers(0, 8, k).astype(np.int32)), "start": pa.array(start_q),
        "end": pa.array(start_q + pc_len(qtext)), "quote": qtext,
        "kind": pa.array(np.array(["direct", "indirect", "mixed"], dtype=object)[rng.choice(3, k, p=[.5, .4, .1])]),
        "verb": pa.array([VERBS[i][0] for i in verb_i], type=pa.string()),
        "verb_lemma": pa.array([VERBS[i][1] for i in verb_i], type=pa.string()),
        "speaker": pa.array(written, type=pa.string()), "speaker_canonical": pa.array(canon_sp, type=pa.string()),
        "speaker_type": pa.array(np.array(["person", "organisation", "unnamed"], dtype=object)[stype]),
        "speaker_role": pa.array(role, type=pa.string()), "speaker_org": pa.array(sorg, type=pa.string()),
        "confidence": pa.array(rng.uniform(0.4, 1, k).astype(np.float32)), "published_date": pub.take(qr),
        "outlet": outlet_col.take(qr), "model_version": pa.array(["bench"] * k),
    }, schema=TABLES["quotes"])

    nq = int(rng.binomial(n, 0.01))
    reasons, weights = zip(*QUARANTINE, strict=True)
    r = rng.choice(len(reasons), nq, p=np.array(weights) / sum(weights))
    quarantine = pa.table({
        "page_id": hex_ids(rng.integers(0, 2**63, nq).astype(np.uint64)),
        "source_path": pa.array([f"inbox/bad/{first}-{j}.txt" for j in range(nq)], type=pa.string()),
        "reason": pa.array([reasons[j] for j in r], type=pa.string()),
        "detail": pa.array([f"synthetic {reasons[j]} input" for j in r], type=pa.string()),
        "seen_at": crawled.take(pa.array(rng.integers(0, n, nq))) if n else pa.array([], TABLES["quarantine"].field("seen_at").type),
        "pipeline_version": pa.array(["bench"] * nq, type=pa.string()),
    }, schema=TABLES["quarantine"])
    return {"articles": articles, "headlines": headlines, "topics": topics, "organisations": organisations,
            "quotes": quotes, "quarantine": quarantine}


def pc_len(arr: pa.Array) -> np.ndarray:
    import pyarrow.compute as pc

    return pc.utf8_length(arr).to_numpy(zero_copy_only=False).astype(np.int32)


def make_lake(out: Path, articles: int, pages_per_file: int = 2000, days: int = 730, seed: int = 0,
              ticker: int = 57, aggregator_share: float = 0.8, shuffle: bool = False,
              start: date = date(2023, 1, 1)) -> dict[str, int]:
    """Write the lake under ``out`` (replacing it) and return rows written per table."""
    if out.exists():
        shutil.rmtree(out)
    rng = np.random.default_rng(seed)
    pools = Pools(rng, titles=max(1000, min(articles, 1_000_000)), sentences=min(50_000, max(2000, articles // 20)))
    batches = list(range(0, articles, pages_per_file))
    order = rng.permutation(len(batches)) if shuffle else np.arange(len(batches))
    rows: dict[str, int] = {}
    for b in order:
        first = batches[b]
        n = min(pages_per_file, articles - first)
        tables = build_batch(rng, pools, first, n, articles, days, start, ticker, aggregator_share)
        for name, table in tables.items():
            if table.num_rows == 0:
                continue
            folder = out / name
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(table, folder / f"part-{b:06d}.parquet", compression="zstd")
            rows[name] = rows.get(name, 0) + table.num_rows
    return rows


def compact_copy(src: Path, dst: Path) -> None:
    """One Parquet file per table (what a compaction of the lake would give), for comparison."""
    import duckdb

    if dst.exists():
        shutil.rmtree(dst)
    con = duckdb.connect()
    for table in TABLES:
        files = sorted((src / table).glob("*.parquet"))
        if not files:
            continue
        (dst / table).mkdir(parents=True)
        con.execute(f"COPY (SELECT * FROM read_parquet('{src / table}/*.parquet')) TO '{dst / table}/part-0.parquet' "
                    "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)")
    con.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks/out/lake-1m")
    ap.add_argument("--catalog", type=Path, help="catalog file (default <out>.duckdb)")
    ap.add_argument("--pages-per-file", type=int, default=2000)
    ap.add_argument("--days", type=int, default=730)
    ap.add_argument("--ticker", type=int, default=57, help="ticker headlines per aggregator page (seed: 57)")
    ap.add_argument("--aggregator-share", type=float, default=0.8)
    ap.add_argument("--shuffle", action="store_true", help="write batches in random date order (a backfill)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--compact-copy", type=Path, metavar="DIR",
                    help="also write a copy with one file per table to DIR (and catalog it as DIR.duckdb)")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    rows = make_lake(args.out, args.articles, args.pages_per_file, args.days, args.seed, args.ticker,
                     args.aggregator_share, args.shuffle)
    catalog = refresh_catalog(Lake(args.out), args.catalog or args.out.with_suffix(".duckdb"))
    size = sum(f.stat().st_size for f in args.out.rglob("*.parquet"))
    print(f"lake {args.out}: {', '.join(f'{k} {v:,}' for k, v in rows.items())} rows; "
          f"{size / 1e9:.2f} GB in {sum(1 for _ in args.out.rglob('*.parquet'))} files; "
          f"{time.perf_counter() - t:.1f} s")
    print(f"catalog {catalog}")
    if args.compact_copy:
        t = time.perf_counter()
        compact_copy(args.out, args.compact_copy)
        print(f"compact copy {args.compact_copy} in {time.perf_counter() - t:.1f} s; catalog "
              f"{refresh_catalog(Lake(args.compact_copy), args.compact_copy.with_suffix('.duckdb'))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
