"""Drawing the timeline with Rich: a Gantt-style chart for the terminal (``gantt`` draws the
chart that is written to files).

Marks (legible without colour too): ``◆`` the quarter an obligation falls due in, ``━`` a
period running, ``│`` the as-of quarter (``╋`` where a bar crosses it); in ASCII ``*``, ``=``,
``|`` and ``+``. Colours follow the status as of the date.

At any width the chart keeps the quarters whole and the year labels whole ("2020"), and gives
the titles what is left: a quarter is 5 characters wide when the titles still get
:data:`MIN_TITLE`, else 3, else 2 (the quarters then numbered 1 2 3 4 under the years); on a
very narrow terminal the lead column goes, then the status column, before the titles would get
less than :data:`MIN_TITLE_NARROW`. Plans loaded together may span more years than that fits
(2012 to 2027): a quarter is then 1 character (a year's label over every other year), and
when even that is too wide the chart shows the quarters around the as-of date that fit and
says which are left out (:func:`window`), never a grid cut at the terminal's edge.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace

from rich.console import Console, Group, RenderableType
from rich.text import Text

from .deadlines import quarter_end
from .i18n import Lang, act_name, date_short, label, period_phrase, pick, status_label, texts_note
from .obligations import heading, short_name, translated
from .status import Status
from .tables import STATUS_STYLE, Names
from .timeline import Row, Timeline

CELLS = (5, 3, 2)  # characters per quarter, widest first
MIN_TITLE = 24  # the titles' width below which the quarters get narrower
MIN_TITLE_NARROW = 12  # the titles' width below which the lead, then the status column goes
STATUS_STYLES: dict[Status, str] = {status: STATUS_STYLE[status.value] for status in Status}
"""The colours of the other tables (``tables.STATUS_STYLE``), most urgent first."""
AS_OF_STYLE = "on grey23"


@dataclass(frozen=True)
class Marks:
    deadline: str
    bar: str
    as_of: str
    crossing: str
    rule: str
    more: str  # a title cut short ends with it


UNICODE_MARKS = Marks("◆", "━", "│", "╋", "─", "…")
ASCII_MARKS = Marks("*", "=", "|", "+", "-", "...")


@dataclass(frozen=True)
class Widths:
    """The chart's columns at a width: which are shown and how wide."""

    number: int
    title: int
    lead: int  # 0: not shown
    status: int  # 0: not shown
    cell: int
    grid: int


def _grid_width(timeline: Timeline, cell: int) -> int:
    """The quarters, and room for the last year's label to be whole."""
    last_year = max(
        (i for i, (_, quarter) in enumerate(timeline.quarters) if quarter == 1), default=0
    )
    return max(len(timeline.quarters) * cell, last_year * cell + 4)


def _title_width(
    timeline: Timeline, width: int, number: int, cell: int, lead: int = 0, status: int = 0
) -> int:
    """What the titles get at ``cell`` characters a quarter, with these columns."""
    others = number + _grid_width(timeline, cell) + (lead + 1 if lead else 0)
    return width - others - (status + 1 if status else 0) - 2  # a space after # and title


def fit(timeline: Timeline, width: int, number: int, lead: int, status: int) -> Widths:
    """The widest quarters that leave the titles :data:`MIN_TITLE` (else the narrowest), then
    the lead and status columns while the titles keep :data:`MIN_TITLE_NARROW`; quarters of
    1 character only when those of 2 would leave the titles less than that without either
    column."""

    def title(cell: int, lead: int, status: int) -> int:
        return _title_width(timeline, width, number, cell, lead, status)

    cell = next((c for c in CELLS if title(c, lead, status) >= MIN_TITLE), CELLS[-1])
    if title(cell, 0, 0) < MIN_TITLE_NARROW:
        cell = 1
    if title(cell, lead, status) < MIN_TITLE_NARROW:
        lead = 0
    if title(cell, lead, status) < MIN_TITLE_NARROW:
        status = 0
    grid = _grid_width(timeline, cell)
    return Widths(number, max(1, title(cell, lead, status)), lead, status, cell, grid)


def window(timeline: Timeline, width: int) -> tuple[Timeline, int, int]:
    """The timeline with the quarters that fit ``width`` at 1 character each, when not all of
    them do (the titles keeping :data:`MIN_TITLE_NARROW`): as many as fit, the as-of quarter a
    third of the way in (or the first or last ones, when the date is before or after them all);
    with how many quarters are left out before them and after them."""
    number = _number_width(timeline)
    room = width - number - 2 - MIN_TITLE_NARROW
    total = len(timeline.quarters)
    if _title_width(timeline, width, number, 1) >= MIN_TITLE_NARROW or room < 4:
        return timeline, 0, 0
    at = timeline.as_of_index
    if at is None:
        at = (
            total
            if timeline.quarters and timeline.as_of > quarter_end(*timeline.quarters[-1])
            else 0
        )
    first = max(0, min(at - room // 3, total - room))
    last = first + room  # the quarters first … last - 1

    def shifted(index: int | None) -> int | None:
        return None if index is None else index - first

    rows = tuple(replace(r, first=shifted(r.first), last=shifted(r.last)) for r in timeline.rows)
    as_of = timeline.as_of_index
    return (
        replace(
            timeline,
            quarters=timeline.quarters[first:last],
            as_of_index=as_of - first if as_of is not None and first <= as_of < last else None,
            rows=rows,
        ),
        first,
        total - last,
    )


def _number_width(timeline: Timeline) -> int:
    return max((len(_number(r)) for r in timeline.rows), default=1) or 1


def _number(row: Row) -> str:
    return str(row.obligation.number) if row.kind == "measure" else ""


def _cell(row: Row, index: int, as_of_index: int | None, cell: int, marks: Marks) -> str:
    """One quarter of a row, ``cell`` characters: the mark at the quarter's mark position."""
    at_as_of = index == as_of_index
    first, last = row.first, row.last
    left = (cell - 1) // 2
    right = cell - 1 - left
    if last is None or first is None or not first <= index <= last:
        return " " * left + (marks.as_of if at_as_of else " ") + " " * right
    if index == last:
        return (marks.bar if row.is_period else " ") * left + marks.deadline + " " * right
    return marks.bar * left + (marks.crossing if at_as_of else marks.bar) + marks.bar * right


def _header(timeline: Timeline, widths: Widths) -> tuple[str, Text]:
    """Two lines over the quarters: the years from each first quarter on, then the quarters
    (Q1 … Q4, or 1 … 4 when a quarter is two characters wide)."""
    cell, grid = widths.cell, widths.grid
    years = [" "] * grid
    quarters = Text()
    left = (cell - 1) // 2
    free = 0  # where the next year's label may start: one space after the last one
    for index, (year, quarter) in enumerate(timeline.quarters):
        if quarter == 1 and index * cell >= free:
            years[index * cell : index * cell + 4] = str(year)
            free = index * cell + 5
        name = f"Q{quarter}" if cell >= 3 else str(quarter)
        start = max(0, left - len(name) + 1)
        text = (" " * start + name).ljust(cell)[:cell]
        quarters.append(text, style="reverse" if index == timeline.as_of_index else "")
    return "".join(years).rstrip(), quarters


def _short(text: str, width: int, marks: Marks) -> str:
    """The text in ``width`` characters: cut, with a mark, when longer."""
    if len(text) <= width:
        return text.ljust(width)
    keep = max(0, width - len(marks.more))
    return (text[:keep].rstrip() + marks.more).ljust(width)[:width]


def _title(row: Row, lang: Lang, width: int) -> str:
    """A measure's text; a report's short name (the half-year in it) when it fits ``width``,
    else its heading; what tells apart the rows of one measure or duty (its period, its
    further column) first, so that shortening the title keeps it ("1 пол. 2018: отчет" where
    "Отчет за 1 полугодие 2018 г." does not fit)."""
    o = row.obligation
    text = pick(lang, o.title_ru, o.title_en)
    if o.kind == "measure":
        parts = [o.column_heading] if o.column_heading else []
        if o.occurrence:
            parts.append(period_phrase(o.occurrence, "short", lang))
        return f"{' · '.join(parts)}: {text}" if parts else text
    if not o.period:
        return heading(o, lang)
    named, period = short_name(o, lang), period_phrase(o.period, "short", lang)
    if named == o.local_id:
        return f"{period}: {text[:1].upper()}{text[1:]}"
    shorter = (named, f"{period}: {label('timeline.report', lang)}")
    return next((name for name in shorter if len(name) <= width), period)


def timeline_lines(timeline: Timeline, width: int, lang: Lang, ascii_only: bool) -> list[Text]:
    """The chart, line by line, fitted to ``width`` columns."""
    marks = ASCII_MARKS if ascii_only else UNICODE_MARKS
    names = Names(timeline.glossary, lang)
    numbers = [_number(r) for r in timeline.rows]
    lead_header = label("column.leads_short", lang)
    leads = [names(r.lead) if r.lead else "" for r in timeline.rows]
    status_width = max(len(status_label(s.value, lang)) for s in STATUS_STYLES)
    widths = fit(
        timeline,
        width,
        _number_width(timeline),
        max(len(lead_header), *(len(lead) for lead in leads)),
        max(status_width, len(label("column.status", lang))),
    )

    def line(number: str, title: str, lead: str, status: Text, grid: Text) -> Text:
        text = Text(number.rjust(widths.number) + " " + title + " ", no_wrap=True)
        if widths.lead:
            text.append(lead.ljust(widths.lead) + " ")
        if widths.status:
            status.pad_right(widths.status - len(status))
            text.append(status)
            text.append(" ")
        text.append(grid)
        text.rstrip()
        return text

    years, quarters = _header(timeline, widths)
    total = widths.number + widths.title + widths.grid + 2
    total += sum(w + 1 for w in (widths.lead, widths.status) if w)
    out = [
        line("", " " * widths.title, "", Text(""), Text(years)),
        line(
            "#",
            _short(label("column.obligation", lang), widths.title, marks),
            lead_header,
            Text(label("column.status", lang)),
            quarters,
        ),
        Text(marks.rule * min(width, total)),
    ]
    acts = dict(timeline.plans)
    plan: str | None = None
    for row, number, lead in zip(timeline.rows, numbers, leads, strict=True):
        if acts and row.obligation.plan != plan:  # several plans: a heading before each one's
            plan = row.obligation.plan
            act = acts[plan or ""]
            name = act_name(act.kind.value, act.number, "kind", lang)
            out.append(Text(_short(f"{plan}: {name}", width, marks).rstrip(), style="bold"))
        style = STATUS_STYLES[row.standing.status]
        grid = Text(no_wrap=True)
        for index in range(len(timeline.quarters)):
            piece = _cell(row, index, timeline.as_of_index, widths.cell, marks)
            marked = style if piece.strip(" " + marks.as_of) else ""
            as_of = AS_OF_STYLE if index == timeline.as_of_index else ""
            grid.append(piece, style=f"{marked} {as_of}".strip())
        status = Text(status_label(row.standing.status.value, lang), style=style)
        title = _short(_title(row, lang, widths.title), widths.title, marks)
        out.append(line(number, title, lead, status, grid))
    return out


def timeline_view(
    timeline: Timeline, width: int, lang: Lang, ascii_only: bool = False
) -> RenderableType:
    marks = ASCII_MARKS if ascii_only else UNICODE_MARKS
    whole = timeline
    timeline, before, after = window(timeline, width)
    as_of = date_short(timeline.as_of, lang)
    dash = "-" if ascii_only else "—"
    title = Text(
        f"{label('timeline.title', lang)} {dash} {label('timeline.as_of', lang, date=as_of)}",
        style="bold",
    )
    legend = Text(
        f"{marks.deadline} {label('timeline.deadline_mark', lang)}   "
        f"{marks.bar} {label('timeline.period_bar', lang)}"
    )
    if timeline.as_of_index is not None:
        year, quarter = timeline.quarters[timeline.as_of_index]
        now = period_phrase(f"{year}Q{quarter}", "short", lang)  # "3 кв. 2018", as people write
        legend.append(f"   {marks.as_of} {label('timeline.as_of_mark', lang)} ({now})")
    statuses = Text("  ").join(
        Text(status_label(status.value, lang), style=style)
        for status, style in STATUS_STYLES.items()
    )
    parts: list[RenderableType] = [
        title,
        Text(),
        *timeline_lines(timeline, width, lang, ascii_only),
        Text(),
        legend,
        statuses,
    ]
    if before or after:
        parts += [Text(), Text(_left_out(whole, before, after, width, lang))]
    note = texts_note((translated(row.obligation) for row in timeline.rows), lang)
    if note is not None:
        parts += [Text(), Text(note)]
    return Group(*parts)


def _left_out(timeline: Timeline, before: int, after: int, width: int, lang: Lang) -> str:
    """What the chart leaves out at this width, and how to see it."""
    quarters = timeline.quarters
    sides = []
    if before:
        year, quarter = quarters[before]
        sides.append(
            label(
                "timeline.left_before",
                lang,
                quarter=period_phrase(f"{year}Q{quarter}", "short", lang),
            )
        )
    if after:
        year, quarter = quarters[-after - 1]
        sides.append(
            label(
                "timeline.left_after",
                lang,
                quarter=period_phrase(f"{year}Q{quarter}", "short", lang),
            )
        )
    which = f" {label('timeline.left_and', lang)} ".join(sides)
    return label("timeline.left_out", lang, which=which, width=width)


def timeline_text(view: RenderableType, width: int, color: bool) -> str:
    """The chart as the terminal shows it: ANSI colours only when ``color``, no trailing
    spaces."""
    buffer = io.StringIO()
    Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        legacy_windows=False,
    ).print(view)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())
