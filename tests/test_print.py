"""The report and the timeline as printed by a real browser (headless chromium, tests/browser.py):
A4 pages, the page numbers and running heads in each page's margin, every measure number and
the last quarter in the PDF's text, nothing past the right margin, dates whole, evidence once,
the status colours kept in print."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import (
    A4_LANDSCAPE,
    A4_PORTRAIT,
    Word,
    pdf_page_pixels,
    pdf_pages,
    pdf_text,
    pdf_words,
    png_size,
    print_to_pdf,
    screenshot,
)
from conftest import TESTS, run

PROGRESS = TESTS / "golden" / "report" / "records.yaml"
AS_OF = "2018-07-01"
REPORT_MARGIN_MM = (15, 12)  # left, right: the report's @page
TIMELINE_MARGIN_MM = (10, 10)
SLACK_MM = 1.0  # a glyph's box may reach a little past the last pixel drawn


def printed(
    tmp_path_factory: pytest.TempPathFactory, command: str, lang: str, *args: str
) -> tuple[Path, Path]:
    directory = tmp_path_factory.mktemp(f"{command}-{lang}")
    page = directory / f"{command}.html"
    result = run(
        command, "--lang", lang, "--as-of", AS_OF, "--progress", str(PROGRESS), *args, str(page)
    )
    assert result.exit_code == 0, result.output
    pdf = directory / f"{command}.pdf"
    print_to_pdf(page, pdf)
    return page, pdf


@pytest.fixture(scope="module", params=["ru", "en"])
def report_pdf(
    request: pytest.FixtureRequest, browser: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, Path]:
    lang = request.param
    page, pdf = printed(tmp_path_factory, "report", lang, "--format", "html", "-o")
    return lang, page, pdf


@pytest.fixture(scope="module", params=["ru", "en"])
def timeline_pdf(
    request: pytest.FixtureRequest, browser: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path, Path]:
    lang = request.param
    page, pdf = printed(tmp_path_factory, "timeline", lang, "--html")
    return lang, page, pdf


def words_of(pdf: Path) -> list[str]:
    return pdf_text(pdf, layout=False).split()


def beyond_the_margin(pages: list[list[Word]], width_mm: float, right_mm: float) -> list[str]:
    return [w.text for page in pages for w in page if w.right > width_mm - right_mm + SLACK_MM]


# --- the report ---------------------------------------------------------------------------


def test_the_report_prints_on_a4_portrait(report_pdf: tuple[str, Path, Path]) -> None:
    _, _, pdf = report_pdf
    sizes = [page.size_mm for page in pdf_pages(pdf)]
    assert 5 <= len(sizes) <= 12
    assert set(sizes) == {A4_PORTRAIT}


def line_text(words: list[Word]) -> str:
    """Words on a line, left to right."""
    return " ".join(w.text for w in sorted(words, key=lambda w: w.left))


def column_text(words: list[Word], left: float, right: float) -> str:
    """The words whose left edge lies between LEFT and RIGHT (mm), top to bottom, each line
    left to right: a table column's text, its wrapped lines joined."""
    inside = [w for w in words if left <= w.left < right]
    return " ".join(w.text for w in sorted(inside, key=lambda w: (round(w.top), w.left)))


def test_each_page_has_the_title_date_and_its_number(report_pdf: tuple[str, Path, Path]) -> None:
    lang, _, pdf = report_pdf
    pages = pdf_words(pdf)
    head = {
        "ru": (
            "Ход исполнения Плана мероприятий (постановление № 912)",
            "По состоянию на 1 июля 2018 года",
        ),
        "en": ("Progress of the Plan of Measures (Resolution No. 912)", "As of 1 July 2018"),
    }[lang]
    page_word, of = {"ru": ("Страница", "из"), "en": ("Page", "of")}[lang]
    for number, words in enumerate(pages, start=1):
        top = line_text([w for w in words if w.bottom < 16])  # in the top margin
        bottom = line_text([w for w in words if w.top > A4_PORTRAIT[1] - 16])
        assert top == f"{head[0]} {head[1]}"
        assert bottom == f"{page_word} {number} {of} {len(pages)}"


def test_every_measure_number_and_the_last_quarter_are_printed(
    report_pdf: tuple[str, Path, Path],
) -> None:
    lang, _, pdf = report_pdf
    first_page = pdf_words(pdf)[0]
    numbers = {w.text for w in first_page}  # the timeline on the first page
    assert {str(n) for n in range(1, 31)} <= numbers
    assert "2020" in numbers
    assert ("I" if lang == "ru" else "Q1") in numbers


def test_nothing_is_printed_past_the_right_margin(report_pdf: tuple[str, Path, Path]) -> None:
    _, _, pdf = report_pdf
    assert beyond_the_margin(pdf_words(pdf), A4_PORTRAIT[0], REPORT_MARGIN_MM[1]) == []


def test_dates_are_never_broken(report_pdf: tuple[str, Path, Path]) -> None:
    lang, page, pdf = report_pdf
    html = page.read_text(encoding="utf-8")
    text = " ".join(words_of(pdf))
    if lang == "ru":
        dates = set(re.findall(r"\b\d\d\.\d\d\.\d{4}\b", html))
        assert len(dates) >= 15
        assert all(date in text for date in dates)
        assert not re.search(r"\b\d\d\.\d\d\.?(\s|$)", text)  # no date cut after its month
    else:
        months = (
            "January|February|March|April|May|June|July|August|September|October|November|December"
        )
        dates = set(re.findall(rf"\b\d{{1,2}} (?:{months}) \d{{4}}\b", html))
        assert len(dates) >= 15
        layout = pdf_text(pdf)
        for date in dates:  # each on one line of the laid-out text
            assert any(date in " ".join(line.split()) for line in layout.splitlines()), date


def test_evidence_is_printed_once_and_wraps_inside_its_cell(
    report_pdf: tuple[str, Path, Path],
) -> None:
    _, _, pdf = report_pdf
    pages = pdf_words(pdf)
    for url in (
        "https://example.org/mvd/indicators-2017",
        "https://example.org/mvd/report-2017h1.pdf",
    ):
        starts = [
            (n, w) for n, page in enumerate(pages) for w in page if w.text.startswith(url[:30])
        ]
        assert len(starts) == 1, url  # printed once: no link target repeated after it
        ((n, start),) = starts
        next_line = [
            w for w in pages[n] if abs(w.left - start.left) < 1 and 1 < w.top - start.top < 5
        ]
        assert start.text + "".join(w.text for w in next_line[:1]) == url
        assert start.right < A4_PORTRAIT[0] - REPORT_MARGIN_MM[1]


def test_status_colours_are_kept_in_print(report_pdf: tuple[str, Path, Path]) -> None:
    _, _, pdf = report_pdf
    pixels = pdf_page_pixels(pdf, 1)
    red = sum(1 for r, g, b in pixels if r > 150 and g < 100 and b < 100)
    blue = sum(1 for r, g, b in pixels if b > 150 and r < 120 and g < 180)
    assert red > 50 and blue > 50  # the overdue and the ongoing, in the pictures


def test_the_report_opens_with_its_pictures(report_pdf: tuple[str, Path, Path]) -> None:
    lang, _, pdf = report_pdf
    first = " ".join(pdf_text(pdf, layout=False).split("\f")[0].split())
    legend = {"ru": "в работе (начата, по записи о ходе исполнения)", "en": "in progress (started"}
    assert legend[lang] in first  # the timeline's legend tells in progress from ongoing
    assert {"ru": "Отчет за 2 полугодие 2019 г.", "en": "Report for H2 2019"}[lang] in first


# --- the timeline -------------------------------------------------------------------------


def test_the_timeline_prints_on_a4_landscape(timeline_pdf: tuple[str, Path, Path]) -> None:
    _, _, pdf = timeline_pdf
    sizes = [page.size_mm for page in pdf_pages(pdf)]
    assert len(sizes) == 3
    assert set(sizes) == {A4_LANDSCAPE}


def test_the_timeline_holds_every_row_and_every_quarter(
    timeline_pdf: tuple[str, Path, Path],
) -> None:
    lang, _, pdf = timeline_pdf
    pages = pdf_words(pdf)
    numbers = [w.text for page in pages for w in page if w.left < TIMELINE_MARGIN_MM[0] + 10]
    assert [n for n in numbers if n.isdigit()] == [str(n) for n in range(1, 31)]
    text = " ".join(pdf_text(pdf, layout=False).split())
    quarter = {"ru": "I кв.", "en": "Q1"}[lang]
    for page in pdf_text(pdf, layout=False).split("\f")[:-1]:  # the axis on every page
        flat = " ".join(page.split())
        assert all(str(year) in flat for year in (2017, 2018, 2019, 2020))
    last_column = [w for page in pages[:1] for w in page if w.text in ("2020", quarter.split()[0])]
    assert max(w.right for w in last_column) < A4_LANDSCAPE[0] - TIMELINE_MARGIN_MM[1]
    titles = " ".join(column_text(page, 20, 137) for page in pages)
    full = {
        "ru": "Размещать в средствах массовой информации и ведомственном сайте МВД отчеты о ходе "
        "исполнения Плана мероприятий по реализации Комплексной стратегии социальной "
        "реабилитации граждан, освободившихся из мест лишения свободы и находящихся на учете "
        "службы пробации, в Республике Казахстан на 2017 – 2019 годы",
        "en": "Publish in the mass media and on the MVD departmental website reports on the "
        "progress of the Plan of Measures for implementing the Comprehensive Strategy for the "
        "social rehabilitation of citizens released from places of deprivation of liberty and "
        "registered with the probation service, in the Republic of Kazakhstan for 2017 – 2019",
    }
    assert full[lang] in titles  # the longest title, whole
    assert {"ru": "Страница 3 из 3", "en": "Page 3 of 3"}[lang] in text


def test_the_timeline_has_nothing_past_the_right_margin(
    timeline_pdf: tuple[str, Path, Path],
) -> None:
    _, _, pdf = timeline_pdf
    assert beyond_the_margin(pdf_words(pdf), A4_LANDSCAPE[0], TIMELINE_MARGIN_MM[1]) == []


def test_the_svg_shows_in_a_browser(browser: str, tmp_path: Path) -> None:
    svg = tmp_path / "timeline.svg"
    result = run("timeline", "--lang", "ru", "--as-of", AS_OF, "--svg", str(svg))
    assert result.exit_code == 0
    png = tmp_path / "timeline.png"
    screenshot(svg, png, 1040, 1800)
    assert png_size(png) == (1040, 1800)
