"""`plan schema` prints the models' JSON Schemas; the committed copies under schema/ equal them,
and the shipped data validates against the committed copies with an independent validator."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import jsonschema
import pytest

from ajv import ajv_command
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


# --- the schema in other validators' hands --------------------------------------------------


def json_copy(data: object, path: Path) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def with_deadline(deadline: dict[str, object]) -> dict[str, object]:
    """The shipped plan's data with measure 1's deadline replaced."""
    data = parse(decode(PLAN.read_bytes()))
    data["measures"][0]["deadline"] = deadline
    return data


@pytest.fixture(scope="module")
def ajv(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return ajv_command(tmp_path_factory.mktemp("ajv"))


@pytest.mark.parametrize("name", ["plan", "abbreviations"])
def test_ajv_compiles_the_schema_in_its_default_strict_mode(ajv: list[str], name: str) -> None:
    """No unknown keyword (pydantic's OpenAPI `discriminator`), no unknown format, and no
    strict-mode warning at all."""
    schema = SCHEMA / f"{name}.schema.json"
    done = subprocess.run(
        [*ajv, "compile", "--spec=draft2020", "-s", str(schema)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"schema {schema} is valid\n", "")


@pytest.mark.parametrize(
    ("name", "path"), [("plan", PLAN), ("abbreviations", ABBREVIATIONS)], ids=["plan", "abbr"]
)
def test_ajv_validates_the_shipped_data(
    ajv: list[str], name: str, path: Path, tmp_path: Path
) -> None:
    data = json_copy(parse(decode(path.read_bytes())), tmp_path / "data.json")
    schema = SCHEMA / f"{name}.schema.json"
    done = subprocess.run(
        [*ajv, "validate", "--spec=draft2020", "-s", str(schema), "-d", str(data)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{data} valid\n", "")


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        (
            {"kind": "quarter", "year": "2017", "quarter": 1},
            "data/measures/0/deadline/year must be integer",
        ),
        (
            {"kind": "period", "first_year": 2017, "last_year": 2019.5},
            "data/measures/0/deadline/last_year must be integer",
        ),
        (
            {"kind": "decade", "year": 2017},
            "data/measures/0/deadline/kind must be equal to one of the allowed values",
        ),
        (
            {"year": 2017, "quarter": 1},
            "data/measures/0/deadline must have required property 'kind'",
        ),
    ],
)
def test_ajv_says_what_is_wrong_inside_a_deadline(
    ajv: list[str], deadline: dict[str, object], message: str, tmp_path: Path
) -> None:
    data = json_copy(with_deadline(deadline), tmp_path / "data.json")
    done = subprocess.run(
        [
            *ajv,
            "validate",
            "--spec=draft2020",
            "--errors=text",
            "-s",
            str(SCHEMA / "plan.schema.json"),
            "-d",
            str(data),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == f"{data} invalid\n{message}\n"


def test_the_best_match_inside_a_deadline_is_the_value_that_is_wrong() -> None:
    """check-jsonschema and editors report jsonschema's best match: the year, not a failed
    oneOf over the deadline kinds."""
    schema = json.loads((SCHEMA / "plan.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = with_deadline({"kind": "quarter", "year": "2017", "quarter": 1})
    best = jsonschema.exceptions.best_match(validator.iter_errors(data))
    assert best is not None
    assert (list(best.absolute_path), best.message) == (
        ["measures", 0, "deadline", "year"],
        "'2017' is not of type 'integer'",
    )
    assert "discriminator" not in json.dumps(schema)


def test_dates_are_patterns_not_formats() -> None:
    """Strict ajv refuses to ignore a format it does not know (`date`, without ajv-formats)."""
    for name in ("plan", "abbreviations"):
        assert '"format"' not in (SCHEMA / f"{name}.schema.json").read_text(encoding="utf-8")
    schema = json.loads((SCHEMA / "plan.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    data = parse(decode(PLAN.read_bytes()))
    data["act"]["date"] = "2016-13-29"
    (error,) = validator.iter_errors(data)
    assert list(error.absolute_path) == ["act", "date"]
