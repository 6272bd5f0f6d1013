"""The source graph: which outlets cite which agencies, officials and anonymous sources.

Nodes are outlets (``outlet:<name>``) and sources (registry keys; a source the reader
found no entity for, such as a document, by its words, ``text:<words>``; every anonymous
source — *officials said*, *a person familiar with* — is one node ``anonymous``). An edge
outlet → source counts the outlet's quotes of the source (``quotes``), its claims on the
source's authority and the quotes it takes through the source (*Reuters, citing Yonhap*:
``attributions``), how many of those are anonymous, and the articles. A republished wire text is counted once, under the outlet that first published
it. :func:`to_graphml` writes GraphML (Gephi, networkx ``read_graphml``);
:func:`to_json` writes networkx's node-link JSON.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Optional
from xml.sax.saxutils import escape, quoteattr

from claimgraph.across.keys import key_of
from claimgraph.lexicon.gazetteer import norm_key
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
    last: list[tuple] = field(default_factory=list)  # what the last add() counted

    def add(self, article: Article, copy_of: Optional[str] = None) -> None:
        """Count one article's citations (nothing for a republished copy)."""
        self.last = []
        if copy_of:
            return
        outlet = f"outlet:{article.outlet or '(none)'}"
        self.nodes.setdefault(outlet, {"label": article.outlet or "(none)", "kind": "outlet"})
        for q in article.quotes:
            ent = article.entity(q.speaker)
            if ent is not None:
                self._count(outlet, key_of(ent), ent.name, ent.type, article.id, quote=True,
                            anonymous=False)
            via = article.entity(q.via)
            if via is not None:  # the agency or outlet the quote is taken from
                self._count(outlet, key_of(via), via.name, via.type, article.id, quote=False,
                            anonymous=False)
        for a in article.attributions:
            ent = article.entity(a.source)
            if a.anonymous:
                self._count(outlet, ANONYMOUS, "anonymous sources", "ANONYMOUS", article.id,
                            quote=False, anonymous=True)
            elif ent is not None:
                self._count(outlet, key_of(ent), ent.name, ent.type, article.id, quote=False,
                            anonymous=False)
            elif a.source_text.strip():  # a document, a poll, a report: named by its words
                self._count(outlet, f"text:{norm_key(a.source_text)}", a.source_text.strip(),
                            "MISC", article.id, quote=False, anonymous=False)

    def restore(self, counts: list[tuple]) -> None:
        """Count again what :meth:`add` counted for one article."""
        for outlet, label, key, name, type_, article, quote, anonymous in counts:
            self.nodes.setdefault(outlet, {"label": label, "kind": "outlet"})
            self._count(outlet, key, name, type_, article, quote=quote, anonymous=anonymous)

    def _count(self, outlet: str, key: str, name: str, type_: str, article: str, *, quote: bool,
               anonymous: bool) -> None:
        self.last.append((outlet, self.nodes[outlet]["label"], key, name, type_, article, quote,
                          anonymous))
        self.nodes.setdefault(key, {"label": name, "kind": "source", "type": type_})
        edge = self.edges.setdefault((outlet, key), Edge())
        if quote:
            edge.quotes += 1
        else:
            edge.attributions += 1
        edge.anonymous += int(anonymous)
        edge.articles.add(article)

    def outlets(self, only: Iterable[str] = ()) -> list[dict]:
        """Per outlet: citations, anonymous share, top sources (:func:`outlets_of`)."""
        return outlets_of(self.to_json(), only)

    def to_json(self) -> dict:
        """networkx node-link data (``networkx.node_link_graph(data, edges="links")``)."""
        return {"directed": True, "multigraph": False, "graph": {},
                "nodes": [{"id": n, **attrs} for n, attrs in sorted(self.nodes.items())],
                "links": [{"source": o, "target": s, "weight": e.total, "quotes": e.quotes,
                           "attributions": e.attributions, "anonymous": e.anonymous,
                           "articles": len(e.articles)}
                          for (o, s), e in sorted(self.edges.items())]}


def outlets_of(data: dict, only: Iterable[str] = (), top: int = 10) -> list[dict]:
    """Per outlet of node-link ``data``: citations, anonymous ones and their share, and
    the ``top`` sources by citations."""
    only = set(only)
    nodes = {n["id"]: n for n in data["nodes"]}
    by_outlet: dict[str, list[dict]] = {}
    for link in data["links"]:
        by_outlet.setdefault(link["source"], []).append(link)
    out = []
    for node_id, node in sorted(nodes.items()):
        if node.get("kind") != "outlet" or (only and node["label"] not in only):
            continue
        links = by_outlet.get(node_id, [])
        total = sum(l["weight"] for l in links)
        anon = sum(l["anonymous"] for l in links)
        ranked = sorted(links, key=lambda l: (-l["weight"], l["target"]))[:top]
        out.append({"outlet": node["label"], "citations": total, "anonymous": anon,
                    "anonymous_share": round(anon / total, 3) if total else 0.0,
                    "sources": [{"key": l["target"], "name": nodes[l["target"]]["label"],
                                 "total": l["weight"], "quotes": l["quotes"],
                                 "attributions": l["attributions"], "anonymous": l["anonymous"],
                                 "articles": l["articles"]} for l in ranked]})
    return out


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
