"""Check the actor knowledge files: they parse, use known sectors and codes, and no name denotes two actors.

A name (country name, adjective, metonym, organisation or group name or alias) must lead to one actor
across countries.yaml, organisations.yaml and groups.yaml: the files are matched case-sensitively, so
"Isis" and "ISIS" may both name the Islamic State, but "SDF" may not name both Syria's and Japan's forces.
Names that differ only in case between two actors are printed as warnings. In sectors.yaml a key that
appears in two sections must give the same sector.

Usage: python tools/check_actor_names.py   (exit status 1 on any error; prints counts per file)
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ACTORS = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "knowledge" / "actors"
# CAMEO sectors (role and secondary codes) the actor files may use.
SECTORS = {
    *("GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "SEP", "UAF", "SPY", "IGO", "NGO"),
    *("BUS", "MED", "CVL", "REF", "REL", "HLH", "EDU", "LAB", "AGR", "CRM", "ELI", "DEV", "ENV", "HRI"),
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
QID = re.compile(r"^Q\d+$")


def load(name: str) -> Any:
    return yaml.load((ACTORS / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def country_strings(entry: dict[str, Any]) -> list[str]:
    return [*entry["names"], *entry["adjectives"], *entry["metonyms"]]


def body_strings(entry: dict[str, Any]) -> list[str]:
    return [entry["name"], *entry.get("aliases", []), *entry.get("metonyms", [])]


def check_country(entry: dict[str, Any], errors: list[str]) -> None:
    where = f"countries.yaml {entry.get('code')}"
    if not re.fullmatch(r"[A-Z]{3}", str(entry.get("code"))):
        errors.append(f"{where}: code is not three capitals")
    if entry.get("name") not in entry.get("names", []):
        errors.append(f"{where}: canonical name missing from names")
    for place, sector in entry.get("metonyms", {}).items():
        if sector not in SECTORS:
            errors.append(f"{where}: metonym {place!r} has unknown sector {sector!r}")
    if "wikidata" in entry and not QID.match(str(entry["wikidata"])):
        errors.append(f"{where}: bad wikidata {entry['wikidata']!r}")


def check_body(file: str, entry: dict[str, Any], countries: set[str], errors: list[str]) -> None:
    where = f"{file} {entry.get('name')!r}"
    for key in ("name", "aliases", "country", "sector"):
        if key not in entry:
            errors.append(f"{where}: missing {key}")
    if entry.get("sector") not in SECTORS or entry.get("subsector", "GOV") not in SECTORS:
        errors.append(f"{where}: unknown sector")
    code = entry.get("country")
    if code is not None and entry.get("sector") != "IGO" and code not in countries:
        errors.append(f"{where}: country {code!r} is not in countries.yaml")
    if "wikidata" in entry and not QID.match(str(entry["wikidata"])):
        errors.append(f"{where}: bad wikidata {entry['wikidata']!r}")
    for role in entry.get("roles", []):
        check_role(where, role, countries, errors)


def check_role(where: str, role: dict[str, Any], countries: set[str], errors: list[str]) -> None:
    if role.get("sector") not in SECTORS or role.get("country") not in countries:
        errors.append(f"{where}: role {role} has an unknown sector or country")
    for key in ("start", "end"):
        value = role.get(key)
        if value is not None and not ISO_DATE.match(str(value)):
            errors.append(f"{where}: role {key} {value!r} is not YYYY-MM-DD")


def check_sectors(sectors: dict[str, dict[str, str]], errors: list[str]) -> None:
    seen: dict[str, tuple[str, str]] = {}
    for section, table in sectors.items():
        if not isinstance(table, dict):
            continue  # word lists (quantifiers, generic heads) carry no sector
        for key, sector in table.items():
            if key != key.lower() or sector not in SECTORS:
                errors.append(f"sectors.yaml {section}: {key!r} -> {sector!r}")
            if key in seen and seen[key][1] != sector:
                errors.append(f"sectors.yaml: {key!r} is {seen[key]} and {section} {sector}")
            seen.setdefault(key, (section, sector))


def owners(files: dict[str, list[dict[str, Any]]]) -> dict[str, set[str]]:
    """Each matched string and the actors it leads to."""
    owner: dict[str, set[str]] = defaultdict(set)
    for entry in files["countries.yaml"]:
        for text in country_strings(entry):
            owner[text].add(f"country {entry['code']}")
    for file in ("organisations.yaml", "groups.yaml"):
        for entry in files[file]:
            for text in body_strings(entry):
                owner[text].add(f"{file.split('.')[0]} {entry['name']}")
    return owner


def report_collisions(owner: dict[str, set[str]], errors: list[str]) -> None:
    by_folded: dict[str, set[str]] = defaultdict(set)
    for text, actors in owner.items():
        if len(actors) > 1:
            errors.append(f"{text!r} denotes {sorted(actors)}")
        by_folded[text.casefold()].update(actors)
    for folded, actors in sorted(by_folded.items()):
        if len(actors) > 1 and all(len(a) == 1 for t, a in owner.items() if t.casefold() == folded):
            print(f"warning: {folded!r} differs only in case between {sorted(actors)}")


def main() -> int:
    files = {name: load(name) for name in ("countries.yaml", "organisations.yaml", "groups.yaml")}
    sectors = load("sectors.yaml")
    errors: list[str] = []
    codes = {entry["code"] for entry in files["countries.yaml"]}
    for entry in files["countries.yaml"]:
        check_country(entry, errors)
    for file in ("organisations.yaml", "groups.yaml"):
        for entry in files[file]:
            check_body(file, entry, codes, errors)
    check_sectors(sectors, errors)
    owner = owners(files)
    report_collisions(owner, errors)
    for name, entries in files.items():
        print(f"{name}: {len(entries)} entries")
    print("sectors.yaml: " + ", ".join(f"{len(t)} {s}" for s, t in sectors.items()))
    print(f"{len(owner)} distinct matched strings")
    for error in errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
