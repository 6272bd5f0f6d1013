"""Error listing for entity resolution on the GUM train genres (never run it on dev while tuning).

    python train/gum_errors.py PRED.jsonl [--split train] [--only ID] [--kind missed|merged|split|all]

For each gold named cluster with two or more mentions: its mentions, each with the
predicted entity it landed in (or ``-`` when no predicted mention aligned), and each
predicted entity that mixes mentions of two gold clusters.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from gum_eval import FILES  # noqa: E402

from claimgraph.eval.coref import _gold, _pred, align  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pred")
    ap.add_argument("--split", default="train")
    ap.add_argument("--only")
    ap.add_argument("--kind", default="all")
    args = ap.parse_args()
    gold = {g["id"]: g for g in map(json.loads, FILES[args.split].open())}
    preds = {p["id"]: p for p in map(json.loads, open(args.pred))}
    tally = Counter()
    for gid, g in gold.items():
        if args.only and args.only not in gid:
            continue
        p = preds.get(gid)
        text, gm, gclusters, kept = _gold(g)
        pm, _, _ = _pred(p, text)
        p2g = align(gm, [s for s, _ in pm])
        g2p = {gi: pi for pi, gi in p2g.items()}
        ents = (p or {}).get("entities", [])
        out = []
        for ci in kept:
            idx = gclusters[ci]
            if len(idx) < 2:
                continue
            row = []
            pcs = Counter()
            for gi in idx:
                s, e = gm[gi]["span"]
                pi = g2p.get(gi)
                lab = "-" if pi is None else ents[pm[pi][1]]["id"]
                if pi is not None:
                    pcs[lab] += 1
                else:
                    tally["missed"] += 1
                row.append(f"{text[s:e]!r}[{lab}]")
            if len(pcs) > 1:
                tally["split"] += 1
            if args.kind in ("all", "split") and len(pcs) > 1 or args.kind in ("all", "missed") and \
                    any("[-]" in r for r in row):
                out.append(f"  G{g['entities'][ci]['id']} {g['entities'][ci]['type']}: " + " ".join(row))
        # predicted entities with mentions of several gold clusters
        by_ent = defaultdict(list)
        for pi, (sp, ce) in enumerate(pm):
            by_ent[ce].append(pi)
        for ce, pis in by_ent.items():
            gcs = Counter(gm[p2g[pi]]["cluster"] for pi in pis if pi in p2g and gm[p2g[pi]]["kept"])
            other = [pi for pi in pis if pi in p2g and not gm[p2g[pi]]["kept"]]
            if len(gcs) > 1 or (gcs and other):
                tally["merged"] += 1
                if args.kind in ("all", "merged"):
                    parts = []
                    for pi in pis:
                        s, e = pm[pi][0]
                        tag = f"G{g['entities'][gm[p2g[pi]]['cluster']]['id']}" if pi in p2g else "?"
                        parts.append(f"{text[s:e]!r}{tag}")
                    out.append(f"  P {ents[ce]['id']} {ents[ce]['name']!r} {ents[ce]['type']}: " + " ".join(parts))
        if out:
            print(gid)
            print("\n".join(out))
    print(dict(tally), file=sys.stderr)


if __name__ == "__main__":
    main()
