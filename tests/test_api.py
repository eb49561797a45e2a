"""The public Python API: every name in ``kglaw.__all__`` resolves, and the commands have functions."""

from __future__ import annotations

import kglaw


def test_every_public_name_resolves() -> None:
    for name in kglaw.__all__:
        assert getattr(kglaw, name) is not None, name


def test_every_output_command_has_a_documented_function() -> None:
    for name in (
        "build_directory",
        "validate_graph",
        "run_query",
        "lineage_report",
        "act_report",
        "agency_report",
        "changes_report",
        "export_graph",
        "import_file",
        "search_graph",
        "ancestors",
        "status_on",
    ):
        fn = getattr(kglaw, name)
        assert callable(fn) and fn.__doc__, name


def test_unknown_name_is_an_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError):
        kglaw.no_such_function  # noqa: B018


def test_the_python_session_in_the_docs_runs_as_written(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import doctest
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root)  # the session reads data/ttl, as a reader in the checkout would
    result = doctest.testfile(
        str(root / "docs" / "python-api.md"), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert result.failed == 0 and result.attempted >= 10
