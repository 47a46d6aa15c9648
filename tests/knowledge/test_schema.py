"""Every knowledge file loads and fits its schema (docs/knowledge.md): knowledge is data, checked here."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from newsevents.actors.kb import KNOWLEDGE, read_yaml
from newsevents.coding.knowledge import load_coding_knowledge

SECTOR = re.compile(r"^[A-Z]{3}$")
COUNTRY = re.compile(r"^[A-Z]{2,4}$")
PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
ACTORS = KNOWLEDGE / "actors"


def _records(name: str) -> list[dict[str, Any]]:
    data = read_yaml(ACTORS / name)
    assert isinstance(data, list) and data, f"{name} must be a non-empty list"
    return data


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def test_countries_cover_every_iso_country() -> None:
    import pycountry

    codes = {record["code"] for record in _records("countries.yaml")}
    missing = {c.alpha_3 for c in pycountry.countries} - codes
    assert not missing, f"countries without an entry: {sorted(missing)}"
    for record in _records("countries.yaml"):
        assert COUNTRY.match(record["code"]) and record["name"]
        for sector in (record.get("metonyms") or {}).values():
            assert SECTOR.match(sector), record


@pytest.mark.parametrize("name", ["organisations.yaml", "groups.yaml"])
def test_organisations_and_groups(name: str) -> None:
    for record in _records(name):
        assert record["name"], record
        assert record.get("sector") is None or SECTOR.match(record["sector"]), record
        assert record.get("country") is None or COUNTRY.match(record["country"]), record
        for role in record.get("roles") or []:
            assert SECTOR.match(role["sector"]), record


@pytest.mark.parametrize("name", [p.name for p in sorted(ACTORS.glob("people*.yaml"))])
def test_people_have_well_formed_dated_roles(name: str) -> None:
    people = _records(name)
    assert len(people) >= 20
    for person in people:
        assert person["name"], person
        # a person with no office (an opposition leader) needs a sector to code as
        assert person.get("roles") or person.get("default_sector"), person
        for role in person.get("roles") or []:
            assert SECTOR.match(role["sector"]) and COUNTRY.match(role["country"]), person["name"]
            start, end = _date(role.get("start")), _date(role.get("end"))
            assert start is not None, person["name"]
            assert end is None or start <= end, person["name"]


def test_sectors_file() -> None:
    data = read_yaml(ACTORS / "sectors.yaml")
    for section in ("words", "titles"):
        assert data[section], section
        for word, sector in data[section].items():
            assert isinstance(word, str) and SECTOR.match(sector), (section, word)
    for section in ("quantifiers", "generic_heads", "leader_governments", "name_particles"):
        assert data[section] and all(isinstance(w, str) and w == w.lower() for w in data[section]), section
    assert data["religions"] and all(re.fullmatch(r"[A-Z]{3}", code) for code in data["religions"])


def test_cameo_table_is_complete() -> None:
    with (KNOWLEDGE / "ontology" / "cameo.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"))
    codes = {row["code"] for row in rows}
    assert {f"{root:02d}" for root in range(1, 21)} <= codes
    assert len(codes) >= 280
    for row in rows:
        assert -10.0 <= float(row["goldstein"]) <= 10.0, row
        assert row["plover_type"] in PLOVER_TYPES, row


def test_predicates_use_known_codes_and_cover_every_root_and_type() -> None:
    knowledge = load_coding_knowledge()
    patterns = [p for index in (knowledge.verbs, knowledge.nouns) for ps in index.values() for p in ps]
    assert patterns
    for pattern in patterns:
        assert pattern.code in knowledge.cameo, pattern
    roots = {p.code[:2] for p in patterns}
    assert roots >= {f"{root:02d}" for root in range(1, 21)}
    types = {knowledge.info(p.code).plover_type for p in patterns}
    assert types == PLOVER_TYPES


def test_status_cues_have_every_kind_the_coder_reads() -> None:
    cues = load_coding_knowledge().cues
    for kind in (
        "negation", "hypothetical", "planned", "cancellation", "postponement", "refusal", "denial", "threat",
        "commitment", "request_appeal", "request_demand", "wish", "reporting", "nonfactual_modifiers",
        "planned_modifiers",
    ):  # fmt: skip
        assert cues[kind], f"status.yaml has no {kind}"
    knowledge = load_coding_knowledge()
    for kind in ("threat", "refusal", "commitment", "appeal", "demand"):
        code = knowledge.complement(kind, "190")
        assert code is not None and code in knowledge.cameo, kind


def test_every_yaml_file_parses() -> None:
    files = sorted(Path(KNOWLEDGE).rglob("*.yaml"))
    assert len(files) >= 8
    for path in files:
        assert read_yaml(path) is not None, path


def test_coder_word_lists_are_lower_case_words() -> None:
    data = read_yaml(KNOWLEDGE / "coding" / "filters.yaml")
    for section in ("no_event_contexts", "no_event_verbs", "violent_means", "support_verbs", "mutual_verbs"):
        words = data[section]
        assert words and all(isinstance(w, str) and w == w.lower() for w in words), section
        assert len(set(words)) == len(words), f"{section} repeats a word"


@pytest.mark.parametrize("checker", ["check_coding_knowledge.py", "check_actor_names.py", "check_people.py"])
def test_the_knowledge_checkers_pass(checker: str) -> None:
    """The checkers a newcomer runs after editing a knowledge file hold on what we ship."""
    import subprocess
    import sys

    tool = Path(__file__).resolve().parents[2] / "tools" / checker
    result = subprocess.run([sys.executable, str(tool)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
