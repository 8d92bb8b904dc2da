"""The query reports' stable JSON and CSV fields, read from the report dataclasses (``queries``).

Documented in README: each item has ``kind``, ``id``, ``status``, ``deadline``, ``title`` (in
the language asked for: the unofficial English translation, or the Russian), ``title_ru``
(verbatim), ``lead`` and ``executors`` (the act's codes in every language), and the fields that
apply to it. CSV is one row per item with these fields (``ITEM_FIELDS``), or a field/value list
for ``plan show``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _string
from typing import Any

from .i18n import Lang, label, pick
from .models import Abbreviation, Measure, ProgressRecord
from .queries import (
    AgencyDuties,
    AgencyRow,
    AgencyTable,
    Detail,
    Item,
    ItemList,
    PlanList,
    PlanRow,
)
from .status import Status

Report = ItemList | Detail | AgencyTable | AgencyDuties | PlanList

ITEM_FIELDS = (
    "kind",
    "id",
    "number",
    "status",
    "deadline",
    "deadline_text",
    "start",
    "period",
    "days_overdue",
    "days_late",
    "done_on",
    "evidence",
    "lead",
    "executors",
    "title",
    "title_ru",
)
"""The columns of an item in CSV, in order (``role`` first in an agency's view; ``plan`` first
of all when several plans are loaded)."""


def item_json(item: Item, lang: Lang) -> dict[str, Any]:
    """``title`` in the language (English: the unofficial translation), ``title_ru`` verbatim."""
    o, s = item.obligation, item.standing
    out: dict[str, Any] = {} if o.plan is None else {"plan": o.plan}
    out |= {
        "kind": o.kind,
        "id": o.id,
        "status": s.status.value,
        "deadline": o.deadline.isoformat() if o.deadline else None,
        "title": pick(lang, o.title_ru, o.title_en),
        "title_ru": o.title_ru,
        "lead": o.lead,
        "executors": list(o.executors),
    }
    if o.number is not None:
        out["number"] = o.number
        out["deadline_text"] = o.deadline_text
    if o.occurrence is not None:
        out["occurrence"] = o.occurrence
    if o.column is not None:
        out["column"] = o.column
    if o.start is not None:
        out["start"] = o.start.isoformat()
    if o.period is not None:
        out["period"] = o.period
    if item.role is not None:
        out["role"] = item.role
    if s.days_overdue is not None:
        out["days_overdue"] = s.days_overdue
    if s.record is not None and s.status is Status.done:
        out["done_on"] = s.record.on.isoformat()
        if s.days_late is not None:
            out["days_late"] = s.days_late
        if s.record.evidence is not None:
            out["evidence"] = s.record.evidence
    return out


def _agency_json(entry: Abbreviation | None, code: str) -> dict[str, Any]:
    return {
        "code": code,
        "alias": entry.alias if entry else None,
        "name": entry.expansion if entry else None,
        "name_en": entry.name_en if entry else None,
    }


def record_json(record: ProgressRecord) -> dict[str, Any]:
    return {
        "on": record.on.isoformat(),
        "status": record.status.value,
        "evidence": record.evidence,
        "note": record.note,
        "by": record.by,
    }


def _window(report: Report) -> dict[str, Any]:
    return {"as_of": report.as_of.isoformat(), "horizon": report.horizon.isoformat()}


def _dump(value: Any) -> Any:
    """A model (or a list of models) as JSON data."""
    if isinstance(value, list):
        return [_dump(item) for item in value]
    return value.model_dump(mode="json", exclude_none=True)


_MEASURE_EXTRAS = (
    "number_text",
    "section",
    "other_deadlines",
    "financing_text",
    "sources_text",
    "financing",
    "other_cells",
    "review",
)
"""A measure's fields that only some plans have: in its JSON when it has them."""


def _measure_extras(measure: Measure) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _MEASURE_EXTRAS:
        value = getattr(measure, name)
        if value is None or value == []:
            continue
        out[name] = value if isinstance(value, str | dict) else _dump(value)
    return out


def detail_json(detail: Detail, lang: Lang) -> dict[str, Any]:
    item = item_json(detail.item, lang)
    out: dict[str, Any] = _window(detail)
    if detail.plan is not None:
        out["plan"] = detail.plan
    out.update({key: item[key] for key in ("kind", "id")})
    if detail.measure is not None:
        m = detail.measure
        out.update(
            {
                "number": m.number,
                "text": m.text,
                "form_text": m.form_text,
                "forms": list(m.forms) if m.forms is not None else None,
                "executors_text": m.executors_text,
                "executors": [
                    {
                        **_agency_json(detail.agency(e.agency), e.agency),
                        "role": e.role.value,
                        "by_agreement": e.by_agreement,
                    }
                    for e in m.executors
                ],
                "deadline_text": m.deadline_text,
                "deadline": _dump(m.deadline),
                "costs_text": m.costs_text,
                "costs": m.costs.model_dump(mode="json") if m.costs else None,
                "en": m.en.model_dump(mode="json", exclude_none=True) if m.en else None,
            }
        )
        out.update(_measure_extras(m))
    if detail.report is not None:
        r = detail.report
        obligation = detail.item.obligation
        out.update(
            {
                "title": pick(lang, r.title_ru, r.title_en),
                "title_ru": r.title_ru,
                "title_en": r.title_en,
                "point": r.point,
                "point_text": detail.point_text,
                "period": obligation.period,
                "obligors": list(r.obligors),
                "by_agreement": list(r.by_agreement),
                "recipients": list(r.recipients),
                "executors": [
                    {
                        **_agency_json(detail.agency(code), code),
                        "by_agreement": code in obligation.by_agreement,
                        "status": detail.shares[code].status.value
                        if code in detail.shares
                        else item["status"],
                    }
                    for code in obligation.executors
                ],
            }
        )
    out["due"] = item["deadline"]
    out["start"] = item.get("start")
    out["status"] = item["status"]
    for key in ("days_overdue", "days_late", "done_on", "evidence"):
        if key in item:
            out[key] = item[key]
    out["history"] = [record_json(r) for r in detail.history]
    out["later_records"] = detail.later_records
    if detail.occurrences:  # a measure falling due several times: each of its obligations
        out["occurrences"] = [item_json(i, lang) for i in detail.occurrences]
    return out


def agency_row_json(row: AgencyRow, scoped: bool = False) -> dict[str, Any]:
    """An agency's row; with several plans loaded also how many of them it has a part in and
    its other codes in them (``codes``: a renamed or merged body's)."""
    a = row.agency
    out: dict[str, Any] = {
        "code": a.code,
        "alias": a.alias,
        "name": a.expansion,
        "name_en": a.name_en,
        "kind": a.kind.value,
        "lead": row.lead,
        "co": row.co,
        "by_agreement": row.by_agreement,
        "reports": row.reports,
        "overdue": row.overdue,
    }
    if scoped:
        out |= {"plans": row.plans, "codes": list(row.codes)}
    return out


def plan_row_json(row: PlanRow, lang: Lang) -> dict[str, Any]:
    act = row.act
    upcoming = row.next.obligation if row.next is not None else None
    return {
        "id": row.id,
        "act": {
            "kind": act.kind.value,
            "number": act.number,
            "date": act.date.isoformat() if act.date else None,
            "title": act.title,
        },
        "title": pick(lang, act.plan_title, act.plan_title_en),
        "title_ru": act.plan_title,
        "period": {"first_year": act.period.first_year, "last_year": act.period.last_year},
        "measures": row.measures,
        "obligations": row.obligations,
        "overdue": row.overdue,
        "next_deadline": upcoming.deadline.isoformat() if upcoming and upcoming.deadline else None,
        "next_obligation": upcoming.id if upcoming else None,
        "file": str(row.path),
    }


def report_json(report: Report, lang: Lang) -> dict[str, Any]:
    """The report's JSON object, as README documents it."""
    if isinstance(report, ItemList):
        return {**_window(report), "items": [item_json(item, lang) for item in report.items]}
    if isinstance(report, Detail):
        return detail_json(report, lang)
    if isinstance(report, AgencyTable):
        # the same in either language: each agency has `name` and `name_en`
        rows = [agency_row_json(row, report.scoped) for row in report.rows]
        return {**_window(report), "agencies": rows}
    if isinstance(report, PlanList):
        return {**_window(report), "plans": [plan_row_json(row, lang) for row in report.rows]}
    a = report.agency
    agency: dict[str, Any] = {
        "code": a.code,
        "alias": a.alias,
        "name": a.expansion,
        "name_en": a.name_en,
        "kind": a.kind.value,
    }
    if report.scoped:
        agency["codes"] = list(report.codes)
    return {
        **_window(report),
        "agency": agency,
        "lead": [item_json(item, lang) for item in report.lead],
        "co": [item_json(item, lang) for item in report.co],
        "reports": [item_json(item, lang) for item in report.reports],
    }


# --- JSON text ------------------------------------------------------------------------------


def json_text(data: Any) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` and a line break, byte for byte, made
    faster: with an indent the standard library writes every value in Python, here each string
    is written by its C encoder and each key's line start is made once. Data holding anything
    but dicts with string keys, lists, tuples, strings, integers, floats, booleans and None is
    left to ``json.dumps``."""
    out: list[str] = []
    try:
        _write_json(data, "\n", out)
    except _NotPlain:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out.append("\n")
    return "".join(out)


class _NotPlain(Exception):
    """A value :func:`json_text` leaves to ``json.dumps`` (a subclass, an enum, a set …)."""


_KEY_STARTS: dict[str, dict[str, tuple[str, str]]] = {}
"""At each indentation, each key's line start: after ``{`` and after ``,``."""


def _write_json(value: Any, newline: str, out: list[str]) -> None:
    """``value`` as JSON into ``out``, its inner lines starting with ``newline`` and two more
    spaces."""
    kind = type(value)
    if kind is str:
        out.append(_string(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        starts = _KEY_STARTS.setdefault(inner, {})
        first = True
        for key, item in value.items():
            start = starts.get(key)
            if start is None:
                if type(key) is not str:
                    raise _NotPlain
                name = _string(key) + ": "
                start = starts[key] = ("{" + inner + name, "," + inner + name)
            out.append(start[0] if first else start[1])
            first = False
            if type(item) is str:
                out.append(_string(item))
            else:
                _write_json(item, inner, out)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        between = "[" + inner
        for item in value:
            out.append(between)
            if type(item) is str:
                out.append(_string(item))
            else:
                _write_json(item, inner, out)
            between = "," + inner
        out.append(newline + "]")
    elif value is None:
        out.append("null")
    elif kind is bool:
        out.append("true" if value else "false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        out.append(json.dumps(value))  # (NaN and Infinity as json writes them)
    else:
        raise _NotPlain


# --- CSV: flat rows -----------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _flatten(value: Any, prefix: str, out: list[list[str]]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flatten(inner, f"{prefix}.{key}" if prefix else key, out)
    elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
        for i, inner in enumerate(value):
            _flatten(inner, f"{prefix}[{i}]", out)
    else:
        out.append([prefix, _cell(value)])


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet may run as a formula when a cell starts with it (OWASP, CSV injection)."""


def defused(cell: str) -> str:
    """The cell as text a spreadsheet shows and does not run: one starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading apostrophe, as OWASP advises."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def csv_header(keys: list[str], lang: Lang) -> list[str]:
    """The column names in the language: English keeps the field names of the JSON (stable
    for scripts), Russian names them in words."""
    return [label(f"csv.{key}", lang) for key in keys]


def csv_rows(report: Report, lang: Lang) -> list[list[str]]:
    """A header row, then a row per item (per agency for ``plan agencies``; a field/value
    row per field for ``plan show``); every cell defused (:func:`defused`)."""
    return [[defused(cell) for cell in row] for row in _csv_rows(report, lang)]


def _csv_rows(report: Report, lang: Lang) -> list[list[str]]:
    if isinstance(report, ItemList):
        fields = ["plan", *ITEM_FIELDS] if report.scoped else list(ITEM_FIELDS)
        items = [item_json(item, lang) for item in report.items]
        rows = [[_cell(i.get(key)) for key in fields] for i in items]
        return [csv_header(fields, lang), *rows]
    if isinstance(report, AgencyDuties):
        fields = ["role", *ITEM_FIELDS]
        fields = ["plan", *fields] if report.scoped else fields
        every = [*report.lead, *report.co, *report.reports]
        rows = [
            [_cell(row.get(key)) for key in fields]
            for row in map(item_json, every, [lang] * len(every))
        ]
        return [csv_header(fields, lang), *rows]
    if isinstance(report, AgencyTable):
        agencies = [agency_row_json(row, report.scoped) for row in report.rows]
        keys = [*AGENCY_FIELDS, "plans", "codes"] if report.scoped else list(AGENCY_FIELDS)
        return [csv_header(keys, lang)] + [[_cell(row[key]) for key in keys] for row in agencies]
    if isinstance(report, PlanList):
        plans = [_plan_csv(plan_row_json(row, lang)) for row in report.rows]
        table = [[_cell(plan[key]) for key in PLAN_FIELDS] for plan in plans]
        return [csv_header(list(PLAN_FIELDS), lang), *table]
    out: list[list[str]] = [csv_header(["field", "value"], lang)]
    _flatten(detail_json(report, lang), "", out)
    return out


AGENCY_FIELDS = (
    "code",
    "alias",
    "name",
    "name_en",
    "kind",
    "lead",
    "co",
    "by_agreement",
    "reports",
    "overdue",
)


PLAN_FIELDS = (
    "id",
    "act_kind",
    "act_number",
    "act_date",
    "plan_title",
    "first_year",
    "last_year",
    "measures",
    "obligations",
    "overdue",
    "next_deadline",
    "next_obligation",
    "file",
)
"""The columns of ``plan plans`` in CSV."""


def _plan_csv(row: dict[str, Any]) -> dict[str, Any]:
    act, period = row["act"], row["period"]
    return {
        **row,
        "act_kind": act["kind"],
        "act_number": act["number"],
        "act_date": act["date"],
        "plan_title": row["title"],
        "first_year": period["first_year"],
        "last_year": period["last_year"],
    }
