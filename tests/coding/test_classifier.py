"""The learned event typer: the encoder, the training step, the shipped model and its use by the coder."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from newsevents import code_text
from newsevents.coding.classifier import (
    MODEL_FILE,
    NONE,
    SENTENCES_FILE,
    fit_softmax,
    load_model,
    read_examples,
    shipped_classifier,
)
from newsevents.coding.embedding import load_encoder
from newsevents.coding.knowledge import load_coding_knowledge
from newsevents.pipeline import Pipeline


def test_vectors_are_unit_length_and_paraphrases_are_nearer_than_other_topics() -> None:
    vectors = load_encoder().encode(
        [
            "The army shelled the rebel town overnight.",
            "Artillery fire from government troops hit the insurgent-held town during the night.",
            "The central bank left interest rates unchanged on Thursday.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_softmax_regression_separates_classes_it_has_not_seen() -> None:
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(3, 16))
    labels = rng.integers(0, 3, size=300)
    vectors = centres[labels] + 0.3 * rng.normal(size=(300, 16))
    weights, bias = fit_softmax(vectors[:200], labels[:200], 3)
    predicted = (vectors[200:] @ weights + bias).argmax(axis=1)
    assert np.mean(predicted == labels[200:]) > 0.95


def test_every_example_names_a_known_type_and_a_code_of_that_type() -> None:
    knowledge = load_coding_knowledge()
    examples = read_examples()
    assert len(examples) >= 1500
    for example in examples:
        if example.type == NONE:
            assert example.cameo is None, example.text
        else:
            assert knowledge.info(example.cameo).plover_type == example.type, example.text
    assert len({e.text for e in examples}) == len(examples), "duplicate example sentences"


def test_the_shipped_model_is_trained_on_the_shipped_examples(tmp_path: Path) -> None:
    classifier = shipped_classifier()
    assert set(classifier.labels) == {e.type for e in read_examples()}
    edited = tmp_path / "event_sentences.jsonl"
    shutil.copy(SENTENCES_FILE, edited)
    with edited.open("a", encoding="utf-8") as out:
        out.write('{"text": "A sentence added without retraining.", "type": "NONE", "cameo": null}\n')
    with pytest.raises(ValueError, match="train_event_classifier"):
        load_model(MODEL_FILE, edited)


def test_the_shipped_model_recognises_its_own_examples() -> None:
    """Not a measure of accuracy (that is cross-validation in the training tool and the gold sets), but a
    model that cannot reproduce most of its own training labels was saved broken."""
    examples = read_examples()
    predictions = shipped_classifier().predict(load_encoder().encode([e.text for e in examples[::10]]))
    right = sum(p.type == e.type for p, e in zip(predictions, examples[::10], strict=True))
    assert right / len(predictions) > 0.8


def test_a_sentence_no_pattern_covers_is_typed_and_traced_to_an_example() -> None:
    text = "Ghana's president lavished praise on Nigeria for its handling of the border dispute."
    rules_only = Pipeline(learned=False)
    learned = Pipeline(learned=True)
    from newsevents.model import Article

    article = Article(id="t", text=text, published="2024-03-25")
    (without,) = list(rules_only.code([article]))
    (with_typer,) = list(learned.code([article]))
    assert without.events == []
    assert [(e.source.country, e.plover_type) for e in with_typer.events] == [("GHA", "SUPPORT")]
    event = with_typer.events[0]
    example = read_examples()[event.extra["learned"]["example"]]
    assert example.type == "SUPPORT"
    assert event.confidence <= event.extra["learned"]["probability"]


def test_sentences_without_political_interaction_stay_empty() -> None:
    for text in (
        "Brazil's national team beat Argentina 2-0 in Rio de Janeiro on Sunday.",
        "Inflation in Turkey rose to 61 percent in October, the statistics office said.",
        "The president, 63, has led the party since 2011.",
    ):
        assert code_text(text, published="2024-03-25") == [], text


def test_a_users_verbs_dictionary_switches_the_typer_off(tmp_path: Path) -> None:
    verbs = tmp_path / "mine.verbs.txt"
    verbs.write_text("####### VERB PATTERNS #######\n--- PRAISE [051] ---\nPRAISE\n", encoding="utf-8")
    assert Pipeline(dictionaries=[verbs], learned=True).typer is None
    assert Pipeline(learned=True).typer is not None
    assert Pipeline().typer is None  # off by default: see README, Accuracy
