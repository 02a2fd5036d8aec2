"""Keyword extractor on real sentences and the seed page (read from ../shared at run time)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transforms.keywords import Keyword, canonical, extract_keywords, extract_keywords_batch

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seeds" / "000_d65fcb83a8083adf.txt"

TITLE = "البنك المركزي يرفع سعر الفائدة لمواجهة التضخم"
BODY = [
    "قرر مجلس إدارة البنك المركزي، اليوم الثلاثاء، رفع سعر الفائدة الرئيسي بخمسين نقطة أساس لمواجهة التضخم.",
    "وقال محافظ البنك المركزي إن التضخم بلغ 7 بالمائة خلال شهر مارس، وإن رفع سعر الفائدة ضروري لحماية الدينار.",
    "ويتوقع خبراء أن يؤثر قرار رفع سعر الفائدة على القروض الاستهلاكية والاستثمار في القطاع الخاص.",
]


def seed_article() -> tuple[str, list[str]]:
    if not SEED.exists():
        pytest.skip("../shared is absent")
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    i = next(i for i, line in enumerate(lines) if line.startswith("نشر في القناة يوم 08 - 06 - 2022"))
    end = next(j for j in range(i, len(lines)) if lines[j].startswith("انقر هنا لقراءة الخبر من مصدره."))
    return lines[i - 1], [line for line in lines[i + 1 : end] if line and not line.startswith("اقرأ أيضا:")]


def test_subject_terms_first() -> None:
    kws = extract_keywords(TITLE, BODY, k=5)
    terms = [k.term for k in kws]
    assert "سعر فائدة" in terms[:2]
    assert any("تضخم" in t for t in terms)
    assert any("بنك مركزي" in t for t in terms)


def test_shape_ranks_and_scores() -> None:
    kws = extract_keywords(TITLE, BODY, k=8)
    assert 0 < len(kws) <= 8
    assert all(isinstance(k, Keyword) for k in kws)
    assert [k.rank for k in kws] == list(range(1, len(kws) + 1))
    assert kws[0].score == 1.0
    assert all(a.score >= b.score for a, b in zip(kws, kws[1:], strict=False))
    assert len({k.term for k in kws}) == len(kws)


def test_stop_words_digits_and_clitics_are_handled() -> None:
    stop = {"في", "على", "ان", "قال", "وقال", "اليوم", "الثلاثاء", "خلال", "شهر"}
    for k in extract_keywords(TITLE, BODY, k=20):
        words = k.term.split(" ")
        assert not (set(words) & stop), k
        assert not re.search(r"\d", k.term), k
        assert not any(w.startswith("ال") and len(w) > 4 for w in words), k
    assert canonical("لمكافحة") == "مكافحة"
    assert canonical("وزير") == "وزير"
    assert canonical("لجنة") == "لجنة"
    kws = extract_keywords("جائزة أفضل لاعب", ["منحت الجائزة للاعب الوداد.", "وصوت المدربون للاعب الشاب."])
    assert "لاعب" in {w for k in kws for w in k.term.split(" ")}
    assert not any(w == "اعب" for k in kws for w in k.term.split(" "))


def test_unknown_name_with_conjunction_merges_with_bare_form() -> None:
    title = "حماقي يطرح ألبومه الجديد"
    body = ["أعلن الفنان حماقي عن موعد طرح ألبومه.", "وكشف منتج الألبوم أن جمهور عاصي وحماقي ينتظر الحفل."]
    terms = [k.term for k in extract_keywords(title, body)]
    assert "حماقي" in terms and "وحماقي" not in terms


def test_seed_page_keywords_are_about_extremism() -> None:
    title, body = seed_article()
    terms = [k.term for k in extract_keywords(title, body, k=10)]
    assert any("تطرف" in t for t in terms[:3])
    assert any("ارهاب" in t or "امني" in t or "سجون" in t for t in terms)


def test_batch_and_empty() -> None:
    arts = [(TITLE, BODY), ("", []), ("مهرجان السينما", ["افتتاح مهرجان السينما الدولي بعرض فيلم جديد."])]
    batch = extract_keywords_batch(arts, k=5)
    assert batch[0] == extract_keywords(TITLE, BODY, k=5)
    assert batch[1] == []
    assert batch[2] and len(batch[2]) <= 5
