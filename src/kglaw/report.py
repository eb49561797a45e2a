"""Reports: the lineage of an act, rendered as Markdown or self-contained HTML with jinja2.

Report data come from SPARQL over any target (embedded store, rdflib graph, remote endpoint); the
templates live in ``kglaw/templates`` and are rendered with autoescape on.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import Literal, URIRef

from .errors import KglawError
from .picture import Edge, Node, gantt_svg, lineage_svg, timeline_svg
from .query import resolve_act_iri, run_sparql
from .resources import templates_dir

__all__ = [
    "ActFacts",
    "LineageReport",
    "PlanReport",
    "act_facts",
    "lineage_data",
    "lineage_report",
    "plan_data",
    "plan_report",
    "render",
]

PREFIXES = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX kgl: <https://w3id.org/kglaw/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX optype: <https://w3id.org/kglaw/vocab/optype/>
"""

_FACTS = (
    PREFIXES
    + """
SELECT ?p ?o WHERE {
  { ?act ?p ?o FILTER (?p IN (eli:date_document, eli:number, eli:id_local, eli:in_force,
        eli:first_date_entry_in_force, eli:date_no_longer_in_force, kgl:statusText, kgl:periodStart, kgl:periodEnd)) }
  UNION { ?act eli:type_document/skos:notation ?o BIND (eli:type_document AS ?p) }
  UNION { ?act eli:is_realized_by/eli:title ?o BIND (eli:title AS ?p) }
  UNION { ?act eli:passed_by ?a . ?a skos:prefLabel|skos:altLabel ?o BIND (eli:passed_by AS ?p) }
  UNION { ?act kgl:registration/kgl:registrationNumber ?o BIND (kgl:registrationNumber AS ?p) }
  UNION { ?act kgl:registration/kgl:registrationDate ?o BIND (kgl:registrationDate AS ?p) }
  UNION { ?act kgl:sourceDocument/<http://purl.org/dc/terms/identifier> ?o BIND (kgl:sourceDocument AS ?p) }
  UNION { ?act kgl:lineStart ?o BIND (kgl:lineStart AS ?p) }
  UNION { ?act kgl:lineEnd ?o BIND (kgl:lineEnd AS ?p) }
}"""
)

_LINKS = (
    PREFIXES
    + """
SELECT DISTINCT ?s ?rel ?o WHERE {
  VALUES (?p ?rel) {
    (eli:amends "amends") (eli:repeals "repeals") (eli:based_on "based on") (kgl:replacedBy "replaced by")
    (kgl:approves "approves")
  }
  ?s ?p ?o .
  FILTER (?s = ?act || ?o = ?act)
}"""
)

_CLOSURE = (
    PREFIXES
    + """
SELECT DISTINCT ?n WHERE {
  ?act (eli:amended_by|eli:repealed_by|kgl:replacedBy|^kgl:approves)* ?n .
}"""
)

_OPS = (
    PREFIXES
    + """
SELECT ?op ?changer ?order ?type ?provision ?kind ?number ?label ?old ?new ?effective WHERE {
  ?op a kgl:AmendmentOperation ; kgl:affectedAct ?act ; kgl:affectingAct ?changer ; kgl:order ?order ;
      kgl:operationType/skos:notation ?type .
  OPTIONAL { ?op kgl:affectedProvision ?provision .
             OPTIONAL { ?provision kgl:provisionKind ?kind } OPTIONAL { ?provision kgl:provisionNumber ?number }
             OPTIONAL { ?provision rdfs:label ?label } }
  OPTIONAL { ?op kgl:oldText ?old }
  OPTIONAL { ?op kgl:newText ?new }
  OPTIONAL { ?op kgl:effectiveDate ?effective }
} ORDER BY ?changer ?order"""
)

_KNOWN = PREFIXES + "ASK { { ?act ?p ?o } UNION { ?s ?p ?act } }"


@dataclass
class ActFacts:
    iri: str
    type: str | None = None
    date: str | None = None
    number: str | None = None
    adilet: str | None = None
    titles: list[tuple[str, str]] = field(default_factory=list)  # (lang, title)
    issuer: list[tuple[str, str]] = field(default_factory=list)
    status: str = "unknown"
    status_text: str | None = None
    in_force_from: str | None = None
    no_longer_in_force: str | None = None
    registration_number: str | None = None
    registration_date: str | None = None
    period: tuple[str | None, str | None] = (None, None)
    source: str | None = None
    lines: tuple[int | None, int | None] = (None, None)

    @property
    def title(self) -> str | None:
        by_lang = dict(sorted(self.titles))
        return by_lang.get("kk") or by_lang.get("ru") or by_lang.get("en") or by_lang.get("") or None

    @property
    def short(self) -> str:
        kind = self.type or "act"
        bits = [kind]
        if self.number:
            bits.append(f"No {self.number}")
        if self.date:
            bits.append(f"of {self.date}")
        if len(bits) == 1 and self.title:
            bits.append(self.title[:40])
        return " ".join(bits)

    @property
    def year(self) -> int | None:
        for d in (self.date, self.period[0]):
            if d:
                return int(d[:4])
        return None


def _lex(t: Any) -> str:
    return str(t) if t is not None else ""


def act_facts(target: Any, iri: str) -> ActFacts:
    res = run_sparql(target, _FACTS, {"act": URIRef(iri)})
    f = ActFacts(iri)
    for p, o in res.rows:
        key = str(p).rsplit("#", 1)[-1]
        if key == "type_document":
            f.type = _lex(o)
        elif key == "date_document":
            f.date = _lex(o)
        elif key == "number":
            f.number = _lex(o)
        elif key == "id_local":
            f.adilet = _lex(o)
        elif key == "title":
            f.titles.append((o.language or "" if isinstance(o, Literal) else "", _lex(o)))
        elif key == "passed_by":
            f.issuer.append((o.language or "" if isinstance(o, Literal) else "", _lex(o)))
        elif key == "in_force":
            f.status = "in force" if str(o).endswith("inForce") and "not" not in str(o) else "not in force"
        elif key == "statusText":
            f.status_text = _lex(o)
        elif key == "first_date_entry_in_force":
            f.in_force_from = _lex(o)
        elif key == "date_no_longer_in_force":
            f.no_longer_in_force = _lex(o)
        elif key == "registrationNumber":
            f.registration_number = _lex(o)
        elif key == "registrationDate":
            f.registration_date = _lex(o)
        elif key == "periodStart":
            f.period = (_lex(o), f.period[1])
        elif key == "periodEnd":
            f.period = (f.period[0], _lex(o))
        elif key == "sourceDocument":
            f.source = _lex(o)
        elif key == "lineStart":
            f.lines = (int(str(o)), f.lines[1])
        elif key == "lineEnd":
            f.lines = (f.lines[0], int(str(o)))
    f.titles.sort()
    f.issuer.sort()
    return f


@dataclass
class Operation:
    changer: str
    order: int
    type: str
    provision: str
    old: str | None
    new: str | None
    effective: str | None


@dataclass
class LineageReport:
    act: ActFacts
    status_reason: str
    changers: list[tuple[str, ActFacts, list[Operation]]]  # (relation, act, operations)
    replaced_by: list[ActFacts]
    based_on: list[ActFacts]
    approves: list[ActFacts]
    timeline: list[tuple[str, str, str]]
    svg: str
    timeline_svg: str
    nodes: dict[str, ActFacts]


def _status_reason(act: ActFacts, repealers: list[ActFacts]) -> str:
    if repealers:
        r = repealers[0]
        when = act.no_longer_in_force or r.date
        how = f" (effective {act.no_longer_in_force})" if act.no_longer_in_force else ""
        return f"repealed by {r.short}{how}" if when else f"repealed by {r.short}"
    if act.no_longer_in_force:
        return f"no longer in force since {act.no_longer_in_force}"
    if act.status == "not in force":
        return "not in force (the text says so; no repealing act is named)"
    if act.period[1]:
        return f"programme period ends {act.period[1]}"
    if act.status == "in force":
        return "in force (the text says so)"
    return "in force as far as the graph knows (no repeal recorded)"


def _provision_path(act_iri: str, provision: Any) -> str:
    """``…/326/plan/section-2/chapter-6/abzac-13`` → ``plan › section 2 › chapter 6 › abzac 13``."""
    if provision is None:
        return ""
    s = str(provision)
    if not s.startswith(act_iri + "/"):
        return s
    parts = s[len(act_iri) + 1 :].split("/")
    return " › ".join(p.replace("-", " ", 1) for p in parts)


def lineage_data(target: Any, act: str) -> LineageReport:
    iri = resolve_act_iri(act, target)
    known = run_sparql(target, _KNOWN, {"act": URIRef(iri)})
    if not known.boolean:
        raise KglawError(f"no act {iri} in the graph")
    closure = {str(r[0]) for r in run_sparql(target, _CLOSURE, {"act": URIRef(iri)}).rows}
    closure.add(iri)
    edges: set[tuple[str, str, str]] = set()
    for n in sorted(closure):
        for s_, rel_, o_ in run_sparql(target, _LINKS, {"act": URIRef(n)}).rows:
            edges.add((str(s_), str(rel_), str(o_)))
    ids = sorted({e[0] for e in edges} | {e[2] for e in edges} | {iri})
    nodes = {i: act_facts(target, i) for i in ids}
    focus = nodes[iri]

    ops_by_changer: dict[str, list[Operation]] = {}
    for row in run_sparql(target, _OPS, {"act": URIRef(iri)}).dicts():
        prov = _provision_path(iri, row.get("provision")) or _lex(row.get("label")) or "(whole act)"
        ops_by_changer.setdefault(str(row["changer"]), []).append(
            Operation(
                str(row["changer"]),
                int(str(row["order"])),
                _lex(row["type"]),
                prov,
                _lex(row.get("old")) or None,
                _lex(row.get("new")) or None,
                _lex(row.get("effective")) or None,
            )
        )
    changers = []
    for s, rel, o in sorted(edges):
        if o == iri and rel in ("amends", "repeals"):
            changers.append(
                ("amended by" if rel == "amends" else "repealed by", nodes[s], ops_by_changer.get(s, []))
            )
    changers.sort(key=lambda c: (c[1].date or "", c[1].iri))
    repealers = [c[1] for c in changers if c[0] == "repealed by"]
    replaced = [nodes[o] for s, rel, o in sorted(edges) if s == iri and rel == "replaced by"]
    based = [nodes[o] for s, rel, o in sorted(edges) if s == iri and rel == "based on"]
    approves = [nodes[o] for s, rel, o in sorted(edges) if s == iri and rel == "approves"]

    timeline: list[tuple[str, str, str]] = []
    if focus.date:
        timeline.append((focus.date, f"adopted: {focus.short}", "approves"))
    if focus.registration_date:
        timeline.append(
            (focus.registration_date, f"registered No {focus.registration_number or '?'}", "based on")
        )
    if focus.in_force_from:
        timeline.append((focus.in_force_from, "enters into force", "approves"))
    for rel, c, ops in changers:
        if c.date:
            n = f" ({len(ops)} operations)" if ops else ""
            timeline.append((c.date, f"{rel} {c.short}{n}", "amends" if rel == "amended by" else "repeals"))
    if focus.no_longer_in_force:
        timeline.append((focus.no_longer_in_force, "no longer in force", "repeals"))
    for a in approves:
        if a.period[0]:
            timeline.append((a.period[0], f"{a.short}: period starts", "approves"))
        if a.period[1]:
            timeline.append((a.period[1], f"{a.short}: period ends", "approves"))
    timeline.sort()

    svg = lineage_svg(
        [Node(i, f.short, f.year, i == iri) for i, f in nodes.items()],
        [Edge(s, o, rel) for s, rel, o in edges],
    )
    return LineageReport(
        act=focus,
        status_reason=_status_reason(focus, repealers),
        changers=changers,
        replaced_by=replaced,
        based_on=based,
        approves=approves,
        timeline=timeline,
        svg=svg,
        timeline_svg=timeline_svg(timeline),
        nodes=nodes,
    )


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        # HTML is always escaped; Markdown output escapes its own table cells (``mdcell``).
        autoescape=select_autoescape(
            enabled_extensions=("html.j2", "html"), default_for_string=True, default=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["b64"] = lambda s: base64.b64encode(s.encode("utf-8")).decode("ascii")
    env.filters["excerpt"] = lambda s, n=160: s if s is None or len(s) <= n else s[: n - 1] + "…"
    env.filters["mdcell"] = lambda s: (s or "").replace("|", "\\|").replace("\n", " ")
    return env


def render(template: str, **context: Any) -> str:
    """Render a report template (``*.html.j2`` autoescaped, ``*.md.j2`` with escaped table cells)."""
    return _env().get_template(template).render(**context)


def lineage_report(target: Any, act: str, fmt: str = "md") -> str:
    """``kglaw report lineage ACT``: Markdown or HTML."""
    if fmt not in ("md", "html"):
        raise KglawError(f"unknown report format {fmt!r}; choose md or html")
    data = lineage_data(target, act)
    return render(f"lineage.{fmt}.j2", r=data)


# -- plan report ------------------------------------------------------------------------------------

_PLAN_FOR_ACT = (
    PREFIXES
    + """
SELECT DISTINCT ?programme WHERE {
  { ?act kgl:approves ?programme } UNION { ?act a kgl:PolicyDocument BIND (?act AS ?programme) }
  ?programme a kgl:PolicyDocument .
} ORDER BY ?programme"""
)

_PLAN_FACTS = (
    PREFIXES
    + """
SELECT DISTINCT ?p ?o WHERE {
  { ?programme ?p ?o FILTER (?p IN (kgl:periodStart, kgl:periodEnd, kgl:passportField, kgl:approvedBy, kgl:lineStart, kgl:lineEnd)) }
  UNION { ?programme eli:type_document/skos:notation ?o BIND (eli:type_document AS ?p) }
  UNION { ?programme eli:is_realized_by/eli:title ?o BIND (eli:title AS ?p) }
  UNION { ?programme kgl:sourceDocument/<http://purl.org/dc/terms/identifier> ?o BIND (kgl:sourceDocument AS ?p) }
}"""
)

_PLAN_FUNDING = (
    PREFIXES
    + """
SELECT DISTINCT ?a ?value ?unit ?year ?source ?raw WHERE {
  ?programme kgl:funding ?a . ?a kgl:value ?value ; kgl:unit ?unit .
  OPTIONAL { ?a kgl:year ?year } OPTIONAL { ?a kgl:fundingSource ?source } OPTIONAL { ?a kgl:rawText ?raw }
} ORDER BY ?source ?year ?a"""
)

_PLAN_INDICATORS = (
    PREFIXES
    + """
SELECT DISTINCT ?i ?name ?unit ?baseline ?year ?value WHERE {
  ?programme kgl:indicator ?i . ?i rdfs:label ?name .
  OPTIONAL { ?i kgl:unit ?unit } OPTIONAL { ?i kgl:baseline ?baseline }
  OPTIONAL { ?i kgl:target ?t . ?t kgl:year ?year ; kgl:value ?value }
} ORDER BY ?i ?year"""
)

_PLAN_SECTIONS = (
    PREFIXES
    + """
SELECT DISTINCT ?s ?key ?title WHERE {
  ?programme kgl:hasActionPlan/kgl:hasSection ?s . ?s kgl:sectionKey ?key .
  OPTIONAL { ?s rdfs:label ?title }
} ORDER BY ?s"""
)

_PLAN_MEASURES = (
    PREFIXES
    + """
SELECT DISTINCT ?m ?number ?name ?section ?form ?dtext ?dstart ?dend ?source ?incomplete ?first ?last WHERE {
  ?programme kgl:hasActionPlan/kgl:hasMeasure ?m . ?m kgl:measureNumber ?number .
  OPTIONAL { ?m rdfs:label ?name } OPTIONAL { ?m kgl:inSection ?section } OPTIONAL { ?m kgl:formOfCompletion ?form }
  OPTIONAL { ?m kgl:deadlineText ?dtext } OPTIONAL { ?m kgl:deadlineStart ?dstart } OPTIONAL { ?m kgl:deadlineEnd ?dend }
  OPTIONAL { ?m kgl:fundingSource ?source } OPTIONAL { ?m kgl:incomplete ?incomplete }
  OPTIONAL { ?m kgl:lineStart ?first } OPTIONAL { ?m kgl:lineEnd ?last }
}"""
)

_PLAN_EXECUTORS = (
    PREFIXES
    + """
SELECT DISTINCT ?m ?p ?agency ?raw ?byAgreement ?label WHERE {
  ?programme kgl:hasActionPlan/kgl:hasMeasure ?m . ?m kgl:participation ?p . ?p kgl:rawText ?raw .
  OPTIONAL { ?p kgl:byAgreement ?byAgreement }
  OPTIONAL { ?p kgl:agency ?agency . OPTIONAL { ?agency skos:prefLabel ?label } }
}"""
)

_PLAN_AMOUNTS = (
    PREFIXES
    + """
SELECT DISTINCT ?m ?a ?value ?unit ?year WHERE {
  ?programme kgl:hasActionPlan/kgl:hasMeasure ?m . ?m kgl:amount ?a . ?a kgl:value ?value ; kgl:unit ?unit .
  OPTIONAL { ?a kgl:year ?year }
}"""
)


@dataclass
class PlanMeasure:
    iri: str
    number: str
    name: str
    section: str | None
    form: str | None
    executors: list[str]
    deadline: str | None
    start: str | None
    end: str | None
    funding_source: str | None
    amounts: list[str]
    incomplete: bool
    lines: str


@dataclass
class PlanReport:
    iri: str
    title: str | None
    kind: str | None
    approved_by: ActFacts | None
    period: tuple[str | None, str | None]
    passport: list[tuple[str, str]]
    funding: list[tuple[str, str, str, str]]  # source, year, amount, as written
    indicators: list[tuple[str, str, str, list[tuple[str, str]]]]  # name, unit, baseline, targets
    sections: list[tuple[str, str, list[PlanMeasure]]]
    agencies: list[tuple[str, list[str]]]
    source: str | None
    lines: tuple[str, str]
    gantt_svg: str
    measure_count: int


def _number_key(n: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", n))


def _prefer(labels: list[tuple[str, str]]) -> str:
    by: dict[str, str] = {}
    for lang, text in sorted(labels):
        by.setdefault(lang, text)
    return by.get("kk") or by.get("ru") or by.get("en") or next(iter(by.values()), "")


def _programme_iri(target: Any, plan: str) -> str:
    from .query import resolve_act_iri

    iri = plan if plan.startswith(("http://", "https://")) else resolve_act_iri(plan, target)
    found = [str(r[0]) for r in run_sparql(target, _PLAN_FOR_ACT, {"act": URIRef(iri)}).rows]
    if not found:
        raise KglawError(f"no programme, plan or concept is approved by (or is) {iri}")
    if len(found) > 1:
        raise KglawError(f"{iri} approves several documents; name one of: {', '.join(found)}")
    return found[0]


def plan_data(target: Any, plan: str) -> PlanReport:
    iri = _programme_iri(target, plan)
    b = {"programme": URIRef(iri)}
    titles: list[tuple[str, str]] = []
    period: list[str | None] = [None, None]
    passport: list[tuple[str, str]] = []
    approved = kind = source = None
    lines = ("", "")
    for p, o in run_sparql(target, _PLAN_FACTS, b).rows:
        key = str(p).rsplit("#", 1)[-1]
        if key == "title":
            titles.append((getattr(o, "language", None) or "", str(o)))
        elif key == "periodStart":
            period[0] = str(o)
        elif key == "periodEnd":
            period[1] = str(o)
        elif key == "passportField":
            name, _, value = str(o).partition(": ")
            passport.append((name, value))
        elif key == "approvedBy":
            approved = str(o)
        elif key == "type_document":
            kind = str(o)
        elif key == "sourceDocument":
            source = str(o)
        elif key == "lineStart":
            lines = (str(o), lines[1])
        elif key == "lineEnd":
            lines = (lines[0], str(o))
    funding = [
        (
            _lex(r.get("source")) or "total",
            _lex(r.get("year")) or "all years",
            f"{_lex(r['value'])} {_lex(r['unit'])}",
            _lex(r.get("raw")),
        )
        for r in run_sparql(target, _PLAN_FUNDING, b).dicts()
    ]
    funding.sort(key=lambda f: (f[0] != "total", f[0], f[1] != "all years", f[1]))
    indicators: dict[str, list[Any]] = {}
    for r in run_sparql(target, _PLAN_INDICATORS, b).dicts():
        entry = indicators.setdefault(
            str(r["i"]), [_lex(r["name"]), _lex(r.get("unit")), _lex(r.get("baseline")), []]
        )
        if r.get("year") is not None:
            entry[3].append((_lex(r["year"]), _lex(r["value"])))
    section_titles = {
        str(r["s"]): (_lex(r["key"]), _lex(r.get("title")))
        for r in run_sparql(target, _PLAN_SECTIONS, b).dicts()
    }
    agency_rows: dict[str, set[str]] = {}
    labels: dict[str, list[tuple[str, str]]] = {}
    raw_of: dict[str, dict[str, tuple[str, bool]]] = {}
    for r in run_sparql(target, _PLAN_EXECUTORS, b).dicts():
        m, part = str(r["m"]), str(r["p"])
        agency = str(r["agency"]) if r.get("agency") is not None else None
        if agency and r.get("label") is not None:
            labels.setdefault(agency, []).append(
                (getattr(r["label"], "language", None) or "", str(r["label"]))
            )
        raw_of.setdefault(m, {})[part] = (agency or "", str(r.get("byAgreement")) == "true")
        raw_of[m][part + "#raw"] = (_lex(r["raw"]), False)
    amounts: dict[str, list[str]] = {}
    for r in run_sparql(target, _PLAN_AMOUNTS, b).dicts():
        year = f" ({_lex(r['year'])})" if r.get("year") is not None else ""
        amounts.setdefault(str(r["m"]), []).append(f"{_lex(r['value'])} {_lex(r['unit'])}{year}")
    measures: list[PlanMeasure] = []
    for r in run_sparql(target, _PLAN_MEASURES, b).dicts():
        m = str(r["m"])
        names: list[str] = []
        parts = raw_of.get(m, {})
        for part in sorted(k for k in parts if not k.endswith("#raw")):
            agency, agreed = parts[part]
            raw = parts[part + "#raw"][0]
            label = _prefer(labels.get(agency, [])) if agency else ""
            shown = label or raw
            if agency:
                agency_rows.setdefault(label or agency, set()).add(_lex(r["number"]))
            else:
                agency_rows.setdefault(f"{raw} (not resolved)", set()).add(_lex(r["number"]))
            names.append(shown + (" (by agreement)" if agreed else ""))
        lo, hi = _lex(r.get("first")), _lex(r.get("last"))
        measures.append(
            PlanMeasure(
                iri=m,
                number=_lex(r["number"]),
                name=_lex(r.get("name")),
                section=str(r["section"]) if r.get("section") is not None else None,
                form=_lex(r.get("form")) or None,
                executors=names,
                deadline=_lex(r.get("dtext")) or None,
                start=_lex(r.get("dstart")) or None,
                end=_lex(r.get("dend")) or None,
                funding_source=_lex(r.get("source")) or None,
                amounts=sorted(amounts.get(m, [])),
                incomplete=_lex(r.get("incomplete")) == "true",
                lines=f"{lo}–{hi}" if lo else "",
            )
        )
    measures.sort(key=lambda x: _number_key(x.number))
    grouped: dict[str, list[PlanMeasure]] = {}
    for pm in measures:
        grouped.setdefault(pm.section or "", []).append(pm)
    sections = []
    for sec_iri, ms in sorted(
        grouped.items(), key=lambda kv: _number_key(section_titles.get(kv[0], ("~", ""))[0] or "~")
    ):
        key, title = section_titles.get(sec_iri, ("", ""))
        sections.append((key, title, ms))
    gantt = gantt_svg(
        [(f"№ {m.number}", m.section or "", m.start or "", m.end or "") for m in measures],
        start=period[0],
        end=period[1],
    )
    return PlanReport(
        iri=iri,
        title=_prefer(titles) or None,
        kind=kind,
        approved_by=act_facts(target, approved) if approved else None,
        period=(period[0], period[1]),
        passport=sorted(passport),
        funding=funding,
        indicators=[tuple(v) for _, v in sorted(indicators.items())],  # type: ignore[misc]
        sections=sections,
        agencies=sorted(
            ((k, sorted(v, key=_number_key)) for k, v in agency_rows.items()),
            key=lambda kv: (-len(kv[1]), kv[0]),
        ),
        source=source,
        lines=lines,
        gantt_svg=gantt,
        measure_count=len(measures),
    )


def plan_report(target: Any, plan: str, fmt: str = "md") -> str:
    """``kglaw report plan PLAN``: passport, measures by section, agencies, deadlines on a timeline."""
    if fmt not in ("md", "html"):
        raise KglawError(f"unknown report format {fmt!r}; choose md or html")
    return render(f"plan.{fmt}.j2", r=plan_data(target, plan))
