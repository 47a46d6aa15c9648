"""Train the learned event typer on the project's own example sentences and ship it in the package.

    .venv/bin/python tools/train_event_classifier.py [--folds 5]

Reads ``knowledge/coding/event_sentences.jsonl`` (written by the project; never gold data of others),
prints cross-validated accuracy per type, then trains on every example and writes
``knowledge/coding/event_classifier.npz`` with the examples' sha256, so a stale model fails to load.
"""

from __future__ import annotations

import argparse
from collections import Counter

import numpy as np

from newsevents.coding.classifier import (
    MODEL_FILE,
    SENTENCES_FILE,
    examples_digest,
    fit_softmax,
    label_index,
    read_examples,
    save_model,
    train,
)
from newsevents.coding.embedding import load_encoder


def cross_validate(vectors: np.ndarray, labels: list[str], index: np.ndarray, folds: int) -> None:
    rng = np.random.default_rng(20261125)
    fold_of = rng.permutation(len(index)) % folds
    predicted = np.empty_like(index)
    for fold in range(folds):
        test = fold_of == fold
        weights, bias = fit_softmax(vectors[~test], index[~test], len(labels))
        predicted[test] = (vectors[test] @ weights + bias).argmax(axis=1)
    print(f"{folds}-fold accuracy {np.mean(predicted == index):.3f} over {len(index)} examples")
    for i, label in enumerate(labels):
        gold, said = index == i, predicted == i
        recall = np.mean(predicted[gold] == i) if gold.any() else 0.0
        precision = np.mean(index[said] == i) if said.any() else 0.0
        confused = Counter(labels[p] for p in predicted[gold] if p != i).most_common(2)
        print(f"  {label:10} n={gold.sum():4}  P {precision:.2f}  R {recall:.2f}  confused with {confused}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    options = parser.parse_args()
    examples = read_examples(SENTENCES_FILE)
    vectors = load_encoder().encode([e.text for e in examples]).astype(np.float64)
    if options.folds > 1:
        cross_validate(vectors, *label_index(examples), options.folds)
    save_model(MODEL_FILE, train(vectors, examples), examples_digest(SENTENCES_FILE))
    print(f"wrote {MODEL_FILE} ({MODEL_FILE.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
