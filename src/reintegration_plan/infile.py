"""Reading data files: a file's bytes, a regular file only (never waiting on a named pipe), of
at most :data:`MAX_FILE_BYTES`, anything else one line (:class:`UnreadableInput`); and the
garbage collector paused while what they hold is built. A module of its own, below the loader,
so that finding the plans of a folder and loading them from the cache does not load the code
that validates them."""

from __future__ import annotations

import gc
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from .errors import UnreadableInput
from .outfile import kind_of

MAX_FILE_BYTES = 32 * 1024 * 1024
"""Largest file read; the plan is 32 kB, so a larger file (or /dev/zero) is not a data file."""


def read_bytes(path: Path) -> bytes:
    """A data file's bytes. Only a regular file is read: a named pipe, a device or a socket is
    refused at once (looked at before it is opened, and opened without waiting for a writer),
    as are a missing file, a directory and a file larger than :data:`MAX_FILE_BYTES`."""
    name = str(path)
    try:
        _regular(name, os.stat(path).st_mode)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with open(fd, "rb") as stream:
            info = os.fstat(fd)
            _regular(name, info.st_mode)  # the same file: it may have been swapped
            raw = _read_upto(stream, info.st_size, MAX_FILE_BYTES + 1)
    except ValueError:  # a path holding NUL, e.g. `abbreviations: "a\0b"` in a plan file
        raise UnreadableInput(name.replace("\0", "\\0"), "a path cannot hold a NUL") from None
    except FileNotFoundError:
        raise UnreadableInput(name, "no such file") from None
    except PermissionError:
        raise UnreadableInput(name, "permission denied") from None
    except OSError as exc:
        raise UnreadableInput(name, exc.strerror or str(exc)) from None
    if len(raw) > MAX_FILE_BYTES:
        raise UnreadableInput(
            name, f"is larger than {MAX_FILE_BYTES // 2**20} MiB: too large for a data file"
        )
    return raw


def _read_upto(stream: BinaryIO, size: int, most: int) -> bytes:
    """``stream.read(most)`` of a regular file whose size was ``size``: read into a buffer of
    the file's size, not of ``most`` (32 MiB for each file: many plans' files are read), and
    on up to ``most`` bytes when the file has grown since."""
    first = min(size + 1, most)
    raw = stream.read(first)
    if len(raw) == first < most:
        raw += stream.read(most - first)
    return raw


def _regular(name: str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise UnreadableInput(name, "is a directory, not a file")
    if (kind := kind_of(mode)) is not None:
        raise UnreadableInput(name, f"is {kind}, not a regular file: give the data file itself")


@contextmanager
def paused_gc() -> Iterator[None]:
    """The garbage collector paused while a document is built, validated and checked.

    A parsed plan is a million small objects, all alive until the checks end: each collection
    would walk them all, for nothing (it was two thirds of the schema validation's time).
    Afterwards what is still alive moves to the oldest generation without being walked
    (``gc.freeze`` then ``gc.unfreeze``), unless the program froze objects of its own.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        gc.enable()
