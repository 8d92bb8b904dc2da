"""The plan as the rest of the program sees it: the validated plan file with its glossary.

Domain types only: no file is read here (``loader`` builds a :class:`Plan` from the files).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .models import Abbreviation, PlanFile


@dataclass(frozen=True)
class Glossary:
    """The abbreviations file's entries, looked up by code or Latin alias in any letter case."""

    entries: tuple[Abbreviation, ...]

    def find(self, name: str) -> Abbreviation | None:
        wanted = name.strip().casefold()
        for entry in self.entries:
            if wanted in (entry.code.casefold(), entry.alias.casefold()):
                return entry
        return None


@dataclass(frozen=True)
class Plan:
    """A validated plan file with its glossary."""

    path: Path
    file: PlanFile
    glossary: Glossary
