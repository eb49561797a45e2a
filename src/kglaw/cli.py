"""The ``kglaw`` command line: thin commands over the Python API.

Exit codes: 0 ok; 1 the data does not conform to the shapes; 2 an error (bad input, unknown query,
missing parameter …), printed as one line naming the file and line where there is one.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import KglawError

__all__ = ["main", "cli"]


def _fail(err: KglawError) -> None:
    click.echo(f"kglaw: error: {err}", err=True)
    sys.exit(err.exit_code)


class _Group(click.Group):
    """Turns every KglawError into a one-line message and its exit code; never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KglawError as err:
            _fail(err)
        except KeyboardInterrupt:
            click.echo("kglaw: interrupted; outputs left as they were", err=True)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except OSError as err:
            where = f"{err.filename}: " if getattr(err, "filename", None) else ""
            click.echo(f"kglaw: error: {where}{err.strerror or err}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except Exception as err:  # noqa: BLE001 - a bug must still end in one line, not a traceback
            if os.environ.get("KGLAW_DEBUG"):
                raise
            click.echo(
                f"kglaw: internal error: {type(err).__name__}: {err} (set KGLAW_DEBUG=1 for the traceback; please report it)",
                err=True,
            )
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kglaw")
def cli() -> None:
    """kglaw: a knowledge graph of Kazakh legislation (ELI, SHACL, SPARQL)."""


def _store_option(f: Any) -> Any:
    return click.option(
        "--store",
        "store_path",
        type=click.Path(path_type=Path),
        default=None,
        help="Embedded store directory (default: .kglaw/store).",
    )(f)


def _data_option(f: Any) -> Any:
    return click.option(
        "--data",
        "data_dir",
        type=click.Path(path_type=Path, file_okay=False),
        default=None,
        help="Directory of Turtle files to load when the store is new (default: data/ttl).",
    )(f)


def open_graph_store(store_path: Path | None, data_dir: Path | None, *, quiet: bool = False):  # type: ignore[no-untyped-def]
    """The embedded store, loaded from ``data/ttl`` first if it is new or ``data/ttl`` has changed."""
    from .resources import default_store_path, ttl_dir
    from .store import Store, fingerprint, read_stamp, write_stamp

    path = store_path or default_store_path()
    data = data_dir or ttl_dir()
    fresh = not path.exists()
    store = Store(path)
    want = fingerprint(data) if data.is_dir() else None
    if want is not None and (fresh or store.is_empty() or read_stamp(path) != want):
        counts = store.load_dir(data)
        store.flush()
        write_stamp(path, want)
        if not quiet:
            why = "new store" if fresh else "data changed"
            click.echo(f"kglaw: {why}: loaded {sum(counts.values())} triples from {data} into {path}", err=True)
    return store


# -- build, validate, load -------------------------------------------------------------------------------


@cli.command()
@click.option("--raw", type=click.Path(path_type=Path, file_okay=False), default=None, help="Input texts (default: data/raw).")
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None, help="Output directory (default: data/ttl).")
@click.option("-j", "--jobs", type=int, default=1, show_default=True, help="Parallel parser processes.")
def build(raw: Path | None, out: Path | None, jobs: int) -> None:
    """Rebuild data/ttl from data/raw, deterministically (one Turtle file per source document)."""
    from .build import build_directory
    from .resources import raw_dir, ttl_dir

    raw = raw or raw_dir()
    out = out or ttl_dir()
    if not raw.is_dir():
        raise KglawError(f"{raw}: no such directory")
    result = build_directory(raw, out, jobs=jobs)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    for e in result.errors:
        click.echo(f"error: {e}", err=True)
    click.echo(
        f"built {len(result.documents)} documents, {len(result.graphs)} graphs, {result.triples} triples "
        f"into {out} ({len(result.warnings)} warnings, {len(result.errors)} errors)"
    )
    if result.errors:
        sys.exit(2)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option("--shapes", "shapes_dir", type=click.Path(path_type=Path, file_okay=False), default=None)
def validate(paths: tuple[Path, ...], shapes_dir: Path | None) -> None:
    """Check the graph (data/ttl, or the given files/directories) against the SHACL shapes.

    Exits 0 when it conforms, 1 on violations, 2 on errors.
    """
    from .resources import ttl_dir
    from .validate import _parse_turtle_files, load_shapes, validate_graph

    files: list[Path] = []
    for p in paths or (ttl_dir(),):
        files.extend(sorted(p.glob("*.ttl")) if p.is_dir() else [p])
    if not files:
        raise KglawError(f"{(paths or (ttl_dir(),))[0]}: no .ttl files to validate")
    report = validate_graph(_parse_turtle_files(files, "data"), load_shapes(shapes_dir))
    for r in report.results:
        click.echo(str(r))
    n, w = len(report.violations), len(report.warnings)
    click.echo(f"{'conforms' if report.conforms else 'does not conform'}: {n} violations, {w} warnings, {len(files)} files")
    sys.exit(0 if report.conforms else 1)


@cli.command()
@_store_option
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
def load(store_path: Path | None, paths: tuple[Path, ...]) -> None:
    """Load data/ttl (or the given .ttl files) into the store, one named graph per file."""
    from .resources import default_store_path, ttl_dir
    from .store import Store, fingerprint, write_stamp

    path = store_path or default_store_path()
    store = Store(path)
    if paths:
        total = 0
        for p in paths:
            if p.is_dir():
                counts = store.load_dir(p)
                total += sum(counts.values())
            else:
                total += store.load_file(p)
        click.echo(f"loaded {total} triples into {path}")
    else:
        data = ttl_dir()
        counts = store.load_dir(data)
        write_stamp(path, fingerprint(data))
        click.echo(f"loaded {sum(counts.values())} triples in {len(counts)} graphs into {path}")
    store.flush()


# -- queries ----------------------------------------------------------------------------------------------


@cli.command("queries")
def queries_cmd() -> None:
    """List the saved queries and their parameters."""
    from .query import list_queries

    for q in list_queries():
        params = " ".join(
            f"{p.name}:{p.type}" + (f"={p.default}" if p.default else ("?" if p.optional else "")) for p in q.params
        )
        click.echo(f"{q.name:40} {q.title}" + (f"  [{params}]" if params else ""))


def _parse_params(params: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in params:
        if "=" not in p:
            raise KglawError(f"--param {p!r}: expected NAME=VALUE")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=False)
        return
    from .build import write_atomically

    write_atomically(out, text.encode("utf-8"))
    click.echo(f"wrote {out}", err=True)


class _QueryCommand(click.Command):
    """``kglaw query NAME --help`` shows that query's header rather than the generic help."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and not args[0].startswith("-") and any(a in ("-h", "--help") for a in args[1:]):
            from .query import find_query, header_text

            try:
                click.echo(header_text(find_query(args[0])), nl=False)
            except KglawError as err:
                _fail(err)
            ctx.exit(0)
        return super().parse_args(ctx, args)


@cli.command(cls=_QueryCommand)
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, help="NAME=VALUE; repeat for several.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "md"]), default="table", show_default=True)
@click.option("-o", "--out", type=click.Path(path_type=Path, dir_okay=False), default=None, help="Write to FILE (atomically).")
@_store_option
@_data_option
def query(name: str, params: tuple[str, ...], fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None) -> None:
    """Run the saved query NAME (see 'kglaw queries'; 'kglaw query NAME --help' describes one)."""
    from .query import find_query, format_results, run_query

    saved = find_query(name)  # an unknown name fails before the store is touched
    given = _parse_params(params)
    store = open_graph_store(store_path, data_dir)
    _emit(format_results(run_query(store, saved, given), fmt), out)


@cli.command()
@click.argument("text", required=False)
@click.option("-f", "--file", "file", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "md"]), default="table", show_default=True)
@click.option("-o", "--out", type=click.Path(path_type=Path, dir_okay=False), default=None)
@_store_option
@_data_option
def sparql(text: str | None, file: Path | None, fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None) -> None:
    """Run an ad-hoc SPARQL query: kglaw sparql 'SELECT …' or kglaw sparql -f query.rq."""
    from .query import format_results, run_sparql

    if (text is None) == (file is None):
        raise KglawError("give the query as an argument or with -f FILE (not both)")
    q = file.read_text(encoding="utf-8") if file else text
    store = open_graph_store(store_path, data_dir)
    _emit(format_results(run_sparql(store, q or ""), fmt), out)


# -- reports ----------------------------------------------------------------------------------------------


@cli.group()
def report() -> None:
    """Reports (Markdown or self-contained HTML)."""


@report.command("lineage")
@click.argument("act")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--out", type=click.Path(path_type=Path, dir_okay=False), default=None)
@_store_option
@_data_option
def report_lineage(act: str, fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None) -> None:
    """The lineage report of ACT (an IRI, an adilet code or type/date/number)."""
    from .report import lineage_report

    store = open_graph_store(store_path, data_dir)
    _emit(lineage_report(store, act, fmt), out)


# -- parse and ingest --------------------------------------------------------------------------------------


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "ttl"]), default="json", show_default=True)
def parse(files: tuple[Path, ...], fmt: str) -> None:
    """Print what kglaw reads from FILES (JSON contract, or Turtle)."""
    from .build import build_corpus, serialize_turtle
    from .parse.document import parse_file
    from .parse.jsonout import document_to_json

    docs = []
    for f in files:
        if not f.is_file():
            raise KglawError(f"{f}: no such file")
        docs.append(parse_file(f))
    if fmt == "json":
        click.echo(json.dumps([document_to_json(d) for d in docs], ensure_ascii=False, indent=2))
        return
    result = build_corpus(docs)
    for stem in sorted(result.graphs):
        click.echo(serialize_turtle(result.graphs[stem]).decode("utf-8"), nl=False)


@cli.command()
@click.argument("n", type=click.IntRange(min=1))
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True, help="Directory to write into.")
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same corpus.")
def synth(n: int, out: Path, seed: int) -> None:
    """Write N synthetic acts (kk and ru) and their ground truth (ground-truth.jsonl) into OUT."""
    from .synth import generate_corpus

    gt = generate_corpus(n, out, seed)
    click.echo(f"{len(gt.documents)} documents and {gt.path.name} written to {out}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None, help="Output directory (default: data/ttl).")
@click.option("-j", "--jobs", type=int, default=None, help="Parallel parser processes (default: all cores).")
@click.option("--no-reference", is_flag=True, help="Leave out the ontology, authority and curated graphs.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[Path, ...], out: Path | None, jobs: int | None, no_reference: bool, quiet: bool) -> None:
    """Parse many files or whole directories into data/ttl-style output, with a progress bar.

    A document that fails never stops the batch; the summary counts files, documents, facts (triples),
    warnings and errors. Exit code 2 when any document failed.
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from .build import build_corpus, parse_paths, raw_files, reference_graphs, write_graphs
    from .resources import ttl_dir

    files = raw_files(list(paths))
    out = out or ttl_dir()
    console = Console(stderr=True)
    jobs = jobs or (os.cpu_count() or 1)
    with Progress(
        TextColumn("[bold]parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, disable=quiet or not console.is_terminal, transient=True,
    ) as progress:
        task = progress.add_task("parse", total=len(files))
        docs, errors = parse_paths(files, on_progress=lambda _f: progress.advance(task), jobs=jobs)
    result = build_corpus(docs)
    if not no_reference:
        result.graphs.update(reference_graphs())
    write_graphs(result.graphs, out)
    for w in result.warnings:
        click.echo(f"warning: {w}", err=True)
    for e in errors:
        click.echo(f"error: {e}", err=True)
    click.echo(
        f"files read: {len(files)}; documents: {len(docs)}; facts: {result.triples}; "
        f"warnings: {len(result.warnings)}; errors: {len(errors)}; output: {out}"
    )
    if errors:
        sys.exit(2)


def main() -> None:
    cli(prog_name="kglaw")
