"""Loading and validating the data files: read → parse → schema → checks → located problems.

The one place that reads data files. Callers get a :class:`Plan` (the validated models plus
the glossary) or the list of :class:`Problem` that stopped it; files that cannot be read at all
(missing, a directory) raise :class:`UnreadableInput`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from . import checks
from .errors import DataProblems, UnreadableInput
from .models import Abbreviation, AbbreviationsFile, Measure, PlanFile, PlanPeriod
from .plan import Glossary, Plan
from .problems import Finding, Problem, Severity, located
from .yamlio import (
    Document,
    Dropped,
    ItemHandler,
    Positions,
    YamlError,
    cut,
    decode,
    format_path,
    load_text,
    resolve,
)
from .yamlio import Path as Path_

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


def open_document(path: Path, on_measure: ItemHandler | None = None) -> Document:
    """Read and parse one YAML file; YAML problems raise DataProblems, unreadable paths
    UnreadableInput. With ``on_measure``, the items of the top-level ``measures`` list go to it
    as the parser completes them (see yamlio.parse_with_positions)."""
    name = str(path)
    try:
        text = decode(read_bytes(path))
        return load_text(name, text, on_measure, "measures")
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


def schema_findings(error: ValidationError, *, root: bool = False) -> list[Finding]:
    """The findings of a validation error; ``root``: of the whole document (its locations
    start at the top of the document)."""
    findings = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        kind = item["type"]
        if kind == "missing":
            top = " at the top of the document" if root and len(loc) == 1 else ""
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
        raise DataProblems(locate(document, schema_findings(exc, root=True))) from None


def _abbreviations_path(plan_path: Path, data: Any) -> Path | None:
    name = data.get("abbreviations") if isinstance(data, dict) else None
    if isinstance(name, str):
        return plan_path.parent / name
    return None


def check_plan_path(path: Path) -> tuple[Plan | None, list[Problem]]:
    """Validate a plan file and the abbreviations file it names; all problems of both."""
    check = PlanCheck(path, keep=True)
    try:
        document = open_document(path, check.on_measure)
    except DataProblems as exc:
        return None, exc.problems
    return check.finish(document)


_Context = tuple[dict[str, Abbreviation], PlanPeriod]


class PlanCheck:
    """Checks a plan file, each measure as soon as the parser completes it.

    The measures are almost all of a plan file (10,000 measures are 11 MB): each is validated,
    checked and its problems located while the parser holds it, then dropped (without
    ``keep``; with it, its model is kept). What needs more than one measure is kept small: the
    numbers seen, and the problems found, by kind, so that they are reported in the order of
    checking the whole file at once. The rest of the file is validated as a whole at the end.
    A measure's checks need the abbreviations file and the plan period: when the file gives
    them after its measures, the measures are kept and checked at the end.
    """

    def __init__(self, path: Path, *, keep: bool) -> None:
        self.path = path
        self.keep = keep
        self.models: dict[int, Measure] = {}
        self.streaming: bool | None = None  # decided at the first measure
        self.dropped = False
        self.schema_failed = False
        self.numbers = checks.MeasureNumbers()
        self.found: dict[str, list[tuple[int, list[Problem]]]] = {
            kind: [] for kind in ("schema", "whitespace", *_MEASURE_KINDS)
        }
        self.glossary_loaded = False
        self.glossary: AbbreviationsFile | None = None
        self.glossary_problems: list[Problem] = []
        self.glossary_finding: Finding | None = None
        self.context: _Context | None = None

    # --- while parsing --------------------------------------------------------------------

    def on_measure(
        self, root: dict[str, Any], i: int, item: dict[str, Any], ordinal: int, positions: Positions
    ) -> Any:
        if self.streaming is None:
            self.streaming = "abbreviations" in root and "act" in root
            if self.streaming:
                self.context = self._context(root)
        if not self.streaming:
            return None  # checked at the end

        def locate_here(findings: Iterable[Finding]) -> list[Problem]:
            problems = []
            for finding in findings:
                inside = finding.path[2:]
                found = resolve(item, inside)
                at_key = finding.at_key and found == inside
                position = positions.find(item, found, key=at_key, ordinal=ordinal)
                where = (*finding.path[:2], *found)
                resolved = Finding(finding.severity, finding.code, finding.message, where, at_key)
                problems.append(located(resolved, str(self.path), position.line, position.column))
            return problems

        self._check_measure(i, item, locate_here)
        self.dropped = True
        return positions.drop(item)

    def _glossary(self, root: Any) -> None:
        if self.glossary_loaded:
            return
        self.glossary_loaded = True
        glossary_path = _abbreviations_path(self.path, root)
        if glossary_path is None:
            return
        try:
            self.glossary, self.glossary_problems = check_abbreviations_path(glossary_path)
        except UnreadableInput as exc:
            self.glossary_finding = Finding(
                Severity.error,
                "abbreviations-file",
                f"the abbreviations file {exc.path} cannot be read: {exc.reason}",
                ("abbreviations",),
            )
        except DataProblems as exc:
            self.glossary_problems = exc.problems

    def _context(self, root: dict[str, Any]) -> _Context | None:
        """The abbreviations and the plan period, or None when either is missing or invalid
        (the plan is then invalid, and its measures' checks are not reported)."""
        self._glossary(root)
        act = root.get("act")
        if self.glossary is None or not isinstance(act, dict):
            return None
        try:
            period = PlanPeriod.model_validate(act.get("period"))
        except ValidationError:
            return None
        return {entry.code: entry for entry in self.glossary.abbreviations}, period

    def _check_measure(
        self, i: int, item: Any, locate_at: Callable[[Iterable[Finding]], list[Problem]]
    ) -> None:
        where: Path_ = ("measures", i)
        model: Measure | None = None
        try:
            model = Measure.model_validate(item)
        except ValidationError as exc:
            self.schema_failed = True
            findings = [
                Finding(f.severity, f.code, f.message, (*where, *f.path), f.at_key)
                for f in schema_findings(exc)
            ]
            self.found["schema"].append((i, locate_at(findings)))
        self.found["whitespace"].append((i, locate_at(checks.check_whitespace(item, where))))
        if model is None or self.schema_failed or self.context is None:
            return  # the plan is invalid: its measures' checks are not reported
        if self.keep:
            self.models[i] = model
        by_code, period = self.context
        found = checks.check_measure(model, i, by_code, period)
        found.numbers = self.numbers.check(i, model.number)
        for kind in _MEASURE_KINDS:
            self.found[kind].append((i, locate_at(getattr(found, kind))))

    # --- at the end -----------------------------------------------------------------------

    def _problems(self, kind: str) -> list[Problem]:
        return [p for _, problems in sorted(self.found[kind], key=lambda f: f[0]) for p in problems]

    def finish(self, document: Document) -> tuple[Plan | None, list[Problem]]:
        root = document.data
        measures = root.get("measures") if isinstance(root, dict) else None
        if isinstance(measures, list):
            if not self.streaming:
                self.context = self._context(root)
            for i, item in enumerate(measures):
                if type(item) is not Dropped:
                    self._check_measure(i, item, lambda f: locate(document, f))
        self._glossary(root)
        problems: list[Problem] = []
        plan_file: PlanFile | None = None
        if not isinstance(root, dict) or not isinstance(measures, list):
            try:
                plan_file = validate_model(document, PlanFile, "a plan file")
            except DataProblems as exc:
                problems += exc.problems
        else:
            plan_file, head_problems, extra_problems = self._validate_head(document, measures)
            problems += head_problems + self._problems("schema") + extra_problems
        problems += self.glossary_problems
        if self.glossary_finding is not None:
            problems += locate(document, [self.glossary_finding])
        problems += self._whitespace(document, measures)
        glossary = self.glossary
        if plan_file is None or self.schema_failed or glossary is None or self.context is None:
            return None, problems  # an invalid plan: its checks are not reported
        by_code = self.context[0]
        act, obligations, abbreviations, translations = checks.head_groups(plan_file, by_code)
        problems += locate(document, act)
        problems += self._problems("numbers")
        problems += locate(document, obligations)
        problems += self._problems("checks")
        problems += locate(document, abbreviations)
        problems += self._problems("abbreviations")
        problems += locate(document, translations)
        problems += self._problems("translations")
        plan = Plan(
            path=self.path,
            file=plan_file,
            glossary=Glossary(tuple(glossary.abbreviations)),
        )
        return plan, problems

    def _validate_head(
        self, document: Document, measures: list[Any]
    ) -> tuple[PlanFile | None, list[Problem], list[Problem]]:
        """The plan file validated with its measures (checked already) in place: the model and
        the problems found, those of the top-level's unknown keys apart (reported after the
        measures' problems, as validating the whole file reports them)."""
        stand_in = _stand_in()
        head = dict(document.data)
        head["measures"] = [self.models.get(i, stand_in) for i in range(len(measures))]
        try:
            return PlanFile.model_validate(head), [], []
        except ValidationError as exc:
            findings = schema_findings(exc, root=True)
        extras = [f for f in findings if f.code == "unknown-key" and len(f.path) == 1]
        others = [f for f in findings if not (f.code == "unknown-key" and len(f.path) == 1)]
        return None, locate(document, others), locate(document, extras)

    def _whitespace(self, document: Document, measures: Any) -> list[Problem]:
        """Stray whitespace in document order, the measures' found as they were checked."""
        root = document.data
        if not isinstance(root, dict) or not isinstance(measures, list):
            return locate(document, checks.check_whitespace(root))
        problems: list[Problem] = []
        for key, value in root.items():
            if key == "measures":
                problems += self._problems("whitespace")
            else:
                problems += locate(document, checks.check_whitespace(value, (key,)))
        return problems


_MEASURE_KINDS = ("numbers", "checks", "abbreviations", "translations")


@cache
def _stand_in() -> Measure:
    """In the place of a measure validated already (or found invalid) when the rest of the plan
    file is validated."""
    return Measure.model_construct()  # type: ignore[call-arg]  # never read


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
