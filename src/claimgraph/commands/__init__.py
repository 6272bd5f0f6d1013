"""One module per CLI sub-command; each has ``add_parser(subparsers)`` and ``run(args) -> int``."""

COMMANDS = ("read", "eval", "entities", "ingest", "show", "stats", "search", "entity", "export",
            "load", "db", "serve", "stories", "story", "statements", "sources", "relink")
