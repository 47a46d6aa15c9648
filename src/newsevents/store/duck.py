"""DuckDB: the default store, one file on disk that one process at a time may write."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import duckdb

from newsevents.store.base import Params, Store, StoreError
from newsevents.store.schema import Table, arrow_table, quote

FETCH = 10_000  # rows per fetch when streaming a result


class DuckDBStore(Store):
    types: ClassVar[dict[str, str]] = {
        "text": "VARCHAR",
        "int": "INTEGER",
        "bigint": "BIGINT",
        "float": "DOUBLE",
        "json": "JSON",
        "timestamp": "TIMESTAMP",
    }
    errors: ClassVar[tuple[type[Exception], ...]] = (duckdb.Error,)

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.target = str(path)
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(self.target, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(_open_failure(self.target, exc)) from exc
        try:
            self._prepare(read_only)
        except StoreError:
            self.close()
            raise

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for what the interface does not cover."""
        if self._con is None:
            raise StoreError(f"{self.target} is closed")
        return self._con

    def _execute(self, sql: str, params: Params = None) -> None:
        self.con.execute(sql, params)

    def _rows(self, sql: str, params: Params = None) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        # a cursor of its own, so a result being streamed survives other statements meanwhile
        cursor = self.con.cursor().execute(sql, params)
        columns = [d[0] for d in cursor.description or []]
        return columns, _stream(cursor)

    def _insert(self, table: Table, rows: list[tuple[Any, ...]]) -> int:
        # one INSERT ... SELECT over an Arrow table, not a statement per row
        incoming = arrow_table(rows, table.arrow_schema)
        columns = ", ".join(quote(c) for c in table.column_names)
        self.con.register("_incoming", incoming)
        try:
            result = self.con.execute(
                f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM _incoming ON CONFLICT DO NOTHING"
            ).fetchone()
        finally:
            self.con.unregister("_incoming")
        return int(result[0]) if result else 0

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None


def _stream(cursor: duckdb.DuckDBPyConnection) -> Iterator[tuple[Any, ...]]:
    try:
        while batch := cursor.fetchmany(FETCH):
            yield from batch
    finally:
        cursor.close()


def _open_failure(path: str, exc: duckdb.Error) -> str:
    """One line saying why the file could not be opened."""
    message = str(exc)
    if "Could not set lock" in message:
        pid = re.search(r"\(PID (\d+)\)", message)
        holder = f" (process {pid.group(1)})" if pid else ""
        return (
            f"{path} is open in another process{holder}; only one process may write a DuckDB file at a time"
        )
    if "not a valid DuckDB database" in message:
        return f"{path} is not a DuckDB database file"
    return f"cannot open {path}: {(message.strip().splitlines() or [type(exc).__name__])[0]}"
