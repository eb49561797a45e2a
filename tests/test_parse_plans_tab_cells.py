"""The TAB-cell plan table, and the concept around it.

Seed 004 (resolution 1143: the Concept of inclusive policy 2025–2030, whose appendix is the action plan).
Expected values are copied from the research notes (research/seeds/004.md §2.2, §2.6, §4.1, §5.1–§5.4),
not from the parser's output. Sub-items of a name, which the notes join with `` / ``, are joined by a
space in the measure name.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kglaw.model import Document, Measure, Programme
from kglaw.parse.normalize import normalize_text
from kglaw.parse.plans import LayoutContext, parse_plans
from kglaw.parse.plans import layout_tab_cells as tab

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
CONCEPT = "Қазақстан Республикасындағы инклюзивті саясаттың 2025 – 2030 жылдарға арналған тұжырымдамасы"


@pytest.fixture(scope="module")
def concept_004() -> tuple[Programme, Document]:
    path = next(RAW.glob("004_*.txt"))
    text = path.read_text(encoding="utf-8")
    lines, _ = normalize_text(text)
    doc = Document(source=path.name)
    programmes = parse_plans(lines, doc, raw_lines=text.split("\n"))
    assert len(programmes) == 1
    return programmes[0], doc


def _m(prog: Programme, number: str) -> Measure:
    return next(m for m in prog.measures if m.number == number)


def test_004_counts_52_measures_in_13_directions(concept_004):
    prog, doc = concept_004
    assert [m.number for m in prog.measures] == [str(n) for n in range(1, 53)]
    assert prog.rows_seen == prog.rows_parsed == 52
    assert not [w for w in doc.warnings if w.code.startswith("plan")]
    per_direction = {}
    for m in prog.measures:
        per_direction[m.section] = per_direction.get(m.section, 0) + 1
    assert per_direction == {
        "1": 1,
        "2": 3,
        "3": 8,
        "4": 5,
        "5": 7,
        "6": 4,
        "7": 2,
        "8": 7,
        "9": 4,
        "10": 2,
        "11": 3,
        "12": 5,
        "13": 1,
    }


def test_004_directions_keys_titles_and_lines(concept_004):
    prog, _ = concept_004
    assert [(s.key, s.span.start) for s in prog.sections] == [
        ("1", 852),
        ("2", 873),
        ("3", 921),
        ("4", 1052),
        ("5", 1136),
        ("6", 1306),
        ("7", 1399),
        ("8", 1432),
        ("9", 1550),
        ("10", 1613),
        ("11", 1646),
        ("12", 1700),
        ("13", 1778),
    ]
    titles = {s.key: s.title for s in prog.sections}
    assert titles["7"] == "Қоғамдық-саяси өмірге араласу"
    assert titles["9"] == "Төтенше және климаттық қауіп-қатер жағдайларындағы қауіпсіздік"


def test_004_programme_is_the_concept_with_its_period_and_passport(concept_004):
    prog, _ = concept_004
    assert (prog.kind, prog.key, prog.title) == ("concept", "concept", CONCEPT)
    assert (prog.period_start, prog.period_end) == (2025, 2030)
    assert prog.replaces_appendix_of is None
    assert prog.action_plan_title == (
        "Қазақстан Республикасындағы инклюзивті саясаттың 2025 – 2030 жылдарға "
        "арналған тұжырымдамасын іске асыру жөніндегі іс-қимыл жоспары"
    )
    p = prog.passport
    assert p["name"] == CONCEPT
    assert p["developer"] == "Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрлігі"
    assert p["period"] == "2025 – 2030 жылдар"
    assert "№ 409 Жарлығы" in p["basis"] and "№ 790 қаулысы" in p["basis"]
    assert p["executors"].startswith("Адам құқықтары жөніндегі ұлттық орталық (келісу бойынша)")
    assert p["executors"].rstrip(".").endswith("жергілікті атқарушы органдар")


# (number, direction, (first line, last line), name, form, deadline raw, (start, end),
#  executors as (raw, by agreement), volume, source)
ROWS = [
    (
        "1",
        "1",
        (855, 870),
        (
            'Жаңа әлеуметтік-құқық қорғау моделіне сәйкес "Қазақстан Республикасының кейбір заңдарына мүгедектігі '
            'бар адамдардың құқықтарын қорғау мәселелері бойынша өзгерістер мен толықтырулар енгізу туралы" '
            "Қазақстан Республикасы Заңының жобасын әзірлеу"
        ),
        "Қазақстан Республикасы Заңының жобасы",
        "2026 жылғы желтоқсан",
        ((2026, 12, 1), (2026, 12, 31)),
        [
            ("Еңбекмині", False),
            ("ДСМ", False),
            ("ОМ", False),
            ("ҒЖБМ", False),
            ("ӨҚМ", False),
            ("МАМ", False),
            ("КМ", False),
            ("АҚЖҰО", True),
            ("ЖАО", False),
            ('"Атамекен" ҰКП', True),
        ],
        "талап етілмейді",
        None,
    ),
    (
        "3",
        "2",
        (891, 903),
        "Мүгедектігі бар адамдар үшін құқықтық қорғалуды арттыруға бағытталған кешенді іс-шараларды іске асыру",
        "жол картасы",
        "2025 – 2028 жылдардағы желтоқсан",
        ((2025, 1, 1), (2028, 12, 31)),
        [("ЖАО", False)],
        "талап етілмейді",
        None,
    ),
    (
        "8",
        "3",
        (973, 989),
        (
            "Мынадай: 1) стационар жағдайындағы арнаулы әлеуметтік қызметтер орталықтарының жұмыс істеп тұрған "
            "желісіне балама ретінде инклюзивті тұруға арналған әмбебап дизайн негізінде шағын үйлер; 2) баланы "
            "отбасында қалдыру үшін мүгедектігі бар балаларға арналған стационар жағдайында арнаулы әлеуметтік "
            "қызметтер көрсету орталықтарын оңтайландыру мақсатында мүгедектігі бар балалар күндіз болатын "
            'бөлімшелер (Алматы облысы, Талғар ауданындағы "Ақжол-М" оңалту орталығының үлгісінде) желілерін дамыту '
            "стандарттарын әзірлеу"
        ),
        "Еңбекминінің бұйрығы",
        "2025 жылғы желтоқсан",
        ((2025, 12, 1), (2025, 12, 31)),
        [("Еңбекмині", False), ("ЖАО", False)],
        "талап етілмейді",
        None,
    ),
    # "Еңбекминиі" is kept as written (a typo, §7.12); resolution is the agency step's job
    (
        "17",
        "4",
        (1121, 1133),
        "Мүгедектігі бар адамдарды қысқа мерзімді кәсіптік оқыту курстарымен қамту",
        "кәсіптік оқыту курстары",
        "2025 – 2030 жылдардағы желтоқсан",
        ((2025, 1, 1), (2030, 12, 31)),
        [("Еңбекминиі", False), ("ЖАО", False)],
        "көзделген қаражат шегінде",
        "жергілікті бюджет",
    ),
    # two forms and two deadlines separated by NBSP-only lines (§5.4)
    (
        "19",
        "5",
        (1154, 1202),
        (
            "Мыналар: 1) дәрі-дәрмекпен емдеуді қоспағанда, ауылдық амбулаториялар базасында мүгедектігі бар балалар "
            "үшін оңалту спектрінің қызметтерін (физиотерапевтік қызметтер, емдік дене тәрбиесі, массаж және тағы "
            "басқа) кеңейту; 2) денсаулық сақтау жүйесінде тегін медициналық көмектің кепілдік берілген көлемі "
            "шеңберінде не міндетті әлеуметтік медициналық сақтандыру жүйесі арқылы аяқ-қол ампутациясынан кейін "
            "алғашқы протездеу жүргізу; 3) медициналық оңалтуға көрсетілімдер болмаған жағдайда әлеуметтік қорғау "
            "жүйесінде қайта протездеуді жүзеге асыру; 4) қажетті шараларды қабылдау үшін (ата-аналарды жұмысқа "
            "орналастыру, денсаулық сақтау және білім беру қызметтері, құқықтық көмек) баласының есту қабілеті "
            "қалыпты, ата-анасы естімейтін отбасын уақтылы сүйемелдеу үшін Отбасының цифрлық картасында бағалау "
            "өлшемшарттарын қайта қарау жөнінде ұсыныстар әзірлеу"
        ),
        "Еңбекминіне ақпарат; ДСМ бұйрығы",
        "2025 жылғы желтоқсан; 2026 жылғы желтоқсан",
        ((2025, 12, 1), (2026, 12, 31)),
        [("ДСМ", False), ("ЖАО", False)],
        "талап етілмейді",
        None,
    ),
    # the source cell is empty (a TAB line and a blank line, L.1302–1303)
    (
        "24",
        "5",
        (1291, 1303),
        (
            "Мүгедектігі бар адамдарға күтім жасайтын ата-аналар үшін әлеуметтік бағдарламаларды дамыту жөнінде "
            "іс-шаралар әзірлеу"
        ),
        "Еңбекминіне ақпарат",
        "2025 жылғы желтоқсан",
        ((2025, 12, 1), (2025, 12, 31)),
        [("МАМ", False), ("ЖАО", False)],
        "талап етілмейді",
        None,
    ),
    # "(келісу бойынша)" with an NBSP inside (L.1410)
    (
        "29",
        "7",
        (1402, 1414),
        (
            "Мүгедектігі бар азаматтардың сұранысын ескере отырып, олардың сайлау құқықтарын іске асыру үшін "
            "жеткілікті жағдайлар жасау, оның ішінде көру қабілеті шектеулі сайлаушылар үшін сайлау бюллетеньдерінің "
            "трафареттерін жасау бойынша тәсілдерді жетілдіру"
        ),
        "ОСК қаулысы",
        "2025 жылғы желтоқсан",
        ((2025, 12, 1), (2025, 12, 31)),
        [("ОСК", True)],
        "талап етілмейді",
        None,
    ),
    (
        "31",
        "8",
        (1439, 1451),
        (
            "Салалық ұйымдардың, мүгедектігі бар адамдардың қоғамдық бірлестіктерінің, орталық мемлекеттік және "
            "жергілікті атқарушы органдардың өкілдері қатарынан олардың ведомстволық мекемелері мен ұйымдарындағы "
            "жұмыстарды әзірлеу және үйлестіру үшін мүгедектігі бар адамдардың сұранысын ескере отырып, халыққа "
            "көрсетілетін қызметтер мен инфрақұрылым объектілерінің қолжетімділігін кеңейту"
        ),
        "ӨҚМ бұйрығы",
        "2025 жылғы ақпан",
        ((2025, 2, 1), (2025, 2, 28)),
        [
            ("ӨҚМ", False),
            ("ДСМ", False),
            ("ІІМ", False),
            ("Еңбекмині", False),
            ("КМ", False),
            ("МАМ", False),
            ("ЦДИАӨМ", False),
            ("ОМ", False),
            ("ҒЖБМ", False),
            ("ЖАО", False),
        ],
        "талап етілмейді",
        None,
    ),
    # the deadline wrapped over a blank line (L.1460–1462); "ҰҚП" kept as written
    (
        "32",
        "8",
        (1454, 1468),
        (
            'Халыққа қызмет көрсететін ұйымдарда Қазақстан Республикасының СТ 3846-2023 "Мүгедектігі бар адамдардың '
            "және жүріп-тұруы шектеулі топтардың мұқтаждығын ескере отырып, инфрақұрылым объектілері мен "
            'қызметтердің халыққа қолжетімділігі" қолдану бойынша шаралар әзірлеу'
        ),
        "Еңбекминіне ұсыныстар",
        "2025 жылғы мамыр",
        ((2025, 5, 1), (2025, 5, 31)),
        [
            ("ӨҚМ", False),
            ("ДСМ", False),
            ("ІІМ", False),
            ("ТЖМ", False),
            ("КМ", False),
            ("МАМ", False),
            ("ЦДИАӨМ", False),
            ("ОМ", False),
            ("ҒЖБМ", False),
            ("ЖАО", False),
            ('"Атамекен" ҰҚП', True),
        ],
        "талап етілмейді",
        None,
    ),
    (
        "34",
        "8",
        (1488, 1500),
        (
            "Мүгедектігі бар адамдарға және оларды алып жүрушілерге арналған инклюзивті ішкі және келу туризмін "
            "дамыту үшін қолжетімді әлеуметтік туристік маршруттарды қалыптастыру"
        ),
        "ТСМ-ға ақпарат",
        "2025 – 2030 жылдардағы шілде",
        ((2025, 1, 1), (2030, 7, 31)),
        [("ЖАО", False), ("КМ", False)],
        "талап етілмейді",
        None,
    ),
    # a stray NBSP-only line ends the name cell (L.1537)
    (
        "37",
        "8",
        (1533, 1547),
        (
            "Қазақстанның Зағиптардың және көру қабілеті бұзылған немесе баспа ақпаратын қабылдау қабілеті өзгедей "
            "шектелген адамдардың жария етілген туындыларға қол жеткізуін жеңілдету туралы Марракеш шартына, басқа "
            "халықаралық құқық қорғау шарттарына қосылуы үшін жағдай жасау бойынша шаралар әзірлеу"
        ),
        "Еңбекминіне ақпарат",
        "2025 – 2026 жылдардағы желтоқсан",
        ((2025, 1, 1), (2026, 12, 31)),
        [("Әділетмині", False), ("СІМ", False)],
        "талап етілмейді",
        None,
    ),
    (
        "46",
        "11",
        (1685, 1697),
        (
            'Қазақстан Республикасының нормативтік құқықтық актілеріне "бірінші топтағы мүгедектігі бар спортшымен '
            'бірге жүретін адам" ұғымын енгізу мәселелері бойынша өзгерістер мен толықтырулар енгізу'
        ),
        "ТСМ бұйрығы",
        "2025 жылғы желтоқсан",
        ((2025, 12, 1), (2025, 12, 31)),
        [("ТСМ", False), ("ЖАО", False)],
        "көзделген қаражат шегінде",
        "республикалық және жергілікті бюджеттер",
    ),
    # the name begins with a list of agencies; the executors are the fifth cell's
    (
        "52",
        "13",
        (1781, 1793),
        (
            "Еңбекмині, ДСМ, ЖС, БП ҚСжАЕК, СЖРА ҰСБ, ІІМ, ТЖМ, басқа да мемлекеттік органдардың ақпараттық "
            "жүйелерімен кезең-кезеңімен интеграцияланған, мүгедектігі бар адамдар құқықтарының сақталуын "
            "мониторингтеуді қамтамасыз ететін, автоматтандырылған бірыңғай ақпараттық жүйе құру мәселесін пысықтау"
        ),
        "Еңбекминіне ұсыныстар",
        "2025 жылғы желтоқсан",
        ((2025, 12, 1), (2025, 12, 31)),
        [
            ("Еңбекмині", False),
            ("ДСМ", False),
            ("ІІМ", False),
            ("ТЖМ", False),
            ("БП", True),
            ("СЖРА ҰСБ", True),
        ],
        "талап етілмейді",
        None,
    ),
]


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_004_row_fields_match_the_research_notes(concept_004, row):
    number, direction, (first, last), name, form, raw, (start, end), executors, volume, source = row
    m = _m(concept_004[0], number)
    assert m.section == direction
    assert (m.span.start, m.span.end) == (first, last)
    assert m.name == name
    assert m.form == form
    assert m.deadline is not None and m.deadline.raw == raw
    assert (m.deadline.start, m.deadline.end) == (date(*start), date(*end))
    assert [(e.raw, e.by_agreement) for e in m.executors] == executors
    assert m.cost_raw == volume
    assert m.funding_required is (volume != "талап етілмейді")
    assert m.funding_source == source
    assert m.amounts == []  # no tenge amounts anywhere in the plan (§5.2)


def test_004_funded_measures(concept_004):
    prog, _ = concept_004
    funded = {m.number: m.funding_source for m in prog.measures if m.funding_required}
    assert funded == {
        "9": "жергілікті бюджет",
        "12": "республикалық және жергілікті бюджеттер",
        "17": "жергілікті бюджет",
        "44": "жергілікті бюджет",
        "46": "республикалық және жергілікті бюджеттер",
    }


def test_004_ministry_of_labour_is_executor_of_23_measures(concept_004):
    prog, _ = concept_004
    labour = [
        int(m.number) for m in prog.measures if any(e.raw in ("Еңбекмині", "Еңбекминиі") for e in m.executors)
    ]
    assert labour == [1, 8, 9, 14, 15, 16, 17, 18, 22, 30, 31, 33, 35, 36, 39, 41, 42, 43, 47, 48, 49, 51, 52]


INDICATORS = [  # §2.6: (line in the plan, targets 2025…2030; None where the text gives no value)
    (923, ["1,2", "1,15", "1,1", "1,05", "1,0", "1,0"]),
    (925, ["32", "34", "36", "38", "40", "42"]),
    (1054, ["65", "65,5", "66", "66,5", "67", "67,5"]),
    (1056, ["35", "36", "37", "38", "39", "40"]),
    (1308, ["20", "30", "40", "50", "60", "80"]),
    (1310, ["30", "40", "50", "60", "70", "80"]),
    (1312, ["20", "30", "40", "50", "60", "80"]),
    (1434, ["10", "30", "50", "75", "100", None]),
    (1436, [None, "5", "10", "30", "50", "70"]),
]


def test_004_nine_target_indicators_with_targets_by_year(concept_004):
    prog, _ = concept_004
    assert len(prog.indicators) == 9
    for ind, (line, values) in zip(prog.indicators, INDICATORS):
        assert ind.span.start == line
        assert ind.unit == "%" and ind.baseline is None  # no baselines are given (§2.6)
        expected = {2025 + k: v for k, v in enumerate(values) if v is not None}
        assert ind.targets == expected
    assert prog.indicators[0].name == "Кедейлік шегінде өмір сүретін мүгедектігі бар адамдардың үлесі"
    assert prog.indicators[3].name == (
        "Еңбекке қабілеттілер қатарындағы тұрақты жұмыс орындарына жұмысқа "
        "орналастырылған мүгедектігі бар адамдардың үлесі"
    )


def test_004_abbreviation_legend_has_22_entries(concept_004):
    prog, _ = concept_004
    legend = prog.abbreviations
    assert len(legend) == 22
    assert legend['"Атамекен" ҰКП'] == 'Қазақстан Республикасының "Атамекен" Ұлттық кәсіпкерлер палатасы'
    assert legend["Еңбекмині"] == "Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрлігі"
    assert legend["ЖАО"] == "жергілікті атқарушы органдар"
    assert legend["СЖРА ҰСБ"] == (
        "Қазақстан Республикасының Стратегиялық жоспарлау және реформалар "
        "агенттігінің Ұлттық статистика бюросы"
    )
    assert legend["ЭТРМ"] == "Қазақстан Республикасының Экология және табиғи ресурстар министрлігі"
    # the Latin "i" of L.1801 is read as Kazakh "і" (§7.8)
    assert legend["АҚЖҰО"] == "Адам құқықтары жөніндегі ұлттық орталық"
    used = {e.raw for m in prog.measures for e in m.executors}
    assert "ҰЭМ" in legend and "ҰЭМ" not in used  # listed, but assigned no measure (CQ10)


# ------------------------------------------------------------------------------ general rules, Russian

RU = [
    "\t",
    "№ п/п",
    "\t",
    "Наименование мероприятия",
    "\t",
    "Форма завершения",
    "\t",
    "Ответственные исполнители",
    "\t",
    "Срок исполнения",
    "\t",
    "Предполагаемые расходы (млн тенге)",
    "\t",
    "Источник финансирования",
    "",
    "\t",
    "Направление 1. Доступная среда",
    "",
    "Целевой индикатор 1. Доля доступных объектов: 2025 году – 40 %, 2026 году – 50 %",
    "",
    "\t",
    "1.",
    "\t",
    "Провести аудит доступности",
    "\t",
    "информация в МТСЗН",
    "\t",
    'МИО, НПП "Атамекен" (по согласованию)',
    "\t",
    "декабрь 2025 года",
    "\t",
    "12,5",
    "\t",
    "местный бюджет",
    "",
    "\t",
    "2.",
    "\t",
    "Обучить специалистов",
    "\t",
    "приказ",
    "",
]


def test_russian_tab_table_reads_roles_indicators_amounts_and_reports_short_rows():
    ctx = LayoutContext(period=(2025, 2030), language="ru", raw_lines=RU)
    assert tab.detect(RU, 0, len(RU)) >= 0.9
    res = tab.parse(RU, 0, len(RU), ctx)
    assert [(s.key, s.title) for s in res.sections] == [("1", "Доступная среда")]
    assert res.indicators[0].targets == {2025: "40", 2026: "50"} and res.indicators[0].unit == "%"
    assert res.rows_seen == 2
    first, second = res.measures
    assert (first.name, first.form) == ("Провести аудит доступности", "информация в МТСЗН")
    assert [(e.raw, e.by_agreement) for e in first.executors] == [("МИО", False), ('НПП "Атамекен"', True)]
    assert (first.deadline.start, first.deadline.end) == (date(2025, 12, 1), date(2025, 12, 31))
    assert [(str(a.value), a.unit) for a in first.amounts] and first.amounts[0].value == 12.5
    assert first.funding_required is True and first.funding_source == "местный бюджет"
    assert second.name == "Обучить специалистов" and second.deadline is None
    short = [w for w in res.warnings if "has 3 cells" in w.message]
    assert short and str(short[0].span) == "37-41"  # lines of the "2." cell to the last cell


def test_tab_table_without_raw_lines_is_reported_not_guessed():
    normalised = [ln.replace("\t", "") for ln in RU]
    res = tab.parse(normalised, 0, len(normalised), LayoutContext())
    assert res.measures == [] and res.warnings and res.warnings[0].code == "plan-layout"
