"""From a processed spaCy ``Doc`` to the :class:`~claimgraph.model.Article` record."""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import LAYERS, Article, ArticleInput
from claimgraph.pipeline import layer


def article_from_doc(doc: Doc, source: ArticleInput) -> Article:
    """Collect every layer the pipeline wrote (:data:`claimgraph.model.LAYERS`); the text is
    the user's, not the working copy."""
    return Article(id=source.id, text=source.text, title=source.title, published=source.published,
                   url=source.url, outlet=source.outlet,
                   **{spec.name: layer(doc, spec.name) for spec in LAYERS})
