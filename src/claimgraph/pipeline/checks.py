"""``claimgraph_checks``: Checks: quantities of one article that follow from each other."""
from __future__ import annotations


from spacy.language import Language

from claimgraph.numbers.checks import ConsistencyChecker


@Language.factory("claimgraph_checks", assigns=["doc._.cg_checks"], requires=["doc._.cg_quantities", "doc._.cg_dates"],
                  default_config={})
def make_consistency_checker(nlp: Language, name: str) -> ConsistencyChecker:
    return ConsistencyChecker(nlp, name)
