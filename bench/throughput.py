"""Throughput of the whole pipeline against bare spaCy parsing of the same texts, in one process.

    .venv/bin/python bench/throughput.py [ARTICLES.jsonl] [--limit N] [--learned]

Prints words per second for both and the ratio (pipeline time / parse time): how much the cleaning,
actor, coding and place stages add on top of the parse they cannot avoid. Peak memory is the process's.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from newsevents import get_pipeline
from newsevents.model import Article
from newsevents.pipeline import RunReport

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "articles.jsonl"


def read_articles(path: Path, limit: int) -> list[Article]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line, _ in zip(handle, range(limit), strict=False)]
    return [Article(text=r["text"], id=r.get("id", ""), published=r.get("published")) for r in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--learned", action="store_true", help="with the learned event typer")
    options = parser.parse_args()
    path = options.articles if options.articles.exists() else REPO / "examples" / "samples.jsonl"
    articles = read_articles(path, options.limit)
    words = sum(len(a.text.split()) for a in articles)
    pipe = get_pipeline(learned=options.learned)
    list(pipe.code(articles[:2]))  # warm up: knowledge bases, gazetteer shards, spaCy caches

    start = time.perf_counter()
    for _ in pipe.nlp.pipe((a.text for a in articles), batch_size=16):
        pass
    parse = time.perf_counter() - start

    report = RunReport()
    start = time.perf_counter()
    events = sum(len(item.events) for item in pipe.code(articles, report))
    full = time.perf_counter() - start

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(articles)} articles, {words} words, {events} events, {len(report.errors)} errors")
    print(f"bare spaCy parse : {parse:7.2f} s  {words / parse:8.0f} words/s")
    print(f"whole pipeline   : {full:7.2f} s  {words / full:8.0f} words/s")
    print(f"ratio pipeline/parse: {full / parse:.2f}   peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
