"""The running text of a document as passages: headings, paragraphs and recommendations.

Legal information systems keep the text of every unit with its structure (legislation.gov.uk, Akoma
Ntoso's ``<hcontainer>``/``<p>``); much of what a reader asks of a programme or a report is only in its
prose: the statistics of a situation analysis, the institutions named, the proposals of a
recommendations section. :func:`parse_passages` splits the normalised lines of a file into passages,
each with the path of headings it sits under, its text and the original lines it was read from.

Paragraphs are joined across hard line wraps, page breaks (runs of blank lines inside a sentence) and
the double spacing of texts copied from PDF. A new paragraph starts where the layout says so:

- an indented line (the "red line" of copied acts) when the text indents some lines and not others;
- a new table cell (a raw line holding a TAB, the cell mark of tables copied from web pages);
- a list item (``1.``, ``2)``, ``–``) or a heading;
- a single blank line between lines of a text that is not double-spaced (unless the next line goes on
  in lower case), or any blank run after a sentence end.

Headings are read by their form, never by their words: structural headings (``Раздел 2.``, ``2-бөлім.``,
``1-тарау.``, ``Глава 3``, Roman ``IV.``), numbered titles (``3. Бағдарламаның мақсаты`` with no final
punctuation) and short unnumbered lines in the case of a title, standing alone (``КІРІСПЕ``,
``Медициналық оңалту``). Numbered and structural headings nest by kind (the first kind seen is the
outermost); unnumbered ones are always the innermost level.

Passages under a heading that names recommendations or proposals (``Ұсыныстар``, ``ұсынымдары``,
``Рекомендации``, ``Предложения``) are recommendations: one per numbered item (an item runs on over its
sub-items and continuation paragraphs until the next number in sequence), and the acts each one
names, found by :func:`kglaw.parse.citations.find_refs`, are the acts it proposes to change (an act
named as the ground, ``… сәйкес`` / ``в соответствии с …``, is not).

The rows of action plans are read by :mod:`kglaw.parse.plans`: the lines of parsed measures and plan
sections, and flattened table fragments (runs of very short lines), give no passages.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..model import ActRef, Document, Passage, Span
from .citations import find_refs, merge_refs
from .normalize import join_lines, squash_spaces

__all__ = ["parse_passages", "RECOMMENDATION_HEADING"]

_U = "A-ZА-ЯЁӘІҢҒҮҰҚӨҺ"
_L = "a-zа-яёәіңғүұқөһ"

#: A heading (or the last words of a heading paragraph) that names recommendations or proposals.
RECOMMENDATION_HEADING = re.compile(r"(?<![\w])(?:ұсыныс|ұсыным|рекомендаци|предложени)", re.IGNORECASE)
# A paragraph that ends with the recommendations noun ("… жөніндегі ұсынымдары.", "Предложения:").
_RECO_TAIL = re.compile(
    r"(?:ұсыныс(?:тар|тары)?|ұсыным(?:дар|дары)?|рекомендаци[ия]|предложени[яе])\s*[.:]?\s*$",
    re.IGNORECASE,
)

# Structural headings, by kind. Kazakh puts the number first ("2-бөлім.", "1-тарау"), Russian after.
_STRUCT = [
    (
        "section",
        re.compile(r"^(?:\d+\s*[-–]?\s*бөлім|[Бб]өлім\s+\d+|БӨЛІМ\s+\d+|[Рр]аздел\s+\d+|РАЗДЕЛ\s+\d+)\b"),
    ),
    ("chapter", re.compile(r"^(?:\d+\s*[-–]?\s*тарау|[Тт]арау\s+\d+|[Гг]лава\s+\d+|ГЛАВА\s+\d+)\b")),
    ("paragraph", re.compile(r"^(?:\d+\s*[-–]?\s*[Пп]араграф|§\s*\d+|[Пп]араграф\s+\d+)\b")),
    # an article: "Статья 183." / "183-бап." (the number and its full stop; "Статья 54 Кодекса …" is prose)
    (
        "article",
        re.compile(
            r"^(?:[Сс]татья|СТАТЬЯ)\s+\d+(?:[-.]\d+)*\.(?:\s|$)|^\d+(?:[-.]\d+)*\s*[-–]\s*(?:бап|БАП)\."
        ),
    ),
    ("roman", re.compile(rf"^[IVXL]{{1,6}}\.\s*[«\"{_U}{_L}]")),
]
_NUMBERED = re.compile(rf"^(?P<n>\d{{1,2}})\.\s+[«\"{_U}]")
# A list item at the start of a line: "1.", "2)", "а)", "-", "–", "•".
_ITEM = re.compile(rf"^(?:\d{{1,3}}[.)]\s+\S|[{_L}]\)\s+\S|[-–—•]\s+\S)")
_BULLET = re.compile(r"^[-–—•]\s+\S")
_ITEM_NUMBER = re.compile(r"^(?P<n>\d{1,3})[.)]\s")
_TERMINAL = re.compile(r"[.!?;:]$")
_URL_LINE = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_STAMP = re.compile(r"^(?:БЕКІТІЛГЕН|БЕКІТІЛДІ|УТВЕРЖДЕН[АОЫ]?|Приложение|Қосымша|ҚОСЫМША|ПРИЛОЖЕНИЕ)\b")
# A signature: the post ("Аким", "Облыс әкімі", "Председатель сессии") or the name ("Г. Омарова",
# "Т.Қ. Мүрсәлиева", "Омарова Г.") under an act: not a heading.
_SIGNATURE = re.compile(
    rf"^(?:[{_U}]\.\s*(?:[{_U}]\.\s*)?[{_U}][{_L}]+(?:-[{_U}][{_L}]+)?|[{_U}][{_L}]+\s+[{_U}]\.\s*(?:[{_U}]\.?)?)$"
    r"|(?:^|\s)(?:[Аа]ким|[Әә]кімі?|[Пп]редседатель|[Сс]екретарь|[Тт]өрағасы|[Хх]атшысы|Премьер-Министр\w*|"
    r"[Мм]инистр|Президент\w*)(?:\s|$)"
)
_STAMP_END = re.compile(r"(?:БЕКІТІЛГЕН|БЕКІТІЛДІ|УТВЕРЖДЕН[АОЫ]?|[Ққ]осымша|[Пп]риложение(?:\s+\d+)?)$")
_WORD3 = re.compile(rf"[{_U}{_L}]{{3,}}")
# The ground of a proposal, not its target: "… Заңына сәйкес", "в соответствии с Законом …".
_GROUND_AFTER = re.compile(r"^\s*(?:сәйкес|негізінде|негізге\s+ала)")
_GROUND_BEFORE = re.compile(r"(?:в\s+соответствии\s+с|согласно|на\s+основании)\s*$", re.IGNORECASE)
# Every _STRUCT pattern is anchored at the start, on one of these first characters or a digit (\d).
_STRUCT_FIRST = frozenset("БбРрТтГгПп§СсIVXL")
_TITLE_END = re.compile(rf"[{_U}{_L}»\"”]$")
_COLON_OR_SEMICOLON = re.compile(r"[:;]")
_LEGEND_ENTRY = re.compile(r"^\S+\s+[-–—]\s")
_SENTENCE_BREAK = re.compile(rf"[{_L}]{{2}}[.!?]\s+[{_U}]")


def _ends_with(rx: re.Pattern[str], text: str) -> bool:
    """``rx.search(text)`` for a pattern of one character then ``$``: a match starts at one of the last
    two characters (``$`` also matches before a final line feed), so only those are searched."""
    return rx.search(text, max(0, len(text) - 2)) is not None


def _is_url_line(line: str) -> bool:
    # both alternatives of _URL_LINE hold "http" or "www."
    return ("http" in line or "www." in line) and _URL_LINE.match(line) is not None


@dataclass
class _Block:
    """A run of lines that make one paragraph (before it is classified)."""

    lines: list[int]  # 0-based indices into the normalised lines
    cell: bool = False  # starts a table cell
    indented: bool = False


def parse_passages(lines: list[str], doc: Document, raw_lines: list[str] | None = None) -> list[Passage]:
    """The passages of a document, in text order. ``lines`` are the normalised lines (index ``i`` is line
    ``i + 1``); ``raw_lines`` the decoded lines before normalisation, whose TABs mark table cells."""
    skip = _covered_by_plans(doc, len(lines))
    blocks = _blocks(lines, raw_lines, skip)
    return _classify(blocks, lines, doc)


# -------------------------------------------------------------------------------------- what to skip


def _covered_by_plans(doc: Document, n: int) -> list[bool]:
    """Lines read as action-plan rows or plan sections: from each measure to the next one, where the gap
    is short (the section rows and page breaks between rows), never the prose around the table."""
    skip = [False] * (n + 2)
    for prog in doc.programmes:
        spans = sorted(
            [m.span for m in prog.measures if m.span is not None]
            + [s.span for s in prog.sections if s.span is not None]
        )
        hull: Span | None = None
        for sp in spans:
            if hull is not None and sp.start - hull.end <= 40:
                hull = hull.union(sp)
                continue
            _mark(skip, hull)
            hull = sp
        _mark(skip, hull)
    return skip


def _mark(skip: list[bool], span: Span | None) -> None:
    if span is None:
        return
    for i in range(span.start - 1, min(span.end, len(skip))):
        skip[i] = True


# ------------------------------------------------------------------------------------ layout → blocks


def _blocks(lines: list[str], raw_lines: list[str] | None, skip: list[bool]) -> list[_Block]:
    n = len(lines)
    blank = [not line.strip() or skip[i] for i, line in enumerate(lines)]
    content = [i for i in range(n) if not blank[i] and not _is_url_line(lines[i])]
    if not content:
        return []
    raw = raw_lines if raw_lines is not None and len(raw_lines) == n else None
    cell_mark = ["\t" in r for r in raw] if raw is not None else [False] * n
    # Indentation marks paragraphs only where some lines are indented and most are not all.
    indented = [len(line) - len(line.lstrip(" \t")) >= 3 for line in lines]
    share = sum(indented[i] for i in content) / len(content)
    indent_mode = 0.03 <= share <= 0.9
    # Double spacing (PDF copies): most lines are followed by exactly one blank line and more text.
    singles = sum(
        1
        for a, b in zip(content, content[1:])
        if b - a == 2 and not skip[a + 1] and not _is_url_line(lines[a + 1])
    )
    double = singles / max(1, len(content) - 1) > 0.5

    blocks: list[_Block] = []
    cur: _Block | None = None
    prev = -1
    for i in content:
        text = lines[i].strip()
        cell = (True in cell_mark[prev + 1 : i + 1]) if prev >= 0 else cell_mark[i]
        one_item = (
            cur is not None and len(cur.lines) == 1 and _ITEM.match(lines[cur.lines[0]].strip()) is not None
        )
        if cur is None or _breaks(
            lines, prev, i, text, cell, indent_mode and indented[i], double, skip, one_item
        ):
            cur = _Block([i], cell=cell, indented=indent_mode and indented[i])
            blocks.append(cur)
        else:
            cur.lines.append(i)
        prev = i
    return _drop_table_heads(blocks, lines, skip)


def _drop_table_heads(blocks: list[_Block], lines: list[str], skip: list[bool]) -> list[_Block]:
    """Drop the column headings of an action-plan table: the blocks of short lines (at most 40
    characters: "Р/с", "Жауапты / орындаушылар", "Объем финансирования (тыс. тенге)") right before the
    first row the plans parser read."""
    drop: set[int] = set()
    for k, block in enumerate(blocks):
        end = block.lines[-1]
        nxt = blocks[k + 1].lines[0] if k + 1 < len(blocks) else len(lines)
        if not any(skip[end + 1 : nxt]):
            continue
        j = k
        while (
            j >= 0
            and end - blocks[j].lines[0] <= 40
            and all(len(lines[i].strip()) <= 40 for i in blocks[j].lines)
        ):
            drop.add(j)
            j -= 1
    return [b for k, b in enumerate(blocks) if k not in drop]


def _breaks(
    lines: list[str],
    a: int,
    b: int,
    text: str,
    cell: bool,
    indented: bool,
    double: bool,
    skip: list[bool],
    one_item: bool = False,
) -> bool:
    """Does line ``b`` start a new paragraph after line ``a`` (both 0-based content lines)? ``one_item``:
    the paragraph so far is one list-item line ("54. Арба-кресло … 3 жылдан кейін емес"), after which a
    line that opens a quotation («Қорған-М» ҚБ …) starts anew; any other line may continue the item
    (an act's title wrapped over a page break: "5) "… туралы"" / "Қазақстан Республикасының … Заңы;")."""
    if cell:
        return True
    prev = lines[a].strip()
    ends = _ends_with(_TERMINAL, prev.rstrip('»"”)]'))
    if indented:
        # an indented line that goes on in lower case right after an unfinished line continues it (a
        # heading wrapped onto an indented line: "6. … оңалтудың" / "      2006-2008 жылдарға …")
        return not (
            b == a + 1 and not ends and (text[:1].islower() or text[:1].isdigit() and not _ITEM.match(text))
        )
    if any(skip[a + 1 : b]):  # an action-plan table lies between them
        return True
    if _heading_kind(text) is not None or _heading_kind(prev) in ("section", "chapter", "paragraph"):
        return True
    if _is_reco_line(text) or _is_reco_line(prev):  # "Предложения:", "Ұсыныстар" on a line of their own
        return True
    if _BULLET.match(text) or (_ITEM.match(text) and (ends or not prev.endswith(("№", ",")))):
        return True
    if prev.isupper() and not text.isupper() and text[:1].isupper():  # a title in capitals, then its text
        return True
    gap = b - a - 1
    if gap >= 5:  # more than a page break: the rest of a page left blank
        return True
    if gap == 1 and not double:  # one blank line between paragraphs
        return not text[:1].islower()
    if gap >= 1:  # a page break or double spacing: a new paragraph only after a sentence or an item
        opens = text[:1].isupper() or text[:1].isdigit() or text[:1] in '«"-–—•'
        return ends and opens or one_item and text[:1] in '«"'
    return False


@functools.lru_cache(maxsize=4096)  # pure; asked of each line twice (as the line and as the one before)
def _is_reco_line(text: str) -> bool:
    return text[:1].isupper() and len(text.split()) <= 4 and _RECO_TAIL.search(text) is not None


# ------------------------------------------------------------------------------------ blocks → passages


@functools.lru_cache(maxsize=4096)  # pure; asked of each line twice (as the line and as the one before)
def _heading_kind(text: str) -> str | None:
    """The kind of a structural or numbered heading line, else None."""
    first = text[:1]
    if first not in _STRUCT_FIRST and not first.isdecimal():  # isdecimal() is what \d matches
        return None
    for kind, rx in _STRUCT:
        if rx.match(text):
            return kind
    return None


def _join(lines: list[str], idx: list[int]) -> str:
    """The lines of a passage as one text: single spaces, a hyphen at a line end kept and glued to the
    next line when it goes on in lower case ("ата-" + "аналарымен" → "ата-аналарымен")."""
    out = ""
    for i in idx:
        s = squash_spaces(lines[i])
        if not s:
            continue
        # out ends with a word character and a hyphen (\w-$; out holds no line feed)
        if out[-1:] == "-" and len(out) >= 2 and (out[-2].isalnum() or out[-2] == "_") and s[:1].islower():
            out += s
        else:
            out = f"{out} {s}" if out else s
    return out


def _is_fragmentary(lines: list[str], idx: list[int], text: str) -> bool:
    """A flattened table header or a column of cell fragments: no passage."""
    if not _WORD3.search(text):
        return True
    lens = [len(lines[i].strip()) for i in idx]
    return len(lens) >= 3 and sum(lens) / len(lens) < 16


def _heading_of(
    text: str, block: _Block, prev: str | None, nxt: str | None, in_items: bool = False
) -> tuple[str, bool] | None:
    """``(kind, strong)`` when the paragraph is a heading. Strong headings (structural, numbered) nest
    by kind; weak ones (unnumbered titles) are the innermost level. ``prev`` is the text of the passage
    before (None after a heading or at the start), ``nxt`` that of the paragraph after; ``in_items``: the
    paragraph sits in a recommendations section, whose numbered paragraphs are its items."""
    if block.cell or len(text) > 400:
        return None
    kind = _heading_kind(text)
    if kind is not None and len(text) <= 300 and not text.endswith((",", ";")):
        return kind, True
    if _RECO_TAIL.search(text) and not _has_sentence_break(text):
        # "Предложения:", "Ұсыныстар" on their own; or a longer title ending with the word, before item 1
        if len(text.split()) <= 4 or (nxt is not None and _ITEM_NUMBER.match(nxt)):
            return "recommendations", False
    if kind is not None or len(text) > 300:
        return None
    # a numbered or plain title follows a finished paragraph (or a complete list item), not a wrapped one
    if (
        prev is not None
        and not _ends_with(_TERMINAL, prev)
        and not _BULLET.match(prev)
        and not _STAMP_END.search(prev)
        and not _SIGNATURE.search(prev)
    ):
        return None
    m = _NUMBERED.match(text)
    if m and (in_items or int(m.group("n")) > 20):  # an item of a list ("51. Бөлмеге арналған кресло-арба")
        return None
    if m:
        body = text[m.end() - 1 :]
        if (
            len(text) <= 160
            and not _ends_with(_TERMINAL, text)
            and not text.endswith(",")
            and not _has_sentence_break(body)
        ):
            return "numbered", True
        return None
    if (
        len(text) <= 120
        and len(text.split()) <= 12
        and text[:1].isupper()
        and _ends_with(_TITLE_END, text)
        and not _COLON_OR_SEMICOLON.search(text)
        and not _has_sentence_break(text)
        and not _STAMP.match(text)
        and not _SIGNATURE.search(text)
        and not _LEGEND_ENTRY.match(text)  # a legend entry "ЭжБЖД - … департаменті"
        and text.count('"') % 2 == 0
        and text.count("«") == text.count("»")
        and len(block.lines) <= 3
    ):
        return ("caps" if text.isupper() else "title"), False
    return None


@functools.lru_cache(maxsize=1024)  # pure; asked of every open heading for every paragraph under it
def _names_recommendations(heading: str) -> bool:
    return RECOMMENDATION_HEADING.search(heading) is not None


def _has_sentence_break(text: str) -> bool:
    if "." not in text and "!" not in text and "?" not in text:
        return False  # every match holds one of them
    return _SENTENCE_BREAK.search(text) is not None


def _classify(blocks: list[_Block], lines: list[str], doc: Document) -> list[Passage]:
    texts = [_join(lines, b.lines) for b in blocks]
    # (kind, strong, text, passage order) of the open headings, outermost first
    stack: list[tuple[str, bool, str, int]] = []
    out: list[Passage] = []
    reco_item: Passage | None = None
    reco_number: int | None = None
    for k, (block, text) in enumerate(zip(blocks, texts)):
        if not text or _is_fragmentary(lines, block.lines, text):
            continue
        nxt = texts[k + 1] if k + 1 < len(texts) else None
        span = Span(block.lines[0] + 1, block.lines[-1] + 1)
        last = out[-1] if out else None
        in_items = any(_names_recommendations(s[2]) for s in stack)
        head = _heading_of(
            text, block, None if last is None or last.kind == "heading" else last.text, nxt, in_items
        )
        if head is not None:
            kind, strong = head
            while stack and not stack[-1][1]:  # any heading closes the unnumbered ones
                stack.pop()
            if strong:
                kinds = [s[0] for s in stack]
                if kind in kinds:
                    del stack[kinds.index(kind) :]
            p = Passage(
                len(out) + 1, "heading", text, span, [s[2] for s in stack], stack[-1][3] if stack else None
            )
            out.append(p)
            stack.append((kind, strong, text, p.order))
            reco_item, reco_number = None, None
            continue
        path = [s[2] for s in stack]
        parent = stack[-1][3] if stack else None
        if any(_names_recommendations(s[2]) for s in stack):
            m = _ITEM_NUMBER.match(text)
            number = int(m.group("n")) if m else None
            # a new item at the next number (or 1); unnumbered paragraphs are items of their own unless
            # they continue a numbered one
            starts = (
                reco_item is None
                or reco_number is None
                or (number is not None and number in (reco_number + 1, 1))
            )
            if starts:
                reco_item = Passage(len(out) + 1, "recommendation", text, span, path, parent)
                reco_number = number
                out.append(reco_item)
            else:
                assert reco_item is not None
                reco_item.text = f"{reco_item.text} {text}"
                reco_item.span = reco_item.span.union(span)
            continue
        out.append(Passage(len(out) + 1, "paragraph", text, span, path, parent))
    for p in out:
        if p.kind == "recommendation":
            p.targets = _targets(lines, p.span, doc)
    return out


def _targets(lines: list[str], span: Span, doc: Document) -> list[ActRef]:
    """The acts a recommendation proposes to change: those it names, except an act named as the ground
    of what it says ("… Заңына сәйкес", "в соответствии с Законом …")."""
    j = join_lines(lines, span.start, span.end)
    refs: list[ActRef] = []
    for hit in find_refs(j, doc.act.issuer):
        if _GROUND_AFTER.match(j.text[hit.end : hit.end + 20]) or _GROUND_BEFORE.search(
            j.text[max(0, hit.start - 30) : hit.start]
        ):
            continue
        refs.append(hit.ref)
    return merge_refs(refs)
