"""Every command of `plan` has help text and a section in README.md (in the style of
sqlite-utils' test_docs.py). A new command without a README heading fails here on purpose."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main

from conftest import REPO, run
from reintegration_plan.cli import app
from reintegration_plan.i18n import LABELS, label

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(command: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        if sub.hidden:
            continue
        yield (*prefix, name), sub
        yield from _commands(sub, (*prefix, name))


COMMANDS = dict(_commands(typer.main.get_command(app)))


def test_the_commands_are_found() -> None:
    assert {("validate",), ("schema",)} <= set(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS), ids=" ".join)
def test_command_has_help(name: tuple[str, ...]) -> None:
    """Its summary and description are labels in both languages, shown by --help."""
    command = " ".join(name)
    for key in (f"summary.{command}", f"help.{command}"):
        assert key in LABELS, f"`plan {command}` has no label {key}"
    result = run(*name, "--help")
    assert (result.exit_code, result.stderr) == (0, "")
    assert f"Usage: plan {command}" in result.stdout
    first = label(f"help.{command}", "en").split()[:4]
    assert " ".join(first) in " ".join(result.stdout.split())


@pytest.mark.parametrize("name", sorted(COMMANDS), ids=" ".join)
def test_command_is_documented_in_readme(name: tuple[str, ...]) -> None:
    heading = re.compile(rf"^### `plan {re.escape(' '.join(name))}[ `]", re.MULTILINE)
    assert heading.search(README), (
        f"README.md has no heading '### `plan {' '.join(name)} ...`' for the command"
    )


def test_readme_validate_example_is_what_plan_validate_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The example under `plan validate` in README.md is the real output on the shipped data."""
    monkeypatch.chdir(REPO)
    block = re.search(r"```text\n(data/plan_2017_2019\.yaml:.*?)```", README, re.DOTALL)
    assert block, "README.md has no ```text example of `plan validate` output"
    result = run("validate", "data/plan_2017_2019.yaml")
    assert result.exit_code == 0
    assert result.stdout == block.group(1)
