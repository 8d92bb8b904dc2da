"""``plan validate``'s work: every problem in every file given, each file's kind told by its
content (a plan, an abbreviations or a progress file)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import DataProblems
from .loader import (
    check_abbreviations_document,
    check_plan_document,
    load_plan,
    open_document,
    paused_gc,
)
from .problems import Problem
from .related_files import check_source_text, is_source_text
from .source_files import source_problems
from .yamlio import Document

if TYPE_CHECKING:  # (the obligations are imported only for progress records)
    from .plan_set import PlanSet


def is_abbreviations_document(data: Any) -> bool:
    return isinstance(data, dict) and isinstance(data.get("abbreviations"), list)


def is_progress_document(data: Any) -> bool:
    """A progress file: a mapping with a ``records`` key."""
    return isinstance(data, dict) and "records" in data


PlansLoader = Callable[[], "PlanSet"]
"""The plans progress records are checked against, loaded when a progress file needs them."""


def _check_progress(document: Document, path: Path, plans: PlansLoader) -> list[Problem]:
    from .progress import check_progress_document  # (with the obligations, only for records)

    try:
        return check_progress_document(document, plans(), path)[1]
    except DataProblems as exc:
        return exc.problems


def validate_paths(
    paths: Sequence[Path],
    plan_path: Path | None = None,
    *,
    compare_source: bool = True,
    plans: PlansLoader | None = None,
) -> list[Problem]:
    """Every problem in every file, each file's kind told by its content, without repeats.

    A plan file brings the abbreviations file it names, and with ``compare_source`` its texts
    are compared with the act's text it names (``source``); a progress file (a mapping with
    ``records``) is checked against ``plans`` (default: the plan at ``plan_path``, else the
    embedded data); an act's text (``.txt``) is left to the plans that name it (see
    ``related_files``); a file that is none of these is checked as a plan file.
    """
    problems: dict[Problem, None] = {}
    loaded: list[PlanSet] = []

    def plan_set() -> PlanSet:
        if not loaded:
            from .plan_set import PlanSet

            loaded.append(plans() if plans is not None else PlanSet([load_plan(plan_path)]))
        return loaded[0]

    for path in paths:
        with paused_gc():
            problems.update(dict.fromkeys(_check_path(path, plan_set, compare_source)))
    return sorted(problems, key=lambda p: p.sort_key)


def _check_path(path: Path, plans: PlansLoader, compare_source: bool) -> list[Problem]:
    if is_source_text(path):
        return check_source_text(path)
    try:
        document = open_document(path)
    except DataProblems as exc:
        return exc.problems
    if is_abbreviations_document(document.data):
        try:
            return check_abbreviations_document(document)[1]
        except DataProblems as exc:
            return exc.problems
    if is_progress_document(document.data):
        return _check_progress(document, path, plans)
    problems = check_plan_document(document, path, keep=False)[1]
    if compare_source:
        problems += source_problems(document, path)
    return problems
