"""Arabic text normalisation shared by every extractor.

One place decides what "the same spelling" means, so that headlines, organisation
names, speakers and SQL look-ups all fold variants the same way.
"""

from __future__ import annotations

import re

TATWEEL = "\u0640"
# Harakat, tanwin, shadda, sukun, dagger alef, maddah/hamza above/below marks, Quranic marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACES = re.compile(r"[\s\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_INVISIBLE = re.compile("[\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

# Arabic-Indic (U+0660..) and Eastern Arabic-Indic (U+06F0..) digits to ASCII.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_HAMZA = str.maketrans({"ؤ": "و", "ئ": "ي", "ء": ""})
_TA_MARBUTA = str.maketrans({"ة": "ه"})
_PRESENTATION = str.maketrans({"ﻻ": "لا", "ﻷ": "لا", "ﻹ": "لا", "ﻵ": "لا"})


def clean_spaces(text: str) -> str:
    """Collapse NBSP, thin spaces and invisible marks to single spaces, and trim."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def normalize(text: str, *, fold_hamza: bool = False, fold_ta_marbuta: bool = False) -> str:
    """Search form of Arabic text: no tatweel or diacritics, one alef and ya, ASCII digits.

    ``fold_hamza`` and ``fold_ta_marbuta`` fold further for matching names whose spelling
    varies in the wild (ؤ/و, ئ/ي, ة/ه); the default keeps them because they change words.
    """
    text = _DIACRITICS.sub("", text.replace(TATWEEL, ""))
    text = text.translate(_PRESENTATION).translate(_ALEF).translate(DIGITS)
    if fold_hamza:
        text = text.translate(_HAMZA)
    if fold_ta_marbuta:
        text = text.translate(_TA_MARBUTA)
    return clean_spaces(text)


_WORD = re.compile(r"[\w\u0600-\u06ff]+", re.UNICODE)


def words(text: str) -> list[str]:
    """Word tokens (letters and digits), punctuation dropped."""
    return _WORD.findall(text)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))
