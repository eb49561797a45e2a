"""Exports: the store as Turtle, N-Triples, N-Quads, TriG or JSON-LD, with a VoID/DCAT description.

Every export is deterministic: the same graph gives the same bytes. Line formats are sorted; Turtle and
TriG go through the canonical Turtle writer (fixed prefixes, sorted subjects); JSON-LD is written here,
node by node in IRI order, with the published context (``ontology/context.jsonld``) inlined so that the
file reads offline.

N-Quads and TriG keep the store's named graphs: one per source document
(``https://w3id.org/kglaw/graph/{file stem}``) plus the curated, authority and ontology graphs, so a
consumer can replace one document's facts atomically. Turtle, N-Triples and JSON-LD carry the union.

The dataset description (VoID and DCAT) names the title, licence, the modified date (the newest
adoption date among the acts that the source documents describe — never the clock, so that output
stays deterministic), the triple count of the whole and of each named graph, and the vocabularies used.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .errors import KglawError
from .namespaces import BASE, DCAT, DCTERMS, ELI, KGL, PREFIXES, RDF, VOID, XSD, bind_prefixes
from .query import _from_ox, run_sparql
from .resources import ontology_dir
from .store import Store, graph_iri_for

__all__ = [
    "DATASET",
    "EXPORT_FORMATS",
    "LICENCE",
    "MEDIA_TYPES",
    "dataset_description",
    "export_graph",
    "export_to_file",
    "import_file",
    "jsonld_context",
    "write_context",
]

EXPORT_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
MEDIA_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json",
}
DATASET = URIRef(BASE + "dataset")
#: Official texts of normative legal acts are not objects of copyright (Law of the Republic of
#: Kazakhstan "On copyright and related rights", art. 8), so the facts drawn from them are given to the
#: public domain.
LICENCE = URIRef("https://creativecommons.org/publicdomain/zero/1.0/")
TITLE = "kglaw: Kazakh legislation as an ELI knowledge graph"

# -- reading the store ---------------------------------------------------------------------------------

Quad = tuple[Node, Node, Node, str | None]


def _quads(store: Store) -> list[Quad]:
    out: list[Quad] = []
    for q in store.quads():
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None
        out.append((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object), g))  # type: ignore[arg-type]
    return out


def _union(store: Store) -> Graph:
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in _quads(store):
        g.add((s, p, o))  # type: ignore[arg-type]
    return g


def _by_graph(store: Store) -> dict[str, Graph]:
    graphs: dict[str, Graph] = {}
    for s, p, o, gname in _quads(store):
        g = graphs.get(gname or "")
        if g is None:
            g = graphs[gname or ""] = Graph()
            bind_prefixes(g)
        g.add((s, p, o))  # type: ignore[arg-type]
    return graphs


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _turtle_body(g: Graph) -> str:
    text = g.serialize(format="turtle")
    return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip("\n")


# -- formats -------------------------------------------------------------------------------------------


def export_graph(store: Store, fmt: str = "trig") -> bytes:
    """The store's graph in ``fmt`` (ttl, nt, nq, trig, jsonld), as deterministic bytes."""
    if fmt not in EXPORT_FORMATS:
        raise KglawError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "nt":
        return _nt(store)
    if fmt == "nq":
        return _sorted_lines(store.dump(ox.RdfFormat.N_QUADS))
    if fmt == "ttl":
        data = _union(store).serialize(format="turtle", encoding="utf-8")
        return data if isinstance(data, bytes) else data.encode("utf-8")
    if fmt == "trig":
        return _trig(store)
    return _jsonld(_union(store))


def _nt(store: Store) -> bytes:
    triples = {q.triple for q in store.quads()}
    buf = io.BytesIO()
    ox.serialize(triples, buf, ox.RdfFormat.N_TRIPLES)
    return _sorted_lines(buf.getvalue())


def _trig(store: Store) -> bytes:
    out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted(PREFIXES.items())]
    for name, g in sorted(_by_graph(store).items()):
        body = _turtle_body(g)
        if not body:
            continue
        # Not indented: a line break inside a long string literal is part of the literal.
        out.append("")
        out.append(f"<{name}> {{" if name else "{")
        out.append(body)
        out.append("}")
    return ("\n".join(out) + "\n").encode("utf-8")


# -- JSON-LD ---------------------------------------------------------------------------------------------

#: ELI terms that kglaw uses, given short keys in the context.
ELI_TERMS = (
    "LegalResource",
    "LegalExpression",
    "LegalResourceSubdivision",
    "ResourceType",
    "Format",
    "type_document",
    "date_document",
    "number",
    "id_local",
    "title",
    "title_alternative",
    "title_short",
    "passed_by",
    "is_realized_by",
    "realizes",
    "language",
    "in_force",
    "first_date_entry_in_force",
    "date_no_longer_in_force",
    "date_applicability",
    "amends",
    "amended_by",
    "repeals",
    "repealed_by",
    "based_on",
    "basis_for",
    "cites",
    "cited_by",
    "has_part",
    "is_part_of",
    "changes",
    "changed_by",
    "consolidates",
    "consolidated_by",
    "transposes",
    "applies",
    "commenced_by",
    "corrects",
    "ensures_implementation_of",
)
_OTHER_TERMS = {
    "label": "http://www.w3.org/2000/01/rdf-schema#label",
    "comment": "http://www.w3.org/2000/01/rdf-schema#comment",
    "prefLabel": "http://www.w3.org/2004/02/skos/core#prefLabel",
    "altLabel": "http://www.w3.org/2004/02/skos/core#altLabel",
    "notation": "http://www.w3.org/2004/02/skos/core#notation",
    "inScheme": "http://www.w3.org/2004/02/skos/core#inScheme",
    "identifier": "http://purl.org/dc/terms/identifier",
    "source": "http://purl.org/dc/terms/source",
    "date": "http://purl.org/dc/terms/date",
    "subject": "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
    "predicate": "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate",
    "object": "http://www.w3.org/1999/02/22-rdf-syntax-ns#object",
    "Statement": "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement",
}


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD context: kglaw's prefixes, then a short key for every ELI term kglaw uses, every term of
    the kglaw ontology (``ontology/kglaw.ttl``) and a few SKOS/RDFS/DCT ones. Where two vocabularies share
    a local name, the kglaw term takes ``kgl_`` in front."""
    ctx: dict[str, Any] = {"@version": 1.1}
    ctx["act"] = BASE + "eli/kz/"
    for prefix, ns in sorted(PREFIXES.items()):
        ctx[prefix] = ns
    terms: dict[str, str] = {}
    for name in ELI_TERMS:
        terms[name] = str(ELI) + name
    onto = Graph()
    onto.parse(ontology_dir() / "kglaw.ttl", format="turtle")
    for s in sorted({s for s in onto.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KGL))}):
        local = str(s)[len(str(KGL)) :]
        if not local:
            continue
        terms[local if local not in terms else f"kgl_{local}"] = str(s)
    for k, v in _OTHER_TERMS.items():
        terms.setdefault(k, v)
    for k in sorted(terms):
        if k not in ctx:
            ctx[k] = terms[k]
    return ctx


def write_context(path: Path | None = None) -> Path:
    """Write the published context to ``ontology/context.jsonld`` (or ``path``)."""
    from .build import write_atomically

    path = path or ontology_dir() / "context.jsonld"
    write_atomically(path, _context_bytes())
    return path


def _context_bytes() -> bytes:
    return (json.dumps({"@context": jsonld_context()}, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _compactor(ctx: dict[str, Any]):  # type: ignore[no-untyped-def]
    terms = {
        v: k
        for k, v in sorted(ctx.items(), reverse=True)
        if isinstance(v, str) and not k.startswith("@") and not v.endswith(("/", "#"))
    }
    prefixes = sorted(
        ((v, k) for k, v in ctx.items() if isinstance(v, str) and v.endswith(("/", "#"))),
        key=lambda x: -len(x[0]),
    )

    def iri(s: str, key: bool = False) -> str:
        if key and s in terms:
            return terms[s]
        for ns, p in prefixes:
            if s.startswith(ns) and len(s) > len(ns):
                rest = s[len(ns) :]
                if not rest.startswith("//"):  # "p://…" would read as an absolute IRI
                    return f"{p}:{rest}"
        return s

    return iri


def _jsonld(g: Graph) -> bytes:
    ctx = jsonld_context()
    iri = _compactor(ctx)
    nodes: dict[str, dict[str, Any]] = {}
    for s, p, o in g:
        sid = iri(str(s)) if isinstance(s, URIRef) else f"_:{s}"
        node = nodes.setdefault(sid, {"@id": sid})
        if p == RDF.type and isinstance(o, URIRef):
            node.setdefault("@type", []).append(iri(str(o)))
            continue
        key = iri(str(p), key=True)
        if isinstance(o, URIRef):
            value: Any = {"@id": iri(str(o))}
        elif isinstance(o, Literal):
            value = {"@value": str(o)}
            if o.language:
                value["@language"] = o.language
            elif o.datatype is not None and str(o.datatype) != str(XSD.string):
                value["@type"] = iri(str(o.datatype))
        else:
            value = {"@id": f"_:{o}"}
        node.setdefault(key, []).append(value)

    def order(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False, sort_keys=True)

    graph = []
    for sid in sorted(nodes):
        node = nodes[sid]
        out: dict[str, Any] = {"@id": node["@id"]}
        if "@type" in node:
            out["@type"] = sorted(set(node["@type"]))
        for k in sorted(k for k in node if not k.startswith("@")):
            out[k] = sorted({order(v): v for v in node[k]}.values(), key=order)
        graph.append(out)
    doc = {"@context": ctx, "@graph": graph}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


# -- the dataset description ----------------------------------------------------------------------------

_NEWEST = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX kgl: <https://w3id.org/kglaw/ontology#>
SELECT (MAX(?d) AS ?newest) WHERE { ?src kgl:describes ?act . ?act eli:date_document ?d }"""


def dataset_description(store: Store, fmt: str | None = None, size: int | None = None) -> bytes:
    """VoID/DCAT description of the store's dataset, as canonical Turtle."""
    g = Graph()
    bind_prefixes(g)
    g.add((DATASET, RDF.type, VOID.Dataset))
    g.add((DATASET, RDF.type, DCAT.Dataset))
    g.add((DATASET, DCTERMS.title, Literal(TITLE, lang="en")))
    g.add(
        (
            DATASET,
            DCTERMS.description,
            Literal(
                "Kazakh legislation (Kazakh and Russian texts) as an ELI-based RDF graph: acts, their lineage, "
                "programmes, action plans and measures, agencies; every fact with its source document and lines.",
                lang="en",
            ),
        )
    )
    g.add((DATASET, DCTERMS.license, LICENCE))
    newest = run_sparql(store, _NEWEST).rows
    if newest and newest[0][0] is not None:
        g.add((DATASET, DCTERMS.modified, Literal(str(newest[0][0])[:10], datatype=XSD.date)))
    g.add((DATASET, VOID.uriSpace, Literal(BASE)))
    union = {q.triple for q in store.quads()}
    g.add((DATASET, VOID.triples, Literal(len(union))))
    used: set[str] = set()
    for t in union:
        for term in (t.predicate, t.object if t.predicate.value == str(RDF.type) else None):
            if isinstance(term, ox.NamedNode):
                used.add(_namespace(term.value))
    for ns in sorted(u for u in used if u):
        g.add((DATASET, VOID.vocabulary, URIRef(ns)))
    for name in store.graphs():
        sub = URIRef(name)
        g.add((DATASET, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, VOID.triples, Literal(store.count(name))))
        stem = name.rsplit("/", 1)[-1]
        if not stem.startswith(("authority-", "curated-", "ontology-")):
            g.add((sub, DCTERMS.source, URIRef(BASE + "source/" + stem)))
    if fmt is not None:
        dist = URIRef(f"{DATASET}/distribution/{fmt}")
        g.add((DATASET, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.mediaType, Literal(MEDIA_TYPES[fmt])))
        g.add((dist, DCTERMS.license, LICENCE))
        if size is not None:
            g.add((dist, DCAT.byteSize, Literal(size)))
    data = g.serialize(format="turtle", encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _namespace(iri: str) -> str:
    for ns in sorted(PREFIXES.values(), key=len, reverse=True):
        if iri.startswith(ns):
            return ns
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else ""


# -- files -----------------------------------------------------------------------------------------------


def export_to_file(store: Store, fmt: str, out: Path) -> tuple[Path, Path]:
    """Write the export to ``out`` and its description to ``out`` + ``.void.ttl``, atomically."""
    from .build import write_atomically

    data = export_graph(store, fmt)
    write_atomically(out, data)
    void = out.with_name(out.name + ".void.ttl")
    write_atomically(void, dataset_description(store, fmt, len(data)))
    return out, void


def import_file(store: Store, path: Path, graph: str | None = None) -> int:
    """Load any RDF file into the store. TriG and N-Quads keep their named graphs (each replaces the
    store's graph of that name); a triples file becomes the graph named after its stem (or ``graph``)."""
    if not path.is_file():
        raise KglawError(f"{path}: no such file")
    n = store.load_file(path, graph or graph_iri_for(path))
    store.flush()
    return n
