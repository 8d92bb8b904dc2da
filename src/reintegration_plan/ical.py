"""The plan's dated obligations as an iCalendar file (RFC 5545), for calendar applications.

One all-day ``VEVENT`` per dated obligation (the 30 measures, the six half-yearly reports, the
consolidated report; the annual evaluation has no date and is left out): ``DTSTART;VALUE=DATE``
is the deadline and ``DTEND;VALUE=DATE`` the day after, as RFC 5545 (3.6.1) requires of an
all-day event, whose end is exclusive.

Why ``VEVENT`` and not ``VTODO``: a to-do with ``DUE;VALUE=DATE`` and ``STATUS:COMPLETED`` would
say "done" more exactly, but Google Calendar and Outlook drop ``VTODO`` on import and in
subscriptions, and a calendar people publish must show up where they look. So a completed
obligation is marked on the event itself: the summary starts with "[done]" ("[выполнено]"),
``CATEGORIES`` carries the status label, ``X-PLAN-STATUS:done`` and
``X-PLAN-COMPLETED;VALUE=DATE`` the machine-readable facts; a cancelled one gets
``STATUS:CANCELLED``, which ``VEVENT`` does have.

Re-importing must update entries, never duplicate them: each ``UID`` is the obligation's id
at a fixed domain (``measure-5@reintegration-plan.kz-912-2016``), ``DTSTAMP`` is the as-of
date at midnight UTC (not the clock: the same inputs give the same bytes), and ``SEQUENCE`` is
the number of progress records that count for the entry, so it grows when progress is
recorded.

No CLI or terminal code here: the caller gives the plan, the progress records, the date and
the language, and gets bytes (CRLF line ends and 75-octet folding are icalendar's).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .i18n import (
    Lang,
    act_name,
    days,
    label,
    period_phrase,
    pick,
    plural,
    status_label,
    texts_note,
)
from .models import BODIES, Act, Measure, ProgressRecord, ReportingDuty
from .obligations import Obligation, heading, translated
from .plan_set import of
from .queries import Plans, due
from .status import Standing, Status, indexed, records_about

UID_DOMAIN = "reintegration-plan.kz-912-2016"
"""The domain of 912's UIDs: the act's number and year (:func:`uid_domain`)."""
PRODID = "-//reintegration-plan//plan calendar//{lang}"


def uid_domain(act: Act) -> str:
    """The UIDs' domain, the same for a plan in every run: the act's number and year
    (``reintegration-plan.kz-912-2016``), or, without them, a digest of the plan's title."""
    if act.number is not None and act.date is not None:
        number = re.sub(r"[^0-9a-z]+", "-", str(act.number).casefold()).strip("-")
        return f"reintegration-plan.kz-{number}-{act.date.year}"
    digest = hashlib.sha256(act.plan_title.encode("utf-8")).hexdigest()[:12]
    return f"reintegration-plan.kz-plan-{digest}"


def uid_of(obligation_id: str, domain: str = UID_DOMAIN) -> str:
    return f"{obligation_id}@{domain}"


@dataclass(frozen=True)
class Entry:
    """One calendar entry, as plain data (the same in every language)."""

    obligation: Obligation
    standing: Standing
    measure: Measure | None  # a measure's entry: its row of the plan
    duty: ReportingDuty | None  # a report's entry: the reporting duty it comes from
    sequence: int  # how many progress records count for it
    domain: str = UID_DOMAIN  # the UIDs' domain: the act's (uid_domain)

    @property
    def uid(self) -> str:
        """The obligation's id within its plan at its act's domain: the same whether the
        calendar holds that plan alone or others too."""
        return uid_of(self.obligation.local_id, self.domain)

    @property
    def day(self) -> dt.date:
        assert self.obligation.deadline is not None  # entries are dated obligations
        return self.obligation.deadline

    @property
    def completed(self) -> dt.date | None:
        record = self.standing.record
        return record.on if self.standing.status is Status.done and record else None


def _measure_lines(measure: Measure, obligation: Obligation, lang: Lang) -> list[str]:
    english = measure.en if lang == "en" else None
    lines = [
        pick(lang, measure.text, english.text if english else None),
        "",
        label(
            "calendar.form",
            lang,
            text=pick(lang, measure.form_text, english.form_text if english else None),
        ),
        label(
            "calendar.executors",
            lang,
            text=pick(lang, measure.executors_text, english.executors_text if english else None),
        ),
        label(
            "calendar.deadline",
            lang,
            text=_deadline_words(obligation, lang) + f" ({obligation.deadline})",
        ),
    ]
    if english is not None:
        lines += [
            "",
            label("calendar.original", "en", text=measure.text),
            label("calendar.executors", "ru", text=measure.executors_text),
            label("calendar.deadline", "ru", text=_deadline_words(obligation, "ru")),
        ]
    return lines


def _deadline_words(obligation: Obligation, lang: Lang) -> str:
    """The deadline cell (verbatim, or translated), and which time of it this is: a further
    column's heading, the period of a recurring deadline."""
    text = pick(lang, obligation.deadline_text or "", obligation.deadline_text_en)
    if obligation.column_heading is not None:
        text = f"{obligation.column_heading}: {text}"
    if obligation.occurrence is not None:
        text += f", {period_phrase(obligation.occurrence, 'short', lang)}"
    return text


def _party(name: str, lang: Lang) -> str:
    """An agency code as the act writes it, or a group of bodies in words."""
    return label(f"body.{name}", lang) if name in BODIES else name


def _report_lines(obligation: Obligation, model: ReportingDuty | None, lang: Lang) -> list[str]:
    lines = [pick(lang, obligation.title_ru, obligation.title_en)]
    if obligation.point:
        lines += ["", label("calendar.point", lang, point=obligation.point)]
    if model is not None:
        obligors = ", ".join(_party(name, lang) for name in model.obligors)
        lines.append(label("calendar.obligors", lang, text=obligors))
        if model.recipients:
            recipients = ", ".join(_party(name, lang) for name in model.recipients)
            lines.append(label("calendar.recipients", lang, text=recipients))
    if lang == "en" and obligation.title_en is not None:
        lines += ["", label("calendar.original", "en", text=obligation.title_ru)]
    return lines


def _standing_lines(standing: Standing, as_of: dt.date, lang: Lang) -> list[str]:
    status = status_label(standing.status.value, lang)
    if standing.days_overdue is not None:
        overdue = days(standing.days_overdue, lang)
        status += f" ({label('message.days_overdue', lang, days=overdue)})"
    lines = ["", f"{label('report.as_of', lang, date=as_of.isoformat())}: {status}"]
    record = standing.record
    if standing.status is Status.done and record is not None:
        lines.append(label("calendar.done_on", lang, date=record.on.isoformat()))
        if standing.days_late:
            lines.append(label("message.days_late", lang, days=days(standing.days_late, lang)))
    if record is not None and record.evidence:
        lines.append(label("calendar.evidence", lang, text=record.evidence))
    return lines


def _summary(obligation: Obligation, standing: Standing, lang: Lang) -> str:
    title = heading(obligation, lang)  # a report's proper heading, with its half-year
    if obligation.kind == "measure":
        text = label("calendar.measure_summary", lang, number=obligation.number, text=title)
    else:
        text = title
    if obligation.plan is not None:  # several plans in one calendar: whose it is
        text = f"{obligation.plan}: {text}"
    if standing.status in (Status.done, Status.cancelled):
        text = f"[{status_label(standing.status.value, lang)}] {text}"
    return text


def calendar_entries(
    plan: Plans,
    records: Sequence[ProgressRecord],
    as_of: dt.date,
    agencies: Sequence[str] = (),
    window_end: dt.date | None = None,
) -> list[Entry]:
    """The entries, by date then in the act's order (plan after plan); only obligations with
    a date, and with ``agencies`` (codes, aliases or names) only those they lead, co-execute
    or report on; ``window_end``: the last day counted as due (by default the end of the
    date's quarter)."""
    plans = of(plan)
    measures = {(p.id, m.number): m for p in plans.plans for m in p.file.measures}
    duties = {(p.id, d.id): d for p in plans.plans for d in p.file.reporting_duties}
    domains = {p.id: uid_domain(p.file.act) for p in plans.plans}
    order = {o.id: n for n, o in enumerate(plans.obligations())}
    index = indexed(records, plans.scoped)
    items = due(
        plans, index, as_of, window_end=window_end, agencies=agencies, include_all=True
    ).items
    entries = []
    for item in sorted(items, key=lambda i: order[i.obligation.id]):
        obligation = item.obligation
        if obligation.deadline is None:
            continue
        mine = plans.plan_of(obligation).id
        entries.append(
            Entry(
                obligation=obligation,
                standing=item.standing,
                measure=measures.get((mine, obligation.number or 0)),
                duty=duties.get((mine, obligation.duty or ""))
                if obligation.kind == "report"
                else None,
                sequence=len(records_about(obligation, index.about(obligation.id), as_of)),
                domain=domains[mine],
            )
        )
    entries.sort(key=lambda e: e.day)  # stable: the act's order within a day
    return entries


def _description(entry: Entry, as_of: dt.date, lang: Lang) -> str:
    if entry.measure is not None:
        lines = _measure_lines(entry.measure, entry.obligation, lang)
    else:
        lines = _report_lines(entry.obligation, entry.duty, lang)
    lines += _standing_lines(entry.standing, as_of, lang)
    note = texts_note([translated(entry.obligation)], lang)  # translated, or in Russian
    if note is not None:
        lines += ["", note]
    return "\n".join(lines)


def calendar_name(acts: Sequence[Act], lang: Lang) -> str:
    """The calendar's name: the plan's act's, or how many plans it holds."""
    if len(acts) != 1:
        return label("calendar.name_plans", lang, plans=plural("plural.plan", len(acts), lang))
    act = acts[0]
    return label(
        "calendar.name", lang, act=act_name(act.kind.value, act.number, "kind_dative", lang)
    )


def render_ics(
    entries: Sequence[Entry], as_of: dt.date, lang: Lang, act: Act | Sequence[Act]
) -> bytes:
    """The iCalendar text of the entries of the plans the acts approve (``act``: one, or the
    acts of several plans): CRLF line ends, lines folded at 75 octets."""
    from icalendar import Calendar, Event

    stamp = dt.datetime.combine(as_of, dt.time(0, 0), tzinfo=dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID.format(lang=lang.upper()))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = calendar_name([act] if isinstance(act, Act) else act, lang)
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    note = texts_note((translated(entry.obligation) for entry in entries), lang)
    if note is not None:
        calendar.add("x-wr-caldesc", note)
    for entry in entries:
        obligation, standing = entry.obligation, entry.standing
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", entry.day)
        event.add("dtend", entry.day + dt.timedelta(days=1))
        event.add("sequence", entry.sequence)
        event.add("summary", _summary(obligation, standing, lang))
        event.add("description", _description(entry, as_of, lang))
        categories = [label(f"kind.{obligation.kind}", lang)]
        event.add("categories", [*categories, status_label(standing.status.value, lang)])
        cancelled = standing.status is Status.cancelled
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("transp", "TRANSPARENT")
        event.add("x-plan-id", obligation.id)
        if obligation.plan is not None:
            event.add("x-plan-plan", obligation.plan)
        event.add("x-plan-kind", obligation.kind)
        event.add("x-plan-status", standing.status.value)
        if entry.completed is not None:
            event.add("x-plan-completed", entry.completed)
        calendar.add_component(event)
    text: bytes = calendar.to_ical()
    return text
