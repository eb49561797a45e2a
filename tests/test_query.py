"""Saved queries: headers, typed parameters bound as terms, result formats, golden results."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kglaw.errors import QueryError
from kglaw.query import (
    Results,
    bind_params,
    canonical_rows,
    find_query,
    format_results,
    list_queries,
    load_query,
    parse_sparql_json,
    run_query,
    run_sparql,
)

from .conftest import GOLDEN, QUERIES

QUERY_NAMES = sorted(p.stem for p in QUERIES.glob("*.rq"))


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_saved_query_parses_and_has_a_header(name: str) -> None:
    q = load_query(QUERIES / f"{name}.rq")
    assert q.title and q.description
    import pyoxigraph

    pyoxigraph.Store().query(q.text)  # the SPARQL itself parses


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_every_saved_query_has_a_golden_result(name: str) -> None:
    assert (GOLDEN / "queries" / f"{name}.json").is_file(), (
        f"run 'make golden' and review tests/golden/queries/{name}.json"
    )


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_saved_query_matches_its_golden_result(name: str, loaded_store) -> None:  # type: ignore[no-untyped-def]
    golden = parse_sparql_json((GOLDEN / "queries" / f"{name}.json").read_text(encoding="utf-8"))
    got = run_query(loaded_store, name)
    assert got.vars == golden.vars
    assert canonical_rows(got) == canonical_rows(golden)


@pytest.mark.parametrize("name", QUERY_NAMES)
def test_rdflib_and_oxigraph_give_the_same_answers(name: str, loaded_store, seed_dataset) -> None:  # type: ignore[no-untyped-def]
    a = run_query(loaded_store, name)
    b = run_query(seed_dataset, name)
    assert canonical_rows(a) == canonical_rows(b)


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "q.rq"
    p.write_text(text, encoding="utf-8")
    return p


def test_header_without_title_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "# description: x\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(QueryError, match=r"q\.rq:1: .*title"):
        load_query(p)


def test_bad_param_line_names_its_line(tmp_path: Path) -> None:
    p = _write(tmp_path, "# title: t\n# description: d\n# param: act\nSELECT ?act WHERE { ?act ?p ?o }\n")
    with pytest.raises(QueryError, match=r"q\.rq:3: bad parameter line"):
        load_query(p)


def test_unknown_param_type_is_an_error(tmp_path: Path) -> None:
    p = _write(
        tmp_path, "# title: t\n# description: d\n# param: x colour — a colour\nSELECT ?x WHERE { ?x ?p ?o }\n"
    )
    with pytest.raises(QueryError, match="unknown parameter type"):
        load_query(p)


def test_param_not_used_in_the_query_is_an_error(tmp_path: Path) -> None:
    p = _write(
        tmp_path, "# title: t\n# description: d\n# param: x iri — a thing\nSELECT ?s WHERE { ?s ?p ?o }\n"
    )
    with pytest.raises(QueryError, match="not used"):
        load_query(p)


def test_unknown_query_name_lists_the_known_ones() -> None:
    with pytest.raises(QueryError, match="known queries: .*amendment-lineage"):
        find_query("no-such-query")


def test_query_name_cannot_escape_the_directory() -> None:
    with pytest.raises(QueryError, match="unknown query"):
        find_query("../pyproject")


def test_missing_required_parameter(tmp_path: Path) -> None:
    q = load_query(
        _write(
            tmp_path, "# title: t\n# description: d\n# param: d date — a day\nSELECT ?s WHERE { ?s ?p ?d }\n"
        )
    )
    with pytest.raises(QueryError, match="needs --param d"):
        bind_params(q, {})


def test_ill_typed_parameter() -> None:
    q = find_query("in-force-on")
    with pytest.raises(QueryError, match="not a valid date"):
        bind_params(q, {"date": "2023-02-31"})


def test_unknown_parameter_name() -> None:
    with pytest.raises(QueryError, match="has no parameter"):
        bind_params(find_query("in-force-on"), {"when": "2024-01-01"})


def test_parameters_are_bound_as_terms_not_pasted(tmp_path: Path) -> None:
    g = Graph()
    g.add((URIRef("http://ex/a"), URIRef("http://ex/p"), Literal("x")))
    q = load_query(
        _write(
            tmp_path,
            "# title: t\n# description: d\n# param: v string — a value\nSELECT ?s WHERE { ?s <http://ex/p> ?v }\n",
        )
    )
    hostile = 'x" } ?s ?p ?o . FILTER("1'
    assert run_query(g, q, {"v": hostile}).rows == []
    assert run_query(g, q, {"v": "x"}).rows == [(URIRef("http://ex/a"),)]


def test_injection_in_an_iri_parameter_fails_to_validate() -> None:
    with pytest.raises(QueryError):
        bind_params(find_query("acts-repealed-by"), {"act": "http://x> } DROP ALL #"})


def test_act_parameter_accepts_type_date_number() -> None:
    b = bind_params(find_query("acts-repealed-by"), {"act": "code/2023-04-20/224-VII"})
    assert str(b["act"]).endswith("/eli/kz/code/rk/2023-04-20/224-VII")


SAMPLE = Results(
    vars=["act", "title", "n"],
    rows=[
        (
            URIRef("https://w3id.org/kglaw/eli/kz/law/rk/2005-04-13/39"),
            Literal("Мүгедектігі бар адамдар туралы", lang="kk"),
            Literal(3),
        ),
        (URIRef("http://example.org/x"), Literal('a, "quoted"\tvalue'), None),
    ],
)


def test_table_is_aligned_with_kazakh_text() -> None:
    lines = format_results(SAMPLE, "table").splitlines()
    header, rule, row1, row2, count = lines
    assert count == "(2 rows)"
    col2 = header.index("title")
    assert row1[col2:].startswith("Мүгедектігі") and row2[col2:].startswith("a,")
    assert row1.startswith("act:law/rk/2005-04-13/39")


def test_csv_and_tsv_follow_the_sparql_formats() -> None:
    csv_text = format_results(SAMPLE, "csv")
    assert csv_text.splitlines()[0] == "act,title,n"
    assert '"a, ""quoted""\tvalue"' in csv_text
    tsv = format_results(SAMPLE, "tsv").splitlines()
    assert tsv[0] == "?act\t?title\t?n"
    assert tsv[1].split("\t") == [
        "<https://w3id.org/kglaw/eli/kz/law/rk/2005-04-13/39>",
        '"Мүгедектігі бар адамдар туралы"@kk',
        "3",
    ]
    assert tsv[2].endswith("\t")


def test_json_round_trips_through_the_sparql_json_reader() -> None:
    text = format_results(SAMPLE, "json")
    data = json.loads(text)
    assert data["head"]["vars"] == ["act", "title", "n"]
    assert data["results"]["bindings"][0]["title"] == {
        "type": "literal",
        "value": "Мүгедектігі бар адамдар туралы",
        "xml:lang": "kk",
    }
    assert "n" not in data["results"]["bindings"][1]
    assert canonical_rows(parse_sparql_json(text)) == canonical_rows(SAMPLE)


def test_xml_is_well_formed_sparql_results() -> None:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(format_results(SAMPLE, "xml"))
    ns = {"s": "http://www.w3.org/2005/sparql-results#"}
    assert [v.get("name") for v in root.findall("s:head/s:variable", ns)] == ["act", "title", "n"]
    assert len(root.findall("s:results/s:result", ns)) == 2


def test_markdown_escapes_pipes() -> None:
    r = Results(vars=["x"], rows=[(Literal("a|b"),)])
    assert format_results(r, "md").splitlines()[2] == "| a\\|b |"


def test_ask_results() -> None:
    g = Graph()
    assert format_results(run_sparql(g, "ASK { ?s ?p ?o }"), "table") == "false\n"
    assert json.loads(format_results(run_sparql(g, "ASK { ?s ?p ?o }"), "json"))["boolean"] is False


def test_list_queries_finds_all() -> None:
    assert [q.name for q in list_queries()] == QUERY_NAMES


def test_a_continuation_line_with_a_colon_is_not_a_field(tmp_path: Path) -> None:
    q = load_query(
        _write(
            tmp_path,
            "# title: t\n# description: d\n#   note: this continues the description\nSELECT ?s WHERE { ?s ?p ?o }\n",
        )
    )
    assert q.description == "d note: this continues the description"
