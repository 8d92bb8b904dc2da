"""Renderers of the query reports, keyed by format name: table, json, csv, markdown.

Each report (``queries``) becomes a :class:`Page`, a heading and a few sheets of text cells,
for the human formats (``table``: a rich table, status in colour, long Russian texts wrapped to
the width; ``markdown``); ``json`` is the report's own ``as_json()``; ``csv`` is one flat table of
it. Every renderer returns the whole output as a string. The caller says how wide the output
is and whether it may use colour (the CLI decides from the terminal and ``NO_COLOR``); nothing
here looks at the environment.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .i18n import Lang, label, pick, status_label
from .obligations import Obligation
from .queries import AgencyDuties, AgencyTable, Detail, Item, ItemList
from .query_json import Report, csv_rows, report_json
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


@dataclass(frozen=True)
class Column:
    header: str
    ratio: int | None = None  # long text: shares the width left over, wrapped
    right: bool = False  # numbers
    status: bool = False  # coloured by the row's status
    max_width: int | None = None  # wrap a short-text column beyond this width


@dataclass
class Sheet:
    title: str | None
    columns: Sequence[Column]
    rows: list[list[str]] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)  # each row's status, for colour
    empty: str = ""


@dataclass
class Page:
    heading: str
    blocks: list[Sheet | str] = field(default_factory=list)  # a str is a paragraph


# --- reports as pages ----------------------------------------------------------------------
# Labels follow the language (``i18n.tr``: the English written here, or its Russian); the act's
# texts too (the unofficial English translation, or the Russian verbatim).


def _status(item: Item, lang: Lang) -> str:
    """The status, and on a second line the days overdue or late."""
    s = item.standing
    name = status_label(s.status.value, lang)
    if s.days_overdue is not None:
        return f"{name}\n{label('message.days_short', lang, days=s.days_overdue)}"
    if s.days_late is not None:
        return f"{name}\n{label('message.days_late_short', lang, days=s.days_late)}"
    return name


def _what(o: Obligation, lang: Lang) -> str:
    return str(o.number) if o.number is not None else label("role.report", lang)


def _title(o: Obligation, lang: Lang) -> str:
    title = pick(lang, o.title_ru, o.title_en)
    return title if o.number is not None else f"{o.id}\n{title}"


def _deadline(o: Obligation, lang: Lang) -> str:
    if o.deadline is None:
        return label("message.no_date", lang)
    if o.deadline_text is None:
        return o.deadline.isoformat()
    return f"{o.deadline.isoformat()}\n{pick(lang, o.deadline_text, o.deadline_text_en)}"


def _lead(o: Obligation, lang: Lang) -> str:
    if o.lead is not None:
        return o.lead
    return label("message.n_agencies", lang, n=len(o.executors))


def _counts(items: Sequence[Item], lang: Lang) -> str:
    counts = {status: 0 for status in Status}
    for item in items:
        counts[item.standing.status] += 1
    parts = [f"{n} {status_label(status.value, lang)}" for status, n in counts.items() if n]
    return ", ".join(parts) if parts else label("message.nothing", lang)


def _item_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column(label("column.status", lang), status=True),
        Column(label("column.number", lang)),
        Column(label("column.deadline", lang)),
        Column(label("column.lead", lang)),
        Column(label("column.title", lang), ratio=1),
    )


def _item_sheet(
    title: str | None, items: Sequence[Item], lang: Lang, empty: str | None = None
) -> Sheet:
    sheet = Sheet(title, _item_columns(lang), empty=empty or f"({label('message.none', lang)})")
    for item in items:
        o = item.obligation
        sheet.rows.append(
            [
                _status(item, lang),
                _what(o, lang),
                _deadline(o, lang),
                _lead(o, lang),
                _title(o, lang),
            ]
        )
        sheet.statuses.append(item.standing.status.value)
    return sheet


def _window(as_of: Any, horizon: Any, lang: Lang) -> str:
    return label(
        "heading.window",
        lang,
        date=as_of.isoformat(),
        horizon=horizon.isoformat(),
    )


def due_page(report: ItemList, lang: Lang = "en") -> Page:
    window = _window(report.as_of, report.horizon, lang)
    if report.agency:
        heading = label("heading.due_agency", lang, code=report.agency.code, window=window)
    else:
        heading = label("heading.due", lang, window=window)
    sheet = _item_sheet(None, report.items, lang, label("message.nothing_due", lang))
    return Page(heading, [f"{_counts(report.items, lang)}.", sheet])


def _measure_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column(label("column.number", lang), right=True),
        Column(label("column.status", lang), status=True),
        Column(label("column.deadline", lang)),
        Column(label("column.executors", lang), ratio=1),
        Column(label("column.measure", lang), ratio=2),
    )


def measures_page(report: ItemList, lang: Lang = "en") -> Page:
    heading = label("heading.measures", lang, window=_window(report.as_of, report.horizon, lang))
    summary = label(
        "message.measure_counts", lang, n=len(report.items), counts=_counts(report.items, lang)
    )
    sheet = Sheet(None, _measure_columns(lang), empty=label("message.no_measure", lang))
    for item in report.items:
        o = item.obligation
        number = o.number or 0
        sheet.rows.append(
            [
                str(number),
                _status(item, lang),
                _deadline(o, lang),
                pick(lang, o.executors_text or "", o.executors_text_en),
                pick(lang, o.title_ru, o.title_en),
            ]
        )
        sheet.statuses.append(item.standing.status.value)
    return Page(heading, [summary, sheet])


def _status_line(item: Item, lang: Lang) -> str:
    """The status in words: "overdue by 12 days", "done on 2017-06-20, 3 days late"."""
    s = item.standing
    text = status_label(s.status.value, lang)
    if s.days_overdue is not None:
        text += " " + label("message.by_days", lang, days=s.days_overdue)
    if s.record is not None and s.status is Status.done:
        text += " " + label("message.on_date", lang, date=s.record.on.isoformat())
        if s.days_late is not None:
            text += label("message.days_late_suffix", lang, days=s.days_late)
    return text


def show_page(detail: Detail, lang: Lang = "en") -> Page:
    o = detail.item.obligation
    window = _window(detail.as_of, detail.horizon, lang)
    fields = Sheet(
        None,
        (
            Column(label("column.field", lang), max_width=26),
            Column(label("column.value", lang), ratio=1),
        ),
    )
    if detail.measure is not None:
        m = detail.measure
        heading = label("heading.measure", lang, number=m.number, window=window)
        due = o.deadline.isoformat() if o.deadline else ""
        when = f"{o.start.isoformat()} – {due}" if o.start else due
        costs = label("costs.required", lang) if m.costs.required else label("costs.none", lang)
        rows = [
            (label("act.column.number", "ru"), str(m.number)),
            (label("act.column.text", "ru"), m.text),
            (label("act.column.form", "ru"), m.form_text),
            (label("act.column.executors", "ru"), m.executors_text),
            (label("act.column.deadline", "ru"), m.deadline_text),
            (label("act.column.costs", "ru"), m.costs_text),
            (label("column.forms", lang), "; ".join(m.forms)),
            (label("column.deadline", lang), when),
            (label("column.costs", lang), costs),
        ]
        if m.en is not None:
            rows.append((label("column.measure_en", lang), m.en.text))
    else:
        r = detail.report
        assert r is not None
        heading = label("heading.report", lang, id=o.id, window=window)
        rows = [
            (label("column.obligation", lang), o.title_ru),
            (label("column.obligation_en", lang), r.title_en),
            (label("column.point", lang, point=r.point), detail.point_text or ""),
            (label("column.period", lang), o.period or ""),
            (
                label("column.deadline", lang),
                o.deadline.isoformat() if o.deadline else label("message.no_date", lang),
            ),
            (label("column.recipients", lang), ", ".join(r.recipients) or "—"),
        ]
    rows.append((label("column.status", lang), _status_line(detail.item, lang)))
    for name, value in rows:
        fields.rows.append([name, value])
    return Page(
        heading,
        [
            fields,
            _executors_sheet(detail, lang),
            _history_sheet(detail, lang),
            *_later(detail, lang),
        ],
    )


def _executors_sheet(detail: Detail, lang: Lang) -> Sheet:
    code_column = Column(label("column.code", lang), max_width=16)
    alias_column = Column(label("column.alias", lang))
    name_column = Column(label("column.name", lang), ratio=1)
    if detail.shares:
        sheet = Sheet(
            label("heading.report_executors", lang),
            (
                code_column,
                alias_column,
                Column(label("column.status", lang), status=True),
                name_column,
            ),
        )
        for code in detail.item.obligation.executors:
            entry = detail.agency(code)
            share = detail.shares[code].status.value
            name = pick(lang, entry.expansion, entry.name_en) if entry else ""
            sheet.rows.append([code, entry.alias if entry else "", status_label(share, lang), name])
            sheet.statuses.append(share)
        return sheet
    sheet = Sheet(
        label("column.executors", lang),
        (code_column, alias_column, Column(label("column.role", lang)), name_column),
    )
    if detail.measure is not None:
        parts = [(e.agency, e.role.value, e.by_agreement) for e in detail.measure.executors]
    else:
        obligation = detail.item.obligation
        parts = [(code, "report", code in obligation.by_agreement) for code in obligation.executors]
    for code, role, by_agreement in parts:
        entry = detail.agency(code)
        text = label(f"role.{role}", lang)
        if by_agreement:
            text += ", " + label("role.by_agreement", lang)
        name = pick(lang, entry.expansion, entry.name_en) if entry else ""
        sheet.rows.append([code, entry.alias if entry else "", text, name])
    return sheet


def _history_sheet(detail: Detail, lang: Lang) -> Sheet:
    sheet = Sheet(
        label("heading.progress", lang),
        (
            Column(label("column.on", lang)),
            Column(label("column.status", lang), status=True),
            Column(label("column.by", lang)),
            Column(label("column.evidence", lang), ratio=1),
            Column(label("column.note", lang), ratio=1),
        ),
        empty=label("message.no_progress", lang),
    )
    for record in detail.history:
        sheet.rows.append(
            [
                record.on.isoformat(),
                status_label(record.status.value, lang),
                record.by or "",
                record.evidence or "",
                record.note or "",
            ]
        )
        sheet.statuses.append(record.status.value)
    return sheet


def _later(detail: Detail, lang: Lang) -> list[Sheet | str]:
    if not detail.later_records:
        return []
    text = label("message.later_records", lang, n=detail.later_records, date=detail.as_of)
    return [text]


def _agency_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column(label("column.code", lang), max_width=16),
        Column(label("column.alias", lang)),
        Column(label("column.lead", lang), right=True),
        Column(label("column.co_short", lang), right=True),
        Column(label("column.by_agreement_short", lang), right=True),
        Column(label("column.reports", lang), right=True),
        Column(label("column.overdue_short", lang), right=True),
        Column(label("column.name", lang), ratio=1),
    )


def agencies_page(report: AgencyTable, lang: Lang = "en") -> Page:
    sheet = Sheet(None, _agency_columns(lang))
    for row in report.rows:
        a = row.agency
        sheet.rows.append(
            [
                a.code,
                a.alias,
                str(row.lead),
                str(row.co),
                str(row.by_agreement),
                str(row.reports),
                str(row.overdue),
                pick(lang, a.expansion, a.name_en),
            ]
        )
    heading = label("heading.agencies", lang, window=_window(report.as_of, report.horizon, lang))
    legend = label("message.agencies_legend", lang)
    return Page(heading, [legend, sheet])


def agency_page(report: AgencyDuties, lang: Lang = "en") -> Page:
    a = report.agency
    every = report.lead + report.co + report.reports
    heading = f"{a.code} ({a.alias}) {_window(report.as_of, report.horizon, lang)}"
    return Page(
        heading,
        [
            f"{pick(lang, a.expansion, a.name_en)}: {_counts(every, lang)}.",
            _item_sheet(label("heading.agency_leads", lang, n=len(report.lead)), report.lead, lang),
            _item_sheet(label("heading.agency_co", lang, n=len(report.co)), report.co, lang),
            _item_sheet(
                label("heading.agency_reports", lang, n=len(report.reports)), report.reports, lang
            ),
        ],
    )


# --- renderers -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Output:
    """How the output will be shown: decided by the caller (the CLI)."""

    width: int = 100
    color: bool = False
    lang: Lang = "en"  # of labels, headings and the act's texts


def page_of(report: Report, lang: Lang = "en") -> Page:
    """The human view of a report."""
    if isinstance(report, ItemList):
        return due_page(report, lang) if report.view == "due" else measures_page(report, lang)
    if isinstance(report, Detail):
        return show_page(report, lang)
    if isinstance(report, AgencyTable):
        return agencies_page(report, lang)
    return agency_page(report, lang)


def render_json(report: Report, output: Output) -> str:
    return json.dumps(report_json(report, output.lang), ensure_ascii=False, indent=2) + "\n"


def render_csv(report: Report, output: Output) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(csv_rows(report, output.lang))
    return buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def render_markdown(report: Report, output: Output) -> str:
    built = page_of(report, output.lang)
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
    return "\n".join(lines)


LONG_CELL = 4096
"""Characters beyond which a cell's text is handed to rich in parts (see :func:`_cell`)."""


def _cell(text: str, style: str) -> Any:
    """A table cell. Rich renders the wrapped lines of an unstyled text as one segment that it
    then splits line by line, copying the rest each time: quadratic in the text's size (a
    10 MB note took minutes). A long unstyled text is therefore marked in parts of
    :data:`LONG_CELL` characters with styles that show nothing, so that each segment is short;
    the output is the same."""
    from rich.style import Style
    from rich.text import Text

    cell = Text(text, style=style)
    if not style and len(text) > LONG_CELL:
        for start in range(0, len(text), LONG_CELL):
            cell.stylize(Style(meta={"part": start}), start, start + LONG_CELL)
    return cell


def render_table(report: Report, output: Output) -> str:
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    built = page_of(report, output.lang)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=output.width,
        force_terminal=output.color,
        no_color=not output.color,
        color_system="standard" if output.color else None,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    console.print(Text(built.heading, style="bold"))
    for block in built.blocks:
        if isinstance(block, str):
            console.print(Text(block))
            continue
        if block.title:
            console.print(Text(block.title, style="bold"))
        if not block.rows:
            console.print(Text(block.empty))
            continue
        justify: Literal["left", "right"]
        table = Table(
            box=box.SQUARE,
            show_lines=True,
            expand=True,
        )
        for column in block.columns:
            justify = "right" if column.right else "left"
            table.add_column(
                column.header,
                justify=justify,
                ratio=column.ratio,
                max_width=column.max_width,
                no_wrap=False,
                overflow="fold",
            )
        for i, row in enumerate(block.rows):
            style = STATUS_STYLE.get(block.statuses[i], "") if i < len(block.statuses) else ""
            table.add_row(
                *(
                    _cell(cell, style if column.status else "")
                    for cell, column in zip(row, block.columns, strict=True)
                )
            )
        console.print(table)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


RENDERERS: dict[str, Callable[[Report, Output], str]] = {
    "table": render_table,
    "json": render_json,
    "csv": render_csv,
    "markdown": render_markdown,
}


def render(report: Report, fmt: str, output: Output) -> str:
    """The whole output of a report in a format (one of :data:`RENDERERS`)."""
    return RENDERERS[fmt](report, output)
