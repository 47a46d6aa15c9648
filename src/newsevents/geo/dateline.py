"""The dateline at the head of a wire story: "GAZA CITY, March 5 (Reuters) -", "KYIV (AP) —".

Read only at the very start of the text. A dateline needs a sign that it is one (the place in capitals,
a date, an agency in brackets, or a qualifier such as "Washington, DC"), so a first sentence that opens
with a place name and a dash is not taken for one.
"""

from __future__ import annotations

from dataclasses import replace

from newsevents.clean.dateline import DATELINE, looks_like_dateline
from newsevents.geo.gazetteer import Gazetteer, default_gazetteer
from newsevents.model import Location


def find_dateline(text: str, gazetteer: Gazetteer | None = None) -> Location | None:
    """The dateline place of an article, with how="dateline", or None when the text opens without one."""
    match = DATELINE.match(text[:200])
    if match is None or not looks_like_dateline(match):
        return None
    gazetteer = gazetteer or default_gazetteer()
    place, qualifier = match["place"].strip(), match["qualifier"]
    if qualifier and not gazetteer.qualifiers(qualifier):
        return None  # "Israel, Hamas -": a list, not a place and its state or country
    location = gazetteer.lookup_qualified(place, qualifier) if qualifier else None
    location = location or gazetteer.lookup(place)
    return replace(location, how="dateline") if location else None
