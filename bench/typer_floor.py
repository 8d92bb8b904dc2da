"""The start-up of a typer app with `plan due`'s options that does nothing (no plan, no models).

Typer 0.29 builds a pydantic TypeAdapter for each option of the command it runs, so this is what
any `plan due` built on typer costs before it reads anything; bench/RESULTS.md compares it with
the import floor and with `plan due`. Run: `python bench/typer_floor.py due --as-of 2017-07-01`.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


app = typer.Typer(add_completion=False)


@app.command()
def due(
    agency: Annotated[str | None, typer.Option("--agency")] = None,
    within: Annotated[str | None, typer.Option("--within")] = None,
    include_all: Annotated[bool, typer.Option("--all")] = False,
    plan: Annotated[Path | None, typer.Option("--plan")] = None,
    progress: Annotated[Path | None, typer.Option("--progress")] = None,
    as_of: Annotated[str, typer.Option("--as-of")] = "today",
    output_format: Annotated[Format, typer.Option("--format")] = Format.table,
    lang: Annotated[str | None, typer.Option("--lang")] = None,
) -> None:
    import dateutil.relativedelta  # noqa: F401
    import pydantic  # noqa: F401
    import rich.table  # noqa: F401
    import yaml  # noqa: F401


@app.command()
def other() -> None:
    """A second command, so that typer keeps `due` a subcommand as plan does."""


if __name__ == "__main__":
    app()
