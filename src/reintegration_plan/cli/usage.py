"""Usage errors in the tool's voice: one line, ``plan: error: …``, exit 2.

Click reports a bad option with a usage block and a second "Error:" line, and typer passes on
pydantic's wording ("Value error, 'yaml' is not one of …"). :class:`OneLineUsage`, mixed into
the application's group, turns every such error into the core's :class:`InvalidInput`, which
the one error boundary (``app``) prints as every other error. Asking for help with no command
(``plan`` alone) still shows the help.

Only typer's public names are used: its usage errors are :class:`typer.TyperException` with
exit code 2 (typer's vendored click keeps their classes private), each kind told by what it
carries (an unknown option its ``possibilities``, a missing parameter its ``param_type``) and a
bad value by the public :class:`typer.BadParameter`.
"""

from __future__ import annotations

import re
from enum import Enum
from typing import Any

import typer

from ..errors import InvalidInput

_NEGATIVE = re.compile(r"-[0-9]+\Z")

USAGE_EXIT_CODE = 2
"""The exit code of click's usage errors (its ``UsageError`` and every kind of it)."""


def shows_help(exc: BaseException) -> bool:
    """Click's "no arguments: show the help" (``plan`` alone), a usage error that is not a
    mistake. Told by its class's name, as typer itself tells it (``rich_utils``), since the
    class is not public."""
    return type(exc).__name__ == "NoArgsIsHelpError"


def either(names: list[str]) -> str:
    """``a, b, c or d``."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _option(param: Any) -> str:
    """How the user named the parameter: its longest option, or its argument's name."""
    opts = [str(opt) for opt in getattr(param, "opts", []) or []]
    if opts and opts[0].startswith("-"):
        return max(opts, key=len)
    return str(getattr(param, "metavar", None) or param.name).upper()


def _choice(exc: typer.BadParameter) -> str | None:
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


def one_line(exc: typer.TyperException, command: str) -> str:
    """The usage error as one line, naming the command and what to do."""
    see = f"see `{command} --help`"
    option_name: str | None = getattr(exc, "option_name", None)
    param = getattr(exc, "param", None)
    if option_name is not None and hasattr(exc, "possibilities"):  # an option click lacks
        if _NEGATIVE.match(option_name) and _takes_a_target(exc):
            return f"there is no measure {option_name} in the plan: measures are numbered from 1"
        if option_name == "--lang":
            return _no_lang(command, see)
        possibilities = sorted(getattr(exc, "possibilities", None) or [])
        like = f" (did you mean {either(possibilities)}?)" if possibilities else ""
        return f"`{command}` has no option {option_name}{like}: {see}"
    if hasattr(exc, "param_type") and param is not None:  # a parameter not given
        return f"`{command}` needs {_option(param)}: {see}"
    if isinstance(exc, typer.BadParameter) and (choice := _choice(exc)) is not None:
        return choice
    if option_name is not None and "requires an argument" in exc.message:
        return f"{option_name} needs a value: {see}"
    message = exc.format_message().replace("Value error, ", "").rstrip(".")
    if message.startswith("No such command"):
        return f"{message[0].lower()}{message[1:]}: see `plan --help`"
    if message.startswith("Got unexpected extra argument"):
        extra = message.rpartition("(")[2].rstrip(")")
        return f"`{command}` takes no argument {extra!r} here: {see}"
    return f"{message}: {see}"


def _no_lang(command: str, see: str) -> str:
    """``--lang`` where it is no option: before the command, or to ``validate``/``schema``."""
    if command == "plan":
        return (
            "--lang goes after the command (plan due --lang ru), or PLAN_LANG=ru chooses the "
            f"language of every command: {see}"
        )
    return (
        f"`{command}` has no option --lang: its output is in English whatever the language "
        f"(only its help follows --lang): {see}"
    )


def _takes_a_target(exc: typer.TyperException) -> bool:
    command = getattr(exc, "cmd", None)
    return command is not None and any(param.name == "target" for param in command.params)


def _mistake(exc: BaseException) -> typer.TyperException | None:
    """``exc`` when it is one of click's usage errors, to be said in one line: a typer exception
    that exits 2 (a file click could not open exits 1), not ``plan`` alone's help."""
    if isinstance(exc, typer.TyperException) and exc.exit_code == USAGE_EXIT_CODE:
        return None if shows_help(exc) else exc
    return None


class OneLineUsage:
    """Mixed into the group and the commands: click's usage errors become one line in the
    tool's voice (as :class:`InvalidInput`, which the error boundary prints).

    Contexts and commands are click's, which typer vendors privately: they are typed ``Any``.
    """

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        try:
            return super().make_context(  # type: ignore[misc]
                info_name, args, parent=parent, **extra
            )
        except Exception as raised:
            if (exc := _mistake(raised)) is None:
                raise
            ctx = getattr(exc, "ctx", None)
            if ctx is not None:
                command = ctx.command_path
            else:
                command = " ".join(p for p in (parent and parent.command_path, info_name) if p)
            if getattr(exc, "cmd", None) is None:
                exc.cmd = self  # type: ignore[attr-defined]
            raise InvalidInput(one_line(exc, command or "plan")) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)  # type: ignore[misc]
        except Exception as raised:
            if (exc := _mistake(raised)) is None:
                raise
            given = getattr(exc, "ctx", None)
            command = (given if given is not None else ctx).command_path
            raise InvalidInput(one_line(exc, command)) from None
