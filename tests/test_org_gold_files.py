"""Format checks for the hand-annotated organisations gold (every news gold file and the two febrayer files).

ANT v1.1 rows carry their own title and paragraphs, so offsets are checked against the file itself;
AlArabiya rows carry offsets only and are re-read from ../shared (skipped when it is absent).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold" / "organisations_news.jsonl"
DATASETS = ROOT.parent / "shared" / "datasets"
ORG_TYPES = {
    "government", "international", "party", "union", "company", "sports", "media", "ngo",
    "education_research", "religious", "judiciary_security", "other",
}
KEYS = {"paragraph", "start", "end", "surface", "canonical", "org_type"}
LEADING_CLITICS = ("و", "ب", "ل", "ف", "ك")


# Every news gold file: the test set, the dev sets, the training sets and the second annotations.
NEWS_SETS = ("news", "news_b", "newsdev", "newsdev2", "newsdev3", "newsdev4", "newsdev5", "newsdev6", "newsdev7", "train", "train2",
             "train2_b", "train3", "train4", "train5", "train6", "train7", "train8", "train9", "train10", "train11", "train12",
             "train13")
# Names whose own first letters look like a clitic + article (rule 3: "initial letters of names that are not clitics").
NAMES_OPENING_LIKE_CLITICS = frozenset({"بالميراس", "بالستينو"})
NEWS_FILES = {name: ROOT / "data" / "gold" / f"organisations_{name}.jsonl" for name in NEWS_SETS}


def rows(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_alarabiya(row: dict) -> bool:
    return row["source"].startswith("ant-multisource-alarabia/")


def paragraph(title: str, paragraphs: list[str], i: int) -> str:
    return title if i == -1 else paragraphs[i]


@pytest.mark.parametrize("name", NEWS_SETS)
def test_rows_are_well_formed(name: str) -> None:
    data = rows(NEWS_FILES[name])
    assert len(data) >= 1
    sources = [r["source"] for r in data]
    assert len(sources) == len(set(sources)), "an article appears twice"
    for r in data:
        assert isinstance(r["mentions"], list)
        if is_alarabiya(r):
            assert "title" not in r and "paragraphs" not in r, "AlArabiya text must not be copied"
        else:
            assert r["source"].startswith("ant-v1.1/")
            assert isinstance(r["title"], str) and isinstance(r["paragraphs"], list)
        seen: list[tuple[int, int, int]] = []
        for m in r["mentions"]:
            assert set(m) == KEYS, m
            assert m["org_type"] in ORG_TYPES, m
            assert m["surface"] == m["surface"].strip() and m["surface"], m
            assert m["canonical"] and (not m["canonical"].startswith(("بال", "لل"))
                                          or m["canonical"] in NAMES_OPENING_LIKE_CLITICS), m
            assert 0 <= m["start"] < m["end"], m
            seen.append((m["paragraph"], m["start"], m["end"]))
        seen.sort()
        for a, b in zip(seen, seen[1:], strict=False):
            assert a[0] != b[0] or b[1] >= a[2], f"overlapping spans in {r['source']}: {a} {b}"


@pytest.mark.parametrize("name", NEWS_SETS)
def test_ant_offsets_match_surface(name: str) -> None:
    for r in rows(NEWS_FILES[name]):
        if is_alarabiya(r):
            continue
        for m in r["mentions"]:
            text = paragraph(r["title"], r["paragraphs"], m["paragraph"])
            assert text[m["start"]:m["end"]] == m["surface"], (r["source"], m)


def test_spans_do_not_end_inside_a_word() -> None:
    for r in rows():
        if is_alarabiya(r):
            continue
        for m in r["mentions"]:
            text = paragraph(r["title"], r["paragraphs"], m["paragraph"])
            assert m["end"] == len(text) or not text[m["end"]].isalnum(), (r["source"], m)


@pytest.mark.parametrize("name", NEWS_SETS)
def test_ant_rows_match_corpus_when_available(name: str) -> None:
    if not DATASETS.exists():
        pytest.skip("../shared is absent")
    sys.path.insert(0, str(ROOT / "scripts"))
    from antcorpus import parse

    for r in rows(NEWS_FILES[name]):
        if is_alarabiya(r):
            continue
        doc = parse(DATASETS / r["source"])
        assert doc.title == r["title"] and doc.paragraphs == r["paragraphs"], r["source"]


@pytest.mark.parametrize("name", NEWS_SETS)
def test_alarabiya_offsets_match_surface(name: str) -> None:
    alarabiya = [r for r in rows(NEWS_FILES[name]) if is_alarabiya(r)]
    if not alarabiya:
        pytest.skip(f"{name}: no AlArabiya rows")
    if not DATASETS.exists():
        pytest.skip("../shared is absent")
    sys.path.insert(0, str(ROOT / "scripts"))
    from antcorpus import parse

    for r in alarabiya:
        path = DATASETS / r["source"]
        if not path.exists():
            pytest.skip(f"{path} is absent")
        doc = parse(path)
        for m in r["mentions"]:
            text = paragraph(doc.title, doc.paragraphs, m["paragraph"])
            assert text[m["start"]:m["end"]] == m["surface"], (r["source"], m)


def test_canonical_is_consistent_for_a_surface_within_an_article() -> None:
    """One surface form names one organisation inside an article."""
    for r in rows():
        by_surface: dict[str, set[str]] = {}
        for m in r["mentions"]:
            by_surface.setdefault(m["surface"], set()).add(m["canonical"])
        for surface, canon in by_surface.items():
            assert len(canon) == 1, (r["source"], surface, canon)


def test_types_are_consistent_for_a_canonical() -> None:
    """Across the whole file a canonical name always gets the same org_type."""
    types: dict[str, Counter] = {}
    for r in rows():
        for m in r["mentions"]:
            types.setdefault(m["canonical"], Counter())[m["org_type"]] += 1
    mixed = {c: t for c, t in types.items() if len(t) > 1}
    assert not mixed, mixed


def test_leading_clitic_is_not_in_span_when_name_starts_with_article() -> None:
    """'والحكومة التونسية' must be annotated from 'الحكومة': a clitic before 'ال' is outside the span."""
    for r in rows():
        for m in r["mentions"]:
            s = m["surface"]
            assert not (s[:1] in LEADING_CLITICS and s[1:3] == "ال"), (r["source"], m)


def test_spans_do_not_start_with_punctuation_or_hashtag() -> None:
    for r in rows():
        for m in r["mentions"]:
            assert not m["surface"].startswith(("#", '"', "«", "(", "“")), (r["source"], m)
            assert not m["surface"].endswith(("،", ",", ".", ":", ")")), (r["source"], m)


def test_news_sets_share_no_article() -> None:
    """Test, dev and training draws are disjoint (a shared article would leak into a score); a second annotation
    holds only articles of the set it annotates again."""
    owner: dict[str, str] = {}
    for name in NEWS_SETS:
        if name.endswith("_b"):
            continue
        for r in rows(NEWS_FILES[name]):
            assert r["source"] not in owner, (r["source"], owner.get(r["source"]), name)
            owner[r["source"]] = name
    for name in NEWS_SETS:
        if name.endswith("_b"):
            first = name[: -len("_b")]
            assert {r["source"] for r in rows(NEWS_FILES[name])} <= {r["source"] for r in rows(NEWS_FILES[first])}


def test_gold_is_large_enough_to_score() -> None:
    """A guard against a truncated file: the set was built to hold at least 400 mentions."""
    data = rows()
    assert sum(len(r["mentions"]) for r in data) >= 400
    assert sum(not is_alarabiya(r) for r in data) >= 40 and sum(is_alarabiya(r) for r in data) >= 25


MOROCCO = ROOT / "data" / "gold" / "organisations_morocco.jsonl"
MOROCCODEV = ROOT / "data" / "gold" / "organisations_moroccodev.jsonl"
FEBRAYER = DATASETS / "moroccan-news-corpus-issa" / "febrayer_feb.txt"
# Both febrayer sets: (file, seed, index range, articles drawn, minimum mentions as a truncation guard).
FEBRAYER_SETS = {
    "morocco": (MOROCCO, 20261131, range(200, 400), 30, 100),
    "moroccodev": (MOROCCODEV, 20261132, range(0, 200), 40, 150),
}


def febrayer_rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def morocco_rows() -> list[dict]:
    return febrayer_rows(MOROCCO)


@pytest.mark.parametrize("name", sorted(FEBRAYER_SETS))
def test_morocco_gold_stores_no_text_beyond_surfaces(name: str) -> None:
    """The febrayer corpus is test-only: rows name articles by index + fingerprint, mentions by offsets."""
    import random
    import re

    path, seed, indices, n, min_mentions = FEBRAYER_SETS[name]
    data = febrayer_rows(path)
    drawn = [f"febrayer:{i}" for i in sorted(random.Random(seed).sample(indices, n))]
    assert [r["source"] for r in data] == drawn, "rows must be the seeded draw, in order"
    for r in data:
        assert set(r) == {"source", "fingerprint", "mentions"}, f"{r['source']}: no title/paragraphs allowed"
        assert re.fullmatch(r"[0-9a-f]{12}", r["fingerprint"]), r
        for m in r["mentions"]:
            assert set(m) == KEYS and m["org_type"] in ORG_TYPES, m
            assert m["paragraph"] >= 0, "febrayer articles have no title"
            assert m["end"] - m["start"] == len(m["surface"]) and len(m["surface"].split()) <= 16, m
            assert not (m["surface"][:1] in LEADING_CLITICS and m["surface"][1:3] == "ال"), m
            assert not m["surface"].startswith(("#", '"', "«", "(", "“")), m
            assert not m["surface"].endswith(("،", ",", ".", ":", ")")), m
    assert sum(len(r["mentions"]) for r in data) >= min_mentions


def test_moroccan_dev_and_test_sets_are_disjoint() -> None:
    """Tuning on the Moroccan dev set must never see a Moroccan test article."""
    dev = {r["source"] for r in febrayer_rows(MOROCCODEV)}
    test = {r["source"] for r in febrayer_rows(MOROCCO)}
    assert dev and test and not dev & test


@pytest.mark.parametrize("name", sorted(FEBRAYER_SETS))
def test_morocco_offsets_match_reread_text(name: str) -> None:
    if not FEBRAYER.exists():
        pytest.skip("../shared (moroccan-news-corpus-issa) is absent")
    sys.path.insert(0, str(ROOT / "scripts"))
    from topics_morocco import corpus, fingerprint

    docs = corpus("febrayer")
    types: dict[str, set[str]] = {}
    for r in febrayer_rows(FEBRAYER_SETS[name][0]):
        paragraphs = docs[int(r["source"].split(":")[1])]
        assert fingerprint(paragraphs) == r["fingerprint"], r["source"]
        for m in r["mentions"]:
            text = paragraphs[m["paragraph"]]
            assert text[m["start"]:m["end"]] == m["surface"], (r["source"], m)
            assert m["end"] == len(text) or not text[m["end"]].isalnum(), (r["source"], m)
            types.setdefault(m["canonical"], set()).add(m["org_type"])
    assert all(len(t) == 1 for t in types.values()), types


def test_moroccan_canonicals_keep_one_type_across_both_sets() -> None:
    """One canonical name always gets one org_type, in the dev and the test file alike."""
    types: dict[str, set[str]] = {}
    for path, *_ in FEBRAYER_SETS.values():
        for r in febrayer_rows(path):
            for m in r["mentions"]:
                types.setdefault(m["canonical"], set()).add(m["org_type"])
    assert all(len(t) == 1 for t in types.values()), {c: t for c, t in types.items() if len(t) > 1}
