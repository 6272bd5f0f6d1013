"""Add the ``meta`` block to cue weights trained before it existed, without touching them.

    python train/stamp_model.py [--compare RETRAINED.json]

The weights, boundary ranker, dense vector and threshold stay byte for byte. ``commit``
and ``trained_at`` are those of the commit that introduced these weights (the oldest
commit in an unbroken run of ``cue_model.json`` versions with the same weights, newest
first); the data hashes, library versions and feature-template hash are computed now, the
hyper-parameters are ``train_cues.HYPERPARAMETERS`` (``train_cues.py`` has not changed
them since), and the scores are measured now on the held-out part with the stamped file.
``--compare`` records how far a fresh ``train_cues.py --out`` run lies from these weights.
"""
from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from model_meta import MODEL_FILE, ROOT, build_meta, git, score_and_write, write_model  # noqa: E402
from polnear_docs import load_gold  # noqa: E402
from train_cues import HYPERPARAMETERS  # noqa: E402

WEIGHT_KEYS = ("boundary", "dense", "threshold", "weights")


def weights_of(model: dict) -> dict:
    return {k: model.get(k) for k in WEIGHT_KEYS}


def weights_commit(current: dict) -> str:
    rel = str(MODEL_FILE.relative_to(ROOT))
    found = None
    for rev in git("log", "--format=%H", "--", rel).splitlines():
        if weights_of(json.loads(git("show", f"{rev}:{rel}"))) != current:
            break
        found = rev
    if found is None:
        sys.exit(f"{rel}: these weights are in no commit; train them with train/train_cues.py instead")
    return found


def compare(current: dict, path: Path) -> dict:
    other = weights_of(json.loads(path.read_text()))
    diffs = {}
    for key in ("weights", "boundary"):
        a, b = current[key], other[key]
        names = set(a) | set(b)
        diffs[key] = {"differing": sum(a.get(f) != b.get(f) for f in names),
                      "max_abs_diff": max((abs(a.get(f, 0.0) - b.get(f, 0.0)) for f in names), default=0.0)}
    diffs["dense"] = {"differing": sum(x != y for x, y in zip(current["dense"], other["dense"])),
                      "max_abs_diff": max(abs(x - y) for x, y in zip(current["dense"], other["dense"]))}
    return {k: {kk: round(vv, 9) if isinstance(vv, float) else vv for kk, vv in v.items()}
            for k, v in diffs.items()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--compare", type=Path, help="a model file from a fresh train_cues.py --out run")
    args = ap.parse_args()
    model = json.loads(MODEL_FILE.read_text())
    model.pop("meta", None)
    rev = weights_commit(weights_of(model))
    stamped = {"by": "train/stamp_model.py",
               "at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
               "note": "weights trained before the meta block existed: commit and trained_at are "
                       "those of the commit that introduced them; data, libraries and features "
                       "were computed when stamped, scores measured then with these weights"}
    if args.compare:
        stamped["retrained_diff"] = compare(weights_of(model), args.compare)
    gold = load_gold()
    model["meta"] = build_meta(gold, HYPERPARAMETERS, {"commit": rev, "tree_clean": True},
                               git("show", "-s", "--format=%cI", rev))
    model["meta"]["stamped"] = stamped
    write_model(model, MODEL_FILE)
    both = score_and_write(model, MODEL_FILE, gold)["both"]
    print(f"stamped {MODEL_FILE} (weights from {rev[:10]}); held-out: "
          + "  ".join(f"{k}={v}" for k, v in both.items()))


if __name__ == "__main__":
    main()
