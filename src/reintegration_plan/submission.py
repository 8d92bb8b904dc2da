"""The half-yearly information an agency sends МВД (point 2.2 of the resolution), drafted as
plain data: ``submission_formats`` writes it as a Word document, a workbook or Markdown.

Every central and local executive body and every body accountable to the President that
executes the plan informs МВД of its progress by the 10th of the month after each half-year.
The draft is addressed to the report's recipient, from the agency, for the half-year, dated
the day it is due. Its table has every measure the agency executes (leads or co-executes) that
concerned that half-year: due in it, a period running in it, or due earlier and still neither
done nor cancelled when the half-year began (still owed, so still reported on). For each: the
status at the half-year's end and the progress records dated in the half-year; a measure with
none is marked for the official to fill in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .deadlines import quarter_end
from .errors import InvalidInput
from .models import Abbreviation, ProgressRecord
from .obligations import Obligation, all_obligations, owes_report, resolve_agency
from .plan import Plan
from .queries import Item, due
from .status import Status, records_about

_PERIOD = re.compile(r"^\s*(\d{4})\s*[Hh]\s*([12])\s*$")


@dataclass(frozen=True)
class SubmissionLine:
    item: Item  # the measure, its role for the agency, its status at the half-year's end
    records: tuple[ProgressRecord, ...]  # the progress recorded in the half-year, oldest first


@dataclass(frozen=True)
class Submission:
    agency: Abbreviation
    recipients: tuple[Abbreviation, ...]  # МВД
    report: Obligation  # the half-yearly report this is
    period: str  # 2018H1
    year: int
    half: int
    start: dt.date
    end: dt.date  # the half-year's last day: statuses are as of it
    dated: dt.date  # the day it is due
    act_number: int | str | None  # None: a draft's blank number
    act_date: dt.date | None
    plan_title_ru: str
    plan_title_en: str | None
    lines: tuple[SubmissionLine, ...]


def parse_period(text: str) -> tuple[int, int]:
    """``2018H1`` (any case, spaces allowed) as (2018, 1)."""
    match = _PERIOD.match(text)
    if match is None:
        raise InvalidInput(
            f"--period {text!r} is not a half-year: expected a year and H1 or H2, e.g. 2018H1"
        )
    return int(match.group(1)), int(match.group(2))


def _half_yearly_report(plan: Plan, period: str) -> Obligation:
    reports = [o for o in all_obligations(plan) if o.kind == "report" and o.period is not None]
    found = next((o for o in reports if o.period == period), None)
    if found is None:
        valid = ", ".join(o.period or "" for o in reports)
        raise InvalidInput(f"--period {period} is not a half-year of the plan: expected {valid}")
    return found


def _concerns(item: Item, start: dt.date, end: dt.date, begun: Status | None) -> bool:
    """Due in the half-year, a period running in it, or due before it and still owed."""
    o = item.obligation
    if o.deadline is None:
        return False
    if start <= o.deadline <= end:
        return True
    if o.start is not None and o.start <= end and o.deadline >= start:
        return True
    return o.deadline < start and begun not in (Status.done, Status.cancelled)


def build_submission(
    plan: Plan, records: Sequence[ProgressRecord], agency: str, period: str
) -> Submission:
    entry = resolve_agency(plan, agency)
    year, half = parse_period(period)
    name = f"{year}H{half}"
    report = _half_yearly_report(plan, name)
    duty = next(d for d in plan.file.reporting_duties if d.id == report.duty)
    if not owes_report(entry, duty):
        owing = ", ".join(report.executors)
        raise InvalidInput(
            f"{entry.code} does not send the half-yearly information (point {duty.point}): "
            f"it is sent to {', '.join(duty.recipients)} by {owing}"
        )
    start = dt.date(year, 1 if half == 1 else 7, 1)
    end = quarter_end(year, 2 if half == 1 else 4)
    at_end = {
        i.obligation.id: i
        for i in due(plan, records, end, agencies=[entry.code], include_all=True).items
    }
    at_start = {
        i.obligation.id: i.standing.status
        for i in due(
            plan, records, start - dt.timedelta(days=1), agencies=[entry.code], include_all=True
        ).items
    }
    lines = []
    for obligation in all_obligations(plan):  # the act's order
        item = at_end.get(obligation.id)
        if item is None or obligation.kind != "measure":
            continue
        if not _concerns(item, start, end, at_start.get(obligation.id)):
            continue
        mine = [r for r in records_about(obligation, records, end) if r.on >= start]
        lines.append(SubmissionLine(item, tuple(mine)))
    glossary = {e.code: e for e in plan.glossary.entries}
    act = plan.file.act
    return Submission(
        agency=entry,
        recipients=tuple(glossary[code] for code in duty.recipients if code in glossary),
        report=report,
        period=name,
        year=year,
        half=half,
        start=start,
        end=end,
        dated=report.deadline or end,
        act_number=act.number,
        act_date=act.date,
        plan_title_ru=act.plan_title,
        plan_title_en=act.plan_title_en,
        lines=tuple(lines),
    )
