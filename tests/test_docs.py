"""Every command of `plan` has help text and a section in README.md (in the style of
sqlite-utils' test_docs.py). A new command without a README heading fails here on purpose."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path
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


# --- README's examples are the real output ---------------------------------------------------

EXAMPLE = re.compile(r"```text\n\$ (plan [^\n]*)\n(.*?)```", re.DOTALL)
WRITES = ("import", "record")  # run in a folder of their own, with the repository's tests/
EXAMPLES = EXAMPLE.findall(README)


def test_readme_has_its_examples() -> None:
    assert [shlex.split(command)[1] for command, _ in EXAMPLES] == [
        "validate", "plans", "record", "timeline", "import",
    ]  # fmt: skip


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_is_the_real_output(
    command: str, shown: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each ```text block of README.md that starts with `$ plan …` is what that command prints
    (on an 80-column terminal; 100 for the timeline, whose grid is wider), whole, or, where the
    block has ⋮ lines, those lines in that order. A command that writes files runs in a
    folder of its own, from where the repository's tests/ is reachable as README's paths say."""
    args = shlex.split(command)[1:]
    if args[0] in WRITES:
        (tmp_path / "tests").symlink_to(REPO / "tests")
        monkeypatch.chdir(tmp_path)  # no aml/ there: `plan import` makes the draft's folder
    else:
        monkeypatch.chdir(REPO)  # `plan validate` names the data as a user in the checkout does
    width = "100" if args[0] == "timeline" else "80"
    result = run(*args, env={"COLUMNS": width})
    assert result.exit_code == 0, result.output
    if "⋮" not in shown:
        assert result.stdout == shown
        return
    lines = iter(result.stdout.splitlines())
    for line in shown.splitlines():
        if line != "⋮":
            assert line in lines, f"README shows {line!r}, which plan does not print there"
