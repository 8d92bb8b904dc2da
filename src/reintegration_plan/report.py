"""The publishable progress report as of a date, as plain data (``report_formats`` renders it).

Measure 30 of the plan calls for publishing reports on its progress; this is that report:
headline counts by status (the same items as ``plan due --all``), a table per agency (what it
leads, co-executes and reports on), the overdue obligations with their days overdue, the
completed ones with their evidence, and the reporting obligations.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .dataset import Plan
from .i18n import Lang, pick
from .models import Abbreviation, ProgressRecord
from .obligations import agencies
from .queries import Item, agency_duties, due
from .status import Status

STATUS_ORDER: tuple[Status, ...] = tuple(Status)
"""Headline order: most urgent first (the order of :class:`Status`)."""


@dataclass(frozen=True)
class AgencySection:
    agency: Abbreviation
    name: str  # in the report's language
    items: tuple[Item, ...]  # with their role: lead, co or report


@dataclass(frozen=True)
class ProgressReport:
    as_of: dt.date
    lang: Lang
    plan_title: str
    counts: tuple[tuple[Status, int], ...]  # every status, in STATUS_ORDER, zeros included
    total: int
    agencies: tuple[AgencySection, ...]
    overdue: tuple[Item, ...]  # most days overdue first
    completed: tuple[Item, ...]  # by the day they were done
    reporting: tuple[Item, ...]  # the reporting obligations, by date
    deadline_texts: dict[str, str]  # measure id -> its deadline text in the language

    def count(self, status: Status) -> int:
        return dict(self.counts)[status]


def item_title(item: Item, lang: Lang) -> str:
    """The obligation's title in the language (a half-yearly report with its half-year)."""
    o = item.obligation
    title = pick(lang, o.title_ru, o.title_en)
    return f"{title} ({o.period})" if o.period else title


def item_label(item: Item) -> str:
    """Its short name: the measure's number, else the report's id."""
    o = item.obligation
    return str(o.number) if o.number is not None else o.id


def build_report(
    plan: Plan, records: Sequence[ProgressRecord], as_of: dt.date, lang: Lang
) -> ProgressReport:
    every = due(plan, records, as_of, include_all=True).items
    counts = tuple((status, sum(i.standing.status is status for i in every)) for status in Status)
    sections = []
    for entry in agencies(plan):
        duties = agency_duties(plan, records, as_of, entry.code)
        items = (*duties.lead, *duties.co, *duties.reports)
        if items:
            sections.append(AgencySection(entry, pick(lang, entry.expansion, entry.name_en), items))
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
        lang=lang,
        plan_title=pick(lang, plan.file.act.plan_title, plan.file.act.plan_title_en),
        counts=counts,
        total=len(every),
        agencies=tuple(sections),
        overdue=tuple(overdue),
        completed=tuple(completed),
        reporting=tuple(reporting),
        deadline_texts={
            f"measure-{m.number}": pick(lang, m.deadline_text, m.en.deadline_text if m.en else None)
            for m in plan.file.measures
        },
    )
