"""Whatever dates, windows and names a user types, the query commands answer with output and an
exit code (0, or 2 with one line on stderr), never an exception."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run

COMMANDS = ["due", "measures", "agencies", "timeline", "report", "calendar"]
AS_OF = st.one_of(
    st.dates().map(dt.date.isoformat),
    st.builds(lambda y, q: f"{y:04d}Q{q}", st.integers(1, 9999), st.integers(0, 5)),
    st.text(max_size=12),
)
WINDOW = st.one_of(
    st.builds(lambda n, unit: f"{n}{unit}", st.integers(0, 9999), st.sampled_from("dwmqyDWMQY")),
    st.text(max_size=6),
)
NAME = st.one_of(st.sampled_from(["МВД", "mtszn", "AKIMATS", "ГП"]), st.text(max_size=8))


def _check(result_exit: int, stderr: str, exception: BaseException | None) -> None:
    assert exception is None or isinstance(exception, SystemExit), repr(exception)
    assert result_exit in (0, 2)
    if result_exit == 2:
        assert stderr.startswith(("plan: error: ", "Usage: ")), stderr
        assert "Traceback" not in stderr


@settings(max_examples=60, deadline=None)
@given(command=st.sampled_from(COMMANDS), as_of=AS_OF)
def test_any_as_of(command: str, as_of: str) -> None:
    result = run(command, "--as-of", as_of)
    _check(result.exit_code, result.stderr, result.exception)


@settings(max_examples=150, deadline=None)
@given(as_of=st.dates().map(dt.date.isoformat), within=WINDOW)
def test_any_window(as_of: str, within: str) -> None:
    result = run("due", "--as-of", as_of, "--within", within, "--format", "json")
    _check(result.exit_code, result.stderr, result.exception)


@settings(max_examples=40, deadline=None)
@given(command=st.sampled_from(["due", "measures", "calendar", "timeline"]), name=NAME)
def test_any_agency(command: str, name: str) -> None:
    result = run(command, "--agency", name, "--as-of", "2018-01-01")
    _check(result.exit_code, result.stderr, result.exception)
