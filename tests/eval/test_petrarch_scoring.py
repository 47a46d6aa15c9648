"""PETRARCH-format scoring on a small gold file written here, numbers worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.evaluate import GoldFormatError, evaluate
from newsevents.evaluate.petrarch import petrarch_actor_code
from tests.eval.events import FixedCoder, actor, coded, event, write_jsonl


def petrarch_record(rid: str, text: str, expected: list[tuple[str, str, str]], **fields: object) -> dict:
    record = {
        "id": rid,
        "text": text,
        "date": "20240102",
        "category": "VERB",
        "expected_events": [{"source": s, "target": t, "code": c} for s, t, c in expected],
        "expect_no_events": not expected,
        "evaluate": True,
    }
    record.update(fields)
    return record


TEXTS = {
    "R1": "Alvania hosts a delegation from Borduria.",
    "R2": "Carpania shells Dorvia and threatens Elbonia.",
    "R3": "Markets were calm on Tuesday.",
    "R4": "The weather stayed mild.",
    "R5": "Elbonia praises Freedonia twice over.",
    "R6": "A story-level record that is not scored.",
    "R7": "A sentence the coder cannot parse.",
}


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "mini-petrarch.jsonl",
        [
            petrarch_record("R1", TEXTS["R1"], [("AAA", "---GOV", "042")]),
            petrarch_record("R2", TEXTS["R2"], [("CCC", "DDD", "190"), ("CCC", "DDD", "173")]),
            petrarch_record("R3", TEXTS["R3"], [], category="OTHER"),
            petrarch_record("R4", TEXTS["R4"], [], category="OTHER"),
            petrarch_record("R5", TEXTS["R5"], [("EEE", "FFF", "051")], category="OTHER"),
            petrarch_record("R6", TEXTS["R6"], [("AAA", "BBB", "010")], evaluate=False),
            petrarch_record("R7", TEXTS["R7"], [("GGG", "HHH", "111")], category="OTHER"),
        ],
    )


@pytest.fixture()
def coder() -> FixedCoder:
    return FixedCoder(
        {
            # the target has no country: PETRARCH writes such an actor "---GOV"
            TEXTS["R1"]: [event("042", source=actor("AAA"), target=actor(sector="GOV"))],
            TEXTS["R2"]: [
                coded("CCC", "DDD", "190"),
                coded("CCC", "EEE", "172"),
                coded("CCC", "DDD", "173", "negated"),
            ],
            TEXTS["R3"]: [coded("AAA", "BBB", "010")],
            TEXTS["R4"]: [coded("AAA", "BBB", "010", "planned")],
            TEXTS["R5"]: [coded("EEE", "FFF", "051"), coded("EEE", "FFF", "051")],
            TEXTS["R6"]: [coded("AAA", "BBB", "010")],
        },
        crashing=[TEXTS["R7"]],
    )


def test_counts_match_the_hand_computed_ones(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    counts = {key: (c.tp, c.fp, c.fn) for key, c in report.overall.counts.items()}
    # R2: one triple right, one with the wrong target; the negated event is not PETRARCH's business
    # R3: an asserted event where none is expected; R4: only a planned one, so nothing
    # R5: the repeated event is one event as a set, a false positive as a multiset
    # R7: the coder raised, so its expected triple is missed
    assert counts["triple"] == (3, 2, 2)
    assert counts["triple_multiset"] == (3, 3, 2)
    assert counts["code"] == (3, 2, 2)
    assert counts["root"] == (4, 1, 1)
    assert counts["dyad"] == (3, 2, 1)
    triple = report.overall.counts["triple"]
    assert triple.precision == pytest.approx(3 / 5)
    assert triple.recall == pytest.approx(3 / 5)
    assert report.overall.counts["triple_multiset"].f1 == pytest.approx(2 * 0.5 * 0.6 / 1.1)


def test_exact_records_false_events_and_crashes(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    assert (report.records, report.records_in_file) == (6, 6)  # R6 has evaluate false
    exact = report.overall.ratios["exact"]
    assert (exact.count, exact.total) == (3, 6)  # R1, R4, R5
    false_events = report.overall.ratios["false_events"]
    assert (false_events.count, false_events.total) == (1, 2)  # R3 of R3 and R4
    assert report.coder_errors == 1
    assert [f.id for f in report.failures] == ["R2", "R3", "R7"]
    assert "coder raised RuntimeError" in report.failures[-1].reason


def test_story_level_records_are_never_coded(gold_file: Path, coder: FixedCoder) -> None:
    evaluate(gold_file, coder)
    assert TEXTS["R6"] not in [text for text, _ in coder.calls]
    assert {published for _, published in coder.calls} == {"2024-01-02"}


def test_categories_are_scored_apart(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    verb = report.by_category["VERB"]
    assert verb.records == 2
    assert (verb.counts["triple"].tp, verb.counts["triple"].fp, verb.counts["triple"].fn) == (2, 1, 1)
    assert report.by_category["OTHER"].records == 4


def test_limit_scores_the_first_records_only(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder, limit=2)
    assert (report.records, report.records_in_file) == (2, 6)
    assert len(coder.calls) == 2


def test_unknown_country_takes_petrarchs_prefix() -> None:
    assert petrarch_actor_code(actor(sector="GOV")) == "---GOV"
    assert petrarch_actor_code(actor(country="ISR", sector="GOV")) == "ISRGOV"
    assert petrarch_actor_code(actor("IGOUNO", country="UNO", sector="IGO")) == "IGOUNO"
    assert petrarch_actor_code(None) == ""


def ud_pair(tmp_path: Path) -> tuple[Path, Path]:
    main = write_jsonl(
        tmp_path / "unit.jsonl",
        [
            petrarch_record("U1", "Alvania greets Borduria.", [("AAA", "BBB", "064")]),
            petrarch_record("U2", "Carpania scolds Dorvia.", [("CCC", "DDD", "111")]),
            petrarch_record("U3", "An unscored story.", [("AAA", "BBB", "010")], evaluate=False),
        ],
    )
    sidecar = write_jsonl(
        tmp_path / "unit-ud.jsonl",
        [
            {"id": "U1", "expected_events_updp_v2": [{"source": "AAA", "target": "BBB", "code": "050"}]},
            {"id": "U2", "expected_events_updp_v2": None},  # text edited upstream: not scored
            {"id": "U3", "expected_events_updp_v2": []},
        ],
    )
    return main, sidecar


def test_ud_sidecar_is_joined_to_its_main_file(tmp_path: Path) -> None:
    main, sidecar = ud_pair(tmp_path)
    coder = FixedCoder({"Alvania greets Borduria.": [coded("AAA", "BBB", "050")]})
    for report in (evaluate(sidecar, coder), evaluate(main, coder, expect="ud")):
        assert report.expected_field == "expected_events_updp_v2"
        assert report.records == 1
        assert report.overall.ratios["exact"].count == 1
    against_gold = evaluate(sidecar, coder, expect="gold")
    assert against_gold.records == 2
    assert against_gold.overall.ratios["exact"].count == 0


def test_ud_sidecar_without_main_file_is_a_reason_not_a_crash(tmp_path: Path) -> None:
    main, sidecar = ud_pair(tmp_path)
    main.unlink()
    with pytest.raises(GoldFormatError, match="must sit beside it"):
        evaluate(sidecar, FixedCoder({}))


def test_bad_lines_are_reported_and_skipped(gold_file: Path, coder: FixedCoder) -> None:
    with gold_file.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    report = evaluate(gold_file, coder)
    assert report.records == 6
    assert len(report.errors) == 1
    assert report.errors[0].origin.endswith(":8")


def test_report_prints_and_serialises(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    table = report.format_table(categories=True)
    assert "(source, target, code)" in table
    assert "0.600" in table  # triple P, R and F1
    assert "3 / 6" in table  # exact records
    assert "VERB" in table
    data = json.loads(json.dumps(report.to_dict(failures=True)))
    assert data["overall"]["measures"]["triple"]["f1"] == pytest.approx(0.6)
    assert data["failed_ids"] == ["R2", "R3", "R7"]
    assert data["failures"][0]["expected"] == [["CCC", "DDD", "190"], ["CCC", "DDD", "173"]]
    assert "[R2]" in report.format_failures(1)
    assert "[R3]" not in report.format_failures(1)
