"""Cost of the entity layer in the reader, on the VOA articles (a benchmark, not a test).

Usage: python bench/bench_entities.py [ARTICLES.jsonl] [--repeat N]

1. ``nlp.pipe`` (batch 32) of spaCy + the sentence step, with and without the entity
   component (best of N runs each, interleaved so background load hits both alike);
2. on the same parsed docs, the claimgraph steps after the parser with and without the
   entity component: its own time plus what the quote and source steps spend on its
   entities. The overhead is reported against the whole reader's time.
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claimgraph.ingest.text import normalise
from claimgraph.pipeline import DEFAULT_COMPONENTS, build_nlp

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa" / "articles.jsonl"


def pipe_time(nlp, texts, disable=()) -> float:
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, disable=list(disable)):
        pass
    return time.perf_counter() - t


def steps_time(nlp, docs, names) -> float:
    t = time.perf_counter()
    for doc in docs:
        doc._.cg_entities = None
        for name in names:
            nlp.get_pipe(name)(doc)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [normalise(json.loads(line)["text"]) for line in open(args.path, encoding="utf-8")
             if line.strip()]
    nlp = build_nlp(DEFAULT_COMPONENTS)
    steps = [n for n in nlp.pipe_names if n.startswith("claimgraph_") and n != "claimgraph_sentences"]
    spacy_only = steps
    bare, with_ent = [], []
    for _ in range(args.repeat):
        bare.append(pipe_time(nlp, texts, disable=spacy_only))
        with_ent.append(pipe_time(nlp, texts, disable=[s for s in steps if s != "claimgraph_entities"]))
    docs = list(nlp.pipe(texts, batch_size=32, disable=steps))
    rest = [s for s in steps if s != "claimgraph_entities"]
    no_ent, all_steps = [], []
    for _ in range(args.repeat):
        no_ent.append(steps_time(nlp, docs, rest))
        all_steps.append(steps_time(nlp, docs, steps))
    base, ent = min(bare), min(with_ent)
    s0, s1 = min(no_ent), min(all_steps)
    reader = base + s1
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words; best of {args.repeat}")
    print(f"spaCy + sentences (nlp.pipe, batch 32)      {base:8.3f} s")
    print(f"  + entity component                        {ent:8.3f} s   (+{100 * (ent - base) / base:.1f}%)")
    print(f"claimgraph steps after the parser, no entities {s0:8.3f} s")
    print(f"claimgraph steps after the parser, all          {s1:8.3f} s")
    print(f"reader (spaCy + all steps)                  {reader:8.3f} s")
    print(f"entity layer's share of the reader: {s1 - s0:.3f} s = "
          f"{100 * (s1 - s0) / (reader - (s1 - s0)):.1f}% added to the reader without it")


if __name__ == "__main__":
    main()
