"""Evaluation of claimgraph layers against gold corpora."""
