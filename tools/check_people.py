"""Check src/newsevents/knowledge/actors/people.yaml against the format of docs/knowledge.md.

Errors (exit status 1): missing or unknown keys, bad country or sector codes, dates out of order,
identical roles of one person that overlap, duplicate names, aliases that point at two people.
Warnings (printed, exit status unchanged): two people holding the same single-holder office at
the same time for more than a week (often a real error, sometimes an acting or contested holder)
and one-word aliases (the surname is matched by code; a bare alias must be unambiguous).

Usage: .venv/bin/python tools/check_people.py [path/to/people.yaml]
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pycountry
import yaml

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "src/newsevents/knowledge/actors/people.yaml"
TRUE_AS_OF = dt.date(2026, 11, 1)
EARLIEST = dt.date(1900, 1, 1)

# International bodies take their own code instead of an ISO country (docs/knowledge.md).
BODY_CODES = frozenset({"UNO", "NATO", "EU", "AU", "IMF"})
# CAMEO-style sectors (spec/events.md lists the common ones; ELI is the former-official code).
SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "PTY", "REB", "INS", "BUS", "MED", "CVL", "NGO", "IGO"}
    | {"REF", "ELI", "SPY", "CRM", "SEP", "LAB", "EDU", "REL", "HLH", "AGR", "DEV", "ENV", "UAF"}
)
PERSON_KEYS = frozenset({"name", "aliases", "wikidata", "country", "default_sector", "roles"})
PERSON_REQUIRED = frozenset({"name", "country", "default_sector", "roles"})
ROLE_KEYS = frozenset({"title", "country", "sector", "start", "end", "approx"})
ROLE_REQUIRED = frozenset({"title", "country", "sector", "start", "end"})
WIKIDATA_ID = re.compile(r"^Q[1-9][0-9]*$")
# Offices with several holders at once are left out of the overlap warning.
SHARED_OFFICE = re.compile(r"Deputy|Member|Senator|Representative|without Portfolio|Justice of|Minister in")
PARENTHESIS = re.compile(r"\s*\([^)]*\)")
OVERLAP_TOLERANCE = dt.timedelta(days=7)


@dataclass(frozen=True)
class Role:
    person: str
    title: str
    country: str
    start: dt.date
    end: dt.date | None
    approx: bool

    @property
    def last_day(self) -> dt.date:
        return self.end or TRUE_AS_OF

    @property
    def office(self) -> tuple[str, str]:
        """The office without "(acting)" and the like: an acting holder occupies the same chair."""
        return PARENTHESIS.sub("", self.title).strip(), self.country


@dataclass
class Report:
    errors: list[str]
    warnings: list[str]


def load_people(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    if not isinstance(data, list):
        raise ValueError(f"{path}: the top level must be a list of people")
    return data


def is_valid_country(code: object) -> bool:
    if not isinstance(code, str):
        return False
    return (
        code in BODY_CODES or code in listed_countries() or pycountry.countries.get(alpha_3=code) is not None
    )


@functools.lru_cache(maxsize=1)
def listed_countries() -> frozenset[str]:
    """Codes countries.yaml lists beyond ISO 3166-1, such as XKX for Kosovo."""
    with (DEFAULT_PATH.parent / "countries.yaml").open(encoding="utf-8") as handle:
        records = yaml.load(handle, Loader=yaml.CSafeLoader) or []
    return frozenset(r["code"] for r in records if isinstance(r, dict) and r.get("code"))


def check_date(value: object, where: str, errors: list[str]) -> dt.date | None:
    # CSafeLoader turns unquoted YYYY-MM-DD into datetime.date; a string means a malformed date.
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        errors.append(f"{where}: {value!r} is not a YYYY-MM-DD date")
        return None
    if not EARLIEST <= value <= TRUE_AS_OF:
        errors.append(f"{where}: {value} lies outside {EARLIEST}..{TRUE_AS_OF}")
    return value


def check_role(person: str, index: int, role: object, errors: list[str]) -> Role | None:
    where = f"{person}: role {index + 1}"
    if not isinstance(role, dict):
        errors.append(f"{where}: not a mapping")
        return None
    missing, unknown = ROLE_REQUIRED - role.keys(), role.keys() - ROLE_KEYS
    if missing or unknown:
        errors.append(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")
        return None
    if not isinstance(role["title"], str) or not role["title"].strip():
        errors.append(f"{where}: empty title")
    if not is_valid_country(role["country"]):
        errors.append(f"{where}: unknown country {role['country']!r}")
    if role["sector"] not in SECTORS:
        errors.append(f"{where}: unknown sector {role['sector']!r}")
    if "approx" in role and role["approx"] is not True:
        errors.append(f"{where}: approx must be true when present")
    start = check_date(role["start"], f"{where} start", errors)
    end = None if role["end"] is None else check_date(role["end"], f"{where} end", errors)
    if start is None or (role["end"] is not None and end is None):
        return None
    if end is not None and end < start:
        errors.append(f"{where}: ends {end} before it starts {start}")
    return Role(person, str(role["title"]), str(role["country"]), start, end, bool(role.get("approx")))


def check_aliases(person: str, entry: dict[str, Any], errors: list[str]) -> list[str]:
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        errors.append(f"{person}: aliases must be a list of non-empty strings")
        return []
    for alias, count in Counter(aliases).items():
        if count > 1 or alias == person:
            errors.append(f"{person}: alias {alias!r} repeats the name or another alias")
    return aliases


def check_person(entry: object, errors: list[str]) -> tuple[str, list[str], list[Role]] | None:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
        errors.append(f"entry without a name: {entry!r:.80}")
        return None
    name = entry["name"]
    missing, unknown = PERSON_REQUIRED - entry.keys(), entry.keys() - PERSON_KEYS
    if missing or unknown:
        errors.append(f"{name}: missing {sorted(missing)}, unknown {sorted(unknown)}")
    if "wikidata" in entry and not WIKIDATA_ID.match(str(entry["wikidata"])):
        errors.append(f"{name}: bad wikidata id {entry['wikidata']!r}")
    if not is_valid_country(entry.get("country")) or entry.get("country") in BODY_CODES:
        errors.append(f"{name}: person's country must be an ISO alpha-3 code, got {entry.get('country')!r}")
    if entry.get("default_sector") not in SECTORS:
        errors.append(f"{name}: unknown default_sector {entry.get('default_sector')!r}")
    aliases = check_aliases(name, entry, errors)
    raw_roles = entry.get("roles")
    if not isinstance(raw_roles, list):
        errors.append(f"{name}: roles must be a list")
        return name, aliases, []
    roles = [check_role(name, i, role, errors) for i, role in enumerate(raw_roles)]
    return name, aliases, [role for role in roles if role is not None]


def overlap_days(first: Role, second: Role) -> dt.timedelta:
    return min(first.last_day, second.last_day) - max(first.start, second.start)


def check_identical_roles(roles: list[Role], errors: list[str]) -> None:
    """One person cannot hold the same title twice at once (a repeated or mistyped term)."""
    by_title: dict[tuple[str, str], list[Role]] = defaultdict(list)
    for role in roles:
        by_title[(role.title, role.country)].append(role)
    for (title, country), terms in by_title.items():
        terms.sort(key=lambda role: role.start)
        for earlier, later in pairwise(terms):
            if later.start < earlier.last_day:
                errors.append(f"{earlier.person}: two overlapping terms as {title} ({country})")


def check_names(names: list[tuple[str, list[str]]], errors: list[str]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for name, aliases in names:
        for label in [name, *aliases]:
            owners[label].add(name)
    for name, count in Counter(name for name, _ in names).items():
        if count > 1:
            errors.append(f"{name}: listed {count} times")
    for label, people in sorted(owners.items()):
        if len(people) > 1:
            errors.append(f"{label!r} names several people: {sorted(people)}")


def warn_shared_offices(roles: list[Role], warnings: list[str]) -> None:
    by_office: dict[tuple[str, str], list[Role]] = defaultdict(list)
    for role in roles:
        if not SHARED_OFFICE.search(role.title):
            by_office[role.office].append(role)
    for (title, country), holders in sorted(by_office.items()):
        holders.sort(key=lambda role: role.start)
        for i, first in enumerate(holders):
            for second in holders[i + 1 :]:
                if second.start >= first.last_day:
                    break
                clash = first.person != second.person and not (first.approx or second.approx)
                if clash and overlap_days(first, second) > OVERLAP_TOLERANCE:
                    warnings.append(
                        f"{title} ({country}): {first.person} {first.start}..{first.end} overlaps "
                        f"{second.person} {second.start}..{second.end}"
                    )


def warn_bare_aliases(names: list[tuple[str, list[str]]], warnings: list[str]) -> None:
    for name, aliases in names:
        bare = [alias for alias in aliases if " " not in alias and "-" not in alias]
        if bare:
            warnings.append(f"{name}: one-word aliases {bare}")


def check_people(people: list[dict[str, Any]]) -> tuple[Report, list[Role]]:
    report = Report(errors=[], warnings=[])
    names: list[tuple[str, list[str]]] = []
    all_roles: list[Role] = []
    for entry in people:
        checked = check_person(entry, report.errors)
        if checked is None:
            continue
        name, aliases, roles = checked
        names.append((name, aliases))
        check_identical_roles(roles, report.errors)
        all_roles.extend(roles)
    check_names(names, report.errors)
    warn_shared_offices(all_roles, report.warnings)
    warn_bare_aliases(names, report.warnings)
    return report, all_roles


def summary(people: list[dict[str, Any]], roles: list[Role]) -> str:
    countries = sorted({role.country for role in roles})
    approx = sum(role.approx for role in roles)
    return (
        f"{len(people)} people, {len(roles)} roles ({approx} approx), "
        f"{len(countries)} role countries/bodies: {' '.join(countries)}"
    )


def main(argv: list[str]) -> int:
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT_PATH
    try:
        people = load_people(path)
    except (OSError, yaml.YAMLError, ValueError) as error:
        print(f"ERROR cannot read {path}: {error}")
        return 1
    report, roles = check_people(people)
    for warning in report.warnings:
        print(f"WARNING {warning}")
    for error in report.errors:
        print(f"ERROR {error}")
    print(summary(people, roles))
    print(f"{len(report.errors)} errors, {len(report.warnings)} warnings")
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
