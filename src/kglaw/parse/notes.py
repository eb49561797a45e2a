"""Editorial notes of the official texts: repeals and amendments of the act, with their dates.

Forms read (Kazakh, Russian)::

    Күші жойылды - Қызылорда облыстық мәслихатының 2007.12.12 № 33 шешімімен.
    Ескерту. Күші жойылды - … 12.05.2015 № 123 қаулысымен (01.01.2016 бастап қолданысқа енгізіледі).
    Ескерту. Өзгерістер енгізілді - … 2010.05.12 № 5; 2011.05.05 № 12 шешімдерімен (қолданысқа енгізілу тәртібін 2-т. қараңыз).
    Ескерту. 3-тармақтың күші жойылды - … шешімімен.            (a provision: an amendment of the act)
    Утратило силу постановлением акимата … от 12.05.2015 № 123 (вводится в действие с 01.01.2016).
    Сноска. Решение с изменениями, внесенными решением … от 12.05.2010 № 5 (порядок введения в действие см. п. 2).
    Сноска. Пункт 3 утратил силу решением … от …

Only a note about the whole act (``Күші жойылды``, ``Утратило силу``, ``Решение утратило силу``) makes a
``repealed_by``; a note about a unit of the act (``3-тармақтың күші жойылды``, ``Пункт 3 утратил силу``)
is an amendment of the act (ELI: a partial repeal is expressed at subdivision level).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import ActRef, Issuer, Span
from .citations import DATE, RefHit, clean_number, find_refs, merge_refs
from .dates import parse_date
from .issuers import resolve_issuer
from .normalize import Joined
from .prefilter import WordSearch

__all__ = ["EFFECTIVE", "Note", "find_notes"]

_MARK = re.compile(
    r"(?P<mark>Ескерту|Ескертпе|Сноска|РҚАО\s+ескертпесі|ЗҚАИ\s+ескертпесі|РЦПИ|ИЗПИ)\s*[.:]?\s*|"
    r"(?P<bare>(?<![\w-])(?:Күші\s+жойылды\s*[-–—]|[Уу]тратил[оаи]?\s+силу\s+(?=[А-Яа-я]+(?:ом|ем|ием)\b)))"
)
# Every match of _MARK begins with one of these (as written: _MARK is case-sensitive).
_MARK_STARTS = ("Ескерт", "Сноска", "РҚАО", "ЗҚАИ", "РЦПИ", "ИЗПИ", "Күші", "Утратил", "утратил")
_MARK_STRONG = re.compile(r"(?:Ескерту|Ескертпе|Сноска)\s*[.:]|Күші\s+жойылды\s*[-–—]")
_REPEAL_KK = re.compile(
    r"^(?:(?:Шешімнің|Қаулының|Бұйрықтың|Жарлықтың|Заңның|Өкімнің)\s+)?[Кк]үші\s+жойылды\b"
)
_REPEAL_RU = re.compile(
    r"^(?:(?:Решение|Постановление|Приказ|Распоряжение|Указ|Закон|Совместное\s+\w+)\s+)?[Уу]тратил[оаи]?\s+силу\b"
)
_PARTIAL = re.compile(r"күші\s+жойылды|утратил[оаи]?\s+силу", re.IGNORECASE)
_CHANGE = re.compile(
    r"өзгеріс|толықтыру|өзгерту|редакцияда|алып\s+тасталды|ауыстырылды|жойылды|изменени|дополнени|"
    r"редакции|исключен|внесен|утратил|заменен|дополнен|толықтырылды",
    re.IGNORECASE,
)
#: When a repeal or amendment takes effect, as the note says in brackets.
EFFECTIVE = re.compile(
    rf"\(\s*(?:(?P<d1>{DATE})\s*(?:ж\.\s*)?(?:бастап|бастап\s+қолданысқа\s+енгізіледі|қолданысқа\s+енгізіледі)"
    rf"|вводится\s+в\s+действие\s+с\s+(?P<d2>{DATE})|вводятся\s+в\s+действие\s+с\s+(?P<d3>{DATE}))",
    re.IGNORECASE,
)
_PLURAL = re.compile(
    r"(?P<n>шешімдер|қаулылар|бұйрықтар|өкімдер|решения|постановления|приказ(?:ами|ы)|решениями|постановлениями)"
    r"[а-яәіңғүұқөһ]*",
    re.IGNORECASE,
)
_PLURAL_TYPE = {
    "шешімдер": "decision",
    "қаулылар": "resolution",
    "бұйрықтар": "order",
    "өкімдер": "order",
    "решения": "decision",
    "решениями": "decision",
    "постановления": "resolution",
    "постановлениями": "resolution",
    "приказами": "order",
    "приказы": "order",
}
_DATE_NUM = re.compile(rf"(?:от\s*)?(?P<d>{DATE})\s*(?:жылғы\s*)?(?P<n>№\s*\d[\w/-]*)", re.IGNORECASE)
_KK_BODY = re.compile(
    r"(?:[А-ЯӘІҢҒҮҰҚӨҺ][\w-]*\s+){1,4}(?:облыстық|облысы|аудандық|ауданы|қалалық|қаласы)?\s*"
    r"(?:мәслихатының|әкімдігінің|әкімиятының|Үкіметінің|министрінің)|"
    # a minister's title with lower-case words ("ҚР Еңбек және халықты әлеуметтік қорғау министрінің")
    r"(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s+[А-ЯӘІҢҒҮҰҚӨҺ][\w-]*(?:\s+[\w-]+){0,7}?\s+министрінің"
)
_RU_BODY = re.compile(
    r"(?:маслихата|акимата|Правительства|Министра|Министерства)(?:\s+[\w-]+){0,8}?(?=\s+от\b)|"
    r"[А-Я][\w-]+(?:ского|ного)\s+(?:областного|районного|городского)\s+маслихата"
)


@dataclass
class Note:
    """One editorial note: what it says happened to the act, and by which acts."""

    kind: str  # "repeal" (the whole act) or "amendment"
    refs: list[ActRef] = field(default_factory=list)
    span: Span | None = None
    start: int = 0
    end: int = 0


def _note_end(t: str, start: int, limit: int = 700) -> int:
    """End of a note: the full stop that closes its sentence (outside brackets), or the next note."""
    depth = 0
    i = start
    stop = min(len(t), start + limit)
    nxt = _MARK_STRONG.search(t, start + 8, stop)
    if nxt:
        stop = nxt.start()
    while i < stop:
        c = t[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == "." and depth == 0:
            prev = t[max(start, i - 4) : i]
            after = t[i + 1 : i + 3]
            # not an abbreviation ("т.", "п.", "ж.", "г.") nor inside a dotted date
            if re.search(r"(?:^|\s)(?:т|п|ж|г|тт|пп|ст|бап|тарм)$", prev) or re.match(r"\d", after):
                i += 1
                continue
            if re.match(r"\s*(?:$|[А-ЯӘІҢҒҮҰҚӨҺA-Z\d«\"(])", t[i + 1 : i + 4]) or i + 1 >= len(t):
                return i + 1
        i += 1
    return stop


def find_notes(j: Joined, context: Issuer | None = None, lo: int = 0, hi: int | None = None) -> list[Note]:
    """Every editorial note in ``j.text[lo:hi]`` that names an act."""
    t = j.text
    hi = len(t) if hi is None else hi
    notes: list[Note] = []
    pos = lo
    marks = WordSearch(_MARK, t, _MARK_STARTS, lo=lo, hi=hi)
    while True:
        m = marks.search(pos)
        if not m:
            break
        body_start = m.end() if m.group("mark") else m.start()
        end = _note_end(t, body_start)
        body = t[body_start:end]
        pos = max(end, m.end() + 1)
        if not _CHANGE.search(body[:400]):
            continue
        refs = _note_refs(j, context, body_start, end)
        if not refs:
            continue
        whole = bool(_REPEAL_KK.match(body) or _REPEAL_RU.match(body))
        kind = "repeal" if whole else "amendment"
        if not whole and not _PARTIAL.search(body) and not _CHANGE.search(body):
            continue
        notes.append(Note(kind, refs, j.span(m.start(), end), m.start(), end))
    return notes


def _note_refs(j: Joined, context: Issuer | None, start: int, end: int) -> list[ActRef]:
    t = j.text
    found = [h for h in find_refs(j, context, start, end) if h.case in ("ins", "gen", "nom", "acc")]
    # A note names its acts in one chain ("… № 5 шешімімен", "решением … № 5 (…); решением … № 7");
    # a reference after the chain belongs to the text that follows the note (a note without a full stop).
    hits: list[RefHit] = []
    for h in found:
        if hits and not re.fullmatch(
            r"\s*(?:\([^()]*\)\s*)?(?:[;,]|және|и|,\s*және)?\s*", t[hits[-1].end : h.start]
        ):
            break
        hits.append(h)
    found_at: list[tuple[int, ActRef]] = []  # (offset where the reference ends, reference)
    for h in hits:
        found_at.append((h.end, h.ref))
        found_at.extend(_more_after(j, h, end))
    plural = _PLURAL.search(t, start, end)
    if plural:
        found_at.extend(_plural_refs(j, context, start, plural))
    refs = [r for _, r in found_at]
    # effective dates in brackets apply to the reference right before them ("… № 45 (вводится в действие
    # с 01.04.2019); от 12.07.2020 № 130 (…)": the first, not the last reference of the line)
    for em in EFFECTIVE.finditer(t, start, end):
        d = parse_date(em.group("d1") or em.group("d2") or em.group("d3") or "")
        if d is None:
            continue
        before = [r for at, r in sorted(found_at, key=lambda x: x[0]) if at <= em.start()]
        target = before[-1] if before else (refs[-1] if refs else None)
        if target is not None and target.effective_date is None:
            target.effective_date = d
    return merge_refs(refs)


def _more_after(j: Joined, h: RefHit, end: int) -> list[tuple[int, ActRef]]:
    """``… от 12.05.2010 № 5 (…); от 05.05.2011 № 12 (…)``: further acts of the same kind and issuer,
    each with the offset where it ends."""
    t = j.text
    out = []
    pos = h.end
    while pos < end:
        m = re.match(
            rf"\s*(?:\([^()]*\))?\s*[;,]\s*(?:от\s*)?(?P<d>{DATE})\s*(?:жылғы\s*)?(?P<n>№\s*\d[\w/-]*)",
            t[pos:end],
            re.IGNORECASE,
        )
        if not m:
            break
        r = ActRef(
            type=h.ref.type,
            issuer=h.ref.issuer,
            date=parse_date(m.group("d")),
            number=clean_number(m.group("n")),
            span=j.span(pos + m.start("d"), pos + m.end()),
        )
        out.append((pos + m.end(), r))
        pos += m.end()
    return out


def _plural_refs(
    j: Joined, context: Issuer | None, start: int, plural: re.Match[str]
) -> list[tuple[int, ActRef]]:
    """``… мәслихатының 2009.02.12 № 5; 2010.05.05 № 12 шешімдерімен``: one act per date and number, each
    with the offset where it ends."""
    t = j.text
    type_ = _PLURAL_TYPE.get(plural.group("n").lower())
    seg_start, seg_end = start, plural.start()
    issuer = None
    bm = _KK_BODY.search(t, seg_start, seg_end) or _RU_BODY.search(
        t, seg_start, min(len(t), plural.end() + 200)
    )
    if bm:
        issuer = resolve_issuer(bm.group(0), context)
    if re.match(r"решени|постановлени|приказ", plural.group("n"), re.IGNORECASE):
        seg_start, seg_end = plural.end(), min(len(t), plural.end() + 400)
    out = []
    for m in _DATE_NUM.finditer(t, seg_start, seg_end):
        ref = ActRef(
            type=type_,
            issuer=issuer,
            date=parse_date(m.group("d")),
            number=clean_number(m.group("n")),
            span=j.span(m.start(), m.end()),
        )
        out.append((m.end(), ref))
    return out
