"""Helpers for the endpoint, remote-engine and browser tests: the graph to serve, free loopback ports,
and real servers (kglaw's own, Oxigraph's) started in subprocesses and stopped afterwards."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Literal
from rdflib.term import Node

from kglaw.query import Results, SavedQuery, bind_params, canonical_rows, list_queries, run_sparql
from kglaw.store import Store

from .conftest import DATA_TTL, QUERIES, ROOT

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "serve"
FIXTURE_GRAPHS = FIXTURES / "graphs"
VENV_BIN = Path(sys.executable).parent


def graphs_dir() -> Path:
    """The graph the tests serve: the built seed graph (data/ttl) once it exists, else a small fixture."""
    return DATA_TTL if any(DATA_TTL.glob("*.ttl")) else FIXTURE_GRAPHS


def graph_files() -> list[Path]:
    return sorted(graphs_dir().glob("*.ttl"))


def saved_queries(directory: Path | None = None) -> list[SavedQuery]:
    return list_queries(directory or QUERIES)


def snapshot_queries(target: Path) -> Path:
    """A copy of queries/, so that a test and its server read the same queries while others edit them."""
    import shutil

    shutil.copytree(QUERIES, target)
    return target


def memory_store() -> Store:
    store = Store(None)
    store.load_dir(graphs_dir())
    return store


def embedded_answer(store: Store, q: SavedQuery, params: dict[str, str] | None = None) -> Results:
    """A saved query's answer from the embedded store, as ``kglaw query`` gives it (its own binding of
    parameters, independent of the text binding the endpoint and remote engines use)."""
    bindings: dict[str, Node] = bind_params(q, params or {}, store)
    return run_sparql(store, q.text, bindings)


_GROUP_CONCAT = re.compile(
    r"""GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?(?:;\s*SEPARATOR\s*=\s*(?P<q>["'])(?P<sep>.*?)(?P=q))?\s*\)\s*AS\s*[?$](?P<var>\w+)""",
    re.IGNORECASE | re.DOTALL,
)


def comparable(sparql: str, r: Results) -> list[tuple[str, ...]]:
    """``canonical_rows``, except that a GROUP_CONCAT column is compared as a set of its parts:
    SPARQL leaves the order of the concatenated values to the engine (SPARQL 1.1, 18.5.1.7)."""
    seps = {
        m.group("var"): (m.group("sep") if m.group("sep") is not None else " ")
        for m in _GROUP_CONCAT.finditer(sparql)
    }
    if not seps:
        return canonical_rows(r)
    rows = []
    for row in r.rows:
        out = []
        for v, t in zip(r.vars, row):
            if v in seps and isinstance(t, Literal) and seps[v]:
                t = Literal(seps[v].join(sorted(str(t).split(seps[v]))), lang=t.language, datatype=t.datatype)
            out.append(t)
        rows.append(tuple(out))
    return canonical_rows(Results(vars=r.vars, rows=rows))


def count_triples(store: Store) -> int:
    r = run_sparql(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(str(r.rows[0][0]))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_http(url: str, timeout: float = 60.0, proc: subprocess.Popen[bytes] | None = None) -> None:
    """Wait until ``url`` answers (any HTTP status), or fail with the server's output."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            out = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
            raise RuntimeError(f"the server exited with {proc.returncode}: {out[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a server we started (SIGTERM, then SIGKILL), by its own process id."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)


_SERVE = """
import sys
from kglaw.serve import serve
from kglaw.store import Store
from pathlib import Path
store_dir, port, timeout, max_results, max_body, workers, queries = sys.argv[1:8]
store = Store(store_dir)
serve(store, port=int(port), timeout=float(timeout), max_results=int(max_results), max_body=int(max_body),
      workers=int(workers), queries_dir=Path(queries) if queries else None, log_level="warning")
"""


@contextmanager
def kglaw_server(
    store_dir: Path,
    *,
    timeout: float = 3.0,
    max_results: int = 10_000,
    max_body: int = 100_000,
    workers: int = 2,
    queries_dir: Path | None = None,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``kglaw.serve.serve`` on a free loopback port over an on-disk store, in its own process."""
    port = free_port()
    args = [
        str(store_dir),
        str(port),
        str(timeout),
        str(max_results),
        str(max_body),
        str(workers),
        str(queries_dir or ""),
    ]
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVE, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/sparql", proc=proc)
        yield base, proc
    finally:
        stop(proc)


def load_disk_store(directory: Path, source: Store | None = None) -> Path:
    """An on-disk store with the same data as ``source`` (one snapshot, even if data/ttl is rebuilt)."""
    import pyoxigraph as ox

    store = Store(directory)
    if source is not None:
        store.replace_dataset(source.dump(ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
    else:
        store.load_dir(graphs_dir())
    store.flush()
    del store
    return directory


def oxigraph_binary() -> str | None:
    exe = VENV_BIN / "oxigraph"
    if exe.is_file():
        return str(exe)
    from shutil import which

    return which("oxigraph")


@contextmanager
def oxigraph_server(location: Path, port: int | None = None) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``oxigraph serve`` on loopback, the default graph being the union of the named graphs."""
    exe = oxigraph_binary()
    assert exe, "the oxigraph package (test extra) provides the oxigraph server"
    port = port or free_port()
    proc = subprocess.Popen(
        [exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_http(base + "/query?query=ASK%7B%7D", proc=proc)
        yield base, proc
    finally:
        stop(proc)


def children(pid: int) -> list[int]:
    """The child processes of ``pid``, started from any of its threads (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return sorted(set(found))


def rss_kb(pid: int) -> int:
    """Resident memory of a process and its children (kB), from /proc."""
    total = 0
    for p in [pid, *children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def env_without_proxy() -> dict[str, str]:
    env = dict(os.environ)
    for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(k, None)
    env["no_proxy"] = env["NO_PROXY"] = "127.0.0.1,localhost"
    return env
