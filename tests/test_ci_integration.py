"""What users drop into their CI: the pre-commit hook and the GitHub Actions example work."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ABBREVIATIONS, PLAN, REPO, TESTS, run

HOOKS = REPO / ".pre-commit-hooks.yaml"
WORKFLOW = REPO / "examples" / "github-workflow.yml"


def hook() -> dict[str, object]:
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert [h["id"] for h in hooks] == ["plan-validate"]
    return dict(hooks[0])


def test_the_hook_runs_plan_validate_on_the_files_pre_commit_passes() -> None:
    assert {k: v for k, v in hook().items() if k not in ("name", "description", "files")} == {
        "id": "plan-validate",
        "entry": "plan validate",
        "language": "python",
        "pass_filenames": True,
    }


@pytest.mark.parametrize(
    ("path", "matched"),
    [
        ("data/plan_2017_2019.yaml", True),
        ("data/abbreviations.yaml", True),
        ("plan_2020_2022.yml", True),
        ("copy/data/abbreviations.yaml", True),
        ("plans/pp-934-2025/plan.yaml", True),  # as plan import lays a plan out
        ("plans/pp-934-2025/abbreviations.yaml", True),
        ("plans/plan.yaml.orig", False),
        ("plans/myplan.yaml", False),
        ("schema/plan.schema.json", False),
        ("progress.yaml", True),  # checked against the plan beside it
        ("plans/pp-934-2025/progress.yaml", True),
        ("progress.yaml.orig", False),
        ("data/plan_2017_2019.yaml.orig", False),
        ("data/source/resolution_912_2016-12-29.txt", True),
        ("copy/data/source/act.txt", True),
        ("notes.txt", False),
        ("data/source/resolution.txt.orig", False),
        (".github/workflows/validate.yml", False),
    ],
)
def test_the_hook_matches_the_data_files(path: str, matched: bool) -> None:
    # pre-commit matches `files` with re.search on the path from the repository's root
    assert bool(re.search(str(hook()["files"]), path)) is matched


def test_the_hook_checks_a_batch_of_files_in_one_call(tmp_path: Path) -> None:
    entry = shlex.split(str(hook()["entry"]))
    assert entry[0] == "plan"
    files = [str(PLAN), str(ABBREVIATIONS)]
    result = run(*entry[1:], *files)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.endswith(
        "2 files checked: 0 errors, 1 warning (undefined-abbreviation 1)\n"
    )
    # one bad file in the batch fails the hook
    broken = tmp_path / "abbreviations.yaml"
    shutil.copyfile(ABBREVIATIONS, broken)
    broken.write_text(broken.read_text(encoding="utf-8") + "unknown: 1\n", encoding="utf-8")
    result = run(*entry[1:], *files, str(broken))
    assert result.exit_code == 1
    assert f"{broken}:" in result.stdout and "(unknown-key)" in result.stdout


def test_the_readme_shows_the_workflow_example_as_it_is() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    example = WORKFLOW.read_text(encoding="utf-8")
    assert f"<!-- examples/github-workflow.yml -->\n```yaml\n{example}```\n" in readme


def test_the_workflow_example_annotates_with_plan_validate(monkeypatch: pytest.MonkeyPatch) -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    steps = workflow["jobs"]["validate"]["steps"]
    command = shlex.split(steps[-1]["run"])
    assert command[:4] == ["plan", "validate", "--format", "github"]
    assert [step["with"]["python-version"] for step in steps if "with" in step] == ["3.11"]
    monkeypatch.chdir(REPO)  # the workflow runs at the checkout's root
    result = run(*command[1:], env={"GITHUB_ACTIONS": "true"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.startswith("::warning file=data/plan_2017_2019.yaml,line=")
    assert "title=undefined-abbreviation::" in result.stdout


def test_a_commit_changing_only_the_act_s_text_runs_the_plan_through_the_hook(
    tmp_path: Path,
) -> None:
    """pre-commit passes only the changed files; the plan that quotes the text is checked."""
    copy = tmp_path / "data"
    shutil.copytree(REPO / "data", copy)
    source = next((copy / "source").glob("*.txt"))
    assert re.search(str(hook()["files"]), str(source.relative_to(tmp_path)))
    source.write_text(
        source.read_text(encoding="utf-8").replace("Б. Сагинтаев", "Б. Сагинтаевъ"),
        encoding="utf-8",
    )
    entry = shlex.split(str(hook()["entry"]))
    result = run(*entry[1:], str(source))
    assert result.exit_code == 1
    assert f"{copy / PLAN.name}:" in result.stdout
    assert "[act.signatory.name] (source-mismatch)" in result.stdout


def test_no_arguments_validates_what_the_queries_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan (--plan, PLAN_FILE, else the embedded one) and the progress file the query
    commands would read (PLAN_PROGRESS, else ./progress.yaml if there is one)."""
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.stdout.endswith(
        "1 file checked: 0 errors, 1 warning (undefined-abbreviation 1)\n"
    )
    Path("progress.yaml").write_text(
        "schema_version: 1\nrecords:\n- {measure: 31, status: done, on: 2017-06-20}\n",
        encoding="utf-8",
    )
    result = run("validate")
    assert result.exit_code == 1
    assert "progress.yaml:3:13: error: there is no measure 31 in the plan" in result.stdout
    assert "2 files checked: 1 error, 2 warnings" in result.stdout
    Path("elsewhere.yaml").write_text("schema_version: 1\nrecords: []\n", encoding="utf-8")
    result = run("validate", env={"PLAN_PROGRESS": "elsewhere.yaml"})
    assert (result.exit_code, result.stdout.splitlines()[-1]) == (
        0,
        "2 files checked: 0 errors, 1 warning (undefined-abbreviation 1)",
    )
    result = run("validate", "--plan", str(PLAN), env={"PLAN_PROGRESS": "missing.yaml"})
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "plan: error: PLAN_PROGRESS=missing.yaml: no such file\n",
    )


FIXTURE_934 = TESTS / "fixtures" / "plans" / "pp-934-2025"


def test_a_progress_file_the_hook_passes_alone_is_checked_against_the_plan_beside_it(
    tmp_path: Path,
) -> None:
    """pre-commit passes a changed progress.yaml alone: its records are about the plan in its
    folder (as the queries read it), not the embedded 912, whose agencies 934's АФМ is none
    of; a record of a measure that plan lacks fails the hook at its line."""
    folder = tmp_path / "plans" / "pp-934-2025"
    shutil.copytree(FIXTURE_934, folder)
    progress = folder / "progress.yaml"
    assert re.search(str(hook()["files"]), str(progress.relative_to(tmp_path)))
    entry = shlex.split(str(hook()["entry"]))
    result = run(*entry[1:], str(progress))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        "1 file checked: no problems\n",
        "",
    )
    with progress.open("a", encoding="utf-8") as file:
        file.write("- measure: 45\n  status: done\n  on: 2026-03-20\n  evidence: x\n")
    result = run(*entry[1:], str(progress))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{progress}:15:12: error: there is no measure 45 in the plan: expected a measure"
        " number 1–44, the id of a time a measure falls due (such as measure-3-2026H1) or a"
        " report id: half-yearly-report-2026H1, half-yearly-report-2026H2,"
        " half-yearly-report-2027H1, half-yearly-report-2027H2,"
        " half-yearly-consolidated-report-2026H1, half-yearly-consolidated-report-2026H2,"
        " half-yearly-consolidated-report-2027H1, half-yearly-consolidated-report-2027H2"
        " [records[2].measure] (unknown-measure)",
        "1 file checked: 1 error, 0 warnings (unknown-measure 1)",
    ]


def test_a_progress_file_given_with_a_plan_is_checked_against_that_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`plan validate plan.yaml progress.yaml` checks the records against plan.yaml (they
    were checked against the embedded 912 plan: АФМ was 'not an agency of the plan')."""
    elsewhere = tmp_path / "kept-apart.yaml"
    shutil.copyfile(FIXTURE_934 / "progress.yaml", elsewhere)
    monkeypatch.chdir(FIXTURE_934)
    result = run("validate", "--no-source", "plan.yaml", str(elsewhere), "--format", "json")
    assert result.exit_code == 0
    assert [p for p in json.loads(result.stdout)["problems"] if p["file"] == str(elsewhere)] == []
    # alone, away from any plan, it is about the embedded plan, as before
    result = run("validate", str(elsewhere), "--format", "github")
    assert (result.exit_code, result.stdout.splitlines()[0]) == (
        1,
        f"::error file={elsewhere},line=10,col=7,title=unknown-agency::'АФМ' is not an agency"
        " of the plan: expected a code, an alias or a name, one of ГП (GP), МВД (MVD), МФ (MF),"
        " МОН (MON), МЗ (MZ), МТСЗН (MTSZN), МНЭ (MNE), НПО (NPO), акиматы областей, городов"
        " Астаны и Алматы (AKIMATS) [records[0].by]",
    )
