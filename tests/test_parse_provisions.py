"""Structural-unit references and ordinal words (kglaw.parse.provisions)."""

from __future__ import annotations

import pytest

from kglaw.parse.provisions import find_units, merge_paths, number_list, ordinal_value, parse_provision

# Ordinals are written out here independently of the parser's tables: units and tens as a reader
# would spell them, composed into every number 1–99.
KK_UNIT_ORD = [
    "бірінші",
    "екінші",
    "үшінші",
    "төртінші",
    "бесінші",
    "алтыншы",
    "жетінші",
    "сегізінші",
    "тоғызыншы",
]
KK_TEN_ORD = [
    "оныншы",
    "жиырмасыншы",
    "отызыншы",
    "қырқыншы",
    "елуінші",
    "алпысыншы",
    "жетпісінші",
    "сексенінші",
    "тоқсаныншы",
]
KK_TEN_CARD = ["он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"]

RU_UNIT_ORD = ["первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой", "девятый"]
RU_TEEN_ORD = [
    "десятый",
    "одиннадцатый",
    "двенадцатый",
    "тринадцатый",
    "четырнадцатый",
    "пятнадцатый",
    "шестнадцатый",
    "семнадцатый",
    "восемнадцатый",
    "девятнадцатый",
]
RU_TEN_ORD = [
    "двадцатый",
    "тридцатый",
    "сороковой",
    "пятидесятый",
    "шестидесятый",
    "семидесятый",
    "восьмидесятый",
    "девяностый",
]
RU_TEN_CARD = [
    "двадцать",
    "тридцать",
    "сорок",
    "пятьдесят",
    "шестьдесят",
    "семьдесят",
    "восемьдесят",
    "девяносто",
]


def kk_ordinal(n: int) -> str:
    tens, units = divmod(n, 10)
    if units == 0:
        return KK_TEN_ORD[tens - 1]
    return KK_UNIT_ORD[units - 1] if tens == 0 else f"{KK_TEN_CARD[tens - 1]} {KK_UNIT_ORD[units - 1]}"


def ru_ordinal(n: int) -> str:
    if n < 10:
        return RU_UNIT_ORD[n - 1]
    if n < 20:
        return RU_TEEN_ORD[n - 10]
    tens, units = divmod(n, 10)
    return RU_TEN_ORD[tens - 2] if units == 0 else f"{RU_TEN_CARD[tens - 2]} {RU_UNIT_ORD[units - 1]}"


@pytest.mark.parametrize("n", range(1, 100))
def test_kazakh_ordinals_1_to_99(n: int) -> None:
    assert ordinal_value(kk_ordinal(n)) == n


@pytest.mark.parametrize("n", range(1, 100))
def test_russian_ordinals_1_to_99(n: int) -> None:
    assert ordinal_value(ru_ordinal(n)) == n


@pytest.mark.parametrize(
    "word, value",
    [
        ("тринадцатого", 13),
        ("тридцать пятом", 35),
        ("третьего", 3),
        ("третьей", 3),
        ("вторую", 2),
        ("седьмыми", 7),
        ("двадцать первой", 21),
        ("сорокового", 40),
        ("четвёртая", 4),
        ("Четвертый", 4),
        ("отыз бесінші", 35),
        ("он үшінші", 13),
        ("қырық екінші", 42),
        ("төртіншісі", 4),
    ],
)
def test_ordinals_in_other_genders_and_cases(word: str, value: int) -> None:
    assert ordinal_value(word) == value


@pytest.mark.parametrize("word", ["он", "бір", "десять", "пятьдесят", "бірлік", "первичный", "абзац", ""])
def test_cardinals_and_other_words_are_not_ordinals(word: str) -> None:
    assert ordinal_value(word) is None


@pytest.mark.parametrize(
    "text, slug",
    [
        # Kazakh: genitive/locative chains, outermost first
        ("2-бөлімнің 1-тарауының төртінші абзацы", "section-2/chapter-1/abzac-4"),
        ("3-бөлімнің 2-тарауы 6-параграфының екінші бөлігі", "section-3/chapter-2/paragraph-6/part-2"),
        (
            "3-бөлімнің 2-тарауы 6-параграфының отыз бесінші абзацы",
            "section-3/chapter-2/paragraph-6/abzac-35",
        ),
        ("сегізінші, тоғызыншы және оныншы абзацтар", "abzac-8-10"),
        ("он үшінші абзац", "abzac-13"),
        ("1-тармақ", "point-1"),
        ("1-1-тармақ", "point-1-1"),
        ("5 тармақ", "point-5"),
        ("5, 6 және 7-тармақтар", "point-5-7"),
        ("1-тармақтың 2) тармақшасы", "point-1/subpoint-2"),
        ("5-баптың 2-тармағының 3) тармақшасы", "article-5/point-2/subpoint-3"),
        ("тақырып", "title"),
        ("тақырыбы", "title"),
        ("кіріспесі", "preamble"),
        ("қосымша", "appendix"),
        ("2-қосымшаның 3-бөлімі", "appendix-2/section-3"),
        ("қосымшада реттік нөмірі 12-жол", "appendix/row-12"),
        ("реттік нөмірлері 5, 6 және 7-жолдар", "row-5-7"),
        ("12-тараудың 4-параграфы", "chapter-12/paragraph-4"),
        # Russian: innermost first in the text, outermost first in the path
        ("абзац четвертый главы 1 раздела 2", "section-2/chapter-1/abzac-4"),
        ("абзацы восьмой, девятый и десятый", "abzac-8-10"),
        ("абзацы 8–10", "abzac-8-10"),
        ("абзацы с восьмого по десятый", "abzac-8-10"),
        ("абзацем тринадцатым", "abzac-13"),
        ("часть вторую параграфа 6 главы 2 раздела 3", "section-3/chapter-2/paragraph-6/part-2"),
        ("подпункт 2) пункта 5", "point-5/subpoint-2"),
        ("подпункты 1) и 2) пункта 3", "point-3/subpoint-1-2"),
        ("пункты 1 и 3 статьи 7", "article-7/point-1,3"),
        ("§ 6 главы 2", "chapter-2/paragraph-6"),
        ("заголовок", "title"),
        ("преамбулу", "preamble"),
        ("приложение 2", "appendix-2"),
        ("строку, порядковый номер 12, приложения 1", "appendix-1/row-12"),
        ("строки, порядковые номера 5 и 6", "row-5-6"),
        # table columns and sentences
        ("реттік нөмірі 12-жолдың 5-бағанында", "row-12/column-5"),
        ("в графе 5 строки, порядковый номер 12", "row-12/column-5"),
        ("3-тармақтың екінші сөйлемі", "point-3/sentence-2"),
        ("второе предложение абзаца третьего пункта 2", "point-2/abzac-3/sentence-2"),
    ],
)
def test_parse_provision(text: str, slug: str) -> None:
    prov = parse_provision(text)
    assert prov is not None
    assert prov.slug() == slug


def test_provision_label_is_the_words_of_the_text() -> None:
    prov = parse_provision("он үшінші абзац мынадай мазмұндағы абзацпен толықтырылсын")
    assert prov is not None
    assert prov.path == [("abzac", "13")]
    assert prov.label == "он үшінші абзац"


@pytest.mark.parametrize(
    "text, slug",
    [
        ("он екінші абзацтан кейін мынадай мазмұндағы абзацпен", "abzac"),
        ("после абзаца двенадцатого дополнить абзацем", "abzac"),
        ("2-тармақтан кейін мынадай мазмұндағы 2-1-тармақпен", "point-2-1"),
    ],
)
def test_a_unit_named_as_a_position_is_not_the_target(text: str, slug: str) -> None:
    prov = parse_provision(text)
    assert prov is not None and prov.slug() == slug


@pytest.mark.parametrize(
    "text",
    [
        "Қазақстан Республикасы Үкіметінің 2019 жылғы 28 мамырдағы № 326 қаулысына",
        "в частности, главный специалист",
        "пунктуация и подписи",
        "бірінші кезекте",
        "аумақтық бөлімшелері",
    ],
)
def test_words_that_are_not_units(text: str) -> None:
    assert parse_provision(text) is None


def test_find_units_keeps_text_order_and_offsets() -> None:
    text = "2-бөлімнің 6-тарауында"
    units = find_units(text)
    assert [(u.kind, u.number, text[u.start : u.end]) for u in units] == [
        ("section", "2", "2-бөлімнің"),
        ("chapter", "6", "6-тарауында"),
    ]


def test_merge_paths_inherits_and_restates() -> None:
    scope = [("section", "2"), ("chapter", "6")]
    assert merge_paths(scope, [("abzac", "13")]) == [("section", "2"), ("chapter", "6"), ("abzac", "13")]
    assert merge_paths(scope, [("chapter", "7"), ("abzac", "1")]) == [
        ("section", "2"),
        ("chapter", "7"),
        ("abzac", "1"),
    ]
    assert merge_paths(scope, [("section", "3")]) == [("section", "3")]
    assert merge_paths(scope, []) == scope


def test_number_list() -> None:
    assert number_list(["8", "9", "10"]) == "8-10"
    assert number_list(["5", "7"]) == "5,7"
    assert number_list(["12"]) == "12"
