"""The plan as the rest of the program sees it: the validated plan file with its glossary.

Domain types only: no file is read here (``loader`` builds a :class:`Plan` from the files).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .models import Abbreviation, Act, PlanFile
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

    @cached_property
    def _folded(self) -> tuple[tuple[Abbreviation, frozenset[str], tuple[str, str]], ...]:
        """Each entry with its code and alias, and its full names, as compared (folded once,
        not for each name looked up: the queries look up each progress record's agency)."""
        return tuple(
            (
                e,
                frozenset((fold(e.code), fold(e.alias))),
                (fold(e.expansion), fold(e.name_en or e.expansion)),
            )
            for e in self.entries
        )

    def matches(self, name: str) -> tuple[Abbreviation, ...]:
        """The entries ``name`` may mean, best kind of match only: one entry, several (an
        ambiguous start such as ``министерство``), or none."""
        found = self._matches(name)
        if not found and (shorter := _COUNTRY.sub("", fold(name))) != fold(name):
            return self._matches(shorter)
        return found

    def _matches(self, name: str) -> tuple[Abbreviation, ...]:
        wanted = readings(name)
        by_code = [e for e, codes, _ in self._folded if not codes.isdisjoint(wanted)]
        if by_code:
            return tuple(by_code)
        whole = [e for e, _, full in self._folded if not set(full).isdisjoint(wanted)]
        if whole:
            return tuple(whole)
        return tuple(
            e
            for e, _, full in self._folded
            if any(len(w) >= MIN_START and f.startswith(w) for w in wanted for f in full)
        )

    def find(self, name: str) -> Abbreviation | None:
        """The one entry ``name`` means, or None (no entry, or several)."""
        found = self.matches(name)
        return found[0] if len(found) == 1 else None


class Plan:
    """A validated plan file with its glossary.

    A plan kept between runs (``snapshot``) is given its file as a function that reads it, and
    its act, the name of its abbreviations file and what was computed from it and kept with
    it (``kept``: its obligations) beside: a query over many plans then reads no measure's
    model it does not show (the file is read when first asked for, once).
    """

    def __init__(
        self,
        path: Path,
        file: PlanFile | Callable[[], PlanFile],
        glossary: Glossary,
        *,
        act: Act | None = None,
        abbreviations: str | None = None,
        kept: Mapping[str, Any] | None = None,
        digest: str | None = None,
    ) -> None:
        self.path = path
        self.glossary = glossary
        self._file = file if isinstance(file, PlanFile) else None
        self._read = None if isinstance(file, PlanFile) else file
        self._act = act
        self._abbreviations = abbreviations
        self.kept: Mapping[str, Any] = kept or {}
        if digest is not None:
            self.__dict__["digest"] = digest  # known: the cached property is not computed

    @property
    def file(self) -> PlanFile:
        if self._file is None:
            assert self._read is not None
            self._file = self._read()
            self._read = None
        return self._file

    @property
    def act(self) -> Act:
        return self._act if self._act is not None else self.file.act

    @property
    def abbreviations(self) -> str:
        """The abbreviations file the plan names (relative to its folder)."""
        known = self._abbreviations
        return known if known is not None else self.file.abbreviations

    @cached_property
    def digest(self) -> str:
        """The SHA-256 of the plan's models and its glossary's entries, as JSON: what a
        progress file's records are checked against. A plan kept between runs keeps it too
        (computing it builds the models' serializers: 35 ms of a query that shows none)."""
        digest = hashlib.sha256(self.file.model_dump_json().encode("utf-8"))
        for entry in self.glossary.entries:
            digest.update(b"\n" + entry.model_dump_json().encode("utf-8"))
        return digest.hexdigest()

    @cached_property
    def id(self) -> str:
        """The plan's short stable id (:func:`plan_id`): ``pp-912-2016``."""
        return plan_id(self.act)


ID_PREFIX = {
    "resolution_of_government": "pp",  # постановление Правительства
    "decree_of_president": "up",  # указ Президента
    "order_of_prime_minister": "rp",  # распоряжение Премьер-Министра
    "order": "pr",  # приказ
    "joint_order": "spr",  # совместный приказ
    "law": "zrk",  # Закон Республики Казахстан
    "other": "akt",
}
"""The first part of a plan's id: the act's kind, as Russian officials abbreviate it."""

_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі"
_LATIN_OF = (
    "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia "
    "a gh q ng o u u h i"
)
_LATIN = dict(zip(_CYRILLIC, _LATIN_OF.split(), strict=True)) | {"ъ": "", "ь": ""}
_NOT_ID = re.compile(r"[^0-9a-z]+")


def _slug(text: str) -> str:
    """A text as lowercase Latin letters, digits and hyphens (``45-р`` → ``45-r``)."""
    latin = "".join(_LATIN.get(c, c) for c in text.casefold())
    return _NOT_ID.sub("-", latin).strip("-")


def plan_id(act: Act) -> str:
    """The plan's short stable id, from its act: the kind's prefix (:data:`ID_PREFIX`), the
    act's number in Latin letters and digits, and the year of its date: ``pp-912-2016``,
    ``pr-01-02-45-2023`` for order № 01-02/45. An act without a number (a draft left blank)
    has ``t`` and six hex digits of the SHA-256 of the plan's title in its place
    (``pp-t3fa9c1-2025``); without a date, the year is the plan period's first year."""
    number = _slug(str(act.number)) if act.number is not None else ""
    if not number:
        number = "t" + hashlib.sha256(act.plan_title.encode("utf-8")).hexdigest()[:6]
    year = act.date.year if act.date is not None else act.period.first_year
    return f"{ID_PREFIX[act.kind.value]}-{number}-{year}"
