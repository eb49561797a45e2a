"""Each shape has a conforming and a violating case; the test compares (focus, path, shape) sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kglaw.errors import KglawError, ShapeViolation
from kglaw.validate import assert_conforms, load_shapes, validate_graph

CASES = Path(__file__).resolve().parent / "shapes"
EX = "http://example.org/"
ELI = "http://data.europa.eu/eli/ontology#"
KGL = "https://w3id.org/kglaw/ontology#"
KSH = "https://w3id.org/kglaw/shapes#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def _run(name: str, severity: str = "Violation") -> set[tuple[str, str, str]]:
    g = Graph()
    g.parse(CASES / f"{name}.ttl", format="turtle")
    report = validate_graph(g, load_shapes())
    return {(r.focus, r.path, r.shape) for r in report.results if r.severity == severity}


EXPECTED = {
    "document-act": {
        (EX + "a", ELI + "type_document", KSH + "DocumentActShape"),
        (EX + "a", "", KSH + "DocumentActShape"),  # no date (sh:or)
        (EX + "b", ELI + "passed_by", KSH + "DocumentActShape"),
    },
    "dates": {
        (EX + "a", ELI + "date_document", KSH + "DateShape"),
        (EX + "a", ELI + "first_date_entry_in_force", KSH + "DateShape"),
        (EX + "r", KGL + "registrationDate", KSH + "RegistrationDateShape"),
    },
    "changer": {(EX + "a", ELI + "repealed_by", KSH + "ChangerNotOlderShape")},
    "self-change": {
        (EX + "a", ELI + "amends", KSH + "NoSelfChangeShape"),
        (EX + "b", ELI + "repeals", KSH + "NoSelfChangeShape"),
    },
    "cycle": {
        (EX + "a", "", KSH + "NoLineageCycleShape"),
        (EX + "b", "", KSH + "NoLineageCycleShape"),
        (EX + "c", "", KSH + "NoLineageCycleShape"),
    },
    "measure": {
        (EX + "m1", KGL + "inActionPlan", KSH + "MeasureShape"),
        (EX + "m1", RDFS + "label", KSH + "MeasureShape"),
        (EX + "m2", "", KSH + "MeasureShape"),
    },
    "amount": {
        (EX + "x", KGL + "value", KSH + "AmountShape"),
        (EX + "y", KGL + "unit", KSH + "AmountShape"),
    },
    "operation": {
        (EX + "op1", KGL + "affectingAct", KSH + "OperationShape"),
        (EX + "op1", KGL + "operationType", KSH + "OperationShape"),
        (EX + "op2", KGL + "affectedAct", KSH + "OperationShape"),
        (EX + "op2", KGL + "oldText", KSH + "ReplacementWordsShape"),
        (EX + "op3", KGL + "affectedProvision", KSH + "AffectedUnitShape"),
        (EX + "op3", KGL + "newText", KSH + "NewTextShape"),
        (EX + "op4", KGL + "affectedProvision", KSH + "AffectedUnitShape"),
        (EX + "op4", KGL + "order", KSH + "OperationShape"),
    },
    "operative": {
        (EX + "p1", ELI + "is_part_of", KSH + "OperativePointShape"),
        (EX + "p1", KGL + "operativeKind", KSH + "OperativePointShape"),
        (EX + "p2", ELI + "is_part_of", KSH + "OperativePointShape"),
        (EX + "p2", KGL + "provisionKind", KSH + "OperativePointShape"),
        (EX + "d", "", KSH + "ReportingDutyShape"),  # set by no point (an inverse path)
        (EX + "d", KGL + "dueMonthDay", KSH + "ReportingDutyShape"),
        (EX + "d", KGL + "dueDate", KSH + "ReportingDutyShape"),
        (EX + "d", KGL + "reportingFrequency", KSH + "ReportingDutyShape"),
        (EX + "s", "", KSH + "PersonShape"),
        (EX + "a", KGL + "signedBy", KSH + "SignedByShape"),
    },
    "citation": {
        (EX + "c1", KGL + "citedAct", KSH + "CitationShape"),
        (EX + "c1", KGL + "lineStart", KSH + "CitationShape"),
        (EX + "c2", KGL + "citedUnit", KSH + "CitedUnitShape"),
        (EX + "c2", KGL + "citationText", KSH + "CitationShape"),
        (EX + "c2", KGL + "citedActInferredFrom", KSH + "CitationShape"),
        (EX + "c3", KGL + "citingResource", KSH + "CitedUnitShape"),
    },
    "passage": {
        (EX + "a", KGL + "text", KSH + "PassageShape"),
        (EX + "a", KGL + "passageOf", KSH + "PassageShape"),
        (EX + "a", KGL + "order", KSH + "PassageShape"),
        (EX + "b", KGL + "underHeading", KSH + "PassageShape"),
        (EX + "b", KGL + "text", KSH + "PassageShape"),
        (EX + "c", "", KSH + "ProposalShape"),
        (EX + "c", KGL + "proposesChangeTo", KSH + "ProposalShape"),
    },
}


#: Conforming cases may still earn warnings (sh:Warning), which do not break conformance.
EXPECTED_WARNINGS = {
    "measure": {(EX + "m3", KGL + "missingCell", KSH + "MeasureMissingCellShape")},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_conforming_case_conforms(name: str) -> None:
    assert _run(f"{name}-ok") == set()
    assert _run(f"{name}-ok", "Warning") == EXPECTED_WARNINGS.get(name, set())


EXPECTED.update(
    {
        "deadline": {(EX + "m1", "", KSH + "MeasureDeadlineShape")},
        "passport-sum": set(),  # warnings only: see EXPECTED_BAD_WARNINGS
        "measure-sum": set(),
        "indicator": {
            (EX + "ind-i", KGL + "indicatorOf", KSH + "IndicatorShape"),
            (EX + "ind-i", KGL + "target", KSH + "IndicatorShape"),
            (EX + "ind-t", KGL + "year", KSH + "TargetShape"),
            (EX + "ind-t", KGL + "value", KSH + "TargetShape"),
        },
        "succession": {
            (EX + "succ-a", "", KSH + "SuccessionShape"),
            (EX + "succ-b", KGL + "succeeds", KSH + "SuccessionShape"),
        },
    }
)

#: Shapes of severity sh:Warning: the violating case earns warnings, and the data still conforms.
EXPECTED_BAD_WARNINGS = {
    "deadline": {(EX + "m2", "", KSH + "MeasureDeadlineEdgeShape")},
    "passport-sum": {(EX + "p", "", KSH + "PassportSumShape")},
    "measure-sum": {(EX + "p", "", KSH + "MeasureSumShape")},
    "succession": {(EX + "succ-c", "", KSH + "SuccessionOrderShape")},
    "operative": {(EX + "d", "", KSH + "ReportingDutyReporterShape")},
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_violating_case_reports_exactly_the_expected_results(name: str) -> None:
    assert _run(f"{name}-bad") == EXPECTED[name]
    if name in EXPECTED_BAD_WARNINGS:
        assert _run(f"{name}-bad", "Warning") == EXPECTED_BAD_WARNINGS[name]


def test_warning_messages_carry_both_figures() -> None:
    g = Graph()
    g.parse(CASES / "passport-sum-bad.ttl", format="turtle")
    (w,) = validate_graph(g, load_shapes()).warnings
    assert "466.30" in w.message and "416.30" in w.message


def test_every_shape_case_has_both_files() -> None:
    stems = {p.stem.rsplit("-", 1)[0] for p in CASES.glob("*.ttl")}
    assert stems == set(EXPECTED)


def test_assert_conforms_raises_shape_violation() -> None:
    g = Graph()
    g.parse(CASES / "changer-bad.ttl", format="turtle")
    with pytest.raises(ShapeViolation):
        assert_conforms(g)


def test_an_invalid_shapes_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.ttl").write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\nsh:x sh:y", encoding="utf-8"
    )
    with pytest.raises(KglawError, match="bad.ttl"):
        load_shapes(tmp_path)
