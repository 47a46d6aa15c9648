"""Check the project's own gold sets (tests/data/*/{dev,heldout}.jsonl) and print counts.

A script, not a pytest test: `python tests/data/check_sets.py [FOLDER ...]`. Exits 1 on any problem.
Checks that every line parses, that fields have the allowed values, that records sit in the file of
their split, that ids are unique, and that each PLOVER type comes with a CAMEO root it can have.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pycountry

HERE = Path(__file__).resolve().parent
DEFAULT_SETS = (HERE / "behaviour", HERE / "actors_geo")
SPLITS = ("dev", "heldout")

BODIES = {"UNO", "EU", "NATO", "AU"}
EXTRA_COUNTRIES = {"XKX"}  # Kosovo: not in ISO 3166-1 but used by convention
SECTORS = {
    "GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "BUS", "MED",
    "CVL", "NGO", "IGO", "REF", "ELI", "SPY", "REL", "EDU", "HLH", "CRM", "UAF",
}  # fmt: skip
STATUSES = {"asserted", "negated", "planned", "hypothetical"}
# The CAMEO roots whose codes the PLOVER 2021 crosswalk sends to each type (signing a formal agreement,
# 057, is SUPPORT; releasing people, 0841, is RETREAT; occupying territory, 192, is COERCE).
ROOTS_BY_TYPE = {
    "AGREE": {"03"},
    "CONSULT": {"04"},
    "SUPPORT": {"05"},
    "COOPERATE": {"06"},
    "AID": {"07"},
    "CONCEDE": {"08"},
    "RETREAT": {"08"},
    "REQUEST": {"02", "10"},
    "ACCUSE": {"09", "11"},
    "REJECT": {"12"},
    "THREATEN": {"13"},
    "PROTEST": {"14"},
    "MOBILIZE": {"15"},
    "SANCTION": {"11", "16"},
    "COERCE": {"16", "17", "19"},
    "ASSAULT": {"17", "18", "19", "20"},
}
RECORD_KEYS = {"id", "text", "published", "category", "split", "expected_events", "expect_no_events", "notes"}
OPTIONAL_RECORD_KEYS = {"optional_events"}
EVENT_KEYS = {
    "source_country", "source_sector", "target_country", "target_sector",
    "plover_type", "cameo_root", "status",
}  # fmt: skip
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def known_countries() -> set[str]:
    """ISO alpha-3 codes plus the international bodies and by-convention codes the sets may use."""
    return {c.alpha_3 for c in pycountry.countries} | BODIES | EXTRA_COUNTRIES


def event_problems(event: dict[str, Any], countries: set[str]) -> list[str]:
    """What is wrong with one expected event (empty when it is fine)."""
    problems = []
    missing = EVENT_KEYS - event.keys()
    unknown = event.keys() - EVENT_KEYS - {"location"}
    if missing or unknown:
        return [f"keys: missing {sorted(missing)}, unknown {sorted(unknown)}"]
    for role in ("source", "target"):
        country, sector = event[f"{role}_country"], event[f"{role}_sector"]
        if country is not None and country not in countries:
            problems.append(f"{role}_country {country!r}")
        if sector is not None and sector not in SECTORS:
            problems.append(f"{role}_sector {sector!r}")
        if country in BODIES and sector not in (None, "IGO"):
            problems.append(f"{role}: body {country} with sector {sector}")
    ptype, root = event["plover_type"], event["cameo_root"]
    if ptype not in ROOTS_BY_TYPE:
        problems.append(f"plover_type {ptype!r}")
    elif root is not None and root not in ROOTS_BY_TYPE[ptype]:
        problems.append(f"cameo_root {root!r} for {ptype}")
    if event["status"] not in STATUSES:
        problems.append(f"status {event['status']!r}")
    problems.extend(location_problems(event.get("location"), countries))
    return problems


def location_problems(location: Any, countries: set[str]) -> list[str]:
    """A location is {"name", "country"}; the name may list accepted spellings ("Kyiv", "Kiev")."""
    if location is None:
        return []
    if not isinstance(location, dict) or set(location) != {"name", "country"}:
        return [f"location {location!r}"]
    names = location["name"] if isinstance(location["name"], list) else [location["name"]]
    names_ok = bool(names) and all(isinstance(name, str) and name.strip() for name in names)
    if not names_ok or location["country"] not in countries - BODIES:
        return [f"location {location!r}"]
    return []


def record_problems(record: dict[str, Any], split: str, countries: set[str]) -> list[str]:
    """What is wrong with one record of the file for `split` (empty when it is fine)."""
    missing = RECORD_KEYS - record.keys()
    unknown = record.keys() - RECORD_KEYS - OPTIONAL_RECORD_KEYS
    if missing or unknown:
        return [f"keys: missing {sorted(missing)}, unknown {sorted(unknown)}"]
    problems = []
    if record["split"] != split:
        problems.append(f"split {record['split']!r} in the {split} file")
    if not DATE.match(str(record["published"])):
        problems.append(f"published {record['published']!r}")
    if not str(record["text"]).strip() or not str(record["notes"]).strip():
        problems.append("empty text or notes")
    events = record["expected_events"]
    if record["expect_no_events"] != (not events):
        problems.append("expect_no_events disagrees with expected_events")
    for index, event in enumerate(events + record.get("optional_events", [])):
        problems.extend(f"event {index}: {p}" for p in event_problems(event, countries))
    return problems


def check_folder(folder: Path, countries: set[str], seen_ids: set[str]) -> tuple[list[str], Counter]:
    """Problems and (category, split) counts for one set's two files."""
    problems: list[str] = []
    counts: Counter = Counter()
    for split in SPLITS:
        path = folder / f"{split}.jsonl"
        if not path.exists():
            problems.append(f"{path}: missing")
            continue
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path.name}:{line_no}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(f"{where}: not JSON ({error})")
                continue
            if record.get("id") in seen_ids:
                problems.append(f"{where}: duplicate id {record.get('id')}")
            seen_ids.add(record.get("id"))
            problems.extend(
                f"{where} {record.get('id')}: {p}" for p in record_problems(record, split, countries)
            )
            counts[(record.get("category"), split)] += 1
    return problems, counts


def print_counts(folder: Path, counts: Counter) -> None:
    categories = sorted({category for category, _ in counts})
    print(f"\n{folder.name}")
    print(f"  {'category':<20}{'dev':>6}{'heldout':>9}{'all':>6}")
    for category in categories:
        dev, held = counts[(category, "dev")], counts[(category, "heldout")]
        print(f"  {category:<20}{dev:>6}{held:>9}{dev + held:>6}")
    dev_total = sum(n for (_, split), n in counts.items() if split == "dev")
    held_total = sum(n for (_, split), n in counts.items() if split == "heldout")
    print(f"  {'total':<20}{dev_total:>6}{held_total:>9}{dev_total + held_total:>6}")


def main(argv: list[str]) -> int:
    folders = [Path(arg) for arg in argv] or list(DEFAULT_SETS)
    countries = known_countries()
    seen_ids: set[str] = set()
    all_problems: list[str] = []
    for folder in folders:
        problems, counts = check_folder(folder, countries, seen_ids)
        all_problems.extend(f"{folder.name}/{p}" for p in problems)
        print_counts(folder, counts)
    for problem in all_problems:
        print(problem, file=sys.stderr)
    print(f"\n{len(all_problems)} problem(s)")
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
