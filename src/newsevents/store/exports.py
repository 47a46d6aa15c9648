"""Events laid out as other event data sets lay them out, so existing tools can read ours.

Both take the stored events joined with their article (``article_url``, ``article_title``,
``article_published``) and return a DataFrame that ``write_tsv`` writes as a tab-separated file with a
header line, unquoted (tabs and line breaks inside a value become spaces). A missing value is an empty
field.

GDELT 1.0 style (``Store.export_gdelt``), a subset of GDELT's event columns, named as GDELT names them:

- GLOBALEVENTID: ``event_id`` (our stable text id, not GDELT's integer).
- SQLDATE: the event's date, else the article's, as the integer YYYYMMDD.
- Actor1Code, Actor1Name, Actor1CountryCode, Actor1Type1Code: the source actor's code, name (upper
  case, as GDELT writes names; the words in the text when unresolved), country and sector.
- Actor2Code, Actor2Name, Actor2CountryCode, Actor2Type1Code: the same for the target.
- EventCode, EventBaseCode, EventRootCode: the CAMEO code, its first three digits, its first two.
- QuadClass, GoldsteinScale: as stored (GDELT's grouping of CAMEO roots into quad classes).
- ActionGeo_FullName, ActionGeo_CountryCode, ActionGeo_Lat, ActionGeo_Long: the event's place; the
  country is ISO 3166-1 alpha-3, not GDELT's FIPS code.
- SOURCEURL: the article's URL where known.

POLECAT style (``Store.export_polecat``), one row per event with the actors' country and sector apart:

- event_id; story_date (the article's publication date); event_date (the event's date).
- event_type, mode: the PLOVER type and mode.
- context: ``extra["context"]`` where the coder set one (several joined by ``;``), else empty.
- quad_code: the quad class, 1-4.
- status: asserted, negated, planned or hypothetical (POLECAT has no such column; ours says it).
- source_actor, source_country, source_sector, source_text: the source's canonical name, country,
  sector, and the words in the text; target_actor, target_country, target_sector, target_text: the
  same for the target.
- location, admin1, country, lat, lon, geonames_id: the event's place.
- text: the sentence that states the event; headline, url: the article's title and URL.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd


def gdelt_frame(joined: pd.DataFrame) -> pd.DataFrame:
    """The GDELT 1.0-style columns (see the module's docstring)."""
    date = joined["date"].fillna(joined["article_published"].str.slice(0, 10))
    columns: dict[str, Any] = {
        "GLOBALEVENTID": joined["event_id"],
        "SQLDATE": pd.to_numeric(date.str.replace("-", "", regex=False), errors="coerce").astype("Int64"),
    }
    for number, role in ((1, "source"), (2, "target")):
        columns[f"Actor{number}Code"] = joined[f"{role}_code"]
        columns[f"Actor{number}Name"] = joined[f"{role}_name"].fillna(joined[f"{role}_text"]).str.upper()
        columns[f"Actor{number}CountryCode"] = joined[f"{role}_country"]
        columns[f"Actor{number}Type1Code"] = joined[f"{role}_sector"]
    columns.update(
        {
            "EventCode": joined["cameo_code"],
            "EventBaseCode": joined["cameo_code"].str.slice(0, 3),
            "EventRootCode": joined["cameo_root"],
            "QuadClass": joined["quad_class"],
            "GoldsteinScale": joined["goldstein"],
            "ActionGeo_FullName": joined["location_name"],
            "ActionGeo_CountryCode": joined["location_country"],
            "ActionGeo_Lat": joined["location_lat"],
            "ActionGeo_Long": joined["location_lon"],
            "SOURCEURL": joined["article_url"],
        }
    )
    return pd.DataFrame(columns)


def polecat_frame(joined: pd.DataFrame) -> pd.DataFrame:
    """The POLECAT-style columns (see the module's docstring)."""
    columns: dict[str, Any] = {
        "event_id": joined["event_id"],
        "story_date": joined["article_published"].str.slice(0, 10),
        "event_date": joined["date"],
        "event_type": joined["plover_type"],
        "mode": joined["plover_mode"],
        "context": joined["extra"].map(_context),
        "quad_code": joined["quad_class"],
        "status": joined["status"],
    }
    for role in ("source", "target"):
        columns[f"{role}_actor"] = joined[f"{role}_name"]
        columns[f"{role}_country"] = joined[f"{role}_country"]
        columns[f"{role}_sector"] = joined[f"{role}_sector"]
        columns[f"{role}_text"] = joined[f"{role}_text"]
    columns.update(
        {
            "location": joined["location_name"],
            "admin1": joined["location_admin1"],
            "country": joined["location_country"],
            "lat": joined["location_lat"],
            "lon": joined["location_lon"],
            "geonames_id": joined["location_geonames_id"],
            "text": joined["sentence"],
            "headline": joined["article_title"],
            "url": joined["article_url"],
        }
    )
    return pd.DataFrame(columns)


def _context(extra: str | None) -> str | None:
    context = json.loads(extra).get("context") if extra else None
    if isinstance(context, list):
        return ";".join(str(c) for c in context)
    return None if context is None else str(context)


def write_tsv(frame: pd.DataFrame, path: str | Path) -> None:
    """Tab-separated with a header, no quoting: what GDELT-style readers split on tabs expect."""
    frame = frame.copy()
    for name in frame.columns:
        if pd.api.types.is_string_dtype(frame[name]):
            frame[name] = frame[name].str.replace(r"[\t\r\n\x00]+", " ", regex=True)
    # QUOTE_NONE needs a quote character that cannot occur; NUL was just removed from every value
    frame.to_csv(path, sep="\t", index=False, quoting=csv.QUOTE_NONE, quotechar="\x00")
