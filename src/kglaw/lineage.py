"""Lineage analytics: ancestors, descendants, longest chains, cycles, status on a date, timelines.

The analytics run networkx over the results of saved queries (``lineage-links``, ``act-lifecycle``,
``act-labels``); they never keep a second copy of the data. Any query target works: the embedded
store, an rdflib graph, a remote endpoint.

Direction. A lineage graph points from the earlier act to the later one, whatever way the triple is
stated: ``X eli:amends Y``, ``X eli:repeals Y`` and ``X eli:based_on Y`` give the edge Y → X (X comes
after Y and depends on it); ``X kgl:replacedBy Y`` gives X → Y. So the *ancestors* of an act are the acts
it amends, repeals, rests on or replaced, and its *descendants* are the acts that amend, repeal, rest
on or replace it, transitively.

Cycles. A cycle in this graph means the data say that an act is its own successor, which cannot be
true: the graph does not conform (the SHACL shape ``ksh:NoLineageCycleShape`` says the same). The
analytics that need an order (:func:`longest_chains`, :func:`assert_acyclic`) raise
:class:`LineageCycle`, a :class:`~kglaw.errors.KglawError` whose exit code is **1** (the data do not
conform), as pySHACL's; :func:`find_cycles` returns them as data.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef

from .errors import KglawError
from .query import Results, resolve_act_iri, run_query, run_sparql

__all__ = [
    "RELATIONS",
    "ActStatus",
    "Chain",
    "Event",
    "LineageCycle",
    "Link",
    "Relative",
    "act_names",
    "act_status_on",
    "act_timeline",
    "ancestors",
    "assert_acyclic",
    "descendants",
    "find_cycles",
    "lineage_graph",
    "longest_chains",
    "status_on",
    "to_results",
]

#: The relations a lineage graph follows, as the ``lineage-links`` query names them.
RELATIONS = ("amends", "repeals", "based_on", "replaced_by")


class LineageCycle(KglawError):
    """The lineage graph has a cycle: some act would be its own successor. Exit code 1 (data do not conform)."""

    exit_code = 1

    def __init__(self, cycles: list[list[str]]) -> None:
        self.cycles = cycles
        shown = "; ".join(" → ".join(c + c[:1]) for c in cycles[:3])
        more = f" (and {len(cycles) - 3} more)" if len(cycles) > 3 else ""
        super().__init__(f"lineage cycle: {shown}{more}")


@dataclass(frozen=True)
class Link:
    """One stated link: ``act relation other`` (e.g. the Code *repeals* a law)."""

    act: str
    relation: str
    other: str

    @property
    def edge(self) -> tuple[str, str]:
        """(earlier, later): the direction of the lineage graph."""
        if self.relation == "replaced_by":
            return (self.act, self.other)
        return (self.other, self.act)


@dataclass(frozen=True)
class Relative:
    """An ancestor or descendant: how far (in links) and through which link it was first reached."""

    act: str
    distance: int
    via: Link


@dataclass(frozen=True)
class Chain:
    """A path of acts from the earliest to the latest, with the link between each pair."""

    acts: tuple[str, ...]
    links: tuple[Link, ...]

    def __len__(self) -> int:
        return len(self.links)


@dataclass(frozen=True)
class ActStatus:
    """Whether an act was in force on a day, and why."""

    act: str
    on: date
    status: str  # in force | not in force | not yet in force | expired | repealed | unknown
    reason: str
    since: date | None = None
    by: str | None = None  # the repealing act, when there is one


@dataclass(frozen=True)
class Event:
    """A dated event in the life of an act."""

    date: date
    kind: str  # adopted | registered | entry-into-force | amended | repealed | no-longer-in-force | period-start | period-end | approves | amends | repeals
    label: str
    other: str | None = None


# -- the graph -------------------------------------------------------------------------------------


def _links(target: Any, relations: Iterable[str] | None = None) -> list[Link]:
    wanted = set(relations or RELATIONS)
    unknown = wanted - set(RELATIONS)
    if unknown:
        raise KglawError(f"unknown lineage relation {min(unknown)!r}; choose from {', '.join(RELATIONS)}")
    rows = run_query(target, "lineage-links").dicts()
    return sorted(
        {
            Link(str(r["act"]), str(r["relation"]), str(r["other"]))
            for r in rows
            if str(r["relation"]) in wanted
        },
        key=lambda x: (x.act, x.relation, x.other),
    )


def lineage_graph(target: Any, relations: Iterable[str] | None = None) -> nx.MultiDiGraph:
    """The lineage graph: nodes are act IRIs, edges run from the earlier act to the later one.

    Each edge carries ``relation`` and ``link`` (the :class:`Link` as stated). A MultiDiGraph, because
    the same two acts may be linked twice (a Code repeals a law *and* replaced it).
    """
    g = nx.MultiDiGraph()
    for link in _links(target, relations):
        u, v = link.edge
        g.add_edge(u, v, key=link.relation, relation=link.relation, link=link)
    return g


def _reach(g: nx.MultiDiGraph, start: str, forward: bool) -> list[Relative]:
    if start not in g:
        return []
    seen: dict[str, Relative] = {}
    frontier = [start]
    distance = 0
    while frontier:
        distance += 1
        nxt: list[str] = []
        for node in sorted(frontier):
            edges = g.out_edges(node, data=True) if forward else g.in_edges(node, data=True)
            for u, v, data in sorted(edges, key=lambda e: (e[0], e[1], e[2]["relation"])):
                other = v if forward else u
                if other == start or other in seen:
                    continue
                seen[other] = Relative(other, distance, data["link"])
                nxt.append(other)
        frontier = nxt
    return sorted(seen.values(), key=lambda r: (r.distance, r.act))


def ancestors(target: Any, act: str, relations: Iterable[str] | None = None) -> list[Relative]:
    """The acts ``act`` comes after: those it amends, repeals or rests on, and those it replaced — transitively."""
    iri = resolve_act_iri(act, target)
    return _reach(lineage_graph(target, relations), iri, forward=False)


def descendants(target: Any, act: str, relations: Iterable[str] | None = None) -> list[Relative]:
    """The acts that come after ``act``: those that amend, repeal or rest on it, or replaced it — transitively."""
    iri = resolve_act_iri(act, target)
    return _reach(lineage_graph(target, relations), iri, forward=True)


def find_cycles(target: Any, relations: Iterable[str] | None = None) -> list[list[str]]:
    """Every elementary cycle of the lineage graph, each rotated to start at its smallest IRI, sorted."""
    g = nx.DiGraph(lineage_graph(target, relations))
    cycles = []
    for c in nx.simple_cycles(g):
        i = c.index(min(c))
        cycles.append(c[i:] + c[:i])
    return sorted(cycles)


def assert_acyclic(target: Any, relations: Iterable[str] | None = None) -> None:
    """Raise :class:`LineageCycle` (exit code 1) when the lineage graph has a cycle."""
    cycles = find_cycles(target, relations)
    if cycles:
        raise LineageCycle(cycles)


def longest_chains(target: Any, relations: Iterable[str] | None = None, limit: int = 10) -> list[Chain]:
    """The longest paths of the lineage graph: for each act that nothing follows, the longest path
    that ends there; longest first. Raises :class:`LineageCycle` if the graph has a cycle."""
    mg = lineage_graph(target, relations)
    g = nx.DiGraph()
    g.add_nodes_from(mg.nodes)
    for u, v, data in sorted(mg.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"]), reverse=True):
        g.add_edge(u, v, link=data["link"])  # the alphabetically first relation wins, deterministically
    if not nx.is_directed_acyclic_graph(g):
        raise LineageCycle(find_cycles(target, relations))
    best: dict[str, tuple[int, str | None]] = {}
    for node in nx.lexicographical_topological_sort(g):
        preds = sorted(g.predecessors(node))
        if preds:
            p = max(preds, key=lambda x: (best[x][0], x))
            best[node] = (best[p][0] + 1, p)
        else:
            best[node] = (0, None)
    chains = []
    for end in sorted(n for n in g if g.out_degree(n) == 0 and best[n][0] > 0):
        acts = [end]
        while best[acts[-1]][1] is not None:
            acts.append(best[acts[-1]][1])  # type: ignore[arg-type]
        acts.reverse()
        links = tuple(g.edges[u, v]["link"] for u, v in itertools.pairwise(acts))
        chains.append(Chain(tuple(acts), links))
    chains.sort(key=lambda c: (-len(c), c.acts))
    return chains[:limit] if limit else chains


# -- status on a date ------------------------------------------------------------------------------


def _d(t: Any) -> date | None:
    if t is None:
        return None
    try:
        return date.fromisoformat(str(t)[:10])
    except ValueError:
        return None


def _status_of(
    act: str,
    lifecycle: dict[str, list[dict[str, Any]]],
    on: date,
    names: dict[str, str] | None = None,
    depth: int = 0,
) -> ActStatus:
    """The rule, in order: not yet adopted or in force; repealed (the act's own end date, else the
    repealing act's entry into force, else its adoption); no longer in force by date; a programme,
    plan or concept whose approving act lost force (it falls with the act that approved it); one past
    its period; the text says not in force (date unknown); in force. A policy document without dates
    of its own starts when its approving act does."""
    rows = lifecycle[act]
    r0 = rows[0]
    adopted, entry, ended = _d(r0.get("adopted")), _d(r0.get("entry")), _d(r0.get("ended"))
    period_start, period_end = _d(r0.get("periodStart")), _d(r0.get("periodEnd"))
    approver = str(r0["approvedBy"]) if r0.get("approvedBy") is not None else None
    parent: ActStatus | None = None
    if approver and approver != act and approver in lifecycle and depth < 5:
        parent = _status_of(approver, lifecycle, on, names, depth + 1)
    start = entry or adopted or period_start
    if start is None and parent is not None and parent.status != "unknown":
        first = lifecycle[approver][0] if approver else {}
        start = _d(first.get("entry")) or _d(first.get("adopted"))
    if start is None:
        if period_end is not None and period_end < on:
            return ActStatus(
                act, on, "expired", f"expired at the end of its period on {period_end}", period_end
            )
        if r0.get("inForce") is not None and str(r0["inForce"]) == "false":
            return ActStatus(act, on, "not in force", "the text says it is not in force; no dates are known")
        return ActStatus(act, on, "unknown", "its adoption date is not known")
    if adopted and adopted > on:
        return ActStatus(act, on, "not yet in force", f"adopted only on {adopted}", adopted)
    if start > on:
        return ActStatus(act, on, "not yet in force", f"enters into force on {start}", start)
    repealers = sorted(
        (
            (_d(r.get("repealerEntry")) or _d(r.get("repealerDate")), str(r["repealer"]))
            for r in rows
            if r.get("repealer") is not None
        ),
        key=lambda x: (x[0] or date.max, x[1]),
    )
    if repealers:
        when = ended or repealers[0][0]
        by = repealers[0][1]
        by_name = (names or {}).get(by, by)
        if when is not None and when <= on:
            return ActStatus(act, on, "repealed", f"repealed by {by_name} on {when}", when, by)
        if when is None:
            return ActStatus(act, on, "repealed", f"repealed by {by_name}; the date is not known", None, by)
    if ended is not None and ended <= on:
        return ActStatus(act, on, "not in force", f"no longer in force since {ended}", ended)
    if parent is not None and parent.status in ("repealed", "not in force") and approver:
        name = (names or {}).get(approver, approver)
        reason = f"its approving act {name} was {parent.reason}"
        return ActStatus(act, on, parent.status, reason, parent.since, parent.by)
    if period_end is not None and period_end < on:
        return ActStatus(act, on, "expired", f"expired at the end of its period on {period_end}", period_end)
    if r0.get("inForce") is not None and str(r0["inForce"]) == "false" and not repealers and ended is None:
        return ActStatus(act, on, "not in force", "the text says it is not in force; the date is not known")
    if period_end is not None:
        return ActStatus(
            act, on, "in force", f"within its period {period_start or start} – {period_end}", start
        )
    return ActStatus(act, on, "in force", f"in force since {start}; no repeal recorded", start)


def _lifecycle(target: Any) -> dict[str, list[dict[str, Any]]]:
    by_act: dict[str, list[dict[str, Any]]] = {}
    for row in run_query(target, "act-lifecycle").dicts():
        by_act.setdefault(str(row["act"]), []).append(row)
    return by_act


def status_on(target: Any, on: date | str) -> list[ActStatus]:
    """The status of every act (and policy document) of the graph on ``on``, with the reason."""
    day = on if isinstance(on, date) else _parse_day(on)
    names = act_names(target)
    lifecycle = _lifecycle(target)
    return [_status_of(act, lifecycle, day, names) for act in sorted(lifecycle)]


def act_status_on(target: Any, act: str, on: date | str) -> ActStatus:
    """The status of one act on ``on``."""
    iri = resolve_act_iri(act, target)
    day = on if isinstance(on, date) else _parse_day(on)
    lifecycle = _lifecycle(target)
    if iri not in lifecycle:
        raise KglawError(f"no act {iri} in the graph")
    return _status_of(iri, lifecycle, day, act_names(target))


def _parse_day(s: str) -> date:
    try:
        return date.fromisoformat(s)
    except ValueError:
        raise KglawError(f"{s!r} is not a date (YYYY-MM-DD)") from None


# -- timeline --------------------------------------------------------------------------------------

_EVENTS = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX kgl: <https://w3id.org/kglaw/ontology#>
SELECT DISTINCT ?act ?kind ?when ?other ?detail WHERE {
  { ?act eli:date_document ?when BIND ("adopted" AS ?kind) }
  UNION { ?act kgl:registration ?r . ?r kgl:registrationDate ?when OPTIONAL { ?r kgl:registrationNumber ?detail }
          BIND ("registered" AS ?kind) }
  UNION { ?act eli:first_date_entry_in_force ?when BIND ("entry-into-force" AS ?kind) }
  UNION { ?act eli:date_no_longer_in_force ?when BIND ("no-longer-in-force" AS ?kind) }
  UNION { ?act eli:amended_by ?other . ?other eli:date_document ?when BIND ("amended" AS ?kind) }
  UNION { ?act eli:repealed_by ?other . ?other eli:date_document ?when BIND ("repealed" AS ?kind) }
  UNION { ?act eli:amends ?other . ?act eli:date_document ?when BIND ("amends" AS ?kind) }
  UNION { ?act eli:repeals ?other . ?act eli:date_document ?when BIND ("repeals" AS ?kind) }
  UNION { ?act kgl:approves ?other . ?other kgl:periodStart ?when BIND ("period-start" AS ?kind) }
  UNION { ?act kgl:approves ?other . ?other kgl:periodEnd ?when BIND ("period-end" AS ?kind) }
  UNION { ?act kgl:periodStart ?when BIND ("period-start" AS ?kind) }
  UNION { ?act kgl:periodEnd ?when BIND ("period-end" AS ?kind) }
  UNION { ?op kgl:affectedAct ?act ; kgl:affectingAct ?other ; kgl:effectiveDate ?when BIND ("amendment-effective" AS ?kind) }
}"""

_LABELS = {
    "adopted": "adopted",
    "registered": "registered with the justice body",
    "entry-into-force": "enters into force",
    "no-longer-in-force": "no longer in force",
    "amended": "amended by",
    "repealed": "repealed by",
    "amends": "amends",
    "repeals": "repeals",
    "period-start": "period starts",
    "period-end": "period ends",
    "amendment-effective": "amendments take effect, made by",
}


def act_names(target: Any) -> dict[str, str]:
    """A short readable name of every act: ``type No N of DATE``, else its title, else the IRI."""
    names = {}
    for r in run_query(target, "act-labels").dicts():
        bits = [str(r["kind"]) if r.get("kind") else "act"]
        if r.get("number"):
            bits.append(f"No {r['number']}")
        if r.get("adopted"):
            bits.append(f"of {r['adopted']}")
        if len(bits) == 1 and r.get("title"):
            t = str(r["title"])
            bits.append(t if len(t) <= 60 else t[:59] + "…")
        names[str(r["act"])] = " ".join(bits)
    return names


def act_timeline(target: Any, act: str) -> list[Event]:
    """The dated events of an act, oldest first: adoption, registration, entry into force, amendments
    and repeals (by the changing act's date, and when their operations take effect), its period."""
    iri = resolve_act_iri(act, target)
    rows = run_sparql(target, _EVENTS, {"act": URIRef(iri)}).dicts()
    if (
        not rows
        and not run_sparql(
            target, "ASK { { ?act ?p ?o } UNION { ?s ?p ?act } }", {"act": URIRef(iri)}
        ).boolean
    ):
        raise KglawError(f"no act {iri} in the graph")
    names = act_names(target)
    events = set()
    for r in rows:
        when = _d(r["when"])
        if when is None:
            continue
        kind = str(r["kind"])
        other = str(r["other"]) if r.get("other") is not None else None
        label = _LABELS[kind]
        if other:
            label += " " + names.get(other, other)
        if kind == "registered" and r.get("detail") is not None:
            label += f" (No {r['detail']})"
        events.add(Event(when, kind, label, other))
    return sorted(events, key=lambda e: (e.date, e.kind, e.other or ""))


# -- results for the CLI -----------------------------------------------------------------------------


def to_results(items: list[Any], names: dict[str, str] | None = None) -> Results:
    """Lineage answers as query :class:`~kglaw.query.Results`, so that every result format applies.

    With ``names`` (from :func:`act_names`), ancestors and descendants get a readable ``name`` column.
    """
    if not items:
        return Results(vars=["act"], rows=[])
    first = items[0]
    if isinstance(first, Relative):
        if names is not None:
            return Results(
                vars=["act", "name", "distance", "relation", "from"],
                rows=[
                    (
                        URIRef(r.act),
                        Literal(names.get(r.act, r.act)),
                        Literal(r.distance),
                        Literal(r.via.relation),
                        URIRef(r.via.other if r.via.act == r.act else r.via.act),
                    )
                    for r in items
                ],
            )
        return Results(
            vars=["act", "distance", "via", "relation", "from"],
            rows=[
                (
                    URIRef(r.act),
                    Literal(r.distance),
                    URIRef(r.via.act),
                    Literal(r.via.relation),
                    URIRef(r.via.other),
                )
                for r in items
            ],
        )
    if isinstance(first, Chain):
        return Results(
            vars=["length", "chain"],
            rows=[(Literal(len(c)), Literal(_chain_text(c))) for c in items],
        )
    if isinstance(first, ActStatus):
        return Results(
            vars=["act", "status", "since", "reason"],
            rows=[
                (URIRef(s.act), Literal(s.status), Literal(s.since) if s.since else None, Literal(s.reason))
                for s in items
            ],
        )
    if isinstance(first, Event):
        return Results(
            vars=["date", "event", "other"],
            rows=[(Literal(e.date), Literal(e.label), URIRef(e.other) if e.other else None) for e in items],
        )
    if isinstance(first, list):  # cycles
        return Results(vars=["cycle"], rows=[(Literal(" → ".join(c + c[:1])),) for c in items])
    raise KglawError(f"cannot tabulate {type(first).__name__}")


def _chain_text(c: Chain) -> str:
    from .query import compact

    parts = [compact(URIRef(c.acts[0]))]
    for link, nxt in zip(c.links, c.acts[1:]):
        parts.append(f"—{_FORWARD[link.relation]}→ {compact(URIRef(nxt))}")
    return " ".join(parts)


#: How each relation reads from the earlier act to the later one.
_FORWARD = {
    "amends": "amended by",
    "repeals": "repealed by",
    "based_on": "basis of",
    "replaced_by": "replaced by",
}
