"""Fast iteration: run the claimgraph components over cached PolNeAR parses and score.

    python train/dev_eval.py [--split train|heldout|all] [--entities full|stub]

``--entities stub`` swaps the entity layer for the one the reader had before the
entities issue (``stub_entities.py``), the same quote code on top: the ablation behind
the speaker-accuracy figure of that issue.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from polnear_docs import load_docs, load_gold, split_of, write_jsonl  # noqa: E402

from claimgraph.article import article_from_doc  # noqa: E402
from claimgraph.eval.quotes import score  # noqa: E402
from claimgraph.model import ArticleInput  # noqa: E402
from claimgraph.pipeline import COMPONENTS  # noqa: E402


def evaluate(split: str = "heldout", scope: str = "all", entities: str = "full", gold=None, loaded=None,
             keep=None, cue_model=None, threshold=None):
    """Run the entity, quote and source steps over the cached parses of ``split`` (or of the
    gold records ``keep`` accepts) and score them against PolNeAR: (scores by section,
    predicted records). ``cue_model`` and ``threshold`` replace the quote step's own."""
    import importlib
    gold = load_gold() if gold is None else gold
    nlp, docs = load_docs(gold) if loaded is None else loaded
    comps = []
    for name in ("claimgraph_entities", "claimgraph_quotes", "claimgraph_sources"):
        if name == "claimgraph_entities" and entities == "stub":
            import stub_entities  # noqa: F401 - registers the factory
            comps.append(nlp.add_pipe("stub_entities"))
            continue
        importlib.import_module(COMPONENTS[name])
        comps.append(nlp.add_pipe(name, config={"scope": scope} if name == "claimgraph_quotes" else {}))
    quotes = nlp.get_pipe("claimgraph_quotes")
    if cue_model is not None:
        quotes.model = cue_model
    if threshold is not None:
        quotes.threshold = threshold
    if keep is None:
        keep = lambda g: split == "all" or split_of(g["id"]) == split  # noqa: E731
    from claimgraph.quotes import confidence
    observer = confidence.OBSERVER
    if observer is None:
        # scores do not read confidences, and the shipped table only fits the shipped cue
        # model: a cue model being trained is scored without one (refit with fit_confidence)
        confidence.OBSERVER = lambda *_: None
    preds, golds = [], []
    try:
        for g, doc in zip(gold, docs):
            if not keep(g):
                continue
            for c in comps:
                doc = c(doc)
            preds.append(article_from_doc(doc, ArticleInput(id=g["id"], text=g["text"])).to_record())
            golds.append(g)
    finally:
        confidence.OBSERVER = observer
    return score(golds, preds), preds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="heldout")
    ap.add_argument("--dump")
    ap.add_argument("--entities", choices=("full", "stub"), default="full")
    ap.add_argument("--scope", choices=("all", "speech"), default="all",
                    help="PolNeAR counts beliefs and attitudes as attributions: 'all' by default")
    args = ap.parse_args()
    res, preds = evaluate(args.split, args.scope, args.entities)
    for sec, m in res.items():
        print(f"{sec:13s} " + "  ".join(f"{k}={v}" for k, v in m.items()))
    if args.dump:
        write_jsonl(args.dump, preds)


if __name__ == "__main__":
    main()
