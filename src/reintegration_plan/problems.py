"""Problems found in the data: what, how bad, and where (file, 1-based line and column)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .yamlio import Path, format_path


class Severity(str, Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Finding:
    """A problem located by its path in a document, before positions are looked up."""

    severity: Severity
    code: str
    message: str
    path: Path
    at_key: bool = False  # point at the key rather than at the value


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    where: str  # location in the document, e.g. measures[2].deadline

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)


def located(finding: Finding, file: str, line: int, column: int) -> Problem:
    return Problem(
        file=file,
        line=line,
        column=column,
        severity=finding.severity,
        code=finding.code,
        message=finding.message,
        where=format_path(finding.path),
    )
