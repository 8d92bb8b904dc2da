"""What the commands share: their common options, and the edge of the program (the clock, the
environment, the terminal, standard output), read here and nowhere in the core."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ..errors import InvalidInput, UnreadableInput

if TYPE_CHECKING:
    import datetime as dt

    from ..i18n import Lang
    from ..models import ProgressRecord
    from ..plan import Plan
    from ..plan_set import PlanSet
    from ..query_json import Report


def path_of(option: str) -> Callable[[str], Path]:
    """Reads a path given to ``option``; an empty one is refused (``Path("")`` would be the
    current directory)."""

    def parse(value: str) -> Path:
        if not value:
            raise UnreadableInput(f"{option} ''", "an empty path: give a file name")
        return Path(value)

    return parse


def path_option(*names: str) -> Any:
    """An option that names a file: read by :func:`path_of`."""
    return typer.Option(*names, parser=path_of(names[0]), show_default=False)


# The help of every option is written from the labels (cli/help.py), in the user's language.
PlanOption = Annotated[list[Path] | None, path_option("--plan")]
PlansOption = Annotated[list[Path] | None, path_option("--plans")]
PlanIdOption = Annotated[str | None, typer.Option("--plan-id", show_default=False)]
LangOption = Annotated[str | None, typer.Option("--lang", show_default=False)]
ProgressOption = Annotated[Path | None, path_option("--progress")]
ProgressFilesOption = Annotated[list[Path] | None, path_option("--progress")]
AsOfOption = Annotated[str, typer.Option("--as-of")]


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    xlsx = "xlsx"


FormatOption = Annotated[
    OutputFormat | None, typer.Option("--format", case_sensitive=False, show_default=False)
]

FILE_FORMATS: dict[str, tuple[str, ...]] = {
    ".txt": ("table", "markdown", "json", "csv", "html", "ics"),  # any text
    ".md": ("markdown",),
    ".markdown": ("markdown",),
    ".json": ("json",),
    ".csv": ("csv",),
    ".xlsx": ("xlsx",),
    ".html": ("html",),
    ".htm": ("html",),
    ".docx": ("docx",),
    ".ics": ("ics",),
    ".svg": ("svg",),
}
"""The formats a file named with each extension holds, the one it means first (a ``.txt`` file
holds any text; the first the command writes): an ``-o`` file's name chooses the format when
``--format`` does not, and must not contradict it."""

Chosen = TypeVar("Chosen", bound=Enum)


def format_for(given: Chosen | None, output: Path | None, default: Chosen) -> Chosen:
    """The output's format: ``--format``, else what the ``-o`` file's extension says, else
    ``default``. An extension that contradicts ``--format``, or names a format the command
    does not write, is refused (exit 2) before anything is read."""
    from .usage import either

    suffix = output.suffix.lower() if output is not None else ""
    fits = FILE_FORMATS.get(suffix)
    if output is None or fits is None:  # standard output, or a name that says nothing
        return given or default
    if given is not None:
        if given.value not in fits:
            raise InvalidInput(
                f"--format {given.value} does not match -o {output}: a {suffix} file holds "
                f"{either(list(fits))}; leave out --format or rename the file"
            )
        return given
    kinds = type(default)
    for name in fits:
        if name in {kind.value for kind in kinds}:
            return kinds(name)
    named = [next(e for e, f in FILE_FORMATS.items() if f[0] == kind.value) for kind in kinds]
    raise InvalidInput(
        f"-o {output}: a {suffix} file holds {either(list(fits))}, which this command does not "
        f"write: name the file {either(named)}"
    )


AgencyOption = Annotated[list[str] | None, typer.Option("--agency", show_default=False)]
TargetArgument = Annotated[str, typer.Argument(metavar="N", show_default=False)]
OutputFileOption = Annotated[Path | None, path_option("--output", "-o")]


def language(option: str | None) -> Lang:
    """--lang, else $PLAN_LANG, else the locale, else English."""
    from ..i18n import locale_from, resolve_lang

    return resolve_lang(option, os.environ.get("PLAN_LANG"), locale_from(os.environ))


def today() -> dt.date:
    import datetime as dt

    return dt.date.today()  # the one place that reads the clock


FROM_ENVIRONMENT: dict[str, str] = {}
"""The files the running command took from an environment variable: by their path, the
variable and its value, for a message about one (``PLAN_FILE=nope.yaml: no such file``: the
user may not remember having set it)."""


def _from_environment(variable: str) -> str | None:
    value = os.environ.get(variable)
    if value:
        FROM_ENVIRONMENT[value] = FROM_ENVIRONMENT[str(Path(value))] = f"{variable}={value}"
    return value or None


def named(path: str) -> str:
    """A file's path for a message: ``PLAN_FILE=nope.yaml`` when the environment gave it."""
    return FROM_ENVIRONMENT.get(path, path)


def plan_path(option: Path | None) -> Path:
    """--plan, else $PLAN_FILE, else the embedded data."""
    from ..embedded import default_plan_path

    if option is not None:
        return option
    given = _from_environment("PLAN_FILE")
    return Path(given) if given else default_plan_path()


def plan_sources(
    plan: Sequence[Path] | None, plans: Sequence[Path] | None
) -> tuple[list[Path], list[Path]]:
    """The plan files (``--plan``) and the folders and files to search (``--plans``; else
    ``$PLAN_PATH``, a list separated by ``os.pathsep``). Neither: ``$PLAN_FILE``, else the
    embedded plan."""
    files, folders = list(plan or []), list(plans or [])
    if not files and not folders:
        listed = os.environ.get("PLAN_PATH", "")
        folders = [Path(part) for part in listed.split(os.pathsep) if part]
        for folder in folders:  # nope (in PLAN_PATH=plans:nope): no such file or folder
            FROM_ENVIRONMENT[str(folder)] = f"{folder} (in PLAN_PATH={listed})"
    if not files and not folders:
        files = [plan_path(None)]
    return files, folders


def cache_dir() -> Path | None:
    """Where validated plans are kept between runs: $XDG_CACHE_HOME/reintegration-plan, else
    ~/.cache/reintegration-plan; none without either variable."""
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.environ["HOME"], ".cache") if os.environ.get("HOME") else ""
    )
    return Path(base) / "reintegration-plan" if os.path.isabs(base) else None


def load_plan(option: Path | None) -> Plan:
    """The plan the command uses (--plan, $PLAN_FILE, else the embedded one), validated (or
    kept from an earlier run: ``snapshot``)."""
    from ..plan_set import kept
    from ..snapshot import load_plan as load

    return load(plan_path(option), cache_dir(), kept)


def load_plans(
    plan: Sequence[Path] | None, plans: Sequence[Path] | None = None
) -> tuple[PlanSet, tuple[Path, ...]]:
    """The plans the command uses (:func:`plan_sources`), validated or kept from an earlier
    run, and the progress files found among them (in ``--plans`` folders)."""
    from ..plan_set import PlanSet

    files, folders = plan_sources(plan, plans)
    READ.clear()
    if not folders and len(files) == 1:
        loaded = PlanSet([load_plan(files[0])])
        found: tuple[Path, ...] = ()
    else:
        from ..plan_folders import Found, find_files, load_plan_set

        where = find_files(folders) if folders else Found()
        loaded = load_plan_set(files, where, cache_dir())
        found = where.progress
    for one in loaded.plans:
        READ.append(("plan", one.path))
        READ.append(("abbreviations", one.path.parent / one.abbreviations))
    return loaded, found


def progress_path(option: Path | None) -> tuple[Path, bool]:
    """The progress file, and whether the user named it (with --progress or $PLAN_PROGRESS:
    the query commands then need it to exist)."""
    if option is not None:
        return option, True
    given = _from_environment("PLAN_PROGRESS")
    return Path(given or "progress.yaml"), bool(given)


def lock_wait() -> float:
    """How long `plan record` waits for another's lock: $PLAN_LOCK_WAIT seconds, else 10."""
    from ..record import LOCK_WAIT_SECONDS

    given = os.environ.get("PLAN_LOCK_WAIT", "")
    try:
        seconds = float(given) if given else LOCK_WAIT_SECONDS
    except ValueError:
        raise UnreadableInput(
            f"PLAN_LOCK_WAIT={given!r}", "not a number of seconds (such as 10 or 0.5)"
        ) from None
    if not 0 <= seconds < 86400:  # also refuses nan and inf
        raise UnreadableInput(f"PLAN_LOCK_WAIT={given!r}", "give seconds from 0 to 86399")
    return seconds


def progress_paths(
    options: Sequence[Path] | None, found: Sequence[Path] = ()
) -> list[tuple[Path, bool]]:
    """The progress files a query reads, each with whether the user named it (it must then
    exist): ``--progress`` (given once or more), else ``$PLAN_PROGRESS``, else
    ``./progress.yaml`` if there is one and those found in ``--plans`` folders."""
    if options:
        return [(path, True) for path in options]
    path, named = progress_path(None)
    chosen = [(path, named)]
    if not named:
        here = path.resolve()
        chosen += [(other, True) for other in found if other.resolve() != here]
    return chosen


def inputs(
    plan: Sequence[Path] | None,
    progress: Sequence[Path] | Path | None,
    as_of: str,
    plans: Sequence[Path] | None = None,
    plan_id: str | None = None,
) -> tuple[dt.date, PlanSet, list[ProgressRecord]]:
    """The date asked for, the plans (narrowed to ``--plan-id``) and the progress records
    (none when there is no file)."""
    from ..inputs import parse_as_of

    day = parse_as_of(as_of, today())
    loaded, found = load_plans(plan, plans)
    named = [progress] if isinstance(progress, Path) else progress
    records: list[ProgressRecord] = []
    for path, must in progress_paths(named, found):
        if not (must or path.exists()):
            continue  # no file, no records: the progress module is not loaded
        READ.append(("progress", path))
        records += _records(path, loaded)
    return day, loaded.narrowed(plan_id), records


def horizon(as_of: str, within: str | None = None) -> dt.date | None:
    """The last day counted as due: the end of ``--within`` from the date, else the last day
    of the period ``--as-of`` names (a month, quarter, half-year or year: what falls due in it
    is due), else None (a day: the end of its quarter, the status's own rule)."""
    from ..inputs import as_of_horizon, parse_as_of, window_end

    if within is not None:
        return window_end(within, parse_as_of(as_of, today()))
    return as_of_horizon(as_of, today())


def _records(path: Path, loaded: PlanSet) -> list[ProgressRecord]:
    """A progress file's records: kept in the cache between runs for one plan (``snapshot``);
    read and told apart by plan for several."""
    if not loaded.scoped:
        from ..snapshot import load_records

        return load_records(path, loaded.plan(), cache_dir())
    from ..progress import load_records as read_records

    return read_records(path, loaded, warnings=False)[0]


READ: list[tuple[str, Path]] = []
"""The files the running command read (by :func:`inputs`), each with its kind: its outputs
may not overwrite them."""


def use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def ascii_only() -> bool:
    """Whether standard output cannot encode box drawing or Cyrillic (PYTHONIOENCODING=ascii):
    tables are then drawn with ASCII borders."""
    try:
        "┌─┐│└┘Жж◆━".encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return True
    return False


def terminal_width(default: int = 80) -> int:
    import shutil

    return shutil.get_terminal_size((default, 24)).columns


def fit(text: str, width: int, indent: str = "") -> str:
    """A message in lines of at most ``width`` characters, broken between words as the tables
    break them (a dash or a short number stays with its neighbours: "мероприятие 5 — в
    работе"), never inside a word: a path or a URL longer than the line stays whole, for
    copying. Lines after the first are indented with ``indent``."""
    from ..layout import width_of, words

    lead = text[: len(text) - len(text.lstrip(" "))]  # the first line's own indentation
    lines: list[str] = []
    line, room = "", width - len(lead)
    for unit in words(text):
        for piece in unit.split(" ") if width_of(unit) > room else [unit]:
            if line and width_of(line) + 1 + width_of(piece) > room:
                lines.append(line)
                line, room = piece, width - len(indent)
            else:
                line = f"{line} {piece}" if line else piece
    lines.append(line)
    return "\n".join([lead + lines[0], *(indent + rest for rest in lines[1:])])


def emit(
    report: Report, output_format: OutputFormat, lang: str | None, output: Path | None = None
) -> None:
    """A query report in the format and language asked for, on standard output (``-o -``
    too) or to the ``-o`` file (a table written to a file is as wide as a terminal of 100
    columns, without colour)."""
    chosen = language(lang)
    if output_format is OutputFormat.xlsx:
        if to_stdout(output) and sys.stdout.isatty():
            raise InvalidInput("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
        from ..workbook import workbook_bytes

        write(workbook_bytes(report, chosen), output)
        return
    from ..tables import Output, render

    if to_stdout(output):
        shown = Output(width=terminal_width(), color=use_color(), lang=chosen, ascii=ascii_only())
        out(render(report, output_format.value, shown))
        return
    text = render(report, output_format.value, Output(width=100, color=False, lang=chosen))
    write(text.encode("utf-8"), output)


def out(text: str) -> None:
    """Text on standard output, all of it (see :func:`out_bytes`)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    out_bytes(text.encode(encoding, errors="backslashreplace"))


def out_bytes(data: bytes) -> None:
    """Bytes on standard output, all of them, or an OSError (the boundary says it in one line).

    Not through ``sys.stdout.write``: on an unbuffered standard output (``PYTHONUNBUFFERED=1``,
    ``python -u``) it writes once, and what a pipe whose reader exits does not take is lost
    without an error. Here a short write is continued, and the next one fails as it should."""
    sys.stdout.flush()
    stream = sys.stdout.buffer
    rest = memoryview(data)
    while rest:
        written = stream.write(rest)
        if written is None:  # a non-blocking standard output that is full
            raise BlockingIOError(errno.EAGAIN, os.strerror(errno.EAGAIN))
        rest = rest[written:]
    stream.flush()


def write(data: bytes, output: Path | None) -> None:
    """Bytes to the output file (all at once), or to standard output: without a file, for
    ``-``, and for a name of standard output itself (``/dev/stdout``)."""
    if output is None or to_stdout(output):
        out_bytes(data)
        return
    from ..outfile import write_output

    write_output(output, data, READ)


def to_stdout(output: Path | None) -> bool:
    """Whether the output goes to standard output: no ``-o``, ``-o -``, or a name of standard
    output itself (``/dev/stdout``)."""
    return output is None or str(output) == "-" or _is_stdout(output)


def check_outputs(*outputs: Path | None) -> None:
    """Refuse, before anything is written, the output files that :func:`write` would refuse."""
    from ..outfile import refuse_inputs, target_of

    for output in outputs:
        if output is not None and not to_stdout(output):
            refuse_inputs(output, target_of(output)[0], READ)


def _is_stdout(path: Path) -> bool:
    try:
        named, out = os.stat(path), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no such file, or no real standard output
        return False
    return (named.st_dev, named.st_ino) == (out.st_dev, out.st_ino)
