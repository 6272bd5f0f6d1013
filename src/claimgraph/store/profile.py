"""One entity's profile across the store (``claimgraph entity NAME``): its names and
aliases, type, country, role, the articles it appears in, what it said (by date), what
others said about it (statements whose content mentions it), and which outlets cite it
and how often on anonymous authority."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Optional

import sqlalchemy as sa

from claimgraph.store.errors import NotFound
from claimgraph.store.schema import articles, mentions, registry, registry_names
from claimgraph.store.search import Filters, Hit, search


@dataclass
class Profile:
    key: str
    name: str
    type: str
    country: Optional[str]
    role: Optional[str]
    names: list[str]                     # every spelling seen (name and aliases)
    articles: list[str]                  # ids of current articles that mention it, newest first
    said: list[Hit]                      # its own statements, newest first
    about: list[Hit]                     # others' statements that mention it
    outlets: list[dict[str, Any]]        # {"outlet", "cites", "anonymous_about"}
    namesakes: list[str] = field(default_factory=list)  # other registry keys with this name

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def profile(engine: sa.Engine, name: str, limit: Optional[int] = None) -> Profile:
    from claimgraph.entities.registry import Registry

    with engine.connect() as conn:
        keys = Registry(conn).keys_for(name)
        if not keys:
            raise NotFound(f"no stored entity is called {name!r}")
        key = keys[0]
        row = conn.execute(sa.select(registry).where(registry.c.key == key)).one()
        names = sorted(set(conn.execute(sa.select(registry_names.c.alias)
                                        .where(registry_names.c.key == key)).scalars()))
        arts = conn.execute(
            sa.select(articles.c.id, articles.c.published).distinct()
            .join_from(mentions, articles, articles.c.uid == mentions.c.article)
            .where(mentions.c.key == key, articles.c.superseded == sa.false())
            .order_by(sa.nulls_last(articles.c.published.desc()), articles.c.id)).all()
    said = search(engine, None, Filters(speaker=key, limit=limit))
    about = [h for h in search(engine, None, Filters(about=key)) if h.speaker_key != key]
    if limit:
        about = about[:limit]
    outlets: dict[str, dict[str, Any]] = {}
    for hit in search(engine, None, Filters(speaker=key)) + search(engine, None, Filters(source=key)):
        entry = outlets.setdefault(hit.outlet or "(none)", {"outlet": hit.outlet or "(none)",
                                                            "cites": 0, "anonymous_about": 0})
        entry["cites"] += 1
    for hit in about:
        entry = outlets.setdefault(hit.outlet or "(none)", {"outlet": hit.outlet or "(none)",
                                                            "cites": 0, "anonymous_about": 0})
        entry["anonymous_about"] += int(bool(hit.anonymous))
    return Profile(key=key, name=row.name, type=row.type, country=row.country, role=row.role,
                   names=names, articles=[a.id for a in arts], said=said, about=about,
                   outlets=sorted(outlets.values(), key=lambda e: (-e["cites"], e["outlet"])),
                   namesakes=keys[1:])
