"""Dates as Kazakh and Russian legal texts write them.

Forms read (each may be letter-spaced before normalisation removes the spaces):

- ``2005 жылғы 20 желтоқсандағы`` / ``2005 жылғы 20 желтоқсанда`` (kk: year, day, month in the locative);
- ``20 декабря 2005 года`` / ``от 20.12.2005 г.`` (ru);
- ``20.12.2005``, ``2005.12.12``, and ``2005-12-20``;
- ``YYYY.DD.MM`` as some mirror sites write it, read only when ``YYYY.MM.DD`` is impossible;
- a stray quote between day and month (``11»сәуірдегі``, a «» pair that lost its opening half), and the
  day in quotes of older texts (``от «20» декабря 2005 года``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import date

from .prefilter import finditer_from

__all__ = [
    "DATE_RE",
    "KK_MONTHS",
    "MONTH_RE",
    "RU_MONTHS",
    "date_matches",
    "find_dates",
    "month_number",
    "parse_date",
]

#: Kazakh month stems; any case ending may follow (қаңтарда, қаңтардағы, қаңтарынан …).
KK_MONTHS = {
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}
#: Russian month stems (января, январе, январь …).
RU_MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
}

_KK_MONTH_ALT = "|".join(sorted(KK_MONTHS, key=len, reverse=True))
_RU_MONTH_ALT = "январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр"
MONTH_RE = rf"(?:{_KK_MONTH_ALT})[а-яәіңғүұқөһ]*|(?:{_RU_MONTH_ALT})[а-я]*"

DATE_RE = re.compile(
    rf"""
    (?P<kk>(?P<kk_y>\d{{4}})\s*ж(?:ылғы|ылы|\.)?\s+[«"]?(?P<kk_d>\d{{1,2}})\s*-?\s*[»«"]?\s*(?P<kk_m>{_KK_MONTH_ALT})[а-яәіңғүұқөһ]*)
    | (?P<ru>[«"]?(?P<ru_d>\d{{1,2}})[»"]?\s+(?P<ru_m>{_RU_MONTH_ALT})[а-я]*\s+(?P<ru_y>\d{{4}})(?:\s*(?:года|г\.|г\b))?)
    | (?P<dmy>\b(?P<dmy_d>\d{{1,2}})\.(?P<dmy_m>\d{{1,2}})\.(?P<dmy_y>\d{{4}})\b)
    | (?P<ymd>\b(?P<ymd_y>\d{{4}})[.-](?P<ymd_a>\d{{1,2}})[.-](?P<ymd_b>\d{{1,2}})\b)
    """,
    re.VERBOSE | re.IGNORECASE,
)


# Every match of DATE_RE begins with a digit or with the quote before a day ([«"]).
_DATE_FIRST = re.compile(r'[\d«"]')


def date_matches(text: str) -> Iterator[re.Match[str]]:
    """``DATE_RE.finditer(text)``, trying the pattern only where a date can begin (see
    :func:`kglaw.parse.prefilter.finditer_from`)."""
    return finditer_from(DATE_RE, _DATE_FIRST, text)


_MAY = re.compile(r"ма[йяе]")


def month_number(word: str) -> int | None:
    """The month a Kazakh or Russian month word names, in any case form, or None."""
    w = word.lower()
    for stem, n in KK_MONTHS.items():
        if w.startswith(stem):
            return n
    if _MAY.match(w):
        return 5
    for stem, n in RU_MONTHS.items():
        if stem != "ма" and w.startswith(stem):
            return n
    return None


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> date | None:
    if m.group("kk"):
        mon = month_number(m.group("kk_m"))
        return _safe(int(m.group("kk_y")), mon or 0, int(m.group("kk_d")))
    if m.group("ru"):
        mon = month_number(m.group("ru_m"))
        return _safe(int(m.group("ru_y")), mon or 0, int(m.group("ru_d")))
    if m.group("dmy"):
        return _safe(int(m.group("dmy_y")), int(m.group("dmy_m")), int(m.group("dmy_d")))
    y, a, b = int(m.group("ymd_y")), int(m.group("ymd_a")), int(m.group("ymd_b"))
    # YYYY.MM.DD is the norm; some mirrors write YYYY.DD.MM, read only when the first is impossible.
    return _safe(y, a, b) or _safe(y, b, a)


def find_dates(text: str) -> list[tuple[date, int, int]]:
    """Every valid date in ``text`` with its character offsets ``(date, start, end)``.

    >>> [d.isoformat() for d, _, _ in find_dates("2005 жылғы 20 желтоқсандағы N 245; от 13 апреля 2005 года")]
    ['2005-12-20', '2005-04-13']
    """
    found = []
    for m in date_matches(text):
        d = _from_match(m)
        if d is not None:
            found.append((d, m.start(), m.end()))
    return found


@functools.lru_cache(maxsize=8192)  # pure; the same dates are read again and again
def parse_date(text: str) -> date | None:
    """The first valid date in ``text``, or None. Impossible dates (31 February) are not dates."""
    found = find_dates(text)
    return found[0][0] if found else None
