"""In-text citations and legal basis (eli:cites, eli:based_on), Kazakh and Russian."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kglaw.parse.citations import clean_number, clean_title, find_refs
from kglaw.parse.document import parse_file
from kglaw.parse.normalize import join_lines, normalize_line

TEXTS = Path(__file__).parent / "texts"


def read(name: str):
    return parse_file(TEXTS / name)


def one(text: str):
    hits = find_refs(join_lines([normalize_line(text)]))
    assert len(hits) == 1, [h.ref for h in hits]
    return hits[0].ref


def test_citation_kk_law_by_date_only():
    r = one("Қазақстан Республикасының 2005 жылғы 13 сәуірдегі Заңы бойынша")
    assert (r.type, r.issuer.key, r.date, r.number, r.title) == ("law", "rk", date(2005, 4, 13), None, None)


def test_citation_ru_law_by_date_number_and_title():
    r = one(
        "согласно Закону Республики Казахстан от 13 апреля 2005 года № 39 «О социальной защите инвалидов в Республике Казахстан»"
    )
    assert (r.type, r.issuer.key, r.date, r.number) == ("law", "rk", date(2005, 4, 13), "39")
    assert r.title == "О социальной защите инвалидов в Республике Казахстан" and r.title_lang == "ru"


def test_citation_kk_quoted_title_before_noun():
    r = one('"Халықты жұмыспен қамту туралы" Қазақстан Республикасының Заңы ескерілсін')
    assert (r.type, r.title, r.date, r.number) == ("law", "Халықты жұмыспен қамту туралы", None, None)


def test_citation_kk_title_after_date_and_number():
    r = one(
        'Қазақстан Республикасының 2002 жылғы 11 шілдедегі N 343-II "Кемтар балаларды қолдау туралы"  Заңын орындау'
    )
    assert (r.date, r.number, r.title) == (date(2002, 7, 11), "343-II", "Кемтар балаларды қолдау туралы")


def test_citation_kk_date_before_issuer():
    r = one(
        '"Кейбір актілерге өзгерістер енгізу туралы" 2021 жылғы 26 маусымдағы Қазақстан Республикасының Заңымен'
    )
    assert (r.type, r.issuer.key, r.date, r.title) == (
        "law",
        "rk",
        date(2021, 6, 26),
        "Кейбір актілерге өзгерістер енгізу туралы",
    )


def test_citation_kk_decree_with_title_first():
    r = one(
        '"Адам құқықтары туралы" Қазақстан Республикасы Президентінің 2023 жылғы 8 желтоқсандағы № 409 Жарлығы.'
    )
    assert (r.type, r.issuer.key, r.date, r.number) == ("decree", "president", date(2023, 12, 8), "409")


def test_citation_kk_ministerial_order_of_acting_minister():
    r = one(
        "Қазақстан Республикасы Денсаулық сақтау және әлеуметтік даму министрінің міндетін атқарушының "
        "2015 жылғы 27 қарашадағы № 896 бұйрығына"
    )
    assert (r.type, r.issuer.key, r.number) == (
        "order",
        "ministry-of-healthcare-and-social-development",
        "896",
    )


def test_citation_kk_code_with_article_pinpoint():
    r = one("Қазақстан Республикасы Еңбек кодексінің 54-бабы сақталсын")
    assert (r.type, r.title, r.pinpoint) == ("code", "Еңбек кодексі", "54-бап")


def test_citation_kk_law_article_pinpoint_after_noun():
    r = one(
        '2001 жылғы 23 қаңтардағы № 148-II "Жергілікті мемлекеттік басқару туралы" Заңының 27 бабын басшылыққа ала отырып'
    )
    assert (r.number, r.pinpoint) == ("148-II", "27-бап")


def test_citation_ru_pinpoint_before_noun():
    r = one(
        "В соответствии с пунктом 2 статьи 18 Закона Республики Казахстан от 6 апреля 2016 года «О правовых актах»"
    )
    assert (r.pinpoint, r.title) == ("пункт 2 статьи 18", "О правовых актах")


def test_citation_ru_code_named_by_adjective():
    r = one("Соблюдать требования Трудового кодекса Республики Казахстан.")
    assert (r.type, r.title, r.issuer.key) == ("code", "Трудовой кодекс", "rk")


def test_citation_ru_code_about_subject():
    r = one("согласно статье 85 Кодекса Республики Казахстан об административных правонарушениях.")
    assert (r.type, r.title, r.pinpoint) == (
        "code",
        "Кодекс об административных правонарушениях",
        "статья 85",
    )


def test_citation_constitution():
    r = one("Қазақстан Республикасының Конституциясы талданды")
    assert (r.type, r.issuer.key) == ("constitution", "rk")


def test_generic_mentions_are_not_acts():
    text = (
        "Қазақстан Республикасының заңнамасына сәйкес және Қазақстан Республикасының заңдарында көзделген; "
        "в порядке, установленном законодательством Республики Казахстан и законами Республики Казахстан; "
        "заңды тұлғалар; осы шешім; настоящее решение"
    )
    assert find_refs(join_lines([text])) == []


def test_foreign_acts_are_not_kazakh_acts():
    text = '"Ресей Федерациясындағы мүгедектерді әлеуметтік қорғау туралы" Федералды заң'
    assert find_refs(join_lines([text])) == []


def test_citations_of_a_document_are_merged_and_exclude_generic():
    doc = read("kk_citations.txt")
    assert [(r.type, r.date, r.title) for r in doc.cites] == [
        ("law", date(2005, 4, 13), None),
        ("law", None, "Халықты жұмыспен қамту туралы"),
        ("code", None, "Еңбек кодексі"),
    ]


def test_ru_citations_of_a_document():
    doc = read("ru_citations.txt")
    assert [(r.type, r.number, r.title) for r in doc.cites] == [
        ("law", "39", "О социальной защите инвалидов в Республике Казахстан"),
        ("code", None, "Трудовой кодекс"),
        ("code", None, "Кодекс об административных правонарушениях"),
    ]


def test_based_on_kk_sakes():
    doc = read("kk_maslikhat_decision_old_format.txt")
    assert [(r.type, r.title) for r in doc.based_on] == [
        ("law", "Қазақстан Республикасында мүгедектерді әлеуметтік қорғау туралы")
    ]
    assert doc.cites == []


def test_based_on_ru_v_sootvetstvii_s():
    doc = read("ru_government_resolution.txt")
    assert [(r.type, r.date, r.number, r.pinpoint) for r in doc.based_on] == [
        ("law", date(2016, 4, 6), "480-V", "пункт 2 статьи 18")
    ]


def test_based_on_ru_rukovodstvuyas():
    doc = read("ru_address_and_basis_kk_sokes.txt")
    assert [(r.type, r.issuer.key, r.date, r.number) for r in doc.based_on] == [
        ("address", "president", date(2004, 3, 19), None),
        ("resolution", "government", date(2004, 11, 30), "1241"),
    ]


def test_based_on_passport_basis_for_development():
    doc = read("kk_basis_in_passport.txt")
    assert [(r.type, r.date, r.number) for r in doc.based_on] == [
        ("decree", date(2023, 12, 8), "409"),
        ("resolution", date(2017, 11, 29), "790"),
    ]
    assert [r.title for r in doc.cites] == ["Білім туралы"]


def test_self_reference_is_not_a_citation():
    doc = read("kk_code.txt")
    assert all(r.title != "Әлеуметтік кодексі" for r in doc.cites)


def test_clean_title_removes_outer_quotes_of_any_style_and_keeps_inner_ones():
    assert clean_title("“О правовых актах”") == "О правовых актах"
    assert clean_title("«О правовых актах»") == clean_title('"О правовых актах"') == "О правовых актах"
    assert (
        clean_title('"Халықты жұмыспен қамту туралы" Заңына өзгерістер')
        == '"Халықты жұмыспен қамту туралы" Заңына өзгерістер'
    )
    assert (
        clean_title('" Қазақстан Республикасындағы жергілікті басқару туралы')
        == "Қазақстан Республикасындағы жергілікті басқару туралы"
    )


def test_number_without_kazakh_case_ending():
    assert clean_number("№ 98-ден") == "98"
    assert clean_number("№ 10-56-VIII") == "10-56-VIII"


def test_citation_ru_code_about_subject_then_date_and_number():
    r = one(
        "1. В Кодекс Республики Казахстан об административных правонарушениях от 5 июля 2014 года (Ведомости):"
    )
    assert (r.type, r.issuer.key, r.title, r.date) == (
        "code",
        "rk",
        "Кодекс об административных правонарушениях",
        date(2014, 7, 5),
    )
    r = one(
        "Кодекса Республики Казахстан о здоровье народа и системе здравоохранения от 7 июля 2020 года № 360-VI ЗРК"
    )
    assert (r.title, r.date, r.number) == (
        "Кодекс о здоровье народа и системе здравоохранения",
        date(2020, 7, 7),
        "360-VI",
    )


def test_citation_kk_code_about_subject_after_its_date():
    r = one(
        "1. 2014 жылғы 5 шілдедегі Қазақстан Республикасының Әкімшілік құқық бұзушылық туралы кодексіне (Жаршы):"
    )
    assert (r.type, r.issuer.key, r.title, r.date) == (
        "code",
        "rk",
        "Әкімшілік құқық бұзушылық туралы кодексі",
        date(2014, 7, 5),
    )
    r = one(
        "Қазақстан Республикасының 2020 жылғы 7 шілдедегі Халық денсаулығы және денсаулық сақтау жүйесі туралы кодексі"
    )
    assert (r.issuer.key, r.title, r.date) == (
        "rk",
        "Халық денсаулығы және денсаулық сақтау жүйесі туралы кодексі",
        date(2020, 7, 7),
    )


def test_citation_a_code_is_never_passed_by_the_body_of_the_next_clause():
    # "Бюджетным кодексом Республики Казахстан, маслихат города Шымкент РЕШИЛ": the code is the Republic's
    hits = find_refs(
        join_lines(
            [
                normalize_line(
                    "Руководствуясь Бюджетным кодексом Республики Казахстан, маслихат города Шымкент РЕШИЛ:"
                )
            ]
        )
    )
    assert [(h.ref.type, h.ref.issuer.key if h.ref.issuer else None, h.ref.title) for h in hits] == [
        ("code", "rk", "Бюджетный кодекс")
    ]


def test_citation_kk_code_by_subject_after_the_state():
    r = one("Қазақстан Республикасының Бюджет кодексінің 75-бабының 2-тармағына сәйкес")
    assert (r.type, r.issuer.key, r.title, r.pinpoint) == ("code", "rk", "Бюджет кодексі", "75-бап 2-тармақ")


def test_citation_keeps_the_adilet_code_a_web_copy_leaves_in_brackets():
    r = one(
        "Признать утратившим силу решение маслихата города Шымкент от 14 декабря 2018 года № 33/290-6с (V18Y0000089)."
    )
    assert (r.number, r.adilet) == ("33/290-6с", "V18Y0000089")
    r = one("«Құқықтық актілер туралы» Қазақстан Республикасы Заңының (Z160000480_) 27-бабына сәйкес")
    assert (r.type, r.adilet) == ("law", "Z160000480_")
    # a code of another year is another act's
    r = one("решение маслихата от 14 декабря 2018 года № 33 (V21Y0000089).")
    assert r.adilet is None
