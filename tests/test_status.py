"""The deadline and status rules at their edges, and properties of the quarter arithmetic.

The rules (README "Deadline rules"): a quarter deadline falls on the quarter's last day,
inclusive; a period runs from 1 January of its first year to 31 December of its last; the
half-yearly report is due on the 10th of the month after each half-year. As of a date D an
obligation is overdue when its deadline is before D, due when the deadline is between D and
the end of D's quarter (or of a --within window), ongoing when a period has started but is
not due, upcoming otherwise; recorded progress dated on or before D can replace that.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import PLAN
from reintegration_plan.deadlines import (
    half_year_report_due,
    quarter_end,
    quarter_of,
    quarter_start,
)
from reintegration_plan.inputs import window_end
from reintegration_plan.loader import load_plan
from reintegration_plan.models import ProgressRecord
from reintegration_plan.obligations import Obligation, all_obligations
from reintegration_plan.plan import Plan
from reintegration_plan.status import Standing, Status, horizon_of, status_of

D = dt.date


@cache
def plan() -> Plan:
    return load_plan(PLAN)


def obligation(id_: str) -> Obligation:
    return {item.id: item for item in all_obligations(plan())}[id_]


def standing(
    id_: str, as_of: dt.date, within: str | None = None, *records: dict[str, object]
) -> Standing:
    parsed = [ProgressRecord.model_validate(r) for r in records]
    end = window_end(within, as_of) if within is not None else None
    return status_of(obligation(id_), as_of, horizon_of(as_of, end), parsed)


# --- the obligations the act creates -------------------------------------------------------


def test_every_obligation_and_its_deadline() -> None:
    items = all_obligations(plan())
    assert [o.id for o in items[30:]] == [
        "half-yearly-report-2017H1",
        "half-yearly-report-2017H2",
        "half-yearly-report-2018H1",
        "half-yearly-report-2018H2",
        "half-yearly-report-2019H1",
        "half-yearly-report-2019H2",
        "annual-evaluation",
        "consolidated-report",
    ]
    assert [o.deadline for o in items[30:]] == [
        D(2017, 7, 10),
        D(2018, 1, 10),
        D(2018, 7, 10),
        D(2019, 1, 10),
        D(2019, 7, 10),
        D(2020, 1, 10),
        None,
        D(2020, 2, 25),
    ]
    assert [o.id for o in items[:30]] == [f"measure-{n}" for n in range(1, 31)]
    measure_5, measure_21 = items[4], items[20]
    assert (measure_5.deadline, measure_5.start, measure_5.deadline_text) == (
        D(2017, 6, 30),
        None,
        "2 квартал 2017 года",
    )
    assert (measure_21.deadline, measure_21.start, measure_21.deadline_text) == (
        D(2019, 12, 31),
        D(2017, 1, 1),
        "2017 – 2019 годы",
    )
    assert measure_21.executors == ("МВД", "МТСЗН", "акиматы областей, городов Астаны и Алматы")
    assert measure_21.lead == "МВД"


def test_who_owes_the_reports() -> None:
    half_yearly = obligation("half-yearly-report-2018H1")
    # central and local executive bodies, and the bodies accountable to the President (ГП, by
    # agreement); not МВД, which receives it; not НПО; not МЗСР, which executes nothing
    assert half_yearly.executors == (
        "ГП",
        "МФ",
        "МОН",
        "МЗ",
        "МТСЗН",
        "МНЭ",
        "акиматы областей, городов Астаны и Алматы",
    )
    assert (half_yearly.lead, half_yearly.by_agreement, half_yearly.period) == (
        None,
        ("ГП",),
        "2018H1",
    )
    for id_ in ("annual-evaluation", "consolidated-report"):
        assert (obligation(id_).lead, obligation(id_).executors) == ("МВД", ("МВД",))


# --- status rules, table-driven --------------------------------------------------------------

# (obligation, as of, --within, expected status, expected days overdue)
EDGES = [
    # a quarter deadline: 2 квартал 2017 года -> 2017-06-30, inclusive
    ("measure-5", D(2017, 3, 31), None, Status.upcoming, None),  # the quarter before: not yet
    ("measure-5", D(2017, 4, 1), None, Status.due, None),  # its quarter begins
    ("measure-5", D(2017, 6, 29), None, Status.due, None),
    ("measure-5", D(2017, 6, 30), None, Status.due, None),  # the last day of the quarter
    ("measure-5", D(2017, 7, 1), None, Status.overdue, 1),  # the day after
    ("measure-5", D(2018, 7, 1), None, Status.overdue, 366),
    # the first quarter of the plan: due from the plan's first day
    ("measure-1", D(2017, 1, 1), None, Status.due, None),
    ("measure-1", D(2017, 3, 31), None, Status.due, None),
    ("measure-1", D(2017, 4, 1), None, Status.overdue, 1),
    # a period: 2017 – 2019 годы -> from 2017-01-01, due 2019-12-31
    ("measure-21", D(2016, 12, 31), None, Status.upcoming, None),  # before the period
    ("measure-21", D(2017, 1, 1), None, Status.ongoing, None),  # the period's start
    ("measure-21", D(2019, 9, 30), None, Status.ongoing, None),
    ("measure-21", D(2019, 10, 1), None, Status.due, None),  # its last quarter
    ("measure-21", D(2019, 12, 31), None, Status.due, None),  # the period's end
    ("measure-21", D(2020, 1, 1), None, Status.overdue, 1),
    # the half-yearly report: the 10th of the month after the half-year
    ("half-yearly-report-2017H1", D(2017, 6, 30), None, Status.upcoming, None),
    ("half-yearly-report-2017H1", D(2017, 7, 1), None, Status.due, None),
    ("half-yearly-report-2017H1", D(2017, 7, 10), None, Status.due, None),  # the 10th
    ("half-yearly-report-2017H1", D(2017, 7, 11), None, Status.overdue, 1),
    ("half-yearly-report-2017H2", D(2017, 12, 31), None, Status.upcoming, None),
    ("half-yearly-report-2017H2", D(2018, 1, 10), None, Status.due, None),
    ("half-yearly-report-2017H2", D(2018, 1, 11), None, Status.overdue, 1),
    ("half-yearly-report-2019H2", D(2020, 1, 10), None, Status.due, None),
    ("half-yearly-report-2019H2", D(2020, 1, 11), None, Status.overdue, 1),
    # the consolidated report: 2020-02-25
    ("consolidated-report", D(2019, 12, 31), None, Status.upcoming, None),
    ("consolidated-report", D(2020, 1, 1), None, Status.due, None),
    ("consolidated-report", D(2020, 2, 25), None, Status.due, None),
    ("consolidated-report", D(2020, 2, 26), None, Status.overdue, 1),
    # the annual evaluation has no date: never overdue
    ("annual-evaluation", D(2016, 1, 1), None, Status.undated, None),
    ("annual-evaluation", D(2030, 1, 1), None, Status.undated, None),
    # --within replaces the end of the quarter as the horizon
    ("measure-5", D(2017, 5, 31), "30d", Status.due, None),  # 2017-06-30 is inside
    ("measure-5", D(2017, 5, 31), "29d", Status.upcoming, None),  # 2017-06-29 is not
    ("measure-10", D(2017, 6, 15), "1q", Status.upcoming, None),  # to 2017-09-15
    ("measure-10", D(2017, 6, 15), "4m", Status.due, None),  # to 2017-10-15
    ("half-yearly-report-2017H1", D(2017, 6, 30), "10d", Status.due, None),
    ("half-yearly-report-2017H1", D(2017, 6, 30), "9d", Status.upcoming, None),
    ("measure-5", D(2017, 7, 1), "1y", Status.overdue, 1),  # overdue whatever the window
]


@pytest.mark.parametrize(
    ("id_", "as_of", "within", "status", "days"),
    EDGES,
    ids=[f"{e[0]}@{e[1]}{'+' + e[2] if e[2] else ''}" for e in EDGES],
)
def test_status_at_the_edges(
    id_: str, as_of: dt.date, within: str | None, status: Status, days: int | None
) -> None:
    result = standing(id_, as_of, within)
    assert (result.status, result.computed, result.days_overdue) == (status, status, days)
    assert (result.days_late, result.record) == (None, None)


def _rec(status: str, on: str, **more: object) -> dict[str, object]:
    return {"measure": 5, "status": status, "on": on, **more}


# (records about measure 5, due 2017-06-30, as of the date) -> status, days overdue, days late
WITH_PROGRESS = [
    ("done on time", [_rec("done", "2017-06-30")], D(2017, 9, 1), Status.done, None, None),
    ("done a day late", [_rec("done", "2017-07-01")], D(2017, 9, 1), Status.done, None, 1),
    (
        "done late, seen early",
        [_rec("done", "2017-07-11")],
        D(2017, 7, 10),
        Status.overdue,
        10,
        None,
    ),
    ("done, on the day asked", [_rec("done", "2017-07-11")], D(2017, 7, 11), Status.done, None, 11),
    (
        "in progress before",
        [_rec("in_progress", "2017-05-01")],
        D(2017, 6, 30),
        Status.in_progress,
        None,
        None,
    ),
    (
        "in progress past",
        [_rec("in_progress", "2017-05-01")],
        D(2017, 7, 1),
        Status.overdue,
        1,
        None,
    ),
    (
        "in progress early",
        [_rec("in_progress", "2017-01-15")],
        D(2017, 2, 1),
        Status.in_progress,
        None,
        None,
    ),
    ("cancelled", [_rec("cancelled", "2017-05-01")], D(2018, 1, 1), Status.cancelled, None, None),
    ("not started", [_rec("not_started", "2017-05-01")], D(2017, 7, 1), Status.overdue, 1, None),
    (
        "latest decides",
        [_rec("done", "2017-06-01", evidence="x"), _rec("in_progress", "2017-08-01")],
        D(2017, 9, 1),
        Status.overdue,
        63,
        None,
    ),
    (
        "not started undoes done",
        [_rec("done", "2017-06-01"), _rec("not_started", "2017-06-02")],
        D(2017, 6, 15),
        Status.due,
        None,
        None,
    ),
    (
        "same day: later in the file",
        [_rec("cancelled", "2017-06-01"), _rec("done", "2017-06-01")],
        D(2017, 6, 15),
        Status.done,
        None,
        None,
    ),
    (
        "file order is not date order",
        [_rec("done", "2017-06-10"), _rec("in_progress", "2017-06-01")],
        D(2017, 6, 15),
        Status.done,
        None,
        None,
    ),
    (
        "another measure's record",
        [{"measure": 6, "status": "done", "on": "2017-06-01"}],
        D(2017, 7, 1),
        Status.overdue,
        1,
        None,
    ),
]


@pytest.mark.parametrize(
    ("records", "as_of", "status", "overdue", "late"),
    [case[1:] for case in WITH_PROGRESS],
    ids=[case[0] for case in WITH_PROGRESS],
)
def test_status_with_progress(
    records: list[dict[str, object]],
    as_of: dt.date,
    status: Status,
    overdue: int | None,
    late: int | None,
) -> None:
    result = standing("measure-5", as_of, None, *records)
    assert (result.status, result.days_overdue, result.days_late) == (status, overdue, late)


def test_an_undated_obligation_done_has_no_days_late() -> None:
    record = {"obligation": "annual-evaluation", "status": "done", "on": "2021-03-01"}
    result = standing("annual-evaluation", D(2021, 3, 1), None, record)
    assert (result.status, result.computed, result.days_late) == (Status.done, Status.undated, None)


def test_what_plan_due_lists() -> None:
    def listed(id_: str, as_of: dt.date, *records: dict[str, object]) -> bool:
        return standing(id_, as_of, None, *records).open

    assert listed("measure-5", D(2017, 7, 1))  # overdue
    assert listed("measure-5", D(2017, 6, 30))  # due
    assert listed("measure-21", D(2017, 1, 1))  # ongoing
    assert not listed("measure-5", D(2017, 3, 31))  # upcoming
    assert not listed("annual-evaluation", D(2017, 7, 1))  # undated
    assert not listed("measure-5", D(2017, 7, 1), _rec("done", "2017-06-01"))
    assert not listed("measure-5", D(2017, 7, 1), _rec("cancelled", "2017-06-01"))
    assert listed("measure-5", D(2017, 6, 1), _rec("in_progress", "2017-05-01"))  # due
    assert not listed("measure-5", D(2017, 3, 1), _rec("in_progress", "2017-02-01"))  # upcoming


# --- properties of the quarter arithmetic ---------------------------------------------------

years = st.integers(min_value=1992, max_value=2099)
quarters = st.integers(min_value=1, max_value=4)
days = st.dates(min_value=D(1992, 1, 1), max_value=D(2099, 12, 31))


@given(years, quarters)
def test_quarter_end_is_the_last_day_of_the_quarter(year: int, quarter: int) -> None:
    end = quarter_end(year, quarter)
    assert quarter_of(end) == (year, quarter)
    after = end + dt.timedelta(days=1)
    assert quarter_of(after) != (year, quarter)
    next_quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    assert quarter_of(after) == next_quarter
    assert after == quarter_start(*next_quarter)
    assert after.day == 1 and after.month in (1, 4, 7, 10)


@given(years, quarters)
def test_quarter_start_begins_the_quarter(year: int, quarter: int) -> None:
    start = quarter_start(year, quarter)
    assert quarter_of(start) == (year, quarter)
    assert quarter_of(start - dt.timedelta(days=1)) != (year, quarter)
    assert (quarter_end(year, quarter) - start).days + 1 in (90, 91, 92)


@given(days)
def test_every_day_lies_in_its_quarter(day: dt.date) -> None:
    year, quarter = quarter_of(day)
    assert quarter_start(year, quarter) <= day <= quarter_end(year, quarter)
    assert horizon_of(day) == quarter_end(year, quarter) >= day


@given(years, quarters, days)
def test_a_quarter_deadline_is_due_exactly_in_its_quarter(
    year: int, quarter: int, day: dt.date
) -> None:
    deadline = quarter_end(year, quarter)
    item = Obligation("measure", "measure-1", "t", None, deadline, None, "МВД", ("МВД",), 1)
    result = status_of(item, day, horizon_of(day))
    if day > deadline:
        assert (result.status, result.days_overdue) == (Status.overdue, (day - deadline).days)
    elif quarter_of(day) == (year, quarter):
        assert result.status is Status.due
    else:
        assert result.status is Status.upcoming


@given(years, st.sampled_from([1, 2]))
def test_a_half_yearly_report_falls_due_on_the_10th_of_the_next_month(year: int, half: int) -> None:
    due = half_year_report_due(year, half, 10)
    half_end = quarter_end(year, 2 * half)
    assert due.day == 10
    assert due - dt.timedelta(days=9) == half_end + dt.timedelta(days=1)  # the month after
