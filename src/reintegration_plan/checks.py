"""Semantic checks beyond the schema. Each returns a list of findings; none raises or prints.

The structured fields must say what the verbatim texts say: executors and their roles, forms,
deadlines and costs are read back from the act's texts (by the act's own conventions) and
compared.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any
from unicodedata import is_normalized

from .conventions import (
    ABBREVIATION_TOKEN,
    LEAD_MARK,
    NO_COSTS_TEXT,
    PeriodText,
    QuarterText,
    read_costs_text,
    read_deadline_text,
    read_executors_text,
)
from .models import (
    BODIES,
    Abbreviation,
    AbbreviationsFile,
    Measure,
    PeriodDeadline,
    PlanHead,
    PlanPeriod,
    QuarterDeadline,
    Role,
)
from .problems import Finding, Severity
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
    return findings + confusable_codes(file)


# --- plan file -----------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What the checks need besides the plan's own texts: the abbreviations file's entries by
    code and the plan period, each None when it could not be read (the checks that need it are
    then skipped, and the reason is reported on its own)."""

    by_code: dict[str, Abbreviation] | None
    period: PlanPeriod | None

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


def check_head(plan: PlanHead, context: Context) -> list[Finding]:
    """The findings about all but the plan's measures: the act and its points, the reporting
    duties, the abbreviations the act's texts use, the English translations."""
    findings = _check_act(plan)
    findings += _check_obligations(plan, context.by_code)
    if context.by_code is not None:
        texts = list(_head_texts(plan))
        findings += _abbreviation_use(texts, context)
        findings += latin_aliases(texts, context.by_code)
    findings += _head_translations(plan)
    return findings


def check_measure(measure: Measure, i: int, context: Context) -> list[Finding]:
    """The findings about the measure that is entry ``i`` (the numbers of all the measures
    are checked together, by :func:`check_measure_numbers`)."""
    path: Path = ("measures", i)
    findings: list[Finding] = []
    if context.by_code is not None:
        findings += _check_executors(measure, path, context.by_code, context.codes)
    findings += _check_forms(measure, path)
    findings += _check_deadline(measure, path, context.period)
    findings += _check_costs(measure, path)
    if context.by_code is not None:
        texts = (
            measure.text,
            measure.form_text,
            measure.executors_text,
            measure.deadline_text,
            measure.costs_text,
        )
        if not _codes_as_defined(texts, context):
            columns = zip(MEASURE_COLUMNS, texts, strict=True)
            with_paths = [((*path, name), text) for name, text in columns]
            findings += _abbreviation_use(with_paths, context)
            findings += latin_aliases(with_paths, context.by_code)
    if measure.en is None:
        findings.append(
            _missing_translation(
                f"measure {measure.number} has no English translation (en: with "
                f"{', '.join(MEASURE_COLUMNS)})",
                path,
            )
        )
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
    for i, point in enumerate(plan.points):
        if point.number != i + 1:
            findings.append(
                _error(
                    "point-number-sequence",
                    f"point {point.number} is entry {i + 1}: points are numbered 1, 2, 3, ...",
                    ("points", i, "number"),
                )
            )
        for j, sub in enumerate(point.subpoints):
            if sub.number != j + 1:
                findings.append(
                    _error(
                        "point-number-sequence",
                        f"sub-point {sub.number}) is entry {j + 1} of point {point.number}: "
                        "sub-points are numbered 1), 2), ...",
                        ("points", i, "subpoints", j, "number"),
                    )
                )
    return findings


# --- measure numbers ---------------------------------------------------------------


def check_measure_numbers(numbers: Sequence[int | None]) -> list[Finding]:
    """The measures are numbered 1, 2, 3, ... in the act's order: each mistake is one finding.

    ``numbers`` are read from the file's data, entry by entry (None where an entry has no
    number that is a positive integer: its schema error says so). The longest run of entries
    in increasing order is taken as right; the other entries are repeats of a number or out of
    order, and the numbers absent from a gap in that run are missing. A deleted measure is
    then one finding ("measure 5 is missing"), not one for every measure after it; a copied
    or swapped one likewise; and an entry alone in a gap of one number is a mistyped number
    ("measure number 30 should be 3").
    """
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


# --- the plan's parties and the measures' columns ------------------------------------------


def _known_party(name: str, by_code: dict[str, Abbreviation]) -> bool:
    return name in BODIES or name in by_code


def _check_obligations(plan: PlanHead, by_code: dict[str, Abbreviation] | None) -> list[Finding]:
    findings: list[Finding] = []
    point_ids = {str(p.number) for p in plan.points} | {
        f"{p.number}.{s.number}" for p in plan.points for s in p.subpoints
    }
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
        if obligation.point not in point_ids:
            findings.append(
                _error(
                    "unknown-point",
                    f"the resolution has no point {obligation.point}",
                    (*path, "point"),
                )
            )
        for field in ("obligors", "by_agreement", "recipients"):
            for j, name in enumerate(getattr(obligation, field)):
                if by_code is None or _known_party(name, by_code):
                    continue
                lookalike = lookalike_code(name, (*path, field, j), by_code)
                if lookalike is not None:
                    findings.append(lookalike)
                elif not _misread_codes(name, by_code):  # else its letters are named
                    findings.append(
                        _error(
                            "unknown-agency",
                            f"{name!r} is neither an agency code in the abbreviations file nor "
                            f"one of the bodies {', '.join(sorted(BODIES))}",
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
    return findings


def _check_executors(
    measure: Measure, path: Path, by_code: dict[str, Abbreviation], codes: tuple[str, ...]
) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    for j, executor in enumerate(measure.executors):
        entry = by_code.get(executor.agency)
        where = (*path, "executors", j, "agency")
        if entry is None:
            lookalike = lookalike_code(executor.agency, where, by_code)
            if lookalike is not None:
                findings.append(lookalike)
            elif not _misread_codes(executor.agency, by_code):  # else its letters are named
                findings.append(
                    _error(
                        "unknown-agency",
                        f"executor {executor.agency!r} is not defined in the abbreviations file",
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
    leads = [e for e in measure.executors if e.role is Role.lead]
    if len(leads) != 1:
        findings.append(
            _error(
                "lead-count",
                f"measure {measure.number} has {len(leads)} lead executors; exactly one is the "
                f"lead (the agency marked {LEAD_MARK}, or the sole agency)",
                (*path, "executors"),
            )
        )
    expected = read_executors_text(measure.executors_text, codes)
    if len(expected) == 1:  # a sole agency is the lead
        expected = [(expected[0][0], True, expected[0][2])]
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


def _check_forms(measure: Measure, path: Path) -> list[Finding]:
    if ", ".join(measure.forms) != measure.form_text:
        return [
            _error(
                "forms-mismatch",
                f"forms {measure.forms} joined with ', ' do not give form_text "
                f"{measure.form_text!r}",
                (*path, "forms"),
            )
        ]
    return []


def _check_deadline(measure: Measure, path: Path, period: PlanPeriod | None) -> list[Finding]:
    read = read_deadline_text(measure.deadline_text)
    deadline = measure.deadline
    if read is None:
        return [
            _error(
                "deadline-text-unread",
                f"deadline text {measure.deadline_text!r} is in neither of the act's forms "
                "'N квартал YYYY года' or 'YYYY – YYYY годы'",
                (*path, "deadline_text"),
            )
        ]
    if isinstance(read, QuarterText) and not 1 <= read.quarter <= 4:
        return [
            _error(
                "impossible-quarter",
                f"deadline text {measure.deadline_text!r} names quarter {read.quarter}; "
                "a year has quarters 1 to 4",
                (*path, "deadline_text"),
            )
        ]
    findings: list[Finding] = []
    agrees = (
        isinstance(read, QuarterText)
        and isinstance(deadline, QuarterDeadline)
        and (read.year, read.quarter) == (deadline.year, deadline.quarter)
    ) or (
        isinstance(read, PeriodText)
        and isinstance(deadline, PeriodDeadline)
        and (read.first_year, read.last_year) == (deadline.first_year, deadline.last_year)
    )
    if not agrees:
        findings.append(
            _error(
                "deadline-mismatch",
                f"deadline {_deadline_label(deadline)} does not say what deadline_text "
                f"{measure.deadline_text!r} says ({_read_label(read)})",
                (*path, "deadline"),
            )
        )
    if isinstance(deadline, QuarterDeadline):
        years = (deadline.year, deadline.year)
    else:
        years = (deadline.first_year, deadline.last_year)
        if deadline.first_year > deadline.last_year:
            findings.append(
                _error(
                    "period-order",
                    f"the period starts in {deadline.first_year}, after it ends "
                    f"({deadline.last_year})",
                    (*path, "deadline"),
                )
            )
    if period is not None and (years[0] < period.first_year or years[1] > period.last_year):
        findings.append(
            _error(
                "deadline-outside-period",
                f"deadline {_deadline_label(deadline)} is outside the plan period "
                f"{period.first_year}–{period.last_year}",
                (*path, "deadline"),
            )
        )
    return findings


def _deadline_label(deadline: QuarterDeadline | PeriodDeadline) -> str:
    if isinstance(deadline, QuarterDeadline):
        return f"{deadline.year}Q{deadline.quarter}"
    return f"{deadline.first_year}–{deadline.last_year}"


def _read_label(read: QuarterText | PeriodText) -> str:
    if isinstance(read, QuarterText):
        return f"{read.year}Q{read.quarter}"
    return f"{read.first_year}–{read.last_year}"


def _check_costs(measure: Measure, path: Path) -> list[Finding]:
    read = read_costs_text(measure.costs_text)
    if read is None:
        return [
            _warning(
                "costs-text-unread",
                f"costs text {measure.costs_text!r} is neither {NO_COSTS_TEXT!r} nor an amount; "
                "check the costs fields by hand",
                (*path, "costs_text"),
            )
        ]
    actual = (measure.costs.required, measure.costs.amount_thousand_tenge)
    if actual != read:
        return [
            _error(
                "costs-mismatch",
                f"costs (required: {actual[0]}, amount: {actual[1]}) do not say what costs_text "
                f"{measure.costs_text!r} says (required: {read[0]}, amount: {read[1]})",
                (*path, "costs"),
            )
        ]
    return []


def _head_texts(plan: PlanHead) -> Iterator[tuple[Path, str]]:
    yield ("act", "preamble"), plan.act.preamble
    yield ("act", "plan_title"), plan.act.plan_title
    for i, point in enumerate(plan.points):
        yield ("points", i, "text"), point.text
        for j, sub in enumerate(point.subpoints):
            yield ("points", i, "subpoints", j, "text"), sub.text


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
    for path, text in texts:
        for token in dict.fromkeys(ABBREVIATION_TOKEN.findall(text)):
            entry = by_code.get(token)
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
        if getattr(act, english) is None:
            findings.append(
                _missing_translation(
                    f"act.{russian} has no English translation ({english})", ("act",)
                )
            )
    for field in ("position", "name"):
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
    return findings
