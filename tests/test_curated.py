"""Curated facts (data/curated/*.ttl): every statement sourced to lines that say it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kglaw.authority import normalize_title
from kglaw.namespaces import ELI, KGL, PROVNS, SOURCE

ROOT = Path(__file__).resolve().parent.parent
CURATED = ROOT / "data" / "curated"
ACTS = ROOT / "data" / "authority" / "acts.ttl"
RAW = ROOT / "data" / "raw"

SOCIAL_CODE = URIRef("https://w3id.org/kglaw/eli/kz/code/rk/2023-04-20/224-VII")
LAW = "https://w3id.org/kglaw/eli/kz/law/rk/"
TEN_REPEALED = {
    LAW + "1997-06-16/126-I",
    LAW + "1999-04-05/365-I",
    LAW + "2001-07-17/246-II",
    LAW + "2005-04-13/39-III",
    LAW + "2005-06-28/63-III",
    LAW + "2008-12-29/114-IV",
    LAW + "2013-06-21/105-V",
    LAW + "2016-04-06/482-V",
    LAW + "2019-12-26/286-VI",
}  # plus the law of 2015-08-02, whose number is not known (its IRI carries a title key)
RELATIONS = {
    ELI.repeals,
    ELI.repealed_by,
    KGL.replacedBy,
    ELI.date_no_longer_in_force,
    ELI.in_force,
    KGL.coveredBy,
    KGL.establishedBy,
    ELI.is_part_of,
    ELI.has_part,
}


@pytest.fixture(scope="module")
def curated() -> Graph:
    g = Graph()
    for f in sorted(CURATED.glob("*.ttl")):
        g.parse(f, format="turtle")
    return g


@pytest.fixture(scope="module")
def acts() -> Graph:
    g = Graph()
    g.parse(ACTS, format="turtle")
    return g


@pytest.mark.parametrize("path", sorted(CURATED.glob("*.ttl")), ids=lambda p: p.name)
def test_curated_file_parses(path: Path) -> None:
    g = Graph()
    g.parse(path, format="turtle")
    assert len(g) > 0


def _text(g: Graph, node: URIRef) -> str:
    src = g.value(node, KGL.sourceDocument)
    start, end = int(g.value(node, KGL.lineStart)), int(g.value(node, KGL.lineEnd))
    lines = (RAW / (str(src).removeprefix(str(SOURCE)) + ".txt")).read_text(encoding="utf-8").split("\n")
    assert 1 <= start <= end <= len(lines), (node, start, end)
    text = " ".join(lines[start - 1 : end])
    # undo letter-spacing ("ә з і р л е й д і") before looking for words
    text = re.sub(r"(?<!\S)((?:\S ){2,}\S)(?!\S)", lambda m: m.group(1).replace(" ", ""), text)
    return re.sub(r"\s+", " ", text).lower()


# -- the ten laws -------------------------------------------------------------------------------------


def test_the_ten_repealed_laws_are_all_there(curated: Graph, acts: Graph) -> None:
    repealed = {str(o) for o in curated.objects(SOCIAL_CODE, ELI.repeals)}
    assert len(repealed) == 10
    assert TEN_REPEALED <= repealed
    (other,) = repealed - TEN_REPEALED
    assert other.startswith(LAW + "2015-08-02/_/t-")
    authority = {str(s) for s in acts.subjects(RDF.type, ELI.LegalResource)}
    assert repealed <= authority, "every repealed law is an authority act"


def test_each_repealed_law_lost_force_on_2023_07_01(curated: Graph) -> None:
    for law in curated.objects(SOCIAL_CODE, ELI.repeals):
        assert (law, ELI.repealed_by, SOCIAL_CODE) in curated
        assert (law, KGL.replacedBy, SOCIAL_CODE) in curated
        assert curated.value(law, ELI.date_no_longer_in_force).toPython() == date(2023, 7, 1)
        assert curated.value(law, ELI.in_force) == ELI["InForce-notInForce"]


# -- provenance ---------------------------------------------------------------------------------------


def test_every_relation_has_a_sourced_statement(curated: Graph) -> None:
    statements = {
        (curated.value(st, RDF.subject), curated.value(st, RDF.predicate), curated.value(st, RDF.object)): st
        for st in curated.subjects(RDF.type, RDF.Statement)
    }
    count = 0
    for s, p, o in curated:
        if p in RELATIONS:
            st = statements.get((s, p, o))
            assert st is not None, f"no statement for {s} {p} {o}"
            assert str(st).startswith(str(PROVNS) + "curated/")
            assert curated.value(st, KGL.curated) == Literal(True)
            assert curated.value(st, KGL.sourceDocument) is not None
            count += 1
    assert count >= 60


def test_every_curated_node_carries_source_and_lines(curated: Graph) -> None:
    nodes = set(curated.subjects(RDF.type, KGL.SupportMeasure)) | set(
        curated.subjects(RDF.type, ELI.LegalResourceSubdivision)
    )
    assert len(nodes) >= 15
    for n in nodes:
        assert curated.value(n, KGL.curated) == Literal(True), n
        assert _text(curated, n)


def _key_words(curated: Graph, acts: Graph, st: URIRef) -> list[str]:
    """Words the cited lines must contain for the statement to be what they say."""
    s, p, o = (curated.value(st, x) for x in (RDF.subject, RDF.predicate, RDF.object))
    if p in (ELI.repeals, ELI.repealed_by, KGL.replacedBy, ELI.in_force):
        law = o if p == ELI.repeals else s
        year = str(law).split("/")[8][:4]
        return ["күші жойылды", year]
    if p == ELI.date_no_longer_in_force:
        return ["01.07.2023", "күші жойылды", str(s).split("/")[8][:4]]
    if p in (ELI.is_part_of, ELI.has_part, KGL.coveredBy):
        unit = o if p in (ELI.has_part, KGL.coveredBy) else s
        return [curated.value(unit, KGL.provisionNumber)]
    raise AssertionError(f"no key words for {p}")


def test_cited_lines_say_the_fact(curated: Graph, acts: Graph) -> None:
    checked = 0
    for st in curated.subjects(RDF.type, RDF.Statement):
        text = _text(curated, st)
        p = curated.value(st, RDF.predicate)
        if p == KGL.establishedBy:
            # the lines name the law that carries the measure: one of its titles, as the authority file has them
            law = curated.value(st, RDF.object)
            titles = [
                str(t)
                for e in acts.objects(law, ELI.is_realized_by)
                for q in (ELI.title, ELI.title_alternative)
                for t in acts.objects(e, q)
            ]
            assert any(normalize_title(t) in normalize_title(text) for t in titles), (st, text)
        else:
            for word in _key_words(curated, acts, st):
                assert str(word).lower() in text, (st, word, text)
        checked += 1
    assert checked >= 80


def test_support_measure_lines_name_the_measure(curated: Graph) -> None:
    for m in curated.subjects(RDF.type, KGL.SupportMeasure):
        label = next(str(x) for x in curated.objects(m, RDFS.label) if x.language == "kk")
        first = re.findall(r"\w+", label.lower())[0][:6]
        assert first in _text(curated, m), (m, label)


def test_subdivisions_are_parts_of_the_social_code(curated: Graph) -> None:
    for u in curated.subjects(RDF.type, ELI.LegalResourceSubdivision):
        assert (u, ELI.is_part_of, SOCIAL_CODE) in curated
        kind, number = curated.value(u, KGL.provisionKind), curated.value(u, KGL.provisionNumber)
        assert str(u) == f"{SOCIAL_CODE}/{kind}-{number}"


# -- the headline question ------------------------------------------------------------------------------

HEADLINE = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX kgl: <https://w3id.org/kglaw/ontology#>
SELECT ?measure ?law ?unit WHERE {
  ?code eli:repeals ?law .
  ?measure a kgl:SupportMeasure ; kgl:establishedBy ?law .
  OPTIONAL { ?measure kgl:coveredBy ?unit . ?unit eli:is_part_of ?code }
}
"""


def test_measures_the_social_code_replaced(curated: Graph, acts: Graph) -> None:
    g = curated + acts
    rows = {
        (str(r.measure).rsplit("/", 1)[-1], str(r.law), str(r.unit).rsplit("/", 1)[-1])
        for r in g.query(HEADLINE)
    }
    law_2005, law_2008 = LAW + "2005-04-13/39-III", LAW + "2008-12-29/114-IV"
    assert ("special-social-services", law_2008, "chapter-12") in rows
    assert ("prosthetic-and-technical-aids", law_2005, "article-169") in rows
    assert ("medical-rehabilitation", law_2005, "article-160") in rows
    assert ("disability-benefit", LAW + "1997-06-16/126-I", "article-171") in rows


def test_the_seven_measures_of_issue_2_have_their_units(curated: Graph) -> None:
    sm = "https://w3id.org/kglaw/support-measure/"
    expected = {
        "special-social-services": {"chapter-12"},
        "benefit-to-person-raising-child-with-disability": {"paragraph-7", "article-183"},
        "carers-benefit": {"paragraph-8", "article-187"},
        "disability-benefit": {"article-171"},
        "medical-rehabilitation": {"article-160"},
        "prosthetic-and-technical-aids": {"article-169"},
        "pension-service-credit-for-carers": {"article-208"},
    }
    for slug, units in expected.items():
        got = {str(u).rsplit("/", 1)[-1] for u in curated.objects(URIRef(sm + slug), KGL.coveredBy)}
        assert units <= got, (slug, got)
