"""``claimgraph_hedges``: Hedges: cues of uncertainty and negation, scoped to the claim they bear on."""
from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from claimgraph.hedges.tagger import HedgeTagger


@Language.factory("claimgraph_hedges", assigns=["doc._.cg_hedges"], requires=["doc._.cg_quotes", "doc._.cg_attributions", "token.dep"],
                  default_config={"scorer": {"@scorers": "claimgraph.hedges_scorer.v1"}})
def make_hedge_tagger(nlp: Language, name: str, scorer: Optional[Callable]) -> HedgeTagger:
    return HedgeTagger(nlp, name, scorer=scorer)
