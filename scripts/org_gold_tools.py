"""Mechanics for the hand-annotated organisations gold: every gold file and its role (test, dev, training,
second annotation) is listed in ``GOLD_FILES`` and in data/gold/ORGANISATIONS-GUIDELINES.md, and is chosen with
``--set NAME`` (test is the default); ``--file F`` writes one annotator's own file instead, for annotators working
side by side.

Nothing here proposes or labels a span: the annotator reads each article and writes the spans.
This script only
  * chooses the articles with a fixed random seed (``select``),
  * prints an article with paragraph numbers for reading (``show``),
  * turns the annotator's hand-written span list into offsets (``add``): each line names the
    paragraph, the exact surface and, when that surface occurs more than once in the paragraph,
    which occurrence (``#2``); an ambiguous or missing surface is an error, never a guess,
  * validates the gold file (``validate``).

Usage (from the repo root; every command takes ``--set dev`` for the development set):
  .venv/bin/python scripts/org_gold_tools.py select [--set dev]
  .venv/bin/python scripts/org_gold_tools.py show <source>
  .venv/bin/python scripts/org_gold_tools.py add [--set dev] <spec file>
  .venv/bin/python scripts/org_gold_tools.py review [--set dev] <source>   # article with gold spans in [[ ]]
  .venv/bin/python scripts/org_gold_tools.py validate [--set dev]
  .venv/bin/python scripts/org_gold_tools.py stats [--set dev]

The dev set is drawn with its own seed and plan after the test draw, excluding every test article, so
that tuning on it never sees a test article.

The Moroccan set (``--set morocco``) is a second TEST set on an outlet nobody tuned on: 30 febrayer.com
articles of ``scripts/topics_morocco.py``'s ``corpus("febrayer")`` (test half, indices 200-399), named
``febrayer:INDEX``; they have no title, so paragraph -1 does not exist. Rows keep the source, a fingerprint
of the text and the mentions (offsets + surfaces): that corpus is test-only and its text is never copied.
The Moroccan DEV set (``--set moroccodev``) is built the same way from the other half (indices 0-199, which
the Moroccan test draw never uses): 40 articles, for developing the extractor on Moroccan text.

Spec file format (one article; blank lines and lines starting with ``;`` ignored)::

  source: ant-v1.1/politic/JA-politic-1-20170121.txt
  -1 | حركة النهضة | حركة النهضة | party
  2 | النهضة#2 | حركة النهضة | party

AlArabiya rows keep offsets and surfaces only: the article text is never written to the project.
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
from antcorpus import ALARABIYA, ANT_V11, DATASETS, AntDoc, iter_docs, parse  # noqa: E402
from topics_morocco import corpus, fingerprint  # noqa: E402

if TYPE_CHECKING:
    from collections.abc import Sequence

ROOT = Path(__file__).resolve().parents[1]
GOLD_FILES = {"test": ROOT / "data" / "gold" / "organisations_news.jsonl",
              "dev": ROOT / "data" / "gold" / "organisations_newsdev.jsonl",
              "morocco": ROOT / "data" / "gold" / "organisations_morocco.jsonl",
              "moroccodev": ROOT / "data" / "gold" / "organisations_moroccodev.jsonl",
              "train": ROOT / "data" / "gold" / "organisations_train.jsonl",
              "newsdev2": ROOT / "data" / "gold" / "organisations_newsdev2.jsonl",
              "newsdev3": ROOT / "data" / "gold" / "organisations_newsdev3.jsonl",
              "newsdev4": ROOT / "data" / "gold" / "organisations_newsdev4.jsonl",
              "train2": ROOT / "data" / "gold" / "organisations_train2.jsonl",
              "train3": ROOT / "data" / "gold" / "organisations_train3.jsonl",
              "newsdev5": ROOT / "data" / "gold" / "organisations_newsdev5.jsonl",
              "train4": ROOT / "data" / "gold" / "organisations_train4.jsonl",
              "train5": ROOT / "data" / "gold" / "organisations_train5.jsonl",
              "train6": ROOT / "data" / "gold" / "organisations_train6.jsonl",
              "train7": ROOT / "data" / "gold" / "organisations_train7.jsonl",
              "train8": ROOT / "data" / "gold" / "organisations_train8.jsonl",
              "newsdev6": ROOT / "data" / "gold" / "organisations_newsdev6.jsonl",
              "train9": ROOT / "data" / "gold" / "organisations_train9.jsonl",
              "train10": ROOT / "data" / "gold" / "organisations_train10.jsonl",
              "newsdev7": ROOT / "data" / "gold" / "organisations_newsdev7.jsonl",
              "train11": ROOT / "data" / "gold" / "organisations_train11.jsonl",
              "train12": ROOT / "data" / "gold" / "organisations_train12.jsonl",
              "train13": ROOT / "data" / "gold" / "organisations_train13.jsonl",
              "train2_b": ROOT / "data" / "gold" / "organisations_train2_b.jsonl",
              "test_b": ROOT / "data" / "gold" / "organisations_news_b.jsonl"}
GOLD = GOLD_FILES["test"]  # rebound by ``--set``
SET = "test"

ORG_TYPES = (
    "government", "international", "party", "union", "company", "sports", "media", "ngo",
    "education_research", "religious", "judiciary_security", "other",
)
SEED = 20261129
# (root, category, how many); word limits keep the reading load bounded and are part of the draw.
PLAN = [
    (ANT_V11, "politic", 8), (ANT_V11, "economy", 8), (ANT_V11, "society", 7),
    (ANT_V11, "internationalNews", 8), (ANT_V11, "sport", 6), (ANT_V11, "localNews", 3),
    (ALARABIYA, "economy", 8), (ALARABIYA, "internationalNews", 9), (ALARABIYA, "sport", 6),
    (ALARABIYA, "technology", 2),
]
# Second draw, same generator continued (the first draw is unchanged): more articles from the categories
# that name the most organisations, to reach about 400 mentions. Chosen by category, never by content.
EXTRA = [
    (ANT_V11, "politic", 6), (ANT_V11, "internationalNews", 5), (ANT_V11, "economy", 4),
    (ALARABIYA, "internationalNews", 6), (ALARABIYA, "economy", 5),
]
WORDS = {ANT_V11: (60, 300), ALARABIYA: (80, 350)}
# Development set (issue 3): its own seed and plan, same word limits, no article of the test draw.
DEV_SEED = 20261130
DEV_PLAN = [
    (ANT_V11, "politic", 6), (ANT_V11, "internationalNews", 5), (ANT_V11, "economy", 5),
    (ANT_V11, "society", 4), (ANT_V11, "sport", 3),
    (ALARABIYA, "internationalNews", 6), (ALARABIYA, "economy", 5), (ALARABIYA, "sport", 2),
    (ALARABIYA, "technology", 2),
]
# Training set (issue 3: in-domain, guideline-convention data for the CRF): its own seed, every test and
# dev article excluded. Shipped only as a model: AlArabiya rows keep offsets, ANT v1.1 rows the text.
TRAIN_SEED = 20261133
TRAIN_PLAN = [
    (ANT_V11, "politic", 22), (ANT_V11, "internationalNews", 20), (ANT_V11, "economy", 20),
    (ANT_V11, "society", 18), (ANT_V11, "sport", 14), (ANT_V11, "localNews", 10), (ANT_V11, "culture", 6),
    (ALARABIYA, "internationalNews", 18), (ALARABIYA, "economy", 16), (ALARABIYA, "sport", 10),
    (ALARABIYA, "technology", 4), (ALARABIYA, "culture", 2),
]
# Second draw, same generator continued (the training draw unchanged): 160 more articles, annotated like
# the training set and meant for it, then kept as a second news DEVELOPMENT set (``--set newsdev2``): training
# on them lowered every dev figure (docs/organisations-dev-log.md, session 6).
TRAIN_EXTRA = [
    (ANT_V11, "politic", 24), (ANT_V11, "internationalNews", 22), (ANT_V11, "economy", 20),
    (ANT_V11, "society", 16), (ANT_V11, "sport", 14), (ANT_V11, "localNews", 8), (ANT_V11, "technology", 4),
    (ALARABIYA, "internationalNews", 20), (ALARABIYA, "economy", 16), (ALARABIYA, "sport", 12),
    (ALARABIYA, "technology", 4),
]
# Third draw, same generator continued (both earlier draws unchanged): a third news DEVELOPMENT set
# (``--set newsdev3``), annotated blind in session 7 so that news dev 2 could be read for rules while one dev
# set stays unread.
NEWSDEV3_PLAN = [
    (ANT_V11, "politic", 18), (ANT_V11, "internationalNews", 16), (ANT_V11, "economy", 14),
    (ANT_V11, "society", 12), (ANT_V11, "sport", 10), (ANT_V11, "localNews", 6), (ANT_V11, "culture", 4),
    (ALARABIYA, "internationalNews", 16), (ALARABIYA, "economy", 12), (ALARABIYA, "sport", 8),
    (ALARABIYA, "technology", 4),
]
# Fourth draw, same generator continued (every earlier draw unchanged): a fourth news DEVELOPMENT set
# (``--set newsdev4``), annotated blind in session 8, so that news dev 3 can join the CRF's training data while
# one news dev set stays unread.
NEWSDEV4_PLAN = [
    (ANT_V11, "politic", 18), (ANT_V11, "internationalNews", 16), (ANT_V11, "economy", 14),
    (ANT_V11, "society", 12), (ANT_V11, "sport", 10), (ANT_V11, "localNews", 6), (ANT_V11, "culture", 4),
    (ALARABIYA, "internationalNews", 16), (ALARABIYA, "economy", 12), (ALARABIYA, "sport", 8),
    (ALARABIYA, "technology", 4),
]
# Fifth draw, same generator continued (every earlier draw unchanged): more TRAINING data for the CRF
# (``--set train2``), annotated blind in session 9.
TRAIN2_PLAN = [
    (ANT_V11, "politic", 15), (ANT_V11, "internationalNews", 13), (ANT_V11, "economy", 12),
    (ANT_V11, "society", 10), (ANT_V11, "sport", 8), (ANT_V11, "localNews", 5), (ANT_V11, "culture", 3),
    (ALARABIYA, "internationalNews", 14), (ALARABIYA, "economy", 10), (ALARABIYA, "sport", 7),
    (ALARABIYA, "technology", 3),
]
# Sixth and seventh draws, same generator continued (every earlier draw unchanged), annotated blind in session 9:
# more TRAINING data (``--set train3``) and a fifth news DEVELOPMENT set kept unread (``--set newsdev5``).
TRAIN3_PLAN = [
    (ANT_V11, "politic", 19), (ANT_V11, "internationalNews", 16), (ANT_V11, "economy", 15),
    (ANT_V11, "society", 12), (ANT_V11, "sport", 10), (ANT_V11, "localNews", 6), (ANT_V11, "culture", 4),
    (ALARABIYA, "internationalNews", 18), (ALARABIYA, "economy", 13), (ALARABIYA, "sport", 9),
    (ALARABIYA, "technology", 3),
]
NEWSDEV5_PLAN = [
    (ANT_V11, "politic", 11), (ANT_V11, "internationalNews", 10), (ANT_V11, "economy", 9),
    (ANT_V11, "society", 8), (ANT_V11, "sport", 6), (ANT_V11, "localNews", 4), (ANT_V11, "culture", 2),
    (ALARABIYA, "internationalNews", 10), (ALARABIYA, "economy", 8), (ALARABIYA, "sport", 5),
    (ALARABIYA, "technology", 2),
]
# Eighth draw (session 9, after train2 + train3 raised news dev 4 from 0.767 to 0.783): more TRAINING data
# (``--set train4``).
TRAIN4_PLAN = [
    (ANT_V11, "politic", 30), (ANT_V11, "internationalNews", 26), (ANT_V11, "economy", 24),
    (ANT_V11, "society", 19), (ANT_V11, "sport", 16), (ANT_V11, "localNews", 10), (ANT_V11, "culture", 6),
    (ALARABIYA, "internationalNews", 29), (ALARABIYA, "economy", 21), (ALARABIYA, "sport", 14),
    (ALARABIYA, "technology", 5),
]
# Ninth draw (session 15; the test gold's AlArabiya part, 0.810, lags its ANT part, 0.870): more TRAINING data
# (``--set train5``), half of it AlArabiya. Chosen by category, never by content.
TRAIN5_PLAN = [
    (ANT_V11, "politic", 22), (ANT_V11, "internationalNews", 20), (ANT_V11, "economy", 18),
    (ANT_V11, "society", 15), (ANT_V11, "sport", 12), (ANT_V11, "localNews", 8), (ANT_V11, "culture", 5),
    (ALARABIYA, "internationalNews", 40), (ALARABIYA, "economy", 30), (ALARABIYA, "sport", 20),
    (ALARABIYA, "technology", 6), (ALARABIYA, "culture", 4),
]
# Tenth draw (session 16; train5 raised the held-out pools and news dev 4): more TRAINING data (``--set train6``),
# the same mix as train5. Chosen by category, never by content.
TRAIN6_PLAN = list(TRAIN5_PLAN)
# Eleventh draw (session 17; train6 raised news dev 4 and news dev, the pools tied): more TRAINING data
# (``--set train7``), the same mix as train5. Chosen by category, never by content.
TRAIN7_PLAN = list(TRAIN5_PLAN)
# Twelfth draw (session 17, right after train7): more TRAINING data (``--set train8``), the same mix as train5.
TRAIN8_PLAN = list(TRAIN5_PLAN)
# Sixth news DEVELOPMENT set (session 17, when news dev 5's errors were opened for reading): news dev 4's mix, kept
# unread (``--set newsdev6``).
NEWSDEV6_PLAN = list(NEWSDEV4_PLAN)
# Thirteenth draw (session 17's end, after newsdev6): more TRAINING data (``--set train9``), train5's mix, annotated
# for the next session's retraining.
TRAIN9_PLAN = list(TRAIN5_PLAN)
# Session 18: ANT's economy articles within the word limits are nearly used up (8 left of 257), so the two last
# draws move economy articles from ANT to AlArabiya, keeping each plan's size and its economy share.
# Seventh news DEVELOPMENT set: news dev 4's mix with the 8 last ANT economy articles, kept unread (``--set
# newsdev7``) and scored only as an aggregate, so that the unread figure rests on more than two long-read sets.
NEWSDEV7_PLAN = [(r, c, {(ANT_V11, "economy"): 8, (ALARABIYA, "economy"): 18}.get((r, c), k))
                 for r, c, k in NEWSDEV4_PLAN]
# Fourteenth draw: more TRAINING data (``--set train10``), train5's mix with its economy articles from AlArabiya.
TRAIN10_PLAN = [(r, c, {(ALARABIYA, "economy"): 48}.get((r, c), k))
                for r, c, k in TRAIN5_PLAN if (r, c) != (ANT_V11, "economy")]
# Fifteenth draw (session 18, after train10 raised the pools): more TRAINING data (``--set train11``), train10's mix.
TRAIN11_PLAN = list(TRAIN10_PLAN)
# Sixteenth draw (session 18, after train11 read as no gain alone): more TRAINING data (``--set train12``), to be
# judged together with train11.
TRAIN12_PLAN = list(TRAIN10_PLAN)
# Seventeenth draw (session 19): more TRAINING data (``--set train13``), train10's mix. It takes 22 of the last 28
# ANT politics articles within the word limits: a later draw must change the mix or the limits.
TRAIN13_PLAN = list(TRAIN10_PLAN)
# Moroccan test set: febrayer articles of the topic test half (200-399), drawn uniformly, no word limit.
MOROCCO_SEED = 20261131
MOROCCO_RANGE = range(200, 400)
MOROCCO_N = 30
# Moroccan development set: the other half (0-199, never in the Moroccan test draw), drawn the same way.
MOROCCODEV_SEED = 20261132
MOROCCODEV_RANGE = range(0, 200)
MOROCCODEV_N = 40


@dataclass(frozen=True, slots=True)
class FebDoc:
    """A febrayer article as read by ``topics_morocco.corpus``: body paragraphs only, no title."""

    source: str
    paragraphs: list[str]
    title: str = ""


def n_words(doc: AntDoc) -> int:
    return sum(len(p.split()) for p in doc.paragraphs)


def draw(seed: int, plan: list[tuple], exclude: frozenset[str] = frozenset()) -> list[str]:
    """Seeded draw per category; ``exclude`` keeps another set's articles out of the pools."""
    rng = random.Random(seed)
    chosen: list[str] = []
    for root, cat, k in plan:
        lo, hi = WORDS[root]
        pool = [d.rel for d in iter_docs(root, [cat])
                if lo <= n_words(d) <= hi and d.rel not in chosen and d.rel not in exclude]
        chosen.extend(sorted(rng.sample(pool, k)))
    return chosen


def select(which: str | None = None) -> list[str]:
    """The drawn articles of the chosen set, in annotation order (category by category; febrayer by index)."""
    if (which or SET) == "morocco":
        rng = random.Random(MOROCCO_SEED)
        return [f"febrayer:{i}" for i in sorted(rng.sample(MOROCCO_RANGE, MOROCCO_N))]
    if (which or SET) == "moroccodev":
        rng = random.Random(MOROCCODEV_SEED)
        return [f"febrayer:{i}" for i in sorted(rng.sample(MOROCCODEV_RANGE, MOROCCODEV_N))]
    test = draw(SEED, PLAN + EXTRA)
    if (which or SET) in ("test", "test_b"):
        return test
    dev = draw(DEV_SEED, DEV_PLAN, frozenset(test))
    plans = {"train": TRAIN_PLAN, "newsdev2": TRAIN_EXTRA, "newsdev3": NEWSDEV3_PLAN, "newsdev4": NEWSDEV4_PLAN,
             "train2": TRAIN2_PLAN, "train3": TRAIN3_PLAN, "newsdev5": NEWSDEV5_PLAN, "train4": TRAIN4_PLAN,
             "train5": TRAIN5_PLAN, "train6": TRAIN6_PLAN,
             "train7": TRAIN7_PLAN, "train8": TRAIN8_PLAN,
             "newsdev6": NEWSDEV6_PLAN, "train9": TRAIN9_PLAN,
             "newsdev7": NEWSDEV7_PLAN, "train10": TRAIN10_PLAN, "train11": TRAIN11_PLAN,
             "train12": TRAIN12_PLAN, "train13": TRAIN13_PLAN}
    which = {"train2_b": "train2"}.get(which or SET, which or SET)
    if which in plans:  # one generator for every later draw, continued plan after plan
        drawn = draw(TRAIN_SEED, [x for plan in plans.values() for x in plan], frozenset(test + dev))
        bounds = list(accumulate(sum(k for _r, _c, k in plan) for plan in plans.values()))
        i = list(plans).index(which)
        return drawn[(bounds[i - 1] if i else 0) : bounds[i]]
    return dev


def is_alarabiya(source: str) -> bool:
    return source.startswith("ant-multisource-alarabia/")


def is_morocco(source: str) -> bool:
    return source.startswith("febrayer:")


@cache
def febrayer() -> Sequence[list[str]]:
    """The febrayer articles in ``topics_morocco``'s fixed order (read from ../shared at run time)."""
    return corpus("febrayer")


def load(source: str) -> AntDoc | FebDoc:
    if is_morocco(source):
        return FebDoc(source, febrayer()[int(source.split(":", 1)[1])])
    return parse(DATASETS / source)


def para(doc: AntDoc | FebDoc, i: int) -> str:
    if isinstance(doc, FebDoc) and i < 0:
        raise SystemExit(f"{doc.source}: febrayer articles have no title (paragraph {i})")
    return doc.title if i == -1 else doc.paragraphs[i]


def show(source: str) -> None:
    doc = load(source)
    if isinstance(doc, FebDoc):
        print(f"== {source}  fingerprint {fingerprint(doc.paragraphs)}  "
              f"({sum(len(p.split()) for p in doc.paragraphs)} words, no title)")
        for i, p in enumerate(doc.paragraphs):
            print(f"[{i}] {p}")
        return
    print(f"== {source}  ({n_words(doc)} words)")
    print(f"[-1] {doc.title}")
    for i, p in enumerate(doc.paragraphs):
        print(f"[{i}] {p}")


def occurrences(text: str, surface: str) -> list[int]:
    out, i = [], text.find(surface)
    while i >= 0:
        out.append(i)
        i = text.find(surface, i + 1)
    return out


def parse_spec(path: Path) -> dict:
    source, mentions = None, []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("source:"):
            source = line.split(":", 1)[1].strip()
            doc = load(source)
            continue
        p, surf, canonical, org_type = (x.strip() for x in line.split("|"))
        k, explicit = 1, re.search(r"#(\d+)$", surf)
        if explicit:
            surf, k = surf[: explicit.start()], int(explicit.group(1))
        pi = int(p)
        text = para(doc, pi)
        occ = occurrences(text, surf)
        if not occ:
            raise SystemExit(f"{path}: '{surf}' not in paragraph {pi}")
        if len(occ) > 1 and not explicit:
            ctx = [text[max(0, o - 15): o + len(surf) + 15] for o in occ]
            raise SystemExit(f"{path}: '{surf}' occurs {len(occ)}x in paragraph {pi}; say which: {ctx}")
        if k > len(occ):
            raise SystemExit(f"{path}: '{surf}' has only {len(occ)} occurrences in paragraph {pi}")
        if org_type not in ORG_TYPES:
            raise SystemExit(f"{path}: bad org_type {org_type}")
        start = occ[k - 1]
        problem = boundary_problem(text, start, start + len(surf))
        if problem:
            print(f"WARNING {path}: '{surf}' {problem}")
        mentions.append({"paragraph": pi, "start": start, "end": start + len(surf), "surface": surf,
                         "canonical": canonical, "org_type": org_type})
    assert source, f"{path}: no source line"
    mentions.sort(key=lambda m: (m["paragraph"], m["start"]))
    for a, b in zip(mentions, mentions[1:], strict=False):
        if a["paragraph"] == b["paragraph"] and b["start"] < a["end"]:
            raise SystemExit(f"{path}: overlapping spans {a['surface']} / {b['surface']}")
    row: dict = {"source": source}
    if is_morocco(source):
        row["fingerprint"] = fingerprint(doc.paragraphs)
    elif not is_alarabiya(source):
        row["title"] = doc.title
        row["paragraphs"] = doc.paragraphs
    row["mentions"] = mentions
    return row


CLITICS = ("و", "ف", "ب", "ل", "ك", "لل", "وب", "ول", "فب", "فل", "وك", "ولل", "فلل")


def boundary_problem(text: str, start: int, end: int) -> str | None:
    """Spans must sit on word edges, except that a leading clitic may be cut off."""
    if end < len(text) and text[end].isalnum():
        return "ends inside a word"
    i = start
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    if i < start and text[i:start] not in CLITICS:
        return f"starts inside a word (prefix '{text[i:start]}')"
    return None


def marked(text: str, spans: list[dict]) -> str:
    """The paragraph with every gold span in [[ ]], for re-reading."""
    out, last = [], 0
    for m in sorted(spans, key=lambda m: m["start"]):
        out += [text[last:m["start"]], "[[", text[m["start"]:m["end"]], "]]"]
        last = m["end"]
    return "".join(out + [text[last:]])


def review(source: str) -> None:
    row = next(r for r in read_gold() if r["source"] == source)
    doc = load(source)
    for i in range(0 if is_morocco(source) else -1, len(doc.paragraphs)):
        print(f"[{i}] " + marked(para(doc, i), [m for m in row["mentions"] if m["paragraph"] == i]))


def read_gold() -> list[dict]:
    if not GOLD.exists():
        return []
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_gold(rows: list[dict]) -> None:
    GOLD.parent.mkdir(parents=True, exist_ok=True)
    GOLD.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def add(path: Path) -> None:
    """Insert or replace one article's row (rows kept in selection order)."""
    row = parse_spec(path)
    rows = [r for r in read_gold() if r["source"] != row["source"]] + [row]
    if GOLD in GOLD_FILES.values():  # an annotator's own file (--file) stays in working order: no draw needed
        order = {s: i for i, s in enumerate(select())}
        rows.sort(key=lambda r: order.get(r["source"], len(order)))
    write_gold(rows)
    for m in row["mentions"]:
        print(m["paragraph"], m["start"], m["end"], m["surface"], "->", m["canonical"], m["org_type"])
    print(f"{row['source']}: {len(row['mentions'])} mentions; gold has {len(rows)} articles")


def validate() -> int:
    bad = 0
    for r in read_gold():
        doc = load(r["source"])
        if is_morocco(r["source"]):
            assert "title" not in r and "paragraphs" not in r, r["source"]
            if r["fingerprint"] != fingerprint(doc.paragraphs):
                print("BAD fingerprint", r["source"])
                bad += 1
                continue
        elif not is_alarabiya(r["source"]):
            assert r["title"] == doc.title and r["paragraphs"] == doc.paragraphs, r["source"]
        else:
            assert "title" not in r and "paragraphs" not in r, r["source"]
        for m in r["mentions"]:
            text = para(doc, m["paragraph"])
            problem = boundary_problem(text, m["start"], m["end"])
            if problem:
                print("WARNING", r["source"], m["surface"], problem)
            if text[m["start"]:m["end"]] != m["surface"] or m["org_type"] not in ORG_TYPES:
                print("BAD", r["source"], m)
                bad += 1
    print("ok" if not bad else f"{bad} bad mentions")
    return bad


def stats() -> None:
    from collections import Counter
    rows = read_gold()
    by_src: Counter = Counter()
    arts: Counter = Counter()
    types: Counter = Counter()
    if SET in ("morocco", "moroccodev"):
        types = Counter(m["org_type"] for r in rows for m in r["mentions"])
        empty = [r["source"] for r in rows if not r["mentions"]]
        print(f"febrayer: {len(rows)} articles, {sum(types.values())} mentions "
              f"({len(empty)} without any: {', '.join(empty)})")
        for t in ORG_TYPES:
            print(f"  {t:20s} {types[t]:4d}")
        return
    for r in rows:
        src = "alarabiya" if is_alarabiya(r["source"]) else "ant-v1.1"
        arts[src] += 1
        by_src[src] += len(r["mentions"])
        for m in r["mentions"]:
            types[(src, m["org_type"])] += 1
    for s in arts:
        print(f"{s}: {arts[s]} articles, {by_src[s]} mentions")
    for t in ORG_TYPES:
        print(f"  {t:20s} ant={types[('ant-v1.1', t)]:4d} alarabiya={types[('alarabiya', t)]:4d}")
    print("total mentions", sum(by_src.values()))


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--set" in args:
        i = args.index("--set")
        SET = args[i + 1]
        if SET not in GOLD_FILES:
            raise SystemExit(f"--set must be one of {sorted(GOLD_FILES)}")
        GOLD = GOLD_FILES[SET]
        del args[i: i + 2]
    if "--file" in args:  # one annotator's own file (several annotate a set side by side)
        i = args.index("--file")
        GOLD = Path(args[i + 1])
        del args[i: i + 2]
    sys.argv[1:] = args
    cmd = sys.argv[1]
    if cmd == "select":
        print("\n".join(select()))
    elif cmd == "show":
        show(sys.argv[2])
    elif cmd == "add":
        for p in sys.argv[2:]:
            add(Path(p))
    elif cmd == "validate":
        sys.exit(1 if validate() else 0)
    elif cmd == "review":
        for src in sys.argv[2:]:
            review(src)
            print()
    elif cmd == "stats":
        stats()
