"""Helpers of the geo tests."""

from __future__ import annotations

from spacy.tokens import Span, Token


def word(sent: Span, text: str) -> Token:
    """The first token of the sentence spelled `text`."""
    for token in sent:
        if token.text == text:
            return token
    raise AssertionError(f"{text!r} is not a token of {sent.text!r}")
