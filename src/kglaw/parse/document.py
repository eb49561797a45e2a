"""Raw text → :class:`~kglaw.model.Document`: the act-level reading of one file.

The steps, in order: decode → normalise (line map kept) → head (identity, title, registration, status,
web metadata) → editorial notes (repealed by, amended by) → change clauses (amends, repeals) → legal
basis (based on) and citations → optional hooks for programmes (``kglaw.parse.plans.parse_plans``) and
amendment operations (``kglaw.parse.amendments.parse_operations``). A hook that fails becomes a
warning on the document; parsing never raises anything but :class:`~kglaw.errors.KglawError`.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import importlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..errors import KglawError, ParseError
from ..model import ActRef, Document, Span, Warning_
from .citations import (
    BASIS_TRIGGER,
    RefHit,
    find_citations,
    find_conventions,
    find_refs,
    link_ratifications,
    merge_refs,
    same_act,
)
from .dates import date_matches, parse_date
from .decode import decode_bytes
from .header import Header, find_enacting, read_header
from .normalize import Joined, join_lines, normalize_text
from .notes import find_notes
from .prefilter import WordSearch, folded, has_any, line_finder

__all__ = ["detect_language", "parse_bytes", "parse_file", "parse_text", "read_changes"]

_KK_LETTERS = re.compile(r"[әіңғүұқөһӘІҢҒҮҰҚӨҺ]")
_CYR_RUNS = re.compile(r"[а-яА-ЯёЁ]+")  # Cyrillic letters, counted run by run (faster than one by one)


def detect_language(text: str) -> str | None:
    """``kk`` when Kazakh-only letters make up more than 1.5 % of the Cyrillic letters, else ``ru``.

    >>> detect_language("Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ"), detect_language("Правительство ПОСТАНОВЛЯЕТ")
    ('kk', 'ru')
    """
    sample = text[:12000]
    kk = sum(map(sample.count, "әіңғүұқөһӘІҢҒҮҰҚӨҺ"))
    cyr = sum(map(len, _CYR_RUNS.findall(sample))) + kk
    if cyr < 20:
        return None
    return "kk" if kk / cyr > 0.015 else "ru"


# The operative part ends at the signature or the first appendix.
_OPERATIVE_END = re.compile(
    r"^\s*(?:Қазақстан\s+Республикасының\s*)?Премьер-Министрі?\b|^\s*Премьер-Министр\s+Республики|"
    r"сессиясының\s+төрағасы\s*$|^\s*(?:Облыстық|Аудандық|Қалалық)?\s*[Мм]әслихаттың\s+хатшысы|"
    r"^\s*(?:Председатель|Секретарь)\s+(?:сессии|маслихата|[а-я]+ого\s+маслихата)|^\s*Аким\s+\w+\s+области\s*$|"
    r"^\s*(?:Облыс|Аудан|Қала)\s+әкімі\s*$|^\s*Министр\s*$|^\s*БЕКІТІЛГЕН\s*$|^\s*УТВЕРЖДЕН[АО]?\s*$|"
    r"^\s*(?:Приложение|Қосымша)\s*(?:\d+\s*)?$|^\s*қосымша\s*$|шешіммен\s+БЕКІТІЛГЕН|Президенті\s*$|"
    # a signature: a post, then the initials and surname, alone on a line ("Сарыағаш аудандық
    # мәслихатының хатшысы Е. Қайыпов", "Аудан әкімі Б. Нұрланов", "Министр сельского хозяйства …")
    r"(?-i:^\s*(?=[А-ЯЁӘІҢҒҮҰҚӨҺA-Z])[^.;:«»\"()]{0,120}?(?:әкімі|министрі|хатшысы|төрағасы|[Аа]ким|[Мм]инистр|"
    r"[Пп]редседател|[Сс]екретар|[Пп]резидент)[^.;:«»\"()]{0,120}?\s(?:[А-ЯӘІҢҒҮҰҚӨҺ]\.\s?){1,2}[А-ЯӘІҢҒҮҰҚӨҺ][\w-]+\s*$)|"
    # an appendix heading: "Приложение к решению …", "… шешіміне қосымша", "1-қосымша"
    r"(?-i:^\s*Приложение(?:\s+\d+)?\s+к\s|^\s*Қосымша\b|^\s*\d+-қосымша\s*$|"
    r"^[^.;:]{0,200}\s(?:шешіміне|қаулысына|бұйрығына|[Жж]арлығына|өкіміне)\s+(?:\d+-)?қосымша\s*$)",
    re.IGNORECASE,
)
# Every match of _OPERATIVE_END holds one of these words (lowercased), one per alternative.
_OPERATIVE_END_WORDS = (
    "министр",
    "төрағасы",
    "хатшысы",
    "председател",
    "секретар",
    "аким",
    "әкімі",
    "бекітілген",
    "утвержден",
    "приложение",
    "қосымша",
    "президент",
)
_AMEND_AFTER_KK = re.compile(
    r"^\s*(?:мынадай\s+)?(?:өзгеріс(?:тер)?|толықтыру(?:лар)?|өзгерту(?:лер)?)(?:\s+(?:мен|және)\s+(?:толықтыру(?:лар)?|өзгеріс(?:тер)?))?"
    r"\s+(?:енгізу|енгізілсін)"
)
_AMEND_BEFORE_RU = re.compile(
    r"(?:(?:изменени[йя]|дополнени[йя])(?:\s+и\s+(?:дополнени[йя]|изменени[йя]))?\s+в|[Вв]нести\s+в)\s*$"
)
_AMENDING_TITLE = re.compile(
    r"(?:өзгеріс|толықтыру)\w*(?:\s+(?:мен|және)\s+\w+)?\s+енгіз(?:у|ілетін)|"
    r"[Оо]\s+внесении\s+(?:изменени|дополнени)|вносятся\s+в",
    re.IGNORECASE,
)
_AMEND_SEVERAL = re.compile(
    r"[Вв]нести\s+(?:(?:изменени[яй]|дополнени[яй])(?:\s+и\s+(?:изменени[яй]|дополнени[яй]))?\s+)?"
    r"в\s+следующие\s+(?:законодательные\s+|нормативные\s+правовые\s+)?акты[^.:]{0,200}:|"
    r"мына\s+(?:заңнамалық\s+|нормативтік\s+құқықтық\s+)?актілер(?:ге|іне)\s+[^.:]{0,120}?енгізілсін\s*:"
)
_AMEND_SEVERAL_WORDS = ("следующие", "актілер")  # every match of _AMEND_SEVERAL holds one
_COLON_AFTER = re.compile(r"^\s*(?:\([^()]{0,200}\)\s*)?:")
_REPEAL_KK = re.compile(r"күші\s+жойылды\s+деп\s+(?:танылсын|тану)|күшін\s+жойған\s+деп\s+(?:танылсын|тану)")
_REPEAL_RU = re.compile(r"[Пп]ризна(?:ть|нии)\s+утратившим[иа]?\s+силу|утратившим[иа]?\s+силу", re.IGNORECASE)
_LIST_REPEAL_KK = re.compile(
    r"(?:мыналардың|келесі|қосымшаға\s+сәйкес)[^.]{0,200}?(?:күші\s+жойылды\s+деп\s+танылсын)\s*:?"
)
# The heading of an appendix that lists repealed acts: "Күші жойылған (деп танылған) … тізбесі", "Күші
# жойылды деп танылған / танылатын … тізбесі", "Перечень утративших силу …", "Перечень … , признанных
# (признаваемых) утратившими силу".
_APPENDIX_LIST = re.compile(
    r"(?:(?:күші\s+жойыл(?:ған|ды)|күшін\s+жойған)\s+(?:деп\s+таныл(?:ған|атын)\s+)?[^.]{0,120}?тізбесі|"
    r"[Пп]еречень\s+(?:утративших\s+силу|[^.]{0,200}?(?:признанных|признаваемых)\s+утратившими\s+силу)[^.]{0,200})"
)
# The patterns read_changes builds from the two above (compiled once, not at every reference).
_REPEAL_KK_AFTER = re.compile(r"^\s*(?:\([^()]{0,200}\)\s*)?[^.;()]{0,40}?(?:" + _REPEAL_KK.pattern + ")")
_REPEAL_RU_BEFORE = re.compile(r"(?:" + _REPEAL_RU.pattern + r")\s*(?:[^.;:]{0,40})$", re.IGNORECASE)
_LOC_PREPOSITION_RU = re.compile(r"(?:^|\s)[Вв]\s+$")
_REPEAL_LIST_KK = re.compile(r"(?:" + _REPEAL_KK.pattern + r")\s*:")
_REPEAL_LIST_RU = re.compile(r"(?:" + _REPEAL_RU.pattern + r")[^.;:]{0,120}:", re.IGNORECASE)
_NEXT_POINT = re.compile(r"\s\d{1,2}\.\s+[А-ЯӘІҢҒҮҰҚӨҺ]")
_REPEAL_BY_APPENDIX = re.compile(
    r"(?:қосымша(?:ға|сына|ларға|ларына)\s+сәйкес|согласно\s+приложению)[^.]{0,200}?(?:"
    + _REPEAL_KK.pattern
    + "|"
    + _REPEAL_RU.pattern
    + ")"
    r"|(?:"
    + _REPEAL_KK.pattern
    + "|"
    + _REPEAL_RU.pattern
    + r")[^.]{0,200}?(?:қосымша(?:ға|сына|ларға|ларына)\s+сәйкес|согласно\s+приложению)",
    re.IGNORECASE,
)
# Every match of _REPEAL_BY_APPENDIX holds a word of each of these (lowercased).
_APPENDIX_WORDS = ("қосымша", "согласно")
_REPEAL_WORDS = ("жойылды", "жойған", "утратившим")
_PASSPORT_BASIS = re.compile(
    r"Әзірлеу\s+үшін\s+негіз(?:деме)?|[Әә]зірлеудің\s+негізі|Әзірлеуге\s+негіз|Основани[ея]\s+для\s+разработки|"
    r"Основание\s+разработки",
)
_PASSPORT_LABEL = re.compile(r"^[А-ЯӘІҢҒҮҰҚӨҺ][^\d.;:!?«»\"]{3,70}$")


def parse_text(text: str, source: str) -> Document:
    """Read a decoded text. ``source`` names it in spans and warnings (a file name)."""
    try:
        return _parse(text, source)
    except KglawError:
        raise
    except (
        ValueError,
        IndexError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
    ) as err:  # a parser bug
        raise ParseError(f"internal error while parsing: {type(err).__name__}: {err}", source, None) from err


def parse_bytes(data: bytes, source: str) -> Document:
    """Decode the raw bytes of a file and read it; ``sha256`` is that of the raw bytes."""
    doc = parse_text(decode_bytes(data, source), source)
    doc.sha256 = hashlib.sha256(data).hexdigest()
    return doc


def parse_file(path: str | Path) -> Document:
    """Read one file (the only function here that touches the file system)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise ParseError(f"cannot read: {err.strerror}", str(p), None) from None
    return parse_bytes(data, p.name)


#: The parser reads at most this many characters of a text (about 6 MB of Cyrillic UTF-8, more than
#: the largest code); the lines after the limit are not read, and a warning says where reading stopped.
MAX_CHARS = 3_000_000
#: Programmes and amendment operations are read only in texts up to this size: their readers rescan the
#: text before each programme (``plans.concept.refine_programme``), so their time grows with the square
#: of the size. A longer text keeps its act-level facts and gets a warning instead.
HOOK_MAX_CHARS = 1_000_000


def _cap(text: str) -> tuple[str, Warning_ | None]:
    """The text up to :data:`MAX_CHARS` (cut at a line end), and the warning that says so."""
    if len(text) <= MAX_CHARS:
        return text, None
    cut = text.rfind("\n", 0, MAX_CHARS) + 1 or MAX_CHARS
    first_unread = text.count("\n", 0, cut) + 1
    total = text.count("\n") + 1
    msg = f"text too long ({len(text)} characters, limit {MAX_CHARS}): these lines are not read"
    return text[:cut], Warning_(msg, Span(first_unread, total), "too-long")


def _parse(text: str, source: str) -> Document:
    full_size = len(text)
    text, too_long = _cap(text)
    lines, notes = normalize_text(text)
    doc = Document(source=source)
    if too_long is not None:
        doc.warnings.append(too_long)
    doc.line_count = len(lines) - (1 if lines and lines[-1] == "" and text.endswith("\n") else 0)
    doc.warnings.extend(Warning_(n, None, "normalize") for n in notes)
    j = join_lines(lines)
    doc.language = detect_language(j.text)
    if not j.text:
        doc.warnings.append(Warning_("empty text", None, "empty"))
        return doc

    h = read_header(lines, j, None)
    # The document's own issuer is the context of the rest: "облыс әкімдігі" then means that oblast.
    ctx = h.act.issuer
    doc.act = h.act
    doc.registration = h.registration
    doc.status, doc.status_span, doc.status_raw = h.status, h.status_span, h.status_raw
    doc.warnings.extend(h.warnings)
    doc.warnings.extend(_impossible_dates(j))
    if h.identity is None and doc.act.type is None:
        doc.warnings.append(
            Warning_("no identity line (issuer, date, number) found in the head", None, "header")
        )

    # Editorial notes.
    note_ranges: list[tuple[int, int]] = []
    for note in find_notes(j, ctx):
        note_ranges.append((note.start, note.end))
        target = doc.repealed_by if note.kind == "repeal" else doc.amended_by
        target.extend(r for r in note.refs if not _is_self(r, doc.act))
    doc.amended_by.extend(r for r in h.history if not _is_self(r, doc.act))
    doc.repealed_by = merge_refs(doc.repealed_by)
    doc.amended_by = [
        r for r in merge_refs(doc.amended_by) if not any(same_act(r, x) for x in doc.repealed_by)
    ]
    if (
        doc.status == "unknown"
        and doc.status_raw is None
        and doc.repealed_by
        and _whole_repeal_in_head(doc, j, h)
    ):
        doc.status = "repealed"
        doc.status_span = doc.repealed_by[0].span

    # Every reference in the text, once.
    notes_at = _disjoint(note_ranges)
    # acts, and the international conventions and treaties the text names by title
    hits = [x for x in find_refs(j, ctx) + find_conventions(j) if not _inside(x, notes_at)]
    if h.identity is not None:
        hits = [x for x in hits if (x.start, x.end) != (h.identity.start, h.identity.end)]
    hits = [x for x in hits if not _is_self(x.ref, doc.act)]
    link_ratifications(hits, doc.act, h.end)  # "… конвенцияны ратификациялау туралы" Заңы

    op_end = _operative_end(lines, j, h)
    amends, repeals = read_changes(j, hits, h, op_end)
    doc.amends = merge_refs([x.ref for x in amends])
    doc.repeals = merge_refs([x.ref for x in repeals])
    used = {id(x) for x in amends} | {id(x) for x in repeals}

    basis = _basis(j, hits, h)
    used |= {id(x) for x in basis}
    doc.based_on = merge_refs([x.ref for x in basis])
    taken = doc.amends + doc.repeals + doc.based_on + doc.repealed_by + doc.amended_by
    cites = merge_refs([x.ref for x in hits if id(x) not in used])
    doc.cites = []
    for r in cites:
        same = next((o for o in taken if same_act(r, o)), None)
        if same is None:
            doc.cites.append(r)
        else:  # another mention of an act already related: it may state what the first did not
            same.title, same.title_lang = same.title or r.title, same.title_lang or r.title_lang
            same.number = same.number or r.number
            same.issuer = same.issuer or r.issuer
    doc.citations = find_citations(j, hits, lines)  # units of acts: "… Заңының 27-бабы", "статьей 54 …"
    doc.entry_into_force = _entry_into_force(j, h, op_end)
    if doc.entry_into_force:
        # the acts this one repeals lose force the day it enters into force, as its text states
        for r in doc.repeals:
            r.effective_date = r.effective_date or doc.entry_into_force

    if full_size <= HOOK_MAX_CHARS:
        _run_hooks(lines, doc, text.split("\n"))
        _partial_repeals_amend(doc)
    else:
        msg = f"programmes and amendment operations not read: the text is over {HOOK_MAX_CHARS} characters"
        doc.warnings.append(Warning_(msg, None, "too-long"))
    return doc


def _impossible_dates(j: Joined, limit: int = 20) -> list[Warning_]:
    """A warning for each date the text writes but the calendar lacks (31 February, month 13): such a
    date is not read, so the fact it dates stays unknown rather than wrong."""
    out: list[Warning_] = []
    for m in date_matches(j.text):
        if parse_date(m.group(0)) is None:
            if len(out) == limit:
                out.append(Warning_(f"more impossible dates after these {limit}", None, "impossible-date"))
                break
            out.append(
                Warning_(
                    f"impossible date {m.group(0)!r} not read", j.span(m.start(), m.end()), "impossible-date"
                )
            )
    return out


def _disjoint(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Half-open ranges sorted and merged where they overlap, for :func:`_inside`."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(r for r in ranges if r[0] < r[1]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside(hit: RefHit, ranges: list[tuple[int, int]]) -> bool:
    """``hit`` starts inside one of ``ranges`` (sorted and disjoint): a binary search, so that a text
    with 10,000 editorial notes is not read in quadratic time."""
    k = bisect.bisect_right(ranges, (hit.start, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= hit.start < ranges[k][1]


def _is_self(ref: ActRef, act: ActRef) -> bool:
    """A reference to the document itself: its approval stamp (``№ 245 шешіммен БЕКІТІЛГЕН``), or its
    own name in its title (a code's title "Қазақстан Республикасының Әлеуметтік кодексі")."""
    if (
        act.date is not None
        and act.number is not None
        and ref.date == act.date
        and ref.number == act.number
        and ref.type in (None, act.type)
    ):
        return True
    if ref.date is None and ref.number is None and ref.title and act.title and ref.type == act.type:
        a = re.sub(r"[\W_]+", "", act.title.lower())
        b = re.sub(r"[\W_]+", "", ref.title.lower())
        return bool(b) and (b in a or a in b)
    return False


def _partial_repeals_amend(doc: Document) -> None:
    """An act whose every repeal instruction names a unit ("Признать утратившим силу пункт 2 решения …",
    "… шешімінің 2-тармағының күші жойылды деп танылсын") loses that unit, not its force: it is amended,
    not repealed (as a note about a unit is, see :mod:`.notes`)."""
    partial = []
    for r in doc.repeals:
        ops = [o for o in doc.operations if o.type == "repeal" and same_act(o.target, r)]
        if ops and all(o.provision is not None for o in ops):
            partial.append(r)
    if partial:
        doc.repeals = [r for r in doc.repeals if r not in partial]
        doc.amends = merge_refs(doc.amends + partial)


def _whole_repeal_in_head(doc: Document, j: Joined, h: Header) -> bool:
    first = doc.repealed_by[0].span
    return first is not None and first.start <= j.line_of(max(h.end, 1)) + 40


def _operative_end(lines: list[str], j: Joined, h: Header) -> int:
    """Offset in the joined text where the operative part ends (signature or first appendix)."""
    start_line = j.line_of(h.end) + 1 if h.end else 1
    candidates = line_finder(lines).lines_with_folded(_OPERATIVE_END_WORDS)  # no other line can match
    for i in range(start_line - 1, len(lines)) if candidates is None else candidates:
        if i < start_line - 1:
            continue
        if _OPERATIVE_END.search(lines[i]):
            return j.offset_of_line(i + 1)
    return len(j.text)


def read_changes(j: Joined, hits: list[RefHit], h: Header, op_end: int) -> tuple[list[RefHit], list[RefHit]]:
    """Acts this act amends and repeals, from its title and operative part.

    Amends: ``… № 326 қаулысына өзгерістер енгізу туралы``, ``… шешіміне мынадай өзгерістер
    енгізілсін``, ``О внесении изменений в решение …``, ``Внести в постановление … следующие изменения``.
    Repeals: ``… шешімінің күші жойылды деп танылсын``, ``Признать утратившим силу решение …``, and the
    numbered lists that follow ``… мыналардың күші жойылды деп танылсын:`` / ``признать утратившими
    силу:`` or sit in an appendix "Перечень утративших силу …". A narrative statement in the past tense
    (``күші жойылды деп танылды``) is not a repeal by this text.
    """
    t = j.text
    title_lo = j.offset_of_line(h.act.span.start) if h.act.span and h.act.title else 0
    zone_lo = min(title_lo, h.end)
    amends: list[RefHit] = []
    repeals: list[RefHit] = []
    if h.act.type in ("report",):
        return amends, repeals
    in_zone = [x for x in hits if zone_lo <= x.start < op_end]
    for x in in_zone:
        after = t[x.end : x.end + 80]
        if x.lang == "kk" and x.case in ("dat",) and _AMEND_AFTER_KK.match(after):
            amends.append(x)
            continue
        if x.lang == "ru" and _AMEND_BEFORE_RU.search(t[max(0, x.start - 60) : x.start]):
            amends.append(x)
            continue
        if x.lang == "kk" and x.case in ("gen", "nom") and _REPEAL_KK_AFTER.match(t[x.end : x.end + 260]):
            repeals.append(x)
            continue
        if x.lang == "ru" and _REPEAL_RU_BEFORE.search(t[max(0, x.start - 120) : x.start]):
            repeals.append(x)
            continue
    # An amending act whose changes sit in an appendix ("… кейбір шешімдеріне енгізілетін өзгерістер",
    # "Изменения, которые вносятся в некоторые решения …"): each item names its act in the locative
    # before a colon ("… № 326 қаулысында:", "В постановлении … от … № 326 «…» (САПП …):"). An act that
    # amends several acts in its own points ("Внести изменения … в следующие законодательные акты:",
    # "мына заңнамалық актілеріне … енгізілсін:") names each in the accusative after "В" or in the
    # dative, before a colon ("1. В Кодекс … от 5 июля 2014 года (Ведомости …):", "… кодексіне (…):").
    several = (
        _AMEND_SEVERAL.search(t, h.end, op_end)
        if h.end < op_end and any(t.find(w, h.end, op_end) >= 0 for w in _AMEND_SEVERAL_WORDS)
        else None
    )
    if h.act.title and _AMENDING_TITLE.search(h.act.title) or several:
        for x in hits:
            if x in amends or x.start < zone_lo:
                continue
            after = t[x.end : x.end + 200]
            if x.lang == "kk" and (x.case == "loc" or x.case == "dat" and several):
                if _COLON_AFTER.match(after):
                    amends.append(x)
            elif (
                x.lang == "ru"
                and (x.case == "loc" or x.case == "nom" and several)
                and _LOC_PREPOSITION_RU.search(t[max(0, x.start - 4) : x.start])
                and _COLON_AFTER.match(after)
            ):
                amends.append(x)
    # numbered lists of repealed acts after a colon
    zone = t[zone_lo:op_end]
    low = folded(zone)
    for m in list(_REPEAL_LIST_KK.finditer(zone)) + list(_REPEAL_LIST_RU.finditer(zone)):
        lo = zone_lo + m.end()
        nxt = _NEXT_POINT.search(t[lo:op_end])
        hi = lo + nxt.start() if nxt else min(op_end, lo + 4000)
        repeals.extend(x for x in hits if lo <= x.start < hi and x not in repeals and x not in amends)
    # "қосымшаға сәйкес … күші жойылды деп танылсын" / "согласно приложению": the list sits in the appendix
    if (
        has_any(low, _APPENDIX_WORDS)  # (necessary conditions of the pattern, see above)
        and has_any(low, _REPEAL_WORDS)
        and _REPEAL_BY_APPENDIX.search(zone)
    ):
        ap = _APPENDIX_LIST.search(t, op_end)
        if ap:
            repeals.extend(x for x in hits if x.start >= ap.end() and x not in repeals)
    # An act named in the instrumental approved what is repealed ("пункт 4 перечня …, утвержденного
    # приказом … № 1104", "… № 64 қаулысымен бекітілген … 5-тармағы", "Правила, утвержденные …"): the
    # repeal takes a part of it away, so it is amended, not repealed.
    approvers = [x for x in repeals if x.case == "ins"]
    if approvers:
        repeals = [x for x in repeals if x.case != "ins"]
        amends.extend(x for x in approvers if x not in amends)
    return amends, repeals


def _basis(j: Joined, hits: list[RefHit], h: Header) -> list[RefHit]:
    """The acts this act is adopted under: those cited in its preamble when the preamble says so
    (``… Заңына сәйкес``, ``В соответствии с …``, ``… басшылыққа ала отырып``), and those listed as the
    basis for developing the document it approves (``Әзірлеу үшін негіз``, ``Основание для разработки``)."""
    t = j.text
    out: list[RefHit] = []
    start = h.end
    m = find_enacting(t, start, start + 4000)
    if m and h.act.type != "report":
        # the preamble is the sentence that ends with the enacting formula
        seg = t[start : m.start()]
        cut = max(seg.rfind(". "), -1)
        lo = start + cut + 1 if cut >= 0 and BASIS_TRIGGER.search(seg[cut:]) else start
        if BASIS_TRIGGER.search(t[lo : m.start()]):
            out.extend(x for x in hits if lo <= x.start < m.start())
    # every match of _PASSPORT_BASIS holds "зірлеу" (Әзірлеу, әзірлеудің) or "Основани"
    pm = _PASSPORT_BASIS.search(t) if "зірлеу" in t or "Основани" in t else None
    if pm and h.act.type != "report":
        lo = pm.end()
        hi = _passport_field_end(j, lo)
        out.extend(x for x in hits if lo <= x.start < hi and x not in out)
    return out


def _passport_field_end(j: Joined, lo: int) -> int:
    """The next passport label after the basis field (a short capitalised line with no digits), or +2000."""
    line = j.line_of(lo)
    k = j.starts.index(j.offset_of_line(line)) if j.offset_of_line(line) in j.starts else 0
    for idx in range(k + 1, min(len(j.starts), k + 60)):
        s = j.starts[idx]
        e = j.starts[idx + 1] - 1 if idx + 1 < len(j.starts) else len(j.text)
        text = j.text[s:e].strip()
        if (
            s > lo
            and _PASSPORT_LABEL.match(text)
            and not re.search(r"[«\"]", text)
            and len(text.split()) <= 8
        ):
            return s
    return min(len(j.text), lo + 2000)


_IN_FORCE = re.compile(
    r"(?:(?P<d1>\d{4}\s*жылғы\s+\d{1,2}\s+[а-яәіңғүұқөһ]+|\d{1,2}\.\d{1,2}\.\d{4})\s*(?:ж\.\s*)?бастап\s+қолданысқа\s+енгізіледі"
    r"|вводится\s+в\s+действие\s+с\s+(?P<d2>\d{1,2}\s+[а-я]+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4}))",
    re.IGNORECASE,
)


def _entry_into_force(j: Joined, h: Header, op_end: int) -> date | None:
    """A fixed entry-into-force date stated in the operative part, or None."""
    # Every match of _IN_FORCE holds "қолданысқа" or "вводится" (any case), every match of
    # _IN_FORCE_SENTENCE one of them as written: a text without them is not searched.
    low = folded(j.text)
    in_force = (
        _IN_FORCE.finditer(j.text, h.end, op_end) if has_any(low, ("қолданысқа", "вводится")) else iter(())
    )
    for m in in_force:
        if "(" in j.text[max(0, m.start() - 3) : m.start()]:
            continue  # "(01.01.2024 бастап қолданысқа енгізіледі)" dates an amendment, not this act
        return parse_date(m.group("d1") or m.group("d2") or "")
    # "from the day of signing" is the act's own date (kglaw.parse.operative reads the rule)
    from .operative import read_entry_into_force

    if "қолданысқа" not in j.text and "вводится" not in j.text:
        return None
    for m in WordSearch(_IN_FORCE_SENTENCE, j.text, ("Осы", "Настоящ"), lo=h.end, hi=op_end).finditer():
        eif = read_entry_into_force(m.group(0), h.act.date)
        if eif is not None and eif.on_signing:
            return eif.date
    return None


_IN_FORCE_SENTENCE = re.compile(
    r"(?<![(\w])(?:Осы|Настоящ\w+)\s[^.()]{0,200}?(?:қолданысқа\s+енгізіледі|вводится\s+в\s+действие[^.()]{0,200})"
)


@functools.lru_cache(maxsize=None)
def _takes_raw_lines(fn: Callable[..., list]) -> bool:
    import inspect

    return "raw_lines" in inspect.signature(fn).parameters


@functools.lru_cache(maxsize=None)
def _hook(module: str, name: str) -> Callable[..., list] | None:
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    fn = getattr(mod, name, None)
    return fn if callable(fn) else None


def _run_hooks(lines: list[str], doc: Document, raw_lines: list[str] | None = None) -> None:
    """Programmes and amendment operations are read by their own modules, when installed.

    A hook that takes ``raw_lines`` also gets the decoded lines before normalisation (table layouts
    that separate cells by TAB need them)."""
    for module, name, attr in (
        ("kglaw.parse.plans", "parse_plans", "programmes"),
        ("kglaw.parse.amendments", "parse_operations", "operations"),
        ("kglaw.parse.passages", "parse_passages", "passages"),  # after plans: it skips their rows
        ("kglaw.parse.operative", "parse_operative", "operative"),
    ):
        fn = _hook(module, name)
        if fn is None:
            continue
        try:
            if raw_lines is not None and _takes_raw_lines(fn):
                result = fn(lines, doc, raw_lines=raw_lines)
            else:
                result = fn(lines, doc)
        except Exception as err:  # noqa: BLE001 - a hook's failure is reported, never fatal
            doc.warnings.append(
                Warning_(f"{module}.{name} failed: {type(err).__name__}: {err}", None, "hook")
            )
            continue
        if result:
            setattr(doc, attr, list(result))
