"""The operative part of an act: enacting formula → numbered points → signatures.

Every Kazakh act states what it does after its enacting formula (``… ҚАУЛЫ ЕТЕДІ:``, ``… ШЕШІМ
ҚАБЫЛДАДЫ:``, ``БҰЙЫРАМЫН:``, ``ПОСТАНОВЛЯЕТ:``, ``РЕШИЛ:``, ``ПРИКАЗЫВАЮ:``) in numbered points
("1. …", sub-points "1) …"), then closes with the signature block ("Қазақстан Республикасының
Премьер-Министрі   О. Бектенов", "Председатель сессии …", "Облыс әкімі"). This module reads, for each
point, its number, text, lines and what it does (approve, endorse, submit, amend, repeal, instruct,
report, control, entry-into-force, from its verbs), the bodies it addresses, who controls execution,
who reports to whom and by when, the rule of entry into force, and who signed.

A file may embed a second act: the akimat resolution that submitted a programme, printed after the
maslikhat decision that approved it, with its own preamble, formula, points and signature. Each enacting
block becomes one :class:`~kglaw.model.OperativePart`; a block after the first is attached to the act
that the appendix stamp under it names ("… № 98 қаулысына қосымша"), or the one act of its type the
document cites, and is dropped with a warning when neither names it.

The module only reads text; the agency registry (:func:`kglaw.agencies.resolve_agency`) turns the names
into agencies where it knows them, and the words stay as written otherwise.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from ..model import (
    ActRef,
    Addressee,
    Document,
    EntryIntoForce,
    OperativePart,
    OperativeProvision,
    Reporting,
    Signatory,
    Span,
    Warning_,
)
from .citations import BASIS_TRIGGER, find_refs, merge_refs
from .dates import DATE_RE, parse_date
from .header import ENACTING, enacting_search
from .normalize import Joined, join_lines, squash_spaces

__all__ = [
    "classify",
    "parse_operative",
    "read_control",
    "read_entry_into_force",
    "read_reporting",
    "read_signatories",
]

_UP = "А-ЯЁӘІҢҒҮҰҚӨҺA-Z"
_LO = "а-яёәіңғүұқөһa-z"

#: The act type an enacting formula implies (the doctype notation).
_FORMULA_TYPE = [
    (re.compile(r"ҚАУЛЫ|[Ққ]аулы|ПОСТАНОВЛЯ|ПОСТАНОВИЛ"), "resolution"),
    (re.compile(r"ШЕШ|[Шш]ешім|РЕШИЛ|РЕШАЮ"), "decision"),
    (re.compile(r"БҰЙЫРАМЫ[НЗ]|ПРИКАЗЫВА[ЮЕ]|ОБЯЗЫВАЮ"), "order"),
]

# -- what a point does --------------------------------------------------------------------------------

_KIND_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "repeal",
        re.compile(
            r"күші\s+жойылды\s+деп\s+танылсын|күшін\s+жойған\s+деп\s+танылсын|[Пп]ризнать\s+утратившим\w*\s+силу"
        ),
    ),
    (
        "amend",
        re.compile(
            r"(?:өзгеріс\w*|толықтыру\w*|өзгерту\w*)\s+(?:(?:мен|және)\s+\w+\s+)?енгізілсін|"
            r"[Вв]нести\b[^.]{0,400}?(?:изменени|дополнени)",
        ),
    ),
    ("approve", re.compile(r"бекітілсін|\b[Уу]твердить\b")),
    ("endorse", re.compile(r"мақұлдансын|\b[Оо]добрить\b")),
    (
        "submit",
        re.compile(
            r"ұсынылсын|(?:қарауына|бекітуге)\s+енгізілсін|"
            r"(?:внести|представить|направить)\s+на\s+(?:рассмотрение|утверждение)",
        ),
    ),
    (
        "control",
        re.compile(
            r"(?:орындалуын|орындалысын|іске\s+асырылуын)\s+бақылау|бақылауды\s+өзіме|"
            r"[Кк]онтроль\s+за\s+(?:исполнением|выполнением|реализацией)"
        ),
    ),
    (
        "entry-into-force",
        re.compile(
            r"қолданысқа\s+енгізіл(?:еді|сін)|күшіне\s+енеді|вводится\s+в\s+действие|вступает\s+в\s+силу"
        ),
    ),
    (
        "report",
        re.compile(
            r"(?:ақпарат\w*|есеп\w*|мәлімет\w*)\s+(?:\S+\s+){0,2}?(?:ұсын(?:сын|ып\s+тұрсын|уы)|бер(?:сін|іп\s+тұрсын|уі)|жолда(?:сын|уы))|"
            r"(?:представлять|представить|направлять|направить|вносить)\b[^.;]{0,200}?(?:информаци|отч[её]т|сведени)|"
            r"\b[Ии]нформировать\b"
        ),
    ),
    (
        "instruct",
        re.compile(
            r"қабылдасын|қамтамасыз\s+етсін|ұсынсын|жүргізсін|әзірлесін|ұйымдастырсын|жүзеге\s+асырсын|\bалсын\b|"
            r"көрсетсін|орындасын|енгізсін|бекітсін|қарасын|"
            r"\b(?:принять|обеспечить|организовать|осуществ(?:ить|лять)|разработать|провести|рассмотреть|оказ(?:ать|ывать))\b"
        ),
    ),
]


_KIND = dict(_KIND_PATTERNS)
#: The kinds in the order a point's kinds are listed when they come from its sub-points.
KIND_ORDER = [k for k, _ in _KIND_PATTERNS]

#: Any other order: a Kazakh third-person imperative, active or passive, or a Russian infinitive.
_ANY_ORDER = re.compile(r"\w{2,}(?:сын|сін)\b|\b\w{3,}(?:ать|ять|ить|еть|ыть|уть)(?:ся)?\b")


def classify(text: str) -> list[str]:
    """What a point does, from its verbs, in the order the text states them.

    A duty to report is also an instruction; it is classed as ``report`` alone unless another
    instruction stands beside it.

    >>> classify("Бағдарлама мақұлдансын және мәслихат сессиясына бекітуге ұсынылсын.")
    ['endorse', 'submit']
    >>> classify("Контроль за исполнением настоящего постановления возложить на Министерство труда.")
    ['control']
    """
    return list(_classify(text))  # each caller gets its own list


@functools.lru_cache(maxsize=4096)  # pure; a point's text is classified again as its sub-points are read
def _classify(text: str) -> tuple[str, ...]:
    text = _unquoted(text)
    found: list[tuple[int, str]] = []
    for kind, pat in _KIND_PATTERNS:
        m = pat.search(text)
        if m:
            found.append((m.start(), kind))
    kinds = [k for _, k in sorted(found)]
    if not kinds and _ANY_ORDER.search(text):  # "көмек көрсетілсін", "сақталсын", "Соблюдать требования"
        kinds = ["instruct"]
    if "control" in kinds or "entry-into-force" in kinds or "repeal" in kinds or "amend" in kinds:
        kinds = [k for k in kinds if k != "instruct"]
    elif "report" in kinds and not _instruct_beside_report(text):
        kinds = [k for k in kinds if k != "instruct"]
    return tuple(kinds)


_QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”")


def _unquoted(text: str) -> str:
    """The words of a point outside quotes: an amending point quotes the new wording of other acts'
    points ("1. … бекітілсін."), whose verbs are not this act's."""
    return _QUOTED.sub(" ", text)


def _instruct_beside_report(text: str) -> bool:
    """ "ақпарат ұсынып тұрсын" is itself an instruction verb; another one must remain without it."""
    return bool(_KIND["instruct"].search(_KIND["report"].sub(" ", text)))


# -- lines of the operative part -----------------------------------------------------------------------

_POINT = re.compile(r"^\s*(\d{1,3})\s*\.\s*(?=\S)(?!\d)")
_SUBPOINT = re.compile(r"^\s*(\d{1,3})\s*\)\s*(?=\S)")
_END_PUNCT = re.compile(r"[.;:!»\"”]\s*$")

#: Words that name a post in a signature (the head word of "Қазақстан Республикасының Премьер-Министрі",
#: "Председатель сессии …", "Мәслихат хатшысы").
_POST_KK = (
    r"Премьер-Министрі|[Мм]инистрі|[Мм]инистрдің\s+міндетін\s+атқарушы|міндетін\s+атқарушы|әкімі|Әкімі|"
    r"төрағасы|Төрағасы|хатшысы|Хатшысы|Президенті|орынбасары|басшысы|Басшысы|директоры|Директоры|"
    r"төрайымы|Төрайымы"
)
_POST_RU = (
    r"Премьер-[Мм]инистр|[Мм]инистр|[Аа]ким|Председатель|председатель|Секретарь|секретарь|Президент|"
    r"Руководитель|руководитель|[Ии]сполняющий\s+обязанности|[Зз]аместитель|Директор|директор"
)
_POST = re.compile(rf"(?<![{_LO}{_UP}-])(?:{_POST_KK}|{_POST_RU})(?![{_LO}{_UP}-])")
#: A name as signatures write it: initials then surname ("О. Бектенов", "Т.Қ.Мүрсәлиева"), or the reverse.
_NAME = (
    rf"(?:[{_UP}]\.\s?){{1,2}}\s?[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
    rf"|[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?\s+(?:[{_UP}]\.\s?){{1,2}}"
)
_NAME_END = re.compile(rf"(?:^|\s)(?P<name>{_NAME})\s*$")
_NAME_ANY = re.compile(rf"(?<![{_LO}{_UP}])(?P<name>{_NAME})(?![{_LO}])")
#: The stamp of an attached document ("… № 98 қаулысына қосымша", "Приложение к постановлению …",
#: "БЕКІТІЛГЕН"). Case matters: a point's wrapped line may begin with "приложение" or "бекітілген".
_APPENDIX = re.compile(
    r"^(?:БЕКІТІЛГЕН|Бекітілген|БЕКІТІЛДІ|УТВЕРЖДЕН[АОЫ]?|Утвержден[аоы]?|Приложение(?:\s+\d+)?(?:\s+к\b.*)?|"
    r"Қосымша|ҚОСЫМША|\d+-қосымша)\s*$"
    r"|(?:қосымша|ҚОСЫМША)\s*$|^Приложение\s"
)
_NOTE = re.compile(r"^\s*(?:Ескерту|Сноска|РҚАО-ның\s+ескертпесі|Примечание\s+РЦПИ)\b", re.IGNORECASE)
_HEADING = re.compile(rf"^[{_UP}\d\s\-–,«»\"]{{6,}}$")


def _words(s: str) -> int:
    return len(s.split())


def _is_signature_line(s: str) -> bool:
    """A short line with no sentence ending that names a post (optionally followed by a name)."""
    if _words(s) > 10 or _POINT.match(s) or _SUBPOINT.match(s):
        return False
    name = _NAME_END.search(s)
    head = s[: name.start()].strip() if name else s
    if not head:
        return False
    last = list(_POST.finditer(head))
    if not last:
        return False
    # the post ends the line, or the line goes on only with its state or body in the genitive (ru)
    tail = head[last[-1].end() :].strip()
    return not tail or (not re.search(r"[.;:]$", tail) and _words(tail) <= 6)


def _signature_start(segs: list[tuple[int, str]], k: int) -> bool:
    """``segs[k]`` opens the signature block: the text before it ends a sentence, and this line or one of
    the two after it (short lines, none a point) names a post."""
    if k > 0 and not _END_PUNCT.search(segs[k - 1][1]):
        return False
    for i in range(k, min(k + 3, len(segs))):
        s = segs[i][1]
        if _words(s) > 10 or _POINT.match(s) or _SUBPOINT.match(s) or (i > k and _END_PUNCT.search(s)):
            return False
        if _is_signature_line(s):
            return True
        if re.search(r"[.;:]\s*$", s):
            return False
    return False


_SECTION = re.compile(
    r"^(?:\d+\s*-\s*(?:бөлім|тарау)(?!\w)|(?:Раздел|Глава|Бөлім|Тарау|Параграф)\s+\d+|Паспорт\b|.*[Пп]аспорты\s*$)"
)


_BARE_TITLE = re.compile(rf"^[{_UP}][{_LO}]+(?:\s\S+)*$")
_ENDS_CLAUSE = re.compile(r"[.;:,]$")


def _block_end(segs: list[tuple[int, str]], k: int) -> bool:
    s = segs[k][1]
    if _APPENDIX.search(s) and _words(s) <= 12:
        return True
    if _signature_start(segs, k):
        return True
    after_sentence = _END_PUNCT.search(segs[k - 1][1]) is not None
    # the attached document begins: a section heading, or a bare title line after a finished sentence
    if after_sentence and (
        _SECTION.match(s) or (_words(s) <= 3 and _BARE_TITLE.match(s) and not _ENDS_CLAUSE.search(s))
    ):
        return True
    if (
        _HEADING.match(s)
        and _words(s) >= 1
        and not _POINT.match(s)
        and (k == 0 or _END_PUNCT.search(segs[k - 1][1]))
    ):
        return True
    # (_signature_start(segs, k) is False here: it was asked above)
    return bool(ENACTING.search(s) and k > 0)


# -- signatures ------------------------------------------------------------------------------------


def read_signatories(
    segs: list[tuple[int, str]], lang: str | None, region: str | None = None
) -> tuple[list[Signatory], int]:
    """The signatories of a block starting at ``segs[0]``, and how many lines the block takes.

    Kazakh puts the body before the post ("Қазақстан Республикасының" / "Премьер-Министрі"), Russian
    after it ("Премьер-Министр" / "Республики Казахстан"): a line without a post joins the next post in
    Kazakh, the previous one in Russian. A name ends a signatory; a second post before any name starts a
    new one (old texts print posts without names)."""
    out: list[Signatory] = []
    pending: list[tuple[int, str]] = []  # lines of the current post, not yet closed by a name
    has_post = False
    used = 0
    for i, (ln, s) in enumerate(segs[:12]):
        if _APPENDIX.search(s) or re.match(r"^\s*\d", s) or _words(s) > 10 or re.search(r"[.;:,]\s*$", s):
            break
        name_only = _NAME_END.search(s)
        if name_only and not s[: name_only.start()].strip() and has_post:
            pending.append((ln, s))
            out.append(_signatory(pending, region))
            pending, has_post, used = [], False, i + 1
            continue
        if _is_signature_line(s):
            if has_post:  # a second post before any name: the first signatory printed no name
                out.append(_signatory(pending, region))
                pending = []
            pending.append((ln, s))
            has_post = True
            if _NAME_END.search(s):
                out.append(_signatory(pending, region))
                pending, has_post = [], False
            used = i + 1
            continue
        if _words(s) > 6 or not re.match(rf"^[{_UP}{_LO}]", s):
            break
        if lang == "ru" and has_post:  # "Республики Казахстан", "областного маслихата" after the post
            pending.append((ln, s))
            if _NAME_END.search(s):
                out.append(_signatory(pending, region))
                pending, has_post = [], False
            used = i + 1
            continue
        if has_post:  # Kazakh: a line after a complete post begins the next one
            out.append(_signatory(pending, region))
            pending, has_post = [], False
            used = i
        pending.append((ln, s))
    if has_post and pending:
        out.append(_signatory(pending, region))
        used = max(used, segs.index(pending[-1]) + 1)
    return out, used


def _signatory(lines: list[tuple[int, str]], region: str | None) -> Signatory:
    text = squash_spaces(" ".join(s for _, s in lines)).strip()
    m = _NAME_END.search(text)
    name = m.group("name").strip() if m else None
    position = (text[: m.start()] if m else text).strip() or None
    agency = _resolve(position, region) if position else None
    return Signatory(position=position, name=name, agency=agency, span=Span(lines[0][0], lines[-1][0]))


# -- addressees, control, reporting ------------------------------------------------------------------

_BY_AGREEMENT = re.compile(
    r"\(?\s*(?:келісу|келісім)\s+бойынша\s*\)?|\(?\s*по\s+согласованию\s*\)?", re.IGNORECASE
)
#: Head nouns of bodies: in Kazakh the subject of an instruction is nominative (a genitive
#: "министрлігінің" only qualifies the next noun), in Russian it is dative ("Министерству …").
_HEAD_KK = (
    r"министрлігі|министрліктері|әкімдігі|әкімдіктері|әкімдері|әкімі|әкімшілігі|әкімияты|басқармасы|басқармалары|"
    r"департаменті|департаменттері|комитеті|комиссиясы|агенттігі|органдар|органдары|органы|ұйымдар|ұйымдары|"
    r"мекемелер|мекемелері|басшылары|Үкіметі|мәслихаты|аппараты|[Аа]ппараты|банкі|палатасы|қоры|орталығы|"
    r"[Кк]еңсесі|[Кк]анцеляриясы|қызметі|инспекциясы|прокуратурасы"
)
_HEAD_RU = (
    r"[Мм]инистерству|министерствам|[Аа]гентству|агентствам|акиматам|акимату|акимам|акиму|[Аа]ппарату|"
    r"[Уу]правлению|управлениям|[Дд]епартаменту|департаментам|[Кк]омитету|органам|организациям|Правительству|"
    r"маслихату|Канцелярии|руководителям|палате|[Бб]анку|фонду|[Кк]омиссии"
)
_BODY_HEAD = re.compile(rf"(?<![\w-])(?:{_HEAD_KK}|{_HEAD_RU})(?![\w-])")
_PERSON_WORDS = re.compile(
    r"орынбасар|[Зз]аместител|вице-министр|\b[Мм]инистр(?:і|іне|ге|а|у|ом)?\b|хатшы|[Сс]екретар|кеңесші|[Сс]оветник|"
    r"\bәкім(?:і|інің|іне|ге)\b|\b[Аа]ким(?:а|у)?\b"
)


def _resolve(text: str | None, region: str | None) -> str | None:
    if not text:
        return None
    try:
        from ..agencies import resolve_agency
        from ..errors import KglawError
    except ImportError:  # pragma: no cover - the registry ships with kglaw
        return None
    try:
        return resolve_agency(text, None, region)
    except KglawError:
        return None


def _split_bodies(text: str) -> list[str]:
    """Split "A, B (келісу бойынша), C және D" into its parts, as written. A conjunction splits only between two
    bodies ("облыстық білім басқармасы және денсаулық сақтау басқармасы"), never inside one name
    ("Еңбек және халықты әлеуметтік қорғау министрлігі", "Атырау қаласы және аудан әкімдері"); a
    qualifier alone ("(келісу бойынша)") stays with the part before it."""
    out: list[str] = []
    for part in re.split(r",\s*|;\s*", text):
        part = part.strip()
        if not part:
            continue
        if out and _BY_AGREEMENT.fullmatch(part):
            out[-1] = f"{out[-1]}, {part}"
            continue
        pieces = [part]
        m = re.search(r"\s(?:және|мен|и)\s", part)
        if m and _BODY_HEAD.search(part[: m.start()]) and _BODY_HEAD.search(part[m.end() :]):
            pieces = [part[: m.start()].strip(), part[m.end() :].strip()]
        out.extend(pieces)
    # a part with no head noun belongs to a neighbour: a Kazakh genitive ("облыстардың, … қалалардың
    # жергілікті атқарушы органдары") to the next part, a Russian lower-case genitive ("органам
    # областей, городов республиканского значения") to the previous one
    merged: list[str] = []
    carry = ""
    for part in out:
        if carry:
            part = f"{carry}, {part}"
            carry = ""
        if not _BODY_HEAD.search(part) and re.search(r"(?:[нндт][ыі]ң)$", part):
            carry = part
            continue
        if (
            merged
            and not _BODY_HEAD.search(part)
            and re.match(r"[а-яё]", part)
            and _BODY_HEAD.search(merged[-1])
        ):
            merged[-1] = f"{merged[-1]}, {part}"
            continue
        merged.append(part)
    if carry:
        merged.append(carry)
    return merged


def _addressees(text: str, region: str | None, span: Span | None) -> list[Addressee]:
    out: list[Addressee] = []
    for part in _split_bodies(text):
        agreed = bool(_BY_AGREEMENT.search(part))
        raw = squash_spaces(_BY_AGREEMENT.sub(" ", part)).strip(" ,;:")
        if not raw:
            continue
        out.append(Addressee(raw=part.strip(), agency=_resolve(raw, region), by_agreement=agreed, span=span))
    return out


def _subject(text: str, lang: str | None) -> str | None:
    """The bodies a point addresses: the words before its colon when sub-points follow, else the
    noun phrase that opens it up to its last body head noun (kk nominative, ru dative)."""
    t = text.strip()
    if re.search(
        r"(?:бекітілсін|мақұлдансын|жүктелсін|танылсын|[Уу]твердить|[Оо]добрить|[Пп]ризнать)", t[:40]
    ):
        return None
    if t.startswith(("Осы ", "Настоящ", "Контроль", "Қоса ", "Прилагаем")):
        return None
    colon = t.find(":")
    if 0 < colon < 400 and not re.search(r"(?:сын|сін|ть|ти)\b", t[:colon]):
        return t[:colon].strip() or None
    window = " ".join(t.split()[:25])
    heads = list(_BODY_HEAD.finditer(window))
    if not heads:
        return None
    # the subject is one phrase: stop at the first verb-like word
    verb = re.search(
        r"\w+(?:сын|сін)\b|\b\w+(?:ать|ять|ить|еть|ыть|оть|уть)(?:ся)?\b|\b(?:внести|провести|вести|привести)\b",
        window,
    )
    heads = [h for h in heads if verb is None or h.end() <= verb.start()]
    if not heads:
        return None
    end = heads[-1].end()
    if lang == "ru" and verb is not None:  # the dative head is followed by its genitive attributes
        stop = re.search(
            r",|\s(?:ежегодно|ежеквартально|ежемесячно|в\s+установленном|не\s+позднее|до|в\s+срок)\b",
            window[end:],
        )
        end = end + stop.start() if stop and end + stop.start() < verb.start() else verb.start()
    qual = _BY_AGREEMENT.match(window[end:].lstrip())
    if qual:
        end = window.index(qual.group(0), end) + len(qual.group(0))
    return window[:end].strip()


_CONTROL_KK = re.compile(
    r"бақылау(?:ды)?\s+(?P<who>.+?)\s+(?:жүктелсін|жүктеледі|жүктеймін)|бақылауды?\s+(?P<self>өзіме\s+қалдырамын)"
)
_CONTROL_RU = re.compile(
    r"[Кк]онтроль\s+за\s+\w+\s+.*?(?:возложить|возлагается)\s+на\s+(?P<who>.+?)\s*(?:$|;|\.\s+(?=[А-ЯЁ][а-яё]{2}))|"
    r"[Кк]онтроль\s+за\s+\w+\s+.*?(?P<self>оставляю\s+за\s+собой)"
)


def read_control(text: str, region: str | None = None, span: Span | None = None) -> list[Addressee]:
    """Whom control over execution is entrusted to: a body (resolved to an agency where the registry
    knows it) or a person, by post and name as written. "Оставляю за собой" / "өзіме қалдырамын"
    entrusts it to the signatory, recorded as the words of the text (the signatory is its own fact).

    >>> [a.position for a in read_control("Осы қаулының орындалуын бақылау облыс әкімінің орынбасары Т.Қ.Мүрсәлиеваға жүктелсін.")]
    ['облыс әкімінің орынбасары']
    """
    m = _CONTROL_KK.search(text) or _CONTROL_RU.search(text)
    if m is None:
        return []
    if m.group("self"):
        return [Addressee(raw=m.group("self"), span=span)]
    who = squash_spaces(m.group("who")).strip(" ,;")
    if who.endswith(".") and not re.search(rf"(?<![{_LO}{_UP}])[{_UP}]\.$", who):  # keep an initial's dot
        who = who[:-1].rstrip()
    # kk: "облыс әкімінің орынбасары Т.Қ.Мүрсәлиеваға"; ru: "заместителя акима области Иванова И.И."
    name_m = None
    for nm in _NAME_ANY.finditer(who):
        name_m = nm
    if name_m is not None and re.search(r"\.", name_m.group("name")):
        tail = who[name_m.end() :].strip()
        if not tail or re.fullmatch(rf"[{_LO}]{{1,4}}", tail):
            name = who[name_m.start() : len(who)].strip()
            position = who[: name_m.start()].strip(" ,") or None
            return [Addressee(raw=who, position=position, name=name, span=span)]
    if _PERSON_WORDS.search(who) and not _BODY_HEAD.search(who.split()[-1]):
        return [Addressee(raw=who, position=who, span=span)]
    return [Addressee(raw=who, agency=_resolve(who, region), span=span)]


_FREQ = [
    (re.compile(r"жыл\s+сайын|жыл\s+сайынғы|\bежегодно\b", re.I), "annual"),
    (
        re.compile(r"жарты\s+жылда\s+бір\s+рет|жарты\s+жыл\s+сайын|раз\s+в\s+полугодие|\bполугодово\b", re.I),
        "semiannual",
    ),
    (re.compile(r"тоқсан\s+сайын|\bежеквартально\b", re.I), "quarterly"),
    (re.compile(r"ай\s+сайын|\bежемесячно\b", re.I), "monthly"),
]
_KK_MONTHS = r"қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан"
_RU_MONTHS = r"январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр"
_DUE_KK = re.compile(
    r"(?P<due>(?:(?:есепті|келесі)\S*(?:\s+\S+){0,4}?\s+)?(?:\d{4}\s+жылғы\s+)?(?P<day>\d{1,2})(?:-\S+|\s+(?P<mon>\S+))\s+"
    r"(?:кешіктірмей|дейін))",
    re.IGNORECASE,
)
_DUE_RU = re.compile(
    r"(?P<due>(?:не\s+позднее|до)\s+(?P<day>\d{1,2})(?:\s+числа)?\s+(?P<mon>[а-я]+)(?:\s+\d{4}\s+года)?"
    r"(?:,?\s+(?:[а-я]+\s+){0,2}?следующ\w+\s+за\s+отч[её]тн\w+(?:\s+(?:периодом|годом|кварталом|месяцем|полугодием))?)?)",
    re.IGNORECASE,
)
_RECIPIENT_HEAD_KK = re.compile(
    r"(?<![\w-])(?:министрлігіне|Үкіметіне|әкімдігіне|әкімиятына|әкіміне|әкімшілігіне|мәслихатына|басқармасына|"
    r"департаментіне|комитетіне|агенттігіне|[Кк]еңсесіне|[Кк]анцеляриясына|[Аа]ппаратына|органына|органдарына|"
    r"Президентіне|комиссиясына)(?![\w-])"
)


def read_reporting(
    text: str, reporters: list[Addressee], region: str | None = None, span: Span | None = None
) -> Reporting:
    """Who reports (the point's addressees, given), to whom, how often and by when, as written.

    A date is kept only when the text states one in full; a yearly deadline ("1 ақпанынан кешіктірмей",
    "до 15 марта") keeps its month and day."""
    rep = Reporting(reporters=list(reporters), span=span)
    for pat, freq in _FREQ:
        fm = pat.search(text)
        if fm:
            rep.frequency, rep.frequency_raw = freq, fm.group(0)
            break
    dm = _DUE_KK.search(text) or _DUE_RU.search(text)
    if dm:
        rep.due_raw = dm.group("due").strip(" ,")
        from .dates import month_number

        mon = month_number(dm.group("mon")) if dm.group("mon") else None
        full = DATE_RE.search(dm.group("due"))
        d = parse_date(full.group(0)) if full else None
        if d is not None:
            rep.due_date = d
        elif mon:
            try:  # in a leap year, so that 29 February stays a possible yearly deadline
                date(2000, mon, int(dm.group("day")))
                rep.due_month_day = (mon, int(dm.group("day")))
            except ValueError:
                pass
    rep.recipient = _recipient(text, region, span)
    return rep


def _recipient(text: str, region: str | None, span: Span | None) -> Addressee | None:
    # kk: the dative body before "ақпарат …"; the phrase starts after the deadline or frequency words
    for h in _RECIPIENT_HEAD_KK.finditer(text):
        before = text[: h.start()]
        cut = max(
            (m.end() for m in re.finditer(r"кешіктірмей|дейін|сайын|,|:|\bтұрақты\s+түрде", before)),
            default=0,
        )
        words = before[cut:].split()[-10:]
        for k in range(len(words) + 1):
            phrase = " ".join([*words[k:], h.group(0)])
            agency = _resolve(phrase, region)
            if agency:
                return Addressee(raw=phrase, agency=agency, span=span)
        phrase = " ".join([*words, h.group(0)]).strip()
        return Addressee(raw=phrase, span=span)
    # ru: "представлять в Министерство … информацию"
    m = re.search(
        r"(?:представля\w*|представить|направля\w*|направить|вносить|внести|информировать)\s+(?:[^.;]{0,80}?\s)?(?:в|во)\s+(?P<who>[^.;]+)",
        text,
    )
    if m:
        words = m.group("who").split()[:12]
        stop = next(
            (
                i
                for i, w in enumerate(words)
                if re.match(r"(?:информаци|сводн|отч[её]т|сведени|ежегодно|не$|до$|о$)", w)
            ),
            len(words),
        )
        words = words[:stop]
        for k in range(len(words), 0, -1):
            phrase = " ".join(words[:k]).strip(" ,")
            agency = _resolve(phrase, region)
            if agency:
                return Addressee(raw=phrase, agency=agency, span=span)
        if words:
            return Addressee(raw=" ".join(words).strip(" ,"), span=span)
    return None


# -- entry into force ----------------------------------------------------------------------------------

_EIF_KK = re.compile(
    r"(?:Осы\s+\w+\s+)?(?P<rule>[^.]*?)\s*(?:қолданысқа\s+енгізіледі|қолданысқа\s+енгізілсін|күшіне\s+енеді)"
)
_EIF_RU = re.compile(r"(?:вводится\s+в\s+действие|вступает\s+в\s+силу)\s+(?P<rule>[^.]*)")
_ON_SIGNING = re.compile(
    r"қол\s+қойылған\s+күн\w*|қабылданған\s+күн\w*|со\s+дня\s+(?:его\s+)?(?:подписания|принятия)",
    re.IGNORECASE,
)


def read_entry_into_force(
    text: str, act_date: date | None = None, span: Span | None = None
) -> EntryIntoForce | None:
    """The rule of entry into force as written, with its date when the text fixes one: a stated date, or
    the act's own date when it enters into force "from the day of signing" (the date of an act is the
    day it is signed, Law "On legal acts" art. 36).

    >>> read_entry_into_force("Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.", date(2024, 12, 30)).date
    datetime.date(2024, 12, 30)
    >>> read_entry_into_force("Настоящее постановление вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.").rule
    'по истечении десяти календарных дней после дня его первого официального опубликования'
    """
    # (each pattern is searched only in a text holding a word its every match contains)
    m = _EIF_KK.search(text) if "қолданысқа" in text or "күшіне" in text else None
    if m is not None and not re.search(r"вводится|вступает", text):
        rule = re.sub(r"^(?:Осы\s+\w+\s+)", "", m.group("rule").strip()).strip(" ,")
    else:
        m = _EIF_RU.search(text) if "вводится" in text or "вступает" in text else None
        if m is None:
            return None
        rule = m.group("rule").strip(" ,")
    if not rule:
        return None
    eif = EntryIntoForce(rule=rule, span=span)
    dm = DATE_RE.search(rule)
    if dm and re.search(
        r"бастап|\bс\s", rule[: dm.end() + 10] + " " + rule[max(0, dm.start() - 3) : dm.start()]
    ):
        eif.date = parse_date(dm.group(0))
    elif _ON_SIGNING.search(rule) and not re.search(r"кейін|после|истечени|өткен", rule):
        eif.on_signing = True
        eif.date = act_date
    return eif


# -- the blocks ----------------------------------------------------------------------------------------


def parse_operative(lines: list[str], doc: Document) -> list[OperativePart]:
    """Every enacting block of a document, the act's own first (the ``_run_hooks`` entry point)."""
    if doc.act.type == "report":
        return []
    j = join_lines(lines)
    region = doc.act.issuer.region if doc.act.issuer is not None else None
    squashed: list[str | None] = [None] * len(lines)  # squash_spaces of each line, filled once as read
    enacting = enacting_search(j.text)
    parts: list[OperativePart] = []
    pos = 0
    prev_end_line = 0
    while len(parts) < 8:
        m = enacting.search(pos)
        if m is None:
            break
        joint = enacting.search(m.end(), m.end() + 80)
        if joint and re.match(r"\s+(?:ЖӘНЕ|және|И|и)\s", j.text[m.end() : joint.start()]):
            m = joint  # a joint act: its block begins after the second formula
        part, end_line = _read_block(lines, j, m, doc, region, first=not parts, squashed=squashed)
        next_pos = j.offset_of_line(end_line + 1) if end_line < len(lines) else len(j.text)
        pos = max(next_pos, m.end())
        if parts:
            if not part.points:
                continue
            act = _embedded_act(lines, j, doc, part, end_line, m)
            if act is None:
                doc.warnings.append(
                    Warning_(
                        "an enacting block whose act is not named by its appendix stamp or a citation; not read",
                        part.span,
                        "operative",
                    )
                )
                prev_end_line = end_line
                continue
            part.act = act
            lo = j.offset_of_line(prev_end_line + 1)
            if BASIS_TRIGGER.search(j.text[lo : m.start()]):
                part.based_on = merge_refs([x.ref for x in find_refs(j, doc.act.issuer, lo, m.start())])
            title = _embedded_title(lines, prev_end_line + 1, j.line_of(m.start()))
            if title and act.title is None:
                act.title, act.title_lang = title, doc.language
            eif_date = act.date
            for p in part.points:
                if p.entry_into_force is not None and p.entry_into_force.on_signing:
                    p.entry_into_force.date = eif_date
        if part.points or part.signatories:
            parts.append(part)
        prev_end_line = end_line
    return parts


def _formula_type(formula: str) -> str | None:
    for pat, t in _FORMULA_TYPE:
        if pat.search(formula):
            return t
    return None


def _read_block(
    lines: list[str],
    j: Joined,
    m: re.Match[str],
    doc: Document,
    region: str | None,
    first: bool,
    squashed: list[str | None] | None = None,
) -> tuple[OperativePart, int]:
    formula_line = j.line_of(m.end() - 1)
    line_end = j.offset_of_line(formula_line + 1) if formula_line < len(lines) else len(j.text)
    rest = j.text[m.end() : line_end].strip().lstrip(":").strip()
    segs: list[tuple[int, str]] = []
    if rest:
        segs.append((formula_line, rest))
    if squashed is None:
        squashed = [None] * len(lines)
    for i in range(formula_line, min(len(lines), formula_line + 4000)):
        s = squashed[i]
        if s is None:
            s = squashed[i] = " ".join(lines[i].split())  # squash_spaces(lines[i]).strip()
        if s:
            segs.append((i + 1, s))
    if segs and segs[0][1] == ":":
        segs = segs[1:]
    part = OperativePart(formula=m.group(0), span=j.span(m.start(), m.end()))
    # points: (number, [(line, text)], subpoints)
    points: list[tuple[str | None, list[tuple[int, str]], list[tuple[str, list[tuple[int, str]]]]]] = []
    lead: list[tuple[int, str]] = []
    end_line = segs[-1][0] if segs else formula_line
    k_end = len(segs)
    for k, (ln, s) in enumerate(segs):
        if k > 0 and _block_end(segs, k):
            k_end = k
            break
        pm = _POINT.match(s)
        if pm and int(pm.group(1)) == len(points) + 1 - (1 if points and points[0][0] is None else 0):
            points.append((pm.group(1), [(ln, s[pm.end() :])], []))
            continue
        if _NOTE.match(s):  # an editorial note is the publisher's, not the act's words
            continue
        sm = _SUBPOINT.match(s)
        if sm and points and int(sm.group(1)) == len(points[-1][2]) + 1 and _takes_subpoints(points[-1]):
            points[-1][2].append((sm.group(1), [(ln, s[sm.end() :])]))
            continue
        if points:
            (points[-1][2][-1][1] if points[-1][2] else points[-1][1]).append((ln, s))
        else:
            lead.append((ln, s))
            if len(lead) > 30:
                break
    if not points and lead and classify(" ".join(s for _, s in lead)):
        points.append((None, lead, []))  # a single unnumbered operative sentence
    elif not points and lead:
        doc.warnings.append(
            Warning_(
                "text after the enacting formula with no point and no operative verb",
                Span(lead[0][0], lead[-1][0]),
                "operative",
            )
        )
    end_line = segs[k_end - 1][0] if k_end > 0 and segs else formula_line
    if k_end < len(segs):
        sigs, used = read_signatories(segs[k_end:], doc.language, region)
        part.signatories = sigs
        if used:
            end_line = segs[k_end + used - 1][0]
    act_date = doc.act.date if first else None
    for number, body, subs in points:
        if (
            _NOTE.match(body[0][1]) and not subs
        ):  # "2. Ескерту. 2-тармақтың күші жойылды …": the point is gone
            continue
        part.points.extend(_provisions(number, body, subs, doc.language, region, act_date))
    if part.points:
        part.span = Span(part.span.start if part.span else part.points[0].span.start, end_line)  # type: ignore[union-attr]
    return part, end_line


def _takes_subpoints(point: tuple[str | None, list[tuple[int, str]], list]) -> bool:  # type: ignore[type-arg]
    """A point opens sub-points when its words end in a colon; an amending point's numbered items are
    the amendments' own (read by ``kglaw.parse.amendments``), not sub-points of the act."""
    text = " ".join(s for _, s in point[1])
    if point[2]:
        return True
    return text.rstrip().endswith(":") and "amend" not in classify(text)


def _provisions(
    number: str | None,
    body: list[tuple[int, str]],
    subs: list[tuple[str, list[tuple[int, str]]]],
    lang: str | None,
    region: str | None,
    act_date: date | None,
) -> list[OperativeProvision]:
    text = squash_spaces(" ".join(s for _, s in body)).strip()
    last = subs[-1][1][-1][0] if subs else body[-1][0]
    span = Span(body[0][0], last)
    own_span = Span(body[0][0], body[-1][0])
    point = OperativeProvision(number=number, text=text, span=span)
    subject = _subject(text, lang)
    addressees = _addressees(subject, region, own_span) if subject else []
    point.addressees = addressees
    _fill(point, text, own_span, region, act_date)
    out = [point]
    for sub_no, sub_body in subs:
        st = squash_spaces(" ".join(s for _, s in sub_body)).strip()
        sp = Span(sub_body[0][0], sub_body[-1][0])
        sub = OperativeProvision(number=sub_no, text=st, parent=number, span=sp, addressees=list(addressees))
        _fill(sub, st, sp, region, act_date)
        if not sub.kinds and point.kinds:  # an item of "… күші жойылды деп танылсын:" is a repeal
            sub.kinds = list(point.kinds)
        out.append(sub)
    if subs and not point.kinds:
        point.kinds = sorted({k for s in out[1:] for k in s.kinds}, key=KIND_ORDER.index)
    return out


def _fill(p: OperativeProvision, text: str, span: Span, region: str | None, act_date: date | None) -> None:
    p.kinds = classify(text)
    if "control" in p.kinds:
        p.controllers = read_control(text, region, span)
    if "report" in p.kinds:
        p.reporting = read_reporting(text, p.addressees, region, span)
    if "entry-into-force" in p.kinds:
        p.entry_into_force = read_entry_into_force(text, act_date, span)


def _embedded_act(
    lines: list[str], j: Joined, doc: Document, part: OperativePart, end_line: int, m: re.Match[str]
) -> ActRef | None:
    """The act an embedded block belongs to: the one its appendix stamp names ("… № 98 қаулысына
    қосымша", "Приложение к постановлению … от … № …"), else the one act of the formula's type that the
    document cites, other than itself."""
    kind = _formula_type(m.group(0))
    lo = j.offset_of_line(end_line + 1)
    hi = j.offset_of_line(end_line + 6) if end_line + 6 <= len(lines) else len(j.text)
    window = j.text[lo:hi]
    if re.search(r"қосымша|[Пп]риложение", window):
        for hit in find_refs(j, doc.act.issuer, lo, hi):
            r = hit.ref
            if (r.date or r.number) and (kind is None or r.type == kind):
                near = j.text[hit.end : hit.end + 30] + j.text[max(0, hit.start - 40) : hit.start]
                if re.search(r"қосымша|[Пп]риложение", near):
                    return r
    cands = [
        r
        for r in (*doc.cites, *doc.based_on, *doc.amends)
        if r.type == kind and (r.date or r.number) and (r.date, r.number) != (doc.act.date, doc.act.number)
    ]
    keys = {(r.date, r.number) for r in cands}
    return cands[0] if len(keys) == 1 else None


def _embedded_title(lines: list[str], lo: int, hi: int) -> str | None:
    """The title an embedded act prints above its preamble: its first lines, up to the one that ends
    in "туралы" (kk) or that begin with "О"/"Об" (ru) and end before an indented preamble."""
    taken: list[str] = []
    for i in range(lo, min(hi, lo + 5) + 1):
        if i < 1 or i > len(lines):
            break
        raw = lines[i - 1]
        s = squash_spaces(raw).strip()
        if not s:
            continue
        if raw.startswith("   ") and taken:
            break
        taken.append(s)
        if s.endswith("туралы"):
            return " ".join(taken)
    if taken and re.match(r"^Об?\s", taken[0]):
        return " ".join(taken)
    return None
