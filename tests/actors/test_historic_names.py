"""Wire copy from 1980 on: historic state names, old organisation names and the armed groups of the era
resolve to today's codes (sentences written for these tests, coded end to end with ``code_text``)."""

from __future__ import annotations

import pytest

from newsevents import code_text
from newsevents.model import Actor, Event

# (sentence, publication date, source country, source sector, target country)
# A sector of None is not checked; the country codes follow the successor convention of countries.yaml.
CASES = [
    ("The European Community sent aid to Zaire.", "1988-03-02", "EU", "IGO", "COD"),
    ("The Soviet Union accused West Germany of spying.", "1985-06-11", "RUS", "GOV", "DEU"),
    ("Yugoslavia condemned Czechoslovakia on Tuesday.", "1989-04-04", "SRB", "GOV", "CZE"),
    ("Rhodesian troops attacked Zambia.", "1979-05-01", "ZWE", "MIL", "ZMB"),
    ("Ceylon protested to Burma.", "1960-01-01", "LKA", "GOV", None),
    ("The GATT criticised the EEC.", "1990-01-01", "WTO", "IGO", "EU"),
    ("Peking accused Moscow of aggression.", "1980-01-01", "CHN", "GOV", "RUS"),
    ("Afghan mujahideen shot down a Soviet helicopter.", "1987-04-01", "AFG", "REB", "RUS"),
    ("Khmer Rouge guerrillas attacked Vietnamese troops in Kampuchea.", "1985-02-01", "KHM", "REB", "VNM"),
    ("The Tamil Tigers attacked a Sri Lankan army camp.", "1996-07-18", "LKA", "REB", "LKA"),
    ("The IRA attacked a British army patrol.", "1990-01-01", "GBR", "REB", "GBR"),
    ("Hizbollah fighters attacked Israeli troops.", "1999-01-01", "LBN", "REB", "ISR"),
    ("Croat forces shelled Bosniak villages.", "1993-05-01", "HRV", "MIL", "BIH"),
    ("Burkinabe soldiers met Ivorian officials.", "2015-01-01", "BFA", "MIL", "CIV"),
]


def _first_event(text: str, day: str) -> Event:
    events = code_text(text, published=day)
    assert events, f"no event coded in {text!r}"
    return events[0]


def _country(actor: Actor | None) -> str | None:
    return actor.country if actor is not None else None


@pytest.mark.parametrize(("text", "day", "source", "sector", "target"), CASES)
def test_historic_and_alternative_names_resolve(
    text: str, day: str, source: str, sector: str | None, target: str | None
) -> None:
    event = _first_event(text, day)
    assert _country(event.source) == source
    if sector is not None:
        assert event.source is not None and event.source.sector == sector
    if target is not None:
        assert _country(event.target) == target


def test_the_organisation_of_african_unity_codes_as_its_successors_body() -> None:
    events = code_text(
        "The Organization of African Unity urged Upper Volta and Dahomey to hold talks.",
        published="1982-05-01",
    )
    assert {e.source.code for e in events if e.source} == {"IGOAU"}
    assert {_country(e.target) for e in events} == {"BFA", "BEN"}


@pytest.mark.parametrize(("day", "sector"), [("1990-02-01", "REB"), ("2010-02-01", "PTY")])
def test_a_rebel_movement_turned_party_takes_the_sector_of_the_article_date(day: str, sector: str) -> None:
    # UNITA fought the Angolan government until the ceasefire of April 2002 and is a party since.
    event = _first_event("UNITA criticised the MPLA government.", day)
    assert event.source is not None and event.source.country == "AGO" and event.source.sector == sector


@pytest.mark.parametrize(
    ("day", "source", "sector"), [("1995-01-01", "SDN", "REB"), ("2015-01-01", "SSD", "MIL")]
)
def test_the_spla_is_sudanese_rebels_before_the_peace_and_south_sudans_army_after(
    day: str, source: str, sector: str
) -> None:
    event = _first_event("The SPLA attacked Sudanese army positions.", day)
    assert event.source is not None and (event.source.country, event.source.sector) == (source, sector)
