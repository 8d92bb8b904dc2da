"""``plan record``: a progress record appended to the progress file.

Its help is written from the labels (``help.record`` …) by :mod:`.help`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import CannotWrite, DataProblems
from .app import app
from .help import PlanCommand
from .options import (
    LangOption,
    PlanIdOption,
    PlanOption,
    PlansOption,
    ProgressOption,
    TargetArgument,
    fit,
    language,
    load_plans,
    lock_wait,
    progress_path,
    terminal_width,
    today,
)


@app.command(cls=PlanCommand)
def record(
    target: TargetArgument,
    status: Annotated[str, typer.Option("--status", show_default=False)],
    on: Annotated[str, typer.Option("--on", show_default=False)],
    evidence: Annotated[str | None, typer.Option("--evidence", show_default=False)] = None,
    note: Annotated[str | None, typer.Option("--note", show_default=False)] = None,
    by: Annotated[str | None, typer.Option("--by", show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    plan: PlanOption = None,
    plans: PlansOption = None,
    plan_id: PlanIdOption = None,
    progress: ProgressOption = None,
    lang: LangOption = None,
) -> None:
    from ..i18n import LABELS, date_short, label, status_label, worded
    from ..inputs import parse_day
    from ..obligations import heading
    from ..queries import find_obligation, locate_target
    from ..record import append_record, check_record_day, new_record

    chosen = language(lang)
    now = today()
    day = parse_day(on, now)
    every = load_plans(plan, plans)[0]
    loaded, local = locate_target(every.narrowed(plan_id), target)
    if not force:
        check_record_day(loaded, day, now)
    entry = new_record(loaded, local, status, day, evidence=evidence, note=note, by=by)
    if every.scoped:  # the progress file may serve several plans: the record names its own
        entry = entry.model_copy(update={"plan": loaded.id})
    path = progress_path(progress)[0]

    def waiting(lock: Path) -> None:
        typer.echo(label("message.waiting", chosen, lock=lock), err=True)

    try:
        warnings = append_record(path, entry, loaded, wait=lock_wait(), on_wait=waiting)
    except OSError as exc:  # a full disk, a read-only directory, a failed rename
        raise CannotWrite(str(path), exc.strerror or str(exc)) from None
    except DataProblems as exc:  # the progress file has errors: said, with the record kept
        raise DataProblems(exc.problems, worded("error.record_refused", path=path)) from None
    for warning in warnings:
        known = f"warning.{warning.code}" in LABELS
        text = label(f"warning.{warning.code}", chosen) if known else warning.message
        typer.echo(fit(label("message.warning", chosen, message=text), terminal_width()), err=True)
    if entry.measure is not None:
        what = label("message.recorded_measure", chosen, number=entry.measure)
    else:
        obligation = find_obligation(loaded, str(entry.obligation))
        what = f"{heading(obligation, chosen)} ({obligation.id})"
    if entry.plan is not None:
        what = f"{entry.plan}: {what}"
    done = label(
        "message.recorded",
        chosen,
        path=path,
        target=what,
        status=status_label(entry.status.value, chosen),
        on=date_short(entry.on, chosen),
    )
    typer.echo(fit(done, terminal_width()))
