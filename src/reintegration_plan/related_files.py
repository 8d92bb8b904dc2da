"""What else to validate when a file changes: the plan files that name it.

A commit that changes only the abbreviations file, or only the act's text, can break the plan
that refers to it (a glossary entry the plan uses, deleted; a text the plan quotes, changed).
So ``plan validate abbreviations.yaml`` also validates the plan files in the same folder that
name it (``abbreviations: abbreviations.yaml``), and ``plan validate source/act.txt`` the plan
files in its folder and the folder above that name it as their ``source``. A plan file names a
file on a top-level line ``abbreviations: NAME`` or ``source: NAME`` (a path relative to it), as
the plan files this tool ships do; the file is found without parsing every YAML file around.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from .act_formats import read_act
from .act_text import ActTextError
from .errors import UnreadableInput
from .loader import read_bytes
from .problems import Finding, Problem, Severity, located
from .yamlio import YamlError, decode

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
"""The names of an act's text in the forms ``act_formats`` reads."""
_YAML_SUFFIXES = (".yaml", ".yml")
_NAMING = re.compile(
    r"^(abbreviations|source):[ \t]+"  # a top-level key
    r"""(?:'([^'\n]*)'|"([^"\\\n]*)"|([^\s#'"][^#\n]*?))"""  # quoted, or plain
    r"[ \t]*(?:#.*)?$",  # and a comment
    re.MULTILINE,
)


def is_source_text(path: Path) -> bool:
    """An act's text (``.txt``, ``.md``, ``.html``), not a YAML file."""
    return path.suffix.lower() in SOURCE_SUFFIXES


def _names(plan: Path, key: str) -> dict[str, Path]:
    """The files a plan file names on its top-level ``abbreviations:`` and ``source:`` lines;
    none when it has no ``key`` (a progress file, an abbreviations file), which is told
    without reading its text."""
    try:
        raw = read_bytes(plan)
        if key.encode("ascii") + b":" not in raw:
            return {}
        text = decode(raw)
    except (UnreadableInput, YamlError):
        return {}
    named: dict[str, Path] = {}
    for match in _NAMING.finditer(text):
        value = match.group(2) or match.group(3) or match.group(4) or ""
        named.setdefault(match.group(1), plan.parent / value)
    return named


def plans_naming(path: Path) -> list[Path]:
    """The plan files that name ``path``: as their abbreviations file (in its folder), or as
    their act's text (in its folder and the folder above)."""
    key = "source" if is_source_text(path) else "abbreviations"
    folders = [path.parent]
    if key == "source":
        folders.append(path.parent / "..")
    target = _resolved(path)
    if target is None:
        return []
    found = []
    for folder in folders:
        try:
            candidates = sorted(p for p in folder.iterdir() if p.suffix in _YAML_SUFFIXES)
        except OSError:
            continue
        for candidate in candidates:
            if _same(candidate, target):
                continue  # the file itself
            named = _names(candidate, key).get(key)
            if named is not None and _same(named, target):
                found.append(_tidy(candidate))
    return found


def _same(named: Path, target: Path) -> bool:
    return _resolved(named) == target


def _resolved(path: Path) -> Path | None:
    """The path with its links resolved; None when it cannot be (a NUL, a loop of links)."""
    try:
        return path.resolve()
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return None


def _tidy(path: Path) -> Path:
    """``data/source/../plan.yaml`` as ``data/plan.yaml`` (no link is resolved)."""
    parts: list[str] = []
    for part in path.parts:
        if part == ".." and parts and parts[-1] not in ("..", "/"):
            parts.pop()
        else:
            parts.append(part)
    return Path(*parts) if parts else Path(".")


def with_related(paths: Sequence[Path]) -> list[Path]:
    """The files given, each followed by the plan files that name it, each file once."""
    chosen: dict[Path, Path] = {}
    for path in paths:
        chosen.setdefault(_key(path), path)
        for plan in plans_naming(path):
            chosen.setdefault(_key(plan), plan)
    return list(chosen.values())


def _key(path: Path) -> Path:
    return _resolved(path) or path


def check_source_text(path: Path) -> list[Problem]:
    """An act's text given to ``plan validate``: the plans naming it compare their texts with
    it; when none does, it is read (an error if it cannot be), with a warning that nothing is
    compared with it."""
    if plans_naming(path):
        return []
    name = str(path)
    problems = []
    try:
        read_act(decode(read_bytes(path)), path.name)
    except YamlError as exc:  # not UTF-8
        problems.append(_problem(name, exc.position.line, exc.position.column, exc.message))
    except ActTextError as exc:
        problems.append(_problem(name, exc.line, exc.column, f"cannot be read: {exc}"))
    unused = "no plan file in this folder or the one above names this act's text as its `source`, "
    problems.append(
        located(
            Finding(
                Severity.warning, "source-unused", unused + "so nothing is compared with it", ()
            ),
            name,
            1,
            1,
        )
    )
    return problems


def _problem(file: str, line: int, column: int, message: str) -> Problem:
    return located(Finding(Severity.error, "source-file", message, ()), file, line, column)
