"""Reading one file whole, with every failure turned into an ArticleError."""

from __future__ import annotations

from pathlib import Path

from newsevents.ingest.decode import Decoded, NotText, decode_bytes
from newsevents.ingest.records import ingest_error
from newsevents.model import ArticleError


def read_bytes(path: Path) -> bytes | ArticleError:
    """The file's bytes, or the reason it cannot be read (missing, a folder, no permission, ...)."""
    try:
        return path.read_bytes()
    except OSError as error:
        return ingest_error(str(path), str(path), f"cannot read: {error.strerror or error}")


def read_text(path: Path) -> Decoded | ArticleError:
    """The file decoded to text, or why it cannot be: unreadable, binary junk."""
    data = read_bytes(path)
    if isinstance(data, ArticleError):
        return data
    try:
        return decode_bytes(data, where=str(path))
    except NotText as error:
        return ingest_error(str(path), str(path), str(error))
