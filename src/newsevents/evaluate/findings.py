"""Expected events described field by field, and whether a coded event matches one.

Both the worked examples (`*.expected.jsonl`) and the behavioural records describe an expected event
by fields that must equal the coded event's: a null field matches anything, a list allows any of its
values. The examples add `sentence_contains` (the event's sentence must contain that text) and a
`kind` (required, optional, spurious).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsevents.model import Actor, Event


def _actor_field(role: str, name: str) -> Callable[[Event], str | None]:
    def value(event: Event) -> str | None:
        actor: Actor | None = getattr(event, role)
        return getattr(actor, name) if actor is not None else None

    return value


def _location_name(event: Event) -> str | None:
    # place names compared without case: "Gaza City" and "Gaza city" are one place
    return event.location.name.casefold() if event.location and event.location.name else None


def _location_country(event: Event) -> str | None:
    return event.location.country if event.location else None


FIELDS: dict[str, Callable[[Event], str | None]] = {
    "source_country": _actor_field("source", "country"),
    "source_sector": _actor_field("source", "sector"),
    "target_country": _actor_field("target", "country"),
    "target_sector": _actor_field("target", "sector"),
    "plover_type": lambda event: event.plover_type,
    "plover_mode": lambda event: event.plover_mode,
    "cameo_code": lambda event: event.cameo_code,
    "cameo_root": lambda event: event.cameo_root,
    "status": lambda event: event.status,
    "location_name": _location_name,
    "location_country": _location_country,
}
SOURCE_FIELDS = frozenset({"source_country", "source_sector"})
TARGET_FIELDS = frozenset({"target_country", "target_sector"})
ACTOR_FIELDS = SOURCE_FIELDS | TARGET_FIELDS
TYPE_FIELDS = frozenset({"plover_type", "plover_mode", "cameo_code", "cameo_root"})
STATUS_FIELDS = frozenset({"status"})
PLACE_FIELDS = frozenset({"location_name", "location_country"})

DESCRIPTIVE_KEYS = frozenset({"what", "note", "notes", "comment", "id"})  # read by people, not matched
EXAMPLE_KEYS = frozenset({"kind", "sentence_contains"})
KINDS = ("required", "optional", "spurious")


@dataclass(frozen=True)
class Finding:
    """An expected (or forbidden) event: allowed values per field; fields left out match anything."""

    allowed: Mapping[str, frozenset[str]]
    sentence_contains: str | None = None
    kind: str = "expected"
    raw: Mapping[str, Any] | None = None

    def matches(self, event: Event, ignore: frozenset[str] = frozenset()) -> bool:
        if self.sentence_contains is not None and self.sentence_contains not in event.sentence:
            return False
        return all(self.field_matches(name, event) for name in self.allowed if name not in ignore)

    def field_matches(self, name: str, event: Event) -> bool:
        """True when the event's value is allowed, or the field is not constrained."""
        allowed = self.allowed.get(name)
        return allowed is None or FIELDS[name](event) in allowed

    def constrains(self, names: frozenset[str]) -> bool:
        return any(name in self.allowed for name in names)


def finding_from_dict(raw: Mapping[str, Any]) -> Finding:
    """A Finding from a gold line; `location` may be an object {"name", "country"}."""
    allowed: dict[str, frozenset[str]] = {}
    for key, value in _flat_fields(raw).items():
        values = _allowed_values(value)
        if values is not None:
            allowed[key] = frozenset(v.casefold() for v in values) if key == "location_name" else values
    contains = raw.get("sentence_contains")
    return Finding(
        allowed=allowed,
        sentence_contains=str(contains) if contains else None,
        kind=str(raw.get("kind") or "expected"),
        raw=raw,
    )


def _flat_fields(raw: Mapping[str, Any]) -> dict[str, Any]:
    flat = {key: value for key, value in raw.items() if key in FIELDS}
    location = raw.get("location")
    if isinstance(location, Mapping):
        flat["location_name"] = location.get("name")
        flat["location_country"] = location.get("country")
    return flat


def _allowed_values(value: Any) -> frozenset[str] | None:
    """None (and an empty list) leave a field free; a list allows any member; a scalar itself."""
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return frozenset(str(item) for item in value if item is not None) or None
    return frozenset({str(value)})


def finding_problem(raw: Any, *, examples: bool) -> str | None:
    """Why a gold line cannot describe an event (a misspelt field would silently match anything)."""
    if not isinstance(raw, Mapping):
        return "not a JSON object"
    known = set(FIELDS) | DESCRIPTIVE_KEYS | {"location"} | (EXAMPLE_KEYS if examples else set())
    unknown = sorted(set(raw) - known)
    if unknown:
        return f"unknown field(s) {', '.join(unknown)}"
    location = raw.get("location")
    if location is not None and not isinstance(location, Mapping):
        return "location is not an object"
    if examples and raw.get("kind") not in KINDS:
        return f"kind must be one of {', '.join(KINDS)}, not {raw.get('kind')!r}"
    return None


def match_one_to_one(
    findings: Sequence[Finding], events: Sequence[Event], ignore: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Pairs (finding index, event index), each used once, as many as can be made.

    A maximum bipartite matching (augmenting paths), so an early finding never takes the one event a
    later finding needed; the result does not depend on the order of the gold lines.
    """
    candidates = [[j for j, event in enumerate(events) if f.matches(event, ignore)] for f in findings]
    owner: dict[int, int] = {}  # event index -> finding index

    def assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(findings)):
        assign(i, set())
    return sorted((i, j) for j, i in owner.items())


def event_summary(event: Event) -> dict[str, Any]:
    """What a person needs to see of a coded event when a record fails."""
    return {
        "plover_type": event.plover_type,
        "cameo_code": event.cameo_code,
        "status": event.status,
        "source": _actor_summary(event.source),
        "target": _actor_summary(event.target),
        "location": _location_summary(event),
        "confidence": round(event.confidence, 3),
        "sentence": event.sentence,
    }


def _actor_summary(actor: Actor | None) -> str | None:
    if actor is None:
        return None
    return f"{actor.country or '-'}/{actor.sector or '-'} code={actor.code or '-'} ({actor.text})"


def _location_summary(event: Event) -> str | None:
    if event.location is None:
        return None
    return f"{event.location.name}/{event.location.country or '-'}"
