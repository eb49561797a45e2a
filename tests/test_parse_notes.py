"""Editorial notes: repealed by, amended by, with dates and effective dates (tests/texts/*)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kglaw.parse.document import parse_file, parse_text

TEXTS = Path(__file__).parent / "texts"


def read(name: str):
    return parse_file(TEXTS / name)


def refs(lst):
    return [(r.type, r.issuer.key if r.issuer else None, r.date, r.number, r.effective_date) for r in lst]


def test_note_kk_kushi_zhoiyldy_shesimimen_in_head_and_escertu_merge():
    doc = read("kk_maslikhat_decision_old_format.txt")
    assert refs(doc.repealed_by) == [
        ("decision", "kyzylorda-oblast-maslikhat", date(2007, 12, 12), "33", None)
    ]
    assert doc.repealed_by[0].span.start == 6  # "Күші жойылды - …" on line 6 (then "Ескерту." on 8)


def test_note_ru_utratilo_silu_resheniem_in_head():
    doc = read("ru_maslikhat_decision.txt")
    assert refs(doc.repealed_by) == [
        ("decision", "kyzylorda-oblast-maslikhat", date(2007, 12, 12), "33", None)
    ]


def test_note_kk_repeal_with_effective_date():
    doc = read("kk_repeal_with_effective_date.txt")
    assert refs(doc.repealed_by) == [
        ("resolution", "atyrau-oblast-akimat", date(2015, 12, 14), "401", date(2016, 1, 1))
    ]
    assert doc.status == "repealed"


def test_note_ru_utratilo_silu_postanovleniem_vvoditsya_v_deistvie_s():
    doc = read("ru_repeal_with_effective_date.txt")
    assert refs(doc.repealed_by) == [
        ("resolution", "atyrau-oblast-akimat", date(2015, 12, 14), "401", date(2016, 1, 1))
    ]


def test_note_kk_law_repealed_by_code_with_effective_date():
    doc = read("kk_law.txt")
    assert refs(doc.repealed_by) == [("code", "rk", date(2023, 4, 20), "224-VII", date(2023, 7, 1))]


def test_note_ru_law_utratil_silu_kodeksom():
    doc = read("ru_law.txt")
    assert refs(doc.repealed_by) == [("code", "rk", date(2023, 4, 20), "224-VII", date(2023, 7, 1))]
    assert doc.status == "repealed"


def test_note_kk_ozgerister_engizildi_several_acts_and_order_of_entry():
    doc = read("kk_note_amended_several.txt")
    assert refs(doc.amended_by) == [
        ("decision", "atyrau-oblast-maslikhat", date(2010, 5, 12), "5", None),
        ("decision", "atyrau-oblast-maslikhat", date(2011, 5, 5), "12", None),
        ("decision", "atyrau-oblast-maslikhat", date(2012, 3, 14), "7", None),
    ]
    assert doc.repealed_by == []  # "2-тармақтың күші жойылды" repeals a point, not the act


def test_note_ru_snoska_vneseny_izmeneniya_chain_and_partial_repeal():
    doc = read("ru_note_amended_several.txt")
    assert [r.number for r in doc.amended_by] == ["5", "12", "7"]
    assert doc.repealed_by == [] and doc.status == "unknown"


def test_note_ru_s_izmeneniyami_vnesennymi_with_effective_date():
    doc = read("ru_note_with_changes.txt")
    assert refs(doc.amended_by) == [
        ("decision", "atyrau-oblast-maslikhat", date(2012, 3, 14), "7", date(2012, 1, 1))
    ]


def test_note_date_year_day_month_of_mirror_sites():
    doc = read("kk_mirror_date_year_day_month.txt")
    assert refs(doc.repealed_by) == [
        ("decision", "zhualy-district-maslikhat", date(2011, 5, 25), "41-3", None)
    ]


def test_note_date_dd_mm_yyyy():
    doc = parse_text(
        "Бюджет туралы\nАтырау облыстық мәслихатының 2009 жылғы 10 сәуірдегі № 5 шешімі.\n"
        "      Ескерту. Күші жойылды - Атырау облыстық мәслихатының 12.05.2010 № 9 шешімімен.\n",
        "x.txt",
    )
    assert refs(doc.repealed_by) == [("decision", "atyrau-oblast-maslikhat", date(2010, 5, 12), "9", None)]


def test_note_repeal_makes_status_repealed_without_a_status_word():
    doc = read("kk_mirror_date_year_day_month.txt")
    assert doc.status_raw is None and doc.status == "repealed"


def test_note_absent_means_empty_lists():
    doc = read("kk_government_resolution.txt")
    assert doc.repealed_by == [] and doc.amended_by == [] and doc.status == "unknown"


def test_note_state_abbreviation_is_written_out_in_labels():
    doc = parse_text(
        "Қағидалар туралы\nҚазақстан Республикасы Үкіметінің 2010 жылғы 5 мамырдағы № 9 қаулысы.\n"
        "      Ескерту. Өзгеріс енгізілді - ҚР Үкіметінің 12.05.2012 № 600 қаулысымен.\n",
        "x.txt",
    )
    [r] = doc.amended_by
    assert (r.issuer.key, r.issuer.label, r.number) == ("government", "Қазақстан Республикасы Үкіметі", "600")


_ORDER_RU = (
    "Об утверждении Правил\n"
    "Приказ Министра труда и социальной защиты населения Республики Казахстан от 30 января 2016 года № 68. "
    "Зарегистрирован в Министерстве юстиции Республики Казахстан 3 марта 2016 года № 13173\n"
)
_ORDER_KK = (
    "Қағидаларды бекіту туралы\n"
    "Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің 2016 жылғы 30 қаңтардағы № 68 "
    "бұйрығы. Қазақстан Республикасының Әділет министрлігінде 2016 жылғы 3 наурызда № 13173 болып тіркелді\n"
)


def test_note_several_acts_each_with_its_own_effective_date_and_the_minister_named_once():
    # the bracket after each number belongs to that number, not to the last act of the line; the minister
    # is named once, before the list, with lower-case words in the title
    mlspp = "ministry-of-labour-and-social-protection-of-population"
    expected = [
        ("order", mlspp, date(2019, 3, 22), "45", date(2019, 4, 1)),
        ("order", mlspp, date(2020, 7, 12), "130", None),
    ]
    ru = (
        "      Сноска. Внесены изменения приказами Министра труда и социальной защиты населения РК от 22.03.2019 "
        "№ 45 (вводится в действие с 01.04.2019); от 12.07.2020 № 130 (вводится в действие по истечении десяти "
        "календарных дней после дня его первого официального опубликования).\n      ПРИКАЗЫВАЮ:\n"
    )
    kk = (
        "      Ескерту. Бұйрыққа өзгерістер енгізілді - ҚР Еңбек және халықты әлеуметтік қорғау министрінің "
        "22.03.2019 № 45 (01.04.2019 бастап қолданысқа енгізіледі); 12.07.2020 № 130 (алғашқы ресми жарияланған "
        "күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) бұйрықтарымен.\n      БҰЙЫРАМЫН:\n"
    )
    assert refs(parse_text(_ORDER_RU + ru, "x.txt").amended_by) == expected
    assert refs(parse_text(_ORDER_KK + kk, "x.txt").amended_by) == expected
