"""Many plans loaded together (issue 13): 912's embedded plan with the real acts № 482, № 934
and № 991 that `plan import` drafted (tests/fixtures/plans, with their sources and a shared
list of bodies), their ids, `plan plans`, scoped obligation ids, agencies matched across
plans, progress records naming their plan, `--plan-id`, and every command across them.

``UPDATE_GOLDEN=1 pytest tests/test_many_plans.py`` rewrites tests/golden/many/: review every
changed golden by eye.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, TESTS, check_golden, run
from reintegration_plan import loader, snapshot
from reintegration_plan.models import Act
from reintegration_plan.obligations import all_obligations
from reintegration_plan.plan import plan_id
from reintegration_plan.plan_folders import find_files, load_plan_set
from reintegration_plan.plan_set import PlanSet, kept

GOLDEN = TESTS / "golden" / "many"
FOLDER = "tests/fixtures/plans"
EMBEDDED = "data/plan_2017_2019.yaml"
SHARED_PROGRESS = "tests/fixtures/many_progress.yaml"
ALL = ("--plan", EMBEDDED, "--plans", FOLDER)
"""912, then the folder's plans by name: № 482, № 934, № 991 (and the shared bodies)."""
IDS = ["pp-912-2016", "pp-482-2022", "pp-934-2025", "pp-991-2021"]


@pytest.fixture(autouse=True)
def _in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Relative paths, as a user types them (and as `plan plans` prints them)."""
    monkeypatch.chdir(REPO)


def check(name: str, actual: str) -> None:
    check_golden(GOLDEN / name, actual)


def ok(*args: str, width: str = "100", env: dict[str, str] | None = None) -> str:
    result = run(*args, env={"COLUMNS": width, **(env or {})})
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def failing(code: int, *args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert (result.exit_code, result.stdout) == (code, ""), result.output
    return result.stderr


def items(*args: str, env: dict[str, str] | None = None) -> list[dict[str, object]]:
    data = json.loads(ok(*args, "--format", "json", env=env))
    found: list[dict[str, object]] = data["items"]
    return found


# --- ids ---------------------------------------------------------------------------------


def act(**fields: object) -> Act:
    base: dict[str, object] = {
        "kind": "resolution_of_government",
        "number": 912,
        "date": "2016-12-29",
        "plan_title": "План мероприятий",
        "period": {"first_year": 2017, "last_year": 2019},
    }
    return Act.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, "pp-912-2016"),
        ({"kind": "decree_of_president", "number": 1050}, "up-1050-2016"),
        ({"kind": "order_of_prime_minister", "number": "45-р"}, "rp-45-r-2016"),
        ({"kind": "order", "number": "01-02/45"}, "pr-01-02-45-2016"),
        ({"kind": "joint_order", "number": "Қ-12"}, "spr-q-12-2016"),
        ({"kind": "law", "number": "120-VII ЗРК"}, "zrk-120-vii-zrk-2016"),
        ({"kind": "other", "date": "2023-05-02"}, "akt-912-2023"),
        ({"number": None, "date": None}, "pp-t6927cb-2017"),
        ({"number": None}, "pp-t6927cb-2016"),
        ({"number": "№"}, "pp-t6927cb-2016"),
    ],
)
def test_a_plans_id_is_its_acts_kind_number_and_year(
    fields: dict[str, object], expected: str
) -> None:
    assert plan_id(act(**fields)) == expected


def test_an_act_without_a_number_is_named_by_its_plans_title() -> None:
    one = plan_id(act(number=None, plan_title="План А"))
    other = plan_id(act(number=None, plan_title="План Б"))
    assert re.fullmatch(r"pp-t[0-9a-f]{6}-2016", one) and one != other


# --- plan plans --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_plan_plans_fits_80_columns(lang: str) -> None:
    text = ok("plans", *ALL, "--as-of", "2026-04-01", "--lang", lang, width="80")
    check(f"plans-{lang}.txt", text)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "┌" in text  # a table, not blocks


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_plan_plans_in_every_format(fmt: str) -> None:
    text = ok("plans", *ALL, "--as-of", "2026-04-01", "--format", fmt, "--lang", "ru")
    check(f"plans.{'md' if fmt == 'markdown' else fmt}", text)


def test_plan_plans_json_names_each_plan() -> None:
    data = json.loads(ok("plans", *ALL, "--as-of", "2026-04-01", "--format", "json"))
    assert [p["id"] for p in data["plans"]] == IDS
    assert data["plans"][2] | {"title": "…", "title_ru": "…"} == {
        "id": "pp-934-2025",
        "act": {
            "kind": "resolution_of_government",
            "number": 934,
            "date": "2025-11-07",
            "title": data["plans"][2]["act"]["title"],
        },
        "title": "…",
        "title_ru": "…",
        "period": {"first_year": 2026, "last_year": 2027},
        "measures": 44,
        "obligations": data["plans"][2]["obligations"],
        "overdue": 30,
        "next_deadline": "2026-06-30",
        "next_obligation": "pp-934-2025/measure-3-2026H1",
        "file": "tests/fixtures/plans/pp-934-2025/plan.yaml",
    }


def test_the_embedded_plan_alone_is_one_plan_named_by_its_id() -> None:
    data = json.loads(ok("plans", "--as-of", "2018-07-01", "--format", "json"))
    assert [(p["id"], p["measures"], p["next_deadline"]) for p in data["plans"]] == [
        ("pp-912-2016", 30, "2018-07-10")
    ]


# --- loading -----------------------------------------------------------------------------


def test_a_folder_plan_path_and_repeated_plan_options_load_the_same_plans() -> None:
    by_options = ok("plans", *ALL, "--as-of", "2026-04-01", "--format", "json")
    path = os.pathsep.join([EMBEDDED, FOLDER])
    by_path = ok("plans", "--as-of", "2026-04-01", "--format", "json", env={"PLAN_PATH": path})
    assert by_path == by_options
    plans = [f"{FOLDER}/{name}/plan.yaml" for name in ("pp-482-2022", "pp-934-2025")]
    one_by_one = json.loads(
        ok(
            "plans",
            "--plan",
            plans[0],
            "--plan",
            plans[1],
            "--as-of",
            "2026-04-01",
            "--format",
            "json",
        )
    )
    assert [p["id"] for p in one_by_one["plans"]] == ["pp-482-2022", "pp-934-2025"]


def test_a_missing_folder_of_plan_path_is_said_to_come_from_it() -> None:
    """As PLAN_FILE's (README, "Exit codes"): the user may not remember having set it."""
    path = os.pathsep.join([FOLDER, "nope"])
    assert failing(2, "due", env={"PLAN_PATH": path}) == (
        f"plan: error: nope (in PLAN_PATH={path}): no such file or folder\n"
    )
    assert failing(2, "due", "--plans", "nope") == "plan: error: nope: no such file or folder\n"


def test_plan_options_come_before_plan_path_and_plan_file() -> None:
    env = {"PLAN_PATH": FOLDER, "PLAN_FILE": "tests/fixtures/plan_934/plan.yaml"}
    shown = json.loads(ok("plans", "--as-of", "2026-04-01", "--format", "json", env=env))
    assert [p["id"] for p in shown["plans"]] == IDS[1:]
    given = json.loads(ok("plans", "--plan", EMBEDDED, "--format", "json", env=env))
    assert [p["id"] for p in given["plans"]] == ["pp-912-2016"]
    alone = json.loads(ok("plans", "--format", "json", env={"PLAN_FILE": env["PLAN_FILE"]}))
    assert [p["file"] for p in alone["plans"]] == ["tests/fixtures/plan_934/plan.yaml"]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A copy of the fixture folder, to change."""
    copy = tmp_path / "plans"
    shutil.copytree(REPO / FOLDER, copy)
    return copy


def test_files_are_told_by_their_content(folder: Path) -> None:
    """Other YAML (a workflow), hidden folders and files, and texts are left alone; a plan in
    a file of any name is found."""
    (folder / "ci.yml").write_text("name: check\non: [push]\n", encoding="utf-8")
    hidden = folder / ".old"
    shutil.copytree(folder / "pp-991-2021", hidden)
    (folder / ".draft.yaml").write_text("schema_version: 1\n", encoding="utf-8")
    (folder / "pp-482-2022" / "plan.yaml").rename(folder / "pp-482-2022" / "инвестиции.yml")
    (folder / "flow.yaml").write_text('{"schema_version": 1, "records": []}\n', encoding="utf-8")
    data = json.loads(ok("plans", "--plans", str(folder), "--format", "json"))
    assert [Path(p["file"]).name for p in data["plans"]] == [
        "инвестиции.yml",
        "plan.yaml",
        "plan.yaml",
    ]


def test_a_folder_with_no_plan_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.yaml").write_text("a: 1\n", encoding="utf-8")
    stderr = failing(2, "due", "--plans", str(tmp_path))
    assert stderr == (
        f"plan: error: {tmp_path}: no plan file found there (a YAML file with the keys act and "
        "measures)\n"
    )
    assert (
        failing(2, "due", "--plans", "nowhere") == "plan: error: nowhere: no such file or folder\n"
    )


def test_a_file_named_in_plan_path_is_read_as_what_it_is(tmp_path: Path) -> None:
    """A progress file named in PLAN_PATH is a progress file; any other file a plan file."""
    path = os.pathsep.join([EMBEDDED, SHARED_PROGRESS])
    shown = items("due", "--as-of", "2017-07-01", "--all", env={"PLAN_PATH": path})
    assert [i["status"] for i in shown if i["id"] == "measure-5"] == ["done"]
    other = tmp_path / "x.yaml"
    other.write_text("a: 1\n", encoding="utf-8")
    stderr = failing(1, "due", "--plans", str(other))
    assert "missing required key 'schema_version' at the top of the document" in stderr


def test_two_plans_of_one_act_are_refused(folder: Path) -> None:
    shutil.copytree(folder / "pp-991-2021", folder / "copy")
    stderr = failing(2, "due", "--plans", str(folder))
    assert stderr == (
        f"plan: error: {folder}/copy/plan.yaml and {folder}/pp-991-2021/plan.yaml are both "
        "plan pp-991-2021 (the same act): load one of them\n"
    )


def test_the_same_file_twice_is_one_plan() -> None:
    data = json.loads(
        ok("plans", "--plan", EMBEDDED, "--plan", f"./{EMBEDDED}", "--format", "json")
    )
    assert len(data["plans"]) == 1


def test_every_plan_with_errors_is_reported(folder: Path) -> None:
    for name in ("pp-482-2022", "pp-991-2021"):
        plan = folder / name / "plan.yaml"
        plan.write_text(plan.read_text(encoding="utf-8").replace("period:", "periods:", 1))
    stderr = failing(1, "due", "--plans", str(folder))
    lines = stderr.splitlines()
    assert [line.split(":", 1)[0] for line in lines if "(missing-key)" in line] == [
        f"{folder}/pp-482-2022/plan.yaml",
        f"{folder}/pp-991-2021/plan.yaml",
    ]
    assert lines[-1] == "plan: error: the data has errors: run `plan validate` on it and fix them"


def test_one_plan_found_in_a_folder_is_not_scoped(folder: Path) -> None:
    shutil.rmtree(folder / "pp-482-2022")
    shutil.rmtree(folder / "pp-991-2021")
    alone = ok("due", "--plans", str(folder), "--as-of", "2026-04-01", "--format", "json")
    plan = ok(
        "due",
        "--plan",
        str(folder / "pp-934-2025" / "plan.yaml"),
        "--progress",
        str(folder / "pp-934-2025" / "progress.yaml"),
        "--as-of",
        "2026-04-01",
        "--format",
        "json",
    )
    assert alone == plan
    assert '"plan"' not in alone and "pp-934-2025/" not in alone


# --- every command across the plans ------------------------------------------------------

CASES: dict[str, tuple[str, ...]] = {
    "due-mf-2026-04-01-ru.txt": ("due", "--agency", "мф", "--as-of", "2026-04-01", "--lang", "ru"),
    "due-mf-2026-04-01.json": (
        "due",
        "--agency",
        "MF",
        "--as-of",
        "2026-04-01",
        "--format",
        "json",
    ),
    "due-mf-2026-04-01.csv": ("due", "--agency", "мф", "--as-of", "2026-04-01", "--format", "csv"),
    "due-934-2026-04-01-en.txt": (
        "due",
        "--plan-id",
        "934",
        "--as-of",
        "2026-04-01",
        "--lang",
        "en",
    ),
    "agency-miitsr-2026-04-01-ru.txt": ("agency", "миицр", "--as-of", "2026-04-01", "--lang", "ru"),
    "agency-mvd-2026-04-01.json": ("agency", "mvd", "--as-of", "2026-04-01", "--format", "json"),
    "agencies-2026-04-01.csv": ("agencies", "--as-of", "2026-04-01", "--format", "csv"),
    "measures-mf-2026.md": (
        "measures",
        "--agency",
        "мф",
        "--deadline",
        "2026",
        "--as-of",
        "2026-04-01",
        "--format",
        "markdown",
        "--lang",
        "ru",
    ),
    "calendar-mvd-2026-04-01-ru.ics": (
        "calendar",
        "--agency",
        "мвд",
        "--as-of",
        "2026-04-01",
        "--lang",
        "ru",
    ),
    "timeline-miitsr-2026-04-01-ru.txt": (
        "timeline",
        "--agency",
        "миицр",
        "--as-of",
        "2026-04-01",
        "--lang",
        "ru",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_across_the_plans(name: str) -> None:
    args = CASES[name]
    text = ok(
        *args,
        *ALL,
        "--progress",
        SHARED_PROGRESS,
        "--progress",
        f"{FOLDER}/pp-934-2025/progress.yaml",
    )
    check(name, text)


def test_every_id_is_scoped_and_json_items_carry_their_plan() -> None:
    found = items("due", *ALL, "--as-of", "2026-04-01", "--all")
    assert {i["plan"] for i in found} == set(IDS)
    assert all(str(i["id"]).startswith(f"{i['plan']}/") for i in found)
    assert len({i["id"] for i in found}) == len(found) == 331
    first = next(i for i in found if i["id"] == "pp-912-2016/measure-5")
    assert list(first)[:3] == ["plan", "kind", "id"]


def test_plan_id_narrows_to_one_plan_and_keeps_the_ids() -> None:
    whole = items("due", *ALL, "--as-of", "2026-04-01", "--all")
    for plan, short in (("pp-934-2025", "934"), ("pp-482-2022", "PP-482-2022")):
        narrow = items("due", *ALL, "--plan-id", short, "--as-of", "2026-04-01", "--all")
        assert narrow == [i for i in whole if i["plan"] == plan]


def test_an_unknown_plan_id_says_which_are_loaded() -> None:
    assert failing(2, "due", *ALL, "--plan-id", "912-2017") == (
        "plan: error: --plan-id '912-2017' is not a plan loaded: the plans loaded are pp-912-2016, "
        "pp-482-2022, pp-934-2025, pp-991-2021\n"
    )
    assert failing(2, "due", "--plan-id", "934") == (
        "plan: error: --plan-id '934' is not a plan loaded: the plans loaded are pp-912-2016\n"
    )
    assert failing(2, "due", "--plan-id", "934", env={"PLAN_LANG": "ru"}) == (
        "plan: ошибка: --plan-id '934' — не загруженный план: загружены pp-912-2016\n"
    )


def test_the_embedded_plan_narrowed_to_itself_is_unchanged() -> None:
    plain = ok("due", "--as-of", "2017-07-01")
    assert ok("due", "--plan-id", "pp-912-2016", "--as-of", "2017-07-01") == plain
    # the act's number alone, as README says, with one plan loaded too (it said "'912' is not a
    # plan loaded: the plans loaded are pp-912-2016")
    assert ok("due", "--plan-id", "912", "--as-of", "2017-07-01") == plain


def test_a_table_across_plans_shows_each_items_plan() -> None:
    text = ok("due", *ALL, "--as-of", "2026-04-01", "--agency", "мвд", "--lang", "ru", width="100")
    header = next(line for line in text.splitlines() if line.startswith("│ Статус"))
    assert [cell.strip() for cell in header.strip("│").split("│")] == [
        "Статус",
        "План",
        "№",
        "Срок",
        "Отв.",
        "Наименование",
    ]
    assert "│ № 912 │" in text and "│ № 934 │" in text


def test_a_measure_of_several_plans_is_listed_once_per_plan() -> None:
    found = items("measures", *ALL, "--as-of", "2026-04-01")
    keys = [(i["plan"], i["number"]) for i in found]
    assert len(keys) == len(set(keys)) == 30 + 45 + 44 + 26
    assert [k for k in keys if k[1] == 5] == [(plan, 5) for plan in IDS]


def test_show_needs_the_plan_when_several_have_the_target() -> None:
    assert failing(2, "show", "5", *ALL) == (
        "plan: error: '5' is in 4 plans loaded (pp-912-2016, pp-482-2022, pp-934-2025, "
        "pp-991-2021): name one, as pp-912-2016/5, or give --plan-id\n"
    )
    assert failing(2, "show", "half-yearly-report-2099H1", *ALL) == (
        "plan: error: there is no measure or obligation 'half-yearly-report-2099H1' in the "
        "plans loaded (pp-912-2016, pp-482-2022, pp-934-2025, pp-991-2021): name a plan's "
        "own, as pp-912-2016/5\n"
    )
    data = json.loads(
        ok("show", "pp-934-2025/5", *ALL, "--as-of", "2026-04-01", "--format", "json")
    )
    assert (data["plan"], data["id"], data["number"]) == ("pp-934-2025", "pp-934-2025/measure-5", 5)
    same = json.loads(
        ok("show", "5", *ALL, "--plan-id", "934", "--as-of", "2026-04-01", "--format", "json")
    )
    assert same == data
    only = json.loads(ok("show", "consolidated-report", *ALL, "--format", "json"))
    assert only["id"] == "pp-912-2016/consolidated-report"
    text = ok("show", "pp-934-2025/5", *ALL, "--lang", "ru")
    assert "│ План" in text and "pp-934-2025" in text


def test_show_of_a_measure_falling_due_several_times_by_its_scoped_id() -> None:
    data = json.loads(
        ok("show", "pp-482-2022/measure-7-2024", *ALL, "--as-of", "2026-04-01", "--format", "json")
    )
    assert data["id"] == "pp-482-2022/measure-7-2024"
    assert [o["id"] for o in data["occurrences"]] == [
        f"pp-482-2022/measure-7-{year}" for year in range(2022, 2027)
    ]


# --- agencies matched across plans -------------------------------------------------------


def codes_of(*args: str) -> dict[str, dict[str, object]]:
    data = json.loads(ok("agencies", *args, "--as-of", "2026-04-01", "--format", "json"))
    return {str(a["code"]): a for a in data["agencies"]}


def test_an_agency_of_several_plans_is_one_row_counting_them_all() -> None:
    every = codes_of(*ALL)
    alone = {
        plan: codes_of("--plan", path)
        for plan, path in (
            ("912", EMBEDDED),
            ("482", f"{FOLDER}/pp-482-2022/plan.yaml"),
            ("934", f"{FOLDER}/pp-934-2025/plan.yaml"),
            ("991", f"{FOLDER}/pp-991-2021/plan.yaml"),
        )
    }
    mf = every["МФ"]
    for key in ("lead", "co", "by_agreement", "reports"):
        assert mf[key] == sum(int(plan["МФ"][key]) for plan in alone.values() if "МФ" in plan)
    assert (mf["plans"], mf["codes"], mf["name_en"]) == (
        4,
        [],
        "Ministry of Finance of the Republic of Kazakhstan",
    )


def test_a_renamed_body_is_one_body_by_the_shared_list(folder: Path) -> None:
    """bodies.yaml, which no plan names, says that МИИЦР (№ 934) was МЦРИАП (№ 482)."""
    joined = codes_of("--plans", str(folder))
    assert "МЦРИАП" not in joined
    assert (joined["МИИЦР"]["codes"], joined["МИИЦР"]["plans"]) == (["МЦРИАП"], 2)
    (folder / "bodies.yaml").unlink()
    apart = codes_of("--plans", str(folder))
    assert (apart["МИИЦР"]["codes"], apart["МЦРИАП"]["codes"]) == ([], [])
    assert joined["МИИЦР"]["co"] == int(apart["МИИЦР"]["co"]) + int(apart["МЦРИАП"]["co"])
    old = json.loads(ok("agency", "мцриап", "--plans", str(folder), "--format", "json"))
    assert old["agency"]["code"] == "МЦРИАП"


def test_a_link_in_a_plans_own_abbreviations_file_joins_every_plan(folder: Path) -> None:
    (folder / "bodies.yaml").unlink()
    glossary = folder / "pp-934-2025" / "abbreviations.yaml"
    text = glossary.read_text(encoding="utf-8")
    text = text.replace(
        "    alias: MIITSR\n", "    alias: MIITSR\n    same_as: [MTSRIAP]  # МЦРИАП, by its alias\n"
    )
    glossary.write_text(text, encoding="utf-8")
    joined = codes_of("--plans", str(folder))
    assert joined["МИИЦР"]["codes"] == ["МЦРИАП"]
    text = ok("agency", "MTSRIAP", "--plans", str(folder), "--as-of", "2026-04-01", "--lang", "ru")
    assert text.startswith("МИИЦР (MIITSR) по состоянию на 01.04.2026")
    assert "В других планах: МЦРИАП." in text


def test_a_bodys_other_codes_are_latin_in_english() -> None:
    """English text people read shows Latin aliases: "In other plans: МЦРИАП." was the act's
    Cyrillic code in an English sentence."""
    args = ("--plan", EMBEDDED, "--plans", FOLDER, "--as-of", "2026-04-01")
    english = " ".join(ok("agency", "miitsr", *args, "--lang", "en", width="200").split())
    assert "1 done. In other plans: MTSRIAP (МЦРИАП). Measures it leads" in english
    russian = " ".join(ok("agency", "miitsr", *args, "--lang", "ru", width="200").split())
    assert "1 выполнено. В других планах: МЦРИАП. Мероприятия, где" in russian
    table = ok("agencies", *args, "--lang", "en", width="200")
    assert "in other plans: MTSRIAP (МЦРИАП)" in table
    assert "in other plans: MIOR (МИОР)" in table
    assert "МЦРИАП" not in table.replace("(МЦРИАП)", "")


def test_a_guessed_alias_alone_does_not_join_two_bodies(folder: Path) -> None:
    """№ 991's МО drafted with the alias AFM that № 934's АФМ has: two bodies, and `afm`
    could be either."""
    glossary = folder / "pp-991-2021" / "abbreviations.yaml"
    text = glossary.read_text(encoding="utf-8").replace("alias: MO\n", "alias: AFM\n")
    glossary.write_text(text, encoding="utf-8")
    apart = codes_of("--plans", str(folder))
    assert (apart["МО"]["codes"], apart["АФМ"]["codes"]) == ([], [])
    assert failing(2, "agency", "afm", "--plans", str(folder)) == (
        "plan: error: 'afm' could be any of АФМ, МО: type more of the name, or a code or alias\n"
    )


def test_an_agency_no_plan_has_is_refused_with_those_they_have() -> None:
    stderr = failing(2, "agency", "марсианское агентство", *ALL)
    assert stderr.startswith(
        "plan: error: 'марсианское агентство' is not an agency of the plans: expected a code, "
        "an alias or a name, one of ГП (GP), МВД (MVD), МФ (MF),"
    )


# --- progress records across plans -------------------------------------------------------


def test_records_count_for_the_plan_they_name() -> None:
    found = items("due", *ALL, "--progress", SHARED_PROGRESS, "--as-of", "2026-04-01", "--all")
    done = sorted(str(i["id"]) for i in found if i["status"] == "done")
    assert done == [
        "pp-482-2022/measure-7-2025",
        "pp-912-2016/consolidated-report",
        "pp-912-2016/measure-5",
    ]  # the file named, not the one found beside 934's plan


def test_a_progress_file_beside_a_plan_is_that_plans() -> None:
    """Found with --plans when no progress file is named; its records name no plan."""
    found = items("due", *ALL, "--as-of", "2026-04-01", "--all")
    assert [i["id"] for i in found if i["status"] == "done"] == ["pp-934-2025/measure-17"]
    shown = json.loads(
        ok("show", "pp-934-2025/21", *ALL, "--as-of", "2026-04-01", "--format", "json")
    )
    assert (shown["status"], [r["note"] for r in shown["history"]]) == (
        "overdue",
        ["письмо в AppStore и PlayMarket"],
    )


def test_a_record_of_a_plan_not_loaded_is_not_counted_and_validate_warns() -> None:
    found = items("due", "--progress", SHARED_PROGRESS, "--as-of", "2017-07-01", "--all")
    assert [i["id"] for i in found if i["status"] == "done"] == ["measure-5"]
    result = run("validate", *ALL, SHARED_PROGRESS)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"{SHARED_PROGRESS}:20:9: warning: the record is about plan pp-15-2012, which is not "
        "loaded (the plans loaded: pp-912-2016, pp-482-2022, pp-934-2025, pp-991-2021): it is "
        "not counted [records[3].plan] (other-plan)",
        "1 file checked: 0 errors, 1 warning (other-plan 1)",
    ]


def test_a_record_naming_no_plan_is_refused_when_several_have_its_target(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    progress.write_text(
        "schema_version: 1\nrecords:\n- measure: 5\n  status: done\n  on: 2026-01-10\n"
        "  evidence: x\n- obligation: measure-99\n  status: done\n  on: 2026-01-10\n"
        "  evidence: x\n",
        encoding="utf-8",
    )
    stderr = failing(1, "due", *ALL, "--progress", str(progress))
    assert stderr.splitlines() == [
        f"{progress}:3:3: error: measure 5 is in 4 plans loaded (pp-912-2016, pp-482-2022, "
        "pp-934-2025, pp-991-2021): name the plan the record is about, `plan: pp-912-2016` "
        "[records[0]] (ambiguous-plan)",
        f"{progress}:7:15: error: there is no measure-99 in any plan loaded (pp-912-2016, "
        "pp-482-2022, pp-934-2025, pp-991-2021) [records[1].obligation] (unknown-obligation)",
        "1 file checked: 2 errors, 0 warnings (ambiguous-plan 1, unknown-obligation 1)",
        "",
        "plan: error: the data has errors: run `plan validate` on it and fix them",
    ]


def test_validate_checks_what_the_queries_read() -> None:
    result = run("validate", *ALL, "--no-source")
    assert (result.exit_code, result.stderr) == (0, "")
    summary = result.stdout.splitlines()[-1]
    # the plans (each with its glossary), the shared bodies, the progress file beside 934's
    assert summary.startswith("9 files checked: 0 errors, ")
    assert "pp-934-2025/progress.yaml" not in result.stdout  # no problem in it


def test_validate_given_a_folder_checks_it_as_plans_reads_it(tmp_path: Path) -> None:
    """`plan validate plans/` said "plans/: is a directory, not a file" (exit 2) and nothing of
    what to do; a folder is read as --plans reads it, its progress files checked against the
    plans there (934's own, whose record names АФМ, an agency 912 lacks)."""
    folder = run("validate", FOLDER, "--no-source")
    assert (folder.exit_code, folder.stderr) == (0, "")
    assert folder.stdout.splitlines()[-1] == (
        "8 files checked: 0 errors, 326 warnings (missing-translation 251, review-note 37, "
        "undefined-abbreviation 38)"
    )
    assert folder.stdout == run("validate", "--plans", FOLDER, "--no-source").stdout
    assert "pp-934-2025/progress.yaml" not in folder.stdout
    empty = failing(2, "validate", str(tmp_path))
    assert empty == (
        f"plan: error: {tmp_path}: no plan file found there (a YAML file with the keys act and "
        "measures)\n"
    )


# --- plan record -------------------------------------------------------------------------


def test_plan_record_asks_for_the_plan_when_the_target_is_ambiguous(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    args = (
        "--status",
        "done",
        "--on",
        "2026-03-01",
        "--evidence",
        "x",
        "--progress",
        str(progress),
    )
    assert failing(2, "record", "5", *args, *ALL) == (
        "plan: error: '5' is in 4 plans loaded (pp-912-2016, pp-482-2022, pp-934-2025, "
        "pp-991-2021): name one, as pp-912-2016/5, or give --plan-id\n"
    )
    assert failing(2, "record", "5", *args, *ALL, "--lang", "ru") == (
        "plan: ошибка: '5' есть в 4 загруженных планах (pp-912-2016, pp-482-2022, pp-934-2025, "
        "pp-991-2021): укажите один, например pp-912-2016/5, или дайте --plan-id\n"
    )
    assert failing(2, "record", "99.9", *args, *ALL, "--lang", "ru") == (
        "plan: ошибка: в загруженных планах (pp-912-2016, pp-482-2022, pp-934-2025, "
        "pp-991-2021) нет мероприятия или обязательства '99.9': укажите его в плане, например "
        "pp-912-2016/5\n"
    )
    assert not progress.exists()
    done = ok("record", "5", *args, *ALL, "--plan-id", "934", "--lang", "ru")
    assert " ".join(done.split()) == (
        f"Записано в {progress}: pp-934-2025: мероприятие 5 — выполнено, 01.03.2026."
    )
    ok("record", "pp-482-2022/measure-7-2025", *args, *ALL)
    ok("record", "consolidated-report", *args, "--force", *ALL)  # only 912 has it
    assert progress.read_text(encoding="utf-8").split("records:\n")[1] == (
        "- plan: pp-934-2025\n  measure: 5\n  status: done\n  on: 2026-03-01\n  evidence: x\n"
        "- plan: pp-482-2022\n  obligation: measure-7-2025\n  status: done\n  on: 2026-03-01\n"
        "  evidence: x\n"
        "- plan: pp-912-2016\n  obligation: consolidated-report\n  status: done\n"
        "  on: 2026-03-01\n  evidence: x\n"
    )
    found = items("due", *ALL, "--progress", str(progress), "--as-of", "2026-04-01", "--all")
    assert sorted(str(i["id"]) for i in found if i["status"] == "done") == [
        "pp-482-2022/measure-7-2025",
        "pp-912-2016/consolidated-report",
        "pp-934-2025/measure-5",
    ]


def test_plan_record_with_one_plan_writes_no_plan(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    ok(
        "record",
        "5",
        "--status",
        "done",
        "--on",
        "2017-06-20",
        "--evidence",
        "x",
        "--progress",
        str(progress),
    )
    assert "plan:" not in progress.read_text(encoding="utf-8")


# --- calendar ----------------------------------------------------------------------------


def uids(ics: str) -> list[str]:
    return re.findall(r"^UID:(.*)\r$", ics, re.MULTILINE)


def ics(*args: str) -> str:
    result = run("calendar", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout_bytes.decode("utf-8")


def test_calendar_uids_are_unique_and_stable_across_plans() -> None:
    first = ics(*ALL, "--as-of", "2026-04-01")
    again = ics(
        *ALL,
        "--as-of",
        "2027-01-15",
        "--progress",
        SHARED_PROGRESS,
        "--lang",
        "ru",
    )
    assert first != again
    assert uids(first) == uids(again)  # a re-import updates every event, duplicates none
    assert len(set(uids(first))) == len(uids(first)) > 300
    alone = ics("--as-of", "2018-07-01")
    assert set(uids(alone)) <= set(uids(first))  # 912's events keep their UIDs among others
    domains = {uid.partition("@")[2] for uid in uids(first)}
    assert domains == {
        "reintegration-plan.kz-912-2016",
        "reintegration-plan.kz-482-2022",
        "reintegration-plan.kz-934-2025",
        "reintegration-plan.kz-991-2021",
    }
    assert "X-PLAN-ID:pp-934-2025/measure-17\r\n" in first
    assert "X-PLAN-PLAN:pp-934-2025\r\n" in first
    assert "NAME:Deadlines of the Plans of Measures (4 plans)\r\n" in first


# --- report and submission ---------------------------------------------------------------


def test_the_report_across_plans_names_each_one() -> None:
    text = ok("report", *ALL, "--as-of", "2026-04-01", "--lang", "ru")
    assert text.startswith("# Ход исполнения планов мероприятий (4 плана)\n\npp-912-2016: ")
    assert "### № 912: Информация в МВД за полугодие: по органам" in text
    assert (
        "### № 934: Информацию о ходе их реализации в Агентство Республики Казахстан по "
        "финансовому мониторингу: по органам"
    ) in text
    assert "| 5 | № 912: Выработать механизм регистрации" in text
    html = ok("report", *ALL, "--as-of", "2026-04-01", "--format", "html", "--lang", "en")
    assert "<h1>Progress of the Plans of Measures (4 plans)</h1>" in html
    assert (
        '<p class="plan">pp-934-2025: Resolution of the Government of the RK No. 934 of '
        "7 November 2025." in html
    )


def test_the_timeline_across_plans_heads_each_plans_rows() -> None:
    text = ok("timeline", *ALL, "--as-of", "2026-04-01", "--lang", "ru", width="120")
    headings = [line for line in text.splitlines() if line.startswith("pp-")]
    assert headings == [
        "pp-912-2016: постановление Правительства РК № 912",
        "pp-482-2022: постановление Правительства РК № 482",
        "pp-934-2025: постановление Правительства РК № 934",
        "pp-991-2021: постановление Правительства РК № 991",
    ]


def test_the_timeline_across_plans_at_80_columns_shows_every_quarter() -> None:
    """2017 to 2028 is 45 quarters: at 2 characters each the grid ran past column 80 and was
    cut there (the year label read "202", the quarters of № 934 were gone); at 1 character a
    quarter (a label over every other year) they all fit, with each row's mark."""
    text = ok("timeline", *ALL, "--as-of", "2026-04-01", "--lang", "ru", width="80")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[2].split() == ["2017", "2019", "2021", "2023", "2025", "2027"]
    assert lines[3].endswith("Статус       " + "1234" * 11 + "1")
    assert "не поместились" not in text
    first = next(line for line in lines if line.startswith(" 1 "))
    assert first == " 1 Разработать ме… просрочено   ◆" + " " * 36 + "│"


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "ru",
            "Кварталы до 2 кв. 2017 не поместились в 60 колонок: их\n"
            "покажут терминал шире (COLUMNS), --svg или --html, или\n"
            "меньше планов (--plan-id).",
        ),
        (
            "en",
            "The quarters before Q2 2017 do not fit in 60 columns: a\n"
            "wider terminal (COLUMNS), --svg or --html shows them, or\n"
            "fewer plans (--plan-id).",
        ),
    ],
)
def test_the_timeline_too_long_for_the_terminal_says_what_it_leaves_out(
    lang: str, note: str
) -> None:
    """At 60 columns not even 1 character a quarter fits: the quarters around the as-of date
    are shown and the chart says which are left out, never a grid cut at the edge."""
    text = ok("timeline", *ALL, "--as-of", "2026-04-01", "--lang", lang, width="60")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert lines[2].split() == ["2018", "2020", "2022", "2024", "2026", "2028"]
    assert note in text


def test_the_gantt_chart_names_each_rows_plan(tmp_path: Path) -> None:
    svg = tmp_path / "t.svg"
    ok("timeline", *ALL, "--as-of", "2026-04-01", "--agency", "миицр", "--svg", str(svg))
    text = svg.read_text(encoding="utf-8")
    assert ">No. 934: Updating the criteria" in text or ">No. 934: " in text


@pytest.fixture()
def twin(tmp_path: Path) -> Path:
    """A second plan like Resolution 934's, under another number: two plans whose agencies
    report on the same half-years."""
    source = TESTS / "fixtures" / "plan_934"
    for name in ("plan_934", "plan_935"):
        shutil.copytree(source, tmp_path / name)
    plan = tmp_path / "plan_935" / "plan.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("number: 934", "number: 935", 1))
    (tmp_path / "plan_935" / "progress.yaml").unlink()
    return tmp_path


def test_a_submission_for_each_plan_whose_report_the_agency_owes(twin: Path) -> None:
    args = ("submission", "--agency", "мф", "--period", "2026H1", "--plans", str(twin))
    text = ok(*args, "--format", "markdown")
    parts = text.split("\n---\n\n")
    assert len(parts) == 2
    assert (
        "(пункт 2 постановления Правительства Республики Казахстан от 7 ноября 2025 года № 934)"
        in parts[0]
    )
    assert "№ 935)" in parts[1]
    alone = ok(*args, "--plan-id", "935", "--format", "markdown")
    assert alone == parts[1]
    book = io.BytesIO(run(*args, "--format", "xlsx").stdout_bytes)
    with zipfile.ZipFile(book) as archive:
        names = archive.read("xl/workbook.xml").decode()
    assert re.findall(r'<sheet [^>]*name="([^"]*)"', names) == [
        "pp-934-2025 2026H1",
        "pp-935-2025 2026H1",
    ]
    document = io.BytesIO(run(*args, "--format", "docx").stdout_bytes)
    with zipfile.ZipFile(document) as archive:
        body = archive.read("word/document.xml").decode()
    assert body.count('<w:br w:type="page"/>') == 1


def test_a_submission_no_plan_has_says_why_for_each() -> None:
    args = ("submission", "--agency", "мф", "--period", "2030H1", *ALL, "--format", "markdown")
    stderr = failing(2, *args, "--lang", "en")
    assert stderr.startswith(
        "plan: error: no plan loaded has a report of МФ on 2030H1: pp-912-2016: "
    )
    assert (
        "; pp-934-2025: --period 2030H1 is not a half-year of the plan: expected 2026H1, " in stderr
    )
    russian = failing(2, *args)  # the document's language, and every reason in it
    assert russian.startswith(
        "plan: ошибка: ни в одном загруженном плане нет отчетности МФ за 2030H1: pp-912-2016: "
        "--period 2030H1 — не полугодие плана: ожидается 2017H1, 2017H2, "
    )
    assert "; pp-934-2025: --period 2030H1 — не полугодие плана: ожидается 2026H1, " in russian
    assert russian.endswith(
        "; pp-991-2021: в плане нет отчетности за периоды (полугодия, кварталы, месяцы, годы)\n"
    )  # it said "expected " and nothing after it
    assert not re.search("[A-Za-z]{4,}", russian.replace("--period", "")[len("plan") :])


# --- speed: the plans come from the cache ------------------------------------------------


def test_plans_of_a_folder_are_kept_in_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {"XDG_CACHE_HOME": str(cache)}
    first = ok("due", "--plans", FOLDER, "--as-of", "2026-04-01", env=env)
    kept = sorted(p.name for p in (cache / "reintegration-plan").iterdir())
    assert len(kept) == 3
    assert ok("due", "--plans", FOLDER, "--as-of", "2026-04-01", env=env) == first


def test_kept_obligations_are_those_the_files_give_together_and_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps each plan's obligations scoped to it: the plans taken together have
    them as computed scoped, a plan taken alone as computed unscoped."""
    cache = tmp_path / "cache"
    found = find_files([Path(FOLDER)])
    load_plan_set([], found, cache)  # read, and kept
    read_plan = loader.load_plan
    monkeypatch.setattr(loader, "load_plan", lambda *args: pytest.fail("read, not kept"))
    together = load_plan_set([], found, cache)
    assert together.scoped and len(together.plans) == 3
    for plan in together.plans:
        read = read_plan(plan.path)
        assert together.obligations_of(plan) == all_obligations(read, plan.id)
        alone = PlanSet([snapshot.load_plan(plan.path, cache, kept)])
        assert alone.obligations() == all_obligations(read)
        assert {o.plan for o in alone.obligations()} == {None}


def test_csv_of_several_plans_starts_with_the_plan() -> None:
    rows = list(
        csv.reader(io.StringIO(ok("due", *ALL, "--as-of", "2026-04-01", "--format", "csv")))
    )
    assert rows[0][:3] == ["plan", "kind", "id"]
    assert {row[0] for row in rows[1:]} == set(IDS)
    russian = ok("due", *ALL, "--as-of", "2026-04-01", "--format", "csv", "--lang", "ru")
    assert russian.startswith("план,вид,идентификатор,")


@pytest.mark.parametrize(
    ("act", "folder", "number", "date"),
    [
        ("pp-2022-482-investment-policy-concept", "pp-482-2022", "482", "15.07.2022"),
        ("pp-2025-934-aml-risk-measures", "pp-934-2025", "934", "07.11.2025"),
        ("pp-2021-991-legislative-works-plan-2022", "pp-991-2021", "991", "31.12.2021"),
    ],
)
def test_the_fixture_plans_are_what_plan_import_drafts(
    tmp_path: Path, act: str, folder: str, number: str, date: str
) -> None:
    """The plans loaded together here are real acts as `plan import` drafts them (if the
    importer changes, import them again as tests/fixtures/plans/README.md says, and review
    the goldens of tests/golden/many/)."""
    target = tmp_path / folder / "plan.yaml"
    target.parent.mkdir()
    args = ("import", f"tests/acts/{act}/act.md", "-o", str(target))
    result = run(*args, "--number", number, "--date", date)
    assert result.exit_code == 0, result.output
    for name in ("plan.yaml", "abbreviations.yaml", "source/act.md"):
        committed = REPO / FOLDER / folder / name
        assert (tmp_path / folder / name).read_bytes() == committed.read_bytes(), name


def test_a_file_of_flow_style_is_parsed_to_tell_what_it_is(folder: Path) -> None:
    (folder / "other.yaml").write_text('{"name": "a workflow"}\n', encoding="utf-8")
    (folder / "list.yaml").write_text(
        '{"schema_version": 1, "abbreviations": [{"code": "ЦОН", "expansion": "центр '
        'обслуживания населения", "in_glossary": false, "alias": "TSON", "kind": '
        '"organization", "executor": true}]}\n',
        encoding="utf-8",
    )
    bodies = codes_of("--plans", str(folder))
    assert bodies["МИИЦР"]["codes"] == ["МЦРИАП"]  # the folder's plans, and its lists
    (folder / "broken.yaml").write_text("[unclosed\n", encoding="utf-8")
    stderr = failing(1, "due", "--plans", str(folder))
    assert f"{folder}/broken.yaml:" in stderr and "(syntax)" in stderr


def test_a_body_only_the_shared_list_names_executes_nothing(folder: Path) -> None:
    bodies = folder / "bodies.yaml"
    bodies.write_text(
        bodies.read_text(encoding="utf-8")
        + "  - code: ЦОН\n    expansion: центр обслуживания населения\n"
        "    in_glossary: false\n    alias: TSON\n    kind: organization\n    executor: true\n",
        encoding="utf-8",
    )
    args = ("submission", "--agency", "цон", "--period", "2026H1", "--plans", str(folder))
    assert failing(2, *args, "--format", "markdown") == (
        "plan: ошибка: ЦОН не исполняет мероприятий загруженных планов\n"
    )  # plan submission's errors are Russian unless asked otherwise, as its document
    assert failing(2, *args, "--format", "markdown", "--lang", "en") == (
        "plan: error: ЦОН executes no measure of the plans loaded\n"
    )
    assert "ЦОН" not in codes_of("--plans", str(folder))  # no plan's agency


def test_a_shared_list_with_errors_stops_the_command(folder: Path) -> None:
    bodies = folder / "bodies.yaml"
    bodies.write_text(
        bodies.read_text(encoding="utf-8").replace("alias: MKI", "alias: MIITSR"),
        encoding="utf-8",
    )
    stderr = failing(1, "due", "--plans", str(folder))
    assert f"{folder}/bodies.yaml:" in stderr and "(duplicate-abbreviation)" in stderr


def test_a_body_executes_when_any_plan_says_its_entry_does(folder: Path) -> None:
    """The shared list names МКИ; № 482's МИОР (its former name) executes nothing there, and
    № 934's МКИ does: the body executes."""
    bodies = folder / "bodies.yaml"
    text = bodies.read_text(encoding="utf-8")
    bodies.write_text(
        text.replace(
            "    executor: true\n    same_as: [МИОР]", "    executor: false\n    same_as: [МИОР]"
        ),
        encoding="utf-8",
    )
    shown = codes_of("--plans", str(folder))["МКИ"]
    assert (shown["lead"], shown["codes"]) == (3, ["МИОР"])


def test_a_set_of_plans_is_never_empty() -> None:
    from reintegration_plan.plan_set import PlanSet

    with pytest.raises(ValueError, match="at least one plan"):
        PlanSet([])
