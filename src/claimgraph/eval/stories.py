"""Scoring groupings of articles: stories (and wire-copy groups) against gold labels.

``gold`` and ``pred`` map article id → cluster label; only the articles in ``gold`` are
scored (so a subset, e.g. held-out stories, is scored by passing its part of ``gold``).

- **pairwise**: over all pairs of scored articles, precision and recall of "in the same
  cluster" (an article alone in its cluster adds no pair);
- **B-cubed** (Bagga & Baldwin 1998): per article, the share of its predicted cluster that
  is in its gold cluster (precision) and of its gold cluster that is in its predicted one
  (recall), averaged over articles; singletons count.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Hashable, Mapping

from claimgraph.eval import f1


def _clusters(labels: Mapping[str, Hashable], ids) -> dict[Hashable, set[str]]:
    out: dict[Hashable, set[str]] = defaultdict(set)
    for i in ids:
        out[labels.get(i, ("alone", i))].add(i)
    return out


def pairwise(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> dict:
    ids = list(gold)
    g, p = _clusters(gold, ids), _clusters(pred, ids)
    gold_pairs = sum(len(c) * (len(c) - 1) // 2 for c in g.values())
    pred_pairs = sum(len(c) * (len(c) - 1) // 2 for c in p.values())
    both = 0
    for c in p.values():
        counts: dict[Hashable, int] = defaultdict(int)
        for i in c:
            counts[gold[i]] += 1
        both += sum(n * (n - 1) // 2 for n in counts.values())
    prec = both / pred_pairs if pred_pairs else 1.0
    rec = both / gold_pairs if gold_pairs else 1.0
    return {"precision": prec, "recall": rec, "f1": f1(prec, rec), "gold_pairs": gold_pairs,
            "pred_pairs": pred_pairs, "correct_pairs": both}


def bcubed(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> dict:
    ids = list(gold)
    if not ids:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    g, p = _clusters(gold, ids), _clusters(pred, ids)
    prec = rec = 0.0
    for i in ids:
        gc, pc = g[gold[i]], p[pred.get(i, ("alone", i))]
        inter = len(gc & pc)
        prec += inter / len(pc)
        rec += inter / len(gc)
    prec, rec = prec / len(ids), rec / len(ids)
    return {"precision": prec, "recall": rec, "f1": f1(prec, rec)}


def score(gold: Mapping[str, Hashable], pred: Mapping[str, Hashable]) -> dict:
    """``{"articles", "pairwise": {...}, "bcubed": {...}}``."""
    return {"articles": len(gold), "pairwise": pairwise(gold, pred), "bcubed": bcubed(gold, pred)}
