"""What people publish and plan with: ``plan calendar``, ``timeline``, ``report``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .options import (
    AgencyOption,
    AsOfOption,
    LangOption,
    OutputFileOption,
    PlanOption,
    ProgressOption,
    inputs,
    language,
    use_color,
    write,
)


@app.command()
def calendar(
    agency: AgencyOption = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    """Write an iCalendar (RFC 5545) file of every dated obligation, for calendar apps.

    One all-day event per measure deadline, half-yearly report and the consolidated report
    (37; the annual evaluation has no date). Each event's UID is fixed
    (measure-5@reintegration-plan.kz-912-2016), so importing a newer file updates the events
    instead of duplicating them; its stamp is the --as-of date, so the same inputs give the
    same bytes. Events done as of the date (from the progress file) start with "[done]" and
    carry X-PLAN-STATUS:done and X-PLAN-COMPLETED; cancelled ones have STATUS:CANCELLED.
    """
    from ..ical import calendar_entries, render_ics

    chosen = language(lang)
    day, loaded, records = inputs(plan, progress, as_of)
    entries = calendar_entries(loaded, records, day, agency)
    write(render_ics(entries, day, chosen), output)


@app.command()
def timeline(
    agency: AgencyOption = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    lang: LangOption = None,
    svg: Annotated[
        Path | None,
        typer.Option("--svg", help="Also write the picture as an SVG file.", show_default=False),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write the picture as an HTML file.", show_default=False),
    ] = None,
) -> None:
    """Show the plan as a Gantt chart: one row per obligation, one column per quarter.

    ◆ marks the quarter an obligation falls due in, ━ a period running (2017 – 2019), │ the
    quarter of the --as-of date; colours and the status column say where each stands as of the
    date. --svg and --html write the same picture, in colour, to files.
    """
    import io
    import shutil

    from rich.console import Console

    from ..i18n import label
    from ..timeline import build_timeline
    from ..timeline_view import export, timeline_view

    chosen = language(lang)
    day, loaded, records = inputs(plan, progress, as_of)
    width = shutil.get_terminal_size((120, 24)).columns
    view = timeline_view(build_timeline(loaded, records, day, agency), width, chosen)
    color = use_color()
    buffer = io.StringIO()
    Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        highlight=False,
        legacy_windows=False,
    ).print(view)
    sys.stdout.write(buffer.getvalue())
    title = f"{label('timeline.title', chosen)} — {day.isoformat()}"
    for what, path in (("svg", svg), ("html", html)):
        if path is not None:
            write(export(view, width, what, title).encode("utf-8"), path)


class ReportFormat(str, Enum):
    markdown = "markdown"
    html = "html"


@app.command()
def report(
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    lang: LangOption = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option("--format", help="markdown, or html: one standalone, printable page."),
    ] = ReportFormat.markdown,
    output: OutputFileOption = None,
) -> None:
    """The progress report to publish, as of a date (measure 30 of the plan).

    Headline counts by status (the obligations of `plan due --all`), a table per agency, the
    overdue obligations with their days overdue, the completed ones with their evidence, and
    the reporting obligations. The HTML is one file: styles inline, no scripts, no external
    assets, readable when printed.
    """
    from ..report import build_report
    from ..report_formats import REPORT_FORMATS

    chosen = language(lang)
    day, loaded, records = inputs(plan, progress, as_of)
    text = REPORT_FORMATS[output_format.value](build_report(loaded, records, day), chosen)
    write(text.encode("utf-8"), output)
