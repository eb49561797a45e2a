"""Identity resolution for the central acts the corpus cites (``data/authority/acts.ttl``).

The same act is cited three ways: by title only (``"Арнаулы әлеуметтік қызметтер туралы" Заңы``), by
date and number (``Закон РК от 13 апреля 2005 года № 39``) or by its adilet code (``Z050000039_``).
:func:`resolve_act` maps each of these to the one authority IRI, so that every citation of the act becomes
one node (issue 3, point 7). It answers only when the answer is unambiguous; otherwise it returns None
and the caller mints an IRI from what the text states.

>>> from kglaw.model import ActRef
>>> resolve_act(ActRef(title="Қазақстан Республикасында мүгедектерді әлеуметтік қорғау туралы"))
'https://w3id.org/kglaw/eli/kz/law/rk/2005-04-13/39-III'
>>> normalize_title('"Арнаулы әлеуметтік қызметтер туралы" Қазақстан Республикасының Заңы')
'арнаулыәлеуметтікқызметтер'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .identifiers import normalize_number, parse_adilet_code
from .model import ActRef
from .namespaces import ELI, KGL
from .parse.normalize import LOOKALIKE_LOWER
from .resources import authority_dir

__all__ = [
    "ActIndex",
    "ActRecord",
    "acts_file",
    "acts_index",
    "load_acts",
    "normalize_title",
    "numbers_match",
    "resolve_act",
]


def acts_file() -> Path:
    return authority_dir() / "acts.ttl"


# Words that name the state, not the subject: "Қазақстан Республикасының", "в Республике Казахстан" …
_STATE = re.compile(
    r"\b(?:қазақстан\s+республикас\w*|в\s+республике\s+казахстан|республик\w\s+казахстан|қр|рк)\b"
)
# The frame around a title: "О/Об … ", "… туралы", and the act-type words in any case form.
_STATE_JOINED = re.compile(r"қазақстанреспубликас(?:ындағы|ының|ында|ына|ы)|в?республик[иаеу]казахстан")
_FRAME_WORDS = re.compile(r"\b(?:туралы|заң\w*|закон\w*|кодекс\w*)\b")
_LEADING_PREP = re.compile(r"^(?:о|об|обо)\b")


def normalize_title(title: str) -> str:
    """A comparison key for an act title: case, quotes, spacing, the state's name, the ``туралы`` /
    ``О``/``Об`` frame and the words law/code removed; Latin look-alikes read as Cyrillic.

    Letter-spaced titles and titles broken over lines give the same key, because only letters and
    digits are kept.

    >>> normalize_title("Закон Республики Казахстан «О специальных социальных услугах»")
    'специальныхсоциальныхуслугах'
    >>> normalize_title("Еңбек Кодексі") == normalize_title("Қазақстан Республикасы Еңбек кодексінің")
    True
    """
    s = unicodedata.normalize("NFC", title).lower().replace("ё", "е")
    s = s.translate(LOOKALIKE_LOWER)
    s = re.sub(r"[«»\"“”„'`‘’]", " ", s)
    s = re.sub(r"[\s\u00a0]+", " ", s).strip()
    s = _STATE.sub(" ", s)
    s = _FRAME_WORDS.sub(" ", s)
    s = re.sub(r"\s+", " ", s).strip(" .,;:-–—()")
    s = _LEADING_PREP.sub(" ", s)
    key = re.sub(r"[\W_]+", "", s)
    # The state's name once more on the joined letters, for letter-spaced titles ("Қ а з а қ с т а н …").
    return _STATE_JOINED.sub("", key)


_SUFFIX_NOISE = re.compile(r"[\s-]*(?:ҚРЗ|ЗРК|НҚ)$")


def _number_key(raw: str) -> tuple[str, str]:
    """(head, tail) of a normalised act number: ``343-II`` → ("343", "II"); ``343`` → ("343", "")."""
    n = _SUFFIX_NOISE.sub("", normalize_number(raw))
    m = re.match(r"^(\d+(?:/\d+)*)(?:-(.+))?$", n)
    if not m:
        return n, ""
    return m.group(1), m.group(2) or ""


def numbers_match(a: str, b: str) -> bool:
    """Two printed numbers name the same act number. The convocation suffix may be missing on one side
    (adilet prints ``N 343`` for Law No 343-II), but when both sides have one it must agree.

    >>> numbers_match("N 343-II ҚРЗ", "343")
    True
    >>> numbers_match("224-VII", "224-VI")
    False
    """
    ha, ta = _number_key(a)
    hb, tb = _number_key(b)
    return ha == hb and (ta == tb or not ta or not tb)


@dataclass
class ActRecord:
    """One authority act, as the resolver sees it."""

    iri: str
    type: str | None = None
    date: date | None = None
    year: int | None = None
    number: str | None = None
    adilet: str | None = None
    titles: set[str] = field(default_factory=set)  # normalised title keys (all languages, all variants)


@dataclass
class ActIndex:
    """Lookup tables over the authority acts (plain dicts: one resolution is a few dict hits)."""

    records: dict[str, ActRecord]
    by_title: dict[str, list[str]]
    by_date: dict[date, list[str]]
    by_adilet: dict[str, str]
    by_head: dict[str, list[str]]  # number head ("224") → IRIs, for number-only citations


def load_acts(path: Path | None = None) -> Graph:
    """The authority graph (``acts.ttl``)."""
    g = Graph()
    g.parse(path or acts_file(), format="turtle")
    return g


def _notation(iri: URIRef) -> str:
    return str(iri).rstrip("/").rsplit("/", 1)[-1]


def build_index(g: Graph) -> ActIndex:
    records: dict[str, ActRecord] = {}
    for s in g.subjects(predicate=ELI.type_document):
        rec = ActRecord(iri=str(s))
        t = g.value(s, ELI.type_document)
        rec.type = _notation(t) if isinstance(t, URIRef) else None
        d = g.value(s, ELI.date_document)
        if isinstance(d, Literal) and isinstance(d.toPython(), date):
            rec.date = d.toPython()
            rec.year = rec.date.year
        y = g.value(s, KGL.year)
        if y is not None:
            rec.year = int(str(y))
        n = g.value(s, ELI.number)
        rec.number = str(n) if n is not None else None
        code = g.value(s, ELI.id_local)
        rec.adilet = str(code).upper() if code is not None else None
        for e in g.objects(s, ELI.is_realized_by):
            for p in (ELI.title, ELI.title_alternative):
                for t in g.objects(e, p):
                    key = normalize_title(str(t))
                    if key:
                        rec.titles.add(key)
        records[rec.iri] = rec
    by_title: dict[str, list[str]] = {}
    by_date: dict[date, list[str]] = {}
    by_adilet: dict[str, str] = {}
    by_head: dict[str, list[str]] = {}
    for rec in sorted(records.values(), key=lambda r: r.iri):
        for key in rec.titles:
            by_title.setdefault(key, []).append(rec.iri)
        if rec.date:
            by_date.setdefault(rec.date, []).append(rec.iri)
        if rec.adilet:
            by_adilet[rec.adilet] = rec.iri
        if rec.number:
            by_head.setdefault(_number_key(rec.number)[0], []).append(rec.iri)
    return ActIndex(records, by_title, by_date, by_adilet, by_head)


@lru_cache(maxsize=4)
def _cached_index(path: str) -> ActIndex:
    return build_index(load_acts(Path(path)))


def acts_index(path: Path | None = None) -> ActIndex:
    """The index over ``acts.ttl``, parsed once per process."""
    return _cached_index(str(path or acts_file()))


_CYR_TO_LAT = str.maketrans({"К": "K", "Р": "P", "Ѕ": "S", "У": "U", "В": "B", "С": "C", "Х": "X", "Е": "E"})


def _type_ok(rec: ActRecord, ref: ActRef) -> bool:
    return ref.type is None or rec.type is None or rec.type == ref.type


def resolve_act(ref: ActRef, on: date | None = None, index: ActIndex | None = None) -> str | None:
    """The authority IRI of the act ``ref`` names, or None when nothing matches unambiguously.

    Tried in order:

    1. the adilet code (``eli:id_local``);
    2. date and number (the number's convocation suffix may be missing on one side);
    3. the title (see :func:`normalize_title`), kk or ru, current or former, narrowed by the date,
       number and type that the reference also states;
    4. a number alone, only when it carries a convocation suffix (``224-VII``) and one act has it.

    ``on`` is the date of the citing document. When several acts share a title (two laws "On employment
    of the population", 2001 and 2016), the latest one adopted on or before ``on`` is taken, since a
    Kazakh law that reuses a title replaces the earlier one. Without ``on`` such a title stays
    unresolved. A date alone never resolves: several laws are often signed on one day.
    """
    idx = index or acts_index()
    recs = idx.records

    if ref.adilet:
        code = ref.adilet.strip().upper().translate(_CYR_TO_LAT)
        iri = idx.by_adilet.get(code) if parse_adilet_code(code) else None
        if iri:
            return iri

    if ref.date and ref.number:
        hits = [
            i
            for i in idx.by_date.get(ref.date, [])
            if numbers_match(recs[i].number or "", ref.number) and _type_ok(recs[i], ref)
        ]
        if len(hits) == 1:
            return hits[0]
        if hits or not ref.title:
            return None  # stated date and number that no authority act (or several) has: not ours

    if ref.title:
        key = normalize_title(ref.title)
        hits = [i for i in idx.by_title.get(key, []) if _type_ok(recs[i], ref)]
        if ref.date:
            hits = [
                i
                for i in hits
                if recs[i].date in (None, ref.date)
                and (recs[i].date is not None or recs[i].year == ref.date.year)
            ]
        elif getattr(ref, "year", None):
            hits = [i for i in hits if recs[i].year in (None, ref.year)]
        if ref.number:
            hits = [i for i in hits if not recs[i].number or numbers_match(recs[i].number or "", ref.number)]
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1 and on is not None and not ref.date:
            dated = [i for i in hits if (recs[i].date or date.max) <= on]
            if dated:
                latest = max(recs[i].date for i in dated)  # type: ignore[type-var]
                best = [i for i in dated if recs[i].date == latest]
                if len(best) == 1:
                    return best[0]
        return None

    if ref.number and not ref.date:
        head, tail = _number_key(ref.number)
        if tail and re.fullmatch(r"[IVXLC]+", tail):
            hits = [
                i
                for i in idx.by_head.get(head, [])
                if numbers_match(recs[i].number or "", ref.number) and _type_ok(recs[i], ref)
            ]
            if len(hits) == 1:
                return hits[0]
    return None
