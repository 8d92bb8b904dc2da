"""What English output says of the act's texts it shows: that they are an unofficial
translation only where they are one. A plan with no English (as `plan import` drafts it) is
shown in Russian, and every renderer says so; a plan translated in part says both; the
shipped plan, translated whole, keeps the unofficial-translation notice.

And the labels' titles of 912's reporting duties ("Information to MVD …") are 912's only: a
drafted plan's duty of the same id (`half-yearly-report`) keeps its own title.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from conftest import PLAN, TESTS, run
from reintegration_plan.i18n import label, texts_note
from reintegration_plan.loader import load_plan
from reintegration_plan.obligations import Obligation, all_obligations, translated

ACT_934 = TESTS / "acts" / "pp-2025-934-aml-risk-measures" / "act.md"
PLAN_934 = TESTS / "fixtures" / "plan_934" / "plan.yaml"
TRANSLATED = (
    "Texts of the act are an unofficial English translation; the Russian text is authoritative."
)
RUSSIAN = "Texts of the act are shown in Russian: the act has no English translation."
PARTLY = (
    "Texts of the act are an unofficial English translation where there is one, else the "
    "Russian original; the Russian text is authoritative."
)
CLAIM = "unofficial English translation"


def test_the_notes_are_the_labels() -> None:
    assert label("report.translation_note", "en") == TRANSLATED
    assert label("report.untranslated_note", "en") == RUSSIAN
    assert label("report.partly_translated_note", "en") == PARTLY


@pytest.mark.parametrize(
    ("shown", "note"),
    [
        ([True, True], TRANSLATED),
        ([False], RUSSIAN),
        ([False, True, False], PARTLY),
        ([], None),  # no text of the act shown: nothing to say of them
    ],
)
def test_the_note_says_what_is_shown(shown: list[bool], note: str | None) -> None:
    assert texts_note(shown, "en") == note
    assert texts_note(iter(shown), "en") == note  # any iterable, read once
    assert texts_note(shown, "ru") is None  # Russian output shows the act's own texts


def _obligation(**given: object) -> Obligation:
    fields: dict[str, object] = {
        "kind": "report",
        "id": "half-yearly-report-2018H1",
        "title_ru": "информацию",
        "title_en": None,
        "deadline": dt.date(2018, 7, 10),
        "start": None,
        "lead": None,
        "executors": (),
        "duty": "half-yearly-report",
        "period": "2018H1",
    }
    return Obligation(**{**fields, **given})  # type: ignore[arg-type]


def test_what_counts_as_translated() -> None:
    assert translated(_obligation(titled=True))  # the labels title 912's duty
    assert not translated(_obligation())  # the same id in another act: its Russian title
    assert translated(_obligation(title_en="Information"))
    assert translated(_obligation(kind="measure", title_en="Develop", duty=None))
    assert not translated(_obligation(kind="measure", duty=None))


def test_only_912s_duties_are_titled_by_the_labels() -> None:
    shipped = all_obligations(load_plan(PLAN))
    reports = [o for o in shipped if o.kind == "report"]
    assert reports and all(o.titled for o in reports)
    assert not any(o.titled for o in shipped if o.kind == "measure")


# --- a plan with no English: `plan import`'s draft of Resolution 934 -------------------------


@pytest.fixture(scope="module")
def draft(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft") / "plan.yaml"
    result = run("import", str(ACT_934), "-o", str(out))
    assert result.exit_code == 0, result.output
    return out


def _english(plan: Path, *args: str) -> str:
    result = run(*args, "--plan", str(plan), "--lang", "en")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


DRAFT_COMMANDS = {
    "due": ("due", "--as-of", "2026-07-01"),
    "due-markdown": ("due", "--as-of", "2026-07-01", "--format", "markdown"),
    "measures": ("measures", "--as-of", "2026-07-01"),
    "show-measure": ("show", "3", "--as-of", "2026-07-01"),
    "show-report": ("show", "half-yearly-report-2026H1", "--as-of", "2026-07-01"),
    "agencies": ("agencies", "--as-of", "2026-07-01"),
    "agency": ("agency", "АФМ", "--as-of", "2026-07-01"),
    "timeline": ("timeline", "--as-of", "2026-07-01"),
    "report": ("report", "--as-of", "2026-07-01"),
    "report-html": ("report", "--as-of", "2026-07-01", "--format", "html"),
    "submission": ("submission", "--agency", "МКИ", "--period", "2026H1", "--format", "markdown"),
}


@pytest.mark.parametrize("name", sorted(DRAFT_COMMANDS))
def test_a_plan_with_no_english_is_said_to_be_shown_in_russian(name: str, draft: Path) -> None:
    text = " ".join(_english(draft, *DRAFT_COMMANDS[name]).split())  # wrapped lines joined
    assert RUSSIAN in text
    assert CLAIM not in text


@pytest.mark.parametrize("view", ["due", "measures", "agencies", "agency", "show"])
def test_json_says_the_titles_are_in_russian(view: str, draft: Path) -> None:
    args = {"agency": ("agency", "АФМ"), "show": ("show", "3")}.get(view, (view,))
    data = json.loads(_english(draft, *args, "--as-of", "2026-07-01", "--format", "json"))
    assert data["translation_note"] == RUSSIAN


def test_json_with_nothing_to_show_says_nothing_of_texts(draft: Path) -> None:
    data = json.loads(_english(draft, "due", "--as-of", "2025-01-01", "--format", "json"))
    assert data["items"] == []
    assert "translation_note" not in data


def test_the_calendar_says_it_of_itself_and_of_each_entry(draft: Path) -> None:
    text = _english(draft, "calendar", "--as-of", "2026-07-01")
    unfolded = text.replace("\r\n", "\n").replace("\n ", "").replace("\\n", "\n")
    assert f"\nX-WR-CALDESC:{RUSSIAN}\n" in unfolded
    events = unfolded.count("BEGIN:VEVENT")
    assert events > 0 and unfolded.count(RUSSIAN) == events + 1
    assert CLAIM not in unfolded


def test_the_word_document_says_it(draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "submission.docx"
    _english(draft, "submission", "--agency", "МКИ", "--period", "2026H1", "-o", str(out))
    with zipfile.ZipFile(out) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert RUSSIAN in body and CLAIM not in body


def test_a_drafted_duty_keeps_its_own_title(draft: Path) -> None:
    """The draft's duty is `half-yearly-report`, as 912's is; its reports go to АФМ, not МВД."""
    for lang, title_912 in (("ru", "Информация о ходе реализации Плана в МВД"), ("en", "to MVD")):
        for args in (("show", "half-yearly-report-2026H1"), ("due", "--as-of", "2026-07-01")):
            result = run(*args, "--plan", str(draft), "--lang", lang)
            assert result.exit_code == 0, result.output
            assert title_912 not in " ".join(result.stdout.split())
    due = run(
        "due", "--plan", str(draft), "--as-of", "2026-07-01", "--format", "markdown", "--lang", "ru"
    )
    assert (
        "| к исполнению |  | 05.07.2026 | 15 органов | Информацию о ходе их реализации в "
        "Агентство Республики Казахстан по финансовому мониторингу (1 пол. 2026)<br>"
        "half-yearly-report-2026H1 |\n"
    ) in due.stdout


# --- translated in part, and whole ----------------------------------------------------------


def test_a_plan_translated_in_part_says_both() -> None:
    """934's fixture has English titles of its duties and names of its agencies, none of its
    measures: the measures alone are in Russian, with its duties both."""
    due = _english(PLAN_934, "due", "--as-of", "2026-07-01")
    assert " ".join(due.split()).endswith(PARTLY)
    measures = _english(PLAN_934, "measures", "--as-of", "2026-07-01")
    assert measures.endswith(f"\n\n{RUSSIAN}\n")


@pytest.mark.parametrize(
    "args",
    [
        ("due", "--as-of", "2018-07-01"),
        ("measures", "--as-of", "2018-07-01"),
        ("agencies",),
        ("show", "5"),
    ],
)
def test_the_shipped_plan_is_an_unofficial_translation(args: tuple[str, ...]) -> None:
    result = run(*args, "--lang", "en")
    assert result.exit_code == 0
    assert " ".join(result.stdout.split()).endswith(TRANSLATED)
    data = json.loads(run(*args, "--lang", "en", "--format", "json").stdout)
    assert data["translation_note"] == TRANSLATED
