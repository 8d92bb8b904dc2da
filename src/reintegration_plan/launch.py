"""Where ``plan`` starts (the console script and ``python -m reintegration_plan``).

Ctrl-C at any moment ends the program quietly with exit 130, SIGTERM and SIGHUP with 128 + the
signal's number, as the error boundary (:mod:`.cli.app`) says. The first thing this module does
is to make Ctrl-C exit at once: nothing has been done yet, so there is nothing to clean up
while the modules import. Only then is the rest imported. Before the command runs, Ctrl-C goes
back to raising KeyboardInterrupt, and SIGTERM and SIGHUP raise
:class:`~.errors.Terminated`, both where the program is, so that what it was doing cleans up
(``plan record`` removes its temporary file) before the boundary exits.

Nothing is imported before the handlers are installed but this package's empty ``__init__``
and ``os`` (loaded already by Python's start): not even ``__future__``, so this module's
annotations before the handlers are quoted. Python itself starts before any of this (its
``site`` module, then the console script pip wrote): a Ctrl-C in those first milliseconds is
Python's own (README, "Exit codes").
"""

import os

EXIT_INTERRUPTED = 130


def _exit_at_once(signum: int, frame: "FrameType | None") -> None:
    os._exit(EXIT_INTERRUPTED if signum == 2 else 128 + signum)  # 2: SIGINT


# First of all, before even the `signal` module (it takes milliseconds to import): Ctrl-C,
# SIGTERM and SIGHUP exit at once while the modules import. `_signal` is the part of `signal`
# built into the interpreter, loaded already.
_builtin = __import__("_signal")
for _number in (_builtin.SIGINT, _builtin.SIGTERM, _builtin.SIGHUP):
    if _builtin.getsignal(_number) in (_builtin.SIG_DFL, _builtin.default_int_handler):
        _builtin.signal(_number, _exit_at_once)

import signal  # noqa: E402  (after the handlers above, on purpose)
import sys  # noqa: E402
from types import FrameType  # noqa: E402


def _terminate(signum: int, frame: FrameType | None) -> None:
    from .errors import Terminated

    # One is enough: a second signal must not interrupt the cleanup the first one started.
    for other in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(other) is _terminate:
            signal.signal(other, signal.SIG_IGN)
    raise Terminated(signum)


def _run_handlers() -> None:
    """While the command runs: signals raise where the program is, so that cleanup runs."""
    for signum, handler in (
        (signal.SIGINT, signal.default_int_handler),
        (signal.SIGTERM, _terminate),
        (signal.SIGHUP, _terminate),
    ):
        if signal.getsignal(signum) is _exit_at_once:
            signal.signal(signum, handler)


def _quiet() -> None:
    """The exit code is decided and the output flushed: a late signal changes nothing."""
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, signal.SIG_IGN)


def main() -> None:
    from .cli.app import app  # the package registers every command
    from .errors import Terminated

    try:
        _run_handlers()
        app()  # exits through the boundary, PlanGroup.main
    except KeyboardInterrupt:  # only between the lines above and the boundary
        _quiet()
        sys.exit(EXIT_INTERRUPTED)
    except Terminated as exc:
        _quiet()
        sys.exit(128 + exc.signum)
    except SystemExit:
        _quiet()
        raise
