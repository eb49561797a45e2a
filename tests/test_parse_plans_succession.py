"""Programme succession: the programme a programme's own text says it continues or follows.

Seed 000's expected predecessor is copied from the research notes (research/seeds/000.md §8 Q6, P3:
"the oblast programme of rehabilitation of disabled persons for 2002–2005", L109–110); seed 004's
history of earlier programmes (004.md A13, L134, "HIST") must not become a succession.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kglaw.model import Document, ProgrammeRef, Span
from kglaw.parse.document import parse_file
from kglaw.parse.plans.succession import find_predecessors, nominative_title

TEXTS = Path(__file__).resolve().parent / "texts"
RAW = Path(__file__).resolve().parent.parent / "data" / "raw"


def _succeeds(path: Path) -> list[ProgrammeRef]:
    doc = parse_file(path)
    assert len(doc.programmes) == 1
    return doc.programmes[0].succeeds


def _one(sentence: str, lang: str) -> list[ProgrammeRef]:
    return find_predecessors(["", "      " + sentence], 0, 2, Document(source="x.txt", language=lang), lang)


# ------------------------------------------------------------------------------------------ the seeds


def test_000_implemented_before_this_programme() -> None:
    (pred,) = _succeeds(next(RAW.glob("000_*.txt")))
    assert pred.title == "Мүгедектерді оңалтудың 2002-2005 жылдарға арналған облыстық бағдарламасы"
    assert (pred.kind, pred.period_start, pred.period_end) == ("programme", 2002, 2005)
    assert pred.period_raw == "2002-2005 жылдарға"
    assert pred.span == Span(109, 110)
    assert pred.approved_by is None  # the text cites no act for it; no oblast body is guessed


def test_004_history_of_earlier_programmes_is_not_a_succession() -> None:
    assert _succeeds(next(RAW.glob("004_*.txt"))) == []


def test_plans_without_a_statement_succeed_nothing() -> None:
    assert _succeeds(next(RAW.glob("001_*.txt"))) == []
    assert _succeeds(next(RAW.glob("002_*.txt"))) == []


# ------------------------------------------------------------------------------------ fixtures kk, ru


def test_kk_continuation_with_the_approving_act_cited() -> None:
    first, _ = _succeeds(TEXTS / "kk_programme_succession.txt")
    assert (
        first.title == "Мүгедектігі бар адамдарды оңалтудың 2018-2020 жылдарға арналған облыстық бағдарламасы"
    )
    assert (first.period_start, first.period_end, first.period_raw) == (2018, 2020, "2018-2020 жылдарға")
    assert first.approved_by is not None
    assert (first.approved_by.type, first.approved_by.date, first.approved_by.number) == (
        "decision",
        date(2017, 12, 12),
        "150-VI",
    )
    assert first.span == Span(20, 21)


def test_kk_implemented_before_and_the_history_sentence_skipped() -> None:
    preds = _succeeds(TEXTS / "kk_programme_succession.txt")
    assert len(preds) == 2  # line 19's "… үкіметтік бағдарламалары іске асырылды" is history
    before = preds[1]
    assert (
        before.title
        == "Мүгедектігі бар балаларды қолдаудың 2015-2017 жылдарға арналған облыстық бағдарламасы"
    )
    assert (before.approved_by, before.span) == (None, Span(22, 22))


def test_ru_continuation_with_the_approving_act_after_the_title() -> None:
    first, _ = _succeeds(TEXTS / "ru_programme_succession.txt")
    assert first.title == "Программа реабилитации лиц с инвалидностью на 2018-2020 годы"
    assert first.period_raw == "на 2018-2020 годы"
    assert first.approved_by is not None and first.approved_by.number == "150-VI"
    assert first.span == Span(19, 20)


def test_ru_implemented_before_adoption_of_this_programme() -> None:
    preds = _succeeds(TEXTS / "ru_programme_succession.txt")
    assert len(preds) == 2  # "В 2002 – 2005 … были реализованы …" is history
    assert preds[1].title == "областная программа поддержки детей с инвалидностью на 2015-2017 годы"
    assert (preds[1].period_start, preds[1].period_end) == (2015, 2017)


# ------------------------------------------------------------------------------- one sentence each


@pytest.mark.parametrize(
    ("lang", "sentence", "title"),
    [
        (
            "kk",
            "Бағдарлама 2016 – 2018 жылдарға арналған денсаулық сақтауды дамыту бағдарламасының жалғасы "
            "ретінде әзірленді.",
            "2016 – 2018 жылдарға арналған денсаулық сақтауды дамыту бағдарламасы",
        ),
        (
            "kk",
            "Осы Бағдарлама Оңалтуды дамытудың 2016-2018 жылдарға арналған бағдарламасын жалғастырады.",
            "Оңалтуды дамытудың 2016-2018 жылдарға арналған бағдарламасы",
        ),
        (
            "ru",
            "Программа является логическим продолжением Государственной программы развития "
            "здравоохранения на 2016-2019 годы.",
            "Государственная программа развития здравоохранения на 2016-2019 годы",
        ),
        (
            "ru",
            "Настоящая Программа разработана в продолжение Программы развития реабилитации на 2016 – 2018 "
            "годы, утвержденной постановлением акимата области от 12.12.2015 г. № 150.",
            "Программа развития реабилитации на 2016 – 2018 годы",
        ),
    ],
)
def test_continuation_phrasings(lang: str, sentence: str, title: str) -> None:
    (pred,) = _one(sentence, lang)
    assert pred.title == title
    assert pred.period_end is not None


def test_plan_up_to_a_year_has_only_an_end() -> None:
    (pred,) = _one("Осы Жоспар 2025 жылға дейінгі ұлттық жоспардың жалғасы болып табылады.", "kk")
    assert (pred.kind, pred.period_start, pred.period_end) == ("plan", None, 2025)
    assert pred.title == "2025 жылға дейінгі ұлттық жоспар"


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("ru", "В 2002 – 2005 годах реализовывались государственные программы реабилитации инвалидов."),
        ("kk", "2010 жылы Мүгедектерді оңалтудың облыстық бағдарламасы аяқталды."),
        ("ru", "Реализация программы продолжается."),
    ],
)
def test_no_reference_to_this_programme_no_succession(lang: str, sentence: str) -> None:
    assert _one(sentence, lang) == []


def test_nominative_title_keeps_the_rest_as_written() -> None:
    assert (
        nominative_title("Концепции развития на 2020-2025 годы", "ru")
        == "Концепция развития на 2020-2025 годы"
    )
    assert nominative_title("облыстық тұжырымдамасының", "kk") == "облыстық тұжырымдамасы"
