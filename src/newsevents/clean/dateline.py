"""The dateline at the head of a wire story: "GAZA CITY, March 5 (Reuters) -", "KYIV (AP) —".

The cleaner puts it on a line of its own, so that the parser never takes the agency for the subject of
the first sentence; the geo stage reads the place from it.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_NAME = r"[A-Z][A-Za-z'’.\-]*(?:\s+[A-Za-z][A-Za-z'’.\-]*){0,3}"
DATELINE = re.compile(
    rf"""
    \A\s*
    (?P<place>{_NAME})
    (?:\s*,\s*(?P<qualifier>(?!{_MONTH}\s+\d){_NAME}))?
    (?:\s*,?\s*(?P<date>{_MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?))?
    \s*(?P<agency>\([A-Za-z][A-Za-z .&'\-]{{0,30}}\)|/[A-Za-z][A-Za-z .&'\-]{{0,30}}/)?
    \s*(?:—|–|--|-|:)\s
    """,
    re.VERBOSE,
)


def looks_like_dateline(match: re.Match[str]) -> bool:
    letters = [ch for ch in match["place"] if ch.isalpha()]
    in_capitals = len(letters) > 1 and all(ch.isupper() for ch in letters)
    return in_capitals or bool(match["date"] or match["agency"] or match["qualifier"])


def separate_dateline(text: str) -> str:
    """'KYIV (AP) — Ukraine said ...' -> 'KYIV (AP) —' and 'Ukraine said ...' as two paragraphs."""
    match = DATELINE.match(text[:200])
    if match is None or not looks_like_dateline(match):
        return text
    head = text[: match.end()].rstrip()
    return f"{head}\n\n{text[match.end() :].lstrip()}"
