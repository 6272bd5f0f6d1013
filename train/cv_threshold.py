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
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from polnear_docs import load_docs, load_gold, split_of  # noqa: E402
from dev_eval import evaluate  # noqa: E402
from train_cues import HYPERPARAMETERS, boundary_groups, build, train, train_boundary  # noqa: E402

from claimgraph.eval.quotes import score  # noqa: E402


def fold_of(doc_id: str) -> int:
    """Two folds of the train part, by a hash independent of :func:`split_of`'s."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 2


def in_fold(fold: int):
    """Accepts the train documents of ``fold``."""
    return lambda g: split_of(g["id"]) == "train" and fold_of(g["id"]) == fold


def fold_model(gold, docs, fold: int) -> dict:
    """Classifier and boundary ranker trained on the train documents outside ``fold``."""
    keep = [i for i, g in enumerate(gold) if in_fold(1 - fold)(g)]
    sub_gold, sub_docs = [gold[i] for i in keep], [docs[i] for i in keep]
    rows, _ = build(sub_gold, sub_docs)
    weights, dense = train(rows, **HYPERPARAMETERS["classifier"])
    boundary = train_boundary(boundary_groups(sub_gold, sub_docs), **HYPERPARAMETERS["boundary"])
    import numpy as np
    return {"weights": weights, "dense": np.asarray(dense, dtype=np.float32), "boundary": boundary}


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
                # fresh docs for each run: the steps write into them
                preds += evaluate(scope=scope, gold=gold, keep=in_fold(f), cue_model=models[f], threshold=t)[1]
                golds += [g for g in gold if in_fold(f)(g)]
            both = score(golds, preds)["both"]
            print(f"scope={scope} threshold={t:.2f} " + "  ".join(f"{k}={v}" for k, v in both.items()), flush=True)


if __name__ == "__main__":
    main()
