"""The scorers the pipeline steps are configured with, by name, through spaCy's registry.

Every scorer has one interface: ``scorer(examples) -> dict`` where ``examples`` are
``(gold record, predicted record)`` pairs (the gold format of ``shared/data``, the JSON
record of ``claimgraph read``); each wraps a corpus metric of this package that takes
``(gold records, predicted records)``. They are found by name (``{"@scorers":
"claimgraph.quotes_scorer.v1"}`` in a factory's default config) through the
``spacy_scorers`` entry points in ``pyproject.toml``, so no pipeline module imports
``claimgraph.eval``.
"""
from __future__ import annotations

from typing import Callable, Iterable

from claimgraph.eval import coref, hedges, quotes, timex

Scorer = Callable[[Iterable[tuple[dict, dict]]], dict]


def on_pairs(metric: Callable[..., dict], **options) -> Scorer:
    """A scorer of (gold, predicted) pairs from a metric of (gold list, predicted list)."""
    def scorer(examples: Iterable[tuple[dict, dict]], **kwargs) -> dict:
        pairs = list(examples)
        return metric([g for g, _ in pairs], [p for _, p in pairs], **options, **kwargs)
    return scorer


def _section(section: str) -> Callable[..., dict]:
    def metric(gold: list[dict], pred: list[dict]) -> dict:
        return quotes.score(gold, pred, sections=(section,))[section]
    return metric


def make_entities_scorer() -> Scorer:
    """Entity clusters: MUC, B³, CEAF-e and CoNLL F1 (:mod:`.coref`)."""
    return on_pairs(coref.score)


def make_quotes_scorer() -> Scorer:
    """Quote contents P/R/F1, speaker accuracy, end-to-end F1 (:mod:`.quotes`)."""
    return on_pairs(_section("quotes"))


def make_attributions_scorer() -> Scorer:
    """"According to" claims and their sources (:mod:`.quotes`, section attributions)."""
    return on_pairs(_section("attributions"))


def make_dates_scorer() -> Scorer:
    """TempEval-3 extent and value scores (:mod:`.timex`)."""
    return on_pairs(timex.score)


def make_hedges_scorer() -> Scorer:
    """Uncertainty cue and sentence P/R/F1 (:mod:`.hedges`)."""
    return on_pairs(hedges.score)
