"""Deadline arithmetic: when each kind of deadline starts, falls due and recurs. Pure functions of
the deadline models and years.

Rules (also in README, "Deadline rules", with examples):

* a quarter ("2 квартал 2017 года") falls due on the quarter's last day; a half-year on 30 June
  or 31 December; a month on its last day (or on its ``due_day``); a date on that day;
* a span starts on its first day and falls due on its last: a range of quarters or of months,
  a date range, a year ("2022 год"), a period ("2017 – 2019 годы"), and a start date ("С 10
  января 2012 года"), which runs to the end of the plan period;
* a recurring deadline ("ежеквартально") is one occurrence per month, quarter, half-year or year
  of the years it runs (the plan period unless it names its own), each falling due on the last
  day of its period (a yearly one in a given month: that month's last day, or its given day);
  "Начиная с февраля 2012 года" drops the occurrences that fall due before 1 February 2012;
* an undated one ("постоянно", "по мере необходимости", after an event) has no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .models import (
    DateDeadline,
    DateRangeDeadline,
    Deadline,
    Every,
    FixedDatesSchedule,
    FromDateDeadline,
    HalfYearDeadline,
    MonthDeadline,
    MonthsDeadline,
    OnceSchedule,
    PeriodDeadline,
    PeriodicSchedule,
    QuarterDeadline,
    QuartersDeadline,
    RecurringDeadline,
    Schedule,
    UndatedDeadline,
    YearDeadline,
)


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    return month_end(year, 3 * quarter)


def half_start(year: int, half: int) -> dt.date:
    return dt.date(year, 1 if half == 1 else 7, 1)


def half_end(year: int, half: int) -> dt.date:
    return dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def day_of_month(year: int, month: int, day: int) -> dt.date:
    """``day`` of the month, or the month's last day when it is shorter (30 February: 28th)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def period_end(last_year: int) -> dt.date:
    return dt.date(last_year, 12, 31)


def period_start(first_year: int) -> dt.date:
    return dt.date(first_year, 1, 1)


def half_year_report_due(year: int, half: int, day: int) -> dt.date:
    """The report on half-year ``half`` (1 or 2) of ``year`` is due on ``day`` of the next month."""
    return day_of_month(*next_month(year, 6 if half == 1 else 12), day)


_MONTHS = range(1, 13)
_QUARTERS = range(1, 5)


@dataclass(frozen=True)
class Occurrence:
    """One time a deadline falls due: its key (``2023Q1``, ``2018-04``; unique among a
    measure's deadlines), when it starts (spans only) and when it is due (None: undated)."""

    key: str
    start: dt.date | None
    due: dt.date | None


def occurrences(deadline: Deadline, first_year: int, last_year: int) -> list[Occurrence]:
    """When the deadline falls due over the plan period ``first_year``–``last_year``: once, or
    once per period for a recurring one (none when its years are empty)."""
    if isinstance(deadline, RecurringDeadline):
        return _recurring(deadline, first_year, last_year)
    start, due = _span(deadline, last_year)
    return [Occurrence(deadline_key(deadline), start, due)]


def _span(deadline: Deadline, last_year: int) -> tuple[dt.date | None, dt.date | None]:
    """(start, due) of a deadline that falls due once."""
    match deadline:
        case QuarterDeadline(year=year, quarter=quarter):
            return None, quarter_end(year, quarter)
        case HalfYearDeadline(year=year, half=half):
            return None, half_end(year, half)
        case MonthDeadline(year=year, month=month, due_day=due_day):
            if due_day is not None:
                return None, day_of_month(year, month, due_day)
            return None, month_end(year, month)
        case DateDeadline(date=day):
            return None, day
        case QuartersDeadline():
            start = quarter_start(deadline.first_year, deadline.first_quarter)
            return start, quarter_end(deadline.last_year, deadline.last_quarter)
        case MonthsDeadline():
            start = dt.date(deadline.first_year, deadline.first_month, 1)
            return start, month_end(deadline.last_year, deadline.last_month)
        case DateRangeDeadline(first=first, last=last):
            return first, last
        case FromDateDeadline(date=day):
            return day, period_end(last_year)
        case YearDeadline(year=year):
            return period_start(year), period_end(year)
        case PeriodDeadline(first_year=first, last_year=last):
            return period_start(first), period_end(last)
    return None, None  # undated


def _recurring(deadline: RecurringDeadline, first_year: int, last_year: int) -> list[Occurrence]:
    years = range(deadline.first_year or first_year, (deadline.last_year or last_year) + 1)
    found: list[Occurrence] = []
    for year in years:
        match deadline.every:
            case Every.month:
                found += [Occurrence(f"{year}-{m:02}", None, month_end(year, m)) for m in _MONTHS]
            case Every.quarter:
                found += [Occurrence(f"{year}Q{q}", None, quarter_end(year, q)) for q in _QUARTERS]
            case Every.half_year:
                found += [Occurrence(f"{year}H{h}", None, half_end(year, h)) for h in (1, 2)]
            case Every.year:
                found.append(Occurrence(str(year), None, _yearly_due(deadline, year)))
    if deadline.from_month is not None and deadline.first_year is not None:
        begins = dt.date(deadline.first_year, deadline.from_month, 1)
        found = [o for o in found if o.due is not None and o.due >= begins]
    return found


def _yearly_due(deadline: RecurringDeadline, year: int) -> dt.date:
    if deadline.month is None:
        return period_end(year)
    if deadline.day is None:
        return month_end(year, deadline.month)
    return day_of_month(year, deadline.month, deadline.day)


def deadline_key(deadline: Deadline) -> str:
    """A deadline's own key, unique among the deadlines of a cell: ``2018Q2``, ``2018-04``,
    ``2018-07-01``, ``2017-2019``; ``every-quarter`` for a recurring one (whose occurrences
    have keys of their own)."""
    match deadline:
        case QuarterDeadline(year=year, quarter=quarter):
            return f"{year}Q{quarter}"
        case QuartersDeadline():
            return (
                f"{deadline.first_year}Q{deadline.first_quarter}-"
                f"{deadline.last_year}Q{deadline.last_quarter}"
            )
        case HalfYearDeadline(year=year, half=half):
            return f"{year}H{half}"
        case MonthDeadline(year=year, month=month):
            return f"{year}-{month:02}"
        case MonthsDeadline():
            return (
                f"{deadline.first_year}-{deadline.first_month:02}-"
                f"{deadline.last_year}-{deadline.last_month:02}"
            )
        case DateDeadline(date=day):
            return day.isoformat()
        case DateRangeDeadline(first=first, last=last):
            return f"{first.isoformat()}-{last.isoformat()}"
        case FromDateDeadline(date=day):
            return f"from-{day.isoformat()}"
        case YearDeadline(year=year):
            return str(year)
        case PeriodDeadline(first_year=first, last_year=last):
            return f"{first}-{last}"
        case RecurringDeadline(every=every):
            return f"every-{every.value.replace('_', '-')}"
        case UndatedDeadline(reason=reason):
            return reason.value.replace("_", "-")
    raise AssertionError(deadline)  # pragma: no cover - every kind is matched above


_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def describe(deadline: Deadline | Sequence[Deadline]) -> str:
    """A deadline in the words of the diagnostics (English): ``2017Q2``, ``2017–2019``, ``every
    year in December, 2022–2023``; several: ``[2018-04; 2019-10]``."""
    if isinstance(deadline, Sequence):
        return "[" + "; ".join(describe(d) for d in deadline) + "]"
    match deadline:
        case QuartersDeadline():
            return (
                f"{deadline.first_year}Q{deadline.first_quarter}–"
                f"{deadline.last_year}Q{deadline.last_quarter}"
            )
        case MonthDeadline(year=year, month=month, due_day=due_day):
            return f"{year}-{month:02}" + (f" (due on day {due_day})" if due_day else "")
        case MonthsDeadline():
            return (
                f"{deadline.first_year}-{deadline.first_month:02}–"
                f"{deadline.last_year}-{deadline.last_month:02}"
            )
        case DateRangeDeadline(first=first, last=last):
            return f"{first.isoformat()}–{last.isoformat()}"
        case FromDateDeadline(date=day):
            return f"from {day.isoformat()}"
        case PeriodDeadline(first_year=first, last_year=last):
            return f"{first}–{last}"
        case RecurringDeadline():
            return _describe_recurring(deadline)
        case UndatedDeadline(reason=reason):
            return f"undated ({reason.value.replace('_', ' ')})"
    return deadline_key(deadline)


def _describe_recurring(deadline: RecurringDeadline) -> str:
    text = "every " + deadline.every.value.replace("_", "-")
    if deadline.month is not None:
        month = _MONTH_NAMES[deadline.month - 1]
        text += f" on {deadline.day} {month}" if deadline.day else f" in {month}"
    if deadline.from_month is not None:
        text += f" from {_MONTH_NAMES[deadline.from_month - 1]} {deadline.first_year}"
    elif deadline.first_year is not None or deadline.last_year is not None:
        text += f", {deadline.first_year or '…'}–{deadline.last_year or '…'}"
    return text


# --- reporting duties ------------------------------------------------------------------------


@dataclass(frozen=True)
class DutyOccurrence:
    """One report a reporting duty asks for: its key (``2017H1``, ``2023-01``, ``2023Q1``,
    ``2023``, ``2023-06-15``; None for a duty that is owed once), the last day of the period it
    reports on (None for fixed dates and single duties), and when it is due (None: undated)."""

    key: str | None
    ends: dt.date | None
    due: dt.date | None


def duty_occurrences(schedule: Schedule, first_year: int, last_year: int) -> list[DutyOccurrence]:
    """The reports a schedule asks for over the plan period: one per month, quarter, half-year
    or year of it (each due on the day of the following month, or of the following year, the
    schedule gives), one per fixed date of each of its years, or one (``once``, ``annual``)."""
    years = range(first_year, last_year + 1)
    if isinstance(schedule, PeriodicSchedule):
        return [
            DutyOccurrence(key, ends, _report_due(schedule, ends))
            for year in years
            for key, ends in _reported_periods(schedule.kind, year)
        ]
    if isinstance(schedule, FixedDatesSchedule):
        days = sorted((d.month, d.day) for d in schedule.dates)
        return [
            DutyOccurrence(on.isoformat(), None, on)
            for year in years
            for on in (day_of_month(year, month, day) for month, day in days)
        ]
    if isinstance(schedule, OnceSchedule):
        return [DutyOccurrence(None, None, schedule.due)]
    return [DutyOccurrence(None, None, None)]  # annual: undated


def _reported_periods(kind: str, year: int) -> list[tuple[str, dt.date]]:
    if kind == "monthly":
        return [(f"{year}-{m:02}", month_end(year, m)) for m in _MONTHS]
    if kind == "quarterly":
        return [(f"{year}Q{q}", quarter_end(year, q)) for q in _QUARTERS]
    if kind == "half_yearly":
        return [(f"{year}H{h}", half_end(year, h)) for h in (1, 2)]
    return [(str(year), period_end(year))]


def _report_due(schedule: PeriodicSchedule, ends: dt.date) -> dt.date:
    if schedule.due_next_year is not None:
        due = schedule.due_next_year
        return day_of_month(ends.year + 1, due.month, due.day)
    assert schedule.due_day_of_next_month is not None  # the model gives one of the two
    return day_of_month(*next_month(ends.year, ends.month), schedule.due_day_of_next_month)
