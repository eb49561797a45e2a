"""Passages: the running text split into headings, paragraphs and recommendations, with their lines."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from kglaw.model import Document, Passage
from kglaw.parse.document import parse_file, parse_text
from kglaw.parse.normalize import normalize_text
from kglaw.parse.passages import parse_passages

from .conftest import DATA_RAW

TEXTS = Path(__file__).resolve().parent / "texts"


@cache
def passages(name: str) -> tuple[Passage, ...]:
    return tuple(parse_file(TEXTS / name).passages)


def split(text: str) -> list[Passage]:
    """Passages of a snippet (no programme, so nothing is skipped)."""
    lines, _ = normalize_text(text)
    return parse_passages(lines, Document(source="snippet.txt"), raw_lines=text.split("\n"))


def containing(ps: tuple[Passage, ...] | list[Passage], words: str) -> Passage:
    found = [p for p in ps if words in p.text]
    assert len(found) == 1, [p.text for p in found]
    return found[0]


def lines_of(p: Passage) -> tuple[int, int]:
    return (p.span.start, p.span.end)


# -- paragraphs ---------------------------------------------------------------------------------------


def test_hard_wrapped_lines_are_one_paragraph_with_their_span() -> None:
    p = containing(passages("kk_programme_with_analysis.txt"), "21342")
    assert p.kind == "paragraph"
    assert p.text == (
        "2006 жылдың 1 қаңтарындағы жағдай бойынша облыста барлық санаттағы "
        "мүгедектердің саны 21342 адамды немесе тұрғындардың 3,2 пайызын құрады."
    )
    assert lines_of(p) == (20, 21)


def test_a_page_break_inside_a_sentence_does_not_end_the_paragraph() -> None:
    p = containing(passages("kk_programme_with_analysis.txt"), "Шипагер")
    assert "облыстық бюджеттен 8,2 млн. теңге жұмсалды." in p.text
    assert lines_of(p) == (22, 28)


def test_a_hyphen_at_a_line_end_is_kept_and_glued() -> None:
    p = containing(passages("kk_programme_with_analysis.txt"), "Шипагер")
    assert "ата-аналарды оқыту" in p.text


def test_an_indented_line_starts_a_new_paragraph() -> None:
    ps = split(
        "      Бірінші абзац осында аяқталады.\n"
        "      Екінші абзац бірінші жолы\n"
        "жалғасы осында.\n"
        "Түпкі жол.\n"
    )
    assert [p.text for p in ps] == [
        "Бірінші абзац осында аяқталады.",
        "Екінші абзац бірінші жолы жалғасы осында. Түпкі жол.",
    ]


def test_one_blank_line_separates_paragraphs_unless_the_text_goes_on_in_lower_case() -> None:
    ps = split("Первый абзац без отступа.\n\nВторой абзац, который\n\nпродолжается после пустой строки.\n")
    assert [p.text for p in ps] == [
        "Первый абзац без отступа.",
        "Второй абзац, который продолжается после пустой строки.",
    ]


def test_double_spaced_text_joins_across_the_single_blank_lines() -> None:
    p = containing(passages("kk_report_recommendations.txt"), "240 ата-ана")
    assert p.text == (
        "Зерттеуге 5 өңірден 240 ата-ана қатысты: Ақтөбе облысы, Павлодар облысы, Астана, Алматы және "
        "Шымкент қалалары."
    )
    assert lines_of(p) == (10, 12)


def test_one_paragraph_per_line_texts_keep_each_paragraph() -> None:
    ps = passages("ru_programme_with_analysis.txt")
    p = containing(ps, "4215")
    assert lines_of(p) == (17, 17)
    assert containing(ps, "1530 детей").span.start == 19


def test_table_cells_are_paragraphs_of_their_own_and_never_headings() -> None:
    ps = passages("ru_programme_with_analysis.txt")
    label = containing(ps, "Наименование Программы")
    assert label.kind == "paragraph" and label.text == "Наименование Программы"
    assert containing(ps, "Программа поддержки детей-инвалидов в Павлодарской").kind == "paragraph"


def test_list_items_are_paragraphs_of_their_own() -> None:
    ps = passages("kk_report_recommendations.txt")
    assert containing(ps, "Балабақшаға").text == "- Балабақшаға тегін бару (18-бап)"
    assert containing(ps, "Көлік салығы").text == "- Көлік салығы бойынша жеңілдіктер"


def test_flattened_table_fragments_give_no_passage() -> None:
    ps = split("Талдау мәтіні.\n\nР/с\n№\nІс-\nшара\nАяқталу\nнысаны\n\nКелесі абзац мәтіні.\n")
    assert [p.text for p in ps] == ["Талдау мәтіні.", "Келесі абзац мәтіні."]


# -- headings -------------------------------------------------------------------------------------------


def test_numbered_and_unnumbered_titles_are_headings_and_nest() -> None:
    ps = passages("kk_programme_with_analysis.txt")
    heads = {p.text: p for p in ps if p.kind == "heading"}
    assert "КІРІСПЕ" in heads
    assert "Мүгедектіктің қазіргі жағдайына талдау" in heads  # a title wrapped over two lines
    assert "2. Бағдарламаның негізгі бағыттары мен іске асыру тетіктері" in heads
    sub = heads["Медициналық оңалту"]
    assert sub.heading == ["2. Бағдарламаның негізгі бағыттары мен іске асыру тетіктері"]
    para = containing(ps, "квота сақталады")
    assert para.heading == ["2. Бағдарламаның негізгі бағыттары мен іске асыру тетіктері", "Кәсіби оңалту"]
    assert para.parent == heads["Кәсіби оңалту"].order
    # an unnumbered title closes the one before it: the analysis is not under the introduction
    assert containing(ps, "21342").heading == ["Мүгедектіктің қазіргі жағдайына талдау"]


def test_structural_headings_nest_by_kind_ru() -> None:
    ps = passages("ru_programme_with_analysis.txt")
    assert containing(ps, "4215").heading == ["Раздел 2. Анализ текущей ситуации"]
    p = containing(ps, "Путевки выдаются")
    assert p.heading == [
        "Раздел 2. Анализ текущей ситуации",
        "Глава 1. Реабилитация",
        "Санаторно-курортное лечение",
    ]


def test_section_and_chapter_headings_kk() -> None:
    ps = split(
        " 2-бөлім. Ағымдағы жағдайды талдау\n\n"
        "      Талдау мәтіні.\n"
        " 1-тарау. Даму кезеңдері\n\n"
        "      Бірінші кезеңде заң қабылданды.\n"
        " 3-бөлім. Халықаралық тәжірибеге шолу\n\n"
        "      Шолу мәтіні.\n"
    )
    assert containing(ps, "заң қабылданды").heading == [
        "2-бөлім. Ағымдағы жағдайды талдау",
        "1-тарау. Даму кезеңдері",
    ]
    assert containing(ps, "Шолу мәтіні").heading == ["3-бөлім. Халықаралық тәжірибеге шолу"]


def test_roman_sections_hold_numbered_headings() -> None:
    ps = passages("kk_report_recommendations.txt")
    assert containing(ps, "Ақшалай төлемдер").heading == [
        "II. Басқа елдердің тәжірибесі",
        "2. БЕЛАРУСЬ РЕСПУБЛИКАСЫ",
    ]


def test_a_signature_is_not_a_heading() -> None:
    ps = passages("kk_programme_with_analysis.txt")
    assert containing(ps, "Б. Сейітов").kind == "paragraph"
    assert containing(passages("ru_programme_with_analysis.txt"), "Председатель сессии").kind == "paragraph"


def test_a_short_line_that_ends_a_wrapped_sentence_is_not_a_heading() -> None:
    ps = split("Бұл сөйлем аяқталмаған және\n\nКелесі Жол Бас Әріппен\n\nЖаңа сөйлем.\n")
    assert all(p.kind == "paragraph" for p in ps)


# -- recommendations ------------------------------------------------------------------------------------


def test_numbered_items_under_a_recommendations_heading_are_recommendations() -> None:
    recos = [p for p in passages("kk_report_recommendations.txt") if p.kind == "recommendation"]
    assert [lines_of(p) for p in recos] == [(28, 32), (34, 42), (44, 46), (52, 52)]
    # the sub-item "3)" belongs to item 1, the rows "51." and "52." to item 2
    assert "3) мүгедектігі бар баланың" in recos[0].text
    assert "52. Серуендеуге" in recos[1].text


def test_a_paragraph_that_names_recommendations_heads_the_items_after_it() -> None:
    ps = passages("kk_report_recommendations.txt")
    head = containing(ps, "өңірлік бюджеттерге")
    assert head.kind == "heading"
    assert containing(ps, "оңалту орталықтарын").heading == ["V. Ұсыныстар", head.text]


def test_a_recommendation_targets_the_act_it_proposes_to_change_kk() -> None:
    recos = [p for p in passages("kk_report_recommendations.txt") if p.kind == "recommendation"]
    (labour,) = recos[0].targets
    assert (labour.type, labour.title, labour.pinpoint) == ("code", "Еңбек кодексі", "89-бап")
    assert labour.span is not None and labour.span.start == 28
    # "… Заңына сәйкес": the law is the ground of the proposal, not its target
    assert recos[2].targets == []


def test_a_recommendation_targets_the_act_it_proposes_to_change_ru() -> None:
    ps = passages("ru_report_recommendations.txt")
    recos = [p for p in ps if p.kind == "recommendation"]
    assert len(recos) == 3
    assert [(r.type, r.title) for r in recos[0].targets] == [("code", "Социальный кодекс")]
    assert recos[1].targets == []  # "В соответствии с Законом …"
    assert "б) в школах." in recos[1].text
    assert [(r.type, r.title) for r in recos[2].targets] == [("code", "Трудовой кодекс")]


def test_paragraphs_outside_a_recommendations_section_are_not_recommendations() -> None:
    ps = passages("ru_report_recommendations.txt")
    assert containing(ps, "180 семей").kind == "paragraph"


# -- the document parser ---------------------------------------------------------------------------------


def test_passages_are_in_text_order_and_numbered() -> None:
    ps = passages("kk_programme_with_analysis.txt")
    assert [p.order for p in ps] == list(range(1, len(ps) + 1))
    assert all(a.span.start <= b.span.start for a, b in zip(ps, ps[1:]))


def test_an_empty_text_has_no_passages() -> None:
    assert parse_text("", "empty.txt").passages == []


@pytest.mark.parametrize("seed", sorted(DATA_RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_no_passage_repeats_the_rows_of_a_parsed_action_plan(seed: Path) -> None:
    doc = parse_file(seed)
    assert doc.passages
    rows = [m.span for prog in doc.programmes for m in prog.measures if m.span is not None]
    for p in doc.passages:
        assert not any(r.start <= p.span.start <= r.end for r in rows), (p.span, p.text[:60])


def test_unnumbered_proposals_are_one_recommendation_each() -> None:
    ps = split(
        "      Выводы исследования изложены выше.\n"
        "Предложения:\n"
        "      Увеличить число педагогов-ассистентов в школах.\n"
        "      Внести изменения в Кодекс Республики Казахстан «О здоровье народа и системе здравоохранения».\n"
    )
    assert [p.kind for p in ps] == ["paragraph", "heading", "recommendation", "recommendation"]
    assert ps[3].targets and ps[3].targets[0].type == "code"


def test_articles_are_headings_under_their_chapter() -> None:
    ru = split(
        "Глава 13. Пособия\n"
        "Статья 183. Пособие лицу, воспитывающему ребенка с инвалидностью\n"
        "      1. Пособие назначается матери или отцу.\n"
        "Статья 184. Размер пособия\n"
        "      Статья 54 Трудового кодекса сохраняет место работы.\n"
    )
    assert containing(ru, "назначается").heading == [
        "Глава 13. Пособия",
        "Статья 183. Пособие лицу, воспитывающему ребенка с инвалидностью",
    ]
    assert containing(ru, "Статья 54").kind == "paragraph"  # prose that begins with an article
    assert containing(ru, "Статья 54").heading == ["Глава 13. Пособия", "Статья 184. Размер пособия"]
    kk = split(
        "13-тарау. Жәрдемақылар\n"
        "183-бап. Мүгедектігі бар баланы тәрбиелеушіге берілетін жәрдемақы\n"
        "      1. Жәрдемақы анасына немесе әкесіне тағайындалады.\n"
    )
    assert containing(kk, "анасына").heading == [
        "13-тарау. Жәрдемақылар",
        "183-бап. Мүгедектігі бар баланы тәрбиелеушіге берілетін жәрдемақы",
    ]


def test_a_title_in_capitals_ends_before_its_text() -> None:
    ps = split("Бірінші жол.\n\n1. РЕСЕЙ ФЕДЕРАЦИЯСЫ\n\nЗерттеу нәтижелері заңды талдауға\n\nнегізделген.\n")
    assert [p.text for p in ps][1:] == [
        "1. РЕСЕЙ ФЕДЕРАЦИЯСЫ",
        "Зерттеу нәтижелері заңды талдауға негізделген.",
    ]
    assert ps[2].heading == ["1. РЕСЕЙ ФЕДЕРАЦИЯСЫ"]


def test_a_list_item_wrapped_over_a_page_break_stays_one_paragraph() -> None:
    ps = split(
        "Мына заңдардың күші жойылды:\n\n"
        '5) "Балалы отбасыларға берілетін мемлекеттік жәрдемақылар туралы"\n\n\n\n'
        "Қазақстан Республикасының 2005 жылғы 28 маусымдағы Заңы;\n\n"
        '6) "Арнаулы әлеуметтік қызметтер туралы" Заңы.\n'
    )
    assert lines_of(containing(ps, "Балалы отбасыларға")) == (3, 7)
    assert containing(ps, "Балалы отбасыларға").text.endswith("28 маусымдағы Заңы;")
