"""What the parsers read, as plain data. Parsers return these; ``build`` turns them into RDF.

Every extracted value that comes from a text carries a :class:`Span` (1-based, inclusive line numbers
of the *original* file), so that every fact in the graph keeps its provenance.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

__all__ = [
    "Span",
    "Warning_",
    "Issuer",
    "Registration",
    "ActRef",
    "Executor",
    "Deadline",
    "Amount",
    "Measure",
    "Indicator",
    "Section",
    "Programme",
    "ProgrammeRef",
    "Provision",
    "AmendmentOperation",
    "Citation",
    "Document",
    "Status",
    "Addressee",
    "Reporting",
    "EntryIntoForce",
    "OperativeProvision",
    "Signatory",
    "OperativePart",
    "Passage",
]

Status = Literal["in_force", "repealed", "unknown"]


@dataclass(frozen=True, order=True)
class Span:
    """Lines ``start``–``end`` (1-based, inclusive) of the original source file."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 1 or self.end < self.start:
            raise ValueError(f"bad span {self.start}-{self.end}")

    def __str__(self) -> str:
        return f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"

    def union(self, other: Span | None) -> Span:
        if other is None:
            return self
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass
class Warning_:
    """Something a parser could not read cleanly. Reported, never silently dropped."""

    message: str
    span: Span | None = None
    code: str = "warning"

    def __str__(self) -> str:
        return f"line {self.span}: {self.message}" if self.span else self.message


@dataclass
class Issuer:
    """The body that adopted an act, as read from the text.

    ``key`` is the agency slug (e.g. ``kyzylorda-oblast-maslikhat``, ``government``); ``label`` the words
    of the text in the nominative where the parser can form it. ``kind`` is the body type: maslikhat,
    akimat, government, president, parliament, ministry, national-bank, prime-minister, court, other.
    ``level`` is republican, oblast, city or district; ``region`` the slug of the oblast or city.
    """

    key: str
    label: str | None = None
    kind: str | None = None
    level: str | None = None
    region: str | None = None
    district: str | None = None
    span: Span | None = None


@dataclass
class Registration:
    """Registration of an act with a justice body (Әділет / Юстиция)."""

    number: str | None = None
    date: _dt.date | None = None
    body: str | None = None  # label of the registering body, as in the text
    body_key: str | None = None  # agency slug, where it can be formed
    span: Span | None = None


@dataclass
class ActRef:
    """An act, as one text names it: the document itself, or an act it cites.

    Any field the text does not state stays ``None``. ``type`` is a ``skos:notation`` of the doctype
    scheme (``law``, ``code``, ``decree``, ``resolution``, ``decision``, ``order`` …).
    """

    type: str | None = None
    issuer: Issuer | None = None
    date: _dt.date | None = None
    number: str | None = None
    title: str | None = None
    title_lang: str | None = None
    adilet: str | None = None
    effective_date: _dt.date | None = None  # for a repeal or amendment: when it takes effect
    pinpoint: str | None = None  # "27 бап", "пункт 2 статьи 18" — the unit the citation points at
    span: Span | None = None
    iri: str | None = None  # set by identity resolution
    year: int | None = None  # when the text states only the year (a report "2023 жылы"); date stays None
    # for a ratification law ("… Конвенцияны ратификациялау туралы", "О ратификации …"): the convention or
    # treaty its title names
    ratifies: ActRef | None = None


@dataclass
class Executor:
    """One executor of a measure, as written in its cell, before resolution to an agency."""

    raw: str
    by_agreement: bool = False  # "келісу бойынша" / "по согласованию"
    span: Span | None = None
    agency: str | None = None  # agency IRI, set by resolution; None when unresolved


@dataclass
class Deadline:
    """A deadline normalised to an interval ``start``–``end`` (inclusive), keeping the raw text.

    ``kind``: year, half-year, quarter, month, date, span, annual, semiannual, permanent or unknown.
    """

    raw: str
    start: date | None = None
    end: date | None = None
    kind: str = "unknown"


@dataclass
class Amount:
    """Money as written: a non-negative decimal, a unit (e.g. ``mln KZT``), an optional year."""

    value: Decimal
    unit: str
    year: int | None = None
    source: str | None = None  # funding source this amount belongs to, where the row splits it
    raw: str | None = None
    span: Span | None = None


@dataclass
class Measure:
    """One row of an action plan."""

    number: str
    name: str
    section: str | None = None  # the key of the Section it belongs to
    form: str | None = None  # form of completion
    executors: list[Executor] = field(default_factory=list)
    deadline: Deadline | None = None
    funding_source: str | None = None
    amounts: list[Amount] = field(default_factory=list)
    span: Span | None = None
    incomplete: bool = False  # the text cuts the row off
    notes: list[str] = field(default_factory=list)
    cites: list[ActRef] = field(default_factory=list)
    cost_raw: str | None = None  # the cost cell as written ("Шығындарды қажет етпейді", "2006ж - 70,5")
    funding_required: bool | None = None  # False: the row says none is needed; True: amounts given
    number_assigned: bool = False  # the text prints no number for the row: it is counted by position


@dataclass
class Indicator:
    """A target indicator: name, unit, baseline and targets by year."""

    name: str
    unit: str | None = None
    baseline: str | None = None
    targets: dict[int, str] = field(default_factory=dict)
    span: Span | None = None
    # lines of each year's value (a value the text wraps keeps the lines of its year and its number)
    target_spans: dict[int, Span] = field(default_factory=dict)
    # the action-plan row whose target-indicator cell states it (Measure.number); None for a passport
    # or a separate indicator table
    measure: str | None = None
    # the bodies an indicator table names as responsible for it (a row indicator's are the row's executors)
    responsible: list[Executor] = field(default_factory=list)
    baseline_span: Span | None = None


@dataclass
class Section:
    """A section or direction of a plan (``key`` is its number or ordinal, ``title`` its heading)."""

    key: str
    title: str
    span: Span | None = None


@dataclass
class Programme:
    """A programme, national plan, concept or action plan approved by an act.

    ``kind`` is a doctype notation: programme, plan or concept. ``action_plan`` is True when the
    measures form a separate action plan (a concept's appendix); measures then belong to that plan.
    """

    kind: str
    title: str
    approved_by: ActRef | None = None
    period_start: int | None = None
    period_end: int | None = None
    passport: dict[str, str] = field(default_factory=dict)  # field name → text, as in the passport
    funding: list[Amount] = field(default_factory=list)  # passport totals by source and year
    indicators: list[Indicator] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)  # the document's own legend
    action_plan_title: str | None = None
    rows_seen: int = 0
    rows_parsed: int = 0
    based_on: list[ActRef] = field(default_factory=list)
    span: Span | None = None
    key: str = "programme"  # path segment under the approving act's IRI
    # Set when the text is the new wording of the appendix (action plan) of a programme approved by an
    # earlier act: the builder links these measures as that appendix's new wording.
    replaces_appendix_of: ActRef | None = None
    # the programmes the text says this one continues or follows (kgl:succeeds)
    succeeds: list[ProgrammeRef] = field(default_factory=list)


@dataclass
class ProgrammeRef:
    """A programme a text names without containing it: a predecessor ("… бағдарламасының жалғасы болып
    табылады", "до принятия настоящей Программы реализовывалась …"). Fields the text does not state
    stay None; ``title`` is the name as written (its head noun in the nominative)."""

    title: str
    kind: str = "programme"  # programme, plan or concept (a doctype notation)
    period_start: int | None = None
    period_end: int | None = None
    period_raw: str | None = None  # the period as written ("2002-2005 жылдарға")
    approved_by: ActRef | None = None  # the approving act, when the text cites it
    span: Span | None = None


@dataclass
class Provision:
    """A structural unit of an act, outermost first: [("section", "2"), ("chapter", "6"), ("paragraph", "13")].

    Kinds: title, preamble, point, subpoint, section, chapter, article, paragraph (§), part, abzac,
    appendix, row.
    """

    path: list[tuple[str, str]]
    label: str | None = None  # the words of the text

    def slug(self) -> str:
        return "/".join(f"{kind}-{num}" if num else kind for kind, num in self.path)


@dataclass
class AmendmentOperation:
    """One amendment instruction: what the affecting act does to which provision of which act."""

    order: int
    type: str  # substitution, insertion, repeal, replacement, renumbering
    target: ActRef  # the affected act (or the plan it approved; see ``target_document``)
    provision: Provision | None = None
    target_document: str | None = None  # "plan" when the provision is inside the approved plan
    old_text: str | None = None
    new_text: str | None = None
    effective_date: _dt.date | None = None
    span: Span | None = None
    # the approved document's name as the instruction gives it ("… 2025 жылға дейінгі ұлттық жоспар")
    target_document_title: str | None = None
    # the new wording is a part of the affecting act itself, not quoted text: "appendix" / "appendix-1"
    # ("осы қаулыға қосымшаға сәйкес жаңа редакцияда жазылсын"); build links it as kgl:newWording
    new_wording: str | None = None


@dataclass
class Citation:
    """One citation of a unit of an act (a pinpoint): "… Заңының 27-бабына сәйкес", "пунктом 3 статьи 54
    Трудового кодекса", "… қаулысымен бекітілген … жоспарының 3.2-тармағы".

    ``act`` is the cited act as the text names it; ``provision`` the unit, outermost first, numbers as
    written; ``document`` the kind of document the act approved ("plan", "rules" …) when the unit is one
    of that document's; ``text`` the pinpoint as written; ``context`` the sentence around the citation,
    whitespace-normalised. When the phrase does not name the act, ``inferred`` says where it was read:
    ``preceding`` (the act of the citation just before, "… 546-бабының 1-тармақшасына …, 546-баптың
    7-тармақшасына") or ``heading`` (the code whose subject the section heading names).
    """

    act: ActRef
    provision: Provision
    text: str
    context: str | None = None
    document: str | None = None
    inferred: str | None = None
    span: Span | None = None


@dataclass
class Document:
    """Everything read from one source file."""

    source: str  # file name
    language: str | None = None  # kk or ru
    act: ActRef = field(default_factory=ActRef)
    registration: Registration | None = None
    status: Status = "unknown"
    status_span: Span | None = None
    status_raw: str | None = None
    repealed_by: list[ActRef] = field(default_factory=list)
    amended_by: list[ActRef] = field(default_factory=list)
    amends: list[ActRef] = field(default_factory=list)
    repeals: list[ActRef] = field(default_factory=list)
    based_on: list[ActRef] = field(default_factory=list)
    cites: list[ActRef] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    operations: list[AmendmentOperation] = field(default_factory=list)
    entry_into_force: _dt.date | None = None
    warnings: list[Warning_] = field(default_factory=list)
    sha256: str | None = None
    line_count: int = 0
    # citations of units of acts (pinpoints), one per unit cited, in text order
    citations: list[Citation] = field(default_factory=list)
    # the enacting blocks: the act's own, then any act the file embeds (see kglaw.parse.operative)
    operative: list[OperativePart] = field(default_factory=list)
    # the running text: headings, paragraphs, recommendations (see kglaw.parse.passages)
    passages: list[Passage] = field(default_factory=list)


@dataclass
class Addressee:
    """A body or person an operative point names, as written, with the agency it resolves to."""

    raw: str
    agency: str | None = None  # agency IRI, when the registry knows the name
    by_agreement: bool = False  # "келісу бойынша" / "по согласованию"
    position: str | None = None  # a person's post as written ("облыс әкімінің орынбасары")
    name: str | None = None  # a person's name as written ("Т.Қ.Мүрсәлиеваға")
    span: Span | None = None


@dataclass
class Reporting:
    """A duty to report: who reports to whom, how often and by when, as the point states it."""

    reporters: list[Addressee] = field(default_factory=list)
    recipient: Addressee | None = None
    frequency: str | None = None  # annual, semiannual, quarterly, monthly
    frequency_raw: str | None = None  # "жыл сайын", "ежеквартально"
    due_raw: str | None = None  # "есепті жылдан кейінгі жылдың 1 ақпанынан кешіктірмей"
    due_month_day: tuple[int, int] | None = None  # (month, day) of a yearly deadline
    due_date: _dt.date | None = None  # only when the text states a full date
    span: Span | None = None


@dataclass
class EntryIntoForce:
    """The rule of entry into force as written, and its date when the text fixes one."""

    rule: str
    date: _dt.date | None = None
    on_signing: bool = False  # "қол қойылған күнінен бастап" / "со дня подписания"
    span: Span | None = None


@dataclass
class OperativeProvision:
    """A numbered point (or sub-point) of an act's operative part, after its enacting formula.

    ``kinds`` are read from its verbs: approve, endorse, submit, amend, repeal, instruct, report,
    control, entry-into-force (a point may do two things: "мақұлдансын және … бекітуге ұсынылсын").
    """

    number: str | None
    text: str
    kinds: list[str] = field(default_factory=list)
    parent: str | None = None  # the point's number, for a sub-point
    addressees: list[Addressee] = field(default_factory=list)
    controllers: list[Addressee] = field(default_factory=list)  # for control
    reporting: Reporting | None = None
    entry_into_force: EntryIntoForce | None = None
    span: Span | None = None

    @property
    def kind(self) -> str:
        return self.kinds[0] if self.kinds else "other"

    def provision(self) -> Provision:
        """The point as a structural unit: ``point-2`` or ``point-2/subpoint-3``."""
        if self.parent is not None:
            return Provision([("point", self.parent), ("subpoint", self.number or "")])
        return Provision([("point", self.number or "")])


@dataclass
class Signatory:
    """Who signed: the post as written ("Қазақстан Республикасының Премьер-Министрі") and the name
    when the text gives one (names are often absent in old texts)."""

    position: str | None = None
    name: str | None = None
    agency: str | None = None  # the body the post heads or belongs to, when resolved
    span: Span | None = None


@dataclass
class OperativePart:
    """One enacting block: formula, points, signatures. ``act`` is None for the document's own act; a
    file may embed a second act (the akimat resolution that submitted a programme the maslikhat then
    approved), whose block names that act here."""

    formula: str
    act: ActRef | None = None
    points: list[OperativeProvision] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    based_on: list[ActRef] = field(default_factory=list)  # the embedded act's own preamble
    span: Span | None = None


@dataclass
class Passage:
    """A unit of a document's running text: a heading, a paragraph, or a recommendation (one numbered
    proposal of a section that names recommendations, with the acts it proposes to change).

    ``text`` is the normalised text joined across line wraps and page breaks; ``heading`` the path of
    headings it sits under, outermost first; ``parent`` the ``order`` of the innermost of them.
    """

    order: int  # 1-based position among the document's passages
    kind: str  # heading, paragraph, recommendation
    text: str
    span: Span
    heading: list[str] = field(default_factory=list)
    parent: int | None = None
    targets: list[ActRef] = field(default_factory=list)  # a recommendation: the acts it proposes to change
