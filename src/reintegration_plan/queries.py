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
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .errors import InvalidInput, UnknownName
from .i18n import worded
from .inputs import read_role, read_target
from .models import Abbreviation, Act, Column, Measure, ProgressRecord, ReportingDuty
from .obligations import Obligation, measure_numbers_and_reports, number_key
from .plan import Plan
from .plan_set import Body, PlanSet, of
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


Plans = Plan | PlanSet
"""What the queries take: one plan, or the plans loaded together (``plan_set``)."""


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
    plan: Plan,
    obligation: Obligation,
    records: Iterable[ProgressRecord],
    agency: str | frozenset[str] | None,
) -> list[ProgressRecord]:
    """The records that count for the obligation in ``agency``'s view (None: the whole; an
    agency's codes in the plans loaded, or its code), ``plan`` being the obligation's."""
    if obligation.kind != "report" or len(obligation.executors) < 2:
        return list(records)
    owing = set(obligation.executors)
    codes = frozenset({agency}) if isinstance(agency, str) else agency or frozenset()
    return [
        r
        for r in records
        if (by := _record_agency(plan, r)) is None or by not in owing or by in codes
    ]


def _item(
    plans: PlanSet,
    obligation: Obligation,
    index: RecordIndex,
    as_of: dt.date,
    horizon: dt.date,
    agency: Body | None = None,
    role: str | None = None,
) -> Item:
    codes = agency.codes if agency is not None else None
    records = index.about(obligation.id)
    counted = scoped(plans.plan_of(obligation), obligation, records, codes) if records else []
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
    plans: Mapping[str, str] = field(default_factory=dict)  # several plans loaded: their
    # short names by id (``PlanSet.short_names``), each item's plan being shown

    @property
    def scoped(self) -> bool:
        return bool(self.plans)


# --- plan due ----------------------------------------------------------------------------


def owed_by(obligation: Obligation, agency: str | Body) -> str | None:
    """The agency's part in the obligation: lead, co, report, or None (a body: the strongest
    part of any of its codes)."""
    if isinstance(agency, Body):
        parts = [p for code in agency.codes if (p := owed_by(obligation, code)) is not None]
        return min(parts, key=ROLE_ORDER.index) if parts else None
    if obligation.kind == "report":
        return "report" if agency in obligation.executors else None
    return obligation.role_of(agency)


ROLE_ORDER = ("lead", "co", "report")
"""The strongest part first: with several agencies, an item takes the strongest of theirs."""


def _owed_item(
    plans: PlanSet,
    obligation: Obligation,
    index: RecordIndex,
    as_of: dt.date,
    horizon: dt.date,
    bodies: Sequence[Body],
) -> Item | None:
    """The item in the view of ``bodies`` (none: the whole plan), or None when none of them
    owes it. With several agencies it is listed once: the strongest part any of them has in it,
    and for a report each owes on its own, the most urgent of their shares."""
    if not bodies:
        return _item(plans, obligation, index, as_of, horizon)
    parts = [(b, part) for b in bodies if (part := owed_by(obligation, b)) is not None]
    if not parts:
        return None
    role = min((part for _, part in parts), key=ROLE_ORDER.index)
    shares = [_item(plans, obligation, index, as_of, horizon, b, role) for b, _ in parts]
    return min(shares, key=lambda item: item.standing.urgency)


def due(
    plan: Plans,
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
    plans = of(plan)
    horizon = horizon_of(as_of, window_end)
    bodies = plans.resolve_agencies(agencies)
    index = indexed(records, plans.scoped)
    items = []
    for obligation in plans.obligations():
        item = _owed_item(plans, obligation, index, as_of, horizon, bodies)
        if item is not None and (include_all or item.standing.open):
            items.append(item)
    ordered = sorted(items, key=lambda i: i.sort_key)
    return _item_list("due", plans, as_of, horizon, ordered, bodies)


def _item_list(
    view: Literal["due", "measures"],
    plans: PlanSet,
    as_of: dt.date,
    horizon: dt.date,
    items: list[Item],
    bodies: Sequence[Body],
) -> ItemList:
    entries = tuple(b.entry for b in bodies)
    glossary = plans.glossary() if plans.scoped else plans.plan().glossary.entries
    return ItemList(view, as_of, horizon, items, entries, glossary, plans.short_names())


# --- plan measures -----------------------------------------------------------------------


def measures(
    plan: Plans,
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
    plans = of(plan)
    horizon = horizon_of(as_of, window_end)
    bodies = plans.resolve_agencies(agencies)
    window = deadline
    wanted = set(statuses)
    by_number = {(p.id, m.number): m for p in plans.plans for m in p.file.measures}
    index = indexed(records, plans.scoped)
    items = []
    for obligation in plans.obligations():
        if obligation.number is None:
            continue
        measure = by_number[plans.plan_of(obligation).id, obligation.number]
        roles = (owed_by(obligation, b) for b in bodies)
        parts = [p for p in roles if p is not None and role in ("any", p)]
        if bodies and not parts:
            continue
        part = min(parts, key=ROLE_ORDER.index) if parts else None
        if window and not (obligation.deadline and window[0] <= obligation.deadline <= window[1]):
            continue
        if form is not None and fold(form) not in fold(measure.form_text or ""):
            continue
        if search is not None and fold(search) not in fold(measure.text):
            continue
        item = _item(plans, obligation, index, as_of, horizon, role=part)
        if wanted and item.standing.status not in wanted:
            continue
        items.append(item)
    return _item_list("measures", plans, as_of, horizon, _by_measure(items), bodies)


def _by_measure(items: Sequence[Item]) -> list[Item]:
    """One item per measure, in the act's order (plan after plan): its most urgent
    obligation."""
    first: dict[tuple[str | None, int | str | None], Item] = {}
    for item in items:
        number = (item.obligation.plan, item.obligation.number)
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
    plan: str | None = None  # its plan's id, when several plans are loaded

    def agency(self, code: str) -> Abbreviation | None:
        return next((e for e in self.glossary if e.code == code), None)

    def column(self, number: int) -> Column | None:
        return next((c for c in self.columns if c.number == number), None)


def find_obligation(plan: Plans, target: str) -> Obligation:
    """A measure by its number (``5``, ``№5``, ``1.7``), or an obligation by its id (any letter
    case): a report's, or one of the times a measure falls due (``measure-5-2023Q1``); a
    measure that falls due several times, by its number: the first of them. With several
    plans loaded, in the plan the target names (``pp-912-2016/5``), else in the only plan that
    has it."""
    return _find(of(plan), target)[0]


def _find(plans: PlanSet, target: str) -> tuple[Obligation, str]:
    """The obligation, and the target as named within its plan (without the plan's id)."""
    chosen, local = locate_target(plans, target)
    wanted = read_target(local, *measure_numbers_and_reports(chosen))
    found = next(o for o in plans.obligations_of(chosen) if wanted in (o.number, o.local_id))
    return found, local


def locate_target(plans: PlanSet, target: str) -> tuple[Plan, str]:
    """The plan a target is in, and the target within it: the plan it names
    (``pp-912-2016/5``), else the only plan loaded that has it; one line otherwise."""
    head, slash, rest = target.strip().partition("/")
    if slash:
        return plans.find_plan(head), rest
    if len(plans.plans) == 1:
        return plans.plans[0], target
    having = []
    for plan in plans.plans:
        try:
            read_target(target, *measure_numbers_and_reports(plan))
        except UnknownName:
            continue
        having.append(plan)
    if len(having) == 1:
        return having[0], target
    if not having:
        raise UnknownName.of(
            worded(
                "error.in_no_plan",
                target=repr(target.strip()),
                loaded=", ".join(plans.ids),
                example=f"{plans.ids[0]}/5",
            )
        )
    ids = [p.id for p in having]
    raise UnknownName.of(
        worded(
            "error.in_several_plans",
            target=repr(target.strip()),
            count=len(ids),
            having=", ".join(ids),
            example=f"{ids[0]}/{target.strip()}",
        )
    )


def _point_text(plan: Plan, point: str) -> str | None:
    number, _, sub = point.partition(".")
    for p in plan.file.points:
        if p.number == int(number):
            if not sub:
                return p.text
            return next((s.text for s in p.subpoints if s.number == int(sub)), None)
    return None


def show(
    plan: Plans,
    records: Records,
    as_of: dt.date,
    target: str,
    window_end: dt.date | None = None,
) -> Detail:
    """One obligation whole. A measure that falls due several times, named by its number, is
    shown by its most urgent obligation, with the list of them all."""
    plans = of(plan)
    obligation, local = _find(plans, target)
    mine_plan = plans.plan_of(obligation)
    horizon = horizon_of(as_of, window_end)
    index = indexed(records, plans.scoped)
    item = _item(plans, obligation, index, as_of, horizon)
    occurrences: tuple[Item, ...] = ()
    if obligation.kind == "measure":
        siblings = [
            o
            for o in plans.obligations_of(mine_plan)
            if o.kind == "measure" and o.number == obligation.number
        ]
        if len(siblings) > 1:
            occurrences = tuple(_item(plans, o, index, as_of, horizon) for o in siblings)
            if fold(local.strip()) != fold(obligation.local_id):  # named by its number
                item = min(occurrences, key=lambda i: i.sort_key)
                obligation = item.obligation
    measure = next((m for m in mine_plan.file.measures if m.number == obligation.number), None)
    report = None
    if obligation.kind == "report":
        report = next(
            r
            for r in mine_plan.file.reporting_duties
            if obligation.local_id in (r.id, f"{r.id}-{obligation.period}")
        )
    mine = index.about(obligation.id)
    return Detail(
        as_of=as_of,
        horizon=horizon,
        item=item,
        glossary=mine_plan.glossary.entries,
        measure=measure,
        report=report,
        point_text=_point_text(mine_plan, report.point) if report else None,
        history=records_about(obligation, mine, as_of),
        later_records=sum(r.on > as_of for r in mine),
        shares={
            code: _item(plans, obligation, index, as_of, horizon, plans.body_of(code)).standing
            for code in obligation.executors
        }
        if obligation.kind == "report" and len(obligation.executors) > 1
        else {},
        columns=tuple(mine_plan.file.table.columns) if mine_plan.file.table else (),
        occurrences=occurrences,
        plan=mine_plan.id if plans.scoped else None,
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
    plans: int = 1  # how many of the plans loaded it has a part in
    codes: tuple[str, ...] = ()  # its other codes in the plans loaded (renamed, merged)


@dataclass(frozen=True)
class AgencyTable:
    as_of: dt.date
    horizon: dt.date
    rows: list[AgencyRow]
    scoped: bool = False  # several plans loaded
    glossary: tuple[Abbreviation, ...] = ()  # to write a body's other codes as their aliases


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
    plans: Mapping[str, str] = field(default_factory=dict)  # several plans loaded: their
    # short names by id (``PlanSet.short_names``), each item's plan being shown

    @property
    def scoped(self) -> bool:
        return bool(self.plans)

    codes: tuple[str, ...] = ()  # its other codes in the plans loaded (renamed, merged)


def agency_duties(
    plan: Plans,
    records: Records,
    as_of: dt.date,
    name: str,
    window_end: dt.date | None = None,
) -> AgencyDuties:
    plans = of(plan)
    index = indexed(records, plans.scoped)
    return body_duties(plans, index, as_of, plans.resolve_agency(name), window_end)


def body_duties(
    plans: PlanSet,
    index: RecordIndex,
    as_of: dt.date,
    body: Body,
    window_end: dt.date | None = None,
) -> AgencyDuties:
    horizon = horizon_of(as_of, window_end)
    parts: dict[str, list[Item]] = {"lead": [], "co": [], "report": []}
    for obligation in plans.obligations():
        role = owed_by(obligation, body)
        if role is not None:
            item = _item(plans, obligation, index, as_of, horizon, body, role)
            parts[role].append(item)
    ordered = {role: sorted(items, key=lambda i: i.sort_key) for role, items in parts.items()}
    glossary = plans.glossary() if plans.scoped else plans.plan().glossary.entries
    return AgencyDuties(
        as_of,
        horizon,
        body.entry,
        ordered["lead"],
        ordered["co"],
        ordered["report"],
        glossary,
        plans=plans.short_names(),
        codes=tuple(sorted(body.codes - {body.code})),
    )


def measures_among(items: Iterable[Item]) -> int:
    """How many measures the items are: a measure falling due several times (an item each
    time) is one (of each plan, when several are loaded)."""
    return len(
        {(i.obligation.plan, i.obligation.number) for i in items if i.obligation.kind == "measure"}
    )


def agency_table(
    plan: Plans, records: Records, as_of: dt.date, window_end: dt.date | None = None
) -> AgencyTable:
    plans = of(plan)
    index = indexed(records, plans.scoped)
    rows = []
    for body in plans.executing():
        duties = body_duties(plans, index, as_of, body, window_end)
        every = duties.lead + duties.co + duties.reports
        agreed = (i for i in duties.lead + duties.co if body.codes & set(i.obligation.by_agreement))
        rows.append(
            AgencyRow(
                agency=body.entry,
                lead=measures_among(duties.lead),
                co=measures_among(duties.co),
                by_agreement=measures_among(agreed),
                reports=len(duties.reports),
                overdue=sum(item.standing.status is Status.overdue for item in every),
                plans=len({item.obligation.plan for item in every}) if plans.scoped else 1,
                codes=duties.codes,
            )
        )
    glossary = plans.glossary() if plans.scoped else ()
    return AgencyTable(
        as_of, horizon_of(as_of, window_end), rows, scoped=plans.scoped, glossary=glossary
    )


# --- plan plans ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanRow:
    """One plan loaded: its id, its act, its size, and where it stands as of the date."""

    id: str
    act: Act
    measures: int
    obligations: int
    overdue: int  # its obligations overdue as of the date
    next: Item | None  # its next deadline: the first obligation due on or after the date and
    # neither done nor cancelled
    path: Path


@dataclass(frozen=True)
class PlanList:
    """``plan plans``: the plans loaded, in the order loaded."""

    as_of: dt.date
    horizon: dt.date
    rows: list[PlanRow]


def plan_list(
    plan: Plans, records: Records, as_of: dt.date, window_end: dt.date | None = None
) -> PlanList:
    plans = of(plan)
    horizon = horizon_of(as_of, window_end)
    items = due(plans, records, as_of, window_end=window_end, include_all=True).items
    rows = []
    for one in plans.plans:
        mine = [i for i in items if plans.plan_of(i.obligation) is one]
        coming = [
            i
            for i in mine
            if i.obligation.deadline is not None
            and i.obligation.deadline >= as_of
            and i.standing.status not in (Status.done, Status.cancelled)
        ]
        upcoming = min(coming, key=lambda i: (i.obligation.deadline, i.sort_key), default=None)
        rows.append(
            PlanRow(
                id=one.id,
                act=one.file.act,
                measures=len(one.file.measures),
                obligations=len(mine),
                overdue=sum(i.standing.status is Status.overdue for i in mine),
                next=upcoming,
                path=one.path,
            )
        )
    return PlanList(as_of, horizon, rows)
