"""Parse the PolNeAR dev split once and cache the spaCy docs (DocBin) for training runs.

The cache is keyed by a content hash (:func:`cache_key`): the gold file's bytes, the
English model's name and version, spaCy's version and the source of what shapes the parse
(the claimgraph sentence component and the text normaliser). A cache under another key is
never read: change any of these and the documents are parsed again.
"""
from __future__ import annotations

import hashlib
import inspect
import json
import os
import pickle
import sys
from importlib import metadata
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from claimgraph.ingest.text import normalise
from claimgraph.pipeline import MODEL_NAME

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "data" / "polnear" / "dev.jsonl"
CACHE_DIR = Path(os.environ.get("CLAIMGRAPH_CACHE", "/tmp"))


def split_of(doc_id: str) -> str:
    """Deterministic 2:1 split of the dev documents: 'train' or 'heldout'."""
    return "heldout" if int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % 3 == 0 else "train"


def load_gold() -> list[dict]:
    if not GOLD.exists():
        sys.exit(f"PolNeAR dev split not found at {GOLD}")
    return [json.loads(line) for line in GOLD.open()]


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def ids_sha256(ids) -> str:
    """sha256 of document ids, sorted, one a line."""
    return hashlib.sha256("".join(f"{i}\n" for i in sorted(ids)).encode()).hexdigest()


def parse_sources() -> list[str]:
    """The claimgraph modules that shape the cached parse: the sentence component (its
    factory and :mod:`claimgraph.parsed`) and the normaliser the text goes through."""
    import claimgraph.parsed
    import claimgraph.pipeline.sentences

    return [inspect.getsource(m) for m in (claimgraph.pipeline.sentences, claimgraph.parsed,
                                           sys.modules[normalise.__module__])]


def cache_key(path: Path = GOLD) -> str:
    """Key of a gold file's parses: its bytes and what shapes the parse."""
    h = hashlib.sha256(path.read_bytes())
    for part in (MODEL_NAME, metadata.version(MODEL_NAME), spacy.__version__, *parse_sources()):
        h.update(b"\0" + part.encode())
    return h.hexdigest()


def cache_paths(key: str) -> tuple[Path, Path]:
    stem = CACHE_DIR / f"claimgraph-polnear-{key[:16]}"
    return stem.with_suffix(".spacy"), stem.with_suffix(".tensors.pkl")


def corpus_docs(corpus: str, path: Path, gold: list[dict]):
    """``(nlp, docs)`` for another gold file (GUM, TimeBank), cached like PolNeAR's under a
    key of the file's bytes and what shapes the parse."""
    stem = CACHE_DIR / f"claimgraph-{corpus}-{path.stem}-{cache_key(path)[:16]}"
    return parsed_docs(gold, stem.with_suffix(".spacy"), stem.with_suffix(".tensors.pkl"))


def write_jsonl(path, records) -> None:
    """Predicted records, one JSON line each (the loops' ``--dump``)."""
    with open(path, "w") as fh:
        for record in records:
            fh.write(json.dumps(record) + "\n")


def load_docs(gold: list[dict]):
    """The PolNeAR dev documents parsed (from the cache when it holds them)."""
    return parsed_docs(gold, *cache_paths(cache_key()))


def parsed_docs(gold: list[dict], cache: Path, tensors: Path):
    """``(nlp, docs)``: the gold records' texts parsed exactly as the reader parses them,
    read from ``cache`` (a DocBin) and ``tensors`` (the tok2vec output) when they hold
    these texts, else parsed and written there (GUM's loop uses it too)."""
    import claimgraph.pipeline.sentences  # noqa: F401 - registers the factory

    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("claimgraph_sentences", before="parser")  # parse exactly as the reader does
    if cache.exists() and tensors.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        arrays = pickle.loads(tensors.read_bytes())
        if len(docs) == len(gold) == len(arrays) and all(
                d.text == normalise(g["text"]) for d, g in zip(docs, gold)):
            for doc, arr in zip(docs, arrays):
                doc.tensor = arr  # DocBin does not keep the tok2vec output the cue model reads
            return nlp, docs
        print(f"parse cache {cache.name} does not hold these documents: rebuilding it", file=sys.stderr)
    print(f"parsing {len(gold)} documents (cache {cache.name})", file=sys.stderr)
    docs = list(nlp.pipe((normalise(g["text"]) for g in gold), batch_size=32))
    cache.parent.mkdir(parents=True, exist_ok=True)  # CLAIMGRAPH_CACHE may name a new folder
    tmp = cache.with_suffix(f".{os.getpid()}.tmp")
    DocBin(store_user_data=False, docs=docs).to_disk(tmp)
    tmp_t = tensors.with_suffix(f".{os.getpid()}.tmp")
    tmp_t.write_bytes(pickle.dumps([doc.tensor for doc in docs]))
    os.replace(tmp_t, tensors)  # tensors first: the DocBin's presence marks a complete cache
    os.replace(tmp, cache)
    return nlp, docs
