"""The passport of a programme or concept: a two-column table of label → value, flattened.

Labels stand at the start of a line, either followed by their value on the same line
(``Бағдарламаның атауы Қызылорда облысы …``) or alone, the value starting on a later line; a label may
be wrapped itself (``Бағдарламаның`` / ``міндеттері``; research/seeds/000.md §2.2, 001.md §2.2,
004.md §5.4). Values run to the next label and may contain blank lines, so a closed list of labels
(Kazakh and Russian) decides where fields begin. Fields are stored under canonical keys:
``name, basis, developer, responsible, executors, goal, tasks, period, funding, results, indicators``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from kglaw.model import Amount, Span
from kglaw.parse.plans.amounts import find_amounts, funding_source_key
from kglaw.parse.plans.common import is_blank, join_cell, span_of

__all__ = ["PASSPORT_HEADING_RE", "PassportField", "parse_passport", "parse_funding", "PASSPORT_KEYS"]

# A heading, not a word in running text: the line ends with "паспорты"/"төлқұжаты" after at most a few
# words ("Қызылорда қаласы Бағдарламаның төлқұжаты", 000.md §7.3), or starts with "Паспорт".
PASSPORT_HEADING_RE = re.compile(
    r"^\s*(?:\S+\s+){0,4}(?:паспорты|төлқұжаты)\s*\.?\s*$"
    r"|^\s*(?:\d+[-.]?\s*(?:бөлім\.|раздел\.?)?\s*)?Паспорт\b",
    re.I,
)

# (canonical key, label regex). The owner word ("Бағдарламаның", "Тұжырымдаманың", "программы") is
# optional everywhere. Order matters only for labels that are prefixes of others.
_OWNER_KK = r"(?:(?:Бағдарламаның|Бағдарламаны|Тұжырымдаманың|Тұжырымдаманы|Жоспардың|Жоспарды)\s+)?"
_OWNER_RU = r"(?:\s+(?:программы|Программы|концепции|Концепции|плана|Плана))?"
_LABELS: list[tuple[str, str]] = [
    ("name", rf"{_OWNER_KK}атауы|Наименование{_OWNER_RU}|Название{_OWNER_RU}"),
    (
        "basis",
        rf"{_OWNER_KK}(?:әзірлеу(?:дің)?\s+үшін\s+негіз(?:деме)?|әзірлеудің\s+негізі|әзірлеу\s+негізі)"
        rf"|Основани[ея]\s+(?:для\s+)?разработки{_OWNER_RU}",
    ),
    (
        "developer",
        rf"(?:Негізгі\s+)?{_OWNER_KK}әзірлеуші(?:лер)?|{_OWNER_KK}әзірлеуге\s+жауапты\s+(?:мемлекеттік\s+)?орган"
        rf"|(?:Основной\s+)?[Рр]азработчик{_OWNER_RU}|(?:Государственный\s+)?орган,?\s+ответственный\s+за\s+разработку",
    ),
    (
        "responsible",
        r"Жауапты\s+(?:орындаушы(?:лар)?|орган|мемлекеттік\s+орган)|"
        r"Ответственн[а-я]+\s+(?:исполнитель|орган|за\s+реализацию)",
    ),
    (
        "executors",
        rf"{_OWNER_KK}(?:орындаушылар(?:ы)?|іске\s+асыруға\s+жауапты(?:лар|\s+(?:мемлекеттік\s+)?органдар))"
        rf"|Исполнители{_OWNER_RU}|(?:Государственные\s+)?органы,?\s+ответственные\s+за\s+реализацию",
    ),
    ("goal", rf"{_OWNER_KK}(?:негізгі\s+)?мақсат(?:ы|тары)|Цел[иь]{_OWNER_RU}"),
    ("tasks", rf"(?:Негізгі\s+)?{_OWNER_KK}(?:негізгі\s+)?міндет(?:тері|і)|Задачи{_OWNER_RU}"),
    (
        "period",
        rf"{_OWNER_KK}(?:орындалу|іске\s+асу|іске\s+асыру|жүзеге\s+асыру)\s+(?:мерзімі|мерзімдері|кезеңі|кезеңдері)"
        rf"|Срок(?:и)?\s+(?:реализации|исполнения){_OWNER_RU}",
    ),
    (
        "funding",
        r"Қаржыландыру(?:дың)?\s+(?:көздері(?:\s+(?:мен|және)\s+көлем(?:і|дері))?|"
        r"көлем(?:і|дері)(?:\s+(?:мен|және)\s+көздері)?)|"
        r"(?:Объемы?\s+и\s+)?[Ии]сточники\s+(?:и\s+объемы?\s+)?финансирования|Объем[ы]?\s+финансирования",
    ),
    (
        "results",
        rf"{_OWNER_KK}(?:іске\s+асырудан\s+)?күтілетін\s+нәтиже(?:лер)?(?:і)?|Ожидаемые\s+результаты",
    ),
    ("indicators", r"Нысаналы\s+индикатор(?:лар)?(?:ы)?|Целевые\s+индикаторы|Индикаторлар"),
]
_LABEL_RES = [(k, re.compile(rf"^\s*(?:{rx})(?=\s|:|$)\s*:?\s*", re.I)) for k, rx in _LABELS]
PASSPORT_KEYS = [k for k, _ in _LABELS]

# Where a passport ends: the first heading of the body ("КІРІСПЕ", "2. Кіріспе", "Введение", "2-бөлім.").
_END = re.compile(
    r"^\s*(?:\d+[.\s]\s*)?(?:КІРІСПЕ|Кіріспе|Введение|ВВЕДЕНИЕ)\b|^\s*\d+-бөлім\.|^\s*(?:Раздел|Глава)\s+\d+|"
    # the section that follows the passport in the prescribed structure ("2. Анализ текущей ситуации")
    r"^\s*(?:\d+[.\s]\s*)?(?:Анализ\s+текущей\s+ситуации|Ағымдағы\s+жағдайды(?:ң)?\s+талдау|"
    r"АНАЛИЗ\s+ТЕКУЩЕЙ\s+СИТУАЦИИ|АҒЫМДАҒЫ\s+ЖАҒДАЙДЫ(?:Ң)?\s+ТАЛДАУ)",
)


@dataclass
class PassportField:
    key: str
    label: str
    value: str
    span: Span
    lines: list[tuple[int, str]] = field(default_factory=list)


def _match_label(text: str) -> tuple[str, int] | None:
    for key, rx in _LABEL_RES:
        m = rx.match(text)
        if m:
            return key, m.end()
    return None


def parse_passport(lines: list[str], start: int, end: int) -> tuple[list[PassportField], int]:
    """Fields of the passport whose heading is at ``start`` (0-based); reading stops at the first body
    heading or at ``end``. Returns the fields and the index after the passport."""
    fields: list[PassportField] = []
    cur: PassportField | None = None
    i = start + 1
    stop = end
    while i < end:
        line = lines[i]
        if is_blank(line):
            i += 1
            continue
        text = line.strip(" \t\u00a0")
        if _END.match(text) and fields:
            stop = i
            break
        hit = _match_label(text)
        consumed = 1
        if hit is None:
            # a label wrapped over two lines ("Бағдарламаның" / "міндеттері")
            j = i + 1
            while j < end and is_blank(lines[j]) and j - i < 3:
                j += 1
            if j < end and len(text.split()) <= 2:
                joined = text + " " + lines[j].strip()
                hit2 = _match_label(joined)
                if hit2 is not None and hit2[1] > len(text) + 1:
                    hit, consumed = (hit2[0], hit2[1] - len(text) - 1), j - i + 1
                    text = lines[j].strip()
                    i = j
                    consumed = 1
        if hit is not None and (cur is None or hit[0] not in {f.key for f in fields} or cur.key == hit[0]):
            key, pos = hit
            cur = PassportField(key=key, label=text[:pos].strip(" :"), value="", span=span_of(i, i))
            fields.append(cur)
            rest = text[pos:].strip()
            if rest:
                cur.lines.append((i, rest))
        elif cur is not None:
            cur.lines.append((i, text))
            cur.span = cur.span.union(span_of(i, i))
        i += consumed
    for f in fields:
        f.value = join_cell([t for _, t in f.lines])
    return fields, stop


_SOURCE_PHRASE = re.compile(
    r"(?:республика(?:лық|нск)[а-яәіңғүұқөһ]*|облыс(?:тық)?|областн[а-я]*|аудан(?:дық)?[а-яәіңғүұқөһ]*,?\s*"
    r"(?:және\s+)?қала(?:лық)?[а-яәіңғүұқөһ]*|районн[а-я]*[,\s]+(?:и\s+)?городск[а-я]*|жергілікті|местн[а-я]*|"
    r"мемлекеттік|государственн[а-я]*)\s+бюджет[а-яәіңғүұқөһ]*|бюджеттен\s+тыс|внебюджетн[а-я]*",
    re.I,
)


# "Республикалық және жергілікті бюджет": several sources named at once; the amounts after are totals.
_SOURCE_LIST = re.compile(
    r"(?:республика(?:лық|нск)[а-яәіңғүұқөһ]*|облыс(?:тық)?|областн[а-я]*)[,\s]+(?:және|и)\s+\S+\s+бюджет[а-яәіңғүұқөһ]*",
    re.I,
)


def parse_funding(items: list[tuple[int, str]]) -> list[Amount]:
    """Amounts in a funding text (a passport field or the resources section), each with its year and
    the funding source named before it. A phrase naming one source (``республикалық бюджеттен``) sets
    the source for the amounts after it; a list of sources (``Республикалық және жергілікті бюджет``)
    sets none. Units follow the amount; an amount with no unit takes the last unit seen."""
    out: list[Amount] = []
    # One text for the whole field, so that a source phrase wrapped over two lines ("Облыстық" /
    # "бюджеттің") is still read; ``owner`` maps each character back to its line.
    text = ""
    owner: list[int] = []
    for idx, raw in items:
        part = re.sub(r"\s+", " ", raw).strip()
        if not part:
            continue
        if text:
            text += " "
            owner.append(idx)
        text += part
        owner.extend([idx] * len(part))
    if not text:
        return out
    events: list[tuple[int, int, object]] = []
    lists = [(m.start(), m.end()) for m in _SOURCE_LIST.finditer(text)]
    for a, _b in lists:
        events.append((a, 0, None))
    for m in _SOURCE_PHRASE.finditer(text):
        if any(a <= m.start() < b for a, b in lists):
            continue
        events.append((m.start(), 0, funding_source_key(m.group(0))))
    for am in find_amounts(text):
        events.append((am.start, 1, am))
    events.sort(key=lambda e: (e[0], e[1]))
    seen: set[tuple[int | None, Decimal, str | None]] = set()
    source: str | None = None
    unit: str | None = None
    for _, kind, val in events:
        if kind == 0:
            source = val  # type: ignore[assignment]
            continue
        am = val  # type: ignore[assignment]  # an amount event carries an AmountMatch
        assert not isinstance(am, str) and am is not None
        if am.unit is None and unit is None:
            continue  # a count or a percentage, not money
        if am.year is None and am.unit is None:
            continue
        unit = am.unit or unit
        k = (am.year, am.value, unit)
        if k in seen:
            continue
        seen.add(k)
        out.append(
            Amount(
                value=am.value,
                unit=unit or "",
                year=am.year,
                source=source,
                raw=am.raw,
                span=span_of(owner[am.start], owner[max(am.start, am.end - 1)]),
            )
        )
    return out
