"""`plan schema` prints the models' JSON Schemas; the committed copies under schema/ equal them,
and the shipped data validates against the committed copies with an independent validator."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ABBREVIATIONS, PLAN, REPO, run
from reintegration_plan.yamlio import decode, parse

SCHEMA = REPO / "schema"
REGENERATE = {
    "plan": "plan schema > schema/plan.schema.json",
    "abbreviations": "plan schema --abbreviations > schema/abbreviations.schema.json",
}


@pytest.mark.parametrize(("name", "args"), [("plan", ()), ("abbreviations", ("--abbreviations",))])
def test_committed_schema_equals_the_models(name: str, args: tuple[str, ...]) -> None:
    result = run("schema", *args)
    assert (result.exit_code, result.stderr) == (0, "")
    committed = (SCHEMA / f"{name}.schema.json").read_text(encoding="utf-8")
    assert result.stdout == committed, (
        f"schema/{name}.schema.json is out of date with the models; regenerate it: "
        f"{REGENERATE[name]}"
    )


@pytest.mark.parametrize("name", ["plan", "abbreviations"])
def test_the_schema_is_a_valid_json_schema(name: str) -> None:
    schema = json.loads((SCHEMA / f"{name}.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False


@pytest.mark.parametrize(("name", "path"), [("plan", PLAN), ("abbreviations", ABBREVIATIONS)])
def test_shipped_data_validates_against_the_committed_schema(name: str, path: Path) -> None:
    schema = json.loads((SCHEMA / f"{name}.schema.json").read_text(encoding="utf-8"))
    data = parse(decode(path.read_bytes()))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
    assert errors == []


def test_the_committed_schema_refuses_what_plan_validate_refuses() -> None:
    """The schema is not vacuous: strings for booleans and numbers, unknown keys, wrong kinds."""
    schema = json.loads((SCHEMA / "plan.schema.json").read_text(encoding="utf-8"))
    data = parse(decode(PLAN.read_bytes()))
    validator = jsonschema.Draft202012Validator(schema)
    measure = data["measures"][0]
    for key, value in [
        ("number", "1"),
        ("costs", {"required": "no"}),
        ("deadline", {"kind": "quarter", "year": 2017, "quarter": 5}),
        ("comment", "x"),
    ]:
        broken = {**data, "measures": [{**measure, key: value}, *data["measures"][1:]]}
        assert not validator.is_valid(broken), (key, value)
