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
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataProblems, InvalidInput, UnknownName
from .inputs import expected_targets, read_measure_id
from .loader import locate, open_document, validate_model
from .models import ProgressFile, ProgressRecord, ProgressStatus
from .obligations import all_obligations, measure_numbers_and_reports, resolve_agency
from .plan import Plan
from .problems import Finding, Problem, Severity
from .spelling import fold
from .yamlio import Document

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
    ids: dict[str, str]  # every obligation's id (folded: in any case) → as the plan has it
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


def targets(plan: Plan) -> Targets:
    items = all_obligations(plan)
    numbers, reports, others = measure_numbers_and_reports(plan)
    expected = expected_targets(numbers, reports, others).say("en")
    return Targets(frozenset(numbers), {fold(item.id): item.id for item in items}, expected)


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


def check_progress_document(document: Document, plan: Plan) -> tuple[ProgressFile, list[Problem]]:
    """The file's records and their problems; schema errors raise DataProblems."""
    file = validate_model(document, ProgressFile, "a progress file")
    known = targets(plan)
    findings: list[Finding] = []
    for i, record in enumerate(file.records or []):
        findings += record_findings(record, plan, ("records", i), known)
    return _as_the_plan_writes(file, known), locate(document, findings)


def _as_the_plan_writes(file: ProgressFile, known: Targets) -> ProgressFile:
    """The records with each obligation id as the plan writes it (a file may write it in
    any letter case, as the commands read it: ``Half-Yearly-Report-2017h1``)."""
    records = file.records or []
    if all(r.obligation is None or r.obligation in known.ids.values() for r in records):
        return file
    kept = [
        r.model_copy(update={"obligation": known.ids.get(fold(r.obligation), r.obligation)})
        if r.obligation is not None
        else r
        for r in records
    ]
    return file.model_copy(update={"records": kept})


def load_records(
    path: Path, plan: Plan, raw: bytes | None = None
) -> tuple[list[ProgressRecord], list[Problem]]:
    """The records of a progress file (read from its bytes ``raw`` when given), and its
    warnings; errors raise DataProblems, a plan or abbreviations file InvalidInput."""
    document = open_document(path, raw)
    if isinstance(document.data, dict):
        refuse_other_kind(path, document.data)
    file, problems = check_progress_document(document, plan)
    errors = [p for p in problems if p.severity is Severity.error]
    if errors:
        raise DataProblems(errors)
    return list(file.records or []), problems
