"""The browser harness (tests/browser.py) on pages whose print is known: a two-page A4 table,
and today's HTML report, printed by headless chromium and read back with poppler-utils."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser import (
    A4_PORTRAIT,
    BrowserError,
    pdf_pages,
    pdf_text,
    png_size,
    print_to_pdf,
    screenshot,
)
from conftest import run

ROWS = 40
ROW = "<tr><td>{n}</td><td>Мера номер {n}</td><td>01.07.2018</td></tr>"
# Rows of a fixed height on A4 with 15 mm margins: 25 rows and the header fill a page, so 40
# rows take exactly two pages, the header repeated on the second.
TABLE_PAGE = f"""<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Проверка печати</title>
<style>
@page {{ size: A4; margin: 15mm; }}
body {{ margin: 0; font: 12pt sans-serif; }}
table {{ width: 100%; border-collapse: collapse; }}
thead {{ display: table-header-group; }}
tr {{ height: 10mm; break-inside: avoid; }}
th, td {{ border: 1px solid #000; padding: 0 2mm; text-align: left; }}
</style></head>
<body><table>
<thead><tr><th>№ п/п</th><th>Мероприятие</th><th>Срок</th></tr></thead>
<tbody>
{"".join(ROW.format(n=n) for n in range(1, ROWS + 1))}
</tbody></table></body></html>
"""


@pytest.fixture(scope="module")
def table_pdf(browser: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-page table, printed once for the module's tests."""
    directory = tmp_path_factory.mktemp("table")
    html = directory / "table.html"
    html.write_text(TABLE_PAGE, encoding="utf-8")
    pdf = directory / "table.pdf"
    print_to_pdf(html, pdf)
    return pdf


def test_the_table_prints_on_two_a4_portrait_pages(table_pdf: Path) -> None:
    assert [page.size_mm for page in pdf_pages(table_pdf)] == [A4_PORTRAIT, A4_PORTRAIT]


def test_pdftotext_reads_every_row_and_the_header_on_each_page(table_pdf: Path) -> None:
    pages = pdf_text(table_pdf).split("\f")
    assert pages[-1] == ""  # pdftotext ends every page, the last one too, with a form feed
    rows_per_page = []
    for page in pages[:-1]:
        lines = [line.split() for line in page.splitlines() if line.strip()]
        assert lines[0] == ["№", "п/п", "Мероприятие", "Срок"]  # the header, on each page
        rows_per_page.append(lines[1:])
    expected = [[str(n), "Мера", "номер", str(n), "01.07.2018"] for n in range(1, ROWS + 1)]
    assert rows_per_page == [expected[:25], expected[25:]]


def test_pdf_text_without_layout_reads_the_same_words(table_pdf: Path) -> None:
    assert pdf_text(table_pdf, layout=False).split() == pdf_text(table_pdf).split()


def test_a_screenshot_has_the_requested_size(browser: str, tmp_path: Path) -> None:
    svg = tmp_path / "picture.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100">'
        '<text x="10" y="50">Срок</text></svg>',
        encoding="utf-8",
    )
    png = tmp_path / "picture.png"
    screenshot(svg, png, 640, 360)
    assert png_size(png) == (640, 360)


def test_todays_html_report_prints_with_its_title(browser: str, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    result = run(
        "report", "--format", "html", "--lang", "ru", "--as-of", "2018-07-01", "-o", f"{html}"
    )
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "report.pdf"
    print_to_pdf(html, pdf)
    words = " ".join(pdf_text(pdf).split())
    assert "Ход исполнения Плана мероприятий (постановление Правительства РК № 912)" in words


def test_a_page_chromium_cannot_print_fails_with_its_reason(browser: str, tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    with pytest.raises(BrowserError, match=r"chromium exited \d+ without writing .*out\.pdf"):
        print_to_pdf(missing, tmp_path / "out.pdf")


def test_a_file_that_is_not_a_pdf_fails_with_pdfinfos_message(browser: str, tmp_path: Path) -> None:
    not_pdf = tmp_path / "not.pdf"
    not_pdf.write_text("plain text", encoding="utf-8")
    with pytest.raises(BrowserError, match=r"pdfinfo .* exited 1:\n.*"):
        pdf_pages(not_pdf)


def test_a_file_that_is_not_a_png_is_named(tmp_path: Path) -> None:
    not_png = tmp_path / "not.png"
    not_png.write_bytes(b"GIF89a" + bytes(30))
    with pytest.raises(BrowserError, match=r"not\.png is not a PNG file"):
        png_size(not_png)
