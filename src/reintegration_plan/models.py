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
    Field,
    StringConstraints,
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
    central_state_body = "central_state_body"
    local_executive_body = "local_executive_body"
    prosecution = "prosecution"
    ngo = "ngo"
    advisory_body = "advisory_body"
    system = "system"


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
    name_en: Text = Field(description="English name (unofficial).")
    executor: bool = Field(
        description="True when the code names a body that can execute measures (an agency); "
        "false for terms such as УИС."
    )


class AbbreviationsFile(Strict):
    schema_version: SchemaVersion
    abbreviations: list[Abbreviation]


# --- plan file: the act -----------------------------------------------------


class ActRef(Strict):
    kind: Literal["resolution_of_government", "decree_of_president"]
    number: int = Field(gt=0)
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


class Act(Strict):
    kind: Literal["resolution_of_government"]
    number: int = Field(gt=0)
    date: JsonDate
    title: Text = Field(description="Title of the resolution.")
    basis: ActRef = Field(description="The act this resolution implements.")
    preamble: Text
    entry_into_force: Literal["on_signing"]
    signatory: Signatory
    approval_note: Text
    plan_title: Text
    footnote: Text
    amendments: list[ActRef]
    period: PlanPeriod
    title_en: EnglishText = None
    # On the act, not in `basis`: the basis mapping mirrors the preamble's citation key for key.
    basis_title_en: EnglishText = None
    preamble_en: EnglishText = None
    approval_note_en: EnglishText = None
    plan_title_en: EnglishText = None
    footnote_en: EnglishText = None


class SubPoint(Strict):
    number: int = Field(gt=0, description="The sub-point as the act numbers it: 1 for '1)'.")
    text: Text
    text_en: EnglishText = None


class Point(Strict):
    number: int = Field(gt=0)
    text: Text
    text_en: EnglishText = None
    subpoints: list[SubPoint] = []


Body = Literal[
    "central_executive_bodies",
    "local_executive_bodies",
    "bodies_accountable_to_president",
    "government",
    "presidential_administration",
]
"""Groups of bodies the resolution names that are not agency codes."""
BODIES: frozenset[str] = frozenset(get_args(Body))


class HalfYearlySchedule(Strict):
    kind: Literal["half_yearly"]
    due_day_of_next_month: int = Field(ge=1, le=28)


class AnnualSchedule(Strict):
    kind: Literal["annual"]


class OnceSchedule(Strict):
    kind: Literal["once"]
    due: JsonDate


Schedule = Annotated[
    HalfYearlySchedule | AnnualSchedule | OnceSchedule, Field(discriminator="kind")
]


class ReportingDuty(Strict):
    """A duty to report that a point of the resolution creates (point 2.2: the half-yearly
    information to МВД), as the plan file describes it; ``obligations`` expands it into dated
    obligations."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*$")]
    point: Annotated[str, StringConstraints(pattern=r"^[1-9][0-9]*(\.[1-9][0-9]*)?$")] = Field(
        description="The resolution point that creates it, e.g. '2.2'."
    )
    title_ru: Text = Field(description="Short Russian label, quoted from the point.")
    title_en: Text
    obligors: list[str] = Field(min_length=1, description="Agency codes or body groups.")
    by_agreement: list[str] = []
    recipients: list[str] = []
    schedule: Schedule


# --- plan file: measures ----------------------------------------------------


class Role(str, Enum):
    lead = "lead"
    co = "co"


class Executor(Strict):
    agency: Text = Field(description="Agency code as the act writes it.")
    role: Annotated[Role, StrictMode(False)]
    by_agreement: bool = False


class QuarterDeadline(Strict):
    kind: Literal["quarter"]
    year: int
    quarter: int = Field(ge=1, le=4)


class PeriodDeadline(Strict):
    kind: Literal["period"]
    first_year: int
    last_year: int


Deadline = Annotated[QuarterDeadline | PeriodDeadline, Field(discriminator="kind")]

DISCRIMINATOR = "kind"
"""The key that tells which model of a union (a deadline, a schedule) a mapping is."""


def _tags(*unions: Any) -> frozenset[str]:
    """The values of the discriminator that name the members of ``unions``."""
    members = [member for union in unions for member in get_args(get_args(union)[0])]
    return frozenset(
        tag for member in members for tag in get_args(member.model_fields[DISCRIMINATOR].annotation)
    )


UNION_TAGS = _tags(Schedule, Deadline)
"""quarter, period, half_yearly, annual, once: pydantic puts the tag in an error's location,
after the union's field (``deadline.quarter.year``)."""


class Costs(Strict):
    required: bool
    amount_thousand_tenge: float | None = Field(default=None, ge=0)


class MeasureEnglish(Strict):
    """Unofficial English translations of a measure's five text columns."""

    text: Text
    form_text: Text
    executors_text: Text
    deadline_text: Text
    costs_text: Text


class Measure(Strict):
    number: int = Field(gt=0)
    text: Text = Field(description="Column 2, 'Мероприятие', verbatim.")
    form_text: Text = Field(description="Column 3, 'Форма завершения', verbatim.")
    forms: list[Text] = Field(min_length=1)
    executors_text: Text = Field(description="Column 4, 'Ответственные исполнители', verbatim.")
    executors: list[Executor] = Field(min_length=1)
    deadline_text: Text = Field(description="Column 5, 'Сроки исполнения', verbatim.")
    deadline: Deadline
    costs_text: Text = Field(description="Column 6, 'Предполагаемые расходы', verbatim.")
    costs: Costs
    en: MeasureEnglish | None = Field(
        default=None, description="Unofficial English translations of the five text columns."
    )

    @property
    def lead(self) -> str:
        leads = [e.agency for e in self.executors if e.role is Role.lead]
        return leads[0] if leads else self.executors[0].agency


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


def _iso_date(value: object) -> object:
    """Only ``YYYY-MM-DD`` is a date in a progress file (not a number, not a timestamp)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_value", "not a day of the calendar") from None
    raise PydanticCustomError("date_format", "expected a date written YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class ProgressRecord(Strict):
    measure: int | None = Field(
        default=None, gt=0, description="The measure's number (give this or `obligation`)."
    )
    obligation: Annotated[str, StringConstraints(pattern=r"^[a-z][a-zA-Z0-9-]*$")] | None = Field(
        default=None,
        description="A reporting obligation's id, e.g. half-yearly-report-2017H1 (give this "
        "or `measure`).",
    )
    status: Annotated[ProgressStatus, StrictMode(False)]
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
