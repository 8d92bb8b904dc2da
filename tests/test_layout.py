"""Text laid out at a width (layout): wrapping that never cuts a word that fits the line, tables
whose long texts take what the short columns leave, and blocks when a table cannot fit."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from conftest import PLAN
from reintegration_plan.layout import (
    ASCII,
    MIN_TEXT,
    UNICODE,
    Paint,
    Spec,
    boxed,
    column_widths,
    labelled,
    no_paint,
    stacked,
    width_of,
    words,
    wrap,
)
from reintegration_plan.loader import load_plan
from reintegration_plan.queries import due
from reintegration_plan.tables import Output, painter, render

WORD = st.text(alphabet="абвгдеёжзabcxyz-–0123456789", min_size=1, max_size=14)


@given(st.lists(WORD, max_size=30), st.integers(1, 60))
def test_wrap_keeps_every_word_that_fits_whole(parts: list[str], width: int) -> None:
    text = " ".join(parts)
    lines = wrap(text, width)
    assert all(len(line) <= width for line in lines)
    assert "".join("".join(lines).split()) == "".join(text.split())  # nothing lost or added
    kept = set(" ".join(lines).split())
    for part in parts:
        if len(part) <= width and part not in ("-", "–"):
            assert part in kept or any(part in line for line in lines), part


def test_wrap_breaks_at_spaces_then_after_hyphens_then_cuts() -> None:
    assert wrap("Оказывать социально-правовую помощь", 20) == [
        "Оказывать",
        "социально-правовую",
        "помощь",
    ]
    assert wrap("социально-правовую", 12) == ["социально-", "правовую"]
    assert wrap("2017-03-31", 6) == ["2017-0", "3-31"]  # no hyphen between letters: cut
    assert wrap("a\nb c", 10) == ["a", "b c"]


def test_words_that_stay_together() -> None:
    assert words("на 2017 – 2019 годы") == ["на", "2017 – 2019", "годы"]
    assert words("457 дней, 1 квартал 2017 года") == ["457 дней,", "1 квартал", "2017", "года"]
    assert words("к исполнению") == ["к исполнению"]
    assert words("31 March 2017") == ["31 March 2017"]


SPECS = (Spec("Status", styled=True), Spec("No.", right=True), Spec("Title", ratio=1))
ROWS = [["overdue", "5", "Work out a mechanism for registering a convicted person"]]


def test_the_long_column_takes_what_the_short_ones_leave() -> None:
    assert column_widths(SPECS, ROWS, 40) == [7, 3, 30]
    assert column_widths(SPECS, ROWS, 200) == [7, 3, 55]  # never wider than its text


def test_an_id_column_is_never_broken_at_its_hyphens() -> None:
    """plan plans printed a draft's id pp-t62455a-2022 as 'pp-' over 't62455a-2022'; an id is
    what people copy into --plan-id."""
    rows = [["pp-t62455a-2022", "Resolution of the Government of the RK No. 934 of 7 November"]]
    ids = (Spec("Id", whole=True), Spec("Act", ratio=1))
    assert column_widths((Spec("Id"), Spec("Act", ratio=1)), rows, 40) == [12, 28]
    assert column_widths(ids, rows, 40) == [15, 25]
    assert wrap("pp-t62455a-2022", 15) == ["pp-t62455a-2022"]
    assert column_widths(ids, rows, 15 + MIN_TEXT) == [15, MIN_TEXT]
    assert column_widths(ids, rows, 15 + MIN_TEXT - 1) is None  # blocks, the id whole in them


def test_a_table_that_cannot_fit_is_none() -> None:
    assert column_widths(SPECS, ROWS, 7 + 3 + MIN_TEXT - 1) is None


def test_boxed_and_ascii() -> None:
    lines = boxed(SPECS, ROWS, ["bold red"], [7, 3, 20], ASCII)
    assert lines[0] == "+---------+-----+----------------------+"
    assert lines[1] == "| Status  | No. | Title                |"
    assert lines[3] == "| overdue |   5 | Work out a mechanism |"
    assert boxed(SPECS, ROWS, [""], [7, 3, 20], UNICODE)[0].startswith("┌─")


def test_stacked_blocks() -> None:
    lines = stacked(SPECS, [*ROWS, ["due", "", "x"]], ["", ""], 30)
    assert lines == [
        "Status: overdue",
        "No.:    5",
        "Title:  Work out a mechanism",
        "        for registering",
        "        a convicted person",  # a one-letter word stays with the next
        "",
        "Status: due",
        "Title:  x",
    ]


def test_a_value_with_a_long_word_goes_under_its_label() -> None:
    assert labelled("Evidence", "https://example.kz/orders/2017/06", 40, 10) == [
        ("Evidence:", ""),
        ("  ", "https://example.kz/orders/2017/06"),
    ]
    assert labelled("Evidence", "https://example.kz/orders/2017/06/20", 30, 10) == [
        ("Evidence:", ""),
        ("", "https://example.kz/orders/2017"),  # wider than the line: cut
        ("", "/06/20"),
    ]
    assert labelled("E", "a-very-long-word-indeed", 12, 4) == [  # broken after hyphens
        ("E:  ", "a-very-"),
        ("    ", "long-"),
        ("    ", "word-"),
        ("    ", "indeed"),
    ]


def test_colour_paints_the_status_and_the_header() -> None:
    paint = painter(True)
    assert paint("overdue", "bold red") == "\x1b[1;31moverdue\x1b[0m"
    report = due(load_plan(PLAN), [], dt.date(2017, 7, 1))
    narrow = render(report, "table", Output(width=60, color=True))
    assert "\x1b[1;31mпросрочено" not in narrow and "\x1b[1;31moverdue" in narrow  # stacked


def test_ascii_output_has_ascii_borders_and_punctuation() -> None:
    """An output that cannot encode box drawing (the CLI tells: PYTHONIOENCODING=ascii)."""
    report = due(load_plan(PLAN), [], dt.date(2017, 7, 1))
    text = render(report, "table", Output(width=100, lang="en", ascii=True))
    assert text.isascii()  # English: the act's codes are Latin aliases, its dashes hyphens
    assert "+----------" in text and "| overdue" in text
    assert "2017 - 2019" in text and "–" not in text
    russian = render(report, "table", Output(width=60, lang="ru", ascii=True))
    assert not {"┌", "│", "–", "№"} & set(russian)  # stacked, with No. for №
    assert "No.:" in russian


# --- a table of many rows: each different cell measured and drawn once ------------------------

CELL = st.sampled_from(["", "a", "к исполнению", "просрочено\n92 дня", "МВД", "№ 912", "1 2 3"])
TITLE = st.text(alphabet="абвгд ежз-–\n漢", max_size=40)


def drawn_row_by_row(
    specs: list[Spec], rows: list[list[str]], styles: list[str], widths: list[int], paint: Paint
) -> list[str]:
    """What :func:`boxed` draws, drawn the plain way: each row's cells wrapped, padded and
    painted one by one."""
    bar = ASCII.vertical

    def rule() -> str:
        return "+" + "+".join("-" * (w + 2) for w in widths) + "+"

    def row_lines(cells: list[str], style: str, header: bool) -> list[str]:
        wrapped = [wrap(cell, width) for cell, width in zip(cells, widths, strict=True)]
        height = max(len(lines) for lines in wrapped)
        columns = []
        for spec, lines, width in zip(specs, wrapped, widths, strict=True):
            right = spec.right and not header
            spaces = [" " * (width - width_of(t)) for t in lines]
            padded = [s + t if right else t + s for t, s in zip(lines, spaces, strict=True)]
            painted = "bold" if header else style if spec.styled else ""
            if painted:
                padded = [paint(p, painted) if t else p for p, t in zip(padded, lines, strict=True)]
            columns.append(padded + [" " * width] * (height - len(lines)))
        return [f"{bar} " + f" {bar} ".join(p) + f" {bar}" for p in zip(*columns, strict=True)]

    lines = [rule(), *row_lines([s.header for s in specs], "", header=True)]
    for cells, style in zip(rows, styles, strict=True):
        lines += [rule(), *row_lines(cells, style, header=False)]
    return [*lines, rule()]


@given(
    st.lists(st.tuples(CELL, CELL, TITLE, st.sampled_from(["", "bold red"])), max_size=12),
    st.integers(1, 12),
    st.integers(1, 30),
    st.booleans(),
)
def test_a_table_is_drawn_as_row_by_row(
    rows: list[tuple[str, str, str, str]], short: int, long: int, colour: bool
) -> None:
    specs = [Spec("Статус", styled=True), Spec("No.", right=True), Spec("Title", ratio=1)]
    cells = [[a, b, c] for a, b, c, _ in rows]
    styles = [style for *_, style in rows]
    widths = [short, short, long]
    paint = painter(colour) if colour else no_paint
    expected = drawn_row_by_row(specs, cells, styles, widths, paint)
    assert boxed(specs, cells, styles, widths, ASCII, paint) == expected


def test_a_table_of_one_column_and_of_no_rows() -> None:
    one = [Spec("A")]
    assert boxed(one, [["x"], ["y z"]], ["", ""], [1], ASCII) == [
        "+---+",
        "| A |",
        "+---+",
        "| x |",
        "+---+",
        "| y |",
        "| z |",
        "+---+",
    ]
    assert boxed(SPECS, [], [], [7, 3, 20], ASCII) == [
        "+---------+-----+----------------------+",
        "| Status  | No. | Title                |",
        "+---------+-----+----------------------+",
    ]
    assert column_widths(one, [["x"], ["y z"]], 10) == [3]
