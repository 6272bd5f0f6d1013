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


def test_the_table_of_layers_is_the_article_the_json_and_the_doc():
    import dataclasses

    from spacy.tokens import Doc

    from claimgraph.model import Article

    list_fields = [f.name for f in dataclasses.fields(Article)
                   if f.name in {spec.name for spec in LAYERS} or f.type.startswith("list[")]
    assert [n for n in list_fields if n != "errors"] == [spec.name for spec in LAYERS]
    record = Article(id="a", text="x").to_record()
    assert list(record)[:1] == ["schema_version"]
    assert [k for k in record if k in {spec.name for spec in LAYERS}] == [spec.name for spec in LAYERS]
    for spec in LAYERS:
        assert Doc.has_extension(f"cg_{spec.name}")


def test_records_reject_values_outside_their_enums():
    from claimgraph.model import Article, Quote

    with pytest.raises(ValueError, match="kind"):
        Quote(id="Q1", kind="rumour", content=(0, 1))
    rec = Article(id="a", text="abc", quotes=[Quote(id="Q1", kind="direct", content=(0, 1))]).to_record()
    rec["quotes"][0]["certainty"] = "sort of"
    with pytest.raises(ValueError, match="certainty"):
        Article.from_record(rec)
    rec["quotes"][0]["certainty"] = None
    rec["schema_version"] = 99
    with pytest.raises(ValueError, match="newer"):
        Article.from_record(rec)


def test_old_date_field_names_are_kept_as_aliases():
    from claimgraph.model import Article, DateExpr

    art = Article(id="a", text="on 3 May 2024", dates=[DateExpr(id="D1", span=(3, 13), value="2024-05-03",
                                                                resolved=True, resolution="exact",
                                                                first_day="2024-05-03", last_day="2024-05-03")])
    d = art.to_record()["dates"][0]
    assert (d["confidence"], d["start"], d["end"]) == ("exact", "2024-05-03", "2024-05-03")
    assert (d["resolution"], d["first_day"], d["last_day"]) == ("exact", "2024-05-03", "2024-05-03")
    old = {k: v for k, v in d.items() if k not in ("resolution", "first_day", "last_day")}
    back = Article.from_record({"id": "a", "text": "on 3 May 2024", "dates": [old]})
    assert back.dates[0].resolution == "exact" and back.dates[0].first_day == "2024-05-03"
