"""Parameters that a query does not project are bound with a VALUES block on Oxigraph (SEP-0007)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kglaw.query import _with_values, load_query, run_query, run_sparql
from kglaw.store import Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    f = tmp_path / "g.ttl"
    f.write_text(
        '<http://ex/a> <http://ex/p> "x {y}" .\n<http://ex/b> <http://ex/p> "z" .\n<http://ex/a> <http://ex/q> <http://ex/b> .\n',
        encoding="utf-8",
    )
    s = Store(None)
    s.load_dir(tmp_path)
    return s


def test_values_go_after_the_brace_that_opens_where() -> None:
    q = 'PREFIX ex: <http://ex/#> # { a comment\nSELECT ?o WHERE { ?s ex:p "{" , ?o }'
    out = _with_values(q, {"s": URIRef("http://ex/a")})
    assert out.endswith('WHERE { VALUES (?s) { (<http://ex/a>) }  ?s ex:p "{" , ?o }')
    assert out.startswith("PREFIX ex: <http://ex/#> # { a comment\n")


def test_construct_template_is_skipped() -> None:
    q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert "WHERE { VALUES (?s)" in _with_values(q, {"s": URIRef("http://ex/a")})


def test_a_non_projected_parameter_restricts_the_rows(store: Store) -> None:
    res = run_sparql(store, "SELECT ?o WHERE { ?s <http://ex/p> ?o }", {"s": URIRef("http://ex/a")})
    assert res.rows == [(Literal("x {y}"),)]


def test_a_hostile_literal_stays_a_literal(store: Store) -> None:
    res = run_sparql(
        store, "SELECT ?s WHERE { ?s <http://ex/p> ?v }", {"v": Literal('z" } ?s ?p ?o . FILTER("1')}
    )
    assert res.rows == []


def test_saved_query_with_a_non_projected_act_runs_on_the_store(store: Store, tmp_path: Path) -> None:
    rq = tmp_path / "q.rq"
    rq.write_text(
        "# title: t\n# description: d\n# param: act iri — a node\nSELECT ?o WHERE { ?act <http://ex/q> ?o }\n",
        encoding="utf-8",
    )
    assert run_query(store, load_query(rq), {"act": "http://ex/a"}).rows == [(URIRef("http://ex/b"),)]
