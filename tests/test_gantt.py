"""The Gantt chart (gantt.py, plain SVG from svg.py): every row's number and full title as
searchable text, a bar per period, a marker per deadline in its status's shape, the as-of line
over the bars, a legend, every quarter; cut into pages for print."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import PLAN, TESTS, run
from reintegration_plan.gantt import COMPACT, FULL, gantt_pages, gantt_svg
from reintegration_plan.loader import load_plan
from reintegration_plan.progress import load_records
from reintegration_plan.svg import LOOKS, marker, text_width, wrap
from reintegration_plan.timeline import Timeline, build_timeline

SVG = "{http://www.w3.org/2000/svg}"
PROGRESS = TESTS / "golden" / "report" / "records.yaml"


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    plan = load_plan(PLAN)
    return build_timeline(plan, load_records(PROGRESS, plan)[0], dt.date(2018, 7, 1))


def texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text")]


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_title_is_whole_text(timeline: Timeline, lang: str) -> None:
    svg = gantt_svg(timeline, lang)  # type: ignore[arg-type]
    words = " ".join(texts(svg))
    for row in timeline.rows:
        o = row.obligation
        if o.kind == "measure":
            title = o.title_ru if lang == "ru" else o.title_en
            assert title is not None and title in words, o.id
    numbers = [t for t in texts(svg) if t.isdigit() and len(t) <= 2]
    assert numbers[:30] == [str(n) for n in range(1, 31)]


def test_the_axis_has_every_quarter(timeline: Timeline) -> None:
    words = texts(gantt_svg(timeline, "ru"))
    assert [w for w in words if w.endswith("кв.")] == [
        "I кв.",
        "II кв.",
        "III кв.",
        "IV кв.",
    ] * 3 + ["I кв."]
    assert [w for w in words if re.fullmatch(r"20\d\d", w)] == ["2017", "2018", "2019", "2020"]


def test_a_marker_per_deadline_in_its_statuss_shape(timeline: Timeline) -> None:
    svg = gantt_svg(timeline, "en")
    body = svg.split('class="as-of"')[0]
    # overdue: 17 triangles in the rows (and one in the legend), drawn in the status's colour
    overdue = LOOKS["overdue"].colour
    assert body.count(f'fill="{overdue}" stroke="{overdue}"') == 17 + 1
    done = LOOKS["done"].colour
    assert body.count(f'fill="{done}" stroke="{done}"') == 3 + 1
    assert "no date in the act" in texts(svg)  # the undated row says so


def test_the_as_of_line_is_drawn_over_the_bars(timeline: Timeline) -> None:
    svg = gantt_svg(timeline, "en")
    last_bar = max(m.start() for m in re.finditer(r'<rect [^>]*stroke-width="0.75"', svg))
    assert svg.index('class="as-of"') > last_bar


def test_the_legend_tells_in_progress_from_ongoing(timeline: Timeline) -> None:
    words = texts(gantt_svg(timeline, "ru"))
    assert "в работе (начата, по записи о ходе исполнения)" in words
    assert "выполняется (срок — период, он идет)" in words


def test_the_compact_chart_names_reports_and_has_no_titles(timeline: Timeline) -> None:
    svg = gantt_svg(timeline, "ru", COMPACT)
    words = texts(svg)
    assert "Отчет за 1 полугодие 2018 г." in words
    assert timeline.rows[0].obligation.title_ru not in " ".join(words)
    assert 'width="700"' in svg


def test_pages_hold_every_row_once_and_fit(timeline: Timeline) -> None:
    pages = gantt_pages(timeline, "en", 680)
    assert len(pages) == 3
    heights = [float(re.search(r'height="([\d.]+)"', page).group(1)) for page in pages]  # type: ignore[union-attr]
    assert all(h <= 680 for h in heights)
    numbers = [t for page in pages for t in texts(page) if t.isdigit() and len(t) <= 2]
    assert numbers == [str(n) for n in range(1, 31)]
    assert all("Q1" in texts(page) for page in pages)  # the axis on each page
    single = gantt_pages(timeline, "en", 10)  # a row taller than the page: a page each
    assert len(single) == len(timeline.rows)
    assert FULL.width == 1040


def test_wrap_keeps_lines_within_the_width() -> None:
    text = "Разработать механизм расчета индикаторов по реализации Комплексной стратегии"
    lines = wrap(text, 150, 10)
    assert " ".join(lines) == text
    assert all(text_width(line, 10) <= 150 for line in lines)
    long_word = wrap("Я" * 40, 50, 10)  # a word wider than the line is broken
    assert "".join(long_word) == "Я" * 40
    assert all(text_width(line, 10) <= 50 for line in long_word) and len(long_word) == 7
    assert wrap("", 100, 10) == [""]
    assert text_width("Ж", 10, bold=True) > text_width("Ж", 10)
    assert text_width("☃", 10) == 10  # an unknown character is an em wide


@pytest.mark.parametrize("status", sorted(LOOKS))
def test_every_status_has_a_marker(status: str) -> None:
    drawn = marker(status, 10, 10, 5)
    assert drawn.startswith(("<path", "<circle"))
    assert LOOKS[status].colour in drawn


def many_plans(command: str, out: Path) -> str:
    """``plan COMMAND`` in Russian of 912 with the three plans of tests/fixtures/plans (their
    quarters run from 2017 to 2028) as of 1 July 2018, written to ``out``: its text."""
    plans = str(TESTS / "fixtures" / "plans")
    result = run(
        command, "--plan", str(PLAN), "--plans", plans, "--as-of", "2018-07-01",
        "--lang", "ru", "--svg" if command == "timeline" else "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_many_years_quarters_are_numbers_that_do_not_overlap(tmp_path: Path) -> None:
    """45 quarters: "III кв." ran into its neighbours ("I кв.II кв.III кв."), and the last
    year's "2028", over one quarter, into "2027"; now the quarter's number alone, and a year
    with no room for its name is left to its line."""
    root = ET.fromstring(many_plans("timeline", tmp_path / "t.svg"))
    axis = [(t.text or "", float(t.get("x", 0))) for t in root.iter(f"{SVG}text")]
    axis = axis[[w for w, _ in axis].index("2017") :]
    axis = axis[: [w for w, _ in axis].index("Обязательство")]
    assert [w for w, _ in axis if re.fullmatch(r"20\d\d", w)] == [
        str(year) for year in range(2017, 2028)
    ]
    quarters = [(w, x) for w, x in axis if w in {"1", "2", "3", "4"}]
    assert [w for w, _ in quarters] == ["1", "2", "3", "4"] * 11 + ["1"]
    assert len(quarters) + 11 == len(axis)  # nothing else on the axis: no "кв." left
    gaps = [b - a for (_, a), (_, b) in itertools.pairwise(quarters)]
    assert min(gaps) > text_width("4", 10) + 2  # each digit clear of the next


def test_the_compact_chart_tells_a_plans_reports_apart_by_period(tmp_path: Path) -> None:
    """With several plans the report's rows read "№ 912: Отчет за 1 полугодие 20…" six times
    over; the period now comes first, so the cut never takes it."""
    page = many_plans("report", tmp_path / "r.html")
    rows = re.findall(r">(№ 912: [^<]*Отчет[^<]*)<", page)
    assert rows == [
        "№ 912: 1 пол. 2017: Отчет за 1 п…",
        "№ 912: 2 пол. 2017: Отчет за 2 п…",
        "№ 912: 1 пол. 2018: Отчет за 1 п…",
        "№ 912: 2 пол. 2018: Отчет за 2 п…",
        "№ 912: 1 пол. 2019: Отчет за 1 п…",
        "№ 912: 2 пол. 2019: Отчет за 2 п…",
    ]


def test_the_compact_chart_tells_a_measures_deadlines_apart_by_date(tmp_path: Path) -> None:
    """№ 991's measures fall due once per column of the act; the columns' long headings were
    cut, and two rows of each measure read "№ 991: 1 (Срок представлен…" alike."""
    page = many_plans("report", tmp_path / "r.html")
    rows = re.findall(r">(№ 991: [12](?: \([^<]*)?)<", page)
    assert rows == [
        "№ 991: 1",
        "№ 991: 1 (01.01.2022)",
        "№ 991: 1 (28.02.2022)",
        "№ 991: 2",
        "№ 991: 2 (01.01.2022)",
        "№ 991: 2 (28.02.2022)",
    ]


def test_a_chart_of_several_plans_is_titled_for_them(tmp_path: Path) -> None:
    """The report said "Ход исполнения планов мероприятий (4 плана)", the timeline of the same
    rows "График исполнения Плана мероприятий", as if of one plan."""
    root = ET.fromstring(many_plans("timeline", tmp_path / "t.svg"))
    assert root.findtext(f"{SVG}title") == (
        "График исполнения планов мероприятий (4 плана) по состоянию на 1 июля 2018 года"
    )
    html = tmp_path / "t.html"
    plans = str(TESTS / "fixtures" / "plans")
    result = run(
        "timeline", "--plan", str(PLAN), "--plans", plans, "--as-of", "2018-07-01",
        "--lang", "en", "--plan-id", "912", "--html", str(html),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert re.findall(r"<title>([^<]*)</title>", html.read_text(encoding="utf-8"))[0] == (
        "Timeline of the Plan of Measures as of 1 July 2018"
    )
