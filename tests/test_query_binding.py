"""Parameters that a query does not project are bound with a VALUES block on Oxigraph (SEP-0007)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kglaw.query import _with_values, load_query, run_query, run_sparql
from kglaw.store import Store

from .conftest import QUERIES


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


# -- parameters inside the sub-SELECTs that project them ------------------------------------------

A = {"act": URIRef("http://ex/a")}
BLOCK = "VALUES (?act) { (<http://ex/a>) }"


def test_a_subselect_projecting_the_parameter_starts_from_it() -> None:
    from kglaw.remote import bind_subselects

    q = "SELECT ?u WHERE { { SELECT DISTINCT ?act ?u WHERE { ?u <http://ex/partOf>+ ?act } } OPTIONAL { ?u ?p ?o } }"
    assert f"WHERE {{ {BLOCK} ?u <http://ex/partOf>+ ?act }}" in bind_subselects(q, A)


@pytest.mark.parametrize(
    "q",
    [
        # computed, not passed through: another variable
        "SELECT ?x WHERE { { SELECT (?z AS ?act) WHERE { ?x ?p ?z } } }",
        # not projected: local to the sub-SELECT
        "SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?act } } }",
        # LIMIT picks rows before the join: restricting inside would pick others
        "SELECT ?x WHERE { { SELECT ?act ?x WHERE { ?x ?p ?act } ORDER BY ?x LIMIT 3 } }",
        # inside a sub-SELECT that does not pass the parameter through
        "SELECT ?x WHERE { { SELECT ?x WHERE { { SELECT ?act ?x WHERE { ?x ?p ?act } } } } }",
        # no sub-SELECT at all
        "SELECT ?x WHERE { ?x ?p ?act }",
    ],
)
def test_other_subselects_are_left_alone(q: str) -> None:
    from kglaw.remote import bind_subselects

    assert bind_subselects(q, A) == q


def test_a_second_subselect_in_the_same_group_is_bound_too() -> None:
    from kglaw.remote import bind_subselects

    q = "SELECT ?x WHERE { { SELECT ?act ?x WHERE { ?x ?p ?act } } { SELECT ?act WHERE { ?act ?q ?r } } }"
    assert bind_subselects(q, A).count(BLOCK) == 2


def test_every_saved_query_gives_the_same_answer_with_its_subselects_bound(loaded_store: Store) -> None:
    """bind_subselects is a pure optimisation: each saved query, its parameters at their defaults,
    answers the same with and without it (run_sparql applies it; the plain store query does not)."""
    from kglaw.query import bind_params, list_queries, results_from_oxigraph
    from kglaw.remote import bind_subselects, query_form

    changed = 0
    for q in list_queries():
        params = bind_params(q, {}, loaded_store)
        if not params or query_form(q.text) != "SELECT":
            continue
        plain = results_from_oxigraph(loaded_store.query(_with_values(q.text, params)))
        bound = run_sparql(loaded_store, q.text, params)
        assert (q.name, bound.rows) == (q.name, plain.rows)
        changed += bind_subselects(q.text, params) != q.text
    assert changed >= 1  # at least one saved query has a sub-SELECT that projects a parameter


def test_bind_unions_binds_the_branches_of_the_outer_groups_unions_only() -> None:
    from kglaw.remote import bind_unions

    block = "VALUES (?act) { (<http://x/a>) }"
    q = (
        "SELECT ?x WHERE { { ?act <http://x/p> ?x } UNION { ?act <http://x/q> ?x } UNION { ?act <http://x/r> ?x }"
        " OPTIONAL { { ?x <http://x/s> ?y } UNION { ?x <http://x/t> ?y } }"
        " { SELECT ?act WHERE { { ?act <http://x/u> ?z } UNION { ?act <http://x/v> ?z } } } }"
    )
    out = bind_unions(q, {"act": URIRef("http://x/a")})
    assert (
        out.count(block) == 3
    )  # the three branches of the outer union; not the OPTIONAL's nor the sub-SELECT's
    assert out.replace(" " + block, "") == q
    assert (
        bind_unions("SELECT ?x WHERE { ?act <http://x/p> ?x }", {"act": URIRef("http://x/a")}).count(block)
        == 0
    )


def test_a_parameter_outside_the_projection_starts_every_union_branch(loaded_store: Store) -> None:
    """signatories binds ?act (not projected) in both branches of its UNION: the answer is the one the
    plain VALUES block gives (the golden file checks it too); the timing is the benchmark's."""
    from kglaw.query import bind_params, results_from_oxigraph
    from kglaw.remote import bind_unions

    q = load_query(QUERIES / "signatories.rq")
    params = bind_params(q, {}, loaded_store)
    assert bind_unions(q.text, params).count("VALUES (?act)") == 2  # both branches of its UNION
    plain = results_from_oxigraph(loaded_store.query(_with_values(q.text, params)))
    assert run_sparql(loaded_store, q.text, params).rows == plain.rows and plain.rows
