"""Where the package's own data is: the embedded plan the commands use when given no other.

A module of its own that imports only the standard library, so that a command can name the
embedded plan without loading the code that reads it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PLAN_FILE_NAME = "plan_2017_2019.yaml"


def embedded_data_dir() -> Path:
    """``data/`` inside the installed package, or the checkout's ``data/`` when run from source."""
    packaged = PACKAGE_DIR / "data"
    if packaged.is_dir():
        return packaged
    return PACKAGE_DIR.parents[1] / "data"


def default_plan_path() -> Path:
    return embedded_data_dir() / PLAN_FILE_NAME
