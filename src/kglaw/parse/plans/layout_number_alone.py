"""Layout: the row number stands alone on its line; cells follow one after another, costs by year.

The table is flattened cell by cell in column order — No. | measure | form of completion | executors |
deadline | cost (``2006ж - 70,5`` lines or a phrase such as ``Шығындарды қажет етпейді``) — each cell
wrapped over several lines and usually, not always, followed by a blank line. Section headings stand
between the last cell of a row and the next number. Research: seeds/000.md §5.1.

Rules (general, none tied to one file):

- a row starts at a line holding only the next row number (``1``, ``2`` …, in sequence);
- the measure name is the first block after the number (or the rest of the number's block);
- the form is a known form word at the start of the next line (``Ақпарат``, ``Мәлімет``,
  ``Информация`` …), peeled off when the executor shares its line; else the whole next block;
- the deadline starts at the first line that opens with a year, a span or a periodic word
  (``2006-2008``, ``2 0 0 5`` → ``2005``, ``Тұрақты``, ``Жарты жылдықтар бойынша``), also at the tail of an
  executor line (``ОЖҚҮ ж әБД 2006-2008``); it runs to the cost cell, across blank lines;
- the cost cell starts at a ``YEAR - amount`` line or a cost phrase and ends at its block;
- a page break (three blank lines) inside a row pushes the rest of each cut cell after the row's last
  cell, in column order: such a block continues the cell with an open bracket, else the cost/deadline
  it looks like, else the executors when it reads as agency names, else the measure name;
- a block after the cost cell that is not after a page break is the next section's heading;
- a row missing its cost cell simply has none (its following block is still a heading).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kglaw.model import Amount, Measure, Section, Warning_
from kglaw.parse.plans import LayoutContext, LayoutResult
from kglaw.parse.plans.amounts import find_amounts, find_unit, is_no_funding
from kglaw.parse.plans.common import (
    ABBR_ENTRY_RE,
    AGREEMENT_RE,
    HEAD_NOUN_RE,
    Block,
    join_cell,
    open_brackets,
    row_number,
    span_of,
    split_blocks,
    split_executors,
)
from kglaw.parse.plans.deadlines import parse_deadline

__all__ = ["detect", "parse"]

_Y = r"(?:19|20)\d{2}"
_COST_START = re.compile(
    rf"^(?:{_Y}\s*(?:ж\.?|жыл[а-яәіңғүұқөһ]*|г\.?|год[а-я]*)?\s*[-–—:]\s*(?!{_Y}(?:\s|$|\s*жыл))\d"
    r"|Шығын|Бюджетте\b|Бюджет\s+қаражаты|Жобалық\b|Қаржыландыру\s+талап|талап\s+етілмейді|Талап\s+етілмейді"
    r"|Не\s+требует|В\s+пределах|В\s+рамках|Көзделген\s+қаражат|Штаттық\s)",
    re.I,
)
_DEADLINE_START = re.compile(
    rf"^(?:{_Y}(?:\s*[-–—]\s*{_Y})?(?:\s*(?:жыл[а-яәіңғүұқөһ]*|ж\.|год[а-я]*|г\.))?(?:\s|$)"
    r"|Тұрақты|Үнемі|Жыл\s+сайын|Жыл\s*$|Жарты(?:\s|$)|Жылына|Постоянно|Ежегодно|Ежеквартально|Ежемесячно"
    r"|(?:I{1,3}|IV|[1-4])\s*-?\s*(?:тоқсан|квартал|жарты|полугоди)|До\s+\d|В\s+течение)",
    re.I,
)
_DEADLINE_TAIL = re.compile(
    rf"(?:^|[\s,])(?P<d>{_Y}(?:\s*[-–—]\s*{_Y})?(?:\s*(?:жыл[а-яәіңғүұқөһ]*|ж\.|год[а-я]*))?)\s*$"
)
_DEADLINE_CONT = re.compile(
    r"^(?:жыл[а-яәіңғүұқөһ]*|тоқсан[а-яәіңғүұқөһ]*|ай[ыі]?|бойынша|года?|квартал\w*)\b", re.I
)
_FORM_WORD = re.compile(
    r"^(?P<f>Ақпарат|Мәлімет|Есеп|Хабарлама|Ұсыныс(?:тар)?|Бұйрық|Информация|Отч[её]т|Сведения|Предложени[ея]|"
    r"Приказ)(?=\s|[,.;]|$)\s*[,.;]?\s*",
)
_HEADER_WORDS = re.compile(
    r"Р/с|№|орындаушы|мерзімі|нысаны|шығындар|теңге|тенге|Іс-шара|Мероприяти|исполнител|Срок|Форма\s+завершения",
    re.I,
)
_OTHER_COLUMNS = re.compile(r"Қаржыландыру\s+көз|[Ии]сточник\w*\s+финансир|индикатор|Қаржыланд\s*$", re.I)
_YEAR_AMOUNT_LINE = re.compile(rf"^{_Y}\s*(?:ж\.?)?\s*[-–—]\s*\d")
_COST_PHRASE_LINE = re.compile(r"Шығынд?[а-яәі]*\s*$|Шығынды\s")
_GLUED_NUMBER = re.compile(r"^\d{1,3} [А-ЯӘІҢҒҮҰҚӨҺ]")


def _anchors(
    lines: list[str], start: int, end: int, indices: Iterable[int] | None = None
) -> list[tuple[int, int]]:
    """(index, number) of row-number lines in sequence 1, 2, 3 … (a gap of up to 2 rows is tolerated;
    numbering may start again at 1, as plans that number rows within each section do). ``indices``:
    the lines of the range to look at, when the caller knows the others hold no row number."""
    out: list[tuple[int, int]] = []
    expected = 1
    for i in range(start, end) if indices is None else indices:
        n = row_number(lines[i])
        if n is None:
            continue
        if (
            n == expected
            or (out and expected < n <= expected + 2)
            or (n == 1 and (not out or out[-1][1] >= 2))
        ):
            out.append((i, n))
            expected = n + 1
    return out


def detect(lines: list[str], start: int, end: int) -> float:
    """High when rows are numbered on lines of their own and costs are written ``YEAR - amount`` or
    as cost phrases; lowered when the header names columns this layout does not read (source,
    indicator), which other layouts handle."""
    # Every line this function counts begins, after its indent, with a digit (a row number, a year, a
    # glued number) or with "Ш" (a cost phrase): the others are passed over once.
    digit_or_sh = [i for i in range(start, end) if (c := lines[i].lstrip()[:1]) == "Ш" or c.isdecimal()]
    anchors = _anchors(lines, start, end, digit_or_sh)
    if len(anchors) < 2:
        return 0.0
    header = " ".join(lines[start : anchors[0][0]])
    year_lines = phrases = glued = 0
    for line in (lines[i] for i in digit_or_sh):
        # each pattern is tried only on a line that begins as all its matches do
        s = line.strip()
        if s.startswith(("19", "20")) and _YEAR_AMOUNT_LINE.match(s):
            year_lines += 1
        if s.startswith("Шығын") and _COST_PHRASE_LINE.match(s):
            phrases += 1
        # rows whose number is glued to the text are another layout's
        if line[:1].isdecimal() and _GLUED_NUMBER.match(line):
            glued += 1
    score = (
        0.5
        + min(0.3, 0.01 * len(anchors))
        + (0.15 if (year_lines + phrases) >= max(2, len(anchors) // 3) else 0.0)
    )
    if glued > len(anchors):
        score -= 0.4
    if _OTHER_COLUMNS.search(header):
        score = min(score, 0.45)
    return max(0.0, min(score, 0.95))


def _is_heading_block(block: Block) -> bool:
    text = block.text
    return bool(text) and len(text) < 160 and not _COST_START.match(text) and not _DEADLINE_START.match(text)


def _is_legend_block(block: Block) -> bool:
    m = ABBR_ENTRY_RE.match(block.texts[0])
    return m is not None and sum(1 for c in m.group("abbr") if c.isupper()) >= 2


def _agency_like(text: str) -> bool:
    t = AGREEMENT_RE.sub("", text)
    if AGREEMENT_RE.search(text) or HEAD_NOUN_RE.search(t.strip(" ,;")[-80:]):
        return True
    tokens = [w for w in re.split(r"[\s,;]+", t) if w]
    caps = [w for w in tokens if sum(1 for c in w if c.isupper()) >= 2]
    return bool(tokens) and len(caps) * 2 >= len(tokens)


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
    header_blocks = split_blocks(lines, start, anchors[0][0])
    unit = find_unit(" ".join(b.text for b in header_blocks))
    section: Section | None = None
    # A heading right before the first row (after the column headers).
    if header_blocks and not _HEADER_WORDS.search(header_blocks[-1].text):
        section = Section(
            key="1",
            title=header_blocks[-1].text,
            span=span_of(header_blocks[-1].first, header_blocks[-1].last),
        )
        result.sections.append(section)
    for k, (idx, num) in enumerate(anchors):
        row_end = anchors[k + 1][0] if k + 1 < len(anchors) else end
        result.rows_seen += 1
        measure, heading, warns = _parse_row(lines, idx, num, row_end, unit, ctx)
        result.warnings.extend(warns)
        if measure is not None:
            measure.section = section.key if section else None
            result.measures.append(measure)
        if heading is not None:
            section = Section(
                key=str(len(result.sections) + 1),
                title=heading.text,
                span=span_of(heading.first, heading.last),
            )
            result.sections.append(section)
    # Numbering that starts again in each section: "section.row" keeps the numbers unique.
    numbers = [int(m.number) for m in result.measures]
    if any(b <= a for a, b in zip(numbers, numbers[1:])):
        for m in result.measures:
            m.notes.append(f"row number as written: {m.number}")
            m.number = f"{m.section or '0'}.{m.number}"
    return result


def _parse_row(
    lines: list[str], idx: int, num: int, row_end: int, unit: str | None, ctx: LayoutContext
) -> tuple[Measure | None, Block | None, list[Warning_]]:
    warns: list[Warning_] = []
    # The name may follow the number with no blank line; either way it is the first block.
    blocks = split_blocks(lines, idx + 1, row_end)
    if not blocks:
        warns.append(Warning_(f"row {num}: no cells after the row number", span_of(idx, idx), "plan-row"))
        return None, None, warns
    # Pre-break part of the row (page 1) and the blocks after a page break (page 2).
    pre: list[Block] = []
    post: list[Block] = []
    for b in blocks:
        (post if (post or b.after_break) else pre).append(b)
    if not pre:
        pre, post = post[:1], post[1:]
    name_block, rest = pre[0], pre[1:]
    name_items = list(name_block.items)
    items = [(i, t, bi) for bi, b in enumerate(rest) for i, t in b.items]

    # Locate the cost cell: the first line that opens one; it ends with its block.
    cost_at = next((p for p, (_, t, _) in enumerate(items) if _COST_START.match(t)), None)
    trailing: list[Block] = []
    if cost_at is not None:
        cost_block = items[cost_at][2]
        cells = items[:cost_at]
        cost_items = [(i, t) for i, t, bi in items[cost_at:] if bi == cost_block]
        trailing = rest[cost_block + 1 :]
    else:
        cells = items
        cost_items = []
    # Locate the deadline.
    dl_at = next((p for p, (_, t, _) in enumerate(cells) if _DEADLINE_START.match(t)), None)
    form_exec = cells
    deadline_items: list[tuple[int, str]] = []
    if dl_at is None:
        # the deadline may close an executor line: "ОЖҚҮ ж әБД 2006-2008" / "Ақпарат ОЖҚҮ ж әБД, 2006 жыл"
        for p, (i, t, bi) in enumerate(cells):
            m = _DEADLINE_TAIL.search(t)
            if m and (p > 0 or _FORM_WORD.match(t)):
                head = t[: m.start("d")].rstrip(" ,")
                form_exec = cells[:p] + ([(i, head, bi)] if head else [])
                deadline_items = [(i, m.group("d"))] + [(j, s) for j, s, _ in cells[p + 1 :]]
                break
    else:
        form_exec = cells[:dl_at]
        deadline_items = [(i, t) for i, t, _ in cells[dl_at:]]
    if cost_at is None and deadline_items:
        # no cost cell: the deadline ends with its block (plus a lone "тоқсаны"-like tail block)
        last_block = next((bi for i, t, bi in cells if i == deadline_items[0][0]), None)
        if last_block is not None:
            keep = [deadline_items[0]] + [
                (i, t) for i, t, bi in cells if bi == last_block and i > deadline_items[0][0]
            ]
            nxt = last_block + 1
            while nxt < len(rest) and _DEADLINE_CONT.match(rest[nxt].texts[0]):
                keep.extend(rest[nxt].items)
                nxt += 1
            deadline_items = keep
            trailing = rest[nxt:]
    # Form and executors.
    form_items: list[tuple[int, str]] = []
    exec_items: list[tuple[int, str]] = []
    if form_exec:
        i0, t0, b0 = form_exec[0]
        m = _FORM_WORD.match(t0)
        if m:
            form_items = [(i0, m.group("f"))]
            tail = t0[m.end() :].strip()
            exec_items = ([(i0, tail)] if tail else []) + [(i, t) for i, t, _ in form_exec[1:]]
        else:
            form_items = [(i, t) for i, t, bi in form_exec if bi == b0]
            exec_items = [(i, t) for i, t, bi in form_exec if bi != b0]
    # Blocks after the cost (same page) are a section heading; after a page break, continuations.
    heading: Block | None = None
    # An abbreviation legend right after the last row is not a heading; the framework reads it.
    stray = [b for b in trailing if not _is_legend_block(b)]
    if stray:
        heading = stray[-1]
        for b in stray[:-1]:
            warns.append(
                Warning_(
                    f"row {num}: text between the cost cell and the next heading not read: {b.text[:60]!r}",
                    span_of(b.first, b.last),
                    "plan-row",
                )
            )
    cont_name: list[tuple[int, str]] = []
    for b in post:
        if (
            heading is None
            and b is post[-1]
            and len(post) > 1
            and _is_heading_block(b)
            and re.match(r"[А-ЯӘІҢҒҮҰҚӨҺ]", b.text)
            and not _agency_like(b.text)
        ):
            heading = b
            continue
        text = b.text
        if open_brackets(exec_items) > 0:
            exec_items.extend(b.items)
        elif open_brackets(name_items) > 0:
            cont_name.extend(b.items)
        elif _COST_START.match(text) or is_no_funding(text):
            cost_items.extend(b.items)
        elif _DEADLINE_START.match(text) and not deadline_items:
            deadline_items.extend(b.items)
        elif _agency_like(text) and not re.match(r"[а-яәіңғүұқөһ]", text) or re.match(r"бойынша\)", text):
            exec_items.extend(b.items)
        else:
            cont_name.extend(b.items)
    name_items.extend(cont_name)

    last_line = max(i for i, _ in name_items + form_items + exec_items + deadline_items + cost_items)
    name = join_cell([t for _, t in name_items])
    measure = Measure(number=str(num), name=name, span=span_of(idx, last_line))
    measure.form = join_cell([t for _, t in form_items]) or None
    measure.executors = split_executors(exec_items)
    if deadline_items:
        measure.deadline = parse_deadline(join_cell([t for _, t in deadline_items]), ctx.period)
    if cost_items:
        cost_text = join_cell([t for _, t in cost_items])
        measure.cost_raw = cost_text
        amounts = find_amounts(cost_text, default_unit=unit)
        for a in amounts:
            line = next((i for i, t in cost_items if a.raw.split()[0] in t), cost_items[0][0])
            measure.amounts.append(
                Amount(
                    value=a.value, unit=a.unit or unit or "", year=a.year, raw=a.raw, span=span_of(line, line)
                )
            )
        if amounts:
            measure.funding_required = True
        elif is_no_funding(cost_text):
            measure.funding_required = False
        else:
            measure.notes.append(f"cost: {cost_text}")
    # Missing cells are reported, not invented.
    span = measure.span
    if not (form_items or exec_items or deadline_items or cost_items):
        measure.incomplete = True  # only the name survives: the text cuts the row off
        warns.append(
            Warning_(f"row {num}: only the measure name is present; row incomplete", span, "plan-row")
        )
    if not name:
        warns.append(Warning_(f"row {num}: no measure name", span, "plan-row"))
        measure.incomplete = True
    if not measure.executors:
        warns.append(Warning_(f"row {num}: no executor cell", span, "plan-missing-cell"))
    if measure.deadline is None:
        warns.append(Warning_(f"row {num}: no deadline cell", span, "plan-missing-cell"))
    if not cost_items:
        warns.append(Warning_(f"row {num}: no cost cell", span, "plan-missing-cell"))
    return measure, heading, warns
