"""Drawing the timeline with Rich: a Gantt-style table for the terminal (``gantt`` draws the
chart that is written to files).

Marks (legible without colour too): ``◆`` the quarter an obligation falls due in, ``━`` a
period running, ``│`` the as-of quarter (``╋`` where a bar crosses it). Colours follow the
status as of the date.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from .i18n import Lang, label, pick, status_label
from .status import Status
from .tables import STATUS_STYLE
from .timeline import Row, Timeline

WIDE, NARROW = 5, 3  # characters per quarter (narrow on a narrow terminal)
STATUS_STYLES: dict[Status, str] = {status: STATUS_STYLE[status.value] for status in Status}
"""The colours of the other tables (``tables.STATUS_STYLE``), most urgent first."""
AS_OF_STYLE = "on grey23"


def _cell(row: Row, index: int, as_of_index: int | None, cell: int) -> str:
    """One quarter of a row, ``cell`` characters: the mark sits in the middle."""
    at_as_of = index == as_of_index
    first, last = row.first, row.last
    side = (cell - 1) // 2
    if last is None or first is None or not first <= index <= last:
        return " " * side + ("│" if at_as_of else " ") + " " * side
    if index == last:
        return ("━" if row.is_period else " ") * side + "◆" + " " * side
    return "━" * side + ("╋" if at_as_of else "━") + "━" * side


def _grid_header(timeline: Timeline, cell: int) -> Text:
    """Two lines over the quarter cells: the year from each first quarter on, then Q1…Q4."""
    years = [" "] * (len(timeline.quarters) * cell)
    quarters = Text()
    for index, (year, quarter) in enumerate(timeline.quarters):
        if quarter == 1:
            years[index * cell : index * cell + 4] = str(year)
        style = "reverse" if index == timeline.as_of_index else ""
        quarters.append(f"Q{quarter}".center(cell), style=style)
    return Text("\n").join([Text("".join(years[: len(timeline.quarters) * cell])), quarters])


def _grid_row(timeline: Timeline, row: Row, cell: int) -> Text:
    style = STATUS_STYLES[row.standing.status]
    text = Text(no_wrap=True)
    for index in range(len(timeline.quarters)):
        piece = _cell(row, index, timeline.as_of_index, cell)
        marked = style if piece.strip(" │") else ""
        as_of = AS_OF_STYLE if index == timeline.as_of_index else ""
        text.append(piece, style=f"{marked} {as_of}".strip())
    return text


def timeline_table(timeline: Timeline, width: int, lang: Lang) -> Table:
    """The grid, fitted to ``width`` columns by shortening the titles (never the quarters)."""
    label_width = max((len(row.label) for row in timeline.rows), default=1)
    lead_width = min(8, max((len(row.lead or "") for row in timeline.rows), default=0))
    lead_width = max(lead_width, len(label("column.lead", lang)))
    status_width = max(len(status_label(s.value, lang)) for s in STATUS_STYLES)
    others = label_width + lead_width + status_width + 4 * 2  # 2 between columns
    cell = WIDE if width - others - len(timeline.quarters) * WIDE >= 24 else NARROW
    grid_width = len(timeline.quarters) * cell
    title_width = max(10, width - others - grid_width)
    table = Table(
        box=box.SIMPLE_HEAD,
        padding=(0, 1),
        collapse_padding=True,
        pad_edge=False,
        show_edge=False,
        header_style="bold",
    )
    table.add_column("#", justify="right", no_wrap=True, width=label_width)
    table.add_column(
        label("column.obligation", lang), no_wrap=True, overflow="ellipsis", width=title_width
    )
    table.add_column(label("column.lead", lang), no_wrap=True, width=lead_width)
    table.add_column(label("column.status", lang), no_wrap=True, width=status_width)
    table.add_column(_grid_header(timeline, cell), no_wrap=True, width=grid_width)
    for row in timeline.rows:
        status = Text(
            status_label(row.standing.status.value, lang),
            style=STATUS_STYLES[row.standing.status],
        )
        table.add_row(
            row.label,
            pick(lang, row.title_ru, row.title_en),
            row.lead or "",
            status,
            _grid_row(timeline, row, cell),
        )
    return table


def timeline_view(timeline: Timeline, width: int, lang: Lang) -> RenderableType:
    as_of = timeline.as_of.isoformat()
    title = Text(
        f"{label('timeline.title', lang)} — {label('timeline.as_of', lang, date=as_of)}",
        style="bold",
    )
    if timeline.as_of_index is not None:
        year, quarter = timeline.quarters[timeline.as_of_index]
        now = f"│ {label('timeline.as_of_mark', lang)} ({year}Q{quarter})"
    else:
        now = ""
    legend = Text(
        f"◆ {label('timeline.deadline_mark', lang)}   ━ {label('timeline.period_bar', lang)}   "
        + now
    )
    statuses = Text("  ").join(
        Text(status_label(status.value, lang), style=style)
        for status, style in STATUS_STYLES.items()
    )
    legend.rstrip()
    return Group(title, Text(), timeline_table(timeline, width, lang), Text(), legend, statuses)
