"""Text laid out at a width: wrapped paragraphs, boxed tables, and blocks of ``label: value``.

A table's short columns (numbers, statuses, dates, codes) get their natural width; the long
columns (the measure's text) share what is left, by their ratios. Words are never cut unless a
word alone is wider than the whole line: when the short columns cannot leave the long ones room
for their longest words (and :data:`MIN_TEXT` characters per unit of ratio), the short columns
wrap at spaces too, and when even that does not fit, the table is laid out stacked, one block of
``label: value`` lines per row. Pure functions of text: the caller says how wide, whether ASCII
only, and how to paint a styled cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

MIN_TEXT = 20
"""The fewest characters a long column (a measure's text) is given in a boxed table, for each
unit of its ratio: a column with ratio 2 gets at least 40."""

Paint = Callable[[str, str], str]
"""Paints a piece of text in a style (``"bold red"``); the identity when there is no colour."""


def no_paint(text: str, style: str) -> str:
    return text


@dataclass(frozen=True)
class Borders:
    """The characters a boxed table is drawn with."""

    top: tuple[str, str, str]  # left, between columns, right
    middle: tuple[str, str, str]
    bottom: tuple[str, str, str]
    horizontal: str
    vertical: str


UNICODE = Borders(("┌", "┬", "┐"), ("├", "┼", "┤"), ("└", "┴", "┘"), "─", "│")
ASCII = Borders(("+", "+", "+"), ("+", "+", "+"), ("+", "+", "+"), "-", "|")

ASCII_PUNCTUATION = str.maketrans(
    {
        "–": "-",
        "—": "-",
        "−": "-",
        "…": "...",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "№": "No.",
        "\u00a0": " ",
    }
)
"""Typographic punctuation in ASCII, for an output that cannot encode it."""


@dataclass(frozen=True)
class Spec:
    """How a column is laid out."""

    header: str
    ratio: int | None = None  # long text: shares the width the short columns leave
    right: bool = False  # numbers
    styled: bool = False  # painted in the row's style
    max_width: int | None = None  # a short column wider than this wraps
    whole: bool = False  # ids people copy: never broken at their hyphens


_NOT_NARROW = re.compile(
    "[^\x20-\x7e\xa0-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u2116"
    "\u2500-\u257f\u25a0-\u25fc]"
)
"""A character that may not take exactly one cell: outside printable Latin, Cyrillic (but its
combining marks), Greek, general punctuation, №, box drawing and the geometric shapes the
timeline draws with."""


def width_of(text: str) -> int:
    """How many cells the text takes on a terminal: one a character, unless it holds a
    character that may take none or two (then Rich's measure)."""
    return cell_len(text) if _NOT_NARROW.search(text) else len(text)


DASHES = ("–", "—", "-")


def words(text: str) -> list[str]:
    """The text's words as lines may break between them: a dash standing alone stays with the
    words around it ("2017 – 2019"), a short number or a one-letter word with the word after
    it ("457 дней", "1 квартал", "к исполнению"), as Russian typesetting keeps them, "No."
    with its number, and a date written in words ("1 July 2018")."""
    return list(_words(text))


@lru_cache(maxsize=65536)
def _words(text: str) -> tuple[str, ...]:
    out: list[str] = []
    glue = False
    for word in text.split():
        size = len(word)  # (a dash is one character: most words are longer than glue)
        if out and (
            glue or (size == 1 and word in DASHES) or (size == 4 and _year_of_a_date(out[-1], word))
        ):
            out[-1] += " " + word
        else:
            out.append(word)
        # a dash, a number of up to 3 digits, a one-letter word, "No." ("No. 912", as "№ 912")
        glue = size <= 3 and (size == 1 or word.isdigit() or word == "No.")
    return tuple(out)


_DAY_AND_MONTH = re.compile(r"[0-9]{1,2} [A-Z][a-z]+\Z")


def _year_of_a_date(before: str, word: str) -> bool:
    """The year of a date written "1 July 2018": the date is kept whole."""
    return len(word) == 4 and word.isdigit() and _DAY_AND_MONTH.match(before) is not None


_HYPHEN = re.compile(r"(?<=[^\W\d_]-)(?=[^\W\d_])")


def syllables(word: str) -> list[str]:
    """Where a word may break when it does not fit: after a hyphen between letters
    ("социально-" "правовую"; never inside "2017-03-31")."""
    return _HYPHEN.split(word)


@lru_cache(maxsize=65536)
def longest_word(text: str) -> int:
    """The widest piece of the text no line may break: a word, or a part of a hyphenated one."""
    measure = width_of if _NOT_NARROW.search(text) else len
    if "-" not in text:
        return max(map(measure, _words(text)), default=0)
    return max(map(measure, (part for word in _words(text) for part in syllables(word))), default=0)


def longest_whole_word(text: str) -> int:
    """The widest word of the text, hyphenated ones whole (an id: ``pp-482-2022``)."""
    return max(map(width_of, _words(text)), default=0)


@lru_cache(maxsize=65536)
def natural_width(text: str) -> int:
    return max((width_of(line) for line in text.split("\n")), default=0)


def _cut(word: str, width: int) -> list[str]:
    """A word wider than the line: words kept together broken at their spaces again, then
    after their hyphens, and only a part still wider than the line cut into pieces of the
    line's width."""
    if " " in word:
        return _apart(word, width)
    pieces, piece = [], ""
    for part in syllables(word):
        if piece and width_of(piece + part) > width:
            pieces.append(piece)
            piece = ""
        if width_of(part) <= width:
            piece += part
            continue
        for char in part:
            if piece and width_of(piece + char) > width:
                pieces.append(piece)
                piece = ""
            piece += char
    return [*pieces, piece]


def _apart(unit: str, width: int) -> list[str]:
    """Words kept together that do not fit the line, filled into lines one by one."""
    lines: list[str] = []
    line = ""
    for word in unit.split(" "):
        for piece in _cut(word, width) if width_of(word) > width else [word]:
            if line and width_of(line) + 1 + width_of(piece) <= width:
                line += " " + piece
            else:
                if line:
                    lines.append(line)
                line = piece
    return [*lines, line]


def wrap(text: str, width: int) -> list[str]:
    """The text in lines of at most ``width`` cells, broken at spaces (and at its own line
    breaks); a word wider than ``width`` breaks after a hyphen, and only a piece still wider
    is cut."""
    return list(_wrapped(text, max(width, 1)))


@lru_cache(maxsize=65536)
def _wrapped(text: str, width: int) -> tuple[str, ...]:
    """:func:`wrap`, kept: a table wraps each cell to measure it and again to draw it, and
    many cells (statuses, deadlines, agencies, plans) repeat."""
    lines: list[str] = []
    measure = width_of if _NOT_NARROW.search(text) else len
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in _words(paragraph):
            size = measure(word)
            pieces = _cut(word, width) if size > width else [word]
            for piece in pieces:
                size = measure(piece) if len(pieces) > 1 else size
                if not line:
                    line, used = piece, size
                elif used + 1 + size <= width:
                    line, used = f"{line} {piece}", used + 1 + size
                else:
                    lines.append(line)
                    line, used = piece, size
        lines.append(line)
    return tuple(lines)


def _pad(text: str, width: int, right: bool, measure: Callable[[str], int] = width_of) -> str:
    space = " " * (width - measure(text))
    return space + text if right else text + space


# --- boxed tables --------------------------------------------------------------------------


class _Heights:
    """How many lines each row's cells take at a width, column by column, kept: the narrowing
    of :func:`column_widths` measures the table again and again, a column at a few widths, and
    a table of thousands of rows repeats its cells (statuses, dates, agencies, plans)."""

    def __init__(self, rows: Sequence[Sequence[str]]) -> None:
        self.columns = list(zip(*rows, strict=True))
        self.kept: dict[tuple[int, int], list[int]] = {}

    def of(self, column: int, width: int) -> list[int]:
        found = self.kept.get((column, width))
        if found is None:
            cells = self.columns[column] if self.columns else ()  # (no rows)
            lines = {cell: len(_wrapped(cell, max(width, 1))) for cell in set(cells)}
            found = self.kept[(column, width)] = list(map(lines.__getitem__, cells))
        return found

    def tallest(self, widths: Sequence[int]) -> list[int]:
        """How many lines each row takes at these widths: its tallest cell's."""
        heights = [self.of(i, width) for i, width in enumerate(widths)]
        return heights[0] if len(heights) == 1 else list(map(max, *heights))

    def total(self, widths: Sequence[int]) -> int:
        """How many lines the rows take at these widths."""
        return sum(self.tallest(widths))


def column_widths(
    specs: Sequence[Spec], rows: Sequence[Sequence[str]], room: int
) -> list[int] | None:
    """Each column's width so that the columns take at most ``room`` cells, or None when they
    cannot without cutting a word (or giving a long column less than :data:`MIN_TEXT` per unit
    of its ratio).

    The short columns start at their natural width (the long columns get the rest, by their
    ratios); then each short column narrows, wrapping its text at spaces, as long as that does
    not make the table longer: the room it gives up goes to the long texts.
    """
    cells = [{spec.header, *(row[i] for row in rows)} for i, spec in enumerate(specs)]
    natural = [max(map(natural_width, column)) for column in cells]
    words = [
        max(map(longest_whole_word if spec.whole else longest_word, column))
        for spec, column in zip(specs, cells, strict=True)
    ]
    least = [
        max(words[i], min(natural[i], MIN_TEXT * spec.ratio)) if spec.ratio else words[i]
        for i, spec in enumerate(specs)
    ]
    if sum(least) > room:
        return None
    short = [i for i, spec in enumerate(specs) if not spec.ratio]
    long = [i for i, spec in enumerate(specs) if spec.ratio]

    def spread(widths: list[int]) -> list[int]:
        """The long columns from their least, sharing what the short ones leave by ratio."""
        widths = [widths[i] if i in short else least[i] for i in range(len(specs))]
        while (spare := room - sum(widths)) > 0:
            growing = [i for i in long if widths[i] < natural[i]]
            if not growing:
                break
            total = sum(specs[i].ratio or 1 for i in growing)
            for i in growing:
                share = max(1, spare * (specs[i].ratio or 1) // total)
                widths[i] = min(natural[i], widths[i] + share, widths[i] + room - sum(widths))
        return widths

    widths = [
        least[i] if spec.ratio else max(least[i], min(natural[i], spec.max_width or natural[i]))
        for i, spec in enumerate(specs)
    ]
    while sum(widths) > room:  # the short columns give way, the most above its least first
        widest = max(short, key=lambda i: widths[i] - least[i])
        widths[widest] -= 1
    widths = spread(widths)
    if not long:
        return widths
    every = _Heights([[spec.header for spec in specs], *rows])  # the header row counts too
    lines = every.total(widths)
    narrowing = True
    while narrowing:
        narrowing = False
        for i in sorted(short, key=lambda i: least[i] - widths[i]):
            if widths[i] <= least[i]:
                continue
            trial = spread([w - (n == i) for n, w in enumerate(widths)])
            if (taller := every.total(trial)) <= lines:
                widths, lines, narrowing = trial, taller, True
                break
    return widths


def boxed(
    specs: Sequence[Spec],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str],
    widths: Sequence[int],
    borders: Borders,
    paint: Paint = no_paint,
) -> list[str]:
    """The table drawn with ``borders``, a rule between rows, the header painted bold."""

    def rule(ends: tuple[str, str, str]) -> str:
        left, between, right = ends
        return left + between.join(borders.horizontal * (w + 2) for w in widths) + right

    bar, last = borders.vertical, len(specs) - 1
    between = f" {bar} "

    def drawn(i: int, cell: str, height: int, style: str, header: bool = False) -> tuple[str, ...]:
        """A cell's lines in column ``i``: padded (and painted), as tall as its row, with the
        border before the first column and after the last."""
        spec, width = specs[i], widths[i]
        lines = _wrapped(cell, max(width, 1))
        right, measure = spec.right and not header, width_of if _NOT_NARROW.search(cell) else len
        padded = [_pad(text, width, right, measure) for text in lines]
        if style and paint is not no_paint:
            padded = [paint(p, style) if t else p for p, t in zip(padded, lines, strict=True)]
        padded += [" " * width] * (height - len(lines))
        if i == 0:
            padded = [f"{bar} {p}" for p in padded]
        if i == last:
            padded = [f"{p} {bar}" for p in padded]
        return tuple(padded)

    head = [spec.header for spec in specs]
    tall = _Heights([head]).tallest(widths)[0]
    columns = [drawn(i, text, tall, "bold", header=True) for i, text in enumerate(head)]
    lines = [rule(borders.top), *map(between.join, zip(*columns, strict=True))]
    # the rows column by column: each cell drawn once for each height of row it is in (a table
    # of thousands of rows repeats its statuses, dates, agencies and plans)
    tallest = _Heights(rows).tallest(widths)
    drawn_columns = []
    for i, spec in enumerate(specs):
        cells = [row[i] for row in rows]
        painted = spec.styled and paint is not no_paint
        keys = list(zip(cells, tallest, styles if painted else [""] * len(rows), strict=True))
        kept = {key: drawn(i, *key) for key in set(keys)}
        drawn_columns.append(map(kept.__getitem__, keys))
    middle = rule(borders.middle)
    for parts in zip(*drawn_columns, strict=True):
        lines.append(middle)
        lines += map(between.join, zip(*parts, strict=True))
    lines.append(rule(borders.bottom))
    return lines


# --- stacked blocks ------------------------------------------------------------------------


def labelled(label: str, value: str, width: int, indent: int) -> list[tuple[str, str]]:
    """``label: value`` lines as (label part, value part): the value wrapped under itself at
    ``indent``; when a word of the value does not fit there, the value goes under the label,
    as far left as it needs."""
    head = f"{label}: "
    if indent + longest_word(value) <= width and width_of(head) <= indent:
        lines = wrap(value, width - indent)
        return [
            (_pad(head, indent, False), lines[0]),
            *((" " * indent, line) for line in lines[1:]),
        ]
    under = 2 if 2 + longest_word(value) <= width else 0
    return [(head.rstrip(), ""), *((" " * under, line) for line in wrap(value, width - under))]


def stacked(
    specs: Sequence[Spec],
    rows: Sequence[Sequence[str]],
    styles: Sequence[str],
    width: int,
    paint: Paint = no_paint,
) -> list[str]:
    """One block per row, ``label: value`` lines (empty values left out), a blank line between
    blocks; the values line up when the labels are short enough."""
    longest = max(width_of(spec.header) for spec in specs) + 2
    indent = longest if longest <= width // 3 else 2
    lines: list[str] = []
    for n, (cells, style) in enumerate(zip(rows, styles, strict=True)):
        if n:
            lines.append("")
        for spec, cell in zip(specs, cells, strict=True):
            if not cell.strip():
                continue
            for head, text in labelled(spec.header, cell, width, indent):
                painted = paint(text, style) if spec.styled and style and text else text
                lines.append(head + painted)
    return lines
