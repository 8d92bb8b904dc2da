"""The `plan` command line: parse arguments, call the core, render. No domain logic here.

One error boundary (:class:`PlanGroup`) turns domain errors into messages and exit codes:
0 ok, 1 data problems, 2 usage errors or unreadable input.
"""

from __future__ import annotations

import io
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer import _click
from typer.core import TyperGroup

from .errors import CannotWrite, DataProblems, DateInputError, InvalidInput, UnreadableInput

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


class UsageProblem(Exception):
    """The user asked for something that does not exist (a measure, an agency): exit 2."""


def _stderr(message: str) -> None:
    typer.echo(f"plan: error: {message}", err=True)


class PlanGroup(TyperGroup):
    """Runs every command inside the one error boundary."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # What the user gave (a file name with undecodable bytes) or a terminal that cannot
        # show Cyrillic must not end in UnicodeEncodeError: what the output's encoding cannot
        # hold is written as a backslash escape.
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(errors="backslashreplace")
        return super().main(*args, **kwargs)

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UnreadableInput as exc:
            _stderr(f"{exc.path}: {exc.reason}")
            raise typer.Exit(EXIT_USAGE) from None
        except (DateInputError, UsageProblem, InvalidInput, CannotWrite) as exc:
            _stderr(str(exc))
            raise typer.Exit(EXIT_USAGE) from None
        except DataProblems as exc:
            from .problem_formats import render_text

            typer.echo(render_text(exc.problems, sorted({p.file for p in exc.problems})), err=True)
            _stderr("the data has errors: run `plan validate` on it and fix them")
            raise typer.Exit(EXIT_DATA) from None


app = typer.Typer(
    cls=PlanGroup,
    name="plan",
    help="Query and validate the 2017–2019 plan of measures for the social rehabilitation of "
    "people released from prison (Resolution of the Government of Kazakhstan No. 912 of "
    "29 December 2016).\n\nExit codes: 0 ok, 1 data problems, 2 usage errors or unreadable input.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Plan file to use instead of the embedded data (default: $PLAN_FILE, else the "
        "embedded data).",
        show_default=False,
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of labels, headings and the act's texts: ru or en (default: $PLAN_LANG, "
        "else ru when the locale is Russian, else en). English texts are an unofficial "
        "translation.",
        show_default=False,
    ),
]


@app.command()
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan, abbreviations or progress files (default: the --plan file, else the "
            "embedded data).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ProblemFormat | None,
        typer.Option(
            "--format",
            help="Output format (default: github when GITHUB_ACTIONS=true, else text).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit 1 on warnings too.")] = False,
    plan: PlanOption = None,
    progress: Annotated[
        Path | None,
        typer.Option(
            "--progress",
            help="A progress file to check, against the --plan file (else $PLAN_FILE, else the "
            "embedded data). A file given in FILES is told to be one by its `records` key.",
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check data files against the schema and the act; report every problem at file:line:col.

    Each problem prints as `path:line:col: severity: message [location] (code)`, then a
    summary. Exit 0 when valid (warnings allowed), 1 on errors (or on warnings with --strict),
    2 when a file cannot be read.
    """
    from .dataset import plan_path_from, validate_paths
    from .problem_formats import PROBLEM_FORMATS
    from .problems import Severity

    _lang(lang)  # checked like every command's; diagnostics are in English, each with its code

    plan_path = plan_path_from(str(plan) if plan else None)
    paths = list(files) if files else ([] if progress else [plan_path])
    paths += [progress] if progress else []
    for path in paths:
        if not path.exists():
            raise UnreadableInput(str(path), "no such file")
        if path.is_dir():
            raise UnreadableInput(str(path), "is a directory, not a file")
    if output_format is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = ProblemFormat.github if github else ProblemFormat.text
    problems = validate_paths(paths, plan_path)
    sys.stdout.write(PROBLEM_FORMATS[output_format.value](problems, [str(p) for p in paths]))
    failing = {Severity.error, Severity.warning} if strict else {Severity.error}
    if any(p.severity in failing for p in problems):
        raise typer.Exit(EXIT_DATA)


@app.command()
def schema(
    abbreviations: Annotated[
        bool,
        typer.Option("--abbreviations", help="Print the abbreviations file's schema instead."),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of the plan file (or of the abbreviations file), for editors.

    Point an editor at it with a first line such as
    `# yaml-language-server: $schema=../schema/plan.schema.json`.
    """
    from .schemas import schema_text

    _lang(lang)  # checked like every command's; the schema's descriptions are in English
    sys.stdout.write(schema_text("abbreviations" if abbreviations else "plan"))


# --- the daily questions: due, measures, show, agencies, agency, record -------------------


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


ProgressOption = Annotated[
    Path | None,
    typer.Option(
        "--progress",
        help="Progress file (default: $PLAN_PROGRESS, else ./progress.yaml if it exists).",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str,
    typer.Option(
        "--as-of",
        help="The date to answer for: YYYY-MM-DD, a quarter such as 2018Q3 (its last day), "
        "or today.",
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", help="Output format: a table for people, or json, csv, markdown."),
]
AgencyOption = Annotated[
    str | None,
    typer.Option(
        "--agency",
        help="An agency: the act's code in any letter case or its Latin alias (МТСЗН, mtszn).",
        show_default=False,
    ),
]

TargetArgument = Annotated[
    str,
    typer.Argument(
        metavar="N",
        help="A measure's number, or a report's id (half-yearly-report-2017H1).",
        show_default=False,
    ),
]


def _lang(option: str | None) -> Any:
    """--lang, else $PLAN_LANG, else the locale, else English."""
    from .i18n import locale_from, resolve_lang

    return resolve_lang(option, os.environ.get("PLAN_LANG"), locale_from(os.environ))


def _progress_path(option: Path | None) -> tuple[Path, bool]:
    """The progress file, and whether the user named it (a named file must exist)."""
    if option is not None:
        return option, True
    return Path(os.environ.get("PLAN_PROGRESS") or "progress.yaml"), False


def _today() -> Any:
    import datetime as dt

    return dt.date.today()  # the one place that reads the clock


def _inputs(plan: Path | None, progress: Path | None, as_of: str) -> tuple[Any, Any, Any]:
    """The date asked for, the plan and the progress records (none when there is no file)."""
    from .dataset import load_plan, plan_path_from
    from .deadlines import parse_as_of

    day = parse_as_of(as_of, _today())
    loaded = load_plan(plan_path_from(str(plan) if plan else None))
    path, named = _progress_path(progress)
    if not (named or path.exists()):
        return day, loaded, []  # no file, no records: the progress module is not loaded
    from .progress import load_records

    return day, loaded, load_records(path, loaded)[0]


def _emit(report: Any, output_format: OutputFormat, lang: str | None) -> None:
    import shutil

    from .tables import Output, render

    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    width = shutil.get_terminal_size((80, 24)).columns
    output = Output(width=width, color=color, lang=_lang(lang))
    sys.stdout.write(render(report, output_format.value, output))


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
    from .queries import due as due_report

    day, loaded, records = _inputs(plan, progress, as_of)
    report = due_report(loaded, records, day, within=within, agency=agency, include_all=include_all)
    _emit(report, output_format, lang)


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
) -> None:
    """List the plan's measures in the act's order, with their status, filtered.

    The filters combine: `plan measures --agency mtszn --role co --deadline 2017` lists the
    measures МТСЗН co-executes that fall due in 2017.
    """
    from .queries import measures as measures_report

    day, loaded, records = _inputs(plan, progress, as_of)
    report = measures_report(
        loaded,
        records,
        day,
        agency=agency,
        role=role,
        deadline=deadline,
        form=form,
        search=search,
        statuses=status or (),
    )
    _emit(report, output_format, lang)


@app.command()
def show(
    target: TargetArgument,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
) -> None:
    """Show one measure whole: every column verbatim, the structured fields, its agencies,
    its status as of the date and its progress history."""
    from .queries import show as show_report

    day, loaded, records = _inputs(plan, progress, as_of)
    _emit(show_report(loaded, records, day, target), output_format, lang)


@app.command()
def agencies(
    plan: PlanOption = None,
    progress: ProgressOption = None,
    as_of: AsOfOption = "today",
    output_format: FormatOption = OutputFormat.table,
    lang: LangOption = None,
) -> None:
    """Every agency with its code, alias and name, and how many measures it leads,
    co-executes and takes part in by agreement, how many reports it owes, and how many of
    all these are overdue as of the date."""
    from .queries import agency_table

    day, loaded, records = _inputs(plan, progress, as_of)
    _emit(agency_table(loaded, records, day), output_format, lang)


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
) -> None:
    """Everything one agency owes as of the date: the measures it leads, those it
    co-executes, and the reporting obligations that apply to it, each with its status."""
    from .queries import agency_duties

    day, loaded, records = _inputs(plan, progress, as_of)
    _emit(agency_duties(loaded, records, day, code), output_format, lang)


@app.command()
def record(
    target: TargetArgument,
    status: Annotated[
        str,
        typer.Option(
            "--status", help="not_started, in_progress, done or cancelled.", show_default=False
        ),
    ],
    on: Annotated[
        str,
        typer.Option("--on", help="The day it happened: YYYY-MM-DD or today.", show_default=False),
    ],
    evidence: Annotated[
        str | None,
        typer.Option("--evidence", help="A URL or a document that shows it.", show_default=False),
    ] = None,
    note: Annotated[str | None, typer.Option("--note", show_default=False)] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", help="The agency reporting it: code or Latin alias.", show_default=False
        ),
    ] = None,
    plan: PlanOption = None,
    progress: ProgressOption = None,
    lang: LangOption = None,
) -> None:
    """Append a progress record to the progress file, creating the file if absent.

    The file is --progress, else $PLAN_PROGRESS, else ./progress.yaml. The record is checked
    first (an unknown measure, a bad date or status: refused, exit 2, file untouched); then,
    under a lock, it is added after the last record, everything already in the file (comments
    included) kept byte for byte, and the file replaced atomically.
    """
    from .dataset import load_plan, plan_path_from
    from .deadlines import parse_date
    from .i18n import tr
    from .progress import append_record, new_record

    language = _lang(lang)
    day = _today() if on.strip().lower() == "today" else parse_date(on)
    loaded = load_plan(plan_path_from(str(plan) if plan else None))
    entry = new_record(loaded, target, status, day, evidence=evidence, note=note, by=by)
    path = _progress_path(progress)[0]
    try:
        warnings = append_record(path, entry, loaded)
    except OSError as exc:  # a full disk, a read-only directory, a failed rename
        raise CannotWrite(str(path), exc.strerror or str(exc)) from None
    for warning in warnings:
        typer.echo(f"plan: warning: {warning.message}", err=True)
    done = tr(
        language,
        "recorded in {path}: {target} {status} on {on}",
        path=path,
        target=entry.target,
        status=entry.status.value,
        on=entry.on,
    )
    typer.echo(done)


# --- what people publish and plan with: calendar, timeline, report ------------------------

OutputFileOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (all at once: a temporary file, then renamed) instead of "
        "standard output.",
        show_default=False,
    ),
]


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from .outfile import write_output

    write_output(output, data)


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
    from .i18n import label
    from .ical import calendar_entries, render_ics

    language = _lang(lang)
    day, loaded, records = _inputs(plan, progress, as_of)
    entries = calendar_entries(loaded, records, day, language, agency)
    _write(render_ics(entries, day, language, label("calendar.name", language)), output)


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

    from .i18n import label
    from .timeline import build_timeline
    from .timeline_view import export, timeline_view

    language = _lang(lang)
    day, loaded, records = _inputs(plan, progress, as_of)
    width = shutil.get_terminal_size((120, 24)).columns
    view = timeline_view(build_timeline(loaded, records, day, language, agency), width)
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
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
    title = f"{label('timeline.title', language)} — {day.isoformat()}"
    for what, path in (("svg", svg), ("html", html)):
        if path is not None:
            _write(export(view, width, what, title).encode("utf-8"), path)


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
    from .report import build_report
    from .report_formats import REPORT_FORMATS

    language = _lang(lang)
    day, loaded, records = _inputs(plan, progress, as_of)
    text = REPORT_FORMATS[output_format.value](build_report(loaded, records, day, language))
    _write(text.encode("utf-8"), output)


def main() -> None:
    app()
