"""The reporting duties an act's points create, read from their texts for ``plan import``.

A point or sub-point creates a duty when it says to report ("представлять", "направлять",
"внести", "обеспечить представление" …) something ("информацию", "отчет", "сведения", the
"ежегодную оценку") on a schedule:

- monthly, quarterly, half-yearly or yearly ("ежемесячно", "ежеквартально", "раз в
  полугодие", "на полугодовой основе", "по итогам года"), due on a day of the month after
  the period ("не позднее 10 числа месяца, следующего за отчетным полугодием", "к 15 числу"),
  or on dates in the year ("до 15 декабря и 15 июня"; "(к 10 июля и к 10 января)" for
  half-years is the 10th of the month after each; one date for a year, "по итогам года, не
  позднее 15 апреля", is a day of the next year);
- once, on a date ("не позднее 25 февраля 2020 года"); or every year on no date ("ежегодную
  оценку").

Who owes it is the point's lead-in (for a sub-point) or the words before its verb: groups of
bodies, a glossary code, or the body as the point names it; "(по согласованию)" after one puts
it in ``by_agreement``. To whom: the bodies after "в" ("в Министерство внутренних дел …",
"в Правительство … и Администрацию …"). The duty's ``title_ru`` quotes its object, from the
report noun on (a term the text defines, "(далее – Комплексная стратегия)", ends the quote
after the term's words). A duty whose obligors all receive another periodic duty follows it
(a second-level duty: the receiving body reports onward).

A point saying the table's months are "не позднее 1 числа месяца, определенного Планом" is a
rule for the table's deadlines, not a duty: :func:`month_due_rule` reads it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .act_names import body_of, groups_in, split_outside
from .act_text import GENITIVE_MONTHS, Point
from .conventions import BY_AGREEMENT_MARK, normalize_text
from .yamlout import Flow, FlowList

__all__ = ["MonthRule", "ReadDuty", "abbreviates", "month_due_rule", "read_duties", "unique"]

_MONTH = {name: n for n, name in enumerate(GENITIVE_MONTHS, start=1)}
_MONTHS_RE = "|".join(GENITIVE_MONTHS)
_PERIODIC = ("monthly", "quarterly", "half_yearly", "yearly", "fixed_dates")

_REPORT_NOUN = re.compile(
    r"\b(?:информаци[юия]|отч[её]т(?:а|ы|ов)?|оценк[уи]|мониторинг[а]?|сведени[яй]|"
    r"доклад[а]?|график[а]?)\b"
)
_REPORT_VERB = re.compile(
    r"\b(?:представл\w+|представить|направл\w+|направить|внес\w+|вносить|информировать)\b"
)
_ADJECTIVE_END = ("ую", "ый", "ой", "ий", "ое", "ые", "ых", "юю")
_DEFINED = re.compile(r"\s*\(далее\s*[–-]\s*([^)]*)\)")
_STOP_WORDS = frozenset(
    {"о", "об", "сводную", "сводной", "информацию", "информации", "обобщенную",
     "консолидированный", "проект", "проекта", "раз", "не", "до", "к", "ежегодно",
     "ежеквартально", "ежемесячно", "для", "отчет", "отчеты", "законопроекты"}
)  # fmt: skip


@dataclass
class ReadDuty:
    """A duty read from a point: the plan file's entry (``data``, with ``review`` notes), who
    owes it and to whom, and how many of its fields were read."""

    point: str
    data: dict[str, Any]
    obligors: list[str]
    recipients: list[str]
    review: dict[str, str] = field(default_factory=dict)
    parsed: int = 0


def _title_ru(text: str) -> str | None:
    """The duty's object, quoted from its text: from the report noun (with the adjective before
    it) to the end; a term the text defines "(далее – X)" ends the quote after X's words."""
    match = _REPORT_NOUN.search(text)
    if match is None:
        return None
    start = match.start()
    before = text[:start].rstrip().rsplit(" ", 1)
    if len(before) == 2 and (before[1].endswith(_ADJECTIVE_END) or before[1].startswith("проект")):
        start = len(before[0]) + 1
    quote = text[start:].rstrip(" .;:")
    defined = _DEFINED.search(quote)
    if defined:
        term = [w[:-2].lower() for w in defined[1].split() if len(w) > 3]
        words = quote[: defined.start()].split(" ")
        for i in range(len(words)):
            stems = [w.lower() for w in words[i : i + len(term)]]
            if (
                term
                and len(stems) == len(term)
                and all(s.startswith(t) for s, t in zip(stems, term, strict=True))
            ):
                return " ".join(words[: i + len(term)])
        quote = quote[: defined.start()] + quote[defined.end() :]
    return quote


def _duty_schedule(flat: str) -> tuple[dict[str, Any] | None, str | None]:
    """The schedule a duty's text says (normalized text), and what was not understood."""
    due_day = re.search(r"(?:не позднее|к|до) (\d{1,2})(?: – ?г?о)? числ\w* месяца,? следующ", flat)
    dates = [
        (int(d), _MONTH[m])
        for d, m in re.findall(
            rf"(?:не позднее|к|до|и) (\d{{1,2}}) ({_MONTHS_RE})(?! \d{{4}})", flat
        )
    ]
    once = re.search(rf"(?:не позднее|до|к) (\d{{1,2}}) ({_MONTHS_RE}) (\d{{4}})", flat)
    every = None
    if re.search(r"полугоди|полугодов", flat):
        every = "half_yearly"
    elif "ежеквартальн" in flat or "раз в квартал" in flat:
        every = "quarterly"
    elif "ежемесячн" in flat or "раз в месяц" in flat:
        every = "monthly"
    elif re.search(r"ежегодн|по итогам года", flat):
        every = "yearly"
    if every == "yearly" and not (due_day or dates or once):
        return {"kind": "annual"}, None
    if once and every is None:
        day = dt.date(int(once[3]), _MONTH[once[2]], int(once[1]))
        return {"kind": "once", "due": day}, None
    if every is None:
        return None, None
    if due_day:
        return {"kind": every, "due_day_of_next_month": int(due_day[1])}, None
    if dates:
        return _dated_schedule(every, dates), None
    return {"kind": every, "due_day_of_next_month": 1}, f"no due day found for the {every} duty"


_PERIOD_ENDS = {"half_yearly": (6, 12), "quarterly": (3, 6, 9, 12), "yearly": (12,)}


def _dated_schedule(every: str, dates: list[tuple[int, int]]) -> dict[str, Any]:
    """Dates in the year: a day of the month after each period ends ("к 10 июля и к 10 января"
    for half-years) is that schedule; one date for a yearly duty is a day of the next year;
    other dates are fixed dates."""
    ends = _PERIOD_ENDS.get(every, ())
    days = {day for day, _ in dates}
    after = sorted(month % 12 + 1 for month in ends)
    if ends and len(days) == 1 and sorted(m for _, m in dates) == after:
        return {"kind": every, "due_day_of_next_month": days.pop()}
    if every == "yearly" and len(dates) == 1:
        day, month = dates[0]
        return {"kind": "yearly", "due_next_year": Flow(month=month, day=day)}
    return {"kind": "fixed_dates", "dates": [Flow(month=m, day=d) for d, m in dates]}


_DUTY_IDS = {
    "half_yearly": "half-yearly",
    "quarterly": "quarterly",
    "monthly": "monthly",
    "yearly": "yearly",
    "annual": "annual",
    "fixed_dates": "dated",
    "once": "",
}


def _duty_id(schedule: dict[str, Any], title: str, taken: set[str]) -> str:
    lowered = title.lower()
    noun = "evaluation" if "оценк" in lowered else "report"
    if re.match(r"(?:сводн|консолидированн)", lowered):
        noun = f"consolidated-{noun}"
    prefix = _DUTY_IDS[str(schedule["kind"])]
    return unique(f"{prefix}-{noun}" if prefix else noun, taken, "-")


def unique(base: str, taken: set[str], joiner: str) -> str:
    """``base``, or ``base-2``, ``base-3`` … the first not ``taken``; then taken."""
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}{joiner}{n}"
    taken.add(found)
    return found


def _subject(text: str) -> str:
    """Who a point addresses: its words before the first verb, schedule word or colon."""
    cut = re.search(
        r"\s(?:обеспечить|представлять|направлять|раз в|ежеквартально|ежемесячно|ежегодно|"
        r"по итогам|на полугодовой)\b|:",
        text,
    )
    return text[: cut.start()] if cut else ""


class _Reader:
    def __init__(self, code_for: Callable[[str], str | None]) -> None:
        self.code_for = code_for

    def read(self, points: Sequence[Point]) -> list[ReadDuty]:
        found: list[ReadDuty] = []
        for point in points:
            lead_in = point.text.text
            if point.subpoints:
                for sub in point.subpoints:
                    duty = self.duty(f"{point.number}.{sub.number}", sub.text.text, lead_in)
                    if duty:
                        found.append(duty)
            else:
                duty = self.duty(point.number, lead_in, lead_in)
                if duty:
                    found.append(duty)
        taken: set[str] = set()
        for duty in found:
            duty.data = {"id": _duty_id(duty.data["schedule"], duty.data["title_ru"], taken),
                         **duty.data}  # fmt: skip
        for duty in found:
            if duty.data["schedule"]["kind"] in ("annual", "once"):
                continue
            for earlier in found:
                if (
                    earlier is not duty
                    and earlier.data["schedule"]["kind"] not in ("annual", "once")
                    and duty.obligors
                    and set(duty.obligors) <= set(earlier.recipients)
                ):
                    duty.data["follows"] = earlier.data["id"]
                    break
        return found

    def duty(self, point: str, text: str, lead_in: str) -> ReadDuty | None:
        flat = normalize_text(text)
        if "определенного план" in flat:
            return None  # a deadline rule for the table's months, not a report
        title = _title_ru(text)
        evaluation = re.search(r"ежегодн\w* оценк", flat)
        if title is None or not (_REPORT_VERB.search(text) or evaluation):
            return None
        schedule, problem = _duty_schedule(flat)
        if schedule is None:
            return None
        subject = _subject(lead_in)
        obligors, agreement = self.obligors(subject)
        recipients = self.recipients(text)
        data: dict[str, Any] = {"point": point, "title_ru": title}
        duty = ReadDuty(point, data, obligors, recipients)
        if obligors:
            data["obligors"] = FlowList(obligors)
            duty.parsed += 1
        else:
            data["obligors"] = FlowList([subject or lead_in])
            duty.review["obligors"] = "who owes it was not understood"
        if agreement:
            data["by_agreement"] = FlowList(agreement)
        if recipients:
            data["recipients"] = FlowList(recipients)
            duty.parsed += 1
        data["schedule"] = Flow(schedule)
        if problem:
            duty.review["schedule"] = problem
        else:
            duty.parsed += 1
        if duty.review:
            data["review"] = duty.review
        return duty

    def obligors(self, subject: str) -> tuple[list[str], list[str]]:
        found: list[str] = []
        agreement: list[str] = []
        parts: list[str] = []
        for part in split_outside(subject):
            if parts and part.strip().startswith("непосредственно"):
                parts[-1] += "," + part  # "государственным органам, непосредственно …"
            else:
                parts.append(part)
        for part in parts:
            name = part.strip().removeprefix("а также ").strip()
            by_agreement = BY_AGREEMENT_MARK in name
            name = name.replace(BY_AGREEMENT_MARK, "").strip()
            if not name:
                continue
            names = groups_in(normalize_text(name)) or [self.code_for(name) or name]
            for item in names:
                if item not in found:
                    found.append(item)
            if by_agreement:
                agreement.append(names[-1])
        return found, agreement

    def recipients(self, text: str) -> list[str]:
        found: list[str] = []
        for match in re.finditer(r"(?:^|\s)(?:в|и) ((?:[А-ЯЁ]|уполномоченн)\S*)", text):
            words = text[match.start(1) :].split(" ")
            name: list[str] = []
            for k, word in enumerate(words):
                bare = word.rstrip(".,;:")
                if name and (bare.lower() in _STOP_WORDS or bare.startswith("(")):
                    break
                if name and bare == "и" and k + 1 < len(words) and words[k + 1][:1].isupper():
                    break  # "в Правительство … и Администрацию …": two names
                name.append(bare)
                if bare != word:
                    break
            phrase = " ".join(name)
            if phrase.lower().startswith(("правительств", "министерств", "агентств", "аппарат",
                                          "канцеляри", "администраци", "уполномоченн", "комитет",
                                          "акимат", "министр")):  # fmt: skip
                recipient = self.code_for(phrase) or body_of(phrase) or phrase
                if recipient not in found:
                    found.append(recipient)
        return found


@dataclass(frozen=True)
class MonthRule:
    """A point saying the table's months are "не позднее N числа месяца, определенного
    Планом": the day, the point's text (normalized), the items it excepts ("за исключением
    законопроектов, предусмотренных пунктами 10, 11 и 12 Плана") and the point's number."""

    day: int
    text: str
    excepted: frozenset[str]
    point: str


def month_due_rule(points: Sequence[Point]) -> MonthRule | None:
    """The first point that sets the day the table's months fall due on, if any."""
    for point in points:
        flat = normalize_text(point.text.text)
        match = re.search(r"не позднее (\d{1,2}) числа месяца, определенного план", flat)
        if match:
            excepted = re.search(r"за исключением [^.]*?пункт\w* ([\d, и]+)", flat)
            numbers = frozenset(re.findall(r"\d+", excepted[1])) if excepted else frozenset()
            return MonthRule(int(match[1]), flat, numbers, point.number)
    return None


def abbreviates(heading: str, text: str) -> bool:
    """Whether a column heading names a body the text names: as a word ("Правительство") or as
    the first letters of its words ("Минюст": Министерство юстиции)."""
    short = heading.replace(" ", "").lower()
    flat = text.replace(" ", "")
    if short in flat:
        return True
    words = text.split()
    for i in range(len(words)):
        rest, j = short, i
        while rest and j < len(words) and len(rest) >= 2:
            word = words[j]
            k = next(
                (k for k in range(min(len(word), len(rest)), 1, -1) if rest.startswith(word[:k])), 0
            )
            if not k:
                break
            rest, j = rest[k:], j + 1
        if not rest:
            return True
    return False


def read_duties(points: Sequence[Point], code_for: Callable[[str], str | None]) -> list[ReadDuty]:
    """The reporting duties the points create, in their order (see the module's doc);
    ``code_for`` gives the glossary code a body's name stands for, if any."""
    return _Reader(code_for).read(points)
