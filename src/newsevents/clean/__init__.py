"""The clean stage: an Article as read to an Article whose ``text`` is the cleaned text.

What cleaning does, in this order, producing one final string (sentence offsets are computed on it):

1. A text over ``max_chars`` (raw HTML over ``max_html_chars``) is refused before anything parses it.
2. HTML (``raw_format == "html"``) is reduced to its main text by trafilatura (see ``extract``); the
   page's title and date fill the article's when it has none.
3. Characters: Unicode NFC, one kind of line break, invisible and control characters dropped, odd spaces
   made plain, curly quotes made straight (see ``normalise`` for which, and why that is safe).
4. Paragraphs: separated by one blank line, whitespace collapsed inside each (see ``paragraphs``).
5. Page furniture at the end (comment forms, share buttons, "Related posts") trimmed by the patterns in
   ``knowledge/clean/boilerplate.yaml``; the same words inside the body are never touched.
6. The leading headline lines: a stray closing quote removed, a headline repeated (or reworded) right
   under itself kept once, different headline lines kept both (see ``headline``).
7. Every paragraph that ends in a word or number gets a period, so a headline or subtitle is a sentence
   of its own and never runs into the body.
8. Empty text is an error; text of 40 characters or more that py3langid does not take for English is an
   error ("language is 'de', not English"); shorter text is assumed English.

The title is kept apart from ``text``: a ``.txt`` article's headline stays in its text (where it was),
an HTML page's title does not enter the text (its body is what trafilatura extracts).
"""

from __future__ import annotations

import dataclasses
import re

from newsevents.clean.boilerplate import strip_trailing_boilerplate
from newsevents.clean.dateline import separate_dateline
from newsevents.clean.duplicates import NearDuplicates
from newsevents.clean.extract import ExtractionFailed, extract_html
from newsevents.clean.headline import drop_stray_quote, tidy_leading_headings
from newsevents.clean.language import ENGLISH, not_english_reason
from newsevents.clean.normalise import collapse_spaces, normalise_characters
from newsevents.clean.paragraphs import end_as_sentence, split_paragraphs
from newsevents.model import Article, ArticleError

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_MAX_HTML_CHARS",
    "NearDuplicates",
    "clean_article",
    "clean_text",
    "clean_title",
]

DEFAULT_MAX_CHARS = 1_000_000
# A headline's closing period, not the last one of "U.S." or of an ellipsis.
_CLOSING_PERIOD = re.compile(r"(?<=[^\s.]{2})(?<![A-Z]\.[A-Z])\.$")
# Real news pages run past 1 MB of markup (2 of the 46 benchmark pages: 1.1 and 1.5 MB) for a few KB
# of text; trafilatura's own ceiling is 20 MB.
DEFAULT_MAX_HTML_CHARS = 20_000_000


def clean_article(
    article: Article, *, max_chars: int = DEFAULT_MAX_CHARS, max_html_chars: int = DEFAULT_MAX_HTML_CHARS
) -> Article | ArticleError:
    """A new Article with the cleaned text, title and language; or an ArticleError saying why not.

    ``max_chars`` bounds the text, ``max_html_chars`` the raw HTML of a page; past them the article is
    refused unparsed.
    """
    limit = max_html_chars if article.raw_format == "html" else max_chars
    if len(article.text) > limit:
        return _too_large(article, len(article.text), limit)
    title, published, text = article.title, article.published, article.text
    lines_are_paragraphs = False
    if article.raw_format == "html":
        try:
            page = extract_html(text, url=article.url, with_metadata=not (title and published))
        except ExtractionFailed as error:
            return _error(article, str(error))
        text, title, published = page.text, title or page.title, published or page.published
        lines_are_paragraphs = True  # trafilatura writes one paragraph a line
    if len(text) > max_chars:
        return _too_large(article, len(text), max_chars)
    cleaned = clean_text(text, lines_are_paragraphs=lines_are_paragraphs)
    if not cleaned:
        return _error(article, "empty after cleaning: no article text left")
    reason = not_english_reason(cleaned)
    if reason is not None:
        return _error(article, reason)
    return dataclasses.replace(
        article, text=cleaned, title=clean_title(title), published=published, language=ENGLISH
    )


def clean_text(text: str, *, lines_are_paragraphs: bool = False) -> str:
    """Steps 3 to 7 of the module's doc on plain text: paragraphs joined by one blank line."""
    text = separate_dateline(normalise_characters(text))
    paragraphs = split_paragraphs(text, lines_are_paragraphs=lines_are_paragraphs)
    paragraphs = tidy_leading_headings(strip_trailing_boilerplate(paragraphs))
    return "\n\n".join(end_as_sentence(paragraph) for paragraph in paragraphs)


def clean_title(title: str | None) -> str | None:
    """The title on one line, normalised like the text, without a stray quote or a closing period."""
    if not title:
        return None
    line = drop_stray_quote(collapse_spaces(" ".join(normalise_characters(title).split("\n"))))
    return _CLOSING_PERIOD.sub("", line) or None


def _error(article: Article, reason: str) -> ArticleError:
    return ArticleError(article_id=article.id, origin=article.origin, reason=reason, stage="clean")


def _too_large(article: Article, size: int, limit: int) -> ArticleError:
    return _error(article, f"article is {_megabytes(size)}, over the {_megabytes(limit)} limit")


def _megabytes(chars: int) -> str:
    return f"{chars / 1_000_000:.1f} MB"
