"""Trimming page furniture off the end of an article, by the patterns in knowledge/clean/boilerplate.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

MAX_SECTION_LINE_CHARS = 160
MAX_SECTION_PARAGRAPHS = 25
# A closing block holds link titles and form labels; a full sentence of six words or more is body text.
_FULL_SENTENCE = re.compile(r"(\S+\s+){5,}\S*[.!?][\"')]*$")


@dataclass(frozen=True)
class Boilerplate:
    """Compiled patterns: single closing lines, and headings that open a closing block."""

    lines: tuple[re.Pattern[str], ...]
    sections: tuple[re.Pattern[str], ...]


@cache
def load_boilerplate() -> Boilerplate:
    """The patterns of the shipped knowledge file, compiled once per process."""
    source = resources.files("newsevents") / "knowledge" / "clean" / "boilerplate.yaml"
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return Boilerplate(
        lines=_compiled(data["trailing_lines"]),
        sections=_compiled(data["trailing_sections"]),
    )


def _compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)


def strip_trailing_boilerplate(paragraphs: list[str], boilerplate: Boilerplate | None = None) -> list[str]:
    """The paragraphs without the closing comment form, share buttons and link blocks."""
    boilerplate = boilerplate or load_boilerplate()
    kept = _without_closing_section(paragraphs, boilerplate.sections)
    while kept and _matches(kept[-1], boilerplate.lines):
        kept.pop()
    return kept


def _without_closing_section(paragraphs: list[str], headings: tuple[re.Pattern[str], ...]) -> list[str]:
    """Cut at the earliest heading of the closing run of link-like paragraphs (never into body text)."""
    cut = len(paragraphs)
    first_in_tail = max(0, len(paragraphs) - MAX_SECTION_PARAGRAPHS)
    for index in range(len(paragraphs) - 1, first_in_tail - 1, -1):
        paragraph = paragraphs[index]
        if _matches(paragraph, headings):
            cut = index
        elif _is_body_text(paragraph):
            break
    return paragraphs[:cut]


def _is_body_text(paragraph: str) -> bool:
    return len(paragraph) > MAX_SECTION_LINE_CHARS or bool(_FULL_SENTENCE.search(paragraph))


def _matches(paragraph: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    return any(pattern.fullmatch(paragraph) for pattern in patterns)
