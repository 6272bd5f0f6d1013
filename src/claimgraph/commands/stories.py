"""``claimgraph stories``: articles grouped into stories (events), with wire copies marked.

With paths (feeds, files, folders, or JSONL records from ``claimgraph read --format
jsonl``), the articles are read and linked in memory, in publication order; without
paths, the stories of the store (``--db``) are listed. ``--since DATE`` keeps stories with
an article published on or after DATE; ``--about NAME`` those whose articles mention the
entity (any alias; registry key or name).
"""
from __future__ import annotations

import json
import sys

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_common(p, *, formats=("text", "json")) -> None:
    """Options every across-articles command takes."""
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="articles to read and link in memory (feeds, files, folders, read "
                        "records); none: the store")
    p.add_argument("--db", default=None, metavar="FILE|URL",
                   help="the store, when no PATH is given (default: $CLAIMGRAPH_DB, else ./claimgraph.db)")
    p.add_argument("--format", choices=list(formats), default="text")


def add_parser(sub) -> None:
    p = sub.add_parser("stories", help="stories: articles about the same event, across outlets",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    add_common(p)
    p.add_argument("--since", metavar="YYYY-MM-DD", help="stories with an article published since")
    p.add_argument("--about", metavar="ENTITY", help="stories whose articles mention this entity")
    p.add_argument("--min-size", type=int, default=1, help="stories of at least N articles")
    p.add_argument("--limit", type=int, default=100,
                   help="the N largest stories (default 100; 0: all)")


def say(message: str) -> None:
    print(f"claimgraph: {message}", file=sys.stderr)


class Source:
    """Where the across-articles results come from: linked now (paths) or the store."""

    def __init__(self, args):
        self.args = args
        self.failed = 0
        self.linker = None
        self.store = None
        if args.paths:
            from claimgraph.across.feeds import link_articles, read_articles

            def err(e):
                self.failed += 1
                say(str(e))

            from claimgraph.store.registry import Registry

            self.linker = link_articles(read_articles(args.paths, err), Registry(":memory:"))
        else:
            from claimgraph.commands._store import open_store

            self.store = open_store(args)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    def stories(self, since=None, about=None, min_size=1, limit=None) -> list[dict]:
        if self.store is not None:
            return self.store.stories(since=since, about=about, min_size=min_size, limit=limit)
        out = []
        for s in self.linker.stories.listing():
            d = s.to_json()
            if d["size"] < min_size or (since and (d["last"] or "") < since):
                continue
            if about and not _mentions(s, about):
                continue
            out.append(d)
        out.sort(key=lambda d: (-d["size"], d["first"] or "", d["id"]))
        return out[:limit] if limit else out

    def story(self, story_id: str) -> dict | None:
        if self.store is not None:
            return self.store.story(story_id)
        s = self.linker.stories.stories.get(story_id) or self.linker.stories.stories.get(f"story:{story_id}")
        if s is None:
            return None
        return story_detail(s.to_json(), self.linker)

    def statements(self, speaker=None, misquotes=False, everything=False) -> list[dict]:
        if self.store is not None:
            return self.store.statements(speaker=speaker, misquotes=misquotes, everything=everything)
        sts = self.linker.statement_list(linked_only=not everything)
        out = [st.to_json() for st in sts]
        return filter_statements(out, speaker, misquotes)

    def sources(self) -> dict:
        if self.store is not None:
            return self.store.source_graph()
        return self.linker.sources.to_json()

    def source_table(self, outlets=()) -> list[dict]:
        if self.store is not None:
            return self.store.sources(outlets)
        from claimgraph.across.sources import outlets_of

        return outlets_of(self.linker.sources.to_json(), outlets)


def _mentions(story, about: str) -> bool:
    from claimgraph.lexicon.gazetteer import norm_key

    want = norm_key(about)
    return any(want == norm_key(k.split(":", 1)[-1].replace("-", " ")) or want == norm_key(name)
               or want in norm_key(name).split() for k, name in story.names.items())


def filter_statements(out: list[dict], speaker=None, misquotes=False) -> list[dict]:
    from claimgraph.lexicon.gazetteer import norm_key

    if speaker:
        want = norm_key(speaker)
        out = [s for s in out if want == s["speaker"] or want in norm_key(s["speaker_name"]).split()
               or want == norm_key(s["speaker_name"])]
    if misquotes:
        out = [s for s in out if s["misquotes"]]
    return out


def story_detail(story: dict, linker) -> dict:
    """A story with its claims: statements reported by its articles, flags among them."""
    ids = {a["id"] for a in story["articles"]}
    sts = [st.to_json() for st in linker.statements.statements.values()
           if any(r.article in ids for r in st.reports) and len(st.articles) > 1]
    flags = [f for f in linker.flags() if _flag_articles(f) & ids]
    return story | {"statements": sts, "flags": flags}


def _flag_articles(flag: dict) -> set[str]:
    if "a" in flag:  # contradicting numbers or statements
        return {flag["a"]["article"], flag["b"]["article"]}
    return {flag["first"]["article"], flag["other"]["article"]}


def print_stories(stories: list[dict]) -> None:
    for s in stories:
        span = s["first"][:10] if s["first"] else "?"
        if s["last"] and s["last"][:10] != span:
            span += f" – {s['last'][:10]}"
        copies = s["size"] - s["texts"]
        print(f"{s['id']}\t{s['size']} articles" + (f" ({copies} wire copies)" if copies else "")
              + f"\t{span}\t{', '.join(s['outlets'])}")
        print(f"\t{s['title'] or '(no title)'}")
        if s["entities"]:
            print(f"\tabout: {', '.join(s['entities'])}")


def store_errors(run):
    """Store errors as one line (the store commands' wrapper)."""
    from claimgraph.commands._store import store_errors as wrap

    return wrap(run)


@store_errors
def run(args) -> int:
    src = Source(args)
    try:
        stories = src.stories(args.since, args.about, args.min_size, args.limit or None)
    finally:
        src.close()
    if args.format == "json":
        print(json.dumps(stories, ensure_ascii=False, indent=2))
    else:
        print_stories(stories)
    return EXIT_FAILED if src.failed and not stories else EXIT_OK
