"""Plans loaded together (``--plan`` given several times, ``--plans DIR``, ``PLAN_PATH``): their
ids, every obligation of them all, and each agency as one body across their glossaries.

With one plan nothing is scoped: obligations keep their ids (``measure-5``) and an agency is its
glossary entry, exactly as when the plan is loaded alone. With several, each obligation's id is
scoped to its plan (``pp-912-2016/measure-5``, :attr:`Obligation.plan` set), whatever filter
(``--plan-id``) narrows them afterwards, so that an id means the same in every view.

Agencies are matched across plans by code (``МВД`` in every plan is one body), by Latin alias
with the same name (an alias alone is a guess of ``plan import``'s), and by the ``same_as``
links of the abbreviations files: a renamed ministry's new entry names its former code, a body
made by a merger the codes of the bodies merged into it. A link written
once, in any abbreviations file loaded (a plan's, or one of its own in a ``--plans`` folder that
no plan names: the shared list of bodies), joins the entries of every plan loaded. A body is
named by its entry in that shared list, else by the entry of the latest act.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import UnknownName
from .i18n import worded
from .models import Abbreviation
from .obligations import Obligation, all_obligations, resolve_agency, scoped, unscoped
from .plan import Glossary, Plan
from .spelling import fold


@dataclass(frozen=True, eq=False)
class Body:
    """An agency as one body across the plans loaded: how it is named, and its codes in their
    glossaries (one code when they all write it alike)."""

    entry: Abbreviation
    codes: frozenset[str]

    @property
    def code(self) -> str:
        return self.entry.code


class PlanSet:
    """The plans loaded, in the order given (a folder's files by name), and what they share."""

    def __init__(
        self,
        plans: Sequence[Plan],
        shared: Sequence[Abbreviation] = (),
        *,
        scoped: bool | None = None,
    ) -> None:
        if not plans:
            raise ValueError("a set of plans holds at least one plan")
        self.plans = tuple(plans)
        self.shared = tuple(shared)
        self.scoped = len(self.plans) > 1 if scoped is None else scoped
        self._by_id = {plan.id: plan for plan in self.plans}
        self._obligations: dict[str, list[Obligation]] = {}
        self._bodies: tuple[Body, ...] | None = None
        self._by_code: dict[str, Body] | None = None
        self._names: dict[str, str] | None = None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(plan.id for plan in self.plans)

    def plan(self, plan_id: str | None = None) -> Plan:
        """The plan of that id (None: the first, the only one when nothing is scoped)."""
        if plan_id is None:
            return self.plans[0]
        return self._by_id[plan_id]

    def plan_of(self, obligation: Obligation) -> Plan:
        return self.plan(obligation.plan)

    def short_names(self) -> dict[str, str]:
        """Each plan's name in a table, by id, when several are loaded (none otherwise): its
        act's number (``912``) when no other plan's act has that number, else its id."""
        if not self.scoped:
            return {}
        if self._names is None:
            numbers = {p.id: str(p.act.number) for p in self.plans if p.act.number}
            taken = Counter(numbers.values())
            self._names = {
                p.id: numbers[p.id] if taken[numbers.get(p.id, "")] == 1 else p.id
                for p in self.plans
            }
        return self._names

    def find_plan(self, plan_id: str) -> Plan:
        """A plan by its id as a person types it (any letter case), or by its act's number
        when no other plan loaded has an act of that number (``912``, with one plan loaded
        too); else one line naming those loaded."""
        wanted = "".join(plan_id.split()).lower()
        numbered = [
            plan
            for plan in self.plans
            if plan.act.number is not None
            and "".join(str(plan.act.number).split()).lower() == wanted
        ]
        for plan in self.plans:
            if plan.id == wanted or numbered == [plan]:
                return plan
        loaded = ", ".join(self.ids)
        raise UnknownName.of(
            worded("error.not_a_plan_loaded", plan_id=repr(plan_id), loaded=loaded)
        )

    def narrowed(self, plan_id: str | None) -> PlanSet:
        """The set with only the plan ``plan_id`` (``--plan-id``; None: all), its ids scoped
        as they are in the whole set."""
        if plan_id is None:
            return self
        chosen = self.find_plan(plan_id)
        narrow = PlanSet([chosen], self.shared, scoped=self.scoped)
        narrow._obligations[chosen.id] = self.obligations_of(chosen)
        if self.scoped:  # agencies stay matched, plans named, across every plan loaded
            narrow._bodies = self.bodies()
            narrow._names = self.short_names()
        return narrow

    # --- obligations ---------------------------------------------------------------------

    def obligations_of(self, plan: Plan) -> list[Obligation]:
        """The plan's obligations (``obligations.all_obligations``), scoped when the set is;
        built once."""
        found = self._obligations.get(plan.id)
        if found is None:
            kept = plan.kept.get("obligations")
            scope = plan.id if self.scoped else None
            if kept is None:
                found = all_obligations(plan, scope)
            elif scope is None:  # kept with the plan scoped to it: a plan alone has few
                found = [unscoped(o) for o in kept]
            else:
                found = [o if o.plan == scope else scoped(unscoped(o), scope) for o in kept]
            self._obligations[plan.id] = found
        return found

    def obligations(self) -> list[Obligation]:
        """Every obligation, plan after plan, each plan's in the act's order."""
        if len(self.plans) == 1:
            return self.obligations_of(self.plans[0])
        return [o for plan in self.plans for o in self.obligations_of(plan)]

    # --- agencies ------------------------------------------------------------------------

    def glossary(self) -> tuple[Abbreviation, ...]:
        """Every glossary entry of the plans, each code once (the shared list's first), to
        write an agency's code as its Latin alias."""
        seen: dict[str, Abbreviation] = {}
        for entry in (*self.shared, *(e for p in self.plans for e in p.glossary.entries)):
            seen.setdefault(entry.code, entry)
        return tuple(seen.values())

    def bodies(self) -> tuple[Body, ...]:
        """Every body of the glossaries (executing or not), in the order first named."""
        if self._bodies is None:
            self._bodies = _bodies(self.plans, self.shared)
        return self._bodies

    def executing(self) -> tuple[Body, ...]:
        """The bodies that can execute measures: the agencies (``plan agencies``)."""
        if not self.scoped:
            return tuple(_alone(e) for e in self.plans[0].glossary.entries if e.executor)
        here = {e.code for p in self.plans for e in p.glossary.entries if e.executor}
        return tuple(b for b in self.bodies() if b.codes & here)

    def body_of(self, code: str) -> Body | None:
        """The body a glossary code belongs to (None: a code no glossary defines)."""
        if not self.scoped:
            entry = next((e for e in self.plans[0].glossary.entries if e.code == code), None)
            return _alone(entry) if entry else None
        if self._by_code is None:
            self._by_code = {c: b for b in self.bodies() for c in b.codes}
        return self._by_code.get(code)

    def resolve_agency(self, name: str) -> Body:
        """An executing agency by what a person types (``obligations.resolve_agency`` in every
        glossary): one body, or one line saying it is none or could be several."""
        if not self.scoped:
            return _alone(resolve_agency(self.plans[0], name))
        entries = [*self.shared, *(e for p in self.plans for e in p.glossary.entries)]
        matched = Glossary(tuple(entries)).matches(name)
        found = list(dict.fromkeys(b for e in matched if (b := self.body_of(e.code))))
        executing = self.executing()
        if len(found) > 1:
            several = ", ".join(b.code for b in found)
            raise UnknownName(
                f"{name!r} could be any of {several}: type more of the name, or a code or alias"
            )
        if not found or not found[0].entry.executor:
            valid = ", ".join(f"{b.code} ({b.entry.alias})" for b in executing)
            what = "is not an executing agency" if found else "is not an agency of the plans"
            raise UnknownName(
                f"{name!r} {what}: expected a code, an alias or a name, one of {valid}"
            )
        return found[0]

    def resolve_agencies(self, names: Sequence[str]) -> tuple[Body, ...]:
        """Each agency named once, in the order first named (``--agency`` given several
        times)."""
        found: dict[str, Body] = {}
        for name in names:
            body = self.resolve_agency(name)
            found.setdefault(body.code, body)
        return tuple(found.values())


def kept(plan: Plan) -> dict[str, Any]:
    """What the cache keeps with a plan (``snapshot.load_plan``'s ``keep``): its obligations,
    so that a query over many plans does not compute them, nor read the measures' models, in
    every run; scoped to the plan, as many plans loaded together take them (a plan loaded
    alone, one plan's few, are copied unscoped)."""
    return {"obligations": tuple(all_obligations(plan, plan.id))}


def of(plans: Plan | PlanSet) -> PlanSet:
    """A set of plans: the one given, or a plan alone."""
    return plans if isinstance(plans, PlanSet) else PlanSet([plans])


def _alone(entry: Abbreviation) -> Body:
    return Body(entry, frozenset({entry.code}))


def _bodies(plans: Sequence[Plan], shared: Sequence[Abbreviation]) -> tuple[Body, ...]:
    """The entries of every glossary joined into bodies, in the order first named (the plans
    in their order, then the shared list): entries with one code, one Latin alias, or linked
    by ``same_as`` (either way) are one body."""
    latest = sorted(range(len(plans)), key=lambda n: (_year(plans[n]), n))
    rank = {n: r for r, n in enumerate(latest)}
    members = [(e, rank[n]) for n, plan in enumerate(plans) for e in plan.glossary.entries]
    members += [(e, len(plans)) for e in shared]  # the shared list names a body first
    parent = list(range(len(members)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, int] = {}
    for i, (entry, _) in enumerate(members):
        for key in _keys(entry):
            if key in by_key:
                parent[root(i)] = root(by_key[key])
            else:
                by_key[key] = i
    named: dict[str, list[int]] = {}  # an entry by its code and by its alias, for same_as
    for i, (entry, _) in enumerate(members):
        for name in {fold(entry.code), fold(entry.alias)}:
            named.setdefault(name, []).append(i)
    for i, (entry, _) in enumerate(members):
        for other in entry.same_as:
            for j in named.get(fold(other), []):
                parent[root(j)] = root(i)
    groups: dict[int, list[tuple[Abbreviation, int]]] = {}
    for i, member in enumerate(members):
        groups.setdefault(root(i), []).append(member)
    return tuple(_body(group) for group in groups.values())  # in the order first named


def _year(plan: Plan) -> int:
    act = plan.act
    return act.date.year if act.date else act.period.first_year


def _keys(entry: Abbreviation) -> Iterable[str]:
    """What makes two entries one body: one code; one Latin alias with one name (aliases alone
    are not enough: ``plan import`` guesses them, and drafted АО «НК «Казмунайгаз» and АО «НГК
    «Казгеология» both ``ANK``)."""
    yield "code:" + fold(entry.code)
    yield f"alias:{fold(entry.alias)}:{fold(entry.expansion)}"


def _body(members: list[tuple[Abbreviation, int]]) -> Body:
    """A body of its entries: named by the shared list's entry, else by the latest act's
    (its English name, when it has none, from an entry with the same code and name)."""
    chosen = max(members, key=lambda member: member[1])[0]
    if chosen.name_en is None:
        named = [
            e.name_en
            for e, _ in members
            if e.name_en and e.code == chosen.code and fold(e.expansion) == fold(chosen.expansion)
        ]
        if named:
            chosen = chosen.model_copy(update={"name_en": named[-1]})
    if not chosen.executor and any(e.executor for e, _ in members):
        chosen = chosen.model_copy(update={"executor": True})
    return Body(chosen, frozenset(e.code for e, _ in members))
