"""Reports: every report renders for every seed act, the HTML is well formed, the facts are there."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from kglaw.cli import cli
from kglaw.errors import KglawError
from kglaw.query import run_sparql
from kglaw.report import lineage_report
from kglaw.reports_more import act_report, agency_report, changes_report
from kglaw.store import Store

from .fixture_graphs import fixture_store, write_fixture_dir

ROOT = Path(__file__).resolve().parent.parent
DATA_TTL = ROOT / "data" / "ttl"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Checker(HTMLParser):
    """Every element closed in order (void elements excepted); no stray closing tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        pass

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else '—'}>")
        else:
            self.stack.pop()


def well_formed(html: str) -> list[str]:
    c = _Checker()
    c.feed(html)
    c.close()
    return c.errors + [f"<{t}> never closed" for t in c.stack]


SEEDS_Q = """PREFIX kgl: <https://w3id.org/kglaw/ontology#>
SELECT DISTINCT ?act WHERE { ?src kgl:describes ?act } ORDER BY ?act"""


def _seed_acts() -> list[str]:
    if not any(DATA_TTL.glob("*.ttl")):
        return []
    s = Store(None)
    s.load_dir(DATA_TTL)
    return [str(r[0]) for r in run_sparql(s, SEEDS_Q).rows]


SEED_ACTS = _seed_acts()

AGENCIES_Q = """PREFIX kgl: <https://w3id.org/kglaw/ontology#>
SELECT DISTINCT ?agency WHERE { ?m kgl:executor ?agency } ORDER BY ?agency"""


def _seed_agencies() -> list[str]:
    if not any(DATA_TTL.glob("*.ttl")):
        return []
    s = Store(None)
    s.load_dir(DATA_TTL)
    return [str(r[0]) for r in run_sparql(s, AGENCIES_Q).rows]


SEED_AGENCIES = _seed_agencies()


@pytest.fixture(scope="module")
def seed_store() -> Store:
    s = Store(None)
    s.load_dir(DATA_TTL)
    return s


@pytest.fixture(scope="module")
def store(tmp_path_factory):  # type: ignore[no-untyped-def]
    return fixture_store(tmp_path_factory.mktemp("reports"))


def test_there_are_seed_acts() -> None:
    assert len(SEED_ACTS) >= 5


@pytest.mark.parametrize("act", SEED_ACTS, ids=lambda a: a.rsplit("/eli/kz/", 1)[-1])
def test_act_report_for_every_seed_act(seed_store: Store, act: str) -> None:
    html = act_report(seed_store, act, "html", on="2024-01-01")
    assert well_formed(html) == []
    ET.fromstring(html)  # XHTML-safe: parses as XML too
    assert act in html and "Status on 2024-01-01" in html
    md = act_report(seed_store, act, "md")
    assert md.startswith("# ") and act in md


@pytest.mark.parametrize("act", SEED_ACTS, ids=lambda a: a.rsplit("/eli/kz/", 1)[-1])
def test_lineage_report_for_every_seed_act(seed_store: Store, act: str) -> None:
    html = lineage_report(seed_store, act, "html")
    assert well_formed(html) == []
    assert "<svg" in html and act in html


@pytest.mark.parametrize("agency", SEED_AGENCIES, ids=lambda a: a.rsplit("/", 1)[-1])
def test_agency_report_for_every_executing_agency(seed_store: Store, agency: str) -> None:
    html = agency_report(seed_store, agency, "html")
    assert well_formed(html) == []
    ET.fromstring(html)
    assert agency in html and "Measures across plans" in html


def test_changes_report_over_the_seeds(seed_store: Store) -> None:
    html = changes_report(seed_store, "2023-01-01", "2023-12-31", "html")
    assert well_formed(html) == []
    # adopted in 2023 (one row), and the repealing act of ten laws that lost force on 2023-07-01
    assert html.count("<td>code No 224-VII of 2023-04-20</td>") == 11


def test_act_report_links_every_fact_to_its_source_lines(store) -> None:  # type: ignore[no-untyped-def]
    html = act_report(store, "decision/kyzylorda-oblast-maslikhat/2005-12-20/245", "html", on="2008-01-01")
    assert "4141" in html and "2006-01-23" in html and "Күшін жойған" in html
    assert 'href="../data/raw/doc-245.txt#L8"' in html  # repealed_by, lines 8–11
    assert "repealed by decision No 33 of 2007-12-12 on 2007-12-12" in html
    assert "law No 39-III of 2005-04-13" in html  # its legal basis, by name
    assert "<svg" in html  # the timeline picture


def test_act_report_of_an_amending_act_lists_its_operations(store) -> None:  # type: ignore[no-untyped-def]
    md = act_report(store, "resolution/government/2022-12-31/1142", "md")
    assert "## Amendments this act makes" in md
    assert "replacement: «мүгедек адамдардың»" in md


def test_agency_report(store) -> None:  # type: ignore[no-untyped-def]
    html = agency_report(store, "Еңбекмині", "html")
    assert well_formed(html) == []
    ET.fromstring(html)
    assert "Еңбекмині" in html and "2014-08-06" in html  # a name, and the 2014 merger
    assert "2 measures in 2 plans (1 by agreement)" in html
    md = agency_report(store, "ministry-of-labour-and-social-protection-of-population", "md")
    assert "| 11 |" in md and "| 31 |" in md


def test_changes_report(store) -> None:  # type: ignore[no-untyped-def]
    md = changes_report(store, "2023-01-01", "2023-12-31", "md")
    assert "law No 39-III of 2005-04-13: repealed by code No 224-VII of 2023-04-20" in md
    assert (
        "2023-01-13 — resolution No 326 of 2019-05-28, by resolution No 1142 of 2022-12-31 (amendments take effect)"
        in md
    )
    html = changes_report(store, "2025-01-01", "2025-12-31", "html")
    assert well_formed(html) == []
    ET.fromstring(html)
    assert "2025-02-28" in html  # concept measure 31 falls due


def test_changes_report_rejects_a_reversed_period(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KglawError, match="ends"):
        changes_report(store, "2024-01-01", "2023-01-01")


def test_unknown_act_is_an_error(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(KglawError, match="no act"):
        act_report(store, "law/rk/1900-01-01/1")


def test_cli_report_act_writes_html(tmp_path: Path) -> None:
    data = write_fixture_dir(tmp_path / "ttl")
    out = tmp_path / "act.html"
    res = CliRunner().invoke(
        cli,
        [
            "report",
            "act",
            "decision/kyzylorda-oblast-maslikhat/2005-12-20/245",
            "--format",
            "html",
            "--out",
            str(out),
            "--store",
            str(tmp_path / "s"),
            "--data",
            str(data),
        ],
    )
    assert res.exit_code == 0, res.output
    assert well_formed(out.read_text(encoding="utf-8")) == []
