"""An `-o` file's name chooses the output's format when `--format` does not, and a name that
contradicts `--format` (or names a format the command does not write) is one line, exit 2,
with nothing read or written."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from conftest import run

AS_OF = ("--as-of", "2018-07-01")


def written(tmp_path: Path, name: str, *args: str) -> bytes:
    target = tmp_path / name
    result = run(*args, "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", ""), result.output
    return target.read_bytes()


def refused(tmp_path: Path, name: str, *args: str) -> str:
    target = tmp_path / name
    result = run(*args, "-o", str(target))
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    assert not target.exists()
    assert len(result.stderr.splitlines()) == 1
    return result.stderr.replace(str(tmp_path), "OUT").rstrip("\n")


def zipped_parts(data: bytes, tmp_path: Path) -> set[str]:
    (tmp_path / "read.zip").write_bytes(data)
    with zipfile.ZipFile(tmp_path / "read.zip") as archive:
        return {name.split("/")[0] for name in archive.namelist()}


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("d.json", b'{\n  "as_of": "2018-07-01"'),
        ("d.csv", b"kind,id,number,"),
        ("d.md", b"## Obligations as of 1 July 2018"),
        ("D.MD", b"## Obligations as of 1 July 2018"),
        ("d.txt", b"Obligations as of 1 July 2018"),
        ("d.out", b"Obligations as of 1 July 2018"),  # a name that says nothing: the default
    ],
)
def test_due_takes_the_format_from_the_name(tmp_path: Path, name: str, start: bytes) -> None:
    assert written(tmp_path, name, "due", *AS_OF).startswith(start)


def test_a_workbook_by_its_name(tmp_path: Path) -> None:
    data = written(tmp_path, "d2.xlsx", "due", *AS_OF)
    assert "xl" in zipped_parts(data, tmp_path)


def test_report_as_html_by_its_name(tmp_path: Path) -> None:
    assert written(tmp_path, "r2.html", "report", *AS_OF).startswith(b"<!DOCTYPE html>\n")
    assert written(tmp_path, "r2.md", "report", *AS_OF).startswith(b"# ")


def test_submission_by_its_name(tmp_path: Path) -> None:
    args = ("submission", "--agency", "mtszn", "--period", "2017H2")
    assert "xl" in zipped_parts(written(tmp_path, "s2.xlsx", *args), tmp_path)
    assert "word" in zipped_parts(written(tmp_path, "s2.docx", *args), tmp_path)
    assert written(tmp_path, "s2.md", *args).startswith("Кому: ".encode())


def test_an_explicit_format_that_agrees_is_kept(tmp_path: Path) -> None:
    text = written(tmp_path, "d.txt", "due", *AS_OF, "--format", "markdown")
    assert text.startswith(b"## Obligations")
    assert json.loads(written(tmp_path, "d.json", "due", *AS_OF, "--format", "JSON"))


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        (
            "r.html",
            ("report", "--format", "markdown"),
            "plan: error: --format markdown does not match -o OUT/r.html: a .html file holds "
            "html; leave out --format or rename the file",
        ),
        (
            "d.xlsx",
            ("due", "--format", "table"),
            "plan: error: --format table does not match -o OUT/d.xlsx: a .xlsx file holds "
            "xlsx; leave out --format or rename the file",
        ),
        (
            "s.xlsx",
            ("submission", "--agency", "mtszn", "--period", "2017H2", "--format", "docx"),
            "plan: error: --format docx does not match -o OUT/s.xlsx: a .xlsx file holds "
            "xlsx; leave out --format or rename the file",
        ),
        (
            "d.html",
            ("due",),
            "plan: error: -o OUT/d.html: a .html file holds html, which this command does not "
            "write: name the file .txt, .json, .csv, .md or .xlsx",
        ),
        (
            "r.docx",
            ("report",),
            "plan: error: -o OUT/r.docx: a .docx file holds docx, which this command does not "
            "write: name the file .md or .html",
        ),
        (
            "c.csv",
            ("calendar",),
            "plan: error: -o OUT/c.csv: a .csv file holds csv, which this command does not "
            "write: name the file .ics",
        ),
    ],
)
def test_a_contradiction_is_one_line_before_anything_is_read(
    tmp_path: Path, name: str, args: tuple[str, ...], message: str
) -> None:
    # --plan names a file that is not there: the name is refused before the plan is read
    assert refused(tmp_path, name, *args, "--plan", str(tmp_path / "none.yaml")) == message


def test_a_txt_file_holds_any_text_but_no_workbook(tmp_path: Path) -> None:
    assert written(tmp_path, "d.txt", "due", *AS_OF, "--format", "csv").startswith(b"kind,")
    assert refused(tmp_path, "e.txt", "due", *AS_OF, "--format", "xlsx") == (
        "plan: error: --format xlsx does not match -o OUT/e.txt: a .txt file holds table, "
        "markdown, json, csv, html or ics; leave out --format or rename the file"
    )
    assert written(tmp_path, "r.txt", "report", *AS_OF).startswith(b"# ")


def test_o_to_standard_output_is_what_standard_output_shows() -> None:
    """`-o -` is standard output, at the terminal's width (a file's table is 100 wide)."""
    narrow = {"COLUMNS": "80"}
    shown = run("due", *AS_OF, env=narrow)
    result = run("due", *AS_OF, "-o", "-", env=narrow)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == shown.stdout
    assert max(len(line) for line in result.stdout.splitlines()) == 80
