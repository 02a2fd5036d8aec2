"""Arabic normalisation: what every extractor and the SQL macros treat as the same spelling."""

from __future__ import annotations

from transforms.arabic import clean_spaces, count_words, normalize, normalize_cached


def test_normalize_folds_variants_from_real_headlines() -> None:
    assert normalize("جواز السفر المغربي يرتقي إلى المرتبة 62 عالميًا") == "جواز السفر المغربي يرتقي الي المرتبة 62 عالميا"
    assert normalize("رمضان 2026: أين ستُسجل أطول وأقصر ساعات الصيام") == "رمضان 2026: اين ستسجل اطول واقصر ساعات الصيام"
    assert normalize("زعامةُ الكَلمات") == "زعامة الكلمات"
    assert normalize("الاســــتراتيجية") == "الاستراتيجية"  # tatweel
    assert normalize("٠٨ - ٠٦ - ٢٠٢٢") == "08 - 06 - 2022"
    assert normalize("آذار\u00a0\u00a0 ﻻ") == "اذار لا"


def test_optional_folds_for_names() -> None:
    assert normalize("مؤسسة", fold_hamza=True, fold_ta_marbuta=True) == "موسسه"
    assert normalize("الهيئة") == "الهيئة"
    assert normalize("الهيئة", fold_hamza=True) == "الهيية"


def test_clean_spaces_removes_invisible_marks() -> None:
    assert clean_spaces("\u200fالقناة\u00a0 \u00a0يوم\u200b  08 ") == "القناة يوم 08"
    assert clean_spaces("نص نظيف") == "نص نظيف"


def test_cached_equals_uncached_and_words() -> None:
    text = "الغزاوي: ثلث مستفيدي \"دعم سكن\" من مغاربة العالم"
    assert normalize_cached(text) == normalize(text)
    assert count_words(text) == 8


def test_clean_spaces_fast_path_misses_no_character() -> None:
    """The one-class scan that lets clean lines through must catch every character the full clean-up changes."""
    import sys

    from transforms.arabic import _INVISIBLE, _SPACES

    def full(text: str) -> str:
        return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()

    changed = [c for c in range(sys.maxunicode + 1) if clean_spaces(f"ا{chr(c)}ب") != full(f"ا{chr(c)}ب")]
    assert changed == []
    assert clean_spaces("وزارة  الخارجية") == "وزارة الخارجية"  # two plain spaces
    assert clean_spaces("وزارة\u00a0الخارجية\u200f") == "وزارة الخارجية"
