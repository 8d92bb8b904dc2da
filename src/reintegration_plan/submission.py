"""The information an agency sends on the plan's progress for a period (912: to МВД, every
half-year, point 2.2), drafted as plain data: ``submission_formats`` writes it as a Word
document, a workbook or Markdown.

A periodic reporting duty (README, "Deadline rules": monthly, quarterly, half-yearly, yearly,
or on fixed dates) asks each agency it applies to for a report per period: 912's central and
local executive bodies and bodies accountable to the President inform МВД by the 10th of the
month after each half-year. The draft is addressed to the report's recipients, from the agency,
for the period, dated the day it is due. Its table has every measure the agency executes
(leads or co-executes) that concerned that period: due in it, a span running in it, or due
earlier and still neither done nor cancelled when the period began (still owed, so still
reported on). For each: the status at the period's end and the progress records dated in it; a
measure with none is marked for the official to fill in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .deadlines import half_end, half_start, month_end, quarter_end, quarter_start
from .errors import DateInputError, InvalidInput
from .i18n import Joined, period_kind, worded
from .inputs import period_key, read_span, shown
from .models import Abbreviation, ProgressRecord, ReportingDuty
from .obligations import Obligation, executing_agencies, owes_report
from .plan import Plan
from .plan_set import PlanSet, of
from .queries import Item, Plans, due
from .status import Status, records_about


@dataclass(frozen=True)
class SubmissionLine:
    item: Item  # the measure, its role for the agency, its status at the period's end
    records: tuple[ProgressRecord, ...]  # the progress recorded in the period, oldest first


@dataclass(frozen=True)
class Submission:
    agency: Abbreviation
    recipients: tuple[Abbreviation, ...]  # МВД
    bodies: tuple[str, ...]  # recipients not in the glossary: groups of bodies, phrases
    report: Obligation  # the report this is
    period: str  # its period's key: 2018H1, 2023Q1, 2023-01, 2023, 2024-06-15
    start: dt.date  # the period's first day
    end: dt.date  # its last day: statuses are as of it
    dated: dt.date  # the day it is due
    act_number: int | str | None  # None: a draft's blank number
    act_date: dt.date | None
    act_kind: str
    plan_title_ru: str
    plan_title_en: str | None
    lines: tuple[SubmissionLine, ...]
    plan: str | None = None  # its plan's id, when several plans are loaded


def parse_period(text: str, kinds: Sequence[str] = ("half_year",)) -> str:
    """A period as the plan's reports key it (``2018H1``, ``2023Q1``, ``2023-01``, ``2023``,
    ``2024-06-15``), typed in any form ``inputs`` reads (as ``--as-of`` takes it: "1 полугодие
    2018", "H1 2018", "1 пол. 2018"), when it is of one of ``kinds``."""
    if len(kinds) == 1:
        name = worded(f"error.period.{kinds[0]}")
        expected = worded("error.expected", forms=worded(f"error.period_forms.{kinds[0]}"))
    else:
        name = worded("error.period.any")
        choices = tuple(
            worded(
                "error.named_forms",
                name=worded(f"error.period.{k}"),
                forms=worded(f"error.period_forms.{k}"),
            )
            for k in kinds
        )
        expected = worded("error.expected", forms=Joined(choices, worded("error.or")))
    try:
        key = period_key(read_span(text, None, name, expected))
    except DateInputError as exc:
        said = exc.words if exc.words is not None else str(exc)
        raise InvalidInput.of(worded("error.option", option="--period", message=said)) from None
    if period_kind(key) in kinds:
        return key
    why = worded("error.not_a", text=shown(text), noun=name, expected=expected)
    raise InvalidInput.of(worded("error.option", option="--period", message=why))


def _periodic_reports(plans: PlanSet, plan: Plan) -> list[Obligation]:
    return [
        o
        for o in plans.obligations_of(plan)
        if o.kind == "report" and o.period is not None and period_kind(o.period)
    ]


def _span(report: Obligation, reports: Sequence[Obligation]) -> tuple[dt.date, dt.date]:
    """The first and last day of the period a report is on: its half-year, quarter, month or
    year; for a report due on a fixed date, from the day after the duty's report before it
    (or the first of January) to that date."""
    key = report.period or ""
    year = int(key[:4])
    match period_kind(key):
        case "half_year":
            half = int(key[5])
            return half_start(year, half), half_end(year, half)
        case "quarter":
            quarter = int(key[5])
            return quarter_start(year, quarter), quarter_end(year, quarter)
        case "month":
            month = int(key[5:7])
            return dt.date(year, month, 1), month_end(year, month)
        case "year":
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    day = dt.date.fromisoformat(key)
    before = [o.deadline for o in reports if o.duty == report.duty and o.deadline]
    earlier = [d for d in before if d < day]
    return (max(earlier) + dt.timedelta(days=1) if earlier else dt.date(year, 1, 1)), day


def _report(
    plans: PlanSet, plan: Plan, entry: Abbreviation, text: str
) -> tuple[Obligation, ReportingDuty]:
    """The report on the period ``text`` that the agency owes (the first in the resolution's
    order), with its duty."""
    reports = _periodic_reports(plans, plan)
    if not reports:  # № 991 reports on no period: there is nothing to expect
        raise InvalidInput.of(worded("error.no_periodic_reports"))
    kinds = list(dict.fromkeys(period_kind(o.period or "") or "" for o in reports))
    key = parse_period(text, kinds)
    found = [o for o in reports if o.period == key]
    kind = period_kind(key) or ""
    if not found:
        valid = ", ".join(
            dict.fromkeys(o.period or "" for o in reports if period_kind(o.period or "") == kind)
        )
        raise InvalidInput.of(
            worded(
                "error.period_not_in_plan",
                period=key,
                name=worded(f"error.period.{kind}"),
                valid=valid,
            )
        )
    duties = {d.id: d for d in plan.file.reporting_duties}
    for report in found:
        duty = duties[report.duty or ""]
        if owes_report(entry, duty, executing_agencies(plan)):
            return report, duty
    report, duty = found[0], duties[found[0].duty or ""]
    owing = ", ".join(report.executors)
    raise InvalidInput.of(
        worded(
            "error.does_not_report",
            code=entry.code,
            kind=worded(f"error.report_kind.{kind}"),
            point=duty.point,
            recipients=", ".join(duty.recipients),
            owing=owing,
        )
    )


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
    plan: Plans, records: Sequence[ProgressRecord], agency: str, period: str
) -> Submission:
    """The agency's report on the period under the plan (the first plan loaded whose duty it
    is: :func:`build_submissions` drafts them all)."""
    return build_submissions(plan, records, agency, period)[0]


def build_submissions(
    plan: Plans, records: Sequence[ProgressRecord], agency: str, period: str
) -> list[Submission]:
    """The agency's report on the period under each plan loaded that has a periodic duty of
    that kind of period the agency owes, plan after plan; one line when none has."""
    plans = of(plan)
    body = plans.resolve_agency(agency)
    drafted, refused = [], []
    for one in plans.plans:
        entry = next((e for e in one.glossary.entries if e.code in body.codes), None)
        if entry is None:
            continue
        try:
            report, duty = _report(plans, one, entry, period)
        except InvalidInput as exc:
            refused.append((one, exc))
            continue
        drafted.append(_submission(plans, one, records, entry, report, duty))
    if drafted:
        return drafted
    if not refused:
        raise InvalidInput.of(worded("error.executes_nothing", code=body.code))
    if len(refused) == 1:
        raise refused[0][1]
    reasons = Joined(
        tuple(
            worded("error.in_plan", plan=one.id, message=exc.words or str(exc))
            for one, exc in refused
        ),
        literal="; ",
    )
    raise InvalidInput.of(
        worded("error.no_plan_reports", code=body.code, period=period, reasons=reasons)
    )


def _submission(
    plans: PlanSet,
    plan: Plan,
    records: Sequence[ProgressRecord],
    entry: Abbreviation,
    report: Obligation,
    duty: ReportingDuty,
) -> Submission:
    start, end = _span(report, _periodic_reports(plans, plan))
    mine = plans.narrowed(plan.id) if plans.scoped else plans
    at_end = {
        i.obligation.id: i
        for i in due(mine, records, end, agencies=[entry.code], include_all=True).items
    }
    at_start = {
        i.obligation.id: i.standing.status
        for i in due(
            mine, records, start - dt.timedelta(days=1), agencies=[entry.code], include_all=True
        ).items
    }
    lines = []
    for obligation in plans.obligations_of(plan):  # the act's order
        item = at_end.get(obligation.id)
        if item is None or obligation.kind != "measure":
            continue
        if not _concerns(item, start, end, at_start.get(obligation.id)):
            continue
        kept = [r for r in records_about(obligation, records, end) if r.on >= start]
        lines.append(SubmissionLine(item, tuple(kept)))
    glossary = {e.code: e for e in plan.glossary.entries}
    act = plan.file.act
    return Submission(
        agency=entry,
        recipients=tuple(glossary[code] for code in duty.recipients if code in glossary),
        bodies=tuple(name for name in duty.recipients if name not in glossary),
        report=report,
        period=report.period or "",
        start=start,
        end=end,
        dated=report.deadline or end,
        act_number=act.number,
        act_date=act.date,
        act_kind=act.kind.value,
        plan_title_ru=act.plan_title,
        plan_title_en=act.plan_title_en,
        lines=tuple(lines),
        plan=plan.id if plans.scoped else None,
    )
