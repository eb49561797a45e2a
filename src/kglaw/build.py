"""Documents → RDF. One graph per source document, written as canonical Turtle to ``data/ttl``.

Terms are ELI's wherever ELI has one (``eli:LegalResource``, ``eli:LegalExpression``, ``eli:title``,
``eli:date_document``, ``eli:number``, ``eli:repealed_by`` …); the kglaw extension
(``ontology/kglaw.ttl``) covers programmes, measures, agencies, registration and provenance.

Every fact read from a text keeps its provenance twice over: the entity carries ``kgl:sourceDocument``
and ``kgl:lineStart``/``kgl:lineEnd``, and each relation or value triple has an ``rdf:Statement``
reification naming the source document and the lines it was read from.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .errors import KglawError
from .identifiers import ActId, slugify, title_key
from .model import (
    ActRef,
    AmendmentOperation,
    Document,
    Executor,
    Issuer,
    Measure,
    Programme,
    ProgrammeRef,
    Span,
)
from .namespaces import (
    AGENCY,
    DCTERMS,
    DOCTYPE,
    ELI,
    GRAPH,
    KGL,
    OPTYPE,
    PROV,
    PROVNS,
    RDF,
    RDFS,
    SKOS,
    SOURCE,
    XSD,
    bind_prefixes,
)

Triple = tuple[Node, Node, Node]

__all__ = [
    "ActResolver",
    "BuildResult",
    "build_document",
    "build_corpus",
    "write_turtle",
    "serialize_turtle",
    "write_atomically",
    "act_iri",
    "action_plan_iri",
    "executor_agency",
    "measure_iri",
    "operation_iri",
    "programme_iri",
    "source_iri",
]

LANG_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"
_LANG_CODES = {"kk": "KAZ", "ru": "RUS", "en": "ENG"}
IN_FORCE = ELI["InForce-inForce"]
NOT_IN_FORCE = ELI["InForce-notInForce"]

_TYPE_CLASS = {
    "programme": KGL.Programme,
    "plan": KGL.NationalPlan,
    "concept": KGL.Concept,
}

#: Inverse pairs materialised at build time, so that a query may follow either direction.
INVERSES = [
    (ELI.amends, ELI.amended_by),
    (ELI.repeals, ELI.repealed_by),
    (ELI.has_part, ELI.is_part_of),
    (ELI.is_realized_by, ELI.realizes),
    (KGL.approves, KGL.approvedBy),
    (KGL.hasActionPlan, KGL.actionPlanOf),
    (KGL.hasMeasure, KGL.inActionPlan),
    (KGL.replaces, KGL.replacedBy),
    (KGL.precededBy, KGL.succeededBy),
]


def _issuer_slug(issuer: Issuer | None) -> str | None:
    if issuer is None or not issuer.key:
        return None
    key = issuer.key if re.fullmatch(r"[a-z0-9][a-z0-9-]*", issuer.key) else slugify(issuer.key)
    return key or None


def act_iri(ref: ActRef, context: str | None = None) -> str:
    """The IRI of an act from what a text says of it (no corpus or authority look-up).

    A reference with neither date nor number is keyed by its title. One with a number but neither
    date nor issuer ("бұйрық № 26") is too weak to name the same act in two documents, so it is keyed
    by the citing ``context`` (the source document) as well: two such citations never merge by accident.
    """
    if ref.iri:
        return ref.iri
    type_ = ref.type or "act"
    year = getattr(ref, "year", None)
    when: date | str | None = ref.date or (str(year) if year else None)
    issuer = _issuer_slug(ref.issuer)
    key = None
    if ref.date is None and ref.number is None:
        if not ref.title:
            raise KglawError("an act reference needs a date, a number or a title")
        key = title_key(ref.title)
    elif when is None and issuer is None and type_ not in ("law", "code", "constitution", "decree"):
        key = title_key(f"{context or ''}|{type_}|{ref.number}|{ref.title or ''}")
    elif type_ in ("convention", "treaty") and ref.number is None and ref.title:
        key = title_key(ref.title)  # one body adopts several conventions on a day: the title tells them apart
    return ActId(type_, issuer, when, ref.number, key).format()


class ActResolver:
    """Identity resolution: the same act cited by title only, by date and number, or by adilet code
    must be one node. Looks in the authority file first, then in what the corpus itself says."""

    def __init__(self) -> None:
        self.by_title: dict[str, str] = {}
        self.by_adilet: dict[str, str] = {}
        try:
            from . import authority  # the authority file of central acts

            self._authority: Any = authority
        except ImportError:  # pragma: no cover - authority ships with kglaw
            self._authority = None

    def tables(self) -> dict[str, dict[str, str]]:
        """What the resolver has learnt (to hand to worker processes)."""
        return {"by_title": self.by_title, "by_adilet": self.by_adilet}

    def learn(self, ref: ActRef, iri: str) -> None:
        if ref.title and (ref.date or ref.number):
            self.by_title.setdefault(title_key(ref.title), iri)
        if ref.adilet:
            self.by_adilet.setdefault(ref.adilet, iri)

    def resolve(self, ref: ActRef, context: str | None = None, on: date | None = None) -> str:
        """``on`` is the citing document's date: a title two laws share names the one in force then."""
        if ref.iri:
            return ref.iri
        if self._authority is not None:
            try:
                hit = self._authority.resolve_act(ref, on=on)
            except KglawError:
                hit = None
            if hit:
                return hit
        if ref.adilet and ref.adilet in self.by_adilet:
            return self.by_adilet[ref.adilet]
        if ref.date is None and ref.number is None and ref.title:
            hit = self.by_title.get(title_key(ref.title))
            if hit:
                return hit
        return act_iri(ref, context)


@lru_cache(maxsize=1 << 14)
def _lit_date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _lang(doc: Document) -> str | None:
    return doc.language if doc.language in ("kk", "ru", "en") else None


@dataclass
class _Emitter:
    """Collects the triples of one document, each fact with its provenance (an ordered set: no rdflib
    graph is built on the way, which was half of the build's cost)."""

    source: URIRef
    on: date | None = None  # the document's date, for resolving citations by title
    prov_seen: set[str] = field(default_factory=set)
    triples: dict[Triple, None] = field(default_factory=dict)

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.triples[(s, p, o)] = None

    def fact(self, s: Node, p: Node, o: Node, span: Span | None) -> None:
        """A triple read from the text, with an rdf:Statement recording source and lines."""
        add = self.triples
        add[(s, p, o)] = None
        if span is None:
            return
        key = hashlib.sha1(f"{s}|{p}|{o.n3() if hasattr(o, 'n3') else o}|{self.source}".encode()).hexdigest()[
            :16
        ]  # type: ignore[union-attr]
        if key in self.prov_seen:
            return
        self.prov_seen.add(key)
        st = URIRef(_PROV_BASE + key)
        add[(st, _RDF_TYPE, _RDF_STATEMENT)] = None
        add[(st, _RDF_SUBJECT, s)] = None
        add[(st, _RDF_PREDICATE, p)] = None
        add[(st, _RDF_OBJECT, o)] = None
        add[(st, _SOURCE_DOCUMENT, self.source)] = None
        add[(st, _LINE_START, _int(span.start))] = None
        add[(st, _LINE_END, _int(span.end))] = None

    def lines(self, node: Node, span: Span | None) -> None:
        add = self.triples
        add[(node, _SOURCE_DOCUMENT, self.source)] = None
        if span is not None:
            add[(node, _LINE_START, _int(span.start))] = None
            add[(node, _LINE_END, _int(span.end))] = None


# Terms the emitter states for every fact, looked up once (an rdflib namespace attribute is a call).
_PROV_BASE = str(PROVNS)
_RDF_TYPE, _RDF_STATEMENT = RDF.type, RDF.Statement
_RDF_SUBJECT, _RDF_PREDICATE, _RDF_OBJECT = RDF.subject, RDF.predicate, RDF.object
_SOURCE_DOCUMENT, _LINE_START, _LINE_END = KGL.sourceDocument, KGL.lineStart, KGL.lineEnd


@lru_cache(maxsize=1 << 14)
def _int(n: int) -> Literal:
    return Literal(n)


@dataclass
class BuildResult:
    """What a build produced: graphs by file stem, plus counts and warnings for the summary."""

    graphs: dict[str, Graph] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def triples(self) -> int:
        return sum(len(g) for g in self.graphs.values())


def _agency_iri(issuer: Issuer) -> URIRef | None:
    slug = _issuer_slug(issuer)
    return AGENCY[slug] if slug else None


def _emit_agency_stub(em: _Emitter, issuer: Issuer, lang: str | None) -> URIRef | None:
    """An issuer as the text names it. The registry (data/authority/agencies.ttl) holds the full record."""
    node = _agency_iri(issuer)
    if node is None:
        return None
    em.add(node, RDF.type, KGL.Agency)
    if issuer.label:
        em.fact(node, SKOS.altLabel, Literal(issuer.label, lang=lang), issuer.span)
    if issuer.kind:
        em.add(node, KGL.bodyKind, Literal(issuer.kind))
    if issuer.level:
        em.add(node, KGL.level, Literal(issuer.level))
    if issuer.region:
        em.add(node, KGL.region, Literal(issuer.region))
    return node


def _emit_act_ref(em: _Emitter, resolver: ActResolver, ref: ActRef, lang: str | None) -> URIRef:
    """An act named by a text: its node, with the facts this text states about it."""
    node = URIRef(resolver.resolve(ref, str(em.source), em.on))
    span = ref.span
    em.add(node, RDF.type, ELI.LegalResource)
    if ref.type:
        em.fact(node, ELI.type_document, DOCTYPE[ref.type], span)
    if ref.date:
        em.fact(node, ELI.date_document, _lit_date(ref.date), span)
    if ref.number:
        em.fact(node, ELI.number, Literal(ref.number), span)
    if ref.adilet:
        em.fact(node, ELI.id_local, Literal(ref.adilet), span)
    if ref.issuer is not None:
        agency = _emit_agency_stub(em, ref.issuer, lang)
        if agency is not None:
            em.fact(node, ELI.passed_by, agency, span)
    if ref.title:
        tlang = ref.title_lang or lang
        expr = URIRef(f"{node}/{tlang or 'und'}")
        em.add(node, ELI.is_realized_by, expr)
        em.add(expr, ELI.realizes, node)
        em.add(expr, RDF.type, ELI.LegalExpression)
        if tlang in _LANG_CODES:
            em.add(expr, ELI.language, URIRef(LANG_AUTHORITY + _LANG_CODES[tlang]))
        em.fact(expr, ELI.title, Literal(ref.title, lang=tlang), span)
    ratified = getattr(ref, "ratifies", None)
    if ratified is not None:  # a ratification law and the convention or treaty its title names
        em.fact(node, KGL.ratifies, _emit_act_ref(em, resolver, ratified, lang), span)
    return node


def _emit_relation(em: _Emitter, s: URIRef, p: URIRef, o: URIRef, span: Span | None) -> None:
    em.fact(s, p, o, span)


def _decimal(v: Decimal) -> Literal:
    return Literal(format(v, "f"), datatype=XSD.decimal)


def _emit_amount(em: _Emitter, owner: URIRef, node: URIRef, amt, lang: str | None) -> None:  # type: ignore[no-untyped-def]
    em.add(node, RDF.type, KGL.MonetaryAmount)
    em.add(node, KGL.value, _decimal(amt.value))
    em.add(node, KGL.unit, Literal(amt.unit))
    if amt.year is not None:
        em.add(node, KGL.year, Literal(amt.year))
    if amt.source:
        em.add(node, KGL.fundingSource, Literal(amt.source, lang=lang))
    if amt.raw:
        em.add(node, KGL.rawText, Literal(amt.raw))
    em.lines(node, amt.span)


def _resolve_executor(raw: str, abbreviations: dict[str, str], region: str | None) -> str | None:
    try:
        from .agencies import resolve_agency
    except ImportError:  # pragma: no cover - the registry ships with kglaw
        return None
    try:
        return resolve_agency(raw, abbreviations or None, region)
    except KglawError:
        return None


def _region_of(doc: Document) -> str | None:
    return doc.act.issuer.region if doc.act.issuer is not None else None


def _emit_programme(
    em: _Emitter, resolver: ActResolver, doc: Document, prog: Programme, doc_act: URIRef, warnings: list[str]
) -> None:
    lang = _lang(doc)
    approving = URIRef(resolver.resolve(prog.approved_by)) if prog.approved_by else doc_act
    if prog.approved_by is not None and approving != doc_act:
        _emit_act_ref(em, resolver, prog.approved_by, lang)
    node = programme_iri(resolver, prog, doc_act)
    em.add(node, RDF.type, _TYPE_CLASS.get(prog.kind, KGL.PolicyDocument))
    em.add(node, RDF.type, KGL.PolicyDocument)
    em.add(node, RDF.type, ELI.LegalResource)
    em.fact(
        node, ELI.type_document, DOCTYPE[prog.kind if prog.kind in _TYPE_CLASS else "programme"], prog.span
    )
    em.fact(node, KGL.approvedBy, approving, prog.span)
    em.add(approving, KGL.approves, node)
    em.lines(node, prog.span)
    if prog.title:
        expr = URIRef(f"{node}/{lang or 'und'}")
        em.add(node, ELI.is_realized_by, expr)
        em.add(expr, ELI.realizes, node)
        em.add(expr, RDF.type, ELI.LegalExpression)
        if lang in _LANG_CODES:
            em.add(expr, ELI.language, URIRef(LANG_AUTHORITY + _LANG_CODES[lang]))
        em.fact(expr, ELI.title, Literal(prog.title, lang=lang), prog.span)
    if prog.period_start:
        em.fact(node, KGL.periodStart, _lit_date(date(prog.period_start, 1, 1)), prog.span)
    if prog.period_end:
        em.fact(node, KGL.periodEnd, _lit_date(date(prog.period_end, 12, 31)), prog.span)
    for name, value in sorted(prog.passport.items()):
        em.add(node, KGL.passportField, Literal(f"{name}: {value}", lang=lang))
    for i, amt in enumerate(prog.funding, 1):
        a = URIRef(f"{node}/funding/{i}")
        em.add(node, KGL.funding, a)
        _emit_amount(em, node, a, amt, lang)
    for i, ind in enumerate(prog.indicators, 1):
        n = URIRef(f"{node}/indicator/{i}")
        em.add(node, KGL.indicator, n)
        em.add(n, RDF.type, KGL.Indicator)
        if ind.name:
            em.fact(n, RDFS.label, Literal(ind.name, lang=lang), ind.span)
        if ind.unit:
            em.fact(n, KGL.unit, Literal(ind.unit, lang=lang), ind.span)
        if ind.baseline:
            em.fact(n, KGL.baseline, Literal(ind.baseline), getattr(ind, "baseline_span", None) or ind.span)
        for year, value in sorted(ind.targets.items()):
            t = URIRef(f"{n}/target/{year}")
            where = getattr(ind, "target_spans", {}).get(year) or ind.span
            em.add(n, KGL.target, t)
            em.add(t, RDF.type, KGL.Target)
            em.fact(t, KGL.year, Literal(year), where)
            em.fact(t, KGL.value, Literal(value), where)
            em.lines(t, where)
        if getattr(ind, "measure", None):  # the action-plan row whose target-indicator cell states it
            em.fact(n, KGL.indicatorOf, URIRef(f"{node}/action-plan/measure/{ind.measure}"), ind.span)
        for ex in getattr(ind, "responsible", []):
            agency = executor_agency(ex, prog, doc)
            if agency:
                em.fact(n, KGL.responsibleBody, URIRef(agency), ex.span or ind.span)
            else:
                em.fact(n, KGL.responsibleText, Literal(ex.raw, lang=lang), ex.span or ind.span)
        em.lines(n, ind.span)
    for based in prog.based_on:
        o = _emit_act_ref(em, resolver, based, lang)
        em.fact(node, ELI.based_on, o, based.span)
    for pred in getattr(prog, "succeeds", []):
        em.fact(node, KGL.succeeds, _emit_predecessor(em, resolver, pred, lang), pred.span)

    plan = action_plan_iri(node)
    em.add(plan, RDF.type, KGL.ActionPlan)
    em.add(node, KGL.hasActionPlan, plan)
    em.add(plan, KGL.actionPlanOf, node)
    if prog.action_plan_title:
        em.add(plan, RDFS.label, Literal(prog.action_plan_title, lang=lang))
    for sec in prog.sections:
        s = URIRef(f"{plan}/section/{slugify(sec.key) or sec.key}")
        em.add(plan, KGL.hasSection, s)
        em.add(s, RDF.type, KGL.PlanSection)
        em.add(s, KGL.sectionKey, Literal(sec.key))
        em.add(s, RDFS.label, Literal(sec.title, lang=lang))
        em.lines(s, sec.span)
    sections = {sec.key: URIRef(f"{plan}/section/{slugify(sec.key) or sec.key}") for sec in prog.sections}
    region = None
    if doc.act.issuer is not None:
        region = doc.act.issuer.region
    cited = [r for r in (*doc.cites, *doc.based_on, *doc.amends, *doc.repeals) if r.span is not None]
    for m in prog.measures:
        _emit_measure(em, resolver, m, plan, sections, prog.abbreviations, region, lang, warnings, doc)
        # An act named inside a measure's row is cited by that measure (``measures-citing-act``).
        if m.span is not None:
            node = URIRef(f"{plan}/measure/{m.number}")
            for ref in cited:
                if m.span.start <= ref.span.start and ref.span.end <= m.span.end:  # type: ignore[union-attr]
                    em.fact(node, ELI.cites, _emit_act_ref(em, resolver, ref, lang), ref.span)


def predecessor_iri(resolver: ActResolver, pred: ProgrammeRef, context: str | None = None) -> str:
    """The IRI of a programme a text says this one continues (``kgl:succeeds``), from what it states.

    With the approving act cited, the programme is that act's document like any programme the plans
    reader finds (``{act}/{kind}``), so that the predecessor's own text, once in the corpus, is the same
    node. Without it, nothing but the name is known: the IRI is the document kind with issuer, date and
    number unknown, keyed by the name in the nominative (``…/programme/_/_/_/t-…``, as an act cited by
    title only) — two texts naming the same predecessor alike meet on one node.
    """
    if pred.approved_by is not None:
        return f"{resolver.resolve(pred.approved_by, context)}/{pred.kind}"
    return ActId(pred.kind, None, None, None, title_key(pred.title)).format()


def source_iri(doc: Document) -> URIRef:
    """The node of the file a document was read from (``kgl:SourceDocument``); also the ``context`` that
    keys a weak citation ("бұйрық № 26") to the citing document in :meth:`ActResolver.resolve`."""
    return SOURCE[Path(doc.source).stem]


def programme_iri(resolver: ActResolver, prog: Programme, doc_act: URIRef) -> URIRef:
    """A programme's node: ``{approving act}/{key}``, the approving act being the one the text names,
    else the document's own act (``doc_act``)."""
    approving = URIRef(resolver.resolve(prog.approved_by)) if prog.approved_by else doc_act
    return URIRef(f"{approving}/{prog.key}")


def action_plan_iri(programme: URIRef) -> URIRef:
    """The action plan of a programme: ``{programme}/action-plan``."""
    return URIRef(f"{programme}/action-plan")


def measure_iri(plan: URIRef, m: Measure) -> URIRef:
    """A row of an action plan: ``{plan}/measure/{number}``."""
    return URIRef(f"{plan}/measure/{m.number}")


def operation_iri(doc_act: URIRef, op: AmendmentOperation) -> URIRef:
    """An amendment instruction of the affecting act: ``{act}/op/{order}``."""
    return URIRef(f"{doc_act}/op/{op.order}")


def executor_agency(ex: Executor, prog: Programme, doc: Document) -> str | None:
    """The agency IRI of a measure's executor or an indicator's responsible body: the parser's, else the
    registry's reading of the cell with the programme's abbreviations and the document's region."""
    return ex.agency or _resolve_executor(ex.raw, prog.abbreviations, _region_of(doc))


def _emit_predecessor(em: _Emitter, resolver: ActResolver, pred: ProgrammeRef, lang: str | None) -> URIRef:
    """The predecessor's node with what the succession sentence states: kind, name, period, approving act."""
    node = URIRef(predecessor_iri(resolver, pred, str(em.source)))
    span = pred.span
    em.add(node, RDF.type, _TYPE_CLASS.get(pred.kind, KGL.PolicyDocument))
    em.add(node, RDF.type, KGL.PolicyDocument)
    em.add(node, RDF.type, ELI.LegalResource)
    em.fact(node, ELI.type_document, DOCTYPE[pred.kind], span)
    tlang = "kk" if re.search(r"[әіңғүұқөһӘІҢҒҮҰҚӨҺ]", pred.title) else (lang or "ru")
    expr = URIRef(f"{node}/{tlang}")
    em.add(node, ELI.is_realized_by, expr)
    em.add(expr, ELI.realizes, node)
    em.add(expr, RDF.type, ELI.LegalExpression)
    if tlang in _LANG_CODES:
        em.add(expr, ELI.language, URIRef(LANG_AUTHORITY + _LANG_CODES[tlang]))
    em.fact(expr, ELI.title, Literal(pred.title, lang=tlang), span)
    if pred.period_raw:
        em.fact(node, KGL.periodText, Literal(pred.period_raw, lang=tlang), span)
    if pred.period_start:
        em.fact(node, KGL.periodStart, _lit_date(date(pred.period_start, 1, 1)), span)
    if pred.period_end:
        em.fact(node, KGL.periodEnd, _lit_date(date(pred.period_end, 12, 31)), span)
    if pred.approved_by is not None:
        act = _emit_act_ref(em, resolver, pred.approved_by, lang)
        em.fact(node, KGL.approvedBy, act, pred.approved_by.span or span)
        em.add(act, KGL.approves, node)
    return node


def _emit_measure(
    em: _Emitter,
    resolver: ActResolver,
    m: Measure,
    plan: URIRef,
    sections: dict[str, URIRef],
    abbreviations: dict[str, str],
    region: str | None,
    lang: str | None,
    warnings: list[str],
    doc: Document,
) -> None:
    node = measure_iri(plan, m)
    em.add(node, RDF.type, KGL.Measure)
    em.add(plan, KGL.hasMeasure, node)
    em.add(node, KGL.inActionPlan, plan)
    em.add(node, KGL.measureNumber, Literal(m.number))
    em.lines(node, m.span)
    if m.name:
        em.fact(node, RDFS.label, Literal(m.name, lang=lang), m.span)
    if m.section and m.section in sections:
        em.add(node, KGL.inSection, sections[m.section])
    if m.form:
        em.fact(node, KGL.formOfCompletion, Literal(m.form, lang=lang), m.span)
    for i, ex in enumerate(m.executors, 1):
        p = URIRef(f"{node}/executor/{i}")
        em.add(node, KGL.participation, p)
        em.add(p, RDF.type, KGL.Participation)
        em.add(p, KGL.rawText, Literal(ex.raw, lang=lang))
        em.add(p, KGL.byAgreement, Literal(ex.by_agreement))
        agency = ex.agency or _resolve_executor(ex.raw, abbreviations, region)
        if agency:
            em.add(p, KGL.agency, URIRef(agency))
            em.fact(node, KGL.executor, URIRef(agency), ex.span or m.span)
        else:
            em.fact(node, KGL.executorText, Literal(ex.raw, lang=lang), ex.span or m.span)
            where = ex.span or m.span
            warnings.append(
                f"{doc.source}: "
                + (f"line {where}: " if where else "")
                + f"executor not resolved to an agency: {ex.raw!r}"
            )
    if m.deadline is not None:
        d = m.deadline
        em.fact(node, KGL.deadlineText, Literal(d.raw, lang=lang), m.span)
        em.add(node, KGL.deadlineKind, Literal(d.kind))
        if d.start:
            em.add(node, KGL.deadlineStart, _lit_date(d.start))
        if d.end:
            em.add(node, KGL.deadlineEnd, _lit_date(d.end))
    if m.funding_source:
        em.fact(node, KGL.fundingSource, Literal(m.funding_source, lang=lang), m.span)
    for i, amt in enumerate(m.amounts, 1):
        a = URIRef(f"{node}/amount/{i}")
        em.add(node, KGL.amount, a)
        _emit_amount(em, node, a, amt, lang)
    cost_raw = getattr(m, "cost_raw", None)
    if cost_raw:
        em.fact(node, KGL.costText, Literal(cost_raw, lang=lang), m.span)
    funding_required = getattr(m, "funding_required", None)
    if funding_required is not None:
        em.fact(node, KGL.fundingRequired, Literal(bool(funding_required)), m.span)
    if m.incomplete:
        em.add(node, KGL.incomplete, Literal(True))
    if m.number_assigned:
        # the number is not in the text: the row's position gives it (the row's lines are the evidence)
        em.fact(node, KGL.numberAssignedByPosition, Literal(True), m.span)
    # A cell the source row lacks is recorded as such (and reported by a warning shape), never filled in.
    if not m.executors:
        em.fact(node, KGL.missingCell, Literal("executor"), m.span)
    if m.deadline is None:
        em.fact(node, KGL.missingCell, Literal("deadline"), m.span)
    for ref in m.cites:
        o = _emit_act_ref(em, resolver, ref, lang)
        em.fact(node, ELI.cites, o, ref.span)


def _unit_owner(em: _Emitter, act: URIRef, document: str | None) -> URIRef:
    """The node whose units a reference names: the act, or a document inside it (``{act}/plan``: a plan,
    programme, concept or strategy the act approves; any other document is a part of the act)."""
    if not document:
        return act
    owner = URIRef(f"{act}/{document}")
    if document in ("plan", "programme", "concept", "strategy"):
        em.add(owner, KGL.approvedBy, act)
        em.add(act, KGL.approves, owner)
    else:
        em.add(owner, ELI.is_part_of, act)
        em.add(act, ELI.has_part, owner)
    return owner


def _emit_unit_chain(em: _Emitter, owner: URIRef, path: list[tuple[str, str]]) -> URIRef:
    """The units of ``path`` (outermost first) as an ``eli:LegalResourceSubdivision`` chain under ``owner``,
    in the IRI scheme of :meth:`Provision.slug`; returns the innermost unit."""
    from .model import Provision

    parent = owner
    for depth in range(1, len(path) + 1):
        unit = URIRef(f"{owner}/{Provision(path[:depth]).slug()}")
        kind, number = path[depth - 1]
        em.add(unit, RDF.type, ELI.LegalResourceSubdivision)
        em.add(unit, ELI.is_part_of, parent)
        em.add(parent, ELI.has_part, unit)
        em.add(unit, KGL.provisionKind, Literal(kind))
        if number:
            em.add(unit, KGL.provisionNumber, Literal(number))
        parent = unit
    return parent


def _emit_operation(
    em: _Emitter,
    resolver: ActResolver,
    doc: Document,
    op: AmendmentOperation,
    doc_act: URIRef,
    lang: str | None,
) -> None:
    """One amendment instruction (Akoma Ntoso's textualMod): what ``doc_act`` does to which unit of which act.

    The unit is a chain of ``eli:LegalResourceSubdivision`` nodes, each ``eli:is_part_of`` its direct
    parent, under the amended act or under the document it approved (``{act}/{target_document}``): a plan,
    programme, concept or strategy is ``kgl:approvedBy`` the act, like the programmes the plans parser
    reads; other approved documents (rules, regulations, lists) are annexed to it (``eli:is_part_of``).
    A new wording that is the affecting act's own appendix is linked with ``kgl:newWording`` to the
    action plan read from that appendix, so that its measures are the appendix's new text.
    """
    node = operation_iri(doc_act, op)
    target = _emit_act_ref(em, resolver, op.target, lang)
    em.add(node, RDF.type, KGL.AmendmentOperation)
    em.add(node, KGL.affectingAct, doc_act)
    em.add(node, KGL.affectedAct, target)
    em.add(node, KGL.operationType, OPTYPE[op.type])
    em.add(node, KGL.order, Literal(op.order))
    em.lines(node, op.span)
    if op.old_text:
        em.add(node, KGL.oldText, Literal(op.old_text, lang=lang))
    if op.new_text:
        em.add(node, KGL.newText, Literal(op.new_text, lang=lang))
    eff = op.effective_date or doc.entry_into_force
    if eff:
        em.add(node, KGL.effectiveDate, _lit_date(eff))
    owner = _unit_owner(em, target, op.target_document)
    if op.provision is not None and op.provision.path:
        parent = _emit_unit_chain(em, owner, op.provision.path)
        em.add(node, KGL.affectedProvision, parent)
        if op.provision.label:
            em.add(parent, RDFS.label, Literal(op.provision.label, lang=lang))
    if op.new_wording:
        # the action plan read from the affecting act's appendix, or else that appendix as a unit of the act
        wording = _new_wording_plan(resolver, doc, op, target, doc_act)
        if wording is None:
            wording = URIRef(f"{doc_act}/{op.new_wording}")
            em.add(wording, RDF.type, ELI.LegalResourceSubdivision)
            em.add(wording, ELI.is_part_of, doc_act)
            em.add(doc_act, ELI.has_part, wording)
            em.add(wording, KGL.provisionKind, Literal("appendix"))
            if op.new_wording != "appendix":
                em.add(wording, KGL.provisionNumber, Literal(op.new_wording.removeprefix("appendix-")))
        em.add(node, KGL.newWording, wording)
    # declaring a whole act invalid repeals it (eli:repeals); any other operation amends it
    repeals_act = op.type == "repeal" and not (op.provision or op.old_text or op.target_document)
    em.fact(doc_act, ELI.repeals if repeals_act else ELI.amends, target, op.span)


def _new_wording_plan(
    resolver: ActResolver, doc: Document, op: AmendmentOperation, target: URIRef, doc_act: URIRef
) -> URIRef | None:
    """The action plan read from the appendix that is an operation's new wording: the programme that says
    it replaces an appendix of the amended act, or else the first one after the instruction."""
    for prog in doc.programmes:
        replaced = getattr(prog, "replaces_appendix_of", None)
        if replaced is not None:
            if URIRef(resolver.resolve(replaced)) != target:
                continue
        elif prog.span is None or op.span is None or prog.span.start <= op.span.end:
            continue
        return action_plan_iri(programme_iri(resolver, prog, doc_act))
    return None


def build_document(
    doc: Document, resolver: ActResolver | None = None, warnings: list[str] | None = None
) -> Graph:
    """The RDF graph of one parsed document."""
    g = Graph()
    bind_prefixes(g)
    for t in document_triples(doc, resolver, warnings):
        g.add(t)
    return g


def document_triples(
    doc: Document, resolver: ActResolver | None = None, warnings: list[str] | None = None
) -> list[Triple]:
    """The triples of one parsed document (``build_document``'s graph, without building an rdflib graph;
    ``ntriples`` writes them). Each triple once, in the order they were stated."""
    resolver = resolver or ActResolver()
    warnings = warnings if warnings is not None else []
    src = source_iri(doc)
    em = _Emitter(src, doc.act.date)
    lang = _lang(doc)

    em.add(src, RDF.type, KGL.SourceDocument)
    em.add(src, RDF.type, PROV.Entity)
    em.add(src, DCTERMS.identifier, Literal(doc.source))
    if doc.sha256:
        em.add(src, KGL.sha256, Literal(doc.sha256))
    if lang:
        em.add(src, DCTERMS.language, Literal(lang))
    if doc.line_count:
        em.add(src, KGL.lineEnd, Literal(doc.line_count))

    a = doc.act
    if not (a.iri or a.type or a.date or a.number or a.title):
        # An empty file or a page that names no act: the source is recorded, the batch goes on.
        warnings.append(f"{doc.source}: no act identified; only the source file is recorded")
        return list(em.triples)
    act = _emit_act_ref(em, resolver, doc.act, lang)
    em.add(src, KGL.describes, act)
    em.lines(act, doc.act.span)
    if doc.registration is not None:
        r = doc.registration
        reg = URIRef(f"{act}/registration")
        em.fact(act, KGL.registration, reg, r.span)
        em.add(reg, RDF.type, KGL.Registration)
        if r.number:
            em.fact(reg, KGL.registrationNumber, Literal(r.number), r.span)
        if r.date:
            em.fact(reg, KGL.registrationDate, _lit_date(r.date), r.span)
        if r.body_key or r.body:
            body = AGENCY[r.body_key] if r.body_key else None
            if body is not None:
                em.add(body, RDF.type, KGL.Agency)
                if r.body:
                    em.fact(body, SKOS.altLabel, Literal(r.body, lang=lang), r.span)
                em.fact(reg, KGL.registeredBy, body, r.span)
            elif r.body:
                em.fact(reg, RDFS.label, Literal(r.body, lang=lang), r.span)
    if doc.status != "unknown":
        em.fact(act, ELI.in_force, IN_FORCE if doc.status == "in_force" else NOT_IN_FORCE, doc.status_span)
    if doc.status_raw:
        em.fact(act, KGL.statusText, Literal(doc.status_raw, lang=lang), doc.status_span)
    if doc.entry_into_force:
        em.add(act, ELI.first_date_entry_in_force, _lit_date(doc.entry_into_force))

    for ref in doc.repealed_by:
        o = _emit_act_ref(em, resolver, ref, lang)
        _emit_relation(em, act, ELI.repealed_by, o, ref.span)
        if ref.effective_date:
            em.fact(act, ELI.date_no_longer_in_force, _lit_date(ref.effective_date), ref.span)
    for ref in doc.amended_by:
        o = _emit_act_ref(em, resolver, ref, lang)
        _emit_relation(em, act, ELI.amended_by, o, ref.span)
    for ref in doc.amends:
        o = _emit_act_ref(em, resolver, ref, lang)
        _emit_relation(em, act, ELI.amends, o, ref.span)
    for ref in doc.repeals:
        o = _emit_act_ref(em, resolver, ref, lang)
        _emit_relation(em, act, ELI.repeals, o, ref.span)
        if ref.effective_date:
            em.fact(o, ELI.date_no_longer_in_force, _lit_date(ref.effective_date), ref.span)
    for ref in doc.based_on:
        o = _emit_act_ref(em, resolver, ref, lang)
        _emit_relation(em, act, ELI.based_on, o, ref.span)
    for ref in doc.cites:
        o = _emit_act_ref(em, resolver, ref, lang)
        if o != act:
            _emit_relation(em, act, ELI.cites, o, ref.span)
    for prog in doc.programmes:
        _emit_programme(em, resolver, doc, prog, act, warnings)
    for op in doc.operations:
        _emit_operation(em, resolver, doc, op, act, lang)
    _emit_citations(em, resolver, doc, act, lang)
    _link_new_wordings(em, resolver, doc, act)
    _emit_operative(em, resolver, doc, act, lang)
    _emit_passages(em, resolver, doc, act, lang)
    _inverse_triples(em.triples)
    return list(em.triples)


def _emit_passages(em: _Emitter, resolver: ActResolver, doc: Document, act: URIRef, lang: str | None) -> None:
    """The document's running text (:mod:`kglaw.parse.passages`): a ``kgl:Passage`` per heading, paragraph
    or recommendation, ``kgl:passageOf`` the act in ``kgl:order``, ``kgl:underHeading`` its innermost
    heading, its ``kgl:text`` a fact with provenance. A recommendation ``kgl:proposesChangeTo`` each act it
    names. Not ``eli:is_part_of``: ELI gives that property LegalResource domain and range, and a paragraph
    of a report or of a programme's analysis is no subdivision of legislation (``act-units`` follows it)."""
    text = f"{act}/{lang or 'und'}"  # the expression's: the kk and ru texts of one act number their own
    for p in getattr(doc, "passages", None) or ():
        node = URIRef(f"{text}/passage/{p.order}")
        em.add(node, RDF.type, KGL.Passage)
        if p.kind == "heading":
            em.add(node, RDF.type, KGL.Heading)
        elif p.kind == "recommendation":
            em.add(node, RDF.type, KGL.Recommendation)
        em.add(node, KGL.passageOf, act)
        em.add(node, KGL.order, Literal(p.order))
        if p.parent is not None:
            em.add(node, KGL.underHeading, URIRef(f"{text}/passage/{p.parent}"))
        # the text's rdf:Statement names the source and the lines; no kgl:lineStart on the node itself,
        # which would repeat them (a passage is the most numerous node of a document)
        em.fact(node, KGL.text, Literal(p.text, lang=lang), p.span)
        for ref in p.targets:
            em.fact(node, KGL.proposesChangeTo, _emit_act_ref(em, resolver, ref, lang), ref.span or p.span)


def _citing_node(
    em: _Emitter, resolver: ActResolver, doc: Document, doc_act: URIRef, span: Span | None
) -> URIRef:
    """What cites a unit: the measure whose row holds the citation, else the programme whose text holds
    it, else the act whose enacting block holds it — a file may embed a second act (an akimat resolution
    before the maslikhat's decision), and the preamble before a block's formula is that block's —, else
    the document's act."""
    if span is None:
        return doc_act
    for prog in doc.programmes:
        node = programme_iri(resolver, prog, doc_act)
        for m in prog.measures:
            if m.span is not None and m.span.start <= span.start and span.end <= m.span.end:
                return measure_iri(action_plan_iri(node), m)
        if prog.span is not None and prog.span.start <= span.start and span.end <= prog.span.end:
            return node
    parts = sorted(
        (p for p in getattr(doc, "operative", None) or [] if getattr(p, "span", None) is not None),
        key=lambda p: p.span.start,
    )
    after = 0
    for part in parts:
        if after < span.start and span.end <= part.span.end:
            embedded = getattr(part, "act", None)
            if embedded is None:
                return doc_act
            return URIRef(resolver.resolve(embedded, str(em.source), em.on))
        after = part.span.end
    return doc_act


def _emit_citations(
    em: _Emitter, resolver: ActResolver, doc: Document, doc_act: URIRef, lang: str | None
) -> None:
    """Citations of units of acts (pinpoints): the unit as an ``eli:LegalResourceSubdivision`` chain under
    the cited act (or under the document it approved: ``{act}/plan``), ``eli:cites`` from the citing act,
    programme or measure to the unit, and a ``kgl:Citation`` node with the words of the pinpoint, the
    sentence around it and its lines. A unit gets the IRI the amendment operations and the curated files
    give it (``{act}/article-27/point-1``), so that every citation of one article meets at one node.
    A citation of a whole act (an international instrument at each place that names it) has no unit.
    An act the phrase does not name (``inferred``) is linked by its IRI only: no fact about it is stated
    at these lines."""
    for i, c in enumerate(getattr(doc, "citations", None) or [], 1):
        if c.inferred is None:
            cited = _emit_act_ref(em, resolver, c.act, lang)
        else:
            cited = URIRef(resolver.resolve(c.act, str(em.source), em.on))
        owner = _unit_owner(em, cited, c.document)
        parent = _emit_unit_chain(em, owner, c.provision.path)
        citing = _citing_node(em, resolver, doc, doc_act, c.span)
        em.fact(citing, ELI.cites, parent, c.span)
        node = URIRef(f"{doc_act}/{lang or 'und'}/citation/{i}")  # per text, as passages
        em.add(node, RDF.type, KGL.Citation)
        em.lines(node, c.span)
        em.fact(node, KGL.citingResource, citing, c.span)
        em.fact(node, KGL.citedAct, cited, c.span)
        if c.provision.path:
            em.fact(node, KGL.citedUnit, parent, c.span)
        em.fact(node, KGL.citationText, Literal(c.text, lang=lang), c.span)
        if c.context:
            em.fact(node, KGL.citationContext, Literal(c.context, lang=lang), c.span)
        if c.inferred:
            em.add(node, KGL.citedActInferredFrom, Literal(c.inferred))


def _link_new_wordings(em: _Emitter, resolver: ActResolver, doc: Document, doc_act: URIRef) -> None:
    """An operation whose new wording is this act's own appendix ("осы қаулыға қосымшаға сәйкес жаңа
    редакцияда жазылсын") points at the action plan read from that appendix: the new measures are the
    new wording of the amended appendix."""
    for prog in doc.programmes:
        replaces = getattr(prog, "replaces_appendix_of", None)
        if replaces is None:
            continue
        target = resolver.resolve(replaces, str(em.source), em.on)
        approving = (
            URIRef(resolver.resolve(prog.approved_by, str(em.source), em.on)) if prog.approved_by else doc_act
        )
        plan = URIRef(f"{approving}/{prog.key}/action-plan")
        for op in doc.operations:
            if op.new_wording is None or resolver.resolve(op.target, str(em.source), em.on) != target:
                continue
            em.fact(operation_iri(doc_act, op), KGL.newWording, plan, op.span)


def _emit_operative(
    em: _Emitter, resolver: ActResolver, doc: Document, doc_act: URIRef, lang: str | None
) -> None:
    """The operative part (:mod:`kglaw.parse.operative`): each point an ``eli:LegalResourceSubdivision``
    of its act (``{act}/point-N``, sub-points ``{act}/point-N/subpoint-M``, the Provision slug scheme) with
    ``kgl:provisionText`` and ``kgl:operativeKind``; the act ``kgl:executionControlledBy`` a body or a
    ``kgl:Person``; a ``kgl:ReportingDuty`` per reporting point; the act's ``kgl:entryIntoForceRule`` (and
    ``eli:first_date_entry_in_force`` when it follows from the text); ``kgl:signedBy`` a ``kgl:Person``.
    A block the file embeds (the akimat resolution printed after the decision) goes to its own act."""
    for part in getattr(doc, "operative", None) or ():
        act = doc_act
        if part.act is not None:
            act = _emit_act_ref(em, resolver, part.act, lang)
            for ref in part.based_on:
                em.fact(act, ELI.based_on, _emit_act_ref(em, resolver, ref, lang), ref.span)
        for point in part.points:
            _emit_point(em, act, point, lang, doc_act if part.act is None else None, doc)
        for i, sig in enumerate(part.signatories, 1):
            node = URIRef(f"{act}/signatory/{i}")
            em.add(node, RDF.type, KGL.Person)
            em.fact(act, KGL.signedBy, node, sig.span)
            if sig.position:
                em.fact(node, KGL.position, Literal(sig.position, lang=lang), sig.span)
            if sig.name:
                em.fact(node, KGL.personName, Literal(sig.name, lang=lang), sig.span)
            if sig.agency:
                em.fact(node, KGL.agency, URIRef(sig.agency), sig.span)
            em.lines(node, sig.span)


def _emit_point(
    em: _Emitter, act: URIRef, p: Any, lang: str | None, doc_act: URIRef | None, doc: Document
) -> None:
    node = URIRef(f"{act}/{p.provision().slug()}")
    parent = URIRef(f"{act}/point-{p.parent}") if p.parent is not None else act
    em.add(node, RDF.type, ELI.LegalResourceSubdivision)
    em.fact(node, ELI.is_part_of, parent, p.span)
    em.add(node, KGL.provisionKind, Literal("subpoint" if p.parent is not None else "point"))
    if p.number:
        em.add(node, KGL.provisionNumber, Literal(p.number))
    em.fact(node, KGL.provisionText, Literal(p.text, lang=lang), p.span)
    for kind in p.kinds:
        em.fact(node, KGL.operativeKind, Literal(kind), p.span)
    em.lines(node, p.span)
    for a in p.addressees if p.parent is None else ():
        if a.agency:
            em.fact(node, KGL.addressee, URIRef(a.agency), a.span)
        else:
            em.fact(node, KGL.addresseeText, Literal(a.raw, lang=lang), a.span)
    for i, c in enumerate(p.controllers, 1):
        if c.agency:
            em.fact(act, KGL.executionControlledBy, URIRef(c.agency), c.span)
        elif c.position or c.name:
            person = URIRef(f"{node}/controller/{i}")
            em.add(person, RDF.type, KGL.Person)
            em.fact(act, KGL.executionControlledBy, person, c.span)
            if c.position:
                em.fact(person, KGL.position, Literal(c.position, lang=lang), c.span)
            if c.name:
                em.fact(person, KGL.personName, Literal(c.name, lang=lang), c.span)
            em.lines(person, c.span)
        else:
            em.fact(act, KGL.controllerText, Literal(c.raw, lang=lang), c.span)
    if p.reporting is not None:
        _emit_reporting(em, node, p.reporting, lang)
    eif = p.entry_into_force
    if eif is not None:
        em.fact(act, KGL.entryIntoForceRule, Literal(eif.rule, lang=lang), eif.span)
        # the document's own act gets its date from parse.document (doc.entry_into_force)
        if eif.date is not None and doc_act is None:
            em.fact(act, ELI.first_date_entry_in_force, _lit_date(eif.date), eif.span)
        elif eif.date is not None and doc.entry_into_force == eif.date:
            em.fact(act, ELI.first_date_entry_in_force, _lit_date(eif.date), eif.span)


def _emit_reporting(em: _Emitter, point: URIRef, r: Any, lang: str | None) -> None:
    node = URIRef(f"{point}/reporting")
    em.add(node, RDF.type, KGL.ReportingDuty)
    em.fact(point, KGL.reportingDuty, node, r.span)
    em.lines(node, r.span)
    for a in r.reporters:
        if a.agency:
            em.fact(node, KGL.reporter, URIRef(a.agency), a.span)
        else:
            em.fact(node, KGL.reporterText, Literal(a.raw, lang=lang), a.span)
    if r.recipient is not None:
        if r.recipient.agency:
            em.fact(node, KGL.reportsTo, URIRef(r.recipient.agency), r.span)
        else:
            em.fact(node, KGL.reportsToText, Literal(r.recipient.raw, lang=lang), r.span)
    if r.frequency:
        em.fact(node, KGL.reportingFrequency, Literal(r.frequency), r.span)
    if r.frequency_raw:
        em.fact(node, KGL.frequencyText, Literal(r.frequency_raw, lang=lang), r.span)
    if r.due_raw:
        em.fact(node, KGL.dueText, Literal(r.due_raw, lang=lang), r.span)
    if r.due_month_day:
        month, day = r.due_month_day
        em.fact(node, KGL.dueMonthDay, Literal(f"--{month:02d}-{day:02d}", datatype=XSD.gMonthDay), r.span)
    if r.due_date:
        em.fact(node, KGL.dueDate, _lit_date(r.due_date), r.span)


_INVERSE_OF: dict[Node, URIRef] = {**{p: q for p, q in INVERSES}, **{q: p for p, q in INVERSES}}


def _inverse_triples(triples: dict[Triple, None]) -> None:
    """``materialise_inverses`` over an ordered set of triples."""
    inv = _INVERSE_OF
    for s, p, o in [t for t in triples if t[1] in inv]:
        triples[(o, inv[p], s)] = None


def materialise_inverses(g: Graph) -> None:
    """Add the inverse of every lineage and structure triple (``amends`` ↔ ``amended_by`` …)."""
    inv = _INVERSE_OF
    for s, p, o in [t for t in g if t[1] in inv]:
        g.add((o, inv[p], s))


# -- corpus ----------------------------------------------------------------------------------------


def _all_refs(doc: Document) -> Iterator[ActRef]:
    yield doc.act
    for lst in (doc.repealed_by, doc.amended_by, doc.amends, doc.repeals, doc.based_on, doc.cites):
        yield from lst
    for prog in doc.programmes:
        if prog.approved_by:
            yield prog.approved_by
        yield from prog.based_on
    for op in doc.operations:
        yield op.target


def learnable_refs(doc: Document) -> list[ActRef]:
    """The references of a document the corpus-wide resolver learns from, in order."""
    return [ref for ref in _all_refs(doc) if ref.date or ref.number or ref.adilet]


def build_corpus(docs: Iterable[Document]) -> BuildResult:
    """Build every document, resolving acts across the corpus so that each act is one node."""
    docs = list(docs)
    resolver = ActResolver()
    for doc in docs:
        for ref in learnable_refs(doc):
            resolver.learn(ref, resolver.resolve(ref))
    result = BuildResult(documents=docs)
    for doc in docs:
        warnings: list[str] = []
        result.graphs[Path(doc.source).stem] = build_document(doc, resolver, warnings)
        result.warnings.extend(f"{doc.source}: {w}" for w in doc.warnings)
        result.warnings.extend(warnings)
    return result


_IRI_SAFE = re.compile(r'[^<>"{}|^`\\\x00-\x20]*\Z')
_XSD_STRING = str(XSD.string)
_ECHAR = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_term(t: Node) -> str:
    if type(t) is URIRef:
        if _IRI_SAFE.match(t):
            return f"<{t}>"
        raise KglawError(f"not a valid IRI, cannot be written: {t!r}")
    if type(t) is Literal:
        body = str(t).translate(_ECHAR)
        if t.language:
            return f'"{body}"@{t.language}'
        if t.datatype is None or t.datatype == _XSD_STRING:
            return f'"{body}"'
        return f'"{body}"^^<{t.datatype}>'
    return t.n3()  # a blank node


def ntriples(triples: Iterable[Triple], graph: str | None = None) -> str:
    """N-Triples lines for ``triples`` (N-Quads in ``graph`` when given), about 10× faster than
    ``Graph.serialize(format="nt")``; the same RDF terms (a test parses both and compares)."""
    end = f" <{graph}> .\n" if graph else " .\n"
    memo: dict[Node, str] = {}  # IRIs recur (every predicate, every statement's subject)

    def term(t: Node) -> str:
        if type(t) is URIRef:
            v = memo.get(t)
            if v is None:
                v = memo[t] = _nt_term(t)
            return v
        return _nt_term(t)

    return "".join(f"{term(s)} {term(p)} {term(o)}{end}" for s, p, o in triples)


def serialize_turtle(g: Graph) -> bytes:
    """Canonical Turtle: fixed prefixes, subjects and predicates sorted, no blank nodes."""
    bind_prefixes(g)
    data = g.serialize(format="turtle", encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file in the same directory, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_turtle(g: Graph, path: Path) -> None:
    write_atomically(path, serialize_turtle(g))


def graph_iri(stem: str) -> URIRef:
    return GRAPH[stem]


# -- whole directories -------------------------------------------------------------------------------

RAW_SUFFIXES = {".txt", ".html", ".htm", ""}


def raw_files(paths: Iterable[Path]) -> list[Path]:
    """Every input file under ``paths`` (files as given; directories walked, hidden files skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(
                sorted(
                    f
                    for f in p.rglob("*")
                    if f.is_file()
                    and not any(part.startswith(".") for part in f.relative_to(p).parts)
                    and f.suffix.lower() in RAW_SUFFIXES
                )
            )
        else:
            out.append(p)
    return out


def reference_graphs() -> dict[str, Graph]:
    """The graphs built from curated and authority files and the ontology, by output stem."""
    from .resources import authority_dir, curated_dir, ontology_dir

    graphs: dict[str, Graph] = {}
    for prefix, directory in (
        ("ontology", ontology_dir()),
        ("authority", authority_dir()),
        ("curated", curated_dir()),
    ):
        if not directory.is_dir():
            continue
        for f in sorted(directory.glob("*.ttl")):
            g = Graph()
            try:
                g.parse(f, format="turtle")
            except Exception as err:  # rdflib raises several parser exception types
                raise KglawError(f"{f}: not valid Turtle: {err}") from None
            if prefix != "ontology":
                materialise_inverses(g)
            graphs[f"{prefix}-{f.stem}"] = g
    return graphs


def distinct_names(files: list[Path]) -> tuple[list[Path], list[str]]:
    """The files whose name stems are not taken by an earlier file, and an error for each other one.

    A document's graph, its Turtle file and its source node are named by the file's stem, so
    ``a/245.txt`` and ``b/245.txt`` (or ``245.txt`` and ``245.html``) would silently become one graph.
    """
    seen: dict[str, Path] = {}
    kept: list[Path] = []
    errors: list[str] = []
    for f in files:
        first = seen.setdefault(Path(f).stem, Path(f))
        if first == Path(f):
            kept.append(f)
        else:
            errors.append(
                f"{f}: skipped: {first} has the same name, and a document's graph is named by its file "
                f"name ({Path(f).stem}); rename one of them"
            )
    return kept, errors


def parse_paths(files: list[Path], on_progress=None, jobs: int = 1) -> tuple[list[Document], list[str]]:  # type: ignore[no-untyped-def]
    """Parse files (in parallel when ``jobs`` > 1); failures are collected, never raised. A file whose
    name another file already has is an error (``distinct_names``), not a document."""
    files, errors = distinct_names(files)
    docs: list[Document] = []
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        # Ctrl-C reaches the whole process group: the workers ignore it and the parent stops the pool,
        # so an interrupted build ends with one line, not a traceback per worker.
        with ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint) as pool:
            try:
                for f, res in zip(files, pool.map(_parse_safely, files, chunksize=16)):
                    if isinstance(res, str):
                        errors.append(res)
                    else:
                        docs.append(res)
                    if on_progress:
                        on_progress(f)
            except KeyboardInterrupt:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        return docs, errors
    for f in files:
        res = _parse_safely(f)
        if isinstance(res, str):
            errors.append(res)
        else:
            docs.append(res)
        if on_progress:
            on_progress(f)
    return docs, errors


def _ignore_sigint() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _parse_safely(f: Path) -> Document | str:
    from .parse.document import parse_file

    try:
        return parse_file(f)
    except KglawError as err:
        return str(err)


def write_graphs(graphs: dict[str, Graph], out: Path) -> None:
    """Write every graph as ``out/{stem}.ttl``, replacing ``out`` as a whole, atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for stem, g in sorted(graphs.items()):
            (staging / f"{stem}.ttl").write_bytes(serialize_turtle(g))
        from .swap import swap_directory

        swap_directory(staging, out)
    finally:
        if staging.exists():
            import shutil

            shutil.rmtree(staging, ignore_errors=True)


def build_directory(
    raw: Path, out: Path, *, with_reference: bool = True, jobs: int = 1, on_progress=None
) -> BuildResult:  # type: ignore[no-untyped-def]
    """``kglaw build``: parse every file of ``raw``, build, and replace ``out`` with the new graphs."""
    files = raw_files([raw])
    docs, errors = parse_paths(files, on_progress=on_progress, jobs=jobs)
    result = build_corpus(docs)
    result.errors.extend(errors)
    if with_reference:
        result.graphs.update(reference_graphs())
    write_graphs(result.graphs, out)
    return result
