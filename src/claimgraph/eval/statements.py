"""Scoring cross-outlet statement links without hand labels: the reference is a rule.

Nobody has labelled which quotes in BASIL report the same statement, so the reference is
built from the texts by a rule that does not use the linker's decision procedure:

**Reference rule.** Two quotes (as the reader found them) in articles of the *same gold
story* from *different outlets* report one statement when either

1. their contents share a run of at least :data:`RUN` identical words (a verbatim
   quotation carried by both, whoever the reader says spoke it), or
2. the reader gives them the same speaker (registry key) and their content words overlap
   by at least :data:`OVERLAP` (Jaccard over stemmed content words, at least
   :data:`MIN_SHARED` shared).

Predicted links are the pairs of reports of one linked statement whose articles are in
different outlets. Precision = predicted links that the rule accepts (a link across two
gold stories is always wrong); recall = reference links that were predicted.

What this measures, honestly: agreement with a stricter-on-overlap, looser-on-speaker
textual rule over the reader's quotes. It cannot see quotes the reader missed, paraphrases
that share few words (both sides miss them), or wrong speakers that happen to agree;
rule 2 shares the speaker keys with the linker, so speaker errors are invisible there.
"""
from __future__ import annotations

import difflib
import itertools
from typing import Iterable, Mapping

from claimgraph.across.keys import entity_key
from claimgraph.across.statements import quote_words
from claimgraph.eval import f1
from claimgraph.model import Article

RUN = 8
OVERLAP = 0.5
MIN_SHARED = 3

Link = frozenset  # frozenset({(article id, quote id), (article id, quote id)})


def reference_links(articles: Iterable[Article], story: Mapping[str, str]) -> set[Link]:
    by_story: dict[str, list[Article]] = {}
    for a in articles:
        if a.id in story:
            by_story.setdefault(story[a.id], []).append(a)
    out: set[Link] = set()
    for arts in by_story.values():
        quotes = []
        for a in arts:
            for q in a.quotes:
                ws, terms = quote_words(a.span_text(q.content))
                quotes.append((a, q, ws, terms, entity_key(a, q.speaker)))
        for (a1, q1, w1, t1, s1), (a2, q2, w2, t2, s2) in itertools.combinations(quotes, 2):
            if a1.id == a2.id or (a1.outlet and a1.outlet == a2.outlet):
                continue
            ok = False
            if len(w1) >= RUN and len(w2) >= RUN:
                m = difflib.SequenceMatcher(None, w1, w2, autojunk=False)
                ok = m.find_longest_match(0, len(w1), 0, len(w2)).size >= RUN
            if not ok and s1 and s1 == s2 and t1 and t2:
                shared = len(t1 & t2)
                ok = shared >= MIN_SHARED and shared / len(t1 | t2) >= OVERLAP
            if ok:
                out.add(frozenset({(a1.id, q1.id), (a2.id, q2.id)}))
    return out


def predicted_links(statements, outlet: Mapping[str, str], scope: set[str]) -> set[Link]:
    """Cross-outlet report pairs of linked statements, among articles in ``scope``."""
    out: set[Link] = set()
    for st in statements:
        reps = [r for r in st.reports if r.article in scope]
        for r1, r2 in itertools.combinations(reps, 2):
            if r1.article != r2.article and outlet.get(r1.article) != outlet.get(r2.article):
                out.add(frozenset({(r1.article, r1.quote), (r2.article, r2.quote)}))
    return out


def score(reference: set[Link], predicted: set[Link]) -> dict:
    tp = len(reference & predicted)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(reference) if reference else 1.0
    return {"precision": p, "recall": r, "f1": f1(p, r), "reference": len(reference),
            "predicted": len(predicted), "correct": tp}
