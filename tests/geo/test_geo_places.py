"""Place mentions in a sentence: what counts as a place, what names an actor."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span

from newsevents.geo import Gazetteer, places_in


def names(sent: Span, gazetteer: Gazetteer, hint: str | None = None) -> list[tuple[str, str, str | None]]:
    return [(span.text, loc.name, loc.country) for span, loc in places_in(sent, gazetteer, country_hint=hint)]


def test_every_place_of_the_sentence_in_order(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    sent = sentence("Gunmen attacked a checkpoint near Jenin in the occupied West Bank.")
    assert names(sent, gazetteer) == [("Jenin", "Janin", "PSE"), ("West Bank", "West Bank", "PSE")]


def test_a_place_as_subject_is_an_actor(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    assert names(sentence("Washington said it would send more aid to Ukraine."), gazetteer) == [
        ("Ukraine", "Ukraine", "UKR")
    ]
    assert names(sentence("Kyiv's forces retook the village."), gazetteer) == []


def test_a_demonym_is_no_place(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    sent = sentence("The Israeli army said Palestinian gunmen fired at troops.")
    assert places_in(sent, gazetteer) == []


def test_a_town_the_model_calls_a_person_in_a_place_slot(
    sentence: Callable[[str], Span], gazetteer: Gazetteer
) -> None:
    sent = sentence("Israeli forces launched an airstrike on Rafah, killing 12 people.")
    assert next(token for token in sent if token.text == "Rafah").ent_type_ != "GPE"  # what makes it a test
    assert names(sent, gazetteer) == [("Rafah", "Rafah", "PSE")]


def test_an_alternate_name_alone_does_not_make_a_word_a_place(
    sentence: Callable[[str], Span], gazetteer: Gazetteer
) -> None:
    # GeoNames lists "Congress" as the name of a small Arizona town and "Hamas" as another name of Hamm.
    sent = sentence("The bill went to Congress after talks with Hamas.")
    assert places_in(sent, gazetteer) == []


def test_a_town_with_its_state(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    mentions = places_in(sentence("Protesters rallied in Paris, Texas on Sunday."), gazetteer)
    assert len(mentions) == 1
    span, location = mentions[0]
    assert span.text == "Paris"
    assert (location.country, location.admin1) == ("USA", "TX")


def test_a_division_named_after_its_town(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    mentions = places_in(sentence("Russian forces shelled the Donetsk region overnight."), gazetteer)
    assert len(mentions) == 1
    span, location = mentions[0]
    assert span.text == "Donetsk region"
    donetsk = gazetteer.lookup("Donetsk")
    assert donetsk is not None
    assert (location.level, location.country, location.admin1) == ("admin1", "UKR", donetsk.admin1)
    assert location.lat is None and location.geonames_id is None


def test_compass_words_narrow_without_renaming(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    assert names(sentence("Israeli tanks advanced in southern Gaza."), gazetteer) == [
        ("Gaza", "Gaza Strip", "PSE")
    ]
    korea = names(sentence("Tensions rose in North Korea."), gazetteer)
    assert korea == [("North Korea", "North Korea", "PRK")]


def test_the_sentence_settles_an_ambiguous_town(
    sentence: Callable[[str], Span], gazetteer: Gazetteer
) -> None:
    alone = names(sentence("Police clashed with settlers near Bethlehem."), gazetteer)
    assert alone == [("Bethlehem", "Bethlehem", "ZAF")]  # the largest Bethlehem, for want of context
    placed = names(sentence("Police clashed with settlers near Bethlehem in the West Bank."), gazetteer)
    assert placed[0] == ("Bethlehem", "Bethlehem", "PSE")
    hinted = names(sentence("Police clashed with settlers near Bethlehem."), gazetteer, hint="ISR")
    assert hinted == [("Bethlehem", "Bethlehem", "PSE")]


def test_a_qualifier_is_read_the_way_that_holds_the_town(
    sentence: Callable[[str], Span], gazetteer: Gazetteer
) -> None:
    # "Georgia" alone is the country; Columbus lies in the US state, and Tbilisi in the country.
    columbus = places_in(sentence("Protesters marched in Columbus, Georgia on Sunday."), gazetteer)
    assert [(loc.name, loc.country, loc.admin1) for _, loc in columbus] == [("Columbus", "USA", "GA")]
    alone = places_in(sentence("Protesters marched in Columbus on Sunday."), gazetteer)
    assert alone[0][1].admin1 != "GA"  # what makes the first assertion a test
    tbilisi = places_in(sentence("Protesters marched in Tbilisi, Georgia on Sunday."), gazetteer)
    assert [(loc.name, loc.country) for _, loc in tbilisi] == [("Tbilisi", "GEO")]


def test_context_moves_only_to_a_town_of_comparable_size(
    sentence: Callable[[str], Span], gazetteer: Gazetteer
) -> None:
    sent = sentence("Officials flew the two men from London to a US detention camp.")
    assert ("London", "London", "GBR") in names(sent, gazetteer)


def test_words_of_other_names_are_no_places(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    # GeoNames has towns called University (Florida), Eu (Normandy) and Bridge (Kent).
    assert (
        names(sentence("Researchers from the University of Washington reported the findings."), gazetteer)
        == []
    )
    assert names(sentence("Some protesters wanted to stay in the EU."), gazetteer) == []
    assert names(sentence("The soldiers crossed a Bridge near the river."), gazetteer) == []


def test_divisions(sentence: Callable[[str], Span], gazetteer: Gazetteer) -> None:
    hatay = names(sentence("Turkish forces shelled the Hatay province overnight."), gazetteer)
    assert [(name, country) for _, name, country in hatay] == [("Hatay", "TUR")]
    ontario = places_in(sentence("The group raised money for a shelter in Ontario."), gazetteer)
    assert [(loc.name, loc.country, loc.level) for _, loc in ontario] == [("Ontario", "CAN", "admin1")]
