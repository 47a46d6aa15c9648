"""CSV: one article a row, a header row naming the columns (at least ``text``)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from newsevents.ingest.decode import NotText, decode_bytes
from newsevents.ingest.records import article_from_record, ingest_error
from newsevents.model import Article, ArticleError

# Article bodies easily pass the csv module's default limit of 128 KiB per field.
FIELD_SIZE_LIMIT = 2**31 - 1
_SNIFF_BYTES = 1 << 20


def read_csv(path: Path, *, published: str | None = None) -> Iterator[Article | ArticleError]:
    encoding = _file_encoding(path)
    if isinstance(encoding, ArticleError):
        yield encoding
        return
    csv.field_size_limit(FIELD_SIZE_LIMIT)
    try:
        with path.open(encoding=encoding, errors="replace", newline="") as stream:
            yield from _articles(csv.DictReader(stream), path, published)
    except OSError as error:
        yield ingest_error(str(path), str(path), f"cannot read: {error.strerror or error}")


def _articles(
    rows: csv.DictReader[str], path: Path, published: str | None
) -> Iterator[Article | ArticleError]:
    try:
        header = rows.fieldnames or []
    except csv.Error as error:
        yield ingest_error(str(path), str(path), f"not CSV: {error}")
        return
    if "text" not in {name.strip().lower() for name in header}:
        yield ingest_error(str(path), str(path), f"no 'text' column (columns: {', '.join(header)})")
        return
    while True:
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            # The reader can go on after a malformed row: report it and keep the others.
            origin = f"{path}:{rows.line_num}"
            yield ingest_error(origin, origin, f"bad CSV row: {error}")
            continue
        origin = f"{path}:{rows.line_num}"
        yield article_from_record(row, origin=origin, raw_format="csv", published=published)


def _file_encoding(path: Path) -> str | ArticleError:
    """The encoding of the whole file, judged from its first MiB."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError as error:
        return ingest_error(str(path), str(path), f"cannot read: {error.strerror or error}")
    try:
        encoding = decode_bytes(_without_cut_character(head), where=str(path)).encoding
    except NotText as error:
        return ingest_error(str(path), str(path), str(error))
    return "utf-8-sig" if encoding == "utf-8" else encoding  # utf-8-sig drops a byte order mark


def _without_cut_character(head: bytes) -> bytes:
    """The sniffed bytes less a UTF-8 character the sniff cut in two (at most 3 bytes)."""
    if len(head) < _SNIFF_BYTES:
        return head
    for cut in range(4):
        try:
            head[: len(head) - cut].decode("utf-8")
            return head[: len(head) - cut]
        except UnicodeDecodeError:
            continue
    return head
