"""The lineage and plan reports: expected facts, pictures, offline HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from kglaw.errors import KglawError
from kglaw.report import lineage_report, plan_data, plan_report

VOID = {"meta", "br", "img", "hr", "input", "link", "path", "rect", "line", "circle"}


class _Balance(HTMLParser):
    """Checks that every opened element is closed in order (void elements excepted)."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list) -> None:  # type: ignore[type-arg]
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
            return
        self.stack.pop()


def assert_well_formed(html: str) -> None:
    p = _Balance()
    p.feed(html)
    p.close()
    assert p.errors == [] and p.stack == []
    assert not re.search(r"""(?:src|href)=["']https?://""", html), (
        "reports must not load anything from the network"
    )


def test_lineage_report_of_326_html(loaded_store) -> None:  # type: ignore[no-untyped-def]
    html = lineage_report(loaded_store, "resolution/government/2019-05-28/326", "html")
    assert_well_formed(html)
    assert "<svg" in html and "resolution No 1142 of 2022-12-31" in html
    assert html.count("<tr><td>") >= 9  # the nine operations of 1142 (and timeline rows)
    assert "plan › section 2 › chapter 6 › abzac 13" in html
    assert "insertion" in html


def test_lineage_report_of_245_says_why_it_is_not_in_force(loaded_store) -> None:  # type: ignore[no-untyped-def]
    md = lineage_report(loaded_store, "decision/kyzylorda-oblast-maslikhat/2005-12-20/245", "md")
    assert "**Status:** not in force — repealed by decision No 33 of 2007-12-12" in md
    assert "data:image/svg+xml;base64," in md


def test_lineage_report_of_an_unknown_act_is_an_error(loaded_store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KglawError, match="no act"):
        lineage_report(loaded_store, "decision/nowhere-maslikhat/2000-01-01/1", "md")


def test_plan_report_of_the_concept(loaded_store) -> None:  # type: ignore[no-untyped-def]
    r = plan_data(loaded_store, "resolution/government/2024-12-30/1143")
    assert r.kind == "concept" and r.measure_count == 52
    assert len(r.sections) == 13
    assert r.period == ("2025-01-01", "2030-12-31")
    html = plan_report(loaded_store, "resolution/government/2024-12-30/1143", "html")
    assert_well_formed(html)
    assert html.count("<rect") >= 52  # one deadline bar per measure with a deadline, plus the period band


def test_plan_report_of_the_kyzylorda_programme_keeps_the_passport_figures(loaded_store) -> None:  # type: ignore[no-untyped-def]
    r = plan_data(loaded_store, "decision/kyzylorda-oblast-maslikhat/2005-12-20/245")
    assert r.measure_count == 47 and len(r.sections) == 7
    from decimal import Decimal

    amounts = {(src, year, Decimal(amount.split()[0]), raw) for src, year, amount, raw in r.funding}
    assert (
        "oblast budget",
        "all years",
        Decimal("466.30"),
        "466,30 млн. теңге",
    ) in amounts  # as written, not corrected
    md = plan_report(loaded_store, "decision/kyzylorda-oblast-maslikhat/2005-12-20/245", "md")
    assert "| 44 |" in md
