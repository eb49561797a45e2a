"""Lineage analytics over the fixture graph (tests/fixtures/lineage.ttl + authority + curated)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from kglaw.cli import cli
from kglaw.lineage import (
    LineageCycle,
    act_status_on,
    act_timeline,
    ancestors,
    assert_acyclic,
    descendants,
    find_cycles,
    lineage_graph,
    longest_chains,
    status_on,
    to_results,
)

from .fixture_graphs import fixture_graphs, fixture_store

ACT = "https://w3id.org/kglaw/eli/kz/"
D245 = ACT + "decision/kyzylorda-oblast-maslikhat/2005-12-20/245"
D33 = ACT + "decision/kyzylorda-oblast-maslikhat/2007-12-12/33"
LAW39 = ACT + "law/rk/2005-04-13/39-III"
CODE = ACT + "code/rk/2023-04-20/224-VII"
R326 = ACT + "resolution/government/2019-05-28/326"
R1142 = ACT + "resolution/government/2022-12-31/1142"


@pytest.fixture(scope="module")
def store(tmp_path_factory):  # type: ignore[no-untyped-def]
    return fixture_store(tmp_path_factory.mktemp("lineage"))


def test_descendants_follow_repeals_basis_and_replacement_transitively(store) -> None:  # type: ignore[no-untyped-def]
    got = {r.act: (r.distance, r.via.relation) for r in descendants(store, LAW39)}
    assert got[CODE] == (1, "repeals")  # the Code repeals the law (and replaced it)
    assert got[D245] == (1, "based_on")
    assert got[D33] == (2, "repeals")  # through 245, which decision 33 repealed


def test_relation_filter_keeps_only_the_chosen_links(store) -> None:  # type: ignore[no-untyped-def]
    assert [r.act for r in descendants(store, LAW39, ["repeals"])] == [CODE]
    assert [r.act for r in descendants(store, LAW39, ["based_on"])] == [D245]


def test_ancestors_of_an_amending_act(store) -> None:  # type: ignore[no-untyped-def]
    assert [(r.act, r.via.relation) for r in ancestors(store, "resolution/government/2022-12-31/1142")] == [
        (R326, "amends")
    ]
    assert ancestors(store, R326) == []


def test_an_act_outside_the_lineage_has_no_relatives(store) -> None:  # type: ignore[no-untyped-def]
    assert descendants(store, "law/rk/1991-01-01/000") == []


def test_unknown_relation_is_an_error(store) -> None:  # type: ignore[no-untyped-def]
    from kglaw.errors import KglawError

    with pytest.raises(KglawError, match="unknown lineage relation"):
        lineage_graph(store, ["cites"])


def test_longest_chain_runs_from_the_law_through_the_decision_to_its_repeal(store) -> None:  # type: ignore[no-untyped-def]
    chains = longest_chains(store)
    assert chains[0].acts == (LAW39, D245, D33)
    assert [link.relation for link in chains[0].links] == ["based_on", "repeals"]
    assert all(len(a) >= len(b) for a, b in itertools.pairwise(chains))


def test_the_fixture_has_no_cycle(store) -> None:  # type: ignore[no-untyped-def]
    assert find_cycles(store) == []
    assert_acyclic(store)


def _cycle_graph() -> Dataset:
    ds = Dataset(default_union=True)
    g = ds.graph(URIRef("https://w3id.org/kglaw/graph/cycle"))
    g.parse(
        data="""@prefix eli: <http://data.europa.eu/eli/ontology#> .
        <https://w3id.org/kglaw/eli/kz/law/rk/2001-01-01/1> eli:amends <https://w3id.org/kglaw/eli/kz/law/rk/2002-01-01/2> .
        <https://w3id.org/kglaw/eli/kz/law/rk/2002-01-01/2> eli:amends <https://w3id.org/kglaw/eli/kz/law/rk/2001-01-01/1> .""",
        format="turtle",
    )
    return ds


def test_a_cycle_is_found_and_is_an_exit_1_error() -> None:
    ds = _cycle_graph()
    assert find_cycles(ds) == [[ACT + "law/rk/2001-01-01/1", ACT + "law/rk/2002-01-01/2"]]
    with pytest.raises(LineageCycle) as err:
        longest_chains(ds)
    assert err.value.exit_code == 1
    assert "lineage cycle" in str(err.value)


def test_cli_lineage_cycles_exits_1_on_a_cycle(tmp_path: Path) -> None:
    data = tmp_path / "ttl"
    data.mkdir()
    (data / "cycle.ttl").write_text(
        _cycle_graph().graph(URIRef("https://w3id.org/kglaw/graph/cycle")).serialize(format="turtle")
    )
    res = CliRunner().invoke(
        cli, ["lineage", "cycles", "--store", str(tmp_path / "store"), "--data", str(data)]
    )
    assert res.exit_code == 1
    assert res.stdout.splitlines()[-1] == "1 lineage cycle"
    res = CliRunner().invoke(
        cli, ["lineage", "chains", "--store", str(tmp_path / "store"), "--data", str(data)]
    )
    assert res.exit_code == 1


@pytest.mark.parametrize(
    ("act", "on", "status", "reason"),
    [
        (D245, "2007-06-01", "in force", "in force since 2005-12-20; no repeal recorded"),
        (D245, "2008-01-01", "repealed", "repealed by decision No 33 of 2007-12-12 on 2007-12-12"),
        (LAW39, "2023-06-30", "in force", "in force since 2005-04-13; no repeal recorded"),
        (LAW39, "2023-07-01", "repealed", "repealed by code No 224-VII of 2023-04-20 on 2023-07-01"),
        (
            D245 + "/programme",
            "2008-06-01",
            "repealed",
            "its approving act decision No 245 of 2005-12-20 was repealed by decision No 33 of 2007-12-12 on 2007-12-12",
        ),
        (R326 + "/plan", "2026-01-01", "expired", "expired at the end of its period on 2025-12-31"),
        (R326 + "/plan", "2020-01-01", "in force", "within its period 2019-05-28 – 2025-12-31"),
        (D245 + "/programme", "2007-01-01", "in force", "within its period 2006-01-01 – 2008-12-31"),
        (CODE, "2023-05-01", "not yet in force", "enters into force on 2023-07-01"),
        (D33, "2001-01-01", "not yet in force", "adopted only on 2007-12-12"),
    ],
)
def test_status_on_a_date_with_its_reason(store, act: str, on: str, status: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    s = act_status_on(store, act, on)
    assert (s.status, s.reason) == (status, reason)


def test_status_of_every_act_covers_every_act(store) -> None:  # type: ignore[no-untyped-def]
    all_ = status_on(store, date(2024, 1, 1))
    acts = [s.act for s in all_]
    assert acts == sorted(acts) and D245 in acts and CODE in acts
    by = {s.act: s for s in all_}
    assert by[D245].by == D33 and by[D245].since == date(2007, 12, 12)
    assert to_results(all_).vars == ["act", "status", "since", "reason"]


def test_timeline_of_the_kyzylorda_decision(store) -> None:  # type: ignore[no-untyped-def]
    events = [(e.date.isoformat(), e.kind) for e in act_timeline(store, D245)]
    assert events == [
        ("2005-12-20", "adopted"),
        ("2006-01-01", "period-start"),
        ("2006-01-23", "registered"),
        ("2007-12-12", "repealed"),
        ("2008-12-31", "period-end"),
    ]


def test_timeline_shows_when_amendments_take_effect(store) -> None:  # type: ignore[no-untyped-def]
    events = {(e.date.isoformat(), e.kind, e.other) for e in act_timeline(store, R326)}
    assert ("2022-12-31", "amended", R1142) in events
    assert ("2023-01-13", "amendment-effective", R1142) in events


def test_rdflib_target_gives_the_same_lineage(store) -> None:  # type: ignore[no-untyped-def]
    ds = Dataset(default_union=True)
    for stem, g in fixture_graphs().items():
        target = ds.graph(URIRef("https://w3id.org/kglaw/graph/" + stem))
        for t in g:
            target.add(t)
    assert descendants(ds, LAW39) == descendants(store, LAW39)
    assert longest_chains(ds) == longest_chains(store)


def test_cli_lineage_descendants_prints_a_table(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from .fixture_graphs import write_fixture_dir

    data = write_fixture_dir(tmp_path / "ttl")
    res = CliRunner().invoke(
        cli,
        [
            "lineage",
            "descendants",
            "law/rk/2005-04-13/39-III",
            "-f",
            "csv",
            "--store",
            str(tmp_path / "s"),
            "--data",
            str(data),
        ],
    )
    assert res.exit_code == 0, res.output
    lines = res.stdout.strip().splitlines()
    assert lines[0] == "act,name,distance,relation,from"
    assert lines[1] == f"{CODE},code No 224-VII of 2023-04-20,1,repeals,{LAW39}"
    assert len(lines) == 4


def test_cli_lineage_status_and_timeline(tmp_path: Path) -> None:
    from .fixture_graphs import write_fixture_dir

    data = write_fixture_dir(tmp_path / "ttl")
    opts = ["--store", str(tmp_path / "s"), "--data", str(data)]
    runner = CliRunner()
    res = runner.invoke(cli, ["lineage", "status", "--on", "2008-01-01", "--act", D245, "-f", "tsv", *opts])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1].split("\t")[1:] == [
        '"repealed"',
        '"2007-12-12"^^<http://www.w3.org/2001/XMLSchema#date>',
        '"repealed by decision No 33 of 2007-12-12 on 2007-12-12"',
    ]
    res = runner.invoke(cli, ["lineage", "timeline", D245, "-f", "csv", *opts])
    assert res.exit_code == 0, res.output
    assert res.stdout.splitlines()[1] == "2005-12-20,adopted,"
    res = runner.invoke(cli, ["lineage", "status", "--on", "2008-02-30", *opts])
    assert res.exit_code == 2
    assert "is not a date" in res.output
