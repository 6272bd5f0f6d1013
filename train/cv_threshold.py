"""Choose the cue classifier's acceptance threshold by two-fold cross-validation on the
train part of PolNeAR dev (the held-out third is never read).

The shipped classifier is trained on the whole train part, so its scores on that part
are over-confident and a threshold tuned there would be too. Here the train documents are
split in two folds by id hash; a classifier (and boundary ranker) trained on one fold
reads the other with each threshold, and the end-to-end F1 of the two folds is pooled.
For a calibrated classifier the F1-optimal threshold is about half the F1 it reaches
(Lipton, Elkan and Naryanaswamy 2014, "Thresholding classifiers to maximize F1"), so the
grid runs well below 0.5.

    python train/cv_threshold.py [--thresholds 0.3,0.35,0.4,0.45,0.5] [--scope all|speech]
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from polnear_docs import load_docs, load_gold, split_of  # noqa: E402
from train_cues import HYPERPARAMETERS, boundary_groups, build, train, train_boundary  # noqa: E402

from claimgraph.article import article_from_doc  # noqa: E402
from claimgraph.eval.quotes import score  # noqa: E402
from claimgraph.model import ArticleInput  # noqa: E402
from claimgraph.pipeline import COMPONENTS  # noqa: E402


def fold_of(doc_id: str) -> int:
    """Two folds of the train part, by a hash independent of :func:`split_of`'s."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2


def fold_model(gold, docs, fold: int) -> dict:
    """Classifier and boundary ranker trained on the train documents outside ``fold``."""
    keep = [i for i, g in enumerate(gold) if split_of(g["id"]) == "train" and fold_of(g["id"]) != fold]
    sub_gold, sub_docs = [gold[i] for i in keep], [docs[i] for i in keep]
    rows, _ = build(sub_gold, sub_docs)
    weights, dense = train(rows, **HYPERPARAMETERS["classifier"])
    boundary = train_boundary(boundary_groups(sub_gold, sub_docs), **HYPERPARAMETERS["boundary"])
    import numpy as np
    return {"weights": weights, "dense": np.asarray(dense, dtype=np.float32), "boundary": boundary}


def read_fold(gold, fold: int, model: dict, threshold: float, scope: str):
    """Predicted records for the train documents in ``fold``, read with ``model``."""
    nlp, docs = load_docs(gold)  # fresh docs: the steps write into them
    comps = []
    for name in ("claimgraph_entities", "claimgraph_quotes", "claimgraph_sources"):
        importlib.import_module(COMPONENTS[name])
        comps.append(nlp.add_pipe(name, config={"scope": scope} if name == "claimgraph_quotes" else {}))
    comps[1].model = model
    comps[1].threshold = threshold
    golds, preds = [], []
    for g, doc in zip(gold, docs):
        if split_of(g["id"]) != "train" or fold_of(g["id"]) != fold:
            continue
        for c in comps:
            doc = c(doc)
        preds.append(article_from_doc(doc, ArticleInput(id=g["id"], text=g["text"])).to_record())
        golds.append(g)
    return golds, preds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--thresholds", default="0.3,0.35,0.4,0.45,0.5")
    ap.add_argument("--scope", default="all,speech")
    args = ap.parse_args()
    gold = load_gold()
    nlp, docs = load_docs(gold)
    import claimgraph.entities.clusterer  # noqa: F401
    ents = nlp.add_pipe("claimgraph_entities")
    docs = [ents(d) for d in docs]
    models = {f: fold_model(gold, docs, f) for f in (0, 1)}
    for scope in args.scope.split(","):
        for t in (float(x) for x in args.thresholds.split(",")):
            golds, preds = [], []
            for f in (0, 1):
                g, p = read_fold(gold, f, models[f], t, scope)
                golds += g
                preds += p
            both = score(golds, preds)["both"]
            print(f"scope={scope} threshold={t:.2f} " + "  ".join(f"{k}={v}" for k, v in both.items()), flush=True)


if __name__ == "__main__":
    main()
