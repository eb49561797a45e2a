"""Where kglaw's data files live: ontology, shapes, queries, templates and the data directories.

In a checkout they are the top-level directories; in an installed wheel they ship inside the package
under ``kglaw/_data``. This is the only module that knows either location.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "project_root",
    "ontology_dir",
    "shapes_dir",
    "queries_dir",
    "templates_dir",
    "data_dir",
    "raw_dir",
    "ttl_dir",
    "authority_dir",
    "curated_dir",
    "eli_ontology_file",
    "default_store_path",
]

_PKG = Path(__file__).resolve().parent
_CHECKOUT = _PKG.parent.parent  # src/kglaw → repository root


def _pick(name: str) -> Path:
    for base in (_CHECKOUT, _PKG / "_data"):
        candidate = base / name
        if candidate.is_dir():
            return candidate
    return _CHECKOUT / name


def project_root() -> Path:
    """The working project: ``$KGLAW_HOME`` if set, else the checkout (or the current directory)."""
    env = os.environ.get("KGLAW_HOME")
    if env:
        return Path(env)
    if (_CHECKOUT / "pyproject.toml").is_file():
        return _CHECKOUT
    return Path.cwd()


def ontology_dir() -> Path:
    return _pick("ontology")


def shapes_dir() -> Path:
    return _pick("shapes")


def queries_dir() -> Path:
    return _pick("queries")


def templates_dir() -> Path:
    return _PKG / "templates"


def data_dir() -> Path:
    return project_root() / "data"


def raw_dir() -> Path:
    return data_dir() / "raw"


def ttl_dir() -> Path:
    return data_dir() / "ttl"


def authority_dir() -> Path:
    return _pick("data/authority")


def curated_dir() -> Path:
    return _pick("data/curated")


def eli_ontology_file() -> Path | None:
    """ELI 1.2 as published (kept in ``../shared/external``; tests load it, kglaw never copies it)."""
    for base in (_CHECKOUT.parent / "shared" / "external", _CHECKOUT / "external"):
        f = base / "eli-1.2.nt"
        if f.is_file():
            return f
    return None


def default_store_path() -> Path:
    return project_root() / ".kglaw" / "store"
