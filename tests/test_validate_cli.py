"""`plan validate` as a user runs it: formats, exit codes, file choice, unreadable paths."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import PLAN, REPO, TESTS, run
from reintegration_plan.problem_formats import render_github
from reintegration_plan.problems import Problem, Severity

MINIMAL = TESTS / "cases" / "valid" / "minimal"
MZSR_MESSAGE = (
    "'МЗСР' is used but the act's glossary does not define it "
    "(the abbreviations file marks it in_glossary: false)"
)
TEXT_SUMMARY = "1 file checked: 0 errors, 1 warning (undefined-abbreviation 1)\n"


def mzsr_line() -> int:
    """The line of measure 28's `text:` (it names МЗСР), found in the file on its own."""
    lines = PLAN.read_text(encoding="utf-8").split("\n")
    start = lines.index("  - number: 28", lines.index("measures:"))
    line = next(i for i in range(start, len(lines)) if lines[i].startswith("    text: "))
    assert "МЗСР" in lines[line]
    return line + 1


def mzsr_text(file: str) -> str:
    return (
        f"{file}:{mzsr_line()}:11: warning: {MZSR_MESSAGE} [measures[27].text] "
        f"(undefined-abbreviation)\n" + TEXT_SUMMARY
    )


def mzsr_github(file: str) -> str:
    return (
        f"::warning file={file},line={mzsr_line()},col=11,title=undefined-abbreviation::"
        f"{MZSR_MESSAGE} [measures[27].text]\n"
    )


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A copy of the minimal valid plan and its abbreviations file; returns the plan's path."""
    for name in ("plan.yaml", "abbreviations.yaml"):
        shutil.copy(MINIMAL / name, tmp_path / name)
    return tmp_path / "plan.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- the shipped data ------------------------------------------------------------


def test_no_arguments_validates_the_embedded_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedded data, which nobody typed, is named as a user would type it: relative to
    the working directory under which it lies, else in full."""
    monkeypatch.chdir(REPO)
    result = run("validate")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == mzsr_text("data/plan_2017_2019.yaml")
    monkeypatch.chdir(REPO / "data")
    assert run("validate").stdout == mzsr_text("plan_2017_2019.yaml")
    monkeypatch.chdir(tmp_path)
    assert run("validate").stdout == mzsr_text(str(PLAN))


@pytest.mark.usefixtures("in_repo")
def test_text_format() -> None:
    result = run("validate", "data/plan_2017_2019.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == mzsr_text("data/plan_2017_2019.yaml")
    assert result.stdout.count("warning:") == 1


@pytest.mark.usefixtures("in_repo")
def test_json_format() -> None:
    result = run("validate", "--format", "json", "data/plan_2017_2019.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    document = json.loads(result.stdout)
    assert list(document) == ["version", "files", "valid", "problems", "summary"]
    assert document == {
        "version": 1,
        "files": ["data/plan_2017_2019.yaml"],
        "valid": True,
        "problems": [
            {
                "file": "data/plan_2017_2019.yaml",
                "line": mzsr_line(),
                "column": 11,
                "severity": "warning",
                "code": "undefined-abbreviation",
                "message": MZSR_MESSAGE,
                "where": "measures[27].text",
            }
        ],
        "summary": {"errors": 0, "warnings": 1, "by_code": {"undefined-abbreviation": 1}},
    }
    assert list(document["problems"][0]) == [
        "file",
        "line",
        "column",
        "severity",
        "code",
        "message",
        "where",
    ]
    assert list(document["summary"]) == ["errors", "warnings", "by_code"]
    assert result.stdout.endswith("}\n")


@pytest.mark.usefixtures("in_repo")
def test_json_format_with_errors_is_not_valid(minimal: Path) -> None:
    edit(minimal, "    form_text: приказ\n", "    form_text: распоряжение\n")
    result = run("validate", "--format", "json", str(minimal))
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["valid"] is False
    assert document["summary"] == {"errors": 1, "warnings": 0, "by_code": {"forms-mismatch": 1}}


@pytest.mark.usefixtures("in_repo")
def test_github_format() -> None:
    result = run("validate", "--format", "github", "data/plan_2017_2019.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == mzsr_github("data/plan_2017_2019.yaml")


@pytest.mark.usefixtures("in_repo")
def test_strict_fails_on_the_warning() -> None:
    result = run("validate", "--strict", "data/plan_2017_2019.yaml")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == mzsr_text("data/plan_2017_2019.yaml")


@pytest.mark.usefixtures("in_repo")
def test_strict_passes_without_warnings(minimal: Path) -> None:
    result = run("validate", "--strict", str(minimal))
    assert (result.exit_code, result.stdout) == (0, "1 file checked: no problems\n")


@pytest.mark.usefixtures("in_repo")
def test_github_actions_picks_github_format() -> None:
    result = run("validate", "data/plan_2017_2019.yaml", env={"GITHUB_ACTIONS": "true"})
    assert (result.exit_code, result.stdout) == (0, mzsr_github("data/plan_2017_2019.yaml"))


@pytest.mark.usefixtures("in_repo")
def test_format_text_overrides_github_actions() -> None:
    result = run(
        "validate", "--format", "text", "data/plan_2017_2019.yaml", env={"GITHUB_ACTIONS": "true"}
    )
    assert (result.exit_code, result.stdout) == (0, mzsr_text("data/plan_2017_2019.yaml"))


@pytest.mark.usefixtures("in_repo")
def test_github_actions_other_than_true_keeps_text() -> None:
    result = run("validate", "data/plan_2017_2019.yaml", env={"GITHUB_ACTIONS": "false"})
    assert result.stdout == mzsr_text("data/plan_2017_2019.yaml")


def test_unknown_format_is_a_usage_error() -> None:
    result = run("validate", "--format", "xml", str(PLAN))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == "plan: error: 'xml' is not a format: expected text, json or github\n"


# --- github escaping -----------------------------------------------------------------


def test_github_escaping() -> None:
    problem = Problem(
        file="dir:a,b/100%.yaml",
        line=3,
        column=4,
        severity=Severity.error,
        code="odd:code,x",
        message="50% done\r\nnext: a, b",
        where="measures[0]['x\\n::y']",
    )
    assert render_github([problem], [problem.file]) == (
        "::error file=dir%3Aa%2Cb/100%25.yaml,line=3,col=4,title=odd%3Acode%2Cx::"
        "50%25 done%0D%0Anext: a, b [measures[0]['x\\n::y']]\n"
    )


def test_a_key_with_a_line_break_stays_on_one_line(minimal: Path) -> None:
    with minimal.open("a", encoding="utf-8") as stream:
        stream.write('"x\\n::error file=y::z": 1\n')
    line = len(minimal.read_text(encoding="utf-8").splitlines())
    where = "['x\\n::error file=y::z']"
    message = "unknown key 'x\\n::error file=y::z': remove it or check its spelling"
    text = run("validate", str(minimal))
    assert text.stdout == (
        f"{minimal}:{line}:1: error: {message} [{where}] (unknown-key)\n"
        "1 file checked: 1 error, 0 warnings (unknown-key 1)\n"
    )
    github = run("validate", "--format", "github", str(minimal))
    assert github.stdout.count("\n") == 1
    assert github.stdout.endswith(f"::{message} [{where}]\n")


# --- several files -----------------------------------------------------------------


def test_plan_and_its_abbreviations_file_without_repeats(
    minimal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(minimal, "    form_text: приказ\n", "    form_text: 'приказ '\n")
    edit(minimal.parent / "abbreviations.yaml", "    alias: MON\n", "    alias: MVD\n")
    monkeypatch.chdir(minimal.parent)
    result = run("validate", "plan.yaml", "abbreviations.yaml")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        "abbreviations.yaml:28:12: error: alias 'MVD' is already used by entry 2 "
        "[abbreviations[3].alias] (duplicate-abbreviation)\n"
        "plan.yaml:152:16: error: stray whitespace (leading, trailing, doubled, a tab or a line "
        "break): the act's texts have none [measures[2].form_text] (whitespace)\n"
        # the invalid abbreviations file does not hide the checks that do not need it
        "plan.yaml:154:7: error: forms ['приказ'] joined with ', ' do not give form_text "
        "'приказ ' [measures[2].forms] (forms-mismatch)\n"
        "2 files checked: 3 errors, 0 warnings "
        "(duplicate-abbreviation 1, forms-mismatch 1, whitespace 1)\n"
    )
    # the abbreviations file first, or alone: the same problems
    both = run("validate", "abbreviations.yaml", "plan.yaml")
    assert both.stdout == result.stdout
    # alone, it brings the plan file beside it that names it: what a commit changing only the
    # abbreviations file can break is checked too
    alone = run("validate", "abbreviations.yaml")
    assert alone.stdout == result.stdout


def test_the_shipped_abbreviations_file_alone_brings_its_plan() -> None:
    result = run("validate", str(REPO / "data" / "abbreviations.yaml"))
    expected = mzsr_text(str(PLAN)).replace("1 file", "2 files")
    assert (result.exit_code, result.stdout) == (0, expected)


def test_an_abbreviations_file_no_plan_names_is_checked_alone(tmp_path: Path) -> None:
    shutil.copy(MINIMAL / "abbreviations.yaml", tmp_path / "abbreviations.yaml")
    (tmp_path / "other.yaml").write_text("abbreviations: elsewhere.yaml\n", encoding="utf-8")
    result = run("validate", str(tmp_path / "abbreviations.yaml"))
    assert (result.exit_code, result.stdout) == (0, "1 file checked: no problems\n")


# --- unreadable paths ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope.yaml"], "nope.yaml: no such file"),
        (["."], ".: no plan file found there (a YAML file with the keys act and measures)"),
        ([str(PLAN), "nope.yaml"], "nope.yaml: no such file"),
        (["--plan", "nope.yaml"], "nope.yaml: no such file"),
    ],
)
def test_unreadable_path_is_a_usage_error(
    args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"plan: error: {message}\n"


def test_plan_file_variable_naming_a_missing_file() -> None:
    result = run("validate", env={"PLAN_FILE": "/nonexistent/plan.yaml"})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "plan: error: PLAN_FILE=/nonexistent/plan.yaml: no such file\n"


@pytest.mark.parametrize(
    ("args", "env", "message"),
    [
        (("validate",), {"PLAN_PROGRESS": "gone.yaml"}, "PLAN_PROGRESS=gone.yaml: no such file"),
        (("due",), {"PLAN_FILE": "./gone.yaml"}, "PLAN_FILE=./gone.yaml: no such file"),
        (("due",), {"PLAN_PROGRESS": "gone.yaml"}, "PLAN_PROGRESS=gone.yaml: no such file"),
        (
            ("record", "5", "--status", "done", "--on", "2017-06-01"),
            {"PLAN_PROGRESS": "no/such/p.yaml"},
            "PLAN_PROGRESS=no/such/p.yaml: no such directory",
        ),
        (("due", "--plan", "gone.yaml"), {"PLAN_FILE": "other.yaml"}, "gone.yaml: no such file"),
        (("due", "--plan", "gone.yaml"), {}, "gone.yaml: no such file"),
    ],
)
def test_a_file_the_environment_names_is_said_to_come_from_it(
    args: tuple[str, ...],
    env: dict[str, str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A missing file given by PLAN_FILE or PLAN_PROGRESS: the variable is named with it (the
    user may not remember having set it); validate, as the queries, needs PLAN_PROGRESS's
    file to exist."""
    monkeypatch.chdir(tmp_path)
    result = run(*args, env=env)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"plan: error: {message}\n")


# --- which file ----------------------------------------------------------------------


def test_plan_option_chooses_the_file(minimal: Path) -> None:
    result = run("validate", "--plan", str(minimal))
    assert (result.exit_code, result.stdout) == (0, "1 file checked: no problems\n")


def test_plan_file_variable_chooses_the_file(minimal: Path) -> None:
    result = run("validate", env={"PLAN_FILE": str(minimal)})
    assert (result.exit_code, result.stdout) == (0, "1 file checked: no problems\n")
    result = run("validate", "--format", "json", env={"PLAN_FILE": str(minimal)})
    assert json.loads(result.stdout)["files"] == [str(minimal)]


def test_plan_option_beats_the_variable(minimal: Path) -> None:
    result = run("validate", "--plan", str(minimal), env={"PLAN_FILE": "/nonexistent.yaml"})
    assert (result.exit_code, result.stdout) == (0, "1 file checked: no problems\n")


def test_file_arguments_beat_plan_option_and_variable(minimal: Path) -> None:
    result = run(
        "validate",
        "--format",
        "json",
        "--plan",
        "/nonexistent.yaml",
        str(minimal),
        env={"PLAN_FILE": "/nonexistent2.yaml"},
    )
    assert result.exit_code == 0
    assert json.loads(result.stdout)["files"] == [str(minimal)]


# --- YAML 1.2 scalars ------------------------------------------------------------------


def test_no_on_yes_stay_strings(minimal: Path) -> None:
    # measure 2: form_text `yes` with forms [on]: a string each, so only a forms mismatch;
    # measure 3: form_text `no` and forms [no] agree, so no problem at all
    edit(minimal, "    form_text: социальный проект\n", "    form_text: yes\n")
    edit(minimal, "      - социальный проект\n", "      - on\n")
    edit(minimal, "    form_text: приказ\n", "    form_text: no\n")
    edit(minimal, "      - приказ\n", "      - no\n")
    result = run("validate", str(minimal))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{minimal}:133:7: error: forms ['on'] joined with ', ' do not give form_text 'yes' "
        "[measures[1].forms] (forms-mismatch)\n"
        "1 file checked: 1 error, 0 warnings (forms-mismatch 1)\n"
    )


def test_a_glossary_error_hides_none_of_the_plans_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Latin M in МТСЗН's code: its two errors, and the plan checked against the glossary's
    other entries, each finding once: a wrong deadline and a second lead in measure 5 (which
    names МТСЗН), the МЗСР warning; no follow-on 'МТСЗН is not defined' anywhere."""
    shutil.copytree(REPO / "data", tmp_path / "copy")
    monkeypatch.chdir(tmp_path)
    edit(Path("copy/abbreviations.yaml"), "code: МТСЗН", "code: MТСЗН")
    plan = Path("copy/plan_2017_2019.yaml")
    edit(
        plan,
        "      - {agency: МТСЗН, role: co}\n    deadline_text: 2 квартал 2017 года\n"
        "    deadline: {kind: quarter, year: 2017, quarter: 2}\n    costs_text: не требуются\n"
        "    costs: {required: false}\n    en:\n      text: Work out",
        "      - {agency: МТСЗН, role: lead}\n    deadline_text: 2 квартал 2017 года\n"
        "    deadline: {kind: quarter, year: 2017, quarter: 3}\n    costs_text: не требуются\n"
        "    costs: {required: false}\n    en:\n      text: Work out",
    )
    result = run("validate", str(plan))
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        "copy/abbreviations.yaml:42:11: error: 'MТСЗН' mixes alphabets: the Latin letter M at "
        "position 1; the act writes Cyrillic М [abbreviations[5].code] (lookalike-letter)\n"
        "copy/abbreviations.yaml:42:11: error: differs from the act's text "
        '(copy/source/resolution_912_2016-12-29.txt:208:1): expected "МТСЗН", found "MТСЗН" '
        "at character 1 [abbreviations[5].code] (source-mismatch)\n"
        "copy/plan_2017_2019.yaml:200:7: error: measure 5 has 2 lead executors; exactly one is "
        "the lead (the agency marked (созыв), or the sole agency) [measures[4].executors] "
        "(lead-count)\n"
        "copy/plan_2017_2019.yaml:203:15: error: deadline 2017Q3 does not say what "
        "deadline_text '2 квартал 2017 года' says (2017Q2) [measures[4].deadline] "
        "(deadline-mismatch)\n"
        f"copy/plan_2017_2019.yaml:{mzsr_line()}:11: warning: {MZSR_MESSAGE} "
        "[measures[27].text] (undefined-abbreviation)\n"
        "1 file checked: 4 errors, 1 warning (deadline-mismatch 1, lead-count 1, "
        "lookalike-letter 1, source-mismatch 1, undefined-abbreviation 1)\n"
    )


def test_a_latin_letter_in_a_code_of_a_text_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`MВД (созыв), МТСЗН` with a Latin M: the mixed word and the difference from the act,
    and no follow-on "'ВД' is used but not defined"."""
    shutil.copytree(REPO / "data", tmp_path / "copy")
    monkeypatch.chdir(tmp_path)
    plan = Path("copy/plan_2017_2019.yaml")
    edit(
        plan,
        "    executors_text: МВД (созыв), МТСЗН\n    executors:\n"
        "      - {agency: МВД, role: lead}\n      - {agency: МТСЗН, role: co}\n"
        "    deadline_text: 2 квартал 2017 года\n"
        "    deadline: {kind: quarter, year: 2017, quarter: 2}",
        "    executors_text: MВД (созыв), МТСЗН\n    executors:\n"
        "      - {agency: МВД, role: lead}\n      - {agency: МТСЗН, role: co}\n"
        "    deadline_text: 2 квартал 2017 года\n"
        "    deadline: {kind: quarter, year: 2017, quarter: 2}",
    )
    result = run("validate", str(plan))
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        "copy/plan_2017_2019.yaml:198:21: error: the word 'MВД' at character 1 mixes alphabets: "
        "the Latin letter M at position 1; the act writes Cyrillic М "
        "[measures[4].executors_text] (lookalike-letter)\n"
        "copy/plan_2017_2019.yaml:198:21: error: differs from the act's text (row 5, column 4, "
        'copy/source/resolution_912_2016-12-29.txt:49:1): expected "МВД (созыв), МТСЗН", '
        'found "MВД (созыв), МТСЗН" at character 1 [measures[4].executors_text] '
        "(source-mismatch)\n"
        f"copy/plan_2017_2019.yaml:{mzsr_line()}:11: warning: {MZSR_MESSAGE} "
        "[measures[27].text] (undefined-abbreviation)\n"
        "1 file checked: 2 errors, 1 warning (lookalike-letter 1, source-mismatch 1, "
        "undefined-abbreviation 1)\n"
    )
