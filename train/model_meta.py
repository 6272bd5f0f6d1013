"""The ``meta`` block of ``cue_model.json``: what code, data, libraries and settings made the
weights, and what they score. Written by ``train_cues.py`` (and, for weights trained before
the block existed, ``stamp_model.py``); checked at load by
:func:`claimgraph.quotes.cues.check_model`."""
from __future__ import annotations

import json
import platform
import subprocess
from pathlib import Path

from polnear_docs import GOLD, SHARED, ids_sha256, sha256_file, split_of

from claimgraph.pipeline import MODEL_NAME
from claimgraph.quotes.cues import FEATURE_TEMPLATES, feature_hash, installed_versions

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILE = ROOT / "src" / "claimgraph" / "data" / "cue_model.json"
SCORE_COMMAND = "python train/dev_eval.py --split heldout --scope all"


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def code_state() -> dict:
    """HEAD and whether the code that trains and featurises (src/, train/) differs from it."""
    dirty = git("status", "--porcelain", "--", "src", "train").splitlines()
    dirty = [line for line in dirty if not line.endswith("cue_model.json")]
    return {"commit": git("rev-parse", "HEAD"), "tree_clean": not dirty}


def data_meta(gold: list[dict]) -> dict:
    train_ids = [g["id"] for g in gold if split_of(g["id"]) == "train"]
    heldout_ids = [g["id"] for g in gold if split_of(g["id"]) == "heldout"]
    return {"path": str(GOLD.relative_to(SHARED.parent)), "sha256": sha256_file(GOLD),
            "documents": len(gold),
            "split": "train part: int(md5(id), 16) % 3 != 0 (train/polnear_docs.py split_of)",
            "train_ids": len(train_ids), "train_ids_sha256": ids_sha256(train_ids),
            "heldout_ids": len(heldout_ids), "heldout_ids_sha256": ids_sha256(heldout_ids),
            "ids_sha256_of": "sorted ids, one a line, newline-terminated"}


def libraries() -> dict:
    return {**installed_versions(MODEL_NAME), "python": platform.python_version()}


def features_meta() -> dict:
    return {"sha256": feature_hash(),
            "templates": [f"claimgraph.quotes.cues.{fn.__name__}" for fn in FEATURE_TEMPLATES],
            "covers": "their source (blank and comment-only lines ignored), DENSE_WIDTH, "
                      "REPORTING_LEMMAS, QUOTE_CHARS, SUBJECT_DEPS and the verb classes"}


def scores_meta(results: dict) -> dict:
    return {"split": "heldout", "scope": "all", "command": SCORE_COMMAND,
            **{section: dict(m) for section, m in results.items()}}


def build_meta(gold: list[dict], hyperparameters: dict, commit: dict, trained_at: str,
               scores: dict | None = None) -> dict:
    return {**commit, "trained_at": trained_at, "data": data_meta(gold), "libraries": libraries(),
            "spacy_model": MODEL_NAME, "hyperparameters": hyperparameters,
            "features": features_meta(), "scores": scores or {}}


def write_model(model: dict, path: Path = MODEL_FILE) -> None:
    """The file format train_cues.py has always written: one line, keys sorted."""
    path.write_text(json.dumps(model, sort_keys=True))


def score_and_write(model: dict, path: Path, gold: list[dict]) -> dict:
    """Score the model as written (through the reader's own loading and checks) on the
    held-out part, and write the scores into its meta."""
    from dev_eval import evaluate

    from claimgraph.quotes import cues

    cues.load_model.cache_clear()
    original = cues.model_path
    cues.model_path = lambda: Path(path)
    try:
        results, _ = evaluate("heldout", "all", gold=gold)
    finally:
        cues.model_path = original
        cues.load_model.cache_clear()
    model["meta"]["scores"] = scores_meta(results)
    write_model(model, path)
    return results
