"""The ``plan`` command line: parse arguments, call the core, render. No domain logic here.

Each command module registers its commands on the one application (:mod:`.app`), in the order
``plan --help`` lists them.
"""

from __future__ import annotations

from . import check, imports, publish, queries, record  # noqa: F401  (registers the commands)
from .app import app


def main() -> None:
    """``plan``, as the console script starts it (see :mod:`reintegration_plan.launch`)."""
    from ..launch import main as launch

    launch()


__all__ = ["app", "main"]
