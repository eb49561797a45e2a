"""parse_text / parse_bytes / parse_file: the pipeline, its hooks and its error contract."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kglaw.errors import KglawError, ParseError
from kglaw.parse import document
from kglaw.parse.document import parse_bytes, parse_file, parse_text

TEXTS = Path(__file__).parent / "texts"


def test_parse_bytes_records_sha256_of_the_raw_bytes_and_line_count():
    data = (TEXTS / "kk_law.txt").read_bytes()
    doc = parse_bytes(data, "kk_law.txt")
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.line_count == len(data.decode("utf-8").splitlines())
    assert doc.source == "kk_law.txt"


def test_parse_file_of_a_missing_file_is_a_parse_error():
    with pytest.raises(ParseError) as err:
        parse_file(TEXTS / "no-such-file.txt")
    assert err.value.file.endswith("no-such-file.txt")


def test_failing_hook_becomes_a_warning(monkeypatch):
    def broken(lines, doc):
        raise RuntimeError("boom")

    hooks: list[str] = []

    def lookup(module, name):
        hooks.append(name)
        return broken

    monkeypatch.setattr(document, "_hook", lookup)
    doc = parse_text((TEXTS / "kk_government_resolution.txt").read_text(encoding="utf-8"), "x.txt")
    assert doc.act.number == "1143"
    assert len(hooks) >= 2  # every hook failed, and each failure is one warning
    assert [w.code for w in doc.warnings].count("hook") == len(hooks)
    assert "boom" in doc.warnings[-1].message


def test_hooks_get_normalised_lines_and_the_document(monkeypatch):
    seen = {}

    def plans(lines, doc):
        seen["lines"], seen["number"] = lines, doc.act.number
        return ["programme"]

    monkeypatch.setattr(document, "_hook", lambda module, name: plans if name == "parse_plans" else None)
    doc = parse_text(
        "Бюджет туралы\nАтырау облыстық мәслихатының 2003 жылғы 6 маусымдағы N№301-ІІ шешімі.\n", "x.txt"
    )
    assert seen["number"] == "301-II" and seen["lines"][1].endswith("№301-II шешімі.")
    assert doc.programmes == ["programme"]


def test_empty_text_gives_an_empty_document_with_a_warning():
    doc = parse_text("", "empty.txt")
    assert doc.act.type is None and doc.cites == [] and doc.warnings


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            list(
                "Қазақстан Республикасының 2005 жылғы 13 сәуірдегі № 39 Заңы шешімі"
                '«»"().,;:-–\n N№IVXІХ Решение от года Сноска Ескерту Күші жойылды'
            )
        )
    )
)
def test_parser_never_raises_anything_but_kglaw_errors(text):
    try:
        parse_text(text, "fuzz.txt")
    except KglawError:
        pass
