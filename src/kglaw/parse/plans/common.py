"""Helpers that every plan-table layout shares.

Plans reach us as tables flattened into text: each cell is written out line by line, cells usually
separated by a blank line, rows by a row-number line, pages by a run of three blank lines (a page break;
research/seeds/000.md §5.1, 001.md §5.2). The helpers here read those pieces the same way for every
layout: blocks of lines with their line numbers, the text of a cell with wrapped words repaired,
executor cells split into executors with their "by agreement" qualifier, and the abbreviation legend.

Line numbers: helpers take and return 0-based indices into ``lines``; :func:`span_of` turns them into
the 1-based :class:`~kglaw.model.Span` the model keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kglaw.model import Executor, Span

__all__ = [
    "PAGE_BREAK_BLANKS",
    "Block",
    "span_of",
    "is_blank",
    "row_number",
    "page_breaks",
    "split_blocks",
    "join_cell",
    "repair_split_words",
    "AGREEMENT_RE",
    "strip_agreement",
    "split_executors",
    "is_heading_like",
    "open_brackets",
    "ABBR_ENTRY_RE",
    "parse_abbreviation_legend",
    "LEGEND_HEADING_RE",
    "NOTE_RE",
    "HEAD_NOUN_RE",
    "HEAD_START_RE",
    "spaced",
]

#: A page break in the flattened text is a run of at least this many blank lines.
PAGE_BREAK_BLANKS = 3
_LOWER = "a-zа-яёәіңғүұқөһ"
_UPPER = "A-ZА-ЯЁӘІҢҒҮҰҚӨҺ"


def spaced(word: str) -> str:
    """A regex for ``word`` that tolerates single spaces between its letters (partial letter-spacing
    the normaliser leaves alone, e.g. ``кел і с ім`` for ``келісім``, 000.md §7.2)."""
    return " ?".join(re.escape(c) for c in word)


@dataclass
class Block:
    """Consecutive non-blank lines: ``items`` are (0-based index, stripped text).
    ``after_break`` is True when a page break (≥3 blank lines) precedes the block."""

    items: list[tuple[int, str]] = field(default_factory=list)
    after_break: bool = False

    @property
    def first(self) -> int:
        return self.items[0][0]

    @property
    def last(self) -> int:
        return self.items[-1][0]

    @property
    def texts(self) -> list[str]:
        return [t for _, t in self.items]

    @property
    def text(self) -> str:
        return join_cell(self.texts)


def span_of(first: int, last: int) -> Span:
    """0-based indices → the 1-based inclusive span of the original file."""
    return Span(first + 1, max(first, last) + 1)


def is_blank(line: str) -> bool:
    return not line.strip(" \t\u00a0\u200b")


_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\s*\.?\s*$")


def row_number(line: str) -> int | None:
    """The row number when the line is nothing but a number (``12``, ``12.``), else None."""
    if not line.lstrip()[:1].isdecimal():  # the pattern's first character after \s* is a \d
        return None
    m = _ROW_NUMBER.match(line)
    return int(m.group(1)) if m else None


def page_breaks(lines: list[str], start: int, end: int) -> set[int]:
    """Indices of the first non-blank line after each run of ≥ PAGE_BREAK_BLANKS blank lines."""
    out: set[int] = set()
    run = 0
    for i in range(start, end):
        if is_blank(lines[i]):
            run += 1
            continue
        if run >= PAGE_BREAK_BLANKS:
            out.add(i)
        run = 0
    return out


def split_blocks(lines: list[str], start: int, end: int) -> list[Block]:
    """Lines ``start``–``end`` (0-based, end exclusive) as blocks of non-blank lines."""
    blocks: list[Block] = []
    cur: Block | None = None
    run = 0
    for i in range(start, end):
        line = lines[i]
        if is_blank(line):
            run += 1
            cur = None
            continue
        if cur is None:
            cur = Block(after_break=run >= PAGE_BREAK_BLANKS)
            blocks.append(cur)
        cur.items.append((i, line.strip(" \t\u00a0")))
        run = 0
    return blocks


# Fragments that are never words on their own: a wrapped word whose tail went to the next line
# ("басқарма" / "сының", "арнал" / "ған", "Шығын" / "дарды"; 001.md §7.7).
_SUFFIX_FRAGMENT = re.compile(
    rf"^(?:сының|сынің|ған|ген|дарды|дерді|дары|дері|лары|лері|тық|тік|масы|масының|ны|ты|лу|ді|ды)(?![{_LOWER}])"
)
_INWORD_HYPHEN = re.compile(
    rf"(?<=[{_LOWER}]{{2}})-(?=(?:ны|ты|лу|масы|сының|сы|ді|ды|тың|тің)(?![{_LOWER}-]))"
)
_HYPHEN_SPACE = re.compile(rf"(?<=[{_LOWER}])-\s+(?=[{_LOWER}])")
_SPACES = re.compile(r"\s+")
_HYPHEN_END = re.compile(rf"[{_LOWER}{_UPPER}]-$")
_LOWER_START = re.compile(rf"[{_LOWER}]")
_LOWER_END = re.compile(rf"[{_LOWER}]$")
_UPPER_START = re.compile(rf"[{_UPPER}\"«]")
_PUNCT_START = re.compile(r"[),.;:]")


def repair_split_words(text: str) -> str:
    """Undo hyphenation left inside a line: ``ныса-ны`` → ``нысаны``, ``аудан- дары`` → ``аудандары``,
    ``етпей-ді`` → ``етпейді``; real compounds (``медициналық-педагогикалық``, ``ата-аналар``) stay."""
    text = _HYPHEN_SPACE.sub("", text)
    return _INWORD_HYPHEN.sub("", text)


def join_cell(parts: list[str]) -> str:
    """The lines of one cell as one string: wrapped words rejoined, spaces squashed.

    A line ending in a hyphen after a letter, followed by a lower-case line, is a hyphenated word
    (``психологиялық-педа-`` / ``гогикалық``); a next line that is a bare suffix is glued on; an opening
    bracket at a line end and a closing bracket at a line start are tightened (``(`` / ``артериялдық``).
    """
    chunks: list[str] = []  # joined at the end: linear in the size of the cell
    tail = ""
    for raw in parts:
        part = _SPACES.sub(" ", raw.replace("\u00a0", " ")).strip()
        if not part:
            continue
        if not chunks:
            chunks.append(part)
        elif _HYPHEN_END.search(tail) and _LOWER_START.match(part):
            chunks[-1] = chunks[-1][:-1]
            chunks.append(part)
        elif _SUFFIX_FRAGMENT.match(part) and _LOWER_END.search(tail):
            chunks.append(part)
        elif tail.endswith("(") or _PUNCT_START.match(part):
            chunks.append(part)
        else:
            chunks.append(" " + part)
        tail = part
    out = repair_split_words("".join(chunks))
    out = re.sub(r"\"»|»\"", '"', out)  # a guillemet left over from a lost «…» pair (001.md §7.3)
    out = re.sub(r"\s+([,.;:)])", r"\1", out)
    out = re.sub(r"\(\s+", "(", out)
    return re.sub(r"\s{2,}", " ", out).strip()


#: "By agreement": ``(келісу бойынша)``, ``(келісім бойынша)``, ``(келісімдері бойынша)``,
#: ``(по согласованию)`` — brackets optional, letter-spacing tolerated.
AGREEMENT_RE = re.compile(
    rf"\(?\s*(?:(?:{spaced('келісу')}|{spaced('келісім')}|{spaced('келісімі')})[{_LOWER}]*\s+{spaced('бойынша')}"
    rf"|по\s+согласовани[юя])\s*\)?",
    re.I,
)

#: The head noun that ends an agency name; used to tell where one executor ends and the next begins.
HEAD_NOUN_RE = re.compile(
    r"(?:\w*мині\w*|министрлі[гк]\w*|министерств\w*|департамент\w*|басқарма\w*|бөлім\w*|әкімдер\w*|әкімі\b|"
    r"әкімдігі|әкімдіктер\w*|әкімият\w*|комитет\w*|агенттіг\w*|агентств\w*|институт\w*|орталығ\w*|"
    r"центр\w*|управлени\w*|отдел\w*|акимат\w*|аким\w*|қызметі|службы?|палатасы|палата|ұйымдар\w*|"
    r"кәсіпорындар\w*|меншіктер\w*|прокуратура\w*|банкі|банк|қоры|фонд\w*|кеңес\w*|совет\w*|"
    r"организаци\w*|органдар\w*|органы)\)?$",
    re.I,
)
#: Russian agency names lead with their head noun ("Управление образования", "Аким города").
HEAD_START_RE = re.compile(
    r"^(?:Министерств|Управлени|Департамент|Аким|Комитет|Агентств|Отдел|Центр|Институт|Служб|Палат|"
    r"Прокуратур|Фонд|Совет|Национальн\w+\s+(?:банк|центр|палат)|Местные\s+исполнительные|"
    r"Генеральн\w+\s+прокуратур|Органы|Организаци)",
    re.I,
)
_ABBR = re.compile(rf"^[{_UPPER}\"«][\w\"»\-]*(?:\s[\w\-]+)?$")
_SPLIT_AND = re.compile(r"\s+(?:және|мен|и)\s+")


def _is_abbreviation(text: str) -> bool:
    t = text.strip(' ,;"«»')
    return bool(t) and len(t) <= 24 and sum(1 for c in t if c.isupper()) >= 2 and len(t.split()) <= 3


def _is_agency(text: str) -> bool:
    t = AGREEMENT_RE.sub("", text).strip(" ,;")
    return bool(HEAD_NOUN_RE.search(t[-80:])) or bool(HEAD_START_RE.match(t)) or _is_abbreviation(t)


# A Russian name goes on after a comma with the bodies it governs in the genitive: "акиматы областей,
# городов Астаны, Алматы и Шымкента" is one executor (the akimats of the oblasts and of three cities).
RU_GENITIVE_TAIL_RE = re.compile(
    r"^(?:городов|города|областей|области|районов|района|сельских\s+округов)\b(?!\s*\()"
)
# …and the capitalised names that the genitive noun governs ("Алматы и Шымкента").
_NAMES_ONLY = re.compile(
    rf"^[{_UPPER}][{_LOWER}][\w-]*(?:\s+(?:и\s+)?[{_UPPER}][{_LOWER}][\w-]*)*$"
)  # not "МНЭ"


def merge_genitive_tails(names: list[str]) -> list[str]:
    """Join to the executor before it each item that continues it in the genitive (see
    ``RU_GENITIVE_TAIL_RE``), and the bare names that follow such an item.

    >>> merge_genitive_tails(["МТСЗН", "акиматы областей", "городов Астаны", "Алматы и Шымкента", "МНЭ"])
    ['МТСЗН', 'акиматы областей, городов Астаны, Алматы и Шымкента', 'МНЭ']
    """
    out: list[str] = []
    tail = False
    for name in names:
        if out and (RU_GENITIVE_TAIL_RE.match(name) or tail and _NAMES_ONLY.match(name)):
            out[-1] = f"{out[-1]}, {name}"
            tail = True
            continue
        out.append(name)
        tail = False
    return _merge_kk_heads(out)


# A Kazakh name puts its head noun last: "облыстардың, Астана, Алматы және Шымкент қалаларының
# әкімдіктері" is one executor — a genitive with no head noun waits for the item that has one.
_KK_GENITIVE = re.compile(r"(?:дың|дің|тың|тің|ның|нің)$")


def _merge_kk_heads(names: list[str]) -> list[str]:
    """Join a run that opens with a Kazakh genitive without a head noun to the first item after it that
    has one; a run that never reaches a head noun is left as it was.

    >>> _merge_kk_heads(["ЕХӘҚМ", "облыстардың", "Астана", "Алматы және Шымкент қалаларының әкімдіктері"])
    ['ЕХӘҚМ', 'облыстардың, Астана, Алматы және Шымкент қалаларының әкімдіктері']
    """
    out: list[str] = []
    run: list[str] = []
    for name in names:
        if run:
            run.append(name)
            if HEAD_NOUN_RE.search(AGREEMENT_RE.sub("", name).strip(" ,;")[-80:]):
                out.append(", ".join(run))
                run = []
            continue
        if _KK_GENITIVE.search(name) and name[:1].islower() and not HEAD_NOUN_RE.search(name):
            run = [name]
            continue
        out.append(name)
    return out + run


def strip_agreement(text: str) -> tuple[str, bool]:
    """``ІІД (келісім бойынша)`` → (``ІІД``, True)."""
    if AGREEMENT_RE.search(text):
        return re.sub(r"\s{2,}", " ", AGREEMENT_RE.sub(" ", text)).strip(" ,;"), True
    return text.strip(" ,;"), False


def split_executors(items: list[tuple[int, str]]) -> list[Executor]:
    """Split an executor cell (lines with 0-based indices) into executors.

    Separators are commas and semicolons outside brackets, ``және``/``и``/``мен`` only when both sides
    are whole agency names (``ДСМ және БҒМ``; never inside ``Еңбек және халықты әлеуметтік қорғау
    министрлігі``), and a line break after a complete agency name followed by a capitalised line
    (``…қаласының әкімдері`` / ``ІІД (келісім бойынша)``). A leading bare word with no head noun is
    part of the next name (``Аудан, Қызылорда қаласының әкімдері``). ``(келісу бойынша)`` and its
    variants, also split over lines or standing alone after a comma, set ``by_agreement``.
    """
    # Join lines, remembering which line each character came from.
    pieces_: list[str] = []
    owner: list[int] = []
    prev = ""
    for idx, raw in items:
        part = _SPACES.sub(" ", raw.replace("\u00a0", " ")).strip()
        if not part:
            continue
        if pieces_:
            sep = " "
            if _HYPHEN_END.search(prev) and _LOWER_START.match(part):
                pieces_[-1] = pieces_[-1][:-1]
                owner.pop()
                sep = ""
            elif _SUFFIX_FRAGMENT.match(part) and _LOWER_END.search(prev):
                sep = ""
            elif (
                HEAD_NOUN_RE.search(prev.strip(" ,")[-80:])
                and _UPPER_START.match(part)
                and not prev.rstrip().endswith((",", ";"))
                and not part.startswith("(")
            ):
                sep = "; "  # a line break after a whole name, before a capitalised one
            pieces_.append(sep)
            owner.extend([idx] * len(sep))
        pieces_.append(part)
        owner.extend([idx] * len(part))
        prev = part
    text = "".join(pieces_)
    if not text:
        return []
    # Split on , ; outside brackets.
    pieces: list[tuple[int, int]] = []
    depth, start = 0, 0
    for i, c in enumerate(text):
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c in ",;" and depth == 0:
            pieces.append((start, i))
            start = i + 1
    pieces.append((start, len(text)))
    raw_pieces: list[tuple[str, int, int]] = []
    for a, b in pieces:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if seg:
            raw_pieces.append((seg, a + lead, a + lead + len(seg)))
    # Further split on "және"/"и" where both sides are agencies.
    split2: list[tuple[str, int, int]] = []
    for seg, a, b in raw_pieces:
        m = None
        for m in _SPLIT_AND.finditer(seg):
            left, right = seg[: m.start()], seg[m.end() :]
            if _is_agency(left) and _is_agency(right) and _is_abbreviation(left) and _is_abbreviation(right):
                break
        else:
            m = None
        if m is not None:
            split2.append((seg[: m.start()], a, a + m.start()))
            split2.append((seg[m.end() :], a + m.end(), b))
        else:
            split2.append((seg, a, b))
    execs: list[Executor] = []
    pending: tuple[str, int] | None = None
    tail = False
    for seg, a, b in split2:
        name, agreed = strip_agreement(repair_split_words(seg))
        if not name:
            if agreed and execs:  # "(келісім бойынша)" standing alone qualifies the previous executor
                execs[-1].by_agreement = True
                execs[-1].span = (
                    execs[-1].span.union(Span(owner[a] + 1, owner[b - 1] + 1)) if execs[-1].span else None
                )
            continue
        if execs and pending is None and RU_GENITIVE_TAIL_RE.match(name) or tail and _NAMES_ONLY.match(name):
            # "акиматы областей, городов Астаны, Алматы и Шымкента": one executor (merge_genitive_tails)
            last = execs[-1]
            last.raw = f"{last.raw}, {name}"
            last.by_agreement = last.by_agreement or agreed
            last.span = last.span.union(Span(owner[a] + 1, owner[max(a, b - 1)] + 1)) if last.span else None
            tail = True
            continue
        tail = False
        if pending is not None:
            name = f"{pending[0]}, {name}"
            a = pending[1]
            pending = None
        if not _is_agency(name) and not agreed and not re.search(r"\d", name):
            # no head noun: the name goes on after the comma ("Аудан, Қызылорда қаласының әкімдері",
            # "Қызылорда облысының сәулет, қала құрылысы және құрылыс департаменті")
            pending = (name, a)
            continue
        execs.append(
            Executor(raw=name, by_agreement=agreed, span=Span(owner[a] + 1, owner[max(a, b - 1)] + 1))
        )
    if pending is not None:
        execs.append(Executor(raw=pending[0], span=Span(owner[pending[1]] + 1, owner[-1] + 1)))
    return execs


def open_brackets(items: list[tuple[int, str]]) -> int:
    """How many brackets the cell's lines leave open (``ұйымдар (`` / ``келісімдері`` → 1)."""
    return sum(t.count("(") - t.count(")") for _, t in items)


def is_heading_like(text: str) -> bool:
    """A short line or block that reads as a heading: no final comma/semicolon, starts upper-case."""
    t = text.strip()
    return bool(t) and len(t) < 160 and not t.endswith((",", ";")) and bool(re.match(rf"[{_UPPER}\d]", t))


#: A note after a table (``Ескертпе:``, ``Примечание:``) — the end of the table.
NOTE_RE = re.compile(r"^\s*(?:Ескертпе|Ескерту|Примечание|Примечания)\s*[:.]?", re.I)
#: The heading of an abbreviation legend.
LEGEND_HEADING_RE = re.compile(
    r"аббревиатура[а-яәіңғүұқөһ]*\s+толық\s+жазылу|қысқартулар|расшифровка\s+аббревиатур|"
    r"аббревиатур[а-я]*\s*:|сокращени[йя]\s*:",
    re.I,
)
#: ``ABBR - full name``: an abbreviation of at most three tokens, a dash with spaces, the full name.
ABBR_ENTRY_RE = re.compile(
    r"^\s*(?P<abbr>[\"«]?[\w\"»«.\-]+(?:\s+[\w\"»«.\-]+){0,2}?)\s+[-–—]\s*(?P<full>\S.*)$"
)


def parse_abbreviation_legend(
    lines: list[str], start: int, end: int, headed: bool = False
) -> tuple[dict[str, str], Span | None]:
    """Read ``ABBR - full name`` entries between ``start`` and ``end`` (0-based, end exclusive).

    Continuation lines (starting lower-case, e.g. ``департаменті`` after a wrap) extend the previous
    entry, also across a page break. Without a legend heading (``headed=False``) an abbreviation must
    have at least two capitals (``ҚОЖҚҮ жәБД``); under a heading any short token counts
    (``Еңбекмині``). Returns the legend and its span; an empty dict when there is none.
    """
    legend: dict[str, str] = {}
    first = last = None
    key: str | None = None
    after_blank = False
    for i in range(start, end):
        line = lines[i].replace("\u00a0", " ")
        if is_blank(line):
            after_blank = True
            continue
        m = ABBR_ENTRY_RE.match(line)
        abbr = m.group("abbr").strip() if m else ""
        ok = bool(m) and len(abbr) <= 24 and (headed or sum(1 for c in abbr if c.isupper()) >= 2)
        if ok and m:
            key = re.sub(r"\s+", " ", abbr)
            legend[key] = m.group("full").strip()
            first = i if first is None else first
            last = i
        elif key is not None and (not after_blank or re.match(rf"\s*[{_LOWER}(]", line)):
            # a wrapped full name: the line right after an entry, or a lower-case tail after a gap
            legend[key] = legend[key] + " " + line.strip()
            last = i
        elif key is not None:
            key = None
        after_blank = False
    for k, v in legend.items():
        v = AGREEMENT_RE.sub(" ", v)  # a qualifier of participation, not part of the name
        legend[k] = re.sub(r"\s+([,.;)])", r"\1", re.sub(r"\s+", " ", v)).strip(" ,;.")
    if first is None or last is None:
        return {}, None
    return legend, span_of(first, last)
