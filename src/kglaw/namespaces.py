"""Every namespace kglaw uses, in one place (as Brick's ``namespaces.py``)."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCAT, DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, VOID, XSD

__all__ = [
    "BASE",
    "ELI",
    "KGL",
    "DOCTYPE",
    "OPTYPE",
    "STATUS",
    "AGENCY",
    "SOURCE",
    "GRAPH",
    "PROVNS",
    "DCAT",
    "DCTERMS",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "VOID",
    "XSD",
    "PREFIXES",
    "bind_prefixes",
]

#: Root of every IRI kglaw mints. w3id.org is the usual home for a project's permanent identifiers.
BASE = "https://w3id.org/kglaw/"

ELI = Namespace("http://data.europa.eu/eli/ontology#")
KGL = Namespace(BASE + "ontology#")
DOCTYPE = Namespace(BASE + "vocab/doctype/")
OPTYPE = Namespace(BASE + "vocab/optype/")
STATUS = Namespace(BASE + "vocab/status/")
AGENCY = Namespace(BASE + "agency/")
SOURCE = Namespace(BASE + "source/")
GRAPH = Namespace(BASE + "graph/")
PROVNS = Namespace(BASE + "prov/")

#: Fixed prefixes for every serialisation, so that files diff cleanly.
PREFIXES: dict[str, str] = {
    "eli": str(ELI),
    "kgl": str(KGL),
    "doctype": str(DOCTYPE),
    "optype": str(OPTYPE),
    "agency": str(AGENCY),
    "src": str(SOURCE),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "void": str(VOID),
    "dcat": str(DCAT),
}


def bind_prefixes(graph) -> None:  # type: ignore[no-untyped-def]
    """Bind exactly the kglaw prefixes on ``graph`` (replacing rdflib's defaults)."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
