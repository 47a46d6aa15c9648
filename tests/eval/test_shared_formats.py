"""Format detection and reading on the real shared gold files (read at run time, never copied).

The strongest check of the scorer: replaying PETRARCH2's own predictions through it must give back the
figures of PETRARCH2's score files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.evaluate import (
    GoldFormatError,
    detect_format,
    evaluate,
    find_peer_scores,
    load_gold,
    peer_comparison,
)
from newsevents.model import Actor, Event

REPO = Path(__file__).resolve().parents[2]
SHARED = (REPO / ".." / "shared").resolve()
EVAL = SHARED / "eval"
EXAMPLES = SHARED / "examples"
BEHAVIOUR = REPO / "tests" / "data" / "behaviour"

pytestmark = pytest.mark.skipif(not EVAL.is_dir(), reason="the shared evaluation data is not here")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("petrarch2-validation.jsonl", "petrarch2"),
        ("petrarch2-gigaword.jsonl", "petrarch2"),
        ("petrarch2-validation-ud.jsonl", "petrarch2-ud"),
        ("plover-gold.jsonl", "plover-gold"),
    ],
)
def test_shared_gold_files_are_recognised(name: str, expected: str) -> None:
    assert detect_format(EVAL / name) == expected


def test_examples_are_recognised_by_name_and_as_a_folder() -> None:
    findings = sorted(EXAMPLES.glob("*.expected.jsonl"))
    if not findings:
        pytest.skip("no worked examples")
    assert detect_format(findings[0]) == "examples"
    assert detect_format(EXAMPLES) == "examples"
    gold = load_gold(findings[0])
    lines = [line for line in findings[0].read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(gold.records) == 1
    assert len(gold.records[0].expected) == len(lines)
    assert gold.records[0].text.strip()
    assert gold.errors == []


def test_a_training_file_is_no_gold_format() -> None:
    training = EVAL / "ngec-training.jsonl"
    if not training.is_file():
        pytest.skip("no NGEC file")
    with pytest.raises(GoldFormatError, match="unknown gold format"):
        detect_format(training)


@pytest.mark.parametrize(
    ("name", "expect", "scorable"),
    [
        # the counts the shared README gives for each file's scorable records
        ("petrarch2-validation.jsonl", None, 279),
        ("petrarch2-gigaword.jsonl", None, 63),
        ("petrarch2-validation-ud.jsonl", None, 243),
        ("petrarch2-validation.jsonl", "ud", 243),
        ("plover-gold.jsonl", None, 322),
    ],
)
def test_scorable_records_are_those_the_readme_counts(name: str, expect: str | None, scorable: int) -> None:
    gold = load_gold(EVAL / name, expect=expect)
    assert len(gold.records) == scorable
    assert gold.errors == []
    assert all(record.text for record in gold.records)


def test_plover_gold_types_are_todays_names() -> None:
    types = {record.expected[0]["plover_type"] for record in load_gold(EVAL / "plover-gold.jsonl").records}
    assert not types & {"DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE"}
    assert {"REQUEST", "ACCUSE", "ASSAULT"} <= types


def replaying(predictions: Path, gold: Path, expect: str | None) -> Iterator[list[Event]]:
    """PETRARCH2's predicted triples, record by record in the order the scorer visits them."""
    by_id = {}
    for line in predictions.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_id[record["id"]] = record["predicted_events"] or []
    for record in load_gold(gold, expect=expect).records:
        yield [
            Event(
                article_id=record.id,
                sentence=record.text,
                span=(0, len(record.text)),
                plover_type="CONSULT",
                cameo_code=triple["code"],
                quad_class=1,
                goldstein=0.0,
                status="asserted",
                source=Actor(text="s", code=triple["source"]),
                target=Actor(text="t", code=triple["target"]),
            )
            for triple in by_id[record.id]
        ]


@pytest.mark.parametrize(
    ("gold_name", "predictions", "expect"),
    [
        ("petrarch2-validation.jsonl", "pred-validation.jsonl", None),
        ("petrarch2-gigaword.jsonl", "pred-gigaword-63.jsonl", None),
        ("petrarch2-validation.jsonl", "pred-validation-verbs2.jsonl", "ud"),
    ],
)
def test_replaying_petrarch2_gives_back_its_published_figures(
    gold_name: str, predictions: str, expect: str | None
) -> None:
    prediction_file = EVAL / "petrarch2-baseline" / predictions
    if not prediction_file.is_file():
        pytest.skip(f"no {predictions}")
    replay = replaying(prediction_file, EVAL / gold_name, expect)
    report = evaluate(EVAL / gold_name, lambda text, published: next(replay), expect=expect)
    peer = find_peer_scores(report)
    assert peer is not None
    assert report.records == peer.records
    assert report.overall.ratios["exact"].rate == pytest.approx(peer.exact_rate, abs=1e-4)
    for key, figures in (("triple", peer.triple), ("code", peer.code), ("root", peer.root)):
        counts = report.overall.counts[key]
        assert (counts.tp, counts.fp, counts.fn) == (figures["tp"], figures["fp"], figures["fn"])
    comparison = peer_comparison(report)
    assert comparison is not None
    assert "PETRARCH2" in comparison
    assert peer.path.name in comparison


def test_no_peer_figures_for_a_subset_file(tmp_path: Path) -> None:
    subset = tmp_path / "petrarch2-validation.jsonl"
    lines = (EVAL / "petrarch2-validation.jsonl").read_text(encoding="utf-8").splitlines()[:5]
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = evaluate(subset, lambda text, published: [])
    assert find_peer_scores(report, EVAL / "petrarch2-baseline") is None


def test_behaviour_records_if_written_yet_read_cleanly() -> None:
    files = sorted(BEHAVIOUR.glob("*.jsonl"))
    if not files:
        pytest.skip("no behavioural records yet")
    assert detect_format(BEHAVIOUR) == "behaviour"
    gold = load_gold(BEHAVIOUR)
    assert [str(error) for error in gold.errors] == []
    assert gold.records
