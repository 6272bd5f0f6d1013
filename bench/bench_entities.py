"""Cost of the entity layer: nlp.pipe (batch 32) on VOA articles with and without it.

Usage: python bench/bench_entities.py [ARTICLES.jsonl] [--repeat N]
Reports the best of N runs for each pipeline and the entity component's own time.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claimgraph.ingest.text import normalise
from claimgraph.pipeline import DEFAULT_COMPONENTS, build_nlp

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa" / "articles.jsonl"


def run(nlp, texts) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [normalise(json.loads(line)["text"]) for line in open(args.path, encoding="utf-8")
             if line.strip()]
    without = tuple(c for c in DEFAULT_COMPONENTS if c != "claimgraph_entities")
    pipelines = {
        "spacy+sentences": build_nlp(("claimgraph_sentences",)),
        "spacy+sentences+entities": build_nlp(("claimgraph_sentences", "claimgraph_entities")),
        "reader without entities": build_nlp(without),
        "reader": build_nlp(DEFAULT_COMPONENTS),
    }
    best = {name: min(run(nlp, texts) for _ in range(args.repeat)) for name, nlp in pipelines.items()}
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words")
    for name, sec in best.items():
        print(f"{name:<28}{sec:8.3f} s")
    base, ent = best["spacy+sentences"], best["spacy+sentences+entities"]
    print(f"entity layer over spaCy: +{100 * (ent - base) / base:.1f}%")
    r0, r1 = best["reader without entities"], best["reader"]
    print(f"entity layer in the reader: +{100 * (r1 - r0) / r0:.1f}%")
    nlp = pipelines["spacy+sentences+entities"]
    docs = list(nlp.pipe(texts, batch_size=32, disable=["claimgraph_entities"]))
    comp = nlp.get_pipe("claimgraph_entities")
    t = time.perf_counter()
    for doc in docs:
        comp(doc)
    own = time.perf_counter() - t
    print(f"entity component alone: {own:.3f} s ({1000 * own / len(docs):.2f} ms/article, "
          f"{100 * own / base:.1f}% of spaCy+sentences)")


if __name__ == "__main__":
    main()
