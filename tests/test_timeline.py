"""`plan timeline`: the Gantt-style view, its goldens (NO_COLOR, 120 columns) and its exports.

``UPDATE_GOLDEN=1 pytest tests/test_timeline.py`` rewrites tests/golden/timeline/: review every
changed golden by eye (one row per obligation, the mark in its deadline's quarter, the as-of
quarter's column marked with │).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import TESTS, check_golden, run

GOLDEN = TESTS / "golden" / "timeline"
PROGRESS = TESTS / "golden" / "report" / "records.yaml"
WIDE = {"COLUMNS": "120"}


@pytest.mark.parametrize(
    ("name", "args", "width"),
    [
        ("en-2018-07-01.txt", ("--lang", "en", "--as-of", "2018-07-01"), "120"),
        ("ru-2018-07-01.txt", ("--lang", "ru", "--as-of", "2018-07-01"), "120"),
        ("en-2017Q1-mtszn.txt", ("--lang", "en", "--as-of", "2017Q1", "--agency", "MTSZN"), "120"),
        ("ru-2020-03-01.txt", ("--lang", "ru", "--as-of", "2020-03-01"), "120"),
        ("ru-2018-07-01-80.txt", ("--lang", "ru", "--as-of", "2018-07-01"), "80"),
        ("en-2018-07-01-80.txt", ("--lang", "en", "--as-of", "2018-07-01"), "80"),
        ("ru-2018-07-01-60.txt", ("--lang", "ru", "--as-of", "2018-07-01"), "60"),
        ("en-2018-07-01-60.txt", ("--lang", "en", "--as-of", "2018-07-01"), "60"),
    ],
)
def test_timeline_golden(name: str, args: tuple[str, ...], width: str) -> None:
    result = run("timeline", "--progress", str(PROGRESS), *args, env={"COLUMNS": width})
    assert (result.exit_code, result.stderr) == (0, "")
    assert "\x1b" not in result.stdout  # NO_COLOR and not a terminal: no escape codes
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(width)
    assert all(line == line.rstrip() for line in lines)
    check_golden(GOLDEN / name, result.stdout)


@pytest.mark.parametrize("width", ["60", "80", "100", "160"])
def test_at_any_width_the_years_are_whole_and_the_numbers_shown(width: str) -> None:
    result = run("timeline", "--lang", "ru", "--as-of", "2018-07-01", env={"COLUMNS": width})
    lines = result.stdout.splitlines()
    years = lines[2].split()
    assert years == ["2017", "2018", "2019", "2020"]
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("#"))
    rows = lines[header + 2 : header + 2 + 38]
    assert [row[:2].strip() for row in rows[:30]] == [str(n) for n in range(1, 31)]
    assert rows[0][3:].startswith("Разраб")  # as much of the title as fits
    assert max(len(line) for line in lines) <= int(width)


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("width", ["50", "60", "70", "80", "120"])
def test_at_any_width_each_report_row_keeps_its_half_year(lang: str, width: str) -> None:
    """A short name cut to fit keeps what tells the rows apart: the half-year and its year
    ("1 пол. 2018"), never "Отчет за 1 пол…" six times."""
    result = run("timeline", "--lang", lang, "--as-of", "2018-07-01", env={"COLUMNS": width})
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("#"))
    reports = lines[header + 2 + 30 : header + 2 + 36]
    halves = [(half, year) for year in (2017, 2018, 2019) for half in (1, 2)]
    if lang == "ru":
        wanted = [(f"{h} полугодие {y}", f"{h} пол. {y}") for h, y in halves]
    else:
        wanted = [(f"H{h} {y}", f"H{h} {y}") for h, y in halves]
    for row, (long, short) in zip(reports, wanted, strict=True):
        assert long in row or short in row, row


def test_one_row_per_obligation_and_marks_in_the_right_quarter() -> None:
    result = run("timeline", "--lang", "en", "--as-of", "2018-07-01", env=WIDE)
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.lstrip().startswith("#"))
    rows = lines[header + 2 : header + 2 + 38]
    assert [row[:2].strip() for row in rows] == [str(n) for n in range(1, 31)] + [""] * 8
    assert [row[3:21] for row in rows[30:36]] == [
        "Report for H1 2017",
        "Report for H2 2017",
        "Report for H1 2018",
        "Report for H2 2018",
        "Report for H1 2019",
        "Report for H2 2019",
    ]
    assert rows[36][3:].startswith("Monitoring and annual evaluation")
    assert rows[37][3:].startswith("Consolidated report")
    grid_start = lines[header].index("Q1")
    quarters = [lines[header][grid_start - 2 + 5 * i : grid_start + 3 + 5 * i] for i in range(13)]
    assert [q.strip() for q in quarters] == ["Q1", "Q2", "Q3", "Q4"] * 3 + ["Q1"]

    def marks(row: str) -> list[int]:
        cells = [row[grid_start - 1 + 5 * i : grid_start + 4 + 5 * i] for i in range(13)]
        return [i for i, cell in enumerate(cells) if "◆" in cell]

    assert marks(rows[4]) == [1]  # measure 5: 2017Q2
    assert marks(rows[19]) == [8]  # measure 20: 2019Q1
    assert marks(rows[20]) == [11]  # measure 21: the period's end, 2019Q4
    assert rows[20][grid_start - 1 : grid_start + 4] == "━━━━━"  # ... a bar from 2017Q1
    assert marks(rows[30]) == [2]  # the 2017H1 report, due 2017-07-10: 2017Q3
    assert marks(rows[36]) == []  # the annual evaluation has no date
    assert marks(rows[37]) == [12]  # the consolidated report, due 2020-02-25: 2020Q1
    as_of_column = grid_start + 1 + 5 * 6  # 2018Q3
    assert {row[as_of_column] for row in rows} == {"│", "╋", "◆"}


@pytest.mark.parametrize("what", ["svg", "html"])
def test_exports_write_a_gantt_chart(tmp_path: Path, what: str) -> None:
    target = tmp_path / f"timeline.{what}"
    args = ("timeline", "--lang", "ru", "--as-of", "2018-07-01", f"--{what}", str(target))
    result = run(*args, env=WIDE)
    # the file instead of the terminal's chart, as -o FILE writes instead of printing
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    if what == "svg":
        root = ET.fromstring(text)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert not re.search(r"url\(", text)  # standalone: nothing fetched
        words = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
        assert "График исполнения Плана мероприятий по состоянию на 1 июля 2018 года" in words
        assert "01.07.2018" in words  # the as-of line's label
    else:
        assert text.startswith("<!DOCTYPE html>")
        assert "size: A4 landscape" in text and "counter(pages)" in text
        assert "<script" not in text
        assert text.count("<svg") == 3  # a picture per printed page
    again = tmp_path / f"again.{what}"
    run(*args[:-1], str(again), env=WIDE)
    assert again.read_text(encoding="utf-8") == text  # deterministic


NOTE_EN = (
    "Texts of the act are an unofficial English translation; the Russian text is authoritative."
)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_exports_say_the_texts_are_a_translation(tmp_path: Path, lang: str) -> None:
    """Under the chart's title, as the terminal's chart, the report and the calendar say it:
    in English the titles are an unofficial translation; Russian needs no notice."""
    svg, html = tmp_path / "t.svg", tmp_path / "t.html"
    args = ("--lang", lang, "--as-of", "2018-07-01", "--svg", str(svg), "--html", str(html))
    assert run("timeline", *args).exit_code == 0
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    words = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    pages = html.read_text(encoding="utf-8").split("<figure>")[1:]
    if lang == "en":
        assert words[:2] == ["Timeline of the Plan of Measures as of 1 July 2018", NOTE_EN]
        assert len(pages) == 3 and all(NOTE_EN in page for page in pages)  # on every page
    else:
        assert words[0] == "График исполнения Плана мероприятий по состоянию на 1 июля 2018 года"
        assert not any("Тексты" in (w or "") or "Texts" in (w or "") for w in words)


def test_both_exports_at_once(tmp_path: Path) -> None:
    svg, html = tmp_path / "t.svg", tmp_path / "t.html"
    result = run("timeline", "--as-of", "2018Q3", "--svg", str(svg), "--html", str(html))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert svg.read_text(encoding="utf-8").startswith("<svg")
    assert "<html" in html.read_text(encoding="utf-8")


def test_export_to_a_missing_directory(tmp_path: Path) -> None:
    target = tmp_path / "no" / "t.svg"
    result = run("timeline", "--svg", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"plan: error: {target}: no such directory\n"
