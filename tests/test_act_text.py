"""The reader of an act's official text (``act_text``), against 912's text and the YAML.

The first half reads ``data/source/resolution_912_2016-12-29.txt`` with the product reader and
checks that it gives exactly the texts ``data/plan_2017_2019.yaml`` and
``data/abbreviations.yaml`` quote (tests/test_fidelity.py checks the same files with a parser
of its own; the two are kept apart so that each checks the other). The second half pins the
layout rules with small synthetic texts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reintegration_plan import act_text as act_text_module
from reintegration_plan.act_text import (
    ActText,
    ActTextError,
    Citation,
    Row,
    SourceText,
    _lines,
    _pieces,
    _split_pieces,
    citations,
    read_act_text,
    split_cells,
)

ROOT = Path(__file__).parents[1]
SOURCE = ROOT / "data" / "source" / "resolution_912_2016-12-29.txt"
PLAN = ROOT / "data" / "plan_2017_2019.yaml"
ABBREVIATIONS = ROOT / "data" / "abbreviations.yaml"
COLUMNS = ("text", "form_text", "executors_text", "deadline_text", "costs_text")


def load_yaml(path: Path) -> Any:
    # BaseLoader: every scalar is the string written in the file, nothing converted.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def act() -> ActText:
    return read_act_text(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(PLAN)
    return data


def texts(items: tuple[SourceText, ...]) -> list[str]:
    return [item.text for item in items]


# --- 912 against the YAML ---------------------------------------------------------------------


def test_912_is_read_whole(act: ActText) -> None:
    assert act.unread == ()
    assert act.header is None  # this export starts at the preamble
    assert act.glossary is not None
    assert act.table is not None


def test_912_preamble_and_its_basis(act: ActText, plan: dict[str, Any]) -> None:
    assert act.preamble is not None
    assert act.preamble.text == plan["act"]["preamble"]
    assert (act.preamble.line, act.preamble.column) == (1, 1)
    basis = plan["act"]["basis"]
    assert citations(act.preamble) == (
        Citation(
            kind="Указа Президента Республики Казахстан",
            kind_code=basis["kind"],
            date=date.fromisoformat(basis["date"]),
            number=basis["number"],
            title=basis["title"],
            line=1,
            column=20,
        ),
    )


def test_912_points_and_subpoints(act: ActText, plan: dict[str, Any]) -> None:
    expected = [
        (
            point["number"],
            point["text"],
            [(sub["number"], sub["text"]) for sub in point.get("subpoints", [])],
        )
        for point in plan["points"]
    ]
    found = [
        (p.number, p.text.text, [(s.number, s.text.text) for s in p.subpoints]) for p in act.points
    ]
    assert found == expected
    # Where they are: point 3 on line 6, its second sub-point on line 8, after "2) ".
    assert (act.points[2].text.line, act.points[2].text.column) == (6, 4)
    assert (act.points[2].subpoints[1].text.line, act.points[2].subpoints[1].text.column) == (8, 4)


def test_912_signature_approval_note_and_plan_title(act: ActText, plan: dict[str, Any]) -> None:
    assert act.signatory is not None
    assert act.signatory.position.text == plan["act"]["signatory"]["position"]
    assert act.signatory.name.text == plan["act"]["signatory"]["name"]
    assert (act.signatory.position.line, act.signatory.name.line) == (10, 11)
    assert act.approval_note is not None
    assert act.approval_note.text == plan["act"]["approval_note"]
    assert act.approval_note.line == 12
    # The approval note names the act itself.
    [own] = citations(act.approval_note)
    assert (own.kind_code, own.number, own.date) == (
        plan["act"]["kind"],
        plan["act"]["number"],
        date.fromisoformat(plan["act"]["date"]),
    )
    # "План" and the next line, joined by a space.
    assert act.plan_title is not None
    assert act.plan_title.text == plan["act"]["plan_title"]
    assert (act.plan_title.line, act.plan_title.end_line) == (13, 14)
    assert act.plan_title.position(len("План мероприятий")) == (14, len("мероприятий") + 1)


def test_912_footnote_and_its_amendment(act: ActText, plan: dict[str, Any]) -> None:
    [footnote] = act.footnotes
    assert footnote.text.text == plan["act"]["footnote"]
    assert footnote.text.line == 15
    assert [
        {"kind": a.kind_code, "number": a.number, "date": a.date.isoformat()}
        for a in footnote.amendments
    ] == plan["act"]["amendments"]
    assert footnote.amendments[0].kind == "постановлением Правительства РК"


def test_912_table_header_and_numbering(act: ActText) -> None:
    assert act.table is not None
    assert texts(act.table.header) == [
        "№ п/п",
        "Мероприятие",
        "Форма завершения",
        "Ответственные исполнители",
        "Сроки исполнения",
        "Предполагаемые расходы (тыс. тенге)",
    ]
    assert texts(act.table.numbering) == ["1", "2", "3", "4", "5", "6"]
    assert [row.kind for row in act.table.rows] == ["measure"] * 30


@pytest.mark.parametrize("number", range(1, 31))
def test_912_measure_cells_verbatim(act: ActText, plan: dict[str, Any], number: int) -> None:
    assert act.table is not None
    row = act.table.rows[number - 1]
    measure = plan["measures"][number - 1]
    assert measure["number"] == str(number)
    assert row.number is not None
    assert row.number.text == f"{number}."
    assert texts(row.cells) == [f"{number}.", *(measure[column] for column in COLUMNS)]


def test_912_cell_positions(act: ActText) -> None:
    assert act.table is not None
    first, third = act.table.rows[0], act.table.rows[2]
    # "методические рекомендации | МВД (созыв), … |" shares line 25.
    assert [(c.line, c.column) for c in first.cells] == [
        (23, 1),
        (24, 1),
        (25, 1),
        (25, len("методические рекомендации | ") + 1),
        (26, 1),
        (27, 1),
    ]
    assert third.cells[1].line == 35


def test_912_quirks_kept(act: ActText) -> None:
    assert act.table is not None
    rows = act.table.rows
    assert rows[8].cells[4].text == "2 квартал 2017 год"
    assert rows[20].cells[3].text == "МВД (созыв), МТСЗН акиматы областей, городов Астаны и Алматы"
    assert rows[4].cells[2].text == "Совместное протокольное решение"


def test_912_glossary(act: ActText) -> None:
    entries = [
        entry
        for entry in load_yaml(ABBREVIATIONS)["abbreviations"]
        if entry["in_glossary"] == "true"
    ]
    assert act.glossary is not None
    assert act.glossary.heading.text == "Примечание: расшифровка аббревиатур:"
    assert [(e.code.text, e.expansion.text) for e in act.glossary.entries] == [
        (entry["code"], entry["expansion"]) for entry in entries
    ]
    assert len(entries) == 10
    assert (act.glossary.entries[0].code.line, act.glossary.entries[0].expansion.column) == (
        203,
        len("ГП | – | ") + 1,
    )


def test_912_every_prefix_reads_or_fails_cleanly() -> None:
    """A truncated export never crashes the reader: a shorter act, or the reader's error."""
    source = SOURCE.read_text(encoding="utf-8")
    for cut in range(0, len(source), 97):
        try:
            read_act_text(source[:cut])
        except ActTextError as error:
            assert error.line >= 1


# --- layout rules -----------------------------------------------------------------------------

PREAMBLE = "В целях реализации Указа ПОСТАНОВЛЯЕТ:"
POINTS = "1. Утвердить прилагаемый План.\n2. Настоящее постановление вводится в действие.\n"
SIGNATURE = (
    "Премьер-Министр Республики Казахстан |\nБ. Сагинтаев |\n"
    "Утвержден постановлением Правительства Республики Казахстан от 29 декабря 2016 года № 912 |\n"
)
HEADER = "№ п/п |\nМероприятие |\nФорма |\nИсполнители |\nСрок |\nРасходы |\n"


def read_plan(table: str, before_table: str = "План мероприятий\n") -> ActText:
    return read_act_text(f"{PREAMBLE}\n{POINTS}{SIGNATURE}{before_table}{table}")


def row_texts(rows: tuple[Row, ...]) -> list[tuple[str, list[str]]]:
    return [(row.kind, texts(row.cells)) for row in rows]


def test_header_when_present() -> None:
    act = read_act_text(
        "Об утверждении Плана мероприятий\n"
        "Постановление Правительства Республики Казахстан от 29 декабря 2016 года № 912.\n"
        "Сноска. Заголовок с изменением, внесенным постановлением Правительства РК "
        "от 24.07.2017 № 443.\n"
        f"{PREAMBLE}\n{POINTS}"
    )
    assert act.header is not None
    assert act.header.title is not None
    assert act.header.title.text == "Об утверждении Плана мероприятий"
    assert act.header.act_line is not None
    assert act.header.act_line.line == 2
    assert act.header.act == Citation(
        kind="Постановление Правительства Республики Казахстан",
        kind_code="resolution_of_government",
        date=date(2016, 12, 29),
        number="912",
        title=None,
        line=2,
        column=1,
    )
    assert act.preamble is not None
    assert (act.preamble.text, act.preamble.line) == (PREAMBLE, 4)
    assert [f.text.line for f in act.footnotes] == [3]
    assert (act.signatory, act.table, act.glossary, act.unread) == (None, None, None, ())


def test_subpoints_and_paragraphs_between_points() -> None:
    act = read_act_text(
        "Преамбула:\n1. Первый:\n1) подпункт;\n2-1) вставленный подпункт.\n"
        "абзац без номера\n2-1. Вставленный пункт.\n"
    )
    assert [
        (p.number, p.text.text, [(s.number, s.text.text) for s in p.subpoints]) for p in act.points
    ] == [
        ("1", "Первый:", [("1", "подпункт;"), ("2-1", "вставленный подпункт.")]),
        ("2-1", "Вставленный пункт.", []),
    ]
    [unread] = act.unread
    assert (unread.kind, unread.line, texts(unread.texts)) == (
        "paragraph_between_points",
        5,
        ["абзац без номера"],
    )


def test_front_paragraphs_besides_the_preamble_are_unread() -> None:
    act = read_act_text("Неизвестная строка\nПреамбула:\n1. Пункт.")
    assert act.preamble is not None
    assert act.preamble.text == "Преамбула:"
    assert [(u.kind, u.line) for u in act.unread] == [("front_paragraph", 1)]


def test_no_preamble() -> None:
    act = read_act_text("1. Пункт.")
    assert (act.header, act.preamble, len(act.points)) == (None, None, 1)


def test_heading_rows_and_measures_numbered_1_1() -> None:
    act = read_plan(
        HEADER + "Направление 1. Занятость |\n"
        "1.1 |\nМера один |\nприказ |\nМВД |\n2017 год |\nне требуются |\n"
        "1.2 |\nМера два |\nприказ |\nМВД |\n2018 год |\n100,0 |\n"
        "Задача 2 |\n"
        "2. |\nЦель 2: жилье |\n"
        "2.1. |\nМера три |\nприказ |\nМЗ |\n2019 год |\nне требуются |\n"
    )
    assert act.table is not None
    assert row_texts(act.table.rows) == [
        ("heading", ["Направление 1. Занятость"]),
        ("measure", ["1.1", "Мера один", "приказ", "МВД", "2017 год", "не требуются"]),
        ("measure", ["1.2", "Мера два", "приказ", "МВД", "2018 год", "100,0"]),
        ("heading", ["Задача 2"]),
        ("heading", ["2.", "Цель 2: жилье"]),
        ("measure", ["2.1.", "Мера три", "приказ", "МЗ", "2019 год", "не требуются"]),
    ]
    assert [row.number.text if row.number else None for row in act.table.rows] == [
        None,
        "1.1",
        "1.2",
        None,
        "2.",
        "2.1.",
    ]
    assert act.table.numbering == ()
    assert act.unread == ()


def test_indicator_rows_end_at_the_next_row() -> None:
    act = read_plan(
        HEADER + "Целевой индикатор: доля трудоустроенных | % | 40 |\n"
        "45 |\n"
        "Задача 1 |\n"
        "Показатель 2 | ед. |\n"
        "1. |\nМера |\nприказ |\nМВД |\n2017 год |\nне требуются |\n"
    )
    assert act.table is not None
    assert row_texts(act.table.rows) == [
        ("indicator", ["Целевой индикатор: доля трудоустроенных", "%", "40", "45"]),
        ("heading", ["Задача 1"]),
        ("indicator", ["Показатель 2", "ед."]),
        ("measure", ["1.", "Мера", "приказ", "МВД", "2017 год", "не требуются"]),
    ]


def test_heading_takes_the_cells_of_its_line() -> None:
    act = read_plan(HEADER + "Направление 1 | Занятость |\n1. | Мера | приказ | МВД | 2017 | – |\n")
    assert act.table is not None
    assert row_texts(act.table.rows) == [
        ("heading", ["Направление 1", "Занятость"]),
        ("measure", ["1.", "Мера", "приказ", "МВД", "2017", "–"]),
    ]


def test_multi_line_cell_joined_with_a_space() -> None:
    act = read_plan(
        HEADER + "1. |\nРазработать\n  механизм |\nприказ |\nМВД (созыв),\nМТСЗН |\n"
        "2017 год |\nне требуются |\n"
    )
    assert act.table is not None
    [row] = act.table.rows
    assert texts(row.cells) == [
        "1.",
        "Разработать механизм",
        "приказ",
        "МВД (созыв), МТСЗН",
        "2017 год",
        "не требуются",
    ]
    text = row.cells[1]
    first = text.line
    assert (text.end_line, text.breaks) == (first + 1, ((len("Разработать "), first + 1, 3),))
    assert text.position(len("Разработать ")) == (first + 1, 3)
    assert text.position(2) == (first, 3)


def test_two_cells_on_one_line() -> None:
    act = read_plan(
        HEADER + "1. |\nМера |\nметодические рекомендации | МВД (созыв), НПО (по согласованию) |\n"
        "2017 год | не требуются |\n"
    )
    assert act.table is not None
    [row] = act.table.rows
    assert texts(row.cells)[2:] == [
        "методические рекомендации",
        "МВД (созыв), НПО (по согласованию)",
        "2017 год",
        "не требуются",
    ]
    assert row.cells[3].column == len("методические рекомендации | ") + 1


def test_missing_bar_costs_one_row_not_the_table() -> None:
    act = read_plan(
        HEADER + "1 | 2 | 3 | 4 | 5 | 6 |\n"
        "1. |\nМера один |\nприказ |\nМВД |\n1 квартал 2017 года\nне требуются |\n"
        "2. |\nМера два |\nприказ |\nМВД |\n2 квартал 2017 года |\nне требуются |\n"
    )
    assert act.table is not None
    assert row_texts(act.table.rows) == [
        ("measure", ["2.", "Мера два", "приказ", "МВД", "2 квартал 2017 года", "не требуются"])
    ]
    [unread] = act.unread
    assert unread.kind == "incomplete_row"
    assert texts(unread.texts) == [
        "1.",
        "Мера один",
        "приказ",
        "МВД",
        "1 квартал 2017 года не требуются",
    ]
    assert [t.line for t in unread.texts][-1] == 19  # the cell missing its " |" starts there


def test_missing_bar_at_the_end_of_the_table() -> None:
    act = read_plan(HEADER + "1. |\nМера |\nприказ |\nМВД |\n2017 год |\nне требуются\n")
    assert act.table is not None
    assert act.table.rows == ()
    assert [(u.kind, texts(u.texts)) for u in act.unread] == [
        ("incomplete_row", ["1.", "Мера", "приказ", "МВД", "2017 год"]),
        ("unterminated_text", ["не требуются"]),
    ]


def test_repeated_numbering_and_numbered_rows_without_header() -> None:
    act = read_plan(
        HEADER + "1 | 2 | 3 | 4 | 5 | 6 |\n"
        "1. | Мера | приказ | МВД | 2017 | – |\n"
        "1 | 2 | 3 | 4 | 5 | 6 |\n"
        "2. | Мера | приказ | МВД | 2018 | – |\n"
    )
    assert act.table is not None
    assert [row.number.text for row in act.table.rows if row.number] == ["1.", "2."]
    assert [(u.kind, u.line) for u in act.unread] == [("repeated_numbering", 16)]

    headless = read_plan("1. |\nМера |\n")
    assert headless.table is None
    assert [u.kind for u in headless.unread] == ["table_without_header"]


def test_signature_on_several_lines_without_approval_note() -> None:
    act = read_act_text(
        f"{PREAMBLE}\n1. Пункт.\nПремьер-Министр\nРеспублики Казахстан |\nБ. Сагинтаев |\n"
        "План\nмероприятий\n№ п/п | Мероприятие |\n1. | Мера |\n"
    )
    assert act.signatory is not None
    assert act.signatory.position.text == "Премьер-Министр Республики Казахстан"
    assert (act.signatory.position.line, act.signatory.position.end_line) == (3, 4)
    assert act.approval_note is None
    assert act.plan_title is not None
    assert act.plan_title.text == "План мероприятий"
    assert act.table is not None
    assert row_texts(act.table.rows) == [("measure", ["1.", "Мера"])]


def test_approval_note_over_several_cells_and_lines() -> None:
    act = read_act_text(
        f"{PREAMBLE}\n1. Пункт.\nМинистр | А. Б. Иванов |\nУтвержден\nприказом Министра |\n"
        "от 1 июля 2018 года № 5 |\nПлан\n"
    )
    assert act.approval_note is not None
    assert act.approval_note.text == "Утвержден приказом Министра от 1 июля 2018 года № 5"
    [cited] = citations(act.approval_note)
    assert (cited.kind, cited.kind_code, cited.number, cited.line, cited.column) == (
        "приказом Министра",
        None,
        "5",
        5,
        1,
    )
    assert act.plan_title is not None
    assert act.plan_title.text == "План"


def test_signature_that_is_not_position_and_name_is_unread() -> None:
    act = read_act_text(f"{PREAMBLE}\n1. Пункт.\nПремьер-Министр Б. Сагинтаев |\nПлан\n")
    assert act.signatory is None
    assert [(u.kind, texts(u.texts)) for u in act.unread] == [
        ("signature", ["Премьер-Министр Б. Сагинтаев"])
    ]


def test_plan_without_signature_cells() -> None:
    act = read_act_text(f"{PREAMBLE}\n1. Пункт.\nПлан мероприятий\n№ п/п | Мероприятие |\n")
    assert act.signatory is None
    assert act.plan_title is not None
    assert act.plan_title.text == "План мероприятий"
    assert act.table is not None
    assert texts(act.table.header) == ["№ п/п", "Мероприятие"]


def test_glossary_as_lines() -> None:
    act = read_plan(
        HEADER + "Расшифровка аббревиатур:\nМВД – Министерство внутренних дел\n"
        "НПО - неправительственные организации\nбез расшифровки\n"
    )
    assert act.glossary is not None
    assert [(e.code.text, e.expansion.text, e.expansion.column) for e in act.glossary.entries] == [
        ("МВД", "Министерство внутренних дел", 7),
        ("НПО", "неправительственные организации", 7),
    ]
    assert [(u.kind, u.line) for u in act.unread] == [("glossary_entry", 17)]


def test_glossary_cells_without_dash_and_an_odd_cell() -> None:
    act = read_plan(
        HEADER + "Примечание: расшифровка сокращений:\nМВД | министерство |\nМЗ | – |\n"
    )
    assert act.glossary is not None
    assert [(e.code.text, e.expansion.text) for e in act.glossary.entries] == [
        ("МВД", "министерство")
    ]
    assert [(u.kind, texts(u.texts)) for u in act.unread] == [("glossary_entry", ["МЗ", "–"])]


def test_glossary_unterminated_and_empty() -> None:
    act = read_plan(HEADER + "Расшифровка аббревиатур:\nМВД | – | министерство |\nМЗ | – | мин\n")
    assert [(u.kind, texts(u.texts)) for u in act.unread] == [
        ("glossary_entry", ["МЗ", "–"]),
        ("unterminated_text", ["мин"]),
    ]
    empty = read_plan(HEADER + "Расшифровка аббревиатур:\n")
    assert empty.glossary is not None
    assert empty.glossary.entries == ()


def test_line_endings_indentation_and_bom() -> None:
    act = read_act_text("\ufeff  Преамбула:\r\n\r\n\t1. Пункт один.\r\n")
    assert act.preamble is not None
    assert (act.preamble.text, act.preamble.line, act.preamble.column) == ("Преамбула:", 1, 3)
    assert (act.points[0].text.text, act.points[0].text.line, act.points[0].text.column) == (
        "Пункт один.",
        3,
        5,
    )


@pytest.mark.parametrize("text", ["", "\n \t\n", "\ufeff"])
def test_empty_text_is_a_clear_error(text: str) -> None:
    with pytest.raises(ActTextError, match=r"^the text is empty") as caught:
        read_act_text(text)
    assert (caught.value.line, caught.value.column) == (1, 1)
    assert isinstance(caught.value, ValueError)


def test_text_without_points_is_a_clear_error() -> None:
    with pytest.raises(ActTextError) as caught:
        read_act_text("\n\n  Это письмо, а не постановление.\n1. | ячейка |\n")
    assert str(caught.value) == (
        "no numbered point (a line such as '1. Утвердить …') was found: this is not the text "
        "of an act in the official database's plain-text layout"
    )
    assert (caught.value.line, caught.value.column) == (3, 3)


# --- cells and citations ----------------------------------------------------------------------


def test_split_cells() -> None:
    split = split_cells("a |  | b |\nnot|a separator |\n|\nc\nd", first_line=10)
    assert texts(split.cells) == ["a", "", "b", "not|a separator", ""]
    # An empty cell is placed at its "|".
    assert [(c.line, c.column) for c in split.cells] == [
        (10, 1),
        (10, 6),
        (10, 8),
        (11, 1),
        (12, 1),
    ]
    assert [(t.text, t.line) for t in split.rest] == [("c", 13), ("d", 14)]


def test_split_cells_continuation_after_cells_on_the_same_line() -> None:
    split = split_cells("a | b\nc |\n")
    assert texts(split.cells) == ["a", "b c"]
    assert split.cells[1].breaks == ((2, 2, 1),)
    assert split.rest == ()


def cite(text: str) -> tuple[Citation, ...]:
    return citations(SourceText(text, 1, 1, 1))


def test_citations_in_a_list_share_their_kind() -> None:
    found = cite(
        "Сноска. С изменениями, внесенными постановлениями Правительства РК от 24.07.2017 № 443; "
        "от 10.10.2018 № 600 и приказом Министра от 31.02.2019 № 1, от 1 мая 2019 г. № 2."
    )
    assert [(c.kind, c.kind_code, c.date, c.number) for c in found] == [
        ("постановлениями Правительства РК", "resolution_of_government", date(2017, 7, 24), "443"),
        ("постановлениями Правительства РК", "resolution_of_government", date(2018, 10, 10), "600"),
        # 31.02.2019 is no date: that citation is skipped, the next one shares its kind
        ("приказом Министра", None, date(2019, 5, 1), "2"),
    ]


def test_citation_titles_and_kinds() -> None:
    [nested] = cite(
        "Закона Республики Казахстан от 7 января 2003 года № 370 «Об «электронном» документе»"
    )
    assert (nested.kind, nested.kind_code, nested.number) == (
        "Закона Республики Казахстан",
        None,
        "370",
    )
    assert nested.title == "Об «электронном» документе"
    [unclosed] = cite("указом от 1.2.2003 N 5 «Без конца")
    assert (unclosed.kind, unclosed.title, unclosed.number, unclosed.column) == (
        "указом",
        None,
        "5",
        1,
    )
    assert cite("от 1 мартобря 2003 года № 1") == ()


# --- never a traceback ------------------------------------------------------------------------

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LAYOUT_LINES = st.sampled_from(
    [
        "1. Пункт.",
        "2) подпункт;",
        "1. |",
        "1.1 |",
        " |",
        "|",
        "a | b",
        "Премьер-Министр |",
        "Утвержден постановлением от 1.1.2000 № 1 |",
        "План",
        "№ п/п |",
        "1 | 2 | 3 |",
        "Направление 1 |",
        "Показатель |",
        "Сноска. от 24.07.2017 № 443; от 99.99.2017 № 1",
        "Расшифровка аббревиатур:",
        "МВД | – |",
        "Об утверждении",
        "Постановление от 1 мая 2000 года № «",
        "",
    ]
)


def read_or_refuse(text: str) -> None:
    try:
        act = read_act_text(text)
    except ActTextError as error:
        assert error.line >= 1
        assert error.column >= 1
        return
    assert act.points
    for block in act.unread:
        assert block.line >= 1


@SETTINGS
@given(st.text())
def test_any_text_gives_an_act_or_the_readers_error(text: str) -> None:
    read_or_refuse(text)


@SETTINGS
@given(st.lists(st.one_of(LAYOUT_LINES, st.text(max_size=12)), max_size=40))
def test_any_layout_like_text_gives_an_act_or_the_readers_error(lines: list[str]) -> None:
    read_or_refuse("\n".join(lines))


@SETTINGS
@given(st.text(alphabet=" \t|аb", max_size=12), st.integers(min_value=1, max_value=9))
def test_a_line_of_one_cell_is_cut_as_any_line(text: str, column: int) -> None:
    """The fast path for a line that is one cell ("… |") cuts it as the general rule does."""
    for line in _lines(" " * (column - 1) + text, first_line=column):
        assert _pieces(line) == _split_pieces(line)


def test_approval_note_missing_its_bar() -> None:
    act = read_act_text(f"{PREAMBLE}\n1. Пункт.\nМинистр |\nА. Иванов | Утвержден\nПлан\n")
    assert act.signatory is not None
    assert act.signatory.name.text == "А. Иванов"
    assert act.approval_note is None
    assert [(u.kind, u.position, texts(u.texts)) for u in act.unread] == [
        ("unterminated_text", (4, 13), ["Утвержден"]),
    ]
    assert act.plan_title is not None  # the unclosed cell does not swallow the next lines
    assert act.plan_title.text == "План"


# --- the table read row by row ------------------------------------------------------------------


def test_keep_row_is_given_every_row_in_order_and_the_table_keeps_what_it_keeps(
    act: ActText,
) -> None:
    given: list[Row] = []

    def keep(row: Row) -> bool:
        given.append(row)
        return row.kind != "measure"

    dropped = read_act_text(SOURCE.read_text(encoding="utf-8"), keep)
    assert act.table is not None and dropped.table is not None
    assert given == list(act.table.rows)
    assert dropped.table.rows == tuple(row for row in act.table.rows if row.kind != "measure")
    assert dropped == replace(act, table=replace(act.table, rows=dropped.table.rows))


def _lines_by_the_rule(text: str, first_line: int) -> list[tuple[int, int, str]]:
    """The lines as the module's doc says: split at "\\n", a trailing "\\r" dropped, spaces and
    tabs around a line are layout, blank lines skipped."""
    found = []
    for number, raw in enumerate(text.removeprefix("\ufeff").split("\n"), start=first_line):
        raw = raw.removesuffix("\r")
        if raw.strip(" \t"):
            found.append((number, len(raw) - len(raw.lstrip(" \t")) + 1, raw.strip(" \t")))
    return found


@SETTINGS
@given(
    st.text(alphabet=" \t\r\n|аb\ufeff", max_size=40),
    st.integers(min_value=0, max_value=8),
    st.integers(min_value=1, max_value=3),
)
def test_the_text_is_split_into_lines_a_part_at_a_time_as_if_whole(
    text: str, part: int, first_line: int
) -> None:
    """The lines are split a part of the text at a time (a part ends at a line's end): any size
    of part gives the lines the rule gives for the whole text."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(act_text_module, "_LINES_AT_ONCE", part)
        found = [(line.number, line.column, line.text) for line in _lines(text, first_line)]
    assert found == _lines_by_the_rule(text, first_line)
