"""How obligations and dates are named in each language (one place: obligations.short_name,
obligations.heading, i18n.date_short, i18n.date_long), for every renderer."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from conftest import PLAN
from reintegration_plan.i18n import date_long, date_short
from reintegration_plan.loader import load_plan
from reintegration_plan.obligations import Obligation, all_obligations, heading, short_name


@pytest.fixture(scope="module")
def obligations() -> dict[str, Obligation]:
    return {o.id: o for o in all_obligations(load_plan(PLAN))}


@pytest.mark.parametrize(
    ("day", "ru_short", "ru_long", "en"),
    [
        (dt.date(2018, 7, 1), "01.07.2018", "1 июля 2018 года", "1 July 2018"),
        (dt.date(2020, 2, 25), "25.02.2020", "25 февраля 2020 года", "25 February 2020"),
        (dt.date(2017, 12, 31), "31.12.2017", "31 декабря 2017 года", "31 December 2017"),
        (dt.date(2019, 3, 9), "09.03.2019", "9 марта 2019 года", "9 March 2019"),
    ],
)
def test_dates(day: dt.date, ru_short: str, ru_long: str, en: str) -> None:
    assert (date_short(day, "ru"), date_long(day, "ru")) == (ru_short, ru_long)
    assert (date_short(day, "en"), date_long(day, "en")) == (en, en)


def test_every_month_in_the_genitive() -> None:
    months = [date_long(dt.date(2018, m, 1), "ru").split()[1] for m in range(1, 13)]
    assert months == [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("id_", "ru_name", "ru_title", "en_name", "en_title"),
    [
        (
            "half-yearly-report-2017H2",
            "Отчет за 2 полугодие 2017 г.",
            "Информация о ходе реализации Плана в МВД за 2 полугодие 2017 года",
            "Report for H2 2017",
            "Information to MVD on the Plan's implementation for H2 2017",
        ),
        (
            "annual-evaluation",
            "Ежегодная оценка",
            "Мониторинг и ежегодная оценка реализации Комплексной стратегии",
            "Annual evaluation",
            "Monitoring and annual evaluation of the Comprehensive Strategy's implementation",
        ),
        (
            "consolidated-report",
            "Консолидированный отчет",
            "Консолидированный отчет об исполнении Комплексной стратегии",
            "Consolidated report",
            "Consolidated report on the Comprehensive Strategy's execution",
        ),
    ],
)
def test_reporting_duties_have_readable_names_and_titles(
    obligations: dict[str, Obligation],
    id_: str,
    ru_name: str,
    ru_title: str,
    en_name: str,
    en_title: str,
) -> None:
    o = obligations[id_]
    assert (short_name(o, "ru"), heading(o, "ru")) == (ru_name, ru_title)
    assert (short_name(o, "en"), heading(o, "en")) == (en_name, en_title)


def test_the_resolutions_clause_stays_verbatim(obligations: dict[str, Obligation]) -> None:
    o = obligations["half-yearly-report-2018H1"]
    assert o.title_ru == (
        "информацию в Министерство внутренних дел Республики Казахстан о ходе реализации Плана"
    )


def test_measures_are_named_by_number_and_text(obligations: dict[str, Obligation]) -> None:
    o = obligations["measure-5"]
    assert short_name(o, "ru") == short_name(o, "en") == "5"
    assert heading(o, "ru") == o.title_ru
    assert heading(o, "en") == o.title_en


def test_a_duty_the_labels_do_not_know_keeps_its_id_and_clause(
    obligations: dict[str, Obligation],
) -> None:
    edited = dataclasses.replace(
        obligations["half-yearly-report-2018H1"], duty="quarterly-note", id="quarterly-note-2018H1"
    )
    assert short_name(edited, "ru") == "quarterly-note-2018H1"
    assert heading(edited, "ru") == (
        "Информацию в Министерство внутренних дел Республики Казахстан о ходе реализации Плана "
        "(1 пол. 2018)"
    )
    assert heading(edited, "en") == (
        "Half-yearly information on the Plan's implementation to the Ministry of Internal "
        "Affairs (H1 2018)"
    )
