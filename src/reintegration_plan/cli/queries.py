"""The daily questions: ``plan due``, ``measures``, ``show``, ``agencies``, ``agency``."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import app
from .options import (
    AgencyOption,
    AsOfOption,
    FormatOption,
    LangOption,
    OutputFileOption,
    OutputFormat,
    PlanOption,
    ProgressOption,
    TargetArgument,
    emit,
    inputs,
)


@app.command()
def due(
    agency: AgencyOption = None,
    within: Annotated[
        str | None,
        typer.Option(
            "--within",
            help="Count as due what falls due within this window from the date (30d, 2w, 2m, "
            "1q, 1y) instead of by the end of its quarter.",
            show_default=False,
        ),
    ] = None,
    include_all: Annotated[
        bool,
        typer.Option("--all", help="Also list upcoming, undated, done and cancelled obligations."),
    ] = False,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    """What is overdue, due and ongoing as of a date, most urgent first.

    Lists the plan's measures and the resolution's reporting obligations; with --agency, only
    what that agency owes (measures it leads or co-executes, and the reports that apply to it).

    \b
    Deadline rules:
      - a quarter ("2 квартал 2017 года") falls due on its last day, inclusive:
        due on 2017-06-30, overdue from 2017-07-01;
      - a period ("2017 – 2019 годы") runs from 2017-01-01 and falls due on its
        last day, 2019-12-31;
      - the half-yearly report to МВД is due on the 10th of the month after each
        half-year, 2017-H1 to 2019-H2 (2017-07-10, 2018-01-10, ..., 2020-01-10);
        the consolidated report on 2020-02-25; the annual evaluation has no date in
        the act: it is undated, never overdue.

    \b
    Status as of a date D, with no progress recorded:
      - overdue: the deadline is before D;
      - due: the deadline is between D and the end of D's quarter (or of --within);
      - ongoing: a period has started but is not yet due;
      - upcoming: otherwise.
    Progress records dated on or before D count, and the latest decides: done (with
    the days late) and cancelled replace the status; in_progress does too, except
    that an obligation past its deadline stays overdue.
    """
    from ..inputs import window_end
    from ..queries import due as due_report

    day, loaded, records = inputs(plan, progress, as_of)
    end = window_end(within, day) if within is not None else None
    report = due_report(
        loaded, records, day, window_end=end, agency=agency, include_all=include_all
    )
    emit(report, output_format, lang, output)


@app.command()
def measures(
    agency: AgencyOption = None,
    role: Annotated[
        str,
        typer.Option("--role", help="With --agency: its role, lead, co (co-executor) or any."),
    ] = "any",
    deadline: Annotated[
        str | None,
        typer.Option(
            "--deadline",
            help="Falling due in a quarter (2017Q2) or a year (2018).",
            show_default=False,
        ),
    ] = None,
    form: Annotated[
        str | None,
        typer.Option(
            "--form", help="A part of the form of completion (приказ).", show_default=False
        ),
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            help="A part of the measure's text (any letter case; ё and е match).",
            show_default=False,
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            help="Only these statuses as of the date (repeat, or separate by commas): overdue, "
            "due, in_progress, ongoing, upcoming, done, cancelled.",
            show_default=False,
        ),
    ] = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    """List the plan's measures in the act's order, with their status, filtered.

    The filters combine: `plan measures --agency mtszn --role co --deadline 2017` lists the
    measures МТСЗН co-executes that fall due in 2017.
    """
    from ..inputs import deadline_range, parse_statuses
    from ..queries import measures as measures_report

    day, loaded, records = inputs(plan, progress, as_of)
    report = measures_report(
        loaded,
        records,
        day,
        agency=agency,
        role=role,
        deadline=deadline_range(deadline) if deadline is not None else None,
        form=form,
        search=search,
        statuses=parse_statuses(status or ()),
    )
    emit(report, output_format, lang, output)


@app.command()
def show(
    target: TargetArgument,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    """Show one measure whole: every column verbatim, the structured fields, its agencies,
    its status as of the date and its progress history."""
    from ..queries import show as show_report

    day, loaded, records = inputs(plan, progress, as_of)
    emit(show_report(loaded, records, day, target), output_format, lang, output)


@app.command()
def agencies(
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    """Every agency with its code, alias and name, and how many measures it leads,
    co-executes and takes part in by agreement, how many reports it owes, and how many of
    all these are overdue as of the date."""
    from ..queries import agency_table

    day, loaded, records = inputs(plan, progress, as_of)
    emit(agency_table(loaded, records, day), output_format, lang, output)


@app.command()
def agency(
    code: Annotated[
        str,
        typer.Argument(
            metavar="CODE",
            help="The act's code in any letter case or the Latin alias (МТСЗН, mtszn).",
            show_default=False,
        ),
    ],
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
    output: OutputFileOption = None,
) -> None:
    """Everything one agency owes as of the date: the measures it leads, those it
    co-executes, and the reporting obligations that apply to it, each with its status."""
    from ..queries import agency_duties

    day, loaded, records = inputs(plan, progress, as_of)
    emit(agency_duties(loaded, records, day, code), output_format, lang, output)
