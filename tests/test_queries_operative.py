"""Saved queries over the operative part (operative-provisions, execution-control, reporting-duties,
signatories), on the seeds and the operative fixture texts built into an in-memory store."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from kglaw.build import build_corpus, serialize_turtle
from kglaw.parse.document import parse_file
from kglaw.query import run_query

HERE = Path(__file__).resolve().parent
RAW = HERE.parent / "data" / "raw"
TEXTS = HERE / "texts"
AGENCY = "https://w3id.org/kglaw/agency/"
R1143 = "resolution/government/2024-12-30/1143"
R1142 = "resolution/government/2022-12-31/1142"
D301 = "decision/atyrau-oblast-maslikhat/2003-06-06/301-II"
R98 = "resolution/atyrau-oblast-akimat/2003-04-11/98"


@pytest.fixture(scope="module")
def ttl_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = sorted(RAW.glob("*.txt")) + sorted(TEXTS.glob("*_operative_*.txt"))
    result = build_corpus([parse_file(f) for f in files])
    out = tmp_path_factory.mktemp("ttl")
    for stem, g in result.graphs.items():
        (out / f"{stem}.ttl").write_bytes(serialize_turtle(g))
    return out


@pytest.fixture(scope="module")
def store(ttl_dir: Path):  # type: ignore[no-untyped-def]
    from kglaw.store import Store

    s = Store(None)
    s.load_dir(ttl_dir)
    return s


QUERIES = ["operative-provisions", "execution-control", "reporting-duties", "signatories"]


@pytest.mark.parametrize("name", QUERIES)
@pytest.mark.parametrize("act", [R1143, R1142, D301, R98])
def test_rdflib_and_oxigraph_agree(store, ttl_dir: Path, name: str, act: str) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Dataset

    from kglaw.query import canonical_rows
    from kglaw.store import graph_iri_for

    ds = Dataset(default_union=True)
    for f in sorted(ttl_dir.glob("*.ttl")):
        ds.graph(URIRef(graph_iri_for(f))).parse(f, format="turtle")
    a = run_query(store, name, {"act": act})
    b = run_query(ds, name, {"act": act})
    assert canonical_rows(a) == canonical_rows(b)


def _rows(store, name: str, **params: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    res = run_query(store, name, params)
    return [dict(zip(res.vars, row)) for row in res.rows]


def test_operative_provisions_of_1143(store) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(store, "operative-provisions", act=R1143)
    kinds = {(str(r["number"]), str(r["subpoint"]) if r["subpoint"] else None, str(r["kind"])) for r in rows}
    assert ("1", None, "approve") in kinds
    assert ("2", "3", "report") in kinds
    assert ("4", None, "control") in kinds
    assert ("5", None, "entry-into-force") in kinds
    assert {r["number"] for r in rows} == {Literal(n) for n in "12345"}


def test_execution_control_of_the_decision_and_of_the_embedded_resolution(store) -> None:  # type: ignore[no-untyped-def]
    (decision,) = _rows(store, "execution-control", act=D301)
    assert str(decision["asWritten"]).endswith("тұрақты комиссиясына")
    assert decision["lineStart"] == Literal(14)
    (resolution,) = _rows(store, "execution-control", act=R98)
    assert (str(resolution["position"]), str(resolution["name"])) == (
        "облыс әкімінің орынбасары",
        "Т.Қ.Мүрсәлиеваға",
    )
    (ministry,) = _rows(store, "execution-control", act=R1143)
    assert ministry["controller"] == URIRef(AGENCY + "ministry-of-labour-and-social-protection-of-population")


def test_the_embedded_resolution_endorsed_and_submitted_the_programme(store) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(store, "operative-provisions", act=R98)
    assert {str(r["kind"]) for r in rows if r["number"] == Literal("1") and r["subpoint"] is None} == {
        "endorse",
        "submit",
    }
    basis = _rows(store, "legal-basis", act=R98)
    assert {str(r["number"]) for r in basis} >= {"148-II", "343-II"}


def test_reporting_duties_of_1143(store) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(store, "reporting-duties", act=R1143)
    mlspp = URIRef(AGENCY + "ministry-of-labour-and-social-protection-of-population")
    gov = URIRef(AGENCY + "government")
    to_ministry = [r for r in rows if r["reportsTo"] == mlspp]
    # four reporters to the ministry (one resolved, three as written), one to the Government
    assert len(rows) == 5
    assert to_ministry and all(str(r["dueMonthDay"]) == "--02-01" for r in to_ministry)
    assert URIRef(AGENCY + "local-executive-bodies") in {r["reporter"] for r in to_ministry}
    (to_government,) = [r for r in rows if r["reportsTo"] == gov]
    assert (
        to_government["reporter"],
        str(to_government["frequency"]),
        str(to_government["dueMonthDay"]),
    ) == (
        mlspp,
        "annual",
        "--03-15",
    )


def test_signatories_and_rule_of_1142(store) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(store, "signatories", act=R1142)
    (signer,) = [r for r in rows if r["signatory"] is not None]
    assert (str(signer["position"]), str(signer["name"])) == (
        "Қазақстан Республикасының Премьер-Министрі",
        "Ә. Смайылов",
    )
    (rule,) = [r for r in rows if r["entryIntoForceRule"] is not None]
    assert (
        str(rule["entryIntoForceRule"])
        == "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң"
    )
    assert rule["entryIntoForce"] is None


def test_signatories_of_1143_enter_into_force_on_signing(store) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(store, "signatories", act=R1143)
    (rule,) = [r for r in rows if r["entryIntoForceRule"] is not None]
    assert str(rule["entryIntoForce"]) == "2024-12-30"
    assert [str(r["name"]) for r in rows if r["signatory"] is not None] == ["О. Бектенов"]


def test_russian_fixture_reporting_and_control(store) -> None:  # type: ignore[no-untyped-def]
    act = "resolution/government/2025-03-14/152"
    rows = _rows(store, "reporting-duties", act=act)
    assert {str(r["frequency"]) for r in rows} == {"quarterly", "annual"}
    controls = _rows(store, "execution-control", act=act)
    assert {(str(r["position"]), str(r["name"])) for r in controls} >= {
        ("заместителя Премьер-Министра Республики Казахстан", "Жумангарина С.М.")
    }


def test_every_kgl_term_of_the_operative_part_is_declared(ttl_dir: Path) -> None:
    from rdflib import Graph
    from rdflib.namespace import RDF

    kgl = "https://w3id.org/kglaw/ontology#"
    onto = Graph().parse(HERE.parent / "ontology" / "kglaw.ttl", format="turtle")
    declared = {str(s) for s in onto.subjects(RDF.type, None) if str(s).startswith(kgl)}
    g = Graph()
    for f in ttl_dir.glob("*_operative_*.ttl"):
        g.parse(f, format="turtle")
    used = {str(p) for p in g.predicates() if str(p).startswith(kgl)}
    used |= {str(o) for o in g.objects(None, RDF.type) if str(o).startswith(kgl)}
    assert used and used <= declared, sorted(used - declared)
