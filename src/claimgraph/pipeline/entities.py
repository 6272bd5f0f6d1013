"""Entities: one record per real-world person, organisation or place in the article.

First cut: spaCy's named entities grouped by name and surname. The public helpers
(:func:`entity_at`, :func:`add_entity`) are the interface the quote and source
components use; keep their signatures when refining the clustering.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.model import Entity, Span

ENTITY_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
                 "FAC": "LOC"}


def entity_at(doc: Doc, start: int, end: int) -> Optional[str]:
    """Id of the entity with a mention overlapping ``[start, end)`` most, or None."""
    best, best_overlap = None, 0
    for ent in doc._.cg_entities or []:
        for s, e in ent.mentions:
            ov = min(e, end) - max(s, start)
            if ov > best_overlap:
                best, best_overlap = ent.id, ov
    return best


def add_entity(doc: Doc, name: str, type_: str, mention: Span) -> str:
    """Add a mention to the entity of that name (or a new entity); return its id."""
    ents = doc._.cg_entities
    if ents is None:
        ents = doc._.cg_entities = []
    key = name.lower()
    for ent in ents:
        if ent.name.lower() == key:
            if mention not in ent.mentions:
                ent.mentions.append(mention)
                ent.mentions.sort()
            return ent.id
    ent = Entity(id=f"E{len(ents) + 1}", name=name, type=type_, mentions=[mention], aliases=[name])
    ents.append(ent)
    return ent.id


class EntityClusterer:
    def __init__(self, nlp: Language, name: str = "claimgraph_entities"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> list[Entity]:
        clusters: list[Entity] = []
        by_key: dict[str, Entity] = {}
        for span in doc.ents:
            type_ = ENTITY_LABELS.get(span.label_)
            if type_ is None:
                continue
            toks = [t for t in span if not (t.i == span.start and t.lower_ == "the") and t.tag_ != "POS"]
            if not toks:
                continue
            name = doc[toks[0].i:toks[-1].i + 1].text
            mention = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
            key = name.lower()
            ent = by_key.get(key)
            if ent is None and type_ == "PERSON" and len(toks) == 1:
                ent = next((c for c in clusters if c.type == "PERSON"
                            and key in {w.lower() for w in c.name.split()}), None)
            if ent is None:
                ent = Entity(id=f"E{len(clusters) + 1}", name=name, type=type_, aliases=[])
                clusters.append(ent)
            by_key[key] = ent
            ent.mentions.append(mention)
            if name not in ent.aliases:
                ent.aliases.append(name)
        return clusters

    def set_annotations(self, doc: Doc, clusters: list[Entity]) -> None:
        doc._.cg_entities = clusters


@Language.factory("claimgraph_entities")
def make_entity_clusterer(nlp: Language, name: str) -> EntityClusterer:
    return EntityClusterer(nlp, name)
