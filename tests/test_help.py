"""The help of `plan`, in Russian when the language is Russian and in English otherwise, and
`plan --version`.

The help is written from the labels (i18n.LABELS: summary.CMD, help.CMD, help.CMD.PARAM or
help.option.PARAM, metavar.PARAM) by cli/help.py. Goldens in tests/golden/help/ at 80 columns;
``UPDATE_GOLDEN=1 pytest tests/test_help.py`` rewrites them: read each one before committing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest
import typer.main

from conftest import TESTS, check_golden, run
from reintegration_plan.cli import app
from reintegration_plan.cli.help import ORDER, language_of
from reintegration_plan.i18n import LABELS, label

GOLDEN = TESTS / "golden" / "help"
GROUP = typer.main.get_command(app)
COMMANDS: dict[str, Any] = dict(GROUP.commands)  # type: ignore[attr-defined]
WIDE = {"COLUMNS": "80"}


def test_every_command_is_listed_in_order() -> None:
    assert sorted(COMMANDS) == sorted(ORDER)
    listed = run("--help", env=WIDE).stdout.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == list(ORDER)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_parameter_is_described_in_both_languages(name: str) -> None:
    for param in COMMANDS[name].params:
        own, shared = f"help.{name}.{param.name}", f"help.option.{param.name}"
        assert own in LABELS or shared in LABELS, f"plan {name}: {param.name} has no help"
        if not getattr(param, "is_flag", False) and param.name != "help":
            assert f"metavar.{param.name}" in LABELS, f"plan {name}: {param.name} has no metavar"
        key = own if own in LABELS else shared
        for lang in ("ru", "en"):
            shown = " ".join(run(name, "--help", env={"PLAN_LANG": lang, **WIDE}).stdout.split())
            assert " ".join(label(key, lang).split()) in shown, (name, param.name, lang)


@pytest.mark.parametrize("name", ["", *sorted(COMMANDS)])
def test_minus_h_is_help(name: str) -> None:
    args = [name] if name else []
    long, short = run(*args, "--help", env=WIDE), run(*args, "-h", env=WIDE)
    assert (short.exit_code, short.stderr) == (0, "")
    assert short.stdout == long.stdout


@pytest.mark.parametrize("name", ["", *sorted(COMMANDS)])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_no_placeholders_and_no_cut_summaries(name: str, lang: str) -> None:
    args = [name] if name else []
    text = run(*args, "--help", env={"PLAN_LANG": lang, "COLUMNS": "60"}).stdout
    assert "<" not in text and "list[" not in text  # no <str>, <list[str]>, <list[Path]>
    assert not any(line.rstrip().endswith("...") and "  " in line for line in text.splitlines())
    if not name:
        for command in COMMANDS:
            assert " ".join(label(f"summary.{command}", lang).split()) in " ".join(text.split())


@pytest.mark.parametrize(
    ("name", "args", "env"),
    [
        ("plan-en.txt", ("--help",), {}),
        ("plan-ru.txt", ("--help",), {"PLAN_LANG": "ru"}),
        ("due-en.txt", ("due", "--help"), {}),
        ("due-ru.txt", ("due", "--help"), {"LANG": "ru_RU.UTF-8"}),
        ("record-ru.txt", ("record", "-h"), {"PLAN_LANG": "ru"}),
        ("show-en.txt", ("show", "--help"), {"PLAN_LANG": "en", "LANG": "ru_RU.UTF-8"}),
    ],
)
def test_help_golden(name: str, args: tuple[str, ...], env: dict[str, str]) -> None:
    result = run(*args, env={**WIDE, **env})
    assert (result.exit_code, result.stderr) == (0, "")
    check_golden(GOLDEN / name, result.stdout)


def test_the_help_says_how_dates_and_quarters_are_read() -> None:
    text = " ".join(run("due", "--help", env=WIDE).stdout.split())
    assert "01.07.2018, 1.7.2018, 2018-07-01, 2018-7-1, 1 июля 2018 (года)" in text
    assert "means its FIRST day, and what falls due by its last day is due: --as-of 2018Q3" in text
    assert "--as-of 2018H1 what falls due by 2018-06-30" in text
    russian = " ".join(run("due", "--help", env={"PLAN_LANG": "ru", **WIDE}).stdout.split())
    assert "означает ПЕРВЫЙ день периода" in russian


@pytest.mark.parametrize(
    ("args", "env", "russian"),
    [
        (("due", "--lang", "ru", "--help"), {}, True),
        (("due", "--lang=ru", "--help"), {}, True),
        (("due", "--help", "--lang", "ru"), {}, True),
        (("due", "--lang", "en", "--help"), {"PLAN_LANG": "ru"}, False),
        (("due", "--help"), {"LC_ALL": "ru_KZ.UTF-8"}, True),
        (("due", "--help"), {"LANG": "kk_KZ.UTF-8"}, False),
        (("due", "--help"), {"PLAN_LANG": "kk"}, False),  # not a language: the help in English
        (("due", "--lang", "de", "--help"), {"PLAN_LANG": "ru"}, True),
    ],
)
def test_the_language_of_the_help(
    args: tuple[str, ...], env: dict[str, str], russian: bool
) -> None:
    result = run(*args, env={**WIDE, **env})
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first == (
        "Использование: plan due [ПАРАМЕТРЫ]" if russian else "Usage: plan due [OPTIONS]"
    )


@pytest.mark.parametrize(
    ("args", "first"),
    [
        (("--lang", "ru", "--help"), "Использование: plan [ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]..."),
        (("--help", "--lang", "ru"), "Использование: plan [ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]..."),
        (("-h", "--lang=ru"), "Использование: plan [ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]..."),
        (("--lang", "ru", "due", "-h"), "Использование: plan due [ПАРАМЕТРЫ]"),
        (
            ("validate", "--help", "--lang", "ru"),
            "Использование: plan validate [ПАРАМЕТРЫ] ФАЙЛ...",
        ),
        (("schema", "--lang", "ru", "-h"), "Использование: plan schema [ПАРАМЕТРЫ]"),
        (("validate", "-h", "--lang", "en"), "Usage: plan validate [OPTIONS] FILE..."),
        (("-h", "--lang"), "Usage: plan [OPTIONS] COMMAND [ARGS]..."),  # no value: the default
    ],
)
def test_lang_with_the_help_at_every_level(args: tuple[str, ...], first: str) -> None:
    """The group, validate and schema have no --lang option: with the help, it still chooses
    the help's language."""
    result = run(*args, env=WIDE)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == first
    plain = [a for a in args if "lang" not in a and a not in ("ru", "en")]
    chosen = "ru" if "ru" in args or "--lang=ru" in args else "en"
    assert result.stdout == run(*plain, env={**WIDE, "PLAN_LANG": chosen}).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--lang", "ru", "due"),
            "plan: error: --lang goes after the command (plan due --lang ru), or PLAN_LANG=ru "
            "chooses the language of every command: see `plan --help`",
        ),
        (
            ("validate", "--lang", "ru"),
            "plan: error: `plan validate` has no option --lang: its output is in English whatever "
            "the language (only its help follows --lang): see `plan validate --help`",
        ),
    ],
)
def test_lang_where_it_is_no_option(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def test_language_of_reads_the_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("PLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    assert language_of(["due", "--lang", "RU"]) == "ru"
    assert language_of(["due", "--lang"]) == "en"  # no value yet
    monkeypatch.setenv("LANG", "ru_RU.UTF-8")
    assert language_of([]) == "ru"


# The version, and the act by its kind, number and date (its 300-character title is not
# repeated): at the terminal's width, 80 columns here.
VERSION_EN = (
    "plan 0.1.0\n"
    "Data: Resolution of the Government of the RK No. 912 of 29 December 2016 (as\n"
    "amended by No. 443 of 24 July 2017).\n"
)
VERSION_RU = (
    "plan 0.1.0\n"
    "Данные: постановление Правительства РК № 912 от 29 декабря 2016 года (с\n"
    "изменениями от 24 июля 2017 года № 443).\n"
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, VERSION_EN), ({"PLAN_LANG": "ru"}, VERSION_RU), ({"LANG": "ru_RU.UTF-8"}, VERSION_RU)],
)
def test_version_prints_the_version_and_the_act(env: dict[str, str], expected: str) -> None:
    result = run("--version", env={**WIDE, **env})
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", expected)


HELP_AT_WIDTH = """
import contextlib, io, json, sys
from reintegration_plan.cli import app
shown = {}
for name in sys.argv[1:]:
    args = [name, "--help"] if not name.startswith("--") else [name]
    with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.suppress(SystemExit):
        app(args, prog_name="plan")
    shown[name] = out.getvalue()
print(json.dumps(shown))
"""


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_help_fits_the_terminal(lang: str, width: int) -> None:
    """No line wider than COLUMNS, in every command's help and --version: the examples'
    blocks, written for 80 columns, are wrapped again on a narrower terminal (click rewraps
    only the other paragraphs). Run apart: the test runner fixes click's width at 80."""
    names = ["--version", "--help", *sorted(COMMANDS)]
    env = {**os.environ, "PLAN_LANG": lang, "COLUMNS": str(width)}
    done = subprocess.run(
        [sys.executable, "-c", HELP_AT_WIDTH, *names],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    shown = json.loads(done.stdout)
    assert sorted(shown) == sorted(names) and all(shown.values())
    wide = {
        name: [line for line in text.splitlines() if len(line) > width]
        for name, text in shown.items()
    }
    assert {name: lines for name, lines in wide.items() if lines} == {}


@pytest.mark.parametrize("args", [("--version", "--lang", "ru"), ("--lang=ru", "--version")])
def test_version_in_the_language_given(args: tuple[str, ...]) -> None:
    result = run(*args, env=WIDE)
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", VERSION_RU)


def test_plan_alone_shows_the_help() -> None:
    result = run(env=WIDE)
    assert result.exit_code == 2
    assert result.stdout == "" and result.stderr.startswith("Usage: plan [OPTIONS] COMMAND")
