"""Fast iteration on the date layer: cached TimeBank parses, only the date step, scored.

    python train/timebank_eval.py [--split train|dev] [--errors] [--only ID] [--dump PRED.jsonl]

``--split train`` (the default) reads ``shared/data/timebank/train.jsonl``: tune there and
look only at its errors. ``dev`` gives the figure reported at the end (``claimgraph eval``
gives the same numbers with the whole reader). Parses are cached (DocBin) under a key of
the gold file's bytes, the model and the sources that shape the parse, as for GUM.
``--errors`` lists each missed, spurious and wrongly valued expression with its context
(train only: dev errors are not for reading).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))
from polnear_docs import SHARED, corpus_docs, write_jsonl  # noqa: E402

from claimgraph.dates.tagger import DateTagger  # noqa: E402
from claimgraph.eval.timex import matched_pairs, score  # noqa: E402

FILES = {"train": SHARED / "data" / "timebank" / "train.jsonl",
         "dev": SHARED / "data" / "timebank" / "dev.jsonl"}


def load_docs(path: Path, gold: list[dict]):
    return corpus_docs("timebank", path, gold)


def evaluate(split: str = "train", only: str | None = None):
    """(scores, predicted records, gold records) for the date step over ``split``."""
    path = FILES[split]
    gold = [json.loads(line) for line in path.open()]
    nlp, docs = load_docs(path, gold)
    tagger = DateTagger(nlp)
    preds, golds = [], []
    for g, doc in zip(gold, docs):
        if only and only not in g["id"]:
            continue
        doc._.cg_published = g.get("dct_value") or g.get("dct")
        dates = tagger.predict(doc)
        preds.append({"id": g["id"], "dates": [{"span": list(d.span), "value": d.value, "type": d.type}
                                               for d in dates]})
        golds.append(g)
    return score(golds, preds), preds, golds


def errors(golds: list[dict], preds: list[dict]):
    """(kind, doc id, dct, gold (text, type, value) or None, predicted or None, context)."""
    out = []
    for g, p in zip(golds, preds):
        text = g["text"]
        gs, ps = g["timexes"], p["dates"]
        matched = matched_pairs([a["span"] for a in gs], [b["span"] for b in ps])

        def ctx(s, e):
            return (text[max(0, s - 70):s] + "[[" + text[s:e] + "]]" + text[e:e + 50]).replace("\n", " ")

        def show(t):
            return (text[t["span"][0]:t["span"][1]], t["type"], t["value"])
        seen_g, seen_p = set(), set()
        for i, j in matched:
            seen_g.add(i)
            seen_p.add(j)
            a, b = gs[i], ps[j]
            if str(b["value"] or "").upper() != str(a["value"]).upper():
                out.append(("value", g["id"], g["dct_value"], show(a), show(b), ctx(*a["span"])))
            elif a["span"] != b["span"]:
                out.append(("extent", g["id"], g["dct_value"], show(a), show(b), ctx(*a["span"])))
        for i, a in enumerate(gs):
            if i not in seen_g:
                out.append(("missed", g["id"], g["dct_value"], show(a), None, ctx(*a["span"])))
        for j, b in enumerate(ps):
            if j not in seen_p:
                out.append(("spurious", g["id"], g["dct_value"], None, show(b), ctx(*b["span"])))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=sorted(FILES), default="train")
    ap.add_argument("--only", help="documents whose id holds this")
    ap.add_argument("--errors", action="store_true", help="list the errors (train only)")
    ap.add_argument("--kind", help="only errors of this kind (value, extent, missed, spurious)")
    ap.add_argument("--dump")
    args = ap.parse_args()
    res, preds, golds = evaluate(args.split, args.only)
    print("  ".join(f"{k}={v}" for k, v in res.items()))
    if args.errors:
        if args.split != "train":
            sys.exit("errors are listed for train only")
        errs = errors(golds, preds)
        print(Counter(e[0] for e in errs))
        for kind, doc_id, dct, gt, pt, context in errs:
            if args.kind and kind != args.kind:
                continue
            print(f"{kind:8s} {doc_id} dct={dct} gold={gt} pred={pt}\n         {context}")
    if args.dump:
        write_jsonl(args.dump, preds)


if __name__ == "__main__":
    main()
