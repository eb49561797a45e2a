"""kglaw against the published ELI files (../shared/external): load them, never copy them by hand."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from .conftest import ONTOLOGY, SHARED

ELI_NT = SHARED / "external" / "eli-1.2.nt"
EP_SHACL = SHARED / "external" / "eli-ep-3.0.0.shacl.ttl"
ELI = "http://data.europa.eu/eli/ontology#"

pytestmark = pytest.mark.skipif(not ELI_NT.is_file(), reason="../shared/external is not beside this checkout")


@pytest.fixture(scope="module")
def eli() -> Graph:
    g = Graph()
    g.parse(ELI_NT, format="nt")
    return g


def _eli_terms(g: Graph) -> set[URIRef]:
    terms = set()
    for s, p, o in g:
        for t in (s, p, o):
            if isinstance(t, URIRef) and str(t).startswith(ELI):
                terms.add(t)
    return terms


def test_every_eli_term_in_the_ontology_exists_in_eli(eli: Graph) -> None:
    ours = Graph()
    ours.parse(ONTOLOGY / "kglaw.ttl")
    defined = {s for s in eli.subjects() if isinstance(s, URIRef)}
    unknown = sorted(str(t) for t in _eli_terms(ours) if t not in defined and str(t) != ELI.rstrip("#"))
    assert unknown == []


def test_every_eli_term_in_the_data_exists_in_eli(eli: Graph, seed_graph: Graph) -> None:
    defined = {s for s in eli.subjects() if isinstance(s, URIRef)}
    unknown = sorted(str(t) for t in _eli_terms(seed_graph) if t not in defined)
    assert unknown == []


def test_kglaw_classes_specialise_eli_where_they_claim_to(eli: Graph) -> None:
    ours = Graph()
    ours.parse(ONTOLOGY / "kglaw.ttl")
    for cls, sup in ours.subject_objects(RDFS.subClassOf):
        if str(sup).startswith(ELI):
            assert (sup, RDF.type, None) in eli, sup


def test_datatypes_agree_with_the_european_parliament_eli_profile(seed_graph: Graph) -> None:
    """Where the EP's ELI SHACL profile fixes a property's datatype, our literals use that datatype."""
    ep = Graph()
    ep.parse(EP_SHACL, format="turtle")
    expected: dict[URIRef, set[URIRef]] = {}
    for shape in ep.subjects(SH.path, None):
        path = ep.value(shape, SH.path)
        dt = ep.value(shape, SH.datatype)
        if isinstance(path, URIRef) and str(path).startswith(ELI) and isinstance(dt, URIRef):
            expected.setdefault(path, set()).add(dt)
    checked = 0
    for path, dts in expected.items():
        for o in seed_graph.objects(None, path):
            if isinstance(o, Literal):
                got = o.datatype or (RDF.langString if o.language else XSD.string)
                assert got in dts, f"{path}: {got} not in {dts}"
                checked += 1
    assert checked > 50  # dates, numbers and titles were all checked
