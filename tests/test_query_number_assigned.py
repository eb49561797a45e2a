"""measures-number-assigned: the rows of seed 002 whose number the text does not print (002.md §3.2)."""

from __future__ import annotations

from pathlib import Path

from kglaw.build import build_directory
from kglaw.query import run_query
from kglaw.store import Store

ROOT = Path(__file__).resolve().parent.parent


def test_the_24_rows_without_a_printed_number_with_their_lines(tmp_path: Path) -> None:
    build_directory(ROOT / "data" / "raw", tmp_path / "ttl")
    store = Store(None)
    store.load_dir(tmp_path / "ttl")
    res = run_query(store, "measures-number-assigned", {"act": "resolution/government/2019-05-28/326"})
    numbers = [int(str(r[res.vars.index("number")])) for r in res.rows]
    # research notes 002.md §3.2 "Missing altogether" (24 rows)
    assert numbers == [
        32,
        35,
        39,
        42,
        45,
        46,
        52,
        63,
        64,
        65,
        66,
        67,
        68,
        69,
        70,
        71,
        73,
        74,
        76,
        77,
        79,
        80,
        85,
        87,
    ]
    first = dict(zip(res.vars, res.rows[0], strict=True))
    assert int(str(first["lineStart"])) == 1558  # the row of measure 32 starts at L1558 ('"')
    # another approving act's plan has none
    res = run_query(store, "measures-number-assigned", {"act": "resolution/government/2024-12-30/1143"})
    assert res.rows == []
