"""Target indicators with values by year: an action plan's target-indicator column, and a separate table
of target indicators (name, unit, baseline, one column per year, responsible bodies), in Kazakh and
Russian. Seed 002's expected values are copied from the research notes (research/seeds/002.md §6 and
§8 Q13), not from the parser's output; the fixtures in tests/texts are short texts in the published
layouts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kglaw.model import Indicator, Programme, Span
from kglaw.parse.document import parse_file
from kglaw.parse.plans.indicators import indicator_from_cell, parse_indicator_tables

TEXTS = Path(__file__).resolve().parent / "texts"
RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


def _programme(name: str) -> Programme:
    doc = parse_file(TEXTS / name)
    assert len(doc.programmes) == 1
    return doc.programmes[0]


def _by_measure(prog: Programme) -> dict[str | None, Indicator]:
    return {i.measure: i for i in prog.indicators if i.measure is not None}


# ------------------------------------------------------------------------- seed 002 (the National Plan)


@pytest.fixture(scope="module")
def plan_002() -> Programme:
    doc = parse_file(next(RAW.glob("002_*.txt")))
    assert len(doc.programmes) == 1
    return doc.programmes[0]


def test_002_row_2_screening_coverage_by_year_answers_q13(plan_002: Programme) -> None:
    ind = _by_measure(plan_002)["2"]
    assert ind.name == "қамту үлесі"
    assert ind.unit == "%"
    assert ind.targets == {2019: "88", 2020: "89", 2021: "90", 2022: "91", 2023: "92", 2024: "93"}
    assert ind.baseline is None  # the cell names no baseline
    # L325–336 and, after the page break, L382–383 (002.md §6); the percent sign sits on its own line
    assert ind.target_spans[2019] == Span(327, 328)
    assert ind.target_spans[2024] == Span(382, 383)
    assert ind.span == Span(325, 383)


def test_002_every_row_with_an_indicator_cell_has_its_indicator(plan_002: Programme) -> None:
    got = {m: (i.name, i.targets) for m, i in _by_measure(plan_002).items()}
    assert set(got) == {"2", "3", "4", "8", "44", "74", "80", "83"}  # 002.md §6, action-plan indicators
    assert got["3"] == (
        "тартылғандар үлесі",
        {2019: "30", 2020: "32", 2021: "34", 2022: "36", 2023: "38", 2024: "40"},
    )
    assert got["4"][1] == {2019: "20", 2020: "30", 2021: "35", 2022: "40", 2023: "45", 2024: "50"}
    assert got["8"] == ("үлес", {2022: "50", 2023: "55", 2024: "60"})
    assert got["44"] == ("оқытылғандардың үлесі", {2024: "75"})
    assert got["74"] == ("спортшылар үлесі", {2019: "11,7", 2020: "12,2", 2021: "12,7"})  # decimal commas
    assert got["83"][1] == {2020: "70", 2021: "80", 2022: "90", 2023: "100"}
    assert got["80"][1] == {}  # a non-numeric indicator: no values are made up


def test_002_indicator_cells_leave_the_measure_counts_alone(plan_002: Programme) -> None:
    assert len(plan_002.measures) == 90
    assert sum(1 for m in plan_002.measures if not m.incomplete) == 89


# -------------------------------------------------------- the indicator column of a narrow-wrapped plan


def test_narrow_column_kk_values_by_year_with_the_percent_on_its_own_line() -> None:
    prog = _programme("kk_plan_indicator_column.txt")
    got = _by_measure(prog)
    assert set(got) == {"1", "3"}  # row 2 has no indicator cell
    one = got["1"]
    assert (one.name, one.unit, one.targets) == ("қамту үлесі", "%", {2023: "90", 2024: "92,5", 2025: "95"})
    assert one.target_spans == {2023: Span(71, 72), 2024: Span(73, 74), 2025: Span(75, 76)}


def test_narrow_column_kk_baseline_named_in_the_cell() -> None:
    three = _by_measure(_programme("kk_plan_indicator_column.txt"))["3"]
    assert three.name == "оқытылғандар үлесі"
    assert three.baseline == "40 %"
    assert three.baseline_span == Span(116, 116)
    assert three.targets == {2024: "50", 2026: "70"}


def test_narrow_column_ru_values_with_god_and_baseline_year() -> None:
    got = _by_measure(_programme("ru_plan_indicator_column.txt"))
    assert (got["1"].name, got["1"].unit, got["1"].targets) == (
        "доля охвата",
        "%",
        {2023: "90", 2024: "92,5", 2025: "95"},
    )
    # "доля обученных, %:" — the unit in the label; values that fill the column are not glued together
    three = got["3"]
    assert (three.name, three.unit, three.baseline) == ("доля обученных", "%", "40 (2022)")
    assert three.targets == {2024: "50", 2026: "70"}


# ------------------------------------------------------ TAB-cell plans and separate indicator tables


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("kk_programme_indicator_table.txt", "қамтылғандар үлесі"),
        ("ru_programme_indicator_table.txt", "доля охваченных"),
    ],
)
def test_tab_cell_plan_indicator_column(name: str, label: str) -> None:
    ind = _by_measure(_programme(name))["1"]
    assert (ind.name, ind.unit, ind.targets) == (label, "%", {2021: "65", 2022: "70", 2023: "75"})
    assert "2" not in _by_measure(_programme(name))  # row 2's cell is "-": no indicator


@pytest.mark.parametrize(
    ("name", "share", "count", "unit"),
    [
        (
            "kk_programme_indicator_table.txt",
            "скринингпен қамтылған балалар үлесі",
            "тексерілген балалар саны",
            "адам",
        ),
        (
            "ru_programme_indicator_table.txt",
            "доля детей, охваченных скринингом",
            "количество обследованных детей",
            "человек",
        ),
    ],
)
def test_one_cell_with_two_numbered_indicators(name: str, share: str, count: str, unit: str) -> None:
    row3 = [i for i in _programme(name).indicators if i.measure == "3"]
    assert [(i.name, i.unit, i.targets) for i in row3] == [
        (share, "%", {2022: "40", 2023: "50"}),
        (count, unit, {2022: "1200", 2023: "1500"}),
    ]
    assert row3[1].span is not None and row3[1].span.start == row3[0].span.end + 1  # type: ignore[union-attr]


def test_indicator_table_kk_name_unit_baseline_years_responsible() -> None:
    table = [i for i in _programme("kk_programme_indicator_table.txt").indicators if i.measure is None]
    assert [i.name for i in table] == [
        "Оңалту қызметтерімен қамтылған мүгедектігі бар адамдардың үлесі",
        "Пандустармен жабдықталған нысандар саны",
    ]
    share, ramps = table
    assert (share.unit, share.baseline) == ("%", "60 (2020)")
    assert share.targets == {2021: "65", 2022: "70", 2023: "75"}
    assert [e.raw for e in share.responsible] == ["денсаулық сақтау басқармасы", "жұмыспен қамту басқармасы"]
    assert share.target_spans[2021] == Span(48, 48)
    # a "-" cell states no value for 2022: the year is absent, not zero
    assert (ramps.unit, ramps.targets) == ("бірлік", {2021: "150", 2023: "200"})
    assert [e.raw for e in ramps.responsible] == ["құрылыс басқармасы"]  # the plan heading stays out


def test_indicator_table_ru_reporting_year_and_by_agreement() -> None:
    table = [i for i in _programme("ru_programme_indicator_table.txt").indicators if i.measure is None]
    share, objects = table
    assert share.name == "Доля лиц с инвалидностью, охваченных реабилитационными услугами"
    assert (share.unit, share.baseline, share.targets) == (
        "%",
        "60 (2020)",
        {2021: "65", 2022: "70", 2023: "75"},
    )
    assert [(e.raw, e.by_agreement) for e in share.responsible] == [
        ("управление здравоохранения", False),
        ("управление занятости", True),
    ]
    assert (objects.unit, objects.targets) == ("единиц", {2021: "150", 2023: "200"})


def test_indicator_table_one_row_a_line() -> None:
    raw = [
        "Нысаналы индикаторлар",
        "Р/с №\tКөрсеткіштің атауы\tӨлшем бірлігі\t2022 жыл (есепті)\t2023 жыл\t2024 жыл\tЖауаптылар",
        "1\tЖұмыспен қамтылғандар үлесі\t%\t25\t27\t29\tЕңбекмині, ЖАО",
        "",
        "      Бағдарламаны іске асыру мемлекеттік органдардың бірлескен жұмысы арқылы жүзеге асырылады.",
    ]
    (ind,) = parse_indicator_tables(raw)
    assert (ind.name, ind.unit, ind.baseline) == ("Жұмыспен қамтылғандар үлесі", "%", "25 (2022)")
    assert ind.targets == {2023: "27", 2024: "29"}
    assert ind.span == Span(3, 3)


def test_a_heading_without_a_table_reads_nothing() -> None:
    raw = ["Целевые индикаторы", "      Достижение целевых индикаторов оценивается ежегодно.", ""]
    assert parse_indicator_tables(raw) == []


# ------------------------------------------------------------------------------------ a single cell


def test_cell_with_a_label_and_no_values_keeps_no_targets() -> None:
    ind = indicator_from_cell([(5, "жеңілдік ")], "жеңілдік", "9")
    assert ind is not None and (ind.name, ind.targets, ind.unit) == ("жеңілдік", {}, None)


def test_cell_year_words_and_dashes_vary() -> None:
    lines = [(1, "доля:"), (2, "2022- 40 "), (3, "2023 жылы – 45 %"), (4, "2024 г.: 50 %")]
    ind = indicator_from_cell(lines, "доля: 2022- 40 2023 жылы – 45 % 2024 г.: 50 %")
    assert ind is not None
    assert ind.targets == {2022: "40", 2023: "45", 2024: "50"}
    assert ind.unit is None  # the first value has no percent sign: the unit is not guessed
    assert ind.target_spans == {2022: Span(2, 2), 2023: Span(3, 3), 2024: Span(4, 4)}


def test_empty_cell_is_no_indicator() -> None:
    assert indicator_from_cell([(1, " ")], " ") is None


# ------------------------------------------------------------------------ a passport's indicator field


@pytest.mark.parametrize(
    ("name", "first", "second", "unit2", "at_least"),
    [
        (
            "kk_passport_indicators.txt",
            "мүгедектігі бар адамдарды жұмыспен қамту үлесі",
            "жұмысқа орналастырылған жастар саны",
            "адам",
            "кемінде",
        ),
        (
            "ru_passport_indicators.txt",
            "доля занятых лиц с инвалидностью",
            "количество трудоустроенных молодых людей",
            "человек",
            "не менее",
        ),
    ],
)
def test_passport_indicator_lines_give_values_by_year(
    name: str, first: str, second: str, unit2: str, at_least: str
) -> None:
    share, count = _programme(name).indicators
    assert (share.name, share.unit, share.targets) == (first, "%", {2022: "30", 2023: "33", 2024: "35"})
    # a bound the text puts on the value stays with it; the unit after every value is the unit
    assert (count.name, count.unit) == (second, unit2)
    assert count.targets == {2023: f"{at_least} 500", 2024: f"{at_least} 600"}
    assert share.span is not None and share.target_spans[2024] == share.span  # one line each


def test_passport_values_on_the_line_below_belong_to_the_indicator_above() -> None:
    from kglaw.parse.plans.indicators import passport_indicators

    lines = [
        (20, "1) жұмыспен қамту үлесі:"),
        (21, "2021 жылы – 40 %, 2022 жылы – 45 %;"),
        (22, "2) жастар саны."),
    ]
    first, second = passport_indicators(lines)
    assert (first.name, first.unit, first.targets) == ("жұмыспен қамту үлесі", "%", {2021: "40", 2022: "45"})
    assert first.span == Span(21, 22) and first.target_spans[2022] == Span(22, 22)
    assert (second.name, second.targets) == ("жастар саны", {})
