"""Money as plans write it: ``436,29 млн. теңге``, ``22856,0 мың теңге``, ``16 757 теңге``, ``6970, 23``.

Kazakh and Russian use a decimal comma and a space (or NBSP) between thousands. Units are kept as
written, normalised to a short English form: ``mln KZT``, ``thousand KZT``, ``bn KZT``, ``KZT``. Values
are :class:`~decimal.Decimal` and never negative: a hyphen glued to a number (``-466,30``) is a dash.
A figure that disagrees with the passport totals is kept as written; checking sums is the shapes' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "NUMBER_RE",
    "UNIT_RE",
    "AmountMatch",
    "parse_number",
    "normalize_unit",
    "find_unit",
    "find_amounts",
    "is_no_funding",
    "funding_source_key",
]

# A number: thousands groups separated by one space/NBSP ("16 757", "2 865,7"), or plain digits; then
# an optional decimal part (comma or point). "6970, 23" (a space after the comma) is read only when a
# unit follows, see AMOUNT_RE.
NUMBER_RE = r"(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[,.]\d+)?"
UNIT_RE = (
    r"(?:(?P<scale>млрд|миллиард[а-я]*|млн|миллион[а-я]*|мың|тыс(?:яч[а-я]*)?)\.?\s*)?"
    r"(?P<cur>теңге[а-яәіңғүұқөһ]*|тенге|тг\.?|KZT)"
)
_UNIT = re.compile(UNIT_RE, re.I)
_YEAR = r"(?P<year>(?:19|20)\d{2})\s*(?:ж(?:ыл[а-яәіңғүұқөһ]*|\.)?|год[а-яу]*|г\.)?"
_AMOUNT = re.compile(
    rf"""
    (?:{_YEAR}\s*[-–—:]?\s*)?                          # "2006 жылы -", "2007ж.-", "2008 год –"
    (?P<num>(?:\d{{1,3}}(?:[ \u00a0]\d{{3}})+|\d+)(?:[,.]\s?\d+)?)  # 436,29 / 6970, 23 / 16 757
    (?:\s*(?P<unit>{UNIT_RE}))?
    """,
    re.VERBOSE | re.I,
)
_NO_FUNDING = re.compile(
    r"талап\s*ет(?:ілмейді|пей-?\s*ді)|қажет\s*ет(?:пейді|ілмейді)|не\s*требу[ею]т|"
    r"без\s+финансирования|не\s+предусмотрен|^\s*т\.\s*е\.?\s*$|^\s*т/е\s*$|^\s*н\.\s*т\.?\s*$|"
    r"қаржыландыру\s+талап\s+етілмейді|шығын[а-яәіңғүұқөһ\s-]{0,20}талап",
    re.I,
)


@dataclass(frozen=True)
class AmountMatch:
    """One amount found in a text: value, unit as normalised (None when the text gives none), year."""

    value: Decimal
    unit: str | None
    year: int | None
    start: int
    end: int
    raw: str


def parse_number(text: str) -> Decimal | None:
    """``"3 258,96"`` → ``Decimal("3258.96")``; ``"6970, 23"`` → ``6970.23``; not a number → None.

    >>> parse_number("22856,0"), parse_number("16 757"), parse_number("-466,30")
    (Decimal('22856.0'), Decimal('16757'), Decimal('466.30'))
    """
    t = text.strip().lstrip("-–—").replace("\u00a0", " ").strip()
    t = re.sub(r"(?<=\d),\s+(?=\d)", ",", t)
    if not re.fullmatch(NUMBER_RE, t):
        return None
    t = t.replace(" ", "").replace(",", ".")
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def normalize_unit(text: str) -> str | None:
    """``млн. теңге`` → ``mln KZT``; ``мың теңгені`` → ``thousand KZT``; ``тыс. тенге`` → ``thousand KZT``."""
    m = _UNIT.search(text)
    if not m:
        return None
    scale = (m.group("scale") or "").lower()
    if scale.startswith(("млрд", "миллиард")):
        return "bn KZT"
    if scale.startswith(("млн", "миллион")):
        return "mln KZT"
    if scale.startswith(("мың", "тыс")):
        return "thousand KZT"
    return "KZT"


def find_unit(text: str) -> str | None:
    """The unit a column header or caption states (``Болжамдалған шығындар млн. теңге`` → ``mln KZT``)."""
    return normalize_unit(text)


def find_amounts(text: str, default_unit: str | None = None, require_unit: bool = False) -> list[AmountMatch]:
    """Every amount in ``text``, with the year written before it (``2006ж - 70,5``) when there is one.

    Bare years are not amounts. A number whose decimal comma is followed by a space (``6970, 23``) is
    only read as one number when a unit follows. With ``require_unit`` only numbers with a unit count.
    """
    out: list[AmountMatch] = []
    for m in _AMOUNT.finditer(text):
        num, unit_raw, year = m.group("num"), m.group("unit"), m.group("year")
        if re.search(r",\s+\d", num) and not unit_raw:
            num = num.split(",")[0]
        if year is None and re.fullmatch(r"(?:19|20)\d{2}", num) and not unit_raw:
            continue  # a year on its own
        if (
            year is not None
            and not re.search(r"[,.]", num)
            and not unit_raw
            and len(num) == 4
            and re.fullmatch(r"(?:19|20)\d{2}", num)
        ):
            continue  # "2006-2008": a span of years
        unit = normalize_unit(unit_raw) if unit_raw else default_unit
        if require_unit and not unit_raw:
            continue
        value = parse_number(num)
        if value is None:
            continue
        out.append(
            AmountMatch(value, unit, int(year) if year else None, m.start(), m.end(), m.group(0).strip())
        )
    return out


_SPACE_RUN = re.compile(r"\s+")


def is_no_funding(text: str) -> bool:
    """True when a cell says no money is needed (``Шығындарды талап етпейді``, ``талап етілмейді``,
    ``не требуется``, ``т.е.``)."""
    return bool(_NO_FUNDING.search(_SPACE_RUN.sub(" ", text)))


_SOURCES = [
    (re.compile(r"республика(?:лық|нск)[а-яәіңғүұқөһ]*\s+бюджет", re.I), "republican budget"),
    (re.compile(r"облыс(?:тық)?\s+бюджет|областн[а-я]*\s+бюджет", re.I), "oblast budget"),
    (
        re.compile(
            r"аудан(?:дық)?[а-яәіңғүұқөһ]*,?\s*(?:және\s+)?қала(?:лық)?[а-яәіңғүұқөһ]*\s+бюджет|"
            r"районн[а-я]*[,\s]+(?:и\s+)?городск[а-я]*\s+бюджет",
            re.I,
        ),
        "district and city budgets",
    ),
    (re.compile(r"жергілікті\s+бюджет|местн[а-я]*\s+бюджет", re.I), "local budget"),
    (re.compile(r"мемлекеттік\s+бюджет|государственн[а-я]*\s+бюджет", re.I), "state budget"),
    (re.compile(r"бюджеттен\s+тыс|внебюджетн", re.I), "extra-budgetary"),
]


def funding_source_key(text: str) -> str | None:
    """The one funding source a phrase names, as a short English key; None when it names none or
    several (``Республикалық және жергілікті бюджет`` is a list, not a source)."""
    hits = [key for rx, key in _SOURCES if rx.search(text)]
    if re.search(r"республика(?:лық|нск)[а-яәіңғүұқөһ]*\s+(?:және|и)\s+(?:жергілікті|местн)", text, re.I):
        return None
    return hits[0] if len(hits) == 1 else None
