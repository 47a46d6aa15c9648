"""What every store does, written once over four primitives that each backend supplies.

A backend connects in its ``__init__`` (then calls ``_prepare``) and supplies ``_execute`` (a statement),
``_rows`` (a query's column names and rows), ``_insert`` (rows in bulk, ``ON CONFLICT DO NOTHING``,
returning how many were new) and ``close``. SQL handed to ``query``/``events_frame`` takes ``?``
placeholders on every backend.
"""

from __future__ import annotations

import contextlib
import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, Self

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.model import Article, ArticleError, Event
from newsevents.store import exports
from newsevents.store.schema import (
    ARTICLES,
    ERRORS,
    EVENTS,
    SCHEMA_VERSION,
    TABLES,
    Table,
    arrow_table,
    article_row,
    error_row,
    event_row,
    nest_record,
    quote,
)

Params = Sequence[Any] | None

BATCH = 20_000  # rows per bulk insert: large enough to amortise, small enough to bound memory
EXPORT_FORMATS = ("jsonl", "csv", "parquet")
_EVENT_ORDER = "ORDER BY article_id, span_start, trigger_start, event_id"
# the events with what the article adds for the GDELT/POLECAT exports
_JOINED_SQL = (
    f"SELECT {', '.join('e.' + quote(c) for c in EVENTS.column_names)},"
    " a.url AS article_url, a.title AS article_title, a.published AS article_published"
    " FROM events e LEFT JOIN articles a ON a.article_id = e.article_id"
    " ORDER BY e.article_id, e.span_start, e.trigger_start, e.event_id"
)
_JOINED_SCHEMA = (
    EVENTS.arrow_schema.append(pa.field("article_url", pa.string()))
    .append(pa.field("article_title", pa.string()))
    .append(pa.field("article_published", pa.string()))
)


class StoreError(Exception):
    """A store that cannot be opened or used; ``str()`` is one line a command line can print."""


class Store(ABC):
    """Articles, events and errors in one database; use as a context manager."""

    types: ClassVar[dict[str, str]]  # logical column type -> the backend's SQL type
    errors: ClassVar[tuple[type[Exception], ...]]  # the backend's own exception classes
    target: str

    # -- the backend's primitives --------------------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: Params = None) -> None: ...

    @abstractmethod
    def _rows(self, sql: str, params: Params = None) -> tuple[list[str], Iterator[tuple[Any, ...]]]: ...

    @abstractmethod
    def _insert(self, table: Table, rows: list[tuple[Any, ...]]) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def _extra_ddl(self) -> list[str]:
        return []

    def _schema_lock(self) -> contextlib.AbstractContextManager[Any]:
        """Held while creating tables, where several processes may do it at once."""
        return contextlib.nullcontext()

    # -- opening ---------------------------------------------------------------------------------------
    def _prepare(self, read_only: bool) -> None:
        """Create the tables if missing, then check that they are of the version this code writes."""
        with self._failures_as("cannot prepare the tables"), self._schema_lock():
            if not read_only:
                for statement in [table.create_sql(self.types) for table in TABLES] + self._extra_ddl():
                    self._execute(statement)
                self._execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    ["schema_version", str(SCHEMA_VERSION)],
                )
        try:
            _, rows = self._rows("SELECT value FROM meta WHERE key = ?", ["schema_version"])
            found = next(rows, (None,))[0]
        except self.errors:
            found = None
        if found is None:
            raise StoreError(f"{self.target} holds no newsevents tables")
        if found != str(SCHEMA_VERSION):
            raise StoreError(
                f"{self.target} has tables of schema version {found}; this newsevents uses {SCHEMA_VERSION}"
            )

    @contextlib.contextmanager
    def _failures_as(self, what: str) -> Iterator[None]:
        """The backend's exceptions as a StoreError with the first line of its message."""
        try:
            yield
        except self.errors as exc:
            first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise StoreError(f"{what}: {first_line}") from exc

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> int:
        """Record articles as coded; returns how many were new."""
        return self._add(ARTICLES, (article_row(a) for a in articles))

    def add_events(self, events: Iterable[Event]) -> int:
        """Store events; returns how many were new (an event_id already stored is skipped)."""
        return self._add(EVENTS, (event_row(e) for e in events))

    def add_errors(self, errors: Iterable[ArticleError]) -> int:
        """Store the run's errors; returns how many were new."""
        return self._add(ERRORS, (error_row(e) for e in errors))

    def _add(self, table: Table, rows: Iterable[tuple[Any, ...]]) -> int:
        added = 0
        rows = iter(rows)
        with self._failures_as(f"cannot add to {table.name}"):
            while batch := list(islice(rows, BATCH)):
                added += self._insert(table, batch)
        return added

    # -- reading ---------------------------------------------------------------------------------------
    def query(self, sql: str, params: Params = None) -> pd.DataFrame:
        """Any SQL with ``?`` placeholders, as a DataFrame."""
        with self._failures_as("query failed"):
            columns, rows = self._rows(sql, params)
            return pd.DataFrame.from_records(list(rows), columns=columns)

    def events_frame(self, where: str | None = None, params: Params = None) -> pd.DataFrame:
        """Events as flat rows (one column per stored field); ``where`` is an SQL condition."""
        return self._frame(self._events_sql(where), params, EVENTS.arrow_schema)

    def events(
        self, where: str | None = None, params: Params = None, limit: int | None = None
    ) -> list[Event]:
        """Events rebuilt as ``Event`` objects (the first ``limit`` of them in stored order)."""
        records = self._records(where, params)
        return [Event.from_dict(record) for _, record in zip(range(limit or 10**12), records, strict=False)]

    def coded_article_ids(self) -> set[str]:
        """Ids of the articles already stored, so a batch run can skip them when resumed."""
        with self._failures_as("query failed"):
            _, rows = self._rows("SELECT article_id FROM articles")
            return {row[0] for row in rows}

    def _events_sql(self, where: str | None) -> str:
        columns = ", ".join(quote(c) for c in EVENTS.column_names)
        condition = f" WHERE {where}" if where else ""
        return f"SELECT {columns} FROM events{condition} {_EVENT_ORDER}"

    def _records(self, where: str | None, params: Params) -> Iterator[dict[str, Any]]:
        """Nested contract records, streamed."""
        with self._failures_as("query failed"):
            columns, rows = self._rows(self._events_sql(where), params)
            for row in rows:
                yield nest_record(dict(zip(columns, row, strict=True)))

    def _table(self, sql: str, params: Params, schema: pa.Schema) -> pa.Table:
        """A query's rows as an Arrow table of known types, the same on every backend."""
        with self._failures_as("query failed"):
            _, rows = self._rows(sql, params)
            return arrow_table(rows, schema)

    def _frame(self, sql: str, params: Params, schema: pa.Schema) -> pd.DataFrame:
        return _to_pandas(self._table(sql, params, schema))

    # -- exporting -------------------------------------------------------------------------------------
    def export(
        self, path: str | Path, format: str | None = None, where: str | None = None, params: Params = None
    ) -> int:
        """Write events to ``path`` as jsonl (the nested contract records), csv or parquet (flat rows).

        The format defaults to the file's suffix. Returns the number of events written.
        """
        path = Path(path)
        format = (format or path.suffix.lstrip(".")).lower()
        if format not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {format!r}; use one of {', '.join(EXPORT_FORMATS)}")
        if format == "jsonl":
            return self._export_jsonl(path, where, params)
        table = self._table(self._events_sql(where), params, EVENTS.arrow_schema)
        if format == "parquet":
            pq.write_table(table, path)
        else:
            _to_pandas(table).to_csv(path, index=False)
        return table.num_rows

    def _export_jsonl(self, path: Path, where: str | None, params: Params) -> int:
        count = 0
        with path.open("w", encoding="utf-8") as out:
            for record in self._records(where, params):
                # through Event, so the line is exactly what the coder itself writes
                out.write(json.dumps(Event.from_dict(record).to_dict(), ensure_ascii=False) + "\n")
                count += 1
        return count

    def export_gdelt(self, path: str | Path) -> int:
        """A GDELT 1.0-style TSV (see ``newsevents.store.exports``); returns the rows written."""
        frame = exports.gdelt_frame(self._frame(_JOINED_SQL, None, _JOINED_SCHEMA))
        exports.write_tsv(frame, path)
        return len(frame)

    def export_polecat(self, path: str | Path) -> int:
        """A POLECAT-style TSV (see ``newsevents.store.exports``); returns the rows written."""
        frame = exports.polecat_frame(self._frame(_JOINED_SQL, None, _JOINED_SCHEMA))
        exports.write_tsv(frame, path)
        return len(frame)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    # nullable integers, so a missing span or geonames id does not turn a column into floats
    return table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
