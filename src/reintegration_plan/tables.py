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


def _status(item: Item) -> str:
    """The status, and on a second line the days overdue or late."""
    s = item.standing
    if s.days_overdue is not None:
        return f"{s.status.value}\n{s.days_overdue} d"
    if s.days_late is not None:
        return f"{s.status.value}\n{s.days_late} d late"
    return s.status.value


def _what(o: Obligation) -> str:
    return str(o.number) if o.number is not None else "report"


def _title(o: Obligation) -> str:
    return o.title_ru if o.number is not None else f"{o.id}\n{o.title_ru}"


def _deadline(o: Obligation) -> str:
    if o.deadline is None:
        return "— (no date in the act)"
    if o.deadline_text is None:
        return o.deadline.isoformat()
    return f"{o.deadline.isoformat()}\n{o.deadline_text}"


def _lead(o: Obligation) -> str:
    if o.lead is not None:
        return o.lead
    return f"{len(o.executors)} agencies"


def _counts(items: Sequence[Item]) -> str:
    counts = {status: 0 for status in Status}
    for item in items:
        counts[item.standing.status] += 1
    parts = [f"{n} {status.value}" for status, n in counts.items() if n]
    return ", ".join(parts) if parts else "nothing"


ITEM_COLUMNS = (
    Column("Status", status=True),
    Column("No."),
    Column("Deadline"),
    Column("Lead"),
    Column("Title", ratio=1),
)


def _item_sheet(title: str | None, items: Sequence[Item], empty: str = "(none)") -> Sheet:
    sheet = Sheet(title, ITEM_COLUMNS, empty=empty)
    for item in items:
        o = item.obligation
        sheet.rows.append([_status(item), _what(o), _deadline(o), _lead(o), _title(o)])
        sheet.statuses.append(item.standing.status.value)
    return sheet


def _window(as_of: Any, horizon: Any) -> str:
    return f"as of {as_of.isoformat()} (due: through {horizon.isoformat()})"


def due_page(report: ItemList) -> Page:
    whose = f" owed by {report.agency.code}" if report.agency else ""
    heading = f"Obligations{whose} {_window(report.as_of, report.horizon)}"
    sheet = _item_sheet(None, report.items, "Nothing is overdue, due or ongoing.")
    return Page(heading, [f"{_counts(report.items)}.", sheet])


MEASURE_COLUMNS = (
    Column("No.", right=True),
    Column("Status", status=True),
    Column("Deadline"),
    Column("Executors", ratio=1),
    Column("Measure", ratio=2),
)


def measures_page(report: ItemList) -> Page:
    heading = f"Measures {_window(report.as_of, report.horizon)}"
    summary = f"{len(report.items)} measures: {_counts(report.items)}."
    sheet = Sheet(None, MEASURE_COLUMNS, empty="No measure matches.")
    for item in report.items:
        o = item.obligation
        number = o.number or 0
        sheet.rows.append(
            [
                str(number),
                _status(item),
                _deadline(o),
                o.executors_text or "",
                o.title_ru,
            ]
        )
        sheet.statuses.append(item.standing.status.value)
    return Page(heading, [summary, sheet])


def show_page(detail: Detail) -> Page:
    data = detail.as_json()
    o = detail.item.obligation
    status = data["status"]
    if "days_overdue" in data:
        status += f" by {data['days_overdue']} days"
    if "done_on" in data:
        status += f" on {data['done_on']}"
    if "days_late" in data:
        status += f", {data['days_late']} days late"
    fields = Sheet(None, (Column("Field", max_width=26), Column("Value", ratio=1)))
    if detail.measure is not None:
        m = detail.measure
        heading = f"Measure {m.number} {_window(detail.as_of, detail.horizon)}"
        due = o.deadline.isoformat() if o.deadline else ""
        when = f"{o.start.isoformat()} – {due}" if o.start else due
        rows = [
            ("№ п/п", str(m.number)),
            ("Мероприятие", m.text),
            ("Форма завершения", m.form_text),
            ("Ответственные исполнители", m.executors_text),
            ("Сроки исполнения", m.deadline_text),
            ("Предполагаемые расходы", m.costs_text),
            ("Forms", "; ".join(m.forms)),
            ("Deadline", when),
            ("Costs", "required" if m.costs.required else "none required"),
        ]
        if m.en is not None:
            rows.append(("Measure (en, unofficial)", m.en.text))
    else:
        r = detail.report
        assert r is not None
        heading = f"Report {o.id} {_window(detail.as_of, detail.horizon)}"
        rows = [
            ("Obligation", o.title_ru),
            ("Obligation (en)", r.title_en),
            (f"Point {r.point}", detail.point_text or ""),
            ("Period", o.period or ""),
            ("Deadline", o.deadline.isoformat() if o.deadline else "— (no date in the act)"),
            ("Recipients", ", ".join(r.recipients) or "—"),
        ]
    rows.append(("Status", status))
    for name, value in rows:
        fields.rows.append([name, value])
    executors = Sheet(
        "Executors",
        (
            Column("Code", max_width=16),
            Column("Alias"),
            Column("Role"),
            Column("Name", ratio=1),
        ),
    )
    if detail.shares:
        executors = Sheet(
            "Executors: each owes its own report",
            (
                Column("Code", max_width=16),
                Column("Alias"),
                Column("Status", status=True),
                Column("Name", ratio=1),
            ),
        )
    for agency in data["executors"]:
        if detail.shares:
            share = detail.shares[agency["code"]].status.value
            executors.rows.append([agency["code"], agency["alias"] or "", share, agency["name"]])
            executors.statuses.append(share)
            continue
        role = agency.get("role", "report")
        if agency["by_agreement"]:
            role += ", by agreement"
        executors.rows.append([agency["code"], agency["alias"] or "", role, agency["name"] or ""])
    history = Sheet(
        "Progress",
        (
            Column("On"),
            Column("Status", status=True),
            Column("By"),
            Column("Evidence", ratio=1),
            Column("Note", ratio=1),
        ),
        empty="No progress recorded.",
    )
    for record in detail.history:
        history.rows.append(
            [
                record.on.isoformat(),
                record.status.value,
                record.by or "",
                record.evidence or "",
                record.note or "",
            ]
        )
        history.statuses.append(record.status.value)
    blocks: list[Sheet | str] = [fields, executors, history]
    if detail.later_records:
        blocks.append(f"{detail.later_records} later record(s), after {detail.as_of}, not counted.")
    return Page(heading, blocks)


AGENCY_COLUMNS = (
    Column("Code", max_width=16),
    Column("Alias"),
    Column("Lead", right=True),
    Column("Co", right=True),
    Column("By agr.", right=True),
    Column("Reports", right=True),
    Column("Overdue", right=True),
    Column("Name", ratio=1),
)


def agencies_page(report: AgencyTable) -> Page:
    sheet = Sheet(None, AGENCY_COLUMNS)
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
                a.expansion,
            ]
        )
    heading = f"Agencies {_window(report.as_of, report.horizon)}"
    legend = (
        "Lead, Co: measures it leads, co-executes; By agr.: measures it takes part in by "
        "agreement; Reports: reporting obligations it owes; Overdue: of all these, overdue."
    )
    return Page(heading, [legend, sheet])


def agency_page(report: AgencyDuties) -> Page:
    a = report.agency
    every = report.lead + report.co + report.reports
    heading = f"{a.code} ({a.alias}) {_window(report.as_of, report.horizon)}"
    return Page(
        heading,
        [
            f"{a.expansion}: {_counts(every)}.",
            _item_sheet(f"Measures it leads ({len(report.lead)})", report.lead),
            _item_sheet(f"Measures it co-executes ({len(report.co)})", report.co),
            _item_sheet(f"Reports it owes ({len(report.reports)})", report.reports),
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


def csv_rows(report: Report) -> list[list[str]]:
    data = report.as_json()
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


def page_of(report: Report) -> Page:
    """The human view of a report."""
    if isinstance(report, ItemList):
        return due_page(report) if report.view == "due" else measures_page(report)
    if isinstance(report, Detail):
        return show_page(report)
    if isinstance(report, AgencyTable):
        return agencies_page(report)
    return agency_page(report)


def render_json(report: Report, output: Output) -> str:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2) + "\n"


def render_csv(report: Report, output: Output) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(csv_rows(report))
    return buffer.getvalue()


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def render_markdown(report: Report, output: Output) -> str:
    built = page_of(report)
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

    built = page_of(report)
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
