"""Fidelity of the data files to the act's official Russian text.

``data/source/resolution_912_2016-12-29.txt`` is parsed here by a small parser of
its own (nothing from ``src/`` and nothing taken from the YAML), and every text the
YAML quotes is compared with it character for character. The structured fields
(lead, by_agreement, deadline, forms, costs, dates and numbers of the acts) are then
checked against what the source text says in the simple ways it makes checkable.

The YAML is loaded with ``yaml.BaseLoader`` so that nothing is converted: every
scalar is compared as the string written in the file.

Layout of the source file: one paragraph per line; table cells end with " |" and
several cells may share a line ("cell | cell |").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).parents[1]
SOURCE = ROOT / "data" / "source" / "resolution_912_2016-12-29.txt"
PLAN = ROOT / "data" / "plan_2017_2019.yaml"
ABBREVIATIONS = ROOT / "data" / "abbreviations.yaml"

N_MEASURES = 30
N_GLOSSARY = 10

# The table's header, columns 1-6, exactly as the act writes it.
HEADERS = (
    "№ п/п",
    "Мероприятие",
    "Форма завершения",
    "Ответственные исполнители",
    "Сроки исполнения",
    "Предполагаемые расходы (тыс. тенге)",
)
# YAML field for each of columns 2-6.
COLUMNS = ("text", "form_text", "executors_text", "deadline_text", "costs_text")
COLUMN_HEADER = dict(zip(COLUMNS, HEADERS[1:], strict=True))

TABLE_NUMBERING = "1 | 2 | 3 | 4 | 5 | 6 |"
GLOSSARY_HEADING = "Примечание: расшифровка аббревиатур:"
GLOSSARY_DASH = "–"

# The one executor the table writes out in full instead of by a glossary code.
AKIMATS = "акиматы областей, городов Астаны и Алматы"
LEAD_MARK = "(созыв)"
AGREEMENT_MARK = "(по согласованию)"

MONTHS_GENITIVE = {
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
}


# --- the parser of the source -------------------------------------------------


class SourceFormatError(ValueError):
    pass


@dataclass(frozen=True)
class SubPoint:
    number: int
    text: str


@dataclass(frozen=True)
class Point:
    number: int
    text: str
    subpoints: tuple[SubPoint, ...]


@dataclass(frozen=True)
class Source:
    preamble: str
    points: tuple[Point, ...]
    signatory_position: str
    signatory_name: str
    approval_note: str
    plan_title: str
    footnote: str
    headers: tuple[str, ...]
    measure_numbers: tuple[int, ...]
    measures: dict[int, dict[str, str]]  # number -> YAML column name -> cell text
    glossary: tuple[tuple[str, str], ...]  # (code, expansion), in the act's order


def cells(line: str) -> list[str]:
    """The cells of a table line: "a | b |" -> ["a", "b"]."""
    if not line.endswith(" |"):
        raise SourceFormatError(f"not a table line (no trailing ' |'): {line!r}")
    return line[: -len(" |")].split(" | ")


def single_cell(line: str) -> str:
    found = cells(line)
    if len(found) != 1:
        raise SourceFormatError(f"expected one cell, got {len(found)}: {line!r}")
    return found[0]


def parse_source(text: str) -> Source:
    if "\r" in text or text.startswith("\ufeff"):
        raise SourceFormatError("expected LF line ends and no BOM")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    pos = 0

    def take() -> str:
        nonlocal pos
        if pos >= len(lines):
            raise SourceFormatError("unexpected end of the source")
        pos += 1
        return lines[pos - 1]

    preamble = take()
    if not preamble.endswith("ПОСТАНОВЛЯЕТ:"):
        raise SourceFormatError(f"first line is not the preamble: {preamble!r}")

    # Points "1. ..." with sub-points "1) ...".
    points: list[tuple[int, str, list[SubPoint]]] = []
    while pos < len(lines):
        if m := re.fullmatch(r"(\d+)\. (.+)", lines[pos]):
            points.append((int(m[1]), m[2], []))
        elif m := re.fullmatch(r"(\d+)\) (.+)", lines[pos]):
            if not points:
                raise SourceFormatError(f"sub-point before any point: {lines[pos]!r}")
            points[-1][2].append(SubPoint(int(m[1]), m[2]))
        else:
            break
        pos += 1

    signatory_position = single_cell(take())
    signatory_name = single_cell(take())
    approval_note = single_cell(take())

    plan_word = take()
    if plan_word != "План":
        raise SourceFormatError(f"expected 'План', got {plan_word!r}")
    plan_title = f"{plan_word} {take()}"

    footnote = take()
    if not footnote.startswith("Сноска. "):
        raise SourceFormatError(f"expected the footnote, got {footnote!r}")

    headers = tuple(single_cell(take()) for _ in HEADERS)
    numbering = take()
    if numbering != TABLE_NUMBERING:
        raise SourceFormatError(f"expected the column numbering, got {numbering!r}")

    table: list[str] = []
    while pos < len(lines) and lines[pos] != GLOSSARY_HEADING:
        table.extend(cells(take()))
    take()  # the glossary heading
    if len(table) % len(HEADERS):
        raise SourceFormatError(f"{len(table)} table cells is not a multiple of {len(HEADERS)}")

    measure_numbers: list[int] = []
    measures: dict[int, dict[str, str]] = {}
    for start in range(0, len(table), len(HEADERS)):
        row = table[start : start + len(HEADERS)]
        m = re.fullmatch(r"(\d+)\.", row[0])
        if not m:
            raise SourceFormatError(f"row does not start with a measure number: {row!r}")
        number = int(m[1])
        if number in measures:
            raise SourceFormatError(f"measure {number} appears twice")
        measure_numbers.append(number)
        measures[number] = dict(zip(COLUMNS, row[1:], strict=True))

    glossary: list[tuple[str, str]] = []
    while pos < len(lines):
        entry = cells(take())
        if len(entry) != 3 or entry[1] != GLOSSARY_DASH:
            raise SourceFormatError(f"not a glossary line: {entry!r}")
        glossary.append((entry[0], entry[2]))

    return Source(
        preamble=preamble,
        points=tuple(Point(n, t, tuple(subs)) for n, t, subs in points),
        signatory_position=signatory_position,
        signatory_name=signatory_name,
        approval_note=approval_note,
        plan_title=plan_title,
        footnote=footnote,
        headers=headers,
        measure_numbers=tuple(measure_numbers),
        measures=measures,
        glossary=tuple(glossary),
    )


@dataclass(frozen=True)
class ParsedExecutors:
    executors: list[dict[str, Any]]  # {agency, role, by_agreement}, in the act's order
    separators: list[str]  # what stands between consecutive agencies


def parse_executors(text: str, codes: list[str]) -> ParsedExecutors:
    """Split column 4 into agencies: codes (and the akimats group), each optionally
    followed by "(созыв)" (lead) and/or "(по согласованию)" (by agreement)."""
    names = sorted([AKIMATS, *codes], key=len, reverse=True)
    agency = re.compile(
        "(" + "|".join(map(re.escape, names)) + ")"
        rf"( {re.escape(LEAD_MARK)})?( {re.escape(AGREEMENT_MARK)})?(?=, | |$)"
    )
    found: list[tuple[str, bool, bool]] = []
    separators: list[str] = []
    pos = 0
    while True:
        m = agency.match(text, pos)
        if not m:
            raise SourceFormatError(f"unrecognised executor at {text[pos:]!r} in {text!r}")
        found.append((m[1], m[2] is not None, m[3] is not None))
        pos = m.end()
        if pos == len(text):
            break
        separator = ", " if text.startswith(", ", pos) else " "
        separators.append(separator)
        pos += len(separator)

    marked = [name for name, is_lead, _ in found if is_lead]
    if len(marked) > 1:
        raise SourceFormatError(f"more than one {LEAD_MARK} in {text!r}")
    if not marked and len(found) > 1:
        raise SourceFormatError(f"several executors and no {LEAD_MARK} in {text!r}")
    lead = marked[0] if marked else found[0][0]
    return ParsedExecutors(
        executors=[
            {"agency": name, "role": "lead" if name == lead else "co", "by_agreement": agreed}
            for name, _, agreed in found
        ],
        separators=separators,
    )


def parse_russian_date(text: str) -> str:
    """'8 декабря 2016 года' -> '2016-12-08' (the form the YAML writes)."""
    m = re.fullmatch(r"(\d{1,2}) (\w+) (\d{4}) года", text)
    if not m or m[2] not in MONTHS_GENITIVE:
        raise SourceFormatError(f"not a date: {text!r}")
    return f"{int(m[3]):04d}-{MONTHS_GENITIVE[m[2]]:02d}-{int(m[1]):02d}"


# --- fixtures -------------------------------------------------------------------


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


@pytest.fixture(scope="module")
def source() -> Source:
    return parse_source(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plan() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(PLAN)
    return data


@pytest.fixture(scope="module")
def abbreviations() -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = load_yaml(ABBREVIATIONS)["abbreviations"]
    return entries


@pytest.fixture(scope="module")
def plan_measures(plan: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The YAML's measures by their number as written (a string under BaseLoader)."""
    return {m["number"]: m for m in plan["measures"]}


def measure_params() -> list[Any]:
    return [
        pytest.param(n, column, id=f"measure-{n:02d}-{column}")
        for n in range(1, N_MEASURES + 1)
        for column in COLUMNS
    ]


def per_measure() -> list[Any]:
    return [pytest.param(n, id=f"measure-{n:02d}") for n in range(1, N_MEASURES + 1)]


def yaml_measure(plan_measures: dict[str, dict[str, Any]], number: int) -> dict[str, Any]:
    if str(number) not in plan_measures:
        pytest.fail(f"measure {number}: missing from {PLAN.name}")
    return plan_measures[str(number)]


def source_measure(source: Source, number: int) -> dict[str, str]:
    if number not in source.measures:
        pytest.fail(f"measure {number}: not in the source table")
    return source.measures[number]


# --- the texts, verbatim ----------------------------------------------------------


def test_source_layout(source: Source) -> None:
    assert source.headers == HEADERS
    assert [p.number for p in source.points] == [1, 2, 3, 4]
    assert len(source.glossary) == N_GLOSSARY


def test_measure_count_and_numbers(source: Source, plan: dict[str, Any]) -> None:
    expected = list(range(1, N_MEASURES + 1))
    assert list(source.measure_numbers) == expected, "source: measures are not numbered 1..30"
    numbers = [m["number"] for m in plan["measures"]]
    assert len(numbers) == N_MEASURES, f"{PLAN.name}: {len(numbers)} measures, expected 30"
    assert numbers == [str(n) for n in expected], f"{PLAN.name}: measures not numbered 1..30"


@pytest.mark.parametrize(("number", "column"), measure_params())
def test_measure_text_verbatim(
    source: Source, plan_measures: dict[str, dict[str, Any]], number: int, column: str
) -> None:
    expected = source_measure(source, number)[column]
    actual = yaml_measure(plan_measures, number).get(column)
    assert actual == expected, (
        f"measure {number}, column {column} ({COLUMN_HEADER[column]!r}) differs from the source:"
        f"\n  YAML:   {actual!r}\n  source: {expected!r}"
    )


def test_glossary_verbatim(source: Source, abbreviations: list[dict[str, Any]]) -> None:
    head = [(a["code"], a["expansion"]) for a in abbreviations[:N_GLOSSARY]]
    for i, (actual, expected) in enumerate(zip(head, source.glossary, strict=True), 1):
        assert actual == expected, (
            f"glossary entry {i}: YAML (code, expansion) {actual!r} != source {expected!r}"
        )


def test_in_glossary_flags(source: Source, abbreviations: list[dict[str, Any]]) -> None:
    flags = {a["code"]: a["in_glossary"] for a in abbreviations}
    bad = {code: flag for code, flag in flags.items() if flag not in ("true", "false")}
    assert not bad, f"in_glossary must be true or false: {bad}"
    in_glossary = [a["code"] for a in abbreviations if a["in_glossary"] == "true"]
    assert in_glossary == [code for code, _ in source.glossary]
    assert len(flags) == len(abbreviations), "duplicate codes in abbreviations.yaml"


@pytest.mark.parametrize(
    ("field", "get_yaml", "get_source"),
    [
        pytest.param(
            "preamble", lambda act: act["preamble"], lambda s: s.preamble, id="act-preamble"
        ),
        pytest.param(
            "signatory.position",
            lambda act: act["signatory"]["position"],
            lambda s: s.signatory_position,
            id="act-signatory-position",
        ),
        pytest.param(
            "signatory.name",
            lambda act: act["signatory"]["name"],
            lambda s: s.signatory_name,
            id="act-signatory-name",
        ),
        pytest.param(
            "approval_note",
            lambda act: act["approval_note"],
            lambda s: s.approval_note,
            id="act-approval-note",
        ),
        pytest.param(
            "plan_title", lambda act: act["plan_title"], lambda s: s.plan_title, id="act-plan-title"
        ),
        pytest.param(
            "footnote", lambda act: act["footnote"], lambda s: s.footnote, id="act-footnote"
        ),
    ],
)
def test_act_text_verbatim(
    source: Source, plan: dict[str, Any], field: str, get_yaml: Any, get_source: Any
) -> None:
    actual, expected = get_yaml(plan["act"]), get_source(source)
    assert actual == expected, (
        f"act.{field} differs from the source:\n  YAML:   {actual!r}\n  source: {expected!r}"
    )


def test_points_verbatim(source: Source, plan: dict[str, Any]) -> None:
    yaml_points = plan["points"]
    assert [p["number"] for p in yaml_points] == [str(p.number) for p in source.points]
    for point, yp in zip(source.points, yaml_points, strict=True):
        assert yp["text"] == point.text, (
            f"point {point.number}: YAML {yp['text']!r} != source {point.text!r}"
        )
        ysubs = yp.get("subpoints", [])
        assert [s["number"] for s in ysubs] == [str(s.number) for s in point.subpoints], (
            f"point {point.number}: sub-point numbers differ"
        )
        for sub, ys in zip(point.subpoints, ysubs, strict=True):
            assert ys["text"] == sub.text, (
                f"point {point.number}.{sub.number}: YAML {ys['text']!r} != source {sub.text!r}"
            )


# --- structured fields agree with the texts --------------------------------------


@pytest.mark.parametrize("number", per_measure())
def test_executors_match_source(
    source: Source, plan_measures: dict[str, dict[str, Any]], number: int
) -> None:
    text = source_measure(source, number)["executors_text"]
    expected = parse_executors(text, [code for code, _ in source.glossary]).executors
    actual = []
    for e in yaml_measure(plan_measures, number)["executors"]:
        flag = e.get("by_agreement", "false")
        assert flag in ("true", "false"), f"measure {number}: by_agreement {flag!r}"
        actual.append({"agency": e["agency"], "role": e["role"], "by_agreement": flag == "true"})
    assert actual == expected, (
        f"measure {number}, executors do not match column 4 {text!r}"
        f" (lead = the agency marked {LEAD_MARK} or the sole agency;"
        f" by_agreement where {AGREEMENT_MARK} follows the code)"
    )


def test_missing_comma_only_in_measure_21(source: Source) -> None:
    """The act omits one comma between executors (measure 21: "МТСЗН акиматы ...");
    the YAML splits it into two agencies. Flag any other such place."""
    codes = [code for code, _ in source.glossary]
    without_comma = [
        n
        for n in source.measure_numbers
        if " " in parse_executors(source.measures[n]["executors_text"], codes).separators
    ]
    assert without_comma == [21]


@pytest.mark.parametrize("number", per_measure())
def test_forms_match_source(
    source: Source, plan_measures: dict[str, dict[str, Any]], number: int
) -> None:
    text = source_measure(source, number)["form_text"]
    actual = yaml_measure(plan_measures, number)["forms"]
    assert actual == text.split(", "), f"measure {number}: forms do not match column 3 {text!r}"


@pytest.mark.parametrize("number", per_measure())
def test_deadline_matches_source(
    source: Source, plan_measures: dict[str, dict[str, Any]], number: int
) -> None:
    text = source_measure(source, number)["deadline_text"]
    if m := re.fullmatch(r"([1-4]) квартал (\d{4}) года?", text):  # "год": measures 9, 14
        expected = {"kind": "quarter", "year": m[2], "quarter": m[1]}
    elif m := re.fullmatch(r"(\d{4}) – (\d{4}) годы", text):
        expected = {"kind": "period", "first_year": m[1], "last_year": m[2]}
    else:
        pytest.fail(f"measure {number}: unrecognised deadline text {text!r}")
    actual = yaml_measure(plan_measures, number)["deadline"]
    assert actual == expected, f"measure {number}: deadline does not match column 5 {text!r}"


@pytest.mark.parametrize("number", per_measure())
def test_costs_match_source(
    source: Source, plan_measures: dict[str, dict[str, Any]], number: int
) -> None:
    text = source_measure(source, number)["costs_text"]
    if text != "не требуются":
        pytest.fail(f"measure {number}: unrecognised costs text {text!r}")
    actual = yaml_measure(plan_measures, number)["costs"]
    assert actual == {"required": "false"}, f"measure {number}: costs do not match {text!r}"


def test_executors_are_known_agencies(
    plan: dict[str, Any], abbreviations: list[dict[str, Any]]
) -> None:
    agencies = {a["code"] for a in abbreviations if a["executor"] == "true"}
    unknown = [
        (m["number"], e["agency"])
        for m in plan["measures"]
        for e in m["executors"]
        if e["agency"] not in agencies
    ]
    assert not unknown, f"(measure, agency) not an executor in abbreviations.yaml: {unknown}"


def test_act_identity_matches_source(source: Source, plan: dict[str, Any]) -> None:
    act = plan["act"]

    # "Утвержден постановлением Правительства ... от 29 декабря 2016 года № 912"
    m = re.fullmatch(
        r"Утвержден постановлением Правительства .+ от (.+ года) № (\d+)", source.approval_note
    )
    assert m, source.approval_note
    assert (act["kind"], act["number"], act["date"]) == (
        "resolution_of_government",
        m[2],
        parse_russian_date(m[1]),
    )

    # The preamble: 'В целях реализации Указа Президента ... от 8 декабря 2016 года № 387 "<title>"'
    m = re.fullmatch(
        r"В целях реализации Указа Президента .+? от (.+? года) № (\d+) \"(.+)\" .+",
        source.preamble,
    )
    assert m, source.preamble
    basis = act["basis"]
    assert basis == {
        "kind": "decree_of_president",
        "number": m[2],
        "date": parse_russian_date(m[1]),
        "title": m[3],
    }

    # The published title: "Об утверждении" + the plan's title in the prepositional case.
    assert source.plan_title.startswith("План ")
    assert act["title"] == "Об утверждении Плана " + source.plan_title[len("План ") :]

    # "Сноска. ... постановлением Правительства РК от 24.07.2017 № 443."
    amendments = [
        {
            "kind": "resolution_of_government",
            "number": number,
            "date": f"{year}-{month}-{day}",
        }
        for day, month, year, number in re.findall(
            r"постановлением Правительства РК от (\d\d)\.(\d\d)\.(\d{4}) № (\d+)", source.footnote
        )
    ]
    assert amendments and act["amendments"] == amendments

    m = re.search(r"на (\d{4}) – (\d{4}) годы$", source.plan_title)
    assert m, source.plan_title
    assert act["period"] == {"first_year": m[1], "last_year": m[2]}

    last_point = source.points[-1].text
    assert "вводится в действие со дня его подписания" in last_point
    assert act["entry_into_force"] == "on_signing"


def test_obligations_quote_their_points(source: Source, plan: dict[str, Any]) -> None:
    texts = {str(p.number): p.text for p in source.points}
    texts.update((f"{p.number}.{s.number}", s.text) for p in source.points for s in p.subpoints)
    for obligation in plan["reporting_duties"]:
        ref = obligation["point"]
        assert ref in texts, f"obligation {obligation['id']}: no point {ref} in the source"
        assert obligation["title_ru"] in texts[ref], (
            f"obligation {obligation['id']}: title_ru {obligation['title_ru']!r}"
            f" is not quoted from point {ref}"
        )

    by_id = {o["id"]: o for o in plan["reporting_duties"]}
    m = re.search(r"не позднее (\d+) числа месяца, следующего за отчетным полугодием", texts["2.2"])
    assert m and by_id["half-yearly-report"]["schedule"] == {
        "kind": "half_yearly",
        "due_day_of_next_month": m[1],
    }
    m = re.match(r"не позднее (.+? года) ", texts["3.2"])
    assert m and by_id["consolidated-report"]["schedule"] == {
        "kind": "once",
        "due": parse_russian_date(m[1]),
    }
