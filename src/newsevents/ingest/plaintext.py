"""Plain-text files and standard input: one article each.

Title: the first line becomes ``title`` when it stands alone as a paragraph, is shorter than 200
characters, holds no sentence break, is not a bare date, and more text follows. A final period is
allowed, because scraped headlines often carry one (the project's example ends its headline in `Plan”.`).
The whole text, headline included, stays in ``text``: the headline often states the event, and the
cleaner makes sure it stays a sentence of its own.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from newsevents.ingest.decode import NotText, decode_bytes, refuse_binary
from newsevents.ingest.files import read_text
from newsevents.ingest.records import ingest_error, normalise_date
from newsevents.model import Article, ArticleError

STDIN_ORIGIN = "<stdin>"
MAX_TITLE_CHARS = 200
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]")
_LOOKS_LIKE_HTML = re.compile(r"\s*(<!doctype html|<html[\s>])", re.IGNORECASE)


def read_txt(path: Path, *, published: str | None = None) -> Iterator[Article | ArticleError]:
    decoded = read_text(path)
    if isinstance(decoded, ArticleError):
        yield decoded
        return
    yield article_from_text(decoded.text, origin=str(path), published=published)


def read_stdin(stream: TextIO | None, *, published: str | None = None) -> Iterator[Article | ArticleError]:
    """One article from standard input; an HTML page (by its first tag) is read as HTML."""
    text = _stdin_text(stream)
    if isinstance(text, ArticleError):
        yield text
        return
    raw_format = "html" if _LOOKS_LIKE_HTML.match(text[:1000]) else "text"
    yield article_from_text(text, origin=STDIN_ORIGIN, published=published, raw_format=raw_format)


def _stdin_text(stream: TextIO | None) -> str | ArticleError:
    stream = stream if stream is not None else sys.stdin
    if stream is None:  # a process started with no standard input at all
        return ingest_error(STDIN_ORIGIN, STDIN_ORIGIN, "empty article: there is no standard input")
    try:
        binary = getattr(stream, "buffer", None)
        if binary is not None:  # the real standard input: decode its bytes our own way
            return decode_bytes(binary.read(), where=STDIN_ORIGIN).text
        text = stream.read()
        refuse_binary(text[:65536].encode("utf-8", errors="replace"))
        return text
    except NotText as error:
        return ingest_error(STDIN_ORIGIN, STDIN_ORIGIN, str(error))
    except (OSError, UnicodeDecodeError) as error:
        return ingest_error(STDIN_ORIGIN, STDIN_ORIGIN, f"cannot read standard input: {error}")


def article_from_text(
    text: str, *, origin: str, published: str | None = None, raw_format: str = "text"
) -> Article | ArticleError:
    """One article from a whole text; blank text is an error."""
    if not text.strip():
        return ingest_error(origin, origin, "empty article: no text")
    title = guess_title(text) if raw_format == "text" else None
    return Article(text=text, title=title, published=published, origin=origin, raw_format=raw_format)


def guess_title(text: str) -> str | None:
    """The first line, when it looks like a headline standing above the article (see module doc)."""
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", text.strip()) if part.strip()]
    if len(paragraphs) < 2:
        return None
    first = paragraphs[0]
    if "\n" in first or len(first) >= MAX_TITLE_CHARS or _SENTENCE_BREAK.search(first):
        return None
    if normalise_date(first) is not None or _is_spelled_date(first):
        return None
    return first


def _is_spelled_date(line: str) -> bool:
    """A dateline such as "Friday, January 4, 2019" is not a headline."""
    return bool(re.fullmatch(r"(\w+day,\s*)?\w+\.? \d{1,2},? \d{4}|\d{1,2} \w+ \d{4}", line.strip()))
