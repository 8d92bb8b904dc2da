"""The ``plan`` application and its one error boundary.

:class:`PlanGroup` runs every command inside the boundary that turns the core's errors into a
message and an exit code: 0 ok, 1 data problems, 2 usage errors or unreadable input.
"""

from __future__ import annotations

import io
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from ..errors import CannotWrite, DataProblems, DateInputError, InvalidInput, UnreadableInput

EXIT_DATA = 1
EXIT_USAGE = 2


def error(message: str) -> None:
    """One line on standard error in the tool's voice."""
    typer.echo(f"plan: error: {message}", err=True)


class PlanGroup(TyperGroup):
    """Runs every command inside the one error boundary.

    Click's own main loop handles usage errors and ``typer.Exit``; the core's errors come out of
    it and are turned here into one line (or the data's diagnostics) and an exit code.
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        # What the user gave (a file name with undecodable bytes) or a terminal that cannot
        # show Cyrillic must not end in UnicodeEncodeError: what the output's encoding cannot
        # hold is written as a backslash escape.
        for stream in (sys.stdout, sys.stderr):
            if isinstance(stream, io.TextIOWrapper):
                stream.reconfigure(errors="backslashreplace")
        try:
            return super().main(*args, **kwargs)
        except UnreadableInput as exc:
            error(f"{exc.path}: {exc.reason}")
            sys.exit(EXIT_USAGE)
        except (DateInputError, InvalidInput, CannotWrite) as exc:
            error(str(exc))
            sys.exit(EXIT_USAGE)
        except DataProblems as exc:
            from ..problem_formats import render_text

            typer.echo(render_text(exc.problems, sorted({p.file for p in exc.problems})), err=True)
            error("the data has errors: run `plan validate` on it and fix them")
            sys.exit(EXIT_DATA)


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
