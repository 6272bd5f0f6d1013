"""Evaluation of claimgraph layers against gold corpora."""
from __future__ import annotations

from typing import Iterable, Iterator


def f1(p: float, r: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def one_to_one(pairs: Iterable[tuple]) -> Iterator[tuple[int, int]]:
    """Greedy one-to-one matching, best first: ``pairs`` are ``(score, i, j)`` candidates;
    yields each ``(i, j)`` whose gold item ``i`` and predicted item ``j`` are both still
    free, in descending order of the tuples."""
    used_g, used_p = set(), set()
    for _, i, j in sorted(pairs, reverse=True):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        yield i, j
