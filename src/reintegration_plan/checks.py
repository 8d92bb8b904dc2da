"""Semantic checks beyond the schema. Each returns a list of findings; none raises or prints.

The structured fields must say what the verbatim texts say: executors and their roles, forms,
deadlines, costs and financing are read back from the act's texts (by the act's own
conventions) and compared. A field a review note names is not compared: the note is reported
instead, until a person checks the field and removes it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any
from unicodedata import is_normalized

from .conventions import (
    ABBREVIATION_TOKEN,
    LEAD_MARK,
    NO_COSTS_TEXT,
    UnreadDeadline,
    names_in,
    read_amount_unit,
    read_costs_text,
    read_deadline_text,
    read_executors_text,
    read_financing_text,
    sources_not_required,
)
from .deadlines import Occurrence, describe, duty_occurrences, occurrences
from .models import (
    BODIES,
    Abbreviation,
    AbbreviationsFile,
    Act,
    AmountUnit,
    ColumnRole,
    Deadline,
    Deadlines,
    LeadRule,
    Measure,
    MonthDeadline,
    PeriodDeadline,
    PlanHead,
    PlanPeriod,
    Point,
    QuarterDeadline,
    ReportingDuty,
    Role,
    Section,
    Table,
)
from .problems import Finding, Severity
from .spelling import readings
from .text_checks import (
    LATIN_LETTER,
    LATIN_WORD,
    confusable_codes,
    latin_aliases,
    lookalike_code,
    may_mislead,
    text_findings,
)
from .text_checks import misread_codes as _misread_codes
from .yamlio import Path, PathPart

# Special spaces (no-break, em, …) are named by text_checks, not reported here as well
_STRAY_WHITESPACE = re.compile(r"^\s|\s$|\s\s|[\t\n\r]")


def _error(code: str, message: str, path: Path, *, at_key: bool = False) -> Finding:
    return Finding(Severity.error, code, message, path, at_key)


def _warning(code: str, message: str, path: Path) -> Finding:
    return Finding(Severity.warning, code, message, path)


# --- any document ------------------------------------------------------------


def has_stray_whitespace(text: str) -> bool:
    """Whether ``text`` starts or ends with whitespace, or holds a tab, a line break, a
    non-breaking or other special space, or two whitespace characters in a row."""
    if text.isprintable():  # then its only whitespace character can be the ASCII space
        return text[:1] == " " or text[-1:] == " " or "  " in text
    return _STRAY_WHITESPACE.search(text) is not None


def check_whitespace(data: Any, path: Path = ()) -> Iterator[Finding]:
    """Texts must not start or end with whitespace, nor hold tabs, line breaks or double spaces;
    nor special characters, forms other than NFC or look-alike letters (``text_checks``)."""
    found: list[tuple[Path, str]] = []
    if isinstance(data, str):
        if _suspect(data):
            found.append((path, data))
    else:
        _find_suspects(data, path, found)
    for where, text in found:
        if has_stray_whitespace(text):
            yield _error(
                "whitespace",
                "stray whitespace (leading, trailing, doubled, a tab or a line break): "
                "the act's texts have none",
                where,
            )
        if not text.isascii():
            yield from text_findings(text, where)


def _suspect(text: str) -> bool:
    return has_stray_whitespace(text) or (not text.isascii() and may_mislead(text))


def _find_suspects(node: Any, path: Path, found: list[tuple[Path, str]]) -> None:
    # Visits every value of the file, in document order: strings are tested in the loop (quick
    # tests in C) and only mappings and lists recurse (a generator per value cost 0.25 s on
    # 10,000 measures); the few strings that fail a test are checked in full.
    items: Iterable[tuple[PathPart, Any]]
    if type(node) is dict:
        items = node.items()
    elif type(node) is list:
        items = enumerate(node)
    else:
        return
    for part, value in items:
        kind = type(value)
        if kind is str:
            # _suspect, inlined: this loop sees every value of the file
            if value.isprintable():
                suspect = (
                    value[:1] == " "
                    or value[-1:] == " "
                    or "  " in value
                    or (
                        not value.isascii()
                        and (
                            not is_normalized("NFC", value)
                            or LATIN_LETTER.search(value) is not None
                        )
                    )
                )
            else:
                suspect = not value.isascii() or _STRAY_WHITESPACE.search(value) is not None
            if suspect:
                found.append(((*path, part), value))
        elif kind is dict or kind is list:
            _find_suspects(value, (*path, part), found)


# --- abbreviations file --------------------------------------------------------


def check_abbreviations(file: AbbreviationsFile) -> list[Finding]:
    findings: list[Finding] = []
    seen_codes: dict[str, int] = {}
    seen_aliases: dict[str, int] = {}
    for i, entry in enumerate(file.abbreviations):
        code = entry.code.casefold()
        if code in seen_codes:
            findings.append(
                _error(
                    "duplicate-abbreviation",
                    f"code {entry.code!r} is already defined by entry {seen_codes[code] + 1}",
                    ("abbreviations", i, "code"),
                )
            )
        seen_codes.setdefault(code, i)
        if entry.alias in seen_aliases:
            findings.append(
                _error(
                    "duplicate-abbreviation",
                    f"alias {entry.alias!r} is already used by entry "
                    f"{seen_aliases[entry.alias] + 1}",
                    ("abbreviations", i, "alias"),
                )
            )
        seen_aliases.setdefault(entry.alias, i)
        if entry.name_en is None:
            findings.append(
                _missing_translation(
                    f"{entry.code!r} has no English name (name_en)", ("abbreviations", i)
                )
            )
    return findings + confusable_codes(file)


# --- plan file -----------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What the checks need besides the plan's own texts: the abbreviations file's entries by
    code and the plan period, each None when it could not be read (the checks that need it are
    then skipped, and the reason is reported on its own); the table's columns and the sections'
    ids (read before the measures); the measures' numbers as written."""

    by_code: dict[str, Abbreviation] | None
    period: PlanPeriod | None
    in_error: frozenset[str] = frozenset()  # codes of glossary entries with errors of their own

    @cached_property
    def _in_error_readings(self) -> frozenset[str]:
        return frozenset(reading for code in self.in_error for reading in readings(code))

    def entry_in_error(self, code: str) -> bool:
        """Whether ``code`` is (or reads as) the code of a glossary entry that has an error of
        its own: the plan is not checked against that entry, and its uses of the code are not
        reported (the entry's error says what is wrong: `MТСЗН` with a Latin M)."""
        return bool(self.in_error) and not self._in_error_readings.isdisjoint(readings(code))

    table: Table | None = None
    sections: frozenset[str] = frozenset()
    numbers: frozenset[int | str] = frozenset()
    layout: bool = True  # False: the table could not be read, and the checks needing it wait

    @cached_property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.by_code or ())

    @cached_property
    def aliases(self) -> frozenset[str]:
        """The Latin aliases of the codes."""
        return frozenset(entry.alias for entry in (self.by_code or {}).values())

    @cached_property
    def defined(self) -> frozenset[str]:
        """The codes the act's glossary defines."""
        return frozenset(code for code, entry in (self.by_code or {}).items() if entry.in_glossary)

    @property
    def lead_rule(self) -> LeadRule:
        return self.table.lead if self.table is not None else LeadRule.convener_mark

    def column_role(self, number: int) -> ColumnRole | None:
        if self.table is None:
            return None
        return next((c.role for c in self.table.columns if c.number == number), None)

    def has_role(self, role: ColumnRole) -> bool:
        return self.table is None or any(c.role is role for c in self.table.columns)

    @property
    def single_year(self) -> int | None:
        """The plan's year when its period is one year (a bare month "январь" is in it)."""
        if self.period is None or self.period.first_year != self.period.last_year:
            return None
        return self.period.first_year


def check_head(plan: PlanHead, context: Context) -> list[Finding]:
    """The findings about all but the plan's measures: the act and its points, the table's
    columns, the sections and indicators, the reporting duties, the abbreviations the act's
    texts use, the English translations, the review notes."""
    findings = _check_act(plan)
    findings += _check_layout(plan, context.numbers)
    findings += _check_obligations(plan, context)
    if context.by_code is not None:
        texts = list(_head_texts(plan))
        findings += _abbreviation_use(texts, context)
        findings += latin_aliases(texts, context.by_code)
    findings += _head_translations(plan)
    findings += _head_reviews(plan)
    return findings


def check_measure(measure: Measure, i: int, context: Context) -> list[Finding]:
    """The findings about the measure that is entry ``i`` (the numbers of all the measures
    are checked together, by :func:`check_measure_numbers`)."""
    path: Path = ("measures", i)
    findings: list[Finding] = []
    review = measure.review or {}
    findings += _check_number_text(measure, path)
    if measure.section is not None and measure.section not in context.sections:
        findings.append(_unknown_section(measure.section, (*path, "section")))
    if not context.layout:
        return findings  # the table's columns and lead rule are unknown: its error says why
    if context.by_code is not None and not {"executors", "executors_text"} & review.keys():
        findings += _check_executors(measure, path, context)
    findings += _check_forms(measure, path, context)
    if not {"deadline", "deadline_text"} & review.keys():
        at = ((*path, "deadline_text"), (*path, "deadline"))
        findings += _check_deadline(
            measure.deadline_text, measure.deadline, measure.number, at, context
        )
    findings += _check_other_columns(measure, path, context)
    findings += _check_costs(measure, path, context)
    if not {"financing", "financing_text", "sources_text"} & review.keys():
        findings += _check_financing(measure, path, context)
    if context.by_code is not None:
        with_paths = list(_measure_texts(measure, path))
        if not _codes_as_defined([text for _, text in with_paths], context):
            findings += _abbreviation_use(with_paths, context)
            findings += latin_aliases(with_paths, context.by_code)
    findings += _measure_translations(measure, path)
    findings += _review_notes(measure.review, path, Measure.model_fields)
    return findings


def _check_act(plan: PlanHead) -> list[Finding]:
    findings: list[Finding] = []
    period = plan.act.period
    if period.first_year > period.last_year:
        findings.append(
            _error(
                "period-order",
                f"the plan period starts in {period.first_year}, after it ends "
                f"({period.last_year})",
                ("act", "period"),
            )
        )
    findings += _numbering([p.number for p in plan.points], "point", ("points",))
    for i, point in enumerate(plan.points):
        numbers = [sub.number for sub in point.subpoints]
        what = f"sub-point of point {point.number}"
        findings += _numbering(numbers, what, ("points", i, "subpoints"))
    return findings


def _numbering(numbers: Sequence[int], what: str, path: Path) -> list[Finding]:
    """Points (or sub-points) numbered 1, 2, 3, ... in order. A number past the next one is a
    gap the act may have (№ 15 has no point 2: a warning, to check against the act) when the
    numbering goes on from it; when it goes on from the next one instead, the number is
    mistyped; a number not past the one before is out of order."""
    findings: list[Finding] = []
    previous = 0
    for i, number in enumerate(numbers):
        where: Path = (*path, i, "number")
        following = numbers[i + 1] if i + 1 < len(numbers) else None
        if number <= previous:
            findings.append(
                _error(
                    "point-number-sequence",
                    f"{what} {number} is entry {i + 1}, after {previous}: the act numbers "
                    "them 1, 2, 3, ... in order",
                    where,
                )
            )
            continue
        if number > previous + 1 and following == previous + 2:
            findings.append(
                _error(
                    "point-number-sequence",
                    f"{what} {number} should be {previous + 1}: it is listed between "
                    f"{previous} and {following}",
                    where,
                )
            )
            number = previous + 1
        elif number > previous + 1:
            findings.append(
                _warning(
                    "point-number-gap",
                    f"{what} {number} follows {previous or 'nothing'}: the numbers between "
                    "are missing; keep it so only if the act skips them too (as № 15 skips "
                    "its point 2)",
                    where,
                )
            )
        previous = number
    return findings


def _check_layout(plan: PlanHead, numbers: Collection[int | str]) -> list[Finding]:
    """The table's columns, the sections and the indicator rows."""
    findings: list[Finding] = []
    if plan.table is not None:
        seen: set[int] = set()
        for j, column in enumerate(plan.table.columns):
            if column.number is not None and column.number in seen:
                findings.append(
                    _error(
                        "table-columns",
                        f"column number {column.number} is used twice: the act numbers each "
                        "column once",
                        ("table", "columns", j, "number"),
                    )
                )
            if column.number is not None:
                seen.add(column.number)
        roles = [c.role for c in plan.table.columns]
        for role in (ColumnRole.text, ColumnRole.executors, ColumnRole.deadline):
            if role not in roles:
                findings.append(
                    _error(
                        "table-columns",
                        f"the table has no column of role {role.value}: every plan names its "
                        "measures, their executors and their deadlines",
                        ("table", "columns"),
                    )
                )
        for role in (ColumnRole.number, ColumnRole.text, ColumnRole.executors):
            if roles.count(role) > 1:
                findings.append(
                    _error(
                        "table-columns",
                        f"the table has {roles.count(role)} columns of role {role.value}; "
                        "one at most",
                        ("table", "columns"),
                    )
                )
    ids: set[str] = set()
    for j, section in enumerate(plan.sections):
        if section.id in ids:
            findings.append(
                _error(
                    "duplicate-section",
                    f"section id {section.id!r} is used twice",
                    ("sections", j, "id"),
                )
            )
        if section.parent is not None and section.parent not in ids:
            findings.append(_unknown_section(section.parent, ("sections", j, "parent")))
        ids.add(section.id)
    for j, row in enumerate(plan.indicators):
        if row.section is not None and row.section not in ids:
            findings.append(_unknown_section(row.section, ("indicators", j, "section")))
        if row.before_measure is not None and numbers and row.before_measure not in numbers:
            findings.append(
                _error(
                    "unknown-measure",
                    f"there is no measure {row.before_measure} for the indicator row to stand "
                    "before",
                    ("indicators", j, "before_measure"),
                )
            )
    return findings


def _unknown_section(name: str, path: Path) -> Finding:
    return _error(
        "unknown-section",
        f"there is no section {name!r} before it: name one of the `sections` ids",
        path,
    )


# --- measure numbers ---------------------------------------------------------------


def check_measure_numbers(numbers: Sequence[int | str | None]) -> list[Finding]:
    """The measures are numbered 1, 2, 3, ... in the act's order (or 1.1, 1.2, 2.1, ... when
    each section numbers its own: :func:`_check_dotted_numbers`): each mistake is one finding.

    ``numbers`` are read from the file's data, entry by entry (None where an entry has no
    number that is a positive integer: its schema error says so). The longest run of entries
    in increasing order is taken as right; the other entries are repeats of a number or out of
    order, and the numbers absent from a gap in that run are missing. A deleted measure is
    then one finding ("measure 5 is missing"), not one for every measure after it; a copied
    or swapped one likewise; and an entry alone in a gap of one number is a mistyped number
    ("measure number 30 should be 3").
    """
    if any(isinstance(number, str) for number in numbers):
        return _check_dotted_numbers(numbers)
    whole = [number if isinstance(number, int) else None for number in numbers]
    return _check_whole_numbers(whole)


def _check_whole_numbers(numbers: Sequence[int | None]) -> list[Finding]:
    first_entry: dict[int, int] = {}
    repeats: list[int] = []
    for i, number in enumerate(numbers):
        if number is None:
            continue
        if number in first_entry:
            repeats.append(i)
        else:
            first_entry[number] = i
    in_order = _increasing_run([i for i in first_entry.values()], numbers)
    chosen = set(in_order)
    stray = sorted([*repeats, *(i for i in first_entry.values() if i not in chosen)])
    present = sorted(first_entry)
    findings: list[Finding] = []
    reported: set[int] = set()
    # the gaps: before the first entry in order, and between each two
    bounds = [(-1, 0), *((i, numbers[i]) for i in in_order)]
    for (before, low), (at, high) in itertools.pairwise(bounds):
        assert low is not None and high is not None
        if high == low + 1 or None in numbers[before + 1 : at]:
            continue  # nothing missing, or an entry with no number may be the one missing
        missing = _missing_runs(present, low, high)
        inside = [i for i in stray if before < i < at]
        if len(inside) == 1 and low + 2 == high and missing:
            reported.add(inside[0])
            repeated = first_entry if inside[0] in repeats else None
            findings.append(_mistyped(numbers, inside[0], low + 1, repeated))
            continue
        for first, last in missing:
            findings.append(_missing(numbers, at, first, last, low))
    for i in stray:
        if i in reported:
            continue
        if i in repeats:
            findings.append(_repeat(numbers, i, first_entry))
        else:
            findings.append(_out_of_order(numbers, i))
    return sorted(findings, key=lambda finding: finding.path)


def _increasing_run(entries: list[int], numbers: Sequence[int | None]) -> list[int]:
    """The longest run of ``entries`` whose numbers increase (the first such run found by
    patience sorting: of two swapped measures, the later stays in the run)."""
    tails: list[int] = []  # tails[k]: the entry ending the best run of length k + 1
    tail_numbers: list[int] = []
    previous: dict[int, int | None] = {}
    for i in entries:
        number = numbers[i]
        assert number is not None
        k = bisect.bisect_left(tail_numbers, number)
        previous[i] = tails[k - 1] if k else None
        if k == len(tails):
            tails.append(i)
            tail_numbers.append(number)
        else:
            tails[k] = i
            tail_numbers[k] = number
    run: list[int] = []
    at = tails[-1] if tails else None
    while at is not None:
        run.append(at)
        at = previous[at]
    return run[::-1]


def _missing_runs(present: list[int], low: int, high: int) -> list[tuple[int, int]]:
    """The runs of numbers between ``low`` and ``high`` (both excluded) that no entry has."""
    runs = []
    start = low + 1
    for number in present[bisect.bisect_right(present, low) : bisect.bisect_left(present, high)]:
        if number > start:
            runs.append((start, number - 1))
        start = number + 1
    if start < high:
        runs.append((start, high - 1))
    return runs


def _neighbours(numbers: Sequence[int | None], i: int) -> str:
    """Where entry ``i`` is listed: after and before the numbers of the entries around it."""
    before = next((n for n in reversed(numbers[:i]) if n is not None), None)
    after = next((n for n in numbers[i + 1 :] if n is not None), None)
    assert before is not None or after is not None  # a stray entry has a numbered other
    if before is None:
        return f"it is listed before measure {after}"
    if after is None:
        return f"it is listed after measure {before}"
    return f"it is listed between measures {before} and {after}"


def _number_path(i: int) -> Path:
    return ("measures", i, "number")


def _missing(numbers: Sequence[int | None], at: int, first: int, last: int, low: int) -> Finding:
    what = f"measure {first} is" if first == last else f"measures {first} to {last} are"
    where = f"go from {low} to {numbers[at]}" if low else f"start at {numbers[at]}"
    return _error(
        "measure-number-sequence",
        f"{what} missing: the numbers {where}",
        _number_path(at),
    )


def _mistyped(
    numbers: Sequence[int | None], i: int, expected: int, first_entry: dict[int, int] | None
) -> Finding:
    """Entry ``i``, alone where measure ``expected`` is missing (``first_entry``: when its
    number is another entry's, where each number is first)."""
    message = f"measure number {numbers[i]} should be {expected}: {_neighbours(numbers, i)}"
    if first_entry is not None:
        number = numbers[i]
        assert number is not None
        message += f", and entry {first_entry[number] + 1} is measure {number}"
    code = "measure-number-sequence" if first_entry is None else "duplicate-measure-number"
    return _error(code, message, _number_path(i))


def _repeat(numbers: Sequence[int | None], i: int, first_entry: dict[int, int]) -> Finding:
    number = numbers[i]
    assert number is not None
    return _error(
        "duplicate-measure-number",
        f"measure number {number} is already used by entry {first_entry[number] + 1}: each "
        "measure has its own number",
        _number_path(i),
    )


def _out_of_order(numbers: Sequence[int | None], i: int) -> Finding:
    return _error(
        "measure-number-sequence",
        f"measure {numbers[i]} is out of order: {_neighbours(numbers, i)}; measures are listed "
        "in the act's order",
        _number_path(i),
    )


def _check_dotted_numbers(numbers: Sequence[int | str | None]) -> list[Finding]:
    """Dotted numbers: each unique, each the next at its level (1.2 after 1.1) or the first of
    the next section (2.1 after 1.7)."""
    findings: list[Finding] = []
    first_entry: dict[int | str, int] = {}
    previous: int | str | None = None
    for i, number in enumerate(numbers):
        if number is None:
            continue
        if number in first_entry:
            findings.append(
                _error(
                    "duplicate-measure-number",
                    f"measure number {number} is already used by entry "
                    f"{first_entry[number] + 1}: each measure has its own number",
                    _number_path(i),
                )
            )
            continue
        first_entry[number] = i
        if not _follows(previous, number):
            after = f"after {previous}" if previous is not None else "first"
            findings.append(
                _error(
                    "measure-number-sequence",
                    f"measure number {number} comes {after}: dotted numbers go 1.1, 1.2, ... "
                    "within a section and start again at .1 in the next (2.1)",
                    _number_path(i),
                )
            )
        previous = number
    return findings


def _follows(previous: int | str | None, number: int | str) -> bool:
    """Whether the dotted ``number`` may follow ``previous``: the next at its level (1.2 after
    1.1), or the first of the next section (2.1 after 1.7)."""
    parts = [int(p) for p in str(number).split(".")]
    if previous is None:
        return parts[-1] == 1 and parts[0] == 1
    if isinstance(previous, int):
        return False
    before = [int(p) for p in previous.split(".")]
    if len(before) != len(parts):
        return False
    for level in range(len(parts)):
        if parts[:level] == before[:level] and parts[level] == before[level] + 1:
            return all(p == 1 for p in parts[level + 1 :])
    return False


def _check_number_text(measure: Measure, path: Path) -> list[Finding]:
    if measure.number_text is None:
        return []
    digits = measure.number_text.strip().rstrip(".")
    last = str(measure.number).split(".")[-1]
    if digits in (last, str(measure.number)):
        return []
    return [
        _error(
            "number-text-mismatch",
            f"number_text {measure.number_text!r} is not measure {measure.number}'s number "
            f"as the act writes it (expected {last!r}, with or without a final dot)",
            (*path, "number_text"),
        )
    ]


# --- the plan's parties and the measures' columns ------------------------------------------


def _known_party(name: str, by_code: dict[str, Abbreviation], point_text: str) -> bool:
    return name in BODIES or name in by_code or names_in(name, point_text)


def _point_text(plan: PlanHead, point: str) -> str:
    """The text of a point and, for a sub-point, of the point that leads into it."""
    number, _, sub = point.partition(".")
    for p in plan.points:
        if str(p.number) == number:
            if not sub:
                return p.text
            return " ".join([p.text, *(s.text for s in p.subpoints if str(s.number) == sub)])
    return ""


def _check_obligations(plan: PlanHead, context: Context) -> list[Finding]:
    by_code = context.by_code
    findings: list[Finding] = []
    point_ids = {str(p.number) for p in plan.points} | {
        f"{p.number}.{s.number}" for p in plan.points for s in p.subpoints
    }
    by_id = {duty.id: duty for duty in plan.reporting_duties}
    seen: set[str] = set()
    for i, obligation in enumerate(plan.reporting_duties):
        path: Path = ("reporting_duties", i)
        if obligation.id in seen:
            findings.append(
                _error(
                    "duplicate-obligation",
                    f"obligation id {obligation.id!r} is used twice",
                    (*path, "id"),
                )
            )
        seen.add(obligation.id)
        if obligation.id.startswith("measure-"):
            findings.append(
                _error(
                    "duplicate-obligation",
                    f"obligation id {obligation.id!r} starts like the measures' obligations "
                    "(measure-5, measure-5-2023Q1): name the duty otherwise",
                    (*path, "id"),
                )
            )
        if obligation.point not in point_ids:
            findings.append(
                _error(
                    "unknown-point",
                    f"the resolution has no point {obligation.point}",
                    (*path, "point"),
                )
            )
        text = _point_text(plan, obligation.point)
        for field in ("obligors", "by_agreement", "recipients"):
            for j, name in enumerate(getattr(obligation, field)):
                if by_code is None or _known_party(name, by_code, text):
                    continue
                if context.entry_in_error(name):
                    continue
                lookalike = lookalike_code(name, (*path, field, j), by_code)
                if lookalike is not None:
                    findings.append(lookalike)
                elif not _misread_codes(name, by_code):  # else its letters are named
                    findings.append(
                        _error(
                            "unknown-agency",
                            f"{name!r} is neither an agency code in the abbreviations file, nor "
                            f"one of the bodies {', '.join(sorted(BODIES))}, nor named so in "
                            f"point {obligation.point}",
                            (*path, field, j),
                        )
                    )
        for j, name in enumerate(obligation.by_agreement):
            if name not in obligation.obligors:
                findings.append(
                    _error(
                        "by-agreement-not-obligor",
                        f"{name!r} is listed as by agreement but is not among the obligors",
                        (*path, "by_agreement", j),
                    )
                )
        if obligation.follows is not None:
            findings += _check_follows(obligation, by_id, plan.act.period, path)
    return findings


def _check_follows(
    duty: ReportingDuty, by_id: dict[str, ReportingDuty], period: PlanPeriod, path: Path
) -> list[Finding]:
    """A second-level duty: the one it follows exists, it is owed by that one's recipients,
    and each of its occurrences falls due after the one it follows (the same period's)."""
    followed = by_id.get(duty.follows or "")
    where: Path = (*path, "follows")
    if followed is None or followed is duty:
        return [
            _error(
                "unknown-duty",
                f"there is no other reporting duty {duty.follows!r} to follow: name one of "
                f"{', '.join(sorted(set(by_id) - {duty.id})) or 'none'}",
                where,
            )
        ]
    findings = []
    strangers = [name for name in duty.obligors if name not in followed.recipients]
    if strangers:
        findings.append(
            _error(
                "follows-not-recipient",
                f"{', '.join(strangers)} owes duty {duty.id!r} but does not receive "
                f"{followed.id!r}, which it follows: a second-level duty is the recipient "
                "reporting onward",
                (*path, "obligors"),
            )
        )
    years = (period.first_year, period.last_year)
    earlier = {o.ends: o.due for o in duty_occurrences(followed.schedule, *years) if o.ends}
    for occurrence in duty_occurrences(duty.schedule, *years):
        before = earlier.get(occurrence.ends) if occurrence.ends else None
        if before is not None and occurrence.due is not None and occurrence.due <= before:
            findings.append(
                _error(
                    "follows-too-early",
                    f"duty {duty.id!r} on the period ending {occurrence.ends} is due "
                    f"{occurrence.due}, not after {followed.id!r} it follows (due {before})",
                    (*path, "schedule"),
                )
            )
            break
    return findings


def _what_to_do(code: str, by_code: Collection[str]) -> str:
    """What to do about an executor's code the abbreviations file lacks: the code it is most
    likely a typo of (МТЗСН: МТСЗН), else add it."""
    from difflib import get_close_matches  # (only on this error's way)

    close = get_close_matches(code, sorted(by_code), n=1, cutoff=0.6)
    if close:
        return f"did you mean {close[0]!r}? Else add an entry for it there"
    return "correct the code, or add an entry for it there"


def _check_executors(measure: Measure, path: Path, context: Context) -> list[Finding]:
    by_code, codes = context.by_code or {}, context.codes
    findings: list[Finding] = []
    seen: set[str] = set()
    for j, executor in enumerate(measure.executors):
        entry = by_code.get(executor.agency)
        where = (*path, "executors", j, "agency")
        if entry is None:
            lookalike = lookalike_code(executor.agency, where, by_code)
            if context.entry_in_error(executor.agency):
                pass
            elif lookalike is not None:
                findings.append(lookalike)
            elif not _misread_codes(executor.agency, by_code):  # else its letters are named
                findings.append(
                    _error(
                        "unknown-agency",
                        f"executor {executor.agency!r} is not defined in the abbreviations file: "
                        + _what_to_do(executor.agency, by_code),
                        where,
                    )
                )
        elif not entry.executor:
            findings.append(
                _error(
                    "not-an-executor",
                    f"{executor.agency!r} ({entry.expansion}) is not an agency that can execute "
                    "measures (executor: false in the abbreviations file)",
                    (*path, "executors", j, "agency"),
                )
            )
        if executor.agency in seen:
            findings.append(
                _error(
                    "duplicate-executor",
                    f"executor {executor.agency!r} is listed twice in measure {measure.number}",
                    (*path, "executors", j, "agency"),
                )
            )
        seen.add(executor.agency)
    first_named = context.lead_rule is LeadRule.first_named
    leads = [e for e in measure.executors if e.role is Role.lead]
    if len(leads) != 1:
        rule = (
            f"the agency marked {LEAD_MARK}, or the one named first"
            if first_named
            else f"the agency marked {LEAD_MARK}, or the sole agency"
        )
        findings.append(
            _error(
                "lead-count",
                f"measure {measure.number} has {len(leads)} lead executors; exactly one is the "
                f"lead ({rule})",
                (*path, "executors"),
            )
        )
    # a code whose glossary entry has an error of its own is read as the plan writes it
    pending = tuple(e.agency for e in measure.executors if context.entry_in_error(e.agency))
    expected = read_executors_text(measure.executors_text, (*codes, *pending))
    unmarked = expected and not any(lead for _, lead, _ in expected)
    if unmarked and (len(expected) == 1 or first_named):  # a sole agency leads; or the first
        expected[0] = (expected[0][0], True, expected[0][2])
    actual = [(e.agency, e.role is Role.lead, e.by_agreement) for e in measure.executors]
    # a Latin alias or a look-alike letter is named where it is written; the lists compared
    # would only say that the agencies differ
    if expected != actual and not findings and not _misread(measure, by_code):
        findings.append(
            _error(
                "executors-mismatch",
                f"executors do not match executors_text: the text says {_describe(expected)}, "
                f"the list says {_describe(actual)}",
                (*path, "executors"),
            )
        )
    return findings


def _misread(measure: Measure, by_code: dict[str, Abbreviation]) -> bool:
    """Whether the measure's executors text or an executor not in the glossary is written with
    a Latin alias or look-alike letters."""
    return _misread_codes(measure.executors_text, by_code) or any(
        _misread_codes(e.agency, by_code) for e in measure.executors if e.agency not in by_code
    )


def _describe(executors: list[tuple[str, bool, bool]]) -> str:
    parts = []
    for code, lead, agreement in executors:
        marks = (" (lead)" if lead else "") + (" (by agreement)" if agreement else "")
        parts.append(code + marks)
    return "[" + "; ".join(parts) + "]"


def _no_column(field: str, role: ColumnRole, path: Path) -> Finding:
    return _error(
        "unknown-column",
        f"{field} is given but the table has no column of role {role.value}",
        (*path, field),
    )


def _check_forms(measure: Measure, path: Path, context: Context) -> list[Finding]:
    findings: list[Finding] = []
    if measure.form_text is None or measure.forms is None:
        return findings
    if not context.has_role(ColumnRole.form):
        findings.append(_no_column("form_text", ColumnRole.form, path))
    if "forms" in (measure.review or {}):
        return findings
    if ", ".join(measure.forms) != measure.form_text:
        findings.append(
            _error(
                "forms-mismatch",
                f"forms {measure.forms} joined with ', ' do not give form_text "
                f"{measure.form_text!r}",
                (*path, "forms"),
            )
        )
    return findings


def _check_deadline(
    text: str,
    deadline: Deadlines,
    number: int | str,
    at: tuple[Path, Path],
    context: Context,
) -> list[Finding]:
    """The deadline says what its text says, lies inside the plan period, and falls due once
    for each of its keys (several deadlines in a cell). ``at``: the paths of the text and of
    the deadline."""
    read = read_deadline_text(text, context.single_year)
    text_path, where = at
    if isinstance(read, UnreadDeadline) and read.impossible:
        code = "impossible-quarter" if "quarter" in read.reason else "impossible-deadline"
        return [_error(code, f"deadline text {text!r} {read.reason}", text_path)]
    if isinstance(read, UnreadDeadline):
        return [
            _error(
                "deadline-text-unread",
                f"deadline text {text!r} is not read: it {read.reason} (README, "
                '"Deadline rules"); check the text, or give the deadline by hand with a review '
                "note (review: {deadline: …})",
                text_path,
            )
        ]
    findings: list[Finding] = []
    if read != _as_written(deadline):
        findings.append(
            _error(
                "deadline-mismatch",
                f"deadline {describe(deadline)} does not say what deadline_text {text!r} says "
                f"({describe(read)})",
                where,
            )
        )
    period = context.period
    each = list(deadline) if isinstance(deadline, list) else [deadline]
    keys: dict[str, None] = {}
    for item in each:
        found = _order(item, where)
        findings += found
        if found or period is None:  # without a valid plan period, its error says so
            continue
        happens = occurrences(item, period.first_year, period.last_year)
        if _outside(item, happens, period):
            findings.append(
                _error(
                    "deadline-outside-period",
                    f"deadline {describe(item)} is outside the plan period "
                    f"{period.first_year}–{period.last_year}",
                    where,
                )
            )
        for occurrence in happens:
            if occurrence.key in keys:
                findings.append(
                    _error(
                        "duplicate-deadline",
                        f"measure {number}'s deadlines fall due twice for {occurrence.key}: "
                        "each deadline of a cell is another",
                        where,
                    )
                )
                break
            keys[occurrence.key] = None
    return findings


def _as_written(deadline: Deadlines) -> Deadlines:
    """The deadline as its text can say it: a month's ``due_day`` comes from a point of the
    act ("не позднее 1 числа месяца, определенного Планом"), not from the cell."""
    if isinstance(deadline, list):
        return [_one_as_written(d) for d in deadline]
    return _one_as_written(deadline)


def _one_as_written(deadline: Deadline) -> Deadline:
    if isinstance(deadline, MonthDeadline) and deadline.due_day is not None:
        return deadline.model_copy(update={"due_day": None})
    return deadline


def _order(deadline: Deadline, where: Path) -> list[Finding]:
    """A span that ends before it starts."""
    spans = {
        "period": ("first_year", "last_year"),
        "quarters": ("first_year", "first_quarter", "last_year", "last_quarter"),
        "months": ("first_year", "first_month", "last_year", "last_month"),
        "date_range": ("first", "last"),
        "recurring": ("first_year", "last_year"),
    }
    names = spans.get(deadline.kind)
    if names is None:
        return []
    values = [getattr(deadline, name) for name in names]
    half = len(values) // 2
    first, last = tuple(values[:half]), tuple(values[half:])
    if None in first or None in last or first <= last:
        return []
    if deadline.kind == "period":
        message = f"the period starts in {first[0]}, after it ends ({last[0]})"
    else:
        message = f"deadline {describe(deadline)} starts after it ends"
    return [_error("period-order", message, where)]


def _outside(deadline: Deadline, happens: list[Occurrence], period: PlanPeriod) -> bool:
    if isinstance(deadline, QuarterDeadline | PeriodDeadline):  # 912's forms, by their years
        years = (
            (deadline.year, deadline.year)
            if isinstance(deadline, QuarterDeadline)
            else (deadline.first_year, deadline.last_year)
        )
        return years[0] < period.first_year or years[1] > period.last_year
    days = [day for o in happens for day in (o.start, o.due) if day is not None]
    if deadline.kind == "recurring" and not happens:
        return True  # its years lie outside the plan period
    return any(not period.first_year <= day.year <= period.last_year for day in days)


def _check_other_columns(measure: Measure, path: Path, context: Context) -> list[Finding]:
    findings: list[Finding] = []
    columns: list[tuple[str, ColumnRole, list[int]]] = [
        ("other_deadlines", ColumnRole.deadline, [c.column for c in measure.other_deadlines]),
        ("other_cells", ColumnRole.other, [c.column for c in measure.other_cells]),
    ]
    for field, role, numbers in columns:
        for j, number in enumerate(numbers):
            if context.column_role(number) is not role:
                findings.append(
                    _error(
                        "unknown-column",
                        f"column {number} is not a column of role {role.value} in table.columns",
                        (*path, field, j, "column"),
                    )
                )
    for j, column in enumerate(measure.other_deadlines):
        cell: Path = (*path, "other_deadlines", j)
        at = ((*cell, "text"), (*cell, "deadline"))
        findings += _check_deadline(column.text, column.deadline, measure.number, at, context)
    return findings


def _check_costs(measure: Measure, path: Path, context: Context) -> list[Finding]:
    findings: list[Finding] = []
    if measure.costs_text is None or measure.costs is None:
        return findings
    if not context.has_role(ColumnRole.costs):
        findings.append(_no_column("costs_text", ColumnRole.costs, path))
    if "costs" in (measure.review or {}):
        return findings
    read = read_costs_text(measure.costs_text)
    if read is None:
        return [
            *findings,
            _warning(
                "costs-text-unread",
                f"costs text {measure.costs_text!r} is neither {NO_COSTS_TEXT!r} nor an amount; "
                "check the costs fields by hand",
                (*path, "costs_text"),
            ),
        ]
    actual = (measure.costs.required, measure.costs.amount_thousand_tenge)
    if actual != read:
        findings.append(
            _error(
                "costs-mismatch",
                f"costs (required: {actual[0]}, amount: {actual[1]}) do not say what costs_text "
                f"{measure.costs_text!r} says (required: {read[0]}, amount: {read[1]})",
                (*path, "costs"),
            )
        )
    return findings


def _check_financing(measure: Measure, path: Path, context: Context) -> list[Finding]:
    """The financing columns: the amounts as the amount cell says them (in the unit its column
    heading names), the sources named in the sources cell, and nothing required when either
    says "не требуются"."""
    findings: list[Finding] = []
    if measure.financing_text is not None and not context.has_role(ColumnRole.financing):
        findings.append(_no_column("financing_text", ColumnRole.financing, path))
    if measure.sources_text is not None and not context.has_role(ColumnRole.sources):
        findings.append(_no_column("sources_text", ColumnRole.sources, path))
    financing = measure.financing
    if financing is None or findings:
        return findings
    where: Path = (*path, "financing")
    if measure.financing_text is not None:
        read = read_financing_text(measure.financing_text, _column_unit(context))
        if read is None:
            findings.append(
                _warning(
                    "financing-text-unread",
                    f"financing text {measure.financing_text!r} is neither 'не требуются' nor "
                    "amounts; check the financing fields by hand (or mark them for review)",
                    (*path, "financing_text"),
                )
            )
        else:
            said = (read[0], [(a.amount, a.unit, a.year) for a in read[1]])
            given = (
                financing.required,
                [(a.amount, a.unit, a.year) for a in financing.amounts],
            )
            if said != given:
                findings.append(
                    _error(
                        "financing-mismatch",
                        f"financing (required: {given[0]}, amounts: {_amounts(given[1])}) "
                        f"does not say what financing_text {measure.financing_text!r} says "
                        f"(required: {said[0]}, amounts: {_amounts(said[1])})",
                        where,
                    )
                )
    sources = measure.sources_text
    if sources is not None and sources_not_required(sources) and financing.required:
        findings.append(
            _error(
                "financing-mismatch",
                f"financing is required, but sources_text {sources!r} says none is",
                where,
            )
        )
    for j, amount in enumerate(financing.amounts):
        cell = f"{measure.sources_text or ''} {measure.financing_text or ''}"
        for field in ("source", "programme"):
            value = getattr(amount, field)
            if value is not None and not names_in(value, cell):
                findings.append(
                    _error(
                        "financing-mismatch",
                        f"{field} {value!r} is not named in the financing or sources text",
                        (*where, "amounts", j, field),
                    )
                )
    return findings


def _column_unit(context: Context) -> AmountUnit | None:
    if context.table is None:
        return None
    for column in context.table.columns:
        if column.role is ColumnRole.financing:
            return read_amount_unit(f"{column.group or ''} {column.heading}")
    return None


def _amounts(amounts: Sequence[tuple[float | None, AmountUnit, int | None]]) -> str:
    parts = []
    for amount, unit, year in amounts:
        parts.append((f"{year}: " if year else "") + f"{amount} {unit.value}")
    return "[" + "; ".join(parts) + "]"


def _review_notes(
    review: dict[str, str] | None, path: Path, fields: Iterable[str]
) -> list[Finding]:
    """Each review note is a warning (a person checks the field and removes the note); a note
    on a field the object does not have is an error."""
    findings: list[Finding] = []
    known = set(fields)
    for name, note in (review or {}).items():
        where: Path = (*path, "review", name)
        if name not in known:
            findings.append(
                _error(
                    "review-unknown-field",
                    f"review note on {name!r}, which is not a field here: name one of "
                    f"{', '.join(sorted(known - {'review'}))}",
                    where,
                )
            )
        else:
            findings.append(
                _warning(
                    "review-note",
                    f"{name} is left for review: {note} (check it against the act, then "
                    "remove the note)",
                    where,
                )
            )
    return findings


def _head_reviews(plan: PlanHead) -> list[Finding]:
    findings = _review_notes(plan.act.review, ("act",), Act.model_fields)
    for i, point in enumerate(plan.points):
        findings += _review_notes(point.review, ("points", i), Point.model_fields)
    for i, duty in enumerate(plan.reporting_duties):
        findings += _review_notes(duty.review, ("reporting_duties", i), ReportingDuty.model_fields)
    for i, section in enumerate(plan.sections):
        findings += _review_notes(section.review, ("sections", i), Section.model_fields)
    return findings


def _head_texts(plan: PlanHead) -> Iterator[tuple[Path, str]]:
    if plan.act.preamble is not None:
        yield ("act", "preamble"), plan.act.preamble
    yield ("act", "plan_title"), plan.act.plan_title
    for i, point in enumerate(plan.points):
        yield ("points", i, "text"), point.text
        for j, sub in enumerate(point.subpoints):
            yield ("points", i, "subpoints", j, "text"), sub.text
    for i, section in enumerate(plan.sections):
        yield ("sections", i, "heading"), section.heading
        for j, note in enumerate(section.notes):
            yield ("sections", i, "notes", j), note
    for i, row in enumerate(plan.indicators):
        for j, cell in enumerate(row.cells):
            yield ("indicators", i, "cells", j), cell


def _measure_texts(measure: Measure, path: Path) -> Iterator[tuple[Path, str]]:
    for name in MEASURE_TEXTS:
        text = getattr(measure, name)
        if text is not None:
            yield (*path, name), text
    for j, column in enumerate(measure.other_deadlines):
        yield (*path, "other_deadlines", j, "text"), column.text
    for j, cell in enumerate(measure.other_cells):
        yield (*path, "other_cells", j, "text"), cell.text


@lru_cache(maxsize=16)
def compound_codes(codes: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The glossary's codes that hold an abbreviation but are more than one (ОД/ФТ, КВА ГП,
    КПСиСУ ГП), longest first, each with its whole-word pattern."""
    found = [
        code
        for code in codes
        if ABBREVIATION_TOKEN.search(code) and not ABBREVIATION_TOKEN.fullmatch(code)
    ]
    found.sort(key=len, reverse=True)
    return tuple((c, re.compile(r"(?<!\w)" + re.escape(c) + r"(?!\w)")) for c in found)


_LATIN_CAPITAL = re.compile("[A-Z]")


def _codes_as_defined(texts: Sequence[str], context: Context) -> bool:
    """Whether ``texts`` use only codes the act's glossary defines, and no Latin alias: then
    :func:`_abbreviation_use` and ``latin_aliases`` find nothing in them. Quick (a search of
    them all, and a second only when they hold a Latin capital): most measures are so."""
    joined = "\n".join(texts)
    if not set(ABBREVIATION_TOKEN.findall(joined)) <= context.defined:
        return False
    return _LATIN_CAPITAL.search(joined) is None or context.aliases.isdisjoint(
        LATIN_WORD.findall(joined)
    )


def _abbreviation_use(texts: Sequence[tuple[Path, str]], context: Context) -> list[Finding]:
    by_code = context.by_code or {}
    findings: list[Finding] = []
    compound = compound_codes(context.codes)
    for path, text in texts:
        for code, pattern in compound:
            if code in text:  # ОД/ФТ, КВА ГП: defined whole, not as ОД and ФТ
                text = pattern.sub(" ", text)
        for token in dict.fromkeys(ABBREVIATION_TOKEN.findall(text)):
            entry = by_code.get(token)
            if entry is None and context.entry_in_error(token):
                continue
            if entry is None:
                findings.append(
                    _warning(
                        "undefined-abbreviation",
                        f"{token!r} is used but not defined in the abbreviations file",
                        path,
                    )
                )
            elif not entry.in_glossary:
                findings.append(
                    _warning(
                        "undefined-abbreviation",
                        f"{token!r} is used but the act's glossary does not define it "
                        "(the abbreviations file marks it in_glossary: false)",
                        path,
                    )
                )
    return findings


# --- English translations ---------------------------------------------------------

ACT_TRANSLATIONS = (
    ("title", "title_en"),
    ("basis.title", "basis_title_en"),
    ("preamble", "preamble_en"),
    ("approval_note", "approval_note_en"),
    ("plan_title", "plan_title_en"),
    ("footnote", "footnote_en"),
)
MEASURE_COLUMNS = ("text", "form_text", "executors_text", "deadline_text", "costs_text")
MEASURE_TEXTS = (*MEASURE_COLUMNS, "financing_text", "sources_text")
"""A measure's verbatim cells, 912's five columns first."""


def _missing_translation(message: str, path: Path) -> Finding:
    return _warning("missing-translation", message, path)


def _head_translations(plan: PlanHead) -> list[Finding]:
    findings: list[Finding] = []
    if plan.translations is None:
        findings.append(
            _missing_translation(
                "no 'translations' entry: add 'translations: {en: {official: false, note: ...}}' "
                "to say the English texts are an unofficial translation",
                (),
            )
        )
    act = plan.act
    for russian, english in ACT_TRANSLATIONS:
        if _given(act, russian) and getattr(act, english) is None:
            findings.append(
                _missing_translation(
                    f"act.{russian} has no English translation ({english})", ("act",)
                )
            )
    for field in ("position", "name") if act.signatory is not None else ():
        if getattr(act.signatory, f"{field}_en") is None:
            findings.append(
                _missing_translation(
                    f"act.signatory.{field} has no English translation ({field}_en)",
                    ("act", "signatory"),
                )
            )
    for i, point in enumerate(plan.points):
        if point.text_en is None:
            findings.append(
                _missing_translation(
                    f"point {point.number} has no English translation (text_en)", ("points", i)
                )
            )
        for j, sub in enumerate(point.subpoints):
            if sub.text_en is None:
                findings.append(
                    _missing_translation(
                        f"sub-point {point.number}.{sub.number} has no English translation "
                        "(text_en)",
                        ("points", i, "subpoints", j),
                    )
                )
    for i, duty in enumerate(plan.reporting_duties):
        if duty.title_en is None:
            findings.append(
                _missing_translation(
                    f"reporting duty {duty.id!r} has no English title (title_en)",
                    ("reporting_duties", i),
                )
            )
    for i, section in enumerate(plan.sections):
        if section.heading_en is None:
            findings.append(
                _missing_translation(
                    f"section {section.id!r} has no English heading (heading_en)",
                    ("sections", i),
                )
            )
    return findings


def _given(act: Act, dotted: str) -> bool:
    """Whether the act has the field (``basis.title``: its basis has a title)."""
    value: object = act
    for part in dotted.split("."):
        value = getattr(value, part, None)
    return value is not None


def _measure_translations(measure: Measure, path: Path) -> list[Finding]:
    texts = [name for name in MEASURE_TEXTS if getattr(measure, name) is not None]
    if measure.en is None:
        return [
            _missing_translation(
                f"measure {measure.number} has no English translation (en: with "
                f"{', '.join(texts)})",
                path,
            )
        ]
    return []
