"""Scoring the project's behavioural records: expected events field by field, one-to-one.

Every coded event counts here, whatever its status: status is one of the fields that must match.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from newsevents.evaluate.findings import (
    ACTOR_FIELDS,
    PLACE_FIELDS,
    SOURCE_FIELDS,
    STATUS_FIELDS,
    TARGET_FIELDS,
    TYPE_FIELDS,
    Finding,
    event_summary,
    finding_from_dict,
    match_one_to_one,
)
from newsevents.evaluate.gold import GoldRecord
from newsevents.evaluate.report import Counts, Measure, Ratio, RecordScore
from newsevents.model import Event

MEASURES = (Measure("event", "events (every given field equal)"),)
RATIO_MEASURES = (
    Measure("exact", "exact records (all found, nothing extra)"),
    Measure("false_events", "false events on no-event records (lower is better)"),
    Measure("status", "status, of events matched ignoring status"),
    Measure("plover_type", "PLOVER type, of events matched ignoring type"),
    Measure("source_actor", "source actor, of events matched ign. actors"),
    Measure("target_actor", "target actor, of events matched ign. actors"),
    Measure("place_name", "place name, of events matched ign. place"),
    Measure("place_country", "place country, of events matched ign. place"),
)


# The gold leaves a planned event's root open, "04 or the CAMEO intent code 03" (README); a root of 03
# is PLOVER's AGREE, so a planned cooperative act may be coded as its intent.
INTENT_OF_PLANNED = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})


def score(record: GoldRecord, events: Sequence[Event]) -> RecordScore:
    findings = [_intent_allowed(finding_from_dict(raw)) for raw in record.expected]
    pairs = match_one_to_one(findings, events)
    counts = Counts(tp=len(pairs), fp=len(events) - len(pairs), fn=len(findings) - len(pairs))
    exact = counts.fp == 0 and counts.fn == 0
    result = RecordScore(
        counts={"event": counts},
        ratios={
            "exact": Ratio(int(exact), 1),
            "false_events": Ratio(int(bool(events)), 1) if record.expect_no_events else Ratio(),
            "status": _field_accuracy(findings, events, STATUS_FIELDS, STATUS_FIELDS),
            "plover_type": _field_accuracy(findings, events, TYPE_FIELDS, frozenset({"plover_type"})),
            "source_actor": _field_accuracy(findings, events, ACTOR_FIELDS, SOURCE_FIELDS),
            "target_actor": _field_accuracy(findings, events, ACTOR_FIELDS, TARGET_FIELDS),
            "place_name": _field_accuracy(findings, events, PLACE_FIELDS, frozenset({"location_name"})),
            "place_country": _field_accuracy(findings, events, PLACE_FIELDS, frozenset({"location_country"})),
        },
        failed=not exact,
        expected=list(record.expected),
        predicted=[event_summary(event) for event in events],
    )
    if not exact:
        result.reason = f"found {counts.tp} of {len(findings)} expected, {counts.fp} extra"
    return result


def _field_accuracy(
    findings: Sequence[Finding], events: Sequence[Event], ignored: frozenset[str], judged: frozenset[str]
) -> Ratio:
    """Among events matched with `ignored` fields set aside, how often the `judged` fields are right.

    Only pairs whose expectation constrains a judged field are counted: a null field cannot be wrong.
    """
    ratio = Ratio()
    for i, j in _pairs_ignoring(findings, events, ignored):
        finding = findings[i]
        if not finding.constrains(judged):
            continue
        ratio.total += 1
        ratio.count += all(finding.field_matches(name, events[j]) for name in judged)
    return ratio


def _pairs_ignoring(
    findings: Sequence[Finding], events: Sequence[Event], ignored: frozenset[str]
) -> list[tuple[int, int]]:
    """Pairs matched on every field first, then the rest with `ignored` set aside.

    Without the first step a record coded both ways ("A met B", A->B and B->A) could pair its one
    expected event with the wrong direction while the right one stands unpaired, and count it wrong.
    """
    full = match_one_to_one(findings, events)
    free_findings = [i for i in range(len(findings)) if i not in {i for i, _ in full}]
    free_events = [j for j in range(len(events)) if j not in {j for _, j in full}]
    rest = match_one_to_one(
        [findings[i] for i in free_findings], [events[j] for j in free_events], ignore=ignored
    )
    return full + [(free_findings[a], free_events[b]) for a, b in rest]


def _intent_allowed(finding: Finding) -> Finding:
    """A planned cooperative act with its root left open also matches its intent (AGREE, 03x)."""
    allowed = finding.allowed
    if (
        allowed.get("status") != frozenset({"planned"})
        or "cameo_root" in allowed
        or "cameo_code" in allowed
        or "plover_mode" in allowed
        or not allowed.get("plover_type", frozenset()) & INTENT_OF_PLANNED
    ):
        return finding
    widened = {**allowed, "plover_type": allowed["plover_type"] | {"AGREE"}}
    return replace(finding, allowed=widened)
