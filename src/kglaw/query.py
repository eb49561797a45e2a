"""Saved SPARQL queries: headers, typed parameters bound as RDF terms, and result formats.

A saved query is one ``queries/NAME.rq`` file whose header is a block of comment lines::

    # title: Acts repealed by an act
    # description: Every act that ACT repealed, with the date it stopped being in force.
    # param: act act = code/rk/2023-04-20/224-VII — the repealing act (IRI, adilet code or type/date/number)

``# param: NAME TYPE [= DEFAULT] — MEANING``; TYPE is one of ``iri``, ``act``, ``agency``, ``date``,
``string``, ``integer``, ``decimal``, ``lang`` (an optional parameter ends in ``?`` and stays unbound when
not given). Values are bound as RDF terms through SPARQL substitution (SEP-0007), never pasted into the
query text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import IdentifierError, QueryError
from .namespaces import BASE, PREFIXES, XSD
from .resources import queries_dir

__all__ = [
    "Param",
    "SavedQuery",
    "Results",
    "load_query",
    "list_queries",
    "bind_params",
    "run_query",
    "run_sparql",
    "format_results",
    "FORMATS",
    "resolve_act_iri",
]

FORMATS = ("table", "csv", "tsv", "json", "xml", "md")
PARAM_TYPES = ("iri", "act", "agency", "date", "string", "integer", "decimal", "lang")

_HEADER_RE = re.compile(r"^#\s?(?P<key>[a-z]+)\s*:\s*(?P<value>.*)$")  # a field: "# key:"; "#   …" continues
_PARAM_RE = re.compile(
    r"""^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+   # variable name, bound as ?name
    (?P<type>[a-z]+)(?P<optional>\?)?          # type; '?' marks an optional parameter
    (?:\s*=\s*(?P<default>\S+))?               # default value, no spaces
    \s*(?:—|--|-)\s*(?P<doc>.+)$               # what it means
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    doc: str
    default: str | None = None
    optional: bool = False


@dataclass
class SavedQuery:
    name: str
    title: str
    description: str
    params: list[Param]
    text: str
    path: Path | None = None

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (it has: {self._names()})")

    def _names(self) -> str:
        return ", ".join(p.name for p in self.params) or "none"


def load_query(path: Path) -> SavedQuery:
    """Read one ``.rq`` file. A malformed header is a QueryError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise QueryError(f"{path}: cannot read query: {err}") from None
    meta: dict[str, str] = {}
    params: list[Param] = []
    last: str | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        m = _HEADER_RE.match(line)
        if not m:
            cont = re.match(r"^#\s{2,}(\S.*)$", line)
            if cont and last in ("title", "description"):
                meta[last] = (meta[last] + " " + cont.group(1).strip()).strip()
            elif cont and last == "param":
                raise QueryError(f"{path}:{lineno}: a parameter must fit on one line")
            continue  # free comment
        last = m.group("key")
        key, value = m.group("key"), m.group("value").strip()
        if key == "param":
            pm = _PARAM_RE.match(value)
            if not pm:
                raise QueryError(
                    f"{path}:{lineno}: bad parameter line, expected 'NAME TYPE [= DEFAULT] — MEANING'"
                )
            if pm.group("type") not in PARAM_TYPES:
                raise QueryError(f"{path}:{lineno}: unknown parameter type {pm.group('type')!r}")
            params.append(
                Param(
                    pm.group("name"),
                    pm.group("type"),
                    pm.group("doc").strip(),
                    pm.group("default"),
                    bool(pm.group("optional")),
                )
            )
        elif key in ("title", "description"):
            meta[key] = (meta.get(key, "") + " " + value).strip()
        else:
            raise QueryError(f"{path}:{lineno}: unknown header field {key!r}")
    for required in ("title", "description"):
        if required not in meta:
            raise QueryError(f"{path}:1: the header has no '# {required}:' line")
    for p in params:
        if not re.search(rf"\?{p.name}\b", text):
            raise QueryError(f"{path}: parameter {p.name!r} is not used as ?{p.name} in the query")
    return SavedQuery(path.stem, meta["title"], meta["description"], params, text, path)


def list_queries(directory: Path | None = None) -> list[SavedQuery]:
    directory = directory or queries_dir()
    return [load_query(p) for p in sorted(directory.glob("*.rq"), key=lambda p: p.stem)]  # by name


def find_query(name: str, directory: Path | None = None) -> SavedQuery:
    directory = directory or queries_dir()
    path = directory / f"{name}.rq"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name) or not path.is_file():
        known = ", ".join(p.stem for p in sorted(directory.glob("*.rq")))
        raise QueryError(f"unknown query {name!r}; known queries: {known}")
    return load_query(path)


# -- parameters ----------------------------------------------------------------------------------


_BY_ADILET = "SELECT ?act WHERE { ?act <http://data.europa.eu/eli/ontology#id_local> ?code }"


def resolve_act_iri(value: str, target: Any = None) -> str:
    """An act given as an IRI, an adilet code, or ``type/[issuer/]date/number`` → its IRI.

    An adilet code is looked up in the graph (``eli:id_local``), so ``target`` is needed for it.
    """
    from .identifiers import ActId, parse_adilet_code

    v = value.strip()
    if v.startswith(("http://", "https://")):
        return v
    if parse_adilet_code(v):
        if target is not None:
            found = run_sparql(target, _BY_ADILET, {"code": Literal(v)})
            iris = sorted({str(r[0]) for r in found.rows if r[0] is not None})
            if len(iris) == 1:
                return iris[0]
        raise QueryError(f"no act with adilet code {v!r} is known")
    try:
        return ActId.parse(v).format()
    except IdentifierError as err:
        raise QueryError(f"{err}; give an IRI, an adilet code or type/date/number") from None


def resolve_agency_iri(value: str) -> str:
    v = value.strip()
    if v.startswith(("http://", "https://")):
        return v
    if re.fullmatch(r"[a-z0-9][a-z0-9-]*", v):
        return f"{BASE}agency/{v}"
    from .agencies import resolve_agency

    iri = resolve_agency(v)
    if not iri:
        raise QueryError(f"no agency matches {v!r}")
    return iri


_IRI_RE = re.compile(r"[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*")


def _iri(value: str) -> URIRef:
    """An IRI term, refusing characters that IRIs may not contain (RFC 3987)."""
    if not _IRI_RE.fullmatch(value):
        raise ValueError("not an absolute IRI")
    return URIRef(value)


def _term(p: Param, raw: str, target: Any = None) -> Node:
    try:
        if p.type == "iri":
            return _iri(raw)
        if p.type == "act":
            return _iri(resolve_act_iri(raw, target))
        if p.type == "agency":
            return _iri(resolve_agency_iri(raw))
        if p.type == "date":
            return Literal(date.fromisoformat(raw).isoformat(), datatype=XSD.date)
        if p.type == "integer":
            return Literal(str(int(raw)), datatype=XSD.integer)
        if p.type == "decimal":
            return Literal(str(Decimal(raw)), datatype=XSD.decimal)
        if p.type == "lang":
            if not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z0-9]+)*", raw):
                raise ValueError("not a language tag")
            return Literal(raw)
        return Literal(raw)
    except (ValueError, InvalidOperation) as err:
        raise QueryError(f"parameter {p.name}: {raw!r} is not a valid {p.type} ({err})") from None


def bind_params(query: SavedQuery, given: dict[str, str], target: Any = None) -> dict[str, Node]:
    """Check and type the parameters; defaults fill the gaps; optional ones may stay unbound."""
    bound: dict[str, Node] = {}
    for name in given:
        query.param(name)  # unknown names are an error
    for p in query.params:
        raw = given.get(p.name, p.default)
        if raw is None:
            if p.optional:
                continue
            raise QueryError(f"query {query.name!r} needs --param {p.name}=… ({p.type}: {p.doc})")
        bound[p.name] = _term(p, raw, target)
    return bound


# -- results -------------------------------------------------------------------------------------


@dataclass
class Results:
    """SELECT results (``vars``, ``rows``), an ASK answer (``boolean``), or CONSTRUCT triples."""

    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] | None = None

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, Node | None]]:
        return [dict(zip(self.vars, r)) for r in self.rows]

    def column(self, name: str) -> list[Node | None]:
        i = self.vars.index(name)
        return [r[i] for r in self.rows]


def _from_ox(term: Any) -> Node | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise QueryError(f"unsupported term in results: {term!r}")


def _to_ox(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"cannot bind {term!r}")


def results_from_oxigraph(res: Any) -> Results:
    if isinstance(res, ox.QueryBoolean):
        return Results(boolean=bool(res))
    if isinstance(res, ox.QueryTriples):
        triples = [(_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)) for t in res]
        return Results(triples=triples)  # type: ignore[arg-type]  # no term of a triple is ever None
    names = [v.value for v in res.variables]
    rows = [tuple(_from_ox(sol[n]) for n in names) for sol in res]
    return Results(vars=names, rows=rows)


def results_from_rdflib(res: Any) -> Results:
    if res.type == "ASK":
        return Results(boolean=bool(res.askAnswer))
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return Results(triples=list(res.graph))
    names = [str(v) for v in res.vars]
    return Results(vars=names, rows=[tuple(row) for row in res])


def run_sparql(target: Any, sparql: str, bindings: Mapping[str, Node] | None = None) -> Results:
    """Run SPARQL on a kglaw Store, an rdflib Graph/Dataset, or a RemoteEndpoint, binding terms."""
    from .store import Store

    bindings = bindings or {}
    if bindings and not hasattr(target, "select"):
        from .remote import bind_subselects

        sparql = bind_subselects(sparql, bindings)  # the same answer; sub-SELECTs start from the parameter
    if isinstance(target, Store):
        try:
            res = target.query(sparql, {k: _to_ox(v) for k, v in bindings.items()})
        except RuntimeError as err:
            # Oxigraph substitutes only variables of the SELECT projection; bind the others with a
            # VALUES block at the head of the outermost group, which means the same (SEP-0007), and at
            # the head of each branch of its UNIONs: Oxigraph evaluates a UNION before joining it with
            # the block, so every branch would start from every act.
            if "projection" not in str(err) or not bindings:
                raise QueryError(f"SPARQL error: {err}") from None
            from .remote import bind_unions

            res = target.query(_with_values(bind_unions(sparql, bindings), bindings))
        return results_from_oxigraph(res)
    if hasattr(target, "query") and hasattr(target, "triples"):  # rdflib
        try:
            res = target.query(sparql, initBindings=bindings)
        except Exception as err:  # rdflib raises pyparsing errors and others
            raise QueryError(f"SPARQL error: {err}") from None
        return results_from_rdflib(res)
    if hasattr(target, "select"):  # a remote endpoint
        return target.select(sparql, bindings)
    raise QueryError(f"cannot run SPARQL on {type(target).__name__}")


def _with_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """Insert ``VALUES (?a …) { (t …) }`` after the ``{`` that opens the query's WHERE clause.

    The scan skips IRIs, strings and comments; for CONSTRUCT the template's braces come first.
    """
    i, n, depth, opened = 0, len(sparql), 0, 0
    construct = re.search(r"\bCONSTRUCT\s*\{", sparql, re.IGNORECASE) is not None
    while i < n:
        ch = sparql[i]
        if ch == "#":
            i = sparql.find("\n", i)
            i = n if i < 0 else i
            continue
        if ch == "<" and re.match(r"<[^\s<>\"{}|^`]*>", sparql[i:]):
            i = sparql.index(">", i) + 1
            continue
        if ch in "\"'":
            m = re.match(
                r'("""(?:[^\\]|\\.)*?"""|\'\'\'(?:[^\\]|\\.)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')',
                sparql[i:],
                re.S,
            )
            i += len(m.group(0)) if m else 1
            continue
        if ch == "{":
            if depth == 0:
                opened += 1
                if opened == (2 if construct else 1):
                    names = sorted(bindings)
                    row = " ".join(bindings[k].n3() for k in names)
                    values = f" VALUES ({' '.join('?' + k for k in names)}) {{ ({row}) }} "
                    return sparql[: i + 1] + values + sparql[i + 1 :]
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    raise QueryError("cannot bind parameters: the query has no WHERE clause")


def run_query(target: Any, name: str | SavedQuery, params: dict[str, str] | None = None) -> Results:
    """Run a saved query by name with string parameters (typed and bound here)."""
    q = name if isinstance(name, SavedQuery) else find_query(name)
    return run_sparql(target, q.text, bind_params(q, params or {}, target))


# -- formatting ----------------------------------------------------------------------------------

_COMPACT = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
_COMPACT.insert(0, (BASE + "eli/kz/", "act:"))


def compact(term: Node | None) -> str:
    """A short human form: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        for ns, prefix in _COMPACT:
            if s.startswith(ns):
                return (prefix if prefix.endswith(":") else prefix + ":") + s[len(ns) :]
        return s
    return str(term)


def _width(s: str) -> int:
    """Display width in a terminal: combining marks take no room, wide East Asian characters two."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _width(s))


def _cell(term: Node | None, limit: int | None) -> str:
    s = compact(term).replace("\n", " ")
    if limit and _width(s) > limit:
        s = s[: limit - 1] + "…"
    return s


def _sparql_json(r: Results) -> str:
    if r.boolean is not None:
        return json.dumps({"head": {}, "boolean": r.boolean}, ensure_ascii=False, indent=2)

    def enc(t: Node) -> dict[str, str]:
        if isinstance(t, URIRef):
            return {"type": "uri", "value": str(t)}
        if isinstance(t, BNode):
            return {"type": "bnode", "value": str(t)}
        assert isinstance(t, Literal)
        d = {"type": "literal", "value": str(t)}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype and str(t.datatype) != str(XSD.string):
            d["datatype"] = str(t.datatype)
        return d

    bindings = [{v: enc(t) for v, t in zip(r.vars, row) if t is not None} for row in r.rows]
    return json.dumps(
        {"head": {"vars": r.vars}, "results": {"bindings": bindings}}, ensure_ascii=False, indent=2
    )


def _sparql_xml(r: Results) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
        "  <head>",
    ]
    for v in r.vars:
        out.append(f'    <variable name="{xml_escape(v)}"/>')
    out.append("  </head>")
    if r.boolean is not None:
        out.append(f"  <boolean>{'true' if r.boolean else 'false'}</boolean>")
    else:
        out.append("  <results>")
        for row in r.rows:
            out.append("    <result>")
            for v, t in zip(r.vars, row):
                if t is None:
                    continue
                if isinstance(t, URIRef):
                    val = f"<uri>{xml_escape(str(t))}</uri>"
                elif isinstance(t, BNode):
                    val = f"<bnode>{xml_escape(str(t))}</bnode>"
                else:
                    assert isinstance(t, Literal)
                    attrs = ""
                    if t.language:
                        attrs = f' xml:lang="{t.language}"'
                    elif t.datatype and str(t.datatype) != str(XSD.string):
                        attrs = f' datatype="{xml_escape(str(t.datatype))}"'
                    val = f"<literal{attrs}>{xml_escape(str(t))}</literal>"
                out.append(f'      <binding name="{xml_escape(v)}">{val}</binding>')
            out.append("    </result>")
        out.append("  </results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def _csv(r: Results, delimiter: str) -> str:
    buf = io.StringIO()
    if delimiter == "\t":
        # SPARQL 1.1 TSV: terms in their SPARQL/Turtle form.
        buf.write("\t".join("?" + v for v in r.vars) + "\n")
        for row in r.rows:
            buf.write("\t".join(_tsv_term(t) for t in row) + "\n")
        return buf.getvalue()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(r.vars)
    for row in r.rows:
        w.writerow(["" if t is None else str(t) for t in row])
    return buf.getvalue()


def _tsv_term(t: Node | None) -> str:
    if t is None:
        return ""
    if isinstance(t, URIRef):
        return f"<{t}>"
    if isinstance(t, BNode):
        return f"_:{t}"
    assert isinstance(t, Literal)
    lex = (
        str(t)
        .replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )
    if t.language:
        return f'"{lex}"@{t.language}'
    if t.datatype and str(t.datatype) != str(XSD.string):
        if str(t.datatype) == str(XSD.integer) and re.fullmatch(r"[+-]?\d+", str(t)):
            return str(t)
        return f'"{lex}"^^<{t.datatype}>'
    return f'"{lex}"'


def _table(r: Results, limit: int | None = 60, md: bool = False) -> str:
    if r.boolean is not None:
        return ("true" if r.boolean else "false") + "\n"
    cells = [[_cell(t, None if md else limit) for t in row] for row in r.rows]
    if md:

        def esc(s: str) -> str:
            return s.replace("|", "\\|")

        lines = ["| " + " | ".join(r.vars) + " |", "|" + "|".join("---" for _ in r.vars) + "|"]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    widths = [max([_width(v)] + [_width(row[i]) for row in cells]) for i, v in enumerate(r.vars)]
    head = "  ".join(_pad(v, widths[i]) for i, v in enumerate(r.vars)).rstrip()
    rule = "  ".join("─" * w for w in widths)
    body = ["  ".join(_pad(c, widths[i]) for i, c in enumerate(row)).rstrip() for row in cells]
    n = len(r.rows)
    return "\n".join([head, rule, *body, f"({n} row{'s' if n != 1 else ''})"]) + "\n"


def format_results(r: Results, fmt: str = "table") -> str:
    """Render results as ``table``, ``csv``, ``tsv``, ``json`` (SPARQL 1.1 JSON), ``xml`` or ``md``."""
    if r.triples is not None:
        from rdflib import Graph

        from .namespaces import bind_prefixes

        g = Graph()
        bind_prefixes(g)
        for t in r.triples:
            g.add(t)
        return g.serialize(format="turtle")
    if fmt == "table":
        return _table(r)
    if fmt == "md":
        return _table(r, md=True)
    if fmt == "csv":
        return _csv(r, ",")
    if fmt == "tsv":
        return _csv(r, "\t")
    if fmt == "json":
        return _sparql_json(r) + "\n"
    if fmt == "xml":
        return _sparql_xml(r)
    raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def parse_sparql_json(text: str) -> Results:
    """Read SPARQL 1.1 JSON results (a golden file, or a remote endpoint's answer)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise QueryError(f"not SPARQL JSON results: {err}") from None
    if "boolean" in data:
        return Results(boolean=bool(data["boolean"]))
    try:
        names = list(data["head"]["vars"])
        rows: list[tuple[Node | None, ...]] = []
        for b in data["results"]["bindings"]:
            row: list[Node | None] = []
            for v in names:
                t = b.get(v)
                if t is None:
                    row.append(None)
                elif t["type"] == "uri":
                    row.append(URIRef(t["value"]))
                elif t["type"] == "bnode":
                    row.append(BNode(t["value"]))
                else:
                    row.append(
                        Literal(
                            t["value"],
                            lang=t.get("xml:lang"),
                            datatype=URIRef(t["datatype"]) if t.get("datatype") else None,
                        )
                    )
            rows.append(tuple(row))
    except (KeyError, TypeError) as err:
        raise QueryError(f"malformed SPARQL JSON results: missing {err}") from None
    return Results(vars=names, rows=rows)


def canonical_rows(r: Results) -> list[tuple[str, ...]]:
    """Rows as sorted tuples of N-Triples-like strings, for order-insensitive comparison."""
    return sorted(tuple(_tsv_term(_canon(t)) for t in row) for row in r.rows)


def _canon(t: Node | None) -> Node | None:
    """Normalise literal lexical forms (e.g. 1.0 vs 1.00 decimals) so engines compare equal."""
    if isinstance(t, Literal) and t.datatype is not None and not t.language:
        if str(t.datatype) in (str(XSD.decimal), str(XSD.integer)):
            try:
                d = Decimal(str(t)).normalize()
                return Literal(format(d, "f"), datatype=t.datatype)
            except InvalidOperation:
                return t
    return t


def header_text(q: SavedQuery) -> str:
    """The help of one saved query, as ``kglaw query NAME --help`` prints it."""
    lines = [f"{q.name}: {q.title}", "", q.description, ""]
    if q.params:
        lines.append("Parameters:")
        for p in q.params:
            default = (
                f" (default: {p.default})" if p.default else (" (optional)" if p.optional else " (required)")
            )
            lines.append(f"  {p.name} [{p.type}]{default}: {p.doc}")
    else:
        lines.append("Parameters: none")
    return "\n".join(lines) + "\n"
