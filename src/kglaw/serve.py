"""The SPARQL endpoint and web page: a read-only SPARQL 1.1 Protocol service on starlette + uvicorn.

Routes:

* ``/sparql`` — the SPARQL 1.1 Protocol (https://www.w3.org/TR/sparql11-protocol/): GET, POST with a form
  (``application/x-www-form-urlencoded``) and POST direct (``application/sparql-query``). Results in JSON,
  XML, CSV or TSV, graphs in Turtle, N-Triples, JSON-LD or RDF/XML, chosen by ``Accept`` or ``format=``.
  GET without a query answers the SPARQL 1.1 Service Description (Turtle).
* ``/queries`` (the saved queries as JSON) and ``/queries/NAME?param=value`` (run one, parameters bound
  as RDF terms).
* ``/`` the query page and ``/act?iri=…`` the page of one act; ``/static/…`` their script and style.

The endpoint is read-only and guarded, because a public SPARQL endpoint is an open door otherwise:

* updates (``update=``, ``application/sparql-update``, an update in ``query=``), ``SERVICE`` (federation:
  pyoxigraph would fetch the URL) and ``LOAD`` are refused with 403 before anything runs. The check reads
  SPARQL tokens, so a keyword inside a string, an IRI or a comment is not mistaken for one;
* every query runs in a worker *process* from a small pool. pyoxigraph cannot cancel a query, so a query
  that outlives its timeout (or grows past the memory limit) has its process killed and replaced: the
  client gets 503 with a message and the server's memory stays bounded;
* results longer than ``max_results`` rows (or triples) are refused (400) rather than cut short silently;
* request bodies over ``max_body`` bytes are refused with 413 before they are read;
* CORS is open (read-only data), and ``serve`` binds to 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import queue
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import KglawError, QueryError
from .namespaces import BASE, PREFIXES
from .query import Results, bind_params, compact, find_query, format_results, list_queries
from .remote import bind_values, sparql_term, sparql_tokens
from .resources import templates_dir
from .store import Store

__all__ = [
    "DEFAULT_MAX_BODY",
    "DEFAULT_MAX_RESULTS",
    "DEFAULT_TIMEOUT",
    "QueryPool",
    "check_read_only",
    "create_app",
    "negotiate",
    "serve",
]

DEFAULT_TIMEOUT = 30.0  # seconds per query
DEFAULT_MAX_RESULTS = 10_000  # rows (SELECT) or triples (CONSTRUCT/DESCRIBE)
DEFAULT_MAX_BODY = 1_000_000  # bytes of request body
DEFAULT_MAX_MEMORY_MB = 1024  # resident memory of one query worker

# -- read-only check -------------------------------------------------------------------------------

#: Keywords that only SPARQL Update has (a query parser rejects them anyway, but the answer is clearer).
_UPDATE_WORDS = {
    "INSERT",
    "DELETE",
    "LOAD",
    "CLEAR",
    "CREATE",
    "DROP",
    "COPY",
    "MOVE",
    "ADD",
    "WITH",
    "USING",
}
_FORMS = {"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"}


class Refused(KglawError):
    """A request the endpoint will not run; carries the HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def check_read_only(sparql: str) -> str:
    """Refuse updates, ``SERVICE`` and ``LOAD``; return the query form (``SELECT`` …) or ``""``.

    >>> check_read_only('SELECT * WHERE { ?s ?p "SERVICE <http://x/>" }')
    'SELECT'
    >>> check_read_only("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    kglaw.serve.Refused: SERVICE (federated query) is not allowed on this endpoint
    """
    form = ""
    for m in sparql_tokens(sparql):
        if m.lastgroup != "word":
            continue
        w = m.group().upper()
        if w == "SERVICE":
            raise Refused(403, "SERVICE (federated query) is not allowed on this endpoint")
        if w in _UPDATE_WORDS:
            raise Refused(403, f"this endpoint is read-only: {w} (SPARQL Update) is not allowed")
        if not form and w in _FORMS:
            form = w
    return form


# -- content negotiation ---------------------------------------------------------------------------

#: name → media type, for solutions (SELECT, ASK) and for graphs (CONSTRUCT, DESCRIBE).
RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_RESULT_ALIASES = {
    "application/json": "json",
    "text/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "srj": "json",
    "srx": "xml",
}
_GRAPH_ALIASES = {
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "text/plain": "ntriples",
    "json-ld": "jsonld",
    "json": "jsonld",
    "application/json": "jsonld",
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "text/n3": "turtle",
    "application/x-turtle": "turtle",
}
_OX_GRAPH = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def _lookup(kind: str, key: str) -> str | None:
    table, aliases = (GRAPH_TYPES, _GRAPH_ALIASES) if kind == "graph" else (RESULT_TYPES, _RESULT_ALIASES)
    key = key.strip().lower()
    if key in table:
        return key
    for name, media in table.items():
        if media == key:
            return name
    return aliases.get(key)


def negotiate(kind: str, accept: str | None, fmt: str | None) -> tuple[str, str]:
    """Pick ``(name, media type)`` for a ``kind`` of result (``solutions`` or ``graph``).

    ``format=`` wins over ``Accept``; ``Accept`` is read with its q-values; ``*/*`` or nothing gives
    JSON for solutions and Turtle for graphs.

    >>> negotiate("solutions", "text/csv;q=0.5, application/sparql-results+xml", None)
    ('xml', 'application/sparql-results+xml')
    >>> negotiate("graph", None, "nt")
    ('ntriples', 'application/n-triples')
    """
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    default = "turtle" if kind == "graph" else "json"
    if fmt:
        name = _lookup(kind, fmt)
        if name is None:
            raise Refused(400, f"unknown format {fmt!r} for this result; use one of {', '.join(table)}")
        return name, table[name]
    if not accept or not accept.strip():
        return default, table[default]
    ranges: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        media, *opts = (p.strip() for p in part.split(";"))
        q = 1.0
        for opt in opts:
            if opt.startswith("q="):
                try:
                    q = float(opt[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranges.append((-q, i, media.lower()))
    for _, _, media in sorted(ranges):
        if media == "*/*":
            return default, table[default]
        if media.endswith("/*"):
            major = media[:-1]
            for name, t in table.items():
                if t.startswith(major):
                    return name, t
            continue
        name = _lookup(kind, media)
        if name is not None:
            return name, table[name]
    what = "a graph" if kind == "graph" else "query results"
    raise Refused(
        406, f"none of the accepted types ({accept}) can carry {what}; use one of {', '.join(table.values())}"
    )


# -- terms across the process boundary -------------------------------------------------------------


def _encode(term: Any) -> tuple[str, ...] | None:
    """A pyoxigraph term → a picklable tuple."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value)
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.language or "", term.datatype.value)
    raise QueryError(f"unsupported term in results: {term!r}")


def _to_rdflib(t: tuple[str, ...] | None) -> Node | None:
    if t is None:
        return None
    if t[0] == "uri":
        return URIRef(t[1])
    if t[0] == "bnode":
        return BNode(t[1])
    _, value, lang, dt = t
    if lang:
        return Literal(value, lang=lang)
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(value)
    return Literal(value, datatype=URIRef(dt))


# -- the worker process ----------------------------------------------------------------------------


@dataclass
class Job:
    """One query for a worker. ``mode`` is ``http`` (negotiate and serialise) or ``rows`` (return terms)."""

    sparql: str
    mode: str = "http"
    accept: str | None = None
    fmt: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_results: int = DEFAULT_MAX_RESULTS


def _worker_entry(fd: int) -> None:
    """Entry point of a worker process: its connection is the socket ``fd``."""
    _die_with_parent()
    conn = Connection(fd)
    try:
        store_path, nquads = conn.recv()
    except (EOFError, OSError):
        return
    _worker_main(conn, store_path, nquads)


def _die_with_parent() -> None:
    """Ask Linux to kill this worker when the server dies, even in the middle of a long query."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG


def _worker_main(conn: Connection, store_path: str | None, nquads: bytes | None) -> None:
    """A query worker: open the store read-only (or load the in-memory data), then answer jobs."""
    try:
        store = ox.Store.read_only(store_path) if store_path else ox.Store()
        if nquads:
            store.load(nquads, format=ox.RdfFormat.N_QUADS)
    except (OSError, SyntaxError) as err:
        conn.send(("fatal", f"cannot open the store: {err}"))
        return
    conn.send(("ready",))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            reply = _execute(store, job)
        except Exception as err:  # noqa: BLE001 - the worker outlives any one query; the client gets a 500
            reply = ("error", 500, f"internal error: {type(err).__name__}: {err}")
        conn.send(reply)


def _execute(store: ox.Store, job: Job) -> tuple[Any, ...]:
    kwargs: dict[str, Any] = {}
    if job.default_graphs or job.named_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        if job.named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    # Otherwise the default graph: the store keeps it equal to the set union of the named graphs.
    cap = job.max_results
    too_many = ("error", 400, f"the result has more than {cap} rows (this endpoint's limit); add a LIMIT")
    payload: Any
    try:
        res = store.query(job.sparql, **kwargs)
        if isinstance(res, ox.QueryBoolean):
            kind, payload = "boolean", bool(res)
        elif isinstance(res, ox.QueryTriples):
            kind = "graph"
            triples: list[ox.Triple] = []
            for t in res:
                if len(triples) >= cap:
                    return too_many
                triples.append(t)
            payload = triples
        else:
            kind = "solutions"
            names = [v.value for v in res.variables]
            rows: list[tuple[tuple[str, ...] | None, ...]] = []
            for sol in res:
                if len(rows) >= cap:
                    return too_many
                rows.append(tuple(_encode(sol[i]) for i in range(len(names))))
            payload = (names, rows)
    except SyntaxError as err:
        return ("error", 400, f"SPARQL syntax error: {_one_line(str(err))}")
    except OSError as err:
        return ("error", 400, f"query failed: {_one_line(str(err))}")
    if job.mode == "rows":
        if kind == "graph":
            return (
                "rows",
                ["s", "p", "o"],
                [tuple(_encode(x) for x in (t.subject, t.predicate, t.object)) for t in payload],
            )
        if kind == "boolean":
            return ("boolean", payload)
        return ("rows", *payload)
    try:
        name, media = negotiate("graph" if kind == "graph" else "solutions", job.accept, job.fmt)
    except Refused as err:
        return ("error", err.status, str(err))
    if kind == "graph":
        prefixes = dict(PREFIXES) if name == "turtle" else None
        body = (
            ox.serialize(payload, format=_OX_GRAPH[name], prefixes=prefixes)
            if prefixes
            else ox.serialize(payload, format=_OX_GRAPH[name])
        )
        return ("ok", media, body or b"")
    if kind == "boolean":
        if name in ("csv", "tsv"):
            return ("ok", media, f"_askResult\n{'true' if payload else 'false'}\n".encode())
        return ("ok", media, format_results(Results(boolean=payload), name).encode("utf-8"))
    names, rows = payload
    r = Results(vars=names, rows=[tuple(_to_rdflib(t) for t in row) for row in rows])
    return ("ok", media, format_results(r, name).encode("utf-8"))


def _one_line(s: str) -> str:
    return " ".join(s.split())


# -- the pool ---------------------------------------------------------------------------------------


class QueryTimeout(Refused):
    def __init__(self, message: str) -> None:
        super().__init__(503, message)


def _rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc; 0 where unknown)."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


class _Worker:
    """One worker process, started as ``python -c …`` with a socket for its connection.

    Not ``multiprocessing``'s spawn (it re-imports the caller's ``__main__``) nor fork (the server has
    threads): a fresh interpreter that imports only kglaw.
    """

    def __init__(self, store_path: str | None, nquads: bytes | None) -> None:
        ours, theirs = socket.socketpair()
        fd = theirs.fileno()
        code = "import sys; from kglaw.serve import _worker_entry; _worker_entry(int(sys.argv[1]))"
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, str(fd)], pass_fds=[fd], stdin=subprocess.DEVNULL
        )
        theirs.close()
        self.conn = Connection(ours.detach())
        self.ready = False
        try:
            self.conn.send((store_path, nquads))
        except OSError:
            pass  # the worker died at once; wait_ready reports it

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def wait_ready(self, timeout: float = 120.0) -> None:
        if self.ready:
            return
        if not self.conn.poll(timeout):
            raise Refused(503, "a query worker did not start in time")
        try:
            msg = self.conn.recv()
        except (EOFError, OSError):
            raise Refused(500, "a query worker died while starting") from None
        if msg[0] != "ready":
            raise Refused(500, msg[1])
        self.ready = True

    def kill(self) -> None:
        with contextlib.suppress(OSError):
            self.proc.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(5)
        with contextlib.suppress(OSError):
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.conn.send(None)
        try:
            self.proc.wait(2)
        except subprocess.TimeoutExpired:
            self.kill()
        with contextlib.suppress(OSError):
            self.conn.close()


class QueryPool:
    """Worker processes that run queries; one that outlives its timeout or memory limit is killed.

    The store is opened read-only in every worker when it is on disk; an in-memory store is copied to
    them as N-Quads once. ``run`` is blocking and thread-safe (the app calls it from a thread pool).
    """

    def __init__(
        self,
        store: Store,
        *,
        size: int | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    ) -> None:
        self.size = size or max(2, min(4, os.cpu_count() or 2))
        self.timeout = timeout
        self.max_memory_mb = max_memory_mb
        if store.path is not None:
            store.flush()
            self._path: str | None = str(store.path)
            self._data: bytes | None = None
        else:
            # The whole dataset, the maintained default graph included.
            self._path, self._data = None, store.oxigraph.dump(format=ox.RdfFormat.N_QUADS) or b""
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        """Start every worker now (they load in parallel), rather than on the first queries."""
        with self._lock:
            while len(self._all) < self.size:
                self._spawn_locked()

    def _spawn_locked(self) -> None:
        w = _Worker(self._path, self._data)
        self._all.add(w)
        self._idle.put(w)

    def _acquire(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise Refused(503, "the server is shutting down")
            if self._idle.empty() and len(self._all) < self.size:
                self._spawn_locked()
        try:
            return self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise Refused(
                503, f"the server is busy: no query worker was free within {self.timeout:g} s"
            ) from None

    def _discard(self, w: _Worker) -> None:
        w.kill()
        with self._lock:
            self._all.discard(w)
            if not self._closed:
                self._spawn_locked()  # the replacement loads while the next queries wait

    def run(self, job: Job) -> tuple[Any, ...]:
        check_read_only(job.sparql)  # every query the pool runs, whichever route it came from
        w = self._acquire()
        try:
            w.wait_ready()
        except Refused:
            self._discard(w)
            raise
        try:
            w.conn.send(job)
        except (OSError, BrokenPipeError):
            self._discard(w)
            raise Refused(500, "a query worker died; try again") from None
        deadline = time.monotonic() + self.timeout
        while True:
            if w.conn.poll(0.02):
                try:
                    reply = w.conn.recv()
                except (EOFError, OSError):
                    self._discard(w)
                    raise Refused(500, "a query worker died during the query") from None
                self._idle.put(w)
                return reply  # type: ignore[no-any-return]
            if time.monotonic() > deadline:
                self._discard(w)
                raise QueryTimeout(
                    f"the query ran longer than {self.timeout:g} s (this endpoint's limit) and was stopped"
                )
            if self.max_memory_mb and _rss_mb(w.pid) > self.max_memory_mb:
                self._discard(w)
                raise Refused(
                    503, f"the query used more than {self.max_memory_mb:g} MB of memory and was stopped"
                )
            if not w.alive():
                self._discard(w)
                raise Refused(500, "a query worker died during the query")

    def select(self, sparql: str, bindings: dict[str, Node] | None = None) -> Results:
        """Run SPARQL in the pool and return Results (lets ``run_sparql`` and ``bind_params`` use the pool)."""
        reply = self.run(Job(bind_values(sparql, bindings or {}), mode="rows"))
        if reply[0] == "error":
            raise QueryError(reply[2])
        if reply[0] == "boolean":
            return Results(boolean=reply[1])
        return Results(vars=list(reply[1]), rows=[tuple(_to_rdflib(t) for t in row) for row in reply[2]])

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.stop()


# -- middleware ------------------------------------------------------------------------------------


class BodyLimit:
    """Refuse request bodies over ``max_body`` bytes with 413, by Content-Length or while reading."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = PlainTextResponse(
            f"request body over {self.max_body} bytes (this endpoint's limit)\n", 413
        )
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    if int(value) > self.max_body:
                        await too_large(scope, receive, send)
                        return
                except ValueError:
                    await PlainTextResponse("bad Content-Length\n", 400)(scope, receive, send)
                    return
        # Read the body here (bounded), then hand it to the app, so a chunked upload cannot grow past it.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_body:
                await too_large(scope, receive, send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


# -- the app ----------------------------------------------------------------------------------------

SD_NS = "http://www.w3.org/ns/sparql-service-description#"


def _service_description(endpoint: str, max_results: int, timeout: float) -> str:
    """SPARQL 1.1 Service Description (https://www.w3.org/TR/sparql11-service-description/)."""
    formats = "\n".join(
        f"        <http://www.w3.org/ns/formats/{f}>,"
        for f in (
            "SPARQL_Results_JSON",
            "SPARQL_Results_XML",
            "SPARQL_Results_CSV",
            "SPARQL_Results_TSV",
            "Turtle",
            "N-Triples",
            "JSON-LD",
        )
    )
    return f"""@prefix sd: <{SD_NS}> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

[] a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:feature sd:UnionDefaultGraph ;
    sd:resultFormat
{formats}
        <http://www.w3.org/ns/formats/RDF_XML> ;
    rdfs:comment "kglaw: Kazakh legislation as an ELI knowledge graph. Read-only; the default graph is the union of the named graphs (one per source document). Queries stop after {timeout:g} s and return at most {max_results} rows."@en .
"""


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(_one_line(message) + "\n", status_code=status)


def _first(values: dict[str, list[str]], key: str) -> str | None:
    got = values.get(key)
    return got[0] if got else None


def _graph_params(values: dict[str, list[str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return tuple(values.get("default-graph-uri", [])), tuple(values.get("named-graph-uri", []))


class _Endpoint:
    """The request handlers; holds the pool and the limits."""

    def __init__(self, pool: QueryPool, max_results: int, timeout: float, queries_dir: Path | None) -> None:
        self.pool = pool
        self.max_results = max_results
        self.timeout = timeout
        self.queries_dir = queries_dir
        from jinja2 import Environment, FileSystemLoader, select_autoescape

        self.jinja = Environment(
            loader=FileSystemLoader(str(web_dir())), autoescape=select_autoescape(default=True)
        )

    async def _answer(self, job: Job) -> Response:
        try:
            reply = await run_in_threadpool(self.pool.run, job)
        except Refused as err:
            headers = {"Retry-After": "5"} if err.status == 503 else None
            return PlainTextResponse(_one_line(str(err)) + "\n", status_code=err.status, headers=headers)
        if reply[0] == "error":
            return _error(reply[1], reply[2])
        media = reply[1]
        if (
            media.startswith("text/")
            or media.endswith(("+json", "+xml", "json"))
            or media == "application/n-triples"
        ):
            media += "; charset=utf-8"
        return Response(reply[2], media_type=media, headers={"Vary": "Accept"})

    async def sparql(self, request: Request) -> Response:
        values: dict[str, list[str]] = parse_qs(request.url.query, keep_blank_values=True)
        if request.method == "POST":
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            body = await request.body()
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return _error(400, "the request body is not UTF-8")
            if ctype == "application/sparql-update":
                return _error(403, "this endpoint is read-only: SPARQL Update is not allowed")
            if ctype == "application/x-www-form-urlencoded":
                for k, v in parse_qs(text, keep_blank_values=True).items():
                    values.setdefault(k, []).extend(v)
            elif ctype == "application/sparql-query":
                if "query" in values:
                    return _error(400, "a direct POST carries the query in its body, not in query=")
                values["query"] = [text]
            else:
                return _error(
                    415, f"unsupported content type {ctype!r}; use application/sparql-query or a form"
                )
        if "update" in values:
            return _error(403, "this endpoint is read-only: SPARQL Update is not allowed")
        queries = values.get("query", [])
        if not queries:
            if request.method == "POST":
                return _error(400, "no query given")
            return self._describe(request, values)
        if len(queries) > 1:
            return _error(400, "give exactly one query=")
        try:
            check_read_only(queries[0])
        except Refused as err:
            return _error(err.status, str(err))
        fmt = _first(values, "format") or _first(values, "output")
        default_graphs, named_graphs = _graph_params(values)
        job = Job(
            queries[0],
            "http",
            request.headers.get("accept"),
            fmt,
            default_graphs,
            named_graphs,
            self.max_results,
        )
        return await self._answer(job)

    def _describe(self, request: Request, values: dict[str, list[str]]) -> Response:
        endpoint = str(request.url.replace(query=""))
        ttl = _service_description(endpoint, self.max_results, self.timeout)
        fmt = _first(values, "format")
        try:
            name, media = negotiate("graph", request.headers.get("accept"), fmt)
        except Refused:
            name, media = "turtle", GRAPH_TYPES["turtle"]
        if name == "turtle":
            return Response(ttl, media_type=media + "; charset=utf-8")
        triples = [q.triple for q in ox.parse(ttl.encode(), ox.RdfFormat.TURTLE)]
        return Response(ox.serialize(triples, format=_OX_GRAPH[name]), media_type=media)

    async def saved(self, request: Request) -> Response:
        name = request.path_params["name"]
        values = parse_qs(request.url.query, keep_blank_values=True)
        fmt = _first(values, "format")
        values.pop("format", None)
        for k, v in values.items():
            if len(v) > 1:
                return _error(400, f"parameter {k} given {len(v)} times")
        given = {k: v[0] for k, v in values.items()}

        def prepare() -> tuple[str, dict[str, Node]]:
            q = find_query(name, self.queries_dir)
            return q.text, bind_params(q, given, self.pool)

        try:
            text, bindings = await run_in_threadpool(prepare)
        except Refused as err:
            return _error(err.status, str(err))
        except KglawError as err:
            return _error(400, str(err))
        try:
            text = bind_values(text, bindings)
        except KglawError as err:
            return _error(400, str(err))
        job = Job(text, "http", request.headers.get("accept"), fmt, max_results=self.max_results)
        return await self._answer(job)

    async def saved_list(self, request: Request) -> Response:
        try:
            qs = await run_in_threadpool(list_queries, self.queries_dir)
        except KglawError as err:
            return _error(500, str(err))
        return JSONResponse([_query_json(q) for q in qs])

    async def index(self, request: Request) -> Response:
        try:
            qs = [_query_json(q) for q in await run_in_threadpool(list_queries, self.queries_dir)]
        except KglawError as err:
            return _error(500, str(err))
        page = self.jinja.get_template("index.html").render(
            queries=qs,
            queries_json=json.dumps(qs, ensure_ascii=False).replace("</", "<\\/"),
            max_results=self.max_results,
            timeout=self.timeout,
        )
        return HTMLResponse(page)

    async def act(self, request: Request) -> Response:
        iri = request.query_params.get("iri", "").strip()
        if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", iri):
            return _error(400, "give the act as ?iri=https://…")
        try:
            data = await run_in_threadpool(act_facts, self.pool, iri)
        except Refused as err:
            return _error(err.status, str(err))
        except KglawError as err:
            return _error(400, str(err))
        if not data["facts"] and not data["lineage"]:
            return HTMLResponse(
                self.jinja.get_template("act.html").render(act=None, iri=iri), status_code=404
            )
        return HTMLResponse(self.jinja.get_template("act.html").render(act=data, iri=iri))


def _query_json(q: Any) -> dict[str, Any]:
    return {
        "name": q.name,
        "title": q.title,
        "description": q.description,
        "params": [
            {"name": p.name, "type": p.type, "doc": p.doc, "default": p.default, "optional": p.optional}
            for p in q.params
        ],
        "text": q.text,
    }


def web_dir() -> Path:
    return templates_dir() / "web"


# -- the act page ----------------------------------------------------------------------------------

ELI_NS = "http://data.europa.eu/eli/ontology#"
KGL_NS = BASE + "ontology#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

#: Relations that make up an act's lineage, each with the reading of its inverse.
LINEAGE = {
    ELI_NS + "amends": "amends",
    ELI_NS + "amended_by": "amended by",
    ELI_NS + "repeals": "repeals",
    ELI_NS + "repealed_by": "repealed by",
    ELI_NS + "based_on": "based on",
    ELI_NS + "basis_for": "basis for",
    KGL_NS + "replaces": "replaces",
    KGL_NS + "replacedBy": "replaced by",
    KGL_NS + "precededBy": "preceded by",
    KGL_NS + "succeededBy": "succeeded by",
    KGL_NS + "approves": "approves",
    KGL_NS + "approvedBy": "approved by",
}

#: Each lineage relation and its inverse (the build writes both).
INVERSE = {
    ELI_NS + "amends": ELI_NS + "amended_by",
    ELI_NS + "repeals": ELI_NS + "repealed_by",
    ELI_NS + "based_on": ELI_NS + "basis_for",
    KGL_NS + "replaces": KGL_NS + "replacedBy",
    KGL_NS + "precededBy": KGL_NS + "succeededBy",
    KGL_NS + "approves": KGL_NS + "approvedBy",
}
INVERSE.update({v: k for k, v in list(INVERSE.items())})

_FACTS = "SELECT DISTINCT ?p ?o WHERE { ?act ?p ?o } LIMIT 2000"
_INCOMING = "SELECT DISTINCT ?s ?p WHERE { ?s ?p ?act FILTER(isIRI(?s)) } LIMIT 2000"
_LABELS = """SELECT DISTINCT ?x ?label WHERE {{
  VALUES ?x {{ {values} }}
  {{ ?x <{eli}is_realized_by>/<{eli}title> ?label }}
  UNION {{ ?x <{eli}title>|<{rdfs}>|<http://www.w3.org/2004/02/skos/core#prefLabel>|<http://www.w3.org/2004/02/skos/core#altLabel> ?label }}
}}"""

#: Kazakh and Russian first, then untagged, English only where no other label exists.
LANG_ORDER = {"kk": 0, "ru": 1, "": 2, "en": 4}


def pick_labels(labels: Iterable[Literal]) -> list[Literal]:
    """Labels in the order the pages show them: kk, ru, untagged, other languages, en.

    >>> [l.language for l in pick_labels([Literal("Law", lang="en"), Literal("Закон", lang="ru"), Literal("Заң", lang="kk")])]
    ['kk', 'ru', 'en']
    """

    def key(lit: Literal) -> tuple[int, str]:
        lang = (lit.language or "").lower().split("-")[0]
        return (LANG_ORDER.get(lang, 3), str(lit))

    return sorted({lit for lit in labels if isinstance(lit, Literal)}, key=key)


def _labels(pool: QueryPool, iris: list[str]) -> dict[str, list[Literal]]:
    out: dict[str, list[Literal]] = {}
    for i in range(0, len(iris), 200):
        values = " ".join(sparql_term(URIRef(x)) for x in iris[i : i + 200])
        r = pool.select(_LABELS.format(values=values, eli=ELI_NS, rdfs=RDFS_LABEL))
        for x, label in r.rows:
            if isinstance(label, Literal):
                out.setdefault(str(x), []).append(label)
    return {k: pick_labels(v) for k, v in out.items()}


def _reading(p: str, direction: str) -> str:
    """How a lineage edge reads from the act's side: ``X amends act`` reads "amended by X"."""
    if direction == "out":
        return LINEAGE[p]
    return LINEAGE[INVERSE[p]] if p in INVERSE else "← " + LINEAGE[p]


def act_facts(pool: QueryPool, iri: str) -> dict[str, Any]:
    """The act page's data: titles, status, facts and lineage, with labels for every linked node.

    The lineage picture, timeline and the reading of the status come from ``kglaw.report`` (the same
    rendering as ``kglaw report lineage``); the facts table lists every triple about the act.
    """
    act = URIRef(iri)
    facts = pool.select(_FACTS, {"act": act}).rows
    incoming = pool.select(_INCOMING, {"act": act}).rows
    lineage: list[tuple[str, str, Node | None]] = [
        (str(p), "out", o) for p, o in facts if str(p) in LINEAGE and isinstance(o, URIRef)
    ]
    outgoing = {(p, str(o)) for p, _, o in lineage}
    for s, p in incoming:
        pred = str(p)
        # The build materialises inverses, so ``s amends act`` usually also reads ``act amended_by s``:
        # show each edge once.
        if pred in LINEAGE and (INVERSE.get(pred), str(s)) not in outgoing:
            lineage.append((pred, "in", s))
    iris = sorted({str(o) for _, o in facts if isinstance(o, URIRef)} | {str(s) for s, _ in incoming} | {iri})
    labels = _labels(pool, iris)

    def node(t: Node | None) -> dict[str, Any]:
        if isinstance(t, URIRef):
            s = str(t)
            ls = labels.get(s, [])
            return {
                "iri": s,
                "short": compact(t),
                "label": str(ls[0]) if ls else "",
                "lang": ls[0].language if ls else "",
                "local": s.startswith(BASE + "eli/"),
                "web": s.startswith(("http://", "https://")),  # never a javascript: or data: link
            }
        if isinstance(t, Literal):
            return {
                "value": str(t),
                "lang": t.language or "",
                "datatype": compact(URIRef(t.datatype)) if t.datatype else "",
            }
        return {"value": str(t) if t is not None else ""}

    def status() -> dict[str, Any]:
        by = {str(p): o for p, o in facts}
        in_force = by.get(ELI_NS + "in_force")
        state = "unknown"
        if in_force is not None:
            state = {
                ELI_NS + "InForce-inForce": "in force",
                ELI_NS + "InForce-notInForce": "not in force",
            }.get(str(in_force), state)
        return {
            "state": state,
            "entry": str(by.get(ELI_NS + "first_date_entry_in_force", "")),
            "ended": str(by.get(ELI_NS + "date_no_longer_in_force", "")),
            "text": str(by.get(KGL_NS + "statusText", "")),
        }

    rows = sorted(
        ((compact(p), node(o)) for p, o in facts),
        key=lambda r: (r[0], str(r[1].get("iri") or r[1].get("value"))),
    )
    # The lineage report's picture, timeline and status reading (kglaw.report), over the same pool.
    report = None
    if facts or incoming:
        from .report import lineage_data

        try:
            report = lineage_data(pool, iri)
        except ImportError:
            report = None  # the picture's layout needs numpy (networkx); the page shows the tables without it
    return {
        "iri": iri,
        "titles": [{"value": str(t), "lang": t.language or ""} for t in labels.get(iri, [])],
        "status": status(),
        "facts": [{"predicate": p, "object": o} for p, o in rows],
        "lineage": [{"relation": _reading(p, d), "direction": d, "other": node(o)} for p, d, o in lineage],
        "report": report,
    }


# -- assembly --------------------------------------------------------------------------------------


def create_app(
    store: Store,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_results: int = DEFAULT_MAX_RESULTS,
    max_body: int = DEFAULT_MAX_BODY,
    workers: int | None = None,
    max_memory_mb: float = DEFAULT_MAX_MEMORY_MB,
    queries_dir: Path | None = None,
) -> Starlette:
    """The ASGI app over ``store``. Workers start with the app's lifespan (or at the first query)."""
    pool = QueryPool(store, size=workers, timeout=timeout, max_memory_mb=max_memory_mb)
    ep = _Endpoint(pool, max_results, timeout, queries_dir)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await asyncio.to_thread(pool.start)
        try:
            yield
        finally:
            await asyncio.to_thread(pool.close)

    app = Starlette(
        routes=[
            Route("/", ep.index),
            Route("/act", ep.act),
            Route("/sparql", ep.sparql, methods=["GET", "POST"]),
            Route("/queries", ep.saved_list),
            Route("/queries/{name}", ep.saved),
            Mount("/static", StaticFiles(directory=str(web_dir() / "static")), name="static"),
        ],
        middleware=[
            # CORS outermost, so that refusals (413 included) carry its headers to browser clients.
            Middleware(
                CORSMiddleware,
                allow_origins=["*"],
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=["Accept", "Content-Type", "Authorization"],
                expose_headers=["Content-Type"],
                max_age=3600,
            ),
            Middleware(BodyLimit, max_body=max_body),
        ],
        lifespan=lifespan,
    )
    app.state.pool = pool
    return app


def serve(
    store: Store,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    timeout: float = DEFAULT_TIMEOUT,
    max_results: int = DEFAULT_MAX_RESULTS,
    max_body: int = DEFAULT_MAX_BODY,
    workers: int | None = None,
    queries_dir: Path | None = None,
    log_level: str = "info",
) -> None:
    """Run the endpoint with uvicorn until interrupted. Binds to loopback unless ``host`` says otherwise."""
    import uvicorn

    app = create_app(
        store,
        timeout=timeout,
        max_results=max_results,
        max_body=max_body,
        workers=workers,
        queries_dir=queries_dir,
    )
    uvicorn.run(app, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)
