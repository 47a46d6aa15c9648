"""Acceptance: the article the project started from, coded through the CLI, judged by its findings file.

The findings file is read from ../shared at test time (never copied); the matching rules are those of
../shared/examples/README.md, implemented once in newsevents.evaluate.findings.
"""

from __future__ import annotations

import json

import pytest

from newsevents.evaluate.findings import finding_from_dict
from newsevents.model import Event
from tests.conftest import run_cli, shared_path


@pytest.fixture(scope="module")
def coded() -> tuple[list[Event], list[dict[str, object]]]:
    article = shared_path("examples", "israel-us-delegation.txt")
    expected = shared_path("examples", "israel-us-delegation.expected.jsonl")
    result = run_cli("code", str(article), "--published", "2024-03-25", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [Event.from_dict(json.loads(line)) for line in result.stdout.splitlines() if line.strip()]
    findings = [
        json.loads(line) for line in expected.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return events, findings


def _summary(events: list[Event]) -> str:
    return "\n".join(
        f"{e.source.code if e.source else None} {e.plover_type} {e.cameo_code} "
        f"{e.target.code if e.target else None} {e.status} | {e.sentence[:70]}"
        for e in events
    )


def test_every_required_finding_is_coded(coded: tuple[list[Event], list[dict[str, object]]]) -> None:
    events, findings = coded
    required = [f for f in findings if f["kind"] == "required"]
    assert len(required) >= 8
    missed = [f["what"] for f in required if not any(finding_from_dict(f).matches(e) for e in events)]
    assert not missed, f"missed: {missed}\ncoded:\n{_summary(events)}"


def test_no_spurious_finding_is_coded(coded: tuple[list[Event], list[dict[str, object]]]) -> None:
    events, findings = coded
    spurious = [f for f in findings if f["kind"] == "spurious"]
    hit = [(f["what"], _summary([e])) for f in spurious for e in events if finding_from_dict(f).matches(e)]
    assert not hit, f"spurious: {hit}"


def test_events_carry_the_contract_fields(coded: tuple[list[Event], list[dict[str, object]]]) -> None:
    events, _ = coded
    assert events
    for event in events:
        record = event.to_dict()
        assert record["schema"] == 1
        assert record["cameo_root"] == record["cameo_code"][:2]
        assert 1 <= record["quad_class"] <= 4
        assert -10 <= record["goldstein"] <= 10
        assert record["status"] in ("asserted", "negated", "planned", "hypothetical")
        assert record["date"] == "2024-03-25" or record["date"] < "2024-03-25"
        start, end = record["span"]
        assert end > start
