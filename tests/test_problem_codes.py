"""Every problem code is registered in ``problem_codes`` with its severity and summary; README's
table of codes is generated from the registry; no code is emitted that is not registered.

Two ways of finding the codes emitted: reading the source (every code passed to the classes and
helpers that make problems), and running ``plan validate`` over every folder case and hostile
file (the codes found, with the severities the registry gives them).
"""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

import pytest

from conftest import REPO, TESTS
from reintegration_plan.problem_codes import BY_CODE, CODES, markdown_table
from reintegration_plan.validation import validate_paths

SOURCE = REPO / "src" / "reintegration_plan"
README = REPO / "README.md"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

# The callables that take a problem code, and the position of the code among their arguments
CODE_ARGUMENT = {
    "Finding": 1,
    "YamlError": 0,
    "Explained": 0,
    "_error": 0,
    "_warning": 0,
    "Problem": None,  # by keyword only
}
TABLE = re.compile(r"<!-- problem-codes -->\n(.*?)<!-- /problem-codes -->\n", re.DOTALL)


def _constants(node: ast.expr) -> list[str] | None:
    """The string constants an expression can be, or None when it is not made of constants."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _constants(node.body), _constants(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def codes_in_source() -> dict[str, list[str]]:
    """Each code the source passes to a problem, with where (file:line)."""
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            expressions: list[ast.expr] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name in CODE_ARGUMENT:
                    position = CODE_ARGUMENT[name]
                    if position is not None and len(node.args) > position:
                        expressions.append(node.args[position])
                    expressions += [k.value for k in node.keywords if k.arg == "code"]
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "code" for t in node.targets
            ):
                expressions.append(node.value)  # code = "wrong-type" if … else "invalid-value"
            for expression in expressions:
                for code in _constants(expression) or []:
                    found.setdefault(code, []).append(f"{path.name}:{expression.lineno}")
    return found


def test_the_source_scan_finds_the_codes() -> None:
    """The scan itself: codes passed each way are found."""
    found = codes_in_source()
    for code in ("syntax", "tab-indentation", "missing-key", "wrong-type", "invalid-value"):
        assert code in found
    for code in ("lead-count", "undefined-abbreviation", "unknown-measure", "records-layout"):
        assert code in found


def test_every_code_in_the_source_is_registered() -> None:
    unregistered = {c: w for c, w in codes_in_source().items() if c not in BY_CODE}
    assert unregistered == {}, "register these in problem_codes.CODES"


def test_every_registered_code_is_used() -> None:
    assert sorted(set(BY_CODE) - set(codes_in_source())) == []


def test_codes_are_unique_and_well_formed() -> None:
    assert len(BY_CODE) == len(CODES)
    for entry in CODES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", entry.code), entry.code
        assert entry.summary and "\n" not in entry.summary and "|" not in entry.summary


def test_the_readme_table_is_generated_from_the_registry() -> None:
    readme = README.read_text(encoding="utf-8")
    match = TABLE.search(readme)
    assert match, "README.md has no <!-- problem-codes --> … <!-- /problem-codes --> table"
    if UPDATE:
        readme = readme[: match.start(1)] + markdown_table() + readme[match.end(1) :]
        README.write_text(readme, encoding="utf-8", newline="\n")
    assert match.group(1) == markdown_table() or UPDATE, (
        "README's table of problem codes is out of date: "
        "UPDATE_GOLDEN=1 pytest tests/test_problem_codes.py"
    )


CASE_FILES = sorted(TESTS.glob("cases/*/*/plan.yaml")) + sorted(TESTS.glob("hostile/*.yaml"))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_code_emitted_is_registered_with_its_severity(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(path.parent)
    try:
        problems = validate_paths([Path(path.name)])
    except Exception as exc:  # a file the hostile tests expect to be unreadable (exit 2)
        assert type(exc).__name__ == "UnreadableInput", exc
        return
    for problem in problems:
        assert problem.code in BY_CODE, problem
        assert problem.severity is BY_CODE[problem.code].severity, problem
