"""The store: coded articles, events and errors in DuckDB (default) or PostgreSQL, plus exports.

    with open_store("events.duckdb") as store:
        store.add_articles(articles)          # -> rows new
        store.add_events(events)              # idempotent: the same events again add 0
        frame = store.events_frame("plover_type = ?", ["CONSULT"])
        store.export("events.parquet")        # jsonl | csv | parquet; export_gdelt, export_polecat

Tables (``newsevents.store.schema`` describes them once for both backends): ``articles``, ``events``
(the contract's record flattened: ``source_*``, ``target_*``, ``location_*``, ``span_start``...),
``errors`` (the run report) and ``meta`` (the schema version). Failures to open or use a store are
a ``StoreError`` whose message is one printable line.
"""

from __future__ import annotations

from pathlib import Path

from newsevents.store.base import Store, StoreError
from newsevents.store.schema import SCHEMA_VERSION, flatten_record, nest_record

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def open_store(target: str | Path, *, read_only: bool = False) -> Store:
    """A DuckDB file for a path (``":memory:"`` for none), PostgreSQL for a ``postgresql://`` URL.

    Tables are created when missing; ``read_only`` opens an existing store without writing to it.
    """
    if isinstance(target, str) and target.startswith(POSTGRES_SCHEMES):
        from newsevents.store.postgres import PostgresStore

        return PostgresStore(target, read_only=read_only)
    from newsevents.store.duck import DuckDBStore

    return DuckDBStore(target, read_only=read_only)


__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "flatten_record", "nest_record", "open_store"]
