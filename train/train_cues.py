"""Train the cue classifier of :mod:`claimgraph.quotes.cues` on PolNeAR dev (train part).

Candidates come from :func:`generate_candidates`; a candidate is positive when its
content matches a gold attribution's content under the project metric (shared
characters ≥ half of both spans). Logistic regression, L2, full-batch gradient
descent in numpy; the weights go to ``src/claimgraph/data/cue_model.json``.

    python train/train_cues.py            # trains on the 'train' part, reports on 'heldout'
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from polnear_docs import load_docs, load_gold, split_of  # noqa: E402

from claimgraph.quotes.candidates import boundary_choices, generate_candidates  # noqa: E402
from claimgraph.quotes.cues import DENSE_WIDTH, boundary_features, dense_features, featurise  # noqa: E402
from claimgraph.quotes.finder import quoted_token_set  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "data" / "cue_model.json"


def matches(a, b) -> bool:
    o = min(a[1], b[1]) - max(a[0], b[0])
    return o > 0 and o >= 0.5 * (a[1] - a[0]) and o >= 0.5 * (b[1] - b[0])


def build(gold, docs):
    rows = []
    reach = Counter()
    for g, doc in zip(gold, docs):
        items = [q["content"] for q in g["quotes"] + g["attributions"]]
        quoted = quoted_token_set(doc)
        hit = set()
        for cand in generate_candidates(doc):
            s = doc[cand.content_start].idx
            e = doc[cand.content_end - 1].idx + len(doc[cand.content_end - 1].text)
            label = 0
            for k, gspan in enumerate(items):
                if matches(gspan, (s, e)):
                    label = 1
                    hit.add(k)
            dense = dense_features(cand)
            if dense is None:
                dense = np.zeros(3 * DENSE_WIDTH, dtype=np.float32)
            rows.append((split_of(g["id"]), featurise(cand, quoted), label, dense))
        reach["gold"] += len(items)
        reach["reached"] += len(hit)
    return rows, reach


def boundary_groups(gold, docs):
    """For every candidate whose content matches a gold relation under some boundary:
    the features of each boundary choice and the index of the best-fitting one."""
    groups = []
    for g, doc in zip(gold, docs):
        if split_of(g["id"]) != "train":
            continue
        items = [q["content"] for q in g["quotes"] + g["attributions"]]
        for cand in generate_candidates(doc):
            variants = boundary_choices(doc, cand)
            if len(variants) < 2:
                continue
            s = doc[cand.content_start].idx
            fits = []
            for end, _ in variants:
                e = doc[end - 1].idx + len(doc[end - 1].text)
                fit = 0.0
                for gspan in items:
                    if matches(gspan, (s, e)):
                        o = min(gspan[1], e) - max(gspan[0], s)
                        fit = max(fit, o / max(gspan[1] - gspan[0], e - s))
                fits.append(fit)
            if max(fits) == 0:
                continue
            feats = [boundary_features(doc, cand, end, d) for end, d in variants]
            groups.append((feats, int(np.argmax(fits))))
    return groups


def train_boundary(groups, epochs=30, lr=0.1, l2=1e-4):
    """Softmax ranking over a content's boundary choices (AdaGrad)."""
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    for _ in range(epochs):
        for feats, target in groups:
            scores = np.array([sum(w.get(f, 0.0) for f in fs) for fs in feats])
            p = np.exp(scores - scores.max())
            p /= p.sum()
            grad: dict[str, float] = {}
            for k, fs in enumerate(feats):
                coef = p[k] - (1.0 if k == target else 0.0)
                for f in fs:
                    grad[f] = grad.get(f, 0.0) + coef
            for f, gval in grad.items():
                gval += l2 * w.get(f, 0.0)
                g2[f] = g2.get(f, 1e-8) + gval * gval
                w[f] = w.get(f, 0.0) - lr * gval / np.sqrt(g2[f])
    return {f: round(v, 5) for f, v in w.items() if abs(v) > 1e-4}


def train(rows, epochs=600, l2=5e-4, lr=0.05, dense_l2=1e-3):
    vocab = Counter(f for _, feats, _, _ in rows for f in feats)
    index = {f: i for i, f in enumerate(f for f, c in vocab.items() if c >= 2)}
    feats_idx = [np.array([index[f] for f in feats if f in index], dtype=np.int64) for _, feats, _, _ in rows]
    y = np.array([lab for _, _, lab, _ in rows], dtype=np.float64)
    X = np.stack([d for _, _, _, d in rows]).astype(np.float64)
    mu, sd = X.mean(axis=0), X.std(axis=0) + 1e-6
    X = (X - mu) / sd  # standardised for training; folded back into the weights below
    wd = np.zeros(X.shape[1])
    gd2 = np.zeros(X.shape[1]) + 1e-8
    lens = np.array([len(ix) for ix in feats_idx])
    flat = np.concatenate(feats_idx)
    row_of = np.repeat(np.arange(len(rows)), lens)
    w = np.zeros(len(index))
    g2 = np.zeros(len(index)) + 1e-8
    for _ in range(epochs):
        z = np.bincount(row_of, weights=w[flat], minlength=len(rows)) + X @ wd
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        grad = np.bincount(flat, weights=(p - y)[row_of], minlength=len(index)) / len(rows) + l2 * w
        g2 += grad ** 2
        w -= lr * grad / np.sqrt(g2)  # AdaGrad
        gradd = X.T @ (p - y) / len(rows) + dense_l2 * wd
        gd2 += gradd ** 2
        wd -= lr * gradd / np.sqrt(gd2)
    weights = {f: round(float(w[i]), 5) for f, i in index.items() if abs(w[i]) > 1e-4}
    folded = wd / sd
    weights["bias"] = round(weights.get("bias", 0.0) - float(mu @ folded), 5)
    return weights, [round(float(v), 6) for v in folded]


def main():
    gold = load_gold()
    nlp, docs = load_docs(gold)
    import claimgraph.entities.clusterer  # noqa: F401 - the classifier reads what the entity step found
    entities = nlp.add_pipe("claimgraph_entities")
    docs = [entities(doc) for doc in docs]
    rows, reach = build(gold, docs)
    print(f"candidates: {len(rows)}, positives: {sum(r[2] for r in rows)}, "
          f"gold reached by some candidate: {reach['reached']}/{reach['gold']}")
    train_rows = [r for r in rows if r[0] == "train"]
    weights, dense = train(train_rows)
    groups = boundary_groups(gold, docs)
    boundary = train_boundary(groups)
    changed = sum(t != 0 for _, t in groups)
    print(f"boundary ranker: {len(groups)} contents with a choice of end, {changed} best elsewhere")
    OUT.write_text(json.dumps({"about": "cue classifier, logistic regression; see train/train_cues.py",
                               "boundary": boundary,
                               "trained_on": "PolNeAR dev, train part (2/3 of documents by id hash)",
                               "threshold": 0.5, "weights": weights, "dense": dense}, sort_keys=True))
    print(f"wrote {OUT} with {len(weights)} weights")


if __name__ == "__main__":
    main()
