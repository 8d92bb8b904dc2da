"""What people type, read into values: dates, windows, deadline filters, statuses.

Every parser takes the text as typed and returns a value or raises a one-line error
(:class:`DateInputError`, :class:`InvalidInput`: exit 2). Nothing here reads the clock: "today"
is given by the caller.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta

from .deadlines import quarter_end, quarter_start
from .errors import DateInputError, InvalidInput
from .status import Status

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


_DEADLINE_FILTER = re.compile(r"([0-9]{4})(?:-?[Qq]([1-4]))?\Z")


def deadline_range(text: str) -> tuple[dt.date, dt.date]:
    """``2017Q2`` → its first and last day; ``2018`` → the year's."""
    match = _DEADLINE_FILTER.match(text.strip())
    if not match:
        raise InvalidInput(
            f"{text!r} is not a deadline filter: expected a quarter like 2017Q2 or a year like 2018"
        )
    year = int(match[1])
    if match[2]:
        quarter = int(match[2])
        return quarter_start(year, quarter), quarter_end(year, quarter)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def parse_statuses(values: Iterable[str]) -> set[Status]:
    known = {status.value: status for status in Status}
    chosen = set()
    for value in values:
        for part in value.split(","):
            name = part.strip().lower().replace("-", "_").replace(" ", "_")
            if name not in known:
                raise InvalidInput(
                    f"{part.strip()!r} is not a status: expected one of {', '.join(known)}"
                )
            chosen.add(known[name])
    return chosen
