"""`plan validate --progress FILE` (or a progress file among FILES, told by its `records` key)
reports every problem of a progress file at file:line:col, like the plan's diagnostics.

Goldens: tests/golden/validate_progress/<case>.txt, the output for <case>.yaml, run from that
directory. ``UPDATE_GOLDEN=1`` rewrites them; review every change by eye.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import PLAN, TESTS, check_golden, run
from reintegration_plan import progress, yamlio
from reintegration_plan.loader import load_plan
from reintegration_plan.progress import load_records

CASES = TESTS / "golden" / "validate_progress"
SAMPLE = TESTS / "fixtures" / "progress_sample.yaml"


@pytest.mark.parametrize("case", ["records", "schema"])
def test_golden_diagnostics(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    result = run("validate", "--progress", f"{case}.yaml")
    assert (result.exit_code, result.stderr) == (1, "")
    check_golden(CASES / f"{case}.txt", result.stdout)
    # given as a file, it is told to be a progress file by its content: the same diagnostics
    assert run("validate", f"{case}.yaml").stdout == result.stdout


def test_the_record_problems_are_at_their_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    result = run("validate", "records.yaml", "--format", "json")
    data = json.loads(result.stdout)
    assert [(p["line"], p["column"], p["severity"], p["code"]) for p in data["problems"]] == [
        (8, 12, "error", "unknown-measure"),
        (11, 15, "error", "unknown-obligation"),
        (16, 11, "warning", "done-without-evidence"),
        (18, 7, "error", "unknown-agency"),
        (26, 7, "error", "unknown-agency"),  # each agency looked up once, each record checked
    ]
    assert (data["valid"], data["files"]) == (False, ["records.yaml"])


def test_a_file_in_plan_records_layout_is_read_without_the_parser_and_its_problems_located(
    tmp_path: Path,
) -> None:
    """The queries read a progress file as `plan record` writes it without the parser's
    positions (yamlio.parse_simple); a problem found makes them read it again with them: the
    same diagnostics, at the same lines, as plan validate's."""
    text = "".join(
        line.split("  #")[0].rstrip() + "\n"
        for line in (CASES / "records.yaml").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    )
    assert yamlio.parse_simple(text) == yamlio.parse(text)
    path = tmp_path / "progress.yaml"
    path.write_text(text, encoding="utf-8")
    due = run("due", "--progress", str(path), "--as-of", "2018-07-01")
    validate = run("validate", "--progress", str(path))
    assert (due.exit_code, validate.exit_code) == (1, 1)
    errors = [line for line in validate.stdout.splitlines() if ": error: " in line]
    assert [line.split(": ")[0] for line in errors] == [
        f"{path}:7:12",
        f"{path}:10:15",
        f"{path}:17:7",
        f"{path}:25:7",
    ]
    assert due.stderr.splitlines()[: len(errors)] == errors


def test_the_queries_read_a_file_with_warnings_without_the_parser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warning needs its position only where warnings are shown: plan validate and
    load_records' callers that want them, not the queries."""
    path = tmp_path / "progress.yaml"
    path.write_text(
        "schema_version: 1\nrecords:\n- measure: 3\n  status: done\n  on: 2017-03-01\n",
        encoding="utf-8",
    )
    plan = load_plan(PLAN)
    records, warnings = load_records(path, plan)
    assert [(w.line, w.column, w.code) for w in warnings] == [(4, 11, "done-without-evidence")]
    monkeypatch.setattr(progress, "open_document", lambda *_: pytest.fail("parsed"))
    assert load_records(path, plan, warnings=False) == (records, [])
    assert [(r.measure, r.status.value) for r in records] == [(3, "done")]


def test_a_valid_progress_file() -> None:
    result = run("validate", "--progress", str(SAMPLE))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "1 file checked: no problems\n",
        "",
    )


def test_warnings_only_pass_unless_strict(tmp_path: Path) -> None:
    path = tmp_path / "progress.yaml"
    path.write_text("schema_version: 1\nrecords:\n- measure: 3\n  status: done\n  on: 2017-03-01\n")
    assert run("validate", "--progress", str(path)).exit_code == 0
    assert run("validate", "--progress", str(path), "--strict").exit_code == 1


def test_the_plan_and_a_progress_file_together(tmp_path: Path) -> None:
    result = run("validate", str(PLAN), "--progress", str(SAMPLE), "--format", "json")
    data = json.loads(result.stdout)
    assert data["files"] == [str(PLAN), str(SAMPLE)]
    assert {p["code"] for p in data["problems"]} <= {"undefined-abbreviation"}
    assert result.exit_code == 0


def test_records_are_checked_against_the_plan_given(tmp_path: Path) -> None:
    # a copy of the plan with measure 30 removed: a record of measure 30 no longer fits it
    copy = tmp_path / "data"
    copy.mkdir()
    text = PLAN.read_text(encoding="utf-8")
    text = text[: text.index("  - number: 30\n")]
    (copy / PLAN.name).write_text(text, encoding="utf-8")
    (copy / "abbreviations.yaml").write_bytes((PLAN.parent / "abbreviations.yaml").read_bytes())
    progress = tmp_path / "progress.yaml"
    progress.write_text(
        "schema_version: 1\nrecords:\n- measure: 30\n  status: in_progress\n  on: 2017-03-01\n"
    )
    assert run("validate", "--progress", str(progress)).exit_code == 0
    result = run("validate", "--progress", str(progress), "--plan", str(copy / PLAN.name))
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"{progress}:3:12: error: there is no measure 30 in the plan: expected a measure "
        "number 1–29 or a report id"
    )


def test_a_missing_progress_file_is_exit_2() -> None:
    result = run("validate", "--progress", "missing.yaml")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "plan: error: missing.yaml: no such file\n"


def test_a_status_or_day_written_as_people_type_them_is_told_the_form_to_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An official editing the file by hand writes what `plan record` reads (`выполнено`,
    `20.06.2017`); the file keeps the names and ISO days, and the diagnostic says what to
    write instead; a word that is no status, a day in no form, keep their messages."""
    monkeypatch.chdir(tmp_path)
    Path("progress.yaml").write_text(
        "schema_version: 1\nrecords:\n"
        "- {measure: 6, status: выполнено, on: 20.06.2017, evidence: приказ 1}\n"
        "- {measure: 7, status: В работе, on: 31.06.2017}\n"
        "- {measure: 8, status: сделано, on: 2017/06/20}\n"
        "- {measure: 9, status: in progress, on: 1.7.2018}\n",
        encoding="utf-8",
    )
    result = run("validate", "progress.yaml")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        "progress.yaml:3:24: error: a status is written by its name in a progress file: write"
        " done (got 'выполнено') [records[0].status] (invalid-value)",
        "progress.yaml:3:39: error: expected a date written YYYY-MM-DD: write 2017-06-20"
        " (got '20.06.2017') [records[0].on] (invalid-value)",
        "progress.yaml:4:24: error: a status is written by its name in a progress file: write"
        " in_progress (got 'В работе') [records[1].status] (invalid-value)",
        "progress.yaml:4:38: error: not a day of the calendar (got '31.06.2017')"
        " [records[1].on] (invalid-value)",
        "progress.yaml:5:24: error: input should be 'not_started', 'in_progress', 'done' or"
        " 'cancelled' (got 'сделано') [records[2].status] (invalid-value)",
        "progress.yaml:5:37: error: expected a date written YYYY-MM-DD (got '2017/06/20')"
        " [records[2].on] (invalid-value)",
        "progress.yaml:6:24: error: a status is written by its name in a progress file: write"
        " in_progress (got 'in progress') [records[3].status] (invalid-value)",
        "progress.yaml:6:41: error: expected a date written YYYY-MM-DD: write 2018-07-01"
        " (got '1.7.2018') [records[3].on] (invalid-value)",
        "1 file checked: 8 errors, 0 warnings (invalid-value 8)",
    ]
    # the queries refuse it with the same diagnostics
    due = run("due", "--as-of", "01.07.2018")
    assert due.exit_code == 1
    assert due.stderr.splitlines()[:8] == result.stdout.splitlines()[:8]
