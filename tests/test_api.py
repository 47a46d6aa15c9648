"""The Python face: code_text, code_articles with a report, to_frame, open_store."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsevents
from newsevents.model import Article
from newsevents.pipeline import RunReport

TEXT = "Germany pledged to send air defence systems to Ukraine, Chancellor Olaf Scholz said on Thursday."


def test_code_text_and_frame() -> None:
    events = newsevents.code_text(TEXT, published="2023-10-12")
    assert events
    frame = newsevents.to_frame(events)
    assert len(frame) == len(events)
    for column in ("event_id", "plover_type", "cameo_code", "source_country", "target_code", "status"):
        assert column in frame.columns
    assert set(frame["source_country"]) == {"DEU"}


def test_code_text_explains_what_it_cannot_code() -> None:
    with pytest.raises(ValueError, match="empty"):
        newsevents.code_text("   ")


def test_code_articles_collects_errors_and_goes_on() -> None:
    report = RunReport()
    articles = [Article(text=""), Article(text=TEXT, published="2023-10-12")]
    events = newsevents.code_articles(articles, report=report)
    assert events and report.coded == 1 and len(report.errors) == 1


def test_open_store_round_trip(tmp_path: Path) -> None:
    events = newsevents.code_text(TEXT, published="2023-10-12")
    with newsevents.open_store(tmp_path / "e.duckdb") as store:
        assert store.add_events(events) == len(events)
        assert store.add_events(events) == 0
        stored = store.events()
        assert {e.event_id for e in stored} == {e.event_id for e in events}
        assert {e.to_dict()["source"]["code"] for e in stored} == {e.source.code for e in events if e.source}
