"""``plan record``: a progress record appended to the progress file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import CannotWrite
from .app import app
from .options import (
    LangOption,
    PlanOption,
    ProgressOption,
    TargetArgument,
    language,
    load_plan,
    lock_wait,
    progress_path,
    today,
)


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
    from ..i18n import label
    from ..inputs import parse_date
    from ..record import append_record, new_record

    chosen = language(lang)
    day = today() if on.strip().lower() == "today" else parse_date(on)
    loaded = load_plan(plan)
    entry = new_record(loaded, target, status, day, evidence=evidence, note=note, by=by)
    path = progress_path(progress)[0]

    def waiting(lock: Path) -> None:
        typer.echo(f"plan: waiting for {lock} held by another plan record…", err=True)

    try:
        warnings = append_record(path, entry, loaded, wait=lock_wait(), on_wait=waiting)
    except OSError as exc:  # a full disk, a read-only directory, a failed rename
        raise CannotWrite(str(path), exc.strerror or str(exc)) from None
    for warning in warnings:
        typer.echo(f"plan: warning: {warning.message}", err=True)
    done = label(
        "message.recorded",
        chosen,
        path=path,
        target=entry.target,
        status=entry.status.value,
        on=entry.on,
    )
    typer.echo(done)
