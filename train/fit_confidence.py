"""Fit the confidence calibration (``claimgraph/data/confidence.json``) on the PolNeAR train part.

    python train/fit_confidence.py [--bases BASES.jsonl] [--reuse] [--no-heldout]

Runs the entity, quote and source steps over the cached parses of every PolNeAR dev
document (scope "all", as the project metric reads PolNeAR) with
:data:`claimgraph.quotes.confidence.OBSERVER` set, so each quote and attribution comes
out with its *basis* (:func:`~claimgraph.quotes.confidence.quote_basis`,
:func:`~claimgraph.quotes.confidence.attribution_basis`). Its label is 1 when it matches a
gold relation one-to-one and its speaker is right under the project metric
(:mod:`claimgraph.eval.quotes`, the matching of ``speaker_by_gold``, seen from the
predicted side). On the train part the quote step reads with cue models *cross-fitted*
on two folds (``cv_threshold.fold_model``: each fold's cue scores come from a classifier
trained on the other fold), so the table learns what a cue score means on documents the
classifier has not seen — the shipped classifier is over-confident on its own training
documents, and a table fitted on those scores ran 4–16 points above the held-out accuracy
in the middle bins. A logistic model per section (quotes, attributions) is fitted on the
*train* part only (L2-regularised, Newton steps, numpy); the held-out third is only
scored: the reliability table (10 bins of predicted confidence: count, mean confidence,
observed accuracy) and the expected calibration error go into the meta and are printed.
``--reuse`` fits again from the bases written by an earlier run (``--bases``);
``--no-heldout`` fits without reading the held-out third at all (while tuning), leaving
the meta's reliability table empty until the final fit.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from model_meta import ROOT, data_meta, git, libraries  # noqa: E402
from polnear_docs import load_docs, load_gold, split_of  # noqa: E402

from claimgraph.article import article_from_doc  # noqa: E402
from claimgraph.eval.quotes import flatten, matched_pairs  # noqa: E402
from claimgraph.model import ArticleInput  # noqa: E402
from claimgraph.pipeline import COMPONENTS  # noqa: E402
from claimgraph.quotes import confidence as conf  # noqa: E402
from claimgraph.quotes.cues import load_model  # noqa: E402

TABLE_FILE = ROOT / "src" / "claimgraph" / "data" / "confidence.json"
HYPERPARAMETERS = {"l2": 2.0, "min_count": 8, "newton_steps": 25, "bins": 10}
COMMAND = "python train/fit_confidence.py"


def right_by_pred(gold: dict, pred: dict, min_overlap: float = 0.5) -> dict[int, bool]:
    """Predicted item index → matched a gold item with the right speaker (the pairing of
    :func:`claimgraph.eval.quotes.matched_pairs`, section "both")."""
    return {j: right for (_, j), right in matched_pairs(gold, pred, "both", min_overlap).items()}


def collect(gold: list[dict], scope: str = "all", keep=None, cue_model=None) -> list[dict]:
    """One row per predicted item of the documents ``keep`` accepts (all by default): doc
    id, split, section, basis, label; ``cue_model`` replaces the quote step's own."""
    nlp, docs = load_docs(gold)
    comps = []
    for name in ("claimgraph_entities", "claimgraph_quotes", "claimgraph_sources"):
        importlib.import_module(COMPONENTS[name])
        comps.append(nlp.add_pipe(name, config={"scope": scope} if name == "claimgraph_quotes" else {}))
    if cue_model is not None:
        nlp.get_pipe("claimgraph_quotes").model = cue_model
    seen: dict[int, tuple[str, dict]] = {}
    conf.OBSERVER = lambda section, record, basis: seen.__setitem__(id(record), (section, basis))
    rows = []
    try:
        for g, doc in zip(gold, docs):
            if keep is not None and not keep(g):
                continue
            seen.clear()
            for c in comps:
                doc = c(doc)
            items = list(doc._.cg_quotes or []) + list(doc._.cg_attributions or [])
            record = article_from_doc(doc, ArticleInput(id=g["id"], text=g["text"])).to_record()
            right = right_by_pred(g, flatten(record))
            for j, item in enumerate(items):
                section, basis = seen[id(item)]
                rows.append({"id": g["id"], "split": split_of(g["id"]), "section": section,
                             "basis": basis, "label": int(right.get(j, False))})
    finally:
        conf.OBSERVER = None
    return rows


def cross_fitted(gold: list[dict], heldout: bool = True) -> list[dict]:
    """Rows of the held-out third read with the shipped cue model (unless ``heldout`` is
    false), and of each train fold read with the cue model trained on the other fold."""
    from cv_threshold import fold_model, in_fold
    nlp, docs = load_docs(gold)
    import claimgraph.entities.clusterer  # noqa: F401 - the classifier reads what the entity step found
    ents = nlp.add_pipe("claimgraph_entities")
    docs = [ents(d) for d in docs]
    models = {f: fold_model(gold, docs, f) for f in (0, 1)}
    rows = collect(gold, keep=lambda g: split_of(g["id"]) == "heldout") if heldout else []
    for f in (0, 1):
        rows += collect(gold, keep=in_fold(f), cue_model=models[f])
    return rows


def fit_section(rows: list[dict], hp: dict) -> dict:
    counts = Counter(name for r in rows for name in conf.vector(r["basis"]))
    names = sorted(n for n, c in counts.items() if c >= hp["min_count"] or n in ("bias", "logit_score"))
    index = {n: k for k, n in enumerate(names)}
    X = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for n, v in conf.vector(r["basis"]).items():
            if n in index:
                X[i, index[n]] = v
    y = np.array([r["label"] for r in rows], dtype=float)
    w = np.zeros(len(names))
    reg = np.full(len(names), hp["l2"])
    reg[index["bias"]] = 0.0
    for _ in range(hp["newton_steps"]):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (p - y) + reg * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg + 1e-6)
        w -= np.linalg.solve(hess, grad)
    return {"weights": {n: round(float(w[index[n]]), 5) for n in names}, "examples": len(rows),
            "positives": int(y.sum())}


def reliability(pairs: list[tuple[float, int]], bins: int) -> dict:
    """Bins of predicted confidence: count, mean confidence, observed accuracy; ECE."""
    table, ece, n = [], 0.0, len(pairs)
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, y) for p, y in pairs if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not inside:
            continue
        mean_p = sum(p for p, _ in inside) / len(inside)
        acc = sum(y for _, y in inside) / len(inside)
        ece += len(inside) / n * abs(acc - mean_p)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": len(inside), "confidence": round(mean_p, 3),
                      "accuracy": round(acc, 3)})
    return {"items": n, "accuracy": round(sum(y for _, y in pairs) / n, 4) if n else 0.0,
            "ece": round(ece, 4), "bins": table}


def raw_score(row: dict) -> float:
    """What the record carried before calibration: the cue score for quotes, 1.0 otherwise."""
    return row["basis"].get("score", 1.0) if row["section"] == "quote" else 1.0


def evaluate_heldout(rows: list[dict], table: dict, bins: int) -> dict:
    held = [r for r in rows if r["split"] == "heldout"]
    out = {}
    for name, subset in (("both", held), ("quotes", [r for r in held if r["section"] == "quote"]),
                         ("attributions", [r for r in held if r["section"] == "attribution"]),
                         ("speech quotes", [r for r in held if r["section"] == "quote"
                                            and r["basis"]["act"] == "speech"])):
        cal = [(conf.probability(r["section"], r["basis"], table), r["label"]) for r in subset]
        raw = [(raw_score(r), r["label"]) for r in subset]
        out[name] = {"calibrated": reliability(cal, bins), "uncalibrated_ece": reliability(raw, bins)["ece"]}
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bases", type=Path, default=Path("/tmp/claimgraph-confidence-bases.jsonl"))
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--out", type=Path, default=TABLE_FILE)
    ap.add_argument("--no-heldout", action="store_true",
                    help="fit without reading the held-out part (while tuning); the meta then has no reliability table")
    args = ap.parse_args()
    gold = load_gold()
    if args.reuse:
        rows = [json.loads(line) for line in args.bases.open()]
    else:
        rows = cross_fitted(gold, heldout=not args.no_heldout)
        with args.bases.open("w") as fh:
            for r in rows:
                fh.write(json.dumps(r) + "\n")
    hp = HYPERPARAMETERS
    table = {section: fit_section([r for r in rows if r["split"] == "train" and r["section"] == section], hp)
             for section in ("quote", "attribution")}
    dirty = [line for line in git("status", "--porcelain", "--", "src", "train").splitlines()
             if not line.endswith("confidence.json")]
    cue_meta = load_model()["meta"]
    table["meta"] = {
        "commit": git("rev-parse", "HEAD"), "tree_clean": not dirty,
        "fitted_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
        "data": data_meta(gold), "split": "train",
        "label": "1 when the item matches a PolNeAR relation (claimgraph.eval.quotes, both sections, "
                 "scope all) and its speaker is right; fitted on the train part only",
        "cue_model": {"commit": cue_meta["commit"], "trained_at": cue_meta["trained_at"]},
        "basis": {"sha256": conf.basis_hash(),
                  "functions": ["claimgraph.quotes.confidence.quote_basis",
                                "claimgraph.quotes.confidence.attribution_basis",
                                "claimgraph.quotes.confidence.speaker_form",
                                "claimgraph.quotes.confidence.vector"]},
        "libraries": libraries(), "hyperparameters": hp, "command": COMMAND, "heldout": {}}
    if not args.no_heldout:
        table["meta"]["heldout"] = evaluate_heldout(rows, table, hp["bins"])
    args.out.write_text(json.dumps(table, sort_keys=True, indent=1) + "\n")
    for name, res in table["meta"]["heldout"].items():
        cal = res["calibrated"]
        print(f"{name}: n={cal['items']} acc={cal['accuracy']} ECE {res['uncalibrated_ece']} -> {cal['ece']}")
        for b in cal["bins"]:
            print(f"   {b['bin']}  n={b['n']:5d}  conf={b['confidence']:.3f}  acc={b['accuracy']:.3f}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
