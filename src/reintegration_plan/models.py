"""Schema of the plan file and the abbreviations file (pydantic v2 models).

One job: describe the shape of the data. No YAML, CLI or terminal code here; the
consistency checks that need more than one field live in ``checks``.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    JsonValue,
    ModelWrapValidatorHandler,
    StringConstraints,
    Tag,
    TypeAdapter,
    ValidationError,
    model_validator,
)
from pydantic import Strict as StrictMode
from pydantic_core import PydanticCustomError

Text = Annotated[str, StringConstraints(min_length=1)]
"""A non-empty text kept verbatim from the act."""

EnglishText = Annotated[
    Text | None,
    Field(description="Unofficial English translation of the Russian field beside it."),
]
"""An optional English translation; ``plan validate`` warns when it is missing."""


class Strict(BaseModel):
    """Strict with JSON's types (as the committed JSON Schema says), validated from the parsed
    YAML in Python mode: lax validation would turn ``by_agreement: yes`` (a string in YAML 1.2)
    into True and '2' into 2. Only enums (from their string values) and dates (from ISO text,
    see :data:`JsonDate`) are read from strings, as JSON-mode validation reads them."""

    # defer_build: a command that takes its plan from a snapshot never validates, so the
    # validators are built when first used, not when the models are imported
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


def _date_text(value: object) -> object:
    """A date only from text, parsed as strict JSON-mode validation parses it (``2016-12-29``,
    with the same messages for anything else)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_type", "Input should be a valid date")
    try:
        return _date_adapter().validate_strings(value, strict=True)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        raise PydanticCustomError(error["type"], error["msg"]) from None


@cache
def _date_adapter() -> TypeAdapter[dt.date]:
    return TypeAdapter(dt.date)


JsonDate = Annotated[dt.date, BeforeValidator(_date_text)]
"""A date written as text and parsed by pydantic as strict JSON-mode validation parses it."""


def _integer_one(value: object) -> object:
    """Only the integer 1: ``Literal[1]`` alone takes ``1.0`` and ``true`` (both equal 1)."""
    if type(value) is not int:
        raise PydanticCustomError("schema_version_type", "input should be the integer 1")
    return value


SchemaVersion = Annotated[Literal[1], BeforeValidator(_integer_one)]
"""The version of a data file's layout: exactly the integer 1 (not 1.0, not true)."""


# --- abbreviations file ----------------------------------------------------


class AgencyKind(str, Enum):
    central_state_body = "central_state_body"  # a ministry, an agency of the Government
    local_executive_body = "local_executive_body"  # akimats
    prosecution = "prosecution"
    accountable_to_president = "accountable_to_president"  # КНБ, АФМ, НБ: "(по согласованию)"
    organization = "organization"  # joint-stock companies, institutes, universities
    group = "group"  # "заинтересованные государственные органы": a group named by a phrase
    ngo = "ngo"
    advisory_body = "advisory_body"
    system = "system"  # УИС, the penitentiary system
    term = "term"  # a term of the glossary, not a body: БВУ, ФАТФ, ПОД/ФТ


class Abbreviation(Strict):
    code: Text = Field(description="The code exactly as the act writes it, e.g. МТСЗН.")
    expansion: Text = Field(description="The expansion verbatim from the act's glossary.")
    in_glossary: bool = Field(
        description="True when the act's glossary defines it; false for names the act uses "
        "without defining them."
    )
    alias: Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]*$")] = Field(
        description="Latin alias for typing, e.g. MTSZN."
    )
    kind: Annotated[AgencyKind, StrictMode(False)]
    name_en: EnglishText = Field(
        default=None,
        description="English name (unofficial); `plan validate` warns when it is missing (a "
        "file `plan import` drafts has none).",
    )
    executor: bool = Field(
        description="True when the code names a body that can execute measures (an agency); "
        "false for terms such as УИС."
    )
    same_as: list[Text] = Field(
        default=[],
        description="Codes (or Latin aliases) the same body has in other plans' glossaries: "
        "its codes before it was renamed, the bodies merged into it. Plans loaded together "
        "match their agencies by code, by alias and by these links.",
    )


class AbbreviationsFile(Strict):
    schema_version: SchemaVersion
    abbreviations: list[Abbreviation]


# --- plan file: shared pieces ------------------------------------------------

Year = Annotated[int, Field(ge=1991, le=2100)]
"""A calendar year of an act or a deadline (Kazakhstan's acts start in 1991)."""
MonthNumber = Annotated[int, Field(ge=1, le=12)]
DayOfMonth = Annotated[int, Field(ge=1, le=31)]

FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]

Review = Annotated[
    dict[FieldName, Text],
    Field(
        min_length=1,
        description="Fields left for a person to check: field name -> what was not understood "
        "(written by `plan import`; `plan validate` warns on each, code review-note, and does "
        "not compare a field under review with its text).",
    ),
]


class MonthDay(Strict):
    """A day of the year without the year: 15 June. 29 February falls on 28 February in a
    common year."""

    month: MonthNumber
    day: DayOfMonth

    @model_validator(mode="after")
    def _a_day_of_the_month(self) -> MonthDay:
        if self.day > _LONGEST_MONTH[self.month - 1]:
            raise PydanticCustomError(
                "month_day", "day {day} is not a day of month {month}", _day_of(self)
            )
        return self


_LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _day_of(value: MonthDay) -> dict[str, int]:
    return {"day": value.day, "month": value.month}


# --- plan file: the act -----------------------------------------------------


class ActKind(str, Enum):
    resolution_of_government = "resolution_of_government"
    decree_of_president = "decree_of_president"
    order_of_prime_minister = "order_of_prime_minister"
    order = "order"  # of a minister or the head of an agency
    joint_order = "joint_order"
    law = "law"
    other = "other"


# Unions validated by one branch chosen by the value's type, so that an invalid value gets that
# branch's errors only. The branches' tags, in angle brackets, are in the errors' locations;
# ``loader`` drops them (SHAPE_TAGS).


def _by_type(value: object) -> str:
    return "<text>" if isinstance(value, str) else "<number>"


def _dotted_or_number(value: object) -> str:
    return "<text>" if isinstance(value, str) and "." in value else "<number>"


def _one_or_several(value: object) -> str:
    return "<several>" if isinstance(value, list) else "<one>"


SHAPE_TAGS = frozenset({"<number>", "<text>", "<one>", "<several>"})


ActNumber = Annotated[
    Annotated[int, Field(gt=0), Tag("<number>")]
    | Annotated[str, StringConstraints(min_length=1), Tag("<text>")],
    Discriminator(_by_type),
]
"""The act's number: 912, or as written when it is not a plain number ("01-02/45")."""


class ActRef(Strict):
    kind: Annotated[ActKind, StrictMode(False)]
    number: ActNumber
    date: JsonDate
    title: Text | None = None


class Signatory(Strict):
    position: Text
    name: Text
    position_en: EnglishText = None
    name_en: EnglishText = None


class PlanPeriod(Strict):
    first_year: int = Field(ge=1991, le=2100)
    last_year: int = Field(ge=1991, le=2100)


class EntryIntoForce(str, Enum):
    """When the act enters into force (its last point says it verbatim)."""

    on_signing = "on_signing"  # "со дня его подписания"
    # "после дня его первого официального опубликования"
    after_first_publication = "after_first_publication"
    # "по истечении десяти календарных дней после дня его первого официального опубликования"
    days_after_first_publication = "days_after_first_publication"
    on_date = "on_date"  # "с 10 января 2012 года"


class Act(Strict):
    kind: Annotated[ActKind, StrictMode(False)]
    number: ActNumber | None = Field(
        default=None, description="None when the text does not give it (a draft's blank №)."
    )
    date: JsonDate | None = None
    title: Text | None = Field(default=None, description="Title of the act.")
    basis: ActRef | None = Field(default=None, description="The act this act implements.")
    preamble: Text | None = None
    entry_into_force: Annotated[EntryIntoForce, StrictMode(False)] | None = None
    signatory: Signatory | None = None
    approval_note: Text | None = None
    plan_title: Text
    footnote: Text | None = None
    amendments: list[ActRef] = Field(
        default=[], description='From the footnotes "Сноска. … внесенными …", oldest first.'
    )
    period: PlanPeriod
    title_en: EnglishText = None
    # On the act, not in `basis`: the basis mapping mirrors the preamble's citation key for key.
    basis_title_en: EnglishText = None
    preamble_en: EnglishText = None
    approval_note_en: EnglishText = None
    plan_title_en: EnglishText = None
    footnote_en: EnglishText = None
    review: Review | None = None


class SubPoint(Strict):
    number: int = Field(gt=0, description="The sub-point as the act numbers it: 1 for '1)'.")
    text: Text
    text_en: EnglishText = None


class Point(Strict):
    number: int = Field(gt=0)
    text: Text
    text_en: EnglishText = None
    subpoints: list[SubPoint] = []
    review: Review | None = None


Body = Literal[
    "central_executive_bodies",
    "local_executive_bodies",
    "bodies_accountable_to_president",
    "central_state_bodies",
    "state_bodies",
    "other_organizations",
    "quasi_public_sector",
    "government",
    "government_office",
    "prime_minister_office",
    "presidential_administration",
]
"""Groups of bodies the resolution names that are not agency codes: "центральные исполнительные
органы", "местные исполнительные органы", "государственные органы, непосредственно подчиненные и
подотчетные Президенту", "центральные государственные органы", "государственные органы", "иные
организации", "субъекты квазигосударственного сектора", the Government, its Office (Аппарат
Правительства), the Prime Minister's Office (Канцелярия Премьер-Министра), the Presidential
Administration."""
BODIES: frozenset[str] = frozenset(get_args(Body))


# --- plan file: reporting duties --------------------------------------------


class PeriodicSchedule(Strict):
    """Every month, quarter, half-year or year of the plan period, about that period, due on a
    day of the month after it ("не позднее 10 числа месяца, следующего за отчетным полугодием":
    ``due_day_of_next_month: 10``) or, for a year, on a day of the following year ("по итогам
    года, не позднее 15 апреля": ``due_next_year: {month: 4, day: 15}``). A day past the end
    of a month falls on its last day."""

    kind: Literal["monthly", "quarterly", "half_yearly", "yearly"]
    due_day_of_next_month: DayOfMonth | None = None
    due_next_year: MonthDay | None = Field(
        default=None, description="Yearly only: the day of the following year it is due."
    )

    @model_validator(mode="after")
    def _one_due_day(self) -> PeriodicSchedule:
        if (self.due_day_of_next_month is None) == (self.due_next_year is None):
            raise PydanticCustomError(
                "schedule_due",
                "a schedule gives exactly one of due_day_of_next_month or due_next_year",
            )
        if self.due_next_year is not None and self.kind != "yearly":
            raise PydanticCustomError("schedule_due", "due_next_year is for a yearly schedule only")
        return self


class FixedDatesSchedule(Strict):
    """On fixed days of every year of the plan period ("до 15 декабря и 15 июня")."""

    kind: Literal["fixed_dates"]
    dates: list[MonthDay] = Field(min_length=1)


class AnnualSchedule(Strict):
    """Every year, on no date the act gives: undated, never overdue."""

    kind: Literal["annual"]


class OnceSchedule(Strict):
    kind: Literal["once"]
    due: JsonDate


Schedule = Annotated[
    PeriodicSchedule | FixedDatesSchedule | AnnualSchedule | OnceSchedule,
    Field(discriminator="kind"),
]

DutyId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]


class ReportingDuty(Strict):
    """A duty to report that a point of the resolution creates (912's point 2.2: the half-yearly
    information to МВД), as the plan file describes it; ``obligations`` expands it into dated
    obligations."""

    id: DutyId
    point: Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*(\.[1-9][0-9]*)?$")] = Field(
        description="The resolution point that creates it, e.g. '2.2'."
    )
    title_ru: Text = Field(description="Short Russian label, quoted from the point.")
    title_en: EnglishText = None
    obligors: list[Text] = Field(
        min_length=1,
        description="Who owes it: agency codes, groups of bodies, or a body named as the "
        "point names it (verbatim from the point).",
    )
    by_agreement: list[Text] = []
    recipients: list[Text] = []
    schedule: Schedule
    follows: DutyId | None = Field(
        default=None,
        description="A second-level duty: the id of the duty whose recipient reports onward, "
        "each occurrence due after the one it follows.",
    )
    review: Review | None = None


# --- plan file: the table ----------------------------------------------------


class ColumnRole(str, Enum):
    number = "number"  # "№ п/п"
    text = "text"  # "Мероприятие", "Наименование мероприятия"
    form = "form"  # "Форма завершения"
    executors = "executors"  # "Ответственные исполнители"
    deadline = "deadline"  # "Сроки исполнения"; several for several recipients
    costs = "costs"  # 912's "Предполагаемые расходы"
    financing = "financing"  # "Объем финансирования (тыс. тенге)"
    sources = "sources"  # "Источники финансирования"
    other = "other"  # anything else, kept verbatim in measures' other_cells


class LeadRule(str, Enum):
    convener_mark = "convener_mark"  # 912: "(созыв)" marks the lead; a sole agency leads
    first_named = "first_named"  # the agency named first leads (unless one is marked "(созыв)")


class Column(Strict):
    number: int | None = Field(
        default=None, gt=0, description="The column's number in the act's numbers row."
    )
    heading: Text = Field(description="The header cell verbatim.")
    group: Text | None = Field(
        default=None,
        description="The header cell spanning it, verbatim ('Срок представления' over 'Минюст').",
    )
    role: Annotated[ColumnRole, StrictMode(False)]


class Table(Strict):
    """The plan's table as the act lays it out: its columns in the act's order."""

    columns: list[Column] = Field(min_length=1)
    lead: Annotated[LeadRule, StrictMode(False)] = Field(
        default=LeadRule.convener_mark,
        description="How the executors column names the lead agency.",
    )


_PAIRS = (
    ("form_text", "forms"),
    ("forms", "form_text"),
    ("costs_text", "costs"),
    ("costs", "costs_text"),
    ("financing_text", "financing"),
    ("sources_text", "financing"),
)
"""A measure's cells and their structured fields: each needs the other."""
_PAIRS_SCHEMA: dict[str, JsonValue] = {given: [needed] for given, needed in _PAIRS}
_TRANSLATED = ("form_text", "costs_text", "financing_text", "sources_text")
"""The optional cells ``en`` must translate when the measure has them."""


def _unpaired(data: dict[str, Any]) -> list[dict[str, Any]]:
    """ "missing" errors: a cell without its structured field or the other way round, a
    financing without either of its cells, an ``en`` without a cell the measure has."""
    missing = [
        {"type": "missing", "loc": (needed,), "input": data}
        for given, needed in _PAIRS
        if given in data and needed not in data
    ]
    if "financing" in data and not {"financing_text", "sources_text"} & data.keys():
        missing.append({"type": "missing", "loc": ("financing_text",), "input": data})
    english = data.get("en")
    if isinstance(english, dict):
        missing += [
            {"type": "missing", "loc": ("en", name), "input": english}
            for name in _TRANSLATED
            if name in data and name not in english
        ]
    return missing


MeasureNumber = Annotated[
    Annotated[int, Field(gt=0), Tag("<number>")]
    | Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*(\.[1-9][0-9]*)+$"), Tag("<text>")],
    Discriminator(_dotted_or_number),
]
"""1, 2, 3 … (912), or dotted within sections: '1.1', '2.19'."""


SectionId = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.-]*$")]


class Section(Strict):
    """A heading row inside the table ("Направление 1. …"), verbatim; the measures under it
    name it in ``section``, and it starts before the first of them."""

    id: SectionId
    number_text: Text | None = Field(
        default=None, description="The number when the act puts it in a cell of its own."
    )
    heading: Text
    parent: SectionId | None = None
    notes: list[Text] = Field(
        default=[],
        description="Rows under the heading that are neither measures nor headings "
        "('Механизм: …', financing prose), verbatim.",
    )
    heading_en: EnglishText = None
    review: Review | None = None


class IndicatorRow(Strict):
    """A row of target indicators in the table, its cells verbatim."""

    cells: list[Text] = Field(min_length=1)
    section: SectionId | None = None
    before_measure: MeasureNumber | None = Field(
        default=None, description="The number of the measure it stands before."
    )


# --- plan file: measures ----------------------------------------------------


class Role(str, Enum):
    lead = "lead"
    co = "co"


class Executor(Strict):
    agency: Text = Field(description="Agency code (or group) as the act writes it.")
    role: Annotated[Role, StrictMode(False)]
    by_agreement: bool = False


class QuarterDeadline(Strict):
    """'2 квартал 2017 года': due on the quarter's last day."""

    kind: Literal["quarter"]
    year: Year
    quarter: int = Field(ge=1, le=4)


class QuartersDeadline(Strict):
    """'I – II кварталы 2021 года', 'II квартал 2022 года – IV квартал 2023 года': runs from
    the first quarter's first day, due on the last quarter's last day."""

    kind: Literal["quarters"]
    first_year: Year
    first_quarter: int = Field(ge=1, le=4)
    last_year: Year
    last_quarter: int = Field(ge=1, le=4)


class HalfYearDeadline(Strict):
    """'1 полугодие 2018 года': due on 30 June (or 31 December for the second)."""

    kind: Literal["half_year"]
    year: Year
    half: int = Field(ge=1, le=2)


class MonthDeadline(Strict):
    """'декабрь 2022 года': due on the month's last day, or on ``due_day`` when a point of the
    act says so (№ 991: "не позднее 1 числа месяца, определенного Планом")."""

    kind: Literal["month"]
    year: Year
    month: MonthNumber
    due_day: DayOfMonth | None = None


class MonthsDeadline(Strict):
    """'Январь-Февраль 2012 года': runs from the first month's first day, due on the last
    month's last day."""

    kind: Literal["months"]
    first_year: Year
    first_month: MonthNumber
    last_year: Year
    last_month: MonthNumber


class DateDeadline(Strict):
    """'До 31 января 2012 года', 'не позднее 25 февраля 2020 года': due on that day."""

    kind: Literal["date"]
    date: JsonDate


class DateRangeDeadline(Strict):
    """'с 1 по 30 октября 2021 года': runs from the first day, due on the last."""

    kind: Literal["date_range"]
    first: JsonDate
    last: JsonDate


class FromDateDeadline(Strict):
    """'С 10 января 2012 года': runs from that day to the end of the plan period, due then."""

    kind: Literal["from_date"]
    date: JsonDate


class YearDeadline(Strict):
    """'2022 год': runs through the year, due on 31 December."""

    kind: Literal["year"]
    year: Year


class PeriodDeadline(Strict):
    """'2017 – 2019 годы', 'в течение 2022-2026 годов': runs from 1 January of the first year,
    due on 31 December of the last."""

    kind: Literal["period"]
    first_year: Year
    last_year: Year


class Every(str, Enum):
    month = "month"
    quarter = "quarter"
    half_year = "half_year"
    year = "year"


class RecurringDeadline(Strict):
    """'ежеквартально', 'ежегодно, декабрь', '1 июня, 2023–2026 годы', 'Начиная с февраля
    2012 года, ежеквартально': one obligation per month, quarter, half-year or year of the
    years it runs (the plan period unless the text names years), each due on the last day of
    its period, or for a yearly one on ``day`` of ``month`` (the month's last day without a
    day)."""

    kind: Literal["recurring"]
    every: Annotated[Every, StrictMode(False)]
    month: MonthNumber | None = Field(default=None, description="Yearly: in this month.")
    day: DayOfMonth | None = Field(default=None, description="Yearly: on this day of `month`.")
    first_year: Year | None = None
    last_year: Year | None = None
    from_month: MonthNumber | None = Field(
        default=None,
        description="Starting with this month of first_year ('Начиная с февраля 2012 года'): "
        "the first occurrence is the period holding it.",
    )

    @model_validator(mode="after")
    def _consistent(self) -> RecurringDeadline:
        if (self.month is not None or self.day is not None) and self.every is not Every.year:
            raise PydanticCustomError(
                "recurring_day", "month and day are for a yearly deadline only"
            )
        if self.day is not None and self.month is None:
            raise PydanticCustomError("recurring_day", "a day needs its month")
        if self.month is not None and self.day is not None:
            MonthDay(month=self.month, day=self.day)  # a day of that month
        if self.from_month is not None and self.first_year is None:
            raise PydanticCustomError("recurring_day", "from_month needs first_year")
        return self


class Undated(str, Enum):
    permanent = "permanent"  # "постоянно"
    as_needed = "as_needed"  # "по мере необходимости"
    event = "event"  # "по итогам вступления в силу поправок …": after an event with no date


class UndatedDeadline(Strict):
    """No date: never overdue."""

    kind: Literal["undated"]
    reason: Annotated[Undated, StrictMode(False)]


Deadline = Annotated[
    QuarterDeadline
    | QuartersDeadline
    | HalfYearDeadline
    | MonthDeadline
    | MonthsDeadline
    | DateDeadline
    | DateRangeDeadline
    | FromDateDeadline
    | YearDeadline
    | PeriodDeadline
    | RecurringDeadline
    | UndatedDeadline,
    Field(discriminator="kind"),
]
DISCRIMINATOR = "kind"
"""The key that tells which model of a union (a deadline, a schedule) a mapping is."""


def _tags(*unions: Any) -> frozenset[str]:
    """The values of the discriminator that name the members of ``unions``."""
    members = [member for union in unions for member in get_args(get_args(union)[0])]
    return frozenset(
        tag for member in members for tag in get_args(member.model_fields[DISCRIMINATOR].annotation)
    )


UNION_TAGS = _tags(Schedule, Deadline)
"""quarter, period, half_yearly, annual, once, …: pydantic puts the tag in an error's location,
after the union's field (``deadline.quarter.year``)."""

Deadlines = Annotated[
    Annotated[Deadline, Tag("<one>")]
    | Annotated[list[Deadline], Field(min_length=2), Tag("<several>")],
    Discriminator(_one_or_several),
]
"""One deadline, or several when one cell names several ('апрель 2018 года, октябрь 2019 года')."""


class Costs(Strict):
    required: bool
    amount_thousand_tenge: float | None = Field(default=None, ge=0)


class AmountUnit(str, Enum):
    tenge = "tenge"
    thousand_tenge = "thousand_tenge"
    million_tenge = "million_tenge"
    billion_tenge = "billion_tenge"


class FinancingAmount(Strict):
    amount: float | None = Field(default=None, ge=0)
    unit: Annotated[AmountUnit, StrictMode(False)]
    year: Year | None = None
    source: Text | None = Field(
        default=None, description="The source as the sources text names it, verbatim."
    )
    programme: Annotated[str, StringConstraints(pattern=r"^[0-9]{3}( [0-9]{3})?$")] | None = Field(
        default=None, description="Budget programme code (and sub-programme), e.g. '001 015'."
    )


class Financing(Strict):
    """What the financing columns say: nothing required, or amounts with unit, year, source and
    budget programme."""

    required: bool
    amounts: list[FinancingAmount] = []


class ColumnDeadline(Strict):
    """A deadline in a further deadline column (№ 991: 'Прави тельство', 'Парламент')."""

    column: int = Field(gt=0, description="The column's number (table.columns[].number).")
    text: Text = Field(description="The cell verbatim.")
    deadline: Deadlines


class ColumnCell(Strict):
    """A cell of a column the schema has no field for, verbatim."""

    column: int = Field(gt=0, description="The column's number (table.columns[].number).")
    text: Text


class MeasureEnglish(Strict):
    """Unofficial English translations of a measure's text columns."""

    text: Text
    form_text: Text | None = None
    executors_text: Text
    deadline_text: Text
    costs_text: Text | None = None
    financing_text: Text | None = None
    sources_text: Text | None = None


class Measure(Strict):
    number: MeasureNumber
    number_text: Text | None = Field(
        default=None,
        description="The number cell verbatim when it is not the number itself ('1.', or '7' "
        "for measure 1.7 in a table numbering each section from 1).",
    )
    section: SectionId | None = Field(default=None, description="The section it falls under.")
    text: Text = Field(description="'Мероприятие', verbatim.")
    form_text: Text | None = Field(default=None, description="'Форма завершения', verbatim.")
    forms: list[Text] | None = Field(default=None, min_length=1)
    executors_text: Text = Field(description="'Ответственные исполнители', verbatim.")
    executors: list[Executor] = Field(min_length=1)
    deadline_text: Text = Field(description="'Сроки исполнения', verbatim.")
    deadline: Deadlines
    other_deadlines: list[ColumnDeadline] = []
    costs_text: Text | None = Field(default=None, description="'Предполагаемые расходы', verbatim.")
    costs: Costs | None = None
    financing_text: Text | None = Field(
        default=None, description="'Объем финансирования', verbatim."
    )
    sources_text: Text | None = Field(
        default=None, description="'Источники финансирования', verbatim."
    )
    financing: Financing | None = None
    other_cells: list[ColumnCell] = []
    en: MeasureEnglish | None = Field(
        default=None, description="Unofficial English translations of the text columns."
    )
    review: Review | None = None

    model_config = ConfigDict(json_schema_extra={"dependentRequired": _PAIRS_SCHEMA})

    @model_validator(mode="wrap")
    @classmethod
    def _paired(cls, data: Any, handler: ModelWrapValidatorHandler[Measure]) -> Measure:
        """A cell and its structured field come together ("missing required key" for the
        other), and ``en`` translates every cell the measure has."""
        missing = _unpaired(data) if isinstance(data, dict) else []
        try:
            measure = handler(data)
        except ValidationError as exc:
            if not missing:
                raise
            errors = [*exc.errors(include_url=False), *missing]
            raise ValidationError.from_exception_data(exc.title, errors) from None  # type: ignore[arg-type]
        if missing:
            raise ValidationError.from_exception_data(cls.__name__, missing)  # type: ignore[arg-type]
        return measure

    @property
    def lead(self) -> str:
        leads = [e.agency for e in self.executors if e.role is Role.lead]
        return leads[0] if leads else self.executors[0].agency

    @property
    def deadlines(self) -> list[Deadline]:
        """The deadline column's deadlines, one or several."""
        return list(self.deadline) if isinstance(self.deadline, list) else [self.deadline]


class TranslationNote(Strict):
    official: Literal[False] = Field(
        description="Always false: the translations are not the act's official text."
    )
    note: Text = Field(description="What the translation is, for readers of the data.")


class Translations(Strict):
    en: TranslationNote


class PlanHead(Strict):
    """A plan file with its measures not yet read: every key is validated but the items of
    ``measures``, which need only be a list of at least one. The loader validates each measure
    on its own, so that a mistake in one does not hide the checks of the others."""

    schema_version: SchemaVersion
    abbreviations: Text = Field(
        description="Path of the abbreviations file, relative to this file."
    )
    source: Text | None = Field(
        default=None, description="Path of the act's official text, relative to this file."
    )
    translations: Translations | None = Field(
        default=None,
        description="The languages the *_en fields are in, each marked as an unofficial "
        "translation.",
    )
    act: Act
    points: list[Point] = Field(min_length=1)
    reporting_duties: list[ReportingDuty]
    table: Table | None = Field(
        default=None, description="The table's columns (912's six columns when absent)."
    )
    sections: list[Section] = []
    indicators: list[IndicatorRow] = []
    measures: list[Any] = Field(min_length=1)


class PlanFile(PlanHead):
    # The plan file whole (no docstring: the JSON Schema would carry it as a description)
    measures: list[Measure] = Field(min_length=1)


# --- progress file ------------------------------------------------------------
# Records of progress against the plan, kept by the people who use `plan` (`plan record`
# appends them). Semantic checks against the plan (a measure that exists, a known agency)
# live in ``progress``.


class ProgressStatus(str, Enum):
    not_started = "not_started"
    in_progress = "in_progress"
    done = "done"
    cancelled = "cancelled"


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")
_DOTTED_DATE = re.compile(r"\s*([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\s*\Z")


def _status_name(value: object) -> object:
    """A status is written by its name in a progress file; one written as people type it to
    ``plan record`` (``выполнено``, ``in progress``) is refused saying the name to write."""
    if not isinstance(value, str) or value in ProgressStatus._value2member_map_:
        return value
    from .i18n import LABELS  # (only on this error's way)
    from .spelling import fold

    def key(text: str) -> str:
        return " ".join(fold(text).replace("_", " ").replace("-", " ").split())

    for status in ProgressStatus:
        if key(value) in {key(name) for name in (status.value, *LABELS[f"status.{status.value}"])}:
            raise PydanticCustomError(
                "status_name",
                "a status is written by its name in a progress file: write {name}",
                {"name": status.value},
            )
    return value


def _iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` is a date in a progress file (not a number, not a timestamp)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_value", "not a day of the calendar") from None
    dotted = _DOTTED_DATE.match(value) if isinstance(value, str) else None
    if dotted:  # 20.06.2017, as officials write it and plan record --on reads it
        day, month, year = (int(part) for part in dotted.groups())
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            raise PydanticCustomError("date_value", "not a day of the calendar") from None
        raise PydanticCustomError(
            "date_format", "expected a date written YYYY-MM-DD: write {iso}", {"iso": iso}
        )
    raise PydanticCustomError("date_format", "expected a date written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


ObligationId = Annotated[str, StringConstraints(pattern=r"^[a-zA-Z][a-zA-Z0-9.-]*$")]
PlanId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
"""A plan's short id (``plan.plan_id``): ``pp-912-2016``."""


class ProgressRecord(Strict):
    plan: PlanId | None = Field(
        default=None,
        description="The id of the plan the record is about (pp-912-2016), when the progress "
        "file serves several plans; may be left out when one plan only is meant.",
    )
    measure: MeasureNumber | None = Field(
        default=None, description="The measure's number (give this or `obligation`)."
    )
    obligation: ObligationId | None = Field(
        default=None,
        description="An obligation's id as the tool prints it, in any letter case, e.g. "
        "half-yearly-report-2017H1, measure-5-2023Q1 or measure-5 (give this or `measure`).",
    )
    status: Annotated[ProgressStatus, StrictMode(False), BeforeValidator(_status_name)]
    on: IsoDate = Field(description="The day the status was reached, YYYY-MM-DD.")
    evidence: Text | None = Field(
        default=None, description="A URL or a document that shows it (expected for done)."
    )
    note: Text | None = None
    by: Text | None = Field(
        default=None, description="The agency that reports it: its code or Latin alias."
    )

    @model_validator(mode="after")
    def _one_target(self) -> ProgressRecord:
        if (self.measure is None) == (self.obligation is None):
            raise PydanticCustomError(
                "record_target", "a record names exactly one of `measure` or `obligation`"
            )
        return self

    @property
    def target(self) -> str:
        """The id of the obligation it is about: ``measure-5`` or the obligation's id."""
        return f"measure-{self.measure}" if self.measure is not None else str(self.obligation)


class ProgressFile(Strict):
    schema_version: SchemaVersion
    records: list[ProgressRecord] | None = Field(
        description="The records, oldest first as appended; empty (or null) when none."
    )
