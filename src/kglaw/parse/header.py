"""The head of an act: its identity line, title, registration, status words and web metadata.

The official texts (adilet.zan.kz and its mirrors) head every act the same way, in Kazakh or Russian::

    <title>
    [status word: Күшін жойған | Утратил силу | Жаңа | Новый | Қолданыстағы | Действующий …]
    <issuer-genitive> <date> № <number> <act noun>. <justice body> <date> № <number> (болып) тіркелді.
    <Act noun> <issuer-genitive> от <date> № <number>. Зарегистрировано в <justice body> <date> № <number>.

Web copies add a metadata block (``Статус: … Сведения об акте: … Номер группы регистрации: … История
изменений: [JSON]``; ``Мәртебесі: … Бірегей нөмір: …``). Documents that are not acts (an analytical
report of a public association) are read from their title page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date

from ..identifiers import parse_adilet_code
from ..model import ActRef, Issuer, Registration, Span, Status, Warning_
from .citations import DATE, RefHit, clean_number, find_refs
from .dates import parse_date
from .issuers import organisation_issuer, resolve_justice_body
from .normalize import Joined, join_lines
from .prefilter import WordSearch

__all__ = ["ENACTING", "STATUS_WORDS", "Header", "read_header", "read_metadata", "status_of"]

#: Status words of the official system → ELI in-force status.
STATUS_WORDS: dict[str, Status] = {
    "күшін жойған": "repealed",
    "күші жойылған": "repealed",
    "утратил силу": "repealed",
    "утратило силу": "repealed",
    "утратила силу": "repealed",
    "утративший силу": "repealed",
    "жаңа": "in_force",
    "новый": "in_force",
    "жаңартылған": "in_force",
    "обновленный": "in_force",
    "обновлённый": "in_force",
    "қолданыстағы": "in_force",
    "действующий": "in_force",
    "күшінде": "in_force",
    "действует": "in_force",
    "не вступил в силу": "unknown",
    "қолданысқа енгізілмеген": "unknown",
}
_STATUS_LINE = re.compile(
    r"^\s*(?P<w>"
    + "|".join(sorted((re.escape(w) for w in STATUS_WORDS), key=len, reverse=True))
    + r")\s*\.?\s*$",
    re.IGNORECASE,
)

#: The enacting formula that ends the preamble (``ШЕШІМ ҚАБЫЛДАДЫ``, ``ПОСТАНОВЛЯЕТ`` …).
ENACTING = re.compile(
    r"(?:ШЕШІМ|[Шш]ешім)\s+(?:ЕТЕДІ|етеді|ҚАБЫЛДАДЫ|қабылдады|ЕТТІ|ҚАБЫЛДАЙМЫН|ЕТЕМІН)|ҚАУЛЫ\s+ЕТЕДІ|[Ққ]аулы\s+етеді|"
    r"ҚАУЛЫ\s+ЕТЕМІН|ҚАУЛЫ\s+ҚАБЫЛДАЙДЫ|БҰЙЫРАМЫН|БҰЙЫРАМЫЗ|ҚАУЛЫ\s+ЕТЕМІЗ|ШЕШТІ|ШЕШЕМІН|ПОСТАНОВЛЯЕТ|ПОСТАНОВЛЯЮ|"
    r"ПРИКАЗЫВАЮ|ПРИКАЗЫВАЕМ|РЕШИЛ[АО]?|РЕШАЮ|"
    r"ПОСТАНОВИЛ[АО]?|ПОСТАНОВЛЯЮТ|РЕШИЛИ|ОБЯЗЫВАЮ|ҚАУЛЫ\s+ЕТЕДІ\s+ЖӘНЕ\s+ШЕШІМ\s+ҚАБЫЛДАДЫ"
)

# Every match of ENACTING begins with one of these (as written: the pattern is case-sensitive).
_ENACTING_STARTS = (
    "ШЕШІМ",
    "Шешім",
    "шешім",
    "ҚАУЛЫ",
    "Қаулы",
    "қаулы",
    "БҰЙЫРАМЫ",
    "ШЕШТІ",
    "ШЕШЕМІН",
    "ПОСТАНОВ",
    "ПРИКАЗЫВА",
    "РЕШИЛ",
    "РЕШАЮ",
    "ОБЯЗЫВАЮ",
)


def find_enacting(text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
    """``ENACTING.search(text, pos, endpos)``, trying the pattern only where one of its words begins
    (about six times faster over a whole text)."""
    return enacting_search(text, pos, endpos).search(pos)


def enacting_search(text: str, lo: int = 0, hi: int | None = None) -> WordSearch:
    """A :class:`~kglaw.parse.prefilter.WordSearch` of ENACTING in ``text[lo:hi]``, for several searches."""
    return WordSearch(ENACTING, text, _ENACTING_STARTS, lo=lo, hi=hi)


_META_KEYS = {
    # ru
    "статус": "status",
    "сведения об акте": "info",
    "номер группы регистрации": "adilet",
    "номер в государственном реестре": "registry",
    "номер в госреестре": "registry",
    "номер принятия акта": "number",
    "номер принятия": "number",
    "дата принятия": "date",
    "номер регистрации в мю": "reg_number",
    "номер государственной регистрации": "reg_number",
    "дата регистрации в мю": "reg_date",
    "дата государственной регистрации": "reg_date",
    "дата опубликования": "published",
    "источник опубликования": "source",
    "история изменений": "history",
    "дата вступления в силу": "in_force_date",
    "дата утраты силы": "repeal_date",
    "вид акта": "kind",
    "орган, принявший акт": "organ",
    # kk
    "мәртебесі": "status",
    "актінің мәртебесі": "status",
    "акт туралы мәліметтер": "info",
    "актінің сипаттамасы": "info",
    "бірегей нөмір": "adilet",
    "тіркеу тобының нөмірі": "adilet",
    "мемлекеттік тізілімдегі нөмірі": "registry",
    "мемлекеттік тізілім нөмірі": "registry",
    "актіні қабылдау нөмірі": "number",
    "қабылдау нөмірі": "number",
    "қабылданған күні": "date",
    "қабылдау күні": "date",
    "әм тіркеу нөмірі": "reg_number",
    "әм-де тіркеу нөмірі": "reg_number",
    "мемлекеттік тіркеу нөмірі": "reg_number",
    "әм тіркеу күні": "reg_date",
    "мемлекеттік тіркеу күні": "reg_date",
    "әм-де тіркелген күні": "reg_date",
    "жарияланған күні": "published",
    "өзгерістер тарихы": "history",
    "қолданысқа енгізілген күні": "in_force_date",
    "күші жойылған күні": "repeal_date",
}
_META_ALT = "|".join(sorted((re.escape(k) for k in _META_KEYS), key=len, reverse=True))
_META_RE = re.compile(r"(?<![\w-])(?P<k>" + _META_ALT + r")\s*:\s*", re.IGNORECASE)
# The same key, ending at a colon: tried only where the text has a colon (cheap on long texts).
_META_BEFORE_COLON = re.compile(r"(?<![\w-])(?P<k>" + _META_ALT + r")\s*$", re.IGNORECASE)
_SPACES_AFTER = re.compile(r"\s*")
# A key that opens a line of a copied table, without a colon ("Статус\tДействующий" → "Статус Действующий").
_META_LINE = re.compile(r"^(?P<k>" + _META_ALT + r")(?:\s+|$)", re.IGNORECASE)
_STATUS_VALUE = re.compile(
    r"^\s*(?:" + "|".join(sorted((re.escape(w) for w in STATUS_WORDS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


class _KeyMatch:
    """A metadata key found before a colon: the parts of ``re.Match`` that read_metadata uses."""

    def __init__(self, key: str, start: int, end: int) -> None:
        self._key, self._start, self._end = key, start, end

    def group(self, _name: str) -> str:
        return self._key

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _meta_keys(t: str, lo: int, hi: int) -> list[_KeyMatch]:
    out = []
    pos = t.find(":", lo, hi)
    while pos != -1:
        m = _META_BEFORE_COLON.search(t, max(lo, pos - 45), pos)
        if m:
            after = _SPACES_AFTER.match(t, pos + 1)
            out.append(_KeyMatch(m.group("k"), m.start(), after.end() if after else pos + 1))
        pos = t.find(":", pos + 1, hi)
    return out


def _meta_keys_in_cells(j: Joined, seen: set[int]) -> list[_KeyMatch]:
    """Keys written without a colon, as a copied table writes them: the key alone on its line with the
    value on the next (``Номер группы регистрации`` / ``V09A0002551``), or the key and the value in two
    cells of one line (``Статус Действующий``). Single-word keys (``Статус``) count only before a status
    word, so that the word in running text is never read as a key."""
    t = j.text
    out: list[_KeyMatch] = []
    n = len(j.starts)
    for idx, s in enumerate(j.starts):
        if s in seen or (n > 400 and 200 <= idx < n - 200):
            continue
        e = j.starts[idx + 1] - 1 if idx + 1 < n else len(t)
        line = t[s:e]
        m = _META_LINE.match(line)
        if not m:
            continue
        key = m.group("k")
        rest = line[m.end() :]
        if " " not in key.strip() and not _STATUS_VALUE.match(rest or t[e + 1 : e + 40]):
            continue
        out.append(_KeyMatch(key, s, s + m.end() if rest else min(len(t), e + 1)))
    return out


_ADILET_URL = re.compile(r"adilet\.zan\.kz/(?:rus|kaz|eng)/docs/(?P<code>[A-Z]\d{2}[0-9A-Z_]{8})")
_REPORT_WORD = re.compile(
    r"^\s*(?:Аналитикалық|Талдамалық|Қорытынды|Жылдық|Аналитический|Итоговый|Годовой|Ежегодный)?\s*"
    r"(?:есеп|есебі|отч[её]т|баяндама|доклад)\s*$",
    re.IGNORECASE,
)
_YEAR_LINE = re.compile(r"(?:^|,\s*)(?P<y>(?:19|20)\d{2})\s*(?:жыл[ыы]?|ж\.|г\.|год|года)?\s*$")


@dataclass
class Header:
    """What the head of a document says about the document itself."""

    act: ActRef = field(default_factory=ActRef)
    registration: Registration | None = None
    status: Status = "unknown"
    status_span: Span | None = None
    status_raw: str | None = None
    end: int = 0  # offset in the joined text where the head ends
    identity: RefHit | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    history: list[ActRef] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)


def status_of(word: str) -> Status:
    """``Күшін жойған`` → ``repealed``; ``Действующий`` → ``in_force``; anything else ``unknown``."""
    return STATUS_WORDS.get(re.sub(r"\s+", " ", word.strip().lower().rstrip(".")), "unknown")


def read_metadata(j: Joined) -> tuple[dict[str, tuple[str, int, int]], list[ActRef], list[Warning_]]:
    """The key–value metadata block of a web copy: ``{key: (value, start, end)}``, the change history
    (``История изменений`` JSON) as amending acts, and warnings for what could not be read."""
    t = j.text
    # A web page carries its metadata block above or below the text of the act.
    if len(t) > 40000:
        found = _meta_keys(t, 0, 20000) + _meta_keys(t, len(t) - 20000, len(t))
    else:
        found = _meta_keys(t, 0, len(t))
    found = sorted(found + _meta_keys_in_cells(j, {k.start() for k in found}), key=lambda k: k.start())
    meta: dict[str, tuple[str, int, int]] = {}
    history: list[ActRef] = []
    warnings: list[Warning_] = []
    for i, m in enumerate(found):
        key = _META_KEYS[m.group("k").lower()]
        vstart = m.end()
        vend = found[i + 1].start() if i + 1 < len(found) else min(len(t), vstart + 400)
        if key == "history" and t[vstart : vstart + 1] == "[":
            try:
                data, used = json.JSONDecoder().raw_decode(t[vstart:])
                history = _history_refs(data, j, vstart, vstart + used)
                vend = vstart + used
            except ValueError as err:
                warnings.append(
                    Warning_(
                        f"change history is not valid JSON: {err}", j.span(vstart, vstart + 1), "metadata"
                    )
                )
        value = t[vstart:vend].strip(" ;,")
        if key != "info":
            value = value[:200]
        meta.setdefault(key, (value, m.start(), vend))
    return meta, history, warnings


def _history_refs(data: object, j: Joined, start: int, end: int) -> list[ActRef]:
    """Each entry of the adilet change history pairs a version date with the amending act."""
    out: list[ActRef] = []
    if not isinstance(data, list):
        return out
    span = j.span(start, end)
    for item in data:
        if not isinstance(item, dict):
            continue
        text = " ".join(str(item.get(k) or "") for k in ("requisites", "title"))
        sub = join_lines([text])
        hits = find_refs(sub)
        ref = hits[0].ref if hits else ActRef()
        if not (ref.date or ref.number or ref.title):
            continue
        vd = item.get("versionDate")
        if isinstance(vd, str):
            try:
                ref.effective_date = date.fromisoformat(vd[:10])
            except ValueError:
                ref.effective_date = parse_date(vd)
        reg = item.get("registryNumber")
        if isinstance(reg, str) and parse_adilet_code(reg):
            ref.adilet = reg
        ref.span = span
        out.append(ref)
    return out


def _header_limit(j: Joined) -> int:
    """The head is at most the first 60 joined lines or 6000 characters, and ends at the enacting formula."""
    limit = j.starts[60] if len(j.starts) > 60 else len(j.text)
    limit = min(limit, 6000)
    m = find_enacting(j.text, 0, limit)
    return m.start() if m else limit


def _is_identity(hit: RefHit, j: Joined, line_starts: set[int]) -> bool:
    """The act's own identity: a nominative act noun with a date or a number, opening its line, and
    (kk) closing its sentence — ``Қызылорда облыстық мәслихатының 2005 жылғы 20 желтоқсандағы № 245
    шешімі.``; ``Решение Кызылординского областного маслихата от 20 декабря 2005 года № 245``."""
    r = hit.ref
    if not (r.date or r.number) or hit.case != "nom":
        return False
    if hit.start not in line_starts and j.text[max(0, hit.start - 2) : hit.start] not in (". ", ": "):
        return False
    if hit.lang == "ru":
        return j.text[hit.start : hit.start + 1].isupper()
    after = j.text[hit.end : hit.end + 40]
    if r.type == "joint-act" and re.match(r"^\s*(?:және|и)\s", after):
        return True
    return bool(re.match(r"^\s*(?:[.;:]|$|[А-ЯӘІҢҒҮҰҚӨҺA-Z(])", after))


def read_header(lines: list[str], j: Joined, context: Issuer | None = None) -> Header:
    """Read the head of a document from its normalised lines and their joined view."""
    h = Header()
    limit = _header_limit(j)
    meta, history, warns = read_metadata(j)
    h.metadata = {k: v[0] for k, v in meta.items()}
    h.history = history
    h.warnings.extend(warns)

    # Status: a line of its own near the top, or the metadata "Статус:".
    for i, line in enumerate(lines[:120]):
        m = _STATUS_LINE.match(line)
        if m:
            h.status_raw = m.group("w").strip()
            h.status = status_of(h.status_raw)
            h.status_span = Span(i + 1, i + 1)
            break
    if h.status_raw is None and "status" in meta:
        value, s, e = meta["status"]
        word = re.match(r"[^\n:;.]+?(?=\s+(?:[А-ЯӘІҢҒҮҰҚӨҺ][а-я]|$)|$)", value)
        raw = (word.group(0) if word else value).strip()
        for w in sorted(STATUS_WORDS, key=len, reverse=True):
            if value.lower().startswith(w):
                raw = value[: len(w)]
                break
        h.status_raw = raw
        h.status = status_of(raw)
        h.status_span = j.span(s, e)

    # Identity line.
    hits = find_refs(j, context, 0, max(limit, 1))
    line_starts = set(j.starts)
    ident = next((x for x in hits if _is_identity(x, j, line_starts)), None)
    if ident is None:
        ident = next((x for x in (_kk_joint_first(x, j, line_starts, context) for x in hits) if x), None)
    official = None
    if ident is None and not meta:
        official = _official_identity(lines, j, context)
        ident = official[0] if official else None
    if ident is not None:
        h.identity = ident
        h.act = ident.ref
        h.end = ident.end
        if ident.ref.type == "joint-act":
            _joint(h, ident, j)
    elif meta:
        _from_metadata(h, meta, j)
    if "adilet" in meta:
        code = re.match(r"[A-Z]\d{2}[0-9A-Z_]{8}", meta["adilet"][0].strip())
        if code:
            h.act.adilet = code.group(0)
    if h.act.adilet is None:
        codes = {m.group("code") for m in _ADILET_URL.finditer(j.text[: limit + 2000])}
        if len(codes) == 1:
            h.act.adilet = codes.pop()

    # Registration with a justice body.
    if ident is not None:
        _registration(h, j, ident.end)
    if h.registration is None and ("reg_number" in meta or "reg_date" in meta):
        num = meta.get("reg_number", ("", 0, 0))[0]
        numm = re.match(r"\d[\w/-]*", num)
        rd = meta.get("reg_date", ("", 0, 0))[0]
        where = meta.get("reg_number") or meta.get("reg_date")
        h.registration = Registration(
            number=numm.group(0) if numm else None,
            date=parse_date(rd) if rd else None,
            span=j.span(where[1], where[2]) if where else None,
        )

    # Title: the lines right above the identity line (below it, in the official layout).
    if official is not None:
        _official_title(h, lines, j, official[1])
    elif ident is not None and ident.ref.span:
        _title_above(h, lines, ident.ref.span.start)
        if h.act.title is None:
            _title_below(h, lines, j)
    elif h.act.type is None:
        _report(h, lines, j)
    return h


# The official layout of a signed act (the blank of the Government, a ministry, a maslikhat): the kind
# and the body on a line, the date and number on the next, the place, then the title —
#   Қазақстан Республикасы Үкіметінің қаулысы / 2021 жылғы 29 желтоқсандағы № 960 / Нұр-Сұлтан, Үкімет Үйі
#   ПОСТАНОВЛЕНИЕ ПРАВИТЕЛЬСТВА РЕСПУБЛИКИ КАЗАХСТАН / от 29 декабря 2021 года № 960 / Нур-Султан, …
_DATE_NUMBER_LINE = re.compile(
    rf"^\s*(?P<ot>от\s+)?(?P<d>{DATE})\s*(?:года|г\.)?\s*(?:№|N)\s*(?P<n>\S+(?:\s+\S+){{0,2}})\s*$",
    re.IGNORECASE,
)
_KIND_LAST_KK = re.compile(
    r"^(?P<body>.+?)\s+(?P<noun>(?:бірлескен\s+)?(?:қаулысы|шешімі|бұйрығы|жарлығы|өкімі|заңы))\s*$",
    re.IGNORECASE,
)
# The place under the date: "Нұр-Сұлтан, Үкімет Үйі", "Астана қаласы", "г. Кызылорда", "Ақорда".
_STATE_RU = re.compile(r"республики\s+казахстан", re.IGNORECASE)
_PLACE_LINE = re.compile(
    r"^\s*(?:(?:г|қ)\.\s*)?[А-ЯӘІҢҒҮҰҚӨҺ][\w-]+(?:\s+[А-ЯӘІҢҒҮҰҚӨҺ][\w-]+)?(?:\s+(?:қаласы|қ\.))?"
    r"(?:\s*,\s*(?:Үкімет\s+Үйі|Дом\s+Правительства|Ақорда|Акорда))?\s*$"
)


def _official_identity(lines: list[str], j: Joined, context: Issuer | None) -> tuple[RefHit, int] | None:
    """The identity of an act in the official layout (see above), read as the identity line the two
    lines make in the usual order, and the index of its date line: ``(hit, line)``, or None."""
    for i in range(min(len(lines), 25)):
        dm = _DATE_NUMBER_LINE.match(lines[i])
        if not dm:
            continue
        k = i - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        if k < 0 or len(lines[k].strip()) > 160:
            return None
        first = k - 1 if k > 0 and lines[k - 1].strip() and len(lines[k - 1].strip()) < 40 else k
        kind = " ".join(lines[x].strip() for x in range(first, k + 1))
        date_line = lines[i].strip()
        kk = _KIND_LAST_KK.match(kind)
        if kk:
            text = f"{kk.group('body')} {date_line} {kk.group('noun').lower()}"
        else:
            caps = kind.isupper()
            if caps:  # "ПОСТАНОВЛЕНИЕ ПРАВИТЕЛЬСТВА РЕСПУБЛИКИ КАЗАХСТАН"
                kind = _STATE_RU.sub("Республики Казахстан", kind[:1] + kind[1:].lower())
            text = f"{kind} {'' if dm.group('ot') else 'от '}{date_line}"
        hit = next(
            (
                x
                for x in find_refs(join_lines([text]), context)
                if x.case == "nom" and x.ref.date and x.ref.number
            ),
            None,
        )
        if hit is None:
            return None
        ref = hit.ref
        if not kk and caps and ref.issuer is not None and ref.issuer.level != "republican":
            # a local body's name was in capitals: its case is not known, its label is not stated
            ref.issuer = replace(ref.issuer, label=None)
        ref.span = Span(first + 1, i + 1)
        start = j.offset_of_line(first + 1)
        end = j.offset_of_line(i + 2) - 1 if i + 1 < len(lines) else len(j.text)
        end = max(start, min(end, len(j.text)))
        return RefHit(ref, start, end, start, end, "nom", hit.lang, hit.issuer_raw), i
    return None


def _official_title(h: Header, lines: list[str], j: Joined, date_line: int) -> None:
    """The title under the date line and the place of the official layout; the head ends after it."""
    i = date_line + 1
    while i < len(lines) and (not lines[i].strip() or _PLACE_LINE.match(lines[i])):
        i += 1
    block: list[int] = []
    while i < len(lines) and lines[i].strip() and len(block) < 6 and not lines[i].startswith("      "):
        block.append(i)
        i += 1
    text = strip_edition_note(re.sub(r"\s+", " ", " ".join(lines[k].strip() for k in block)).strip())
    if block and _TITLE_FORM.search(text) and not find_enacting(text) and len(text) < 600:
        h.act.title = text
        h.act.title_lang = _lang_of(text)
        if h.act.span is not None:
            h.act.span = Span(h.act.span.start, block[-1] + 1)
        h.end = max(
            h.end,
            min(
                len(j.text),
                j.offset_of_line(block[-1] + 2) - 1 if block[-1] + 1 < len(lines) else len(j.text),
            ),
        )


# "X министрінің 2023 жылғы 15 наурыздағы № 85 және Y министрінің 2023 жылғы 16 наурыздағы № 41 бірлескен
# бұйрығы.": the part before "және" (the first body, its date and number) opens the line.
_KK_JOINT_FIRST = re.compile(r"^(?P<first>\S.*?\s(?:№|N)\s*\S+)\s+және\s*$")


def _kk_joint_first(hit: RefHit, j: Joined, line_starts: set[int], context: Issuer | None) -> RefHit | None:
    """The identity of a Kazakh joint act of two bodies that each state their date and number: the first
    body's act, read as if the line named it alone (a joint act keeps the first, as :func:`_joint`)."""
    if hit.lang != "kk" or hit.ref.type != "joint-act" or hit.case != "nom":
        return None
    line = j.line_of(hit.start)
    start = j.offset_of_line(line)
    if start not in line_starts or not 0 < hit.start - start < 400:
        return None
    m = _KK_JOINT_FIRST.match(j.text[start : hit.start])
    if m is None or not re.match(r"^\s*(?:[.;:]|$)", j.text[hit.end : hit.end + 3]):
        return None
    noun = j.text[hit.noun_start : hit.noun_end]
    first = next(
        (x for x in find_refs(join_lines([f"{m.group('first')} {noun}"]), context) if x.case == "nom"),
        None,
    )
    if first is None or first.ref.type != "joint-act" or not (first.ref.date and first.ref.number):
        return None
    ref = first.ref
    ref.span = j.span(start, hit.end)
    # (the offsets of the reference that names the second body: its number is this act's own, not a citation)
    return RefHit(ref, hit.start, hit.end, hit.noun_start, hit.noun_end, "nom", "kk", first.issuer_raw)


def _joint(h: Header, ident: RefHit, j: Joined) -> None:
    """A joint act of an akimat and a maslikhat names both bodies and both numbers; keep the first."""
    iss = h.act.issuer
    if iss is not None and iss.kind != "joint":
        tail = j.text[ident.start : ident.end + 200]
        if re.search(r"мәслихат|маслихат", tail, re.IGNORECASE) and re.search(
            r"әкімдіг|акимат", tail, re.IGNORECASE
        ):
            region = iss.region
            key = f"{region}-oblast-akimat-and-maslikhat" if iss.level == "oblast" else iss.key
            h.act.issuer = Issuer(
                key=key,
                label=iss.label,
                kind="joint",
                level=iss.level,
                region=region,
                district=iss.district,
                span=iss.span,
            )


_REG_VERB_KK = re.compile(r"(?:болып\s+)?(?:мемлекеттік\s+)?тіркел(?:ді|ген)")
_REG_VERB_RU = re.compile(r"Зарегистрирован[аоы]?\b", re.IGNORECASE)
_REG_TAIL_KK = re.compile(
    rf"(?:(?P<date>{DATE})[а-яәіңғүұқөһ]*\s*)?(?:(?:№\s*)?(?P<num>\d[\w/-]*)\s*)?(?:нөмірі?мен\s*)?$",
    re.IGNORECASE,
)
_REG_AFTER_RU = re.compile(
    rf"\s*(?P<body>[^0-9№]{{0,160}}?)\s*(?:(?P<date>{DATE})\s*(?:года\s*)?)?(?:за|под)?\s*(?:№|номером)\s*"
    rf"(?P<num>\d[\w/-]*)",
    re.IGNORECASE,
)


def _registration(h: Header, j: Joined, start: int) -> None:
    """``<justice body> <date> № <number> (болып) тіркелді`` / ``Зарегистрировано <body> <date> № <number>``."""
    t = j.text
    window = t[start : start + 400]
    cut = re.search(r"Күші\s+жойылды|Утратил|Ескерту|Сноска", window)
    if cut:
        window = window[: cut.start()]
    body_raw = date_s = num = None
    s = e = 0
    rv = _REG_VERB_RU.search(window)
    if rv:
        m = _REG_AFTER_RU.match(window, rv.end())
        if m:
            body_raw, date_s, num = m.group("body"), m.group("date"), m.group("num")
            s, e = rv.start(), m.end()
    if num is None:
        kv = _REG_VERB_KK.search(window)
        if kv:
            before = window[: kv.start()]
            m = _REG_TAIL_KK.search(before[-90:])
            if m and (m.group("num") or m.group("date")):
                date_s, num = m.group("date"), m.group("num")
                head = before[: len(before) - len(before[-90:]) + m.start()]
                body_raw = re.split(r"[.;]\s+", head.strip(" ."))[-1]
                s, e = max(0, len(head) - len(body_raw) - 1), kv.end()
    if not (num or date_s):
        return
    body_raw = (body_raw or "").strip(" .,")
    label, key = resolve_justice_body(body_raw) if body_raw else (None, None)
    d = parse_date(date_s) if date_s else None
    number = clean_number("№" + num) if num else None
    h.registration = Registration(
        number=number, date=d, body=label or None, body_key=key, span=j.span(start + s, start + e)
    )
    h.end = max(h.end, start + e)


_NOT_TITLE = re.compile(
    r"^\s*(?:[Уу]тратил[оаи]?\s+силу|Күші\s+жойылды|Ескерту|Сноска|Примечание|РҚАО|ИЗПИ|РЦПИ|ЗҚАИ|"
    r"[A-Z]\d{2}[0-9A-Z_]{8}\s*$)"
)


def _skip(line: str) -> bool:
    """Lines between a title and the identity line that are not the title: status words, metadata,
    editorial notes, an adilet code."""
    return bool(_STATUS_LINE.match(line) or _META_RE.match(line.strip()) or _NOT_TITLE.match(line))


def _continues(upper: str, lower: str) -> bool:
    """``lower`` continues ``upper`` as one title: it starts in lower case (a hard wrap inside a
    phrase), or ``upper`` is a long line cut before a capitalised name."""
    lo = lower.strip()
    up = upper.strip()
    if not lo[:1].isupper():
        return True
    return len(up) >= 50 and not re.search(r"[.;:!?]$", up)


def _title_above(h: Header, lines: list[str], ident_line: int) -> None:
    i = ident_line - 2
    while i >= 0 and (not lines[i].strip() or _skip(lines[i])):
        i -= 1
    block: list[int] = []
    while i >= 0 and lines[i].strip() and not _skip(lines[i]) and len(block) < 8:
        if block and not _continues(lines[i], lines[block[-1]]):
            break  # a short line of its own above the title: a menu item of a web page, not the title
        block.append(i)
        i -= 1
    if not block:
        return
    block.reverse()
    text = " ".join(lines[k].strip() for k in block)
    text = strip_edition_note(re.sub(r"\s+", " ", text).strip())
    if len(text) < 4 or ENACTING.search(text):
        return
    h.act.title = text
    h.act.title_lang = _lang_of(text)
    h.act.span = Span(block[0] + 1, h.act.span.end if h.act.span else block[-1] + 1)


# A mirror's note on the edition it shows, after the title: "(с изменениями и дополнениями по состоянию
# на 22.03.2023 г.)", "(2023.22.03. берілген өзгерістермен)", "(… өзгерістер мен толықтырулармен)".
_EDITION_NOTE = re.compile(
    r"\s*\((?:с\s+изменениями|с\s+дополнениями|[^()]{0,60}?өзгерістер(?:і)?(?:мен|\s+мен\s+толықтырулармен))[^()]*\)\s*$",
    re.IGNORECASE,
)


def strip_edition_note(title: str) -> str:
    """The title without a mirror's note on the edition it shows.

    >>> strip_edition_note("Об утверждении Правил (с изменениями и дополнениями по состоянию на 22.03.2023 г.)")
    'Об утверждении Правил'
    """
    return _EDITION_NOTE.sub("", title) if "(" in title else title


_TITLE_FORM = re.compile(
    r"(?:туралы|жөнінде)\s*$|^(?:О|Об|Об утверждении|О внесении|О признании)\s", re.IGNORECASE
)


def _title_below(h: Header, lines: list[str], j: Joined) -> None:
    first = j.line_of(h.end) if h.end else (h.act.span.end if h.act.span else 1)
    i = first
    while i < len(lines) and (not lines[i].strip() or _skip(lines[i])):
        i += 1
    block: list[int] = []
    while i < len(lines) and lines[i].strip() and len(block) < 6:
        if block and (lines[i].startswith("      ") or find_enacting(lines[i])):
            break  # the preamble or the enacting formula: adilet indents the body, the title it does not
        block.append(i)
        i += 1
    text = strip_edition_note(re.sub(r"\s+", " ", " ".join(lines[k].strip() for k in block)).strip())
    if block and _TITLE_FORM.search(text) and not ENACTING.search(text) and len(text) < 600:
        h.act.title = text
        h.act.title_lang = _lang_of(text)


def _lang_of(text: str) -> str:
    return "kk" if re.search(r"[әіңғүұқөһӘІҢҒҮҰҚӨҺ]", text) else "ru"


def _from_metadata(h: Header, meta: dict[str, tuple[str, int, int]], j: Joined) -> None:
    """No identity line (a page whose text is missing): read type, date and number from the metadata."""
    if "date" in meta:
        h.act.date = parse_date(meta["date"][0])
    if "number" in meta:
        num = re.match(r"[№N]?\s*(\d[\w/-]*)", meta["number"][0])
        if num:
            h.act.number = clean_number("№" + num.group(1))
    code = parse_adilet_code(meta.get("adilet", ("", 0, 0))[0].strip()[:11]) if "adilet" in meta else None
    if code:
        h.act.type = {"K": "code", "Z": "law", "P": "resolution", "R": "order", "U": "decree"}.get(
            code["kind"]
        )
        if code["kind"] == "P":
            h.act.issuer = Issuer(key="government", kind="government", level="republican")
        elif code["kind"] == "U":
            h.act.issuer = Issuer(key="president", kind="president", level="republican")
        elif code["kind"] == "R":
            h.act.issuer = Issuer(key="prime-minister", kind="prime-minister", level="republican")
    spans = [v for k, v in meta.items() if k in ("date", "number", "adilet")]
    if spans:
        h.act.span = j.span(min(s for _, s, _ in spans), max(e for _, _, e in spans))


def _report(h: Header, lines: list[str], j: Joined) -> None:
    """A document that is not an act: an analytical report, read from its title page.

    The title is the first block of the title page down to the line naming the kind of document
    (``Аналитикалық есеп``); the author is the organisation named in it (``«Қорған-М» Қоғамдық
    Бірлестігінің``); the date is stated only as a year (``Қазақстан Республикасы, 2023 жылы``), so
    ``date`` stays None and ``year`` is set.
    """
    nonblank = [i for i, line in enumerate(lines[:400]) if line.strip()]
    kind_at = next((i for i in nonblank[:30] if _REPORT_WORD.match(lines[i])), None)
    if kind_at is None:
        return
    first = nonblank[0]
    # the title block: non-blank lines from the first one down to the kind line, blank lines allowed
    block = [i for i in nonblank if first <= i <= kind_at]
    text = re.sub(r"\s+", " ", " ".join(lines[i].strip() for i in block)).strip(" ,")
    if len(block) > 12 or ENACTING.search(text) or "№" in text:
        return  # a cell of a table ("есеп" as a form of completion), not a title page
    h.act.type = "report"
    h.act.title = text
    h.act.title_lang = _lang_of(text)
    h.act.span = Span(first + 1, kind_at + 1)
    org = None
    for i in block:
        org = organisation_issuer(lines[i])
        if org:
            org.span = Span(i + 1, i + 1)
            break
    h.act.issuer = org
    # the year: a line of the title page that ends in a year, before the table of contents
    for i in nonblank:
        if i <= kind_at:
            continue
        if re.match(r"^\s*(?:Мазмұны|Содержание|Кіріспе|Введение|I\.)", lines[i]):
            break
        m = _YEAR_LINE.search(lines[i].strip())
        if m and len(lines[i].strip()) < 60:
            h.act.year = int(m.group("y"))
            h.act.span = Span(h.act.span.start, i + 1) if h.act.span else Span(i + 1, i + 1)
            break
    h.end = j.offset_of_line(kind_at + 2)
