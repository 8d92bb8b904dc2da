"""The one YAML wrapper: safe, libyaml when present, YAML 1.2 core scalars, positions in one pass.

Documents are built from the parser's event stream, never through PyYAML's constructors, so
no tag can instantiate anything, and so that:

* plain scalars resolve by the YAML 1.2 core schema: ``no``, ``on`` and ``yes`` stay strings,
  dates are not converted (the models parse ISO dates);
* duplicate keys, anchors, aliases and explicit tags are refused with their position;
* nesting is bounded (an alias bomb or 100,000 nested brackets cannot exhaust anything);
* positions are recorded in the same single pass, compactly (two integers per value), and
  looked up by path only for the problems found;
* a long list (the plan's ``measures:``) can be streamed: each item is handed to a handler as
  soon as it is complete, so a 10,000-measure file is never held whole.

Every failure while reading becomes a :class:`YamlError` carrying a 1-based line and column.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from .syntax_hints import explain_syntax, odd_line_break

try:  # libyaml's C parser when PyYAML was built with it
    from yaml._yaml import CParser as _EventParser  # type: ignore[import-not-found,unused-ignore]

    HAS_LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    HAS_LIBYAML = False

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


def resolve_plain(value: str, mark: Any) -> Any:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    first = value[0]
    if not (first.isdigit() or first in "+-."):
        return value
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
    unsigned = value[1:] if first in "+-" else value  # one sign at most: ++.inf is a string
    if unsigned in _INF:
        return -_INF[unsigned] if first == "-" else _INF[unsigned]
    if value in (".nan", ".NaN", ".NAN"):
        return float("nan")
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


def _events(text: str) -> Iterator[Any]:
    if HAS_LIBYAML:
        # get_event gives None after StreamEndEvent; iter() calls it with no Python frame
        return iter(_EventParser(text).get_event, None)
    return yaml.parse(text, Loader=yaml.SafeLoader)  # pragma: no cover


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


def _reader_error_position(text: str, exc: yaml.reader.ReaderError) -> Position:
    # libyaml counts bytes of the UTF-8 text, the pure-Python reader counts characters
    offset = exc.position
    if HAS_LIBYAML:
        offset = len(text.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))
    return position_at(text, offset)


def parse(text: str, index: PositionIndex | None = None) -> Any:
    """Build plain Python data (dict, list, str, int, float, bool, None) from one YAML document.

    With ``index``, also record the position of every value and key.
    """
    data, positions = parse_with_positions(text)
    if index is not None:
        positions.fill(data, index)
    return data


ItemHandler = Callable[[dict[str, Any], int, dict[str, Any], int, "Positions"], Any]
"""Called by the parser with (the root mapping, the item's index, the item, its node number, the
positions) as soon as it completes a mapping that is an item of the list streamed; what it
returns replaces the item in the list (None keeps the item)."""


def parse_with_positions(
    text: str, on_item: ItemHandler | None = None, stream_key: str = ""
) -> tuple[Any, Positions]:
    """The data, and where each of its values starts, from one pass of the parser.

    With ``on_item``, each mapping in the list that is the root mapping's ``stream_key`` is
    handed to ``on_item`` as soon as it is complete (see :data:`ItemHandler`), so that a long
    list need not be held whole.
    """
    refused = odd_line_break(text)
    if refused is not None:  # before parsing: libyaml would count it as a line break
        raise YamlError(refused.code, refused.message, Position(refused.line, refused.column))
    positions = Positions()
    # Each frame: [container, pending key or _NO_KEY, the container's ordinal in `positions`]
    stack: list[list[Any]] = []
    try:
        return _build(text, positions, stack, on_item, stream_key), positions
    except YamlError as exc:
        exc.path = exc.path or _open_path(stack)
        exc.position = _within(text, exc.position)
        raise
    except yaml.reader.ReaderError as exc:
        error = _syntax_error(exc, text)
        raise YamlError(error.code, error.message, _reader_error_position(text, exc)) from None
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


def _too_many(mark: Any) -> YamlError:
    return YamlError(
        "too-large",
        f"the file holds more than {MAX_NODES:,} values and keys: not a data file this tool reads",
        _pos(mark),
    )


def _build(
    text: str,
    positions: Positions,
    stack: list[list[Any]],
    on_item: ItemHandler | None = None,
    stream_key: str = "",
) -> Any:
    # The hot loop of every command: one pass over the parser's events, a few operations per
    # event, positions recorded as two integers per node (no path is built here). The open
    # container and its pending key live in locals; on an error they are written back to the
    # stack, whose frames are [container, pending key, the container's node number].
    root: Any = None
    documents = 0
    no_key = pending = _NO_KEY
    parent: Any = None  # the innermost open container
    in_list = False
    scalar_event = yaml.ScalarEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    maybe_not_string = _MAYBE_NOT_STRING
    lines, spans = positions.lines, positions.spans
    add_line, add_column = lines.append, positions.columns.append
    keys: dict[str, str] = {}  # one string object per distinct key
    streamed: Any = _NO_KEY  # the list whose mappings go to on_item, once it is open
    try:
        for event in _events(text):
            cls = type(event)
            if cls is scalar_event:
                if event.anchor is not None or event.tag is not None:
                    error = _node_error(event, "scalar")
                    if error is not None:
                        raise error
                mark = event.start_mark
                if len(lines) >= MAX_NODES:
                    raise _too_many(mark)
                add_line(mark.line)
                add_column(mark.column)
                value: Any = event.value
                # plain and untagged; the non-specific tag ("! 12") makes a string in YAML 1.2
                if value[:1] in maybe_not_string and event.implicit[0] and event.tag is None:
                    value = resolve_plain(value, mark)
                if in_list:
                    parent.append(value)
                elif pending is not no_key:
                    parent[pending] = value
                    pending = no_key
                elif parent is not None:
                    pending = keys.setdefault(event.value, event.value)
                    if pending in parent:
                        raise YamlError(
                            "duplicate-key",
                            f"duplicate key {cut(repr(pending))}: "
                            "each key may appear once in a mapping",
                            _pos(mark),
                            (*_stack_path(stack), pending),
                        )
                else:
                    root = value
            elif cls is mapping_start or cls is sequence_start:
                error = _node_error(event, "collection")
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
                if on_item is not None and len(stack) == 1 and pending == stream_key:
                    streamed = container if cls is sequence_start else _NO_KEY
                stack.append([container, no_key, len(lines)])
                add_line(mark.line)
                add_column(mark.column)
                parent, in_list, pending = container, cls is sequence_start, no_key
            elif cls is mapping_end or cls is sequence_end:
                frame = stack.pop()
                spans[id(frame[0])] = frame[2] << 32 | len(lines)
                parent = stack[-1][0] if stack else None
                in_list = type(parent) is list
                if parent is streamed and cls is mapping_end:
                    assert on_item is not None
                    replacement = on_item(root, len(parent) - 1, frame[0], frame[2], positions)
                    if replacement is not None:
                        parent[-1] = replacement
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
                if text.strip():
                    message = "the file holds only comments: it holds no YAML document"
                raise YamlError("empty", message, _pos(event.start_mark))
    except BaseException:
        if stack:
            stack[-1][1] = pending
        raise
    return root


_NO_KEY = object()


class Dropped:
    """In place of a list item handed to an :data:`ItemHandler` and not kept: how many nodes
    it held, so that the positions of what follows it are still found."""

    __slots__ = ("size",)

    def __init__(self, size: int) -> None:
        self.size = size

    def __repr__(self) -> str:
        return f"Dropped({self.size})"


_UINT = "I" if array("I").itemsize >= 4 else "L"


class Positions:
    """Where each node of a parsed document starts, recorded in the parser's one pass.

    Nodes are numbered in the order the parser reads them (a mapping, then each key and its
    value; a list, then its items), their lines and columns kept in two compact arrays, and each
    mapping's and list's range of numbers kept by its identity. A path's position is then found
    by walking the data along it, so nothing is stored per path and the file is not read again.
    The data must not be changed after parsing.
    """

    def __init__(self) -> None:
        self.lines = array(_UINT)
        self.columns = array(_UINT)
        self.spans: dict[int, int] = {}  # id(container) -> first << 32 | end (exclusive)
        self._memo: dict[int, dict[PathPart, int]] = {}

    def at(self, ordinal: int) -> Position:
        return Position(self.lines[ordinal] + 1, self.columns[ordinal] + 1)

    def _size(self, node: Any) -> int:
        if type(node) is Dropped:
            return node.size
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

    def drop(self, node: Any) -> Dropped:
        """Forget the ranges of ``node``'s mappings and lists (it is being dropped, and their
        identities may be reused); what stands in its place. ``node`` must be the mapping or
        list the parser completed last: its own and its descendants' ranges are then the last
        recorded (the ones whose first node is not before its own)."""
        spans = self.spans
        span = spans[id(node)]
        first = span >> 32
        while spans:
            key, value = spans.popitem()
            if value >> 32 < first:
                spans[key] = value
                break
        self._memo.clear()
        return Dropped((span & 0xFFFFFFFF) - first)

    def find(self, data: Any, path: Path, *, key: bool = False, ordinal: int = 0) -> Position:
        """The position of the value at ``path`` (of its key with ``key``), or of the value at
        the longest part of ``path`` that exists; ``data`` is node number ``ordinal``."""
        node = data
        key_ordinal: int | None = None
        for part in path:
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                key_ordinal = self._ordinals(node, ordinal)[part] - 1
                ordinal = key_ordinal + 1
            elif (
                isinstance(node, list)
                and isinstance(part, int)
                and not isinstance(part, bool)
                and 0 <= part < len(node)
            ):
                key_ordinal = None
                ordinal = self._ordinals(node, ordinal)[part]
            else:
                return self.at(ordinal)
            node = node[part]
        return self.at(key_ordinal if key and key_ordinal is not None else ordinal)

    def _ordinals(self, node: Any, ordinal: int) -> dict[PathPart, int]:
        found = self._memo.get(id(node))
        if found is None:
            found = self._memo[id(node)] = self._children(node, ordinal)
        return found

    def fill(self, data: Any, index: PositionIndex) -> None:
        """Record the position of every value and key in ``index``."""
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


@dataclass
class Document:
    """One YAML file's text and data, with positions resolved on demand."""

    name: str
    text: str
    data: Any
    _index: PositionIndex | None = None
    _positions: Positions | None = None

    @property
    def index(self) -> PositionIndex:
        if self._index is None:
            index = PositionIndex()
            if self._positions is not None:
                self._positions.fill(self.data, index)
            else:
                parse(self.text, index)
            self._index = index
        return self._index

    def resolve(self, loc: tuple[Any, ...]) -> Path:
        """The longest path along ``loc`` that exists in the data (see :func:`resolve`)."""
        return resolve(self.data, loc)

    def position(self, path: Path, *, key: bool = False) -> Position:
        if self._index is None and self._positions is not None:
            return self._positions.find(self.data, path, key=key)
        index = self.index
        if key and path in index.keys:
            return index.keys[path]
        while path not in index.values and path:
            path = path[:-1]
        return index.values.get(path, Position(1, 1))


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


def load_text(
    name: str, text: str, on_item: ItemHandler | None = None, stream_key: str = ""
) -> Document:
    """Parse ``text`` as the document ``name``, keeping the positions of its values (with
    ``on_item``, the items of the list at ``stream_key`` go to it: see
    :func:`parse_with_positions`)."""
    data, positions = parse_with_positions(text, on_item, stream_key)
    return Document(name=name, text=text, data=data, _positions=positions)


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
