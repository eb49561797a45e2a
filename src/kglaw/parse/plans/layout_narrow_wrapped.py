"""Action-plan tables flattened cell by cell, each cell hard-wrapped to a narrow column.

The shape (research notes, seed 002 §3.3): the PDF table was read cell by cell, left to right. Each cell's
text is wrapped to its column width (7–10 characters a line) and words are split without hyphens; a
trailing space ends a word. Cells are separated by a blank line, but several short cells can share a
line (``ЖАО 2020 жыл талап етілмейді``). A header of word fragments ends with a line of column numbers
(``1 2 3 4 5 6 7 8``); section headings are full-width lines (``2. Білім берудің қолжетімділігі``).

General rules this module encodes, none tied to a file:

- **Row anchor.** Every complete row has exactly one estimated-expenditure cell in words
  (``талап етілмейді`` / ``көзделген қаражат шегінде``; ru ``не требуется`` / ``в пределах …``). A row
  without it at the end of the text is a row the text cuts off (``Measure.incomplete``).
- **Row start.** After a row's anchor, a new row starts at its number alone on a line, at a number glued
  to text (``48 н і ң``), or at text that starts with a capital or a quote and is not an executor list,
  a budget programme or a target value; a line that starts with a space and a capital, right after the
  last cell, starts a row glued to the previous one.
- **Page breaks** (three blank lines). After a break each cell's continuation follows in column order, so
  the column pointer restarts: the first text continues the name, the second the form.
- **Cells told apart by their words.** Executor lists, deadlines, the anchor, budget programmes and
  target values are recognised by content (:mod:`.columns`); the remaining text is, in order, the name and
  the form. A line that starts with a space and a lower-case letter continues the text cell it
  interrupted (a displaced case suffix ``бұйрығы`` ⏎ `` н а``, or interleaved columns).
- **Numbers.** Rows are numbered continuously; a row whose number the text lost gets the next number and a
  note saying so.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from kglaw.model import Amount, Executor, Indicator, Measure, Section, Span, Warning_

from .amounts import find_amounts
from .columns import (
    BY_AGREEMENT_RE,
    COST_RE,
    INDICATOR_VALUE_RE,
    SOURCE_RE,
    funding_required,
    is_amount_cell,
    is_executor_item,
    is_executor_list,
    match_deadline,
    split_list,
)
from .deadlines import parse_deadline
from .indicators import indicators_from_cell

__all__ = ["NarrowTable", "collapse_spaced", "detect", "join_cell_lines", "parse", "read_table"]

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z"
_LO = "а-яёәғқңөұүһіa-z"
_COLNUMS = re.compile(r"^\s*1(?: +\d{1,2}){4,}\s*$")
_HEADING = re.compile(
    rf"^\s?(?:(?P<n>\d{{1,2}})(?:\s*-\s*(?:тарау|бөлім|бағыт))?\.|(?:Раздел|Глава|Направление|Бағыт)\s+"
    rf"(?P<n2>\d{{1,2}})\.?)\s+(?P<title>[{_UP}\"«].*)$"
)
_NUM = re.compile(r"^\s*(\d{1,3})\.?\s*$")
_NUM_GLUED = re.compile(rf"^\s*(\d{{1,3}})\s+(?=[{_LO}{_UP}])")
_LEGEND = re.compile(r"аббревиатура|қысқартул|сокращени", re.IGNORECASE)
_SPACED_CHUNK = re.compile(r"^(?:\S )+\S$")
_SPACED_RUN = re.compile(r"(?<!\S)\S(?: \S){2,}(?!\S)")
TEXT_ROLES = ("name", "form")
#: Words after which an abbreviation is an object of the phrase, not an executor cell of its own.
_GOVERNING = {"в", "во", "на", "для", "к", "ко", "от", "из", "и", "или", "через", "және", "мен", "немесе"}


_GAPS = re.compile(r" {2,}")
_WHITESPACE = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:)])")
_SPACE_AFTER_BRACKET = re.compile(r"\(\s+")


# Pure, and the table reader joins the same lines again and again (every tail of a piece is tried as
# the cost cell): each line is collapsed once.
@functools.lru_cache(maxsize=16384)
def collapse_spaced(line: str) -> str:
    """Undo letter-spacing in one narrow-cell line, keeping one trailing space when the line had one.

    >>> collapse_spaced("ы ң  "), collapse_spaced("І І М ,  "), collapse_spaced("2 0 0 9  "), collapse_spaced("5 0  %  ")
    ('ың ', 'ІІМ, ', '2009 ', '50 % ')
    >>> collapse_spaced("ы ерте "), collapse_spaced(" н а")
    ('ы ерте ', 'на')
    """
    body = line.strip(" \u00a0")
    trail = " " if line.rstrip(" \u00a0") != line.rstrip("\n") and line.endswith((" ", "\u00a0")) else ""
    chunks = _GAPS.split(body)
    out = []
    for c in chunks:
        if _SPACED_CHUNK.match(c) and len(c) >= 3:
            c = c.replace(" ", "")
        else:
            c = _SPACED_RUN.sub(lambda m: m.group(0).replace(" ", ""), c)
        out.append(c)
    return " ".join(out) + trail


def join_cell_lines(lines: list[str], vocabulary: set[str] | None = None) -> str:
    """Join the wrapped lines of one cell: a trailing space ends a word, its absence glues the next line.

    A full-width word has no trailing space either (``бойынша`` ⏎ ``өзгерісте`` ⏎ ``р ``). With a
    ``vocabulary`` (the words the same document writes whole, :func:`document_vocabulary`), such a
    boundary becomes a space when both sides are words of the document and their concatenation is not.

    >>> join_cell_lines(["Қазақста", "н ", "Республи", "касының ", "Заңы"])
    'Қазақстан Республикасының Заңы'
    >>> join_cell_lines(["бойынша", "өзгерісте", "р мен "], {"бойынша", "өзгерістер", "мен"})
    'бойынша өзгерістер мен'
    """
    if not vocabulary:  # without one, a pure function of the lines: cached (see collapse_spaced)
        return _join_plain(tuple(lines))
    return _join(lines, vocabulary)


@functools.lru_cache(maxsize=16384)
def _join_plain(lines: tuple[str, ...]) -> str:
    return _join(lines, None)


def _join(lines: list[str] | tuple[str, ...], vocabulary: set[str] | None) -> str:
    pieces: list[str] = []
    for raw in lines:
        if not raw.strip():
            continue
        piece = collapse_spaced(raw)
        if pieces and not pieces[-1].endswith(" ") and raw[:1] == " " and piece[:1].isupper():
            pieces[-1] += " "
        pieces.append(piece)
    out = ""
    for k, piece in enumerate(pieces):
        if out and not out.endswith(" ") and vocabulary and _separate(out, pieces[k:], vocabulary):
            out += " "
        out += piece
    text = _WHITESPACE.sub(" ", out).strip()
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _SPACE_AFTER_BRACKET.sub("(", text)
    return text


_WORD_EDGE = '"«»()[],.;:!?'


def _separate(before: str, rest: list[str], vocabulary: set[str]) -> bool:
    """At a boundary without a trailing space: do the two sides read as two words of the document?

    Punctuation that ends a word (``;``, ``,``, ``)``, a closing quote after a letter) or a list marker
    opening the next line (``3)``) is a boundary too."""
    if re.search(r"[;,:)]$|(?<=\w)[\"»]$", before) or re.match(
        r"\d{1,2}\)|[а-яә]\)", rest[0] if rest else ""
    ):
        return True
    left = before.split()[-1].strip(_WORD_EDGE).lower() if before.split() else ""
    right = ""
    for piece in rest[:4]:  # the right-hand word may itself wrap over several lines
        first = piece.split(" ", 1)[0] if piece.strip() else ""
        right += first
        if " " in piece.strip() or piece.endswith(" "):
            break
    right = right.strip(_WORD_EDGE).lower()
    if not left or not right or not left[-1:].isalpha() or not right[:1].isalpha():
        return False
    return left in vocabulary and right in vocabulary and (left + right) not in vocabulary


def document_vocabulary(lines: list[str]) -> set[str]:
    """Words the document writes whole: tokens with a space (or a line edge after a space) on each side."""
    vocab: set[str] = set()
    prev_ends_word = True
    for raw in lines:
        if not raw.strip():
            prev_ends_word = True
            continue
        line = collapse_spaced(raw.replace("\u00a0", " "))
        tokens = line.split()
        for k, tok in enumerate(tokens):
            first_ok = k > 0 or prev_ends_word or raw[:1] == " "
            last_ok = k < len(tokens) - 1 or line.endswith(" ") or len(line) > 40
            if first_ok and last_ok:
                word = tok.strip(_WORD_EDGE).lower()
                if len(word) >= 2 and word.isalpha():
                    vocab.add(word)
        prev_ends_word = line.endswith(" ") or len(line) > 40
    return vocab


@dataclass
class _Piece:
    lines: list[tuple[int, str]]
    page_break: bool = False
    kind: str = "text"  # text, heading, number, cost
    number: int | None = None
    block: int = 0  # pieces cut from one block of non-blank lines share this

    @property
    def text(self) -> str:
        return join_cell_lines([s for _, s in self.lines])

    @property
    def span(self) -> Span:
        return Span(self.lines[0][0], self.lines[-1][0])

    @property
    def lead_space(self) -> bool:
        first = self.lines[0][1]
        return first[:1] == " " and first[1:2] not in ("", " ")


@dataclass
class _Row:
    pieces: list[_Piece] = field(default_factory=list)
    number: int | None = None
    number_span: Span | None = None
    has_cost: bool = False
    section: str | None = None


@dataclass
class NarrowTable:
    """What :func:`parse` read: the measures, the sections, the counts and the warnings."""

    measures: list[Measure] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    rows_seen: int = 0
    rows_parsed: int = 0
    roles: list[str] = field(default_factory=list)
    header_unit: str | None = None
    title: str | None = None
    span: Span | None = None
    indicators: list[Indicator] = field(default_factory=list)  # the rows' target-indicator cells


# --------------------------------------------------------------------------------------------- detect


def _find_header(lines: list[str], start: int, end: int) -> tuple[int, int] | None:
    """(first header line, column-number line), 0-based, for the first narrow table in the range."""
    for i in range(start, min(end, len(lines))):
        if not _COLNUMS.match(lines[i]):
            continue
        nums = [int(x) for x in lines[i].split()]
        if nums != list(range(1, len(nums) + 1)):
            continue
        j = i - 1
        while j >= max(start, i - 80):
            cur = lines[j].strip()
            if cur and len(cur) > 20:
                break
            if not cur and not (j - 1 >= 0 and 0 < len(lines[j - 1].strip()) <= 20):
                break
            j -= 1
        first = j + 1
        header = " ".join(lines[k].strip() for k in range(first, i))
        roles = sum(1 for r in _roles_in(header))
        if roles >= 4:
            return first, i
    return None


def _roles_in(header: str) -> list[str]:
    """The column roles in header order, found by their words (header cells may share a line)."""
    words = re.sub(r"\s+", " ", header)
    found: list[tuple[int, str]] = []
    for role, rx in _ROLE_SCAN:
        m = rx.search(words)
        if m:
            found.append((m.start(), role))
    return [r for _, r in sorted(found)]


_ROLE_SCAN = [
    ("number", re.compile(r"Р\s*/\s*с|№\s*п\s*/\s*п|(?<!\w)№(?!\s*\d)")),
    ("name", re.compile(r"Іс-?\s*шара|іс-?\s*шаралардың\s+атауы|Наименование|Мероприяти", re.IGNORECASE)),
    ("form", re.compile(r"нысан|Форма", re.IGNORECASE)),
    ("executors", re.compile(r"орындаушы|[Ии]сполнител", re.IGNORECASE)),
    ("deadline", re.compile(r"мерзім|[Сс]рок", re.IGNORECASE)),
    ("volume", re.compile(r"шығыстар|көлем|[Рр]асход|[Оо]бъем", re.IGNORECASE)),
    ("source", re.compile(r"көз[іi]|[Ии]сточник", re.IGNORECASE)),
    ("indicator", re.compile(r"[Ии]ндикатор|көрсеткіш|[Пп]оказател", re.IGNORECASE)),
]


def detect(lines: list[str], start: int = 0, end: int | None = None) -> float:
    """Confidence that ``lines[start:end]`` holds a narrow-wrapped plan table.

    Evidence: a header with at least four column roles ending in a line of column numbers, followed by a
    body whose non-blank lines are mostly short (narrow cells) and that holds cost anchors.
    """
    end = len(lines) if end is None else end
    found = _find_header(lines, start, end)
    if not found:
        return 0.0
    body = [ln for ln in lines[found[1] + 1 : end] if ln.strip()]
    if len(body) < 20:
        return 0.2
    short = sum(1 for ln in body if len(ln.strip()) <= 12) / len(body)
    anchors = sum(1 for ln in body if COST_RE.search(collapse_spaced(ln)) or "етілмейді" in ln)
    if "\t" in "".join(body[:200]):
        return 0.1
    score = 0.4 + 0.4 * min(1.0, short / 0.6) + (0.2 if anchors >= 2 else 0.0)
    return round(min(score, 1.0), 2)


# --------------------------------------------------------------------------------------------- parse


def _pieces(lines: list[str], a: int, b: int) -> tuple[list[_Piece], int | None]:
    """Blocks of non-blank lines in ``lines[a:b]`` split into pieces; returns (pieces, legend line)."""
    pieces: list[_Piece] = []
    blanks = 0
    cur: _Piece | None = None
    legend = None
    for i in range(a, b):
        raw = lines[i]
        if raw == "":
            blanks += 1
            cur = None
            continue
        if not raw.strip():  # whitespace-only: a spacer inside a cell
            continue
        if _LEGEND.search(raw) and len(raw.strip()) > 15 and raw.strip().endswith(":"):
            legend = i
            break
        lineno = i + 1
        heading = _HEADING.match(raw)
        if heading and len(raw.strip()) >= 15:
            cur = _Piece([(lineno, raw)], page_break=blanks >= 3, kind="heading", block=len(pieces))
            pieces.append(cur)
            blanks = 0
            continue
        starts_cell = raw[:1] == " " and raw[1:2] not in ("", " ") and cur is not None
        if (
            cur is not None
            and cur.kind == "heading"
            and not starts_cell
            and raw[:1] != " "
            and raw.strip()[:1].islower()
        ):
            cur.lines.append((lineno, raw))  # a heading wrapped onto a second line
            continue
        if cur is None or starts_cell or cur.kind == "heading":
            block = len(pieces) if (cur is None or cur.kind == "heading") else cur.block
            cur = _Piece([(lineno, raw)], page_break=blanks >= 3, block=block)
            pieces.append(cur)
        elif len(cur.lines) == 1 and _NUM.match(cur.lines[0][1]) and not _NUM.match(raw):
            # a row number alone on the first line of a block: the number is its own piece
            cur = _Piece([(lineno, raw)], page_break=cur.page_break, block=cur.block)
            pieces.append(cur)
        else:
            cur.lines.append((lineno, raw))
        blanks = 0
    return pieces, legend


def _is_row_start(p: _Piece, expected: int) -> bool:
    text = p.text
    if not text:
        return False
    m = _NUM.match(text)
    if m:
        return int(m.group(1)) == expected
    m = _NUM_GLUED.match(text)
    if m and int(m.group(1)) == expected:
        return True
    if p.lead_space and text[:1].islower():
        return False
    first = text[:1]
    if not (first.isupper() or first in '"«'):
        return False
    return not (is_executor_list(text) or SOURCE_RE.search(text) or INDICATOR_VALUE_RE.match(text))


def parse(lines: list[str], start: int, end: int, ctx: Any = None) -> Any:
    """Read the table in ``start``–``end`` (0-based, end exclusive) into the framework's ``LayoutResult``.

    Reads ``ctx.raw_lines`` when given: trailing spaces there tell where a wrapped word ends.
    """
    from . import LayoutResult  # imported late: the package imports its layouts by name

    raw = ctx.raw_lines if ctx is not None and getattr(ctx, "raw_lines", None) else lines
    table = read_table(raw, start, end, getattr(ctx, "abbreviations", None), getattr(ctx, "period", None))
    return LayoutResult(
        measures=table.measures,
        sections=table.sections,
        rows_seen=table.rows_seen,
        warnings=table.warnings,
        indicators=table.indicators,
    )


def read_table(
    lines: list[str],
    start: int = 0,
    end: int | None = None,
    abbreviations: dict[str, str] | None = None,
    period: tuple[int, int] | None = None,
) -> NarrowTable:
    """Read the narrow-wrapped table in ``lines[start:end]`` (0-based, raw lines with trailing spaces)."""
    end = len(lines) if end is None else end
    out = NarrowTable()
    found = _find_header(lines, start, end)
    if not found:
        out.warnings.append(Warning_("no narrow plan table header found", code="plan-table"))
        return out
    hstart, colnums = found
    header = " ".join(lines[k].strip() for k in range(hstart, colnums))
    out.roles = _roles_in(header)
    unit = re.search(
        r"\((?:мың|млн|тыс\.?|млрд)[^)]*\)|мың\s*теңге|тыс\.\s*тенге|млн\.?\s*(?:теңге|тенге)", header
    )
    out.header_unit = unit.group(0).strip("()") if unit else None
    pieces, legend = _pieces(lines, colnums + 1, end)
    vocabulary = document_vocabulary(lines)
    money = "volume" in out.roles  # a cost column that may hold amounts, not only words
    last_line = legend if legend is not None else end
    out.span = Span(hstart + 1, max(hstart + 1, min(last_line, len(lines))))

    rows: list[_Row] = []
    section: str | None = None
    row: _Row | None = None
    expected = 1
    carry_break = False
    for p in pieces:
        if p.kind == "heading":
            m = _HEADING.match(p.lines[0][1])
            assert m is not None
            key = m.group("n") or m.group("n2")
            title = re.sub(r"\s+", " ", " ".join(s.strip() for _, s in p.lines))
            title = re.sub(
                r"^\s*\d{1,2}(?:\s*-\s*\w+)?\.\s*|^(?:Раздел|Глава|Направление|Бағыт)\s+\d+\.?\s*", "", title
            ).strip()
            out.sections.append(Section(key=key, title=title, span=p.span))
            section = key
            row = None
            continue
        text = p.text
        num = _NUM.match(text)
        glued = _NUM_GLUED.match(text)
        if row is not None and not row.has_cost:
            # The open row's own number, printed after a page break or after a sliver of its text.
            if row.number is None and (
                (num and int(num.group(1)) == expected - 1) or (glued and int(glued.group(1)) == expected - 1)
            ):
                _take_number(row, p, num, glued)
                if num:
                    carry_break = p.page_break  # the text after the number continues a new page
                    continue
            elif num and int(num.group(1)) == expected and len(row.pieces) > 0 and row.number is not None:
                out.warnings.append(
                    Warning_(
                        f"row {row.number} has no cost cell before row {expected} starts",
                        row_span(row),
                        "plan-row",
                    )
                )
                row = None
        if row is None or (row.has_cost and _is_row_start(p, expected)):
            prev = row
            row = _Row(section=section)
            if (
                prev is not None
                and prev.pieces
                and prev.pieces[-1].block == p.block
                and is_executor_list(prev.pieces[-1].text, abbreviations)
                and not COST_RE.search(prev.pieces[-1].text)
            ):
                # an executor cell printed before the measure text it belongs to ("ЖАО," ⏎ " Аутистік")
                row.pieces.append(prev.pieces.pop())
            rows.append(row)
            expected += 1
            if (num and int(num.group(1)) == expected - 1) or (glued and int(glued.group(1)) == expected - 1):
                _take_number(row, p, num, glued)
                if num:
                    continue
        if carry_break:
            p.page_break = True
            carry_break = False
        row.pieces.append(p)
        if COST_RE.search(text) or (money and is_amount_cell(text)):
            row.has_cost = True

    out.rows_seen = len(rows)
    counter = 0
    for r in rows:
        counter += 1
        if r.number is not None and r.number != counter:
            out.warnings.append(
                Warning_(f"row numbered {r.number} where {counter} was expected", row_span(r), "plan-row")
            )
            counter = r.number
        try:
            measure = _measure(r, counter, abbreviations, period, vocabulary, out.header_unit, out.indicators)
        except (ValueError, IndexError) as err:  # a row we cannot take apart: say so, keep going
            out.warnings.append(Warning_(f"unreadable plan row {counter}: {err}", row_span(r), "plan-row"))
            continue
        if r.has_cost:
            for what, missing in (
                ("executor", not measure.executors),
                ("deadline", measure.deadline is None),
            ):
                if missing:
                    out.warnings.append(
                        Warning_(f"row {counter}: no {what} cell", measure.span, "plan-missing-cell")
                    )
        if not r.has_cost:
            measure.incomplete = True
            measure.notes.append("the text cuts this row off")
            out.warnings.append(
                Warning_(f"row {counter} is cut off (no cost cell)", row_span(r), "plan-row-incomplete")
            )
        out.measures.append(measure)
        if not measure.incomplete:
            out.rows_parsed += 1
    return out


def _take_number(row: _Row, p: _Piece, num: re.Match[str] | None, glued: re.Match[str] | None) -> None:
    m = num or glued
    assert m is not None
    row.number = int(m.group(1))
    row.number_span = Span(p.lines[0][0], p.lines[0][0])
    if glued and not num:
        # "48 н і ң": strip the number from the first line, keep the text.
        first_no, first = p.lines[0]
        p.lines[0] = (first_no, re.sub(r"^\s*\d{1,3}\s+", "", first))


def row_span(r: _Row) -> Span | None:
    spans = [p.span for p in r.pieces]
    if r.number_span:
        spans.append(r.number_span)
    if not spans:
        return None
    return Span(min(s.start for s in spans), max(s.end for s in spans))


# ---------------------------------------------------------------------------------- cells of a row


@dataclass
class _Cells:
    parts: dict[str, list[tuple[int, str]]] = field(default_factory=dict)

    def add(self, role: str, lines: list[tuple[int, str]]) -> None:
        self.parts.setdefault(role, []).extend(lines)

    def text(self, role: str, vocabulary: set[str] | None = None) -> str:
        return join_cell_lines([s for _, s in self.parts.get(role, [])], vocabulary)

    def span(self, role: str) -> Span | None:
        ls = self.parts.get(role)
        return Span(min(n for n, _ in ls), max(n for n, _ in ls)) if ls else None


def _split_piece(
    p: _Piece, abbreviations: dict[str, str] | None
) -> list[tuple[str | None, list[tuple[int, str]]]]:
    """Cut a piece where cells share lines: … exec | deadline | cost. Returns (role or None, lines)."""
    lines = p.lines

    # Locate the cost anchor by line: the first line whose joined tail starts the cost phrase, i.e. the
    # last k whose tail lines[k:] holds a cost phrase. A tail's join is, but for whitespace, the end of
    # the join of any longer tail, and COST_RE is words separated by \s*: when lines[k+1:] holds a
    # phrase, lines[k:] does too. The tails that hold one are a prefix of k = 0, 1, …; its last k is
    # found by bisection (the same k the line-by-line scan finds).
    def has_cost(k: int) -> bool:
        return k < len(lines) and COST_RE.search(join_cell_lines([s for _, s in lines[k:]])) is not None

    if has_cost(0):
        lo, hi = 0, len(lines) - 1  # has_cost(lo); the answer is in lo..hi
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if has_cost(mid):
                lo = mid
            else:
                hi = mid - 1
        k = lo
        # lines[k] holds the start of the cost phrase (maybe after other cells on the same line)
        no, raw = lines[k]
        flat = collapse_spaced(raw)
        mm = COST_RE.search(flat) or re.search(r"талап|көзделген|не\s+треб|в\s+пределах", flat)
        cut = mm.start() if mm else 0
        before_line = flat[:cut]
        cost_lines = [(no, flat[cut:])] + lines[k + 1 :]
        head = lines[:k] + ([(no, before_line)] if before_line.strip() else [])
        parts = _split_head(head, abbreviations) if head else []
        return parts + [("cost", cost_lines)]
    return _split_head(lines, abbreviations)


def _split_head(
    lines: list[tuple[int, str]], abbreviations: dict[str, str] | None
) -> list[tuple[str | None, list[tuple[int, str]]]]:
    """Split a deadline off the end, then an executor list off the end of what remains."""
    text = join_cell_lines([s for _, s in lines])
    if not text:
        return []
    if match_deadline(text):
        return [("deadline", lines)]
    # A deadline at the tail of the last line(s): "ЖАО 2020 жыл", "ЖАО ж ы л " + "сайын"; longest first.
    for k in range(max(0, len(lines) - 4), len(lines)):
        no, raw = lines[k]
        flat = collapse_spaced(raw)
        for m in re.finditer(r"(?:(?:19|20)\d{2}|жыл|[Ее]жегод)", flat):
            tail = [(no, flat[m.start() :])] + lines[k + 1 :]
            if match_deadline(join_cell_lines([s for _, s in tail])):
                head = lines[:k] + ([(no, flat[: m.start()])] if flat[: m.start()].strip() else [])
                return _split_exec_tail(head, abbreviations) + [("deadline", tail)]
    return _split_exec_tail(lines, abbreviations)


def _split_exec_tail(
    lines: list[tuple[int, str]], abbreviations: dict[str, str] | None
) -> list[tuple[str | None, list[tuple[int, str]]]]:
    """``бұйрық Еңбекми``+``ні, ЖАО`` → form | executors; ``… бөлімдері ҰЭМ,`` → text | executors."""
    text = join_cell_lines([s for _, s in lines])
    if not text:
        return []
    if is_executor_list(text, abbreviations):
        return [("executors", lines)]
    # Cut at a line boundary or inside a line at a word boundary, keeping a lower-case head; longest tail.
    for k in range(max(0, len(lines) - 6), len(lines)):
        no, raw = lines[k]
        flat = collapse_spaced(raw)
        cuts = ([0] if k > 0 else []) + [m.start() for m in re.finditer(r"(?<=\s)\S", flat)]
        for c in cuts:
            head = lines[:k] + ([(no, flat[:c])] if flat[:c].strip() else [])
            head_txt = join_cell_lines([s for _, s in head]).strip()
            if not head_txt or not head_txt[-1:].isalpha() or not head_txt[-1:].islower():
                continue
            if head_txt.split()[-1].lower() in _GOVERNING:  # "информация в МТСЗН" is one form
                continue
            tail = [(no, flat[c:])] + lines[k + 1 :]
            tail_txt = join_cell_lines([s for _, s in tail])
            if is_executor_list(tail_txt, abbreviations):
                return [(None, head), ("executors", tail)]
    return [(None, lines)]


def _measure(
    r: _Row,
    number: int,
    abbreviations: dict[str, str] | None,
    period: tuple[int, int] | None = None,
    vocabulary: set[str] | None = None,
    unit: str | None = None,
    indicators: list[Indicator] | None = None,
) -> Measure:
    cells = _Cells()
    # Pass 1: recognise what can be recognised; free text waits for pass 2.
    items: list[tuple[int, str | None, list[tuple[int, str]]]] = []  # (segment, role, lines)
    seg = 0
    for i, p in enumerate(r.pieces):
        if p.page_break and i > 0:
            seg += 1
        for role, lines in _split_piece(p, abbreviations):
            text = join_cell_lines([s for _, s in lines])
            if not text:
                continue
            if role is None:
                role = _classify(text, abbreviations)
            if role is None and lines[0][1][:1] == " " and (text[:1].islower() or text[:1].isdigit()):
                role = "cont"  # a displaced suffix or the switch back from an interleaved column
            items.append((seg, role, lines))
    # Pass 2, per page segment: free text after the cost cell is a target indicator; of the free text
    # before it, the last piece is the form and the rest the name (a lone piece is the name).
    for s_no in range(seg + 1):
        seg_items = [(k, it) for k, it in enumerate(items) if it[0] == s_no]
        cost_at = next((k for k, it in seg_items if it[1] == "cost"), None)
        free = [k for k, it in seg_items if it[1] is None and (cost_at is None or k < cost_at)]
        for k, it in seg_items:
            if it[1] is None and cost_at is not None and k > cost_at:
                items[k] = (it[0], "indicator", it[2])
        for j, k in enumerate(free):
            role = "form" if (len(free) >= 2 and j == len(free) - 1) else "name"
            items[k] = (items[k][0], role, items[k][2])
    last_text = "name"
    for _, role, lines in items:
        if role == "cont":
            role = last_text
            # A displaced case suffix glued after the next word (``бұйрығы`` ⏎ `` қайта на``): the
            # suffix goes back to the word it left, the word follows.
            disp = re.match(rf"^ (\S{{2,}}) ([{_LO}]{{1,3}})$", lines[0][1])
            if disp:
                lines = [(lines[0][0], f"{disp.group(2)} {disp.group(1)} "), *lines[1:]]
        if role in TEXT_ROLES:
            last_text = role
        assert role is not None
        cells.add(role, lines)
    name = cells.text("name", vocabulary)
    if not name:
        raise ValueError("no measure name found")
    m = Measure(number=str(number), name=name, section=r.section)
    m.form = cells.text("form", vocabulary) or None
    execs = _join_executor_lines([t for _, t in cells.parts.get("executors", [])])
    ex_span = cells.span("executors")
    for item in split_list(execs):
        # "МСМ ЖАО": two abbreviations with the comma lost
        words = item.split()
        if (
            len(words) > 1
            and not BY_AGREEMENT_RE.search(item)
            and all(is_executor_item(w, abbreviations) for w in words)
            and all(w.isupper() for w in words)
        ):
            for w in words:
                m.executors.append(Executor(raw=w, span=ex_span))
            continue
        by = bool(BY_AGREEMENT_RE.search(item))
        raw = BY_AGREEMENT_RE.sub("", item).strip(" ,")
        m.executors.append(Executor(raw=raw, by_agreement=by, span=ex_span))
    deadline = re.sub(r"(\d)(?=[^\W\d_])", r"\1 ", cells.text("deadline"))  # "2023жылдар": a lost space
    if deadline:
        m.deadline = parse_deadline(deadline, period)
    cost = cells.text("cost")
    if cost:
        m.cost_raw = cost
        m.funding_required = funding_required(cost)
        if m.funding_required is not False:
            for a in find_amounts(cost, default_unit=unit):
                m.amounts.append(
                    Amount(
                        value=a.value,
                        unit=a.unit or unit or "",
                        year=a.year,
                        raw=a.raw,
                        span=cells.span("cost"),
                    )
                )
            if m.amounts:
                m.funding_required = True
    source = cells.text("source", vocabulary)
    if source:
        m.funding_source = source
    indicator = cells.text("indicator", vocabulary)
    if indicator:
        m.notes.append(f"target indicator: {_format_indicator(indicator)}")
        if indicators is not None:
            indicators.extend(
                indicators_from_cell(
                    cells.parts["indicator"],
                    m.number,
                    lambda ls: join_cell_lines([t for _, t in ls], vocabulary),
                )
            )
    spans = [p.span for p in r.pieces] + ([r.number_span] if r.number_span else [])
    m.span = Span(min(s.start for s in spans), max(s.end for s in spans))
    if r.number is None:
        m.notes.append("row number not printed; assigned by position")
        m.number_assigned = True
    return m


def _format_indicator(text: str) -> str:
    """``қамту үлесі:2019 – 88%2020 – 89%`` → ``қамту үлесі: 2019 – 88 %; 2020 – 89 %``."""
    values = list(INDICATOR_VALUE_RE.finditer(text))
    if not values:
        return text
    label = text[: values[0].start()].strip()
    parts = [
        f"{m.group('y')} – {m.group('v')}{' %' if '%' in m.group(0) or '%' in text else ''}" for m in values
    ]
    return (label + " " if label else "") + "; ".join(parts)


def _join_executor_lines(lines: list[str]) -> str:
    """Like :func:`join_cell_lines`, but a line that ends an abbreviation and a line that starts another
    (``МСМ`` ⏎ ``ЖАО``, the comma lost) are two executors; a one-letter tail (``ЦДИАӨ`` ⏎ ``М ,``) is not."""
    fixed: list[str] = []
    for raw in lines:
        piece = collapse_spaced(raw)
        if fixed and not fixed[-1].endswith(" "):
            so_far = join_cell_lines(fixed)
            last = re.search(r"[^\s,]+$", so_far)
            prev_tok = last.group(0) if last else ""
            head = re.match(r"[^\s,]+", piece.strip())
            tok = head.group(0) if head else ""
            prev_whole = re.fullmatch(rf"[{_UP}]{{2,}}", prev_tok) or re.fullmatch(
                rf"[{_UP}][{_LO}]*мин[іи]і?", prev_tok
            )
            if prev_whole and re.fullmatch(rf"[{_UP}]{{2,}}", tok):
                fixed[-1] += ","
                fixed[-1] += " "
        fixed.append(piece)
    return join_cell_lines(fixed)


def _classify(text: str, abbreviations: dict[str, str] | None) -> str | None:
    if COST_RE.search(text) or is_amount_cell(text):
        return "cost"
    if match_deadline(text):
        return "deadline"
    if SOURCE_RE.search(text):
        return "source"
    if INDICATOR_VALUE_RE.match(text) or re.fullmatch(r"%|\d+(?:[.,]\d+)?\s*%", text):
        return "indicator"
    if re.search(r"(?:үлес[іi]|доля|уров[её]нь)\s*:\s*$", text) or (
        INDICATOR_VALUE_RE.search(text) and "%" in text and len(text) < 200 and ":" in text
    ):
        return "indicator"
    if is_executor_list(text, abbreviations):
        return "executors"
    return None
