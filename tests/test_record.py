"""`plan record`: records are checked before anything is written, appended without touching a
byte of what is already in the file, atomically, and concurrent calls lose nothing."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import PLAN, run
from reintegration_plan.loader import load_plan
from reintegration_plan.models import ProgressRecord
from reintegration_plan.progress import load_records
from reintegration_plan.record import _locked, lock_path, yaml_scalar


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def record(*args: str, env: dict[str, str] | None = None) -> Result:
    return run("record", *args, env=env)


def records_in(path: Path) -> list[ProgressRecord]:
    found, problems = load_records(path, load_plan(PLAN))
    assert [p for p in problems if p.severity.value == "error"] == []
    return found


def listing(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


RULES = (
    "# Progress against the plan of Resolution No. {0} ({1}).\n"
    "# `plan record` appends records at the end. Each record: measure N (or obligation\n"
    "# ID), status (not_started | in_progress | done | cancelled), on YYYY-MM-DD, and\n"
    "# optionally evidence (URL or document), note, by (agency).\n"
    "schema_version: 1\n"
    "records:\n"
)
"""A new progress file's first lines, naming the plan of its records."""


def test_a_new_file_names_the_plan_its_records_are_about(tmp_path: Path) -> None:
    """It said "Resolution No. 912 (2016)" whatever the plan; with several plans loaded each
    record names its plan, and the file says so."""
    plans = Path(__file__).parent / "fixtures" / "plans"
    args = ("5", "--status", "done", "--on", "2026-01-10", "--evidence", "x", "--plan-id", "934")
    result = record(*args, "--plan", str(plans / "pp-934-2025" / "plan.yaml"))
    assert (result.exit_code, result.stderr) == (0, "")
    text = (tmp_path / "progress.yaml").read_text(encoding="utf-8")
    assert text == RULES.format(934, 2025) + (
        "- measure: 5\n  status: done\n  on: 2026-01-10\n  evidence: x\n"
    )
    (tmp_path / "progress.yaml").unlink()
    result = record(*args, "--plans", str(plans))
    assert (result.exit_code, result.stderr) == (0, "")
    text = (tmp_path / "progress.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == (
        "# Progress against the plans of measures. Each record names its plan (plan: ID)."
    )
    assert text.endswith(
        "records:\n- plan: pp-934-2025\n  measure: 5\n  status: done\n"
        "  on: 2026-01-10\n  evidence: x\n"
    )


def test_the_first_record_creates_the_file(tmp_path: Path) -> None:
    result = record(
        "5",
        "--status",
        "done",
        "--on",
        "2017-06-20",
        "--evidence",
        "https://example.kz/5",
        "--by",
        "mtszn",
        "--note",
        "протокол подписан",
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "Recorded in progress.yaml: measure 5 — done, on 20 June 2017.\n"
    assert (tmp_path / "progress.yaml").read_text(encoding="utf-8") == RULES.format(912, 2016) + (
        "- measure: 5\n"
        "  status: done\n"
        "  on: 2017-06-20\n"
        "  evidence: https://example.kz/5\n"
        "  note: протокол подписан\n"
        "  by: МТСЗН\n"
    )
    assert run("validate", "--progress", "progress.yaml").exit_code == 0


def test_a_report_and_the_progress_options(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.yaml"
    result = record(
        "Half-Yearly-Report-2017h1",
        "--status",
        "in_progress",
        "--on",
        "2017-07-05",
        env={"PLAN_PROGRESS": str(target), "COLUMNS": "1000"},  # wide: on one line
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"Recorded in {target}: Information to MVD on the Plan's implementation for H1 2017 "
        "(half-yearly-report-2017H1) — in progress, on 5 July 2017.\n"
    )
    assert target.read_text(encoding="utf-8").endswith(
        "- obligation: half-yearly-report-2017H1\n  status: in_progress\n  on: 2017-07-05\n"
    )
    explicit = tmp_path / "explicit.yaml"
    result = record("1", "--status", "cancelled", "--on", "2017-01-09", "--progress", str(explicit))
    assert result.exit_code == 0
    assert [r.target for r in records_in(explicit)] == ["measure-1"]
    assert listing(tmp_path) == ["elsewhere.yaml", "explicit.yaml"]  # no lock file left


def test_done_without_evidence_is_recorded_with_a_warning(tmp_path: Path) -> None:
    result = record("3", "--status", "done", "--on", "2017-03-01")
    assert result.exit_code == 0
    assert result.stderr == (
        "plan: warning: a record of `done` without `evidence`: add a URL or the document that "
        "shows it\n"
    )
    assert [(r.measure, r.evidence) for r in records_in(tmp_path / "progress.yaml")] == [(3, None)]


# --- refused: nothing written ---------------------------------------------------------------

EXISTING = (
    b"# my notes on the plan's progress\n"
    b"schema_version: 1   # keep\n"
    b"records:\n"
    b"  # the first one\n"
    b"  - measure: 1\n"
    b"    status: done\n"
    b"    on: 2017-03-20\n"
    b"    evidence: 'https://example.kz/1'   # quoted on purpose\n"
    b"\n"
    b"# end of my notes\n"
)

REFUSED = [
    (["31", "--status", "done", "--on", "2017-06-20"], "there is no measure 31 in the plan"),
    (["0", "--status", "done", "--on", "2017-06-20"], "there is no measure 0 in the plan"),
    (
        ["report-2017", "--status", "done", "--on", "2017-06-20"],
        "there is no obligation 'report-2017' in the plan",
    ),
    (["²", "--status", "done", "--on", "2017-06-20"], "'²' is not a measure number"),
    (["5", "--status", "finished", "--on", "2017-06-20"], "'finished' is not a status"),
    (["5", "--status", "done", "--on", "2017-02-30"], "'2017-02-30' is not a date"),
    (["5", "--status", "done", "--on", "20170620x"], "'20170620x' is not a date"),
    (["5", "--status", "done", "--on", "2017Q2"], "'2017Q2' is a quarter, not a day"),
    (
        ["5", "--status", "done", "--on", "01.12.2016"],
        "--on 2016-12-01 is before the act itself (2016-12-29): check the date, or give --force "
        "to record it anyway",
    ),
    (["5", "--status", "done", "--on", "01.01.2999"], "--on 2999-01-01 is after today"),
    (["5", "--status", "done", "--on", "2017-06-20", "--by", "МВФ"], "'МВФ' is not an agency"),
    (["5", "--status", "done", "--on", "2017-06-20", "--by", "UIS"], "'UIS' is not an executing"),
    (["5", "--status", "done", "--on", "2017-06-20", "--note", " "], "--note is empty"),
    (["5", "--status", "done", "--on", "2017-06-20", "--evidence", ""], "--evidence is empty"),
]


@pytest.mark.parametrize(("args", "says"), REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_a_refused_record_leaves_the_file_byte_identical(
    tmp_path: Path, args: list[str], says: str
) -> None:
    path = tmp_path / "progress.yaml"
    path.write_bytes(EXISTING)
    result = record(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"plan: error: {says}"), result.stderr
    assert path.read_bytes() == EXISTING
    assert listing(tmp_path) == ["progress.yaml"]  # no lock, no temporary file


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (("№5", "--status", "выполнено", "--on", "20.06.2017"), (5, "done", "2017-06-20")),
        (
            ("№ 5", "--status", "В работе", "--on", "1 июля 2017 года"),
            (5, "in_progress", "2017-07-01"),
        ),
        (("5", "--status", "in progress", "--on", "2017-7-1"), (5, "in_progress", "2017-07-01")),
        (("5", "--status", "Not-Started", "--on", "1.7.2017"), (5, "not_started", "2017-07-01")),
        (("5", "--status", "не начато", "--on", "2017-07-01"), (5, "not_started", "2017-07-01")),
    ],
)
def test_what_an_official_types(
    tmp_path: Path, typed: tuple[str, ...], expected: tuple[int, str, str]
) -> None:
    result = record(*typed, "--by", "министерство труда", "--evidence", "x")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    [entry] = records_in(tmp_path / "progress.yaml")
    assert (entry.measure, entry.status.value, entry.on.isoformat(), entry.by) == (
        *expected,
        "МТСЗН",
    )


@pytest.mark.parametrize("on", ["01.12.2016", "01.01.2999"])
def test_force_records_a_day_outside_the_plan_anyway(tmp_path: Path, on: str) -> None:
    result = record("5", "--status", "done", "--on", on, "--evidence", "x", "--force")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert len(records_in(tmp_path / "progress.yaml")) == 1


def test_a_refused_record_creates_no_file(tmp_path: Path) -> None:
    assert record("31", "--status", "done", "--on", "2017-06-20").exit_code == 2
    assert listing(tmp_path) == []


@pytest.mark.parametrize(
    "text",
    [
        "schema_version: 1\nrecords:\n- measure: 1\n  status: [done\n",  # YAML syntax
        "schema_version: 1\nrecords:\n- measure: 1\n  status: finished\n  on: 2017-01-01\n",
        "schema_version: 2\nrecords: []\n",
        "- measure: 1\n",  # not a mapping
        "schema_version: 1\nrecords: [{measure: 1, status: done, on: 2017-01-01, evidence: x}]\n",
    ],
    ids=["syntax", "schema", "version", "a list", "flow list"],
)
def test_a_file_that_is_not_a_progress_file_is_left_alone(tmp_path: Path, text: str) -> None:
    path = tmp_path / "progress.yaml"
    path.write_text(text, encoding="utf-8")
    result = record("5", "--status", "done", "--on", "2017-06-20", "--evidence", "x")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("progress.yaml:")
    assert result.stderr.endswith(
        "\nplan: error: nothing recorded: progress.yaml has errors (above) and is left as it"
        " was; fix them and record again\n"
    )
    assert path.read_bytes() == text.encode()
    assert listing(tmp_path) == ["progress.yaml"]  # the lock file made is removed


def test_a_record_refused_for_the_file_s_errors_says_so_in_russian(tmp_path: Path) -> None:
    """An official whose record is refused learns that nothing was written, in their
    language; the file's diagnostics stay in English, as plan validate's."""
    path = tmp_path / "progress.yaml"
    text = "schema_version: 1\nrecords:\n- measure: 1\n  status: выполнено\n  on: 2017-01-01\n"
    path.write_text(text, encoding="utf-8")
    result = record(
        "5", "--status", "done", "--on", "20.06.2017", "--evidence", "x", "--lang", "ru"
    )
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "progress.yaml:4:11: error: a status is written by its name in a progress file: write"
        " done (got 'выполнено') [records[0].status] (invalid-value)\n"
        "1 file checked: 1 error, 0 warnings (invalid-value 1)\n"
        "\n"
        "plan: ошибка: ничего не записано: в progress.yaml ошибки (выше), файл оставлен как был;"
        " исправьте их и запишите снова\n"
    )
    assert path.read_text(encoding="utf-8") == text


# --- appended byte for byte -----------------------------------------------------------------

NEW_ITEM = "- measure: 5\n  status: in_progress\n  on: 2017-06-01\n"


def append(tmp_path: Path, existing: bytes) -> bytes:
    path = tmp_path / "progress.yaml"
    path.write_bytes(existing)
    result = record("5", "--status", "in_progress", "--on", "2017-06-01")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert [r.target for r in records_in(path)][-1] == "measure-5"
    return path.read_bytes()


def test_everything_in_the_file_is_kept_byte_for_byte(tmp_path: Path) -> None:
    # items indented by 2, a comment after the last record, a blank line: all kept, the new
    # record appended at the end, indented like the others
    assert append(tmp_path, EXISTING) == EXISTING + (
        b"  - measure: 5\n    status: in_progress\n    on: 2017-06-01\n"
    )


@pytest.mark.parametrize(
    ("existing", "expected"),
    [
        pytest.param(
            b"schema_version: 1\nrecords:\n- measure: 1\n  status: done\n  on: 2017-03-20\n"
            b"  evidence: x",
            b"schema_version: 1\nrecords:\n- measure: 1\n  status: done\n  on: 2017-03-20\n"
            b"  evidence: x\n" + NEW_ITEM.encode(),
            id="no newline at the end",
        ),
        pytest.param(
            b"schema_version: 1\nrecords: []\n",
            b"schema_version: 1\nrecords:\n" + NEW_ITEM.encode(),
            id="an empty flow list",
        ),
        pytest.param(
            b"schema_version: 1\nrecords: []  # none yet\n",
            b"schema_version: 1\nrecords:\n" + NEW_ITEM.encode()[:-1] + b"  # none yet\n",
            id="an empty flow list with a comment",
        ),
        pytest.param(
            b"records:\nschema_version: 1\n",
            b"records:\n" + NEW_ITEM.encode() + b"schema_version: 1\n",
            id="records empty and not the last key",
        ),
        pytest.param(
            b"records:\n-   measure: 1\n    status: cancelled\n    on: 2017-01-02\n"
            b"schema_version: 1  # last\n",
            b"records:\n-   measure: 1\n    status: cancelled\n    on: 2017-01-02\n"
            b"-   measure: 5\n    status: in_progress\n    on: 2017-06-01\n"
            b"schema_version: 1  # last\n",
            id="records not the last key, wide items",
        ),
        pytest.param(
            b"schema_version: 1\r\nrecords:\r\n- measure: 1\r\n  status: cancelled\r\n"
            b"  on: 2017-01-02\r\n",
            b"schema_version: 1\r\nrecords:\r\n- measure: 1\r\n  status: cancelled\r\n"
            b"  on: 2017-01-02\r\n" + NEW_ITEM.replace("\n", "\r\n").encode(),
            id="CRLF line ends",
        ),
        pytest.param(
            "\ufeffschema_version: 1\nrecords:\n- measure: 1\n  status: cancelled\n"
            "  on: 2017-01-02\n  note: |\n    две\n    строки\n\n".encode(),
            "\ufeffschema_version: 1\nrecords:\n- measure: 1\n  status: cancelled\n"
            "  on: 2017-01-02\n  note: |\n    две\n    строки\n\n".encode()
            + NEW_ITEM.encode(),
            id="a byte-order mark and a block scalar",
        ),
    ],
)
def test_layouts(tmp_path: Path, existing: bytes, expected: bytes) -> None:
    assert append(tmp_path, existing) == expected


@pytest.mark.parametrize(
    "text",
    [
        "plain words",
        "a: b # c",
        "- looks like a list",
        "'quoted' and \"double\"",
        "two\nlines",
        "  spaces around  ",
        "tab\there",
        "yes",
        "2017-06-20",
        "123",
        "null",
        "#hash",
        "ключ: значение",
        "line\u2028separator",
        "bell\x07",
        "back\\slash",
    ],
)
def test_any_text_reads_back_exactly(tmp_path: Path, text: str) -> None:
    result = record(
        "5", "--status", "done", "--on", "2017-06-20", "--evidence", "e", "--note", text
    )
    assert result.exit_code == 0, result.output
    assert records_in(tmp_path / "progress.yaml")[0].note == text


def test_yaml_scalar_is_plain_when_it_can_be() -> None:
    assert yaml_scalar("https://example.kz/a?b=1#frag") == "https://example.kz/a?b=1#frag"
    assert yaml_scalar("протокол № 5") == "протокол № 5"
    assert yaml_scalar("a: b") == '"a: b"'
    assert yaml_scalar("yes") == "yes"  # a string under YAML 1.2, as the loader reads it
    assert yaml_scalar("12") == '"12"'


def test_the_file_keeps_its_mode_and_a_symlink_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_bytes(EXISTING)
    real.chmod(0o600)
    link = tmp_path / "progress.yaml"
    link.symlink_to(real.name)
    assert record("5", "--status", "in_progress", "--on", "2017-06-01").exit_code == 0
    assert link.is_symlink()
    assert real.read_bytes().startswith(EXISTING)
    assert real.stat().st_mode & 0o777 == 0o600


def test_a_missing_directory_is_exit_2(tmp_path: Path) -> None:
    result = record("5", "--status", "done", "--on", "2017-06-20", "--progress", "no/such/p.yaml")
    assert usage_line(result) == "plan: error: no/such/p.yaml: no such directory"


def usage_line(result: Result) -> str:
    assert (result.exit_code, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1
    return result.stderr.rstrip("\n")


# --- concurrent records all land --------------------------------------------------------------


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reintegration_plan", "record", "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert "Append a progress record to the progress file" in done.stdout


# --- the wrong file, and the lock file ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [("plan_2017_2019.yaml", "a plan file"), ("abbreviations.yaml", "an abbreviations file")],
)
def test_a_plan_or_abbreviations_file_as_the_progress_file(
    tmp_path: Path, name: str, kind: str
) -> None:
    """Said in one line before any lock is taken: nothing is written, no lock file is made;
    the queries say the same."""
    given = tmp_path / name
    given.write_bytes((PLAN.parent / name).read_bytes())
    result = record("6", "--status", "done", "--on", "2017-06-20", "--progress", name)
    message = (
        f"plan: error: {name} is {kind}, not a progress file: give the progress file with "
        "--progress FILE (or PLAN_PROGRESS), or leave both out for ./progress.yaml\n"
    )
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert given.read_bytes() == (PLAN.parent / name).read_bytes()
    assert listing(tmp_path) == [name]
    due = run("due", "--progress", name, env={"PLAN_PROGRESS": "x"})
    assert (due.exit_code, due.stdout, due.stderr) == (2, "", message)
    due = run("due", env={"PLAN_PROGRESS": name})
    assert (due.exit_code, due.stderr) == (2, message)


def test_a_lock_file_removed_by_its_maker_is_locked_again(tmp_path: Path) -> None:
    """The maker of a lock file removes it while it still holds it; one that waited on it then
    finds the name gone, makes a lock file of its own, and removes that one in turn: never two
    holders at once, and no lock file left."""
    target = tmp_path / "progress.yaml"
    waiting, first_done, second_holds = threading.Event(), threading.Event(), threading.Event()
    made: list[bool] = []

    def second() -> None:
        with _locked(target, 600, lambda lock: waiting.set()):
            made.append(first_done.is_set())
            made.append(lock_path(target).exists())
            second_holds.set()

    with _locked(target, 600, None):
        assert listing(tmp_path) == [".progress.yaml.lock"]
        waiter = threading.Thread(target=second)
        waiter.start()
        assert waiting.wait(timeout=600)  # it has opened this lock file, and waits on it
        assert not second_holds.is_set()
        first_done.set()
    waiter.join(timeout=600)
    assert made == [True, True]  # it held a lock file after the first one was done with its own
    assert listing(tmp_path) == []
