"""Misquotes: two reports of one statement whose words differ beyond trimming.

Two verbatim reports (direct, partial or mixed quotes) of one statement are aligned word
by word (``difflib.SequenceMatcher`` over folded words). What is missing at either end
is trimming, and a gap inside one of them is an ellipsis or a partial quotation: neither
is flagged. Flagged, inside the stretch both reports carry:

- ``number``: a number replaced by a different number (*5,000* → *500*);
- ``negation``: a negation (*not*, *n't*, *never*, *no* …) present in one and not the other;
- ``word``: one word replaced by a different word (not a spelling variant, not the same
  stem) with at least :data:`CONTEXT` aligned words on each side (*we will **send**
  troops* → *we will **withdraw** troops*).

An indirect report is a paraphrase, so only a changed number is flagged against it.
Precision first: fewer flags, each one right. Both versions are returned with the
difference marked (``[-old-]`` / ``{+new+}``).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Optional

from claimgraph.across.text import NEGATIONS, STOPWORDS, Token, is_number, stem, tokens

VERBATIM = frozenset({"direct", "partial", "mixed"})
CONTEXT = 2  # aligned words needed on each side of a changed word
MAX_CHANGE = 3  # a difference longer than this (on either side) is a cut or a paraphrase
ALIGNED = 0.8  # share of the common stretch that must align word for word


@dataclass
class Difference:
    type: str                 # "number" | "negation" | "word"
    old: str                  # the words of the first report ("" when absent)
    new: str                  # the words of the other report
    old_span: Optional[tuple[int, int]] = None  # offsets into the first report's text
    new_span: Optional[tuple[int, int]] = None


@dataclass
class Comparison:
    differences: list[Difference] = field(default_factory=list)
    marked_old: str = ""
    marked_new: str = ""


def _value(word: str) -> Optional[float]:
    try:
        return float(word.rstrip("%"))
    except ValueError:
        return None


def _span(toks: list[Token], i: int, j: int) -> Optional[tuple[int, int]]:
    return (toks[i].start, toks[j - 1].end) if j > i else None


def compare(old_text: str, new_text: str, old_kind: str = "direct", new_kind: str = "direct",
            old_offset: int = 0, new_offset: int = 0) -> Comparison:
    """The differences between two reports of one statement (empty: no misquote)."""
    a, b = tokens(old_text), tokens(new_text)
    wa, wb = [t.norm for t in a], [t.norm for t in b]
    sm = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    ops = sm.get_opcodes()
    verbatim = old_kind in VERBATIM and new_kind in VERBATIM
    # the stretch both carry: from the first to the last equal block
    eq = [k for k, op in enumerate(ops) if op[0] == "equal"]
    diffs: list[Difference] = []
    if eq:
        # how well the stretch both carry aligns: a loose alignment is a paraphrase or a
        # quotation cut and rejoined, where no single difference can be trusted
        span_a = ops[eq[-1]][2] - ops[eq[0]][1]
        span_b = ops[eq[-1]][4] - ops[eq[0]][3]
        same = sum(ops[k][2] - ops[k][1] for k in eq)
        if same < ALIGNED * min(span_a, span_b):
            eq = []
    if eq:
        for k in range(eq[0] + 1, eq[-1]):
            tag, i1, i2, j1, j2 = ops[k]
            if tag == "equal":
                continue
            left, right = wa[i1:i2], wb[j1:j2]
            before = ops[k - 1][2] - ops[k - 1][1] if ops[k - 1][0] == "equal" else 0
            after = ops[k + 1][2] - ops[k + 1][1] if ops[k + 1][0] == "equal" else 0
            old_words = old_text[a[i1].start:a[i2 - 1].end] if i2 > i1 else ""
            new_words = new_text[b[j1].start:b[j2 - 1].end] if j2 > j1 else ""
            spans = (_shift(_span(a, i1, i2), old_offset), _shift(_span(b, j1, j2), new_offset))
            if len(left) > MAX_CHANGE or len(right) > MAX_CHANGE or not before or not after:
                continue
            nums_l = [_value(w) for w in left if is_number(w)]
            nums_r = [_value(w) for w in right if is_number(w)]
            if tag == "replace" and nums_l and nums_r and set(nums_l) != set(nums_r):
                diffs.append(Difference("number", old_words, new_words, *spans))
                continue
            if not verbatim:
                continue
            neg_l = [w for w in left if w in NEGATIONS]
            neg_r = [w for w in right if w in NEGATIONS]
            if bool(neg_l) != bool(neg_r) and before >= CONTEXT and after >= CONTEXT:
                diffs.append(Difference("negation", old_words, new_words, *spans))
                continue
            if (tag == "replace" and len(left) == 1 and len(right) == 1
                    and before >= CONTEXT and after >= CONTEXT and _different_word(left[0], right[0])):
                diffs.append(Difference("word", old_words, new_words, *spans))
    comp = Comparison(diffs)
    if diffs:
        comp.marked_old, comp.marked_new = mark(old_text, new_text, a, b, ops)
    return comp


def _shift(span, offset):
    return (span[0] + offset, span[1] + offset) if span else None


def _different_word(x: str, y: str) -> bool:
    if x in STOPWORDS or y in STOPWORDS or is_number(x) or is_number(y):
        return False
    if len(x) < 3 or len(y) < 3 or stem(x) == stem(y) or x[:4] == y[:4] or x[:3] == y[:3]:
        return False
    # a spelling variant (apologise / apologize) is not a different word
    return difflib.SequenceMatcher(None, x, y).ratio() < 0.75


def mark(old_text: str, new_text: str, a: list[Token], b: list[Token], ops) -> tuple[str, str]:
    """Both texts with the words that differ marked: ``[-removed-]`` / ``{+added+}``."""
    def render(text: str, toks: list[Token], ranges: list[tuple[int, int]], open_: str, close: str) -> str:
        out, pos = [], 0
        for i, j in ranges:
            s, e = toks[i].start, toks[j - 1].end
            out.append(text[pos:s])
            out.append(open_ + text[s:e] + close)
            pos = e
        out.append(text[pos:])
        return "".join(out)

    eq = [k for k, op in enumerate(ops) if op[0] == "equal"]
    inner = ops[eq[0] + 1:eq[-1]] if eq else []
    ra = [(i1, i2) for tag, i1, i2, j1, j2 in inner if tag != "equal" and i2 > i1]
    rb = [(j1, j2) for tag, i1, i2, j1, j2 in inner if tag != "equal" and j2 > j1]
    return render(old_text, a, ra, "[-", "-]"), render(new_text, b, rb, "{+", "+}")
