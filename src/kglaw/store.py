"""The embedded store (pyoxigraph): one named graph per data file, loaded in transactions.

The default store is a directory on disk (``.kglaw/store``); ``Store(None)`` is in memory (tests).
Each file of ``data/ttl`` becomes the named graph ``https://w3id.org/kglaw/graph/{file stem}``.

The default graph is kept equal to the *set* union of the named graphs: every load adds its triples
to it, and replacing a graph removes from it the old triples that no other named graph still states, in
the same transaction. Queries run on that default graph. (Oxigraph's own union default graph is a bag:
a fact stated in N documents — a cited law's title, say — would match N times, and every OPTIONAL on it
would multiply the rows; see benchmarks/NOTES.md §6.) ``GRAPH ?g { … }`` still sees each document's
graph. Data read from a file's default graph goes into that file's named graph.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import StoreError
from .namespaces import GRAPH

__all__ = ["Store", "graph_iri_for", "open_store"]


def graph_iri_for(path: Path | str) -> str:
    """The named graph of a data file: ``…/graph/{stem}``."""
    return str(GRAPH) + Path(path).stem


_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


def rdf_format_for(path: Path | str) -> ox.RdfFormat:
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise StoreError(f"{path}: unknown RDF file type {suffix!r} (expected one of {', '.join(_FORMATS)})")
    return _FORMATS[suffix]


class Store:
    """A pyoxigraph store. ``path=None`` keeps it in memory; ``read_only`` opens a store another process owns."""

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as err:
            raise StoreError(f"{self.path}: cannot open the store: {err}") from None
        if not read_only:
            self._migrate()

    def _migrate(self) -> None:
        """A store written before the default graph was maintained gets it now, once."""
        if (
            len(self._store)
            and next(iter(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
        ):
            try:
                self._store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            except OSError as err:
                raise StoreError(f"{self.path}: cannot write the store: {err}") from None

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    # -- loading ---------------------------------------------------------------------------------

    def replace_graph(self, graph: str, data: bytes, fmt: ox.RdfFormat, *, source: str = "<data>") -> int:
        """Replace one named graph by the triples in ``data``, in one transaction. Returns the triple count.

        The data is parsed completely before the store is touched; a parse error leaves the store as it was.
        """
        try:
            quads = _into_graph(ox.parse(io.BytesIO(data), fmt), graph)
        except SyntaxError as err:
            raise StoreError(f"{source}: {err}") from None
        g = ox.NamedNode(graph)
        try:
            # One transaction: readers see the old graph or the new one, never a mix.
            with _transaction(self._store) as tx:
                tx.remove_graph(g)
                tx.extend(quads)
        except OSError as err:
            raise StoreError(f"{source}: cannot write the store: {err}") from None
        return len(quads)

    def load_file(self, path: Path, graph: str | None = None) -> int:
        """Load one RDF file into its named graph (replacing it)."""
        try:
            data = path.read_bytes()
        except OSError as err:
            raise StoreError(f"{path}: {err.strerror or err}") from None
        fmt = rdf_format_for(path)
        if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
            return self.replace_dataset(data, fmt, source=str(path))
        return self.replace_graph(graph or graph_iri_for(path), data, fmt, source=str(path))

    def replace_dataset(self, data: bytes, fmt: ox.RdfFormat, *, source: str = "<data>") -> int:
        """Load quads (TriG, N-Quads): each named graph in the data replaces the store's graph of that name."""
        try:
            quads = list(ox.parse(io.BytesIO(data), fmt))
        except SyntaxError as err:
            raise StoreError(f"{source}: {err}") from None
        if any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads):
            # The store's default graph is the union it maintains; a file's default graph is a graph of its own.
            own = ox.NamedNode(graph_iri_for(source)) if source != "<data>" else GRAPH_DEFAULT_IMPORT
            quads = [
                ox.Quad(q.subject, q.predicate, q.object, own)
                if isinstance(q.graph_name, ox.DefaultGraph)
                else q
                for q in quads
            ]
        graphs = {q.graph_name for q in quads}
        try:
            with _transaction(self._store) as tx:
                for g in graphs:
                    tx.remove_graph(g)
                tx.extend(quads)
        except OSError as err:
            raise StoreError(f"{source}: cannot write the store: {err}") from None
        return len(quads)

    def load_dir(self, directory: Path) -> dict[str, int]:
        """Load every ``*.ttl`` of a directory, one named graph per file. Returns graph → triple count."""
        files = sorted(directory.glob("*.ttl"))
        if not files:
            raise StoreError(f"{directory}: no .ttl files to load (run 'kglaw build' first)")
        # Parse everything first, so that a broken file fails the load before anything changes.
        parsed: list[tuple[str, list[ox.Quad]]] = []
        for f in files:
            g = graph_iri_for(f)
            try:
                quads = _into_graph(ox.parse(path=str(f), format=ox.RdfFormat.TURTLE), g)
            except SyntaxError as err:
                raise StoreError(f"{f}: {err}") from None
            except OSError as err:
                raise StoreError(f"{f}: {err.strerror or err}") from None
            parsed.append((g, quads))
        try:
            with _transaction(self._store) as tx:
                for g, quads in parsed:
                    tx.remove_graph(ox.NamedNode(g))
                    tx.extend(quads)
        except OSError as err:
            raise StoreError(f"{self.path}: cannot write the store: {err}") from None
        return {g: len(q) for g, q in parsed}

    # -- reading ---------------------------------------------------------------------------------

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        """The number of quads in the named graphs (the default graph is their union, not counted again)."""
        return len(self._store) - self.count_union()

    def count(self, graph: str | None = None) -> int:
        if graph is None:
            return len(self)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def count_union(self) -> int:
        """The number of distinct triples over all named graphs (the size of the default graph)."""
        res = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(res, ox.QuerySolutions)
        return int(next(res)["n"].value)  # type: ignore[union-attr]

    def query(self, sparql: str, substitutions: dict[str, Any] | None = None, timeout: float | None = None):  # type: ignore[no-untyped-def]
        """Run a SPARQL query over the union of all graphs (as a set). Parameters are bound as RDF terms."""
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        try:
            return self._store.query(sparql, substitutions=subs or None)
        except SyntaxError as err:
            from .errors import QueryError

            raise QueryError(f"SPARQL syntax error: {err}") from None

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """The quads of one named graph, or of every named graph (never the maintained default graph)."""
        if graph:
            return self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        return (
            q
            for q in self._store.quads_for_pattern(None, None, None)
            if not isinstance(q.graph_name, ox.DefaultGraph)
        )

    def dump(self, fmt: ox.RdfFormat, graph: str | None = None) -> bytes:
        """One named graph as triples, or every named graph as quads (TriG, N-Quads)."""
        if graph is not None:
            return self._store.dump(format=fmt, from_graph=ox.NamedNode(graph)) or b""
        buf = io.BytesIO()
        ox.serialize(self.quads(), buf, fmt)
        return buf.getvalue()

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()

    def is_empty(self) -> bool:
        return len(self._store) == 0

    def check_union(self) -> bool:
        """Whether the default graph is exactly the set union of the named graphs (a consistency check)."""
        union = {q.triple for q in self.quads()}
        default = {q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        return union == default


GRAPH_DEFAULT_IMPORT = ox.NamedNode(str(GRAPH) + "import")

# Remove from the default graph the triples of graph <G> that no other named graph states.
_UNSHARE = """DELETE {{ ?s ?p ?o }} WHERE {{
  GRAPH <{g}> {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{g}>) }}
}} ;
DROP SILENT GRAPH <{g}> ;"""


class _transaction:
    """Collect removals and additions, then apply them in one pyoxigraph transaction (an update).

    The update also keeps the default graph equal to the set union of the named graphs."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.remove: list[ox.NamedNode] = []
        self.add: list[ox.Quad] = []

    def __enter__(self) -> _transaction:
        return self

    def remove_graph(self, g: ox.NamedNode) -> None:
        self.remove.append(g)

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        self.add.extend(quads)

    def __exit__(self, exc_type, exc, tb) -> None:  # type: ignore[no-untyped-def]
        if exc_type is not None:
            return
        # One SPARQL update drops the old graphs and inserts the new triples; Oxigraph runs an update
        # in a single transaction, so readers never see a graph half-replaced.
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in self.add:
            if not isinstance(q.graph_name, ox.NamedNode):
                raise StoreError(
                    "internal error: a quad for the default graph, which the store maintains itself"
                )
            by_graph.setdefault(q.graph_name.value, []).append(q.triple)
        # Removals first, one graph after the other, so that a triple two removed graphs share leaves the
        # default graph when the second goes (unless a new graph states it again, below).
        parts = [_UNSHARE.format(g=g.value) for g in self.remove]
        blocks = []
        for graph, triples in by_graph.items():
            buf = io.BytesIO()
            ox.serialize(triples, buf, ox.RdfFormat.N_TRIPLES)
            body = buf.getvalue().decode("utf-8")
            blocks.append(f"GRAPH <{graph}> {{\n{body}}}")
            blocks.append(body)  # the same triples into the default graph (a set: no duplicates)
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        self.store.update("\n".join(parts))


def _into_graph(quads: Iterable[ox.Quad], graph: str) -> list[ox.Quad]:
    g = ox.NamedNode(graph)
    return [ox.Quad(q.subject, q.predicate, q.object, g) for q in quads]


def open_store(path: Path | str | None, *, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)


def fingerprint(directory: Path) -> str:
    """A digest of the names and contents of a directory's ``*.ttl`` files."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted(directory.glob("*.ttl")):
        h.update(f.name.encode())
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def _stamp_file(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".loaded")


def read_stamp(store_path: Path) -> str | None:
    try:
        return _stamp_file(store_path).read_text().strip()
    except OSError:
        return None


def write_stamp(store_path: Path, value: str) -> None:
    from .build import write_atomically

    write_atomically(_stamp_file(store_path), value.encode())
