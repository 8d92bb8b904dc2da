"""The act's text conventions (``conventions``): every deadline phrase of the real plans under
tests/acts/ (its README quotes them all, verbatim) read into its structured deadline, or
deliberately left unread; the financing cells; the executors' lead; abbreviations with Kazakh
letters."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from pydantic import TypeAdapter

from conftest import TESTS
from reintegration_plan.conventions import (
    ABBREVIATION_TOKEN,
    UnreadDeadline,
    normalize_text,
    read_amount_unit,
    read_deadline_text,
    read_executors_text,
    read_financing_text,
    sources_not_required,
)
from reintegration_plan.models import AmountUnit, Deadline, Deadlines

ACTS_README = TESTS / "acts" / "README.md"
_ADAPTER: TypeAdapter[Deadline] = TypeAdapter(Deadline)


def _deadline(**fields: Any) -> Deadline:
    """A deadline model from its fields, validated as the plan file's are (dates from text)."""
    return _ADAPTER.validate_python(fields)


def quarter(year: int, q: int) -> Deadline:
    return _deadline(kind="quarter", year=year, quarter=q)


def quarters(y1: int, q1: int, y2: int, q2: int) -> Deadline:
    return _deadline(
        kind="quarters", first_year=y1, first_quarter=q1, last_year=y2, last_quarter=q2
    )


def half(year: int, h: int) -> Deadline:
    return _deadline(kind="half_year", year=year, half=h)


def month(year: int, m: int) -> Deadline:
    return _deadline(kind="month", year=year, month=m)


def months(y1: int, m1: int, y2: int, m2: int) -> Deadline:
    return _deadline(kind="months", first_year=y1, first_month=m1, last_year=y2, last_month=m2)


def on(day: str) -> Deadline:
    return _deadline(kind="date", date=day)


def days(first: str, last: str) -> Deadline:
    return _deadline(kind="date_range", first=first, last=last)


def since(day: str) -> Deadline:
    return _deadline(kind="from_date", date=day)


def year(y: int) -> Deadline:
    return _deadline(kind="year", year=y)


def period(y1: int, y2: int) -> Deadline:
    return _deadline(kind="period", first_year=y1, last_year=y2)


def every(unit: str, **fields: Any) -> Deadline:
    return _deadline(kind="recurring", every=unit, **fields)


def undated(reason: str) -> Deadline:
    return _deadline(kind="undated", reason=reason)


# Every distinct phrase of the four plans, after collapsing whitespace, with what it says.
# Month names alone (№ 991) are read with the plan's year, 2022, from its title.
PHRASES: dict[str, Deadline] = {
    # № 934 (AML)
    "март 2026 года": month(2026, 3),
    "по мере необходимости, но не реже 1 раза в полугодие": every("half_year"),
    "1 раз в полугодие": every("half_year"),
    "ежеквартально": every("quarter"),
    "февраль 2026 года": month(2026, 2),
    "июнь 2026 года": month(2026, 6),
    "декабрь 2026 года": month(2026, 12),
    "октябрь 2026 года": month(2026, 10),
    "по итогам вступления в силу поправок в Налоговый кодекс Республики Казахстан": undated(
        "event"
    ),
    "декабрь 2027 года": month(2027, 12),
    # № 482 (INV)
    "июль 2023 года": month(2023, 7),
    "октябрь 2022 года": month(2022, 10),
    "в течение 2022-2026 годов": period(2022, 2026),
    "декабрь 2022 года": month(2022, 12),
    "сентябрь 2022 года": month(2022, 9),
    "ежегодно": every("year"),
    "ежегодно, декабрь": every("year", month=12),
    "в течение 2022–2026 годов": period(2022, 2026),
    "декабрь, 2022–2023 годы": every("year", month=12, first_year=2022, last_year=2023),
    "1 июня, 2023–2026 годы": every("year", month=6, day=1, first_year=2023, last_year=2026),
    "декабрь, 2022 год": month(2022, 12),
    "апрель, 2023 год": month(2023, 4),
    "декабрь, 2024 год": month(2024, 12),
    "июнь, 2023 год": month(2023, 6),
    "март, 2023 год": month(2023, 3),
    "август, 2022 год": month(2022, 8),
    "декабрь, 2022-2023 года": every("year", month=12, first_year=2022, last_year=2023),
    "декабрь, 2023 год": month(2023, 12),
    "декабрь 2022 год": month(2022, 12),
    "декабрь 2022–2026 годы": every("year", month=12, first_year=2022, last_year=2026),
    "декабрь, 2022-2023 годы": every("year", month=12, first_year=2022, last_year=2023),
    "декабрь 2023 год": month(2023, 12),
    # № 15 (ZH)
    "До 10 января 2012 года": on("2012-01-10"),
    "До 15 января 2012 года": on("2012-01-15"),
    "До 31 января 2012 года": on("2012-01-31"),
    "С 10 января 2012 года": since("2012-01-10"),
    "Ежеквартально": every("quarter"),
    "до 30 января 2012 года": on("2012-01-30"),
    "Начиная с февраля 2012 года, ежеквартально": every("quarter", first_year=2012, from_month=2),
    "1 квартал 2012 года": quarter(2012, 1),
    "Январь-Февраль 2012 года": months(2012, 1, 2012, 2),
    "По мере поступления заявок, ежемесячно": every("month"),
    "Ежемесячно": every("month"),
    "Февраль 2012 года": month(2012, 2),
    "С марта 2012 года, ежеквартально": every("quarter", first_year=2012, from_month=3),
    "Февраль 2012 года, ежеквартально": every("quarter", first_year=2012, from_month=2),
    "Январь–Февраль 2012 года": months(2012, 1, 2012, 2),
    "3 квартал 2012 года": quarter(2012, 3),
    # № 991 (LW): bare months, the year from the title ("на 2022 год")
    "январь": month(2022, 1),
    "февраль": month(2022, 2),
    "март": month(2022, 3),
    "апрель": month(2022, 4),
    "июнь": month(2022, 6),
    "август": month(2022, 8),
    "июль": month(2022, 7),
    "сентябрь": month(2022, 9),
    "ноябрь": month(2022, 11),
    "октябрь": month(2022, 10),
    "декабрь": month(2022, 12),
}

# Named in issue 12 and in 912, not seen in the four plans.
MORE_PHRASES: dict[str, Deadlines] = {
    "1 квартал 2017 года": quarter(2017, 1),
    "2 квартал 2017 год": quarter(2017, 2),  # 912's quirk
    "2017 – 2019 годы": period(2017, 2019),
    "I – II кварталы 2021 года": quarters(2021, 1, 2021, 2),
    "II квартал 2022 года – IV квартал 2023 года": quarters(2022, 2, 2023, 4),
    "IV квартал 2021 года": quarter(2021, 4),
    "1 полугодие 2018 года": half(2018, 1),
    "II полугодие 2021 года": half(2021, 2),
    "декабрь 2018 года": month(2018, 12),
    "в декабре 2018 года": month(2018, 12),
    "апрель 2018 года, октябрь 2019 года": [month(2018, 4), month(2019, 10)],
    "1 квартал 2017 года; 3 квартал 2018 года": [quarter(2017, 1), quarter(2018, 3)],
    "до 1 июля 2018 года": on("2018-07-01"),
    "не позднее 25 февраля 2020 года": on("2020-02-25"),
    "с 1 по 30 октября 2021 года": days("2021-10-01", "2021-10-30"),
    "с 1 октября по 30 ноября 2021 года": days("2021-10-01", "2021-11-30"),
    "с 1 декабря 2021 года по 31 января 2022 года": days("2021-12-01", "2022-01-31"),
    "ноябрь 2021 года – февраль 2022 года": months(2021, 11, 2022, 2),
    "2022 год": year(2022),
    "в 2022 году": year(2022),
    "ежегодно, до 1 июля": every("year", month=7, day=1),
    "раз в полугодие 2018 – 2019 годов": every("half_year", first_year=2018, last_year=2019),
    "раз в квартал": every("quarter"),
    "постоянно": undated("permanent"),
    "по мере необходимости": undated("as_needed"),
    "после принятия закона": undated("event"),
}

NOT_READ = {
    # in a known form, but naming what cannot be
    "5 квартал 2017 года": "names quarter 5; a year has quarters 1 to 4",
    "31 апреля 2018 года": "names 31 апреля 2018, not a day of the calendar",
    "3 полугодие 2018 года": "names half-year 3; a year has half-years 1 to 2",
    "ежеквартально, июнь": "names a month for a deadline that is not yearly",
    "1 квартал 1850 года": "names year 1850: input should be greater than or equal to 1991",
    # deliberately left for a person (a review note)
    "осенью 2021 года": "is in none of the forms of deadline this tool reads",
    "по итогам года": "is in none of the forms of deadline this tool reads",
    "апрель 2018 года, как договорились": "is in none of the forms of deadline this tool reads",
}
IMPOSSIBLE = {"5 квартал 2017 года", "31 апреля 2018 года", "3 полугодие 2018 года"}
IMPOSSIBLE |= {"ежеквартально, июнь", "1 квартал 1850 года"}


def readme_deadline_phrases() -> list[str]:
    """Every deadline cell quoted in tests/acts/README.md's deadline lists, verbatim (JSON
    strings in code blocks: ``\\n`` is a line break in the cell)."""
    text = ACTS_README.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"([^\n]*\n[^\n]*)\n\n```text\n(.*?)```", text, re.DOTALL):
        before, block = match[1], match[2]
        if not re.search(r"Deadlines|column:|deadline phrases|year ranges", before):
            continue
        for line in block.splitlines():
            quoted = re.match(r'"(.*)"  (?:×\d+|\([A-Z, ]+\))$', line)
            assert quoted, line
            found.append(quoted[1].replace("\\n", "\n"))
    return found


def test_the_readme_lists_every_phrase_and_each_is_here() -> None:
    verbatim = readme_deadline_phrases()
    collapsed = {" ".join(p.split()) for p in verbatim}
    assert len(collapsed) == 59  # "59 phrases after collapsing whitespace"
    assert any("\n" in phrase for phrase in verbatim)  # the cells hard-wrapped over lines
    assert collapsed == set(PHRASES)


@pytest.mark.parametrize("phrase", readme_deadline_phrases())
def test_every_phrase_of_the_real_plans_is_read(phrase: str) -> None:
    """Verbatim, line breaks and all; bare months with the plan's year (2022 for № 991)."""
    assert read_deadline_text(phrase, 2022) == PHRASES[" ".join(phrase.split())]


@pytest.mark.parametrize("phrase", sorted(MORE_PHRASES))
def test_the_other_forms_are_read(phrase: str) -> None:
    assert read_deadline_text(phrase) == MORE_PHRASES[phrase]


@pytest.mark.parametrize("phrase", sorted(NOT_READ))
def test_what_is_not_read_says_why(phrase: str) -> None:
    assert read_deadline_text(phrase) == UnreadDeadline(
        NOT_READ[phrase], impossible=phrase in IMPOSSIBLE
    )


def test_a_bare_month_needs_the_plan_s_year() -> None:
    assert read_deadline_text("январь") == UnreadDeadline(
        "names a month without its year, in a plan of several years"
    )
    assert read_deadline_text("Январь", 2022) == month(2022, 1)


def test_letter_case_dashes_and_spaces_do_not_matter() -> None:
    assert read_deadline_text("  ДЕКАБРЬ,\n2022 — 2023  ГОДЫ ") == every(
        "year", month=12, first_year=2022, last_year=2023
    )
    assert read_deadline_text("2017-2019 годы") == period(2017, 2019)
    assert normalize_text("Январь-\nФевраль  2012 года.") == "январь – февраль 2012 года"


# --- financing --------------------------------------------------------------------------


def test_financing_cells() -> None:
    thousand = AmountUnit.thousand_tenge
    assert read_financing_text("не требуются") == (False, [])
    assert read_financing_text("Не требуется") == (False, [])
    (required, [amount]) = read_financing_text("1 500,0", thousand) or (None, [None])
    assert required is True and amount is not None
    assert (amount.amount, amount.unit, amount.year) == (1500.0, thousand, None)
    # the unit the cell names wins over the column's
    read = read_financing_text("1,5 млрд тенге", thousand)
    assert read is not None and read[1][0].unit is AmountUnit.billion_tenge
    per_year = read_financing_text("2022 год – 100,0; 2023 год – 200,0", thousand)
    assert per_year is not None
    assert [(a.year, a.amount) for a in per_year[1]] == [(2022, 100.0), (2023, 200.0)]
    # an amount without a unit anywhere, or words: not read (a person checks it)
    assert read_financing_text("1 500,0") is None
    assert read_financing_text("в пределах выделенных средств", thousand) is None
    assert sources_not_required("не требуются")
    assert not sources_not_required("республиканский бюджет")


@pytest.mark.parametrize(
    ("heading", "unit"),
    [
        ("Предполагаемые расходы (тысяч тенге)", AmountUnit.thousand_tenge),
        ("Объем финансирования (тыс. тенге)", AmountUnit.thousand_tenge),
        ("Сумма, млн. тенге", AmountUnit.million_tenge),
        ("Сумма (тенге)", AmountUnit.tenge),
        ("Источники финансирования", None),
    ],
)
def test_the_unit_a_column_names(heading: str, unit: AmountUnit | None) -> None:
    assert read_amount_unit(heading) is unit


# --- executors and abbreviations -----------------------------------------------------------


def test_executors_of_the_real_plans() -> None:
    codes = ["АФМ", "КНБ", "КПСиСУ ГП", "КВА ГП", "МВД", "НАО", "AML Academy", "НБ", "МФЦА"]
    codes.append("НАО «Государственная корпорация «Правительство для граждан»")
    assert read_executors_text(
        "КПСиСУ ГП (по согласованию), АФМ (по согласованию), МВД, КНБ (по согласованию), "
        "КВА ГП (по согласованию)",
        codes,
    ) == [
        ("КПСиСУ ГП", False, True),
        ("АФМ", False, True),
        ("МВД", False, False),
        ("КНБ", False, True),
        ("КВА ГП", False, True),
    ]
    # a trailing comma; a Latin code; a name holding a code (НАО) and quotes
    assert read_executors_text(
        "AML Academy (по согласованию), АФМ (по согласованию), МФЦА (по согласованию), НБ "
        "(по согласованию),",
        codes,
    ) == [
        ("AML Academy", False, True),
        ("АФМ", False, True),
        ("МФЦА", False, True),
        ("НБ", False, True),
    ]
    assert read_executors_text(
        "АФМ (по согласованию), НАО «Государственная корпорация «Правительство для граждан» "
        "(по согласованию)",
        codes,
    ) == [
        ("АФМ", False, True),
        ("НАО «Государственная корпорация «Правительство для граждан»", False, True),
    ]


def test_groups_with_commas_are_one_executor() -> None:
    group = "акиматы областей, гг. Нур-Султана, Шымкента и Алматы"
    codes = ["МИИР", "МИД", group, "заинтересованные государственные органы"]
    assert read_executors_text(f"МИИР, МИД, {group},", codes) == [
        ("МИИР", False, False),
        ("МИД", False, False),
        (group, False, False),
    ]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("МВД, МТСЗН", ["МВД", "МТСЗН"]),
        ("ҚДСЖ и ҰҚК", ["ҚДСЖ", "ҰҚК"]),  # codes with Kazakh letters
        ("ӘҒҚҢӨҰҮҺІ", []),  # nine capitals in a row: not a code (two to six)
        ("АО «ФНБ «Самрук-Қазына»", ["АО", "ФНБ"]),  # a word with Қ is not a code
        ("КПСиСУ ГП", ["ГП"]),  # a lower-case letter inside: not a code of its own
        ("Қазына МҚ", ["МҚ"]),
    ],
)
def test_abbreviations_with_kazakh_letters(text: str, tokens: list[str]) -> None:
    assert ABBREVIATION_TOKEN.findall(text) == tokens


def test_dates_are_dates() -> None:
    read = read_deadline_text("До 31 января 2012 года")
    assert not isinstance(read, UnreadDeadline | list)
    assert getattr(read, "date", None) == dt.date(2012, 1, 31)
