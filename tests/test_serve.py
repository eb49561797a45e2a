"""The SPARQL endpoint: protocol details in-process (starlette's TestClient), then a real uvicorn server
on a free loopback port for curl, SPARQLWrapper, the runaway query and the concurrency test."""

from __future__ import annotations

import csv
import inspect
import io
import json
import re
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kglaw.errors import KglawError
from kglaw.query import canonical_rows, find_query, parse_sparql_json, run_sparql
from kglaw.remote import RemoteEndpoint, bind_values, sparql_term
from kglaw.serve import Refused, check_read_only, create_app, negotiate, pick_labels, serve
from kglaw.store import Store

from .conftest import QUERIES, ROOT
from .serve_support import (
    FIXTURE_GRAPHS,
    children,
    comparable,
    count_triples,
    embedded_answer,
    kglaw_server,
    load_disk_store,
    memory_store,
    rss_kb,
    saved_queries,
    snapshot_queries,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette suggests httpx2; httpx is what the test extra pins
    from starlette.testclient import TestClient

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: A cross join of every triple with every triple, four times over: never finishes on any real graph.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
JSON = "application/sparql-results+json"
QUERY_NAMES = sorted(p.stem for p in QUERIES.glob("*.rq"))


@pytest.fixture(scope="module")
def store():  # type: ignore[no-untyped-def]
    return memory_store()


@pytest.fixture(scope="module")
def queries(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The saved queries as the tests and their servers see them (a snapshot of queries/)."""
    return snapshot_queries(tmp_path_factory.mktemp("q") / "queries")


@pytest.fixture(scope="module")
def client(store, queries):  # type: ignore[no-untyped-def]
    app = create_app(store, timeout=2.0, max_results=100_000, max_body=20_000, workers=2, queries_dir=queries)
    with TestClient(app) as c:
        yield c


def _count(resp) -> int:  # type: ignore[no-untyped-def]
    assert resp.status_code == 200, resp.text
    return int(resp.json()["results"]["bindings"][0]["n"]["value"])


def _one_line(text: str) -> bool:
    return text.strip() != "" and "\n" not in text.strip() and "Traceback" not in text


# -- the read-only check (no server) -----------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
        "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP SILENT GRAPH <http://x/g>",
        "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE ?endpoint { ?s ?q ?r } } }",
        "SELECT * WHERE { ?s ?p ?o } # harmless comment\n; INSERT DATA { <http://x/a> <http://x/b> 1 }",
    ],
    ids=[
        "insert-data",
        "delete-where",
        "load",
        "clear",
        "drop",
        "with-delete",
        "service",
        "service-lower",
        "service-var",
        "after-comment",
    ],
)
def test_updates_and_federation_are_refused(query: str) -> None:
    with pytest.raises(Refused) as err:
        check_read_only(query)
    assert err.value.status == 403


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }',
        "SELECT * WHERE { ?s ?p '''INSERT DATA\nLOAD <http://x/>''' }",
        "SELECT * WHERE { ?s <http://x/SERVICE> ?o }",
        "# SERVICE <http://x/> in a comment\nSELECT * WHERE { ?s ?p ?o }",
        "PREFIX ex: <http://x/> SELECT ?service WHERE { ?service ex:load ex:insert }",
        'SELECT * WHERE { ?s ?p ?o FILTER (?o != "delete \\" SERVICE") }',
    ],
    ids=["string", "long-string", "iri", "comment", "pnames-and-vars", "escaped-quote"],
)
def test_keywords_inside_strings_iris_comments_or_names_are_not_refused(query: str) -> None:
    assert check_read_only(query) == "SELECT"


def test_negotiate_reads_q_values_and_format_wins() -> None:
    assert negotiate("solutions", "text/csv;q=0.4, text/tab-separated-values;q=0.9", None)[0] == "tsv"
    assert negotiate("solutions", "application/json", None)[0] == "json"
    assert negotiate("solutions", "text/html, */*;q=0.1", None)[0] == "json"
    assert negotiate("graph", "application/json", None)[0] == "jsonld"
    assert negotiate("graph", "text/csv", "ttl")[0] == "turtle"
    with pytest.raises(Refused) as err:
        negotiate("solutions", "image/png", None)
    assert err.value.status == 406
    with pytest.raises(Refused):
        negotiate("graph", None, "pdf")


def test_labels_prefer_kazakh_then_russian_and_english_last() -> None:
    labels = [
        Literal("Social Code", lang="en"),
        Literal("Социальный кодекс", lang="ru"),
        Literal("Әлеуметтік кодекс", lang="kk"),
    ]
    assert [str(x) for x in pick_labels(labels)] == ["Әлеуметтік кодекс", "Социальный кодекс", "Social Code"]


def test_serve_binds_to_loopback_unless_told_otherwise() -> None:
    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"


# -- SPARQL 1.1 Protocol (in process) ----------------------------------------------------------------


def test_get_count_matches_the_embedded_store(client, store) -> None:  # type: ignore[no-untyped-def]
    assert _count(client.get("/sparql", params={"query": COUNT})) == count_triples(store)


def test_post_form_and_post_direct_give_the_same_answer(client, store) -> None:  # type: ignore[no-untyped-def]
    form = client.post("/sparql", data={"query": COUNT}, headers={"Accept": JSON})
    direct = client.post(
        "/sparql",
        content=COUNT.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": JSON},
    )
    assert _count(form) == _count(direct) == count_triples(store)


@pytest.mark.parametrize(
    "accept, fmt, media",
    [
        (JSON, None, JSON),
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        ("text/csv", None, "text/csv"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        ("text/csv", "json", JSON),
        (None, "xml", "application/sparql-results+xml"),
    ],
)
def test_select_results_by_content_negotiation(client, store, accept, fmt, media) -> None:  # type: ignore[no-untyped-def]
    q = "SELECT ?s ?o WHERE { ?s <http://data.europa.eu/eli/ontology#date_document> ?o } ORDER BY ?s"
    params = {"query": q} | ({"format": fmt} if fmt else {})
    resp = client.get("/sparql", params=params, headers={"Accept": accept} if accept else {})
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].split(";")[0] == media
    expected = run_sparql(store, q)
    if media == JSON:
        assert canonical_rows(parse_sparql_json(resp.text)) == canonical_rows(expected)
    elif media.endswith("xml"):
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        assert len(ET.fromstring(resp.content).findall(".//r:result", ns)) == len(expected.rows)
    elif media == "text/csv":
        rows = list(csv.reader(io.StringIO(resp.text)))
        assert rows[0] == ["s", "o"] and len(rows) == len(expected.rows) + 1
    else:
        lines = resp.text.splitlines()
        assert lines[0] == "?s\t?o" and len(lines) == len(expected.rows) + 1
        assert all(line.startswith("<https://") for line in lines[1:])


@pytest.mark.parametrize(
    "accept, fmt, media",
    [
        ("text/turtle", None, "text/turtle"),
        ("application/n-triples", None, "application/n-triples"),
        ("application/ld+json", None, "application/ld+json"),
        (None, "nt", "application/n-triples"),
        (None, None, "text/turtle"),
    ],
)
def test_construct_in_turtle_ntriples_and_jsonld(client, store, accept, fmt, media) -> None:  # type: ignore[no-untyped-def]
    q = "CONSTRUCT { ?s <http://x/date> ?d } WHERE { ?s <http://data.europa.eu/eli/ontology#date_document> ?d }"
    params = {"query": q} | ({"format": fmt} if fmt else {})
    resp = client.get("/sparql", params=params, headers={"Accept": accept} if accept else {})
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].split(";")[0] == media
    fmt_ox = {
        "text/turtle": ox.RdfFormat.TURTLE,
        "application/n-triples": ox.RdfFormat.N_TRIPLES,
        "application/ld+json": ox.RdfFormat.JSON_LD,
    }[media]
    got = {q.triple for q in ox.parse(resp.content, fmt_ox)}
    assert len(got) == len({t for t in run_sparql(store, q).triples or []}) > 0


def test_describe_and_ask(client) -> None:  # type: ignore[no-untyped-def]
    ask = client.get(
        "/sparql",
        params={"query": "ASK { ?s a <http://data.europa.eu/eli/ontology#LegalResource> }"},
        headers={"Accept": JSON},
    )
    assert ask.json() == {"head": {}, "boolean": True}
    act = client.get(
        "/sparql",
        params={
            "query": "SELECT ?s WHERE { ?s a <http://data.europa.eu/eli/ontology#LegalResource> } LIMIT 1"
        },
    ).json()
    iri = act["results"]["bindings"][0]["s"]["value"]
    desc = client.get("/sparql", params={"query": f"DESCRIBE <{iri}>"}, headers={"Accept": "text/turtle"})
    assert desc.status_code == 200 and iri in desc.text


@pytest.mark.parametrize(
    "method, kwargs",
    [
        ("get", {"params": {"update": "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"}}),
        ("post", {"data": {"update": "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"}}),
        (
            "post",
            {
                "content": b"INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }",
                "headers": {"Content-Type": "application/sparql-update"},
            },
        ),
        ("get", {"params": {"query": "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"}}),
        ("post", {"data": {"query": "DELETE WHERE { ?s ?p ?o }"}}),
        ("get", {"params": {"query": "LOAD <http://example.org/x.ttl>"}}),
        ("get", {"params": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"}}),
    ],
    ids=[
        "update-get",
        "update-form",
        "update-direct",
        "insert-in-query",
        "delete-in-form",
        "load",
        "service",
    ],
)
def test_updates_load_and_service_are_refused_and_the_store_is_unchanged(
    client, store, method, kwargs
) -> None:  # type: ignore[no-untyped-def]
    before = count_triples(store)
    resp = getattr(client, method)("/sparql", **kwargs)
    assert resp.status_code in (400, 403), resp.text
    assert _one_line(resp.text)
    assert _count(client.get("/sparql", params={"query": COUNT})) == before


def test_service_inside_a_string_literal_runs(client) -> None:  # type: ignore[no-untyped-def]
    q = 'SELECT ?x WHERE { BIND ("SERVICE <http://example.org/> { ?s ?p ?o }" AS ?x) }'
    resp = client.get("/sparql", params={"query": q}, headers={"Accept": JSON})
    assert resp.status_code == 200
    assert resp.json()["results"]["bindings"][0]["x"]["value"].startswith("SERVICE")


def test_a_syntax_error_is_a_one_line_400(client) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p "})
    assert resp.status_code == 400 and _one_line(resp.text) and "syntax" in resp.text.lower()


def test_protocol_errors(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/sparql", params={"query": COUNT}, headers={"Accept": "image/png"}).status_code == 406
    assert (
        client.post("/sparql", content=COUNT.encode(), headers={"Content-Type": "text/plain"}).status_code
        == 415
    )
    assert client.get("/sparql", params=[("query", COUNT), ("query", COUNT)]).status_code == 400
    assert client.post("/sparql", data={"format": "json"}).status_code == 400
    assert client.get("/sparql", params={"query": COUNT, "format": "pdf"}).status_code == 400


def test_request_bodies_over_the_limit_are_refused(client) -> None:  # type: ignore[no-untyped-def]
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 30_000
    resp = client.post("/sparql", content=big.encode(), headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code == 413 and _one_line(resp.text)

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(30):
            yield b"#" + b"x" * 1000 + b"\n"

    # Without Content-Length (chunked): the limit holds while the body is read.
    resp = client.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
    assert resp.status_code == 413
    assert (
        client.post(
            "/sparql", content=COUNT.encode(), headers={"Content-Type": "application/sparql-query"}
        ).status_code
        == 200
    )


def test_cors_preflight_and_simple_requests(client) -> None:  # type: ignore[no-untyped-def]
    pre = client.options(
        "/sparql",
        headers={
            "Origin": "https://example.org",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type",
        },
    )
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "POST" in pre.headers["access-control-allow-methods"]
    simple = client.get("/sparql", params={"query": COUNT}, headers={"Origin": "https://example.org"})
    assert simple.headers["access-control-allow-origin"] == "*"
    # Refusals carry the CORS headers too, so that a browser client can read why.
    refused = client.post(
        "/sparql",
        content=b"#" * 30_000,
        headers={"Origin": "https://example.org", "Content-Type": "application/sparql-query"},
    )
    assert refused.status_code == 413 and refused.headers["access-control-allow-origin"] == "*"


def test_service_description(client) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/sparql")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    triples = {q.triple for q in ox.parse(resp.content, ox.RdfFormat.TURTLE)}
    service = next(t.subject for t in triples if t.object == ox.NamedNode(sd + "Service"))
    assert (
        ox.Triple(service, ox.NamedNode(sd + "endpoint"), ox.NamedNode("http://testserver/sparql")) in triples
    )
    assert (
        ox.Triple(service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query"))
        in triples
    )
    nt = client.get("/sparql", headers={"Accept": "application/n-triples"})
    assert nt.headers["content-type"].startswith("application/n-triples") and sd in nt.text


# -- saved queries --------------------------------------------------------------------------------------


def test_saved_query_list(client, queries) -> None:  # type: ignore[no-untyped-def]
    listed = client.get("/queries").json()
    assert sorted(q["name"] for q in listed) == sorted(p.stem for p in queries.glob("*.rq"))
    assert all(q["title"] and "params" in q and q["text"] for q in listed)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_saved_query_answers_as_the_embedded_store(client, store, queries, name) -> None:  # type: ignore[no-untyped-def]
    q = find_query(name, queries)
    resp = client.get(f"/queries/{name}", headers={"Accept": JSON})
    assert resp.status_code == 200, resp.text
    got = parse_sparql_json(resp.text)
    expected = embedded_answer(store, q)
    assert got.vars == expected.vars
    assert comparable(q.text, got) == comparable(q.text, expected)


def test_saved_query_parameters_are_bound_as_terms(client, store, queries) -> None:  # type: ignore[no-untyped-def]
    q = next(x for x in saved_queries(queries) if any(p.type == "date" for p in x.params))
    p = next(p for p in q.params if p.type == "date")
    resp = client.get(f"/queries/{q.name}", params={p.name: "1990-01-01", "format": "csv"})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(resp.text)))
    assert len(rows) - 1 == len(embedded_answer(store, q, {p.name: "1990-01-01"}).rows)


@pytest.mark.parametrize(
    "path, params",
    [
        ("/queries/no-such-query", {}),
        ("/queries/..%2F..%2Fetc%2Fpasswd", {}),
        (None, {"no_such_param": "1"}),
        (None, {"__date__": "not-a-date"}),
        (None, {"__act__": 'code/rk/x" } ; DROP ALL #'}),
        (None, {"__act__": "https://w3id.org/x> } INSERT { <a> <b> <c> } #"}),
    ],
    ids=[
        "unknown-query",
        "path-escape",
        "unknown-param",
        "ill-typed",
        "injection-in-act",
        "injection-in-iri",
    ],
)
def test_saved_query_errors_are_one_line_400s(client, queries, path, params) -> None:  # type: ignore[no-untyped-def]
    if path is None:
        kind = "date" if "__date__" in params else "act"
        q = next((x for x in saved_queries(queries) if any(p.type == kind for p in x.params)), None)
        if q is None:
            pytest.skip(f"no saved query has a {kind} parameter")
        name = next(p.name for p in q.params if p.type == kind)
        params = {name if k.startswith("__") else k: v for k, v in params.items()}
        path = f"/queries/{q.name}"
    resp = client.get(path, params=params)
    assert resp.status_code in (400, 404), resp.text
    assert _one_line(resp.text)


# -- limits ---------------------------------------------------------------------------------------------


def test_the_result_cap_holds(store) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(store, timeout=5, max_results=3, workers=1)) as c:
        over = c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
        assert over.status_code == 400 and "3" in over.text and _one_line(over.text)
        graph = c.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        assert graph.status_code == 400
        under = c.get(
            "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"}, headers={"Accept": JSON}
        )
        assert under.status_code == 200 and len(under.json()["results"]["bindings"]) == 3


def test_a_runaway_query_is_stopped_and_the_server_goes_on(client, store) -> None:  # type: ignore[no-untyped-def]
    resp = client.get("/sparql", params={"query": RUNAWAY})
    assert resp.status_code == 503 and "stopped" in resp.text and _one_line(resp.text)
    assert _count(client.get("/sparql", params={"query": COUNT})) == count_triples(store)


def test_a_query_that_grows_past_the_memory_limit_is_stopped(store) -> None:  # type: ignore[no-untyped-def]
    """ORDER BY over a four-way cross join must hold every row: its worker is killed at the limit."""
    big = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?a ?d ?g ?j ?c ?f ?i ?l"
    with TestClient(create_app(store, timeout=120, workers=1, max_memory_mb=300)) as c:
        resp = c.get("/sparql", params={"query": big})
        assert resp.status_code == 503 and "memory" in resp.text and _one_line(resp.text)
        assert _count(c.get("/sparql", params={"query": COUNT})) == count_triples(store)


# -- pages ------------------------------------------------------------------------------------------------


def test_the_query_page_lists_the_saved_queries_and_is_self_contained(client, queries) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for name in (p.stem for p in queries.glob("*.rq")):
        assert f'value="{name}"' in page.text
    # Everything it loads comes from this server: no CDN, works offline.
    for ref in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert ref.startswith("/"), ref
        assert client.get(ref).status_code == 200
    assert "fetch(" in client.get("/static/app.js").text


def test_the_act_page_shows_titles_status_and_lineage(client, store) -> None:  # type: ignore[no-untyped-def]
    r = run_sparql(
        store,
        """PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT ?act (SAMPLE(?t) AS ?title) WHERE { ?act eli:repealed_by|eli:amended_by ?x ; eli:is_realized_by/eli:title ?t }
        GROUP BY ?act ORDER BY ?act LIMIT 1""",
    )
    act = r.rows[0][0]
    page = client.get("/act", params={"iri": str(act)})
    assert page.status_code == 200, page.text
    assert "act-status" in page.text and "Lineage" in page.text
    titles = {
        str(row[0])
        for row in run_sparql(
            store,
            "SELECT ?t WHERE { ?act <http://data.europa.eu/eli/ontology#is_realized_by>/<http://data.europa.eu/eli/ontology#title> ?t }",
            {"act": act},
        ).rows
    }
    import html

    assert any(html.escape(t, quote=False) in page.text for t in titles)
    assert (
        client.get("/act", params={"iri": "https://w3id.org/kglaw/eli/kz/law/rk/1900-01-01/0"}).status_code
        == 404
    )
    assert client.get("/act", params={"iri": "javascript:alert(1)"}).status_code == 400


def test_markup_in_the_data_is_escaped_on_the_act_page() -> None:
    """The fixture graph has a title with quotes, angle brackets and an ampersand."""
    fixture = Store(None)
    fixture.load_dir(FIXTURE_GRAPHS)
    with TestClient(create_app(fixture, workers=1)) as c:
        page = c.get(
            "/act", params={"iri": "https://w3id.org/kglaw/eli/kz/resolution/government/2019-05-28/326"}
        )
    assert page.status_code == 200
    assert "<тест>" not in page.text and "&lt;тест&gt; &amp; SERVICE" in page.text
    assert page.text.index("Еңбек нарығын") < page.text.index("О программе развития")  # Kazakh first


def test_sparql_term_escapes_so_a_value_stays_one_term() -> None:
    hostile = 'x" } ; DROP ALL ; INSERT DATA { <http://x/a> <http://x/b> "c'
    text = bind_values("SELECT ?o WHERE { ?s ?p ?o FILTER (?o = ?v) }", {"v": Literal(hostile)})
    assert check_read_only(text) == "SELECT"  # the hostile words stay inside one string
    store = memory_store()
    assert run_sparql(store, text).rows == []
    with pytest.raises(KglawError):
        sparql_term(URIRef("http://x/a> <b"))


# -- a real server: curl, SPARQLWrapper, limits, concurrency ---------------------------------------------


@pytest.fixture(scope="module")
def live(tmp_path_factory, store, queries):  # type: ignore[no-untyped-def]
    directory = load_disk_store(tmp_path_factory.mktemp("store") / "store", store)
    with kglaw_server(directory, timeout=2.0, max_body=20_000, workers=2, queries_dir=queries) as (
        base,
        proc,
    ):
        yield base, proc


def _curl(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["curl", "-sS", "--max-time", "30", *args], check=False, capture_output=True, text=True, timeout=60
    )


needs_curl = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")


@needs_curl
def test_curl_count_query(live, store) -> None:  # type: ignore[no-untyped-def]
    base, _ = live
    out = _curl("-H", f"Accept: {JSON}", "--data-urlencode", f"query={COUNT}", base + "/sparql")
    assert out.returncode == 0, out.stderr
    assert int(json.loads(out.stdout)["results"]["bindings"][0]["n"]["value"]) == count_triples(store)


@needs_curl
def test_curl_insert_data_and_service_are_refused(live) -> None:  # type: ignore[no-untyped-def]
    base, _ = live
    for args in (
        ["--data-urlencode", "update=INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"],
        ["--data-urlencode", "query=INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"],
        ["--data-urlencode", "query=SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"],
    ):
        out = _curl("-o", "/dev/null", "-w", "%{http_code}", *args, base + "/sparql")
        assert out.stdout in ("400", "403"), out


def test_sparqlwrapper_count_query(live, store) -> None:  # type: ignore[no-untyped-def]
    from SPARQLWrapper import JSON as SW_JSON
    from SPARQLWrapper import SPARQLWrapper

    base, _ = live
    sw = SPARQLWrapper(base + "/sparql")
    sw.setQuery(COUNT)
    sw.setReturnFormat(SW_JSON)
    data = sw.queryAndConvert()
    assert int(data["results"]["bindings"][0]["n"]["value"]) == count_triples(store)  # type: ignore[index]
    assert int(str(RemoteEndpoint(base + "/sparql").select(COUNT).rows[0][0])) == count_triples(store)
    # kglaw's own client against kglaw's endpoint: a graph, an ASK, a bound parameter.
    ep = RemoteEndpoint(base + "/sparql")
    construct = "CONSTRUCT { ?a <http://x/date> ?d } WHERE { ?a <http://data.europa.eu/eli/ontology#date_document> ?d }"
    assert set(ep.select(construct).triples or []) == set(run_sparql(store, construct).triples or [])
    assert ep.select("ASK { ?s ?p ?o }").boolean is True
    act = run_sparql(store, "SELECT ?a WHERE { ?a ?p ?o } ORDER BY ?a LIMIT 1").rows[0][0]
    q = "SELECT ?p ?o WHERE { ?act ?p ?o }"
    assert canonical_rows(ep.select(q, {"act": act})) == canonical_rows(run_sparql(store, q, {"act": act}))


def test_live_runaway_query_times_out_with_503(live, store) -> None:  # type: ignore[no-untyped-def]
    base, _ = live
    req = urllib.request.Request(base + "/sparql?" + urllib.parse.urlencode({"query": RUNAWAY}))
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=60)
    assert err.value.code == 503
    assert "stopped" in err.value.read().decode()
    assert int(str(RemoteEndpoint(base + "/sparql").select(COUNT).rows[0][0])) == count_triples(store)


def test_live_body_limit(live) -> None:  # type: ignore[no-untyped-def]
    base, _ = live
    req = urllib.request.Request(
        base + "/sparql", data=b"#" * 50_000, headers={"Content-Type": "application/sparql-query"}
    )
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(req, timeout=30)
    assert err.value.code == 413


def test_live_server_listens_on_loopback_only(live) -> None:  # type: ignore[no-untyped-def]
    listening = Path("/proc/net/tcp").read_text().splitlines()[1:]
    port_hex = None
    for line in listening:
        local, state = line.split()[1], line.split()[3]
        if state == "0A":  # LISTEN
            addr, port = local.split(":")
            if int(port, 16) == int(live[0].rsplit(":", 1)[1]):
                port_hex = addr
    assert port_hex == "0100007F"  # 127.0.0.1


def test_1000_queries_from_8_clients_all_correct_and_memory_bounded(live, store, queries) -> None:  # type: ignore[no-untyped-def]
    """Issue 9: 1,000 queries from 8 concurrent clients on loopback, zero errors, bounded memory."""
    base, proc = live
    # Cheap queries of every kind (the point is the server under load, not the engine's speed).
    one_act = run_sparql(
        store,
        "SELECT ?a WHERE { ?a a <http://data.europa.eu/eli/ontology#LegalResource> } ORDER BY ?a LIMIT 1",
    ).rows[0][0]
    adhoc = [
        COUNT,
        "SELECT ?t (COUNT(?a) AS ?n) WHERE { ?a <http://data.europa.eu/eli/ontology#type_document> ?t } GROUP BY ?t",
        'SELECT ?x WHERE { BIND ("SERVICE" AS ?x) }',
        bind_values("SELECT ?p ?o WHERE { ?act ?p ?o }", {"act": one_act}),
    ]
    cases: list[tuple[str, str, list[tuple[str, ...]]]] = [
        ("sparql", q, canonical_rows(run_sparql(store, q))) for q in adhoc
    ]
    text_of = {}
    for name in ("acts-repealed-by", "amendment-lineage", "in-force-on"):
        if (queries / f"{name}.rq").is_file():
            q = find_query(name, queries)
            text_of[name] = q.text
            cases.append(("saved", name, comparable(q.text, embedded_answer(store, q))))

    def fetch(kind: str, text: str) -> list[tuple[str, ...]]:
        if kind == "sparql":
            req = urllib.request.Request(
                base + "/sparql",
                data=urllib.parse.urlencode({"query": text}).encode(),
                headers={"Accept": JSON},
            )
        else:
            req = urllib.request.Request(f"{base}/queries/{text}", headers={"Accept": JSON})
        with urllib.request.urlopen(req, timeout=60) as resp:
            return comparable(text_of.get(text, ""), parse_sparql_json(resp.read().decode("utf-8")))

    for kind, text, _ in cases * 3:  # warm up the workers before measuring memory
        fetch(kind, text)
    before = rss_kb(proc.pid)
    errors: list[str] = []
    wrong: list[str] = []
    done = [0]
    lock = threading.Lock()

    def client_loop(k: int) -> None:
        for i in range(125):
            kind, text, expected = cases[(k + i) % len(cases)]
            try:
                got = fetch(kind, text)
            except Exception as err:  # noqa: BLE001 - every failure is counted and reported
                with lock:
                    errors.append(f"{kind} {text[:40]}: {err!r}")
                continue
            with lock:
                done[0] += 1
                if got != expected:
                    wrong.append(f"{kind} {text[:40]}")

    threads = [threading.Thread(target=client_loop, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    after = rss_kb(proc.pid)
    print(f"server and workers: {before} kB before, {after} kB after 1,000 queries")
    assert errors == []
    assert wrong == []
    assert done[0] == 1000
    # Memory stays bounded: the server and its workers grow by less than 100 MB over 1,000 queries.
    assert after - before < 100_000, (before, after)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def test_kglaw_serve_command_serves_on_loopback(tmp_path, store) -> None:  # type: ignore[no-untyped-def]
    """``kglaw serve`` itself: loads the data into a new store, says so, and answers a count."""
    import sys

    from .serve_support import FIXTURE_GRAPHS, free_port, stop, wait_http

    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kglaw",
            "serve",
            "--store",
            str(tmp_path / "store"),
            "--data",
            str(FIXTURE_GRAPHS),
            "--port",
            str(port),
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/sparql", proc=proc)
        fixture = Store(None)
        fixture.load_dir(FIXTURE_GRAPHS)
        assert int(
            str(RemoteEndpoint(f"http://127.0.0.1:{port}/sparql").select(COUNT).rows[0][0])
        ) == count_triples(fixture)
        workers = children(proc.pid)
        assert workers  # the query workers are the server's own child processes
    finally:
        stop(proc)
    # Stopping the server stops its workers.
    deadline = time.monotonic() + 10
    while (
        any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers)
        and time.monotonic() < deadline
    ):
        time.sleep(0.1)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]
    out = proc.stdout.read().decode() if proc.stdout else ""
    assert "loaded" in out and f"http://127.0.0.1:{port}/" in out


def test_docs_serving_curl_examples_run(live) -> None:  # type: ignore[no-untyped-def]
    """Every ``curl`` line of docs/serving.md runs against a live server and succeeds."""
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    base, _ = live
    doc = (ROOT / "docs" / "serving.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)\n(.*?)```", doc, re.DOTALL)
    commands = []
    for block in blocks:
        joined = block.replace("\\\n", " ")
        commands += [
            line.strip().removeprefix("$ ")
            for line in joined.splitlines()
            if line.strip().removeprefix("$ ").startswith("curl ")
        ]
    assert len(commands) >= 5
    for cmd in commands:
        cmd = cmd.replace("http://127.0.0.1:8000", base)
        out = subprocess.run(
            ["bash", "-c", cmd + " --max-time 30 -sS -f"],
            check=False,
            capture_output=True,
            text=True,
            timeout=60,
        )
        expect_fail = "update=" in cmd or "SERVICE" in cmd
        if expect_fail:
            assert out.returncode == 22, (cmd, out.stdout, out.stderr)  # curl -f: HTTP >= 400
        else:
            assert out.returncode == 0 and out.stdout.strip(), (cmd, out.stderr)
        time.sleep(0)
