"""The act's text conventions: how its texts say who leads, who acts by agreement, when, and
at what cost. Pure functions of text, shared by the checks (which read the verbatim texts back
to compare them with the structured fields) and by whatever reads an act's text.

* executors: agencies by their codes; "(созыв)" after a code marks the lead (the convener),
  "(по согласованию)" an agency taking part by agreement;
* deadlines: "N квартал YYYY года" (twice "2 квартал 2017 год") and "YYYY – YYYY годы";
* costs: "не требуются", or an amount in thousand tenge;
* abbreviations: two to six capital Cyrillic letters standing alone.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

LEAD_MARK = "(созыв)"
BY_AGREEMENT_MARK = "(по согласованию)"
NO_COSTS_TEXT = "не требуются"

ABBREVIATION_TOKEN = re.compile(r"(?<![А-ЯЁа-яё])[А-ЯЁ]{2,6}(?![А-ЯЁа-яё])")
"""A code as the act writes its abbreviations: МВД, МТСЗН."""
_AMOUNT = re.compile(r"[0-9][0-9 \u00a0]*(?:[.,][0-9]+)?\Z")


def read_executors_text(text: str, codes: Collection[str]) -> list[tuple[str, bool, bool]]:
    """The agencies a column-4 text names, in order: (code, marked lead, by agreement).

    Agencies are found by their codes (longest first, whole words), so the act's missing comma
    in measure 21 ("МТСЗН акиматы ...") still yields two agencies.
    """
    patterns, combined = _code_patterns(codes if type(codes) is tuple else tuple(codes))
    if combined is not None:
        spans = [(m.start(), m.end(), m[0]) for m in combined.finditer(text)]
    else:
        spans = _spans_code_by_code(text, patterns)
    found = []
    for n, (_, end, code) in enumerate(spans):
        following = text[end : spans[n + 1][0] if n + 1 < len(spans) else len(text)]
        found.append((code, LEAD_MARK in following, BY_AGREEMENT_MARK in following))
    return found


def _spans_code_by_code(
    text: str, patterns: Sequence[tuple[str, re.Pattern[str]]]
) -> list[tuple[int, int, str]]:
    """Where each code is, longest code first, a match overlapping a longer one's left out."""
    spans: list[tuple[int, int, str]] = []
    for code, pattern in patterns:
        if code not in text:  # most codes are not in a given text: skip the regex
            continue
        for match in pattern.finditer(text):
            start, end = match.span()
            # a match overlapping one already taken (by a longer code) is part of that one
            if not any(start < e and s < end for s, e, _ in spans):
                spans.append((start, end, code))
    spans.sort()
    return spans


_Patterns = tuple[tuple[str, re.Pattern[str]], ...]


@lru_cache(maxsize=16)
def _code_patterns(codes: tuple[str, ...]) -> tuple[_Patterns, re.Pattern[str] | None]:
    """Each code's whole-word pattern, longest code first (compiled once per glossary); and,
    when no two codes' matches can overlap, one pattern for them all, which finds the same in
    one pass (longest first where two codes start at the same place)."""
    ordered = sorted(codes, key=len, reverse=True)
    patterns = tuple((code, re.compile(_WHOLE.format(re.escape(code)))) for code in ordered)
    if _may_overlap(ordered):
        return patterns, None
    return patterns, re.compile(_WHOLE.format("|".join(re.escape(code) for code in ordered)))


_WHOLE = r"(?<!\w)(?:{})(?!\w)"
_WORD = re.compile(r"\w")


def _may_overlap(codes: Sequence[str]) -> bool:
    """Whether a whole-word match of one code can start inside another's: after a character
    of it that is not a word character, its rest and a code begin alike (МВД and МВД РК at the
    same place are not an overlap of this kind: the longer is taken)."""
    for code in codes:
        for i, character in enumerate(code[:-1]):
            if _WORD.match(character) is None:
                rest = code[i + 1 :]
                if any(rest.startswith(other) or other.startswith(rest) for other in codes):
                    return True
    return False


@dataclass(frozen=True)
class QuarterText:
    year: int
    quarter: int  # as written; may be impossible (0, 5, ...)


@dataclass(frozen=True)
class PeriodText:
    first_year: int
    last_year: int


# The act writes "1 квартал 2017 года" and twice "2 квартал 2017 год"; periods "2017 – 2019 годы"
_QUARTER_TEXT = re.compile(r"([0-9]+) квартал ([0-9]{4}) года?\Z")
_PERIOD_TEXT = re.compile(r"([0-9]{4}) – ([0-9]{4}) годы\Z")


def read_deadline_text(text: str) -> QuarterText | PeriodText | None:
    """What a deadline text says, or None when it is not in one of the act's two forms."""
    if match := _QUARTER_TEXT.match(text):
        return QuarterText(year=int(match[2]), quarter=int(match[1]))
    if match := _PERIOD_TEXT.match(text):
        return PeriodText(first_year=int(match[1]), last_year=int(match[2]))
    return None


def read_costs_text(text: str) -> tuple[bool, float | None] | None:
    """(required, amount in thousand tenge) as the costs text says, or None if unreadable."""
    if text == NO_COSTS_TEXT:
        return (False, None)
    if _AMOUNT.match(text):
        return (True, float(re.sub(r"[ \u00a0]", "", text).replace(",", ".")))
    return None
