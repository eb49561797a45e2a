"""CLI in-process (click's CliRunner): exact output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kglaw.cli import cli

from .conftest import DATA_TTL

CASES = Path(__file__).resolve().parent / "shapes"


@pytest.fixture()
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    runner = CliRunner()

    def go(*args: str) -> tuple[int, str, str]:
        res = runner.invoke(cli, list(args), catch_exceptions=False)
        return res.exit_code, res.stdout, res.stderr

    return go


@pytest.fixture()
def store_args(tmp_path: Path) -> list[str]:
    return ["--store", str(tmp_path / "store")]


def test_queries_lists_every_saved_query(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("queries")
    assert code == 0
    assert "measures-replaced-by-social-code" in out and "in-force-on" in out


def test_query_help_shows_the_header(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("query", "in-force-on", "--help")
    assert code == 0
    assert out.startswith("in-force-on: Acts in force on a date\n")
    assert "  date [date] (default: 2024-01-01): the day to look at" in out


def test_unknown_query_is_exit_2_with_one_line(run, store_args) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("query", "nope", *store_args)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("kglaw: error: unknown query 'nope'")


def test_ill_typed_param_is_exit_2(run, store_args) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("query", "in-force-on", "--param", "date=2023-02-31", *store_args)
    assert code == 2 and "not a valid date" in err


def test_param_without_equals_is_exit_2(run, store_args) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("query", "in-force-on", "--param", "date", *store_args)
    assert code == 2 and "expected NAME=VALUE" in err


def test_first_query_loads_the_store_and_says_so(run, store_args) -> None:  # type: ignore[no-untyped-def]
    code, out, err = run("query", "in-force-on", "--format", "json", *store_args)
    assert code == 0
    assert "new store: loaded" in err
    assert json.loads(out)["head"]["vars"][0] == "act"
    code, out, err = run("query", "in-force-on", "--format", "json", *store_args)
    assert code == 0 and "loaded" not in err  # second time: already loaded


def test_out_writes_the_file(run, store_args, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "r.csv"
    code, out, _ = run("query", "acts-repealed-by", "--format", "csv", "--out", str(target), *store_args)
    assert code == 0 and out == ""
    assert target.read_text(encoding="utf-8").splitlines()[0].startswith("repealed,")


def test_sparql_ad_hoc(run, store_args) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv", *store_args)
    assert code == 0
    assert int(out.splitlines()[1]) > 1000


def test_sparql_syntax_error_is_exit_2(run, store_args) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("sparql", "SELEKT nothing", *store_args)
    assert code == 2 and "SPARQL syntax error" in err


def test_validate_data_conforms(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("validate", str(DATA_TTL))
    assert code == 0, out
    assert out.splitlines()[-1].startswith("conforms: 0 violations")


def test_validate_exit_1_when_an_act_is_repealed_before_it_was_adopted(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("validate", str(CASES / "changer-bad.ttl"))
    assert code == 1
    assert "Violation: http://example.org/a http://data.europa.eu/eli/ontology#repealed_by:" in out
    assert out.splitlines()[-1] == "does not conform: 1 violations, 0 warnings, 1 files"


def test_validate_broken_turtle_is_exit_2(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.ttl"
    bad.write_text("<http://ex/a> <http://ex/p> ", encoding="utf-8")
    code, _, err = run("validate", str(bad))
    assert code == 2 and "broken.ttl" in err and err.count("\n") == 1


def test_version(run) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("kglaw, version ")


def test_ingest_data_raw_reproduces_the_seed_graph(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import filecmp

    from .conftest import DATA_RAW

    out = tmp_path / "ttl"
    code, stdout, _ = run("ingest", str(DATA_RAW), "--out", str(out), "-j", "2", "-q")
    assert code == 0
    assert stdout.startswith("files read: 5; documents: 5; facts: ")
    names = sorted(p.name for p in DATA_TTL.glob("*.ttl"))
    assert sorted(p.name for p in out.glob("*.ttl")) == names
    assert filecmp.cmpfiles(out, DATA_TTL, names, shallow=False)[1] == []


def test_ingest_goes_on_after_a_failing_document(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from .conftest import DATA_RAW

    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "broken.txt").write_bytes(bytes(range(256)) * 64)
    good = sorted(DATA_RAW.glob("00[01]_*.txt"))
    for f in good:
        (batch / f.name).write_bytes(f.read_bytes())
    code, stdout, stderr = run("ingest", str(batch), "--out", str(tmp_path / "out"), "-q", "--no-reference")
    assert code == 2
    assert "error: " in stderr and "broken.txt" in stderr
    assert "files read: 3; documents: 2;" in stdout and "errors: 1;" in stdout
    assert sorted(p.stem for p in (tmp_path / "out").glob("*.ttl")) == sorted(f.stem for f in good)


def test_ill_typed_param_fails_before_the_store_is_loaded(run, store_args) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run("query", "in-force-on", "--param", "date=tomorrow", *store_args)
    assert code == 2
    assert err.splitlines() == [err.splitlines()[0]] and "loaded" not in err
