"""Layout: action-plan tables copied from a web page — TAB-separated rows, or a cell per line
(kglaw.parse.plans.layout_cell_lines) — and the plan anchored by its stamp and title alone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from kglaw.model import Document
from kglaw.parse.document import parse_file
from kglaw.parse.plans import choose_layout, parse_plans
from kglaw.parse.plans import layout_cell_lines as layout

TEXTS = Path(__file__).parent / "texts"


def test_tab_rows_with_a_cell_cut_by_a_line_break() -> None:
    doc = parse_file(TEXTS / "ru_presidential_decree_concept_action_plan.txt")
    (plan,) = doc.programmes
    # not the section heading above it ("Раздел 2. …")
    assert plan.action_plan_title is not None and plan.action_plan_title.startswith(
        "План действий по реализации"
    )
    assert (plan.rows_seen, plan.rows_parsed) == (3, 3)
    m1, m2, m3 = plan.measures
    assert (m1.number, m1.form, m1.funding_required, m1.amounts) == ("1", "приказ", False, [])
    assert m1.deadline is not None and m1.deadline.end == date(2023, 12, 31)
    # "МП,\nакиматы областей (по согласованию)\tежегодно …": the second line ends the executors' cell
    assert [(e.raw, e.by_agreement) for e in m2.executors] == [("МП", False), ("акиматы областей", True)]
    assert m2.deadline is not None and m2.deadline.raw == "ежегодно, 25 января"
    assert m2.funding_source == "местный бюджет"
    assert [(a.value, a.year, a.unit) for a in m2.amounts] == [(Decimal("1250.5"), 2023, "млн. тенге")]
    assert m3.funding_source == "республиканский бюджет" and m3.deadline is not None
    assert not [w for w in doc.warnings if w.code.startswith("plan")]


def test_cell_lines_under_a_plan_anchored_by_its_stamp_and_title() -> None:
    # "Утвержден постановлением … № 960" then "Комплексный план …": no passport, no "План мероприятий"
    doc = parse_file(TEXTS / "ru_government_resolution_plan_cells_per_line.txt")
    (plan,) = doc.programmes
    assert plan.kind == "plan" and (plan.period_start, plan.period_end) == (2022, 2024)
    assert plan.title == "Комплексный план по трудоустройству лиц с инвалидностью на 2022 – 2024 годы"
    assert [m.number for m in plan.measures] == ["1", "2", "3"]
    m1, m2, m3 = plan.measures
    assert m1.form == "информация в Правительство" and m1.funding_source == "республиканский бюджет"
    assert [(a.year, a.value) for a in m1.amounts] == [
        (2022, Decimal("1520.0")),
        (2023, Decimal("1610.4")),
        (2024, Decimal("1700.0")),
    ]
    assert m2.funding_required is False and m2.amounts == []
    assert [e.raw for e in m2.executors] == ["акиматы областей, городов Астаны, Алматы и Шымкента"]
    assert m3.deadline is not None and m3.deadline.raw == "IV квартал 2022 года"
    assert [e.raw for e in m3.executors] == ["МТСЗН", "МНЭ"]


HEADER = [
    "№ п/п",
    "Наименование мероприятия",
    "Форма завершения",
    "Ответственные исполнители",
    "Срок исполнения",
]


def test_a_row_whose_lines_do_not_match_the_header_keeps_only_its_name() -> None:
    lines = [*HEADER, "1", "2", "3", "4", "5"]
    lines += ["1.", "Первое мероприятие", "приказ", "МТСЗН", "2024 год"]
    lines += ["2.", "Второе мероприятие", "длинное название,", "продолжение", "приказ", "МТСЗН", "2025 год"]
    assert layout.detect(lines, 0, len(lines)) == 0.8
    res = layout.parse(lines, 0, len(lines), None)
    m1, m2 = res.measures
    assert (m1.form, [e.raw for e in m1.executors], m1.incomplete) == ("приказ", ["МТСЗН"], False)
    assert (m2.name, m2.form, m2.executors, m2.deadline, m2.incomplete) == (
        "Второе мероприятие",
        None,
        [],
        None,
        True,
    )
    assert any("only the name is read" in w.message for w in res.warnings)


def test_cells_separated_by_blank_lines_are_left_to_the_other_layouts() -> None:
    lines = [
        *HEADER,
        "",
        "1.",
        "",
        "Первое мероприятие",
        "",
        "приказ",
        "",
        "МТСЗН",
        "",
        "2024 год",
        "",
        "2.",
        "",
        "x",
    ]
    assert layout.detect(lines, 0, len(lines)) == 0.0
    assert choose_layout(lines, 0, len(lines))[0] is not layout


def test_kazakh_plan_title_under_a_stamp() -> None:
    lines = [
        "Қазақстан Республикасы Үкіметінің 2021 жылғы 29 желтоқсандағы № 960 қаулысымен бекітілген",
        "Мүгедектігі бар адамдарды жұмысқа орналастыру жөніндегі 2022 – 2024 жылдарға арналған кешенді жоспар",
        "Р/с №\tІс-шараның атауы\tАяқталу нысаны\tЖауапты орындаушылар\tОрындау мерзімі",
        "1.\tКвота белгілеу\tбұйрық\tЕХӘҚМ\t2022 жыл",
        "2.\tЖәрмеңке өткізу\tақпарат\tоблыстардың әкімдіктері\t2023 жыл",
    ]
    (plan,) = parse_plans(lines, Document(source="x.txt"))
    assert plan.kind == "plan" and plan.title.endswith("кешенді жоспар")
    assert [(m.number, m.form, [e.raw for e in m.executors]) for m in plan.measures] == [
        ("1", "бұйрық", ["ЕХӘҚМ"]),
        ("2", "ақпарат", ["облыстардың әкімдіктері"]),
    ]


def test_a_stamp_over_rules_is_not_a_plan() -> None:
    lines = [
        "Утверждены приказом Министра от 1 марта 2024 года № 5",
        "Правила оказания социальной помощи",
        "Глава 1. Общие положения",
        "1. Настоящие Правила определяют порядок.",
    ]
    assert parse_plans(lines, Document(source="x.txt")) == []


def test_kazakh_tab_rows_with_plural_sources_and_a_name_whose_head_noun_comes_last() -> None:
    doc = parse_file(TEXTS / "kk_presidential_decree_concept_action_plan_tab_rows.txt")
    (plan,) = doc.programmes
    m1, m2 = plan.measures
    # "облыстардың, Астана, Алматы және Шымкент қалаларының әкімдіктері": one executor
    assert [e.raw for e in m1.executors] == [
        "ЕХӘҚМ",
        "ӨҚМ",
        "облыстардың, Астана, Алматы және Шымкент қалаларының әкімдіктері",
    ]
    assert m1.funding_required is False
    # "Қаржыландыру көздері" (plural) is the source column
    assert m2.funding_source == "жергілікті бюджет"
    assert [(a.year, a.value, a.source) for a in m2.amounts] == [
        (2023, Decimal("1250.5"), "жергілікті бюджет")
    ]
    assert [(e.raw, e.by_agreement) for e in m2.executors] == [
        ("ОМ", False),
        ("облыстардың әкімдіктері", True),
    ]


def test_a_concept_without_a_passport_is_read_from_its_stamp_and_title_and_owns_its_action_plan() -> None:
    # "УТВЕРЖДЕНА Указом … № 1021" / "Концепция … на 2023 – 2029 годы" … "План действий по реализации
    # Концепции …": one concept, its period from its title, the plan's rows its measures
    for name, title in (
        (
            "ru_presidential_decree_concept_action_plan.txt",
            "Концепция инклюзивной политики в Республике Казахстан на 2023 – 2029 годы",
        ),
        (
            "kk_presidential_decree_concept_action_plan_tab_rows.txt",
            "Қазақстан Республикасындағы инклюзивті саясаттың 2023 – 2029 жылдарға арналған тұжырымдамасы",
        ),
    ):
        doc = parse_file(TEXTS / name)
        (prog,) = doc.programmes
        assert (prog.kind, prog.title, prog.period_start, prog.period_end) == (
            "concept",
            title,
            2023,
            2029,
        ), name
        assert prog.approved_by is not None and prog.approved_by.number == "1021"
        assert len(prog.measures) in (2, 3) and prog.action_plan_title is not None


def test_a_programme_under_a_stamp_with_no_passport_and_no_plan() -> None:
    lines = [
        "Утверждена решением маслихата от 1 марта 2024 года № 5",
        "Программа поддержки лиц с инвалидностью на 2024 – 2026 годы",
        "      Глава 1. Общие положения",
        "      1. Программа определяет меры поддержки.",
    ]
    (prog,) = parse_plans(lines, Document(source="x.txt"))
    assert (prog.kind, prog.title, prog.period_start, prog.period_end, prog.measures) == (
        "programme",
        "Программа поддержки лиц с инвалидностью на 2024 – 2026 годы",
        2024,
        2026,
        [],
    )


def test_tab_rows_numbered_under_tasks() -> None:
    # "1\tЗадача 1. …" spans the row: a section; "1.1.", "1.2." are its measures
    doc = parse_file(TEXTS / "ru_akimat_plan_tab_rows_tasks_and_subnumbers.txt")
    (plan,) = doc.programmes
    assert [(s.key, s.title) for s in plan.sections] == [
        ("1", "Задача 1. Трудоустройство"),
        ("2", "Задача 2. Обучение"),
    ]
    assert [(m.number, m.section) for m in plan.measures] == [("1.1", "1"), ("1.2", "1"), ("2.1", "2")]
    assert [e.raw for e in plan.measures[1].executors] == ["УКЗСП", "акиматы районов"]
    assert not [w for w in doc.warnings if w.code.startswith("plan")]
