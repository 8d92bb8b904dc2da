"""The daily questions: ``plan due``, ``measures``, ``show``, ``agencies``, ``agency``, and
``plan plans``, the plans loaded.

Their help is written from the labels (``help.due`` …) by :mod:`.help`, in the user's language.
"""

from __future__ import annotations

from typing import Annotated

import typer

from .app import app
from .help import PlanCommand
from .options import (
    AgencyOption,
    AsOfOption,
    FormatOption,
    LangOption,
    OutputFileOption,
    OutputFormat,
    PlanIdOption,
    PlanOption,
    PlansOption,
    ProgressFilesOption,
    TargetArgument,
    emit,
    format_for,
    horizon,
    inputs,
    today,
)


@app.command(cls=PlanCommand)
def due(
    agency: AgencyOption = None,
    within: Annotated[str | None, typer.Option("--within", show_default=False)] = None,
    include_all: Annotated[bool, typer.Option("--all")] = False,
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = None,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    chosen = format_for(output_format, output, OutputFormat.table)
    from ..queries import due as due_report

    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    end = horizon(as_of, within)
    report = due_report(
        loaded, records, day, window_end=end, agencies=agency or (), include_all=include_all
    )
    emit(report, chosen, lang, output)


@app.command(cls=PlanCommand)
def measures(
    agency: AgencyOption = None,
    role: Annotated[str, typer.Option("--role")] = "any",
    deadline: Annotated[str | None, typer.Option("--deadline", show_default=False)] = None,
    form: Annotated[str | None, typer.Option("--form", show_default=False)] = None,
    search: Annotated[str | None, typer.Option("--search", show_default=False)] = None,
    status: Annotated[list[str] | None, typer.Option("--status", show_default=False)] = None,
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = None,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    chosen = format_for(output_format, output, OutputFormat.table)
    from ..inputs import deadline_range, parse_statuses
    from ..queries import measures as measures_report

    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    report = measures_report(
        loaded,
        records,
        day,
        agencies=agency or (),
        role=role,
        deadline=deadline_range(deadline, today()) if deadline is not None else None,
        form=form,
        search=search,
        statuses=parse_statuses(status or ()),
        window_end=horizon(as_of),
    )
    emit(report, chosen, lang, output)


@app.command(cls=PlanCommand)
def show(
    target: TargetArgument,
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = None,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    chosen = format_for(output_format, output, OutputFormat.table)
    from ..queries import show as show_report

    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    emit(show_report(loaded, records, day, target, horizon(as_of)), chosen, lang, output)


@app.command(cls=PlanCommand)
def agencies(
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = None,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    chosen = format_for(output_format, output, OutputFormat.table)
    from ..queries import agency_table

    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    emit(agency_table(loaded, records, day, horizon(as_of)), chosen, lang, output)


@app.command(cls=PlanCommand)
def agency(
    code: Annotated[str, typer.Argument(metavar="AGENCY", show_default=False)],
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = None,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    chosen = format_for(output_format, output, OutputFormat.table)
    from ..queries import agency_duties

    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    duties = agency_duties(loaded, records, day, code, horizon(as_of))
    emit(duties, chosen, lang, output)


@app.command(cls=PlanCommand)
def plans(
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressFilesOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = None,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    chosen = format_for(output_format, output, OutputFormat.table)
    from ..queries import plan_list

    day, loaded, records = inputs(plan, progress, as_of, plans, plan_id)
    emit(plan_list(loaded, records, day, horizon(as_of)), chosen, lang, output)
