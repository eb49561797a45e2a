"""Acts that change other acts: amends and repeals (eli:amends, eli:repeals)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kglaw.parse.document import parse_file

TEXTS = Path(__file__).parent / "texts"


def read(name: str):
    return parse_file(TEXTS / name)


def ids(lst):
    return [(r.type, r.issuer.key if r.issuer else None, r.date, r.number) for r in lst]


def test_amends_kk_sheshimine_ozgerister_engizu_turaly():
    doc = read("kk_amending_decision.txt")
    assert ids(doc.amends) == [("decision", "kyzylorda-oblast-maslikhat", date(2005, 12, 20), "245")]
    assert doc.amends[0].title == "Мүгедектерді оңалту бағдарламасын бекіту туралы"
    assert doc.cites == []


def test_amends_ru_o_vnesenii_izmenenii_v_postanovlenie():
    doc = read("ru_amending_resolution.txt")
    assert ids(doc.amends) == [("resolution", "government", date(2019, 5, 28), "326")]


def test_amends_survives_hyperlink_residue():
    doc = read("kk_hyperlink_residue.txt")
    assert ids(doc.amends) == [("resolution", "government", date(2019, 5, 28), "326")]


def test_repeals_kk_numbered_list_after_kushi_zhoiyldy_dep_tanylsyn():
    doc = read("kk_repealing_list.txt")
    assert ids(doc.repeals) == [
        ("decision", "atyrau-oblast-maslikhat", date(2010, 5, 12), "5"),
        ("decision", "atyrau-oblast-maslikhat", date(2011, 5, 5), "12"),
    ]
    assert [r.title for r in doc.based_on] == ["Құқықтық актілер туралы"]


def test_repeals_ru_priznat_utrativshimi_silu_list():
    doc = read("ru_repealing_list.txt")
    assert ids(doc.repeals) == [
        ("decision", "atyrau-oblast-maslikhat", date(2010, 5, 12), "5"),
        ("decision", "atyrau-oblast-maslikhat", date(2011, 5, 5), "12"),
    ]


def test_repeals_ru_priznat_utrativshim_silu_single_act():
    doc = read("ru_repeal_single_act.txt")
    assert ids(doc.repeals) == [("decision", "kyzylorda-oblast-maslikhat", date(2005, 12, 20), "245")]


def test_narrative_past_tense_repeal_is_a_citation_not_a_repeal():
    doc = read("kk_analytical_report.txt")
    assert doc.repeals == [] and doc.amends == []
    assert [(r.type, r.date) for r in doc.cites] == [("law", date(2008, 12, 29))]


def test_no_changes_in_an_ordinary_act():
    doc = read("kk_government_resolution.txt")
    assert doc.amends == [] and doc.repeals == []


def test_amends_kk_items_of_an_appendix_of_changes_qaulysynda():
    doc = read("kk_amendments_in_appendix.txt")
    assert ids(doc.amends) == [
        ("resolution", "government", date(2005, 7, 20), "754"),
        ("resolution", "government", date(2019, 5, 28), "326"),
    ]


def test_amends_ru_items_of_an_appendix_v_postanovlenii():
    doc = read("ru_amendments_in_appendix.txt")
    assert ids(doc.amends) == [
        ("resolution", "government", date(2005, 7, 20), "754"),
        ("resolution", "government", date(2019, 5, 28), "326"),
    ]
    assert doc.amends[0].title == "Об утверждении перечня технических вспомогательных средств"


def test_repeals_listed_in_an_appendix_take_effect_with_the_act():
    for name in ("kk_repeals_in_appendix_list.txt", "ru_repeals_in_appendix_list.txt"):
        doc = read(name)
        assert ids(doc.repeals) == [
            ("resolution", "government", date(2005, 7, 20), "754"),
            ("resolution", "government", date(2019, 5, 28), "326"),
        ], name
        assert doc.entry_into_force == date(2023, 7, 1)
        assert {r.effective_date for r in doc.repeals} == {date(2023, 7, 1)}
        assert doc.cites == []


def test_entry_into_force_stated_in_the_operative_part():
    assert read("ru_government_resolution.txt").entry_into_force == date(2025, 1, 1)
    # "қол қойылған күнінен бастап": from the day of signing, which is the act's own date
    assert read("kk_government_resolution.txt").entry_into_force == date(2024, 12, 30)


def test_amends_every_act_of_a_law_that_amends_several_laws():
    # "Внести изменения … в следующие законодательные акты:" then "1. В Кодекс … (Ведомости …):",
    # "2. В Закон … «…» (…):"; Kazakh "мына заңнамалық актілеріне … енгізілсін:" then "… кодексіне (…):"
    doc = read("ru_law_amending_several_laws.txt")
    assert ids(doc.amends) == [
        ("code", "rk", date(2014, 7, 5), None),
        ("law", "rk", date(2005, 4, 13), None),
        ("law", "rk", date(2016, 4, 6), None),
    ]
    assert doc.cites == []
    doc = read("kk_law_amending_several_laws.txt")
    assert ids(doc.amends) == [("code", "rk", date(2014, 7, 5), None), ("law", "rk", date(2005, 4, 13), None)]
    assert doc.cites == []


def test_repeals_listed_in_an_appendix_named_with_the_possessive_and_a_participle():
    # "Осы шешімнің қосымшасына сәйкес … күші жойылды деп танылсын"; the appendix is "… күші жойылды деп
    # танылған кейбір шешімдерінің тізбесі"
    doc = read("kk_district_maslikhat_repeal_decision.txt")
    assert ids(doc.repeals) == [
        ("decision", "saryagash-district-maslikhat", date(2018, 12, 27), "38-371-VI"),
        ("decision", "saryagash-district-maslikhat", date(2020, 3, 6), "55-512-VI"),
    ]
    assert doc.cites == []
    # and each is a repeal operation of this act
    assert [(o.type, o.target.number) for o in doc.operations] == [
        ("repeal", "38-371-VI"),
        ("repeal", "55-512-VI"),
    ]


def test_operative_part_ends_at_a_signature_with_initials_or_an_appendix_heading():
    from kglaw.parse.document import _OPERATIVE_END

    for line in (
        "      Сарыағаш аудандық мәслихатының хатшысы Е. Қайыпов",
        "      Аудан әкімі Б. Нұрланов",
        "      Аким Туркестанской области Д. Сатыбалды",
        "      Министр труда и социальной защиты населения Республики Казахстан С. Шапкенов",
        "  Приложение к решению маслихата города Шымкент от 28 июня 2023 года № 5/38-VIII",
        "  Сарыағаш аудандық мәслихатының 2022 жылғы 14 наурыздағы № 5/38-VII шешіміне қосымша",
        "  1-қосымша",
    ):
        assert _OPERATIVE_END.search(line), line
    for line in (
        "      3. Контроль за исполнением возложить на заместителя акима области Е. Кенжеханулы.",
        "      3. Осы қаулының орындалуын бақылау аудан әкімінің орынбасары А. Сейітовке жүктелсін.",
        "приложение 1 к настоящему постановлению).",
        "      Председатель сообщил, что …",
        "возложить на заместителя акима области А. Сейітова",  # a hard-wrapped point, not a signature
        "      2. Аудандық бюджетке қосымша",  # "қосымша" (additional) at the end of a hard-wrapped line
        "облыстық бюджетке қосымша",
    ):
        assert not _OPERATIVE_END.search(line), line


def test_a_unit_of_a_document_an_act_approved_is_repealed_the_act_is_amended():
    # "3) пункт 4 перечня …, утвержденного приказом … № 1104": the order is not repealed, a unit of what it
    # approved is; likewise "… № 64 қаулысымен бекітілген … шешімдерінің 5-тармағы"
    doc = read("ru_order_reestr_registration_and_repeal_of_several.txt")
    assert [r.number for r in doc.repeals] == ["68", "26"]
    assert [r.number for r in doc.amends] == ["1104"]
    doc = read("kk_government_repealing_list_appendix.txt")
    assert [r.number for r in doc.repeals] == ["1346", "1138"]
    assert [r.number for r in doc.amends] == ["64"]


def test_an_act_repealed_only_in_part_is_amended_not_repealed():
    # "Признать утратившим силу пункт 2 решения …" / "… шешімінің 2-тармағының күші жойылды деп танылсын":
    # the decision keeps its force; "… решение …" / "… шешімінің күші жойылды …" repeals it whole
    from kglaw.parse.document import parse_text

    ru = "Об утверждении\nРешение Сарыагашского районного маслихата от 14 марта 2022 года № 5/39-VII\n      Районный маслихат РЕШИЛ:\n"
    kk = "Бекіту туралы\nСарыағаш аудандық мәслихатының 2022 жылғы 14 наурыздағы № 5/39-VII шешімі\n      Аудандық мәслихат ШЕШТІ:\n"
    act_ru = "решения Сарыагашского районного маслихата от 27 декабря 2018 года № 38-371-VI «Об утверждении Правил»"
    act_kk = "Сарыағаш аудандық мәслихатының 2018 жылғы 27 желтоқсандағы № 38-371-VI «Қағидаларды бекіту туралы» шешімінің"
    for text, whole in (
        (ru + f"      1. Признать утратившим силу пункт 2 {act_ru}.\n", False),
        (ru + f"      1. Признать утратившими силу подпункты 1) и 2) пункта 3 {act_ru}.\n", False),
        (kk + f"      1. {act_kk} 2-тармағының күші жойылды деп танылсын.\n", False),
        (
            ru
            + "      1. Признать утратившим силу решение Сарыагашского районного маслихата от 27 декабря 2018 года "
            "№ 38-371-VI «Об утверждении Правил».\n",
            True,
        ),
        (kk + f"      1. {act_kk} күші жойылды деп танылсын.\n", True),
    ):
        doc = parse_text(text, "x.txt")
        assert ([r.number for r in doc.repeals], [r.number for r in doc.amends]) == (
            (["38-371-VI"], []) if whole else ([], ["38-371-VI"])
        ), text
