"""``plan validate`` and ``plan schema``: the data's checks, for maintainers and CI."""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UnreadableInput
from .app import EXIT_DATA, app
from .options import (
    LangOption,
    PlanOption,
    language,
    out,
    path_of,
    path_option,
    plan_path,
    progress_path,
)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command()
def validate(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            parser=path_of("FILES"),
            help="Plan, abbreviations or progress files, or an act's text (.txt); the plan "
            "files beside an abbreviations file or an act's text that name it are validated too "
            "(default: what the query commands read: the --plan file, else $PLAN_FILE, else the "
            "embedded data, and the --progress file, else $PLAN_PROGRESS, else ./progress.yaml "
            "if it exists).",
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
        path_option(
            "--progress",
            help="A progress file to check, against the --plan file (else $PLAN_FILE, else the "
            "embedded data). A file given in FILES is told to be one by its `records` key.",
        ),
    ] = None,
    no_source: Annotated[
        bool,
        typer.Option(
            "--no-source",
            help="Do not compare the verbatim texts with the act's text the plan file names "
            "(`source`).",
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    """Check data files against the schema and the act; report every problem at file:line:col.

    Each problem prints as `path:line:col: severity: message [location] (code)`, then a
    summary. Exit 0 when valid (warnings allowed), 1 on errors (or on warnings with --strict),
    2 when a file cannot be read.
    """
    from ..problem_formats import PROBLEM_FORMATS
    from ..problems import Severity
    from ..related_files import with_related
    from ..validation import validate_paths

    language(lang)  # checked like every command's; diagnostics are in English, each with its code

    chosen = plan_path(plan)
    if files or progress:
        paths = list(files or []) + ([progress] if progress else [])
    else:  # what the query commands would read: the plan, and the progress file if there is one
        progress_file = progress_path(None)[0]
        paths = [chosen] + ([progress_file] if progress_file.is_file() else [])
    for path in paths:
        if not path.exists():
            raise UnreadableInput(str(path), "no such file")
        if path.is_dir():
            raise UnreadableInput(str(path), "is a directory, not a file")
    if output_format is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = ProblemFormat.github if github else ProblemFormat.text
    paths = with_related(paths)
    problems = validate_paths(paths, chosen, compare_source=not no_source)
    out(PROBLEM_FORMATS[output_format.value](problems, [str(p) for p in paths]))
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
    from ..schemas import schema_text

    language(lang)  # checked like every command's; the schema's descriptions are in English
    out(schema_text("abbreviations" if abbreviations else "plan"))
