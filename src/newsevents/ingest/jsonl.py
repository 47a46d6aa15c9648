"""JSON Lines: one article a line. A bad line is an error of its own; the other lines go on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from newsevents.ingest.decode import NotText, decode_bytes
from newsevents.ingest.records import article_from_record, ingest_error
from newsevents.model import Article, ArticleError


def read_jsonl(path: Path, *, published: str | None = None) -> Iterator[Article | ArticleError]:
    """Streams the file line by line, so a large file never sits in memory whole."""
    try:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                if raw.strip():
                    yield _article_from_line(raw, f"{path}:{number}", published)
    except OSError as error:
        yield ingest_error(str(path), str(path), f"cannot read: {error.strerror or error}")


def _article_from_line(raw: bytes, origin: str, published: str | None) -> Article | ArticleError:
    try:
        line = decode_bytes(raw, where=origin).text
    except NotText as error:
        return ingest_error(origin, origin, str(error))
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return ingest_error(origin, origin, f"not JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return ingest_error(origin, origin, f"a JSON {type(record).__name__}, not an object")
    return article_from_record(record, origin=origin, raw_format="jsonl", published=published)
