"""Act references in running text, Kazakh and Russian: what act a phrase names, and how.

One recogniser serves the header (the act's own identity line), the editorial notes (``… шешімімен``),
the change clauses (``… қаулысына өзгерістер енгізу туралы``) and the citations. It anchors on the
act noun (``Заңы``, ``қаулысымен``, ``Закона``, ``постановлением`` …) and reads the parts around it:

- Kazakh puts everything *before* the noun, in a free order::

      "<title>" <issuer-genitive> <YYYY жылғы D month> № <number> "<title>" Заңы <27-бабы>
      Қазақстан Республикасының 2005 жылғы 13 сәуірдегі Заңы

- Russian puts the issuer, date, number and title *after* the noun, the pinpoint before it::

      <пунктом 2 статьи 18> Закона Республики Казахстан от 6 апреля 2016 года № 480-V «О правовых актах»

A phrase becomes an act only when it states something that identifies one: a date, a number, a title
in quotes, or the name of a code. Generic mentions ("Қазақстан Республикасының заңнамасы",
"законодательство Республики Казахстан", "заңдарында") never do.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ..identifiers import normalize_number, parse_adilet_code
from ..model import ActRef, Citation, Issuer, Provision
from .dates import KK_MONTHS, parse_date
from .issuers import resolve_issuer
from .normalize import Joined
from .prefilter import WordSearch, finditer_from, folded, has_any

__all__ = [
    "BASIS_TRIGGER",
    "RefHit",
    "clean_title",
    "find_citations",
    "find_conventions",
    "find_refs",
    "link_ratifications",
    "merge_refs",
    "ref_key",
    "same_act",
]

_L = "а-яёәіңғүұқөһ"  # lower-case Cyrillic (Kazakh + Russian)
_U = "А-ЯЁӘІҢҒҮҰҚӨҺ"
_KK_MON = "|".join(sorted(KK_MONTHS, key=len, reverse=True))
_RU_MON = "январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр"

_D_KK = rf"\d{{4}}\s*ж(?:ылғы|ылы|\.)?\s+[«\"]?\d{{1,2}}\s*-?\s*[»«\"]?\s*(?:{_KK_MON})[{_L}]*"
_D_RU = rf"[«\"]?\d{{1,2}}[»\"]?\s+(?:{_RU_MON})[а-я]*\s+\d{{4}}(?:\s*(?:года|г\.|г\b|жылғы|ж\.))?"
_D_NUM = r"\d{1,2}\.\d{1,2}\.\d{4}(?:\s*(?:года|г\.|ж\.|жылғы|жыл))?|\d{4}\.\d{1,2}\.\d{1,2}(?:\s*(?:ж\.|жылғы|г\.))?"
DATE = rf"(?:{_D_KK}|{_D_RU}|{_D_NUM})"
# "№ 245", "№ 301-II", "№ 18/145", "№ 389-НҚ", "№ 114/НҚ"; and ministerial numbers that start with
# letters: "№ ҚР ДСМ-122/2020", "№ 01-04/123".
NUM = (
    rf"№\s*(?:\d+(?:\s?[-/]\s?[\w{_U}{_L}]+)*"
    rf"|(?:ҚР\s+)?[A-Z{_U}]{{1,6}}(?:\s[A-Z{_U}]{{1,6}})?\s?[-–]\s?\d+(?:[-/]\d+)*)"
)

_DATE_END = re.compile(rf"(?:{DATE})\s*$", re.IGNORECASE)
# Every DATE begins with a digit or the quote before a day: _DATE_END is tried only there; the first
# characters of the other end-anchored part patterns, likewise.
_DATE_FIRST = re.compile(r'[\d«"]')
_NUM_FIRST = re.compile("№")
_RKZ_FIRST = re.compile("[ҚЗ]")
_ATTY_FIRST = re.compile("а")
_STATE_FIRST = re.compile("Қ")


def _ends(rx: re.Pattern[str], first: re.Pattern[str], head: str) -> re.Match[str] | None:
    """``rx.search(head)``, tried only where ``first`` (the first character of every match) occurs."""
    return next(finditer_from(rx, first, head), None)


_DATE_START = re.compile(rf"^\s*(?:от\s*|бастап\s+)?(?P<d>{DATE})", re.IGNORECASE)
_NUM_END = re.compile(rf"(?P<n>{NUM})\s*$")
_NUM_START = re.compile(rf"^\s*(?:за\s+|под\s+)?(?P<n>{NUM})")
_RKZ_END = re.compile(r"(?:ҚРЗ|ЗРК|ҚР\s+Заңы)\s*$")
_RKZ_START = re.compile(r"^\s*(?:ЗРК|ҚРЗ)\b")
_ATTY_END = re.compile(r"\bатты\s*$")
_OT_DATE = re.compile(rf"^\s*от\s*(?P<d>{DATE})", re.IGNORECASE)

# Act nouns. Kazakh in any case form (checked by _KK_SUFFIX_OK), Russian in any case.
_NOUN = re.compile(
    rf"""(?<![\w-])(?:
      (?P<kk>(?:(?P<kk_joint>бірлескен)\s+)?(?:[Нн]ормативтік\s+|[Кк]онституциялық\s+)?
         (?P<kk_stem>[Зз]аң|[Кк]одекс|Конституция|[Жж]арлы[ғқ]|[Жж]олдау|[Ққ]аулы|[Шш]ешім|[Бб]ұйры[ғқ]|[Өө]кім)
         (?P<kk_suf>[{_L}]*))
    | (?P<ru>(?:(?P<ru_joint>[Сс]овместн[{_L}]+)\s+)?(?:[Нн]ормативн[{_L}]+\s+|[Кк]онституционн[{_L}]+\s+)?
         (?P<ru_stem>[Зз]акон|[Кк]одекс|Конституци|[Уу]каз|[Пп]остановлени|[Рр]ешени|[Пп]риказ|[Рр]аспоряжени|[Пп]ослани)
         (?P<ru_suf>[{_L}]*))
    )(?![\w-])""",
    re.VERBOSE,
)

# Every match of _NOUN begins (after its lookbehind) with one of these words, lowercased: the joint or
# normative prefix when there is one, else the stem.
_NOUN_STARTS = (
    "бірлескен",
    "норматив",
    "конституци",
    "совместн",
    "заң",
    "кодекс",
    "жарлы",
    "жолдау",
    "қаулы",
    "шешім",
    "бұйры",
    "өкім",
    "закон",
    "указ",
    "постановлени",
    "решени",
    "приказ",
    "распоряжени",
    "послани",
)


def _nouns(t: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """``_NOUN.finditer(t, lo, hi)``, trying the pattern only where one of :data:`_NOUN_STARTS` begins
    (found by substring search in the lowercased text, much faster than the pattern's own scan)."""
    return WordSearch(_NOUN, t, _NOUN_STARTS, fold=True, lo=lo, hi=hi).finditer()


_KK_TYPE = {
    "заң": "law",
    "кодекс": "code",
    "конституция": "constitution",
    "жарлығ": "decree",
    "жарлық": "decree",
    "жолдау": "address",
    "қаулы": "resolution",
    "шешім": "decision",
    "бұйрығ": "order",
    "бұйрық": "order",
    "өкім": "order",
}
_RU_TYPE = {
    "закон": "law",
    "кодекс": "code",
    "конституци": "constitution",
    "указ": "decree",
    "постановлени": "resolution",
    "решени": "decision",
    "приказ": "order",
    "распоряжени": "order",
    "послани": "address",
}
# Kazakh case endings of the nouns, by case. "Заңнама", "заңды тұлға", "шешімдер" (generic plural) …
# are not act nouns: their suffix is not in these lists.
_KK_CASES = {
    "nom": ("", "ы", "і", "сы", "сі"),
    "gen": ("ның", "нің", "ының", "інің", "сының", "сінің", "дың", "дің", "тың", "тің"),
    "dat": ("ына", "іне", "сына", "сіне", "ға", "ге", "қа", "ке", "а", "е", "на", "не"),
    "acc": ("ын", "ін", "сын", "сін", "ды", "ді", "ны", "ні", "ты", "ті"),
    "ins": ("ымен", "імен", "сымен", "сімен", "мен", "бен", "пен", "ымен"),
    "loc": ("ында", "інде", "сында", "сінде", "да", "де", "та", "те"),
    "abl": ("ынан", "інен", "сынан", "сінен", "дан", "ден", "тан", "тен", "нан", "нен"),
}
_KK_SUFFIX_CASE = {suf: case for case, sufs in _KK_CASES.items() for suf in sufs}
_KK_PLURAL = re.compile(r"^(?:дар|дер|тар|тер|лар|лер)")
# Russian case by stem class: "Решени|е" (nom), "Решени|я" (gen) …; "Закон|" (nom), "Закон|а" (gen) …
_RU_CASES_I = {"е": "nom", "я": "gen", "ю": "dat", "ем": "ins", "и": "loc"}
_RU_CASES_C = {"": "nom", "а": "gen", "у": "dat", "ом": "ins", "е": "loc"}
_RU_CASES_CONST = {"я": "nom", "и": "gen", "ю": "acc", "ей": "ins"}

_STATE_KK = re.compile(r"(?:Қазақстан\s+Республикасы(?:ның)?|(?<![\w-])ҚР)\s*$")
# A word every match of _KK_BODY_GEN holds (its alternatives, prefixes merged): a text without one is
# not searched.
_KK_BODY_WORDS = (
    "мәслихат",
    "әкім",
    "Үкімет",
    "Президент",
    "Министр",
    "министр",
    "Басқарма",
    "басқарма",
    "Парламент",
    "Сот",
    "Кеңес",
    "кеңес",
    "комиссия",
    "агенттіг",
    "комитет",
    "Республика",
)
_STATE_RU = re.compile(r"^\s*Республики\s+Казахстан\b")
# A body in the Kazakh genitive (the issuer slot before the date).
_KK_BODY_GEN = re.compile(
    rf"(?:мәслихат|әкімдіг|әкімият|әкім|Үкімет|Президент|Министр|министр|министрліг|Басқарма|басқарма|"
    rf"Парламент|Сот|Кеңес|кеңес|комиссия|агенттіг|комитет|Республика)[{_L}]*(?:ның|нің|тың|тің|дың|дің|"
    # the chairman of an agency or committee: "… агенттігі Төрағасының"
    rf"(?<=і|ы)\s+[Тт]өрағасының)"
    rf"(?:\s+міндетін\s+атқарушының|\s+орынбасарының|\s+м\.\s?а\.)?\s*$"
)
_STOP_WORDS = {
    "сәйкес",
    "негізінде",
    "мақсатында",
    "бойынша",
    "туралы",
    "етеді",
    "отырып",
    "үшін",
    "жылғы",
    "сондай-ақ",
    "қоса",
    "бекітілген",
    "енгізілген",
    "берілген",
    "беріліп",
    "отырған",
    "қабылданған",
    "күші",
    "жойылды",
    "ескерту",
    "сноска",
    "в",
    "с",
    "и",
    "от",
    "по",
    "на",
    "со",
    "соответствии",
    "основании",
    "редакции",
    "решением",
    "постановлением",
    "утратил",
    "утратило",
    "силу",
    "шешімімен",
    "қаулысымен",
    "бұйрығымен",
    "жарлығымен",
    "заңымен",
    "осы",
    "настоящего",
    "настоящее",
    "мынадай",
    "жаңа",
    "новый",
    "жаңартылған",
    "обновленный",
    "қолданыстағы",
    "действующий",
    "күшінде",
    "жойған",
}
_PINPOINT_KK = re.compile(
    rf"^\s*(?P<p>\d+(?:[.-]\d+)*\)?\s*-?\s*(?:бап|баб|тармақша|тармақ|тармағ|тарау|бөлім|параграф|абзац)[{_L}]*"
    rf"(?:\s*,?\s*(?:және\s+)?\d+(?:[.-]\d+)*\)?\s*-?\s*(?:бап|баб|тармақша|тармақ|тармағ|тарау|бөлім|параграф|абзац)[{_L}]*){{0,3}})"
)
# Every match of _PINPOINT_RU begins with one of these words (lowercased).
_PINPOINT_RU_STARTS = ("подпункт", "пункт", "част", "стать", "глав", "раздел", "параграф", "абзац")
_PINPOINT_RU = re.compile(
    rf"(?P<p>(?:(?:(?:под)?пункт|част|стать|глав|раздел|параграф|абзац)[{_L}]*\s+\d+(?:[.-]\d+)*\)?\s*(?:,\s*)?)+)$",
    re.IGNORECASE,
)
# Codes named by their subject (a closed list: the codes of the RK).
# A subject "… туралы" stops at the state and the date before it ("2014 жылғы 5 шілдедегі Қазақстан
# Республикасының Әкімшілік құқық бұзушылық туралы кодексі"): none of its words is one of these.
_CODE_NAME_STOP = r"(?!Қазақстан\b|Республикасы|\d|жылғы\b|\w+(?:дағы|дегі|тағы|тегі)\b)"
_CODE_NAME_KK = re.compile(
    r"(?P<name>(?:Әлеуметтік|Еңбек|Салық|Бюджет|Азаматтық(?:\s+процестік)?|Қылмыстық(?:-процестік|-атқару)?|"
    r"Жер|Су|Орман|Экологиялық|Кәсіпкерлік|Кеден|Тұрғын\s+үй|Әкімшілік\s+рәсімдік-процестік|"
    rf"(?<![\w-]){_CODE_NAME_STOP}[\w-]+(?:\s+{_CODE_NAME_STOP}[\w()–-]+){{0,5}}\s+туралы))\s*$",
    re.IGNORECASE,
)
# The date (and the state) before a code named by its subject.
_CODE_DATE_BEFORE = re.compile(
    rf"(?:(?P<st1>Қазақстан\s+Республикасының)\s+)?(?P<d>{DATE})\s*(?:(?P<st2>Қазақстан\s+Республикасының)\s*)?$",
    re.IGNORECASE,
)
_CODE_NAME_RU = re.compile(
    r"(?P<name>(?:Социальн|Трудов|Налогов|Бюджетн|Гражданск|Уголовн|Уголовно-процессуальн|"
    r"Уголовно-исполнительн|Гражданск\w+\s+процессуальн|Земельн|Водн|Лесн|Экологическ|Предпринимательск|"
    r"Таможенн|Жилищн|Административн\w+\s+процедурно-процессуальн)(?:ого|ый|ой|ий|ым|ом|ому|ей|ем))\s*$",
    re.IGNORECASE,
)
# Every match of _FOREIGN holds one of these (as written: it is case-sensitive).
_FOREIGN_WORDS = (
    "Ресей",
    "Российск",
    "РФ",
    "Өзбекстан",
    "Узбекистан",
    "Беларусь",
    "РБ",
    "Қырғыз",
    "Кыргыз",
    "Украин",
    "Германи",
    "РУз",
    "Ру",
    "Федерал",
)


def _is_foreign(s: str) -> bool:
    return any(w in s for w in _FOREIGN_WORDS) and _FOREIGN.search(s) is not None


_FOREIGN = re.compile(
    r"Ресей|Российск|\bРФ\b|Өзбекстан|Узбекистан|Беларусь|\bРБ\b|Қырғыз|Кыргыз|Украин|Германи|"
    r"\bРУз\b|\bРу\b|Федерал",
)
_CODE_ABOUT_RU = re.compile(
    rf"^\s*(?:Республики\s+Казахстан\s+)?(?P<t>(?:о|об)\s+[{_L}]+(?:\s+(?!от\b)(?:\(?[{_L}]+\)?|и)){{0,5}})(?=[\s,.;:)]|$)"
)
_NOT_CODE_NAME = {
    "Қазақстан",
    "Республикасының",
    "Республикасы",
    "Осы",
    "Кодекс",
    "Настоящего",
    "Настоящий",
    "Данного",
    "Этого",
    "Указанного",
    "Нового",
    "Новый",
    "Жаңа",
    "Бұл",
    "Аталған",
    "Көрсетілген",
}

#: Words that make an act the legal basis of the act that states them (eli:based_on).
BASIS_TRIGGER = re.compile(
    r"сәйкес|негізінде|басшылыққа\s+ала\s+отырып|орындау\s+мақсатында|іске\s+асыру\s+мақсатында|"
    r"орындау\s+үшін|в\s+соответствии\s+с|соответствии\s+со|на\s+основании|руководствуясь|"
    r"во\s+исполнение|в\s+целях\s+реализации|в\s+целях\s+исполнения",
    re.IGNORECASE,
)

_OPEN = "«„"
_CLOSE = "»”"

# Patterns of the helpers below, compiled once (they run for every reference).
_SPACE_RUN = re.compile(r"\s+")
_NON_WORD = re.compile(r"[\W_]+")
_ANY_QUOTE = re.compile('["“”„«»]')
_CLOSING_QUOTE = re.compile("[»”]")
_OPENING_QUOTE = re.compile("[«„“]")
_ACTING = re.compile(r"\s*и\.\s?о\.\s*")
_LETTER_FIRST = re.compile(rf"^[{_U}{_L}]")
_STATE_ONLY = re.compile(r"(?:Қазақстан\s+Республикасы(?:ның)?|Республики\s+Казахстан|Қазақстан|РК|ҚР)")
_KK_STATE_WORD = re.compile("Қазақстан|ҚР")


@dataclass
class RefHit:
    """One act reference found in a joined text, with where its parts sit."""

    ref: ActRef
    start: int
    end: int
    noun_start: int
    noun_end: int
    case: str  # nom, gen, dat, acc, ins, loc, abl (the case of the act noun)
    lang: str  # kk or ru
    issuer_raw: str | None = None
    title_range: tuple[int, int] | None = None  # offsets of the quoted title, when the reference has one


def clean_title(raw: str) -> str:
    """A title as cited: spacing joined, the outer pair of quotes (any of ``«» "" “” „“``) removed, inner
    quotes kept as the text writes them.

    >>> clean_title('"Халықты жұмыспен қамту туралы" Қазақстан Республикасының Заңына өзгерістер енгізу туралы')
    '"Халықты жұмыспен қамту туралы" Қазақстан Республикасының Заңына өзгерістер енгізу туралы'
    >>> clean_title('«О правовых актах»')
    'О правовых актах'
    """
    s = _SPACE_RUN.sub(" ", raw).strip()
    if len(s) > 2 and s[0] in '"“„«' and s[-1] in '"”“»' and not _ANY_QUOTE.search(s[1:-1]):
        s = s[1:-1].strip()
    # a quote left alone at either end (its pair was cut off with a hyperlink) is dropped
    if s[:1] in '"“„«' and s.count(s[0]) == 1 and not _CLOSING_QUOTE.search(s):
        s = s[1:]
    if s[-1:] in '"”»' and s.count(s[-1]) == 1 and not _OPENING_QUOTE.search(s):
        s = s[:-1]
    return s.strip(" ,;:")


def _quote_before(t: str, end: int, limit: int = 700) -> tuple[int, int] | None:
    """If ``t[:end]`` ends with a closing quote, ``(open, close)`` offsets of the quoted text."""
    j = end
    while j > 0 and t[j - 1] == " ":
        j -= 1
    if j == 0:
        return None
    q = t[j - 1]
    if q not in '"»”“':
        return None
    close = j - 1
    if q != '"' and q not in "“":
        depth = 0
        for k in range(close, max(-1, close - limit), -1):
            c = t[k]
            if c in _CLOSE:
                depth += 1
            elif c in _OPEN or c == "“":
                depth -= 1
                if depth == 0:
                    return (k, close)
        return None
    # ASCII quotes: an opener follows a space, a bracket or the start; a closer follows a letter.
    depth = 0
    fallback = None
    for k in range(close, max(-1, close - limit), -1):
        c = t[k]
        if c not in '"“':
            continue
        prev = t[k - 1] if k > 0 else " "
        nxt = t[k + 1] if k + 1 < len(t) else " "
        opener = prev in " («—–-" and nxt not in ",.;:)"
        if k == close:
            depth = 1
            continue
        if opener:
            depth -= 1
            if fallback is None:
                fallback = k
            if depth == 0:
                return (k, close)
        else:
            depth += 1
    if fallback is not None:
        return (fallback, close)
    return None


def _quote_after(t: str, start: int, limit: int = 700) -> tuple[int, int] | None:
    """If ``t[start:]`` begins with an opening quote, ``(open, close)`` offsets of the quoted text."""
    j = start
    while j < len(t) and t[j] == " ":
        j += 1
    if j >= len(t) or t[j] not in '"«„“':
        return None
    o = j
    if t[o] in "«„":
        depth = 0
        for k in range(o, min(len(t), o + limit)):
            c = t[k]
            if c in "«„":
                depth += 1
            elif c in "»”“" and k != o:
                depth -= 1
                if depth == 0:
                    return (o, k)
        return None
    depth = 0
    for k in range(o, min(len(t), o + limit)):
        c = t[k]
        if c not in '"“”':
            continue
        prev = t[k - 1] if k > 0 else " "
        nxt = t[k + 1] if k + 1 < len(t) else " "
        if k == o:
            depth = 1
            continue
        closer = prev not in " («" and (nxt in ' ,.;:)»"' or k + 1 == len(t))
        if closer:
            depth -= 1
            if depth == 0:
                return (o, k)
        else:
            depth += 1
    return None


def _kk_case(suffix: str) -> str | None:
    s = suffix
    if _KK_PLURAL.match(s):
        return None  # plural: "шешімдерге" names no single act … unless it lists them; handled by callers
    if s in _KK_SUFFIX_CASE:
        return _KK_SUFFIX_CASE[s]
    # Жарлығы / бұйрығына: the stem "Жарлы"+"ғ" has taken the consonant already
    return None


def _ru_case(stem: str, suffix: str) -> str | None:
    """Case of a Russian act noun, or None for a plural or a derived word ("законы", "решениях")."""
    if stem == "конституци":
        return _RU_CASES_CONST.get(suffix)
    if stem.endswith("и"):
        return _RU_CASES_I.get(suffix)
    return _RU_CASES_C.get(suffix)


_TOKEN = re.compile(r"\S+")
_TOK_PUNCT_END = re.compile(r"[,.;:»\")]$")
_TOK_PUNCT_START = re.compile(r"^[«\"(\d№]")
_TOK_VERB = re.compile(r"(?:ған|ген|қан|кен|атын|етін|ылсын|ілсін|сын|сін|лды|лді)$")
_TOK_MONTH = re.compile(rf"(?:{_KK_MON}|{_RU_MON})")
_TOK_BARE = re.compile(r"^(?:облыс|аудан|қала)")


def _issuer_before(t: str, end: int) -> tuple[int, str] | None:
    """The Kazakh issuer phrase (a body in the genitive) that ends at ``end``: ``(start, phrase)``.

    It runs back from ``end`` over the words of a body's name and stops at punctuation, a quote, a
    number or date, a stop word ("сәйкес", "туралы" …), a verb form or another act noun.
    """
    base = max(0, end - 240)
    found = _issuer_in(t[base:end])
    return None if found is None else (base + found[0], found[1])


@functools.lru_cache(maxsize=4096)  # pure; the head and the body readers read the same nouns
def _issuer_in(head: str) -> tuple[int, str] | None:
    """:func:`_issuer_before` within ``head`` (the offset is into ``head``)."""
    if not any(w in head for w in _KK_BODY_WORDS) or not _KK_BODY_GEN.search(head):
        return None
    toks = list(_TOKEN.finditer(head))
    start_idx = len(toks) - 1
    for i in range(len(toks) - 1, max(-1, len(toks) - 14), -1):
        w = toks[i].group(0)
        wl = w.lower().strip('«»"')
        if (
            i != len(toks) - 1
            and wl != "міндетін"
            and (
                _TOK_PUNCT_END.search(w)
                or _TOK_PUNCT_START.match(w)
                or wl in _STOP_WORDS
                or (w[:1].islower() and _TOK_VERB.search(wl))
                or _TOK_MONTH.match(wl)  # the date before the issuer in "date issuer noun" order
                or (_NOUN.fullmatch(w) and not wl.startswith("конституциялы"))  # "Конституциялық Сотының"
            )
        ):
            break
        start_idx = i
    # the name of a body starts at the state's name ("Жауапты атқарушы органдар Қазақстан Республикасы
    # Үкіметінің" → "Қазақстан Республикасы Үкіметінің"), else at its first capitalised word, or at a bare
    # "облыс/аудан/қала"
    # The phrase starts at its first capitalised word (or a bare "облыс/аудан/қала"); the name of the body
    # starts at the last mention of the state in it ("Жауапты атқарушы органдар Қазақстан Республикасы
    # Үкіметінің"; "Премьер-Министрінің орынбасары - Қазақстан Республикасы Еңбек … министрінің").
    for i in range(start_idx, len(toks)):
        w = toks[i].group(0).strip('«»"')
        if w[:1].isupper() or _TOK_BARE.match(w):
            start_idx = i
            break
    state = next((i for i in range(len(toks) - 1, start_idx - 1, -1) if _is_state(toks, i)), None)
    name_idx = state if state is not None else start_idx
    return (toks[start_idx].start(), head[toks[name_idx].start() :].strip())


def _is_state(toks: list[re.Match[str]], i: int) -> bool:
    """``ҚР``, or ``Қазақстан`` followed by ``Республикасы…``: the state. In "Батыс Қазақстан облысы",
    "Шығыс/Солтүстік Қазақстан …" the word names an oblast, whose name it is part of."""
    w = toks[i].group(0)
    if w == "ҚР":
        return True
    return w == "Қазақстан" and i + 1 < len(toks) and toks[i + 1].group(0).startswith("Республика")


_RU_ISSUER_STOP = re.compile(
    r"\s+от\s|\s+(?:о|об)\s|\s*№|\s*[«\"“„(]|[.;:]|\s+(?:и|или|а\s+также)\s+(?=[а-я]+(?:ие|ия|ием|ом)\b)"
    # a comma before a conjunction or preposition ends the sentence's mention of the act, not the body's name
    r"|,\s+(?=(?:а|и|но|в|во|на|по|при|для|с|со|согласно|который|которым|которые|утвержденн[а-я]*)\s)"
)
_RU_BODY_WORD = re.compile(
    r"Республики\s+Казахстан|РК\b|област|район|город|маслихат|акимат|аким[аом]?\b|Правительств|Президент|"
    r"Премьер|Министр|Министерств|Правлени|Национальн\w+\s+Банк|Парламент|Агентств|Комитет",
    re.IGNORECASE,
)


_CONSTITUTIONAL_BODY = re.compile(r"[Кк]онституционн\w+\s+(?:Суд|Совет)\w*")


def _ru_issuer_after(t: str, start: int) -> tuple[int, str] | None:
    """The Russian issuer phrase right after the noun (genitive), up to ``от``, ``№``, a quote or a stop."""
    tail = t[start : start + 220]
    # "исполняющего обязанности" written "и.о." / "и. о.": its dots do not end the phrase
    io = _ACTING.match(tail)
    skip = io.end() if io else 0
    stop = _RU_ISSUER_STOP.search(tail, skip)
    chunk = tail[: stop.start()] if stop else tail
    phrase = chunk.strip(" ,")
    # (the Constitutional Court's adjective is not the noun "Конституция")
    bare = _CONSTITUTIONAL_BODY.sub("", phrase) if "онституционн" in phrase else phrase
    if not phrase or len(phrase) > 200 or not _RU_BODY_WORD.search(phrase) or _NOUN.search(bare):
        return None
    # the phrase must open with a genitive word, not start a new sentence
    if not _LETTER_FIRST.match(phrase):
        return None
    return (start + len(chunk.rstrip(" ,")) + (len(chunk) - len(chunk.lstrip())) * 0, phrase)


def _default_issuer(type_: str | None, phrase: str | None, context: Issuer | None) -> Issuer | None:
    if phrase and type_ in ("law", "code", "constitution") and not _STATE_ONLY.fullmatch(phrase.strip()):
        # only the Republic passes laws and codes: a body read after the noun is the next clause's
        # ("… Бюджетным кодексом Республики Казахстан, маслихат города Шымкент РЕШИЛ")
        state = re.search(
            r"Республики\s+Казахстан|Қазақстан\s+Республикасы(?:ның)?|(?<![\w-])(?:ҚР|РК)(?![\w-])", phrase
        )
        phrase = state.group(0) if state else None
    if phrase:
        if _STATE_ONLY.fullmatch(phrase.strip()):
            if type_ in ("law", "code", "constitution"):
                # The text names only the Republic: the key is the state ("rk", as in …/law/rk/…); the
                # agency that passed it is Parliament (Constitution, art. 61), see jsonout.
                label = "Қазақстан Республикасы" if _KK_STATE_WORD.search(phrase) else "Республика Казахстан"
                return Issuer(key="rk", label=label, kind="state", level="republican")
            if type_ == "decree":
                return Issuer(key="president", label=None, kind="president", level="republican")
            return None
        iss = resolve_issuer(phrase, context)
        if iss is not None:
            return iss
    return None


def find_refs(j: Joined, context: Issuer | None = None, lo: int = 0, hi: int | None = None) -> list[RefHit]:
    """Every act reference in ``j.text[lo:hi]``, in text order."""
    t = j.text
    hi = len(t) if hi is None else hi
    hits: list[RefHit] = []
    for m in _nouns(t, lo, hi):
        if m.group("kk"):
            hit = _read_kk(t, m, context)
            stem = m.group("kk_stem").lower()
            if hit is None and stem in ("кодекс", "конституция"):
                # Russian shares these stems: "Кодекс Республики Казахстан от …", "Конституция Республики …"
                suf = m.group("kk_suf")
                ru_stem, ru_suf = ("конституци", "я" + suf) if stem == "конституция" else ("кодекс", suf)
                hit = _read_ru(t, m, context, ru_stem, ru_suf)
        else:
            hit = _read_ru(t, m, context)
        if hit is not None:
            hit.ref.span = j.span(hit.start, hit.end)
            if t.startswith("(", hit.end, hit.end + 2) or t.startswith(" (", hit.end, hit.end + 2):
                _adilet_after(t, hit)
            hits.append(hit)
    # an act named inside the quoted title of another ("«… № 326 қаулысына өзгерістер енгізу туралы»
    # шешімі") is part of that title, not a reference of this text
    ranges = [h.title_range for h in hits if h.title_range]
    if ranges:
        hits = [h for h in hits if not any(a < h.noun_start < b for a, b in ranges)]
    return hits


# The adilet code a web copy leaves in brackets after a citation (its hyperlink's target):
# "… № 38-371-VI «Об утверждении Правил» (V18U0004879)", "… Заңына (Z010000148_)".
_ADILET_AFTER = re.compile(r"\s?\(\s*(?P<code>[A-Z]\d{2}[0-9A-Z_]{8})\s*\)")


def _adilet_after(t: str, hit: RefHit) -> None:
    """Give ``hit`` the adilet code in brackets right after it, when its year agrees with the act's."""
    m = _ADILET_AFTER.match(t, hit.end, hit.end + 20)
    info = parse_adilet_code(m.group("code")) if m else None
    if m and info and (hit.ref.date is None or abs(int(info["year"]) - hit.ref.date.year) <= 1):
        hit.ref.adilet = m.group("code")


def _read_kk(t: str, m: re.Match[str], context: Issuer | None) -> RefHit | None:
    stem = m.group("kk_stem").lower()
    suf = m.group("kk_suf")
    type_ = _KK_TYPE.get(stem) or _KK_TYPE.get(stem.rstrip("ғқ") + "қ")
    case = _kk_case(suf)
    if case is None:
        return None
    if stem == "конституция":
        case = _kk_case(suf.removeprefix("сы")) or "nom"
    if m.group("kk_joint"):
        type_ = "joint-act"
    pos = m.start()
    start = pos
    title: tuple[int, int] | None = None
    date_s: str | None = None
    num: str | None = None
    issuer_phrase: str | None = None
    name: str | None = None
    seen: set[str] = set()
    cur = pos
    for _ in range(8):
        # each part is short: look only at the end of the text before it (dates ≤ 45 characters …)
        head = t[max(0, cur - 70) : cur]
        base = max(0, cur - 70)
        # (each pattern is tried only when the text holds the literal its every match contains)
        if "atty" not in seen and "атты" in head and (mm := _ends(_ATTY_END, _ATTY_FIRST, head)):
            seen.add("atty")
            cur = base + mm.start()
            continue
        # "№ 260 (01.07.2023 бастап қолданысқа енгізіледі) бұйрығымен": a bracket between number and noun
        if "paren" not in seen and not seen - {"atty"} and head.rstrip().endswith(")"):
            close = base + len(head.rstrip()) - 1
            open_ = t.rfind("(", max(0, close - 200), close)
            if open_ != -1 and ")" not in t[open_:close]:
                seen.add("paren")
                cur = open_
                continue
        if (
            "rkz" not in seen
            and ("ҚР" in head or "ЗРК" in head)
            and (mm := _ends(_RKZ_END, _RKZ_FIRST, head))
        ):
            seen.add("rkz")
            cur = base + mm.start()
            continue
        q = _quote_before(t, cur)
        if q and "title" not in seen and (not seen - {"atty", "rkz"} or "issuer" in seen or "date" in seen):
            seen.add("title")
            title = q
            cur = q[0]
            continue
        if "num" not in seen and "№" in head and (mm := _ends(_NUM_END, _NUM_FIRST, head)):
            seen.add("num")
            num = mm.group("n")
            cur = base + mm.start()
            continue
        if "date" not in seen and (mm := next(finditer_from(_DATE_END, _DATE_FIRST, head), None)):
            seen.add("date")
            date_s = mm.group(0)
            cur = base + mm.start()
            continue
        if (
            "issuer" not in seen
            and ("Қазақстан" in head or "ҚР" in head)
            and (st := _ends(_STATE_KK, _STATE_FIRST, head))
        ):
            iss = _issuer_before(t, cur)
            if iss and len(iss[1]) > len(st.group(0).strip()) and resolve_issuer(iss[1], context) is not None:
                seen.add("issuer")
                issuer_phrase = iss[1]
                cur = iss[0]
            else:
                seen.add("issuer")
                issuer_phrase = st.group(0).strip()
                cur = base + st.start()
            continue
        if "issuer" not in seen:
            iss = _issuer_before(t, cur)
            if iss:
                seen.add("issuer")
                issuer_phrase = iss[1]
                cur = iss[0]
                continue
        break
    start = cur
    # A code named by its subject: "Әлеуметтік кодексі", "Еңбек Кодексінің",
    # "Әкімшілік құқық бұзушылық туралы кодекс".
    if type_ == "code" and title is None:
        before = t[max(0, pos - 120) : pos]
        cm = _CODE_NAME_KK.search(before)
        if cm and cm.group("name").split()[0] not in _NOT_CODE_NAME:
            name = cm.group("name")
            name = name[:1].upper() + name[1:]
            start = min(start, pos - len(before) + cm.start())
            lead = t[max(0, start - 90) : start]
            dm = _CODE_DATE_BEFORE.search(lead) if date_s is None and _DATE_FIRST.search(lead) else None
            if dm:  # "2014 жылғы 5 шілдедегі Қазақстан Республикасының Әкімшілік … туралы кодексі"
                date_s = dm.group("d")
                issuer_phrase = issuer_phrase or dm.group("st1") or dm.group("st2")
                start = start - len(lead) + dm.start()
            elif issuer_phrase is None and (
                st := _STATE_KK.search(lead)
            ):  # "Қазақстан Республикасының Бюджет кодексі"
                issuer_phrase = st.group(0).strip()
                start = start - len(lead) + st.start()
    end = m.end()
    # Header form of laws and codes: "Қазақстан Республикасының Кодексі 2023 жылғы 20 сәуірдегі № 224-VII ҚРЗ."
    if date_s is None and num is None and type_ in ("law", "code") and case == "nom":
        dm = _DATE_START.match(t, end) if False else _DATE_START.match(t[end : end + 80])
        if dm:
            date_s = dm.group("d")
            end += dm.end()
            nm = _NUM_START.match(t[end : end + 40])
            if nm:
                num = nm.group("n")
                end += nm.end()
                rk = _RKZ_START.match(t[end : end + 8])
                if rk:
                    end += rk.end()
    # Address: "… Қазақстан халқына 2004 жылғы 19 наурыздағы <unquoted title> атты Жолдауы"
    if type_ == "address" and date_s is None and "atty" in seen:
        back = t[max(0, pos - 300) : pos]
        dms = list(re.finditer(DATE, back, re.IGNORECASE))
        if dms:
            date_s = dms[-1].group(0)
            start = min(start, pos - len(back) + dms[-1].start())
            pre = t[max(0, start - 120) : start]
            ip = re.search(
                r"(Қазақстан\s+Республикасы(?:ның)?\s+Президентінің)(?:\s+Қазақстан\s+халқына)?\s*$", pre
            )
            if ip:
                issuer_phrase = ip.group(1)
                start = start - len(pre) + ip.start()
    pin = None
    pm = _PINPOINT_KK.match(t[end : end + 120])
    if pm and case in ("gen", "nom"):
        pin = _clean_pinpoint(pm.group("p"))
    if type_ == "address" and issuer_phrase is None:
        ip = re.search(r"Президентінің(?:\s+Қазақстан\s+халқына)?\s*$", t[max(0, start - 80) : start])
        if ip:
            issuer_phrase = "Қазақстан Республикасы Президентінің"
    title_s = clean_title(t[title[0] + 1 : title[1]]) if title else None
    if name and not title_s:
        title_s = f"{name} кодексі"
    if not (date_s or num or title_s or type_ == "constitution"):
        return None
    if type_ == "constitution" and not (issuer_phrase or date_s or title_s):
        return None
    if _is_foreign(t[max(0, start - 60) : end + 40]):
        return None  # a foreign act (Section IV of a comparative report), not a Kazakh one
    issuer = _default_issuer(type_, issuer_phrase, context)
    d = parse_date(date_s) if date_s else None
    number = clean_number(num) if num else None
    if type_ == "constitution" and not title_s:
        title_s = "Қазақстан Республикасының Конституциясы"
    ref = ActRef(
        type=type_,
        issuer=issuer,
        date=d,
        number=number,
        title=title_s,
        title_lang="kk" if title_s else None,
        pinpoint=pin,
    )
    return RefHit(ref, start, end, m.start(), m.end(), case, "kk", issuer_phrase, title)


def _read_ru(
    t: str, m: re.Match[str], context: Issuer | None, stem: str | None = None, suf: str | None = None
) -> RefHit | None:
    if stem is None:
        stem = m.group("ru_stem").lower()
        suf = m.group("ru_suf")
    suf = suf or ""
    type_ = _RU_TYPE.get(stem)
    case = _ru_case(stem, suf)
    if case is None:
        return None  # "законы", "законодательство", "решениях": no single act
    if m.groupdict().get("ru_joint"):
        type_ = "joint-act"
    start = m.start()
    end = m.end()
    issuer_phrase = None
    date_s = None
    num = None
    title: tuple[int, int] | None = None
    name = None
    seen: set[str] = set()
    for _ in range(7):
        rest = t[end : end + 400]
        if "issuer" not in seen and (ri := _ru_issuer_after(t, end)):
            seen.add("issuer")
            issuer_phrase = ri[1]
            end = ri[0]
            continue
        if "date" not in seen and (dm := _OT_DATE.match(rest)):
            seen.add("date")
            date_s = dm.group("d")
            end += dm.end()
            continue
        if "num" not in seen and (nm := _NUM_START.match(rest)):
            seen.add("num")
            num = nm.group("n")
            end += nm.end()
            continue
        if "rkz" not in seen and (rk := _RKZ_START.match(rest)):
            seen.add("rkz")
            end += rk.end()
            continue
        if "title" not in seen and (q := _quote_after(t, end)):
            seen.add("title")
            title = q
            end = q[1] + 1
            continue
        break
    if type_ == "code":
        before = t[max(0, start - 60) : start]
        cm = _CODE_NAME_RU.search(before)
        if cm and cm.group("name") not in _NOT_CODE_NAME:
            name = _ru_code_adj(cm.group("name")) + " кодекс"
            start = start - len(before) + cm.start()
        elif title is None:
            ab = _CODE_ABOUT_RU.match(t[m.end() : m.end() + 120])
            if ab:
                name = "Кодекс " + ab.group("t")
                end = max(end, m.end() + ab.end())
                # "Кодекс … об административных правонарушениях от 5 июля 2014 года № 235-V ЗРК"
                if date_s is None and (dm := _OT_DATE.match(t[end : end + 80])):
                    date_s = dm.group("d")
                    end += dm.end()
                if num is None and (nm := _NUM_START.match(t[end : end + 40])):
                    num = nm.group("n")
                    end += nm.end()
                    if rk := _RKZ_START.match(t[end : end + 8]):
                        end += rk.end()
    pin = None
    before = t[max(0, start - 80) : start].rstrip()
    pins = WordSearch(_PINPOINT_RU, before + " ", _PINPOINT_RU_STARTS, fold=True)
    # (with endpos, the text is read as if it ended there: the second search is over ``before``)
    pm = pins.search(0) or pins.search(0, len(before))
    if pm:
        pin = _clean_pinpoint(pm.group("p"))
    title_s = clean_title(t[title[0] + 1 : title[1]]) if title else None
    if name and not title_s:
        title_s = name
    if not (date_s or num or title_s or (type_ == "constitution" and issuer_phrase)):
        return None
    if type_ == "constitution" and not title_s:
        title_s = "Конституция Республики Казахстан"
    if _is_foreign(t[max(0, start - 60) : end + 40]):
        return None
    issuer = _default_issuer(type_, issuer_phrase, context)
    d = parse_date(date_s) if date_s else None
    number = clean_number(num) if num else None
    ref = ActRef(
        type=type_,
        issuer=issuer,
        date=d,
        number=number,
        title=title_s,
        title_lang="ru" if title_s else None,
        pinpoint=pin,
    )
    return RefHit(ref, start, end, m.start(), m.end(), case, "ru", issuer_phrase, title)


_RU_ADJ = [
    ("ового", "овой"),
    ("евого", "евой"),
    ("ского", "ский"),
    ("цкого", "цкий"),
    ("ного", "ный"),
    ("ого", "ый"),
    ("ому", "ый"),
    ("ым", "ый"),
    ("ом", "ый"),
    ("ий", "ий"),
    ("ый", "ый"),
    ("ой", "ой"),
]


# The genitive "-ового"/"-ного" hides whether the nominative ends in "-ой" or "-ый": the names of the
# codes that end in "-ой" are listed (the other code names take "-ый"/"-ий").
_RU_CODE_NOM_OI = re.compile(r"^(?:трудов|лесн)", re.IGNORECASE)


def _ru_code_adj(adj: str) -> str:
    """The nominative of the adjective that names a code: "Трудового" → "Трудовой", "Налогового" →
    "Налоговый", "Лесного" → "Лесной", "Земельного" → "Земельный"."""
    if " " in adj:  # "Административного процедурно-процессуального"
        return " ".join(_ru_code_adj(w) for w in adj.split())
    m = re.match(r"^(.*?)(?:ого|ому|ым|ом|ой|ый)$", adj)
    if m is None or adj.endswith(("ского", "цкого")):
        return _ru_adj_nominative(adj)
    return m.group(1) + ("ой" if _RU_CODE_NOM_OI.match(adj) else "ый")


def _ru_adj_nominative(adj: str) -> str:
    for suf, rep in _RU_ADJ:
        if adj.endswith(suf):
            return adj[: -len(suf)] + rep
    return adj


@functools.lru_cache(maxsize=4096)  # pure; nine substitutions per pinpoint
def _clean_pinpoint(p: str) -> str:
    s = re.sub(r"\s+", " ", p).strip(" ,")
    s = re.sub(r"(\d)\s*-?\s*(баб|бап)[а-яәіңғүұқөһ]*", r"\1-бап", s)
    s = re.sub(r"(\d)\)\s*(тармақша)[а-яәіңғүұқөһ]*", r"\1) тармақша", s)
    s = re.sub(r"(\d)\s*-?\s*(тармақша)[а-яәіңғүұқөһ]*", r"\1-тармақша", s)
    s = re.sub(r"(\d)\s*-?\s*(тармақ|тармағ)(?!ша)[а-яәіңғүұқөһ]*", r"\1-тармақ", s)
    s = re.sub(r"(\d)\s*-?\s*(тарау)[а-яәіңғүұқөһ]*", r"\1-тарау", s)
    s = re.sub(r"^(пункт|подпункт)(?:ом|а|е|у)\b", r"\1", s, flags=re.IGNORECASE)
    s = re.sub(r"^(стать)(?:ей|ёй|и|е|ю)\b", r"\1я", s, flags=re.IGNORECASE)
    s = re.sub(r"^(част)(?:ью|и)\b", r"\1ь", s, flags=re.IGNORECASE)
    return s


_KK_CASE_TAIL = {
    "да",
    "де",
    "та",
    "те",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "мен",
    "бен",
    "пен",
    "сы",
    "сі",
    "ші",
    "шы",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ыс",
    "а",
    "е",
    "нда",
    "нде",
    "ка",
}


@functools.lru_cache(maxsize=4096)  # pure
def clean_number(raw: str) -> str | None:
    """An act number as printed, without the ``№`` and without a Kazakh case ending glued to it.

    >>> clean_number("№ 98-ден"), clean_number("№301-ІІ"), clean_number("№ 114/НҚ"), clean_number("№ 3-ө")
    ('98', '301-II', '114/НҚ', '3-ө')
    """
    s = raw.strip()
    lettered = re.match(
        r"^№?\s*((?:ҚР\s+)?[A-ZА-ЯӘІҢҒҮҰҚӨҺ]{1,6}(?:\s[A-ZА-ЯӘІҢҒҮҰҚӨҺ]{1,6})?)\s?[-–]\s?(\d.*)$", s
    )
    if lettered:
        head = " ".join(lettered.group(1).split())
        return head + "-" + "".join(lettered.group(2).split())
    parts = re.split(r"(\s?[-/]\s?)", s)
    # drop a trailing case ending: "98-ден", "245-ші"
    if len(parts) >= 3 and parts[-1].lower() in _KK_CASE_TAIL:
        s = "".join(parts[:-2])
    s = s.replace("–", "-")
    n = normalize_number(s)
    return n or None


# --------------------------------------------------------------------------- identity and merging


def ref_key(ref: ActRef) -> tuple[str | None, ...]:
    """What makes two references name the same act, as far as one text shows."""
    if ref.date or ref.number:
        return (
            ref.type,
            ref.issuer.key if ref.issuer else None,
            ref.date.isoformat() if ref.date else None,
            ref.number,
        )
    return (ref.type, None, None, None, _NON_WORD.sub("", (ref.title or "").lower()))


def same_act(a: ActRef, b: ActRef) -> bool:
    """Two references of one text name the same act: same number and date (type and issuer may be
    missing on one side), or, when neither is dated nor numbered, the same title and type."""
    if a.type and b.type and a.type != b.type:
        return False
    ta = _NON_WORD.sub("", (a.title or "").lower())
    tb = _NON_WORD.sub("", (b.title or "").lower())
    if (a.date or a.number) and (b.date or b.number):
        if a.number and b.number and a.number != b.number:
            return False
        if a.date and b.date and a.date != b.date:
            return False
        if a.issuer and b.issuer and a.issuer.key != b.issuer.key:
            return False
        if a.number and b.number:
            return True
        if a.type in ("address", "constitution") and a.date and a.date == b.date:
            return True  # one Address of the President, one Constitution, on a given day
        # several acts are signed on one day: a date alone identifies nothing, a title with it does
        return bool(ta) and ta == tb
    return bool(ta) and ta == tb


def merge_refs(refs: list[ActRef]) -> list[ActRef]:
    """Merge references that name the same act, keeping the first position and every stated field.

    Each reference is compared, in order, only with those :func:`same_act` could accept — the same
    number, or else the same title — so that 10,000 editorial notes stay linear."""
    out: list[ActRef] = []
    index: dict[tuple[str, str], set[int]] = {}

    def keys(x: ActRef) -> list[tuple[str, str]]:
        title = _NON_WORD.sub("", (x.title or "").lower())
        return [k for k in (("n", x.number or ""), ("t", title)) if k[1]]

    def file(i: int, x: ActRef) -> None:
        for k in keys(x):
            index.setdefault(k, set()).add(i)

    def candidates(x: ActRef) -> list[int]:
        return sorted({i for k in keys(x) for i in index.get(k, ())})

    for r in refs:
        for i in candidates(r):
            o = out[i]
            if same_act(o, r):
                o.type = o.type or r.type
                o.issuer = o.issuer or r.issuer
                o.date = o.date or r.date
                o.number = o.number or r.number
                if r.title and (
                    not o.title or (o.title_lang == r.title_lang and len(r.title) > len(o.title) and False)
                ):
                    o.title, o.title_lang = r.title, r.title_lang
                o.effective_date = o.effective_date or r.effective_date
                o.adilet = o.adilet or r.adilet
                file(i, o)  # it may have gained a number, a date or a title
                break
        else:
            file(len(out), r)
            out.append(r)
    return out


# --------------------------------------------------------------------------- pinpoint citations

# Unit words, by kind (the kinds of kglaw.parse.provisions, so that a cited article gets the IRI the
# amendment operations and the curated files give it: ``{act}/article-27``).
_KK_UNIT = {
    "тармақша": "subpoint",
    "тармақ": "point",
    "тармағ": "point",
    "бап": "article",
    "баб": "article",
    "бөлік": "part",
    "бөліг": "part",
    "тарау": "chapter",
    "бөлім": "section",
    "параграф": "paragraph",
    "абзац": "abzac",
}
_RU_UNIT = {
    "пп.": "subpoint",
    "п.": "point",
    "ст.": "article",
    "ч.": "part",
    "подпункт": "subpoint",
    "пункт": "point",
    "стать": "article",
    "част": "part",
    "глав": "chapter",
    "раздел": "section",
    "параграф": "paragraph",
    "абзац": "abzac",
}
_PN = r"\d+(?:[.-]\d+)*"  # 27, 3.2, 12-1
_KK_PIN_NUMS = rf"{_PN}(?:\s*(?:,|және|мен|пен|бен)\s*{_PN})*"
_KK_PIN_WORD = r"тармақша|тармақ|тармағ|бап|баб|бөлік|бөліг|тарау|бөлім(?!ше)|параграф|абзац"
# "27 бабын", "541-бабының", "3.2. тармағы", "3) тармақшасы", "1 және 6-тармақшаларына"
_KK_PIN_UNIT_RE = re.compile(
    rf"(?<![\w.-])(?P<nums>{_KK_PIN_NUMS})\.?\)?\s*-?\s*(?P<w>{_KK_PIN_WORD})[{_L}]*", re.IGNORECASE
)
_KK_ONE = rf"(?:{_KK_PIN_NUMS})\.?\)?\s*-?\s*(?:{_KK_PIN_WORD})[{_L}]*"
# Kazakh chains units outermost first, each in the genitive but the last: "610-бабы 1-тармағының 3) тармақшасы"
_KK_PIN_CHAIN = re.compile(rf"(?<![\w.-]){_KK_ONE}(?:\s+{_KK_ONE}){{0,4}}", re.IGNORECASE)
# Every match of _KK_PIN_CHAIN holds one of these words (lowercased); every match of _RU_PIN_CHAIN begins
# with one of _RU_PIN_STARTS (its unit words, lowercased).
_KK_PIN_WORDS = ("тармақ", "тармағ", "бап", "баб", "бөлік", "бөліг", "тарау", "бөлім", "параграф", "абзац")
_RU_PIN_STARTS = (
    "подпункт",
    "пункт",
    "стать",
    "част",
    "глав",
    "раздел",
    "параграф",
    "абзац",
    "пп.",
    "п.",
    "ст.",
    "ч.",
)
_RU_PIN_NUMS = rf"{_PN}\)?(?:\s*(?:,|и)\s*{_PN}\)?)*"
_RU_PIN_WORD = r"подпункт|пункт|стать|част|глав|раздел|параграф|абзац|пп\.|п\.|ст\.|ч\."
# "статьей 27", "пунктом 3", "подпункт 3)", "пунктов 1 и 2", "п. 3 ст. 54"
_RU_PIN_UNIT_RE = re.compile(
    rf"(?<![{_L}])(?P<w>{_RU_PIN_WORD})[{_L}]*\s+(?:№\s*)?(?P<nums>{_RU_PIN_NUMS})(?![\d)])", re.IGNORECASE
)
_RU_ONE = rf"(?:{_RU_PIN_WORD})[{_L}]*\s+(?:№\s*)?(?:{_RU_PIN_NUMS})"
# Russian chains units innermost first: "подпункт 3) пункта 1 статьи 610"
_RU_PIN_CHAIN = re.compile(rf"(?<![{_L}]){_RU_ONE}(?:\s*,?\s*{_RU_ONE}){{0,4}}(?![\d)])", re.IGNORECASE)
# The document an act approved, named before the units it holds: "… жоспарының 3.2-тармағы",
# "пункт 3.2 Плана мероприятий …, утвержденного постановлением …" (kinds as in kglaw.parse.amendments).
_KK_DOC_GEN = re.compile(
    rf"(?<![\w-])(?P<d>жоспар|бағдарлама|тұжырымдама|стратегия|қағида|ереже|тізбе|стандарт)[{_L}]*"
    rf"(?:ның|нің|дың|дің|тың|тің)\s+(?={_PN})",
    re.IGNORECASE,
)
_RU_DOC_GEN = re.compile(
    r"^\s*(?:[А-ЯЁа-яё-]+(?:ого|его|ой|ей|ых|их)\s+){0,2}"
    r"(?P<d>План|Программ|Концепци|Стратеги|Правил|Положени|Перечн|Стандарт)[а-я]*(?![а-я])",
    re.IGNORECASE,
)
_DOC_KIND = {
    "жоспар": "plan",
    "бағдарлама": "programme",
    "тұжырымдама": "concept",
    "стратегия": "strategy",
    "қағида": "rules",
    "ереже": "regulation",
    "тізбе": "list",
    "стандарт": "standard",
    "план": "plan",
    "программ": "programme",
    "концепци": "concept",
    "стратеги": "strategy",
    "правил": "rules",
    "положени": "regulation",
    "перечн": "list",
}
# A unit of "this" act, or of an act named just before in the genitive: not a bare citation.
_SELF_BEFORE = re.compile(
    rf"(?:(?<![\w-])(?:осы|аталған|көрсетілген|сол|настоящ[{_L}]*|данн[{_L}]*|указанн[{_L}]*|эт[{_L}]*)\s+"
    rf"(?:[{_L}]+\s+)?|(?:заң|кодекс|қаулы|шешім|бұйры|жарлы|ереже|қағида|жоспар|бағдарлама|тұжырымдама|"
    rf"стандарт|конвенция|шарт|акт|тізбе)[{_L}]*(?:ның|нің|дың|дің|тың|тің)\s+)$",
    re.IGNORECASE,
)
_RU_GEN_AFTER = re.compile(rf"^\s*(?:[{_U}]|настоящ|данн|указанн|эт[{_L}]+\s|того\s|[Кк]одекс|[Зз]акон)")
_HEADING = re.compile(rf"^[{_U}][{_U}\s,()«»\"-]{{4,80}}$")
_SENT_CAP = 250  # a context is cut at a word boundary this far on each side of the citation


def _unit_paths(chain: str, lang: str) -> tuple[list[list[tuple[str, str]]], bool]:
    """The unit paths a pinpoint names, outermost first: a list of numbers gives one path per number
    ("546-бабының 1 және 6-тармақшаларына" → article 546 / subpoint 1 and article 546 / subpoint 6).
    The flag says whether the chain is complete (every unit word read)."""
    from .provisions import RANK

    units: list[tuple[str, list[str]]] = []
    rx = _KK_PIN_UNIT_RE if lang == "kk" else _RU_PIN_UNIT_RE
    table = _KK_UNIT if lang == "kk" else _RU_UNIT
    for m in rx.finditer(chain):
        word = m.group("w").lower()
        kind = table.get(word) or table.get(word.rstrip("ғ") + "қ")
        if kind is None:
            continue
        nums = [n.strip(" .)") for n in re.split(r"\s*(?:,|және|мен|пен|бен|\bи\b)\s*", m.group("nums"))]
        units.append((kind, [n for n in nums if n]))
    units.sort(key=lambda u: RANK[u[0]])
    kinds = [k for k, _ in units]
    if not units or len(set(kinds)) != len(kinds):
        return [], False
    paths: list[list[tuple[str, str]]] = [[]]
    for kind, nums in units:
        paths = [p + [(kind, n)] for p in paths for n in nums][:24]
    return paths, True


# Two or more words in capitals: a heading or an enacting formula ("САЛЫҚТЫҚ ЖЕҢІЛДІКТЕР", "ҚАУЛЫ ЕТЕДІ")
# run into the text of a copied act without punctuation; they bound a sentence.
_CAPS_RUN = re.compile(rf"(?<![\w-])[{_U}]{{2,}}(?:\s+[{_U}]{{3,}})+(?![\w-])")


_PUNCT = re.compile(r"[.;:!?]")


def _punct(t: str, lo: int, hi: int) -> list[int]:
    return [m.start() for m in _PUNCT.finditer(t, lo, hi)]


def _sentence(
    t: str, start: int, end: int, paragraphs: list[int] | None = None
) -> tuple[int, int, bool, bool]:
    """Offsets of the sentence around ``t[start:end]``: from the last ``.;:!?`` that ends a sentence to
    the next ``.;!?`` (a colon does not end it: the list it opens belongs to the sentence), bounded by a
    run of words in capitals and by :data:`_SENT_CAP` characters on each side (the flags say whether
    each side was cut there). A dot after a digit ("3.2.", "01.07.2023") or a short lower-case
    abbreviation ("ж.", "г.", "т.б.") does not end a sentence."""

    def ends(k: int, colon: bool) -> bool:
        c = t[k]
        if c == ";" or c in "!?" or (colon and c == ":"):
            return k + 1 >= len(t) or t[k + 1] == " "
        if c != ".":
            return False
        if k + 1 < len(t) and t[k + 1] != " ":
            return False
        word = re.search(r"(\S+)$", t[max(0, k - 12) : k])
        w = word.group(1) if word else ""
        if not w or w[-1].isdigit() or (len(w) <= 3 and w.islower()):
            return False
        nxt = t[k + 2 : k + 3]
        return not nxt or not nxt.islower()

    floor = max(0, start - _SENT_CAP)
    ceil = min(len(t), end + _SENT_CAP)
    if paragraphs:  # an indented line starts a paragraph: the sentence does not cross it
        k = bisect.bisect_right(paragraphs, start) - 1
        if k >= 0:
            floor = max(floor, paragraphs[k])
        if k + 1 < len(paragraphs):
            ceil = min(ceil, paragraphs[k + 1])
    for m in _CAPS_RUN.finditer(t, floor, ceil):
        if m.end() <= start:
            floor = m.end()
        elif m.start() >= end:
            ceil = m.start()
            break
    # only punctuation can end a sentence: look at those places, not at every character
    lo = next((k + 1 for k in reversed(_punct(t, floor, start)) if ends(k, True)), floor)
    hi = next((k for k in _punct(t, end, ceil) if t[k] != ":" and ends(k, False)), ceil)
    if hi < len(t) and t[hi] in ".;!?":
        hi += 1
    cut_lo = lo == start - _SENT_CAP and lo > 0
    cut_hi = hi == end + _SENT_CAP and hi < len(t)
    if cut_lo:
        lo = t.find(" ", lo, start) + 1 or lo
    if cut_hi:
        sp = t.rfind(" ", end, hi)
        hi = sp if sp > end else hi
    return lo, hi, cut_lo, cut_hi


def citation_context(t: str, start: int, end: int, paragraphs: list[int] | None = None) -> str:
    """The sentence around a citation, whitespace-normalised, without a list dash at its start; "…"
    marks a side cut at :data:`_SENT_CAP` characters. ``paragraphs`` are the offsets where indented
    lines start (:func:`paragraph_starts`): a sentence never crosses one.

    >>> citation_context("Бөлім. Заңның 27-бабына сәйкес көмек көрсетіледі; келесі.", 7, 24)
    'Заңның 27-бабына сәйкес көмек көрсетіледі;'
    """
    lo, hi, cut_lo, cut_hi = _sentence(t, start, end, paragraphs)
    s = re.sub(r"\s+", " ", t[lo:hi]).strip()
    s = re.sub(r"^[-–—•]\s*", "", s)
    return ("…" if cut_lo else "") + s + ("…" if cut_hi else "")


@dataclass(frozen=True)
class _Text:
    """The joined text and the offsets where its indented lines (paragraphs) start."""

    j: Joined
    paras: list[int]


def paragraph_starts(j: Joined, lines: list[str] | None) -> list[int]:
    """Offsets in ``j`` of the lines that open a paragraph: indented ones (the published format indents
    each paragraph), and the first line."""
    if not lines:
        return []
    out = [0]
    for k, (s, n) in enumerate(zip(j.starts, j.linenos)):
        if k and n - 1 < len(lines) and lines[n - 1][:1] in (" ", "\t"):
            out.append(s)
    return out


def _citation(
    d: _Text, hit_ref: ActRef, path: list[tuple[str, str]], text: str, lo: int, hi: int, **kw: str | None
) -> Citation:
    return Citation(
        act=hit_ref,
        provision=Provision(path=path, label=re.sub(r"\s+", " ", text).strip()),
        text=re.sub(r"\s+", " ", text).strip(),
        context=citation_context(d.j.text, lo, hi, d.paras),
        span=d.j.span(lo, hi),
        **kw,  # type: ignore[arg-type]
    )


def _headings(j: Joined) -> list[tuple[int, str]]:
    """Offsets and words of the section headings: joined lines in capitals with no digit."""
    out = []
    for k, s in enumerate(j.starts):
        e = j.starts[k + 1] - 1 if k + 1 < len(j.starts) else len(j.text)
        line = j.text[s:e].strip()
        if _HEADING.match(line) and not re.search(r"\d", line) and len(re.findall(rf"[{_U}]", line)) >= 6:
            out.append((s, line))
    return out


def _stem_match(a: str, b: str) -> bool:
    """Two words share a stem: "ЕҢБЕК"/"Еңбек", "САЛЫҚТЫҚ"/"Салық", "Трудовые"/"Трудовой"."""
    a, b = a.lower(), b.lower()
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= max(4, min(len(a), len(b)) - 2)


def find_citations(j: Joined, hits: list[RefHit], lines: list[str] | None = None) -> list[Citation]:
    """Every citation of a unit of an act in ``j``, one per unit, in text order.

    ``hits`` are the act references of the text (:func:`find_refs`, without the document's own act and
    editorial notes). An international convention or treaty (:func:`find_conventions`) named without a
    unit is a citation of the whole instrument (an empty ``provision``) at each place. Three shapes of
    unit are read:

    - a unit next to a named act: Kazakh after the act in the genitive ("… Заңының 27 бабын",
      "Салық кодексінің 541-бабының 12-тармақшасына"), Russian before it ("в соответствии со статьей 27
      Закона …", "подпунктом 3) пункта 1 статьи 610 Налогового кодекса");
    - a unit of a document the act approved: "… қаулысымен бекітілген … жоспарының 3.2-тармағы",
      "пункт 3.2 Плана …, утвержденного постановлением …";
    - a bare unit ("546-баптың 7-тармақшасына", "статьей 54") whose act the phrase does not name. It is
      a citation of another act only when a citation of that act with a unit of the same kind stands just
      before it in the same passage (``inferred="preceding"``), or when the section heading above it names
      the subject of a code the text cites ("ЕҢБЕК ЖЕҢІЛДІКТЕРІ" under a text that names "Еңбек кодексі";
      ``inferred="heading"``). A unit of "this" act ("осы Заңның 5-бабы") is never one; an act is never
      guessed otherwise.

    ``lines`` (the normalised lines of ``j``) let the context sentence stop at a paragraph start.
    """
    d = _Text(j, paragraph_starts(j, lines))
    t = j.text
    out: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []
    ordered = sorted(hits, key=lambda h: h.start)
    for k, h in enumerate(ordered):
        nxt = ordered[k + 1].start if k + 1 < len(ordered) else len(t)
        prev = ordered[k - 1].end if k > 0 else 0
        for read in (_kk_unit_after, _ru_unit_before, _kk_approved_unit, _ru_approved_unit):
            got = read(d, h, prev, nxt)
            if got:
                cites, span = got
                out.extend(cites)
                taken.append(span)
                break
        else:
            # an international instrument is cited as a whole at each place that names it, so that the
            # row of a plan that names it cites it even when an earlier mention stated it first
            if h.ref.type in ("convention", "treaty"):
                out.append((h.start, _citation(d, h.ref, [], t[h.start : h.noun_end], h.start, h.noun_end)))
    out.extend(_bare_citations(d, ordered, out, taken))
    out.sort(key=lambda x: (x[0], x[1].provision.slug()))
    return [c for _, c in out]


_Found = tuple[list[tuple[int, Citation]], tuple[int, int]] | None


def _cites(
    d: _Text, h: RefHit, chain: re.Match[str], lang: str, lo: int, hi: int, document: str | None = None
) -> _Found:
    paths, _ = _unit_paths(chain.group(0), lang)
    if not paths:
        return None
    cites = [(lo, _citation(d, h.ref, p, chain.group(0), lo, hi, document=document)) for p in paths]
    return cites, (chain.start(), chain.end())


def _kk_unit_after(d: _Text, h: RefHit, prev: int, nxt: int) -> _Found:
    """Kazakh: the units after the act in the genitive ("… Заңының 27 бабын")."""
    if h.lang != "kk" or h.case not in ("gen", "nom"):
        return None
    t = d.j.text
    # "… Заңының (бұдан әрі – Заң) 27-бабына": a defined short name between act and unit
    gap = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?").match(t, h.end)
    m = _KK_PIN_CHAIN.match(t, gap.end() if gap else h.end)
    return _cites(d, h, m, "kk", h.start, m.end()) if m else None


def _ru_unit_before(d: _Text, h: RefHit, prev: int, nxt: int) -> _Found:
    """Russian: the units right before the act ("подпунктом 3) пункта 1 статьи 610 Налогового кодекса")."""
    if h.lang != "ru":
        return None
    t = d.j.text
    lo = max(prev, h.start - 160)
    last = None
    for m in _RU_PIN_CHAIN.finditer(t, lo, h.start):
        last = m
    if last is None or t[last.end() : h.start].strip():
        return None
    return _cites(d, h, last, "ru", last.start(), h.end)


def _kk_approved_unit(d: _Text, h: RefHit, prev: int, nxt: int) -> _Found:
    """Kazakh: "… қаулысымен бекітілген <title> жоспарының 3.2-тармағы" — a unit of the approved plan."""
    t = d.j.text
    if h.lang != "kk" or h.case != "ins" or not re.match(r"\s*бекітілген\s", t[h.end : h.end + 20]):
        return None
    dm = _KK_DOC_GEN.search(t, h.end, min(h.end + 500, nxt))
    m = _KK_PIN_CHAIN.match(t, dm.end()) if dm else None
    if dm is None or m is None:
        return None
    return _cites(d, h, m, "kk", h.start, m.end(), _doc_kind(dm.group("d")))


def _ru_approved_unit(d: _Text, h: RefHit, prev: int, nxt: int) -> _Found:
    """Russian: "пункт 3.2 Плана …, утвержденного постановлением …" — a unit of the approved plan."""
    t = d.j.text
    if (
        h.lang != "ru"
        or h.case != "ins"
        or not re.search(r"утвержденн[а-я]*\s*$", t[max(0, h.start - 30) : h.start])
    ):
        return None
    for m in _RU_PIN_CHAIN.finditer(t, max(prev, h.start - 500), h.start):
        dm = _RU_DOC_GEN.match(t[m.end() : m.end() + 80])
        if dm is not None:
            return _cites(d, h, m, "ru", m.start(), h.end, _doc_kind(dm.group("d")))
    return None


def _doc_kind(word: str) -> str | None:
    w = word.lower()
    return next((v for k, v in _DOC_KIND.items() if w.startswith(k)), None)


class _Spans:
    """Sorted half-open spans, asked in logarithmic time whether any covers or overlaps a range (a code
    of 3 MB has tens of thousands of unit mentions and thousands of act references)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [x for x, _ in spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each index
        for _, y in spans:
            self.reach.append(max(y, self.reach[-1]) if self.reach else y)

    def overlaps(self, a: int, b: int) -> bool:
        """Some span starts before ``b`` and ends after ``a``."""
        k = bisect.bisect_left(self.starts, b) - 1
        return k >= 0 and self.reach[k] > a


def _bare_citations(
    d: _Text, hits: list[RefHit], found: list[tuple[int, Citation]], taken: list[tuple[int, int]]
) -> list[tuple[int, Citation]]:
    t = d.j.text
    out: list[tuple[int, Citation]] = []
    # codes the text names by their subject ("Еңбек кодексі"), for headings that name that subject
    codes = [h for h in hits if h.ref.type == "code" and h.ref.title and not h.ref.number]
    headings = _headings(d.j) if codes else []
    subjects: dict[str, RefHit] = {}  # the subject word of each code ("Еңбек"), at its first mention
    for h in sorted(codes, key=lambda h: h.start):
        subjects.setdefault((h.ref.title or "").split()[0], h)
    head_at = [s for s, _ in headings]
    ordered = sorted(hits, key=lambda h: h.start)
    hit_starts = [h.start for h in ordered]
    in_hits = _Spans([(h.start, h.end) for h in ordered])
    in_taken = _Spans(taken)
    known = sorted(found, key=lambda x: x[0])  # citations so far, by position (bare ones join in order)
    known_at = [pos for pos, _ in known]
    # (a text without a Kazakh unit word has no Kazakh chain; a Russian chain begins with its unit word)
    chains: list[tuple[re.Match[str], str]] = []
    if has_any(folded(t), _KK_PIN_WORDS):
        chains += [(m, "kk") for m in _KK_PIN_CHAIN.finditer(t)]
    chains += [(m, "ru") for m in WordSearch(_RU_PIN_CHAIN, t, _RU_PIN_STARTS, fold=True).finditer()]
    chains.sort(key=lambda c: c[0].start())
    last_end = -1
    for m, lang in chains:
        a, b = m.start(), m.end()
        if a < last_end or in_taken.overlaps(a, b):
            continue
        if in_hits.overlaps(a, a + 1):
            continue  # inside an act reference (a title, a number)
        if _SELF_BEFORE.search(t[max(0, a - 60) : a]):
            continue
        if lang == "ru" and _RU_GEN_AFTER.match(t[b : b + 20]):
            continue  # "статьи 5 настоящего Закона", "пункта 2 Правил …": named, not read as a reference
        if lang == "kk" and re.match(r"^\s*(?:кейін|дейін|бойынша\s+жол)", t[b : b + 20]):
            continue
        paths, ok = _unit_paths(m.group(0), lang)
        if not ok or not paths:
            continue
        top = paths[0][0][0]
        # (1) the citation just before, of the same act, with a unit of the same kind
        prev = None
        for k in range(bisect.bisect_left(known_at, a) - 1, -1, -1):
            pos, c = known[k]
            if a - pos > 700:
                break
            if c.provision.path and c.provision.path[0][0] == top:
                prev = (pos, c)
                break
        if (
            prev is not None
            and prev[1].inferred is None
            and bisect.bisect_left(head_at, a) == bisect.bisect_right(head_at, prev[0])
        ):
            lo, hi = bisect.bisect_right(hit_starts, prev[0]), bisect.bisect_left(hit_starts, a)
            if not any(ordered[k].end <= a and ordered[k].ref is not prev[1].act for k in range(lo, hi)):
                c0 = prev[1]
                for p in paths:
                    cite = _citation(
                        d, c0.act, p, m.group(0), a, b, document=c0.document, inferred="preceding"
                    )
                    out.append((a, cite))
                last_end = b
                continue
        # (2) the heading above names the subject of a code the text cites
        if top != "article" or not headings:
            continue
        k = bisect.bisect_left(head_at, a) - 1
        if k < 0:
            continue
        head = headings[k]
        if bisect.bisect_left(hit_starts, a) - bisect.bisect_right(hit_starts, head[0]) > 0:
            continue  # an act is named between the heading and the unit
        first = re.split(r"[\s,]+", head[1].strip())[0]
        code = next((h for w, h in subjects.items() if h.start < a and _stem_match(first, w)), None)
        if code is None:
            continue
        for p in paths:
            out.append((a, _citation(d, code.ref, p, m.group(0), a, b, inferred="heading")))
        last_end = b
    return out


# --------------------------------------------------------------------------- international conventions

_KK_INTL = re.compile(rf"(?<![\w-])(?P<stem>[Кк]онвенция|[Шш]арт|[Пп]акт|[Хх]артия)(?P<suf>[{_L}]*)(?![\w-])")
_KK_INTL_TYPE = {"конвенция": "convention", "шарт": "treaty", "пакт": "treaty", "хартия": "treaty"}
_RU_INTL = re.compile(
    rf"(?<![\w-])(?P<stem>[Кк]онвенци)(?P<suf>я|и|ю|ей)\s+"
    r"(?:(?P<org>ООН|Организации\s+Объединенных\s+Наций)\s+)?(?P<t>(?:о|об)\s+[а-яё]+(?:\s+[а-яё]+){0,9})"
    rf"|(?<![\w-])(?P<name>[{_U}][{_L}]+ск(?:ий|ого|ому|им|ом))\s+(?P<tstem>[Дд]оговор)(?P<tsuf>|а|у|ом|е)(?![\w-])"
    r"(?:\s+(?P<tt>(?:о|об)\s+[а-яё]+(?:\s+[а-яё]+){0,9}))?"
)
# "Гражданский договор", "Коммерческий договор": a kind of contract, not a treaty's name
_RU_NOT_TREATY = re.compile(
    r"(?:Гражданск|Коммерческ|Банковск|Агентск|Дилерск|Издательск|Трудов)", re.IGNORECASE
)
_RU_INTL_CASE = {
    "я": "nom",
    "и": "gen",
    "ю": "acc",
    "ей": "ins",
    "": "nom",
    "а": "gen",
    "у": "dat",
    "ом": "ins",
}
_RU_TITLE_STOP = re.compile(
    r"^(?:от|в|во|на|для|по|которая|которую|который|принят\w*|ратифиц\w*|вступ\w*|подпис\w*|был\w*|явля\w*|"
    r"предусм\w*|закрепл\w*|устанав\w*|гарант\w*|обязыв\w*|года|г)$"
)
_KK_TITLE_STOP = re.compile(
    rf"^(?:Қазақстан[{_L}]*|ҚР|Біріккен|Ұлттар|Ұйым[{_L}]*|БҰҰ[{_L}-]*|ООН|Республика[{_L}]*|осы)$"
)
# The adoption of a convention, stated in the sentence that names it: "… БҰҰ Бас Ассамблеясы 1989 жылы
# 20 қарашада қабылдады", "Бас Ассамблеяның 2006 жылғы 13 желтоқсандағы 61/106 қарармен қабылданды",
# "принята Генеральной Ассамблеей ООН 20 ноября 1989 года".
_ADOPTED_KK = re.compile(rf"қабылда[{_L}]*", re.IGNORECASE)
_ADOPTED_RU = re.compile(r"(?<![а-яё])принят[а-яё]*", re.IGNORECASE)
_GENERAL_ASSEMBLY = re.compile(
    rf"(?:(?:БҰҰ(?:-[{_L}]+)?|Біріккен\s+Ұлттар\s+Ұйымының)\s+)?Бас\s+Ассамблея[{_L}]*"
    r"|Генеральн[а-я]+\s+Ассамбле[а-я]+(?:\s+(?:ООН|Организации\s+Объединенных\s+Наций))?"
)


def _kk_intl_title(t: str, m: re.Match[str]) -> tuple[int, str] | None:
    """The title before a Kazakh convention or treaty noun, ``(start, title)``: the words back to the
    nearest capitalised one from ``туралы`` ("Бала құқықтары туралы конвенция"), a proper name before
    the noun kept ("… жеңілдету туралы Марракеш шарты")."""
    stem = m.group("stem").lower()
    head = t[max(0, m.start() - 500) : m.start()]
    base = m.start() - len(head)
    toks = list(_TOKEN.finditer(head))
    i = len(toks) - 1
    name = None
    if i >= 1 and re.fullmatch(rf"[{_U}][{_L}-]+", toks[i].group(0)) and toks[i - 1].group(0) == "туралы":
        name = toks[i].group(0)
        i -= 1
    if i < 0 or toks[i].group(0) != "туралы":
        return None
    first = None
    for k in range(i - 1, max(-1, i - 26), -1):
        w = toks[k].group(0)
        core = w.lstrip('«"“„(')
        if _TOK_PUNCT_END.search(w) or re.match(r"^\d", core) or _KK_TITLE_STOP.match(core):
            break
        first = k
        if core[:1].isupper() or core != w:
            break
    else:
        if first is not None and not toks[first].group(0).lstrip('«"“„(')[:1].isupper():
            return None  # 25 words and no start: not a title
    if first is None:
        return None
    start = base + toks[first].start()
    start += len(toks[first].group(0)) - len(toks[first].group(0).lstrip('«"“„('))
    words = re.sub(r"\s+", " ", t[start : base + toks[i].end()]).strip()
    noun = {"шарт": "шарты" if name else "шарт"}.get(stem, stem)
    title = f"{words} {name} {noun}" if name else f"{words} {noun}"
    return start, title[:1].upper() + title[1:]


def _ru_intl_title(m: re.Match[str]) -> tuple[str, str, int]:
    """(type, title, end of the mention) of a Russian convention or treaty match: "Конвенция о правах
    инвалидов", "Марракешский договор"; the title stops before a verb, a date or a new sentence."""
    group = "t" if m.group("t") else "tt"
    end = m.end("tstem") if m.group("tstem") else m.end("stem")
    kept: list[str] = []
    if m.group(group):
        for w in re.finditer(r"\S+", m.group(group)):
            if _RU_TITLE_STOP.match(w.group(0).lower()):
                break
            kept.append(w.group(0))
            if len(kept) > 1:
                end = m.start(group) + w.end()
    about = " ".join(kept if len(kept) > 1 else [])
    if m.group("stem"):
        return "convention", f"Конвенция {about}".strip(), end
    name = _ru_adj_nominative(m.group("name"))
    return "treaty", f"{name} договор {about}".strip(), end


def _adoption(t: str, lo: int, hi: int, lang: str) -> tuple[Issuer | None, str | None, int]:
    """The adopting body and date a sentence states for the convention named before ``lo``."""
    seg = t[lo:hi]
    verb = (_ADOPTED_KK if lang == "kk" else _ADOPTED_RU).search(seg)
    body = _GENERAL_ASSEMBLY.search(seg)
    if verb is None or body is None:
        return None, None, lo
    dates = [d for d in re.finditer(DATE, seg, re.IGNORECASE) if _parse_kk_date(d.group(0))]
    if lang == "kk":  # "… 1989 жылы 20 қарашада қабылдады": the date before the verb
        dates = [d for d in dates if d.end() <= verb.start()]
        d = dates[-1] if dates else None
    else:  # "принята … 20 ноября 1989 года": the date after the verb
        d = next((x for x in dates if x.start() >= verb.end()), None)
    un = re.match(r"(?:БҰҰ|Біріккен|Генеральн[а-я]+\s+Ассамбле[а-я]+\s+(?:ООН|Организации))", body.group(0))
    if lang == "kk":
        label = ("БҰҰ " if un else "") + "Бас Ассамблеясы"
    else:
        label = "Генеральная Ассамблея" + (" ООН" if un else "")
    issuer = Issuer(
        key="un-general-assembly",
        label=label,
        kind="international-organisation",
        level="international",
    )
    end = max(verb.end(), body.end(), d.end() if d else 0)
    return issuer, d.group(0) if d else None, lo + end


def _parse_kk_date(s: str) -> date | None:
    """A date, also in the narrative form "1989 жылы 20 қарашада" (``жылы`` for ``жылғы``)."""
    return parse_date(re.sub(r"(\d{4})\s*жылы\s", r"\1 жылғы ", s))


def find_conventions(j: Joined) -> list[RefHit]:
    """International conventions and treaties a text names, Kazakh and Russian, as act references of
    type ``convention`` or ``treaty``: "Бала құқықтары туралы конвенция", "Мүгедектердің құқықтары туралы
    конвенция", "… жеңілдету туралы Марракеш шарты", "Конвенция ООН о правах ребенка", "Марракешский
    договор". A convention is named by its title (no number is invented); the adopting body and date are
    read only from the sentence that states the adoption ("… Бас Ассамблеясы 1989 жылы 20 қарашада
    қабылдады", "принята Генеральной Ассамблеей ООН 20 ноября 1989 года"). Plural and generic mentions
    ("халықаралық шарттар", "еңбек шарты") name none: a Kazakh title needs ``туралы``.

    Mentions of one title are returned the fullest first, so that merging them keeps the stated date.
    """
    t = j.text
    hits: list[RefHit] = []
    # each pattern is tried only where its words begin (see prefilter.WordSearch); the Russian one's
    # second alternative ("Марракешский договор") needs "договор", without which only the first can match
    low = folded(t)
    for m in WordSearch(_KK_INTL, t, ("конвенция", "шарт", "пакт", "хартия"), fold=True).finditer():
        case = _kk_case(m.group("suf"))
        if case is None:
            continue
        got = _kk_intl_title(t, m)
        if got is None:
            continue
        start, title = got
        hits.append(
            _intl_hit(j, _KK_INTL_TYPE[m.group("stem").lower()], title, "kk", start, m.start(), m.end(), case)
        )
    ru_matches = (
        WordSearch(_RU_INTL, t, ("конвенци",), fold=True).finditer()
        if low is not None and "договор" not in low
        else _RU_INTL.finditer(t)
    )
    for m in ru_matches:
        type_, title, end = _ru_intl_title(m)
        if type_ == "convention" and len(title.split()) < 3:
            continue
        if m.group("name") and _RU_NOT_TREATY.match(m.group("name")):
            continue
        suf = m.group("suf") if m.group("stem") else m.group("tsuf")
        hits.append(
            _intl_hit(j, type_, title, "ru", m.start(), m.start(), end, _RU_INTL_CASE.get(suf or "", "nom"))
        )
    key = {id(h): (len([x for x in (h.ref.date, h.ref.issuer) if x is not None]), -h.start) for h in hits}
    groups: dict[str, list[RefHit]] = {}
    for h in hits:
        groups.setdefault(_NON_WORD.sub("", (h.ref.title or "").lower()), []).append(h)
    out: list[RefHit] = []
    for g in groups.values():
        out.extend(sorted(g, key=lambda h: key[id(h)], reverse=True))
    return out


def _intl_hit(
    j: Joined, type_: str, title: str, lang: str, start: int, noun: int, mend: int, case: str
) -> RefHit:
    """The reference of a convention mentioned at ``start``–``mend`` (its noun at ``noun``), with the
    adoption its sentence states, up to the next convention named in that sentence."""
    t = j.text
    _, hi, _, _ = _sentence(t, noun, mend)
    nxt = _KK_INTL.search(t, mend, hi) if lang == "kk" else _RU_INTL.search(t, mend, hi)
    issuer, date_s, end = _adoption(t, mend, nxt.start() if nxt else hi, lang)
    end = max(end, mend)
    ref = ActRef(
        type=type_,
        issuer=issuer,
        date=_parse_kk_date(date_s) if date_s else None,
        title=title,
        title_lang=lang,
        span=j.span(start, end),
    )
    return RefHit(ref, start, end, noun, mend, case, lang, issuer.label if issuer else None, None)


_RATIFY = re.compile(r"ратификациялау\s+туралы|ратификациялау\s+жөнінде|[Оо]\s+ратификации", re.IGNORECASE)


def link_ratifications(hits: list[RefHit], own: ActRef | None = None, head_end: int = 0) -> None:
    """A law whose quoted title ratifies an instrument ("«… Марракеш шартын ратификациялау туралы» Заңы",
    "Закон «О ратификации Конвенции о правах инвалидов»") ratifies the convention or treaty named inside
    that title: ``ActRef.ratifies`` is set on the law's reference. The document's own act (``own``, whose
    head ends at ``head_end``) ratifies the one instrument its head names, when its title says so."""
    instruments = [h for h in hits if h.ref.type in ("convention", "treaty")]
    for h in hits:
        if h.title_range is None or h.ref.type not in ("law", "decree", "resolution") or not h.ref.title:
            continue
        if not _RATIFY.search(h.ref.title):
            continue
        a, b = h.title_range
        inside = [x for x in instruments if a < x.noun_start < b]
        if len(inside) == 1:
            h.ref.ratifies = inside[0].ref
    if own is not None and own.title and _RATIFY.search(own.title):
        named = {_NON_WORD.sub("", (x.ref.title or "").lower()): x for x in instruments if x.start < head_end}
        if len(named) == 1:
            own.ratifies = next(iter(named.values())).ref
