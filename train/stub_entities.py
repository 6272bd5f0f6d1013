"""The entity layer as it was before the entities issue, for ablations: spaCy's named
entities grouped by name, a lone surname joined to the person it ends. Used by
``dev_eval.py --entities stub`` to measure what the entity layer adds to speakers."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.model import Entity

ENTITY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "LOC"}


class StubEntities:
    def __init__(self, nlp: Language, name: str = "stub_entities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        clusters: list[Entity] = []
        by_key: dict[str, Entity] = {}
        for span in doc.ents:
            type_ = ENTITY_LABELS.get(span.label_)
            toks = [t for t in span if not (t.i == span.start and t.lower_ == "the") and t.tag_ != "POS"]
            if type_ is None or not toks:
                continue
            name = doc[toks[0].i:toks[-1].i + 1].text
            key = name.lower()
            ent = by_key.get(key)
            if ent is None and type_ == "PERSON" and len(toks) == 1:
                ent = next((c for c in clusters if c.type == "PERSON"
                            and key in {w.lower() for w in c.name.split()}), None)
            if ent is None:
                ent = Entity(id=f"E{len(clusters) + 1}", name=name, type=type_, aliases=[])
                clusters.append(ent)
            by_key[key] = ent
            ent.mentions.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
            if name not in ent.aliases:
                ent.aliases.append(name)
        doc._.cg_entities = clusters
        return doc


@Language.factory("stub_entities")
def make_stub_entities(nlp: Language, name: str) -> StubEntities:
    return StubEntities(nlp, name)
