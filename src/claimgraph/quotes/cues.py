"""The cue classifier and the boundary ranker: which candidates are attributions.

Candidates come from :mod:`.candidates`. A logistic-regression classifier over
lexical and syntactic features (cue lemma, the content's relation, the subject's kind,
quote marks, verb classes after Levin 1993, the parser's context vectors) rates each
one, and a softmax ranker chooses where an accepted content ends. Both are trained on
part of the PolNeAR development split and shipped as one JSON weight file
(``claimgraph/data/cue_model.json``, see ``train/train_cues.py``).

The file carries a ``meta`` block (commit, training data hash, library versions,
hyper-parameters, feature-template hash, held-out scores). :func:`load_model` checks it:
a missing file, a file without meta, one trained on other feature templates, with another
dense width, or under another major.minor version of spaCy or of the English model is a
:class:`ModelFileError` naming the file. There is no fallback.
"""
from __future__ import annotations

import hashlib
import inspect
import json
import math
from itertools import repeat
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Optional, Union

import numpy as np
from spacy.tokens import Doc, Token

from claimgraph.entities.handoff import token_entity_type
from claimgraph.errors import ModelFileError, model_meta
from claimgraph.lexicon import QUOTE_CHARS, REPORTING_LEMMAS, is_quote_mark, verb_classes
from claimgraph.quotes.candidates import (SUBJECT_DEPS, Candidate,
                                            boundary_choices)

MODEL_FILE = "cue_model.json"
META_KEYS = ("commit", "trained_at", "data", "libraries", "hyperparameters", "features", "scores")



def model_path() -> Path:
    """Where the shipped weights live (``claimgraph/data/cue_model.json``)."""
    return Path(str(resources.files("claimgraph.data").joinpath(MODEL_FILE)))


def boundary_features(doc: Doc, cand: "Candidate", end: int, description: str) -> list[str]:
    """Features of one boundary choice for the ranker."""
    if description == "full":
        return ["full", f"full,rel={cand.relation}"]
    dep, lead, subj, joint = description.split("|")
    if dep == "extend":
        classes = verb_classes().get(cand.cue.lemma_.lower(), ("none",))
        return ["extend", f"extend,dep={lead}", f"extend,dep,lead={lead},{subj}", f"extend,rel={cand.relation}",
                f"extend,rel,dep={cand.relation},{lead}"] + [f"extend,class={c}" for c in classes]
    if dep == "more":
        # a clause conjoined after the content (candidates.conjunct_extensions): on the
        # content's head or on the cue, after which conjunction, with a subject of its own or not
        owner, cc, own_subject = lead, subj, joint
        verb = next((t for t in doc[cand.content_end:end] if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")), None)
        same_tag = verb is not None and verb.tag_ == cand.cue.tag_
        classes = verb_classes().get(cand.cue.lemma_.lower(), ("none",))
        return ["more", f"more,owner={owner}", f"more,owner,cc={owner},{cc}", f"more,owner,subj={owner},{own_subject}",
                f"more,owner,cc,subj={owner},{cc},{own_subject}", f"more,owner,sametag={owner},{same_tag}",
                f"more,rel={cand.relation}"] + [f"more,class={c}" for c in classes]
    removed = cand.content_end - end
    size = "1-3" if removed <= 3 else "4-8" if removed <= 8 else "9-20" if removed <= 20 else "21+"
    quoted = any(is_quote_mark(t) for t in doc[end:cand.content_end])
    classes = verb_classes().get(cand.cue.lemma_.lower(), ("none",))
    feats = ["cut", f"dep={dep}", f"dep,lead={dep},{lead}", f"dep,subj={dep},{subj}", f"joint={joint}",
             f"dep,joint={dep},{joint}", f"size={size}", f"dep,size={dep},{size}", f"quoted={quoted}",
             f"rel,dep={cand.relation},{dep}", f"lead={lead}"]
    feats += [f"class,dep={c},{dep}" for c in classes]
    # "…, while nine in 10 *said* …", "…, *saying* that …": what is cut off reports on its own
    reports = any(t.pos_ == "VERB" and t.lemma_ in REPORTING_LEMMAS for t in doc[end:cand.content_end])
    feats += [f"reports={reports}", f"dep,reports={dep},{reports}"]
    return feats


def choose_boundary(doc: Doc, cand: "Candidate", model: Optional[dict]) -> int:
    """The end (token index) the boundary ranker prefers for an accepted candidate."""
    weights = (model or {}).get("boundary")
    if not weights:
        return cand.content_end
    best, best_score = cand.content_end, None
    for end, description in boundary_choices(doc, cand):
        score = sum(weights.get(f, 0.0) for f in boundary_features(doc, cand, end, description))
        if best_score is None or score > best_score:
            best, best_score = end, score
    return best


def _kind_of(tok: Optional[Token]) -> str:
    if tok is None:
        return "none"
    if tok.pos_ == "PRON":
        return "pron"
    if tok.ent_type_:
        return "ent:" + tok.ent_type_
    if tok.pos_ == "PROPN":
        return "propn"
    return "noun:" + ("pl" if tok.tag_ in ("NNS", "NNPS") else "sg")


def featurise(cand: Candidate, quoted_tokens: set[int]) -> list[str]:
    cue = cand.cue
    doc = cue.doc
    lemma = cue.lemma_.lower()
    n = cand.content_end - cand.content_start
    size = "1" if n == 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"
    quoted = sum(1 for i in range(cand.content_start, cand.content_end) if i in quoted_tokens)
    qshare = "none" if not quoted else "all" if quoted >= n - 1 else "some"
    spk = _kind_of(cand.speaker)
    neg = any(c.dep_ == "neg" for c in cue.children)
    prep = cand.relation.split(":")[1] if cand.relation.startswith("prep:") else ""
    rel = "prep" if prep else cand.relation
    side = "before" if cand.content_end <= cue.i else "after"
    # a trailing "…, notes X" that the parser made a conjunct is the parenthetical it reads as
    cue_dep = "parataxis" if cand.relation == "inverted" and cue.dep_ == "conj" else cue.dep_
    feats = [
        "bias", f"lemma={lemma}", f"rel={rel}", f"lemma,rel={lemma},{rel}", f"size={size}",
        f"rel,size={rel},{size}", f"quoted={qshare}", f"rel,quoted={rel},{qshare}",
        f"spk={spk}", f"lemma,spk={lemma},{spk != 'none'}", f"rel,spk={rel},{spk}",
        f"cuedep={cue_dep}", f"rel,cuedep={rel},{cue_dep}", f"tag={cue.tag_}",
        f"neg={neg}", f"side={side}", f"rel,side={rel},{side}", f"lemma,side={lemma},{side}",
    ]
    if prep:
        feats += [f"prep={prep}", f"lemma,prep={lemma},{prep}"]
    head = cand.speaker
    if head is not None:
        feats.append(f"spklemma={head.lemma_.lower()}")
        feats.append(f"lemma,spkkind={lemma},{spk}")
        # what the entity step made of the speaker (a resolved pronoun, a repaired name)
        etype = token_entity_type(head) or "none"
        feats += [f"spketype={etype}", f"rel,spketype={rel},{etype}"]
    croot = doc[cand.content_start:cand.content_end].root
    feats += [f"croot={croot.pos_}", f"rel,croot={rel},{croot.pos_}",
              f"csubj={any(c.dep_ in SUBJECT_DEPS for c in croot.children)}",
              f"lemma,quoted={lemma},{qshare}", f"head={cue.head.lemma_.lower() if cue.dep_ != 'ROOT' else 'ROOT'}",
              f"pos={cue.pos_}"]
    feats += [f"lemma,rel,spk={lemma},{rel},{spk}", f"lemma,cuedep={lemma},{cue_dep}",
              f"lemma,size={lemma},{size}", f"rel,croot,quoted={rel},{croot.pos_},{qshare}"]
    if cue.dep_ in ("relcl", "acl"):
        feats.append("in_relcl")
    first = doc[cand.content_start]
    feats.append(f"first={first.lower_ if first.is_stop else first.pos_}")
    if cand.content_start > 0 and doc[cand.content_start - 1].lower_ == "that":
        feats.append("that")
    if lemma in REPORTING_LEMMAS:
        feats += ["reporting", f"reporting,rel={rel}"]
    for cls in verb_classes().get(lemma, ("none",)):
        feats += [f"class={cls}", f"class,rel={cls},{rel}", f"class,spk={cls},{spk}",
                  f"class,quoted={cls},{qshare}"]
    return feats


DENSE_WIDTH = 96  # en_core_web_sm's tok2vec output, kept by spaCy in ``doc.tensor``


def check_tensor(doc: Doc) -> None:
    """Raise :class:`ModelFileError` when the parser's context vectors are not the
    ``DENSE_WIDTH`` per token the model was trained on (no silent drop of the dense part)."""
    tensor = doc.tensor
    if tensor is None or tensor.ndim != 2 or tensor.shape[0] != len(doc) or tensor.shape[1] != DENSE_WIDTH:
        got = "none" if tensor is None or tensor.size == 0 else "x".join(map(str, tensor.shape))
        raise ModelFileError("model.mismatch",
                             f"{model_path()} was trained on {DENSE_WIDTH}-wide context vectors (doc.tensor), "
                             f"but this spaCy pipeline gives {got} for a {len(doc)}-token doc; "
                             "use the English model it was trained with or retrain with train/train_cues.py",
                             path=model_path())


def dense_features(cand: Candidate) -> np.ndarray:
    """Context vectors of the cue, the content's root and the speaker from ``doc.tensor``:
    they let the classifier generalise to cue verbs the training part never showed it."""
    doc = cand.cue.doc
    check_tensor(doc)
    tensor = doc.tensor
    root = doc[cand.content_start:cand.content_end].root
    speaker = tensor[cand.speaker.i] if cand.speaker is not None else np.zeros(DENSE_WIDTH, dtype=tensor.dtype)
    return np.concatenate([tensor[cand.cue.i], tensor[root.i], speaker])


FEATURE_TEMPLATES = (featurise, boundary_features, _kind_of, dense_features)


def _source_lines(fn) -> list[str]:
    lines = (line.strip() for line in inspect.getsource(fn).splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def feature_hash() -> str:
    """sha256 of the feature templates: the featuriser functions' source (blank and
    comment-only lines ignored) and the word lists and constants they read. A model trained
    under another hash would meet feature names it never weighed."""
    h = hashlib.sha256()
    for fn in FEATURE_TEMPLATES:
        h.update(f"def {fn.__name__}\n".encode())
        h.update("\n".join(_source_lines(fn)).encode())
    data = {"DENSE_WIDTH": DENSE_WIDTH, "REPORTING_LEMMAS": sorted(REPORTING_LEMMAS),
            "QUOTE_CHARS": sorted(QUOTE_CHARS), "SUBJECT_DEPS": sorted(SUBJECT_DEPS),
            "verb_classes": sorted([k, list(v)] for k, v in verb_classes().items())}
    h.update(json.dumps(data, sort_keys=True).encode())
    return h.hexdigest()


def _major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def installed_versions(model_name: str) -> dict[str, str]:
    """Versions of the libraries the cue model depends on, as installed."""
    import spacy

    return {"spacy": spacy.__version__, model_name: metadata.version(model_name), "numpy": np.__version__}


def check_model(model: dict, path: Union[str, Path]) -> None:
    """Raise :class:`ModelFileError` unless ``model`` (read from ``path``) fits this code and
    the installed libraries."""
    meta, mismatch = model_meta(model, path, META_KEYS, "retrain it with train/train_cues.py")
    trained = (meta.get("features") or {}).get("sha256")
    if trained != feature_hash():
        raise mismatch(f"it was trained with feature templates {str(trained)[:12]}, "
                       f"the code has {feature_hash()[:12]}")
    dense = model.get("dense")
    width = (meta.get("hyperparameters") or {}).get("dense_width")
    if width != DENSE_WIDTH or not isinstance(dense, list) or len(dense) != 3 * DENSE_WIDTH:
        raise mismatch(f"its dense weights are {len(dense) if isinstance(dense, list) else 'absent'} "
                       f"(meta dense_width {width}), the code reads 3 x {DENSE_WIDTH} context-vector values")
    libraries = meta.get("libraries") or {}
    model_name = meta.get("spacy_model")
    if not model_name or model_name not in libraries or "spacy" not in libraries:
        raise mismatch("its meta does not name the spaCy and English-model versions it was trained under")
    try:
        installed = installed_versions(model_name)
    except metadata.PackageNotFoundError:
        raise mismatch(f"it was trained on the English model {model_name}, which is not installed") from None
    for lib in ("spacy", model_name):
        if _major_minor(libraries[lib]) != _major_minor(installed[lib]):
            raise mismatch(f"it was trained under {lib} {libraries[lib]}, {installed[lib]} is installed")


def read_model(path: Union[str, Path]) -> dict:
    """Read and check a cue model file (see :func:`check_model`)."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelFileError("model.missing", f"{path} is missing; reinstall claimgraph "
                             "or run train/train_cues.py", path=path) from None
    try:
        model = json.loads(raw)
    except ValueError as exc:
        raise ModelFileError("model.mismatch", f"{path} is not a JSON model file ({exc})", path=path) from None
    check_model(model, path)
    model["dense"] = np.asarray(model["dense"], dtype=np.float32)
    return model


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The shipped cue model, read and checked once (:class:`ModelFileError` if it does not fit)."""
    return read_model(model_path())


def rate(features: list[str], model: dict, dense: Optional[np.ndarray] = None) -> float:
    """Probability that the candidate is an attribution. Feature names the model never
    weighed (rare in training) count 0; ``dense`` is :func:`dense_features`."""
    z = sum(map(model["weights"].get, features, repeat(0.0)))
    if dense is not None:
        z += float(dense @ model["dense"])
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
