"""Regenerate tests/golden/queries/*.json from the code over data/ttl (``make golden``).

Golden files are produced by the code and then reviewed by a person (git diff) before they are
committed; never edit one by hand to make a test pass.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from kglaw.query import format_results, list_queries, run_query  # noqa: E402
from kglaw.store import Store  # noqa: E402


def main() -> None:
    out = ROOT / "tests" / "golden" / "queries"
    out.mkdir(parents=True, exist_ok=True)
    store = Store(None)
    store.load_dir(ROOT / "data" / "ttl")
    for q in list_queries():
        res = run_query(store, q)
        (out / f"{q.name}.json").write_text(format_results(res, "json"), encoding="utf-8")
        print(f"{q.name}: {len(res.rows)} rows")


if __name__ == "__main__":
    main()
