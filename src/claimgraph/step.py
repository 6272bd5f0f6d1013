"""The shape every claimgraph pipeline step shares (after spaCy's ``span_ruler.py``).

``__call__(doc)`` is *find* (``predict(doc)``: what the step sees, written nowhere) then
*write* (``set_annotations(doc, found)``: the step's own layer on ``doc._``). ``score``
hands ``(gold record, predicted record)`` pairs to the scorer the factory was configured
with (``{"@scorers": "claimgraph.<layer>_scorer.v1"}``, resolved by spaCy's registry from
``claimgraph.eval``), so a step can be measured on gold data without the step importing
the evaluation code.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable, Optional

from spacy.tokens import Doc

Scorer = Callable[[Iterable[tuple[dict, dict]]], dict]


class Step:
    def __init__(self, name: str, scorer: Optional[Scorer] = None):
        self.name = name
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> Any:  # pragma: no cover - every step defines it
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def score(self, examples: Iterable[tuple[dict, dict]], **kwargs) -> dict:
        """Scores of this step on ``(gold record, predicted record)`` pairs."""
        if self.scorer is None:
            raise ValueError(f"{self.name}: no scorer configured")
        return self.scorer(examples, **kwargs)
