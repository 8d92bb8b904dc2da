"""Deadline and quarter arithmetic. Pure functions of dates.

Rules (also in README and ``plan due --help``):

* a quarter deadline ("2 квартал 2017 года") falls on the last day of that quarter, inclusive;
* a period ("2017 – 2019 годы") runs from 1 January of its first year and falls due on
  31 December of its last year.
"""

from __future__ import annotations

import datetime as dt


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def period_end(last_year: int) -> dt.date:
    return dt.date(last_year, 12, 31)


def period_start(first_year: int) -> dt.date:
    return dt.date(first_year, 1, 1)


def half_year_report_due(year: int, half: int, day: int) -> dt.date:
    """The report on half-year ``half`` (1 or 2) of ``year`` is due on ``day`` of the next month."""
    return dt.date(year, 7, day) if half == 1 else dt.date(year + 1, 1, day)
