"""Property tests (hypothesis): for any input text, every span of every layer is a valid
``(start, end)`` into the text the user gave, and references between records resolve."""
from __future__ import annotations

import dataclasses

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimgraph.reader as reader_module
from claimgraph.ingest.text import normalise
from claimgraph.model import Article, ArticleInput, ReadError
from claimgraph.model import LAYER_NAMES as LAYERS
from claimgraph.reader import split_windows

# Pieces of news copy, and of the damage it comes with.
PIECES = [
    "The minister", "said", "told reporters", "according to", "officials", "Yoon Suk Yeol",
    "President Lee", "he added", "she said", "notes", "observers say", "Reuters reported",
    "the 40-year-old leader", "insists that", "described it as", "a former envoy", "Moscow",
    "on Tuesday", "last week", "in 2023", "12 percent", "$4.5 billion", "about 300", "may",
    "could", "not", "probably", "“", "”", "„", '"', "«", "»", "‘", "’", "'", ":", ",", ".",
    "—", "-", "(", ")", "\n", "\n\n", "< /p>", "<br/>", "&amp;", "&nbsp;", "\u00a0", "\u200b",
    "\t", "  ", "BREAKING NEWS", "COSTS AND RISKS", "é", "한국", "😀", "\r\n", "\x00",
]
news_text = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join)
any_text = st.one_of(news_text, st.text(max_size=200),
                     st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)),
                              max_size=40).map("".join))

READ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _spans(record):
    """Every span a record holds (fields typed ``Span``, single or list)."""
    for f in dataclasses.fields(record):
        if "Span" not in str(f.type):
            continue
        value = getattr(record, f.name)
        if value is None:
            continue
        yield from (value if isinstance(value, list) else [value])


def assert_offsets_valid(article: Article, text: str) -> None:
    assert article.text == text
    for layer in LAYERS:
        for rec in getattr(article, layer):
            for span in _spans(rec):
                start, end = span
                assert isinstance(start, int) and isinstance(end, int), (layer, rec)
                assert 0 <= start <= end <= len(text), (layer, rec, span)
    entity_ids = {e.id for e in article.entities}
    for layer in LAYERS:
        ids = [r.id for r in getattr(article, layer) if hasattr(r, "id")]
        assert len(ids) == len(set(ids)), layer
    for q in article.quotes:
        assert q.speaker is None or q.speaker in entity_ids
        assert q.via is None or q.via in entity_ids
    for a in article.attributions:
        assert a.source is None or a.source in entity_ids


@READ
@given(text=any_text)
def test_every_offset_is_valid(reader, text):
    (result,) = list(reader.read_many([ArticleInput(id="p", text=text, origin="p")]))
    if isinstance(result, ReadError):
        assert not text.strip() and "empty" in result.message
        return
    assert_offsets_valid(result, text)


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=news_text.filter(lambda t: len(t.strip()) > 0))
def test_offsets_valid_when_read_in_windows(reader, text):
    """The same, with windows small enough that most texts are split and merged."""
    text = (text + "\n\n") * 3
    original = reader_module.WINDOW_CHARS
    reader_module.WINDOW_CHARS = 120
    try:
        article = reader.read(text)
    finally:
        reader_module.WINDOW_CHARS = original
    assert_offsets_valid(article, text)


@settings(max_examples=300, deadline=None)
@given(text=any_text)
def test_normalise_keeps_length(text):
    assert len(normalise(text)) == len(text)


@settings(max_examples=200, deadline=None)
@given(text=any_text, limit=st.integers(min_value=1, max_value=80))
def test_windows_cover_the_text(text, limit):
    spans = split_windows(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= limit for s, e in spans if len(text))
