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
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .deadlines import quarter_of
from .models import Abbreviation, Act
from .obligations import Obligation
from .plan_set import of
from .queries import Plans, due
from .status import Records, Standing

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
    plans: tuple[tuple[str, Act], ...] = ()  # several plans loaded: each one's id and act, in
    # the order of their rows (each row's obligation names its plan)
    names: Mapping[str, str] = field(default_factory=dict)  # their short names, by id

    def plan_name(self, plan: str | None) -> str:
        """A row's plan as a chart names it: its act's number (the short name), else its id;
        nothing with one plan."""
        if plan is None:
            return ""
        return self.names.get(plan, plan)


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
    plan: Plans,
    records: Records,
    as_of: dt.date,
    agencies: Sequence[str] = (),
    window_end: dt.date | None = None,
) -> Timeline:
    """The grid as of the date, in the act's order (plan after plan: the quarters span the
    periods of the plans shown); with ``agencies`` (codes, aliases or names), only what they
    lead, co-execute or report on; ``window_end``: the last day counted as due (by default the
    end of the date's quarter)."""
    plans = of(plan)
    items = due(
        plans, records, as_of, window_end=window_end, agencies=agencies, include_all=True
    ).items
    shown = {i.obligation.plan for i in items}
    chosen = [p for p in plans.plans if (p.id if plans.scoped else None) in shown]
    periods = [p.file.act.period for p in chosen or plans.plans]
    every = plans.obligations()
    first_year = min(period.first_year for period in periods)
    quarters = plan_quarters(first_year, max(period.last_year for period in periods))
    dated = (o.deadline for o in every if o.deadline and (o.plan in shown or not items))
    latest = max(dated, default=None)
    while latest is not None and quarter_of(latest) > quarters[-1]:  # a report due later
        year, quarter = quarters[-1]
        quarters = (*quarters, (year + 1, 1) if quarter == 4 else (year, quarter + 1))
    order = {o.id: n for n, o in enumerate(every)}
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
        glossary=plans.glossary() if plans.scoped else plans.plan().glossary.entries,
        plans=tuple((p.id, p.file.act) for p in plans.plans) if plans.scoped else (),
        names=plans.short_names(),
    )
