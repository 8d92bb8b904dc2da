"""The one error boundary, under every fault the process can meet: each case in a real process
(`python -m reintegration_plan`), with its exact standard error, its exit code, and the files
around it byte for byte as they were (or as the command was meant to leave them).

Faults are made from outside the product code: standard output closed, /dev/full, a pipe whose
reader is gone, a signal sent to the process (at a moment chosen by an import hook or a stall
in ``os.replace``), named pipes and device nodes, hard links, held locks. A process that hangs
fails on the guard timeout; no test here measures time.
"""

from __future__ import annotations

import ctypes
import fcntl
import io
import os
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ABBREVIATIONS, PLAN, run
from reintegration_plan.infile import _read_upto
from reintegration_plan.loader import MAX_FILE_BYTES
from reintegration_plan.record import HEADER, lock_path

GUARD_SECONDS = 120  # a hang fails instead of blocking the run; not a timed assertion
AS_OF = "2017-07-01"
EXISTING = (
    b"# progress kept by hand\n"
    b"schema_version: 1\n"
    b"records:\n"
    b"- measure: 1\n"
    b"  status: done\n"
    b"  on: 2017-03-20\n"
    b"  evidence: https://example.kz/1\n"
)
RECORD = ["record", "7", "--status", "in_progress", "--on", "2017-06-01"]
BROKEN_PIPE = (
    "plan: error: cannot write to standard output: the program reading it has exited "
    "(broken pipe)\n"
)
FULL = "plan: error: cannot write to standard output: No space left on device\n"
OUTPUT_ADVICE = (
    "only a regular file is written (this would be replaced by one); for standard output, give "
    "`-` or leave the option out"
)


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PLAN_", "GITHUB_"))}
    env.update({"NO_COLOR": "1", "COLUMNS": "100", "LANG": "C.UTF-8", **extra})
    env.pop("LC_ALL", None)
    return env


def plan(
    *args: str,
    cwd: Path,
    env: dict[str, str] | None = None,
    stdout: int | None = subprocess.PIPE,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """`plan ARGS...` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "reintegration_plan", *args],
        cwd=cwd,
        env=env or environment(),
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=GUARD_SECONDS,
        preexec_fn=preexec_fn,
        check=False,
    )


def outcome(done: subprocess.CompletedProcess[bytes]) -> tuple[int, str]:
    return done.returncode, done.stderr.decode("utf-8", "backslashreplace")


def snapshot(directory: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every entry's name, kind and bytes (for a regular file): what must not change."""
    found: dict[str, tuple[int, bytes | None]] = {}
    for entry in sorted(directory.iterdir()):
        mode = entry.lstat().st_mode
        regular = stat.S_ISREG(mode)
        found[entry.name] = (stat.S_IFMT(mode), entry.read_bytes() if regular else None)
    return found


@pytest.fixture
def progress(tmp_path: Path) -> Path:
    path = tmp_path / "progress.yaml"
    path.write_bytes(EXISTING)
    return path


# --- standard output that cannot be written ------------------------------------------------

COMMANDS = [
    ["due", "--as-of", AS_OF],
    ["due", "--all", "--as-of", AS_OF, "--format", "json"],
    ["validate"],
    ["schema"],
    ["report", "--as-of", AS_OF, "--format", "html"],
    ["calendar", "--as-of", AS_OF],
    ["timeline", "--as-of", AS_OF],
    ["--help"],
    ["due", "--help"],
]
IDS = [" ".join(c) for c in COMMANDS]


def _close_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize("args", COMMANDS, ids=IDS)
def test_closed_standard_output(tmp_path: Path, args: list[str]) -> None:
    done = plan(*args, cwd=tmp_path, stdout=None, preexec_fn=_close_stdout)
    assert outcome(done) == (
        2,
        "plan: error: standard output is closed: redirect it to a file, or to /dev/null\n",
    )
    assert snapshot(tmp_path) == {}


@pytest.mark.parametrize("args", COMMANDS, ids=IDS)
def test_a_full_disk_on_standard_output(tmp_path: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = plan(*args, cwd=tmp_path, stdout=full.fileno())
    assert outcome(done) == (2, FULL)


def to_a_gone_reader(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`plan ARGS | true`, made certain: the reader is gone before the first byte is written."""
    read, write = os.pipe()
    os.close(read)
    try:
        return plan(*args, cwd=cwd, stdout=write)
    finally:
        os.close(write)


DATA_COMMANDS = [c for c in COMMANDS if "--help" not in c]


@pytest.mark.parametrize("args", DATA_COMMANDS, ids=[" ".join(c) for c in DATA_COMMANDS])
def test_a_broken_pipe_on_standard_output(tmp_path: Path, args: list[str]) -> None:
    assert outcome(to_a_gone_reader(*args, cwd=tmp_path)) == (2, BROKEN_PIPE)


@pytest.mark.parametrize(
    "args",
    [["--help"], ["due", "--help"], ["validate", "-h", "--lang", "ru"], ["--version"]],
    ids=" ".join,
)
def test_the_help_or_the_version_to_a_gone_reader_ends_quietly(
    tmp_path: Path, args: list[str]
) -> None:
    """`plan --help | head -1`, `plan --version | head -1`: the reader took what it wanted of a
    text to read; nothing is lost, and whether the write beat the reader's exit is chance."""
    assert outcome(to_a_gone_reader(*args, cwd=tmp_path)) == (0, "")


@pytest.mark.parametrize("output_format", ["table", "json", "csv", "markdown"])
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "PYTHONUNBUFFERED=1"])
def test_the_reader_exits_halfway(tmp_path: Path, output_format: str, unbuffered: bool) -> None:
    """`plan show 7 | head -c 10`: the output (a 1 MB note) is far more than a pipe holds, so
    the reader exits while `plan` is writing. Unbuffered, Python's own stdout would lose the
    rest without an error."""
    note = " ".join(["примечание"] * 50_000)
    (tmp_path / "progress.yaml").write_text(
        "schema_version: 1\nrecords:\n"
        f"- measure: 7\n  status: in_progress\n  on: 2017-05-01\n  note: {note}\n",
        encoding="utf-8",
    )
    env = environment()
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "reintegration_plan", "show", "7", "--format", output_format],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    try:
        assert len(process.stdout.read(10)) == 10
        process.stdout.close()
        err = process.stderr.read()
        assert process.wait(timeout=GUARD_SECONDS) == 2
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    assert err.decode() == BROKEN_PIPE


def test_a_data_error_with_a_broken_pipe_is_still_exit_2(tmp_path: Path) -> None:
    """The diagnostics of a bad file could not be delivered: not "1, the data has problems"."""
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\nrecords: [\n")
    done = to_a_gone_reader("validate", str(broken), cwd=tmp_path)
    assert outcome(done) == (2, BROKEN_PIPE)


# --- signals -----------------------------------------------------------------------------

INTERRUPT_AT_IMPORT = """
import os, signal, sys

class SignalOnImport:
    \"\"\"Sends the signal to this process when the module is about to be imported.\"\"\"

    def __init__(self, module, name):
        self.module, self.signal = module, getattr(signal, name)

    def find_spec(self, name, path=None, target=None):
        if name == self.module:
            sys.meta_path.remove(self)
            os.kill(os.getpid(), self.signal)
        return None

from reintegration_plan.launch import main  # as the console script does
sys.meta_path.insert(0, SignalOnImport(sys.argv[1], sys.argv[2]))
sys.argv = ["plan", *sys.argv[3:]]
main()
"""


@pytest.mark.parametrize(
    ("module", "args"),
    [
        ("typer", ["due", "--as-of", AS_OF]),  # while the command line imports
        ("reintegration_plan.cli.app", ["due", "--as-of", AS_OF]),
        ("reintegration_plan.loader", ["due", "--as-of", AS_OF]),  # inside the command
        ("reintegration_plan.layout", ["due", "--as-of", AS_OF]),  # while rendering
        ("reintegration_plan.record", RECORD),
    ],
)
@pytest.mark.parametrize(("name", "code"), [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_signal_at_any_moment_ends_quietly(
    progress: Path, module: str, args: list[str], name: str, code: int
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", INTERRUPT_AT_IMPORT, module, name, *args],
        cwd=progress.parent,
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=GUARD_SECONDS,
        check=False,
    )
    assert (done.returncode, done.stderr, done.stdout) == (code, b"", b"")
    assert snapshot(progress.parent) == {"progress.yaml": (stat.S_IFREG, EXISTING)}


STALLED_RECORD = """
import os, sys, time
from pathlib import Path

marker = Path(sys.argv[1])
real = os.replace

def stall(*args):
    # the temporary file is written and synced: tell the test, then wait for its signal
    marker.write_text(repr(args))
    time.sleep(600)
    return real(*args)

os.replace = stall
from reintegration_plan.launch import main
sys.argv = ["plan", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)]
)
def test_a_signal_while_recording_removes_the_temporary_file(
    progress: Path, signum: int, code: int
) -> None:
    marker = progress.parent / "stalled"
    process = subprocess.Popen(
        [sys.executable, "-c", STALLED_RECORD, str(marker), *RECORD],
        cwd=progress.parent,
        env=environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + GUARD_SECONDS
        while not marker.exists():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the record never reached the stall"
            time.sleep(0.05)
        temporary = [p.name for p in progress.parent.iterdir() if p.name.endswith(".tmp")]
        assert len(temporary) == 1 and temporary[0].startswith(".plan-")
        process.send_signal(signum)
        out, err = process.communicate(timeout=GUARD_SECONDS)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert (process.returncode, err, out) == (code, b"", b"")
    marker.unlink()
    assert snapshot(progress.parent) == {"progress.yaml": (stat.S_IFREG, EXISTING)}


# --- an internal error -------------------------------------------------------------------

BUG = """
import sys
import reintegration_plan.queries

def due(*args, **kwargs):
    raise RuntimeError("a bug,\\nover two lines")

reintegration_plan.queries.due = due
from reintegration_plan.launch import main
sys.argv = ["plan", *sys.argv[1:]]
main()
"""
INTERNAL = (
    "plan: internal error: RuntimeError: a bug, over two lines "
    "(set PLAN_DEBUG=1 for the traceback)\n"
)


@pytest.mark.parametrize("debug", [None, "0", "1"])
def test_an_unexpected_exception_is_an_internal_error(tmp_path: Path, debug: str | None) -> None:
    env = environment(**({"PLAN_DEBUG": debug} if debug else {}))
    done = subprocess.run(
        [sys.executable, "-c", BUG, "due", "--as-of", AS_OF],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=GUARD_SECONDS,
        check=False,
    )
    code, err = outcome(done)
    assert (code, done.stdout) == (3, b"")
    if debug == "1":
        assert err.startswith("Traceback (most recent call last):\n")
        assert "RuntimeError: a bug,\nover two lines\n" in err
        assert err.endswith(INTERNAL)
    else:
        assert err == INTERNAL


# --- paths that are empty, the root, or not regular files --------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["due", "--progress", ""], "--progress '': an empty path: give a file name"),
        (["due", "--plan", ""], "--plan '': an empty path: give a file name"),
        (["report", "-o", ""], "--output '': an empty path: give a file name"),
        (["calendar", "--output", ""], "--output '': an empty path: give a file name"),
        (["timeline", "--svg", ""], "--svg '': an empty path: give a file name"),
        (["timeline", "--html", ""], "--html '': an empty path: give a file name"),
        (["validate", ""], "FILES '': an empty path: give a file name"),
        (["validate", "--progress", ""], "--progress '': an empty path: give a file name"),
        ([*RECORD, "--progress", ""], "--progress '': an empty path: give a file name"),
        (["due", "--progress", "/"], "/: is a directory, not a file"),
        (["due", "--plan", "/"], "/: is a directory, not a file"),
        (["report", "-o", "/"], "/: is a directory, not a file"),
        (["timeline", "--svg", "/"], "/: is a directory, not a file"),
        ([*RECORD, "--progress", "/"], "/: is a directory, not a file"),
        ([*RECORD, "--progress", "/etc"], "/etc: is a directory, not a file"),
    ],
)
def test_empty_and_root_paths_are_one_line_usage_errors(
    progress: Path, args: list[str], message: str
) -> None:
    before = snapshot(progress.parent)
    root, etc = set(os.listdir("/")), set(os.listdir("/etc"))
    done = plan(*args, cwd=progress.parent)
    assert outcome(done) == (2, f"plan: error: {message}\n")
    assert done.stdout == b""
    assert snapshot(progress.parent) == before
    assert (set(os.listdir("/")), set(os.listdir("/etc"))) == (root, etc)  # no lock file


def fifo(directory: Path, name: str = "pipe.yaml") -> Path:
    path = directory / name
    os.mkfifo(path)
    return path


FIFO_READ = "is a named pipe (FIFO), not a regular file: give the data file itself"


@pytest.mark.parametrize(
    "args",
    [
        ["due", "--as-of", AS_OF, "--progress", "pipe.yaml"],
        ["due", "--as-of", AS_OF, "--plan", "pipe.yaml"],
        ["validate", "pipe.yaml"],
        ["validate", "--progress", "pipe.yaml"],
    ],
    ids=["progress", "plan", "validate", "validate --progress"],
)
def test_a_named_pipe_is_refused_at_once(tmp_path: Path, args: list[str]) -> None:
    fifo(tmp_path)  # nobody writes to it: opening it to read would wait for ever
    done = plan(*args, cwd=tmp_path)
    assert outcome(done) == (2, f"plan: error: pipe.yaml: {FIFO_READ}\n")
    assert snapshot(tmp_path) == {"pipe.yaml": (stat.S_IFIFO, None)}


def test_a_named_pipe_as_the_abbreviations_file(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8").replace(
        "abbreviations: abbreviations.yaml", "abbreviations: pipe.yaml"
    )
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    fifo(tmp_path)
    done = plan("validate", "--no-source", "plan.yaml", cwd=tmp_path)  # no act's text here
    code, err = outcome(done)
    assert (code, err) == (1, "")
    assert done.stdout.decode() == (
        f"plan.yaml:7:16: error: the abbreviations file pipe.yaml cannot be read: {FIFO_READ} "
        "[abbreviations] (abbreviations-file)\n"
        "1 file checked: 1 error, 0 warnings (abbreviations-file 1)\n"
    )


def test_a_file_larger_than_a_data_file_may_be(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: no 32 MiB written
    done = plan("validate", "big.yaml", cwd=tmp_path)
    assert outcome(done) == (
        2,
        "plan: error: big.yaml: is larger than 32 MiB: too large for a data file\n",
    )


@pytest.mark.parametrize("size", [0, 3, 9, 10, 11, 40])  # the file's size when it was looked at
def test_a_file_is_read_to_the_limit_whatever_size_it_was_looked_at(size: int) -> None:
    """A data file is read into a buffer of the size its stat gave, and on to the limit if it
    has grown since: what is read is what reading to the limit reads."""
    for data in (b"", b"0123456789", b"x" * 25):
        for most in (1, 10, 11, 20):
            assert _read_upto(io.BytesIO(data), size, most) == data[:most], (data, most)


# --- output files ------------------------------------------------------------------------


def reference(args: list[str], cwd: Path) -> bytes:
    done = plan(*args, cwd=cwd)
    assert outcome(done) == (0, "")
    return done.stdout


OUTPUTS = [
    ["report", "--as-of", AS_OF, "-o"],
    ["calendar", "--as-of", AS_OF, "--output"],
    ["timeline", "--as-of", AS_OF, "--svg"],
    ["timeline", "--as-of", AS_OF, "--html"],
]
OUTPUT_IDS = ["report -o", "calendar --output", "timeline --svg", "timeline --html"]


@pytest.mark.parametrize("args", OUTPUTS, ids=OUTPUT_IDS)
def test_output_to_a_named_pipe_is_refused(tmp_path: Path, args: list[str]) -> None:
    fifo(tmp_path, "out")
    done = plan(*args, "out", cwd=tmp_path)
    assert outcome(done) == (
        2,
        f"plan: error: out: is a named pipe (FIFO), not a regular file: {OUTPUT_ADVICE}\n",
    )
    assert snapshot(tmp_path) == {"out": (stat.S_IFIFO, None)}


@contextmanager
def device_node(directory: Path) -> Iterator[Path]:
    """A character device (a second /dev/null) in the test's own directory: a failing test
    must not be able to replace the machine's /dev/null."""
    path = directory / "null"
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    yield path


@pytest.mark.parametrize("args", OUTPUTS, ids=OUTPUT_IDS)
def test_output_to_a_device_is_refused(tmp_path: Path, args: list[str]) -> None:
    with device_node(tmp_path):
        done = plan(*args, "null", cwd=tmp_path)
        assert outcome(done) == (
            2,
            f"plan: error: null: is a character device, not a regular file: {OUTPUT_ADVICE}\n",
        )
        assert snapshot(tmp_path) == {"null": (stat.S_IFCHR, None)}


@pytest.mark.parametrize("name", ["-", "/dev/stdout", "/proc/self/fd/1"])
@pytest.mark.parametrize(
    "args", [["report", "--as-of", AS_OF], ["calendar", "--as-of", AS_OF]], ids=["report", "ics"]
)
def test_output_to_standard_output_by_name(tmp_path: Path, args: list[str], name: str) -> None:
    done = plan(*args, "-o", name, cwd=tmp_path)
    assert outcome(done) == (0, "")
    assert done.stdout == reference(args, tmp_path)
    assert snapshot(tmp_path) == {}


def test_output_through_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_bytes(b"old report")
    (tmp_path / "report.md").symlink_to("real.md")
    done = plan("report", "--as-of", AS_OF, "-o", "report.md", cwd=tmp_path)
    assert outcome(done) == (0, "")
    assert (tmp_path / "report.md").is_symlink()
    assert (tmp_path / "real.md").read_bytes() == reference(["report", "--as-of", AS_OF], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["real.md", "report.md"]


def copied_plan(directory: Path) -> tuple[Path, Path]:
    plan_file = directory / "plan.yaml"
    plan_file.write_bytes(PLAN.read_bytes())
    glossary = directory / "abbreviations.yaml"
    glossary.write_bytes(ABBREVIATIONS.read_bytes())
    return plan_file, glossary


@pytest.mark.parametrize(
    ("target", "what"),
    [
        ("progress.yaml", "progress"),
        ("./progress.yaml", "progress"),
        ("plan.yaml", "plan"),
        ("abbreviations.yaml", "abbreviations"),
        ("link-to-progress.yaml", "progress"),
    ],
)
@pytest.mark.parametrize("args", OUTPUTS, ids=OUTPUT_IDS)
def test_output_never_overwrites_a_file_the_command_reads(
    progress: Path, args: list[str], target: str, what: str
) -> None:
    copied_plan(progress.parent)
    (progress.parent / "link-to-progress.yaml").symlink_to("progress.yaml")
    before = snapshot(progress.parent)
    done = plan(
        *args, target, "--plan", "plan.yaml", "--progress", "progress.yaml", cwd=progress.parent
    )
    assert outcome(done) == (
        2,
        f"plan: error: {Path(target)}: is the {what} file this command reads: write the output to "
        "another file\n",
    )
    assert snapshot(progress.parent) == before


def test_the_longest_name_the_file_system_allows(progress: Path) -> None:
    longest = os.pathconf(progress.parent, "PC_NAME_MAX")
    name = "о" * ((longest - 5) // 2) + ".html"  # Cyrillic: two bytes a letter
    assert len(os.fsencode(name)) <= longest
    done = plan("report", "--as-of", AS_OF, "--format", "html", "-o", name, cwd=progress.parent)
    assert outcome(done) == (0, "")
    assert (progress.parent / name).read_bytes().startswith(b"<!DOCTYPE html>")
    # and a progress file of such a name: its lock file's name is shortened to fit (the
    # record could not lock, and so not be made, otherwise), then removed
    long_progress = progress.parent / ("п" * ((longest - 5) // 2) + ".yaml")
    long_progress.write_bytes(EXISTING)
    done = plan(*RECORD, "--progress", long_progress.name, cwd=progress.parent)
    assert outcome(done) == (0, "")
    assert long_progress.read_bytes().startswith(EXISTING)
    assert lock_path(long_progress).name.startswith(".plan-")
    assert sorted(p.name for p in progress.parent.iterdir()) == sorted(
        [name, long_progress.name, "progress.yaml"]
    )


# --- plan record -------------------------------------------------------------------------


def _without_root_powers() -> None:
    """In the child: drop the capabilities that let root write what is not writable
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), so that permissions hold as for anyone."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_anyone(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return plan(*args, cwd=cwd, preexec_fn=_without_root_powers)
    except subprocess.SubprocessError as exc:  # pragma: no cover - a container without it
        pytest.skip(f"cannot drop root's powers here: {exc}")


def test_a_read_only_progress_file_is_refused(progress: Path) -> None:
    progress.chmod(0o444)
    before = snapshot(progress.parent)
    done = as_anyone(*RECORD, cwd=progress.parent)
    assert outcome(done) == (
        2,
        "plan: error: progress.yaml: permission denied: the file is read-only (make it writable "
        "to record progress)\n",
    )
    assert snapshot(progress.parent) == before  # and no lock file


def test_no_lock_file_where_nothing_may_be_written(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    if os.geteuid() == 0:
        os.chown(locked, 65534, 65534)  # someone else's directory
    locked.chmod(0o755)
    done = as_anyone(*RECORD, "--progress", "locked/progress.yaml", cwd=tmp_path)
    assert outcome(done) == (
        2,
        "plan: error: locked/progress.yaml: permission denied: cannot create a file in locked\n",
    )
    assert list(locked.iterdir()) == []


def test_the_file_keeps_its_owner_group_and_mode(progress: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another owner needs root")
    os.chown(progress, 65534, 65534)
    progress.chmod(0o2640)  # setgid too
    done = plan(*RECORD, cwd=progress.parent)
    assert outcome(done) == (0, "")
    status = progress.stat()
    assert (status.st_uid, status.st_gid, stat.S_IMODE(status.st_mode)) == (65534, 65534, 0o2640)
    assert progress.read_bytes().startswith(EXISTING) and len(progress.read_bytes()) > len(EXISTING)


def test_a_hard_linked_file_is_refused(progress: Path) -> None:
    os.link(progress, progress.parent / "copy.yaml")
    before = snapshot(progress.parent)
    done = plan(*RECORD, cwd=progress.parent)
    assert outcome(done) == (
        2,
        "plan: error: progress.yaml: has 2 hard links: `plan record` replaces the file, and the "
        "other links would keep the old records; make it a file of its own (cp FILE FILE.new && "
        "mv FILE.new FILE), or point the other names at it with symbolic links (ln -s)\n",
    )
    assert snapshot(progress.parent) == before
    assert progress.stat().st_nlink == 2


def test_a_named_pipe_is_never_recorded_into(tmp_path: Path) -> None:
    fifo(tmp_path, "progress.yaml")
    done = plan(*RECORD, cwd=tmp_path)
    assert outcome(done) == (
        2,
        "plan: error: progress.yaml: is a named pipe (FIFO), not a regular file: a progress "
        "file is a regular file: give the file itself\n",
    )
    assert snapshot(tmp_path) == {"progress.yaml": (stat.S_IFIFO, None)}


def test_a_record_never_makes_a_file_too_large_to_read(progress: Path) -> None:
    note = b"x" * (MAX_FILE_BYTES - len(EXISTING) - 20)
    progress.write_bytes(EXISTING + b"  note: " + note + b"\n")
    assert MAX_FILE_BYTES - 200 < progress.stat().st_size <= MAX_FILE_BYTES
    before = snapshot(progress.parent)
    done = plan(*RECORD, cwd=progress.parent)
    assert outcome(done) == (
        2,
        "plan: error: cannot write progress.yaml: with this record it would be larger than "
        "32 MiB, more than `plan` reads: keep the older records in another file and start a "
        "new progress file; the file is unchanged\n",
    )
    assert snapshot(progress.parent) == before  # the lock file made is removed


@pytest.mark.parametrize(
    "existing",
    [
        EXISTING.replace(b"\n", b"\r"),  # CR line ends (classic Mac OS)
        EXISTING.replace(b"  status: done\n", b"  status: done\r"),  # a lone CR
    ],
    ids=["CR line ends", "a lone CR"],
)
def test_cr_line_ends_are_refused_as_validate_refuses_them(tmp_path: Path, existing: bytes) -> None:
    """YAML counts a lone CR as a line break and editors do not: `plan validate` refuses such a
    file, saying what to change, and `plan record` neither writes to it nor reads it otherwise."""
    path = tmp_path / "progress.yaml"
    path.write_bytes(existing)
    validated = plan("validate", "--progress", "progress.yaml", cwd=tmp_path)
    assert validated.returncode == 1
    assert b"(line-break-character)" in validated.stdout
    done = plan(*RECORD, cwd=tmp_path)
    assert outcome(done) == (
        1,
        validated.stdout.decode()
        + "\nplan: error: nothing recorded: progress.yaml has errors (above) and is left as it"
        " was; fix them and record again\n",
    )
    assert snapshot(tmp_path) == {"progress.yaml": (stat.S_IFREG, existing)}


def test_crlf_line_ends_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.yaml"
    existing = EXISTING.replace(b"\n", b"\r\n")
    path.write_bytes(existing)
    done = plan(*RECORD, cwd=tmp_path)
    assert outcome(done) == (0, "")
    assert path.read_bytes() == existing + (
        b"- measure: 7\r\n  status: in_progress\r\n  on: 2017-06-01\r\n"
    )


def test_the_first_record_in_a_new_file(tmp_path: Path) -> None:
    done = plan(*RECORD, cwd=tmp_path)
    assert outcome(done) == (0, "")
    assert (tmp_path / "progress.yaml").read_text() == HEADER.format(
        plans="the plan of Resolution No. 912 (2016)"
    ) + ("- measure: 7\n  status: in_progress\n  on: 2017-06-01\n")


@contextmanager
def held_lock(progress: Path) -> Iterator[int]:
    fd = os.open(lock_path(progress), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def waiting_line(progress: Path) -> str:
    return f"plan: waiting for {lock_path(progress)} held by another plan record…\n"


def test_a_held_lock_is_waited_for_then_taken(progress: Path) -> None:
    with held_lock(progress) as fd:
        process = subprocess.Popen(
            [sys.executable, "-m", "reintegration_plan", *RECORD, "--progress", str(progress)],
            cwd=progress.parent,
            env=environment(PLAN_LOCK_WAIT="600"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert process.stderr is not None
        first = process.stderr.readline().decode()  # blocks until it says it waits
        assert first == waiting_line(progress)
        assert progress.read_bytes() == EXISTING
        fcntl.flock(fd, fcntl.LOCK_UN)
        out, err = process.communicate(timeout=GUARD_SECONDS)
    assert (process.returncode, err) == (0, b"")
    said = " ".join(out.decode().split())  # wrapped to the terminal: 80 columns
    assert said.startswith(f"Recorded in {progress}: measure 7 — in progress")
    assert progress.read_bytes().startswith(EXISTING) and progress.read_bytes() != EXISTING


def test_a_lock_held_too_long_is_exit_2(progress: Path) -> None:
    with held_lock(progress):
        done = plan(*RECORD, cwd=progress.parent, env=environment(PLAN_LOCK_WAIT="0.2"))
    lock = lock_path(progress).name
    assert outcome(done) == (
        2,
        waiting_line(Path("progress.yaml"))
        + f"plan: error: cannot write progress.yaml: another process (another `plan record`?) "
        f"has held {lock} for 0.2 seconds: try again when it is done; the file is unchanged\n",
    )
    assert progress.read_bytes() == EXISTING


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("soon", "not a number of seconds (such as 10 or 0.5)"),
        ("-1", "give seconds from 0 to 86399"),
        ("nan", "give seconds from 0 to 86399"),
    ],
)
def test_a_lock_wait_that_is_not_a_number_of_seconds(
    progress: Path, given: str, reason: str
) -> None:
    done = plan(*RECORD, cwd=progress.parent, env=environment(PLAN_LOCK_WAIT=given))
    assert outcome(done) == (2, f"plan: error: PLAN_LOCK_WAIT={given!r}: {reason}\n")
    assert snapshot(progress.parent) == {"progress.yaml": (stat.S_IFREG, EXISTING)}


def test_the_cli_runner_sees_the_same_boundary(progress: Path) -> None:
    """In this process too (CliRunner): a refused output is one line and exit 2."""
    result = run("report", "--as-of", AS_OF, "--progress", str(progress), "-o", str(progress))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"plan: error: {progress}: is the progress file this command reads: write the output "
        "to another file\n"
    )
    assert progress.read_bytes() == EXISTING
