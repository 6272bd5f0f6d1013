"""``claimgraph_certainty``: Certainty: each claim labelled with its least certain cue."""
from __future__ import annotations


from spacy.language import Language

from claimgraph.hedges.certainty import CertaintyLabeller


@Language.factory("claimgraph_certainty", assigns=["doc._.cg_claims"], requires=["doc._.cg_hedges", "doc._.cg_quotes", "doc._.cg_attributions"],
                  default_config={})
def make_certainty_labeller(nlp: Language, name: str) -> CertaintyLabeller:
    return CertaintyLabeller(nlp, name)
