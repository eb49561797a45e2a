"""SHACL validation of the graph (pySHACL, with SHACL-SPARQL constraints).

``validate_graph`` returns a :class:`ValidationReport` (data); ``assert_conforms`` raises
:class:`~kglaw.errors.ShapeViolation`. Violations make a graph non-conforming; ``sh:Warning`` and
``sh:Info`` results are reported but do not (the CLI exits 1 only on violations).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SH

from .errors import KglawError, ShapeViolation
from .resources import shapes_dir, ttl_dir

__all__ = [
    "ValidationResult",
    "ValidationReport",
    "load_shapes",
    "load_graph_dir",
    "validate_graph",
    "validate_dir",
    "assert_conforms",
]


@dataclass(frozen=True, order=True)
class ValidationResult:
    severity: str  # Violation, Warning or Info
    focus: str
    path: str
    message: str
    shape: str
    value: str = ""

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.severity}: {self.focus}{path}: {self.message}"


@dataclass
class ValidationReport:
    results: list[ValidationResult] = field(default_factory=list)

    @property
    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    @property
    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations


def _parse_turtle_files(files: list[Path], what: str) -> Graph:
    g = Graph()
    for f in files:
        try:
            g.parse(f, format="turtle")
        except Exception as err:  # rdflib raises several parser exception types; all mean bad input
            lines, why = getattr(err, "lines", None), getattr(err, "_why", None)
            if isinstance(lines, int) and why:  # notation3.BadSyntax: 0-based line and the reason
                raise KglawError(f"{f}:{lines + 1}: not valid Turtle ({what}): {why}") from None
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise KglawError(f"{f}: not valid Turtle ({what}): {first}") from None
    return g


def load_shapes(directory: Path | None = None) -> Graph:
    directory = directory or shapes_dir()
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise KglawError(f"{directory}: no shapes (*.ttl)")
    g = _parse_turtle_files(files, "shapes")
    if (None, None, SH.NodeShape) not in g and not any(g.subjects(SH.targetClass, None)):
        raise KglawError(f"{directory}: the files hold no sh:NodeShape")
    return g


def load_graph_dir(directory: Path | None = None) -> Graph:
    """The union of every ``*.ttl`` file in a directory, as one rdflib graph."""
    directory = directory or ttl_dir()
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise KglawError(f"{directory}: no .ttl files (run 'kglaw build')")
    return _parse_turtle_files(files, "data")


def _short(node: object) -> str:
    if node is None:
        return ""
    return str(node)


def _shape_name(shapes: Graph, shape: object) -> str:
    """A named shape's IRI; for an anonymous property shape, the IRI of the node shape that holds it."""
    if isinstance(shape, URIRef):
        return str(shape)
    for parent in shapes.subjects(SH.property, shape):  # type: ignore[arg-type]
        if isinstance(parent, URIRef):
            return str(parent)
    for parent in shapes.subjects(SH.sparql, shape):  # type: ignore[arg-type]
        if isinstance(parent, URIRef):
            return str(parent)
    return ""


def validate_graph(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    """Validate ``data`` against ``shapes`` (default: ``shapes/*.ttl``)."""
    import pyshacl

    shapes = shapes if shapes is not None else load_shapes()
    try:
        _conforms, report, _text = pyshacl.validate(
            data,
            shacl_graph=shapes,
            inference="none",
            advanced=True,
            allow_warnings=True,
            meta_shacl=False,
        )
    except Exception as err:  # pySHACL reports bad shapes as various exception types
        raise KglawError(f"shapes could not be applied: {str(err).splitlines()[0]}") from None
    if not isinstance(report, Graph):  # pySHACL returns a failure object when the shapes are unusable
        raise KglawError(f"shapes could not be applied: {str(_text).strip().splitlines()[-1]}")
    results = []
    for r in report.subjects(SH.resultSeverity, None):
        sev = report.value(r, SH.resultSeverity)
        severity = str(sev).rsplit("#", 1)[-1] if sev else "Violation"
        msgs = sorted(str(m) for m in report.objects(r, SH.resultMessage))
        results.append(
            ValidationResult(
                severity=severity,
                focus=_short(report.value(r, SH.focusNode)),
                path=_short(report.value(r, SH.resultPath))
                if isinstance(report.value(r, SH.resultPath), URIRef)
                else "",
                message=msgs[0] if msgs else "",
                shape=_shape_name(shapes, report.value(r, SH.sourceShape)),
                value=_short(report.value(r, SH.value)),
            )
        )
    return ValidationReport(sorted(set(results)))


def validate_dir(directory: Path | None = None, shapes_directory: Path | None = None) -> ValidationReport:
    return validate_graph(load_graph_dir(directory), load_shapes(shapes_directory))


def assert_conforms(data: Graph, shapes: Graph | None = None) -> ValidationReport:
    report = validate_graph(data, shapes)
    if not report.conforms:
        first = report.violations[0]
        raise ShapeViolation(f"{len(report.violations)} violation(s); first: {first}")
    return report
