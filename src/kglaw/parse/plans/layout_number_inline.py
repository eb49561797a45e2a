"""Layout: the row number starts the first line of the measure text; amounts in one column per year.

The table is flattened cell by cell — measure | form of completion | executors | deadline | one amount
column per year named in the header (``2 0 0 3 (мың теңге)`` …) — each cell wrapped over several lines
and usually followed by a blank line. Research: seeds/001.md §5.2.

Rules (general, none tied to one file):

- a row starts at a line ``N Text…`` where N is the next row number and the text starts upper-case
  (``2003 жыл 3168,0``, ``1) …`` sub-items and column-number rows are not row starts);
- the year columns and the unit are read from the header above the first row;
- cells are told apart by content, not position, because an empty cell leaves no placeholder:
  a form ends in an act word (``бұйрығы``, ``шешімі`` …); executors contain an agency head noun;
  a deadline opens with a year, a span or ``Жыл сайын``; amounts are decimal numbers or a cost phrase;
- a deadline and an amount may share a line (``2003 жыл 3168,0``): the amount is the first year's;
- several amounts on one line fill the year columns: all of them when the counts match; when fewer,
  a leading space (an empty first cell) or the deadline's years right-align them, else they start at
  the first year;
- "no cost" phrases (``Шығындарды талап етпейді``) may repeat once per year column;
- after a page break, text following the amounts continues the first cell left unfinished (an open
  bracket, a trailing conjunction, executors without a head noun), else the measure name.
"""

from __future__ import annotations

import re

from kglaw.model import Amount, Measure, Warning_
from kglaw.parse.plans import LayoutContext, LayoutResult
from kglaw.parse.plans.amounts import find_unit, is_no_funding, parse_number
from kglaw.parse.plans.common import (
    HEAD_NOUN_RE,
    Block,
    join_cell,
    open_brackets,
    span_of,
    split_blocks,
    split_executors,
)
from kglaw.parse.plans.deadlines import parse_deadline

__all__ = ["detect", "parse"]

_Y = r"(?:19|20)\d{2}"
_ROW = re.compile(r"^\s*(?P<n>\d{1,3})\.?\s+(?P<rest>[А-ЯӘІҢҒҮҰҚӨҺA-Z\"«].*)$")
_NUM = r"\d{1,3}(?:[ \u00a0]\d{3})*[,.]\d+|\d+[,.]\d+"
_AMOUNTS_LINE = re.compile(rf"^\s*(?:{_NUM})(?:\s+(?:{_NUM}))*\s*$")
_DEADLINE_AMOUNT = re.compile(
    rf"^\s*(?P<d>{_Y}(?:\s*[-–—]\s*{_Y})?\s*(?:жыл[а-яәіңғүұқөһ]*|ж\.|год[а-я]*|г\.)?)\s+(?P<a>(?:{_NUM})(?:\s+(?:{_NUM}))*)\s*$"
)
_DEADLINE_START = re.compile(
    rf"^(?:{_Y}(?:\s*[-–—]\s*{_Y})?(?:\s|$)|Жыл(?:\s|$)|Тұрақты|Үнемі|Жарты(?:\s|$)|Постоянно|Ежегодно"
    r"|(?:I{1,3}|IV|[1-4])\s*-?\s*(?:тоқсан|квартал)|До\s+\d)",
    re.I,
)
_FORM_END = re.compile(
    r"(?:бұйры[ғқ]\w*|шешім\w*|қаулы\w*|өкім\w*|ақпарат|мәлімет|есеп|ұсыныс\w*|хат|приказ\w*|решени\w*|"
    r"постановлени\w*|распоряжени\w*|информаци\w*|отч[её]т|предложени\w*)\.?$",
    re.I,
)
# Russian forms lead with the act or document word ("Приказ управления образования", "Информация в МТСЗН").
_FORM_START = re.compile(
    r"^(?:Приказ|Решение|Постановление|Распоряжение|Информация|Отч[её]т|Предложени[ея]|Письмо|Справка|"
    r"Ведомственный\s+приказ|Совместный\s+приказ|Ақпарат|Мәлімет|Бұйрық|Шешім|Қаулы)\b",
)
_COST_PHRASE = re.compile(r"Шығын|Штаттық|кестеге\s+сәйкес|Бюджетте\b|талап|не\s+требу|в\s+пределах", re.I)
# A year column header: "2003", "2 0 0 3 (мың теңге)", "2004 ж.", "2005 год (тыс. тенге)".
_HEADER_YEAR = re.compile(rf"^\s*(?P<y>{_Y})\s*(?:ж\.?|жыл[а-яәіңғүұқөһ]*|г\.?|год[а-я]*)?\s*(?:\(.*)?$")
_AGENCY_WORD = re.compile(r"басқарма|бөлім|әкім|институт|департамент|министр|управлени|акимат", re.I)
_UNFINISHED_END = re.compile(r"(?:\bжәне|\bмен|\bи|,|-|\()\s*$")


def _anchors(lines: list[str], start: int, end: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    expected = 1
    for i in range(start, end):
        m = _ROW.match(lines[i])
        if not m:
            continue
        n = int(m.group("n"))
        if _YEAR_ONLY.match(m.group("n")):
            continue
        if n == expected or (out and expected < n <= expected + 2):
            out.append((i, n, m.group("rest")))
            expected = n + 1
    return out


_BARE_NUMBER = re.compile(r"\s*\d{1,3}\s*")
_YEAR_ONLY = re.compile(rf"{_Y}$")


def detect(lines: list[str], start: int, end: int) -> float:
    """High when rows open with ``N Text`` in sequence and amounts stand as bare decimals."""
    anchors = _anchors(lines, start, end)
    if len(anchors) < 2:
        return 0.0
    bare = sum(1 for i in range(start, end) if _BARE_NUMBER.fullmatch(lines[i]))
    amount_lines = sum(
        1 for i in range(start, end) if _AMOUNTS_LINE.match(lines[i]) or _DEADLINE_AMOUNT.match(lines[i])
    )
    score = 0.5 + min(0.3, 0.02 * len(anchors)) + (0.15 if amount_lines else 0.0)
    if bare > len(anchors):
        score -= 0.4
    return max(0.0, min(score, 0.95))


def _header(lines: list[str], start: int, end: int) -> tuple[list[int], str | None]:
    years: list[int] = []
    text = []
    for i in range(start, end):
        t = lines[i].strip()
        text.append(t)
        m = _HEADER_YEAR.match(t)
        if m and int(m.group("y")) not in years:
            years.append(int(m.group("y")))
    return years, find_unit(" ".join(text))


def parse(lines: list[str], start: int, end: int, ctx: LayoutContext) -> LayoutResult:
    result = LayoutResult()
    anchors = _anchors(lines, start, end)
    if not anchors:
        result.warnings.append(
            Warning_(
                "no numbered rows found in the action plan", span_of(start, max(start, end - 1)), "plan-row"
            )
        )
        return result
    years, unit = _header(lines, start, anchors[0][0])
    if not years and ctx.period:
        years = list(range(ctx.period[0], ctx.period[1] + 1))
    for k, (idx, num, rest) in enumerate(anchors):
        row_end = anchors[k + 1][0] if k + 1 < len(anchors) else end
        result.rows_seen += 1
        measure, warns = _parse_row(lines, idx, num, rest, row_end, years, unit, ctx)
        result.warnings.extend(warns)
        result.measures.append(measure)
    return result


def _classify(block: Block) -> str:
    text = block.text
    first = block.texts[0]
    if _DEADLINE_AMOUNT.match(first):
        return "deadline+amounts"
    if all(_AMOUNTS_LINE.match(t) for t in block.texts):
        return "amounts"
    if _COST_PHRASE.match(text) or is_no_funding(text):
        return "cost"
    if _DEADLINE_START.match(text):
        return "deadline"
    if len(text) < 80 and (_FORM_END.search(text) or _FORM_START.match(text)):
        return "form"
    if HEAD_NOUN_RE.search(text.rstrip(" ,;")[-80:]) or _AGENCY_WORD.search(text):
        return "executors"
    return "text"


def _parse_row(
    lines: list[str],
    idx: int,
    num: int,
    rest: str,
    row_end: int,
    years: list[int],
    unit: str | None,
    ctx: LayoutContext,
) -> tuple[Measure, list[Warning_]]:
    warns: list[Warning_] = []
    blocks = split_blocks(lines, idx, row_end)
    # The anchor line's block: the number is not part of the name.
    first = blocks[0]
    first.items[0] = (idx, rest.strip())
    name_items = list(first.items)
    form_items: list[tuple[int, str]] = []
    exec_items: list[tuple[int, str]] = []
    deadline_items: list[tuple[int, str]] = []
    cost_items: list[tuple[int, str]] = []
    amount_vals: list[tuple[int, str, str]] = []  # (line, value text, alignment hint)
    seen_amounts = False
    for b in blocks[1:]:
        kind = _classify(b)
        if seen_amounts and (b.after_break or kind in ("text", "executors", "form")):
            kind = "continuation"  # text after the amounts: pushed there by a page break
        if kind == "deadline+amounts":
            m = _DEADLINE_AMOUNT.match(b.texts[0])
            assert m is not None
            deadline_items.append((b.first, m.group("d")))
            amount_vals.append((b.first, m.group("a"), "left"))
            seen_amounts = True
        elif kind == "amounts":
            for i, t in b.items:
                raw_line = lines[i]
                hint = "right" if re.match(r"^[ \t\u00a0]+\S", raw_line) else "none"
                amount_vals.append((i, t, hint))
            seen_amounts = True
        elif kind == "cost":
            cost_items.extend(b.items)
            seen_amounts = True
        elif kind == "deadline" and not deadline_items:
            deadline_items.extend(b.items)
        elif kind == "form" and not form_items and not exec_items and not deadline_items:
            form_items.extend(b.items)
        elif kind == "executors" and not deadline_items:
            exec_items.extend(b.items)
        elif kind == "continuation":
            _continue(b, name_items, exec_items, form_items)
        elif not form_items and not exec_items and not deadline_items:
            name_items.extend(b.items)  # a wrapped name with a blank line inside
        elif kind == "deadline":
            deadline_items.extend(b.items)
        else:
            warns.append(
                Warning_(f"row {num}: cell not placed: {b.text[:60]!r}", span_of(b.first, b.last), "plan-row")
            )
    all_items = name_items + form_items + exec_items + deadline_items + cost_items
    last_line = max([i for i, _ in all_items] + [i for i, _, _ in amount_vals])
    measure = Measure(
        number=str(num), name=join_cell([t for _, t in name_items]), span=span_of(idx, last_line)
    )
    measure.form = join_cell([t for _, t in form_items]) or None
    measure.executors = split_executors(exec_items)
    if deadline_items:
        measure.deadline = parse_deadline(join_cell([t for _, t in deadline_items]), ctx.period)
    measure.amounts = _amounts(amount_vals, years, unit, measure, warns, num)
    cost_parts = [join_cell([t for _, t in cost_items])] if cost_items else []
    cost_parts += [t for _, t, _ in amount_vals]
    measure.cost_raw = "; ".join(p for p in cost_parts if p) or None
    if measure.amounts:
        measure.funding_required = True
    elif cost_items and is_no_funding(join_cell([t for _, t in cost_items])):
        measure.funding_required = False
    elif cost_items:
        measure.notes.append(f"cost: {join_cell([t for _, t in cost_items])}")
    span = measure.span
    if not (form_items or exec_items or deadline_items or cost_items or amount_vals):
        measure.incomplete = True  # only the name survives: the text cuts the row off
        warns.append(
            Warning_(f"row {num}: only the measure name is present; row incomplete", span, "plan-row")
        )
    if not measure.form:
        warns.append(Warning_(f"row {num}: no form-of-completion cell", span, "plan-missing-cell"))
    if not measure.executors:
        warns.append(Warning_(f"row {num}: no executor cell", span, "plan-missing-cell"))
    if measure.deadline is None:
        warns.append(Warning_(f"row {num}: no deadline cell", span, "plan-missing-cell"))
    if not amount_vals and not cost_items:
        warns.append(Warning_(f"row {num}: no cost cell", span, "plan-missing-cell"))
    if not measure.name:
        measure.incomplete = True
        warns.append(Warning_(f"row {num}: no measure name", span, "plan-row"))
    return measure, warns


def _unfinished(items: list[tuple[int, str]], agency: bool = False) -> bool:
    if not items:
        return False
    tail = items[-1][1].strip()  # only the end of the cell matters; no re-joining (linear per row)
    if open_brackets(items) > 0 or _UNFINISHED_END.search(tail):
        return True
    if agency:
        last = re.split(r"[,;]", tail)[-1].strip()
        return (
            bool(last) and not HEAD_NOUN_RE.search(last[-80:]) and not re.search(r"[А-ЯӘІҢҒҮҰҚӨҺ]{2,}", last)
        )
    return False


def _continue(b: Block, name_items: list, exec_items: list, form_items: list) -> None:
    """Text pushed after the row's last cell by a page break joins the first unfinished cell."""
    if _unfinished(name_items):
        name_items.extend(b.items)
    elif _unfinished(form_items):
        form_items.extend(b.items)
    elif _unfinished(exec_items, agency=True):
        exec_items.extend(b.items)
    elif HEAD_NOUN_RE.search(b.text.rstrip(" ,;")[-80:]):
        exec_items.extend(b.items)
    else:
        name_items.extend(b.items)


def _amounts(
    vals: list[tuple[int, str, str]],
    years: list[int],
    unit: str | None,
    measure: Measure,
    warns: list[Warning_],
    num: int,
) -> list[Amount]:
    """Place the amount tokens of a row into the year columns."""
    tokens: list[tuple[int, str, str]] = []
    for line, text, hint in vals:
        for k, tok in enumerate(re.findall(_NUM, text)):
            tokens.append((line, tok, hint if k == 0 else "none"))
    if not tokens:
        return []
    n = len(tokens)
    cols: list[int | None]
    if not years:
        cols = [None] * n
    elif n == len(years):
        cols = list(years)
    elif n > len(years):
        warns.append(
            Warning_(f"row {num}: {n} amounts for {len(years)} year columns", measure.span, "plan-amounts")
        )
        cols = list(years) + [None] * (n - len(years))
    else:
        dl_years = []
        if measure.deadline and measure.deadline.start and measure.deadline.end:
            dl_years = [y for y in years if measure.deadline.start.year <= y <= measure.deadline.end.year]
        if tokens[0][2] == "left":
            cols = list(years[:n])
        elif tokens[0][2] == "right":
            cols = list(years[-n:])
        elif len(dl_years) == n:
            cols = list(dl_years)
        else:
            cols = list(years[:n])
    out = []
    for (line, tok, _), year in zip(tokens, cols):
        value = parse_number(tok)
        if value is None:
            continue
        out.append(Amount(value=value, unit=unit or "", year=year, raw=tok, span=span_of(line, line)))
    return out
