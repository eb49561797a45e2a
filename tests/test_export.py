"""Exports: every format round-trips, bytes are deterministic, named graphs survive, VoID/DCAT."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, VOID

from kglaw.cli import cli
from kglaw.export import (
    EXPORT_FORMATS,
    LICENCE,
    dataset_description,
    export_graph,
    import_file,
    jsonld_context,
)
from kglaw.store import Store

from .fixture_graphs import write_fixture_dir

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    return write_fixture_dir(tmp_path_factory.mktemp("export") / "ttl")


@pytest.fixture(scope="module")
def store(data_dir: Path) -> Store:
    s = Store(None)
    s.load_dir(data_dir)
    return s


def _graphs(store: Store) -> dict[str, Graph]:
    from kglaw.query import _from_ox

    out: dict[str, Graph] = {}
    for q in store.quads():
        g = out.setdefault(q.graph_name.value, Graph())
        g.add((_from_ox(q.subject), _from_ox(q.predicate), _from_ox(q.object)))  # type: ignore[arg-type]
    return out


def _union(store: Store) -> Graph:
    u = Graph()
    for g in _graphs(store).values():
        for t in g:
            u.add(t)
    return u


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_then_import_gives_an_isomorphic_graph(fmt: str, store: Store, tmp_path: Path) -> None:
    f = tmp_path / f"kglaw.{fmt}"
    f.write_bytes(export_graph(store, fmt))
    back = Store(None)
    import_file(back, f)
    assert isomorphic(_union(back), _union(store))
    if fmt in ("nq", "trig"):  # the named graphs survive, each one intact
        assert back.graphs() == store.graphs()
        a, b = _graphs(back), _graphs(store)
        assert all(isomorphic(a[name], b[name]) for name in store.graphs())
    else:
        assert back.graphs() == ["https://w3id.org/kglaw/graph/kglaw"]


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_the_same_graph_gives_the_same_bytes(fmt: str, store: Store, data_dir: Path) -> None:
    other = Store(None)
    for f in sorted(data_dir.glob("*.ttl"), reverse=True):  # another load order
        other.load_file(f)
    assert export_graph(other, fmt) == export_graph(store, fmt)


def test_trig_has_one_named_graph_per_source_file(store: Store) -> None:
    text = export_graph(store, "trig").decode("utf-8")
    opened = sorted(
        line[1:-3]
        for line in text.splitlines()
        if line.startswith("<https://w3id.org/kglaw/graph/") and line.endswith("> {")
    )
    assert opened == store.graphs()
    assert "https://w3id.org/kglaw/graph/lineage" in opened
    assert "https://w3id.org/kglaw/graph/curated-social-code" in opened
    assert "https://w3id.org/kglaw/graph/ontology-kglaw" in opened


def test_nquads_lines_are_sorted(store: Store) -> None:
    lines = export_graph(store, "nq").decode("utf-8").splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))


def test_jsonld_uses_the_published_context_and_short_keys(store: Store) -> None:
    doc = json.loads(export_graph(store, "jsonld"))
    assert doc["@context"] == jsonld_context()
    node = next(
        n for n in doc["@graph"] if n["@id"] == "act:decision/kyzylorda-oblast-maslikhat/2005-12-20/245"
    )
    assert node["date_document"] == [{"@value": "2005-12-20", "@type": "xsd:date"}]
    assert {"@id": "act:decision/kyzylorda-oblast-maslikhat/2007-12-12/33"} in node["repealed_by"]
    assert "eli:LegalResource" in node["@type"]


def test_published_context_file_is_up_to_date() -> None:
    published = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert published == {"@context": jsonld_context()}, (
        "ontology/context.jsonld is behind ontology/kglaw.ttl: run "
        "python -c 'from kglaw.export import write_context; write_context()'"
    )


def test_jsonld_reads_with_rdflib_too(store: Store) -> None:
    g = Graph()
    g.parse(data=export_graph(store, "jsonld").decode("utf-8"), format="json-ld")
    assert isomorphic(g, _union(store))


def test_unknown_format_is_an_error(store: Store) -> None:
    from kglaw.errors import KglawError

    with pytest.raises(KglawError, match="unknown export format"):
        export_graph(store, "rdfxml")


def test_dataset_description(store: Store) -> None:
    g = Graph()
    g.parse(data=dataset_description(store, "trig", 1234).decode("utf-8"), format="turtle")
    ds = URIRef("https://w3id.org/kglaw/dataset")
    assert (ds, DCTERMS.license, LICENCE) in g
    # the newest act a source document describes (resolution 1142 of 2022-12-31), not today's date
    assert g.value(ds, DCTERMS.modified) == Literal(
        "2022-12-31", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")
    )
    assert int(g.value(ds, VOID.triples)) == len({q.triple for q in store.quads()})
    for name in store.graphs():
        assert int(g.value(URIRef(name), VOID.triples)) == store.count(name)
    vocabularies = set(g.objects(ds, VOID.vocabulary))
    assert URIRef("http://data.europa.eu/eli/ontology#") in vocabularies
    assert URIRef("https://w3id.org/kglaw/ontology#") in vocabularies
    assert g.value(ds, DCTERMS.title) is not None
    assert dataset_description(store, "trig", 1234) == dataset_description(store, "trig", 1234)


def test_cli_export_writes_the_file_and_its_description_then_import_loads_it(
    data_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "kglaw.nq"
    runner = CliRunner()
    res = runner.invoke(
        cli,
        [
            "export",
            "--format",
            "nq",
            "--out",
            str(out),
            "--store",
            str(tmp_path / "a"),
            "--data",
            str(data_dir),
        ],
    )
    assert res.exit_code == 0, res.output
    assert out.is_file() and (tmp_path / "kglaw.nq.void.ttl").is_file()
    res = runner.invoke(cli, ["import", str(out), "--store", str(tmp_path / "b")])
    assert res.exit_code == 0, res.output
    n = len(out.read_bytes().decode("utf-8").splitlines())
    assert res.stdout == f"loaded {n} triples from {out} into {tmp_path / 'b'}\n"


def test_cli_import_of_a_broken_file_is_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    res = CliRunner().invoke(cli, ["import", str(bad), "--store", str(tmp_path / "s")])
    assert res.exit_code == 2


def test_cli_export_to_stdout_is_the_same_bytes(store: Store, data_dir: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(
        cli, ["export", "--format", "nt", "--store", str(tmp_path / "s"), "--data", str(data_dir)]
    )
    assert res.exit_code == 0, res.output
    assert res.stdout_bytes == export_graph(store, "nt")
