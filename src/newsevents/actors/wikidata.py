"""People with dated roles from a Wikidata JSON dump, written in our people format (``docs/knowledge.md``).

The dump is streamed twice, never loaded: the first pass keeps the country items (ISO alpha-3 from P298,
else the Q-ids in ``countries.yaml``) and the items that look like offices (an English label that gives a
sector, and a jurisdiction P1001 or country P17); the second pass keeps the humans (P31 = Q5) whose
positions held (P39, dated by P580/P582) overlap ``since``. Memory holds only those offices and the kept
people's roles while a person is written, so a 100 GB dump costs the offices' labels, not the dump.

Reads the standard dump (one JSON array, one entity a line, lines ending with ","), plain JSONL, and both
gzipped or bzip2-compressed (told by their first bytes, not the file name).

A position's sector comes from its English label: the longest title of ``sectors.yaml`` in it ("Minister
of Defence of Israel" -> "minister of defence" -> MIL), with three rules for what Wikidata labels say
that titles alone get wrong (see ``SectorMatcher``). A position without a sector or a country is skipped.
"""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import yaml

from newsevents.actors.kb import KNOWLEDGE, read_yaml

DEFAULT_SINCE = dt.date(2015, 1, 1)
HUMAN = "Q5"
# Wikidata classes of offices: an item of these classes is kept even without P17/P1001, as the
# statement's own P1001 qualifier may give the jurisdiction.
POSITION_CLASSES = frozenset({"Q4164871", "Q294414", "Q30461", "Q83307", "Q48352", "Q2285706", "Q486839"})
# Official sectors a word in the label may give instead of a head-of-body title: "President of the
# Senate" is LEG, "President of the Supreme Court" JUD. GOV, BUS and CVL words never override
# ("Governor of the Bank of England" stays GOV).
OVERRIDING_WORD_SECTORS = frozenset(
    {"LEG", "JUD", "COP", "MIL", "SPY", "PTY", "EDU", "REL", "MED", "NGO", "HLH"}
)
# A minister or secretary whose label names defence is MIL whatever the title's wording ("Secretary of
# State for Defence", "Minister of National Defence", "Minister of the Armed Forces"): CAMEO counts the
# ministry of defence as military, as sectors.yaml does.
DEFENCE_WORDS = (("defence",), ("defense",), ("armed", "forces"), ("military",))
MINISTERIAL_WORDS = frozenset({"minister", "secretary"})
# Titles that mean a rank only at the head of a label: "General of the Army" is MIL, "Solicitor
# General" and "Postmaster General" are not.
HEAD_ONLY_TITLES = frozenset({("general",)})
# "member of the <legislature>" labels: legislatures that sectors.yaml's words do not name.
LEGISLATURES = tuple(
    tuple(name.split())
    for name in (
        "knesset", "bundestag", "bundesrat", "duma", "assembly", "house of representatives",
        "house of commons", "house of lords", "chamber of deputies", "cortes", "sejm", "senedd", "seanad",
        "dáil", "storting", "riksdag", "folketing", "eduskunta", "althing", "diet", "majlis", "rada",
        "lok sabha", "rajya sabha", "legislative council", "federation council", "national council",
        "council of states",
    )
)  # fmt: skip
MAX_BAD_LINES_KEPT = 20
PROGRESS_EVERY = 100_000
TOKEN = re.compile(r"\w+(?:['’-]\w+)*")
ENGLISH_TEXT = re.compile(r'"en"\s*:\s*\{\s*"language"\s*:\s*"en"\s*,\s*"value"\s*:\s*"((?:[^"\\]|\\.)*)"')
WIKIDATA_TIME = re.compile(r"^([+-])(\d{1,16})-(\d\d)-(\d\d)T")


LineFilter = Callable[[str], bool]


class WikidataDumpError(ValueError):
    """The dump cannot be read at all (missing, unreadable, not a dump); the message says why."""


@dataclass
class BuildReport:
    """What a build read, kept and skipped, and why: printed by the CLI, checked by tests."""

    lines: int = 0
    entities: int = 0
    countries: int = 0
    positions: int = 0
    humans_with_positions: int = 0
    people: int = 0
    roles: int = 0
    skipped_roles: Counter[str] = field(default_factory=Counter)
    bad_lines: list[str] = field(default_factory=list)
    bad_line_count: int = 0
    passes: int = 0
    bad_numbers: set[int] = field(default_factory=set)  # a line bad in one pass is bad in the other
    progress: Callable[[int, int], None] | None = None  # (pass, lines read): a long dump shows life

    def bad_line(self, number: int, why: str) -> None:
        if number in self.bad_numbers:
            return
        self.bad_numbers.add(number)
        self.bad_line_count += 1
        if len(self.bad_lines) < MAX_BAD_LINES_KEPT:
            self.bad_lines.append(f"line {number}: {why}")

    def summary(self) -> str:
        skipped = ", ".join(f"{n} {why}" for why, n in self.skipped_roles.most_common()) or "none"
        return (
            f"{self.entities} entities read ({self.lines} lines per pass, {self.bad_line_count} bad), "
            f"{self.countries} countries with an ISO code, {self.positions} offices, "
            f"{self.humans_with_positions} humans holding offices; wrote {self.people} people with "
            f"{self.roles} roles; roles skipped: {skipped}"
        )


# ---------------------------------------------------------------------------------------- reading


def open_dump(path: Path) -> TextIO:
    """A text stream over the dump, decompressing gzip or bzip2 told by the file's first bytes."""
    try:
        with path.open("rb") as probe:
            magic = probe.read(3)
        if magic[:2] == b"\x1f\x8b":
            return gzip.open(path, "rt", encoding="utf-8")
        if magic == b"BZh":
            return bz2.open(path, "rt", encoding="utf-8")
        return path.open(encoding="utf-8")
    except OSError as problem:
        raise WikidataDumpError(f"{path}: cannot read ({problem.strerror or problem})") from problem


def iter_entities(
    path: Path, report: BuildReport | None = None, wanted: LineFilter | None = None
) -> Iterator[dict[str, Any]]:
    """Entities of a dump, one at a time; ``wanted`` picks the lines worth parsing from their raw text."""
    report = report if report is not None else BuildReport()
    report.lines = 0
    report.passes += 1
    with open_dump(path) as stream:
        try:
            for number, line in enumerate(stream, start=1):
                report.lines = number
                if report.progress is not None and number % PROGRESS_EVERY == 0:
                    report.progress(report.passes, number)
                entity = _entity_of(line, number, report, wanted)
                if entity is not None:
                    yield entity
        except (OSError, EOFError, UnicodeDecodeError) as problem:
            # A truncated or corrupt archive: keep what was read and say where it stopped.
            report.bad_line(report.lines + 1, f"the dump ends early ({problem})")


def _entity_of(
    line: str, number: int, report: BuildReport, wanted: LineFilter | None
) -> dict[str, Any] | None:
    text = line.strip()
    if text.endswith(","):
        text = text[:-1]
    if text in ("", "[", "]"):
        return None
    if report.passes == 1:
        report.entities += 1
    if wanted is not None and not wanted(text):
        return None
    try:
        entity = json.loads(text)
    except json.JSONDecodeError as problem:
        report.bad_line(number, f"not JSON ({problem.msg} at column {problem.colno})")
        return None
    if not isinstance(entity, dict) or "id" not in entity:
        report.bad_line(number, "not an entity")
        return None
    return entity


# ------------------------------------------------------------------------------- entity fields


def english_label(entity: dict[str, Any]) -> str | None:
    labels = entity.get("labels") or {}
    for language in ("en", "mul", "en-gb", "en-us", "en-ca"):
        value = (labels.get(language) or {}).get("value")
        if value:
            return str(value)
    return None


def english_aliases(entity: dict[str, Any]) -> list[str]:
    return [str(a["value"]) for a in (entity.get("aliases") or {}).get("en") or [] if a.get("value")]


def claims(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    """A property's statements, preferred rank first, deprecated ones dropped."""
    found = [c for c in (entity.get("claims") or {}).get(prop) or [] if c.get("rank") != "deprecated"]
    return sorted(found, key=lambda c: c.get("rank") != "preferred")


def item_ids(entity: dict[str, Any], prop: str) -> list[str]:
    return [qid for claim in claims(entity, prop) if (qid := _snak_item(claim.get("mainsnak")))]


def _snak_item(snak: dict[str, Any] | None) -> str | None:
    value = ((snak or {}).get("datavalue") or {}).get("value")
    return value.get("id") if isinstance(value, dict) else None


def _snak_string(snak: dict[str, Any] | None) -> str | None:
    value = ((snak or {}).get("datavalue") or {}).get("value")
    return value if isinstance(value, str) else None


@dataclass(frozen=True)
class WikiDate:
    day: dt.date
    approx: bool


def parse_time(snak: dict[str, Any] | None) -> WikiDate | None:
    """A Wikidata time value as a day: month or year precision gives the first day, marked approximate.
    None for no value, an unknown value, BCE or far-future years, or a precision coarser than a year."""
    value = ((snak or {}).get("datavalue") or {}).get("value")
    if not isinstance(value, dict):
        return None
    match = WIKIDATA_TIME.match(str(value.get("time", "")))
    precision = int(value.get("precision", 11))
    if not match or match.group(1) == "-" or precision < 9:
        return None
    year, month, day = int(match.group(2)), int(match.group(3)), int(match.group(4))
    approx = precision < 11 or month == 0 or day == 0
    if precision < 10 or month == 0:
        month = 1
    if precision < 11 or day == 0:
        day = 1
    try:
        return WikiDate(dt.date(year, month, day), approx)
    except ValueError:
        return None


def _is_unknown_value(snak: dict[str, Any] | None) -> bool:
    return (snak or {}).get("snaktype") == "somevalue"


# ------------------------------------------------------------------------------------ sectors


def tokens_of(text: str) -> tuple[str, ...]:
    """Lower-case word tokens; hyphenated words stay whole ("secretary-general" is not "general")."""
    return tuple(TOKEN.findall(text.lower()))


def _find(phrase: tuple[str, ...], tokens: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tokens[i : i + size] == phrase for i in range(len(tokens) - size + 1))


class SectorMatcher:
    """The sector an office's English label gives, from sectors.yaml's titles and words.

    Rules, in order: "member of the <legislature>" is LEG; otherwise the longest title in the label
    (ties: the first) gives the sector, "general" only at the label's head; a ministerial title
    (minister, secretary) naming defence is MIL; any other title yields to an official or
    organisational word outside it ("President of the Senate" LEG). No title: no sector.
    """

    def __init__(self, titles: dict[str, str], words: dict[str, str]) -> None:
        self.titles = {tokens_of(k): v for k, v in titles.items() if tokens_of(k)}
        self.words = {tokens_of(k): v for k, v in words.items() if tokens_of(k)}
        self.longest = max((len(k) for k in [*self.titles, *self.words]), default=1)

    @classmethod
    def from_knowledge(cls, path: Path | None = None) -> SectorMatcher:
        data = read_yaml(path or KNOWLEDGE / "actors" / "sectors.yaml") or {}
        return cls(data.get("titles") or {}, data.get("words") or {})

    def sector(self, label: str) -> str | None:
        tokens = tokens_of(label)
        if tokens[:2] == ("member", "of"):
            return "LEG" if self._names_legislature(tokens[2:]) else None
        title = self._longest(tokens, self.titles)
        if title is None:
            return None
        phrase = tokens[title.start : title.end]
        if MINISTERIAL_WORDS & set(phrase):
            defence = any(_find(w, tokens) for w in DEFENCE_WORDS)
            return "MIL" if title.sector == "GOV" and defence else title.sector
        # Words outside the title name the body it heads: after it ("President of the Senate") first.
        word = self._longest(tokens[title.end :], self.words) or self._longest(
            tokens[: title.start], self.words
        )
        if word is not None and word.sector in OVERRIDING_WORD_SECTORS:
            return word.sector
        return title.sector

    def _names_legislature(self, rest: tuple[str, ...]) -> bool:
        word = self._longest(rest, self.words)
        return (word is not None and word.sector == "LEG") or any(_find(name, rest) for name in LEGISLATURES)

    def _longest(self, tokens: tuple[str, ...], table: dict[tuple[str, ...], str]) -> Match | None:
        """The longest phrase of ``table`` in ``tokens`` (ties: the first); head-only ones at the start."""
        best: Match | None = None
        for start in range(len(tokens)):
            for size in range(min(self.longest, len(tokens) - start), 0, -1):
                phrase = tokens[start : start + size]
                if phrase in table and not (start > 0 and phrase in HEAD_ONLY_TITLES):
                    if best is None or size > best.end - best.start:
                        best = Match(start, start + size, table[phrase])
                    break
        return best


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    sector: str


# ----------------------------------------------------------------------------- pass 1: offices


@dataclass(frozen=True)
class Office:
    label: str
    sector: str | None  # None when only an organisation's jurisdiction gives one
    jurisdictions: tuple[str, ...]  # P1001 then P17 Q-ids, in that order of trust


@dataclass(frozen=True)
class Body:
    """An organisation of our knowledge (organisations.yaml, groups.yaml) a Q-id denotes."""

    country: str
    sector: str | None


@dataclass
class Lookups:
    """What the second pass needs from the first: offices, countries, and our own bodies."""

    offices: dict[str, Office] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)  # Q-id -> ISO alpha-3
    bodies: dict[str, Body] = field(default_factory=dict)


def shipped_countries(directory: Path | None = None) -> dict[str, str]:
    """Q-id -> ISO alpha-3 from countries.yaml."""
    records = read_yaml((directory or KNOWLEDGE / "actors") / "countries.yaml") or []
    return {r["wikidata"]: r["code"] for r in records if r.get("wikidata") and r.get("code")}


def shipped_bodies(directory: Path | None = None) -> dict[str, Body]:
    """Q-id -> body from organisations.yaml and groups.yaml (the UN, the EU, NATO, ...)."""
    bodies: dict[str, Body] = {}
    for name in ("organisations.yaml", "groups.yaml"):
        path = (directory or KNOWLEDGE / "actors") / name
        for record in (read_yaml(path) or []) if path.exists() else []:
            if record.get("wikidata") and record.get("country"):
                bodies[record["wikidata"]] = Body(record["country"], record.get("sector"))
    return bodies


class OfficeLines:
    """Whether a dump line may hold a country or an office, judged on the raw text: most of a dump is
    items neither pass needs, and parsing JSON is what a pass costs. The first English text on the line
    stands for the label (labels come first in dump lines); a line without one is judged on its keys."""

    def __init__(self, matcher: SectorMatcher, bodies: dict[str, Body]) -> None:
        self.matcher = matcher
        self.body_ids = tuple(f'"{qid}"' for qid in bodies)
        self.keys = ('"P1001"', '"P17"', *(f'"{qid}"' for qid in POSITION_CLASSES))

    def __call__(self, line: str) -> bool:
        if '"P298"' in line:
            return True
        label = _first_english_text(line)
        if label is not None and self.matcher.sector(label) is None and not self._names_body(line):
            return False
        return any(key in line for key in self.keys)

    def _names_body(self, line: str) -> bool:
        # Only the jurisdiction's statement is searched: a whole line is long and bodies are many.
        where = line.find('"P1001"')
        return where >= 0 and any(qid in line[where : where + 3000] for qid in self.body_ids)


def _first_english_text(line: str) -> str | None:
    match = ENGLISH_TEXT.search(line)
    if match is None:
        return None
    try:
        return str(json.loads(f'"{match.group(1)}"'))
    except json.JSONDecodeError:
        return None


def collect_lookups(path: Path, matcher: SectorMatcher, report: BuildReport) -> Lookups:
    """First pass: country items and the items that look like offices."""
    lookups = Lookups(countries=shipped_countries(), bodies=shipped_bodies())
    for entity in iter_entities(path, report, wanted=OfficeLines(matcher, lookups.bodies)):
        iso = next(
            (c for claim in claims(entity, "P298") if (c := _snak_string(claim.get("mainsnak")))), None
        )
        if iso and re.fullmatch(r"[A-Z]{3}", iso):
            lookups.countries[entity["id"]] = iso
            report.countries += 1
            continue
        office = _office_of(entity, matcher, lookups.bodies)
        if office is not None:
            lookups.offices[entity["id"]] = office
    report.positions = len(lookups.offices)
    return lookups


def _office_of(entity: dict[str, Any], matcher: SectorMatcher, bodies: dict[str, Body]) -> Office | None:
    classes = set(item_ids(entity, "P31"))
    if HUMAN in classes:
        return None
    jurisdictions = tuple(item_ids(entity, "P1001") + item_ids(entity, "P17"))
    if not jurisdictions and not classes & POSITION_CLASSES:
        return None
    label = english_label(entity)
    if not label:
        return None
    sector = matcher.sector(label)
    if sector is None and not any(q in bodies for q in jurisdictions):
        return None
    return Office(label, sector, jurisdictions)


# ------------------------------------------------------------------------------ pass 2: people


def iter_people(
    path: Path, lookups: Lookups, report: BuildReport, since: dt.date = DEFAULT_SINCE
) -> Iterator[dict[str, Any]]:
    """Second pass: people records of our format for the humans whose offices overlap ``since``."""
    for entity in iter_entities(path, report, wanted=lambda line: '"P39"' in line):
        if HUMAN not in item_ids(entity, "P31") or not claims(entity, "P39"):
            continue
        report.humans_with_positions += 1
        record = person_record(entity, lookups, since, report)
        if record is not None:
            report.people += 1
            report.roles += len(record["roles"])
            yield record


def person_record(
    entity: dict[str, Any], lookups: Lookups, since: dt.date, report: BuildReport
) -> dict[str, Any] | None:
    """One human as a people.yaml record, or None when no role overlaps ``since`` or there is no name."""
    name = english_label(entity)
    death = next((d for c in claims(entity, "P570") if (d := parse_time(c.get("mainsnak")))), None)
    roles = _unique_roles(
        role
        for statement in claims(entity, "P39")
        if (role := _role_of(statement, lookups, since, death, report)) is not None
    )
    if not roles or not name:
        if roles:
            report.skipped_roles["person without an English name"] += len(roles)
        return None
    return {
        "name": name,
        "aliases": _usable_aliases(entity, name),
        "wikidata": entity["id"],
        "country": _nationality(entity, lookups, roles),
        "default_sector": "PTY" if claims(entity, "P102") else None,
        "roles": roles,
    }


def _role_of(
    statement: dict[str, Any], lookups: Lookups, since: dt.date, death: WikiDate | None, report: BuildReport
) -> dict[str, Any] | None:
    office = lookups.offices.get(_snak_item(statement.get("mainsnak")) or "")
    if office is None:
        report.skipped_roles["office unknown or without a sector"] += 1
        return None
    qualifiers = statement.get("qualifiers") or {}
    where = [q for snak in qualifiers.get("P1001") or [] if (q := _snak_item(snak))]
    country, sector = _place_of(office, where, lookups)
    if country is None or sector is None:
        report.skipped_roles["office without a country" if sector else "office without a sector"] += 1
        return None
    dates = _dates_of(qualifiers, death)
    if isinstance(dates, str):
        report.skipped_roles[dates] += 1
        return None
    start, end = dates
    if end is not None and end.day < since:
        report.skipped_roles["ended before --since"] += 1
        return None
    role: dict[str, Any] = {
        "title": office.label,
        "country": country,
        "sector": sector,
        "start": start.day,
        "end": end.day if end else None,
    }
    if start.approx or (end is not None and end.approx):
        role["approx"] = True
    return role


def _place_of(office: Office, qualifier_places: list[str], lookups: Lookups) -> tuple[str | None, str | None]:
    """Country and sector of an office: the statement's own P1001, then the office's P1001, then P17.
    An office of an international body takes the body's code and sector (the UN: UNO, IGO)."""
    for qid in [*qualifier_places, *office.jurisdictions]:
        if qid in lookups.countries:
            return lookups.countries[qid], office.sector
        body = lookups.bodies.get(qid)
        if body is not None:
            return body.country, body.sector if body.sector == "IGO" else office.sector or body.sector
    return None, office.sector


def _dates_of(qualifiers: dict[str, Any], death: WikiDate | None) -> tuple[WikiDate, WikiDate | None] | str:
    """Start and end of a role, or the reason it cannot be dated. An open role of a dead person ends
    at the death (Wikidata often leaves old offices open)."""
    start_snak = next(iter(qualifiers.get("P580") or []), None)
    end_snak = next(iter(qualifiers.get("P582") or []), None)
    start = parse_time(start_snak)
    if start is None:
        return "no usable start date"
    if end_snak is not None and _is_unknown_value(end_snak):
        return "ended on an unknown date"
    end = parse_time(end_snak) if end_snak is not None else death
    if end_snak is not None and end is None:
        return "no usable end date"
    if end is not None and end.day < start.day:
        return "ends before it starts"
    return start, end


def _unique_roles(roles: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for role in sorted(roles, key=lambda r: (r["start"], r["title"])):
        key = (role["title"], role["country"], role["start"], role["end"])
        if key not in seen:
            seen.add(key)
            kept.append(role)
    return kept


def _usable_aliases(entity: dict[str, Any], name: str) -> list[str]:
    """Aliases fit to be matched as names: several words, capitalised, no digits. Single words are
    left out (the coder matches a surname after a first mention; a bare nickname matches too much)."""
    kept: list[str] = []
    for alias in english_aliases(entity):
        alias = " ".join(alias.split())
        if alias == name or alias in kept or " " not in alias or not alias[:1].isupper():
            continue
        if any(ch.isdigit() for ch in alias):
            continue
        kept.append(alias)
    return kept


def _nationality(entity: dict[str, Any], lookups: Lookups, roles: list[dict[str, Any]]) -> str | None:
    """Citizenship (P27) as ISO alpha-3, the one of a held office first; else the latest national office."""
    citizenships = [c for qid in item_ids(entity, "P27") if (c := lookups.countries.get(qid))]
    role_countries = [r["country"] for r in reversed(roles)]
    for country in role_countries:
        if country in citizenships:
            return country
    if citizenships:
        return citizenships[0]
    national = set(lookups.countries.values())
    return next((c for c in role_countries if c in national), None)


# --------------------------------------------------------------------------------- the builder


def build_people(
    dump: Path, since: dt.date = DEFAULT_SINCE, report: BuildReport | None = None
) -> Iterator[dict[str, Any]]:
    """People records from a dump, streamed in two passes: the first finds offices and countries."""
    dump = Path(dump)
    if not dump.is_file():
        raise WikidataDumpError(f"{dump}: no such file")
    report = report if report is not None else BuildReport()
    lookups = collect_lookups(dump, SectorMatcher.from_knowledge(), report)
    yield from iter_people(dump, lookups, report, since)


def build_wikidata(
    dump: Path, out: Path | TextIO, since: dt.date = DEFAULT_SINCE, report: BuildReport | None = None
) -> BuildReport:
    """Write the people of a dump to ``out`` (a path, written whole or not at all, or a text stream)."""
    report = report if report is not None else BuildReport()
    header = _header(Path(dump), since)
    records = build_people(dump, since, report)
    if not isinstance(out, Path):
        write_people_yaml(records, out, header)
        return report
    # Written beside the target and renamed: a failed or interrupted build leaves no half file.
    descriptor, partial = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            write_people_yaml(records, handle, header)
        os.replace(partial, out)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return report


def _header(dump: Path, since: dt.date) -> str:
    try:
        dated = dt.date.fromtimestamp(dump.stat().st_mtime).isoformat()
    except OSError:
        dated = "unknown"
    return (
        f"# actors/people.yaml format (docs/knowledge.md): people in office since {since.isoformat()},\n"
        f"# built by `newsevents kb build-wikidata` from {dump.name} (file dated {dated}) on "
        f"{dt.date.today().isoformat()}.\n"
        "# True as of the dump. Sectors come from the office's English label and sectors.yaml;\n"
        "# `approx: true` marks a role dated to the month or year only (the 1st is written).\n"
    )


def write_people_yaml(records: Iterable[dict[str, Any]], out: TextIO, header: str = "") -> int:
    """Write records as people.yaml does (block records, one flow-style role a line); returns the count."""
    out.write(header)
    count = 0
    for record in records:
        out.write(_record_yaml(record))
        count += 1
    if count == 0:
        out.write("[]\n")
    return count


def _record_yaml(record: dict[str, Any]) -> str:
    lines = []
    for key, value in record.items():
        if key == "roles":
            continue
        lines.append(f"{key}: {_flow(value)}")
    lines.append("roles:")
    lines.extend(f"  - {_flow(role)}" for role in record["roles"])
    return "- " + "\n  ".join(lines) + "\n"


def _flow(value: Any) -> str:
    # YAML's own emitter quotes what a reader would misread ("Yes", "No: 1", a date written as a string).
    stream = io.StringIO()
    yaml.dump(
        value,
        stream,
        Dumper=yaml.CSafeDumper,
        default_flow_style=True,
        width=1 << 30,
        allow_unicode=True,
        sort_keys=False,
    )
    text = stream.getvalue().strip()
    return text[: -len("...")].strip() if text.endswith("...") else text
