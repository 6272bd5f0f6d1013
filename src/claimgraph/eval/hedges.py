"""Hedge cues against the Szeged uncertainty gold (Szarvas et al. 2012; CoNLL-2010 cues).

The same metrics as the reference ``score_hedges.py``: only gold cues of the counted types
(epistemic and doxastic by default) count; cue P/R/F1 by one-to-one span overlap (each
gold cue takes the first unused overlapping prediction), and sentence-level P/R/F1 of the
uncertain class.
"""
from __future__ import annotations

from typing import Iterable, Optional

from claimgraph.eval import f1
from claimgraph.model import ArticleInput, ReadError
from claimgraph.hedges.tagger import HEDGE_LABELS

SOURCE = "szeged-wiki"
DEFAULT_TYPES = frozenset({"epistemic", "doxastic"})


def score(gold_records: list[dict], pred_records: list[dict],
          types: Optional[Iterable[str]] = None) -> dict:
    """Cue-level and sentence-level P/R/F1."""
    types = set(types or DEFAULT_TYPES)
    gold = {g["id"]: g for g in gold_records}
    pred = {p.get("id"): p for p in pred_records}
    n_g = n_p = matched = 0
    tp = fp = fn = 0
    for gid, g in gold.items():
        gc = [tuple(c["span"]) for c in g["cues"] if c.get("type") in types]
        pc = [tuple(h.get("cue") or h.get("span")) for h in pred.get(gid, {}).get("hedges", [])
              if h.get("cue") or h.get("span")]
        n_g += len(gc)
        n_p += len(pc)
        used = set()
        for a in gc:
            for j, b in enumerate(pc):
                if j not in used and min(a[1], b[1]) > max(a[0], b[0]):
                    used.add(j)
                    matched += 1
                    break
        g_unc, p_unc = bool(gc), bool(pc)
        tp += g_unc and p_unc
        fp += p_unc and not g_unc
        fn += g_unc and not p_unc
    P = matched / n_p if n_p else 0.0
    R = matched / n_g if n_g else 0.0
    sP = tp / (tp + fp) if tp + fp else 0.0
    sR = tp / (tp + fn) if tp + fn else 0.0
    return {"sentences": len(gold), "gold_cues": n_g, "pred_cues": n_p, "cue_P": round(P, 4),
            "cue_R": round(R, 4), "cue_F1": round(f1(P, R), 4), "sentence_P": round(sP, 4),
            "sentence_R": round(sR, 4), "sentence_F1": round(f1(sP, sR), 4),
            "missing": sum(1 for k in gold if k not in pred)}


def predict(gold_records: Iterable[dict], reader, hedges_only: bool = True,
            n_process: int = 1) -> list[dict]:
    """Read each gold sentence; keep the uncertainty cues (negation and denial labels are
    not uncertainty cues in this annotation) unless ``hedges_only`` is False."""
    gold_records = list(gold_records)
    sources = [ArticleInput(id=g["id"], text=g["text"], origin=g["id"]) for g in gold_records]
    out = []
    for res in reader.read_many(sources, n_process=n_process):
        if isinstance(res, ReadError):
            out.append({"id": res.id, "hedges": []})
            continue
        rec = res.to_record()
        if hedges_only:
            rec["hedges"] = [h for h in rec["hedges"] if h["certainty"] in HEDGE_LABELS]
        out.append(rec)
    return out
