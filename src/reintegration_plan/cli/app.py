"""The ``plan`` application and its one error boundary.

Everything a command does runs inside :meth:`PlanGroup.main`, which turns whatever comes out of
it into a message and an exit code, never a traceback:

* 0 ok; 1 the data has problems (their diagnostics, then one line);
* 2 a usage error, an input that cannot be read, an output that cannot be written (a full
  disk, a closed standard output, a broken pipe): one line;
* 3 an internal error, that is a bug: one line, and the traceback with ``PLAN_DEBUG=1``;
* 130 Ctrl-C, and 128 + N the terminating signal N (SIGTERM, SIGHUP): no message.

Standard output is flushed inside the boundary. When writing to it fails, it is pointed at
/dev/null, so that the interpreter's own flush at exit finds nothing to fail on ("Exception
ignored …", exit 120).
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from ..errors import (
    CannotWrite,
    DataProblems,
    DateInputError,
    InvalidInput,
    Terminated,
    UnreadableInput,
)
from .help import (
    PlanHelp,
    language_of,
    remember_language,
    show_version,
    shows_help,
    without_lang_for_help,
)
from .options import FROM_ENVIRONMENT, named
from .usage import OneLineUsage

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130

OUTPUT_ERRORS = frozenset(
    {errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EBADF, errno.EAGAIN}
)
"""What a failed write to standard output raises (an OSError naming no file)."""

# The help is written from the labels ("help.plan", cli/help.py), in the user's language.


def error(message: str, said: Any = None, lang: str = "en") -> None:
    """One line on standard error in the tool's voice (nothing, if standard error is gone): an
    error's words (``i18n.Words``) in the user's language, else the English ``message``."""
    try:
        if said is not None and lang == "ru":
            from ..i18n import label

            line = label("error.line", "ru", message=said.say("ru"))
        else:
            line = f"plan: error: {message}"
        typer.echo(line, err=True)
    except OSError:
        _silence(sys.stderr)


def _silence(stream: Any) -> None:
    """Point a standard stream's file descriptor at /dev/null: what is still buffered for it,
    and the interpreter's flush at exit, then go nowhere instead of failing again."""
    try:
        fd = stream.fileno()
    except (AttributeError, ValueError, OSError):  # closed, or not a file (tests' streams)
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _output_failed(exc: OSError) -> int:
    _silence(sys.stdout)
    if exc.errno == errno.EPIPE and shows_help():  # `plan --help | head`: nothing is lost
        return EXIT_OK
    if exc.errno == errno.EPIPE:
        error("cannot write to standard output: the program reading it has exited (broken pipe)")
    else:
        error(f"cannot write to standard output: {exc.strerror or exc}")
    return EXIT_USAGE


def _internal(exc: BaseException) -> int:
    if os.environ.get("PLAN_DEBUG", "") not in ("", "0"):
        import traceback

        traceback.print_exception(exc, file=sys.stderr)
    text = " ".join(str(exc).split()) or "(no message)"
    line = f"plan: internal error: {type(exc).__name__}: {text}"
    line += " (set PLAN_DEBUG=1 for the traceback)"
    try:
        print(line, file=sys.stderr)
    except OSError:
        _silence(sys.stderr)
    return EXIT_INTERNAL


def exit_code_of(exc: Exception, lang: str = "en") -> int:
    """The message and the exit code for what came out of a command; an error that has its
    words (``errors.Worded``) is said in ``lang``, the user's language."""
    if isinstance(exc, UnreadableInput):
        error(f"{named(exc.path)}: {exc.reason}")  # PLAN_FILE=nope.yaml: what gave the path
        return EXIT_USAGE
    if isinstance(exc, DateInputError | InvalidInput):
        error(str(exc), exc.words, lang)
        return EXIT_USAGE
    if isinstance(exc, CannotWrite):
        error(str(exc))
        return EXIT_USAGE
    if isinstance(exc, DataProblems):
        from ..problem_formats import render_text

        try:
            typer.echo(render_text(exc.problems, sorted({p.file for p in exc.problems})), err=True)
        except OSError:
            _silence(sys.stderr)
        if exc.outcome is not None:  # plan record: nothing written, the file as it was
            error(exc.outcome.say("en"), exc.outcome, lang)
        else:
            error("the data has errors: run `plan validate` on it and fix them")
        return EXIT_DATA
    if isinstance(exc, OSError):
        if exc.filename is None and exc.errno in OUTPUT_ERRORS:
            return _output_failed(exc)
        if exc.filename is not None:  # a file the core did not expect to fail on
            error(f"{exc.filename}: {exc.strerror or exc}")
            return EXIT_USAGE
    return _internal(exc)


class _Raised(Exception):
    """An exception out of a command, carried through click's main loop to the boundary
    (click would end a broken pipe with exit 1 and no word, and re-raise other OS errors)."""

    def __init__(self, error: Exception) -> None:
        super().__init__(error)
        self.error = error


@contextmanager
def _carried() -> Iterator[None]:
    try:
        yield
    except (typer.Exit, typer.Abort, typer.TyperException):
        raise  # click's own: usage errors, --help, typer.Exit
    except Exception as exc:
        raise _Raised(exc) from exc


def _finish(code: int) -> int:
    """Flush standard output inside the boundary: a failure is the command's failure."""
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as exc:
        failed = _output_failed(exc)
        return code if code not in (EXIT_OK, EXIT_DATA) else failed
    return code


def _exit_status(code: Any) -> int:
    if code is None:
        return EXIT_OK
    return code if isinstance(code, int) else EXIT_USAGE


class PlanGroup(OneLineUsage, PlanHelp, TyperGroup):
    """Runs every command inside the one error boundary.

    Click's own main loop handles usage errors, ``--help`` and ``typer.Exit``; everything else
    a command raises is carried past it (:class:`_Raised`) and turned here into a message and
    an exit code. This method never returns: it exits.
    """

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _carried():  # `plan --help` writes its help here
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        with _carried():  # the command: its options are read, then it runs
            return super().invoke(ctx)

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        code = self._run(*args, **kwargs)
        sys.exit(_finish(code))

    def _run(self, *args: Any, **kwargs: Any) -> int:
        lang = "en"
        try:
            # What the user gave (a file name with undecodable bytes) or a terminal that cannot
            # show Cyrillic must not end in UnicodeEncodeError: what the output's encoding
            # cannot hold is written as a backslash escape.
            for stream in (sys.stdout, sys.stderr):
                if isinstance(stream, io.TextIOWrapper):
                    stream.reconfigure(errors="backslashreplace")
            if sys.stdout is None:  # started with it closed: `plan due >&-`
                error("standard output is closed: redirect it to a file, or to /dev/null")
                return EXIT_USAGE
            FROM_ENVIRONMENT.clear()  # this run's (the tests run many in one process)
            given = kwargs.get("args", args[0] if args else None)
            argv = sys.argv[1:] if given is None else list(given)
            remember_language(argv, kwargs)
            lang = error_language(argv)
            if (for_help := without_lang_for_help(argv)) is not None:
                args, kwargs = (), {**kwargs, "args": for_help}
            try:
                super().main(*args, **kwargs)
            except _Raised as raised:
                return exit_code_of(raised.error, lang)
            return EXIT_OK  # pragma: no cover - click's main exits
        except SystemExit as exc:
            return _exit_status(exc.code)
        except KeyboardInterrupt:
            return EXIT_INTERRUPTED
        except Terminated as exc:
            return 128 + exc.signum
        except Exception as exc:
            return exit_code_of(exc, lang)


def error_language(args: list[str]) -> str:
    """The language of one-line errors: the help's (``--lang``, ``$PLAN_LANG``, the locale);
    Russian for ``plan submission`` unless asked otherwise, as its document is."""
    lang = language_of(args)
    asked = any(a == "--lang" or a.startswith("--lang=") for a in args)
    if "submission" in args and not asked and not os.environ.get("PLAN_LANG"):
        return "ru"
    return lang


app = typer.Typer(
    cls=PlanGroup,
    name="plan",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def plan(
    version: Annotated[
        bool,
        typer.Option("--version", is_eager=True, callback=show_version),
    ] = False,
) -> None:
    # The help is written from the labels (cli/help.py: "help.plan").
    pass
