"""`plan validate` compares the plan's verbatim texts with the act's text the plan names
(`source`): the comparison's parts, the files it reads, and what CI validates when one changes.
The folder cases (tests/cases/invalid/source-*) hold the golden output of each message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ABBREVIATIONS, DATA, PLAN, TESTS, run
from reintegration_plan.act_text import read_act_text
from reintegration_plan.numbering import plan_numbers
from reintegration_plan.related_files import plans_naming, with_related
from reintegration_plan.source_check import (
    SourceCheck,
    excerpt,
    first_difference,
    measure_findings,
)

WITH_SOURCE = TESTS / "cases" / "valid" / "with-source"
SOURCE = DATA / "source" / "resolution_912_2016-12-29.txt"
SUMMARY_OK = "1 file checked: 0 errors, 1 warning (undefined-abbreviation 1)\n"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of data/ (plan, abbreviations, the act's text); the plan's path."""
    shutil.copytree(DATA, tmp_path / "data")
    return tmp_path / "data" / PLAN.name


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def lines(result_stdout: str) -> list[str]:
    return result_stdout.splitlines()


# --- the comparison --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "found", "index"),
    [("abc", "abd", 2), ("abc", "abc!", 3), ("abc!", "abc", 3), ("", "x", 0), ("x", "y", 0)],
)
def test_first_difference(expected: str, found: str, index: int) -> None:
    assert first_difference(expected, found) == index


def test_excerpts_start_and_end_at_words() -> None:
    text = "Выработать механизм регистрации осужденного после освобождения по месту"
    assert excerpt(text, 3) == "Выработать механизм…"
    assert excerpt(text, 50) == "…осужденного после освобождения по…"
    assert excerpt(text, 70) == "…освобождения по месту"
    assert excerpt("короткий", 2) == "короткий"


def test_the_issue_s_example(copy: Path) -> None:
    """Changing one word of a measure in an edited copy fails `plan validate` (exit 1)."""
    edit(copy, "Выработать механизм регистрации", "Выроботать механизм регистрации")
    result = run("validate", str(copy))
    assert result.exit_code == 1
    (problem,) = [line for line in lines(result.stdout) if "(source-mismatch)" in line]
    assert problem.endswith(
        ":11: error: differs from the act's text (row 5, column 2, "
        f'{copy.parent / "source" / SOURCE.name}:47:4): expected "Выработать механизм…", '
        'found "Выроботать механизм…" at character 4 [measures[4].text] (source-mismatch)'
    )
    assert run("validate", "--no-source", str(copy)).exit_code == 0


def test_a_missing_act_text_is_a_warning(copy: Path) -> None:
    (copy.parent / "source" / SOURCE.name).unlink()
    result = run("validate", str(copy))
    assert result.exit_code == 0
    assert lines(result.stdout)[0] == (
        f"{copy}:8:9: warning: the act's text {copy.parent / 'source' / SOURCE.name} does not "
        "exist: the verbatim texts are not compared with it (give its path relative to this "
        "file, or run with --no-source) [source] (source-missing)"
    )
    assert run("validate", "--no-source", str(copy)).stdout.endswith(SUMMARY_OK)


def test_an_act_text_that_is_a_directory_is_an_error(copy: Path) -> None:
    edit(copy, "source: source/resolution_912_2016-12-29.txt", "source: source")
    result = run("validate", str(copy))
    assert result.exit_code == 1
    assert (
        f"{copy}:8:9: error: the act's text {copy.parent / 'source'} cannot be read: is a "
        "directory, not a file [source] (source-file)"
    ) in lines(result.stdout)


def test_a_plan_without_source_is_not_compared(copy: Path) -> None:
    edit(copy, "source: source/resolution_912_2016-12-29.txt  # relative to this file\n", "")
    edit(copy, "Выработать механизм регистрации", "Выроботать механизм регистрации")
    result = run("validate", str(copy))
    assert (result.exit_code, result.stdout.endswith(SUMMARY_OK)) == (0, True)


def test_source_after_the_measures_is_read_for_them(copy: Path) -> None:
    """The measures are checked as the parser completes them; a `source` key that comes after
    them is still used for them (the file is read again)."""
    line = "source: source/resolution_912_2016-12-29.txt  # relative to this file\n"
    edit(copy, line, "")
    copy.write_text(copy.read_text(encoding="utf-8") + line, encoding="utf-8")
    edit(copy, "Выработать механизм регистрации", "Выроботать механизм регистрации")
    result = run("validate", str(copy))
    assert result.exit_code == 1
    assert "[measures[4].text] (source-mismatch)" in result.stdout


def test_an_act_text_without_a_table(tmp_path: Path) -> None:
    act = read_act_text("Преамбула ПОСТАНОВЛЯЕТ:\n1. Утвердить.\n")
    check = SourceCheck(act, "act.txt")
    # the second is not a number: the schema says so; and no row is missing
    root = {"measures": [{"number": 1, "text": "x"}, {"number": "2"}]}
    (finding,) = measure_findings(act, root, "act.txt")
    assert (finding.code, finding.message, finding.path) == (
        "source-count",
        "measure 1: the act's text (act.txt) has no table",
        ("measures", 0, "number"),
    )
    assert check.glossary({"abbreviations": []}) == []
    assert check.head(["not", "a", "mapping"]) == []


def test_a_glossary_entry_the_act_does_not_define() -> None:
    act = read_act_text(SOURCE.read_text(encoding="utf-8"))
    check = SourceCheck(act, "act.txt")
    assert act.glossary is not None
    entries = [
        {"code": entry.code.text, "expansion": entry.expansion.text, "in_glossary": True}
        for entry in act.glossary.entries
    ]
    entries.append({"code": "МЗСР", "expansion": "Министерство", "in_glossary": True})
    (finding,) = check.glossary({"abbreviations": entries})
    assert (finding.code, finding.message, finding.path) == (
        "source-count",
        "'МЗСР' is marked in_glossary: true, but the act's glossary (act.txt) does not define it",
        ("abbreviations", 10, "in_glossary"),
    )


# --- what is validated when a file changes ----------------------------------------------------


def test_plans_naming_a_file() -> None:
    assert plans_naming(ABBREVIATIONS) == [PLAN]
    assert plans_naming(SOURCE) == [PLAN]
    assert plans_naming(WITH_SOURCE / "act.txt") == [WITH_SOURCE / "plan.yaml"]
    assert plans_naming(WITH_SOURCE / "plan.yaml") == []
    assert with_related([ABBREVIATIONS, PLAN, SOURCE]) == [ABBREVIATIONS, PLAN, SOURCE]


@pytest.mark.parametrize(
    "line",
    [
        "abbreviations: 'glossary.yaml'\n",
        'abbreviations: "glossary.yaml"  # quoted\n',
        "abbreviations:   glossary.yaml\t# a tab before the comment\n",
    ],
)
def test_a_plan_names_its_abbreviations_file_in_any_quoting(tmp_path: Path, line: str) -> None:
    (tmp_path / "glossary.yaml").write_text("schema_version: 1\nabbreviations: []\n", "utf-8")
    (tmp_path / "plan.yaml").write_text(f"schema_version: 1\n{line}", encoding="utf-8")
    (tmp_path / "other.yml").write_text("abbreviations: other.yaml\n", encoding="utf-8")
    (tmp_path / "bad.yaml").write_bytes(b"abbreviations: \xff\n")
    assert plans_naming(tmp_path / "glossary.yaml") == [tmp_path / "plan.yaml"]


def test_links_in_a_loop_beside_a_plan_are_no_plans(tmp_path: Path) -> None:
    """Files that cannot be resolved (links in a loop), as a plan file or named by one, are
    passed over without a traceback."""
    (tmp_path / "glossary.yaml").write_text("schema_version: 1\nabbreviations: []\n", "utf-8")
    (tmp_path / "plan.yaml").write_text("abbreviations: glossary.yaml\n", encoding="utf-8")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    (tmp_path / "other.yaml").write_text("abbreviations: a.yaml\n", encoding="utf-8")
    assert plans_naming(tmp_path / "glossary.yaml") == [tmp_path / "plan.yaml"]
    assert plans_naming(tmp_path / "a.yaml") == []


def test_an_act_text_given_brings_the_plans_that_name_it(copy: Path) -> None:
    source = copy.parent / "source" / SOURCE.name
    edit(source, "Выработать механизм регистрации", "Выроботать механизм регистрации")
    result = run("validate", str(source))
    assert result.exit_code == 1
    assert "2 files checked" in result.stdout
    assert f"{copy}:" in result.stdout and "(source-mismatch)" in result.stdout


def test_an_act_text_no_plan_names(tmp_path: Path) -> None:
    act = tmp_path / "act.txt"
    shutil.copyfile(SOURCE, act)
    result = run("validate", str(act))
    assert (result.exit_code, result.stdout) == (
        0,
        f"{act}:1:1: warning: no plan file in this folder or the one above names this act's "
        "text as its `source`, so nothing is compared with it (source-unused)\n"
        "1 file checked: 0 errors, 1 warning (source-unused 1)\n",
    )
    act.write_text("Нет пунктов.\n", encoding="utf-8")
    result = run("validate", str(act))
    assert result.exit_code == 1
    assert lines(result.stdout)[0] == (
        f"{act}:1:1: error: cannot be read: no numbered point (a line such as '1. Утвердить …') "
        "was found: this is not the text of an act in the official database's plain-text "
        "layout (source-file)"
    )
    act.write_bytes("1. Утвердить.\n".encode("cp1251"))
    assert "not valid UTF-8" in run("validate", str(act)).stdout


def test_a_commit_deleting_a_glossary_entry_the_plan_uses_fails(copy: Path) -> None:
    """The pre-commit hook passes only the changed file: the plan beside it is checked too."""
    glossary = copy.parent / "abbreviations.yaml"
    text = glossary.read_text(encoding="utf-8")
    start = text.index("  - code: МТСЗН\n")
    glossary.write_text(text[:start] + text[text.index("  - code: МНЭ\n") :], encoding="utf-8")
    result = run("validate", str(glossary))
    assert result.exit_code == 1
    assert "executor 'МТСЗН' is not defined in the abbreviations file" in result.stdout
    assert "glossary entry МТСЗН" in result.stdout


def test_the_readme_example_is_what_plan_validate_prints(
    copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readme = (DATA.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index("  ```text\n  plan_2017_2019.yaml:") + len("  ```text\n  ")
    example = readme[start : readme.index("\n", start)]
    edit(copy, "Выработать механизм регистрации", "Выроботать механизм регистрации")
    monkeypatch.chdir(copy.parent)
    assert example in lines(run("validate", copy.name).stdout)


# --- the measures compared row by row, as the act's reader makes them ---------------------------

SECTIONS_ACT = (
    "Преамбула ПОСТАНОВЛЯЕТ:\n1. Утвердить.\nМинистр |\nА. Иванов |\nПлан\n"
    "№ |\nМероприятие |\nФорма |\n"
    "Направление 1. Занятость |\n1. |\nМера один |\nприказ |\n2. |\nМера два |\nприказ |\n"
    "Направление 2. Жилье |\n1. |\nМера три |\nприказ |\n"
)


def test_the_act_numbers_each_section_from_1() -> None:
    act = read_act_text(SECTIONS_ACT)
    assert act.table is not None
    assert [(row.kind, row.cells[-1].text) for row in act.table.rows] == [
        ("heading", "Направление 1. Занятость"),
        ("measure", "приказ"),
        ("measure", "приказ"),
        ("heading", "Направление 2. Жилье"),
        ("measure", "приказ"),
    ]
    assert plan_numbers(act.table.rows) == [("1.1", None), ("1.2", None), ("2.1", None)]


def test_rows_numbered_in_each_section_pair_with_dotted_measures() -> None:
    """Which number a row has depends on the whole table (here: numbered again from 1 in each
    section, so the third row is 2.1, not 3 nor 1): the comparisons made as the rows come are
    kept only for the number the row has."""
    act = read_act_text(SECTIONS_ACT)
    root = {
        "table": {"columns": [{"number": 2, "role": "text"}, {"number": 3, "role": "form"}]},
        "measures": [
            {"number": "1.1", "text": "Мера один", "form_text": "приказ"},
            {"number": "1.2", "text": "Мера два", "form_text": "приказ"},
            {"number": "2.1", "text": "Мера 3", "form_text": "приказ"},
        ],
    }
    (finding,) = measure_findings(act, root, "act.txt")
    assert (finding.code, finding.path) == ("source-mismatch", ("measures", 2, "text"))
    assert finding.message.startswith("differs from the act's text (row 2.1, column 2, act.txt:")


def test_measures_numbered_by_place_against_rows_numbered_in_sections() -> None:
    """Measures 1, 2, 3 are not the rows 1.1, 1.2, 2.1, even where a row's place is the
    measure's number and its text differs: no row of theirs, and the rows left over."""
    act = read_act_text(SECTIONS_ACT)
    measures = [{"number": n, "text": "другой текст"} for n in (1, 2, 3)]
    found = measure_findings(act, {"measures": measures}, "act.txt")
    assert [(f.code, f.message, f.path) for f in found] == [
        *(
            (
                "source-count",
                f"measure {n}: the act's text (act.txt) has no row {n}",
                ("measures", n - 1, "number"),
            )
            for n in (1, 2, 3)
        ),
        (
            "source-count",
            "the act's text has table rows 1.1, 1.2, 2.1 (act.txt, lines 10, 13, 17) with no "
            "measure of that number in the plan",
            ("measures",),
        ),
    ]
