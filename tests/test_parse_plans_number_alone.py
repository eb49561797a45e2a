"""The "row number alone on its line" plan table (kglaw.parse.plans.layout_number_alone), on seed 000.

Expected values are taken from research/seeds/000.md §5.3 (the full table), §5.1 (layout, page
breaks, section rows), §5.2 (counts) and §8 q7 (passport totals) — not from the parser's output.
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
SEED = next(RAW.glob("000_*.txt"))
D = Decimal


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
    assert mod is not None and mod.__name__.endswith("layout_number_alone") and score >= 0.5


def test_counts(prog: Programme) -> None:
    assert len(prog.measures) == 47
    assert [m.number for m in prog.measures] == [str(n) for n in range(1, 48)]
    assert len(prog.sections) == 7
    assert (prog.rows_seen, prog.rows_parsed) == (47, 47)


def test_sections(prog: Programme) -> None:
    assert [s.title for s in prog.sections] == [
        "Мүгедектіктің алдын алу",
        "Медициналық-әлеуметтік сараптау қызметін жетілдіру",
        "Медициналық оңалту",
        "әлеуметтік оңалту",
        "Кәсіби оңалту",
        "Өңірлік деңгейде мүгедектерді оңалтуды ұйымдастыру",
        "әлеуметтік қызметкерлердің біліктілігін көтеру",
    ]
    sizes = [sum(1 for m in prog.measures if m.section == s.key) for s in prog.sections]
    assert sizes == [4, 1, 3, 24, 7, 7, 1]  # 000.md §5.2
    assert (prog.sections[4].span.start, prog.sections[4].span.end) == (1310, 1310)


def test_programme_fields(prog: Programme) -> None:
    assert prog.kind == "programme"
    assert (prog.period_start, prog.period_end) == (2006, 2008)
    assert (
        prog.title
        == "Қызылорда облысы бойынша мүгедектерді оңалтудың 2006-2008 жылдарға арналған БАҒДАРЛАМАСЫ"
    )
    assert prog.passport["responsible"] == (
        "Қызылорда облысының жұмыспен қамтуды үйлестіру және әлеуметтік бағдарламалар департаменті"
    )
    assert prog.passport["goal"].startswith("Мүгедектерді оңалту жүйесін жетілдіру")
    assert prog.passport["period"] == "2006-2008 жылдар"
    assert prog.passport["name"].startswith("Қызылорда облысы бойынша мүгедектерді оңалтудың 2006-2008")
    assert prog.passport["basis"].endswith("іс-шаралар жоспарының 3.2. тармағы")
    assert prog.passport["results"].endswith("жетімділігі жақсарады.")
    assert "tasks" in prog.passport and "funding" in prog.passport
    assert prog.action_plan_title is not None and prog.action_plan_title.endswith("іс-шаралар жоспары")


def test_passport_totals(prog: Programme) -> None:
    """000.md §8 q7 and §6: 6,970.23 mln KZT; by source and year; the oblast line kept as written."""
    got = {(a.source, a.year): a.value for a in prog.funding}
    assert all(a.unit == "mln KZT" for a in prog.funding)
    assert got[("state budget", None)] == D("6970.23")
    by_year = {a.year: a.value for a in prog.funding if a.year and a.source in (None, "state budget")}
    assert by_year == {2006: D("436.29"), 2007: D("3258.96"), 2008: D("3274.98")}
    assert got[("republican budget", None)] == D("6343.27")
    assert [got[("republican budget", y)] for y in (2006, 2007, 2008)] == [
        D("194.28"),
        D("3069.60"),
        D("3079.39"),
    ]
    assert got[("oblast budget", None)] == D("466.30")  # components sum to 416.30; kept as written
    assert [got[("oblast budget", y)] for y in (2006, 2007, 2008)] == [D("181.54"), D("114.47"), D("120.29")]
    assert got[("district and city budgets", None)] == D("210.66")
    assert [got[("district and city budgets", y)] for y in (2006, 2007, 2008)] == [
        D("60.47"),
        D("74.89"),
        D("75.3"),
    ]


def test_abbreviation_legend(prog: Programme) -> None:
    assert set(prog.abbreviations) == {"ҚОЖҚҮ жәБД", "ЕжХәҚМҚОБД", "ЭжБЖД", "КжҮД", "ІІД", "АШД"}
    assert (
        prog.abbreviations["ЭжБЖД"] == "Қызылорда облысының экономика және бюджеттік жоспарлау департаменті"
    )


SPAN = (date(2006, 1, 1), date(2008, 12, 31))
SPAN78 = (date(2007, 1, 1), date(2008, 12, 31))
NO_COST = False
# number: (first line, last line, section index, name, form, executors, deadline raw, (start, end),
#          amounts {year: value}, funding_required)
ROWS = {
    1: (
        510,
        534,
        0,
        "әйелдер консультациялары мен перзентханаларда туа біткен және тұқым қуалау патологиясының перинаталды "
        "скринингін, әйелдердің жұқпалы және генетикалық аурушаңдығын анықтаудың уақытылы өткізілуін "
        "қамтамасыз ету және сапасын жақсарту",
        "Ақпарат",
        [("Қызылорда облысының денсаулық сақтау департаменті", False)],
        "2006-2008 жылдар",
        SPAN,
        {2006: "70.5"},
        True,
    ),
    4: (
        591,
        622,
        0,
        "Жұмыс орындарын аттестациялауды және еңбек жағдайы мен қауіпсіздігін сақтауды жүргізуде ҚР еңбек және "
        "халықты әлеуметтік қорғау Министрлігінің аумақтық бөлімшелері мен меншік нысанына қарамастан, "
        "ұйымдардың кәсіпорындар және мекемелердің өзара іс-қимылын қамтамасыз ету",
        "Ақпарат",
        [("Еж ХәҚМҚОБД", True), ("ҚОЖҚҮ ж әБД", False), ("Аудан, Қызылорда қаласының әкімдері", False)],
        "2006-2008 жылдар",
        SPAN,
        {},
        NO_COST,
    ),
    5: (
        630,
        656,
        1,
        "Мемлекеттік органдардың, кәсіпорындардың, мекемелер мен ұйымдардың мүгедектерді оңалтудың жеке "
        "бағдар ламасын іске асыруларын ұйымдастыру",
        "Ақпарат",
        None,
        "Тұрақты",
        SPAN,
        {},
        NO_COST,
    ),
    11: (
        770,
        789,
        3,
        "Жүріп-тұруы қиын 1 топтағы мүгедектер үшін жеке көмекші беру",
        "Қазақстан Республикасының Үкіметіне ұсыныс",
        [("Аудан, Қызылорда қаласының әкімдері", False)],
        "2006-2008 жылдар",
        SPAN,
        {2006: "17.2", 2007: "18.0", 2008: "18.8"},
        True,
    ),
    19: (
        925,
        958,
        3,  # the name continues after the page break, after the cost cell (953–958)
        "Меншік нысанына қарамастан, Мүгедектердің қол жетімділігі үшін қайта жөндеуді қажет ететін жұмыс "
        "істеп тұрған әлеуметтік, мәдени-тұрмыстық нысандар тізбесін (одан әрі тізбе) анықтау және "
        "мүгедектердің қол жетімділігін қамтамасыз ету үшін әлеуметтік, көліктік және рекреациялық "
        "инфрақұрылым нысандарын қайта жабдықтау жөнінде жұмыстың кезеңдік жоспарын жасау",
        "Ақпарат",
        [("Барлық деңгейдегі әкімдер", False)],
        "2006 жылдың IV тоқсаны",
        (date(2006, 10, 1), date(2006, 12, 31)),
        {},
        NO_COST,
    ),
    21: (
        989,
        1029,
        3,
        "Кіреберіс жолдары, пандустар, мүгедектік қол арбасы үшін қондырғылар салуды қамтамасыз ету және "
        "болашақта салынатын қоғамдық, өндірістік, әлеуметтік, көліктік және рекреациялық инфрақұрылымдар "
        "жобасын дайындағанда мүгедектердің салынып жатқан тұрғын үйлерге, қоғамдық және өндірістік "
        "ғимараттарға, әлеуметтік, көліктік рекреациялық инфрақұрылым нысандарына қол жетімділігін "
        "қамтамасыз ету",
        "Мәлімет",
        [
            ("Барлық деңгейдегі әкімдер", False),
            ("Қызылорда облысының сәулет, қала құрылысы және құрылыс департаменті", False),
        ],
        "2006-2008 жылдар",
        SPAN,
        {},
        None,
    ),
    23: (
        1063,
        1086,
        3,
        "Мүгедектерге қызмет көрсетуге бағытталған мекемелер орналасқан жерлерде жол белгілері мен "
        "нұсқауларды орнатуды ұйымдастыру",
        "Ақпарат",
        [("Аудан, Қызылорда қаласының әкімдері", False), ("ІІД", True)],
        "2007-2008 жылдар",
        SPAN78,
        {2006: "1.3", 2007: "1.3", 2008: "1.3"},
        True,
    ),  # 2006 amounts despite a 2007–2008 deadline, as written
    32: (
        1295,
        1308,
        3,
        "1 қоғамдық жолаушылар көлігінің жылжымалы құрамында мүгедектерді тасымалдау жайлылығын жақсартуды "
        "ұйымдастыру",
        "Ақпарат",
        [("ҚОДТжСБ", False), ("ҚОЖҚҮ ж әБД", False)],
        "2006-2008 жылдар",
        SPAN,
        {},
        None,
    ),
    33: (
        1312,
        1330,
        4,
        "Психологиялық, медициналық-педагогикалық кеңестерді қалыптастыруды қамтамасыз ету",
        "Ақпарат",
        [("Қызылорда облысының білім беру департаменті", False)],
        "2006-2008 жылдар",
        SPAN,
        {2006: "32.7", 2007: "34.52"},
        True,
    ),
    37: (
        1394,
        1422,
        4,  # the executor cell is cut by the page break at 1415
        "Мүгедектерге жалпы жұмыс орындары санының үш пайыздық квотасының берілуін ұйымдастыру",
        "Ақпарат",
        [
            ("Аудан, Қызылорда қаласының әкімдері", False),
            ("жеке меншік түріне қарамастан мекемелер мен ұйымдар", True),
            ("ОЖҚҮ ж әБД", False),
        ],
        "2006-2008 жылдар",
        SPAN,
        {},
        NO_COST,
    ),
    40: (
        1479,
        1500,
        5,  # a blank line inside the deadline cell
        "Мүгедектерді оңалтудың 2006-2008 жылдарға арналған қалалық, аудандық бағдарламаларын жасау және бекіту",
        "Ақпарат",
        [("Аудан, Қызылорда қаласының әкімдері", False)],
        "2005 жылдың IV тоқсаны",
        (date(2005, 10, 1), date(2005, 12, 31)),
        {},
        NO_COST,
    ),
    41: (
        1502,
        1524,
        5,
        "Мүгедектерді оңалтудың облыстық, қалалық, аудандық бағдарламаларының жүзеге асырылуына мониторинг жүргізу",
        "Ақпарат",
        [("Аудан, Қызылорда қаласының әкімдері", False), ("ОЖҚҮ ж әБД", False)],
        "Жарты жылдықтар бойынша",
        SPAN,
        {},
        NO_COST,
    ),
    42: (
        1526,
        1539,
        5,  # form, executor and deadline on one line
        "Қызылорда қаласында 30 орындық мүгедектерді оңалту орталығының ашылуы мен жұмыс істеуін қамтамасыз ету",
        "Ақпарат",
        [("ОЖҚҮ ж әБД", False)],
        "2006 жыл",
        (date(2006, 1, 1), date(2006, 12, 31)),
        {},
        None,
    ),
    44: (
        1553,
        1582,
        5,  # the name continues after the page break (1579–1582)
        "2007 жылы инвестициялық жобалар тізбесіне: 300 орындық психоневрологиялық интернат құрылысын; 200 "
        "орындық балаларға арналған психоневрологиялық интернат құрылысы Қызылорда қаласында мүгедектерге "
        "арналған 150 орындық оңалту орталығының құрылысын енгізу үшін шаралар қабылдау",
        "Ақпарат",
        [("ЭжБЖД", False), ("ОЖҚҮ ж әБД", False)],
        "2007-2008 жылдар",
        SPAN78,
        {2007: "2865.7", 2008: "2865.7"},
        True,
    ),
    45: (
        1584,
        1603,
        5,
        "Арал, Қазалы аудандарында 2007-2008 жылдары шағын интернат үйлерін ашу туралы ұсыныс дайындау",
        "Ақпарат",
        [("Арал, Қазалы аудандарының әкімдері", False), ("ОЖҚҮ ж әБД", False)],
        "2006 жылдың 1 тоқсаны",
        (date(2006, 1, 1), date(2006, 3, 31)),
        {},
        NO_COST,
    ),
    47: (
        1628,
        1647,
        6,
        "әлеуметтік қызметкерлердің біліктілігін көтеруді ұйымдастыру",
        "Ақпарат",
        [("Қызылорда облысының білім беру департаменті", False), ("ОЖҚҮ ж әБД", False)],
        "2006-2008 жылдар",
        SPAN,
        {2006: "0.44", 2007: "0.47", 2008: "0.49"},
        True,
    ),
}


@pytest.mark.parametrize("n", sorted(ROWS))
def test_row(prog: Programme, n: int) -> None:
    first, last, sec, name, form, execs, dl_raw, (dl_start, dl_end), amounts, funded = ROWS[n]
    m = _m(prog, n)
    assert (m.span.start, m.span.end) == (first, last)
    assert m.section == prog.sections[sec].key
    assert m.name == name
    assert m.form == form
    if execs is not None:
        assert [(e.raw, e.by_agreement) for e in m.executors] == execs
    assert m.deadline is not None
    assert m.deadline.raw == dl_raw
    assert (m.deadline.start, m.deadline.end) == (dl_start, dl_end)
    assert {a.year: a.value for a in m.amounts} == {y: D(v) for y, v in amounts.items()}
    assert all(a.unit == "mln KZT" for a in m.amounts)
    assert m.funding_required is funded
    assert not m.incomplete


def test_row_5_by_agreement_only_on_the_private_owners(prog: Programme) -> None:
    execs = _m(prog, 5).executors
    assert execs[0].raw == "Аудан, Қызылорда қаласының әкімдері" and not execs[0].by_agreement
    assert ("жеке меншіктер", True) in [(e.raw, e.by_agreement) for e in execs]
    assert execs[-1].raw == "ОЖҚҮ ж әБД"


def test_forms_and_cost_kinds(prog: Programme) -> None:
    """000.md §5.2: forms 43/3/1; 26 rows with amounts, 16 'no costs', 3+1 other phrases, 1 empty."""
    forms = [m.form for m in prog.measures]
    assert forms.count("Ақпарат") == 43 and forms.count("Мәлімет") == 1
    assert [m.number for m in prog.measures if m.form == "Қазақстан Республикасының Үкіметіне ұсыныс"] == [
        "11",
        "12",
        "17",
    ]
    assert sorted(int(m.number) for m in prog.measures if m.amounts) == [
        1,
        6,
        7,
        9,
        10,
        11,
        12,
        13,
        14,
        15,
        16,
        17,
        20,
        23,
        24,
        25,
        26,
        29,
        30,
        31,
        33,
        34,
        39,
        43,
        44,
        47,
    ]
    assert sorted(int(m.number) for m in prog.measures if m.funding_required is False) == [
        4,
        5,
        8,
        18,
        19,
        22,
        27,
        28,
        35,
        36,
        37,
        38,
        40,
        41,
        45,
        46,
    ]
    assert sorted(
        int(m.number) for m in prog.measures if m.cost_raw == "Бюджетте бөлінген қаржы көлемінде"
    ) == [2, 3, 42]
    assert _m(prog, 32).cost_raw is None


def test_deadline_kinds(prog: Programme) -> None:
    raws = [m.deadline.raw for m in prog.measures if m.deadline]
    assert len(raws) == 47
    assert raws.count("2006-2008 жылдар") == 33 and raws.count("2007-2008 жылдар") == 6
    assert raws.count("2006 жылдың IV тоқсаны") == 2


def test_sums_of_the_measures_by_year(prog: Programme) -> None:
    """000.md §5.2: the measures sum to 436.28 / 3,237.98 / 3,216.73 — not the passport's figures."""
    sums: dict[int, Decimal] = {}
    for m in prog.measures:
        for a in m.amounts:
            sums[a.year] = sums.get(a.year, D(0)) + a.value  # type: ignore[index]
    assert sums == {2006: D("436.28"), 2007: D("3237.98"), 2008: D("3216.73")}


def test_missing_cost_cell_is_reported(parsed: tuple[Programme, Document]) -> None:
    _, doc = parsed
    missing = [w for w in doc.warnings if w.code == "plan-missing-cell"]
    assert [(w.span.start, w.span.end) for w in missing] == [(1295, 1308)]  # row 32 has no cost cell
    assert "row 32" in missing[0].message


def test_truncated_table_yields_a_warning_not_an_exception(lines: list[str]) -> None:
    cut = lines[:1250]  # the text stops inside row 30's measure name
    doc = Document(source="truncated.txt")
    (prog,) = parse_plans(cut, doc)
    assert prog.rows_seen == 30 and prog.rows_parsed == 29
    assert prog.measures[-1].incomplete
    assert any("row 30" in w.message and w.span and w.span.start == 1241 for w in doc.warnings)


def test_garbled_rows_are_warnings(lines: list[str]) -> None:
    broken = list(lines)
    for i in range(1031, 1060):  # row 22 (line 1031) loses everything after its number
        broken[i] = ""
    doc = Document(source="broken.txt")
    (prog,) = parse_plans(broken, doc)
    assert (prog.rows_seen, prog.rows_parsed) == (47, 46)
    assert "22" not in [m.number for m in prog.measures]
    assert any(w.span and w.span.start == 1031 and "row 22" in w.message for w in doc.warnings)


# A Russian plan in the same layout (synthetic; the forms follow 000's Russian counterparts on adilet):
# approval stamp, "Паспорт Программы", "План мероприятий", "г. - amount" costs, "по согласованию",
# a quarter deadline, "Не требует финансирования", and a legend right after the last row.
RU_ALONE = """Утверждена
решением Кызылординского областного маслихата
от 20 декабря 2005 года № 245

Программа реабилитации инвалидов Кызылординской области на 2006-2008 годы

Паспорт Программы

Наименование программы Программа реабилитации инвалидов на 2006-2008 годы

Основание для разработки Закон Республики Казахстан "О социальной защите инвалидов"

Разработчик Департамент координации занятости и социальных программ

Цель программы Совершенствование системы реабилитации инвалидов

Источники финансирования Республиканский и местный бюджеты:
2006 год - 436,29 млн. тенге;
2007 год - 3258,96 млн. тенге.

Сроки реализации 2006-2008 годы

Введение

Текст введения.

План мероприятий по реализации Программы реабилитации инвалидов на 2006-2008 годы

№ п/п Мероприятия Форма завершения
Ответственные
исполнители

Срок
исполнения

Предполагаемые
расходы
млн. тенге

Профилактика инвалидности

1

Обеспечить проведение
скрининга беременных

Информация

Департамент
здравоохранения

2006-2008
годы

2006 г. - 70,5
2007 г. - 71,0

2

Организовать мониторинг
(в том числе в районах

Информация МТСЗН, акиматы районов (по
согласованию)

IV квартал
2006 года

Не требует
финансирования

Медицинская реабилитация

3

Обеспечить санаторное лечение

Информация

Управление
здравоохранения

Ежегодно

2006 г. - 8,3

МТСЗН - Министерство труда и социальной защиты населения
"""


def test_russian_plan_in_this_layout() -> None:
    doc = Document(source="ru.txt")
    (prog,) = parse_plans(normalize_lines(RU_ALONE), doc)
    assert prog.kind == "programme" and (prog.period_start, prog.period_end) == (2006, 2008)
    assert prog.title == "Программа реабилитации инвалидов Кызылординской области на 2006-2008 годы"
    assert prog.passport["developer"] == "Департамент координации занятости и социальных программ"
    assert [(a.year, a.value, a.unit) for a in prog.funding] == [
        (2006, D("436.29"), "mln KZT"),
        (2007, D("3258.96"), "mln KZT"),
    ]
    assert [s.title for s in prog.sections] == ["Профилактика инвалидности", "Медицинская реабилитация"]
    assert prog.abbreviations == {"МТСЗН": "Министерство труда и социальной защиты населения"}
    m1, m2, m3 = prog.measures
    assert (m1.name, m1.form) == ("Обеспечить проведение скрининга беременных", "Информация")
    assert [e.raw for e in m1.executors] == ["Департамент здравоохранения"]
    assert {a.year: a.value for a in m1.amounts} == {2006: D("70.5"), 2007: D("71.0")}
    assert [(e.raw, e.by_agreement) for e in m2.executors] == [("МТСЗН", False), ("акиматы районов", True)]
    assert (
        m2.deadline is not None and m2.deadline.kind == "quarter" and m2.deadline.start == date(2006, 10, 1)
    )
    assert m2.funding_required is False
    assert m3.section == prog.sections[1].key and m3.deadline is not None and m3.deadline.kind == "annual"
    assert (m3.deadline.start, m3.deadline.end) == SPAN


RESTARTING = """План мероприятий

№ Мероприятия Форма завершения

Профилактика

1

Провести скрининг

Информация

Управление здравоохранения

2006 год

2006 г. - 1,0

2

Провести мониторинг

Информация

Управление образования

2007 год

Не требует финансирования

Реабилитация

1

Открыть центр

Информация

Управление координации занятости

2008 год

2008 г. - 5,0
"""


def test_row_numbers_that_start_again_in_each_section() -> None:
    doc = Document(source="ru.txt")
    (prog,) = parse_plans(normalize_lines(RESTARTING), doc)
    assert [m.number for m in prog.measures] == ["1.1", "1.2", "2.1"]
    assert [s.title for s in prog.sections] == ["Профилактика", "Реабилитация"]
    assert prog.measures[2].name == "Открыть центр" and prog.measures[2].notes == ["row number as written: 1"]
    assert not [w for w in doc.warnings if w.code == "plan-numbering"]
