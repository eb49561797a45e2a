"""The embedded store: named graphs per file, atomic replacement, failures that change nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kglaw.errors import StoreError
from kglaw.store import Store, fingerprint, graph_iri_for, rdf_format_for, read_stamp, write_stamp

A = '<http://ex/a> <http://ex/p> "one" .\n<http://ex/a> <http://ex/q> <http://ex/b> .\n'
B = '<http://ex/b> <http://ex/p> "two"@kk .\n'


def _dir(tmp_path: Path, **files: str) -> Path:
    d = tmp_path / "ttl"
    d.mkdir(exist_ok=True)
    for name, text in files.items():
        (d / f"{name}.ttl").write_text(text, encoding="utf-8")
    return d


def test_one_named_graph_per_file(tmp_path: Path) -> None:
    s = Store(None)
    counts = s.load_dir(_dir(tmp_path, a=A, b=B))
    assert counts == {graph_iri_for("a.ttl"): 2, graph_iri_for("b.ttl"): 1}
    assert s.graphs() == sorted(counts)
    assert len(s) == 3


def test_reloading_replaces_a_graph_whole(tmp_path: Path) -> None:
    s = Store(None)
    d = _dir(tmp_path, a=A, b=B)
    s.load_dir(d)
    (d / "a.ttl").write_text('<http://ex/a> <http://ex/p> "new" .\n', encoding="utf-8")
    s.load_dir(d)
    assert s.count(graph_iri_for("a.ttl")) == 1
    assert s.count(graph_iri_for("b.ttl")) == 1


def test_broken_turtle_leaves_the_store_unchanged(tmp_path: Path) -> None:
    s = Store(None)
    d = _dir(tmp_path, a=A, b=B)
    s.load_dir(d)
    (d / "b.ttl").write_text("<http://ex/b> <http://ex/p> ", encoding="utf-8")
    (d / "a.ttl").write_text('<http://ex/a> <http://ex/p> "changed" .\n', encoding="utf-8")
    with pytest.raises(StoreError, match=r"b\.ttl"):
        s.load_dir(d)
    assert len(s) == 3  # nothing of the new a.ttl went in either


def test_queries_see_the_union_of_graphs(tmp_path: Path) -> None:
    s = Store(None)
    s.load_dir(_dir(tmp_path, a=A, b=B))
    rows = list(s.query("SELECT ?o WHERE { <http://ex/a> <http://ex/q> ?b . ?b <http://ex/p> ?o }"))
    assert [r["o"].value for r in rows] == ["two"]


def test_on_disk_store_persists(tmp_path: Path) -> None:
    path = tmp_path / "store"
    s = Store(path)
    s.load_dir(_dir(tmp_path, a=A))
    s.flush()
    del s
    assert len(Store(path, read_only=True)) == 2


def test_stamp_follows_the_data(tmp_path: Path) -> None:
    d = _dir(tmp_path, a=A)
    fp = fingerprint(d)
    write_stamp(tmp_path / "store", fp)
    assert read_stamp(tmp_path / "store") == fp
    (d / "a.ttl").write_text(B, encoding="utf-8")
    assert fingerprint(d) != fp


def test_empty_directory_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(StoreError, match="no .ttl files"):
        Store(None).load_dir(tmp_path / "empty")


def test_a_store_locked_by_another_process_is_a_store_error(tmp_path: Path) -> None:
    import subprocess
    import sys
    import time

    path = tmp_path / "store"
    Store(path).flush()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import pyoxigraph, time; s = pyoxigraph.Store({str(path)!r}); print('ok', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match="cannot open the store"):
            Store(path)
    finally:
        holder.kill()
        holder.wait()
    time.sleep(0.1)
    Store(path)  # free again once the other process has gone


# -- the default graph is the set union of the named graphs --------------------------------------

SHARED = '<http://ex/law> <http://ex/title> "Law"@kk .\n'


def _count(s: Store, sparql: str) -> int:
    return int(next(iter(s.query(sparql)))["n"].value)


def test_a_fact_stated_in_two_graphs_matches_once(tmp_path: Path) -> None:
    s = Store(None)
    s.load_dir(_dir(tmp_path, a=A + SHARED, b=B + SHARED))
    assert len(s) == 5  # quads in the named graphs: the shared fact twice
    assert s.count_union() == 4
    # No DISTINCT: a bag union would give 2 here, and an OPTIONAL on it would multiply rows.
    assert _count(s, "SELECT (COUNT(*) AS ?n) WHERE { ?x <http://ex/title> ?t }") == 1
    assert _count(s, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?x <http://ex/title> ?t } }") == 2
    assert s.check_union()


def test_replacing_a_graph_keeps_facts_another_graph_states(tmp_path: Path) -> None:
    s = Store(None)
    d = _dir(tmp_path, a=A + SHARED, b=B + SHARED)
    s.load_dir(d)
    s.replace_graph(graph_iri_for("a.ttl"), B.encode(), rdf_format_for("x.nt"))
    # a's own facts are gone from the default graph, the shared one stays (b states it), B now twice.
    assert _count(s, "SELECT (COUNT(*) AS ?n) WHERE { <http://ex/a> ?p ?o }") == 0
    assert _count(s, "SELECT (COUNT(*) AS ?n) WHERE { ?x <http://ex/title> ?t }") == 1
    assert s.check_union()
    s.replace_graph(graph_iri_for("b.ttl"), b"", rdf_format_for("x.nt"))
    assert _count(s, "SELECT (COUNT(*) AS ?n) WHERE { ?x <http://ex/title> ?t }") == 0
    assert s.count_union() == 1 and s.check_union()


def test_a_files_default_graph_becomes_its_own_named_graph(tmp_path: Path) -> None:
    f = tmp_path / "extra.nq"
    f.write_text(
        '<http://ex/a> <http://ex/p> "d" .\n<http://ex/b> <http://ex/p> "n" <http://ex/g> .\n',
        encoding="utf-8",
    )
    s = Store(None)
    s.load_file(f)
    assert s.graphs() == sorted([graph_iri_for(f), "http://ex/g"])
    assert s.count(graph_iri_for(f)) == 1 and s.check_union()


def test_a_store_written_without_the_default_graph_is_migrated_once(tmp_path: Path) -> None:
    import pyoxigraph as ox

    path = tmp_path / "old"
    old = ox.Store(str(path))
    old.add(
        ox.Quad(
            ox.NamedNode("http://ex/a"),
            ox.NamedNode("http://ex/p"),
            ox.Literal("x"),
            ox.NamedNode("http://ex/g"),
        )
    )
    old.flush()
    del old
    s = Store(path)
    assert s.check_union() and s.count_union() == 1 and len(s) == 1


def test_dump_and_quads_leave_out_the_maintained_default_graph(tmp_path: Path) -> None:
    import pyoxigraph as ox

    s = Store(None)
    s.load_dir(_dir(tmp_path, a=A, b=B))
    assert all(isinstance(q.graph_name, ox.NamedNode) for q in s.quads())
    dumped = s.dump(ox.RdfFormat.N_QUADS).decode()
    assert dumped.count("\n") == 3 and all(line.endswith("> .") for line in dumped.splitlines())
