"""Shared test helpers: `run` invokes the `plan` CLI as a user would, in a clean environment."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from browser import browser as browser  # the fixture: tests that print in chromium request it
from reintegration_plan.cli import app

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
PLAN = DATA / "plan_2017_2019.yaml"
ABBREVIATIONS = DATA / "abbreviations.yaml"
TESTS = Path(__file__).resolve().parent
UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"
"""``UPDATE_GOLDEN=1 pytest …`` rewrites the golden files the tests compare with: review every
changed one by eye before committing."""

# The locale too: without --lang or PLAN_LANG it chooses the language (a Russian one: ru).
_CLEARED = (
    "PLAN_FILE",
    "PLAN_PROGRESS",
    "GITHUB_ACTIONS",
    "PLAN_LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
)


def check_golden(path: Path, actual: str) -> None:
    """``actual`` is the golden file's text, exactly (with UPDATE_GOLDEN=1, written first)."""
    if UPDATE_GOLDEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
    assert path.exists(), f"{path} is missing: run UPDATE_GOLDEN=1 pytest on its test"
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    """Run `plan ARGS...` as a user would, with no colour and a 100-column terminal."""
    environment: dict[str, str | None] = {name: None for name in _CLEARED}
    environment.update({"NO_COLOR": "1", "COLUMNS": "100", "TERM": "dumb"})
    environment.update(env or {})
    return CliRunner().invoke(app, list(args), env=environment, input=input)


@pytest.fixture(autouse=True, scope="session")
def _cache_of_the_tests(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The commands the tests run keep validated plans in a folder of the test session's, not
    in the user's cache (``snapshot``)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield
