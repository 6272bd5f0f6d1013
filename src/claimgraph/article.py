"""From a processed spaCy ``Doc`` to the :class:`~claimgraph.model.Article` record."""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Article, ArticleInput
from claimgraph.pipeline import layer


def article_from_doc(doc: Doc, source: ArticleInput) -> Article:
    """Collect every layer the pipeline wrote; the text is the user's, not the working copy."""
    return Article(
        id=source.id, text=source.text, title=source.title, published=source.published,
        url=source.url, outlet=source.outlet,
        entities=layer(doc, "entities"), quotes=layer(doc, "quotes"),
        attributions=layer(doc, "attributions"), quantities=layer(doc, "quantities"),
        dates=layer(doc, "dates"), hedges=layer(doc, "hedges"), checks=layer(doc, "checks"),
    )
