"""Amendment instructions (kglaw.parse.amendments): seed 002 field by field, and short instructions
written for the tests that cover every pattern in Kazakh and Russian."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kglaw.model import ActRef, AmendmentOperation, Document, Issuer, Span
from kglaw.parse.amendments import entry_into_force, parse_operations, repair_trailing_units
from kglaw.parse.normalize import normalize_line, normalize_lines

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
SEED_002 = RAW / "002_5d6b729f0837145b.txt"

AFFECTING = ActRef(type="resolution", issuer=Issuer(key="government"), date=date(2023, 3, 15), number="200")


def _doc(language: str | None = None) -> Document:
    return Document(source="test.txt", language=language, act=AFFECTING)


def ops_of(*lines: str, language: str | None = None) -> list[AmendmentOperation]:
    return parse_operations(normalize_lines("\n".join(lines)), _doc(language))


# ---------------------------------------------------------------------------------------------------
# Seed 002: Resolution 1142 of 31.12.2022 amending Resolution 326 of 28.05.2019 and its National Plan
# ---------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_002_ops() -> list[AmendmentOperation]:
    doc = Document(
        source=SEED_002.name,
        language="kk",
        act=ActRef(
            type="resolution", issuer=Issuer(key="government"), date=date(2022, 12, 31), number="1142"
        ),
    )
    ops = parse_operations(normalize_lines(SEED_002.read_text(encoding="utf-8")), doc)
    assert doc.warnings == []
    return ops


PLAN = "plan"
# (order, type, target_document, path, span, first words of the new text, last words of the new text)
SEED_002_EXPECTED = [
    (
        1,
        "substitution",
        None,
        [("title", "")],
        (14, 17),
        "Қазақстан Республикасында мүгедектігі бар адамдардың",
        "жоспарды бекіту туралы",
    ),
    (
        2,
        "substitution",
        None,
        [("point", "1")],
        (18, 21),
        "1. Қоса беріліп отырған Қазақстан Республикасында мүгедектігі бар",
        "(бұдан әрі – Ұлттық жоспар) бекітілсін.",
    ),
    (
        3,
        "substitution",
        PLAN,
        [("section", "2"), ("chapter", "1"), ("abzac", "4")],
        (25, 28),
        "Елдің орнықты әлеуметтік-экономикалық дамуын",
        "ұлттық жобасының мақсаты болып табылады.",
    ),
    (
        4,
        "substitution",
        PLAN,
        [("section", "2"), ("chapter", "6"), ("abzac", "8-10")],
        (30, 64),
        "Арнаулы әлеуметтік көрсетілетін қызметтер жүйесінде",
        "сырттай бағалау (аккредиттеу) көзделмеген.",
    ),
    (
        5,
        "insertion",
        PLAN,
        [("section", "2"), ("chapter", "6"), ("abzac", "13")],
        (65, 68),
        "Әлеуметтік сүйемелдеудің толыққанды жүйесінің",
        "қол жеткізуде кедергілер туғызады.",
    ),
    (
        6,
        "substitution",
        PLAN,
        [("section", "2"), ("chapter", "6"), ("abzac", "15")],
        (69, 74),
        "Әлеуметтік қызмет көрсету жүйесін одан әрі жаңғырту",
        "әлеуметтік жұмыстың жаңа сапасын көздейді.",
    ),
    (
        7,
        "substitution",
        PLAN,
        [("section", "3"), ("chapter", "2"), ("paragraph", "6"), ("part", "2")],
        (75, 144),
        "Әлеуметтік қызмет көрсету жүйесіндегі маңызды өзгерістер",
        "қолжетімділігін арттыру болып табылады.",
    ),
    (
        8,
        "substitution",
        PLAN,
        [("section", "3"), ("chapter", "2"), ("paragraph", "6"), ("abzac", "35")],
        (145, 150),
        "Әлеуметтік қызметкер өз саласында заманауи құралдарды",
        "адами қасиеттері мейлінше дамыған маман.",
    ),
    (9, "substitution", PLAN, [("appendix", "")], (151, 154), None, None),
]


def test_seed_002_has_exactly_nine_operations(seed_002_ops: list[AmendmentOperation]) -> None:
    assert [op.order for op in seed_002_ops] == list(range(1, 10))


@pytest.mark.parametrize("expected", SEED_002_EXPECTED, ids=[f"op{e[0]}" for e in SEED_002_EXPECTED])
def test_seed_002_operation(seed_002_ops: list[AmendmentOperation], expected: tuple) -> None:  # type: ignore[type-arg]
    order, kind, document, path, (start, end), head, tail = expected
    op = seed_002_ops[order - 1]
    assert op.order == order
    assert op.type == kind
    assert op.target_document == document
    assert op.provision is not None and op.provision.path == path
    assert op.span == Span(start, end)
    # the old wording is given only for the title: the title the instruction's citation quotes
    assert op.old_text == (op.target.title if order == 1 else None)
    # entry into force is ten days after publication: not a date the text gives
    assert op.effective_date is None
    t = op.target
    assert (t.type, t.issuer.key if t.issuer else None, t.date, t.number) == (
        "resolution",
        "government",
        date(2019, 5, 28),
        "326",
    )
    assert t.title == (
        "Қазақстан Республикасында мүгедек адамдардың құқықтарын қамтамасыз ету және тұрмыс сапасын "
        "жақсарту жөніндегі 2025 жылға дейінгі ұлттық жоспарды бекіту туралы"
    )
    if head is None:
        assert op.new_text is None
    else:
        assert op.new_text is not None
        assert op.new_text.startswith(head) and op.new_text.endswith(tail)
        assert not op.new_text.startswith('"') and not op.new_text.endswith(('";', '".', '"'))


def test_seed_002_plan_operations_name_the_plan(seed_002_ops: list[AmendmentOperation]) -> None:
    for op in seed_002_ops[2:]:
        assert op.target_document_title is not None
        assert "2025 жылға дейінгі ұлттық жоспар" in op.target_document_title
    assert seed_002_ops[0].target_document_title is None


def test_seed_002_paragraphs_8_to_10_become_six_paragraphs(seed_002_ops: list[AmendmentOperation]) -> None:
    text = seed_002_ops[3].new_text
    assert text is not None
    paragraphs = text.split("\n")
    assert len(paragraphs) == 6
    assert paragraphs[1].startswith("Өмірдегі қиын жағдайдан шығу үшін")
    assert paragraphs[5].startswith("Арнаулы әлеуметтік қызметтер көрсету мониторингінің")


def test_seed_002_new_text_keeps_inner_quotes(seed_002_ops: list[AmendmentOperation]) -> None:
    assert '"Дені сау ұлт" әрбір азамат үшін' in (seed_002_ops[2].new_text or "")


def test_seed_002_appendix_is_replaced_by_the_acts_own_appendix(
    seed_002_ops: list[AmendmentOperation],
) -> None:
    op = seed_002_ops[8]
    assert op.new_wording == "appendix"
    assert op.provision is not None and op.provision.label == "қосымша"
    assert all(o.new_wording is None for o in seed_002_ops[:8])


def test_seed_002_labels_keep_the_words_of_the_text(seed_002_ops: list[AmendmentOperation]) -> None:
    labels = [op.provision.label for op in seed_002_ops if op.provision]
    assert labels[2] == "2-бөлімнің 1-тарауының төртінші абзацы"
    assert labels[4] == "2-бөлімнің 6-тарауында он үшінші абзац"
    assert labels[7] == "3-бөлімнің 2-тарауы 6-параграфының отыз бесінші абзацы"


@pytest.mark.parametrize(
    "name",
    [
        "000_37dccefd1b8c9523.txt",
        "001_a63fa616567ebbc6.txt",
        "003_9a93e4e2ea27c4db.txt",
        "004_a1e69ce52de4036b.txt",
    ],
)
def test_acts_that_amend_nothing_yield_no_operations(name: str) -> None:
    doc = Document(source=name)
    assert parse_operations(normalize_lines((RAW / name).read_text(encoding="utf-8")), doc) == []


# ---------------------------------------------------------------------------------------------------
# Short instructions, Kazakh
# ---------------------------------------------------------------------------------------------------

KK_INTRO = (
    '1. "Бағдарламаны бекіту туралы" Қазақстан Республикасы Үкіметінің 2019 жылғы 28 мамырдағы № 326 '
    "қаулысына мынадай өзгерістер мен толықтырулар енгізілсін:"
)
RU_INTRO = (
    "1. Внести в постановление Правительства Республики Казахстан от 28 мая 2019 года № 326 "
    '"Об утверждении Программы" следующие изменения и дополнения:'
)


def _one(ops: list[AmendmentOperation]) -> AmendmentOperation:
    assert len(ops) == 1, ops
    op = ops[0]
    assert (op.target.type, op.target.date, op.target.number) == ("resolution", date(2019, 5, 28), "326")
    assert op.target.issuer is not None and op.target.issuer.key == "government"
    return op


# (id, language, instruction lines, type, slug or None, old text, new text, new_wording)
CASES = [
    (
        "kk-new-wording",
        "kk",
        ["2-тармақ мынадай редакцияда жазылсын:", '"2. Жаңа мәтін.";'],
        "substitution",
        "point-2",
        None,
        "2. Жаңа мәтін.",
        None,
    ),
    (
        "kk-new-wording-inline",
        "kk",
        ['3-тармақ мынадай редакцияда жазылсын: "3. Мәтін.";'],
        "substitution",
        "point-3",
        None,
        "3. Мәтін.",
        None,
    ),
    (
        "kk-new-wording-title",
        "kk",
        ["тақырыбы мынадай редакцияда жазылсын:", '"Бағдарлама туралы";'],
        "substitution",
        "title",
        "Бағдарламаны бекіту туралы",
        "Бағдарлама туралы",
        None,
    ),
    (
        "kk-new-wording-preamble",
        "kk",
        ["кіріспе мынадай редакцияда жазылсын:", '"Заңға сәйкес";'],
        "substitution",
        "preamble",
        None,
        "Заңға сәйкес",
        None,
    ),
    (
        "kk-new-wording-subpoint",
        "kk",
        ["4-тармақтың 2) тармақшасы мынадай редакцияда жазылсын:", '"2) жаңа;";'],
        "substitution",
        "point-4/subpoint-2",
        None,
        "2) жаңа;",
        None,
    ),
    (
        "kk-new-appendix",
        "kk",
        ["1-қосымша осы қаулыға қосымшаға сәйкес жаңа редакцияда жазылсын;"],
        "substitution",
        "appendix-1",
        None,
        None,
        "appendix",
    ),
    (
        "kk-new-appendix-numbered",
        "kk",
        ["2-қосымша осы қаулыға 2-қосымшаға сәйкес жаңа редакцияда жазылсын."],
        "substitution",
        "appendix-2",
        None,
        None,
        "appendix-2",
    ),
    (
        "kk-insert-point",
        "kk",
        ["мынадай мазмұндағы 3-1-тармақпен толықтырылсын:", '"3-1. Бақылау жүктелсін.";'],
        "insertion",
        "point-3-1",
        None,
        "3-1. Бақылау жүктелсін.",
        None,
    ),
    (
        "kk-insert-subpoint",
        "kk",
        ["1-тармақ мынадай мазмұндағы 5) тармақшамен толықтырылсын:", '"5) жаңа тармақша;";'],
        "insertion",
        "point-1/subpoint-5",
        None,
        "5) жаңа тармақша;",
        None,
    ),
    (
        "kk-insert-abzac-ordinal",
        "kk",
        ["2-бөлім мынадай мазмұндағы жиырма бірінші абзацпен толықтырылсын:", '"Жаңа абзац.";'],
        "insertion",
        "section-2/abzac-21",
        None,
        "Жаңа абзац.",
        None,
    ),
    (
        "kk-insert-words",
        "kk",
        ['4-тармақ "органдар" деген сөзден кейін "және ұйымдар" деген сөздермен толықтырылсын;'],
        "insertion",
        "point-4",
        None,
        "және ұйымдар",
        None,
    ),
    ("kk-delete-unit", "kk", ["5-тармақ алып тасталсын;"], "repeal", "point-5", None, None, None),
    (
        "kk-delete-abzacs",
        "kk",
        ["6-тармақтың үшінші және төртінші абзацтары алып тасталсын;"],
        "repeal",
        "point-6/abzac-3-4",
        None,
        None,
        None,
    ),
    (
        "kk-delete-words",
        "kk",
        ['6-тармақтағы "жыл сайын" деген сөздер алып тасталсын;'],
        "repeal",
        "point-6",
        "жыл сайын",
        None,
        None,
    ),
    (
        "kk-replace",
        "kk",
        ['7-тармақта "мүгедек" деген сөз "мүгедектігі бар адам" деген сөздермен ауыстырылсын;'],
        "replacement",
        "point-7",
        "мүгедек",
        "мүгедектігі бар адам",
        None,
    ),
    (
        "kk-replace-throughout",
        "kk",
        ['мәтін бойынша "мүгедектер" деген сөз "мүгедектігі бар адамдар" деген сөздермен ауыстырылсын;'],
        "replacement",
        None,
        "мүгедектер",
        "мүгедектігі бар адамдар",
        None,
    ),
    (
        "kk-replace-number",
        "kk",
        ['8-тармақта "2025" деген цифрлар "2030" деген цифрлармен ауыстырылсын;'],
        "replacement",
        "point-8",
        "2025",
        "2030",
        None,
    ),
    (
        "kk-renumber",
        "kk",
        ["8-тармақ 9-тармақ болып есептелсін;"],
        "renumbering",
        "point-8",
        "8-тармақ",
        "9-тармақ",
        None,
    ),
    (
        "kk-row",
        "kk",
        ["қосымшада реттік нөмірі 12-жол мынадай редакцияда жазылсын:", '"12. Жаңа іс-шара";'],
        "substitution",
        "appendix/row-12",
        None,
        "12. Жаңа іс-шара",
        None,
    ),
    # Russian
    (
        "ru-new-wording",
        "ru",
        ["пункт 2 изложить в следующей редакции:", '"2. Новый текст.";'],
        "substitution",
        "point-2",
        None,
        "2. Новый текст.",
        None,
    ),
    (
        "ru-new-wording-inline",
        "ru",
        ['пункт 3 изложить в следующей редакции: "3. Текст.";'],
        "substitution",
        "point-3",
        None,
        "3. Текст.",
        None,
    ),
    (
        "ru-new-wording-title",
        "ru",
        ["заголовок изложить в следующей редакции:", '"Об утверждении Программы развития";'],
        "substitution",
        "title",
        "Об утверждении Программы",
        "Об утверждении Программы развития",
        None,
    ),
    (
        "ru-new-wording-preamble",
        "ru",
        ["преамбулу изложить в следующей редакции:", '"В соответствии с Законом";'],
        "substitution",
        "preamble",
        None,
        "В соответствии с Законом",
        None,
    ),
    (
        "ru-new-wording-abzac",
        "ru",
        ["абзац четвертый подпункта 2) пункта 5 изложить в следующей редакции:", '"новый абзац";'],
        "substitution",
        "point-5/subpoint-2/abzac-4",
        None,
        "новый абзац",
        None,
    ),
    (
        "ru-new-appendix",
        "ru",
        [
            "приложение 1 к указанному постановлению изложить в новой редакции согласно приложению к настоящему постановлению;"
        ],
        "substitution",
        "appendix-1",
        None,
        None,
        "appendix",
    ),
    (
        "ru-insert-point",
        "ru",
        ["дополнить пунктом 3-1 следующего содержания:", '"3-1. Контроль возложить.";'],
        "insertion",
        "point-3-1",
        None,
        "3-1. Контроль возложить.",
        None,
    ),
    (
        "ru-insert-subpoint",
        "ru",
        ["пункт 1 дополнить подпунктом 5) следующего содержания:", '"5) новый подпункт;";'],
        "insertion",
        "point-1/subpoint-5",
        None,
        "5) новый подпункт;",
        None,
    ),
    (
        "ru-insert-abzac-ordinal",
        "ru",
        ["дополнить абзацем тридцать седьмым следующего содержания:", '"Новый абзац.";'],
        "insertion",
        "abzac-37",
        None,
        "Новый абзац.",
        None,
    ),
    (
        "ru-insert-words",
        "ru",
        ['в пункте 4 после слова "органы" дополнить словами "и организации";'],
        "insertion",
        "point-4",
        None,
        "и организации",
        None,
    ),
    ("ru-delete-unit", "ru", ["пункт 5 исключить;"], "repeal", "point-5", None, None, None),
    (
        "ru-delete-words",
        "ru",
        ['в пункте 6 слова "ежегодно" исключить;'],
        "repeal",
        "point-6",
        "ежегодно",
        None,
        None,
    ),
    (
        "ru-replace",
        "ru",
        ['в пункте 7 слова "инвалид" заменить словами "лицо с инвалидностью";'],
        "replacement",
        "point-7",
        "инвалид",
        "лицо с инвалидностью",
        None,
    ),
    (
        "ru-replace-throughout",
        "ru",
        ['по всему тексту слова "инвалиды" заменить словами "лица с инвалидностью";'],
        "replacement",
        None,
        "инвалиды",
        "лица с инвалидностью",
        None,
    ),
    (
        "ru-replace-number",
        "ru",
        ['в пункте 8 цифры "2025" заменить цифрами "2030";'],
        "replacement",
        "point-8",
        "2025",
        "2030",
        None,
    ),
    (
        "ru-renumber",
        "ru",
        ["пункт 8 считать пунктом 9;"],
        "renumbering",
        "point-8",
        "пункт 8",
        "пунктом 9",
        None,
    ),
    (
        "ru-row",
        "ru",
        ["в приложении к указанному постановлению строку, порядковый номер 12, исключить;"],
        "repeal",
        "appendix/row-12",
        None,
        None,
        None,
    ),
]


@pytest.mark.parametrize(
    "lang, lines, kind, slug, old, new, wording", [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_instruction(
    lang: str,
    lines: list[str],
    kind: str,
    slug: str | None,
    old: str | None,
    new: str | None,
    wording: str | None,
) -> None:
    intro = KK_INTRO if lang == "kk" else RU_INTRO
    op = _one(ops_of(intro, *lines))
    assert op.type == kind
    assert (op.provision.slug() if op.provision else None) == slug
    assert op.old_text == old
    assert op.new_text == new
    assert op.new_wording == wording
    assert op.order == 1
    assert op.target_document is None
    assert op.span == Span(2, 1 + len(lines))


def test_several_replacements_respectively_kk() -> None:
    ops = ops_of(
        KK_INTRO,
        '"мүгедек", "мүгедектер" деген сөздер тиісінше "мүгедектігі бар адам", '
        '"мүгедектігі бар адамдар" деген сөздермен ауыстырылсын;',
    )
    assert [(o.type, o.old_text, o.new_text, o.order) for o in ops] == [
        ("replacement", "мүгедек", "мүгедектігі бар адам", 1),
        ("replacement", "мүгедектер", "мүгедектігі бар адамдар", 2),
    ]


def test_several_replacements_respectively_ru() -> None:
    ops = ops_of(
        RU_INTRO,
        'слова "инвалид", "инвалиды" заменить соответственно словами "лицо с инвалидностью", '
        '"лица с инвалидностью";',
    )
    assert [(o.old_text, o.new_text) for o in ops] == [
        ("инвалид", "лицо с инвалидностью"),
        ("инвалиды", "лица с инвалидностью"),
    ]


# ---------------------------------------------------------------------------------------------------
# Scopes
# ---------------------------------------------------------------------------------------------------


def test_scoped_blocks_kk_plan_and_nested_units() -> None:
    ops = ops_of(
        KK_INTRO,
        "1-тармақ алып тасталсын;",
        "көрсетілген қаулымен бекітілген Мүгедектігі бар адамдарды оңалту бағдарламасында:",
        "2-бөлімнің 1-тарауында:",
        "бесінші абзац алып тасталсын;",
        "он бірінші абзац мынадай редакцияда жазылсын:",
        '"Жаңа абзац.";',
        "3-бөлімде:",
        "бірінші абзац алып тасталсын;",
        "4-бөлімнің 2-тарауы алып тасталсын;",
        "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
    )
    got = [(o.order, o.type, o.target_document, o.provision.slug() if o.provision else None) for o in ops]
    assert got == [
        (1, "repeal", None, "point-1"),
        (2, "repeal", "programme", "section-2/chapter-1/abzac-5"),
        (3, "substitution", "programme", "section-2/chapter-1/abzac-11"),
        (4, "repeal", "programme", "section-3/abzac-1"),
        (5, "repeal", "programme", "section-4/chapter-2"),
    ]
    assert ops[1].target_document_title == "Мүгедектігі бар адамдарды оңалту бағдарламасында"
    assert all(o.effective_date == AFFECTING.date for o in ops)


def test_scoped_blocks_ru_plan_and_nested_units() -> None:
    ops = ops_of(
        RU_INTRO,
        "в Национальном плане по обеспечению прав лиц с инвалидностью, утвержденном указанным постановлением:",
        "в главе 6 раздела 2:",
        "абзацы восьмой, девятый и десятый изложить в следующей редакции:",
        '"Первый абзац.',
        '      Второй абзац.";',
        "дополнить абзацем тринадцатым следующего содержания:",
        '"Новый абзац.";',
        "в разделе 3:",
        "абзац тридцать пятый параграфа 6 главы 2 исключить;",
    )
    got = [(o.type, o.target_document, o.provision.slug() if o.provision else None) for o in ops]
    assert got == [
        ("substitution", "plan", "section-2/chapter-6/abzac-8-10"),
        ("insertion", "plan", "section-2/chapter-6/abzac-13"),
        ("repeal", "plan", "section-3/chapter-2/paragraph-6/abzac-35"),
    ]
    assert ops[0].new_text == "Первый абзац.\nВторой абзац."
    assert ops[0].span == Span(4, 6)


def test_block_over_several_acts_ru() -> None:
    ops = ops_of(
        "1. Внести в некоторые решения Правительства Республики Казахстан следующие изменения:",
        '1) в постановлении Правительства Республики Казахстан от 20 июля 2005 года № 754 "О некоторых мерах":',
        "в пункте 2:",
        "подпункт 1) исключить;",
        "в приложении 1 к указанному постановлению:",
        "строку, порядковый номер 12, исключить;",
        '2) в постановлении Правительства Республики Казахстан от 1 февраля 2010 года № 60 "О другом":',
        "пункт 5 исключить;",
        "2. Настоящее постановление вводится в действие с 1 января 2024 года.",
    )
    got = [
        (o.target.number, o.target.date, o.target.title, o.provision.slug() if o.provision else None)
        for o in ops
    ]
    assert got == [
        ("754", date(2005, 7, 20), "О некоторых мерах", "point-2/subpoint-1"),
        ("754", date(2005, 7, 20), "О некоторых мерах", "appendix-1/row-12"),
        ("60", date(2010, 2, 1), "О другом", "point-5"),
    ]
    assert all(o.effective_date == date(2024, 1, 1) for o in ops)


def test_block_over_several_acts_kk_with_subpoint_lines() -> None:
    ops = ops_of(
        "1. Қазақстан Республикасы Үкіметінің кейбір шешімдеріне мынадай өзгерістер енгізілсін:",
        '1) "Кейбір шаралар туралы" Қазақстан Республикасы Үкіметінің 2005 жылғы 20 шілдедегі № 754 қаулысында:',
        "2-тармақта:",
        "1) тармақша алып тасталсын;",
        "3) тармақшаның екінші абзацы мынадай редакцияда жазылсын:",
        '"жаңа абзац";',
        '2) "Басқа туралы" Қазақстан Республикасы Үкіметінің 2010 жылғы 1 ақпандағы № 60 қаулысына мынадай өзгеріс енгізілсін:',
        "кіріспе алып тасталсын;",
        "2. Осы қаулы 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
    )
    got = [(o.target.number, o.type, o.provision.slug() if o.provision else None) for o in ops]
    assert got == [
        ("754", "repeal", "point-2/subpoint-1"),
        ("754", "substitution", "point-2/subpoint-3/abzac-2"),
        ("60", "repeal", "preamble"),
    ]
    assert ops[1].new_text == "жаңа абзац"
    assert all(o.effective_date == date(2024, 1, 1) for o in ops)


# ---------------------------------------------------------------------------------------------------
# Repeal of whole acts
# ---------------------------------------------------------------------------------------------------


def test_repeal_single_act_kk() -> None:
    ops = ops_of(
        '2. "Бір нәрсе туралы" Қазақстан Республикасы Үкіметінің 2015 жылғы 1 шілдедегі № 789 қаулысының '
        "күші жойылды деп танылсын."
    )
    assert len(ops) == 1
    op = ops[0]
    assert (op.type, op.provision, op.target.number, op.target.date, op.target.title) == (
        "repeal",
        None,
        "789",
        date(2015, 7, 1),
        "Бір нәрсе туралы",
    )
    assert op.target.issuer is not None and op.target.issuer.key == "government"


def test_repeal_single_act_ru() -> None:
    ops = ops_of(
        "2. Признать утратившим силу постановление Правительства Республики Казахстан от 5 марта 2010 года "
        '№ 123 "О некоторых вопросах".'
    )
    assert [(o.type, o.target.type, o.target.number, o.target.date, o.target.title) for o in ops] == [
        ("repeal", "resolution", "123", date(2010, 3, 5), "О некоторых вопросах")
    ]


def test_numbered_list_of_repealed_acts_kk() -> None:
    ops = ops_of(
        "2. Мыналардың күші жойылды деп танылсын:",
        '1) "Кейбір мәселелер туралы" Қазақстан Республикасы Үкіметінің 2010 жылғы 5 наурыздағы № 123 қаулысы;',
        '2) "Өзгерістер енгізу туралы" Қазақстан Республикасы Үкіметінің 2011 жылғы 6 сәуірдегі № 456 қаулысының '
        "2-тармағы;",
        '3) "Бағдарлама туралы" Қазақстан Республикасының 2012 жылғы 1 маусымдағы № 10-V Заңы.',
        "3. Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
    )
    got = [
        (o.order, o.type, o.target.type, o.target.number, o.provision.slug() if o.provision else None, o.span)
        for o in ops
    ]
    assert got == [
        (1, "repeal", "resolution", "123", None, Span(2, 2)),
        (2, "repeal", "resolution", "456", "point-2", Span(3, 3)),
        (3, "repeal", "law", "10-V", None, Span(4, 4)),
    ]
    assert all(o.effective_date is None for o in ops)


def test_numbered_list_of_repealed_acts_ru() -> None:
    ops = ops_of(
        "2. Признать утратившими силу:",
        '1) постановление Правительства Республики Казахстан от 5 марта 2010 года № 123 "О некоторых вопросах";',
        "2) пункт 2 постановления Правительства Республики Казахстан от 6 апреля 2011 года № 456 "
        '"О внесении изменений".',
        "3. Настоящее постановление вводится в действие со дня его подписания.",
    )
    got = [(o.target.number, o.target.title, o.provision.slug() if o.provision else None) for o in ops]
    assert got == [("123", "О некоторых вопросах", None), ("456", "О внесении изменений", "point-2")]
    assert all(o.effective_date == AFFECTING.date for o in ops)


# ---------------------------------------------------------------------------------------------------
# Texts that are not amendment instructions, and the end-of-line repair
# ---------------------------------------------------------------------------------------------------


def test_instruction_without_an_amending_block_or_act_is_ignored() -> None:
    # a proposal quoted in a report (seed 003 has such prose): no act is named, so nothing is amended
    assert ops_of("1. Қағидаларда 6-тармақта психикалық бұзылыстар алып тасталсын.") == []


def test_new_wording_announced_without_quoted_text_is_a_warning() -> None:
    doc = _doc()
    lines = normalize_lines(f"{KK_INTRO}\n2-тармақ мынадай редакцияда жазылсын:\n2. Жаңа")
    ops = parse_operations(lines, doc)
    assert len(ops) == 1 and ops[0].new_text is None
    assert [w.code for w in doc.warnings] == ["amendment"]


def test_displaced_target_words_after_colon_are_repaired_by_normalisation() -> None:
    assert (
        normalize_line("       мынадай редакцияда жазылсын:4-тармақ")
        == "       4-тармақ мынадай редакцияда жазылсын:"
    )
    ops = ops_of(KK_INTRO, "       мынадай редакцияда жазылсын:4-тармақ", '      "4. Мәтін.";')
    assert _one(ops).provision is not None and ops[0].provision.slug() == "point-4"


def test_displaced_target_words_at_the_end_of_a_wrapped_line() -> None:
    lines = ["      1-бөлімнің  бесінші абзацы мынадай редакцияда 3-тарауының", "жазылсын:"]
    assert repair_trailing_units(lines) == [
        "      1-бөлімнің 3-тарауының бесінші абзацы мынадай редакцияда",
        "жазылсын:",
    ]
    ops = ops_of(KK_INTRO, *lines, '      "Жаңа абзац.";')
    op = _one(ops)
    assert op.provision is not None and op.provision.slug() == "section-1/chapter-3/abzac-5"
    assert op.span == Span(2, 4)


def test_two_displaced_words_go_to_two_holes_in_order() -> None:
    lines = ["      бағдарламаға  осы қаулыға  сәйкес жаңа 2-қосымша қосымшаға", "редакцияда жазылсын."]
    assert repair_trailing_units(lines)[0] == "      бағдарламаға 2-қосымша осы қаулыға қосымшаға сәйкес жаңа"


@pytest.mark.parametrize(
    "line, following",
    [
        # no instruction verb on the line or the next: prose with a double space, not a displaced target
        ("      Мемлекеттік  бағдарлама 2-тармақ", "бойынша іске асырылады."),
        # an instrumental unit is the new unit of an insertion, standing in its place
        ("      5-тармақ  мынадай мазмұндағы 3-1-тармақпен", "толықтырылсын:"),
    ],
)
def test_trailing_unit_words_that_stay_where_they_are(line: str, following: str) -> None:
    assert repair_trailing_units([line, following]) == [line, following]


@pytest.mark.parametrize(
    "closing, expected",
    [
        ("Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.", AFFECTING.date),
        ("Осы қаулы 2024 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.", date(2024, 1, 1)),
        (
            "Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
            None,
        ),
        ("Настоящее постановление вводится в действие со дня его подписания.", AFFECTING.date),
        (
            "Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі және ресми жариялануға тиіс.",
            AFFECTING.date,
        ),
        (
            "Настоящее постановление вводится в действие с 1 января 2024 года и подлежит официальному опубликованию.",
            date(2024, 1, 1),
        ),
        (
            (
                "Осы қаулы 3-тармақты қоспағанда, алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен "
                "соң қолданысқа енгізіледі."
            ),
            None,
        ),
        (
            (
                "Настоящее постановление вводится в действие со дня его подписания, за исключением пункта 3, "
                "который вводится в действие с 1 января 2025 года."
            ),
            AFFECTING.date,
        ),
        ("Настоящее постановление вводится в действие с 1 января 2024 года.", date(2024, 1, 1)),
        (
            (
                "Настоящее постановление вводится в действие по истечении десяти календарных дней после дня его "
                "первого официального опубликования."
            ),
            None,
        ),
    ],
)
def test_entry_into_force(closing: str, expected: date | None) -> None:
    when, span = entry_into_force(["1. Бір нәрсе.", "      2. " + closing], _doc())
    assert when == expected
    assert span == Span(2, 2)


# ---------------------------------------------------------------------------------------------------
# Layouts of laws and of appendices
# ---------------------------------------------------------------------------------------------------


def test_law_amending_several_codes_and_laws_ru() -> None:
    ops = ops_of(
        "Статья 1. Внести изменения и дополнения в следующие законодательные акты Республики Казахстан:",
        '1. В Кодекс Республики Казахстан от 18 сентября 2009 года "О здоровье народа и системе здравоохранения" '
        "(Ведомости Парламента Республики Казахстан, 2009 г., № 20-21, ст. 89):",
        "1) в статье 1:",
        "подпункт 5) изложить в следующей редакции:",
        '"5) инвалидность – ограничение жизнедеятельности;";',
        "2) статью 7 исключить;",
        '2. В Закон Республики Казахстан от 13 апреля 2005 года "О социальной защите инвалидов в Республике '
        'Казахстан" (Ведомости Парламента Республики Казахстан, 2005 г., № 7-8, ст. 21):',
        "заголовок изложить в следующей редакции:",
        '"О социальной защите лиц с инвалидностью в Республике Казахстан";',
    )
    got = [
        (
            o.target.type,
            o.target.date,
            o.target.number,
            o.target.title,
            o.type,
            o.provision.slug() if o.provision else None,
        )
        for o in ops
    ]
    code = ("code", date(2009, 9, 18), None, "О здоровье народа и системе здравоохранения")
    law = ("law", date(2005, 4, 13), None, "О социальной защите инвалидов в Республике Казахстан")
    assert got == [
        (*code, "substitution", "article-1/subpoint-5"),
        (*code, "repeal", "article-7"),
        (*law, "substitution", "title"),
    ]
    assert ops[0].new_text == "5) инвалидность – ограничение жизнедеятельности;"
    # the state, not the Parliament of the Gazette in brackets
    assert [o.target.issuer.key if o.target.issuer else None for o in ops] == ["rk", "rk", "rk"]


def test_law_amending_several_codes_and_laws_kk() -> None:
    ops = ops_of(
        "1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер мен толықтырулар енгізілсін:",
        '1. 2009 жылғы 18 қыркүйектегі "Халық денсаулығы және денсаулық сақтау жүйесі туралы" Қазақстан '
        "Республикасының Кодексіне (Қазақстан Республикасы Парламентінің Жаршысы, 2009 ж., № 20-21, 89-құжат):",
        "1) 1-бапта:",
        "5) тармақша мынадай редакцияда жазылсын:",
        '"5) мүгедектік – тыныс-тіршілігінің шектелуі;";',
        "2) 7-бап алып тасталсын;",
    )
    got = [
        (o.target.type, o.target.date, o.target.title, o.type, o.provision.slug() if o.provision else None)
        for o in ops
    ]
    code = ("code", date(2009, 9, 18), "Халық денсаулығы және денсаулық сақтау жүйесі туралы")
    assert got == [(*code, "substitution", "article-1/subpoint-5"), (*code, "repeal", "article-7")]


def test_acts_repealed_by_a_list_in_the_appendix_ru() -> None:
    ops = ops_of(
        "      1. Признать утратившими силу некоторые решения Правительства Республики Казахстан согласно "
        "приложению к настоящему постановлению.",
        "      2. Настоящее постановление вводится в действие со дня его подписания.",
        "Премьер-Министр",
        "Приложение к постановлению Правительства Республики Казахстан от 15 марта 2023 года № 200",
        "Перечень утративших силу некоторых решений Правительства Республики Казахстан",
        '      1. Постановление Правительства Республики Казахстан от 5 марта 2010 года № 123 "О некоторых вопросах".',
        '      2. Пункт 3 постановления Правительства Республики Казахстан от 6 апреля 2011 года № 456 "Об изменениях".',
    )
    got = [(o.type, o.target.number, o.provision.slug() if o.provision else None, o.span) for o in ops]
    assert got == [("repeal", "123", None, Span(6, 6)), ("repeal", "456", "point-3", Span(7, 7))]
    assert all(o.effective_date == AFFECTING.date for o in ops)


def test_an_appendix_that_lists_acts_without_a_repeal_instruction_is_not_a_repeal() -> None:
    ops = ops_of(
        "      1. Бағдарлама бекітілсін.",
        "Күші жойылған шешімдер туралы анықтама",
        '      1. "Бір нәрсе туралы" Қазақстан Республикасы Үкіметінің 2010 жылғы 5 наурыздағы № 123 қаулысы.',
    )
    assert ops == []


def test_the_approved_document_is_named_by_its_head_noun() -> None:
    ops = ops_of(
        RU_INTRO,
        "в приложении к Плану мероприятий по реализации Государственной программы, утвержденному указанным "
        "постановлением:",
        "строку, порядковый номер 5, исключить;",
        "2. " + KK_INTRO[3:],
        "көрсетілген қаулымен бекітілген Мемлекеттік бағдарламаны іске асыру жөніндегі іс-шаралар жоспарында:",
        "реттік нөмірі 5-жол алып тасталсын;",
        "көрсетілген қаулымен бекітілген Мемлекеттік бағдарламаның 2-бөлімі алып тасталсын;",
    )
    got = [
        (o.target_document, o.target_document_title, o.provision.slug() if o.provision else None) for o in ops
    ]
    assert got == [
        ("plan", "Плану мероприятий по реализации Государственной программы", "appendix/row-5"),
        ("plan", "Мемлекеттік бағдарламаны іске асыру жөніндегі іс-шаралар жоспарында", "row-5"),
        ("programme", "Мемлекеттік бағдарламаның", "section-2"),
    ]


def test_the_nine_operations_as_a_russian_text_would_give_them() -> None:
    """The seed's instructions drafted as the Russian text of such a resolution words them."""
    ops = ops_of(
        "      1. Внести в постановление Правительства Республики Казахстан от 28 мая 2019 года № 326 "
        '"Об утверждении Национального плана по обеспечению прав и улучшению качества жизни лиц с инвалидностью '
        'в Республике Казахстан до 2025 года" следующие изменения и дополнения:',
        "      заголовок изложить в следующей редакции:",
        '      "Об утверждении Национального плана";',
        "      пункт 1 изложить в следующей редакции:",
        '      "1. Утвердить прилагаемый Национальный план.";',
        "      в Национальном плане по обеспечению прав и улучшению качества жизни лиц с инвалидностью в "
        "Республике Казахстан до 2025 года, утвержденном указанным постановлением:",
        "      абзац четвертый главы 1 раздела 2 изложить в следующей редакции:",
        '      "Цель.";',
        "      в главе 6 раздела 2:",
        "      абзацы восьмой, девятый и десятый изложить в следующей редакции:",
        '      "Один.',
        "      Два.",
        "      Три.",
        "      Четыре.",
        "      Пять.",
        '      Шесть.";',
        "      дополнить абзацем тринадцатым следующего содержания:",
        '      "Новый.";',
        "      абзац пятнадцатый изложить в следующей редакции:",
        '      "Пятнадцатый.";',
        "      часть вторую параграфа 6 главы 2 раздела 3 изложить в следующей редакции:",
        '      "Часть.";',
        "      абзац тридцать пятый параграфа 6 главы 2 раздела 3 изложить в следующей редакции:",
        '      "Абзац.";',
        "      приложение к указанному Национальному плану изложить в новой редакции согласно приложению к "
        "настоящему постановлению.",
        "      2. Настоящее постановление вводится в действие по истечении десяти календарных дней после дня его "
        "первого официального опубликования.",
        language="ru",
    )
    got = [(o.order, o.type, o.target_document, o.provision.slug() if o.provision else None) for o in ops]
    assert got == [
        (1, "substitution", None, "title"),
        (2, "substitution", None, "point-1"),
        (3, "substitution", "plan", "section-2/chapter-1/abzac-4"),
        (4, "substitution", "plan", "section-2/chapter-6/abzac-8-10"),
        (5, "insertion", "plan", "section-2/chapter-6/abzac-13"),
        (6, "substitution", "plan", "section-2/chapter-6/abzac-15"),
        (7, "substitution", "plan", "section-3/chapter-2/paragraph-6/part-2"),
        (8, "substitution", "plan", "section-3/chapter-2/paragraph-6/abzac-35"),
        (9, "substitution", "plan", "appendix"),
    ]
    assert ops[3].new_text is not None and len(ops[3].new_text.split("\n")) == 6
    assert ops[8].new_wording == "appendix" and ops[8].new_text is None
    assert all(o.effective_date is None for o in ops)
    assert {(o.target.number, o.target.date) for o in ops} == {("326", date(2019, 5, 28))}


def test_several_words_deleted_or_inserted_in_one_instruction() -> None:
    ops = ops_of(
        RU_INTRO,
        'в пункте 2 слова "ежегодно", "ежеквартально" исключить;',
        'в пункте 3 после слова "органы" дополнить словами "и организации", после слова "граждан" дополнить '
        'словами "и лиц без гражданства";',
    )
    assert [(o.type, o.provision.slug() if o.provision else None, o.old_text, o.new_text) for o in ops] == [
        ("repeal", "point-2", "ежегодно", None),
        ("repeal", "point-2", "ежеквартально", None),
        ("insertion", "point-3", None, "и организации"),
        ("insertion", "point-3", None, "и лиц без гражданства"),
    ]
    kk = ops_of(KK_INTRO, '2-тармақтағы "жыл сайын", "тоқсан сайын" деген сөздер алып тасталсын;')
    assert [o.old_text for o in kk] == ["жыл сайын", "тоқсан сайын"]


def test_an_amending_block_without_readable_instructions_is_reported() -> None:
    doc = _doc()
    closing = "2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі."
    text = f"{KK_INTRO}\nбір нәрсе басқаша айтылсын;\n{closing}"
    assert parse_operations(normalize_lines(text), doc) == []
    assert [(w.code, w.span) for w in doc.warnings] == [("amendment", Span(1, 1))]


@pytest.mark.parametrize(
    "opening, closing",
    [("«", "»"), ("„", "“"), ("“", "”")],
)
def test_new_wording_in_typographic_quotes(opening: str, closing: str) -> None:
    ops = ops_of(
        RU_INTRO,
        "пункт 2 изложить в следующей редакции:",
        f"{opening}2. Утвердить {opening}Программу{closing} развития.",
        f"Второй абзац.{closing};",
        f"пункт 3 изложить в следующей редакции: {opening}3. Текст.{closing};",
    )
    assert [(o.provision.slug() if o.provision else None, o.new_text) for o in ops] == [
        ("point-2", f"2. Утвердить {opening}Программу{closing} развития. Второй абзац."),
        ("point-3", "3. Текст."),
    ]


def test_a_column_of_an_action_plan_row() -> None:
    ops = ops_of(
        KK_INTRO,
        "көрсетілген қаулымен бекітілген Бағдарламаны іске асыру жөніндегі іс-шаралар жоспарында:",
        'реттік нөмірі 12-жолдың 5-бағанындағы "2020 жыл" деген сөздер "2021 жыл" деген сөздермен ауыстырылсын;',
        RU_INTRO.replace("1. ", "2. ", 1),
        "в Плане мероприятий по реализации Программы, утвержденном указанным постановлением:",
        "в строке, порядковый номер 12:",
        'в графе "Срок исполнения" цифры "2020" заменить цифрами "2021";',
    )
    got = [
        (o.target_document, o.provision.slug() if o.provision else None, o.old_text, o.new_text) for o in ops
    ]
    assert got == [
        ("plan", "row-12/column-5", "2020 жыл", "2021 жыл"),
        ("plan", "row-12/column", "2020", "2021"),
    ]


@pytest.mark.parametrize(
    "line, repaired",
    [
        (
            '      "мүгедек" деген сөз "адам" деген сөздермен ауыстырылсын;5-тармақта',
            '      5-тармақта "мүгедек" деген сөз "адам" деген сөздермен ауыстырылсын;',
        ),
        (
            '      2-тармақта  "мүгедек" деген сөз "адам" деген сөздермен ауыстырылсын;3) тармақшасында',
            '      2-тармақта 3) тармақшасында "мүгедек" деген сөз "адам" деген сөздермен ауыстырылсын;',
        ),
        (
            "      Бағдарлама бекітілсін.2-тармақ",
            "      Бағдарлама бекітілсін.2-тармақ",
        ),  # no instruction verb
        ("      бір нәрсе алып тасталсын.Осы", "      бір нәрсе алып тасталсын.Осы"),  # not a unit
    ],
)
def test_unit_words_glued_after_the_end_of_an_instruction(line: str, repaired: str) -> None:
    assert repair_trailing_units([line]) == [repaired]


def test_a_registration_number_wrapped_to_the_start_of_a_line_is_not_a_list_marker() -> None:
    ops = ops_of(
        "      1. Внести в решение Акмолинского областного маслихата от 26 апреля 2006 года № 11/31",
        '"Об утверждении плана мероприятий" (зарегистрировано в Реестре государственной регистрации под №',
        "1995) следующие изменения:",
        "      пункт 1 изложить в следующей редакции:",
        '      "1. Утвердить прилагаемый документ.";',
    )
    assert [(o.target.number, o.target.issuer.key if o.target.issuer else None, o.type) for o in ops] == [
        ("11/31", "akmola-oblast-maslikhat", "substitution")
    ]


def test_synthetic_amending_and_repealing_acts_name_their_targets() -> None:
    """Over a generated corpus (kglaw.synth, Kazakh and Russian, regional and republican bodies), every act
    that amends or repeals others yields operations whose targets are exactly the acts it changes."""
    from kglaw.parse.document import parse_text
    from kglaw.synth import generate_documents

    checked = 0
    for sd in generate_documents(120, seed=3):
        expected = {(a["type"], a["date"], a["number"]) for a in sd.truth["amends"] + sd.truth["repeals"]}
        doc = parse_text(sd.text, sd.source)
        got = {
            (o.target.type, o.target.date.isoformat() if o.target.date else None, o.target.number)
            for o in doc.operations
        }
        assert got == expected, sd.source
        checked += bool(expected)
    assert checked >= 20


def test_a_unit_declared_invalid_inside_a_scoped_block() -> None:
    ops = ops_of(
        RU_INTRO,
        "в Плане мероприятий, утвержденном указанным постановлением:",
        "в разделе 2:",
        "абзац пятый признать утратившим силу;",
        "2. " + KK_INTRO[3:],
        "3-тармақтың күші жойылды деп танылсын;",
    )
    got = [
        (o.type, o.target.number, o.target_document, o.provision.slug() if o.provision else None) for o in ops
    ]
    assert got == [("repeal", "326", "plan", "section-2/abzac-5"), ("repeal", "326", None, "point-3")]


def test_a_cited_title_that_lost_its_outer_closing_quote_still_opens_the_block() -> None:
    # «Об утверждении Положения о … «Управление …» следующие изменения: — « twice, » once
    from kglaw.parse.document import parse_file

    doc = parse_file(Path(__file__).parent / "texts" / "ru_oblast_akimat_amending_regulation.txt")
    assert [
        (o.type, o.target.number, o.provision.path if o.provision else None, o.target_document)
        for o in doc.operations
    ] == [
        ("substitution", "30", [("point", "5")], "regulation"),
        ("repeal", "30", [("point", "14"), ("subpoint", "3")], "regulation"),
    ]
    assert doc.operations[0].new_text is not None and doc.operations[0].new_text.startswith(
        "5. Юридический адрес"
    )


def test_a_kazakh_scope_whose_title_lost_its_outer_closing_quote_ends_at_its_colon() -> None:
    # "«Түркістан облысының «… басқармасы» мемлекеттік мекемесі туралы ережеде:" — « twice, » once
    ops = ops_of(
        "      1. Түркістан облысы әкімдігінің 2022 жылғы 10 ақпандағы № 30 «Түркістан облысының «Жұмыспен "
        "қамтуды үйлестіру басқармасы» мемлекеттік мекемесінің ережесін бекіту туралы» қаулысына мынадай "
        "өзгерістер енгізілсін:",
        "      көрсетілген қаулымен бекітілген «Түркістан облысының «Жұмыспен қамтуды үйлестіру басқармасы» "
        "мемлекеттік мекемесі туралы ережеде:",
        "      5-тармақ мынадай редакцияда жазылсын:",
        "      «5. Заңды мекенжайы: Түркістан қаласы.»;",
        "      14-тармақтың 3) тармақшасы алып тасталсын.",
        "      2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
        language="kk",
    )
    assert [(o.type, o.target.number, o.provision.path if o.provision else None) for o in ops] == [
        ("substitution", "30", [("point", "5")]),
        ("repeal", "30", [("point", "14"), ("subpoint", "3")]),
    ]


def test_a_law_that_amends_several_acts_point_by_point_has_no_empty_block() -> None:
    # "Статья 1. Внести изменения … в следующие законодательные акты:" opens no block of its own: each act
    # follows in a point ("1. В Кодекс … :", "2. В Закон … :")
    from kglaw.parse.document import parse_file

    for name, n in (("ru_law_amending_several_laws.txt", 6), ("kk_law_amending_several_laws.txt", 5)):
        doc = parse_file(Path(__file__).parent / "texts" / name)
        assert len(doc.operations) == n, name
        assert [w.message for w in doc.warnings if w.code == "amendment"] == [], name


@pytest.mark.parametrize(
    ("lines", "language"),
    [
        (
            (
                "      1. Маңғыстау облыстық мәслихатының 2021 жылғы 13 желтоқсандағы № 8/90 «Облыстық бюджет туралы» "
                "шешіміне мынадай өзгеріс енгізілсін:",
                "      көрсетілген шешімнің 1, 2 және 4-қосымшалары осы шешімнің 1, 2 және 3-қосымшаларына сәйкес жаңа "
                "редакцияда жазылсын.",
                "      2. Осы шешім 2022 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.",
            ),
            "kk",
        ),
        (
            (
                "      1. Внести в решение маслихата от 13 декабря 2021 года № 8/90 «Об областном бюджете» следующие "
                "изменения:",
                "      приложения 1, 2 и 4 к указанному решению изложить в новой редакции согласно приложениям 1, 2 и 3 к "
                "настоящему решению.",
                "      2. Настоящее решение вводится в действие с 1 января 2022 года.",
            ),
            "ru",
        ),
    ],
    ids=["kk", "ru"],
)
def test_appendices_reworded_by_a_list_of_this_acts_own_appendices(
    lines: tuple[str, ...], language: str
) -> None:
    # "… 1, 2 және 3-қосымшаларына сәйкес" / "согласно приложениям 1, 2 и 3 к настоящему решению" is the new
    # wording, not a unit inside the amended appendices
    (op,) = ops_of(*lines, language=language)
    assert (op.type, op.provision.path if op.provision else None, op.new_wording) == (
        "substitution",
        [("appendix", "1,2,4")],
        "appendix-1-3",
    )
