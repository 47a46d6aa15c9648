"""Event placement on sentences written for these tests, parsed by the real spaCy model."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest
from spacy.tokens import Span

from newsevents.geo import Gazetteer, find_dateline, locate_event, places_in
from newsevents.model import Location
from tests.geo.parsing import word


class Case(NamedTuple):
    sentence: str
    trigger: str
    name: str | None  # None: no place
    country: str | None = None
    level: str | None = None
    how: str | None = None
    hint: str | None = None


CASES = [
    # a place in a phrase of the trigger
    Case("Macron made a visit to Washington last week.", "visit", "Washington", "USA", "city", "argument"),
    Case("The delegation held talks in Doha with Hamas officials.", "talks", "Doha", "QAT", "city",
         "argument"),
    Case("The delegation held talks in Doha with Hamas officials.", "held", "Doha", "QAT", "city",
         "argument"),
    Case("Israeli forces launched an airstrike on Rafah, killing 12 people.", "airstrike", "Rafah", "PSE",
         "city", "argument"),
    Case("Israeli forces launched an airstrike on Rafah, killing 12 people.", "launched", "Rafah", "PSE",
         "city", "argument"),
    Case("Iran condemned the Israeli strike on Damascus.", "strike", "Damascus", "SYR", "city", "argument"),
    Case("Hamas fighters clashed with troops in Khan Younis.", "clashed", "Khan Yunis", "PSE", "city",
         "argument"),
    # the place of the state one is put under
    Case("The journalist was placed under house arrest in Minsk on Monday.", "placed", "Minsk",
         "BLR", "city", "argument"),
    Case("Israeli airstrikes killed 20 people in Deir al-Balah.", "killed", "Dayr al Balah", "PSE", "city",
         "argument"),
    Case("Thousands of people protested in Kiev on Sunday.", "protested", "Kyiv", "UKR", "city", "argument"),
    Case("A former Kyiv resident protested outside the embassy in London.", "protested", "London", "GBR",
         "city", "argument"),
    Case("Talks at the White House ended without a deal.", "Talks", "Washington", "USA", "city", "argument"),
    # the direct object of a verb of motion or attack
    Case("Russian troops entered Kherson after a week of fighting.", "entered", "Kherson", "UKR", "city",
         "argument"),
    Case("Russian missiles struck Kyiv and Kharkiv overnight.", "struck", "Kyiv", "UKR", "city", "argument"),
    Case("Shelling hit the city of Kharkiv overnight.", "hit", "Kharkiv", "UKR", "city", "argument"),
    Case("Biden will visit Israel next week.", "visit", "Israel", "ISR", "country", "argument"),
    # a bare country, a region, a division named after its town
    Case("Russia launched an attack in Syria.", "attack", "Syria", "SYR", "country", "argument"),
    Case("Fighting intensified in eastern Ukraine.", "intensified", "Ukraine", "UKR", "country", "argument"),
    Case("Israeli tanks advanced in southern Gaza.", "advanced", "Gaza Strip", "PSE", "admin1", "argument"),
    Case("Russian forces shelled the Donetsk region overnight.", "shelled", "Donetsk region", "UKR", "admin1",
         "argument"),
    # the most specific place of the phrase, read in the sentence's own context
    Case("Gunmen attacked a checkpoint near Bethlehem in the occupied West Bank.", "attacked", "Bethlehem",
         "PSE", "city", "argument"),
    # the setting of the clause
    Case("Blinken arrived in Tel Aviv on Monday for talks with Netanyahu.", "talks", "Tel Aviv", "ISR",
         "city", "sentence"),
    Case("Speaking in Kyiv, Blinken announced new military aid.", "announced", "Kyiv", "UKR", "city",
         "sentence"),
    Case("Biden traveled to Kiev to meet Zelensky.", "meet", "Kyiv", "UKR", "city", "sentence"),
    Case("The envoy flew to Beirut and met Hezbollah officials.", "met", "Beirut", "LBN", "city", "sentence"),
    Case("Israel has sent a delegation to Cairo for ceasefire talks.", "talks", "Cairo", "EGY", "city",
         "sentence"),
    # ambiguous names
    Case("Protesters rallied in Paris, Texas on Sunday.", "rallied", "Paris", "USA", "city", "argument"),
    Case("Protesters rallied in Paris on Sunday.", "rallied", "Paris", "FRA", "city", "argument"),
    Case("Police clashed with settlers near Bethlehem.", "clashed", "Bethlehem", "PSE", "city", "argument",
         hint="ISR"),
    Case("Lawmakers in Georgia passed a bill on protests.", "passed", "Georgia", "USA", "admin1", "sentence",
         hint="USA"),
    Case("Lawmakers in Georgia passed a bill on protests.", "passed", "Georgia", "GEO", "country",
         "sentence"),
    Case("Egyptian troops deployed in Rafah.", "deployed", "Rafah", "EGY", "city", "argument", hint="EGY"),
    # places only mentioned in passing, actors, no place at all
    Case("Washington said it would send more aid to Ukraine.", "said", None),
    Case("Moscow warned Kyiv against further attacks.", "warned", None),
    Case("Netanyahu vowed to press ahead with an invasion of the Rafah area in southern Gaza.", "vowed",
         None),
    Case("Zelensky, who was born in Kryvyi Rih, met Biden.", "met", None),
    Case("Biden spoke to Netanyahu about the hostages in Gaza.", "spoke", None),
    Case("The minister met his counterpart on Tuesday.", "met", None),
    Case("Israel warned Iran against retaliation.", "warned", None),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.trigger}: {case.sentence[:40]}")
def test_event_place(case: Case, sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    sent = sentence(case.sentence)
    location = locate_event(sent, word(sent, case.trigger), gazetteer=gazetteer, country_hint=case.hint)
    if case.name is None:
        assert location is None
        return
    assert location is not None
    assert (location.name, location.country, location.level, location.how) == (
        case.name,
        case.country,
        case.level,
        case.how,
    )


def test_a_different_trigger_in_the_same_sentence_gets_its_own_place(
    sentence: Callable[[str], Span], gazetteer: Gazetteer
) -> None:
    sent = sentence("Netanyahu vowed to press ahead with an invasion of the Rafah area in southern Gaza.")
    invasion = locate_event(sent, word(sent, "invasion"), gazetteer=gazetteer)
    vowed = locate_event(sent, word(sent, "vowed"), gazetteer=gazetteer)
    assert invasion is not None and (invasion.name, invasion.how) == ("Rafah", "argument")
    assert vowed is None


def test_the_dateline_places_an_event_the_sentence_does_not(
    sentence: Callable[[str], Span], gazetteer: Gazetteer
) -> None:
    dateline = find_dateline("KYIV (AP) — Ukraine's president met the envoy.", gazetteer)
    sent = sentence("The president met the envoy on Tuesday.")
    location = locate_event(sent, word(sent, "met"), gazetteer=gazetteer, dateline=dateline)
    assert location is not None
    assert (location.name, location.country, location.how) == ("Kyiv", "UKR", "dateline")


def test_the_sentence_beats_the_dateline(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    dateline = find_dateline("WASHINGTON (Reuters) - The talks went on.", gazetteer)
    sent = sentence("The delegation held talks in Doha with Hamas officials.")
    location = locate_event(sent, word(sent, "talks"), gazetteer=gazetteer, dateline=dateline)
    assert location is not None and location.name == "Doha"
    assert dateline is not None and dateline.how == "dateline"


def test_a_country_place_invents_no_coordinates(
    sentence: Callable[[str], Span], gazetteer: Gazetteer
) -> None:
    sent = sentence("Russia launched an attack in Syria.")
    location = locate_event(sent, word(sent, "attack"), gazetteer=gazetteer)
    assert location == Location(
        name="Syria", country="SYR", geonames_id=location.geonames_id if location else None,
        level="country", how="argument",
    )  # fmt: skip
    assert location is not None and location.lat is None and location.lon is None


def test_places_given_by_the_caller_are_used(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    sent = sentence("Israeli airstrikes killed 20 people in Deir al-Balah.")
    mentions = places_in(sent, gazetteer)
    location = locate_event(sent, word(sent, "killed"), gazetteer=gazetteer, places=mentions)
    assert location is not None and location.geonames_id == mentions[0][1].geonames_id
    assert locate_event(sent, word(sent, "killed"), gazetteer=gazetteer, places=[]) is None
