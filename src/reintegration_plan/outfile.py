"""Writing a file all at once, or not at all: output files (``-o``, ``--svg``, ``--html``) and
the progress file ``plan record`` replaces.

The data goes to a temporary file beside the target, is synced, then renamed over it: a reader
never sees half a file, and an interrupted run leaves the old file as it was. A target that
cannot be written is an :class:`UnreadableInput` (exit 2).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import UnreadableInput


def umask() -> int:
    """The process's file-creation mask (read without changing it for long)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: Path, data: bytes, mode: int) -> None:
    """Replace ``path`` with ``data`` all at once: a temporary file, fsync, then rename."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def write_output(path: Path, data: bytes) -> None:
    name = str(path)
    if path.is_dir():
        raise UnreadableInput(name, "is a directory, not a file")
    if not path.parent.is_dir():
        raise UnreadableInput(name, "no such directory")
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~umask()
        write_atomically(path, data, mode)
    except PermissionError:
        raise UnreadableInput(name, "permission denied") from None
    except OSError as exc:
        raise UnreadableInput(name, exc.strerror or str(exc)) from None
