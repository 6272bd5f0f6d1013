"""Speaker accuracy of two readers on the gold items both of them matched.

Speaker accuracy on matched quotes compares different sets of quotes when two readers
match different contents; this script holds the set fixed: the gold relations whose
content both prediction files match (the project metric's one-to-one matching), and
each reader's speaker accuracy on exactly those.

    python train/compare_speakers.py GOLD.jsonl BEFORE.jsonl AFTER.jsonl

BEFORE and AFTER are ``claimgraph read --format jsonl`` outputs (or ``dev_eval.py --dump``).
"""
from __future__ import annotations

import json
import sys

from claimgraph.eval.quotes import flatten, speaker_by_gold


def load(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        return {rec["id"]: rec for rec in (flatten(json.loads(line)) for line in fh if line.strip())}


def main(gold_path: str, before_path: str, after_path: str) -> None:
    before, after = load(before_path), load(after_path)
    n = right_before = right_after = 0
    with open(gold_path, encoding="utf-8") as fh:
        for line in fh:
            gold = json.loads(line)
            a = speaker_by_gold(gold, before.get(gold["id"], {}), "both")
            b = speaker_by_gold(gold, after.get(gold["id"], {}), "both")
            for i in a.keys() & b.keys():
                n += 1
                right_before += a[i]
                right_after += b[i]
    if not n:
        sys.exit("no gold item matched by both prediction files")
    print(f"gold relations matched by both: {n}")
    print(f"speaker accuracy: before {right_before / n:.4f}, after {right_after / n:.4f}, "
          f"difference {100 * (right_after - right_before) / n:+.1f} points")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
