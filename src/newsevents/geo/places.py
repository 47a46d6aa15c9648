"""Place names in a parsed sentence, resolved against the gazetteer.

A mention is a place when
- the entity recogniser tags it GPE, LOC or FAC and the gazetteer knows the name; or
- it is a capitalised proper noun in a slot only places fill (object of "in", "to", "near", ...; object
  of a verb of motion or attack; "the city of X"; "the X area"), even untagged or tagged PERSON or ORG
  (the small model calls "Rafah" a person), provided the gazetteer knows it by its own name, not only by
  an alternate one.
It is not a place when it names an actor: the active subject of a verb ("Washington said", "Moscow
launched"), a possessor ("Kyiv's mayor") or the agent of a passive ("attacked by Russia"); nor when it
is a demonym or another word of `not_places` in words.yaml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeAlias

from newsevents.geo.gazetteer import Candidate, Gazetteer, GeoWords, default_gazetteer
from newsevents.model import Location

if TYPE_CHECKING:  # spaCy is loaded by the nlp stage; the gazetteer alone does not need it
    from spacy.tokens import Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels that rule a word out as a place. Any other label (PERSON, ORG, WORK_OF_ART, ...) the small model
# also puts on little-known towns: such a mention is a place only in a place slot.
NEVER_PLACE_LABELS = frozenset(
    {"NORP", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE"}
)
ACTOR_DEPS = frozenset({"nsubj", "poss"})
# A town nobody has counted or a hamlet is no safe reading of an untagged capitalised word.
MIN_UNTAGGED_POPULATION = 1000

Mention: TypeAlias = "tuple[Span, Location]"


def places_in(
    sent: Span, gazetteer: Gazetteer | None = None, *, country_hint: str | None = None
) -> list[Mention]:
    """Every place mention of the sentence with the place it names, in text order, actors left out."""
    gazetteer = gazetteer or default_gazetteer()
    found: list[Mention] = []
    taken: set[int] = set()
    for span in _candidate_spans(sent, gazetteer.words):
        if taken.intersection(range(span.start, span.end)):
            continue
        mention = _resolve(span, gazetteer, country_hint)
        if mention is None:
            continue
        found.append(mention[:2])
        taken.update(range(mention[0].start, mention[2]))
    found.sort(key=lambda item: item[0].start)
    return found


def _candidate_spans(sent: Span, words: GeoWords) -> list[Span]:
    spans = [ent for ent in sent.ents if ent.label_ in PLACE_LABELS and not _is_actor(ent.root)]
    for token in sent:
        if token.ent_type_ in PLACE_LABELS or token.ent_type_ in NEVER_PLACE_LABELS:
            continue
        if _capitalised_proper_noun(token) and in_place_slot(token, words) and not _is_actor(token):
            spans.append(_compound_name(token, sent))
    return spans


def _resolve(span: Span, gazetteer: Gazetteer, country_hint: str | None) -> tuple[Span, Location, int] | None:
    """The mention's place, with the span widened to a following "region" and the end of what it used."""
    tagged = span.label_ in PLACE_LABELS
    location = _lookup(span.text, gazetteer, country_hint, tagged)
    if location is None:
        return None
    within, end = _qualifier_after(span, gazetteer)
    if within is None and "," in span.text:
        within = _qualifier(span.text.split(",", 1)[1], gazetteer)
    if within is not None:
        location = _lookup(span.text, gazetteer, country_hint, tagged, within) or location
    noun = _division_noun_after(span, gazetteer.words)
    if noun is not None:
        location = division_of(location, noun.lower_, gazetteer)
        span = span.doc[span.start : noun.i + 1]
        end = max(end, span.end)
    return span, location, end


def _lookup(
    text: str, gazetteer: Gazetteer, hint: str | None, tagged: bool, within: Location | None = None
) -> Location | None:
    """Look the name up whole, then without compass words ("southern Gaza") or a trailing region noun."""
    accept = None if tagged else _safe_untagged
    for variant, noun in _name_variants(text, gazetteer.words):
        place = gazetteer.best(variant, country_hint=hint, within=within, accept=accept)
        if place is not None:
            location = place.location()
            return division_of(location, noun, gazetteer) if noun else location
    return None


def _name_variants(text: str, words: GeoWords) -> list[tuple[str, str | None]]:
    """(name, division noun or None) in the order to try them."""
    tokens = text.replace(",", " , ").split()
    while tokens and tokens[0].lower() in {"the", *words.compass_words}:
        tokens = tokens[1:]
    if "," in tokens:  # "Paris, Texas" tagged as one entity: the qualifier is read apart
        tokens = tokens[: tokens.index(",")]
    variants: list[tuple[str, str | None]] = [(text, None)]
    if tokens:
        variants.append((" ".join(tokens), None))
    if len(tokens) > 1 and tokens[-1].lower() in words.division_nouns:
        variants.append((" ".join(tokens[:-1]), tokens[-1].lower()))
    if len(tokens) > 1 and tokens[-1].lower() in words.area_nouns:
        variants.append((" ".join(tokens[:-1]), None))
    return variants


def _safe_untagged(candidate: Candidate) -> bool:
    """An untagged word is read as a town only by the town's own name and if people live there."""
    place = candidate.place
    if candidate.curated or place.kind != "P":
        return True
    return candidate.own_name and place.population >= MIN_UNTAGGED_POPULATION


def division_of(location: Location, noun: str, gazetteer: Gazetteer) -> Location:
    """ "the Donetsk region": the first-level division the town lies in, named after it, without a point."""
    if location.level != "city" or not location.admin1 or not location.country:
        return location
    known = gazetteer.division(location.country, location.admin1)
    if known is not None:
        return known
    return Location(
        name=f"{location.name} {noun}", country=location.country, admin1=location.admin1, level="admin1"
    )


def _qualifier_after(span: Span, gazetteer: Gazetteer) -> tuple[Location | None, int]:
    """ "Paris, Texas", "Washington, D.C.": the division or country after a comma, and where it ends."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None, span.end
    nxt = doc[span.end + 1]
    if nxt.ent_type_ in PLACE_LABELS and nxt.ent_iob_ == "B":
        qualifier_span = next(ent for ent in doc.ents if ent.start == nxt.i)
    elif nxt.is_title or nxt.is_upper:
        qualifier_span = doc[nxt.i : nxt.i + 1]
    else:
        return None, span.end
    qualifier = _qualifier(qualifier_span.text, gazetteer)
    return (qualifier, qualifier_span.end) if qualifier else (None, span.end)


def _qualifier(text: str, gazetteer: Gazetteer) -> Location | None:
    qualifier = gazetteer.qualifier(text.strip())
    return qualifier if qualifier is not None and qualifier.level != "city" else None


def _division_noun_after(span: Span, words: GeoWords) -> Token | None:
    """The "region" of "the Donetsk region" when the place name is a compound of it."""
    root = span.root
    head = root.head
    if root.dep_ == "compound" and head.i == span.end and head.lower_ in words.division_nouns:
        return head
    return None


def in_place_slot(token: Token, words: GeoWords) -> bool:
    """A position only places fill: after a place preposition, object of a motion verb, "the X area"."""
    head = token.head
    if token.dep_ == "conj" and head is not token:  # "struck Kyiv and Kharkiv"
        return in_place_slot(head, words)
    if token.dep_ == "pobj":
        if head.lower_ == "of":
            governor = head.head.lemma_.lower()
            return governor in words.frame_nouns or governor in words.motion_lemmas
        return head.lower_ in words.mention_prepositions
    if token.dep_ in ("dobj", "nsubjpass"):
        return head.lemma_.lower() in words.motion_lemmas
    if token.dep_ in ("compound", "appos"):
        return head.lemma_.lower() in words.frame_nouns
    return False


def _is_actor(token: Token) -> bool:
    """Subjects, possessors and agents stand for actors ("Washington said", "Kyiv's forces")."""
    if token.dep_ in ACTOR_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _capitalised_proper_noun(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _compound_name(token: Token, sent: Span) -> Span:
    """The whole name a token heads: "Deir al-Balah" from "Balah" and its compound parts."""
    start = token.i
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    return sent.doc[max(start, sent.start) : token.i + 1]
