"""Check the coding knowledge files: ontology (CAMEO, PLOVER, QuadClass), verb/noun patterns, status cues.

- ontology/cameo.tsv: the header, one row per code, every code under an existing parent, Goldstein in
  -10..10, a PLOVER type of plover.yaml and a mode of that type (or none);
- ontology/plover.yaml: the 16 PLOVER 2021 types, each with a definition and its modes; legacy names;
- ontology/quadclass.yaml: every root 01-20 in the class GDELT's rule gives it;
- coding/predicates.yaml: known keys, codes that exist in cameo.tsv, modes valid for the code's type,
  every root and every PLOVER type covered, and no two entries that tie (same word, same constraints,
  different codes), since the coder could not choose between them;
- coding/status.yaml: every cue list present and non-empty; complement codes exist and fall in the
  root their cue implies.

Usage: python tools/check_coding_knowledge.py   (exit status 1 on any error; prints counts)
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

KNOWLEDGE = Path(__file__).resolve().parents[1] / "src" / "newsevents" / "knowledge"
PLOVER_TYPES = {
    *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"),
    *("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
TSV_HEADER = ["code", "label", "goldstein", "plover_type", "plover_mode"]
ROOTS = [f"{n:02d}" for n in range(1, 21)]
PATTERN_KEYS = {
    *("code", "verbs", "nouns", "target_preps", "objects", "prep", "particle", "monadic"),
    *("mode", "of_role", "clause", "notes"),
}
STATUS_KINDS = {
    *("negation", "hypothetical", "planned", "cancellation", "postponement", "refusal", "denial"),
    *("threat", "commitment", "request_appeal", "request_demand", "obligation_demand"),
    *("obligation_appeal", "wish", "attempt", "reporting", "hedge", "nonfactual_modifiers"),
    *("planned_modifiers", "accusation"),
}
# The root a governing act's code must have, by the complement map it comes from.
COMPLEMENT_ROOTS = {"commitment": "03", "threat": "13", "refusal": "12", "appeal": "02", "demand": "10"}
CODE = re.compile(r"^\d{2,4}$")


def load_yaml(relative: str) -> Any:
    return yaml.load((KNOWLEDGE / relative).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def gdelt_quad_class(root: str) -> int:
    """GDELT's grouping of CAMEO roots into QuadClass."""
    number = int(root)
    if number <= 5:
        return 1
    if number <= 9:
        return 2
    return 3 if number <= 14 else 4


def read_cameo(errors: list[str]) -> dict[str, dict[str, str]]:
    path = KNOWLEDGE / "ontology" / "cameo.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        if header != TSV_HEADER:
            errors.append(f"cameo.tsv: header {header} is not {TSV_HEADER}")
        rows: dict[str, dict[str, str]] = {}
        for number, fields in enumerate(reader, start=2):
            if len(fields) != len(TSV_HEADER):
                errors.append(f"cameo.tsv line {number}: {len(fields)} columns")
                continue
            row = dict(zip(TSV_HEADER, fields, strict=True))
            if row["code"] in rows:
                errors.append(f"cameo.tsv line {number}: duplicate code {row['code']}")
            rows[row["code"]] = row
    return rows


def check_cameo(rows: dict[str, dict[str, str]], modes: dict[str, set[str]], errors: list[str]) -> None:
    for root in ROOTS:
        if root not in rows:
            errors.append(f"cameo.tsv: root {root} missing")
    for code, row in rows.items():
        where = f"cameo.tsv {code}"
        if not CODE.match(code) or code[:2] not in ROOTS:
            errors.append(f"{where}: not a CAMEO code")
            continue
        parent = code[:2] if len(code) == 3 else code[:3]
        if len(code) > 2 and parent not in rows:
            errors.append(f"{where}: parent {parent} missing")
        if not row["label"].strip():
            errors.append(f"{where}: empty label")
        try:
            goldstein = float(row["goldstein"])
        except ValueError:
            errors.append(f"{where}: Goldstein {row['goldstein']!r} is not a number")
        else:
            if not -10.0 <= goldstein <= 10.0:
                errors.append(f"{where}: Goldstein {goldstein} outside -10..10")
        plover = row["plover_type"]
        if plover not in modes:
            errors.append(f"{where}: PLOVER type {plover!r} not in plover.yaml")
        elif row["plover_mode"] and row["plover_mode"] not in modes[plover]:
            errors.append(f"{where}: mode {row['plover_mode']!r} is not a mode of {plover}")


def check_plover(plover: dict[str, Any], errors: list[str]) -> dict[str, set[str]]:
    types = plover.get("types", {})
    if set(types) != PLOVER_TYPES:
        errors.append(f"plover.yaml: types differ from PLOVER 2021: {sorted(set(types) ^ PLOVER_TYPES)}")
    modes: dict[str, set[str]] = {}
    for name, body in types.items():
        definition = body.get("definition")
        if not isinstance(definition, str) or not definition.strip() or "\n" in definition.strip():
            errors.append(f"plover.yaml {name}: definition must be one line")
        if not isinstance(body.get("modes"), dict):
            errors.append(f"plover.yaml {name}: modes must be a mapping (mode -> one line)")
        modes[name] = set(body.get("modes") or {})
    for old, new in plover.get("legacy_names", {}).items():
        if new not in PLOVER_TYPES:
            errors.append(f"plover.yaml legacy_names: {old} -> unknown type {new}")
    all_modes = set().union(*modes.values()) if modes else set()
    for old, mode in plover.get("legacy_type_modes", {}).items():
        target = plover.get("legacy_names", {}).get(old)
        if target not in modes or mode not in modes[target]:
            errors.append(f"plover.yaml legacy_type_modes: {old} -> {mode} is not a mode of {target}")
    for old, mode in plover.get("legacy_modes", {}).items():
        if mode not in all_modes:
            errors.append(f"plover.yaml legacy_modes: {old} -> unknown mode {mode}")
    return modes


def check_quadclass(quad: dict[str, Any], errors: list[str]) -> None:
    if set(quad.get("classes", {})) != {1, 2, 3, 4}:
        errors.append("quadclass.yaml: classes must be 1-4")
    roots = quad.get("roots", {})
    for root in ROOTS:
        if roots.get(root) != gdelt_quad_class(root):
            errors.append(
                f"quadclass.yaml: root {root} -> {roots.get(root)}, GDELT says {gdelt_quad_class(root)}"
            )


def is_word_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, str) and v.strip() for v in value)


def yaml_boolean_trap(entry: dict[str, Any]) -> list[str]:
    """Bare on/off/yes/no read as true/false in YAML 1.1: name the key so the fix is obvious."""
    values = {key: value if isinstance(value, list) else [value] for key, value in entry.items()}
    return [
        f"{key} holds a true/false: quote on/off/yes/no"
        for key, items in values.items()
        if key not in ("monadic", "clause") and any(isinstance(item, bool) for item in items)
    ]


def pattern_problems(
    entry: dict[str, Any], rows: dict[str, dict[str, str]], modes: dict[str, set[str]]
) -> list[str]:
    problems = [f"unknown key {key!r}" for key in entry if key not in PATTERN_KEYS]
    problems.extend(yaml_boolean_trap(entry))
    code = entry.get("code")
    if not isinstance(code, str) or code not in rows:
        return [*problems, f"code {code!r} not in cameo.tsv (codes must be quoted strings)"]
    if "verbs" not in entry and "nouns" not in entry:
        problems.append("neither verbs nor nouns")
    for key in ("verbs", "nouns", "target_preps", "objects"):
        if key in entry and not is_word_list(entry[key]):
            problems.append(f"{key} must be a non-empty list of words")
        elif key in entry and len(set(entry[key])) != len(entry[key]):
            problems.append(f"{key} repeats an item")
    for key in ("prep", "particle", "notes"):
        if key in entry and not (isinstance(entry[key], str) and entry[key].strip()):
            problems.append(f"{key} must be a word")
    for key in ("monadic", "clause"):
        if key in entry and not isinstance(entry[key], bool):
            problems.append(f"{key} must be true or false")
    if "of_role" in entry and entry["of_role"] != "target":
        problems.append("of_role can only be 'target'")
    plover = rows[code]["plover_type"]
    if "mode" in entry and entry["mode"] not in modes.get(plover, set()):
        problems.append(f"mode {entry['mode']!r} is not a mode of {plover}")
    return problems


def signatures(entry: dict[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """Every (kind, word, prep, particle, object) an entry matches on: two codes on one signature tie."""
    keys = []
    for kind in ("verbs", "nouns"):
        for word in entry.get(kind, []):
            for obj in entry.get("objects", [""]):
                prep = entry.get("prep", "") + (" <clause>" if entry.get("clause") else "")
                keys.append((kind, word, prep, entry.get("particle", ""), obj))
    return keys


def check_predicates(
    patterns: list[dict[str, Any]],
    rows: dict[str, dict[str, str]],
    modes: dict[str, set[str]],
    errors: list[str],
) -> None:
    seen: dict[tuple[str, str, str, str, str], tuple[int, str]] = {}
    for index, entry in enumerate(patterns):
        where = f"predicates.yaml entry {index + 1} ({entry.get('code')!r})"
        if not isinstance(entry, dict):
            errors.append(f"{where}: not a mapping")
            continue
        problems = pattern_problems(entry, rows, modes)
        errors.extend(f"{where}: {problem}" for problem in problems)
        if problems:
            continue
        for key in signatures(entry):
            earlier = seen.get(key)
            if earlier and earlier[1] != entry["code"]:
                errors.append(f"{where}: ties with entry {earlier[0]} ({earlier[1]}) on {key}")
            seen.setdefault(key, (index + 1, entry["code"]))
    covered_roots = {entry["code"][:2] for entry in patterns if entry.get("code") in rows}
    errors.extend(
        f"predicates.yaml: no pattern for root {root}" for root in ROOTS if root not in covered_roots
    )
    covered_types = {rows[entry["code"]]["plover_type"] for entry in patterns if entry.get("code") in rows}
    errors.extend(f"predicates.yaml: no pattern for {name}" for name in sorted(PLOVER_TYPES - covered_types))


def check_status(status: dict[str, Any], rows: dict[str, dict[str, str]], errors: list[str]) -> None:
    for kind in sorted(STATUS_KINDS - set(status)):
        errors.append(f"status.yaml: cue list {kind!r} missing")
    for kind, cues in status.items():
        if kind == "complement_codes":
            continue
        if kind not in STATUS_KINDS:
            errors.append(f"status.yaml: unknown cue kind {kind!r}")
        elif not is_word_list(cues):
            errors.append(f"status.yaml {kind}: must be a non-empty list of strings")
        elif len(set(cues)) != len(cues):
            errors.append(f"status.yaml {kind}: repeats a cue")
    for name, mapping in status.get("complement_codes", {}).items():
        root = COMPLEMENT_ROOTS.get(name)
        if root is None:
            errors.append(f"status.yaml complement_codes: unknown map {name!r}")
            continue
        if "default" not in mapping:
            errors.append(f"status.yaml complement_codes.{name}: no default")
        for prefix, code in mapping.items():
            if prefix != "default" and not CODE.match(str(prefix)):
                errors.append(f"status.yaml complement_codes.{name}: key {prefix!r} is not a code prefix")
            if code not in rows or not str(code).startswith(root):
                errors.append(
                    f"status.yaml complement_codes.{name}: {prefix} -> {code!r} is not a {root}x code"
                )


def word_count(entry: dict[str, Any]) -> int:
    return len(entry.get("verbs", [])) + len(entry.get("nouns", []))


def print_counts(
    rows: dict[str, dict[str, str]], patterns: list[dict[str, Any]], status: dict[str, Any]
) -> None:
    codes_per_root = Counter(code[:2] for code in rows)
    entries_per_root: Counter[str] = Counter()
    words_per_root: Counter[str] = Counter()
    entries_per_type: Counter[str] = Counter()
    codes_used: dict[str, set[str]] = defaultdict(set)
    for entry in patterns:
        root = entry["code"][:2]
        entries_per_root[root] += 1
        words_per_root[root] += word_count(entry)
        entries_per_type[rows[entry["code"]]["plover_type"]] += 1
        codes_used[root].add(entry["code"])
    print(f"cameo.tsv: {len(rows)} codes")
    print(f"predicates.yaml: {len(patterns)} entries, {sum(map(word_count, patterns))} verb/noun words")
    print("root  codes  entries  words  codes-with-patterns")
    for root in ROOTS:
        print(
            f"  {root}  {codes_per_root[root]:5d}  {entries_per_root[root]:7d}  {words_per_root[root]:5d}"
            f"  {len(codes_used[root]):5d}"
        )
    print("PLOVER type: entries")
    for name, count in sorted(entries_per_type.items(), key=lambda item: -item[1]):
        print(f"  {name:10s} {count}")
    cue_lists = {kind: len(cues) for kind, cues in status.items() if kind != "complement_codes"}
    print(f"status.yaml: {sum(cue_lists.values())} cues in {len(cue_lists)} lists")


def main() -> int:
    errors: list[str] = []
    plover = load_yaml("ontology/plover.yaml")
    modes = check_plover(plover, errors)
    rows = read_cameo(errors)
    check_cameo(rows, modes, errors)
    check_quadclass(load_yaml("ontology/quadclass.yaml"), errors)
    patterns = load_yaml("coding/predicates.yaml")
    check_predicates(patterns, rows, modes, errors)
    status = load_yaml("coding/status.yaml")
    check_status(status, rows, errors)
    for error in errors:
        print(f"ERROR {error}", file=sys.stderr)
    if not errors:
        print_counts(rows, patterns, status)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
