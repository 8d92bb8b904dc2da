"""`--format xlsx` and `-o FILE` on the query commands, read back with openpyxl; CSV defused
against formula injection (OWASP) with headers in the language."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from conftest import TESTS, run
from reintegration_plan.query_json import defused

PROGRESS = TESTS / "golden" / "report" / "records.yaml"


def workbook(tmp_path: Path, *args: str) -> openpyxl.Workbook:
    target = tmp_path / "out.xlsx"
    result = run(*args, "--progress", str(PROGRESS), "--format", "xlsx", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", ""), result.output
    return openpyxl.load_workbook(target)


def test_due_as_a_workbook_in_russian(tmp_path: Path) -> None:
    book = workbook(tmp_path, "due", "--all", "--lang", "ru", "--as-of", "2018-07-01")
    sheet = book.active
    assert sheet is not None
    assert book.sheetnames == ["Обязательства"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "№", "Статус", "Срок", "Срок по акту", "Начало", "Дней просрочки", "Дата исполнения",
        "Дней опоздания", "Подтверждение", "Ответственный", "Исполнители", "Обязательство",
    )  # fmt: skip
    assert len(rows) == 1 + 38
    assert rows[1] == (
        2,
        "просрочено",
        dt.datetime(2017, 3, 31),
        "1 квартал 2017 года",
        None,
        457,
        None,
        None,
        None,
        "МВД",
        "МВД (созыв), МТСЗН, НПО (по согласованию), акиматы областей, городов Астаны и Алматы",
        'Разработать социальный проект "Встреча у ворот" по трудовому и бытовому устройству '
        "граждан, освободившихся из мест лишения свободы",
    )
    done = next(row for row in rows if row[0] == 5)
    assert done[1:3] == ("выполнено", dt.datetime(2017, 6, 30))
    assert done[6:9] == (
        dt.datetime(2017, 8, 1),
        32,
        "Joint protocol decision No. 12 of 1 August 2017",
    )
    report = next(
        row
        for row in rows
        if row[11] == "Информация о ходе реализации Плана в МВД за 2 полугодие 2017 года"
    )
    assert report[0] is None and report[2] == dt.datetime(2018, 1, 10) and report[5] == 172
    # for people: the header frozen and filtered, dates shown as officials write them
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:L39"
    assert sheet["C2"].number_format == "DD.MM.YYYY"
    assert sheet["L2"].alignment.wrap_text is True
    assert sheet.column_dimensions["L"].width == 60
    assert sheet["A1"].font.bold is True


def test_an_agencys_workbook_in_english_has_its_role(tmp_path: Path) -> None:
    book = workbook(tmp_path, "agency", "mtszn", "--lang", "en", "--as-of", "2018-07-01")
    sheet = book.active
    assert sheet is not None
    assert sheet.title == "MTSZN"  # agencies by their Latin aliases in English, the lead too
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("No.", "Role", "Status")
    assert rows[1][:4] == (11, "lead", "overdue", dt.datetime(2017, 9, 30))
    assert rows[0][10] == "Lead" and rows[1][10] == "MTSZN"
    assert sheet["D2"].number_format == "D MMMM YYYY"


def test_agencies_and_show_and_measures_as_workbooks(tmp_path: Path) -> None:
    agencies = workbook(tmp_path, "agencies", "--lang", "ru", "--as-of", "2018-07-01").active
    assert agencies is not None
    rows = list(agencies.iter_rows(values_only=True))
    assert rows[0][:3] == ("Код", "Латиницей", "Ответственный")
    assert rows[2][:7] == ("МВД", "MVD", 28, 1, 0, 2, 15)
    show = workbook(tmp_path, "show", "5", "--lang", "ru", "--as-of", "2018-07-01")
    assert show.sheetnames[0] == "Карточка"
    first = show[show.sheetnames[0]]
    assert first["A2"].value == "№ п/п" and first["B2"].value == 5  # a number, typed
    assert first["B2"].data_type == "n"
    deadline = next(row[1] for row in first.iter_rows() if row[0].value == "Срок")
    assert (deadline.value, deadline.number_format) == (dt.datetime(2017, 6, 30), "DD.MM.YYYY")
    history = show[show.sheetnames[-1]]
    assert history["A2"].value == dt.datetime(2017, 8, 1)  # a date, typed
    assert history["A2"].number_format == "DD.MM.YYYY"  # as the due workbook shows dates
    measures = workbook(tmp_path, "measures", "--lang", "en", "--as-of", "2018-07-01").active
    assert measures is not None and measures.title == "Measures"
    assert measures.max_row == 31


def test_a_formula_in_the_evidence_stays_text_in_the_workbook(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    progress.write_text(
        "schema_version: 1\nrecords:\n- measure: 2\n  status: done\n  on: 2017-03-01\n"
        "  evidence: '=1+2'\n",
        encoding="utf-8",
    )
    target = tmp_path / "due.xlsx"
    result = run(
        "due", "--all", "--as-of", "2018-07-01", "--progress", str(progress),
        "--format", "xlsx", "-o", str(target),
    )  # fmt: skip
    assert result.exit_code == 0
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    (cell,) = [c for row in sheet.iter_rows() for c in row if c.value == "=1+2"]
    assert cell.data_type == "s"


def test_the_same_inputs_give_the_same_workbook(tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for target in (first, second):
        assert run("due", "--as-of", "2018Q3", "--format", "xlsx", "-o", str(target)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_a_workbook_to_standard_output_is_bytes_for_a_pipe() -> None:
    result = run("agencies", "--as-of", "2018Q3", "--format", "xlsx")
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"PK\x03\x04")


def test_a_workbook_to_a_terminal_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from reintegration_plan.cli import options

    monkeypatch.setattr(options.sys.stdout, "isatty", lambda: True)
    with pytest.raises(options.InvalidInput, match=r"give the file with -o FILE\.xlsx"):
        options.emit(object(), options.OutputFormat.xlsx, "en")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("command", "fmt"),
    [
        (("due", "--all"), "json"),
        (("measures",), "csv"),
        (("show", "5"), "markdown"),
        (("agencies",), "table"),
        (("agency", "mvd"), "json"),
    ],
)
def test_o_writes_what_standard_output_shows(
    tmp_path: Path, command: tuple[str, ...], fmt: str
) -> None:
    target = tmp_path / "out.txt"
    args = (*command, "--as-of", "2018Q3", "--lang", "ru", "--format", fmt)
    result = run(*args, "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_text(encoding="utf-8") == run(*args).stdout


def test_o_to_a_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "no" / "due.csv"
    result = run("due", "--format", "csv", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"plan: error: {target}: no such directory\n"


# --- CSV -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+7 701 000 00 00", "'+7 701 000 00 00"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("order 5 = done", "order 5 = done"),
        ("2017-03-01", "2017-03-01"),
        ("", ""),
    ],
)
def test_defused(cell: str, written: str) -> None:
    assert defused(cell) == written


def test_csv_defuses_what_the_progress_file_says(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    progress.write_text(
        "schema_version: 1\nrecords:\n- measure: 2\n  status: done\n  on: 2017-03-01\n"
        '  evidence: \'=HYPERLINK("http://evil","x")\'\n',
        encoding="utf-8",
    )
    result = run(
        "due", "--all", "--as-of", "2018-07-01", "--progress", str(progress), "--format", "csv"
    )
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.stdout)))
    (row,) = [r for r in rows if r[1] == "measure-2"]
    assert row[rows[0].index("evidence")] == '\'=HYPERLINK("http://evil","x")'
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_csv_headers_follow_the_language() -> None:
    en = run("due", "--as-of", "2018Q3", "--format", "csv", "--lang", "en").stdout.splitlines()[0]
    ru = run("due", "--as-of", "2018Q3", "--format", "csv", "--lang", "ru").stdout.splitlines()[0]
    assert en == (
        "kind,id,number,status,deadline,deadline_text,start,period,days_overdue,days_late,"
        "done_on,evidence,lead,executors,title,title_ru"
    )
    assert ru == (
        "вид,идентификатор,номер,статус,срок,срок по акту,начало,период,дней просрочки,"
        "дней опоздания,дата исполнения,подтверждение,ответственный,исполнители,наименование,"
        "наименование на русском"
    )  # the tables' words (Ответственный), not the act's созыв
    # the values stay the JSON's codes and ISO dates, for programs, in either language
    values = run("due", "--as-of", "2018Q3", "--format", "csv", "--lang", "ru").stdout
    assert values.splitlines()[1].startswith("measure,measure-1,1,overdue,2017-03-31,")
    agency = run("agency", "mvd", "--as-of", "2018Q3", "--format", "csv", "--lang", "ru")
    assert agency.stdout.startswith("роль,вид,")
    agencies = run("agencies", "--as-of", "2018Q3", "--format", "csv", "--lang", "ru")
    assert agencies.stdout.startswith(
        "код,латиницей,наименование органа,наименование на английском,вид,ответственный,"
        "соисполнитель,по согласованию,отчеты,просрочено\n"
    )
    show = run("show", "5", "--as-of", "2018Q3", "--format", "csv", "--lang", "ru")
    assert show.stdout.startswith("поле,значение\n")


def test_an_agencys_codes_in_other_plans_are_in_its_name_cell(tmp_path: Path) -> None:
    """`plan agencies` says under МИИЦР's name that № 482 calls it МЦРИАП (its counts are of
    both); the workbook said nothing of it, so the counts looked too high for МИИЦР alone."""
    out = tmp_path / "a.xlsx"
    plans = str(TESTS / "fixtures" / "plans")
    result = run(
        "agencies", "--plans", plans, "--as-of", "2026-04-01", "--lang", "ru", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    rows = {r[0]: r for r in openpyxl.load_workbook(out).active.iter_rows(values_only=True)}
    assert rows["МИИЦР"][-1] == (
        "Министерство искусственного интеллекта и цифрового развития Республики Казахстан\n"
        "в других планах: МЦРИАП"
    )
    assert rows["МФ"][-1] == "Министерство финансов Республики Казахстан"
