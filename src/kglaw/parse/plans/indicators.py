"""Target indicators with values by year → :class:`kglaw.model.Indicator`.

Two shapes, Kazakh and Russian alike:

- **an action plan's target-indicator column** (``Нысаналы индикатор`` / ``Целевой индикатор``): one
  cell per row, a label and the values by year, ``қамту үлесі: 2019 – 88 %, 2020 – 89 %`` /
  ``доля охвата: 2019 год – 88 %; 2020 год – 89 %`` (research notes, seed 002 §6; the cell wraps, the
  percent sign may sit on a line of its own). :func:`indicator_from_cell` reads it; the indicator belongs
  to its row (``Indicator.measure``), whose executors are the bodies responsible for it;
- **a table of target indicators** (``Нысаналы индикаторлар`` / ``Целевые индикаторы``) with a header
  row naming its columns — indicator name, unit, baseline, one column per year, responsible bodies — and
  one TAB-separated row per indicator (``1⇥Үлесі⇥%⇥85⇥88⇥90⇥ДСМ, ЖАО``).
  :func:`parse_indicator_table` reads it.

Values are kept as written (``11,7``): the text's number, never a computed one. A baseline is read only
where the text names it (``базалық мән``, ``базовое значение``, ``2018 жыл (база)``, a baseline column).
Every year's value keeps the lines it was read from (``Indicator.target_spans``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kglaw.model import Executor, Indicator, Span

from .columns import BY_AGREEMENT_RE, split_list

__all__ = [
    "INDICATOR_TABLE_HEADING_RE",
    "TARGET_RE",
    "indicator_from_cell",
    "indicators_from_cell",
    "passport_indicators",
    "passport_indicator",
    "parse_indicator_tables",
]

_Y = r"(?:19|20)\d{2}"
_NUM = r"\d+(?:[.,]\d+)?"
#: Words that bound a target (kept with the value, as written): "кемінде 50", "не менее 50".
_QUALIFIER = r"(?:кемінде|кем\s+дегенде|көп\s+емес|не\s+менее|не\s+более|не\s+ниже|не\s+выше)"
#: A unit written after a value.
_VALUE_UNIT = r"(?:%|пайыз|процент(?:ов|а)?|мың\s+адам|адам|бірлік|тыс\.\s*человек|человек|единиц[а-я]*|ед\.)"
#: One year's value: ``2019 – 88 %``, ``2022- 40``, ``2024 жылы – 75 %``, ``2020 год – 12,2 %``, ``2021 г.: 90``,
#: ``2023 ж. – кемінде 150 адам``.
TARGET_RE = re.compile(
    rf"(?<!\d)(?P<y>{_Y})\s*(?:жылы|жылға|жыл|ж\.|году|год|г\.)?\s*[–—:-]\s*(?P<q>{_QUALIFIER}\s+)?"
    rf"(?P<v>{_NUM})(?![\d.,]?\d)\s*(?P<u>{_VALUE_UNIT}(?![а-яәіңғүұқөһ]))?",
    re.IGNORECASE,
)
#: A baseline the text names: ``базалық мән – 85 %``, ``базовое значение (2018 год) – 85 %``,
#: ``2018 жыл (база) – 85 %``, ``2018 (факт) – 85``.
_BASELINE_RE = re.compile(
    rf"(?:(?:базалық\s+мән[іi]?|базовое\s+значение|исходное\s+значение|база)\s*(?:\(\s*(?P<y1>{_Y})[^)]*\))?"
    rf"|(?P<y2>{_Y})\s*(?:жыл[а-яәіңғүұқөһ]*|год[а-я]*|г\.)?\s*\(\s*(?:база|базалық|факт|исходн[а-я]*|отч[её]т[а-я]*)"
    rf"[^)]*\))\s*[–—:-]?\s*(?P<v>{_NUM})\s*(?P<u>%)?",
    re.IGNORECASE,
)
_UNIT_IN_NAME = re.compile(
    r"\s*[,(]\s*(?P<u>%|пайыз|процент(?:ов)?|адам|человек|бірлік|единиц|ед\.|мың\s+адам|тыс\.\s*человек)\s*\)?\s*$",
    re.I,
)


def _flat(s: str) -> str:
    """A cell line with letter-spacing undone (``2 0 2 2`` → ``2022``) and spaces collapsed."""
    s = s.replace("\u00a0", " ")
    s = re.sub(r"(?<!\S)\S(?: \S){2,}(?!\S)", lambda m: m.group(0).replace(" ", ""), s.strip())
    return re.sub(r"\s+", " ", s)


def _locate(lines: list[tuple[int, str]], pos: int, needle: str) -> int | None:
    """Index of the first line at or after ``pos`` whose text (spaces removed) holds ``needle``."""
    bare = needle.replace(" ", "")
    for k in range(pos, len(lines)):
        if bare in lines[k][1].replace(" ", "").replace("\u00a0", ""):
            return k
    return None


def _spans(lines: list[tuple[int, str]], found: list[tuple[int, str, str, str | None]]) -> dict[int, Span]:
    """The lines of each (year, value as written, number, unit) in the cell, in order: from the year's
    line to the number's, plus a following line that holds only the percent sign."""
    out: dict[int, Span] = {}
    pos = 0
    for year, _, number, unit in found:
        a = _locate(lines, pos, str(year))
        if a is None:
            continue
        b = _locate(lines, a, number)
        if b is None:
            b = a
        # the number is on the year's line after the year, or on a later line
        if b == a:
            after = lines[a][1].replace(" ", "").split(str(year), 1)[-1]
            if number not in after:
                nb = _locate(lines, a + 1, number)
                b = nb if nb is not None else a
        if unit == "%" and "%" not in lines[b][1] and b + 1 < len(lines) and lines[b + 1][1].strip() == "%":
            b += 1
        out[year] = Span(lines[a][0], lines[b][0])
        pos = b
    return out


def _unit(token: str | None) -> str | None:
    if not token:
        return None
    low = re.sub(r"\s+", " ", token.lower())
    return "%" if low == "%" or low.startswith(("пайыз", "процент")) else low


def indicator_from_cell(
    lines: list[tuple[int, str]], text: str, measure: str | None = None
) -> Indicator | None:
    """The target indicator of one action-plan cell: its label, unit, baseline and values by year.

    ``lines`` are the cell's (1-based line number, raw text) in order, ``text`` the cell as the layout
    joined it. A cell with values but no label gets the empty name; a cell with a label and no values
    (``теміржол көлігімен жол жүруге жеңілдік``) is an indicator with no targets.

    >>> ind = indicator_from_cell([(10, "қамту үлесі:"), (11, "2019 – 88"), (12, "%"), (13, "2020 – 89 %")],
    ...                           "қамту үлесі: 2019 – 88 % 2020 – 89 %", "2")
    >>> ind.name, ind.unit, ind.targets, [str(ind.target_spans[y]) for y in (2019, 2020)], ind.measure
    ('қамту үлесі', '%', {2019: '88', 2020: '89'}, ['11-12', '13'], '2')
    """
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return None
    # Values are read from the lines joined with a space: a value that fills the column has no trailing
    # space, and the joined cell would glue it to the next year ("2024 – 50" ⏎ "2026 – 70").
    spaced = " ".join(_flat(s) for _, s in lines) if lines else text
    baseline = None
    bm = _BASELINE_RE.search(spaced)
    if bm:
        baseline = bm.group("v") + (" %" if bm.group("u") else "")
        year = bm.group("y1") or bm.group("y2")
        if year:
            baseline += f" ({year})"
    found: list[tuple[int, str, str, str | None]] = []  # year, value as written, number, unit
    for m in TARGET_RE.finditer(spaced):
        if bm and bm.start() <= m.start() < bm.end():
            continue
        q = re.sub(r"\s+", " ", m.group("q") or "")
        found.append((int(m.group("y")), q + m.group("v"), m.group("v"), _unit(m.group("u"))))
    # the label: the joined cell up to its first value or baseline
    cuts = [m.start() for m in (TARGET_RE.search(text), _BASELINE_RE.search(text)) if m]
    name = text[: min(cuts)] if cuts else text
    name = re.sub(r"(?:^|\s)(?:в|во|на|к)$", "", name.strip()).strip(" :;,.–—-")  # "… в 2023 году"
    unit = None
    um = _UNIT_IN_NAME.search(name)
    if um:
        word = um.group("u").lower()
        unit = "%" if word == "%" or word.startswith(("пайыз", "процент")) else um.group("u")
        name = name[: um.start()].strip(" :;,.")
    if found and unit is None:
        # the same unit after every value ("88 %", "150 адам"); values without one state no unit
        units = {u for _, _, _, u in found}
        if len(units) == 1 and None not in units:
            unit = units.pop()
    if not name and not found:
        return None
    cell_span = Span(min(n for n, _ in lines), max(n for n, _ in lines)) if lines else None
    targets: dict[int, str] = {}
    for year, value, _, _ in found:
        targets.setdefault(year, value)
    ind = Indicator(name=name, unit=unit, baseline=baseline, targets=targets, span=cell_span, measure=measure)
    ind.target_spans = {y: s for y, s in _spans(lines, found).items() if y in targets}
    if baseline is not None and bm is not None and lines:
        k = _locate(lines, 0, bm.group("v"))
        ind.baseline_span = Span(lines[k][0], lines[k][0]) if k is not None else cell_span
    return ind


_MARKER = re.compile(r"^\s*(?:\d{1,2}\s*[.)](?!\d)|[-–—•])\s*")
_NOT_A_LABEL = re.compile(
    rf"^(?:{_Y}|\d|%|жыл|году|год|г\.|ж\.|{_QUALIFIER}|{_VALUE_UNIT}(?![а-яәіңғүұқөһ]))", re.IGNORECASE
)


def _ends_with_value(spaced: str) -> bool:
    last = None
    for last in TARGET_RE.finditer(spaced):
        pass
    return last is not None and not spaced[last.end() :].strip(" .,;)")


def indicators_from_cell(
    lines: list[tuple[int, str]],
    measure: str | None = None,
    join: Callable[[list[tuple[int, str]]], str] | None = None,
) -> list[Indicator]:
    """Every target indicator of one cell: a cell may state several, each a label and its values
    (``1) қамту үлесі: 2023 – 90 % … 2) саны: 2023 – 150 адам``). A new indicator starts at a line that
    opens with a word (not a year, a number, a unit or a bound) once the previous one has a value;
    ``join`` joins a group's lines as the layout joins its cells (a space by default).

    >>> [(i.name, i.targets) for i in indicators_from_cell(
    ...     [(1, "1) үлесі: 2023 – 90 %"), (2, "2) саны: 2023 – 150 адам")])]
    [('үлесі', {2023: '90'}), ('саны', {2023: '150'})]
    """
    join = join or (lambda ls: " ".join(s.strip() for _, s in ls))
    groups: list[list[tuple[int, str]]] = [[]]
    for no, raw in lines:
        flat = _flat(raw)
        if not flat:
            continue
        if groups[-1] and _ends_with_value(" ".join(_flat(s) for _, s in groups[-1])):
            if not _NOT_A_LABEL.match(_MARKER.sub("", flat)):
                groups.append([])
        groups[-1].append((no, raw))
    out: list[Indicator] = []
    for g in groups:
        if not g:
            continue
        first_no, first = g[0]
        g = [(first_no, _MARKER.sub("", first)), *g[1:]]
        ind = indicator_from_cell(g, join(g), measure)
        if ind is not None:
            out.append(ind)
    return out


def passport_indicators(lines: list[tuple[int, str]]) -> list[Indicator]:
    """The indicators of a passport's target-indicator field (``lines`` are (0-based index, text)): one
    per line, a line of values with no label belonging to the indicator above it."""
    out: list[Indicator] = []
    for idx, text in lines:
        if not text.strip():
            continue
        ind = passport_indicator(idx, text)
        if out and out[-1].span is not None and ind.span is not None and ind.name == text.strip():
            more = indicator_from_cell([(idx + 1, text)], text)
            if more is not None and more.targets and not more.name:
                prev = out[-1]
                for y, v in more.targets.items():
                    prev.targets.setdefault(y, v)
                    prev.target_spans.setdefault(y, more.target_spans.get(y) or ind.span)
                prev.unit = prev.unit or more.unit
                prev.span = prev.span.union(ind.span) if prev.span is not None else ind.span
                continue
        out.append(ind)
    return out


def passport_indicator(index: int, text: str) -> Indicator:
    """One line of a passport's target-indicator field (``index`` 0-based): its name and, when the line
    states them, its values by year (``1) жұмыспен қамту үлесі: 2021 жылы – 40 %, 2022 жылы – 45 %``).

    >>> i = passport_indicator(9, "1) жұмыспен қамту үлесі: 2021 жылы – 40 %, 2022 жылы – 45 %;")
    >>> i.name, i.unit, i.targets, str(i.span)
    ('жұмыспен қамту үлесі', '%', {2021: '40', 2022: '45'}, '10')
    """
    body = _MARKER.sub("", text).strip()
    ind = indicator_from_cell([(index + 1, body)], body)
    if ind is None or not ind.name:
        return Indicator(name=text.strip(), span=Span(index + 1, index + 1))
    return ind


# ------------------------------------------------------------------------------- separate tables

#: The heading of a table of target indicators (a line of its own).
INDICATOR_TABLE_HEADING_RE = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?(?:Нысаналы\s+индикаторлар|Нысаналы\s+көрсеткіштер|Целевые\s+индикаторы|"
    r"Целевые\s+показатели)(?:\s+(?:мен|және|и)\s+\S+(?:\s+\S+){0,3})?\s*:?\s*$",
    re.IGNORECASE,
)
_H_NUMBER = re.compile(r"^(?:р\s*/\s*с\s*№?|№(?:\s*р/с|\s*п\s*/\s*п)?|п\s*/\s*п)\.?$", re.I)
_H_NAME = re.compile(r"атауы|наименовани|индикатор|көрсеткіш|показател", re.I)
_H_UNIT = re.compile(r"өлшем|ед(?:\.|иниц)|бірлік", re.I)
_H_BASE = re.compile(r"базалық|базов|исходн|есепті|отч[её]тн|факт", re.I)
_H_RESP = re.compile(r"жауапты|ответствен|орындаушы|исполнител", re.I)
_H_SOURCE = re.compile(r"ақпарат\s+көз|источник", re.I)
_H_YEAR = re.compile(rf"^(?:(?P<y>{_Y})\s*(?:жыл[а-яәіңғүұқөһ]*|год[а-я]*|г\.)?)$", re.I)


def _row_cells_tab_lines(raw: list[str], start: int, end: int) -> list[list[tuple[str, Span]]]:
    """Rows of a table whose cells each start on a TAB-only line (the adilet layout of seed 004 §5.4;
    :mod:`.layout_tab_cells`); a row ends with an empty line after its last cell."""
    from .layout_tab_cells import read_cells

    rows: list[list[tuple[str, Span]]] = [[]]
    for c in read_cells(raw, start, end):
        rows[-1].append((c.text(), c.span()))
        if c.ends_row:
            rows.append([])
    return [r for r in rows if r]


def _row_cells_one_line(raw: list[str], start: int, end: int) -> list[list[tuple[str, Span]]]:
    """Rows of a table written one row a line, cells separated by TABs."""
    out: list[list[tuple[str, Span]]] = []
    for i in range(start, end):
        if "\t" in raw[i].strip(" \u00a0"):
            sp = Span(i + 1, i + 1)
            out.append(
                [(re.sub(r"\s+", " ", c.replace("\u00a0", " ")).strip(), sp) for c in raw[i].split("\t")]
            )
    return out


def _header_roles(cells: list[str]) -> list[tuple[str, int | None]] | None:
    """(role, year) per header cell, or None when the row is not an indicator-table header."""
    roles: list[tuple[str, int | None]] = []
    for c in cells:
        y = _H_YEAR.match(c)
        year_in = re.search(_Y, c)
        if _H_BASE.search(c):
            roles.append(("baseline", int(year_in.group(0)) if year_in else None))
        elif y:
            roles.append(("year", int(y.group("y"))))
        elif _H_NUMBER.match(c):
            roles.append(("number", None))
        elif _H_UNIT.search(c):
            roles.append(("unit", None))
        elif _H_RESP.search(c):
            roles.append(("responsible", None))
        elif _H_SOURCE.search(c):
            roles.append(("source", None))
        elif _H_NAME.search(c):
            roles.append(("name", None))
        else:
            roles.append(("other", None))
    kinds = [r for r, _ in roles]
    if "name" not in kinds or "year" not in kinds:
        return None
    return roles


def _read_rows(rows: list[list[tuple[str, Span]]]) -> list[Indicator]:
    """Indicators from table rows: the first row that reads as a header names the columns; rows with
    fewer cells (a section heading spanning the table) are skipped."""
    out: list[Indicator] = []
    roles: list[tuple[str, int | None]] | None = None
    for row in rows:
        texts = [t for t, _ in row]
        if roles is None:
            roles = _header_roles(texts)
            continue
        if _header_roles(texts) is not None or len(row) < len(roles) - 1:
            continue  # a repeated header, a column-number row, a section row
        if all(re.fullmatch(r"\d{1,2}", t or "0") for t in texts):
            continue
        ind = Indicator(name="", span=Span(min(s.start for _, s in row), max(s.end for _, s in row)))
        for (role, year), (cell, sp) in zip(roles, row):
            if not cell or cell in ("-", "–", "—"):
                continue
            if role == "name":
                ind.name = cell
            elif role == "unit":
                ind.unit = cell
            elif role == "baseline":
                ind.baseline = cell + (f" ({year})" if year else "")
                ind.baseline_span = sp
            elif role == "year" and year is not None and re.fullmatch(rf"{_NUM}\s*%?", cell):
                ind.targets[year] = cell.rstrip(" %")
                ind.target_spans[year] = sp
            elif role == "responsible":
                for item in split_list(cell):
                    by = bool(BY_AGREEMENT_RE.search(item))
                    raw = BY_AGREEMENT_RE.sub("", item).strip(" ,;")
                    if raw:
                        ind.responsible.append(Executor(raw=raw, by_agreement=by, span=sp))
        if ind.name and (ind.targets or ind.baseline):
            out.append(ind)
    return out


def _table_end(raw: list[str], start: int, end: int) -> int:
    """Where a table that starts after ``start`` ends: at the first line of text after a blank line once
    a TAB has been seen (a TAB-cell row ends with a blank line and the next row starts with a TAB line;
    a one-line row holds TABs itself), or after a dozen lines with no table at all."""
    seen_tab = False
    for k in range(start, end):
        line = raw[k]
        if "\t" in line:
            seen_tab = True
            continue
        if not line.strip(" \u00a0"):
            continue
        after_blank = k > start and "\t" not in raw[k - 1] and not raw[k - 1].strip(" \u00a0")
        if seen_tab and after_blank:
            return k
        if k - start > 12 and not seen_tab:
            return k  # a heading in running text, no table under it
    return end


def parse_indicator_tables(raw: list[str], start: int = 0, end: int | None = None) -> list[Indicator]:
    """Every table of target indicators in ``raw[start:end]`` (0-based; the raw lines, TABs kept): after
    a heading (``Нысаналы индикаторлар``, ``Целевые индикаторы``), a header row naming the indicator, its
    unit, the baseline, one column per year and the responsible bodies, then one row per indicator.

    >>> rows = ["Целевые индикаторы", "№\\tНаименование индикатора\\tЕд. изм.\\t2023 год (базовый)\\t2024 год\\t2025 год\\tОтветственные",
    ...         "1\\tДоля занятых\\t%\\t25\\t27\\t29\\tМТСЗН, МИО"]
    >>> ind = parse_indicator_tables(rows)[0]
    >>> ind.name, ind.unit, ind.baseline, ind.targets, [e.raw for e in ind.responsible], str(ind.span)
    ('Доля занятых', '%', '25 (2023)', {2024: '27', 2025: '29'}, ['МТСЗН', 'МИО'], '3')
    """
    end = len(raw) if end is None else min(end, len(raw))
    out: list[Indicator] = []
    i = start
    while i < end:
        if not (INDICATOR_TABLE_HEADING_RE.match(raw[i]) and len(raw[i].strip()) < 150):
            i += 1
            continue
        k = _table_end(raw, i + 1, end)
        tab_lines = sum(
            1 for j in range(i + 1, k) if raw[j].startswith("\t") and not raw[j].strip(" \t\u00a0")
        )
        rows = _row_cells_tab_lines(raw, i + 1, k) if tab_lines >= 3 else _row_cells_one_line(raw, i + 1, k)
        out.extend(_read_rows(rows))
        i = max(k, i + 1)
    return out
