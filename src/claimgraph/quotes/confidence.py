"""Calibrated confidence: the probability that a statement's speaker *and* content are right.

The cue classifier's score says how likely a candidate is an attribution at all; it says
nothing of the speaker, and statements found by other routes (a quotation next to its cue,
a cue-less quotation given its neighbour's speaker, "according to X") have no score of
their own. Each quote and attribution therefore gets a ``confidence`` from a small
logistic model (Platt scaling, Platt 1999, with the few simple features below beside the
score's logit), fitted on the PolNeAR *train* part only (``train/fit_confidence.py``):
label 1 when the item matches a gold relation and its speaker is right under the project
metric (:mod:`claimgraph.eval.quotes`). The table ships as
``claimgraph/data/confidence.json`` with its meta (commit, data hash, split, the cue
model it calibrates, the basis hash, the held-out reliability table); :func:`load_table`
checks it like the cue model (:class:`ModelFileError`, no fallback).

The *basis* of an item is a short dict of categorical features (and, for quotes, the raw
score): :func:`quote_basis`, :func:`attribution_basis`. :data:`OBSERVER`, when set (by the
fitting script), sees every item with its basis.
"""
from __future__ import annotations

import hashlib
import inspect
import json
import math
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Callable, Optional, Union

from spacy.tokens import Token

from claimgraph.errors import ModelFileError, model_meta

TABLE_FILE = "confidence.json"
META_KEYS = ("commit", "fitted_at", "data", "split", "cue_model", "basis", "heldout")
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me"})
RELATIVES = frozenset({"who", "which", "that", "whom"})
#: below this confidence the report marks the speaker as a guess
LOW = 0.5

#: set by train/fit_confidence.py: called with (section, record, basis) for each item made
OBSERVER: Optional[Callable[[str, object, dict], None]] = None


def speaker_form(head: Optional[Token], resolved: bool) -> str:
    """How the speaker was named: none, a pronoun (resolved or not), a relative pronoun,
    a name, or a common noun phrase."""
    if head is None:
        return "none"
    low = head.lower_
    if low in RELATIVES and head.tag_ in ("WP", "WDT", "WP$"):
        return "relative"
    if head.pos_ == "PRON" or low in PRONOUNS:
        return "pronoun" if resolved else "pronoun_unresolved"
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return "name"
    return "noun_plural" if head.tag_ in ("NNS", "NNPS") else "noun"


def quote_basis(score: float, relation: str, kind: str, act: str, form: str,
                entity_type: Optional[str], speakers: int = 1) -> dict:
    """The features a quote's confidence rests on."""
    relation = "noun" if relation.startswith("noun:") else relation or "none"
    return {"score": float(score), "relation": relation, "kind": kind, "act": act, "form": form,
            "type": entity_type or "none", "many": speakers > 1}


def attribution_basis(route: str, anonymous: bool, form: str, entity_type: Optional[str],
                      via: bool, described: bool = False) -> dict:
    """The features an attribution's confidence rests on: how it was found ("according",
    "per", "moved": a relation resting on an outlet or a collective, "citing"), whether the
    source is anonymous, how it is named, its entity type, whether it is carried by another."""
    return {"route": route, "anonymous": bool(anonymous), "form": form, "type": entity_type or "none",
            "via": bool(via), "described": bool(described)}


def basis_hash() -> str:
    """sha256 of the basis functions' source: a table fitted on other features does not fit."""
    h = hashlib.sha256()
    for fn in (speaker_form, quote_basis, attribution_basis, vector):
        h.update(inspect.getsource(fn).encode())
    h.update(json.dumps(sorted(PRONOUNS | RELATIVES)).encode())
    return h.hexdigest()


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def vector(basis: dict) -> dict[str, float]:
    """The basis as named feature values (categorical: name=value → 1; the score: its logit)."""
    out: dict[str, float] = {"bias": 1.0}
    for key, value in basis.items():
        if key == "score":
            out["logit_score"] = _logit(value)
        else:
            out[f"{key}={value}"] = 1.0
    return out


def table_path() -> Path:
    return Path(str(resources.files("claimgraph.data").joinpath(TABLE_FILE)))


def check_table(table: dict, path: Union[str, Path]) -> None:
    meta, mismatch = model_meta(table, path, META_KEYS, "refit it with train/fit_confidence.py")
    if meta["basis"].get("sha256") != basis_hash():
        raise mismatch(f"it was fitted on basis {str(meta['basis'].get('sha256'))[:12]}, "
                       f"the code has {basis_hash()[:12]}")
    from claimgraph.quotes.cues import load_model

    cue_meta = (load_model() or {}).get("meta") or {}
    fitted_on = meta["cue_model"]
    if (fitted_on.get("commit"), fitted_on.get("trained_at")) != (cue_meta.get("commit"), cue_meta.get("trained_at")):
        raise mismatch("it calibrates the scores of another cue model "
                       f"(commit {str(fitted_on.get('commit'))[:10]}, the shipped one is "
                       f"{str(cue_meta.get('commit'))[:10]})")
    for section in ("quote", "attribution"):
        if not isinstance(table.get(section), dict) or "weights" not in table[section]:
            raise mismatch(f"it has no '{section}' weights")


def read_table(path: Union[str, Path]) -> dict:
    path = Path(path)
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ModelFileError("model.missing", f"{path} is missing; reinstall claimgraph "
                             "or run train/fit_confidence.py", path=path) from None
    except ValueError as exc:
        raise ModelFileError("model.mismatch", f"{path} is not a JSON table ({exc})", path=path) from None
    check_table(table, path)
    return table


@lru_cache(maxsize=1)
def load_table() -> dict:
    return read_table(table_path())


def probability(section: str, basis: dict, table: Optional[dict] = None) -> float:
    """The calibrated confidence of an item of ``section`` ("quote" or "attribution")."""
    weights = (table or load_table())[section]["weights"]
    z = sum(weights.get(name, 0.0) * value for name, value in vector(basis).items())
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)


def confidence(section: str, record, basis: dict) -> float:
    """The confidence to write on ``record`` (and show the fitting script the basis)."""
    if OBSERVER is not None:
        OBSERVER(section, record, basis)
        return round(basis.get("score", 0.5), 3)
    return probability(section, basis)
