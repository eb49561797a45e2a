"""Streaming ingest into the store (kglaw.ingest, `kglaw ingest --store`) and the N-Triples writer it uses."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kglaw.build import build_corpus, document_triples, ntriples
from kglaw.cli import cli
from kglaw.errors import KglawError, StoreError
from kglaw.ingest import INGESTED, ingest_store
from kglaw.parse.document import parse_file
from kglaw.store import Store, read_stamp

from .conftest import DATA_RAW, DATA_TTL

SEEDS = sorted(DATA_RAW.glob("*.txt"))


def _graphs(store: Store) -> dict[str, set[ox.Triple]]:
    return {g: {q.triple for q in store.quads(g)} for g in store.graphs()}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    path = tmp_path_factory.mktemp("ingest") / "store"
    result = ingest_store([DATA_RAW], path, jobs=2, batch=2)  # three batches, two worker processes
    return path, result


def test_ingest_gives_the_graphs_of_build_and_load(ingested) -> None:  # type: ignore[no-untyped-def]
    path, result = ingested
    store = Store(path, read_only=True)
    expected = Store(None)
    expected.load_dir(DATA_TTL)
    assert _graphs(store) == _graphs(expected)
    assert store.check_union()
    assert result.documents == 5 and result.errors == [] and result.fresh
    assert result.quads == len(expected) == len(store)
    assert result.violations == 0 and result.shacl_warnings == 6  # as `kglaw validate` reports for data/ttl
    # the build's own warnings, per document, as `kglaw build` gives them
    assert len(result.warnings) == len(build_corpus([parse_file(f) for f in SEEDS]).warnings)


def test_an_ingested_store_is_stamped_and_nothing_is_left_beside_it(ingested) -> None:  # type: ignore[no-untyped-def]
    path, _ = ingested
    assert read_stamp(path) == INGESTED
    assert sorted(p.name for p in path.parent.iterdir()) == ["store", "store.loaded"]


def test_ingest_into_an_existing_store_replaces_graphs_in_transactions(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
    path = tmp_path / "store"
    first = ingest_store([corpus], path, jobs=1, validate=False, with_reference=False)
    assert first.fresh
    (corpus / SEEDS[1].name).write_bytes(SEEDS[1].read_bytes())
    second = ingest_store([corpus], path, jobs=1, validate=False, with_reference=False)
    assert not second.fresh
    store = Store(path, read_only=True)
    assert sorted(store.graphs()) == sorted(f"https://w3id.org/kglaw/graph/{f.stem}" for f in SEEDS[:2])
    assert store.check_union()
    # the first document's graph was replaced, not doubled
    assert second.quads == len(store) == sum(1 for _ in store.quads())
    assert first.quads == store.count(f"https://w3id.org/kglaw/graph/{SEEDS[0].stem}")


def test_a_failed_ingest_leaves_no_store_and_no_staging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kglaw.ingest

    def fail(store: object, fresh: bool) -> None:
        raise StoreError("disk full (simulated)")

    monkeypatch.setattr(kglaw.ingest, "_load_reference", fail)
    with pytest.raises(StoreError, match="simulated"):
        ingest_store(SEEDS[:1], tmp_path / "store", jobs=1, validate=False)
    assert list(tmp_path.iterdir()) == []


def test_cli_ingest_store_summary_and_queries_do_not_load_data_ttl(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "broken.txt").write_bytes(bytes(range(256)) * 64)
    for f in SEEDS[:2]:
        (batch / f.name).write_bytes(f.read_bytes())
    store = tmp_path / "store"
    runner = CliRunner()
    res = runner.invoke(
        cli, ["ingest", str(batch), "--store", str(store), "-q", "-j", "2"], catch_exceptions=False
    )
    assert res.exit_code == 2  # one document failed; the others are in the store
    assert "broken.txt" in res.stderr
    assert res.stdout.startswith("files read: 3; documents: 2; facts: ")
    assert "errors: 1; SHACL: 0 violations" in res.stdout and "(new, " in res.stdout
    q = ["query", "act-identity", "--store", str(store), "--format", "csv", "-p"]
    res = runner.invoke(cli, [*q, "act=decision/kyzylorda-oblast-maslikhat/2005-12-20/245"])
    assert res.exit_code == 0 and "loaded" not in res.stderr  # data/ttl was not poured into it
    assert "2005-12-20" in res.stdout
    res = runner.invoke(cli, [*q, "act=resolution/government/2024-12-30/1143"])
    assert res.exit_code == 0 and res.stdout.count("\n") == 1  # header only: seed 004 was not ingested


def test_cli_ingest_refuses_out_and_store_together(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        cli, ["ingest", str(DATA_RAW), "--store", str(tmp_path / "s"), "--out", str(tmp_path / "o")]
    )
    assert res.exit_code == 2 and "not both" in res.stderr
    assert list(tmp_path.iterdir()) == []


# -- the N-Triples writer --------------------------------------------------------------------------------


def _parsed(data: bytes, fmt: ox.RdfFormat = ox.RdfFormat.N_TRIPLES) -> set[ox.Triple | ox.Quad]:
    return set(ox.parse(io.BytesIO(data), fmt))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_ntriples_writes_the_terms_rdflib_writes(seed: Path) -> None:
    from kglaw.build import build_document

    doc = parse_file(seed)
    ours = _parsed(ntriples(document_triples(doc)).encode("utf-8"))
    theirs = _parsed(build_document(doc).serialize(format="nt", encoding="utf-8"))
    assert ours == theirs and len(ours) > 500


def test_ntriples_escapes_literals_and_keeps_languages_and_datatypes() -> None:
    s = URIRef("https://example.org/s")
    p = URIRef("https://example.org/p")
    tricky = 'a "quoted" \\ back\nslash\r\tand «Қазақ» text'
    triples = [
        (s, p, Literal(tricky)),
        (s, p, Literal(tricky, lang="kk")),
        (s, p, Literal("2024-12-20", datatype=XSD.date)),
        (s, p, Literal(7)),
        (s, p, Literal("plain", datatype=XSD.string)),
        (s, p, URIRef("https://example.org/with space")),
    ]
    out = ntriples(triples[:5], "https://example.org/g").encode("utf-8")
    quads = _parsed(out, ox.RdfFormat.N_QUADS)
    objects = {q.object for q in quads}
    assert objects == {
        ox.Literal(tricky),
        ox.Literal(tricky, language="kk"),
        ox.Literal("2024-12-20", datatype=ox.NamedNode(str(XSD.date))),
        ox.Literal("7", datatype=ox.NamedNode(str(XSD.integer))),
        ox.Literal("plain"),
    }
    assert {q.graph_name for q in quads} == {ox.NamedNode("https://example.org/g")}
    with pytest.raises(KglawError, match="not a valid IRI"):  # a build bug must fail its document only
        ntriples(triples[5:])


def test_a_parser_bug_fails_its_document_and_the_ingest_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kglaw.parse.document

    real = kglaw.parse.document.parse_file

    def buggy(path: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if path.name == SEEDS[0].name:
            raise ZeroDivisionError("simulated bug")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(kglaw.parse.document, "parse_file", buggy)  # the forked workers inherit it
    result = ingest_store(SEEDS[:2], tmp_path / "store", jobs=1, validate=False, with_reference=False)
    assert result.documents == 1
    assert result.errors == [f"{SEEDS[0]}: internal error while parsing: ZeroDivisionError: simulated bug"]
    assert Store(tmp_path / "store", read_only=True).graphs() == [
        f"https://w3id.org/kglaw/graph/{SEEDS[1].stem}"
    ]


@pytest.mark.parametrize("store", [True, False], ids=["store", "turtle"])
def test_two_files_with_one_name_are_not_merged_into_one_graph(tmp_path: Path, store: bool) -> None:
    # A document's graph, Turtle file and source node are named by its file stem: a second file of the
    # same name (another directory, or another suffix) is an error naming both files, and is skipped.
    for sub, seed in (("a", SEEDS[0]), ("b", SEEDS[1])):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "245.txt").write_bytes(seed.read_bytes())
    out = ["--store", str(tmp_path / "st")] if store else ["--out", str(tmp_path / "ttl")]
    r = CliRunner().invoke(
        cli, ["ingest", str(tmp_path / "a"), str(tmp_path / "b"), "-q", "--no-reference", *out]
    )
    assert r.exit_code == 2, r.output
    clash = tmp_path / "b" / "245.txt"
    assert f"error: {clash}: skipped: {tmp_path / 'a' / '245.txt'} has the same name" in r.output
    assert "files read: 2; documents: 1;" in r.output
    alone = build_corpus([parse_file(SEEDS[0])]).triples
    assert f"facts: {alone};" in r.output  # the first file's graph, nothing of the second


def test_a_triple_the_writer_refuses_fails_its_document_and_the_ingest_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kglaw.build

    real = kglaw.build.document_triples

    def bad_iri(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        ts = real(doc, *args, **kwargs)
        if doc.source == SEEDS[0].name:
            ts = list(ts) + [
                (URIRef("https://example.org/a b"), URIRef("https://example.org/p"), Literal("x"))
            ]
        return ts

    monkeypatch.setattr(kglaw.build, "document_triples", bad_iri)  # the forked workers inherit it
    result = ingest_store(SEEDS[:2], tmp_path / "store", jobs=2, validate=False, with_reference=False)
    assert result.documents == 2 and len(result.errors) == 1
    assert result.errors[0].startswith(f"{SEEDS[0].name}: ") and "not a valid IRI" in result.errors[0]
    store = Store(tmp_path / "store", read_only=True)
    assert store.graphs() == [f"https://w3id.org/kglaw/graph/{SEEDS[1].stem}"]
    assert result.quads == len(store) == result.triples  # counted as written, without scanning the store
