"""An act's text as blocks (paragraphs and tables), and the blocks read into an :class:`ActText`.

The HTML and Markdown readers (``act_html``, ``act_markdown``) each turn their markup into the
same blocks: a paragraph is lines of text with what the markup said of it (a heading of some
level, a block quote, bold, a note); a table is rows of cells with their ``colspan``,
``rowspan`` and whether they were header cells. This module reads those blocks the way
``act_text`` reads the plain-text export, so every front end gives the same format-neutral
:class:`~reintegration_plan.act_text.ActText`.

Texts: a line's whitespace is layout, as a browser shows it: runs of spaces, tabs and line
breaks are one space, and spaces (no-break spaces too) around a line are dropped. A paragraph's
or a cell's lines are joined with one space, as ``act_text`` joins a cell's lines. Entities are
decoded by the readers (``&quot;`` is the act's ``"``): the text is what the act says, not how
the page spelled it. Positions are those of the source: each text records where it starts and
where each later piece of it starts (``SourceText.breaks``).

The order of an act (the same as ``act_text``): the title and the act's own line, the preamble,
points and sub-points, the signature (two bold paragraphs, or a table of one row: position and
name), then the annexes. The plan's table is the first table after the points whose header names
a measure column and a deadline column and which has a numbered row; its title is the heading
just before it and its approval note the "Утвержден…" / "Приложение…" block before that. After
the table, the glossary: a paragraph naming "расшифровка аббревиатур" (or "сокращений") and then
a table of two or three columns (code, dash, expansion) or paragraphs "code – expansion".
Paragraphs starting "Сноска." are footnotes wherever they are. What is none of these is kept in
``ActText.unread`` (the other annexes' text is ``annex_text``).

Tables: the header is the rows before the first numbered row (or section row); each column is a
header cell of the lowest header row (a cell spanning two grid columns is one column), a header
cell spanning several columns above them is a :class:`ColumnGroup`; a row of numbers "1 2 … n"
before or after the header is the column numbering. A body row with as many cells as there are
columns is mapped cell by cell in order (a real act's ``colspan``s may disagree with its header);
otherwise by grid position, cells spanning rows carried down. A row whose text spans several
columns is a section heading (numbered, or short and without a final full stop), an indicator
("Целевой индикатор …"), or a note (prose: "Механизм: …", amounts).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .act_text import (
    ActText,
    ActTextError,
    ColumnGroup,
    Footnote,
    Glossary,
    GlossaryEntry,
    Header,
    Point,
    Row,
    RowKind,
    Signatory,
    SourceText,
    SubPoint,
    Table,
    Unread,
    citations,
    is_approval,
    is_indicator,
    join_texts,
    own_citation,
    row_outline,
)

__all__ = [
    "Block",
    "Cell",
    "Paragraph",
    "TableBlock",
    "TextRun",
    "join_texts",
    "read_blocks",
    "text_of",
]

# --- texts ------------------------------------------------------------------------------------

_LAYOUT_SPACE = " \t\n\r\f"


@dataclass(frozen=True)
class TextRun:
    """A piece of text as the markup gives it (entities decoded, line breaks kept), with the
    1-based source line and column of its first character."""

    text: str
    line: int
    column: int


def text_of(runs: Iterable[TextRun]) -> SourceText | None:
    """The runs as one text, whitespace collapsed (runs of spaces, tabs and line breaks are one
    space; whitespace around the text, no-break spaces too, dropped); None when there is no
    text. Where a character does not follow the one before it in the source (a new line, after
    an entity or a markup character), ``breaks`` records its position."""
    out: list[str] = []
    breaks: list[tuple[int, int, int]] = []
    start: tuple[int, int] | None = None
    last = (0, 0)  # the source position of the last character kept
    end_line = 0
    space = False
    for run in runs:
        line, column = run.line, run.column
        for char in run.text:
            if char in _LAYOUT_SPACE:
                space = bool(out)
            elif out or not char.isspace():
                if space:
                    out.append(" ")
                follows = (last[0], last[1] + 1 + space)
                space = False
                if start is None:
                    start = (line, column)
                elif (line, column) != follows:
                    breaks.append((len(out), line, column))
                out.append(char)
                last, end_line = (line, column), line
            if char == "\n":
                line, column = line + 1, 1
            else:
                column += 1
    text = "".join(out).rstrip()
    if start is None or not text:
        return None
    kept = tuple(item for item in breaks if item[0] < len(text))
    return SourceText(text, start[0], start[1], end_line, kept)


def _slice(text: SourceText, start: int) -> SourceText:
    """``text`` from ``start`` on (its position moved there)."""
    line, column = text.position(start)
    breaks = tuple((o - start, ln, col) for o, ln, col in text.breaks if o > start)
    return SourceText(text.text[start:], line, column, text.end_line, breaks)


def _head(text: SourceText, end: int) -> SourceText:
    """``text`` up to ``end`` (spaces before it dropped)."""
    kept = text.text[:end].rstrip()
    breaks = tuple(item for item in text.breaks if item[0] < len(kept))
    return SourceText(kept, text.line, text.column, text.position(len(kept) - 1)[0], breaks)


# --- blocks -----------------------------------------------------------------------------------

Style = str
"""What the markup said of a paragraph: "title" (the first-level heading), "heading", "quote",
"bold" (all its text bold), "note", "code", "center", "right"."""


@dataclass(frozen=True)
class Paragraph:
    lines: tuple[SourceText, ...]  # never empty
    styles: frozenset[Style] = frozenset()
    level: int = 0  # of a heading

    @property
    def text(self) -> SourceText:
        return join_texts(self.lines)

    def has(self, style: Style) -> bool:
        return style in self.styles


@dataclass(frozen=True)
class Cell:
    """A table cell: its lines (empty for an empty cell), where it starts, its spans, and
    whether it was a header cell."""

    lines: tuple[SourceText, ...]
    line: int
    column: int
    colspan: int = 1
    rowspan: int = 1
    header: bool = False

    @property
    def text(self) -> SourceText:
        if not self.lines:
            return SourceText("", self.line, self.column, self.line)
        return join_texts(self.lines)


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[tuple[Cell, ...], ...]
    line: int
    column: int


Block = Paragraph | TableBlock


# --- tables -----------------------------------------------------------------------------------

_MEASURE_HEADER = re.compile(r"мероприяти|законопроект|проект", re.IGNORECASE)
_DEADLINE_HEADER = re.compile(r"срок", re.IGNORECASE)
_SECTION_WORDS = re.compile(
    r"(?:Направление|Задача|Цель|Раздел|Подраздел|Глава|Блок|Этап)\s+[0-9IVX]"
)
_LEADING_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)*\.?\s")
_HEADING_MAX = 150


@dataclass
class _Grid:
    """The header read: each column's cell, the groups above, and each grid column's column."""

    columns: list[SourceText] = field(default_factory=list)
    groups: list[ColumnGroup] = field(default_factory=list)
    of_grid: list[int] = field(default_factory=list)  # grid column -> column


def _is_numbering(cells: Sequence[Cell]) -> bool:
    texts = [cell.text.text for cell in cells]
    return len(texts) > 1 and texts == [str(n) for n in range(1, len(texts) + 1)]


def _starts_body(cells: Sequence[Cell]) -> bool:
    """A numbered row, or a row of one text spanning columns (a section)."""
    texts = [cell.text.text for cell in cells if cell.text.text]
    if not texts:
        return False
    if row_outline(texts[0]) is not None and not all(cell.header for cell in cells):
        return True
    return len(texts) == 1 and max(cell.colspan for cell in cells) > 1 and not cells[0].header


def _place(rows: Sequence[Sequence[Cell]]) -> list[list[tuple[int, int, Cell]]]:
    """Each row's cells with the grid columns they start at and end before (HTML's table
    model: a cell spanning rows takes its columns in the rows below)."""
    taken: dict[tuple[int, int], bool] = {}
    placed: list[list[tuple[int, int, Cell]]] = []
    for r, row in enumerate(rows):
        column, found = 0, []
        for cell in row:
            while taken.get((r, column)):
                column += 1
            end = column + cell.colspan
            for below in range(r, r + cell.rowspan):
                for c in range(column, end):
                    taken[(below, c)] = True
            found.append((column, end, cell))
            column = end
        placed.append(found)
    return placed


def _read_header(rows: Sequence[Sequence[Cell]]) -> _Grid:
    grid = _Grid()
    placed = _place(rows)
    width = max((end for row in placed for _, end, _ in row), default=0)
    leaf: list[Cell | None] = [None] * width
    for r, row in enumerate(placed):
        for start, end, cell in row:
            for c in range(start, end):
                # the lowest header cell over a grid column names it (a cell spanning down
                # to the last header row counts as the lowest)
                if r + cell.rowspan >= len(rows) or leaf[c] is None:
                    leaf[c] = cell
    previous: Cell | None = None
    for c in range(width):
        current = leaf[c]
        if current is None or current is not previous:
            grid.columns.append(current.text if current else SourceText("", 1, 1, 1))
        grid.of_grid.append(len(grid.columns) - 1)
        previous = current
    for row in placed:
        for start, end, cell in row:
            first, last = grid.of_grid[start], grid.of_grid[end - 1]
            above = all(leaf[c] is not cell for c in range(start, end))
            if last > first and cell.text.text and above:
                grid.groups.append(ColumnGroup(cell.text, first, last))
    return grid


def _spanning_kind(number: SourceText | None, text: str) -> RowKind:
    if is_indicator(text):
        return "indicator"
    numbered = number is not None or _LEADING_NUMBER.match(text) is not None
    if numbered or _SECTION_WORDS.match(text):
        return "heading"
    if len(text) <= _HEADING_MAX and not text.endswith("."):
        return "heading"
    return "note"


def _body_row(
    placed: Sequence[tuple[int, int, Cell]], grid: _Grid, columns: int
) -> tuple[RowKind, SourceText | None, tuple[SourceText, ...]] | None:
    """A body row's kind, number and cells in column order; None for an empty row."""
    texts = [cell.text for _, _, cell in placed]
    filled = [text for text in texts if text.text]
    if not filled:
        return None
    if len(placed) == columns:
        number = texts[0] if row_outline(texts[0].text) is not None else None
        return "measure", number, tuple(texts)
    spans = [
        (grid.of_grid[min(start, len(grid.of_grid) - 1)], end, cell) for start, end, cell in placed
    ]
    spanning = any(grid.of_grid[min(end, len(grid.of_grid)) - 1] > first for first, end, _ in spans)
    if spanning or (len(filled) == 1 and len(placed) == 1):
        number = filled[0] if len(filled) > 1 and row_outline(filled[0].text) else None
        kept = tuple(filled)
        return _spanning_kind(number, kept[-1].text), number, kept
    cells = [SourceText("", texts[0].line, texts[0].column, texts[0].line)] * columns
    for first, _, cell in spans:
        cells[first] = cell.text
    number = cells[0] if row_outline(cells[0].text) is not None else None
    return "measure", number, tuple(cells)


def _carry(rows: Sequence[Sequence[Cell]]) -> list[list[tuple[int, int, Cell]]]:
    """Body rows placed on the grid; a cell spanning rows is repeated in the rows it covers
    (so each row holds every column it has)."""
    placed = _place(rows)
    result = []
    for r, row in enumerate(placed):
        here = list(row)
        for above in range(r):
            for start, end, cell in placed[above]:
                if above + cell.rowspan > r:
                    here.append((start, end, cell))
        here.sort(key=lambda item: item[0])
        result.append(here)
    return result


def read_table(block: TableBlock) -> tuple[Table | None, list[Unread]]:
    """A table's header, column numbering and rows (see the module's doc)."""
    header_rows: list[tuple[Cell, ...]] = []
    numbering: tuple[SourceText, ...] = ()
    body_at = len(block.rows)
    for i, row in enumerate(block.rows):
        if _is_numbering(row) and not numbering:
            numbering = tuple(cell.text for cell in row)
        elif _starts_body(row):
            body_at = i
            break
        else:
            header_rows.append(row)
    unread: list[Unread] = []
    body = block.rows[body_at:]
    if not header_rows:
        texts = tuple(cell.text for row in body for cell in row if cell.text.text)
        if texts:
            unread.append(Unread("table_without_header", texts))
        return None, unread
    grid = _read_header(header_rows)
    columns = len(grid.columns)
    rows: list[Row] = []
    by_order = [len(row) == columns for row in body]
    carried = _carry(body)
    for i, row in enumerate(body):
        placed = _place([row])[0] if by_order[i] else carried[i]
        if _is_numbering(row):
            unread.append(Unread("repeated_numbering", tuple(cell.text for cell in row)))
            continue
        read = _body_row(placed, grid, columns)
        if read is not None:
            rows.append(Row(*read))
    table = Table(tuple(grid.columns), numbering, tuple(rows), tuple(grid.groups))
    return table, unread


def _is_plan_table(table: Table | None) -> bool:
    if table is None or not any(row.kind == "measure" for row in table.rows):
        return False
    names = [column.text for column in table.header] + [g.text.text for g in table.groups]
    measure = any(_MEASURE_HEADER.search(name) for name in names)
    return measure and any(_DEADLINE_HEADER.search(name) for name in names)


# --- the parts of the act ---------------------------------------------------------------------

_POINT = re.compile(r"([0-9]+(?:-[0-9]+)?)\.\s+(\S.*)", re.DOTALL)
_SUBPOINT = re.compile(r"([0-9]+(?:-[0-9]+)?)\)\s+(\S.*)", re.DOTALL)
_FOOTNOTE_START = "Сноска."
_GLOSSARY_HEADINGS = ("расшифровка аббревиатур", "расшифровка сокращений")
_GLOSSARY_DASHES = ("–", "-", "—")
_SEPARATOR = re.compile(r"[_\-—–=*\s]{3,}")
_TITLE_STARTS = ("О ", "Об ")


def _is_separator(text: str) -> bool:
    return _SEPARATOR.fullmatch(text) is not None and any(c in "_-—–=*" for c in text)


def _is_glossary_heading(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    lowered = block.text.text.lower()
    return any(heading in lowered for heading in _GLOSSARY_HEADINGS)


_NOT_POINTS = frozenset({"title", "heading", "quote", "code"})


def _is_point(block: Block) -> bool:
    """A numbered point: "1. …" in a paragraph that is not a heading, a quote or code."""
    return (
        isinstance(block, Paragraph)
        and not block.styles & _NOT_POINTS
        and _POINT.fullmatch(block.text.text) is not None
    )


def _approval_text(block: Block) -> SourceText | None:
    """The approval note ("Утвержден …", "Приложение …") a block is, if it is one."""
    if isinstance(block, Paragraph):
        text = block.text
        return text if is_approval(text.text) else None
    cells = [cell.text for row in block.rows for cell in row if cell.text.text]
    if len(block.rows) == 1 and cells and is_approval(cells[0].text):
        return join_texts(cells)
    return None


def _styles(block: Block) -> frozenset[Style]:
    return block.styles if isinstance(block, Paragraph) else frozenset()


def _is_heading(block: Block) -> bool:
    return isinstance(block, Paragraph) and bool(
        block.styles & {"title", "heading", "center", "bold"}
    )


def _footnotes(blocks: Sequence[Block]) -> tuple[list[Block], list[Footnote]]:
    """The footnotes (paragraphs, or lines of one, starting "Сноска."), and the other blocks."""
    kept: list[Block] = []
    notes: list[Footnote] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or not block.lines[0].text.startswith(_FOOTNOTE_START):
            kept.append(block)
            continue
        groups: list[list[SourceText]] = []
        for line in block.lines:
            if line.text.startswith(_FOOTNOTE_START) or not groups:
                groups.append([line])
            else:
                groups[-1].append(line)
        for group in groups:
            text = join_texts(group)
            notes.append(Footnote(text, citations(text)))
    return kept, notes


def _front(
    blocks: Sequence[Block],
) -> tuple[Header | None, SourceText | None, list[Unread]]:
    title = act_line = None
    act = None
    others: list[SourceText] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            others.extend(cell.text for row in block.rows for cell in row if cell.text.text)
            continue
        text = block.text
        own = own_citation(text)
        if title is None and (block.has("title") or text.text.startswith(_TITLE_STARTS)):
            title = text
        elif act is None and own is not None:
            act_line, act = text, own
        elif not _is_separator(text.text):
            others.append(text)
    preamble = others.pop() if others else None
    header = Header(title, act_line, act) if title or act else None
    return header, preamble, [Unread("front_paragraph", (text,)) for text in others]


def _points(blocks: Sequence[Block]) -> tuple[list[Point], int, list[Unread]]:
    """The points and sub-points from the first block on, and where they end."""
    points: list[Point] = []
    unread: list[Unread] = []
    end = 0
    for end, block in enumerate(blocks):  # noqa: B007 (end is used after the loop)
        if not isinstance(block, Paragraph) or _ends_points(block):
            break
        text = block.text
        point = _POINT.fullmatch(text.text)
        subpoint = _SUBPOINT.fullmatch(text.text)
        if point:
            points.append(Point(point[1], _slice(text, point.start(2)), ()))
        elif subpoint and points:
            item = SubPoint(subpoint[1], _slice(text, subpoint.start(2)))
            last = points[-1]
            points[-1] = Point(last.number, last.text, (*last.subpoints, item))
        elif not _is_separator(text.text):
            unread.append(Unread("paragraph_between_points", (text,)))
    else:
        end = len(blocks)
    return points, end, unread


def _ends_points(block: Paragraph) -> bool:
    """The points end at a heading, a quote, an approval note, or a bold or centred paragraph
    that is not itself a point or sub-point (the signature)."""
    if block.styles & _NOT_POINTS or is_approval(block.text.text):
        return True
    numbered = _POINT.fullmatch(block.text.text) or _SUBPOINT.fullmatch(block.text.text)
    return bool(block.styles & {"bold", "center", "right"}) and not numbered


def _signature(blocks: Sequence[Block]) -> tuple[Signatory | None, int]:
    """The signatory at the start of ``blocks`` and how many blocks it takes."""
    if not blocks:
        return None, 0
    first = blocks[0]
    if isinstance(first, TableBlock):
        cells = [cell.text for row in first.rows for cell in row if cell.text.text]
        if len(first.rows) == 1 and len(cells) >= 2 and not is_approval(cells[0].text):
            return Signatory(join_texts(cells[:-1]), cells[-1]), 1
        return None, 0
    if not first.has("bold") or is_approval(first.text.text):
        return None, 0
    second = blocks[1] if len(blocks) > 1 else None
    if isinstance(second, Paragraph) and second.has("bold") and len(second.lines) == 1:
        return Signatory(first.text, second.text), 2
    if len(first.lines) > 1:
        return Signatory(join_texts(first.lines[:-1]), first.lines[-1]), 1
    return None, 0


def _glossary_paragraphs(blocks: Sequence[Block]) -> tuple[list[GlossaryEntry], int]:
    """The glossary's "code – expansion" paragraphs at the start of ``blocks``, and how many."""
    entries: list[GlossaryEntry] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or block.styles:
            break
        entry = _glossary_line(block.text)
        if entry is None:
            break
        entries.append(entry)
    return entries, len(entries)


def _glossary_table(block: TableBlock) -> tuple[list[GlossaryEntry], list[Unread]]:
    entries: list[GlossaryEntry] = []
    unread: list[Unread] = []
    for row in block.rows:
        cells = [cell for cell in row if cell.text.text]
        if len(cells) == 3 and cells[1].text.text in _GLOSSARY_DASHES:
            cells = [cells[0], cells[2]]
        if len(cells) == 2:
            entries.append(GlossaryEntry(cells[0].text, _without_separator(cells[1].text)))
        elif cells:
            unread.append(Unread("glossary_entry", tuple(cell.text for cell in cells)))
    return entries, unread


def _without_separator(text: SourceText) -> SourceText:
    """The text without a separator line ("______") at its end (the glossary's last cell)."""
    before, _, last = text.text.rpartition(" ")
    return _head(text, len(before)) if before and _is_separator(last) else text


def _glossary_line(text: SourceText) -> GlossaryEntry | None:
    found = [(text.text.find(f" {dash} "), dash) for dash in _GLOSSARY_DASHES]
    at, dash = min(((at, d) for at, d in found if at > 0), default=(-1, ""))
    if at < 0:
        return None
    return GlossaryEntry(_head(text, at), _slice(text, at + len(dash) + 2))


def _block_texts(block: Block) -> tuple[SourceText, ...]:
    if isinstance(block, Paragraph):
        return (block.text,)
    return tuple(cell.text for row in block.rows for cell in row if cell.text.text)


@dataclass
class _Annexes:
    approval_note: SourceText | None = None
    plan_title: SourceText | None = None
    table: Table | None = None
    glossary: Glossary | None = None
    unread: list[Unread] = field(default_factory=list)


def _annexes(blocks: Sequence[Block]) -> _Annexes:
    found = _Annexes()
    tables: dict[int, tuple[Table | None, list[Unread]]] = {}
    plan_at = None
    for i, block in enumerate(blocks):
        if isinstance(block, TableBlock) and _approval_text(block) is None:
            tables[i] = read_table(block)
            if _is_plan_table(tables[i][0]):
                plan_at = i
                break
    used: set[int] = set()
    if plan_at is not None:
        found.table = tables[plan_at][0]
        found.unread.extend(tables[plan_at][1])
        used.add(plan_at)
        title_at = plan_at - 1
        while title_at >= 0 and not (
            _is_heading(blocks[title_at]) and _approval_text(blocks[title_at]) is None
        ):
            if isinstance(blocks[title_at], TableBlock) or _approval_text(blocks[title_at]):
                title_at = -1
                break
            title_at -= 1
        if title_at >= 0:
            found.plan_title = _heading_text(blocks, title_at, used)
        search_from = (min(used) if used else plan_at) - 1
    else:
        search_from = len(blocks) - 1
    for i in range(search_from, -1, -1):
        note = _approval_text(blocks[i])
        if note is not None:
            found.approval_note = note
            used.add(i)
            if found.plan_title is None and plan_at is None:
                found.plan_title = _title_after(blocks, i, used)
            break
    glossary_from = plan_at + 1 if plan_at is not None else 0
    for i in range(glossary_from, len(blocks)):
        if _is_glossary_heading(blocks[i]):
            heading = blocks[i]
            assert isinstance(heading, Paragraph)
            entries, taken, unread = _glossary_entries(blocks[i + 1 :])
            found.glossary = Glossary(heading.text, tuple(entries))
            found.unread.extend(unread)
            used.update(range(i, i + 1 + taken))
            break
    for i, block in enumerate(blocks):
        if i in used:
            continue
        if isinstance(block, Paragraph) and _is_separator(block.text.text):
            continue
        texts = _block_texts(block)
        if texts:
            found.unread.append(Unread("annex_text", texts))
    return found


def _glossary_entries(blocks: Sequence[Block]) -> tuple[list[GlossaryEntry], int, list[Unread]]:
    if blocks and isinstance(blocks[0], TableBlock):
        entries, unread = _glossary_table(blocks[0])
        return entries, 1, unread
    entries, taken = _glossary_paragraphs(blocks)
    return entries, taken, []


def _heading_text(blocks: Sequence[Block], at: int, used: set[int]) -> SourceText:
    """The plan's title: the heading at ``at`` and the heading-like paragraphs just before it
    that belong to it ("План" above "мероприятий по …")."""
    start = at
    styles = _styles(blocks[at])
    while start - 1 >= 0:
        before = blocks[start - 1]
        if not (
            _is_heading(before)
            and _approval_text(before) is None
            and "title" not in _styles(before)
            and _styles(before) == styles
        ):
            break
        start -= 1
    used.update(range(start, at + 1))
    parts = [part for i in range(start, at + 1) for part in _block_texts(blocks[i])]
    return join_texts(parts)


def _title_after(blocks: Sequence[Block], at: int, used: set[int]) -> SourceText | None:
    if at + 1 < len(blocks) and _is_heading(blocks[at + 1]):
        return _heading_text(blocks, at + 1, used)
    return None


def read_blocks(blocks: Sequence[Block]) -> ActText:
    """Read an act's blocks (see the module's doc); raise :class:`ActTextError` when there is no
    numbered point."""
    kept, footnotes = _footnotes(blocks)
    first_point = next((i for i, block in enumerate(kept) if _is_point(block)), None)
    if first_point is None:
        at = _block_texts(kept[0])[0] if kept and _block_texts(kept[0]) else None
        raise ActTextError(
            "no numbered point (a paragraph such as '1. Утвердить …') was found: this is not "
            "the text of an act",
            line=at.line if at else 1,
            column=at.column if at else 1,
        )
    header, preamble, unread = _front(kept[:first_point])
    points, taken, points_unread = _points(kept[first_point:])
    after_points = first_point + taken
    signatory, signature_blocks = _signature(kept[after_points:])
    annexes = _annexes(kept[after_points + signature_blocks :])
    unread += points_unread + annexes.unread
    return ActText(
        header=header,
        preamble=preamble,
        points=tuple(points),
        signatory=signatory,
        approval_note=annexes.approval_note,
        plan_title=annexes.plan_title,
        footnotes=tuple(footnotes),
        table=annexes.table,
        glossary=annexes.glossary,
        unread=tuple(sorted(unread, key=lambda block: block.position)),
    )
