"""The label catalogue (every label in Russian and English) and the choice of language."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from reintegration_plan.i18n import (
    LABELS,
    UnknownLanguage,
    days,
    label,
    locale_from,
    pick,
    resolve_lang,
    status_label,
)

STATUSES = (
    "overdue",
    "due",
    "ongoing",
    "upcoming",
    "done",
    "cancelled",
    "in_progress",
    "not_started",
    "undated",
)
CYRILLIC = re.compile("[А-Яа-яЁё]")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_exists_in_both_languages(key: str) -> None:
    russian, english = LABELS[key]
    assert russian.strip() == russian and russian, key
    assert english.strip() == english and english, key
    assert placeholders(russian) == placeholders(english), key
    # the help and the errors quote what a Russian-speaking user types (1 июля 2018, МТСЗН) in
    # both languages
    if not key.startswith(("help.", "error.")):
        assert not CYRILLIC.search(english), f"{key}: English label {english!r} has Cyrillic"
    words = re.sub(r"\{[a-z_]*\}", "", english)
    # Russian needs no word for these ("on", "of", "No.", "owed by")
    no_words = (
        "message.on_date",
        "version.amendment",
        "act.numbered",
        "column.number",
        "message.plan_number",
        "message.whose",
    )
    typed = russian == english  # what the user types, the same in both (ru|en)
    if re.search("[A-Za-z]{2}", words) and not typed and key not in no_words:
        assert CYRILLIC.search(russian), f"{key}: Russian label {russian!r} has no Cyrillic"


def test_russian_labels_write_e_as_the_act_does() -> None:
    """The act writes е, never ё ("отчетным", "Отчетность"), and so do the labels beside its
    texts: one document does not mix "Отчёт" with the act's "отчетным". Only the help that
    names the letter (ё and е match) has it."""
    with_yo = [key for key, (russian, _) in LABELS.items() if re.search("[Ёё]", russian)]
    assert with_yo == ["help.measures.search"]


@pytest.mark.parametrize("key", sorted(k for k in LABELS if k.startswith("plural.")))
def test_plural_labels_have_every_form(key: str) -> None:
    russian, english = LABELS[key]
    assert len(russian.split("|")) == 3, key  # for 1, for 2-4, for 5 (1 день, 2 дня, 5 дней)
    assert len(english.split("|")) == 2, key  # for 1, for the others


def test_the_statuses_in_russian() -> None:
    assert {s: status_label(s, "ru") for s in STATUSES} == {
        "overdue": "просрочено",
        "due": "к исполнению",
        "ongoing": "выполняется",
        "upcoming": "предстоит",
        "done": "выполнено",
        "cancelled": "отменено",
        "in_progress": "в работе",
        "not_started": "не начато",
        "undated": "без срока",
    }
    assert [status_label(s, "en") for s in STATUSES] == [
        "overdue",
        "due",
        "ongoing",
        "upcoming",
        "done",
        "cancelled",
        "in progress",
        "not started",
        "undated",
    ]


def test_labels_fill_their_placeholders() -> None:
    assert label("report.as_of", "ru", date="2018-07-01") == "По состоянию на 2018-07-01"
    assert label("report.as_of", "en", date="2018-07-01") == "As of 2018-07-01"
    with pytest.raises(KeyError) as caught:
        label("status.lost", "en")
    assert caught.value.args == ("no label 'status.lost'",)


@pytest.mark.parametrize(
    ("n", "russian", "english"),
    [
        (0, "0 дней", "0 days"),
        (1, "1 день", "1 day"),
        (2, "2 дня", "2 days"),
        (4, "4 дня", "4 days"),
        (5, "5 дней", "5 days"),
        (11, "11 дней", "11 days"),
        (12, "12 дней", "12 days"),
        (14, "14 дней", "14 days"),
        (21, "21 день", "21 days"),
        (22, "22 дня", "22 days"),
        (111, "111 дней", "111 days"),
        (101, "101 день", "101 days"),
    ],
)
def test_days_in_both_languages(n: int, russian: str, english: str) -> None:
    assert days(n, "ru") == russian
    assert days(n, "en") == english


def test_pick_prefers_the_translation_only_in_english() -> None:
    assert pick("en", "просрочено", "overdue") == "overdue"
    assert pick("ru", "просрочено", "overdue") == "просрочено"
    assert pick("en", "просрочено", None) == "просрочено"


@pytest.mark.parametrize(
    ("option", "env", "locale", "expected"),
    [
        ("ru", "en", "en_US.UTF-8", "ru"),  # --lang wins
        ("EN", "ru", "ru_RU.UTF-8", "en"),
        (None, "ru", "en_US.UTF-8", "ru"),  # then PLAN_LANG
        (None, "en_GB.UTF-8", "ru_RU.UTF-8", "en"),
        (None, None, "ru_RU.UTF-8", "ru"),  # then the locale
        (None, "", "ru_KZ.UTF-8", "ru"),  # an empty PLAN_LANG is unset
        (None, None, "ru", "ru"),
        (None, None, "kk_KZ.UTF-8", "en"),
        (None, None, "C", "en"),
        (None, None, "C.UTF-8", "en"),
        (None, None, "POSIX", "en"),
        (None, None, None, "en"),  # else English
    ],
)
def test_resolve_lang(
    option: str | None, env: str | None, locale: str | None, expected: str
) -> None:
    assert resolve_lang(option, env, locale) == expected


@pytest.mark.parametrize(
    ("option", "env", "message"),
    [
        (
            "de",
            None,
            "--lang 'de' is not a language this tool speaks: expected ru or en (PLAN_LANG=ru "
            "or PLAN_LANG=en chooses it for every command)",
        ),
        (
            None,
            "kk",
            "PLAN_LANG 'kk' is not a language this tool speaks: expected ru or en (set "
            "PLAN_LANG=ru or PLAN_LANG=en, or unset it)",
        ),
        (
            None,
            "english",
            "PLAN_LANG 'english' is not a language this tool speaks: expected ru or en (set "
            "PLAN_LANG=ru or PLAN_LANG=en, or unset it)",
        ),
    ],
)
def test_resolve_lang_refuses_other_languages(
    option: str | None, env: str | None, message: str
) -> None:
    with pytest.raises(UnknownLanguage) as caught:
        resolve_lang(option, env, "ru_RU.UTF-8")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LC_ALL": "ru_RU.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"}, "ru_RU.UTF-8"),
        ({"LC_ALL": "", "LC_MESSAGES": "ru_RU", "LANG": "en_US"}, "ru_RU"),
        ({"LANG": "ru_KZ.UTF-8"}, "ru_KZ.UTF-8"),
        ({}, None),
    ],
)
def test_locale_by_posix_precedence(environ: dict[str, str], expected: str | None) -> None:
    assert locale_from(environ) == expected


SOURCE = Path(__file__).resolve().parents[1] / "src" / "reintegration_plan"


def label_uses() -> tuple[set[str], set[str]]:
    """The keys the source passes to ``label`` as literals, and the prefixes of the keys it
    builds (``label(f"status.{status}", lang)``: "status.")."""
    literal: set[str] = set()
    prefixes: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name not in ("label", "plural", "worded", "Nth"):
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literal.add(first.value)
            elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                prefixes.add(str(first.values[0].value))
            else:
                raise AssertionError(f"{path.name}:{node.lineno}: a label key that is not a text")
    return literal, prefixes


def test_every_label_used_is_in_the_table() -> None:
    literal, prefixes = label_uses()
    assert sorted(literal - set(LABELS)) == []
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in LABELS), prefix


def test_every_label_in_the_table_is_used() -> None:
    literal, prefixes = label_uses()
    unused = [key for key in LABELS if key not in literal and not key.startswith(tuple(prefixes))]
    assert unused == []
