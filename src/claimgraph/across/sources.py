"""The source graph: which outlets cite which agencies, officials and anonymous sources.

Nodes are outlets (``outlet:<name>``) and sources (registry keys; every anonymous source
of an outlet — *officials said*, *a person familiar with* — is one node ``anonymous``).
An edge outlet → source counts the outlet's quotes of the source (``quotes``), its claims
on the source's authority (``attributions``), how many of those are anonymous, and the
articles. A republished wire text is counted once, under the outlet that first published
it. :func:`to_graphml` writes GraphML (Gephi, networkx ``read_graphml``);
:func:`to_json` writes networkx's node-link JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional
from xml.sax.saxutils import escape, quoteattr

from claimgraph.across.keys import key_of
from claimgraph.model import Article

ANONYMOUS = "anonymous"


@dataclass
class Edge:
    quotes: int = 0
    attributions: int = 0
    anonymous: int = 0
    articles: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return self.quotes + self.attributions


@dataclass
class SourceGraph:
    nodes: dict[str, dict] = field(default_factory=dict)
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)

    def add(self, article: Article, copy_of: Optional[str] = None) -> None:
        """Count one article's citations (nothing for a republished copy)."""
        if copy_of:
            return
        outlet = f"outlet:{article.outlet or '(none)'}"
        self.nodes.setdefault(outlet, {"label": article.outlet or "(none)", "kind": "outlet"})
        for q in article.quotes:
            ent = article.entity(q.speaker)
            if ent is None:
                continue
            self._count(outlet, key_of(ent), ent.name, ent.type, article.id, quote=True, anonymous=False)
        for a in article.attributions:
            ent = article.entity(a.source)
            if a.anonymous or ent is None:
                self._count(outlet, ANONYMOUS, "anonymous sources", "ANONYMOUS", article.id,
                            quote=False, anonymous=True)
            else:
                self._count(outlet, key_of(ent), ent.name, ent.type, article.id, quote=False,
                            anonymous=False)

    def _count(self, outlet: str, key: str, name: str, type_: str, article: str, *, quote: bool,
               anonymous: bool) -> None:
        self.nodes.setdefault(key, {"label": name, "kind": "source", "type": type_})
        edge = self.edges.setdefault((outlet, key), Edge())
        if quote:
            edge.quotes += 1
        else:
            edge.attributions += 1
        edge.anonymous += int(anonymous)
        edge.articles.add(article)

    def outlets(self, only: Iterable[str] = ()) -> list[dict]:
        """Per outlet: citations, named, anonymous share, top sources."""
        only = {f"outlet:{o}" for o in only}
        out = []
        for node, attrs in sorted(self.nodes.items()):
            if attrs["kind"] != "outlet" or (only and node not in only):
                continue
            edges = [(src, e) for (o, src), e in self.edges.items() if o == node]
            total = sum(e.total for _, e in edges)
            anon = sum(e.anonymous for _, e in edges)
            top = sorted(edges, key=lambda se: (-se[1].total, se[0]))[:10]
            out.append({"outlet": attrs["label"], "citations": total, "anonymous": anon,
                        "anonymous_share": round(anon / total, 3) if total else 0.0,
                        "sources": [{"key": s, "name": self.nodes[s]["label"], "quotes": e.quotes,
                                     "attributions": e.attributions, "anonymous": e.anonymous,
                                     "articles": len(e.articles)} for s, e in top]})
        return out

    def to_json(self) -> dict:
        """networkx node-link data (``networkx.node_link_graph(data, edges="links")``)."""
        return {"directed": True, "multigraph": False, "graph": {},
                "nodes": [{"id": n, **attrs} for n, attrs in sorted(self.nodes.items())],
                "links": [{"source": o, "target": s, "weight": e.total, "quotes": e.quotes,
                           "attributions": e.attributions, "anonymous": e.anonymous,
                           "articles": len(e.articles)}
                          for (o, s), e in sorted(self.edges.items())]}


def to_graphml(graph: SourceGraph | dict) -> str:
    """GraphML of the graph (or of its :meth:`SourceGraph.to_json` data)."""
    data = graph.to_json() if isinstance(graph, SourceGraph) else graph
    keys = [("label", "node", "string"), ("kind", "node", "string"), ("type", "node", "string"),
            ("weight", "edge", "int"), ("quotes", "edge", "int"), ("attributions", "edge", "int"),
            ("anonymous", "edge", "int"), ("articles", "edge", "int")]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">']
    for name, where, typ in keys:
        lines.append(f'  <key id="{name}" for="{where}" attr.name="{name}" attr.type="{typ}"/>')
    lines.append('  <graph id="sources" edgedefault="directed">')
    for node in data["nodes"]:
        lines.append(f"    <node id={quoteattr(node['id'])}>")
        for name in ("label", "kind", "type"):
            if node.get(name) is not None:
                lines.append(f'      <data key="{name}">{escape(str(node[name]))}</data>')
        lines.append("    </node>")
    for link in data["links"]:
        lines.append(f"    <edge source={quoteattr(link['source'])} target={quoteattr(link['target'])}>")
        for name in ("weight", "quotes", "attributions", "anonymous", "articles"):
            lines.append(f'      <data key="{name}">{int(link[name])}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"
