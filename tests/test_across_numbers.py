"""Contradicting numbers across the articles of one story, and the near misses that are not."""
from __future__ import annotations

from across_helpers import make

from claimgraph.across.linker import Linker
from claimgraph.across.numbers import NumberIndex

PLACES = {"Varnholm": "gpe:varnholm", "Ostrava Bay": "gpe:ostrava-bay", "Kessel": "gpe:kessel"}
SAME_STORY = "story:x"


def _facts(sentence_a: str, qa: dict, sentence_b: str, qb: dict, *, pub_a="2024-05-02",
           pub_b="2024-05-02"):
    a = make("a", sentence_a, outlet="Harbour Post", published=pub_a, places=PLACES, quantities=[qa])
    b = make("b", sentence_b, outlet="Coast Daily", published=pub_b, places=PLACES, quantities=[qb])
    idx = NumberIndex()
    idx.add(a, SAME_STORY)
    return idx.add(b, SAME_STORY)


TROOPS_A = "Varnholm has moved several thousand troops to the northern border, officials said."
TROOPS_B = "Varnholm has moved 10,000 troops to the northern border, the ministry said."


def test_several_thousand_against_ten_thousand_is_a_contradiction():
    [c] = _facts(TROOPS_A, {"text": "several thousand troops", "low": 2000, "high": 9999,
                            "unit": "troops", "counts": "troops", "approximate": True},
                 TROOPS_B, {"text": "10,000", "low": 10000, "unit": "troops", "counts": "troops"})
    assert "do not overlap" in c.arithmetic and "9,999 < 10,000" in c.arithmetic
    assert {c.a.outlet, c.b.outlet} == {"Harbour Post", "Coast Daily"}


def test_non_overlapping_exact_figures_are_flagged():
    [c] = _facts("Flooding in Varnholm destroyed 120 homes along the river on Tuesday.",
                 {"text": "120", "low": 120, "unit": "homes", "counts": "homes"},
                 "Flooding in Varnholm destroyed 80 homes along the river, the mayor said.",
                 {"text": "80", "low": 80, "unit": "homes", "counts": "homes"})
    assert "80 < 120" in c.arithmetic


def test_rounded_number_is_not_flagged():
    assert not _facts("The storm cut power to 1,200 homes in Varnholm overnight.",
                      {"text": "1,200", "low": 1200, "unit": "homes", "counts": "homes"},
                      "The storm cut power to 1,234 homes in Varnholm overnight, the utility said.",
                      {"text": "1,234", "low": 1234, "unit": "homes", "counts": "homes"})
    assert not _facts("The storm cut power to about 300 homes in Varnholm overnight.",
                      {"text": "about 300", "low": 300, "unit": "homes", "counts": "homes", "approximate": True},
                      "The storm cut power to 284 homes in Varnholm overnight.",
                      {"text": "284", "low": 284, "unit": "homes", "counts": "homes"})


def test_range_containing_the_other_figure_is_not_flagged():
    assert not _facts("Between 200 and 300 workers walked out of the Varnholm shipyard on Friday.",
                      {"text": "Between 200 and 300", "low": 200, "high": 300, "unit": "workers",
                       "counts": "workers"},
                      "Some 250 workers walked out of the Varnholm shipyard on Friday.",
                      {"text": "250", "low": 250, "unit": "workers", "counts": "workers"})


def test_lower_bound_below_the_other_figure_is_not_flagged():
    assert not _facts("At least 50 people were rescued from the ferry near Varnholm.",
                      {"text": "At least 50", "low": 50, "high": None, "bound": "lower",
                       "unit": "people", "counts": "people"},
                      "Coast guards rescued 73 people from the ferry near Varnholm.",
                      {"text": "73", "low": 73, "unit": "people", "counts": "people"})


def test_different_subjects_are_not_flagged():
    # different places
    assert not _facts("Flooding in Varnholm destroyed 120 homes along the river.",
                      {"text": "120", "low": 120, "unit": "homes", "counts": "homes"},
                      "Flooding in Kessel destroyed 80 homes along the river.",
                      {"text": "80", "low": 80, "unit": "homes", "counts": "homes"})
    # different things counted (a modifier)
    assert not _facts("The fire in Varnholm destroyed 120 homes near the docks.",
                      {"text": "120", "low": 120, "unit": "homes", "counts": "homes"},
                      "The fire in Varnholm destroyed 80 wooden homes near the docks.",
                      {"text": "80", "low": 80, "unit": "homes", "counts": "wooden homes"})
    # different predicates (carried vs rescued)
    assert not _facts("The Varnholm ferry was carrying roughly 450 passengers when it ran aground.",
                      {"text": "roughly 450", "low": 450, "unit": "passengers", "counts": "passengers",
                       "approximate": True},
                      "Coast guards rescued 190 passengers from the stranded Varnholm ferry.",
                      {"text": "190", "low": 190, "unit": "passengers", "counts": "passengers"})


def test_other_time_is_not_flagged():
    assert not _facts("Flooding in Varnholm destroyed 120 homes along the river this week.",
                      {"text": "120", "low": 120, "unit": "homes", "counts": "homes"},
                      "Flooding in Varnholm destroyed 80 homes along the river, the mayor said.",
                      {"text": "80", "low": 80, "unit": "homes", "counts": "homes"},
                      pub_a="2024-05-02", pub_b="2024-05-20")


def test_a_tally_that_grows_is_an_update():
    assert not _facts("Rescuers in Varnholm have pulled 104 passengers from the wrecked train so far.",
                      {"text": "104", "low": 104, "unit": "passengers", "counts": "passengers"},
                      "Rescuers in Varnholm have pulled 190 passengers from the wrecked train.",
                      {"text": "190", "low": 190, "unit": "passengers", "counts": "passengers"},
                      pub_a="2024-05-02T02:00:00Z", pub_b="2024-05-02T14:00:00Z")


def test_breakdowns_are_not_compared():
    text = "Officials said 104 passengers, including 58 men, 31 women and 15 children, were rescued in Varnholm."
    a = make("a", text, places=PLACES, quantities=[
        {"text": "104", "low": 104, "unit": "passengers", "counts": "passengers"},
        {"text": "58", "low": 58, "unit": "men", "counts": "men"},
        {"text": "31", "low": 31, "unit": "women", "counts": "women"},
        {"text": "15", "low": 15, "unit": "children", "counts": "children"}])
    b = make("b", "Officials said 190 passengers were rescued in Varnholm, including many children.",
             places=PLACES, quantities=[{"text": "190", "low": 190, "unit": "passengers", "counts": "passengers"}])
    idx = NumberIndex()
    idx.add(a, SAME_STORY)
    assert not idx.add(b, SAME_STORY)
    # the same figures outside a breakdown are compared (and disagree)
    assert _facts("Officials said 104 passengers were rescued from the wreck in Varnholm.",
                  {"text": "104", "low": 104, "unit": "passengers", "counts": "passengers"},
                  "Officials said 190 passengers were rescued from the wreck in Varnholm.",
                  {"text": "190", "low": 190, "unit": "passengers", "counts": "passengers"})


def test_a_figure_that_refers_back_is_not_compared():
    assert not _facts("Officials in Varnholm said the two states were challenging the new fishing rules.",
                      {"text": "two", "low": 2, "unit": "states", "counts": "states"},
                      "Officials in Varnholm said 23 states were challenging the new fishing rules.",
                      {"text": "23", "low": 23, "unit": "states", "counts": "states"})


def test_same_article_and_other_stories_are_not_compared():
    a = make("a", "Flooding in Varnholm destroyed 120 homes along the river. Flooding in Varnholm "
             "destroyed 80 homes along the river.", places=PLACES,
             quantities=[{"text": "120", "low": 120, "unit": "homes", "counts": "homes"},
                         {"text": "80", "low": 80, "unit": "homes", "counts": "homes"}])
    assert not NumberIndex().add(a, SAME_STORY)
    idx = NumberIndex()
    b = make("b", "Flooding in Varnholm destroyed 120 homes along the river.", places=PLACES,
             quantities=[{"text": "120", "low": 120, "unit": "homes", "counts": "homes"}])
    c = make("c", "Flooding in Varnholm destroyed 80 homes along the river.", places=PLACES,
             quantities=[{"text": "80", "low": 80, "unit": "homes", "counts": "homes"}])
    idx.add(b, "story:1")
    assert not idx.add(c, "story:2")


def test_linker_flags_contradictions_within_a_story():
    people = {"Ines Varga": "person:ines-varga"}
    body = ("Flooding in Varnholm destroyed {n} homes along the river on Tuesday, the regional "
            "governor Ines Varga said, as rescue teams searched the flooded valley for survivors "
            "and the army sent boats to the cut-off villages near the dam.")
    a = make("a", body.format(n="120"), outlet="Harbour Post", people=people, places=PLACES,
             title="Floods destroy homes in Varnholm valley",
             quantities=[{"text": "120", "low": 120, "unit": "homes", "counts": "homes"}])
    b = make("b", body.format(n="80").replace("rescue teams", "volunteers"), outlet="Coast Daily",
             people=people, places=PLACES, title="Varnholm floods: villages cut off",
             quantities=[{"text": "80", "low": 80, "unit": "homes", "counts": "homes"}])
    linker = Linker()
    la, lb = linker.add(a), linker.add(b)
    assert la.story == lb.story
    assert len(lb.contradictions) == 1 and linker.flags()[-1]["type"] == "numbers"
