"""Small builders for the tests' deterministic coders: events and gold files written by the test."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from newsevents.model import Actor, Event, Location


def actor(code: str | None = None, *, country: str | None = None, sector: str | None = None) -> Actor:
    return Actor(text="someone", country=country, sector=sector, code=code)


def event(
    cameo_code: str = "010",
    *,
    plover_type: str = "CONSULT",
    status: str = "asserted",
    source: Actor | None = None,
    target: Actor | None = None,
    location: Location | None = None,
    confidence: float = 0.5,
    sentence: str = "",
) -> Event:
    return Event(
        article_id="a1",
        sentence=sentence,
        span=(0, len(sentence)),
        plover_type=plover_type,
        cameo_code=cameo_code,
        quad_class=1,
        goldstein=0.0,
        status=status,
        source=source,
        target=target,
        location=location,
        confidence=confidence,
    )


def coded(source: str, target: str, cameo_code: str, status: str = "asserted") -> Event:
    """An event whose actors carry PETRARCH-style codes, as the coder gives them with dictionaries."""
    return event(cameo_code, status=status, source=actor(source), target=actor(target))


def write_jsonl(path: Path, records: Iterable[Mapping[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


class FixedCoder:
    """Returns the events listed for each text; raises for texts listed as crashing; remembers calls."""

    def __init__(self, events_by_text: Mapping[str, list[Event]], crashing: Iterable[str] = ()) -> None:
        self.events_by_text = events_by_text
        self.crashing = set(crashing)
        self.calls: list[tuple[str, str | None]] = []

    def __call__(self, text: str, published: str | None) -> list[Event]:
        self.calls.append((text, published))
        if text in self.crashing:
            raise RuntimeError("parser gave up")
        return list(self.events_by_text.get(text, []))


CoderFn = Callable[[str, str | None], list[Event]]
