"""WARC archives (plain or gzipped): each HTML response is one article, raw HTML kept for the cleaner.

Non-HTML records (requests, metadata, images, scripts) and responses other than 2xx (redirects, error
pages) carry no article and are passed over silently.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsevents.ingest.decode import Decoded, NotText, decode_bytes
from newsevents.ingest.records import ingest_error, normalise_date
from newsevents.model import Article, ArticleError

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)
_BROKEN_ARCHIVE = (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError)


def read_warc(path: Path, *, published: str | None = None) -> Iterator[Article | ArticleError]:
    number = pages = 0
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if _is_html_page(record):
                    pages += 1
                    yield _article(record, f"{path}#{number}", published)
    except _BROKEN_ARCHIVE as error:
        where = f"{path}#{number + 1}" if number else str(path)
        yield ingest_error(where, where, f"not a readable WARC file: {error}")
        return
    if not pages:
        # Say so rather than read nothing in silence: the user named this file for its articles.
        found = f"{number} records, none an HTML page" if number else "no WARC records"
        yield ingest_error(str(path), str(path), f"no articles in this WARC file ({found})")


def _is_html_page(record: Any) -> bool:
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        content_type = record.http_headers.get_header("Content-Type") or ""
        return status.startswith("2") and "html" in content_type.lower()
    if record.rec_type == "resource":
        return "html" in (record.rec_headers.get_header("Content-Type") or "").lower()
    return False


def _article(record: Any, origin: str, published: str | None) -> Article | ArticleError:
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read()
    headers = record.http_headers or record.rec_headers
    try:
        html = _decode(payload, headers.get_header("Content-Type") or "", origin).text
    except NotText as error:
        return ingest_error(url or origin, origin, str(error))
    if not html.strip():
        return ingest_error(url or origin, origin, "empty article: the response has no body")
    return Article(
        text=html,
        published=normalise_date(record.rec_headers.get_header("WARC-Date")) or published,
        url=url,
        source=urlsplit(url).hostname if url else None,
        origin=origin,
        raw_format="html",
    )


def _decode(payload: bytes, content_type: str, origin: str) -> Decoded:
    """The charset the server declared when it decodes the payload, else our own detection."""
    declared = _CHARSET.search(content_type)
    if declared and b"\x00" not in payload:
        try:
            return Decoded(payload.decode(declared.group(1)), declared.group(1))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(payload, where=origin)
