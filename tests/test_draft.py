# ruff: noqa: E501, W291  (the acts are written as their corpus writes them, lines and breaks)
"""The drafter on small acts written for it: each rule of ``draft`` (README, `plan import`) and
each review note it leaves, pinned on a text that shows it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from reintegration_plan.act_markdown import read_act_markdown
from reintegration_plan.draft import Draft, DraftError, Given, draft_plan
from reintegration_plan.yamlout import plain

ACT = """# Об утверждении Плана

В целях реализации Указа Президента Республики Казахстан от 1 февраля 2020 года № 10 «О мерах» Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:

1. Утвердить прилагаемый План на 2021 – 2022 годы.

2. Министерствам:

   1) ежеквартально, не позднее 10 числа месяца, следующего за отчетным кварталом, представлять информацию в Министерство финансов Республики Казахстан;

   2) раз в полугодие, до 15 декабря и 15 июня, вносить в Правительство Республики Казахстан отчет о ходе работ;

   3) ежемесячно представлять сведения в Министерство финансов Республики Казахстан.

3. Министерству финансов Республики Казахстан обеспечить ежегодную оценку реализации Плана.

4. Настоящее постановление вводится в действие после дня его первого официального опубликования.

**Премьер-Министр Республики Казахстан**

**А. Б**

> *Утвержден*  
> *постановлением Правительства*

## План на 2021 – 2022 годы

> *Сноска. План с изменениями, внесенными постановлением Правительства РК от 01.03.2021 № 6.*

> *Сноска. План с изменениями, внесенными постановлением Правительства РК от 01.02.2021 № 5.*

<table>
<tr><th>№</th><th>Мероприятие</th><th>Ответственные исполнители</th><th>Срок исполнения</th>
<th>Объем финансирования (тыс. тенге)</th><th>Источники финансирования</th><th>Примечание</th></tr>
<tr><td colspan="7">Механизм: описание, которое стоит до первого раздела, говорит о многом и потому длинное, а кончается точкой так, как кончается проза.</td></tr>
<tr><td>1.</td><td>Сделать</td><td>МФ (созыв), МФ, Дирекция (особая)</td><td>постоянно</td><td>1 500,0</td><td>республиканский бюджет</td><td>x</td></tr>
<tr><td>1.</td><td>Сделать еще</td><td></td><td>когда-нибудь</td><td>много</td><td>не требуются</td><td></td></tr>
<tr><td>2.</td><td></td><td>МФ</td><td>декабрь 2021 года</td><td>не требуются</td><td>не требуются</td><td></td></tr>
</table>

Примечание: расшифровка аббревиатур:

МФ – Министерство финансов Республики Казахстан
"""


@pytest.fixture(scope="module")
def draft() -> Draft:
    return draft_plan(read_act_markdown(ACT), source="source/act.md")


def data(draft: Draft) -> Any:
    return plain(draft.plan)


def test_the_act(draft: Draft) -> None:
    act = data(draft)["act"]
    assert act["kind"] == "resolution_of_government"  # from the preamble's "ПОСТАНОВЛЯЕТ"
    assert act["basis"] == {
        "kind": "decree_of_president",
        "number": 10,
        "date": "2020-02-01",
        "title": "О мерах",
    }
    assert act["entry_into_force"] == "after_first_publication"
    assert act["footnote"].endswith("от 01.03.2021 № 6.")
    assert act["amendments"] == [  # oldest first
        {"kind": "resolution_of_government", "number": 5, "date": "2021-02-01"},
        {"kind": "resolution_of_government", "number": 6, "date": "2021-03-01"},
    ]
    assert act["period"] == {"first_year": 2021, "last_year": 2022}
    assert set(act["review"]) == {"number", "date", "footnote"}
    assert act["review"]["footnote"].startswith("the act has more footnotes: Сноска. План")


def test_reporting_duties(draft: Draft) -> None:
    duties = [
        (d["id"], d["point"], d["obligors"], d.get("recipients"), d["schedule"], d.get("review"))
        for d in data(draft)["reporting_duties"]
    ]
    assert duties == [
        ("quarterly-report", "2.1", ["Министерствам"], ["МФ"],
         {"kind": "quarterly", "due_day_of_next_month": 10}, None),
        ("dated-report", "2.2", ["Министерствам"], ["government"],
         {"kind": "fixed_dates", "dates": [{"month": 12, "day": 15}, {"month": 6, "day": 15}]},
         None),
        ("monthly-report", "2.3", ["Министерствам"], ["МФ"],
         {"kind": "monthly", "due_day_of_next_month": 1},
         {"schedule": "no due day found for the monthly duty"}),
        ("annual-evaluation", "3", ["МФ"], None, {"kind": "annual"}, None),
    ]  # fmt: skip


def test_the_table_and_its_review_notes(draft: Draft) -> None:
    plan = data(draft)
    assert plan["table"]["columns"][4:] == [
        {"number": 5, "heading": "Объем финансирования (тыс. тенге)", "role": "financing"},
        {"number": 6, "heading": "Источники финансирования", "role": "sources"},
        {"number": 7, "heading": "Примечание", "role": "other"},
    ]
    assert "lead" not in plan["table"]  # a "(созыв)" marks the lead
    [section] = plan["sections"]
    assert section["id"] == "h0" and section["heading"].startswith("Механизм:")
    assert section["review"] == {"heading": "a prose row before any heading, kept as a section"}
    first, second, third = plan["measures"]
    assert [m["number"] for m in plan["measures"]] == [1, 2, 3]  # the act writes 1., 1., 2.
    assert first["executors"] == [
        {"agency": "МФ", "role": "lead"},
        {"agency": "Дирекция", "role": "co"},
    ]
    assert first["deadline"] == {"kind": "undated", "reason": "permanent"}
    assert first["financing"] == {
        "required": True,
        "amounts": [{"amount": 1500.0, "unit": "thousand_tenge"}],
    }
    assert first["other_cells"] == [{"column": 7, "text": "x"}]
    assert first["review"] == {
        "number": "the act numbers it '1.'; numbered 1 by its place",
        "executors": "'МФ' is named twice; 'Дирекция' is not in the act's glossary (added to the "
        "abbreviations file, in_glossary: false); (особая) after 'Дирекция' not understood",
    }
    assert second["deadline"] == {"kind": "undated", "reason": "event"}
    assert second["review"] == {
        "executors_text": "the cell is empty",
        "deadline": "the cell is in none of the forms of deadline this tool reads; set as undated "
        "until a person gives it",
        "financing": "'много' is neither 'не требуются' nor amounts read",
        "number": "the act numbers it '1.'; numbered 2 by its place",
    }
    assert "text" not in third and third["review"]["text"] == "the cell is empty"
    assert third["financing"] == {"required": False}
    kinds = {r.kind for r in draft.reviews}
    assert kinds == {"act", "duty", "measure", "section"}


def test_abbreviations_drafted(draft: Draft) -> None:
    entries = plain(draft.abbreviations)["abbreviations"]
    assert entries == [
        {"code": "МФ", "expansion": "Министерство финансов Республики Казахстан",
         "in_glossary": True, "alias": "MF", "kind": "central_state_body", "executor": True},
        {"code": "Дирекция", "expansion": "Дирекция", "in_glossary": False, "alias": "DIREKTSIYA",
         "kind": "group", "executor": True},
    ]  # fmt: skip


def test_what_the_user_gives_wins() -> None:
    given = Given(kind="order", number="01-02/45", date=dt.date(2021, 1, 5), title="О плане")
    act = plain(draft_plan(read_act_markdown(ACT), source="s", given=given).plan)["act"]
    assert (act["kind"], act["number"], act["date"], act["title"]) == (
        "order", "01-02/45", "2021-01-05", "О плане")  # fmt: skip
    assert set(act["review"]) == {"footnote"}


def test_a_table_without_executors_is_refused() -> None:
    text = ACT.replace("Ответственные исполнители", "Кто")
    with pytest.raises(DraftError, match=r"names no column of executors \(its header: № \| "):
        draft_plan(read_act_markdown(text), source="s")


MINIMAL = """1. Утвердить план.

**Министр**

**В. Г**

<table>
<tr><td>№ п/п</td><td>Наименование мероприятия</td><td>Ответственные</td><td>Сроки</td><td>Расходы</td></tr>
<tr><td>1.1</td><td>а</td><td>АО «Один», АО «Два (по согласованию)»</td><td>март 2024 года</td><td>12,5</td></tr>
<tr><td>1.2</td><td>б</td><td>акиматы областей, городов Астаны и Алматы, АО «Один»</td><td>2025 год</td><td>как-то</td></tr>
</table>
"""


def test_a_plan_with_no_titles_and_dotted_numbers() -> None:
    draft = draft_plan(read_act_markdown(MINIMAL), source="s")
    plan = plain(draft.plan)
    assert plan["act"]["kind"] == "other"
    assert plan["act"]["period"] == {"first_year": 2024, "last_year": 2025}
    assert set(plan["act"]["review"]) == {"kind", "number", "date", "title", "plan_title", "period"}
    first, second = plan["measures"]
    assert (first["number"], second["number"]) == ("1.1", "1.2")
    assert first["costs"] == {"required": True, "amount_thousand_tenge": 12.5}
    assert first["executors"][1] == {"agency": "АО «Два»", "role": "co", "by_agreement": True}
    assert first["review"]["executors"].endswith(
        "'(по согласованию)' stands inside or against the quotes"
    )
    assert second["review"]["costs"] == "'как-то' is neither 'не требуются' nor an amount"
    assert [e["agency"] for e in second["executors"]] == [
        "акиматы областей, городов Астаны и Алматы",
        "АО «Один»",
    ]
    assert plan["table"]["lead"] == "first_named"
