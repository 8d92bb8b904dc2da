"""The start-up of `plan` loads only what the command needs (bench/RESULTS.md measures the time).

The CLI module imports typer and the light `errors` module; the core (pydantic's models, the
checks, the YAML wrapper) is imported by the commands that read the plan, and the progress
module only when there is a progress file. Checked by the modules loaded, never by time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORE = (
    "reintegration_plan.loader",
    "reintegration_plan.models",
    "reintegration_plan.checks",
    "reintegration_plan.yamlio",
    "reintegration_plan.queries",
    "reintegration_plan.progress",
    "rich.console",
    "openpyxl",
    "docx",
)

PROBE = """
import sys
from reintegration_plan.cli import app
try:
    app(sys.argv[2:], prog_name="plan")
except SystemExit:
    pass
wanted = sys.argv[1].split(",")
print(",".join(name for name in wanted if name in sys.modules), file=sys.stderr)
"""


def loaded(*args: str, cwd: Path, prints: bool = True) -> list[str]:
    """Which of CORE a `plan ARGS...` process has loaded when it ends."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(CORE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert bool(done.stdout) == prints  # the command ran
    return [name for name in done.stderr.strip().split(",") if name]


def test_help_loads_none_of_the_core(tmp_path: Path) -> None:
    assert loaded("--help", cwd=tmp_path) == []


def test_due_without_a_progress_file_does_not_load_the_progress_module(tmp_path: Path) -> None:
    names = loaded("due", "--as-of", "2017-07-01", "--format", "json", cwd=tmp_path)
    assert "reintegration_plan.queries" in names
    assert "reintegration_plan.progress" not in names
    assert "rich.console" not in names  # JSON needs no terminal rendering
    assert "openpyxl" not in names and "docx" not in names  # only for the files that need them


def test_tables_are_laid_out_without_rich_console(tmp_path: Path) -> None:
    """Tables are laid out by the tool itself (``layout``); the timeline draws with Rich."""
    assert "rich.console" not in loaded("due", "--as-of", "2017-07-01", cwd=tmp_path)
    assert "rich.console" in loaded("timeline", "--as-of", "2017-07-01", cwd=tmp_path)


def test_due_with_a_progress_file_loads_it(tmp_path: Path) -> None:
    (tmp_path / "progress.yaml").write_text("schema_version: 1\nrecords: []\n")
    names = loaded("due", "--as-of", "2017-07-01", "--format", "json", cwd=tmp_path)
    assert "reintegration_plan.progress" in names


def test_a_workbook_loads_openpyxl_only_then(tmp_path: Path) -> None:
    names = loaded(
        "agencies",
        "--as-of",
        "2017-07-01",
        "--format",
        "xlsx",
        "-o",
        "a.xlsx",
        cwd=tmp_path,
        prints=False,
    )
    assert "openpyxl" in names and "docx" not in names
    assert (tmp_path / "a.xlsx").read_bytes().startswith(b"PK")


BEFORE_THE_HANDLERS = """
import _signal, sys

class Watch:
    \"\"\"Records each module imported while Ctrl-C is still Python's own.\"\"\"

    def find_spec(self, name, path=None, target=None):
        if _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler:
            print(name)
        return None

sys.meta_path.insert(0, Watch())
from reintegration_plan.launch import main  # as the console script does
"""


def test_nothing_is_imported_before_ctrl_c_is_handled() -> None:
    """The console script's import of `plan` installs the handlers before it imports anything
    but the package and the module that installs them (not even __future__): the window in
    which a Ctrl-C is Python's own traceback is Python's start-up and pip's script alone."""
    done = subprocess.run(
        [sys.executable, "-c", BEFORE_THE_HANDLERS],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.split() == ["reintegration_plan", "reintegration_plan.launch"]
