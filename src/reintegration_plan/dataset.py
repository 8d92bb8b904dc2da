"""Loading and validating the data files: read → parse → schema → checks → located problems.

The one place that reads data files. Callers get a :class:`Plan` (the validated models plus
the glossary) or the list of :class:`Problem` that stopped it; files that cannot be read at all
(missing, a directory) raise :class:`UnreadableInput`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import checks
from .errors import DataProblems as DataProblems
from .errors import UnreadableInput as UnreadableInput
from .models import Abbreviation, AbbreviationsFile, PlanFile
from .problems import Finding, Problem, Severity, located
from .yamlio import Document, YamlError, cut, decode, format_path, load_text

PACKAGE_DIR = Path(__file__).resolve().parent
PLAN_FILE_NAME = "plan_2017_2019.yaml"


def embedded_data_dir() -> Path:
    """``data/`` inside the installed package, or the checkout's ``data/`` when run from source."""
    packaged = PACKAGE_DIR / "data"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parents[1] / "data"


def default_plan_path() -> Path:
    return embedded_data_dir() / PLAN_FILE_NAME


MAX_FILE_BYTES = 32 * 1024 * 1024
"""Largest file read; the plan is 32 kB, so a larger file (or /dev/zero) is not a data file."""


def read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except ValueError:  # a path holding NUL, e.g. `abbreviations: "a\0b"` in a plan file
        raise UnreadableInput(name.replace("\0", "\\0"), "a path cannot hold a NUL") from None
    except FileNotFoundError:
        raise UnreadableInput(name, "no such file") from None
    except IsADirectoryError:
        raise UnreadableInput(name, "is a directory, not a file") from None
    except PermissionError:
        raise UnreadableInput(name, "permission denied") from None
    except OSError as exc:
        raise UnreadableInput(name, exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise UnreadableInput(
            name, f"is larger than {MAX_FILE_BYTES // 2**20} MiB: too large for a data file"
        )
    return raw


def open_document(path: Path) -> Document:
    """Read and parse one YAML file; YAML problems raise DataProblems, unreadable paths
    UnreadableInput."""
    name = str(path)
    try:
        text = decode(read_bytes(path))
        return load_text(name, text)
    except YamlError as exc:
        raise DataProblems(
            [
                Problem(
                    file=name,
                    line=exc.position.line,
                    column=exc.position.column,
                    severity=Severity.error,
                    code=exc.code,
                    message=exc.message,
                    where=format_path(exc.path),
                )
            ]
        ) from None


def locate(document: Document, findings: Iterable[Finding]) -> list[Problem]:
    problems = []
    for finding in findings:
        path = document.resolve(finding.path)
        at_key = finding.at_key and path == finding.path
        position = document.position(path, key=at_key)
        resolved = Finding(finding.severity, finding.code, finding.message, path, at_key)
        problems.append(located(resolved, document.name, position.line, position.column))
    return problems


_JSON_WORDING = {
    "model_type": "Input should be an object",
    "model_attributes_type": "Input should be an object",
    "list_type": "Input should be a valid array",
}
"""Messages of Python-mode validation that JSON-mode validation (the JSON Schema's terms) words
otherwise: a mapping is an object, a list an array."""


def schema_findings(error: ValidationError) -> list[Finding]:
    findings = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        kind = item["type"]
        if kind == "missing":
            findings.append(
                Finding(Severity.error, "missing-key", f"missing required key {loc[-1]!r}", loc)
            )
        elif kind == "extra_forbidden":
            findings.append(
                Finding(
                    Severity.error,
                    "unknown-key",
                    f"unknown key {cut(repr(loc[-1]))}: remove it or check its spelling",
                    loc,
                    at_key=True,
                )
            )
        else:
            code = "wrong-type" if kind.endswith(("_type", "_parsing")) else "invalid-value"
            # validated in Python mode, worded as JSON-mode validation words it
            message = _JSON_WORDING.get(kind, item["msg"])
            message = message[0].lower() + message[1:]
            given = item.get("input")
            if isinstance(given, str | int | float | bool) or given is None:
                message += f" (got {cut(repr(given))})"
            findings.append(Finding(Severity.error, code, message, loc))
    return findings


Model = TypeVar("Model", bound=BaseModel)


def validate_model(document: Document, model: type[Model], what: str) -> Model:
    if not isinstance(document.data, dict):
        kind = "a list" if isinstance(document.data, list) else "a single value"
        raise DataProblems(
            locate(
                document,
                [
                    Finding(
                        Severity.error,
                        "document-shape",
                        f"{what} must be a mapping of keys to values, not {kind}",
                        (),
                    )
                ],
            )
        )
    try:
        # Strict, with JSON's types: the models say so (models.Strict)
        return model.model_validate(document.data)
    except ValidationError as exc:
        raise DataProblems(locate(document, schema_findings(exc))) from None


@dataclass(frozen=True)
class Glossary:
    """The abbreviations file's entries, looked up by code or Latin alias in any letter case."""

    entries: tuple[Abbreviation, ...]

    def find(self, name: str) -> Abbreviation | None:
        wanted = name.strip().casefold()
        for entry in self.entries:
            if wanted in (entry.code.casefold(), entry.alias.casefold()):
                return entry
        return None

    def get(self, code: str) -> Abbreviation | None:
        for entry in self.entries:
            if entry.code == code:
                return entry
        return None


@dataclass(frozen=True)
class Plan:
    """A validated plan file with its glossary."""

    path: Path
    file: PlanFile
    glossary: Glossary
    warnings: tuple[Problem, ...] = ()


def _abbreviations_path(plan_path: Path, data: Any) -> Path | None:
    name = data.get("abbreviations") if isinstance(data, dict) else None
    if isinstance(name, str):
        return plan_path.parent / name
    return None


def check_plan_path(path: Path) -> tuple[Plan | None, list[Problem]]:
    """Validate a plan file and the abbreviations file it names; all problems of both."""
    try:
        document = open_document(path)
    except DataProblems as exc:
        return None, exc.problems
    return check_plan_document(path, document)


def check_plan_document(path: Path, document: Document) -> tuple[Plan | None, list[Problem]]:
    problems: list[Problem] = []
    plan_file: PlanFile | None = None
    try:
        plan_file = validate_model(document, PlanFile, "a plan file")
    except DataProblems as exc:
        problems += exc.problems
    glossary_path = _abbreviations_path(path, document.data)
    glossary: AbbreviationsFile | None = None
    if glossary_path is not None:
        try:
            glossary, glossary_problems = check_abbreviations_path(glossary_path)
            problems += glossary_problems
        except UnreadableInput as exc:
            problems += locate(
                document,
                [
                    Finding(
                        Severity.error,
                        "abbreviations-file",
                        f"the abbreviations file {exc.path} cannot be read: {exc.reason}",
                        ("abbreviations",),
                    )
                ],
            )
        except DataProblems as exc:
            problems += exc.problems
    problems += locate(document, checks.check_whitespace(document.data))
    if plan_file is None or glossary is None:
        return None, problems
    problems += locate(document, checks.check_plan(plan_file, glossary.abbreviations))
    plan = Plan(
        path=path,
        file=plan_file,
        glossary=Glossary(tuple(glossary.abbreviations)),
        warnings=tuple(p for p in problems if p.severity is Severity.warning),
    )
    return plan, problems


def check_abbreviations_path(path: Path) -> tuple[AbbreviationsFile | None, list[Problem]]:
    return check_abbreviations_document(open_document(path))


def check_abbreviations_document(
    document: Document,
) -> tuple[AbbreviationsFile | None, list[Problem]]:
    file = validate_model(document, AbbreviationsFile, "an abbreviations file")
    findings = [*checks.check_whitespace(document.data), *checks.check_abbreviations(file)]
    problems = locate(document, findings)
    if any(p.severity is Severity.error for p in problems):
        return None, problems
    return file, problems


def is_abbreviations_document(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("abbreviations"), list)


def is_progress_document(data: Any) -> bool:
    """A progress file: a mapping with a ``records`` key."""
    return isinstance(data, dict) and "records" in data


def _check_progress(document: Document, plan_path: Path | None) -> list[Problem]:
    from .progress import check_progress_document  # progress builds on this module

    try:
        return check_progress_document(document, load_plan(plan_path))[1]
    except DataProblems as exc:
        return exc.problems


def validate_paths(paths: Sequence[Path], plan_path: Path | None = None) -> list[Problem]:
    """Every problem in every file, each file's kind told by its content, without repeats.

    A plan file brings the abbreviations file it names; a progress file (a mapping with
    ``records``) is checked against the plan at ``plan_path`` (default: the embedded data); a
    file that is none of these is checked as a plan file.
    """
    problems: dict[Problem, None] = {}
    for path in paths:
        try:
            document = open_document(path)
        except DataProblems as exc:
            problems.update(dict.fromkeys(exc.problems))
            continue
        if is_abbreviations_document(document.data):
            try:
                found = check_abbreviations_document(document)[1]
            except DataProblems as exc:
                found = exc.problems
        elif is_progress_document(document.data):
            found = _check_progress(document, plan_path)
        else:
            found = check_plan_document(path, document)[1]
        problems.update(dict.fromkeys(found))
    return sorted(problems, key=lambda p: p.sort_key)


def load_plan(path: Path | None = None) -> Plan:
    """The validated plan; raises DataProblems when it has errors (warnings are kept)."""
    plan, problems = check_plan_path(path or default_plan_path())
    if plan is None or any(p.severity is Severity.error for p in problems):
        raise DataProblems([p for p in problems if p.severity is Severity.error])
    return plan


def plan_path_from(option: str | None) -> Path:
    """``--plan`` if given, else ``$PLAN_FILE``, else the embedded data."""
    chosen = option or os.environ.get("PLAN_FILE")
    return Path(chosen) if chosen else default_plan_path()
