"""Dates as news pages write them: '08 - 06 - 2022', '٠٨-٠٦-٢٠٢٢', '8 يونيو 2022', ISO, RFC 2822."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from transforms.arabic import normalize

# Month names of the Maghreb, Egypt/Gulf, Levant and Tunisia/Algeria, normalised (one alef, ya).
_MONTHS: dict[str, int] = {}
for _month, _names in enumerate(
    [
        "يناير جانفي كانون الثاني",
        "فبراير فيفري شباط",
        "مارس اذار",
        "ابريل افريل نيسان",
        "ماي مايو ايار",
        "يونيو يونيه جوان حزيران",
        "يوليوز يوليو يوليه جويليه جويلية تموز",
        "غشت اغسطس اوت اب",
        "شتنبر سبتمبر ايلول",
        "اكتوبر تشرين الاول",
        "نونبر نوفمبر تشرين الثاني",
        "دجنبر ديسمبر كانون الاول",
    ],
    start=1,
):
    for _name in (n for n in _names.split() if n not in ("الثاني", "الاول")):
        _MONTHS[_name] = _month
_MONTHS_TWO_WORD = {"كانون الثاني": 1, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12}

_NUMERIC = re.compile(r"(\d{1,4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,4})")
_NAMED = re.compile(r"(\d{1,2})\s+([^\d\s]+(?:\s+(?:الاول|الثاني))?)\s*,?\s+(\d{4})")


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        value = date(y, m, d)
    except ValueError:
        return None
    return value if 1900 <= value.year <= 2100 else None


def parse_date(text: str | None) -> date | None:
    """Best-effort publication date; None when the text holds no valid date."""
    if not text:
        return None
    raw = text.strip()
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    if raw[:3].isalpha() and "," in raw[:5]:
        try:
            return parsedate_to_datetime(raw).date()
        except (TypeError, ValueError, IndexError):
            pass
    norm = normalize(raw)
    if m := _NUMERIC.search(norm):
        a, b, c = (int(g) for g in m.groups())
        return _safe(a, b, c) if len(m.group(1)) == 4 else _safe(c, b, a)
    if m := _NAMED.search(norm):
        month_name = m.group(2)
        month = _MONTHS_TWO_WORD.get(month_name) or _MONTHS.get(month_name.split()[0])
        if month:
            return _safe(int(m.group(3)), month, int(m.group(1)))
    return None


def parse_timestamp(value: object) -> datetime | None:
    """An ISO timestamp as scrapers and WARC headers write it, in UTC when no zone is given."""
    if not isinstance(value, str) or not value:
        return None
    try:
        ts = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)
