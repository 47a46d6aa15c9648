"""The behavioural format and the worked examples: field-by-field matching, numbers by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluate import evaluate
from newsevents.evaluate.findings import finding_from_dict, match_one_to_one
from newsevents.model import Location
from tests.eval.events import FixedCoder, actor, event, write_jsonl

TEXTS = {
    "b1": "Alvanian envoys will meet Bordurian officials; Borduria blamed Alvania for the raid on Kessel.",
    "b2": "Alvania did not reject the offer.",
    "b3": "Nothing of note happened.",
    "b4": "Nothing of note happened, perhaps a meeting.",
    "b5": "Bordurian forces warned Carpania near Tarn.",
}

CONSULT_PLANNED = {
    "source_country": "ALV",
    "source_sector": "GOV",
    "target_country": "BRD",
    "target_sector": None,
    "plover_type": "CONSULT",
    "cameo_root": None,
    "status": "planned",
}
ACCUSE_AT_KESSEL = {
    "source_country": "BRD",
    "plover_type": "ACCUSE",
    "status": "asserted",
    "location": {"name": "Kessel", "country": "ALV"},
}
REJECT_NEGATED = {"source_country": "ALV", "plover_type": "REJECT", "status": "negated"}
THREATEN_AT_TARN = {
    "source_country": "BRD",
    "source_sector": "GOV",
    "target_country": "CRP",
    "plover_type": "THREATEN",
    "location": {"name": "Tarn", "country": "CRP"},
}


def behaviour_record(rid: str, split: str, expected: list[dict], no_events: bool = False) -> dict:
    return {
        "id": rid,
        "text": TEXTS[rid],
        "published": "2024-05-06",
        "category": "status" if rid in ("b2", "b4") else "basic",
        "expected_events": expected,
        "expect_no_events": no_events,
        "split": split,
    }


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "behaviour-mini.jsonl",
        [
            behaviour_record("b1", "dev", [CONSULT_PLANNED, ACCUSE_AT_KESSEL]),
            behaviour_record("b2", "dev", [REJECT_NEGATED]),
            behaviour_record("b3", "heldout", [], no_events=True),
            behaviour_record("b4", "heldout", [], no_events=True),
            behaviour_record("b5", "heldout", [THREATEN_AT_TARN]),
        ],
    )


@pytest.fixture()
def coder() -> FixedCoder:
    alv_gov, brd_gov = actor(country="ALV", sector="GOV"), actor(country="BRD", sector="GOV")
    return FixedCoder(
        {
            TEXTS["b1"]: [
                event(plover_type="ASSAULT"),  # matches nothing: a false positive
                event(plover_type="CONSULT", status="planned", source=alv_gov, target=actor(country="BRD")),
                # the place name differs only in case: still the same place
                event(plover_type="ACCUSE", source=brd_gov, location=Location("kessel", country="ALV")),
            ],
            TEXTS["b2"]: [event(plover_type="REJECT", source=alv_gov)],  # asserted, not negated
            TEXTS["b4"]: [event(plover_type="CONSULT", status="hypothetical")],
            TEXTS["b5"]: [
                event(
                    plover_type="THREATEN",
                    source=actor(country="BRD", sector="MIL"),
                    target=actor(country="CRP"),
                    location=Location("Tarn", country="CRP"),
                )
            ],
        }
    )


def counted(report_ratio: object) -> tuple[int, int]:
    return report_ratio.count, report_ratio.total  # type: ignore[attr-defined]


def test_event_counts_and_record_rates(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    events = report.overall.counts["event"]
    assert (events.tp, events.fp, events.fn) == (2, 4, 2)
    assert events.precision == pytest.approx(2 / 6)
    assert events.recall == pytest.approx(2 / 4)
    assert events.f1 == pytest.approx(0.4)
    assert counted(report.overall.ratios["exact"]) == (1, 5)  # b3 only
    assert counted(report.overall.ratios["false_events"]) == (1, 2)  # b4: a hypothetical is an event too
    assert [f.id for f in report.failures] == ["b1", "b2", "b4", "b5"]


def test_partial_accuracies_on_events_matched_with_a_field_set_aside(
    gold_file: Path, coder: FixedCoder
) -> None:
    ratios = evaluate(gold_file, coder).overall.ratios
    assert counted(ratios["status"]) == (2, 3)  # b1's two right, b2's asserted for negated
    assert counted(ratios["plover_type"]) == (2, 2)
    assert counted(ratios["source_actor"]) == (2, 3)  # b5: MIL where GOV was expected
    assert counted(ratios["target_actor"]) == (2, 2)
    assert counted(ratios["place_name"]) == (1, 1)  # b5 is not matched with the place set aside
    assert counted(ratios["place_country"]) == (1, 1)


def test_splits_are_scored_apart(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    dev, heldout = report.by_split["dev"], report.by_split["heldout"]
    assert (dev.records, heldout.records) == (2, 3)
    assert (dev.counts["event"].tp, dev.counts["event"].fp, dev.counts["event"].fn) == (2, 2, 1)
    assert (heldout.counts["event"].tp, heldout.counts["event"].fp, heldout.counts["event"].fn) == (0, 2, 1)
    table = report.format_table()
    assert "split: dev (2 records)" in table
    assert "split: heldout (3 records)" in table
    assert {published for _, published in coder.calls} == {"2024-05-06"}


def test_a_misspelt_field_is_reported_not_matched_as_anything(gold_file: Path, coder: FixedCoder) -> None:
    with gold_file.open("a", encoding="utf-8") as out:
        out.write('{"id": "b6", "text": "x", "expected_events": [{"plover_typ": "AID"}]}\n')
    report = evaluate(gold_file, coder)
    assert report.records == 5
    assert "plover_typ" in report.errors[0].reason


def test_matching_is_one_to_one_and_not_greedy_in_file_order() -> None:
    wide = finding_from_dict({"plover_type": ["CONSULT", "AGREE"]})
    narrow = finding_from_dict({"plover_type": "CONSULT"})
    events = [event(plover_type="CONSULT"), event(plover_type="AGREE")]
    # taken in order, the wide finding would grab the CONSULT event the narrow one needs
    assert match_one_to_one([wide, narrow], events) == [(0, 1), (1, 0)]
    assert match_one_to_one([narrow, narrow], events[:1]) == [(0, 0)]


def test_actor_accuracy_pairs_the_right_direction_first() -> None:
    """Coded both ways, one way expected: the expected direction is paired, so the actor is right;
    with only the wrong direction coded, the actor is wrong."""
    from newsevents.evaluate.behaviour import _field_accuracy
    from newsevents.evaluate.findings import ACTOR_FIELDS, SOURCE_FIELDS

    expected = [
        finding_from_dict({"source_country": "ALV", "target_country": "BRD", "plover_type": "CONSULT"})
    ]
    there = event(source=actor(country="ALV"), target=actor(country="BRD"))
    back = event(source=actor(country="BRD"), target=actor(country="ALV"))
    both = _field_accuracy(expected, [back, there], ACTOR_FIELDS, SOURCE_FIELDS)
    wrong = _field_accuracy(expected, [back], ACTOR_FIELDS, SOURCE_FIELDS)
    assert (both.count, both.total) == (1, 1)
    assert (wrong.count, wrong.total) == (0, 1)


ARTICLE = (
    "Alvania agreed to talks with Borduria. Alvania may send troops to Kessel. "
    "Borduria voted against the motion. Leave a Reply"
)
FINDINGS = [
    {"kind": "required", "what": "talks", "source_country": "ALV", "plover_type": ["CONSULT", "AGREE"],
     "status": ["asserted"], "sentence_contains": "talks"},
    {"kind": "required", "what": "troops", "source_country": "ALV", "plover_type": ["MOBILIZE"],
     "status": ["planned"], "sentence_contains": "troops"},
    {"kind": "optional", "what": "vote", "source_country": "BRD", "plover_type": ["REJECT"]},
    {"kind": "spurious", "what": "boilerplate", "sentence_contains": "Leave a Reply"},
    {"kind": "spurious", "what": "no attack", "plover_type": ["ASSAULT"], "status": ["asserted"]},
]  # fmt: skip


def test_worked_example_found_required_and_spurious_hits(tmp_path: Path) -> None:
    (tmp_path / "mini.txt").write_text(ARTICLE, encoding="utf-8")
    gold = write_jsonl(tmp_path / "mini.expected.jsonl", FINDINGS)
    sentences = ARTICLE.replace(". ", ".|").split("|")
    coder = FixedCoder(
        {
            ARTICLE: [
                event(plover_type="AGREE", source=actor(country="ALV"), sentence=sentences[0]),
                event(plover_type="AGREE", source=actor(country="ALV"), sentence=sentences[0]),
                # hypothetical where planned is expected: found only with status set aside
                event(
                    plover_type="MOBILIZE",
                    status="hypothetical",
                    source=actor(country="ALV"),
                    sentence=sentences[1],
                ),
                event(plover_type="REJECT", source=actor(country="BRD"), sentence=sentences[2]),
                event(plover_type="CONSULT", sentence=sentences[3]),
            ]
        }
    )
    report = evaluate(gold, coder, published="2024-03-25")
    ratios = report.overall.ratios
    assert report.format == "examples"
    assert counted(ratios["required_found"]) == (1, 2)
    assert counted(ratios["required_found_ignoring_status"]) == (2, 2)
    assert counted(ratios["required_found_ignoring_type"]) == (1, 2)
    assert counted(ratios["spurious_hit"]) == (1, 2)
    assert counted(ratios["events_on_spurious"]) == (1, 5)
    assert counted(ratios["events_explained"]) == (3, 5)
    assert coder.calls == [(ARTICLE, "2024-03-25")]
    assert report.failures[0].reason == "missed 1 of 2 required; hit 1 spurious"
    assert [f["what"] for f in report.failures[0].expected] == ["troops", "boilerplate"]


def test_a_planned_cooperative_act_with_its_root_open_matches_its_intent() -> None:
    from newsevents.evaluate.behaviour import _intent_allowed

    intent = event("036", plover_type="AGREE", status="planned")
    open_root = {"plover_type": "CONSULT", "status": "planned", "cameo_root": None}
    assert _intent_allowed(finding_from_dict(open_root)).matches(intent)
    # a root the gold fixes, or an act that already happened, keeps its own type
    assert not _intent_allowed(finding_from_dict({**open_root, "cameo_root": "04"})).matches(intent)
    done = {**open_root, "status": "asserted"}
    assert not _intent_allowed(finding_from_dict(done)).matches(event("036", plover_type="AGREE"))
