"""Actors in sentences written for these tests: names, titles, demonyms, metonyms, dates, pronouns, typos."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents import get_pipeline
from newsevents.model import Actor


def _subject(text: str, day: str) -> Actor | None:
    """The actor of the first sentence's subject, as the coder would see it."""
    pipe = get_pipeline()
    doc = pipe.nlp(text)
    found = pipe.resolver.scan(doc, dt.date.fromisoformat(day))
    sentences = list(doc.sents)
    root = sentences[-1].root
    subject = next(t for t in root.children if t.dep_ in ("nsubj", "nsubjpass"))
    return pipe.resolver.actor_of(subject, found)


@pytest.mark.parametrize(
    ("text", "day", "country", "sector"),
    [
        ("Israeli Prime Minister Benjamin Netanyahu spoke on Sunday.", "2024-03-25", "ISR", "GOV"),
        ("Washington said the talks were useful.", "2024-03-25", "USA", "GOV"),
        ("The Kremlin denied the report.", "2023-01-10", "RUS", "GOV"),
        ("Russian troops crossed the river.", "2023-01-10", "RUS", "MIL"),
        ("A Syrian rebel commander spoke to reporters.", "2016-05-02", "SYR", "REB"),
        ("The UN Security Council voted on the resolution.", "2024-03-25", "UNO", "IGO"),
        ("Hamas fired rockets.", "2024-03-25", "PSE", None),
        ("Tzaji Hanegbi arrived on Monday.", "2024-03-25", "ISR", "GOV"),
        ("Joe Biden spoke in Ohio.", "2024-03-25", "USA", "GOV"),
        ("Joe Biden spoke in Ohio.", "2025-06-01", "USA", "ELI"),
        ("Former president Donald Trump spoke in Ohio.", "2022-06-01", "USA", "ELI"),
    ],
)
def test_subject_resolves(text: str, day: str, country: str, sector: str | None) -> None:
    actor = _subject(text, day)
    assert actor is not None
    assert actor.country == country
    if sector is not None:
        assert actor.sector == sector
    assert actor.code and actor.code.startswith(country if sector != "IGO" else "IGO")


def test_pronoun_takes_the_last_person_mentioned() -> None:
    actor = _subject("Emmanuel Macron arrived in Rome. He met the Italian prime minister.", "2023-04-02")
    assert actor is not None and actor.name == "Emmanuel Macron" and actor.how == "coreference"


def test_bare_title_takes_the_last_fitting_person() -> None:
    actor = _subject("Olaf Scholz landed in Kyiv on Monday. The chancellor promised more aid.", "2023-04-03")
    assert actor is not None and actor.country == "DEU" and actor.sector == "GOV"


def test_lower_case_words_are_not_names() -> None:
    assert _subject("Some of us went home early.", "2023-01-01") is None
