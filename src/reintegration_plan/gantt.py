"""The timeline as a Gantt chart in plain SVG: what ``plan timeline --svg/--html`` writes and
the report opens with.

One row per obligation (the measures in the act's order, then the reporting duties) with its
number and its full title wrapped, and a grid of every quarter from the plan's start to the
quarter of its last deadline. A measure due in a quarter has a light bar over that quarter, a
period a bar over its years, a report a marker on its day; the marker at the deadline has the
status's colour and a shape of its own (so grayscale print still tells them apart), the as-of
date is a line drawn over the bars. The full chart fits the width of A4 landscape; split into
pages (:func:`gantt_pages`), each page repeats the title, the legend and the quarters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .deadlines import quarter_end
from .i18n import (
    Lang,
    date_long,
    date_short,
    label,
    period_phrase,
    pick,
    plural,
    status_label,
    texts_note,
)
from .obligations import heading, short_name, translated, when
from .svg import (
    FONT,
    LOOKS,
    clipped,
    css_string,
    document,
    html_start,
    lines_of_text,
    marker,
    num,
    text,
    text_width,
    wrap,
)
from .timeline import Row, Timeline


@dataclass(frozen=True)
class Layout:
    """Sizes in CSS pixels (96 per inch): A4 landscape's printable width is about 1047."""

    width: float
    number: float  # the number column
    title: float  # the title column (0: none, the compact chart of the report)
    status: float  # the status column (0: none)
    size: float  # font size of the rows
    leading: float
    pad: float  # above and below a row's text
    heading: bool  # the chart's own title on top


FULL = Layout(1040, 34, 430, 92, 10.5, 12.5, 5, True)
"""``plan timeline --svg/--html``: every title in full, on A4 landscape."""
COMPACT = Layout(700, 140, 0, 0, 8.5, 9.5, 1, False)
"""The report's overview, on A4 portrait: the numbers (a report's name), no titles."""

GAP = 8
SAMPLES = ("quarter", "period", "as_of")  # what the legend shows besides the statuses
AXIS = 30  # the years and the quarters
BAND = 15  # above them: the as-of date's label
NOTE = 15  # a line of the notice on the texts' translation, under the title
LINE = "#455a64"


def _fitting(forms: Sequence[str], width: float, size: float, bold: bool = False) -> str:
    """The first of ``forms`` no wider than ``width`` ("" when none is): a label that would
    run into its neighbours is shortened or left out, never drawn over them."""
    return next((form for form in forms if text_width(form, size, bold) <= width), "")


def chart_title(timeline: Timeline, lang: Lang) -> str:
    """The chart's title as of its date: of the Plan, or of the plans its rows come from
    ("планов мероприятий (4 плана)", as the report says)."""
    day = date_long(timeline.as_of, lang)
    plans = {row.obligation.plan for row in timeline.rows if row.obligation.plan}
    if len(plans) > 1:
        return label(
            "gantt.title_plans", lang, plans=plural("plural.plan", len(plans), lang), date=day
        )
    return label("gantt.title", lang, date=day)


def _x_of(day: dt.date, quarters: Sequence[tuple[int, int]], x0: float, cell: float) -> float:
    """Where the end of ``day`` falls on the grid (the right edge of a quarter's last day)."""
    for index, (year, q) in enumerate(quarters):
        end = quarter_end(year, q)
        start = dt.date(year, 3 * q - 2, 1)
        if start <= day <= end:
            share = ((day - start).days + 1) / ((end - start).days + 1)
            return x0 + (index + share) * cell
    return x0 if day < dt.date(*quarters[0], 1) else x0 + len(quarters) * cell


class _Chart:
    def __init__(self, timeline: Timeline, lang: Lang, layout: Layout) -> None:
        self.timeline, self.lang, self.layout = timeline, lang, layout
        lay = layout
        self.x_title = lay.number + GAP
        self.x_status = self.x_title + (lay.title + GAP if lay.title else 0)
        self.x0 = self.x_status + (lay.status + GAP if lay.status else 0)
        self.cell = (lay.width - self.x0 - 4) / len(timeline.quarters)
        # under the chart's own title, what its English texts are (the report says it itself)
        note = texts_note((translated(r.obligation) for r in timeline.rows), lang)
        self.note = wrap(note, lay.width, lay.size) if note and lay.heading else []

    # --- sizes ---

    def plan_prefix(self, row: Row) -> str:
        """Several plans: the row's plan (``№ 912: ``, or its id when the number is not its
        own), before its title, or its number where there is no title."""
        plan = row.obligation.plan
        if plan is None:
            return ""
        name = self.timeline.plan_name(plan)
        return f"{plan if name == plan else label('message.plan_number', self.lang, number=name)}: "

    def title_lines(self, row: Row) -> list[str]:
        lay = self.layout
        if lay.title:
            text = self.plan_prefix(row) + heading(row.obligation, self.lang)
            return wrap(text, lay.title, lay.size)
        return []

    def number_lines(self, row: Row) -> list[str]:
        """The measure's number; a report's name only where no title says it. Without titles
        (the report's compact chart), one line that tells the rows apart: the measure's number
        with its period ("1.7 (1 кв. 2012)"), a report's name or its period first ("июль 2013:
        Сводную информацию…"), cut to the column."""
        lay, o = self.layout, row.obligation
        if lay.title:
            return (
                [] if o.number is None else wrap(short_name(o, self.lang), lay.number - 2, lay.size)
            )
        prefix = self.plan_prefix(row)  # several plans: whose row it is
        bold = o.number is not None
        name = short_name(o, self.lang)
        if o.kind == "measure":
            which = when(o, self.lang)
            if o.deadline and text_width(prefix + name + which, lay.size, bold) > lay.number - 2:
                # a column's long heading ("Срок представления: Прави тельство: июль") cut
                # left the rows of one measure alike; its date tells them apart
                which = f" ({date_short(o.deadline, self.lang)})" if which else ""
            name += which
        elif name == o.local_id:
            name = heading(o, self.lang)
            if o.period:
                title = pick(self.lang, o.title_ru, o.title_en)
                name = (
                    f"{period_phrase(o.period, 'short', self.lang)}: {title[:1].upper()}{title[1:]}"
                )
        if o.period and text_width(prefix + name, lay.size, bold) > lay.number - 2:
            # a cut name would lose its period, the one thing telling a plan's reports apart
            short = period_phrase(o.period, "short", self.lang)
            if not name.startswith(short):
                name = f"{short}: {name}"
        return [clipped(prefix + name, lay.number - 2, lay.size, bold=bold)]

    def status_lines(self, row: Row) -> list[str]:
        if not self.layout.status:
            return []
        s = row.standing
        lines = wrap(status_label(s.status.value, self.lang), self.layout.status, self.layout.size)
        if s.days_overdue is not None:
            lines.append(label("message.days_short", self.lang, days=s.days_overdue))
        return lines

    def row_height(self, row: Row) -> float:
        lay = self.layout
        count = max(len(self.title_lines(row)), len(self.number_lines(row)), 1)
        count = max(count, len(self.status_lines(row)))
        return count * lay.leading + 2 * lay.pad

    def legend_entries(self) -> list[tuple[str, str]]:
        """(a status, or a sample: quarter, period, as_of; its words) in reading order. The
        two statuses easily confused, and the undated, say what they mean."""
        lang = self.lang
        entries: list[tuple[str, str]] = []
        for status in LOOKS:
            if status in ("in_progress", "ongoing", "undated"):
                entries.append((status, label(f"gantt.legend.{status}", lang)))
            else:
                entries.append((status, status_label(status, lang)))
        entries += [(sample, label(f"gantt.sample.{sample}", lang)) for sample in SAMPLES]
        return entries

    def legend_layout(self) -> list[list[tuple[str, str, float]]]:
        """Legend entries placed on lines across the width: (what, words, x)."""
        size = self.layout.size
        lines: list[list[tuple[str, str, float]]] = [[]]
        x = 0.0
        for what, words in self.legend_entries():
            sample = 30 if what in SAMPLES else 14
            needed = sample + text_width(words, size) + 16
            if x and x + needed > self.layout.width:
                lines.append([])
                x = 0.0
            lines[-1].append((what, words, x))
            x += needed
        return lines

    def header_height(self) -> float:
        top = 22.0 + NOTE * len(self.note) if self.layout.heading else 0.0
        return top + len(self.legend_layout()) * 16 + 6 + BAND + AXIS

    # --- drawing ---

    def heading_text(self) -> str:
        return chart_title(self.timeline, self.lang)

    def draw_header(self) -> tuple[list[str], float]:
        lay, out = self.layout, []
        y = 0.0
        if lay.heading:
            out.append(text(0, 15, self.heading_text(), size=14, bold=True))
            y = 22
            for words in self.note:
                out.append(text(0, y + lay.size, words, size=lay.size, fill="#333", css="note"))
                y += NOTE
        for line in self.legend_layout():
            for what, words, x in line:
                middle = y + 8
                if what in SAMPLES:
                    out += self.legend_sample(what, x, middle)
                    out.append(text(x + 30, middle + 3.5, words, size=lay.size))
                else:
                    out.append(marker(what, x + 6, middle, 4.5))
                    out.append(text(x + 14, middle + 3.5, words, size=lay.size))
            y += 16
        y += 6 + BAND
        out += self.draw_axis(y)
        return out, y + AXIS

    def legend_sample(self, what: str, x: float, middle: float) -> list[str]:
        if what == "as_of":
            return [
                f'<line x1="{num(x + 12)}" y1="{num(middle - 7)}" x2="{num(x + 12)}" '
                f'y2="{num(middle + 7)}" stroke="#000" stroke-width="2"/>'
            ]
        width = 24 if what == "period" else 12
        return [
            f'<rect x="{num(x)}" y="{num(middle - 4)}" width="{width}" height="8" '
            f'fill="#e0e0e0" stroke="{LINE}" stroke-width="0.75"/>'
        ]

    def quarter_names(self, size: float) -> list[str]:
        """The quarters' names as wide as the cells allow: "III кв." (Q3), else the number
        alone, the same form for all four; none when not even a digit fits (many years)."""
        full = [label(f"gantt.quarter.{q}", self.lang) for q in range(1, 5)]
        for names in (full, [str(q) for q in range(1, 5)]):
            if max(text_width(name, size) for name in names) <= self.cell - 2:
                return names
        return []

    def draw_axis(self, y: float) -> list[str]:
        lay, out = self.layout, []
        quarters = self.timeline.quarters
        size = lay.size - 0.5
        names = self.quarter_names(size)
        for index, (year, q) in enumerate(quarters):
            x = self.x0 + index * self.cell
            if q == 1 or index == 0:
                span = min(4 - q + 1, len(quarters) - index) * self.cell
                year_text = _fitting((str(year), f"{year % 100:02d}"), span - 2, size, bold=True)
                if year_text:
                    out.append(
                        text(x + span / 2, y + 11, year_text, size=size, anchor="middle", bold=True)
                    )
                out.append(
                    f'<line x1="{num(x)}" y1="{num(y)}" x2="{num(x)}" y2="{num(y + AXIS)}" '
                    f'stroke="{LINE}" stroke-width="1"/>'
                )
            if names:
                middle = x + self.cell / 2
                out.append(text(middle, y + 25, names[q - 1], size=size, anchor="middle"))
        if lay.title:
            out.append(
                text(
                    self.x_title,
                    y + 25,
                    label("column.obligation", self.lang),
                    size=size,
                    bold=True,
                )
            )
        if lay.status:
            out.append(
                text(self.x_status, y + 25, label("column.status", self.lang), size=size, bold=True)
            )
        out.append(
            text(
                lay.number - 2,
                y + 25,
                label("column.number", self.lang),
                size=size,
                anchor="end",
                bold=True,
            )
        )
        out.append(
            f'<line x1="0" y1="{num(y + AXIS)}" x2="{num(lay.width)}" y2="{num(y + AXIS)}" '
            f'stroke="{LINE}" stroke-width="1"/>'
        )
        return out

    def draw_row(self, row: Row, y: float, height: float) -> list[str]:
        lay, out = self.layout, []
        top = y + lay.pad + lay.size
        numbers = self.number_lines(row)
        if row.obligation.number is not None:
            out += lines_of_text(
                lay.number - 2,
                top,
                numbers,
                size=lay.size,
                leading=lay.leading,
                anchor="end",
                bold=True,
            )
        else:
            out += lines_of_text(0, top, numbers, size=lay.size, leading=lay.leading)
        out += lines_of_text(
            self.x_title, top, self.title_lines(row), size=lay.size, leading=lay.leading
        )
        look = LOOKS[row.standing.status.value]
        if lay.status:
            out += lines_of_text(
                self.x_status,
                top,
                self.status_lines(row),
                size=lay.size,
                leading=lay.leading,
                fill=look.colour,
            )
        middle = y + lay.pad + min(height - 2 * lay.pad, lay.leading * 1.5) / 2
        out += self.draw_bar(row, middle)
        return out

    def draw_bar(self, row: Row, middle: float) -> list[str]:
        lay = self.layout
        o, quarters = row.obligation, self.timeline.quarters
        look = LOOKS[row.standing.status.value]
        status = row.standing.status.value
        bar = min(10.0, lay.leading - 1)
        r = bar / 2 + 0.5
        if o.deadline is None:
            return [
                marker(status, self.x0 + r + 2, middle, r),
                text(
                    self.x0 + 2 * r + 8,
                    middle + lay.size / 3,
                    label("gantt.no_date", self.lang),
                    size=lay.size,
                    fill=look.colour,
                ),
            ]
        if row.last is None:
            return []  # off the grid: not drawn (the grid spans every deadline of the plan)
        end = _x_of(o.deadline, quarters, self.x0, self.cell)
        out = []
        if o.kind == "measure":
            if o.start is not None:
                start = _x_of(o.start, quarters, self.x0, self.cell) - self.cell / 91
            else:
                start = self.x0 + row.last * self.cell
            start = max(start, self.x0)
            out.append(
                f'<rect x="{num(start)}" y="{num(middle - bar / 2)}" '
                f'width="{num(end - start)}" height="{num(bar)}" fill="{look.bar}" '
                f'stroke="{look.colour}" stroke-width="0.75"/>'
            )
        out.append(marker(status, end, middle, r))
        return out

    def draw_as_of(self, top: float, bottom: float) -> list[str]:
        first, last = self.timeline.quarters[0], self.timeline.quarters[-1]
        as_of = self.timeline.as_of
        if not dt.date(*first, 1) <= as_of <= quarter_end(*last):
            return []
        x = _x_of(as_of, self.timeline.quarters, self.x0, self.cell)
        words = date_short(as_of, self.lang)
        size = self.layout.size - 0.5
        width = text_width(words, size, bold=True) + 6
        return [
            f'<line x1="{num(x)}" y1="{num(top)}" x2="{num(x)}" y2="{num(bottom)}" '
            'stroke="#000" stroke-width="2" class="as-of"/>',
            f'<line x1="{num(x)}" y1="{num(top - AXIS + 14)}" x2="{num(x)}" y2="{num(top)}" '
            'stroke="#000" stroke-width="2"/>',
            f'<rect x="{num(x - width / 2)}" y="{num(top - AXIS - BAND)}" width="{num(width)}" '
            f'height="{BAND - 1}" fill="#000"/>',
            text(x, top - AXIS - 4, words, size=size, anchor="middle", bold=True, fill="#fff"),
        ]

    def draw_grid(self, top: float, bottom: float) -> list[str]:
        out = []
        for index, (_, q) in enumerate(self.timeline.quarters):
            x = self.x0 + index * self.cell
            colour, width = ("#90a4ae", 1) if q == 1 else ("#cfd8dc", 0.75)
            out.append(
                f'<line x1="{num(x)}" y1="{num(top)}" x2="{num(x)}" y2="{num(bottom)}" '
                f'stroke="{colour}" stroke-width="{width}"/>'
            )
        x = self.x0 + len(self.timeline.quarters) * self.cell
        out.append(
            f'<line x1="{num(x)}" y1="{num(top)}" x2="{num(x)}" y2="{num(bottom)}" '
            'stroke="#90a4ae" stroke-width="1"/>'
        )
        return out

    def svg(self, rows: Sequence[Row], offset: int = 0) -> str:
        header, top = self.draw_header()
        shades: list[str] = []
        body: list[str] = []
        y = top
        for n, row in enumerate(rows):
            height = self.row_height(row)
            if (offset + n) % 2 == 1:
                shades.append(
                    f'<rect x="0" y="{num(y)}" width="{num(self.layout.width)}" '
                    f'height="{num(height)}" fill="#f2f5f6"/>'
                )
            body += self.draw_row(row, y, height)
            y += height
        out = [*header, *shades, *self.draw_grid(top, y), *body, *self.draw_as_of(top, y)]
        return document(self.layout.width, y + 2, out, self.heading_text())


def gantt_svg(timeline: Timeline, lang: Lang, layout: Layout = FULL) -> str:
    """The whole chart as one SVG picture."""
    return _Chart(timeline, lang, layout).svg(timeline.rows)


def gantt_pages(
    timeline: Timeline,
    lang: Lang,
    height: float,
    layout: Layout = FULL,
    first: float | None = None,
) -> list[str]:
    """The chart cut between rows into pictures no taller than ``height`` (the first no taller
    than ``first``, when it shares its page), each with the title, the legend and the quarters
    (a row taller than a page gets a page of its own)."""
    chart = _Chart(timeline, lang, layout)
    room = (first or height) - chart.header_height()
    pages: list[list[Row]] = [[]]
    used = 0.0
    for row in timeline.rows:
        need = chart.row_height(row)
        if pages[-1] and used + need > room:
            pages.append([])
            used, room = 0.0, height - chart.header_height()
        pages[-1].append(row)
        used += need
    svgs, offset = [], 0
    for rows in pages:
        svgs.append(chart.svg(rows, offset))
        offset += len(rows)
    return svgs


PAGE_HEIGHT = 680
"""A4 landscape with the page's margins and its running header and footer: about 186 mm of
height for the chart, 703 px at the printable width; kept a little short of it."""


def gantt_html(timeline: Timeline, lang: Lang) -> str:
    """A standalone HTML page of the chart on A4 landscape: one picture per printed page, the
    title, the as-of date and the page number in each page's margin."""
    title = chart_title(timeline, lang)
    pages = gantt_pages(timeline, lang, PAGE_HEIGHT)
    page_label = label("print.page", lang)
    of = label("print.of", lang)
    style = f"""
@page {{
  size: A4 landscape;
  margin: 12mm 10mm 12mm 10mm;
  @top-left {{ content: "{css_string(title)}"; font: 8pt {FONT}; color: #333; }}
  @bottom-right {{ content: "{page_label} " counter(page) " {of} " counter(pages);
    font: 8pt {FONT}; color: #333; }}
}}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ margin: 1rem auto; max-width: 1040px; background: #fff; color: #000; }}
figure {{ margin: 0 0 1.5rem; }}
svg {{ display: block; width: 100%; height: auto; }}
@media print {{
  body {{ margin: 0; max-width: none; }}
  figure {{ margin: 0; break-inside: avoid; }}
  figure + figure {{ break-before: page; }}
}}
""".strip()
    out = html_start(lang, title, style)
    for svg in pages:
        out += ["<figure>", svg, "</figure>"]
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
