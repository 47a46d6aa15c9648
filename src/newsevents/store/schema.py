"""The tables, described once and rendered as DDL for each backend, and the record <-> row mapping.

An event is stored flat: the contract's nested record (``Event.to_dict()``) becomes one row with
``span_start``/``span_end``, ``source_*``/``target_*`` (every Actor field), ``location_*`` (every Location
field), ``trigger_start``/``trigger_end`` and ``extra`` as JSON. ``flatten_record`` and ``nest_record``
turn one form into the other; a role (source, target, location) is absent when its first field
(``text`` or ``name``, never null in a present one) is null.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Any

import pyarrow as pa

from newsevents.model import Article, ArticleError, Event

SCHEMA_VERSION = 1  # of the stored tables; bump when a column is renamed, retyped or removed

ACTOR_FIELDS = ("text", "name", "country", "sector", "code", "wikidata", "how")
LOCATION_FIELDS = (
    ("name", "text"),
    ("country", "text"),
    ("lat", "float"),
    ("lon", "float"),
    ("admin1", "text"),
    ("geonames_id", "bigint"),
    ("level", "text"),
    ("how", "text"),
)
# record fields stored as they are, in the contract's order around the flattened parts
_HEAD_FIELDS = (
    ("schema", "int"),
    ("event_id", "text"),
    ("article_id", "text"),
    ("sentence", "text"),
)
_MIDDLE_FIELDS = (
    ("date", "text"),  # ISO YYYY-MM-DD kept as text: it sorts and compares as a date and round-trips
    ("plover_type", "text"),
    ("plover_mode", "text"),
    ("cameo_code", "text"),
    ("cameo_root", "text"),
    ("quad_class", "int"),
    ("goldstein", "float"),
)
_TAIL_FIELDS = (("confidence", "float"), ("trigger", "text"))

ARROW_TYPES = {
    "text": pa.string(),
    "int": pa.int64(),
    "bigint": pa.int64(),
    "float": pa.float64(),
    "json": pa.string(),
}


@dataclass(frozen=True)
class Table:
    """One table: its columns (name, logical type), its key, and a timestamp filled in by the database."""

    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...]
    stamp: str | None = None

    @cached_property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]

    @cached_property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([(name, ARROW_TYPES[kind]) for name, kind in self.columns])

    def create_sql(self, types: Mapping[str, str]) -> str:
        """``CREATE TABLE IF NOT EXISTS`` with the backend's names for the logical types."""
        parts = [f"{quote(name)} {types[kind]}" for name, kind in self.columns]
        if self.stamp:
            parts.append(f"{quote(self.stamp)} {types['timestamp']} DEFAULT CURRENT_TIMESTAMP")
        parts.append(f"PRIMARY KEY ({', '.join(quote(k) for k in self.key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} ({', '.join(parts)})"


def arrow_table(rows: Iterable[tuple[Any, ...]], schema: pa.Schema) -> pa.Table:
    """Rows as an Arrow table of the given types, built column by column (faster than from dicts)."""
    columns = list(zip(*rows, strict=True)) or [()] * len(schema)
    arrays = [pa.array(column, type=f.type) for column, f in zip(columns, schema, strict=True)]
    return pa.table(arrays, schema=schema)


def quote(identifier: str) -> str:
    """Quoted, because some column names (date, schema, trigger) are keywords somewhere."""
    return f'"{identifier}"'


EVENTS = Table(
    name="events",
    columns=(
        *_HEAD_FIELDS,
        ("span_start", "int"),
        ("span_end", "int"),
        *_MIDDLE_FIELDS,
        *((f"source_{f}", "text") for f in ACTOR_FIELDS),
        *((f"target_{f}", "text") for f in ACTOR_FIELDS),
        ("status", "text"),
        *((f"location_{f}", kind) for f, kind in LOCATION_FIELDS),
        *_TAIL_FIELDS,
        ("trigger_start", "int"),
        ("trigger_end", "int"),
        ("extra", "json"),
    ),
    key=("event_id",),
    stamp="inserted_at",
)
ARTICLES = Table(
    name="articles",
    columns=(
        ("article_id", "text"),
        ("title", "text"),
        ("published", "text"),
        ("url", "text"),
        ("source", "text"),
        ("origin", "text"),
        ("language", "text"),
        ("duplicate_of", "text"),
        ("n_chars", "bigint"),
    ),
    key=("article_id",),
    stamp="coded_at",
)
ERRORS = Table(
    name="errors",
    columns=(("article_id", "text"), ("origin", "text"), ("stage", "text"), ("reason", "text")),
    key=("article_id", "origin", "stage", "reason"),  # the same error reported twice is stored once
    stamp="run_at",
)
META = Table(name="meta", columns=(("key", "text"), ("value", "text")), key=("key",))
TABLES = (META, ARTICLES, EVENTS, ERRORS)


def flatten_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """The nested contract record (``Event.to_dict()``) as one flat row keyed by column name."""
    flat = {name: record.get(name) for name, _ in (*_HEAD_FIELDS, *_MIDDLE_FIELDS, *_TAIL_FIELDS)}
    flat["status"] = record.get("status")
    flat["span_start"], flat["span_end"] = record["span"]
    flat["trigger_start"], flat["trigger_end"] = record.get("trigger_span") or (None, None)
    for role in ("source", "target"):
        actor = record.get(role) or {}
        flat.update({f"{role}_{f}": actor.get(f) for f in ACTOR_FIELDS})
    location = record.get("location") or {}
    flat.update({f"location_{f}": location.get(f) for f, _ in LOCATION_FIELDS})
    flat["extra"] = json.dumps(record.get("extra") or {}, ensure_ascii=False)
    return flat


def nest_record(flat: Mapping[str, Any]) -> dict[str, Any]:
    """A flat row back into the nested contract record, in ``Event.to_dict()``'s order."""

    def part(prefix: str, fields: tuple[str, ...]) -> dict[str, Any] | None:
        if flat.get(f"{prefix}_{fields[0]}") is None:
            return None
        return {f: flat.get(f"{prefix}_{f}") for f in fields}

    trigger = (flat.get("trigger_start"), flat.get("trigger_end"))
    extra = flat.get("extra")
    record = {name: flat.get(name) for name, _ in _HEAD_FIELDS}
    record["span"] = [flat["span_start"], flat["span_end"]]
    record.update({name: flat.get(name) for name, _ in _MIDDLE_FIELDS})
    record["source"] = part("source", ACTOR_FIELDS)
    record["target"] = part("target", ACTOR_FIELDS)
    record["status"] = flat.get("status")
    record["location"] = part("location", tuple(f for f, _ in LOCATION_FIELDS))
    record.update({name: flat.get(name) for name, _ in _TAIL_FIELDS})
    record["trigger_span"] = None if trigger[0] is None else list(trigger)
    record["extra"] = json.loads(extra) if isinstance(extra, str) else (extra or {})
    return record


def event_row(event: Event) -> tuple[Any, ...]:
    # vars(), not to_dict(): asdict's deep copy costs more than the whole insert around it
    record: dict[str, Any] = dict(vars(event), cameo_root=event.cameo_root)
    for part in ("source", "target", "location"):
        record[part] = vars(record[part]) if record[part] is not None else None
    flat = flatten_record(record)
    return _EVENT_VALUES(flat)


_EVENT_VALUES = itemgetter(*EVENTS.column_names)  # a flat row's values in column order


def article_row(article: Article) -> tuple[Any, ...]:
    return (
        article.id,
        article.title,
        article.published,
        article.url,
        article.source,
        article.origin,
        article.language,
        article.duplicate_of,
        len(article.text),
    )


def error_row(error: ArticleError) -> tuple[Any, ...]:
    return (error.article_id, error.origin, error.stage, error.reason)
