"""Loading and validating the data files: read → parse → schema → checks → located problems.

The one place that reads data files. Callers get a :class:`Plan` (the validated models plus
the glossary) or the list of :class:`Problem` that stopped it; files that cannot be read at all
(missing, a directory) raise :class:`UnreadableInput`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import checks
from .embedded import default_plan_path
from .errors import DataProblems, UnreadableInput
from .infile import MAX_FILE_BYTES as MAX_FILE_BYTES
from .infile import paused_gc as paused_gc
from .infile import read_bytes as read_bytes
from .models import (
    DISCRIMINATOR,
    SHAPE_TAGS,
    UNION_TAGS,
    Abbreviation,
    AbbreviationsFile,
    Measure,
    PlanFile,
    PlanHead,
    PlanPeriod,
    Table,
)
from .plan import Glossary, Plan
from .problems import Finding, Problem, Severity, located
from .yamlio import Document, YamlError, cut, format_path, load_bytes
from .yamlio import Path as Path_


def open_document(path: Path, raw: bytes | None = None) -> Document:
    """Read and parse one YAML file (or its bytes ``raw``, read already); YAML problems raise
    DataProblems, unreadable paths UnreadableInput."""
    name = str(path)
    try:
        return load_bytes(name, read_bytes(path) if raw is None else raw)
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


def _without_union_tags(loc: tuple[Any, ...], data: Any) -> Path_:
    """A pydantic location as a path in ``data``: the tag pydantic puts after a discriminated
    union's field (``deadline.quarter.year`` for the year of a quarter deadline) is dropped, so
    the year is not mistaken for the ``quarter`` key beside it."""
    path: list[Any] = []
    node, tagged = data, None
    for part in loc:
        if part in SHAPE_TAGS:
            continue  # a union of a number and a text, of one item and a list (models)
        tag = type(node) is dict and node is not tagged and part in UNION_TAGS
        if tag and node.get(DISCRIMINATOR) == part:
            tagged = node  # one tag a union: `deadline.quarter.quarter` is the quarter
            continue
        path.append(part)
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            node = None
    return tuple(path)


def schema_findings(error: ValidationError, data: Any, where: Path_ = ()) -> list[Finding]:
    """The findings of a validation of ``data``, which is at ``where`` in its document (the
    whole document when ``where`` is empty)."""
    findings = []
    for item in error.errors(include_url=False):
        loc = (*where, *_without_union_tags(tuple(item["loc"]), data))
        kind = item["type"]
        if kind == "missing":
            top = " at the top of the document" if len(loc) == 1 else ""
            findings.append(
                Finding(
                    Severity.error, "missing-key", f"missing required key {loc[-1]!r}{top}", loc
                )
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


def _shape_finding(data: Any, what: str) -> Finding | None:
    if isinstance(data, dict):
        return None
    kind = "a list" if isinstance(data, list) else "a single value"
    message = f"{what} must be a mapping of keys to values, not {kind}"
    return Finding(Severity.error, "document-shape", message, ())


Model = TypeVar("Model", bound=BaseModel)


def validate_model(document: Document, model: type[Model], what: str) -> Model:
    shape = _shape_finding(document.data, what)
    if shape is not None:
        raise DataProblems(locate(document, [shape]))
    try:
        # Strict, with JSON's types: the models say so (models.Strict)
        return model.model_validate(document.data)
    except ValidationError as exc:
        raise DataProblems(locate(document, schema_findings(exc, document.data))) from None


def check_plan_path(path: Path, raw: bytes | None = None) -> tuple[Plan | None, list[Problem]]:
    """Validate a plan file (its bytes ``raw`` when read already) and the abbreviations file it
    names: the plan (None when either has errors) and all problems of both."""
    with paused_gc():
        try:
            document = open_document(path, raw)
        except DataProblems as exc:
            return None, exc.problems
        return check_plan_document(document, path)


def check_plan_document(
    document: Document, path: Path, *, keep: bool = True
) -> tuple[Plan | None, list[Problem]]:
    """Every problem of a parsed plan file (and of the abbreviations file it names), sorted by
    file and position, and the plan when there is no error (and ``keep``).

    The head (all but the measures) and each measure are validated apart, so that a mistake
    in one measure hides neither the checks of the others nor those of the head; the measure
    numbers are checked once, from the data as written. Each measure's model is checked, then
    dropped unless ``keep``: ``plan validate`` holds only the data of a long plan.
    """
    root = document.data
    shape = _shape_finding(root, "a plan file")
    if shape is not None:
        return None, locate(document, [shape])
    findings: list[Finding] = []
    glossary, problems = _glossary(document, path)
    entries, broken = (None, frozenset[str]()) if glossary is None else glossary.usable()
    head: PlanHead | None = None
    try:
        head = PlanHead.model_validate(root)
    except ValidationError as exc:
        findings += schema_findings(exc, root)
    items = root.get("measures")
    items = items if isinstance(items, list) else []
    numbers = [_number(item) for item in items]
    table, layout = _table(root)
    context = checks.Context(
        by_code=None if entries is None else {e.code: e for e in entries},
        in_error=broken,
        period=head.act.period if head is not None else _period(root),
        table=table,
        sections=_section_ids(root),
        numbers=frozenset(n for n in numbers if n is not None),
        layout=layout,
    )
    if head is not None:
        findings += checks.check_head(head, context)
    findings += checks.check_measure_numbers(numbers)
    models: list[Measure] = []
    valid = head is not None
    for i, item in enumerate(items):
        try:
            measure = Measure.model_validate(item)
        except ValidationError as exc:
            findings += schema_findings(exc, item, ("measures", i))
            valid = False
            continue
        findings += checks.check_measure(measure, i, context)
        if keep:
            models.append(measure)
    findings += checks.check_whitespace(root)
    problems += locate(document, findings)
    problems.sort(key=lambda problem: problem.sort_key)
    if not valid or glossary is None or not keep or _has_errors(problems):
        return None, problems
    assert head is not None
    fields = {name: getattr(head, name) for name in head.model_fields_set}
    plan_file = PlanFile.model_validate({**fields, "measures": models})
    plan = Plan(path=path, file=plan_file, glossary=Glossary(tuple(glossary.file.abbreviations)))
    return plan, problems


def _has_errors(problems: Iterable[Problem]) -> bool:
    return any(problem.severity is Severity.error for problem in problems)


def _number(item: Any) -> int | str | None:
    """A measure's number as written, when it is one (a positive integer, or dotted: 1.7)."""
    number = item.get("number") if type(item) is dict else None
    if type(number) is str and _DOTTED.match(number):
        return number
    return number if type(number) is int and number > 0 else None


_DOTTED = re.compile(r"[1-9][0-9]*(\.[1-9][0-9]*)+\Z")


def _table(root: dict[str, Any]) -> tuple[Table | None, bool]:
    """The table's columns (None: 912's), and whether they could be read (when not, the checks
    that need them are skipped: the table's schema error says why)."""
    if "table" not in root:
        return None, True
    try:
        return Table.model_validate(root["table"]), True
    except ValidationError:
        return None, False


def _section_ids(root: dict[str, Any]) -> frozenset[str]:
    sections = root.get("sections")
    if not isinstance(sections, list):
        return frozenset()
    return frozenset(s["id"] for s in sections if type(s) is dict and type(s.get("id")) is str)


def _period(root: dict[str, Any]) -> PlanPeriod | None:
    """The plan period when the head is invalid but its period is not."""
    act = root.get("act")
    try:
        return PlanPeriod.model_validate(act.get("period") if isinstance(act, dict) else None)
    except ValidationError:
        return None


@dataclass(frozen=True)
class _Glossary:
    """An abbreviations file as read for a plan: the file, and its findings."""

    file: AbbreviationsFile
    findings: list[Finding]

    def usable(self) -> tuple[list[Abbreviation], frozenset[str]]:
        """The entries without an error of their own, to check a plan against (an error in
        one entry hides none of the plan's checks), and the codes of those with one (the
        plan's uses of them are not checked: the entry's error says what is wrong)."""
        broken = {
            f.path[1]
            for f in self.findings
            if f.severity is Severity.error and len(f.path) > 1 and f.path[0] == "abbreviations"
        }
        entries = self.file.abbreviations
        kept = [e for i, e in enumerate(entries) if i not in broken]
        return kept, frozenset(entries[i].code for i in broken if isinstance(i, int))


def _glossary(document: Document, path: Path) -> tuple[_Glossary | None, list[Problem]]:
    """The abbreviations file the plan names with its findings (None when it cannot be read or
    does not fit the schema), and its problems."""
    name = document.data.get("abbreviations")
    if not isinstance(name, str):
        return None, []  # the plan's schema error says so
    glossary_path = path.parent / name
    try:
        abbreviations = open_document(glossary_path)
        read = _Glossary(*_read_abbreviations(abbreviations))
        return read, locate(abbreviations, read.findings)
    except UnreadableInput as exc:
        finding = Finding(
            Severity.error,
            "abbreviations-file",
            f"the abbreviations file {exc.path} cannot be read: {exc.reason}",
            ("abbreviations",),
        )
        return None, locate(document, [finding])
    except DataProblems as exc:
        return None, exc.problems


def _read_abbreviations(document: Document) -> tuple[AbbreviationsFile, list[Finding]]:
    file = validate_model(document, AbbreviationsFile, "an abbreviations file")
    return file, [*checks.check_whitespace(document.data), *checks.check_abbreviations(file)]


def check_abbreviations_document(
    document: Document,
) -> tuple[AbbreviationsFile | None, list[Problem]]:
    file, findings = _read_abbreviations(document)
    problems = locate(document, findings)
    if _has_errors(problems):
        return None, problems
    return file, problems


def load_plan(path: Path | None = None, raw: bytes | None = None) -> Plan:
    """The validated plan (read from its bytes ``raw`` when given); raises DataProblems when it
    has errors (warnings are kept)."""
    plan, problems = check_plan_path(path or default_plan_path(), raw)
    if plan is None:
        raise DataProblems([p for p in problems if p.severity is Severity.error])
    return plan
