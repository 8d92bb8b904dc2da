"""`plan record` interrupted at any point leaves the old progress file intact, byte for byte;
what an interrupted record leaves behind does not break the next one; 24 concurrent records
all land.

Failures are simulated from outside the product code: in this process by monkeypatching
``os.replace``, and in a real process (``python -c``) that runs the CLI with ``os.replace`` or
``os.fsync`` replaced by a stall, and is killed with SIGKILL while it holds the lock.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import PLAN, run
from reintegration_plan.loader import load_plan
from reintegration_plan.models import ProgressRecord
from reintegration_plan.progress import load_records
from reintegration_plan.record import append_record, lock_path

GUARD_SECONDS = 120  # a hang fails instead of blocking the run; no test here measures time

EXISTING = (
    b"# progress kept by hand\r\n"  # CRLF and comments: kept byte for byte
    b"schema_version: 1\r\n"
    b"records:\r\n"
    b"  - measure: 1\r\n"
    b"    status: done\r\n"
    b"    on: 2017-03-20\r\n"
    b"    evidence: https://example.kz/1  # the order\r\n"
)

RECORD = ["record", "7", "--status", "in_progress", "--on", "2017-06-01", "--note", "again"]


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLAN_", "GITHUB_"))}
    env.update({"NO_COLOR": "1", "COLUMNS": "100"})
    return env


def records_in(path: Path) -> list[ProgressRecord]:
    found, problems = load_records(path, load_plan(PLAN))
    assert [p for p in problems if p.severity.value == "error"] == []
    return found


def assert_next_record_lands(path: Path) -> None:
    """A record after the failure: the old bytes kept, the record added, the file valid."""
    result = run(*RECORD, "--progress", str(path))
    assert (result.exit_code, result.stderr) == (0, "")
    assert path.read_bytes().startswith(EXISTING)
    assert [(r.measure, r.note) for r in records_in(path)] == [(1, None), (7, "again")]
    validated = run("validate", "--progress", str(path))
    assert validated.exit_code == 0, validated.stdout


# --- the rename fails, in this process --------------------------------------------------------


def test_a_failed_rename_leaves_the_file_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.yaml"
    path.write_bytes(EXISTING)
    plan = load_plan(PLAN)
    record = ProgressRecord.model_validate(
        {"measure": 7, "status": "in_progress", "on": "2017-06-01"}
    )

    def refuse(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        raise OSError(errno.EIO, "input/output error (simulated)")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="simulated"):
        append_record(path, record, plan)
    assert path.read_bytes() == EXISTING
    # the temporary file is removed, only the lock's sidecar stays
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no lock file left
    monkeypatch.undo()
    assert_next_record_lands(path)


def test_a_failed_rename_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.yaml"
    path.write_bytes(EXISTING)

    def refuse(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    result = run(*RECORD, "--progress", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"plan: error: cannot write {path}: No space left on device; the file is unchanged\n"
    )
    assert path.read_bytes() == EXISTING


def test_a_read_only_directory_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "progress.yaml"
    path.write_bytes(EXISTING)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    result = run(*RECORD, "--progress", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"plan: error: cannot write {path}: Read-only file system; the file is unchanged\n"
    )
    assert path.read_bytes() == EXISTING


# --- a process killed while it holds the lock ---------------------------------------------------

STALLED_RECORD = """
import os, sys, time
from pathlib import Path

marker = Path(sys.argv[1])
name = sys.argv[2]
real = getattr(os, name)
calls = []

def stall(*args):
    # the temporary file is written (and, for os.replace, synced): tell the test, then wait
    # to be killed
    if not calls:
        calls.append(args)
        marker.write_text(repr(args))
        time.sleep(600)
    return real(*args)

setattr(os, name, stall)
from reintegration_plan.cli import main
sys.argv = ["plan", *sys.argv[3:]]
main()
"""


@pytest.mark.parametrize("stall_at", ["fsync", "replace"])
def test_a_record_killed_mid_write_leaves_the_file_byte_identical(
    tmp_path: Path, stall_at: str
) -> None:
    path = tmp_path / "progress.yaml"
    path.write_bytes(EXISTING)
    marker = tmp_path / "stalled"
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            STALLED_RECORD,
            str(marker),
            stall_at,
            *RECORD[:-1],
            "killed",
            "--progress",
            str(path),
        ],
        cwd=tmp_path,
        env=environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + GUARD_SECONDS
        while not marker.exists():
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the record never reached the stall"
            time.sleep(0.05)
        temporary = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert len(temporary) == 1  # written, not yet renamed
        assert b"killed" in temporary[0].read_bytes()
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=GUARD_SECONDS) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
    assert path.read_bytes() == EXISTING
    # the stray temporary file and the lock left by the killed process do not stop the next
    assert_next_record_lands(path)
    assert b"killed" not in path.read_bytes()


# --- concurrent records ---------------------------------------------------------------------------


def test_24_concurrent_records_all_land(tmp_path: Path) -> None:
    path = tmp_path / "progress.yaml"
    path.write_bytes(EXISTING)
    count = 24
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reintegration_plan",
                "record",
                str(n % 30 + 1),
                "--status",
                "in_progress",
                "--on",
                f"2017-06-{n % 28 + 1:02d}",
                "--note",
                f"writer {n}",
                "--progress",
                str(path),
            ],
            cwd=tmp_path,
            # a loaded machine may take longer than the usual 10 s to let 23 others write
            env={**environment(), "PLAN_LOCK_WAIT": str(GUARD_SECONDS)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(count)
    ]
    outcomes = [process.communicate(timeout=GUARD_SECONDS) for process in processes]
    # a writer that finds the lock held says so, once
    waiting = f"plan: waiting for {lock_path(path)} held by another plan record…\n"
    assert [p.returncode for p in processes] == [0] * count
    assert {err for _, err in outcomes} <= {"", waiting}
    assert path.read_bytes().startswith(EXISTING)
    records = records_in(path)
    assert records[0].measure == 1
    assert sorted((r.note or "") for r in records[1:]) == sorted(
        f"writer {n}" for n in range(count)
    )
    validated = run("validate", "--progress", str(path))
    assert (validated.exit_code, validated.stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no lock file left
