"""Decoding: every encoding a Kazakh legal text arrives in gives the same text."""

from __future__ import annotations

import codecs

import pytest

from kglaw.errors import ParseError
from kglaw.parse.decode import decode_bytes, detect_encoding, fix_mojibake

from .conftest import LEGACY_FONT as LEGACY

KK = "Қызылорда облыстық мәслихатының 2005 жылғы 20 желтоқсандағы № 245 шешімі. Өзгерістер: ұйым, үшін, шаһар, Һ-тармақ"
RU = "Решение Кызылординского областного маслихата от 20 декабря 2005 года № 245"


def test_utf8_without_bom():
    assert decode_bytes(KK.encode("utf-8"), "a.txt") == KK


def test_utf8_with_bom():
    assert decode_bytes(codecs.BOM_UTF8 + KK.encode("utf-8"), "a.txt") == KK


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    data = KK.encode(codec)
    if codec != "utf-16":
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    assert decode_bytes(data, "a.txt") == KK


def test_utf16_without_bom_is_detected():
    assert decode_bytes(RU.encode("utf-16-le"), "a.txt") == RU


def test_cp1251_russian():
    assert detect_encoding(RU.encode("cp1251")) == "cp1251"
    assert decode_bytes(RU.encode("cp1251"), "a.txt") == RU


def test_kz1048_kazakh():
    assert detect_encoding(KK.encode("kz1048")) == "kz1048"
    assert decode_bytes(KK.encode("kz1048"), "a.txt") == KK


def test_legacy_font_mojibake_in_utf8():
    broken = KK.translate(LEGACY)
    assert "Ќызылорда" in broken and "мјслихатыныњ" in broken
    assert decode_bytes(broken.encode("utf-8"), "a.txt") == KK


def test_legacy_font_mojibake_in_cp1251():
    assert decode_bytes(KK.translate(LEGACY).encode("cp1251"), "a.txt") == KK


def test_kz1048_bytes_read_as_cp1251_are_repaired():
    misread = KK.encode("kz1048").decode("cp1251")
    assert fix_mojibake(misread) == KK


def test_double_encoded_utf8_is_undone():
    double = (RU + "\n") * 3
    assert decode_bytes(double.encode("utf-8").decode("cp1251").encode("utf-8"), "a.txt") == double


def test_crlf_line_ends_become_lf_one_for_one():
    assert decode_bytes(b"a\r\nb\rc\n", "a.txt") == "a\nb\nc\n"


def test_mojibake_repair_leaves_latin_and_lone_letters_alone():
    assert fix_mojibake("ISO 9001; Ѓ; http://x") == "ISO 9001; Ѓ; http://x"


def test_binary_input_is_a_parse_error_naming_the_file():
    with pytest.raises(ParseError) as err:
        decode_bytes(bytes(range(256)) * 20, "scan.pdf")
    assert err.value.file == "scan.pdf"  # and the line of the first unreadable byte, where known


def test_nul_bytes_are_binary():
    with pytest.raises(ParseError):
        decode_bytes(b"\x00\x01\x02\x03" * 100 + b"PK", "x.docx")
