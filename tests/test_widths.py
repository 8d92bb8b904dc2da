"""What an official sees on a terminal of 60, 80 or 120 columns, in Russian and in English.

Every query command's table output is a golden at each width in each language
(tests/golden/widths/<case>-<lang>-<width>.txt), rendered with NO_COLOR against
tests/fixtures/progress_sample.yaml. Beside the goldens, checks that hold at any width: no line
is wider than the terminal, no trailing spaces, and no word of the act's texts is cut (a
hyphenated word may break after its hyphen). ``UPDATE_GOLDEN=1 pytest tests/test_widths.py``
rewrites the goldens: read every changed one at its width before committing it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PLAN, TESTS, check_golden, run
from reintegration_plan.layout import syllables
from reintegration_plan.loader import load_plan

GOLDEN = TESTS / "golden" / "widths"
SAMPLE = TESTS / "fixtures" / "progress_sample.yaml"
WIDTHS = ("60", "80", "120")
LANGS = ("ru", "en")
CASES: dict[str, tuple[str, ...]] = {
    "due": ("due", "--as-of", "2018-07-01"),
    "due-two-agencies": ("due", "--as-of", "2017-07-01", "--agency", "мтсзн", "--agency", "MF"),
    "measures": ("measures", "--as-of", "2018-07-01"),
    "show-14": ("show", "14", "--as-of", "2018-07-01"),
    "show-report": ("show", "half-yearly-report-2017H1", "--as-of", "2017-07-31"),
    "agencies": ("agencies", "--as-of", "2018-07-01"),
    "agency": ("agency", "министерство труда", "--as-of", "2018-07-01"),
    "empty": ("measures", "--search", "нет такого", "--as-of", "2018-07-01"),
}
MEASURES = {m.number: m for m in load_plan(PLAN).file.measures}


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def table(case: str, lang: str, width: str) -> str:
    args = (*CASES[case], "--progress", str(SAMPLE), "--lang", lang)
    result = run(*args, env={"COLUMNS": width})
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_golden(case: str, lang: str, width: str) -> None:
    output = table(case, lang, width)
    check_golden(GOLDEN / f"{case}-{lang}-{width}.txt", output)
    lines = output.splitlines()
    assert max(len(line) for line in lines) <= int(width)
    assert all(line == line.rstrip() for line in lines)


@pytest.mark.parametrize("width", ["60", "80", "100", "160"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", sorted(CASES))
def test_every_width_fits(case: str, lang: str, width: str) -> None:
    """The widths the issue names (100 and 160 beside the goldens' 60, 80, 120): every line
    within the terminal, no trailing space, and a table at 160 wherever one fits at 120."""
    lines = table(case, lang, width).splitlines()
    assert max(len(line) for line in lines) <= int(width)
    assert all(line == line.rstrip() for line in lines)
    boxed_at_120 = "┌" in (GOLDEN / f"{case}-{lang}-120.txt").read_text(encoding="utf-8")
    if width == "160" and boxed_at_120:
        assert any(line.startswith("┌") for line in lines)


def tokens(output: str) -> set[str]:
    return set(re.split(r"[\s│]+", output))


def composed(parts: list[str], seen: set[str]) -> bool:
    """Whether the parts of a hyphenated word, in order, make up tokens of the output: the word
    was broken only after its hyphens."""
    if not parts:
        return True
    return any(
        "".join(parts[:n]) in seen and composed(parts[n:], seen) for n in range(1, len(parts) + 1)
    )


@pytest.mark.parametrize("width", ["60", "80", "100", "120", "160"])
@pytest.mark.parametrize("command", ["measures", "due"])
def test_no_word_of_the_act_is_cut(command: str, width: str) -> None:
    """Every word of every measure's text is on one line, or broken only after a hyphen."""
    args = (command, "--all") if command == "due" else (command,)
    result = run(*args, "--as-of", "2018-07-01", "--lang", "ru", env={"COLUMNS": width})
    seen = tokens(result.stdout)
    for measure in MEASURES.values():
        for word in measure.text.split():
            assert composed(syllables(word), seen), (measure.number, word)


def test_the_text_gets_the_width_the_short_columns_leave() -> None:
    """At 120 columns the short columns keep their width and the title takes the rest."""
    lines = table("due", "ru", "120").splitlines()
    header = next(line for line in lines if "Наименование" in line)
    assert len(lines[2]) == 120  # the table spans the line
    cells = header.split("│")[1:-1]
    assert [cell.strip() for cell in cells] == [
        "Статус",
        "№",
        "Срок",
        "Ответственный",
        "Наименование",
    ]
    assert len(cells[-1]) == 120 - sum(len(c) + 1 for c in cells[:-1]) - 2


def test_stacked_when_the_table_cannot_fit() -> None:
    """At 60 columns the measures are blocks of `label: value` lines, one block per measure."""
    output = table("measures", "ru", "60")
    assert "┌" not in output
    heading, *blocks = output.split("\n\n")
    assert heading.splitlines()[-2].startswith("30 мероприятий: ")
    assert len(blocks) == 30
    assert blocks[4].splitlines()[:4] == [
        "№:           5",
        "Статус:      просрочено",
        "             366 дней",
        "Срок:        30.06.2017",
    ]


def test_an_empty_result_is_one_line() -> None:
    assert table("empty", "ru", "80") == "Подходящих мероприятий по состоянию на 01.07.2018 нет.\n"
    assert table("empty", "en", "80") == "No measure matches as of 1 July 2018.\n"
    result = run("due", "--as-of", "2016-01-01", "--agency", "mtszn", "--lang", "en")
    assert (
        result.stdout == "Nothing owed by MTSZN is overdue, due or ongoing as of 1 January 2016.\n"
    )


def ascii_run(*args: str) -> subprocess.CompletedProcess[bytes]:
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHONIOENCODING": "ascii",
        "COLUMNS": "80",
        "NO_COLOR": "1",
    }
    return subprocess.run(
        [sys.executable, "-m", "reintegration_plan", *args],
        capture_output=True,
        env=environment,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("due", "--as-of", "2018-07-01"),
        ("agencies", "--as-of", "2018-07-01"),
        ("timeline", "--as-of", "2018-07-01"),
    ],
)
def test_ascii_output_has_ascii_borders(args: tuple[str, ...]) -> None:
    """PYTHONIOENCODING=ascii: the borders and marks in ASCII, never a \\u escape of them."""
    done = ascii_run(*args, "--lang", "en")
    assert (done.returncode, done.stderr) == (0, b"")
    text = done.stdout.decode("ascii")
    assert not re.search(r"\\u(25|20)", text)  # no box drawing, marks or dashes escaped
    if args[0] == "timeline":
        assert "|" in text and "*" in text
    else:
        assert any(line.startswith("+-") for line in text.splitlines())
        assert "| Status" in text or "| Code" in text


def test_ascii_output_in_russian_escapes_only_the_letters() -> None:
    done = ascii_run("agencies", "--as-of", "2018-07-01", "--lang", "ru")
    text = done.stdout.decode("ascii")
    assert "+-" in text and "\\u250c" not in text and "\\u2502" not in text
    assert "\\u041c\\u0412\\u0414" in text  # МВД: the terminal cannot show it
