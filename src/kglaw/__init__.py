"""kglaw: a knowledge graph and semantic query tool for Kazakh legislation.

The public API, one function per command (``kglaw build`` → :func:`build_directory`, ``kglaw query`` →
:func:`run_query`, ``kglaw export`` → :func:`export_graph` …). Names load lazily (PEP 562), so that
``import kglaw`` stays cheap and each stage's dependencies load only when used.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

#: public name → module that defines it
_API = {
    # parse
    "parse_file": "parse.document",
    "parse_text": "parse.document",
    # build
    "build_directory": "build",
    "build_corpus": "build",
    "build_document": "build",
    "write_graphs": "build",
    # validate
    "validate_graph": "validate",
    "validate_dir": "validate",
    "assert_conforms": "validate",
    # store
    "Store": "store",
    "open_store": "store",
    # query
    "run_query": "query",
    "run_sparql": "query",
    "list_queries": "query",
    "load_query": "query",
    "format_results": "query",
    "Results": "query",
    # lineage
    "lineage_graph": "lineage",
    "ancestors": "lineage",
    "descendants": "lineage",
    "longest_chains": "lineage",
    "find_cycles": "lineage",
    "assert_acyclic": "lineage",
    "status_on": "lineage",
    "act_status_on": "lineage",
    "act_timeline": "lineage",
    "LineageCycle": "lineage",
    # reports
    "lineage_report": "report",
    "plan_report": "report",
    "act_report": "reports_more",
    "agency_report": "reports_more",
    "changes_report": "reports_more",
    # export
    "export_graph": "export",
    "export_to_file": "export",
    "import_file": "export",
    "dataset_description": "export",
    "jsonld_context": "export",
    # search
    "search_graph": "search",
    # errors
    "KglawError": "errors",
    "ParseError": "errors",
    "QueryError": "errors",
    "ShapeViolation": "errors",
    "StoreError": "errors",
}

__all__ = [  # noqa: PLE0604 - the names come from _API, so the two never disagree
    "__version__",
    *sorted(_API),
]


def __getattr__(name: str) -> Any:
    module = _API.get(name)
    if module is None:
        raise AttributeError(f"module 'kglaw' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
