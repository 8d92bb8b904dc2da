"""The YAML writer ``plan import`` drafts with: every string and number reads back as written
through the project's loader (``yamlio``, YAML 1.2) and through PyYAML's safe loader (YAML
1.1), in the shipped file's style."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import PLAN
from reintegration_plan import yamlio
from reintegration_plan.yamlout import Commented, Flow, FlowList, dump, plain, scalar

TRICKY = [
    "", " ", "no", "yes", "on", "off", "y", "N", "true", "False", "null", "~", "NULL", "1",
    "-1", "+1", "0x1F", "0o17", "1_000", "1:20", "1.5", "1e3", ".inf", "-.inf", ".nan",
    "2016-12-29", "2016-12-29 10:00:00", "- item", "? key", ": value", "key: value",
    "a #comment", "#comment", "&anchor", "*alias", "!tag", "|", ">", "'quoted'", '"quoted"',
    "%directive", "@at", "`tick`", "[list]", "{map}", "a, b", "end:", "tab\there", "line\nbreak",
    "nbsp\u00a0inside", " leading", "trailing ", "«Даму\"", "АО «ФРП «Даму»", "1 квартал 2017 года",
    "\u2028", "\x00", "\x7f", "\ufeffbom", "emoji 🎉", "\\back\\slash", "=", "<<", "'", "''",
]  # fmt: skip


def round_trip(data: dict[str, Any]) -> None:
    text = dump(data)
    assert yamlio.parse(text) == plain(data)
    assert yaml.safe_load(text) == _with_dates(data)


def _with_dates(value: Any) -> Any:
    """What PyYAML (YAML 1.1) reads: the markers dropped, dates still dates."""
    if isinstance(value, Commented):
        return _with_dates(value.value)
    if isinstance(value, dict):
        return {k: _with_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_dates(v) for v in value]
    return value


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_strings_read_back(text: str) -> None:
    round_trip({"text": text, "list": [text], "flow": Flow(text=text), "items": FlowList([text])})


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=40))
def test_any_string_reads_back(text: str) -> None:
    round_trip({"text": text, "list": [text, {"nested": text}], "flow": Flow(a=text, b=[text])})


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.integers(-(10**20), 10**20), st.floats(allow_nan=False), st.booleans()))
def test_numbers_and_booleans_read_back(value: Any) -> None:
    round_trip({"value": value, "flow": Flow(value=value)})


def test_the_shipped_plan_reads_back() -> None:
    data = yamlio.parse(PLAN.read_text(encoding="utf-8"))
    assert yamlio.parse(dump(data)) == data


def test_style_of_the_shipped_file() -> None:
    data = {
        "schema_version": 1,
        "source": Commented("source/act.txt", after="relative to this file"),
        "act": Commented({"date": dt.date(2016, 12, 29), "kind": "x"}, before=("", "The act.")),
        "measures": [
            {
                "number": 1,
                "executors": [Flow(agency="акиматы областей, городов Астаны и Алматы", role="co")],
                "forms": ["приказ"],
                "deadline": Commented(Flow(kind="quarter", year=2017), after="note"),
                "empty": [],
                "none": None,
            },
            Commented("plain item", before=("before an item",), after="after it"),
            [1, 2],
        ],
    }
    assert dump(data, header=("Header.",)) == (
        "# Header.\n"
        "schema_version: 1\n"
        "source: source/act.txt  # relative to this file\n"
        "\n"
        "# The act.\n"
        "act:\n"
        "  date: 2016-12-29\n"
        "  kind: x\n"
        "measures:\n"
        "  - number: 1\n"
        "    executors:\n"
        "      - {agency: 'акиматы областей, городов Астаны и Алматы', role: co}\n"
        "    forms:\n"
        "      - приказ\n"
        "    deadline: {kind: quarter, year: 2017}  # note\n"
        "    empty: []\n"
        "    none: null\n"
        "  # before an item\n"
        "  - plain item  # after it\n"
        "  -\n"
        "    - 1\n"
        "    - 2\n"
    )


def test_scalars() -> None:
    assert scalar("it's") == "it's"
    assert scalar("'it") == "'''it'"
    assert scalar(float("-inf")) == "-.inf"
    assert scalar(True) == "true"
    assert scalar("a\tb") == '"a\\tb"'
    assert scalar("\u2028") == '"\\u2028"'
    assert scalar("😀\x01") == '"😀\\x01"'
    assert scalar(1.5) == "1.5"
    assert scalar(dt.date(2020, 1, 2)) == "2020-01-02"
    assert scalar("a, b", flow=True) == "'a, b'"
    assert scalar("a, b") == "a, b"
