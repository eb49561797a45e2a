"""What the approving act's own body says about the programme it approves or re-words.

The table layouts read the appendix; this module reads the resolution around it (Kazakh and Russian):

- **the approval clause** ``Қоса беріліп отырған <title> (бұдан әрі – …) бекітілсін`` / ``Утвердить
  прилагаемую <title>``: the programme's title in the nominative, as the act names it (also when the
  clause is quoted as the new wording of point 1 of an amended act);
- **a re-worded appendix**: an amending act whose body says that the appendix of the plan approved by the
  amended act is set out in new wording according to the appendix of this act (``… қосымша осы қаулыға
  қосымшаға сәйкес жаңа редакцияда жазылсын`` / ``приложение … изложить в новой редакции согласно
  приложению к настоящему постановлению``). The appendix then is the new action plan of *that*
  programme: ``approved_by`` is the amended act (``№ 326 қаулысына … енгізу``), and
  ``replaces_appendix_of`` tells the builder to link the measures as the appendix's new wording;
- **target indicators** listed in the concept body (``Нысаналы индикаторлар`` section, ``1. <name>: 2025
  жылы – 1,2 %, …``) when the action plan carries none.

:func:`refine_programme` is called by :func:`kglaw.parse.plans.parse_plans` for every programme.
"""

from __future__ import annotations

import re

from kglaw.model import ActRef, Document, Issuer, Programme, Span, Warning_
from kglaw.parse.dates import parse_date

from .deadlines import parse_deadline
from .layout_tab_cells import parse_indicator

__all__ = ["amended_act", "approval_title", "refine_programme", "replaced_appendix"]

_KIND_WORD = {
    "concept": re.compile(r"тұжырымдама|концепци", re.IGNORECASE),
    "programme": re.compile(r"бағдарлама|программ", re.IGNORECASE),
    "plan": re.compile(r"жоспар|план", re.IGNORECASE),
}
_APPROVAL_KK = re.compile(
    r"Қоса\s+беріліп\s+отырған\s+(?P<title>.+?)\s*(?:\(\s*бұдан\s+әрі\s*[–—-][^)]*\)\s*)?бекітілсін",
    re.DOTALL,
)
_APPROVAL_RU = re.compile(
    r"Утвердить\s+прилагаем\w+\s+(?P<title>.+?)\s*(?:\(\s*далее\s*[–—-][^)]*\)\s*)?[.;]", re.DOTALL
)
_NEW_APPENDIX_KK = re.compile(
    r"(?=[^.;]*қосымша)(?=[^.;]*жаңа)[^.;]{0,300}?редакцияда\s+жазылсын", re.DOTALL | re.IGNORECASE
)
_NEW_APPENDIX_RU = re.compile(
    r"приложени\w*[^.]{0,200}?изложить\s+в\s+новой\s+редакции|изложить\s+в\s+новой\s+редакции[^.]{0,120}?приложени",
    re.DOTALL | re.IGNORECASE,
)
# The act an amending act amends: "Үкіметінің 2019 жылғы 28 мамырдағы № 326 қаулысына … енгізу";
# "в постановление Правительства Республики Казахстан от 28 мая 2019 года № 326".
_AMENDED_KK = re.compile(
    r"(?P<issuer>Үкіметінің|әкімдігінің|мәслихатының)\s+(?P<date>\d{4}\s*жылғы\s+\d{1,2}\s+\S+)\s+"
    r"№\s*(?P<num>[\w/-]+)\s+(?P<type>қаулысына|шешіміне|бұйрығына)"
)
_AMENDED_RU = re.compile(
    r"в\s+(?P<type>постановление|решение|приказ)\s+(?P<issuer>Правительства|акимата|маслихата)[^№]{0,80}?"
    r"от\s+(?P<date>\d{1,2}\s+\S+\s+\d{4}\s*года|\d{1,2}\.\d{1,2}\.\d{4})\s*(?:года\s*)?№\s*(?P<num>[\w/-]+)"
)
_TYPES = {
    "қаулысына": "resolution",
    "постановление": "resolution",
    "шешіміне": "decision",
    "решение": "decision",
    "бұйрығына": "order",
    "приказ": "order",
}
_INDICATORS_HEADING = re.compile(
    r"Нысаналы\s+индикаторлар|Целевые\s+индикаторы|Целевые\s+показатели", re.IGNORECASE
)
_NUMBERED = re.compile(r"^\s*(\d{1,2})\.\s*(\S.*:.*(?:19|20)\d{2}.*)$")


def _joined(lines: list[str], start: int, end: int) -> tuple[str, list[int]]:
    """Lines ``start``–``end`` joined by single spaces, with the line index of every character."""
    text, owner = "", []
    for i in range(max(0, start), min(end, len(lines))):
        part = " ".join(lines[i].split())  # whitespace runs (NBSP included) as single spaces, stripped
        if not part:
            continue
        if text:
            text += " "
            owner.append(i)
        text += part
        owner.extend([i] * len(part))
    return text, owner


def _span(owner: list[int], a: int, b: int) -> Span:
    return Span(owner[a] + 1, owner[max(a, b - 1)] + 1)


def approval_title(lines: list[str], end: int, kind: str) -> tuple[str, Span] | None:
    """The title the approval clause gives a programme of ``kind`` (the last such clause before
    ``end``: an amending act quotes the new wording after the old)."""
    text, owner = _joined(lines, 0, end)
    best = None
    for rx in (_APPROVAL_KK, _APPROVAL_RU):
        for m in rx.finditer(text):
            title = m.group("title").strip(' "«»')
            if len(title) < 15 or len(title) > 600:
                continue
            if kind in _KIND_WORD and not _KIND_WORD[kind].search(title.split()[-1] if title.split() else ""):
                continue
            best = (title, _span(owner, m.start("title"), m.end("title")))
    return best


def amended_act(lines: list[str], end: int) -> ActRef | None:
    """The act an amending act amends, from its title or first point."""
    text, owner = _joined(lines, 0, end)
    for rx in (_AMENDED_KK, _AMENDED_RU):
        m = rx.search(text)
        if not m:
            continue
        issuer = m.group("issuer")
        key = "government" if issuer.startswith(("Үкімет", "Правительств")) else None
        return ActRef(
            type=_TYPES.get(m.group("type").lower()),
            issuer=Issuer(key=key, kind="government", level="republican") if key else None,
            date=parse_date(m.group("date")),
            number=m.group("num"),
            span=_span(owner, m.start(), m.end()),
        )
    return None


#: The words every match of the two patterns contains, and the characters a match cannot cross.
_NEW_APPENDIX_ANCHORS = (
    (_NEW_APPENDIX_KK, re.compile(r"редакцияда\s+жазылсын", re.IGNORECASE), ".;"),
    (_NEW_APPENDIX_RU, re.compile(r"изложить\s+в\s+новой\s+редакции", re.IGNORECASE), "."),
)


def _search_in_sentences(
    rx: re.Pattern[str], anchor: re.Pattern[str], stops: str, text: str
) -> re.Match[str] | None:
    """``rx.search(text)``, run only on the sentences that hold ``anchor``: a match cannot cross
    ``stops``, so the result is the same, and a long text without the anchor costs one scan instead of
    a look-ahead from every position (issue 9: a 50 MB text took hours here)."""
    done = -1
    for a in anchor.finditer(text):
        if a.start() < done:
            continue
        lo = max(text.rfind(c, 0, a.start()) for c in stops) + 1
        ends = [i for i in (text.find(c, a.end()) for c in stops) if i >= 0]
        hi = min(ends) if ends else len(text)
        m = rx.search(text, lo, hi)
        if m:
            return m
        done = hi
    return None


def replaced_appendix(lines: list[str], end: int) -> Span | None:
    """Where the body says that an appendix is set out in new wording (None when it does not)."""
    text, owner = _joined(lines, 0, end)
    for rx, anchor, stops in _NEW_APPENDIX_ANCHORS:
        m = _search_in_sentences(rx, anchor, stops, text)
        if m:
            return _span(owner, m.start(), m.end())
    return None


def _body_indicators(lines: list[str], start: int, end: int) -> list:
    for i in range(start, end):
        if _INDICATORS_HEADING.search(lines[i]) and len(lines[i].strip()) < 120:
            out = []
            for k in range(i + 1, min(end, i + 80)):
                t = lines[k].strip()
                if not t:
                    continue
                m = _NUMBERED.match(t)
                if m:
                    ind = parse_indicator(m.group(2), Span(k + 1, k + 1))
                    if ind.targets:
                        out.append(ind)
                elif out and re.match(r"^\d+-бөлім|^\d+\.\s*[А-ЯӘІҢҒҮҰҚӨҺ]{3,}|^Ескертпе|^Примечание", t):
                    break
            return out
    return []


def refine_programme(
    prog: Programme, lines: list[str], doc: Document, start: int, end: int
) -> list[Warning_]:
    """Complete ``prog`` (read from ``lines[start:end]``) from the body of its act; returns warnings."""
    warnings: list[Warning_] = []
    found = approval_title(lines, start, prog.kind)
    where = replaced_appendix(lines, start)
    if where is not None and prog.passport == {}:
        amended = doc.amends[0] if doc.amends else amended_act(lines, start)
        if amended is None:
            warnings.append(
                Warning_("an appendix is re-worded, but the amended act is not named", where, "plan-appendix")
            )
        else:
            prog.approved_by = amended
            prog.replaces_appendix_of = amended
        # The plan's own title, in the nominative, from the (new wording of the) approval clause.
        if found:
            prog.title = found[0]
        # Periodic deadlines ("жыл сайын") run from the approval year when the title gives only the end.
        if prog.period_start is None and prog.period_end and amended and amended.date:
            window = (amended.date.year, prog.period_end)
            for m in prog.measures:
                if (
                    m.deadline
                    and m.deadline.start is None
                    and m.deadline.kind in ("annual", "semiannual", "permanent")
                ):
                    m.deadline = parse_deadline(m.deadline.raw, window)
                    m.notes.append(
                        f"periodic deadline read over {window[0]}–{window[1]} "
                        f"(approval year to the plan's end)"
                    )
    elif found and _KIND_WORD.get(prog.kind, re.compile("$^")).search(found[0]):
        prog.title = found[0]
    if not prog.indicators:
        prog.indicators = _body_indicators(lines, 0, start if start > 0 else end)
    return warnings
