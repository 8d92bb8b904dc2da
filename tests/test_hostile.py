"""Hostile and broken input: every case gets its exact diagnostic and exit code, never a crash.

Each case runs `plan validate FILE` twice:

* in a real process, so that a crash, a hang or a memory blow-up shows: the process runs under
  a 1 GiB address-space limit (a blow-up fails with MemoryError on stderr), and with a timeout
  as a guard only (no test here measures time);
* through the CliRunner, in this process.

Both must print exactly the expected diagnostics (``file:line:col:`` where there is a place in
the file) and exit 1 for bad content, or print one line on stderr and exit 2 for a path that
cannot be read. Small cases are files under ``tests/hostile/``; the big ones (100,000 levels
of nesting, 5 MB lines, two million values) are written by the test.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ABBREVIATIONS, PLAN, TESTS, run
from test_validate_cli import mzsr_text

HOSTILE = TESTS / "hostile"
MEMORY_LIMIT = 1 << 30  # bytes of address space for the `plan` process
GUARD_SECONDS = 300  # a hang fails here instead of blocking the run; not a timed assertion


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_process(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`plan ARGS...` in its own process, with bounded memory and a clean environment."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PLAN_", "GITHUB_"))}
    environment.update({"NO_COLOR": "1", "COLUMNS": "100", **(env or {})})
    return subprocess.run(
        [sys.executable, "-c", "from reintegration_plan.cli import main; main()", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=GUARD_SECONDS,
        preexec_fn=_limit_memory,
        check=False,
    )


def summary(codes: dict[str, int]) -> str:
    errors = sum(codes.values())
    counts = ", ".join(f"{code} {n}" for code, n in sorted(codes.items()))
    noun = "error" if errors == 1 else "errors"
    return f"1 file checked: {errors} {noun}, 0 warnings ({counts})\n"


def one_error(file: str, where: str, message: str, location: str, code: str) -> str:
    """The output of one error; ``location`` "$" (the document as a whole, or no place known,
    as for a syntax error) is not shown."""
    shown = "" if location == "$" else f" [{location}]"
    return f"{file}:{where}: error: {message}{shown} ({code})\n" + summary({code: 1})


def missing_keys(file: str, keys: list[str]) -> str:
    return "".join(
        f"{file}:1:1: error: missing required key {key!r} at the top of the document "
        "(missing-key)\n"
        for key in keys
    )


COLON_HINT = (
    "a value holding ': ' must be quoted ('…'), or this line is indented deeper than the keys "
    "around it"
)
PLAN_KEYS = ["schema_version", "abbreviations", "act", "points", "reporting_duties", "measures"]


@dataclass(frozen=True)
class Case:
    """``plan validate file`` run in a directory where ``make`` has written the input."""

    name: str
    file: str
    make: Callable[[Path], None]
    exit_code: int
    stdout: str
    stderr: str = ""


def corpus(name: str) -> Callable[[Path], None]:
    def make(where: Path) -> None:
        shutil.copyfile(HOSTILE / name, where / name)

    return make


def written(name: str, text: str) -> Callable[[Path], None]:
    def make(where: Path) -> None:
        (where / name).write_text(text, encoding="utf-8")

    return make


def shipped_plan_with(name: str, old: str, new: str) -> Callable[[Path], None]:
    """The shipped plan (and its abbreviations file and the act's text) with one edit."""

    def make(where: Path) -> None:
        text = PLAN.read_text(encoding="utf-8")
        assert old in text
        (where / name).write_text(text.replace(old, new, 1), encoding="utf-8")
        shutil.copyfile(ABBREVIATIONS, where / "abbreviations.yaml")
        shutil.copytree(PLAN.parent / "source", where / "source", dirs_exist_ok=True)

    return make


def nothing(where: Path) -> None:
    pass


def directory(where: Path) -> None:
    (where / "plans").mkdir()


def line_of(text: str, prefix: str) -> int:
    """1-based number of the first line of ``text`` that starts with ``prefix``."""
    return next(n for n, line in enumerate(text.split("\n"), 1) if line.startswith(prefix))


FIVE_MB = 5 * 2**20
LONG_NUMBER = "1" * 5000
POINT_1_LINE = line_of(PLAN.read_text(encoding="utf-8"), "  - number: 1")
FLOW_ITEMS = FIVE_MB // 3

CASES = [
    Case(
        "alias bomb (billion laughs)",
        "alias-bomb.yaml",
        corpus("alias-bomb.yaml"),
        1,
        one_error(
            "alias-bomb.yaml",
            "2:4",
            "anchors (&a) are not allowed: write the value out in full",
            "a",
            "anchor",
        ),
    ),
    Case(
        "100,000 nested flow lists",
        "deep-flow.yaml",
        written("deep-flow.yaml", "[" * 100_000 + "]" * 100_000 + "\n"),
        1,
        # libyaml stops at its own limit of 1,000 levels before giving the first event
        one_error(
            "deep-flow.yaml",
            "1:1001",
            "YAML syntax: exceeded maximum nesting depth (while increasing flow level)",
            "$",
            "syntax",
        ),
    ),
    Case(
        "100,000 nested block lists",
        "deep-block.yaml",
        written("deep-block.yaml", "- " * 100_000 + "x\n"),
        1,
        one_error(
            "deep-block.yaml",
            "1:129",
            "nesting deeper than 64 levels is not accepted",
            "[0]" * 64,
            "too-deep",
        ),
    ),
    Case(
        "100,000 nested flow mappings",
        "deep-mapping.yaml",
        written("deep-mapping.yaml", "{a: " * 100_000 + "}" * 100_000 + "\n"),
        1,
        one_error(
            "deep-mapping.yaml",
            "1:257",
            "nesting deeper than 64 levels is not accepted",
            ".".join(["a"] * 64),
            "too-deep",
        ),
    ),
    Case(
        "NUL byte",
        "nul-byte.yaml",
        corpus("nul-byte.yaml"),
        1,
        one_error(
            "nul-byte.yaml",
            "2:22",
            "the character U+0000 is not allowed in YAML: remove it",
            "$",
            "syntax",
        ),
    ),
    Case(
        "empty file",
        "empty.yaml",
        corpus("empty.yaml"),
        1,
        one_error(
            "empty.yaml", "1:1", "the file is empty: it holds no YAML document", "$", "empty"
        ),
    ),
    Case(
        "only comments",
        "only-comments.yaml",
        corpus("only-comments.yaml"),
        1,
        one_error(
            "only-comments.yaml",
            "3:1",
            "the file holds only comments: it holds no YAML document",
            "$",
            "empty",
        ),
    ),
    Case(
        "a bare scalar as the document",
        "bare-scalar.yaml",
        corpus("bare-scalar.yaml"),
        1,
        one_error(
            "bare-scalar.yaml",
            "1:1",
            "a plan file must be a mapping of keys to values, not a single value",
            "$",
            "document-shape",
        ),
    ),
    Case(
        "a list as the document",
        "list-document.yaml",
        corpus("list-document.yaml"),
        1,
        one_error(
            "list-document.yaml",
            "1:1",
            "a plan file must be a mapping of keys to values, not a list",
            "$",
            "document-shape",
        ),
    ),
    Case(
        "!!python/object/apply:os.system",
        "python-object-apply.yaml",
        corpus("python-object-apply.yaml"),
        1,
        one_error(
            "python-object-apply.yaml",
            "1:1",
            "tags (!!python/object/apply:os.system) are not allowed: remove the tag",
            "$",
            "tag",
        ),
    ),
    *(
        Case(
            f"!!python/{tag}",
            "python-tag.yaml",
            written("python-tag.yaml", f"schema_version: !!python/{tag} {value}\n"),
            1,
            one_error(
                "python-tag.yaml",
                "1:17",
                f"tags (!!python/{tag}) are not allowed: remove the tag",
                "schema_version",
                "tag",
            ),
        )
        for tag, value in [
            ("object/new:os.system", '["touch pwned"]'),
            ("object:os.system", "{}"),
            ("name:os.system", "''"),
            ("module:os", "''"),
            ("tuple", "[1, 2]"),
            ("bytes", "AAAA"),
            ("str", "text"),
        ]
    ),
    Case(
        "a 5,000-digit integer",
        "long-number.yaml",
        written("long-number.yaml", f"schema_version: {'9' * 5000}\n"),
        1,
        one_error(
            "long-number.yaml",
            "1:17",
            "a number of 5000 digits is not accepted (at most 30); quote it if it is text",
            "schema_version",
            "number-too-long",
        ),
    ),
    Case(
        "a quoted 5,000-digit integer in an integer field",
        "plan.yaml",
        shipped_plan_with("plan.yaml", "\n  - number: 1\n", f'\n  - number: "{LONG_NUMBER}"\n'),
        1,
        # the head's schema error hides neither the measures' checks nor their warning
        f"plan.yaml:{POINT_1_LINE}:13: error: input should be a valid integer "
        f"(got '{LONG_NUMBER[:199]}… (5002 characters)) [points[0].number] (wrong-type)\n"
        + mzsr_text("plan.yaml").replace(
            "0 errors, 1 warning (undefined-abbreviation 1)",
            "1 error, 1 warning (undefined-abbreviation 1, wrong-type 1)",
        ),
    ),
    Case(
        "a 5 MB line: one scalar",
        "long-line.yaml",
        written("long-line.yaml", "schema_version: " + "x" * FIVE_MB + "\n"),
        1,
        missing_keys("long-line.yaml", PLAN_KEYS[1:])
        + "long-line.yaml:1:17: error: input should be the integer 1 "
        + f"(got '{'x' * 199}… ({FIVE_MB + 2} characters)) [schema_version] (wrong-type)\n"
        + summary({"wrong-type": 1, "missing-key": 5}),
    ),
    Case(
        "a 5 MB key",
        "long-key.yaml",
        written("long-key.yaml", "? " + "k" * FIVE_MB + "\n: 1\n"),
        1,
        missing_keys("long-key.yaml", PLAN_KEYS)
        + f"long-key.yaml:1:3: error: unknown key '{'k' * 199}… ({FIVE_MB + 2} characters): "
        + f"remove it or check its spelling [['{'k' * 199}… ({FIVE_MB + 2} characters)]] "
        + "(unknown-key)\n"
        + summary({"missing-key": 6, "unknown-key": 1}),
    ),
    Case(
        "a 5 MB line: a list of 1.7 million numbers",
        "long-list.yaml",
        written("long-list.yaml", "schema_version: [" + ", ".join(["1"] * FLOW_ITEMS) + "]\n"),
        1,
        missing_keys("long-list.yaml", PLAN_KEYS[1:])
        + "long-list.yaml:1:17: error: input should be the integer 1 [schema_version] "
        + "(wrong-type)\n"
        + summary({"wrong-type": 1, "missing-key": 5}),
    ),
    Case(
        "more than two million values",
        "many-values.yaml",
        written("many-values.yaml", "[" + "0, " * 2_000_000 + "0]\n"),
        1,
        one_error(
            "many-values.yaml",
            f"1:{1 + 3 * 1_999_999 + 1}",
            "the file holds more than 2,000,000 values and keys: not a data file this tool reads",
            "[1999999]",
            "too-large",
        ),
    ),
    Case(
        "a byte-order mark, CRLF line ends and a syntax error",
        "bom-crlf-syntax.yaml",
        corpus("bom-crlf-syntax.yaml"),
        1,
        one_error(
            "bom-crlf-syntax.yaml",
            "3:10",  # the second ':' of `act: kind: ...` on the third line
            "YAML syntax: mapping values are not allowed in this context; " + COLON_HINT,
            "$",
            "syntax",
        ),
    ),
    Case(
        "a byte-order mark and a syntax error on the first line",
        "bom-crlf-syntax-first-line.yaml",
        corpus("bom-crlf-syntax-first-line.yaml"),
        1,
        one_error(
            "bom-crlf-syntax-first-line.yaml",
            "1:10",  # the mark is not a column
            "YAML syntax: mapping values are not allowed in this context; " + COLON_HINT,
            "$",
            "syntax",
        ),
    ),
    Case(
        "a byte-order mark and invalid UTF-8 on the first line",
        "bom-invalid-utf8.yaml",
        corpus("bom-invalid-utf8.yaml"),
        1,
        one_error(
            "bom-invalid-utf8.yaml",
            "1:6",
            "the file is not valid UTF-8 (byte 0xff at offset 8); save it as UTF-8",
            "$",
            "encoding",
        ),
    ),
    Case(
        "invalid UTF-8 (Windows-1251 text)",
        "invalid-utf8.yaml",
        corpus("invalid-utf8.yaml"),
        1,
        one_error(
            "invalid-utf8.yaml",
            "4:9",
            "the file is not valid UTF-8 (byte 0xcf at offset 68); save it as UTF-8",
            "$",
            "encoding",
        ),
    ),
    Case(
        "CR line ends and a NUL byte",
        "cr-line-ends-nul.yaml",
        corpus("cr-line-ends-nul.yaml"),
        1,
        one_error(  # refused before the parser sees the NUL: one line, as `grep -n` counts
            "cr-line-ends-nul.yaml",
            "1:18",
            "U+000D CARRIAGE RETURN without a line feed: invisible in editors, and YAML counts "
            "it as a line break, so line numbers would disagree with your editor's: save the "
            "file with LF (or CR LF) line ends; 2 more in the file (line 1)",
            "$",
            "line-break-character",
        ),
    ),
    Case(
        "a plan naming an abbreviations path that holds NUL",
        "abbreviations-nul-path.yaml",
        corpus("abbreviations-nul-path.yaml"),
        1,
        missing_keys(
            "abbreviations-nul-path.yaml", ["act", "points", "reporting_duties", "measures"]
        )
        + "abbreviations-nul-path.yaml:2:16: error: the abbreviations file abbreviations\\0.yaml "
        "cannot be read: a path cannot hold a NUL [abbreviations] (abbreviations-file)\n"
        + summary({"abbreviations-file": 1, "missing-key": 4}),
    ),
    Case(
        "a plan naming /dev/zero as its abbreviations file",
        "abbreviations-dev-zero.yaml",
        corpus("abbreviations-dev-zero.yaml"),
        1,
        missing_keys(
            "abbreviations-dev-zero.yaml", ["act", "points", "reporting_duties", "measures"]
        )
        + "abbreviations-dev-zero.yaml:2:16: error: the abbreviations file /dev/zero cannot be "
        "read: is a character device, not a regular file: give the data file itself "
        "[abbreviations] (abbreviations-file)\n"
        + summary({"abbreviations-file": 1, "missing-key": 4}),
    ),
    Case(
        "a directory",
        "plans",
        directory,
        2,
        "",
        "plan: error: plans: no plan file found there (a YAML file with the keys act and "
        "measures)\n",
    ),
    Case(
        "a missing path",
        "missing.yaml",
        nothing,
        2,
        "",
        "plan: error: missing.yaml: no such file\n",
    ),
    Case(
        "/dev/zero",
        "/dev/zero",
        nothing,
        2,
        "",
        "plan: error: /dev/zero: is a character device, not a regular file: give the data file "
        "itself\n",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_in_a_process(case: Case, tmp_path: Path) -> None:
    case.make(tmp_path)
    result = run_process("validate", case.file, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (
        case.exit_code,
        case.stdout,
        case.stderr,
    )
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input_in_the_cli_runner(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case.make(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = run("validate", case.file)
    assert (result.exit_code, result.stdout, result.stderr) == (
        case.exit_code,
        case.stdout,
        case.stderr,
    )
    assert not (tmp_path / "pwned").exists()


def test_the_memory_limit_catches_a_blow_up(tmp_path: Path) -> None:
    """The limit the cases run under is real: a process that needs more memory fails."""
    result = subprocess.run(
        [sys.executable, "-c", "b = bytearray(2 << 30)"],
        capture_output=True,
        text=True,
        timeout=GUARD_SECONDS,
        preexec_fn=_limit_memory,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.rstrip().endswith("MemoryError")


def test_the_corpus_is_used() -> None:
    """Every file under tests/hostile/ is one of the cases (none forgotten)."""
    files = {path.name for path in HOSTILE.glob("*.yaml")}
    used = {case.file for case in CASES}
    assert files <= used


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = os.fsdecode(b"plan-\xff.yaml")
    (tmp_path / name).write_bytes(b"- 1\n")
    result = run_process("validate", name, cwd=tmp_path, env={"PYTHONIOENCODING": "utf-8"})
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "plan-\\udcff.yaml:1:1: error: a plan file must be a mapping of keys to values, not a "
        "list (document-shape)\n" + summary({"document-shape": 1})
    )


def test_a_file_name_that_is_not_utf8_through_the_cli_runner(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = os.fsdecode(b"plan-\xff.yaml")
    (tmp_path / name).write_bytes(b"- 1\n")
    monkeypatch.chdir(tmp_path)
    result = run("validate", name)
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout == (
        "plan-\\udcff.yaml:1:1: error: a plan file must be a mapping of keys to values, not a "
        "list (document-shape)\n" + summary({"document-shape": 1})
    )


def test_a_terminal_that_cannot_show_cyrillic(tmp_path: Path) -> None:
    """A Latin-1 terminal: what it cannot show is escaped, the rest is printed as it is."""
    result = run_process(
        "due",
        "--as-of",
        "2017-07-01",
        "--agency",
        "mvd",
        "--format",
        "csv",
        "--lang",
        "ru",
        cwd=tmp_path,
        env={"PYTHONIOENCODING": "latin-1"},
    )
    assert (result.returncode, result.stderr) == (0, "")
    escaped = "1 квартал 2017 года".encode("latin-1", "backslashreplace").decode("latin-1")
    assert (
        escaped
        == "1 \\u043a\\u0432\\u0430\\u0440\\u0442\\u0430\\u043b 2017 \\u0433\\u043e\\u0434\\u0430"
    )
    assert result.stdout.splitlines()[1].startswith(
        f"measure,measure-1,1,overdue,2017-03-31,{escaped},"
    )
