"""The JSON contract (issue 3 point 8): every seed and test text validates against
schema/parse.schema.json, absent fields are null or [], every fact carries the lines it was read from,
and every IRI names a node of the RDF that ``kglaw build`` makes of the same file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef

from kglaw.build import build_corpus, build_document
from kglaw.cli import cli
from kglaw.model import ActRef, Document
from kglaw.parse.document import parse_file, parse_text
from kglaw.parse.jsonout import REF_LISTS, document_to_json, ref_to_json

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = json.loads((ROOT / "schema" / "parse.schema.json").read_text(encoding="utf-8"))
SEEDS = sorted((ROOT / "data" / "raw").glob("*.txt"))
TEXTS = sorted((HERE / "texts").glob("*.*"))
INPUTS = SEEDS + TEXTS

#: The keys of the first release, in their order; the keys added since follow them.
FIRST_RELEASE = (
    "source",
    "iri",
    "type",
    "title",
    "language",
    "issuer",
    "date",
    "number",
    "registration",
    "status",
    *REF_LISTS,
)
ADDED = (
    "lines",
    "status_raw",
    "status_lines",
    "entry_into_force",
    "line_count",
    "warnings",
    "programmes",
    "operations",
    "citations",
    "operative",
    "passages",
)

_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "null": type(None),
    "integer": int,
    "boolean": bool,
}


def validate(value: Any, schema: dict, root: dict, path: str = "$") -> list[str]:
    """A small validator for the JSON Schema subset the contract uses (type, required, properties,
    additionalProperties, items, enum, pattern, minimum, minItems, maxItems, anyOf, $ref); jsonschema is
    not a dependency of kglaw."""
    if "$ref" in schema:
        node: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        return validate(value, node, root, path)
    if "anyOf" in schema:
        branches = [validate(value, s, root, path) for s in schema["anyOf"]]
        if all(branches):
            return [f"{path}: matches no branch of anyOf: " + " | ".join(b[0] for b in branches)]
        return []
    errors = []
    types = schema.get("type")
    if types is not None:
        allowed = types if isinstance(types, list) else [types]
        if not any(
            isinstance(value, _TYPES[t]) and not (t == "integer" and isinstance(value, bool)) for t in allowed
        ):
            return [f"{path}: {type(value).__name__} is not {allowed}"]
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{path}: {value!r} not in {schema['enum']}")
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        errors.append(f"{path}: {value!r} does not match {schema['pattern']}")
    if isinstance(value, int) and "minimum" in schema and value < schema["minimum"]:
        errors.append(f"{path}: {value} < {schema['minimum']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}: missing {key}")
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if key in props:
                errors.extend(validate(item, props[key], root, f"{path}.{key}"))
            elif extra is False:
                errors.append(f"{path}: unexpected {key}")
            elif isinstance(extra, dict):
                errors.extend(validate(item, extra, root, f"{path}.{key}"))
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", len(value)):
            errors.append(f"{path}: {len(value)} items")
        if "items" in schema:
            for i, item in enumerate(value):
                errors.extend(validate(item, schema["items"], root, f"{path}[{i}]"))
    return errors


@cache
def parsed(path: Path) -> Document:
    return parse_file(path)


@cache
def as_json(path: Path) -> dict[str, Any]:
    return document_to_json(parsed(path))


def seed(prefix: str) -> Path:
    [path] = [p for p in SEEDS if p.name.startswith(prefix)]
    return path


def source_lines(path: Path, lines: list[int], squashed: bool = True) -> str:
    """The text of ``lines`` of the original file, whitespace removed (a narrow layout wraps a word over
    several lines: "Қазақста" / "н"), or kept (``squashed=False``) where a number must stand alone."""
    text = path.read_text(encoding="utf-8").splitlines()[lines[0] - 1 : lines[1]]
    return squash("".join(text)) if squashed else "\n".join(text)


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def walk(value: Any, key: str | None = None) -> Iterator[tuple[str | None, Any]]:
    """Every (key, value) pair of a JSON value, depth first; list items keep their list's key."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v, key)


def iris(d: dict[str, Any]) -> set[str]:
    """The IRIs a document's JSON names: ``iri``, ``*_iri`` and the ``agency`` of executors, addressees
    and signatories."""
    return {
        v
        for k, v in walk(d)
        if isinstance(v, str) and k is not None and (k == "iri" or k.endswith("_iri") or k == "agency")
    }


def nodes(g: Graph) -> set[str]:
    return {str(t) for s, _, o in g for t in (s, o) if isinstance(t, URIRef)}


# -- the schema ---------------------------------------------------------------------------------------------


def test_validator_rejects_what_the_schema_forbids():
    bad = [{"source": "x", "status": "alive", "extra": 1}]
    errors = validate(bad, SCHEMA, SCHEMA)
    assert any("missing iri" in e for e in errors)
    assert any("missing programmes" in e for e in errors)
    assert any("'alive' not in" in e for e in errors)
    assert any("unexpected extra" in e for e in errors)


def test_validator_rejects_a_bad_measure_deep_inside():
    good = as_json(seed("004"))
    assert validate([good], SCHEMA, SCHEMA) == []
    bad = json.loads(json.dumps(good))
    m = bad["programmes"][0]["measures"][0]
    m["lines"] = [855]  # not [start, end]
    m["amounts"] = [
        {"value": 1.5, "unit": "mln KZT", "year": None, "source": None, "raw": None, "lines": None}
    ]
    m["executors"][0]["agent"] = "x"
    bad["programmes"][0]["approved_by"]["lines"] = [0, 1]
    errors = validate([bad], SCHEMA, SCHEMA)
    where = "$[0].programmes[0]"
    assert f"{where}.measures[0].lines: 1 items" in errors
    assert f"{where}.measures[0].amounts[0].value: float is not ['string']" in errors
    assert f"{where}.measures[0].executors[0]: unexpected agent" in errors
    assert any(e.startswith(f"{where}.approved_by: matches no branch") for e in errors)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_json_output_validates_against_the_schema(path):
    out = [as_json(path)]
    assert validate(out, SCHEMA, SCHEMA) == []
    json.dumps(out, ensure_ascii=False)  # serialisable as is


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_every_lines_is_a_span_of_the_file(path):
    d = as_json(path)
    spans = [(k, v) for k, v in walk(d) if k is not None and (k == "lines" or k.endswith("_lines")) and v]
    for key, (start, end) in spans:
        assert 1 <= start <= end <= d["line_count"], (key, start, end)


def test_json_of_a_seed_has_the_contract_fields_in_order():
    d = as_json(seed("000"))
    assert list(d) == [*FIRST_RELEASE, *ADDED]
    assert d["iri"] == "https://w3id.org/kglaw/eli/kz/decision/kyzylorda-oblast-maslikhat/2005-12-20/245"
    assert d["issuer"] == {
        "iri": "https://w3id.org/kglaw/agency/kyzylorda-oblast-maslikhat",
        "label": "Қызылорда облыстық мәслихаты",
        "key": "kyzylorda-oblast-maslikhat",
        "kind": "maslikhat",
        "level": "oblast",
        "region": "kyzylorda",
        "district": None,
        "lines": d["issuer"]["lines"],
    }
    reg = d["registration"]
    assert {k: reg[k] for k in ("number", "date", "body")} == {
        "number": "4141",
        "date": "2006-01-23",
        "body": "Қызылорда облысы Әділет департаменті",
    }
    assert "4141" in source_lines(seed("000"), reg["lines"])
    assert d["status"] == "repealed"
    [rep] = d["repealed_by"]
    assert {k: rep[k] for k in ("type", "date", "number")} == {
        "type": "decision",
        "date": "2007-12-12",
        "number": "33",
    }
    assert rep["iri"].endswith("/decision/kyzylorda-oblast-maslikhat/2007-12-12/33")
    assert "33" in source_lines(seed("000"), rep["lines"])


def test_json_effective_date_only_where_known():
    d = as_json(HERE / "texts" / "kk_law.txt")
    assert d["repealed_by"][0]["effective_date"] == "2023-07-01"
    d = as_json(HERE / "texts" / "kk_maslikhat_decision_old_format.txt")
    assert "effective_date" not in d["repealed_by"][0]


def test_json_absent_fields_are_null_or_empty():
    d = document_to_json(parse_text("Жадынама\nАта-аналар бөлімге жүгіне алады.\n", "memo.txt"))
    assert d["source"] == "memo.txt" and d["language"] == "kk"
    for key in (
        "iri",
        "type",
        "title",
        "issuer",
        "date",
        "number",
        "registration",
        "lines",
        "entry_into_force",
    ):
        assert d[key] is None, key
    assert d["status"] == "unknown"
    for key in (*REF_LISTS, "programmes", "operations", "citations", "operative"):
        assert d[key] == [], key


def test_json_report_iri_carries_the_year():
    d = as_json(HERE / "texts" / "kk_analytical_report.txt")
    # no date and no number: the year, and a key made from the title (as kglaw.build mints it)
    assert d["iri"].startswith("https://w3id.org/kglaw/eli/kz/report/korgan-m-public-association/2023/_/t-")
    assert d["date"] is None


# -- programmes and action plans ------------------------------------------------------------------------------


def test_seed_004_concept_and_its_action_plan():
    d = as_json(seed("004"))
    assert d["entry_into_force"] == "2024-12-30"
    [prog] = d["programmes"]
    assert prog["iri"] == d["iri"] + "/concept"
    assert (prog["kind"], prog["key"]) == ("concept", "concept")
    assert prog["period"] == {"start": 2025, "end": 2030}
    assert prog["approved_by"]["iri"] == d["iri"]
    assert prog["action_plan"]["iri"] == prog["iri"] + "/action-plan"
    assert len(prog["measures"]) == 52
    assert [m["number"] for m in prog["measures"][:3]] == ["1", "2", "3"]
    assert prog["abbreviations"]["ДСМ"] == "Қазақстан Республикасының Денсаулық сақтау министрлігі"


def test_seed_004_measure_1_executors_deadline_and_lines():
    m = as_json(seed("004"))["programmes"][0]["measures"][0]
    assert m["iri"].endswith("/2024-12-30/1143/concept/action-plan/measure/1")
    assert (m["number"], m["number_assigned"], m["section"]) == ("1", False, "1")
    assert m["form"] == "Қазақстан Республикасы Заңының жобасы"
    assert [(e["raw"], e["by_agreement"]) for e in m["executors"]] == [
        ("Еңбекмині", False),
        ("ДСМ", False),
        ("ОМ", False),
        ("ҒЖБМ", False),
        ("ӨҚМ", False),
        ("МАМ", False),
        ("КМ", False),
        ("АҚЖҰО", True),
        ("ЖАО", False),
        ('"Атамекен" ҰКП', True),
    ]
    # the legend of the concept resolves the abbreviations to agencies
    assert m["executors"][0]["agency"] == (
        "https://w3id.org/kglaw/agency/ministry-of-labour-and-social-protection-of-population"
    )
    assert m["executors"][1]["agency"] == "https://w3id.org/kglaw/agency/ministry-of-healthcare"
    assert m["deadline"] == {
        "raw": "2026 жылғы желтоқсан",
        "start": "2026-12-01",
        "end": "2026-12-31",
        "kind": "month",
    }
    assert (m["cost_raw"], m["funding_required"], m["amounts"]) == ("талап етілмейді", False, [])
    assert m["lines"] == [855, 870]
    text = source_lines(seed("004"), m["lines"])
    for value in (
        m["name"],
        m["form"],
        m["deadline"]["raw"],
        m["cost_raw"],
        *(e["raw"] for e in m["executors"]),
    ):
        assert squash(value) in text, value
    assert m["executors"][0]["lines"] == [865, 866]  # the executor cell, inside the row


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_measure_lines_hold_its_number_and_name(path):
    d = as_json(path)
    measures = [m for prog in d["programmes"] for m in prog["measures"]]
    for m in measures:
        start, end = m["lines"]
        if not m["number_assigned"]:
            raw = source_lines(path, m["lines"], squashed=False)
            assert re.search(rf"(?<![\d.]){re.escape(m['number'])}(?!\d)", raw), m["number"]
        assert squash(m["name"].split()[0]) in source_lines(path, m["lines"]), m["number"]
        for part in (*m["executors"], *m["amounts"]):
            assert start <= part["lines"][0] <= part["lines"][1] <= end, m["number"]


def test_amounts_are_decimal_strings_with_their_lines():
    prog = as_json(seed("000"))["programmes"][0]
    assert prog["funding"][0] == {
        "value": "436.29",
        "unit": "mln KZT",
        "year": 2006,
        "source": None,
        "raw": "2006 жылы - 436,29 млн. теңге",
        "lines": [71, 71],
    }
    assert squash("436,29") in source_lines(seed("000"), [71, 71])
    m = next(m for m in prog["measures"] if m["number"] == "1")
    assert [(a["value"], a["year"], a["raw"]) for a in m["amounts"]][:1] == [("70.5", 2006, "2006ж - 70,5")]
    prog = as_json(seed("001"))["programmes"][0]
    assert (prog["funding"][0]["value"], prog["funding"][0]["source"]) == ("22856.0", "local budget")


def test_indicators_keep_each_target_year_with_its_lines():
    ind = as_json(seed("004"))["programmes"][0]["indicators"][0]
    assert ind["name"] == "Кедейлік шегінде өмір сүретін мүгедектігі бар адамдардың үлесі"
    assert ind["unit"] == "%"
    assert [(t["year"], t["value"]) for t in ind["targets"]] == [
        (2025, "1,2"),
        (2026, "1,15"),
        (2027, "1,1"),
        (2028, "1,05"),
        (2029, "1,0"),
        (2030, "1,0"),
    ]
    assert "1,15" in source_lines(seed("004"), ind["targets"][1]["lines"])


def test_warnings_say_what_and_where():
    assert as_json(seed("002"))["warnings"] == [
        {"message": "row 90 is cut off (no cost cell)", "code": "plan-row-incomplete", "lines": [4143, 4157]}
    ]


def test_a_programme_names_the_one_it_continues():
    [prog] = as_json(HERE / "texts" / "kk_programme_succession.txt")["programmes"]
    pred = prog["succeeds"][0]
    assert pred["iri"].endswith("/decision/atyrau-oblast-maslikhat/2017-12-12/150-VI/programme")
    assert pred["period"] == {"start": 2018, "end": 2020}
    assert pred["period_raw"] == "2018-2020 жылдарға"
    assert pred["approved_by"]["number"] == "150-VI"


# -- amendments, citations, operative part, passages -------------------------------------------------------


def test_seed_002_amendment_operations():
    d = as_json(seed("002"))
    ops = d["operations"]
    assert [op["order"] for op in ops] == list(range(1, 10))
    assert [op["iri"] for op in ops] == [f"{d['iri']}/op/{i}" for i in range(1, 10)]
    target = "https://w3id.org/kglaw/eli/kz/resolution/government/2019-05-28/326"
    assert {op["target"]["iri"] for op in ops} == {target}
    first, second, third = ops[:3]
    assert (first["type"], first["provision"]) == (
        "substitution",
        {"path": [{"kind": "title", "number": None}], "label": "тақырып"},
    )
    assert first["old_text"].startswith("Қазақстан Республикасында мүгедек адамдардың")
    assert first["new_text"].startswith("Қазақстан Республикасында мүгедектігі бар адамдардың")
    assert first["lines"] == [14, 17]
    assert squash(first["new_text"]) in source_lines(seed("002"), first["lines"])
    assert second["provision"]["path"] == [{"kind": "point", "number": "1"}]
    assert second["old_text"] is None
    assert third["target_document"] == "plan"
    assert third["provision"]["path"] == [
        {"kind": "section", "number": "2"},
        {"kind": "chapter", "number": "1"},
        {"kind": "abzac", "number": "4"},
    ]


def test_pinpoint_citations_with_their_unit_and_sentence():
    d = as_json(HERE / "texts" / "ru_pinpoint_citations.txt")
    c = d["citations"][0]
    assert c["act"]["iri"] == "https://w3id.org/kglaw/eli/kz/law/rk/2001-01-23/148-II"
    assert c["provision"] == {"path": [{"kind": "article", "number": "27"}], "label": "статьей 27"}
    assert c["text"] == "статьей 27"
    assert c["context"].startswith("В соответствии со статьей 27 Закона Республики Казахстан")
    assert "статьей27" in source_lines(HERE / "texts" / "ru_pinpoint_citations.txt", c["lines"])


def test_operative_points_with_reporting_control_and_entry_into_force():
    [part] = as_json(HERE / "texts" / "kk_operative_government_resolution.txt")["operative"]
    assert part["act"] is None
    points = {p["number"]: p for p in part["points"] if p["parent"] is None}
    rep = points["3"]["reporting"]
    assert rep["frequency"] == "annual" and rep["frequency_raw"] == "жыл сайын"
    assert (rep["due_raw"], rep["due_month_day"], rep["due_date"]) == ("1 сәуірге дейін", "--04-01", None)
    assert rep["recipient"]["agency"] == "https://w3id.org/kglaw/agency/government"
    [ctl] = points["5"]["controllers"]
    assert (ctl["position"], ctl["name"]) == (
        "Қазақстан Республикасы Премьер-Министрінің орынбасары",
        "С.М. Жұманғаринге",
    )
    assert points["6"]["entry_into_force"] == {
        "rule": "2025 жылғы 1 сәуірден бастап",
        "date": "2025-04-01",
        "on_signing": False,
        "lines": [12, 12],
    }


def test_an_embedded_act_keeps_its_own_block():
    parts = as_json(HERE / "texts" / "kk_operative_embedded_akimat.txt")["operative"]
    own, embedded = parts
    assert own["act"] is None
    assert (
        embedded["act"]["iri"]
        == "https://w3id.org/kglaw/eli/kz/resolution/mangystau-oblast-akimat/2024-03-02/41"
    )
    assert embedded["signatories"] == [
        {
            "position": "Облыс әкімі",
            "name": "Н. Қилыбай",
            "agency": "https://w3id.org/kglaw/agency/mangystau-oblast-akimat",
            "lines": [14, 14],
        }
    ]


def test_passages_with_their_headings_and_targets():
    d = as_json(HERE / "texts" / "kk_report_recommendations.txt")
    passages = d["passages"]
    assert [p["order"] for p in passages] == list(range(1, len(passages) + 1))
    rec = next(p for p in passages if p["kind"] == "recommendation")
    assert rec["heading"] == ["V. Ұсыныстар"]
    assert passages[rec["parent"] - 1]["kind"] == "heading"
    assert rec["targets"][0]["iri"] == "https://w3id.org/kglaw/eli/kz/code/rk/2015-11-23/414-V"
    assert rec["text"].startswith("1. Қазақстан Республикасы Еңбек кодексінің 89-бабына")


# -- the JSON and the RDF name the same nodes ------------------------------------------------------------------


@cache
def seed_graphs() -> dict[str, Graph]:
    return {p.stem: Graph().parse(ROOT / "data" / "ttl" / f"{p.stem}.ttl") for p in SEEDS}


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_iri_of_a_seed_is_a_node_of_its_graph(path):
    d = as_json(path)
    named = iris(d)
    assert d["iri"] in named and len(named) > 20
    assert named <= nodes(seed_graphs()[path.stem])  # data/ttl, as `kglaw build` writes it
    assert named <= nodes(build_document(parsed(path)))  # and `kglaw parse --format ttl` of the file alone


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_iri_of_a_test_text_is_a_node_of_its_graph(path):
    """As for the seeds. Left out: a file that names no act (the builder records only its source) and
    the issuer IRI of a law, which the JSON gives as Parliament (Constitution, art. 61) while the builder
    states ``eli:passed_by agency:rk``."""
    d = as_json(path)
    if d["iri"] is None:
        pytest.skip("no act identified: the builder records only the source file")
    named = iris(d)
    if d["issuer"] is not None and d["issuer"]["key"] == "rk":
        named.discard(d["issuer"]["iri"])
    assert named <= nodes(build_corpus([parsed(path)]).graphs[path.stem])


def test_weak_citation_iri_is_the_rdf_node():
    """A number with neither date nor issuer ("бұйрық № 26") is keyed by the citing document; the JSON
    keyed it by the file name and the RDF by the source IRI, so the two named different nodes."""
    d = as_json(seed("002"))
    weak = [
        r for name in REF_LISTS for r in d[name] if r["date"] is None and r["number"] and r["issuer"] is None
    ]
    weak = [r for r in weak if r["type"] not in ("law", "code", "constitution", "decree")]
    assert weak, "seed 002 cites orders by number alone"
    graph = nodes(seed_graphs()[seed("002").stem])
    for r in weak:
        assert "/t-" in r["iri"] and r["iri"] in graph


def test_ref_to_json_on_its_own():
    out = ref_to_json(ActRef(type="law", number="148-II", title="О местном государственном управлении"))
    assert out["iri"] == "https://w3id.org/kglaw/eli/kz/law/rk/2001-01-23/148-II"  # the authority file's
    assert (out["issuer"], out["lines"], out["ratifies"]) == (None, None, None)


# -- determinism and the CLI ----------------------------------------------------------------------------------

_DUMP = (
    "import json, sys; from kglaw.parse.document import parse_file; from kglaw.parse.jsonout import "
    "document_to_json; sys.stdout.write(json.dumps(document_to_json(parse_file(sys.argv[1])), ensure_ascii=False))"
)


def test_same_input_same_bytes_across_processes():
    """Two interpreters with different hash seeds (set and dict orders) write the same bytes."""
    outs = []
    for hashseed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hashseed}
        run = subprocess.run(
            [sys.executable, "-c", _DUMP, str(seed("004"))], capture_output=True, env=env, check=True
        )
        outs.append(run.stdout)
    assert outs[0] == outs[1]
    assert outs[0].decode("utf-8") == json.dumps(as_json(seed("004")), ensure_ascii=False)


def test_cli_parse_prints_the_contract():
    result = CliRunner().invoke(cli, ["parse", str(seed("002"))])
    assert result.exit_code == 0, result.output
    [d] = json.loads(result.output)
    assert d == json.loads(json.dumps(as_json(seed("002")), ensure_ascii=False))
    assert len(d["operations"]) == 9 and len(d["programmes"][0]["measures"]) == 90
