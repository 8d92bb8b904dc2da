"""Usage errors in the tool's voice: one line, ``plan: error: …``, exit 2.

Click reports a bad option with a usage block and a second "Error:" line, and typer passes on
pydantic's wording ("Value error, 'yaml' is not one of …"). :class:`OneLineUsage`, mixed into
the application's group, turns every such error into the core's :class:`InvalidInput`, which
the one error boundary (``app``) prints as every other error. Asking for help with no command
(``plan`` alone) still shows the help.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

from typer._click import Command, Context
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)

from ..errors import InvalidInput

_NEGATIVE = re.compile(r"-[0-9]+\Z")


def either(names: list[str]) -> str:
    """``a, b, c or d``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _option(param: Any) -> str:
    """How the user named the parameter: its longest option, or its argument's name."""
    opts = [str(opt) for opt in getattr(param, "opts", []) or []]
    if opts and opts[0].startswith("-"):
        return max(opts, key=len)
    return str(getattr(param, "metavar", None) or param.name).upper()


def _choice(exc: BadParameter) -> str | None:
    """'yaml' is not a format: expected table, json, csv or markdown."""
    descriptor = getattr(exc.param, "type_descriptor", None)
    choices = getattr(descriptor, "choices", None)
    errors = getattr(exc.__cause__, "errors", None)
    if not choices or errors is None:
        return None
    typed = errors()[0].get("input")
    names = [c.value if isinstance(c, Enum) else str(c) for c in choices]
    noun = _option(exc.param).lstrip("-")
    return f"{typed!r} is not a {noun}: expected {either(names)}"


def one_line(exc: UsageError, command: str) -> str:
    """The error as one line, naming the command and what to do."""
    see = f"see `{command} --help`"
    if isinstance(exc, NoSuchOption):
        name = exc.option_name
        if _NEGATIVE.match(name) and _takes_a_target(exc):
            return f"there is no measure {name} in the plan: measures are numbered from 1"
        like = f" (did you mean {either(sorted(exc.possibilities))}?)" if exc.possibilities else ""
        return f"`{command}` has no option {name}{like}: {see}"
    if isinstance(exc, MissingParameter) and exc.param is not None:
        return f"`{command}` needs {_option(exc.param)}: {see}"
    if isinstance(exc, BadParameter) and (choice := _choice(exc)) is not None:
        return choice
    if isinstance(exc, BadOptionUsage) and "requires an argument" in exc.message:
        return f"{exc.option_name} needs a value: {see}"
    message = exc.format_message().replace("Value error, ", "").rstrip(".")
    if message.startswith("No such command"):
        return f"{message[0].lower()}{message[1:]}: see `plan --help`"
    if message.startswith("Got unexpected extra argument"):
        extra = message.rpartition("(")[2].rstrip(")")
        return f"`{command}` takes no argument {extra!r} here: {see}"
    return f"{message}: {see}"


def _takes_a_target(exc: UsageError) -> bool:
    command: Command | None = exc.cmd
    return command is not None and any(param.name == "target" for param in command.params)


class OneLineUsage:
    """Mixed into the group and the commands: click's usage errors become one line in the
    tool's voice (as :class:`InvalidInput`, which the error boundary prints)."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any
    ) -> Context:
        try:
            return super().make_context(  # type: ignore[misc, no-any-return]
                info_name, args, parent=parent, **extra
            )
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:
            if exc.ctx is not None:
                command = exc.ctx.command_path
            else:
                command = " ".join(p for p in (parent and parent.command_path, info_name) if p)
            if exc.cmd is None:
                exc.cmd = self  # type: ignore[assignment]
            raise InvalidInput(one_line(exc, command or "plan")) from None

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except NoArgsIsHelpError:
            raise
        except UsageError as exc:
            command = exc.ctx.command_path if exc.ctx is not None else ctx.command_path
            raise InvalidInput(one_line(exc, command)) from None
