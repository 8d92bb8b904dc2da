"""The progress file: reading it and checking its records against the plan.

Format (see README, "Progress records")::

    # Progress against the plan. `plan record` appends records at the end.
    schema_version: 1
    records:
    - measure: 5            # or `obligation: half-yearly-report-2017H1` for a report
      status: done          # not_started | in_progress | done | cancelled
      on: 2017-06-20
      evidence: https://...  # optional (URL or document)
      note: ...              # optional
      by: МВД                # optional agency code or Latin alias

``record`` appends records to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import DataProblems, InvalidInput, UnknownName
from .inputs import expected_targets, read_measure_id
from .loader import locate, open_document, paused_gc, read_bytes, validate_model
from .models import ProgressFile, ProgressRecord, ProgressStatus
from .obligations import Obligation, all_obligations, measure_id, resolve_agency
from .plan import Plan
from .plan_set import PlanSet, of
from .problems import Finding, Problem, Severity
from .spelling import fold
from .yamlio import Document, parse_simple

# --- telling a progress file from the others ---------------------------------------------

_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:", re.MULTILINE)


def other_kind(keys: Iterable[str]) -> str | None:
    """What a file with these top-level keys is when it is no progress file: "a plan file"
    (``measures``, ``act``) or "an abbreviations file" (``abbreviations``); None when it may
    be a progress file (it has ``records``, or none of those keys)."""
    found = set(keys)
    if "records" in found:
        return None
    if found & {"measures", "act"}:
        return "a plan file"
    if "abbreviations" in found:
        return "an abbreviations file"
    return None


def top_keys(text: str) -> list[str]:
    """The keys a YAML text writes at the start of a line: its top-level keys in block style,
    read without parsing (``plan record`` tells the file's kind before it takes a lock)."""
    return _TOP_KEY.findall(text)


def refuse_other_kind(path: Path, keys: Iterable[str]) -> None:
    """A plan or abbreviations file given where a progress file is wanted: one line, exit 2,
    before anything is done with it."""
    kind = other_kind(keys)
    if kind is not None:
        raise InvalidInput(
            f"{path} is {kind}, not a progress file: give the progress file with --progress "
            "FILE (or PLAN_PROGRESS), or leave both out for ./progress.yaml"
        )


# --- checking -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Targets:
    """What a record may be about: the plan's measure numbers and obligation ids, and how to
    say so. Built once per file (from every obligation of the plan), then shared by its
    records."""

    numbers: frozenset[int | str]
    ids: dict[str, str]  # every obligation's id in the plan (folded: in any case) → as it has it
    expected: str  # "expected a measure number 1–30 or a report id: …" (inputs)
    agencies: dict[str, str | None] = field(default_factory=dict, compare=False)
    """What is wrong with each agency named by a record so far (None: nothing): a file names
    a few agencies in thousands of records, and each is looked up in the glossary once."""

    def agency_problem(self, plan: Plan, name: str) -> str | None:
        if name not in self.agencies:
            try:
                resolve_agency(plan, name)
                self.agencies[name] = None
            except UnknownName as exc:
                self.agencies[name] = str(exc)
        return self.agencies[name]

    def has(self, record: ProgressRecord) -> bool:
        """Whether the plan has the measure or the obligation the record names."""
        if record.measure is not None:
            return record.measure in self.numbers
        return fold(record.target) in self.ids


def targets(plan: Plan, items: Sequence[Obligation] | None = None) -> Targets:
    """``items``: the plan's obligations, when they are at hand (their ids may be scoped)."""
    items = all_obligations(plan) if items is None else items
    numbers = {item.number for item in items if item.number is not None}
    reports = [item.local_id for item in items if item.kind == "report"]
    several = {
        item.local_id
        for item in items
        if item.kind == "measure" and item.local_id != measure_id(item.number or 0)
    }
    expected = expected_targets(numbers, reports, several).say("en")
    ids = {fold(item.local_id): item.local_id for item in items}
    return Targets(frozenset(numbers), ids, expected)


def _several(number: int | str, known: Targets, path: tuple[Any, ...]) -> Finding:
    """A record naming a measure that falls due several times without saying which time."""
    some = sorted(i for i in known.ids.values() if i.startswith(f"measure-{number}-"))
    return Finding(
        Severity.error,
        "unknown-obligation",
        f"measure {number} falls due several times: name the one the record is about, "
        f"`obligation: {some[0]}` (or another of {len(some)})",
        path,
    )


def record_findings(
    record: ProgressRecord,
    plan: Plan,
    where: tuple[Any, ...] = (),
    known: Targets | None = None,
) -> list[Finding]:
    """Problems of one record against the plan (its path in the document is ``where``);
    ``known`` is :func:`targets` of the plan, given when many records are checked."""
    known = known or targets(plan)
    numbers, ids, expected = known.numbers, known.ids, known.expected
    findings = []
    if record.measure is not None and record.measure not in numbers:
        findings.append(
            Finding(
                Severity.error,
                "unknown-measure",
                f"there is no measure {record.measure} in the plan: {expected}",
                (*where, "measure"),
            )
        )
    elif record.measure is not None and fold(record.target) not in ids:
        findings.append(_several(record.measure, known, (*where, "measure")))
    if record.obligation is not None and fold(record.obligation) not in ids:
        # `measure-13` of a measure that falls due several times: as `measure: 13` says
        number = read_measure_id(record.obligation)
        if number is not None and number in numbers:
            findings.append(_several(number, known, (*where, "obligation")))
        else:
            findings.append(
                Finding(
                    Severity.error,
                    "unknown-obligation",
                    f"there is no obligation {record.obligation!r}: {expected}",
                    (*where, "obligation"),
                )
            )
    if record.by is not None and (problem := known.agency_problem(plan, record.by)):
        findings.append(Finding(Severity.error, "unknown-agency", problem, (*where, "by")))
    if record.status is ProgressStatus.done and record.evidence is None:
        findings.append(
            Finding(
                Severity.warning,
                "done-without-evidence",
                "a record of `done` without `evidence`: add a URL or the document that shows it",
                (*where, "status"),
            )
        )
    return findings


class _Owners:
    """Which loaded plan each record of one progress file is about (README, "Many plans"):
    the plan its ``plan:`` names; without one, the only plan loaded, else the plan whose file
    is in the progress file's folder (when one plan only is there), else the only plan that
    has its measure or obligation."""

    def __init__(self, plans: PlanSet, path: Path | None) -> None:
        self.plans = plans
        self.known = {p.id: targets(p, plans.obligations_of(p)) for p in plans.plans}
        here = []
        if path is not None and len(plans.plans) > 1:
            folder = _folder(path)
            here = [p for p in plans.plans if _folder(p.path) == folder]
        self.folder_plan = here[0] if len(here) == 1 else None

    def owner(self, record: ProgressRecord, where: tuple[Any, ...]) -> Plan | Finding:
        """The record's plan, or the finding that says why it has none."""
        plans = self.plans
        if record.plan is not None:
            if record.plan in self.known:
                return plans.plan(record.plan)
            return Finding(
                Severity.warning,
                "other-plan",
                f"the record is about plan {record.plan}, which is not loaded (the plans "
                f"loaded: {', '.join(plans.ids)}): it is not counted",
                (*where, "plan"),
            )
        if len(plans.plans) == 1:
            return plans.plans[0]
        if self.folder_plan is not None:
            return self.folder_plan
        having = [p for p in plans.plans if self.known[p.id].has(record)]
        if len(having) == 1:
            return having[0]
        what = f"measure {record.measure}" if record.measure is not None else record.target
        if not having:
            kind = "unknown-measure" if record.measure is not None else "unknown-obligation"
            message = f"there is no {what} in any plan loaded ({', '.join(plans.ids)})"
            key = "measure" if record.measure is not None else "obligation"
            return Finding(Severity.error, kind, message, (*where, key))
        ids = ", ".join(p.id for p in having)
        return Finding(
            Severity.error,
            "ambiguous-plan",
            f"{what} is in {len(having)} plans loaded ({ids}): name the plan the record is "
            f"about, `plan: {having[0].id}`",
            where,
        )


def _folder(path: Path) -> Path:
    return path.resolve().parent


def check_progress_document(
    document: Document, plans: Plan | PlanSet, path: Path | None = None
) -> tuple[ProgressFile, list[Problem]]:
    """The file's records (each obligation id as its plan writes it) and their problems;
    schema errors raise DataProblems."""
    return _check(document, of(plans), path)[:2]


def _check(
    document: Document, plans: PlanSet, path: Path | None
) -> tuple[ProgressFile, list[Problem], list[ProgressRecord]]:
    """The file, its problems, and the records that count, each obligation id as its plan
    writes it (a file may write it in any letter case, as the commands read it:
    ``Half-Yearly-Report-2017h1``), each naming its plan when several plans are loaded (a
    record of a plan not loaded does not count)."""
    file = validate_model(document, ProgressFile, "a progress file")
    file, findings, counted = _checked(file, plans, path)
    return file, locate(document, findings), counted


def _checked(
    file: ProgressFile, plans: PlanSet, path: Path | None
) -> tuple[ProgressFile, list[Finding], list[ProgressRecord]]:
    owners = _Owners(plans, path)
    findings: list[Finding] = []
    written: list[ProgressRecord] = []
    counted: list[ProgressRecord] = []
    for i, record in enumerate(file.records or []):
        where = ("records", i)
        owner = owners.owner(record, where)
        if isinstance(owner, Finding):
            findings.append(owner)
            written.append(record)
            continue
        known = owners.known[owner.id]
        findings += record_findings(record, owner, where, known)
        update: dict[str, Any] = {}
        if record.obligation is not None:
            as_written = known.ids.get(fold(record.obligation), record.obligation)
            if as_written != record.obligation:
                update["obligation"] = as_written
        if update:
            record = record.model_copy(update=update)
        written.append(record)
        if plans.scoped and record.plan is None:
            record = record.model_copy(update={"plan": owner.id})
        counted.append(record)
    if any(a is not b for a, b in zip(written, file.records or [], strict=True)):
        file = file.model_copy(update={"records": written})
    return file, findings, counted


def _without_errors(
    path: Path, raw: bytes, plans: PlanSet, warnings: bool
) -> list[ProgressRecord] | None:
    """The records that count, when the file is written as `plan record` writes it (the
    simplest layout, ``yamlio.parse_simple``) and has no error (nor, when ``warnings`` are
    wanted, a warning): read without the positions, which only a problem needs; None otherwise
    (the file is then read with them)."""
    try:
        data = parse_simple(raw.decode("utf-8"))
        file = None if data is None else ProgressFile.model_validate(data)
    except (UnicodeDecodeError, ValidationError):
        return None
    if file is None:
        return None
    _, findings, counted = _checked(file, plans, path)
    if any(warnings or f.severity is Severity.error for f in findings):
        return None
    return counted


def load_records(
    path: Path, plans: Plan | PlanSet, raw: bytes | None = None, *, warnings: bool = True
) -> tuple[list[ProgressRecord], list[Problem]]:
    """The records of a progress file (read from its bytes ``raw`` when given) that count for
    the plans (each naming its plan when several are loaded), and its warnings (none when not
    ``warnings``: the query commands do not show them); errors raise DataProblems, a plan or
    abbreviations file InvalidInput."""
    with paused_gc():  # thousands of records, all kept: collections would walk them for nothing
        raw = read_bytes(path) if raw is None else raw
        counted = _without_errors(path, raw, of(plans), warnings)
        if counted is not None:
            return counted, []
        document = open_document(path, raw)
        if isinstance(document.data, dict):
            refuse_other_kind(path, document.data)
        _, problems, counted = _check(document, of(plans), path)
    errors = [p for p in problems if p.severity is Severity.error]
    if errors:
        raise DataProblems(errors)
    return counted, problems if warnings else []
