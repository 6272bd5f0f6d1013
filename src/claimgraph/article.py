"""From a processed spaCy ``Doc`` to the :class:`~claimgraph.model.Article` record."""
from __future__ import annotations

from spacy.tokens import Doc

from claimgraph.model import Article, ArticleInput, Claim
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


def label_certainty(article: Article) -> Article:
    """Give every quote and attributed claim its certainty label, and list the article's
    own sentences that carry a hedge or a negation (see ``pipeline.hedges.claim_certainty``)."""
    if not article.hedges and not article.quotes and not article.attributions:
        return article
    from claimgraph.pipeline.hedges import claim_certainty

    by_span = {}
    for claim in claim_certainty(article):
        if claim.kind == "sentence":
            if claim.certainty != "certain":
                article.claims.append(Claim(span=claim.span, certainty=claim.certainty, cues=claim.cues))
        else:
            by_span[(claim.kind, claim.span)] = claim.certainty
    for q in article.quotes:
        q.certainty = by_span.get(("quote", tuple(q.content)), q.certainty)
    for a in article.attributions:
        a.certainty = by_span.get(("attribution", tuple(a.claim)), a.certainty)
    return article
