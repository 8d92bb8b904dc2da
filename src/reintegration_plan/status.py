"""The status of an obligation as of a date, from its deadline and the progress recorded.

Rules (also in README and ``plan due --help``), for a date D and a horizon H (the last day of
D's quarter, or the end of a ``--within`` window):

* no progress recorded: ``overdue`` when the deadline is before D; ``due`` when it lies between
  D and H, both inclusive; ``ongoing`` when a period has started (on or before D) but is not
  yet due; ``upcoming`` otherwise; an obligation without a date is ``undated``, never overdue;
* only records dated on or before D count, and the latest of them decides (on the same day,
  the one later in the file): ``done`` (with the days late, when done after the deadline) and
  ``cancelled`` replace the computed status; ``in_progress`` replaces it too, except that an
  obligation past its deadline stays ``overdue``; ``not_started`` leaves the computed status
  (so it undoes an earlier record).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from .deadlines import quarter_end, quarter_of
from .models import ProgressRecord, ProgressStatus
from .obligations import Obligation


class Status(str, Enum):
    overdue = "overdue"
    due = "due"
    in_progress = "in_progress"
    ongoing = "ongoing"
    upcoming = "upcoming"
    undated = "undated"
    done = "done"
    cancelled = "cancelled"


URGENCY: dict[Status, int] = {status: rank for rank, status in enumerate(Status)}
"""Most urgent first: the order of :class:`Status`."""

OPEN = frozenset({Status.overdue, Status.due, Status.ongoing})
"""What ``plan due`` lists without ``--all`` (plus work in progress on such obligations)."""


@dataclass(frozen=True)
class Standing:
    """Where an obligation stands as of a date."""

    status: Status
    computed: Status  # from the dates alone, as if nothing were recorded
    days_overdue: int | None = None  # overdue: days since the deadline
    days_late: int | None = None  # done after the deadline: by how many days
    record: ProgressRecord | None = None  # the record that decided, if any

    @property
    def open(self) -> bool:
        """Listed by ``plan due``: overdue, due or ongoing, or in progress while due or ongoing."""
        if self.status is Status.in_progress:
            return self.computed in OPEN
        return self.status in OPEN

    @property
    def urgency(self) -> tuple[int, int]:
        """Sort key, most urgent first; work in progress ranks with what the dates say."""
        if self.status is Status.in_progress:
            return URGENCY[self.computed], 1
        return URGENCY[self.status], 0


def horizon_of(as_of: dt.date, window_end: dt.date | None = None) -> dt.date:
    """The last day counted as "due": the end of a window (``--within 30d``) when one is
    given, else the end of as_of's quarter."""
    if window_end is not None:
        return window_end
    return quarter_end(*quarter_of(as_of))


class RecordIndex:
    """The progress records by the obligation each is about, in the file's order.

    Built once, in one pass over the records, so that an obligation's standing costs its own
    records and not all of them: the queries stay linear in the size of the progress file.
    With ``scoped`` (several plans loaded), by the scoped id of the obligation in the plan
    each record names (``pp-912-2016/measure-5``; ``progress`` gives every record its plan).
    """

    def __init__(self, records: Iterable[ProgressRecord], scoped: bool = False) -> None:
        self.records = list(records)
        self._about: dict[str, list[ProgressRecord]] = {}
        for record in self.records:
            key = f"{record.plan}/{record.target}" if scoped else record.target
            self._about.setdefault(key, []).append(record)

    def about(self, obligation_id: str) -> list[ProgressRecord]:
        """The records about the obligation, in the file's order (all dates)."""
        return self._about.get(obligation_id, [])


Records = Sequence[ProgressRecord] | RecordIndex
"""The progress records as the queries take them: a list, or indexed once already."""


def indexed(records: Records, scoped: bool = False) -> RecordIndex:
    return records if isinstance(records, RecordIndex) else RecordIndex(records, scoped)


def records_about(
    obligation: Obligation, records: Iterable[ProgressRecord], as_of: dt.date
) -> list[ProgressRecord]:
    """The records about the obligation dated on or before as_of, oldest first (stable); a
    record naming another plan than the obligation's is not about it."""
    target, plan = obligation.local_id, obligation.plan
    mine = [
        r
        for r in records
        if r.target == target and r.on <= as_of and (plan is None or r.plan in (None, plan))
    ]
    return sorted(mine, key=lambda r: r.on)


def computed_status(obligation: Obligation, as_of: dt.date, horizon: dt.date) -> Status:
    deadline = obligation.deadline
    if deadline is None:
        return Status.undated
    if deadline < as_of:
        return Status.overdue
    if deadline <= horizon:
        return Status.due
    if obligation.start is not None and obligation.start <= as_of:
        return Status.ongoing
    return Status.upcoming


def status_of(
    obligation: Obligation,
    as_of: dt.date,
    horizon: dt.date,
    records: Iterable[ProgressRecord] = (),
) -> Standing:
    """The obligation's status as of the date (records after it are ignored)."""
    computed = computed_status(obligation, as_of, horizon)
    deadline = obligation.deadline
    overdue_days = (as_of - deadline).days if computed is Status.overdue and deadline else None
    counted = records_about(obligation, records, as_of) if records else ()
    latest = counted[-1] if counted else None
    if latest is None or latest.status is ProgressStatus.not_started:
        return Standing(computed, computed, days_overdue=overdue_days, record=latest)
    if latest.status is ProgressStatus.done:
        late = (latest.on - deadline).days if deadline and latest.on > deadline else None
        return Standing(Status.done, computed, days_late=late, record=latest)
    if latest.status is ProgressStatus.cancelled:
        return Standing(Status.cancelled, computed, record=latest)
    if computed is Status.overdue:
        return Standing(Status.overdue, computed, days_overdue=overdue_days, record=latest)
    return Standing(Status.in_progress, computed, record=latest)
