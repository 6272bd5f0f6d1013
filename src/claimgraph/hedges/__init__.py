"""Hedges and certainty: cues of uncertainty and negation (``tagger``), and the certainty of
every claim they bear on (``certainty``)."""
