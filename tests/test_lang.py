"""`--lang ru|en` on every command: labels, headings and the act's texts follow it; in JSON,
`title` is in the language and `title_ru` verbatim; PLAN_LANG and the locale set the default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer.main

from conftest import TESTS, run
from reintegration_plan.cli import app

SAMPLE = TESTS / "golden" / "report" / "records.yaml"
MEASURE_5_RU = (
    "Выработать механизм регистрации осужденного после освобождения по месту постоянного или "
    "временного жительства"
)
MEASURE_5_EN = (
    "Work out a mechanism for registering a convicted person after release at the place of "
    "permanent or temporary residence"
)
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
# arguments each command needs to run at all (every command, so a new one is not missed)
ARGS: dict[str, tuple[str, ...]] = {
    "agencies": ("--as-of", "2018Q3"),
    "agency": ("mvd", "--as-of", "2018Q3"),
    "calendar": ("--as-of", "2018Q3"),
    "due": ("--as-of", "2018Q3"),
    "import": (
        str(TESTS / "acts" / "pp-2021-991-legislative-works-plan-2022" / "act.md"),
        "-o",
        "plan.yaml",
    ),
    "measures": ("--as-of", "2018Q3"),
    "record": ("5", "--status", "done", "--on", "2017-08-01", "--evidence", "x"),
    "report": ("--as-of", "2018Q3"),
    "schema": (),
    "plans": ("--as-of", "2018Q3"),
    "show": ("5", "--as-of", "2018Q3"),
    "submission": ("--agency", "mtszn", "--period", "2018H1", "--format", "markdown"),
    "timeline": ("--as-of", "2018Q3"),
    "validate": (),
}
# their output is in English whatever the language (diagnostics with codes, the schema)
WITHOUT_LANG = ("schema", "validate")
WITH_LANG = [command for command in COMMANDS if command not in WITHOUT_LANG]


@pytest.fixture(autouse=True)
def _elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In an empty directory: `plan record` writes ./progress.yaml there, nowhere else."""
    monkeypatch.chdir(tmp_path)


def test_every_command_is_covered() -> None:
    assert sorted(ARGS) == COMMANDS


@pytest.mark.parametrize("command", WITH_LANG)
@pytest.mark.parametrize("lang", ["ru", "en", "RU"])
def test_every_command_whose_output_has_a_language_takes_lang(command: str, lang: str) -> None:
    result = run(command, *ARGS[command], "--lang", lang)
    assert (result.exit_code, result.stderr) == (0, ""), result.output


@pytest.mark.parametrize("command", WITHOUT_LANG)
def test_lang_only_where_it_changes_the_output(command: str) -> None:
    result = run(command, "--lang", "ru")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"plan: error: `plan {command}` has no option --lang: its output is in English whatever "
        f"the language (only its help follows --lang): see `plan {command} --help`\n"
    )
    english = run(command, *ARGS[command])
    assert run(command, *ARGS[command], env={"PLAN_LANG": "ru"}).stdout == english.stdout


@pytest.mark.parametrize("command", WITH_LANG)
def test_an_unknown_language_is_a_usage_error(command: str) -> None:
    result = run(command, *ARGS[command], "--lang", "de")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "plan: error: --lang 'de' is not a language this tool speaks: expected ru or en "
        "(PLAN_LANG=ru or PLAN_LANG=en chooses it for every command)\n"
    )


def test_a_bad_plan_lang_is_a_usage_error() -> None:
    result = run("due", "--as-of", "2018Q3", env={"PLAN_LANG": "kk"})
    assert result.exit_code == 2
    assert result.stderr == (
        "plan: error: PLAN_LANG 'kk' is not a language this tool speaks: expected ru or en "
        "(set PLAN_LANG=ru or PLAN_LANG=en, or unset it)\n"
    )


def due_json(*args: str, env: dict[str, str] | None = None) -> dict[str, dict[str, object]]:
    result = run("due", "--all", "--as-of", "2018Q3", "--format", "json", *args, env=env)
    assert result.exit_code == 0, result.output
    return {item["id"]: item for item in json.loads(result.stdout)["items"]}


def test_json_title_follows_the_language() -> None:
    english = due_json("--lang", "en")["measure-5"]
    assert (english["title"], english["title_ru"]) == (MEASURE_5_EN, MEASURE_5_RU)
    assert english["deadline_text"] == "2 квартал 2017 года"  # verbatim in either language
    russian = due_json("--lang", "ru")["measure-5"]
    assert (russian["title"], russian["title_ru"]) == (MEASURE_5_RU, MEASURE_5_RU)
    report = due_json("--lang", "en")["consolidated-report"]
    assert report["title"] == "Consolidated report on the Comprehensive Strategy's execution"
    assert report["title_ru"] == "консолидированный отчет об исполнении Комплексной стратегии"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, MEASURE_5_EN),  # no locale at all: English
        ({"LANG": "ru_RU.UTF-8"}, MEASURE_5_RU),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "ru_KZ.UTF-8"}, MEASURE_5_RU),
        ({"LANG": "kk_KZ.UTF-8"}, MEASURE_5_EN),
        ({"LANG": "ru_RU.UTF-8", "PLAN_LANG": "en"}, MEASURE_5_EN),
        ({"PLAN_LANG": "ru"}, MEASURE_5_RU),
    ],
)
def test_the_default_language(env: dict[str, str], expected: str) -> None:
    assert due_json(env=env)["measure-5"]["title"] == expected
    # --lang wins over both
    assert due_json("--lang", "en", env=env)["measure-5"]["title"] == MEASURE_5_EN


def test_tables_in_russian() -> None:
    result = run("due", "--as-of", "2017-07-01", "--lang", "ru", "--progress", str(SAMPLE))
    lines = result.stdout.splitlines()
    assert lines[0] == "Обязательства по состоянию на 01.07.2017 (к исполнению: по 30.09.2017)"
    assert lines[1] == "7 просрочены, 5 к исполнению, 10 выполняются."
    assert [cell.strip() for cell in lines[3].split("│")[1:-1]] == [
        "Статус",
        "№",
        "Срок",
        "Ответственный",
        "Наименование",
    ]
    first = [cell.strip() for cell in lines[5].split("│")[1:-1]]
    assert first[:4] == ["просрочено", "2", "31.03.2017", "МВД"]
    assert [cell.strip() for cell in lines[6].split("│")[1:4]] == ["92 дня", "", "1 квартал"]
    assert first[4].startswith("Разработать социальный")
    assert lines[7].split("│")[3].strip() == "2017 года"


def test_tables_in_english() -> None:
    result = run("due", "--as-of", "2017-07-01", "--lang", "en", "--progress", str(SAMPLE))
    lines = result.stdout.splitlines()
    assert lines[0] == "Obligations as of 1 July 2017 (due: through 30 September 2017)"
    assert lines[1] == "7 overdue, 5 due, 10 ongoing."
    assert "1st quarter" in result.stdout
    assert "Develop the social project" in result.stdout
    # agencies by their Latin aliases, the lead column too; the translation is unofficial
    assert [cell.strip() for cell in lines[5].split("│")[1:-1]][:4] == [
        "overdue",
        "2",
        "31 March 2017",
        "MVD",
    ]
    assert "МВД" not in result.stdout
    assert lines[-2:] == [
        "",
        "Texts of the act are an unofficial English translation; the Russian text is "
        "authoritative.",
    ]


def test_show_in_russian_keeps_every_column_verbatim() -> None:
    result = run("show", "5", "--as-of", "2017-09-30", "--lang", "ru", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "## Мероприятие 5 по состоянию на 30.09.2017 (к исполнению: по 30.09.2017)\n"
    )
    assert f"| Мероприятие | {MEASURE_5_RU} |" in result.stdout
    assert "| Ответственные исполнители | МВД (созыв), МТСЗН |" in result.stdout  # verbatim
    assert f"| Мероприятие (англ., неофициальный перевод) | {MEASURE_5_EN} |" in result.stdout
    assert "| Статус | просрочено на 92 дня |" in result.stdout
    assert "| МВД<br>MVD | ответственный | Министерство внутренних дел Республики Казахстан |" in (
        result.stdout
    )


def test_agencies_in_both_languages() -> None:
    russian = run("agencies", "--as-of", "2018Q3", "--lang", "ru", "--format", "markdown").stdout
    assert russian.startswith("## Органы по состоянию на 01.07.2018")
    assert "| Код | Отв. | Соисп. | По согл. | Отчеты | Просроч. | Наименование |" in russian
    assert "| МФ<br>MF | 0 | 1 | 0 | 6 | 3 | Министерство финансов Республики Казахстан |" in (
        russian
    )
    english = run("agencies", "--as-of", "2018Q3", "--lang", "en", "--format", "markdown").stdout
    finance = "| MF<br>МФ | 0 | 1 | 0 | 6 | 3 | Ministry of Finance of the Republic of Kazakhstan |"
    assert finance in english


def test_record_confirms_in_the_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The confirmation and the warning in the language, wrapped to the terminal (80 columns
    here) at spaces: the path and the report's id stay whole."""
    monkeypatch.chdir(tmp_path)
    narrow = {"COLUMNS": "80"}
    args = ("record", "5", "--status", "in_progress", "--on", "2017-05-01")
    result = run(*args, "--progress", "p.yaml", "--lang", "ru", env=narrow)
    assert result.stdout == "Записано в p.yaml: мероприятие 5 — в работе, 01.05.2017.\n"
    result = run(*args, "--progress", "p.yaml", "--lang", "en", env=narrow)
    assert result.stdout == "Recorded in p.yaml: measure 5 — in progress, on 1 May 2017.\n"
    report = ("record", "half-yearly-report-2017h1", "--status", "done", "--on", "10.07.2017")
    result = run(*report, "--progress", "p.yaml", "--lang", "ru", env=narrow)
    assert (result.stdout, result.stderr) == (
        "Записано в p.yaml: Информация о ходе реализации Плана в МВД за 1 полугодие 2017\n"
        "года (half-yearly-report-2017H1) — выполнено, 10.07.2017.\n",
        "plan: предупреждение: запись «выполнено» без подтверждения: добавьте --evidence\n"
        "со ссылкой или документом\n",
    )
    result = run(*report, "--progress", "p.yaml", "--lang", "en", env=narrow)
    assert (result.stdout, result.stderr) == (
        "Recorded in p.yaml: Information to MVD on the Plan's implementation for H1 2017\n"
        "(half-yearly-report-2017H1) — done, on 10 July 2017.\n",
        "plan: warning: a record of `done` without `evidence`: add a URL or the document\n"
        "that shows it\n",
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("due", "--agency", "mtszn", "--as-of", "2017Q1"), "Обязательства МТСЗН по состоянию"),
        (
            ("measures", "--search", "нет такого", "--as-of", "2018-07-01"),
            "Подходящих мероприятий по состоянию на 01.07.2018 нет.",
        ),
        (
            ("due", "--as-of", "2016-01-01"),
            "Просроченных, подлежащих исполнению и выполняемых обязательств по состоянию на "
            "01.01.2016 нет.",
        ),
        (("show", "half-yearly-report-2017H1", "--as-of", "2017Q3"), "Исполнители: каждый"),
        (("show", "consolidated-report", "--as-of", "2017Q3"), "Получатели"),
        (("show", "annual-evaluation"), "— (в акте срока нет)"),
        (
            ("show", "3", "--as-of", "2018-07-01", "--progress", str(SAMPLE)),
            "Позже 01.07.2018: 1 запись; не учтены.",
        ),
        (("agency", "npo", "--as-of", "2017Q3"), "Мероприятия, где орган ответственный (созыв): 0"),
    ],
)
def test_every_page_in_russian(args: tuple[str, ...], expected: str) -> None:
    result = run(*args, "--lang", "ru", "--format", "markdown")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert expected in result.stdout


# --- one-line errors in the user's language ------------------------------------------------

ERRORS_RU = [
    (
        ("show", "99"),
        "plan: ошибка: в плане нет мероприятия 99: ожидается номер мероприятия 1–30 или "
        "идентификатор отчетности: half-yearly-report-2017H1, half-yearly-report-2017H2, "
        "half-yearly-report-2018H1, half-yearly-report-2018H2, half-yearly-report-2019H1, "
        "half-yearly-report-2019H2, annual-evaluation, consolidated-report",
    ),
    (
        ("show", "half-yearly-report-2030H1"),
        "plan: ошибка: в плане нет обязательства 'half-yearly-report-2030H1': ожидается номер "
        "мероприятия 1–30 или идентификатор отчетности: half-yearly-report-2017H1, "
        "half-yearly-report-2017H2, half-yearly-report-2018H1, half-yearly-report-2018H2, "
        "half-yearly-report-2019H1, half-yearly-report-2019H2, annual-evaluation, "
        "consolidated-report",
    ),
    (
        ("record", "5", "--status", "сделано", "--on", "01.07.2017"),
        "plan: ошибка: 'сделано' — не статус: ожидается одно из: not_started (не начато), "
        "in_progress (в работе), done (выполнено), cancelled (отменено)",
    ),
    (
        ("record", "5", "--status", "done", "--on", "2018Q3"),
        "plan: ошибка: '2018Q3' — квартал, а не день: укажите день, например 01.07.2018",
    ),
    (
        ("record", "5", "--status", "done", "--on", "01.01.2016"),
        "plan: ошибка: --on 01.01.2016 раньше самого постановления (29.12.2016): проверьте дату "
        "или укажите --force, чтобы записать все равно",
    ),
    (
        ("due", "--as-of", "31.02.2018"),
        "plan: ошибка: '31.02.2018' — не дата: в феврале 2018 года 28 дн.",
    ),
    (
        ("due", "--as-of", "вчера"),
        "plan: ошибка: 'вчера' — не дата: ожидается день (01.07.2018, 2018-07-01, 1 июля 2018, "
        "1 July 2018, сегодня или today), месяц (январь 2018, 2018-01), квартал (2018Q3, "
        "3 квартал 2018, Q3 2018), полугодие (2018H1, 1 полугодие 2018, H1 2018) или год (2018)",
    ),
    (
        ("due", "--as-of", "1.7.18"),
        "plan: ошибка: '1.7.18' — не дата: укажите год полностью, четырьмя цифрами (18 — не год)",
    ),
    (
        ("measures", "--deadline", "2018Q5"),
        "plan: ошибка: '2018Q5' — не срок для отбора: квартал 5 вне допустимых (1–4)",
    ),
    (
        ("agency", "министерство"),
        "plan: ошибка: 'министерство' может означать любой из органов МВД, МФ, МОН, МЗ, МТСЗН, "
        "МНЭ: наберите наименование полнее, или код, или написание латиницей",
    ),
    (
        ("due", "--agency", "xyz"),
        "plan: ошибка: 'xyz' — не орган плана: ожидается код, написание латиницей или "
        "наименование, одно из: ГП (GP), МВД (MVD), МФ (MF), МОН (MON), МЗ (MZ), МТСЗН (MTSZN), "
        "МНЭ (MNE), НПО (NPO), акиматы областей, городов Астаны и Алматы (AKIMATS)",
    ),
    (
        ("measures", "--agency", "mvd", "--role", "boss"),
        "plan: ошибка: 'boss' — не роль: ожидается одно из: lead (ответственный), "
        "co (соисполнитель), any (любая)",
    ),
]


@pytest.mark.parametrize(("args", "russian"), ERRORS_RU, ids=[" ".join(a) for a, _ in ERRORS_RU])
def test_the_common_errors_are_said_in_the_users_language(
    args: tuple[str, ...], russian: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What an official mistypes most (a measure, a report, an agency, a date, a status, a
    record's day) is one line in Russian when the language is Russian (--lang, PLAN_LANG or
    the locale); English stays as it was. Nothing is written."""
    monkeypatch.chdir(tmp_path)
    for env in ({"PLAN_LANG": "ru"}, {"LANG": "ru_RU.UTF-8"}):
        result = run(*args, env=env)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", russian + "\n")
    english = run(*args, "--lang", "en")
    assert english.exit_code == 2 and english.stderr.startswith("plan: error: ")
    assert "ошибка" not in english.stderr and " — не " not in english.stderr
    assert list(tmp_path.iterdir()) == []


def test_other_errors_stay_english_whole(tmp_path: Path) -> None:
    """An error that has no Russian words yet is one English line, never half of each."""
    result = run("due", "--within", "9999y", "--as-of", "2017-07-01", env={"PLAN_LANG": "ru"})
    assert (result.exit_code, result.stderr) == (
        2,
        "plan: error: the window '9999y' is too long: from 2017-07-01 it ends after 9999-12-31\n",
    )


def test_a_window_in_no_form_read_is_said_in_the_users_language() -> None:
    russian = run("due", "--within", "5x", env={"PLAN_LANG": "ru"})
    assert (russian.exit_code, russian.stdout, russian.stderr) == (
        2,
        "",
        "plan: ошибка: '5x' — не промежуток времени: укажите число и единицу, 30d (30 дней), "
        "2w (2 недели), 2m (2 месяца), 1q (1 квартал) или 1y (1 год)\n",
    )


def test_a_submissions_errors_are_russian_as_its_document(tmp_path: Path) -> None:
    result = run("submission", "--agency", "xyz", "--period", "2018H1", "-o", str(tmp_path / "s"))
    assert result.exit_code == 2
    assert result.stderr.startswith("plan: ошибка: 'xyz' — не орган плана:")
