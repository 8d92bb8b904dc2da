"""The reader of an act in Markdown with HTML tables, as public git corpora of Kazakhstan's acts
keep them (tests/acts/README.md describes the layout from four real plans).

Line by line into the blocks of ``act_blocks``: ``#`` headings (level 1 is the act's title),
``>`` block quotes (the approval note "> *Утверждены*  ", footnotes "> *Сноска. …*"), fenced
code (a table of contents, signature forms), paragraphs (lines up to a blank line; a paragraph
all in ``**bold**`` is bold: the signature), and raw HTML tables from a line starting
``<table`` to its ``</table>``, read by ``act_html``. Indentation is layout (sub-points are
indented three spaces, their continuations six), not code. Backslash escapes are undone
(``1\\.`` is "1."), emphasis around a whole line is dropped (``*Утверждены*``), and inline
HTML (``<a id="p1"></a>``, ``&quot;``) is read as HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .act_blocks import Block, Paragraph, TextRun, read_blocks, text_of
from .act_html import html_blocks, html_runs
from .act_text import ActText, SourceText

__all__ = ["markdown_blocks", "read_act_markdown"]

_HEADING = re.compile(r"(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*\Z")
_FENCES = ("```", "~~~")
_EMPHASIS = ("**", "__", "*", "_")
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)


def _line_runs(raw: str, line: int, column: int) -> tuple[list[TextRun], bool]:
    """A line's text as runs (escapes undone, inline HTML read), and whether emphasis in
    ``**`` or ``__`` wrapped all of it."""
    text = raw.rstrip()
    bold = False
    for marker in _EMPHASIS:
        size = len(marker)
        if len(text) > 2 * size and text.startswith(marker) and text.endswith(marker):
            inner = text[size:-size]
            if not inner.startswith(marker[0]) and not inner.endswith(marker[0]):
                text, column, bold = inner, column + size, size == 2
                break
    if "<" in text or "&" in text:
        runs = html_runs(text, line, column)
    else:
        runs = [TextRun(text, line, column)]
    return [piece for run in runs for piece in _unescaped(run)], bold


def _unescaped(run: TextRun) -> list[TextRun]:
    """The run with its backslash escapes undone ("1\\." is "1."), in pieces that keep their
    source columns."""
    text, pieces, start, i = run.text, [], 0, 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            if i > start:
                pieces.append(TextRun(text[start:i], run.line, run.column + start))
            start = i + 1
            i += 2
        else:
            i += 1
    if start < len(text):
        pieces.append(TextRun(text[start:], run.line, run.column + start))
    return pieces


def _paragraph(
    lines: Sequence[tuple[int, str]], styles: frozenset[str], level: int = 0
) -> Paragraph | None:
    """A paragraph of (line number, raw line) pairs; None when it has no text."""
    texts: list[SourceText] = []
    all_bold = True
    for number, raw in lines:
        content = raw.lstrip()
        runs, bold = _line_runs(content, number, len(raw) - len(content) + 1)
        text = text_of(runs)
        if text is not None:
            texts.append(text)
            all_bold &= bold
    if not texts:
        return None
    found = styles | ({"bold"} if all_bold and not styles else frozenset())
    return Paragraph(tuple(texts), frozenset(found), level)


def _starts_block(stripped: str) -> bool:
    return (
        stripped.startswith((">", *_FENCES))
        or _HEADING.match(stripped) is not None
        or _TABLE_OPEN.match(stripped) is not None
    )


def markdown_blocks(text: str) -> list[Block]:
    """The blocks of a Markdown text (see the module's doc)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if not stripped:
            i += 1
            continue
        found: Block | None
        if stripped.startswith(_FENCES):
            end = next(
                (j for j in range(i + 1, len(lines)) if lines[j].strip().startswith(stripped[:3])),
                len(lines),
            )
            body = [(j + 1, lines[j]) for j in range(i + 1, end) if lines[j].strip()]
            found = _code(body)
            i = end + 1
        elif _TABLE_OPEN.match(stripped):
            end, depth = i, 0
            while end < len(lines):
                depth += len(_TABLE_OPEN.findall(lines[end]))
                depth -= len(_TABLE_CLOSE.findall(lines[end]))
                if depth <= 0:
                    break
                end += 1
            blocks.extend(html_blocks("\n".join(lines[i : end + 1]), first_line=i + 1))
            i = end + 1
            continue
        elif heading := _HEADING.match(stripped):
            level = len(heading[1])
            content = heading[2] or ""
            at = lines[i].index(heading[1]) + level
            raw = " " * at + lines[i][at:].rstrip().rstrip("#") if content else ""
            styles = frozenset({"title" if level == 1 else "heading"})
            found = _paragraph([(i + 1, raw)], styles, level) if content else None
            i += 1
        elif stripped.startswith(">"):
            end = i
            quoted = []
            while end < len(lines) and lines[end].strip().startswith(">"):
                raw = lines[end]
                at = raw.index(">") + 1
                at += 1 if raw[at : at + 1] == " " else 0
                quoted.append((end + 1, " " * at + raw[at:]))
                end += 1
            found = _paragraph(quoted, frozenset({"quote"}))
            i = end
        else:
            end = i
            while end < len(lines) and lines[end].strip():
                if end > i and _starts_block(lines[end].strip()):
                    break
                end += 1
            found = _paragraph([(j + 1, lines[j]) for j in range(i, end)], frozenset())
            i = end
        if found is not None:
            blocks.append(found)
    return blocks


def _code(body: Sequence[tuple[int, str]]) -> Paragraph | None:
    texts = []
    for number, raw in body:
        content = raw.lstrip()
        text = text_of([TextRun(content, number, len(raw) - len(content) + 1)])
        if text is not None:
            texts.append(text)
    return Paragraph(tuple(texts), frozenset({"code"})) if texts else None


def read_act_markdown(text: str) -> ActText:
    """Read an act in Markdown with HTML tables; raise
    :class:`~reintegration_plan.act_text.ActTextError` when it has no numbered point."""
    return read_blocks(markdown_blocks(text))
