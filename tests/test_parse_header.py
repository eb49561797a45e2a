"""The head of an act: one test per act type, in Kazakh and Russian (tests/texts/*)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kglaw.parse.document import parse_file, parse_text
from kglaw.parse.header import status_of

TEXTS = Path(__file__).parent / "texts"


def read(name: str):
    return parse_file(TEXTS / name)


def identity(doc):
    a = doc.act
    return (a.type, a.issuer.key if a.issuer else None, a.date, a.number)


def registration(doc):
    r = doc.registration
    return (r.number, r.date, r.body_key) if r else None


@pytest.mark.parametrize(
    "name, expected",
    [
        ("kk_law.txt", ("law", "rk", date(2005, 4, 13), "39")),
        ("ru_law.txt", ("law", "rk", date(2005, 4, 13), "39")),
        ("kk_code.txt", ("code", "rk", date(2023, 4, 20), "224-VII")),
        ("ru_code.txt", ("code", "rk", date(2023, 4, 20), "224-VII")),
        ("kk_presidential_decree.txt", ("decree", "president", date(2023, 12, 8), "409")),
        ("ru_presidential_decree.txt", ("decree", "president", date(2023, 12, 8), "409")),
        ("kk_government_resolution.txt", ("resolution", "government", date(2024, 12, 30), "1143")),
        ("ru_government_resolution.txt", ("resolution", "government", date(2024, 12, 30), "1143")),
        ("kk_prime_minister_order.txt", ("order", "prime-minister", date(2020, 3, 27), "55-ө")),
        ("ru_prime_minister_order.txt", ("order", "prime-minister", date(2020, 3, 27), "55-р")),
        (
            "kk_ministerial_order.txt",
            ("order", "ministry-of-labour-and-social-protection-of-population", date(2023, 6, 29), "263"),
        ),
        (
            "ru_ministerial_order.txt",
            (
                "order",
                "ministry-of-digital-development-innovation-and-aerospace-industry",
                date(2022, 9, 30),
                "389-НҚ",
            ),
        ),
        (
            "kk_maslikhat_decision_old_format.txt",
            ("decision", "kyzylorda-oblast-maslikhat", date(2005, 12, 20), "245"),
        ),
        ("ru_maslikhat_decision.txt", ("decision", "kyzylorda-oblast-maslikhat", date(2005, 12, 20), "245")),
        ("kk_akimat_resolution.txt", ("resolution", "atyrau-oblast-akimat", date(2015, 5, 12), "123")),
        ("ru_akimat_resolution.txt", ("resolution", "atyrau-oblast-akimat", date(2015, 5, 12), "123")),
        ("ru_akim_decision.txt", ("decision", "atyrau-oblast-akim", date(2017, 4, 5), "12")),
        ("kk_joint_act.txt", ("joint-act", "kostanay-oblast-akimat-and-maslikhat", date(2015, 12, 9), "5")),
        ("ru_joint_act.txt", ("joint-act", "kostanay-oblast-akimat-and-maslikhat", date(2015, 12, 9), "5")),
        ("kk_national_bank_resolution.txt", ("resolution", "national-bank", date(2016, 8, 31), "208")),
        ("ru_national_bank_resolution.txt", ("resolution", "national-bank", date(2016, 8, 31), "208")),
        (
            "kk_district_maslikhat_decision.txt",
            ("decision", "zhualy-district-maslikhat", date(2014, 6, 6), "31-4"),
        ),
        (
            "ru_district_maslikhat_decision.txt",
            ("decision", "beineu-district-maslikhat", date(2017, 10, 30), "18/145"),
        ),
        (
            "kk_city_maslikhat_decision.txt",
            ("decision", "kapshagai-city-maslikhat", date(2015, 12, 9), "56-227"),
        ),
        ("ru_city_maslikhat_decision.txt", ("decision", "almaty-city-maslikhat", date(2011, 12, 30), "485")),
    ],
)
def test_header_identity_for_each_act_type(name, expected):
    assert identity(read(name)) == expected


def test_header_district_act_keeps_its_region():
    issuer = read("kk_district_maslikhat_decision.txt").act.issuer
    assert (issuer.level, issuer.region, issuer.district) == ("district", "zhambyl", "zhualy")


def test_header_title_is_the_lines_above_the_identity_line():
    doc = read("kk_maslikhat_decision_old_format.txt")
    assert (
        doc.act.title
        == "Қызылорда облысы бойынша мүгедектерді оңалтудың 2006-2008 жылдарға арналған бағдарламасын бекіту туралы"
    )
    assert doc.act.title_lang == "kk"
    assert (
        read("ru_presidential_decree.txt").act.title
        == "Об утверждении Плана действий в области прав человека и верховенства закона"
    )


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "kk_maslikhat_decision_old_format.txt",
            ("4141", date(2006, 1, 23), "kyzylorda-oblast-justice-department"),
        ),
        ("ru_maslikhat_decision.txt", ("4141", date(2006, 1, 23), "kyzylorda-oblast-justice-department")),
        ("kk_ministerial_order.txt", ("32941", date(2023, 6, 29), "ministry-of-justice")),
        ("ru_ministerial_order.txt", ("29930", date(2022, 9, 30), "ministry-of-justice")),
        ("kk_national_bank_resolution.txt", ("14419", date(2016, 9, 30), "ministry-of-justice")),
        ("ru_city_maslikhat_decision.txt", ("920", date(2012, 1, 13), "almaty-city-justice-department")),
        (
            "kk_mirror_date_year_day_month.txt",
            ("6-6-103", date(2011, 1, 12), "zhambyl-oblast-justice-department"),
        ),
    ],
)
def test_header_registration_with_a_justice_body(name, expected):
    assert registration(read(name)) == expected


def test_header_registration_body_label_in_the_nominative():
    assert (
        read("kk_maslikhat_decision_old_format.txt").registration.body
        == "Қызылорда облысы Әділет департаменті"
    )
    assert read("ru_akimat_resolution.txt").registration.body == "Департамент юстиции Атырауской области"


@pytest.mark.parametrize(
    "name, status, raw",
    [
        ("kk_maslikhat_decision_old_format.txt", "repealed", "Күшін жойған"),
        ("ru_maslikhat_decision.txt", "repealed", "Утратил силу"),
        ("kk_ministerial_order.txt", "in_force", "Жаңа"),
        ("ru_ministerial_order.txt", "in_force", "Новый"),
        ("kk_city_maslikhat_decision.txt", "in_force", "Жаңартылған"),
        ("ru_city_maslikhat_decision.txt", "in_force", "Обновленный"),
        ("kk_note_amended_several.txt", "in_force", "Қолданыстағы"),
        ("ru_district_maslikhat_decision.txt", "in_force", "Действующий"),
    ],
)
def test_header_status_words(name, status, raw):
    doc = read(name)
    assert (doc.status, doc.status_raw) == (status, raw)
    assert doc.status_span is not None


def test_status_word_kushinde_and_unknown_words():
    assert status_of("Күшінде") == "in_force"
    assert status_of("Черновик") == "unknown"


@pytest.mark.parametrize(
    "raw, number",
    [
        ("N№301-ІІ", "301-II"),
        ("№ 18/145", "18/145"),
        ("№ 389-НҚ", "389-НҚ"),
        ("N 39", "39"),
        ("№ 224-VII", "224-VII"),
        ("№ 224-ІІІ", "224-III"),
    ],
)
def test_header_number_forms(raw, number):
    doc = parse_text(
        f"Бюджет туралы\nАтырау облыстық мәслихатының 2003 жылғы 6 маусымдағы {raw} шешімі.\n", "x.txt"
    )
    assert doc.act.number == number


@pytest.mark.parametrize(
    "date_text, expected",
    [
        ("2005 жылғы 20 желтоқсандағы", date(2005, 12, 20)),
        ("20.12.2005", date(2005, 12, 20)),
        ("2005.12.20", date(2005, 12, 20)),
        ("2005.20.12", date(2005, 12, 20)),  # YYYY.DD.MM of some mirrors
    ],
)
def test_header_date_forms(date_text, expected):
    doc = parse_text(f"Бюджет туралы\nАтырау облыстық мәслихатының {date_text} № 5 шешімі.\n", "x.txt")
    assert doc.act.date == expected


def test_header_russian_numeric_date():
    doc = parse_text("О бюджете\nРешение Атырауского областного маслихата от 20.12.2005 г. № 5.\n", "x.txt")
    assert doc.act.date == date(2005, 12, 20)


def test_header_web_metadata_block_and_adilet_code():
    doc = read("kk_web_copy_with_navigation.txt")
    assert identity(doc) == ("decision", "zhualy-district-maslikhat", date(2014, 6, 6), "31-4")
    assert doc.act.adilet == "V14GD002268"
    assert (doc.status, doc.status_raw) == ("in_force", "Қолданыстағы")
    assert doc.act.title == "Жуалы ауданының 2014-2016 жылдарға арналған бюджеті туралы"


def test_header_web_metadata_status_and_change_history_json():
    doc = read("ru_web_copy_with_history.txt")
    assert doc.act.adilet == "V09A0002551"
    assert doc.status == "in_force"
    [amending] = doc.amended_by
    assert (amending.type, amending.date, amending.number, amending.effective_date, amending.adilet) == (
        "decision",
        date(2010, 5, 12),
        "5",
        date(2010, 6, 1),
        "V10A0002570",
    )


def test_header_html_page_inside_site_navigation():
    doc = read("ru_web_page.html")
    assert identity(doc) == ("decision", "atyrau-oblast-maslikhat", date(2009, 4, 10), "210-IV")
    assert doc.act.title == "Об утверждении Правил оказания социальной помощи в Атырауской области"
    assert doc.status == "repealed"
    assert [(r.number, r.effective_date) for r in doc.repealed_by] == [("7", date(2012, 4, 1))]


def test_header_analytical_report_of_a_public_association():
    doc = read("kk_analytical_report.txt")
    assert doc.act.type == "report"
    assert doc.act.issuer.key == "korgan-m-public-association"
    assert (doc.act.date, doc.act.year, doc.act.number) == (None, 2023, None)
    assert doc.act.title.endswith("Аналитикалық есеп")


def test_header_absent_fields_stay_empty():
    doc = read("kk_no_identity.txt")
    a = doc.act
    assert (a.type, a.issuer, a.date, a.number, a.title, a.adilet, a.year) == (None,) * 7
    assert doc.registration is None and doc.status == "unknown" and doc.status_raw is None
    assert doc.repealed_by == doc.amended_by == doc.amends == doc.repeals == doc.based_on == doc.cites == []
    assert any(w.code == "header" for w in doc.warnings)


def test_header_without_registration_has_none():
    assert read("kk_government_resolution.txt").registration is None


def test_header_language_detection():
    assert read("kk_law.txt").language == "kk"
    assert read("ru_law.txt").language == "ru"


def test_header_menu_lines_above_the_title_are_not_the_title():
    doc = read("ru_web_copy_menu_above_title.txt")
    assert doc.act.title == (
        "Об утверждении Правил оказания социальной помощи, установления размеров и определения "
        "перечня отдельных категорий нуждающихся граждан"
    )
    assert identity(doc) == ("resolution", "shymkent-city-akimat", date(2008, 6, 7), "14")
    assert (doc.status, doc.status_raw) == ("in_force", "Обновленный")
    assert [(r.date, r.number, r.effective_date) for r in doc.amended_by] == [
        (date(2009, 9, 30), "11", None),
        (date(2010, 1, 28), "5", date(2010, 3, 1)),
    ]


def test_header_issuer_labels_in_the_nominative():
    assert read("ru_maslikhat_decision.txt").act.issuer.label == "Кызылординский областной маслихат"
    assert read("ru_akimat_resolution.txt").act.issuer.label == "Акимат Атырауской области"
    assert (
        read("ru_ministerial_order.txt").act.issuer.label
        == "Министр цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан"
    )
    assert read("kk_akimat_resolution.txt").act.issuer.label == "Атырау облысы әкімдігі"


def test_header_district_name_that_ends_like_a_participle():
    doc = parse_text(
        "Қағидалар туралы\nКүшінде\nЖаңақорған ауданы әкімдігінің 2011 жылғы 25 тамыздағы N 34 қаулысы.\n",
        "x.txt",
    )
    assert doc.act.issuer.key == "zhanakorgan-district-akimat"
    assert doc.act.issuer.label == "Жаңақорған ауданы әкімдігі"


def test_header_registration_without_number_sign():
    ru = parse_text(
        "О ставках\nРешение маслихата Жамбылской области от 12 декабря 2008 года N 13-5. Зарегистрировано "
        "Департаментом юстиции Жамбылской области 29 декабря 2008 года за номером 1710\n",
        "x.txt",
    )
    kk = parse_text(
        "Көмек туралы\nЖамбыл облыстық мәслихатының 2008 жылғы 12 желтоқсандағы N 13-5 шешімі. Жамбыл "
        "облысының Әділет департаментінде 2008 жылғы 29 желтоқсанда 1710 нөмірімен тіркелді\n",
        "x.txt",
    )
    assert (
        registration(ru)
        == registration(kk)
        == ("1710", date(2008, 12, 29), "zhambyl-oblast-justice-department")
    )
    assert ru.act.issuer.key == kk.act.issuer.key == "zhambyl-oblast-maslikhat"


def test_header_city_of_republican_significance_by_its_adjective():
    doc = parse_text(
        "О Правилах\nРешение Алматинского городского маслихата от 30 декабря 2011 года № 485.\n", "x.txt"
    )
    assert doc.act.issuer.key == "almaty-city-maslikhat"
    assert doc.act.issuer.label == "Алматинский городской маслихат"


def test_header_constitutional_law():
    kk = parse_text(
        "Сайлау туралы\nҚазақстан Республикасының Конституциялық заңы 1995 жылғы 28 қыркүйектегі N 2464.\n",
        "x.txt",
    )
    ru = parse_text(
        "О выборах\nКонституционный закон Республики Казахстан от 28 сентября 1995 года № 2464.\n", "x.txt"
    )
    assert identity(kk) == identity(ru) == ("law", "rk", date(1995, 9, 28), "2464")


def test_header_web_metadata_copied_from_a_table_without_colons():
    doc = read("ru_web_copy_metadata_table.txt")
    assert (doc.status, doc.status_raw, doc.act.adilet) == ("repealed", "Утратил силу", "V09A0002551")
    assert doc.act.title == "Об утверждении Правил оказания социальной помощи"
    assert [(r.number, r.effective_date) for r in doc.repealed_by] == [("7", date(2012, 4, 1))]


def test_header_date_with_the_day_in_quotes():
    doc = parse_text(
        "О программе\nРешение Кызылординского областного маслихата от «20» декабря 2005 года N 245.\n",
        "x.txt",
    )
    assert (doc.act.date, doc.act.number) == (date(2005, 12, 20), "245")


def test_header_order_of_an_acting_minister_io():
    doc = parse_text(
        "Об утверждении Правил\nПриказ и.о. Министра здравоохранения Республики Казахстан от 30 октября 2009 года "
        "№ 626. Зарегистрирован в Министерстве юстиции Республики Казахстан 25 ноября 2009 года № 5898.\n",
        "x.txt",
    )
    assert identity(doc) == ("order", "ministry-of-healthcare", date(2009, 10, 30), "626")
    assert registration(doc) == ("5898", date(2009, 11, 25), "ministry-of-justice")


def test_header_order_of_an_acting_minister_ma():
    doc = parse_text(
        "Ережені бекіту туралы\nҚазақстан Республикасы Денсаулық сақтау министрінің м.а. 2009 жылғы 30 қазандағы "
        "№ 626 бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2009 жылғы 25 қарашада № 5898 болып тіркелді.\n",
        "x.txt",
    )
    assert identity(doc) == ("order", "ministry-of-healthcare", date(2009, 10, 30), "626")
    assert doc.act.issuer.label == "Қазақстан Республикасы Денсаулық сақтау министрінің міндетін атқарушы"


@pytest.mark.parametrize(
    ("name", "expected", "title"),
    [
        (
            "kk_government_resolution_title_after_number.txt",
            ("resolution", "government", date(2021, 12, 29), "960"),
            "Мүгедектігі бар адамдарды жұмысқа орналастыру жөніндегі 2022 – 2024 жылдарға арналған кешенді "
            "жоспарды бекіту туралы",
        ),
        (
            "ru_government_resolution_title_after_number.txt",
            ("resolution", "government", date(2021, 12, 29), "960"),
            "Об утверждении Комплексного плана по трудоустройству лиц с инвалидностью на 2022 – 2024 годы",
        ),
        (
            "kk_ministerial_order_title_after_number.txt",
            ("order", "ministry-of-healthcare", date(2020, 10, 30), "ҚР ДСМ-175/2020"),
            "Медициналық-әлеуметтік сараптама жүргізу қағидаларын бекіту туралы",
        ),
    ],
)
def test_header_official_layout_with_the_title_below_the_date_and_number(name, expected, title):
    # "Қазақстан Республикасы Үкіметінің қаулысы" / "2021 жылғы 29 желтоқсандағы № 960" / place / title
    doc = parse_file(TEXTS / name)
    a = doc.act
    assert (a.type, a.issuer.key, a.date, a.number) == expected
    assert a.title == title
    assert a.span is not None and a.span.start == 1
    assert not [w for w in doc.warnings if w.code == "header"]


def test_header_official_layout_in_capitals_keeps_a_republican_body_label():
    doc = parse_file(TEXTS / "ru_government_resolution_title_after_number.txt")
    assert doc.act.issuer.label == "Правительство Республики Казахстан"
    # the preamble after the title is the legal basis, not part of the head
    assert [r.title for r in doc.based_on] == [
        "О социальной защите лиц с инвалидностью в Республике Казахстан"
    ]


def test_header_official_layout_of_a_local_body_in_capitals_states_no_label():
    text = (
        "РЕШЕНИЕ КЫЗЫЛОРДИНСКОГО ОБЛАСТНОГО МАСЛИХАТА\n"
        "от 20 декабря 2005 года № 245\n"
        "г. Кызылорда\n"
        "\n"
        "Об утверждении Программы\n"
        "      Областной маслихат РЕШИЛ:\n"
        "      1. Утвердить Программу.\n"
    )
    doc = parse_text(text, "x.txt")
    a = doc.act
    assert (a.type, a.issuer.key, a.date, a.number, a.title) == (
        "decision",
        "kyzylorda-oblast-maslikhat",
        date(2005, 12, 20),
        "245",
        "Об утверждении Программы",
    )
    assert a.issuer.label is None


def test_header_registration_in_the_register_names_the_register_in_the_nominative():
    reg = read("ru_order_reestr_registration_and_repeal_of_several.txt").registration
    assert (reg.number, reg.date, reg.body, reg.body_key) == (
        "22141",
        date(2021, 1, 27),
        "Реестр государственной регистрации нормативных правовых актов",
        None,
    )
    text = (
        "Қағидаларды бекіту туралы\n"
        "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің 2021 жылғы 22 қаңтардағы № 18 "
        "бұйрығы. Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімінде 2021 жылғы 27 қаңтарда № 22141 "
        "болып тіркелді\n"
        "      БҰЙЫРАМЫН:\n"
    )
    reg = parse_text(text, "x.txt").registration
    assert (reg.number, reg.date, reg.body) == (
        "22141",
        date(2021, 1, 27),
        "Нормативтік құқықтық актілерді мемлекеттік тіркеу тізілімі",
    )


def test_header_kazakh_joint_order_of_two_ministers_keeps_the_first():
    # "X министрінің … № 85 және Y министрінің … № 41 бірлескен бұйрығы." — as the Russian "Совместный
    # приказ Министра … № 85 и Министра … № 41"
    for name in ("kk_joint_order_two_ministers.txt", "ru_joint_order_two_numbers.txt"):
        doc = read(name)
        a = doc.act
        assert (a.type, a.issuer.key, a.date, a.number) == (
            "joint-act",
            "ministry-of-labour-and-social-protection-of-population",
            date(2023, 3, 15),
            "85",
        ), name
        assert a.title.startswith("Мүгедектігі бар адамдарды") or a.title.startswith("Об утверждении Правил")
        assert doc.registration.number == "32105"
        assert doc.cites == []  # the second minister's number is the act's own, not another act


def test_header_registration_with_a_district_justice_office_is_not_the_oblast_department():
    for text in (
        "Об утверждении\nРешение Кармакшинского районного маслихата Кызылординской области от 10 апреля 2008 года "
        "№ 45. Зарегистрировано Управлением юстиции Кармакшинского района Кызылординской области 15 мая 2008 года "
        "за № 10-5-88\n      Районный маслихат РЕШИЛ:\n",
        "Бекіту туралы\nҚызылорда облысы Қармақшы аудандық мәслихатының 2008 жылғы 10 сәуірдегі № 45 шешімі. "
        "Қызылорда облысы Қармақшы ауданының Әділет басқармасында 2008 жылғы 15 мамырда № 10-5-88 тіркелді\n"
        "      Аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n",
    ):
        reg = parse_text(text, "x.txt").registration
        assert (reg.number, reg.date, reg.body_key) == ("10-5-88", date(2008, 5, 15), None)
        assert reg.body.startswith(
            ("Управление юстиции Кармакшинского района", "Қызылорда облысы Қармақшы ауданының")
        )


@pytest.mark.parametrize(
    ("line", "issuer"),
    [
        (
            "Нормативное постановление Верховного Суда Республики Казахстан от 20 апреля 2018 года № 3",
            "supreme-court",
        ),
        (
            "Нормативное постановление Конституционного Суда Республики Казахстан от 20 апреля 2023 года № 3",
            "constitutional-court",
        ),
        (
            "Постановление Конституционного Совета Республики Казахстан от 20 апреля 2018 года № 3",
            "constitutional-court",
        ),
        (
            "Қазақстан Республикасы Конституциялық Сотының 2023 жылғы 20 сәуірдегі № 3 нормативтік қаулысы",
            "constitutional-court",
        ),
    ],
    ids=[
        "ru-supreme-court",
        "ru-constitutional-court",
        "ru-constitutional-council",
        "kk-constitutional-court",
    ],
)
def test_header_normative_resolutions_of_the_courts(line, issuer):
    # "Нормативное …" opens the identity line with a capital; "Конституционного Суда" / "Конституциялық
    # Сотының" is a body, not the noun "Конституция"
    doc = parse_text(f"О судебной практике\n{line}\n      Пленарное заседание ПОСТАНОВЛЯЕТ:\n", "x.txt")
    assert (doc.act.type, doc.act.issuer.key, doc.act.number) == ("resolution", issuer, "3")


@pytest.mark.parametrize(
    ("line", "key"),
    [
        (
            "Приказ Председателя Агентства Республики Казахстан по делам государственной службы от 21 февраля 2017 "
            "года № 40",
            "agentstvo-respubliki-kazakhstan-po-delam-gosudarstvennoi-sluzhby",
        ),
        (
            "Постановление Правления Агентства Республики Казахстан по регулированию и развитию финансового рынка "
            "от 30 марта 2020 года № 40",
            "agentstvo-respubliki-kazakhstan-po-regulirovaniyu-i-razvitiyu-finansovogo-rynka",
        ),
        (
            "Қазақстан Республикасы Мемлекеттік қызмет істері агенттігі Төрағасының 2017 жылғы 21 ақпандағы № 40 "
            "бұйрығы",
            "memlekettik-kyzmet-isteri-agenttigi",
        ),
    ],
    ids=["ru-chairman", "ru-board", "kk-chairman"],
)
def test_header_act_of_an_agency_signed_by_its_chairman_or_board_is_the_agencys(line, key):
    # the slug names the agency, as when the text names the agency itself; the label keeps the post
    doc = parse_text(f"Об утверждении Правил\n{line}\n      ПРИКАЗЫВАЮ:\n", "x.txt")
    assert (doc.act.issuer.key, doc.act.number) == (key, "40")
    assert doc.act.issuer.label.startswith(("Председатель", "Правление", "Қазақстан Республикасы"))


@pytest.mark.parametrize(
    "text",
    [
        "Приказ Министра здравоохранения Республики Казахстан от 30 октября 2020 года № ҚР ДСМ-175/2020\n"
        "Об утверждении правил проведения медико-социальной экспертизы\n"
        "(с изменениями и дополнениями по состоянию на 22.03.2023 г.)\n"
        "      ПРИКАЗЫВАЮ:\n      1. Утвердить.\n",
        "Об утверждении правил проведения медико-социальной экспертизы (с изменениями и дополнениями по состоянию "
        "на 22.03.2023 г.)\n"
        "Приказ Министра здравоохранения Республики Казахстан от 30 октября 2020 года № ҚР ДСМ-175/2020\n"
        "      ПРИКАЗЫВАЮ:\n      1. Утвердить.\n",
    ],
    ids=["below", "above"],
)
def test_header_title_without_the_mirrors_edition_note(text):
    # a mirror's "(с изменениями … по состоянию на …)" is not part of the title; a title below the identity
    # line ends where the indented body begins
    assert (
        parse_text(text, "x.txt").act.title == "Об утверждении правил проведения медико-социальной экспертизы"
    )
    kk = (
        "Медициналық-әлеуметтік сараптама жүргізу қағидаларын бекіту туралы (2023.22.03. берілген өзгерістермен)\n"
        "Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 30 қазандағы № ҚР ДСМ-175/2020 бұйрығы\n"
        "      БҰЙЫРАМЫН:\n"
    )
    assert (
        parse_text(kk, "x.txt").act.title
        == "Медициналық-әлеуметтік сараптама жүргізу қағидаларын бекіту туралы"
    )


def test_header_registration_date_written_zhyly():
    # "2020 жылы 4 қарашада" (narrative "жылы" for "жылғы") is a date the registration line states
    text = (
        "Бекіту туралы\nҚазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 30 қазандағы № ҚР ДСМ-175/2020 "
        "бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2020 жылы 4 қарашада № 21579 тіркелді\n"
        "      БҰЙЫРАМЫН:\n"
    )
    reg = parse_text(text, "x.txt").registration
    assert (reg.number, reg.date) == ("21579", date(2020, 11, 4))


@pytest.mark.parametrize(
    ("line", "key", "level"),
    [
        (
            "Решение акима Аксуского сельского округа Сарыагашского района Туркестанской области от 5 мая 2023 года № 5",
            "saryagash-district-aksu-rural-okrug-akim",
            "rural-okrug",
        ),
        (
            "Түркістан облысы Сарыағаш ауданы Ақсу ауылдық округі әкімінің 2023 жылғы 5 мамырдағы № 5 шешімі",
            "saryagash-district-aksu-rural-okrug-akim",
            "rural-okrug",
        ),
        (
            "Ақмола облысы Аршалы ауданы Жібек жолы кенті әкімінің 2023 жылғы 5 мамырдағы № 5 шешімі",
            "arshaly-district-zhibek-zholy-village-akim",
            "village",
        ),
    ],
    ids=["ru-rural-okrug", "kk-rural-okrug", "kk-village"],
)
def test_header_decision_of_the_akim_of_a_rural_okrug_or_village_is_not_the_district_akims(line, key, level):
    doc = parse_text(f"Об утверждении\n{line}\n      РЕШИЛ:\n", "x.txt")
    assert (doc.act.issuer.key, doc.act.issuer.level, doc.act.issuer.kind) == (key, level, "akim")
