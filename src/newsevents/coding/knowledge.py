"""The coder's knowledge, loaded once per process: CAMEO codes, predicate patterns, status cues."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.actors.kb import KNOWLEDGE, read_yaml

OTHER_TYPE = "OTHER"


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    plover_type: str
    plover_mode: str | None


@dataclass(frozen=True)
class Pattern:
    """One predicate pattern of ``coding/predicates.yaml`` for one trigger lemma."""

    code: str
    lemma: str
    kind: str  # verb | noun
    target_preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    prep: str | None = None
    particle: str | None = None
    monadic: bool = False
    source_preps: frozenset[str] = frozenset()
    mode: str | None = None  # overrides the code's PLOVER mode
    of_role: str | None = None  # "target": the noun's "of" phrase is its patient ("the arrest of X")
    words: int = 1  # how many words the trigger phrase has ("hunger strike" is 2)
    clause: bool = False  # codes only with a clause said ("protested that ..."): its subject is the target

    @property
    def specificity(self) -> int:
        return bool(self.objects) + bool(self.prep) + bool(self.particle) + self.clause + (self.words - 1)


@dataclass
class StatusCues:
    """Cue words for status, by kind (see ``coding/status.yaml``)."""

    words: dict[str, frozenset[str]] = field(default_factory=dict)

    def __getitem__(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())


@dataclass
class CodingKnowledge:
    cameo: dict[str, CameoCode]
    quad_class: dict[str, int]
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]
    cues: StatusCues
    legacy_types: dict[str, str]
    filters: dict[str, frozenset[str]]
    complements: dict[str, dict[str, str]] = field(default_factory=dict)

    def complement(self, kind: str, governed_code: str) -> str | None:
        """The governing act's code for a governed act's code: the longest matching prefix wins."""
        table = self.complements.get(kind)
        if not table:
            return None
        for length in range(len(governed_code), 0, -1):
            code = table.get(governed_code[:length])
            if code is not None:
                return code
        return table.get("default")

    def info(self, code: str) -> CameoCode:
        """The code's row, or its nearest ancestor's (a dictionary may use codes finer than ours).

        A user's dictionary may also use codes outside CAMEO (the WEIS codes of old TABARI files): such
        an event keeps the dictionary's code, with PLOVER type OTHER and Goldstein 0.
        """
        for length in range(len(code), 1, -1):
            row = self.cameo.get(code[:length])
            if row is not None:
                return row
        return CameoCode(code, "not a CAMEO code (from a user's dictionary)", 0.0, OTHER_TYPE, None)

    def quad(self, code: str) -> int:
        """QuadClass by the code's root; 0 for a code outside CAMEO."""
        return self.quad_class.get(code[:2], 0)


def load_cameo(path: Path) -> dict[str, CameoCode]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {
            row["code"]: CameoCode(
                code=row["code"],
                label=row["label"],
                goldstein=float(row["goldstein"]),
                plover_type=row["plover_type"].strip().upper(),
                plover_mode=(row.get("plover_mode") or "").strip() or None,
            )
            for row in rows
        }


def load_patterns(
    records: Iterable[dict[str, Any]],
) -> tuple[dict[str, list[Pattern]], dict[str, list[Pattern]]]:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for record in records:
        common = {
            "code": str(record["code"]),
            "target_preps": frozenset(record.get("target_preps") or ()),
            "source_preps": frozenset(record.get("source_preps") or ()),
            "objects": frozenset(as_tokens(o) for o in record.get("objects") or ()),
            "prep": record.get("prep"),
            "particle": record.get("particle"),
            "monadic": bool(record.get("monadic", False)),
            "mode": record.get("mode"),
            "of_role": record.get("of_role"),
            "clause": bool(record.get("clause", False)),
        }
        for kind, index in (("verbs", verbs), ("nouns", nouns)):
            for phrase in record.get(kind) or ():
                key = as_tokens(phrase)
                pattern = Pattern(lemma=key, kind=kind[:-1], words=len(key.split()), **common)
                index.setdefault(key, []).append(pattern)
    for index in (verbs, nouns):
        for patterns in index.values():
            patterns.sort(key=lambda p: -p.specificity)
    return verbs, nouns


def as_tokens(phrase: object) -> str:
    """A pattern word as the coder sees it: lower case, words spaced as spaCy splits them ("cease-fire"
    is the three tokens "cease - fire")."""
    text = str(phrase).lower().replace("_", " ")
    return " ".join(re.sub(r"(?<=\w)-(?=\w)", " - ", text).split())


def _frozen_lists(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    return {
        key: frozenset(str(v).lower() for v in values)
        for key, values in data.items()
        if isinstance(values, list)
    }


def load_coding_knowledge(
    directory: Path | None = None, extra_patterns: Iterable[Path] = ()
) -> CodingKnowledge:
    directory = directory or KNOWLEDGE
    cameo = load_cameo(directory / "ontology" / "cameo.tsv")
    quad_data = read_yaml(directory / "ontology" / "quadclass.yaml") or {}
    quad_class = {str(k).zfill(2): int(v) for k, v in (quad_data.get("roots") or quad_data).items()}
    records = list(read_yaml(directory / "coding" / "predicates.yaml") or [])
    for path in extra_patterns:
        records.extend(read_yaml(path) or [])
    verbs, nouns = load_patterns(records)
    status = read_yaml(directory / "coding" / "status.yaml") or {}
    cues = StatusCues(_frozen_lists(status))
    complements = {
        kind: {str(k): str(v) for k, v in table.items()}
        for kind, table in (status.get("complement_codes") or {}).items()
    }
    plover = read_yaml(directory / "ontology" / "plover.yaml") or {}
    legacy = {str(k).upper(): str(v).upper() for k, v in (plover.get("legacy_names") or {}).items()}
    filters_path = directory / "coding" / "filters.yaml"
    filters = _frozen_lists(read_yaml(filters_path) or {}) if filters_path.exists() else {}
    return CodingKnowledge(cameo, quad_class, verbs, nouns, cues, legacy, filters, complements)
