"""What people publish and plan with: ``plan calendar``, ``timeline``, ``report``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InvalidInput
from .app import app
from .options import (
    AgencyOption,
    AsOfOption,
    LangOption,
    OutputFileOption,
    PlanOption,
    ProgressOption,
    check_outputs,
    inputs,
    language,
    out,
    path_option,
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
        path_option(
            "--svg",
            help="Also write a Gantt chart as one SVG picture (text stays text, searchable).",
        ),
    ] = None,
    html: Annotated[
        Path | None,
        path_option(
            "--html",
            help="Also write the Gantt chart as an HTML page that prints on A4 landscape.",
        ),
    ] = None,
) -> None:
    """Show the plan as a Gantt chart: one row per obligation, one column per quarter.

    ◆ marks the quarter an obligation falls due in, ━ a period running (2017 – 2019), │ the
    quarter of the --as-of date; colours and the status column say where each stands as of the
    date. --svg and --html write a Gantt chart drawn to the day: every title in full, a bar per
    period, a marker per deadline (its shape tells the status in grayscale print too), the
    as-of date as a line; the HTML prints on A4 landscape with page numbers.
    """
    import io
    import shutil

    from rich.console import Console

    from ..timeline import build_timeline
    from ..timeline_view import timeline_view

    chosen = language(lang)
    day, loaded, records = inputs(plan, progress, as_of)
    check_outputs(svg, html)  # before the picture is printed
    width = shutil.get_terminal_size((120, 24)).columns
    built = build_timeline(loaded, records, day, agency)
    view = timeline_view(built, width, chosen)
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
    out(buffer.getvalue())
    if svg is not None or html is not None:
        from ..gantt import gantt_html, gantt_svg

        if svg is not None:
            write(gantt_svg(built, chosen).encode("utf-8"), svg)
        if html is not None:
            write(gantt_html(built, chosen).encode("utf-8"), html)


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


class SubmissionFormat(str, Enum):
    docx = "docx"
    xlsx = "xlsx"
    markdown = "markdown"


@app.command()
def submission(
    agency: Annotated[
        str,
        typer.Option(
            "--agency",
            help="The agency that sends it: the act's code in any letter case or its Latin "
            "alias (МТСЗН, mtszn).",
            show_default=False,
        ),
    ],
    period: Annotated[
        str,
        typer.Option("--period", help="The half-year: 2017H1 … 2019H2.", show_default=False),
    ],
    output_format: Annotated[
        SubmissionFormat,
        typer.Option("--format", help="docx (Word), xlsx (Excel) or markdown."),
    ] = SubmissionFormat.docx,
    output: OutputFileOption = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    lang: LangOption = None,
) -> None:
    """Draft the half-yearly information an agency sends МВД (point 2.2 of the resolution).

    Addressed to МВД, from the agency, for the half-year, dated the day it is due (the 10th
    of the month after). Its table: every measure the agency leads or co-executes that was due
    or under way in the half-year, or due earlier and not yet done, with its verbatim text,
    deadline, the agency's role, the status at the half-year's end and the progress recorded
    in the half-year with its evidence; where nothing was recorded, a highlighted mark for the
    official to fill in. Russian unless --lang en. docx and xlsx need -o FILE on a terminal.
    """
    import os

    from ..i18n import resolve_lang
    from ..submission import build_submission
    from ..submission_formats import SUBMISSION_FORMATS

    # Russian unless asked otherwise (--lang, PLAN_LANG): it is addressed to МВД
    chosen = resolve_lang(lang, os.environ.get("PLAN_LANG"), "ru")
    _, loaded, records = inputs(plan, progress, "today")
    if output is None and output_format is not SubmissionFormat.markdown and sys.stdout.isatty():
        kind = output_format.value
        raise InvalidInput(f"--format {kind} writes a file: give it with -o FILE.{kind}")
    drafted = build_submission(loaded, records, agency, period)
    write(SUBMISSION_FORMATS[output_format.value](drafted, chosen), output)
