"""What is published from a drafted plan (`plan import` of a real act, as a new user makes
one): Resolution No. 15's plan numbers its measures 1.1 … 3.6 and has 100 rows, so its
documents meet what 912's never do (dotted numbers, long charts)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

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
