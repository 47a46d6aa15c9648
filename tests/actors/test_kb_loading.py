"""Loading the knowledge base fast must not change what it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.actors import kb
from newsevents.pipeline import Pipeline


def test_a_cached_file_reads_as_parsed_and_an_edited_file_is_read_anew(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kb, "CACHE", tmp_path / "cache")
    source = tmp_path / "people.yaml"
    source.write_text("- name: Ada Okafor\n  roles: [{start: 2020-01-02, end: null}]\n", encoding="utf-8")
    first = kb.read_yaml(source)
    assert list((tmp_path / "cache").glob("yaml-*.pickle")), "the parse was not cached"
    assert kb.read_yaml(source) == first
    source.write_text("- name: Ada Okafor-Bello\n", encoding="utf-8")
    assert kb.read_yaml(source) == [{"name": "Ada Okafor-Bello"}]


def test_an_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(kb, "CACHE", blocker / "cache")
    source = tmp_path / "x.yaml"
    source.write_text("a: 1\n", encoding="utf-8")
    assert kb.read_yaml(source) == {"a": 1}


def test_the_fast_name_tokenizer_agrees_with_spacy_on_every_shipped_name() -> None:
    pipe = Pipeline()
    names = list(pipe.kb.names)
    assert len(names) > 5000
    for key in names:
        text = " ".join(key)
        assert pipe._tokenize(text) == [t.text for t in pipe.nlp.tokenizer(text)], text
