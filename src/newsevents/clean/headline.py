"""The headline lines on top of an article: a stray quote mark off, a repeated headline kept once.

Scraped articles often start with the headline twice: once as the page title, once more as a heading,
sometimes reworded (active in one, passive in the other). The leading heading paragraphs (short, one
sentence) are compared with each other; one that repeats an earlier one is dropped. Two headings that
say different things (the project's example: a title, then a subtitle naming other actors) are both
kept, each a paragraph of its own ending in a period, so neither is glued to the body's first sentence.

"Repeats" is rapidfuzz's token-set ratio over crudely stemmed content words, at least REPEAT_SCORE,
only between headings of comparable length (token-set alone scores 100 whenever one line's words are a
subset of the other's, as a lead sentence's often are of the headline's); and a repeat is dropped only
when it adds no content word to the earlier heading. The threshold was measured: 13 hand-written
repeats and voice rewrites ("Germany expels two Russian diplomats" / "Two Russian diplomats expelled by
Germany") scored 97.4 to 100; of 443 pairs of a Wikinews headline and a lead sentence of the same
article, two scored over 90 (96 and 91: lead sentences restating the headline plus a date, which the
no-new-word rule keeps) and the rest 88 or less; the example's title and subtitle score 54, and differ
too much in length to be compared at all.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from newsevents.clean.paragraphs import is_heading

REPEAT_SCORE = 93.0
MIN_LENGTH_RATIO = 0.75
MAX_LEADING_HEADINGS = 4
_STOP_WORDS = frozenset({
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "over", "from", "and", "or",
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "its",
})  # fmt: skip
_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")
_WORD = re.compile(r"[a-z0-9]+")
_STRAY_QUOTE = re.compile(r'"(?P<end>[.!?]?)$')


def drop_stray_quote(line: str) -> str:
    """A double quote at the very end (before a final . ! ?) that has no partner: `Plan".` to `Plan.`"""
    match = _STRAY_QUOTE.search(line)
    if match is None or line.count('"') % 2 == 0:
        return line
    return line[: match.start()].rstrip() + match.group("end")


def tidy_leading_headings(paragraphs: list[str]) -> list[str]:
    """Stray quotes off the leading headings, and a heading that repeats an earlier one dropped."""
    kept: list[str] = []
    seen: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index >= MAX_LEADING_HEADINGS or not is_heading(paragraph):
            return kept + paragraphs[index:]
        heading = drop_stray_quote(paragraph)
        if not any(restates(heading, earlier) for earlier in seen):
            kept.append(heading)
        seen.append(heading)
    return kept


def restates(later: str, earlier: str) -> bool:
    """The later heading repeats the earlier one and adds no content word to it: a one-sentence lead
    paragraph that restates the headline plus "on Wednesday" is kept, for the date it adds."""
    return repeats(later, earlier) and len(_content_stems(later)) <= len(_content_stems(earlier))


def repeats(line: str, other: str) -> bool:
    """Whether two headings say the same thing (see the module's doc for the measure)."""
    first, second = _content_stems(line), _content_stems(other)
    if not first or not second:
        return first == second
    if min(len(first), len(second)) / max(len(first), len(second)) < MIN_LENGTH_RATIO:
        return False
    return fuzz.token_set_ratio(" ".join(first), " ".join(second)) >= REPEAT_SCORE


def _content_stems(line: str) -> list[str]:
    return [_stem(word) for word in _WORD.findall(line.lower()) if word not in _STOP_WORDS]


def _stem(word: str) -> str:
    """Strip one inflection so "cancels", "cancelled" and "canceled" meet near enough for fuzzy matching."""
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word
