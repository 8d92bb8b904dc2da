"""The `plan` command line: parse arguments, call the core, render. No domain logic here.

One error boundary (:class:`PlanGroup`) turns domain errors into messages and exit codes:
0 ok, 1 data problems, 2 usage errors or unreadable input.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer import _click
from typer.core import TyperGroup

from .dataset import DataProblems, UnreadableInput
from .deadlines import DateInputError

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


class UsageProblem(Exception):
    """The user asked for something that does not exist (a measure, an agency): exit 2."""


def _stderr(message: str) -> None:
    typer.echo(f"plan: error: {message}", err=True)


class PlanGroup(TyperGroup):
    """Runs every command inside the one error boundary."""

    def invoke(self, ctx: _click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UnreadableInput as exc:
            _stderr(f"{exc.path}: {exc.reason}")
            raise typer.Exit(EXIT_USAGE) from None
        except (DateInputError, UsageProblem) as exc:
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


@app.command()
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan or abbreviations files (default: the --plan file, else the embedded data).",
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
) -> None:
    """Check data files against the schema and the act; report every problem at file:line:col.

    Each problem prints as `path:line:col: severity: message [location] (code)`, then a
    summary. Exit 0 when valid (warnings allowed), 1 on errors (or on warnings with --strict),
    2 when a file cannot be read.
    """
    from .dataset import plan_path_from, validate_paths
    from .problem_formats import PROBLEM_FORMATS
    from .problems import Severity

    paths = list(files) if files else [plan_path_from(str(plan) if plan else None)]
    for path in paths:
        if not path.exists():
            raise UnreadableInput(str(path), "no such file")
        if path.is_dir():
            raise UnreadableInput(str(path), "is a directory, not a file")
    if output_format is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = ProblemFormat.github if github else ProblemFormat.text
    problems = validate_paths(paths)
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
) -> None:
    """Print the JSON Schema of the plan file (or of the abbreviations file), for editors.

    Point an editor at it with a first line such as
    `# yaml-language-server: $schema=../schema/plan.schema.json`.
    """
    from .schemas import schema_text

    sys.stdout.write(schema_text("abbreviations" if abbreviations else "plan"))


def main() -> None:
    app()
