"""References to structural units of an act, in Kazakh and Russian, read into :class:`Provision` paths.

An amendment instruction names the unit it changes: ``2-бөлімнің 1-тарауының төртінші абзацы``
("the fourth paragraph of chapter 1 of section 2"), ``подпункт 2) пункта 5``, ``реттік нөмірі 12-жол``.
This module finds every unit mention in such a phrase and orders the mentions outermost first, the
order of an ELI subdivision path (``eli:is_part_of`` from the inside out).

Kazakh chains units in the genitive, outermost first; Russian chains them innermost first. Rather
than trust either word order, mentions are sorted by the rank of their kind (appendix ⊃ section ⊃
chapter ⊃ § ⊃ article ⊃ part ⊃ point ⊃ subpoint ⊃ paragraph (abzac) or table row ⊃ sentence, column
or title), the nesting of the structural units that the Law "On legal acts" (6 April 2016 No. 480-V)
gives a normative act; an appendix's table adds rows and columns.

Ordinal words (``он үшінші``, ``отыз бесінші``; ``тринадцатого``, ``тридцать пятый``) are composed from
tens and units, so that every ordinal 1–99 is read, not just those seen in the seeds.

>>> parse_provision("2-бөлімнің 1-тарауының төртінші абзацы").slug()
'section-2/chapter-1/abzac-4'
>>> parse_provision("абзац четвертый подпункта 2) пункта 5").slug()
'point-5/subpoint-2/abzac-4'
>>> ordinal_value("отыз бесінші"), ordinal_value("тринадцатого")
(35, 13)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Provision

__all__ = [
    "KINDS",
    "RANK",
    "UnitMention",
    "find_ordinals",
    "find_units",
    "merge_paths",
    "number_list",
    "ordinal_value",
    "parse_provision",
]

#: Kinds of structural unit, outermost first (see the module docstring for the nesting).
KINDS = (
    "appendix",
    "section",
    "chapter",
    "paragraph",
    "article",
    "part",
    "point",
    "subpoint",
    "abzac",
    "row",
    "column",
    "sentence",
    "title",
    "preamble",
)
RANK = {
    "appendix": 0,
    "section": 1,
    "chapter": 2,
    "paragraph": 3,
    "article": 4,
    "part": 5,
    "point": 6,
    "subpoint": 7,
    "abzac": 8,
    "row": 8,
    "column": 9,  # a column of a table row
    "sentence": 9,  # a sentence of a paragraph or point
    "title": 9,
    "preamble": 9,
}

_W = r"[\wәіңғүұқөһӘІҢҒҮҰҚӨҺ]"  # \w covers Cyrillic in Python; kept explicit for readers

# ---------------------------------------------------------------------------------------------------
# Ordinal words
# ---------------------------------------------------------------------------------------------------

# Kazakh: an ordinal is a cardinal + -ыншы/-інші/-ншы/-нші; compounds put a cardinal ten before an
# ordinal unit ("он үшінші" = 13, "отыз бесінші" = 35).
_KK_UNITS = {"бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9}
_KK_TENS = {
    "он": 10,
    "жиырма": 20,
    "отыз": 30,
    "қырық": 40,
    "қырқ": 40,
    "елу": 50,
    "алпыс": 60,
    "жетпіс": 70,
    "сексен": 80,
    "тоқсан": 90,
}
_KK_ORD_SUFFIX = r"(?:ыншы|інші|ншы|нші|сыншы|сінші)"
_KK_CASE = r"(?:сы|сі|ы|і|ның|нің|на|не|да|де|сын|сін|сына|сіне|сында|сінде)?"


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


_KK_UNIT_ORD = rf"(?:{_alt(_KK_UNITS)}){_KK_ORD_SUFFIX}"
_KK_TEN_ORD = rf"(?:{_alt(_KK_TENS)}){_KK_ORD_SUFFIX}"
_KK_ORD = rf"(?:(?:{_alt(_KK_TENS)})\s+{_KK_UNIT_ORD}|{_KK_TEN_ORD}|{_KK_UNIT_ORD}){_KK_CASE}"

# Russian: ordinal stems take adjective endings in every gender and case; compounds put a cardinal ten
# before an ordinal unit ("тридцать пятый", "двадцать первого").
_RU_UNITS = {
    "перв": 1,
    "втор": 2,
    "трет": 3,
    "четверт": 4,
    "четвёрт": 4,
    "пят": 5,
    "шест": 6,
    "седьм": 7,
    "восьм": 8,
    "девят": 9,
}
_RU_TEENS = {
    "десят": 10,
    "одиннадцат": 11,
    "двенадцат": 12,
    "тринадцат": 13,
    "четырнадцат": 14,
    "пятнадцат": 15,
    "шестнадцат": 16,
    "семнадцат": 17,
    "восемнадцат": 18,
    "девятнадцат": 19,
}
_RU_TENS_ORD = {
    "двадцат": 20,
    "тридцат": 30,
    "сороков": 40,
    "пятидесят": 50,
    "шестидесят": 60,
    "семидесят": 70,
    "восьмидесят": 80,
    "девяност": 90,
}
_RU_TENS_CARD = {
    "двадцать": 20,
    "тридцать": 30,
    "сорок": 40,
    "пятьдесят": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
}
_RU_END = (
    r"(?:ьего|ьему|ьими|ьих|ьим|ьем|ьей|ья|ье|ьи|ью|ого|его|ому|ему|ыми|ими|ый|ий|ой|ая|яя|ое|ее|ые"
    r"|ие|ым|им|ом|ем|ую|юю|ых|их)"
)
_RU_ORD_ONE = rf"(?:{_alt(_RU_TEENS)}|{_alt(_RU_TENS_ORD)}|{_alt(_RU_UNITS)}){_RU_END}"
_RU_ORD = rf"(?:(?:{_alt(_RU_TENS_CARD)})\s+(?:{_alt(_RU_UNITS)}){_RU_END}|{_RU_ORD_ONE})"

ORDINAL_RE = re.compile(rf"(?<!{_W})(?:{_KK_ORD}|{_RU_ORD})(?!{_W})", re.IGNORECASE)


def _stem_value(word: str, table: dict[str, int]) -> int | None:
    for stem in sorted(table, key=len, reverse=True):
        if word.startswith(stem):
            return table[stem]
    return None


def ordinal_value(text: str) -> int | None:
    """The number an ordinal phrase names (1–99), or None if ``text`` is not one ordinal.

    >>> [ordinal_value(w) for w in ("төртінші", "он үшінші", "жиырмасыншы", "четвертый", "тридцать пятого")]
    [4, 13, 20, 4, 35]
    """
    t = re.sub(r"\s+", " ", text.strip().lower())
    if not ORDINAL_RE.fullmatch(t):
        return None
    words = t.split(" ")
    if len(words) == 2:
        ten = _KK_TENS.get(words[0]) or _RU_TENS_CARD.get(words[0])
        unit = _stem_value(words[1], _KK_UNITS) or _stem_value(words[1], _RU_UNITS)
        return ten + unit if ten and unit else None
    w = words[0]
    # Longest stems first across all tables: "девяност" before "девят", "он" only as a whole stem.
    for table in (_RU_TEENS, _RU_TENS_ORD, _RU_UNITS):
        v = _stem_value(w, table)
        if v is not None:
            return v
    for table in (_KK_TENS, _KK_UNITS):
        for stem in sorted(table, key=len, reverse=True):
            if re.match(rf"{re.escape(stem)}{_KK_ORD_SUFFIX}", w):
                return table[stem]
    return None


def find_ordinals(text: str) -> list[tuple[int, int, int]]:
    """Every ordinal word or compound in ``text`` as ``(value, start, end)``."""
    out = []
    for m in ORDINAL_RE.finditer(text):
        v = ordinal_value(m.group(0))
        if v is not None:
            out.append((v, m.start(), m.end()))
    return out


# ---------------------------------------------------------------------------------------------------
# Unit words
# ---------------------------------------------------------------------------------------------------

# Kazakh unit words by stem (any case/possessive ending may follow).
_KK_WORDS = [
    ("subpoint", r"тармақша\w*"),
    ("point", r"тармақ\w*|тармағ\w*"),
    ("section", r"бөлім(?!ше)\w*"),  # not "бөлімше" (a branch of an office)
    ("part", r"бөлік\w*|бөліг\w*"),
    ("chapter", r"тарау\w*"),
    ("article", r"бап\w*|баб\w*"),
    ("paragraph", r"параграф\w*"),
    ("abzac", r"абзац\w*"),
    ("column", r"баған\w*"),
    ("sentence", r"сөйлем\w*"),
    ("appendix", r"қосымша\w*"),
]
# Russian unit words with their declension endings, strict enough that "главный", "в частности" or
# "пунктуация" are not units.
_RU_WORDS = [
    ("subpoint", r"подпункт(?:а|е|у|ом|ы|ов|ам|ами|ах)?"),
    ("point", r"пункт(?:а|е|у|ом|ы|ов|ам|ами|ах)?"),
    ("section", r"раздел(?:а|е|у|ом|ы|ов|ам|ами|ах)?"),
    ("part", r"част(?:ь|и|ью|ей|ям|ями|ях)"),
    ("chapter", r"глав(?:а|ы|е|у|ой|ам|ами|ах)"),
    ("article", r"стат(?:ья|ьи|ье|ью|ьей|ьям|ьями|ьях|ей)"),
    ("paragraph", r"параграф(?:а|е|у|ом|ы|ов|ам|ами|ах)?|§"),
    ("abzac", r"абзац(?:а|е|у|ем|ы|ев|ам|ами|ах)?"),
    ("column", r"граф(?:а|ы|е|у|ой|ам|ами|ах)"),
    ("sentence", r"предложени(?:е|я|ю|ем|и|й|ям|ями|ях)"),
    ("appendix", r"приложени(?:е|я|ю|ем|и|й|ям|ями|ях)"),
]


def _words(table: list[tuple[str, str]], tag: str) -> str:
    """An alternation of unit words whose group names ``k_{tag}_{kind}`` say which kind matched."""
    return "|".join(f"(?P<k_{tag}_{kind}>{p})" for kind, p in table)


_NUM = r"\d+(?:-\d+)*"  # 5, 3-1, 12-1-1
_LIST_SEP = r"\s*(?:,|және|мен|пен|бен|и|–|—|-|по)\s*"
_NUM_LIST = rf"{_NUM}(?:{_LIST_SEP}{_NUM})*"
_SUB = r"\d+(?:-\d+)*\)"  # 2), 2-1)
_SUB_LIST = rf"{_SUB}(?:{_LIST_SEP}{_SUB})*"
_ORD_LIST = rf"(?:{ORDINAL_RE.pattern})(?:\s*(?:,|және|мен|пен|бен|и|–|—|-|по)\s*(?:{ORDINAL_RE.pattern}))*"

_B = rf"(?<!{_W})"  # word start
_E = rf"(?!{_W})"  # word end

_PATTERNS = [
    # Kazakh row of a table: "реттік нөмірі 12-жол", "реттік нөмірлері 5, 6-жолдар"
    ("kk_row", rf"{_B}реттік\s+нөмір\w*\s+(?P<nums>{_NUM_LIST})\s*-?\s*жол\w*"),
    # Russian row: "строку, порядковый номер 12", "строки, порядковые номера 5 и 6"
    ("ru_row", rf"{_B}строк\w*,?\s+порядков\w+\s+номер\w*\s+(?P<nums>{_NUM_LIST}){_E}"),
    # Kazakh subpoint: "2) тармақша", "1), 2) тармақшалар"
    ("kk_sub", rf"(?P<subs>{_SUB_LIST})\s*тармақша\w*"),
    # Russian subpoint: "подпункт 2)", "подпункты 1) и 2)"
    ("ru_sub", rf"{_B}подпункт\w*\s+(?P<subs>{_SUB_LIST})"),
    # Kazakh numbered unit: "2-бөлімнің", "1-1-тармақ", "5, 6 және 7-тармақтар", "1-қосымша"
    # (older texts drop the hyphen: "5 тармақ")
    ("kk_num", rf"(?<![\d\w-])(?P<nums>{_NUM_LIST})\s*-?\s*(?:{_words(_KK_WORDS, 'a')})"),
    # Kazakh ordinal unit: "төртінші абзацы", "сегізінші, тоғызыншы және оныншы абзацтар"
    ("kk_ord", rf"{_B}(?P<ords>{_ORD_LIST})\s+(?:{_words(_KK_WORDS, 'b')})"),
    # Russian numbered unit: "пункт 5", "пункты 1 и 2", "главе 6", "§ 6", "приложение 1"
    ("ru_num", rf"{_B}(?:{_words(_RU_WORDS, 'c')}){_E}\s*(?:№\s*)?(?P<nums>{_NUM_LIST})(?![\d)])"),
    # Russian unit + ordinal: "абзац четвертый", "абзацы восьмой, девятый и десятый", "часть вторая"
    ("ru_word_ord", rf"{_B}(?:{_words(_RU_WORDS, 'd')})\s+(?:с\s+)?(?P<ords>{_ORD_LIST})"),
    # Russian ordinal + unit: "четвертый абзац", "вторую часть"
    ("ru_ord_word", rf"{_B}(?P<ords>{_ORD_LIST})\s+(?:{_words(_RU_WORDS, 'e')}){_E}"),
    # Unnumbered units: title, preamble, appendix, or a bare "абзацпен" / "абзацем"
    ("title", rf"{_B}(?:тақырып\w*|тақырыб\w*|заголов(?:ок|ка|ке|ком)|наименовани(?:е|я|и|ем)){_E}"),
    ("preamble", rf"{_B}(?:кіріспе\w*|преамбул(?:а|ы|е|у|ой)){_E}"),
    ("bare", rf"{_B}(?:{_words(_KK_WORDS, 'f')}|{_words(_RU_WORDS, 'g')}){_E}"),
]
_UNIT_RES = [(name, re.compile(p, re.IGNORECASE)) for name, p in _PATTERNS]


def _scan(text: str) -> list[tuple[str, re.Match[str]]]:
    """Matches of every unit pattern, leftmost-longest, without overlaps (earlier patterns win ties)."""
    found = []
    for prio, (name, rx) in enumerate(_UNIT_RES):
        for m in rx.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), prio, name, m))
    found.sort(key=lambda f: f[:3])
    out: list[tuple[str, re.Match[str]]] = []
    taken_end = -1
    for start, _, _, name, m in found:
        if start >= taken_end:
            out.append((name, m))
            taken_end = m.end()
    return out


@dataclass(frozen=True)
class UnitMention:
    """One unit named in a text: its kind, its number ("" when unnumbered) and where it stands."""

    kind: str
    number: str
    start: int
    end: int
    text: str


def _word_kind(m: re.Match[str]) -> str:
    for name, value in m.groupdict().items():
        if value is not None and name.startswith("k_"):
            return name.split("_", 2)[2]
    raise AssertionError("unit pattern matched without a unit word")  # pragma: no cover


def number_list(values: list[str]) -> str:
    """A list of unit numbers as one path number: a contiguous run is ``first-last``, else comma-joined.

    >>> number_list(["8", "9", "10"]), number_list(["8", "10"]), number_list(["3-1"])
    ('8-10', '8,10', '3-1')
    """
    if len(values) == 1:
        return values[0]
    if all(v.isdigit() for v in values):
        ints = [int(v) for v in values]
        if ints == list(range(ints[0], ints[0] + len(ints))):
            return f"{ints[0]}-{ints[-1]}"
    return ",".join(values)


def _split_numbers(raw: str) -> list[str]:
    """``5, 6 және 7`` → [5, 6, 7]; ``8–10`` / ``8 по 10`` → [8, 9, 10]; ``3-1`` stays one number."""
    raw = raw.replace(")", "")
    # A dash between spaces or an en/em dash is a range; a bare hyphen is part of a number ("3-1").
    parts = re.split(r"\s*(?:,|және|мен|пен|бен|\bи\b)\s*", raw)
    out: list[str] = []
    for part in parts:
        rng = re.fullmatch(r"(\d+)\s*(?:–|—|\s-\s|\bпо\b)\s*(\d+)", part.strip())
        if rng and int(rng.group(1)) < int(rng.group(2)) <= int(rng.group(1)) + 200:
            out.extend(str(i) for i in range(int(rng.group(1)), int(rng.group(2)) + 1))
        elif part.strip():
            out.append(part.strip())
    return out


def _ordinal_numbers(raw: str) -> list[str]:
    vals = [v for v, _, _ in find_ordinals(raw)]
    if len(vals) == 2 and re.search(r"–|—|\s-\s|\bпо\b", raw) and vals[0] < vals[1]:
        return [str(i) for i in range(vals[0], vals[1] + 1)]
    return [str(v) for v in vals]


def find_units(text: str) -> list[UnitMention]:
    """Every unit mentioned in ``text``, in text order.

    A unit used as a position ("після" / "после абзаца второго", "2-тармақтан кейін") is a place of
    insertion, not the unit changed, and is left out.

    >>> [(u.kind, u.number) for u in find_units("сегізінші, тоғызыншы және оныншы абзацтар")]
    [('abzac', '8-10')]
    """
    out: list[UnitMention] = []
    for name, m in _scan(text):
        before = text[: m.start()]
        after = text[m.end() :]
        if re.search(r"(?:^|\s)после\s+$", before, re.IGNORECASE) or re.match(r"\s+кейін", after):
            continue
        if name in ("kk_row", "ru_row"):
            kind, nums = "row", _split_numbers(m.group("nums"))
        elif name in ("kk_sub", "ru_sub"):
            kind, nums = "subpoint", _split_numbers(m.group("subs"))
        elif name in ("kk_num", "ru_num"):
            kind, nums = _word_kind(m), _split_numbers(m.group("nums"))
        elif name in ("kk_ord", "ru_word_ord", "ru_ord_word"):
            kind, nums = _word_kind(m), _ordinal_numbers(m.group("ords"))
        elif name == "title":
            kind, nums = "title", []
        elif name == "preamble":
            kind, nums = "preamble", []
        else:
            kind, nums = _word_kind(m), []
            if kind in ("subpoint", "article", "row"):
                continue  # never written without a number
        number = number_list(nums) if nums else ""
        out.append(UnitMention(kind, number, m.start(), m.end(), m.group(0)))
    return out


def _order(mentions: list[UnitMention], lang: str | None) -> list[UnitMention]:
    # Russian chains innermost first; Kazakh outermost first. Rank decides; word order breaks ties.
    seq = list(reversed(mentions)) if lang == "ru" else list(mentions)
    return sorted(seq, key=lambda u: RANK[u.kind])


def _dedupe(path: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop an unnumbered unit that repeats its neighbour's kind ("он үшінші абзац … абзацпен")."""
    out: list[tuple[str, str]] = []
    for kind, num in path:
        if out and out[-1][0] == kind and (not num or not out[-1][1]):
            if num and not out[-1][1]:
                out[-1] = (kind, num)
            continue
        out.append((kind, num))
    return out


def parse_provision(text: str, lang: str | None = None) -> Provision | None:
    """The unit ``text`` names, outermost first, or None if it names none.

    >>> parse_provision("3-бөлімнің 2-тарауы 6-параграфының екінші бөлігі").slug()
    'section-3/chapter-2/paragraph-6/part-2'
    >>> parse_provision("строку, порядковый номер 12, приложения 1", "ru").slug()
    'appendix-1/row-12'
    """
    mentions = find_units(text)
    if not mentions:
        return None
    if lang is None:
        lang = "kk" if re.search(r"[әіңғүұқөһ]", text, re.IGNORECASE) else "ru"
    kept: list[UnitMention] = []
    for u in _order(mentions, lang):
        prev = kept[-1] if kept else None
        if prev is not None and prev.kind == u.kind and (not u.number or not prev.number):
            if u.number:  # a numbered mention names the unit better than a bare one
                kept[-1] = u
            continue
        kept.append(u)
    path = [(u.kind, u.number) for u in kept]
    first, last = min(u.start for u in kept), max(u.end for u in kept)
    label = re.sub(r"\s+", " ", text[first:last]).strip()
    return Provision(path=path, label=label)


def merge_paths(scope: list[tuple[str, str]], own: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The path of a unit named inside a scope: the scope's units above the unit's outermost kind, then
    the unit's own path. A unit that restates a level of the scope ("3-бөлімнің …" inside
    "2-бөлімнің 6-тарауында:") replaces that level and everything below it.

    >>> merge_paths([("section", "2"), ("chapter", "6")], [("abzac", "13")])
    [('section', '2'), ('chapter', '6'), ('abzac', '13')]
    >>> merge_paths([("section", "2"), ("chapter", "6")], [("section", "3"), ("chapter", "2")])
    [('section', '3'), ('chapter', '2')]
    """
    if not own:
        return list(scope)
    top = RANK[own[0][0]]
    kept = [(k, n) for k, n in scope if RANK[k] < top]
    return _dedupe(kept + list(own))
