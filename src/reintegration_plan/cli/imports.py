"""``plan import``: an act's text drafted into a plan file, with a summary of what was read.

Its help is written from the labels (``help.import`` …) by :mod:`.help`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .app import EXIT_DATA, app
from .help import PlanCommand
from .options import (
    LangOption,
    fit,
    language,
    out,
    path_of,
    path_option,
    terminal_width,
    today,
)

if TYPE_CHECKING:
    from ..i18n import Lang
    from ..importing import ImportResult

SHOWN_REVIEWS = 20
"""How many notes left for review the summary names (plan validate lists them all)."""
SHOWN_IDENTS = 12


class ActForm(str, Enum):
    text = "text"
    html = "html"
    markdown = "markdown"


@app.command("import", cls=PlanCommand)
def import_act(
    act: Annotated[Path, typer.Argument(metavar="ACT", parser=path_of("ACT"), show_default=False)],
    output: Annotated[Path, path_option("--output", "-o")],
    force: Annotated[bool, typer.Option("--force")] = False,
    kind: Annotated[str | None, typer.Option("--kind", show_default=False)] = None,
    number: Annotated[str | None, typer.Option("--number", show_default=False)] = None,
    date: Annotated[str | None, typer.Option("--date", show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", show_default=False)] = None,
    abbreviations: Annotated[str, typer.Option("--abbreviations")] = "abbreviations.yaml",
    source_format: Annotated[
        ActForm | None, typer.Option("--from", case_sensitive=False, show_default=False)
    ] = None,
    lang: LangOption = None,
) -> None:
    """Draft a plan file from an act's official text, and say what was read.

    Copies every Russian text verbatim, reads the structured fields from them (deadlines,
    executors, costs, reporting duties), and marks what it could not read with a `review`
    note for a person to check. Then checks the draft as `plan validate` does. Exit 0 when the
    draft has no errors (review notes are warnings), 1 when it has, 2 when the act cannot be
    read or an output exists (without --force).
    """
    from ..draft import Given
    from ..importing import import_act as run
    from ..inputs import parse_day

    chosen = language(lang)
    given = Given(
        kind=act_kind(kind) if kind is not None else None,
        number=number,
        date=parse_day(date, today()) if date is not None else None,
        title=title,
    )
    result = run(
        act,
        output,
        force=force,
        given=given,
        abbreviations_name=abbreviations,
        form=source_format.value if source_format else None,
    )
    out(summary(result, chosen, str(act), terminal_width()))
    if any(problem.severity.value == "error" for problem in result.problems):
        raise typer.Exit(EXIT_DATA)


def act_kind(text: str) -> str:
    """An act kind the plan file knows, as typed (any letter case)."""
    from ..errors import InvalidInput
    from ..models import ActKind

    kinds = [kind.value for kind in ActKind]
    value = text.strip().lower()
    if value not in kinds:
        raise InvalidInput(f"{text!r} is not a kind of act: expected one of {', '.join(kinds)}")
    return value


def summary(result: ImportResult, lang: Lang, act: str, width: int = 80) -> str:
    """What was read and what is left for review, in the language given: each note once, with
    the measures (or the act, a duty, a section) it is on, wrapped to ``width`` (the
    terminal's); each file on a line of its own, its path whole."""
    from ..i18n import label

    draft = result.draft
    errors = sum(p.severity.value == "error" for p in result.problems)
    warnings = len(result.problems) - errors
    lines = [
        label("import.written", lang, path=result.plan),
        "  " + label("import.act", lang, path=act),
        "  " + label("import.form", lang, form=label(f"import.form.{result.form}", lang)),
        "  " + label("import.abbreviations", lang, path=result.abbreviations),
        "  " + label("import.source", lang, path=result.source),
        label("import.measures", lang, count=draft.measures),
        label("import.parsed", lang, count=draft.parsed),
        fit(label("import.review", lang, count=len(draft.reviews)), width, "  "),
    ]
    groups: dict[tuple[str, str, str], list[str]] = {}
    for review in draft.reviews:
        for part in review.note.split("; "):
            groups.setdefault((review.kind, review.field, part), []).append(review.ident)
    for (kind, field, note), idents in list(groups.items())[:SHOWN_REVIEWS]:
        shown = ", ".join(idents[:SHOWN_IDENTS]) + (" …" if len(idents) > SHOWN_IDENTS else "")
        plural = "s" if kind == "measure" and len(idents) > 1 else ""
        where = label(f"import.where.{kind}{plural}", lang, ident=shown)
        lines.append(fit(f"  {where}: {field}: {note}", width, "      "))
    if len(groups) > SHOWN_REVIEWS:
        lines.append(
            fit("  " + label("import.more", lang, count=len(groups) - SHOWN_REVIEWS), width, "    ")
        )
    lines.append(label("import.validate", lang, errors=errors, warnings=warnings))
    return "\n".join(lines) + "\n"
