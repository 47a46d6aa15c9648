"""Scoring against the PLOVER gold standard records: one event type per sentence, actor countries.

The gold gives one type per record (0.5b1 names already mapped to 2021 ones when read). A record's type
is right at the top when the coder's most confident event has it, and right somewhere when any event
has it; a record with no event is wrong on both. Countries are compared for the top event where the
gold gives actor codes. Every event counts here, whatever its status: the gold has no status.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.evaluate.findings import event_summary
from newsevents.evaluate.gold import GoldRecord
from newsevents.evaluate.report import Counts, Measure, Ratio, RecordScore
from newsevents.model import Actor, Event

MEASURES = (Measure("type", "PLOVER type (distinct types per record)"),)
RATIO_MEASURES = (
    Measure("top_type", "top event type accuracy"),
    Measure("any_type", "any event type accuracy"),
    Measure("source_country", "source country of top event"),
    Measure("target_country", "target country of top event"),
    Measure("no_event", "records with no event coded"),
)


def top_event(events: Sequence[Event]) -> Event | None:
    """The most confident event; the first of equals, so the coder's order breaks ties."""
    return max(events, key=lambda event: event.confidence, default=None)


def actor_agrees(actor: Actor | None, gold_codes: Sequence[str]) -> bool:
    """True when the actor is one of the gold's actors.

    The gold codes are CAMEO-style: a country (ISR), or a bare kind of body (IGO, NGO), so a code
    agrees with the actor's country, its sector, or the start of its full code (IGOUNO).
    """
    if actor is None:
        return False
    full_code = actor.code or ""
    return any(code in (actor.country, actor.sector) or full_code.startswith(code) for code in gold_codes)


def score(record: GoldRecord, events: Sequence[Event]) -> RecordScore:
    gold_type = record.expected[0]["plover_type"]
    top = top_event(events)
    types = {event.plover_type for event in events}
    found = gold_type in types
    top_right = top is not None and top.plover_type == gold_type
    result = RecordScore(
        counts={"type": Counts(tp=int(found), fp=len(types - {gold_type}), fn=int(not found))},
        ratios={
            "top_type": Ratio(int(top_right), 1),
            "any_type": Ratio(int(found), 1),
            "source_country": _country_ratio(top.source if top else None, record.meta.get("source_codes")),
            "target_country": _country_ratio(top.target if top else None, record.meta.get("target_codes")),
            "no_event": Ratio(int(not events), 1),
        },
        failed=not top_right,
        expected=[
            {
                **record.expected[0],
                "source_codes": record.meta.get("source_codes"),
                "target_codes": record.meta.get("target_codes"),
            }
        ],
        predicted=[event_summary(event) for event in events],
    )
    if not top_right:
        result.reason = f"top event {top.plover_type if top else 'none'}, gold {gold_type}"
    return result


def _country_ratio(actor: Actor | None, gold_codes: Sequence[str] | None) -> Ratio:
    if not gold_codes:
        return Ratio()  # the gold names no coded actor in this role: nothing to compare
    return Ratio(int(actor_agrees(actor, gold_codes)), 1)
