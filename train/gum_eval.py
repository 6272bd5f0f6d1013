"""Fast iteration on entity resolution: cached GUM parses, the entity/quote/source steps, scored.

    python train/gum_eval.py [--split train|dev] [--dump PRED.jsonl] [--per-doc]

``--split train`` (the default) reads ``shared/data/gum-news/train-other-genres.jsonl``:
tune there. ``dev`` is GUM news, for the figure reported at the end (``claimgraph eval``
gives the same numbers, with the whole reader). Parses are cached (DocBin) under a key of
the gold file's bytes, the model and the sources that shape the parse, as for PolNeAR.
Only the entity step and the two steps that add speakers to it (quotes, sources) run.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))
from polnear_docs import SHARED, corpus_docs, write_jsonl  # noqa: E402

from claimgraph.article import article_from_doc  # noqa: E402
from claimgraph.eval.coref import score  # noqa: E402
from claimgraph.model import ArticleInput  # noqa: E402
from claimgraph.pipeline import COMPONENTS  # noqa: E402

FILES = {"train": SHARED / "data" / "gum-news" / "train-other-genres.jsonl",
         "dev": SHARED / "data" / "gum-news" / "dev.jsonl"}


def load_docs(path: Path, gold: list[dict]):
    return corpus_docs("gum", path, gold)


def evaluate(split: str = "train", only: str | None = None):
    path = FILES[split]
    gold = [json.loads(line) for line in path.open()]
    nlp, docs = load_docs(path, gold)
    comps = []
    for name in ("claimgraph_entities", "claimgraph_quotes", "claimgraph_sources"):
        importlib.import_module(COMPONENTS[name])
        comps.append(nlp.add_pipe(name))
    preds, golds = [], []
    for g, doc in zip(gold, docs):
        if only and only not in g["id"]:
            continue
        doc._.cg_published = g.get("date")
        for c in comps:
            doc = c(doc)
        preds.append(article_from_doc(doc, ArticleInput(id=g["id"], text=g["text"])).to_record())
        golds.append(g)
    return score(golds, preds), preds, golds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=sorted(FILES), default="train")
    ap.add_argument("--only", help="documents whose id contains this")
    ap.add_argument("--dump")
    args = ap.parse_args()
    res, preds, _ = evaluate(args.split, args.only)
    for k in ("muc", "b3", "ceafe"):
        m = res[k]
        print(f"{k:6s} P={m['P']:.4f} R={m['R']:.4f} F1={m['F1']:.4f}")
    print(f"CoNLL  {res['conll_f1']:.4f}   whole {res['whole_clusters']['share']:.4f}")
    if args.dump:
        write_jsonl(args.dump, preds)


if __name__ == "__main__":
    main()
