"""Bytes to text for pages whose encoding nobody declared.

Aggregator dumps arrive as UTF-8 (with or without BOM), UTF-16 (from Windows tools) and
windows-1256 (older Arabic sites). Guessing wrong silently garbles every word, so each
decision is checked: the result must read as Arabic or plain text, or the page is quarantined.
"""

from __future__ import annotations

import codecs
import re

from transforms.page import PageError

_ARABIC = re.compile("[\u0600-\u06ff]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return True
    return len(_CONTROL.findall(text[:20000])) <= max(2, len(text[:20000]) // 1000)


def decode(raw: bytes) -> str:
    """Decode raw page bytes, raising PageError('empty'|'binary'|'undecodable')."""
    if not raw.strip():
        raise PageError("empty", "the file has no content")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            try:
                return _checked(raw[len(bom) :].decode(codec))
            except UnicodeDecodeError as exc:
                raise PageError("undecodable", f"{codec} BOM but invalid {codec}: {exc.reason} at byte {exc.start}") from exc
    utf16 = _sniff_utf16(raw)
    if utf16:
        return _checked(raw.decode(utf16, errors="strict"))
    if b"\x00" in raw[:4096]:
        raise PageError("binary", "NUL bytes in the first 4 KiB: not a text page")
    try:
        return _checked(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(raw) and exc.start >= len(raw) - 3:
            # a download cut inside the last letter: the text before it is whole UTF-8, so keep it (the parser
            # still decides whether a title and a body are there) instead of guessing another code page
            return _checked(raw[: exc.start].decode("utf-8"))
        text = raw.decode("utf-8", errors="replace")
        if text.count("\ufffd") <= max(3, len(text) // 2000):
            # a few stray bytes in a UTF-8 page (a scraper's cut, a bad copy): windows-1256 would read every
            # Arabic letter of it as two wrong ones, so the page stays UTF-8 and the bad bytes show as U+FFFD
            return _checked(text)
    # Not UTF-8: windows-1256 is the usual legacy Arabic code page; accept it only when the
    # decoded text is mostly Arabic letters, otherwise ask a detector.
    text = raw.decode("cp1256", errors="replace")
    letters = [c for c in text[:5000] if c.isalpha()]
    if letters and sum(1 for c in letters if _ARABIC.match(c)) / len(letters) > 0.6 and "\ufffd" not in text:
        return _checked(text)
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200000]).best()
    if best is None:
        raise PageError("undecodable", "not UTF-8, UTF-16 or windows-1256, and no encoding fits")
    return _checked(str(raw.decode(best.encoding, errors="strict")))


def _sniff_utf16(raw: bytes) -> str | None:
    """UTF-16 without BOM: every other byte NUL in the first bytes."""
    head = raw[:400]
    if len(head) < 4:
        return None
    even_nul = head[0::2].count(0) / len(head[0::2])
    odd_nul = head[1::2].count(0) / len(head[1::2])
    # Arabic in UTF-16 has 0x06 high bytes, Latin has 0x00: count both as "text-shaped".
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    hi_le = sum(1 for b in head[1::2] if b in (0, 6)) / len(head[1::2])
    hi_be = sum(1 for b in head[0::2] if b in (0, 6)) / len(head[0::2])
    if hi_le > 0.9 and hi_be < 0.5:
        return "utf-16-le"
    if hi_be > 0.9 and hi_le < 0.5:
        return "utf-16-be"
    return None


def _checked(text: str) -> str:
    if not _looks_like_text(text):
        raise PageError("binary", "decoded text is mostly control characters")
    return text.replace("\r\n", "\n").replace("\r", "\n")
