"""The publishable progress report as of a date, as plain data (``report_formats`` renders it).

Measure 30 of the plan calls for publishing reports on its progress; this is that report:
headline counts by status (the same items as ``plan due --all``), the timeline, a table per
agency of the measures it leads and co-executes, the overdue obligations with their days
overdue, the completed ones with their evidence, and the reporting obligations: each once, and
each agency's own share of the reports that several agencies owe (for each such duty, a table of
agencies by period, instead of the same reports repeated under every agency).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .models import Abbreviation, Act, ProgressRecord
from .plan_set import of
from .queries import Item, Plans, body_duties, due
from .status import Status, indexed
from .timeline import Timeline, build_timeline


@dataclass(frozen=True)
class AgencySection:
    agency: Abbreviation
    items: tuple[Item, ...]  # the measures, with its role: lead or co
    reports: tuple[Item, ...]  # the reporting obligations it owes, its own share of each


@dataclass(frozen=True)
class ProgressReport:
    as_of: dt.date
    plan_title_ru: str
    plan_title_en: str | None
    counts: tuple[tuple[Status, int], ...]  # every status, most urgent first, zeros included
    total: int
    agencies: tuple[AgencySection, ...]
    overdue: tuple[Item, ...]  # most days overdue first
    completed: tuple[Item, ...]  # by the day they were done
    reporting: tuple[Item, ...]  # the reporting obligations, by date
    timeline: Timeline  # the picture the report opens with
    act_kind: str = "resolution_of_government"  # the act, as the title names it
    act_number: int | str | None = None
    glossary: tuple[Abbreviation, ...] = ()  # to write an agency's code as its alias
    plans: tuple[tuple[str, Act], ...] = ()  # several plans loaded: each one's id and act
    names: Mapping[str, str] = field(default_factory=dict)  # their short names, by id

    def count(self, status: Status) -> int:
        return dict(self.counts)[status]


def build_report(
    plan: Plans,
    records: Sequence[ProgressRecord],
    as_of: dt.date,
    window_end: dt.date | None = None,
) -> ProgressReport:
    """The report on a plan, or on the plans loaded together (the counts of them all, each
    agency's part in them all, every plan's reporting duties), as of the date; ``window_end``:
    the last day counted as due (by default the end of the date's quarter)."""
    plans = of(plan)
    index = indexed(records, plans.scoped)  # once for all the queries below
    every = due(plans, index, as_of, window_end=window_end, include_all=True).items
    counts = tuple((status, sum(i.standing.status is status for i in every)) for status in Status)
    sections = []
    for body in plans.executing():
        duties = body_duties(plans, index, as_of, body, window_end)
        if duties.lead or duties.co or duties.reports:
            items = (*duties.lead, *duties.co)
            sections.append(AgencySection(body.entry, items, tuple(duties.reports)))
    overdue = sorted(
        (i for i in every if i.standing.status is Status.overdue),
        key=lambda i: (-(i.standing.days_overdue or 0), i.sort_key),
    )
    completed = sorted(
        (i for i in every if i.standing.status is Status.done),
        key=lambda i: (i.standing.record.on if i.standing.record else as_of, i.sort_key),
    )
    reporting = sorted(
        (i for i in every if i.obligation.kind == "report"),
        key=lambda i: (i.obligation.deadline or dt.date.max, i.obligation.id),
    )
    act = plans.plan().file.act
    return ProgressReport(
        as_of=as_of,
        plan_title_ru=act.plan_title,
        plan_title_en=act.plan_title_en,
        counts=counts,
        total=len(every),
        agencies=tuple(sections),
        overdue=tuple(overdue),
        completed=tuple(completed),
        reporting=tuple(reporting),
        timeline=build_timeline(plans, index, as_of, window_end=window_end),
        act_kind=act.kind.value,
        act_number=act.number,
        glossary=plans.glossary() if plans.scoped else plans.plan().glossary.entries,
        plans=tuple((p.id, p.file.act) for p in plans.plans) if plans.scoped else (),
        names=plans.short_names(),
    )
