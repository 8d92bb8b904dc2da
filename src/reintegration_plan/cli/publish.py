"""What people publish and plan with: ``plan calendar``, ``timeline``, ``report``.

Their help is written from the labels (``help.timeline`` …) by :mod:`.help`.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InvalidInput
from .app import app
from .help import PlanCommand
from .options import (
    AgencyOption,
    AsOfOption,
    LangOption,
    OutputFileOption,
    PlanIdOption,
    PlanOption,
    PlansOption,
    ProgressFilesOption,
    ascii_only,
    check_outputs,
    format_for,
    horizon,
    inputs,
    language,
    out,
    path_option,
    terminal_width,
    to_stdout,
    use_color,
    write,
)


class CalendarFormat(str, Enum):
    ics = "ics"


@app.command(cls=PlanCommand)
def calendar(
    agency: AgencyOption = None,
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    from ..ical import calendar_entries, render_ics

    format_for(None, output, CalendarFormat.ics)  # an -o file named .html is refused
    chosen = language(lang)
    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    entries = calendar_entries(loaded, records, day, agency or (), horizon(as_of))
    acts = [p.file.act for p in loaded.plans]
    write(render_ics(entries, day, chosen, acts), output)


@app.command(cls=PlanCommand)
def timeline(
    agency: AgencyOption = None,
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    lang: LangOption = None,
    svg: Annotated[Path | None, path_option("--svg")] = None,
    html: Annotated[Path | None, path_option("--html")] = None,
) -> None:
    from ..timeline import build_timeline

    chosen = language(lang)
    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    check_outputs(svg, html)  # both, before either is written
    built = build_timeline(loaded, records, day, agency or (), horizon(as_of))
    if svg is None and html is None:
        from ..timeline_view import timeline_text, timeline_view

        width = terminal_width()
        view = timeline_view(built, width, chosen, ascii_only())
        out(timeline_text(view, width, use_color()))
        return
    # the files instead of the terminal's chart, as -o FILE writes instead of printing
    from ..gantt import gantt_html, gantt_svg

    if svg is not None:
        write(gantt_svg(built, chosen).encode("utf-8"), svg)
    if html is not None:
        write(gantt_html(built, chosen).encode("utf-8"), html)


class ReportFormat(str, Enum):
    markdown = "markdown"
    html = "html"


@app.command(cls=PlanCommand)
def report(
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    lang: LangOption = None,
    output_format: Annotated[
        ReportFormat | None, typer.Option("--format", case_sensitive=False, show_default=False)
    ] = None,
    output: OutputFileOption = None,
) -> None:
    from ..report import build_report
    from ..report_formats import REPORT_FORMATS

    kind = format_for(output_format, output, ReportFormat.markdown)
    chosen = language(lang)
    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    text = REPORT_FORMATS[kind.value](build_report(loaded, records, day, horizon(as_of)), chosen)
    write(text.encode("utf-8"), output)


class SubmissionFormat(str, Enum):
    docx = "docx"
    xlsx = "xlsx"
    markdown = "markdown"


@app.command(cls=PlanCommand)
def submission(
    agency: Annotated[str, typer.Option("--agency", show_default=False)],
    period: Annotated[str, typer.Option("--period", show_default=False)],
    output_format: Annotated[
        SubmissionFormat | None,
        typer.Option("--format", case_sensitive=False, show_default=False),
    ] = None,
    output: OutputFileOption = None,
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    lang: LangOption = None,
) -> None:
    import os

    from ..i18n import resolve_lang
    from ..submission import build_submissions
    from ..submission_formats import SUBMISSION_FORMATS

    kind = format_for(output_format, output, SubmissionFormat.docx)
    # Russian unless asked otherwise (--lang, PLAN_LANG): it is addressed to МВД
    chosen = resolve_lang(lang, os.environ.get("PLAN_LANG"), "ru")
    _, loaded, records = inputs(plan, progress, "today", plans, plan_id)
    if to_stdout(output) and kind is not SubmissionFormat.markdown and sys.stdout.isatty():
        raise InvalidInput(
            f"--format {kind.value} writes a file: give it with -o FILE.{kind.value}"
        )
    drafted = build_submissions(loaded, records, agency, period)
    write(SUBMISSION_FORMATS[kind.value](drafted, chosen), output)
