"""The reader of an act's page saved from the official legal database (adilet.zan.kz) as HTML,
and of the HTML tables inside Markdown.

HTML is parsed with the standard library's ``html.parser`` (a tolerant tokenizer, kept with
Python) into a small tree, never with regular expressions; the tree is then read into the
format-neutral blocks of ``act_blocks``. The tree builder closes what HTML lets a page leave
open (``<p>``, ``<li>``, ``<td>``, ``<tr>``), ignores end tags that close nothing, and drops
what is not text (``<head>``, ``<script>``, ``<style>``, ``<svg>``, …).

The layout of an adilet.zan.kz page (a saved page holds the site's menus, banners and scripts
around the act):

- the act's title is the page's ``<h1>``, in ``<div class="container_alpha slogan">`` with the
  act's own line after it ("Постановление Правительства Республики Казахстан от 29 декабря
  2016 года № 912.");
- the text is in ``<article>`` (inside ``<div class="… text …">``): paragraphs ``<p id="z…">``
  indented with ``&nbsp;``, footnotes ``<p class="note">`` or ``<span class="note">``
  ("Сноска. …", links inside), headings ``<h3>``, line breaks ``<br>``;
- the signature and the approval note are tables (position and name in two cells; "Утвержден
  постановлением …" in one), the plan's title a centred bold paragraph or a heading, and the
  plan a ``<table>`` whose cells hold ``<p>`` paragraphs.

When the page has an ``<article>``, only the slogan and the article are read (not the menus);
otherwise the whole ``<body>``. No adilet.zan.kz page of a plan is in the corpora this project
could read: this reader is written to the layout above and tested on pages built from real
acts' texts in that layout (see README).
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .act_blocks import Block, Cell, Paragraph, TableBlock, TextRun, read_blocks, text_of
from .act_text import ActText, SourceText

__all__ = ["html_blocks", "html_runs", "read_act_html"]

_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
     "track", "wbr"}
)  # fmt: skip
_DROPPED = frozenset(
    {"head", "script", "style", "noscript", "svg", "math", "template", "title", "iframe",
     "object", "select", "textarea", "button", "nav"}
)  # fmt: skip
_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "div", "dl",
     "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
     "h6", "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "table", "tbody",
     "td", "tfoot", "th", "thead", "tr", "ul"}
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = frozenset({"b", "strong"})
_MAX_COLSPAN = 100
_MAX_ROWSPAN = 1000
_MAX_DEPTH = 200


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    line: int
    column: int
    children: list[_Element | TextRun] = field(default_factory=list)

    def attr(self, name: str) -> str:
        return self.attrs.get(name, "")

    def iter(self) -> Iterator[_Element]:
        yield self
        for child in self.children:
            if isinstance(child, _Element):
                yield from child.iter()


class _TreeBuilder(HTMLParser):
    """Builds the tree with positions (1-based lines and columns, shifted by ``first_line``)."""

    def __init__(self, first_line: int, first_column: int) -> None:
        super().__init__(convert_charrefs=False)
        self.first_line = first_line
        self.first_column = first_column
        self.root = _Element("#root", {}, first_line, first_column)
        self.stack = [self.root]
        self.dropping = 0

    def _position(self) -> tuple[int, int]:
        line, offset = self.getpos()
        column = offset + (self.first_column if line == 1 else 1)
        return line + self.first_line - 1, column

    def _close_until(self, tags: frozenset[str], stop: frozenset[str]) -> None:
        """Close open elements up to and including the nearest of ``tags``, unless one of
        ``stop`` comes first."""
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                del self.stack[i:]
                return
            if tag in stop:
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag in _DROPPED and tag not in _VOID:
                self.dropping += 1
            return
        if tag in _DROPPED:
            self.dropping = 1
            return
        if tag in _CELLS:
            self._close_until(_CELLS, frozenset({"tr", "table"}))
        elif tag == "tr":
            self._close_until(frozenset({"tr"}), frozenset({"table"}))
        elif tag in _ROW_GROUPS:
            self._close_until(_ROW_GROUPS, frozenset({"table"}))
        elif tag == "li":
            self._close_until(frozenset({"li"}), frozenset({"ul", "ol", "td", "th"}))
        if tag in _BLOCK:
            self._close_until(frozenset({"p"}), frozenset({"td", "th", "table", "li"}))
        line, column = self._position()
        element = _Element(tag, {k: v or "" for k, v in attrs}, line, column)
        self.stack[-1].children.append(element)
        if tag not in _VOID and len(self.stack) < _MAX_DEPTH:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.stack[-1].tag == tag and not self.dropping:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag in _DROPPED:
                self.dropping -= 1
            return
        if tag == "br":  # "</br>" is a line break, as browsers read it
            self.handle_starttag("br", [])
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
            if self.stack[i].tag == "table" and tag != "table":
                return  # an end tag does not close what is outside its table

    def _text(self, text: str) -> None:
        if not self.dropping and text:
            line, column = self._position()
            self.stack[-1].children.append(TextRun(text, line, column))

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._text(html.unescape(f"&#{name};"))


def _tree(text: str, first_line: int = 1, first_column: int = 1) -> _Element:
    builder = _TreeBuilder(first_line, first_column)
    builder.feed(text)
    builder.close()
    return builder.root


# --- the tree read into blocks -----------------------------------------------------------------


def _span(element: _Element, name: str, limit: int) -> int:
    value = element.attr(name).strip()
    return min(max(int(value), 1), limit) if value.isdigit() else 1


def _styles_of(element: _Element) -> set[str]:
    styles = set()
    tag = element.tag
    if tag == "h1":
        styles.add("title")
    elif tag in _HEADINGS:
        styles.add("heading")
    elif tag == "blockquote":
        styles.add("quote")
    elif tag == "pre":
        styles.add("code")
    elif tag == "center":
        styles.add("center")
    if "note" in element.attr("class").split():
        styles.add("note")
    align = element.attr("align").lower()
    style = element.attr("style").replace(" ", "").lower()
    if align == "center" or "text-align:center" in style:
        styles.add("center")
    if align == "right" or "text-align:right" in style:
        styles.add("right")
    return styles


@dataclass
class _Lines:
    """A paragraph being gathered: its lines of runs, each run marked bold or not."""

    lines: list[list[tuple[TextRun, bool]]] = field(default_factory=lambda: [[]])

    def add(self, run: TextRun, bold: bool) -> None:
        self.lines[-1].append((run, bold))

    def newline(self) -> None:
        self.lines.append([])

    def texts(self) -> tuple[tuple[SourceText, ...], bool]:
        """The lines as texts, and whether all of their text is bold."""
        found = []
        all_bold = True
        for line in self.lines:
            text = text_of(run for run, _ in line)
            if text is not None:
                found.append(text)
                all_bold &= all(bold for run, bold in line if run.text.strip())
        return tuple(found), all_bold and bool(found)


class _Reader:
    """Walks the tree, gathering paragraphs and tables."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []

    def read(self, parts: Sequence[_Element]) -> list[Block]:
        for part in parts:
            self._container(part, _styles_of(part), _HEADINGS.get(part.tag, 0))
        return self.blocks

    def _flush(self, gathered: _Lines, styles: set[str], level: int) -> _Lines:
        lines, bold = gathered.texts()
        if lines:
            found = set(styles) | ({"bold"} if bold else set())
            self.blocks.append(Paragraph(lines, frozenset(found), level))
        return _Lines()

    def _container(self, element: _Element, styles: set[str], level: int) -> None:
        """A block element: its inline content in paragraphs, its blocks in turn."""
        gathered = _Lines()
        for child in element.children:
            if isinstance(child, TextRun):
                gathered.add(child, False)
            elif child.tag == "table":
                gathered = self._flush(gathered, styles, level)
                self.blocks.append(_table(child))
            elif child.tag in _BLOCK:
                gathered = self._flush(gathered, styles, level)
                inner = styles | _styles_of(child)
                self._container(child, inner, _HEADINGS.get(child.tag, level))
            else:
                _inline(child, gathered, False)
        self._flush(gathered, styles, level)


def _inline(element: _Element, gathered: _Lines, bold: bool) -> None:
    if element.tag == "br":
        gathered.newline()
        return
    bold = bold or element.tag in _BOLD
    for child in element.children:
        if isinstance(child, TextRun):
            gathered.add(child, bold)
        elif child.tag in _BLOCK:
            gathered.newline()
            _inline(child, gathered, bold)
            gathered.newline()
        else:
            _inline(child, gathered, bold)


def _cell_lines(element: _Element) -> tuple[SourceText, ...]:
    gathered = _Lines()
    _inline(element, gathered, False)
    return gathered.texts()[0]


def _rows(table: _Element) -> Iterator[_Element]:
    for child in table.children:
        if isinstance(child, _Element):
            if child.tag == "tr":
                yield child
            elif child.tag in _ROW_GROUPS:
                yield from (
                    row for row in child.children if isinstance(row, _Element) and row.tag == "tr"
                )


def _table(table: _Element) -> TableBlock:
    rows = []
    for row in _rows(table):
        cells = tuple(
            Cell(
                lines=_cell_lines(cell),
                line=cell.line,
                column=cell.column,
                colspan=_span(cell, "colspan", _MAX_COLSPAN),
                rowspan=_span(cell, "rowspan", _MAX_ROWSPAN),
                header=cell.tag == "th",
            )
            for cell in row.children
            if isinstance(cell, _Element) and cell.tag in _CELLS
        )
        rows.append(cells)
    return TableBlock(tuple(rows), table.line, table.column)


def html_blocks(text: str, first_line: int = 1, first_column: int = 1) -> list[Block]:
    """The blocks of an HTML text (a whole page or a fragment), positions counted from
    ``first_line`` and ``first_column``."""
    return _Reader().read([_tree(text, first_line, first_column)])


def _page_parts(root: _Element) -> Sequence[_Element]:
    """What of a saved page is the act: the slogan's heading and paragraphs (the title, the
    act's line) and the article, when the page has an article; else the whole page."""
    elements = list(root.iter())
    article = next((e for e in elements if e.tag == "article"), None)
    if article is None:
        return [root]
    slogan = next((e for e in elements if "slogan" in e.attr("class").split()), None)
    if slogan is None:
        return [article]
    kept = [e for e in slogan.children if isinstance(e, _Element) and e.tag in ("h1", "p")]
    return [*kept, article]


def read_act_html(text: str) -> ActText:
    """Read an act's page saved from adilet.zan.kz (see the module's doc); raise
    :class:`~reintegration_plan.act_text.ActTextError` when it has no numbered point."""
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    return read_blocks(_Reader().read(_page_parts(_tree(text))))


def html_runs(text: str, line: int, column: int) -> list[TextRun]:
    """The text of an inline HTML fragment (``<a id="p1"></a>``, entities), as runs in order,
    the fragment starting at ``line`` and ``column``."""
    return list(_runs_in(_tree(text, line, column)))


def _runs_in(element: _Element) -> Iterator[TextRun]:
    for child in element.children:
        if isinstance(child, TextRun):
            yield child
        else:
            yield from _runs_in(child)
