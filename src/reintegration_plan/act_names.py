"""How an act names agencies and bodies: lists of names split at commas outside «quotes» and
(brackets), with their marks "(созыв)" and "(по согласованию)"; an akimats group kept whole
with its list of cities; a body's name in the dative or accusative ("Министерству …",
"Канцелярию …") brought back to the nominative; the groups of bodies a point addresses
("центральным и местным исполнительным органам") and the bodies named by the plan schema
(the Government, its Office, the Prime Minister's Office, the Presidential Administration).

Pure functions of text, used by ``plan import`` for the executors of a measure and for the
parties of a reporting duty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .conventions import BY_AGREEMENT_MARK, LEAD_MARK

__all__ = [
    "Name",
    "body_of",
    "groups_in",
    "initials",
    "nominative_forms",
    "read_names",
    "split_outside",
]

_QUALIFIER = re.compile(r"\s*\(([^()]*)\)\s*$")
_CITY_PART = re.compile(r"(?:гг?\.|город|столиц)|[А-ЯЁ][а-яё-]+(?: и [А-ЯЁ][а-яё-]+)?$")
_AKIMATS = re.compile(r"акимат", re.IGNORECASE)


def split_outside(text: str, separators: str = ",;") -> list[str]:
    """``text`` split at the separators that stand outside «quotes» and (brackets); when the
    quotes do not balance, outside brackets only."""
    for honour_quotes in (True, False):
        parts, depth, quotes, start = [], 0, 0, 0
        for i, char in enumerate(text):
            if char == "(":
                depth += 1
            elif char == ")":
                depth = max(depth - 1, 0)
            elif char == "«" and honour_quotes:
                quotes += 1
            elif char == "»" and honour_quotes:
                quotes = max(quotes - 1, 0)
            elif char in separators and depth == 0 and quotes == 0:
                parts.append(text[start:i])
                start = i + 1
        parts.append(text[start:])
        if quotes == 0 or not honour_quotes:
            return parts
    return []  # pragma: no cover - the loop returns


def join_akimats(parts: list[str]) -> list[str]:
    """An akimats group keeps its list of cities: "акиматы областей, гг. Нур-Султана,
    Шымкента и Алматы" is one name."""
    joined: list[str] = []
    for part in parts:
        stripped = part.strip()
        if (
            joined
            and _AKIMATS.search(joined[-1])
            and "(" not in joined[-1]
            and _CITY_PART.match(stripped)
            and not stripped.isupper()
        ):
            joined[-1] = f"{joined[-1]},{part}"
        else:
            joined.append(part)
    return joined


@dataclass(frozen=True)
class Name:
    name: str
    lead: bool
    by_agreement: bool
    others: tuple[str, ...]  # qualifiers not understood


def read_names(text: str) -> list[Name]:
    """The executors a cell names, in order (see the module's doc)."""
    flat = " ".join(text.split())
    found = []
    for part in join_akimats(split_outside(flat)):
        name = part.strip()
        marks: list[str] = []
        while match := _QUALIFIER.search(name):
            if not match.start():
                break
            marks.insert(0, f"({match[1]})")
            name = name[: match.start()].rstrip()
        if BY_AGREEMENT_MARK in name and "«" in name:  # "АО «ИЭИ (по согласованию)»"
            marks.append(BY_AGREEMENT_MARK)
            name = " ".join(name.replace(BY_AGREEMENT_MARK, "").split()).replace(" »", "»")
        if not name:
            continue
        lead = LEAD_MARK in marks
        agreement = BY_AGREEMENT_MARK in marks
        others = tuple(m for m in marks if m not in (LEAD_MARK, BY_AGREEMENT_MARK))
        found.append(Name(name, lead, agreement, others))
    return found


_DATIVE_TO_NOMINATIVE = (("ству", "ство"), ("ии", "ия"), ("ию", "ия"), ("у", ""), ("ю", "я"))


def nominative_forms(name: str) -> list[str]:
    """Candidate nominative forms of a body's name written in the dative or the accusative
    ("Министерству …", "Канцелярию …"): its first word's ending changed."""
    first, _, rest = name.partition(" ")
    forms = [name]
    for ending, replacement in _DATIVE_TO_NOMINATIVE:
        if first.endswith(ending):
            forms.append((first[: -len(ending)] + replacement + " " + rest).strip())
    return forms


_INITIAL_SKIP = frozenset({"и", "по", "в", "на", "для", "Республики", "Казахстан", "РК"})


def initials(name: str) -> str:
    words = [w for w in re.findall(r"[А-ЯЁа-яёA-Za-z-]+", name) if w not in _INITIAL_SKIP]
    return "".join(w[0].upper() for w in words)


_BODIES = (
    ("правительство республики казахстан", "government"),
    ("аппарат правительства республики казахстан", "government_office"),
    ("канцелярия премьер-министра республики казахстан", "prime_minister_office"),
    ("администрация президента республики казахстан", "presidential_administration"),
)

_GROUPS = (
    (re.compile(r"центральн\w+ и местн\w+ исполнительн\w+ орган"),
     ("central_executive_bodies", "local_executive_bodies")),
    (re.compile(r"центральн\w+ исполнительн\w+ орган"), ("central_executive_bodies",)),
    (re.compile(r"местн\w+ исполнительн\w+ орган"), ("local_executive_bodies",)),
    (re.compile(r"государственн\w+ орган\w*, непосредственно подчиненн\w+ и подотчетн\w+"),
     ("bodies_accountable_to_president",)),
    (re.compile(r"центральн\w+ государственн\w+ орган"), ("central_state_bodies",)),
    (re.compile(r"(?:^|, )государственн\w+ орган"), ("state_bodies",)),
    (re.compile(r"(?:ин\w+|заинтересованн\w+) организаци"), ("other_organizations",)),
    (re.compile(r"субъект\w+ квазигосударственного сектора"), ("quasi_public_sector",)),
)  # fmt: skip


def groups_in(text: str) -> list[str]:
    """The groups of bodies a text names, in its order ("местным исполнительным органам и
    заинтересованным организациям": two)."""
    spans: list[tuple[int, int, tuple[str, ...]]] = []
    for pattern, groups in _GROUPS:
        for match in pattern.finditer(text):
            if not any(match.start() < end and start < match.end() for start, end, _ in spans):
                spans.append((match.start(), match.end(), groups))
    return [group for _, _, groups in sorted(spans) for group in groups]


def body_of(name: str) -> str | None:
    """The schema's name of a body a point names (in any case): ``government`` for
    "Правительство Республики Казахстан", …"""
    forms = {form.lower() for form in nominative_forms(name)}
    return next((body for text, body in _BODIES if text in forms), None)
