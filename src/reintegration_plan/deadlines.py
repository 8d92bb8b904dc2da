"""Deadline and quarter arithmetic, and reading the act's deadline texts. Pure functions of dates.

Rules (also in README and ``plan due --help``):

* a quarter deadline ("2 квартал 2017 года") falls on the last day of that quarter, inclusive;
* a period ("2017 – 2019 годы") runs from 1 January of its first year and falls due on
  31 December of its last year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from .errors import DateInputError as DateInputError


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    if quarter == 4:
        return dt.date(year, 12, 31)
    return dt.date(year, 3 * quarter + 1, 1) - dt.timedelta(days=1)


def quarter_label(year: int, quarter: int) -> str:
    return f"{year}Q{quarter}"


@dataclass(frozen=True)
class QuarterText:
    year: int
    quarter: int  # as written; may be impossible (0, 5, ...)


@dataclass(frozen=True)
class PeriodText:
    first_year: int
    last_year: int


# The act writes "1 квартал 2017 года" and twice "2 квартал 2017 год"; periods "2017 – 2019 годы"
_QUARTER_TEXT = re.compile(r"([0-9]+) квартал ([0-9]{4}) года?\Z")
_PERIOD_TEXT = re.compile(r"([0-9]{4}) – ([0-9]{4}) годы\Z")


def read_deadline_text(text: str) -> QuarterText | PeriodText | None:
    """What a deadline text says, or None when it is not in one of the act's two forms."""
    if match := _QUARTER_TEXT.match(text):
        return QuarterText(year=int(match[2]), quarter=int(match[1]))
    if match := _PERIOD_TEXT.match(text):
        return PeriodText(first_year=int(match[1]), last_year=int(match[2]))
    return None


def period_end(last_year: int) -> dt.date:
    return dt.date(last_year, 12, 31)


def period_start(first_year: int) -> dt.date:
    return dt.date(first_year, 1, 1)


def half_year_report_due(year: int, half: int, day: int) -> dt.date:
    """The report on half-year ``half`` (1 or 2) of ``year`` is due on ``day`` of the next month."""
    return dt.date(year, 7, day) if half == 1 else dt.date(year + 1, 1, day)


_QUARTER_INPUT = re.compile(r"([0-9]{4})-?[Qq]([1-4])\Z")


def parse_as_of(text: str, today: dt.date) -> dt.date:
    """``today``, an ISO date, or a quarter such as ``2018Q3`` (its last day)."""
    value = text.strip()
    if value.lower() == "today":
        return today
    if match := _QUARTER_INPUT.match(value):
        return quarter_end(int(match[1]), int(match[2]))
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise DateInputError(
            f"{text!r} is not a date: expected YYYY-MM-DD, a quarter like 2018Q3, or 'today'"
        ) from None


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DateInputError(f"{text!r} is not a date: expected YYYY-MM-DD") from None


_WINDOW = re.compile(r"([0-9]{1,4})([dwmqy])\Z")


def window_end(text: str, start: dt.date) -> dt.date:
    """The last day of a window such as ``30d``, ``2w``, ``2m``, ``1q`` or ``1y`` from ``start``."""
    match = _WINDOW.match(text.strip().lower())
    if not match:
        raise DateInputError(
            f"{text!r} is not a window: expected a number and a unit, e.g. 30d, 2w, 2m, 1q, 1y"
        )
    count, unit = int(match[1]), match[2]
    delta = {
        "d": relativedelta(days=count),
        "w": relativedelta(weeks=count),
        "m": relativedelta(months=count),
        "q": relativedelta(months=3 * count),
        "y": relativedelta(years=count),
    }[unit]
    try:
        return start + delta
    except (ValueError, OverflowError):
        raise DateInputError(
            f"the window {text!r} from {start.isoformat()} ends after 9999-12-31: "
            "give a shorter window"
        ) from None
