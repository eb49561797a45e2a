"""Programmes, concepts and action plans inside a legal text → :class:`kglaw.model.Programme`.

``parse_plans(lines, doc)`` finds each programme/plan/concept document in the normalised lines of a file:

1. anchors: an approval stamp (``… шешіммен БЕКІТІЛГЕН``, ``… қаулысымен бекітілген``,
   ``Утвержден постановлением …``, ``… қаулысына қосымша``), a passport heading (``Бағдарламаның
   паспорты`` / ``төлқұжаты``, ``Паспорт программы``) and an action-plan heading (``іс-шаралар
   жоспары``, ``іс-қимыл жоспары``, ``План мероприятий``);
2. for each programme: kind, title, period, passport fields (:mod:`.passport`), funding by source and
   year, the abbreviation legend, and the action-plan table;
3. the table is read by the registered layout that recognises its structure best (``detect``), never
   chosen by file name. Each layout module exposes::

       detect(lines, start, end) -> float            # confidence in [0, 1]
       parse(lines, start, end, ctx) -> LayoutResult  # measures, sections, rows_seen, warnings

   ``detect`` is shown the normalised lines and, when the caller has them, the raw lines too (the
   better score counts). Conventions: about 0.9 for a clean match of the layout's own row anchor and
   cells; at most 0.45 when the table has columns the layout does not read (a funding-source or
   target-indicator column), so that a layout which reads them wins; below ``MIN_CONFIDENCE`` the
   table is reported as unrecognised, never guessed. ``lines[start:end]`` is the table: from the line
   after the plan heading to the first note (``Ескертпе:``/``Примечание:``) or legend heading.

Robustness: every programme reports ``rows_seen`` and ``rows_parsed``; an unreadable row becomes a
:class:`~kglaw.model.Warning_` on ``doc.warnings`` naming its lines; a layout that fails is reported,
not raised. Only :class:`~kglaw.errors.KglawError` ever escapes.
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from kglaw.errors import KglawError
from kglaw.model import Document, Indicator, Measure, Programme, Section, Span, Warning_
from kglaw.parse.plans.columns import column_role
from kglaw.parse.plans.common import (
    LEGEND_HEADING_RE,
    NOTE_RE,
    is_blank,
    join_cell,
    parse_abbreviation_legend,
    span_of,
)
from kglaw.parse.plans.indicators import parse_indicator_tables, passport_indicators
from kglaw.parse.plans.passport import PASSPORT_HEADING_RE, parse_funding, parse_passport
from kglaw.parse.plans.succession import find_predecessors
from kglaw.parse.prefilter import LineFinder, line_finder

__all__ = [
    "parse_plans",
    "LayoutContext",
    "LayoutResult",
    "LAYOUT_MODULES",
    "registered_layouts",
    "choose_layout",
    "find_plan_headings",
    "MIN_CONFIDENCE",
]

#: The registry of table layouts, tried in this order (ties go to the earlier one). Each name is a
#: module of this package with ``detect`` and ``parse``. Add a layout by appending its module name.
LAYOUT_MODULES: list[str] = [
    "layout_number_alone",
    "layout_number_inline",
    "layout_narrow_wrapped",
    "layout_tab_cells",
    "layout_cell_lines",
]

#: Below this confidence no layout is trusted, and the table is reported instead of guessed.
MIN_CONFIDENCE = 0.3


@dataclass
class LayoutContext:
    """What a layout may need besides the lines: the plan period (years), the document language, the
    source file name (for messages), the programme's abbreviation legend, and the raw (un-normalised)
    lines when the caller has them (tabs and NBSP-only lines survive there)."""

    period: tuple[int, int] | None = None
    language: str | None = None
    source: str = "<input>"
    abbreviations: dict[str, str] = field(default_factory=dict)
    raw_lines: list[str] | None = None


@dataclass
class LayoutResult:
    """What a layout read from a table. ``rows_seen`` counts every row it found, read or not."""

    measures: list[Measure] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    rows_seen: int = 0
    warnings: list[Warning_] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)


_loaded: dict[str, ModuleType] = {}


def registered_layouts() -> list[ModuleType]:
    """The layout modules of :data:`LAYOUT_MODULES`, imported once."""
    out = []
    for name in LAYOUT_MODULES:
        if name not in _loaded:
            _loaded[name] = importlib.import_module(f"{__name__}.{name}")
        out.append(_loaded[name])
    return out


def choose_layout(
    lines: list[str], start: int, end: int, raw_lines: list[str] | None = None
) -> tuple[ModuleType | None, float]:
    """The registered layout most confident that lines ``start``–``end`` are its table.

    When the raw lines are given (same indexing), each layout is also shown them and keeps its better
    score: structure that normalisation removes (TAB-only cell separators) still counts."""
    best: ModuleType | None = None
    best_score = 0.0
    views = [lines] + ([raw_lines] if raw_lines is not None and len(raw_lines) == len(lines) else [])
    for mod in registered_layouts():
        score = 0.0
        for view in views:
            try:
                score = max(score, float(mod.detect(view, start, end)))
            except Exception:  # a layout's detector must not sink the parse; it just does not match
                continue
        if score > best_score:
            best, best_score = mod, score
    return best, best_score


# ---------------------------------------------------------------------------------------------------
# Anchors

_PLAN_HEADING = re.compile(
    r"(?:іс-?\s?шаралар(?:ының)?|іс-?\s?қимыл|іс-?\s?шаралардың)\s+жоспары\s*\.?$"
    r"|^\s*(?:\d+\.\s*)?План\s+(?:мероприятий|действий)\b",
    re.I,
)
_STAMP = re.compile(
    r"(?:БЕКІТІЛГЕН|[Бб]екітілген|УТВЕРЖДЕН[АОЫ]?|[Уу]твержден[аоы]?)\s*\.?$"
    r"|қосымша(?:сы)?\s*$|^\s*Приложение\b",
)
# A one-line approval stamp, as adilet prints it today ("Утвержден постановлением Правительства
# Республики Казахстан от 29 декабря 2021 года № 960").
_STAMP_LINE = re.compile(
    r"^\s*(?:УТВЕРЖДЕН[АОЫ]?|Утвержден[аоы]?)\s+(?:[Пп]остановлением|[Рр]ешением|[Пп]риказом|[Уу]казом|[Сс]овместн\w+)\b"
    # "Қазақстан Республикасы Президентінің … № 1021 Жарлығымен БЕКІТІЛГЕН", however long the body's name
    r"|(?:қаулысымен|шешімімен|бұйрығымен|[Жж]арлығымен|өкімімен)\s+(?:БЕКІТІЛГЕН|[Бб]екітілген)\s*\.?$"
)
# The title of a plan approved without a passport or an "action plan" heading: "Комплексный план …",
# "Национальный план …", "Дорожная карта …", "… кешенді жоспар", "… жол картасы".
_PLAN_TITLE = re.compile(
    r"^\s*(?:[А-ЯЁ][а-яё-]+\s+){0,2}(?:[Пп]лан|[Дд]орожная\s+карта)\b"
    r"|(?:жоспар(?:ы)?|жол\s+картасы)\s*\.?$"
)
_SIGNATURE = re.compile(r"^[А-ЯӘІҢҒҮҰҚӨҺA-Z]\.\s*(?:[А-ЯӘІҢҒҮҰҚӨҺA-Z]\.\s*)?[А-ЯӘІҢҒҮҰҚӨҺ][а-яәіңғүұқөһ]+$")
# The date-and-number line of an approval stamp ("от 20 декабря 2005 года № 245", "N 98 қаулысына").
_STAMP_TAIL = re.compile(r"^(?:N|№|от\s)|(?:№|\bN)\s*\d+\s*(?:[а-яәіңғүұқөһ]+)?\s*$", re.I)
_KIND_WORDS = re.compile(
    r"(?P<concept>тұжырымдама|концепци)|(?P<programme>бағдарлама|программ)|(?P<plan>жоспар|план\b|план[аеуы]?\b)",
    re.I,
)
_PERIOD_SPAN = re.compile(r"((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})")
_PERIOD_TO = re.compile(r"((?:19|20)\d{2})\s*жыл[а-яәіңғүұқөһ]*\s+дейін|до\s+((?:19|20)\d{2})\s+год", re.I)
_RESOURCES = re.compile(
    r"(?:ресурстар|ресурсы).*(?:қаржыландыру|финансир)|^\s*\d+\.\s*(?:Қаржыландыру|Финансирование)", re.I
)
_BODY_HEADING = re.compile(
    r"^\s*\d+\.\s+[А-ЯӘІҢҒҮҰҚӨҺA-Z]|^\s*[А-ЯӘІҢҒҮҰҚӨҺ]{4,}(?:\s+[А-ЯӘІҢҒҮҰҚӨҺ]{2,})*\s*$"
)


# A heading of the document's own structure above a plan heading is not part of the plan's title ("Раздел
# 2. План действий …" then "План действий по реализации Концепции …"); a numbered heading "8. … іс-шаралар
# жоспары" is the plan heading itself, its number stripped later.
_SECTION_HEADING = re.compile(
    r"^\s*(?:(?:Раздел|Глава|Параграф)\s+\d|\d{1,2}\s*-\s*(?:бөлім|тарау|параграф)\b)",
    re.IGNORECASE,
)
_PLAN_HEADING_START = re.compile(r"іс-?\s?(?:шаралар|қимыл)\s*$", re.I)
_PLAN_HEADING_END = re.compile(r"жоспары\s*\.?$", re.I)
# Every match of _PLAN_HEADING or _PLAN_HEADING_START holds one of these (lowercased) words.
_PLAN_HEADING_WORDS = ("шаралар", "қимыл", "план")
# Every match of _STAMP holds one of these (case as written: _STAMP is case-sensitive).
_STAMP_WORDS = ("ЕКІТІЛГЕН", "екітілген", "ТВЕРЖДЕН", "твержден", "қосымша", "Приложение")
# Every match of PASSPORT_HEADING_RE holds one of these (lowercased).
_PASSPORT_WORDS = ("паспорт", "төлқұжаты")
# Every match of LEGEND_HEADING_RE, and of NOTE_RE, holds one of these (lowercased).
_LEGEND_WORDS = ("аббревиатур", "қысқартулар", "сокращени")
_NOTE_WORDS = ("ескерт", "примечани")


def find_plan_headings(lines: list[str], finder: LineFinder | None = None) -> list[tuple[int, int]]:
    """(first, last) 0-based line indices of every action-plan heading block. ``finder`` is a
    :class:`~kglaw.parse.prefilter.LineFinder` of ``lines`` when the caller has one."""
    finder = finder or LineFinder(lines)
    out: list[tuple[int, int]] = []
    n = len(lines)
    candidates = finder.lines_with_folded(_PLAN_HEADING_WORDS)  # no other line can match
    next_free = 0
    for i in range(n) if candidates is None else candidates:
        if i < next_free:
            continue
        line = lines[i].strip()
        hit = bool(line) and bool(_PLAN_HEADING.search(line))
        last = i
        if not hit and line and i + 1 < n and _PLAN_HEADING_START.search(line):
            nxt = lines[i + 1].strip()
            if _PLAN_HEADING_END.match(nxt):
                hit, last = True, i + 1
        if hit and len(line) < 200:
            first = i
            while (
                first > 0
                and not is_blank(lines[first - 1])
                and i - first < 3
                and not re.match(r"\s*\d+\.\s", lines[first])
                and not _SECTION_HEADING.match(lines[first - 1])
                and not re.search(r"[.;:]\s*$", lines[first - 1])
                and not _STAMP.search(lines[first - 1].strip())
                and len(lines[first - 1].strip()) < 120
            ):
                first -= 1
            out.append((first, last))
            next_free = last + 1
    return out


def _stamps(lines: list[str], finder: LineFinder) -> list[int]:
    candidates = finder.lines_with(_STAMP_WORDS)  # no other line can match
    out = []
    for i in range(len(lines)) if candidates is None else candidates:
        s = lines[i].strip()
        if s and (len(s) < 100 and _STAMP.search(s) or len(s) < 250 and _STAMP_LINE.search(s)):
            out.append(i)
    return out


def _titled_block(lines: list[str], stamp: int, stop: int) -> tuple[int, int, str] | None:
    """The title block right under an approval stamp — ``(first, last, text)`` — with the stamp's own
    lines (body, date and number) skipped; it stops at a table's header row."""
    i = stamp + 1
    while i < stop and (
        is_blank(lines[i]) or _STAMP_TAIL.search(lines[i].strip()) or _STAMP.search(lines[i].strip())
    ):
        i += 1
    first = i
    got: list[str] = []
    while i < stop and not is_blank(lines[i]) and len(got) < 3:
        t = lines[i].strip()
        if len(t) <= 40 and column_role(t) is not None or "\t" in t or len(t) > 200:  # the table's header
            break
        if got and lines[i].startswith("      "):
            break  # the indented body under the title
        got.append(t)
        i += 1
    if not got:
        return None
    return first, first + len(got) - 1, join_cell(got)


def _titled_plan(lines: list[str], stamp: int, stop: int) -> tuple[int, int] | None:
    """The title block of a plan right under an approval stamp — ``(first, last)`` — when the title names
    a plan ("Комплексный план …", "… кешенді жоспар"): the plan has no passport and no "action plan"
    heading, its table follows its title."""
    block = _titled_block(lines, stamp, stop)
    return (block[0], block[1]) if block and _PLAN_TITLE.search(block[2]) else None


# A concept or programme approved without a passport: its title under the stamp names it ("Концепция …
# на 2023 – 2029 годы", "… тұжырымдамасы", "Программа …").
_NAMED_DOCUMENT = re.compile(r"^\s*(?:Концепция|Программа)\b|(?:тұжырымдамасы|бағдарламасы)\s*\.?$")


def _passports(lines: list[str], finder: LineFinder) -> list[int]:
    candidates = finder.lines_with_folded(_PASSPORT_WORDS)  # no other line can match
    out = []
    for i in range(len(lines)) if candidates is None else candidates:
        s = lines[i].strip()
        if s and len(s) < 100 and PASSPORT_HEADING_RE.search(lines[i]):
            out.append(i)
    return out


def _kind_of(title: str, plan_only: bool) -> str:
    if plan_only:
        return "plan"
    hits = list(_KIND_WORDS.finditer(title))
    if not hits:
        return "programme"
    m = (
        hits[0]
        if re.match(r"\s*(?:Программа|Концепция|План|Государственная|Национальный)", title)
        else hits[-1]
    )
    return m.lastgroup or "programme"


def _title_before(lines: list[str], idx: int, stop: int) -> tuple[str, Span] | None:
    """Non-blank lines just above the passport heading, down to a stamp, a signature or a blank gap."""
    j = idx - 1
    while j > stop and is_blank(lines[j]):
        j -= 1
    got: list[int] = []
    while j > stop and not is_blank(lines[j]) and len(got) < 5:
        t = lines[j].strip()
        if _STAMP.search(t) or _STAMP_LINE.search(t) or _SIGNATURE.match(t) or _STAMP_TAIL.search(t):
            break
        got.append(j)
        j -= 1
    if not got:
        return None
    got.reverse()
    title = join_cell([lines[k] for k in got])
    if not _KIND_WORDS.search(title):
        return None
    return title, span_of(got[0], got[-1])


def _period_from(*texts: str | None) -> tuple[int, int] | None:
    for t in texts:
        if not t:
            continue
        m = _PERIOD_SPAN.search(t)
        if m and int(m.group(1)) <= int(m.group(2)):
            return int(m.group(1)), int(m.group(2))
    return None


def _language(lines: list[str], doc: Document) -> str | None:
    if doc.language:
        return doc.language
    sample = " ".join(lines[:400])
    kk = len(re.findall(r"[әіңғүұқөһӘІҢҒҮҰҚӨҺ]", sample))
    ru = len(re.findall(r"[ыэъЫЭЪ]", sample))
    if kk == ru == 0:
        return None
    return "kk" if kk >= ru else "ru"


def _resources_section(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    for i in range(start, end):
        t = lines[i].strip()
        if t and len(t) < 120 and _RESOURCES.search(t) and not PASSPORT_HEADING_RE.search(t):
            out: list[tuple[int, str]] = []
            for k in range(i + 1, min(end, i + 80)):
                s = lines[k].strip()
                if (
                    s
                    and _BODY_HEADING.match(s)
                    and not re.match(r"^\s*\d+\.\d", s)
                    and len(s) < 120
                    and not re.match(r"^\d+\.\s+\d", s)
                ):
                    break
                if s:
                    out.append((k, s))
            return out
    return []


@dataclass
class _Region:
    passport: int | None = None
    heading: tuple[int, int] | None = None
    title: tuple[int, int] | None = None  # the title block of a concept or programme without a passport
    start: int = 0
    end: int = 0


def _anchor(r: _Region) -> int:
    """The first line that anchors a region: its passport, its title, or its plan heading."""
    if r.passport is not None:
        return r.passport
    if r.title is not None:
        return r.title[0]
    return (r.heading or (0, 0))[0]


def _regions(lines: list[str], finder: LineFinder) -> list[_Region]:
    regions: list[_Region] = []
    for p in _passports(lines, finder):
        regions.append(_Region(passport=p))
    for h in find_plan_headings(lines, finder):
        owner = None
        for r in regions:
            if r.passport is not None and r.passport < h[0] and r.heading is None:
                owner = r
        if owner is not None and all(not (owner.passport or 0) < (o.passport or 0) < h[0] for o in regions):
            owner.heading = h
        else:
            regions.append(_Region(heading=h))
    regions.sort(key=lambda r: r.passport if r.passport is not None else (r.heading or (0, 0))[0])
    stamps = _stamps(lines, finder)
    anchors = sorted(
        {r.passport for r in regions if r.passport is not None} | {r.heading[0] for r in regions if r.heading}
    )
    passports = sorted(r.passport for r in regions if r.passport is not None)
    for s in stamps:
        k = bisect.bisect_right(anchors, s)
        anchored = k < len(anchors) and anchors[k] - s <= 12  # a programme or plan already anchored below
        block = _titled_block(lines, s, min(len(lines), s + 12))
        if block is None or k < len(anchors) and anchors[k] <= block[1]:
            continue  # no title, or the title is itself an anchor (a plan heading)
        if _PLAN_TITLE.search(block[2]):
            if not anchored:
                regions.append(_Region(heading=(block[0], block[1])))
        elif _NAMED_DOCUMENT.search(block[2]):
            p = bisect.bisect_right(passports, s)
            if p < len(passports) and passports[p] - s <= 12:
                continue  # the programme's passport anchors it
            # its action plan, when one follows before any other stamp or passport, is its own
            nxt = next(
                (
                    r
                    for r in regions
                    if (r.passport if r.passport is not None else (r.heading or (0, 0))[0]) > s
                ),
                None,
            )
            later = [t for t in stamps if s < t and (nxt is None or t < _anchor(nxt))]
            if nxt is not None and nxt.passport is None and nxt.title is None and not later:
                nxt.title = (block[0], block[1])
            else:
                regions.append(_Region(title=(block[0], block[1])))
    regions.sort(key=_anchor)
    for k, r in enumerate(regions):
        anchor = _anchor(r)
        prev = regions[k - 1] if k else None
        prev_end = (
            0
            if prev is None
            else (prev.heading or (0, 0))[1] + 1
            if prev.heading
            else (prev.title or (0, 0))[1] + 1
            if prev.title
            else (prev.passport or 0) + 1
        )
        near = [s for s in stamps if prev_end <= s < anchor and anchor - s <= 12]
        r.start = near[0] if near else anchor
    for k, r in enumerate(regions):
        r.end = regions[k + 1].start if k + 1 < len(regions) else len(lines)
    return regions


# ---------------------------------------------------------------------------------------------------


def parse_plans(lines: list[str], doc: Document, raw_lines: list[str] | None = None) -> list[Programme]:
    """Every programme, concept or action plan in ``lines`` (the normalised lines of the whole file;
    index ``i`` is original line ``i + 1``). Warnings go to ``doc.warnings``. Never raises anything
    but :class:`~kglaw.errors.KglawError`."""
    try:
        return _parse_plans(lines, doc, raw_lines)
    except KglawError:
        raise
    except Exception as err:  # a bug must not lose the document: report it and keep the rest
        doc.warnings.append(
            Warning_(f"programme parser failed: {type(err).__name__}: {err}", None, "plan-error")
        )
        return []


def _parse_plans(lines: list[str], doc: Document, raw_lines: list[str] | None) -> list[Programme]:
    programmes: list[Programme] = []
    language = _language(lines, doc)
    used_keys: set[str] = set()
    finder = line_finder(lines)
    for region in _regions(lines, finder):
        prog = _programme(lines, doc, region, language, raw_lines, finder)
        if prog is None:
            continue
        key = prog.kind
        n = 2
        while key in used_keys:
            key = f"{prog.kind}-{n}"
            n += 1
        used_keys.add(key)
        prog.key = key
        programmes.append(prog)
    return programmes


def _programme(
    lines: list[str],
    doc: Document,
    region: _Region,
    language: str | None,
    raw_lines: list[str] | None,
    finder: LineFinder,
) -> Programme | None:
    # the lines that may hold a legend heading or a note (no other line can match their patterns)
    legends = finder.lines_with_folded(_LEGEND_WORDS)
    notes_or_legends = finder.lines_with_folded(_NOTE_WORDS + _LEGEND_WORDS)
    warnings: list[Warning_] = []
    passport_fields: list[Any] = []
    passport_end = region.start
    if region.passport is not None:
        limit = region.heading[0] if region.heading else region.end
        passport_fields, passport_end = parse_passport(lines, region.passport, limit)
    passport = {f.key: f.value for f in passport_fields}
    if region.passport is not None and not passport_fields and region.heading is None:
        return None  # a "passport" word with no passport fields and no plan: not a programme

    # Table range and layout.
    table: tuple[int, int] | None = None
    layout = None
    score = 0.0
    if region.heading is not None:
        t_start = region.heading[1] + 1
        t_end = region.end
        for i in _within(notes_or_legends, t_start, region.end):
            if NOTE_RE.match(lines[i]) or LEGEND_HEADING_RE.search(lines[i]):
                t_end = i
                break
        table = (t_start, t_end)
        layout, score = choose_layout(lines, t_start, t_end, raw_lines)
        if region.passport is None and region.title is None and (layout is None or score < MIN_CONFIDENCE):
            return None  # a heading in running text, not a plan with a table

    # Title and kind.
    plan_title = (
        join_cell([lines[i] for i in range(region.heading[0], region.heading[1] + 1)])
        if region.heading
        else None
    )
    if plan_title:
        plan_title = re.sub(r"^\d+\.\s*", "", plan_title)
    title_found = None
    if region.passport is not None:
        title_found = _title_before(lines, region.passport, region.start - 1)
    elif region.title is not None:
        title_found = (
            join_cell([lines[i] for i in range(region.title[0], region.title[1] + 1)]),
            span_of(region.title[0], region.title[1]),
        )
    title = title_found[0] if title_found else passport.get("name") or plan_title or ""
    plan_only = region.passport is None and region.title is None
    kind = _kind_of(title, plan_only)
    title = re.sub(r"^\d+\.\s*", "", title)

    period = _period_from(passport.get("period"), title, passport.get("name"), plan_title)
    prog = Programme(kind=kind, title=title, approved_by=doc.act, passport=passport)
    if period:
        prog.period_start, prog.period_end = period
    else:  # "2025 жылға дейін": the end is known, the start is not stated
        for t in (title, plan_title or "", passport.get("period") or ""):
            m = _PERIOD_TO.search(t)
            if m:
                prog.period_end = int(m.group(1) or m.group(2))
                break
    prog.action_plan_title = plan_title if region.heading else None
    last = region.end - 1
    while last > region.start and is_blank(lines[last]):
        last -= 1
    prog.span = span_of(region.start, max(region.start, last))

    # Funding: passport field, then the resources section of the body.
    funding_items = []
    for f in passport_fields:
        if f.key == "funding":
            funding_items.extend(f.lines)
    body_end = region.heading[0] if region.heading else region.end
    funding_items.extend(_resources_section(lines, passport_end, body_end))
    for a in parse_funding(funding_items):
        # The passport and the resources section repeat figures; the first reading of a figure stays.
        if any(b.year == a.year and b.value == a.value and b.unit == a.unit for b in prog.funding):
            continue
        prog.funding.append(a)

    # Indicators listed in the passport.
    for f in passport_fields:
        if f.key == "indicators":
            prog.indicators.extend(passport_indicators(f.lines))
    # Tables of target indicators in the programme's own text, outside its action plan (.indicators).
    view = raw_lines if raw_lines is not None and len(raw_lines) == len(lines) else lines
    prose = [(region.start, table[0]), (table[1], region.end)] if table else [(region.start, region.end)]
    for i_from, i_to in prose:
        prog.indicators.extend(parse_indicator_tables(view, i_from, i_to))

    # Abbreviation legend: under its own heading, else right after the table.
    legend: dict[str, str] = {}
    for i in _within(legends, region.start, region.end):
        if LEGEND_HEADING_RE.search(lines[i]) and len(lines[i].strip()) < 120:
            legend, _ = parse_abbreviation_legend(lines, i + 1, region.end, headed=True)
            if legend:
                break
    if not legend and table is not None:
        legend, _ = parse_abbreviation_legend(lines, table[1], region.end, headed=False)
    prog.abbreviations = legend

    # The table.
    if table is not None:
        if layout is None or score < MIN_CONFIDENCE:
            warnings.append(
                Warning_(
                    f"action plan table not recognised by any layout (best confidence {score:.2f})",
                    span_of(table[0], max(table[0], table[1] - 1)),
                    "plan-layout-unknown",
                )
            )
        else:
            ctx = LayoutContext(
                period=period,
                language=language,
                source=doc.source,
                abbreviations=dict(legend),
                raw_lines=raw_lines,
            )
            try:
                result = layout.parse(lines, table[0], table[1], ctx)
            except KglawError as err:
                result = LayoutResult(
                    warnings=[
                        Warning_(
                            f"action plan not read: {err}",
                            span_of(table[0], max(table[0], table[1] - 1)),
                            "plan-error",
                        )
                    ]
                )
            except Exception as err:  # reported, never raised (see module docstring)
                result = LayoutResult(
                    warnings=[
                        Warning_(
                            f"action plan not read ({layout.__name__.rsplit('.', 1)[-1]}): {type(err).__name__}: {err}",
                            span_of(table[0], max(table[0], table[1] - 1)),
                            "plan-error",
                        )
                    ]
                )
            prog.measures = result.measures
            prog.sections = result.sections
            if not prog.abbreviations and prog.measures and prog.measures[-1].span is not None:
                # a legend straight after the last row, with no note or heading before it
                after = prog.measures[-1].span.end  # 1-based last line = 0-based index of the next
                prog.abbreviations, _ = parse_abbreviation_legend(lines, after, region.end, headed=False)
            prog.indicators.extend(result.indicators)
            prog.rows_seen = result.rows_seen
            warnings.extend(result.warnings)
            warnings.extend(_check_numbering(prog.measures))
    prog.rows_parsed = sum(1 for m in prog.measures if not m.incomplete)
    if prog.rows_seen < len(prog.measures):
        prog.rows_seen = len(prog.measures)
    from kglaw.parse.plans.concept import refine_programme  # the act's body: title, amended appendix

    warnings.extend(refine_programme(prog, lines, doc, region.start, region.end))
    # The programme it continues, as its own text says (.succession); a table's rows are not prose.
    prose_end = table[0] if table else region.end
    prog.succeeds = find_predecessors(lines, region.start, prose_end, doc, language)
    doc.warnings.extend(warnings)
    return prog


def _within(candidates: list[int] | None, start: int, end: int) -> Iterable[int]:
    """The indices in ``start``–``end`` (exclusive) among ``candidates`` (sorted), or all of them when
    there are no candidates to go by (None)."""
    if candidates is None:
        return range(start, end)
    return candidates[bisect.bisect_left(candidates, start) : bisect.bisect_left(candidates, end)]


def _check_numbering(measures: list[Measure]) -> list[Warning_]:
    """Row numbers that skip or repeat are reported: a row may have been lost or split."""
    out: list[Warning_] = []
    prev: int | None = None
    for m in measures:
        if not m.number.isdigit():
            continue
        n = int(m.number)
        if prev is not None and n != prev + 1:
            out.append(Warning_(f"row numbers go from {prev} to {n}", m.span, "plan-numbering"))
        prev = n
    return out
