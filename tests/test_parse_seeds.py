"""The seeds come out right, and the same whatever encoding, font or letter-spacing they arrive in."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from kglaw.parse.document import parse_bytes
from kglaw.parse.jsonout import document_to_json

from .conftest import LEGACY_FONT as LEGACY

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
SEEDS = sorted(RAW.glob("*.txt"))


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@cache
def parsed(name: str):
    p = RAW / name
    return parse_bytes(p.read_bytes(), p.name)


def doc_of(prefix: str):
    return parsed(seed(prefix).name)


def ids(refs):
    return [(r.type, r.issuer.key if r.issuer else None, r.date, r.number) for r in refs]


def test_seed_000_identity():
    d = doc_of("000")
    assert ids([d.act]) == [("decision", "kyzylorda-oblast-maslikhat", date(2005, 12, 20), "245")]
    assert (d.registration.number, d.registration.date, d.registration.body_key) == (
        "4141",
        date(2006, 1, 23),
        "kyzylorda-oblast-justice-department",
    )
    assert (d.status, d.status_raw) == ("repealed", "Күшін жойған")
    assert (
        d.act.title
        == "Қызылорда облысы бойынша мүгедектерді оңалтудың 2006-2008 жылдарға арналған бағдарламасын бекіту туралы"
    )
    assert d.language == "kk"


def test_seed_000_repealed_by_decision_33():
    d = doc_of("000")
    assert ids(d.repealed_by) == [("decision", "kyzylorda-oblast-maslikhat", date(2007, 12, 12), "33")]


def test_seed_000_based_on_the_law_on_social_protection_of_disabled_persons():
    d = doc_of("000")
    titles = [r.title for r in d.based_on if r.type == "law"]
    assert "Қазақстан Республикасында мүгедектерді әлеуметтік қорғау туралы" in titles
    assert "Қазақстан Республикасындағы жергілікті мемлекеттік басқару туралы" in titles


def test_seed_001_identity_and_basis():
    d = doc_of("001")
    assert ids([d.act]) == [("decision", "atyrau-oblast-maslikhat", date(2003, 6, 6), "301-II")]
    assert (d.registration.number, d.registration.date) == ("1557", date(2003, 7, 10))
    assert ids(d.based_on) == [("law", "rk", date(2002, 7, 11), "343-II")]
    assert ("resolution", "atyrau-oblast-akimat", date(2003, 4, 11), "98") in ids(d.cites)
    assert d.status == "unknown"


def test_seed_002_amends_resolution_326():
    d = doc_of("002")
    assert ids([d.act]) == [("resolution", "government", date(2022, 12, 31), "1142")]
    assert ids(d.amends) == [("resolution", "government", date(2019, 5, 28), "326")]
    assert d.registration is None


def test_seed_003_report_of_korgan_m():
    d = doc_of("003")
    assert (d.act.type, d.act.issuer.key, d.act.date, d.act.year) == (
        "report",
        "korgan-m-public-association",
        None,
        2023,
    )
    assert d.repeals == [] and d.based_on == []
    cited_laws = {r.date for r in d.cites if r.type == "law" and r.date}
    # the ten laws the Social Code repealed (narrative list, l.1092-1148) are found as citations
    assert {
        date(1997, 6, 16),
        date(1999, 4, 5),
        date(2001, 7, 17),
        date(2005, 4, 13),
        date(2005, 6, 28),
        date(2008, 12, 29),
        date(2013, 6, 21),
        date(2015, 8, 2),
        date(2016, 4, 6),
        date(2019, 12, 26),
    } <= cited_laws
    assert "Әлеуметтік кодексі" in [r.title for r in d.cites if r.type == "code"]


def test_seed_004_based_on_decree_409_and_resolution_790():
    d = doc_of("004")
    assert ids([d.act]) == [("resolution", "government", date(2024, 12, 30), "1143")]
    assert ids(d.based_on) == [
        ("decree", "president", date(2023, 12, 8), "409"),
        ("resolution", "government", date(2017, 11, 29), "790"),
    ]


def test_seeds_line_count_and_sha256():
    for p in SEEDS:
        d = parsed(p.name)
        assert d.line_count == len(p.read_text(encoding="utf-8").splitlines())
        assert d.sha256 and len(d.sha256) == 64


# ------------------------------------------------------------------ the same JSON, whatever the bytes


def _letter_space(text: str) -> str:
    """Letter-space every plain line of the first 40 (as justified PDFs do): letters by one space,
    words by two. Lines with holes (double spaces, a space before punctuation) are left alone."""
    out = []
    for i, line in enumerate(text.split("\n")):
        body = line.strip()
        if (
            i < 40
            and body
            and "  " not in body
            and "\t" not in line
            and "\u00a0" not in line
            and not re.search(r" [,.;:)]|\( ", body)
            and len(body) < 120
        ):
            lead = line[: len(line) - len(line.lstrip())]
            line = lead + "  ".join(" ".join(w) for w in body.split(" "))
        out.append(line)
    return "\n".join(out)


def _variants(text: str) -> dict[str, bytes]:
    return {
        "mojibake": text.translate(LEGACY).encode("utf-8"),
        "cp1251": text.translate(LEGACY).encode("cp1251"),
        "kz1048": text.encode("kz1048"),
        "utf-16": text.encode("utf-16"),
        "letter-spacing": _letter_space(text).encode("utf-8"),
    }


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_json_is_the_same_for_mojibake_cp1251_and_letter_spacing(path):
    text = path.read_text(encoding="utf-8")
    original = json.dumps(document_to_json(parsed(path.name)), ensure_ascii=False, sort_keys=True)
    for kind, data in _variants(text).items():
        got = json.dumps(document_to_json(parse_bytes(data, path.name)), ensure_ascii=False, sort_keys=True)
        assert got == original, kind
