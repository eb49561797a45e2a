"""Passages and recommendations in the graph, and the saved queries that answer from them.

The seeds are built into an in-memory store (not data/ttl, which the lead rebuilds at integration). The
expected answers are those of the research notes (§8): seed 000 (disabled persons on 1 January 2005,
L115–116; the sanatoria, L263–264), seed 001 (children through the PMPC in 2001–2002, L121–123), seed
002 Q14 (NGO participation, L41–44) and seed 003 Q8, Q10, Q14, Q15 and the foreign countries compared.
The queries return the passage that states the answer, not a number read out of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from kglaw.build import build_corpus, build_directory
from kglaw.namespaces import ELI, KGL
from kglaw.parse.document import parse_file
from kglaw.query import run_query, run_sparql
from kglaw.search import search
from kglaw.store import Store

from .conftest import DATA_RAW

TEXTS = Path(__file__).resolve().parent / "texts"
ACT = "https://w3id.org/kglaw/eli/kz/"
D245 = "decision/kyzylorda-oblast-maslikhat/2005-12-20/245"
D301 = "decision/atyrau-oblast-maslikhat/2003-06-06/301-II"
R1142 = "resolution/government/2022-12-31/1142"
LABOUR_CODE = ACT + "code/rk/2015-11-23/414-V"
SOCIAL_CODE = ACT + "code/rk/2023-04-20/224-VII"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    out = tmp_path_factory.mktemp("ttl") / "ttl"
    build_directory(DATA_RAW, out)
    store = Store(None)
    store.load_dir(out)
    return store


def _report(store: Store) -> str:
    """The IRI of the analytical report (seed 003), found by its type, not written here."""
    q = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
        SELECT DISTINCT ?act WHERE {
          ?act eli:type_document <https://w3id.org/kglaw/vocab/doctype/report> ; ^<https://w3id.org/kglaw/ontology#describes> ?src .
        }"""
    (row,) = run_sparql(store, q).rows
    return str(row[0])


def _mentioning(store: Store, text: str, act: str | None = None) -> list[tuple[int, int, str, str]]:
    params = {"text": text} | ({"act": act} if act else {})
    return [
        (int(r["lineStart"]), int(r["lineEnd"]), str(r.get("heading") or ""), str(r["passageText"]))
        for r in run_query(store, "passages-mentioning", params).dicts()
    ]


# -- the build -------------------------------------------------------------------------------------------


def test_a_passage_is_its_text_with_provenance_under_its_heading() -> None:
    doc = parse_file(TEXTS / "ru_programme_with_analysis.txt")
    g: Graph = build_corpus([doc]).graphs["ru_programme_with_analysis"]
    (node,) = [s for s, o in g.subject_objects(KGL.text) if "4215" in str(o)]
    assert (node, RDF.type, KGL.Passage) in g
    (act,) = g.objects(node, KGL.passageOf)
    assert (act, RDF.type, ELI.LegalResource) in g
    (head,) = g.objects(node, KGL.underHeading)
    assert (head, RDF.type, KGL.Heading) in g
    assert str(g.value(head, KGL.text)) == "Раздел 2. Анализ текущей ситуации"
    text = g.value(node, KGL.text)
    assert isinstance(text, Literal) and text.language == "ru"
    (st,) = g.subjects(RDF.subject, node)
    assert (st, RDF.predicate, KGL.text) in g
    assert (int(g.value(st, KGL.lineStart)), int(g.value(st, KGL.lineEnd))) == (17, 17)  # type: ignore[arg-type]
    # a passage is text, not a structural unit of legislation
    assert not list(g.objects(node, ELI.is_part_of))


def test_a_recommendation_proposes_a_change_to_the_act_it_names() -> None:
    doc = parse_file(TEXTS / "ru_report_recommendations.txt")
    g = build_corpus([doc]).graphs["ru_report_recommendations"]
    recos = sorted(g.subjects(RDF.type, KGL.Recommendation), key=lambda n: int(g.value(n, KGL.order)))  # type: ignore[arg-type]
    assert len(recos) == 3
    targets = [sorted(str(t) for t in g.objects(r, KGL.proposesChangeTo)) for r in recos]
    assert targets[0] == [SOCIAL_CODE]  # the Social Code, resolved through the authority file
    assert targets[1] == []  # "В соответствии с Законом …": the ground, not the target
    assert targets[2] == [LABOUR_CODE]
    (st,) = [
        s for s in g.subjects(RDF.predicate, KGL.proposesChangeTo) if g.value(s, RDF.subject) == recos[0]
    ]
    assert int(g.value(st, KGL.lineStart)) == 21  # type: ignore[arg-type]


# -- passages-mentioning ------------------------------------------------------------------------------


def test_000_disabled_persons_on_1_january_2005(seed_store: Store) -> None:
    (hit,) = _mentioning(seed_store, "19669", D245)
    assert hit[:2] == (115, 118)
    assert hit[2] == "Мүгедектік пен мүгедектерді оңалтудың қазіргі кезеңдегі жағдайына талдау"
    assert "2005 жылдың 1 қаңтарындағы жағдай бойынша" in hit[3]


def test_000_the_sanatoria_used(seed_store: Store) -> None:
    (hit,) = _mentioning(seed_store, "санатори", D245)
    assert hit[:3] == (263, 272, "Медициналық оңалту")
    assert '"Ардагер" және "Жаңақорған" санаторийлерінің' in hit[3]


def test_001_children_through_the_pmpc_in_2001_2002(seed_store: Store) -> None:
    (hit,) = _mentioning(seed_store, "1288 бала", D301)
    assert hit[:3] == (118, 123, "3. Бағдарламаның мазмұны және оны шешу қажеттігін негіздеу")
    assert "оның ішінде 290 бала үйде оқытылады, 514 бала оқытуға жатпайды." in hit[3]


def test_002_q14_ngo_participation_in_special_social_services(seed_store: Store) -> None:
    (hit,) = _mentioning(seed_store, "ҮЕҰ-дан", R1142)
    assert hit[:2] == (41, 47)
    assert "2009 жылғы 4 ҮЕҰ-дан 2018 жылы 177-ге дейін ұлғайды" in hit[3]
    assert "19 %-ына ғана" in hit[3]


def test_003_q14_funder_and_contract(seed_store: Store) -> None:
    (hit,) = _mentioning(seed_store, "гранттық", _report(seed_store))
    assert hit[:2] == (44, 56)
    assert "Мәдениет және ақпарат министрлігі" in hit[3] and "15.03.2023 ж. № 37 шарт" in hit[3]


def test_003_q15_sample_size_regions_and_national_totals(seed_store: Store) -> None:
    report = _report(seed_store)
    (nla,) = _mentioning(seed_store, "жалпы саны 23", report)
    assert nla[:2] == (627, 629) and "8 - заңдар/кодекстер" in nla[3]
    (regions,) = _mentioning(seed_store, "Маңғыстау облысы, 3) ШҚО", report)
    assert regions[:3] == (152, 168, "I. зерттеу үлгісінің сипаттамасы")
    assert "7) Шымкент қаласы." in regions[3]
    (total,) = _mentioning(seed_store, "Барлығы 692 584", report)
    assert total[0] <= 209 <= total[1]


def test_003_foreign_countries_compared(seed_store: Store) -> None:
    q = """PREFIX kgl: <https://w3id.org/kglaw/ontology#>
        SELECT DISTINCT ?text WHERE {
          ?h a kgl:Heading ; kgl:passageOf ?act ; kgl:text ?text ; kgl:underHeading ?section .
          ?section kgl:text ?sectionText .
          FILTER (CONTAINS(?sectionText, "басқа елдердің"))
        }"""
    heads = {str(r[0]) for r in run_sparql(seed_store, q).rows}
    assert heads == {"1. РЕСЕЙ ФЕДЕРАЦИЯСЫ", "2. ӨЗБЕКСТАН РЕСПУБЛИКАСЫ", "3. БЕЛАРУСЬ РЕСПУБЛИКАСЫ"}


def test_without_act_every_document_is_searched(seed_store: Store) -> None:
    acts = {str(r["act"]) for r in run_query(seed_store, "passages-mentioning", {"text": "мүгедек"}).dicts()}
    assert len(acts) == 5


def test_the_search_is_case_insensitive(seed_store: Store) -> None:
    assert _mentioning(seed_store, "АРДАГЕР", D245) == _mentioning(seed_store, "ардагер", D245)


# -- recommendations --------------------------------------------------------------------------------------


def test_003_q8_q10_the_five_proposals_and_the_acts_they_target(seed_store: Store) -> None:
    rows = run_query(seed_store, "recommendations", {"act": _report(seed_store)}).dicts()
    by_order: dict[int, list[dict]] = {}
    for r in rows:
        by_order.setdefault(int(r["order"]), []).append(r)
    assert len(by_order) == 5  # Q10: five proposals
    first, second, *rest = (by_order[k] for k in sorted(by_order))
    # Q8: the Labour Code, art. 89 — leave of at least six calendar days for parents
    assert [str(r["target"]) for r in first] == [LABOUR_CODE]
    assert (int(first[0]["lineStart"]), int(first[0]["lineEnd"])) == (1782, 1798)
    assert "89-бабына" in str(first[0]["recommendationText"])
    assert "алты күнтізбелік күн" in str(first[0]["recommendationText"])
    # Q9: the Social Code, art. 187
    assert [str(r["target"]) for r in second] == [SOCIAL_CODE]
    assert "187-бап" in str(second[0]["recommendationText"])
    # the proposals to rules and budgets name no identifiable act
    assert all(r.get("target") is None for group in rest for r in group)
    assert "санаторий-курорттық" in str(rest[0][0]["recommendationText"])
    assert "Арба-кресло" in str(rest[1][0]["recommendationText"])  # item 2 runs on over rows 51–54
    assert "24 сағатты" in str(rest[2][0]["recommendationText"])


def test_recommendations_of_a_document_without_any_are_none(seed_store: Store) -> None:
    assert run_query(seed_store, "recommendations", {"act": D245}).rows == []


# -- search --------------------------------------------------------------------------------------------------


def test_search_finds_passages_only_when_asked(seed_store: Store) -> None:
    assert all(h.kind != "passage" for h in search(seed_store, "Ардагер", limit=0))
    hits = search(seed_store, "Ардагер", limit=3, passages=True)
    assert hits[0].kind == "passage"
    assert hits[0].iri.startswith(ACT + D245 + "/kk/passage/")  # the Kazakh text's passages
