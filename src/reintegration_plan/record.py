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
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import CannotWrite, DataProblems, InvalidInput, UnknownName, UnreadableInput
from .i18n import act_name, worded
from .inputs import read_status, read_target
from .loader import MAX_FILE_BYTES, locate, open_document, read_bytes, validate_model
from .models import ProgressFile, ProgressRecord, ProgressStatus
from .obligations import all_obligations, measure_numbers_and_reports, resolve_agency
from .outfile import target_of, write_atomically
from .plan import Plan
from .problems import Finding, Severity
from .progress import record_findings, refuse_other_kind, top_keys
from .yamlio import PositionIndex, YamlError, parse

HEADER = (
    "# Progress against {plans}.\n"
    "# `plan record` appends records at the end. Each record: measure N (or obligation\n"
    "# ID), status (not_started | in_progress | done | cancelled), on YYYY-MM-DD, and\n"
    "# optionally evidence (URL or document), note, by (agency).\n"
    "schema_version: 1\n"
    "records:\n"
)
"""What a new progress file starts with: it names the plan (it said "Resolution No. 912
(2016)" in a file of any plan's records), or says that each record names its own."""


def header(plan: Plan, record: ProgressRecord) -> str:
    """The first lines of a new progress file whose first record is ``record``."""
    if record.plan is not None:  # several plans loaded
        return HEADER.format(plans="the plans of measures. Each record names its plan (plan: ID)")
    act = plan.act
    name = act_name(act.kind.value, act.number, "kind_short", "en")
    year = f" ({act.date.year})" if act.date is not None else ""
    return HEADER.format(plans=f"the plan of {name}{year}")


FIELD_ORDER = ("plan", "measure", "obligation", "status", "on", "evidence", "note", "by")


LOCK_WAIT_SECONDS = 10.0
"""How long ``plan record`` waits for another one to release the lock before giving up."""


def lock_path(path: Path) -> Path:
    """The sidecar file locked while a record is appended (never the file that is replaced):
    ``.progress.yaml.lock``, or, when that name would be longer than the file system allows,
    ``.plan-<hash of the name>.lock``."""
    name = f".{path.name}.lock"
    if len(os.fsencode(name)) > _name_max(path.parent):
        digest = hashlib.sha256(os.fsencode(path.name)).hexdigest()[:16]
        name = f".plan-{digest}.lock"
    return path.with_name(name)


def _name_max(directory: Path) -> int:
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError):
        return 255


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
    numbers, reports, others = measure_numbers_and_reports(plan)
    wanted = read_target(target, numbers, reports, others)
    some = sorted(i for i in others if i.startswith(f"measure-{wanted}-"))
    if (
        wanted in numbers
        and some
        and f"measure-{wanted}" not in {o.id for o in all_obligations(plan)}
    ):
        said = worded("error.several_times", number=wanted, first=some[0], count=len(some))
        raise UnknownName.of(said)
    fields: dict[str, Any] = {"measure" if wanted in numbers else "obligation": wanted}
    status = read_status(status, [s.value for s in ProgressStatus])
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


def check_record_day(plan: Plan, on: dt.date, today: dt.date) -> None:
    """A record is made on a day between the act's date and today; anything else is refused
    with the reason (``plan record --force`` records it anyway)."""
    act = plan.file.act.date
    if act is not None and on < act:
        raise InvalidInput.of(worded("error.before_act", on=on, act=act))
    if on > today:
        raise InvalidInput.of(worded("error.after_today", on=on, today=today))


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


# Line breaks as the parser counts them (YAML 1.1, as libyaml reads): CR LF, CR, LF, NEL, LS, PS
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _offset(text: str, line: int, column: int) -> int:
    """Character offset of a 1-based line and column, lines counted as the parser counts them
    (a file with CR line ends, or a lone CR, has them where the parser sees them)."""
    starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
    return starts[line - 1] + column - 1


def _newline(text: str) -> str:
    """The file's line end, as its first line has it: CR LF, CR or LF."""
    first = _LINE_BREAK.search(text)
    return first[0] if first and first[0] in ("\r\n", "\r") else "\n"


def _candidates(layout: _Layout, record: ProgressRecord) -> Iterator[str]:
    """New texts that may read back as the old records plus the new one, best first."""
    text, newline, index = layout.text, layout.newline, layout.index
    records = layout.records
    sep = "" if not text or _LINE_BREAK.match(text[-1]) else newline
    if isinstance(records, list) and records:
        seq = index.values[("records",)]
        first = index.values[("records", 0)]
        prefix = text[_offset(text, first.line, 1) : _offset(text, first.line, first.column)]
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


def _appended(path: Path, record: ProgressRecord, plan: Plan) -> bytes:
    """The file's new bytes: the old bytes with the record's text inserted."""
    raw = read_bytes(path) if path.exists() else b""
    if not raw.strip():
        return (header(plan, record) + _item_text(record, "", " ", "\n")).encode()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    document = open_document(path)  # read again under the lock: the same bytes
    text = document.text
    old = validate_model(document, ProgressFile, "a progress file").records or []
    layout = _Layout(
        text=text,
        newline=_newline(text),
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


def writable(path: Path) -> tuple[Path, os.stat_result | None]:
    """The progress file a record goes to, and its status (None when it does not exist yet),
    once it is known that it can be replaced as it is: raises UnreadableInput otherwise.

    A symbolic link is followed (it stays a link). Refused: what is not a regular file, a
    directory that cannot be written in (outfile.target_of), a file that is not writable (as
    ``echo >>`` would refuse it), and a file with more than one hard link (a rename would split
    the link: the other names would keep the old records)."""
    name = str(path)
    target, status = target_of(path, "a progress file is a regular file: give the file itself")
    if status is None:
        return target, None
    if not os.access(target, os.W_OK):
        raise UnreadableInput(
            name, "permission denied: the file is read-only (make it writable to record progress)"
        )
    if status.st_nlink > 1:
        raise UnreadableInput(
            name,
            f"has {status.st_nlink} hard links: `plan record` replaces the file, and the other "
            "links would keep the old records; make it a file of its own (cp FILE FILE.new && "
            "mv FILE.new FILE), or point the other names at it with symbolic links (ln -s)",
        )
    return target, status


def _open_lock(lock: Path) -> tuple[int, bool] | None:
    """The lock file opened, and whether this process made it; None when it vanished between
    two calls (its maker removed it: try again)."""
    try:
        return os.open(lock, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), True
    except FileExistsError:
        pass
    except OSError as exc:
        raise UnreadableInput(str(lock), exc.strerror or str(exc)) from None
    for flags in (os.O_RDWR, os.O_RDONLY):  # another's lock file: reading it is enough
        try:
            return os.open(lock, flags | os.O_CLOEXEC), False
        except FileNotFoundError:
            return None
        except PermissionError:
            continue
        except OSError as exc:
            raise UnreadableInput(str(lock), exc.strerror or str(exc)) from None
    raise UnreadableInput(str(lock), "permission denied")


def _still_there(fd: int, lock: Path) -> bool:
    """Whether the lock file held is still the one of that name (its maker may have removed
    it while this process waited: the lock then guards nothing)."""
    try:
        named = os.stat(lock)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


@contextmanager
def _locked(path: Path, wait: float, on_wait: Callable[[Path], None] | None) -> Iterator[None]:
    """Hold the exclusive lock of ``path``'s sidecar file; wait for it ``wait`` seconds at most,
    telling ``on_wait`` once that it is held by another process.

    A lock file this process made is removed when it is done, written or not, while it still
    holds the lock; one that waited on it then finds the name gone or another file there, and
    locks again (so two never hold it at once, and no lock file is left behind)."""
    lock = lock_path(path)
    deadline = time.monotonic() + wait
    told = False
    while True:
        opened = _open_lock(lock)
        if opened is None:
            continue
        fd, made = opened
        try:
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if on_wait is not None and not told:
                        on_wait(lock)
                        told = True
                    if time.monotonic() >= deadline:
                        raise CannotWrite(
                            str(path),
                            f"another process (another `plan record`?) has held {lock} for "
                            f"{wait:g} seconds: try again when it is done",
                        ) from None
                    time.sleep(0.05)
            if not _still_there(fd, lock):
                continue  # its maker removed it: lock the one there now (finally closes fd)
            try:
                yield
            finally:
                if made and _still_there(fd, lock):  # still held: no one else is in between
                    lock.unlink()
            return
        finally:
            os.close(fd)  # closing releases the lock


def append_record(
    path: Path,
    record: ProgressRecord,
    plan: Plan,
    *,
    wait: float = LOCK_WAIT_SECONDS,
    on_wait: Callable[[Path], None] | None = None,
) -> list[Finding]:
    """Append a record to the progress file (created when absent); returns its warnings.

    The record is checked against the plan before anything is touched: an error raises
    InvalidInput. Then the file is checked to be one that can be replaced (:func:`writable`)
    and not a plan or abbreviations file (InvalidInput), and only then locked. A file that
    does not read as a progress file raises DataProblems and is left as it is; so is one the
    record would make larger than a data file may be. The lock file is removed when done.
    """
    findings = record_findings(record, plan)
    errors = [f for f in findings if f.severity is Severity.error]
    if errors:
        raise InvalidInput(errors[0].message)
    target, status = writable(path)
    if status is not None:  # a plan or abbreviations file given for it: said before any lock
        refuse_other_kind(path, top_keys(read_bytes(target).decode("utf-8", "replace")))
    with _locked(target, wait, on_wait):
        target, status = writable(target)  # again: another record may have made it meanwhile
        new = _appended(target, record, plan)
        if len(new) > MAX_FILE_BYTES:
            raise CannotWrite(
                str(path),
                f"with this record it would be larger than {MAX_FILE_BYTES // 2**20} MiB, more "
                "than `plan` reads: keep the older records in another file and start a new "
                "progress file",
            )
        write_atomically(target, new, status)
    return [f for f in findings if f.severity is Severity.warning]
