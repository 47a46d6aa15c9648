"""Scoring the coder against gold files: `newsevents eval GOLD.jsonl`.

`evaluate(gold_path, code)` runs `code(text, published)` over the file's scorable records and returns
an `EvalReport` (`format_table()`, `to_dict()`, `failures`); `peer_comparison(report)` sets it beside
PETRARCH2's published figures where the shared data has them.
"""

from newsevents.evaluate.gold import GoldFormatError, GoldRecord, GoldSet, detect_format, load_gold
from newsevents.evaluate.peer import PeerScores, find_peer_scores, peer_comparison
from newsevents.evaluate.report import Counts, EvalReport, Failure, Measure, Ratio, Scores
from newsevents.evaluate.run import Coder, evaluate

__all__ = [
    "Coder",
    "Counts",
    "EvalReport",
    "Failure",
    "GoldFormatError",
    "GoldRecord",
    "GoldSet",
    "Measure",
    "PeerScores",
    "Ratio",
    "Scores",
    "detect_format",
    "evaluate",
    "find_peer_scores",
    "load_gold",
    "peer_comparison",
]
