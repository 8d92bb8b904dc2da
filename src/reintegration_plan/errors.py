"""Errors of what the user typed, raised by the core and mapped to exit 2 by the CLI.

A module of its own, importing nothing, so that the CLI's error boundary can name them without
loading the core at start-up.
"""

from __future__ import annotations


class InvalidInput(ValueError):
    """Something the user typed that the plan cannot take (exit 2, one line)."""


class UnknownName(InvalidInput):
    """A measure, report or agency the plan does not have; the message lists what it has."""
