"""Bytes → text: detect the encoding of a legal text and undo legacy Kazakh-font mojibake.

Texts of Kazakh acts reach kglaw as UTF-8 (with or without BOM), UTF-16 with a BOM, Windows-1251,
KZ-1048 (the Kazakh national code page, Python codec ``kz1048``), or as UTF-8 that carries the letters
of a *legacy Kazakh font*. Before Unicode, Kazakh fonts drew the nine Kazakh letters on the code points
of Serbian and Macedonian letters of cp1251, so a copy taken from such a document reads
``Ќазаќстан Республикасыныњ … жылѓы``. KZ-1048 standardised the same idea on slightly different code
points (ң on cp1251 ``ѕ`` and ғ on ``є`` instead of ``њ``/``ѓ``). :data:`LEGACY_KAZAKH` maps both
families back to the proper letters.

The detector is small and explicit: it scores candidate decodings by how much of the text is made of
letters of the Kazakh and Russian alphabets; charset-normalizer would be a dependency for a problem
with four candidates.
"""

from __future__ import annotations

import codecs
import itertools
import re

from ..errors import ParseError

__all__ = ["LEGACY_KAZAKH", "decode_bytes", "detect_encoding", "fix_mojibake"]

#: Legacy-font (and KZ-1048 read as cp1251) code points → Kazakh letters.
LEGACY_KAZAKH = {
    "Ќ": "Қ",
    "ќ": "қ",  # cp1251 0x8D/0x9D: both families
    "Ћ": "Һ",
    "ћ": "һ",
    "Ў": "Ұ",
    "ў": "ұ",
    "Ј": "Ә",
    "ј": "ә",
    "Ґ": "Ө",
    "ґ": "ө",
    "Ї": "Ү",
    "ї": "ү",
    "Њ": "Ң",
    "њ": "ң",  # legacy fonts
    "Ѓ": "Ғ",
    "ѓ": "ғ",
    "Ѕ": "Ң",
    "ѕ": "ң",  # KZ-1048 bytes read as cp1251
    "Є": "Ғ",
    "є": "ғ",
}
_LEGACY_TABLE = str.maketrans(LEGACY_KAZAKH)
_LEGACY_CHARS = "".join(LEGACY_KAZAKH)
_CYR_LETTER = "а-яА-ЯёЁәіңғүұқөһӘІҢҒҮҰҚӨҺ"
# A word made of Cyrillic letters that contains at least one legacy code point.
_LEGACY_WORD = re.compile(rf"[{_CYR_LETTER}{_LEGACY_CHARS}]*[{_LEGACY_CHARS}][{_CYR_LETTER}{_LEGACY_CHARS}]*")
_GOOD = re.compile(rf"[{_CYR_LETTER}]")
_LEGACY_ANY = re.compile(f"[{_LEGACY_CHARS}]")
# UTF-8 Cyrillic read as cp1251 and saved again as UTF-8: "Р" or "С" or "Т" or "У" followed by a
# character from the cp1251 upper half (РљР°Р·Р°Т›СЃС‚Р°РЅ).
_DOUBLE_UTF8 = re.compile(r"[РСТУ][\u0400-\u045f\u2018-\u203a\u00a0-\u00bf]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")


def fix_mojibake(text: str) -> str:
    """Repair legacy Kazakh-font letters inside Cyrillic words; other text is left alone.

    >>> fix_mojibake("Ќазаќстан Республикасы Президентініњ 2005 жылѓы Жарлыѓы")
    'Қазақстан Республикасы Президентінің 2005 жылғы Жарлығы'
    >>> fix_mojibake("Јлеуметтік кодекс, ґзгерістер, їшін, ўйым")
    'Әлеуметтік кодекс, өзгерістер, үшін, ұйым'
    """
    if not _LEGACY_ANY.search(text):
        return text
    words = 0
    for m in _LEGACY_WORD.finditer(text):
        words += len(m.group(0)) > 1
        if words >= 3:
            break
    # A lone legacy letter (a list marker "ј)", a Macedonian "Ѓ") is repaired only in a text that is
    # in the legacy encoding as a whole.
    lone = words >= 3

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if len(word) == 1 and not lone:
            return word
        return word.translate(_LEGACY_TABLE)

    return _LEGACY_WORD.sub(fix, text)


def _undo_double_utf8(text: str) -> str:
    """``РљР°Р·Р°Т›СЃС‚Р°РЅ`` → ``Қазақстан`` when the whole text survives the round trip."""
    if sum(1 for _ in itertools.islice(_DOUBLE_UTF8.finditer(text), 10)) < 10:  # (stops at the 10th)
        return text
    try:
        return text.encode("cp1251").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def _score(text: str) -> float:
    """Share of letters that belong to the Kazakh/Russian alphabets, among all non-ASCII characters."""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if not non_ascii:
        return 1.0
    good = len(_GOOD.findall(text))
    legacy = sum(1 for ch in text if ch in LEGACY_KAZAKH)
    return (good - 0.5 * legacy) / non_ascii


def detect_encoding(data: bytes) -> str:
    """The codec name kglaw reads ``data`` with: utf-8-sig, utf-16, utf-8, kz1048 or cp1251.

    >>> detect_encoding("Қазақстан".encode("kz1048"))
    'kz1048'
    >>> detect_encoding("Казахстан".encode("cp1251"))
    'cp1251'
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    head = data[:4096]
    if len(head) >= 8:
        # UTF-16 without a BOM: the high byte of every Cyrillic or ASCII character is 0x04 or 0x00.
        even, odd = head[0::2], head[1::2]
        hi_odd = odd.count(0) + odd.count(4)
        hi_even = even.count(0) + even.count(4)
        if hi_odd > 0.9 * len(odd) and hi_even < 0.5 * len(even):
            return "utf-16-le"
        if hi_even > 0.9 * len(even) and hi_odd < 0.5 * len(odd):
            return "utf-16-be"
    if head and head.count(0) > len(head) // 8:
        return "binary"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # Single-byte: Russian reads the same in both; KZ-1048 wins when its Kazakh letters are used.
    kz = data.decode("kz1048", errors="replace")
    ru = data.decode("cp1251", errors="replace")
    return "kz1048" if _score(kz) > _score(ru) else "cp1251"


def _refuse_mixed(data: bytes, source: str) -> None:
    """A file that is not UTF-8 as a whole, but whose first lines are UTF-8 with Cyrillic in them, holds
    two encodings: read with one single-byte codec, its UTF-8 part would become ``РљР°Р·…`` silently."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        cut = data.rfind(b"\n", 0, err.start) + 1
        head = data[:cut].decode("utf-8", errors="replace")
        if len(_GOOD.findall(head)) >= 3 and "\ufffd" not in head and not _CONTROL.search(head):
            line = head.count("\n") + 1
            raise ParseError(
                "mixed encodings: UTF-8 before this line, another encoding from it", source, line
            ) from None


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the raw bytes of a text file; raise :class:`ParseError` on binary or undecodable input.

    The result has ``\\n`` line ends (``\\r\\n`` and lone ``\\r`` are converted one for one, so line
    numbers are those an editor shows) and repaired Kazakh letters.
    """
    enc = detect_encoding(data)
    if enc == "binary":  # the error names the line of the first NUL byte
        raise ParseError("binary data, not a text", source, data.count(b"\n", 0, max(0, data.find(0))) + 1)
    if enc in ("kz1048", "cp1251"):
        _refuse_mixed(data, source)
    try:
        text = data.decode(enc)
    except UnicodeDecodeError as err:
        line = data[: err.start].decode(enc, errors="replace").count("\n") + 1
        raise ParseError(f"cannot decode as {enc}: {err.reason}", source, line) from None
    if enc.startswith("utf-16"):
        text = text.lstrip("\ufeff")
    bad = _CONTROL.findall(text[:20000])
    if len(bad) > max(8, len(text[:20000]) // 50):
        line = text.count("\n", 0, text.find(bad[0])) + 1
        raise ParseError("binary data, not a text", source, line)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _undo_double_utf8(text)
    return fix_mojibake(text)
