"""The spaCy pipeline: loaded once, sentences with offsets into the text, paragraphs never glued."""

from __future__ import annotations

import pytest

from newsevents.nlp import ModelNotFound, load_nlp, sentences

TEXT = (
    "Kenya sends police to Haiti\n\n"
    "Kenyan police officers arrived in Port-au-Prince on Tuesday. They will lead a multinational mission.\n\n"
    "The deployment follows months of delay."
)


def test_pipeline_is_loaded_once_per_process() -> None:
    assert load_nlp() is load_nlp()


def test_sentence_offsets_point_into_the_text() -> None:
    found = sentences(load_nlp()(TEXT))
    assert [s.text for s in found] == [TEXT[s.start : s.end] for s in found]
    assert all(s.text == s.text.strip() for s in found)


def test_a_headline_is_its_own_sentence() -> None:
    found = sentences(load_nlp()(TEXT))
    assert found[0].text == "Kenya sends police to Haiti"
    assert found[1].text.startswith("Kenyan police officers")
    assert len(found) == 4


def test_a_missing_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFound, match="not installed"):
        load_nlp("no_such_pipeline_xx")
