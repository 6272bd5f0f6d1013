"""The human-readable report of one article (``claimgraph read --format text``).

Who said what, grouped by speaker: each quote with its kind, cue and carrying outlet,
and each claim the article reports on someone's authority ("according to X"). Then,
when present, the other layers: quantities, dates, hedges and consistency checks, each
rendered by its function in :mod:`.sections`. All rendering lives in this package;
layer packages only make records.
"""
from __future__ import annotations

import textwrap
from typing import Optional

from claimgraph.model import LAYER_BY_NAME, Article, Attribution, Entity, Quote
from claimgraph.report.sections import SECTIONS

WIDTH = 100
INDENT = "    "
NO_SPEAKER = "(speaker not found)"
#: below this calibrated confidence a speaker is shown as a guess, not a reading
#: (the same threshold as ``claimgraph.quotes.confidence.LOW``; the report reads records only)
LOW_CONFIDENCE = 0.5
MARKED_KINDS = ("direct", "partial")


def render(article: Article) -> str:
    """The whole report as one string (no trailing newline)."""
    lines = _header(article)
    entity = _EntityIndex(article)
    groups = group_by_speaker(article, entity)
    lines.append("")
    lines.append(_rule("Who said what"))
    if not groups:
        lines.append("No quotes or sourced claims found.")
    for label, items in groups:
        lines.append("")
        lines.append(label)
        for item in items:
            lines.extend(_quote_lines(article, item, entity) if isinstance(item, Quote)
                         else _source_lines(article, item, entity))
    for layer, section_lines in SECTIONS.items():
        if not article.records(layer):
            continue
        body = section_lines(article)
        if body:
            lines.append("")
            lines.append(_rule(LAYER_BY_NAME[layer].title))
            lines.extend(_wrap(line, "  ") for line in body)
    return "\n".join(lines)


class _EntityIndex:
    """:meth:`Article.entity` for many look-ups: the entities indexed by id once (the first
    entity of an id wins, as there) instead of a pass over all of them per look-up."""

    def __init__(self, article: Article):
        self.article = article
        self.by_id: Optional[dict] = {}
        try:
            for ent in article.entities:
                self.by_id.setdefault(ent.id, ent)
        except TypeError:  # an unhashable id (a hand-made record): look up the slow way
            self.by_id = None

    def __call__(self, entity_id) -> Optional[Entity]:
        if self.by_id is not None:
            try:
                return self.by_id.get(entity_id)
            except TypeError:
                pass
        return self.article.entity(entity_id)


def group_by_speaker(article: Article, entity: Optional[_EntityIndex] = None) -> list[tuple[str, list]]:
    """``(label, [Quote | Attribution …])`` per speaker or source, in order of first
    appearance in the text; statements with no speaker come last."""
    entity = entity or _EntityIndex(article)
    groups: dict[str, list] = {}
    labels: dict[str, str] = {}
    items = sorted(list(article.quotes) + list(article.attributions), key=_position)
    for item in items:
        key, label = _speaker_key(article, item, entity)
        groups.setdefault(key, []).append(item)
        labels[key] = label
    keys = sorted(groups, key=lambda k: k == "")
    return [(labels[k], groups[k]) for k in keys]


def _position(item) -> int:
    return (item.content if isinstance(item, Quote) else item.claim)[0]


def _speaker_key(article: Article, item, entity: _EntityIndex) -> tuple[str, str]:
    if isinstance(item, Quote):
        ent_id, mention, text = item.speaker, item.speaker_mention, item.speaker_text
    else:
        ent_id, mention, text = item.source, item.source_mention, item.source_text
    ent = entity(ent_id)
    if ent is not None:
        return f"id:{ent.id}", f"{ent.name} ({ent.type})"
    name = (text or article.span_text(mention)).strip()
    if name:
        anonymous = isinstance(item, Attribution) and item.anonymous
        return f"text:{name.casefold()}", f"{name}" + (" (anonymous)" if anonymous else "")
    return "", NO_SPEAKER


def _header(article: Article) -> list[str]:
    title = article.title or article.id
    meta = [x for x in (article.outlet, article.published, article.url) if x]
    lines = [title]
    if meta:
        lines.append(" · ".join(meta))
    counts = (f"{len(article.quotes)} quote{'s' * (len(article.quotes) != 1)}, "
              f"{len(article.attributions)} sourced claim{'s' * (len(article.attributions) != 1)}, "
              f"{len(article.entities)} entit{'ies' if len(article.entities) != 1 else 'y'}")
    lines.append(counts)
    return lines


def _rule(title: str) -> str:
    return f"== {title} " + "=" * max(3, WIDTH - len(title) - 4)


def _quote_lines(article: Article, quote: Quote, entity: _EntityIndex) -> list[str]:
    marked = quote.kind in MARKED_KINDS  # mixed content carries its own quote marks
    mark, close = ("“", "”") if marked else ("", "")
    # the passages without the frame that interrupts them ("…,” the mayor said. “…")
    pieces = [_clean(article.span_text(f)) for f in quote.fragments] or [_clean(article.span_text(quote.content))]
    content = f"{close} … {mark}".join(pieces)
    details = [quote.kind]
    if quote.cue:
        details.append(f"cue “{_clean(article.span_text(quote.cue))}”")
    speaker = entity(quote.speaker)
    if quote.speaker_mention and speaker is not None:
        mention = _clean(article.span_text(quote.speaker_mention))
        if mention and mention != speaker.name:
            details.append(f"as “{mention}”")
    others = [entity(s) for s in (getattr(quote, "speakers", None) or [])[1:]]
    if any(others):
        details.append("with " + ", ".join(o.name for o in others if o is not None))
    reason = getattr(quote, "reason", None)
    if reason and quote.speaker is None:
        # a statement found with no speaker: say so and why, not "speaker?"
        details.append(f"no speaker: {reason}")
        if isinstance(quote.confidence, (int, float)):
            details.append(f"confidence {quote.confidence:.2f}")
    else:
        details += _confidence_details(quote.confidence)
    return _item_lines(f"- {mark}{content}{close}", details, entity(quote.via), quote.content[0])


def _source_lines(article: Article, attr: Attribution, entity: _EntityIndex) -> list[str]:
    # the passages without the source phrase that interrupts them ("…, according to X, and …")
    pieces = [_clean(article.span_text(f)) for f in getattr(attr, "fragments", None) or []]
    claim = " … ".join(pieces) if len(pieces) > 1 else _clean(article.span_text(attr.claim))
    details = [f"cue “{_clean(article.span_text(attr.cue))}”"]
    if attr.anonymous:
        details.append("anonymous source")
    if attr.source is None and getattr(attr, "reason", None):
        details.append(f"no source: {attr.reason}")
    if attr.source_text and entity(attr.source) is not None and attr.source_text != entity(attr.source).name:
        details.append(f"as “{_clean(attr.source_text)}”")
    details += _confidence_details(getattr(attr, "confidence", 1.0))
    return _item_lines(f"- source of: {claim}", details, entity(getattr(attr, "via", None)), attr.claim[0])


def _confidence_details(confidence) -> list[str]:
    """"speaker? low confidence 0.31" where the speaker (or content) is more likely wrong
    than right: a guess, not a reading."""
    if isinstance(confidence, (int, float)) and confidence < LOW_CONFIDENCE:
        return [f"speaker? low confidence {confidence:.2f}"]
    return []


def _item_lines(head: str, details: list[str], via: Optional[Entity], position: int) -> list[str]:
    """A statement's two lines: what was said, then its details, carrier and offset."""
    if via is not None:
        details.append(f"via {via.name}")
    details.append(f"@{position}")
    return [_wrap(head, "  ", INDENT), _wrap(f"({'; '.join(details)})", INDENT, INDENT)]


def _clean(text: str) -> str:
    return " ".join(text.split())


def _wrap(text: str, first: str, rest: str = INDENT) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)
