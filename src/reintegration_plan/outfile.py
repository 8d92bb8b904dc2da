"""Writing an output file (``-o``, ``--svg``, ``--html``) all at once, or not at all.

The data goes to a temporary file beside the target, is synced, then renamed over it
(``progress.write_atomically``): a reader never sees half a file, and an interrupted run leaves
the old file as it was. A target that cannot be written is an :class:`UnreadableInput` (exit 2).
"""

from __future__ import annotations

import os
from pathlib import Path

from .dataset import UnreadableInput
from .progress import write_atomically


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_output(path: Path, data: bytes) -> None:
    name = str(path)
    if path.is_dir():
        raise UnreadableInput(name, "is a directory, not a file")
    if not path.parent.is_dir():
        raise UnreadableInput(name, "no such directory")
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask()
        write_atomically(path, data, mode)
    except PermissionError:
        raise UnreadableInput(name, "permission denied") from None
    except OSError as exc:
        raise UnreadableInput(name, exc.strerror or str(exc)) from None
