"""The act's text conventions: how its texts say who leads, who acts by agreement, when, and
at what cost. Pure functions of text, shared by the checks (which read the verbatim texts back
to compare them with the structured fields) and by whatever reads an act's text (``plan
import``).

* executors: agencies by their codes (or the phrases naming groups of bodies); "(созыв)" after a
  code marks the lead (the convener), "(по согласованию)" an agency taking part by agreement;
  where nothing is marked, the table's lead rule decides (912: the sole agency; newer plans: the
  one named first);
* deadlines: every form the real plans under tests/acts/ use ("2 квартал 2017 года", "I – II
  кварталы 2021 года", "декабрь, 2022–2023 годы", "До 31 января 2012 года", "ежегодно,
  декабрь", "Начиная с февраля 2012 года, ежеквартально", "постоянно", …), read from a copy
  with whitespace collapsed, in any letter case, with any dash;
* costs and financing: "не требуются", or an amount (in the unit the text or its column names);
* abbreviations: two to six capital Cyrillic letters (Kazakh ones included) standing alone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pydantic import ValidationError

from .act_text import GENITIVE_MONTHS
from .models import (
    AmountUnit,
    DateDeadline,
    DateRangeDeadline,
    Deadline,
    Every,
    FromDateDeadline,
    HalfYearDeadline,
    MonthDeadline,
    MonthsDeadline,
    PeriodDeadline,
    QuarterDeadline,
    QuartersDeadline,
    RecurringDeadline,
    Undated,
    UndatedDeadline,
    YearDeadline,
)

LEAD_MARK = "(созыв)"
BY_AGREEMENT_MARK = "(по согласованию)"
NO_COSTS_TEXT = "не требуются"

KAZAKH_CAPITALS = "ӘҒҚҢӨҰҮҺІ"
"""The Kazakh alphabet's letters beyond the Russian one, in capitals (codes such as ҚР use them)."""
_CAPITAL = f"А-ЯЁ{KAZAKH_CAPITALS}"
_LETTER = f"А-ЯЁа-яё{KAZAKH_CAPITALS}{KAZAKH_CAPITALS.lower()}A-Za-z"
ABBREVIATION_TOKEN = re.compile(rf"(?<![{_LETTER}])[{_CAPITAL}]{{2,6}}(?![{_LETTER}])")
"""A code as the act writes its abbreviations: МВД, МТСЗН, ҚДСЖ; a whole word, so that the
Cyrillic part of a word mixing alphabets (ВД in `MВД`, with a Latin M) is no code of its own
(the mixed word is reported as such)."""
_AMOUNT = re.compile(r"[0-9][0-9 \u00a0]*(?:[.,][0-9]+)?\Z")


def read_executors_text(text: str, codes: Collection[str]) -> list[tuple[str, bool, bool]]:
    """The agencies a column-4 text names, in order: (code, marked lead, by agreement).

    Agencies are found by their codes (longest first, whole words), so the act's missing comma
    in measure 21 ("МТСЗН акиматы ...") still yields two agencies.
    """
    patterns, combined = _code_patterns(codes if type(codes) is tuple else tuple(codes))
    if combined is not None:
        spans = [(m.start(), m.end(), m[0]) for m in combined.finditer(text)]
    else:
        spans = _spans_code_by_code(text, patterns)
    found = []
    for n, (_, end, code) in enumerate(spans):
        following = text[end : spans[n + 1][0] if n + 1 < len(spans) else len(text)]
        found.append((code, LEAD_MARK in following, BY_AGREEMENT_MARK in following))
    return found


def _spans_code_by_code(
    text: str, patterns: Sequence[tuple[str, re.Pattern[str]]]
) -> list[tuple[int, int, str]]:
    """Where each code is, longest code first, a match overlapping a longer one's left out."""
    spans: list[tuple[int, int, str]] = []
    for code, pattern in patterns:
        if code not in text:  # most codes are not in a given text: skip the regex
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            # a match overlapping one already taken (by a longer code) is part of that one
            if not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, code))
    spans.sort()
    return spans


_Patterns = tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=16)
def _code_patterns(codes: tuple[str, ...]) -> tuple[_Patterns, re.Pattern[str] | None]:
    """Each code's whole-word pattern, longest code first (compiled once per glossary); and,
    when no two codes' matches can overlap, one pattern for them all, which finds the same in
    one pass (longest first where two codes start at the same place)."""
    ordered = sorted(codes, key=len, reverse=True)
    patterns = tuple((code, re.compile(_WHOLE.format(re.escape(code)))) for code in ordered)
    if _may_overlap(ordered):
        return patterns, None
    return patterns, re.compile(_WHOLE.format("|".join(re.escape(code) for code in ordered)))


_WHOLE = r"(?<!\w)(?:{})(?!\w)"
_WORD = re.compile(r"\w")


def _may_overlap(codes: Sequence[str]) -> bool:
    """Whether a whole-word match of one code can start inside another's: after a character
    of it that is not a word character, its rest and a code begin alike (МВД and МВД РК at the
    same place are not an overlap of this kind: the longer is taken)."""
    for code in codes:
        for i, character in enumerate(code[:-1]):
            if _WORD.match(character) is None:
                rest = code[i + 1 :]
                if any(rest.startswith(other) or other.startswith(rest) for other in codes):
                    return True
    return False


def read_costs_text(text: str) -> tuple[bool, float | None] | None:
    """(required, amount in thousand tenge) as the costs text says, or None if unreadable."""
    if text == NO_COSTS_TEXT:
        return (False, None)
    if _AMOUNT.match(text):
        return (True, _amount(text))
    return None


def _amount(text: str) -> float:
    return float(re.sub(r"[ \u00a0]", "", text).replace(",", "."))


# --- financing -----------------------------------------------------------------------------

_NOT_REQUIRED = re.compile(r"(?:не требуются|не требуется|не предусмотрены|не предусмотрено)\Z")
_UNITS = (
    (re.compile(r"(?:тыс\.|тысяч|тысячи) тенге"), AmountUnit.thousand_tenge),
    (re.compile(r"(?:млн\.?|миллионов|миллиона) тенге"), AmountUnit.million_tenge),
    (re.compile(r"(?:млрд\.?|миллиардов|миллиарда) тенге"), AmountUnit.billion_tenge),
    (re.compile(r"тенге"), AmountUnit.tenge),
)
_NUMBER = r"(\d[\d \u00a0]*(?:[.,]\d+)?)"
_SCALE = r"тыс\.|тысяч|тысячи|млн\.?|миллионов|миллиона|млрд\.?|миллиардов|миллиарда"
_UNIT_WORDS = rf"(?: ((?:{_SCALE}) )?тенге)?"
_ONE_AMOUNT = re.compile(rf"{_NUMBER}{_UNIT_WORDS}\Z")
_YEAR_AMOUNT = re.compile(
    rf"(?:в |на )?(\d{{4}})(?: (?:год|году|г\.?))? – {_NUMBER}{_UNIT_WORDS}\Z"
)


def read_amount_unit(text: str) -> AmountUnit | None:
    """The unit a text (a column heading, 'Предполагаемые расходы (тысяч тенге)') names."""
    flat = normalize_text(text)
    for pattern, unit in _UNITS:
        if pattern.search(flat):
            return unit
    return None


@dataclass(frozen=True)
class ReadAmount:
    amount: float
    unit: AmountUnit
    year: int | None = None


def read_financing_text(
    text: str, unit: AmountUnit | None = None
) -> tuple[bool, list[ReadAmount]] | None:
    """(required, amounts) as a financing cell says: "не требуются" (False, []), "1 500,0" in
    the column's ``unit``, "1,5 млрд тенге", or an amount per year ("2022 год – 100,0; 2023 год
    – 200,0"); None when it says something else (a person reads it)."""
    flat = normalize_text(text)
    if _NOT_REQUIRED.match(flat):
        return (False, [])
    amounts = []
    for part in re.split(r"; |, (?=(?:в |на )?\d{4})", flat):
        if match := _ONE_AMOUNT.match(part):
            number, unit_text, year = match[1], match[2], None
        elif match := _YEAR_AMOUNT.match(part):
            year, number, unit_text = int(match[1]), match[2], match[3]
        else:
            return None
        named = read_amount_unit(f"{unit_text} тенге") if unit_text else None
        if named is None and "тенге" in part:
            named = AmountUnit.tenge
        if (named or unit) is None:
            return None
        amounts.append(ReadAmount(_amount(number), named or unit or AmountUnit.tenge, year))
    return (True, amounts)


def sources_not_required(text: str) -> bool:
    """Whether a sources cell says no financing is needed ("не требуются")."""
    return _NOT_REQUIRED.match(normalize_text(text)) is not None


def names_in(name: str, text: str) -> bool:
    """Whether ``text`` names ``name`` (compared as read: whitespace, case, ё and dashes)."""
    return normalize_text(name) in normalize_text(text)


# --- deadlines ---------------------------------------------------------------------------
# Read from a normalized copy of the text: whitespace collapsed (cells hard-wrapped over lines
# read as one line), lower case, ё as е, every dash with the spaces around it as " – ".

_MONTHS_NOMINATIVE = (
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
)
_MONTHS_PREPOSITIONAL = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)
_MONTH_NUMBER = {
    name: n % 12 + 1
    for names in (_MONTHS_NOMINATIVE, GENITIVE_MONTHS, _MONTHS_PREPOSITIONAL)
    for n, name in enumerate(names)
}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "первый": 1, "второй": 2, "третий": 3}
_ROMAN |= {"четвертый": 4, "первое": 1, "второе": 2}

_Y = r"(\d{4})"
_YW = r"(?: (?:года|год|годы|годов|году|гг?\.?))?"
_MN = "(" + "|".join(_MONTHS_NOMINATIVE) + ")"
_MG = "(" + "|".join(GENITIVE_MONTHS) + ")"
_MNP = "(" + "|".join(_MONTHS_NOMINATIVE + _MONTHS_PREPOSITIONAL) + ")"
_D = r"(\d{1,2})"
_Q = r"(\d+|iv|iii|ii|i|первый|второй|третий|четвертый)"
_H = r"(\d+|ii|i|первое|второе)"
_BY = r"(?:(?:до|к|не позднее|по) )?"
_EVERY = {
    "ежемесячно": Every.month,
    "ежеквартально": Every.quarter,
    "ежеполугодно": Every.half_year,
    "ежегодно": Every.year,
    "раз в месяц": Every.month,
    "раз в квартал": Every.quarter,
    "раз в полугодие": Every.half_year,
    "раз в полгода": Every.half_year,
    "раз в год": Every.year,
}
_R = r"((?:1 |один )?(?:" + "|".join(sorted(_EVERY, key=len, reverse=True)) + "))"
_AT_LEAST = {"месяц": Every.month, "квартал": Every.quarter, "полугодие": Every.half_year}
_AT_LEAST |= {"год": Every.year}
_YEARS = rf"(?:,? (?:в |на )?{_Y} – {_Y}{_YW})?"


def _full(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern + r"\Z")


@dataclass(frozen=True)
class UnreadDeadline:
    """A deadline text not read: ``impossible`` when it is in a known form but names what
    cannot be (quarter 5, 31 April), else in no known form."""

    reason: str
    impossible: bool = False


ReadDeadline = Deadline | list[Deadline] | UnreadDeadline


class _Impossible(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def normalize_text(text: str) -> str:
    """The copy a text is read from: whitespace collapsed, lower case, ё as е, every dash with
    the spaces around it as ' – ', no final full stop."""
    flat = " ".join(text.split()).casefold().replace("ё", "е")
    flat = re.sub(r" ?[-‐‑‒–—] ?", " – ", flat)
    return flat.rstrip(".;")


def _number(token: str, what: str, low: int, high: int) -> int:
    value = _ROMAN.get(token) if not token.isdigit() else int(token)
    if value is None or not low <= value <= high:
        raise _Impossible(f"names {what} {token}; a year has {what}s {low} to {high}")
    return value


def _date(year: str, month: str, day: str) -> dt.date:
    try:
        return dt.date(int(year), _MONTH_NUMBER[month], int(day))
    except ValueError:
        raise _Impossible(f"names {day} {month} {year}, not a day of the calendar") from None


def _quarter(m: re.Match[str]) -> Deadline:
    return QuarterDeadline(kind="quarter", year=int(m[2]), quarter=_number(m[1], "quarter", 1, 4))


def _quarters_in_year(m: re.Match[str]) -> Deadline:
    year = int(m[3])
    return QuartersDeadline(
        kind="quarters",
        first_year=year,
        first_quarter=_number(m[1], "quarter", 1, 4),
        last_year=year,
        last_quarter=_number(m[2], "quarter", 1, 4),
    )


def _quarters_across(m: re.Match[str]) -> Deadline:
    return QuartersDeadline(
        kind="quarters",
        first_year=int(m[2]),
        first_quarter=_number(m[1], "quarter", 1, 4),
        last_year=int(m[4]),
        last_quarter=_number(m[3], "quarter", 1, 4),
    )


def _half(m: re.Match[str]) -> Deadline:
    return HalfYearDeadline(kind="half_year", year=int(m[2]), half=_number(m[1], "half-year", 1, 2))


def _month(m: re.Match[str]) -> Deadline:
    return MonthDeadline(kind="month", year=int(m[2]), month=_MONTH_NUMBER[m[1]])


def _months_in_year(m: re.Match[str]) -> Deadline:
    year = int(m[3])
    first, last = _MONTH_NUMBER[m[1]], _MONTH_NUMBER[m[2]]
    return MonthsDeadline(
        kind="months", first_year=year, first_month=first, last_year=year, last_month=last
    )


def _months_across(m: re.Match[str]) -> Deadline:
    return MonthsDeadline(
        kind="months",
        first_year=int(m[2]),
        first_month=_MONTH_NUMBER[m[1]],
        last_year=int(m[4]),
        last_month=_MONTH_NUMBER[m[3]],
    )


def _month_each_year(m: re.Match[str]) -> Deadline:
    return RecurringDeadline(
        kind="recurring",
        every=Every.year,
        month=_MONTH_NUMBER[m[1]],
        first_year=int(m[2]),
        last_year=int(m[3]),
    )


def _day_each_year(m: re.Match[str]) -> Deadline:
    _date("2000", m[2], m[1])  # a day of that month (2000: 29 February is one)
    return RecurringDeadline(
        kind="recurring",
        every=Every.year,
        month=_MONTH_NUMBER[m[2]],
        day=int(m[1]),
        first_year=int(m[3]),
        last_year=int(m[4]),
    )


def _on_date(m: re.Match[str]) -> Deadline:
    return DateDeadline(kind="date", date=_date(m[3], m[2], m[1]))


def _from_date(m: re.Match[str]) -> Deadline:
    return FromDateDeadline(kind="from_date", date=_date(m[3], m[2], m[1]))


def _days_in_month(m: re.Match[str]) -> Deadline:
    return DateRangeDeadline(
        kind="date_range", first=_date(m[4], m[3], m[1]), last=_date(m[4], m[3], m[2])
    )


def _days_in_year(m: re.Match[str]) -> Deadline:
    return DateRangeDeadline(
        kind="date_range", first=_date(m[5], m[2], m[1]), last=_date(m[5], m[4], m[3])
    )


def _days_across(m: re.Match[str]) -> Deadline:
    return DateRangeDeadline(
        kind="date_range", first=_date(m[3], m[2], m[1]), last=_date(m[6], m[5], m[4])
    )


def _year(m: re.Match[str]) -> Deadline:
    return YearDeadline(kind="year", year=int(m[1]))


def _period(m: re.Match[str]) -> Deadline:
    return PeriodDeadline(kind="period", first_year=int(m[1]), last_year=int(m[2]))


def _every(phrase: str) -> Every:
    words = phrase.removeprefix("1 ").removeprefix("один ")
    return _EVERY[words]


def _recurring(m: re.Match[str]) -> Deadline:
    """'ежегодно', 'ежегодно, декабрь', 'ежегодно, до 1 июля', 'раз в полугодие 2018 – 2019
    годов'."""
    every = _every(m[1])
    month = m[2] or m[4]
    if month is not None and every is not Every.year:
        raise _Impossible("names a month for a deadline that is not yearly")
    if m[3] is not None:
        _date("2000", m[4], m[3])
    return RecurringDeadline(
        kind="recurring",
        every=every,
        month=_MONTH_NUMBER[month] if month else None,
        day=int(m[3]) if m[3] else None,
        first_year=int(m[5]) if m[5] else None,
        last_year=int(m[6]) if m[6] else None,
    )


def _at_least(m: re.Match[str]) -> Deadline:
    """'по мере необходимости, но не реже 1 раза в полугодие': at least once a half-year."""
    return RecurringDeadline(
        kind="recurring",
        every=_AT_LEAST[m[1]],
        first_year=int(m[2]) if m[2] else None,
        last_year=int(m[3]) if m[3] else None,
    )


def _starting(m: re.Match[str]) -> Deadline:
    """'Начиная с февраля 2012 года, ежеквартально', 'Февраль 2012 года, ежеквартально'."""
    return RecurringDeadline(
        kind="recurring",
        every=_every(m[3]),
        first_year=int(m[2]),
        from_month=_MONTH_NUMBER[m[1]],
    )


def _undated(reason: Undated) -> Callable[[re.Match[str]], Deadline]:
    return lambda _: UndatedDeadline(kind="undated", reason=reason)


_DEADLINE_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Deadline]], ...] = (
    (_full(rf"(?:в )?{_Q} квартал(?:е|а)? {_Y}{_YW}"), _quarter),
    (_full(rf"(?:в )?{_Q} – {_Q} квартал(?:ы|ах|ов)? {_Y}{_YW}"), _quarters_in_year),
    (_full(rf"{_Q} квартал {_Y}{_YW} – {_Q} квартал {_Y}{_YW}"), _quarters_across),
    (_full(rf"(?:в )?{_H} полугоди(?:е|и|я) {_Y}{_YW}"), _half),
    (_full(rf"(?:в )?{_MNP},? {_Y}{_YW}"), _month),
    (_full(rf"{_MN} – {_MN},? {_Y}{_YW}"), _months_in_year),
    (_full(rf"{_MN} {_Y}{_YW} – {_MN} {_Y}{_YW}"), _months_across),
    (_full(rf"{_MN},? {_Y} – {_Y}{_YW}"), _month_each_year),
    (_full(rf"{_BY}{_D} {_MG},? {_Y} – {_Y}{_YW}"), _day_each_year),
    (_full(rf"{_BY}{_D} {_MG} {_Y}{_YW}"), _on_date),
    (_full(rf"(?:начиная )?с {_D} {_MG} {_Y}{_YW}"), _from_date),
    (_full(rf"с {_D} по {_D} {_MG} {_Y}{_YW}"), _days_in_month),
    (_full(rf"{_D} – {_D} {_MG} {_Y}{_YW}"), _days_in_month),
    (_full(rf"с {_D} {_MG} по {_D} {_MG} {_Y}{_YW}"), _days_in_year),
    (_full(rf"с {_D} {_MG} {_Y}{_YW} по {_D} {_MG} {_Y}{_YW}"), _days_across),
    (_full(rf"(?:в течение |в |на )?{_Y}{_YW}"), _year),
    (_full(rf"(?:в течение |на )?{_Y} – {_Y}{_YW}"), _period),
    (
        _full(rf"{_R}(?:,? {_MN}|,? {_BY}{_D} {_MG})?{_YEARS}"),
        _recurring,
    ),
    (
        _full(
            r"по мере необходимости,? но не реже (?:1|одного) раза в "
            rf"(месяц|квартал|полугодие|год){_YEARS}"
        ),
        _at_least,
    ),
    (_full(rf"(?:начиная )?с {_MG} {_Y}{_YW},? {_R}"), _starting),
    (_full(rf"{_MN} {_Y}{_YW},? {_R}"), _starting),
    (_full(r"по мере [^,]+, " + _R), lambda m: _recurring_plain(m[1])),
    (_full(r"постоянно"), _undated(Undated.permanent)),
    (_full(r"по мере (?:необходимости|потребности)"), _undated(Undated.as_needed)),
    (
        _full(r"(?:по итогам (?!года|полугодия|квартала|месяца)|после |по истечении ).+"),
        _undated(Undated.event),
    ),
)
_MONTH_ONLY = _full(rf"(?:в )?{_MNP}")
_DEADLINE_SEPARATOR = re.compile(r"; |, | и ")


def _recurring_plain(phrase: str) -> Deadline:
    return RecurringDeadline(kind="recurring", every=_every(phrase))


def read_deadline_text(text: str, year: int | None = None) -> ReadDeadline:
    """What a deadline cell says, as the structured deadline (or a list of them when it names
    several), or why it cannot be read. ``year`` is the year of a cell naming a bare month
    ("январь" in a plan for 2022), None when the plan period is more than one year."""
    flat = normalize_text(text)
    try:
        found = _read_one(flat, year)
        if found is not None:
            return found
        parts = _DEADLINE_SEPARATOR.split(flat)
        if len(parts) > 1:
            each = [_read_one(part, year) for part in parts]
            if all(d is not None for d in each):
                return [d for d in each if d is not None]
    except _Impossible as exc:
        return UnreadDeadline(exc.reason, impossible=True)
    if _MONTH_ONLY.match(flat):
        return UnreadDeadline("names a month without its year, in a plan of several years")
    return UnreadDeadline("is in none of the forms of deadline this tool reads")


def _read_one(flat: str, year: int | None) -> Deadline | None:
    for pattern, build in _DEADLINE_FORMS:
        if match := pattern.match(flat):
            try:
                return build(match)
            except ValidationError as exc:  # a year out of range, a start after its end
                raise _Impossible(_first_message(exc)) from None
    if year is not None and (match := _MONTH_ONLY.match(flat)):
        return MonthDeadline(kind="month", year=year, month=_MONTH_NUMBER[match[1]])
    return None


def _first_message(exc: ValidationError) -> str:
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"names {where} {error['input']}: {error['msg'][:1].lower()}{error['msg'][1:]}"
