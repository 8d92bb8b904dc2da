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

from .i18n import Lang, pick, status_label, tr
from .obligations import Obligation
from .queries import AgencyDuties, AgencyTable, Detail, Item, ItemList
from .status import Status

FORMATS = ("table", "json", "csv", "markdown")

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

Report = ItemList | Detail | AgencyTable | AgencyDuties


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
    empty: str = "(none)"


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
        return f"{name}\n{tr(lang, '{days} d', days=s.days_overdue)}"
    if s.days_late is not None:
        return f"{name}\n{tr(lang, '{days} d late', days=s.days_late)}"
    return name


def _what(o: Obligation, lang: Lang) -> str:
    return str(o.number) if o.number is not None else tr(lang, "report")


def _title(o: Obligation, lang: Lang) -> str:
    title = pick(lang, o.title_ru, o.title_en)
    return title if o.number is not None else f"{o.id}\n{title}"


def _deadline(o: Obligation, lang: Lang) -> str:
    if o.deadline is None:
        return tr(lang, "— (no date in the act)")
    if o.deadline_text is None:
        return o.deadline.isoformat()
    return f"{o.deadline.isoformat()}\n{pick(lang, o.deadline_text, o.deadline_text_en)}"


def _lead(o: Obligation, lang: Lang) -> str:
    if o.lead is not None:
        return o.lead
    return tr(lang, "{n} agencies", n=len(o.executors))


def _counts(items: Sequence[Item], lang: Lang) -> str:
    counts = {status: 0 for status in Status}
    for item in items:
        counts[item.standing.status] += 1
    parts = [f"{n} {status_label(status.value, lang)}" for status, n in counts.items() if n]
    return ", ".join(parts) if parts else tr(lang, "nothing")


def _item_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column(tr(lang, "Status"), status=True),
        Column(tr(lang, "No.")),
        Column(tr(lang, "Deadline")),
        Column(tr(lang, "Lead")),
        Column(tr(lang, "Title"), ratio=1),
    )


def _item_sheet(
    title: str | None, items: Sequence[Item], lang: Lang, empty: str | None = None
) -> Sheet:
    sheet = Sheet(title, _item_columns(lang), empty=empty or tr(lang, "(none)"))
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
    return tr(
        lang,
        "as of {date} (due: through {horizon})",
        date=as_of.isoformat(),
        horizon=horizon.isoformat(),
    )


def due_page(report: ItemList, lang: Lang = "en") -> Page:
    window = _window(report.as_of, report.horizon, lang)
    if report.agency:
        heading = tr(
            lang, "Obligations owed by {code} {window}", code=report.agency.code, window=window
        )
    else:
        heading = tr(lang, "Obligations {window}", window=window)
    sheet = _item_sheet(None, report.items, lang, tr(lang, "Nothing is overdue, due or ongoing."))
    return Page(heading, [f"{_counts(report.items, lang)}.", sheet])


def _measure_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column(tr(lang, "No."), right=True),
        Column(tr(lang, "Status"), status=True),
        Column(tr(lang, "Deadline")),
        Column(tr(lang, "Executors"), ratio=1),
        Column(tr(lang, "Measure"), ratio=2),
    )


def measures_page(report: ItemList, lang: Lang = "en") -> Page:
    heading = tr(lang, "Measures {window}", window=_window(report.as_of, report.horizon, lang))
    summary = tr(
        lang, "{n} measures: {counts}.", n=len(report.items), counts=_counts(report.items, lang)
    )
    sheet = Sheet(None, _measure_columns(lang), empty=tr(lang, "No measure matches."))
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


def show_page(detail: Detail, lang: Lang = "en") -> Page:
    data = detail.as_json(lang)
    o = detail.item.obligation
    window = _window(detail.as_of, detail.horizon, lang)
    status = status_label(data["status"], lang)
    if "days_overdue" in data:
        status += " " + tr(lang, "by {days} days", days=data["days_overdue"])
    if "done_on" in data:
        status += " " + tr(lang, "on {date}", date=data["done_on"])
    if "days_late" in data:
        status += tr(lang, ", {days} days late", days=data["days_late"])
    fields = Sheet(
        None, (Column(tr(lang, "Field"), max_width=26), Column(tr(lang, "Value"), ratio=1))
    )
    if detail.measure is not None:
        m = detail.measure
        heading = tr(lang, "Measure {number} {window}", number=m.number, window=window)
        due = o.deadline.isoformat() if o.deadline else ""
        when = f"{o.start.isoformat()} – {due}" if o.start else due
        rows = [
            ("№ п/п", str(m.number)),
            ("Мероприятие", m.text),
            ("Форма завершения", m.form_text),
            ("Ответственные исполнители", m.executors_text),
            ("Сроки исполнения", m.deadline_text),
            ("Предполагаемые расходы", m.costs_text),
            (tr(lang, "Forms"), "; ".join(m.forms)),
            (tr(lang, "Deadline"), when),
            (tr(lang, "Costs"), tr(lang, "required" if m.costs.required else "none required")),
        ]
        if m.en is not None:
            rows.append((tr(lang, "Measure (en, unofficial)"), m.en.text))
    else:
        r = detail.report
        assert r is not None
        heading = tr(lang, "Report {id} {window}", id=o.id, window=window)
        rows = [
            (tr(lang, "Obligation"), o.title_ru),
            (tr(lang, "Obligation (en)"), r.title_en),
            (tr(lang, "Point {point}", point=r.point), detail.point_text or ""),
            (tr(lang, "Period"), o.period or ""),
            (
                tr(lang, "Deadline"),
                o.deadline.isoformat() if o.deadline else tr(lang, "— (no date in the act)"),
            ),
            (tr(lang, "Recipients"), ", ".join(r.recipients) or "—"),
        ]
    rows.append((tr(lang, "Status"), status))
    for name, value in rows:
        fields.rows.append([name, value])
    executors = Sheet(
        tr(lang, "Executors"),
        (
            Column(tr(lang, "Code"), max_width=16),
            Column(tr(lang, "Alias")),
            Column(tr(lang, "Role")),
            Column(tr(lang, "Name"), ratio=1),
        ),
    )
    if detail.shares:
        executors = Sheet(
            tr(lang, "Executors: each owes its own report"),
            (
                Column(tr(lang, "Code"), max_width=16),
                Column(tr(lang, "Alias")),
                Column(tr(lang, "Status"), status=True),
                Column(tr(lang, "Name"), ratio=1),
            ),
        )
    for agency in data["executors"]:
        name = pick(lang, agency["name"] or "", agency["name_en"])
        if detail.shares:
            share = detail.shares[agency["code"]].status.value
            share_label = status_label(share, lang)
            executors.rows.append([agency["code"], agency["alias"] or "", share_label, name])
            executors.statuses.append(share)
            continue
        role = tr(lang, agency.get("role", "report"))
        if agency["by_agreement"]:
            role += tr(lang, ", by agreement")
        executors.rows.append([agency["code"], agency["alias"] or "", role, name])
    history = Sheet(
        tr(lang, "Progress"),
        (
            Column(tr(lang, "On")),
            Column(tr(lang, "Status"), status=True),
            Column(tr(lang, "By")),
            Column(tr(lang, "Evidence"), ratio=1),
            Column(tr(lang, "Note"), ratio=1),
        ),
        empty=tr(lang, "No progress recorded."),
    )
    for record in detail.history:
        history.rows.append(
            [
                record.on.isoformat(),
                status_label(record.status.value, lang),
                record.by or "",
                record.evidence or "",
                record.note or "",
            ]
        )
        history.statuses.append(record.status.value)
    blocks: list[Sheet | str] = [fields, executors, history]
    if detail.later_records:
        blocks.append(
            tr(
                lang,
                "{n} later record(s), after {date}, not counted.",
                n=detail.later_records,
                date=detail.as_of,
            )
        )
    return Page(heading, blocks)


def _agency_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column(tr(lang, "Code"), max_width=16),
        Column(tr(lang, "Alias")),
        Column(tr(lang, "Lead"), right=True),
        Column(tr(lang, "Co"), right=True),
        Column(tr(lang, "By agr."), right=True),
        Column(tr(lang, "Reports"), right=True),
        Column(tr(lang, "Overdue"), right=True),
        Column(tr(lang, "Name"), ratio=1),
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
    heading = tr(lang, "Agencies {window}", window=_window(report.as_of, report.horizon, lang))
    legend = tr(
        lang,
        "Lead, Co: measures it leads, co-executes; By agr.: measures it takes part in by "
        "agreement; Reports: reporting obligations it owes; Overdue: of all these, overdue.",
    )
    return Page(heading, [legend, sheet])


def agency_page(report: AgencyDuties, lang: Lang = "en") -> Page:
    a = report.agency
    every = report.lead + report.co + report.reports
    heading = f"{a.code} ({a.alias}) {_window(report.as_of, report.horizon, lang)}"
    return Page(
        heading,
        [
            f"{pick(lang, a.expansion, a.name_en)}: {_counts(every, lang)}.",
            _item_sheet(tr(lang, "Measures it leads ({n})", n=len(report.lead)), report.lead, lang),
            _item_sheet(
                tr(lang, "Measures it co-executes ({n})", n=len(report.co)), report.co, lang
            ),
            _item_sheet(
                tr(lang, "Reports it owes ({n})", n=len(report.reports)), report.reports, lang
            ),
        ],
    )


# --- flat rows for CSV ---------------------------------------------------------------------

ITEM_FIELDS = (
    "kind",
    "id",
    "number",
    "status",
    "deadline",
    "deadline_text",
    "start",
    "period",
    "days_overdue",
    "days_late",
    "done_on",
    "evidence",
    "lead",
    "executors",
    "title",
    "title_ru",
)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _flatten(value: Any, prefix: str, out: list[list[str]]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{prefix}.{key}" if prefix else key, out)
    elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
        for i, inner in enumerate(value):
            _flatten(inner, f"{prefix}[{i}]", out)
    else:
        out.append([prefix, _cell(value)])


def csv_rows(report: Report, lang: Lang = "en") -> list[list[str]]:
    data = report.as_json(lang)
    if isinstance(report, ItemList):
        return [list(ITEM_FIELDS)] + [
            [_cell(item.get(key)) for key in ITEM_FIELDS] for item in data["items"]
        ]
    if isinstance(report, AgencyDuties):
        fields = ("role", *ITEM_FIELDS)
        rows = [list(fields)]
        for section in ("lead", "co", "reports"):
            rows += [[_cell(item.get(key)) for key in fields] for item in data[section]]
        return rows
    if isinstance(report, AgencyTable):
        keys = list(data["agencies"][0]) if data["agencies"] else []
        return [keys] + [[_cell(row[key]) for key in keys] for row in data["agencies"]]
    out: list[list[str]] = [["field", "value"]]
    _flatten(data, "", out)
    return out


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
    return json.dumps(report.as_json(output.lang), ensure_ascii=False, indent=2) + "\n"


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
                    Text(cell, style=style if column.status else "")
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
    """The whole output of a report in a format (one of :data:`FORMATS`)."""
    return RENDERERS[fmt](report, output)
