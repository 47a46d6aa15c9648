"""Datelines at the head of an article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsevents.geo import Gazetteer, find_dateline

SHARED = Path(__file__).resolve().parents[2] / "../shared"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GAZA CITY, March 5 (Reuters) - Israeli strikes hit the north.", ("Gaza", "PSE", "city")),
        ("KYIV (AP) — Russia launched drones overnight.", ("Kyiv", "UKR", "city")),
        ("Kyiv (AFP) - Ukraine said on Monday.", ("Kyiv", "UKR", "city")),
        ("Washington, DC — The president signed the bill.", ("Washington", "USA", "city")),
        ("Washington, D.C. — The president signed the bill.", ("Washington", "USA", "city")),
        ("WASHINGTON — The Senate voted.", ("Washington", "USA", "city")),
        ("KHAN YOUNIS, Gaza Strip (AP) — Families fled.", ("Khan Yunis", "PSE", "city")),
        ("Deir al-Balah, Gaza Strip (AP) — Families fled.", ("Dayr al Balah", "PSE", "city")),
        ("PARIS, Texas — Residents gathered.", ("Paris", "USA", "city")),
        ("COLUMBUS, Ga. (AP) — Residents gathered.", ("Columbus", "USA", "city")),
        ("COLUMBUS, Georgia (AP) — Residents gathered.", ("Columbus", "USA", "city")),
        ("TBILISI, Georgia (AP) — Protesters gathered.", ("Tbilisi", "GEO", "city")),
        ("PARIS (Reuters) - France said.", ("Paris", "FRA", "city")),
        ("MOSCOW, Dec. 12 (Reuters) - Russia said.", ("Moscow", "RUS", "city")),
        ("  LONDON (Reuters) - Britain said.", ("London", "GBR", "city")),
        ("BEIRUT: Israeli jets struck.", ("Beirut", "LBN", "city")),
        ("NEW YORK, March 5, 2024 /PRNewswire/ -- A company said.", ("New York City", "USA", "city")),
    ],
)
def test_dateline(gazetteer: Gazetteer, text: str, expected: tuple[str, str, str]) -> None:
    location = find_dateline(text, gazetteer)
    assert location is not None
    assert (location.name, location.country, location.level, location.how) == (*expected, "dateline")


@pytest.mark.parametrize(
    "text",
    [
        "Israel — a small country — said.",  # a place and a dash, but nothing marks a dateline
        "Israel, Hamas - the talks went on.",  # a list, not a town and its state
        "The talks in Doha - which began on Monday - ended.",
        "UNITED NATIONS (AP) — The council met.",  # a dateline, but not a place
        "Talks resumed on Monday.",
        "",
    ],
)
def test_no_dateline(gazetteer: Gazetteer, text: str) -> None:
    assert find_dateline(text, gazetteer) is None


def test_wire_datelines_of_real_pages(gazetteer: Gazetteer) -> None:
    """Real article bodies that open "CITY (AP) —" resolve; read from the shared corpus, not copied."""
    pages = sorted((SHARED / "corpus" / "html").glob("*.expected.txt"))
    if not pages:
        pytest.skip("shared corpus absent")
    wire = re.compile(r"\A[A-Z][A-Z .]+(?:, [A-Za-z. ]+)? \((?:AP|Reuters)\) [—-] ")
    openings = [text for page in pages if wire.match(text := page.read_text(encoding="utf-8"))]
    assert openings, "no wire dateline in the shared pages"
    for text in openings:
        assert find_dateline(text, gazetteer) is not None, text[:60]
