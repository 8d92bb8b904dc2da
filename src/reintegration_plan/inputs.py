"""What people type, read into values: dates, months, quarters, half-years and years (one
reader for ``--as-of``, ``--on``, ``--deadline`` and ``--period``), windows, statuses,
measure numbers and obligation ids.

Every reader takes the text as typed (invisible characters and extra spaces do not matter, nor
letter case) and returns a value or raises a one-line error (:class:`DateInputError`,
:class:`InvalidInput`: exit 2). Nothing here reads the clock: "today" is given by the caller.

Dates, as officials write them: ``01.07.2018``, ``1.7.2018``, ``2018-07-01``, ``2018-7-1``,
``1 июля 2018``, ``1 июля 2018 года`` (or ``г.``), ``1 July 2018``, ``today``/``сегодня``. A
month (``январь 2018``, ``2018-01``), a quarter (``2018Q3``, ``Q3 2018``, ``3 квартал 2018``,
``III квартал 2018 года``, ``3 кв. 2018``), a half-year (``2018H1``, ``H1 2018``, ``1
полугодие 2018``, ``1 пол. 2018``) or a year (``2018``, ``2018 год``) is read as the days it
covers: every form the tool prints, in either language, reads back, with the words its phrases
put before it ("за 1 полугодие 2018 года", "as of 1 July 2018"). As a date (``--as-of``) a
period means its FIRST day, and what falls due by its last day is due, so that ``plan due
--as-of 2018Q3`` answers what falls due in the third quarter.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from dateutil.relativedelta import relativedelta

from .deadlines import half_end, half_start, month_end, quarter_end, quarter_start
from .errors import DateInputError, InvalidInput, UnknownName
from .i18n import LABELS, Nth, Words, label, worded
from .spelling import clean, fold, roman
from .status import Status

SpanKind = Literal["day", "month", "quarter", "half-year", "year"]

MONTHS_RU = tuple(label(f"month.{n}", "ru") for n in range(1, 13))  # января … декабря
MONTHS_EN = tuple(label(f"month.{n}", "en") for n in range(1, 13))


def _month_names(*names: Iterable[str]) -> dict[str, int]:
    """Month names (and English ones' first three letters) → the month's number."""
    found: dict[str, int] = {}
    for spelled in names:
        for n, name in enumerate(spelled, start=1):
            found[fold(name)] = n
            if name.isascii():
                found[fold(name[:3])] = n
    return found


_DAY_MONTHS = _month_names(MONTHS_RU, MONTHS_EN)
"""Months as a date writes them: 1 июля 2018 (genitive), 1 July 2018."""
_PERIOD_MONTHS = _month_names(
    label("months.nominative", "ru").split("|"),
    label("months.prepositional", "ru").split("|"),
    MONTHS_RU,
    MONTHS_EN,
)
"""Months as a month's name writes them: январь 2023, в январе 2023 года, January 2023."""
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
FORMS = label("error.date_forms", "en")  # what a date may be, as the error says it
SHOWN = 40  # characters of what was typed that an error message repeats

_LEAD = re.compile(r"(?:по состоянию на|as of|за|во|в|к|на|for|in|by) ")
"""The words the tool's phrases put before a period or a day ("за 1 полугодие 2018 года", "as
of 1 July 2018"): what follows them is read."""
_YEAR_WORD = r"(?: ?(?:года|году|год|г\.?))?"
_NUMERAL = r"([0-9]+|[ivx]+)"
_WORD = r"([a-zа-я]+)\.?"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern + r"\Z"))
    for kind, pattern in (
        ("ymd", r"([0-9]{3,})[-.]([0-9]+)[-.]([0-9]+)"),
        ("dmy", r"([0-9]{1,2})[-.]([0-9]{1,2})[-.]([0-9]+)" + _YEAR_WORD),
        ("ym", r"([0-9]{4})-([0-9]{1,2})"),
        ("yq", r"([0-9]+)[- ]?q([0-9]+)"),
        ("qy", r"q([0-9]+)[- ]?([0-9]+)"),
        ("q words", _NUMERAL + r"(?:-?[йя])? ?(?:квартал[аеу]?|кв\.?) ?([0-9]+)" + _YEAR_WORD),
        ("yh", r"([0-9]+)[- ]?h([0-9]+)"),
        ("hy", r"h([0-9]+)[- ]?([0-9]+)"),
        (
            "h words",
            _NUMERAL + r"(?:-?[ея])? ?(?:полугоди[еяи]|полуг\.?|пол\.?) ?([0-9]+)" + _YEAR_WORD,
        ),
        ("d month y", r"([0-9]{1,2}) " + _WORD + r" ([0-9]+)" + _YEAR_WORD),
        ("month d y", _WORD + r" ([0-9]{1,2}),? ([0-9]+)"),
        ("month y", _WORD + r",? ([0-9]+)" + _YEAR_WORD),
        ("year", r"([0-9]+)" + _YEAR_WORD),
    )
)


def clip(text: str) -> str:
    """A long text shortened for an error message."""
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"


def shown(text: str) -> str:
    """What the user typed, quoted, for an error message (a long text shortened)."""
    return repr(clip(text))


@dataclass(frozen=True)
class Span:
    """A day, or a month, quarter, half-year or year as the days it covers."""

    kind: SpanKind
    first: dt.date
    last: dt.date


class _Refused(Exception):
    """Why a text that has a date's shape is not a date (the reader adds what was typed); with
    its words when the common reasons are said in the user's language."""

    def __init__(self, message: str, said: Words | None = None) -> None:
        super().__init__(message)
        self.said = said


def _refused(said: Words) -> _Refused:
    return _Refused(said.say("en"), said)


def _int(digits: str, what: str, low: int, high: int) -> int:
    significant = digits.lstrip("0") or "0"
    if len(significant) > len(str(high)) or not low <= int(significant) <= high:
        kind = worded(f"error.span.{what}")
        value = clip(significant)
        raise _refused(worded("error.out_of_range", what=kind, value=value, low=low, high=high))
    return int(significant)


def _year(digits: str) -> int:
    if len(digits) < 4:
        raise _refused(worded("error.year_digits", digits=digits))
    return _int(digits, "year", 1, 9999)


def _numeral(text: str, what: str, high: int) -> int:
    value = ROMAN.get(text) if not text.isdigit() else None
    if value is None and not text.isdigit():
        raise _Refused(f"{text.upper()} is not a {what} number (1 to {high})")
    return value if value is not None else _int(text, what, 1, high)


def _day(year: str, month: str, day: str) -> Span:
    y, m, d = _year(year), _int(month, "month", 1, 12), _int(day, "day", 1, 31)
    last = month_end(y, m).day
    if d > last:
        name = Nth("months.prepositional", m - 1)  # в феврале; February
        raise _refused(worded("error.month_days", month=name, year=y, count=last))
    return Span("day", dt.date(y, m, d), dt.date(y, m, d))


def _month(year: str, month: str) -> Span:
    y, m = _year(year), _int(month, "month", 1, 12)
    return Span("month", dt.date(y, m, 1), month_end(y, m))


def _quarter(year: str, number: str) -> Span:
    y, q = _year(year), _numeral(number, "quarter", 4)
    return Span("quarter", quarter_start(y, q), quarter_end(y, q))


def _half(year: str, number: str) -> Span:
    y, h = _year(year), _numeral(number, "half-year", 2)
    return Span("half-year", half_start(y, h), half_end(y, h))


def _named_month(word: str, names: dict[str, int], example: str) -> str:
    if word not in names:
        raise _Refused(f"{word!r} is not a month{example}")
    return str(names[word])


def _span(kind: str, parts: Sequence[str]) -> Span:
    if kind == "ymd":
        return _day(parts[0], parts[1], parts[2])
    if kind == "dmy":
        return _day(parts[2], parts[1], parts[0])
    if kind == "ym":
        return _month(parts[0], parts[1])
    if kind == "d month y":
        month = _named_month(parts[1], _DAY_MONTHS, " as a date writes it (1 июля 2018)")
        return _day(parts[2], month, parts[0])
    if kind == "month d y":
        month = _named_month(parts[0], _DAY_MONTHS, " as a date writes it (July 1, 2018)")
        return _day(parts[2], month, parts[1])
    if kind == "month y":
        return _month(parts[1], _named_month(parts[0], _PERIOD_MONTHS, " (январь 2018)"))
    if kind in ("yq", "qy", "q words"):
        year, number = (parts[0], parts[1]) if kind == "yq" else (parts[1], parts[0])
        return _quarter(year, number)
    if kind in ("yh", "hy", "h words"):
        year, number = (parts[0], parts[1]) if kind == "yh" else (parts[1], parts[0])
        return _half(year, number)
    y = _year(parts[0])
    return Span("year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def read_span(
    text: str,
    today: dt.date | None,
    noun: str | Words = "a date",
    expected: str | Words = FORMS,
) -> Span:
    """A day, month, quarter, half-year or year in any of the forms the module lists, and in
    every form the tool prints them in either language ("1 пол. 2018", "за 1 полугодие 2018
    года", "H1 2018", "1 July 2018", "в январе 2023 года"). ``today`` is what "today" means
    (None: it is refused); ``expected`` ends the message for a text of no such form. Given as
    words (``i18n.worded``), both are said in the user's language."""
    value = fold(roman(text))
    if today is not None and value in ("today", "сегодня"):
        return Span("day", today, today)
    value = _LEAD.sub("", value, count=1) if _LEAD.match(value) else value
    said = noun if isinstance(noun, Words) else _NOUNS.get(noun)
    english = noun.say("en") if isinstance(noun, Words) else noun
    for kind, pattern in _PATTERNS:
        if match := pattern.match(value):
            try:
                return _span(kind, match.groups())
            except _Refused as reason:
                if reason.said is not None and said is not None:  # in the user's language
                    why = worded("error.not_a", text=shown(text), noun=said)
                    raise DateInputError.of(_with(why, expected=reason.said)) from None
                raise DateInputError(f"{shown(text)} is not {english}: {reason}") from None
    if said is not None and (expected == FORMS or isinstance(expected, Words)):
        forms = expected if isinstance(expected, Words) else worded("error.date_forms")
        raise DateInputError.of(
            _with(worded("error.not_a", text=shown(text), noun=said), expected=forms)
        )
    raise DateInputError(f"{shown(text)} is not {english}: {expected}")


def _with(said: Words, **values: object) -> Words:
    return Words(said.key, {**said.values, **values})


_NOUNS = {
    "a date": worded("error.noun.date"),
    "a deadline filter": worded("error.noun.deadline_filter"),
}
"""What the common readers call what they read, in words."""


PERIOD_KINDS: dict[SpanKind, str] = {
    "day": "date",
    "month": "month",
    "quarter": "quarter",
    "half-year": "half_year",
    "year": "year",
}
"""Each span's kind as the plan's report periods name it (``i18n.period_kind``)."""


def period_key(span: Span) -> str:
    """The key the plan's reports give the span: ``2018H1``, ``2023Q1``, ``2023-01``,
    ``2023``, and a day's ISO date ``2024-06-15``."""
    first = span.first
    if span.kind == "half-year":
        return f"{first.year}H{1 if first.month == 1 else 2}"
    if span.kind == "quarter":
        return f"{first.year}Q{(first.month + 2) // 3}"
    if span.kind == "month":
        return f"{first.year}-{first.month:02d}"
    if span.kind == "year":
        return str(first.year)
    return first.isoformat()


def parse_as_of(text: str, today: dt.date) -> dt.date:
    """The date to answer for: a day, or the FIRST day of a month, quarter, half-year or year
    (:func:`as_of_horizon` says where what is due then ends)."""
    return read_span(text, today).first


def as_of_horizon(text: str, today: dt.date) -> dt.date | None:
    """The last day counted as due for ``--as-of`` given as a month, quarter, half-year or
    year: its last day (what falls due in it is due); None for a day (the rule of the status:
    the end of its quarter)."""
    span = read_span(text, today)
    return None if span.kind == "day" else span.last


def parse_day(text: str, today: dt.date) -> dt.date:
    """A day (a record is made on a day: a quarter is refused)."""
    span = read_span(text, today)
    if span.kind != "day":
        kind = worded(f"error.span.{span.kind}")
        raise DateInputError.of(worded("error.not_a_day", text=shown(text), span=kind))
    return span.first


def deadline_range(text: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """``2017Q2`` → its first and last day; ``2018`` → the year's; a day → that day."""
    span = read_span(text, today, "a deadline filter")
    return span.first, span.last


# --- windows -------------------------------------------------------------------------------

_WINDOW = re.compile(r"([0-9]+) ?([a-zа-я]+)\.?\Z")
_UNITS = {
    unit: words.split()
    for unit, words in {
        "d": "d day days д дн день дня дней",
        "w": "w week weeks н нед неделя недели недель неделю",
        "m": "m month months м мес месяц месяца месяцев",
        "q": "q quarter quarters к кв квартал квартала кварталов",
        "y": "y year years г л год года лет",
    }.items()
}
_UNIT_OF = {word: unit for unit, words in _UNITS.items() for word in words}


def window_end(text: str, start: dt.date) -> dt.date:
    """The last day of a window such as ``30d``, ``2w``, ``2m``, ``1q`` or ``1y`` (in Russian
    ``30д``, ``2н``, ``2м``, ``1к``, ``1г``, or in words, ``30 дней``, ``2 недели``, ``2
    месяца``, ``1 квартал``, ``1 год``, ``30 days``) from ``start``."""
    match = _WINDOW.match(fold(text))
    if not match or match[2] not in _UNIT_OF:
        raise DateInputError.of(worded("error.not_a_window", text=shown(text)))
    digits, unit = match[1].lstrip("0") or "0", _UNIT_OF[match[2]]
    too_long = DateInputError(
        f"the window {shown(text)} is too long: from {start.isoformat()} it ends after 9999-12-31"
    )
    if len(digits) > 7:
        raise too_long
    count = int(digits)
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
        raise too_long from None


# --- statuses ------------------------------------------------------------------------------


def _status_key(text: str) -> str:
    return " ".join(fold(text).replace("_", " ").replace("-", " ").split())


def _named(text: str, choices: Sequence[str], kind: str) -> str:
    """One of ``choices`` by its name (``in_progress``, ``In progress``) or as the tables print
    it in either language (the label ``KIND.VALUE``: ``в работе``, ``соисполнитель``)."""
    wanted = _status_key(text)
    for value in choices:
        names = {value, *LABELS[f"{kind}.{value}"]}
        if wanted in {_status_key(name) for name in names}:
            return value
    expected = ", ".join(f"{value} ({LABELS[f'{kind}.{value}'][0]})" for value in choices)
    what = worded(f"error.kind.{kind}")
    raise InvalidInput.of(
        worded("error.not_one_of", text=shown(text.strip()), kind=what, expected=expected)
    )


def read_status(text: str, choices: Sequence[str]) -> str:
    """One of ``choices`` (status values) by its name (``in_progress``, ``In progress``) or as
    the tables print it in either language (``в работе``, ``просрочено``)."""
    return _named(text, choices, "status")


ROLE_CHOICES = ("lead", "co", "any")


def read_role(text: str) -> str:
    """``--role``: lead, co or any, by its name or as the tables print it in either language
    (``ответственный``, ``соисполнитель``, ``co-executor``, ``любая``)."""
    return _named(text, ROLE_CHOICES, "role")


def parse_statuses(values: Iterable[str]) -> set[Status]:
    """The statuses to keep: each value may list several, separated by commas."""
    choices = [status.value for status in Status]
    chosen = set()
    for value in values:
        for part in value.split(","):
            chosen.add(Status(read_status(part, choices)))
    return chosen


# --- measures and reports -------------------------------------------------------------------

_NUMBER = re.compile(r"(?:№|n[o°º]?\.?) ?([0-9]+)|([0-9]+)", re.IGNORECASE)
_NEGATIVE = re.compile(r"[-−–] ?[0-9]+")
_DOTTED = re.compile(
    r"(?:№|n[o°º]?\.?) ?([1-9][0-9]*(?:\.[1-9][0-9]*)+)|([1-9][0-9]*(?:\.[1-9][0-9]*)+)",
    re.IGNORECASE,
)


_MEASURE_ID = re.compile(r"measure-([1-9][0-9]*(?:\.[1-9][0-9]*)*)")
"""A measure's obligation id as the tool prints it (JSON, CSV, X-PLAN-ID): ``measure-5``."""


def read_measure_id(text: str) -> int | str | None:
    """The number in a measure's obligation id (``measure-5`` → 5, ``Measure-1.7`` → "1.7"),
    or None when the text is not one."""
    match = _MEASURE_ID.fullmatch(fold(text))
    if match is None:
        return None
    return match[1] if "." in match[1] else int(match[1])


def _looks_numeric(text: str) -> bool:
    """Digits other than 0-9 (², ①, ٥, a fraction ½) or a number in words' place."""
    return any(
        unicodedata.category(char) in ("Nd", "No", "Nl") and not "0" <= char <= "9" for char in text
    )


def listed(names: Sequence[str], most: int = 10) -> str:
    """Names for a message, the first ``most`` of a long list and how many there are."""
    said = listed_words(names, most)
    return said if isinstance(said, str) else said.say("en")


def listed_words(names: Sequence[str], most: int = 10) -> Words | str:
    """:func:`listed`, to be said in a language: "…, … (72 in all)", "…, … (всего 72)"."""
    if len(names) <= most:
        return ", ".join(names)
    return worded("error.listed", shown=", ".join(names[:most]), count=len(names))


def expected_targets(
    numbers: Collection[int | str], reports: Sequence[str], others: Collection[str] = ()
) -> Words:
    """What a target may be, for a message: the measures' numbers, the ids of the times a
    measure falls due (one for example), and the reports' ids, or that there are none."""
    ordered = sorted(numbers, key=lambda n: tuple(int(p) for p in str(n).split(".")))
    first, last = (ordered[0], ordered[-1]) if ordered else (1, 1)
    times = "_times" if others else ""
    example = min(others, key=lambda i: (len(i), i)) if others else ""
    if not reports:
        return worded(
            f"error.expected_target{times}_no_reports", first=first, last=last, example=example
        )
    return worded(
        f"error.expected_target{times}",
        first=first,
        last=last,
        example=example,
        reports=listed_words(reports),
    )


def read_target(
    text: str,
    numbers: Collection[int | str],
    reports: Sequence[str],
    others: Collection[str] = (),
) -> int | str:
    """A measure's number (``5``, ``№5``, ``№ 5``, dotted ``1.7``) or an obligation's id in any
    letter case, as the tool prints it: a measure's (``measure-5``, read as its number), a
    report's as the plan has it, or one of ``others`` (the ids of the times a measure falls
    due: ``measure-5-2023Q1``); anything else is an :class:`UnknownName` saying what the plan
    has."""
    value = clean(text)
    expected = expected_targets(numbers, reports, others)

    def no_measure(number: str) -> UnknownName:
        return UnknownName.of(worded("error.no_measure", number=clip(number), expected=expected))

    if match := _DOTTED.fullmatch(value):
        dotted = match[1] or match[2]
        if dotted in numbers:
            return dotted
        raise no_measure(dotted)
    if match := _NUMBER.fullmatch(value):
        digits = (match[1] or match[2]).lstrip("0") or "0"
        if len(digits) <= 9 and int(digits) in numbers:
            return int(digits)
        raise no_measure(digits)
    if _NEGATIVE.fullmatch(value):
        raise no_measure(value)
    if _looks_numeric(value):
        said = worded("error.not_a_measure_number", text=shown(value), expected=expected)
        raise UnknownName.of(said)
    if (number := read_measure_id(value)) is not None:
        if number in numbers:
            return number
        raise no_measure(str(number))
    for report in (*reports, *sorted(others)):
        if fold(report) == fold(value):
            return report
    raise UnknownName.of(worded("error.no_obligation", text=shown(value), expected=expected))
