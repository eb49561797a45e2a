"""SHACL validation as SPARQL on the Oxigraph store: the fast path, with pySHACL's results.

pySHACL walks the graph in Python, focus node by focus node; on a million triples that takes minutes.
Here each constraint of ``shapes/*.ttl`` becomes one SPARQL query over all its focus nodes at once,
and Oxigraph runs it (W3C SHACL §4, the Core constraint components, read as queries; §5, SHACL-SPARQL,
run as written). The results are the same :class:`~kglaw.validate.ValidationResult` records that
:func:`kglaw.validate.validate_graph` makes from pySHACL's report: severity, focus node, path, message,
source shape and value, with the same conventions (an anonymous property shape is named by the node
shape that holds it; ``sh:value`` is the offending value, or the focus node for a node-level constraint).

Supported, because the shapes use them: targets ``sh:targetClass`` (SHACL instances, i.e. through
``rdfs:subClassOf*``), ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``, ``sh:targetNode``, implicit
class targets and SHACL-AF SPARQL targets (``sh:target [ a sh:SPARQLTarget ; sh:select … ]``); property paths (IRI, inverse, sequence, alternative, zero-or-more, one-or-more,
zero-or-one); ``sh:minCount``, ``sh:maxCount``, ``sh:datatype`` (including ill-typed literals),
``sh:class``, ``sh:hasValue``, ``sh:in``, ``sh:nodeKind``, ``sh:minInclusive``/``maxInclusive``/
``minExclusive``/``maxExclusive``, ``sh:or`` of shapes built from these; ``sh:sparql`` with ``sh:select``
(``$this`` bound to each focus node, ``sh:prefixes`` declarations applied, ``{?var}`` message templates
filled in as pySHACL fills them). Any other constraint parameter raises :class:`~kglaw.errors.KglawError`
naming it, so that the fast path never passes a graph that pySHACL would reject.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from .errors import KglawError
from .validate import ValidationReport, ValidationResult, load_shapes

__all__ = ["CompiledShapes", "compile_shapes", "validate_graph_sparql", "validate_store"]

_SEVERITY = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}

#: Parameters that only describe a shape, never constrain it.
_DESCRIPTIVE = {
    RDF.type,
    RDFS.comment,
    RDFS.label,
    SH.message,
    SH.severity,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.defaultValue,
    SH.deactivated,
    SH.declare,
    SH.prefixes,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.property,
    SH.path,
    SH.sparql,
}
_VALUE_TESTS = {
    SH.datatype,
    SH["class"],
    SH.hasValue,
    SH["in"],
    SH.nodeKind,
    SH.minInclusive,
    SH.maxInclusive,
    SH.minExclusive,
    SH.maxExclusive,
}
_COUNTS = {SH.minCount, SH.maxCount}
_SUPPORTED = _DESCRIPTIVE | _VALUE_TESTS | _COUNTS | {SH["or"], SH.target}
#: Datatypes whose lexical form Oxigraph checks when casting: an ill-typed literal fails sh:datatype.
_CASTS = {XSD.date, XSD.dateTime, XSD.decimal, XSD.integer, XSD.boolean, XSD.double, XSD.float}


def _n3(node: Node) -> str:
    if isinstance(node, URIRef):
        return f"<{node}>"
    if isinstance(node, Literal):
        return node.n3()
    raise KglawError(f"a blank node cannot be a constant in a constraint ({node})")


def _path(shapes: Graph, p: Node) -> str:
    """A SHACL property path (§2.3.1) as a SPARQL property path."""
    if isinstance(p, URIRef):
        return f"<{p}>"
    if (p, RDF.first, None) in shapes:
        return "(" + "/".join(_path(shapes, x) for x in Collection(shapes, p)) + ")"  # type: ignore[arg-type]
    for pred, fmt in (
        (SH.inversePath, "^{}"),
        (SH.zeroOrMorePath, "{}*"),
        (SH.oneOrMorePath, "{}+"),
        (SH.zeroOrOnePath, "{}?"),
    ):
        inner = shapes.value(p, pred)  # type: ignore[arg-type]
        if inner is not None:
            return "(" + fmt.format(_path(shapes, inner)) + ")"
    alt = shapes.value(p, SH.alternativePath)  # type: ignore[arg-type]
    if alt is not None:
        return "(" + "|".join(_path(shapes, x) for x in Collection(shapes, alt)) + ")"  # type: ignore[arg-type]
    raise KglawError(f"unsupported SHACL path {p}")


def _target_pattern(shapes: Graph, shape: Node) -> str | None:
    """A SPARQL group binding ``?this`` to every focus node of a shape (§2.1.3), or None if it has none."""
    parts = []
    for c in shapes.objects(shape, SH.targetClass):  # type: ignore[arg-type]
        parts.append(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* {_n3(c)} .")
    if (shape, RDF.type, RDFS.Class) in shapes:
        parts.append(f"?this <{RDF.type}>/<{RDFS.subClassOf}>* {_n3(shape)} .")
    for p in shapes.objects(shape, SH.targetSubjectsOf):  # type: ignore[arg-type]
        parts.append(f"?this {_n3(p)} [] .")
    for p in shapes.objects(shape, SH.targetObjectsOf):  # type: ignore[arg-type]
        parts.append(f"[] {_n3(p)} ?this .")
    for t in shapes.objects(shape, SH.target):  # type: ignore[arg-type]
        select = shapes.value(t, SH.select)
        if select is None:
            raise KglawError(f"fast validation: shape {shape} has an sh:target that is not a SPARQL target")
        # SHACL-AF SPARQL-based target (§5.1): its SELECT binds ?this
        parts.append("{ " + str(select).replace("$this", "?this") + " }")
    nodes = list(shapes.objects(shape, SH.targetNode))  # type: ignore[arg-type]
    if nodes:
        parts.append("VALUES ?this { " + " ".join(_n3(n) for n in nodes) + " }")
    if not parts:
        return None
    if len(parts) == 1:
        # As a pattern, not a sub-query: Oxigraph joins a sub-query by hashing the other side, i.e. the
        # path's values for every node of the store (each rdf:Statement's kgl:lineStart: 8 GB at 100M
        # quads). A focus node met twice (two classes under the target) gives the same results twice,
        # and results are a set.
        return parts[0]
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join("{ " + p + " }" for p in parts) + " } }"


def _value_filter(shapes: Graph, param: Node, arg: Node, v: str) -> str:
    """A SPARQL expression true when the value ``v`` violates the constraint ``param arg``."""
    if param == SH.datatype:
        bad = f"!isLiteral({v}) || datatype({v}) != {_n3(arg)}"
        if arg in _CASTS:
            bad += f" || !BOUND({v}__cast)"
        return bad
    if param == SH["class"]:
        return f"NOT EXISTS {{ {v} <{RDF.type}>/<{RDFS.subClassOf}>* {_n3(arg)} }}"
    if param == SH["in"]:
        members = ", ".join(_n3(x) for x in Collection(shapes, arg))  # type: ignore[arg-type]
        return f"!({v} IN ({members}))"
    if param == SH.nodeKind:
        kinds = {
            SH.IRI: f"isIRI({v})",
            SH.BlankNode: f"isBlank({v})",
            SH.Literal: f"isLiteral({v})",
            SH.BlankNodeOrIRI: f"(isBlank({v}) || isIRI({v}))",
            SH.BlankNodeOrLiteral: f"(isBlank({v}) || isLiteral({v}))",
            SH.IRIOrLiteral: f"(isIRI({v}) || isLiteral({v}))",
        }
        return f"!{kinds[arg]}"  # type: ignore[index]
    ops = {SH.minInclusive: ">=", SH.maxInclusive: "<=", SH.minExclusive: ">", SH.maxExclusive: "<"}
    if param in ops:
        # an incomparable value violates the constraint (SHACL §4.4): COALESCE turns the error into false
        return f"!COALESCE({v} {ops[param]} {_n3(arg)}, false)"  # type: ignore[index]
    raise KglawError(f"unsupported value constraint {param}")


@dataclass
class _Check:
    """One SPARQL query and how to turn its rows into results."""

    query: str
    shape: str  # the reported source shape
    path: str  # the reported result path ('' for none or a complex path)
    messages: list[str]
    severity: str
    value_var: str | None  # the variable holding sh:value, or None for no value
    template: bool = False  # SHACL-SPARQL: fill {?var} in the message from the row


@dataclass
class CompiledShapes:
    """The shapes graph turned into SPARQL checks; reusable across stores."""

    checks: list[_Check] = field(default_factory=list)
    or_checks: list[tuple[str, list[list[_Check]], str, list[str], str]] = field(default_factory=list)


def _named(shapes: Graph, shape: Node) -> str:
    if isinstance(shape, URIRef):
        return str(shape)
    for parent in shapes.subjects(SH.property, shape):  # type: ignore[arg-type]
        if isinstance(parent, URIRef):
            return str(parent)
    return ""


def _severity(shapes: Graph, shape: Node) -> str:
    s = shapes.value(shape, SH.severity)  # type: ignore[arg-type]
    return _SEVERITY.get(s, str(s).rsplit("#", 1)[-1]) if s is not None else "Violation"  # type: ignore[call-overload]


def _messages(shapes: Graph, shape: Node) -> list[str]:
    return sorted(str(m) for m in shapes.objects(shape, SH.message))  # type: ignore[arg-type]


def _check_params(shapes: Graph, shape: Node) -> None:
    for p in set(shapes.predicates(shape, None)):  # type: ignore[arg-type]
        if p not in _SUPPORTED:
            raise KglawError(
                f"fast validation: shape {shape} uses {p}, which the SPARQL path does not translate"
            )


def _constraint_checks(
    shapes: Graph, shape: Node, target: str, *, report_shape: str, node_level: bool
) -> list[_Check]:
    """The checks of one shape's own constraints (a property shape, or a node shape's node-level ones)."""
    _check_params(shapes, shape)
    sev = _severity(shapes, shape)
    msgs = _messages(shapes, shape)
    path_node = shapes.value(shape, SH.path)  # type: ignore[arg-type]
    out: list[_Check] = []
    if path_node is None and not node_level:
        return out
    if path_node is not None:
        path = _path(shapes, path_node)
        rpath = str(path_node) if isinstance(path_node, URIRef) else ""
        values = f"?this {path} ?v ."
    else:
        rpath, values = "", "BIND (?this AS ?v)"
    for param in sorted(set(shapes.predicates(shape, None)), key=str):  # type: ignore[arg-type]
        for arg in sorted(shapes.objects(shape, param), key=str):  # type: ignore[arg-type]
            if param == SH.minCount and path_node is not None:
                q = (
                    f"SELECT ?this WHERE {{ {target} OPTIONAL {{ {values} }} }} GROUP BY ?this "
                    f"HAVING (COUNT(DISTINCT ?v) < {int(str(arg))})"
                )
                out.append(_Check(q, report_shape, rpath, msgs, sev, None))
            elif param == SH.maxCount and path_node is not None:
                q = f"SELECT ?this WHERE {{ {target} {values} }} GROUP BY ?this HAVING (COUNT(DISTINCT ?v) > {int(str(arg))})"
                out.append(_Check(q, report_shape, rpath, msgs, sev, None))
            elif param == SH.hasValue:
                if path_node is not None:
                    q = f"SELECT ?this WHERE {{ {target} FILTER NOT EXISTS {{ ?this {path} {_n3(arg)} }} }}"
                    out.append(_Check(q, report_shape, rpath, msgs, sev, None))
                else:
                    q = f"SELECT ?this WHERE {{ {target} FILTER (?this != {_n3(arg)}) }}"
                    out.append(_Check(q, report_shape, rpath, msgs, sev, "this"))
            elif param in _VALUE_TESTS:
                cast = (
                    f" BIND (<{arg}>(str(?v)) AS ?v__cast)" if param == SH.datatype and arg in _CASTS else ""
                )
                q = (
                    f"SELECT DISTINCT ?this ?v WHERE {{ {target} {values}{cast} "
                    f"FILTER ({_value_filter(shapes, param, arg, '?v')}) }}"
                )
                out.append(_Check(q, report_shape, rpath, msgs, sev, "v"))
    return out


_SELECT_HEAD = re.compile(r"\bSELECT\s+(DISTINCT\s+|REDUCED\s+)?", re.IGNORECASE)


def _prefixes(shapes: Graph, constraint: Node) -> str:
    lines = []
    for holder in shapes.objects(constraint, SH.prefixes):  # type: ignore[arg-type]
        for decl in shapes.objects(holder, SH.declare):  # type: ignore[arg-type]
            pfx, ns = shapes.value(decl, SH.prefix), shapes.value(decl, SH.namespace)  # type: ignore[arg-type]
            if pfx is not None and ns is not None:
                lines.append(f"PREFIX {pfx}: <{ns}>")
    return "\n".join(sorted(set(lines)))


def _sparql_checks(shapes: Graph, shape: Node, target: str) -> list[_Check]:
    """SHACL-SPARQL constraints (§5): the sh:select runs as written, joined with the focus nodes on ?this."""
    out = []
    for c in shapes.objects(shape, SH.sparql):  # type: ignore[arg-type]
        if shapes.value(c, SH.deactivated) == Literal(True):
            continue
        select = shapes.value(c, SH.select)  # type: ignore[arg-type]
        if select is None:
            raise KglawError(f"fast validation: SPARQL constraint of {shape} has no sh:select")
        body = str(select).replace("$this", "?this")
        m = _SELECT_HEAD.search(body)
        if m is None:
            raise KglawError(f"fast validation: cannot read the sh:select of {shape}")
        head_end = body.find("WHERE", m.end()) if "WHERE" in body[m.end() :] else body.find("{", m.end())
        projection = body[m.end() : head_end]
        if "*" not in projection and not re.search(r"\?this\b", projection):
            body = body[: m.end()] + "?this " + body[m.end() :]
        msgs = sorted(str(x) for x in shapes.objects(c, SH.message)) or _messages(shapes, shape)  # type: ignore[arg-type]
        q = f"{_prefixes(shapes, c)}\nSELECT * WHERE {{ {target} {{ {body} }} }}"
        value_var = "value" if re.search(r"\?value\b", projection) or "*" in projection else None
        out.append(
            _Check(
                q,
                _named(shapes, shape),
                "",
                msgs,
                _severity(shapes, c) if (c, SH.severity, None) in shapes else _severity(shapes, shape),
                value_var,
                template=True,
            )
        )
    return out


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Translate every active node shape with targets into SPARQL checks."""
    compiled = CompiledShapes()
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    for pred in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target):
        node_shapes |= set(shapes.subjects(pred, None))
    for shape in sorted(node_shapes, key=str):
        if shapes.value(shape, SH.deactivated) == Literal(True):
            continue
        target = _target_pattern(shapes, shape)
        if target is None:
            continue
        name = _named(shapes, shape)
        first = len(compiled.checks)
        compiled.checks += _constraint_checks(shapes, shape, target, report_shape=name, node_level=True)
        for prop in shapes.objects(shape, SH.property):
            if shapes.value(prop, SH.deactivated) == Literal(True):
                continue
            compiled.checks += _constraint_checks(
                shapes, prop, target, report_shape=_named(shapes, prop), node_level=False
            )
        for lst in shapes.objects(shape, SH["or"]):
            members = []
            for member in Collection(shapes, lst):  # type: ignore[arg-type]
                if shapes.value(member, SH.path) is None and (member, SH.property, None) in shapes:
                    sub: list[_Check] = []
                    for prop in shapes.objects(member, SH.property):
                        sub += _constraint_checks(shapes, prop, target, report_shape=name, node_level=False)
                    members.append(sub)
                else:
                    members.append(
                        _constraint_checks(
                            shapes,
                            member,
                            target,
                            report_shape=name,
                            node_level=shapes.value(member, SH.path) is None,
                        )
                    )
            compiled.or_checks.append(
                (name, members, _severity(shapes, shape), _messages(shapes, shape), target)
            )
        compiled.checks += _sparql_checks(shapes, shape, target)
        # the prefixes a SPARQL target declares apply to every query that embeds it
        pfx = "\n".join(_prefixes(shapes, t) for t in shapes.objects(shape, SH.target))
        if pfx.strip():
            for c in compiled.checks[first:]:
                c.query = f"{pfx}\n{c.query}"
            compiled.or_checks[:] = [
                (
                    n,
                    [
                        [
                            _Check(
                                f"{pfx}\n{c.query}",
                                c.shape,
                                c.path,
                                c.messages,
                                c.severity,
                                c.value_var,
                                c.template,
                            )
                            for c in m
                        ]
                        for m in members
                    ],
                    sev,
                    msgs,
                    tgt,
                )
                if tgt == target
                else (n, members, sev, msgs, tgt)
                for n, members, sev, msgs, tgt in compiled.or_checks
            ]
    return compiled


def _text(term: Any) -> str:
    """A term as rdflib's ``str`` writes it (IRI, lexical form or blank-node id)."""
    if term is None:
        return ""
    return str(term.value)


class _Dataset:
    """Where the checks run: a kglaw Store's default graph (the set union it maintains), or the union of
    a plain pyoxigraph store's named graphs."""

    def __init__(self, store: ox.Store, union: bool) -> None:
        self.store, self.union = store, union

    def query(self, sparql: str) -> Any:
        return self.store.query(sparql, use_default_graph_as_union=self.union)


def _run(store: _Dataset, check: _Check) -> Any:
    return store.query(check.query)


def _literal(text: str) -> Any:
    return lambda _m: text


def _fill(template: str, row: Any, variables: list[str]) -> str:
    """pySHACL's message templates: ``{?var}`` and ``{$var}`` become the row's value of ``var``."""
    for var in variables:
        val = row[var]
        if val is not None:
            text = _text(val)
            template = re.sub(r"\{[?$]" + re.escape(var) + r"\}", _literal(text), template)
    return template


def _results_of(store: _Dataset, check: _Check) -> list[ValidationResult]:
    res = _run(store, check)
    variables = [v.value for v in res.variables]  # type: ignore[attr-defined]
    out = []
    for row in res:
        focus = _text(row["this"])
        value = ""
        if check.value_var is not None and check.value_var in variables and row[check.value_var] is not None:
            value = _text(row[check.value_var])
        elif check.template:
            value = focus  # pySHACL: a node shape's SPARQL result without ?value reports the focus node
        path = check.path
        if check.template and "path" in variables and row["path"] is not None:
            p = row["path"]
            path = p.value if isinstance(p, ox.NamedNode) else ""
        message = check.messages[0] if check.messages else ""
        if check.template and message:
            message = _fill(message, row, variables)
        out.append(ValidationResult(check.severity, focus, path, message, check.shape, value))
    return out


def _failing(store: _Dataset, checks: list[_Check]) -> set[str]:
    failing: set[str] = set()
    for c in checks:
        failing |= {_text(row["this"]) for row in _run(store, c)}
    return failing


def validate_store(
    store: Any, shapes: Graph | CompiledShapes | None = None, *, jobs: int | None = None
) -> ValidationReport:
    """Validate the union of a store's graphs (a :class:`kglaw.store.Store` or a ``pyoxigraph.Store``).

    The checks run on ``jobs`` threads (default: one per core): Oxigraph evaluates a query without
    holding the GIL, so independent checks use every core. The report does not depend on the order."""
    ox_store = _Dataset(store.oxigraph, False) if hasattr(store, "oxigraph") else _Dataset(store, True)
    compiled = (
        shapes
        if isinstance(shapes, CompiledShapes)
        else compile_shapes(shapes if shapes is not None else load_shapes())
    )
    results: set[ValidationResult] = set()
    jobs = jobs or os.cpu_count() or 1
    if jobs > 1 and len(compiled.checks) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for found in pool.map(lambda check: _results_of(ox_store, check), compiled.checks):
                results.update(found)
    else:
        for check in compiled.checks:
            results.update(_results_of(ox_store, check))
    for name, members, severity, messages, _target in compiled.or_checks:
        # sh:or (§4.6.2): a focus node fails when it fails every member shape
        failing: set[str] | None = None
        for member in members:
            f = _failing(ox_store, member)
            failing = f if failing is None else failing & f
            if not failing:
                break
        for focus in failing or ():
            results.add(ValidationResult(severity, focus, "", messages[0] if messages else "", name, focus))
    return ValidationReport(sorted(results))


def _ox_term(t: Node) -> Any:
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    assert isinstance(t, Literal)
    if t.language:
        return ox.Literal(str(t), language=t.language)
    if t.datatype:
        return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
    return ox.Literal(str(t))


def validate_graph_sparql(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate an rdflib graph by the SPARQL path (it is copied into an in-memory Oxigraph store)."""
    store = ox.Store()
    store.bulk_extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), ox.DefaultGraph()) for s, p, o in data)  # type: ignore[arg-type]
    return validate_store(store, shapes)
