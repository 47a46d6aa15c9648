"""The record: plain dataclasses for articles, actors, places and events.

The field names and meanings follow the contract in the project's spec (`docs/record.md`):
schema 1. Add fields freely; renaming or removing one needs `SCHEMA` bumped.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = 1

STATUSES = ("asserted", "negated", "planned", "hypothetical")


def content_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A stable id from content: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{digest}"


@dataclass
class Article:
    """One news article as read, then as cleaned (``text`` is replaced by the cleaned text)."""

    text: str
    id: str = ""
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    url: str | None = None
    source: str | None = None
    origin: str = ""  # where it was read: "path", "path:line", "path#record"
    raw_format: str = "text"  # text | html | jsonl | csv | warc | rss
    language: str | None = None
    duplicate_of: str | None = None  # id of an earlier near-duplicate article, if any

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.title or "", self.text, prefix="a")


@dataclass
class Actor:
    """Who acts or is acted upon: words in the sentence and what they resolve to."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO alpha-3, or an international body's code (UNO, NATO, EU)
    sector: str | None = None  # CAMEO-style role: GOV, MIL, COP, REB, IGO, ...
    code: str | None = None  # the CAMEO actor code country and sector make: ISRGOV
    wikidata: str | None = None
    how: str | None = None  # how it was resolved: exact, fuzzy, title, metonym, coreference, ...

    def __post_init__(self) -> None:
        if self.code is None:
            self.code = actor_code(self.country, self.sector)


def actor_code(country: str | None, sector: str | None) -> str | None:
    """The CAMEO actor code: country then sector; international bodies come as IGO + body."""
    if country and sector == "IGO":
        return f"IGO{country}"
    code = (country or "") + (sector or "")
    return code or None


@dataclass
class Location:
    """Where an event took place."""

    name: str
    country: str | None = None  # ISO alpha-3
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    level: str | None = None  # city | admin1 | country
    how: str | None = None  # how it was chosen: argument, sentence, dateline


@dataclass
class Event:
    """One coded event: the record of the contract."""

    article_id: str
    sentence: str
    span: tuple[int, int]
    plover_type: str
    cameo_code: str
    quad_class: int
    goldstein: float
    status: str
    date: str | None = None
    plover_mode: str | None = None
    source: Actor | None = None
    target: Actor | None = None
    location: Location | None = None
    confidence: float = 0.5
    trigger: str = ""  # the words that state the event ("cancelled", "visit")
    trigger_span: tuple[int, int] | None = None  # their offsets in the cleaned text
    event_id: str = ""
    schema: int = SCHEMA
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def cameo_root(self) -> str:
        return self.cameo_code[:2]

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = content_id(
                self.article_id,
                str(self.span[0]),
                str(self.trigger_span[0] if self.trigger_span else ""),
                self.cameo_code,
                self.source.code or "" if self.source else "",
                self.target.code or "" if self.target else "",
                prefix="e",
            )

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of the contract (plus the extra fields we promise on top)."""
        record = asdict(self)
        record["span"] = list(self.span)
        record["trigger_span"] = list(self.trigger_span) if self.trigger_span else None
        record["cameo_root"] = self.cameo_root
        order = [
            "schema", "event_id", "article_id", "sentence", "span", "date", "plover_type",
            "plover_mode", "cameo_code", "cameo_root", "quad_class", "goldstein", "source",
            "target", "status", "location", "confidence", "trigger", "trigger_span", "extra",
        ]  # fmt: skip
        return {key: record[key] for key in order}

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Event:
        data = {k: v for k, v in record.items() if k != "cameo_root"}
        data["span"] = tuple(data["span"])
        if data.get("trigger_span"):
            data["trigger_span"] = tuple(data["trigger_span"])
        for role in ("source", "target"):
            if data.get(role):
                data[role] = Actor(**data[role])
        if data.get("location"):
            data["location"] = Location(**data["location"])
        return cls(**data)


@dataclass
class ArticleError:
    """A bad article: a value with a reason, collected into the run report, never raised at users."""

    article_id: str
    origin: str
    reason: str
    stage: str = "ingest"

    def __str__(self) -> str:
        where = f" ({self.origin})" if self.origin and self.origin != self.article_id else ""
        return f"{self.article_id}{where}: {self.stage}: {self.reason}"
