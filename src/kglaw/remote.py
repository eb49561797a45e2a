"""Remote SPARQL engines: query any SPARQL 1.1 endpoint, and push the graphs to a graph store.

* ``RemoteEndpoint(url).select(sparql, bindings)`` runs a query through SPARQLWrapper. The SPARQL 1.1
  Protocol has no parameter substitution, so bound parameters travel as a ``VALUES`` block put at the
  start of the query's outer ``WHERE`` group, each value written as an escaped RDF term: a parameter
  can only ever be a term, never more query text.
* ``push(files, graph_store=…)`` uploads one named graph per data file with the SPARQL 1.1 Graph Store
  HTTP Protocol (https://www.w3.org/TR/sparql11-http-rdf-update/): one ``PUT`` per graph, which
  replaces the graph whole. A ``PUT`` of a complete body is atomic on the server, so a push that stops
  half-way leaves each graph either old or new, never half-written; kglaw never sends partial data
  (no ``POST`` of pieces, no ``PATCH``). Failures are retried with exponential backoff; the report says
  which graphs were pushed and which were not, and pushing again completes the rest.
"""

from __future__ import annotations

import http.client
import io
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .errors import EndpointError, QueryError
from .query import Results, parse_sparql_json
from .store import graph_iri_for

__all__ = [
    "PushReport",
    "RemoteEndpoint",
    "bind_values",
    "default_graph_store",
    "push",
    "query_form",
    "sparql_term",
    "sparql_tokens",
]

# -- SPARQL text -----------------------------------------------------------------------------------

#: SPARQL 1.1 terminals that can hide a keyword or a brace: strings, IRIs, comments, variables and
#: prefixed names; everything else that looks like a word is a keyword or a function name.
TOKEN_RE = re.compile(
    r"""
    (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''        # long strings first
      |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n\r]|\\.)*'                        # short strings
      |"(?:[^"\\\n\r]|\\.)*")
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)             # IRIREF (a '<' followed by a space is less-than)
    |(?P<comment>\#[^\n\r]*)
    |(?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
    |(?P<pname>[^\W\d][\w.\-]*:[\w.\-:%\\]*|:[\w.\-:%\\]*|_:[\w.\-]+)   # prefixed names, blank nodes
    |(?P<word>[^\W\d][\w\-]*)                       # keywords and function names
    |(?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


def sparql_tokens(sparql: str) -> Iterable[re.Match[str]]:
    """The SPARQL tokens of a query (comments included), with their kind as the match's ``lastgroup``."""
    return TOKEN_RE.finditer(sparql)


def query_form(sparql: str) -> str:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``: the first such keyword outside strings, IRIs
    and comments (SPARQLWrapper's own guess reads words in comments and strings too).

    >>> query_form('# created by hand\\nPREFIX x: <http://x/insert> SELECT ("DELETE" AS ?d) {}')
    'SELECT'
    """
    for m in sparql_tokens(sparql):
        if m.lastgroup == "word" and m.group().upper() in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK"):
            return m.group().upper()
    raise QueryError("not a SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK")


_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_term(term: Node) -> str:
    """An RDF term in SPARQL syntax, escaped so that it can only be read back as that one term.

    >>> sparql_term(Literal('x" } ; DROP ALL #', lang="kk"))
    '"x\\\\" } ; DROP ALL #"@kk'
    >>> sparql_term(URIRef("https://w3id.org/kglaw/eli/kz/law/rk/2020-01-01/1"))
    '<https://w3id.org/kglaw/eli/kz/law/rk/2020-01-01/1>'
    """
    if isinstance(term, URIRef):
        s = str(term)
        if not re.fullmatch(r"[^<>\"{}|^`\\\x00-\x20]*", s):
            raise QueryError(f"not a valid IRI: {s!r}")
        return f"<{s}>"
    if isinstance(term, Literal):
        lex = "".join(_ECHAR.get(c, c) for c in str(term))
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
                raise QueryError(f"not a language tag: {term.language!r}")
            return f'"{lex}"@{term.language}'
        if term.datatype is not None and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f'"{lex}"^^{sparql_term(URIRef(term.datatype))}'
        return f'"{lex}"'
    if isinstance(term, BNode):
        raise QueryError("a blank node cannot be bound as a parameter")
    raise QueryError(f"cannot bind {term!r}")


def values_block(bindings: Mapping[str, Node], names: list[str]) -> str:
    """``VALUES (?a ?b) { (t1 t2) }`` binding ``names`` to their terms in ``bindings``."""
    return (
        "VALUES ("
        + " ".join("?" + n for n in names)
        + ") { ("
        + " ".join(sparql_term(bindings[n]) for n in names)
        + ") }"
    )


def bind_values(sparql: str, bindings: dict[str, Node]) -> str:
    """Bind parameters as RDF terms, the way SPARQL 1.1 Protocol endpoints can take them.

    Two steps, both on SPARQL tokens (never inside strings, IRIs or comments):

    1. a variable that a triple pattern of the outer ``WHERE`` group uses (or of a group inside it:
       ``OPTIONAL``, ``UNION``, ``EXISTS`` …) is replaced by its term throughout that group, patterns
       and expressions alike, as a substitution would: engines that want a constant start for a
       property path (Virtuoso) get one. Sub-``SELECT``s, which have their own scope, are left alone;
    2. a ``VALUES`` block at the start of that group binds the variables, for the projection, the
       sub-``SELECT``s, ``GROUP BY``/``ORDER BY``, and the variables that only expressions use (which
       stay variables: some engines, Virtuoso among them, compare a constant in a nested ``FILTER``
       differently from a bound variable).

    (In the short form ``CONSTRUCT WHERE { … }`` the block goes at the end of the query.)

    >>> bind_values("SELECT ?t WHERE { ?act <http://x/title> ?t }", {"act": URIRef("http://x/a")})
    'SELECT ?t WHERE { VALUES (?act) { (<http://x/a>) } <http://x/a> <http://x/title> ?t }'
    """
    if not bindings:
        return sparql
    names = sorted(bindings)
    terms = {n: sparql_term(bindings[n]) for n in names}
    block = values_block(bindings, names)
    tokens = [m for m in sparql_tokens(sparql) if m.lastgroup != "comment"]
    form_at = next(
        (
            i
            for i, m in enumerate(tokens)
            if m.lastgroup == "word" and m.group().upper() in ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
        ),
        None,
    )
    if form_at is None:
        raise QueryError("cannot bind parameters: the query has no SELECT, CONSTRUCT, DESCRIBE or ASK")
    i = form_at + 1
    short_construct = False
    if tokens[form_at].group().upper() == "CONSTRUCT" and i < len(tokens):
        if tokens[i].group() == "{":  # the template: skip it
            depth = 0
            while i < len(tokens):
                depth += {"{": 1, "}": -1}.get(tokens[i].group(), 0)
                i += 1
                if depth == 0:
                    break
        elif tokens[i].group().upper() == "WHERE":
            short_construct = True
    while i < len(tokens) and tokens[i].group() != "{":
        i += 1
    if i == len(tokens):
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    start = i
    # Step 1: find the occurrences of bound variables in the outer group (not in sub-SELECTs, which have
    # their own scope, nor as ``AS ?x`` targets or in VALUES variable lists), noting which are in a
    # triple pattern (outside parentheses) and which in an expression.
    seen: list[tuple[int, int, str, bool]] = []
    parens = [0]  # parenthesis depth within each open group
    skip_until, in_values = None, False
    for j in range(start, len(tokens)):
        tok = tokens[j]
        text = tok.group()
        if text == "{":
            parens.append(0)
        elif text == "}":
            parens.pop()
            if skip_until is not None and len(parens) < skip_until:
                skip_until = None
            if len(parens) == 1:
                break
        elif text == "(":
            parens[-1] += 1
        elif text == ")":
            parens[-1] -= 1
        if skip_until is not None:
            continue
        if tok.lastgroup == "word":
            word = text.upper()
            if word == "SELECT":
                skip_until = len(parens)  # a sub-SELECT, up to the brace that encloses it
            if word == "VALUES":
                in_values = True
            continue
        if in_values:
            if text == "{":
                in_values = False
            continue
        if tok.lastgroup == "var" and text[1:] in terms and tokens[j - 1].group().upper() != "AS":
            seen.append((tok.start(), tok.end(), text[1:], parens[-1] == 0))
    # A variable that a triple pattern uses is replaced everywhere in the group, as a substitution
    # would; one that only expressions use stays a variable, bound by the VALUES block alone.
    in_patterns = {name for _, _, name, pattern in seen if pattern}
    edits = [(a, b, terms[name]) for a, b, name, _ in seen if name in in_patterns]
    out = sparql
    for a, b, term in reversed(edits):
        out = out[:a] + term + out[b:]
    if short_construct:
        return out.rstrip() + "\n" + block + "\n"
    at = tokens[start].end()
    return out[:at] + " " + block + out[at:]


def bind_unions(sparql: str, bindings: Mapping[str, Node]) -> str:
    """Bind parameters at the start of each branch of the ``UNION``s that sit directly in the outer
    ``WHERE`` group, with a ``VALUES`` block.

    A join distributes over a union, so ``VALUES … { A } UNION { B }`` and ``{ VALUES … A } UNION
    { VALUES … B }`` (with the outer block kept) give the same rows. Oxigraph evaluates a union before
    joining it with the block, so without this every branch starts from every act in the store. Unions
    inside ``OPTIONAL``, ``MINUS``, sub-``SELECT``s or nested groups are left alone.

    >>> bind_unions("SELECT ?x WHERE { { ?a <http://x/p> ?x } UNION { ?a <http://x/q> ?x } }",
    ...             {"a": URIRef("http://x/a")})
    'SELECT ?x WHERE { { VALUES (?a) { (<http://x/a>) } ?a <http://x/p> ?x } UNION { VALUES (?a) { (<http://x/a>) } ?a <http://x/q> ?x } }'
    """
    if not bindings:
        return sparql
    tokens = [m for m in sparql_tokens(sparql) if m.lastgroup != "comment"]
    block = " " + values_block(bindings, sorted(bindings))
    depth, outer_seen = 0, False
    opened: dict[int, int] = {}  # token index of a "}" at depth 1 → index of its "{"
    stack: list[int] = []
    inserts: set[int] = set()
    for i, tok in enumerate(tokens):
        text = tok.group()
        if text == "{":
            depth += 1
            stack.append(i)
            if depth == 1:
                if outer_seen:
                    break  # a second top-level group (VALUES after the query): not the WHERE group
                outer_seen = True
        elif text == "}":
            start = stack.pop() if stack else -1
            if depth == 2:
                opened[i] = start  # a group directly inside the outer WHERE group
            depth -= 1
        elif depth == 1 and tok.lastgroup == "word" and text.upper() == "UNION":
            before, after = i - 1, i + 1
            if before in opened and after < len(tokens) and tokens[after].group() == "{":
                inserts.add(tokens[opened[before]].end())
                inserts.add(tokens[after].end())
    out = sparql
    for at in sorted(inserts, reverse=True):
        out = out[:at] + block + out[at:]
    return out


def bind_subselects(sparql: str, bindings: Mapping[str, Node]) -> str:
    """Bind parameters inside the sub-``SELECT``s that project them, with a ``VALUES`` block.

    A sub-``SELECT`` has its own scope: an engine evaluates it before joining it with the bound outer
    group, so ``{ SELECT DISTINCT ?act ?unit WHERE { ?unit eli:is_part_of+ ?act } }`` walks the path
    from every act in the store (Oxigraph) although only one is asked for. When the sub-``SELECT``
    (and every sub-``SELECT`` around it) projects the parameter's variable as is, restricting it
    inside gives the same join, so the block goes at the start of its ``WHERE`` group. A variable
    the sub-``SELECT`` computes (``(… AS ?act)``) or does not project is another variable, left alone.

    >>> bind_subselects("SELECT ?u WHERE { { SELECT ?act ?u WHERE { ?u <http://x/p> ?act } } }",
    ...                 {"act": URIRef("http://x/a")})
    'SELECT ?u WHERE { { SELECT ?act ?u WHERE { VALUES (?act) { (<http://x/a>) } ?u <http://x/p> ?act } } }'
    """
    if not bindings:
        return sparql
    tokens = [m for m in sparql_tokens(sparql) if m.lastgroup != "comment"]
    selects = [i for i, m in enumerate(tokens) if m.lastgroup == "word" and m.group().upper() == "SELECT"]
    if len(selects) < 2:
        return sparql
    inserts: list[tuple[int, str]] = []
    # (brace depth at which the sub-SELECT's enclosing group closes, the parameters it passes through)
    stack: list[tuple[int, set[str]]] = []
    depth = 0
    outer = set(bindings)
    i = 0
    while i < len(tokens):
        text = tokens[i].group()
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
            while stack and depth < stack[-1][0]:
                stack.pop()
        elif i in selects[1:]:
            passed = stack[-1][1] if stack else outer
            projected: set[str] = set()
            j, parens = i + 1, 0
            while j < len(tokens) and tokens[j].group() != "{" and tokens[j].group().upper() != "WHERE":
                t = tokens[j].group()
                parens += {"(": 1, ")": -1}.get(t, 0)
                if tokens[j].lastgroup == "var" and parens == 0 and t[1:] in passed:
                    projected.add(t[1:])
                j += 1
            while j < len(tokens) and tokens[j].group() != "{":
                j += 1
            if j == len(tokens):
                break
            # the sub-SELECT's WHERE group opens at token j. A LIMIT or OFFSET after it picks rows
            # before the join: restricting inside would pick others, so it is left alone.
            k, level = j, 0
            while k < len(tokens):
                level += {"{": 1, "}": -1}.get(tokens[k].group(), 0)
                k += 1
                if level == 0:
                    break
            while k < len(tokens) and tokens[k].group() not in ("{", "}"):
                if tokens[k].group().upper() in ("LIMIT", "OFFSET"):
                    projected = set()
                k += 1
            stack.append((depth + 1, projected))  # popped when its WHERE group closes
            if projected:
                inserts.append((tokens[j].end(), " " + values_block(bindings, sorted(projected))))
            i = j
            continue
        i += 1
    out = sparql
    for at, block in sorted(inserts, reverse=True):
        out = out[:at] + block + out[at:]
    return out


# -- queries -------------------------------------------------------------------------------------


class RemoteEndpoint:
    """A SPARQL 1.1 Protocol endpoint, queried through SPARQLWrapper.

    ``run_sparql(RemoteEndpoint(url), sparql, bindings)`` and ``run_query(...)`` use it like the
    embedded store. Errors (down, 500, timeout, garbage) become one-line ``EndpointError``s.
    """

    def __init__(
        self, url: str, *, user: str | None = None, password: str | None = None, timeout: float = 60.0
    ) -> None:
        if not re.fullmatch(r"https?://\S+", url):
            raise EndpointError(f"not an http(s) endpoint URL: {url!r}")
        self.url = url
        self.user = user
        self.password = password
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"RemoteEndpoint({self.url!r})"

    def select(self, sparql: str, bindings: dict[str, Node] | None = None) -> Results:
        """Run a query (SELECT, ASK, CONSTRUCT or DESCRIBE), parameters bound as terms."""
        from SPARQLWrapper import DIGEST, JSON, POST, TURTLE, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        text = bind_values(bind_subselects(sparql, bindings or {}), bindings or {})
        sw = SPARQLWrapper(self.url)
        sw.setMethod(POST)
        sw.setTimeout(int(max(1, self.timeout)))
        if self.user:
            sw.setHTTPAuth(DIGEST)
            sw.setCredentials(self.user, self.password or "")
        sw.setQuery(text)
        sw.queryType = query_form(text)  # SPARQLWrapper would send a query with "create" in it as an update
        graph = sw.queryType in ("CONSTRUCT", "DESCRIBE")
        sw.setReturnFormat(TURTLE if graph else JSON)
        try:
            body = sw.query().response.read()
        except SPARQLWrapperException as err:
            raise EndpointError(f"{self.url}: {_one_line(str(err))}") from None
        except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as err:
            raise EndpointError(f"{self.url}: {_one_line(str(getattr(err, 'reason', err)))}") from None
        if graph:
            from rdflib import Graph

            g = Graph()
            try:
                g.parse(data=body, format="turtle")
            except Exception as err:  # noqa: BLE001 - rdflib's parsers raise many types on garbage
                raise EndpointError(f"{self.url}: the answer is not Turtle: {_one_line(str(err))}") from None
            return Results(triples=list(g))
        try:
            return parse_sparql_json(body.decode("utf-8"))
        except (QueryError, UnicodeDecodeError) as err:
            raise EndpointError(f"{self.url}: {err}") from None


def _one_line(s: str) -> str:
    return " ".join(s.split())[:500]


# -- push --------------------------------------------------------------------------------------------


@dataclass
class PushReport:
    """What a push did: graphs pushed, graphs that failed (with why), graphs not tried."""

    graph_store: str
    pushed: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    not_attempted: list[str] = field(default_factory=list)
    attempts: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed and not self.not_attempted

    @property
    def not_pushed(self) -> list[str]:
        return sorted(self.failed) + self.not_attempted

    def summary(self) -> str:
        lines = [
            f"pushed {len(self.pushed)} graph(s) to {self.graph_store}"
            + ("" if self.ok else f"; {len(self.not_pushed)} not pushed")
        ]
        for g, why in sorted(self.failed.items()):
            lines.append(f"  failed  {g}: {why}")
        for g in self.not_attempted:
            lines.append(f"  not tried  {g}")
        if not self.ok:
            lines.append("push again to complete it: each graph is replaced whole, so a second push is safe")
        return "\n".join(lines)


class _Retryable(Exception):
    """A failure worth retrying: the server is down, overloaded, slow or returned 5xx."""


def default_graph_store(endpoint: str, *, authenticated: bool = False) -> str:
    """The graph store URL that goes with a query endpoint, for the engines whose layout is known.

    >>> default_graph_store("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/store'
    >>> default_graph_store("http://127.0.0.1:8890/sparql", authenticated=True)
    'http://127.0.0.1:8890/sparql-graph-crud-auth'
    """
    if endpoint.endswith("/query"):  # Oxigraph server
        return endpoint[: -len("/query")] + "/store"
    if endpoint.endswith("/sparql") and not endpoint.endswith("/ds/sparql"):  # Virtuoso
        return endpoint + ("-graph-crud-auth" if authenticated else "-graph-crud")
    if endpoint.endswith("/sparql"):  # Fuseki: /DATASET/sparql → /DATASET/data
        return endpoint[: -len("/sparql")] + "/data"
    raise EndpointError(f"cannot tell the graph store of {endpoint}; give --graph-store URL")


class _Auth:
    """Credentials sent with the request itself, not after a 401.

    A server that challenges a ``PUT`` often answers 401 before it reads the body and closes the
    connection, so the body cannot be sent first and authorised after (urllib's handlers do that).
    kglaw fetches the challenge once with a body-less ``GET`` and then signs every ``PUT``: Basic, or
    Digest (RFC 7616, through urllib's own digest computation), renewing the nonce when it goes stale.
    """

    def __init__(self, url: str, user: str | None, password: str | None, timeout: float) -> None:
        self.url, self.user, self.password, self.timeout = url, user, password or "", timeout
        self.scheme: str | None = None
        self.challenge: dict[str, str] = {}
        mgr = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        mgr.add_password(None, url, user or "", self.password)
        self.digest = urllib.request.HTTPDigestAuthHandler(mgr)

    def refresh(self) -> None:
        if not self.user:
            return
        try:
            with urllib.request.urlopen(
                urllib.request.Request(self.url, method="GET"), timeout=self.timeout
            ) as resp:
                resp.read(0)
            self.scheme = None  # no challenge: the server does not ask for credentials here
            return
        except urllib.error.HTTPError as err:
            header = err.headers.get("WWW-Authenticate", "") if err.code == 401 else ""
        except (urllib.error.URLError, http.client.HTTPException, OSError) as err:
            raise _Retryable(_one_line(str(getattr(err, "reason", err)) or type(err).__name__)) from None
        scheme, _, rest = header.partition(" ")
        if scheme.lower() == "digest":
            self.scheme = "digest"
            self.challenge = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
        else:
            self.scheme = "basic"

    def sign(self, req: urllib.request.Request) -> None:
        if not self.user:
            return
        if self.scheme is None and not self.challenge:
            self.refresh()
        if self.scheme == "digest":
            value = self.digest.get_authorization(req, self.challenge)
            if value:
                req.add_unredirected_header("Authorization", "Digest " + value)
        elif self.scheme == "basic":
            import base64

            token = base64.b64encode(f"{self.user}:{self.password}".encode()).decode("ascii")
            req.add_unredirected_header("Authorization", "Basic " + token)


def _put(auth: _Auth, url: str, body: bytes, timeout: float) -> None:
    for attempt in (1, 2):
        req = urllib.request.Request(
            url, data=body, method="PUT", headers={"Content-Type": "text/turtle; charset=utf-8"}
        )
        auth.sign(req)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                resp.read()
            return
        except urllib.error.HTTPError as err:
            detail = _one_line(err.read(300).decode("utf-8", "replace")) if err.fp else ""
            message = f"HTTP {err.code} {err.reason}" + (f": {detail}" if detail else "")
            if err.code == 401 and auth.user and attempt == 1:
                auth.refresh()  # a stale nonce: take a new challenge and sign again
                continue
            if err.code >= 500 or err.code in (408, 429):
                raise _Retryable(message) from None
            raise EndpointError(message) from None
        except (
            urllib.error.URLError,
            http.client.HTTPException,
            TimeoutError,
            ConnectionError,
            OSError,
        ) as err:
            raise _Retryable(_one_line(str(getattr(err, "reason", err)) or type(err).__name__)) from None


def _graph_body(path: Path) -> bytes:
    """The complete graph as N-Triples (also valid Turtle, which every graph store reads)."""
    try:
        triples = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except SyntaxError as err:
        raise EndpointError(f"{path}: invalid Turtle: {_one_line(str(err))}") from None
    except OSError as err:
        raise EndpointError(f"{path}: {err.strerror or err}") from None
    buf = io.BytesIO()
    ox.serialize(triples, buf, ox.RdfFormat.N_TRIPLES)
    return buf.getvalue()


def push(
    graph_files: Iterable[Path] | Path,
    endpoint: str | None = None,
    graph_store: str | None = None,
    user: str | None = None,
    password: str | None = None,
    retries: int = 3,
    backoff: float = 0.5,
    *,
    timeout: float = 60.0,
    on_graph: Callable[[str, bool], None] | None = None,
) -> PushReport:
    """Upload one named graph per file (``…/graph/{stem}``), each replaced whole by one ``PUT``.

    ``graph_files`` is a list of Turtle files or a directory of them. A failure is retried ``retries``
    times, waiting ``backoff``, 2×``backoff``, 4×``backoff``… seconds. When a graph still fails because
    the server is down or failing (connection error, timeout, 5xx), the push stops and the remaining
    graphs are reported as not tried; a graph the server refuses (4xx) is reported and the push goes on.
    ``on_graph(graph, pushed)`` is called after each graph.
    """
    if graph_store is None:
        if endpoint is None:
            raise EndpointError("give a graph store URL (or a query endpoint whose graph store kglaw knows)")
        graph_store = default_graph_store(endpoint, authenticated=bool(user))
    if not re.fullmatch(r"https?://\S+", graph_store):
        raise EndpointError(f"not an http(s) graph store URL: {graph_store!r}")
    if isinstance(graph_files, Path):
        if not graph_files.is_dir():
            raise EndpointError(f"{graph_files}: not a directory of .ttl files")
        files = sorted(graph_files.glob("*.ttl"))
    else:
        files = sorted(graph_files)
    if not files:
        raise EndpointError("no graphs to push (run 'kglaw build' first)")
    report = PushReport(graph_store)
    auth = _Auth(graph_store, user, password, timeout)
    sep = "&" if "?" in graph_store else "?"
    for n, path in enumerate(files):
        graph = graph_iri_for(path)
        try:
            body = _graph_body(path)
        except EndpointError as err:
            report.failed[graph] = str(err)
            if on_graph:
                on_graph(graph, False)
            continue
        url = f"{graph_store}{sep}graph={quote(graph, safe='')}"
        last = ""
        for attempt in range(retries + 1):
            if attempt:
                time.sleep(min(backoff * 2 ** (attempt - 1), 30.0))
            report.attempts += 1
            try:
                _put(auth, url, body, timeout)
            except _Retryable as err:
                last = str(err)
                continue
            except EndpointError as err:
                last = "refused: " + str(err)
                break
            report.pushed.append(graph)
            last = ""
            break
        if on_graph:
            on_graph(graph, not last)
        if last:
            report.failed[graph] = last
            if not last.startswith("refused: "):
                # The server is down or failing: stop here rather than wait out every remaining graph.
                report.not_attempted = [graph_iri_for(p) for p in files[n + 1 :]]
                break
    return report
