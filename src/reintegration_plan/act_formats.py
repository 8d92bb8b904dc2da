"""An act's text in any of the forms people get it, read into one format-neutral
:class:`~reintegration_plan.act_text.ActText`:

- ``text``: the official database's plain-text export (cells ending in " |"), ``act_text``;
- ``html``: the act's page saved from adilet.zan.kz, ``act_html``;
- ``markdown``: Markdown with HTML tables, as public git corpora keep acts, ``act_markdown``.

The format is told by the file's name (``.txt``; ``.html``, ``.htm``; ``.md``, ``.markdown``),
else by its content: an HTML document starts with ``<!DOCTYPE html>`` or ``<html`` (or has a
``<body``); Markdown has a ``# `` heading or a line starting ``<table``; anything else is read
as the plain-text export.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath
from typing import Literal, get_args

from .act_text import ActText, Row, read_act_text

__all__ = ["FORMATS", "ActFormat", "act_format", "read_act"]

ActFormat = Literal["text", "html", "markdown"]
FORMATS: tuple[ActFormat, ...] = get_args(ActFormat)


def _read_html(text: str) -> ActText:
    from .act_html import read_act_html  # (with its HTML parser, only for an HTML text)

    return read_act_html(text)


def _read_markdown(text: str) -> ActText:
    from .act_markdown import read_act_markdown

    return read_act_markdown(text)


_READERS: dict[ActFormat, Callable[[str], ActText]] = {
    "text": read_act_text,
    "html": _read_html,
    "markdown": _read_markdown,
}
_SUFFIXES: dict[str, ActFormat] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_BODY = re.compile(r"<body\b", re.I)
_MARKDOWN_LINE = re.compile(r"^(?:#{1,6} |<table\b)", re.I | re.M)
_SNIFF = 4096


def act_format(text: str, name: str = "") -> ActFormat:
    """The format of an act's text: by the file's suffix, else by its content."""
    suffix = PurePath(name).suffix.lower() if name else ""
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    head = text[:_SNIFF].lstrip("\ufeff")
    if _HTML_START.match(head) or _HTML_BODY.search(head):
        return "html"
    if _MARKDOWN_LINE.search(text):
        return "markdown"
    return "text"


def read_act(
    text: str,
    name: str = "",
    form: ActFormat | None = None,
    keep_row: Callable[[Row], bool] | None = None,
) -> ActText:
    """Read an act's text in its format (``form``, else told by :func:`act_format`); raise
    :class:`~reintegration_plan.act_text.ActTextError` when it is not an act.

    ``keep_row``, when given, is given each row of the act's table in order, and the table
    keeps only the rows it returns true for: the plain-text export's reader gives each row as
    soon as it is read (see :func:`~reintegration_plan.act_text.read_act_text`), the others
    once the whole text is read."""
    form = form or act_format(text, name)
    if form == "text":
        return read_act_text(text, keep_row)
    act = _READERS[form](text)
    if keep_row is None or act.table is None:
        return act
    return replace(act, table=replace(act.table, rows=tuple(filter(keep_row, act.table.rows))))
