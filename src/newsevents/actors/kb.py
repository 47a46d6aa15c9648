"""The actor knowledge base: countries, organisations, groups, people with dated roles, sector words.

Loaded from the YAML files in ``knowledge/actors`` (formats in ``docs/knowledge.md``) plus any files a user
adds, into plain dicts built once per process. Names are indexed as token tuples, tokenised by the same
spaCy tokenizer that splits the articles, so "U.S." or "al-Shabaab" match however spaCy cuts them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KNOWLEDGE = Path(__file__).resolve().parent.parent / "knowledge"
ACTOR_FILES = (
    "countries.yaml",
    "organisations.yaml",
    "groups.yaml",
    "people.yaml",
    "people-world.yaml",
    "people-history.yaml",
)
TRUE_AS_OF = "2026-11-01"

# Sectors a person keeps after leaving a government post codes as former official (ELI).
OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


@dataclass(frozen=True)
class Role:
    title: str
    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None

    def holds_on(self, day: dt.date) -> bool:
        # A role ends on the day the successor takes office: that day belongs to the successor.
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Entry:
    """Something a name can denote: a country, an organisation or group, a person, or a metonym."""

    kind: str  # country | organisation | group | person
    name: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()
    default_sector: str | None = None

    def at(self, day: dt.date | None, title_sector: str | None = None) -> tuple[str | None, str | None]:
        """Country and sector on a day: a person's office while held, former official (ELI) after."""
        if not self.roles:
            return self.country, self.sector or self.default_sector
        day = day or dt.date.today()
        held = [role for role in self.roles if role.holds_on(day)]
        if held:
            fitting = [role for role in held if role.sector == title_sector] or held
            return fitting[0].country or self.country, fitting[0].sector
        ended = [role for role in self.roles if role.end and role.end < day]
        if self.kind == "person" and any(role.sector in OFFICIAL_SECTORS for role in ended):
            return self.country, "ELI"
        return self.country, self.default_sector or self.sector


@dataclass
class KnowledgeBase:
    """Indexes from surface forms to what they denote, built once per process."""

    names: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    surnames: dict[str, list[Entry]] = field(default_factory=dict)
    adjectives: dict[tuple[str, ...], str] = field(default_factory=dict)  # "Israeli" -> ISR
    sector_words: dict[str, str] = field(default_factory=dict)  # lemma -> sector
    titles: dict[tuple[str, ...], str] = field(default_factory=dict)  # ("defence", "minister") -> MIL
    modifiers: dict[str, str] = field(default_factory=dict)  # "former" -> ELI
    quantifiers: frozenset[str] = frozenset()  # "thousands" of protesters
    generic_heads: frozenset[str] = frozenset()  # "spokesman": the modifier's sector decides
    leader_governments: frozenset[str] = frozenset()  # "the Bush administration"
    name_particles: frozenset[str] = frozenset()  # "al-Qaeda": lower-case words that open names
    religions: frozenset[str] = frozenset()  # CAMEO religion codes, which end an actor code (EGYOPPMUS)
    country_names: dict[str, str] = field(default_factory=dict)  # code -> canonical name
    people: list[Entry] = field(default_factory=list)
    max_name_tokens: int = 1
    max_title_tokens: int = 1

    def add_name(self, tokens: Sequence[str], entry: Entry, *, first: bool = False) -> None:
        """Index a name; ``first`` puts the entry before earlier ones (a user's file overrides ours)."""
        key = tuple(tokens)
        if not key:
            return
        bucket = self.names.setdefault(key, [])
        if entry not in bucket:
            bucket.insert(0, entry) if first else bucket.append(entry)
        self.max_name_tokens = max(self.max_name_tokens, len(key))

    def add_adjective(self, tokens: Sequence[str], country: str) -> None:
        if tokens:
            self.adjectives[tuple(tokens)] = country
            self.max_name_tokens = max(self.max_name_tokens, len(tokens))

    def add_title(self, tokens: Sequence[str], sector: str) -> None:
        if tokens:
            self.titles[tuple(tokens)] = sector
            self.max_title_tokens = max(self.max_title_tokens, len(tokens))


Tokenize = Callable[[str], list[str]]


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


# Parsed knowledge files, keyed by their content: building Python objects from 80,000 YAML scalars is
# most of loading the knowledge base, and a pickle of the result loads ten times faster.
CACHE = Path(os.environ.get("NEWSEVENTS_CACHE") or Path.home() / ".cache" / "newsevents")


def read_yaml(path: Path) -> Any:
    """A YAML file's content; served from the cache when the file's bytes are unchanged."""
    data = path.read_bytes()
    cached = CACHE / f"yaml-{hashlib.sha256(data).hexdigest()}.pickle"
    try:
        return pickle.loads(cached.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    value = yaml.load(data.decode("utf-8"), Loader=yaml.CSafeLoader)
    _write_cache(cached, value)
    return value


def _write_cache(target: Path, value: Any) -> None:
    """Best effort: a read-only home or a full disk only costs speed."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(target)
    except OSError:
        pass


def load_kb(
    tokenize: Tokenize, extra: Iterable[Path] = (), directory: Path | None = None, *, shipped: bool = True
) -> KnowledgeBase:
    """Build the knowledge base from the shipped files, then the user's own files (later ones win).

    ``shipped=False`` leaves our files out: a researcher coding with their own TABARI/PETRARCH actors
    and agents wants their codes only, not ours mixed in ("US leader" coded by our titles).
    """
    directory = directory or KNOWLEDGE / "actors"
    kb = KnowledgeBase()
    for name in ACTOR_FILES if shipped else ():
        path = directory / name
        if path.exists():
            add_records(kb, read_yaml(path) or [], tokenize, kind=_kind_of(name))
    sectors = directory / "sectors.yaml"
    if sectors.exists():
        data = read_yaml(sectors) or {}
        if shipped:
            add_sectors(kb, data, tokenize)
        # "thousands of protesters" is grammar, not an actor code: it holds with anyone's dictionaries
        kb.quantifiers = frozenset(str(w).lower() for w in data.get("quantifiers") or ())
        kb.leader_governments = frozenset(str(w).lower() for w in data.get("leader_governments") or ())
        kb.name_particles = frozenset(str(w) for w in data.get("name_particles") or ())
        kb.religions = frozenset(str(code) for code in data.get("religions") or ())
    for path in extra:
        add_user_file(kb, Path(path), tokenize)
    return kb


def _kind_of(file_name: str) -> str:
    if file_name.startswith("people"):
        return "person"
    return {"countries.yaml": "country", "groups.yaml": "group"}.get(file_name, "organisation")


def add_records(kb: KnowledgeBase, records: list[dict[str, Any]], tokenize: Tokenize, kind: str) -> None:
    for record in records:
        if kind == "country":
            add_country(kb, record, tokenize)
        else:
            add_actor(kb, record, tokenize, kind=record.get("kind", kind))


def add_country(kb: KnowledgeBase, record: dict[str, Any], tokenize: Tokenize) -> None:
    code = record["code"]
    entry = Entry("country", record["name"], country=code, wikidata=record.get("wikidata"))
    kb.country_names[code] = record["name"]
    for name in [record["name"], *(record.get("names") or [])]:
        kb.add_name(tokenize(name), entry)
    for adjective in record.get("adjectives") or []:
        kb.add_adjective(tokenize(adjective), code)
    for place, sector in (record.get("metonyms") or {}).items():
        metonym = Entry(
            "country", record["name"], country=code, sector=sector, wikidata=record.get("wikidata")
        )
        kb.add_name(tokenize(place), metonym)


def add_actor(
    kb: KnowledgeBase, record: dict[str, Any], tokenize: Tokenize, kind: str, *, first: bool = False
) -> None:
    roles = tuple(
        Role(
            title=role.get("title", ""),
            country=role.get("country"),
            sector=role.get("sector"),
            start=_date(role.get("start")),
            end=_date(role.get("end")),
        )
        for role in record.get("roles") or []
    )
    entry = Entry(
        kind=kind,
        name=record["name"],
        country=record.get("country"),
        sector=record.get("sector"),
        code=record.get("code"),
        wikidata=record.get("wikidata"),
        roles=roles,
        default_sector=record.get("default_sector"),
    )
    for name in [record["name"], *(record.get("aliases") or [])]:
        kb.add_name(tokenize(name), entry, first=first)
    if kind == "person":
        kb.people.append(entry)
        surname = record.get("surname") or _surname(tokenize(record["name"]), record.get("country"))
        if surname:
            bucket = kb.surnames.setdefault(surname, [])
            bucket.insert(0, entry) if first else bucket.append(entry)


# Family name first in English news for these countries ("Xi Jinping" is Xi, "Kim Jong Un" is Kim).
FAMILY_NAME_FIRST = frozenset({"CHN", "PRK", "KOR", "TWN", "VNM", "HKG", "MAC"})
# Last words that must never stand alone for a person: months, regnal numbers, common words.
NOT_SURNAMES = frozenset(
    {"May", "II", "III", "IV", "Jr", "Jr.", "Sr", "Bar", "Dar", "Ali", "Un", "in", "Lev", "Al"}
)


def _surname(tokens: list[str], country: str | None) -> str | None:
    family_first = country in FAMILY_NAME_FIRST
    shortest = 2 if family_first else 3  # "Xi", "Li" are surnames; a two-letter last word elsewhere is not
    words = [t for t in tokens if t[:1].isupper() and t not in NOT_SURNAMES and len(t) >= shortest]
    if not words:
        return None
    return words[0] if family_first else words[-1]


def add_sectors(kb: KnowledgeBase, data: dict[str, Any], tokenize: Tokenize) -> None:
    for word, sector in (data.get("words") or {}).items():
        kb.sector_words[word.lower()] = sector
    for title, sector in (data.get("titles") or {}).items():
        kb.add_title([t.lower() for t in tokenize(title)], sector)
    for word, sector in (data.get("modifiers") or {}).items():
        kb.modifiers[word.lower()] = sector
    kb.generic_heads = frozenset(str(w).lower() for w in data.get("generic_heads") or ())


def add_user_file(kb: KnowledgeBase, path: Path, tokenize: Tokenize) -> None:
    """A user's own actors: YAML in our format, CSV with name/aliases/country/sector/start/end columns,
    or a PETRARCH/TABARI ``.actors`` file; or a PETRARCH ``.agents`` file, whose words become sector
    words and titles ("minister" -> GOV, "foreign minister" -> GOVFRM). Raises DictionaryError (a
    ValueError) with the file and the reason when the file cannot be used."""
    from newsevents.actors.userfiles import file_kind, read_agents, read_user_actors  # rare: on demand

    if file_kind(Path(path)) == "agents":
        for agent in read_agents(Path(path)):
            words = [t.lower() for t in tokenize(" ".join(agent.words))]
            kb.add_title(words, agent.code)
            if len(agent.words) == 1:
                kb.sector_words[agent.words[0]] = agent.code
        return
    for record in read_user_actors(path):
        kind = record.get("kind") or ("person" if record.get("roles") else "group")
        add_actor(kb, record, tokenize, kind=kind, first=True)
