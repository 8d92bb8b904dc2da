"""Every obligation id the tool prints (JSON and CSV `id`, the calendar's X-PLAN-ID) is taken
back wherever a target is typed (`plan show`, `plan record`) and in a progress file's
`obligation:`, in any letter case; the two follow one rule."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import PLAN, TESTS, run

PLAN_934 = TESTS / "fixtures" / "plan_934" / "plan.yaml"


def printed_ids(*args: str) -> list[str]:
    result = run("due", "--all", "--format", "json", "--as-of", "2026-01-01", *args)
    assert result.exit_code == 0, result.output
    return [item["id"] for item in json.loads(result.stdout)["items"]]


def calendar_ids(*args: str) -> list[str]:
    result = run("calendar", "--as-of", "2026-01-01", *args)
    assert result.exit_code == 0, result.output
    return re.findall(r"^X-PLAN-ID:(.*)\r$", result.stdout, re.MULTILINE)


@pytest.mark.parametrize("plan", [PLAN, PLAN_934], ids=["912", "934"])
def test_show_takes_every_printed_id_in_any_case(plan: Path) -> None:
    ids = printed_ids("--plan", str(plan))
    assert set(calendar_ids("--plan", str(plan))) <= set(ids)
    for n, id_ in enumerate(ids):
        typed = (id_, id_.upper(), id_.lower())[n % 3]
        result = run(
            "show", typed, "--plan", str(plan), "--format", "json", "--as-of", "2026-01-01"
        )
        assert (result.exit_code, result.stderr) == (0, ""), (typed, result.stderr)
        assert json.loads(result.stdout)["id"] == id_, typed


def test_show_measure_5_is_show_5() -> None:
    args = ("--as-of", "2018-01-01", "--format", "json")
    assert run("show", "MEASURE-5", *args).stdout == run("show", "5", *args).stdout


def test_an_id_of_no_measure_says_so() -> None:
    result = run("show", "measure-99")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(
        "plan: error: there is no measure 99 in the plan: expected a measure number 1–30 or "
    )


def records(path: Path) -> str:
    return path.read_text(encoding="utf-8").split("records:\n", 1)[1]


def test_record_takes_printed_ids_and_writes_them_as_the_plan_does(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    common = ("--on", "2017-07-05", "--evidence", "x", "--progress", str(progress))
    for typed in ("measure-5", "HALF-YEARLY-REPORT-2017h1"):
        result = run("record", typed, "--status", "done", *common)
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    assert records(progress) == (
        "- measure: 5\n  status: done\n  on: 2017-07-05\n  evidence: x\n"
        "- obligation: half-yearly-report-2017H1\n  status: done\n  on: 2017-07-05\n"
        "  evidence: x\n"
    )


def test_record_of_a_measure_falling_due_several_times_by_its_measure_id(
    tmp_path: Path,
) -> None:
    progress = tmp_path / "progress.yaml"
    common = ("--status", "done", "--on", "2026-01-01", "--evidence", "x", "--force")
    args = (*common, "--plan", str(PLAN_934), "--progress", str(progress))
    result = run("record", "Measure-13", *args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "plan: error: measure 13 falls due several times: name the one the record is about, "
        "measure-13-2025Q4 (or another of 9)\n"
    )
    assert run("record", "MEASURE-13-2026q1", *args).exit_code == 0
    assert "- obligation: measure-13-2026Q1\n" in records(progress)


def test_a_progress_file_takes_the_same_ids_in_any_case(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    progress.write_text(
        "schema_version: 1\nrecords:\n"
        "- obligation: MEASURE-6\n  status: done\n  on: 2018-01-05\n  evidence: z\n"
        "- obligation: Half-Yearly-Report-2017h2\n  status: done\n  on: 2018-01-05\n"
        "  evidence: z\n",
        encoding="utf-8",
    )
    result = run("validate", "--progress", str(progress))
    assert (result.exit_code, result.stdout) == (0, "1 file checked: no problems\n")
    due = run(
        "due", "--all", "--format", "json", "--as-of", "2018-02-01", "--progress", str(progress)
    )
    items = {item["id"]: item for item in json.loads(due.stdout)["items"]}
    assert items["measure-6"]["status"] == items["half-yearly-report-2017H2"]["status"] == "done"


def test_a_progress_file_naming_a_recurring_measure_by_its_measure_id(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    progress.write_text(
        "schema_version: 1\nrecords:\n"
        "- obligation: measure-13\n  status: done\n  on: 2026-01-01\n  evidence: x\n",
        encoding="utf-8",
    )
    result = run("validate", "--plan", str(PLAN_934), "--progress", str(progress))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{progress}:3:15: error: measure 13 falls due several times: name the one the record "
        "is about, `obligation: measure-13-2025Q4` (or another of 9) [records[0].obligation] "
        "(unknown-obligation)\n1 file checked: 1 error, 0 warnings (unknown-obligation 1)\n"
    )


def test_a_plan_without_reports_says_so(tmp_path: Path) -> None:
    """№ 991's plan has no reporting duty: the message says so rather than ending in ':'."""
    out = tmp_path / "plan.yaml"
    act = next((TESTS / "acts").glob("pp-2021-991-*/act.md"))
    assert run("import", str(act), "-o", str(out)).exit_code == 0
    result = run("show", "99", "--plan", str(out))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "plan: error: there is no measure 99 in the plan: expected a measure number 1–26 or the "
        "id of a time a measure falls due (such as measure-1-c5); the plan has no reports\n",
    )
