"""A researcher's own actor files: our YAML, a CSV sheet, or TABARI/PETRARCH ``.actors``/``.agents``.

``read_user_actors`` turns any of them into records of our format (``docs/knowledge.md``): name,
aliases, country, sector, code and dated roles. A CSV has the columns name, aliases (``|``-separated),
country, sector, code, start, end, wikidata; rows that repeat a name add roles to it. Agents files hold
no actors but sector words (``read_agents``), which ``kb.add_user_file`` adds as titles.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

from newsevents.actors.kb import read_yaml
from newsevents.actors.petrarch import (
    DictionaryError,
    is_agents_text,
    read_actors,
    read_agents,
    strip_comments,
)

YAML_SUFFIXES = (".yaml", ".yml")
__all__ = ["DictionaryError", "file_kind", "is_actor_file", "read_agents", "read_user_actors"]


def file_kind(path: Path) -> str:
    """yaml | csv | agents | actors, from the name and, for a plain text file, from its lines."""
    name = path.name.lower()
    if name.endswith(YAML_SUFFIXES):
        return "yaml"
    if name.endswith(".csv"):
        return "csv"
    if ".agents" in name or "agents." in name:
        return "agents"
    if ".actors" in name or "actors." in name:
        return "actors"
    return "agents" if is_agents_text(_head(path)) else "actors"


def _head(path: Path, limit: int = 400) -> list[str]:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            text = "".join(line for _, line in zip(range(limit), handle, strict=False))
    except OSError:
        return []
    return [line for line in strip_comments(text, semicolon=True) if line.strip()]


def read_user_actors(path: Path) -> list[dict[str, Any]]:
    """Actor records from a user's file; an agents file gives none (it holds sector words).

    Raises DictionaryError when the file cannot be read or has the wrong shape.
    """
    path = Path(path)
    kind = file_kind(path)
    if kind == "yaml":
        return _yaml_records(path)
    if kind == "csv":
        return _csv_records(path)
    if kind == "agents":
        return []
    return read_actors(path)


def _yaml_records(path: Path) -> list[dict[str, Any]]:
    try:
        data = read_yaml(path)
    except OSError as err:
        raise DictionaryError(f"{path}: cannot read ({err.strerror or err})") from err
    except Exception as err:  # yaml raises many kinds; the user needs the reason
        raise DictionaryError(f"{path}: not valid YAML ({err})") from err
    if isinstance(data, dict):
        data = data.get("actors") or []
    if not isinstance(data, list) or not all(isinstance(r, dict) and r.get("name") for r in data):
        raise DictionaryError(f"{path}: expected a list of actors, each with a name")
    return data


def _csv_records(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except OSError as err:
        raise DictionaryError(f"{path}: cannot read ({err.strerror or err})") from err
    if rows and "name" not in rows[0]:
        raise DictionaryError(f"{path}: a 'name' column is needed")
    records: dict[str, dict[str, Any]] = {}
    for row in rows:
        name = (row.get("name") or "").strip()
        if not name:
            continue
        record = records.setdefault(name, _csv_record(name, row))
        if (row.get("start") or "").strip() or (row.get("end") or "").strip():
            record.setdefault("roles", []).append(_csv_role(row))
    return list(records.values())


def _csv_record(name: str, row: dict[str, str]) -> dict[str, Any]:
    record: dict[str, Any] = {
        "name": name,
        "aliases": [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()],
    }
    for column in ("country", "sector", "code", "wikidata"):
        value = (row.get(column) or "").strip()
        if value:
            record[column] = value.upper() if column != "wikidata" else value
    return record


def _csv_role(row: dict[str, str]) -> dict[str, Any]:
    return {
        "title": (row.get("title") or "").strip(),
        "country": (row.get("country") or "").strip().upper() or None,
        "sector": (row.get("sector") or "").strip().upper() or None,
        "start": (row.get("start") or "").strip() or None,
        "end": (row.get("end") or "").strip() or None,
    }


def is_actor_file(path: Path) -> bool:
    """Whether a ``--dictionary`` file holds actors or agents (else verb patterns, discards, issues).

    By name first (``*.actors.txt``, ``*.agents.txt``, a CSV sheet, ``*actor*.yaml``); a file named
    otherwise is read: YAML records with a name and no verbs are actors; a text file whose lines carry
    ``[CODE]`` codes, without verb blocks, discards or issue categories, is an actors or agents file.
    """
    path = Path(path)
    name = path.name.lower()
    if any(key in name for key in (".actors", "actors.", ".agents", "agents.")) or name.endswith(".csv"):
        return True
    if any(key in name for key in (".verbs", "verbs.", "discard", "issue")):
        return False
    if name.endswith(YAML_SUFFIXES):
        return "actor" in name or _yaml_holds_actors(path)
    return _text_holds_actors(_head(path))


def _yaml_holds_actors(path: Path) -> bool:
    try:
        data = read_yaml(path)
    except Exception:  # an unreadable file is not ours to judge here; the pattern loader says why
        return False
    records = data.get("actors") if isinstance(data, dict) else data
    if not isinstance(records, list) or not records or not isinstance(records[0], dict):
        return False
    first = records[0]
    return "name" in first and not ({"verbs", "nouns"} & set(first))


def _text_holds_actors(lines: list[str]) -> bool:
    if any(re.match(r"\s*---.*\[[^\]]*\]\s*---", line) or "<ISSUE" in line.upper() for line in lines):
        return False
    if any(line.lstrip().startswith("- ") and "*" in line for line in lines):
        return False
    coded = [line for line in lines if re.search(r"\[[^\]]+\]", line)]
    return len(coded) * 4 >= len(lines) > 0
