"""The main text of an HTML page (trafilatura), or of an HTML fragment such as a feed entry's content.

Options measured on the 46 real news pages of the shared extraction benchmark (bag-of-words F1 of
clean_article's text against the hand-made body, mean over pages; tests/clean/test_shared_data.py):
favor_precision 0.983, default 0.981, favor_recall 0.968, default with tables 0.976 (favor_precision
with tables: 0.983, no gain). Comments and tables are left out; metadata (title, date) is extracted only
when the article lacks them, as it costs about half as much again as the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

MIN_PAGE_WORDS = 5
_WHITESPACE = re.compile(r"\s+")
_FULL_PAGE = re.compile(r"<(html|body)[\s>]", re.IGNORECASE)
_BLOCKS = frozenset({
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
    "article", "header", "footer", "ul", "ol", "dd", "dt", "pre",
})  # fmt: skip
# Date metadata from the page's own markup only: htmldate's extensive search guesses from any date-like
# text and takes twice as long.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True)
class Extracted:
    """What a page yields: its main text (paragraphs one a line), and its title and date when asked."""

    text: str
    title: str | None = None
    published: str | None = None


class ExtractionFailed(ValueError):
    """No main text could be taken from the HTML; the message is the one-line reason."""


def extract_html(html: str, *, url: str | None = None, with_metadata: bool = True) -> Extracted:
    """The page's main text; a fragment with no <html>/<body> that trafilatura finds too short is read
    whole instead (feed entries carry only the article, so nothing there is page furniture).

    A whole page whose "main text" is a few words (a menu item, a cookie notice) has no article.
    """
    is_page = bool(_FULL_PAGE.search(html[:5000]))
    extracted = _trafilatura(html, url, with_metadata)
    if extracted is None and not is_page:
        extracted = Extracted(fragment_text(html))
    if extracted is None or not extracted.text.strip():
        raise ExtractionFailed("no main text found in the HTML")
    if is_page and len(extracted.text.split()) < MIN_PAGE_WORDS:
        raise ExtractionFailed(f"no main text found in the page, only {extracted.text.strip()[:60]!r}")
    return extracted


def _trafilatura(html: str, url: str | None, with_metadata: bool) -> Extracted | None:
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=with_metadata,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, etree.LxmlError) as error:
        # lxml and trafilatura raise these on pages they cannot parse: a bad article, not a crash.
        raise ExtractionFailed(f"HTML extraction failed: {error}") from None
    if document is None or not document.text:
        return None
    return Extracted(document.text, document.title or None, document.date or None)


def fragment_text(html: str) -> str:
    """The text of an HTML fragment: one line per block element, the source's own line breaks as spaces."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ValueError, etree.LxmlError):
        return ""
    for unreadable in root.xpath(".//script | .//style"):
        unreadable.drop_tree()
    for element in root.iter():
        element.text = _one_line(element.text)
        element.tail = _one_line(element.tail)
        if isinstance(element.tag, str) and element.tag.lower() in _BLOCKS:
            element.text = "\n" + element.text
            element.tail = "\n" + element.tail
    return root.text_content()


def _one_line(text: str | None) -> str:
    return _WHITESPACE.sub(" ", text) if text else ""
