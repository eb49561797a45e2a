"""The narrow-wrapped plan table (cells hard-wrapped to a narrow column, cells split by blank lines).

Seed 002 (resolution 1142: the new wording of the action plan of the National Plan to 2025). Expected
values are copied from the research notes (research/seeds/002.md §3.2–§3.4, §7), not from the parser's
output. Names and forms are compared without whitespace: the PDF wrapped words at the column edge, and
where a full-width line has no trailing space the text cannot say whether the word ended there
(002.md §3.3, ``бойынша`` ⏎ ``өзгерісте``).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from kglaw.model import Document, Measure, Programme
from kglaw.parse.normalize import normalize_text
from kglaw.parse.plans import layout_narrow_wrapped as narrow
from kglaw.parse.plans import parse_plans
from kglaw.parse.plans.layout_narrow_wrapped import collapse_spaced, join_cell_lines

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


def _ws(text: str | None) -> str:
    return re.sub(r"\s", "", text or "")


@pytest.fixture(scope="module")
def plan_002() -> tuple[Programme, Document]:
    path = next(RAW.glob("002_*.txt"))
    text = path.read_text(encoding="utf-8")
    lines, _ = normalize_text(text)
    doc = Document(source=path.name)
    programmes = parse_plans(lines, doc, raw_lines=text.split("\n"))
    assert len(programmes) == 1
    return programmes[0], doc


def _m(prog: Programme, number: str) -> Measure:
    return next(m for m in prog.measures if m.number == number)


# ----------------------------------------------------------------------------------------- counts


def test_002_counts_89_complete_rows_and_row_90_cut_off(plan_002):
    prog, doc = plan_002
    assert [m.number for m in prog.measures] == [str(n) for n in range(1, 91)]
    assert prog.rows_seen == 90
    assert prog.rows_parsed == 89
    assert [m.number for m in prog.measures if m.incomplete] == ["90"]
    assert any(w.code == "plan-row-incomplete" and str(w.span) == "4143-4157" for w in doc.warnings)


def test_002_nine_sections_with_their_rows(plan_002):
    prog, _ = plan_002
    assert [(s.key, s.span.start) for s in prog.sections] == [
        ("1", 191),
        ("2", 696),
        ("3", 1447),
        ("4", 2160),
        ("5", 2890),
        ("6", 3251),
        ("7", 3428),
        ("8", 3642),
        ("9", 4115),
    ]
    titles = {s.key: s.title for s in prog.sections}
    assert titles["1"] == "Мүгедектік профилактикасы және оның алдын алу"
    assert (
        titles["5"] == "Арнаулы әлеуметтік көрсетілетін қызметтер мен тариф белгілеу стандарттарын жетілдіру"
    )
    assert titles["8"] == "Кедергісіз орта"
    ranges = {
        "1": (1, 9),
        "2": (10, 29),
        "3": (30, 44),
        "4": (45, 62),
        "5": (63, 67),
        "6": (68, 72),
        "7": (73, 77),
        "8": (78, 88),
        "9": (89, 90),
    }
    for m in prog.measures:
        lo, hi = ranges[m.section]
        assert lo <= int(m.number) <= hi, m.number


def test_002_programme_is_the_national_plan_of_resolution_326(plan_002):
    prog, _ = plan_002
    assert prog.kind == "plan" and prog.key == "plan"
    assert prog.title == (
        "Қазақстан Республикасында мүгедектігі бар адамдардың құқықтарын қамтамасыз ету "
        "және тұрмыс сапасын жақсарту жөніндегі 2025 жылға дейінгі ұлттық жоспар"
    )
    for ref in (prog.approved_by, prog.replaces_appendix_of):
        assert ref is not None
        assert (ref.type, ref.issuer.key, ref.date, ref.number) == (
            "resolution",
            "government",
            date(2019, 5, 28),
            "326",
        )
    assert prog.period_end == 2025


# -------------------------------------------------------------------------------- rows, field by field

# (number, section, span, name, form, executors, deadline raw, (start, end), cost, source or None)
ROWS = [
    (
        "1",
        "1",
        (193, 247),
        (
            '"Қазақстан Республикасының кейбір заңнамалық актілеріне мүгедектігі бар адамдардың тұрмыс сапасын '
            'жақсарту мәселелері бойынша өзгерістер мен толықтырулар енгізу туралы" Қазақстан Республикасының Заңы '
            "жобасының тұжырымдамасын әзірлеу"
        ),
        "Тұжырымдама жобасы",
        ["Еңбекмині", "ДСМ", "БҒМ", "ИИДМ", "МСМ", "ЦДИАӨМ", "АҚДМ", "ІІМ", "ЖАО"],
        "2020 жыл",
        ((2020, 1, 1), (2020, 12, 31)),
        "талап етілмейді",
        None,
    ),
    # page break inside the row; the deadline comes after it (002.md §3.3)
    (
        "5",
        "1",
        (502, 552),
        (
            '"Жүктілікті жасанды түрде үзу ережесін бекіту туралы" Қазақстан Республикасы Денсаулық сақтау '
            "министрінің міндетін атқарушының 2009 жылғы 30 қазандағы № 626 бұйрығына әйелдердің репродуктивті "
            "денсаулығын сақтау бөлігінде өзгерістер енгізу"
        ),
        "бұйрық",
        ["ДСМ", "ЖАО"],
        "2020 жыл",
        ((2020, 1, 1), (2020, 12, 31)),
        "талап етілмейді",
        None,
    ),
    # the number printed after the page break, in the middle of the row (L736)
    (
        "11",
        "2",
        (726, 759),
        "Білім беру ұйымдарында инклюзивті мәдениетті қалыптастыру жөніндегі шаралардың орындалуын мониторингтеу",
        "Еңбекминіне ақпарат",
        ["ҒЖБМ", "ОМ", "ЖАО"],
        "жыл сайын",
        ((2019, 1, 1), (2025, 12, 31)),
        "талап етілмейді",
        None,
    ),
    # number after a page break, funded from a budget programme, deadline split over three lines
    (
        "22",
        "2",
        (1120, 1179),
        (
            "Ерекше білім беруді қажет ететін балаларды жаңартылған бағдарлама бойынша оқулықтармен қамтамасыз ету "
            "(ірі қаріппен және Брайль қарпімен, ой-өрісінің бұзушылықтары бар балаларға)"
        ),
        "Еңбекминіне ақпарат",
        ["БҒМ"],
        "2019 – 2021 жылдар",
        ((2019, 1, 1), (2021, 12, 31)),
        "көзделген қаражат шегінде",
        '099 "Сапалы мектеп біліміне қолжетімділікті қамтамасыз ету" бюджеттік бағдарламасы шеңберінде',
    ),
    # number missing; the name holds a displaced suffix (бұйрығын / а) and runs over a page break
    (
        "35",
        "3",
        (1698, 1817),
        (
            '"Тауарларды және (немесе) көрсетілетін қызметтерді берушілерді әлеуметтік көрсетілетін қызметтер '
            "порталына жіберу, оларды әлеуметтік көрсетілетін қызметтер порталында тіркеу немесе тіркеуден шығару "
            'қағидаларын бекіту туралы" Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің '
            "міндетін атқарушының 2022 жылғы 16 ақпандағы № 60 бұйрығына жергілікті атқарушы органдардың өнім "
            "берушілердің белгіленген біліктілік талаптарына сәйкестігін бақылау жөніндегі комиссиясының "
            "әлеуметтік көрсетілетін қызметтер порталы арқылы өткізілетін тауарлар мен көрсетілетін қызметтерді "
            "берушілерге және құзыретіне қойылатын біліктілік талаптарын қайта қарау бөлігінде өзгерістер енгізу"
        ),
        "Еңбекминінің бұйрығы",
        ["Еңбекмині", "ЖАО"],
        "2023 жыл",
        ((2023, 1, 1), (2023, 12, 31)),
        "талап етілмейді",
        None,
    ),
    # glued number (L2346 "48 н і ң"), an executor glued to the measure text (L2342 "бөлімдері ҰЭМ,")
    (
        "48",
        "4",
        (2334, 2369),
        (
            "Өңірлік жұмыспен қамту және әлеуметтік бағдарламалар бөлімдерінің ұйымдарын трансформациялау бойынша "
            "ұсыныстар тұжырымдау"
        ),
        "Еңбекмині ұсыныстар",
        ["ҰЭМ", "ЖАО"],
        "2023 жыл",
        ((2023, 1, 1), (2023, 12, 31)),
        "талап етілмейді",
        None,
    ),
    # glued number (L3402 "72 педагогта"); executors split by a page break (L3397–3398, L3422–3424)
    (
        "72",
        "6",
        (3383, 3426),
        (
            "Ұйымдардың әлеуметтік қызметкерлеріне, сондай-ақ білім беру саласындағы әлеуметтік педагогтар мен "
            "әлеуметтік психологтарға еңбекақы төлеу жүйесін қайта қарау жөнінде ұсыныстар енгізу"
        ),
        "Еңбекминіне ұсыныстар",
        ["ДСМ", "ОМ", "Қаржымині", "ІІМ"],
        "2024 жыл",
        ((2024, 1, 1), (2024, 12, 31)),
        "талап етілмейді",
        None,
    ),
    # funding source interleaved with the measure text (L3475–3480)
    (
        "74",
        "7",
        (3464, 3532),
        (
            "Балалар-жасөспірімдер спорт мектептерінде, жоғары спорт шеберлігі мектептерінде, олимпиадалық дайындық "
            "орталықтарында және олимпиадалық резервті даярлау орталықтарында мүгедек спортшыларға жаттығу процесін "
            "ұйымдастыруды қамтамасыз ету"
        ),
        "Еңбекминіне ақпарат",
        ["МСМ", "ЖАО"],
        "жыл сайын",
        ((2019, 1, 1), (2025, 12, 31)),
        "көзделген қаражат шегінде",
        '036 "Жоғары жетістіктер спортын дамыту" бюджеттік бағдарламасы шеңберінде',
    ),
    # four cells on one line (L3750 "бұйрық ИИДМ 2019 жыл көзделген қаражат "), interleaved source
    (
        "80",
        "8",
        (3722, 3773),
        (
            "І топтағы мүгедектігі бар адамдар және мүгедектігі бар балалар үшін теміржол көлігімен жол жүруге 50 % "
            "мөлшерінде жеңілдік белгілеу"
        ),
        "бұйрық",
        ["ИИДМ"],
        "2019 жыл",
        ((2019, 1, 1), (2019, 12, 31)),
        "көзделген қаражат шегінде",
        (
            '015 "Әлеуметтік маңызы бар облысаралық қатынастар бойынша теміржол жолаушылар тасымалдарын '
            'субсидиялау" бюджеттік бағдарламасы шеңберінде'
        ),
    ),
    # number missing; "ҚР" / "СТ 2191-" / " 2 0 1 2" split over lines
    (
        "87",
        "8",
        (4001, 4065),
        (
            '"Ақпараттық технологиялар: мүмкіндігі шектеулі адамдар үшін интернет-ресурстың қолжетімділігі" ҚР СТ '
            "2191-2012 ұлттық стандартын, сондай-ақ Мемлекеттік органдардың интернет-ресурстарын (2021 жылғы 2 "
            "сәуірдегі № 114/НҚ) халықаралық стандарттарға сәйкес ақпараттық толықтыру қағидаларын қайта қарау "
            "бойынша ұсыныстар тұжырымдау"
        ),
        "Еңбекминіне ұсыныстар",
        ["ЦДИӨДМ", "АҚДМ"],
        "2024 жыл",
        ((2024, 1, 1), (2024, 12, 31)),
        "талап етілмейді",
        None,
    ),
    (
        "89",
        "9",
        (4117, 4141),
        "Көру қабілеті ауытқыған адамдар қатарынан массаж жасаушылар курстарын ұйымдастыру жөнінде ұсыныстар енгізу",
        "Еңбекминіне ұсыныстар",
        ["ЖАО"],
        "2020 жыл",
        ((2020, 1, 1), (2020, 12, 31)),
        "талап етілмейді",
        None,
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_002_row_fields_match_the_research_notes(plan_002, row):
    number, section, (first, last), name, form, executors, raw, (start, end), cost, source = row
    m = _m(plan_002[0], number)
    assert m.section == section
    assert (m.span.start, m.span.end) == (first, last)
    assert _ws(m.name) == _ws(name)
    assert _ws(m.form) == _ws(form)
    assert [e.raw for e in m.executors] == executors
    assert not any(e.by_agreement for e in m.executors)
    assert m.deadline is not None and _ws(m.deadline.raw) == _ws(raw)
    assert (m.deadline.start, m.deadline.end) == (date(*start), date(*end))
    assert m.cost_raw == cost
    assert m.funding_required is (cost != "талап етілмейді")
    assert m.funding_source == source if source is None else _ws(m.funding_source) == _ws(source)
    assert m.amounts == []  # the plan states no money (002.md §3.1)
    assert not m.incomplete


def test_002_row_2_target_indicator_from_the_eighth_column(plan_002):
    m = _m(plan_002[0], "2")
    assert (m.span.start, m.span.end) == (251, 383)
    assert m.form == "Еңбекминіне ақпарат" and [e.raw for e in m.executors] == ["ДСМ", "ЖАО"]
    assert m.deadline.kind == "annual"
    note = next(n for n in m.notes if n.startswith("target indicator"))
    for year, value in [(2019, 88), (2020, 89), (2021, 90), (2022, 91), (2023, 92), (2024, 93)]:
        assert f"{year} – {value} %" in note
    assert "қамту үлесі" in note


def test_002_row_42_executor_printed_before_the_measure_and_by_agreement(plan_002):
    m = _m(plan_002[0], "42")
    assert (m.span.start, m.span.end) == (2007, 2066)
    assert _ws(m.name) == _ws(
        "Аутистік спектрі ауытқыған және басқа ауытқуы бар балалар үшін күндіз болатын "
        "орталықтар құру мәселесін пысықтау"
    )
    assert [(_ws(e.raw), e.by_agreement) for e in m.executors] == [
        ("ЖАО", False),
        (_ws('Қазақстан Республикасының Тұңғыш Президенті – Елбасының "Қамқорлық" қоры'), True),
        (_ws('"Самұрық-Қазына" ұлттық әл-ауқат қоры" АҚ'), True),
        (_ws('"Қазақстан халқына" қоғамдық қоры'), True),
    ]
    assert m.deadline.raw == "2022 – 2025 жылдар"


def test_002_row_90_is_kept_incomplete(plan_002):
    m = _m(plan_002[0], "90")
    assert m.incomplete and m.section == "9"
    assert (m.span.start, m.span.end) == (4143, 4157)
    assert _ws(m.name) == _ws(
        "Жұмысқа орналасу процесінде мүгедектігі бар адамдарды технологиялық сүйемелдеуді пайдалан"
    )
    assert m.form is None and m.executors == [] and m.deadline is None


# ------------------------------------------------------------------------------ aggregates (§3.4, §5)


def test_002_funded_rows_and_rows_without_local_bodies(plan_002):
    prog, _ = plan_002
    complete = [m for m in prog.measures if not m.incomplete]
    assert sorted(int(m.number) for m in complete if m.funding_required) == [3, 19, 22, 33, 74, 80]
    assert sorted(int(m.number) for m in complete if "ЖАО" not in [e.raw for e in m.executors]) == [
        19,
        22,
        43,
        46,
        63,
        72,
        80,
        87,
        88,
    ]


def test_002_deadline_counts(plan_002):
    prog, _ = plan_002
    counts = Counter(re.sub(r"\s+", " ", m.deadline.raw) for m in prog.measures if m.deadline)
    assert counts == Counter(
        {
            "2020 жыл": 25,
            "2023 жыл": 25,
            "жыл сайын": 14,
            "2021 жыл": 11,
            "2019 жыл": 4,
            "2024 жыл": 4,
            "2022 жыл": 2,
            "2022 – 2025 жылдар": 2,
            "2019 – 2023 жылдар": 1,
            "2019 – 2021 жылдар": 1,
        }
    )


def test_002_rows_whose_number_is_absent_are_numbered_by_position_and_say_so(plan_002):
    prog, _ = plan_002
    absent = {32, 35, 39, 42, 45, 46, 52, 63, 64, 65, 66, 67, 68, 69, 70, 71, 73, 74, 76, 77, 79, 80, 85, 87}
    noted = {int(m.number) for m in prog.measures if any("not printed" in n for n in m.notes)}
    assert noted == absent
    assert {int(m.number) for m in prog.measures if m.number_assigned} == absent


# -------------------------------------------------------------------------------- the general rules


def test_collapse_letter_spaced_narrow_lines():
    assert collapse_spaced("ы ң  ") == "ың "
    assert collapse_spaced("І І М ,  ") == "ІІМ, "
    assert collapse_spaced('0 6 7  "') == '067 "'
    assert collapse_spaced("ЖАО ж ы л  ") == "ЖАО жыл "
    assert collapse_spaced("ы ерте ") == "ы ерте "


def test_join_cell_lines_uses_trailing_spaces_as_word_ends():
    assert join_cell_lines(["Еңбекми", "н і н е  ", "ақпарат"]) == "Еңбекминіне ақпарат"
    assert join_cell_lines(["ЦДИАӨ", "М ,  ", "АҚДМ, "]) == "ЦДИАӨМ, АҚДМ,"


RU_TABLE = """План мероприятий

№
п/п

Мероприя
тие
Форма 
завершен
ия

Ответств
енные 
исполнит
ели

Срок 
исполнен
ия

Предпола
гаемые 
расходы 
(тыс. 
тенге)

Источник
и 
финансир
ования

1 2 3 4 5 6 7

1. Профилактика инвалидности

1

Разработа
ть 
правила 
скрининга

приказ

МЗ, МТСЗН

2024 год не требуется

2

Провести 
мониторин
г 
доступност
и 



объектов

информа
ция в 
МТСЗН

МИО 
(по 
согласов
анию)

ежегодно

в пределах 
предусмот
ренных 
средств

местный 
бюджет

2. Безбарьерная среда

3

Обеспечи
ть 
доступ
"""


def test_russian_narrow_table_rows_sections_page_break_and_cut_off_row():
    lines = RU_TABLE.split("\n")
    assert narrow.detect(lines, 0, len(lines)) >= 0.5
    table = narrow.read_table(lines, 0, len(lines), period=(2024, 2026))
    assert [(s.key, s.title) for s in table.sections] == [
        ("1", "Профилактика инвалидности"),
        ("2", "Безбарьерная среда"),
    ]
    assert table.rows_seen == 3 and table.rows_parsed == 2
    first, second, third = table.measures
    assert first.name == "Разработать правила скрининга" and first.form == "приказ"
    assert [e.raw for e in first.executors] == ["МЗ", "МТСЗН"]
    assert first.deadline.raw == "2024 год" and first.funding_required is False
    assert second.name == "Провести мониторинг доступности объектов"  # continued after the page break
    assert second.form == "информация в МТСЗН"
    assert [(e.raw, e.by_agreement) for e in second.executors] == [("МИО", True)]
    assert second.deadline.kind == "annual" and second.deadline.start == date(2024, 1, 1)
    assert second.funding_required is True and second.funding_source == "местный бюджет"
    assert third.incomplete and third.section == "2"
    assert any(w.code == "plan-row-incomplete" for w in table.warnings)


def test_join_cell_lines_separates_full_width_words_the_document_writes_whole():
    vocab = {"бойынша", "өзгерістер", "мен"}
    assert join_cell_lines(["бойынша", "өзгерісте", "р мен "], vocab) == "бойынша өзгерістер мен"
    assert join_cell_lines(["Қазақста", "н "], vocab) == "Қазақстан"  # a split word stays glued
    assert join_cell_lines(["скринингпен;", "3) жаңа "]) == "скринингпен;3) жаңа"  # no vocabulary: as written
    assert join_cell_lines(["скринингпен;", "3) жаңа "], vocab) == "скринингпен; 3) жаңа"
    assert join_cell_lines(['"', "Қазақста", "н "], vocab) == '"Қазақстан'  # an opening quote glues


def test_002_names_read_words_split_at_full_width_lines(plan_002):
    # L.214–216: "бойынша" fills its line, "өзгерісте" / "р мен " follows (002.md §3.3)
    assert "бойынша өзгерістер мен толықтырулар" in _m(plan_002[0], "1").name


RU_MONEY = """№
п/п

Мероприя
тие

Форма 
заверше
ния

Ответств
енные 
исполнит
ели

Срок 
исполне
ния

Расходы 
(тыс. 
тенге)

Источни
к

1 2 3 4 5 6 7

1. Реабилитация

1

Открыть 
центр

акт

МИО

2021 год

2021 г. – 
1 500,0

местный 
бюджет

2

Провести 
обучение

приказ

МТСЗН

2022 год

не 
требуется
"""


def test_narrow_table_reads_money_amounts_as_the_cost_cell():
    lines = RU_MONEY.split("\n")
    table = narrow.read_table(lines, 0, len(lines))
    assert table.rows_seen == table.rows_parsed == 2
    first, second = table.measures
    assert [(str(a.value), a.unit, a.year) for a in first.amounts] == [("1500.0", "тыс. тенге", 2021)]
    assert first.funding_required is True and first.funding_source == "местный бюджет"
    assert second.amounts == [] and second.funding_required is False
