"""`plan validate` on a plan file: the head (all but the measures) and each measure validated
apart, so that a mistake in one hides the checks of no other; the measure numbers checked once
from the data as written; the same problems whatever the order of the file's keys; and the date
type that reads dates only from ISO text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from conftest import PLAN, TESTS, run
from reintegration_plan import checks, validation
from reintegration_plan.loader import check_plan_path, load_plan, open_document
from reintegration_plan.models import ActRef, JsonDate, PlanFile
from reintegration_plan.problems import Problem

MINIMAL = TESTS / "cases" / "valid" / "minimal"
MINIMAL_TEXT = (MINIMAL / "plan.yaml").read_text(encoding="utf-8")


# --- building plan files from the minimal one ------------------------------------------------


def sections(text: str = MINIMAL_TEXT) -> dict[str, str]:
    """The top-level keys' blocks (with the comment lines that precede the next key), in order;
    the file's opening comment under ''."""
    found: dict[str, str] = {}
    key = ""
    for line in text.splitlines(keepends=True):
        match = re.match(r"([a-z_]+):", line)
        if match:
            key = match.group(1)
        found[key] = found.get(key, "") + line
    return found


def measure_items(text: str = MINIMAL_TEXT) -> list[str]:
    """The minimal plan's measures, each as the block of lines of its list item."""
    return ["  - number:" + item for item in sections(text)["measures"].split("  - number:")[1:]]


MEASURES = measure_items()


def plan_text(
    items: list[str] | None = None, order: tuple[str, ...] | None = None, after: str = ""
) -> str:
    """The minimal plan with ``items`` as its measures, its top-level keys in ``order``."""
    parts = sections()
    if items is not None:
        parts["measures"] = "measures:\n" + "".join(items)
    keys = order or tuple(parts)
    assert sorted(keys) == sorted(parts)
    return "".join(parts[key] for key in keys) + after


MEASURES_FIRST = (
    "",
    "schema_version",
    "measures",
    "abbreviations",
    "translations",
    "act",
    "points",
    "reporting_duties",
)
"""Measures before the abbreviations file and the act."""

MEASURES_BEFORE_ACT = (
    "",
    "schema_version",
    "abbreviations",
    "translations",
    "measures",
    "act",
    "points",
    "reporting_duties",
)

MEASURES_BEFORE_OBLIGATIONS = (
    "",
    "schema_version",
    "abbreviations",
    "translations",
    "act",
    "points",
    "measures",
    "reporting_duties",
)
"""Part of the head after the measures."""


def replaced(text: str, old: str, new: str, count: int = 1) -> str:
    assert text.count(old) >= count, old
    return text.replace(old, new, count)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with the minimal plan's abbreviations file, the working directory."""
    shutil.copy(MINIMAL / "abbreviations.yaml", tmp_path / "abbreviations.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def keys_reversed(text: str) -> str:
    """The same plan file with its top-level keys (each with its block) in reverse order."""
    parts = sections(text)
    blocks = [block if block.endswith("\n") else block + "\n" for block in parts.values()]
    opening = blocks.pop(0) if "" in parts else ""
    return opening + "".join(reversed(blocks))


def described(problems: list[Problem], plan: str) -> list[tuple[str, str, str, str]]:
    """The problems without their positions: what each says, and where in the document (the
    plan file named ``plan`` called "the plan")."""
    return sorted(
        ("the plan" if p.file == plan else p.file, p.code, p.where, p.message) for p in problems
    )


def validate(text: str, name: str = "plan.yaml") -> tuple[int, list[str]]:
    """``plan validate NAME`` on ``text`` in the working directory: its exit code and output
    lines; and the same file with its top-level keys reversed has the same problems (and the
    same plan)."""
    Path(name).write_text(text, encoding="utf-8")
    result = run("validate", name)
    assert result.stderr == ""
    Path("reversed.yaml").write_text(keys_reversed(text), encoding="utf-8")
    plan, problems = check_plan_path(Path(name))
    reversed_plan, reversed_problems = check_plan_path(Path("reversed.yaml"))
    assert described(problems, name) == described(reversed_problems, "reversed.yaml")
    assert problems == sorted(problems, key=lambda problem: problem.sort_key)
    assert (plan.file if plan else None) == (reversed_plan.file if reversed_plan else None)
    return result.exit_code, result.stdout.splitlines()


WHITESPACE = (
    "stray whitespace (leading, trailing, doubled, a tab or a line break): "
    "the act's texts have none"
)


# --- one measure, the others, the head --------------------------------------------------


def test_the_minimal_plan_is_valid_in_every_order(folder: Path) -> None:
    for order in (None, MEASURES_FIRST, MEASURES_BEFORE_ACT, MEASURES_BEFORE_OBLIGATIONS):
        assert validate(plan_text(order=order)) == (0, ["1 file checked: no problems"])


def test_a_schema_error_in_the_middle_of_the_measures(folder: Path) -> None:
    bad = replaced(MEASURES[1], "costs: {required: false}", "costs: {required: 'no'}")
    assert validate(plan_text([MEASURES[0], bad, MEASURES[2]])) == (
        1,
        [
            "plan.yaml:143:23: error: input should be a valid boolean (got 'no') "
            "[measures[1].costs.required] (wrong-type)",
            "1 file checked: 1 error, 0 warnings (wrong-type 1)",
        ],
    )


def test_schema_errors_in_several_measures_keep_the_order_of_the_measures(folder: Path) -> None:
    first = replaced(
        MEASURES[0],
        "deadline: {kind: quarter, year: 2017, quarter: 1}",
        "deadline: {kind: quarter, year: 2017, quarter: 5}",
    )
    third = replaced(MEASURES[2], "    costs_text: не требуются\n", "")
    text = plan_text([first, MEASURES[1], third])
    assert validate(text) == (
        1,
        [
            "plan.yaml:120:52: error: input should be less than or equal to 4 (got 5) "
            "[measures[0].deadline.quarter] (invalid-value)",
            "plan.yaml:150:5: error: missing required key 'costs_text' [measures[2]] (missing-key)",
            "1 file checked: 2 errors, 0 warnings (invalid-value 1, missing-key 1)",
        ],
    )
    # the problems of check_plan_path come in the order of the measures (then sorted by line)
    problems = check_plan_path(Path("plan.yaml"))[1]
    assert [p.where for p in problems] == ["measures[0].deadline.quarter", "measures[2]"]


def test_measures_before_the_act_and_the_abbreviations_are_all_kept_and_checked(
    folder: Path,
) -> None:
    """The checks need the abbreviations file and the plan period: measures given before them
    have the same findings as when they come last."""
    unknown = replaced(MEASURES[1], "{agency: МТСЗН, role: co}", "{agency: XYZ, role: co}")
    items = [MEASURES[0], unknown, MEASURES[2]]
    message = (
        "error: executor 'XYZ' is not defined in the abbreviations file: correct the code, or "
        "add an entry for it there [measures[1].executors[1].agency] (unknown-agency)"
    )
    summary = "1 file checked: 1 error, 0 warnings (unknown-agency 1)"
    assert validate(plan_text(items)) == (1, [f"plan.yaml:137:18: {message}", summary])
    assert validate(plan_text(items, MEASURES_FIRST)) == (
        1,
        [f"plan.yaml:34:18: {message}", summary],
    )
    assert validate(plan_text(items, MEASURES_BEFORE_ACT)) == (
        1,
        [f"plan.yaml:43:18: {message}", summary],
    )


def test_measures_first_or_last_give_the_same_plan(folder: Path) -> None:
    Path("last.yaml").write_text(plan_text(), encoding="utf-8")
    Path("first.yaml").write_text(plan_text(order=MEASURES_FIRST), encoding="utf-8")
    last, first = load_plan(Path("last.yaml")), load_plan(Path("first.yaml"))
    assert first.file == last.file
    assert [m.number for m in first.file.measures] == [1, 2, 3]
    assert first.glossary == last.glossary
    assert check_plan_path(Path("first.yaml"))[1] == check_plan_path(Path("last.yaml"))[1] == []


def test_the_problems_of_the_head_and_of_the_measures_in_the_order_of_the_file(
    folder: Path,
) -> None:
    """Errors and warnings of the head and of the measures (the obligations after them) are
    reported together, in the order of their places in the file."""
    no_english = replaced(MEASURES[1].split("    en:\n")[0], "number: 2", "number: 5")
    text = plan_text([MEASURES[0], no_english, MEASURES[2]], MEASURES_BEFORE_OBLIGATIONS)
    text = re.sub(r"\n  title_en: [^\n]*", "", text, count=1)
    text = replaced(text, "  - number: 3\n    text: 'Мин", "  - number: 7\n    text: 'Мин")
    text = replaced(
        text,
        "    obligors: [МВД]\n    schedule: {kind: annual}",
        "    obligors: [МВДЖ]\n    schedule: {kind: annual}",
    )
    exit_code, _ = validate(text)
    assert exit_code == 1
    problems = check_plan_path(Path("plan.yaml"))[1]
    assert [(p.line, p.column, p.code, p.where, p.message) for p in problems] == [
        (14, 3, "missing-translation", "act", "act.title has no English translation (title_en)"),
        (
            65,
            13,
            "point-number-sequence",
            "points[2].number",
            "point 7 should be 3: it is listed between 2 and 4",
        ),
        (101, 5, "missing-translation", "measures[1]", MISSING_EN_5),
        (
            101,
            13,
            "measure-number-sequence",
            "measures[1].number",
            "measure number 5 should be 2: it is listed between measures 1 and 3",
        ),
        (144, 12, "unknown-point", "reporting_duties[1].point", "the resolution has no point 3.1"),
        (
            147,
            16,
            "unknown-agency",
            "reporting_duties[1].obligors[0]",
            "'МВДЖ' is neither an agency code in the abbreviations file, nor one of the bodies "
            "bodies_accountable_to_president, central_executive_bodies, central_state_bodies, "
            "government, government_office, local_executive_bodies, other_organizations, "
            "presidential_administration, prime_minister_office, quasi_public_sector, "
            "state_bodies, nor named so in point 3.1",
        ),
        (150, 12, "unknown-point", "reporting_duties[2].point", "the resolution has no point 3.2"),
    ]


MISSING_EN_5 = (
    "measure 5 has no English translation (en: with text, form_text, executors_text, "
    "deadline_text, costs_text)"
)


def test_scalar_and_list_items_among_the_measures(folder: Path) -> None:
    items = [MEASURES[0], "  - 5\n", "  - [1]\n", "  - {}\n", MEASURES[1]]
    missing = ["number", "text", "executors_text", "executors", "deadline_text", "deadline"]
    assert validate(plan_text(items)) == (
        1,
        [
            "plan.yaml:129:5: error: input should be an object (got 5) [measures[1]] (wrong-type)",
            "plan.yaml:130:5: error: input should be an object [measures[2]] (wrong-type)",
            *(
                f"plan.yaml:131:5: error: missing required key {key!r} [measures[3]] (missing-key)"
                for key in missing
            ),
            "1 file checked: 8 errors, 0 warnings (missing-key 6, wrong-type 2)",
        ],
    )


def test_flow_style_measures_with_a_scalar_between_mappings(folder: Path) -> None:
    text = plan_text([]).replace(
        "measures:\n", "measures: [{number: 1, text: x, colour: red}, 7, {}]\n"
    )
    exit_code, lines = validate(text)
    assert exit_code == 1
    assert lines[0] == (
        "plan.yaml:107:12: error: missing required key 'executors_text' [measures[0]] (missing-key)"
    )
    assert (
        "plan.yaml:107:33: error: unknown key 'colour': remove it or check its spelling "
        "[measures[0].colour] (unknown-key)"
    ) in lines
    assert (
        "plan.yaml:107:47: error: input should be an object (got 7) [measures[1]] (wrong-type)"
        in lines
    )
    assert (
        lines[-1]
        == "1 file checked: 12 errors, 0 warnings (missing-key 10, unknown-key 1, wrong-type 1)"
    )


def test_a_top_level_unknown_key_and_a_measure_error(folder: Path) -> None:
    bad = replaced(MEASURES[1], "costs: {required: false}", "costs: {required: 'no'}")
    text = plan_text([MEASURES[0], bad, MEASURES[2]], after="extra_key: 1\n")
    text = replaced(text, "act:\n", "zzz: 1\nact:\n  foo: 1\n")
    assert validate(text) == (
        1,
        [
            "plan.yaml:13:1: error: unknown key 'zzz': remove it or check its spelling [zzz] "
            "(unknown-key)",
            "plan.yaml:15:3: error: unknown key 'foo': remove it or check its spelling [act.foo] "
            "(unknown-key)",
            "plan.yaml:145:23: error: input should be a valid boolean (got 'no') "
            "[measures[1].costs.required] (wrong-type)",
            "plan.yaml:170:1: error: unknown key 'extra_key': remove it or check its spelling "
            "[extra_key] (unknown-key)",
            "1 file checked: 4 errors, 0 warnings (unknown-key 3, wrong-type 1)",
        ],
    )


def test_a_duplicate_measure_number_far_from_the_first(folder: Path) -> None:
    items = [MEASURES[0], MEASURES[1]]
    items += [replaced(MEASURES[2], "number: 3", f"number: {n}") for n in range(3, 41)]
    items[35] = replaced(items[35], "number: 36", "number: 2")
    assert validate(plan_text(items)) == (
        1,
        [
            "plan.yaml:744:13: error: measure number 2 should be 36: it is listed between "
            "measures 35 and 37, and entry 2 is measure 2 [measures[35].number] "
            "(duplicate-measure-number)",
            "1 file checked: 1 error, 0 warnings (duplicate-measure-number 1)",
        ],
    )


def test_a_missing_abbreviations_file_with_measures(folder: Path) -> None:
    """The measures are validated, and checked but for what needs the abbreviations (the
    unknown agency is not reported, the deadline is)."""
    unknown = replaced(MEASURES[1], "{agency: МТСЗН, role: co}", "{agency: XYZ, role: co}")
    unknown = replaced(unknown, "year: 2017, quarter: 1}", "year: 2017, quarter: 2}")
    bad = replaced(MEASURES[2], "costs: {required: false}", "costs: {required: 'no'}")
    text = replaced(
        plan_text([MEASURES[0], unknown, bad]),
        "abbreviations: abbreviations.yaml",
        "abbreviations: nope.yaml",
    )
    assert validate(text) == (
        1,
        [
            "plan.yaml:4:16: error: the abbreviations file nope.yaml cannot be "
            "read: no such file [abbreviations] (abbreviations-file)",
            "plan.yaml:141:15: error: deadline 2017Q2 does not say what deadline_text '1 квартал "
            "2017 года' says (2017Q1) [measures[1].deadline] (deadline-mismatch)",
            "plan.yaml:161:23: error: input should be a valid boolean (got 'no') "
            "[measures[2].costs.required] (wrong-type)",
            "1 file checked: 3 errors, 0 warnings "
            "(abbreviations-file 1, deadline-mismatch 1, wrong-type 1)",
        ],
    )


def test_whitespace_in_a_measure_and_after_the_measures(folder: Path) -> None:
    doubled = replaced(MEASURES[1], "form_text: социальный проект", "form_text: социальный  проект")
    text = plan_text([MEASURES[0], doubled, MEASURES[2]], MEASURES_BEFORE_OBLIGATIONS)
    text = replaced(text, "title_en: Consolidated report on", "title_en: Consolidated  report on")
    assert validate(text) == (
        1,
        [
            f"plan.yaml:104:16: error: {WHITESPACE} [measures[1].form_text] (whitespace)",
            "plan.yaml:106:7: error: forms ['социальный проект'] joined with ', ' do not give "
            "form_text 'социальный  проект' [measures[1].forms] (forms-mismatch)",
            f"plan.yaml:159:15: error: {WHITESPACE} [reporting_duties[2].title_en] (whitespace)",
            "1 file checked: 3 errors, 0 warnings (forms-mismatch 1, whitespace 2)",
        ],
    )


@pytest.mark.parametrize(
    ("body", "message", "code"),
    [
        (
            "measures: []",
            "list should have at least 1 item after validation, not 0",
            "invalid-value",
        ),
        ("measures: {a: {number: 1}}", "input should be a valid array", "wrong-type"),
        ("measures: 3", "input should be a valid array (got 3)", "wrong-type"),
    ],
    ids=["empty", "mapping", "scalar"],
)
def test_measures_that_are_not_a_list_of_measures(
    folder: Path, body: str, message: str, code: str
) -> None:
    text = plan_text([]).replace("measures:\n", body + "\n")
    assert validate(text) == (
        1,
        [
            f"plan.yaml:107:11: error: {message} [measures] ({code})",
            f"1 file checked: 1 error, 0 warnings ({code} 1)",
        ],
    )


def test_a_measures_key_inside_the_act_is_an_unknown_key(folder: Path) -> None:
    text = replaced(plan_text(), "act:\n", "act:\n  measures: [{number: 1}]\n")
    assert validate(text) == (
        1,
        [
            "plan.yaml:14:3: error: unknown key 'measures': remove it or check its spelling "
            "[act.measures] (unknown-key)",
            "1 file checked: 1 error, 0 warnings (unknown-key 1)",
        ],
    )


def test_an_error_in_a_nested_executor(folder: Path) -> None:
    bad = replaced(MEASURES[1], "{agency: НПО, role: co", "{agency: НПО, role: boss")
    colour = replaced(
        MEASURES[2], "{agency: МВД, role: lead}", "{agency: МВД, role: lead, colour: red}"
    )
    assert validate(plan_text([MEASURES[0], bad, colour])) == (
        1,
        [
            "plan.yaml:138:29: error: input should be 'lead' or 'co' (got 'boss') "
            "[measures[1].executors[2].role] (invalid-value)",
            "plan.yaml:157:35: error: unknown key 'colour': remove it or check its spelling "
            "[measures[2].executors[0].colour] (unknown-key)",
            "1 file checked: 2 errors, 0 warnings (invalid-value 1, unknown-key 1)",
        ],
    )


def test_a_yaml_error_in_a_measure_names_its_place(folder: Path) -> None:
    twice = replaced(
        MEASURES[2], "    costs_text: не требуются\n", "    costs_text: a\n    costs_text: b\n"
    )
    assert validate(plan_text([MEASURES[0], MEASURES[1], twice])) == (
        1,
        [
            "plan.yaml:161:5: error: duplicate key 'costs_text': each key may appear once in a "
            "mapping [measures[2].costs_text] (duplicate-key)",
            "1 file checked: 1 error, 0 warnings (duplicate-key 1)",
        ],
    )


def test_an_invalid_abbreviations_file_with_measures(folder: Path) -> None:
    """The measures are validated, not checked against it (an unknown agency is not
    reported)."""
    shutil.copy(
        TESTS / "cases" / "invalid" / "abbreviations-invalid" / "abbreviations.yaml", folder
    )
    unknown = replaced(MEASURES[1], "{agency: МТСЗН, role: co}", "{agency: XYZ, role: co}")
    bad = replaced(MEASURES[2], "costs: {required: false}", "costs: {required: 'no'}")
    assert validate(plan_text([MEASURES[0], unknown, bad])) == (
        1,
        [
            "abbreviations.yaml:22:11: error: input should be 'central_state_body', "
            "'local_executive_body', 'prosecution', 'accountable_to_president', 'organization', "
            "'group', 'ngo', 'advisory_body', 'system' or 'term' (got 'ministry') "
            "[abbreviations[2].kind] (invalid-value)",
            "abbreviations.yaml:27:18: error: input should be a valid boolean (got 'yes') "
            "[abbreviations[3].in_glossary] (wrong-type)",
            "abbreviations.yaml:32:5: error: missing required key 'executor' [abbreviations[4]] "
            "(missing-key)",
            "plan.yaml:161:23: error: input should be a valid boolean (got 'no') "
            "[measures[2].costs.required] (wrong-type)",
            "1 file checked: 4 errors, 0 warnings (invalid-value 1, missing-key 1, wrong-type 2)",
        ],
    )


def test_an_invalid_plan_period_hides_only_the_checks_that_need_it(folder: Path) -> None:
    """Without a plan period a measure's deadline cannot be checked against it; its executors
    are checked all the same."""
    unknown = replaced(MEASURES[1], "{agency: МТСЗН, role: co}", "{agency: XYZ, role: co}")
    text = replaced(plan_text([MEASURES[0], unknown, MEASURES[2]]), "    last_year: 2019\n", "")
    text = replaced(text, "year: 2017, quarter: 1}", "year: 2030, quarter: 1}")
    assert validate(text) == (
        1,
        [
            "plan.yaml:48:5: error: missing required key 'last_year' [act.period] (missing-key)",
            "plan.yaml:119:15: error: deadline 2030Q1 does not say what deadline_text '1 квартал "
            "2017 года' says (2017Q1) [measures[0].deadline] (deadline-mismatch)",
            "plan.yaml:136:18: error: executor 'XYZ' is not defined in the abbreviations file: "
            "correct the code, or add an entry for it there [measures[1].executors[1].agency] "
            "(unknown-agency)",
            "1 file checked: 3 errors, 0 warnings "
            "(deadline-mismatch 1, missing-key 1, unknown-agency 1)",
        ],
    )


def test_the_act_as_a_single_value_before_the_measures(folder: Path) -> None:
    """The act is reported, and the measures' schema errors too."""
    text = (
        "schema_version: 1\nabbreviations: abbreviations.yaml\nact: 1\n"
        "measures:\n  - {number: 1, text: x, form_text: y, forms: [y], executors_text: z,\n"
        "     executors: [{agency: XYZ, role: lead}], deadline_text: d, costs_text: c,\n"
        "     deadline: {kind: quarter, year: 2017, quarter: 1}, costs: {required: 0}}\n"
        "points: [{number: 1, text: t}]\nreporting_duties: []\n"
    )
    assert validate(text) == (
        1,
        [
            "plan.yaml:3:6: error: input should be an object (got 1) [act] (wrong-type)",
            "plan.yaml:7:75: error: input should be a valid boolean (got 0) "
            "[measures[0].costs.required] (wrong-type)",
            "1 file checked: 2 errors, 0 warnings (wrong-type 2)",
        ],
    )


# --- files that are not plan files, with a `measures` key -------------------------------------

STRAY_MEASURES = "measures:\n  - {number: 1, text: 'two  spaces'}\n  - {number: 2}\n"


def test_a_progress_file_with_measures_is_checked_as_a_progress_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It names an abbreviations file and an act, and has measures: it is checked as the
    progress file it is, its data whole."""
    seen: list[Any] = []
    check_progress = validation._check_progress

    def spy(document: Any, *others: Any) -> list[Problem]:
        seen.append(document.data["measures"])
        return check_progress(document, *others)

    monkeypatch.setattr(validation, "_check_progress", spy)
    text = (
        "schema_version: 1\nabbreviations: abbreviations.yaml\n"
        "act: {period: {first_year: 2017, last_year: 2019}}\n"
        f"{STRAY_MEASURES}records:\n  - {{measure: 1, status: done, on: 2017-03-01}}\n"
    )
    Path("progress.yaml").write_text(text, encoding="utf-8")
    result = run("validate", "progress.yaml")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        f"progress.yaml:{line}:1: error: unknown key {key!r}: remove it or check its spelling "
        f"[{key}] (unknown-key)"
        for line, key in ((2, "abbreviations"), (3, "act"), (4, "measures"))
    ] + ["1 file checked: 3 errors, 0 warnings (unknown-key 3)"]
    assert seen == [[{"number": 1, "text": "two  spaces"}, {"number": 2}]]


def test_an_abbreviations_file_with_measures_is_checked_as_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[Any] = []
    check_abbreviations = validation.check_abbreviations_document

    def spy(document: Any) -> Any:
        seen.append(document.data["measures"])
        return check_abbreviations(document)

    monkeypatch.setattr(validation, "check_abbreviations_document", spy)
    text = f"schema_version: 1\nabbreviations: []\nact: {{}}\n{STRAY_MEASURES}"
    Path("glossary.yaml").write_text(text, encoding="utf-8")
    result = run("validate", "glossary.yaml")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        "glossary.yaml:3:1: error: unknown key 'act': remove it or check its spelling [act] "
        "(unknown-key)",
        "glossary.yaml:4:1: error: unknown key 'measures': remove it or check its spelling "
        "[measures] (unknown-key)",
        "1 file checked: 2 errors, 0 warnings (unknown-key 2)",
    ]
    assert seen == [[{"number": 1, "text": "two  spaces"}, {"number": 2}]]


# --- the measure numbers: one finding a mistake -------------------------------------------------


def numbering(numbers: list[int | None]) -> list[tuple[int, str, str]]:
    """The findings about ``numbers`` (the measures' numbers, entry by entry): (entry, code,
    message)."""
    found = checks.check_measure_numbers(numbers)
    assert all(f.path[0] == "measures" and f.path[2] == "number" for f in found)
    return [(int(f.path[1]) + 1, f.code, f.message) for f in found]


SEQUENCE = "measure-number-sequence"
IN_ORDER = "measures are listed in the act's order"


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ([], []),
        ([1, 2, 3], []),
        (list(range(1, 31)), []),
        (
            [*range(1, 5), *range(6, 31)],
            [(5, SEQUENCE, "measure 5 is missing: the numbers go from 4 to 6")],
        ),
        (
            [1, 2, *range(6, 31)],
            [(3, SEQUENCE, "measures 3 to 5 are missing: the numbers go from 2 to 6")],
        ),
        ([2, 3], [(1, SEQUENCE, "measure 1 is missing: the numbers start at 2")]),
        ([4, 5], [(1, SEQUENCE, "measures 1 to 3 are missing: the numbers start at 4")]),
        (
            [1, 2, 3, 4, 5, 5, 6],
            [
                (
                    6,
                    "duplicate-measure-number",
                    "measure number 5 is already used by entry 5: each measure has its own number",
                )
            ],
        ),
        (
            [1, 2, 2, 2, 3],
            [
                (
                    3,
                    "duplicate-measure-number",
                    "measure number 2 is already used by entry 2: each measure has its own number",
                ),
                (
                    4,
                    "duplicate-measure-number",
                    "measure number 2 is already used by entry 2: each measure has its own number",
                ),
            ],
        ),
        (
            [1, 2, 3, 4, 6, 5, 7],
            [
                (
                    5,
                    SEQUENCE,
                    f"measure 6 is out of order: it is listed between measures 4 and 5; {IN_ORDER}",
                )
            ],
        ),
        (
            [*range(1, 10), *range(11, 21), 10, *range(21, 31)],
            [
                (
                    20,
                    SEQUENCE,
                    "measure 10 is out of order: it is listed between measures 20 and 21; "
                    f"{IN_ORDER}",
                )
            ],
        ),
        (
            [1, 2, 30, 4, 5],
            [(3, SEQUENCE, "measure number 30 should be 3: it is listed between measures 2 and 4")],
        ),
        (
            [1, 2, 2, 4],
            [
                (
                    3,
                    "duplicate-measure-number",
                    "measure number 2 should be 3: it is listed between measures 2 and 4, and "
                    "entry 2 is measure 2",
                )
            ],
        ),
        (
            [7, 1, 2],
            [
                (
                    1,
                    SEQUENCE,
                    f"measure 7 is out of order: it is listed before measure 1; {IN_ORDER}",
                )
            ],
        ),
        (
            [1, 2, 3, 1],
            [
                (
                    4,
                    "duplicate-measure-number",
                    "measure number 1 is already used by entry 1: each measure has its own number",
                )
            ],
        ),
        ([5], [(1, SEQUENCE, "measures 1 to 4 are missing: the numbers start at 5")]),
        # the numbers in a gap that are elsewhere are not missing
        (
            [1, 5, 6, 3],
            [
                (2, SEQUENCE, "measure 2 is missing: the numbers go from 1 to 5"),
                (2, SEQUENCE, "measure 4 is missing: the numbers go from 1 to 5"),
                (
                    4,
                    SEQUENCE,
                    f"measure 3 is out of order: it is listed after measure 6; {IN_ORDER}",
                ),
            ],
        ),
        # an entry without a number (its schema error says so) may be the one missing
        ([1, None, 3], []),
        ([None, 2], []),
        ([1, None, 3, 5], [(4, SEQUENCE, "measure 4 is missing: the numbers go from 3 to 5")]),
        # a number mistyped far out does not make billions of findings
        (
            [1, 2, 10**20],
            [
                (
                    3,
                    SEQUENCE,
                    f"measures 3 to {10**20 - 1} are missing: the numbers go from 2 to {10**20}",
                )
            ],
        ),
    ],
)
def test_measure_numbers(numbers: list[int | None], expected: list[tuple[int, str, str]]) -> None:
    assert numbering(numbers) == expected


# --- load_plan: the plan of the whole file --------------------------------------------


@pytest.mark.parametrize("path", [PLAN, MINIMAL / "plan.yaml"], ids=["shipped", "minimal"])
def test_load_plan_gives_the_plan_of_the_whole_file(path: Path) -> None:
    """The head and the measures validated apart make the plan that validating the whole file
    at once makes."""
    plan = load_plan(path)
    reference = PlanFile.model_validate(open_document(path).data)
    assert plan.file == reference
    assert plan.file.model_fields_set == reference.model_fields_set
    assert [m.number for m in plan.file.measures] == list(range(1, len(reference.measures) + 1))


def test_the_shipped_plan_has_its_thirty_measures_and_one_warning() -> None:
    plan, problems = check_plan_path(PLAN)
    assert plan is not None
    assert len(plan.file.measures) == 30
    assert [(w.code, w.where) for w in problems] == [
        ("undefined-abbreviation", "measures[27].text")
    ]


# --- the date type: dates only from ISO text --------------------------------------------------

DATE_FORMAT = "input should be a valid date in the format YYYY-MM-DD"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("29.12.2016", f"{DATE_FORMAT}, invalid character in year (got '29.12.2016')"),
        ("20161229", "input should be a valid date (got 20161229)"),
        ("'2017-02-30'", f"{DATE_FORMAT}, day value is outside expected range (got '2017-02-30')"),
        ("'2017-1-5'", f"{DATE_FORMAT}, input is too short (got '2017-1-5')"),
        (
            "2016-12-29T10:00:00",
            f"{DATE_FORMAT}, unexpected extra characters at the end of the input "
            "(got '2016-12-29T10:00:00')",
        ),
        ("2016.5", "input should be a valid date (got 2016.5)"),
        ("[2016]", "input should be a valid date"),
    ],
)
def test_a_date_not_written_as_iso_text(folder: Path, written: str, message: str) -> None:
    text = replaced(MINIMAL_TEXT, "  date: 2016-12-29", f"  date: {written}")
    assert validate(text) == (
        1,
        [
            f"plan.yaml:16:9: error: {message} [act.date] (wrong-type)",
            "1 file checked: 1 error, 0 warnings (wrong-type 1)",
        ],
    )


def test_dates_in_every_place_of_the_plan(folder: Path) -> None:
    """The act's, its basis's and amendments', and a once-obligation's due date."""
    text = replaced(MINIMAL_TEXT, "    date: 2016-12-08", "    date: 8.12.2016")
    text = replaced(text, "      date: 2017-07-24", "      date: 20170724")
    text = replaced(text, "due: 2020-02-25}", "due: '2020-02-30'}")
    assert validate(text) == (
        1,
        [
            f"plan.yaml:25:11: error: {DATE_FORMAT}, input is too short (got '8.12.2016') "
            "[act.basis.date] (wrong-type)",
            "plan.yaml:46:13: error: input should be a valid date (got 20170724) "
            "[act.amendments[0].date] (wrong-type)",
            f"plan.yaml:101:33: error: {DATE_FORMAT}, day value is outside expected range "
            "(got '2020-02-30') [reporting_duties[2].schedule.due] (wrong-type)",
            "1 file checked: 3 errors, 0 warnings (wrong-type 3)",
        ],
    )


def test_iso_date_text_is_read() -> None:
    plan = load_plan(MINIMAL / "plan.yaml")
    assert plan.file.act.date == dt.date(2016, 12, 29)
    assert plan.file.act.basis.date == dt.date(2016, 12, 8)
    assert plan.file.reporting_duties[2].schedule == type(plan.file.reporting_duties[2].schedule)(
        kind="once", due=dt.date(2020, 2, 25)
    )


def date_error(value: object) -> tuple[str, str]:
    with pytest.raises(ValidationError) as caught:
        ActRef.model_validate({"kind": "decree_of_president", "number": 1, "date": value})
    (error,) = caught.value.errors(include_url=False)
    assert error["loc"] == ("date",)
    return error["type"], error["msg"]


def test_a_date_object_is_a_date_and_a_datetime_is_not() -> None:
    """From Python (a record made by the program), a date is taken as it is; a datetime, a
    number or anything else but text is refused as JSON-mode validation refuses it."""
    ref = ActRef.model_validate(
        {"kind": "decree_of_president", "number": 1, "date": dt.date(2016, 12, 8)}
    )
    assert ref.date == dt.date(2016, 12, 8)
    assert ActRef.model_validate({**ref.model_dump(), "date": "2016-12-08"}) == ref
    assert date_error(dt.datetime(2016, 12, 8, 0, 0)) == (
        "date_type",
        "Input should be a valid date",
    )
    assert date_error(20161208) == ("date_type", "Input should be a valid date")
    assert date_error("2016-12-8") == (
        "date_parsing",
        "Input should be a valid date in the format YYYY-MM-DD, input is too short",
    )


@pytest.mark.parametrize(
    "value",
    [
        "2016-12-29",
        "29.12.2016",
        20161229,
        "2017-02-30",
        "2017-1-5",
        "2016-12-29T10:00:00",
        "2016-12-29T00:00:00",
        "2016-12-29 ",
        "",
        None,
        2016.5,
        True,
        [2016],
        {"year": 2016},
    ],
)
def test_the_date_type_reads_as_strict_json_mode_did(value: object) -> None:
    """Before, the parsed YAML went through json.dumps and strict JSON-mode validation: the
    same dates, the same error types and messages."""

    def outcome(validate: Any) -> Any:
        try:
            return validate()
        except ValidationError as exc:
            (error,) = exc.errors(include_url=False)
            return error["type"], error["msg"]

    now = outcome(lambda: TypeAdapter(JsonDate).validate_python(value))
    before = outcome(lambda: TypeAdapter(dt.date).validate_json(json.dumps(value), strict=True))
    assert now == before
