"""Windows of text around trigger words, where the regular grammars of the number and
date layers run (scanning only there keeps those layers far cheaper than the parse)."""
from __future__ import annotations

from typing import Iterable


def merge_windows(text: str, spans: Iterable[tuple[int, int]], before: int,
                  after: int) -> list[tuple[int, int]]:
    """Stretches ``before``/``after`` characters around each span (in text order), merged
    where they touch and widened to white space so that no word is cut."""
    out: list[list[int]] = []
    n = len(text)
    for s, e in spans:
        a, b = max(0, s - before), min(n, e + after)
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    for w in out:
        while w[0] > 0 and not text[w[0] - 1].isspace():
            w[0] -= 1
        while w[1] < n and not text[w[1]].isspace():
            w[1] += 1
    return [(a, b) for a, b in out]
