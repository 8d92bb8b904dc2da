"""Plain data written as YAML people read and edit, in the style of the shipped plan file.

Block style, two spaces of indentation, list items indented under their key; small mappings
(``{agency: МВД, role: lead}``) and lists of short values on one line where the caller marks
them (:class:`Flow`, :class:`FlowList`); comments before a key or at the end of its line
(:class:`Commented`); dates as ``2016-12-29``. A text is written plain when the project's
loader (``yamlio``, YAML 1.2) and a YAML 1.1 reader both read it back as the same text, in
single quotes when it is printable, else in double quotes with escapes. Lines are never
folded: a verbatim text stays on one line, as in the shipped file.

:func:`plain` gives the data a loader reads back from :func:`dump`'s text (the markers
dropped, dates as ISO text), so a caller can check the round trip.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from .yamlio import YamlError, resolve_plain

__all__ = ["Commented", "Flow", "FlowList", "dump", "plain", "scalar"]


class Flow(dict[str, Any]):
    """A mapping written on one line: ``{agency: МВД, role: lead}``."""


class FlowList(list[Any]):
    """A list written on one line: ``[МВД, МТСЗН]``."""


@dataclass(frozen=True)
class Commented:
    """A value with comment lines before its key (an empty line is a blank line) and a comment
    at the end of its line (for a value written on one line)."""

    value: Any
    before: tuple[str, ...] = ()
    after: str | None = None


_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_INDICATORS = frozenset(",[]{}?:#")  # a YAML 1.1 reader ends a flow scalar at ? and :
_STR = "tag:yaml.org,2002:str"
_RESOLVER = yaml.resolver.Resolver()


class _Mark:
    line = 0
    column = 0


def _reads_as_text(text: str) -> bool:
    """Whether a YAML 1.2 (yamlio) and a YAML 1.1 reader both read ``text`` plain as text."""
    tag: str = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag != _STR:
        return False
    try:
        return bool(resolve_plain(text, _Mark()) == text)
    except YamlError:
        return False


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip(" ") or not text.isprintable():
        return False
    if text[0] in _INDICATORS or ": " in text or " #" in text or text.endswith(":"):
        return False
    if flow and any(char in _FLOW_INDICATORS for char in text):
        return False
    return _reads_as_text(text)


def _double_quoted(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in '\\"':
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def scalar(value: Any, flow: bool = False) -> str:
    """A scalar as YAML text (plain, single- or double-quoted)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return ".nan"
        if value in (float("inf"), float("-inf")):
            return ".inf" if value > 0 else "-.inf"
        text = repr(value)  # YAML 1.1 wants a dot in a float: 1e-05 is 1.0e-05
        return text if "." in text or "e" not in text else text.replace("e", ".0e", 1)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _plain_ok(text, flow):
        return text
    if text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    return _double_quoted(text)


def _flow(value: Any) -> str:
    value = value.value if isinstance(value, Commented) else value
    if isinstance(value, Mapping):
        inner = ", ".join(f"{scalar(k, True)}: {_flow(v)}" for k, v in value.items())
        return "{" + inner + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    return scalar(value, flow=True)


def _inline(value: Any) -> str | None:
    """A value written on its key's line, or None when it takes lines of its own."""
    if isinstance(value, Flow | FlowList) or (isinstance(value, Mapping | list) and not value):
        return _flow(value)
    if isinstance(value, Mapping | list):
        return None
    return scalar(value)


def _comment(text: str | None) -> str:
    return f"  # {text}" if text else ""


def _before(lines: Sequence[str], indent: int, out: list[str]) -> None:
    out.extend(" " * indent + f"# {line}" if line else "" for line in lines)


def _mapping(data: Mapping[str, Any], indent: int, out: list[str], first: str = "") -> None:
    """A mapping's items at ``indent``; ``first`` is what starts the first line ("- ")."""
    for n, (key, item) in enumerate(data.items()):
        value, after = item, None
        before: tuple[str, ...] = ()
        if isinstance(item, Commented):
            value, before, after = item.value, item.before, item.after
        prefix = first if n == 0 else " " * len(first)
        _before(before, indent, out)
        lead = " " * indent + prefix + f"{scalar(key)}:"
        inline = _inline(value)
        if inline is not None:
            out.append(f"{lead} {inline}{_comment(after)}")
        elif isinstance(value, Mapping):
            out.append(lead + _comment(after))
            _mapping(value, indent + len(prefix) + 2, out)
        else:
            out.append(lead + _comment(after))
            _sequence(value, indent + len(prefix) + 2, out)


def _sequence(items: Sequence[Any], indent: int, out: list[str]) -> None:
    for item in items:
        value, after = item, None
        before: tuple[str, ...] = ()
        if isinstance(item, Commented):
            value, before, after = item.value, item.before, item.after
        _before(before, indent, out)
        inline = _inline(value)
        if inline is not None:
            out.append(" " * indent + f"- {inline}{_comment(after)}")
        elif isinstance(value, Mapping):
            _mapping(value, indent, out, first="- ")
        else:
            out.append(" " * indent + "-" + _comment(after))
            _sequence(value, indent + 2, out)


def dump(data: Mapping[str, Any], header: Sequence[str] = ()) -> str:
    """The mapping as a YAML document, ``header`` as comment lines at its top."""
    out: list[str] = []
    _before(header, 0, out)
    _mapping(data, 0, out)
    return "\n".join(out) + "\n"


def plain(value: Any) -> Any:
    """What a loader reads back from :func:`dump`'s text: the markers dropped, dates as ISO
    text."""
    if isinstance(value, Commented):
        return plain(value.value)
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
