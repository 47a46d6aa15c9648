"""Scoring a worked example: required findings each matched by some event, spurious ones by none.

The rules are those of the examples' README: a required finding is found when some event of the
article matches it (several events may state it: the headline and the body both do); optional ones
neither count for nor against; no event may match a spurious one.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.evaluate.findings import (
    ACTOR_FIELDS,
    STATUS_FIELDS,
    TYPE_FIELDS,
    Finding,
    event_summary,
    finding_from_dict,
)
from newsevents.evaluate.gold import GoldRecord
from newsevents.evaluate.report import Measure, Ratio, RecordScore
from newsevents.model import Event

MEASURES: tuple[Measure, ...] = ()
RATIO_MEASURES = (
    Measure("required_found", "required findings found"),
    Measure("spurious_hit", "spurious findings hit (lower is better)"),
    Measure("events_on_spurious", "events matching a spurious finding"),
    Measure("events_explained", "events matching a required/optional finding"),
    Measure("required_found_ignoring_status", "required found, status set aside"),
    Measure("required_found_ignoring_type", "required found, type and root set aside"),
    Measure("required_found_ignoring_actors", "required found, actors set aside"),
)


def score(record: GoldRecord, events: Sequence[Event]) -> RecordScore:
    findings = [finding_from_dict(raw) for raw in record.expected]
    required = [f for f in findings if f.kind == "required"]
    optional = [f for f in findings if f.kind == "optional"]
    spurious = [f for f in findings if f.kind == "spurious"]
    missed = [f for f in required if not _found(f, events)]
    hit = [f for f in spurious if _found(f, events)]
    result = RecordScore(
        ratios={
            "required_found": Ratio(len(required) - len(missed), len(required)),
            "spurious_hit": Ratio(len(hit), len(spurious)),
            "events_on_spurious": Ratio(_events_matching(spurious, events), len(events)),
            "events_explained": Ratio(_events_matching(required + optional, events), len(events)),
            "required_found_ignoring_status": _found_ignoring(required, events, STATUS_FIELDS),
            "required_found_ignoring_type": _found_ignoring(required, events, TYPE_FIELDS),
            "required_found_ignoring_actors": _found_ignoring(required, events, ACTOR_FIELDS),
        },
        failed=bool(missed or hit),
        expected=[_what(f) for f in missed] + [_what(f) for f in hit],
        predicted=[event_summary(event) for event in events],
    )
    if result.failed:
        result.reason = f"missed {len(missed)} of {len(required)} required; hit {len(hit)} spurious"
    return result


def _found(finding: Finding, events: Sequence[Event], ignore: frozenset[str] = frozenset()) -> bool:
    return any(finding.matches(event, ignore) for event in events)


def _found_ignoring(required: Sequence[Finding], events: Sequence[Event], ignore: frozenset[str]) -> Ratio:
    return Ratio(sum(_found(f, events, ignore) for f in required), len(required))


def _events_matching(findings: Sequence[Finding], events: Sequence[Event]) -> int:
    return sum(any(f.matches(event) for f in findings) for event in events)


def _what(finding: Finding) -> dict[str, object]:
    raw = dict(finding.raw or {})
    label = "missed" if finding.kind == "required" else "hit"
    return {"finding": label, **raw}
