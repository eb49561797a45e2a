"""The JSON contract (issue 3 point 8): every seed and test text validates against
schema/parse.schema.json, and absent fields are null or []."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from kglaw.parse.document import parse_file, parse_text
from kglaw.parse.jsonout import REF_LISTS, document_to_json

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SCHEMA = json.loads((ROOT / "schema" / "parse.schema.json").read_text(encoding="utf-8"))
INPUTS = sorted((ROOT / "data" / "raw").glob("*.txt")) + sorted((HERE / "texts").glob("*.*"))

_TYPES = {"object": dict, "array": list, "string": str, "null": type(None), "integer": int, "boolean": bool}


def validate(value: Any, schema: dict, root: dict, path: str = "$") -> list[str]:
    """A small validator for the JSON Schema subset the contract uses (type, required, properties,
    additionalProperties, items, enum, pattern, $ref); jsonschema is not a dependency of kglaw."""
    if "$ref" in schema:
        node: Any = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        return validate(value, node, root, path)
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
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                errors.append(f"{path}: missing {key}")
        props = schema.get("properties", {})
        for key, item in value.items():
            if key in props:
                errors.extend(validate(item, props[key], root, f"{path}.{key}"))
            elif schema.get("additionalProperties") is False:
                errors.append(f"{path}: unexpected {key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            errors.extend(validate(item, schema["items"], root, f"{path}[{i}]"))
    return errors


def test_validator_rejects_what_the_schema_forbids():
    bad = [{"source": "x", "status": "alive", "extra": 1}]
    errors = validate(bad, SCHEMA, SCHEMA)
    assert any("missing iri" in e for e in errors)
    assert any("'alive' not in" in e for e in errors)
    assert any("unexpected extra" in e for e in errors)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_json_output_validates_against_the_schema(path):
    out = [document_to_json(parse_file(path))]
    assert validate(out, SCHEMA, SCHEMA) == []
    json.dumps(out, ensure_ascii=False)  # serialisable as is


def test_json_of_a_seed_has_the_contract_fields_in_order():
    d = document_to_json(parse_file(ROOT / "data" / "raw" / "000_37dccefd1b8c9523.txt"))
    assert list(d) == [
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
    ]
    assert d["iri"] == "https://w3id.org/kglaw/eli/kz/decision/kyzylorda-oblast-maslikhat/2005-12-20/245"
    assert d["issuer"] == {
        "iri": "https://w3id.org/kglaw/agency/kyzylorda-oblast-maslikhat",
        "label": "Қызылорда облыстық мәслихаты",
    }
    assert d["registration"] == {
        "number": "4141",
        "date": "2006-01-23",
        "body": "Қызылорда облысы Әділет департаменті",
    }
    assert d["status"] == "repealed"
    [rep] = d["repealed_by"]
    assert {k: rep[k] for k in ("type", "date", "number")} == {
        "type": "decision",
        "date": "2007-12-12",
        "number": "33",
    }
    assert rep["iri"].endswith("/decision/kyzylorda-oblast-maslikhat/2007-12-12/33")


def test_json_effective_date_only_where_known():
    d = document_to_json(parse_file(HERE / "texts" / "kk_law.txt"))
    assert d["repealed_by"][0]["effective_date"] == "2023-07-01"
    d = document_to_json(parse_file(HERE / "texts" / "kk_maslikhat_decision_old_format.txt"))
    assert "effective_date" not in d["repealed_by"][0]


def test_json_absent_fields_are_null_or_empty():
    d = document_to_json(parse_text("Жадынама\nАта-аналар бөлімге жүгіне алады.\n", "memo.txt"))
    assert d["source"] == "memo.txt" and d["language"] == "kk"
    for key in ("iri", "type", "title", "issuer", "date", "number", "registration"):
        assert d[key] is None, key
    assert d["status"] == "unknown"
    for key in REF_LISTS:
        assert d[key] == [], key


def test_json_report_iri_carries_the_year():
    d = document_to_json(parse_file(HERE / "texts" / "kk_analytical_report.txt"))
    # no date and no number: the year, and a key made from the title (as kglaw.build mints it)
    assert d["iri"].startswith("https://w3id.org/kglaw/eli/kz/report/korgan-m-public-association/2023/_/t-")
    assert d["date"] is None
