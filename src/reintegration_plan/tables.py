"""Renderers of the query reports, keyed by format name: table, json, csv, markdown.

Each report (``queries``) becomes a :class:`Page`, a heading and a few sheets of text cells,
for the human formats: ``table`` lays them out at the output's width (``layout``: boxed tables
whose long texts take the width the short columns leave, or blocks of ``label: value`` lines
when a table cannot fit), the status in colour, ASCII borders when the output cannot encode
box drawing; ``markdown`` writes them as Markdown tables. ``json`` and ``csv`` are the
report's stable fields (``query_json``). Every renderer returns the whole output as a string.
The caller says how wide the output is, whether it may use colour and whether it is ASCII only
(the CLI decides from the terminal, ``NO_COLOR`` and the output's encoding); nothing here looks
at the environment.

Agencies are written as the act writes them (МВД) in Russian and by their Latin aliases (MVD)
in English; a reporting duty is headed as an official heads it ("Информация о ходе реализации
Плана в МВД за 1 полугодие 2018 года"). English output that shows the act's texts in the
unofficial translation ends with a notice saying so.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .i18n import (
    LABELS,
    Lang,
    act_name,
    date_short,
    days,
    label,
    period_phrase,
    pick,
    plural,
    status_label,
    texts_note,
)
from .layout import (
    ASCII,
    ASCII_PUNCTUATION,
    UNICODE,
    Paint,
    Spec,
    boxed,
    column_widths,
    no_paint,
    stacked,
    wrap,
)
from .models import Abbreviation, MeasureEnglish
from .obligations import Obligation, short_name, translated
from .obligations import heading as obligation_heading
from .queries import AgencyDuties, AgencyTable, Detail, Item, ItemList, PlanList, measures_among
from .query_json import Report, csv_rows, json_text, report_json
from .status import Status

STATUS_STYLE: dict[str, str] = {
    Status.overdue.value: "bold red",
    Status.due.value: "yellow",
    Status.in_progress.value: "cyan",
    Status.ongoing.value: "blue",
    Status.upcoming.value: "",
    Status.undated.value: "magenta",
    Status.done.value: "green",
    Status.cancelled.value: "dim",
}


@dataclass
class Sheet:
    title: str | None
    columns: Sequence[Spec]
    rows: list[list[str]] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)  # each row's status, for colour
    empty: str = ""


@dataclass
class Page:
    heading: str
    blocks: list[Sheet | str] = field(default_factory=list)  # a str is a paragraph
    # for each text of the act it shows, whether English shows it translated (else Russian)
    translations: tuple[bool, ...] = ()
    empty: str | None = None  # nothing to show: the whole output is this one line


# --- names ---------------------------------------------------------------------------------


def written(entry: Abbreviation, lang: Lang) -> str:
    """An agency as people read it: the act's code in Russian, the Latin alias in English."""
    return entry.alias if lang == "en" else entry.code


class Names:
    """Agencies by their codes as people read them (:func:`written`), in every renderer: the
    act's code in Russian, the Latin alias in English; a code the glossary lacks as it is."""

    def __init__(self, glossary: Iterable[Abbreviation], lang: Lang) -> None:
        self.entries = {entry.code: entry for entry in glossary}
        self.lang = lang

    def __call__(self, code: str) -> str:
        entry = self.entries.get(code)
        return written(entry, self.lang) if entry is not None else code

    def join(self, codes: Iterable[str]) -> str:
        return ", ".join(self(code) for code in codes)


# --- reports as pages ----------------------------------------------------------------------
# Labels follow the language (``i18n.label``); the act's texts too (the unofficial English
# translation, or the Russian verbatim).


def _status(item: Item, lang: Lang) -> str:
    """The status, and on a second line the days overdue or late."""
    s = item.standing
    name = status_label(s.status.value, lang)
    if s.days_overdue is not None:
        return f"{name}\n{days(s.days_overdue, lang)}"
    if s.days_late is not None:
        return f"{name}\n{label('message.days_late_short', lang, days=days(s.days_late, lang))}"
    return name


def _deadline(o: Obligation, lang: Lang) -> str:
    if o.deadline is None:
        return label("message.no_date", lang)
    if o.deadline_text is None:
        return date_short(o.deadline, lang)
    return f"{date_short(o.deadline, lang)}\n{pick(lang, o.deadline_text, o.deadline_text_en)}"


def _lead(o: Obligation, lang: Lang, names: Names) -> str:
    if o.lead is not None:
        return names(o.lead)
    return plural("plural.agency", len(o.executors), lang)


def _counts(items: Sequence[Item], lang: Lang) -> str:
    counts = {status: 0 for status in Status}
    for item in items:
        counts[item.standing.status] += 1
    parts = [plural(f"plural.status.{s.value}", n, lang) for s, n in counts.items() if n]
    return ", ".join(parts) if parts else label("message.nothing", lang)


def _plan_column(lang: Lang, plans: Mapping[str, str]) -> tuple[Spec, ...]:
    """The plan column, when several plans are loaded."""
    return (Spec(label("column.plan", lang), whole=True),) if plans else ()


def _plan_cell(o: Obligation, plans: Mapping[str, str], lang: Lang) -> list[str]:
    """The plan column's cell: the act's number (``№ 912``) when no other plan loaded has it,
    else the plan's id."""
    if not plans:
        return []
    plan = o.plan or ""
    short = plans.get(plan, plan)
    return [plan if short == plan else label("message.plan_number", lang, number=short)]


def _item_columns(lang: Lang, plans: Mapping[str, str]) -> tuple[Spec, ...]:
    # several plans: the lead's header short, so that the titles keep their room
    lead = label("column.leads_short", lang) if plans else label("column.lead", lang)
    return (
        Spec(label("column.status", lang), styled=True),
        *_plan_column(lang, plans),
        Spec(label("column.number", lang), right=True),
        Spec(label("column.deadline", lang)),
        Spec(lead),
        Spec(label("column.title", lang), ratio=1),
    )


def _item_sheet(
    title: str | None,
    items: Sequence[Item],
    lang: Lang,
    names: Names,
    empty: str,
    plans: Mapping[str, str] | None = None,
) -> Sheet:
    plans = plans or {}
    sheet = Sheet(title, _item_columns(lang, plans), empty=empty)
    # the cells that repeat (statuses, plans, deadlines, leads), each made once from what it
    # shows: a list over many plans has thousands of rows
    statuses: dict[tuple[Any, ...], str] = {}
    plan_cells: dict[str | None, list[str]] = {}
    deadlines: dict[tuple[Any, ...], str] = {}
    leads: dict[tuple[str | None, int], str] = {}
    for item in items:
        o, s = item.obligation, item.standing
        status = statuses.get(key := (s.status, s.days_overdue, s.days_late))
        if status is None:
            status = statuses[key] = _status(item, lang)
        plan = plan_cells.get(o.plan)
        if plan is None:
            plan = plan_cells[o.plan] = _plan_cell(o, plans, lang)
        deadline = deadlines.get(due := (o.deadline, o.deadline_text, o.deadline_text_en))
        if deadline is None:
            deadline = deadlines[due] = _deadline(o, lang)
        lead = leads.get(owed := (o.lead, len(o.executors)))
        if lead is None:
            lead = leads[owed] = _lead(o, lang, names)
        title = obligation_heading(o, lang)
        sheet.rows.append(
            [
                status,
                *plan,
                str(o.number) if o.number is not None else "",
                deadline,
                lead,
                title if o.number is not None else f"{title}\n{o.local_id}",
            ]
        )
        sheet.statuses.append(s.status.value)
    return sheet


def _window(as_of: Any, horizon: Any, lang: Lang) -> str:
    date, until = date_short(as_of, lang), date_short(horizon, lang)
    return label("heading.window", lang, date=date, horizon=until)


def _as_of(as_of: Any, lang: Lang) -> str:
    return label("timeline.as_of", lang, date=date_short(as_of, lang))


def due_page(report: ItemList, lang: Lang = "en") -> Page:
    names = Names(report.glossary, lang)
    window = _window(report.as_of, report.horizon, lang)
    codes = names.join(a.code for a in report.agencies)
    if report.agencies:
        heading = label("heading.due_agency", lang, code=codes, window=window)
    else:
        heading = label("heading.due", lang, window=window)
    if not report.items:
        whose = " " + label("message.whose", lang, names=codes) if report.agencies else ""
        when = _as_of(report.as_of, lang)
        return Page(heading, empty=label("message.nothing_due", lang, whose=whose, window=when))
    sheet = _item_sheet(None, report.items, lang, names, "", report.plans)
    return Page(heading, [f"{_counts(report.items, lang)}.", sheet], shown_texts(report))


def _measure_columns(lang: Lang, plans: Mapping[str, str]) -> tuple[Spec, ...]:
    return (
        *_plan_column(lang, plans),
        Spec(label("column.number", lang), right=True),
        Spec(label("column.status", lang), styled=True),
        Spec(label("column.deadline", lang)),
        Spec(label("column.executors", lang), ratio=1),
        Spec(label("column.measure", lang), ratio=2),
    )


def measures_page(report: ItemList, lang: Lang = "en") -> Page:
    heading = label("heading.measures", lang, window=_window(report.as_of, report.horizon, lang))
    if not report.items:
        return Page(
            heading, empty=label("message.no_measure", lang, window=_as_of(report.as_of, lang))
        )
    summary = label(
        "message.measure_counts",
        lang,
        n=plural("plural.measure", len(report.items), lang),
        counts=_counts(report.items, lang),
    )
    sheet = Sheet(None, _measure_columns(lang, report.plans))
    for item in report.items:
        o = item.obligation
        sheet.rows.append(
            [
                *_plan_cell(o, report.plans, lang),
                str(o.number),
                _status(item, lang),
                _deadline(o, lang),
                pick(lang, o.executors_text or "", o.executors_text_en),
                pick(lang, o.title_ru, o.title_en),
            ]
        )
        sheet.statuses.append(item.standing.status.value)
    return Page(heading, [summary, sheet], shown_texts(report))


def _status_line(item: Item, lang: Lang) -> str:
    """The status in words: "overdue by 12 days", "done on 2017-06-20, 3 days late"."""
    s = item.standing
    text = status_label(s.status.value, lang)
    if s.days_overdue is not None:
        text += " " + label("message.by_days", lang, days=days(s.days_overdue, lang))
    if s.record is not None and s.status is Status.done:
        text += " " + label("message.on_date", lang, date=date_short(s.record.on, lang))
        if s.days_late is not None:
            text += label("message.days_late_suffix", lang, days=days(s.days_late, lang))
    return text


def _act_heading(detail: Detail, role: str) -> str:
    """The heading the act gives the column of ``role`` (its table's, verbatim), or 912's."""
    column = next((c for c in detail.columns if c.role.value == role), None)
    if column is None or column.number is None:
        return label(f"act.column.{role}", "ru")
    return _column_heading(detail, column.number)


def _column_heading(detail: Detail, number: int) -> str:
    """A column's heading verbatim (under its group's: 'Срок представления: Минюст')."""
    column = detail.column(number)
    if column is None:
        return label("act.column.other", "ru", number=number)
    return f"{column.group}: {column.heading}" if column.group else column.heading


def show_page(detail: Detail, lang: Lang = "en") -> Page:
    o = detail.item.obligation
    names = Names(detail.glossary, lang)
    window = _window(detail.as_of, detail.horizon, lang)
    fields = Sheet(
        None,
        (
            Spec(label("column.field", lang), max_width=26),
            Spec(label("column.value", lang), ratio=1),
        ),
    )
    if detail.measure is not None:
        m = detail.measure
        heading = label("heading.measure", lang, number=m.number, window=window)
        due = date_short(o.deadline, lang) if o.deadline else ""
        when = f"{date_short(o.start, lang)} – {due}" if o.start else due
        costs = None
        if m.costs is not None:
            required = m.costs.required
            costs = label("costs.required", lang) if required else label("costs.none", lang)
        english = m.en
        forms = "; ".join(m.forms) if m.forms else None
        if lang == "en" and english is not None and english.form_text is not None and forms:
            forms = english.form_text
        # the act's columns verbatim, under its own headings; in English each column's
        # unofficial translation after them (in Russian, the measure's only, at the end)
        translations = _translations(english, lang)
        cells: list[tuple[str, str | None]] = [
            (_act_heading(detail, "number"), m.number_text or str(m.number)),
            (_act_heading(detail, "text"), m.text),
            (_act_heading(detail, "form"), m.form_text),
            (_act_heading(detail, "executors"), m.executors_text),
            (_act_heading(detail, "deadline"), m.deadline_text),
            (_act_heading(detail, "costs"), m.costs_text),
            (_act_heading(detail, "financing"), m.financing_text),
            (_act_heading(detail, "sources"), m.sources_text),
            *((_column_heading(detail, c.column), c.text) for c in m.other_deadlines),
            *((_column_heading(detail, c.column), c.text) for c in m.other_cells),
            *(translations if lang == "en" else ()),
            (label("column.forms", lang), forms),
            (label("column.deadline", lang), when),
            (label("column.costs", lang), costs),
            *(translations[:1] if lang == "ru" else ()),
        ]
        if detail.plan is not None:
            cells.insert(0, (label("column.plan", lang), detail.plan))
        rows = [(name, value) for name, value in cells if value is not None]
    else:
        r = detail.report
        assert r is not None
        title = obligation_heading(o, lang)
        heading = label("heading.report", lang, title=title, id=o.id, window=window)
        recipients = [
            names(code) if f"body.{code}" not in LABELS else label(f"body.{code}", lang)
            for code in r.recipients
        ]
        rows = [
            *([(label("column.plan", lang), detail.plan)] if detail.plan else []),
            (label("column.obligation", lang), o.title_ru),
            (label("column.obligation_en", lang), r.title_en or ""),
            (label("column.point", lang, point=r.point), detail.point_text or ""),
            (
                label("column.period", lang),
                period_phrase(o.period, "name", lang) if o.period else "",
            ),
            (
                label("column.deadline", lang),
                date_short(o.deadline, lang) if o.deadline else label("message.no_date", lang),
            ),
            (label("column.recipients", lang), ", ".join(recipients) or "—"),
        ]
    rows.append((label("column.status", lang), _status_line(detail.item, lang)))
    for name, value in rows:
        fields.rows.append([name, value])
        fields.statuses.append(detail.item.standing.status.value if name == rows[-1][0] else "")
    return Page(
        heading,
        [
            fields,
            *_occurrences_sheet(detail, lang),
            _executors_sheet(detail, lang, names),
            _history_sheet(detail, lang, names),
            *_later(detail, lang),
        ],
        shown_texts(detail),
    )


_TRANSLATED = (
    ("text", "text"),
    ("form", "form_text"),
    ("executors", "executors_text"),
    ("deadline", "deadline_text"),
    ("costs", "costs_text"),
    ("financing", "financing_text"),
    ("sources", "sources_text"),
)
"""The act's columns a measure's ``en`` translates, by their role, in the act's order."""


def _translations(english: MeasureEnglish | None, lang: Lang) -> list[tuple[str, str | None]]:
    """Each column's unofficial translation, headed "Form of completion (en, unofficial)"."""
    if english is None:
        return []
    return [
        (
            label("column.translated", lang, column=label(f"act.column.{role}", lang)),
            getattr(english, field),
        )
        for role, field in _TRANSLATED
    ]


def _executors_sheet(detail: Detail, lang: Lang, names: Names) -> Sheet:
    code_column = Spec(label("column.code", lang), max_width=16)
    name_column = Spec(label("column.name", lang), ratio=1)

    def code(c: str) -> str:
        entry = detail.agency(c)
        return _code_and_alias(entry, lang) if entry else c

    if detail.shares:
        sheet = Sheet(
            label("heading.report_executors", lang),
            (code_column, Spec(label("column.status", lang), styled=True), name_column),
        )
        for c in detail.item.obligation.executors:
            entry = detail.agency(c)
            share = detail.shares[c].status.value
            name = pick(lang, entry.expansion, entry.name_en) if entry else ""
            sheet.rows.append([code(c), status_label(share, lang), name])
            sheet.statuses.append(share)
        return sheet
    sheet = Sheet(
        label("column.executors", lang),
        (code_column, Spec(label("column.role", lang)), name_column),
    )
    if detail.measure is not None:
        parts = [(e.agency, e.role.value, e.by_agreement) for e in detail.measure.executors]
    else:
        obligation = detail.item.obligation
        parts = [(c, "report", c in obligation.by_agreement) for c in obligation.executors]
    for c, role, by_agreement in parts:
        entry = detail.agency(c)
        text = label(f"role.{role}", lang)
        if by_agreement:
            text += ", " + label("role.by_agreement", lang)
        name = pick(lang, entry.expansion, entry.name_en) if entry else ""
        sheet.rows.append([code(c), text, name])
        sheet.statuses.append("")
    return sheet


def _occurrences_sheet(detail: Detail, lang: Lang) -> list[Sheet]:
    """A measure that falls due several times: each time, its obligation's id and status."""
    if not detail.occurrences:
        return []
    sheet = Sheet(
        label("heading.occurrences", lang, n=len(detail.occurrences)),
        (
            Spec(label("column.deadline", lang)),
            Spec(label("column.status", lang), styled=True),
            Spec(label("column.obligation", lang), ratio=1),
        ),
    )
    for item in detail.occurrences:
        o = item.obligation
        sheet.rows.append(
            [
                date_short(o.deadline, lang) if o.deadline else label("message.no_date", lang),
                _status_line(item, lang),
                o.id,
            ]
        )
        sheet.statuses.append(item.standing.status.value)
    return [sheet]


def _history_sheet(detail: Detail, lang: Lang, names: Names) -> Sheet:
    sheet = Sheet(
        label("heading.progress", lang),
        (
            Spec(label("column.on", lang)),
            Spec(label("column.status", lang), styled=True),
            Spec(label("column.by", lang)),
            Spec(label("column.evidence", lang), ratio=1),
            Spec(label("column.note", lang), ratio=1),
        ),
        empty=label("message.no_progress", lang),
    )
    for record in detail.history:
        sheet.rows.append(
            [
                date_short(record.on, lang),
                status_label(record.status.value, lang),
                names(record.by) if record.by else "",
                record.evidence or "",
                record.note or "",
            ]
        )
        sheet.statuses.append(record.status.value)
    return sheet


def _later(detail: Detail, lang: Lang) -> list[Sheet | str]:
    if not detail.later_records:
        return []
    n = plural("plural.record", detail.later_records, lang)
    return [label("message.later_records", lang, n=n, date=date_short(detail.as_of, lang))]


def _code_and_alias(entry: Abbreviation, lang: Lang) -> str:
    """The act's code and the Latin alias, the one the language reads first."""
    if entry.alias == entry.code:
        return entry.code
    return f"{entry.code}\n{entry.alias}" if lang == "ru" else f"{entry.alias}\n{entry.code}"


def _agency_columns(lang: Lang) -> tuple[Spec, ...]:
    return (
        Spec(label("column.code", lang), max_width=16),
        Spec(label("column.leads_short", lang), right=True),
        Spec(label("column.co_short", lang), right=True),
        Spec(label("column.by_agreement_short", lang), right=True),
        Spec(label("column.reports", lang), right=True),
        Spec(label("column.overdue_short", lang), right=True),
        Spec(label("column.name", lang), ratio=1),
    )


def also_codes(codes: Sequence[str], names: Names) -> str:
    """A body's other codes in the plans loaded (renamed, merged): a line after its name."""
    return (
        "\n" + label("message.also_codes", names.lang, codes=_codes(codes, names)) if codes else ""
    )


def _codes(codes: Sequence[str], names: Names) -> str:
    """A body's other codes as people read them: the act's codes in Russian; in English each
    by its Latin alias with the code after it ("MTSRIAP (МЦРИАП)"), as the heading of
    ``plan agency`` writes the body's own."""
    read = [(names(code), code) for code in codes]
    return ", ".join(name if name == code else f"{name} ({code})" for name, code in read)


def agencies_page(report: AgencyTable, lang: Lang = "en") -> Page:
    sheet = Sheet(None, _agency_columns(lang))
    names = Names(report.glossary, lang)
    for row in report.rows:
        a = row.agency
        sheet.rows.append(
            [
                _code_and_alias(a, lang),
                str(row.lead),
                str(row.co),
                str(row.by_agreement),
                str(row.reports),
                str(row.overdue),
                pick(lang, a.expansion, a.name_en) + also_codes(row.codes, names),
            ]
        )
        sheet.statuses.append("")
    heading = label("heading.agencies", lang, window=_window(report.as_of, report.horizon, lang))
    legend = label("message.agencies_legend", lang)
    return Page(heading, [legend, sheet], shown_texts(report))  # the agencies' names


def _measures(items: Sequence[Item], lang: Lang) -> dict[str, str]:
    """What a heading of measures says: how many measures ``items`` are, counted as ``plan
    agencies`` counts them (a measure falling due several times is one), and how many times
    they fall due when that is more."""
    n = measures_among(items)
    times = " " + label("heading.times_due", lang, n=len(items)) if len(items) > n else ""
    return {"n": str(n), "times": times}


def agency_page(report: AgencyDuties, lang: Lang = "en") -> Page:
    a = report.agency
    names = Names(report.glossary, lang)
    every = report.lead + report.co + report.reports
    window = _window(report.as_of, report.horizon, lang)
    heading = label("heading.agency", lang, code=a.code, alias=a.alias, window=window)
    none = label("message.none", lang)
    also = " " + label("message.also_known", lang, codes=_codes(report.codes, names))
    scoped = report.plans
    return Page(
        heading,
        [
            f"{pick(lang, a.expansion, a.name_en)}: {_counts(every, lang)}."
            + (also if report.codes else ""),
            _item_sheet(
                label("heading.agency_leads", lang, **_measures(report.lead, lang)),
                report.lead,
                lang,
                names,
                none,
                scoped,
            ),
            _item_sheet(
                label("heading.agency_co", lang, **_measures(report.co, lang)),
                report.co,
                lang,
                names,
                none,
                scoped,
            ),
            _item_sheet(
                label("heading.agency_reports", lang, n=len(report.reports)),
                report.reports,
                lang,
                names,
                none,
                scoped,
            ),
        ],
        shown_texts(report),
    )


def _next_deadline(row: Any, lang: Lang) -> str:
    """A plan's next deadline: its date, and whose (a measure's number, a report's name)."""
    if row.next is None:
        return "—"
    o = row.next.obligation
    number = label("message.plan_number", lang, number=o.number)
    what = number if o.number is not None else short_name(o, lang)
    return f"{date_short(o.deadline, lang)}\n{what}"


def _years(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def plans_page(report: PlanList, lang: Lang = "en") -> Page:
    """``plan plans``: a row per plan loaded."""
    sheet = Sheet(
        None,
        (
            Spec(label("column.plan_id", lang), whole=True),
            Spec(label("column.act", lang), ratio=1),
            Spec(label("column.years", lang)),
            Spec(label("column.measures_short", lang), right=True),
            Spec(label("column.next_deadline", lang), whole=True),
        ),
    )
    for row in report.rows:
        act = row.act
        name = act_name(act.kind.value, act.number, "kind", lang)
        if act.date is not None:
            name = label("message.act_of", lang, act=name, date=date_short(act.date, lang))
        title = pick(lang, act.plan_title, act.plan_title_en)
        sheet.rows.append(
            [
                row.id,
                f"{name}\n{title}",
                _years(act.period.first_year, act.period.last_year),
                str(row.measures),
                _next_deadline(row, lang),
            ]
        )
        sheet.statuses.append("")
    heading = label("heading.plans", lang, window=_as_of(report.as_of, lang))
    count = plural("plural.plan", len(report.rows), lang)
    total = plural("plural.measure", sum(row.measures for row in report.rows), lang)
    return Page(heading, [f"{count}, {total}.", sheet], shown_texts(report))


# --- renderers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """How the output will be shown: decided by the caller (the CLI)."""

    width: int = 100
    color: bool = False
    lang: Lang = "en"  # of labels, headings and the act's texts
    ascii: bool = False  # the output cannot encode box drawing or Cyrillic: ASCII borders


def page_of(report: Report, lang: Lang = "en") -> Page:
    """The human view of a report."""
    if isinstance(report, ItemList):
        return due_page(report, lang) if report.view == "due" else measures_page(report, lang)
    if isinstance(report, Detail):
        return show_page(report, lang)
    if isinstance(report, AgencyTable):
        return agencies_page(report, lang)
    if isinstance(report, PlanList):
        return plans_page(report, lang)
    return agency_page(report, lang)


def shown_texts(report: Report) -> tuple[bool, ...]:
    """For each text of the act the report shows, whether English shows it translated: the
    obligations' titles (and a measure's other columns, translated with its title), the
    agencies' names."""
    if isinstance(report, ItemList):
        return tuple(translated(item.obligation) for item in report.items)
    if isinstance(report, AgencyTable):
        return tuple(row.agency.name_en is not None for row in report.rows)
    if isinstance(report, AgencyDuties):
        items = (*report.lead, *report.co, *report.reports)
        return (report.agency.name_en is not None, *(translated(i.obligation) for i in items))
    if isinstance(report, PlanList):  # each plan's title
        return tuple(row.act.plan_title_en is not None for row in report.rows)
    executors = (report.agency(code) for code in report.item.obligation.executors)
    names = (entry.name_en is not None for entry in executors if entry is not None)
    return (translated(report.item.obligation), *names)


def _notice(page: Page, lang: Lang) -> list[str]:
    """What English output showing the act's texts says of them: an unofficial translation,
    or the Russian original where the plan has no translation."""
    note = texts_note(page.translations, lang)
    return [note] if note is not None else []


def render_json(report: Report, output: Output) -> str:
    data = report_json(report, output.lang)
    note = texts_note(shown_texts(report), output.lang)
    if note is not None:  # titles translated, or in Russian: the object says which
        data["translation_note"] = note
    return json_text(data)


def render_csv(report: Report, output: Output) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(csv_rows(report, output.lang))
    return buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def render_markdown(report: Report, output: Output) -> str:
    built = page_of(report, output.lang)
    if built.empty is not None:
        return _md(built.empty) + "\n"
    lines = [f"## {_md(built.heading)}", ""]
    for block in built.blocks:
        if isinstance(block, str):
            lines += [_md(block), ""]
            continue
        if block.title:
            lines += [f"### {_md(block.title)}", ""]
        if not block.rows:
            lines += [_md(block.empty), ""]
            continue
        lines.append("| " + " | ".join(_md(c.header) for c in block.columns) + " |")
        lines.append("|" + "|".join("---:" if c.right else "---" for c in block.columns) + "|")
        lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in block.rows]
        lines.append("")
    lines += [f"_{_md(note)}_\n" for note in _notice(built, output.lang)]
    return "\n".join(lines)


def painter(color: bool) -> Paint:
    """Paints text in a Rich style with ANSI codes, or leaves it as it is."""
    if not color:
        return no_paint
    from rich.color import ColorSystem
    from rich.style import Style

    def paint(text: str, style: str) -> str:
        return Style.parse(style).render(text, color_system=ColorSystem.STANDARD)

    return paint


def sheet_lines(sheet: Sheet, width: int, ascii_only: bool, paint: Paint) -> list[str]:
    """A sheet at the width: a boxed table, or stacked blocks when the table cannot fit; no
    line ends in a space (a boxed table's end with its border)."""
    styles = [STATUS_STYLE.get(status, "") for status in sheet.statuses]
    styles += [""] * (len(sheet.rows) - len(styles))
    overhead = 3 * len(sheet.columns) + 1  # "│ " before each column, " │" after the last
    widths = column_widths(sheet.columns, sheet.rows, width - overhead)
    if widths is None:  # a blank line apart from what precedes, as between its blocks
        return ["", *map(str.rstrip, stacked(sheet.columns, sheet.rows, styles, width, paint))]
    borders = ASCII if ascii_only else UNICODE
    return boxed(sheet.columns, sheet.rows, styles, widths, borders, paint)


def ascii_page(page: Page) -> Page:
    """The page with its typographic punctuation in ASCII (– as -, « » as ", … as ...)."""

    def plain(text: str) -> str:
        return text.translate(ASCII_PUNCTUATION)

    blocks: list[Sheet | str] = []
    for block in page.blocks:
        if isinstance(block, str):
            blocks.append(plain(block))
            continue
        blocks.append(
            Sheet(
                plain(block.title) if block.title else None,
                [replace(spec, header=plain(spec.header)) for spec in block.columns],
                [[plain(cell) for cell in row] for row in block.rows],
                block.statuses,
                plain(block.empty),
            )
        )
    empty = plain(page.empty) if page.empty is not None else None
    return Page(plain(page.heading), blocks, page.translations, empty)


def render_table(report: Report, output: Output) -> str:
    built = page_of(report, output.lang)
    if output.ascii:
        built = ascii_page(built)
    width, paint = max(output.width, 20), painter(output.color)
    lines: list[str] = []

    def text(value: str, style: str = "") -> None:
        for line in wrap(value, width):
            lines.append((paint(line, style) if style else line).rstrip())

    if built.empty is not None:
        text(built.empty)
    else:
        text(built.heading, "bold")
        for block in built.blocks:
            if isinstance(block, str):
                text(block)
                continue
            if block.title:
                lines.append("")
                text(block.title, "bold")
            if not block.rows:
                text(block.empty)
                continue
            lines += sheet_lines(block, width, output.ascii, paint)
        for note in _notice(built, output.lang):
            lines.append("")
            text(note)
    return "\n".join(lines) + "\n" if lines else ""  # (no line ends in a space)


RENDERERS: dict[str, Callable[[Report, Output], str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
}


def render(report: Report, fmt: str, output: Output) -> str:
    """The whole output of a report in a format (one of :data:`RENDERERS`)."""
    return RENDERERS[fmt](report, output)
