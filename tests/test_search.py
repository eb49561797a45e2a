"""Search: normalisation, stemming, ranking, language filter."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kglaw.cli import cli
from kglaw.errors import KglawError
from kglaw.search import normalize, search, stem

from .fixture_graphs import fixture_store, write_fixture_dir

ACT = "https://w3id.org/kglaw/eli/kz/"


@pytest.fixture(scope="module")
def store(tmp_path_factory):  # type: ignore[no-untyped-def]
    return fixture_store(tmp_path_factory.mktemp("search"))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("мүгедектерді", "мүгедектігі"),  # accusative plural / "disability" + possessive
        ("мүгедектер", "мүгедек"),
        ("инвалидов", "инвалидностью"),
        ("балаларды", "балалар"),
        ("бағдарламасы", "бағдарламалар"),
    ],
)
def test_word_forms_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b) or stem(a, "kk") == stem(b, "kk")


def test_stems_never_go_below_the_minimum() -> None:
    assert stem("ана") == "ана"
    assert len(stem("мүгедектерді")) >= 4


def test_normalize_folds_case_and_latin_look_alikes() -> None:
    assert normalize("МYГЕДЕКТIГI") == normalize("мүгедектігі").replace("ү", "у")
    assert normalize("мүгедектiгi") == "мүгедектігі"  # Latin i typed for Kazakh і
    assert normalize("Ёлка") == "елка"
    assert normalize("Social Code") == "social code"  # Latin words stay Latin


def test_kazakh_form_finds_the_other_form(store) -> None:  # type: ignore[no-untyped-def]
    hits = search(store, "мүгедектерді")
    iris = [h.iri for h in hits]
    assert ACT + "resolution/government/2019-05-28/326" in iris  # "Мүгедектігі бар адамдардың …"
    assert ACT + "decision/kyzylorda-oblast-maslikhat/2005-12-20/245" in iris  # "мүгедектерді оңалтудың"


def test_results_carry_kind_date_and_status(store) -> None:  # type: ignore[no-untyped-def]
    hit = next(
        h
        for h in search(store, "мүгедектерді оңалту")
        if h.iri == ACT + "decision/kyzylorda-oblast-maslikhat/2005-12-20/245"
    )
    assert (hit.kind, hit.date, hit.status) == ("act", "2005-12-20", "repealed")


def test_ranking_puts_the_closest_text_first(store) -> None:  # type: ignore[no-untyped-def]
    hits = search(store, "Еңбекмині")
    assert hits[0].kind == "agency"
    assert (
        hits[0].iri == "https://w3id.org/kglaw/agency/ministry-of-labour-and-social-protection-of-population"
    )
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_measure_is_found_by_its_name(store) -> None:  # type: ignore[no-untyped-def]
    hits = search(store, "темір жол жеңілдік")
    assert hits[0].iri.endswith("/326/plan/action-plan/measure/80")
    assert hits[0].kind == "measure" and hits[0].status == "due 2019 жыл"


def test_language_filter(store) -> None:  # type: ignore[no-untyped-def]
    ru = search(store, "инвалидов", lang="ru")
    assert ru and all(h.lang == "ru" for h in ru)
    assert search(store, "инвалидов", lang="kk") == []
    en = search(store, "disability benefit", lang="en")
    assert en[0].kind == "support measure"


def test_nothing_to_search_is_an_error(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KglawError):
        search(store, "— ,")
    with pytest.raises(KglawError, match="unknown language"):
        search(store, "заң", lang="de")


def test_cli_search(tmp_path) -> None:  # type: ignore[no-untyped-def]
    data = write_fixture_dir(tmp_path / "ttl")
    res = CliRunner().invoke(
        cli,
        ["search", "Еңбекмині", "-n", "1", "-f", "tsv", "--store", str(tmp_path / "s"), "--data", str(data)],
    )
    assert res.exit_code == 0, res.output
    head, row = res.stdout.splitlines()
    assert head == "?score\t?kind\t?node\t?date\t?status\t?text"
    assert (
        '\t"agency"\t<https://w3id.org/kglaw/agency/ministry-of-labour-and-social-protection-of-population>\t'
        in row
    )


def test_a_word_glued_to_its_neighbours_is_still_found(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rdflib import Dataset, Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    ds = Dataset(default_union=True)
    g = ds.graph(URIRef("https://w3id.org/kglaw/graph/glued"))
    m = URIRef(
        "https://w3id.org/kglaw/eli/kz/resolution/government/2019-05-28/326/plan/action-plan/measure/80"
    )
    g.add((m, RDF.type, URIRef("https://w3id.org/kglaw/ontology#Measure")))
    g.add((m, RDFS.label, Literal("теміржолкөлігіменжол жүруге50 % жеңілдік", lang="kk")))
    hits = search(ds, "көлігімен")
    assert [h.iri for h in hits] == [str(m)]
    assert hits[0].score < 1  # found inside a word, ranked below a whole-word match


def test_the_query_as_written_ranks_above_a_longer_word_it_begins() -> None:
    from kglaw.search import _score, _variants

    query = _variants("мүгедектерді", "kk")
    exact = "Қазақстан Республикасында мүгедектерді әлеуметтік қорғау туралы"
    longer = (
        "Мүгедектердің құқықтары туралы конвенция"  # shorter text, but "мүгедектердің" only begins with it
    )
    s_exact = _score(query, _variants(exact, "kk"), normalize("мүгедектерді"), exact)
    s_longer = _score(query, _variants(longer, "kk"), normalize("мүгедектерді"), longer)
    assert s_exact > s_longer > 0
