"""PETRARCH2's published figures on the same gold, read at run time from `petrarch2-baseline/`.

The score files come in two layouts (`exact`/`crashed` in the older ones, `exact_match` and
`records_where_coder_raised` in the newer), and only some name their gold file; a score file is taken
for a report when its expectation field, its gold file name (if it gives one) and its record count
agree with the report's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.evaluate.gold import PETRARCH, PETRARCH_FIELD
from newsevents.evaluate.report import EvalReport

BASELINE_FOLDER = "petrarch2-baseline"
COLUMNS = ("exact", "triple P", "triple R", "triple F1", "code F1", "root F1")


@dataclass
class PeerScores:
    """PETRARCH2's overall figures from one score file."""

    path: Path
    records: int
    exact_rate: float
    triple: dict[str, float]
    code: dict[str, float]
    root: dict[str, float]
    crashed: int | None = None
    names_gold: bool = False

    def to_dict(self) -> dict[str, Any]:
        """For a JSON report beside ours: where the figures come from and the figures themselves."""
        return {
            "score_file": str(self.path),
            "records": self.records,
            "crashed": self.crashed,
            "exact_rate": self.exact_rate,
            "triple": self.triple,
            "code": self.code,
            "root": self.root,
        }

    def row(self) -> tuple[float, ...]:
        return (
            self.exact_rate,
            self.triple["precision"],
            self.triple["recall"],
            self.triple["f1"],
            self.code["f1"],
            self.root["f1"],
        )


def report_row(report: EvalReport) -> tuple[float, ...]:
    scores = report.overall
    exact = scores.ratios.get("exact")
    triple, code, root = (scores.counts[key] for key in ("triple", "code", "root"))
    return (
        (exact.rate or 0.0) if exact else 0.0,
        triple.precision,
        triple.recall,
        triple.f1,
        code.f1,
        root.f1,
    )


def find_peer_scores(report: EvalReport, baseline_dir: Path | None = None) -> PeerScores | None:
    """PETRARCH2's score file for this report's gold and expectations, if there is one."""
    if report.format != PETRARCH or not report.text_file:
        return None
    folder = baseline_dir or Path(report.text_file).parent / BASELINE_FOLDER
    found = [peer for path in sorted(folder.glob("score-*.json")) if (peer := _matching(path, report))]
    # a file that names its gold is surer than one matched on the record count alone
    found.sort(key=lambda peer: not peer.names_gold)
    return found[0] if found else None


def _matching(path: Path, report: EvalReport) -> PeerScores | None:
    data = _read_json(path)
    overall = data.get("overall") if data else None
    if not isinstance(data, dict) or not isinstance(overall, dict):
        return None
    gold_name = Path(str(data["gold"])).name if data.get("gold") else None
    if data.get("expected_field", PETRARCH_FIELD) != report.expected_field:
        return None
    if gold_name is not None and gold_name != Path(str(report.text_file)).name:
        return None
    if overall.get("records") != report.records_in_file:
        return None
    return _peer_from(path, data, overall, names_gold=gold_name is not None)


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # an unreadable score file is no peer; the comparison is a courtesy, not a check


def _peer_from(
    path: Path, data: dict[str, Any], overall: dict[str, Any], *, names_gold: bool
) -> PeerScores | None:
    exact_rate = overall.get("exact_match_rate", overall.get("exact_rate"))
    crashed = overall.get("crashed", data.get("records_where_coder_raised"))
    if exact_rate is None or not all(isinstance(overall.get(k), dict) for k in ("triple", "code", "root")):
        return None
    return PeerScores(
        path=path,
        records=int(overall["records"]),
        exact_rate=float(exact_rate),
        triple=overall["triple"],
        code=overall["code"],
        root=overall["root"],
        crashed=crashed,
        names_gold=names_gold,
    )


def peer_comparison(report: EvalReport, baseline_dir: Path | None = None) -> str | None:
    """A small plain table: PETRARCH2's published figures above ours, or None when there are none."""
    peer = find_peer_scores(report, baseline_dir)
    if peer is None:
        return None
    crashed = f", it raised on {peer.crashed}" if peer.crashed else ""
    lines = [
        f"compared with PETRARCH2 ({peer.path.parent.name}/{peer.path.name}: {peer.records} records{crashed})"
    ]
    lines.append(f"{'':<12}{'records':>8}" + "".join(f"{c:>11}" for c in COLUMNS))
    for name, records, row in (
        ("PETRARCH2", peer.records, peer.row()),
        ("newsevents", report.records, report_row(report)),
    ):
        lines.append(f"{name:<12}{records:>8}" + "".join(f"{value:>11.3f}" for value in row))
    if report.records != peer.records:
        lines.append(f"(newsevents scored on {report.records} of the {peer.records} records: not comparable)")
    return "\n".join(lines)
