"""The validated plan and progress records kept between runs, so that the query commands skip
reading the YAML and validating it: the embedded plan's snapshot, built into the wheel, a cache
of the other plan files (``--plan``, ``$PLAN_FILE``) and one of progress files.

An entry is a few lines of text, then the payload (the act's model, the name of the
abbreviations file, the glossary's entries, what the caller computed from the plan to keep with
it, the plan's digest (``Plan.digest``: what progress records are checked against), and the plan
file's models, pickled apart so that they are unpickled only when asked for)::

    reintegration-plan plan snapshot 1
    <SHA-256 of the code that reads a plan, and of the versions of the package and pydantic>
    crc32:<the payload's CRC-32>
    <SHA-256 of the plan file> <its name>
    <SHA-256 of the abbreviations file> <its path, relative to the plan's folder>
    (an empty line)
    <payload>

An entry is used only when all of it holds: the same code, the same files byte for byte, a
payload intact. Anything else (stale, cut short, corrupt, written by another version, a file
that cannot be read) and the entry is ignored, never an error or other data: the plan is read
and validated as usual (and, for the cache, the entry written again). The cache is written all
at once (``outfile.write_atomically``); a cache folder that cannot be written means no cache.
Only valid plans are kept: a plan with errors is read again each time, and its errors shown.

A progress file's entry is the same, but for its first line and its files::

    reintegration-plan progress snapshot 1
    <SHA-256 of the code>
    crc32:<the payload's CRC-32>
    <SHA-256 of the progress file>
    <the digest of the plan its records were checked against (Plan.digest)>
    (an empty line)
    <payload: the records, pickled a thousand at a time>

Only records without errors against that plan are kept (their warnings are not: the query
commands do not show them). A progress file grows with every `plan record`, so its entry is
named after the file's path, not its bytes: each version replaces the one before, and the cache
holds one entry for each progress file, not one for each record ever made.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import stat
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .embedded import PACKAGE_DIR, default_plan_path
from .infile import paused_gc
from .models import PlanFile, ProgressRecord
from .plan import Glossary, Plan

MAGIC = b"reintegration-plan plan snapshot 1\n"
RECORDS_MAGIC = b"reintegration-plan progress snapshot 1\n"
SNAPSHOT_SUFFIX = ".snapshot"
"""The embedded plan's snapshot is its file name with this suffix, beside it."""
_MAX_BYTES = 32 * 1024 * 1024  # loader.MAX_FILE_BYTES: a larger file is left to the loader


Keep = Callable[[Plan], Mapping[str, Any]]
"""What a caller computes from a plan to keep with it in the cache (``Plan.kept``): plain data
that it would otherwise compute from the file's models in every run (the obligations)."""


def load_plan(
    path: Path,
    cache_dir: Path | None = None,
    keep: Keep | None = None,
    plan_bytes: bytes | None = None,
) -> Plan:
    """The validated plan at ``path`` (DataProblems when it has errors, as ``loader.load_plan``
    raises): from the embedded plan's snapshot or the cache in ``cache_dir`` when one holds
    this very plan, else read and validated, and then kept in the cache (with ``keep(plan)``,
    given back as ``plan.kept`` by the runs that take it from the cache). ``plan_bytes``: the
    file's bytes, when the caller has read them (a regular file of a data file's size)."""
    if plan_bytes is None:
        plan_bytes = _file_bytes(path)
    found = None if plan_bytes is None else _cached(path, plan_bytes, cache_dir)
    if found is not None:
        return found
    from .loader import load_plan as read_plan

    plan = read_plan(path, plan_bytes)
    plan.kept = dict(keep(plan)) if keep else {}
    if cache_dir is not None and plan_bytes is not None:
        _store(path, plan_bytes, plan, cache_dir, dict(plan.kept))
    return plan


def cached_plan(path: Path, cache_dir: Path | None) -> Plan | None:
    """The plan at ``path`` from its snapshot or the cache, or None when neither holds it."""
    plan_bytes = _file_bytes(path)
    return None if plan_bytes is None else _cached(path, plan_bytes, cache_dir)


def entry_bytes(path: Path) -> bytes:
    """The entry of the valid plan at ``path``, as the wheel's build writes the snapshot."""
    from .loader import load_plan as read_plan

    plan_bytes = _file_bytes(path)
    if plan_bytes is None:
        raise ValueError(f"{path}: not a regular file of at most 32 MiB")
    entry = _entry(path, plan_bytes, read_plan(path, plan_bytes), {})
    if entry is None:
        raise ValueError(f"{path}: its files changed while it was read")
    return entry


def snapshot_path(path: Path) -> Path:
    return path.with_name(path.name + SNAPSHOT_SUFFIX)


# --- reading -----------------------------------------------------------------------------------


def _file_bytes(path: Path) -> bytes | None:
    try:
        return _read_regular(path)
    except OSError:  # the loader says what is wrong with it
        return None


def _read_regular(path: Path) -> bytes | None:
    """The bytes of ``path`` when it is a regular file of a data file's size (a FIFO is not
    waited on), else None (the loader then says what is wrong)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read(_MAX_BYTES + 1)
    finally:
        os.close(fd)


def _cached(path: Path, plan_bytes: bytes, cache_dir: Path | None) -> Plan | None:
    file_digest = _digest(plan_bytes)
    for entry in _entries(path, file_digest, cache_dir):
        try:
            found = _from_entry(entry, path, file_digest)
        except Exception:  # missing, unreadable or corrupt: the next, or read the plan as usual
            continue
        if found is not None:
            return found
    return None


def _entries(path: Path, digest: str, cache_dir: Path | None) -> list[Path]:
    """Where an entry for the plan whose bytes have this ``digest`` may be: the snapshot beside
    the embedded plan (when it is that file), the cache."""
    found = []
    if _is_embedded(path):
        found.append(snapshot_path(default_plan_path()))
    if cache_dir is not None:
        found.append(cache_dir / _cache_name(digest))
    return found


def _is_embedded(path: Path) -> bool:
    """Whether ``path`` is the embedded plan's file (by any name: a link, a copy's path is
    not), told by the file itself, not by resolving its path (a query over many plans asks
    it of each)."""
    try:
        return os.path.samestat(os.stat(path), os.stat(default_plan_path()))
    except (OSError, ValueError):
        return False


def _from_entry(entry: Path, path: Path, file_digest: str) -> Plan | None:
    found = _checked(entry, MAGIC)
    if found is None:
        return None
    (plan_line, glossary_line), payload = found  # a header of other lines raises
    if plan_line.partition(" ")[0] != file_digest:
        return None  # (the plan's name is not compared: a copy elsewhere is the same plan)
    glossary_digest, _, name = glossary_line.partition(" ")
    content = _read_regular(path.parent / name)
    if content is None or _digest(content) != glossary_digest:
        return None
    act, glossary_name, entries, kept, digest, file_bytes = pickle.loads(payload)

    def read() -> PlanFile:
        file: PlanFile = pickle.loads(file_bytes)
        return file

    return Plan(
        path,
        read,
        Glossary(tuple(entries)),
        act=act,
        abbreviations=glossary_name,
        kept=kept,
        digest=digest,
    )


def _checked(entry: Path, magic: bytes) -> tuple[list[str], memoryview] | None:
    """The lines of an entry's header after the code's and the payload's checksums, and its
    payload, when the entry is a regular file of this kind (``magic``), written by this code,
    with its payload intact; else None. (A header that is not UTF-8 raises.)"""
    data = _read_regular(entry)
    if data is None or not data.startswith(magic):
        return None
    end = data.find(b"\n\n", len(magic))
    if end < 0:
        return None
    header = data[len(magic) : end]
    payload = memoryview(data)[end + 2 :]  # (not copied: a plan's payload is large)
    code, payload_check, *lines = header.decode("utf-8").split("\n")
    if code != fingerprint() or _checksum(payload) != payload_check:
        return None
    return lines, payload


def _digest(data: bytes | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()


def _checksum(payload: bytes | memoryview) -> str:
    """What an entry's payload is checked by: its CRC-32. The entry is the cache's own file,
    checked for damage (a write cut short, a changed bit), not for forgery, and a plan's
    payload is large: SHA-256 took twice the time (the files an entry was made from are told
    by their SHA-256)."""
    return f"crc32:{zlib.crc32(payload):08x}"


# --- writing -----------------------------------------------------------------------------------


def _entry_of(magic: bytes, lines: list[str], payload: bytes) -> bytes:
    """An entry: what it is, the code's and the payload's checksums, ``lines``, the payload."""
    header = "\n".join([fingerprint(), _checksum(payload), *lines])
    return magic + header.encode("utf-8") + b"\n\n" + payload


def _entry(path: Path, plan_bytes: bytes, plan: Plan, kept: dict[str, Any]) -> bytes | None:
    """The entry of ``plan``, read from ``plan_bytes`` at ``path``, with ``kept``; None when
    the abbreviations file is not the one the plan was read with (changed meanwhile, or gone),
    or a name cannot be written on a line."""
    glossary_name = plan.file.abbreviations
    if "\n" in path.name or "\n" in glossary_name:
        return None
    glossary_bytes = _file_bytes(path.parent / glossary_name)
    if glossary_bytes is None:
        return None
    if not _same_glossary(path.parent / glossary_name, glossary_bytes, plan):
        return None
    high = pickle.HIGHEST_PROTOCOL
    file_bytes = pickle.dumps(plan.file, protocol=high)
    parts = (plan.file.act, glossary_name, plan.glossary.entries, kept, plan.digest, file_bytes)
    payload = pickle.dumps(parts, protocol=high)
    lines = [f"{_digest(plan_bytes)} {path.name}", f"{_digest(glossary_bytes)} {glossary_name}"]
    return _entry_of(MAGIC, lines, payload)


def _same_glossary(path: Path, raw: bytes, plan: Plan) -> bool:
    """Whether the abbreviations file's bytes ``raw`` give the plan's glossary (they are the
    bytes the plan was read with, not a version written since)."""
    from .errors import DataProblems
    from .loader import check_abbreviations_document
    from .yamlio import YamlError, load_bytes

    try:
        file = check_abbreviations_document(load_bytes(str(path), raw))[0]
    except (YamlError, DataProblems):  # not an abbreviations file now
        return False
    return file is not None and tuple(file.abbreviations) == plan.glossary.entries


def _store(
    path: Path, plan_bytes: bytes, plan: Plan, cache_dir: Path, kept: dict[str, Any]
) -> None:
    """Keep ``plan``, read from ``plan_bytes``, in the cache with ``kept`` (not when its files
    changed)."""
    entry = _entry(path, plan_bytes, plan, kept)
    if entry is not None:
        _write(cache_dir / _cache_name(_digest(plan_bytes)), entry)


def _write(path: Path, entry: bytes) -> None:
    """Write a cache entry all at once, in a folder for its user alone; a cache folder that
    cannot be written means no cache."""
    from .outfile import write_atomically

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomically(path, entry)
    except OSError:
        return


def _cache_name(digest: str) -> str:
    """A plan's entry in the cache, named after the code and the plan's bytes (their
    ``digest``)."""
    name = hashlib.sha256(f"{fingerprint()} {digest}".encode("ascii")).hexdigest()
    return f"{name[:40]}.plan"


# --- progress records --------------------------------------------------------------------------


def load_records(path: Path, plan: Plan, cache_dir: Path | None) -> list[ProgressRecord]:
    """The records of the progress file at ``path``, checked against ``plan`` (DataProblems
    when they have errors, as ``progress.load_records`` raises): from the cache in ``cache_dir``
    when it holds this very file checked against this very plan, else read and checked, and
    then kept in the cache."""
    with paused_gc():  # thousands of records, all kept: collections would walk them for nothing
        return _load_records(path, plan, cache_dir)


def _load_records(path: Path, plan: Plan, cache_dir: Path | None) -> list[ProgressRecord]:
    from_file = _file_bytes(path)  # None: the progress module says what is wrong with it
    if from_file is None or cache_dir is None:
        return _read_records(path, plan, from_file)
    entry = cache_dir / _records_name(path)
    against = plan.digest
    try:
        found = _records_from(entry, from_file, against)
    except Exception:  # missing, unreadable or corrupt: read the file as usual
        found = None
    if found is not None:
        return found
    records = _read_records(path, plan, from_file)
    payload = _dumps(records)
    _write(entry, _entry_of(RECORDS_MAGIC, [_digest(from_file), against], payload))
    return records


_CHUNK = 1000
"""Records pickled together: pickle remembers every object of a dump until it ends (100,000
records pickled at once took 70 MB more than the records themselves)."""


def _dumps(records: list[ProgressRecord]) -> bytes:
    """The records pickled a chunk at a time, one after the other."""
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL)
    for start in range(0, len(records), _CHUNK):
        pickler.dump(records[start : start + _CHUNK])
        pickler.clear_memo()
    return stream.getvalue()


def _loads(payload: bytes | memoryview) -> list[Any]:
    """What :func:`_dumps` pickled, its chunks joined."""
    stream = io.BytesIO(payload)
    found: list[Any] = []
    while stream.tell() < len(payload):
        found += pickle.load(stream)  # (each chunk its own memo, as it was pickled)
    return found


def _read_records(path: Path, plan: Plan, raw: bytes | None) -> list[ProgressRecord]:
    from .progress import load_records as read_records

    return read_records(path, plan, raw, warnings=False)[0]


def _records_from(entry: Path, from_file: bytes, against: str) -> list[ProgressRecord] | None:
    found = _checked(entry, RECORDS_MAGIC)
    if found is None:
        return None
    (file_digest, plan_line), payload = found
    if file_digest != _digest(from_file) or plan_line != against:
        return None
    records = _loads(payload)
    if any(type(record) is not ProgressRecord for record in records):
        return None
    return records


def _records_name(path: Path) -> str:
    """A progress file's entry: one for each path, whatever the file holds."""
    where = os.fsencode(os.path.abspath(path))
    return f"{hashlib.sha256(b'progress:' + where).hexdigest()[:40]}.progress"


_FINGERPRINT: list[str] = []


def fingerprint() -> str:
    """The SHA-256 of the package's code (every module: any may change what a plan reads as)
    and of the version of pydantic, whose models are pickled."""
    if not _FINGERPRINT:
        import pydantic

        digest = hashlib.sha256(pydantic.VERSION.encode("ascii"))
        code = (p for p in PACKAGE_DIR.rglob("*.py") if p.parts[len(PACKAGE_DIR.parts)] != "data")
        for module in sorted(code):
            digest.update(module.relative_to(PACKAGE_DIR).as_posix().encode("utf-8"))
            digest.update(module.read_bytes())
        _FINGERPRINT.append(digest.hexdigest())
    return _FINGERPRINT[0]
