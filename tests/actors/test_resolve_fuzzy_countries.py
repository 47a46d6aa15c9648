"""Misspelt country names in scraped news are still the country; near names stay apart."""

from __future__ import annotations

from newsevents import code_text


def _dyads(text: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.country if e.source else None, e.target.country if e.target else None)
        for e in code_text(text, published="2003-01-01")
    }


def test_a_misspelt_country_name_is_that_country() -> None:
    assert _dyads("Ethopia criticised Eritrea over the border dispute.") == {("ETH", "ERI")}


def test_close_but_real_names_are_not_confused() -> None:
    assert _dyads("Austria criticised Australia.") == {("AUT", "AUS")}
    assert _dyads("Nigeria criticised Niger.") == {("NGA", "NER")}
