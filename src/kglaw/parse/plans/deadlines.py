"""Deadlines of plan measures, normalised to an interval (Kazakh and Russian).

Forms read (after letter-spacing is collapsed and cell lines are joined):

- a year: ``2023 жыл``, ``2023 жылы``, ``2023 год``, ``2023 г.``;
- a span: ``2023–2025 жылдар``, ``2006-2008``, ``2019 – 2021 жылдар``;
- a quarter: ``2023 жылғы IV тоқсан``, ``2006 жылдың 1 тоқсаны``, ``IV квартал 2023 года``, ``4-тоқсан``;
- a half-year: ``2023 жылғы 1-жартыжылдық``, ``I полугодие 2024 года``;
- a month: ``2023 жылғы желтоқсан``, ``2003 жылдың қаңтар айы``, ``декабрь 2023 года``;
- a date: ``2023 жылғы 1 желтоқсан``, ``01.12.2023`` (via :mod:`kglaw.parse.dates`);
- "by" a year: ``2025 жылға дейін``, ``до 2025 года`` (from the plan start);
- periodic: ``жыл сайын`` / ``ежегодно`` (annual), ``жарты жылдықтар бойынша`` / ``жылына екі рет`` /
  ``два раза в год`` (semiannual), ``тұрақты`` / ``постоянно`` (permanent) — these cover the plan period.

A cell holding several deadlines (one per sub-item: ``2003 жылдың қаңтар айы 2004 жыл 2005 жыл``) becomes
one interval from the earliest start to the latest end, kind ``span``. The raw text is always kept.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date

from kglaw.model import Deadline
from kglaw.parse.dates import MONTH_RE, find_dates, month_number

__all__ = ["parse_deadline", "roman_to_int"]

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ROMAN_FIX = str.maketrans({"І": "I", "Х": "X", "Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV"})
_Y = r"(?:19|20)\d{2}"
_ROM = r"(?:IV|III|II|I|[1-4])"
_KK_YEAR_SUFFIX = r"(?:\s*ж(?:ыл[а-яәіңғүұқөһ]*|\.)?)?"
_RU_YEAR_SUFFIX = r"(?:\s*(?:год[а-я]*|гг?\.?))?"
_YEAR_SUFFIX = rf"(?:{_KK_YEAR_SUFFIX}|{_RU_YEAR_SUFFIX})"

_SPAN = re.compile(rf"\b(?P<a>{_Y})\s*(?:[-–—]|\s-\s|\sпо\s|\sдейін\s)\s*(?P<b>{_Y})\b")
_QUARTER_KK = re.compile(
    rf"\b(?P<y>{_Y}){_KK_YEAR_SUFFIX}\s*(?P<q>{_ROM})\s*-?\s*(?:ші|шы|інші|нші)?\s*тоқсан", re.I
)
_QUARTER_PRE = re.compile(
    rf"(?<![\w-])(?P<q>{_ROM})\s*-?\s*(?:ші|шы|інші|нші|й|го)?\s*(?:тоқсан|квартал)[а-яәіңғүұқөһ]*"
    rf"(?:\s*(?P<y>{_Y}))?",
    re.I,
)
_HALF_KK = re.compile(
    rf"\b(?:(?P<y>{_Y}){_KK_YEAR_SUFFIX}\s*)?(?P<h>I{{1,2}}|[12])\s*-?\s*(?:ші|шы|інші)?\s*жарты\s*жыл(?:дық|ында)?",
    re.I,
)
_HALF_RU = re.compile(
    rf"(?<![\w-])(?P<h>I{{1,2}}|[12])\s*-?\s*(?:е|го|м)?\s*полугоди[а-я]*(?:\s*(?P<y>{_Y}))?", re.I
)
_MONTH_KK = re.compile(rf"\b(?P<y>{_Y}){_KK_YEAR_SUFFIX}\s+(?P<m>{MONTH_RE})", re.I)
_MONTH_RU = re.compile(rf"(?P<m>{MONTH_RE})\s+(?P<y>{_Y})", re.I)
_MONTH_BEFORE = re.compile(rf"(?<![\w-])(?P<m>{MONTH_RE})\s*(?:,|\bи)\s*$", re.I)
_MONTH_AFTER = re.compile(rf"\s*(?:,|\bжәне|\bмен)\s*(?P<m>{MONTH_RE})(?![\w-])", re.I)
_BY_YEAR = re.compile(rf"(?:\bдо\s+(?P<a>{_Y})|(?P<b>{_Y}){_KK_YEAR_SUFFIX}\s*[а-яәіңғүұқөһ]*\s+дейін)", re.I)
_YEAR = re.compile(rf"(?<![\d.,])(?P<y>{_Y}){_YEAR_SUFFIX}(?![\d.,]\d)")
_ANNUAL = re.compile(r"жыл\s*сайын|ежегодн|каждый\s+год|жыл\s+бойы", re.I)
_SEMIANNUAL = re.compile(
    r"жарты\s*жыл(?:дық)?тар\s*бойынша|жарты\s*жылда\s*бір|жыл(?:ына|да)\s*(?:екі|2)\s*рет|"
    r"(?:два|2)\s*раза\s*в\s*год|раз\s+в\s+полугодие|полугоди[яй]\s*$|по\s+полугодиям|жартыжылдық\s*$",
    re.I,
)
_PERMANENT = re.compile(r"тұрақты|постоянн|үнемі|на\s+постоянной\s+основе|ұдайы", re.I)


def roman_to_int(token: str) -> int | None:
    """``IV`` (Latin or Cyrillic letters) or ``4`` → 4; anything else → None."""
    t = token.strip().upper().translate(_ROMAN_FIX)
    if t.isdigit():
        return int(t)
    return _ROMAN.get(t)


def _year(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _quarter(y: int, q: int) -> tuple[date, date]:
    m = 3 * (q - 1) + 1
    return date(y, m, 1), date(y, m + 2, calendar.monthrange(y, m + 2)[1])


def _half(y: int, h: int) -> tuple[date, date]:
    return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _period(period: tuple[int, int] | None) -> tuple[date | None, date | None]:
    if not period:
        return None, None
    return date(period[0], 1, 1), date(period[1], 12, 31)


def _clean(raw: str) -> str:
    text = re.sub(r"\s+", " ", raw.replace("\u00a0", " ")).strip()
    # Roman numerals typed with Cyrillic look-alikes ("ІV тоқсан").
    text = re.sub(
        r"(?<![\w])[ІIХXV]{1,4}(?=\s*-?\s*(?:ші|шы|інші)?\s*(?:тоқсан|квартал|жарты|полугод))",
        lambda m: m.group(0).translate(_ROMAN_FIX),
        text,
    )
    return text


def _pieces(text: str, period: tuple[int, int] | None) -> list[tuple[str, date | None, date]]:
    """Every dated expression in ``text``, most specific first at each position, non-overlapping."""
    found: list[tuple[int, int, str, date | None, date]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(kind: str, a: int, b: int, iv: tuple[date, date] | None) -> None:
        if iv is not None and free(a, b):
            taken.append((a, b))
            found.append((a, b, kind, iv[0], iv[1]))

    single_year = period[0] if period and period[0] == period[1] else None
    for d, a, b in find_dates(text):
        add("date", a, b, (d, d))
    for m in _QUARTER_KK.finditer(text):
        q = roman_to_int(m.group("q"))
        if q and 1 <= q <= 4:
            add("quarter", m.start(), m.end(), _quarter(int(m.group("y")), q))
    for m in _QUARTER_PRE.finditer(text):
        q = roman_to_int(m.group("q"))
        y = int(m.group("y")) if m.group("y") else single_year
        if q and 1 <= q <= 4 and y:
            add("quarter", m.start(), m.end(), _quarter(y, q))
    for rx in (_HALF_KK, _HALF_RU):
        for m in rx.finditer(text):
            h = roman_to_int(m.group("h"))
            y = int(m.group("y")) if m.group("y") else single_year
            if h in (1, 2) and y:
                add("half-year", m.start(), m.end(), _half(y, h))
    for rx in (_MONTH_KK, _MONTH_RU):
        for m in rx.finditer(text):
            mon = month_number(m.group("m"))
            if mon:
                y = int(m.group("y"))
                add("month", m.start(), m.end(), _month(y, mon))
                # the other months of a list that states its year once: "январь, июль 2024 года",
                # "2024 жылғы қаңтар, шілде"
                pos, end = m.start(), m.end()
                while rx is _MONTH_RU and (lm := _MONTH_BEFORE.search(text, max(0, pos - 40), pos)):
                    if (other := month_number(lm.group("m"))) is None:
                        break
                    add("month", lm.start(), lm.end(), _month(y, other))
                    pos = lm.start()
                while rx is _MONTH_KK and (lm := _MONTH_AFTER.match(text, end)):
                    if (other := month_number(lm.group("m"))) is None:
                        break
                    add("month", lm.start(), lm.end(), _month(y, other))
                    end = lm.end()
    for m in _SPAN.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if a <= b:
            add("span", m.start(), m.end(), (date(a, 1, 1), date(b, 12, 31)))
    for m in _BY_YEAR.finditer(text):
        y = int(m.group("a") or m.group("b"))
        start = date(period[0], 1, 1) if period and period[0] <= y else None
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), "by", start, date(y, 12, 31)))  # start unknown without a period
    for m in _YEAR.finditer(text):
        add("year", m.start(), m.end(), _year(int(m.group("y"))))
    found.sort()
    return [(k, s, e) for _, _, k, s, e in found]


def _earliest(pieces: list[tuple[str, date | None, date]]) -> date | None:
    starts = [s for _, s, _ in pieces if s is not None]
    return min(starts) if starts else None


def parse_deadline(raw: str, period: tuple[int, int] | None = None) -> Deadline:
    """Read a deadline cell. ``period`` (first and last year of the plan) bounds the periodic forms.

    >>> d = parse_deadline("2006 жылдың IV тоқсаны", (2006, 2008)); (d.kind, str(d.start), str(d.end))
    ('quarter', '2006-10-01', '2006-12-31')
    >>> d = parse_deadline("ежегодно", (2025, 2030)); (d.kind, str(d.start), str(d.end))
    ('annual', '2025-01-01', '2030-12-31')
    """
    # a table repeats its deadline cells ("2024 жыл", "Жыл сайын"): each is read once; every caller
    # gets its own Deadline (the fields are immutable values)
    start, end, kind = _read_deadline(raw, tuple(period) if period is not None else None)
    return Deadline(raw=raw, start=start, end=end, kind=kind)


@functools.lru_cache(maxsize=4096)
def _read_deadline(raw: str, period: tuple[int, int] | None) -> tuple[date | None, date | None, str]:
    d = _parse_deadline(raw, period)
    return d.start, d.end, d.kind


def _parse_deadline(raw: str, period: tuple[int, int] | None) -> Deadline:
    text = _clean(raw or "")
    if not text:
        return Deadline(raw=raw, kind="unknown")
    pieces = _pieces(text, period)
    p_start, p_end = _period(period)
    if _SEMIANNUAL.search(text) and not any(k == "half-year" for k, _, _ in pieces):
        if pieces:
            return Deadline(
                raw=raw, start=_earliest(pieces), end=max(e for _, _, e in pieces), kind="semiannual"
            )
        return Deadline(raw=raw, start=p_start, end=p_end, kind="semiannual")
    if _ANNUAL.search(text):
        if pieces:
            return Deadline(raw=raw, start=_earliest(pieces), end=max(e for _, _, e in pieces), kind="annual")
        return Deadline(raw=raw, start=p_start, end=p_end, kind="annual")
    if not pieces:
        if _PERMANENT.search(text):
            return Deadline(raw=raw, start=p_start, end=p_end, kind="permanent")
        if _QUARTER_PRE.search(text):  # "4-тоқсан" with no year: the kind is known, the interval is not
            return Deadline(raw=raw, kind="quarter")
        if _HALF_KK.search(text) or _HALF_RU.search(text):
            return Deadline(raw=raw, kind="half-year")
        return Deadline(raw=raw, kind="unknown")
    if len(pieces) == 1:
        kind, s, e = pieces[0]
        return Deadline(raw=raw, start=s, end=e, kind="span" if kind == "by" else kind)
    return Deadline(raw=raw, start=_earliest(pieces), end=max(e for _, _, e in pieces), kind="span")
