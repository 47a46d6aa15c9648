"""Scoring against PETRARCH2's gold: (source, target, code) triples of asserted events.

Scored the way PETRARCH2's published figures were (shared eval README and `petrarch2-baseline/`):
a record is exact when its set of triples equals the expected set; triples, codes, CAMEO roots and
dyads are compared as sets per record (an event stated twice in one sentence is one event), summed
over records. A multiset triple measure is reported beside it, since a coder that repeats an event
is then charged for the repeat.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence

from newsevents.evaluate.gold import GoldRecord
from newsevents.evaluate.report import Counts, Measure, Ratio, RecordScore
from newsevents.model import Actor, Event

Triple = tuple[str, str, str]

MEASURES = (
    Measure("triple", "(source, target, code)"),
    Measure("triple_multiset", "(source, target, code), repeats counted"),
    Measure("code", "CAMEO code"),
    Measure("root", "CAMEO root"),
    Measure("dyad", "(source, target)"),
    Measure("source_country", "source country (first 3 letters of the code)"),
    Measure("target_country", "target country (first 3 letters of the code)"),
)
RATIO_MEASURES = (
    Measure("exact", "exact records"),
    Measure("false_events", "false events on no-event records (lower is better)"),
)

UNKNOWN_COUNTRY = "---"  # PETRARCH's placeholder for an actor whose country is unknown ("---GOV")


def petrarch_actor_code(actor: Actor | None) -> str:
    """The actor's code as PETRARCH writes it; a bare sector gets PETRARCH's unknown-country prefix."""
    if actor is None:
        return ""
    code = actor.code or ""
    if not actor.country and actor.sector and code == actor.sector:
        return UNKNOWN_COUNTRY + code
    return code


def predicted_triples(events: Sequence[Event]) -> list[Triple]:
    """Triples of the asserted events only: PETRARCH codes no negated, planned or hypothetical event."""
    return [
        (petrarch_actor_code(e.source), petrarch_actor_code(e.target), e.cameo_code)
        for e in events
        if e.status == "asserted"
    ]


def expected_triples(record: GoldRecord) -> list[Triple]:
    return [(e["source"], e["target"], e["code"]) for e in record.expected]


KEYS: dict[str, Callable[[Triple], Hashable]] = {
    "triple": lambda t: t,
    "code": lambda t: t[2],
    "root": lambda t: t[2][:2],
    "dyad": lambda t: (t[0], t[1]),
    "source_country": lambda t: t[0][:3],
    "target_country": lambda t: t[1][:3],
}


def score(record: GoldRecord, events: Sequence[Event]) -> RecordScore:
    expected = expected_triples(record)
    predicted = predicted_triples(events)
    counts = {name: _set_counts(expected, predicted, key) for name, key in KEYS.items()}
    counts["triple_multiset"] = _multiset_counts(expected, predicted)
    exact = set(expected) == set(predicted)
    result = RecordScore(
        counts=counts,
        ratios={
            "exact": Ratio(int(exact), 1),
            "false_events": Ratio(int(bool(predicted)), 1) if not expected else Ratio(),
        },
        failed=not exact,
        expected=[list(t) for t in expected],
        predicted=[list(t) for t in predicted],
    )
    if not exact:
        missing = sorted(set(expected) - set(predicted))
        extra = sorted(set(predicted) - set(expected))
        result.reason = f"missing {_triples_text(missing)}; extra {_triples_text(extra)}"
    return result


def _set_counts(expected: list[Triple], predicted: list[Triple], key: Callable[[Triple], Hashable]) -> Counts:
    want = {key(t) for t in expected}
    got = {key(t) for t in predicted}
    return Counts(tp=len(want & got), fp=len(got - want), fn=len(want - got))


def _multiset_counts(expected: list[Triple], predicted: list[Triple]) -> Counts:
    want, got = Counter(expected), Counter(predicted)
    tp = sum((want & got).values())
    return Counts(tp=tp, fp=len(predicted) - tp, fn=len(expected) - tp)


def _triples_text(triples: list[Triple]) -> str:
    return ", ".join("/".join(t) for t in triples) or "none"
