"""The help of ``plan`` in the user's language, and ``plan --version``.

Typer has no translations, so the help is not taken from the commands' declarations: it is
written from the labels (``i18n.LABELS``: ``summary.CMD``, ``help.CMD``, ``help.CMD.PARAM`` or
the shared ``help.option.PARAM``, ``metavar.PARAM``) when it is shown, in the language of the
help: ``--lang`` if given on the command line, else ``$PLAN_LANG``, else the locale. A
parameter without a label of its own shows its declared help.

Only typer's public names are used. The help formatter and the parameters are click's, which
typer vendors privately: they are described here by what the help uses of them
(:class:`HelpWriter`, :class:`HelpParameter`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, MutableMapping, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

import typer
from typer.core import TyperCommand

from ..i18n import LABELS, Lang, label, locale_from, resolve_lang
from .usage import OneLineUsage

NO_BREAK_HYPHEN = "\u2011"
"""Click's wrapper breaks words after hyphens; the help names ids to type
(half-yearly-report-2018H1), options and Russian compounds, never to be broken: their hyphens
are written as no-break hyphens while the help is wrapped, then as hyphens again."""

LANG_KEY = "plan.help_lang"
"""Where the root context keeps the help's language (``ctx.obj``)."""

ORDER = (
    "due",
    "measures",
    "show",
    "agencies",
    "agency",
    "plans",
    "record",
    "timeline",
    "calendar",
    "report",
    "submission",
    "import",
    "validate",
    "schema",
)
"""The commands as ``plan --help`` lists them: the daily questions first (others after)."""


class HelpParameter(Protocol):
    """What the help reads of an option or an argument."""

    @property
    def name(self) -> str | None: ...
    @property
    def opts(self) -> list[str]: ...
    @property
    def secondary_opts(self) -> list[str]: ...
    @property
    def param_type_name(self) -> str: ...


class HelpWriter(Protocol):
    """What the help writes with: click's help formatter."""

    buffer: list[str]
    width: int  # the terminal's (COLUMNS), at most 80
    current_indent: int

    def write_usage(self, prog: str, args: str = ..., prefix: str | None = ...) -> None: ...
    def write_paragraph(self) -> None: ...
    def write_text(self, text: str) -> None: ...
    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = ..., col_spacing: int = ...
    ) -> None: ...
    def section(self, name: str) -> AbstractContextManager[None]: ...
    def indentation(self) -> AbstractContextManager[None]: ...


def language_of(args: Sequence[str]) -> Lang:
    """The help's language: ``--lang`` among the arguments, else $PLAN_LANG, else the locale;
    English when none of them names a language this tool speaks (the command then says so)."""
    option = None
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            option = args[n + 1]
        elif arg.startswith("--lang="):
            option = arg.partition("=")[2]
    for given in (option, None):
        try:
            return resolve_lang(given, os.environ.get("PLAN_LANG"), locale_from(os.environ))
        except ValueError:
            continue
    return "en"


SHOWN: dict[str, bool] = {"help": False}
"""Whether what goes to standard output is the help or the version: text to read, of which a
reader may take the start (``plan --help | head``). A broken pipe then ends quietly, exit 0."""


def shows_help() -> bool:
    return SHOWN["help"]


HELP_OPTIONS = ("-h", "--help", "--version")


def without_lang_for_help(args: Sequence[str]) -> list[str] | None:
    """The arguments without ``--lang`` when they ask for help or the version, at any level
    (``plan --lang ru --help``, ``plan validate -h --lang ru``, ``plan --version --lang ru``:
    the group and ``validate`` have no ``--lang`` option, and the help's language is read from
    the arguments already); None otherwise."""
    given = list(args)
    options = given[: given.index("--")] if "--" in given else given
    if not any(arg in HELP_OPTIONS for arg in options):
        return None
    kept: list[str] = []
    skip = False
    for n, arg in enumerate(options):
        if skip:
            skip = False
        elif arg == "--lang":
            skip = n + 1 < len(options) and options[n + 1] not in HELP_OPTIONS
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept + given[len(options) :]


def remember_language(args: Sequence[str] | None, extra: dict[str, Any]) -> None:
    """Called by the group's ``main`` with its arguments: the help's language, for later."""
    obj = extra.setdefault("obj", {})
    if isinstance(obj, dict):
        obj[LANG_KEY] = language_of(list(args) if args is not None else [])


def help_language(ctx: typer.Context) -> Lang:
    obj = ctx.find_root().obj
    if isinstance(obj, dict) and obj.get(LANG_KEY) in ("ru", "en"):
        return obj[LANG_KEY]  # type: ignore[no-any-return]
    return language_of([])


def _has(key: str) -> bool:
    return key in LABELS


def param_help(command: str, param: HelpParameter, lang: Lang) -> str:
    """The parameter's help: its own label, else the shared one, else its declared help."""
    if _has(f"help.{command}.{param.name}"):
        return label(f"help.{command}.{param.name}", lang)
    if _has(f"help.option.{param.name}"):
        return label(f"help.option.{param.name}", lang)
    return str(getattr(param, "help", None) or "")


def _metavar(param: HelpParameter, lang: Lang) -> str:
    if _has(f"metavar.{param.name}"):
        return label(f"metavar.{param.name}", lang)
    return str(param.name).upper()


def _is_flag(param: HelpParameter) -> bool:
    return bool(getattr(param, "is_flag", False))


def _rows(command: str, params: Sequence[HelpParameter], lang: Lang) -> Iterator[tuple[str, str]]:
    for param in params:
        if getattr(param, "hidden", False):
            continue
        # short names first (click keeps -h and --help in a set: their order would vary)
        names = ", ".join(sorted([*param.opts, *param.secondary_opts], key=lambda o: (len(o), o)))
        if param.param_type_name == "argument":
            names = _metavar(param, lang)
        elif not _is_flag(param):
            names += f" {_metavar(param, lang)}"
        yield names, param_help(command, param, lang)


def fitted(text: str, width: int) -> str:
    """The help's preformatted blocks (paragraphs marked ``\b``, which click never rewraps)
    wrapped again where a line is wider than ``width``: each item (a "- " line with the lines
    indented under it, or lines of one indentation) keeps its indentation and hangs under its
    first line, and numbers stay with their words as in the tables. Blocks that fit are left as
    written."""
    paragraphs = text.split("\n\n")
    for n, paragraph in enumerate(paragraphs):
        lines = paragraph.split("\n")
        if lines[0] == "\b" and any(len(line) > width for line in lines[1:]):
            paragraphs[n] = "\n".join(["\b", *_rewrapped(lines[1:], width)])
    return "\n\n".join(paragraphs)


def _rewrapped(lines: Sequence[str], width: int) -> list[str]:
    from ..layout import wrap  # as the tables wrap: a number stays with its word (1 июля 2018)

    items: list[tuple[int, int, str]] = []  # the first line's indentation, the next lines', text
    for line in lines:
        indent, body = len(line) - len(line.lstrip(" ")), line.strip()
        bullet = body.startswith("- ")
        if items and not bullet and indent == items[-1][1]:
            first, hanging, text = items[-1]
            items[-1] = (first, hanging, f"{text} {body}")
        else:
            items.append((indent, indent + 2 if bullet else indent, body))
    out = []
    for first, hanging, text in items:
        wrapped = wrap(text, width - max(first, hanging))
        out += [" " * first + wrapped[0], *(" " * hanging + line for line in wrapped[1:])]
    return out


def _kept(text: str) -> str:
    return text.replace("-", NO_BREAK_HYPHEN)


def _hyphens_back(formatter: HelpWriter) -> None:
    formatter.buffer = [part.replace(NO_BREAK_HYPHEN, "-") for part in formatter.buffer]


def _write(
    formatter: HelpWriter,
    ctx: typer.Context,
    command: str,
    pieces: Sequence[str],
    params: Sequence[HelpParameter],
    lang: Lang,
) -> None:
    formatter.write_usage(ctx.command_path, " ".join(pieces), f"{label('help.usage', lang)} ")
    if _has(f"help.{command}"):
        formatter.write_paragraph()
        with formatter.indentation():
            width = formatter.width - formatter.current_indent  # what a line has at COLUMNS
            formatter.write_text(_kept(fitted(label(f"help.{command}", lang), width)))
    arguments = [p for p in params if p.param_type_name == "argument"]
    options = [p for p in params if p.param_type_name != "argument"]
    headings = (label("help.arguments", lang), label("help.options", lang))
    for heading, chosen in zip(headings, (arguments, options), strict=True):
        rows = [(_kept(name), _kept(text)) for name, text in _rows(command, chosen, lang)]
        if rows:
            with formatter.section(heading):
                formatter.write_dl(rows)


class PlanCommand(OneLineUsage, TyperCommand):
    """A command whose help is written from the labels, in the help's language."""

    def format_help(self, ctx: Any, formatter: HelpWriter) -> None:
        SHOWN["help"] = True
        lang = help_language(ctx)
        params = self.get_params(ctx)
        pieces = [label("help.options_metavar", lang)]
        pieces += [_metavar(p, lang) for p in params if p.param_type_name == "argument"]
        _write(formatter, ctx, str(self.name), pieces, params, lang)
        _hyphens_back(formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return summary(str(self.name), "en") or super().get_short_help_str(limit)


def summary(command: str, lang: Lang) -> str:
    return label(f"summary.{command}", lang) if _has(f"summary.{command}") else ""


class PlanHelp:
    """Mixed into the group: ``plan --help`` written from the labels, commands in
    :data:`ORDER`, each with its one-line summary (never cut)."""

    commands: MutableMapping[str, Any]

    def format_help(self, ctx: Any, formatter: HelpWriter) -> None:
        SHOWN["help"] = True
        lang = help_language(ctx)
        pieces = [label("help.options_metavar", lang), label("help.command_metavar", lang)]
        params = self.get_params(ctx)  # type: ignore[attr-defined]
        _write(formatter, ctx, "plan", pieces, params, lang)
        names = sorted(
            (name for name, cmd in self.commands.items() if not cmd.hidden),
            key=lambda name: (ORDER.index(name) if name in ORDER else len(ORDER), name),
        )
        rows = [
            (name, summary(name, lang) or self.commands[name].get_short_help_str(200))
            for name in names
        ]
        with formatter.section(label("help.commands", lang)):
            formatter.write_dl([(name, _kept(text)) for name, text in rows])
        _hyphens_back(formatter)


def show_version(ctx: typer.Context, _param: typer.CallbackParam, value: bool) -> None:
    """``plan --version``: the version, and the act whose data the program carries."""
    if not value or ctx.resilient_parsing:
        return
    SHOWN["help"] = True
    from importlib.metadata import version

    from ..embedded import default_plan_path
    from ..i18n import act_name, date_long
    from ..layout import wrap
    from .options import load_plan, terminal_width

    lang = help_language(ctx)
    act = load_plan(default_plan_path()).file.act
    changes = ", ".join(
        label("version.amendment", lang, date=date_long(a.date, lang), number=a.number)
        for a in act.amendments
    )
    amended = " " + label("version.amended", lang, changes=changes) if changes else ""
    data = label(
        "version.act",
        lang,
        act=act_name(act.kind.value, act.number, "kind", lang),
        date=date_long(act.date, lang) if act.date else "…",
        amended=amended,
    )
    # the act by its kind, number and date (its title is a paragraph): at the terminal's width
    typer.echo(f"plan {version('reintegration-plan')}")
    typer.echo("\n".join(wrap(data, terminal_width())))
    raise typer.Exit()
