"""The commands on plans of the new kinds: goldens of `plan due`, `plan calendar`, `plan
timeline` (and of the measures, a measure falling due several times, the report and the
submission) on Resolution 934's plan (tests/fixtures/plan_934, transcribed from tests/acts/)
and on the case with every kind at once (tests/cases/valid/new-kinds); and the status rules
of each kind of deadline, with README's examples.

``UPDATE_GOLDEN=1 pytest tests/test_new_kinds.py`` rewrites tests/golden/new_kinds/: review
every changed golden by eye (each time a recurring measure falls due is an obligation of its
own, ``measure-N-<period>``; nothing is owed before the act's date; undated is never overdue).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest
from pydantic import TypeAdapter

from conftest import TESTS, check_golden, run
from reintegration_plan.deadlines import occurrences
from reintegration_plan.models import Deadline
from reintegration_plan.obligations import Obligation
from reintegration_plan.status import Status, computed_status, horizon_of

GOLDEN = TESTS / "golden" / "new_kinds"
PLAN_934 = TESTS / "fixtures" / "plan_934" / "plan.yaml"
PROGRESS_934 = TESTS / "fixtures" / "plan_934" / "progress.yaml"
NEW_KINDS = TESTS / "cases" / "valid" / "new-kinds" / "plan.yaml"


def plan_934(*args: str, width: str = "120") -> str:
    result = run(
        *args, "--plan", str(PLAN_934), "--progress", str(PROGRESS_934), env={"COLUMNS": width}
    )
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


def new_kinds(*args: str, width: str = "120") -> str:
    result = run(*args, "--plan", str(NEW_KINDS), env={"COLUMNS": width})
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout


CASES_934: dict[str, tuple[str, ...]] = {
    "934-due-2026-04-01-ru.txt": ("due", "--as-of", "2026-04-01", "--lang", "ru"),
    "934-due-2026-04-01-all.json": ("due", "--as-of", "2026-04-01", "--all", "--format", "json"),
    "934-calendar-2026-04-01-ru.ics": ("calendar", "--as-of", "2026-04-01", "--lang", "ru"),
    "934-timeline-2026-04-01-ru.txt": ("timeline", "--as-of", "2026-04-01", "--lang", "ru"),
    "934-measures-2026-04-01-en.txt": ("measures", "--as-of", "2026-04-01", "--lang", "en"),
    "934-show-3-2026-04-01.json": ("show", "3", "--as-of", "2026-04-01", "--format", "json"),
    "934-report-2026-04-01-ru.md": (
        "report",
        "--as-of",
        "2026-04-01",
        "--lang",
        "ru",
        "--format",
        "markdown",
    ),
    "934-submission-mf-2026H1.md": (
        "submission",
        "--agency",
        "mf",
        "--period",
        "2026H1",
        "--format",
        "markdown",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES_934))
def test_934_golden(name: str) -> None:
    check_golden(GOLDEN / name, plan_934(*CASES_934[name]))


CASES_NEW_KINDS: dict[str, tuple[str, ...]] = {
    "new-kinds-due-2022-05-10-all.json": (
        "due",
        "--as-of",
        "2022-05-10",
        "--all",
        "--format",
        "json",
    ),
    "new-kinds-calendar-2022-05-10-en.ics": ("calendar", "--as-of", "2022-05-10", "--lang", "en"),
    "new-kinds-timeline-2022-05-10-en.txt": ("timeline", "--as-of", "2022-05-10", "--lang", "en"),
}


@pytest.mark.parametrize("name", sorted(CASES_NEW_KINDS))
def test_new_kinds_golden(name: str) -> None:
    check_golden(GOLDEN / name, new_kinds(*CASES_NEW_KINDS[name]))


# --- what the goldens say, asserted ----------------------------------------------------------


def _due_all(as_of: str) -> dict[str, dict[str, Any]]:
    data = json.loads(plan_934("due", "--as-of", as_of, "--all", "--format", "json"))
    return {item["id"]: item for item in data["items"]}


def test_a_recurring_measure_is_an_obligation_per_period_from_the_act_s_date() -> None:
    items = _due_all("2026-04-01")
    quarterly = sorted(i for i in items if i.startswith("measure-13-"))
    # "ежеквартально" over 2025 – 2027, nothing before the act (7 November 2025)
    assert (
        quarterly == [f"measure-13-{y}Q{q}" for y in (2025, 2026, 2027) for q in (1, 2, 3, 4)][3:]
    )
    assert items["measure-13-2025Q4"]["status"] == "overdue"
    assert items["measure-13-2026Q1"]["status"] == "cancelled"  # recorded for that quarter only
    assert items["measure-13-2026Q2"]["status"] == "due"
    assert items["measure-13-2026Q3"]["status"] == "upcoming"
    assert items["measure-13-2026Q2"]["occurrence"] == "2026Q2"
    # done late, for one half-year; the next one is due
    assert (items["measure-3-2025H2"]["status"], items["measure-3-2025H2"]["days_late"]) == (
        "done",
        15,
    )
    assert items["measure-3-2026H1"]["status"] == "due"
    # the event has no date: in progress, never overdue
    assert items["measure-35"]["status"] == "in_progress"
    assert items["measure-35"]["deadline"] is None


def test_the_reports_and_the_second_level_report() -> None:
    items = _due_all("2026-04-01")
    first = sorted(i for i in items if i.startswith("half-yearly-information-"))
    second = sorted(i for i in items if i.startswith("consolidated-information-"))
    halves = ["2025H2", "2026H1", "2026H2", "2027H1", "2027H2"]
    assert first == [f"half-yearly-information-{h}" for h in halves]
    assert second == [f"consolidated-information-{h}" for h in halves]
    assert items["half-yearly-information-2026H1"]["deadline"] == "2026-07-05"
    assert items["consolidated-information-2026H1"]["deadline"] == "2026-07-20"
    assert items["consolidated-information-2026H1"]["executors"] == ["АФМ"]
    # the first is owed by the agencies of the groups point 2 names that execute measures
    owing = items["half-yearly-information-2026H1"]["executors"]
    assert "АФМ" not in owing and "МФ" in owing and "НПП «Атамекен»" not in owing


def test_plan_agency_counts_measures_as_plan_agencies_does() -> None:
    """A measure falling due several times is one measure in both (its obligations, one each
    time, are the rows); `plan agency` says how many times they fall due."""
    table = json.loads(plan_934("agencies", "--as-of", "2026-06-01", "--format", "json"))
    afm = next(a for a in table["agencies"] if a["code"] == "АФМ")
    assert (afm["lead"], afm["co"], afm["by_agreement"], afm["reports"]) == (33, 10, 43, 5)
    duties = json.loads(plan_934("agency", "АФМ", "--as-of", "2026-06-01", "--format", "json"))
    assert len({i["number"] for i in duties["lead"]}) == 33 < len(duties["lead"]) == 61
    assert len({i["number"] for i in duties["co"]}) == 10 < len(duties["co"]) == 22
    headings = {
        "en": [
            "Measures it leads: 33 (due 61 times in all)",
            "Measures it co-executes: 10 (due 22 times in all)",
            "Reports it owes: 5",
        ],
        "ru": [
            "Мероприятия, где орган ответственный (созыв): 33 (сроков исполнения: 61)",
            "Мероприятия, где орган соисполнитель: 10 (сроков исполнения: 22)",
            "Отчетность органа: 5",
        ],
    }
    for lang, expected in headings.items():
        text = plan_934("agency", "АФМ", "--as-of", "2026-06-01", "--lang", lang)
        lines = text.splitlines()
        assert [line for line in lines if line in expected] == expected


def test_calendar_uids_are_unique_and_stable() -> None:
    text = plan_934("calendar", "--as-of", "2026-04-01", "--lang", "ru")
    uids = re.findall(r"^UID:(.*?)\r?$", text, re.MULTILINE)
    assert len(uids) == len(set(uids))
    assert "measure-13-2026Q2@reintegration-plan.kz-934-2025" in uids
    later = plan_934("calendar", "--as-of", "2027-01-01", "--lang", "en")
    assert set(re.findall(r"^UID:(.*?)\r?$", later, re.MULTILINE)) == set(uids)
    # the undated event has no entry
    assert "measure-35@" not in text


def test_plan_record_names_the_time_a_measure_falls_due() -> None:
    from reintegration_plan.errors import UnknownName
    from reintegration_plan.loader import load_plan
    from reintegration_plan.record import new_record

    plan = load_plan(PLAN_934)
    record = new_record(plan, "MEASURE-13-2026q2", "done", dt.date(2026, 5, 1), "https://x.kz")
    assert (record.obligation, record.measure) == ("measure-13-2026Q2", None)
    with pytest.raises(UnknownName, match="measure 13 falls due several times: name the one"):
        new_record(plan, "13", "done", dt.date(2026, 5, 1), "https://x.kz")
    assert new_record(plan, "№ 5", "done", dt.date(2026, 5, 1), "https://x.kz").measure == 5


# --- the status rules of each kind, README's examples -------------------------------------

DEADLINE: TypeAdapter[Deadline] = TypeAdapter(Deadline)


def status(fields: dict[str, Any], as_of: str, years: tuple[int, int]) -> list[Status]:
    """The computed status, as of the date, of each time the deadline falls due."""
    day = dt.date.fromisoformat(as_of)
    found = []
    for occurrence in occurrences(DEADLINE.validate_python(fields), *years):
        obligation = Obligation(
            "measure", "m", "", None, occurrence.due, occurrence.start, None, ()
        )
        found.append(computed_status(obligation, day, horizon_of(day)))
    return found


@pytest.mark.parametrize(
    ("fields", "as_of", "years", "expected"),
    [
        ({"kind": "quarter", "year": 2017, "quarter": 2}, "2017-07-01", (2017, 2019), "overdue"),
        ({"kind": "quarter", "year": 2017, "quarter": 3}, "2017-07-01", (2017, 2019), "due"),
        (
            {"kind": "period", "first_year": 2017, "last_year": 2019},
            "2017-07-01",
            (2017, 2019),
            "ongoing",
        ),
        ({"kind": "quarter", "year": 2018, "quarter": 1}, "2017-07-01", (2017, 2019), "upcoming"),
        (
            {
                "kind": "quarters",
                "first_year": 2021,
                "first_quarter": 1,
                "last_year": 2021,
                "last_quarter": 2,
            },
            "2021-02-01",
            (2021, 2023),
            "ongoing",
        ),
        (
            {
                "kind": "quarters",
                "first_year": 2021,
                "first_quarter": 1,
                "last_year": 2021,
                "last_quarter": 2,
            },
            "2021-04-01",
            (2021, 2023),
            "due",
        ),
        ({"kind": "from_date", "date": "2012-01-10"}, "2012-03-01", (2012, 2014), "ongoing"),
        ({"kind": "from_date", "date": "2012-01-10"}, "2012-01-09", (2012, 2014), "upcoming"),
        ({"kind": "date", "date": "2012-01-31"}, "2012-01-31", (2012, 2014), "due"),
        ({"kind": "date", "date": "2012-01-31"}, "2012-02-01", (2012, 2014), "overdue"),
        ({"kind": "year", "year": 2022}, "2022-03-01", (2022, 2026), "ongoing"),
        ({"kind": "year", "year": 2022}, "2022-10-01", (2022, 2026), "due"),
        ({"kind": "undated", "reason": "permanent"}, "2030-01-01", (2021, 2023), "undated"),
        (
            {"kind": "month", "year": 2022, "month": 1, "due_day": 1},
            "2022-01-02",
            (2022, 2022),
            "overdue",
        ),
    ],
)
def test_status_of_each_kind(
    fields: dict[str, Any], as_of: str, years: tuple[int, int], expected: str
) -> None:
    assert status(fields, as_of, years) == [Status(expected)]


def test_a_quarterly_deadline_as_of_a_day_in_may() -> None:
    """README: as of 2023-05-10, "ежеквартально" is overdue for Q1 (40 days), due for Q2,
    upcoming for Q3 and Q4."""
    found = status({"kind": "recurring", "every": "quarter"}, "2023-05-10", (2023, 2023))
    assert found == [Status.overdue, Status.due, Status.upcoming, Status.upcoming]
    assert (dt.date(2023, 5, 10) - dt.date(2023, 3, 31)).days == 40


def test_a_long_list_of_reports_is_cut_in_messages() -> None:
    result = run("show", "5", "--plan", str(NEW_KINDS))
    assert result.exit_code == 2
    assert result.stderr == (
        "plan: error: there is no measure 5 in the plan: expected a measure number 1.1–2.14, "
        "the id of a time a measure falls due (such as measure-1.1-c6) or a report id: "
        "monthly-information-2021-01, monthly-information-2021-02, "
        "monthly-information-2021-03, monthly-information-2021-04, monthly-information-2021-05, "
        "monthly-information-2021-06, monthly-information-2021-07, monthly-information-2021-08, "
        "monthly-information-2021-09, monthly-information-2021-10, … (60 in all)\n"
    )
