"""One reading as the Read view shows it: the text with its marks, and the side panel.

:func:`reading_view` turns an :class:`~claimgraph.model.Article` into plain values for the
templates. :func:`marked_text` renders the text with every layer as nested ``<span>``s:
statements (quotes, sourced claims) outside, cues, speakers, sources, hedge cues,
quantities, dates and entity mentions inside; where two marks cross, the inner one is
split in two (both pieces carry the same ``data-item``). Every piece of article text goes
through :func:`markupsafe.escape`; attribute values too. Nothing of the article ever
reaches the page unescaped, and no inline script or style is written (the page's
Content-Security-Policy forbids both).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from markupsafe import Markup, escape

from claimgraph.model import Article, Quote
from claimgraph.report import group_by_speaker

PALETTE_SIZE = 8  # speaker colours sp-0 … sp-7 in app.css; sp-none for no speaker
PEOPLE = ("PERSON",)
ORGS = ("ORG", "NEWS_OUTLET", "GOVERNMENT", "GROUP", "NORP")
PLACES = ("GPE", "LOC", "FAC")
EXCERPT = 160


@dataclass
class Mark:
    start: int
    end: int
    rank: int  # 0 outermost
    classes: str
    attrs: dict[str, str] = field(default_factory=dict)
    key: str = ""  # the record it shows (pieces of one record share it)
    focus: bool = False  # the first piece is focusable (tabindex=0, role=button)


def _speaker_key(item) -> Optional[str]:
    return item.speaker if isinstance(item, Quote) else item.source


def reading_view(article: Article, *, store_link: bool = False) -> dict[str, Any]:
    """Everything the Read view needs, as plain values (escaped by the templates)."""
    ents = {e.id: e for e in article.entities}
    groups = group_by_speaker(article)
    colour: dict[str, str] = {}  # speaker key -> css class
    label_colour: dict[str, str] = {}
    n = 0
    for label, items in groups:
        key = _group_key(article, items[0])
        if key is None:
            label_colour[label] = "sp-none"
            continue
        if key not in colour:
            colour[key] = f"sp-{n % PALETTE_SIZE}"
            n += 1
        label_colour[label] = colour[key]

    def colour_of(item) -> str:
        key = _group_key(article, item)
        return colour.get(key, "sp-none") if key is not None else "sp-none"

    bad_quantities = {qid for c in article.checks if c.verdict == "inconsistent" for qid in c.quantities}
    details = [_detail(article, item, ents, colour_of(item), store_link)
               for item in sorted(list(article.quotes) + list(article.attributions),
                                  key=lambda it: (it.content if isinstance(it, Quote) else it.claim)[0])]
    who = []
    for label, items in groups:
        who.append({"label": label, "colour": label_colour[label],
                    "entries": [{"id": it.id, "kind": it.kind if isinstance(it, Quote) else "source",
                               "text": _excerpt(article.span_text(it.content if isinstance(it, Quote) else it.claim)),
                               "certainty": it.certainty} for it in items]})
    speaker_colour = {ent_id: colour.get(f"id:{ent_id}") for ent_id in ents}

    def entity_row(e):
        return {"id": e.id, "name": e.name, "type": e.type, "role": e.role,
                "aliases": [a for a in e.aliases if a != e.name], "mentions": len(e.mentions),
                "colour": speaker_colour.get(e.id)}

    by_mentions = sorted(article.entities, key=lambda e: (-len(e.mentions), e.mentions[:1]))
    checks = [{"id": c.id, "verdict": c.verdict, "kind": c.kind, "derivation": c.derivation,
               "stated": c.stated,
               "quantities": [_quantity_text(article, qid) for qid in c.quantities]}
              for c in sorted(article.checks, key=lambda c: c.verdict != "inconsistent")]
    return {
        "article": article,
        "text_html": marked_text(article, colour_of, bad_quantities),
        "who": who,
        "details": details,
        "people": [entity_row(e) for e in by_mentions if e.type in PEOPLE],
        "orgs": [entity_row(e) for e in by_mentions if e.type in ORGS],
        "places": [entity_row(e) for e in by_mentions if e.type in PLACES],
        "others": [entity_row(e) for e in by_mentions
                   if e.type not in PEOPLE + ORGS + PLACES],
        "checks": checks,
        "failed_checks": sum(1 for c in article.checks if c.verdict == "inconsistent"),
        "counts": {"quotes": len(article.quotes), "sources": len(article.attributions),
                   "entities": len(article.entities), "quantities": len(article.quantities),
                   "dates": len(article.dates), "hedges": len(article.hedges),
                   "claims": len(article.claims)},
    }


def _group_key(article: Article, item) -> Optional[str]:
    ent_id = _speaker_key(item)
    if ent_id is not None and article.entity(ent_id) is not None:
        return f"id:{ent_id}"
    if isinstance(item, Quote):
        text = item.speaker_text or article.span_text(item.speaker_mention)
    else:
        text = item.source_text or article.span_text(item.source_mention)
    text = (text or "").strip()
    return f"text:{text.casefold()}" if text else None


def _excerpt(text: str, size: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rsplit(" ", 1)[0] + "…"


def _quantity_text(article: Article, qid: str) -> str:
    for q in article.quantities:
        if q.id == qid:
            return q.text or article.span_text(q.span)
    return qid


def _person(ent) -> Optional[dict[str, Any]]:
    if ent is None:
        return None
    return {"id": ent.id, "name": ent.name, "type": ent.type, "role": ent.role,
            "aliases": [a for a in ent.aliases if a != ent.name], "country": ent.country,
            "key": ent.key}


def _detail(article: Article, item, ents, colour: str, store_link: bool) -> dict[str, Any]:
    """What clicking a statement shows: speaker, the source chain, certainty, cue."""
    if isinstance(item, Quote):
        speaker = ents.get(item.speaker) if item.speaker else None
        said_as = article.span_text(item.speaker_mention) or item.speaker_text
        content = article.span_text(item.content)
        kind, extra = item.kind, {"act": item.act, "confidence": item.confidence,
                                  "reason": getattr(item, "reason", None) if item.speaker is None else None}
        anonymous = False
    else:
        speaker = ents.get(item.source) if item.source else None
        said_as = article.span_text(item.source_mention) or item.source_text
        content = article.span_text(item.claim)
        kind, extra = "source", {}
        anonymous = item.anonymous
    via = ents.get(item.via) if item.via else None
    chain = []
    if speaker is not None:
        chain.append(speaker.name)
    elif said_as:
        chain.append(said_as)
    if via is not None and (speaker is None or via.id != speaker.id):
        chain.append(via.name)
    chain.append("this article" + (f" ({article.outlet})" if article.outlet else ""))
    return {
        "id": item.id, "kind": kind, "colour": colour, "content": _excerpt(content, 600),
        "speaker": _person(speaker), "said_as": said_as, "anonymous": anonymous,
        "via": _person(via), "chain": chain, "certainty": item.certainty or "certain",
        "cue": article.span_text(item.cue) if item.cue else None,
        "search": _excerpt(content, 80).rstrip("…") if store_link else None,
        **extra,
    }


# --------------------------------------------------------------------------- the text

def _marks(article: Article, colour_of, bad_quantities: set) -> list[Mark]:
    marks: list[Mark] = []
    for c in article.claims:
        marks.append(Mark(c.span[0], c.span[1], 0, f"claim cert-{c.certainty}",
                          {"title": f"the article's own claim: {c.certainty}"
                           + (f" ({', '.join(c.cues)})" if c.cues else "")}))
    for q in article.quotes:
        cls = f"st q {colour_of(q)} kind-{q.kind}" + ("" if q.certainty in (None, "certain") else " hedged")
        marks.append(Mark(q.content[0], q.content[1], 1, cls,
                          {"data-item": q.id, "data-certainty": q.certainty or "certain"},
                          key=q.id, focus=True))
        if q.cue:
            marks.append(Mark(q.cue[0], q.cue[1], 2, "cue", {"title": "cue"}))
        if q.speaker_mention:
            marks.append(Mark(q.speaker_mention[0], q.speaker_mention[1], 2, f"who {colour_of(q)}",
                              {"title": "speaker"}))
    for a in article.attributions:
        cls = f"st a {colour_of(a)}" + ("" if a.certainty in (None, "certain") else " hedged")
        marks.append(Mark(a.claim[0], a.claim[1], 1, cls,
                          {"data-item": a.id, "data-certainty": a.certainty or "certain"},
                          key=a.id, focus=True))
        marks.append(Mark(a.cue[0], a.cue[1], 2, "cue", {"title": "cue"}))
        if a.source_mention:
            marks.append(Mark(a.source_mention[0], a.source_mention[1], 2, f"src {colour_of(a)}",
                              {"title": "source" + (" (anonymous)" if a.anonymous else "")}))
    for h in article.hedges:
        marks.append(Mark(h.cue[0], h.cue[1], 3, f"hedge cert-{h.certainty}",
                          {"title": f"hedge: {h.certainty}"}))
    for n in article.quantities:
        value = _number(n.low) if n.low == n.high else f"{_number(n.low)}–{_number(n.high)}"
        title = f"quantity: {value} {n.unit or ''}".rstrip()
        cls = "qty"
        if n.id in bad_quantities:
            cls += " bad"
            title += " (in a failed consistency check)"
        marks.append(Mark(n.span[0], n.span[1], 3, cls, {"title": title, "data-qty": n.id}))
    for d in article.dates:
        title = f"date: {d.value or '?'}" + ("" if d.resolved else " (unresolved)")
        marks.append(Mark(d.span[0], d.span[1], 3, "date", {"title": title}))
    for e in article.entities:
        for s, t in e.mentions:
            marks.append(Mark(s, t, 4, "ent", {"data-ent": e.id}))
    size = len(article.text)
    return [m for m in marks if 0 <= m.start < m.end <= size]


def _number(value) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def marked_text(article: Article, colour_of=lambda item: "sp-none",
                bad_quantities: frozenset = frozenset()) -> Markup:
    """The article text as nested, escaped HTML ``<span>``s (see the module's docstring)."""
    text = article.text
    marks = _marks(article, colour_of, set(bad_quantities))
    order = {id(m): (m.rank, m.start, -m.end, i) for i, m in enumerate(marks)}
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    active: list[Mark] = []
    stack: list[Mark] = []  # open elements, outermost first
    opened: set[str] = set()  # records whose first piece is written
    out: list[str] = []
    for left, right in zip(bounds, bounds[1:]):
        active = [m for m in active if m.end > left] + starts.get(left, [])
        want = sorted(active, key=lambda m: order[id(m)])
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        out.extend("</span>" for _ in stack[keep:])
        stack = stack[:keep]
        for m in want[keep:]:
            first = m.focus and m.key not in opened
            if m.key:
                opened.add(m.key)
            out.append(_open(m, first))
            stack.append(m)
        out.append(str(escape(text[left:right])))
    out.extend("</span>" for _ in stack)
    return Markup("".join(out))


def _open(m: Mark, first: bool) -> str:
    attrs = dict(m.attrs)
    classes = m.classes
    if m.focus:
        if first:
            attrs.update({"tabindex": "0", "role": "button", "id": f"st-{m.key}",
                          "aria-controls": f"detail-{m.key}", "aria-expanded": "false"})
        else:
            classes += " cont"
    parts = [f'class="{escape(classes)}"'] + [f'{k}="{escape(v)}"' for k, v in attrs.items()]
    return f"<span {' '.join(parts)}>"
