"""`plan submission`: the half-yearly information an agency sends МВД (point 2.2), as Markdown
(golden), a Word document and a workbook read back with python-docx and openpyxl.

``UPDATE_GOLDEN=1 pytest tests/test_submission.py`` rewrites tests/golden/submission/*.md:
review each by eye (addressed to МВД, from the agency, dated the 10th; the measures of the
half-year with their records; the rest marked to fill in).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.text import WD_COLOR_INDEX

from conftest import PLAN, TESTS, check_golden, run
from reintegration_plan.errors import InvalidInput
from reintegration_plan.loader import load_plan
from reintegration_plan.progress import load_records
from reintegration_plan.submission import build_submission, parse_period

GOLDEN = TESTS / "golden" / "submission"
PROGRESS = TESTS / "golden" / "report" / "records.yaml"
FILL_RU = "[Заполнить: что сделано за полугодие]"


def submission(*args: str) -> bytes:
    result = run("submission", "--progress", str(PROGRESS), *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout_bytes


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("mtszn-2017H2-ru.md", ("--agency", "mtszn", "--period", "2017H2")),
        ("mtszn-2017H2-en.md", ("--agency", "MTSZN", "--period", "2017h2", "--lang", "en")),
        ("gp-2018H1-ru.md", ("--agency", "ГП", "--period", "2018H1")),
    ],
)
def test_markdown_golden(name: str, args: tuple[str, ...]) -> None:
    text = submission(*args, "--format", "markdown").decode("utf-8")
    check_golden(GOLDEN / name, text)


@pytest.mark.parametrize(
    "period",
    [
        "1 полугодие 2018",
        "I полугодие 2018 года",
        "1 пол. 2018",
        "H1 2018",
        "за 1 полугодие 2018 года",
    ],
)
def test_the_period_as_as_of_reads_it(period: str) -> None:
    """--period reads a half-year as --as-of does, in every form the tool prints."""
    typed = submission("--agency", "ГП", "--period", period, "--format", "markdown")
    assert typed == (GOLDEN / "gp-2018H1-ru.md").read_bytes()


def test_russian_is_the_default_whatever_the_locale() -> None:
    result = run(
        "submission", "--agency", "mtszn", "--period", "2017H2", "--format", "markdown",
        env={"LANG": "en_US.UTF-8"},
    )  # fmt: skip
    assert result.stdout.startswith("Кому: Министерство внутренних дел Республики Казахстан\n")


def test_the_word_document(tmp_path: Path) -> None:
    target = tmp_path / "mtszn-2017H2.docx"
    result = run(
        "submission", "--agency", "mtszn", "--period", "2017H2", "--progress", str(PROGRESS),
        "-o", str(target),
    )  # fmt: skip
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    document = docx.Document(str(target))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs == [
        "Кому: Министерство внутренних дел Республики Казахстан",
        "От кого: Министерство труда и социальной защиты населения Республики Казахстан",
        "Дата: 10.01.2018",
        "Информация о ходе реализации Плана мероприятий за 2 полугодие 2017 года",
        "(пункт 2.2 постановления Правительства Республики Казахстан от 29 декабря 2016 года "
        "№ 912)",
        "Мероприятия Плана (План мероприятий по реализации Комплексной стратегии социальной "
        "реабилитации граждан, освободившихся из мест лишения свободы и находящихся на учете "
        "службы пробации, в Республике Казахстан на 2017 – 2019 годы), в исполнении которых "
        "участвует МТСЗН, подлежавшие исполнению или исполнявшиеся в 2 полугодии 2017 года, и не "
        "исполненные ранее; статус указан по состоянию на 31.12.2017.",
        "Руководитель ______________________ (подпись, Ф.И.О.)",
    ]
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    (table,) = document.tables
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == [
        "№ п/п", "Мероприятие", "Сроки исполнения", "Роль", "Статус на 31.12.2017",
        "Проделанная работа",
    ]  # fmt: skip
    assert [row[0] for row in cells[1:]] == ["2", "4", "5", "10", "11", "21", "28"]
    assert cells[3] == [
        "5",
        "Выработать механизм регистрации осужденного после освобождения по месту постоянного "
        "или временного жительства",
        "2 квартал 2017 года (30.06.2017)",
        "соисполнитель",
        "выполнено (с опозданием на 32 дня)",
        "01.08.2017: выполнено; подтверждение: Joint protocol decision No. 12 of 1 August 2017",
    ]
    assert cells[5][3:] == ["ответственный", "просрочено (92 дня)", FILL_RU]
    # the header row repeats on each page; what the official must fill in is highlighted
    assert table.rows[0]._tr.trPr.xml.count("tblHeader") == 1
    highlighted = [
        run.text
        for row in table.rows[1:]
        for paragraph in row.cells[5].paragraphs
        for run in paragraph.runs
        if run.font.highlight_color == WD_COLOR_INDEX.YELLOW
    ]
    assert highlighted == [FILL_RU] * 6
    assert document.core_properties.author == "МТСЗН"
    assert document.core_properties.created == dt.datetime(2018, 1, 10, tzinfo=dt.UTC)
    again = tmp_path / "again.docx"
    run("submission", "--agency", "mtszn", "--period", "2017H2", "--progress", str(PROGRESS),
        "-o", str(again))  # fmt: skip
    assert again.read_bytes() == target.read_bytes()  # the same inputs, the same bytes


def test_the_workbook(tmp_path: Path) -> None:
    target = tmp_path / "mtszn.xlsx"
    result = run(
        "submission", "--agency", "mtszn", "--period", "2017H2", "--progress", str(PROGRESS),
        "--format", "xlsx", "--lang", "en", "-o", str(target),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet.title == "Information H2 2017"  # the half-year as people write it
    assert (
        sheet["A1"].value == "Information on the implementation of the Plan of Measures for H2 2017"
    )
    assert sheet["A5"].value == "Date: 10 January 2018"
    header = next(r for r in range(1, 12) if sheet.cell(r, 1).value == "No.")
    assert [c.value for c in sheet[header]] == [
        "No.", "Measure", "Deadline", "Deadline in the act", "Role", "Status on 31 December 2017",
        "Work done",
    ]  # fmt: skip
    assert sheet.freeze_panes == f"A{header + 1}"
    assert sheet.cell(header + 1, 1).value == 2
    # the deadline a date (sorted and filtered as one), shown as English dates are written
    deadline = sheet.cell(header + 1, 3)
    assert (deadline.value, deadline.number_format) == (dt.datetime(2017, 3, 31), "D MMMM YYYY")
    assert sheet.cell(header + 1, 4).value == "1st quarter of 2017"
    fill = sheet.cell(header + 1, 7)
    assert fill.value == "[To fill in: what was done in the half-year]"
    assert fill.fill.fgColor.rgb == "00FFF59D"
    assert sheet.cell(header + 3, 7).fill.fgColor.rgb != "00FFF59D"  # measure 5: recorded


def test_the_workbook_in_russian_types_its_cells(tmp_path: Path) -> None:
    target = tmp_path / "mtszn.xlsx"
    result = run(
        "submission", "--agency", "mtszn", "--period", "2017H2", "--progress", str(PROGRESS),
        "--format", "xlsx", "-o", str(target),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    assert sheet.title == "Информация 2 пол. 2017"
    header = next(r for r in range(1, 12) if sheet.cell(r, 1).value == "№ п/п")
    number, deadline = sheet.cell(header + 1, 1), sheet.cell(header + 1, 3)
    assert number.value == 2 and number.data_type == "n"
    assert (deadline.value, deadline.number_format) == (dt.datetime(2017, 3, 31), "DD.MM.YYYY")
    assert sheet.cell(header + 1, 4).value == "1 квартал 2017 года"


@pytest.mark.parametrize(
    ("args", "russian", "english"),
    [
        (
            ("--agency", "mvd", "--period", "2018H1"),
            "МВД не представляет полугодовую информацию (пункт 2.2): ее представляют в МВД: "
            "ГП, МФ, МОН, МЗ, МТСЗН, МНЭ, акиматы областей, городов Астаны и Алматы",
            "МВД does not send the half-yearly information (point 2.2): it is sent to МВД by "
            "ГП, МФ, МОН, МЗ, МТСЗН, МНЭ, акиматы областей, городов Астаны и Алматы",
        ),
        (
            ("--agency", "gp", "--period", "2021H1"),
            "--period 2021H1 — не полугодие плана: ожидается 2017H1, 2017H2, 2018H1, 2018H2, "
            "2019H1, 2019H2",
            "--period 2021H1 is not a half-year of the plan: expected 2017H1, 2017H2, 2018H1, "
            "2018H2, 2019H1, 2019H2",
        ),
        (
            ("--agency", "gp", "--period", "2018"),
            "--period '2018' — не полугодие: ожидается 2018H1, 1 полугодие 2018 или H1 2018",
            "--period '2018' is not a half-year: expected 2018H1, 1 полугодие 2018 or H1 2018",
        ),
        (
            ("--agency", "gp", "--period", "1.2018"),
            "--period '1.2018' — не полугодие: ожидается 2018H1, 1 полугодие 2018 или H1 2018",
            "--period '1.2018' is not a half-year: expected 2018H1, 1 полугодие 2018 or H1 2018",
        ),
        (
            ("--agency", "gp", "--period", "31.02.2018"),
            "--period '31.02.2018' — не полугодие: в феврале 2018 года 28 дн.",
            "--period '31.02.2018' is not a half-year: February 2018 has 28 days",
        ),
    ],
)
def test_what_cannot_be_drafted_is_a_usage_error(
    args: tuple[str, ...], russian: str, english: str
) -> None:
    """In Russian unless asked otherwise, as the document (README, "Languages")."""
    result = run("submission", *args, "--format", "markdown")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"plan: ошибка: {russian}\n"
    result = run("submission", *args, "--format", "markdown", "--lang", "en")
    assert (result.exit_code, result.stderr) == (2, f"plan: error: {english}\n")


def test_a_binary_format_to_a_terminal_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from reintegration_plan.cli import publish

    monkeypatch.setattr(publish.sys.stdout, "isatty", lambda: True)
    with pytest.raises(
        publish.InvalidInput, match=r"--format docx writes a file: give it with -o FILE\.docx"
    ):
        publish.submission(agency="mtszn", period="2018H1")


def test_which_measures_concern_a_half_year() -> None:
    plan = load_plan(PLAN)
    records = load_records(PROGRESS, plan)[0]
    numbers = [
        line.item.obligation.number
        for line in build_submission(plan, records, "mtszn", "2018H1").lines
    ]
    # due in 2018H1: none of МТСЗН's; periods running: 21, 28; overdue and still owed: 2, 4, 10,
    # 11; measure 5 was done in 2017H2, so it is not reported again
    assert numbers == [2, 4, 10, 11, 21, 28]
    first = build_submission(plan, records, "mtszn", "2017H1").lines
    assert [line.item.obligation.number for line in first] == [2, 4, 5, 7, 21, 28]
    # 7 was cancelled in June: its record is the half-year's; 5 was done in August, later
    assert [len(line.records) for line in first] == [0, 0, 0, 1, 0, 0]


def test_periods_of_other_kinds_and_what_is_wrong_with_one() -> None:
    assert parse_period("январь 2023", ["quarter", "month"]) == "2023-01"
    assert parse_period("в 1 квартале 2023 года", ["quarter", "month"]) == "2023Q1"
    assert parse_period("by 15 June 2024", ["date"]) == "2024-06-15"
    with pytest.raises(InvalidInput) as caught:
        parse_period("2023Q5", ["quarter", "month"])
    assert str(caught.value) == (
        "--period '2023Q5' is not a period of the plan's reports: quarter 5 is out of range "
        "(1 to 4)"
    )
    with pytest.raises(InvalidInput) as caught:
        parse_period("2023", ["quarter", "month"])
    assert str(caught.value) == (
        "--period '2023' is not a period of the plan's reports: expected a quarter (2023Q1, 1 "
        "квартал 2023 or Q1 2023) or a month (2023-01, январь 2023 or January 2023)"
    )
