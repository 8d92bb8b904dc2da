"""The plan's verbatim texts compared with the act's official text, character for character.

``act_text`` reads the official text (named by the plan file's ``source``); this module compares
the plan file's and the abbreviations file's data with what it read, and returns findings (paths
in the documents, as ``checks`` does):

* the act's fields the text holds: the title (when the text has the header), the preamble, the
  basis act's title as the preamble quotes it, the signatory's position and name, the approval
  note, the plan's title, the footnote; a field the text does not hold is not compared;
* each point and sub-point, paired by number;
* each reporting duty's ``title_ru``, a quotation from the point that creates it;
* the text columns of each measure with the cells of the table's row of the same number
  (measure 5's ``form_text`` is row 5's column 3, not merely a cell somewhere in the table): the
  plan's ``table.columns`` say which column each field is (912's five when it has none), and
  rows are numbered as ``numbering`` numbers them (1.7 is the 7th row of section 1 when the act
  numbers each section from 1); a measure's ``number_text`` is its row's number cell;
* each glossary entry of the abbreviations file (``in_glossary: true``): code and expansion.

A difference is reported at the plan's value, with the expected and the found text around the
first character that differs. Data that the schema refuses (a number for a text) is not
compared: the schema's problem is reported instead. The comparison works on the parsed data, not
on the models, so that a schema error anywhere hides none of it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from difflib import SequenceMatcher
from typing import Any

from .act_text import ActText, GlossaryEntry, Row, SourceText, citations
from .checks import MEASURE_COLUMNS
from .numbering import Numbering
from .problems import Finding, Severity
from .yamlio import Path, cut

_BEFORE = 15  # characters of context shown before the first difference
_AFTER = 15  # and after it, then to the end of the word


def _error(code: str, message: str, path: Path) -> Finding:
    return Finding(Severity.error, code, message, path)


def _warning(code: str, message: str, path: Path) -> Finding:
    return Finding(Severity.warning, code, message, path)


def first_difference(expected: str, found: str) -> int:
    """The index of the first character where the two texts differ (the shorter one's length
    when one begins the other)."""
    for index, (a, b) in enumerate(zip(expected, found, strict=False)):
        if a != b:
            return index
    return min(len(expected), len(found))


def excerpt(text: str, index: int) -> str:
    """``text`` around ``index``: from the start of a word a little before it to the end of a
    word a little after it, with "…" where it is cut."""
    start = text.rfind(" ", 0, max(0, index - _BEFORE)) + 1  # the start of a word
    end = min(len(text), index + _AFTER)
    space = text.find(" ", end)
    end = len(text) if space < 0 else space
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")


class SourceCheck:
    """One plan file's comparison with the act's text ``act`` (``name``: its path, shown in
    messages): its fields, points, reporting duties, layout and glossary; the measures are
    :class:`MeasureRows`'."""

    def __init__(self, act: ActText, name: str) -> None:
        self.act = act
        self.name = name

    # --- the head of the plan file ---------------------------------------------------------

    def head(self, root: Any) -> list[Finding]:
        """Findings about the act's fields, the points and the reporting duties of ``root``
        (the plan file's data)."""
        if not isinstance(root, dict):
            return []
        findings: list[Finding] = []
        act = root.get("act")
        if isinstance(act, dict):
            for path, expected in self._act_fields(act):
                findings += self.compare(path, expected, _at(root, path))
        points = root.get("points")
        if isinstance(points, list):
            findings += self._points(points)
        duties = root.get("reporting_duties")
        if isinstance(duties, list):
            findings += self._duties(duties)
        findings += self._layout(root.get("sections"), root.get("indicators"))
        return findings

    def _layout(self, sections: Any, indicators: Any) -> list[Finding]:
        """The sections' headings and notes, and the indicator rows' cells, each with the act's
        heading, note and indicator rows in their order."""
        rows = self.act.table.rows if self.act.table is not None else ()
        headings = [row.cells[-1] for row in rows if row.kind == "heading" and row.cells]
        notes = [row.cells[-1] for row in rows if row.kind == "note" and row.cells]
        findings: list[Finding] = []
        h = k = 0
        for i, section in enumerate(sections if isinstance(sections, list) else []):
            if not isinstance(section, dict):
                continue
            review = section.get("review")
            if not (isinstance(review, dict) and "heading" in review):  # a note kept as one
                findings += self.compare(
                    ("sections", i, "heading"), _nth(headings, h), section.get("heading")
                )
                h += 1
            notes_of = section.get("notes")
            for j, note in enumerate(notes_of if isinstance(notes_of, list) else []):
                findings += self.compare(("sections", i, "notes", j), _nth(notes, k), note)
                k += 1
        indicator_rows = [row for row in rows if row.kind == "indicator"]
        for i, indicator in enumerate(indicators if isinstance(indicators, list) else []):
            cells = indicator.get("cells") if isinstance(indicator, dict) else None
            row = indicator_rows[i] if i < len(indicator_rows) else None
            if row is None or not isinstance(cells, list):
                continue
            for j, cell in enumerate(cells):
                findings += self.compare(("indicators", i, "cells", j), _nth(row.cells, j), cell)
        return findings

    def _act_fields(self, act: dict[str, Any]) -> Iterator[tuple[Path, SourceText]]:
        text = self.act
        if text.header is not None and text.header.title is not None:
            yield ("act", "title"), text.header.title
        if text.preamble is not None:
            yield ("act", "preamble"), text.preamble
            quoted = [c for c in citations(text.preamble) if c.title is not None]
            if quoted and isinstance(act.get("basis"), dict):
                yield ("act", "basis", "title"), _quoted(text.preamble, quoted[0].title or "")
        if text.signatory is not None:
            yield ("act", "signatory", "position"), text.signatory.position
            yield ("act", "signatory", "name"), text.signatory.name
        if text.approval_note is not None:
            yield ("act", "approval_note"), text.approval_note
        if text.plan_title is not None:
            yield ("act", "plan_title"), text.plan_title
        if len(text.footnotes) == 1:  # the plan file has one footnote field
            yield ("act", "footnote"), text.footnotes[0].text

    def _points(self, points: list[Any]) -> list[Finding]:
        findings: list[Finding] = []
        by_number = {point.number: point for point in self.act.points}
        seen: set[str] = set()
        if not all(isinstance(p, dict) and _is_number(p.get("number")) for p in points):
            seen = {point.number for point in self.act.points}  # which are missing is unknown
        for i, point in enumerate(points):
            if not isinstance(point, dict) or not _is_number(point.get("number")):
                continue
            number = str(point["number"])
            seen.add(number)
            source = by_number.get(number)
            if source is None:
                findings.append(
                    _error(
                        "source-count",
                        f"point {number}: the act's text ({self.name}) has no point {number}",
                        ("points", i, "number"),
                    )
                )
                continue
            findings += self.compare(("points", i, "text"), source.text, point.get("text"))
            subpoints = point.get("subpoints", [])
            if isinstance(subpoints, list):
                findings += self._subpoints(i, number, subpoints, source.subpoints)
        findings += self._missing(
            [p.number for p in self.act.points if p.number not in seen],
            [p.text for p in self.act.points if p.number not in seen],
            "point",
            "that the plan does not have",
            ("points",),
        )
        return findings

    def _subpoints(
        self, i: int, number: str, subpoints: list[Any], sources: Sequence[Any]
    ) -> list[Finding]:
        findings: list[Finding] = []
        by_number = {sub.number: sub for sub in sources}
        seen: set[str] = set()
        if not all(isinstance(s, dict) and _is_number(s.get("number")) for s in subpoints):
            seen = {sub.number for sub in sources}  # which are missing is unknown
        for j, sub in enumerate(subpoints):
            if not isinstance(sub, dict) or not _is_number(sub.get("number")):
                continue
            sub_number = str(sub["number"])
            seen.add(sub_number)
            path: Path = ("points", i, "subpoints", j)
            source = by_number.get(sub_number)
            if source is None:
                findings.append(
                    _error(
                        "source-count",
                        f"sub-point {number}.{sub_number}: point {number} of the act's text has "
                        f"no sub-point {sub_number})",
                        (*path, "number"),
                    )
                )
                continue
            findings += self.compare((*path, "text"), source.text, sub.get("text"))
        missing = [s for s in sources if s.number not in seen]
        return findings + self._missing(
            [f"{number}.{s.number}" for s in missing],
            [s.text for s in missing],
            "sub-point",
            "that the plan does not have",
            ("points", i),
        )

    def _duties(self, duties: list[Any]) -> list[Finding]:
        texts: dict[str, SourceText] = {}
        for point in self.act.points:
            texts[point.number] = point.text
            texts.update((f"{point.number}.{sub.number}", sub.text) for sub in point.subpoints)
        findings: list[Finding] = []
        for i, duty in enumerate(duties):
            if not isinstance(duty, dict):
                continue
            reference, title = duty.get("point"), duty.get("title_ru")
            source = texts.get(reference) if isinstance(reference, str) else None
            if source is None or not isinstance(title, str) or title in source.text:
                continue  # an unknown point is the checks' finding (unknown-point)
            matched = _longest_quoted_prefix(title, source.text)
            findings.append(
                _error(
                    "source-mismatch",
                    f"title_ru is not quoted from point {reference} of the act's text: it departs "
                    f"from it at character {matched + 1}, "
                    f'"{excerpt(title, matched)}" ({self.name}:{source.line})',
                    ("reporting_duties", i, "title_ru"),
                )
            )
        return findings

    # --- the glossary ------------------------------------------------------------------------

    def glossary(self, data: Any) -> list[Finding]:
        """Findings about the abbreviations file's data: each ``in_glossary`` entry's code and
        expansion against the act's glossary. Entries are paired by code; those left over (a
        code spelled otherwise) in their order."""
        glossary = self.act.glossary
        entries = data.get("abbreviations") if isinstance(data, dict) else None
        if glossary is None or not isinstance(entries, list):
            return []
        ours = [
            (i, entry)
            for i, entry in enumerate(entries)
            if isinstance(entry, dict) and entry.get("in_glossary") is True
        ]
        sources = list(glossary.entries)
        codes = {entry.get("code"): i for i, entry in ours}
        pairs = [(codes.pop(s.code.text), s) for s in sources if s.code.text in codes]
        paired = {id(s) for _, s in pairs}
        left = [s for s in sources if id(s) not in paired]
        unpaired = [i for i, _ in ours if i in codes.values()]
        for i, source in _closest_pairs(unpaired, left, entries):
            pairs.append((i, source))
            left.remove(source)
            unpaired.remove(i)
        findings: list[Finding] = []
        for i, source in sorted(pairs, key=lambda pair: pair[0]):
            entry = entries[i]
            path: Path = ("abbreviations", i)
            findings += self.compare((*path, "code"), source.code, entry.get("code"))
            findings += self.compare((*path, "expansion"), source.expansion, entry.get("expansion"))
        findings += self._missing(
            [s.code.text for s in left],
            [s.code for s in left],
            "glossary entry",
            "that the abbreviations file has no in_glossary entry for",
            ("abbreviations",),
        )
        for i in unpaired:
            findings.append(
                _error(
                    "source-count",
                    f"{cut(repr(entries[i].get('code')))} is marked in_glossary: true, but the "
                    f"act's glossary ({self.name}) does not define it",
                    ("abbreviations", i, "in_glossary"),
                )
            )
        return findings

    # --- the comparison ----------------------------------------------------------------------

    def compare(
        self, path: Path, expected: SourceText | None, found: Any, what: str | None = None
    ) -> list[Finding]:
        """A finding when the text ``found`` at ``path`` is not the act's ``expected`` text
        (none when the act has no such text: the checks count the parts)."""
        return _compare(self.name, path, expected, found, what)

    def _missing(
        self, names: list[str], texts: Sequence[SourceText], what: str, tail: str, path: Path
    ) -> list[Finding]:
        return _missing(self.name, names, [text.line for text in texts], what, tail, path)


class MeasureRows:
    """The measures of a plan file (its data ``root``) compared with the measure rows of the
    act's table (``name``: its path, shown in messages), each row as the act's reader makes it
    (:meth:`take`, the reader's ``keep_row``), so that a long table is never held whole.

    A row is compared with each measure of the plan that may have its number (``numbering``:
    the number by its place, by section or as written, which of them depends on all the rows),
    and only the findings are kept; :meth:`findings` then gives each measure the findings of the
    row whose number it has, in the plan's order, and says which rows come after the plan's last
    measure.
    """

    def __init__(self, root: Any, name: str) -> None:
        self.name = name
        root = root if isinstance(root, dict) else {}
        self.columns = _columns(root.get("table"))
        items = root.get("measures")
        self.items: list[Any] = items if isinstance(items, list) else []
        self.by_number: dict[int | str, list[int]] = {}
        self.numbers: list[int | str | None] = []  # each measure's, None when it is not one
        for i, item in enumerate(self.items):
            number = item.get("number") if isinstance(item, dict) else None
            if _is_measure_number(number):
                self.by_number.setdefault(item["number"], []).append(i)
                self.numbers.append(number)
            else:
                self.numbers.append(None)
        self.numbering = Numbering()
        self.lines: list[int] = []  # each measure row's line (its first cell's)
        self.found: dict[tuple[int, int | str, int], list[Finding]] = {}  # (place, number, i)

    def take(self, row: Row) -> bool:
        """Compare the measure row ``row`` with the measures that may have its number, and
        drop it (false); keep any other row (true)."""
        numbers = self.numbering.add(row)
        if row.kind != "measure":
            return True
        self.lines.append(row.cells[0].line)
        place = len(self.lines)
        for number in numbers:
            for i in self.by_number.get(number, ()):
                found = self._row(i, self.items[i], number, row)
                if found:
                    self.found[(place, number, i)] = found
        return False

    def _row(self, i: int, item: dict[str, Any], number: int | str, row: Row) -> list[Finding]:
        """Findings about the measure that is entry ``i`` (its data ``item``), compared with
        the row ``row`` of its number."""
        findings: list[Finding] = []
        cells = row.cells
        others: dict[int, tuple[int, Any]] | None = None
        for column, field in self.columns:
            if column > len(cells):
                continue
            cell = cells[column - 1]
            path: Path = ("measures", i, field)
            found = item.get(field)
            if field in ("other_deadlines", "other_cells"):
                if others is None:
                    others = _by_column(item.get("other_deadlines"))
                    others |= _by_column(item.get("other_cells"))
                if column not in others:
                    continue
                j, found = others[column]
                path = ("measures", i, field, j, "text")
            elif found == cell.text:
                continue  # (most cells: the message is not made)
            what = f"row {number}, column {column}"
            findings += _compare(self.name, path, cell, found, what)
        if "number_text" in item and row.number is not None:
            path = ("measures", i, "number_text")
            findings += _compare(self.name, path, row.number, item["number_text"])
        return findings

    def findings(self, act: ActText) -> list[Finding]:
        """Once the reader has given every row of ``act``'s table: each measure's findings, in
        the plan's order, then one finding for the rows of the table after the plan's last
        measure (a gap in the measures' numbers is the numbers check's one finding)."""
        order = [number for number, _ in self.numbering.numbers()]
        place = {number: n for n, number in enumerate(order)}
        findings: list[Finding] = []
        numbers: set[int | str] = set()
        unnumbered = False  # a measure whose number is not one: which rows lack one is unknown
        for i, number in enumerate(self.numbers):
            if number is None:
                unnumbered = True  # the schema says what is wrong with it
                continue
            numbers.add(number)
            if number in place:
                findings += self.found.get((place[number] + 1, number, i), [])
                continue
            where = "has no table" if act.table is None else f"has no row {number}"
            findings.append(
                _error(
                    "source-count",
                    f"measure {number}: the act's text ({self.name}) {where}",
                    ("measures", i, "number"),
                )
            )
        last = max((place[n] for n in numbers if n in place), default=-1)
        missing = [] if unnumbered else [n for n in order[last + 1 :] if n not in numbers]
        return findings + _missing(
            self.name,
            [str(n) for n in missing],
            [self.lines[place[n]] for n in missing],
            "table row",
            "with no measure of that number in the plan",
            ("measures",),
        )


def measure_findings(act: ActText, root: Any, name: str) -> list[Finding]:
    """The findings of :class:`MeasureRows` for an act's text read whole."""
    measures = MeasureRows(root, name)
    for row in act.table.rows if act.table is not None else ():
        measures.take(row)
    return measures.findings(act)


def _compare(
    name: str, path: Path, expected: SourceText | None, found: Any, what: str | None = None
) -> list[Finding]:
    """A finding when the text ``found`` at ``path`` is not the act's ``expected`` text (none
    when the act has no such text: the checks count the parts)."""
    if expected is None or not isinstance(found, str) or found == expected.text:
        return []  # not a text: the schema says so
    index = first_difference(expected.text, found)
    line, column = expected.position(min(index, max(len(expected.text) - 1, 0)))
    where = f"{what}, " if what else ""
    return [
        _error(
            "source-mismatch",
            f"differs from the act's text ({where}{name}:{line}:{column}): expected "
            f'"{excerpt(expected.text, index)}", found "{excerpt(found, index)}" at '
            f"character {index + 1}",
            path,
        )
    ]


def _missing(
    name: str, names: list[str], lines: Sequence[int], what: str, tail: str, path: Path
) -> list[Finding]:
    """One finding for the parts of the act's text (``names``, on ``lines``) the plan lacks."""
    if not names:
        return []
    shown_lines = ", ".join(str(line) for line in lines[:5]) + ("…" if len(lines) > 5 else "")
    plural = "s" if len(names) > 1 else ""
    shown = ", ".join(names[:10]) + (f", … ({len(names)} in all)" if len(names) > 10 else "")
    return [
        _error(
            "source-count",
            f"the act's text has {what}{plural} {shown} ({name}, line{plural} {shown_lines}) "
            f"{tail}",
            path,
        )
    ]


_FIELDS = {
    "text": "text",
    "form": "form_text",
    "executors": "executors_text",
    "costs": "costs_text",
    "financing": "financing_text",
    "sources": "sources_text",
    "other": "other_cells",
}
_DEFAULT_COLUMNS = [(n + 2, name) for n, name in enumerate(MEASURE_COLUMNS)]


def _columns(table: Any) -> list[tuple[int, str]]:
    """Each column's number and the measure field that holds its cell, from the plan's
    ``table.columns`` (the first deadline column is ``deadline_text``, the others
    ``other_deadlines``); 912's five columns when the plan names none."""
    columns = table.get("columns") if isinstance(table, dict) else None
    if not isinstance(columns, list):
        return _DEFAULT_COLUMNS
    found: list[tuple[int, str]] = []
    deadline = False
    for place, column in enumerate(columns, start=1):
        if not isinstance(column, dict):
            continue
        number = column.get("number")
        number = number if type(number) is int else place
        role = column.get("role")
        if role == "deadline":
            found.append((number, "other_deadlines" if deadline else "deadline_text"))
            deadline = True
        elif isinstance(role, str) and role in _FIELDS:
            found.append((number, _FIELDS[role]))
    return found


def _by_column(entries: Any) -> dict[int, tuple[int, Any]]:
    """A measure's ``other_deadlines`` or ``other_cells`` by column number: (index, text)."""
    found: dict[int, tuple[int, Any]] = {}
    for j, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and type(entry.get("column")) is int:
            found[entry["column"]] = (j, entry.get("text"))
    return found


def _closest_pairs(
    unpaired: list[int], left: list[GlossaryEntry], entries: list[Any]
) -> list[tuple[int, GlossaryEntry]]:
    """The file's entries whose code is not the act's, each paired with the act's entry it is
    most like (code and expansion), most alike first: a code with one letter changed is found
    by its expansion, whatever entries are missing around it."""
    scored = []
    for i in unpaired:
        ours = f"{entries[i].get('code')} {entries[i].get('expansion')}"
        for n, source in enumerate(left):
            theirs = f"{source.code.text} {source.expansion.text}"
            scored.append((-SequenceMatcher(None, ours, theirs).ratio(), i, n))
    pairs: list[tuple[int, GlossaryEntry]] = []
    taken_ours: set[int] = set()
    taken_theirs: set[int] = set()
    for _, i, n in sorted(scored):
        if i not in taken_ours and n not in taken_theirs:
            taken_ours.add(i)
            taken_theirs.add(n)
            pairs.append((i, left[n]))
    return pairs


def _nth(texts: Sequence[SourceText], n: int) -> SourceText | None:
    return texts[n] if n < len(texts) else None


def _is_number(value: Any) -> bool:
    return type(value) is int


def _is_measure_number(value: Any) -> bool:
    """A measure's number: 5, or a dotted "1.7"."""
    return type(value) is int or (
        isinstance(value, str) and "." in value and all(part.isdigit() for part in value.split("."))
    )


def _at(root: dict[str, Any], path: Path) -> Any:
    node: Any = root
    for part in path:
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _quoted(text: SourceText, quotation: str) -> SourceText:
    """The quotation as a text of the act at its place in ``text``."""
    offset = max(text.text.find(quotation), 0)
    line, column = text.position(offset)
    return SourceText(quotation, line, column, line)


def _longest_quoted_prefix(quotation: str, text: str) -> int:
    """How many of ``quotation``'s first characters occur together in ``text``."""
    low, high = 0, len(quotation)
    while low < high:  # a prefix that occurs has every shorter prefix occurring
        middle = (low + high + 1) // 2
        if quotation[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return low
