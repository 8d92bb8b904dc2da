"""English translations in the data: complete in the shipped plan, marked unofficial, and
`plan validate` warns (missing-translation, at the field's parent) when one is missing."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from conftest import ABBREVIATIONS, PLAN, run
from reintegration_plan.loader import load_plan

MEASURE_COLUMNS = ("text", "form_text", "executors_text", "deadline_text", "costs_text")


def copy_plan(tmp_path: Path, edit: dict[str, str]) -> Path:
    """A copy of the shipped data with each `old` text replaced by `new` (each exactly once)."""
    text = PLAN.read_text(encoding="utf-8")
    for old, new in edit.items():
        assert text.count(old) == 1, f"not exactly once in the plan: {old!r}"
        text = text.replace(old, new)
    target = tmp_path / PLAN.name
    target.write_text(text, encoding="utf-8")
    shutil.copy(ABBREVIATIONS, tmp_path / ABBREVIATIONS.name)
    shutil.copytree(PLAN.parent / "source", tmp_path / "source")  # the act's text it names
    return target


def problems(path: Path) -> list[tuple[int, str, str, str, str]]:
    result = run("validate", "--format", "json", str(path))
    report = json.loads(result.stdout)
    return [
        (p["line"], p["severity"], p["code"], p["where"], p["message"]) for p in report["problems"]
    ]


def line_of(path: Path, prefix: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    found = [i + 1 for i, line in enumerate(lines) if line.startswith(prefix)]
    assert len(found) == 1, (prefix, found)
    return found[0]


def test_shipped_plan_is_translated_throughout() -> None:
    plan = load_plan(PLAN).file
    assert plan.translations is not None
    assert plan.translations.en.official is False
    assert "nofficial" in plan.translations.en.note
    act = plan.act
    english = [
        act.title_en,
        act.basis_title_en,
        act.preamble_en,
        act.approval_note_en,
        act.plan_title_en,
        act.footnote_en,
        act.signatory.position_en,
        act.signatory.name_en,
    ]
    english += [p.text_en for p in plan.points]
    english += [s.text_en for p in plan.points for s in p.subpoints]
    assert all(english)
    assert len(plan.measures) == 30
    for measure in plan.measures:
        assert measure.en is not None, measure.number
        for column in MEASURE_COLUMNS:
            translated = getattr(measure.en, column)
            # English, not a copy of the Russian: no Cyrillic letters at all.
            assert not re.search("[А-Яа-яЁё]", translated), (measure.number, column, translated)


def test_translations_keep_the_acts_conventions() -> None:
    """Deadlines and costs say what the Russian says; '(созыв)' is '(convener)'."""
    plan = load_plan(PLAN).file
    for measure in plan.measures:
        assert measure.en is not None
        deadline = measure.deadline
        if deadline.kind == "quarter":
            ordinal = ("1st", "2nd", "3rd", "4th")[deadline.quarter - 1]
            assert measure.en.deadline_text == f"{ordinal} quarter of {deadline.year}"
        else:
            assert measure.en.deadline_text == f"{deadline.first_year} – {deadline.last_year}"
        assert measure.en.costs_text == "not required"
        assert ("(созыв)" in measure.executors_text) == ("(convener)" in measure.en.executors_text)
        assert measure.executors_text.count("(по согласованию)") == (
            measure.en.executors_text.count("(by agreement)")
        )
        assert len(measure.forms) == len(measure.en.form_text.split(", "))


def test_shipped_plan_has_no_missing_translation() -> None:
    result = run("validate", "--format", "json", str(PLAN))
    assert result.exit_code == 0
    codes = [p["code"] for p in json.loads(result.stdout)["problems"]]
    assert codes == ["undefined-abbreviation"]


def drop(path: Path, first: str) -> None:
    """Remove the one line that starts with `first`, with every more-indented line after it."""
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith(first)]
    assert len(starts) == 1, (first, starts)
    i = starts[0]
    indent = len(lines[i]) - len(lines[i].lstrip())
    end = i + 1
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > indent:
        end += 1
    path.write_text("\n".join(lines[:i] + lines[end:]), encoding="utf-8")


def test_missing_translations_are_warnings_at_their_parent(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, {})
    drop(plan, "translations:")
    drop(plan, "  footnote_en: ")
    drop(plan, "    name_en: ")
    drop(plan, "    text_en: 'Central and local")
    drop(plan, "        text_en: no later than 25 February")
    text = plan.read_text(encoding="utf-8")
    measure_5 = text.index("  - number: 5\n")
    en_5 = text.index("    en:\n", measure_5)
    text = text[:en_5] + "    en-removed:\n" + text[en_5 + len("    en:\n") :]
    plan.write_text(text, encoding="utf-8")
    drop(plan, "    en-removed:")

    def warning(
        first: str, where: str, message: str, above: int = 0
    ) -> tuple[int, str, str, str, str]:
        """The warning, at the line that starts with `first` or `above` lines above it."""
        return (line_of(plan, first) - above, "warning", "missing-translation", where, message)

    assert problems(plan) == [
        warning(
            "schema_version:",
            "$",
            "no 'translations' entry: add 'translations: {en: {official: false, note: ...}}' "
            "to say the English texts are an unofficial translation",
        ),
        warning(
            "  kind: resolution_of_government",
            "act",
            "act.footnote has no English translation (footnote_en)",
        ),
        warning(
            "    position: ",
            "act.signatory",
            "act.signatory.name has no English translation (name_en)",
        ),
        warning(
            "    text: 'Центральным",
            "points[1]",
            "point 2 has no English translation (text_en)",
            above=1,  # a list item's mapping is located at its first key
        ),
        warning(
            "        text: не позднее",
            "points[2].subpoints[1]",
            "sub-point 3.2 has no English translation (text_en)",
            above=1,
        ),
        warning(
            "    text: Выработать механизм регистрации",
            "measures[4]",
            "measure 5 has no English translation (en: with text, form_text, executors_text, "
            "deadline_text, costs_text)",
            above=1,
        ),
        (
            line_of(plan, "    text: Реализовать посредством"),
            "warning",
            "undefined-abbreviation",
            "measures[27].text",
            "'МЗСР' is used but the act's glossary does not define it (the abbreviations file "
            "marks it in_glossary: false)",
        ),
    ]
    assert run("validate", str(plan)).exit_code == 0
    assert run("validate", "--strict", str(plan)).exit_code == 1


def test_translations_cannot_claim_to_be_official(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, {"    official: false\n": "    official: true\n"})
    found = problems(plan)
    assert found == [
        (
            line_of(plan, "    official: true"),
            "error",
            "invalid-value",
            "translations.en.official",
            "input should be False (got True)",
        ),
        *[p for p in found if p[2] == "undefined-abbreviation"],
    ]


def test_an_incomplete_en_mapping_is_an_error(tmp_path: Path) -> None:
    plan = copy_plan(
        tmp_path,
        {"      form_text: Joint protocol decision\n": ""},
    )
    found = [p for p in problems(plan) if p[1] == "error"]
    assert found == [
        (
            line_of(plan, "      text: Work out a mechanism for registering"),
            "error",
            "missing-key",
            "measures[4].en",
            "missing required key 'form_text'",
        )
    ]
