"""The query reports as Excel workbooks (``--format xlsx``), for people: typed cells (dates as
dates, numbers as numbers), headers in the chosen language, the header row frozen, an
autofilter, column widths fitted to the texts and long texts wrapped.

CSV is for machines (UTF-8; Excel on a Russian Windows reads it as code page 1251 and garbles
every Cyrillic cell): this is the format to open by double click. openpyxl is imported only
when a workbook is written, so other commands start without it.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .i18n import Lang, label, pick, status_label
from .obligations import heading
from .queries import AgencyDuties, AgencyTable, Detail, Item, ItemList, PlanList
from .query_json import Report
from .tables import Names, also_codes, page_of, written

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

Value = str | int | dt.date | None


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # in characters
    wrap: bool = False
    date: bool = False


@dataclass(frozen=True)
class Table:
    """One worksheet: its name, columns and typed rows."""

    name: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Value]]
    preamble: Sequence[str] = ()  # lines above the table (a document's heading)
    highlight: str | None = None  # a cell with exactly this text is marked for filling in


MAX_WIDTH = 60  # a wrapped column's width, in characters
DATE_FORMAT = {"ru": "DD.MM.YYYY", "en": "D MMMM YYYY"}


def _item_columns(lang: Lang, role: bool) -> list[Column]:
    columns = [Column(label("column.number", lang), 6)]
    if role:
        columns.append(Column(label("column.role", lang), 14))
    columns.extend(
        [
            Column(label("column.status", lang), 14),
            Column(label("column.deadline", lang), 12, date=True),
            Column(label("column.deadline_text", lang), 22, wrap=True),
            Column(label("column.start", lang), 12, date=True),
            Column(label("column.days_overdue", lang), 10),
            Column(label("column.done_on", lang), 12, date=True),
            Column(label("column.days_late", lang), 10),
            Column(label("column.evidence", lang), 30, wrap=True),
            Column(label("column.lead", lang), 14, wrap=True),
            Column(label("column.executors", lang), 30, wrap=True),
            Column(label("column.obligation", lang), MAX_WIDTH, wrap=True),
        ]
    )
    return columns


def _item_row(item: Item, names: Names, role: bool) -> list[Value]:
    o, s, lang = item.obligation, item.standing, names.lang
    done = s.record if s.status.value == "done" else None
    executors = pick(lang, o.executors_text, o.executors_text_en) or names.join(o.executors)
    row: list[Value] = [o.number]
    if role:
        row.append(label(f"role.{item.role}", lang) if item.role else None)
    row.extend(
        [
            status_label(s.status.value, lang),
            o.deadline,
            pick(lang, o.deadline_text, o.deadline_text_en),
            o.start,
            s.days_overdue,
            done.on if done else None,
            s.days_late,
            done.evidence if done else None,
            names(o.lead) if o.lead else None,
            executors,
            heading(o, lang),
        ]
    )
    return row


def _items_table(
    name: str, items: Sequence[Item], names: Names, role: bool = False, scoped: bool = False
) -> Table:
    """The items, with a plan column first when several plans are loaded."""
    rows = [_item_row(item, names, role) for item in items]
    columns = _item_columns(names.lang, role)
    if scoped:
        columns.insert(0, Column(label("column.plan", names.lang), 14))
        rows = [[item.obligation.plan, *row] for item, row in zip(items, rows, strict=True)]
    return Table(name, columns, rows)


def _agencies_table(report: AgencyTable, lang: Lang) -> Table:
    names = Names(report.glossary, lang)  # a body's codes in other plans, as the table says
    columns = [
        Column(label("column.code", lang), 14, wrap=True),
        Column(label("column.alias", lang), 10),
        Column(label("column.lead", lang), 8),
        Column(label("column.co_short", lang), 8),
        Column(label("column.by_agreement_short", lang), 8),
        Column(label("column.reports", lang), 8),
        Column(label("column.overdue_short", lang), 10),
        Column(label("column.name", lang), MAX_WIDTH, wrap=True),
    ]
    rows: list[list[Value]] = [
        [
            r.agency.code,
            r.agency.alias,
            r.lead,
            r.co,
            r.by_agreement,
            r.reports,
            r.overdue,
            pick(lang, r.agency.expansion, r.agency.name_en) + also_codes(r.codes, names),
        ]
        for r in report.rows
    ]
    return Table(label("heading.agencies_sheet", lang), columns, rows)


def _page_tables(report: Detail | PlanList, lang: Lang) -> list[Table]:
    """``plan show`` and ``plan plans``: the page's tables as they read (text), the dates
    typed."""
    page = page_of(report, lang)
    first = "detail" if isinstance(report, Detail) else "plans"
    tables = []
    for n, block in enumerate(b for b in page.blocks if not isinstance(b, str)):
        columns = [Column(c.header, MAX_WIDTH if c.ratio else 16, wrap=True) for c in block.columns]
        rows = [[_typed(cell) for cell in row] for row in block.rows]
        name = block.title or label("column.field", lang)
        tables.append(Table(name if n else label(f"heading.{first}_sheet", lang), columns, rows))
    return tables


DATE_CELLS = ("%Y-%m-%d", "%d.%m.%Y", "%d %B %Y")
"""How a date cell of ``plan show``'s page reads: ISO, and ``i18n.date_short`` in Russian
(01.08.2017) and English (1 August 2017)."""


def _typed(cell: str) -> Value:
    """A cell of ``plan show``'s page: a whole number (the measure's "№ п/п") as a number, a
    date as a date, else the text (a dotted number, 1.7, as written)."""
    if cell.isascii() and cell.isdigit() and len(cell) <= 15 and cell == str(int(cell)):
        return int(cell)
    for form in DATE_CELLS:
        try:
            return dt.datetime.strptime(cell, form).date()
        except ValueError:
            continue
    return cell


def tables_of(report: Report, lang: Lang) -> list[Table]:
    """The report's worksheets, as plain data (tested without opening a workbook)."""
    if isinstance(report, ItemList):
        names = Names(report.glossary, lang)
        name = label(f"heading.{report.view}_sheet", lang)
        return [_items_table(name, report.items, names, scoped=report.scoped)]
    if isinstance(report, AgencyDuties):
        every = [*report.lead, *report.co, *report.reports]
        names = Names(report.glossary, lang)
        agency = written(report.agency, lang)
        return [_items_table(agency, every, names, role=True, scoped=report.scoped)]
    if isinstance(report, AgencyTable):
        return [_agencies_table(report, lang)]
    return _page_tables(report, lang)


def _sheet_name(name: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique."""
    clean = "".join("_" if c in "[]:*?/\\" else c for c in name)[:31] or "Sheet"
    candidate, n = clean, 2
    while candidate in taken:
        candidate = f"{clean[:28]} {n}"
        n += 1
    taken.add(candidate)
    return candidate


def _fill(sheet: Worksheet, table: Table, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for line in table.preamble:
        sheet.append([line])
    if table.preamble:
        sheet.append([])
        sheet["A1"].font = Font(bold=True, size=12)
    header = len(table.preamble) + 2 if table.preamble else 1
    sheet.append([c.header for c in table.columns])
    for row in table.rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows():
        for cell in cells:
            if cell.data_type == "f":  # a text that starts with "=" is a text, never a formula
                cell.data_type = "s"
    bold, grey = Font(bold=True), PatternFill("solid", fgColor="ECEFF1")
    yellow = PatternFill("solid", fgColor="FFF59D")
    for cell in sheet[header]:
        cell.font, cell.fill = bold, grey
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        for (cell,) in sheet.iter_rows(
            min_row=header + 1, min_col=index, max_col=index, max_row=sheet.max_row
        ):
            cell.alignment = Alignment(wrap_text=column.wrap, vertical="top")
            if column.date or isinstance(cell.value, dt.date):  # every date as officials write it
                cell.number_format = DATE_FORMAT[lang]
            if table.highlight is not None and cell.value == table.highlight:
                cell.fill = yellow
    sheet.freeze_panes = f"A{header + 1}"
    if table.rows:
        last = get_column_letter(len(table.columns))
        sheet.auto_filter.ref = f"A{header}:{last}{header + len(table.rows)}"


def workbook_bytes(report: Report, lang: Lang) -> bytes:
    """The report as an .xlsx workbook."""
    return write_workbook(tables_of(report, lang), lang)


def write_workbook(tables: Sequence[Table], lang: Lang) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    taken: set[str] = set()
    first = True
    for table in tables:
        sheet = book.active if first and book.active is not None else book.create_sheet()
        first = False
        sheet.title = _sheet_name(table.name, taken)
        _fill(sheet, table, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return deterministic(buffer.getvalue(), stamp_properties=True)


def deterministic(data: bytes, *, stamp_properties: bool = False) -> bytes:
    """The same file for the same inputs: the zip entries' times are fixed, and (openpyxl
    stamps the clock there) the document properties' too."""
    import re
    import zipfile

    fixed = (2000, 1, 1, 0, 0, 0)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if stamp_properties and info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>2000-01-01T00:00:00Z",
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, fixed)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, content)
    return out.getvalue()
