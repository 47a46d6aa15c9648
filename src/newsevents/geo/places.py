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
# The sentence's country moves an ambiguous name only to a town of this size, never to a hamlet.
MIN_CONTEXT_POPULATION = 5000
CONTEXT_SIZE_RATIO = 10  # ... and only to a town at least a tenth the size of the one it replaces

Mention: TypeAlias = "tuple[Span, Location]"


def places_in(
    sent: Span, gazetteer: Gazetteer | None = None, *, country_hint: str | None = None
) -> list[Mention]:
    """Every place mention of the sentence with the place it names, in text order, actors left out."""
    gazetteer = gazetteer or default_gazetteer()
    found: list[Mention] = []
    taken: set[int] = set()
    for span, tagged in _candidate_spans(sent, gazetteer.words):
        if taken.intersection(range(span.start, span.end)):
            continue
        mention = _resolve(span, tagged, gazetteer, country_hint)
        if mention is None:
            continue
        found.append(mention[:2])
        taken.update(range(mention[0].start, mention[2]))
    found.sort(key=lambda item: item[0].start)
    return _settle_in_context(found, gazetteer, country_hint)


def _settle_in_context(found: list[Mention], gazetteer: Gazetteer, hint: str | None) -> list[Mention]:
    """Move a town into the country or region the same sentence names, if it has a town of that name.

    "near Bethlehem in the occupied West Bank": Bethlehem alone is the larger South African town; next to
    the West Bank it is the Palestinian one. Only to a town of comparable size: London stays London next
    to "the US", though Kentucky has one.
    """
    areas = [gazetteer.country(loc.country) for _, loc in found if loc.level != "city" and loc.country]
    if not areas:
        return found
    settled = []
    for span, location in found:
        if location.level == "city" and location.country not in {hint, *(a.country for a in areas if a)}:
            location = _relocated(span, location, areas, gazetteer) or location
        settled.append((span, location))
    return settled


def _relocated(
    span: Span, location: Location, areas: list[Location | None], gazetteer: Gazetteer
) -> Location | None:
    candidates = gazetteer.candidates(span.text)
    if any(candidate.curated for candidate in candidates):
        return None  # the knowledge file has settled what the name means
    chosen = next((c.place for c in candidates if c.place.geonames_id == location.geonames_id), None)
    floor = max(MIN_CONTEXT_POPULATION, (chosen.population if chosen else 0) / CONTEXT_SIZE_RATIO)
    for area in areas:
        if area is None:
            continue
        place = gazetteer.best(span.text, within=area, accept=lambda c: c.place.population >= floor)
        if place is not None and place.kind == "P":
            return place.location()
    return None


def _candidate_spans(sent: Span, words: GeoWords) -> list[tuple[Span, bool]]:
    """Spans that may name a place, each with whether the entity recogniser tagged it as one."""
    spans = [(ent, True) for ent in place_entities(sent) if not _is_actor(ent.root)]
    for token in sent:
        if token.ent_type_ in PLACE_LABELS or token.ent_type_ in NEVER_PLACE_LABELS:
            continue
        if (
            _name_like(token)
            and in_place_slot(token, words)
            and not _is_actor(token)
            and not _inside_a_longer_name(token)
        ):
            spans.append((_compound_name(token, sent), False))
    return spans


def _inside_a_longer_name(token: Token) -> bool:
    """ "the University of Washington", "a Bridge" of a book title: a word of some other kind of name."""
    if any(child.dep_ == "det" and child.lower_ in ("a", "an") for child in token.children):
        return True
    if not token.ent_type_:
        return False
    start, end = token.i, token.i + 1
    doc = token.doc
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(other.pos_ == "ADP" for other in doc[start:end])


def place_entities(sent: Span) -> list[Span]:
    """The GPE, LOC and FAC entities of the sentence, read off the tokens.

    `Span.ents` builds every entity of the whole document on each call: sentence by sentence, a long
    article would pay for its length squared.
    """
    doc, found, start = sent.doc, [], None
    for i in range(sent.start, sent.end + 1):
        token = doc[i] if i < sent.end else None
        if start is not None and (token is None or token.ent_iob_ != "I"):
            found.append(doc[start:i])
            start = None
        if token is not None and token.ent_iob_ == "B" and token.ent_type_ in PLACE_LABELS:
            start = i
    return found


def _resolve(
    span: Span, tagged: bool, gazetteer: Gazetteer, country_hint: str | None
) -> tuple[Span, Location, int] | None:
    """The mention's place, with the span widened to a following "region" and the end of what it used."""
    location = _lookup(span.text, gazetteer, country_hint, tagged)
    if location is None:
        return None
    qualifier, end = _qualifier_after(span, gazetteer)
    if qualifier is None and "," in span.text:  # "Paris, Texas" tagged as one entity
        qualifier = span.text.split(",", 1)[1].strip()
    if qualifier:
        location = _lookup(span.text, gazetteer, country_hint, tagged, qualifier) or location
    noun = _division_noun_after(span, gazetteer.words)
    if noun is not None:
        location = division_of(location, f"{_without_article(span.text)} {noun.lower_}", gazetteer)
        span = span.doc[span.start : noun.i + 1]
        end = max(end, span.end)
    return span, location, end


def _lookup(
    text: str, gazetteer: Gazetteer, hint: str | None, tagged: bool, qualifier: str | None = None
) -> Location | None:
    """Look the name up whole, then without compass words ("southern Gaza") or a trailing region noun.

    With a `qualifier` ("Texas" of "Paris, Texas") only places inside one of its readings count.
    """
    accept = None if tagged else _safe_untagged
    for variant, noun in _name_variants(text, gazetteer.words):
        if qualifier:
            location = gazetteer.lookup_qualified(variant, qualifier, country_hint=hint, accept=accept)
        else:
            place = gazetteer.best(variant, country_hint=hint, accept=accept)
            location = place.location() if place else None
        if location is not None:
            return division_of(location, f"{variant} {noun}", gazetteer) if noun else location
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


def division_of(location: Location, name: str, gazetteer: Gazetteer) -> Location:
    """For "the Donetsk region": the first-level division the town lies in, as `name`, without a point.

    The division's own record when the gazetteer has it (US states, territories), else one made from the
    town's country and admin1 code under the name the text gives it ("Hatay province", not "Antakya").
    """
    if location.level != "city" or not location.admin1 or not location.country:
        return location
    known = gazetteer.division(location.country, location.admin1)
    if known is not None:
        return known
    return Location(name=name, country=location.country, admin1=location.admin1, level="admin1")


def _without_article(text: str) -> str:
    return text[4:] if text[:4].lower() == "the " else text


def _qualifier_after(span: Span, gazetteer: Gazetteer) -> tuple[str | None, int]:
    """The "Texas" of "Paris, Texas" (a division or country after a comma), and where it ends."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None, span.end
    nxt = doc[span.end + 1]
    if nxt.ent_type_ in PLACE_LABELS and nxt.ent_iob_ == "B":
        end = nxt.i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    elif nxt.is_title or nxt.is_upper:
        end = nxt.i + 1
    else:
        return None, span.end
    text = doc[nxt.i : end].text
    return (text, end) if gazetteer.qualifiers(text) else (None, span.end)


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
    if token.dep_ == "conj" and head != token:  # "struck Kyiv and Kharkiv"
        return in_place_slot(head, words)
    if token.dep_ == "pobj":
        if head.lower_ == "of":
            governor = head.head.lemma_.lower()
            return governor in words.frame_nouns or governor in words.motion_lemmas
        return head.lower_ in words.mention_prepositions
    if token.dep_ in ("dobj", "nsubjpass"):
        return head.lemma_.lower() in words.motion_lemmas
    if token.dep_ in ("compound", "appos"):  # "the Rafah area", not the "Federal District" of a title
        return head.lemma_.lower() in words.frame_nouns and head.text.islower()
    return False


def _is_actor(token: Token) -> bool:
    """Subjects, possessors and agents stand for actors ("Washington said", "Kyiv's forces")."""
    if token.dep_ in ACTOR_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


def _name_like(token: Token) -> bool:
    """A capitalised proper noun, but no acronym: untagged "EU" or "UN" is a body, not the town of Eu."""
    text = token.text
    return token.pos_ == "PROPN" and text[:1].isupper() and not (text.isupper() and len(text) <= 5)


def _compound_name(token: Token, sent: Span) -> Span:
    """The whole name a token heads: "Deir al-Balah" from "Balah" and its compound parts."""
    start = token.i
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            start = min(start, child.left_edge.i)
    return sent.doc[max(start, sent.start) : token.i + 1]
