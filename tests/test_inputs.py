"""What people type, read into values (inputs, spelling, plan.Glossary): every form an official
writes, and a one-line error for anything else, never an exception of another kind.

Property tests (Hypothesis): any text gives a date or a one-line DateInputError; every
supported form of a random date (or quarter, half-year) reads back as that date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PLAN
from reintegration_plan.characters import is_special
from reintegration_plan.errors import DateInputError, InvalidInput, UnknownName
from reintegration_plan.i18n import Lang, date_long, date_short, label, period_kind, period_phrase
from reintegration_plan.inputs import (
    Span,
    SpanKind,
    as_of_horizon,
    deadline_range,
    parse_as_of,
    parse_day,
    parse_statuses,
    period_key,
    read_span,
    read_status,
    read_target,
    window_end,
)
from reintegration_plan.loader import load_plan
from reintegration_plan.obligations import resolve_agencies, resolve_agency
from reintegration_plan.spelling import clean, fold, readings
from reintegration_plan.status import Status

TODAY = dt.date(2020, 5, 5)
PLAN_DATA = load_plan(PLAN)
NUMBERS = set(range(1, 31))
REPORTS = ["half-yearly-report-2017H1", "annual-evaluation", "consolidated-report"]
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
MONTHS = [label(f"month.{n}", "ru") for n in range(1, 13)]


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "2018-07-01",
        "01.07.2018",
        "1.7.2018",
        "2018-7-1",
        "1 июля 2018",
        "1 июля 2018 года",
        "1 Июля 2018 г.",
        "01-07-2018",
        " 01.07.2018 ",
        "01.07.2018\u200b",  # a zero-width space copied along
        "\u00a001.07.2018",  # a no-break space
        "01.07.2018 г.",
    ],
)
def test_a_day_as_officials_write_it(typed: str) -> None:
    assert parse_day(typed, TODAY) == dt.date(2018, 7, 1)
    assert parse_as_of(typed, TODAY) == dt.date(2018, 7, 1)


@pytest.mark.parametrize("typed", ["today", "TODAY", "сегодня", "Сегодня"])
def test_today(typed: str) -> None:
    assert parse_day(typed, TODAY) == TODAY


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2018Q3", "2018-07-01", "2018-09-30"),
        ("2018-Q3", "2018-07-01", "2018-09-30"),
        ("2018q3", "2018-07-01", "2018-09-30"),
        ("Q3 2018", "2018-07-01", "2018-09-30"),
        ("3 квартал 2018", "2018-07-01", "2018-09-30"),
        ("3 квартал 2018 года", "2018-07-01", "2018-09-30"),
        ("III квартал 2018 года", "2018-07-01", "2018-09-30"),
        ("ІІІ квартал 2018 года", "2018-07-01", "2018-09-30"),  # Kazakh І
        ("3-й квартал 2018", "2018-07-01", "2018-09-30"),
        ("4 кв. 2017", "2017-10-01", "2017-12-31"),
        ("2018H1", "2018-01-01", "2018-06-30"),
        ("2018-h2", "2018-07-01", "2018-12-31"),
        ("1 полугодие 2018", "2018-01-01", "2018-06-30"),
        ("II полугодие 2018 года", "2018-07-01", "2018-12-31"),
        ("2018", "2018-01-01", "2018-12-31"),
        ("2018 год", "2018-01-01", "2018-12-31"),
    ],
)
def test_a_period_is_its_days_and_as_a_date_its_first_day(
    typed: str, first: str, last: str
) -> None:
    """A quarter or half-year given as --as-of means its FIRST day: what falls due in it is
    due, what fell due before it is overdue."""
    assert deadline_range(typed, TODAY) == (
        dt.date.fromisoformat(first),
        dt.date.fromisoformat(last),
    )
    assert parse_as_of(typed, TODAY) == dt.date.fromisoformat(first)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0000-01-01", "'0000-01-01' is not a date: year 0 is out of range (1 to 9999)"),
        ("00.01.0000", "'00.01.0000' is not a date: year 0 is out of range (1 to 9999)"),
        ("10000-01-01", "'10000-01-01' is not a date: year 10000 is out of range (1 to 9999)"),
        ("2017-13-01", "'2017-13-01' is not a date: month 13 is out of range (1 to 12)"),
        ("2017-00-01", "'2017-00-01' is not a date: month 0 is out of range (1 to 12)"),
        ("32.01.2018", "'32.01.2018' is not a date: day 32 is out of range (1 to 31)"),
        ("29.02.2018", "'29.02.2018' is not a date: February 2018 has 28 days"),
        (
            "1.7.18",
            "'1.7.18' is not a date: give the year in full, with four digits (18 is not a year)",
        ),
        (
            "1 июль 2018",
            "'1 июль 2018' is not a date: 'июль' is not a month as a date writes it (1 июля 2018)",
        ),
        ("2018Q5", "'2018Q5' is not a date: quarter 5 is out of range (1 to 4)"),
        ("V квартал 2018", "'V квартал 2018' is not a date: V is not a quarter number (1 to 4)"),
        (
            "3 полугодие 2018",
            "'3 полугодие 2018' is not a date: half-year 3 is out of range (1 to 2)",
        ),
        ("9" * 5000, f"'{'9' * 39}…' is not a date: year {'9' * 39}… is out of range (1 to 9999)"),
    ],
)
def test_out_of_range_is_one_line(typed: str, message: str) -> None:
    with pytest.raises(DateInputError) as caught:
        parse_as_of(typed, TODAY)
    assert str(caught.value) == message


def test_a_day_is_wanted_where_a_record_is_made() -> None:
    with pytest.raises(DateInputError) as caught:
        parse_day("III квартал 2018", TODAY)
    assert str(caught.value) == (
        "'III квартал 2018' is a quarter, not a day: give the day, e.g. 01.07.2018"
    )
    leap = parse_day("29.02.2020", TODAY)
    assert leap == dt.date(2020, 2, 29)


@settings(max_examples=400)
@given(st.text(max_size=40))
def test_any_text_is_a_date_or_a_one_line_error(text: str) -> None:
    try:
        value = parse_as_of(text, TODAY)
    except DateInputError as error:
        assert "\n" not in str(error) and str(error)
    else:
        assert isinstance(value, dt.date)


DATE_FORMS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year:04d}",
    lambda d: f"{d.day}.{d.month}.{d.year:04d}",
    lambda d: f"{d.year:04d}-{d.month}-{d.day}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year:04d}",
    lambda d: f"{d.day} {MONTHS[d.month - 1]} {d.year:04d} года",
    lambda d: f"{d.day} {MONTHS[d.month - 1].upper()} {d.year:04d} г.",
]


@settings(max_examples=300)
@given(day=st.dates(min_value=dt.date(1000, 1, 1)), form=st.sampled_from(DATE_FORMS))
def test_every_form_of_a_date_reads_back(day: dt.date, form: object) -> None:
    assert callable(form)
    assert parse_day(form(day), TODAY) == day


QUARTER_FORMS = [
    lambda y, q: f"{y}Q{q}",
    lambda y, q: f"{y}-q{q}",
    lambda y, q: f"{q} квартал {y}",
    lambda y, q: f"{ROMAN[q]} квартал {y} года",
]
HALF_FORMS = [
    lambda y, h: f"{y}H{h}",
    lambda y, h: f"{h} полугодие {y}",
    lambda y, h: f"{ROMAN[h]} полугодие {y} года",
]


@given(
    year=st.integers(1000, 9999),
    quarter=st.integers(1, 4),
    form=st.sampled_from(QUARTER_FORMS),
)
def test_every_form_of_a_quarter_reads_back_as_its_first_day(
    year: int, quarter: int, form: object
) -> None:
    assert callable(form)
    span = read_span(form(year, quarter), TODAY)
    assert (span.kind, span.first) == ("quarter", dt.date(year, 3 * quarter - 2, 1))
    last_day = calendar.monthrange(year, 3 * quarter)[1]
    assert span.last == dt.date(year, 3 * quarter, last_day)


@given(year=st.integers(1000, 9999), half=st.integers(1, 2), form=st.sampled_from(HALF_FORMS))
def test_every_form_of_a_half_year_reads_back_as_its_first_day(
    year: int, half: int, form: object
) -> None:
    assert callable(form)
    assert parse_as_of(form(year, half), TODAY) == dt.date(year, 1 if half == 1 else 7, 1)


# --- windows -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "end"),
    [("30d", "2017-07-31"), ("2w", "2017-07-15"), ("2M", "2017-09-01"), ("1q", "2017-10-01"),
     ("1y", "2018-07-01"), ("30д", "2017-07-31"), ("1 г", "2018-07-01"), ("2 н", "2017-07-15"),
     ("30 дней", "2017-07-31"), ("2 недели", "2017-07-15"), ("2 мес.", "2017-09-01"),
     ("1 квартал", "2017-10-01"), ("1 год", "2018-07-01"), ("5 лет", "2022-07-01"),
     ("30 Days", "2017-07-31"), ("1 quarter", "2017-10-01")],
)  # fmt: skip
def test_windows(typed: str, end: str) -> None:
    assert window_end(typed, dt.date(2017, 7, 1)) == dt.date.fromisoformat(end)


@pytest.mark.parametrize("typed", ["99999y", "9" * 5000 + "d", "9999y"])
def test_a_window_too_long_is_one_line(typed: str) -> None:
    with pytest.raises(DateInputError) as caught:
        window_end(typed, dt.date(2017, 7, 1))
    assert " is too long: from 2017-07-01 it ends after 9999-12-31" in str(caught.value)


# --- statuses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "status"),
    [
        ("overdue", Status.overdue),
        ("OVERDUE", Status.overdue),
        ("просрочено", Status.overdue),
        ("Просрочено", Status.overdue),
        ("к исполнению", Status.due),
        ("К  исполнению", Status.due),
        ("в работе", Status.in_progress),
        ("in progress", Status.in_progress),
        ("In-Progress", Status.in_progress),
        ("in_progress", Status.in_progress),
        ("выполняется", Status.ongoing),
        ("предстоит", Status.upcoming),
        ("без срока", Status.undated),
        ("выполнено", Status.done),
        ("отменено", Status.cancelled),
    ],
)
def test_a_status_in_any_case_and_in_russian(typed: str, status: Status) -> None:
    assert parse_statuses([typed]) == {status}


def test_statuses_repeated_or_separated_by_commas() -> None:
    assert parse_statuses(["просрочено, в работе", "due"]) == {
        Status.overdue,
        Status.in_progress,
        Status.due,
    }


def test_a_record_status_is_a_progress_status() -> None:
    choices = ["not_started", "in_progress", "done", "cancelled"]
    assert read_status("Не начато", choices) == "not_started"
    with pytest.raises(InvalidInput) as caught:
        read_status("просрочено", choices)
    assert str(caught.value) == (
        "'просрочено' is not a status: expected one of not_started (не начато), in_progress "
        "(в работе), done (выполнено), cancelled (отменено)"
    )


# --- measure numbers and report ids --------------------------------------------------------


@pytest.mark.parametrize("typed", ["5", "№5", "№ 5", " 5 ", "05", "N5", "No. 5", "5\u200b"])
def test_a_measure_number(typed: str) -> None:
    assert read_target(typed, NUMBERS, REPORTS) == 5


def test_a_report_id_in_any_case() -> None:
    assert read_target("HALF-YEARLY-REPORT-2017h1", NUMBERS, REPORTS) == REPORTS[0]


@pytest.mark.parametrize(
    ("typed", "start"),
    [
        ("²", "'²' is not a measure number: type it with the digits 0-9 (5 or №5); expected"),
        ("①", "'①' is not a measure number"),
        ("٥", "'٥' is not a measure number"),
        ("½", "'½' is not a measure number"),
        ("-1", "there is no measure -1 in the plan: expected a measure number 1–30"),
        ("0", "there is no measure 0 in the plan"),
        ("31", "there is no measure 31 in the plan"),
        ("9" * 5000, f"there is no measure {'9' * 39}… in the plan"),
        ("5.0", "there is no obligation '5.0' in the plan"),
    ],
)
def test_anything_else_is_one_line(typed: str, start: str) -> None:
    with pytest.raises(UnknownName) as caught:
        read_target(typed, NUMBERS, REPORTS)
    assert str(caught.value).startswith(start)
    assert "\n" not in str(caught.value)


@given(st.text(max_size=30))
def test_any_target_is_a_value_or_a_one_line_error(text: str) -> None:
    try:
        value = read_target(text, NUMBERS, REPORTS)
    except UnknownName as error:
        assert "\n" not in str(error)
    else:
        assert value in NUMBERS or value in REPORTS


# --- agencies ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("МТСЗН", "МТСЗН"),
        ("мтсзн", "МТСЗН"),
        ("mtszn", "МТСЗН"),
        ("MТСЗН", "МТСЗН"),  # a Latin M
        ("МТСЗH", "МТСЗН"),  # a Latin H
        ("MТSZN", "МТСЗН"),  # a Cyrillic Т in the alias
        ("МТ\u200bСЗН", "МТСЗН"),  # a zero-width space
        ("\u00a0МТСЗН\u00ad", "МТСЗН"),  # a no-break space and a soft hyphen
        ("Министерство внутренних дел Республики Казахстан", "МВД"),
        ("Министерство внутренних дел", "МВД"),
        ("министерство труда", "МТСЗН"),
        ("МИНИСТЕРСТВО   ТРУДА", "МТСЗН"),
        ("Ministry of Labour", "МТСЗН"),
        ("акиматы", "акиматы областей, городов Астаны и Алматы"),
        ("Акиматы областей", "акиматы областей, городов Астаны и Алматы"),
        ("AKIMATS", "акиматы областей, городов Астаны и Алматы"),
        ("генеральная прокуратура", "ГП"),
        ("неправительственные организации", "НПО"),
        ("министерство здравоохранения", "МЗ"),  # МЗСР's name starts so too: it executes none
        ("МВД РК", "МВД"),
        ("мвд, РК", "МВД"),
        ("МТСЗН Республики Казахстан", "МТСЗН"),
        ("mvd rk", "МВД"),
        ("министерство труда РК", "МТСЗН"),
    ],
)
def test_an_agency_as_people_name_it(typed: str, code: str) -> None:
    assert resolve_agency(PLAN_DATA, typed).code == code


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "министерство",
            "'министерство' could be any of МВД, МФ, МОН, МЗ, МТСЗН, МНЭ: type more of the "
            "name, or a code or alias",
        ),
        ("мин", "'мин' is not an agency of the plan: expected a code, an alias or a name"),
        ("уис", "'уис' is not an executing agency: expected a code, an alias or a name"),
        ("мзср", "'мзср' is not an executing agency: expected a code, an alias or a name"),
        ("РК", "'РК' is not an agency of the plan: expected a code, an alias or a name"),
    ],
)
def test_an_ambiguous_or_unknown_agency_is_one_line(typed: str, message: str) -> None:
    with pytest.raises(UnknownName) as caught:
        resolve_agency(PLAN_DATA, typed)
    assert str(caught.value).startswith(message)


def test_several_agencies_each_once_in_the_order_named() -> None:
    found = resolve_agencies(PLAN_DATA, ["mf", "министерство труда", "МФ"])
    assert [entry.code for entry in found] == ["МФ", "МТСЗН"]


def test_spelling() -> None:
    assert clean(" a\u00a0\u00a0b\u200b\u00adc\tz \n") == "a bc z"
    assert fold("Учёт") == "учет"
    assert readings("MВД") == ("mвд", "мвд", "mbд")  # Д has no Latin twin
    assert readings("мвд") == ("мвд",)


SPACES_AND_INVISIBLES = " \t\n\r\x0b\x1c\x85\u00a0\u00ad\u200b\u2007\u2028\u202f\u3000\ufeff\ue000"


@settings(max_examples=500)
@given(st.text(st.one_of(st.characters(), st.sampled_from(SPACES_AND_INVISIBLES)), max_size=30))
def test_clean_reads_a_printable_text_as_every_text_by_its_characters(text: str) -> None:
    # clean reads a printable text (no invisible or special character, no space but the
    # ordinary one) without a step a character: the same as the rule for each character
    by_character = "".join(
        " " if is_special(char) or char.isspace() else char
        for char in text
        if unicodedata.category(char) != "Cf"
    )
    assert clean(text) == " ".join(by_character.split())


# --- every form the tool prints reads back ------------------------------------------------


def printed_forms(key: str, lang: Lang) -> list[str]:
    """A period key as the tool prints it in ``lang``: a column's short form, the phrases
    "за …" and "в …" of a submission (a fixed date's "в …" is a range, "с … по …": not a
    period to type), and a half-year as the report's share table heads it."""
    kind = period_kind(key)
    forms = [
        period_phrase(key, form, lang) for form in ("short", "for", "in")[: 2 + (kind != "date")]
    ]
    if kind == "half_year":
        forms.append(label("report.half_year", lang, year=key[:4], half=key[5]))
    return forms


FIRST_MONTH: dict[SpanKind, Callable[[int], int]] = {
    "day": lambda month: month,
    "month": lambda month: month,
    "quarter": lambda month: 3 * ((month - 1) // 3) + 1,
    "half-year": lambda month: 1 if month <= 6 else 7,
    "year": lambda month: 1,
}


@settings(max_examples=200)
@given(
    day=st.dates(min_value=dt.date(1000, 1, 1)),
    kind=st.sampled_from(list(FIRST_MONTH)),
    lang=st.sampled_from(["ru", "en"]),
)
def test_every_period_and_date_the_tool_prints_reads_back(
    day: dt.date, kind: SpanKind, lang: Lang
) -> None:
    first = day if kind == "day" else day.replace(month=FIRST_MONTH[kind](day.month), day=1)
    span = read_span(period_key(Span(kind, first, first)), TODAY)
    assert (span.kind, span.first) == (kind, first)
    key = period_key(span)
    printed = printed_forms(key, lang)
    if kind == "day":
        printed += [date_short(day, lang), date_long(day, lang)]
    for text in printed:
        assert read_span(text, TODAY) == span, text
        assert period_key(read_span(text, None)) == key, text


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("1 пол. 2017", "2017-01-01", "2017-06-30"),
        ("H1 2018", "2018-01-01", "2018-06-30"),
        ("h2-2018", "2018-07-01", "2018-12-31"),
        ("за 2 полугодие 2017 года", "2017-07-01", "2017-12-31"),
        ("в 3 квартале 2018 года", "2018-07-01", "2018-09-30"),
        ("1 July 2018", "2018-07-01", "2018-07-01"),
        ("July 1, 2018", "2018-07-01", "2018-07-01"),
        ("as of 1 July 2018", "2018-07-01", "2018-07-01"),
        ("по состоянию на 01.07.2018", "2018-07-01", "2018-07-01"),
        ("январь 2023", "2023-01-01", "2023-01-31"),
        ("в феврале 2024 года", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("в 2023 году", "2023-01-01", "2023-12-31"),
    ],
)
def test_forms_the_tool_prints_and_officials_type(typed: str, first: str, last: str) -> None:
    span = read_span(typed, TODAY)
    assert (span.first.isoformat(), span.last.isoformat()) == (first, last)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("today", "'today' is not a half-year: expected 2018H1"),
        (
            "13 пол. 2018",
            "'13 пол. 2018' is not a half-year: half-year 13 is out of range (1 to 2)",
        ),
        ("июнбрь 2018", "'июнбрь 2018' is not a half-year: 'июнбрь' is not a month (январь 2018)"),
        ("31 June 2018", "'31 June 2018' is not a half-year: June 2018 has 30 days"),
    ],
)
def test_a_period_without_today(typed: str, message: str) -> None:
    """``--period`` has no today: read without one, "today" is refused like any other word."""
    with pytest.raises(DateInputError) as caught:
        read_span(typed, None, "a half-year", "expected 2018H1")
    assert str(caught.value) == message


def test_the_horizon_of_a_period_is_its_last_day() -> None:
    assert as_of_horizon("1 полугодие 2018", TODAY) == dt.date(2018, 6, 30)
    assert as_of_horizon("2018", TODAY) == dt.date(2018, 12, 31)
    assert as_of_horizon("январь 2018", TODAY) == dt.date(2018, 1, 31)
    assert as_of_horizon("01.02.2018", TODAY) is None  # a day: the end of its quarter
