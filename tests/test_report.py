"""`plan report`: the publishable progress report, golden Markdown and a structural HTML test.

``UPDATE_GOLDEN=1 pytest tests/test_report.py`` rewrites tests/golden/report/*.md: review every
changed golden by eye (the counts, one table per agency, the overdue with their days, the done
with their evidence).
"""

from __future__ import annotations

import json
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from conftest import TESTS, check_golden, run

GOLDEN = TESTS / "golden" / "report"
PROGRESS = GOLDEN / "records.yaml"
STATUSES_EN = {
    "overdue": "overdue",
    "due": "due",
    "in_progress": "in progress",
    "ongoing": "ongoing",
    "upcoming": "upcoming",
    "undated": "undated",
    "done": "done",
    "cancelled": "cancelled",
}


def report(*args: str) -> str:
    result = run("report", "--progress", str(PROGRESS), *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("en-2018-07-01.md", ("--lang", "en", "--as-of", "2018-07-01")),
        ("ru-2018-07-01.md", ("--lang", "ru", "--as-of", "2018-07-01")),
    ],
)
def test_markdown_golden(name: str, args: tuple[str, ...]) -> None:
    check_golden(GOLDEN / name, report("--format", "markdown", *args))


def due_all_counts(as_of: str) -> Counter[str]:
    result = run("due", "--all", "--format", "json", "--as-of", as_of, "--progress", str(PROGRESS))
    assert result.exit_code == 0, result.output
    return Counter(item["status"] for item in json.loads(result.stdout)["items"])


VOID = frozenset({"meta", "br", "hr", "img", "link", "input", "source", "wbr"})


class Outline(HTMLParser):
    """What the structure test looks at: headings, tables, links, sources, scripts, styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.tables: list[dict[str, Any]] = []
        self.links: list[str] = []
        self.sources: list[str] = []
        self.tags: Counter[str] = Counter()
        self.text: list[str] = []
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.section_classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags[tag] += 1
        if tag not in VOID:
            self.stack.append(tag)
        if tag in ("h1", "h2", "h3"):
            self.text = []
        if tag == "table":
            self.tables.append({"class": attributes.get("class"), "rows": []})
        if tag == "tr":
            self.row = []
        if tag in ("td", "th"):
            self.cell = []
        if tag == "section":
            self.section_classes.append(attributes.get("class") or "")
        if "href" in attributes:
            self.links.append(attributes["href"] or "")
        if "src" in attributes:
            self.sources.append(attributes["src"] or "")

    def handle_endtag(self, tag: str) -> None:
        self.stack.pop()
        if tag in ("h1", "h2", "h3"):
            self.headings.append((tag, "".join(self.text)))
        if tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row.append("".join(self.cell))
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.tables[-1]["rows"].append(self.row)
            self.row = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)


def outline(text: str) -> Outline:
    parser = Outline()
    parser.feed(text)
    parser.close()
    assert parser.stack == [], "unclosed elements"
    return parser


@pytest.mark.parametrize("as_of", ["2018-07-01", "2017-01-01", "2020-03-01"])
def test_html_structure(as_of: str) -> None:
    text = report("--format", "html", "--lang", "en", "--as-of", as_of)
    assert text.startswith('<!DOCTYPE html>\n<html lang="en">')
    page = outline(text)
    # one standalone document: styles inline, nothing fetched, nothing run
    assert page.tags["style"] == 1 and page.tags["script"] == 0 and page.tags["link"] == 0
    assert page.tags["img"] == 0 and page.tags["iframe"] == 0
    assert page.sources == []
    assert "@media print" in text and "@import" not in text and "url(" not in text
    # the only links are the progress file's evidence URLs
    assert page.links in (
        [],
        ["https://example.org/mvd/indicators-2017", "https://example.org/mvd/report-2017h1.pdf"],
    )
    # headings: the title, then the sections in order, an h3 per agency
    h2 = [text for tag, text in page.headings if tag == "h2"]
    assert [tag for tag, _ in page.headings].count("h1") == 1
    assert h2 == [
        "Obligations by status",
        "By agency",
        "Overdue obligations",
        "Completed obligations",
        "Reporting obligations",
    ]
    agencies = [text for tag, text in page.headings if tag == "h3"]
    assert agencies == [
        # agencies by their Latin aliases in English, as every other English output writes them
        "GP: Prosecutor General's Office of the Republic of Kazakhstan",
        "MVD: Ministry of Internal Affairs of the Republic of Kazakhstan",
        "MF: Ministry of Finance of the Republic of Kazakhstan",
        "MON: Ministry of Education and Science of the Republic of Kazakhstan",
        "MZ: Ministry of Healthcare of the Republic of Kazakhstan",
        "MTSZN: Ministry of Labour and Social Protection of the Population of the Republic of "
        "Kazakhstan",
        "MNE: Ministry of National Economy of the Republic of Kazakhstan",
        "NPO: non-governmental organisations",
        "AKIMATS: Akimats (local executive bodies) of the regions and of the cities of Astana "
        "and Almaty",
        "Half-yearly information to MVD: by agency",  # each agency's share, once
    ]
    agency_tables = [t for t in page.tables if t["class"] == "agency"]
    assert len(agency_tables) == len(agencies) - 1  # one table per agency
    for table in agency_tables:  # measures only: the reports are in their own section
        assert all(row[0].isdigit() for row in table["rows"][1:])
    # the pictures come first, inline, with their text searchable
    assert page.tags["svg"] == 2
    assert text.index("<svg") < text.index('<table class="headline"')
    # the headline counts are those of `plan due --all`
    headline = next(t for t in page.tables if t["class"] == "headline")
    assert headline["rows"][0] == ["Status", "Count"]
    counts = {row[0]: int(row[1]) for row in headline["rows"][1:]}
    expected = due_all_counts(as_of)
    assert counts == {
        **{STATUSES_EN[status]: expected.get(status, 0) for status in STATUSES_EN},
        "Total": sum(expected.values()),
    }
    assert sum(expected.values()) == 38


def test_html_tables_hold_the_facts() -> None:
    page = outline(report("--format", "html", "--lang", "en", "--as-of", "2018-07-01"))
    overdue = next(t for t in page.tables if t["class"] == "overdue")
    assert overdue["rows"][0] == ["No.", "Obligation", "Responsible", "Deadline", "Days overdue"]
    assert overdue["rows"][1][0] == "2"  # measure 1 was done: measure 2 is the oldest
    assert overdue["rows"][1][4] == "457"
    assert overdue["rows"][1][2] == "MVD"  # the lead by its Latin alias, as plan due writes it
    assert [row[0] for row in overdue["rows"][1:]].count("19") == 1  # in progress, yet overdue
    completed = next(t for t in page.tables if t["class"] == "completed")
    assert completed["rows"][1:] == [
        [
            "1",
            "Develop a mechanism for calculating the indicators of the implementation of the "
            "Comprehensive Strategy for the social rehabilitation of citizens released from "
            "places of deprivation of liberty and registered with the probation service, in "
            "the Republic of Kazakhstan for 2017 – 2019",
            "20 March 2017",
            "0",
            "https://example.org/mvd/indicators-2017",
        ],
        [
            "",
            "Information to MVD on the Plan's implementation for H1 2017",
            "7 July 2017",
            "0",
            "https://example.org/mvd/report-2017h1.pdf",
        ],
        [
            "5",
            "Work out a mechanism for registering a convicted person after release at the "
            "place of permanent or temporary residence",
            "1 August 2017",
            "32",
            "Joint protocol decision No. 12 of 1 August 2017",
        ],
    ]
    reporting = next(t for t in page.tables if t["class"] == "reporting")
    assert len(reporting["rows"]) == 1 + 8  # six half-yearly, the evaluation, the consolidated
    assert reporting["rows"][2] == [
        "Information to MVD on the Plan's implementation for H2 2017",
        "GP, MF, MON, MZ, MTSZN, MNE, AKIMATS",
        "10 January 2018",
        "overdue172 days",
    ]
    shares = next(t for t in page.tables if t["class"] == "shares")
    assert shares["rows"][0] == [
        "Agency", "H1 2017", "H2 2017", "H1 2018", "H2 2018", "H1 2019", "H2 2019",
    ]  # fmt: skip
    assert [row[0] for row in shares["rows"][1:]] == [
        "GP", "MF", "MON", "MZ", "MTSZN", "MNE", "AKIMATS",
    ]  # fmt: skip
    assert shares["rows"][5][1:4] == ["done", "overdue172 days", "due"]


def test_html_escapes_what_the_progress_file_says(tmp_path: Path) -> None:
    progress = tmp_path / "progress.yaml"
    progress.write_text(
        "schema_version: 1\nrecords:\n"
        '- measure: 2\n  status: done\n  on: 2017-03-01\n  evidence: "<script>alert(1)</script>"\n'
        "- measure: 3\n  status: done\n  on: 2017-03-01\n"
        '  evidence: "javascript:alert(1)"\n',
        encoding="utf-8",
    )
    result = run("report", "--format", "html", "--as-of", "2018-01-01", "--progress", str(progress))
    assert result.exit_code == 0
    page = outline(result.stdout)
    assert page.tags["script"] == 0
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout
    assert page.links == []  # only http(s) evidence becomes a link


def test_report_file_output(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    result = run("report", "--format", "html", "--as-of", "2018-07-01", "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert (
        target.read_text(encoding="utf-8")
        == run("report", "--format", "html", "--as-of", "2018-07-01").stdout
    )


def test_unknown_format_is_a_usage_error() -> None:
    result = run("report", "--format", "pdf")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
