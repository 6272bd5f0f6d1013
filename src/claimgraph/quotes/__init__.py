"""Quotes and sources: who said what, according to whom.

``marks`` (quotation marks paired, broken ones too) → ``candidates`` (cue–content
candidates over the parse) → ``cues`` (the trained cue classifier and content-boundary
ranker) → ``finder`` (the quote step: statements, kinds, speakers through ``speakers``)
→ ``sources`` (the source step: "according to X", outlets and anonymous collectives).
``handoff`` is how later steps ask the quote layer for changes.
"""
