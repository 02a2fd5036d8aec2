"""Arabic labels for the report: column names, topics, organisation types, quarantine reasons.

Kept apart from the renderer so that a new column or topic key only needs a line here; anything
without a label is shown as it is stored.
"""

from __future__ import annotations

COLUMNS: dict[str, str] = {
    "published_date": "تاريخ النشر",
    "outlet": "المنبر",
    "articles": "المقالات",
    "pages": "الصفحات",
    "days": "أيام النشر",
    "last_date": "آخر تاريخ",
    "first_date": "أول تاريخ",
    "period": "الفترة",
    "topic": "الموضوع",
    "share": "الحصة",
    "organisation": "المنظمة",
    "org_type": "النوع",
    "mentions": "الإشارات",
    "outlets": "المنابر",
    "previous_articles": "مقالات الفترة السابقة",
    "change": "التغير",
    "change_pct": "التغير ٪",
    "organisation_a": "المنظمة الأولى",
    "organisation_b": "المنظمة الثانية",
    "together": "مقالات مشتركة",
    "articles_a": "مقالات الأولى",
    "articles_b": "مقالات الثانية",
    "jaccard": "مؤشر التلازم",
    "speaker": "المتحدث",
    "speaker_type": "الصفة",
    "role": "المنصب",
    "speaker_role": "المنصب",
    "quotes": "التصريحات",
    "last_quoted": "آخر تصريح",
    "quotes_in_period": "تصريحات الفترة",
    "quote": "التصريح",
    "title": "عنوان المقال",
    "headline": "العنوان",
    "shown": "مرات الظهور",
    "first_seen": "أول ظهور",
    "last_seen": "آخر ظهور",
    "article_in_lake": "المقال في المستودع",
    "reason": "السبب",
    "inputs": "المدخلات",
    "example_path": "مثال",
    "example_detail": "التفاصيل",
    "source_site": "المصدر",
    "input_format": "الصيغة",
    "no_date": "بلا تاريخ",
    "no_outlet": "بلا منبر",
    "empty_body": "بلا نص",
    "avg_words": "متوسط الكلمات",
    "first_crawled": "أول جلب",
    "last_crawled": "آخر جلب",
    "table": "الجدول",
    "field": "الحقل",
    "rows": "الصفوف",
    "empty": "فارغ",
}

TOPICS: dict[str, str] = {
    "politics": "سياسة",
    "politic": "سياسة",
    "economy": "اقتصاد",
    "sport": "رياضة",
    "sports": "رياضة",
    "society": "مجتمع",
    "culture": "ثقافة",
    "international": "دولي",
    "internationalNews": "دولي",
    "world": "دولي",
    "local": "محلي",
    "localNews": "محلي",
    "technology": "تكنولوجيا",
    "tech": "تكنولوجيا",
    "health": "صحة",
    "diverse": "متفرقات",
    "other": "أخرى",
    "(none)": "بلا موضوع",
}

ORG_TYPES: dict[str, str] = {
    "government": "حكومية",
    "international": "دولية",
    "party": "حزب",
    "union": "نقابة",
    "company": "شركة",
    "sports": "رياضية",
    "media": "إعلام",
    "ngo": "جمعية",
    "education_research": "تعليم وبحث",
    "religious": "دينية",
    "judiciary_security": "قضاء وأمن",
    "other": "أخرى",
}

SPEAKER_TYPES: dict[str, str] = {"person": "شخص", "organisation": "مؤسسة", "unnamed": "غير مسمى"}

REASONS: dict[str, str] = {
    "empty": "ملف فارغ",
    "binary": "ملف ثنائي",
    "undecodable": "ترميز غير مقروء",
    "bad_json": "JSON غير صالح",
    "no_title": "بلا عنوان",
    "no_body": "بلا نص",
    "too_large": "حجم كبير جدا",
    "unreadable": "تعذرت القراءة",
    "parser_error": "خطأ في التحليل",
    "unsupported_format": "صيغة غير مدعومة",
}

TABLES: dict[str, str] = {
    "articles": "المقالات",
    "headlines (titles)": "العناوين (عناوين المقالات)",
    "headlines (ticker)": "العناوين (شريط الأخبار)",
    "organisations": "المنظمات",
    "quotes": "التصريحات",
}

FIELDS: dict[str, str] = {
    "title": "العنوان",
    "outlet": "المنبر",
    "published_date": "تاريخ النشر",
    "url": "الرابط",
    "source_site": "المصدر",
    "paragraphs": "النص",
    "crawled_at": "تاريخ الجلب",
    "text": "النص",
    "topic": "الموضوع",
    "canonical": "الاسم الموحد",
    "org_type": "النوع",
    "speaker": "المتحدث",
    "speaker_role": "المنصب",
    "speaker_org": "منظمة المتحدث",
}

UNKNOWN: dict[str, str] = {"(unknown)": "(غير معروف)"}

# Per column: the dictionary that translates its values (the stored value stays in a tooltip).
VALUES: dict[str, dict[str, str]] = {
    "topic": TOPICS,
    "org_type": ORG_TYPES,
    "speaker_type": SPEAKER_TYPES,
    "reason": REASONS,
    "table": TABLES,
    "field": FIELDS,
    "outlet": UNKNOWN,
    "source_site": UNKNOWN,
}

# d3 time locale so that chart axes name months in Arabic.
TIME_LOCALE: dict[str, object] = {
    "dateTime": "%A، %e %B %Y، %X",
    "date": "%Y/%m/%d",
    "time": "%H:%M:%S",
    "periods": ["ص", "م"],
    "days": ["الأحد", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"],
    "shortDays": ["أحد", "إثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة", "سبت"],
    "months": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
               "نوفمبر", "ديسمبر"],
    "shortMonths": ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                    "نوفمبر", "ديسمبر"],
}
