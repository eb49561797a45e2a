"""Amendment instructions in Kazakh and Russian, read into :class:`AmendmentOperation` records.

An amending act says, instruction by instruction, what it does to which unit of which act:

    1. "…" Қазақстан Республикасы Үкіметінің 2019 жылғы 28 мамырдағы № 326 қаулысына мынадай
       өзгерістер мен толықтырулар енгізілсін:               ← opens a block: the affected act
    тақырып мынадай редакцияда жазылсын: "…";                ← substitution of the title
    көрсетілген қаулымен бекітілген … ұлттық жоспарда:        ← scope: the plan the act approved
    2-бөлімнің 6-тарауында:                                  ← nested scope: section 2, chapter 6
    он үшінші абзац мынадай мазмұндағы абзацпен толықтырылсын: "…";   ← insertion of paragraph 13

The operation types are Akoma Ntoso's textual modifications (OASIS AKN 1.0 part 2, ``TextualMods``):
``substitution`` (new wording), ``insertion`` (supplemented), ``repeal`` (deleted, declared invalid),
``replacement`` (words X replaced by words Y) and ``renumbering``.

The parser works on clauses: runs of lines that end with ``:``, ``;`` or ``.`` at a line end with their
quotes balanced. A clause with an operation phrase gives operations; a clause that ends with ``:``
and has none opens a scope (an act, an approved document, a structural unit) that the following
clauses inherit until a list marker of the same or a higher level closes it. New wording is the quoted
block after the colon, across lines and page breaks, up to a closing quote followed by ``;`` or ``.``.

Two readers are shared: acts are read with :func:`kglaw.parse.citations.find_refs` (a small local
reader fills what it misses), units with :mod:`kglaw.parse.provisions`. Words that a web copy moved to
the end of a line are put back by ``kglaw.parse.normalize`` when they follow a colon, and by
:func:`repair_trailing_units` here (a pre-pass) when the instruction wraps or they follow ``;``/``.``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import KglawError
from ..identifiers import normalize_number
from ..model import ActRef, AmendmentOperation, Document, Issuer, Provision, Span, Warning_
from .citations import find_refs
from .dates import find_dates
from .normalize import Joined, join_lines
from .prefilter import WordSearch, folded, has_any
from .provisions import RANK, find_units, merge_paths, number_list, parse_provision

__all__ = [
    "OPERATION_TYPES",
    "entry_into_force",
    "parse_operations",
    "read_act_ref",
    "repair_trailing_units",
]

OPERATION_TYPES = ("substitution", "insertion", "repeal", "replacement", "renumbering")

# Words that show an instruction (or its scope) is on the line; used to keep the line repair and the
# clause reader away from ordinary prose.
_OP_WORDS = re.compile(
    r"жазылсын|енгізілсін|толықтырылсын|тасталсын|ауыстырылсын|танылсын|есептелсін|редакцияда|"
    r"изложить|дополнить|исключить|заменить|внести|признать|считать|редакции",
    re.IGNORECASE,
)

# ---------------------------------------------------------------------------------------------------
# Line repair: unit words a web copy moved to the end of a wrapped line
# ---------------------------------------------------------------------------------------------------

_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
# "…ауыстырылсын;5-тармақта": up to three words glued, without a space, after the final ; or .
_GLUED_TAIL = re.compile(r"^(?P<body>.*\S)(?P<end>[;.])(?P<tail>[^\s;.:\"»”][^;:.\"«»“”]{0,60})$")


def _is_unit_token(tok: str) -> bool:
    if re.search(r"(?:мен|пен|бен|ем|ом)$", tok):  # instrumental: the new unit of an insertion
        return False
    units = find_units(tok)
    return len(units) == 1 and units[0].start == 0 and units[0].end == len(tok)


def _is_unit_run(text: str) -> bool:
    """``text`` is nothing but unit references ("3) тармақшасында", "2-бөлімнің 6-тарауында")."""
    if re.search(r"(?:мен|пен|бен|ем|ом)$", text):
        return False
    rest = text
    for u in sorted(find_units(text), key=lambda u: -u.start):
        rest = rest[: u.start] + rest[u.end :]
    return bool(find_units(text)) and not rest.strip(" ,")


def repair_trailing_units(lines: list[str]) -> list[str]:
    """Put unit words back into the holes they left when a web copy moved them to the line end.

    ``kglaw.parse.normalize.repair_displaced`` mends a line whose moved words follow a colon
    (``…жазылсын:тақырып``). When the instruction wraps, the moved words end a line with no colon and
    the rest of the sentence is on the next one (seed 002: ``3-бөлімнің 2-тарауы␣␣отыз бесінші абзацы
    мынадай редакцияда 6-параграфының`` / ``жазылсын:``). The rule needs the next line, so it lives here:
    when a line has holes (two spaces inside it), ends with unit words (``6-параграфының``,
    ``қосымша қосымшаға``) and the instruction's verb is on it or on the next non-blank line, the last
    ``n`` unit words go, in order, into the first ``n`` holes. The same words glued after the ``;`` or
    ``.`` that ends an instruction (``…ауыстырылсын;5-тармақта``) go into the hole, or else to the start.

    >>> repair_trailing_units(["ұлттық жоспарға  осы қаулыға  сәйкес жаңа қосымша қосымшаға", "редакцияда жазылсын."])[0]
    'ұлттық жоспарға қосымша осы қаулыға қосымшаға сәйкес жаңа'
    """
    out = list(lines)
    for i, line in enumerate(lines):
        ind = line[: len(line) - len(line.lstrip())]
        body = line.strip()
        glued = _GLUED_TAIL.match(body)
        if glued and _OP_WORDS.search(glued.group("body")) and _is_unit_run(glued.group("tail")):
            head, tail, end = glued.group("body"), glued.group("tail"), glued.group("end")
            gap = _GAP.search(head)
            if gap:
                out[i] = f"{ind}{head[: gap.start()]} {tail} {head[gap.end() :]}{end}"
            else:
                out[i] = f"{ind}{tail} {head}{end}"
            continue
        gaps = list(_GAP.finditer(body))
        if not gaps:
            continue
        nxt = next((ln for ln in lines[i + 1 : i + 4] if ln.strip()), "")
        if not (_OP_WORDS.search(body) or _OP_WORDS.search(nxt)):
            continue
        tokens = body.split()
        k = 0
        while k < len(tokens) - 1 and _is_unit_token(tokens[-1 - k]):
            k += 1
        if k == 0:
            continue
        n = min(k, len(gaps))
        moved = tokens[len(tokens) - n :]
        head = re.sub(r"\s+" + r"\s+".join(map(re.escape, moved)) + "$", "", body)
        pieces, last = [], 0
        for gap, word in zip(_GAP.finditer(head), moved):
            pieces.append(head[last : gap.start()] + " " + word + " ")
            last = gap.end()
        pieces.append(head[last:])
        out[i] = ind + "".join(pieces)
    return out


# ---------------------------------------------------------------------------------------------------
# Quotes
# ---------------------------------------------------------------------------------------------------

_OPEN = "«“„"
_CLOSE = "»”"
# The only characters the quote readers act on: they visit these, not every character of the text.
_QUOTE_CHAR = re.compile('["«“„»”]')


def _quote_pairs(text: str) -> list[tuple[int, int]]:
    """Outermost quoted segments ``(start, end)`` (end after the closing quote).

    Straight quotes are paired by position: one that follows a space or an opening bracket and comes
    before a letter opens, any other closes; so a title with a quoted name inside
    (``"О партии "Нұр Отан" и …"``) stays one segment.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _QUOTE_CHAR.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "“" and stack and text[stack[-1]] == "„":  # „…“, the Russian inner quotes
            s = stack.pop()
            if not stack:
                pairs.append((s, i + 1))
        elif ch in _OPEN:
            stack.append(i)
        elif ch in _CLOSE:
            if stack:
                s = stack.pop()
                if not stack:
                    pairs.append((s, i + 1))
        elif ch == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            opening = (prev.isspace() or prev in "(:[") and not nxt.isspace()
            if opening or not stack:
                if opening:
                    stack.append(i)
                # a closing quote with nothing open is stray; ignore it
            else:
                s = stack.pop()
                if not stack:
                    pairs.append((s, i + 1))
    return pairs


def _quote_open_at_end(text: str) -> bool:
    """A quotation is open at the end of ``text`` (so a colon there belongs to quoted words)."""
    stack: list[str] = []
    for m in _QUOTE_CHAR.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "“" and stack and stack[-1] == "„":
            stack.pop()
        elif ch in _OPEN:
            stack.append(ch)
        elif ch in _CLOSE:
            if stack:
                stack.pop()
        elif ch == '"':
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            if (prev.isspace() or prev in "(:[") and not nxt.isspace():
                stack.append(ch)
            elif stack:
                stack.pop()
    return bool(stack)


def _balanced(text: str) -> bool:
    """Every quotation in ``text`` is closed: as many « as », an even number of curly quotes („…“, “…”)
    and of straight ones. Counting, not pairing, copes with the unbalanced inner quotes of copied texts
    (seed 002, lines 26–28: ``"Елдің … "Дені сау ұлт" … сақтау" … табылады.";``)."""
    curly = text.count("„") + text.count("“") + text.count("”")
    return text.count("«") <= text.count("»") and curly % 2 == 0 and text.count('"') % 2 == 0


# ---------------------------------------------------------------------------------------------------
# Clauses
# ---------------------------------------------------------------------------------------------------

# "2. …", "3) …" number a point or an item; "1) тармақша …" names a subpoint and is not a marker.
_MARKER = re.compile(r"^\s*(?P<m>\d+(?:-\d+)*)(?P<t>[.)])\s(?!\s*(?:тармақша|[,–-]|және|и\s+\d))")


def _marker(lines: list[str], j: int) -> re.Match[str] | None:
    """The list marker that starts line ``j``, if it is one. A number that merely wraps onto the line
    (a registration number: "… под №" / "1995) следующие изменения:") is not: markers are short, and the
    line before does not end with a number sign."""
    m = _MARKER.match(lines[j])
    if m is None or len(m.group("m").split("-")[0]) > 3:
        return None
    prev = next((ln.strip() for ln in reversed(lines[max(0, j - 3) : j]) if ln.strip()), "")
    if re.search(r"(?:№|N)$", prev):
        return None
    return m


@dataclass
class _Clause:
    text: str  # lines joined with single spaces
    first: int  # 0-based index of its first line
    last: int  # 0-based index of its last line
    marker: str | None = None  # "." for "1. ", ")" for "1) "
    block_at: tuple[int, int] | None = None  # (line, column) where quoted new wording opens after the colon


# "… мынадай редакцияда жазылсын: "…" — new wording that opens on the instruction's own line.
_INLINE_OPEN = re.compile(r"(?:жазылсын|толықтырылсын|редакции|содержания)\s*:\s*(?=[\"«“„])", re.IGNORECASE)


# "… № 30 «Об утверждении Положения о … «Управление …» следующие изменения:", "«… «… басқармасы»
# мемлекеттік мекемесі туралы ережеде:": a cited title whose outer closing quote the copy lost. The words
# after the last closing quote open a block or a scope — they are the instruction's own — so the clause
# ends at the colon although the quotes do not balance.
_TAIL_INSTRUCTION = re.compile(
    r"[»\"”“][^«»\"“”„]{0,160}?(?:"
    r"следующ\w+\s+(?:изменени|дополнени)\w*(?:\s+и\s+\w+)?|утвержденн\w+\s+(?:указанным|этим)\s+\w+|"
    r"мынадай\s+(?:өзгеріс|толықтыру)\w*(?:\s+(?:мен|және)\s+\w+)?\s+енгізілсін|"
    r"(?:ережеде|қағидаларда|қағидада|жоспарда|бағдарламада|тұжырымдамада|тізбеде|тізбесінде|қосымшада|"
    r"қосымшасында|нұсқаулықта|стандартта)"
    r")\s*:$",
    re.IGNORECASE,
)


def _read_clause(lines: list[str], i: int, limit: int = 15) -> _Clause:
    """Lines ``i``… up to the first line end with ``:``, ``;`` or ``.`` where the quotes are balanced.

    A numbered line (``2.``, ``3)``) always starts a new clause. After ``limit`` non-blank lines of
    unbalanced text the clause ends at the first terminator anyway, so that a stray quote in a table
    does not swallow the instructions after it.
    """
    m = _marker(lines, i)
    marker = m.group("t") if m else None
    parts: list[str] = []
    first_term: int | None = None
    j = i
    count = 0
    while j < len(lines):
        s = lines[j].strip()
        if s:
            if j > i and _marker(lines, j):
                j -= 1
                break
            inline = _INLINE_OPEN.search(lines[j])
            if inline and _quote_open_at_end(lines[j][: inline.end()]):
                inline = None
            if inline:
                parts.append(lines[j][: inline.end()].strip())
                return _Clause(" ".join(parts), i, j, marker, (j, inline.end()))
            parts.append(s)
            count += 1
            if s[-1] in ":;.":
                if first_term is None:
                    first_term = j
                joined = " ".join(parts)
                if _balanced(joined) or s[-1] == ":" and _TAIL_INSTRUCTION.search(joined):
                    break
            if count >= limit and first_term is not None:
                parts = parts[: sum(1 for k in range(i, first_term + 1) if lines[k].strip())]
                j = first_term
                break
        j += 1
    j = min(j, len(lines) - 1)
    while j > i and not lines[j].strip():
        j -= 1
    return _Clause(" ".join(parts), i, j, marker)


_BLOCK_END = re.compile(r"[\"»”“]\s*[;.]\s*$|^\s*[\"»”“]\s*[;.]?\s*$")


def _read_block(lines: list[str], i: int, col: int) -> tuple[str, int] | None:
    """The quoted new wording that opens at line ``i``, column ``col``: its text and last line.

    It ends at the first line that ends with a closing quote and ``;`` or ``.`` where the quotes since
    the opening one are balanced; when none is, at the first line that ends so at all.
    """
    seen: list[str] = []
    candidates: list[int] = []
    for j in range(i, len(lines)):
        raw = lines[j][col:] if j == i else lines[j]
        seen.append(raw)
        if _BLOCK_END.search(raw.rstrip()):
            candidates.append(j)
            if _balanced("\n".join(seen)):
                return _block_text(lines, i, col, j), j
            if len(candidates) > 40:
                break
        if j > i and _MARKER.match(lines[j]) and re.match(r"^\s*\d+\.\s+(?:Осы|Настоящ)", lines[j]):
            break  # the act's closing point: the block cannot run past it
    if candidates:
        return _block_text(lines, i, col, candidates[0]), candidates[0]
    return None


def _block_text(lines: list[str], i: int, col: int, j: int) -> str:
    """The block's text without its outer quotes and final ``;``/``.``; a line that starts indented opens a
    paragraph (``\\n``), a wrapped line joins the one before, page-break blank lines vanish."""
    paras: list[str] = []
    for k in range(i, j + 1):
        raw = lines[k][col:] if k == i else lines[k]
        s = raw.strip()
        if not s:
            continue
        if not paras or raw[:1].isspace():
            paras.append(s)
        else:
            paras[-1] += " " + s
    text = "\n".join(paras).strip()
    text = re.sub(r"([\"»”“])\s*[;.]$", r"\1", text)  # the terminator after the closing quote
    if text[:1] in '"«“„':
        text = text[1:]
    if text[-1:] in '"»”“':
        text = text[:-1]
    return text.strip()


# ---------------------------------------------------------------------------------------------------
# Act citations (a small local reader; the header parser owns the full one)
# ---------------------------------------------------------------------------------------------------

_KK_TYPES = [
    ("resolution", r"қаулы\w*"),
    ("decision", r"шешім\w*"),
    ("order", r"бұйры[қғ]\w*|өкім\w*"),
    ("decree", r"жарлы[қғ]\w*"),
    ("law", r"заң(?!нам)\w*"),  # not "заңнамалық" (legislative)
    ("code", r"кодекс\w*"),
]
_RU_TYPES = [
    ("resolution", r"постановлени\w*"),
    ("decision", r"решени\w*"),
    ("order", r"приказ\w*|распоряжени\w*"),
    ("decree", r"указ(?:а|ом|е|у|ы|ов)?"),  # not "указанный"
    ("law", r"закон(?!одат)\w*"),  # not "законодательный"
    ("code", r"кодекс\w*"),
]
_TYPE_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<{t}_{lang}>{p})" for lang, tbl in (("kk", _KK_TYPES), ("ru", _RU_TYPES)) for t, p in tbl)
    + r")(?![\w-])",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"(?:№|N)\s*(?P<n>\d[\w/-]*(?:\s*-\s*[IVXLCІ]+)?)")
_ISSUERS = [
    ("government", r"Үкімет\w*|Правительств\w*"),
    ("prime-minister", r"Премьер-Министр\w*"),
    ("president", r"Президент\w*"),
    ("national-bank", r"Ұлттық\s+Банк\w*|Национальн\w+\s+Банк\w*"),
    ("parliament", r"Парламент\w*"),
]
_REGIONS = {
    "қызылорда": "kyzylorda",
    "кызылорд": "kyzylorda",
    "атырау": "atyrau",
    "алматы": "almaty",
    "алматин": "almaty",
    "ақмола": "akmola",
    "акмолин": "akmola",
    "ақтөбе": "aktobe",
    "актюбин": "aktobe",
    "қарағанды": "karaganda",
    "карагандин": "karaganda",
    "қостанай": "kostanay",
    "костанай": "kostanay",
    "павлодар": "pavlodar",
    "солтүстік қазақстан": "north-kazakhstan",
    "северо-казахстан": "north-kazakhstan",
    "шығыс қазақстан": "east-kazakhstan",
    "восточно-казахстан": "east-kazakhstan",
    "батыс қазақстан": "west-kazakhstan",
    "западно-казахстан": "west-kazakhstan",
    "оңтүстік қазақстан": "south-kazakhstan",
    "южно-казахстан": "south-kazakhstan",
    "жамбыл": "zhambyl",
    "маңғыстау": "mangystau",
    "мангистау": "mangystau",
    "түркістан": "turkestan",
    "туркестан": "turkestan",
    "абай": "abai",
    "жетісу": "zhetisu",
    "жетысу": "zhetisu",
    "ұлытау": "ulytau",
    "улытау": "ulytau",
}
_LOCAL_BODY = re.compile(
    r"(?P<region>[А-ЯӘІҢҒҮҰҚӨҺа-яәіңғүұқөһ-]+(?:\s+[А-ЯӘІҢҒҮҰҚӨҺа-яәіңғүұқөһ-]+)?)\s+"
    r"(?P<body>облыст[ыі]қ\s+мәслихат|облысы\s+әкімдіг|облысының\s+әкімдіг|областного\s+маслихата|"
    r"области\s+маслихата|области\s+акимата|областного\s+акимата)",
    re.IGNORECASE,
)

_Q = re.compile(r"⟦(\d+)⟧")


def _skeleton(text: str) -> tuple[str, list[str]]:
    """``text`` with each outermost quoted segment replaced by ``⟦n⟧``; the segments' contents."""
    quotes: list[str] = []
    out, last = [], 0
    for s, e in _quote_pairs(text):
        out.append(text[last:s])
        out.append(f"⟦{len(quotes)}⟧")
        quotes.append(text[s + 1 : e - 1].strip())
        last = e
    out.append(text[last:])
    return "".join(out), quotes


def _issuer(text: str) -> Issuer | None:
    for key, pat in _ISSUERS:
        m = re.search(pat, text)
        if m:
            return Issuer(key=key, label=m.group(0), kind=key, level="republican")
    m = _LOCAL_BODY.search(text)
    if m:
        region = m.group("region").lower()
        slug = next((v for k, v in _REGIONS.items() if region.startswith(k) or k in region), None)
        kind = "maslikhat" if re.search(r"мәслихат|маслихат", m.group("body"), re.IGNORECASE) else "akimat"
        if slug:
            return Issuer(
                key=f"{slug}-oblast-{kind}", label=m.group(0), kind=kind, level="oblast", region=slug
            )
    return None


def read_act_ref(skeleton: str, quotes: list[str], span: Span | None = None) -> ActRef | None:
    """The act a clause cites, or None when it names no act with a type and a date or number.

    Kazakh puts the title before the issuer (``"…туралы" Қазақстан Республикасы Үкіметінің 2019 жылғы
    28 мамырдағы № 326 қаулысына``); Russian after the number (``постановление Правительства Республики
    Казахстан от 28 мая 2019 года № 326 "О …"``).

    >>> ref = read_act_ref("⟦0⟧ Қазақстан Республикасы Үкіметінің 2019 жылғы 28 мамырдағы № 326 қаулысына", ["Т"])
    >>> (ref.type, ref.issuer.key, ref.date.isoformat(), ref.number, ref.title)
    ('resolution', 'government', '2019-05-28', '326', 'Т')
    """
    # where an act was published ("(Қазақстан Республикасы Парламентінің Жаршысы, 2009 ж., № 20-21 …)")
    # is not part of its identity
    skeleton = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), skeleton)
    dates = find_dates(skeleton)
    num = _NUMBER_RE.search(skeleton)
    types = [m for m in _TYPE_RE.finditer(skeleton)]
    if not types or not (dates or num):
        return None
    anchor = dates[0][1] if dates else num.start() if num else 0
    # the type word nearest to the date/number names the act (Kazakh after it, Russian before it)
    tm = min(types, key=lambda m: abs(m.start() - anchor))
    kind = next(k for k, v in tm.groupdict().items() if v)
    act_type = kind.rsplit("_", 1)[0]
    lang = _lang_of(skeleton)
    title = None
    qs = [(int(q.group(1)), q.start()) for q in _Q.finditer(skeleton)]
    if lang == "kk":  # the last quote before the type word: "…" Үкіметінің … № 326 қаулысына
        before = [n for n, pos in qs if pos < tm.start()]
        if before:
            title = quotes[before[-1]]
    else:  # the first quote after the date or number: постановление … № 326 "…"
        after = [n for n, pos in qs if pos > max(anchor, tm.start())]
        if after:
            title = quotes[after[0]]
    issuer = _issuer(skeleton)
    if issuer is None and act_type in ("law", "code"):  # laws and codes of the Republic itself
        issuer = Issuer(key="rk", kind="state", level="republican")
    return ActRef(
        type=act_type,
        issuer=issuer,
        date=dates[0][0] if dates else None,
        number=normalize_number(num.group("n")) if num else None,
        title=title,
        title_lang=lang,
        span=span,
    )


def _cite(skeleton: str, quotes: list[str], span: Span, context: Issuer | None = None) -> ActRef | None:
    """The act a clause names: the shared citation reader (``kglaw.parse.citations.find_refs``, which
    also resolves ministries and regional bodies, relative to ``context``, the affecting act's issuer)
    first, this module's small reader when it finds none or misses the issuer. Of several acts, the
    first one that has a date or a number."""
    text = _Q.sub(lambda m: '"' + quotes[int(m.group(1))] + '"', skeleton)
    try:
        hits = find_refs(Joined(text, [0], [span.start]), context)
    except KglawError:
        hits = []
    local = read_act_ref(skeleton, quotes, span)
    hit = next((h for h in hits if h.ref.date or h.ref.number), None)
    if hit is None:
        return local
    ref = hit.ref
    ref.span = span
    if ref.issuer is None and local is not None and (local.date, local.number) == (ref.date, ref.number):
        ref.issuer = local.issuer
    return ref


# ---------------------------------------------------------------------------------------------------
# Entry into force of the affecting act
# ---------------------------------------------------------------------------------------------------

_ACT_NOUN_KK = r"(?:қаулы|шешім|бұйрық|жарлық|заң|кодекс|өкім)\w*"
_ACT_NOUN_RU = r"(?:постановление|решение|приказ|указ|закон|кодекс|распоряжение)"
_EIF = re.compile(
    rf"(?P<point>(?:\d+(?:-бап)?\.|Статья\s+\d+\.)\s*)?"
    rf"(?:Осы\s+{_ACT_NOUN_KK}\s+(?P<kk>[^.;]{{0,250}}?)\s*(?:қолданысқа\s+енгізіледі|күшіне\s+енеді)"
    rf"|Настоящ\w+\s+{_ACT_NOUN_RU}\s+(?:вводится\s+в\s+действие|вступает\s+в\s+силу)\s+(?P<ru>[^;]{{0,250}}?)\.(?=\s|$))",
    re.IGNORECASE,
)


def entry_into_force(lines: list[str], doc: Document) -> tuple[date | None, Span | None]:
    """When the affecting act takes effect, as its closing point says, and where it says so.

    ``қол қойылған күнінен бастап`` / ``со дня подписания`` is the act's own date; an explicit date
    (``2024 жылғы 1 қаңтардан бастап``, ``с 1 января 2024 года``) is that date; a date counted from
    publication (``алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң``) is not in the
    text, so it stays None. The clause that opens a numbered point (``2. Осы қаулы …``) wins over one
    quoted inside new wording.
    """
    joined = join_lines(lines)
    found = list(_EIF.finditer(joined.text))
    if not found:
        return None, None
    m = next((f for f in found if f.group("point")), found[0])
    cond = m.group("kk") if m.group("kk") is not None else m.group("ru")
    span = joined.span(m.start(), m.end())
    # the general rule, without its exceptions ("2-тармақты қоспағанда, …" / "…, за исключением пункта 2")
    cond = re.split(r"қоспағанда,?", cond)[-1]
    cond = re.split(r",?\s*(?:за\s+исключением|кроме)\s", cond)[0]
    ds = find_dates(cond)
    if ds:
        return ds[0][0], span
    if re.search(r"қол\s+қойылған|подписани", cond, re.IGNORECASE):
        return doc.act.date, span
    return None, span  # counted from publication, or not said: not a date the text gives


# ---------------------------------------------------------------------------------------------------
# Instruction phrases
# ---------------------------------------------------------------------------------------------------

_WORDS_KK = r"деген\s+(?:сөз|сөздер|сан|сандар|цифр|цифрлар|таңба|белгі|әріп)\w*"
_WORDS_RU = r"(?:слов[оа]|цифр[ыу]|числ[оа]|знак[и]?|букв[ыу]|символ[ы]?)"
_WORDS_RU_INSTR = r"(?:словами|словом|цифрами|цифрой|числом|числами|знаком|знаками|буквами|буквой)"

_INTRO = re.compile(r"енгізілсін|(?<!\w)внести(?!\w)", re.IGNORECASE)
_REPEAL_ACT = re.compile(r"күші\s+жойылды\s+деп\s+танылсын|признать\s+утратившим\w*\s+силу", re.IGNORECASE)
_SUBST = re.compile(
    r"(?:(?:мынадай|жаңа)\s+)?редакцияда\s+жазылсын|изложить\s+в\s+(?:(?:следующей|новой)\s+)?редакции",
    re.IGNORECASE,
)
_INSERT = re.compile(r"толықтырылсын|(?<!\w)дополнить(?!\w)", re.IGNORECASE)
_DELETE = re.compile(r"алып\s+тасталсын|(?<!\w)исключить(?!\w)", re.IGNORECASE)
_RENUM = re.compile(r"болып\s+есептелсін|(?<!\w)считать(?!\w)", re.IGNORECASE)
_REPLACE = re.compile(r"ауыстырылсын|(?<!\w)заменить(?!\w)", re.IGNORECASE)
_WANTS_TEXT = re.compile(
    r"жазылсын\s*:|толықтырылсын\s*:|редакции\s*:|содержания\s*:|следующ\w+\s*:", re.IGNORECASE
)

# Pairs of quoted words: "X" деген сөздер "Y" деген сөздермен; слова "X" заменить словами "Y".
_KK_PAIR = re.compile(rf"⟦(\d+)⟧\s*{_WORDS_KK}\s*,?\s*⟦(\d+)⟧\s*{_WORDS_KK}")
_RU_PAIR = re.compile(
    rf"{_WORDS_RU}\s*⟦(\d+)⟧\s*(?:заменить\s+)?(?:соответственно\s+)?{_WORDS_RU_INSTR}\s*⟦(\d+)⟧",
    re.IGNORECASE,
)
_KK_AFTER = re.compile(rf"⟦(\d+)⟧\s*{_WORDS_KK}\s*кейін\s*⟦(\d+)⟧\s*{_WORDS_KK}", re.IGNORECASE)
_RU_AFTER = re.compile(
    rf"после\s+(?:{_WORDS_RU}|слов\w*)\s*⟦(\d+)⟧.*?{_WORDS_RU_INSTR}\s*⟦(\d+)⟧", re.IGNORECASE
)
_KK_WORDS_ONLY = re.compile(rf"⟦(\d+)⟧\s*{_WORDS_KK}", re.IGNORECASE)
_RU_WORDS_ONLY = re.compile(rf"(?:{_WORDS_RU}|{_WORDS_RU_INSTR})\s*⟦(\d+)⟧", re.IGNORECASE)
_QLIST = r"(?P<qs>⟦\d+⟧(?:\s*(?:,|және|и)\s*⟦\d+⟧)*)"
_KK_WORD_LIST = re.compile(rf"{_QLIST}\s*{_WORDS_KK}", re.IGNORECASE)
_RU_NEW_LIST = re.compile(rf"{_WORDS_RU_INSTR}\s*{_QLIST}", re.IGNORECASE)
_RU_WORD_LIST = re.compile(rf"{_WORDS_RU}\s*{_QLIST}", re.IGNORECASE)
_THROUGHOUT = re.compile(r"мәтіні?\s+бойынша|по\s+всему\s+тексту", re.IGNORECASE)

# "осы қаулыға қосымшаға сәйкес" / "согласно приложению к настоящему постановлению": new wording that is
# an appendix of the affecting act itself.
_OWN_APPENDIX = re.compile(
    # one appendix or a list of them: "осы шешімнің 1, 2 және 3-қосымшаларына сәйкес", "согласно
    # приложениям 1, 2 и 3 к настоящему решению"
    r"осы\s+\w+\s+(?P<kn>(?:\d+(?:-\d+)?(?:\s*,\s*|\s+(?:және|мен)\s+))*\d+(?:-\d+)?-)?қосымша\w*\s+сәйкес|"
    r"согласно\s+приложени\w*(?:\s+(?P<rn>\d+(?:\s*(?:,|\bи\b)\s*\d+)*))?\s+к\s+настоящему\s+\w+",
    re.IGNORECASE,
)

# An approved document: "көрсетілген қаулымен бекітілген … ұлттық жоспарда", "в Плане …, утвержденном
# указанным постановлением".
_DOC_KINDS = [
    ("plan", r"жоспар\w*|план\w*"),
    ("programme", r"бағдарлама\w*|программ\w*"),
    ("concept", r"тұжырымдама\w*|концепци\w*"),
    ("rules", r"қағида\w*|правил\w*"),
    ("regulation", r"ереже\w*|положени\w*"),
    ("list", r"тізбе\w*|перечн\w*|перечен\w*"),
    ("strategy", r"стратегия\w*|стратеги\w*"),
]
_DOC_WORD = "|".join(f"(?P<d_{k}>{p})" for k, p in _DOC_KINDS)
_DOC_WORD_RE = re.compile(rf"(?<!\w)(?:{_DOC_WORD})(?!\w)", re.IGNORECASE)
# Kazakh: "<by the act> бекітілген <name … head noun>"; the head noun is the last document word before the
# units or the instruction ("… іске асыру жөніндегі іс-шаралар жоспарында" is a plan, not a programme).
_KK_APPROVED = re.compile(
    r"(?:(?:көрсетілген|аталған)\s+\w+\s+|⟦\d+⟧[^⟦]*?(?:қаулы|шешім|бұйры[ғқ]|жарлы[ғқ])\w*\s+)бекітілген\s+",
    re.IGNORECASE,
)
# Russian: "в <Adjective> Плане …, утвержденном указанным постановлением"; the head noun comes first.
_RU_DOC = re.compile(
    rf"(?<!\w)(?P<title>(?:[А-ЯЁ][а-яё-]+(?:ом|ой|ем|ей|ую|ая|ый|ий|ое|ых|ого|его|ому|ему)\s+){{0,2}})"
    rf"(?i:{_DOC_WORD})(?!\w)(?P<rest>[^:;]*?),?\s+(?i:утвержденн)\w+\s+"
    rf"(?P<by>(?:указанным|этим|названным|данным)\s+\w+|[^:;]*?(?:постановлением|решением|приказом|указом)[^:;]*?(?=[,:;]|$))",
)
# A clause that names just an act and a colon opens a block for that act (laws amending several acts,
# appendices "Изменения, которые вносятся …").
_ACT_OPENER = re.compile(
    r"^\s*(?:В|Во)\s+(?:постановлени|кодекс|закон|указ|приказ|решени|распоряжени)\w*|"
    r"(?:қаулы|шешім|бұйры[ғқ]|жарлы[ғқ]|заң|кодекс)\w*?(?:на|не|ға|ге|қа|ке|да|де|та|те)\s*(?:\([^()]*\)\s*)?:\s*$",
    re.IGNORECASE,
)
_REPEALED_LIST_HEADING = re.compile(
    r"күші\s+жойыл(?:ған|атын|ды\s+деп\s+таныл)|утративших\s+силу|утрачивающих\s+силу|"
    r"(?:признанных|признаваемых)\s+утратившими",
    re.IGNORECASE,
)
# "the said act": the act of the enclosing block, not a new citation
_SAID_ACT = re.compile(
    r"(?:көрсетілген|аталған)\s+(?:қаулы|шешім|бұйры[ғқ]|жарлы[ғқ]|заң|кодекс)|"
    r"указанн\w+\s+(?:постановлени|решени|приказ|указ|закон|кодекс)",
    re.IGNORECASE,
)
_ACT_SCOPE = re.compile(
    r"^(?:\d+[.)]\s*)?(?:қаулыда|в\s+(?:указанном\s+)?постановлении)\s*:?$", re.IGNORECASE
)


@dataclass
class _Scope:
    depth: int
    act: ActRef | None = None
    document: str | None = None  # "act" for the act itself, else a _DOC_KINDS key
    document_title: str | None = None
    path: list[tuple[str, str]] = field(default_factory=list)
    label: str | None = None


def _doc_ref(skel: str, lang: str) -> tuple[str, str | None, int, int] | None:
    """An approved document named in the clause: (kind, name as written, start, end of the naming words)."""
    for reader in (_kk_doc_ref, _ru_doc_ref) if lang == "kk" else (_ru_doc_ref, _kk_doc_ref):
        found = reader(skel)
        if found is not None:
            return found
    return None


def _doc_kind(m: re.Match[str]) -> str:
    return next(k[2:] for k, v in m.groupdict().items() if k.startswith("d_") and v)


def _kk_doc_ref(skel: str) -> tuple[str, str | None, int, int] | None:
    m = _KK_APPROVED.search(skel)
    if not m:
        return None
    rest = skel[m.end() :]
    units = find_units(rest)
    op = _OP_WORDS.search(rest)
    cut = min([len(rest)] + [u.start for u in units] + ([op.start()] if op else []))
    heads = [d for d in _DOC_WORD_RE.finditer(rest) if d.end() <= cut]
    if not heads:
        return None
    head = heads[-1]
    title = re.sub(r"\s+", " ", rest[: head.end()]).strip()
    return _doc_kind(head), title, m.start(), m.end() + head.end()


def _ru_doc_ref(skel: str) -> tuple[str, str | None, int, int] | None:
    m = _RU_DOC.search(skel)
    if not m:
        return None
    word = next(v for k, v in m.groupdict().items() if k.startswith("d_") and v)
    title = re.sub(r"\s+", " ", f"{m.group('title')}{word}{m.group('rest')}").strip(" ,")
    return _doc_kind(m), title, m.start(), m.end()


_KK_LETTER = re.compile(r"[әіңғүұқөһ]", re.IGNORECASE)


def _lang_of(text: str) -> str:
    return "kk" if _KK_LETTER.search(text) else "ru"


def _strip_citation(skel: str) -> str:
    """The clause without the words of an act citation (dates, numbers, type and issuer words), so that a
    date's "28 мамырдағы" or a title is never read as a unit."""
    s = _Q.sub(" ", skel)
    for d, a, b in sorted(find_dates(s), key=lambda t: -t[1]):
        s = s[:a] + " " * (b - a) + s[b:]
    return _NUMBER_RE.sub(lambda m: " " * len(m.group(0)), s)


_TRIGGERS = (_INTRO, _REPEAL_ACT, _SUBST, _INSERT, _DELETE, _RENUM, _REPLACE, _REPEALED_LIST_HEADING)
# A literal that every match of one of _TRIGGERS contains (one per alternative of each pattern):
# _INTRO енгізілсін|внести; _REPEAL_ACT жойылды|утратившим; _SUBST редакцияда|редакции; _INSERT
# толықтырылсын|дополнить; _DELETE тасталсын|исключить; _RENUM есептелсін|считать; _REPLACE
# ауыстырылсын|заменить; _REPEALED_LIST_HEADING жойыл|утративших|утрачивающих.
_TRIGGER_WORDS = (
    "енгізілсін",
    "внести",
    "жойыл",
    "утративш",
    "редакци",
    "толықтырылсын",
    "дополнить",
    "тасталсын",
    "исключить",
    "есептелсін",
    "считать",
    "ауыстырылсын",
    "заменить",
    "утрачивающих",
)


# The words every match of each of _TRIGGERS begins with (lowercased), for prefilter.WordSearch.
_TRIGGER_STARTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (_INTRO, ("енгізілсін", "внести")),
    (_REPEAL_ACT, ("күші", "признать")),
    (_SUBST, ("мынадай", "жаңа", "редакцияда", "изложить")),
    (_INSERT, ("толықтырылсын", "дополнить")),
    (_DELETE, ("алып", "исключить")),
    (_RENUM, ("болып", "считать")),
    (_REPLACE, ("ауыстырылсын", "заменить")),
    (_REPEALED_LIST_HEADING, ("күші", "утративших", "утрачивающих", "признанных", "признаваемых")),
)


def _may_amend(lines: list[str]) -> bool:
    """Whether the text holds any word an instruction or an amending block needs (a cheap gate: most
    acts amend nothing, and reading every clause of them is the parser's largest cost). The keyword
    test and the word search (:mod:`.prefilter`) only spare the regular expressions positions where
    none of them can match."""
    text = " ".join(lines)
    low = folded(text)
    if not has_any(low, _TRIGGER_WORDS):
        return False
    return any(WordSearch(p, text, starts, fold=True, low=low).search(0) for p, starts in _TRIGGER_STARTS)


def parse_operations(lines: list[str], doc: Document) -> list[AmendmentOperation]:
    """Every amendment instruction in a document, in the order of the act.

    ``lines`` are the normalised lines (index ``i`` is original line ``i + 1``). Each operation carries
    the affected act (read from the instruction or inherited from the block that names it), the unit
    (outermost first, scopes merged in), the type, old words and new text where the text gives them,
    its order (1-based, across the act), the affecting act's entry-into-force date where the text fixes
    one, and the lines it was read from. Unreadable instructions become warnings on ``doc``.
    """
    if not _may_amend(lines):
        return []
    lines = repair_trailing_units(lines)
    lang_default = doc.language or _lang_of(" ".join(lines[:200]))
    eff, _ = entry_into_force(lines, doc)
    ops: list[AmendmentOperation] = []
    block_act: ActRef | None = None
    block_open = False  # inside "… мынадай өзгерістер енгізілсін:" / "Внести … следующие изменения:"
    block_start: tuple[Span, int] | None = None  # where the block opened, and how many operations came before
    scopes: list[_Scope] = []
    repeal_list_depth: int | None = None
    repeal_appendix = 0  # 1: the act repeals acts listed in its appendix; 2: inside that list
    marker_depth = 0
    i = 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        clause = _read_clause(lines, i)
        i = clause.last + 1
        text = clause.text
        lang = _lang_of(text) if re.search(r"[а-яә]", text, re.IGNORECASE) else lang_default
        span = Span(clause.first + 1, clause.last + 1)
        skel, quotes = _skeleton(text)
        body = re.sub(r"^\d+(?:-\d+)*[.)]\s*", "", skel) if clause.marker else skel
        if clause.marker:
            marker_depth = 0 if clause.marker == "." else 1
            scopes = [s for s in scopes if s.depth <= marker_depth]
            if marker_depth == 0:
                # "Внести изменения … в следующие законодательные акты:" names no act: its acts follow, one
                # per point ("1. В Кодекс … :"), and the block is not empty
                if not (
                    block_open
                    and block_act is None
                    and body.rstrip().endswith(":")
                    and _ACT_OPENER.search(body)
                ):
                    _check_block(doc, block_start, ops)
                block_act, block_open, block_start = None, False, None
                scopes = []
                if repeal_list_depth == 0 and repeal_appendix < 2:
                    repeal_list_depth = None

        # 1. A block opener: "… қаулысына мынадай өзгерістер енгізілсін:" / "Внести в … следующие изменения:"
        if _INTRO.search(body) and not _SUBST.search(body) and not _REPEAL_ACT.search(body):
            ref = _cite(body, quotes, span, doc.act.issuer)
            if block_open and (clause.marker == ")" or clause.marker is None) and ref is not None:
                # one act of several: "1) … № 754 қаулысына мынадай өзгеріс енгізілсін:"
                scopes = [s for s in scopes if s.depth < 2]
                scopes.append(_Scope(depth=2, act=ref))
            elif body.rstrip().endswith(":"):
                # the act itself, or several acts named one by one below ("кейбір шешімдеріне")
                _check_block(doc, block_start, ops)
                block_act, block_open, scopes = ref, True, []
                block_start = (span, len(ops))
            continue

        # 2. Repeal of whole acts or their units
        if _REPEAL_ACT.search(body):
            ref = _cite(body, quotes, span, doc.act.issuer) if not _SAID_ACT.search(body) else None
            if ref is None and body.rstrip().endswith(":"):
                repeal_list_depth = marker_depth
                continue
            if ref is None and _OWN_APPENDIX.search(body):
                repeal_appendix = 1  # "…күші жойылды деп танылсын" with the list in the appendix
                continue
            if ref is not None:
                prov = parse_provision(_strip_citation(body), lang)
                ops.append(_op(len(ops) + 1, "repeal", ref, prov, None, None, None, eff, span))
                continue
            if _current_act(scopes, block_act) is None:
                doc.warnings.append(Warning_("repeal instruction without a readable act", span, "amendment"))
                continue
            # "5-тармақтың күші жойылды деп танылсын" / "пункт 5 признать утратившим силу" inside a block: a
            # unit of the act (or of the document) in scope, read like any other instruction
        if repeal_appendix == 1 and not clause.marker and _REPEALED_LIST_HEADING.search(body):
            repeal_appendix, repeal_list_depth = 2, 0
            continue
        if repeal_list_depth is not None and clause.marker and not _OP_WORDS.search(body):
            ref = _cite(body, quotes, span, doc.act.issuer)
            if ref is not None:
                prov = parse_provision(_strip_citation(body), lang)
                ops.append(_op(len(ops) + 1, "repeal", ref, prov, None, None, None, eff, span))
                continue

        kind = "repeal" if _REPEAL_ACT.search(body) else _classify(body)
        if kind is None:
            if body.rstrip().endswith(":") and block_open:
                _open_scope(body, quotes, lang, span, scopes, marker_depth, doc)
            elif body.rstrip().endswith(":") and _ACT_OPENER.search(body):
                # "1. В Кодекс … :" / "1. … Кодексіне (…):" — one act of a law that amends several
                ref = _cite(body, quotes, span, doc.act.issuer)
                if ref is not None:
                    _check_block(doc, block_start, ops)
                    block_act, block_open, scopes = ref, True, []
                    block_start = (span, len(ops))
            continue

        # 3. An instruction
        own_ref = None if _SAID_ACT.search(body) else _cite(body, quotes, span, doc.act.issuer)
        target = own_ref or _current_act(scopes, block_act)
        if target is None:
            continue  # an instruction outside any amending block names no act: not ours to read
        work = body
        new_wording = None
        m_app = _OWN_APPENDIX.search(work)
        if m_app:
            n = (m_app.group("kn") or "").rstrip("-") or m_app.group("rn")
            n = number_list(re.split(r"\s*(?:,|\bжәне\b|\bмен\b|\bи\b)\s*", n)) if n else n
            new_wording = f"appendix-{n}" if n else "appendix"
            work = work[: m_app.start()] + " " * (m_app.end() - m_app.start()) + work[m_app.end() :]
        doc_ref = _doc_ref(work, lang)
        document, doc_title = _current_document(scopes)
        base_path = _scope_path(scopes)
        if doc_ref is not None:
            document, doc_title = doc_ref[0], doc_ref[1]
            # the document's name is not a unit; the unit words stand after it (kk) or before it (ru)
            work = work[: doc_ref[2]] + " " * (doc_ref[3] - doc_ref[2]) + work[doc_ref[3] :]
            base_path = []
            scopes[:] = [s for s in scopes if not s.path or s.depth < marker_depth + 1]
        elif own_ref is not None:
            document, doc_title, base_path = None, None, []
        unit_text = _strip_citation(work)
        new_text = None
        end_line = clause.last
        built: list[AmendmentOperation] = []
        if kind == "replacement":
            prov = _merged(base_path, unit_text, lang, scopes, throughout=bool(_THROUGHOUT.search(work)))
            pairs = _replacement_pairs(work, quotes)
            if not pairs:
                doc.warnings.append(
                    Warning_("replacement without readable old and new words", span, "amendment")
                )
                continue
            for old_w, new_w in pairs:
                built.append(_op(0, "replacement", target, prov, document, old_w, new_w, eff, span))
        elif kind == "word-insertion":
            prov = _merged(base_path, unit_text, lang, scopes)
            # "после слов "X" дополнить словами "Y", после слов "Z" – словами "W"": one insertion per couple
            found = [int(m.group(2)) for rx in (_KK_AFTER, _RU_AFTER) for m in rx.finditer(work)]
            for q in found or [int(_last_quote(work))]:
                built.append(_op(0, "insertion", target, prov, document, None, quotes[q], eff, span))
        elif kind == "word-deletion":
            prov = _merged(base_path, unit_text, lang, scopes)
            # "слова "X", "Y" исключить" / ""X", "Y" деген сөздер алып тасталсын": one repeal per word
            runs = [m.group("qs") for rx in (_KK_WORD_LIST, _RU_WORD_LIST) for m in rx.finditer(work)]
            for n in [int(q) for run in runs or [work] for q in _Q.findall(run)]:
                built.append(_op(0, "repeal", target, prov, document, quotes[n], None, eff, span))
        elif kind == "renumbering":
            units = find_units(unit_text)
            if len(units) >= 2:
                old_u, new_u = units[0], units[-1]
                prov = _merged(base_path, unit_text[: new_u.start], lang, scopes)
                built.append(_op(0, "renumbering", target, prov, document, old_u.text, new_u.text, eff, span))
            else:
                doc.warnings.append(
                    Warning_("renumbering without the old and the new unit", span, "amendment")
                )
        else:
            prov = _merged(base_path, unit_text, lang, scopes)
            if kind in ("substitution", "insertion"):
                inline = _inline_new_text(work, quotes)
                if inline is not None:
                    new_text = inline
                elif new_wording is None and (clause.block_at or _WANTS_TEXT.search(work)):
                    if clause.block_at:
                        blk = _read_block(lines, *clause.block_at)
                    else:
                        blk = _next_block(lines, clause.last + 1)
                    if blk is not None:
                        new_text, end_line = blk
                        i = end_line + 1
                    else:
                        doc.warnings.append(
                            Warning_("new wording announced but no quoted text follows", span, "amendment")
                        )
            # the old wording of a title is the title the citation quotes: a fact the text states
            old = None
            if (
                kind == "substitution"
                and document is None
                and prov is not None
                and prov.path == [("title", "")]
            ):
                old = target.title
            built.append(
                _op(0, kind, target, prov, document, old, new_text, eff, Span(span.start, end_line + 1))
            )
        for op in built:
            op.order = len(ops) + 1
            op.target_document_title = doc_title if op.target_document else None
            op.new_wording = new_wording
            ops.append(op)
    _check_block(doc, block_start, ops)
    return ops


def _check_block(doc: Document, start: tuple[Span, int] | None, ops: list[AmendmentOperation]) -> None:
    """An amending block from which no instruction was read is reported: its wording is one this module
    does not know, and the operations it holds are missing from the graph."""
    if start is not None and len(ops) == start[1]:
        doc.warnings.append(Warning_("amending block without a readable instruction", start[0], "amendment"))


def _classify(body: str) -> str | None:
    """The kind of instruction a clause gives, or None if it gives none."""
    if _REPLACE.search(body) and _Q.search(body):
        return "replacement"
    if _INSERT.search(body) and (_KK_AFTER.search(body) or _RU_AFTER.search(body)):
        return "word-insertion"
    if _INSERT.search(body) and re.search(
        rf"⟦\d+⟧\s*{_WORDS_KK}мен|{_WORDS_RU_INSTR}\s*⟦\d+⟧", body, re.IGNORECASE
    ):
        return "word-insertion"
    if _DELETE.search(body) and (_KK_WORDS_ONLY.search(body) or _RU_WORDS_ONLY.search(body)):
        return "word-deletion"
    if _RENUM.search(body):
        return "renumbering"
    if _SUBST.search(body):
        return "substitution"
    if _INSERT.search(body):
        return "insertion"
    if _DELETE.search(body):
        return "repeal"
    return None


def _replacement_pairs(work: str, quotes: list[str]) -> list[tuple[str, str]]:
    """(old, new) words of a replacement. One pair per "X … Y" couple; lists with ``тиісінше`` /
    ``соответственно`` pair their members in order; many old words and one new word share it.

    >>> _replacement_pairs("слова ⟦0⟧, ⟦1⟧ заменить соответственно словами ⟦2⟧, ⟦3⟧", ["a", "b", "c", "d"])
    [('a', 'c'), ('b', 'd')]
    """
    pairs = [(quotes[int(a)], quotes[int(b)]) for a, b in _KK_PAIR.findall(work) + _RU_PAIR.findall(work)]
    if pairs and not re.search(r"тиісінше|соответственно", work, re.IGNORECASE):
        return pairs
    kk_runs = [m.group("qs") for m in _KK_WORD_LIST.finditer(work)]
    ru_old = [m.group("qs") for m in _RU_WORD_LIST.finditer(work)]
    ru_new = [m.group("qs") for m in _RU_NEW_LIST.finditer(work)]
    if len(kk_runs) >= 2:
        old_run, new_run = kk_runs[0], kk_runs[1]
    elif ru_old and ru_new:
        old_run, new_run = ru_old[0], ru_new[0]
    else:
        return pairs
    olds = [quotes[int(n)] for n in _Q.findall(old_run)]
    news = [quotes[int(n)] for n in _Q.findall(new_run)]
    if len(olds) == len(news):
        return list(zip(olds, news, strict=True))
    if len(news) == 1:
        return [(o, news[0]) for o in olds]
    return pairs


def _last_quote(text: str) -> str:
    qs = _Q.findall(text)
    return qs[-1] if qs else "0"


def _inline_new_text(work: str, quotes: list[str]) -> str | None:
    """New wording quoted on the instruction's own line, after its colon."""
    m = re.search(r"(?:жазылсын|толықтырылсын|редакции|содержания)\s*:\s*⟦(\d+)⟧", work, re.IGNORECASE)
    return quotes[int(m.group(1))] if m else None


def _next_block(lines: list[str], i: int) -> tuple[str, int] | None:
    j = i
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines):
        return None
    s = lines[j]
    col = len(s) - len(s.lstrip())
    if s[col : col + 1] not in '"«“„':
        return None
    return _read_block(lines, j, col)


def _current_act(scopes: list[_Scope], block_act: ActRef | None) -> ActRef | None:
    for s in reversed(scopes):
        if s.act is not None:
            return s.act
    return block_act


def _current_document(scopes: list[_Scope]) -> tuple[str | None, str | None]:
    for s in reversed(scopes):
        if s.document is not None:
            return (None, None) if s.document == "act" else (s.document, s.document_title)
        if s.act is not None:
            return None, None
    return None, None


def _scope_path(scopes: list[_Scope]) -> list[tuple[str, str]]:
    path: list[tuple[str, str]] = []
    for s in scopes:
        if s.document is not None or s.act is not None:
            path = []
        path = merge_paths(path, s.path)
    return path


def _scope_label(scopes: list[_Scope]) -> str:
    return " ".join(s.label for s in scopes if s.label and s.path)


def _merged(
    base: list[tuple[str, str]], unit_text: str, lang: str, scopes: list[_Scope], throughout: bool = False
) -> Provision | None:
    own = None if throughout else parse_provision(unit_text, lang)
    path = merge_paths(base, own.path if own else [])
    if not path:
        return None
    if own is None:
        return Provision(path=path, label=_scope_label(scopes) or None)
    prefix = _scope_label(scopes) if path[: len(path) - len(own.path)] else ""
    label = f"{prefix} {own.label}".strip() if prefix and base else own.label
    return Provision(path=path, label=label)


def _open_scope(
    body: str,
    quotes: list[str],
    lang: str,
    span: Span,
    scopes: list[_Scope],
    marker_depth: int,
    doc: Document,
) -> None:
    """A clause that ends with a colon and gives no instruction opens a scope for the next ones."""
    depth = marker_depth + 1
    ref = None if _SAID_ACT.search(body) else _cite(body, quotes, span, doc.act.issuer)
    doc_ref = _doc_ref(body, lang)
    work = body
    if doc_ref is not None:
        work = work[: doc_ref[2]] + " " * (doc_ref[3] - doc_ref[2]) + work[doc_ref[3] :]
    prov = parse_provision(_strip_citation(work), lang)
    new = _Scope(depth=depth, act=ref)
    if doc_ref is not None:
        new.document, new.document_title = doc_ref[0], doc_ref[1]
    elif _ACT_SCOPE.match(body.strip()) or (ref is not None and prov is None):
        new.document = "act"
    if prov is not None:
        new.path, new.label = prov.path, prov.label
    if new.document is None and new.act is None and not new.path:
        return
    # a scope replaces the sibling scopes it restates: a document replaces documents and units; a unit
    # replaces units of the same or a lower level
    keep: list[_Scope] = []
    for s in scopes:
        if s.depth < depth:
            keep.append(s)
        elif (
            new.document is not None
            or new.act is not None
            or s.path
            and new.path
            and RANK[new.path[0][0]] <= RANK[s.path[-1][0]]
        ):
            continue
        else:
            keep.append(s)
    keep.append(new)
    scopes[:] = keep


def _op(
    order: int,
    kind: str,
    target: ActRef,
    prov: Provision | None,
    document: str | None,
    old: str | None,
    new: str | None,
    eff: date | None,
    span: Span,
) -> AmendmentOperation:
    return AmendmentOperation(
        order=order,
        type=kind,
        target=target,
        provision=prov,
        target_document=document if document not in (None, "act") else None,
        old_text=old,
        new_text=new,
        effective_date=eff,
        span=span,
    )
