"""Shared fixtures. Paths are anchored on this file, never on the working directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

ROOT = Path(__file__).resolve().parent.parent
DATA_TTL = ROOT / "data" / "ttl"
DATA_RAW = ROOT / "data" / "raw"
QUERIES = ROOT / "queries"
SHAPES = ROOT / "shapes"
ONTOLOGY = ROOT / "ontology"
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"

#: What a legacy Kazakh font did to the nine Kazakh letters (cp1251 Serbian/Macedonian code points).
#: Written here independently of kglaw.parse.decode, so that the decoder is tested against it.
LEGACY_FONT = str.maketrans(
    {
        "Қ": "Ќ",
        "қ": "ќ",
        "Ң": "Њ",
        "ң": "њ",
        "Ғ": "Ѓ",
        "ғ": "ѓ",
        "Ү": "Ї",
        "ү": "ї",
        "Ұ": "Ў",
        "ұ": "ў",
        "Ә": "Ј",
        "ә": "ј",
        "Ө": "Ґ",
        "ө": "ґ",
        "Һ": "Ћ",
        "һ": "ћ",
    }
)


@pytest.fixture(scope="session")
def seed_graph() -> Graph:
    """The union of every file in data/ttl, as rdflib sees it."""
    g = Graph()
    for f in sorted(DATA_TTL.glob("*.ttl")):
        g.parse(f, format="turtle")
    return g


@pytest.fixture(scope="session")
def loaded_store():  # type: ignore[no-untyped-def]
    """An in-memory Oxigraph store loaded from data/ttl, one named graph per file."""
    from kglaw.store import Store

    store = Store(None)
    store.load_dir(DATA_TTL)
    return store


@pytest.fixture(scope="session")
def seed_dataset():  # type: ignore[no-untyped-def]
    """data/ttl as an rdflib Dataset whose default graph is the union (the rdflib side of comparisons)."""
    from rdflib import Dataset, URIRef

    from kglaw.store import graph_iri_for

    ds = Dataset(default_union=True)
    for f in sorted(DATA_TTL.glob("*.ttl")):
        ds.graph(URIRef(graph_iri_for(f))).parse(f, format="turtle")
    return ds
