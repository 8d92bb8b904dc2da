"""The plan's numbers for the measure rows of an act's table, as the plan file writes them.

- 1, 2, 3 when the act numbers its rows so ("1.", "2." or "1", "2": 912, № 934);
- by section, "1.7", "2.19", when the act numbers each section's rows from 1 again (№ 15): the
  section is the last numbered heading row above ("1 | Финансовая поддержка …", "2. …",
  "Направление 2. …");
- as written, "1.1", "1.2", when the act writes outline numbers itself;
- else by the row's place (1, 2, 3 …), with a note saying what the act wrote (a gap, a number
  used twice, a row without one), for a person to check.

``plan import`` numbers the measures it drafts so, and ``plan validate`` pairs each measure of a
plan file with the act's row of the same number so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .act_text import Row, row_outline

__all__ = ["Numbering", "plan_numbers", "section_number"]

_SECTION_NUMBER = re.compile(
    r"(?:(?:Направление|Задача|Цель|Раздел|Подраздел|Глава|Блок|Этап)\s+)?([0-9]+)\.?\s"
)


def section_number(row: Row) -> str | None:
    """A heading row's section number: its number cell ("1"), or the number its text starts
    with ("2. Финансовая …", "Направление 2. …"); None for a sub-heading ("Текущие меры")."""
    if row.number is not None:
        return row.number.text.rstrip(".")
    match = _SECTION_NUMBER.match(row.cells[-1].text) if row.cells else None
    return match[1] if match else None


def plan_numbers(rows: Sequence[Row]) -> list[tuple[int | str, str | None]]:
    """Each measure row's number in the plan, in order, with a note when it is numbered by its
    place (see the module's doc)."""
    numbering = Numbering()
    for row in rows:
        numbering.add(row)
    return numbering.numbers()


class Numbering:
    """The plan's numbers of a table's measure rows, told row by row: :meth:`add` takes each
    row of the table in order (and says which numbers a measure row may have), :meth:`numbers`
    then gives them (which it is depends on all the rows)."""

    def __init__(self) -> None:
        self._outlines: list[tuple[int, ...] | None] = []
        self._tops: list[str | None] = []
        self._written: list[str | None] = []  # each measure row's number cell
        self._top: str | None = None
        self._seen: set[str] = set()

    def add(self, row: Row) -> tuple[int | str, ...]:
        """Take the next row; for a measure row, the numbers it may have in the plan (its
        place, and the number by section or as written when it has one): :meth:`numbers`
        gives it one of them."""
        if row.kind == "heading":
            number = section_number(row)
            if number is not None and number not in self._seen:
                self._top = number
                self._seen.add(number)
            return ()
        if row.kind != "measure":
            return ()
        outline = row_outline(row.number.text) if row.number else None
        self._outlines.append(outline)
        self._tops.append(self._top)
        self._written.append(row.number.text if row.number else None)
        place = len(self._outlines)
        if outline is None:
            return (place,)
        if len(outline) > 1:
            return (place, ".".join(map(str, outline)))
        if self._top is not None and self._top.isdigit():
            return (place, f"{self._top}.{outline[0]}")
        return (place,)

    def numbers(self) -> list[tuple[int | str, str | None]]:
        """Each measure row's number in the plan, in order, with a note when it is numbered
        by its place (see the module's doc)."""
        outlines, tops = self._outlines, self._tops
        count = len(outlines)
        flat = all(o is not None and len(o) == 1 for o in outlines)
        if flat and [o[0] for o in outlines if o] == list(range(1, count + 1)):
            return [(n, None) for n in range(1, count + 1)]
        if flat and _restarts(outlines, tops):
            return [(f"{top}.{o[0]}", None) for o, top in zip(outlines, tops, strict=True) if o]
        dotted = [".".join(map(str, o)) for o in outlines if o is not None and len(o) > 1]
        if len(dotted) == count and len(set(dotted)) == count:
            return [(number, None) for number in dotted]
        numbered: list[tuple[int | str, str | None]] = []
        for place, written in enumerate(self._written, start=1):
            said = "the row has no number" if written is None else f"the act numbers it {written!r}"
            numbered.append((place, f"{said}; numbered {place} by its place"))
        return numbered


def _restarts(outlines: Sequence[tuple[int, ...] | None], tops: Sequence[str | None]) -> bool:
    """Whether single numbers start again at 1 in each numbered top section."""
    previous_top: str | None = None
    expected = 1
    for outline, top in zip(outlines, tops, strict=True):
        if top is None or not top.isdigit() or outline is None:
            return False
        if top != previous_top:
            previous_top, expected = top, 1
        if outline[0] != expected:
            return False
        expected += 1
    return True
