"""``claimgraph_entities``: Entities: mentions clustered into one record per real-world thing."""
from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from claimgraph.entities.clusterer import EntityClusterer


@Language.factory("claimgraph_entities", assigns=["doc._.cg_entities"], requires=["token.dep", "token.pos", "token.ent_type"],
                  default_config={"scorer": {"@scorers": "claimgraph.entities_scorer.v1"}})
def make_entity_clusterer(nlp: Language, name: str, scorer: Optional[Callable]) -> EntityClusterer:
    return EntityClusterer(nlp, name, scorer=scorer)
