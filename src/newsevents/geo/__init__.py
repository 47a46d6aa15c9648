"""geo stage: an offline gazetteer, place mentions in a sentence, and the place of an event.

from newsevents.geo import default_gazetteer, find_dateline, locate_event, places_in

gazetteer = default_gazetteer()            # loaded once per process, on first use
dateline = find_dateline(article.text)     # "KYIV (AP) —" -> Kyiv, how="dateline"
location = locate_event(sent, trigger, gazetteer=gazetteer, country_hint="UKR", dateline=dateline)
"""

from newsevents.geo.dateline import find_dateline
from newsevents.geo.gazetteer import Gazetteer, default_gazetteer
from newsevents.geo.locate import locate_event
from newsevents.geo.names import fold_name
from newsevents.geo.places import places_in

__all__ = ["Gazetteer", "default_gazetteer", "find_dateline", "fold_name", "locate_event", "places_in"]
