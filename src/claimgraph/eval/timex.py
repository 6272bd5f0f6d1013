"""Date and time expressions against TimeML gold (TempEval-3 style; UzZaman et al. 2013).

The same metrics as the reference ``score_timex.py``: relaxed (overlapping) and strict
(identical) extent F1, and value P/R/F1 where a value counts when a relaxed match carries
the gold value (case-insensitive). Matching is one-to-one, largest overlap first.
"""
from __future__ import annotations

from typing import Any, Iterable

from claimgraph.eval import f1, one_to_one
from claimgraph.model import ArticleInput, ReadError

SOURCE = "te3"


def _items(rec: dict) -> list[tuple[tuple[int, int], Any]]:
    out = []
    for d in rec.get("dates", []) or rec.get("timexes", []):
        span = d.get("span")
        if span:
            v = d.get("value")
            out.append((tuple(span), str(v).strip().upper() if v not in (None, "") else None))
    return out


def matched_pairs(gold_spans: list, pred_spans: list) -> list[tuple[int, int]]:
    """(gold index, predicted index) of the extents matched one-to-one, largest overlap first."""
    pairs = []
    for i, a in enumerate(gold_spans):
        for j, b in enumerate(pred_spans):
            overlap = min(a[1], b[1]) - max(a[0], b[0])
            if overlap > 0:
                pairs.append((overlap, i, j))
    return one_to_one(pairs)


def score(gold_records: list[dict], pred_records: list[dict]) -> dict:
    """Relaxed/strict extent F1 and value P/R/F1 over all documents."""
    gold = {g["id"]: g for g in gold_records}
    pred = {p.get("id"): p for p in pred_records}
    n_g = n_p = rel = strict = val = 0
    for gid, g in gold.items():
        gs = [(tuple(t["span"]), str(t["value"]).strip().upper()) for t in g["timexes"]]
        ps = _items(pred.get(gid, {}))
        n_g += len(gs)
        n_p += len(ps)
        for i, j in matched_pairs([a for a, _ in gs], [b for b, _ in ps]):
            rel += 1
            strict += gs[i][0] == ps[j][0]
            val += ps[j][1] is not None and ps[j][1] == gs[i][1]
    P = lambda k: k / n_p if n_p else 0.0  # noqa: E731
    R = lambda k: k / n_g if n_g else 0.0  # noqa: E731
    return {"docs": len(gold), "gold": n_g, "pred": n_p,
            "relaxed_F1": round(f1(P(rel), R(rel)), 4), "strict_F1": round(f1(P(strict), R(strict)), 4),
            "value_P": round(P(val), 4), "value_R": round(R(val), 4), "value_F1": round(f1(P(val), R(val)), 4),
            "missing_docs": sum(1 for k in gold if k not in pred)}


def predict(gold_records: Iterable[dict], reader, n_process: int = 1) -> list[dict]:
    """Read each gold document with its document creation time as publication date
    (``n_process`` worker processes, as :meth:`Reader.read_many`)."""
    gold_records = list(gold_records)
    sources = [ArticleInput(id=g["id"], text=g["text"], published=g.get("dct_value") or g.get("dct"),
                            origin=g["id"]) for g in gold_records]
    out = []
    for res in reader.read_many(sources, n_process=n_process):
        if isinstance(res, ReadError):
            out.append({"id": res.id, "dates": []})
        else:
            out.append(res.to_record())
    return out


def reference_score(script, gold_records: list[dict], pred_records: list[dict]) -> dict:
    """Run a reference scorer script (``../shared/scoring/score_*.py``) on these records and
    return its ``--json`` result, to verify that :func:`score` agrees with it."""
    import json
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        gold.write_text("\n".join(json.dumps(g) for g in gold_records), encoding="utf-8")
        pred.write_text("\n".join(json.dumps(p) for p in pred_records), encoding="utf-8")
        run = subprocess.run([sys.executable, str(script), str(gold), str(pred), "--json"],
                             capture_output=True, text=True, check=True)
    return json.loads(run.stdout)
