"""The programme a programme continues: ``kgl:succeeds``, as the programme's own text states it.

A programme text says what came before it in one of a few sentences (Kazakh and Russian):

- **continuation**: ``Осы Бағдарлама <X> бағдарламасының жалғасы болып табылады`` (``… жалғасы
  ретінде әзірленді``), ``… <X> бағдарламасын жалғастырады``; ``Настоящая Программа является
  продолжением <X>``, ``Программа продолжает <X>``, ``Программа разработана в продолжение <X>``;
- **implemented before this one**: ``Осы Бағдарлама қабылданғанға дейін <X> бағдарламасы іске асырылды``
  (seed 000, L109–110), ``… аяқталды``; ``До принятия настоящей Программы реализовывалась <X>``.

Only a sentence that names *this* document (``осы``/``бұл`` Бағдарлама, ``настоящая``/``данная``
Программа, or the bare subject ``Бағдарлама``/``Программа`` of a continuation) is read: a history of
earlier programmes (``… 2002 – 2005 жылдарға және 2006 – 2008 жылдарға арналған үкіметтік бағдарламалары
іске асырылды``, seed 004 L134) says nothing about succession and is left alone.

What is read: the predecessor's name as written (its head noun put in the nominative: ``бағдарламасының``
→ ``бағдарламасы``, ``Программы`` → ``Программа``), its period as written (``2002-2005 жылдарға``, ``на
2018 – 2020 годы``, ``2025 жылға дейінгі``) with the years it states, and the act that approved it when
the sentence cites one (``… № 150 шешімімен бекітілген``, ``утвержденной решением … № 150``). Nothing else
is guessed: an "oblast programme" names no oblast, so the predecessor gets no issuer.
"""

from __future__ import annotations

import re

from kglaw.model import ActRef, Document, ProgrammeRef, Span

from .concept import _joined  # lines joined, with each character's line

__all__ = ["find_predecessors", "nominative_title"]

_KK_HEAD = r"(?:бағдарлама|жоспар|тұжырымдама|стратегия)"
_RU_HEAD = r"(?:[Пп]рограмм|[Пп]лан|[Кк]онцепци|[Сс]тратеги)"
_THIS_KK = r"(?:(?:[Оо]сы|[Бб]ұл)\s+)?(?:[Бб]ағдарлама|[Жж]оспар|[Тт]ұжырымдама)(?:\s*\([^)]*\))?"
_THIS_RU = r"(?:(?:[Нн]астоящая|[Дд]анная|[Нн]астоящий|[Дд]анный)\s+)?(?:[Пп]рограмма|[Пп]лан|[Кк]онцепция)"

#: A character inside one sentence: not a full stop or a semicolon, except the dot of a date
#: ("12.12.2017") or of an abbreviation before more words ("2017 г. № 150", "2017 ж. 12 желтоқсандағы").
_IN = r"(?:[^.;]|(?<=\d)\.(?=\d)|(?<=\s[гж])\.(?=\s*[\w№])|(?<=\sгг)\.(?=\s*[\w№,]))"

#: (kind of statement, pattern with a group ``x`` for the predecessor's words)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "continuation",
        re.compile(
            rf"(?<![\w-]){_THIS_KK}\s+(?P<x>{_IN}{{5,400}}?{_KK_HEAD}(?:(?:сы|сі|ы|і)(?:ның|нің|н)|ның|нің|дың|дің))\s+"
            r"(?:логикалық\s+)?(?:жалғасы\s+болып\s+табылады|жалғастырады|жалғасы\s+болады|"
            r"жалғасы\s+ретінде\s+(?:әзірленді|әзірленген))"
        ),
    ),
    (
        "before",
        re.compile(
            rf"(?<![\w-])(?:[Оо]сы|[Бб]ұл)\s+(?:[Бб]ағдарлама|[Жж]оспар|[Тт]ұжырымдама)(?:ны|ға)?\s+"
            r"(?:қабылданғанға|әзірленгенге|бекітілгенге)\s+дейін\s*,?\s+"
            rf"(?P<x>{_IN}{{5,400}}?{_KK_HEAD}(?:сы|сі|ы|і|лары|лері)?)\s+"
            r"(?:іске\s+асырылды|іске\s+асырылған|жүзеге\s+асырылды|аяқталды|қолданылды|әрекет\s+етті)"
        ),
    ),
    (
        "continuation",
        re.compile(
            rf"(?<![\w-]){_THIS_RU}\s+(?:является\s+(?:логическим\s+)?продолжением|продолжает(?:\s+реализацию)?|"
            r"разработан[аоы]?\s+в\s+продолжение)\s+"
            rf"(?P<x>{_IN}{{0,200}}?{_RU_HEAD}[а-я]*{_IN}{{0,300}})(?=\s*[.;]|\s*$)"
        ),
    ),
    (
        "before",
        re.compile(
            r"(?<![\w-])[Дд]о\s+(?:принятия|утверждения)\s+(?:настоящей|данной|настоящего|данного)\s+"
            r"(?:[Пп]рограммы|[Пп]лана|[Кк]онцепции)\s*,?\s+"
            r"(?:(?:реализовывал[аи]?сь|была\s+реализована|был\s+реализован|действовал[аи]?|реализовался|"
            r"реализована|выполнялась)\s+)"
            rf"(?P<x>{_IN}{{0,200}}?{_RU_HEAD}[а-я]*{_IN}{{0,300}})(?=\s*[.;]|\s*$)"
        ),
    ),
]

# The approving act inside the predecessor's words: "… № 150 шешімімен бекітілген <title>" (kk, before the
# title) or "<title>, утвержденной решением … № 150" (ru, after it).
_KK_APPROVED = re.compile(
    r"^(?P<act>.{0,250}?(?:№|N)\s*[\w/-]+\s*\S*(?:мен|пен|бен)\s+)бекітілген\s+(?P<title>\S.*)$"
)
_RU_APPROVED = re.compile(r"^(?P<title>.+?)\s*,?\s+утвержденн\w*\s+(?P<act>.+)$", re.IGNORECASE)

_PERIOD_KK = re.compile(
    r"(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})\s*(?:жылдар\w*|жж\.)"
    r"|(?P<to>(?:19|20)\d{2})\s*жылға\s+дейінгі"
)
_PERIOD_RU = re.compile(
    r"на\s+(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})\s*(?:годы|гг\.)"
    r"|до\s+(?P<to>(?:19|20)\d{2})\s*года"
)


def nominative_title(words: str, language: str) -> str:
    """The predecessor's name with its head noun (and the adjectives just before it, in Russian) in
    the nominative; everything else as written.

    >>> nominative_title("Мүгедектерді оңалтудың 2002-2005 жылдарға арналған облыстық бағдарламасының", "kk")
    'Мүгедектерді оңалтудың 2002-2005 жылдарға арналған облыстық бағдарламасы'
    >>> nominative_title("областной программы реабилитации инвалидов на 2002-2005 годы", "ru")
    'областная программа реабилитации инвалидов на 2002-2005 годы'
    """
    words = re.sub(r"\s+", " ", words).strip(" ,:")
    if language == "kk":
        words = re.sub(rf"({_KK_HEAD}(?:сы|сі|ы|і))(?:ның|нің|н)$", r"\1", words)
        return re.sub(rf"({_KK_HEAD})(?:ның|нің|дың|дің)$", r"\1", words)
    m = re.search(rf"\b(?P<head>{_RU_HEAD})(?P<end>ы|и|а)\b", words)
    if not m:
        return words
    head = m.group("head")
    nom = head + (
        "а"
        if head.lower().endswith("программ")
        else "я"
        if head.lower().endswith("ци") or head.lower().endswith("теги")
        else ""
    )
    before = words[: m.start()]
    # adjectives in the genitive just before the head: "-ой" → "-ая" (feminine), "-ого" → "-ый"
    fem = nom.endswith(("а", "я"))

    def adj(mm: re.Match[str]) -> str:
        stem, end = mm.group(1), mm.group(2)
        if fem:
            return stem + ({"ой": "ая", "ей": "яя"}[end] if end in ("ой", "ей") else end)
        return stem + ({"ого": "ый", "его": "ий"}.get(end, end))

    tail_adj = re.search(r"((?:\S+(?:ой|ей|ого|его)\s+)+)$", before)
    if tail_adj:
        fixed = re.sub(r"(\S+?)(ой|ей|ого|его)(?=\s)", adj, tail_adj.group(1))
        before = before[: tail_adj.start()] + fixed
    return before + nom + words[m.end() :]


def _period(title: str, language: str) -> tuple[str | None, int | None, int | None]:
    m = (_PERIOD_KK if language == "kk" else _PERIOD_RU).search(title)
    if not m:
        return None, None, None
    if m.group("to"):
        return m.group(0), None, int(m.group("to"))
    a, b = int(m.group("a")), int(m.group("b"))
    return (m.group(0), a, b) if a <= b else (m.group(0), None, None)


def _kind(title: str) -> str:
    low = title.lower()
    if re.search(r"тұжырымдама|концепци", low):
        return "concept"
    if re.search(r"бағдарлама|программ", low):
        return "programme"
    return "plan"


def find_predecessors(
    lines: list[str], start: int, end: int, doc: Document, language: str | None = None
) -> list[ProgrammeRef]:
    """The programmes ``lines[start:end]`` (one programme's text) says it continues or follows.

    The approving act of a predecessor is the act the citation reader found inside the sentence
    (``doc.cites``/``doc.based_on``), when there is one."""
    language = language or doc.language or "kk"
    text, owner = _joined(lines, start, end)
    out: list[ProgrammeRef] = []
    seen: set[str] = set()
    cited = [r for r in (*doc.cites, *doc.based_on) if r.span is not None]
    for _, rx in _PATTERNS:
        for m in rx.finditer(text):
            words = m.group("x")
            lang = "kk" if re.search(r"[әіңғүұқөһӘІҢҒҮҰҚӨҺ]", words) else "ru"
            approving_words = None
            am = (_KK_APPROVED if lang == "kk" else _RU_APPROVED).match(words)
            if am:
                approving_words = am.group("act")
                words = am.group("title")
            title = nominative_title(words, lang)
            if not title or title in seen:
                continue
            seen.add(title)
            span = Span(owner[m.start()] + 1, owner[m.end() - 1] + 1)
            raw_period, a, b = _period(title, lang)
            ref = ProgrammeRef(
                title=title,
                kind=_kind(title),
                period_start=a,
                period_end=b,
                period_raw=raw_period,
                span=span,
            )
            if approving_words is not None:
                ref.approved_by = _approving_act(cited, span)
            out.append(ref)
    return out


def _approving_act(cited: list[ActRef], span: Span) -> ActRef | None:
    """The act cited inside the succession sentence's lines (with a date or a number), if any."""
    for r in cited:
        assert r.span is not None
        if span.start <= r.span.start and r.span.end <= span.end and (r.date or r.number):
            return r
    return None
