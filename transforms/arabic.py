"""Arabic text normalisation shared by every extractor.

One place decides what "the same spelling" means, so that headlines, organisation
names, speakers and SQL look-ups all fold variants the same way.
"""

from __future__ import annotations

import functools
import re

TATWEEL = "\u0640"
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_INVISIBLE_CHARS = "".join(map(chr, [*range(0x200C, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]))
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Harakat, tanwin, shadda, sukun, dagger alef, maddah/hamza above/below marks, Quranic marks.
_DIACRITIC_CHARS = [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)]

# Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits to ASCII.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

# One translation table per folding level: a single str.translate pass per call is what keeps
# normalisation cheap enough for millions of headlines.
_BASE: dict[int, str | None] = {c: None for c in _DIACRITIC_CHARS}
_BASE.update({ord(c): None for c in TATWEEL + _INVISIBLE_CHARS})
_BASE.update({ord(k): v for k, v in {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"}.items()})
_BASE.update({ord(k): v for k, v in {"ﻻ": "لا", "ﻷ": "لا", "ﻹ": "لا", "ﻵ": "لا"}.items()})
_BASE.update({k: chr(v) for k, v in DIGITS.items()})
_HAMZA = {ord("ؤ"): "و", ord("ئ"): "ي", ord("ء"): None}
_TA_MARBUTA = {ord("ة"): "ه"}
_TABLES = {
    (False, False): _BASE,
    (True, False): {**_BASE, **_HAMZA},
    (False, True): {**_BASE, **_TA_MARBUTA},
    (True, True): {**_BASE, **_HAMZA, **_TA_MARBUTA},
}


# Every character clean_spaces removes or rewrites but the plain space: whitespace (what re's \s matches is
# str.isspace, all of it below U+3001), the zero-width space and the invisible marks. One character class, so
# re scans a clean line at C speed; an alternation ("[^\S ]|  |...") tried three branches per character.
_ODD_SPACE = re.compile(
    "[" + re.escape("".join(chr(c) for c in range(0x3001) if chr(c).isspace() and c != 0x20)
                    + "\u200b" + _INVISIBLE_CHARS) + "]")


def clean_spaces(text: str) -> str:
    """Collapse NBSP, thin spaces and invisible marks to single spaces, and trim."""
    if "  " not in text and _ODD_SPACE.search(text) is None:  # most lines: one scan, no copies
        return text.strip()
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def normalize(text: str, *, fold_hamza: bool = False, fold_ta_marbuta: bool = False) -> str:
    """Search form of Arabic text: no tatweel or diacritics, one alef and ya, ASCII digits.

    ``fold_hamza`` and ``fold_ta_marbuta`` fold further for matching names whose spelling
    varies in the wild (ؤ/و, ئ/ي, ة/ه); the default keeps them because they change words.
    """
    # Deleting with one regex and replacing the few folded letters with str.replace is about
    # twice as fast as str.translate on Arabic text (translate looks up a dict per character).
    deleted, replaced = _PLANS[fold_hamza, fold_ta_marbuta]
    if deleted.search(text) is not None:
        text = deleted.sub("", text)
    for old, new in replaced:
        if old in text:
            text = text.replace(old, new)
    return clean_spaces(text)


def _plan(table: dict[int, str | None]) -> tuple[re.Pattern[str], list[tuple[str, str]]]:
    gone = "".join(re.escape(chr(k)) for k, v in table.items() if v is None)
    return re.compile(f"[{gone}]"), [(chr(k), v) for k, v in table.items() if v is not None]


_PLANS = {key: _plan(table) for key, table in _TABLES.items()}


@functools.lru_cache(maxsize=65536)
def normalize_cached(text: str) -> str:
    """normalize() for strings that repeat across pages (ticker headlines, boilerplate lines)."""
    return normalize(text)


_WORD = re.compile(r"[\w\u0600-\u06ff]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Word tokens (letters and digits), punctuation dropped."""
    return _WORD.findall(text)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
