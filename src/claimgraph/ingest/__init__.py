"""Reading input: plain text, HTML pages, JSONL feeds and WARC files → clean text.

Nothing here changes the text the user gave: :func:`claimgraph.ingest.text.normalise`
makes a *same-length* working copy for the parser, so every offset the pipeline
produces points into the original text.
"""
