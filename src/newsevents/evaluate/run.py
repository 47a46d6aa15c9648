"""Running a coder over a gold file and scoring every record."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents.evaluate import behaviour, examples, petrarch, plover
from newsevents.evaluate.gold import BEHAVIOUR, EXAMPLES, PETRARCH, PLOVER, GoldRecord, load_gold
from newsevents.evaluate.report import EvalReport, Failure, Measure, RecordScore
from newsevents.model import Event

Coder = Callable[[str, str | None], list[Event]]


@dataclass(frozen=True)
class Scorer:
    measures: tuple[Measure, ...]
    ratio_measures: tuple[Measure, ...]
    score: Callable[[GoldRecord, Sequence[Event]], RecordScore]


SCORERS = {
    PETRARCH: Scorer(petrarch.MEASURES, petrarch.RATIO_MEASURES, petrarch.score),
    PLOVER: Scorer(plover.MEASURES, plover.RATIO_MEASURES, plover.score),
    BEHAVIOUR: Scorer(behaviour.MEASURES, behaviour.RATIO_MEASURES, behaviour.score),
    EXAMPLES: Scorer(examples.MEASURES, examples.RATIO_MEASURES, examples.score),
}


def evaluate(
    gold_path: Path,
    code: Coder,
    *,
    limit: int | None = None,
    expect: str | None = None,
    published: str | None = None,
) -> EvalReport:
    """Score `code(text, published)` on every scorable record of a gold file (or folder).

    `limit` scores only the first records; `expect="ud"` scores the PETRARCH2 unit tests against the
    UD-PETRARCH re-coding (the default when given the `-ud` sidecar; `expect="gold"` undoes that);
    `published` is the date for records that carry none (the worked examples).
    Raises GoldFormatError when the file cannot be scored at all; bad lines are collected in
    `report.errors` and skipped.
    """
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    gold = load_gold(Path(gold_path), expect=expect)
    scorer = SCORERS[gold.format]
    report = EvalReport(
        gold=str(gold_path),
        format=gold.format,
        measures=scorer.measures,
        ratio_measures=scorer.ratio_measures,
        expected_field=gold.expected_field,
        text_file=str(gold.text_file) if gold.text_file else None,
        records_in_file=len(gold.records),
        errors=list(gold.errors),
    )
    for record in gold.records if limit is None else gold.records[:limit]:
        _score_record(report, scorer, record, code, record.published or published)
    return report


def _score_record(
    report: EvalReport, scorer: Scorer, record: GoldRecord, code: Coder, published: str | None
) -> None:
    started = time.perf_counter()
    events, problem = _run_coder(code, record.text, published)
    report.seconds += time.perf_counter() - started
    score = scorer.score(record, events)
    if problem:
        report.coder_errors += 1
        score.failed = True
        score.reason = f"coder raised {problem}; {score.reason}".rstrip("; ")
    report.add(score, record.category, record.split)
    if score.failed:
        report.failures.append(
            Failure(record.id, record.text, score.expected, score.predicted, score.reason, record.category)
        )


def _run_coder(code: Coder, text: str, published: str | None) -> tuple[list[Event], str | None]:
    """The coder's events, or none and the reason when it raised.

    One record that crashes the coder must not end the run: PETRARCH2's figures count such records
    as coded with no events, and so do ours.
    """
    try:
        return list(code(text, published)), None
    except Exception as error:
        return [], f"{type(error).__name__}: {error}"
