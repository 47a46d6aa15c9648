"""What an evaluation run adds up to: counts per measure, per group, and the records that failed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newsevents.evaluate import table
from newsevents.model import ArticleError


def _safe_div(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass
class Counts:
    """True positives, false positives and false negatives of one measure."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _safe_div(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _safe_div(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _safe_div(2 * self.precision * self.recall, self.precision + self.recall)

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": _rounded(self.precision),
            "recall": _rounded(self.recall),
            "f1": _rounded(self.f1),
        }


@dataclass
class Ratio:
    """How many of a total: records right, records with a false event, findings found."""

    count: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        # None, not 0: a measure with nothing to measure must not read as a failure
        return self.count / self.total if self.total else None

    def add(self, other: Ratio) -> None:
        self.count += other.count
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "total": self.total, "rate": _rounded(self.rate)}


@dataclass(frozen=True)
class Measure:
    """A measure's key in `to_dict()` and its label in the printed table."""

    key: str
    label: str


@dataclass
class RecordScore:
    """One gold record scored: its counts, whether it failed, and what to show if it did."""

    counts: dict[str, Counts] = field(default_factory=dict)
    ratios: dict[str, Ratio] = field(default_factory=dict)
    failed: bool = False
    reason: str = ""
    expected: list[Any] = field(default_factory=list)
    predicted: list[Any] = field(default_factory=list)


@dataclass
class Scores:
    """Counts summed over a group of records (all of them, one category, one split)."""

    records: int = 0
    failed: int = 0
    counts: dict[str, Counts] = field(default_factory=dict)
    ratios: dict[str, Ratio] = field(default_factory=dict)

    def add(self, score: RecordScore) -> None:
        self.records += 1
        self.failed += int(score.failed)
        for key, counts in score.counts.items():
            self.counts.setdefault(key, Counts()).add(counts)
        for key, ratio in score.ratios.items():
            self.ratios.setdefault(key, Ratio()).add(ratio)

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "failed": self.failed,
            "measures": {key: counts.to_dict() for key, counts in self.counts.items()},
            "ratios": {key: ratio.to_dict() for key, ratio in self.ratios.items()},
        }


@dataclass
class Failure:
    """A record the coder got wrong, with enough to see why."""

    id: str
    text: str
    expected: list[Any]
    predicted: list[Any]
    reason: str = ""
    category: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "category": self.category,
            "text": self.text,
            "expected": self.expected,
            "predicted": self.predicted,
            "reason": self.reason,
        }


@dataclass
class EvalReport:
    """The result of `evaluate()`: overall scores, breakdowns, failures and gold-file problems."""

    gold: str
    format: str
    measures: tuple[Measure, ...]
    ratio_measures: tuple[Measure, ...]
    expected_field: str | None = None
    text_file: str | None = None  # the file the texts came from (the main file for the UD sidecar)
    records_in_file: int = 0  # scorable records in the gold file, before any limit
    overall: Scores = field(default_factory=Scores)
    by_category: dict[str, Scores] = field(default_factory=dict)
    by_split: dict[str, Scores] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    errors: list[ArticleError] = field(default_factory=list)
    coder_errors: int = 0  # records where the coder raised: scored as no events
    seconds: float = 0.0  # time spent inside the coder

    @property
    def records(self) -> int:
        return self.overall.records

    @property
    def records_per_second(self) -> float | None:
        return self.records / self.seconds if self.seconds > 0 else None

    def add(self, score: RecordScore, category: str | None, split: str | None) -> None:
        self.overall.add(score)
        if category is not None:
            self.by_category.setdefault(category, Scores()).add(score)
        if split is not None:
            self.by_split.setdefault(split, Scores()).add(score)

    def to_dict(self, *, failures: bool = False) -> dict[str, Any]:
        """A JSON-able summary; failed records in full only when asked (they carry gold text)."""
        record: dict[str, Any] = {
            "gold": self.gold,
            "format": self.format,
            "expected_field": self.expected_field,
            "text_file": self.text_file,
            "records": self.records,
            "records_in_file": self.records_in_file,
            "coder_errors": self.coder_errors,
            "seconds": round(self.seconds, 3),
            "records_per_second": _rounded(self.records_per_second),
            "overall": self.overall.to_dict(),
            "by_split": {name: scores.to_dict() for name, scores in sorted(self.by_split.items())},
            "by_category": {name: scores.to_dict() for name, scores in sorted(self.by_category.items())},
            "failed_ids": [failure.id for failure in self.failures],
            "gold_errors": [str(error) for error in self.errors],
        }
        if failures:
            record["failures"] = [failure.to_dict() for failure in self.failures]
        return record

    def format_table(self, *, categories: bool = False) -> str:
        """Plain text: P/R/F1 and counts per measure, rates with their counts; splits apart."""
        return table.format_report(self, categories=categories)

    def format_failures(self, limit: int | None = None) -> str:
        """The first `limit` failed records (all when None): id, text, expected, predicted."""
        return table.format_failures(self.failures if limit is None else self.failures[:limit])
