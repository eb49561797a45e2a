"""The web page in a real headless browser: Debian's chromium, driven by Playwright (never a downloaded
browser). Picks a saved query, runs it, and finds the expected rows in the results table; follows a link
to an act page; shows an endpoint error on the page.

Needs /usr/bin/chromium (``apt-get install -y chromium``; ``make browser`` and .ci/run install it) and
the Python package ``playwright``; skipped with a message when either is missing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import URIRef

from kglaw.query import compact, find_query, run_sparql
from kglaw.serve import pick_labels
from kglaw.store import Store

from .serve_support import embedded_answer, kglaw_server, load_disk_store, memory_store, snapshot_queries

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--no-first-run",
    "--metrics-recording-only",
]

if not CHROMIUM.is_file():
    pytest.skip(
        "no /usr/bin/chromium (apt-get install -y chromium, or 'make browser')", allow_module_level=True
    )
playwright = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install playwright)"
)


@pytest.fixture(scope="module")
def store() -> Store:
    return memory_store()


@pytest.fixture(scope="module")
def queries(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    return snapshot_queries(tmp_path_factory.mktemp("q") / "queries")


@pytest.fixture(scope="module")
def base(tmp_path_factory, store, queries) -> Iterator[str]:  # type: ignore[no-untyped-def]
    directory = load_disk_store(tmp_path_factory.mktemp("store") / "store", store)
    with kglaw_server(directory, timeout=10, queries_dir=queries) as (url, _):
        yield url


@pytest.fixture(scope="module")
def page(base):  # type: ignore[no-untyped-def]
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        context = browser.new_context()
        # Offline apart from our own server: any other request fails the test.
        outside: list[str] = []
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(base)
                else (outside.append(route.request.url), route.abort())
            ),
        )
        pg = context.new_page()
        errors: list[str] = []
        pg.on("pageerror", lambda err: errors.append(str(err)))
        pg.set_default_timeout(20_000)
        yield pg
        browser.close()
        assert outside == [], f"the page tried to load {outside}"
        assert errors == [], f"script errors on the page: {errors}"


def _cell_text(term: object) -> str:
    return compact(term) if isinstance(term, URIRef) else str(term) if term is not None else ""  # type: ignore[arg-type]


def _pick_query(store: Store, queries: Path) -> tuple[str, list[tuple[str, ...]]]:
    """A saved query that has rows over this graph (the first in name order), and its expected cells."""
    for path in sorted(queries.glob("*.rq")):
        q = find_query(path.stem, queries)
        r = embedded_answer(store, q)
        if 0 < len(r.rows) <= 200 and r.vars:
            return q.name, [tuple(_cell_text(t) for t in row) for row in r.rows]
    pytest.skip("no saved query has rows over this graph")


def test_pick_a_saved_query_run_it_and_find_the_rows(page, base, store, queries) -> None:  # type: ignore[no-untyped-def]
    name, expected = _pick_query(store, queries)
    page.goto(base + "/")
    page.select_option("#saved", name)
    assert find_query(name, queries).text.strip() in page.input_value("#query")
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    rows = page.eval_on_selector_all(
        "#results-table tbody tr",
        "trs => trs.map(tr => [...tr.children].map(td => { const a = td.querySelector('a'); return a ? a.textContent : td.firstChild ? td.firstChild.textContent : ''; }))",
    )
    assert sorted(tuple(r) for r in rows) == sorted(expected)
    assert page.inner_text("#status").startswith(f"{len(expected)} row")


def test_an_act_link_opens_the_act_page(page, base, store) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/")
    page.fill(
        "#query",
        "SELECT ?act WHERE { ?act a <http://data.europa.eu/eli/ontology#LegalResource> ; <http://data.europa.eu/eli/ontology#is_realized_by> ?e } ORDER BY ?act LIMIT 5",
    )
    page.click("#run")
    link = page.wait_for_selector("#results-table a[href^='/act?iri=']")
    iri = link.get_attribute("data-iri")
    link.click()
    page.wait_for_selector("#act-status")
    assert page.inner_text("p.iri") == iri
    q = "SELECT ?t WHERE { ?act <http://data.europa.eu/eli/ontology#is_realized_by>/<http://data.europa.eu/eli/ontology#title> ?t }"
    titles = [t for (t,) in run_sparql(store, q, {"act": URIRef(iri)}).rows]
    assert page.inner_text("h1") == str(pick_labels(titles)[0])  # Kazakh first, then Russian


def test_an_endpoint_error_is_shown_on_the_page(page, base) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/")
    page.select_option("#saved", "")
    page.fill("#query", "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])")
    assert "403" in page.inner_text("#error") and "SERVICE" in page.inner_text("#error")


def test_an_iri_that_is_not_http_is_not_a_link(page, base) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/")
    page.fill(
        "#query",
        'SELECT ?x ?y WHERE { BIND (IRI("javascript:alert(1)") AS ?x) BIND (<https://example.org/a> AS ?y) }',
    )
    page.click("#run")
    page.wait_for_selector("#results-table tbody tr")
    assert page.eval_on_selector_all("#results-table a", "as => as.map(a => a.getAttribute('href'))") == [
        "https://example.org/a"
    ]
    assert "javascript:alert(1)" in page.inner_text("#results-table")
