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


def _endpoint_option(f: Any) -> Any:
    return click.option(
        "--endpoint",
        default=None,
        metavar="URL",
        help="Query this SPARQL 1.1 endpoint instead of the embedded store.",
    )(f)


def _graph_target(endpoint: str | None, store_path: Path | None, data_dir: Path | None):  # type: ignore[no-untyped-def]
    """What a reading command queries: a remote endpoint when given, else the embedded store."""
    if endpoint:
        from .remote import RemoteEndpoint

        return RemoteEndpoint(endpoint)
    return open_graph_store(store_path, data_dir)


def open_graph_store(store_path: Path | None, data_dir: Path | None, *, quiet: bool = False):  # type: ignore[no-untyped-def]
    """The embedded store, loaded from ``data/ttl`` first if it is new or ``data/ttl`` has changed."""
    from .ingest import INGESTED
    from .resources import default_store_path, ttl_dir
    from .store import Store, fingerprint, read_stamp, write_stamp

    path = store_path or default_store_path()
    data = data_dir or ttl_dir()
    fresh = not path.exists()
    store = Store(path)
    if data_dir is None and not fresh and read_stamp(path) == INGESTED:
        return store  # written by `kglaw ingest --store`: data/ttl is not its source
    want = fingerprint(data) if data.is_dir() else None
    if want is not None and (fresh or store.is_empty() or read_stamp(path) != want):
        counts = store.load_dir(data)
        store.flush()
        write_stamp(path, want)
        if not quiet:
            why = "new store" if fresh else "data changed"
            click.echo(
                f"kglaw: {why}: loaded {sum(counts.values())} triples from {data} into {path}", err=True
            )
    return store


# -- build, validate, load -------------------------------------------------------------------------------


@cli.command()
@click.option(
    "--raw",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Input texts (default: data/raw).",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Output directory (default: data/ttl).",
)
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
    click.echo(
        f"{'conforms' if report.conforms else 'does not conform'}: {n} violations, {w} warnings, {len(files)} files"
    )
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
            f"{p.name}:{p.type}" + (f"={p.default}" if p.default else ("?" if p.optional else ""))
            for p in q.params
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


def _check_params(saved: Any, given: dict[str, str]) -> None:
    """Type-check parameters without a store. Only an adilet code needs the graph to resolve; it is
    checked again, against the graph, when the query runs."""
    from .errors import QueryError
    from .identifiers import parse_adilet_code
    from .query import bind_params

    offline = {k: v for k, v in given.items() if not parse_adilet_code(v.strip())}
    try:
        bind_params(saved, offline)
    except QueryError as err:
        if any(saved.param(k).type == "act" and k not in offline for k in given) and "needs --param" in str(
            err
        ):
            return
        raise


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
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "md"]),
    default="table",
    show_default=True,
)
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to FILE (atomically).",
)
@_store_option
@_data_option
@_endpoint_option
def query(
    name: str,
    params: tuple[str, ...],
    fmt: str,
    out: Path | None,
    store_path: Path | None,
    data_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Run the saved query NAME (see 'kglaw queries'; 'kglaw query NAME --help' describes one)."""
    from .query import find_query, format_results, run_query

    saved = find_query(name)  # an unknown name fails before the store is touched
    given = _parse_params(params)
    _check_params(saved, given)  # so does a missing or ill-typed parameter
    store = _graph_target(endpoint, store_path, data_dir)
    _emit(format_results(run_query(store, saved, given), fmt), out)


@cli.command()
@click.argument("text", required=False)
@click.option(
    "-f", "--file", "file", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "md"]),
    default="table",
    show_default=True,
)
@click.option("-o", "--out", type=click.Path(path_type=Path, dir_okay=False), default=None)
@_store_option
@_data_option
@_endpoint_option
def sparql(
    text: str | None,
    file: Path | None,
    fmt: str,
    out: Path | None,
    store_path: Path | None,
    data_dir: Path | None,
    endpoint: str | None,
) -> None:
    """Run an ad-hoc SPARQL query: kglaw sparql 'SELECT …' or kglaw sparql -f query.rq."""
    from .query import format_results, run_sparql

    if (text is None) == (file is None):
        raise KglawError("give the query as an argument or with -f FILE (not both)")
    q = file.read_text(encoding="utf-8") if file else text
    store = _graph_target(endpoint, store_path, data_dir)
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
@_endpoint_option
def report_lineage(
    act: str, fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None, endpoint: str | None
) -> None:
    """The lineage report of ACT (an IRI, an adilet code or type/date/number)."""
    from .report import lineage_report

    store = _graph_target(endpoint, store_path, data_dir)
    _emit(lineage_report(store, act, fmt), out)


_REPORT_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True
)
_OUT = click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to FILE (atomically).",
)
_RESULT_FORMAT = click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json", "xml", "md"]),
    default="table",
    show_default=True,
)


@report.command("act")
@click.argument("act")
@click.option("--on", "on", default=None, help="Also give the act's status on this day (YYYY-MM-DD).")
@click.option(
    "--sources",
    "source_base",
    default="../data/raw",
    show_default=True,
    help="Where links to source lines point.",
)
@_REPORT_FORMAT
@_OUT
@_store_option
@_data_option
def report_act(
    act: str,
    on: str | None,
    source_base: str,
    fmt: str,
    out: Path | None,
    store_path: Path | None,
    data_dir: Path | None,
) -> None:
    """Everything the graph knows of ACT, each fact linked to its source lines."""
    from .reports_more import act_report

    _emit(act_report(open_graph_store(store_path, data_dir), act, fmt, on, source_base), out)


@report.command("agency")
@click.argument("agency")
@_REPORT_FORMAT
@_OUT
@_store_option
@_data_option
def report_agency(
    agency: str, fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None
) -> None:
    """AGENCY (slug, IRI, name or abbreviation): its measures across plans, due dates, names over time."""
    from .reports_more import agency_report

    _emit(agency_report(open_graph_store(store_path, data_dir), agency, fmt), out)


@report.command("changes")
@click.option("--from", "start", required=True, help="First day of the period (YYYY-MM-DD).")
@click.option("--to", "end", required=True, help="Last day of the period (YYYY-MM-DD).")
@_REPORT_FORMAT
@_OUT
@_store_option
@_data_option
def report_changes(
    start: str, end: str, fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None
) -> None:
    """Acts adopted, amended, repealed or expired in a period, and the measures falling due in it."""
    from .reports_more import changes_report

    _emit(changes_report(open_graph_store(store_path, data_dir), start, end, fmt), out)


# -- lineage analytics ------------------------------------------------------------------------------------


@cli.group()
def lineage() -> None:
    """Lineage analytics: ancestors, descendants, chains, cycles, status on a date, timelines.

    A lineage cycle is reported as an error with exit code 1 (the data do not conform).
    """


_RELATIONS = click.option(
    "-r",
    "--relation",
    "relations",
    multiple=True,
    type=click.Choice(["amends", "repeals", "based_on", "replaced_by"]),
    help="Follow only these relations (repeat; default: all four).",
)


@lineage.command("ancestors")
@click.argument("act")
@_RELATIONS
@_RESULT_FORMAT
@_OUT
@_store_option
@_data_option
def lineage_ancestors(
    act: str,
    relations: tuple[str, ...],
    fmt: str,
    out: Path | None,
    store_path: Path | None,
    data_dir: Path | None,
) -> None:
    """The acts ACT comes after: those it amends, repeals or rests on, and those it replaced, transitively."""
    from .lineage import act_names, ancestors, to_results
    from .query import format_results

    store = open_graph_store(store_path, data_dir)
    _emit(format_results(to_results(ancestors(store, act, relations or None), act_names(store)), fmt), out)


@lineage.command("descendants")
@click.argument("act")
@_RELATIONS
@_RESULT_FORMAT
@_OUT
@_store_option
@_data_option
def lineage_descendants(
    act: str,
    relations: tuple[str, ...],
    fmt: str,
    out: Path | None,
    store_path: Path | None,
    data_dir: Path | None,
) -> None:
    """The acts that come after ACT: those that amend, repeal or rest on it, or replaced it, transitively."""
    from .lineage import act_names, descendants, to_results
    from .query import format_results

    store = open_graph_store(store_path, data_dir)
    _emit(format_results(to_results(descendants(store, act, relations or None), act_names(store)), fmt), out)


@lineage.command("chains")
@click.option(
    "-n", "--limit", type=click.IntRange(min=0), default=10, show_default=True, help="How many (0: all)."
)
@_RELATIONS
@_RESULT_FORMAT
@_OUT
@_store_option
@_data_option
def lineage_chains(
    limit: int,
    relations: tuple[str, ...],
    fmt: str,
    out: Path | None,
    store_path: Path | None,
    data_dir: Path | None,
) -> None:
    """The longest lineage chains, longest first (exit 1 if the lineage has a cycle)."""
    from .lineage import longest_chains, to_results
    from .query import format_results

    _emit(
        format_results(
            to_results(longest_chains(open_graph_store(store_path, data_dir), relations or None, limit)), fmt
        ),
        out,
    )


@lineage.command("cycles")
@_RELATIONS
@_store_option
@_data_option
def lineage_cycles(relations: tuple[str, ...], store_path: Path | None, data_dir: Path | None) -> None:
    """Check the lineage for cycles: prints each one and exits 1 if there is any, else 0."""
    from .lineage import find_cycles

    cycles = find_cycles(open_graph_store(store_path, data_dir), relations or None)
    for c in cycles:
        click.echo(" → ".join(c + c[:1]))
    click.echo(f"{len(cycles)} lineage cycle{'s' if len(cycles) != 1 else ''}")
    sys.exit(1 if cycles else 0)


@lineage.command("status")
@click.option("--on", "on", required=True, help="The day (YYYY-MM-DD).")
@click.option("--act", "act", default=None, help="Only this act.")
@_RESULT_FORMAT
@_OUT
@_store_option
@_data_option
def lineage_status(
    on: str, act: str | None, fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None
) -> None:
    """The status of every act on a day, with the reason (repealed by X on D, expired, in force …)."""
    from .lineage import act_status_on, status_on, to_results
    from .query import format_results

    store = open_graph_store(store_path, data_dir)
    items = [act_status_on(store, act, on)] if act else status_on(store, on)
    _emit(format_results(to_results(items), fmt), out)


@lineage.command("timeline")
@click.argument("act")
@_RESULT_FORMAT
@_OUT
@_store_option
@_data_option
def lineage_timeline(
    act: str, fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None
) -> None:
    """The dated events of ACT: adoption, registration, entry into force, amendments, repeal, period."""
    from .lineage import act_timeline, to_results
    from .query import format_results

    _emit(format_results(to_results(act_timeline(open_graph_store(store_path, data_dir), act)), fmt), out)


# -- search, export, import ---------------------------------------------------------------------------------


@cli.command()
@click.argument("words", nargs=-1, required=True)
@click.option(
    "--lang", type=click.Choice(["kk", "ru", "en"]), default=None, help="Only texts in this language."
)
@click.option("-n", "--limit", type=click.IntRange(min=0), default=20, show_default=True)
@click.option("--passages", is_flag=True, help="Also search the documents' text (paragraphs, headings).")
@_RESULT_FORMAT
@_OUT
@_store_option
@_data_option
def search(
    words: tuple[str, ...],
    lang: str | None,
    limit: int,
    passages: bool,
    fmt: str,
    out: Path | None,
    store_path: Path | None,
    data_dir: Path | None,
) -> None:
    """Search titles, measure names and agency names; ranked, with type, date and status."""
    from .query import format_results
    from .search import hits_to_results
    from .search import search as search_graph

    target = open_graph_store(store_path, data_dir)
    hits = search_graph(target, " ".join(words), lang, limit, passages=passages)
    _emit(format_results(hits_to_results(hits), fmt), out)


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "nq", "trig", "jsonld"]),
    default="trig",
    show_default=True,
)
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Write to FILE, and its VoID/DCAT description to FILE.void.ttl (atomically).",
)
@_store_option
@_data_option
def export_cmd(fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None) -> None:
    """Export the graph (TriG and N-Quads keep one named graph per source document)."""
    from .export import export_graph, export_to_file

    store = open_graph_store(store_path, data_dir)
    if out is None:
        sys.stdout.buffer.write(export_graph(store, fmt))
        sys.stdout.flush()
        return
    data, void = export_to_file(store, fmt, out)
    click.echo(f"wrote {data} and {void}", err=True)


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--graph", default=None, help="Named graph for a triples file (default: …/graph/{file stem}).")
@_store_option
def import_cmd(file: Path, graph: str | None, store_path: Path | None) -> None:
    """Load any RDF file (TriG, N-Quads, Turtle, N-Triples, JSON-LD, RDF/XML) into the store."""
    from .export import import_file
    from .resources import default_store_path
    from .store import Store

    path = store_path or default_store_path()
    n = import_file(Store(path), file, graph)
    click.echo(f"loaded {n} triples from {file} into {path}")


@report.command("plan")
@click.argument("plan")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--out", type=click.Path(path_type=Path, dir_okay=False), default=None)
@_store_option
@_data_option
def report_plan(
    plan: str, fmt: str, out: Path | None, store_path: Path | None, data_dir: Path | None
) -> None:
    """The report of a programme, plan or concept: PLAN is its IRI or the act that approves it."""
    from .report import plan_report

    store = open_graph_store(store_path, data_dir)
    _emit(plan_report(store, plan, fmt), out)


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
@click.option(
    "--out", type=click.Path(path_type=Path, file_okay=False), required=True, help="Directory to write into."
)
@click.option("--seed", type=int, default=0, show_default=True, help="The same seed gives the same corpus.")
def synth(n: int, out: Path, seed: int) -> None:
    """Write N synthetic acts (kk and ru) and their ground truth (ground-truth.jsonl) into OUT."""
    from .synth import generate_corpus

    gt = generate_corpus(n, out, seed)
    click.echo(f"{len(gt.documents)} documents and {gt.path.name} written to {out}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Output directory (default: data/ttl).",
)
@click.option(
    "--store",
    "store_path",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Stream into this embedded store instead of writing Turtle (for large corpora).",
)
@click.option("-j", "--jobs", type=int, default=None, help="Parallel processes (default: all cores).")
@click.option("--batch", type=int, default=200, show_default=True, help="Documents per batch (with --store).")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation of the store (with --store).")
@click.option("--no-reference", is_flag=True, help="Leave out the ontology, authority and curated graphs.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[Path, ...],
    out: Path | None,
    store_path: Path | None,
    jobs: int | None,
    batch: int,
    no_validate: bool,
    no_reference: bool,
    quiet: bool,
) -> None:
    """Parse many files or whole directories into data/ttl-style output, or stream them into a store.

    With --store, documents are parsed and built on every core a batch at a time and loaded as they
    come (no document's graph stays in memory); a new store is written aside and put in place only
    when complete. A document that fails never stops the batch; the summary counts files, documents,
    facts (triples), warnings and errors. Exit code 2 when any document failed.
    """
    from rich.console import Console

    from .build import build_corpus, parse_paths, raw_files, reference_graphs, write_graphs
    from .resources import ttl_dir

    if store_path is not None and out is not None:
        raise click.UsageError("give either --out (Turtle files) or --store (an embedded store), not both")
    if batch < 1:
        raise click.UsageError("--batch must be at least 1")
    files = raw_files(list(paths))
    console = Console(stderr=True)
    jobs = jobs or (os.cpu_count() or 1)
    if store_path is not None:
        _ingest_store(files, store_path, jobs, batch, not no_validate, not no_reference, quiet, console)
        return
    out = out or ttl_dir()
    with _progress_bar(console, quiet, "parsing") as progress:
        task = progress.add_task("parse", total=len(files))
        docs, errors = parse_paths(files, on_progress=lambda _f: progress.advance(task), jobs=jobs)
    result = build_corpus(docs)
    if not no_reference:
        result.graphs.update(reference_graphs())
    write_graphs(result.graphs, out)
    _echo_problems(result.warnings, errors)
    click.echo(
        f"files read: {len(files)}; documents: {len(docs)}; facts: {result.triples}; "
        f"warnings: {len(result.warnings)}; errors: {len(errors)}; output: {out}"
    )
    if errors:
        sys.exit(2)


def _ingest_store(
    files: list[Path],
    store_path: Path,
    jobs: int,
    batch: int,
    validate: bool,
    reference: bool,
    quiet: bool,
    console: Any,
) -> None:
    import time

    from .ingest import ingest_store

    t0 = time.perf_counter()
    with _progress_bar(console, quiet, "{task.description:<8}") as progress:
        tasks = {stage: progress.add_task(stage, total=len(files)) for stage in ("parse", "build")}
        result = ingest_store(
            files,
            store_path,
            jobs=jobs,
            batch=batch,
            validate=validate,
            with_reference=reference,
            on_progress=lambda stage, n: progress.advance(tasks[stage], n),
        )
    _echo_problems(result.warnings, result.errors)
    shacl = (
        f"; SHACL: {result.violations} violations, {result.shacl_warnings} warnings"
        if result.violations is not None
        else ""
    )
    click.echo(
        f"files read: {result.files}; documents: {result.documents}; facts: {result.triples}; "
        f"{'quads in store' if result.fresh else 'quads written'}: {result.quads}; "
        f"warnings: {len(result.warnings)}; errors: {len(result.errors)}"
        f"{shacl}; store: {store_path} ({'new' if result.fresh else 'updated'}, "
        f"{time.perf_counter() - t0:.1f} s)"
    )
    if result.errors:
        sys.exit(2)


def _progress_bar(console: Any, quiet: bool, label: str) -> Any:
    """A transient progress bar on stderr (off with --quiet or when stderr is not a terminal)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(
        TextColumn(f"[bold]{label}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=quiet or not console.is_terminal,
        transient=True,
    )


def _echo_problems(warnings: list[str], errors: list[str]) -> None:
    for w in warnings:
        click.echo(f"warning: {w}", err=True)
    for e in errors:
        click.echo(f"error: {e}", err=True)


# -- serving and remote engines ------------------------------------------------------------------------


@cli.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (loopback unless told otherwise).",
)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option(
    "--timeout",
    type=float,
    default=30.0,
    show_default=True,
    help="Seconds a query may run; then it is stopped (HTTP 503).",
)
@click.option(
    "--max-results",
    type=int,
    default=10_000,
    show_default=True,
    help="Most rows (or triples) in one answer; more is refused.",
)
@click.option("--workers", type=int, default=None, help="Query worker processes (default: 2 to 4, by CPUs).")
@_store_option
@_data_option
def serve_cmd(
    host: str,
    port: int,
    timeout: float,
    max_results: int,
    workers: int | None,
    store_path: Path | None,
    data_dir: Path | None,
) -> None:
    """Serve the graph: a read-only SPARQL 1.1 endpoint at /sparql and the query page at /."""
    from .serve import serve

    store = open_graph_store(store_path, data_dir)
    click.echo(
        f"kglaw: serving {store.path} on http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops", err=True
    )
    serve(store, host=host, port=port, timeout=timeout, max_results=max_results, workers=workers)


@cli.command("push")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, exists=True))
@click.option(
    "--endpoint",
    default=None,
    metavar="URL",
    help="The engine's query endpoint (its graph store is known for Oxigraph, Virtuoso, Fuseki).",
)
@click.option(
    "--graph-store",
    default=None,
    metavar="URL",
    help="SPARQL 1.1 Graph Store URL (one PUT ?graph=… per graph).",
)
@click.option("--user", default=None, help="User name (Basic or Digest authentication).")
@click.option("--password", default=None, envvar="KGLAW_PASSWORD", help="Password (or set KGLAW_PASSWORD).")
@click.option(
    "--retries", type=int, default=3, show_default=True, help="Retries per graph, with exponential backoff."
)
@click.option(
    "--backoff",
    type=float,
    default=1.0,
    show_default=True,
    help="Seconds before the first retry (doubled each time).",
)
def push_cmd(
    paths: tuple[Path, ...],
    endpoint: str | None,
    graph_store: str | None,
    user: str | None,
    password: str | None,
    retries: int,
    backoff: float,
) -> None:
    """Upload one named graph per data file (default: data/ttl) to a SPARQL 1.1 graph store. Each graph
    is replaced whole, so a push stopped half-way leaves no graph half-written; pushing again completes it."""
    from .remote import push
    from .resources import ttl_dir

    if not endpoint and not graph_store:
        raise KglawError("give --endpoint URL or --graph-store URL")
    files: list[Path] = []
    for p in paths or (ttl_dir(),):
        files += sorted(p.glob("*.ttl")) if p.is_dir() else [p]

    def progress(graph: str, ok: bool) -> None:
        click.echo(f"{'pushed' if ok else 'FAILED'}  {graph}", err=True)

    report = push(files, endpoint, graph_store, user, password, retries, backoff, on_graph=progress)
    click.echo(report.summary())
    if not report.ok:
        sys.exit(2)


def main() -> None:
    cli(prog_name="kglaw")
