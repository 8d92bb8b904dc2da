"""Every obligation the act creates, as plain data: the 30 measures and the reporting duties.

* ``measure-N``: the plan's measures, each due on the last day of its quarter or period;
* ``half-yearly-report-YYYYH1|H2``: the information to МВД on the plan's progress (point 2.2),
  one per half-year of the plan period, due on the given day of the month after the half-year;
* ``consolidated-report``: МВД's consolidated report (point 3.2), due on its fixed date;
* ``annual-evaluation``: МВД's monitoring and annual evaluation (point 3.1), undated in the act.

Who owes a reporting duty is decided in one place, :func:`owes_report`: the obligors' agency
codes, plus every executing agency whose kind belongs to a group of bodies the point names
(:data:`BODY_OF_KIND`), except the report's own recipient.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from .deadlines import half_year_report_due, period_end, period_start, quarter_end
from .errors import UnknownName
from .i18n import Lang, has_label, label, pick
from .models import Abbreviation, AgencyKind, Measure, ReportingDuty, Role
from .plan import Plan

Kind = Literal["measure", "report"]


BODY_OF_KIND: dict[AgencyKind, str] = {
    AgencyKind.central_state_body: "central_executive_bodies",
    AgencyKind.local_executive_body: "local_executive_bodies",
    AgencyKind.prosecution: "bodies_accountable_to_president",
}
"""The group of bodies (as the resolution's points name them) each kind of agency belongs to."""


@dataclass(frozen=True)
class Obligation:
    """One dated (or undated) duty: a measure of the plan or a reporting obligation."""

    kind: Kind
    id: str
    title_ru: str
    title_en: str | None
    deadline: dt.date | None
    start: dt.date | None  # when a period begins (measures due "2017 – 2019 годы")
    lead: str | None  # agency code as the act writes it; None when several bodies owe it
    executors: tuple[str, ...]  # agency codes, the lead first
    number: int | None = None  # measures only
    deadline_text: str | None = None  # measures only, verbatim
    executors_text: str | None = None  # measures only, verbatim
    deadline_text_en: str | None = None  # measures only: the unofficial English translations
    executors_text_en: str | None = None
    by_agreement: tuple[str, ...] = ()  # executors that act "(по согласованию)"
    period: str | None = None  # half-yearly reports: 2017H1 ...
    point: str | None = None  # reports: the resolution's point, e.g. "2.2"
    duty: str | None = None  # reports: the reporting duty's id in the plan file

    def role_of(self, code: str) -> Literal["lead", "co"] | None:
        if code == self.lead:
            return "lead"
        return "co" if code in self.executors else None


def measure_id(number: int) -> str:
    return f"measure-{number}"


def _english(measure: Measure) -> str | None:
    english = getattr(measure, "en", None)  # translations are optional in the data
    text = getattr(english, "text", None)
    return text if isinstance(text, str) else None


def from_measure(measure: Measure) -> Obligation:
    deadline = measure.deadline
    if deadline.kind == "quarter":
        due, start = quarter_end(deadline.year, deadline.quarter), None
    else:
        due, start = period_end(deadline.last_year), period_start(deadline.first_year)
    leads = [e.agency for e in measure.executors if e.role is Role.lead]
    others = [e.agency for e in measure.executors if e.role is not Role.lead]
    return Obligation(
        kind="measure",
        id=measure_id(measure.number),
        title_ru=measure.text,
        title_en=_english(measure),
        deadline=due,
        start=start,
        lead=measure.lead,
        executors=tuple(leads + others),
        number=measure.number,
        deadline_text=measure.deadline_text,
        executors_text=measure.executors_text,
        deadline_text_en=measure.en.deadline_text if measure.en else None,
        executors_text_en=measure.en.executors_text if measure.en else None,
        by_agreement=tuple(e.agency for e in measure.executors if e.by_agreement),
    )


def owes_report(entry: Abbreviation, report: ReportingDuty) -> bool:
    """Whether the agency owes the reporting obligation the point creates.

    An agency owes it when the point names its code, or names the group of bodies its kind
    belongs to (central or local executive bodies, bodies accountable to the President) and
    it is an executing agency; nobody reports to itself.
    """
    if not entry.executor or entry.code in report.recipients:
        return False
    return entry.code in report.obligors or BODY_OF_KIND.get(entry.kind) in report.obligors


def _report_agencies(
    report: ReportingDuty, glossary: Sequence[Abbreviation]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    owing = [entry for entry in glossary if owes_report(entry, report)]
    agreed = [
        entry.code
        for entry in owing
        if entry.code in report.by_agreement or BODY_OF_KIND.get(entry.kind) in report.by_agreement
    ]
    return tuple(entry.code for entry in owing), tuple(agreed)


def from_report(
    report: ReportingDuty, glossary: Sequence[Abbreviation], first_year: int, last_year: int
) -> list[Obligation]:
    """The obligation, or one per half-year of the plan period for a half-yearly report."""
    executors, agreed = _report_agencies(report, glossary)

    def make(id_: str, deadline: dt.date | None, period: str | None = None) -> Obligation:
        return Obligation(
            kind="report",
            id=id_,
            title_ru=report.title_ru,
            title_en=report.title_en,
            deadline=deadline,
            start=None,
            lead=executors[0] if len(executors) == 1 else None,
            executors=executors,
            by_agreement=agreed,
            period=period,
            point=report.point,
            duty=report.id,
        )

    schedule = report.schedule
    if schedule.kind == "half_yearly":
        day = schedule.due_day_of_next_month
        return [
            make(
                f"{report.id}-{year}H{half}",
                half_year_report_due(year, half, day),
                f"{year}H{half}",
            )
            for year in range(first_year, last_year + 1)
            for half in (1, 2)
        ]
    return [make(report.id, schedule.due if schedule.kind == "once" else None)]


def all_obligations(plan: Plan) -> list[Obligation]:
    """The measures in the act's order, then the reporting obligations in the resolution's."""
    period = plan.file.act.period
    glossary = plan.glossary.entries
    items = [from_measure(measure) for measure in plan.file.measures]
    for report in plan.file.reporting_duties:
        items += from_report(report, glossary, period.first_year, period.last_year)
    return items


def measure_numbers_and_reports(plan: Plan) -> tuple[set[int], list[str]]:
    """The measures' numbers and the reports' ids, in the order of :func:`all_obligations`."""
    items = all_obligations(plan)
    numbers = {o.number for o in items if o.number is not None}
    return numbers, [o.id for o in items if o.kind == "report"]


def agencies(plan: Plan) -> list[Abbreviation]:
    """The glossary's executing agencies (not terms such as УИС), in the glossary's order."""
    return [entry for entry in plan.glossary.entries if entry.executor]


def resolve_agency(plan: Plan, name: str) -> Abbreviation:
    """An executing agency by what a person types: its code in any letter case or alphabet, its
    Latin alias, its full name or a unique start of it (``plan.Glossary``)."""
    found = plan.glossary.matches(name)
    valid = ", ".join(f"{e.code} ({e.alias})" for e in agencies(plan))
    if len(found) > 1:
        several = ", ".join(e.code for e in found)
        raise UnknownName(
            f"{name!r} could be any of {several}: type more of the name, or a code or alias"
        )
    if not found or not found[0].executor:
        what = "is not an executing agency" if found else "is not an agency of the plan"
        raise UnknownName(f"{name!r} {what}: expected a code, an alias or a name, one of {valid}")
    return found[0]


def resolve_agencies(plan: Plan, names: Sequence[str]) -> tuple[Abbreviation, ...]:
    """Each agency named once, in the order first named (``--agency`` given several times)."""
    found: dict[str, Abbreviation] = {}
    for name in names:
        entry = resolve_agency(plan, name)
        found.setdefault(entry.code, entry)
    return tuple(found.values())


# --- how an obligation is named, in a language (one place for every renderer) ------------


def _duty_label(obligation: Obligation, part: str, lang: Lang) -> str | None:
    """A reporting duty's name or title from the labels, for its half-year if it has one."""
    if obligation.duty is None or not has_label(f"duty.{obligation.duty}.{part}"):
        return None  # a duty of an edited plan file that the labels do not know
    year, _, half = (obligation.period or "").partition("H")
    return label(f"duty.{obligation.duty}.{part}", lang, year=year, half=half)


def short_name(obligation: Obligation, lang: Lang) -> str:
    """What a number column shows: the measure's number (``5``), or a reporting duty's name
    (``Отчёт за 2 полугодие 2017 г.``, ``Report for H2 2017``)."""
    if obligation.number is not None:
        return str(obligation.number)
    return _duty_label(obligation, "name", lang) or obligation.id


def heading(obligation: Obligation, lang: Lang) -> str:
    """What a title column or heading shows: the measure's text (verbatim, or the unofficial
    translation), or a reporting duty's proper title (``Информация в МВД о ходе реализации
    Плана за 2 полугодие 2017 г.``; the clause of the resolution stays in ``title_ru``)."""
    if obligation.kind == "measure":
        return pick(lang, obligation.title_ru, obligation.title_en)
    named = _duty_label(obligation, "title", lang)
    if named is not None:
        return named
    title = pick(lang, obligation.title_ru, obligation.title_en)
    title = title[:1].upper() + title[1:]
    return f"{title} ({obligation.period})" if obligation.period else title
