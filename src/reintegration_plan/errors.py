"""Errors the CLI's error boundary maps to exit codes, raised by the core.

A module of its own, importing nothing at run time, so that the CLI can name them without
loading the core (pydantic, the models, the checks) at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Self

if TYPE_CHECKING:
    from .problems import Problem


class Worded:
    """An error whose message is a label (``i18n.Words``): ``str()`` is its English, and the
    CLI's boundary says it in the user's language. Errors raised with a plain message have no
    words and are said in English."""

    words: Any = None

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # the exception's: its message

    @classmethod
    def of(cls, said: Any) -> Self:
        """The error with ``said`` (``i18n.Words``) as its message."""
        error = cls(said.say("en"))
        error.words = said
        return error


class InvalidInput(Worded, ValueError):
    """Something the user typed that the plan cannot take (exit 2, one line)."""


class UnknownName(InvalidInput):
    """A measure, report or agency the plan does not have; the message lists what it has."""


class DateInputError(Worded, ValueError):
    """A date or window the user typed that cannot be read."""


class UnreadableInput(Exception):
    """A path that cannot be read at all: missing, a directory, no permission (exit 2)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class CannotWrite(Exception):
    """A file that could not be written (a full disk, a read-only directory, a failed rename);
    the file is left as it was (exit 2)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}; the file is unchanged")
        self.path = path
        self.reason = reason


class DataProblems(Exception):
    """The data has errors; carries every problem found (exit 1). ``outcome``: what came of
    the command, said after the problems (``i18n.Words``; none: the data has errors)."""

    def __init__(self, problems: Sequence[Problem], outcome: Any = None) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = list(problems)
        self.outcome = outcome


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived: raised where the program is, so that what it was doing cleans
    up on the way out (``plan record``'s temporary file); exit 128 + the signal's number.

    A BaseException, like KeyboardInterrupt: no ``except Exception`` catches it."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"signal {signum}")
        self.signum = signum
