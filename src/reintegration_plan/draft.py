"""``plan import``'s drafter: an act's text, read (``act_text``'s :class:`ActText`, from any of
the formats ``act_formats`` reads), drafted into the plan file and its abbreviations file.

Pure: parts of the act in, plain data out (ready for ``yamlout``, with the comments a reader of
the draft needs). Every text of the act is copied verbatim; the structured fields beside them
are read by the act's conventions (``conventions``: deadlines, costs, financing) and by the
rules below; what is not read with confidence is kept verbatim and marked with a ``review``
note on its object (field name -> what was not understood), which ``plan validate`` reports as
a warning until a person checks the field and removes the note.

What the drafter reads, beyond the texts:

- the act: its kind (from its own line, the approval note or the preamble's "Правительство
  Республики Казахстан ПОСТАНОВЛЯЕТ"), number and date (its own line, else the approval note;
  a draft's blank "от « » 2025 года №" is left for the user's ``--number``/``--date``), the
  basis (the first act the preamble cites), the entry into force (the point "вводится в
  действие …"), the amendments (every act the footnotes cite) and the plan's period (the plan's
  title: "на 2017 – 2019 годы", "на 2022 год", "до 2026 года"; else the deadlines' years);
- the table's columns, by the meaning of their headings in any order ("Мероприятие",
  "Наименование проекта/ мероприятия", "Сроки завершения", "Ответственные за результат", a
  group "Срок представления" over three columns …), and its rows: sections (numbered headings,
  and sub-headings below them), notes under a section, indicator rows, and the measures,
  numbered 1, 2, 3 or, when the act numbers each section from 1, by section (1.7, 2.19);
- executors: names split on commas outside «quotes» and (brackets), an akimats group with its
  list of cities kept whole, "(созыв)" and "(по согласованию)" read; a name the glossary does
  not define goes into the abbreviations file as such (``in_glossary: false``) with a review
  note; the lead is the agency marked "(созыв)", or where a table marks none, the one named
  first;
- reporting duties in the points and sub-points: who (the point's lead-in or its subject, as
  groups of bodies or glossary codes or as the point names them), to whom ("в Министерство …"),
  how often and by when ("раз в полугодие, не позднее 10 числа месяца, следующего за отчетным
  периодом", "по итогам года, не позднее 15 апреля", "до 15 декабря и 15 июня", "не позднее 25
  февраля 2020 года", "ежегодную оценку"), and which duty a second-level one follows (its
  obligor receives the other);
- a deadline rule in the points ("не позднее 1 числа месяца, определенного Планом") sets the due
  day of the month deadlines in the columns it names.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel

from .act_names import Name, initials, nominative_forms, read_names
from .act_text import (
    GENITIVE_MONTHS,
    ActText,
    Citation,
    Row,
    SourceText,
    Table,
    citations,
    row_outline,
)
from .conventions import (
    LEAD_MARK,
    UnreadDeadline,
    normalize_text,
    read_amount_unit,
    read_costs_text,
    read_deadline_text,
    read_financing_text,
    sources_not_required,
)
from .numbering import plan_numbers, section_number
from .reporting import abbreviates, month_due_rule, read_duties, unique
from .yamlout import Commented, Flow, FlowList

__all__ = ["Draft", "DraftError", "Given", "Review", "draft_plan"]


class DraftError(ValueError):
    """The act cannot be drafted as a plan (it has no plan table, or the table names no
    measures, executors or deadlines)."""


@dataclass(frozen=True)
class Given:
    """What the user gives for what the text may lack (``--kind``, ``--number``, ``--date``,
    ``--title``)."""

    kind: str | None = None
    number: str | None = None
    date: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Review:
    """A field left for review: on what (``act``, ``measure``, ``duty``, ``section``), which one
    (the measure's number, the duty's point, the section's id; empty for the act), the field
    and the note (the note as the plan file has it, in English like ``plan validate``'s)."""

    kind: str
    ident: str
    field: str
    note: str


@dataclass(frozen=True)
class Draft:
    plan: dict[str, Any]
    abbreviations: dict[str, Any]
    measures: int
    parsed: int
    reviews: tuple[Review, ...]


_ACT = ("act", "")

# --- small helpers ----------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A model's fields as plain data for the YAML (enums as their values, None left out)."""
    if isinstance(value, BaseModel):
        return {k: _plain(v) for k, v in value.model_dump(exclude_none=True).items()}
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    return value


def _flow(value: Any) -> Any:
    """Small mappings on one line, as the shipped file writes deadlines and costs."""
    if isinstance(value, dict):
        return Flow({k: _flow(v) for k, v in value.items()})
    if isinstance(value, list):
        return FlowList(_flow(item) for item in value)
    return value


def _number(text: str) -> int | str:
    return int(text) if text.isdigit() else text


_MONTHS_RE = "|".join(GENITIVE_MONTHS)

_KIND_WORDS = (
    (re.compile(r"постановлени\w* правительства|правительство республики казахстан постановляет"),
     "resolution_of_government"),
    (re.compile(r"указ\w* президента|постановляю"), "decree_of_president"),
    (re.compile(r"распоряжени\w* премьер-министра"), "order_of_prime_minister"),
    (re.compile(r"совместн\w* приказ"), "joint_order"),
    (re.compile(r"приказ\w*|приказываю"), "order"),
    (re.compile(r"\bзакон\w*"), "law"),
)  # fmt: skip


def _kind_of(text: str) -> str | None:
    lowered = text.lower()
    return next((kind for pattern, kind in _KIND_WORDS if pattern.search(lowered)), None)


def _citation_kind(citation: Citation) -> str:
    return citation.kind_code or (_kind_of(citation.kind or "") or "other")


# --- columns ----------------------------------------------------------------------------------

_ROLE_RULES = (
    ("number", re.compile(r"^№|п/п|^номер")),
    ("form", re.compile(r"форма завершения|^результат")),
    ("sources", re.compile(r"источник")),
    ("costs", re.compile(r"предполагаемые расходы|^расходы")),
    ("financing", re.compile(r"финансировани|сумма|тенге")),
    ("deadline", re.compile(r"срок")),
    ("other", re.compile(r"^лицо")),
    ("executors", re.compile(r"ответственн|исполнител|разработчик")),
    ("text", re.compile(r"мероприяти|наименование|законопроект|проект|задач")),
)
_SINGLE_ROLES = ("number", "text", "form", "executors", "costs", "financing", "sources")
_DEFAULT_HEADINGS = (
    ("№ п/п", "number"),
    ("Мероприятие", "text"),
    ("Форма завершения", "form"),
    ("Ответственные исполнители", "executors"),
    ("Сроки исполнения", "deadline"),
    ("Предполагаемые расходы (тыс. тенге)", "costs"),
)


@dataclass(frozen=True)
class _Column:
    number: int
    heading: str
    group: str | None
    role: str


def _columns(table: Table) -> list[_Column]:
    columns: list[_Column] = []
    taken: set[str] = set()
    for i, heading in enumerate(table.header):
        group = next((g.text.text for g in table.groups if g.first <= i <= g.last), None)
        said = normalize_text(f"{group or ''} {heading.text}".strip())
        role = next((r for r, pattern in _ROLE_RULES if pattern.search(said)), "other")
        if role == "other" and i == 0:
            role = "number"
        if role in _SINGLE_ROLES and role in taken:
            role = "other"
        taken.add(role)
        columns.append(_Column(i + 1, heading.text, group, role))
    missing = [r for r in ("text", "executors", "deadline") if r not in taken]
    if missing:
        headings = " | ".join(text.text for text in table.header)
        raise DraftError(
            f"the plan's table names no column of {', '.join(missing)} (its header: {headings})"
        )
    return columns


# --- the drafter ------------------------------------------------------------------------------


@dataclass
class _Party:
    """A name the table or the points use for an agency, and how it goes into the
    abbreviations file."""

    code: str
    expansion: str
    in_glossary: bool
    executor: bool = False
    comment: str | None = None


class _Drafter:
    def __init__(self, act: ActText, given: Given) -> None:
        self.act = act
        self.given = given
        self.parsed = 0
        self.reviews: list[Review] = []
        self.parties: dict[str, _Party] = {}
        for entry in act.glossary.entries if act.glossary else ():
            code = entry.code.text
            if code not in self.parties:
                self.parties[code] = _Party(code, entry.expansion.text, True)

    # reviews and counts

    def note(self, where: tuple[str, str], review: dict[str, str], name: str, text: str) -> None:
        review[name] = text
        self.reviews.append(Review(*where, name, text))

    def ok(self, count: int = 1) -> None:
        self.parsed += count

    # names

    def code_for(self, name: str) -> str | None:
        """The glossary code (or a code already named) a body's name in any case stands for."""
        for form in nominative_forms(name):
            lowered = form.lower()
            for party in self.parties.values():
                if party.expansion.lower().rstrip(" ;.") == lowered or party.code == form:
                    return party.code
        found = initials(nominative_forms(name)[-1])
        for party in self.parties.values():
            if not party.in_glossary and party.code == found and party.code == party.expansion:
                party.expansion = nominative_forms(name)[-1]
                party.comment = "expansion from the points (the glossary does not define it)"
                return party.code
        return None

    def split_glued(self, name: str) -> list[str]:
        """A name that starts with a glossary code and goes on without a comma ("МТСЗН акиматы
        областей, …", 912's measure 21) as the two names."""
        if name in self.parties:
            return [name]
        for code in sorted(self.parties, key=len, reverse=True):
            party = self.parties[code]
            rest = name[len(code) + 1 :]
            if party.in_glossary and name.startswith(code + " ") and rest[:1].islower():
                return [code, rest]
        return [name]

    def party(self, name: str) -> tuple[str, str | None]:
        """The code to write for an executor's name, and a note when it is not the
        glossary's."""
        if name in self.parties:
            return name, None if self.parties[name].in_glossary else "not in the glossary"
        for suffix in (" РК", " Республики Казахстан"):
            bare = name.removesuffix(suffix)
            if bare != name and bare in self.parties and self.parties[bare].in_glossary:
                return bare, f"{name!r} read as {bare!r} of the glossary"
        self.parties[name] = _Party(name, name, False)
        return name, "not in the glossary"

    # the act

    def act_data(self, table_period: tuple[int, int] | None) -> dict[str, Any]:
        act = self.act
        review: dict[str, str] = {}
        data: dict[str, Any] = {}
        header = act.header
        own = header.act if header else None
        approval = citations(act.approval_note)[:1] if act.approval_note else ()
        cited = own or (approval[0] if approval else None)
        kind = self.given.kind or (cited.kind_code if cited else None)
        for text in (act.approval_note, act.preamble):
            if kind is None and text is not None:
                kind = _kind_of(text.text)
        if kind is None:
            kind = "other"
            self.note(_ACT, review, "kind", "the text does not say what kind of act it is")
        else:
            self.ok()
        data["kind"] = kind
        number = self.given.number or (cited.number if cited else None)
        date = self.given.date or (cited.date if cited else None)
        blank = act.approval_note.text if act.approval_note else "no line gives them"
        for name, value in (("number", number), ("date", date)):
            if value is None:
                self.note(_ACT, review, name, f"the text does not give the act's {name} "
                          f"({blank!r}): give it with --{name}")  # fmt: skip
        if number is not None:
            data["number"] = _number(number)
            self.ok()
        if date is not None:
            data["date"] = date
            self.ok()
        title = self.given.title or (header.title.text if header and header.title else None)
        if title is not None:
            data["title"] = title
        else:
            self.note(_ACT, review, "title", "the text does not give the act's title: give it "
                      "with --title")  # fmt: skip
        basis = self.basis()
        if basis is not None:
            data["basis"] = basis
        if act.preamble is not None:
            data["preamble"] = act.preamble.text
        entry = self.entry_into_force(review)
        if entry is not None:
            data["entry_into_force"] = Commented(entry[0], after=f"point {entry[1]}")
        if act.signatory is not None:
            data["signatory"] = {
                "position": act.signatory.position.text,
                "name": act.signatory.name.text,
            }
        if act.approval_note is not None:
            data["approval_note"] = act.approval_note.text
        if act.plan_title is not None:
            data["plan_title"] = act.plan_title.text
        else:
            self.note(_ACT, review, "plan_title", "the text gives no title above the table")
        footnotes = act.footnotes
        if footnotes:
            data["footnote"] = footnotes[0].text.text
            if len(footnotes) > 1:
                others = " | ".join(f.text.text for f in footnotes[1:])
                self.note(_ACT, review, "footnote", f"the act has more footnotes: {others}")
        amendments = self.amendments()
        data["amendments"] = amendments
        data["period"] = self.period(review, table_period)
        if review:
            data["review"] = review
        return data

    def basis(self) -> dict[str, Any] | None:
        if self.act.preamble is None:
            return None
        found = [c for c in citations(self.act.preamble) if c.kind]
        if not found:
            return None
        cited = found[0]
        self.ok()
        basis: dict[str, Any] = {
            "kind": _citation_kind(cited),
            "number": _number(cited.number),
            "date": cited.date,
        }
        if cited.title:
            basis["title"] = Commented(cited.title, before=("As the preamble quotes it.",))
        return basis

    def entry_into_force(self, review: dict[str, str]) -> tuple[str, str] | None:
        for point in self.act.points:
            flat = normalize_text(point.text.text)
            if "вводится в действие" not in flat:
                continue
            if re.search(r"со дня (?:его )?подписания", flat):
                kind = "on_signing"
            elif re.search(r"по истечении \S+ календарных дней после дня", flat):
                kind = "days_after_first_publication"
            elif "после дня его первого официального опубликования" in flat:
                kind = "after_first_publication"
            elif re.search(rf"с \d{{1,2}} (?:{_MONTHS_RE}) \d{{4}}", flat):
                kind = "on_date"
            else:
                self.note(_ACT, review, "entry_into_force", f"point {point.number} is in no "
                          "known form")  # fmt: skip
                return None
            rest = re.search(r", но не ранее .*", point.text.text)
            if rest:
                self.note(_ACT, review, "entry_into_force", f"the field does not keep "
                          f"{rest[0][2:]!r} (point {point.number})")  # fmt: skip
            else:
                self.ok()
            return kind, point.number
        return None

    def amendments(self) -> list[Any]:
        found: list[Any] = []
        seen = set()
        for footnote in self.act.footnotes:
            for cited in footnote.amendments:
                key = (cited.number, cited.date)
                if key in seen:
                    continue
                seen.add(key)
                found.append(
                    {"kind": _citation_kind(cited), "number": _number(cited.number),
                     "date": cited.date}
                )  # fmt: skip
                self.ok()
        return sorted(found, key=lambda a: a["date"])

    def period(
        self, review: dict[str, str], deadline_years: tuple[int, int] | None
    ) -> dict[str, int]:
        titles = [t.text for t in (self.act.plan_title,) if t] + (
            [self.act.header.title.text] if self.act.header and self.act.header.title else []
        )
        for title in titles:
            flat = normalize_text(title)
            if match := re.search(r"(\d{4}) – (\d{4})", flat):
                self.ok()
                return {"first_year": int(match[1]), "last_year": int(match[2])}
            if match := re.search(r"на (\d{4}) год", flat):
                self.ok()
                return {"first_year": int(match[1]), "last_year": int(match[1])}
            if (match := re.search(r"до (\d{4}) год\w*", flat)) and deadline_years:
                first = min(deadline_years[0], int(match[1]))
                self.note(_ACT, review, "period", f"the title says {match[0]!r}: the first "
                          f"year ({first}) is the earliest deadline's")  # fmt: skip
                return {"first_year": first, "last_year": int(match[1])}
        if deadline_years:
            self.note(_ACT, review, "period", "the titles name no period: it is the years of "
                      "the deadlines")  # fmt: skip
            return {"first_year": deadline_years[0], "last_year": deadline_years[1]}
        year = (self.given.date or dt.date(2000, 1, 1)).year
        self.note(_ACT, review, "period", "neither the titles nor the deadlines give the plan's "
                  "years")  # fmt: skip
        return {"first_year": year, "last_year": year}

    def duties(self) -> list[Any]:
        """The reporting duties the points create, their notes kept as reviews."""
        found = read_duties(self.act.points, self.code_for)
        for duty in found:
            self.ok(duty.parsed)
            for name, note in duty.review.items():
                self.reviews.append(Review("duty", duty.point, name, note))
        return [duty.data for duty in found]

    def title_period(self) -> int | None:
        """The plan's single year when its title names one ("на 2022 год")."""
        for text in (self.act.plan_title, self.act.header.title if self.act.header else None):
            if text is None:
                continue
            flat = normalize_text(text.text)
            if re.search(r"\d{4} – \d{4}", flat):
                return None
            if match := re.search(r"на (\d{4}) год", flat):
                return int(match[1])
        return None

    # points and duties

    def points(self) -> list[Any]:
        out: list[Any] = []
        for point in self.act.points:
            data: dict[str, Any] = {"number": _number(point.number), "text": point.text.text}
            if point.subpoints:
                data["subpoints"] = [
                    {"number": _number(s.number), "text": s.text.text} for s in point.subpoints
                ]
            out.append(data)
        return out


# --- the table's rows -------------------------------------------------------------------------


@dataclass
class _Rows:
    measures: list[dict[str, Any]] = field(default_factory=list)
    numbers: list[SourceText | None] = field(default_factory=list)
    sections: list[dict[str, Any]] = field(default_factory=list)
    indicators: list[tuple[dict[str, Any], int]] = field(default_factory=list)
    years: list[int] = field(default_factory=list)


class _TableDrafter:
    def __init__(self, drafter: _Drafter, table: Table, columns: list[_Column]) -> None:
        self.drafter = drafter
        self.table = table
        self.columns = columns
        self.year = drafter.title_period()
        executors = [c.number - 1 for c in columns if c.role == "executors"]
        self.convener = any(
            LEAD_MARK in row.cells[i].text
            for row in table.rows
            if row.kind == "measure"
            for i in executors
            if i < len(row.cells)
        )
        self.due_rule = month_due_rule(drafter.act.points)
        self.excepted = False
        first_deadline = next(c for c in columns if c.role == "deadline")
        self.first_deadline = first_deadline.number
        self.ruled = {
            c.number
            for c in columns
            if c.role == "deadline" and self.due_rule and abbreviates(c.heading, self.due_rule.text)
        }

    def rows(self) -> _Rows:
        found = _Rows()
        top: dict[str, Any] | None = None
        current: dict[str, Any] | None = None
        ids: set[str] = set()
        subs = 0
        for row in self.table.rows:
            if row.kind == "heading":
                number = section_number(row)
                text = row.cells[-1].text
                section: dict[str, Any] = {}
                if number and number not in ids:
                    section["id"] = number
                    if row.number:
                        section["number_text"] = row.number.text
                    top, subs = section, 0
                else:
                    subs += 1
                    parent = top["id"] if top else None
                    section["id"] = f"{parent}-{subs}" if parent else f"h{subs}"
                    while section["id"] in ids:
                        subs += 1
                        section["id"] = f"{parent}-{subs}" if parent else f"h{subs}"
                section["heading"] = text
                if top is not section and top is not None:
                    section["parent"] = top["id"]
                ids.add(section["id"])
                found.sections.append(section)
                current = section
            elif row.kind == "note":
                if current is None:
                    current = {"id": "h0", "heading": row.cells[-1].text, "notes": []}
                    found.sections.append(current)
                    ids.add("h0")
                    review = current.setdefault("review", {})
                    note = "a prose row before any heading, kept as a section"
                    self.drafter.note(("section", "h0"), review, "heading", note)
                    continue
                current.setdefault("notes", []).append(row.cells[-1].text)
            elif row.kind == "indicator":
                indicator: dict[str, Any] = {"cells": [c.text for c in row.cells if c.text]}
                if current is not None:
                    indicator["section"] = current["id"]
                found.indicators.append((indicator, len(found.measures)))
            else:
                found.measures.append(self.measure(row, current))
                found.numbers.append(row.number)
        for section in found.sections:
            if "notes" in section:  # after the heading, in the schema's order
                section["notes"] = section.pop("notes")
            if "review" in section:
                section["review"] = section.pop("review")
        return found

    def measure(self, row: Row, section: dict[str, Any] | None) -> dict[str, Any]:
        data: dict[str, Any] = {}
        outline = row_outline(row.number.text) if row.number else None
        self.excepted = bool(
            self.due_rule and outline and ".".join(map(str, outline)) in self.due_rule.excepted
        )
        review: dict[str, str] = {}
        if section is not None:
            data["section"] = section["id"]
        cells = {c.number: (row.cells[c.number - 1] if c.number - 1 < len(row.cells) else None)
                 for c in self.columns}  # fmt: skip
        for column in self.columns:
            cell = cells[column.number]
            text = cell.text if cell is not None else ""
            self.cell(column, text, data, review)
        data["_review"] = review
        return data

    def cell(
        self, column: _Column, text: str, data: dict[str, Any], review: dict[str, str]
    ) -> None:
        role = column.role
        if role == "number":
            return
        if not text:
            if role in ("text", "executors") or column.number == self.first_deadline:
                review[f"{role}_text" if role != "text" else "text"] = "the cell is empty"
            return
        if role == "text":
            data["text"] = text
        elif role == "form":
            data["form_text"] = text
            data["forms"] = text.split(", ")
            self.drafter.ok()
        elif role == "executors":
            data["executors_text"] = text
            data["executors"] = self.executors(text, review)
        elif role == "deadline":
            self.deadline(column, text, data, review)
        elif role == "costs":
            data["costs_text"] = text
            read = read_costs_text(text)
            if read is None:
                review["costs"] = f"{text!r} is neither 'не требуются' nor an amount"
            else:
                costs: dict[str, Any] = {"required": read[0]}
                if read[1] is not None:
                    costs["amount_thousand_tenge"] = read[1]
                data["costs"] = Flow(costs)
                self.drafter.ok()
        elif role == "financing":
            data["financing_text"] = text
            unit = read_amount_unit(f"{column.group or ''} {column.heading}")
            read_financing = read_financing_text(text, unit)
            if read_financing is None:
                review["financing"] = f"{text!r} is neither 'не требуются' nor amounts read"
            else:
                financing: dict[str, Any] = {"required": read_financing[0]}
                if read_financing[1]:
                    financing["amounts"] = [Flow(_plain(vars(a))) for a in read_financing[1]]
                data["financing"] = financing
                self.drafter.ok()
        elif role == "sources":
            data["sources_text"] = text
            if "financing" not in data and sources_not_required(text):
                data["financing"] = Flow(required=False)
                self.drafter.ok()
        else:
            data.setdefault("other_cells", []).append(Flow(column=column.number, text=text))

    def executors(self, text: str, review: dict[str, str]) -> list[Any]:
        names = read_names(text)
        out: list[dict[str, Any]] = []
        notes: list[str] = []
        split: list[Name] = []
        for name in names:
            parts = self.drafter.split_glued(name.name)
            if len(parts) > 1:
                notes.append(f"no comma between {parts[0]!r} and {parts[1]!r}: read as two")
                split.append(Name(parts[0], False, False, ()))
            split.append(Name(parts[-1], name.lead, name.by_agreement, name.others))
        for name in split:
            code, problem = self.drafter.party(name.name)
            self.drafter.parties[code].executor = True
            if problem == "not in the glossary":
                notes.append(f"{code!r} is not in the act's glossary (added to the abbreviations "
                             "file, in_glossary: false)")  # fmt: skip
            elif problem:
                notes.append(problem)
            if name.others:
                notes.append(f"{' '.join(name.others)} after {code!r} not understood")
            if any(e["agency"] == code for e in out):
                notes.append(f"{code!r} is named twice")
                continue
            entry: dict[str, Any] = {"agency": code, "role": "lead" if name.lead else "co"}
            if name.by_agreement:
                entry["by_agreement"] = True
            out.append(entry)
        if (
            out
            and not any(e["role"] == "lead" for e in out)
            and (len(out) == 1 or not self.convener)
        ):
            out[0]["role"] = "lead"
        if "(по согласованию)»" in text or "»(по согласованию)" in text:
            notes.append("'(по согласованию)' stands inside or against the quotes")
        if notes:
            review["executors"] = "; ".join(notes)
        elif out:
            self.drafter.ok()
        if not out:
            review["executors"] = "no executor was read from the cell"
        return [Flow(e) for e in out]

    def deadline(
        self, column: _Column, text: str, data: dict[str, Any], review: dict[str, str]
    ) -> None:
        read = read_deadline_text(text, self.year)
        name = "deadline"
        value: Any
        if isinstance(read, UnreadDeadline):
            value = Flow(kind="undated", reason="event")
            note = f"the cell {read.reason}; set as undated until a person gives it"
        else:
            items = read if isinstance(read, list) else [read]
            plain = [_plain(item) for item in items]
            rule = self.due_rule
            ruled = False
            if rule and column.number in self.ruled and not self.excepted:
                for item in plain:
                    if item["kind"] == "month":
                        item["due_day"] = rule.day
                        ruled = True
            value = _flow(plain if isinstance(read, list) else plain[0])
            if ruled and rule:
                value = Commented(value, after=f"due_day: by point {rule.point}")
            note = ""
            self.drafter.ok()
        if column.number == self.first_deadline:
            data["deadline_text"] = text
            data["deadline"] = value
        else:
            entry = {"column": column.number, "text": text, "deadline": value}
            data.setdefault("other_deadlines", []).append(entry)
            name = "other_deadlines"
        if note:
            review[name] = f"{text!r}: {note}" if name == "other_deadlines" else note


_FIELD_ORDER = (
    "number", "number_text", "section", "text", "form_text", "forms", "executors_text",
    "executors", "deadline_text", "deadline", "other_deadlines", "costs_text", "costs",
    "financing_text", "sources_text", "financing", "other_cells",
)  # fmt: skip


def _numbered(rows: _Rows, drafter: _Drafter, table: Table) -> list[dict[str, Any]]:
    """The measures with their plan numbers (``numbering``), a note where the act's own
    number could not be kept."""
    numbers = [number for number, _ in plan_numbers(table.rows)]
    for data, (_, note) in zip(rows.measures, plan_numbers(table.rows), strict=True):
        if note:
            data["_review"]["number"] = note
    out = []
    for i, data in enumerate(rows.measures):
        number = numbers[i]
        cell = rows.numbers[i]
        data["number"] = number
        if cell is not None and cell.text not in (str(number), f"{number}."):
            data["number_text"] = cell.text
        review = data.pop("_review")
        measure = {key: data[key] for key in _FIELD_ORDER if key in data}
        for key, note in review.items():
            drafter.reviews.append(Review("measure", str(number), key, note))
        if review:
            measure["review"] = review
        out.append(measure)
    return out


# --- the abbreviations file -------------------------------------------------------------------

_LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        ("a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
         "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
         "a", "g", "q", "n", "o", "u", "u", "h", "i"),
        strict=True,
    )
)  # fmt: skip
_KINDS = (
    (r"прокуратур", "prosecution"),
    (r"консультативн|совет\b|совещательн", "advisory_body"),
    (r"акимат|местн\w* исполнительн", "local_executive_body"),
    (r"финансовому мониторингу|национальн\w* банк|национальной безопасности|"
     r"подотчетн\w* президенту|верховный суд", "accountable_to_president"),
    (r"министерств|агентств|комитет|канцеляри|аппарат правительства", "central_state_body"),
    (r"неправительственн|некоммерческ\w* организаци|общественн\w* объединени", "ngo"),
    (r"акционерн|\bао\b|товариществ|палат|университет|центр|фонд|корпораци|академи|"
     r"институт|компани|банк", "organization"),
    (r"заинтересованн|загранучреждени|органы и организации|институты развития", "group"),
)  # fmt: skip


def _alias(code: str, taken: set[str]) -> str:
    words = re.findall(r"[А-ЯЁа-яёӘҒҚҢӨҰҮҺІәғқңөұүһіA-Za-z0-9]+", code)
    if len(words) > 1 or len(code) > 8:
        letters = "".join(w[0] for w in words if w.lower() not in ("и", "по", "в"))
    else:
        letters = code
    latin = "".join(_LATIN.get(c.lower(), c if c.isascii() else "") for c in letters).upper()
    latin = re.sub(r"[^A-Z0-9]", "", latin) or "X"
    return unique(latin if latin[0].isalpha() else f"X{latin}", taken, "_")


def _agency_kind(party: _Party) -> str:
    said = normalize_text(f"{party.expansion} {party.code}")
    if party.code.lower().startswith("уис") or "система" in said:
        return "system"
    found = next((k for pattern, k in _KINDS if re.search(pattern, said)), None)
    return found or ("group" if party.executor else "term")


def _abbreviations(parties: Iterable[_Party]) -> dict[str, Any]:
    taken: set[str] = set()
    entries: list[Any] = []
    added = False
    for party in parties:
        kind = _agency_kind(party)
        entry: dict[str, Any] = {
            "code": party.code,
            "expansion": Commented(party.expansion, after=party.comment),
            "in_glossary": party.in_glossary,
            "alias": _alias(party.code, taken),
            "kind": Commented(kind, after="guessed from the name: check it"),
            "executor": party.executor,
        }
        before: tuple[str, ...] = ()
        if not party.in_glossary and not added:
            added = True
            before = ("", "Not in the act's glossary: names the table or the points use.")
        entries.append(Commented(entry, before=before))
    return {"schema_version": 1, "abbreviations": entries}


# --- the draft --------------------------------------------------------------------------------


def draft_plan(
    act: ActText, *, source: str, abbreviations: str = "abbreviations.yaml", given: Given = Given()
) -> Draft:
    """The plan file and its abbreviations file drafted from an act's text (see the module's
    doc); :class:`DraftError` when the act has no plan table to draft from."""
    if act.table is None:
        raise DraftError(
            "no plan table was found (a table whose header names the measures and their "
            "deadlines, with numbered rows): there is no plan to import"
        )
    drafter = _Drafter(act, given)
    columns = _columns(act.table)
    tables = _TableDrafter(drafter, act.table, columns)
    rows = tables.rows()
    measures = _numbered(rows, drafter, act.table)
    years = sorted(_deadline_years(measures))
    duties = drafter.duties()
    head = drafter.act_data((years[0], years[-1]) if years else None)
    plan: dict[str, Any] = {
        "schema_version": 1,
        "abbreviations": Commented(abbreviations, after="relative to this file"),
        "source": Commented(source, after="relative to this file"),
        "act": Commented(head, before=("",)),
        "points": Commented(
            drafter.points(),
            before=("", 'The act\'s points; texts verbatim without the leading "1. " / "1) ".'),
        ),
        "reporting_duties": Commented(
            duties,
            before=(
                "",
                "The reporting duties read from the points (check each against its point).",
            ),
        ),
    }
    if [(c.heading, c.role) for c in columns] != list(_DEFAULT_HEADINGS) or not tables.convener:
        table: dict[str, Any] = {
            "columns": [Flow({k: v for k, v in vars(c).items() if v is not None}) for c in columns]
        }
        if not tables.convener:
            table["lead"] = Commented("first_named", after='no agency is marked "(созыв)"')
        plan["table"] = Commented(table, before=("", "The table's columns, in the act's order."))
    if rows.sections:
        plan["sections"] = Commented(
            rows.sections, before=("", "Heading rows inside the table, verbatim.")
        )
    if rows.indicators:
        indicators = []
        for data, before in rows.indicators:
            if before < len(measures):
                data["before_measure"] = measures[before]["number"]
            indicators.append(data)
        plan["indicators"] = Commented(indicators, before=("", "Target-indicator rows, verbatim."))
    plan["measures"] = Commented(
        measures,
        before=(
            "",
            "The plan's table, every row. *_text fields are the cells verbatim; the structured",
            "fields are read from them; `review` names what a person must still check.",
        ),
    )
    return Draft(
        plan=plan,
        abbreviations=_abbreviations(drafter.parties.values()),
        measures=len(measures),
        parsed=drafter.parsed,
        reviews=tuple(drafter.reviews),
    )


def _deadline_years(measures: Iterable[dict[str, Any]]) -> Iterator[int]:
    for measure in measures:
        deadlines = [measure.get("deadline")] + [
            d["deadline"] for d in measure.get("other_deadlines", [])
        ]
        for deadline in deadlines:
            for item in deadline if isinstance(deadline, list) else [deadline]:
                if isinstance(item, dict):
                    for key in ("year", "first_year", "last_year"):
                        if isinstance(item.get(key), int):
                            yield item[key]
                    for key in ("date", "first", "last"):
                        if isinstance(item.get(key), dt.date):
                            yield item[key].year
