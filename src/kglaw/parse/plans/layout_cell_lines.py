"""Action-plan tables copied from a web page: a row per line with TAB-separated cells, or a cell per line.

Two flattenings of the same HTML table, both common in copies of adilet pages:

- **TAB rows**: the header, the row of column numbers and every row each on one line, cells separated by
  a TAB (``1.\\tРазработка …\\tприказ\\tМТСЗН, МИИР\\tдекабрь 2023 года\\tне требуется\\t-``). A line break
  inside a cell ends the line: the next line continues that cell, and its TABs start the row's next
  cells. A line that holds no TAB after a complete row and reads as a heading (``Раздел 2. …``,
  ``2-бағыт. …``) is a one-cell heading row.
- **Cell lines**: the header words each alone on a line (four or more column roles in a run), then the
  column numbers, then each row as its number alone on a line (``1.``, in sequence) followed by one line
  per cell, with no blank line inside the table. A cost cell by year may take a line per year; those
  lines are one cell. A row whose lines do not then match the header's cells one for one keeps only its
  name (the first line) and is reported: cells are never assigned by a guess.

Both are read into the cells of :mod:`.layout_tab_cells` and its row reader, so the columns are read by
the header's roles (:func:`kglaw.parse.plans.columns.column_role`), never by position alone.
"""

from __future__ import annotations

import re
from typing import Any

from kglaw.model import Span, Warning_

from .columns import column_role, is_amount_cell
from .common import is_blank
from .layout_tab_cells import Cell, read_rows

__all__ = ["detect", "parse"]

_NUMBER = re.compile(r"^\s*(\d{1,3})\s*\.?\s*$")
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,2})\s*\.?\s*$")  # also "1.1." under a task
_COLNUM = re.compile(r"\d{1,2}")
_HEADING = re.compile(
    r"^\s*(?:\d{1,2}\s*-\s*(?:бағыт|бөлім|тарау|міндет)|(?:Направление|Раздел|Задача|Глава)\s+\d{1,2})\b",
    re.IGNORECASE,
)


def _roles(cells: list[str]) -> int:
    return sum(1 for c in cells if len(c.strip()) <= 80 and column_role(c) is not None)


def _tab_parts(line: str) -> list[str] | None:
    """The cells of a TAB row line (three or more), or None."""
    if "\t" not in line or line.startswith("\t"):
        return None
    parts = [p.strip() for p in line.split("\t")]
    return parts if len(parts) >= 3 else None


def _cell(i: int, text: str) -> Cell:
    c = Cell(i)
    c.lines.append((i, text))
    return c


# ------------------------------------------------------------------------------------------- TAB rows


def _tab_header(lines: list[str], start: int, end: int) -> int | None:
    for i in range(start, min(end, start + 40)):
        parts = _tab_parts(lines[i])
        if parts and _roles(parts) >= 4:
            return i
    return None


def _tab_rows(lines: list[str], head: int, end: int) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    width = len(_tab_parts(lines[head]) or [])
    for i in range(head, end):
        line = lines[i]
        if is_blank(line):
            continue
        parts = _tab_parts(line) if "\t" in line else None
        if parts is None and "\t" in line:
            parts = [p.strip() for p in line.split("\t")]  # one or two cells: a continuation
        if parts is not None and (
            not rows or _ROW_NUMBER.match(parts[0]) or all(_COLNUM.fullmatch(p) for p in parts if p)
        ):
            rows.append([_cell(i, p) for p in parts])
            continue
        text = line.strip()
        if parts is None and (not rows or len(rows[-1]) >= width) and _HEADING.match(text):
            rows.append([_cell(i, text)])  # a heading row between the measures
            continue
        if not rows:
            continue
        pieces = parts if parts is not None else [text]
        rows[-1][-1].lines.append((i, pieces[0]))  # the cell the line break cut
        rows[-1].extend(_cell(i, p) for p in pieces[1:])
    return rows


# ----------------------------------------------------------------------------------------- cell lines


def _line_header(lines: list[str], start: int, end: int) -> tuple[int, int] | None:
    """(first, last + 1) of the run of header lines, each a column role alone on its line."""
    i = start
    while i < min(end, start + 40):
        k = i
        while k < end and not is_blank(lines[k]) and _roles([lines[k]]) == 1 and "\t" not in lines[k]:
            k += 1
        if k - i >= 4:
            return i, k
        i = k + 1
    return None


def _line_rows(
    lines: list[str], head: tuple[int, int], end: int, partial: set[str]
) -> tuple[list[list[Cell]], list[Warning_]]:
    """The header row and the measure rows; the numbers of rows read in part are added to ``partial``."""
    first, stop = head
    width = stop - first
    roles = [column_role(lines[i]) for i in range(first, stop)]
    rows: list[list[Cell]] = [[_cell(i, lines[i].strip()) for i in range(first, stop)]]
    warnings: list[Warning_] = []
    i = stop
    # the column numbers, "1" … "n", one per line
    if all(i + k < end and lines[i + k].strip() == str(k + 1) for k in range(width)):
        i += width
    starts: list[int] = []
    expected = 1
    for k in range(i, end):
        m = _NUMBER.match(lines[k])
        if m and int(m.group(1)) == expected:
            starts.append(k)
            expected += 1
    for n, s in enumerate(starts):
        e = starts[n + 1] if n + 1 < len(starts) else end
        body = [(k, lines[k].strip()) for k in range(s + 1, e) if not is_blank(lines[k])]
        cells: list[tuple[int, list[str]]] = []
        for k, text in body:
            if cells and is_amount_cell(text) and all(is_amount_cell(t) for t in cells[-1][1]):
                cells[-1][1].append(text)  # a cost by year, a line per year: one cell
            else:
                cells.append((k, [text]))
        row = [_cell(s, lines[s].strip())]
        if len(cells) == width - 1:
            for k, texts in cells:
                c = Cell(k)
                c.lines.extend((k + d, t) for d, t in enumerate(texts))
                row.append(c)
        elif cells:
            # the name alone, in the name's column (the others stay empty)
            at = next((x for x, r in enumerate(roles) if r == "name"), 1)
            row.extend(Cell(s) for _ in range(1, at))
            row.append(_cell(cells[0][0], cells[0][1][0]))
            partial.add(lines[s].strip().rstrip(".").strip())
            warnings.append(
                Warning_(
                    f"row {len(rows)}: {len(cells)} cell lines where the header has {width - 1}; only the name is read",
                    Span(s + 1, max(s + 1, e)),
                    "plan-row",
                )
            )
        rows.append(row)
    return rows, warnings


# ------------------------------------------------------------------------------------------ the layout


def detect(lines: list[str], start: int = 0, end: int | None = None) -> float:
    """0.9 for a header of TAB cells and two numbered TAB rows; 0.8 for a run of header lines and two
    numbered rows with no blank line inside the table (a table whose cells are separated by blank or
    TAB-only lines belongs to another layout)."""
    end = len(lines) if end is None else min(end, len(lines))
    head = _tab_header(lines, start, end)
    if head is not None:
        numbered = 0
        for i in range(head + 1, end):
            parts = _tab_parts(lines[i])
            if parts and _ROW_NUMBER.match(parts[0]):
                numbered += 1
        return 0.9 if numbered >= 2 else 0.0
    run = _line_header(lines, start, end)
    if run is None:
        return 0.0
    body = range(run[1], end)
    numbers = [i for i in body if _NUMBER.match(lines[i])]
    if len(numbers) < 2:
        return 0.0
    if any(is_blank(lines[i]) or lines[i].startswith("\t") for i in range(run[0], numbers[-1])):
        return 0.0
    return 0.8


def parse(lines: list[str], start: int, end: int, ctx: Any = None) -> Any:
    """Read the table in ``start``–``end`` (0-based, end exclusive) into a ``LayoutResult``."""
    from . import LayoutResult  # the framework's result type; imported late to avoid a cycle

    out = LayoutResult()
    partial: set[str] = set()
    head = _tab_header(lines, start, end)
    if head is not None:
        rows = _tab_rows(lines, head, end)
    else:
        run = _line_header(lines, start, end)
        if run is None:
            out.warnings.append(
                Warning_(
                    "table without a recognisable header row",
                    Span(start + 1, max(start + 1, end)),
                    "plan-layout",
                )
            )
            return out
        rows, warnings = _line_rows(lines, run, end, partial)
        out.warnings.extend(warnings)
    read_rows(rows, start, end, ctx, out)
    for m in out.measures:
        m.incomplete = m.incomplete or m.number in partial
    return out
