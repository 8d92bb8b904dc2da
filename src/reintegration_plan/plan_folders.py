"""The plans a command reads: every plan file of the folders and files given (``--plans DIR``,
``PLAN_PATH``), each file's kind told by its content as ``plan validate`` tells it, and the
plans loaded together into a :class:`PlanSet`.

In a folder (and its subfolders, hidden ones left out) every ``.yaml`` and ``.yml`` file is read
for its top-level keys: ``records`` makes it a progress file, ``abbreviations`` holding a list an
abbreviations file, ``act``, ``measures`` or ``schema_version`` a plan file; any other YAML
(a CI workflow, a tool's settings) is left alone. A file that shows no key at the start of a
line (a flow mapping) is parsed to tell. A file named in ``PLAN_PATH`` or ``--plans`` itself is
told the same way, and read as a plan file when it is none of these.

Each plan comes from the snapshot or the cache (``snapshot``) when they hold it, so a folder of
many plans is read without parsing its YAML again. An abbreviations file found that no plan
loaded names is the shared list of bodies (``plan_set``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .errors import DataProblems, InvalidInput, UnreadableInput
from .infile import paused_gc, read_bytes
from .models import Abbreviation
from .plan import Plan
from .plan_set import PlanSet, kept
from .snapshot import load_plan

if TYPE_CHECKING:  # (at run time it would bring the YAML parser, which cached plans need not)
    from .problems import Problem

FileKind = Literal["plan", "abbreviations", "progress"]

YAML_SUFFIXES = (".yaml", ".yml")
_TOP_KEY = re.compile(rb"\n([A-Za-z_][A-Za-z0-9_]*)[ \t]*:")
_LISTED = re.compile(rb"\nabbreviations[ \t]*:[ \t]*(?:\[|#|\r?\n)")
_PLAN_KEYS = frozenset({b"act", b"measures", b"schema_version"})


@dataclass(frozen=True)
class Found:
    """The data files of the folders and files given, each list in path order."""

    plans: tuple[Path, ...] = ()
    abbreviations: tuple[Path, ...] = ()
    progress: tuple[Path, ...] = ()
    contents: Mapping[Path, bytes] = field(default_factory=dict, repr=False)
    """The bytes of each plan file, read to tell its kind: the plan is loaded from them."""
    real: Mapping[Path, Path] = field(default_factory=dict, repr=False)
    """Each file's real path (``Path.resolve``), found once."""


def kind_of(path: Path, named: bool = False, raw: bytes | None = None) -> FileKind | None:
    """What a YAML file is, told by its top-level keys (None: not a file of this tool's). A
    file ``named`` by the user that is none of them is taken for a plan file (its problems are
    then reported). ``raw``: its bytes, when they have been read."""
    raw = b"\n" + (read_bytes(path) if raw is None else raw).removeprefix(b"\xef\xbb\xbf")
    keys = set(_TOP_KEY.findall(raw))  # the keys at the start of a line: the top level's
    if not keys:
        return _parsed_kind(path, named)
    if b"records" in keys:
        return "progress"
    if b"abbreviations" in keys and _LISTED.search(raw):
        return "abbreviations"
    if keys & _PLAN_KEYS:
        return "plan"
    return "plan" if named else None


def _parsed_kind(path: Path, named: bool) -> FileKind | None:
    from .loader import open_document
    from .validation import is_abbreviations_document, is_progress_document

    try:
        data = open_document(path).data
    except DataProblems:
        return "plan"  # its problems are reported when it is read as a plan
    if is_progress_document(data):
        return "progress"
    if is_abbreviations_document(data):
        return "abbreviations"
    if isinstance(data, dict) and data.keys() & {"act", "measures", "schema_version"}:
        return "plan"
    return "plan" if named else None


def find_files(paths: Sequence[Path]) -> Found:
    """The plan, abbreviations and progress files of ``paths`` (folders, searched with their
    subfolders, and files), each once."""
    kinds: dict[FileKind, list[Path]] = {"plan": [], "abbreviations": [], "progress": []}
    contents: dict[Path, bytes] = {}
    seen: dict[Path, Path] = {}
    reals: set[Path] = set()
    for given in paths:
        if not given.exists():
            raise UnreadableInput(str(given), "no such file or folder")
        files = [(f, False) for f in _yaml_files(given)] if given.is_dir() else [(given, True)]
        for file, named in files:
            real = file.resolve()
            if real in reals:
                continue
            seen[file] = real
            reals.add(real)
            raw = read_bytes(file)
            kind = kind_of(file, named, raw)
            if kind is not None:
                kinds[kind].append(file)
            if kind == "plan":
                contents[file] = raw
    if not kinds["plan"]:
        where = ", ".join(str(p) for p in paths)
        raise UnreadableInput(
            where, "no plan file found there (a YAML file with the keys act and measures)"
        )
    return Found(
        tuple(kinds["plan"]),
        tuple(kinds["abbreviations"]),
        tuple(kinds["progress"]),
        contents,
        seen,
    )


def plans_for_named(named: Sequence[Path]) -> list[Path]:
    """The plans the progress files among ``named`` (the files given to ``plan validate``,
    with no plan chosen otherwise) are about: the plan files among ``named``, else the plan
    files beside each progress file (in its folder, as the queries take a progress file kept
    beside its plan); none (the embedded plan) when there are neither."""
    kinds = {path: kind_of(path) for path in named if path.name.endswith(YAML_SUFFIXES)}
    progress = [path for path, kind in kinds.items() if kind == "progress"]
    if not progress:
        return []
    given = [path for path, kind in kinds.items() if kind == "plan"]
    if given:
        return given
    beside: dict[Path, None] = {}
    for path in progress:
        folder = path.parent
        for file in sorted(folder.iterdir()):
            if (
                file.name.endswith(YAML_SUFFIXES)
                and not file.name.startswith(".")
                and file.is_file()
                and kind_of(file) == "plan"
            ):
                beside[file] = None
    return list(beside)


def _yaml_files(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [
            Path(root, name)
            for name in sorted(files)
            if name.endswith(YAML_SUFFIXES) and not name.startswith(".")
        ]
    return found


def load_plan_set(
    plan_files: Sequence[Path], found: Found, cache_dir: Path | None = None
) -> PlanSet:
    """The plans of ``plan_files`` (``--plan``) and of ``found``, each once, validated (or
    kept from an earlier run); the problems of every plan with errors together
    (DataProblems); two plans of one act are refused."""
    plans: list[Plan] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    with paused_gc():  # many plans' objects, all kept: collections would walk them for nothing
        for path in (*plan_files, *found.plans):
            real = found.real.get(path) or path.resolve()
            if real in seen:
                continue
            seen.add(real)
            try:
                plans.append(load_plan(path, cache_dir, kept, found.contents.get(path)))
            except DataProblems as exc:
                problems += exc.problems
    if problems:
        raise DataProblems(problems)
    by_id: dict[str, Plan] = {}
    for plan in plans:
        if plan.id in by_id:
            raise InvalidInput(
                f"{by_id[plan.id].path} and {plan.path} are both plan {plan.id} (the same "
                "act): load one of them"
            )
        by_id[plan.id] = plan
    return PlanSet(plans, _shared(plans, found))


def _shared(plans: Sequence[Plan], found: Found) -> list[Abbreviation]:
    """The entries of the abbreviations files that no plan names: the shared list of bodies."""
    named = set()
    for plan in plans:
        path = plan.path.parent / plan.abbreviations
        named.add(found.real.get(path) or path.resolve())
    entries: list[Abbreviation] = []
    for path in found.abbreviations:
        if found.real[path] in named:
            continue
        from .loader import check_abbreviations_document, open_document
        from .problems import Severity

        file, problems = check_abbreviations_document(open_document(path))
        if file is None:
            raise DataProblems([p for p in problems if p.severity is Severity.error])
        entries += file.abbreviations
    return entries
