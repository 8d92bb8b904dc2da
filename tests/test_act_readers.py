"""The readers of an act's text in HTML (an adilet.zan.kz page) and Markdown with HTML tables,
into the same format-neutral structure as the plain-text export (``act_text``).

The Markdown reader runs on the four real plans and the two short acts under tests/acts/ (their
README is the spec the pins below come from). The HTML reader runs on pages built in adilet's
layout from real acts' texts (tests/adilet.py says why): reading 912's page must give exactly
what reading 912's plain-text export gives, and 934's must give what its Markdown gives.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from adilet import page
from reintegration_plan.act_blocks import Cell, TableBlock, read_table
from reintegration_plan.act_formats import act_format, read_act
from reintegration_plan.act_html import html_blocks, read_act_html
from reintegration_plan.act_markdown import markdown_blocks, read_act_markdown
from reintegration_plan.act_text import ActText, ActTextError, SourceText, read_act_text

ROOT = Path(__file__).parents[1]
ACTS = ROOT / "tests" / "acts"
SOURCE_912 = ROOT / "data" / "source" / "resolution_912_2016-12-29.txt"
AML = ACTS / "pp-2025-934-aml-risk-measures" / "act.md"
INVESTMENT = ACTS / "pp-2022-482-investment-policy-concept" / "act.md"
ZHANAOZEN = ACTS / "pp-2012-15-zhanaozen-business-plan" / "act.md"
LAWS = ACTS / "pp-2021-991-legislative-works-plan-2022" / "act.md"
MEETINGS = ACTS / "pp-2024-12-ministers-meetings-duties" / "act.md"
QUASI = ACTS / "pp-2020-475-quasi-public-spending-duties" / "act.md"


def read(path: Path) -> ActText:
    return read_act_markdown(path.read_text(encoding="utf-8"))


def texts(items: tuple[SourceText, ...]) -> list[str]:
    return [item.text for item in items]


def measures(act: ActText) -> list[tuple[str, ...]]:
    assert act.table is not None
    return [tuple(texts(row.cells)) for row in act.table.rows if row.kind == "measure"]


def column(act: ActText, heading: str) -> list[str]:
    assert act.table is not None
    at = texts(act.table.header).index(heading)
    return [cells[at] for cells in measures(act)]


def bare(value: Any) -> Any:
    """An act's parts as plain texts (positions dropped), to compare two readings."""
    if isinstance(value, SourceText):
        return value.text
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: bare(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in ("line", "column")
        }
    if isinstance(value, tuple):
        return [bare(item) for item in value]
    return value


# --- Markdown: the real plans -----------------------------------------------------------------


def test_aml_934_front_points_and_signature() -> None:
    act = read(AML)
    assert act.header is not None and act.header.title is not None
    assert act.header.title.text.startswith("Об утверждении мер, направленных на снижение рисков")
    assert act.header.act is None  # the text has no requisites line
    assert act.preamble is not None
    assert act.preamble.text.startswith("В соответствии с пунктом 3 статьи 11-1 Закона")
    assert act.preamble.text.endswith("Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:")
    assert [p.number for p in act.points] == ["1", "2", "3", "4"]
    assert (act.points[0].text.line, act.points[0].text.column) == (5, 4)
    assert act.points[2].text.text.startswith("Агентству Республики Казахстан по финансовому")
    assert act.signatory is not None
    assert act.signatory.position.text == "Премьер-Министр Республики Казахстан"
    assert act.signatory.name.text == "О. Бектенов"
    assert act.approval_note is not None
    assert act.approval_note.text == (
        "Утверждены постановлением Правительства Республики Казахстан от « » 2025 года №"
    )
    assert act.plan_title is not None
    assert act.plan_title.text.startswith("Меры, направленные на снижение рисков легализации")
    assert act.footnotes == ()


def test_aml_934_table_mapped_by_cell_order() -> None:
    """Rows 3-44 put colspan="2" on other cells than the header does: mapped by order."""
    act = read(AML)
    assert act.table is not None
    assert texts(act.table.header) == [
        "№ п/п",
        "Наименование проекта/ мероприятия",
        "Результат (для проекта) /форма завершения (для мероприятия)",
        "Срок завершения",
        "Ответственные за результат",
        "Предполагаемые расходы (тысяч тенге)",
        "Источники финансирования",
    ]
    assert texts(act.table.numbering) == ["1", "2", "3", "4", "5", "6", "7"]
    assert act.table.groups == ()
    rows = measures(act)
    assert [cells[0] for cells in rows] == [f"{n}." for n in range(1, 45)]
    assert rows[2] == (
        "3.",
        "Проведение информационной кампании «Не стань дропом!» с участием государственных "
        "органов и финансовых организаций",
        "публикации",
        "по мере необходимости, но не реже 1 раза в полугодие",
        "МКИ, МВД, АФМ (по согласованию)",
        "не требуются",
        "не требуются",
    )
    deadlines = Counter(column(act, "Срок завершения"))
    assert deadlines["март 2026 года"] == 27  # 26, and once written over three lines (row 38.)
    assert rows[37][3] == "март 2026 года"
    row_38 = next(r for r in act.table.rows if r.number and r.number.text == "38.")
    cell = row_38.cells[3]
    assert (cell.line, cell.column, cell.end_line) == (386, 1, 387)
    assert cell.position(5) == (387, 1)  # "2026" starts the next source line


def test_aml_934_glossary_as_a_three_column_table() -> None:
    act = read(AML)
    assert act.glossary is not None
    assert act.glossary.heading.text == "Примечание: расшифровка аббревиатур:"
    entries = [(e.code.text, e.expansion.text) for e in act.glossary.entries]
    assert len(entries) == 26
    assert entries[0] == (
        "НПП «Атамекен»",
        "Национальная палата предпринимателей Республики Казахстан «Атамекен»",
    )
    # the closing separator inside the last cell is not part of the expansion
    assert entries[-1] == ("AML Academy", "академия финансового мониторинга AML Academy")
    # the footnote "1 Дроп - …" after the table is kept, as text outside the plan
    assert [u.kind for u in act.unread] == ["annex_text"]
    assert act.unread[0].texts[0].text.startswith("1 Дроп - лицо, предоставившее")


def test_investment_482_plan_inside_the_concept() -> None:
    act = read(INVESTMENT)
    assert [p.number for p in act.points] == ["1", "2", "3", "4", "5", "6"]
    assert act.approval_note is not None and act.plan_title is not None
    assert act.approval_note.text == (
        "Приложение к Концепции инвестиционной политики Республики Казахстан до 2026 года"
    )
    assert act.plan_title.text == (
        "7. План действий по реализации Концепции инвестиционной политики Республики "
        "Казахстан до 2026 года"
    )
    assert act.table is not None
    assert texts(act.table.header) == [
        "№ п/п",
        "Наименование мероприятий",
        "Форма завершения",
        "Сроки завершения",
        "Ответственные исполнители",
    ]
    kinds = [(row.kind, row.cells[0].text[:24]) for row in act.table.rows if row.kind != "measure"]
    assert kinds == [
        ("indicator", "Целевой индикатор 1. Инв"),
        ("heading", "Направление 1. Дальнейше"),
        ("heading", "Направление 2. Содействи"),
        ("heading", "Направление 3. Раскрытие"),
    ]
    indicator = act.table.rows[0].cells[0].text
    assert "2025 г. – 25,0 %; 2025 г. – 25,1 %." in indicator  # the act's repeated year, kept
    assert len(measures(act)) == 45
    deadlines = Counter(column(act, "Сроки завершения"))
    assert deadlines["ежегодно, декабрь"] == 14
    assert deadlines["декабрь 2022 год"] == 4  # three on one line, one over two lines
    glossary = act.glossary
    assert glossary is not None and len(glossary.entries) == 44
    assert glossary.heading.text == "Примечание: расшифровка аббревиатур"
    assert ("ПИИ", "прямые иностранные инвестиции.") in [
        (e.code.text, e.expansion.text) for e in glossary.entries
    ]
    # the Concept's chapters, its other tables and the second annex are kept as annex text
    assert {u.kind for u in act.unread} == {"annex_text"}
    assert any("Перечень утративших силу" in t.text for u in act.unread for t in u.texts)


def test_zhanaozen_15_sections_notes_and_restarting_numbers() -> None:
    act = read(ZHANAOZEN)
    assert [p.number for p in act.points] == ["1", "3", "4", "5"]  # no point 2 in the act
    assert [s.number for s in act.points[1].subpoints] == ["1", "2"]
    assert act.approval_note is not None
    assert act.approval_note.text.endswith("от 10 января 2012 года № 15")
    assert act.table is not None
    assert texts(act.table.header) == [
        "№ п/п",
        "Наименование мероприятия",
        "Ответственные исполнители",
        "Форма завершения",
        "Срок исполнения",
    ]
    assert [cells[0] for cells in measures(act)] == [
        *map(str, range(1, 8)),
        *map(str, range(1, 20)),
        *map(str, range(1, 7)),
    ]
    others = [
        (row.kind, row.number.text if row.number else None, row.cells[-1].text[:30])
        for row in act.table.rows
        if row.kind != "measure"
    ]
    assert others[:5] == [
        ("heading", "1", "Финансовая поддержка предприни"),
        ("note", None, "Механизм: Для реализации данно"),
        ("note", None, "Общий объем выделяемых средств"),
        ("heading", None, "Текущие меры"),
        ("heading", None, "2. Финансовая поддержка начина"),
    ]
    assert Counter(kind for kind, _, _ in others) == {"heading": 7, "note": 9}
    first = measures(act)[0]
    assert first == (
        "1",
        "Разработка программы прямого кредитования АО «ФРП Даму»",
        'МЭРТ, АО ФРП «Даму"',  # &quot; decoded, the quote left unbalanced as the act has it
        "Решение Совета директоров АО «ФРП «Даму»",
        "До 10 января 2012 года",
    )
    glossary = act.glossary
    assert glossary is not None
    assert glossary.heading.text == "Примечание: Расшифровка аббревиатур:"
    assert [(e.code.text, e.expansion.text) for e in glossary.entries][-2:] == [
        ("МСБ", "малый и средний бизнес;"),
        ("СЧП", "субъект частного предпринимательства."),
    ]


def test_laws_991_grouped_deadline_columns() -> None:
    act = read(LAWS)
    assert act.table is not None
    assert texts(act.table.header) == [
        "№ п/п",
        "Наименование законопроекта",
        "Государственный орган-разработчик",
        "Минюст",
        "Прави тельство",
        "Парламент",
        "Лицо, ответственное за качественную разработку и своевременное внесение законопроектов",
    ]
    [group] = act.table.groups
    assert (group.text.text, group.first, group.last) == ("Срок представления", 3, 5)
    assert texts(act.table.numbering) == [str(n) for n in range(1, 8)]
    assert measures(act)[0] == (
        "1.",
        "О местном самоуправлении в Республике Казахстан",
        "МНЭ",
        "январь",
        "январь",
        "февраль",
        "Абдыкадыров А.Е.",
    )
    assert Counter(column(act, "Парламент"))["декабрь"] == 7
    assert act.glossary is not None and len(act.glossary.entries) == 10
    assert act.unread == ()


def test_acts_without_a_table() -> None:
    meetings = read(MEETINGS)
    assert meetings.table is None and meetings.glossary is None
    assert [len(p.subpoints) for p in meetings.points] == [4, 0, 3, 0]
    assert meetings.points[2].subpoints[2].text.text.startswith("внесение в Аппарат Правительства")
    quasi = read(QUASI)
    assert [p.number for p in quasi.points] == ["1", "2", "3", "4", "5", "6"]
    [footnote] = quasi.footnotes
    assert footnote.text.text == (
        "Сноска. Пункт 2 в редакции постановления Правительства РК от 30.11.2021 № 846 "
        "(вводится в действие со дня его подписания)."
    )
    [amendment] = footnote.amendments
    assert (amendment.kind_code, amendment.number, str(amendment.date)) == (
        "resolution_of_government",
        "846",
        "2021-11-30",
    )
    assert quasi.unread == ()


# --- HTML: pages in adilet's layout built from real acts --------------------------------------

TITLE_912 = (
    "Об утверждении Плана мероприятий по реализации Комплексной стратегии социальной "
    "реабилитации граждан, освободившихся из мест лишения свободы и находящихся на учете службы "
    "пробации, в Республике Казахстан на 2017 – 2019 годы"
)
REQUISITES_912 = "Постановление Правительства Республики Казахстан от 29 декабря 2016 года № 912."


def page_912() -> str:
    return page(read_act_text(SOURCE_912.read_text(encoding="utf-8")), TITLE_912, REQUISITES_912)


def test_912_page_reads_as_its_plain_text() -> None:
    from_text = read_act_text(SOURCE_912.read_text(encoding="utf-8"))
    from_page = read_act_html(page_912())
    assert from_page.header is not None and from_page.header.title is not None
    assert from_page.header.title.text == TITLE_912
    assert from_page.header.act is not None
    assert (from_page.header.act.number, str(from_page.header.act.date)) == ("912", "2016-12-29")
    expected = bare(from_text)
    got = bare(from_page)
    got["header"] = None  # the export this project has starts at the preamble
    assert got == expected


def test_aml_934_page_reads_as_its_markdown() -> None:
    from_markdown = read(AML)
    requisites = "Постановление Правительства Республики Казахстан от 7 ноября 2025 года № 934."
    from_page = read_act_html(page(from_markdown, "Об утверждении мер", requisites))
    assert from_page.header is not None and from_page.header.act is not None
    assert from_page.header.act.number == "934"
    got, expected = bare(from_page), bare(from_markdown)
    got["header"] = expected["header"] = None
    expected["unread"] = []  # the page is built without the footnote after the table
    assert got == expected


def test_page_positions_point_into_the_page() -> None:
    html = page_912()
    act = read_act_html(html)
    lines = html.split("\n")
    for text in (act.points[1].text, act.table.rows[4].cells[1], act.glossary.entries[2].expansion):  # type: ignore[union-attr]
        line = lines[text.line - 1]
        assert line[text.column - 1 :].startswith(text.text[:10])


def test_html_markup_the_page_may_leave_open() -> None:
    """Implied end tags, entities, line breaks in cells, nested markup and rowspan/colspan."""
    html = """<html><body>
<p>Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:
<p>&nbsp;&nbsp;1. Утвердить план.<p>2. Представлять <b>ежеквартально</b> информацию.</p></p>
<table><tr><td><b>Премьер-Министр<br/>Республики Казахстан</b><td><b>А. Б</b></table>
<table><tr><td></td><td>Утвержден постановлением от 1 января 2020 года № 1</td></tr></table>
<h3>План мероприятий</h3>
<table border=1>
<thead><tr><th rowspan="2">№</th><th rowspan=2>Мероприятие</th><th colspan="2">Сроки</th>
<tr><th>начало<th>окончание</thead>
<tbody><tr><td>1.<td>Сделать &laquo;это&raquo;&#160;и<br>то<td>январь<td>март
<tr><td>2.<td rowspan="2">Другое</td><td>май</td><td>июнь</td>
<tr><td>3.</td><td>июль</td><td>август</td></tr>
<tr><td colspan="4">Направление 2. Далее</td></tr>
</tbody></table>
<p>Примечание: расшифровка аббревиатур:</p><p>МВД – Министерство внутренних дел</p>
<p>непонятная строка</p>
</body></html>"""
    act = read_act_html(html)
    assert act.preamble is not None
    assert [(p.number, p.text.text) for p in act.points] == [
        ("1", "Утвердить план."),
        ("2", "Представлять ежеквартально информацию."),
    ]
    assert act.signatory is not None
    assert (act.signatory.position.text, act.signatory.name.text) == (
        "Премьер-Министр Республики Казахстан",
        "А. Б",
    )
    assert act.approval_note is not None and act.plan_title is not None
    assert act.plan_title.text == "План мероприятий"
    table = act.table
    assert table is not None
    assert texts(table.header) == ["№", "Мероприятие", "начало", "окончание"]
    assert [(g.text.text, g.first, g.last) for g in table.groups] == [("Сроки", 2, 3)]
    assert [(row.kind, texts(row.cells)) for row in table.rows] == [
        ("measure", ["1.", "Сделать «это»\u00a0и то", "январь", "март"]),
        ("measure", ["2.", "Другое", "май", "июнь"]),
        ("measure", ["3.", "Другое", "июль", "август"]),  # the cell spanning two rows, carried
        ("heading", ["Направление 2. Далее"]),
    ]
    assert act.glossary is not None
    assert [(e.code.text, e.expansion.text) for e in act.glossary.entries] == [
        ("МВД", "Министерство внутренних дел")
    ]
    assert [(u.kind, texts(u.texts)) for u in act.unread] == [("annex_text", ["непонятная строка"])]


def test_table_rows_the_reader_cannot_place() -> None:
    def cell(text: str, colspan: int = 1, header: bool = False) -> Cell:
        lines = (SourceText(text, 1, 1, 1),) if text else ()
        return Cell(lines, 1, 1, colspan=colspan, header=header)

    block = TableBlock(
        (
            (cell("№", header=True), cell("Мероприятие", header=True), cell("Срок", header=True)),
            (cell("1."), cell("а"), cell("б")),
            (cell("1"), cell("2"), cell("3")),
            (cell(""), cell(""), cell("")),
            (cell("2."), cell("в")),
        ),
        1,
        1,
    )
    table, unread = read_table(block)
    assert table is not None
    assert [(row.kind, texts(row.cells)) for row in table.rows] == [
        ("measure", ["1.", "а", "б"]),
        ("measure", ["2.", "в", ""]),  # a cell missing at the end is empty
    ]
    assert [(u.kind, texts(u.texts)) for u in unread] == [("repeated_numbering", ["1", "2", "3"])]
    headless, unread = read_table(TableBlock(((cell("1."), cell("а")),), 1, 1))
    assert headless is None
    assert [(u.kind, texts(u.texts)) for u in unread] == [("table_without_header", ["1.", "а"])]


def test_markdown_blocks() -> None:
    text = (
        "\ufeff# Заголовок #\n\n"
        "Текст с \\*звёздочкой\\* и &quot;кавычками&quot;\nв две строки.\n"
        "## Раздел\n"
        "> *Утвержден*  \n> *приказом*\n\n"
        "```\nоглавление .... 1\n```\n\n"
        "**Жирный**\n\n"
        '<a id="p1"></a>\n\n'
        "  <table>\n<tr><td>а</td></tr>\n<table><tr><td>б</td></tr></table>\n</table>\n"
        "#\n\n____\n"
    )
    blocks = markdown_blocks(text)
    summary = [
        (type(b).__name__, sorted(b.styles), b.text.text)
        if not isinstance(b, TableBlock)
        else ("TableBlock", [], len(b.rows))
        for b in blocks
    ]
    assert summary == [
        ("Paragraph", ["title"], "Заголовок"),
        ("Paragraph", [], 'Текст с *звёздочкой* и "кавычками" в две строки.'),
        ("Paragraph", ["heading"], "Раздел"),
        ("Paragraph", ["quote"], "Утвержден приказом"),
        ("Paragraph", ["code"], "оглавление .... 1"),
        ("Paragraph", ["bold"], "Жирный"),
        ("TableBlock", [], 1),
        ("Paragraph", [], "____"),
    ]
    assert blocks[1].text.position(8) == (3, 10)  # after the escaping backslash


def test_html_blocks_of_a_fragment_keep_source_positions() -> None:
    [block] = html_blocks("<table>\n<tr><td>\nтекст\n</td></tr></table>", first_line=10)
    assert isinstance(block, TableBlock)
    cell = block.rows[0][0].text
    assert (cell.text, cell.line, cell.column) == ("текст", 12, 1)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("act.txt", "<!DOCTYPE html>", "text"),
        ("page.HTML", "", "html"),
        ("page.htm", "", "html"),
        ("act.md", "", "markdown"),
        ("", "<!-- saved --> <!DOCTYPE html><html>", "html"),
        ("", "\ufeff<html lang=ru>", "html"),
        ("act", "x\n<body>", "html"),
        ("act", "текст\n# Заголовок", "markdown"),
        ("act", "текст\n<table>", "markdown"),
        ("act", "1. Утвердить |", "text"),
    ],
)
def test_act_format(name: str, head: str, expected: str) -> None:
    assert act_format(head, name) == expected


def test_read_act_dispatches_by_format() -> None:
    assert read_act(SOURCE_912.read_text(encoding="utf-8"), SOURCE_912.name).table is not None
    assert read_act(AML.read_text(encoding="utf-8"), "x").table is not None
    assert read_act(page_912()).header is not None
    with pytest.raises(ActTextError, match="no numbered point") as caught:
        read_act("<html><body><p>Текст без пунктов</p></body></html>")
    assert (caught.value.line, caught.value.column) == (1, 16)
    with pytest.raises(ActTextError, match="no numbered point"):
        read_act("# Заголовок\n", form="markdown")


# --- no text ends in anything but an act or the reader's error ---------------------------------

MARKUP = st.sampled_from(
    [
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan='2'>",
        "<td rowspan='3'>", "<td colspan=x>", "<p>", "</p>", "<br>", "<b>", "</b>", "&quot;",
        "&nbsp;", "&#x41;", "&#99999999;", "&bogus;", "<!--", "-->", "<script>", "</script>",
        "<article>", "<h1>", "# ", "> *", "**", "```", "\n", "\n\n", "   1) ", "1. Утвердить ",
        "1\\. ", "2. ", "Сноска. от 01.01.2020 № 1 ", "Утвержден ", "№ п/п", "Мероприятие",
        "Срок исполнения", "1.", "1", "Направление 1. ", "Целевой индикатор ",
        "Примечание: расшифровка аббревиатур:", " – ", "МВД", "____", "\ufeff", "\r", "\t",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(MARKUP, st.text(max_size=8)), max_size=40))
@example(["<b>", "1. Утвердить "])  # found by a seed: once an act with no points, no error
def test_any_markup_gives_an_act_or_the_readers_error(pieces: list[str]) -> None:
    text = "".join(pieces)
    for form in ("html", "markdown"):
        try:
            act = read_act(text, form=form)  # type: ignore[arg-type]
        except ActTextError as exc:
            assert exc.line >= 1 and exc.column >= 1
        else:
            assert act.points


def reads_or_fails(reader: Callable[[str], ActText], text: str) -> str:
    """'act' or 'error': a text is read, or refused with the reader's error (nothing else)."""
    try:
        reader(text)
    except ActTextError as exc:
        assert exc.line >= 1
        return "error"
    return "act"


@pytest.mark.parametrize("path", [AML, LAWS], ids=["934", "991"])
def test_every_prefix_reads_or_fails_cleanly(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    ends = range(0, len(text), max(1, len(text) // 60))
    results = [reads_or_fails(read_act_markdown, text[:end]) for end in ends]
    assert results[0] == "error" and results[-1] == "act"


def test_every_prefix_of_a_page_reads_or_fails_cleanly() -> None:
    html = page_912()
    ends = range(0, len(html), max(1, len(html) // 60))
    results = [reads_or_fails(read_act_html, html[:end]) for end in ends]
    assert results[0] == "error" and results[-1] == "act"
