"""Streaming ingest: a whole corpus of texts into the embedded store, on every core, without holding its
graphs in memory.

``kglaw build`` keeps every document's graph in memory and writes canonical Turtle; that suits the
repository's ``data/ttl``, not a national corpus. ``ingest_store`` gives the same graphs (a test compares
it with ``kglaw build`` + ``kglaw load``) in three overlapping stages:

1. **parse**, in worker processes, a batch of files at a time; each batch's documents are pickled to a
   scratch directory, and the act references they hold go back to the parent, which learns them in file
   order exactly as ``build_corpus`` does (so identity resolution stays corpus-wide);
2. **build**, in worker processes, with that resolver: each document's triples are written as N-Quads
   (its named graph) and N-Triples (for the store's union default graph) — no rdflib graph on the way;
3. **load**, in the parent, while the workers build the next batches. A new store is written with
   Oxigraph's bulk loader into a staging directory that replaces the target only when everything,
   reference graphs and validation included, has succeeded: an interrupted or failed ingest leaves the
   old store (or none) in place. An existing store takes one transaction per batch instead, each
   document's graph replacing the one of the same name; an interrupted ingest into it keeps the batches
   done so far (each whole), and running it again completes it.

Bad files are warned about and counted; the batch goes on.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import KglawError, StoreError

__all__ = ["INGESTED", "IngestResult", "ingest_store"]

#: The store stamp of an ingested store: commands that open it do not load ``data/ttl`` into it.
INGESTED = "ingested"


@dataclass
class IngestResult:
    files: int = 0
    documents: int = 0
    bytes: int = 0
    triples: int = 0  # built from the texts, before reference graphs
    quads: int = 0  # written into named graphs: the documents' and the reference graphs' (not counted back)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: int | None = None  # None: not validated
    shacl_warnings: int | None = None
    fresh: bool = True  # written by the bulk loader into a new store
    stages: dict[str, float] = field(default_factory=dict)  # wall seconds


# -- workers ---------------------------------------------------------------------------------------------

_RESOLVER: Any = None


def _init_worker(resolver_path: str | None = None) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    global _RESOLVER
    if resolver_path is not None:
        from .build import ActResolver

        _RESOLVER = ActResolver()
        _RESOLVER.__dict__.update(pickle.loads(Path(resolver_path).read_bytes()))


def _parse_batch(task: tuple[int, list[str], str]) -> dict[str, Any]:
    """Parse files; pickle the documents; hand back the references the resolver must learn."""
    from .build import learnable_refs
    from .parse.document import parse_file

    i, files, scratch = task
    docs, errors, refs, size = [], [], [], 0
    for f in files:
        try:
            doc = parse_file(Path(f))
        except KglawError as err:
            errors.append(str(err))
            continue
        except Exception as err:  # noqa: BLE001 - a parser bug fails its document, not an hour-long batch
            errors.append(f"{f}: internal error while parsing: {type(err).__name__}: {err}")
            continue
        size += os.path.getsize(f)
        docs.append(doc)
        refs.extend(learnable_refs(doc))
    path = Path(scratch) / f"docs-{i:06d}.pkl"
    path.write_bytes(pickle.dumps(docs, protocol=pickle.HIGHEST_PROTOCOL))
    return {
        "path": str(path),
        "docs": len(docs),
        "files": len(files),
        "errors": errors,
        "refs": refs,
        "bytes": size,
    }


def _build_batch(path: str) -> dict[str, Any]:
    """Build a batch of pickled documents into ``.nq`` (named graphs) and ``.nt`` (their triples)."""
    from .build import document_triples, graph_iri, ntriples

    docs = pickle.loads(Path(path).read_bytes())
    nq, nt = Path(path).with_suffix(".nq"), Path(path).with_suffix(".nt")
    triples = 0
    warnings: list[str] = []
    errors: list[str] = []
    with open(nq, "w", encoding="utf-8") as fq, open(nt, "w", encoding="utf-8") as ft:
        for doc in docs:
            built: list[str] = []
            try:
                ts = document_triples(doc, _RESOLVER, built)
                named, default = ntriples(ts, str(graph_iri(Path(doc.source).stem))), ntriples(ts)
            except KglawError as err:  # (an IRI the writer refuses, too: its document fails, not the batch)
                errors.append(f"{doc.source}: {err}")
                continue
            except Exception as err:  # noqa: BLE001 - a build bug fails its document, not the batch
                errors.append(f"{doc.source}: internal error while building: {type(err).__name__}: {err}")
                continue
            warnings.extend(f"{doc.source}: {w}" for w in doc.warnings)
            warnings.extend(built)
            triples += len(ts)
            fq.write(named)
            ft.write(default)
    os.unlink(path)
    return {
        "nq": str(nq),
        "nt": str(nt),
        "docs": len(docs),
        "triples": triples,
        "warnings": warnings,
        "errors": errors,
    }


# -- the parent ------------------------------------------------------------------------------------------


def _is_new(store_path: Path) -> bool:
    return not store_path.exists() or (store_path.is_dir() and not any(store_path.iterdir()))


def ingest_store(
    paths: list[Path],
    store_path: Path,
    *,
    jobs: int | None = None,
    batch: int = 200,
    with_reference: bool = True,
    validate: bool = True,
    on_progress: Callable[[str, int], None] | None = None,
) -> IngestResult:
    """Parse, build, load (and validate) every text under ``paths`` into the store at ``store_path``.

    ``on_progress(stage, n)`` is called with ``"parse"`` or ``"build"`` and the number of documents just
    finished. Raises ``StoreError`` when the store cannot be written; a file that cannot be read or
    parsed is an error in the result, never an exception.
    """
    from .build import ActResolver, distinct_names, raw_files

    found = raw_files(paths)
    if not found:
        raise KglawError(f"{', '.join(map(str, paths))}: no input files to ingest")
    kept, clashes = distinct_names(found)
    files = [str(f) for f in kept]
    jobs = max(1, jobs or os.cpu_count() or 1)
    result = IngestResult(files=len(found), fresh=_is_new(store_path), errors=clashes)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".kglaw-ingest-", dir=store_path.parent))
    staging = (
        Path(tempfile.mkdtemp(prefix=f".{store_path.name}.new-", dir=store_path.parent))
        if result.fresh
        else None
    )
    try:
        tasks = [(i, files[k : k + batch], str(scratch)) for i, k in enumerate(range(0, len(files), batch))]
        t0 = time.perf_counter()
        resolver = ActResolver()
        pickles: list[str] = []
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker) as pool:
            for r in _ordered(pool, _parse_batch, tasks, ahead=2 * jobs):
                pickles.append(r["path"])
                result.documents += r["docs"]
                result.bytes += r["bytes"]
                result.errors.extend(r["errors"])
                for ref in r["refs"]:
                    resolver.learn(ref, resolver.resolve(ref))
                if on_progress:
                    on_progress("parse", r["files"])
        result.stages["parse"] = time.perf_counter() - t0
        resolver_path = scratch / "resolver.pkl"
        resolver_path.write_bytes(pickle.dumps(resolver.tables()))
        result.stages.update(
            _load(
                result,
                pickles,
                resolver_path,
                staging or store_path,
                jobs,
                with_reference,
                validate,
                on_progress,
            )
        )
        from .store import write_stamp

        if staging is None:
            write_stamp(store_path, INGESTED)
            return result
        from .swap import swap_directory

        t = time.perf_counter()
        try:
            swap_directory(staging, store_path)  # a Ctrl-C waits until the swap is done
        finally:
            if not staging.exists():  # the new store is in place: stamp it, even when interrupted
                write_stamp(store_path, INGESTED)
        result.stages["swap"] = time.perf_counter() - t
        return result
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


_END = object()


def _ordered(
    pool: ProcessPoolExecutor, fn: Callable[[Any], dict[str, Any]], tasks: list[Any], ahead: int
) -> Iterator[dict[str, Any]]:
    """``pool.map`` in task order with at most ``ahead`` tasks submitted and not yet consumed (the
    workers' output waits on disk for the parent: a bounded window keeps that bounded too). On Ctrl-C the
    queued tasks are cancelled before the interrupt goes on."""
    from collections import deque

    window: deque[Any] = deque()
    todo = iter(tasks)

    def submit_next() -> None:
        task = next(todo, _END)
        if task is not _END:
            window.append(pool.submit(fn, task))

    try:
        for _ in range(ahead):
            submit_next()
        while window:
            done = window.popleft().result()
            submit_next()
            yield done
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        raise


def _load(
    result: IngestResult,
    pickles: list[str],
    resolver_path: Path,
    target: Path,
    jobs: int,
    with_reference: bool,
    validate: bool,
    on_progress: Callable[[str, int], None] | None,
) -> dict[str, float]:
    import pyoxigraph as ox

    from .store import Store

    stages: dict[str, float] = {}
    store = Store(target)
    ox_store = store.oxigraph
    t1 = time.perf_counter()
    load_s = 0.0
    try:
        # The parent's loading is the slowest stage (Oxigraph's loader, one core): it gets a core of its
        # own, and the builders stay at most a few batches ahead of it.
        builders = max(1, jobs - 1)
        with ProcessPoolExecutor(
            max_workers=builders, initializer=_init_worker, initargs=(str(resolver_path),)
        ) as pool:
            for r in _ordered(pool, _build_batch, pickles, ahead=builders + 2):
                result.triples += r["triples"]
                result.warnings.extend(r["warnings"])
                result.errors.extend(r["errors"])
                t = time.perf_counter()
                if result.fresh:
                    ox_store.bulk_load(path=r["nq"], format=ox.RdfFormat.N_QUADS)
                    ox_store.bulk_load(
                        path=r["nt"], format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph()
                    )
                else:
                    store.replace_dataset(Path(r["nq"]).read_bytes(), ox.RdfFormat.N_QUADS, source=r["nq"])
                load_s += time.perf_counter() - t
                os.unlink(r["nq"])
                os.unlink(r["nt"])
                if on_progress:
                    on_progress("build", r["docs"])
        stages["build+load"] = time.perf_counter() - t1
        stages["load (inside build+load)"] = load_s
        result.quads = result.triples  # one quad per triple in its document's graph (names are distinct)
        if with_reference:
            t = time.perf_counter()
            result.quads += _load_reference(store, result.fresh)
            stages["reference graphs"] = time.perf_counter() - t
        if validate:
            from .fastvalidate import validate_store

            t = time.perf_counter()
            report = validate_store(store)
            result.violations = len(report.violations)
            result.shacl_warnings = len(report.warnings)
            stages["validate"] = time.perf_counter() - t
        store.flush()  # (counting the store back is a scan of every quad: minutes at 100M)
    except OSError as err:
        raise StoreError(f"{target}: cannot write the store: {err}") from None
    finally:
        del ox_store, store
    return stages


def _load_reference(store: Any, fresh: bool) -> int:
    """The ontology, authority and curated graphs, each into its named graph; returns their quads."""
    import pyoxigraph as ox

    from .build import graph_iri, ntriples, reference_graphs

    quads = 0
    for stem, g in reference_graphs().items():
        triples = list(g)
        named = ntriples(triples, str(graph_iri(stem))).encode("utf-8")
        if fresh:
            # One call for the named graph and its triples in the default graph (N-Quads lines without a
            # graph), so that a blank node (the ontology has some) is the same node in both.
            store.oxigraph.bulk_load(named + ntriples(triples).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        else:
            store.replace_dataset(named, ox.RdfFormat.N_QUADS, source=stem)
        quads += len(triples)
    return quads
