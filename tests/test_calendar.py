"""`plan calendar`: an RFC 5545 file of every dated obligation, parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest

from conftest import TESTS, run

PROGRESS = TESTS / "golden" / "report" / "records.yaml"
AS_OF = "2018-07-01"
MEASURE_DEADLINES = {
    **dict.fromkeys(range(1, 4), dt.date(2017, 3, 31)),
    **dict.fromkeys(range(4, 10), dt.date(2017, 6, 30)),
    **dict.fromkeys(range(10, 14), dt.date(2017, 9, 30)),
    **dict.fromkeys(range(14, 16), dt.date(2017, 12, 31)),
    **dict.fromkeys(range(16, 19), dt.date(2018, 3, 31)),
    19: dt.date(2018, 6, 30),
    20: dt.date(2019, 3, 31),
    **dict.fromkeys(range(21, 31), dt.date(2019, 12, 31)),
}
REPORT_DEADLINES = {
    "half-yearly-report-2017H1": dt.date(2017, 7, 10),
    "half-yearly-report-2017H2": dt.date(2018, 1, 10),
    "half-yearly-report-2018H1": dt.date(2018, 7, 10),
    "half-yearly-report-2018H2": dt.date(2019, 1, 10),
    "half-yearly-report-2019H1": dt.date(2019, 7, 10),
    "half-yearly-report-2019H2": dt.date(2020, 1, 10),
    "consolidated-report": dt.date(2020, 2, 25),
}
DOMAIN = "@reintegration-plan.kz-912-2016"


def calendar_bytes(*args: str, env: dict[str, str] | None = None) -> bytes:
    result = run("calendar", "--as-of", AS_OF, *args, env=env)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout_bytes


def events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    found = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "UIDs are not unique"
    return found


def test_every_dated_obligation_is_an_all_day_event() -> None:
    found = events(calendar_bytes("--lang", "en"))
    expected = {f"measure-{n}{DOMAIN}": day for n, day in MEASURE_DEADLINES.items()}
    expected |= {f"{id_}{DOMAIN}": day for id_, day in REPORT_DEADLINES.items()}
    assert len(found) == 37
    assert {uid: e.decoded("DTSTART") for uid, e in found.items()} == expected
    for uid, event in found.items():
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        # all-day: DATE values, not DATE-TIME; the end is exclusive, the day after
        assert type(start) is dt.date and type(end) is dt.date, uid
        assert end == start + dt.timedelta(days=1), uid
        assert event["DTSTART"].params["VALUE"] == "DATE"
        assert event["DTEND"].params["VALUE"] == "DATE"
        assert event.decoded("DTSTAMP") == dt.datetime(2018, 7, 1, tzinfo=dt.UTC)
    assert "annual-evaluation" + DOMAIN not in found  # the act gives it no date


def test_the_file_follows_rfc_5545_line_rules() -> None:
    data = calendar_bytes("--lang", "ru")
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines), "bare LF or CR"
    assert max(len(line) for line in lines) <= 75, "a line longer than 75 octets"
    continued = [line for line in lines if line.startswith(b" ")]
    assert len(continued) > 100, "the long Russian texts are folded"
    for line in lines:
        line.decode("utf-8")  # folding never splits a UTF-8 character
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == "-//reintegration-plan//plan calendar//RU"
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"


def test_runs_are_byte_identical() -> None:
    first = calendar_bytes("--progress", str(PROGRESS))
    assert calendar_bytes("--progress", str(PROGRESS)) == first
    # the stamp is the as-of date, not the clock
    assert b"DTSTAMP:20180701T000000Z\r\n" in first
    assert re.findall(rb"DTSTAMP:([0-9TZ]+)", first) == [b"20180701T000000Z"] * 37


def test_russian_summary_and_description_quote_the_act() -> None:
    event = events(calendar_bytes("--lang", "ru"))["measure-21" + DOMAIN]
    assert str(event["SUMMARY"]) == (
        "Мероприятие 21: Оказывать социально-правовую помощь гражданам, освобожденным из мест "
        "лишения свободы и находящимся на учете службы пробации"
    )
    assert str(event["DESCRIPTION"]) == (
        "Оказывать социально-правовую помощь гражданам, освобожденным из мест лишения свободы и "
        "находящимся на учете службы пробации\n"
        "\n"
        "Форма завершения: индивидуальные программы оказания социально-правовой помощи\n"
        "Ответственные исполнители: МВД (созыв), МТСЗН акиматы областей, городов Астаны и "
        "Алматы\n"
        "Сроки исполнения: 2017 – 2019 годы (2019-12-31)\n"
        "\n"
        "По состоянию на 2018-07-01: выполняется"
    )
    assert event["CATEGORIES"].cats == ["мероприятие", "выполняется"]


def test_english_says_the_translation_is_unofficial() -> None:
    english, russian = calendar_bytes("--lang", "en"), calendar_bytes("--lang", "ru")
    assert b"X-WR-CALDESC:Texts of the act are an unofficial English translation" in english
    assert b"X-WR-CALDESC" not in russian and b"unofficial" not in russian


def test_english_description_keeps_the_russian_original() -> None:
    event = events(calendar_bytes("--lang", "en"))["measure-9" + DOMAIN]
    assert str(event["SUMMARY"]).startswith("Measure 9: Take measures to restrict the range")
    description = str(event["DESCRIPTION"])
    assert description.endswith(
        "\n\nRussian original: Принять меры по ограничению круга лиц, имеющих право на "
        "ознакомление с информацией о наличии либо отсутствии сведений по специальным учетам "
        "ГП при трудоустройстве\n"
        "Ответственные исполнители: ГП (по согласованию)\n"
        "Сроки исполнения: 2 квартал 2017 год\n"
        "\n"
        "As of 2018-07-01: overdue (366 days overdue)\n"
        "\n"
        "Texts of the act are an unofficial English translation; the Russian text is "
        "authoritative."
    )
    assert "Responsible executors: GP (by agreement)\n" in description


def test_reports_name_who_owes_them() -> None:
    found = events(calendar_bytes("--lang", "en"))
    report = found["consolidated-report" + DOMAIN]
    assert str(report["SUMMARY"]) == "Consolidated report on the Comprehensive Strategy's execution"
    assert "Point 3.2 of the resolution\nObliged: МВД\nTo: Government of Kazakhstan, " in str(
        report["DESCRIPTION"]
    )
    half = found["half-yearly-report-2018H2" + DOMAIN]
    assert str(half["SUMMARY"]) == "Information to MVD on the Plan's implementation for H2 2018"
    assert str(half["X-PLAN-KIND"]) == "report"


def test_progress_marks_done_and_cancelled() -> None:
    found = events(calendar_bytes("--lang", "en", "--progress", str(PROGRESS)))
    done = found["measure-5" + DOMAIN]
    assert str(done["SUMMARY"]).startswith("[done] Measure 5: Work out a mechanism")
    assert str(done["X-PLAN-STATUS"]) == "done"
    assert done["X-PLAN-COMPLETED"].dt == dt.date(2017, 8, 1)
    assert done["X-PLAN-COMPLETED"].params["VALUE"] == "DATE"
    assert done["CATEGORIES"].cats == ["measure", "done"]
    assert str(done["STATUS"]) == "CONFIRMED"
    assert int(done["SEQUENCE"]) == 1
    description = str(done["DESCRIPTION"])
    assert description.endswith(
        "As of 2018-07-01: done\nDone on 2017-08-01\ndone 32 days late\n"
        "Evidence: Joint protocol decision No. 12 of 1 August 2017\n\n"
        "Texts of the act are an unofficial English translation; the Russian text is "
        "authoritative."
    )
    cancelled = found["measure-7" + DOMAIN]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(cancelled["SUMMARY"]).startswith("[cancelled] Measure 7:")
    # a record dated after the as-of date does not count
    later = found["measure-3" + DOMAIN]
    assert str(later["X-PLAN-STATUS"]) == "overdue"
    assert "X-PLAN-COMPLETED" not in later
    assert int(later["SEQUENCE"]) == 0
    in_russian = events(calendar_bytes("--lang", "ru", "--progress", str(PROGRESS)))
    assert str(in_russian["measure-5" + DOMAIN]["SUMMARY"]).startswith("[выполнено] Мероприятие 5")


def test_uids_do_not_depend_on_language_date_or_progress() -> None:
    plain = set(events(calendar_bytes("--lang", "en")))
    other = run("calendar", "--as-of", "2020-03-01", "--lang", "ru", "--progress", str(PROGRESS))
    assert other.exit_code == 0
    assert set(events(other.stdout_bytes)) == plain


def test_agency_keeps_what_it_owes() -> None:
    found = events(calendar_bytes("--agency", "mtszn"))
    measures = sorted(int(uid.split("@")[0].split("-")[1]) for uid in found if "measure" in uid)
    assert measures == [2, 4, 5, 7, 10, 11, 21, 28]
    reports = sorted(uid.split("@")[0] for uid in found if "report" in uid)
    assert reports == sorted(r for r in REPORT_DEADLINES if r.startswith("half-yearly"))


def test_unknown_agency_is_a_usage_error() -> None:
    result = run("calendar", "--agency", "XYZ")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("plan: error: 'XYZ' is not an agency of the plan: expected")
    assert "Traceback" not in result.output


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = run("calendar", "--as-of", AS_OF, "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert target.read_bytes() == calendar_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]  # no temporary left
    target.write_bytes(b"old")
    assert run("calendar", "--as-of", AS_OF, "--output", str(target)).exit_code == 0
    assert target.read_bytes() == calendar_bytes()


@pytest.mark.parametrize(
    ("where", "reason"),
    [("missing/plan.ics", "no such directory"), ("", "is a directory, not a file")],
)
def test_output_that_cannot_be_written(tmp_path: Path, where: str, reason: str) -> None:
    target = tmp_path / where
    result = run("calendar", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"plan: error: {target}: {reason}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == []
