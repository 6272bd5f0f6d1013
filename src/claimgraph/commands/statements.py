"""``claimgraph statements``: the same statement reported by several articles — its
speaker, every report (article, quote, kind, outlet, whom it cites), the first report,
and misquotes (reports whose words differ beyond trimming, the difference marked)."""
from __future__ import annotations

import json

from claimgraph.commands.stories import EXIT_FAILED, EXIT_OK, Source, add_common, store_errors


def add_parser(sub) -> None:
    p = sub.add_parser("statements", help="statements reported by several articles, and misquotes",
                       description=__doc__)
    add_common(p)
    p.add_argument("--speaker", metavar="NAME", help="statements of this speaker")
    p.add_argument("--misquotes", action="store_true", help="only statements with a misquote")
    p.add_argument("--all", action="store_true", help="also statements reported only once")


@store_errors
def run(args) -> int:
    from claimgraph.commands.story import _cut, print_flag

    src = Source(args)
    try:
        sts = src.statements(args.speaker, args.misquotes, args.all)
    finally:
        src.close()
    if args.format == "json":
        print(json.dumps(sts, ensure_ascii=False, indent=2))
    else:
        for st in sts:
            print(f"{st['id']}\t{st['speaker_name']} ({st['speaker']})\t{len(st['reports'])} reports")
            print(f"\t\"{_cut(st['content'])}\"")
            for r in st["reports"]:
                first = " (first)" if r["article"] == st["first"] else ""
                cites = f", cites {r['cites']}" if r.get("cites") else ""
                print(f"\t  {(r['published'] or '?')[:10]} {r['outlet'] or '?'} {r['article']} "
                      f"{r['quote']} {r['kind']}{first}{cites}")
            for m in st["misquotes"]:
                print_flag(m | {"type": f"misquote:{m['type']}"})
    return EXIT_FAILED if src.failed and not sts else EXIT_OK
