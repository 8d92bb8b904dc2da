"""`plan validate` on folders of cases, each with its golden output.

Each folder under ``tests/cases/valid/`` and ``tests/cases/invalid/`` holds a ``plan.yaml``
(and any file it names) and ``expected.txt``: the line ``exit: N`` followed by the exact
output of ``plan validate plan.yaml`` run inside the folder, so paths are relative to it.
The invalid cases are copies of ``valid/minimal`` with one kind of mistake each (the first
line of each plan.yaml says which); ``valid/with-source`` names the act's text it quotes (the
base of ``invalid/source-*``), and ``valid/source-missing`` validates with the one warning of a
missing act's text. ``UPDATE_GOLDEN=1 pytest tests/test_validate_cases.py``
rewrites the goldens: review every changed one by eye (the line:column must point at the
offending value; a missing key at its parent mapping, an unknown key at the key).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, TESTS, UPDATE_GOLDEN, check_golden, run

CASES = TESTS / "cases"
FOLDERS = sorted(p.parent for p in CASES.glob("*/*/plan.yaml"))


def test_the_cases_are_there() -> None:
    names = {f"{p.parent.name}/{p.name}" for p in FOLDERS}
    required = {
        "valid/minimal",
        "valid/with-source",
        "valid/source-missing",
        "valid/new-kinds",
        *(
            f"invalid/{name}"
            for name in (
                "syntax-error",
                "truncated",
                "duplicate-key",
                "alias",
                "anchor-and-alias",
                "tag",
                "unknown-agency",
                "deadline-mismatch",
                "impossible-quarter",
                "missing-field",
                "wrong-type",
                "unknown-key",
                "duplicate-measure-number",
                "measure-number-gap",
                "non-utf8",
                "empty",
                "list-document",
                "two-leads",
                "executors-mismatch",
                "whitespace",
                "abbreviations-missing",
                "abbreviations-invalid",
                "abbreviations-duplicate",
                "tab-indentation",
                "bad-indentation",
                "unclosed-quote",
                "lookalike-code",
                "lookalike-text",
                "latin-alias-text",
                "latin-alias-executor",
                "special-characters",
                "not-nfc",
                "confusable-codes",
                "line-separator",
                "next-line",
                "lone-carriage-return",
                "schema-version",
                "every-problem-in-one-run",
                "measure-deleted",
                "measure-duplicated",
                "measures-swapped",
                "deadline-year-wrong-type",
                "source-mismatch",
                "source-glossary",
                "source-count",
                "source-not-an-act",
                "source-not-utf8",
                # the kinds real plans add (tests/acts/): a copy of valid/new-kinds each
                "deadline-kind-mismatch",
                "impossible-date",
                "deadline-text-unread",
                "recurring-outside-period",
                "duplicate-deadline",
                "range-order",
                "dotted-number-gap",
                "number-text-mismatch",
                "unknown-section",
                "unknown-column",
                "table-columns",
                "financing-mismatch",
                "unpaired-fields",
                "first-named-lead",
                "follows-too-early",
                "follows-not-recipient",
                "unknown-duty",
                "unknown-party",
                "review-unknown-field",
                "impossible-day",
                "duty-named-like-a-measure",
            )
        ),
    }
    assert required <= names
    assert all((p / "expected.txt").is_file() or UPDATE_GOLDEN for p in FOLDERS)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_validate_case(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    result = run("validate", "plan.yaml")
    assert result.stderr == ""
    actual = f"exit: {result.exit_code}\n{result.stdout}"
    check_golden(folder / "expected.txt", actual)
    expected_exit = 0 if folder.parent.name == "valid" else 1
    assert result.exit_code == expected_exit


def test_copy_of_data_validates_on_its_own(tmp_path: Path) -> None:
    """An edited copy of data/ elsewhere: the plan finds the abbreviations file beside it."""
    copy = tmp_path / "path" / "to" / "copy"
    shutil.copytree(DATA, copy)
    plan = copy / "plan_2017_2019.yaml"
    result = run("validate", str(plan))
    assert (result.exit_code, result.stderr) == (0, "")
    problem, summary = result.stdout.splitlines()
    assert problem.startswith(f"{plan}:")
    assert problem.endswith(
        ":11: warning: 'МЗСР' is used but the act's glossary does not define it (the "
        "abbreviations file marks it in_glossary: false) [measures[27].text] "
        "(undefined-abbreviation)"
    )
    assert summary == "1 file checked: 0 errors, 1 warning (undefined-abbreviation 1)"
    # and it uses its own abbreviations file, not the shipped one
    (copy / "abbreviations.yaml").unlink()
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert f"the abbreviations file {copy / 'abbreviations.yaml'} cannot be read" in result.stdout


@pytest.mark.parametrize(
    ("name", "character"),
    [
        ("line-separator", "\u2028"),
        ("next-line", "\x85"),
        ("lone-carriage-return", "\r"),
        ("tab-indentation", "\t"),
    ],
)
def test_positions_are_those_of_editors_and_grep(name: str, character: str) -> None:
    """The line and column reported are where `grep -n` and an editor show the character
    (libyaml counts U+2028, NEL and a lone CR as line breaks; lines here end at LF only)."""
    folder = CASES / "invalid" / name
    lines = (folder / "plan.yaml").read_bytes().decode("utf-8").split("\n")
    first = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()[1]
    line, column = (int(n) for n in first.split(":")[1:3])
    assert lines[line - 1][column - 1] == character
    assert sum(character in text for text in lines[: line - 1]) == 0  # the first one
