"""RSS and Atom feeds: each entry is one article (title, content or summary, link, date).

The entry's HTML content keeps ``raw_format="html"``; the cleaner turns such fragments into text.
The file's bytes are handed to feedparser as a stream, so it never fetches or opens anything itself.
"""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser

from newsevents.ingest.files import read_bytes
from newsevents.ingest.records import ingest_error, normalise_date
from newsevents.model import Article, ArticleError


def read_feed(path: Path, *, published: str | None = None) -> Iterator[Article | ArticleError]:
    data = read_bytes(path)
    if isinstance(data, ArticleError):
        yield data
        return
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception") or "no RSS or Atom elements"
        yield ingest_error(str(path), str(path), f"not a readable feed: {problem}")
        return
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        yield _article(entry, origin=f"{path}#{number}", source=source, published=published)


def _article(entry: Any, *, origin: str, source: str | None, published: str | None) -> Article | ArticleError:
    text, content_type = _body(entry)
    link = entry.get("link") or None
    if not text.strip():
        return ingest_error(link or origin, origin, "empty article: the entry has no content or summary")
    return Article(
        text=text,
        title=(entry.get("title") or "").strip() or None,
        published=_entry_date(entry) or published,
        url=link,
        source=source,
        origin=origin,
        raw_format="html" if "html" in content_type else "text",
    )


def _body(entry: Any) -> tuple[str, str]:
    """The fullest of the entry's contents, else its summary, with its MIME type."""
    contents = [item for item in entry.get("content") or [] if (item.get("value") or "").strip()]
    if contents:
        longest = max(contents, key=lambda item: len(item["value"]))
        return longest["value"], longest.get("type") or "text/html"
    detail = entry.get("summary_detail") or {}
    return entry.get("summary") or "", detail.get("type") or "text/html"


def _entry_date(entry: Any) -> str | None:
    """The date as the feed wrote it (its own time zone); feedparser's parsed tuple is in UTC."""
    for key in ("published", "updated", "created"):
        day = normalise_date(entry.get(key))
        if day:
            return day
    for key in ("published_parsed", "updated_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed:
            return time.strftime("%Y-%m-%d", parsed)
    return None
