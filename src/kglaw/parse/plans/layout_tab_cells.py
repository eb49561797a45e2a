"""Action-plan tables whose cells each start on a line holding only a TAB.

The shape (research notes, seed 004 §5.4): every table cell is introduced by a line that is exactly one
TAB (``\\t``; ``\\t`` + NBSP is an empty cell); the cell's text runs to the next TAB line, one full-width
line per paragraph. A row ends with an empty line after its last cell. The header row names the
columns; a row of column numbers (``1`` … ``7``) follows. A one-cell row is a colspan row: a direction or
section heading (``3-бағыт. …``, ``Направление 3.``), possibly followed, in the same cell, by target
indicators (``Нысаналы 1-индикатор. <name>: 2025 жылы – 1,2 %, …``). A row whose first cell is a number
(``5.``) is a measure; its other cells are read by the header's column roles, never by position alone.
Inside a cell, lines holding only NBSP separate the values of a multi-valued cell (two forms of completion,
two deadlines); such values are kept in order, joined by ``; ``.

Tabs and NBSP-only lines are lost by line normalisation, so :func:`parse` reads ``ctx.raw_lines`` (the
file's lines as decoded) when the caller gives them. :func:`detect` sees only normalised lines and
recognises the same table by its header words, each on its own line, and its bare ``N.`` row numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kglaw.model import Amount, Executor, Indicator, Measure, Section, Span, Warning_

from .columns import BY_AGREEMENT_RE, column_role, funding_required, split_list
from .common import merge_genitive_tails
from .indicators import indicators_from_cell

__all__ = ["Cell", "detect", "parse", "parse_indicator", "read_cells"]

_NBSP = "\u00a0"
_NUMBER = re.compile(r"^\s*(\d{1,3})\s*\.?\s*$")
# The text of a numbered row that spans the table: a task, goal or direction heading
_TASK_HEADING = re.compile(
    r"^(?:Задача|Цель|Направление|Раздел|Міндет|Мақсат|Бағыт|\d{1,2}\s*-\s*(?:міндет|мақсат|бағыт))\b",
    re.IGNORECASE,
)
# The number of a measure row, also sub-numbered under its task ("1.1.", "2.3")
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,2})\s*\.?\s*$")
_DIRECTION = re.compile(
    r"^\s*(?:(?P<n>\d{1,2})\s*-\s*(?:бағыт|бөлім|тарау|міндет)\.?|(?:Направление|Раздел|Задача|Глава)\s+"
    r"(?P<n2>\d{1,2})\.?|(?P<n3>\d{1,2})\.)\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)
_INDICATOR = re.compile(
    r"^\s*(?:Нысаналы\s+(?P<n>\d{1,2})\s*-\s*индикатор|Целевой\s+индикатор\s+(?P<n2>\d{1,2})|"
    r"(?P<n3>\d{1,2})\s*-\s*индикатор)\s*[.:]?\s*(?P<body>\S.*)$",
    re.IGNORECASE,
)
_TARGET = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*(?:жылы|жылға|жыл|году|год|г\.)?\s*[–—-]\s*(?P<v>\d+(?:[.,]\d+)?)\s*(?P<u>%)?"
)
_SPACES = re.compile(r"\s+")
_NUMBER_DOT = re.compile(r"\d{1,3}\.")
_ONE_OR_TWO_DIGITS = re.compile(r"\d{1,2}")
_STRIP = " \t" + _NBSP


@dataclass
class Cell:
    """One table cell: its TAB line and its content lines (0-based index, raw text)."""

    tab: int
    lines: list[tuple[int, str]] = field(default_factory=list)
    # text() of the cell as it was when it held that many lines (the table is read many times over)
    _text: tuple[int, str] | None = field(default=None, init=False, repr=False, compare=False)
    # the first and last content line, as span() last found them (with the line count then)
    _bounds: tuple[int, tuple[int, int] | None] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def ends_row(self) -> bool:
        return bool(self.lines) and self.lines[-1][1] == ""

    def values(self, paragraphs: bool = False) -> list[tuple[str, Span]]:
        """The cell's values: paragraphs joined by a space, values split at NBSP-only lines (or at every
        blank line, with ``paragraphs``)."""
        return [(_words(g), Span(g[0][0] + 1, g[-1][0] + 1)) for g in self._groups(paragraphs)]

    def _groups(self, paragraphs: bool) -> list[list[tuple[int, str]]]:
        """The non-empty groups of content lines that make the values."""
        groups: list[list[tuple[int, str]]] = [[]]
        for i, raw in self.lines:
            if not raw.strip(_STRIP):
                if _NBSP in raw or (paragraphs and not raw.strip()):
                    if groups[-1]:
                        groups.append([])
                continue
            groups[-1].append((i, raw))
        return [g for g in groups if g]

    def text(self) -> str:
        if self._text is None or self._text[0] != len(self.lines):
            self._text = (len(self.lines), "; ".join(_words(g) for g in self._groups(False)))
        return self._text[1]

    def span(self) -> Span:
        if self._bounds is None or self._bounds[0] != len(self.lines):
            content = [i for i, s in self.lines if s.strip(_STRIP)]
            self._bounds = (len(self.lines), (content[0], content[-1]) if content else None)
        bounds = self._bounds[1]
        if bounds is None:  # an empty cell: its TAB line and what follows it
            return Span(self.tab + 1, self.tab + 1 + (1 if self.lines else 0))
        return Span(bounds[0] + 1, bounds[1] + 1)


def _words(group: list[tuple[int, str]]) -> str:
    """The words of a group of cell lines joined by single spaces (NBSP is whitespace to split())."""
    return " ".join(" ".join([s for _, s in group]).split())


def read_cells(raw: list[str], start: int, end: int) -> list[Cell]:
    """The cells of ``raw[start:end]``; text before the first TAB line is ignored."""
    return list(_iter_cells(raw, start, end))


def _iter_cells(raw: list[str], start: int, end: int) -> Iterator[Cell]:
    """The cells of :func:`read_cells`, each given once it is complete."""
    cur: Cell | None = None
    for i in range(start, min(end, len(raw))):
        line = raw[i]
        if line.startswith("\t"):
            if cur is not None:
                yield cur
            cur = Cell(i)
            rest = line[1:]
            if rest.strip(" " + _NBSP):
                cur.lines.append((i, rest))
            continue
        if cur is not None:
            cur.lines.append((i, line))
    if cur is not None:
        yield cur


def _rows(cells: Iterable[Cell], limit: int | None = None) -> list[list[Cell]]:
    """The cells grouped into rows; with ``limit``, only the first ``limit`` rows (the cells after
    them are not read)."""
    rows: list[list[Cell]] = [[]]
    for c in cells:
        rows[-1].append(c)
        if c.ends_row:
            if limit is not None and len(rows) == limit:
                return rows
            rows.append([])
    return [r for r in rows if r][:limit]


def _header_roles(row: list[Cell]) -> list[str | None]:
    return [column_role(c.text()) for c in row]


# --------------------------------------------------------------------------------------------- detect


def detect(lines: list[str], start: int = 0, end: int | None = None) -> float:
    """Confidence that ``lines[start:end]`` is a TAB-cell plan table.

    With raw lines: TAB-only lines and a header row with at least four column roles. With normalised
    lines (tabs gone): header words each alone on a line within the first lines of the range, full-width
    (not narrow) body lines and several bare ``N.`` row numbers.
    """
    end = len(lines) if end is None else min(end, len(lines))
    tabs = sum(1 for i in range(start, end) if lines[i].startswith("\t"))
    if tabs >= 8:
        for row in _rows(_iter_cells(lines, start, end), limit=4):
            if sum(1 for r in _header_roles(row) if r) >= 4:
                return 0.95
        return 0.3
    body = [s for s in map(str.strip, lines[start:end]) if s]
    head = [s for s in map(str.strip, lines[start : min(end, start + 60)]) if s]
    roles = {column_role(h) for h in head if len(h) <= 40}
    roles.discard(None)
    if not body:
        return 0.0
    numbers = sum(1 for ln in body if _NUMBER_DOT.fullmatch(ln))
    wide = sum(1 for ln in body if len(ln) > 12) / len(body)  # narrow-wrapped tables stay under 12
    # the column-number row, one number per cell: "1", "2", … each alone on its line
    singles = [int(h) for h in head if _ONE_OR_TWO_DIGITS.fullmatch(h)]
    colnums = singles[: len(singles)] == list(range(1, len(singles) + 1)) and len(singles) >= 4
    if len(roles) >= 4 and numbers >= 3 and wide > 0.5:
        return 0.7 if colnums else 0.6
    return 0.0


# --------------------------------------------------------------------------------------------- parse


def parse_indicator(text: str, span: Span | None = None) -> Indicator:
    """``Нысаналы 1-индикатор. <name>: 2025 жылы – 1,2 %, 2026 жылы – 1,15 %`` → an Indicator.

    >>> i = parse_indicator("Нысаналы 1-индикатор. Үлес: 2025 жылы – 1,2 %, 2026 жылы – 1,15 %.")
    >>> (i.name, i.unit, i.targets)
    ('Үлес', '%', {2025: '1,2', 2026: '1,15'})
    """
    m = _INDICATOR.match(text)
    body = m.group("body") if m else text
    body = re.sub(r"\s+", " ", body.replace(_NBSP, " ")).strip()
    first = _TARGET.search(body)
    colon = body.rfind(":", 0, first.start()) if first else -1
    name = body[:colon].strip() if colon >= 0 else (body[: first.start()].strip(" ,:") if first else body)
    targets: dict[int, str] = {}
    units = set()
    for t in _TARGET.finditer(body[colon + 1 :] if colon >= 0 else body):
        targets[int(t.group("y"))] = t.group("v")
        units.add(t.group("u") or "")
    unit = "%" if units == {"%"} else None
    return Indicator(name=name.rstrip(" .:"), unit=unit, targets=targets, span=span)


def parse(lines: list[str], start: int, end: int, ctx: Any = None) -> Any:
    """Read the table in ``start``–``end`` (0-based, end exclusive) into a ``LayoutResult``."""
    from . import LayoutResult  # the framework's result type; imported late to avoid a cycle

    raw = ctx.raw_lines if ctx is not None and getattr(ctx, "raw_lines", None) else lines
    out = LayoutResult()
    # The region the framework gives starts after the plan heading; a stamp or heading text is skipped.
    cells = read_cells(raw, start, end)
    if not cells:
        out.warnings.append(
            Warning_(
                "no TAB-marked cells: the raw lines are needed to read this table",
                Span(start + 1, max(start + 1, end)),
                "plan-layout",
            )
        )
        return out
    read_rows(_rows(cells), start, end, ctx, out)
    return out


def read_rows(rows: list[list[Cell]], start: int, end: int, ctx: Any, out: Any) -> None:
    """Read rows of cells — the header row (the first with four column roles), then measures and
    one-cell heading rows — into ``out`` (a ``LayoutResult``). Shared by the layouts whose cells are
    marked otherwise (:mod:`.layout_cell_lines`)."""
    from .amounts import find_amounts, is_no_funding
    from .deadlines import parse_deadline

    period = getattr(ctx, "period", None)
    abbreviations = getattr(ctx, "abbreviations", None) or {}
    roles: list[str | None] = []
    unit: str | None = None
    k = 0
    while k < len(rows):
        r = _header_roles(rows[k])
        if sum(1 for x in r if x) >= 4:
            roles = r
            header_text = " ".join(c.text() for c in rows[k])
            u = re.search(r"(мың|млн\.?|млрд\.?|тыс\.?)\s*(теңге|тенге)", header_text, re.IGNORECASE)
            unit = u.group(0) if u else None
            k += 1
            break
        k += 1
    if not roles:
        out.warnings.append(
            Warning_(
                "table without a recognisable header row",
                Span(start + 1, max(start + 1, end)),
                "plan-layout",
            )
        )
        return
    section: str | None = None
    for row in rows[k:]:
        texts = [c.text() for c in row]
        if all(_ONE_OR_TWO_DIGITS.fullmatch(t) for t in texts) and len(row) == len(roles):
            continue  # the row of column numbers
        first = texts[0] if texts else ""
        if len(row) == 1:
            vals = row[0].values(paragraphs=True)
            if not vals:
                continue
            head, head_span = vals[0]
            m = _DIRECTION.match(head)
            if m and not _NUMBER.match(head):
                key = m.group("n") or m.group("n2") or m.group("n3")
                out.sections.append(Section(key=key, title=m.group("title").strip(), span=head_span))
                section = key
                for text, sp in vals[1:]:
                    if _INDICATOR.match(text):
                        ind = parse_indicator(text, sp)
                        out.indicators.append(ind)
                continue
            out.warnings.append(
                Warning_(f"one-cell row not read as a heading: {head[:60]!r}", row[0].span(), "plan-row")
            )
            continue
        num = _ROW_NUMBER.match(first)
        if not num:
            out.warnings.append(
                Warning_(
                    f"table row without a row number ({len(row)} cells)",
                    Span(row[0].span().start, row[-1].span().end),
                    "plan-row",
                )
            )
            continue
        if len(row) == 2 and len(roles) >= 4 and _TASK_HEADING.match(texts[1]):
            # "1\tЗадача 1. …": a task or direction spanning the row, its measures numbered 1.1, 1.2 …
            key = num.group(1)
            out.sections.append(Section(key=key, title=texts[1], span=row[1].span()))
            section = key
            continue
        out.rows_seen += 1
        span = Span(row[0].span().start, max(c.span().end for c in row))
        if len(row) != len(roles):
            out.warnings.append(
                Warning_(
                    f"row {num.group(1)} has {len(row)} cells where the header has {len(roles)}",
                    span,
                    "plan-row",
                )
            )
        by_role: dict[str, Cell] = {}
        for role, cell in zip(roles, row):
            if role and role not in by_role:
                by_role[role] = cell
        name_cell = by_role.get("name")
        name = " ".join(v for v, _ in name_cell.values()) if name_cell else ""
        if not name:
            out.warnings.append(Warning_(f"row {num.group(1)} has no measure name", span, "plan-row"))
            continue
        m_ = Measure(number=num.group(1), name=name, section=section, span=span)
        if "form" in by_role and by_role["form"].text():
            m_.form = by_role["form"].text()
        if "executors" in by_role:
            m_.executors = _executors(by_role["executors"], abbreviations)
        if "deadline" in by_role and by_role["deadline"].text():
            m_.deadline = parse_deadline(by_role["deadline"].text(), period)
        vol = by_role["volume"].text() if "volume" in by_role else ""
        src = by_role["source"].text() if "source" in by_role else ""
        if src and src.strip(" -–—") and src.strip() != "-":
            m_.funding_source = src
        if vol:
            m_.cost_raw = vol
            found = [] if is_no_funding(vol) else find_amounts(vol, default_unit=unit)
            for a in found:
                m_.amounts.append(
                    Amount(
                        value=a.value,
                        unit=a.unit or unit or "",
                        year=a.year,
                        raw=a.raw,
                        span=by_role["volume"].span(),
                        source=m_.funding_source,
                    )
                )
            m_.funding_required = True if found else funding_required(vol)
        for what, missing in (("executor", not m_.executors), ("deadline", m_.deadline is None)):
            if missing:
                out.warnings.append(Warning_(f"row {m_.number}: no {what} cell", span, "plan-missing-cell"))
        if "indicator" in by_role and by_role["indicator"].text():
            m_.notes.append(f"target indicator: {by_role['indicator'].text()}")
            ic = by_role["indicator"]
            content = [(i + 1, s) for i, s in ic.lines if s.strip(" \t" + _NBSP)]
            out.indicators.extend(indicators_from_cell(content, m_.number))
        out.measures.append(m_)


def _executors(cell: Cell, abbreviations: dict[str, str]) -> list[Executor]:
    """Comma-separated executors; ``(келісу бойынша)`` / ``(по согласованию)`` sets ``by_agreement``."""
    text = cell.text().replace("; ", ", ")
    out = []
    for item in merge_genitive_tails(split_list(text)):
        by = bool(BY_AGREEMENT_RE.search(item))
        name = _SPACES.sub(" ", BY_AGREEMENT_RE.sub(" ", item)).strip(" ,")
        if name:
            out.append(Executor(raw=name, by_agreement=by, span=cell.span()))
    return out
