"""Amendment operations in RDF (kglaw.build, the operations part): seed 002's nine operations as the
graph holds them, and provision history over the built graph."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from kglaw.build import build_document
from kglaw.namespaces import ELI, KGL, RDF, RDFS
from kglaw.parse.document import parse_file, parse_text

SEED_002 = Path(__file__).resolve().parent.parent / "data" / "raw" / "002_5d6b729f0837145b.txt"
ACTS = "https://w3id.org/kglaw/eli/kz/resolution/government/"
R1142 = URIRef(ACTS + "2022-12-31/1142")
R326 = URIRef(ACTS + "2019-05-28/326")
PLAN = URIRef(ACTS + "2019-05-28/326/plan")
OPTYPE = "https://w3id.org/kglaw/vocab/optype/"


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_document(parse_file(SEED_002))


UNITS = [
    (1, "substitution", R326, "title"),
    (2, "substitution", R326, "point-1"),
    (3, "substitution", PLAN, "section-2/chapter-1/abzac-4"),
    (4, "substitution", PLAN, "section-2/chapter-6/abzac-8-10"),
    (5, "insertion", PLAN, "section-2/chapter-6/abzac-13"),
    (6, "substitution", PLAN, "section-2/chapter-6/abzac-15"),
    (7, "substitution", PLAN, "section-3/chapter-2/paragraph-6/part-2"),
    (8, "substitution", PLAN, "section-3/chapter-2/paragraph-6/abzac-35"),
    (9, "substitution", PLAN, "appendix"),
]


def test_exactly_nine_operations(graph: Graph) -> None:
    ops = set(graph.subjects(RDF.type, KGL.AmendmentOperation))
    assert ops == {URIRef(f"{R1142}/op/{n}") for n in range(1, 10)}


@pytest.mark.parametrize("order, kind, owner, slug", UNITS, ids=[f"op{u[0]}" for u in UNITS])
def test_operation_in_rdf(graph: Graph, order: int, kind: str, owner: URIRef, slug: str) -> None:
    op = URIRef(f"{R1142}/op/{order}")
    unit = URIRef(f"{owner}/{slug}")
    assert set(graph.objects(op, KGL.affectingAct)) == {R1142}
    assert set(graph.objects(op, KGL.affectedAct)) == {R326}
    assert set(graph.objects(op, KGL.operationType)) == {URIRef(OPTYPE + kind)}
    assert set(graph.objects(op, KGL.order)) == {Literal(order)}
    assert set(graph.objects(op, KGL.affectedProvision)) == {unit}
    assert (unit, RDF.type, ELI.LegalResourceSubdivision) in graph
    # each unit is part of its direct parent only, up to the act or the plan
    chain = [unit]
    while True:
        parents = set(graph.objects(chain[-1], ELI.is_part_of))
        assert len(parents) == 1, (chain[-1], parents)
        chain.append(parents.pop())
        if chain[-1] == owner:
            break
    assert len(chain) == slug.count("/") + 2


def test_the_plan_is_approved_by_the_amended_act(graph: Graph) -> None:
    assert (PLAN, KGL.approvedBy, R326) in graph


def test_the_new_appendix_is_the_action_plan_read_from_the_act(graph: Graph) -> None:
    op9 = URIRef(f"{R1142}/op/9")
    plans = set(graph.objects(op9, KGL.newWording))
    assert plans == {URIRef(f"{PLAN}/action-plan")}
    assert len(set(graph.subjects(KGL.inActionPlan, plans.pop()))) >= 80  # the measures of the new appendix
    assert not set(graph.objects(URIRef(f"{R1142}/op/5"), KGL.newWording))


def test_units_keep_kinds_numbers_and_words(graph: Graph) -> None:
    unit = URIRef(f"{PLAN}/section-2/chapter-6/abzac-13")
    assert set(graph.objects(unit, KGL.provisionKind)) == {Literal("abzac")}
    assert set(graph.objects(unit, KGL.provisionNumber)) == {Literal("13")}
    assert set(graph.objects(unit, RDFS.label)) == {
        Literal("2-бөлімнің 6-тарауында он үшінші абзац", lang="kk")
    }
    chapter = URIRef(f"{PLAN}/section-2/chapter-6")
    assert set(graph.objects(chapter, KGL.provisionNumber)) == {Literal("6")}


KK_REPEALING = """Бір нәрсенің күшін жою туралы
Қазақстан Республикасы Үкіметінің 2023 жылғы 15 наурыздағы № 200 қаулысы
      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:
      1. "Бір нәрсе туралы" Қазақстан Республикасы Үкіметінің 2015 жылғы 1 шілдедегі № 789 қаулысының күші жойылды деп танылсын.
      2. "Екі нәрсе туралы" Қазақстан Республикасы Үкіметінің 2016 жылғы 1 шілдедегі № 790 қаулысына мынадай өзгеріс енгізілсін:
      3-тармақ алып тасталсын.
      3. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.
"""


def test_a_whole_act_declared_invalid_is_repealed_and_a_deleted_point_is_an_amendment() -> None:
    g = build_document(parse_text(KK_REPEALING, "repealing.txt"))
    r200 = URIRef(ACTS + "2023-03-15/200")
    r789 = URIRef(ACTS + "2015-07-01/789")
    r790 = URIRef(ACTS + "2016-07-01/790")
    assert (r200, ELI.repeals, r789) in g
    assert (r200, ELI.amends, r789) not in g
    assert (r200, ELI.amends, r790) in g
    assert (r200, ELI.repeals, r790) not in g
    op2 = URIRef(f"{r200}/op/2")
    assert set(g.objects(op2, KGL.affectedProvision)) == {URIRef(f"{r790}/point-3")}
    assert set(g.objects(op2, KGL.effectiveDate)) == {Literal(date(2023, 3, 15))}


KK_NEW_APPENDIX = """Бір нәрсеге өзгеріс енгізу туралы
Қазақстан Республикасы Үкіметінің 2023 жылғы 15 наурыздағы № 200 қаулысы
      Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:
      1. "Қағидаларды бекіту туралы" Қазақстан Республикасы Үкіметінің 2016 жылғы 1 шілдедегі № 790 қаулысына
мынадай өзгеріс енгізілсін:
      көрсетілген қаулыға 2-қосымша осы қаулыға қосымшаға сәйкес жаңа редакцияда жазылсын.
      2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.
"""


def test_a_new_appendix_without_a_plan_is_the_affecting_acts_appendix() -> None:
    g = build_document(parse_text(KK_NEW_APPENDIX, "appendix.txt"))
    r200 = URIRef(ACTS + "2023-03-15/200")
    op = URIRef(f"{r200}/op/1")
    assert set(g.objects(op, KGL.newWording)) == {URIRef(f"{r200}/appendix")}
    assert (URIRef(f"{r200}/appendix"), ELI.is_part_of, r200) in g
    assert set(g.objects(op, KGL.affectedProvision)) == {URIRef(ACTS + "2016-07-01/790/appendix-2")}
