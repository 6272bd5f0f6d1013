"""The house rules of the layout, checked on a real pipeline run:

- every claimgraph factory declares what it assigns and requires, and each layer has
  exactly one owning step (``pipeline.STEPS``, ``model.LAYERS``);
- a step writes only its own layers: a layer it does not own changes only through a
  hand-off it declares (``asks``).
"""
from __future__ import annotations

import copy

import pytest
from spacy.language import Language

from claimgraph.ingest.text import normalise
from claimgraph.model import LAYERS
from claimgraph.pipeline import HANDOFFS, STEPS

TEXT = ("Harbour officials said on Tuesday that the plant would probably reopen in May. "
        "\u201cWe are not leaving,\u201d said Ana Ruiz, the union leader. "
        "According to the port authority, about 1,200 workers lost 10% of their pay, or "
        "$300 a month. Observers say the dispute may last weeks, notes Harbour Radio.\n")


def test_every_factory_declares_assigns_and_requires(reader):
    reader.nlp  # noqa: B018 - registers the factories
    for step in STEPS:
        meta = Language.get_factory_meta(step.factory)
        assert meta.assigns, step.factory
        for layer in step.owns:
            assert f"doc._.cg_{layer}" in meta.assigns, (step.factory, layer)


def test_each_layer_has_one_owner():
    owners = {layer: [s.factory for s in STEPS if layer in s.owns] for layer in (spec.name for spec in LAYERS)}
    assert all(len(o) == 1 for o in owners.values()), owners
    assert {spec.name: spec.owner for spec in LAYERS} == {k: v[0] for k, v in owners.items()}


def _layers(doc) -> dict:
    return {spec.name: copy.deepcopy(getattr(doc._, f"cg_{spec.name}")) for spec in LAYERS}


def test_steps_write_only_their_own_layers_or_declared_handoffs(reader):
    nlp = reader.nlp
    doc = nlp.make_doc(normalise(TEXT))
    by_factory = {s.factory: s for s in STEPS}
    changed_somewhere = set()
    for name, proc in nlp.pipeline:
        before = _layers(doc)
        doc = proc(doc)
        after = _layers(doc)
        step = by_factory.get(name)
        for layer, value in after.items():
            if value == before[layer]:
                continue
            changed_somewhere.add(layer)
            assert step is not None, f"{name} (not a claimgraph step) changed {layer}"
            allowed = set(step.owns) | {ask.split(":")[0] for ask in step.asks}
            assert layer in allowed, f"{name} changed the {layer} layer without declaring a hand-off"
    # the text exercises the hand-offs: the quote and source steps add entities, the
    # source step withdraws quotes or carries them, the certainty step labels them
    assert {"entities", "quotes", "attributions", "hedges", "quantities"} <= changed_somewhere


@pytest.mark.parametrize("step", STEPS, ids=lambda s: s.factory)
def test_declared_handoffs_exist(step):
    import importlib

    for ask in step.asks:
        layer, function = ask.split(":")
        assert layer not in step.owns, ask
        module = importlib.import_module(HANDOFFS[layer])
        assert callable(getattr(module, function)), ask
