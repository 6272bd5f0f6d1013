"""The cue classifier's training labels (``train/train_cues.py``): which candidates teach
it what, on sentences written for the purpose."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))
from train_cues import REACHED_WEIGHT, label_of  # noqa: E402

from claimgraph.quotes.candidates import generate_candidates  # noqa: E402

TEXT = "The minister said that taxes will rise next year because the deficit has grown."


@pytest.fixture(scope="module")
def said(reader):
    """The sentence parsed and its candidate on *said* (content: the whole clause)."""
    doc = reader.nlp(TEXT)
    cand = next(c for c in generate_candidates(doc) if c.cue.text == "said")
    last = doc[cand.content_end - 1]
    return doc, cand, (doc[cand.content_start].idx, last.idx + len(last.text))


def _gold(doc, content: str) -> tuple[list[dict], list[set[int]]]:
    """One gold relation on *said* with ``content``."""
    start = TEXT.index(content)
    cue = next(t.i for t in doc if t.text == "said")
    return [{"content": (start, start + len(content))}], [{cue}]


def test_right_content_is_a_full_positive(said):
    doc, cand, span = said
    items, cues = _gold(doc, "taxes will rise next year because the deficit has grown")
    assert label_of(doc, cand, span, items, cues) == (1, 1.0)


def test_content_a_choice_of_end_mends_is_a_weighted_positive(said):
    # the parse's content runs on to the 'because' clause; the ranker may cut it there
    doc, cand, span = said
    items, cues = _gold(doc, "taxes will rise next year")
    assert label_of(doc, cand, span, items, cues) == (1, REACHED_WEIGHT)


def test_content_no_choice_of_end_mends_is_left_out(said):
    doc, cand, span = said
    items, cues = _gold(doc, "the deficit has grown")
    assert label_of(doc, cand, span, items, cues) is None


def test_content_of_another_cue_word_is_left_out(said):
    doc, cand, span = said
    items, cues = _gold(doc, "taxes will rise next year because the deficit has grown")
    assert label_of(doc, cand, span, items, [{0}]) is None
