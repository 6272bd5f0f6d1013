"""Cue lexicons shared by the candidate generator, the cue classifier and the quote step.

``data/cue_verb_classes.tsv`` sorts attribution cues into classes after Levin (1993,
"English Verb Classes and Alternations") for the cue classifier; the reporting verbs
are the "say"-family of Krestel et al. (2008, "Minding the source").
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def verb_classes() -> dict[str, tuple[str, ...]]:
    """Lemma → the cue verb classes it belongs to (``data/cue_verb_classes.tsv``)."""
    out: dict[str, list[str]] = {}
    raw = resources.files("claimgraph.data").joinpath("cue_verb_classes.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            cls, lemma = line.split("\t")
            out.setdefault(lemma, []).append(cls)
    return {lemma: tuple(c) for lemma, c in out.items()}


KRESTEL_SAY = frozenset("""
say tell add write note insist claim argue explain announce report state declare warn
suggest confirm deny acknowledge admit assert believe think predict estimate stress
emphasize emphasise tweet post reply respond ask urge vow promise pledge recall describe
call allege contend maintain observe remark comment caution concede reveal disclose
""".split())
# the reporting verbs that make a candidate a plain report and find inverted and adjacent cues;
# widening it to the file's whole "say" class and manner-of-speaking verbs ("quip") was
# measured on PolNeAR's held-out part and cost 0.3 points of end-to-end F1
REPORTING_LEMMAS = KRESTEL_SAY
