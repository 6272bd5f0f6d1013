"""The shipped cue model is a reproducible artifact: its meta says what made it, and a
missing or mismatched file is an error naming the file (no fallback). No corpus text."""
from __future__ import annotations

import copy
import json
import re
from importlib import metadata

import numpy as np
import pytest
import spacy

from claimgraph.pipeline import MODEL_NAME
from claimgraph.quotes import cues
from claimgraph.quotes.candidates import Candidate
from claimgraph.quotes.cues import (DENSE_WIDTH, META_KEYS, ModelFileError, dense_features, feature_hash,
                                    load_model, model_path, read_model)


@pytest.fixture(scope="module")
def shipped() -> dict:
    return json.loads(model_path().read_text(encoding="utf-8"))


@pytest.fixture
def fresh_load(monkeypatch):
    """load_model() with its cache cleared before and after, so no test sees another's model."""
    load_model.cache_clear()
    yield monkeypatch
    load_model.cache_clear()


def write(tmp_path, model: dict):
    path = tmp_path / "cue_model.json"
    path.write_text(json.dumps(model))
    return path


def test_shipped_meta_is_complete(shipped):
    meta = shipped["meta"]
    for key in META_KEYS:
        assert meta.get(key), f"meta.{key} is empty"
    assert re.fullmatch(r"[0-9a-f]{40}", meta["commit"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", meta["trained_at"])
    data = meta["data"]
    assert data["path"].endswith("polnear/dev.jsonl")
    for key in ("sha256", "train_ids_sha256", "heldout_ids_sha256"):
        assert re.fullmatch(r"[0-9a-f]{64}", data[key])
    assert data["train_ids"] + data["heldout_ids"] == data["documents"]
    hyper = meta["hyperparameters"]
    assert hyper["dense_width"] == DENSE_WIDTH and hyper["threshold"] == shipped["threshold"]
    for key in ("epochs", "lr", "l2"):
        assert key in hyper["classifier"] and key in hyper["boundary"]
    scores = meta["scores"]
    assert scores["split"] == "heldout" and scores["scope"] == "all"
    for key in ("content_P", "content_R", "content_F1", "speaker_acc_on_matched", "end_to_end_F1"):
        assert 0 < scores["both"][key] <= 1


def test_shipped_feature_hash_matches_code(shipped):
    assert shipped["meta"]["features"]["sha256"] == feature_hash()


def test_meta_library_versions_are_installed(shipped):
    libs = shipped["meta"]["libraries"]
    assert shipped["meta"]["spacy_model"] == MODEL_NAME
    assert libs["spacy"] == spacy.__version__
    assert libs[MODEL_NAME] == metadata.version(MODEL_NAME)
    assert libs["numpy"] == np.__version__


def test_shipped_model_loads():
    load_model.cache_clear()
    model = load_model()
    assert isinstance(model["dense"], np.ndarray) and model["dense"].shape == (3 * DENSE_WIDTH,)


def test_missing_file_names_it(tmp_path, fresh_load):
    missing = tmp_path / "data" / "cue_model.json"
    fresh_load.setattr(cues, "model_path", lambda: missing)
    with pytest.raises(ModelFileError) as err:
        load_model()
    assert err.value.code == "model.missing" and err.value.path == str(missing)
    assert str(missing) in str(err.value) and "train/train_cues.py" in str(err.value)


def test_no_word_rule_fallback():
    with pytest.raises(TypeError):
        cues.rate(["bias", "lemma=say", "rel=ccomp"], None)


@pytest.mark.parametrize("change, says", [
    (lambda m: m.pop("meta"), "no 'meta'"),
    (lambda m: m["meta"].pop("scores"), "lacks scores"),
    (lambda m: m["meta"]["features"].update(sha256="0" * 64), "feature templates"),
    (lambda m: (m.update(dense=m["dense"][:3 * 64]), m["meta"]["hyperparameters"].update(dense_width=64)),
     "dense weights"),
    (lambda m: m["meta"]["libraries"].update(spacy="3.7.5"), "spacy 3.7.5"),
    (lambda m: m["meta"]["libraries"].update({MODEL_NAME: "3.7.1"}), f"{MODEL_NAME} 3.7.1"),
])
def test_mismatched_copy_names_file_and_mismatch(tmp_path, shipped, fresh_load, change, says):
    model = copy.deepcopy(shipped)
    change(model)
    path = write(tmp_path, model)
    with pytest.raises(ModelFileError) as err:
        read_model(path)
    assert err.value.code == "model.mismatch" and err.value.path == str(path)
    assert str(path) in str(err.value) and says in str(err.value)
    fresh_load.setattr(cues, "model_path", lambda: path)
    with pytest.raises(ModelFileError):
        load_model()


def test_patch_release_is_accepted(tmp_path, shipped):
    model = copy.deepcopy(shipped)
    spacy_version = model["meta"]["libraries"]["spacy"].split(".")
    model["meta"]["libraries"]["spacy"] = ".".join(spacy_version[:2] + ["999"])
    assert read_model(write(tmp_path, model))["threshold"] == shipped["threshold"]


def test_other_tensor_width_is_an_error_not_a_silent_drop():
    doc = spacy.blank("en")("Officials said the plan works")
    doc.tensor = np.zeros((len(doc), 64), dtype=np.float32)
    cand = Candidate(cue=doc[1], content_start=2, content_end=5, relation="ccomp", speaker=doc[0])
    with pytest.raises(ModelFileError) as err:
        dense_features(cand)
    assert err.value.code == "model.mismatch" and "64" in str(err.value) and str(DENSE_WIDTH) in str(err.value)
    doc.tensor = np.ones((len(doc), DENSE_WIDTH), dtype=np.float32)
    assert dense_features(cand).shape == (3 * DENSE_WIDTH,)
