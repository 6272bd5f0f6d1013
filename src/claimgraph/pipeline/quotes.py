"""``claimgraph_quotes``: Quotes: direct, partial, mixed and indirect statements with their speakers."""
from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from claimgraph.quotes.finder import QuoteFinder


@Language.factory("claimgraph_quotes", assigns=["doc._.cg_quotes"], requires=["doc._.cg_entities", "token.dep", "doc.tensor"],
                  default_config={"threshold": None, "scope": 'speech', "scorer": {"@scorers": "claimgraph.quotes_scorer.v1"}})
def make_quote_finder(nlp: Language, name: str, threshold: Optional[float], scope: str, scorer: Optional[Callable]) -> QuoteFinder:
    return QuoteFinder(nlp, name, threshold=threshold, scope=scope, scorer=scorer)
