"""``claimgraph sources``: which outlets cite which sources (agencies, officials,
anonymous sources), how often, and how often without a name. ``--format graphml`` or
``json`` (networkx node-link data) give the whole graph, for Gephi or networkx."""
from __future__ import annotations

import json

from claimgraph.commands.stories import EXIT_FAILED, EXIT_OK, Source, add_common, store_errors


def add_parser(sub) -> None:
    p = sub.add_parser("sources", help="the source graph: outlets → cited sources, anonymous share",
                       description=__doc__)
    add_common(p, formats=("text", "json", "graphml"))
    p.add_argument("--outlet", action="append", help="only this outlet (repeatable)")


@store_errors
def run(args) -> int:
    from claimgraph.across.sources import to_graphml

    src = Source(args)
    try:
        if args.format == "text":  # the table is computed where the data is
            table = src.source_table(args.outlet or ())
            for o in table:
                print(f"{o['outlet']}\t{o['citations']} citations, {o['anonymous']} anonymous "
                      f"({o['anonymous_share']:.0%})")
                for s in o["sources"]:
                    print(f"\t{s['total']:>5}  {s['name']}  ({s['quotes']} quotes, "
                          f"{s['attributions']} attributions, {s['articles']} articles)")
            return EXIT_FAILED if src.failed and not table else EXIT_OK
        graph = src.sources()
    finally:
        src.close()
    if args.outlet:
        keep = {f"outlet:{o}" for o in args.outlet}
        links = [l for l in graph["links"] if l["source"] in keep]
        used = keep | {l["target"] for l in links}
        graph = graph | {"nodes": [n for n in graph["nodes"] if n["id"] in used], "links": links}
    if args.format == "json":
        print(json.dumps(graph, ensure_ascii=False, indent=2))
    elif args.format == "graphml":
        print(to_graphml(graph), end="")
    return EXIT_FAILED if src.failed and not graph["nodes"] else EXIT_OK
