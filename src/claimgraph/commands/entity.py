"""``claimgraph entity NAME``: one entity's profile across the stored articles."""
from __future__ import annotations

import json

from claimgraph.commands._store import EXIT_OK, add_db_argument, open_store, store_errors


def add_parser(sub) -> None:
    p = sub.add_parser("entity", help="one entity's profile: names, articles, what it said, "
                                      "what was said about it, who cites it",
                       description="Profile of a stored entity, found by any of its names or "
                                   "aliases (or its registry key).",
                       epilog="Exit status: 0 ok, 1 no such entity, 2 database error.")
    p.add_argument("name", metavar="NAME")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--limit", type=int, default=20, metavar="N",
                   help="statements listed per section (default 20; json: all)")
    add_db_argument(p)


@store_errors
def run(args) -> int:
    store = open_store(args)
    try:
        from claimgraph.store.profile import profile

        prof = profile(store.engine, args.name, limit=None if args.format == "json" else args.limit)
    finally:
        store.close()
    if args.format == "json":
        print(json.dumps(prof.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    facts = ", ".join(x for x in (prof.type, prof.country, prof.role) if x)
    print(f"{prof.name} ({facts})  [{prof.key}]")
    if len(prof.names) > 1:
        print(f"  names: {'; '.join(prof.names)}")
    if prof.namesakes:
        print(f"  namesakes (other entities of that name): {', '.join(prof.namesakes)}")
    print(f"  articles: {len(prof.articles)}" + (f" ({', '.join(prof.articles[:10])}"
                                                 f"{' …' if len(prof.articles) > 10 else ''})"
                                                 if prof.articles else ""))
    for title, hits in (("said", prof.said), ("said about it", prof.about)):
        print(f"\n{title} ({len(hits)}{'+' if len(hits) == args.limit else ''}):")
        for h in hits:
            who = "" if title == "said" else f"{h.speaker or '?'}{' (anon.)' if h.anonymous else ''}: "
            print(f"  {(h.published or '?')[:10]}  {h.outlet or ''}  {who}{' '.join(h.content.split())}"
                  f"  [{h.article_id} {h.start}-{h.end}]")
    if prof.outlets:
        print("\noutlets (statements citing it; anonymous statements about it):")
        for o in prof.outlets:
            print(f"  {o['outlet']}: {o['cites']}; {o['anonymous_about']} anonymous")
    return EXIT_OK
