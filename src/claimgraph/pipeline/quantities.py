"""``claimgraph_quantities``: Quantities: numbers with units, ranges, bounds and what they count."""
from __future__ import annotations


from spacy.language import Language

from claimgraph.numbers.quantities import QuantityTagger


@Language.factory("claimgraph_quantities", assigns=["doc._.cg_quantities"], requires=["token.dep"],
                  default_config={})
def make_quantity_tagger(nlp: Language, name: str) -> QuantityTagger:
    return QuantityTagger(nlp, name)
