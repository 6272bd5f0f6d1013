"""Train the cue classifier of :mod:`claimgraph.quotes.cues` on PolNeAR dev (train part).

Candidates come from :func:`generate_candidates`; a candidate is positive when its
content matches a gold attribution's content under the project metric (shared
characters ≥ half of both spans), and, with less weight, when it is a gold cue whose
content only one of the boundary ranker's ends matches (:func:`label_of`). Logistic
regression, L2, full-batch gradient descent in numpy; the weights go to
``src/claimgraph/data/cue_model.json`` with a ``meta`` block (``model_meta.py``: commit,
data hashes, library versions, the hyper-parameters below, the feature-template hash and
the held-out scores, measured on the file as written).

    python train/train_cues.py                 # trains on the 'train' part, scores 'heldout'
    python train/train_cues.py --out FILE      # writes FILE instead of the shipped model
    python train/train_cues.py --no-heldout    # while tuning: the held-out part is not read
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from model_meta import MODEL_FILE, build_meta, code_state, score_and_write, write_model  # noqa: E402
from polnear_docs import load_docs, load_gold, split_of  # noqa: E402

from claimgraph.quotes.candidates import boundary_choices, generate_candidates  # noqa: E402
from claimgraph.quotes.cues import DENSE_WIDTH, boundary_features, dense_features, featurise  # noqa: E402
from claimgraph.quotes.finder import quoted_token_set  # noqa: E402

#: Training weight of a gold cue whose content only a choice of end mends (:func:`label_of`):
#: its label says the word is a cue, less surely than a candidate right as generated.
REACHED_WEIGHT = 0.5

# dense_l2: the 288 context-vector weights learn the training documents' contexts by heart;
# two-fold CV (train/cv_threshold.py, threshold 0.4, scope all) rises from 0.667 at 1e-3 to
# 0.670 at 1e-2 and 3e-2 and falls at 1e-1 (0.668)
HYPERPARAMETERS = {
    "classifier": {"model": "logistic regression, sparse features + dense context vectors",
                   "optimiser": "AdaGrad, full batch", "epochs": 600, "lr": 0.05, "l2": 5e-4,
                   "dense_l2": 3e-2, "min_feature_count": 2, "weight_cutoff": 1e-4, "decimals": 5,
                   "dense_decimals": 6, "dense_standardised": True},
    "boundary": {"model": "softmax ranker over boundary choices", "optimiser": "AdaGrad, per content",
                 "epochs": 30, "lr": 0.1, "l2": 1e-4, "weight_cutoff": 1e-4, "decimals": 5},
    # two-fold CV on the train part (train/cv_threshold.py, 2026-12-03): all 0.6737 / 0.6766 / 0.6753 and
    # speech 0.6436 / 0.6430 / 0.6413 at 0.30 / 0.35 / 0.40 (the stronger dense_l2 makes scores less extreme)
    "threshold": 0.35,
    "dense_width": DENSE_WIDTH,
    "dense_inputs": ["cue", "content root", "speaker (zeros when none)"],
    "positive": "candidate content shares >= half of both spans with the content of a gold relation whose cue "
                "holds the candidate's cue word",
    "positive_reached": {"weight": REACHED_WEIGHT,
                         "what": "a gold relation's cue word whose content matches that relation's only under "
                                 "one of the boundary ranker's choices of end"},
    "negative": "its content matches no gold content and does not overlap the content of its cue's gold relation",
    "left_out": "the half-right candidates: a gold content from another cue word, a gold cue with an overlapping "
                "content whose boundary is off and no choice of end mends",
}


def matches(a, b) -> bool:
    o = min(a[1], b[1]) - max(a[0], b[0])
    return o > 0 and o >= 0.5 * (a[1] - a[0]) and o >= 0.5 * (b[1] - b[0])


def cue_tokens(doc, item) -> set[int]:
    """Indices of the tokens in a gold relation's cue span(s)."""
    spans = item.get("cue_spans") or ([item["cue"]] if item.get("cue") else [])
    return {t.i for t in doc for a, b in spans if a <= t.idx < b}


def reaches(doc, cand, start, targets) -> bool:
    """Whether one of the boundary ranker's choices of end for ``cand`` gives a content
    matching one of ``targets`` (the contents of its cue's gold relations)."""
    for end, _ in boundary_choices(doc, cand):
        if any(matches(gspan, (start, doc[end - 1].idx + len(doc[end - 1].text))) for gspan in targets):
            return True
    return False


def label_of(doc, cand, span, items, cues) -> tuple[int, float] | None:
    """(label, weight). 1: the candidate is a gold relation, its cue and its content (the
    content matching under the project metric); 0: its content is no gold content and it
    shares nothing with the content of its cue's relation, if it has one ("said *in a
    statement*"). A gold cue whose content is off but which the boundary ranker can bring to
    the gold content (it chooses the end of an accepted candidate) is a positive of weight
    ``REACHED_WEIGHT``: the word is a cue, only its end is the ranker's to fix. ``None``
    (left out of training) for the other half-right kinds: a gold content reached from
    another word ("said he *believes* X" for the relation of *said*), and a gold cue with a
    content that overlaps its own, whose boundary is off and no choice of end mends —
    neither says whether the word is a cue."""
    matched = {k for k, item in enumerate(items) if matches(item["content"], span)}
    at_cue = {k for k in range(len(items)) if cand.cue.i in cues[k]}
    if matched & at_cue:
        return 1, 1.0
    if matched:
        return None
    if reaches(doc, cand, span[0], [items[k]["content"] for k in at_cue]):
        return 1, REACHED_WEIGHT
    if any(min(items[k]["content"][1], span[1]) > max(items[k]["content"][0], span[0]) for k in at_cue):
        return None
    return 0, 1.0


def build(gold, docs):
    rows = []
    reach = Counter()
    for g, doc in zip(gold, docs):
        items = g["quotes"] + g["attributions"]
        cues = [cue_tokens(doc, item) for item in items]
        quoted = quoted_token_set(doc)
        hit = set()
        for cand in generate_candidates(doc):
            s = doc[cand.content_start].idx
            e = doc[cand.content_end - 1].idx + len(doc[cand.content_end - 1].text)
            hit.update(k for k, item in enumerate(items) if matches(item["content"], (s, e)))
            labelled = label_of(doc, cand, (s, e), items, cues)
            if labelled is None:
                reach["left out"] += 1
                continue
            label, weight = labelled
            rows.append((split_of(g["id"]), featurise(cand, quoted), label, dense_features(cand), weight))
        reach["gold"] += len(items)
        reach["reached"] += len(hit)
    return rows, reach


def boundary_groups(gold, docs):
    """For every candidate on a gold cue whose content matches that relation's content
    under some boundary: the features of each boundary choice and the index of the
    best-fitting one."""
    groups = []
    for g, doc in zip(gold, docs):
        if split_of(g["id"]) != "train":
            continue
        items = g["quotes"] + g["attributions"]
        cues = [cue_tokens(doc, item) for item in items]
        for cand in generate_candidates(doc):
            variants = boundary_choices(doc, cand)
            if len(variants) < 2:
                continue
            targets = [item["content"] for item, cue in zip(items, cues) if cand.cue.i in cue]
            if not targets:
                continue
            s = doc[cand.content_start].idx
            fits = []
            for end, _ in variants:
                e = doc[end - 1].idx + len(doc[end - 1].text)
                fit = 0.0
                for gspan in targets:
                    if matches(gspan, (s, e)):
                        o = min(gspan[1], e) - max(gspan[0], s)
                        fit = max(fit, o / max(gspan[1] - gspan[0], e - s))
                fits.append(fit)
            if max(fits) == 0:
                continue
            feats = [boundary_features(doc, cand, end, d) for end, d in variants]
            groups.append((feats, int(np.argmax(fits))))
    return groups


def train_boundary(groups, epochs, lr, l2, weight_cutoff, decimals, **_):
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
    return {f: round(v, decimals) for f, v in w.items() if abs(v) > weight_cutoff}


def train(rows, epochs, l2, lr, dense_l2, min_feature_count, weight_cutoff, decimals, dense_decimals, **_):
    vocab = Counter(f for _, feats, _, _, _ in rows for f in feats)
    index = {f: i for i, f in enumerate(f for f, c in vocab.items() if c >= min_feature_count)}
    feats_idx = [np.array([index[f] for f in feats if f in index], dtype=np.int64) for _, feats, _, _, _ in rows]
    y = np.array([lab for _, _, lab, _, _ in rows], dtype=np.float64)
    weight = np.array([wt for _, _, _, _, wt in rows], dtype=np.float64)
    X = np.stack([d for _, _, _, d, _ in rows]).astype(np.float64)
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
        residual = weight * (p - y)
        grad = np.bincount(flat, weights=residual[row_of], minlength=len(index)) / len(rows) + l2 * w
        g2 += grad ** 2
        w -= lr * grad / np.sqrt(g2)  # AdaGrad
        gradd = X.T @ residual / len(rows) + dense_l2 * wd
        gd2 += gradd ** 2
        wd -= lr * gradd / np.sqrt(gd2)
    weights = {f: round(float(w[i]), decimals) for f, i in index.items() if abs(w[i]) > weight_cutoff}
    folded = wd / sd
    weights["bias"] = round(weights.get("bias", 0.0) - float(mu @ folded), decimals)
    return weights, [round(float(v), dense_decimals) for v in folded]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=MODEL_FILE)
    ap.add_argument("--no-heldout", action="store_true",
                    help="write the model without scoring the held-out part (while tuning on train)")
    args = ap.parse_args()
    out = args.out
    commit = code_state()
    if not commit["tree_clean"]:
        print("warning: src/ or train/ differ from HEAD; the meta records tree_clean: false", file=sys.stderr)
    trained_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    gold = load_gold()
    nlp, docs = load_docs(gold)
    import claimgraph.entities.clusterer  # noqa: F401 - the classifier reads what the entity step found
    entities = nlp.add_pipe("claimgraph_entities")
    docs = [entities(doc) for doc in docs]
    rows, reach = build(gold, docs)
    print(f"candidates: {len(rows)}, positives: {sum(r[2] for r in rows)}, left out (half right): "
          f"{reach['left out']}, gold reached by some candidate: {reach['reached']}/{reach['gold']}")
    train_rows = [r for r in rows if r[0] == "train"]
    weights, dense = train(train_rows, **HYPERPARAMETERS["classifier"])
    groups = boundary_groups(gold, docs)
    boundary = train_boundary(groups, **HYPERPARAMETERS["boundary"])
    changed = sum(t != 0 for _, t in groups)
    print(f"boundary ranker: {len(groups)} contents with a choice of end, {changed} best elsewhere")
    model = {"about": "cue classifier, logistic regression; see train/train_cues.py",
             "boundary": boundary,
             "trained_on": "PolNeAR dev, train part (2/3 of documents by id hash)",
             "threshold": HYPERPARAMETERS["threshold"], "weights": weights, "dense": dense,
             "meta": build_meta(gold, HYPERPARAMETERS, commit, trained_at)}
    write_model(model, out)
    if args.no_heldout:
        print(f"wrote {out} with {len(weights)} weights; held-out part not read")
        return
    print(f"wrote {out} with {len(weights)} weights; scoring the held-out part")
    both = score_and_write(model, out, gold)["both"]
    print("held-out: " + "  ".join(f"{k}={v}" for k, v in both.items()))


if __name__ == "__main__":
    main()
