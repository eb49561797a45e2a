"""What the cells of an action-plan table hold, recognised by their words (Kazakh and Russian).

Two questions every table layout asks, whatever its raw shape:

- which column is this header? (``column_role``: the header words of the column, e.g. ``Аяқталу
  нысаны`` / ``Форма завершения`` → ``form``);
- what kind of cell is this text? (``is_executor_list``, ``find_cost``, ``match_deadline`` …), which the
  layouts use when the raw text has lost the column boundaries.

The roles are the fields of :class:`kglaw.model.Measure`: number, name, form, executors, deadline,
volume (the estimated-expenditure cell), source (the funding source), indicator.
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "BY_AGREEMENT_RE",
    "COST_RE",
    "DEADLINE_TAIL_RE",
    "INDICATOR_VALUE_RE",
    "ROLES",
    "SOURCE_RE",
    "column_role",
    "find_cost",
    "funding_required",
    "is_amount_cell",
    "is_executor_item",
    "is_executor_list",
    "match_deadline",
    "split_list",
]

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІA-Z"
_LO = "а-яёәғқңөұүһіa-z"

#: Header words → role. Checked in order; the first that matches wins (so "көзі" beats "Қаржыланд…").
ROLES: list[tuple[str, re.Pattern[str]]] = [
    ("number", re.compile(r"^(?:р\s*/\s*с|№|п\s*/\s*п|№\s*п\s*/\s*п|р/с\s*№|реттік)", re.IGNORECASE)),
    ("source", re.compile(r"көз(?:[іi]|дер)|источник", re.IGNORECASE)),  # көзі, көздері
    (
        "volume",
        re.compile(
            r"шығыс|шығын|көлем|қаражат|расход|затрат|стоимост|средств|объ[её]м|сомасы|сумма", re.IGNORECASE
        ),
    ),
    ("indicator", re.compile(r"индикатор|көрсеткіш|показател", re.IGNORECASE)),
    ("form", re.compile(r"нысан|форма", re.IGNORECASE)),
    ("executors", re.compile(r"орындаушы|исполнител|жауапты|ответствен", re.IGNORECASE)),
    ("deadline", re.compile(r"мерзім|срок", re.IGNORECASE)),
    ("name", re.compile(r"іс-?\s*шара|атауы|мероприяти|наименовани", re.IGNORECASE)),
]


_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=4096)  # a pure function of the header text, asked again for each layout
def column_role(header: str) -> str | None:
    """The role of a column, from its header words (joined, spaces collapsed).

    >>> [column_role(h) for h in ["Р/с №", "Іс-шара", "Аяқталу нысаны", "Жауапты орындаушылар",
    ...  "Орындалу мерзімі", "Болжамды шығыстар (мың теңге)", "Қаржыландыру көзі", "Нысаналы индикатор"]]
    ['number', 'name', 'form', 'executors', 'deadline', 'volume', 'source', 'indicator']
    >>> column_role("Ответственные исполнители"), column_role("Источники финансирования")
    ('executors', 'source')
    """
    text = _SPACES.sub(" ", header).strip()
    for role, rx in ROLES:
        if rx.search(text):
            return role
    return None


#: The estimated-expenditure cell when it holds words, not money ("not required", "within the funds").
COST_RE = re.compile(
    r"талап\s*етілмейді|көзделген\s*қаражат\s*шегінде|көзделген\s*қаражат|"
    r"не\s*требуется|в\s*пределах\s*(?:предусмотренных|выделенных)\s*средств|не\s*требует",
    re.IGNORECASE,
)


def find_cost(text: str) -> re.Match[str] | None:
    return COST_RE.search(text)


_NOT_REQUIRED = re.compile(
    r"талап\s*етілмейді|талап\s*етпейді|қажет\s*етпейді|не\s*требуе|не\s*требует", re.IGNORECASE
)
_WITHIN_FUNDS = re.compile(
    r"(?:көзделген|бөлінген)\s*қаражат|в\s*(?:пределах|рамках)\s*(?:средств|предусмотренных|выделенных)",
    re.IGNORECASE,
)


def funding_required(cost: str) -> bool | None:
    """``талап етілмейді`` (not required) → False; ``көзделген қаражат шегінде`` (within the funds
    provided: paid from an existing budget line) → True; anything else → None (not stated).

    >>> funding_required("талап етілмейді"), funding_required("көзделген қаражат шегінде"), funding_required("-")
    (False, True, None)
    """
    if _NOT_REQUIRED.search(cost):
        return False
    if _WITHIN_FUNDS.search(cost):
        return True
    return None


_Y = r"(?:19|20)\d{2}"
#: A deadline cell, as the whole of a text or its tail (checked with ``fullmatch`` on the tail).
DEADLINE_TAIL_RE = re.compile(
    rf"""(?:
        {_Y}\s*[–—-]\s*{_Y}\s*(?:жылдар[{_LO}]*(?:\s+[{_LO}]+)?|годы|гг\.?|г\.)?   # 2019 – 2023 жылдар
      | {_Y}\s*жыл[{_LO}]*(?:\s+[{_LO}]+)?(?:\s+[IVІ1-4]+\s*-?\s*[{_LO}]*\s*тоқсан[{_LO}]*)?  # 2020 жыл
      | (?:[IVІ1-4]+\s*-?\s*[{_LO}]*\s*(?:квартал|полугодие)\s+)?{_Y}\s*(?:год[{_LO}]*|г\.?)  # 2020 год
      | [{_LO}]+\s+{_Y}\s*(?:год[{_LO}]*|г\.?)                                          # декабрь 2025 года
      | жыл\s*сайын | ежегодно | тұрақты | постоянно | жарты\s*жылда\s*бір\s*рет
    )""",
    re.VERBOSE | re.IGNORECASE,
)


_AMOUNT_ITEM = (
    rf"(?:{_Y}\s*(?:ж\.?|жыл[{_LO}]*|г\.?|год[{_LO}]*)?\s*[-–—:]\s*)?"
    r"\d{1,3}(?:[ \u00a0]?\d{3})*[.,]\d+"
    r"(?:\s*(?:мың|млн|млрд|тыс)\.?\s*(?:теңге|тенге|тг\.?))?"
)
#: A cost cell written as money: ``1 250,0``, ``2020 ж. – 1 500,0; 2021 ж. – 2 000,5`` (no ``%``).
AMOUNT_CELL_RE = re.compile(rf"\s*{_AMOUNT_ITEM}(?:\s*[,;]?\s*{_AMOUNT_ITEM})*\s*[.;]?\s*", re.IGNORECASE)


def is_amount_cell(text: str) -> bool:
    """True when ``text`` is nothing but money amounts (optionally by year).

    >>> is_amount_cell("2020 ж. – 1 500,0 2021 ж. – 2 000,5"), is_amount_cell("1250,0"), is_amount_cell("2019 – 88 %")
    (True, True, False)
    """
    return "%" not in text and bool(AMOUNT_CELL_RE.fullmatch(text))


def match_deadline(text: str) -> re.Match[str] | None:
    """A deadline that is the whole of ``text`` (spaces around it allowed)."""
    return DEADLINE_TAIL_RE.fullmatch(text.strip())


BY_AGREEMENT_RE = re.compile(r"\(\s*(?:келісу\s*бойынша|по\s*согласованию)\s*\)", re.IGNORECASE)
#: A budget programme as a funding source: "067 "…" бюджеттік бағдарламасы шеңберінде".
SOURCE_RE = re.compile(
    rf"^\s*(?:[{_UP + _LO}]+\s+)?\d{{3}}\s*\"|бюджеттік\s*бағдарлама|бюджетн[а-я]*\s*программ|"
    r"бағдарламасы\s*шеңберінде\s*$|программы\s*$|"
    rf"^(?:республикалық|жергілікті|республиканск|местн)[{_LO}\s,и]*бюджет",
    re.IGNORECASE,
)
#: A target value: "2019 – 88 %", "2022- 40", "2024 – 75 %".
INDICATOR_VALUE_RE = re.compile(rf"(?P<y>{_Y})\s*[–—-]\s*(?P<v>\d+(?:[.,]\d+)?)\s*%?")

_ABBR = re.compile(rf"^[\"«]?[{_UP}][{_UP}\-]+[\"»]?(?:-[{_LO}]+)?$")
_MINI = re.compile(rf"^[{_UP}][{_LO}]+мин[іи]і?$")  # Еңбекмині, Қаржымині, Әділетмині (and a typo)
_FULL_BODY = re.compile(
    r"(?:министрлігі|министерство|министерства|агенттігі|агентство|комитеті|комитет|комиссиясы|комиссия|"
    r"әкімдігі|әкімдіктері|акимат[а-я]*|органдар[ы]?|органы|прокуратурасы|прокуратура|палатасы|палата|қоры|"
    r"фонд[а-я]*|орталығы|центр|бюросы|бюро|кеңесі|совет|ұйымдары|организации)\W*$",
    re.IGNORECASE,
)


_SEPARATORS = re.compile(r"[,;]")


def split_list(text: str) -> list[str]:
    """Split on commas and semicolons outside parentheses and «» quotes. Straight quotes are not
    tracked: plan cells leave them unbalanced (``"Самұрық-Қазына" ұлттық әл-ауқат қоры" АҚ``)."""
    if "(" not in text and "«" not in text:  # nothing opens a bracket: every separator splits
        return [i.strip(" .") for i in _SEPARATORS.split(text) if i.strip(" .")]
    items: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch in "(«":
            depth += 1
        elif ch in ")»" and depth:
            depth -= 1
        if ch in ",;" and depth == 0:
            items.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    items.append("".join(cur))
    return [i.strip(" .") for i in items if i.strip(" .")]


def is_executor_item(item: str, abbreviations: dict[str, str] | None = None) -> bool:
    """An executor as plan tables write it: an abbreviation (``ДСМ``, ``"Атамекен" ҰКП``), a short
    ministry form (``Еңбекмині``), a body named in full, or anything "by agreement"."""
    if BY_AGREEMENT_RE.search(item):
        return True
    text = item.strip(" .")
    if abbreviations and text in abbreviations:
        return True
    words = text.split()
    if not words:
        return False
    if all(_ABBR.match(w) or _MINI.match(w) or (w.startswith('"') and w.endswith('"')) for w in words):
        return any(_ABBR.match(w) or _MINI.match(w) for w in words)
    return bool(_FULL_BODY.search(text)) and text[:1].isupper() and len(words) <= 14


def is_executor_list(text: str, abbreviations: dict[str, str] | None = None) -> bool:
    """True when every comma-separated item of ``text`` is an executor.

    >>> is_executor_list("Еңбекмині, ДСМ, БҒМ, ІІМ, ЖАО"), is_executor_list("МСМ ЖАО")
    (True, True)
    >>> is_executor_list("Еңбекминіне ақпарат"), is_executor_list("бұйрық")
    (False, False)
    """
    items = split_list(text)
    return bool(items) and all(is_executor_item(i, abbreviations) for i in items)
