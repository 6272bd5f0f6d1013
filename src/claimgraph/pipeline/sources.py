"""``claimgraph_sources``: Sources: claims reported on someone's authority ("according to X", "AP notes")."""
from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from claimgraph.quotes.sources import SourceFinder


@Language.factory("claimgraph_sources", assigns=["doc._.cg_attributions"], requires=["doc._.cg_entities", "doc._.cg_quotes", "token.dep"],
                  default_config={"scorer": {"@scorers": "claimgraph.attributions_scorer.v1"}})
def make_source_finder(nlp: Language, name: str, scorer: Optional[Callable]) -> SourceFinder:
    return SourceFinder(nlp, name, scorer=scorer)
