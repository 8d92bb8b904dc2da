"""Renderers of validation problems, keyed by format name: text, json, github.

Each takes the problems and the files checked and returns the whole output as a string.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence

from .problems import Problem, Severity

JSON_FORMAT_VERSION = 1


def summary(problems: Sequence[Problem]) -> dict[str, object]:
    return {
        "errors": sum(p.severity is Severity.error for p in problems),
        "warnings": sum(p.severity is Severity.warning for p in problems),
        "by_code": dict(sorted(Counter(p.code for p in problems).items())),
    }


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


ROOT = "$"


def _where(problem: Problem) -> str:
    """`` [measures[2].deadline]``; nothing for the document as a whole or an unknown place
    (a syntax error), whose message and line say enough."""
    return "" if problem.where == ROOT else f" [{problem.where}]"


def render_text(problems: Sequence[Problem], files: Sequence[str]) -> str:
    lines = [
        f"{p.file}:{p.line}:{p.column}: {p.severity.value}: {p.message}{_where(p)} ({p.code})"
        for p in problems
    ]
    counts = summary(problems)
    errors, warnings = counts["errors"], counts["warnings"]
    assert isinstance(errors, int) and isinstance(warnings, int)
    by_code = counts["by_code"]
    assert isinstance(by_code, dict)
    checked = _plural(len(files), "file")
    if not problems:
        lines.append(f"{checked} checked: no problems")
    else:
        codes = ", ".join(f"{code} {count}" for code, count in by_code.items())
        lines.append(
            f"{checked} checked: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
            f" ({codes})"
        )
    return "\n".join(lines) + "\n"


def render_json(problems: Sequence[Problem], files: Sequence[str]) -> str:
    document = {
        "version": JSON_FORMAT_VERSION,
        "files": list(files),
        "valid": not any(p.severity is Severity.error for p in problems),
        "problems": [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "severity": p.severity.value,
                "code": p.code,
                "message": p.message,
                "where": p.where,
            }
            for p in problems
        ],
        "summary": summary(problems),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(problems: Sequence[Problem], files: Sequence[str]) -> str:
    """GitHub workflow commands, escaped as the workflow-command rules require."""
    lines = []
    for p in problems:
        properties = ",".join(
            [
                f"file={_escape_property(p.file)}",
                f"line={p.line}",
                f"col={p.column}",
                f"title={_escape_property(p.code)}",
            ]
        )
        message = _escape_data(p.message + _where(p))  # a key in `where` may hold "\n::"
        lines.append(f"::{p.severity.value} {properties}::{message}")
    return "".join(line + "\n" for line in lines)


PROBLEM_FORMATS: dict[str, Callable[[Sequence[Problem], Sequence[str]], str]] = {
    "text": render_text,
    "json": render_json,
    "github": render_github,
}
