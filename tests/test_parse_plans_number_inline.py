"""The "row number glued to the measure text" plan table (kglaw.parse.plans.layout_number_inline), on
seed 001.

Expected values are taken from research/seeds/001.md §5.1 (the measures table), §5.2 (the raw layout:
merged cells, empty cells, page breaks) and §2.2/§6 (passport and totals) — not from the parser.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kglaw.model import Document, Measure, Programme
from kglaw.parse.normalize import normalize_lines
from kglaw.parse.plans import choose_layout, find_plan_headings, parse_plans

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
SEED = next(RAW.glob("001_*.txt"))
D = Decimal
K = "thousand KZT"


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return normalize_lines(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsed(lines: list[str]) -> tuple[Programme, Document]:
    doc = Document(source=SEED.name)
    progs = parse_plans(lines, doc)
    assert len(progs) == 1
    return progs[0], doc


@pytest.fixture(scope="module")
def prog(parsed: tuple[Programme, Document]) -> Programme:
    return parsed[0]


def _m(prog: Programme, n: int) -> Measure:
    return next(m for m in prog.measures if m.number == str(n))


def test_layout_is_chosen_by_structure(lines: list[str]) -> None:
    ((first, last),) = find_plan_headings(lines)
    mod, score = choose_layout(lines, last + 1, len(lines))
    assert mod is not None and mod.__name__.endswith("layout_number_inline") and score >= 0.5


def test_counts(prog: Programme) -> None:
    assert [m.number for m in prog.measures] == [str(n) for n in range(1, 13)]
    assert (prog.rows_seen, prog.rows_parsed) == (12, 12)


def test_programme_fields(prog: Programme) -> None:
    assert prog.kind == "programme"
    assert (prog.period_start, prog.period_end) == (2003, 2005)
    assert prog.title == (
        "2003-2005 жылдарға арналған Атырау облысында кемтар балаларды әлеуметтік, "
        "медициналық-педагогикалық түзеу арқылы қолдау Бағдарламасы"
    )
    assert prog.passport["name"] == (
        "Кемтар балаларды әлеуметтік, педагогикалық-медициналық түзеу арқылы "
        "қолдаудың 2003-2005 жылдарға арналған бағдарламасы"
    )
    assert prog.passport["developer"] == "Атырау облыстық білім беру басқармасы"
    assert prog.passport["period"] == "2003-2005 жылдар"
    assert prog.passport["goal"].startswith("Дамуында ауытқушылықтары бар балалардың")
    assert prog.passport["tasks"].startswith("Кемтар балаларды анықтау және тіркеудің")
    assert prog.passport["basis"].endswith('жүзеге асыру шаралары туралы" өкімі')
    assert prog.passport["results"].endswith("қажетті жағдайлар жасау.")


def test_passport_totals(prog: Programme) -> None:
    """001.md §6: 22,856.0 thousand KZT from the local budget: 8,706.0 / 6,900.0 / 7,250.0."""
    assert all(a.unit == K for a in prog.funding)
    total = [a for a in prog.funding if a.year is None]
    assert [(a.value, a.source) for a in total] == [(D("22856.0"), "local budget")]
    assert {a.year: a.value for a in prog.funding if a.year} == {
        2003: D("8706.0"),
        2004: D("6900.0"),
        2005: D("7250.0"),
    }


ALL = (date(2003, 1, 1), date(2005, 12, 31))
ORD = "Білім беру басқармасының бұйрығы"
DEC = "Облыс әкімінің шешімі"
HEALTH = ("Облыстық денсаулық сақтау басқармасы", False)
EDU = ("Облыстық білім беру басқармасы", False)
CITY_EDU = ("қалалық білім беру бөлімі", False)
# number: (first line, last line, name, form, executors, deadline raw or None, (start, end), amounts, funded)
ROWS = {
    1: (
        245,
        268,
        "Балаларға жаппай кешенді медициналық, психологиялық және педагогикалық қызмет көрсету "
        "жұмыстарын жүргізу",
        "Ведомстволық бұйрық",
        [HEALTH, EDU],
        "Жыл сайын кесте бойынша",
        ALL,
        {},
        None,
    ),
    2: (
        272,
        288,
        "Атырау қаласында қалалық психологиялық-педагогикалық консультация құру",
        DEC,
        [("Атырау қаласының әкімі", False), EDU, CITY_EDU],
        "2003 жыл",
        (date(2003, 1, 1), date(2003, 12, 31)),
        {2003: "3168.0"},
        True,
    ),  # deadline and amount share L288
    3: (
        290,
        320,
        "Облыс аудандарында психологиялық-педагогикалық түзеу кабинеттерін ашу: 1) Қызылқоға және "
        "Құрманғазы аудандары (2003 жыл) 2) Жылыой және Индер аудандары (2004 жыл) 3) Махамбет, Мақат "
        "және Исатай аудандары (2005 жыл)",
        DEC,
        [HEALTH, EDU],
        "2003 жылдың қаңтар айы 2004 жыл 2005 жыл",
        ALL,
        {2003: "3738.0", 2004: "3500.0", 2005: "3500.0"},
        True,
    ),
    4: (
        322,
        345,
        "Қаланың мөлтек аудандарында психикалық дамуында кідірістер бар балаларға арналған сыныптар "
        "желісін кеңейту (Авангард, Вокзал маңы, Маслопром)",
        ORD,
        [("Атырау қаласының әкімі", False), EDU, CITY_EDU],
        "2003-2005 жылдар",
        ALL,
        {2004: "500.0", 2005: "600.0"},
        True,
    ),  # leading space: the 2003 cell is empty
    5: (
        347,
        372,
        "Мақат және Махамбет аудандарында психикалық дамуында кідірістер бар балаларға арналған "
        "сыныптар, мектепке дейінгі балалар мекемелері жанынан, жалпы білім беретін мектептер жанынан "
        "логопункттер ашу",
        ORD,
        [("Атырау облысының әкімі", False), EDU, CITY_EDU],
        "2004-2005 жылдар",
        (date(2004, 1, 1), date(2005, 12, 31)),
        {2004: "500.0", 2005: "600.0"},
        True,
    ),
    6: (
        374,
        401,
        "Біліктілігін көтеру институты базасында түзеу мекемелері мамандарының курстарын және қайта "
        "даярлауды ұйымдастыру",
        ORD,
        [EDU, ("Облыстық педагог кадрлар біліктілігін арттыру және қайта даярлау институты", False)],
        "2003-2005 жылдар",
        ALL,
        {2003: "300.0", 2004: "400.0", 2005: "550.0"},
        True,
    ),  # page break in executors
    7: (
        403,
        433,
        "Кемтар балаларды жұмысқа орналастыруға көмектесу",
        DEC,
        [("Еңбек және халықты әлеуметтік қорғау басқармасы", False), ("қала және аудан әкімдері", False)],
        "2003 жылдың мамыр айы 2004 жыл 2005 жыл",
        (date(2003, 5, 1), date(2005, 12, 31)),
        {},
        False,
    ),
    8: (
        435,
        453,
        "Бастауыш кәсіптік оқу орындары жанынан психикалық дамуында кідірістер бар балаларға арналған "
        "сыныптар ашу",
        ORD,
        [EDU],
        "2003-2005 жылдар",
        ALL,
        {2004: "500.0", 2005: "500.0"},
        True,
    ),
    9: (
        455,
        485,
        "Кемтар балалары бар ата-аналарға арналған лекциялар жүргізу және жалпыға міндетті құқықтық оқу "
        "ұйымдастыру",
        ORD,
        [HEALTH, EDU],
        "2003-2005 жылдар",
        ALL,
        {},
        False,
    ),
    10: (
        487,
        505,
        "Мүгедек балаларды белсенді өмір салтына тарту мақсатында қалалық, аудандық, және облыстық "
        "көркем өнерпаздар, суреттер, қолдан істелген боямалар және шығармашылықтың өзге түрлерінің "
        "конкурстарын өткізу",
        ORD,
        [],
        "2003-2005 жылдар",
        ALL,
        {2003: "500.0", 2004: "500.0", 2005: "500.0"},
        True,
    ),  # no executors
    11: (
        507,
        524,
        'Мүгедек балалардың облыстық "Біздің қолымыздан бәрі келеді" фестивальдерін өткізу',
        ORD,
        [EDU, HEALTH],
        None,
        (None, None),
        {2003: "500.0", 2004: "500.0", 2005: "500.0"},
        True,
    ),  # no deadline
    12: (
        526,
        557,
        "Үй-интернаттарда тұратын мүгедек балалар арасында спорттық жарыстар өткізу және оларды "
        "республикалық спартакиадаларға даярлау жөнінде шаралар алу",
        ORD,
        [
            EDU,
            ("Облыстық спорт және туризм басқармасы", False),
            ("Қалалық білім беру бөлімі", False),
            ("аудандық білім беру бөлімдері", False),
        ],  # completed after the page break (556–557)
        "2003-2005 жылдар",
        ALL,
        {2003: "500.0", 2004: "500.0", 2005: "500.0"},
        True,
    ),
}


@pytest.mark.parametrize("n", sorted(ROWS))
def test_row(prog: Programme, n: int) -> None:
    first, last, name, form, execs, dl_raw, (dl_start, dl_end), amounts, funded = ROWS[n]
    m = _m(prog, n)
    assert (m.span.start, m.span.end) == (first, last)
    assert m.name == name
    assert m.form == form
    assert [(e.raw, e.by_agreement) for e in m.executors] == execs
    if dl_raw is None:
        assert m.deadline is None
    else:
        assert m.deadline is not None and m.deadline.raw == dl_raw
        assert (m.deadline.start, m.deadline.end) == (dl_start, dl_end)
    assert {a.year: a.value for a in m.amounts} == {y: D(v) for y, v in amounts.items()}
    assert all(a.unit == K for a in m.amounts)
    assert m.funding_required is funded


def test_staffing_table_cost_is_kept_as_a_note(prog: Programme) -> None:
    m = _m(prog, 1)
    assert m.amounts == [] and m.notes == ["cost: Штаттық кестеге сәйкес"]


def test_measure_sums_match_the_passport_years(prog: Programme) -> None:
    """001.md §5: the row amounts sum to the stated yearly totals 8706.0 / 6900.0 / 7250.0."""
    sums: dict[int, Decimal] = {}
    for m in prog.measures:
        for a in m.amounts:
            sums[a.year] = sums.get(a.year, D(0)) + a.value  # type: ignore[index]
    assert sums == {2003: D("8706.0"), 2004: D("6900.0"), 2005: D("7250.0")}


def test_missing_cells_are_reported(parsed: tuple[Programme, Document]) -> None:
    _, doc = parsed
    missing = sorted(
        (w.span.start, w.message.split(":")[0])
        for w in doc.warnings
        if w.code == "plan-missing-cell" and w.span
    )
    assert missing == [(487, "row 10"), (507, "row 11")]


def test_truncated_table_yields_a_warning_not_an_exception(lines: list[str]) -> None:
    cut = lines[:490]  # the text stops inside row 10's measure name
    doc = Document(source="truncated.txt")
    (prog,) = parse_plans(cut, doc)
    assert prog.rows_seen == 10 and prog.rows_parsed == 9
    assert prog.measures[-1].incomplete
    assert any("row 10" in w.message and w.span and w.span.start == 487 for w in doc.warnings)


# A Russian plan in the same layout (synthetic): forms lead with the act word ("Приказ …"), Russian
# executors lead with their head noun, the deadline and the first amount share a line, a leading
# space marks an empty first amount column.
RU_INLINE = """Паспорт программы

Наименование Программа поддержки детей на 2003-2005 годы

Сроки реализации 2003-2005 годы

Источники финансирования местный бюджет 22856,0 тыс. тенге

План мероприятий
№

Мероприятие

Форма завершения

Ответственные

Срок

2003
(тыс. тенге)

2004
(тыс. тенге)

2005
(тыс. тенге)

1 Создать консультацию
в городе Атырау

Решение акима области

Аким города,
Управление образования

2003 год 3168,0

2 Открыть кабинеты
коррекции

Приказ управления образования

Управление
здравоохранения, Управление образования

2003-2005 годы

 500,0 600,0

3 Провести конкурсы

Приказ управления образования

Управление образования

Ежегодно

Не требует затрат
"""


def test_russian_plan_in_this_layout() -> None:
    doc = Document(source="ru.txt")
    (prog,) = parse_plans(normalize_lines(RU_INLINE), doc)
    assert (prog.period_start, prog.period_end) == (2003, 2005)
    assert [(a.value, a.unit, a.source) for a in prog.funding] == [(D("22856.0"), K, "local budget")]
    m1, m2, m3 = prog.measures
    assert (m1.name, m1.form) == ("Создать консультацию в городе Атырау", "Решение акима области")
    assert [e.raw for e in m1.executors] == ["Аким города", "Управление образования"]
    assert m1.deadline is not None and m1.deadline.raw == "2003 год"
    assert {a.year: a.value for a in m1.amounts} == {2003: D("3168.0")}
    assert m2.form == "Приказ управления образования"
    assert [e.raw for e in m2.executors] == ["Управление здравоохранения", "Управление образования"]
    assert {a.year: a.value for a in m2.amounts} == {2004: D("500.0"), 2005: D("600.0")}
    assert m3.deadline is not None and m3.deadline.kind == "annual" and m3.funding_required is False
    assert doc.warnings == []


def test_year_column_headers_in_several_spellings() -> None:
    from kglaw.parse.plans.layout_number_inline import _header

    head = ["Мерзімі", "2003 ж.", "(мың теңге)", "2004 жыл (мың теңге)", "2005 год", "2003-2005 жылдар"]
    assert _header(head, 0, len(head)) == ([2003, 2004, 2005], K)
