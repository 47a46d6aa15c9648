"""Plain-text tables for an evaluation report (no Rich: CI logs and READMEs read them as they are)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsevents.evaluate.report import EvalReport, Failure, Scores

LABEL_WIDTH = 52


def format_report(report: EvalReport, *, categories: bool = False) -> str:
    blocks = [_header(report), _scores_block(report, report.overall, "all records")]
    for name, scores in sorted(report.by_split.items()):
        blocks.append(_scores_block(report, scores, f"split: {name}"))
    if categories and report.by_category:
        blocks.append(_category_block(report))
    if report.errors:
        blocks.append("gold-file problems (records skipped):\n" + "\n".join(f"  {e}" for e in report.errors))
    return "\n\n".join(blocks) + "\n"


def _header(report: EvalReport) -> str:
    field = f", expected field {report.expected_field}" if report.expected_field else ""
    lines = [f"gold: {report.gold} (format {report.format}{field})"]
    speed = f"; {report.records_per_second:,.1f} records/s" if report.records_per_second else ""
    lines.append(
        f"records: {report.records} scored of {report.records_in_file}; "
        f"failed {report.overall.failed}; coder raised on {report.coder_errors}{speed}"
    )
    return "\n".join(lines)


def _scores_block(report: EvalReport, scores: Scores, title: str) -> str:
    lines = [f"{title} ({scores.records} records)"]
    if report.measures:
        lines.append(f"{'measure':<{LABEL_WIDTH}}{'P':>7}{'R':>7}{'F1':>7}{'tp':>7}{'fp':>7}{'fn':>7}")
        for measure in report.measures:
            counts = scores.counts.get(measure.key)
            if counts is None:
                continue
            lines.append(
                f"{measure.label:<{LABEL_WIDTH}}{counts.precision:>7.3f}{counts.recall:>7.3f}"
                f"{counts.f1:>7.3f}{counts.tp:>7}{counts.fp:>7}{counts.fn:>7}"
            )
    if report.ratio_measures:
        lines.append(f"{'rate':<{LABEL_WIDTH}}{'value':>7}{'count / total':>21}")
        for measure in report.ratio_measures:
            ratio = scores.ratios.get(measure.key)
            if ratio is None:
                continue
            value = "-" if ratio.rate is None else f"{ratio.rate:.3f}"
            lines.append(f"{measure.label:<{LABEL_WIDTH}}{value:>7}{f'{ratio.count} / {ratio.total}':>21}")
    return "\n".join(lines)


def _category_block(report: EvalReport) -> str:
    """One line per category: F1 of each P/R/F1 measure, then each rate (keys as column names)."""
    columns = [(m.key, "f1") for m in report.measures] + [(m.key, "rate") for m in report.ratio_measures]
    widths = [max(len(key), 6) + 2 for key, _ in columns]
    name_width = max(len("category"), *(len(name) for name in report.by_category)) + 2
    header = f"{'category':<{name_width}}{'records':>8}{'failed':>8}" + "".join(
        f"{key:>{width}}" for (key, _), width in zip(columns, widths, strict=True)
    )
    lines = ["by category (F1 for P/R/F1 measures, else the rate)", header]
    for name, scores in sorted(report.by_category.items()):
        cells = [_cell(scores, key, kind) for key, kind in columns]
        lines.append(
            f"{name:<{name_width}}{scores.records:>8}{scores.failed:>8}"
            + "".join(f"{cell:>{width}}" for cell, width in zip(cells, widths, strict=True))
        )
    return "\n".join(lines)


def _cell(scores: Scores, key: str, kind: str) -> str:
    if kind == "f1":
        counts = scores.counts.get(key)
        return "-" if counts is None or counts.tp + counts.fp + counts.fn == 0 else f"{counts.f1:.3f}"
    ratio = scores.ratios.get(key)
    return "-" if ratio is None or ratio.rate is None else f"{ratio.rate:.3f}"


def format_failures(failures: Sequence[Failure]) -> str:
    if not failures:
        return "no failed records\n"
    return "\n\n".join(_failure_block(failure) for failure in failures) + "\n"


def _failure_block(failure: Failure) -> str:
    category = f" ({failure.category})" if failure.category else ""
    lines = [f"[{failure.id}]{category} {failure.reason}".rstrip(), f"  text: {failure.text}"]
    lines += _items("expected", failure.expected)
    lines += _items("predicted", failure.predicted)
    return "\n".join(lines)


def _items(title: str, items: Iterable[Any]) -> list[str]:
    rendered = [json.dumps(item, ensure_ascii=False, default=str) for item in items]
    if not rendered:
        return [f"  {title}: none"]
    return [f"  {title}:"] + [f"    {line}" for line in rendered]
