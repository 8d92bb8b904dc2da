"""The fixture plans in the new schema: Resolution 934's plan, transcribed by hand from
tests/acts/ (its texts are the act's), validates; its cells are the act's cells."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from conftest import TESTS, run
from reintegration_plan.loader import load_plan

FIXTURE = TESTS / "fixtures" / "plan_934" / "plan.yaml"
ACT = TESTS / "acts" / "pp-2025-934-aml-risk-measures" / "act.md"


class _Cells(HTMLParser):
    """The cells of the act's first table, each with its whitespace collapsed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.tables = 0
        self.cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "table":
            self.tables += 1
        elif tag == "tr" and self.tables == 1:
            self.rows.append([])
        elif tag in ("td", "th") and self.tables == 1:
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def test_the_934_fixture_validates_with_the_act_s_own_quirks_as_warnings() -> None:
    result = run("validate", str(FIXTURE))
    assert (result.exit_code, result.stderr) == (0, "")
    summary = result.stdout.splitlines()[-1]
    assert summary == (
        "1 file checked: 0 errors, 66 warnings (missing-translation 56, review-note 1, "
        "undefined-abbreviation 9)"
    )
    # the act uses ОД alone (its glossary defines only ОД/ФТ) and СМИ without defining them
    undefined = re.findall(r"'(\w+)' is used but not defined", result.stdout)
    assert sorted(set(undefined)) == ["ОД", "СМИ"]


def test_the_934_fixture_s_cells_are_the_act_s() -> None:
    cells = _Cells()
    cells.feed(ACT.read_text(encoding="utf-8"))
    rows = cells.rows[2:]  # after the numbers row and the names row
    plan = load_plan(FIXTURE)
    assert len(rows) == len(plan.file.measures) == 44
    for row, measure in zip(rows, plan.file.measures, strict=True):
        assert row == [
            measure.number_text,
            measure.text,
            measure.form_text,
            measure.deadline_text,
            measure.executors_text,
            measure.financing_text,
            measure.sources_text,
        ]
    assert plan.file.table is not None
    assert [c.heading for c in plan.file.table.columns] == cells.rows[1]
    assert json.dumps([c.number for c in plan.file.table.columns]) == json.dumps(
        [int(n) for n in cells.rows[0]]
    )


def test_the_new_kinds_validate_against_the_committed_schema() -> None:
    """Plan files using every new kind are valid for an independent JSON Schema validator."""
    import jsonschema

    from conftest import REPO
    from reintegration_plan.yamlio import decode, parse

    schema = json.loads((REPO / "schema" / "plan.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for path in (FIXTURE, TESTS / "cases" / "valid" / "new-kinds" / "plan.yaml"):
        data = parse(decode(path.read_bytes()))
        assert [e.message for e in validator.iter_errors(data)] == [], path
        broken = dict(data, measures=[dict(data["measures"][0], number="1.x")])
        assert not validator.is_valid(broken)


def test_every_group_of_bodies_has_its_name_in_both_languages() -> None:
    from reintegration_plan.i18n import LABELS
    from reintegration_plan.models import BODIES

    assert sorted(b for b in BODIES if f"body.{b}" not in LABELS) == []
