"""The across-articles side of the web: story and statement queries checked, a story's
timeline and the source graph laid out for the page.

Everything here works on the plain dicts :class:`claimgraph.store.Store` returns
(``stories``, ``story``, ``statements``, ``source_graph``); the templates draw them
(HTML and inline SVG, escaped by Jinja; no script needed to see them).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any, Mapping, Optional

from claimgraph.web import corpus
from claimgraph.web.corpus import DEFAULT_LIMIT


@dataclasses.dataclass
class StoryQuery:
    since: Optional[str] = None
    about: Optional[str] = None
    min_size: int = 1
    limit: int = DEFAULT_LIMIT
    offset: int = 0


def parse_story_query(params: Mapping[str, str]) -> StoryQuery:
    """``since`` (YYYY-MM-DD), ``about`` (an entity's name), ``min_size``, ``limit``, ``offset``."""
    corpus.only(params, ("since", "about", "min_size", "limit", "offset"))
    return StoryQuery(corpus.day(params, "since"), corpus.text(params, "about"),
                      corpus.whole(params, "min_size", 1, 1, 1_000_000), *corpus.paging(params))


# --------------------------------------------------------------------------- the timeline

def timeline(story: dict) -> list[dict]:
    """A story's articles grouped by day, in order: ``[{"day", "gap", "articles"}]``
    (``gap``: days since the previous day shown, so the page can space them)."""
    days: dict[str, list[dict]] = {}
    for a in story.get("articles", []):
        days.setdefault((a.get("published") or "")[:10] or "undated", []).append(a)
    out, previous = [], None
    for day in sorted(days, key=lambda d: (d == "undated", d)):
        gap = 0
        if previous and day != "undated":
            try:
                gap = (dt.date.fromisoformat(day) - dt.date.fromisoformat(previous)).days
            except ValueError:
                gap = 0
        out.append({"day": day, "gap": gap, "articles": days[day]})
        previous = day if day != "undated" else previous
    return out


# --------------------------------------------------------------------------- the graph

WIDTH, ROW, TOP, LEFT_X, RIGHT_X = 900, 28, 30, 210, 650
MAX_SOURCES = 40


def graph_layout(graph: dict, max_sources: int = MAX_SOURCES) -> dict[str, Any]:
    """Two columns, outlets left (most cited first) and their sources right (the
    ``max_sources`` most cited, each placed at the mean of its outlets), one edge per (outlet, source) with a width by the number of citations; edges to
    anonymous sources, or citations without a name, are dashed. Plain numbers for the SVG."""
    nodes = {n["id"]: n for n in graph.get("nodes", [])}
    links = graph.get("links", [])
    weight: dict[str, int] = {}
    for link in links:
        weight[link["target"]] = weight.get(link["target"], 0) + int(link.get("weight") or 0)
    sources = sorted(weight, key=lambda k: (-weight[k], str(nodes.get(k, {}).get("label") or k)))
    shown = set(sources[:max_sources])
    outlet_weight: dict[str, int] = {}
    for link in links:
        if link["target"] in shown:
            outlet_weight[link["source"]] = outlet_weight.get(link["source"], 0) + int(link.get("weight") or 0)
    outlets = sorted(outlet_weight, key=lambda k: (-outlet_weight[k], str(nodes.get(k, {}).get("label") or k)))
    # each source at the weighted mean place of the outlets citing it (fewer crossings)
    place = {k: i for i, k in enumerate(outlets)}
    pull: dict[str, list[float]] = {}
    for link in links:
        if link["target"] in shown and link["source"] in place:
            w = int(link.get("weight") or 0) or 1
            acc = pull.setdefault(link["target"], [0.0, 0.0])
            acc[0] += w * place[link["source"]]
            acc[1] += w
    sources = sorted(shown, key=lambda k: (pull[k][0] / pull[k][1] if k in pull else len(outlets),
                                           -weight[k], str(nodes.get(k, {}).get("label") or k)))
    hidden = len(weight) - len(shown)
    rows = max(len(outlets), len(shown), 1)
    height = TOP * 2 + rows * ROW

    def ys(keys):
        step = (height - 2 * TOP) / max(len(keys), 1)
        return {k: round(TOP + step * (i + 0.5), 1) for i, k in enumerate(keys)}

    y_out, y_src = ys(outlets), ys([s for s in sources if s in shown])
    top = max((int(link.get("weight") or 0) for link in links if link["target"] in shown), default=1)
    edges = []
    for link in links:
        if link["target"] not in shown or link["source"] not in y_out:
            continue
        w = int(link.get("weight") or 0)
        y1, y2 = y_out[link["source"]], y_src[link["target"]]
        mid = (LEFT_X + RIGHT_X) / 2
        node = nodes.get(link["target"], {})
        anonymous = int(link.get("anonymous") or 0)
        edges.append({"d": f"M{LEFT_X},{y1} C{mid},{y1} {mid},{y2} {RIGHT_X},{y2}",
                      "width": round(1 + 7 * math.sqrt(w / top), 1) if top else 1,
                      "dashed": anonymous > 0 or node.get("type") == "ANONYMOUS",
                      "title": f"{nodes.get(link['source'], {}).get('label') or link['source']} cites "
                               f"{node.get('label') or link['target']}: {w} time{'s' if w != 1 else ''}"
                               + (f", {anonymous} without a name" if anonymous else "")})
    left = [{"id": k, "label": nodes.get(k, {}).get("label") or k, "y": y_out[k],
             "weight": outlet_weight[k]} for k in outlets]
    right = [{"id": k, "label": nodes.get(k, {}).get("label") or k, "y": y_src[k],
              "type": nodes.get(k, {}).get("type"), "weight": weight[k]}
             for k in sources if k in shown]
    return {"width": WIDTH, "height": height, "left_x": LEFT_X, "right_x": RIGHT_X,
            "outlets": left, "sources": right, "edges": edges,
            "hidden": max(0, hidden)}
