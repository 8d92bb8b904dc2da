"""Plain words for the YAML parser's errors, and the characters refused before parsing.

Pure functions of text: ``yamlio`` calls them when libyaml stops, and before it starts.

* A syntax error keeps the parser's words and adds a hint of the usual causes ("a value holding
  ': ' must be quoted"); a tab in a line's indentation is said to be one, at the tab; an
  unclosed quote is reported where it opens.
* U+2028, U+2029, NEL and a carriage return without a line feed are refused before parsing,
  at the line ``grep -n`` and editors give them: libyaml counts each as a line break, so every
  position after one would be off by a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Explained:
    code: str
    message: str
    line: int  # 1-based
    column: int  # 1-based


TAB_MESSAGE = "a tab cannot indent YAML: use spaces"

# (the start of the parser's problem, the hint): the usual causes, in the user's terms
_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "a value holding ': ' must be quoted ('…'), or this line is indented deeper than the "
        "keys around it",
    ),
    (
        "did not find expected key",
        "this line is not indented like the keys around it, or text follows a closing quote",
    ),
    (
        "did not find expected '-' indicator",
        "this line is not indented like the lines around it: the items of a list start with "
        "'- ' at one indentation, and the keys inside an item line up",
    ),
    (
        "could not find expected ':'",
        "a key needs ': ' after it; a text that goes on to the next line must be indented "
        "more than its key",
    ),
    (
        "found unknown escape character",
        "in double quotes a backslash starts an escape: write \\\\ for a backslash, or use "
        "single quotes",
    ),
    (
        "did not find expected ',' or '}'",
        "a '{' is not closed by '}', or a value inside it holding ',' or ': ' is not quoted",
    ),
    (
        "did not find expected ',' or ']'",
        "a '[' is not closed by ']', or a value inside it holding ',' or ': ' is not quoted",
    ),
    (
        "did not find expected <document start>",
        "there is more after the end of the document (a closing bracket too many, or text "
        "after '...'): remove it",
    ),
    (
        "block sequence entries are not allowed",
        "a list item ('- ') must start a line of its own",
    ),
    (
        "found incompatible YAML document",
        "the %YAML line names a version this tool does not read: remove that line",
    ),
)
_UNCLOSED = "found unexpected end of stream"
_CANNOT_START = "found character that cannot start any token"
_INDICATORS = frozenset("@`%|>!&*")


def explain_syntax(
    text: str,
    problem: str,
    context: str | None,
    at: tuple[int, int],
    context_at: tuple[int, int] | None,
) -> Explained:
    """The parser's ``problem`` (and ``context``) at ``at`` (1-based line, column), in words
    that name the cause and the fix; ``context_at`` is where the construct it was reading
    starts."""
    tab = _indenting_tab(text, at[0])
    if tab is not None:
        return Explained("tab-indentation", TAB_MESSAGE, at[0], tab)
    words = problem + (f" ({context})" if context else "")
    if problem.startswith(_UNCLOSED) and context_at is not None and "quoted" in (context or ""):
        return Explained(
            "syntax",
            f"YAML syntax: {words}: the quote opened here is never closed",
            *context_at,
        )
    hint = next((hint for start, hint in _HINTS if problem.startswith(start)), None)
    if problem.startswith(_CANNOT_START):
        character = _character_at(text, at)
        if character in _INDICATORS:  # @ and ` are reserved; the others start a construct
            hint = f"a value cannot start with {character}: quote it ('{character}…')"
    message = f"YAML syntax: {words}" + (f"; {hint}" if hint else "")
    return Explained("syntax", message, *at)


def _character_at(text: str, at: tuple[int, int]) -> str:
    lines = text.split("\n")
    line = lines[at[0] - 1] if 1 <= at[0] <= len(lines) else ""
    return line[at[1] - 1 : at[1]]


def _indenting_tab(text: str, line: int) -> int | None:
    """The column of the first tab among the spaces and tabs that start ``line``, if any."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    indentation = re.match(r"[ \t]*", lines[line - 1])
    assert indentation is not None  # [ \t]* matches any line
    found = indentation.group().find("\t")
    return found + 1 if found >= 0 else None


# --- characters refused before parsing -----------------------------------------------------------

_LINE_BREAKS = {
    "\u2028": "U+2028 LINE SEPARATOR",
    "\u2029": "U+2029 PARAGRAPH SEPARATOR",
    "\x85": "U+0085 NEXT LINE (NEL)",
    "\r": "U+000D CARRIAGE RETURN without a line feed",
}
_ODD_LINE_BREAK = re.compile("[\u2028\u2029\x85]|\r(?!\n)")
_SHOWN = 5


def odd_line_break(text: str) -> Explained | None:
    """The first U+2028, U+2029, NEL or lone carriage return in ``text`` (with how many there
    are and the lines of the next few), at its line and column as editors and ``grep -n``
    count them (lines end at a line feed)."""
    if not ("\u2028" in text or "\u2029" in text or "\x85" in text or "\r" in text):
        return None  # the usual case: four scans in C, no regular expression
    found = list(_ODD_LINE_BREAK.finditer(text))
    if not found:
        return None  # CR LF line ends only
    first = found[0].start()
    line = text.count("\n", 0, first) + 1
    column = first - (text.rfind("\n", 0, first) + 1) + 1
    character = text[first]
    fix = "save the file with LF (or CR LF) line ends" if character == "\r" else "delete it"
    message = (
        f"{_LINE_BREAKS[character]}: invisible in editors, and YAML counts it as a line break, "
        f"so line numbers would disagree with your editor's: {fix}"
    )
    others: list[int] = []  # the lines of the others, counted as we go (a CR-only file has many)
    counted, at = line, first
    for match in found[1:]:
        counted += text.count("\n", at, match.start())
        at = match.start()
        if not others or others[-1] != counted:
            others.append(counted)
    if len(found) > 1:
        shown = ", ".join(str(n) for n in others[:_SHOWN]) + (", …" if len(others) > _SHOWN else "")
        message += f"; {len(found) - 1} more in the file (line {shown})"
    return Explained("line-break-character", message, line, column)
