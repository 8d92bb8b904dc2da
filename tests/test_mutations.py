"""Every verbatim text of the shipped data, changed by one character, fails `plan validate` at
that text's line; restored, it passes.

The texts are those the act's text holds (``source_check``): the act's fields (the resolution's
title is not in ``data/source``, so it is not among them), every point and sub-point, each
reporting duty's ``title_ru``, the five text columns of every measure and every glossary entry's
code and expansion. Each is changed once (a letter near its middle becomes another), in a copy
of ``data/``, and validated in this process as ``plan validate FILE`` validates it (the file and
the plans that name it).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import ABBREVIATIONS, DATA, PLAN
from reintegration_plan.problems import Severity
from reintegration_plan.related_files import with_related
from reintegration_plan.validation import validate_paths
from reintegration_plan.yamlio import Path as DocumentPath
from reintegration_plan.yamlio import decode, format_path, load_text

ACT_FIELDS = (
    ("act", "preamble"),
    ("act", "basis", "title"),
    ("act", "signatory", "position"),
    ("act", "signatory", "name"),
    ("act", "approval_note"),
    ("act", "plan_title"),
    ("act", "footnote"),
)
COLUMNS = ("text", "form_text", "executors_text", "deadline_text", "costs_text")


def load(path: Path) -> Any:
    return load_text(str(path), decode(path.read_bytes()))


def verbatim_fields() -> Iterator[tuple[str, DocumentPath]]:
    """(the file's name, the path of each verbatim text in it)."""
    plan = load(PLAN).data
    for path in ACT_FIELDS:
        yield PLAN.name, path
    for i, point in enumerate(plan["points"]):
        yield PLAN.name, ("points", i, "text")
        for j, _ in enumerate(point.get("subpoints", [])):
            yield PLAN.name, ("points", i, "subpoints", j, "text")
    for i, _ in enumerate(plan["reporting_duties"]):
        yield PLAN.name, ("reporting_duties", i, "title_ru")
    for i, _ in enumerate(plan["measures"]):
        for column in COLUMNS:
            yield PLAN.name, ("measures", i, column)
    for i, entry in enumerate(load(ABBREVIATIONS).data["abbreviations"]):
        if entry["in_glossary"]:
            yield ABBREVIATIONS.name, ("abbreviations", i, "code")
            yield ABBREVIATIONS.name, ("abbreviations", i, "expansion")


FIELDS = list(verbatim_fields())


def test_every_verbatim_field_is_mutated() -> None:
    """30 measures × 5 columns, 10 glossary entries × 2, the act's 7 fields, 4 points with 4
    sub-points, 3 reporting duties."""
    assert len(FIELDS) == 30 * 5 + 10 * 2 + 7 + 4 + 4 + 3


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("mutations") / "data"
    shutil.copytree(DATA, folder)
    return folder


def mutated(text: str, value: str, offset: int) -> tuple[str, int]:
    """``text`` with one letter of ``value`` (which starts at ``offset`` in it) changed: the
    first letter at or after its middle; and that letter's offset."""
    k = next(i for i in range(len(value) // 2, len(value)) if value[i].isalpha())
    at = text.index(value[: k + 1], offset) + k
    letter = text[at]
    other = "а" if letter.lower() == "о" else "о"
    other = other.upper() if letter.isupper() else other
    return text[:at] + other + text[at + 1 :], at


def validate(path: Path) -> list[Any]:
    return validate_paths(with_related([path]))


def test_the_copy_validates(copy: Path) -> None:
    problems = validate(copy / PLAN.name)
    assert [(p.severity, p.code) for p in problems] == [
        (Severity.warning, "undefined-abbreviation")
    ]


@pytest.mark.parametrize(("name", "path"), FIELDS, ids=[f"{n}:{format_path(p)}" for n, p in FIELDS])
def test_one_character_changed_fails_at_its_line(copy: Path, name: str, path: DocumentPath) -> None:
    file = copy / name
    original = file.read_bytes()
    document = load(file)
    value = document.data
    for part in path:
        value = value[part]
    position = document.position(path)
    lines = document.text.split("\n")
    offset = sum(len(line) + 1 for line in lines[: position.line - 1]) + position.column - 1
    text, at = mutated(document.text, value, offset)
    try:
        file.write_text(text, encoding="utf-8")
        problems = validate(file)
    finally:
        file.write_bytes(original)
    errors = [p for p in problems if p.severity is Severity.error]
    assert errors, f"{name}:{format_path(path)}: changing character {at} was not found"
    line = text.count("\n", 0, at) + 1
    assert any(
        (p.file, p.line, p.code) == (str(file), line, "source-mismatch")
        and p.where == format_path(path)
        for p in errors
    ), errors
    assert file.read_bytes() == original
    restored = validate(file)  # passes again
    assert [p.code for p in restored if p.severity is Severity.error] == []
