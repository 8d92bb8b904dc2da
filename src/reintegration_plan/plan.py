"""The plan as the rest of the program sees it: the validated plan file with its glossary.

Domain types only: no file is read here (``loader`` builds a :class:`Plan` from the files).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .models import Abbreviation, PlanFile
from .spelling import fold, readings

MIN_START = 4
"""The fewest characters a start of an agency's name must have to name it (``акимат``)."""

_COUNTRY = re.compile(r"[ ,]+(?:рк|республики казахстан|of the republic of kazakhstan|rk)\Z")
"""The country officials add to a body's code or name (``МВД РК``), which the glossary's codes
do not carry."""


@dataclass(frozen=True)
class Glossary:
    """The abbreviations file's entries, and how people name them.

    An entry is named by, in this order of precedence: its code or Latin alias in any letter
    case (``МТСЗН``, ``mtszn``), also with Latin letters that look Cyrillic or the other way
    round (``MТСЗН``); its full name, Russian or English; or a start of that name of at least
    :data:`MIN_START` characters that no other entry's name starts with (``министерство
    труда``, ``акиматы``). Case, ё/е, invisible characters and extra spaces do not matter, nor
    the country after a code or a start of a name (``МВД РК``, ``МВД Республики Казахстан``).
    """

    entries: tuple[Abbreviation, ...]

    def matches(self, name: str) -> tuple[Abbreviation, ...]:
        """The entries ``name`` may mean, best kind of match only: one entry, several (an
        ambiguous start such as ``министерство``), or none."""
        found = self._matches(name)
        if not found and (shorter := _COUNTRY.sub("", fold(name))) != fold(name):
            return self._matches(shorter)
        return found

    def _matches(self, name: str) -> tuple[Abbreviation, ...]:
        wanted = readings(name)
        by_code = [e for e in self.entries if {fold(e.code), fold(e.alias)} & set(wanted)]
        if by_code:
            return tuple(by_code)
        names = [(e, (fold(e.expansion), fold(e.name_en or e.expansion))) for e in self.entries]
        whole = [e for e, full in names if set(full) & set(wanted)]
        if whole:
            return tuple(whole)
        return tuple(
            e
            for e, full in names
            if any(len(w) >= MIN_START and f.startswith(w) for w in wanted for f in full)
        )

    def find(self, name: str) -> Abbreviation | None:
        """The one entry ``name`` means, or None (no entry, or several)."""
        found = self.matches(name)
        return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class Plan:
    """A validated plan file with its glossary."""

    path: Path
    file: PlanFile
    glossary: Glossary
