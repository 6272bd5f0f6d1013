"""Quote and attribution scoring: the project metric of ``shared/scoring/score_quotes.py``.

Predicted and gold items are matched one-to-one, best overlap first; a pair matches when
the shared characters cover at least half of the gold span and half of the predicted
span. A matched item's speaker is right when a gold speaker span overlaps a predicted
speaker span (the mention, or any mention of the predicted entity), when the gold
speaker's last word appears in the predicted speaker's text, or when both are empty.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from claimgraph.eval import f1, one_to_one

SECTIONS = ("both", "quotes", "attributions")
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "his", "her", "their", "him", "them"})
_WORD = re.compile(r"[\w'’-]+")


def flatten(record: dict) -> dict:
    """A claimgraph article record → {"quotes": [...], "attributions": [...]} with
    ``content``, ``speaker_spans`` and ``speaker_text`` per item."""
    if "entities" not in record and all("speaker_spans" in q for q in record.get("quotes", [])):
        return record
    ents = {e["id"]: e for e in record.get("entities", [])}
    text = record.get("text", "")
    out = {"id": record.get("id"), "quotes": [], "attributions": []}
    for section, who, mention_key, span_key in (("quotes", "speaker", "speaker_mention", "content"),
                                                ("attributions", "source", "source_mention", "claim")):
        for item in record.get(section, []):
            span = item.get(span_key) or item.get("content")
            if span is None:
                continue
            spans, names = [], []
            if item.get(mention_key):
                spans.append(item[mention_key])
            ent = ents.get(item.get(who)) if item.get(who) is not None else None
            if ent:
                spans += ent.get("mentions", [])
                names.append(ent.get("name") or "")
            elif isinstance(item.get(who), str):
                names.append(item[who])
            mention_text = " ".join(text[s:e] for s, e in spans[:1]) if text else ""
            out[section].append({"content": span, "speaker_spans": spans,
                                 "speaker_text": " ".join(n for n in names + [mention_text] if n) or None})
    return out


def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _last_name(s):
    toks = [t for t in _WORD.findall(s or "") if t.lower() not in PRONOUNS]
    return toks[-1].lower() if toks else None


def speaker_right(gold: dict, pred: dict) -> bool:
    gold_spans = gold.get("speaker_spans") or ([gold["speaker"]] if gold.get("speaker") else [])
    gold_text = gold.get("speaker_ref") or gold.get("speaker_text")
    pred_spans = pred.get("speaker_spans") or []
    if not gold_spans and not gold_text:
        return not pred_spans and not pred.get("speaker_text")
    if any(_overlap(a, b) > 0 for a in gold_spans for b in pred_spans):
        return True
    last = _last_name(gold_text)
    return bool(last and last in _WORD.findall((pred.get("speaker_text") or "").lower()))


def _items(rec: dict, section: str) -> list[dict]:
    if section == "both":
        return rec.get("quotes", []) + rec.get("attributions", [])
    return rec.get(section, [])


def matched_pairs(gold: dict, pred: dict, section: str, min_overlap: float = 0.5) -> dict[tuple[int, int], bool]:
    """Match one document's items one-to-one (best overlap first): ``(gold index,
    predicted index)`` → is the speaker right."""
    g_items, p_items = _items(gold, section), _items(pred, section)
    pairs = []
    for i, a in enumerate(g_items):
        for j, b in enumerate(p_items):
            o = _overlap(a["content"], b["content"])
            la, lb = a["content"][1] - a["content"][0], b["content"][1] - b["content"][0]
            if o and la and lb and o / la >= min_overlap and o / lb >= min_overlap:
                pairs.append((o / max(la, lb), i, j))
    return {(i, j): speaker_right(g_items[i], p_items[j]) for i, j in one_to_one(pairs)}


def speaker_by_gold(gold: dict, pred: dict, section: str, min_overlap: float = 0.5) -> dict[int, bool]:
    """Match one document's items one-to-one; gold item index → is the speaker right."""
    return {i: right for (i, _), right in matched_pairs(gold, pred, section, min_overlap).items()}


def count(gold: dict, pred: dict, section: str, min_overlap: float = 0.5) -> Counter:
    """Match one document's items; count gold, predicted, matched and speaker-right."""
    c = Counter()
    c["gold"], c["pred"] = len(_items(gold, section)), len(_items(pred, section))
    right = speaker_by_gold(gold, pred, section, min_overlap)
    c["match"], c["speaker_ok"] = len(right), sum(right.values())
    return c


def metrics(c: Counter) -> dict:
    p = c["match"] / c["pred"] if c["pred"] else 0.0
    r = c["match"] / c["gold"] if c["gold"] else 0.0
    pe = c["speaker_ok"] / c["pred"] if c["pred"] else 0.0
    re_ = c["speaker_ok"] / c["gold"] if c["gold"] else 0.0
    return {"gold": c["gold"], "pred": c["pred"], "match": c["match"],
            "content_P": round(p, 4), "content_R": round(r, 4), "content_F1": round(f1(p, r), 4),
            "speaker_acc_on_matched": round(c["speaker_ok"] / c["match"], 4) if c["match"] else 0.0,
            "end_to_end_F1": round(f1(pe, re_), 4)}


def score(gold_records: Iterable[dict], pred_records: Iterable[dict], sections=SECTIONS) -> dict:
    """Section → metrics, over all gold documents (a document without prediction counts as empty)."""
    preds = {}
    for rec in pred_records:
        flat = flatten(rec)
        preds[flat["id"]] = flat
    totals = {s: Counter() for s in sections}
    n = 0
    for g in gold_records:
        n += 1
        p = preds.get(g["id"], {})
        for s in sections:
            totals[s] += count(g, p, s)
    return {s: {"docs": n, **metrics(totals[s])} for s in sections}


def predict(gold_records: list[dict], reader, n_process: int = 1) -> list[dict]:
    """Read the gold documents' texts with claimgraph; one article record per document."""
    from claimgraph.model import ArticleInput, ReadError

    sources = [ArticleInput(id=g["id"], text=g["text"], published=(g.get("meta") or {}).get("publication_date"),
                            origin=g["id"]) for g in gold_records]
    out = []
    for res in reader.read_many(sources, n_process=n_process):
        if not isinstance(res, ReadError):
            out.append(res.to_record())
    return out
