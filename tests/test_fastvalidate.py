"""The SPARQL validation path reports exactly what pySHACL reports: every field of every result."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kglaw.errors import KglawError
from kglaw.fastvalidate import _ox_term, compile_shapes, validate_graph_sparql, validate_store
from kglaw.validate import ValidationResult, load_shapes, validate_graph

CASES = Path(__file__).resolve().parent / "shapes"
_DECIMAL = re.compile(r"\b(\d+\.\d*?)0+\b")


def same(results: list[ValidationResult]) -> list[ValidationResult]:
    """Results as compared: every field, with decimal numerals in messages in canonical form.

    The one difference the engines cannot avoid: Oxigraph stores an xsd:decimal in its canonical form
    ("466.30" is kept as 466.3), rdflib keeps the lexical form as written, so a SHACL-SPARQL message that
    prints a decimal shows "466.30" in pySHACL and "466.3" here. Severity, focus, path, shape and value
    are compared exactly.
    """
    return sorted(
        replace(r, message=_DECIMAL.sub(lambda m: m.group(1).rstrip("."), r.message)) for r in results
    )


SEED_TTL = Path(__file__).resolve().parent.parent / "data" / "ttl"


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.mark.parametrize("case", sorted(p.stem for p in CASES.glob("*.ttl")))
def test_same_results_as_pyshacl_on_shape_cases(case: str, shapes: Graph) -> None:
    g = Graph()
    g.parse(CASES / f"{case}.ttl", format="turtle")
    expected = validate_graph(g, shapes).results
    assert same(validate_graph_sparql(g, shapes).results) == same(expected)
    if case.endswith("-bad"):
        assert expected, "a violating case that pySHACL passes tests nothing"


def test_same_results_as_pyshacl_on_seed_graph(seed_graph: Graph, shapes: Graph) -> None:
    if len(seed_graph) == 0:
        pytest.skip("data/ttl is empty (run 'kglaw build')")
    assert same(validate_graph_sparql(seed_graph, shapes).results) == same(
        validate_graph(seed_graph, shapes).results
    )


def test_same_results_on_a_store_of_named_graphs(loaded_store, seed_graph: Graph, shapes: Graph) -> None:  # type: ignore[no-untyped-def]
    """On the store the default graph is the union of the named graphs, as in the rdflib union graph."""
    if len(seed_graph) == 0:
        pytest.skip("data/ttl is empty (run 'kglaw build')")
    assert same(validate_store(loaded_store, shapes).results) == same(
        validate_graph(seed_graph, shapes).results
    )


def test_checks_on_threads_report_what_one_thread_reports(shapes: Graph) -> None:
    g = Graph()
    for f in sorted(CASES.glob("*-bad.ttl")):
        g.parse(f, format="turtle")
    store = ox.Store()
    store.bulk_extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), ox.DefaultGraph()) for s, p, o in g)  # type: ignore[arg-type]
    compiled = compile_shapes(shapes)
    one = validate_store(store, compiled, jobs=1).results
    assert len(one) > 20
    assert validate_store(store, compiled, jobs=4).results == one


def test_all_bad_cases_together(shapes: Graph) -> None:
    """One graph holding every violating case: the checks run over all focus nodes at once.

    Without dates-bad: merged with changer-bad it gives ex:a a plain-string date "20.12.2005" beside an
    xsd:date, and rdflib then orders the string against the date, where SPARQL 1.1 (§17.3) says that a
    comparison of a string with a date is a type error, as Oxigraph does (see the next test)."""
    g = Graph()
    for f in sorted(CASES.glob("*-bad.ttl")):
        if f.stem != "dates-bad":
            g.parse(f, format="turtle")
    assert same(validate_graph_sparql(g, shapes).results) == same(validate_graph(g, shapes).results)


def test_string_compared_with_date_is_a_type_error(shapes: Graph) -> None:
    """The one known difference: rdflib compares "20.12.2005" (a string) with an xsd:date; SPARQL does
    not, so the SPARQL path reports only the DateShape violation that makes such a graph invalid anyway."""
    g = Graph()
    g.parse(
        data="""
        @prefix eli: <http://data.europa.eu/eli/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <http://example.org/a> eli:date_document "20.12.2005" ; eli:repealed_by <http://example.org/b> .
        <http://example.org/b> eli:date_document "2004-01-01"^^xsd:date .
    """,
        format="turtle",
    )
    fast = {(r.focus, r.shape.rsplit("#", 1)[-1]) for r in validate_graph_sparql(g, shapes).violations}
    assert fast == {("http://example.org/a", "DateShape")}


def test_ill_typed_literal_fails_datatype(shapes: Graph) -> None:
    g = Graph()
    g.parse(
        data="""
        @prefix eli: <http://data.europa.eu/eli/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <http://example.org/a> eli:date_document "2005-13-45"^^xsd:date .
    """,
        format="turtle",
    )
    assert same(validate_graph_sparql(g, shapes).results) == same(validate_graph(g, shapes).results)
    assert any(r.path.endswith("date_document") for r in validate_graph_sparql(g, shapes).violations)


def test_decimal_messages_differ_only_in_canonical_form(shapes: Graph) -> None:
    g = Graph()
    g.parse(CASES / "passport-sum-bad.ttl", format="turtle")
    fast, py = validate_graph_sparql(g, shapes).results, validate_graph(g, shapes).results
    assert [(r.severity, r.focus, r.path, r.shape, r.value) for r in fast] == [
        (r.severity, r.focus, r.path, r.shape, r.value) for r in py
    ]


def test_unsupported_constraint_is_an_error() -> None:
    s = Graph()
    s.parse(
        data="""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <http://example.org/S> a sh:NodeShape ; sh:targetClass <http://example.org/C> ;
            sh:property [ sh:path <http://example.org/p> ; sh:pattern "^a" ] .
    """,
        format="turtle",
    )
    with pytest.raises(KglawError, match="pattern"):
        compile_shapes(s)


def test_sparql_target_shape_is_validated(shapes: Graph) -> None:
    """SHACL-AF SPARQL targets (sh:target [ a sh:SPARQLTarget ]) select the focus nodes, as in pySHACL:
    a deadline just outside the plan period is reported by MeasureDeadlineEdgeShape."""
    g = Graph()
    g.parse(
        data="""
        @prefix kgl: <https://w3id.org/kglaw/ontology#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix ex: <http://example.org/> .
        ex:p kgl:periodStart "2006-01-01"^^xsd:date ; kgl:periodEnd "2008-12-31"^^xsd:date .
        ex:plan kgl:actionPlanOf ex:p .
        ex:m kgl:inActionPlan ex:plan ;
            kgl:deadlineStart "2005-10-01"^^xsd:date ; kgl:deadlineEnd "2005-12-31"^^xsd:date .
    """,
        format="turtle",
    )
    py = validate_graph(g, shapes).results
    assert any(r.shape.endswith("MeasureDeadlineEdgeShape") for r in py)
    assert same(validate_graph_sparql(g, shapes).results) == same(py)
