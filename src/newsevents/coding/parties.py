"""The parties of an event: where actors of no stated country belong, what a place stands for when
it is the target, and the sector an act implies ("the United States carried out air strikes": its
military). Functions over resolved actors; the parse is the coder's business."""

from __future__ import annotations

from dataclasses import replace

from newsevents.model import Actor, Location


def placed(
    actors: list[Actor],
    location: Location | None,
    *,
    keep_unplaced: bool = False,
    victims: bool = False,
) -> list[Actor]:
    """Actors with a country, and those without one placed in the event's country; the rest dropped
    (or kept unplaced, with ``keep_unplaced``). ``victims`` places before keeping, a civil official
    too: "a deputy governor attacked in Siberia" is Russia's."""
    unplaceable = UNPLACEABLE - {"GOV"} if victims else UNPLACEABLE
    kept = []
    for actor in actors:
        # A body our knowledge names but places in no country (Amnesty International, al-Qaeda) acts
        # across borders: it keeps no country rather than taking the place's.
        placeable = not actor.country and not actor.name and actor.sector not in unplaceable
        if placeable and location is not None and location.country and (victims or not keep_unplaced):
            kept.append(replace(actor, country=location.country, code=None, how="place"))
        elif actor.country or keep_unplaced or actor.name or actor.sector in BORDERLESS:
            kept.append(actor)
    return kept


# "A human rights group protested", "gunmen shot a local official": a body of no stated country that
# often works across borders, or an armed group we cannot place, is still an actor
BORDERLESS = frozenset({"NGO", "REB", "UAF"})
# An army, a government or an agency abroad is not of the place it acts in ("the army struck Gaza").
UNPLACEABLE = frozenset({"MIL", "GOV", "SPY", "IGO", "REB", "UAF"})
# Sectors of actors that act within their own country: opposition, civilians, police, courts, ...
DOMESTIC_SECTORS = frozenset(
    {"OPP", "CVL", "COP", "JUD", "LEG", "PTY", "CRM", "MED", "EDU", "REL", "LAB", "BUS"}
)


def domestic(
    sources: list[Actor], targets: list[Actor], *, by_sector: bool = True
) -> tuple[list[Actor], list[Actor]]:
    """'A Kenyan opposition leader criticised President William Ruto': a domestic actor's unplaced
    counterpart is of the same country; and 'a judge opened an inquiry into Chilean officials': an
    unplaced actor of a domestic sector is of its counterpart's country."""

    def fill(actors: list[Actor], others: list[Actor]) -> list[Actor]:
        home = next((o.country for o in others if o.country and o.sector in DOMESTIC_SECTORS), None)
        state = next((o.country for o in others if o.country and o.sector != "IGO"), None)
        filled = []
        for actor in actors:
            country = None if actor.country or actor.name else home
            unplaced = not actor.country and not actor.name
            if by_sector and country is None and unplaced and actor.sector in DOMESTIC_SECTORS:
                country = state
            filled.append(replace(actor, country=country, code=None, how="domestic") if country else actor)
        return filled

    return fill(sources, targets), fill(targets, sources)


def place_as_target(location: Location | None, sources: list[Actor]) -> list[Actor]:
    """The state of the place an act was done to ("shelled Kharkiv"), unless the doers are its own."""
    if location is not None and any(source.country == location.country for source in sources):
        return []  # "police raided homes in Lagos": a domestic act, its target is not "Nigeria"
    return authorities_of(location)


def authorities_of(location: Location | None) -> list[Actor]:
    """The state of a place the parse ties to the act: the doer of coercion no one is named for
    ("arrested in Lebanon"), or the target of an act on the place."""
    if location is None or location.how != "argument" or not location.country:
        return []
    return [Actor(text=location.name, country=location.country, how="place")]


def as_government(actor: Actor) -> Actor:
    return as_sector(actor, "GOV")


def as_sector(actor: Actor, sector: str) -> Actor:
    """A country named as the agent of an act stands for the part of the state that does such acts."""
    # a country that owns a phrase we cannot read may speak for its government ("the U.S. State
    # Department said"), but its "cricket team" is no army
    speaks_for_it = ("country", "owner") if sector == "GOV" else ("country",)
    if actor.sector is not None or actor.how not in speaks_for_it:
        return actor
    return replace(
        actor, sector=sector, code=None, how=f"country-as-{'government' if sector == 'GOV' else 'military'}"
    )


def identified(actor: Actor) -> bool:
    """Whether the actor is known for itself (a sector, a name, the country itself), not only as the
    owner of a phrase we cannot read ("Pakistan's cricket team")."""
    return actor.sector is not None or actor.how != "owner"


def reciprocal(actors: list[Actor]) -> list[tuple[Actor, Actor | None]]:
    return [(a, b) for a in actors for b in actors if a is not b]


def says_more(code: str, other: str) -> bool:
    """Whether an actor code holds every part of another and more: EGYOPPMUS over EGYMUS."""
    if not other or len(code) <= len(other) or code[:3] != other[:3]:
        return False
    parts = [code[k : k + 3] for k in range(3, len(code), 3)]
    return all(other[k : k + 3] in parts for k in range(3, len(other), 3))


def same_actor(a: Actor, b: Actor) -> bool:
    return a.code == b.code and a.name == b.name
