"""PostgreSQL: the store for shared deployments, where several processes write one database."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from newsevents.store.base import Params, Store, StoreError
from newsevents.store.schema import Table, quote

try:
    import psycopg
    from psycopg.types.string import TextLoader
except ImportError:  # an optional dependency: newsevents[postgres]
    psycopg = None  # type: ignore[assignment]

SCHEMA_LOCK = 0x6E657773  # advisory lock id ("news") held while creating the tables


class PostgresStore(Store):
    types: ClassVar[dict[str, str]] = {
        "text": "TEXT",
        "int": "INTEGER",
        "bigint": "BIGINT",
        "float": "DOUBLE PRECISION",
        "json": "JSONB",
        "timestamp": "TIMESTAMPTZ",
    }
    errors: ClassVar[tuple[type[Exception], ...]] = (psycopg.Error,) if psycopg else ()

    def __init__(self, url: str, read_only: bool = False) -> None:
        self.target = redact(url)
        if psycopg is None:
            raise StoreError("a PostgreSQL store needs psycopg: pip install 'newsevents[postgres]'")
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise StoreError(f"cannot connect to {self.target}: {first_line}") from exc
        # JSON comes back as its text, as it does from DuckDB, so frames look the same on both
        self._conn.adapters.register_loader("jsonb", TextLoader)
        if read_only:
            self._conn.execute("SET default_transaction_read_only = on")
        try:
            self._prepare(read_only)
        except StoreError:
            self.close()
            raise

    @property
    def conn(self) -> psycopg.Connection[Any]:
        """The psycopg connection, for what the interface does not cover."""
        if self._conn.closed:
            raise StoreError(f"{self.target} is closed")
        return self._conn

    def _execute(self, sql: str, params: Params = None) -> None:
        self.conn.execute(pyformat(sql, params), params)

    def _rows(self, sql: str, params: Params = None) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        cursor = self.conn.execute(pyformat(sql, params), params)
        columns = [d.name for d in cursor.description or []]
        return columns, iter(cursor)

    def _insert(self, table: Table, rows: list[tuple[Any, ...]]) -> int:
        # COPY into a temporary table, then one INSERT ... SELECT that skips keys already stored
        columns = ", ".join(quote(c) for c in table.column_names)
        with self.conn.transaction(), self.conn.cursor() as cursor:
            cursor.execute(f"CREATE TEMP TABLE _incoming (LIKE {table.name}) ON COMMIT DROP")
            with cursor.copy(f"COPY _incoming ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            cursor.execute(
                f"INSERT INTO {table.name} ({columns}) SELECT {columns} FROM _incoming ON CONFLICT DO NOTHING"
            )
            return cursor.rowcount

    def _extra_ddl(self) -> list[str]:
        return ["CREATE INDEX IF NOT EXISTS events_article_id ON events (article_id)"]

    @contextlib.contextmanager
    def _schema_lock(self) -> Iterator[None]:
        # CREATE TABLE IF NOT EXISTS is not safe against another process doing the same at once
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", [SCHEMA_LOCK])
            yield

    def close(self) -> None:
        self._conn.close()


def pyformat(sql: str, params: Params) -> str:
    """``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` as ``%%``), outside quoted text."""
    if params is None:
        return sql  # psycopg reads no placeholders in a statement without parameters
    out: list[str] = []
    quote_char: str | None = None
    for char in sql:
        if char == "%":
            out.append("%%")
        elif quote_char:
            out.append(char)
            quote_char = None if char == quote_char else quote_char
        elif char in "'\"":
            out.append(char)
            quote_char = char
        else:
            out.append("%s" if char == "?" else char)
    return "".join(out)


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)
