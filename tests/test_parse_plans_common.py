"""Helpers shared by the plan-table layouts: cells, executors, legend, amounts, passport, funding."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kglaw.model import Document
from kglaw.parse.plans import parse_plans
from kglaw.parse.plans.amounts import find_amounts, is_no_funding, normalize_unit, parse_number
from kglaw.parse.plans.common import (
    join_cell,
    page_breaks,
    parse_abbreviation_legend,
    repair_split_words,
    row_number,
    split_blocks,
    split_executors,
)
from kglaw.parse.plans.passport import parse_funding, parse_passport


def _execs(lines: list[str]) -> list[tuple[str, bool]]:
    return [(e.raw, e.by_agreement) for e in split_executors(list(enumerate(lines)))]


# --- executors -------------------------------------------------------------------------------------


def test_one_ministry_with_and_in_its_name_is_one_executor() -> None:
    assert _execs(["Еңбек және халықты әлеуметтік қорғау министрлігі"]) == [
        ("Еңбек және халықты әлеуметтік қорғау министрлігі", False)
    ]


def test_abbreviations_joined_by_and_are_split() -> None:
    assert _execs(["Еңбекмині, ДСМ және БҒМ, ЖАО"]) == [
        ("Еңбекмині", False),
        ("ДСМ", False),
        ("БҒМ", False),
        ("ЖАО", False),
    ]


def test_russian_executors_with_po_soglasovaniyu() -> None:
    assert _execs(["МТСЗН, МЗ, акиматы областей (по согласованию)"]) == [
        ("МТСЗН", False),
        ("МЗ", False),
        ("акиматы областей", True),
    ]


def test_by_agreement_split_over_lines() -> None:
    # 000.md L1101–1103: "әкімдер, ІІД (" / "кел і с ім" / "бойынша)"
    assert _execs(["Барлық деңгейдегі", "әкімдер, ІІД (", "кел і с ім", "бойынша)"]) == [
        ("Барлық деңгейдегі әкімдер", False),
        ("ІІД", True),
    ]


def test_by_agreement_standing_after_a_comma_qualifies_the_previous_executor() -> None:
    # 000.md L608–611: "Еж ХәҚМҚОБД" / ", (келісім" / "бойынша)," / "ҚОЖҚҮ ж әБД,"
    execs = split_executors(
        list(enumerate(["Еж ХәҚМҚОБД", ", (келісім", "бойынша),", "ҚОЖҚҮ ж әБД,"], start=607))
    )
    assert [(e.raw, e.by_agreement) for e in execs] == [("Еж ХәҚМҚОБД", True), ("ҚОЖҚҮ ж әБД", False)]
    assert (execs[0].span.start, execs[0].span.end) == (608, 610)  # 1-based lines
    assert (execs[1].span.start, execs[1].span.end) == (611, 611)


def test_kelisu_boiynsha_on_the_next_line() -> None:
    assert _execs(['"Атамекен" ҰКП', "(келісу бойынша)"]) == [('"Атамекен" ҰКП', True)]


def test_a_bare_word_before_a_comma_belongs_to_the_next_name() -> None:
    assert _execs(["Аудан,", "Қызылорда", "қаласының", "әкімдері"]) == [
        ("Аудан, Қызылорда қаласының әкімдері", False)
    ]
    assert _execs(["Қызылорда облысының сәулет, қала құрылысы және құрылыс департаменті"]) == [
        ("Қызылорда облысының сәулет, қала құрылысы және құрылыс департаменті", False)
    ]


def test_line_break_after_a_whole_name_separates_executors() -> None:
    assert _execs(["Аудан, Қызылорда", "қаласының", "әкімдері", "ІІД (келісім", "бойынша)"]) == [
        ("Аудан, Қызылорда қаласының әкімдері", False),
        ("ІІД", True),
    ]


def test_hyphenated_executor_is_repaired() -> None:
    assert _execs(["Облыстық", "білім беру", "басқар-масы,", "қалалық білім", "беру бөлімі"]) == [
        ("Облыстық білім беру басқармасы", False),
        ("қалалық білім беру бөлімі", False),
    ]


def test_russian_akimats_of_oblasts_and_cities_are_one_executor() -> None:
    # "акиматы областей, городов Астаны, Алматы и Шымкента": the genitive goes on after the comma
    assert _execs(["МТСЗН, акиматы областей, городов Астаны, Алматы и Шымкента, МНЭ"]) == [
        ("МТСЗН", False),
        ("акиматы областей, городов Астаны, Алматы и Шымкента", False),
        ("МНЭ", False),
    ]
    assert _execs(["акиматы областей, города Шымкента (по согласованию)"]) == [
        ("акиматы областей, города Шымкента", True)
    ]


def test_empty_executor_cell() -> None:
    assert split_executors([]) == []


# --- cells ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "parts,text",
    [
        (
            ["психологиялық-педа-", "гогикалық консультация құру"],
            "психологиялық-педагогикалық консультация құру",
        ),
        (["Шығын", "дарды талап", "етпей-ді"], "Шығындарды талап етпейді"),
        (["Білім беру", "басқарма", "сының бұйрығы"], "Білім беру басқармасының бұйрығы"),
        (["Құрманғазы аудан- дары (2003", "жыл", ")"], "Құрманғазы аудандары (2003 жыл)"),
        (
            ["жұқпалы емес аурулардың (", "артериялдық қан қысымы"],
            "жұқпалы емес аурулардың (артериялдық қан қысымы",
        ),
        (["медициналық-педагогикалық", "түзеу"], "медициналық-педагогикалық түзеу"),
        (
            ['"Біздің қолымыздан', 'бәрі келеді"» фестивальдерін'],
            '"Біздің қолымыздан бәрі келеді" фестивальдерін',
        ),
    ],
)
def test_join_cell(parts: list[str], text: str) -> None:
    assert join_cell(parts) == text


@pytest.mark.parametrize(
    "word", ["ата-аналар", "ауру-сырқау", "ақыл-ой", "іс-шара", "өзіне-өзі", "мәдени-тұрмыстық"]
)
def test_real_compounds_keep_their_hyphen(word: str) -> None:
    assert repair_split_words(word) == word


@pytest.mark.parametrize(
    "line,n", [("12", 12), (" 7 ", 7), ("3.", 3), ("12 Атырау", None), ("2 )", None), ("", None)]
)
def test_row_number(line: str, n: int | None) -> None:
    assert row_number(line) == n


def test_blocks_and_page_breaks() -> None:
    lines = ["a", "b", "", "c", "", "", "", "d"]
    blocks = split_blocks(lines, 0, len(lines))
    assert [b.texts for b in blocks] == [["a", "b"], ["c"], ["d"]]
    assert [b.after_break for b in blocks] == [False, False, True]
    assert page_breaks(lines, 0, len(lines)) == {7}


# --- abbreviation legend -----------------------------------------------------------------------------


def test_legend_without_heading_wrapped_and_across_a_page_break() -> None:
    lines = [
        "      ҚОЖҚҮ жәБД - Қызылорда облыстық жұмыспен қамтуды үйлестіру және ",
        "әлеуметтік бағдарламалар департаменті ,  ",
        "      ЕжХәҚМҚОБД - Еңбек және халықты әлеуметтік қорғау Министрлігінің ",
        "Қызылорда облысы бойынша департаменті (келісім бойынша) ",
        "      ЭжБЖД - Қызылорда облысының экономика және бюджеттік жоспарлау ",
        "департаменті",
        "",
        "",
        "",
        "      ІІД - Қызылорда облысының ішкі істер департаменті ",
    ]
    legend, span = parse_abbreviation_legend(lines, 0, len(lines))
    assert legend == {
        "ҚОЖҚҮ жәБД": "Қызылорда облыстық жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар департаменті",
        "ЕжХәҚМҚОБД": "Еңбек және халықты әлеуметтік қорғау Министрлігінің Қызылорда облысы бойынша департаменті",
        "ЭжБЖД": "Қызылорда облысының экономика және бюджеттік жоспарлау департаменті",
        "ІІД": "Қызылорда облысының ішкі істер департаменті",
    }
    assert span is not None and (span.start, span.end) == (1, 10)


def test_legend_under_a_heading_accepts_word_abbreviations() -> None:
    lines = [
        "Еңбекмині – Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрлігі",
        "",
        "ЖАО – жергілікті атқарушы органдар",
    ]
    legend, _ = parse_abbreviation_legend(lines, 0, 3, headed=True)
    assert legend["Еңбекмині"].startswith("Қазақстан Республикасының Еңбек")
    assert legend["ЖАО"] == "жергілікті атқарушы органдар"
    # without a heading a one-capital word is not taken for an abbreviation
    assert "Еңбекмині" not in parse_abbreviation_legend(lines, 0, 3)[0]


def test_no_legend() -> None:
    assert parse_abbreviation_legend(["Бұл жай мәтін.", "тағы бір жол"], 0, 2) == ({}, None)


# --- amounts -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value",
    [
        ("22856,0", "22856.0"),
        ("436,29", "436.29"),
        ("16 757", "16757"),
        ("3 258,96", "3258.96"),
        ("-466,30", "466.30"),
        ("6970, 23", "6970.23"),
        ("2865.7", "2865.7"),
        ("1\u00a0500", "1500"),
    ],
)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["абв", "", "12,3,4", "1 23"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text,unit",
    [
        ("млн. теңге", "mln KZT"),
        ("млн теңге", "mln KZT"),
        ("мың теңгені", "thousand KZT"),
        ("мың теңге", "thousand KZT"),
        ("млрд теңге", "bn KZT"),
        ("тыс. тенге", "thousand KZT"),
        ("млн. тенге", "mln KZT"),
        ("миллионов тенге", "mln KZT"),
        ("теңге", "KZT"),
        ("жыл", None),
    ],
)
def test_normalize_unit(text: str, unit: str | None) -> None:
    assert normalize_unit(text) == unit


@pytest.mark.parametrize(
    "text,found",
    [
        ("2006ж - 70,5", [("70.5", None, 2006)]),
        ("2006ж.-4,4; 2007ж.- 4,6", [("4.4", None, 2006), ("4.6", None, 2007)]),
        ("2006 - 157,18 2007 - 165,0", [("157.18", None, 2006), ("165.0", None, 2007)]),
        ("2006 жылы - 436,29 млн. теңге;", [("436.29", "mln KZT", 2006)]),
        ("2008 жылы -75,3 млн. теңге.", [("75.3", "mln KZT", 2008)]),
        ("жалпы шығындар 6970, 23 млн. теңгені", [("6970.23", "mln KZT", None)]),
        ("2003 жылға 8706,0 мың теңге", [("8706.0", "thousand KZT", 2003)]),
        ("в 2024 году – 1 250,5 млн. тенге", [("1250.5", "mln KZT", 2024)]),
        ("2025 год - 300 тыс. тенге", [("300", "thousand KZT", 2025)]),
        ("2006-2008 жылдар", []),
        ("2003 жыл", []),
    ],
)
def test_find_amounts(text: str, found: list[tuple[str, str | None, int | None]]) -> None:
    assert [(str(a.value), a.unit, a.year) for a in find_amounts(text)] == found


@pytest.mark.parametrize(
    "text,none",
    [
        ("Шығындарды қажет етпейді", True),
        ("Шығынды қажет етпейді", True),
        ("Шығын дарды талап етпей-ді", True),
        ("талап етілмейді", True),
        ("қаржыландыру талап етілмейді", True),
        ("Не требует финансирования", True),
        ("не требуется", True),
        ("т.е.", True),
        ("Бюджетте бөлінген қаржы көлемінде", False),
        ("2006ж - 70,5", False),
    ],
)
def test_is_no_funding(text: str, none: bool) -> None:
    assert is_no_funding(text) is none


# --- passport and funding ----------------------------------------------------------------------------


def test_passport_labels_inline_alone_and_wrapped() -> None:
    lines = [
        "Бағдарламаның паспорты",
        "Бағдарламаның атауы Облыстық бағдарлама",
        "",
        "Әзірлеу үшін негіз",
        "",
        "Заң",
        "Бағдарламаның ",
        "міндеттері",
        "",
        "бірінші;",
        "екінші",
        "Орындалу мерзімі 2006-2008 жылдар",
        "",
        "КІРІСПЕ",
        "Мәтін",
    ]
    fields, stop = parse_passport(lines, 0, len(lines))
    assert {f.key: f.value for f in fields} == {
        "name": "Облыстық бағдарлама",
        "basis": "Заң",
        "tasks": "бірінші; екінші",
        "period": "2006-2008 жылдар",
    }
    assert stop == 13


def test_russian_passport() -> None:
    lines = [
        "Паспорт программы",
        "Наименование программы Программа развития",
        "Цель программы Улучшение",
        "Сроки реализации 2025-2027 годы",
        "Источники финансирования Республиканский бюджет",
    ]
    fields, _ = parse_passport(lines, 0, len(lines))
    assert {f.key: f.value for f in fields} == {
        "name": "Программа развития",
        "goal": "Улучшение",
        "period": "2025-2027 годы",
        "funding": "Республиканский бюджет",
    }


def test_funding_sources_and_years() -> None:
    items = list(
        enumerate(
            [
                "Оның ішінде: республикалық бюджеттен - 6343,27 млн. теңге, оның ішінде:",
                "2006 жылы -194,28 млн. теңге;",
                "облыстық бюджеттен -466,30 млн. теңге, оның ішінде:",
                "2006 жылы -181,54 млн. теңге;",
            ]
        )
    )
    got = [(str(a.value), a.unit, a.year, a.source) for a in parse_funding(items)]
    assert got == [
        ("6343.27", "mln KZT", None, "republican budget"),
        ("194.28", "mln KZT", 2006, "republican budget"),
        ("466.30", "mln KZT", None, "oblast budget"),
        ("181.54", "mln KZT", 2006, "oblast budget"),
    ]


def test_a_list_of_sources_sets_no_source() -> None:
    items = list(
        enumerate(
            [
                "Республикалық және жергілікті бюджет, сондай-ақ басқа да қаражаттар:",
                "2006 жылы - 436,29 млн. теңге;",
            ]
        )
    )
    assert [(a.year, a.source) for a in parse_funding(items)] == [(2006, None)]


def test_percentages_and_counts_are_not_money() -> None:
    assert parse_funding(list(enumerate(["мүгедектердің саны 19669 адам немесе 3,1 пайызы"]))) == []


# --- robustness ---------------------------------------------------------------------------------------


def test_text_without_plans() -> None:
    doc = Document(source="x.txt")
    assert parse_plans(["Бұл заң.", "", "1-бап. Мәтін."], doc) == []
    assert doc.warnings == []


def test_plan_heading_with_unreadable_table_is_reported_not_raised() -> None:
    lines = [
        "Бағдарламаның паспорты",
        "Атауы Бағдарлама",
        "Орындалу мерзімі 2020-2022 жылдар",
        "",
        "Бағдарламаны іске асыру жөніндегі іс-шаралар жоспары",
        "",
        "бірдеңе",
        "тағы",
    ]
    doc = Document(source="x.txt")
    progs = parse_plans(lines, doc)
    assert (
        len(progs) == 1
        and progs[0].measures == []
        and (progs[0].period_start, progs[0].period_end) == (2020, 2022)
    )
    assert [w.code for w in doc.warnings] == ["plan-layout-unknown"]


# --- anchors: stamps, titles, kinds, plan headings -------------------------------------------------------


def test_russian_stamp_directly_above_the_title() -> None:
    text = (
        "Утверждена\nпостановлением акимата области\nот 11 апреля 2003 года № 98\n"
        "Программа поддержки детей на 2003-2005 годы\nПаспорт программы\nНаименование Программа\n"
        "Сроки реализации 2003-2005 годы\n"
    )
    (prog,) = parse_plans(text.split("\n"), Document(source="x.txt"))
    assert prog.title == "Программа поддержки детей на 2003-2005 годы"
    assert prog.kind == "programme" and prog.span is not None and prog.span.start == 1


@pytest.mark.parametrize(
    "title,kind",
    [
        (
            "Қазақстан Республикасындағы инклюзивті саясаттың 2025 – 2030 жылдарға арналған тұжырымдамасы",
            "concept",
        ),
        ("Концепция инклюзивной политики на 2025-2030 годы", "concept"),
        ("Мүгедектердің құқықтарын қамтамасыз ету жөніндегі 2025 жылға дейінгі ұлттық жоспар", "plan"),
        ("Программа развития образования на 2020-2025 годы", "programme"),
    ],
)
def test_kind_of_the_document(title: str, kind: str) -> None:
    text = f"{title}\nПаспорт\nАтауы {title}\n"
    (prog,) = parse_plans(text.split("\n"), Document(source="x.txt"))
    assert prog.kind == kind


def test_plan_heading_wrapped_over_two_lines() -> None:
    from kglaw.parse.plans import find_plan_headings

    lines = ["Мәтін.", "", "Бағдарламаны іске асыру жөніндегі іс-шаралар", "жоспары", "", "1"]
    assert find_plan_headings(lines) == [(2, 3)]
    assert find_plan_headings(["іс-шаралар жоспарының 3.2. тармағы"]) == []


def test_passport_word_in_running_text_is_not_a_programme() -> None:
    lines = [
        "Азаматтың жеке басын куәландыратын құжаты, паспорты немесе жеке куәлігі",
        "ұсынылады.",
        "Документ удостоверяющий личность: паспорт гражданина.",
    ]
    assert parse_plans(lines, Document(source="x.txt")) == []


def test_layout_detection_also_sees_the_raw_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: TAB-only cell separators vanish in normalised lines, so a TAB-cell table was given
    to another layout. The registry now shows each detector the raw lines too."""
    import types

    import kglaw.parse.plans as plans

    seen: list[bool] = []

    def detect(lines: list[str], start: int, end: int) -> float:
        tabs = any(ln == "\t" for ln in lines[start:end])
        seen.append(tabs)
        return 0.9 if tabs else 0.0

    fake = types.SimpleNamespace(
        __name__="kglaw.parse.plans.fake",
        detect=detect,
        parse=lambda lines, start, end, ctx: plans.LayoutResult(rows_seen=0),
    )
    monkeypatch.setattr(plans, "LAYOUT_MODULES", ["fake"])
    monkeypatch.setitem(plans._loaded, "fake", fake)
    raw = ["\t", "1.", "\t", "Іс-шара"]
    norm = [ln.rstrip() for ln in raw]
    assert plans.choose_layout(norm, 0, 4) == (None, 0.0)
    assert plans.choose_layout(norm, 0, 4, raw) == (fake, 0.9)
    assert seen == [False, False, True]


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("Болжамды шығындар (мың теңге)", "volume"),
        ("Қажетті қаражат (млн. теңге)", "volume"),
        ("Предполагаемые затраты (млн. тенге)", "volume"),
        ("Стоимость, тыс. тенге", "volume"),
        ("Необходимые средства", "volume"),
        ("Қаржыландыру көздері", "source"),
        ("Источник средств", "source"),
    ],
)
def test_cost_and_source_columns_under_their_other_names(header: str, role: str) -> None:
    from kglaw.parse.plans.columns import column_role

    assert column_role(header) == role


def test_passport_in_tab_cells_under_a_one_line_stamp() -> None:
    # "Утверждена решением … № 17/4" is the stamp, not part of the title; "Источники и объемы
    # финансирования" is the funding label; "2. Анализ текущей ситуации" ends the passport
    from pathlib import Path

    from kglaw.parse.document import parse_file

    doc = parse_file(
        Path(__file__).parent / "texts" / "ru_programme_passport_in_tab_cells_one_line_stamp.txt"
    )
    (prog,) = doc.programmes
    assert (
        prog.title == "Программа развития инклюзивного образования Павлодарской области на 2023 – 2025 годы"
    )
    assert prog.passport["period"] == "2023 – 2025 годы"
    assert prog.passport["funding"].startswith("местный бюджет: 2023 год – 150,0 млн. тенге")
    assert [(a.year, a.value) for a in prog.funding] == [
        (2023, Decimal("150.0")),
        (2024, Decimal("160.0")),
        (2025, Decimal("170.0")),
    ]


@pytest.mark.parametrize(
    "label",
    [
        "Қаржыландыру көздері мен көлемдері",
        "Қаржыландыру көлемі мен көздері",
        "Қаржыландыру көздері",
        "Источники и объемы финансирования",
        "Объемы и источники финансирования",
    ],
)
def test_funding_label_is_read_whole(label: str) -> None:
    from kglaw.parse.plans.passport import parse_passport

    fields, _ = parse_passport(["Паспорт", f"{label}\tжергілікті бюджет – 150,0 млн. теңге"], 0, 2)
    assert [(f.key, f.value) for f in fields] == [("funding", "жергілікті бюджет – 150,0 млн. теңге")]


@pytest.mark.parametrize(
    ("cost", "required"),
    [
        ("қосымша қаражатты талап етпейді", False),
        ("бөлінген қаражат шегінде", True),
        ("в рамках средств, предусмотренных на содержание", True),
        ("в пределах выделенных средств", True),
    ],
)
def test_funding_required_read_from_its_other_phrasings(cost: str, required: bool) -> None:
    from kglaw.parse.plans.columns import funding_required

    assert funding_required(cost) is required
