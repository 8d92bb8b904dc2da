"""The plan on a quarter grid, as plain data: what ``plan timeline`` draws.

One row per obligation (the measures in the act's order, each time a recurring one falls due a
row of its own, then the reporting obligations), one column per quarter from the first quarter
of the plan period to the first quarter after it (2017Q1 … 2020Q1: the last reports fall due in
January and February 2020), or to the quarter of the last report due after that. A quarter deadline
or a report is a mark in the quarter of its date; a period ("2017 – 2019 годы") is a bar from
its first quarter to the quarter it falls due in. Statuses are as of the date. No terminal
code here: ``timeline_view`` draws it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .deadlines import quarter_of
from .models import Abbreviation, ProgressRecord
from .obligations import Obligation, all_obligations
from .plan import Plan
from .queries import due
from .status import Standing

Quarter = tuple[int, int]


@dataclass(frozen=True)
class Row:
    id: str
    kind: str
    label: str  # the measure's number, or the report's half-year / "—"
    title_ru: str  # verbatim
    title_en: str | None  # the unofficial translation
    lead: str | None
    standing: Standing
    first: int | None  # index of the first quarter it covers (None: undated or off the grid)
    last: int | None  # index of the quarter it falls due in
    obligation: Obligation  # its dates and names, for a chart drawn to the day

    @property
    def is_period(self) -> bool:
        return self.first is not None and self.last is not None and self.first < self.last


@dataclass(frozen=True)
class Timeline:
    as_of: dt.date
    quarters: tuple[Quarter, ...]
    as_of_index: int | None  # the as-of date's quarter, when it is on the grid
    rows: tuple[Row, ...]
    glossary: tuple[Abbreviation, ...] = ()  # to write an agency's code as its alias


def plan_quarters(first_year: int, last_year: int) -> tuple[Quarter, ...]:
    """Every quarter of the period, then the first quarter of the year after it."""
    quarters = [(year, q) for year in range(first_year, last_year + 1) for q in (1, 2, 3, 4)]
    return (*quarters, (last_year + 1, 1))


def _index(quarters: Sequence[Quarter], day: dt.date | None) -> int | None:
    if day is None:
        return None
    quarter = quarter_of(day)
    return quarters.index(quarter) if quarter in quarters else None


def build_timeline(
    plan: Plan,
    records: Sequence[ProgressRecord],
    as_of: dt.date,
    agencies: Sequence[str] = (),
    window_end: dt.date | None = None,
) -> Timeline:
    """The grid as of the date, in the act's order; with ``agencies`` (codes, aliases or
    names), only what they lead, co-execute or report on; ``window_end``: the last day counted
    as due (by default the end of the date's quarter)."""
    period = plan.file.act.period
    every = all_obligations(plan)
    quarters = plan_quarters(period.first_year, period.last_year)
    latest = max((o.deadline for o in every if o.deadline), default=None)
    while latest is not None and quarter_of(latest) > quarters[-1]:  # a report due later
        year, quarter = quarters[-1]
        quarters = (*quarters, (year + 1, 1) if quarter == 4 else (year, quarter + 1))
    order = {o.id: n for n, o in enumerate(every)}
    items = due(
        plan, records, as_of, window_end=window_end, agencies=agencies, include_all=True
    ).items
    rows = []
    for item in sorted(items, key=lambda i: order[i.obligation.id]):
        obligation = item.obligation
        last = _index(quarters, obligation.deadline)
        first = _index(quarters, obligation.start) if obligation.start else last
        if obligation.kind == "measure":
            row_label = str(obligation.number)
        else:
            row_label = obligation.period or "—"
        rows.append(
            Row(
                id=obligation.id,
                kind=obligation.kind,
                label=row_label,
                title_ru=obligation.title_ru,
                title_en=obligation.title_en,
                lead=obligation.lead,
                standing=item.standing,
                first=first if last is not None else None,
                last=last,
                obligation=obligation,
            )
        )
    return Timeline(
        as_of=as_of,
        quarters=quarters,
        as_of_index=_index(quarters, as_of),
        rows=tuple(rows),
        glossary=plan.glossary.entries,
    )
