"""The reader of an act's official Russian text, in the official database's plain-text layout.

Pure: text in, frozen dataclasses out; the standard library only. ``plan validate`` compares a
plan file's verbatim fields with what this reader finds, and ``plan import`` drafts a plan from
it; other front ends (HTML, Markdown) are to produce the same structure, so nothing here says
how the text was laid out: a table is header cells and rows of cells, whatever marked them.

The layout read (``data/source/resolution_912_2016-12-29.txt`` is an example):

- One paragraph per line. Spaces and tabs around a line are layout, not text (a text's column
  is that of its first character); blank lines are skipped. Lines are split at ``\\n`` only (a
  trailing ``\\r`` is dropped), so line numbers are those of ``grep -n``.
- Before the first point: the header when the export has one (a title line "О …"/"Об …", and a
  line such as "Постановление Правительства Республики Казахстан от 29 декабря 2016 года
  № 912."), then the preamble (the last other line before the first point).
- Points "1. …" and sub-points "1) …", each one line; the text is kept without its marker.
- Table cells end with " |" (a ``|`` with a space or the line's start before it and a space or
  the line's end after it). Several cells may share a line ("методические рекомендации | МВД
  (созыв), … |"); a cell may span lines: a line without the closing " |" goes on in the next.
  **Joining rule:** a cell's lines are joined with one space. The YAML has no wrapped cell to
  decide it; the one text it joins from two source lines, the plan title ("План" and the next
  line), is joined with a space, and cells follow the same rule.
- After the points: the signature (cells: the position, then the name; more cells before the
  name are the position's lines) and the approval note (the cells from "Утвержден…" or
  "Приложение…"; several are joined with a space).
- The plan's title: the lines after the approval note up to the table (joined with a space).
- The table: the header cells up to the first row number; the column numbering "1 | 2 | … |"
  if present; then the rows. A row number is "1", "1.", "1.1", "22-1." as written. A measure
  row has as many cells as the header (its number cell first); a row that is a number and one
  cell is a numbered heading; a cell that is not a number where a row starts is a heading row
  spanning the table ("Направление 1. …", "Задача 2") with any cells sharing its line, or an
  indicator row when it starts with "Индикатор", "Целевой индикатор" or "Показател…". A
  row ends early when a cell opening a line is the next number of the outline (the next at
  its level, a first child, or the next of an ancestor), so a missing " |" costs one row,
  not the rest of the table.
- "Сноска. …" lines, wherever they are, are footnotes; every act they cite ("постановлением
  Правительства РК от 24.07.2017 № 443") is one of their amendments.
- The glossary: after a line containing "расшифровка аббревиатур" (or "расшифровка
  сокращений"), entries "code | – | expansion |" (the dash cell optional) or lines "code –
  expansion".

What cannot be placed is kept in ``ActText.unread`` with its lines and a language-free kind,
never dropped. A text with no numbered point at all is not an act of this layout:
:class:`ActTextError` (a ``ValueError``) with its line and column.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Literal

__all__ = [
    "GENITIVE_MONTHS",
    "ActText",
    "ActTextError",
    "CellSplit",
    "Citation",
    "ColumnGroup",
    "Footnote",
    "Glossary",
    "GlossaryEntry",
    "Header",
    "Point",
    "Row",
    "RowKind",
    "Signatory",
    "SourceText",
    "SubPoint",
    "Table",
    "Unread",
    "UnreadKind",
    "citations",
    "is_approval",
    "is_indicator",
    "join_texts",
    "own_citation",
    "read_act_text",
    "row_outline",
    "split_cells",
]


class ActTextError(ValueError):
    """The text is not an act in this layout; ``line`` and ``column`` are 1-based."""

    def __init__(self, message: str, line: int, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


# --- the structure ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SourceText:
    """A text of the act, verbatim, and where it starts in the source (1-based line and column;
    ``end_line`` is the line it ends on). A text joined from several lines (one space between
    them) records in ``breaks`` where each later line starts: (offset in ``text``, line, column).
    """

    text: str
    line: int
    column: int
    end_line: int
    breaks: tuple[tuple[int, int, int], ...] = ()

    def position(self, offset: int) -> tuple[int, int]:
        """The source line and column of the character at ``offset`` in ``text``."""
        line, column, start = self.line, self.column, 0
        for break_offset, break_line, break_column in self.breaks:
            if break_offset <= offset:
                line, column, start = break_line, break_column, break_offset
        return line, column + offset - start


@dataclass(frozen=True, slots=True)
class Citation:
    """An act cited as "<kind> от <date> № <number>", optionally followed by its quoted title.

    ``kind`` is the words naming it, as written ("постановлением Правительства РК"); a list
    that goes on without repeating them ("…; от 10.10.2018 № 600") has the previous citation's
    kind; None when no kind is named. ``kind_code`` is the plan schema's name for the kinds it
    knows (``resolution_of_government``, ``decree_of_president``), else None. ``number`` is as
    written, without "№" and a closing full stop; ``title`` is without its quote marks.
    ``line`` and ``column`` are where the citation starts (its kind, else its "от").
    """

    kind: str | None
    kind_code: str | None
    date: date
    number: str
    title: str | None
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Header:
    """The lines some exports start with: the title ("Об утверждении …") and the act's own kind,
    date and number ("Постановление Правительства Республики Казахстан от … № 912.")."""

    title: SourceText | None
    act_line: SourceText | None
    act: Citation | None


@dataclass(frozen=True, slots=True)
class SubPoint:
    number: str
    text: SourceText


@dataclass(frozen=True, slots=True)
class Point:
    """A numbered point; ``number`` as written ("1", "2-1"), ``text`` without "1. "."""

    number: str
    text: SourceText
    subpoints: tuple[SubPoint, ...]


@dataclass(frozen=True, slots=True)
class Signatory:
    position: SourceText
    name: SourceText


@dataclass(frozen=True, slots=True)
class Footnote:
    text: SourceText
    amendments: tuple[Citation, ...]


RowKind = Literal["measure", "heading", "indicator", "note"]


@dataclass(frozen=True, slots=True)
class Row:
    """A row of the plan's table. ``cells`` are all its cells in column order, the number cell
    first (a measure's column 2 is ``cells[1]``); ``number`` is that cell ("1.", "1.1") or None
    for a heading or indicator without one. A ``note`` is prose spanning the table ("Механизм:
    …", amounts), read by the HTML and Markdown readers."""

    kind: RowKind
    number: SourceText | None
    cells: tuple[SourceText, ...]


@dataclass(frozen=True, slots=True)
class ColumnGroup:
    """A header cell over several columns ("Срок представления" over "Минюст", "Парламент"):
    its text and the first and last column it spans (0-based, as in ``Table.header``)."""

    text: SourceText
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Table:
    """``header``: the column titles; ``numbering``: the row "1 | 2 | … |" or empty;
    ``groups``: header cells spanning several columns above them (HTML tables only)."""

    header: tuple[SourceText, ...]
    numbering: tuple[SourceText, ...]
    rows: tuple[Row, ...]
    groups: tuple[ColumnGroup, ...] = ()


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    code: SourceText
    expansion: SourceText


@dataclass(frozen=True, slots=True)
class Glossary:
    heading: SourceText
    entries: tuple[GlossaryEntry, ...]


UnreadKind = Literal[
    "front_paragraph",  # before the first point, neither the header nor the preamble
    "paragraph_between_points",  # among the points, neither a point nor a sub-point
    "signature",  # signature cells that are not a position and a name
    "unterminated_text",  # text after a block's last cell that never ends in " |"
    "table_without_header",  # table cells with no header before the first row number
    "incomplete_row",  # a numbered row with fewer cells than the table has columns
    "repeated_numbering",  # the column numbering "1 | 2 | … |" again inside the table
    "glossary_entry",  # a glossary line or cell that is not "code – expansion"
    "annex_text",  # after the signature, outside the plan (other annexes, their tables)
]


@dataclass(frozen=True, slots=True)
class Unread:
    """A part of the text the reader could not place, kept with its lines."""

    kind: UnreadKind
    texts: tuple[SourceText, ...]

    @property
    def line(self) -> int:
        return self.texts[0].line

    @property
    def position(self) -> tuple[int, int]:
        return self.texts[0].line, self.texts[0].column


@dataclass(frozen=True, slots=True)
class ActText:
    """An act's text, read: each part None or empty when the text does not have it; ``unread``
    holds what could not be placed, in source order."""

    header: Header | None
    preamble: SourceText | None
    points: tuple[Point, ...]
    signatory: Signatory | None
    approval_note: SourceText | None
    plan_title: SourceText | None
    footnotes: tuple[Footnote, ...]
    table: Table | None
    glossary: Glossary | None
    unread: tuple[Unread, ...]


@dataclass(frozen=True, slots=True)
class CellSplit:
    """Cells in source order, and the text after the last " |" (one text per line), if any."""

    cells: tuple[SourceText, ...]
    rest: tuple[SourceText, ...]


# --- lines and cells --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    column: int  # of the first character of ``text``
    text: str  # without the spaces and tabs around it; never empty

    @property
    def ends_cell(self) -> bool:
        return self.text == "|" or self.text.endswith((" |", "\t|"))

    def at(self, offset: int, text: str) -> SourceText:
        return SourceText(text, self.number, self.column + offset, self.number)

    def whole(self) -> SourceText:
        return self.at(0, self.text)


@dataclass(frozen=True, slots=True)
class _Cell:
    text: SourceText
    opens_line: bool  # the cell starts at the beginning of a source line


_LAYOUT_SPACE = " \t"


def _lines(text: str, first_line: int = 1) -> list[_Line]:
    return list(_iter_lines(text, first_line))


def _iter_lines(text: str, first_line: int = 1) -> Iterator[_Line]:
    """The text's lines that are not blank, one by one: the text is split a part of some
    thousand lines at a time, never held whole as a list of lines."""
    start = 1 if text.startswith("\ufeff") else 0
    number, length = first_line, len(text)
    while True:
        end = text.find("\n", start + _LINES_AT_ONCE)  # a part ends at a line's end
        end = length if end < 0 else end
        for raw in text[start:end].split("\n"):
            raw = raw.removesuffix("\r")
            content = raw.strip(_LAYOUT_SPACE)
            if content:
                indent = len(raw) - len(raw.lstrip(_LAYOUT_SPACE))
                yield _Line(number, indent + 1, content)
            number += 1
        if end >= length:
            return
        start = end + 1


_LINES_AT_ONCE = 1 << 16  # characters of the text split into lines at a time


# A cell separator: a "|" with the line's start or a space or tab before it, and the line's end
# or a space or tab after it
_SEPARATOR = re.compile(r"(?<![^ \t])\|(?![^ \t])")


def _pieces(line: _Line) -> tuple[list[SourceText], SourceText | None]:
    """The line's closed cell pieces (each ended by a separator) and the open rest, if any."""
    text = line.text
    if text.count("|") == 1 and text.endswith((" |", "\t|")):  # most lines: one whole cell
        # (a line's text has no layout space before it: its one piece starts at its column)
        cell = text[:-1].rstrip(_LAYOUT_SPACE)
        return [SourceText(cell, line.number, line.column, line.number)], None
    return _split_pieces(line)


def _split_pieces(line: _Line) -> tuple[list[SourceText], SourceText | None]:
    """:func:`_pieces` for any line."""
    text, closed, start = line.text, [], 0
    for separator in _SEPARATOR.finditer(text) if "|" in text else ():
        i = separator.start()
        closed.append(_piece(line, start, text[start:i]))
        start = i + 1
    rest = text[start:]
    return closed, (_piece(line, start, rest) if rest.strip(_LAYOUT_SPACE) else None)


def _piece(line: _Line, start: int, raw: str) -> SourceText:
    lead = len(raw) - len(raw.lstrip(_LAYOUT_SPACE))
    return line.at(start + lead, raw.strip(_LAYOUT_SPACE))


def join_texts(parts: Sequence[SourceText]) -> SourceText:
    """Texts of consecutive source lines or cells as one text, one space between them."""
    parts = [part for part in parts if part.text] or list(parts[:1])
    first, text, breaks = parts[0], parts[0].text, list(parts[0].breaks)
    for part in parts[1:]:
        text += " "
        breaks.append((len(text), part.line, part.column))
        breaks.extend((len(text) + o, ln, col) for o, ln, col in part.breaks)
        text += part.text
    return SourceText(text, first.line, first.column, parts[-1].end_line, tuple(breaks))


def _cells(lines: Iterable[_Line]) -> tuple[list[_Cell], list[SourceText]]:
    rest: list[SourceText] = []
    return list(_iter_cells(lines, rest)), rest


def _iter_cells(lines: Iterable[_Line], rest: list[SourceText]) -> Iterator[_Cell]:
    """The cells of ``lines`` one by one; the text after the last " |" (one text per line) is
    put in ``rest`` once they are all given."""
    open_parts: list[SourceText] = []
    open_at_line_start = False
    for line in lines:
        closed, after = _pieces(line)
        for k, piece in enumerate(closed):
            if k == 0 and open_parts:
                yield _Cell(join_texts([*open_parts, piece]), open_at_line_start)
                open_parts = []
            else:
                yield _Cell(piece, k == 0)
        if after is not None:
            if not open_parts:
                open_at_line_start = not closed
            open_parts.append(after)
    rest += open_parts


def split_cells(text: str, first_line: int = 1) -> CellSplit:
    """Split text in the export's table layout into cells (see the module's doc for the rules);
    ``first_line`` is the source line ``text`` starts on."""
    cells, rest = _cells(_lines(text, first_line))
    return CellSplit(tuple(cell.text for cell in cells), tuple(rest))


# --- citations --------------------------------------------------------------------------------

GENITIVE_MONTHS = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
_MONTHS = {name: number for number, name in enumerate(GENITIVE_MONTHS, start=1)}
_CITATION = re.compile(
    r"\bот (?P<date>[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4}|[0-9]{1,2} [а-я]+ [0-9]{4}(?: года| г\.)?)"
    r" (?:№|N) ?(?P<number>[^\s,;:()«»\"]+)"
)
# A word naming a kind of act, in any case: постановлением, Указа, приказом, закона, …
_KIND_WORD = re.compile(
    r"(?:постановлени|распоряжени|решени)(?:е|я|ю|ем|и|й|ям|ями|ях)"
    r"|(?:указ|приказ|закон)(?:а|у|ом|е|ы|ов|ам|ами|ах)?"
)
_KIND_WORDS_BEFORE = 12
_LIST_SEPARATOR = re.compile(r"[\s,;]*(?:и\s+)?")
_QUOTES = {'"': '"', "«": "»", "“": "”"}


def _citation_date(text: str) -> date | None:
    words = text.replace(".", " ").split()
    day, month, year = words[0], words[1], words[2]
    try:
        month_number = int(month) if month.isdigit() else _MONTHS[month]
        return date(int(year), month_number, int(day))
    except (KeyError, ValueError):
        return None


def _kind_code(kind: str) -> str | None:
    words = kind.lower().split()
    if words[0].startswith("постановлени") and "правительства" in words:
        return "resolution_of_government"
    if words[0].startswith("указ") and "президента" in words:
        return "decree_of_president"
    return None


def _quoted_title(after: str) -> str | None:
    """The title in quotes at the start of ``after`` (without them; «…» may nest), if any."""
    after = after.lstrip()
    opening = after[:1]
    closing = _QUOTES.get(opening)
    if closing is None:
        return None
    depth = 1
    for i in range(1, len(after)):
        if after[i] == closing:
            depth = 0 if opening == closing else depth - 1
        elif after[i] == opening:
            depth += 1
        if depth == 0:
            return after[1:i]
    return None


def _find_citations(text: SourceText) -> list[tuple[Citation, int, int]]:
    """Every citation in ``text`` with its start and end offsets."""
    found: list[tuple[Citation, int, int]] = []
    previous_end, previous_kind = 0, None
    kind: str | None
    for match in _CITATION.finditer(text.text):
        prefix = text.text[previous_end : match.start()]
        kind_start = _kind_start(prefix)
        if kind_start is not None:
            start = previous_end + kind_start
            kind = text.text[start : match.start()].rstrip()
        else:
            start = match.start()
            kind = previous_kind if _LIST_SEPARATOR.fullmatch(prefix) else None
        previous_end, previous_kind = match.end(), kind
        when = _citation_date(match["date"])
        if when is None:
            continue
        line, column = text.position(start)
        citation = Citation(
            kind=kind,
            kind_code=_kind_code(kind) if kind else None,
            date=when,
            number=match["number"].rstrip("."),
            title=_quoted_title(text.text[match.end() :]),
            line=line,
            column=column,
        )
        found.append((citation, start, match.end()))
    return found


def _kind_start(prefix: str) -> int | None:
    """Where the words naming the kind of act start, within the clause just before "от"."""
    clause = max(prefix.rfind(";"), prefix.rfind(":"), prefix.rfind("("), prefix.rfind("»")) + 1
    words = list(re.finditer(r"\S+", prefix[clause:]))
    for word in reversed(words[-_KIND_WORDS_BEFORE:]):
        if _KIND_WORD.fullmatch(word.group().lower()):
            return clause + word.start()
    return None


def citations(text: SourceText) -> tuple[Citation, ...]:
    """The acts ``text`` cites, in order ("Указа Президента Республики Казахстан от 8 декабря
    2016 года № 387 "Об утверждении …"", "постановлением Правительства РК от 24.07.2017 № 443")."""
    return tuple(citation for citation, _, _ in _find_citations(text))


# --- the parts of the act ---------------------------------------------------------------------

_POINT = re.compile(r"([0-9]+(?:-[0-9]+)?)\.\s+(\S.*)")
_SUBPOINT = re.compile(r"([0-9]+(?:-[0-9]+)?)\)\s+(\S.*)")
_ROW_NUMBER = re.compile(r"[0-9]+(?:-[0-9]+)?(?:\.[0-9]+(?:-[0-9]+)?)*\.?")
_SECTION = re.compile(r"(?:Направление|Задача|Цель|Раздел|Подраздел|Глава|Блок|Этап)\s+[0-9IVX]")
_INDICATOR_STARTS = ("индикатор", "целевой индикатор", "целевые индикаторы", "показател")
_APPROVAL_STARTS = ("утвержд", "приложение")
_TITLE_STARTS = ("О ", "Об ")
_FOOTNOTE_START = "Сноска."
_GLOSSARY_HEADINGS = ("расшифровка аббревиатур", "расшифровка сокращений")
_GLOSSARY_DASHES = ("–", "-", "—")
_SENTENCE_ENDS = (".", ";", ":")
_SIGNATURE_CELLS = 2  # the position and the name
_NUMBERED_HEADING_CELLS = 2  # "1. | Направление 1. … |"


def _is_marker(line: _Line) -> bool:
    return not line.ends_cell and bool(
        _POINT.fullmatch(line.text) or _SUBPOINT.fullmatch(line.text)
    )


def _is_point(line: _Line) -> bool:
    return not line.ends_cell and _POINT.fullmatch(line.text) is not None


def _is_table_start(line: _Line) -> bool:
    return line.text.startswith("№")


def _is_glossary_heading(line: _Line) -> bool:
    if line.ends_cell:  # (every line of a table: not lowered)
        return False
    lowered = line.text.lower()
    return any(heading in lowered for heading in _GLOSSARY_HEADINGS)


def is_approval(text: str) -> bool:
    return text.lower().startswith(_APPROVAL_STARTS)


def row_outline(text: str) -> tuple[int, ...] | None:
    """A row number's parts ("1.2." → (1, 2); "22-1." → (22, 1)), or None if not a number."""
    if not text or text[0] not in _DIGITS or not _ROW_NUMBER.fullmatch(text):
        return None  # (most cells of a table: told by their first character)
    return tuple(map(int, _DIGIT_RUN.findall(text)))


_DIGITS = "0123456789"
_DIGIT_RUN = re.compile("[0-9]+")


def _next_numbers(number: tuple[int, ...] | None) -> set[tuple[int, ...]]:
    """The numbers that may follow ``number`` in an outline: a first child, the next at any
    level, each possibly with first children."""
    if not number:
        return {(1,), (1, 1), (1, 1, 1)}
    following = {(*number, 1), (*number, 1, 1)}
    for level in range(len(number)):
        after = (*number[:level], number[level] + 1)
        following |= {after, (*after, 1), (*after, 1, 1)}
    return following


def _read_front(lines: Sequence[_Line]) -> tuple[Header | None, SourceText | None, list[Unread]]:
    title: SourceText | None = None
    act_line: SourceText | None = None
    act: Citation | None = None
    others: list[SourceText] = []
    for line in lines:
        text = line.whole()
        own = own_citation(text)
        if title is None and line.text.startswith(_TITLE_STARTS):
            title = text
        elif act is None and own is not None:
            act_line, act = text, own
        else:
            others.append(text)
    preamble = others.pop() if others else None
    header = Header(title, act_line, act) if title or act else None
    return header, preamble, [Unread("front_paragraph", (text,)) for text in others]


def own_citation(text: SourceText) -> Citation | None:
    """The citation a header line consists of: "Постановление … от … № 912." and nothing else."""
    found = _find_citations(text)
    if not found:
        return None
    citation, start, end = found[0]
    own = start == 0 and citation.kind is not None and text.text[end:].strip() in ("", ".")
    return citation if own else None


def _read_points(lines: Sequence[_Line]) -> tuple[list[Point], list[Unread]]:
    points: list[Point] = []
    unread: list[Unread] = []
    for line in lines:
        point = _POINT.fullmatch(line.text)
        subpoint = _SUBPOINT.fullmatch(line.text)
        if point:
            points.append(Point(point[1], line.at(point.start(2), point[2]), ()))
        elif subpoint and points:
            item = SubPoint(subpoint[1], line.at(subpoint.start(2), subpoint[2]))
            last = points[-1]
            points[-1] = Point(last.number, last.text, (*last.subpoints, item))
        else:
            unread.append(Unread("paragraph_between_points", (line.whole(),)))
    return points, unread


def _signature_start(body: _Body, first_point: int) -> int:
    """The first line of the signature: the first cell line, with the lines before it that
    continue its cell ("Премьер-Министр" above "Республики Казахстан |")."""
    first_cell = first_point
    while body.has(first_cell) and not body[first_cell].ends_cell:
        first_cell += 1
    if not body.has(first_cell):
        return first_cell
    start = first_cell
    while (
        start - 1 > first_point
        and not _is_marker(body[start - 1])
        and not body[start - 1].text.endswith(_SENTENCE_ENDS)
    ):
        start -= 1
    return start


def _signature_end(body: _Body, start: int) -> int:
    """The end of the signature and approval note: after the approval note's last cell, or
    after the signature's two cells when no approval note follows, or before the table."""
    end, cells_closed = start, 0
    approval_started = approval_closed = False
    cell_opens = True
    for i in itertools.count(start):
        if not body.has(i):
            break
        line = body[i]
        if _is_table_start(line) or _is_glossary_heading(line):
            break
        closed, rest = _pieces(line)
        starts = [piece.text for piece in closed[0 if cell_opens else 1 :]]
        if rest is not None and (closed or cell_opens):
            starts.append(rest.text)
        if any(is_approval(text) for text in starts):
            approval_started = True
        elif not closed and (
            approval_closed or (not approval_started and cells_closed >= _SIGNATURE_CELLS)
        ):
            break
        if closed:
            end, cells_closed = i + 1, cells_closed + len(closed)
            approval_closed = approval_started and rest is None
        cell_opens = rest is None
    return end


def _read_signature(
    cells: Sequence[_Cell],
) -> tuple[Signatory | None, SourceText | None, list[Unread]]:
    approval_at = next(
        (k for k, cell in enumerate(cells) if is_approval(cell.text.text)), len(cells)
    )
    signature = [cell.text for cell in cells[:approval_at]]
    approval = [cell.text for cell in cells[approval_at:]]
    note = join_texts(approval) if approval else None
    if len(signature) >= _SIGNATURE_CELLS:
        return Signatory(join_texts(signature[:-1]), signature[-1]), note, []
    unread = [Unread("signature", tuple(signature))] if signature else []
    return None, note, unread


def _row_end(cells: Sequence[_Cell], start: int, limit: int, ends: Callable[[_Cell], bool]) -> int:
    end = start + 1
    while end < len(cells) and end - start < limit and not ends(cells[end]):
        end += 1
    return end


def _is_numbering(cells: Sequence[_Cell], columns: int) -> bool:
    """Whether ``cells`` are the column numbering "1 | 2 | … |" of a table of ``columns``."""
    if columns < 2 or len(cells) != columns or cells[0].text.text != "1":
        return False  # (every row of a table but one: told by its first cell)
    return [cell.text.text for cell in cells] == [str(n) for n in range(1, columns + 1)]


def is_indicator(text: str) -> bool:
    return text.lower().startswith(_INDICATOR_STARTS)


def _starts_row(following: set[tuple[int, ...]], cell: _Cell) -> bool:
    """Whether ``cell`` starts the next numbered row: it opens a line with a number that may
    follow in the outline."""
    return cell.opens_line and row_outline(cell.text.text) in following


def _ends_indicator(following: set[tuple[int, ...]], cell: _Cell) -> bool:
    text = cell.text.text
    starts_part = is_indicator(text) or _SECTION.match(text) is not None
    return _starts_row(following, cell) or (cell.opens_line and starts_part)


def _ends_heading(cell: _Cell) -> bool:
    return cell.opens_line or row_outline(cell.text.text) is not None


def _read_rows(cells: list[_Cell], more: Iterator[_Cell], columns: int) -> Iterator[Row | Unread]:
    """The rows of the table's body, and what cannot be placed among them, in order, each made
    as soon as its cells are read: ``cells`` holds the next ones (a row's, at most ``columns``,
    are all it needs to be read), ``more`` the rest."""
    last_number: tuple[int, ...] | None = None
    while True:
        cells += itertools.islice(more, columns - len(cells))
        if not cells:
            return
        first = cells[0]
        number = row_outline(first.text.text)
        if _is_numbering(cells[:columns], columns):
            end = columns
            yield Unread("repeated_numbering", _texts(cells[:end]))
        elif number is not None:
            end = _row_end(cells, 0, columns, partial(_starts_row, _next_numbers(number)))
            texts = _texts(cells[:end])
            if len(texts) == columns:
                yield Row("measure", first.text, texts)
            elif len(texts) == _NUMBERED_HEADING_CELLS:
                yield Row("heading", first.text, texts)
            else:
                yield Unread("incomplete_row", texts)
            last_number = number
        elif is_indicator(first.text.text):
            end = _row_end(cells, 0, columns, partial(_ends_indicator, _next_numbers(last_number)))
            yield Row("indicator", None, _texts(cells[:end]))
        else:
            end = _row_end(cells, 0, columns, _ends_heading)
            yield Row("heading", None, _texts(cells[:end]))
        del cells[:end]


def _texts(cells: Sequence[_Cell]) -> tuple[SourceText, ...]:
    return tuple(cell.text for cell in cells)


def _ends_header(cell: _Cell) -> bool:
    """The header ends at the first row number, section heading ("Направление 1. …") or
    indicator."""
    text = cell.text.text
    return row_outline(text) is not None or _SECTION.match(text) is not None or is_indicator(text)


def _read_table(
    lines: Iterable[_Line], keep_row: Callable[[Row], bool] | None = None
) -> tuple[Table | None, list[Unread]]:
    """The table in ``lines``, read line by line, each row made as soon as its cells are read
    (a long act's table is never held whole as lines or cells); a row is kept in the table
    unless ``keep_row`` (given each row in order) says not."""
    rest: list[SourceText] = []
    more = _iter_cells(lines, rest)
    cells: list[_Cell] = []
    header_end = None
    for cell in more:
        if _ends_header(cell):
            header_end = len(cells)
        cells.append(cell)
        if header_end is not None:
            break
    found: list[Unread] = []
    table: Table | None = None
    if header_end == 0:
        found.append(Unread("table_without_header", _texts([*cells, *more])))
    elif cells:
        columns = len(cells) if header_end is None else header_end
        header = _texts(cells[:columns])
        del cells[:columns]
        cells += itertools.islice(more, columns - len(cells))
        numbering: tuple[SourceText, ...] = ()
        if _is_numbering(cells[:columns], columns):
            numbering = _texts(cells[:columns])
            del cells[:columns]
        rows: list[Row] = []
        for item in _read_rows(cells, more, columns):
            if isinstance(item, Unread):
                found.append(item)
            elif keep_row is None or keep_row(item):
                rows.append(item)
        table = Table(header, numbering, tuple(rows))
    unread = [Unread("unterminated_text", tuple(rest))] if rest else []
    return table, unread + found


def _read_glossary(lines: Sequence[_Line]) -> tuple[Glossary | None, list[Unread]]:
    if not lines:
        return None, []
    heading, body = lines[0].whole(), lines[1:]
    if not any(line.ends_cell for line in body):
        entries, unread = _glossary_paragraphs(body)
        return Glossary(heading, tuple(entries)), unread
    cells, rest = _cells(body)
    unread = [Unread("unterminated_text", tuple(rest))] if rest else []
    entries = []
    i = 0
    while i < len(cells):
        code = cells[i].text
        has_dash = i + 1 < len(cells) and cells[i + 1].text.text in _GLOSSARY_DASHES
        at = i + 2 if has_dash else i + 1
        if at < len(cells):
            entries.append(GlossaryEntry(code, cells[at].text))
        else:
            unread.append(Unread("glossary_entry", _texts(cells[i:])))
        i = at + 1
    return Glossary(heading, tuple(entries)), unread


def _glossary_paragraphs(lines: Sequence[_Line]) -> tuple[list[GlossaryEntry], list[Unread]]:
    entries: list[GlossaryEntry] = []
    unread: list[Unread] = []
    for line in lines:
        found = [(line.text.find(f" {d} "), d) for d in _GLOSSARY_DASHES]
        at, dash = min(((at, d) for at, d in found if at > 0), default=(-1, ""))
        if at < 0:
            unread.append(Unread("glossary_entry", (line.whole(),)))
            continue
        expansion_at = at + len(dash) + 2
        code = line.at(0, line.text[:at])
        entries.append(GlossaryEntry(code, line.at(expansion_at, line.text[expansion_at:])))
    return entries, unread


class _Body:
    """The text's lines other than the footnotes ("Сноска. …", put aside as they are met), read
    from the text only as far as they are looked at: the lines before the table are kept to be
    looked at by their place, the table's are given one by one (:meth:`forward`)."""

    def __init__(self, text: str) -> None:
        self._lines = self._body(_iter_lines(text))
        self._read: list[_Line] = []
        self.first: _Line | None = None  # the text's first line, a footnote's too
        self.footnotes: list[_Line] = []

    def _body(self, lines: Iterator[_Line]) -> Iterator[_Line]:
        for line in lines:
            if self.first is None:
                self.first = line
            if line.text.startswith(_FOOTNOTE_START):
                self.footnotes.append(line)
            else:
                yield line

    def has(self, i: int) -> bool:
        """Whether there is an ``i``-th line."""
        while len(self._read) <= i:
            line = next(self._lines, None)
            if line is None:
                return False
            self._read.append(line)
        return True

    def __getitem__(self, i: int) -> _Line:
        self.has(i)
        return self._read[i]

    def upto(self, start: int, end: int) -> list[_Line]:
        """The lines from ``start`` up to ``end`` (not included)."""
        self.has(end - 1)
        return self._read[start:end]

    def forward(self, start: int) -> Iterator[_Line]:
        """The lines from ``start`` to the end, each forgotten once given (and those before
        ``start`` forgotten now)."""
        kept = self._read[start:]
        self._read = []
        kept.reverse()
        while kept:
            yield kept.pop()
        yield from self._lines


def read_act_text(text: str, keep_row: Callable[[Row], bool] | None = None) -> ActText:
    """Read an act's text in the export's layout (see the module's doc); raise
    :class:`ActTextError` when it is empty or has no numbered point.

    The table is read line by line, each row made as soon as its cells are read; ``keep_row``,
    when given, is given each row of the table in order, as it is made, and the table keeps
    only the rows it returns true for (``plan validate`` compares each measure row with the
    plan as it comes, so that a long act's table is never held whole)."""
    body = _Body(text)
    first_point = 0
    while body.has(first_point) and not _is_point(body[first_point]):
        first_point += 1
    if body.first is None:
        raise ActTextError("the text is empty: expected the text of an act", line=1)
    if not body.has(first_point):
        raise ActTextError(
            "no numbered point (a line such as '1. Утвердить …') was found: this is not the "
            "text of an act in the official database's plain-text layout",
            line=body.first.number,
            column=body.first.column,
        )
    header, preamble, unread = _read_front(body.upto(0, first_point))
    signature_start = _signature_start(body, first_point)
    points, points_unread = _read_points(body.upto(first_point, signature_start))
    signature_end = _signature_end(body, signature_start)
    signature_cells, signature_rest = _cells(body.upto(signature_start, signature_end))
    signatory, approval_note, signature_unread = _read_signature(signature_cells)
    title_end = signature_end
    while body.has(title_end) and not (
        body[title_end].ends_cell
        or _is_table_start(body[title_end])
        or _is_glossary_heading(body[title_end])
    ):
        title_end += 1
    title_lines = [line.whole() for line in body.upto(signature_end, title_end)]
    lines = body.forward(title_end)
    glossary_lines: list[_Line] = []

    def table_lines() -> Iterator[_Line]:
        """The lines up to the glossary's heading (which starts ``glossary_lines``)."""
        for line in lines:
            if _is_glossary_heading(line):
                glossary_lines.append(line)
                return
            yield line

    table, table_unread = _read_table(table_lines(), keep_row)
    glossary_lines += lines
    glossary, glossary_unread = _read_glossary(glossary_lines)
    unread += points_unread + signature_unread + table_unread + glossary_unread
    if signature_rest:
        unread.append(Unread("unterminated_text", tuple(signature_rest)))
    footnotes = tuple(Footnote(line.whole(), citations(line.whole())) for line in body.footnotes)
    return ActText(
        header=header,
        preamble=preamble,
        points=tuple(points),
        signatory=signatory,
        approval_note=approval_note,
        plan_title=join_texts(title_lines) if title_lines else None,
        footnotes=footnotes,
        table=table,
        glossary=glossary,
        unread=tuple(sorted(unread, key=lambda block: block.position)),
    )
