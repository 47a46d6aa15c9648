"""A learned event typer: where no predicate pattern fires, sentence embeddings say which PLOVER type, if any.

The model is a softmax regression over all-MiniLM-L6-v2 vectors (see ``embedding.py``), trained by
``tools/train_event_classifier.py`` on ``knowledge/coding/event_sentences.jsonl``: sentences the project
wrote itself, each with a PLOVER type (or NONE) and a CAMEO code. The CAMEO code of a learned event is
that of the nearest written example of the predicted type, so every learned coding can be traced to a
sentence a person can read. Rules still decide the arguments, the status and the place.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from newsevents.coding.embedding import MODEL_ID, load_encoder

KNOWLEDGE = Path(__file__).resolve().parents[1] / "knowledge" / "coding"
SENTENCES_FILE = KNOWLEDGE / "event_sentences.jsonl"
MODEL_FILE = KNOWLEDGE / "event_classifier.npz"
NONE = "NONE"


@dataclass(frozen=True)
class Example:
    text: str
    type: str
    cameo: str | None
    status: str


@dataclass(frozen=True)
class Prediction:
    """The most likely type of a sentence, its probability, and the code of the nearest example."""

    type: str
    probability: float
    cameo: str | None
    example: int  # line number (0-based) of the nearest example in event_sentences.jsonl


def read_examples(path: Path = SENTENCES_FILE) -> list[Example]:
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            examples.append(
                Example(row["text"], row["type"], row.get("cameo"), row.get("status", "asserted"))
            )
        except (ValueError, KeyError) as bad:
            raise ValueError(f"{path}:{number}: not an example record ({bad})") from bad
    return examples


def examples_digest(path: Path = SENTENCES_FILE) -> str:
    """Ties a trained model to the exact examples it was trained on."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fit_softmax(
    vectors: np.ndarray, labels: np.ndarray, classes: int, *, l2: float = 1e-4, steps: int = 1500
) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression by full-batch gradient descent with Adam; deterministic."""
    n, d = vectors.shape
    weights = np.zeros((d, classes), dtype=np.float64)
    bias = np.zeros(classes, dtype=np.float64)
    onehot = np.eye(classes)[labels]
    moments = [np.zeros_like(weights), np.zeros_like(bias)]
    squares = [np.zeros_like(weights), np.zeros_like(bias)]
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, steps + 1):
        probs = _softmax(vectors @ weights + bias)
        error = (probs - onehot) / n
        grads = [vectors.T @ error + l2 * weights, error.sum(axis=0)]
        for i, (param, grad) in enumerate(zip((weights, bias), grads, strict=True)):
            moments[i] = beta1 * moments[i] + (1 - beta1) * grad
            squares[i] = beta2 * squares[i] + (1 - beta2) * grad**2
            corrected = moments[i] / (1 - beta1**step)
            param -= rate * corrected / (np.sqrt(squares[i] / (1 - beta2**step)) + 1e-8)
    return weights.astype(np.float32), bias.astype(np.float32)


def _softmax(scores: np.ndarray) -> np.ndarray:
    scores = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(scores)
    return exp / exp.sum(axis=1, keepdims=True)


class EventClassifier:
    """Predicts a PLOVER type (or NONE) for sentence vectors."""

    def __init__(
        self,
        labels: list[str],
        weights: np.ndarray,
        bias: np.ndarray,
        example_vectors: np.ndarray,
        examples: list[Example],
    ) -> None:
        self.labels = labels
        self.weights = weights
        self.bias = bias
        self.example_vectors = example_vectors.astype(np.float32)
        self.example_types = np.array([e.type for e in examples])
        self.examples = examples

    def predict(self, vectors: np.ndarray) -> list[Prediction]:
        probs = _softmax(vectors @ self.weights + self.bias)
        similarity = vectors @ self.example_vectors.T
        predictions = []
        for row, sims in zip(probs, similarity, strict=True):
            best = int(row.argmax())
            label = self.labels[best]
            same_type = np.where(self.example_types == label, sims, -np.inf)
            nearest = int(same_type.argmax())
            predictions.append(Prediction(label, float(row[best]), self.examples[nearest].cameo, nearest))
        return predictions


def save_model(path: Path, classifier: EventClassifier, digest: str) -> None:
    np.savez_compressed(
        path,
        labels=np.array(classifier.labels),
        weights=classifier.weights,
        bias=classifier.bias,
        example_vectors=classifier.example_vectors.astype(np.float16),
        examples_sha256=np.array(digest),
        model_id=np.array(MODEL_ID),
    )


def load_model(path: Path = MODEL_FILE, sentences: Path = SENTENCES_FILE) -> EventClassifier:
    with np.load(path) as data:
        if str(data["model_id"]) != MODEL_ID:
            raise ValueError(f"{path} was trained on {data['model_id']}, not {MODEL_ID}: retrain it")
        if str(data["examples_sha256"]) != examples_digest(sentences):
            raise ValueError(
                f"{sentences} changed since {path} was trained: run tools/train_event_classifier.py"
            )
        return EventClassifier(
            [str(label) for label in data["labels"]],
            data["weights"],
            data["bias"],
            data["example_vectors"],
            read_examples(sentences),
        )


def label_index(examples: list[Example]) -> tuple[list[str], np.ndarray]:
    """The sorted labels, and each example's position among them."""
    labels = sorted({e.type for e in examples})
    return labels, np.array([labels.index(e.type) for e in examples])


def train(vectors: np.ndarray, examples: list[Example], **options: float) -> EventClassifier:
    """A classifier over the examples' sentence vectors (one row each, from the shipped encoder)."""
    labels, index = label_index(examples)
    weights, bias = fit_softmax(vectors.astype(np.float64), index, len(labels), **options)  # type: ignore[arg-type]
    return EventClassifier(labels, weights, bias, vectors, examples)


@lru_cache(maxsize=1)
def shipped_classifier() -> EventClassifier:
    return load_model()


def sentence_typer() -> Callable[[list[str]], list[Prediction]]:
    """Sentences in, their predictions out: the shipped model over the shipped encoder."""
    encoder, classifier = load_encoder(), shipped_classifier()

    def predict(texts: list[str]) -> list[Prediction]:
        return classifier.predict(encoder.encode(texts)) if texts else []

    return predict
