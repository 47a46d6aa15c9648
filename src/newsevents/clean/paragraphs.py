"""Splitting text into paragraphs, and making each paragraph end as a sentence.

Blank lines separate paragraphs. Inside a paragraph, lines are joined with a space (hard-wrapped text),
except a first line that is plainly a headline standing on top of the body. A text with no blank line
at all is one paragraph per line when most of its lines end a sentence (one-paragraph-a-line files,
trafilatura's output), else one hard-wrapped paragraph.
"""

from __future__ import annotations

import re

from newsevents.clean.normalise import collapse_spaces

MAX_HEADLINE_CHARS = 200
_BLANK_LINE = re.compile(r"\n[ ]*\n+")
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"')\]]*$")
_CLOSERS = "\"')]"
# A line ending in one of these runs on into the next: it is wrapped text, never a headline.
_RUN_ON_WORDS = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but"}
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"')]?\s+[\"'(]?[A-Z]")


def split_paragraphs(text: str, *, lines_are_paragraphs: bool = False) -> list[str]:
    """Non-empty paragraphs, whitespace collapsed, each on one line."""
    blocks = [block for block in _BLANK_LINE.split(text.strip()) if block.strip()]
    if lines_are_paragraphs or (len(blocks) == 1 and _mostly_sentence_lines(blocks[0])):
        return [line for line in map(collapse_spaces, text.split("\n")) if line]
    paragraphs: list[str] = []
    for number, block in enumerate(blocks):
        lines = [line for line in map(collapse_spaces, block.split("\n")) if line]
        if number == 0:
            paragraphs.extend(_leading_headlines(lines))
        if lines:
            paragraphs.append(" ".join(lines))
    return paragraphs


def _leading_headlines(lines: list[str]) -> list[str]:
    """Takes the headline lines off the top of a block (in place) and returns them."""
    longest = max((len(line) for line in lines), default=0)
    headlines: list[str] = []
    while len(lines) > 1 and looks_like_headline_over(lines[0], lines[1], longest):
        headlines.append(lines.pop(0))
    return headlines


def _mostly_sentence_lines(block: str) -> bool:
    lines = [line for line in map(collapse_spaces, block.split("\n")) if line]
    if len(lines) < 2:
        return False
    ending = sum(1 for line in lines[:-1] if _ENDS_SENTENCE.search(line))
    return ending * 2 >= len(lines) - 1


def looks_like_headline_over(line: str, next_line: str, longest: int) -> bool:
    """A short line, no sentence end, clearly shorter than the block's longest line (a hard-wrapped
    paragraph has lines of about one length), the next line starting anew with a capital."""
    return (
        len(line) < MAX_HEADLINE_CHARS
        and not _ENDS_SENTENCE.search(line)
        and line.rsplit(" ", 1)[-1].lower() not in _RUN_ON_WORDS
        and next_line[:1].isupper()
        and len(line) < 0.8 * longest
    )


def is_heading(paragraph: str) -> bool:
    """One short line with no sentence break inside: a headline, subtitle, dateline or byline."""
    return len(paragraph) < MAX_HEADLINE_CHARS and not _SENTENCE_BREAK.search(paragraph)


def end_as_sentence(paragraph: str) -> str:
    """A period after a paragraph that ends in a word or number, so the sentence splitter never runs
    a headline or subtitle into the next paragraph."""
    core = paragraph.rstrip(_CLOSERS)
    if core and core[-1].isalnum():
        return paragraph + "."
    return paragraph
