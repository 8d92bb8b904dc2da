"""``plan validate`` and ``plan schema``: the data's checks, for maintainers and CI.

Their help is written from the labels (``help.validate`` …) by :mod:`.help`. Their output is in
English whatever the language (each diagnostic has a stable code), so they take no ``--lang``.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from ..errors import UnreadableInput
from .app import EXIT_DATA, app
from .help import PlanCommand
from .options import (
    PlanOption,
    PlansOption,
    cache_dir,
    out,
    path_of,
    path_option,
    plan_sources,
    progress_path,
)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command(cls=PlanCommand)
def validate(
    files: Annotated[
        list[Path] | None, typer.Argument(parser=path_of("FILES"), show_default=False)
    ] = None,
    output_format: Annotated[
        ProblemFormat | None,
        typer.Option("--format", case_sensitive=False, show_default=False),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    plan: PlanOption = None,
    plans: PlansOption = None,
    progress: Annotated[Path | None, path_option("--progress")] = None,
    no_source: Annotated[bool, typer.Option("--no-source")] = False,
) -> None:
    from ..plan_folders import Found, find_files, load_plan_set, plans_for_named
    from ..problem_formats import PROBLEM_FORMATS
    from ..problems import Severity
    from ..related_files import with_related
    from ..validation import validate_paths

    named = list(files or [])
    for path in named:
        if not path.exists():
            raise UnreadableInput(str(path), "no such file")
    # a folder among FILES is read as --plans reads it: its plan, abbreviations and progress
    # files, the progress files checked against the plans there
    listed = [path for path in named if path.is_dir()]
    named = [path for path in named if not path.is_dir()]
    chosen, folders = plan_sources(plan, [*(plans or []), *listed] or None)
    if not plan and not folders and not os.environ.get("PLAN_FILE"):
        # a progress file given is about the plan given with it, else the plan beside it
        # (as pre-commit passes a changed progress.yaml alone); else the embedded data, as a
        # user in the checkout types it
        chosen = plans_for_named(named) or [_as_typed(chosen[0])]
    found = find_files(folders) if folders else Found()
    if listed:
        in_folders = find_files(listed)
        named += [*in_folders.plans, *in_folders.abbreviations, *in_folders.progress]
    if named or progress:
        paths = named + ([progress] if progress else [])
    else:  # what the query commands would read: the plans, and the progress files
        progress_file, given = progress_path(None)  # PLAN_PROGRESS must exist, as for them
        paths = [*chosen, *found.plans, *found.abbreviations, *found.progress]
        paths += [progress_file] if given or progress_file.is_file() else []
    for path in paths:
        if not path.exists():
            raise UnreadableInput(str(path), "no such file")
        if path.is_dir():
            raise UnreadableInput(str(path), "is a directory, not a file")
    if output_format is None:
        github = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = ProblemFormat.github if github else ProblemFormat.text
    paths = list(dict.fromkeys(with_related(paths)))
    problems = validate_paths(
        paths,
        compare_source=not no_source,
        plans=lambda: load_plan_set(chosen, found, cache_dir()),
    )
    out(PROBLEM_FORMATS[output_format.value](problems, [str(p) for p in paths]))
    failing = {Severity.error, Severity.warning} if strict else {Severity.error}
    if any(p.severity in failing for p in problems):
        raise typer.Exit(EXIT_DATA)


def _as_typed(path: Path) -> Path:
    """A path the user did not type, relative to the working directory when it lies under it
    (``data/plan_2017_2019.yaml`` in a checkout), else as it is: diagnostics name files as
    the user would type them."""
    try:
        return path.relative_to(Path.cwd())
    except (ValueError, OSError):  # elsewhere, or the working directory is gone
        return path


@app.command(cls=PlanCommand)
def schema(
    abbreviations: Annotated[bool, typer.Option("--abbreviations")] = False,
) -> None:
    from ..schemas import schema_text

    out(schema_text("abbreviations" if abbreviations else "plan"))
