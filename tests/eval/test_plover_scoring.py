"""PLOVER gold scoring: type accuracy of the top and of any event, countries of the top event."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluate import evaluate
from tests.eval.events import FixedCoder, actor, event, write_jsonl

TEXTS = {
    "P1": "Alvania asked Borduria to return the stolen statues.",
    "P2": "Carpanian troops clashed with peacekeepers near the border.",
    "P3": "The two ministers signed the accord.",
}


def plover_record(rid: str, event_type: str, source: list[str], target: list[str]) -> dict:
    return {
        "id": rid,
        "text": TEXTS[rid],
        "event": event_type,
        "source": [{"actorText": "x", "code": code} for code in source],
        "target": [{"actorText": "y", "code": code} for code in target],
        "markup": "",
        "date": "2000-01-01",
        "plover_version": "0.5b1",
    }


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "plover-mini.jsonl",
        [
            plover_record("P1", "DEMAND", ["ALV"], []),  # 0.5b1 name: REQUEST today
            plover_record("P2", "FIGHT", ["CRP"], ["IGO"]),  # ASSAULT today
            plover_record("P3", "AGREE", ["FRA"], []),
        ],
    )


@pytest.fixture()
def coder() -> FixedCoder:
    return FixedCoder(
        {
            TEXTS["P1"]: [
                event(plover_type="ACCUSE", confidence=0.5),
                event(plover_type="REQUEST", confidence=0.9, source=actor(country="ALV", sector="GOV")),
            ],
            TEXTS["P2"]: [
                event(
                    plover_type="PROTEST",
                    confidence=0.8,
                    source=actor(country="DRV"),
                    target=actor(country="UNO", sector="IGO"),
                ),
                event(plover_type="ASSAULT", confidence=0.3),
            ],
        }
    )


def test_type_accuracies_and_type_counts(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    ratios = {key: (r.count, r.total) for key, r in report.overall.ratios.items()}
    assert ratios["top_type"] == (1, 3)  # P1 only: P2's most confident event is a protest
    assert ratios["any_type"] == (2, 3)  # P3 has no event: wrong on both
    assert ratios["no_event"] == (1, 3)
    types = report.overall.counts["type"]
    assert (types.tp, types.fp, types.fn) == (2, 2, 1)


def test_country_agreement_of_the_top_event(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    source = report.overall.ratios["source_country"]
    target = report.overall.ratios["target_country"]
    assert (source.count, source.total) == (1, 3)  # P1 right, P2 wrong country, P3 no event
    assert (target.count, target.total) == (1, 1)  # only P2's gold names a target: an IGO


def test_categories_use_todays_type_names(gold_file: Path, coder: FixedCoder) -> None:
    report = evaluate(gold_file, coder)
    assert sorted(report.by_category) == ["AGREE", "ASSAULT", "REQUEST"]
    assert [f.id for f in report.failures] == ["P2", "P3"]
    assert report.failures[0].reason == "top event PROTEST, gold ASSAULT"


def test_ties_go_to_the_coders_first_event(gold_file: Path) -> None:
    coder = FixedCoder({TEXTS["P3"]: [event(plover_type="AGREE"), event(plover_type="CONSULT")]})
    report = evaluate(gold_file, coder)
    assert report.by_category["AGREE"].ratios["top_type"].count == 1
