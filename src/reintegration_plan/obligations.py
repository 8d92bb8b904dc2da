"""Every obligation the act creates, as plain data: the plan's measures and the reporting duties.

* ``measure-N``: a measure, due when its deadline falls due (README, "Deadline rules"); a
  measure whose deadline recurs, or whose cell names several deadlines, is one obligation per
  time it falls due, ``measure-N-<key>``: ``measure-5-2023Q1``, ``measure-5-2023-04``,
  ``measure-5-2023`` (yearly), ``measure-5-2018-04`` (one of several); a further deadline column
  (№ 991's 'Прави тельство') adds ``measure-N-c<column>`` (and its keys);
* a reporting duty owed once (``consolidated-report``) or every year on no date
  (``annual-evaluation``) is one obligation with the duty's id; a periodic one is one per
  period of the plan period, ``<duty>-<period>``: ``half-yearly-report-2017H1``,
  ``monthly-report-2012-01``, ``quarterly-report-2023Q1``, ``annual-report-2023``, and one per
  fixed date, ``<duty>-2024-06-15``.

Who owes a reporting duty is decided in one place, :func:`owes_report`: the obligors' agency
codes, plus every executing agency whose kind belongs to a group of bodies the point names
(:data:`BODY_OF_KIND`), except the report's own recipient.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Literal

from .deadlines import duty_occurrences, occurrences
from .errors import UnknownName
from .i18n import DUTY_LABELS_ACT, Lang, has_label, label, period_phrase, pick, worded
from .models import (
    Abbreviation,
    AgencyKind,
    Column,
    Deadlines,
    Measure,
    PlanPeriod,
    ReportingDuty,
    Role,
)
from .plan import Plan

Kind = Literal["measure", "report"]


BODY_OF_KIND: dict[AgencyKind, frozenset[str]] = {
    AgencyKind.central_state_body: frozenset(
        {"central_executive_bodies", "central_state_bodies", "state_bodies"}
    ),
    AgencyKind.local_executive_body: frozenset({"local_executive_bodies", "state_bodies"}),
    AgencyKind.prosecution: frozenset(
        {"bodies_accountable_to_president", "central_state_bodies", "state_bodies"}
    ),
    AgencyKind.accountable_to_president: frozenset(
        {"bodies_accountable_to_president", "central_state_bodies", "state_bodies"}
    ),
    AgencyKind.organization: frozenset({"other_organizations", "quasi_public_sector"}),
    AgencyKind.ngo: frozenset({"other_organizations"}),
}
"""The groups of bodies (as the resolution's points name them) each kind of agency belongs to."""


@dataclass(frozen=True)
class Obligation:
    """One dated (or undated) duty: a measure of the plan or a reporting obligation."""

    kind: Kind
    id: str
    title_ru: str
    title_en: str | None
    deadline: dt.date | None
    start: dt.date | None  # when a span begins (measures due "2017 – 2019 годы")
    lead: str | None  # agency code as the act writes it; None when several bodies owe it
    executors: tuple[str, ...]  # agency codes, the lead first
    number: int | str | None = None  # measures only: 5, or "1.7"
    deadline_text: str | None = None  # measures only, verbatim
    executors_text: str | None = None  # measures only, verbatim
    deadline_text_en: str | None = None  # measures only: the unofficial English translations
    executors_text_en: str | None = None
    by_agreement: tuple[str, ...] = ()  # executors that act "(по согласованию)"
    period: str | None = None  # reports: the period reported on, 2017H1 ...; None if once
    point: str | None = None  # reports: the resolution's point, e.g. "2.2"
    duty: str | None = None  # reports: the reporting duty's id in the plan file
    occurrence: str | None = None  # measures falling due several times: 2023Q1, 2018-04 ...
    column: int | None = None  # measures: the further deadline column it comes from
    column_heading: str | None = None  # that column's heading, verbatim ('Прави тельство')
    titled: bool = False  # reports: the labels name its duty (912's duties, DUTY_LABELS_ACT)
    plan: str | None = None  # the plan's id when several plans are loaded (its id is scoped)

    @property
    def local_id(self) -> str:
        """The id within its plan: ``measure-5`` of ``pp-912-2016/measure-5``."""
        return self.id.rpartition("/")[2]

    def role_of(self, code: str) -> Literal["lead", "co"] | None:
        if code == self.lead:
            return "lead"
        return "co" if code in self.executors else None


def scoped(obligation: Obligation, plan: str) -> Obligation:
    """The obligation with its id scoped to its plan, as :func:`all_obligations` makes it with
    ``scope`` (a copy of its fields, which ``dataclasses.replace`` would check one by one: a
    query over many plans scopes thousands)."""
    copy = object.__new__(Obligation)
    copy.__dict__.update(obligation.__dict__, id=f"{plan}/{obligation.id}", plan=plan)
    return copy


def unscoped(obligation: Obligation) -> Obligation:
    """The obligation as its plan alone has it: :func:`scoped` undone."""
    if obligation.plan is None:
        return obligation
    copy = object.__new__(Obligation)
    local = obligation.id.removeprefix(f"{obligation.plan}/")
    copy.__dict__.update(obligation.__dict__, id=local, plan=None)
    return copy


def measure_id(number: int | str) -> str:
    return f"measure-{number}"


def number_key(number: int | str | None) -> tuple[int, ...]:
    """Measure numbers in the act's order: 2 before 10, 1.9 before 1.10 before 2.1."""
    if number is None:
        return ()
    if type(number) is int:  # (most are: a query over many plans sorts thousands)
        return (number,)
    return tuple(int(part) for part in str(number).split("."))


def _english(measure: Measure) -> str | None:
    english = getattr(measure, "en", None)  # translations are optional in the data
    text = getattr(english, "text", None)
    return text if isinstance(text, str) else None


def from_measure(
    measure: Measure,
    period: PlanPeriod,
    since: dt.date | None = None,
    table: Sequence[Column] = (),
    scope: str | None = None,
) -> list[Obligation]:
    """The measure's obligations: one (``measure-N``) when its deadline falls due once, else
    one per time it falls due (``measure-N-<key>``); then those of further deadline columns.
    A recurring deadline owes nothing that falls due before ``since`` (the act's date). With
    ``scope`` (a plan's id), each id is scoped to it: ``pp-912-2016/measure-5``."""
    leads = [e.agency for e in measure.executors if e.role is Role.lead]
    others = [e.agency for e in measure.executors if e.role is not Role.lead]
    base = measure_id(measure.number) if scope is None else f"{scope}/{measure_id(measure.number)}"
    columns: list[tuple[int | None, str, Deadlines]] = [
        (None, measure.deadline_text, measure.deadline)
    ]
    columns += [(c.column, c.text, c.deadline) for c in measure.other_deadlines]
    found = []
    for column, text, deadline in columns:
        each = deadline if isinstance(deadline, list) else [deadline]
        happens = [
            o
            for d in each
            for o in occurrences(d, period.first_year, period.last_year)
            if not (d.kind == "recurring" and since and o.due and o.due < since)
        ]
        single = not isinstance(deadline, list) and deadline.kind != "recurring"
        prefix = base if column is None else f"{base}-c{column}"
        for occurrence in happens:
            found.append(
                Obligation(
                    kind="measure",
                    id=prefix if single else f"{prefix}-{occurrence.key}",
                    title_ru=measure.text,
                    title_en=_english(measure),
                    deadline=occurrence.due,
                    start=occurrence.start,
                    lead=measure.lead,
                    executors=tuple(leads + others),
                    number=measure.number,
                    deadline_text=text,
                    executors_text=measure.executors_text,
                    deadline_text_en=measure.en.deadline_text
                    if measure.en and column is None
                    else None,
                    executors_text_en=measure.en.executors_text if measure.en else None,
                    by_agreement=tuple(e.agency for e in measure.executors if e.by_agreement),
                    occurrence=None if single else occurrence.key,
                    column=column,
                    column_heading=_heading_of(table, column),
                    plan=scope,
                )
            )
    return found


def _heading_of(columns: Sequence[Column], number: int | None) -> str | None:
    column = next((c for c in columns if c.number == number), None) if number else None
    if column is None:
        return None
    return f"{column.group}: {column.heading}" if column.group else column.heading


def _groups(entry: Abbreviation) -> frozenset[str]:
    return BODY_OF_KIND.get(entry.kind, frozenset())


def owes_report(
    entry: Abbreviation, report: ReportingDuty, executing: Collection[str] | None = None
) -> bool:
    """Whether the agency owes the reporting obligation the point creates.

    An agency owes it when the point names its code, or names a group of bodies its kind
    belongs to (central or local executive bodies, bodies accountable to the President, other
    organizations, …) and it is an executing agency (of the plan's measures, when
    ``executing`` names them: a body of the glossary with no measure has nothing to report on);
    nobody reports to itself.
    """
    if not entry.executor or entry.code in report.recipients:
        return False
    if entry.code in report.obligors:
        return True
    grouped = bool(_groups(entry) & set(report.obligors))
    return grouped and (executing is None or entry.code in executing)


def _report_agencies(
    report: ReportingDuty, glossary: Sequence[Abbreviation], executing: Collection[str] | None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    owing = [entry for entry in glossary if owes_report(entry, report, executing)]
    agreed = [
        entry.code
        for entry in owing
        if entry.code in report.by_agreement or _groups(entry) & set(report.by_agreement)
    ]
    return tuple(entry.code for entry in owing), tuple(agreed)


def from_report(
    report: ReportingDuty,
    glossary: Sequence[Abbreviation],
    first_year: int,
    last_year: int,
    since: dt.date | None = None,
    executing: Collection[str] | None = None,
    titled: bool = False,
    scope: str | None = None,
) -> list[Obligation]:
    """The obligation, or one per period (or fixed date) of the plan period for a periodic
    report; none about a period that ended (or on a date) before ``since``, the act's date.
    ``titled``: the labels name the duty (it is 912's). With ``scope`` (a plan's id), each id
    is scoped to it."""
    executors, agreed = _report_agencies(report, glossary, executing)
    happens = duty_occurrences(report.schedule, first_year, last_year)
    if since is not None:
        happens = [o for o in happens if not ((o.ends or o.due or since) < since and o.key)]
    base = report.id if scope is None else f"{scope}/{report.id}"
    return [
        Obligation(
            kind="report",
            id=base if occurrence.key is None else f"{base}-{occurrence.key}",
            title_ru=report.title_ru,
            title_en=report.title_en,
            deadline=occurrence.due,
            start=None,
            lead=executors[0] if len(executors) == 1 else None,
            executors=executors,
            by_agreement=agreed,
            period=occurrence.key,
            point=report.point,
            duty=report.id,
            titled=titled,
            plan=scope,
        )
        for occurrence in happens
    ]


def all_obligations(plan: Plan, scope: str | None = None) -> list[Obligation]:
    """The measures in the act's order, then the reporting obligations in the resolution's;
    with ``scope`` (the plan's id, when several plans are loaded) their ids scoped to it."""
    act = plan.file.act
    period, since = act.period, act.date
    glossary = plan.glossary.entries
    columns = plan.file.table.columns if plan.file.table else []
    items = [
        o
        for measure in plan.file.measures
        for o in from_measure(measure, period, since, columns, scope)
    ]
    executing = executing_agencies(plan)
    titled = (act.number, act.date) == DUTY_LABELS_ACT
    for report in plan.file.reporting_duties:
        years = (period.first_year, period.last_year)
        items += from_report(report, glossary, *years, since, executing, titled, scope)
    return items


def executing_agencies(plan: Plan) -> frozenset[str]:
    """The agencies that execute at least one of the plan's measures."""
    return frozenset(e.agency for m in plan.file.measures for e in m.executors)


def measure_numbers_and_reports(plan: Plan) -> tuple[set[int | str], list[str], set[str]]:
    """The measures' numbers, the reports' ids (in the order of :func:`all_obligations`), and
    the ids of the measures that fall due several times (``measure-5-2023Q1``: a measure
    falling due once is named by its number)."""
    items = all_obligations(plan)
    numbers = {o.number for o in items if o.number is not None}
    several = {o.id for o in items if o.kind == "measure" and o.id != measure_id(o.number or 0)}
    return numbers, [o.id for o in items if o.kind == "report"], several


def agencies(plan: Plan) -> list[Abbreviation]:
    """The glossary's executing agencies (not terms such as УИС), in the glossary's order."""
    return [entry for entry in plan.glossary.entries if entry.executor]


def resolve_agency(plan: Plan, name: str) -> Abbreviation:
    """An executing agency by what a person types: its code in any letter case or alphabet, its
    Latin alias, its full name or a unique start of it (``plan.Glossary``)."""
    found = plan.glossary.matches(name)
    if len(found) > 1 and any(e.executor for e in found):  # only the bodies that can execute
        found = tuple(e for e in found if e.executor)
    valid = ", ".join(f"{e.code} ({e.alias})" for e in agencies(plan))
    if len(found) > 1:
        several = ", ".join(e.code for e in found)
        raise UnknownName.of(worded("error.agency_ambiguous", name=repr(name), several=several))
    if not found or not found[0].executor:
        if found:
            raise UnknownName.of(worded("error.not_executing", name=repr(name), valid=valid))
        raise UnknownName.of(worded("error.not_an_agency", name=repr(name), valid=valid))
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
    if not duty_labelled(obligation, part):
        return None  # another act's duty, or one of an edited plan file the labels do not know
    year, _, half = (obligation.period or "").partition("H")
    return label(f"duty.{obligation.duty}.{part}", lang, year=year, half=half)


def short_name(obligation: Obligation, lang: Lang) -> str:
    """What a number column shows: the measure's number (``5``), or a reporting duty's name
    (``Отчет за 2 полугодие 2017 г.``, ``Report for H2 2017``)."""
    if obligation.number is not None:
        return str(obligation.number)
    return _duty_label(obligation, "name", lang) or obligation.local_id


def heading(obligation: Obligation, lang: Lang) -> str:
    """What a title column or heading shows: the measure's text (verbatim, or the unofficial
    translation), or a reporting duty's proper title (``Информация о ходе реализации Плана в
    МВД за 2 полугодие 2017 года``; the clause of the resolution stays in ``title_ru``)."""
    if obligation.kind == "measure":
        return pick(lang, obligation.title_ru, obligation.title_en) + when(obligation, lang)
    named = _duty_label(obligation, "title", lang)
    if named is not None:
        return named
    title = pick(lang, obligation.title_ru, obligation.title_en)
    title = title[:1].upper() + title[1:]
    if obligation.period:
        return f"{title} ({period_phrase(obligation.period, 'short', lang)})"
    return title


def translated(obligation: Obligation) -> bool:
    """Whether English output shows the obligation in translation: a measure the plan gives
    its English (``en``), a reporting duty its ``title_en`` or one the labels title (912's);
    else its Russian text is shown."""
    return obligation.title_en is not None or duty_labelled(obligation, "title")


def duty_labelled(obligation: Obligation, part: str) -> bool:
    """The labels have the ``part`` (``name``, ``title``, ``shares``) of the obligation's
    reporting duty: it is one of 912's duties (:data:`~.i18n.DUTY_LABELS_ACT`)."""
    return obligation.titled and has_label(f"duty.{obligation.duty}.{part}")


def when(obligation: Obligation, lang: Lang) -> str:
    """Which of a measure's obligations this is, after its text: `` (1 пол. 2026)``, `` (Q1
    2023)``, `` (Прави тельство: февраль)``; nothing for a measure that falls due once."""
    parts = []
    if obligation.column_heading is not None:
        parts.append(f"{obligation.column_heading}: {obligation.deadline_text}")
    if obligation.occurrence is not None:
        parts.append(period_phrase(obligation.occurrence, "short", lang))
    return f" ({'; '.join(parts)})" if parts else ""
