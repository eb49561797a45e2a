"""The build: data/raw → data/ttl, byte for byte, with the facts of the seeds."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kglaw.build import build_directory

from .conftest import DATA_RAW, DATA_TTL, ONTOLOGY, ROOT

ELI = "http://data.europa.eu/eli/ontology#"
KGL = "https://w3id.org/kglaw/ontology#"
ACT = "https://w3id.org/kglaw/eli/kz/"
DT = "https://w3id.org/kglaw/vocab/doctype/"


def test_rebuilding_data_ttl_changes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "ttl"
    build_directory(DATA_RAW, out)
    ours = sorted(p.name for p in out.glob("*.ttl"))
    theirs = sorted(p.name for p in DATA_TTL.glob("*.ttl"))
    assert ours == theirs
    match, mismatch, errors = filecmp.cmpfiles(out, DATA_TTL, ours, shallow=False)
    assert mismatch == [] and errors == [], "run 'make build' and commit data/ttl"


def test_build_is_deterministic_across_processes(tmp_path: Path) -> None:
    """A different hash seed must not change a byte (set and dict order never leaks into output)."""
    out = tmp_path / "ttl"
    env = dict(os.environ, PYTHONHASHSEED="12345")
    subprocess.run(
        [sys.executable, "-m", "kglaw", "build", "--raw", str(DATA_RAW), "--out", str(out)],
        check=True,
        env=env,
        capture_output=True,
        cwd=ROOT,
    )
    for f in DATA_TTL.glob("*.ttl"):
        assert (out / f.name).read_bytes() == f.read_bytes(), f.name


def test_one_file_per_source_document_plus_reference_graphs() -> None:
    stems = {p.stem for p in DATA_TTL.glob("*.ttl")}
    for raw in DATA_RAW.iterdir():
        assert raw.stem in stems
    assert "ontology-kglaw" in stems
    assert any(s.startswith("authority-") for s in stems)
    assert any(s.startswith("curated-") for s in stems)


def test_raw_seeds_are_unchanged_copies() -> None:
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for f in shared.iterdir():
        assert (DATA_RAW / f.name).read_bytes() == f.read_bytes()


@pytest.mark.parametrize(
    "path", sorted(DATA_TTL.glob("*.ttl")) + sorted(ONTOLOGY.glob("*.ttl")), ids=lambda p: p.name
)
def test_every_data_file_parses(path: Path) -> None:
    g = Graph()
    g.parse(path, format="turtle")
    assert len(g) > 0


def test_the_data_conforms_to_the_shapes(seed_graph: Graph) -> None:
    from kglaw.validate import validate_graph

    report = validate_graph(seed_graph)
    assert report.conforms, [str(r) for r in report.violations][:5]


def _has(g: Graph, s: str, p: str, o: object) -> bool:
    obj = o if isinstance(o, (Literal, URIRef)) else URIRef(str(o))  # Literal is a str: test it first
    return (URIRef(s), URIRef(p), obj) in g


def _d(iso: str) -> Literal:
    return Literal(iso, datatype=XSD.date)


D245 = ACT + "decision/kyzylorda-oblast-maslikhat/2005-12-20/245"
D301 = ACT + "decision/atyrau-oblast-maslikhat/2003-06-06/301-II"
R1142 = ACT + "resolution/government/2022-12-31/1142"
R326 = ACT + "resolution/government/2019-05-28/326"
R1143 = ACT + "resolution/government/2024-12-30/1143"
CODE = ACT + "code/rk/2023-04-20/224-VII"


def test_seed_000_identity_and_lineage(seed_graph: Graph) -> None:
    g = seed_graph
    assert _has(g, D245, ELI + "type_document", DT + "decision")
    assert _has(g, D245, ELI + "date_document", _d("2005-12-20"))
    assert _has(g, D245, ELI + "number", Literal("245"))
    assert _has(g, D245, ELI + "passed_by", "https://w3id.org/kglaw/agency/kyzylorda-oblast-maslikhat")
    reg = D245 + "/registration"
    assert _has(g, D245, KGL + "registration", reg)
    assert _has(g, reg, KGL + "registrationNumber", Literal("4141"))
    assert _has(g, reg, KGL + "registrationDate", _d("2006-01-23"))
    d33 = ACT + "decision/kyzylorda-oblast-maslikhat/2007-12-12/33"
    assert _has(g, D245, ELI + "repealed_by", d33)
    assert _has(g, d33, ELI + "repeals", D245)
    assert _has(g, D245, ELI + "in_force", ELI + "InForce-notInForce")
    assert _has(g, D245, ELI + "based_on", ACT + "law/rk/2005-04-13/39-III")
    assert _has(g, D245, KGL + "approves", D245 + "/programme")


def test_seed_001_identity_and_lineage(seed_graph: Graph) -> None:
    g = seed_graph
    assert _has(g, D301, ELI + "date_document", _d("2003-06-06"))
    assert _has(g, D301, ELI + "passed_by", "https://w3id.org/kglaw/agency/atyrau-oblast-maslikhat")
    assert _has(g, D301 + "/registration", KGL + "registrationNumber", Literal("1557"))
    assert _has(g, D301 + "/registration", KGL + "registrationDate", _d("2003-07-10"))
    assert _has(g, D301, ELI + "based_on", ACT + "law/rk/2002-07-11/343-II")
    r98 = ACT + "resolution/atyrau-oblast-akimat/2003-04-11/98"
    assert (URIRef(D301), None, URIRef(r98)) in g


def test_seed_002_amends_326_and_its_plan(seed_graph: Graph) -> None:
    g = seed_graph
    assert _has(g, R1142, ELI + "date_document", _d("2022-12-31"))
    assert _has(g, R1142, ELI + "passed_by", "https://w3id.org/kglaw/agency/government")
    assert _has(g, R1142, ELI + "amends", R326)
    assert _has(g, R326, ELI + "amended_by", R1142)
    assert _has(g, R326, ELI + "date_document", _d("2019-05-28"))
    assert _has(g, R326, KGL + "approves", R326 + "/plan")


def test_seed_003_is_the_2023_report_of_korgan_m(seed_graph: Graph) -> None:
    src = URIRef("https://w3id.org/kglaw/source/003_9a93e4e2ea27c4db")
    acts = list(seed_graph.objects(src, URIRef(KGL + "describes")))
    assert len(acts) == 1
    act = acts[0]
    assert (act, URIRef(ELI + "type_document"), URIRef(DT + "report")) in seed_graph
    assert "/2023/" in str(act)
    labels = {
        str(o)
        for a in seed_graph.objects(act, URIRef(ELI + "passed_by"))
        for o in seed_graph.objects(a, None)
        if isinstance(o, Literal)
    }
    assert any("Қорған-М" in x for x in labels)


def test_seed_004_approves_the_concept_on_its_bases(seed_graph: Graph) -> None:
    g = seed_graph
    assert _has(g, R1143, ELI + "date_document", _d("2024-12-30"))
    assert _has(g, R1143, KGL + "approves", R1143 + "/concept")
    assert _has(g, R1143, ELI + "based_on", ACT + "decree/president/2023-12-08/409")
    assert _has(g, R1143, ELI + "based_on", ACT + "resolution/government/2017-11-29/790")


def test_social_code_repealed_ten_laws_from_1_july_2023(seed_graph: Graph) -> None:
    g = seed_graph
    assert _has(g, CODE, ELI + "date_document", _d("2023-04-20"))
    assert _has(g, CODE, ELI + "first_date_entry_in_force", _d("2023-07-01"))
    repealed = set(g.objects(URIRef(CODE), URIRef(ELI + "repeals")))
    assert len(repealed) == 10
    for law in repealed:
        assert (law, URIRef(ELI + "date_no_longer_in_force"), _d("2023-07-01")) in g
        assert (law, URIRef(ELI + "repealed_by"), URIRef(CODE)) in g


def test_every_fact_statement_names_its_source(seed_graph: Graph) -> None:
    """A fact from a text names the document and lines; a fact from outside names the act it comes from."""
    q = """
    PREFIX kgl: <https://w3id.org/kglaw/ontology#>
    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
    PREFIX dct: <http://purl.org/dc/terms/>
    SELECT (COUNT(?st) AS ?n) WHERE {
      ?st a rdf:Statement .
      FILTER NOT EXISTS { ?st kgl:sourceDocument ?src ; kgl:lineStart ?a ; kgl:lineEnd ?b }
      FILTER NOT EXISTS { ?st dct:source ?external }
    }"""
    assert int(next(iter(seed_graph.query(q)))[0]) == 0


@pytest.mark.parametrize("pair", [("kk_citations", "ru_citations"), ("kk_law", "ru_law")])
def test_the_kk_and_ru_texts_of_one_act_keep_their_own_passages_and_citations(pair: tuple[str, str]) -> None:
    # Both texts name one act; their passages and pinpoint citations are numbered per text, so they hang
    # off the text's language (…/kk/passage/3, …/ru/passage/3): one numbering would merge two passages.
    from kglaw.build import build_corpus
    from kglaw.fastvalidate import validate_graph_sparql
    from kglaw.namespaces import KGL
    from kglaw.parse.document import parse_file

    docs = [parse_file(ROOT / "tests" / "texts" / f"{name}.txt") for name in pair]
    result = build_corpus(docs)
    g = Graph()
    for part in result.graphs.values():
        g += part
    passages = set(g.subjects(RDF.type, KGL.Passage))
    citations = set(g.subjects(RDF.type, KGL.Citation))
    assert len(passages) == sum(len(d.passages) for d in docs) > 0
    assert len(citations) == sum(len(d.citations) for d in docs)
    for node in passages | citations:
        lang = "/kk/" if "/kk/" in str(node) else "/ru/"
        assert "/kk/" in str(node) or "/ru/" in str(node)
        texts = list(g.objects(node, KGL.text)) + list(g.objects(node, KGL.citationText))
        assert len(texts) == 1 and texts[0].language == lang.strip("/")
    report = validate_graph_sparql(g)
    assert [v for v in report.violations if "passage" in v.focus or "citation" in v.focus] == []
