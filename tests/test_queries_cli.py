"""`plan due`, `plan measures`, `plan show`, `plan agencies`, `plan agency`: golden outputs in
every format, the filters, and one-line errors with exit 2.

The goldens (tests/golden/<command>/) are rendered with a fixed --as-of, NO_COLOR and 100
columns, against tests/fixtures/progress_sample.yaml (fictional records). After a deliberate
change, ``UPDATE_GOLDEN=1 pytest tests/test_queries_cli.py`` rewrites them: review every changed
golden by eye before committing it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from conftest import PLAN, TESTS, check_golden, run
from reintegration_plan.loader import load_plan
from reintegration_plan.queries import due
from reintegration_plan.tables import Output, render

GOLDEN = TESTS / "golden"
SAMPLE = TESTS / "fixtures" / "progress_sample.yaml"
FORMATS = ("table", "json", "csv", "markdown")
SUFFIX = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md"}


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run in an empty directory, so that no ./progress.yaml is picked up by default."""
    monkeypatch.chdir(tmp_path)


def ok(*args: str, env: dict[str, str] | None = None) -> str:
    result = run(*args, env=env)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def usage_error(result: Result) -> str:
    """The one line a usage error prints; exit 2, nothing on stdout, no traceback."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# --- goldens --------------------------------------------------------------------------------

CASES = {
    "due/2017-07-01": ["due", "--as-of", "2017-07-01"],
    "due/2018Q3-all": ["due", "--as-of", "2018Q3", "--all"],
    "measures/2018Q3": ["measures", "--as-of", "2018Q3"],
    "show/5-2017Q3": ["show", "5", "--as-of", "2017Q3"],
    "show/half-yearly-report-2017H1": [
        "show",
        "half-yearly-report-2017H1",
        "--as-of",
        "2017-07-31",
    ],
    "agencies/2018Q3": ["agencies", "--as-of", "2018Q3"],
    "agency/mtszn-2018Q3": ["agency", "mtszn", "--as-of", "2018Q3"],
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, fmt: str) -> None:
    output = ok(*CASES[case], "--progress", str(SAMPLE), "--format", fmt)
    check_golden(GOLDEN / f"{case}.{SUFFIX[fmt]}", output)
    if fmt == "json":
        json.loads(output)


EXTRA_CASES = {
    # without progress: what the act alone says as of 2017-07-01
    "due/2017-07-01-no-progress": ["due", "--as-of", "2017-07-01"],
    # an agency's view, and a window instead of the quarter
    "due/mtszn-2017-05-15-within-2m": [
        "due",
        "--as-of",
        "2017-05-15",
        "--agency",
        "MTSZN",
        "--within",
        "2m",
        "--progress",
        str(SAMPLE),
    ],
    "measures/mtszn-co-2017": [
        "measures",
        "--agency",
        "мтсзн",
        "--role",
        "co",
        "--deadline",
        "2017",
        "--as-of",
        "2017-07-01",
    ],
    "agency/npo-2017-07-01": ["agency", "NPO", "--as-of", "2017-07-01"],
}


@pytest.mark.parametrize("case", sorted(EXTRA_CASES))
def test_golden_table(case: str) -> None:
    check_golden(GOLDEN / f"{case}.txt", ok(*EXTRA_CASES[case]))


# --- plan due ---------------------------------------------------------------------------------


def test_due_json_items_have_the_documented_keys() -> None:
    data = json.loads(
        ok(
            "due",
            "--as-of",
            "2017-07-01",
            "--all",
            "--progress",
            str(SAMPLE),
            "--format",
            "json",
            "--lang",
            "ru",
        )
    )
    assert list(data) == ["as_of", "horizon", "items"]
    assert (data["as_of"], data["horizon"]) == ("2017-07-01", "2017-09-30")
    items = {item["id"]: item for item in data["items"]}
    assert items["measure-5"] == {
        "kind": "measure",
        "id": "measure-5",
        "status": "overdue",
        "deadline": "2017-06-30",
        "title": "Выработать механизм регистрации осужденного после освобождения по месту "
        "постоянного или временного жительства",
        "title_ru": "Выработать механизм регистрации осужденного после освобождения по месту "
        "постоянного или временного жительства",
        "lead": "МВД",
        "executors": ["МВД", "МТСЗН"],
        "number": 5,
        "deadline_text": "2 квартал 2017 года",
        "days_overdue": 1,
    }
    assert items["half-yearly-report-2017H1"] == {
        "kind": "report",
        "id": "half-yearly-report-2017H1",
        "status": "due",
        "deadline": "2017-07-10",
        "title": "информацию в Министерство внутренних дел Республики Казахстан о ходе "
        "реализации Плана",
        "title_ru": "информацию в Министерство внутренних дел Республики Казахстан о ходе "
        "реализации Плана",
        "lead": None,
        "executors": [
            "ГП",
            "МФ",
            "МОН",
            "МЗ",
            "МТСЗН",
            "МНЭ",
            "акиматы областей, городов Астаны и Алматы",
        ],
        "period": "2017H1",
    }
    assert items["measure-1"]["status"] == "done"
    assert items["measure-1"]["done_on"] == "2017-03-20"
    assert "days_late" not in items["measure-1"]
    assert items["annual-evaluation"]["deadline"] is None
    assert items["annual-evaluation"]["status"] == "undated"


def test_due_lists_the_most_urgent_first() -> None:
    data = json.loads(ok("due", "--as-of", "2017-07-01", "--format", "json"))
    statuses = [item["status"] for item in data["items"]]
    assert statuses == ["overdue"] * 9 + ["due"] * 5 + ["ongoing"] * 10
    overdue = [item["days_overdue"] for item in data["items"][:9]]
    assert overdue == sorted(overdue, reverse=True) == [92] * 3 + [1] * 6


def test_due_all_adds_upcoming_undated_done_and_cancelled() -> None:
    plain = json.loads(
        ok("due", "--as-of", "2018-09-30", "--progress", str(SAMPLE), "--format", "json")
    )
    every = json.loads(
        ok("due", "--as-of", "2018-09-30", "--progress", str(SAMPLE), "--all", "--format", "json")
    )
    assert {i["status"] for i in plain["items"]} == {"overdue", "ongoing", "in_progress"}
    assert len(every["items"]) == 38
    assert {i["status"] for i in every["items"]} - {i["status"] for i in plain["items"]} == {
        "upcoming",
        "undated",
        "done",
        "cancelled",
    }


def test_progress_counts_only_up_to_the_date() -> None:
    def measure_2(as_of: str) -> dict[str, Any]:
        data = json.loads(
            ok("due", "--as-of", as_of, "--all", "--progress", str(SAMPLE), "--format", "json")
        )
        return next(i for i in data["items"] if i["id"] == "measure-2")

    assert measure_2("2018-11-30")["status"] == "overdue"
    assert measure_2("2018-12-01")["status"] == "done"
    assert measure_2("2018-12-01")["days_late"] == 610


def test_a_report_owed_by_many_is_done_for_each_agency_that_records_it() -> None:
    def report(*args: str) -> dict[str, Any]:
        data = json.loads(
            ok(
                "due",
                "--as-of",
                "2017-07-31",
                "--all",
                "--progress",
                str(SAMPLE),
                "--format",
                "json",
                *args,
            )
        )
        return next(i for i in data["items"] if i["id"] == "half-yearly-report-2017H1")

    assert report()["status"] == "overdue"  # the whole: nobody recorded it for everyone
    assert report("--agency", "МТСЗН")["status"] == "done"
    assert "days_late" not in report("--agency", "МТСЗН")
    assert report("--agency", "mf")["days_late"] == 10
    assert report("--agency", "МОН")["status"] == "overdue"


def test_due_for_an_agency_includes_its_reports() -> None:
    data = json.loads(ok("due", "--as-of", "2017-07-01", "--agency", "mf", "--format", "json"))
    assert [(i["id"], i.get("role")) for i in data["items"]] == [
        ("measure-7", "co"),
        ("half-yearly-report-2017H1", "report"),
    ]


@pytest.mark.parametrize("name", ["МТСЗН", "мтсзн", "Мтсзн", "mtszn", "MTSZN", " MtSzN "])
def test_an_agency_by_code_or_alias_in_any_case(name: str) -> None:
    assert ok("due", "--as-of", "2017-07-01", "--agency", name) == ok(
        "due", "--as-of", "2017-07-01", "--agency", "МТСЗН"
    )


# --- plan measures ------------------------------------------------------------------------------


def numbers(*args: str) -> list[int]:
    data = json.loads(ok("measures", "--as-of", "2017-07-01", "--format", "json", *args))
    return [item["number"] for item in data["items"]]


def test_measures_filters() -> None:
    assert numbers() == list(range(1, 31))
    assert numbers("--agency", "ГП") == [9, 11, 14]
    assert numbers("--agency", "ГП", "--role", "lead") == [9]
    assert numbers("--agency", "gp", "--role", "co") == [11, 14]
    assert numbers("--deadline", "2017Q2") == [4, 5, 6, 7, 8, 9]
    assert numbers("--deadline", "2018") == [16, 17, 18, 19]
    assert numbers("--deadline", "2019Q4") == list(range(21, 31))
    assert numbers("--deadline", "2019") == [20, *range(21, 31)]
    assert numbers("--form", "ПРИКАЗ") == [3, 9, 10, 13, 20]
    assert numbers("--status", "overdue") == list(range(1, 10))
    assert numbers("--status", "due,ongoing") == list(range(10, 14)) + list(range(21, 31))
    assert numbers("--status", "due", "--status", "upcoming") == list(range(10, 21))
    assert numbers("--agency", "akimats", "--deadline", "2017Q3", "--status", "due") == [10, 11]


def test_search_folds_case_and_yo() -> None:
    found = numbers("--search", "несовершеннолетних")
    assert found == [22, 23, 24]
    assert numbers("--search", "НЕСОВЕРШЕННОЛЕТНИХ") == found
    # the act writes "учете" with е; searching with ё finds it, and the other way round
    assert numbers("--search", "на учёте") == numbers("--search", "на учете") != []
    assert numbers("--search", "no such words") == []


def test_measures_with_progress_statuses() -> None:
    data = json.loads(
        ok(
            "measures",
            "--as-of",
            "2018Q3",
            "--progress",
            str(SAMPLE),
            "--status",
            "cancelled,in_progress",
            "--format",
            "json",
        )
    )
    assert [(i["number"], i["status"]) for i in data["items"]] == [
        (16, "cancelled"),
        (21, "in_progress"),
    ]


# --- plan show and plan agencies ---------------------------------------------------------------


def test_show_json_has_every_column_verbatim() -> None:
    data = json.loads(ok("show", "21", "--as-of", "2018Q3", "--format", "json"))
    plan = load_plan(PLAN)
    measure = plan.file.measures[20]
    for key in ("text", "form_text", "executors_text", "deadline_text", "costs_text"):
        assert data[key] == getattr(measure, key)
    assert data["executors"][1] == {
        "code": "МТСЗН",
        "alias": "MTSZN",
        "name": "Министерство труда и социальной защиты населения Республики Казахстан",
        "name_en": "Ministry of Labour and Social Protection of the Population of the Republic "
        "of Kazakhstan",
        "role": "co",
        "by_agreement": False,
    }
    assert (data["deadline"], data["start"], data["due"]) == (
        {"kind": "period", "first_year": 2017, "last_year": 2019},
        "2017-01-01",
        "2019-12-31",
    )
    assert (data["status"], data["history"], data["later_records"]) == ("ongoing", [], 0)


def test_show_history_is_what_was_recorded_up_to_the_date() -> None:
    data = json.loads(
        ok("show", "2", "--as-of", "2018Q3", "--progress", str(SAMPLE), "--format", "json")
    )
    assert (data["status"], data["history"], data["later_records"]) == ("overdue", [], 1)
    data = json.loads(
        ok("show", "2", "--as-of", "2019Q1", "--progress", str(SAMPLE), "--format", "json")
    )
    assert data["history"] == [
        {
            "on": "2018-12-01",
            "status": "done",
            "evidence": "https://example.kz/orders/2",
            "note": None,
            "by": None,
        }
    ]
    assert (data["status"], data["days_late"], data["later_records"]) == ("done", 610, 0)


def test_agencies_counts() -> None:
    data = json.loads(ok("agencies", "--as-of", "2017-07-01", "--format", "json"))
    rows = {row["alias"]: row for row in data["agencies"]}
    assert list(rows) == ["GP", "MVD", "MF", "MON", "MZ", "MTSZN", "MNE", "NPO", "AKIMATS"]
    assert rows["MTSZN"] == {
        "code": "МТСЗН",
        "alias": "MTSZN",
        "name": "Министерство труда и социальной защиты населения Республики Казахстан",
        "name_en": "Ministry of Labour and Social Protection of the Population of the Republic "
        "of Kazakhstan",
        "kind": "central_state_body",
        "lead": 1,
        "co": 7,
        "by_agreement": 0,
        "reports": 6,
        "overdue": 4,  # measures 2, 4, 5 and 7
    }
    assert (rows["NPO"]["co"], rows["NPO"]["by_agreement"], rows["NPO"]["reports"]) == (13, 13, 0)
    assert (rows["MVD"]["lead"], rows["MVD"]["reports"]) == (28, 2)
    assert sum(row["lead"] for row in rows.values()) == 30  # one lead per measure


# --- what a person sees ---------------------------------------------------------------------------


def test_no_colour_codes_when_not_a_terminal() -> None:
    for env in ({}, {"NO_COLOR": ""}, {"TERM": "xterm-256color"}):
        assert "\x1b[" not in ok("due", "--as-of", "2017-07-01", env=env)


def test_colour_when_the_cli_says_so() -> None:
    report = due(load_plan(PLAN), [], dt.date(2017, 7, 1))
    coloured = render(report, "table", Output(width=100, color=True))
    plain = render(report, "table", Output(width=100, color=False))
    assert "\x1b[1;31moverdue" in coloured
    assert "\x1b[" not in plain


@pytest.mark.parametrize("width", ["60", "80", "120"])
def test_tables_fit_the_width(width: str) -> None:
    for args in (["due", "--all"], ["measures"], ["show", "1"], ["agencies"], ["agency", "mvd"]):
        output = ok(*args, "--as-of", "2018Q3", env={"COLUMNS": width})
        assert max(len(line) for line in output.splitlines()) <= int(width)
        assert all(line == line.rstrip() for line in output.splitlines())


def test_default_progress_file_and_environment(tmp_path: Path) -> None:
    without = ok("due", "--as-of", "2017-07-01", "--format", "json")
    (tmp_path / "progress.yaml").write_bytes(SAMPLE.read_bytes())
    with_default = ok("due", "--as-of", "2017-07-01", "--format", "json")
    assert with_default != without
    assert with_default == ok(
        "due", "--as-of", "2017-07-01", "--format", "json", "--progress", str(SAMPLE)
    )
    # $PLAN_PROGRESS comes before ./progress.yaml, and names a file that must exist, as
    # --progress does (plan record creates it)
    assert ok("due", "--as-of", "2017-07-01", "--format", "json", env={"PLAN_PROGRESS": ""}) == (
        with_default
    )
    missing = tmp_path / "not-yet.yaml"
    result = run("due", "--as-of", "2017-07-01", env={"PLAN_PROGRESS": str(missing)})
    assert usage_error(result) == f"plan: error: PLAN_PROGRESS={missing}: no such file"


# --- errors: one line, exit 2 ---------------------------------------------------------------------

AGENCIES = (
    "ГП (GP), МВД (MVD), МФ (MF), МОН (MON), МЗ (MZ), МТСЗН (MTSZN), МНЭ (MNE), НПО (NPO), "
    "акиматы областей, городов Астаны и Алматы (AKIMATS)"
)
REPORTS = (
    "half-yearly-report-2017H1, half-yearly-report-2017H2, half-yearly-report-2018H1, "
    "half-yearly-report-2018H2, half-yearly-report-2019H1, half-yearly-report-2019H2, "
    "annual-evaluation, consolidated-report"
)
DATES = (
    "expected a day (01.07.2018, 2018-07-01, 1 июля 2018, 1 July 2018, today or сегодня), a "
    "month (январь 2018, 2018-01), a quarter (2018Q3, 3 квартал 2018, Q3 2018), a half-year "
    "(2018H1, 1 полугодие 2018, H1 2018) or a year (2018)"
)
ERRORS = [
    (
        ["due", "--as-of", "2017-13-01"],
        "plan: error: '2017-13-01' is not a date: month 13 is out of range (1 to 12)",
    ),
    (["measures", "--as-of", "yesterday"], f"plan: error: 'yesterday' is not a date: {DATES}"),
    (
        ["due", "--as-of", "0000-01-01"],
        "plan: error: '0000-01-01' is not a date: year 0 is out of range (1 to 9999)",
    ),
    (
        ["due", "--as-of", "31.02.2018"],
        "plan: error: '31.02.2018' is not a date: February 2018 has 28 days",
    ),
    (
        ["due", "--within", "3x"],
        "plan: error: '3x' is not a window: expected a number and a unit, 30d (30 days), 2w (2 "
        "weeks), 2m (2 months), 1q (1 quarter) or 1y (1 year); in Russian 30 дней, 2 недели …",
    ),
    (
        ["due", "--within", "9999y", "--as-of", "2017-07-01"],
        "plan: error: the window '9999y' is too long: from 2017-07-01 it ends after 9999-12-31",
    ),
    (
        ["due", "--within", "99999y", "--as-of", "2017-07-01"],
        "plan: error: the window '99999y' is too long: from 2017-07-01 it ends after 9999-12-31",
    ),
    (
        ["due", "--within", "1d", "--as-of", "9999-12-31"],
        "plan: error: the window '1d' is too long: from 9999-12-31 it ends after 9999-12-31",
    ),
    (
        ["show", "31"],
        f"plan: error: there is no measure 31 in the plan: expected a measure number 1–30 or a "
        f"report id: {REPORTS}",
    ),
    (
        ["show", "report-2017"],
        "plan: error: there is no obligation 'report-2017' in the plan: expected a measure "
        f"number 1–30 or a report id: {REPORTS}",
    ),
    (
        ["show", "-1"],
        "plan: error: there is no measure -1 in the plan: measures are numbered from 1",
    ),
    (
        ["show", "²"],
        "plan: error: '²' is not a measure number: type it with the digits 0-9 (5 or №5); "
        f"expected a measure number 1–30 or a report id: {REPORTS}",
    ),
    (
        ["show", "①"],
        "plan: error: '①' is not a measure number: type it with the digits 0-9 (5 or №5); "
        f"expected a measure number 1–30 or a report id: {REPORTS}",
    ),
    (
        ["show", "9" * 5000],
        f"plan: error: there is no measure {'9' * 39}… in the plan: expected a measure number "
        f"1–30 or a report id: {REPORTS}",
    ),
    (
        ["agency", "МВФ"],
        "plan: error: 'МВФ' is not an agency of the plan: expected a code, an alias or a name, "
        f"one of {AGENCIES}",
    ),
    (
        ["due", "--agency", "uis"],
        "plan: error: 'uis' is not an executing agency: expected a code, an alias or a name, "
        f"one of {AGENCIES}",
    ),
    (
        ["due", "--agency", "министерство"],
        "plan: error: 'министерство' could be any of МВД, МФ, МОН, МЗ, МТСЗН, МНЭ: type more "
        "of the name, or a code or alias",
    ),
    (
        ["measures", "--deadline", "2017Q5"],
        "plan: error: '2017Q5' is not a deadline filter: quarter 5 is out of range (1 to 4)",
    ),
    (["measures", "--role", "lead"], "plan: error: --role needs --agency: whose role?"),
    (
        ["measures", "--agency", "mvd", "--role", "boss"],
        "plan: error: 'boss' is not a role: expected one of lead (ответственный), co "
        "(соисполнитель), any (любая)",
    ),
    (
        ["measures", "--status", "late"],
        "plan: error: 'late' is not a status: expected one of overdue (просрочено), due (к "
        "исполнению), in_progress (в работе), ongoing (выполняется), upcoming (предстоит), "
        "undated (без срока), done (выполнено), cancelled (отменено)",
    ),
    (
        ["due", "--format", "yaml"],
        "plan: error: 'yaml' is not a format: expected table, json, csv, markdown or xlsx",
    ),
    (["due", "--bogus"], "plan: error: `plan due` has no option --bogus: see `plan due --help`"),
    (
        ["due", "--al"],
        "plan: error: `plan due` has no option --al (did you mean --all, --lang or --plan?): see "
        "`plan due --help`",
    ),
    (["show"], "plan: error: `plan show` needs N: see `plan show --help`"),
    (["due", "--as-of"], "plan: error: --as-of needs a value: see `plan due --help`"),
    (
        ["due", "extra"],
        "plan: error: `plan due` takes no argument 'extra' here: see `plan due --help`",
    ),
    (
        ["nosuch"],
        "plan: error: no such command 'nosuch': see `plan --help`",
    ),
    (
        ["agencie"],
        "plan: error: no such command 'agencie'. Did you mean 'agencies', 'agency'?: see "
        "`plan --help`",
    ),
    (["agencies", "--progress", "missing.yaml"], "plan: error: missing.yaml: no such file"),
    (["agencies", "--plan", "missing.yaml"], "plan: error: missing.yaml: no such file"),
]


@pytest.mark.parametrize(("args", "message"), ERRORS, ids=[" ".join(a) for a, _ in ERRORS])
def test_one_line_errors(args: list[str], message: str) -> None:
    assert usage_error(run(*args)) == message


def test_a_progress_file_with_errors_is_exit_1_with_its_diagnostics(tmp_path: Path) -> None:
    bad = tmp_path / "progress.yaml"
    bad.write_text(
        "schema_version: 1\nrecords:\n"
        "- measure: 31\n  status: done\n  on: 2017-01-01\n  evidence: x\n",
        encoding="utf-8",
    )
    result = run("due", "--as-of", "2017-07-01")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.splitlines()[0].startswith(
        f"{bad.name}:3:12: error: there is no measure 31 in the plan"
    )
    assert (
        result.stderr.splitlines()[-1]
        == "plan: error: the data has errors: run `plan validate` on it and fix them"
    )


# --- --as-of as a period: what falls due in it is due ---------------------------------------


def due_json(*args: str) -> dict[str, Any]:
    return json.loads(ok("due", "--format", "json", *args))  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("as_of", "first", "horizon"),
    [
        ("1 полугодие 2018", "2018-01-01", "2018-06-30"),
        ("1 пол. 2018", "2018-01-01", "2018-06-30"),  # as the report heads a half-year
        ("H1 2018", "2018-01-01", "2018-06-30"),
        ("2018", "2018-01-01", "2018-12-31"),
        ("март 2018", "2018-03-01", "2018-03-31"),
        ("2018Q1", "2018-01-01", "2018-03-31"),
        ("1 July 2018", "2018-07-01", "2018-09-30"),  # a day: the end of its quarter
        ("01.02.2018", "2018-02-01", "2018-03-31"),
    ],
)
def test_as_of_a_period_counts_as_due_what_falls_due_in_it(
    as_of: str, first: str, horizon: str
) -> None:
    found = due_json("--as-of", as_of)
    assert (found["as_of"], found["horizon"]) == (first, horizon)
    due_dates = {item["deadline"] for item in found["items"] if item["status"] == "due"}
    assert due_dates and all(first <= day <= horizon for day in due_dates)


def test_the_half_year_lists_its_second_quarter_as_due() -> None:
    """What falls due by 30 June 2018 (measure 19, "2 квартал 2018 года") is due as of "1
    полугодие 2018": before, only what fell due by 31 March was."""
    items = {i["id"]: i["status"] for i in due_json("--as-of", "1 полугодие 2018")["items"]}
    assert items["measure-19"] == "due"
    assert "measure-19" not in {i["id"] for i in due_json("--as-of", "2018-01-01")["items"]}


def test_within_counts_from_the_periods_first_day() -> None:
    assert due_json("--as-of", "2018H1", "--within", "30d")["horizon"] == "2018-01-31"


@pytest.mark.parametrize("command", [("measures",), ("show", "19"), ("agency", "mvd")])
def test_every_query_takes_the_periods_horizon(command: tuple[str, ...]) -> None:
    found = json.loads(ok(*command, "--as-of", "1 полугодие 2018", "--format", "json"))
    assert found["horizon"] == "2018-06-30"


@pytest.mark.parametrize(
    ("typed", "role"),
    [
        ("ответственный", "lead"),
        ("Ответственный", "lead"),
        ("LEAD", "lead"),
        ("соисполнитель", "co"),
        ("co-executor", "co"),
        ("Co Executor", "co"),
        ("co", "co"),
        ("любая", "any"),
        ("Any", "any"),
    ],
)
def test_role_as_the_tables_print_it(typed: str, role: str) -> None:
    args = ("measures", "--agency", "mvd", "--as-of", "2018-01-01", "--format", "json")
    assert ok(*args, "--role", typed) == ok(*args, "--role", role)
