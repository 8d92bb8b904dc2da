"""The daily questions as plain data: what is due, which measures, what each agency owes.

Each function takes the plan, the progress records, the date (``as_of``: only the CLI reads the
clock) and its filters, and returns a report: frozen dataclasses, the same in every language.
Renderers (``tables``, ``query_json``) turn them into tables, JSON, CSV or Markdown.

Agencies are named by the act's code in any letter case or by the Latin alias (``МТСЗН``,
``mtszn``, ``MTSZN``). A report that several agencies owe (the half-yearly report) is owed by
each of them: a record whose ``by`` names one of them is that agency's share and counts only
in its view (``--agency``, ``plan agency``); a record naming nobody, or an agency that does not
owe it (such as МВД, which receives it), is about the report as a whole and counts everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import InvalidInput
from .inputs import read_role, read_target
from .models import Abbreviation, Column, Measure, ProgressRecord, ReportingDuty
from .obligations import (
    Obligation,
    agencies,
    all_obligations,
    measure_numbers_and_reports,
    number_key,
    resolve_agencies,
    resolve_agency,
)
from .plan import Plan
from .spelling import fold
from .status import (
    RecordIndex,
    Records,
    Standing,
    Status,
    horizon_of,
    indexed,
    records_about,
    status_of,
)

# --- items: an obligation and where it stands -----------------------------------------------


@dataclass(frozen=True)
class Item:
    obligation: Obligation
    standing: Standing
    role: str | None = None  # in an agency's view: lead, co or report

    @property
    def sort_key(self) -> tuple[Any, ...]:
        """Most urgent first, then the earliest deadline, measures before reports."""
        o = self.obligation
        deadline = o.deadline or dt.date.max
        number = number_key(o.number)
        return (*self.standing.urgency, deadline, o.kind != "measure", number, o.id)


def _record_agency(plan: Plan, record: ProgressRecord) -> str | None:
    entry = plan.glossary.find(record.by) if record.by else None
    return entry.code if entry else record.by


def scoped(
    plan: Plan, obligation: Obligation, records: Iterable[ProgressRecord], agency: str | None
) -> list[ProgressRecord]:
    """The records that count for the obligation in ``agency``'s view (None: the whole)."""
    if obligation.kind != "report" or len(obligation.executors) < 2:
        return list(records)
    owing = set(obligation.executors)
    return [
        r
        for r in records
        if (by := _record_agency(plan, r)) is None or by not in owing or by == agency
    ]


def _item(
    plan: Plan,
    obligation: Obligation,
    index: RecordIndex,
    as_of: dt.date,
    horizon: dt.date,
    agency: str | None = None,
    role: str | None = None,
) -> Item:
    counted = scoped(plan, obligation, index.about(obligation.id), agency)
    return Item(obligation, status_of(obligation, as_of, horizon, counted), role)


@dataclass(frozen=True)
class ItemList:
    """``plan due`` and ``plan measures``: the items, with the date and the horizon."""

    view: Literal["due", "measures"]
    as_of: dt.date
    horizon: dt.date
    items: list[Item]
    agencies: tuple[Abbreviation, ...] = ()  # the agencies asked about (none: every one)
    glossary: tuple[Abbreviation, ...] = ()  # to write an agency's code as its alias


# --- plan due ----------------------------------------------------------------------------


def owed_by(obligation: Obligation, agency: str) -> str | None:
    """The agency's part in the obligation: lead, co, report, or None."""
    if obligation.kind == "report":
        return "report" if agency in obligation.executors else None
    return obligation.role_of(agency)


ROLE_ORDER = ("lead", "co", "report")
"""The strongest part first: with several agencies, an item takes the strongest of theirs."""


def _owed_item(
    plan: Plan,
    obligation: Obligation,
    index: RecordIndex,
    as_of: dt.date,
    horizon: dt.date,
    entries: Sequence[Abbreviation],
) -> Item | None:
    """The item in the view of ``entries`` (none: the whole plan), or None when none of them
    owes it. With several agencies it is listed once: the strongest part any of them has in it,
    and for a report each owes on its own, the most urgent of their shares."""
    if not entries:
        return _item(plan, obligation, index, as_of, horizon)
    parts = {e.code: part for e in entries if (part := owed_by(obligation, e.code)) is not None}
    if not parts:
        return None
    role = min(parts.values(), key=ROLE_ORDER.index)
    shares = [_item(plan, obligation, index, as_of, horizon, code, role) for code in parts]
    return min(shares, key=lambda item: item.standing.urgency)


def due(
    plan: Plan,
    records: Records,
    as_of: dt.date,
    *,
    window_end: dt.date | None = None,
    agencies: Sequence[str] = (),
    include_all: bool = False,
) -> ItemList:
    """Overdue, due and ongoing obligations (everything with ``include_all``), most urgent
    first; with ``agencies``, only what they owe (measures they lead or co-execute, and the
    reports that apply to them)."""
    horizon = horizon_of(as_of, window_end)
    entries = resolve_agencies(plan, agencies)
    index = indexed(records)
    items = []
    for obligation in all_obligations(plan):
        item = _owed_item(plan, obligation, index, as_of, horizon, entries)
        if item is not None and (include_all or item.standing.open):
            items.append(item)
    ordered = sorted(items, key=lambda i: i.sort_key)
    return ItemList("due", as_of, horizon, ordered, entries, plan.glossary.entries)


# --- plan measures -----------------------------------------------------------------------


def measures(
    plan: Plan,
    records: Records,
    as_of: dt.date,
    *,
    agencies: Sequence[str] = (),
    role: str = "any",
    deadline: tuple[dt.date, dt.date] | None = None,
    form: str | None = None,
    search: str | None = None,
    statuses: Collection[Status] = (),
    window_end: dt.date | None = None,
) -> ItemList:
    """The measures in the act's order, filtered: ``agencies`` in ``role`` (lead, co or any),
    falling due within ``deadline`` (a quarter or a year), ``form`` and ``search`` (parts of
    the form and of the measure's text, any letter case, ё as е), ``statuses``. A measure that
    falls due several times is listed once, by the most urgent of its obligations that the
    filters keep (its other obligations are in ``plan due --all`` and ``plan show``)."""
    role = read_role(role)
    if role != "any" and not agencies:
        raise InvalidInput("--role needs --agency: whose role?")
    horizon = horizon_of(as_of, window_end)
    entries = resolve_agencies(plan, agencies)
    window = deadline
    wanted = set(statuses)
    by_number = {m.number: m for m in plan.file.measures}
    index = indexed(records)
    items = []
    for obligation in all_obligations(plan):
        if obligation.number is None:
            continue
        measure = by_number[obligation.number]
        roles = (obligation.role_of(e.code) for e in entries)
        parts = [p for p in roles if p is not None and role in ("any", p)]
        if entries and not parts:
            continue
        part = min(parts, key=ROLE_ORDER.index) if parts else None
        if window and not (obligation.deadline and window[0] <= obligation.deadline <= window[1]):
            continue
        if form is not None and fold(form) not in fold(measure.form_text or ""):
            continue
        if search is not None and fold(search) not in fold(measure.text):
            continue
        item = _item(plan, obligation, index, as_of, horizon, role=part)
        if wanted and item.standing.status not in wanted:
            continue
        items.append(item)
    return ItemList("measures", as_of, horizon, _by_measure(items), entries, plan.glossary.entries)


def _by_measure(items: Sequence[Item]) -> list[Item]:
    """One item per measure, in the act's order: its most urgent obligation."""
    first: dict[int | str | None, Item] = {}
    for item in items:
        number = item.obligation.number
        if number not in first or item.sort_key < first[number].sort_key:
            first[number] = item
    return list(first.values())


# --- plan show ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Detail:
    """``plan show``: one obligation whole, with its status and its progress history."""

    as_of: dt.date
    horizon: dt.date
    item: Item
    glossary: Sequence[Abbreviation]
    measure: Measure | None = None
    report: ReportingDuty | None = None
    point_text: str | None = None  # the resolution's (sub)point that creates a report
    history: list[ProgressRecord] = field(default_factory=list)  # on or before as_of
    later_records: int = 0  # records dated after as_of: not counted
    shares: dict[str, Standing] = field(default_factory=dict)  # a report many owe: each one's
    # a measure falling due several times: each of its obligations (the one shown among them)
    occurrences: tuple[Item, ...] = ()

    columns: Sequence[Column] = ()  # the plan's table, when the plan file describes it

    def agency(self, code: str) -> Abbreviation | None:
        return next((e for e in self.glossary if e.code == code), None)

    def column(self, number: int) -> Column | None:
        return next((c for c in self.columns if c.number == number), None)


def find_obligation(plan: Plan, target: str) -> Obligation:
    """A measure by its number (``5``, ``№5``, ``1.7``), or an obligation by its id (any letter
    case): a report's, or one of the times a measure falls due (``measure-5-2023Q1``); a
    measure that falls due several times, by its number: the first of them."""
    wanted = read_target(target, *measure_numbers_and_reports(plan))
    return next(o for o in all_obligations(plan) if wanted in (o.number, o.id))


def _point_text(plan: Plan, point: str) -> str | None:
    number, _, sub = point.partition(".")
    for p in plan.file.points:
        if p.number == int(number):
            if not sub:
                return p.text
            return next((s.text for s in p.subpoints if s.number == int(sub)), None)
    return None


def show(
    plan: Plan,
    records: Records,
    as_of: dt.date,
    target: str,
    window_end: dt.date | None = None,
) -> Detail:
    """One obligation whole. A measure that falls due several times, named by its number, is
    shown by its most urgent obligation, with the list of them all."""
    obligation = find_obligation(plan, target)
    horizon = horizon_of(as_of, window_end)
    index = indexed(records)
    item = _item(plan, obligation, index, as_of, horizon)
    occurrences: tuple[Item, ...] = ()
    if obligation.kind == "measure":
        siblings = [
            o
            for o in all_obligations(plan)
            if o.kind == "measure" and o.number == obligation.number
        ]
        if len(siblings) > 1:
            occurrences = tuple(_item(plan, o, index, as_of, horizon) for o in siblings)
            if fold(target.strip()) != fold(obligation.id):  # named by its number
                item = min(occurrences, key=lambda i: i.sort_key)
                obligation = item.obligation
    measure = next((m for m in plan.file.measures if m.number == obligation.number), None)
    report = None
    if obligation.kind == "report":
        report = next(
            r
            for r in plan.file.reporting_duties
            if obligation.id in (r.id, f"{r.id}-{obligation.period}")
        )
    mine = index.about(obligation.id)
    return Detail(
        as_of=as_of,
        horizon=horizon,
        item=item,
        glossary=plan.glossary.entries,
        measure=measure,
        report=report,
        point_text=_point_text(plan, report.point) if report else None,
        history=records_about(obligation, mine, as_of),
        later_records=sum(r.on > as_of for r in mine),
        shares={
            code: _item(plan, obligation, index, as_of, horizon, code).standing
            for code in obligation.executors
        }
        if obligation.kind == "report" and len(obligation.executors) > 1
        else {},
        columns=tuple(plan.file.table.columns) if plan.file.table else (),
        occurrences=occurrences,
    )


# --- plan agencies and plan agency ---------------------------------------------------------


@dataclass(frozen=True)
class AgencyRow:
    agency: Abbreviation
    lead: int  # measures it leads
    co: int  # measures it co-executes
    by_agreement: int  # measures in which it acts "(по согласованию)"
    reports: int  # reporting obligations it owes
    overdue: int  # of all these, overdue as of the date


@dataclass(frozen=True)
class AgencyTable:
    as_of: dt.date
    horizon: dt.date
    rows: list[AgencyRow]


@dataclass(frozen=True)
class AgencyDuties:
    """``plan agency CODE``: what one agency owes, by its part in it."""

    as_of: dt.date
    horizon: dt.date
    agency: Abbreviation
    lead: list[Item]
    co: list[Item]
    reports: list[Item]
    glossary: tuple[Abbreviation, ...] = ()  # to write an agency's code as its alias


def agency_duties(
    plan: Plan,
    records: Records,
    as_of: dt.date,
    name: str,
    window_end: dt.date | None = None,
) -> AgencyDuties:
    entry = resolve_agency(plan, name)
    horizon = horizon_of(as_of, window_end)
    index = indexed(records)
    parts: dict[str, list[Item]] = {"lead": [], "co": [], "report": []}
    for obligation in all_obligations(plan):
        role = owed_by(obligation, entry.code)
        if role is not None:
            item = _item(plan, obligation, index, as_of, horizon, entry.code, role)
            parts[role].append(item)
    ordered = {role: sorted(items, key=lambda i: i.sort_key) for role, items in parts.items()}
    return AgencyDuties(
        as_of,
        horizon,
        entry,
        ordered["lead"],
        ordered["co"],
        ordered["report"],
        plan.glossary.entries,
    )


def measures_among(items: Iterable[Item]) -> int:
    """How many measures the items are: a measure falling due several times (an item each
    time) is one."""
    return len({item.obligation.number for item in items if item.obligation.kind == "measure"})


def agency_table(
    plan: Plan, records: Records, as_of: dt.date, window_end: dt.date | None = None
) -> AgencyTable:
    index = indexed(records)
    rows = []
    for entry in agencies(plan):
        duties = agency_duties(plan, index, as_of, entry.code, window_end)
        every = duties.lead + duties.co + duties.reports
        agreed = (i for i in duties.lead + duties.co if entry.code in i.obligation.by_agreement)
        rows.append(
            AgencyRow(
                agency=entry,
                lead=measures_among(duties.lead),
                co=measures_among(duties.co),
                by_agreement=measures_among(agreed),
                reports=len(duties.reports),
                overdue=sum(item.standing.status is Status.overdue for item in every),
            )
        )
    return AgencyTable(as_of, horizon_of(as_of, window_end), rows)
