"""Format and offset checks for the hand-annotated quotes gold (data/gold/quotes_*.jsonl).

The evaluation of the quotes extractor trusts these files blindly, so every span must point at the exact
text it claims, and the AlArabiya file must hold offsets only (its text may not be copied into the project).
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import gold_tools as gt  # noqa: E402

SHARED_PRESENT = gt.DATASETS.exists()
FILES = {name: gt.GOLD / name for name in gt.QUOTE_FILES}


def _records(name: str) -> list[dict]:
    return gt.read_gold(FILES[name])


@pytest.mark.parametrize("name", ["quotes_seed.jsonl", "quotes_dev.jsonl"])
def test_shippable_gold_offsets_match_stored_text(name: str) -> None:
    errs: list[str] = []
    for rec in _records(name):
        assert set(rec) == {"source", "title", "paragraphs", "quotes"}
        errs += gt.check_record(rec, rec["title"], rec["paragraphs"], offsets_only=False)
    assert errs == []


def test_heldout_stores_no_alarabiya_text() -> None:
    for rec in _records("quotes_heldout.jsonl"):
        assert rec["source"].startswith("ant-multisource-alarabia/Alarabia/")
        assert set(rec) == {"source", "quotes"}
        for q in rec["quotes"]:
            assert "quote" not in q
            assert set(q) == set(gt.FIELDS) - {"quote"}


@pytest.mark.skipif(not SHARED_PRESENT, reason="../shared is absent")
def test_heldout_offsets_against_alarabiya_from_shared() -> None:
    errs: list[str] = []
    for rec in _records("quotes_heldout.jsonl"):
        title, paragraphs = gt.load_article(rec["source"])
        errs += gt.check_record(rec, title, paragraphs, offsets_only=True)
    assert errs == []


@pytest.mark.skipif(not SHARED_PRESENT, reason="../shared is absent")
def test_stored_text_is_what_the_readers_give() -> None:
    """Paragraph indexes are only meaningful if the stored text is the reader's paragraphs."""
    for name in ("quotes_seed.jsonl", "quotes_dev.jsonl"):
        for rec in _records(name):
            title, paragraphs = gt.load_article(rec["source"])
            assert (rec["title"], rec["paragraphs"]) == (title, paragraphs), rec["source"]


def test_sizes_and_coverage() -> None:
    dev = _records("quotes_dev.jsonl")
    dev_quotes = [q for r in dev for q in r["quotes"]]
    assert len(dev_quotes) >= 160
    assert len({r["source"].split("/")[1] for r in dev}) >= 7
    assert {q["speaker_type"] for q in dev_quotes} == gt.SPEAKER_TYPES
    assert {q["kind"] for q in dev_quotes} == gt.KINDS
    assert sum(len(r["quotes"]) for r in _records("quotes_heldout.jsonl")) >= 60
    seed = _records("quotes_seed.jsonl")
    assert [r["source"] for r in seed] == ["seed"] and len(seed[0]["paragraphs"]) == 15


def test_validator_rejects_a_shifted_span() -> None:
    rec = copy.deepcopy(_records("quotes_seed.jsonl")[0])
    rec["quotes"][1]["start"] += 1
    errs = gt.check_record(rec, rec["title"], rec["paragraphs"], offsets_only=False)
    assert errs and "quote" in errs[0]


def test_validator_rejects_direct_span_including_marks() -> None:
    rec = copy.deepcopy(_records("quotes_seed.jsonl")[0])
    q = next(q for q in rec["quotes"] if q["kind"] == "direct")
    text = rec["paragraphs"][q["paragraph"]]
    q["start"] -= 1
    q["quote"] = text[q["start"]:q["end"]]
    errs = gt.check_record(rec, rec["title"], rec["paragraphs"], offsets_only=False)
    assert any("direct" in e for e in errs)


def test_locate_handles_abbreviation_occurrence_and_nbsp() -> None:
    text = "قال الوزير إن الحكومة\u00a0ستعمل، وقال إن الحكومة ستنجح."
    assert text[slice(*gt.locate(text, "الحكومة ستعمل"))] == "الحكومة\u00a0ستعمل"
    assert text[slice(*gt.locate(text, "الحكومة<<>>ستنجح@@2"))] == "الحكومة ستنجح"
    with pytest.raises(ValueError):
        gt.locate(text, "غير موجود")


@pytest.mark.skipif(not SHARED_PRESENT, reason="../shared is absent")
def test_articles_are_the_fixed_seed_sample() -> None:
    """Dev and heldout articles are a prefix of the seeded candidate list, not hand-picked easy ones."""
    dev = [r["source"] for r in _records("quotes_dev.jsonl")]
    assert dev == gt.candidates("ant", 20261129, len(dev))
    held = [r["source"] for r in _records("quotes_heldout.jsonl")]
    assert held == gt.candidates("alarabiya", 20261129, len(held))


def test_moroccan_topic_gold_holds_labels_not_text() -> None:
    """The Moroccan corpus is test-only: its gold names articles by index and fingerprint, never quotes them."""
    import json
    import re

    from transforms.topics import TOPICS

    gold_dir = Path(__file__).resolve().parents[1] / "data" / "gold"
    for who, expected in (("a", 240), ("b", 240)):
        raw = (gold_dir / f"topics_morocco_{who}.jsonl").read_text(encoding="utf-8")
        assert not re.search(r"[\u0600-\u06ff]", raw)
        rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
        assert len(rows) == expected
        assert len({(r["corpus"], r["index"]) for r in rows}) == expected
        for r in rows:
            assert r["corpus"] in ("febrayer", "yabiladi") and re.fullmatch(r"[0-9a-f]{12}", r["fingerprint"])
            assert r["topic"] in set(TOPICS) | {"none"} and set(r["also"]) <= set(TOPICS)
            assert r["confidence"] in ("high", "low")


def test_jawhara_topic_audit_holds_labels_not_text() -> None:
    """The audit names JawharaFM dev-half articles by file name; the section is the one the path says."""
    import json
    import re

    from transforms.topics import TOPICS

    sections = {"culture": "culture", "economy": "economy", "internationalNews": "international", "sport": "sport",
                "technology": "technology"}
    raw = (Path(__file__).resolve().parents[1] / "data" / "gold" / "topics_jawhara_audit.jsonl").read_text("utf-8")
    assert not re.search(r"[\u0600-\u06ff]", raw)
    rows = [json.loads(line) for line in raw.splitlines() if line.strip()]
    assert len(rows) == 466
    for r in rows:
        m = re.fullmatch(r"ant-v1\.1/(\w+)/JA-\1-\d+-\d+\.txt", r["rel"])
        assert m and sections[m[1]] == r["section"], r["rel"]
        assert r["topic"] in set(TOPICS) | {"none"} and set(r["also"]) <= set(TOPICS)
        assert r["confidence"] in ("high", "low") and r["annotator"] in "abcd"
        assert (r["sample"], r["model"] is None) in (("random", True), ("errors", False))
    random = [r for r in rows if r["sample"] == "random"]
    assert len({r["rel"] for r in random}) == 200 and len(random) == 240  # 40 read by a and b
    errors = [r for r in rows if r["sample"] == "errors"]
    assert len({r["rel"] for r in errors}) == len(errors) == 226
    assert sum(r["model"] != r["section"] for r in errors) == 113  # errors and hits, half and half
