"""Deadline arithmetic (``deadlines``): when each kind of deadline starts, falls due and recurs,
and when a reporting duty's reports fall due. Examples of each kind, then properties over any
valid deadline and plan period (Hypothesis): no exception, every date in the plan period, the
right number of occurrences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from reintegration_plan.deadlines import (
    DutyOccurrence,
    Occurrence,
    day_of_month,
    deadline_key,
    describe,
    duty_occurrences,
    occurrences,
)
from reintegration_plan.models import Deadline, RecurringDeadline, Schedule

DEADLINE: TypeAdapter[Deadline] = TypeAdapter(Deadline)
SCHEDULE: TypeAdapter[Schedule] = TypeAdapter(Schedule)
D = dt.date


def deadline(**fields: Any) -> Deadline:
    return DEADLINE.validate_python(fields)


def schedule(**fields: Any) -> Schedule:
    return SCHEDULE.validate_python(fields)


# --- each kind, by example ----------------------------------------------------------------

EXAMPLES: list[tuple[dict[str, Any], list[Occurrence]]] = [
    ({"kind": "quarter", "year": 2017, "quarter": 2}, [Occurrence("2017Q2", None, D(2017, 6, 30))]),
    (
        {
            "kind": "quarters",
            "first_year": 2022,
            "first_quarter": 2,
            "last_year": 2023,
            "last_quarter": 4,
        },
        [Occurrence("2022Q2-2023Q4", D(2022, 4, 1), D(2023, 12, 31))],
    ),
    ({"kind": "half_year", "year": 2018, "half": 1}, [Occurrence("2018H1", None, D(2018, 6, 30))]),
    ({"kind": "month", "year": 2024, "month": 2}, [Occurrence("2024-02", None, D(2024, 2, 29))]),
    (
        {"kind": "month", "year": 2022, "month": 1, "due_day": 1},
        [Occurrence("2022-01", None, D(2022, 1, 1))],
    ),
    (
        {"kind": "month", "year": 2023, "month": 2, "due_day": 30},  # past the month's end
        [Occurrence("2023-02", None, D(2023, 2, 28))],
    ),
    (
        {
            "kind": "months",
            "first_year": 2012,
            "first_month": 1,
            "last_year": 2012,
            "last_month": 2,
        },
        [Occurrence("2012-01-2012-02", D(2012, 1, 1), D(2012, 2, 29))],
    ),
    ({"kind": "date", "date": "2012-01-31"}, [Occurrence("2012-01-31", None, D(2012, 1, 31))]),
    (
        {"kind": "date_range", "first": "2021-10-01", "last": "2021-10-30"},
        [Occurrence("2021-10-01-2021-10-30", D(2021, 10, 1), D(2021, 10, 30))],
    ),
    (  # runs to the end of the plan period (2012 – 2014)
        {"kind": "from_date", "date": "2012-01-10"},
        [Occurrence("from-2012-01-10", D(2012, 1, 10), D(2014, 12, 31))],
    ),
    ({"kind": "year", "year": 2013}, [Occurrence("2013", D(2013, 1, 1), D(2013, 12, 31))]),
    (
        {"kind": "period", "first_year": 2012, "last_year": 2014},
        [Occurrence("2012-2014", D(2012, 1, 1), D(2014, 12, 31))],
    ),
    ({"kind": "undated", "reason": "permanent"}, [Occurrence("permanent", None, None)]),
    ({"kind": "undated", "reason": "as_needed"}, [Occurrence("as-needed", None, None)]),
    (
        {"kind": "recurring", "every": "year"},
        [Occurrence(str(y), None, D(y, 12, 31)) for y in (2012, 2013, 2014)],
    ),
    (
        {"kind": "recurring", "every": "year", "month": 12},
        [Occurrence(str(y), None, D(y, 12, 31)) for y in (2012, 2013, 2014)],
    ),
    (
        {
            "kind": "recurring",
            "every": "year",
            "month": 6,
            "day": 1,
            "first_year": 2013,
            "last_year": 2014,
        },
        [Occurrence("2013", None, D(2013, 6, 1)), Occurrence("2014", None, D(2014, 6, 1))],
    ),
    (
        {"kind": "recurring", "every": "year", "month": 2, "day": 29},  # 28th in common years
        [Occurrence(str(y), None, D(y, 2, 29 if y == 2012 else 28)) for y in (2012, 2013, 2014)],
    ),
    (
        {"kind": "recurring", "every": "half_year", "first_year": 2014},
        [Occurrence("2014H1", None, D(2014, 6, 30)), Occurrence("2014H2", None, D(2014, 12, 31))],
    ),
    (  # "Начиная с февраля 2014 года, ежеквартально": from the quarter holding February
        {"kind": "recurring", "every": "quarter", "first_year": 2014, "from_month": 2},
        [
            Occurrence(f"2014Q{q}", None, d)
            for q, d in [
                (1, D(2014, 3, 31)),
                (2, D(2014, 6, 30)),
                (3, D(2014, 9, 30)),
                (4, D(2014, 12, 31)),
            ]
        ],
    ),
    (  # monthly from November 2014: November and December
        {"kind": "recurring", "every": "month", "first_year": 2014, "from_month": 11},
        [
            Occurrence("2014-11", None, D(2014, 11, 30)),
            Occurrence("2014-12", None, D(2014, 12, 31)),
        ],
    ),
]


@pytest.mark.parametrize(("fields", "expected"), EXAMPLES, ids=lambda v: str(v)[:60])
def test_when_each_kind_falls_due(fields: dict[str, Any], expected: list[Occurrence]) -> None:
    assert occurrences(deadline(**fields), 2012, 2014) == expected


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"kind": "quarter", "year": 2017, "quarter": 2}, "2017Q2"),
        ({"kind": "period", "first_year": 2017, "last_year": 2019}, "2017–2019"),
        ({"kind": "month", "year": 2022, "month": 1, "due_day": 1}, "2022-01 (due on day 1)"),
        ({"kind": "from_date", "date": "2012-01-10"}, "from 2012-01-10"),
        ({"kind": "undated", "reason": "as_needed"}, "undated (as needed)"),
        ({"kind": "recurring", "every": "half_year"}, "every half-year"),
        ({"kind": "recurring", "every": "year", "month": 12}, "every year in December"),
        (
            {
                "kind": "recurring",
                "every": "year",
                "month": 6,
                "day": 1,
                "first_year": 2023,
                "last_year": 2026,
            },
            "every year on 1 June, 2023–2026",
        ),
        (
            {"kind": "recurring", "every": "quarter", "first_year": 2012, "from_month": 2},
            "every quarter from February 2012",
        ),
    ],
)
def test_how_the_diagnostics_name_a_deadline(fields: dict[str, Any], words: str) -> None:
    assert describe(deadline(**fields)) == words


def test_several_deadlines_are_named_together() -> None:
    both = [deadline(kind="month", year=2018, month=4), deadline(kind="year", year=2019)]
    assert describe(both) == "[2018-04; 2019]"


def test_day_of_month_falls_back_to_the_last_day() -> None:
    assert day_of_month(2023, 2, 31) == D(2023, 2, 28)
    assert day_of_month(2024, 2, 30) == D(2024, 2, 29)
    assert day_of_month(2023, 4, 15) == D(2023, 4, 15)


# --- reporting duties -----------------------------------------------------------------------


def test_reports_of_each_schedule() -> None:
    monthly = duty_occurrences(schedule(kind="monthly", due_day_of_next_month=10), 2012, 2012)
    assert monthly[0] == DutyOccurrence("2012-01", D(2012, 1, 31), D(2012, 2, 10))
    assert monthly[-1] == DutyOccurrence("2012-12", D(2012, 12, 31), D(2013, 1, 10))
    assert len(monthly) == 12
    quarterly = duty_occurrences(schedule(kind="quarterly", due_day_of_next_month=31), 2024, 2024)
    assert [o.due for o in quarterly] == [
        D(2024, 4, 30),
        D(2024, 7, 31),
        D(2024, 10, 31),
        D(2025, 1, 31),
    ]
    half = duty_occurrences(schedule(kind="half_yearly", due_day_of_next_month=5), 2026, 2026)
    assert half == [
        DutyOccurrence("2026H1", D(2026, 6, 30), D(2026, 7, 5)),
        DutyOccurrence("2026H2", D(2026, 12, 31), D(2027, 1, 5)),
    ]
    # "по итогам года, не позднее 15 апреля"; "(к 25 января)"
    april = duty_occurrences(
        schedule(kind="yearly", due_next_year={"month": 4, "day": 15}), 2022, 2023
    )
    assert april == [
        DutyOccurrence("2022", D(2022, 12, 31), D(2023, 4, 15)),
        DutyOccurrence("2023", D(2023, 12, 31), D(2024, 4, 15)),
    ]
    january = duty_occurrences(schedule(kind="yearly", due_day_of_next_month=25), 2021, 2021)
    assert january == [DutyOccurrence("2021", D(2021, 12, 31), D(2022, 1, 25))]
    # "до 15 декабря и 15 июня": in the year's order, whatever the act's
    fixed = schedule(kind="fixed_dates", dates=[{"month": 12, "day": 15}, {"month": 6, "day": 15}])
    assert [o.key for o in duty_occurrences(fixed, 2024, 2025)] == [
        "2024-06-15",
        "2024-12-15",
        "2025-06-15",
        "2025-12-15",
    ]
    assert duty_occurrences(schedule(kind="once", due="2020-02-25"), 2017, 2019) == [
        DutyOccurrence(None, None, D(2020, 2, 25))
    ]
    assert duty_occurrences(schedule(kind="annual"), 2017, 2019) == [
        DutyOccurrence(None, None, None)
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "yearly"}, "exactly one of due_day_of_next_month or due_next_year"),
        (
            {"kind": "monthly", "due_next_year": {"month": 1, "day": 1}},
            "due_next_year is for a yearly schedule only",
        ),
        (
            {"kind": "fixed_dates", "dates": [{"month": 2, "day": 30}]},
            "day 30 is not a day of month 2",
        ),
    ],
)
def test_impossible_schedules(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        schedule(**fields)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"every": "quarter", "month": 3}, "month and day are for a yearly deadline only"),
        ({"every": "year", "day": 3}, "a day needs its month"),
        ({"every": "year", "month": 4, "day": 31}, "day 31 is not a day of month 4"),
        ({"every": "month", "from_month": 3}, "from_month needs first_year"),
    ],
)
def test_impossible_recurrences(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        deadline(kind="recurring", **fields)


# --- properties -----------------------------------------------------------------------------

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
YEARS = st.integers(1991, 2100)
MONTHS = st.integers(1, 12)
DAYS = st.integers(1, 31)
QUARTERS = st.integers(1, 4)
DATES = st.dates(D(1991, 1, 1), D(2100, 12, 31)).map(dt.date.isoformat)
EVERY = st.sampled_from(["month", "quarter", "half_year", "year"])


def raw_deadlines(years: st.SearchStrategy[int], dates: st.SearchStrategy[str]) -> Any:
    """Mappings of every kind of deadline, with years and dates drawn from those given (many
    are not valid: a day 31 in April, a month without its year; ``valid`` skips them)."""
    return st.one_of(
        st.fixed_dictionaries({"kind": st.just("quarter"), "year": years, "quarter": QUARTERS}),
        st.fixed_dictionaries(
            {
                "kind": st.just("quarters"),
                "first_year": years,
                "first_quarter": QUARTERS,
                "last_year": years,
                "last_quarter": QUARTERS,
            }
        ),
        st.fixed_dictionaries(
            {"kind": st.just("half_year"), "year": years, "half": st.integers(1, 2)}
        ),
        st.fixed_dictionaries(
            {"kind": st.just("month"), "year": years, "month": MONTHS},
            optional={"due_day": DAYS},
        ),
        st.fixed_dictionaries(
            {
                "kind": st.just("months"),
                "first_year": years,
                "first_month": MONTHS,
                "last_year": years,
                "last_month": MONTHS,
            }
        ),
        st.fixed_dictionaries({"kind": st.just("date"), "date": dates}),
        st.fixed_dictionaries({"kind": st.just("date_range"), "first": dates, "last": dates}),
        st.fixed_dictionaries({"kind": st.just("from_date"), "date": dates}),
        st.fixed_dictionaries({"kind": st.just("year"), "year": years}),
        st.fixed_dictionaries({"kind": st.just("period"), "first_year": years, "last_year": years}),
        st.fixed_dictionaries(
            {"kind": st.just("recurring"), "every": EVERY},
            optional={
                "month": MONTHS,
                "day": DAYS,
                "first_year": years,
                "last_year": years,
                "from_month": MONTHS,
            },
        ),
        st.fixed_dictionaries(
            {
                "kind": st.just("undated"),
                "reason": st.sampled_from(["permanent", "as_needed", "event"]),
            }
        ),
    )


RAW_DEADLINES = raw_deadlines(YEARS, DATES)


def valid(raw: dict[str, Any]) -> Deadline:
    try:
        return deadline(**raw)
    except ValidationError:
        assume(False)
        raise  # pragma: no cover - assume stops the example


@SETTINGS
@given(raw=RAW_DEADLINES, first=YEARS, last=YEARS)
def test_any_valid_deadline_expands_without_an_exception(
    raw: dict[str, Any], first: int, last: int
) -> None:
    """Any deadline the schema accepts, over any plan period it accepts (even one that ends
    before it starts: the checks report that), expands, has a key and a name."""
    item = valid(raw)
    found = occurrences(item, first, last)
    assert all(o.key for o in found)
    assert len({o.key for o in found}) == len(found)
    assert deadline_key(item) and describe(item)


def _within(raw: dict[str, Any], first: int, last: int) -> bool:
    """Whether the years the deadline names lie in the plan period first–last."""
    years = [v for k, v in raw.items() if k in ("year", "first_year", "last_year")]
    years += [int(raw[k][:4]) for k in ("date", "first", "last") if k in raw]
    return all(first <= y <= last for y in years)


@st.composite
def deadlines_in_a_period(draw: st.DrawFn) -> tuple[dict[str, Any], int, int]:
    """A plan period and a deadline whose years and dates lie in it."""
    first = draw(st.integers(1991, 2095))
    last = first + draw(st.integers(0, 5))
    dates = st.dates(D(first, 1, 1), D(last, 12, 31)).map(dt.date.isoformat)
    return draw(raw_deadlines(st.integers(first, last), dates)), first, last


@SETTINGS
@given(drawn=deadlines_in_a_period())
def test_every_date_of_a_deadline_inside_the_period_lies_in_it(
    drawn: tuple[dict[str, Any], int, int],
) -> None:
    raw, first, last = drawn
    assert _within(raw, first, last)
    item = valid(raw)
    for occurrence in occurrences(item, first, last):
        for day in (occurrence.start, occurrence.due):
            assert day is None or D(first, 1, 1) <= day <= D(last, 12, 31)


PER_YEAR = {"month": 12, "quarter": 4, "half_year": 2, "year": 1}


@SETTINGS
@given(
    every=EVERY,
    first=st.integers(1991, 2095),
    length=st.integers(0, 5),
    own=st.one_of(st.none(), st.tuples(st.integers(0, 5), st.integers(0, 5))),
    from_month=st.one_of(st.none(), MONTHS),
)
def test_a_recurring_deadline_falls_due_once_per_period(
    every: str,
    first: int,
    length: int,
    own: tuple[int, int] | None,
    from_month: int | None,
) -> None:
    """Once per month, quarter, half-year or year of its years (the plan period's, or its
    own), keys unique and in order, less those that fall due before its first month."""
    last = first + length
    fields: dict[str, Any] = {"kind": "recurring", "every": every}
    years = (first, last)
    if own is not None:
        years = (first + min(own), first + max(own))
        fields |= {"first_year": years[0], "last_year": years[1]}
    if from_month is not None:
        fields |= {"first_year": years[0], "from_month": from_month}
    item = deadline(**fields)
    assert isinstance(item, RecurringDeadline)
    found = occurrences(item, first, last)
    count = PER_YEAR[every] * (years[1] - years[0] + 1)
    if from_month is not None:
        count -= (from_month - 1) // (12 // PER_YEAR[every])
    assert len(found) == count
    assert len({o.key for o in found}) == count
    dues = [o.due for o in found]
    assert dues == sorted(dues)


RAW_SCHEDULES = st.one_of(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["monthly", "quarterly", "half_yearly", "yearly"]),
            "due_day_of_next_month": DAYS,
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("yearly"),
            "due_next_year": st.fixed_dictionaries({"month": MONTHS, "day": DAYS}),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("fixed_dates"),
            "dates": st.lists(
                st.fixed_dictionaries({"month": MONTHS, "day": DAYS}), min_size=1, max_size=4
            ),
        }
    ),
)


@SETTINGS
@given(raw=RAW_SCHEDULES, first=st.integers(1991, 2099), length=st.integers(0, 5))
def test_every_report_falls_due_after_its_period_and_in_order(
    raw: dict[str, Any], first: int, length: int
) -> None:
    try:
        item = schedule(**raw)
    except ValidationError:
        assume(False)
        raise  # pragma: no cover
    last = min(first + length, 2100)
    found = duty_occurrences(item, first, last)
    assert found
    for occurrence in found:
        assert occurrence.due is not None
        if occurrence.ends is not None:
            assert occurrence.ends < occurrence.due
            assert D(first, 1, 1) <= occurrence.ends <= D(last, 12, 31)
        else:
            assert D(first, 1, 1) <= occurrence.due <= D(last, 12, 31)
