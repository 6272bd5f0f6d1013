"""Parse the PolNeAR dev split once and cache the spaCy docs (DocBin) for training runs."""
from __future__ import annotations

import hashlib
import json
import pickle
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from claimgraph.ingest.text import normalise
from claimgraph.pipeline import MODEL_NAME

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "data" / "polnear" / "dev.jsonl"
CACHE = Path("/tmp/claimgraph-polnear.spacy")


def split_of(doc_id: str) -> str:
    """Deterministic 2:1 split of the dev documents: 'train' or 'heldout'."""
    return "heldout" if int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "train"


def load_gold() -> list[dict]:
    if not GOLD.exists():
        sys.exit(f"PolNeAR dev split not found at {GOLD}")
    return [json.loads(line) for line in GOLD.open()]


def load_docs(gold: list[dict]):
    import claimgraph.pipeline.sentences  # noqa: F401 - registers the factory

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("claimgraph_sentences", before="parser")  # parse exactly as the reader does
    tensors = CACHE.with_suffix(".tensors.pkl")
    if CACHE.exists() and tensors.exists():
        docs = list(DocBin().from_disk(CACHE).get_docs(nlp.vocab))
        arrays = pickle.loads(tensors.read_bytes())
        if len(docs) == len(gold) == len(arrays):
            for doc, arr in zip(docs, arrays):
                doc.tensor = arr  # DocBin does not keep the tok2vec output the cue model reads
            return nlp, docs
    docs = list(nlp.pipe((normalise(g["text"]) for g in gold), batch_size=32))
    DocBin(store_user_data=False, docs=docs).to_disk(CACHE)
    tensors.write_bytes(pickle.dumps([doc.tensor for doc in docs]))
    return nlp, docs
