"""What is published from a drafted plan (`plan import` of a real act, as a new user makes
one): Resolution No. 15's plan numbers its measures 1.1 … 3.6 and has 100 rows, so its
documents meet what 912's never do (dotted numbers, long charts)."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from browser import Word, pdf_text, pdf_words, print_to_pdf
from conftest import REPO, run

SVG = "{http://www.w3.org/2000/svg}"
ACT_15 = REPO / "tests" / "acts" / "pp-2012-15-zhanaozen-business-plan" / "act.md"


@pytest.fixture(scope="module")
def plan_15(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Resolution No. 15's plan as `plan import` drafts it (no errors: review notes only)."""
    target = tmp_path_factory.mktemp("plan-15") / "plan.yaml"
    result = run("import", str(ACT_15), "-o", str(target), "--lang", "en")
    assert result.exit_code == 0, result.output
    return target


def test_a_submission_workbook_keeps_a_dotted_number(plan_15: Path, tmp_path: Path) -> None:
    """Measure 2.19 is a text cell "2.19" (912's numbers are numbers), its deadline a date."""
    target = tmp_path / "mtszn.xlsx"
    result = run(
        "submission", "--plan", str(plan_15), "--agency", "МТСЗН", "--period", "2012-03",
        "--format", "xlsx", "-o", str(target),
    )  # fmt: skip
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet.title == "Информация март 2012"
    header = next(r for r in range(1, 12) if sheet.cell(r, 1).value == "№ п/п")
    first = [cell.value for cell in sheet[header + 1]][:4]
    assert first == [
        "2.19",
        "Организация мер по предоставлению микрокредитов в городе Жанаозен в рамках Программы "
        "занятости 2020",
        dt.datetime(2012, 3, 31),
        "Февраль 2012 года, ежеквартально",
    ]


def test_an_untranslated_plans_chart_says_its_texts_are_russian(
    plan_15: Path, tmp_path: Path
) -> None:
    """A drafted plan has no English: the English chart says its titles are the Russian
    original, not an unofficial translation."""
    svg = tmp_path / "t.svg"
    args = ("--plan", str(plan_15), "--lang", "en", "--as-of", "2012-03-01", "--svg", str(svg))
    result = run("timeline", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    words = [t.text for t in ET.fromstring(svg.read_text(encoding="utf-8")).iter(f"{SVG}text")]
    assert words[1] == "Texts of the act are shown in Russian: the act has no English translation."


# --- the report printed: a chart of 317 rows on A4 portrait ---------------------------------

CHART_ROW = re.compile(r"\b\d+\.\d+ \(Q[1-4] 20\d\d\)")  # "2.10 (Q3 2013)": a row of the chart
LEGEND = "quarter of the deadline"


@pytest.fixture(scope="module")
def report_15(plan_15: Path, browser: str) -> tuple[str, list[str], list[list[Word]]]:
    """The English report of № 15's plan as of 1 July 2012, printed by chromium."""
    page = plan_15.parent / "report.html"
    args = ("--plan", str(plan_15), "--format", "html", "--lang", "en", "--as-of", "2012-07-01")
    result = run("report", *args, "-o", str(page))
    assert result.exit_code == 0, result.output
    pdf = plan_15.parent / "report.pdf"
    print_to_pdf(page, pdf)
    pages = pdf_text(pdf).split("\f")[:-1]
    return page.read_text(encoding="utf-8"), pages, pdf_words(pdf)


def test_a_long_chart_breaks_between_rows_with_its_header(
    report_15: tuple[str, list[str], list[list[Word]]],
) -> None:
    """The timeline is cut between rows into parts that each fit a page: every page that
    holds rows of it holds its legend and quarters too, once per part; no part (and no row,
    no marker) runs across a page's end."""
    html, pages, _ = report_15
    parts = html.count('<figure class="gantt">')
    assert parts >= 4
    with_rows = [n for n, text in enumerate(pages) if CHART_ROW.search(text)]
    assert with_rows and all(LEGEND in pages[n] for n in with_rows)
    assert sum(text.count(LEGEND) for text in pages) == parts
    rows = sum(len(CHART_ROW.findall(text)) for text in pages)
    assert rows == len(re.findall(r"\d+\.\d+ \(Q[1-4] 20\d\d\)</text>", html))


def test_no_heading_is_alone_on_a_page(
    report_15: tuple[str, list[str], list[list[Word]]],
) -> None:
    """The chart's caption is printed with its first part (the probe found "График
    исполнения" alone on page 2), and every page holds more than its running head, a heading
    and its number."""
    _, pages, _ = report_15
    (caption,) = [n for n, text in enumerate(pages) if re.search(r"^\s*Timeline\s*$", text, re.M)]
    assert CHART_ROW.search(pages[caption].split("Timeline", 1)[1])
    for n, text in enumerate(pages):
        lines = [line for line in text.splitlines() if line.strip()][1:-1]  # head, page number
        assert len(lines) > 2, f"page {n + 1}: {lines}"


def test_the_report_is_printed_at_its_size(
    report_15: tuple[str, list[str], list[list[Word]]],
) -> None:
    """A table of 36 monthly shares, 37 columns, made chromium shrink the whole report to fit
    its width (a third smaller): the shares are tables of at most six periods, and the chart
    spans the page, its last quarter near the right margin."""
    html, _, words = report_15
    assert html.count('<table class="shares">') == 6 + 6  # two duties of 36 monthly reports
    years = [w for w in words[0] if w.text == "2015"]  # the last year over the chart
    assert years and years[0].right > 170  # mm of 210: 198 is the right margin
