"""Shapes for target indicators and programme succession: a conforming and a violating case each,
compared as sets of (focus node, path, source shape), with pySHACL and with the SPARQL fast path."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kglaw.fastvalidate import validate_graph_sparql
from kglaw.validate import load_shapes, validate_graph

CASES = Path(__file__).resolve().parent / "shapes"
EX = "http://example.org/"
KGL = "https://w3id.org/kglaw/ontology#"
KSH = "https://w3id.org/kglaw/shapes#"

EXPECTED = {
    "indicator": {
        (EX + "i", KGL + "indicatorOf", KSH + "IndicatorShape"),
        (EX + "i", KGL + "target", KSH + "IndicatorShape"),
        (EX + "t", KGL + "year", KSH + "TargetShape"),
        (EX + "t", KGL + "value", KSH + "TargetShape"),
    },
    "succession": {
        (EX + "a", "", KSH + "SuccessionShape"),
        (EX + "b", KGL + "succeeds", KSH + "SuccessionShape"),
    },
}
EXPECTED_WARNINGS = {"succession": {(EX + "c", "", KSH + "SuccessionOrderShape")}}


def _run(name: str, severity: str = "Violation", sparql: bool = False) -> set[tuple[str, str, str]]:
    g = Graph()
    g.parse(CASES / f"{name}.ttl", format="turtle")
    report = validate_graph_sparql(g) if sparql else validate_graph(g, load_shapes())
    return {(r.focus, r.path, r.shape) for r in report.results if r.severity == severity}


@pytest.mark.parametrize("sparql", [False, True], ids=["pyshacl", "sparql"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_conforming_case_conforms(name: str, sparql: bool) -> None:
    assert _run(f"{name}-ok", sparql=sparql) == set()
    assert _run(f"{name}-ok", "Warning", sparql) == set()


@pytest.mark.parametrize("sparql", [False, True], ids=["pyshacl", "sparql"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_violating_case_reports_exactly_the_expected_results(name: str, sparql: bool) -> None:
    assert _run(f"{name}-bad", sparql=sparql) == EXPECTED[name]
    assert _run(f"{name}-bad", "Warning", sparql) == EXPECTED_WARNINGS.get(name, set())
