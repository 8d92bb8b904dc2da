"""``plan record``: a progress record from what the user typed, appended to the progress file
under a lock, byte for byte, atomically.

:func:`append_record` checks the record first, then, holding an exclusive lock on a sidecar
file (``.progress.yaml.lock``), reads the file, inserts the record's text after the last record
without touching any other byte, checks that the result reads back as the old records plus the
new one, and replaces the file atomically (``outfile.write_atomically``).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import DataProblems, InvalidInput, UnknownName, UnreadableInput
from .loader import locate, open_document, read_bytes, validate_model
from .models import ProgressFile, ProgressRecord, ProgressStatus
from .obligations import resolve_agency
from .outfile import umask, write_atomically
from .plan import Plan
from .problems import Finding, Severity
from .progress import record_findings, targets
from .yamlio import PositionIndex, YamlError, parse

HEADER = (
    "# Progress against the plan of Resolution No. 912 (2016). `plan record` appends records "
    "at the end.\n"
    "# Each record: measure N (or obligation ID), status (not_started | in_progress | done |\n"
    "# cancelled), on YYYY-MM-DD, and optionally evidence (URL or document), note, by (agency).\n"
    "schema_version: 1\n"
    "records:\n"
)
"""What a new progress file starts with."""

FIELD_ORDER = ("measure", "obligation", "status", "on", "evidence", "note", "by")


def lock_path(path: Path) -> Path:
    """The sidecar file locked while a record is appended (never the file that is replaced)."""
    return path.with_name(f".{path.name}.lock")


# --- a new record -------------------------------------------------------------------------


def new_record(
    plan: Plan,
    target: str,
    status: str,
    on: dt.date,
    evidence: str | None = None,
    note: str | None = None,
    by: str | None = None,
) -> ProgressRecord:
    """A record from what the user typed; anything wrong raises InvalidInput (one line)."""
    known = targets(plan)
    numbers, reports, expected = known.numbers, known.reports, known.expected
    wanted = target.strip()
    fields: dict[str, Any] = {}
    if re.fullmatch(r"[0-9]+", wanted):
        if int(wanted) not in numbers:
            raise UnknownName(f"there is no measure {wanted} in the plan: {expected}")
        fields["measure"] = int(wanted)
    elif wanted.casefold() in {report.casefold() for report in reports}:
        fields["obligation"] = next(r for r in reports if r.casefold() == wanted.casefold())
    else:
        raise UnknownName(f"{target!r} is not a measure or a report of the plan: {expected}")
    choices = ", ".join(s.value for s in ProgressStatus)
    if status not in {s.value for s in ProgressStatus}:
        raise InvalidInput(f"{status!r} is not a status: expected one of {choices}")
    fields["status"] = status
    fields["on"] = on
    for name, value in (("evidence", evidence), ("note", note)):
        if value is not None:
            if not value.strip():
                raise InvalidInput(f"--{name} is empty: give a text, or leave the option out")
            fields[name] = value
    if by is not None:
        fields["by"] = resolve_agency(plan, by).code
    try:
        return ProgressRecord.model_validate(fields)
    except ValidationError as exc:  # pragma: no cover - every field is checked above
        raise InvalidInput(f"the record is not valid: {exc.errors()[0]['msg']}") from None


# --- appending ----------------------------------------------------------------------------


def _reads_back(text: str, value: str) -> bool:
    try:
        return bool(parse(f"k: {value}\n") == {"k": text})
    except YamlError:
        return False


def yaml_scalar(text: str) -> str:
    """A string as a YAML scalar that reads back as exactly that string: plain when it can be."""
    plain = text and text == text.strip() and not re.search(r"[\n\r\t]", text)
    if plain and _reads_back(text, text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    if _reads_back(text, quoted):
        return quoted
    return json.dumps(text)  # every character escaped: always reads back


def record_lines(record: ProgressRecord) -> list[str]:
    """``key: value`` lines of a record, in the documented order."""
    values = record.model_dump(exclude_none=True)
    lines = []
    for key in FIELD_ORDER:
        if key not in values:
            continue
        value = values[key]
        if isinstance(value, ProgressStatus):
            value = value.value
        elif isinstance(value, dt.date):
            value = value.isoformat()
        lines.append(f"{key}: {value if isinstance(value, int) else yaml_scalar(value)}")
    return lines


def _item_text(record: ProgressRecord, indent: str, gap: str, newline: str) -> str:
    lines = record_lines(record)
    inner = " " * (len(indent) + 1 + len(gap))
    out = [f"{indent}-{gap}{lines[0]}", *(inner + line for line in lines[1:])]
    return "".join(line + newline for line in out)


@dataclass(frozen=True)
class _Layout:
    """How the existing file writes its records."""

    text: str
    newline: str
    index: PositionIndex
    records: Any


def _offset(text: str, line: int, column: int) -> int:
    """Character offset of a 1-based line and column."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + column - 1


def _candidates(layout: _Layout, record: ProgressRecord) -> Iterator[str]:
    """New texts that may read back as the old records plus the new one, best first."""
    text, newline, index = layout.text, layout.newline, layout.index
    records = layout.records
    sep = "" if not text or text.endswith("\n") else newline
    if isinstance(records, list) and records:
        seq = index.values[("records",)]
        first = index.values[("records", 0)]
        line = text.split("\n")[first.line - 1]
        prefix = line[: first.column - 1]
        match = re.fullmatch(r"( *)-( +)", prefix)
        if seq.line != first.line or not match:
            return  # a flow list, or an item not on its own line: not a layout we append to
        indent, gap = match[1], match[2]
    elif isinstance(records, list):  # an empty flow list: `records: []` becomes a block list
        where = index.values[("records",)]
        start = _offset(text, where.line, where.column)
        if match := re.compile(r"\[[ \t]*\]").match(text, start):
            while start and text[start - 1] in " \t":
                start -= 1
            item = _item_text(record, "", " ", newline).removesuffix(newline)
            yield text[:start] + newline + item + text[match.end() :]
        return
    else:  # `records:` with nothing after it
        indent, gap = "", " "
    item = _item_text(record, indent, gap, newline)
    yield text + sep + item
    # `records` is not the last key: insert before the key that follows it
    keys = sorted((pos.line, pos.column) for path, pos in index.keys.items() if len(path) == 1)
    here = (index.keys[("records",)].line, index.keys[("records",)].column)
    later = [pos for pos in keys if pos > here]
    if later:
        start = _offset(text, later[0][0], 1)
        yield text[:start] + item + text[start:]


def _appended(path: Path, record: ProgressRecord) -> bytes:
    """The file's new bytes: the old bytes with the record's text inserted."""
    raw = read_bytes(path) if path.exists() else b""
    if not raw.strip():
        return (HEADER + _item_text(record, "", " ", "\n")).encode()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    document = open_document(path)  # read again under the lock: the same bytes
    text = document.text
    old = validate_model(document, ProgressFile, "a progress file").records or []
    layout = _Layout(
        text=text,
        newline="\r\n" if "\r\n" in text else "\n",
        index=document.index,
        records=document.data["records"],
    )
    for candidate in _candidates(layout, record):
        try:
            again = ProgressFile.model_validate(parse(candidate))
        except (YamlError, ValidationError):
            continue
        if again.records == [*old, record]:
            return bom + candidate.encode()
    raise DataProblems(
        locate(
            document,
            [
                Finding(
                    Severity.error,
                    "records-layout",
                    "`plan record` appends only to a block list of records (`- measure: …` "
                    "items): rewrite `records` as one, or add the record by hand",
                    ("records",),
                    at_key=True,
                )
            ],
        )
    )


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o644)
    except FileNotFoundError:
        raise UnreadableInput(str(path.parent), "no such directory") from None
    except PermissionError:
        raise UnreadableInput(str(path.parent), "permission denied") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def append_record(path: Path, record: ProgressRecord, plan: Plan) -> list[Finding]:
    """Append a record to the progress file (created when absent); returns its warnings.

    The record is checked against the plan before anything is touched: an error raises
    InvalidInput. A file that does not read as a progress file raises DataProblems and is
    left as it is.
    """
    findings = record_findings(record, plan)
    errors = [f for f in findings if f.severity is Severity.error]
    if errors:
        raise InvalidInput(errors[0].message)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    with _locked(path):
        existed = path.exists()
        new = _appended(path, record)
        mode = path.stat().st_mode & 0o7777 if existed else 0o666 & ~umask()
        write_atomically(path, new, mode)
    return [f for f in findings if f.severity is Severity.warning]
