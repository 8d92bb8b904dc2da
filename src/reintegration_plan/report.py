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
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Abbreviation, ProgressRecord
from .obligations import agencies
from .plan import Plan
from .queries import Item, agency_duties, due
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

    def count(self, status: Status) -> int:
        return dict(self.counts)[status]


def build_report(
    plan: Plan,
    records: Sequence[ProgressRecord],
    as_of: dt.date,
    window_end: dt.date | None = None,
) -> ProgressReport:
    """The report as of the date; ``window_end``: the last day counted as due (by default the
    end of the date's quarter)."""
    index = indexed(records)  # once for all the queries below
    every = due(plan, index, as_of, window_end=window_end, include_all=True).items
    counts = tuple((status, sum(i.standing.status is status for i in every)) for status in Status)
    sections = []
    for entry in agencies(plan):
        duties = agency_duties(plan, index, as_of, entry.code, window_end)
        if duties.lead or duties.co or duties.reports:
            sections.append(AgencySection(entry, (*duties.lead, *duties.co), tuple(duties.reports)))
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
    return ProgressReport(
        as_of=as_of,
        plan_title_ru=plan.file.act.plan_title,
        plan_title_en=plan.file.act.plan_title_en,
        counts=counts,
        total=len(every),
        agencies=tuple(sections),
        overdue=tuple(overdue),
        completed=tuple(completed),
        reporting=tuple(reporting),
        timeline=build_timeline(plan, records, as_of),
        act_kind=plan.file.act.kind.value,
        act_number=plan.file.act.number,
        glossary=plan.glossary.entries,
    )
