"""The JSON contract of ``kglaw parse --format json`` (issue 3 point 8; schema/parse.schema.json).

One object per document: everything the parser read from it, each fact with the lines it was read from
(``lines: [start, end]``, 1-based and inclusive, of the original file; ``null`` when the parser kept none).
The JSON and the RDF carry the same facts and name the same nodes::

    {"source", "iri", "type", "title", "language",
     "issuer": Issuer | null, "date", "number",
     "registration": {"number", "date", "body", "body_key", "body_iri", "lines"} | null,
     "status": "in_force" | "repealed" | "unknown",
     "repealed_by": [Ref], "amended_by": [Ref], "amends": [Ref], "repeals": [Ref], "based_on": [Ref],
     "cites": [Ref],
     "lines",                       # of the act's identity (its title block)
     "status_raw", "status_lines", "entry_into_force", "line_count",
     "warnings": [{"message", "code", "lines"}],
     "programmes": [Programme], "operations": [Operation], "citations": [Citation],
     "operative": [OperativePart], "passages": [Passage]}

    Ref = {"iri", "type", "issuer": Issuer | null, "date", "number", "title"[, "effective_date"],
           "year", "title_lang", "adilet", "pinpoint", "ratifies": Ref | null, "lines"}
    Issuer = {["iri",] "label", "key", "kind", "level", "region", "district", "lines"}

    Programme = {"iri", "kind", "key", "title", "period": {"start", "end"}, "approved_by": Ref | null,
                 "based_on": [Ref], "passport": {field: text}, "abbreviations": {short: full},
                 "funding": [Amount], "indicators": [Indicator], "sections": [{"key", "title", "lines"}],
                 "action_plan": {"iri", "title", "rows_seen", "rows_parsed"}, "measures": [Measure],
                 "succeeds": [{"iri", "kind", "title", "period", "period_raw", "approved_by", "lines"}],
                 "replaces_appendix_of": Ref | null, "lines"}
    Measure = {"iri", "number", "number_assigned", "name", "section", "form",
               "executors": [{"raw", "agency", "by_agreement", "lines"}],
               "deadline": {"raw", "start", "end", "kind"} | null, "funding_source", "funding_required",
               "cost_raw", "amounts": [Amount], "cites": [Ref], "notes", "incomplete", "lines"}
    Amount = {"value", "unit", "year", "source", "raw", "lines"}     # value: the decimal as text
    Indicator = {"name", "unit", "baseline", "baseline_lines", "targets": [{"year", "value", "lines"}],
                 "measure", "responsible": [executor], "lines"}
    Operation = {"iri", "order", "type", "target": Ref, "provision": Provision | null, "target_document",
                 "target_document_title", "old_text", "new_text", "new_wording", "effective_date", "lines"}
    Provision = {"path": [{"kind", "number"}], "label"}
    Citation = {"act": Ref, "provision": Provision, "document", "text", "context", "inferred", "lines"}
    OperativePart = {"act": Ref | null, "formula", "based_on": [Ref], "points": [Point],
                     "signatories": [{"position", "name", "agency", "lines"}], "lines"}
    Point = {"number", "parent", "text", "kinds", "addressees": [Addressee], "controllers": [Addressee],
             "reporting": Reporting | null, "entry_into_force": {"rule", "date", "on_signing", "lines"} | null,
             "lines"}
    Addressee = {"raw", "agency", "by_agreement", "position", "name", "lines"}
    Reporting = {"reporters": [Addressee], "recipient": Addressee | null, "frequency", "frequency_raw",
                 "due_raw", "due_month_day", "due_date", "lines"}
    Passage = {"order", "kind", "text", "heading", "parent", "targets": [Ref], "lines"}

Dates are ISO 8601 (``due_month_day`` is ``--MM-DD``, as ``xsd:gMonthDay``); money is a decimal string
(``"1234.5"``), never a float. A field the text does not state is ``null`` or ``[]``. The keys of the
first release come first and keep their meaning; the rest were added after them.

Identity is :mod:`kglaw.build`'s, never minted here: acts through :class:`~kglaw.build.ActResolver` (the
authority file, then what the document itself says, a weak citation keyed by its source file as
:func:`~kglaw.build.source_iri` names it), programmes, action plans, measures and operations through
:func:`~kglaw.build.programme_iri`, :func:`~kglaw.build.action_plan_iri`, :func:`~kglaw.build.measure_iri`
and :func:`~kglaw.build.operation_iri`, executors' agencies through :func:`~kglaw.build.executor_agency`.
A node the builder does not mint (a programme of a document that names no act) has ``"iri": null``; the
acts such a document cites keep the IRIs any graph gives them. The document's own issuer is the one
exception: a law's is Parliament (Constitution, art. 61), ``agency/parliament``, where the builder states
``eli:passed_by agency:rk``. ``resolver=`` takes a resolver that has learnt every file of a corpus (as
``kglaw.build.build_corpus`` teaches its own), to get the IRIs of a build over several files.

Where the builder gives a fact its owner's lines (an executor cell without lines of its own is the
row's; an indicator's target the indicator's), so does ``lines`` here, so that both point at one place.
An operation's ``effective_date`` is the one its own text states; the builder falls back on the
document's ``entry_into_force``, given beside it.

Left out: ``Document.sha256``, which fingerprints the bytes rather than the text read (the same text in
cp1251, UTF-16 or mojibake gives the same JSON, tests/test_parse_seeds.py; the RDF keeps it on the source
node), and two derived values: ``OperativeProvision.kind`` (the first of ``kinds``) and
``Provision.slug()`` (the IRI path of ``path``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from rdflib import URIRef

from ..build import (
    ActResolver,
    action_plan_iri,
    executor_agency,
    learnable_refs,
    measure_iri,
    operation_iri,
    predecessor_iri,
    programme_iri,
    source_iri,
)
from ..errors import KglawError
from ..identifiers import slugify
from ..model import (
    ActRef,
    Addressee,
    AmendmentOperation,
    Amount,
    Citation,
    Document,
    Executor,
    Indicator,
    Issuer,
    Measure,
    OperativePart,
    OperativeProvision,
    Passage,
    Programme,
    ProgrammeRef,
    Provision,
    Reporting,
    Span,
)
from ..namespaces import AGENCY

__all__ = ["REF_LISTS", "act_iri", "document_to_json", "ref_to_json", "lines"]

#: The reference lists of a document, in the order the contract lists them.
REF_LISTS = ("repealed_by", "amended_by", "amends", "repeals", "based_on", "cites")

Json = dict[str, Any]


def lines(span: Span | None) -> list[int] | None:
    """A span as the contract writes it: ``[start, end]`` (1-based, inclusive), or ``None``."""
    return [span.start, span.end] if span is not None else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _decimal(value: Decimal) -> str:
    return format(value, "f")  # as the builder's xsd:decimal: never an exponent


def _issuer_slug(issuer: Issuer | None) -> str | None:
    if issuer is None or not issuer.key:
        return None
    s = issuer.key if issuer.key == slugify(issuer.key) else slugify(issuer.key)
    return s or None


def act_iri(
    ref: ActRef, on: date | None = None, context: str | None = None, resolver: ActResolver | None = None
) -> str | None:
    """The IRI of the act a reference names, as :meth:`kglaw.build.ActResolver.resolve` gives it (the
    authority file, what ``resolver`` has learnt, else minted from type, issuer, date or year and number);
    ``context`` is the citing document's source IRI (:func:`kglaw.build.source_iri`), which keys a weak
    citation ("бұйрық № 26"). ``None`` when the text says too little to name the act."""
    try:
        return (resolver or ActResolver()).resolve(ref, context, on)
    except KglawError:
        return None


def _issuer_to_json(issuer: Issuer) -> Json:
    return {
        "label": issuer.label or issuer.key,
        "key": issuer.key or None,
        "kind": issuer.kind,
        "level": issuer.level,
        "region": issuer.region,
        "district": issuer.district,
        "lines": lines(issuer.span),
    }


class _Writer:
    """Turns one document's dataclasses into the contract, resolving acts with one resolver."""

    def __init__(self, doc: Document, resolver: ActResolver, on: date | None, context: str | None) -> None:
        self.doc = doc
        self.resolver = resolver
        self.on = on  # the document's date: a title two laws share names the one in force then
        self.context = context  # the source IRI, which keys a weak citation to the citing document

    def iri(self, ref: ActRef) -> str | None:
        return act_iri(ref, self.on, self.context, self.resolver)

    def ref(self, ref: ActRef) -> Json:
        out: Json = {
            "iri": self.iri(ref),
            "type": ref.type,
            "issuer": _issuer_to_json(ref.issuer) if ref.issuer is not None else None,
            "date": _d(ref.date),
            "number": ref.number,
            "title": ref.title,
        }
        if ref.effective_date:
            out["effective_date"] = _d(ref.effective_date)
        out["year"] = ref.year
        out["title_lang"] = ref.title_lang
        out["adilet"] = ref.adilet
        out["pinpoint"] = ref.pinpoint
        out["ratifies"] = self.ref(ref.ratifies) if ref.ratifies is not None else None
        out["lines"] = lines(ref.span)
        return out

    def refs(self, refs: Iterable[ActRef]) -> list[Json]:
        return [self.ref(r) for r in refs]

    def optional_ref(self, ref: ActRef | None) -> Json | None:
        return self.ref(ref) if ref is not None else None

    # -- programmes ---------------------------------------------------------------------------------------

    def programme(self, prog: Programme, doc_act: URIRef | None) -> Json:
        node = programme_iri(self.resolver, prog, doc_act) if doc_act is not None else None
        plan = action_plan_iri(node) if node is not None else None
        return {
            "iri": str(node) if node is not None else None,
            "kind": prog.kind,
            "key": prog.key,
            "title": prog.title,
            "period": {"start": prog.period_start, "end": prog.period_end},
            "approved_by": self.optional_ref(prog.approved_by),
            "based_on": self.refs(prog.based_on),
            "passport": dict(prog.passport),
            "abbreviations": dict(prog.abbreviations),
            "funding": [self.amount(a) for a in prog.funding],
            "indicators": [self.indicator(i, prog) for i in prog.indicators],
            "sections": [{"key": s.key, "title": s.title, "lines": lines(s.span)} for s in prog.sections],
            "action_plan": {
                "iri": str(plan) if plan is not None else None,
                "title": prog.action_plan_title,
                "rows_seen": prog.rows_seen,
                "rows_parsed": prog.rows_parsed,
            },
            "measures": [self.measure(m, prog, plan) for m in prog.measures],
            "succeeds": [self.predecessor(p) for p in prog.succeeds],
            "replaces_appendix_of": self.optional_ref(prog.replaces_appendix_of),
            "lines": lines(prog.span),
        }

    def measure(self, m: Measure, prog: Programme, plan: URIRef | None) -> Json:
        d = m.deadline
        return {
            "iri": str(measure_iri(plan, m)) if plan is not None else None,
            "number": m.number,
            "number_assigned": m.number_assigned,
            "name": m.name,
            "section": m.section,
            "form": m.form,
            "executors": [self.executor(e, prog, m.span) for e in m.executors],
            "deadline": (
                {"raw": d.raw, "start": _d(d.start), "end": _d(d.end), "kind": d.kind}
                if d is not None
                else None
            ),
            "funding_source": m.funding_source,
            "funding_required": m.funding_required,
            "cost_raw": m.cost_raw,
            "amounts": [self.amount(a) for a in m.amounts],
            "cites": self.refs(m.cites),
            "notes": list(m.notes),
            "incomplete": m.incomplete,
            "lines": lines(m.span),
        }

    def executor(self, ex: Executor, prog: Programme, owner: Span | None) -> Json:
        return {
            "raw": ex.raw,
            "agency": executor_agency(ex, prog, self.doc),
            "by_agreement": ex.by_agreement,
            "lines": lines(ex.span or owner),
        }

    @staticmethod
    def amount(a: Amount) -> Json:
        return {
            "value": _decimal(a.value),
            "unit": a.unit,
            "year": a.year,
            "source": a.source,
            "raw": a.raw,
            "lines": lines(a.span),
        }

    def indicator(self, ind: Indicator, prog: Programme) -> Json:
        return {
            "name": ind.name,
            "unit": ind.unit,
            "baseline": ind.baseline,
            "baseline_lines": lines(ind.baseline_span or ind.span) if ind.baseline else None,
            "targets": [
                {"year": year, "value": value, "lines": lines(ind.target_spans.get(year) or ind.span)}
                for year, value in sorted(ind.targets.items())
            ],
            "measure": ind.measure,
            "responsible": [self.executor(e, prog, ind.span) for e in ind.responsible],
            "lines": lines(ind.span),
        }

    def predecessor(self, pred: ProgrammeRef) -> Json:
        return {
            "iri": predecessor_iri(self.resolver, pred, self.context),
            "kind": pred.kind,
            "title": pred.title,
            "period": {"start": pred.period_start, "end": pred.period_end},
            "period_raw": pred.period_raw,
            "approved_by": self.optional_ref(pred.approved_by),
            "lines": lines(pred.span),
        }

    # -- amendments and citations -------------------------------------------------------------------------

    @staticmethod
    def provision(p: Provision | None) -> Json | None:
        if p is None:
            return None
        return {
            "path": [{"kind": kind, "number": number or None} for kind, number in p.path],
            "label": p.label,
        }

    def operation(self, op: AmendmentOperation, doc_act: URIRef | None) -> Json:
        return {
            "iri": str(operation_iri(doc_act, op)) if doc_act is not None else None,
            "order": op.order,
            "type": op.type,
            "target": self.ref(op.target),
            "provision": self.provision(op.provision),
            "target_document": op.target_document,
            "target_document_title": op.target_document_title,
            "old_text": op.old_text,
            "new_text": op.new_text,
            "new_wording": op.new_wording,
            "effective_date": _d(op.effective_date),
            "lines": lines(op.span),
        }

    def citation(self, c: Citation) -> Json:
        return {
            "act": self.ref(c.act),
            "provision": self.provision(c.provision),
            "document": c.document,
            "text": c.text,
            "context": c.context,
            "inferred": c.inferred,
            "lines": lines(c.span),
        }

    # -- operative part and running text ------------------------------------------------------------------

    @staticmethod
    def addressee(a: Addressee) -> Json:
        return {
            "raw": a.raw,
            "agency": a.agency,
            "by_agreement": a.by_agreement,
            "position": a.position,
            "name": a.name,
            "lines": lines(a.span),
        }

    def reporting(self, r: Reporting | None) -> Json | None:
        if r is None:
            return None
        md = r.due_month_day
        return {
            "reporters": [self.addressee(a) for a in r.reporters],
            "recipient": self.addressee(r.recipient) if r.recipient is not None else None,
            "frequency": r.frequency,
            "frequency_raw": r.frequency_raw,
            "due_raw": r.due_raw,
            "due_month_day": f"--{md[0]:02d}-{md[1]:02d}" if md else None,
            "due_date": _d(r.due_date),
            "lines": lines(r.span),
        }

    def point(self, p: OperativeProvision) -> Json:
        e = p.entry_into_force
        return {
            "number": p.number,
            "parent": p.parent,
            "text": p.text,
            "kinds": list(p.kinds),
            "addressees": [self.addressee(a) for a in p.addressees],
            "controllers": [self.addressee(a) for a in p.controllers],
            "reporting": self.reporting(p.reporting),
            "entry_into_force": (
                {"rule": e.rule, "date": _d(e.date), "on_signing": e.on_signing, "lines": lines(e.span)}
                if e is not None
                else None
            ),
            "lines": lines(p.span),
        }

    def operative(self, part: OperativePart) -> Json:
        return {
            "act": self.optional_ref(part.act),
            "formula": part.formula,
            "based_on": self.refs(part.based_on),
            "points": [self.point(p) for p in part.points],
            "signatories": [
                {"position": s.position, "name": s.name, "agency": s.agency, "lines": lines(s.span)}
                for s in part.signatories
            ],
            "lines": lines(part.span),
        }

    def passage(self, p: Passage) -> Json:
        return {
            "order": p.order,
            "kind": p.kind,
            "text": p.text,
            "heading": list(p.heading),
            "parent": p.parent,
            "targets": self.refs(p.targets),
            "lines": lines(p.span),
        }


def _document_resolver(doc: Document) -> ActResolver:
    """A resolver that has learnt what this document says, as ``kglaw.build.build_corpus`` teaches its own."""
    resolver = ActResolver()
    for ref in learnable_refs(doc):
        try:
            resolver.learn(ref, resolver.resolve(ref))
        except KglawError:
            continue
    return resolver


def ref_to_json(
    ref: ActRef, on: date | None = None, context: str | None = None, resolver: ActResolver | None = None
) -> Json:
    """One reference (``Ref`` in the module docstring); ``on``, ``context`` and ``resolver`` as for
    :func:`act_iri`."""
    return _Writer(Document(source=""), resolver or ActResolver(), on, context).ref(ref)


def document_to_json(doc: Document, resolver: ActResolver | None = None) -> Json:
    """The JSON object of one document (see the module docstring for the contract).

    ``resolver`` is the corpus-wide one of a build over several files; by default a resolver that has
    learnt this document alone, which gives the IRIs of ``kglaw build`` (or ``kglaw parse --format ttl``)
    on this one file."""
    w = _Writer(doc, resolver or _document_resolver(doc), doc.act.date, str(source_iri(doc)))
    act = doc.act
    issuer = None
    if act.issuer is not None:
        slug = _issuer_slug(act.issuer)
        if slug == "rk":
            slug = (
                "parliament"  # the state passes its laws and codes through Parliament (Constitution, art. 61)
            )
        issuer = {"iri": str(AGENCY[slug]) if slug else None, **_issuer_to_json(act.issuer)}
    reg = None
    if doc.registration is not None:
        r = doc.registration
        reg = {
            "number": r.number,
            "date": _d(r.date),
            "body": r.body,
            "body_key": r.body_key,
            "body_iri": str(AGENCY[r.body_key]) if r.body_key else None,
            "lines": lines(r.span),
        }
    # the builder records an act for a document that names one by any of these (kglaw.build.document_triples)
    named = bool(act.iri or act.type or act.date or act.number or act.title)
    iri = w.iri(act) if named else None
    doc_act = URIRef(iri) if iri else None
    out: Json = {
        "source": doc.source,
        "iri": iri,
        "type": act.type,
        "title": act.title,
        "language": doc.language,
        "issuer": issuer,
        "date": _d(act.date),
        "number": act.number,
        "registration": reg,
        "status": doc.status,
    }
    for name in REF_LISTS:
        out[name] = w.refs(getattr(doc, name))
    out["lines"] = lines(act.span)
    out["status_raw"] = doc.status_raw
    out["status_lines"] = lines(doc.status_span)
    out["entry_into_force"] = _d(doc.entry_into_force)
    out["line_count"] = doc.line_count
    out["warnings"] = [{"message": x.message, "code": x.code, "lines": lines(x.span)} for x in doc.warnings]
    out["programmes"] = [w.programme(p, doc_act) for p in doc.programmes]
    out["operations"] = [w.operation(op, doc_act) for op in doc.operations]
    out["citations"] = [w.citation(c) for c in doc.citations]
    out["operative"] = [w.operative(part) for part in doc.operative]
    out["passages"] = [w.passage(p) for p in doc.passages]
    return out
