"""The operative part: points and what they do, addressees, control, reporting, entry into force,
signatories, and a second act printed inside a document. One fixture text per pattern, Kazakh and
Russian (tests/texts/*_operative_*.txt), and the seeds' answers from the research notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kglaw.model import Document, OperativePart, OperativeProvision
from kglaw.parse.document import parse_file, parse_text
from kglaw.parse.operative import classify, read_control, read_entry_into_force, read_reporting

TEXTS = Path(__file__).resolve().parent / "texts"
RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
MLSPP = "https://w3id.org/kglaw/agency/ministry-of-labour-and-social-protection-of-population"
GOV = "https://w3id.org/kglaw/agency/government"
PM = "https://w3id.org/kglaw/agency/prime-minister"


def _doc(name: str) -> Document:
    return parse_file(TEXTS / name)


def _seed(prefix: str) -> Document:
    return parse_file(next(RAW.glob(f"{prefix}_*.txt")))


def _point(part: OperativePart, number: str, parent: str | None = None) -> OperativeProvision:
    return next(p for p in part.points if p.number == number and p.parent == parent)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Қоса беріліп отырған тұжырымдама бекітілсін.", ["approve"]),
        ("Утвердить прилагаемую Концепцию.", ["approve"]),
        ("Бағдарлама мақұлдансын және мәслихат сессиясына бекітуге ұсынылсын.", ["endorse", "submit"]),
        ("Одобрить Программу и внести на рассмотрение сессии маслихата.", ["endorse", "submit"]),
        ("Шешімге мынадай өзгерістер енгізілсін:", ["amend"]),
        ("Внести в постановление следующие изменения:", ["amend"]),
        ("Мыналардың күші жойылды деп танылсын:", ["repeal"]),
        ("Признать утратившим силу постановление.", ["repeal"]),
        ("Басқарма бағдарламаның орындалуын қамтамасыз етсін.", ["instruct"]),
        ("Управлению обеспечить исполнение Программы.", ["instruct"]),
        ("Министрлік жыл сайын Үкіметке ақпарат ұсынып тұрсын.", ["report"]),
        ("Министерству ежегодно представлять в Правительство информацию.", ["report"]),
        ("Осы шешімнің орындалуын бақылау комиссияға жүктелсін.", ["control"]),
        ("Контроль за исполнением настоящего приказа оставляю за собой.", ["control"]),
        ("Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.", ["entry-into-force"]),
        ("Настоящее решение вводится в действие со дня подписания.", ["entry-into-force"]),
    ],
)
def test_kind_from_the_verb(text: str, kinds: list[str]) -> None:
    assert classify(text) == kinds


def test_quoted_new_wording_is_not_the_points_own_verb() -> None:
    assert classify(
        '1-тармақ мынадай редакцияда жазылсын: "1. Жоспар бекітілсін."; өзгерістер енгізілсін'
    ) == ["amend"]


@pytest.mark.parametrize(
    "name", ["kk_operative_government_resolution.txt", "ru_operative_government_resolution.txt"]
)
def test_points_in_order_with_lines_and_kinds(name: str) -> None:
    doc = _doc(name)
    assert len(doc.operative) == 1
    part = doc.operative[0]
    assert part.act is None
    top = [(p.number, p.kinds) for p in part.points if p.parent is None]
    assert top == [
        ("1", ["approve"]),
        ("2", ["report", "instruct"]),
        ("3", ["report"]),
        ("4", ["repeal"]),
        ("5", ["control"]),
        ("6", ["entry-into-force"]),
    ]
    assert _point(part, "1").span is not None and _point(part, "1").span.start == 4
    assert _point(part, "2", "2").kinds == ["report"]


@pytest.mark.parametrize(
    "name", ["kk_operative_government_resolution.txt", "ru_operative_government_resolution.txt"]
)
def test_reporting_to_whom_how_often_by_when(name: str) -> None:
    part = _doc(name).operative[0]
    quarterly = _point(part, "2", "2").reporting
    assert quarterly is not None and quarterly.frequency == "quarterly"
    assert quarterly.recipient is not None and quarterly.recipient.agency == MLSPP
    assert quarterly.due_raw and quarterly.due_month_day is None and quarterly.due_date is None
    # the chamber of entrepreneurs takes part "келісу бойынша" / "по согласованию"
    assert any(a.by_agreement for a in quarterly.reporters)
    yearly = _point(part, "3").reporting
    assert yearly is not None and yearly.frequency == "annual"
    assert [a.agency for a in yearly.reporters] == [MLSPP]
    assert yearly.recipient is not None and yearly.recipient.agency == GOV
    assert yearly.due_month_day == (4, 1) and yearly.due_date is None


@pytest.mark.parametrize(
    ("name", "position", "person"),
    [
        (
            "kk_operative_government_resolution.txt",
            "Қазақстан Республикасы Премьер-Министрінің орынбасары",
            "С.М. Жұманғаринге",
        ),
        (
            "ru_operative_government_resolution.txt",
            "заместителя Премьер-Министра Республики Казахстан",
            "Жумангарина С.М.",
        ),
    ],
)
def test_control_entrusted_to_a_person_by_post_and_name(name: str, position: str, person: str) -> None:
    (c,) = _point(_doc(name).operative[0], "5").controllers
    assert (c.position, c.name, c.agency) == (position, person, None)


@pytest.mark.parametrize(
    "name", ["kk_operative_government_resolution.txt", "ru_operative_government_resolution.txt"]
)
def test_entry_into_force_on_a_stated_date_and_the_signature(name: str) -> None:
    doc = _doc(name)
    eif = _point(doc.operative[0], "6").entry_into_force
    assert eif is not None and eif.date == date(2025, 4, 1) and not eif.on_signing
    assert doc.entry_into_force == date(2025, 4, 1)
    (sig,) = doc.operative[0].signatories
    assert sig.name == "О. Бектенов" and sig.agency == PM
    assert sig.position in (
        "Қазақстан Республикасының Премьер-Министрі",
        "Премьер-Министр Республики Казахстан",
    )


@pytest.mark.parametrize(
    ("name", "rule"),
    [
        ("kk_operative_order.txt", "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң"),
        ("ru_operative_order.txt", "со дня его подписания"),
    ],
)
def test_order_rule_of_entry_into_force_and_minister(name: str, rule: str) -> None:
    doc = _doc(name)
    part = doc.operative[0]
    assert _point(part, "1").kinds == ["amend"]
    assert [p for p in part.points if p.parent == "1"] == []  # an amendment's items are not sub-points
    eif = _point(part, "4").entry_into_force
    assert eif is not None and eif.rule == rule
    # "from the day of signing" is the act's own date; "ten days after publication" gives none
    expected = date(2024, 6, 3) if eif.on_signing else None
    assert eif.date == expected and doc.entry_into_force == expected
    (sig,) = part.signatories
    assert sig.agency == MLSPP and sig.name in ("С. Жақыпова", "С. Жакупова")


def test_control_kept_by_the_signer_stays_as_written() -> None:
    (c,) = _point(_doc("ru_operative_order.txt").operative[0], "3").controllers
    assert (c.raw, c.agency, c.name) == ("оставляю за собой", None, None)


@pytest.mark.parametrize("name", ["kk_operative_embedded_akimat.txt", "ru_operative_embedded_akimat.txt"])
def test_second_enacting_block_goes_to_the_act_its_appendix_names(name: str) -> None:
    doc = _doc(name)
    own, akimat = doc.operative
    assert own.act is None and [p.kinds for p in own.points] == [
        ["approve"],
        ["control"],
        ["entry-into-force"],
    ]
    assert len(own.signatories) == 2 and all(s.name for s in own.signatories)
    assert akimat.act is not None
    assert (akimat.act.type, akimat.act.date, akimat.act.number) == ("resolution", date(2024, 3, 2), "41")
    assert akimat.act.issuer is not None and akimat.act.issuer.key == "mangystau-oblast-akimat"
    assert _point(akimat, "1").kinds == ["endorse", "submit"]
    (c,) = _point(akimat, "3").controllers
    assert c.position in ("облыс әкімінің орынбасары", "заместителя акима области") and c.name
    assert [(b.number, b.pinpoint is not None) for b in akimat.based_on] == [("148-II", True)]
    assert [s.position for s in akimat.signatories] in (["Облыс әкімі"], ["Аким области"])


def test_a_second_block_whose_act_is_not_named_is_not_read() -> None:
    text = (TEXTS / "kk_operative_embedded_akimat.txt").read_text(encoding="utf-8")
    text = text.replace("№ 41 қаулысына қосымша", "").replace(
        "Облыс әкімдігінің 2024 жылғы 2 наурыздағы № 41 қаулысымен", ""
    )
    doc = parse_text(text, "x.txt")
    assert len(doc.operative) == 1
    assert any(w.code == "operative" for w in doc.warnings)


def test_reporting_reader_keeps_a_full_date_only_when_stated() -> None:
    r = read_reporting("2025 жылғы 1 шілдеге дейін Қазақстан Республикасының Үкіметіне ақпарат ұсынсын.", [])
    assert r.due_date == date(2025, 7, 1) and r.due_month_day is None
    assert r.recipient is not None and r.recipient.agency == GOV


def test_control_by_a_body_resolves_to_its_agency() -> None:
    (c,) = read_control(
        "Контроль за исполнением настоящего постановления возложить на Министерство труда и социальной защиты населения Республики Казахстан."
    )
    assert c.agency == MLSPP and c.position is None


def test_entry_into_force_after_publication_has_no_date() -> None:
    eif = read_entry_into_force(
        "Осы шешім алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
        date(2024, 4, 12),
    )
    assert eif is not None and eif.date is None and not eif.on_signing


# -- the seeds (research notes §8) ---------------------------------------------------------------


def test_seed_001_decision_and_the_akimat_resolution_it_embeds() -> None:
    doc = _seed("001")
    own, akimat = doc.operative
    (c,) = _point(own, "2").controllers
    assert c.raw.endswith("тұрақты комиссиясына") and c.agency is None
    assert [s.position for s in own.signatories] == [
        "Облыстық мәслихаты XXIV сессиясының төрағасы",
        "Облыстық Мәслихаттың хатшысы",
    ]
    assert all(s.name is None for s in own.signatories)  # the text prints no names
    assert akimat.act is not None and (akimat.act.date, akimat.act.number) == (date(2003, 4, 11), "98")
    assert _point(akimat, "1").kinds == ["endorse", "submit"]
    (ctl,) = _point(akimat, "4").controllers
    assert (ctl.position, ctl.name) == ("облыс әкімінің орынбасары", "Т.Қ.Мүрсәлиеваға")
    assert {b.number for b in akimat.based_on} == {"343-II", "148-II"}


def test_seed_002_signer_and_rule() -> None:
    doc = _seed("002")
    (part,) = doc.operative
    assert [p.number for p in part.points] == ["1", "2"]  # the quoted "1. …" of resolution 326 is not a point
    eif = _point(part, "2").entry_into_force
    assert (
        eif is not None and eif.rule == "алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң"
    )
    assert eif.date is None and doc.entry_into_force is None
    (sig,) = part.signatories
    assert (sig.position, sig.name) == ("Қазақстан Республикасының Премьер-Министрі", "Ә. Смайылов")


def test_seed_004_reporting_control_and_signing() -> None:
    doc = _seed("004")
    (part,) = doc.operative
    r1 = _point(part, "3", "2").reporting
    assert (
        r1 is not None
        and r1.recipient is not None
        and r1.recipient.agency == MLSPP
        and r1.due_month_day == (2, 1)
    )
    r2 = _point(part, "3").reporting
    assert r2 is not None and r2.recipient is not None and r2.recipient.agency == GOV
    assert (r2.frequency, r2.due_month_day) == ("annual", (3, 15))
    assert [c.agency for c in _point(part, "4").controllers] == [MLSPP]
    assert doc.entry_into_force == date(2024, 12, 30)  # "қол қойылған күнінен бастап"
    assert [(s.position, s.name) for s in part.signatories] == [
        ("Қазақстан Республикасының Премьер-Министрі", "О. Бектенов")
    ]


def test_a_report_has_no_operative_part() -> None:
    assert _seed("003").operative == []


@pytest.mark.parametrize(
    "name", ["kk_operative_note_and_attachment.txt", "ru_operative_note_and_attachment.txt"]
)
def test_editorial_notes_and_an_attached_document_without_signature(name: str) -> None:
    (part,) = _doc(name).operative
    # point 2 was repealed (only the publisher's note is left), the note under point 3 is not its text,
    # and the attached rules' own numbered items are not points of the decision
    assert [(p.number, p.kinds) for p in part.points] == [("1", ["approve"]), ("3", ["instruct"])]
    assert "Ескерту" not in _point(part, "3").text and "Сноска" not in _point(part, "3").text
    assert part.signatories == []


def test_a_joint_act_reads_its_points_after_both_formulas() -> None:
    text = (
        "Облыстың әкімшілік-аумақтық құрылысындағы өзгерістер туралы\n"
        "Қостанай облысы әкімдігінің 2015 жылғы 9 желтоқсандағы № 5 бірлескен қаулысы және Қостанай облыстық "
        "мәслихатының 2015 жылғы 9 желтоқсандағы № 432 шешімі\n"
        "      Қостанай облысының әкімдігі ҚАУЛЫ ЕТЕДІ ЖӘНЕ Қостанай облыстық мәслихаты ШЕШІМ ҚАБЫЛДАДЫ:\n"
        "      1. Ауылдың атауы өзгертілсін.\n"
    )
    (part,) = parse_text(text, "joint.txt").operative
    assert part.formula == "ШЕШІМ ҚАБЫЛДАДЫ" and [p.number for p in part.points] == ["1"]


def test_a_wrapped_line_that_begins_with_a_lower_case_appendix_word_does_not_end_the_points() -> None:
    text = (
        "Об утверждении правил\n"
        "Постановление Правительства Республики Казахстан от 14 марта 2025 года № 153\n"
        "      Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:\n"
        "      1. Утвердить прилагаемые правила (\n"
        "приложение 1 к настоящему постановлению).\n"
        "      2. Настоящее постановление вводится в действие со дня его подписания.\n"
    )
    (part,) = parse_text(text, "wrapped.txt").operative
    assert [p.number for p in part.points] == ["1", "2"]
    assert part.points[1].entry_into_force is not None and part.points[1].entry_into_force.date == date(
        2025, 3, 14
    )


@pytest.mark.parametrize(
    ("name", "formula"),
    [("ru_joint_order_two_numbers.txt", "ПРИКАЗЫВАЕМ")],
    ids=["ru-joint-order"],
)
def test_plural_formula_of_a_joint_order_opens_the_operative_part(name: str, formula: str) -> None:
    doc = _doc(name)
    (part,) = doc.operative
    assert part.formula == formula
    assert [p.number for p in part.points] == ["1", "2", "3"]
    # the preamble's legal basis is read as such once the formula closes it
    assert [(r.type, r.pinpoint) for r in doc.based_on] == [("law", "подпункт 2) статьи 10")]


@pytest.mark.parametrize(
    ("preamble", "formula"),
    [
        ("Қазақстан Республикасы Әділет министрлігінің бұйрықтарына сәйкес БҰЙЫРАМЫЗ:", "БҰЙЫРАМЫЗ"),
        ("Аудан әкімі ШЕШІМ ҚАБЫЛДАЙМЫН:", "ШЕШІМ ҚАБЫЛДАЙМЫН"),
        ("Аудан әкімі ШЕШЕМІН:", "ШЕШЕМІН"),
        ("Аким района РЕШАЮ:", "РЕШАЮ"),
    ],
    ids=["kk-joint-order", "kk-akim-1", "kk-akim-2", "ru-akim"],
)
def test_first_person_and_plural_formulas(preamble: str, formula: str) -> None:
    text = (
        "Ереже туралы\n"
        "Қазақстан Республикасы Денсаулық сақтау министрінің 2023 жылғы 16 наурыздағы № 41 бұйрығы.\n"
        f"      {preamble}\n"
        "      1. Ереже бекітілсін.\n"
    )
    (part,) = parse_text(text, "formula.txt").operative
    assert part.formula == formula and [p.number for p in part.points] == ["1"]
