"""The aggregator text dump: the seed page exactly, and every variant real pages show."""

from __future__ import annotations

from datetime import date

import pytest

from transforms.page import PageError
from transforms.parse import parse_unit
from transforms.parse.aggregator_text import parse_aggregator_text
from transforms.parse.decode import decode

TITLE = "مؤتمر الرباط الدولي لمكافحة الإرهاب. خبراء: المملكة واعية بعقيدة التعاون الأمني لمكافحة التطرف"
RELATED = "مؤتمر الرباط الدولي لمكافحة الإرهاب. مدير الاسيسكو: الذكاء الجماعي ضروري لصدّ تيارات التطرف"


@pytest.fixture
def seed_text(seed_bytes: bytes) -> str:
    return seed_bytes.decode("utf-8")


def test_seed_page_parses_exactly(seed_bytes: bytes) -> None:
    page = parse_unit(seed_bytes, "text")
    assert page.title == TITLE
    assert page.outlet == "القناة"
    assert page.published_date == date(2022, 6, 8)
    assert page.related == (RELATED,)
    assert len(page.paragraphs) == 15
    assert page.paragraphs[0].startswith("افتتحت اليوم الأربعاء بمقر منظمة العالم الإسلامي")
    assert page.paragraphs[-1].startswith("وأكد كارلوس ألكسندر مونتيرو ريس")
    body = "\n".join(page.paragraphs)
    for junk in ("شكرا على الإبلاغ", "سيتم حجب هذه الصورة", "اقرأ أيضا", "انقر هنا لقراءة الخبر", "\u00a0"):
        assert junk not in body


def test_seed_ticker_is_complete(seed_bytes: bytes) -> None:
    page = parse_unit(seed_bytes, "text")
    # 57 headlines separated by NBSP runs on the first line (counted independently of the parser).
    first_line = seed_bytes.decode("utf-8").split("\n", 1)[0]
    expected = [x.strip() for x in first_line.split("\u00a0") if x.strip()]
    assert len(page.ticker) == 57
    assert list(page.ticker) == expected
    assert page.ticker[0] == "وكالة بيت مال القدس الشريف تطلق حملة المساعدة الاجتماعية السنوية عشية شهر رمضان"
    assert page.ticker[-1] == "ظلمات ومثالب الحداثة"
    assert "الملك يهنئ رئيس صربيا بالعيد الوطني" in page.ticker


def test_no_ticker(seed_text: str) -> None:
    page = parse_aggregator_text(seed_text.split("\n", 1)[1])
    assert page.ticker == () and page.title == TITLE and len(page.paragraphs) == 15


def test_several_and_no_related_links(seed_text: str) -> None:
    several = seed_text.replace("وفي مداخلة له", "اقرأ أيضاً: الرزرازي يدعو إلى مقاربة شاملة\nوفي مداخلة له", 1)
    page = parse_aggregator_text(several)
    assert page.related == (RELATED, "الرزرازي يدعو إلى مقاربة شاملة")
    assert len(page.paragraphs) == 15
    none = "\n".join(line for line in seed_text.split("\n") if not line.startswith("اقرأ أيضا"))
    assert parse_aggregator_text(none).related == ()


def test_no_date_line(seed_text: str) -> None:
    text = seed_text.replace("نشر في القناة يوم 08 - 06 - 2022\n", "")
    page = parse_aggregator_text(text)
    assert page.title == TITLE
    assert page.published_date is None and page.outlet is None
    assert len(page.paragraphs) == 15


def test_arabic_indic_digits_in_date(seed_text: str) -> None:
    page = parse_aggregator_text(seed_text.replace("08 - 06 - 2022", "٠٨ - ٠٦ - ٢٠٢٢"))
    assert page.published_date == date(2022, 6, 8)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1256", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings(seed_text: str, encoding: str) -> None:
    text = seed_text
    if encoding == "cp1256":  # windows-1256 has no code for every character of the seed
        text = text.encode("cp1256", errors="replace").decode("cp1256")
    raw = text.encode(encoding)
    page = parse_unit(raw, "text")
    assert page.title == TITLE
    assert page.published_date == date(2022, 6, 8)
    assert len(page.paragraphs) == 15


def test_crlf_line_endings(seed_bytes: bytes) -> None:
    page = parse_unit(seed_bytes.replace(b"\n", b"\r\n"), "text")
    assert page.title == TITLE and len(page.paragraphs) == 15 and len(page.ticker) == 57
    assert not any("\r" in p for p in page.paragraphs)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("شكرا على الإبلاغ!\n".encode(), "no_title"),
        ("عنوان بلا نص\nنشر في القناة يوم 08 - 06 - 2022\n\nانقر هنا لقراءة الخبر من مصدره.\n".encode(), "no_body"),
    ],
)
def test_bad_pages_raise_specific_reasons(raw: bytes, reason: str) -> None:
    with pytest.raises(PageError) as info:
        parse_unit(raw, "text")
    assert info.value.reason == reason


def test_decode_rejects_invalid_utf8_with_bom() -> None:
    with pytest.raises(PageError) as info:
        decode(b"\xef\xbb\xbf\xd9\x85\xff\xfe bad")
    assert info.value.reason == "undecodable"


def test_a_page_cut_inside_its_last_letter_keeps_its_text(seed_text: str) -> None:
    """A download cut in the middle of a two-byte Arabic letter is whole UTF-8 up to that letter: it is read as
    UTF-8 (not quarantined as undecodable, nor garbled through another code page)."""
    raw = seed_text.encode("utf-8")
    cut = next(k for k in range(len(raw) * 2 // 3, len(raw)) if raw[k] >= 0xC0)  # a letter's first byte
    text = decode(raw[: cut + 1])
    assert text == raw[:cut].decode("utf-8")
    page = parse_unit(raw[: cut + 1], "text")
    assert page.title == TITLE


def test_a_stray_byte_in_a_utf8_page_does_not_turn_it_into_windows_1256(seed_text: str) -> None:
    """One invalid byte in a UTF-8 page used to send the whole page through windows-1256, which reads each
    Arabic letter as two others ("ظˆظƒط§ظ„ط©" for "وكالة"); the page stays UTF-8 and the byte shows as U+FFFD."""
    raw = seed_text.encode("utf-8")
    after_title = raw.index("نشر في".encode()) + 20
    cut = next(k for k in range(after_title, len(raw)) if raw[k] >= 0xC0)
    text = decode(raw[:cut] + b"\xff" + raw[cut:])
    assert text == seed_text[: len(raw[:cut].decode("utf-8"))] + "\ufffd" + raw[cut:].decode("utf-8")
    assert parse_unit(raw[:cut] + b"\xff" + raw[cut:], "text").title == TITLE
    cp1256 = seed_text.encode("cp1256", errors="replace")  # a real windows-1256 page is still read as one
    assert parse_unit(cp1256, "text").title == TITLE
