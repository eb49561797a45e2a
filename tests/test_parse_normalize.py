"""Normalisation keeps line i = original line i and repairs the quirks of copied acts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kglaw.parse.normalize import (
    collapse_letter_spacing,
    fix_lookalikes,
    fix_number_sign,
    fix_roman_numerals,
    html_to_text,
    is_html,
    join_lines,
    normalize_text,
    repair_displaced,
    strip_navigation,
)

TEXTS = Path(__file__).parent / "texts"


def test_letter_spaced_words_collapse():
    assert (
        collapse_letter_spacing("2 0 0 5  ж ы л ғ ы  2 0  ж е л т о қ с а н д а ғ ы")
        == "2005 жылғы 20 желтоқсандағы"
    )


def test_letter_spacing_leaves_ordinary_double_spaces():
    line = '"Қазақстан Республикасында мүгедектерді әлеуметтік қорғау туралы"  Заңы'
    assert collapse_letter_spacing(line) == line


def test_column_number_row_is_not_a_spaced_number():
    assert collapse_letter_spacing("1 2 3 4 5 6 7 8") == "1 2 3 4 5 6 7 8"


def test_latin_lookalikes_inside_cyrillic_words():
    assert (
        fix_lookalikes("жөнiндегі әлеуметтiк cертификаттау ISO") == "жөніндегі әлеуметтік сертификаттау ISO"
    )


def test_roman_numerals_mixing_cyrillic_and_latin():
    assert (
        fix_roman_numerals("ХХIV сессиясы; ХХІ сессиясы; № 301-ІІ") == "XXIV сессиясы; XXI сессиясы; № 301-II"
    )


def test_roman_numeral_rule_leaves_words_alone():
    assert fix_roman_numerals("Іс-шаралар ХАЛЫҚ І топ") == "Іс-шаралар ХАЛЫҚ І топ"


def test_n_written_for_number_sign():
    assert (
        fix_number_sign("N 245 шешімі; N№301-II; 2006 жылғы 23 қаңтарда N")
        == "№ 245 шешімі; №301-II; 2006 жылғы 23 қаңтарда №"
    )


def test_displaced_link_after_colon_goes_to_line_start():
    assert (
        repair_displaced(" мынадай өзгерістер енгізілсін:қаулысына")
        == " қаулысына мынадай өзгерістер енгізілсін:"
    )


def test_displaced_link_goes_into_double_space_hole():
    line = "      2-бөлімнің  төртінші абзацы мынадай редакцияда жазылсын:1-тарауының"
    assert (
        repair_displaced(line) == "      2-бөлімнің 1-тарауының төртінші абзацы мынадай редакцияда жазылсын:"
    )


def test_displaced_link_before_space_colon():
    assert repair_displaced("      2-бөлімнің :6-тарауында") == "      2-бөлімнің 6-тарауында:"


def test_displaced_act_noun_goes_back_after_genitive():
    assert (
        repair_displaced("Республикасының , Қазақстан Республикасы Президентінің халқына Заңы")
        == "Республикасының Заңы, Қазақстан Республикасы Президентінің халқына"
    )


def test_displaced_number_glued_to_word_goes_into_hole():
    assert (
        repair_displaced("2004 жылғы 30 қарашадағы  қаулысымен бекітілгенN 1241")
        == "2004 жылғы 30 қарашадағы № 1241 қаулысымен бекітілген"
    )


def test_displaced_repair_leaves_noun_in_its_place():
    line = '"Кейбір актілерге өзгерістер енгізу туралы"  2021 жылғы 26 маусымдағы Қазақстан Республикасының Заңымен'
    assert repair_displaced(line) == line


def test_colon_labels_and_times_are_not_displaced_links():
    assert repair_displaced("Статус:Утратил силу") == "Статус:Утратил силу"
    assert repair_displaced("сағат 10:30 басталады") == "сағат 10:30 басталады"


def test_page_break_blank_lines_are_read_across():
    lines = ["Қазақстан", "", "", "", "Республикасы Үкіметінің қаулысы"]
    j = join_lines(lines)
    assert j.text == "Қазақстан Республикасы Үкіметінің қаулысы"
    assert str(j.span(0, len(j.text))) == "1-5"


def test_normalisation_keeps_the_line_map():
    text = (TEXTS / "kk_hyperlink_residue.txt").read_text(encoding="utf-8")
    lines, _ = normalize_text(text)
    assert len(lines) == len(text.split("\n"))
    assert lines[4] == " қаулысына мынадай өзгерістер енгізілсін:"


def test_html_page_is_detected_and_stripped_keeping_lines():
    page = (TEXTS / "ru_web_page.html").read_text(encoding="utf-8")
    assert is_html(page)
    text, kept = html_to_text(page)
    assert kept
    lines = text.split("\n")
    assert len(lines) == len(page.split("\n"))
    assert lines[10].strip().startswith("Решение Атырауского областного маслихата")
    assert "не текст" not in text and "<p>" not in text


def test_minified_html_loses_the_line_map_but_keeps_blocks():
    text, kept = html_to_text(
        "<html><body><p>Один</p><p>Два</p><p>Три</p><div>Четыре</div><br>Пять</body></html>"
    )
    assert not kept
    assert [x.strip() for x in text.split("\n") if x.strip()] == ["Один", "Два", "Три", "Четыре", "Пять"]


def test_site_navigation_is_blanked_not_deleted():
    lines = [
        "Главная | Законодательство | Поиск",
        "Русский Қазақша English",
        "Новый",
        "Решение маслихата",
        "Ақпарат",
        "© 2024 Институт законодательства и правовой информации РК",
    ]
    out, n = strip_navigation(lines)
    assert out == ["", "", "Новый", "Решение маслихата", "", ""]
    assert n == 4


def test_single_menu_word_inside_the_text_is_content():
    lines = ["Решение маслихата", "Ақпарат", "беру", "Решение"]
    out, n = strip_navigation(lines)
    assert out[1] == "Ақпарат" and n == 0


def test_space_put_back_between_ot_and_the_date_a_hyperlink_opened():
    from kglaw.parse.document import parse_text
    from kglaw.parse.normalize import space_after_ot

    assert space_after_ot("решением маслихата от28.06.2023 № 5") == "решением маслихата от 28.06.2023 № 5"
    assert space_after_ot("Сотқа 2 өтініш, отдел 5, от 1 мая") == "Сотқа 2 өтініш, отдел 5, от 1 мая"
    text = (
        "Об утверждении Правил\n"
        "Решение маслихата города Шымкент от 14 декабря 2018 года № 33/290-6с\n"
        "      Сноска. Утратило силу решением маслихата города Шымкент от28.06.2023 № 5/38-VIII.\n"
        "      Маслихат города Шымкент РЕШИЛ:\n"
    )
    doc = parse_text(text, "x.txt")
    assert doc.status == "repealed" and [(r.date, r.number) for r in doc.repealed_by] == [
        (date(2023, 6, 28), "5/38-VIII")
    ]
