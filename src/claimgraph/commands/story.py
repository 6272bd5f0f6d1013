"""``claimgraph story ID``: one story — its articles by date (wire copies marked), the
statements its articles report with every report and the first one, and the flags
(misquotes, contradicting numbers) among them."""
from __future__ import annotations

import json

from claimgraph.commands.stories import EXIT_FAILED, EXIT_OK, Source, add_common, store_errors, say


def add_parser(sub) -> None:
    p = sub.add_parser("story", help="one story: its articles by date, its statements and flags",
                       description=__doc__)
    p.add_argument("id", help="the story id (as `claimgraph stories` lists it)")
    add_common(p)


@store_errors
def run(args) -> int:
    src = Source(args)
    try:
        story = src.story(args.id)
    finally:
        src.close()
    if story is None:
        say(f"no story {args.id!r}")
        return EXIT_FAILED
    if args.format == "json":
        print(json.dumps(story, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"{story['id']}: {story['title'] or '(no title)'}")
    if story["entities"]:
        print(f"about: {', '.join(story['entities'])}")
    print(f"\n{story['size']} articles:")
    for a in story["articles"]:
        copy = f"  (republishes {a['copy_of']})" if a["copy_of"] else ""
        print(f"  {(a['published'] or '?')[:16]:<16}  {a['outlet'] or '?':<14} {a['id']}{copy}")
        if a.get("title"):
            print(f"  {'':<16}  {'':<14} {a['title']}")
    if story["statements"]:
        print(f"\n{len(story['statements'])} statements reported by several articles:")
        for st in story["statements"]:
            print(f"  {st['speaker_name']}: \"{_cut(st['content'])}\"")
            for r in st["reports"]:
                first = " (first)" if r["article"] == st["first"] else ""
                via = f", citing {r['via']}" if r.get("via") else ""
                print(f"      {r['outlet'] or '?'} {r['article']} {r['kind']}{first}{via}")
    if story["flags"]:
        print(f"\n{len(story['flags'])} flags:")
        for f in story["flags"]:
            print_flag(f)
    return EXIT_OK


def _cut(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def print_flag(f: dict) -> None:
    if f["type"] == "numbers":
        print(f"  contradicting numbers: {f['arithmetic']}")
        for side in ("a", "b"):
            print(f"      {f[side]['outlet'] or '?'} {f[side]['article']}: {_cut(f[side]['sentence'], 200)}")
    elif f["type"] == "statements":
        about = f" about {f['about']}" if f.get("about") else ""
        print(f"  contradicting statements ({f['kind']}{about}): {f['reason']}")
        for side in ("a", "b"):
            s = f[side]
            print(f"      {s['outlet'] or '?'} {s['article']} {s['speaker']} ({s['polarity']}): "
                  f"{_cut(s['clause'], 200)}")
    else:
        print(f"  {f['type'].replace(':', ' (')}): {f['old']!r} → {f['new']!r}")
        print(f"      {f['first']['outlet'] or '?'} {f['first']['article']}: {_cut(f['first']['text'], 200)}")
        print(f"      {f['other']['outlet'] or '?'} {f['other']['article']}: {_cut(f['other']['text'], 200)}")
