"""More reports: one act, one agency, the changes of a period (Markdown or self-contained HTML).

Like the lineage report (:mod:`kglaw.report`), every figure comes from saved queries or the lineage
analytics over any query target, and the templates in ``kglaw/templates`` are rendered by jinja2 with
autoescape on. The HTML is XHTML-safe (every element closed), so a test can parse it as XML; pictures
are inline SVG drawn by :mod:`kglaw.picture`, so the reports read offline.

Source lines: each fact that the graph traces to a text links to ``{source_base}/{file}#L{line}``;
``source_base`` defaults to ``../data/raw``, the raw texts as seen from ``out/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rdflib import URIRef

from .errors import KglawError
from .lineage import act_names, act_status_on, act_timeline, ancestors, descendants
from .picture import timeline_svg
from .query import compact, resolve_act_iri, resolve_agency_iri, run_query, run_sparql
from .report import act_facts, render

__all__ = [
    "ActReport",
    "AgencyReport",
    "ChangesReport",
    "act_report",
    "act_report_data",
    "agency_report",
    "agency_report_data",
    "changes_report",
    "changes_report_data",
]

FORMATS = ("md", "html")
DEFAULT_SOURCE_BASE = "../data/raw"


def _s(t: Any) -> str:
    return "" if t is None else str(t)


def _rows(target: Any, name: str, params: dict[str, str] | None = None) -> list[dict[str, str]]:
    """A saved query's rows as plain strings (IRIs kept whole; ``short`` forms added as ``_name``)."""
    out = []
    for r in run_query(target, name, params).dicts():
        row = {k: _s(v) for k, v in r.items()}
        for k, v in r.items():
            if isinstance(v, URIRef):
                row["_" + k] = compact(v)
        out.append(row)
    return out


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise KglawError(f"unknown report format {fmt!r}; choose md or html")


@dataclass
class SourceRef:
    file: str
    start: int | None
    end: int | None
    href: str

    @property
    def text(self) -> str:
        if self.start is None:
            return self.file
        return f"{self.file}:{self.start}" + (f"–{self.end}" if self.end and self.end != self.start else "")


def _source_ref(file: str, start: Any, end: Any, base: str) -> SourceRef:
    s = int(str(start)) if start not in (None, "") else None
    e = int(str(end)) if end not in (None, "") else None
    href = f"{base.rstrip('/')}/{file}" + (f"#L{s}" if s else "")
    return SourceRef(file, s, e, href)


# -- act ---------------------------------------------------------------------------------------------

_PREDICATE_NAMES = {
    "eli:based_on": "based on",
    "eli:cites": "cites",
    "eli:date_document": "adopted",
    "eli:in_force": "in force (as stated)",
    "eli:number": "number",
    "eli:passed_by": "adopted by",
    "eli:repealed_by": "repealed by",
    "eli:amended_by": "amended by",
    "eli:repeals": "repeals",
    "eli:amends": "amends",
    "eli:type_document": "type",
    "eli:id_local": "adilet code",
    "eli:title": "title",
    "eli:title_alternative": "other title",
    "eli:first_date_entry_in_force": "enters into force",
    "eli:date_no_longer_in_force": "no longer in force",
    "kgl:registration": "registration",
    "kgl:statusText": "status (as written)",
    "kgl:approves": "approves",
    "kgl:replacedBy": "replaced by",
}


_VALUE_NAMES = {
    "http://data.europa.eu/eli/ontology#InForce-inForce": "in force",
    "http://data.europa.eu/eli/ontology#InForce-notInForce": "not in force",
}


@dataclass
class ActReport:
    act: Any  # report.ActFacts
    name: str
    status: Any  # lineage.ActStatus, or None when no date is given
    on: str | None
    facts: list[dict[str, Any]]
    documents: list[dict[str, str]]
    operations_made: list[dict[str, str]]
    operations_received: list[dict[str, str]]
    legal_basis: list[dict[str, str]]
    citations: list[dict[str, str]]
    cited_by: list[dict[str, str]]
    ancestors: list[tuple[str, str, int, str]]  # (iri, name, distance, relation)
    descendants: list[tuple[str, str, int, str]]
    timeline: list[tuple[str, str, str]]
    timeline_svg: str
    source_base: str


def act_report_data(
    target: Any, act: str, on: date | str | None = None, source_base: str = DEFAULT_SOURCE_BASE
) -> ActReport:
    """Everything the graph knows of one act, each fact with the source lines it was read from."""
    iri = resolve_act_iri(act, target)
    if not run_sparql(target, "ASK { { ?act ?p ?o } UNION { ?s ?p ?act } }", {"act": URIRef(iri)}).boolean:
        raise KglawError(f"no act {iri} in the graph")
    names = act_names(target)
    facts_ = act_facts(target, iri)
    facts: list[dict[str, Any]] = []
    for r in _rows(target, "fact-provenance", {"act": iri}):
        pred = compact(URIRef(r["predicate"]))
        obj = r.get("_object") or r["object"]
        facts.append(
            {
                "what": _PREDICATE_NAMES.get(pred, pred),
                "value": _VALUE_NAMES.get(r["object"]) or names.get(r["object"], obj),
                "iri": r["object"] if r["object"].startswith("http") else "",
                "source": _source_ref(
                    r["file"] or r.get("_source", ""), r["lineStart"], r["lineEnd"], source_base
                ),
                "curated": r["curated"] == "true",
            }
        )
    params = {"act": iri}
    documents = _rows(target, "programme-passport", params)
    seen_docs: dict[str, dict[str, str]] = {}
    for d in documents:
        entry = seen_docs.setdefault(d["document"], {**d, "fields": []})  # type: ignore[dict-item]
        if d["field"] and d["field"] not in entry["fields"]:
            entry["fields"].append(d["field"])  # type: ignore[attr-defined]
    status = act_status_on(target, iri, on) if on else None
    anc = [
        (r.act, names.get(r.act, compact(URIRef(r.act))), r.distance, r.via.relation)
        for r in ancestors(target, iri)
    ]
    desc = [
        (r.act, names.get(r.act, compact(URIRef(r.act))), r.distance, r.via.relation)
        for r in descendants(target, iri)
    ]
    events = [(e.date.isoformat(), e.label, _kind_colour(e.kind)) for e in act_timeline(target, iri)]
    return ActReport(
        act=facts_,
        name=names.get(iri, facts_.short),
        status=status,
        on=str(on) if on else None,
        facts=facts,
        documents=list(seen_docs.values()),
        operations_made=_rows(target, "amendment-operations", params),
        operations_received=_rows(target, "provision-history", params),
        legal_basis=_rows(target, "legal-basis", params),
        citations=_rows(target, "citations", params),
        cited_by=_rows(target, "cited-by", params),
        ancestors=anc,
        descendants=desc,
        timeline=events,
        timeline_svg=timeline_svg(events),
        source_base=source_base,
    )


def _kind_colour(kind: str) -> str:
    """The picture's colour key for an event kind (see picture._COLOURS)."""
    if kind in ("amended", "amends", "amendment-effective"):
        return "amends"
    if kind in ("repealed", "repeals", "no-longer-in-force", "period-end"):
        return "repeals"
    if kind == "registered":
        return "based on"
    return "approves"


def act_report(
    target: Any,
    act: str,
    fmt: str = "md",
    on: date | str | None = None,
    source_base: str = DEFAULT_SOURCE_BASE,
) -> str:
    """``kglaw report act ACT``: Markdown or HTML."""
    _check_format(fmt)
    return render(f"act.{fmt}.j2", r=act_report_data(target, act, on, source_base))


# -- agency ------------------------------------------------------------------------------------------


@dataclass
class AgencyReport:
    iri: str
    name: str
    names: list[dict[str, str]]
    events: list[dict[str, str]]
    plans: list[tuple[str, str, list[dict[str, str]]]]  # (plan iri, plan name, measures)
    acts: list[dict[str, str]]
    measure_count: int
    by_agreement: int
    timeline: list[tuple[str, str, str]]
    timeline_svg: str


def agency_report_data(target: Any, agency: str) -> AgencyReport:
    """An agency: its names over time, its measures across plans with their due dates, its acts."""
    iri = resolve_agency_iri(agency)
    names = _rows(target, "agency-names", {"agency": iri})
    if (
        not names
        and not run_sparql(
            target, "ASK { { ?agency ?p ?o } UNION { ?s ?p ?agency } }", {"agency": URIRef(iri)}
        ).boolean
    ):
        raise KglawError(f"no agency {iri} in the graph")
    bodies = {r["body"] for r in names} | {iri}
    events = [
        e for e in _rows(target, "agency-renamings") if e["original"] in bodies or e["resulting"] in bodies
    ]
    own = sorted(
        (r for r in names if r["body"] == iri and r["kind"] == "name"),
        key=lambda r: (r["lang"] != "kk", r["lang"] != "ru", r["label"]),
    )
    name = own[0]["label"] if own else compact(URIRef(iri))
    act_name = act_names(target)
    plans: dict[str, list[dict[str, str]]] = {}
    seen: set[tuple[str, str]] = set()
    for m in _rows(target, "measures-by-agency", {"agency": iri}):
        if (m["measure"], m["executor"]) in seen:
            continue
        seen.add((m["measure"], m["executor"]))
        plans.setdefault(m["plan"], []).append(m)
    for ms in plans.values():
        ms.sort(key=lambda m: (_num(m["number"]), m["number"], m["executor"]))
    plan_list = []
    for plan, ms in sorted(plans.items()):
        owner = plan.rsplit("/", 2)[0]  # …/{approving act}/{document}/action-plan → the approving act
        plan_list.append((plan, act_name.get(owner, compact(URIRef(plan))), ms))
    timeline = sorted(
        {
            (m["deadlineEnd"], f"measure {m['number']} due ({m['deadline'] or m['deadlineEnd']})", "approves")
            for ms in plans.values()
            for m in ms
            if m["deadlineEnd"]
        }
    )
    for e in events:
        if e["date"]:
            d = e["date"] if len(e["date"]) == 10 else e["date"][:7] + "-01"
            timeline.append((d, e["what"] or "reorganisation", "replaced by"))
    timeline.sort()
    measures = {m["measure"] for ms in plans.values() for m in ms}
    return AgencyReport(
        iri=iri,
        name=name,
        names=names,
        events=events,
        plans=plan_list,
        acts=_rows(target, "acts-by-issuer", {"issuer": iri}),
        measure_count=len(measures),
        by_agreement=len({m["measure"] for ms in plans.values() for m in ms if m["byAgreement"] == "true"}),
        timeline=timeline,
        timeline_svg=timeline_svg(timeline),
    )


def _num(s: str) -> int:
    digits = "".join(c for c in s if c.isdigit())
    return int(digits) if digits else 10**9


def agency_report(target: Any, agency: str, fmt: str = "md") -> str:
    """``kglaw report agency AGENCY``: Markdown or HTML."""
    _check_format(fmt)
    return render(f"agency.{fmt}.j2", r=agency_report_data(target, agency))


# -- changes in a period --------------------------------------------------------------------------------

_AMENDED = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX kgl: <https://w3id.org/kglaw/ontology#>
SELECT DISTINCT ?amended ?by ?when ?how WHERE {
  {
    ?by eli:amends ?amended ; eli:date_document ?when .
    BIND ("amending act adopted" AS ?how)
  } UNION {
    ?op kgl:affectedAct ?amended ; kgl:affectingAct ?by ; kgl:effectiveDate ?when .
    BIND ("amendments take effect" AS ?how)
  }
  FILTER (?when >= ?from && ?when <= ?to)
}
ORDER BY ?when ?amended ?by"""


@dataclass
class ChangesReport:
    start: str
    end: str
    adopted: list[dict[str, str]]
    amended: list[dict[str, str]]
    ended: list[dict[str, str]]
    due: list[dict[str, str]]
    names: dict[str, str] = field(default_factory=dict)
    timeline: list[tuple[str, str, str]] = field(default_factory=list)
    timeline_svg: str = ""


def changes_report_data(target: Any, start: date | str, end: date | str) -> ChangesReport:
    """Acts adopted, amended, repealed or expired in the period, and measures falling due in it."""
    from rdflib import Literal

    from .namespaces import XSD

    a, b = _day(start), _day(end)
    if b < a:
        raise KglawError(f"the period ends ({b}) before it starts ({a})")
    params = {"from": a.isoformat(), "to": b.isoformat()}
    names = act_names(target)
    adopted: list[dict[str, str]] = []
    for act in _rows(target, "acts-adopted-between", params):
        # one row per act: a law's issuer is both the Republic its text names and Parliament (authority)
        if not adopted or adopted[-1]["act"] != act["act"]:
            adopted.append(act)
    amended = []
    for row in run_sparql(
        target,
        _AMENDED,
        {"from": Literal(a.isoformat(), datatype=XSD.date), "to": Literal(b.isoformat(), datatype=XSD.date)},
    ).dicts():
        amended.append({k: _s(v) for k, v in row.items()})
    ended = _rows(target, "acts-ended-between", params)
    due = _rows(target, "measures-due-between", params)
    timeline: list[tuple[str, str, str]] = []
    for r in adopted:
        timeline.append((r["date"], f"adopted: {names.get(r['act'], r['_act'])}", "approves"))
    for r in amended:
        timeline.append(
            (r["when"], f"{names.get(r['amended'], compact(URIRef(r['amended'])))} — {r['how']}", "amends")
        )
    for r in ended:
        timeline.append((r["ended"], f"{names.get(r['act'], r['_act'])} — {r['reason']}", "repeals"))
    by_day: dict[str, int] = {}
    for r in due:
        by_day[r["deadlineEnd"]] = by_day.get(r["deadlineEnd"], 0) + 1
    for d, n in sorted(by_day.items()):
        timeline.append((d, f"{n} measure{'s' if n != 1 else ''} due", "based on"))
    timeline = sorted(set(timeline))
    return ChangesReport(
        a.isoformat(), b.isoformat(), adopted, amended, ended, due, names, timeline, timeline_svg(timeline)
    )


def _day(d: date | str) -> date:
    if isinstance(d, date):
        return d
    try:
        return date.fromisoformat(d)
    except ValueError:
        raise KglawError(f"{d!r} is not a date (YYYY-MM-DD)") from None


def changes_report(target: Any, start: date | str, end: date | str, fmt: str = "md") -> str:
    """``kglaw report changes --from DATE --to DATE``: Markdown or HTML."""
    _check_format(fmt)
    return render(f"changes.{fmt}.j2", r=changes_report_data(target, start, end))
