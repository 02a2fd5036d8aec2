"""Synthetic aggregator pages in the seed's template, for the scale benchmark and the operations tests.

Deterministic (page ``i`` of seed ``s`` is always the same bytes), unique per page, and free of any
corpus text: words are drawn from a small hand-written vocabulary of common news Arabic. Pages carry
a ticker, the image-report boilerplate, a title, ``نشر في <outlet> يوم DD - MM - YYYY``, paragraphs,
sometimes an ``اقرأ أيضا:`` link, and the closing line, like the seed page.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

_VOCAB = (
    "الحكومة الوزير المغرب الرباط الدار البيضاء مجلس النواب البرلمان الاقتصاد الميزانية الشركة الوطنية "
    "المدينة الجهة الملك رئيس المنتخب الوطني الفريق المباراة البطولة الدولي الأمم المتحدة الاتحاد الأوروبي "
    "قطاع الفلاحة الماء السدود الأمطار التعليم المدرسة الجامعة الطلبة الصحة المستشفى الأطباء الاستثمار "
    "المشروع البنك الأسعار التضخم النفط الطاقة الشمسية الرياح الطريق السيارة القطار الميناء المطار السياحة "
    "الثقافة المهرجان السينما الكتاب الشعر الانتخابات الحزب المعارضة الأغلبية القانون المحكمة العدل الأمن "
    "الشرطة الجمارك الحدود الهجرة الشباب النساء الأطفال الأسر التشغيل البطالة الأجور النقابة الإضراب الحوار "
    "الاجتماعي اليوم أمس غدا الأسبوع الماضي المقبل خلال بعد قبل حول من إلى على في عن مع أن الذي التي "
    "أعلن أكد قال أوضح أشار أضاف كشف دعا طالب قرر أطلق افتتح وقع استقبل ناقش صادق نظم شارك"
)
WORDS = tuple(_VOCAB.split(" "))
OUTLETS = ("القناة", "هسبريس", "اليوم 24", "الأحداث المغربية", "العلم", "الصباح", "المساء", "بيان اليوم")
BOILER = "شكرا على الإبلاغ!\nسيتم حجب هذه الصورة تلقائيا عندما يتم الإبلاغ عنها من طرف عدة أشخاص.\n"
FIRST_DAY = date(2022, 1, 1)
DAYS = 730


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def page_date(i: int, seed: int = 0) -> date:
    """Publication date of page ``i`` (spread over two years, for backfill tests)."""
    return FIRST_DAY + timedelta(days=random.Random(f"{seed}:{i}:d").randrange(DAYS))


def make_page(i: int, seed: int = 0, paragraphs: int = 6) -> str:
    """Text of page ``i``: unique title (it carries the page number), random body."""
    rng = random.Random(f"{seed}:{i}")
    ticker = "\u00a0\u00a0\u00a0\u00a0".join(_sentence(rng, rng.randint(5, 10)) for _ in range(rng.randint(0, 12)))
    title = f"{_sentence(rng, rng.randint(5, 9))} {i}"
    d = page_date(i, seed)
    body = [_sentence(rng, rng.randint(15, 45)) + "." for _ in range(rng.randint(2, paragraphs + 3))]
    if rng.random() < 0.4:
        body.insert(1, "اقرأ أيضا: " + _sentence(rng, 7))
    lines = [
        ticker,
        "",
        BOILER,
        title,
        f"نشر في {rng.choice(OUTLETS)} يوم {d.day:02d} - {d.month:02d} - {d.year}",
        "",
        *body,
        "",
        "انقر هنا لقراءة الخبر من مصدره.",
    ]
    return "\n".join(lines)


def write_pages(folder: str | Path, n: int, seed: int = 0, start: int = 0, per_dir: int = 1000) -> Path:
    """Write pages ``start .. start+n-1`` as .txt files, ``per_dir`` per sub-folder."""
    root = Path(folder)
    for i in range(start, start + n):
        sub = root / f"d{i // per_dir:05d}"
        if i % per_dir == 0 or i == start:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"p{i:08d}.txt").write_text(make_page(i, seed), encoding="utf-8")
    return root


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--start", type=int, default=0)
    a = ap.parse_args()
    write_pages(a.folder, a.pages, a.seed, a.start)


if __name__ == "__main__":
    main()
