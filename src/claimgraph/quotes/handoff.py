"""The quote layer's hand-off: the changes later steps may ask of ``doc._.cg_quotes``.

The quote step (:mod:`claimgraph.quotes.finder`) owns the quote records. Two later
steps need to change them, and ask here instead of editing records themselves:

- the source step (:mod:`.sources`): a quote inside an "according to X" sentence is
  carried by X (``via``), and loses the phrase at its edge (:func:`carry_via`); an
  indirect relation resting on an outlet or an anonymous collective is an attribution,
  not a quote (:func:`withdraw_quotes`, which renumbers the quotes left);
- the certainty step (:mod:`claimgraph.hedges.certainty`): each quote's and
  attribution's certainty label (:func:`label_certainty`).

The steps that call these declare it (``claimgraph.pipeline.STEPS``: ``asks``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from claimgraph.parsed import doc_text

Span = tuple[int, int]


def carry_via(doc: Doc, sentence: Span, via_id: str, owner_id: Optional[str], cut: Span,
              source_mention: Optional[Span] = None, source_confidence: Optional[float] = None) -> None:
    """Quotes whose content starts in ``sentence`` are carried by ``via_id`` (and, when
    the source is an office, spoken by its ``owner_id`` if no speaker was found); a
    quotation with no cue of its own that the phrase introduces ("According to NISA, “…”")
    is the source's own words, whoever the discourse guessed, as sure as the attribution
    (``source_confidence``); every quote loses the source
    phrase ``cut`` where it stands at one of its edges."""
    text = doc_text(doc)
    for q in doc._.cg_quotes or []:
        if sentence[0] <= q.content[0] < sentence[1] and q.speaker != via_id:
            if q.cue is None and owner_id is None and source_mention is not None and cut[1] <= q.content[0]:
                q.speaker, q.speaker_mention, q.reason, q.via = via_id, source_mention, None, None
                q.speaker_text = text[source_mention[0]:source_mention[1]]
                if source_confidence is not None:
                    q.confidence = source_confidence
                continue
            q.via = via_id
            if owner_id is not None and q.speaker is None:
                q.speaker, q.reason = owner_id, None  # a speaker found: no reason for none
        q.content = _without(text, q.content, cut)
        q.fragments = _cut_out(text, within(q.fragments, q.content), cut)


def withdraw_quotes(doc: Doc, ids: set[str]) -> None:
    """Drop the quotes with these ids (they became attributions); renumber the rest."""
    kept = [q for q in doc._.cg_quotes or [] if q.id not in ids]
    for k, q in enumerate(kept, 1):
        q.id = f"Q{k}"
    doc._.cg_quotes = kept


def label_certainty(doc: Doc, by_claim: dict[tuple[str, Span], str]) -> None:
    """Set each quote's and attribution's certainty from ``(kind, span) → label``
    (kind "quote" for a quote's content, "attribution" for an attributed claim)."""
    for q in doc._.cg_quotes or []:
        q.certainty = by_claim.get(("quote", tuple(q.content)), q.certainty)
    for a in doc._.cg_attributions or []:
        a.certainty = by_claim.get(("attribution", tuple(a.claim)), a.certainty)


def _without(text: str, span: tuple[int, int], cut: tuple[int, int]) -> tuple[int, int]:
    """``span`` without the phrase ``cut`` where it sits at one of its edges
    ("he discussed the plan, according to AFP" → "he discussed the plan")."""
    start, end = span
    if not (start <= cut[0] and cut[1] <= end + 1):
        return span
    if not text[cut[1]:end].strip(" ,.;:—–-\"”’"):
        new_end = cut[0]
        while new_end > start and text[new_end - 1] in " ,;:—–-":
            new_end -= 1
        return (start, new_end) if new_end > start else span
    if not text[start:cut[0]].strip(" ,;:—–-\"“‘"):
        new_start = cut[1]
        while new_start < end and text[new_start] in " ,;:—–-":
            new_start += 1
        return (new_start, end) if new_start < end else span
    return span


def _cut_out(text: str, pieces: list[Span], cut: Span) -> list[Span]:
    """``pieces`` without the phrase ``cut`` where it stands inside one of them ("the plant,
    according to the ministry, would close" → "the plant", "would close")."""
    out: list[Span] = []
    for a, b in pieces:
        if a < cut[0] and cut[1] < b:
            left, right = cut[0], cut[1]
            while left > a and text[left - 1] in " ,;:—–-(":
                left -= 1
            while right < b and text[right] in " ,;:—–-)":
                right += 1
            out += [(a, left), (right, b)] if left > a and right < b else [(a, b)]
        else:
            out.append((a, b))
    return out


def within(pieces: list[Span], span: Span) -> list[Span]:
    """``pieces`` clipped to ``span`` (a content that lost a phrase at its edge)."""
    out = [(max(a, span[0]), min(b, span[1])) for a, b in pieces]
    return [(a, b) for a, b in out if b > a] or ([tuple(span)] if pieces else [])
