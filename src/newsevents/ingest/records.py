"""Shared pieces of the readers: dates, records (JSONL rows, CSV rows) to Articles, errors."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from newsevents.model import Article, ArticleError

log = logging.getLogger(__name__)

FIELDS = ("id", "title", "published", "url", "source")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def ingest_error(article_id: str, origin: str, reason: str) -> ArticleError:
    """An error of the ingest stage, its reason kept to one line."""
    return ArticleError(article_id=article_id, origin=origin, reason=one_line(reason), stage="ingest")


def one_line(reason: str) -> str:
    return " ".join(str(reason).split())


def normalise_date(value: object) -> str | None:
    """An ISO date or datetime, an RFC 2822 date or a datetime object as YYYY-MM-DD; None if unreadable.

    The date is the one written (its own time zone), not converted to UTC: that is the publication day
    the source's readers saw.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    return _iso_day(text) or _rfc2822_day(text)


def _iso_day(text: str) -> str | None:
    match = _ISO_DAY.match(text)
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _rfc2822_day(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def article_from_record(
    record: Mapping[str, Any], *, origin: str, raw_format: str, published: str | None = None
) -> Article | ArticleError:
    """One JSONL object or CSV row: at least ``text``; optionally id, title, published, url, source."""
    fields = {str(key).strip().lower(): value for key, value in record.items() if key is not None}
    given_id = _text_or_none(fields.get("id"))
    text = fields.get("text")
    if not isinstance(text, str):
        reason = "no 'text' field" if text is None else f"'text' is a {type(text).__name__}, not a string"
        return ingest_error(given_id or origin, origin, reason)
    if not text.strip():
        return ingest_error(given_id or origin, origin, "empty article: 'text' is blank")
    return Article(
        text=text,
        id=given_id or "",
        title=_text_or_none(fields.get("title")),
        published=_published(fields.get("published"), origin) or published,
        url=_text_or_none(fields.get("url")),
        source=_text_or_none(fields.get("source")),
        origin=origin,
        raw_format=raw_format,
    )


def _published(value: object, origin: str) -> str | None:
    day = normalise_date(value)
    if day is None and _text_or_none(value) is not None:
        # Not worth refusing the article over: it keeps the run's --published date instead.
        log.warning("%s: unreadable published date %r ignored", origin, value)
    return day


def _text_or_none(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None
