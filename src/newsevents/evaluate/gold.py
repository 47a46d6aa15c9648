"""Gold files: which format a file is in, and its scorable records in one shape.

The formats are those of the shared evaluation data (PETRARCH2 unit tests and GigaWord sample, the
PLOVER gold standard records), the worked examples (`*.expected.jsonl` beside their article) and the
project's own behavioural records (`tests/data/behaviour/*.jsonl`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.evaluate.findings import finding_problem
from newsevents.model import ArticleError

PETRARCH = "petrarch2"
PETRARCH_UD = "petrarch2-ud"  # the UD sidecar: expectations only, joined to its main file by id
PLOVER = "plover-gold"
BEHAVIOUR = "behaviour"
EXAMPLES = "examples"

EXPECT_CHOICES = ("gold", "ud")  # which expectations a PETRARCH2 unit-test record is scored against
PETRARCH_FIELD = "expected_events"
UD_FIELD = "expected_events_updp_v2"
UD_SUFFIX = "-ud.jsonl"
EXAMPLES_SUFFIX = ".expected.jsonl"

# PLOVER's gold records use the 0.5b1 names; the spec maps them to the 2021 types we code.
PLOVER_05_RENAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "INVESTIGATE": "ACCUSE",
}


class GoldFormatError(ValueError):
    """The gold file cannot be scored at all (missing, unknown format, sidecar without its main file)."""


@dataclass
class GoldRecord:
    """One scorable record, whatever its file format."""

    id: str
    text: str
    expected: list[dict[str, Any]]
    published: str | None = None  # ISO date YYYY-MM-DD
    category: str | None = None
    split: str | None = None
    expect_no_events: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class GoldSet:
    """A gold file read: its format, the records to score and the lines that could not be read."""

    path: Path
    format: str
    records: list[GoldRecord]
    errors: list[ArticleError] = field(default_factory=list)
    expected_field: str | None = None
    text_file: Path | None = None  # the file the texts come from (the main file for the UD sidecar)


def detect_format(path: Path) -> str:
    """The format of a gold file or folder, from its name or the fields of its first record."""
    if path.is_dir():
        return _folder_format(path)
    if path.name.endswith(EXAMPLES_SUFFIX):
        return EXAMPLES
    first = _first_record(path)
    if first is None:
        raise GoldFormatError(f"{path}: no JSON record found")
    return format_of_record(first, path)


def format_of_record(record: dict[str, Any], path: Path | str = "") -> str:
    """The gold format a record's fields say it is in."""
    if "kind" in record and "what" in record:
        return EXAMPLES
    if UD_FIELD in record and "evaluate" not in record:
        return PETRARCH_UD
    if "evaluate" in record and PETRARCH_FIELD in record:
        return PETRARCH
    if "plover_version" in record or ("event" in record and "markup" in record):
        return PLOVER
    if PETRARCH_FIELD in record or "expect_no_events" in record:
        return BEHAVIOUR
    raise GoldFormatError(
        f"{path}: unknown gold format (fields {sorted(record)}); expected one of the formats "
        "in the shared eval README, an *.expected.jsonl example or a behavioural record"
    )


def _folder_format(folder: Path) -> str:
    if any(folder.glob(f"*{EXAMPLES_SUFFIX}")):
        return EXAMPLES
    formats = {detect_format(path) for path in sorted(folder.glob("*.jsonl"))}
    if len(formats) != 1:
        found = ", ".join(sorted(formats)) or "no .jsonl files"
        raise GoldFormatError(f"{folder}: a gold folder must hold one format, found {found}")
    return formats.pop()


def _first_record(path: Path) -> dict[str, Any] | None:
    _exists_or_fail(path)
    for _, record, _error in _read_jsonl(path):
        if record is not None:
            return record
    return None


def _exists_or_fail(path: Path) -> None:
    if not path.is_file():
        raise GoldFormatError(f"{path}: no such gold file")


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, ArticleError | None]]:
    """Each non-empty line as (line number, record, None), or (line number, None, the reason)."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield number, None, _line_error(path, number, f"not JSON: {error.msg}")
                continue
            if not isinstance(record, dict):
                yield number, None, _line_error(path, number, "not a JSON object")
                continue
            yield number, record, None


def _good_records(path: Path, errors: list[ArticleError]) -> Iterator[tuple[int, dict[str, Any]]]:
    """The readable records of a JSONL file; the unreadable lines go to `errors` with their reason."""
    for number, record, error in _read_jsonl(path):
        if record is not None:
            yield number, record
        elif error is not None:
            errors.append(error)


def _line_error(path: Path, number: int, reason: str, record_id: str | None = None) -> ArticleError:
    return ArticleError(
        article_id=record_id or f"line {number}", origin=f"{path}:{number}", reason=reason, stage="eval"
    )


def load_gold(path: Path, *, expect: str | None = None) -> GoldSet:
    """Read a gold file or folder: its scorable records, in file order."""
    if expect is not None and expect not in EXPECT_CHOICES:
        raise GoldFormatError(f"--expect must be one of {', '.join(EXPECT_CHOICES)}, not {expect!r}")
    kind = detect_format(path)
    if expect == "ud" and kind not in (PETRARCH, PETRARCH_UD):
        raise GoldFormatError(f"{path}: --expect ud applies to the PETRARCH2 unit tests only")
    if kind == PETRARCH:
        return _load_petrarch(path, ud=expect == "ud")
    if kind == PETRARCH_UD:
        return _load_petrarch(_main_file_of_sidecar(path), ud=expect != "gold", shown_as=path)
    if kind == PLOVER:
        return _load_plover(path)
    if kind == EXAMPLES:
        return _load_examples(path)
    return _load_behaviour(path)


# PETRARCH2 unit tests and GigaWord sample -----------------------------------------------------------


def _main_file_of_sidecar(sidecar: Path) -> Path:
    main = sidecar.with_name(sidecar.name.removesuffix(UD_SUFFIX) + ".jsonl")
    if not main.is_file():
        raise GoldFormatError(
            f"{sidecar}: a UD sidecar has no categories or evaluate flags of its own; "
            f"it is scored joined by id to {main.name}, which must sit beside it"
        )
    return main


def _sidecar_of(main: Path) -> Path:
    sidecar = main.with_name(main.stem + UD_SUFFIX)
    if not sidecar.is_file():
        raise GoldFormatError(f"{main}: --expect ud needs {sidecar.name} beside it")
    return sidecar


def _load_petrarch(main: Path, *, ud: bool, shown_as: Path | None = None) -> GoldSet:
    expected_field = UD_FIELD if ud else PETRARCH_FIELD
    ud_records = _records_by_id(_sidecar_of(main)) if ud else {}
    gold = GoldSet(
        path=shown_as or main, format=PETRARCH, records=[], expected_field=expected_field, text_file=main
    )
    for _, record in _good_records(main, gold.errors):
        if not record.get("evaluate"):
            continue  # story-level or parse-less records: PETRARCH2 was not scored on them either
        source = ud_records.get(str(record.get("id")), {}) if ud else record
        expected = source.get(expected_field)
        if ud and expected is None:
            continue  # the UD team edited this record's text: no expectation for ours
        gold.records.append(_petrarch_record(record, expected or []))
    _drop_empty_texts(gold, main)
    return gold


def _records_by_id(path: Path) -> dict[str, dict[str, Any]]:
    return {str(record.get("id")): record for _, record, _ in _read_jsonl(path) if record is not None}


def _petrarch_record(record: dict[str, Any], expected: list[dict[str, Any]]) -> GoldRecord:
    return GoldRecord(
        id=str(record.get("id", "")),
        text=str(record.get("text") or ""),
        expected=[
            {"source": str(e.get("source")), "target": str(e.get("target")), "code": str(e.get("code"))}
            for e in expected
        ],
        published=_iso_date(record.get("date")),
        category=record.get("category"),
        # an empty expectation is a no-event record, marked or not (PATTERN-06 has no EventCoding)
        expect_no_events=not expected,
    )


def _drop_empty_texts(gold: GoldSet, path: Path) -> None:
    """Drop records whose text is empty: the coder cannot be scored on nothing."""
    kept = []
    for record in gold.records:
        if record.text.strip():
            kept.append(record)
        else:
            gold.errors.append(
                ArticleError(article_id=record.id, origin=str(path), reason="empty text", stage="eval")
            )
    gold.records = kept


def _iso_date(value: Any) -> str | None:
    """PETRARCH's YYYYMMDD as YYYY-MM-DD; ISO dates and datetimes cut to the date."""
    text = str(value or "").strip()
    if len(text) == 8 and text.isdigit():
        return f"{text[:4]}-{text[4:6]}-{text[6:]}"
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return text[:10]
    return None


# PLOVER gold standard records ------------------------------------------------------------------------


def _load_plover(path: Path) -> GoldSet:
    gold = GoldSet(path=path, format=PLOVER, records=[], text_file=path)
    for number, record in _good_records(path, gold.errors):
        text, event = record.get("text"), record.get("event")
        if not text or not event:
            gold.errors.append(_line_error(path, number, "no text or no event type", record.get("id")))
            continue
        plover_type = PLOVER_05_RENAMES.get(str(event).upper(), str(event).upper())
        gold.records.append(
            GoldRecord(
                id=str(record.get("id") or f"line {number}"),
                text=str(text),
                expected=[{"plover_type": plover_type, "gold_event": event}],
                published=_iso_date(record.get("date")),
                category=plover_type,
                meta={
                    "source_codes": _actor_codes(record.get("source")),
                    "target_codes": _actor_codes(record.get("target")),
                },
            )
        )
    return gold


def _actor_codes(actors: Any) -> list[str]:
    if not isinstance(actors, list):
        return []
    codes = (str(actor.get("code") or "").strip() for actor in actors if isinstance(actor, dict))
    return [code for code in codes if code]


# worked examples: findings beside their article ----------------------------------------------------


def _load_examples(path: Path) -> GoldSet:
    files = sorted(path.glob(f"*{EXAMPLES_SUFFIX}")) if path.is_dir() else [path]
    gold = GoldSet(path=path, format=EXAMPLES, records=[])
    for findings_file in files:
        _exists_or_fail(findings_file)
        stem = findings_file.name.removesuffix(EXAMPLES_SUFFIX)
        article = findings_file.with_name(stem + ".txt")
        if not article.is_file():
            gold.errors.append(
                ArticleError(stem, str(findings_file), f"no article {article.name} beside it", "eval")
            )
            continue
        findings = _findings_of(findings_file, gold.errors)
        gold.records.append(
            GoldRecord(id=stem, text=article.read_text(encoding="utf-8"), expected=findings, category=stem)
        )
    if not path.is_dir():
        gold.text_file = path.with_name(path.name.removesuffix(EXAMPLES_SUFFIX) + ".txt")
    return gold


def _findings_of(path: Path, errors: list[ArticleError]) -> list[dict[str, Any]]:
    findings = []
    for number, record in _good_records(path, errors):
        problem = finding_problem(record, examples=True)
        if problem:
            errors.append(_line_error(path, number, problem))
        else:
            findings.append(record)
    return findings


# the project's behavioural records ------------------------------------------------------------------


def _load_behaviour(path: Path) -> GoldSet:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    gold = GoldSet(path=path, format=BEHAVIOUR, records=[], text_file=None if path.is_dir() else path)
    for records_file in files:
        for number, record in _good_records(records_file, gold.errors):
            problem = _behaviour_problem(record)
            if problem:
                gold.errors.append(_line_error(records_file, number, problem, record.get("id")))
                continue
            gold.records.append(_behaviour_record(record, f"{records_file.name}:{number}"))
    return gold


def _behaviour_problem(record: dict[str, Any]) -> str | None:
    if not str(record.get("text") or "").strip():
        return "no text"
    expected = record.get("expected_events")
    if expected is not None and not isinstance(expected, list):
        return "expected_events is not a list"
    for event in expected or []:
        problem = finding_problem(event, examples=False)
        if problem:
            return f"expected event {event}: {problem}"
    return None


def _behaviour_record(record: dict[str, Any], where: str) -> GoldRecord:
    return GoldRecord(
        id=str(record.get("id") or where),
        text=str(record["text"]),
        expected=list(record.get("expected_events") or []),
        published=_iso_date(record.get("published")),
        category=record.get("category"),
        split=record.get("split"),
        expect_no_events=bool(record.get("expect_no_events")),
    )
