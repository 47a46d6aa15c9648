"""The ingest stage: files, folders and standard input to Articles, bad input to ArticleErrors.

One reader per format, chosen by the file name's ending:

- ``.txt``: one article (see ``plaintext`` for how the title is guessed);
- ``.html``/``.htm``: one page, raw HTML kept for the cleaner;
- ``.jsonl``: one article a line; ``.csv``: one a row (at least ``text``; optionally id, title,
  published, url, source);
- ``.warc``/``.warc.gz``: each HTML response; ``.xml``/``.rss``/``.atom``: each feed entry;
- a folder: every file with one of those endings inside it, recursively, in sorted order (hidden files
  and folders passed over); a named file with any other ending is read as one plain-text article;
- ``-`` or no path at all: one article from standard input.

Nothing here raises on bad input: a missing or unreadable file, binary junk or an empty article is yielded
as an ArticleError with a one-line reason, and reading goes on with the next one.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TextIO

from newsevents.ingest.csvfile import read_csv
from newsevents.ingest.feed import read_feed
from newsevents.ingest.jsonl import read_jsonl
from newsevents.ingest.plaintext import read_stdin, read_txt
from newsevents.ingest.records import ingest_error, normalise_date
from newsevents.ingest.warc import read_warc
from newsevents.ingest.webpage import read_html
from newsevents.model import Article, ArticleError

__all__ = ["KNOWN_ENDINGS", "normalise_date", "read_path", "read_paths"]

Reader = Callable[..., Iterator[Article | ArticleError]]

READERS: dict[str, Reader] = {
    ".warc.gz": read_warc,
    ".warc": read_warc,
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}
KNOWN_ENDINGS = tuple(READERS)
STDIN = "-"


def read_paths(
    paths: Sequence[str | Path], *, published: str | None = None, stdin: TextIO | None = None
) -> Iterator[Article | ArticleError]:
    """Every article in the paths, in order; ``published`` (YYYY-MM-DD) fills articles that carry none.

    A malformed ``published`` raises ValueError at once: it is a usage error, not bad input.
    """
    day = _checked_published(published)
    return _read_all(paths or [STDIN], day, stdin)


def read_path(
    path: str | Path, *, published: str | None = None, stdin: TextIO | None = None
) -> Iterator[Article | ArticleError]:
    """The articles of one path: a file, a folder or ``-`` for standard input."""
    if str(path) == STDIN:
        yield from read_stdin(stdin, published=published)
        return
    path = Path(path)
    if path.is_dir():
        yield from _read_folder(path, published)
        return
    yield from _reader_for(path)(path, published=published)


def _read_all(
    paths: Sequence[str | Path], published: str | None, stdin: TextIO | None
) -> Iterator[Article | ArticleError]:
    for path in paths:
        yield from read_path(path, published=published, stdin=stdin)


def _checked_published(published: str | None) -> str | None:
    if published is None:
        return None
    day = normalise_date(published)
    if day is None:
        raise ValueError(f"published date {published!r} is not a date (YYYY-MM-DD)")
    return day


def _reader_for(path: Path) -> Reader:
    """The reader for the file's ending; a named file of another ending is read as plain text."""
    ending = _known_ending(path.name)
    return READERS[ending] if ending else read_txt


def _known_ending(name: str) -> str | None:
    lowered = name.lower()
    return next((ending for ending in KNOWN_ENDINGS if lowered.endswith(ending)), None)


def _read_folder(folder: Path, published: str | None) -> Iterator[Article | ArticleError]:
    found = False
    for item in _article_files(folder):
        if isinstance(item, ArticleError):
            yield item
            continue
        found = True
        yield from _reader_for(item)(item, published=published)
    if not found:
        endings = ", ".join(KNOWN_ENDINGS)
        yield ingest_error(str(folder), str(folder), f"no article files ({endings}) in this folder")


def _article_files(folder: Path) -> Iterator[Path | ArticleError]:
    """Files with a known ending under the folder, in sorted path order, not following linked folders
    (no loops); a subfolder that cannot be listed is an error, not a silent gap."""
    unlistable: list[OSError] = []
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, onerror=unlistable.append, followlinks=False):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found.extend(Path(root) / name for name in files if not name.startswith(".") and _known_ending(name))
    yield from (_unlistable(error) for error in unlistable)
    yield from sorted(found, key=lambda path: path.relative_to(folder).parts)


def _unlistable(error: OSError) -> ArticleError:
    where = str(error.filename)
    return ingest_error(where, where, f"cannot list folder: {error.strerror or error}")
