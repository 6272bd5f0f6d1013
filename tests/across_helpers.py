"""Building small articles by hand for the across-articles tests (texts written here)."""
from __future__ import annotations

from claimgraph.model import Article, Entity, Quantity, Quote


def make(id: str, text: str, *, outlet: str = "wire", published: str = "2024-05-02",
         title: str | None = None, people: dict[str, str] | None = None,
         quotes: list[tuple[str, str, str]] = (), quantities: list[dict] = (),
         places: dict[str, str] | None = None) -> Article:
    """An article with entities (``people``/``places``: name → registry key, one mention at
    each occurrence of the name), quotes (speaker name, quoted text, kind) and quantities
    (``{"text", "low", "high", "unit", "counts", ...}``; located by their text)."""
    art = Article(id=id, text=text, title=title, published=published, outlet=outlet)
    ents: dict[str, Entity] = {}
    for kind, table in (("PERSON", people or {}), ("GPE", places or {})):
        for name, key in table.items():
            spans, start = [], 0
            while (i := text.find(name, start)) >= 0:
                spans.append((i, i + len(name)))
                start = i + len(name)
            if not spans:
                continue
            ent = Entity(id=f"E{len(ents) + 1}", name=name, type=kind, mentions=spans,
                         aliases=[name], key=key)
            ents[name] = ent
            art.entities.append(ent)
    for n, (speaker, content, kind) in enumerate(quotes, 1):
        i = text.index(content)
        art.quotes.append(Quote(id=f"Q{n}", kind=kind, content=(i, i + len(content)),
                                speaker=ents[speaker].id))
    for n, q in enumerate(quantities, 1):
        i = text.index(q["text"])
        art.quantities.append(Quantity(id=f"N{n}", span=(i, i + len(q["text"])), low=q.get("low"),
                                       high=q.get("high", q.get("low")), unit=q["unit"],
                                       counts=q["counts"], approximate=q.get("approximate", False),
                                       bound=q.get("bound"), text=q["text"]))
    return art
