"""Where an event took place, read from the parse around the word that states it.

The order, first hit wins:
1. argument: a place in a phrase of the trigger itself ("talks in Doha", "a visit to Washington", "an
   airstrike on Rafah"), its direct object when the trigger is a verb of motion or attack ("troops entered
   Kherson"), a place naming the trigger noun ("the Doha talks"), or a place phrase of its direct object,
   of the light verb that governs it ("held talks in Doha", "launched an airstrike on Rafah") or of a
   fellow participant ("clashed with settlers near Bethlehem"); when a phrase names a town inside a
   region or country found with it ("near Jenin in the West Bank"), the town;
2. sentence: a place phrase elsewhere in the trigger's own clause ("Blinken arrived in Tel Aviv for
   talks"), on its subject ("Lawmakers in Georgia passed ..."), in a subjectless clause hanging on it
   ("Speaking in Kyiv, Blinken announced ..."), or of the verb the trigger's clause completes ("travelled
   to Kyiv to meet Zelensky");
3. dateline: the article's dateline place;
4. None.
A place met only in passing (in a relative clause, another clause with its own subject, a modifier such
as "a former Kyiv resident", the subject "Washington said") is never the event's place; nor is a capital
or a centroid standing in for a country: a bare country as the argument gives a country-level place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from newsevents.geo.gazetteer import Gazetteer, GeoWords
from newsevents.geo.places import Mention, places_in
from newsevents.model import Location

if TYPE_CHECKING:  # spaCy is loaded by the nlp stage; the gazetteer alone does not need it
    from spacy.tokens import Span, Token

NOUNS = frozenset({"NOUN", "PROPN"})
VERBS = frozenset({"VERB", "AUX"})
PREP_DEPS = frozenset({"prep", "dative"})  # the parser calls "to" after "send" a dative
LEVEL_RANK = {"city": 0, "admin1": 1, "country": 2}
NAMING_DEPS = frozenset({"compound", "amod", "nmod"})
# Clauses that share the trigger's setting; relative clauses and reported clauses (ccomp) do not.
SETTING_CLAUSES = frozenset({"advcl", "xcomp", "npadvmod"})


def locate_event(
    sent: Span,
    trigger: Token,
    *,
    gazetteer: Gazetteer,
    country_hint: str | None = None,
    dateline: Location | None = None,
    places: list[Mention] | None = None,
) -> Location | None:
    """The place of the event `trigger` states in `sent`, with `how` saying how it was chosen.

    `places`: the result of `places_in(sent, ...)` when the caller already has it (several events in
    one sentence); computed here otherwise.
    """
    mentions = places if places is not None else places_in(sent, gazetteer, country_hint=country_hint)
    by_token = {token.i: location for span, location in mentions for token in span}
    words = gazetteer.words
    tiers = (("argument", argument_slots(trigger, words)), ("sentence", clause_slots(trigger, words)))
    for how, slots in tiers:
        found = [location for token in slots if (location := place_at(token, by_token, words))]
        if found:
            return replace(most_specific(found), how=how)
    only = _only_setting(mentions, trigger)
    if only is not None:
        return replace(only, how="sentence")
    return replace(dateline, how="dateline") if dateline is not None else None


SETTING_PREPOSITIONS = frozenset({"in", "at", "to"})
PASSING_DEPS = frozenset({"relcl", "acl", "ccomp", "poss", "compound", "amod"})


def _only_setting(mentions: list[Mention], trigger: Token) -> Location | None:
    """The one town of the sentence, named after in/at/to and outside any relative or reported clause,
    sets the scene when the parse tied it to nothing ("met Britain's chief of staff, Admiral Radakin, in
    Kyiv", where the parser hangs "in Kyiv" on the admiral)."""
    towns = {(location.name, location.country): (span, location) for span, location in mentions}
    if len(towns) != 1:
        return None
    span, location = next(iter(towns.values()))
    if location.level != "city":
        return None
    head = span.root
    if head.dep_ != "pobj" or head.head.lower_ not in SETTING_PREPOSITIONS:
        return None
    token = head.head
    while token.head != token and token != trigger:
        if token.dep_ in PASSING_DEPS:
            return None
        token = token.head
    return location


def most_specific(found: list[Location]) -> Location:
    """The first place found, or a place inside it found in the same tier ("near Jenin in the West Bank")."""
    first = found[0]
    inside = [location for location in found[1:] if _lies_in(location, first)]
    return min(inside, key=lambda location: LEVEL_RANK.get(location.level or "", 0), default=first)


def _lies_in(location: Location, area: Location) -> bool:
    if area.level == "city" or location.level == area.level or location.country != area.country:
        return False
    return area.level == "country" or (area.admin1 is not None and location.admin1 == area.admin1)


def argument_slots(trigger: Token, words: GeoWords) -> Iterator[Token]:
    """Tokens that may name the place as an argument of the trigger, most direct first."""
    motion = is_motion(trigger, words)
    yield from prepositional_objects(trigger, words, motion)
    if motion:
        yield from (child for child in trigger.children if child.dep_ in ("dobj", "nsubjpass"))
    if trigger.pos_ in NOUNS:
        yield from (child for child in trigger.children if child.dep_ in NAMING_DEPS)
    for obj in (child for child in trigger.children if child.dep_ == "dobj"):
        yield from prepositional_objects(obj, words, motion or is_motion(obj, words))
        yield from (child for child in obj.children if child.dep_ in NAMING_DEPS)
    if trigger.pos_ in NOUNS and trigger.dep_ in ("dobj", "nsubjpass", "attr") and trigger.head.pos_ in VERBS:
        # a light verb carries the noun's phrases as often as the noun does
        yield from prepositional_objects(trigger.head, words, motion)
    for prep in trigger.children:  # "put under investigation in Italy": the state one is put under
        if prep.dep_ == "prep" and prep.lower_ == "under":
            for state in (child for child in prep.children if child.dep_ == "pobj"):
                yield from prepositional_objects(state, words, motion=False)
    for prep in trigger.children:  # "clashed with settlers near Bethlehem"
        if prep.dep_ in PREP_DEPS and prep.lower_ in words.participant_prepositions:
            for participant in (child for child in prep.children if child.dep_ == "pobj"):
                yield from prepositional_objects(participant, words, motion=False)


def clause_slots(trigger: Token, words: GeoWords) -> Iterator[Token]:
    """Tokens that may name the place as the setting of the trigger's clause."""
    head = clause_head(trigger)
    if head is None:
        return
    if head != trigger:  # "arrived in Cairo for talks", "sent a delegation to Cairo for talks"
        yield from prepositional_objects(head, words, is_motion(head, words))
    for child in head.children:
        if child.dep_ in SETTING_CLAUSES and child != trigger and not has_subject(child):
            yield from prepositional_objects(child, words, motion=False)
        elif child.dep_ in ("nsubj", "nsubjpass") and child != trigger:
            yield from prepositional_objects(child, words, motion=False)  # "lawmakers in Georgia passed"
    if head.dep_ in ("xcomp", "advcl") or (head.dep_ == "conj" and not has_subject(head)):
        parent = head.head
        parent_motion = is_motion(parent, words)
        yield from prepositional_objects(parent, words, parent_motion)
        if parent_motion:
            yield from (child for child in parent.children if child.dep_ == "dobj")


def prepositional_objects(head: Token, words: GeoWords, motion: bool) -> Iterator[Token]:
    """Objects of the head's place phrases ("in Doha"); with `motion` also of "to", "on", "into", ...."""
    for prep in head.children:
        if prep.dep_ not in PREP_DEPS:
            continue
        word = prep.lower_
        if word in words.place_prepositions or (motion and word in words.motion_prepositions):
            yield from (child for child in prep.children if child.dep_ == "pobj")
            for inner in prep.children:  # "outside of Kyiv"
                if inner.dep_ == "prep" and inner.lower_ == "of":
                    yield from (child for child in inner.children if child.dep_ == "pobj")


def place_at(token: Token, by_token: dict[int, Location], words: GeoWords, depth: int = 0) -> Location | None:
    """The place a slot names: itself, the X of "the city of X" or "the X area", or "the embassy in X"."""
    if token.i in by_token:
        return by_token[token.i]
    if token.lemma_.lower() in words.frame_nouns:
        for child in token.children:
            if child.dep_ in ("compound", "appos", "amod") and child.i in by_token:
                return by_token[child.i]
            if child.dep_ == "prep" and child.lower_ == "of":
                for inner in child.children:
                    if inner.dep_ == "pobj" and (found := place_at(inner, by_token, words, depth)):
                        return found
    if depth == 0:  # the embassy in London is where a protest outside the embassy took place
        for inner in prepositional_objects(token, words, motion=False):
            if found := place_at(inner, by_token, words, depth + 1):
                return found
    return None


def clause_head(trigger: Token) -> Token | None:
    """The verb of the clause the trigger belongs to: itself, or the first verb above a noun trigger."""
    token = trigger
    while token.pos_ not in VERBS:
        if token.head == token:
            return None
        token = token.head
    return token


def is_motion(token: Token, words: GeoWords) -> bool:
    return token.lemma_.lower() in words.motion_lemmas


def has_subject(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children)
