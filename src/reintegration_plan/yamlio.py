"""The one YAML wrapper: safe, libyaml when present, YAML 1.2 core scalars, positions in one pass.

Documents are built from the parser's event stream, never through PyYAML's constructors, so
no tag can instantiate anything, and so that:

* plain scalars resolve by the YAML 1.2 core schema: ``no``, ``on`` and ``yes`` stay strings,
  dates are not converted (the models parse ISO dates);
* duplicate keys, anchors, aliases and explicit tags are refused with their position;
* nesting is bounded (an alias bomb or 100,000 nested brackets cannot exhaust anything);
* positions are recorded in the same single pass, compactly (two integers per value), and
  looked up by path only for the problems found (a second pass that records positions only
  when a problem is found was measured and is slower: the shipped plan always has a warning,
  and a pass of the parser costs six times what the arrays cost).

Every failure while reading becomes a :class:`YamlError` carrying a 1-based line and column.

A text in the simplest block layout (a progress file as `plan record` writes it) may be read
without the parser, and without positions, by :func:`parse_simple`: the same data, or None.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from .syntax_hints import explain_syntax, odd_line_break

HAS_LIBYAML = hasattr(yaml, "CBaseLoader")
"""PyYAML was built with libyaml: its C parser reads the events (``yaml.CBaseLoader``, the
public loader made of it; its constructor and resolver are never called)."""

MAX_DEPTH = 64
"""Deepest nesting accepted; the plan file needs 5 levels."""
MAX_NUMBER_DIGITS = 30
MAX_NODES = 2_000_000
"""Most values (and keys) accepted in one file: a plan of 10,000 measures has 640,000. Bounds the
memory a hostile file can make the schema validation take (about 200 bytes per value)."""

PathPart = str | int
Path = tuple[PathPart, ...]


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


class YamlError(Exception):
    """The text could not be read as one YAML document of plain data."""

    def __init__(self, code: str, message: str, position: Position, path: Path = ()) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position
        self.path = path  # where in the document, when known (not for syntax errors)


_INT = re.compile(r"[-+]?[0-9]+\Z")
_OCT = re.compile(r"0o[0-7]+\Z")
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_INF = {".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf")}


def _pos(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


# Line breaks as editors and `grep -n` count them: LF (and CR LF). libyaml also counts CR, NEL,
# LS and PS, but a text holding those is refused before parsing (syntax_hints.odd_line_break),
# so the parser's positions and these agree.
_LINE_BREAK = re.compile("\r\n|\n")


def position_at(text: str, offset: int) -> Position:
    """The 1-based line and column of ``text[offset]``, lines ending at a line feed."""
    line, line_start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, offset):
        line += 1
        line_start = match.end()
    return Position(line, offset - line_start + 1)


def cut(text: str, limit: int = 200) -> str:
    """``text``, or its first ``limit`` characters and its length when longer: a diagnostic
    quoting a 5 MB value stays one readable line."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text)} characters)"


def _check_number_length(length: int, unit: str, mark: Any) -> None:
    if length > MAX_NUMBER_DIGITS:
        raise YamlError(
            "number-too-long",
            f"a number of {length} {unit} is not accepted "
            f"(at most {MAX_NUMBER_DIGITS}); quote it if it is text",
            _pos(mark),
        )


_SPECIAL: dict[str, Any] = {
    **dict.fromkeys(_NULLS),
    **dict.fromkeys(_TRUE, True),
    **dict.fromkeys(_FALSE, False),
    **_INF,
    **{"+" + name: value for name, value in _INF.items()},
    **{"-" + name: -value for name, value in _INF.items()},
    **dict.fromkeys((".nan", ".NaN", ".NAN"), float("nan")),
}
"""The plain scalars that are not strings and not written with digits."""


def resolve_plain(value: str, mark: Any) -> Any:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema."""
    special = _SPECIAL.get(value, _NO_KEY)
    if special is not _NO_KEY:
        return special
    first = value[0]
    if not (first.isdigit() or first in "+-."):
        return value
    if value.isdigit() and value.isascii():  # the common case: 2017, 5
        _check_number_length(len(value), "digits", mark)
        return int(value)
    if _INT.match(value):
        _check_number_length(len(value.lstrip("+-")), "digits", mark)
        return int(value)
    if _OCT.match(value) or _HEX.match(value):
        # 0x and 5,000 digits made an integer that no message or JSON could print
        _check_number_length(len(value) - 2, "digits", mark)
        return int(value[2:], 8 if value[1] == "o" else 16)
    if _FLOAT.match(value):
        _check_number_length(len(value), "characters", mark)
        return float(value)
    return value


def decode(raw: bytes) -> str:
    """Decode UTF-8 (a byte-order mark is allowed and dropped); bad bytes are a YamlError."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        # the bytes before the bad one are valid; the byte-order mark is not a column
        before = raw[: exc.start].decode("utf-8").removeprefix("\ufeff")
        raise YamlError(
            "encoding",
            f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8",
            position_at(before, len(before)),
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


Source = bytes | str
"""What is parsed: UTF-8 bytes (checked by :func:`decode` first), or text."""


def _events(source: Source) -> Iterator[Any]:
    if HAS_LIBYAML:
        # get_event gives None after StreamEndEvent; iter() calls it with no Python frame
        return iter(yaml.CBaseLoader(source).get_event, None)
    return yaml.parse(source, Loader=yaml.SafeLoader)  # pragma: no cover


def _text(source: Source) -> str:
    """The text of ``source`` (for the positions of errors)."""
    return source if isinstance(source, str) else decode(source)


def _syntax_error(exc: yaml.YAMLError, text: str) -> YamlError:
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        at = _pos(exc.problem_mark)
        context_at = _pos(exc.context_mark) if exc.context_mark is not None else None
        said = explain_syntax(
            text,
            exc.problem or "invalid YAML",
            exc.context,
            (at.line, at.column),
            (context_at.line, context_at.column) if context_at else None,
        )
        return YamlError(said.code, said.message, Position(said.line, said.column))
    if isinstance(exc, yaml.reader.ReaderError):
        return YamlError(
            "syntax",
            f"the character {_char_name(exc.character)} is not allowed in YAML: remove it",
            Position(1, exc.position + 1),
        )
    return YamlError("syntax", f"YAML syntax: {exc}", Position(1, 1))  # pragma: no cover


@dataclass
class PositionIndex:
    """Where each value (and each mapping key) starts in the text."""

    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)


def _char_name(character: Any) -> str:
    code = character if isinstance(character, int) else ord(character)
    return f"U+{code:04X}"


_BOM = b"\xef\xbb\xbf"


def _reader_error_position(source: Source, text: str, exc: yaml.reader.ReaderError) -> Position:
    # libyaml counts bytes of the UTF-8 text (a byte-order mark included), the pure-Python
    # reader counts characters
    offset = exc.position
    if HAS_LIBYAML:
        raw = source.encode("utf-8") if isinstance(source, str) else source
        skip = len(_BOM) if raw.startswith(_BOM) else 0
        offset = len(raw[skip : max(offset, skip)].decode("utf-8", errors="ignore"))
    return position_at(text, offset)


def parse(text: str, index: PositionIndex | None = None) -> Any:
    """Build plain Python data (dict, list, str, int, float, bool, None) from one YAML document.

    With ``index``, also record the position of every value and key.
    """
    data, positions = parse_with_positions(text, every_node=index is not None)
    if index is not None:
        positions.fill(data, index)
    return data


def parse_with_positions(
    source: Source, *, every_node: bool = False, text: str | None = None
) -> tuple[Any, Positions]:
    """The data, and where its values start, from one pass of the parser: where each mapping
    and list starts and ends (the others' positions are found when asked for, see
    :class:`Positions`), or with ``every_node`` where every value and key starts. ``text``:
    the source's text, when it is bytes and decoded already."""
    text = _text(source) if text is None else text
    refused = odd_line_break(text)
    if refused is not None:  # before parsing: libyaml would count it as a line break
        raise YamlError(refused.code, refused.message, Position(refused.line, refused.column))
    positions = Positions(source, every_node=every_node)
    positions.text = text
    # Each frame: [container, pending key or _NO_KEY, the container's number in `positions`]
    stack: list[list[Any]] = []
    try:
        return _build(source, positions, stack), positions
    except _TooMany:
        # counted as the containers close: read again counting each node, which stops at
        # the first one too many with its position
        parse_with_positions(source, every_node=True, text=text)
        raise AssertionError("the nodes were counted twice alike") from None  # pragma: no cover
    except YamlError as exc:
        exc.path = exc.path or _open_path(stack)
        exc.position = _within(text, exc.position)
        raise
    except yaml.reader.ReaderError as exc:
        error = _syntax_error(exc, text)
        raise YamlError(
            error.code, error.message, _reader_error_position(source, text, exc)
        ) from None
    except yaml.YAMLError as exc:
        error = _syntax_error(exc, text)
        raise YamlError(error.code, error.message, _within(text, error.position)) from None


def _stack_path(stack: list[list[Any]]) -> Path:
    """The path of the innermost open container: each open container is the value most
    recently added to the container around it."""
    path: list[PathPart] = []
    for frame in stack[:-1]:
        container = frame[0]
        path.append(len(container) - 1 if type(container) is list else next(reversed(container)))
    return tuple(path)


def _open_path(stack: list[list[Any]]) -> Path:
    """The path of the node being read: the next item of a list, the value of a pending key,
    or the mapping itself when the node is in a key's place."""
    if not stack:
        return ()
    container, key = stack[-1][:2]
    path = _stack_path(stack)
    if type(container) is list:
        return (*path, len(container))
    return path if key is _NO_KEY else (*path, key)


def _within(text: str, position: Position) -> Position:
    """The end of the last line for a position past it (libyaml puts the end of a file without
    a final line break on a line of its own), so a truncated file points at its last line."""
    lines = _LINE_BREAK.split(text)
    if position.line <= len(lines):
        return position
    return Position(len(lines), len(lines[-1]) + 1)


def _tag_name(tag: str) -> str:
    """A tag as it is written: ``!!map`` rather than ``tag:yaml.org,2002:map``."""
    return "!!" + tag.removeprefix(_CORE_TAG_PREFIX) if tag.startswith(_CORE_TAG_PREFIX) else tag


_CORE_TAG_PREFIX = "tag:yaml.org,2002:"

# A plain scalar that starts with none of these is a string whatever follows (see resolve_plain)
_MAYBE_NOT_STRING = frozenset(["", *"~nNtTfF+-.0123456789"])


def _node_error(event: Any, node: str) -> YamlError | None:
    """The error for an anchor or a tag on a node, if it has one."""
    if event.anchor is not None:
        return YamlError(
            "anchor",
            f"anchors (&{cut(event.anchor)}) are not allowed: write the value out in full",
            _pos(event.start_mark),
        )
    if event.tag is not None and not (node == "scalar" and event.tag == "!"):
        return YamlError(
            "tag",
            f"tags ({cut(_tag_name(event.tag))}) are not allowed: remove the tag",
            _pos(event.start_mark),
        )
    return None


class _TooMany(Exception):
    """More than MAX_NODES nodes, found when a container closes (see parse_with_positions)."""


def _too_many(mark: Any) -> YamlError:
    return YamlError(
        "too-large",
        f"the file holds more than {MAX_NODES:,} values and keys: not a data file this tool reads",
        _pos(mark),
    )


def _build(source: Source, positions: Positions, stack: list[list[Any]]) -> Any:
    # The hot loop of every command: one pass over the parser's events, a few operations per
    # event, positions recorded as integers in arrays, for the mappings and lists only (or for
    # every node); no path is built here. The open container and its pending key live in
    # locals; on an error they are written back to the stack, whose frames are [container,
    # pending key, the container's number].
    root: Any = None
    documents = nodes = 0
    no_key = pending = _NO_KEY
    parent: Any = None  # the innermost open container
    in_list = False
    scalar_event = yaml.ScalarEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    maybe_not_string = _MAYBE_NOT_STRING
    lines, spans, ends = positions.lines, positions.spans, positions.ends
    add_line, add_column = lines.append, positions.columns.append
    add_start, add_end = positions.starts.append, ends.append
    every_node = positions.every_node
    # without a '&' or a '!' in the file, no node has an anchor or a tag: not asked for each
    untagged = (
        "&" not in source and "!" not in source
        if type(source) is str
        else (b"&" not in source and b"!" not in source)
    )
    keys: dict[str, str] = {}  # one string object per distinct key
    try:
        for event in _events(source):
            cls = type(event)
            if cls is scalar_event:
                if not untagged and (event.anchor is not None or event.tag is not None):
                    error = _node_error(event, "scalar")
                    if error is not None:
                        raise error
                if every_node:
                    mark = event.start_mark
                    if len(lines) >= MAX_NODES:
                        raise _too_many(mark)
                    add_line(mark.line)
                    add_column(mark.column)
                value: Any = event.value
                if pending is not no_key or in_list:
                    # plain and untagged; the non-specific tag ("! 12") makes a string in 1.2
                    if (
                        (not value or value[0] in maybe_not_string)
                        and event.implicit[0]
                        and (untagged or event.tag is None)
                    ):
                        value = resolve_plain(value, event.start_mark)
                    if in_list:
                        parent.append(value)
                    else:
                        parent[pending] = value
                        pending = no_key
                elif parent is not None:
                    pending = keys.setdefault(value, value)
                    if pending in parent:
                        raise YamlError(
                            "duplicate-key",
                            f"duplicate key {cut(repr(pending))}: "
                            "each key may appear once in a mapping",
                            _pos(event.start_mark),
                            (*_stack_path(stack), pending),
                        )
                else:
                    if (
                        (not value or value[0] in maybe_not_string)
                        and event.implicit[0]
                        and event.tag is None
                    ):
                        value = resolve_plain(value, event.start_mark)
                    root = value
            elif cls is mapping_start or cls is sequence_start:
                error = None if untagged else _node_error(event, "collection")
                if error is not None:
                    raise error
                mark = event.start_mark
                if len(stack) >= MAX_DEPTH:
                    raise YamlError(
                        "too-deep",
                        f"nesting deeper than {MAX_DEPTH} levels is not accepted",
                        _pos(mark),
                    )
                if len(lines) >= MAX_NODES:
                    raise _too_many(mark)
                container: Any = {} if cls is mapping_start else []
                if in_list:
                    parent.append(container)
                elif pending is not no_key:
                    parent[pending] = container
                elif parent is not None:
                    raise YamlError(
                        "complex-key",
                        "a mapping key must be a plain scalar, not a mapping or a list",
                        _pos(mark),
                    )
                else:
                    root = container
                stack.append([container, no_key, len(lines)])
                add_line(mark.line)
                add_column(mark.column)
                if not every_node:
                    add_start(mark.index)
                    add_end(0)
                parent, in_list, pending = container, cls is sequence_start, no_key
            elif cls is mapping_end or cls is sequence_end:
                frame = stack.pop()
                spans[id(frame[0])] = frame[2] << 32 | len(lines)
                if not every_node:
                    ends[frame[2]] = event.end_mark.index
                    # the keys and values of the containers closed so far, the containers
                    size = len(frame[0])
                    nodes += size + size if cls is mapping_end else size
                    if nodes + len(lines) > MAX_NODES:
                        raise _TooMany
                parent = stack[-1][0] if stack else None
                in_list = type(parent) is list
            elif cls is yaml.AliasEvent:
                raise YamlError(
                    "alias",
                    f"aliases (*{cut(event.anchor)}) are not allowed: write the value out in full",
                    _pos(event.start_mark),
                )
            elif cls is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlError(
                        "multiple-documents",
                        "the file holds more than one YAML document; keep only one",
                        _pos(event.start_mark),
                    )
            elif cls is yaml.StreamEndEvent and documents == 0:
                message = "the file is empty: it holds no YAML document"
                if _text(source).strip():
                    message = "the file holds only comments: it holds no YAML document"
                raise YamlError("empty", message, _pos(event.start_mark))
    except BaseException:
        if stack:
            stack[-1][1] = pending
        raise
    return root


_NO_KEY = object()

_UINT = "I" if array("I").itemsize >= 4 else "L"


class Positions:
    """Where the nodes of a parsed document start, looked up by path for the problems found.

    The parser's one pass numbers the mappings and lists in the order it reads them and
    records, in compact arrays, where each starts (line, column, character offset) and ends;
    each one's range of numbers (its own and its descendants') is kept by its identity. A
    mapping's or a list's position is then read from the arrays; a key's or a scalar's by
    reading again only the text of the mapping or list that holds it, up to that child. With
    ``every_node``, every value and key is numbered and recorded (and nothing is read again).
    The data must not be changed after parsing.
    """

    def __init__(self, source: Source, *, every_node: bool = False) -> None:
        self.source = source
        self.every_node = every_node
        self.lines = array(_UINT)
        self.columns = array(_UINT)
        self.starts = array(_UINT)  # character offsets, the mappings' and lists' only
        self.ends = array(_UINT)
        self.spans: dict[int, int] = {}  # id(container) -> first << 32 | end (exclusive)
        self._memo: dict[int, dict[PathPart, int]] = {}
        self.text: str | None = None  # the source's text, once needed
        self._whole: tuple[Any, Positions] | None = None
        self._lines_in_text: int | None = None

    def at(self, ordinal: int) -> Position:
        line, column = self.lines[ordinal], self.columns[ordinal]
        if line and line >= self._line_count():  # past a last line with no line break ("---")
            return self._end()
        return Position(line + 1, column + 1)

    def _line_count(self) -> int:
        """How many lines the text has: its line breaks, plus one for a last line without."""
        if self._lines_in_text is None:
            if self.text is None:
                self.text = _text(self.source)
            breaks = len(_LINE_BREAK.findall(self.text))
            self._lines_in_text = breaks + (0 if self.text.endswith("\n") else 1)
        return self._lines_in_text

    def _end(self) -> Position:
        """The end of the text: just after its last character, on its last line."""
        assert self.text is not None
        lines = _LINE_BREAK.split(self.text)
        return Position(len(lines), len(lines[-1]) + 1)

    def find(self, data: Any, path: Path, *, key: bool = False) -> Position:
        """The position of the value at ``path`` (of its key with ``key``), or of the value at
        the longest part of ``path`` that exists; ``data`` is the document's root."""
        if self.every_node:
            return self._find_node(data, path, key=key)
        node, parent, last = data, None, None
        for part in path:
            if not _has(node, part):
                key = False  # the value found, not the key
                break
            node, parent, last = node[part], node, part
        mapping_key = key and type(parent) is dict
        if not mapping_key and (type(node) is dict or type(node) is list):
            return self.at(self.spans[id(node)] >> 32)
        if parent is not None:
            found = self._child(parent, last, key=mapping_key)
            if found is not None:
                return found
        whole_data, whole = self._whole_parse()  # a document that is one scalar (or a surprise)
        return whole.find(whole_data, path, key=key)

    def _child(self, container: Any, part: Any, *, key: bool) -> Position | None:
        """The position of ``container``'s child ``part`` (of its key with ``key``), read again
        from the container's text alone: its first line's text before it is blanked, so that
        its lines and columns are the file's."""
        number = self.spans[id(container)] >> 32
        if self.text is None:
            self.text = _text(self.source)
        column = self.columns[number]
        region = " " * column + self.text[self.starts[number] : self.ends[number]]
        try:
            marks = _child_marks(region, part)
        except yaml.YAMLError:  # pragma: no cover - the file parsed whole; a safety net
            return None
        if marks is None:  # pragma: no cover - a safety net, as above
            return None
        mark = marks[0] if key else marks[1]
        return Position(self.lines[number] + mark.line + 1, mark.column + 1)

    def _whole_parse(self) -> tuple[Any, Positions]:
        if self._whole is None:
            self._whole = parse_with_positions(self.source, every_node=True, text=self.text)
        return self._whole

    # --- every node recorded ----------------------------------------------------------------

    def _size(self, node: Any) -> int:
        span = self.spans.get(id(node)) if type(node) is dict or type(node) is list else None
        return 1 if span is None else (span & 0xFFFFFFFF) - (span >> 32)

    def _children(self, node: Any, ordinal: int) -> dict[PathPart, int]:
        """The number of each child's value (a key's number is one less)."""
        children: dict[PathPart, int] = {}
        cursor = ordinal + 1
        if type(node) is dict:
            for key, value in node.items():
                children[key] = cursor + 1
                cursor += 1 + self._size(value)
        else:
            for i, value in enumerate(node):
                children[i] = cursor
                cursor += self._size(value)
        return children

    def _find_node(self, data: Any, path: Path, *, key: bool) -> Position:
        node = data
        ordinal = 0
        key_ordinal: int | None = None
        for part in path:
            if not _has(node, part):
                return self.at(ordinal)  # the value found, not its key
            children = self._memo.get(id(node))
            if children is None:
                children = self._memo[id(node)] = self._children(node, ordinal)
            ordinal = children[part]
            key_ordinal = ordinal - 1 if type(node) is dict else None
            node = node[part]
        return self.at(key_ordinal if key and key_ordinal is not None else ordinal)

    def fill(self, data: Any, index: PositionIndex) -> None:
        """Record the position of every value and key in ``index``."""
        if not self.every_node:
            whole_data, whole = self._whole_parse()
            whole.fill(whole_data, index)
            return
        work: list[tuple[Any, Path, int]] = [(data, (), 0)]
        while work:
            node, path, ordinal = work.pop()
            index.values[path] = self.at(ordinal)
            if type(node) is dict:
                children = self._children(node, ordinal)
                for key, value in node.items():
                    index.keys[(*path, key)] = self.at(children[key] - 1)
                    work.append((value, (*path, key), children[key]))
            elif type(node) is list:
                children = self._children(node, ordinal)
                for i, value in enumerate(node):
                    work.append((value, (*path, i), children[i]))


def _has(node: Any, part: Any) -> bool:
    """Whether ``node`` has the child ``part`` (a key of a mapping, an index of a list)."""
    if type(node) is dict:
        return isinstance(part, str) and part in node
    return (
        type(node) is list
        and isinstance(part, int)
        and not isinstance(part, bool)
        and 0 <= part < len(node)
    )


def _child_marks(region: str, part: PathPart) -> tuple[Any, Any] | None:
    """The marks of the key (None in a list) and of the value of the child ``part`` of the
    mapping or list that ``region`` holds, read up to that child; None if it has no such
    child."""
    depth = count = 0
    in_list = False
    key: Any = None
    key_mark: Any = None
    scalar_event = yaml.ScalarEvent
    starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    for event in _events(region):
        cls = type(event)
        if cls is scalar_event or cls in starts:
            if depth == 0:  # the mapping or list itself
                in_list = cls is yaml.SequenceStartEvent
            elif depth == 1:
                if in_list or count % 2:  # an item, or a value
                    if (count if in_list else key) == part:
                        return key_mark, event.start_mark
                else:  # a key (a scalar: the file parsed)
                    key, key_mark = event.value, event.start_mark
                count += 1
            if cls is not scalar_event:
                depth += 1
        elif cls in ends:
            depth -= 1
            if depth == 0:
                break
    return None  # pragma: no cover - the data says the child is there


class Document:
    """One YAML file's data, with the positions of its values looked up on demand."""

    def __init__(self, name: str, source: Source, data: Any, positions: Positions) -> None:
        self.name = name
        self.source = source
        self.data = data
        self.positions = positions
        self._index: PositionIndex | None = None

    @property
    def text(self) -> str:
        """The file's text."""
        if self.positions.text is None:
            self.positions.text = _text(self.source)
        return self.positions.text

    @property
    def index(self) -> PositionIndex:
        """Every value's and key's position (built once, for the callers that want them all)."""
        if self._index is None:
            self._index = PositionIndex()
            self.positions.fill(self.data, self._index)
        return self._index

    def resolve(self, loc: tuple[Any, ...]) -> Path:
        """The longest path along ``loc`` that exists in the data (see :func:`resolve`)."""
        return resolve(self.data, loc)

    def position(self, path: Path, *, key: bool = False) -> Position:
        return self.positions.find(self.data, path, key=key)


def resolve(data: Any, loc: tuple[Any, ...]) -> Path:
    """The longest path along ``loc`` that exists in ``data``.

    Location parts that are not in the data (a missing key, a union's tag) are skipped, so
    a missing key resolves to its parent mapping.
    """
    node = data
    path: list[PathPart] = []
    for part in loc:
        if isinstance(node, dict) and isinstance(part, str) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            continue
        path.append(part)
    return tuple(path)


def load_text(name: str, text: str) -> Document:
    """Parse ``text`` as the document ``name``, keeping the positions of its values."""
    data, positions = parse_with_positions(text)
    return Document(name, text, data, positions)


def load_bytes(name: str, raw: bytes) -> Document:
    """Parse the UTF-8 bytes ``raw`` as the document ``name`` (see :func:`decode` for what is
    refused), keeping the positions of its values. The parser reads the bytes themselves (given
    text, PyYAML would encode it again)."""
    text = decode(raw)  # refuses what is not UTF-8, with its position
    data, positions = parse_with_positions(raw, text=text)
    positions.source = text  # the bytes are not kept beside their text (11 MB of 10,000 measures)
    return Document(name, text, data, positions)


# --- the simplest layout, read without the parser ----------------------------------------------

_NOT_SIMPLE_CHARACTER = re.compile(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
"""Any character but the line feed and those YAML prints (no tab, no carriage return, no other
line break, no byte-order mark): a text holding one is left to the parser."""
_LIST_KEY = re.compile(r"^([a-z_]+):\n(?=- )", re.MULTILINE)
_PLAIN_START = "[^- \\n?:,\\[\\]{}#&*!|>'\"%@`]"
"""The first character of a plain value read without the parser: no indicator, no space."""
_ITEM_LINES = re.compile(f"(?:[- ] [a-z_]+: {_PLAIN_START}[^\\n]*\\n)+")
_NOT_PLAIN_END = re.compile(" #| \n|:\n")
"""A comment after a value, a value ending in a space or in ':'."""
_HEAD_LINE = re.compile(f"([a-z_]+): ({_PLAIN_START}[^\\n]*)| *#[^\\n]*| *")


class _NotSimple(Exception):
    pass


def parse_simple(text: str) -> dict[str, Any] | None:
    """The data of a text in the simplest block layout, read without the parser, or None when
    it holds anything else: top-level ``key: value`` lines, comments and blank lines, then a
    key whose value is a list of one-level mappings, each item written ``- key: value`` and
    ``  key: value`` lines, to the end of the text; keys of small Latin letters, values plain
    scalars on one line (LF or CR LF line ends). It is how `plan record` writes a progress
    file, and 10,000 records are read four times faster than through the parser's events.
    Where it gives data, that is the data :func:`parse` gives (a property test holds it to
    that); positions are not recorded: a caller that finds a problem parses the text again."""
    try:
        return _parse_simple(text)
    except _NotSimple:
        return None


def _parse_simple(text: str) -> dict[str, Any] | None:
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if not text.endswith("\n"):
        text += "\n"
    listed = _LIST_KEY.search(text)
    if listed is None or _NOT_SIMPLE_CHARACTER.search(text):
        return None
    head, body = text[: listed.start()], text[listed.end() :]
    lines = body.count("\n")
    if (
        lines + head.count("\n") >= MAX_NODES // 4  # each line a key and a value at most
        or not _ITEM_LINES.fullmatch(body)
        or body.count(": ") != lines  # a value holding ': '
        or _NOT_PLAIN_END.search(body)
    ):
        return None
    root: dict[str, Any] = {}
    for line in head.split("\n")[:-1]:
        found = _HEAD_LINE.fullmatch(line)
        if found is None:
            return None
        key, value = found[1], found[2]
        if key is None:
            continue  # a comment or a blank line
        if key in root or ": " in value or " #" in value or value.endswith((" ", ":")):
            return None
        root[key] = _resolved(value)
    resolved = _Resolved().__getitem__
    records: list[dict[str, Any]] = []
    for item in body[2:-1].split("\n- "):
        pairs = item.replace("\n  ", ": ").split(": ")
        written = iter(pairs)  # key, value, key, value …
        record = dict(zip(written, map(resolved, written), strict=True))
        if 2 * len(record) != len(pairs):
            return None  # a key twice
        records.append(record)
    key = listed[1]
    if key in root:
        return None
    root[key] = records
    return root


class _Resolved(dict[str, Any]):
    """Each plain scalar read without the parser, resolved once (a date or a number recurs)."""

    def __missing__(self, value: str) -> Any:
        found = self[value] = _resolved(value)
        return found


def _resolved(value: str) -> Any:
    """A plain scalar read without the parser, resolved as the parser's are."""
    if value[0] not in _MAYBE_NOT_STRING:
        return value
    if len(value) > MAX_NUMBER_DIGITS:
        raise _NotSimple  # perhaps a number too long: the parser says so, with its position
    return resolve_plain(value, None)


_LONGEST_NAME = 200


def format_path(path: Path) -> str:
    """``('measures', 2, 'deadline')`` → ``measures[2].deadline``; the root is ``$``.

    A key that is not a name (a line break, a space, a dot) is quoted, ``['a b']``, so the
    location stays one line and cannot be mistaken for a path; so is a name too long to show
    whole (cut as values are)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not part.isidentifier() or len(part) > _LONGEST_NAME:
            out += f"[{cut(repr(part))}]"
        else:
            out += f".{part}" if out else part
    return out or "$"
