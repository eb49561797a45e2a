"""Pinpoint citations (units of acts) and international conventions, Kazakh and Russian.

One test per pattern; the texts are in tests/texts (kk_/ru_pinpoint_citations, kk_report_benefits_under_
headings, kk_/ru_conventions).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kglaw.model import Citation, Document, Span
from kglaw.parse.citations import citation_context, find_citations, find_refs
from kglaw.parse.document import parse_file
from kglaw.parse.normalize import join_lines, normalize_line

TEXTS = Path(__file__).parent / "texts"


@pytest.fixture(scope="module")
def kk() -> Document:
    return parse_file(TEXTS / "kk_pinpoint_citations.txt")


@pytest.fixture(scope="module")
def ru() -> Document:
    return parse_file(TEXTS / "ru_pinpoint_citations.txt")


def paths(doc: Document) -> list[tuple[str, ...]]:
    return [tuple(f"{k}-{n}" for k, n in c.provision.path) for c in doc.citations]


def at(doc: Document, *path: str) -> Citation:
    found = [c for c in doc.citations if tuple(f"{k}-{n}" for k, n in c.provision.path) == path]
    assert len(found) == 1, paths(doc)
    return found[0]


def cites(text: str) -> list[Citation]:
    j = join_lines([normalize_line(text)])
    return find_citations(j, find_refs(j))


# -- Kazakh ------------------------------------------------------------------------------------------


def test_kk_article_after_the_law_in_the_genitive(kk: Document) -> None:
    c = at(kk, "article-27")
    assert (c.act.type, c.act.number, c.act.date) == ("law", "148-II", date(2001, 1, 23))
    assert c.text == "27-бабына" and c.span == Span(3, 3) and c.inferred is None
    assert c.context is not None and c.context.startswith(
        "Қазақстан Республикасының 2001 жылғы 23 қаңтардағы"
    )


def test_kk_subpoint_of_a_point_of_an_article_of_a_code(kk: Document) -> None:
    c = at(kk, "article-610", "point-1", "subpoint-3")
    assert (c.act.type, c.act.title) == ("code", "Салық кодексі") and c.span == Span(5, 5)
    assert c.text == "610-бабы 1-тармағының 3) тармақшасына"


def test_kk_point_of_the_plan_an_act_approved(kk: Document) -> None:
    c = at(kk, "point-3.2")
    assert (c.act.type, c.act.number, c.document) == ("resolution", "1241", "plan")
    assert c.span == Span(3, 4)


def test_kk_list_of_units_gives_one_citation_per_unit(kk: Document) -> None:
    assert at(kk, "article-89", "point-1").text == at(kk, "article-89", "point-3").text


def test_kk_bare_article_after_a_citation_of_the_same_code(kk: Document) -> None:
    c = at(kk, "article-127")
    assert (c.act.title, c.inferred) == ("Еңбек кодексі", "preceding")


def test_kk_unit_of_this_act_is_not_a_citation(kk: Document) -> None:
    assert ("point-1",) not in paths(kk)  # "Осы қаулының 1-тармағында көзделген"
    assert len(kk.citations) == 6


def test_kk_bare_article_under_a_heading_that_names_a_code_the_text_cites() -> None:
    doc = parse_file(TEXTS / "kk_report_benefits_under_headings.txt")
    c = at(doc, "article-54")
    assert (c.act.type, c.act.title, c.inferred, c.span) == ("code", "Еңбек кодексі", "heading", Span(15, 15))
    assert c.context == (
        "Жұмыс берушінің 54-бапқа сәйкес мүгедек баланы тәрбиелеп отырған жалғызбасты ата-анамен "
        "еңбек шартын бұзуға құқығы жоқ;"
    )
    assert at(doc, "article-546", "subpoint-7").inferred == "preceding"


def test_bare_article_under_a_heading_that_names_no_cited_code_is_not_a_citation() -> None:
    doc = parse_file(TEXTS / "kk_report_benefits_under_headings.txt")
    assert ("article-12",) not in paths(doc)  # "ТҰРҒЫН ҮЙ ЖЕҢІЛДІКТЕРІ … 12-бапқа сәйкес"


def test_bare_article_with_no_act_before_it_is_not_a_citation() -> None:
    assert cites("Жұмыс беруші 54-бапқа сәйкес еңбек шартын бұза алмайды.") == []


# -- Russian -----------------------------------------------------------------------------------------


def test_ru_article_before_the_law(ru: Document) -> None:
    c = at(ru, "article-27")
    assert (c.act.type, c.act.number, c.text, c.span) == ("law", "148-II", "статьей 27", Span(3, 3))
    assert c.context is not None and c.context.startswith("В соответствии со статьей 27 Закона")


def test_ru_subpoint_point_article_innermost_first(ru: Document) -> None:
    c = at(ru, "article-610", "point-1", "subpoint-3")
    assert (c.act.type, c.act.number, c.text) == ("code", "120-VI", "подпунктом 3) пункта 1 статьи 610")


def test_ru_point_of_an_article_of_a_code_named_by_its_subject(ru: Document) -> None:
    c = at(ru, "article-54", "point-3")
    assert (c.act.type, c.act.title, c.span) == ("code", "Трудовой кодекс", Span(5, 5))


def test_ru_point_of_the_plan_an_act_approved(ru: Document) -> None:
    c = at(ru, "point-3.2")
    assert (c.act.number, c.document, c.text) == ("1241", "plan", "пункта 3.2")


def test_ru_unit_of_this_act_is_not_a_citation(ru: Document) -> None:
    assert ("point-1",) not in paths(ru)  # "в пункте 1 настоящего постановления"
    assert len(ru.citations) == 4


# -- context ----------------------------------------------------------------------------------------


def test_context_is_the_sentence_and_a_date_or_number_dot_does_not_end_it() -> None:
    t = "Бірінші. Үкіметтің 2004 жылғы 30.11.2004 ж. бекітілген жоспарының 3.2. тармағы орындалсын; келесі."
    i = t.index("3.2.")
    assert citation_context(t, i, i + 12) == (
        "Үкіметтің 2004 жылғы 30.11.2004 ж. бекітілген жоспарының 3.2. тармағы орындалсын;"
    )


# -- international conventions and treaties ----------------------------------------------------------


@pytest.fixture(scope="module")
def kk_conv() -> Document:
    return parse_file(TEXTS / "kk_conventions.txt")


def instruments(doc: Document) -> dict[str, tuple]:
    return {
        r.title: (r.type, r.date, r.issuer.key if r.issuer else None, r.span)
        for r in doc.cites + doc.based_on
        if r.type in ("convention", "treaty") and r.title
    }


def test_kk_convention_with_the_adoption_its_sentence_states(kk_conv: Document) -> None:
    got = instruments(kk_conv)
    assert got["Бала құқықтары туралы конвенция"] == (
        "convention",
        date(1989, 11, 20),
        "un-general-assembly",
        Span(13, 13),
    )
    assert got["Мүгедектердің құқықтары туралы конвенция"] == (
        "convention",
        date(2006, 12, 13),
        "un-general-assembly",
        Span(15, 17),
    )


def test_kk_ratification_date_is_not_an_adoption_date(kk_conv: Document) -> None:
    got = instruments(kk_conv)
    assert got["Мүгедектігі бар адамдардың құқықтары туралы конвенция"] == (
        "convention",
        None,
        None,
        Span(19, 19),
    )


def test_kk_treaty_named_inside_the_title_of_a_ratification_law(kk_conv: Document) -> None:
    title = "Зағиптардың жария етілген туындыларға қол жеткізуін жеңілдету туралы Марракеш шарты"
    assert instruments(kk_conv)[title] == ("treaty", None, None, Span(21, 21))


def test_kk_contract_and_plural_treaties_are_not_instruments(kk_conv: Document) -> None:
    assert len(instruments(kk_conv)) == 4  # "еңбек шартын", "халықаралық шарттарға" name none


def test_kk_each_mention_of_an_instrument_is_a_citation_of_it(kk_conv: Document) -> None:
    whole = [c for c in kk_conv.citations if not c.provision.path]
    assert [c.span.start for c in whole if c.span] == [11, 13, 15, 19, 21]


def test_ru_convention_and_treaty() -> None:
    doc = parse_file(TEXTS / "ru_conventions.txt")
    got = instruments(doc)
    assert got["Конвенция о правах ребенка"] == (
        "convention",
        date(1989, 11, 20),
        "un-general-assembly",
        Span(9, 9),
    )
    assert got["Конвенция о правах инвалидов"][:3] == (
        "convention",
        date(2006, 12, 13),
        "un-general-assembly",
    )
    marrakesh = "Марракешский договор об облегчении доступа слепых лиц к опубликованным произведениям"
    assert got[marrakesh] == ("treaty", None, None, Span(13, 13))
    assert len(got) == 3  # "трудовой договор", "Гражданский договор подряда" are contracts


def test_kk_point_of_rules_approved_by_an_order() -> None:
    (c,) = cites(
        "Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 30 қазандағы № ҚР ДСМ-175/2020 "
        "бұйрығымен бекітілген медициналық оңалту көрсету Қағидаларының 5-тармағына сәйкес жүргізіледі."
    )
    assert (c.act.type, c.act.number, c.document, c.provision.path) == (
        "order",
        "ҚР ДСМ-175/2020",
        "rules",
        [("point", "5")],
    )


def test_kk_unit_after_a_short_name_in_brackets() -> None:
    (c,) = cites(
        "«Халықты жұмыспен қамту туралы» Қазақстан Республикасының 2016 жылғы 6 сәуірдегі Заңының "
        "(бұдан әрі – Заң) 9-бабының 2-тармағына сәйкес ұсынылады."
    )
    assert (c.act.date, c.provision.path) == (date(2016, 4, 6), [("article", "9"), ("point", "2")])


def test_ru_abbreviated_units() -> None:
    (c,) = cites("согласно п. 3 ст. 54 Трудового кодекса Республики Казахстан работодатель не вправе")
    assert (c.act.title, c.provision.path, c.text) == (
        "Трудовой кодекс",
        [("article", "54"), ("point", "3")],
        "п. 3 ст. 54",
    )


def test_ru_point_of_rules_approved_by_an_order() -> None:
    (c,) = cites(
        "в соответствии с пунктом 5 Правил оказания медицинской реабилитации, утвержденных приказом Министра "
        "здравоохранения Республики Казахстан от 7 октября 2020 года № ҚР ДСМ-116/2020, проводится"
    )
    assert (c.act.type, c.act.number, c.document, c.text) == (
        "order",
        "ҚР ДСМ-116/2020",
        "rules",
        "пунктом 5",
    )


def test_kk_ratification_law_ratifies_the_convention_its_title_names() -> None:
    doc = parse_file(TEXTS / "kk_ratification_law.txt")
    assert (doc.act.type, doc.act.number) == ("law", "288-V")
    assert (
        doc.act.ratifies is not None and doc.act.ratifies.title == "Мүгедектердің құқықтары туралы конвенция"
    )
    assert doc.act.ratifies.date is None  # "2006 жылғы 13 желтоқсанда жасалған" states no adopting body


def test_a_cited_ratification_law_ratifies_the_instrument_inside_its_title(kk_conv: Document) -> None:
    (law,) = [r for r in kk_conv.cites if r.type == "law"]
    assert law.ratifies is not None and law.ratifies.type == "treaty"
    ru = parse_file(TEXTS / "ru_conventions.txt")
    (law,) = [r for r in ru.cites if r.type == "law"]
    assert law.ratifies is not None and law.ratifies.title is not None
    assert law.ratifies.title.startswith("Марракешский договор")


def ru_cites(*lines: str) -> list[Citation]:
    j = join_lines([normalize_line(x) for x in lines])
    return find_citations(j, find_refs(j), list(lines))


def test_ru_bare_unit_after_a_citation_of_the_same_code() -> None:
    got = ru_cites(
        "Освобождаются от уплаты госпошлины согласно подпункту 1) статьи 546 Налогового кодекса Республики "
        "Казахстан, а также согласно подпункту 7) статьи 546 при выдаче номерных знаков."
    )
    assert [(c.provision.slug(), c.inferred) for c in got] == [
        ("article-546/subpoint-1", None),
        ("article-546/subpoint-7", "preceding"),
    ]


def test_ru_bare_article_under_a_heading_that_names_a_code_the_text_cites() -> None:
    got = ru_cites(
        "Проанализированы: 1. Трудовой кодекс; 2. Налоговый кодекс.",
        "ТРУДОВЫЕ ЛЬГОТЫ",
        "- работодатель согласно статье 54 не вправе расторгнуть трудовой договор с одиноким родителем;",
    )
    (c,) = got
    assert (c.act.title, c.provision.slug(), c.inferred) == ("Трудовой кодекс", "article-54", "heading")
    assert (
        c.context
        == "работодатель согласно статье 54 не вправе расторгнуть трудовой договор с одиноким родителем;"
    )


def test_ru_code_named_by_its_adjective_gets_the_nominative_the_authority_knows() -> None:
    (tax,) = ru_cites(
        "согласно подпункту 1) статьи 546 Налогового кодекса Республики Казахстан освобождаются"
    )
    (labour,) = ru_cites("согласно статье 54 Трудового кодекса Республики Казахстан не вправе")
    assert (tax.act.title, labour.act.title) == ("Налоговый кодекс", "Трудовой кодекс")
