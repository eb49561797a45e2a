"""ELI-style identifiers for Kazakh acts: one value object, ``parse`` and ``format`` round-trip.

An act IRI has the shape (cobalt's ``FrbrUri`` is the model)::

    https://w3id.org/kglaw/eli/kz/{type}/{issuer}/{date}/{number}

>>> a = ActId.parse("https://w3id.org/kglaw/eli/kz/decision/kyzylorda-oblast-maslikhat/2005-12-20/245")
>>> (a.type, a.issuer, a.date.isoformat(), a.number)
('decision', 'kyzylorda-oblast-maslikhat', '2005-12-20', '245')
>>> a.format() == "https://w3id.org/kglaw/eli/kz/decision/kyzylorda-oblast-maslikhat/2005-12-20/245"
True
>>> ActId.parse("resolution/2019-05-28/326").issuer
'government'

Unknown parts are written ``_`` (an act cited by title only has no date or number); such acts carry a
short key made from their title, so that two different title-only citations do not collapse into one.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import quote, unquote

from .errors import IdentifierError
from .namespaces import BASE

__all__ = [
    "ActId",
    "ELI_ROOT",
    "DOCUMENT_TYPES",
    "DEFAULT_ISSUER",
    "normalize_number",
    "slugify",
    "title_key",
    "parse_adilet_code",
]

ELI_ROOT = BASE + "eli/kz/"

#: Document types (the ``skos:notation`` of the doctype scheme).
DOCUMENT_TYPES = (
    "constitution",
    "code",
    "law",
    "decree",
    "resolution",
    "decision",
    "order",
    "joint-act",
    "address",
    "programme",
    "plan",
    "concept",
    "strategy",
    "report",
    "rules",
    "act",
    "convention",  # an international convention ("… туралы конвенция", "Конвенция о …")
    "treaty",  # an international treaty ("Марракеш шарты", "Марракешский договор")
)

#: When the type alone fixes the issuer (constitutional bodies), a short form omits it.
DEFAULT_ISSUER = {
    "constitution": "rk",
    "code": "rk",
    "law": "rk",
    "decree": "president",
    "address": "president",
}

_IRI_RE = re.compile(
    r"""^(?:https?://[^/]+/kglaw/eli/kz/)?    # optional base; the short form starts at the type
    (?P<type>[a-z-]+)/                        # document type notation, e.g. 'decision'
    (?:(?P<issuer>[a-z0-9][a-z0-9-]*|_)/)?    # issuer slug ('_' when unknown); omitted when the type fixes it
    (?P<date>\d{4}-\d{2}-\d{2}|\d{4}|_)/      # adoption date (ISO), a year, or '_' when unknown
    (?P<number>[^/]+)                         # act number as printed, percent-encoded; '_' when unknown
    (?:/(?P<key>t-[0-9a-f]{10}))?$            # title key, only for acts cited without date and number
    """,
    re.VERBOSE,
)

_LOOKALIKE_TO_LATIN = str.maketrans({"І": "I", "Х": "X", "В": "B", "М": "M", "С": "C", "Ү": "Y"})
_ROMAN_RE = re.compile(r"^(?P<arabic>\d+(?:[/-]\d+)*)(?P<sep>[-\s]*)(?P<roman>[IVXLCІХУ]+)$")
_ROMAN_ONLY = re.compile(r"^[IVXLC]+$")


@functools.lru_cache(maxsize=4096)  # pure, and asked for the same numbers again and again
def normalize_number(raw: str) -> str:
    """The number of an act, as printed but with noise removed.

    ``N 245`` → ``245``; ``№ 301-ІІ`` (Cyrillic І) → ``301-II``; ``224-VII`` stays; ``389-НҚ`` stays;
    ``18/145`` stays; ``55-р`` stays.

    >>> normalize_number("N№301-ІІ")
    '301-II'
    >>> normalize_number("№ 18/145")
    '18/145'
    """
    s = raw.strip().strip(".,;:")
    s = re.sub(r"^(?:N\s*№|№\s*N|№|N|No\.?)\s*", "", s)
    s = re.sub(r"\s*-\s*", "-", s)
    s = re.sub(r"\s+", "", s)
    m = re.match(r"^(?P<head>\d+(?:[/-]\d+)*)-(?P<tail>[^\d].*)$", s)
    if m:
        tail = m.group("tail")
        latin = tail.translate(_LOOKALIKE_TO_LATIN)
        if _ROMAN_ONLY.match(latin):
            tail = latin
        s = f"{m.group('head')}-{tail}"
    return s


_TRANSLIT = {
    "а": "a",
    "ә": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "ғ": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "i",
    "к": "k",
    "қ": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "ң": "n",
    "о": "o",
    "ө": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ұ": "u",
    "ү": "u",
    "ф": "f",
    "х": "kh",
    "һ": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "і": "i",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
}


def slugify(text: str) -> str:
    """Lower-case ASCII slug, transliterating Kazakh and Russian Cyrillic.

    >>> slugify("Қызылорда облыстық мәслихаты")
    'kyzylorda-oblystyk-maslikhaty'
    """
    out = []
    for ch in unicodedata.normalize("NFC", text.lower()):
        if ch in _TRANSLIT:
            out.append(_TRANSLIT[ch])
        elif ch.isascii() and ch.isalnum():
            out.append(ch)
        else:
            out.append("-")
    return re.sub(r"-+", "-", "".join(out)).strip("-")


def title_key(title: str) -> str:
    """A short stable key for a title, insensitive to case, quotes and spacing."""
    norm = re.sub(r"[\W_]+", " ", unicodedata.normalize("NFC", title).lower()).strip()
    return "t-" + hashlib.sha1(norm.encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True, order=True)
class ActId:
    """The identity of an act: type, issuer, adoption date and number (plus a title key if nothing else)."""

    type: str
    issuer: str | None = None
    date: date | str | None = None  # a date, or a bare year 'YYYY' when only the year is known
    number: str | None = None
    key: str | None = None

    def __post_init__(self) -> None:
        if self.type not in DOCUMENT_TYPES:
            raise IdentifierError(f"unknown document type {self.type!r}")
        if self.issuer is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", self.issuer):
            raise IdentifierError(f"issuer slug must be lower-case ASCII: {self.issuer!r}")
        if isinstance(self.date, str) and not re.fullmatch(r"\d{4}", self.date):
            raise IdentifierError(f"a date given as text must be a year: {self.date!r}")
        if self.number is not None and not self.number.strip():
            raise IdentifierError("empty act number")
        if self.date is None and self.number is None and self.key is None:
            raise IdentifierError("an act needs a date, a number or a title key")

    @property
    def issuer_or_default(self) -> str | None:
        return self.issuer or DEFAULT_ISSUER.get(self.type)

    def format(self) -> str:
        """The full IRI."""
        return ELI_ROOT + self.path()

    def path(self) -> str:
        """The IRI path after ``…/eli/kz/``."""
        parts = [self.type]
        issuer = self.issuer_or_default
        parts.append(issuer or "_")
        if isinstance(self.date, date):
            parts.append(self.date.isoformat())
        else:
            parts.append(self.date or "_")
        parts.append(quote(self.number, safe="-.()") if self.number else "_")
        if self.key:
            parts.append(self.key)
        return "/".join(parts)

    def __str__(self) -> str:
        return self.format()

    @classmethod
    def parse(cls, text: str) -> ActId:
        """Read a full IRI or its short form ``type/[issuer/]date/number``."""
        m = _IRI_RE.match(text.strip())
        if not m:
            raise IdentifierError(f"not a kglaw act identifier: {text!r}")
        type_ = m.group("type")
        issuer = m.group("issuer")
        if issuer is None:  # omitted in the short form: the type fixes it
            issuer = DEFAULT_ISSUER.get(type_) or ("government" if type_ == "resolution" else None)
        elif issuer == "_":  # written as unknown: stays unknown (a resolution of '_' is not the Government's)
            issuer = None
        raw_date = m.group("date")
        when: date | str | None
        if raw_date == "_":
            when = None
        elif len(raw_date) == 4:
            when = raw_date
        else:
            try:
                when = date.fromisoformat(raw_date)
            except ValueError as err:
                raise IdentifierError(f"bad date in identifier {text!r}: {err}") from None
        number = None if m.group("number") == "_" else unquote(m.group("number"))
        try:
            return cls(type_, issuer, when, number, m.group("key"))
        except IdentifierError as err:
            raise IdentifierError(f"{err} in {text!r}") from None

    def with_(self, **changes: object) -> ActId:
        return replace(self, **changes)  # type: ignore[arg-type]


#: Adilet registration-group numbers ("Номер группы регистрации"), see research/anchors-mission.md §7.3.
_ADILET_RE = re.compile(
    r"""^(?P<kind>[KZPRUVGS])   # K code, Z law, P Government resolution, R PM order, U decree, V registered with justice
    (?P<yy>\d{2})               # two-digit year of adoption
    (?P<body>[0-9A-Z]{7}_|[0-9A-Z]{8})$  # padded number (old codes end in '_'), or region letters + number
    """,
    re.VERBOSE,
)


def parse_adilet_code(code: str) -> dict[str, str] | None:
    """Split an adilet code into kind, year and body, or return None if it is not one.

    >>> parse_adilet_code("Z050000039_")
    {'code': 'Z050000039_', 'kind': 'Z', 'year': '2005', 'body': '0000039_'}
    """
    m = _ADILET_RE.match(code.strip())
    if not m:
        return None
    yy = int(m.group("yy"))
    year = 1900 + yy if yy >= 90 else 2000 + yy
    return {"code": m.group(0), "kind": m.group("kind"), "year": str(year), "body": m.group("body")}
