"""The fixture graph of tests/fixtures (one named graph per file, inverses materialised as `build` does),
together with the authority, curated and ontology files, loaded into an in-memory store."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kglaw.build import materialise_inverses, serialize_turtle

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def fixture_graphs() -> dict[str, Graph]:
    """Graphs by file stem, shaped as `kglaw build` writes data/ttl."""
    graphs: dict[str, Graph] = {}
    sources = [("", FIXTURES / "lineage.ttl")]
    sources += [("authority-", f) for f in sorted((ROOT / "data" / "authority").glob("*.ttl"))]
    sources += [("curated-", f) for f in sorted((ROOT / "data" / "curated").glob("*.ttl"))]
    sources += [("ontology-", f) for f in sorted((ROOT / "ontology").glob("*.ttl"))]
    for prefix, f in sources:
        g = Graph()
        g.parse(f, format="turtle")
        if prefix != "ontology-":
            materialise_inverses(g)
        graphs[prefix + f.stem] = g
    return graphs


def write_fixture_dir(out: Path) -> Path:
    """Write the fixture graphs as a data/ttl-like directory."""
    out.mkdir(parents=True, exist_ok=True)
    for stem, g in sorted(fixture_graphs().items()):
        (out / f"{stem}.ttl").write_bytes(serialize_turtle(g))
    return out


def fixture_store(tmp: Path):  # type: ignore[no-untyped-def]
    from kglaw.store import Store

    store = Store(None)
    store.load_dir(write_fixture_dir(tmp))
    return store
