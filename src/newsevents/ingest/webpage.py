"""HTML pages: one article each, the raw HTML kept as ``text`` for the cleaner to extract."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from newsevents.ingest.files import read_text
from newsevents.ingest.records import ingest_error
from newsevents.model import Article, ArticleError


def read_html(path: Path, *, published: str | None = None) -> Iterator[Article | ArticleError]:
    decoded = read_text(path)
    if isinstance(decoded, ArticleError):
        yield decoded
        return
    if not decoded.text.strip():
        yield ingest_error(str(path), str(path), "empty article: the page is blank")
        return
    yield Article(text=decoded.text, published=published, origin=str(path), raw_format="html")
