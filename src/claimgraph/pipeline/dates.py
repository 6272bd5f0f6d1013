"""``claimgraph_dates``: Dates: temporal expressions resolved against the publication date."""
from __future__ import annotations

from typing import Callable, Optional

from spacy.language import Language

from claimgraph.dates.tagger import DateTagger


@Language.factory("claimgraph_dates", assigns=["doc._.cg_dates"], requires=["token.tag", "token.dep"],
                  default_config={"scorer": {"@scorers": "claimgraph.dates_scorer.v1"}})
def make_date_tagger(nlp: Language, name: str, scorer: Optional[Callable]) -> DateTagger:
    return DateTagger(nlp, name, scorer=scorer)
