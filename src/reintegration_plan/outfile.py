"""Writing a file all at once, or not at all: output files (``-o``, ``--svg``, ``--html``) and
the progress file ``plan record`` replaces.

The data goes to a temporary file beside the target (``.plan-XXXXXXXX.tmp``: short, so that a
target whose name is as long as the file system allows still gets one), is synced, given the
old file's mode, owner and group, then renamed over it: a reader never sees half a file, and
an interrupted run leaves the old file as it was (a failed write is a :class:`CannotWrite`).

What a rename would break is refused before anything is written: a directory, a device, a
named pipe or a socket is never replaced by a regular file, and a symbolic link is written
through (its target is replaced; the link stays). A target that cannot be written is an
:class:`UnreadableInput` (exit 2).
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import CannotWrite, UnreadableInput


def umask() -> int:
    """The process's file-creation mask (read without changing it for long)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def kind_of(mode: int) -> str | None:
    """What a file that is not a regular file is, in words (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"  # pragma: no cover - no other kind on Linux


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, NotADirectoryError):
        return "a part of the path is not a directory"
    return exc.strerror or str(exc)


def make_directory(path: Path) -> None:
    """Make the folder ``path`` and the folders above it that are missing (``mkdir -p``); one
    that cannot be made is an :class:`UnreadableInput` naming it."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise UnreadableInput(str(path), "exists and is not a directory") from None
    except OSError as exc:
        raise UnreadableInput(str(path), _reason(exc)) from None


OUTPUT_ADVICE = (
    "only a regular file is written (this would be replaced by one); for standard output, give "
    "`-` or leave the option out"
)


def target_of(path: Path, advice: str = OUTPUT_ADVICE) -> tuple[Path, os.stat_result | None]:
    """The file a write to ``path`` replaces, and its status (None when it does not exist yet).

    A symbolic link is followed to its target, so that the link stays a link. Refused, as
    :class:`UnreadableInput`: a directory, a device, a named pipe or a socket (a rename would
    replace it with a regular file), and a directory that does not exist or cannot be written
    in (the temporary file goes there). ``advice`` ends the message for what is not a regular
    file.
    """
    name = str(path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        status: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise UnreadableInput(name, _reason(exc)) from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise UnreadableInput(name, "is a directory, not a file")
    if status is not None and (kind := kind_of(status.st_mode)):
        raise UnreadableInput(name, f"is {kind}, not a regular file: {advice}")
    directory = target.parent
    if not directory.is_dir():
        raise UnreadableInput(name, "no such directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise UnreadableInput(name, f"permission denied: cannot create a file in {directory}")
    return target, status


def write_atomically(path: Path, data: bytes, like: os.stat_result | None = None) -> None:
    """Replace ``path`` with ``data`` all at once: a temporary file, fsync, then rename.

    The new file gets the mode, owner and group of ``like`` (the file it replaces) as far as
    the process may give them; a new file, the mode the umask allows."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".plan-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if like is not None:
            _keep_owner(temporary, like)
        os.chmod(temporary, like.st_mode & 0o7777 if like else 0o666 & ~umask())
        os.replace(temporary, path)
    except BaseException:  # an error, Ctrl-C, SIGTERM (launch raises it): no stray file
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def _keep_owner(temporary: str, like: os.stat_result) -> None:
    """The old file's owner and group on the new one: both as root, the group alone when the
    process belongs to it, else the process's own (a rename cannot keep another's)."""
    for uid, gid in ((like.st_uid, like.st_gid), (-1, like.st_gid)):
        try:
            os.chown(temporary, uid, gid)
            return
        except PermissionError:
            continue


Reads = Mapping[str, Path] | Iterable[tuple[str, Path]]
"""The files a command reads, each with its kind (``plan``, ``progress``, ``abbreviations``)."""


def refuse_inputs(path: Path, target: Path, reads: Reads) -> None:
    """Refuse to write over a file the command reads (``reads``: its kind, its path)."""
    for what, read in reads.items() if isinstance(reads, Mapping) else reads:
        try:
            same = os.path.samefile(target, read)
        except OSError:  # one of them does not exist
            continue
        if same:
            raise UnreadableInput(
                str(path),
                f"is the {what} file this command reads: write the output to another file",
            )


def write_output(path: Path, data: bytes, reads: Reads | None = None) -> None:
    """Write an output file all at once. ``reads`` names the files the command reads (``plan``,
    ``progress``, ``abbreviations``): none of them is overwritten by its output."""
    target, status = target_of(path)
    refuse_inputs(path, target, reads or {})
    try:
        write_atomically(target, data, status)
    except OSError as exc:  # a full disk, a read-only file system, a failed rename
        raise CannotWrite(str(path), _reason(exc)) from None
