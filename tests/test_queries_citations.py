"""Pinpoint citations and conventions in RDF, and the saved queries that read them, over the seeds built
in memory (data/raw → graphs → an in-memory store; nothing is written)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kglaw.build import build_corpus, build_document, reference_graphs, serialize_turtle
from kglaw.namespaces import ELI, KGL, RDF
from kglaw.parse.document import parse_file
from kglaw.query import run_query
from kglaw.store import Store

ROOT = Path(__file__).resolve().parent.parent
TEXTS = Path(__file__).parent / "texts"
ACT = "https://w3id.org/kglaw/eli/kz/"


@pytest.fixture(scope="module")
def seeds_store() -> Store:
    docs = [parse_file(f) for f in sorted((ROOT / "data" / "raw").glob("*.txt"))]
    store = Store(None)
    graphs = {**build_corpus(docs).graphs, **reference_graphs()}  # the ontology holds the doctype notations
    for stem, g in graphs.items():
        store.replace_graph(f"https://w3id.org/kglaw/graph/{stem}", serialize_turtle(g), ox.RdfFormat.TURTLE)
    return store


def rows(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    r = run_query(store, name, params)
    return [{v: str(x) for v, x in zip(r.vars, row) if x is not None} for row in r.rows]


def test_build_emits_the_unit_chain_the_citation_and_its_provenance() -> None:
    doc = parse_file(TEXTS / "kk_pinpoint_citations.txt")
    g = build_document(doc)
    act = URIRef(ACT + "resolution/mangystau-oblast-akimat/2024-03-12/45")
    code = URIRef(ACT + "code/rk/2017-12-25/120-VI")
    unit = URIRef(f"{code}/article-610/point-1/subpoint-3")
    assert (act, ELI.cites, unit) in g
    assert (unit, ELI.is_part_of, URIRef(f"{code}/article-610/point-1")) in g
    assert (URIRef(f"{code}/article-610"), ELI.is_part_of, code) in g
    assert (unit, KGL.provisionNumber, Literal("3")) in g
    (node,) = list(g.subjects(KGL.citedUnit, unit))
    assert (node, RDF.type, KGL.Citation) in g and (node, KGL.citedAct, code) in g
    assert (node, KGL.lineStart, Literal(5)) in g
    (ctx,) = list(g.objects(node, KGL.citationContext))
    assert "610-бабы 1-тармағының 3) тармақшасына сәйкес" in str(ctx)
    # the eli:cites of the unit carries an rdf:Statement with source and lines, as every fact does
    st = [s for s in g.subjects(RDF.subject, act) if (s, RDF.object, unit) in g]
    assert len(st) == 1 and (st[0], KGL.lineStart, Literal(5)) in g


def test_a_unit_of_an_approved_plan_hangs_under_the_plan() -> None:
    g = build_document(parse_file(TEXTS / "ru_pinpoint_citations.txt"))
    res = URIRef(ACT + "resolution/government/2004-11-30/1241")
    unit = URIRef(f"{res}/plan/point-3.2")
    assert (URIRef(f"{res}/plan"), KGL.approvedBy, res) in g
    assert (unit, ELI.is_part_of, URIRef(f"{res}/plan")) in g
    assert (unit, KGL.provisionKind, Literal("point")) in g


def test_pinpoint_citations_of_the_tax_code(seeds_store: Store) -> None:
    got = rows(seeds_store, "pinpoint-citations", act="code/rk/2017-12-25/120-VI")
    assert [r["path"] for r in got] == [
        "article-457/subpoint-2",
        "article-541/subpoint-12",
        "article-542/subpoint-4",
        "article-546/subpoint-1",
        "article-546/subpoint-6",
        "article-546/subpoint-7",
    ]
    q12 = got[1]
    assert (q12["firstLine"], q12["source"].rsplit("/", 1)[1]) == ("1052", "003_9a93e4e2ea27c4db")
    assert "соттарда мемлекеттік баж төлеуден босатылады" in q12["context"]
    assert got[-1]["inferredFrom"] == "preceding"


def test_pinpoint_citations_of_the_labour_code_article_54(seeds_store: Store) -> None:
    got = [
        r
        for r in rows(seeds_store, "pinpoint-citations", act="code/rk/2015-11-23/414-V")
        if r["number"] == "54"
    ]
    assert [r["firstLine"] for r in got] == ["1005", "1011"]
    assert all(r["inferredFrom"] == "heading" for r in got)
    assert "жалғызбасты ата-анамен еңбек шартын бұзуға құқығы жоқ" in got[0]["context"]


def test_pinpoint_citation_of_article_27_of_law_148_II(seeds_store: Store) -> None:
    (r,) = rows(seeds_store, "pinpoint-citations", act="law/rk/2001-01-23/148-II")
    assert (r["path"], r["citation"], r["firstLine"], r["lastLine"]) == ("article-27", "27 бабын", "24", "26")
    assert "басшылыққа ала отырып" in r["context"]
    # the preamble is that of the akimat resolution the file embeds before the maslikhat's decision
    assert r["citing"] == ACT + "resolution/atyrau-oblast-akimat/2003-04-11/98"


def test_pinpoint_citation_of_point_3_2_of_the_plan_of_resolution_1241(seeds_store: Store) -> None:
    (r,) = rows(seeds_store, "pinpoint-citations", act="resolution/government/2004-11-30/1241")
    assert (r["path"], r["number"]) == ("plan/point-3.2", "3.2")
    assert r["citing"].endswith("/decision/kyzylorda-oblast-maslikhat/2005-12-20/245/programme")


def test_conventions_with_adoption_and_the_measure_that_names_a_treaty(seeds_store: Store) -> None:
    got = rows(seeds_store, "conventions")
    dated = {(r["title"], r.get("date"), r.get("adoptedBy", "").rsplit("/", 1)[-1]) for r in got}
    assert ("Бала құқықтары туралы конвенция", "1989-11-20", "un-general-assembly") in dated
    assert ("Мүгедектердің құқықтары туралы конвенция", "2006-12-13", "un-general-assembly") in dated
    marrakesh = {r["citedBy"] for r in got if r["type"] == "treaty"}
    assert ACT + "resolution/government/2024-12-30/1143/concept/action-plan/measure/37" in marrakesh
    ratified = {r["ratifiedBy"].split("/eli/kz/")[1].split("/")[0] for r in got if "ratifiedBy" in r}
    assert ratified == {"law"}  # the Mazhilis adopted the law "… Марракеш шартын ратификациялау туралы"


def test_acts_by_type_lists_the_conventions(seeds_store: Store) -> None:
    titles = sorted(r["title"] for r in rows(seeds_store, "acts-by-type", type="convention"))
    assert titles == [
        "Бала құқықтары туралы конвенция",
        "Мүгедектердің құқықтары туралы конвенция",
        "Мүгедектігі бар адамдардың құқықтары туралы конвенция",
    ]
