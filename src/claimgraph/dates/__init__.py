"""Dates and times: every temporal expression, resolved against the publication date.

``patterns`` (vocabulary and regular pieces) → ``rules`` (one pattern and handler per
kind of expression) → ``scan`` (where the rules run, longest match, anchoring) with
``calendar`` (TimeML arithmetic) and ``tense`` (the governing verb's tense) →
``tagger`` (the pipeline step). See :mod:`claimgraph.dates.tagger` for the method.
"""
