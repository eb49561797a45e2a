"""Deadline cells → intervals, Kazakh and Russian (kglaw.parse.plans.deadlines)."""

from __future__ import annotations

from datetime import date

import pytest

from kglaw.parse.plans.deadlines import parse_deadline, roman_to_int

P = (2006, 2008)

CASES = [
    # raw, period, kind, start, end
    # years
    ("2006 жыл", P, "year", date(2006, 1, 1), date(2006, 12, 31)),
    ("2023 жылы", None, "year", date(2023, 1, 1), date(2023, 12, 31)),
    ("2023 год", None, "year", date(2023, 1, 1), date(2023, 12, 31)),
    ("2024 г.", None, "year", date(2024, 1, 1), date(2024, 12, 31)),
    ("2020", None, "year", date(2020, 1, 1), date(2020, 12, 31)),
    # spans
    ("2006-2008 жылдар", P, "span", date(2006, 1, 1), date(2008, 12, 31)),
    ("2023–2025 жылдар", None, "span", date(2023, 1, 1), date(2025, 12, 31)),
    ("2019 – 2021 жылдар", None, "span", date(2019, 1, 1), date(2021, 12, 31)),
    ("2006-2008", None, "span", date(2006, 1, 1), date(2008, 12, 31)),
    ("2025-2027 годы", None, "span", date(2025, 1, 1), date(2027, 12, 31)),
    # quarters
    ("2023 жылғы IV тоқсан", None, "quarter", date(2023, 10, 1), date(2023, 12, 31)),
    ("2006 жылдың IV тоқсаны", P, "quarter", date(2006, 10, 1), date(2006, 12, 31)),
    ("2006 жылдың II тоқсаны", P, "quarter", date(2006, 4, 1), date(2006, 6, 30)),
    ("2006 жылдың 1 тоқсаны", P, "quarter", date(2006, 1, 1), date(2006, 3, 31)),
    ("2005 жылдың IV тоқсаны", P, "quarter", date(2005, 10, 1), date(2005, 12, 31)),
    ("IV квартал 2023 года", None, "quarter", date(2023, 10, 1), date(2023, 12, 31)),
    ("III квартал 2024 г.", None, "quarter", date(2024, 7, 1), date(2024, 9, 30)),
    ("2024 жылғы 3-тоқсан", None, "quarter", date(2024, 7, 1), date(2024, 9, 30)),
    ("ІV тоқсан 2023 жыл", None, "quarter", date(2023, 10, 1), date(2023, 12, 31)),  # Cyrillic І
    ("4-тоқсан", (2025, 2025), "quarter", date(2025, 10, 1), date(2025, 12, 31)),
    # half-years
    ("2023 жылғы 1-жартыжылдық", None, "half-year", date(2023, 1, 1), date(2023, 6, 30)),
    ("2024 жылғы 2-жартыжылдық", None, "half-year", date(2024, 7, 1), date(2024, 12, 31)),
    ("I полугодие 2024 года", None, "half-year", date(2024, 1, 1), date(2024, 6, 30)),
    ("II полугодие 2025 года", None, "half-year", date(2025, 7, 1), date(2025, 12, 31)),
    # months
    ("2023 жылғы желтоқсан", None, "month", date(2023, 12, 1), date(2023, 12, 31)),
    ("2003 жылдың қаңтар айы", None, "month", date(2003, 1, 1), date(2003, 1, 31)),
    ("2025 жылғы мамыр", None, "month", date(2025, 5, 1), date(2025, 5, 31)),
    ("декабрь 2023 года", None, "month", date(2023, 12, 1), date(2023, 12, 31)),
    ("февраль 2024 года", None, "month", date(2024, 2, 1), date(2024, 2, 29)),
    ("май 2025 г.", None, "month", date(2025, 5, 1), date(2025, 5, 31)),
    # dates
    ("2023 жылғы 1 желтоқсан", None, "date", date(2023, 12, 1), date(2023, 12, 1)),
    ("01.12.2023", None, "date", date(2023, 12, 1), date(2023, 12, 1)),
    ("20 декабря 2025 года", None, "date", date(2025, 12, 20), date(2025, 12, 20)),
    # by a year
    ("2025 жылға дейін", (2019, 2025), "span", date(2019, 1, 1), date(2025, 12, 31)),
    ("до 2025 года", (2019, 2025), "span", date(2019, 1, 1), date(2025, 12, 31)),
    ("до 2025 года", None, "span", None, date(2025, 12, 31)),  # the start is not stated
    # periodic: the plan period
    ("жыл сайын", (2025, 2030), "annual", date(2025, 1, 1), date(2030, 12, 31)),
    ("Жыл сайын кесте бойынша", (2003, 2005), "annual", date(2003, 1, 1), date(2005, 12, 31)),
    ("ежегодно", (2025, 2030), "annual", date(2025, 1, 1), date(2030, 12, 31)),
    ("Ежегодно", None, "annual", None, None),
    ("жыл сайын, 2025 – 2030 жылдар", None, "annual", date(2025, 1, 1), date(2030, 12, 31)),
    ("Жарты жылдықтар бойынша", P, "semiannual", date(2006, 1, 1), date(2008, 12, 31)),
    ("жылына екі рет", P, "semiannual", date(2006, 1, 1), date(2008, 12, 31)),
    ("два раза в год", P, "semiannual", date(2006, 1, 1), date(2008, 12, 31)),
    ("Тұрақты", P, "permanent", date(2006, 1, 1), date(2008, 12, 31)),
    ("постоянно", P, "permanent", date(2006, 1, 1), date(2008, 12, 31)),
    # several deadlines in one cell (one per sub-item)
    ("2003 жылдың қаңтар айы 2004 жыл 2005 жыл", None, "span", date(2003, 1, 1), date(2005, 12, 31)),
    ("2003 жылдың мамыр айы 2004 жыл 2005 жыл", None, "span", date(2003, 5, 1), date(2005, 12, 31)),
    # nothing readable
    ("кесте бойынша", P, "unknown", None, None),
    ("", P, "unknown", None, None),
]


@pytest.mark.parametrize("raw,period,kind,start,end", CASES, ids=[c[0] or "<empty>" for c in CASES])
def test_parse_deadline(
    raw: str, period: tuple[int, int] | None, kind: str, start: date | None, end: date | None
) -> None:
    d = parse_deadline(raw, period)
    assert (d.kind, d.start, d.end) == (kind, start, end)
    assert d.raw == raw  # the raw text is always kept


def test_quarter_without_year_in_a_multi_year_plan_keeps_the_kind_only() -> None:
    d = parse_deadline("4-тоқсан", (2025, 2030))
    assert (d.kind, d.start, d.end) == ("quarter", None, None)


def test_deadline_outside_the_plan_period_is_kept_as_written() -> None:
    # 000.md §5.2: measure 40 is due in Q4 2005, before the 2006–2008 programme starts.
    d = parse_deadline("2005 жылдың IV тоқсаны", (2006, 2008))
    assert d.start == date(2005, 10, 1)


@pytest.mark.parametrize("tok,n", [("IV", 4), ("ІV", 4), ("III", 3), ("І", 1), ("2", 2), ("V", None)])
def test_roman_to_int(tok: str, n: int | None) -> None:
    assert roman_to_int(tok) == n


@pytest.mark.parametrize(
    "raw",
    [
        "январь, июль 2024 года",
        "январь и июль 2024 года",
        "2024 жылғы қаңтар, шілде",
        "2024 жылғы қаңтар және шілде",
    ],
)
def test_a_list_of_months_that_states_its_year_once(raw: str) -> None:
    # every month of the list counts: from the first month's start to the last month's end
    d = parse_deadline(raw, (2023, 2025))
    assert (d.start, d.end) == (date(2024, 1, 1), date(2024, 7, 31))
