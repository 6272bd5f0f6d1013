"""Wire copy, incremental stories (equal to a rebuild), statements' first report and
attribution chain, the source graph, and the scorers — on articles written here."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from across_helpers import make

from claimgraph.across.linker import Linker, publication_order
from claimgraph.across.sources import outlets_of, to_graphml
from claimgraph.across.wirecopy import WireIndex
from claimgraph.eval import stories as story_eval

FERRY = [
    "The Varnholm ferry Seaborne ran aground early on Tuesday in thick fog off the northern cape, "
    "and coast guards began lifting passengers onto rescue boats before dawn.",
    "The harbour master, Ines Varga, said the hull was intact and that no fuel had leaked into the bay.",
    "The operator, Northway Lines, said it had suspended the crossing until the ship could be towed "
    "to the dry dock at Kessel for an inspection of its steering gear.",
    "Passengers described a sudden jolt and a long wait in the cold lounges while crew handed out "
    "blankets and hot drinks.",
    "It was the second grounding on the route in three years; an inquiry into the first one blamed a "
    "faulty radar that had not been replaced.",
    "Local fishermen have long complained that the channel is poorly marked and too shallow at low tide "
    "for ships of the Seaborne's size.",
]
BUDGET = [
    "The Kessel city council approved a budget on Thursday that raises spending on schools and "
    "cuts the money set aside for road repairs.",
    "The mayor, Ivo Brandt, called the plan a fair compromise after weeks of argument between the "
    "two largest parties on the council.",
    "Opposition members said the cuts to roads would hurt rural districts most and promised to "
    "bring the question back in the autumn.",
    "Teachers' unions welcomed the increase but warned it would not make up for a decade of "
    "falling budgets and crowded classrooms.",
]
REWRITTEN = ("A ferry carrying hundreds of passengers grounded off Varnholm's northern cape in "
             "fog on Tuesday. Rescue boats took people ashore. Ines Varga, who runs the harbour, "
             "said no fuel leaked and the hull held. Northway Lines halted the service.")
OLD_GROUNDING = ("The Varnholm ferry Seaborne grounded off the northern cape in fog, its second "
                 "accident in three years; Ines Varga, the harbour master, said the passengers "
                 "were brought ashore and the steering gear would be inspected at Kessel.")
PEOPLE = {"Ines Varga": "person:ines-varga", "Ivo Brandt": "person:ivo-brandt"}
PLACES = {"Varnholm": "gpe:varnholm", "Kessel": "gpe:kessel"}


def _article(id, paras, **kw):
    return make(id, "\n\n".join(paras), people=PEOPLE, places=PLACES, **kw)


def test_wire_copy_trimmed_retitled_and_extended_is_one_text():
    idx = WireIndex()
    original = "\n\n".join(FERRY)
    assert idx.add("wire1", original, "2024-05-02T06:00:00Z") is None
    assert idx.add("trim", "\n\n".join(FERRY[:3]), "2024-05-02T09:00:00Z") == "wire1"
    extra = "This story has been updated with comments from the ferry operator and the harbour master."
    assert idx.add("added", "\n\n".join(FERRY[:2] + [extra] + FERRY[2:]), "2024-05-02T10:00:00Z") == "wire1"
    assert idx.add("dropped", "\n\n".join(FERRY[:1] + FERRY[3:]), "2024-05-03") == "wire1"
    # an article on another subject, and one that only shares a sentence, are not copies
    assert idx.add("budget", "\n\n".join(BUDGET), "2024-05-02") is None
    assert idx.add("quoting", REWRITTEN + "\n\n" + FERRY[1], "2024-05-02") is None
    assert idx.copies("wire1") == ["trim", "added", "dropped"]


def test_rewritten_report_of_the_same_event_is_not_a_copy():
    idx = WireIndex()
    idx.add("a", "\n\n".join(FERRY), "2024-05-02")
    assert idx.add("b", REWRITTEN, "2024-05-02") is None


def _corpus():
    arts = [
        _article("ferry-a", FERRY, outlet="Harbour Post", published="2024-05-02",
                 title="Ferry runs aground off Varnholm",
                 quotes=[("Ines Varga", "the hull was intact and that no fuel had leaked into the bay", "indirect")]),
        _article("ferry-b", [REWRITTEN.replace("said no fuel", "said the hull was intact and that no fuel had leaked into the bay; no fuel")],
                 outlet="Coast Daily", published="2024-05-02", title="Fog blamed as Seaborne grounds",
                 quotes=[("Ines Varga", "the hull was intact and that no fuel had leaked into the bay", "indirect")]),
        _article("ferry-copy", FERRY[:4], outlet="Valley Times", published="2024-05-03",
                 title="Varnholm ferry grounded",
                 quotes=[("Ines Varga", "the hull was intact and that no fuel had leaked into the bay", "indirect")]),
        _article("budget-a", BUDGET, outlet="Harbour Post", published="2024-05-03",
                 title="Kessel approves school budget"),
        _article("budget-b", BUDGET[:2] + BUDGET[3:], outlet="Coast Daily", published="2024-05-04",
                 title="Council backs Brandt's budget"),
        _article("ferry-old", [OLD_GROUNDING], outlet="Coast Daily", published="2023-01-10",
                 title="Ferry runs aground off Varnholm"),
    ]
    # budget-b is a copy of budget-a (most paragraphs); make it a rewrite instead
    arts[4].text = arts[4].text.replace("approved a budget on Thursday", "passed its spending plan late on Thursday") \
        .replace("called the plan a fair compromise", "described the deal as fair") \
        .replace("welcomed the increase", "were glad of the extra money")
    return arts


def test_stories_group_by_event_and_time():
    linker = Linker()
    links = {a.id: linker.add(a) for a in publication_order(_corpus())}
    story = {k: l.story for k, l in links.items()}
    assert story["ferry-a"] == story["ferry-b"] == story["ferry-copy"]
    assert story["budget-a"] == story["budget-b"] != story["ferry-a"]
    assert story["ferry-old"] != story["ferry-a"]  # the same kind of event a year earlier
    assert links["ferry-copy"].copy_of == "ferry-a"
    listing = {s["id"]: s for s in linker.story_list()}
    ferry = listing[story["ferry-a"]]
    assert ferry["size"] == 3 and ferry["texts"] == 2
    assert {a["id"]: a["copy_of"] for a in ferry["articles"]}["ferry-copy"] == "ferry-a"


def test_incremental_stories_equal_a_relink_from_scratch():
    arts = publication_order(_corpus())
    incremental = Linker()
    for a in arts:
        incremental.add(a)
    again = Linker()
    again.add_many(arts)
    assert json.dumps(incremental.story_list(), sort_keys=True) == json.dumps(again.story_list(), sort_keys=True)
    assert ([s.to_json() for s in incremental.statement_list()]
            == [s.to_json() for s in again.statement_list()])
    assert incremental.flags() == again.flags()


def test_statement_first_report_copy_and_chain():
    arts = publication_order(_corpus())
    linker = Linker()
    linker.add_many(arts)
    [st] = [s for s in linker.statement_list() if s.speaker == "person:ines-varga"]
    assert st.first.article == "ferry-a"
    assert [r.article for r in st.reports] == ["ferry-a", "ferry-b", "ferry-copy"]
    copy = st.reports[2]
    assert copy.copy_of == "ferry-a" and copy.cites == "ferry-a"
    assert [r.article for r in st.counted()] == ["ferry-a", "ferry-b"]  # a wire copy counts once


def test_attribution_chain_through_a_cited_agency():
    from claimgraph.model import Entity

    a = make("yonhap-1", '"The talks will resume next week in the capital," Minister Lee Sora said.',
             outlet="Yonhap", people={"Lee Sora": "person:lee-sora"},
             quotes=[("Lee Sora", "The talks will resume next week in the capital", "direct")])
    b = make("reuters-1", 'Minister Lee Sora said the talks would resume next week in the capital, '
             'Yonhap reported.', outlet="Reuters", published="2024-05-03",
             people={"Lee Sora": "person:lee-sora"},
             quotes=[("Lee Sora", "the talks would resume next week in the capital", "indirect")])
    b.entities.append(Entity(id="E9", name="Yonhap", type="NEWS_OUTLET", mentions=[(88, 94)], key="org:yonhap"))
    b.quotes[0].via = "E9"
    linker = Linker()
    linker.add(a)
    links = linker.add(b)
    [sid] = links.statements
    st = linker.statements.statements[sid]
    assert st.reports[1].via == "Yonhap" and st.reports[1].cites == "yonhap-1"
    graph = linker.sources.to_json()
    assert any(l["source"] == "outlet:Reuters" and l["target"] == "org:yonhap" for l in graph["links"])


def test_source_graph_counts_anonymous_share_and_exports():
    from claimgraph.model import Attribution

    a = _article("ferry-a", FERRY, outlet="Harbour Post",
                 quotes=[("Ines Varga", "the hull was intact and that no fuel had leaked into the bay", "indirect")])
    a.attributions.append(Attribution(id="A1", source=None, source_text="officials", source_mention=None,
                                      cue=(0, 3), claim=(4, 20), anonymous=True))
    linker = Linker()
    linker.add(a)
    [row] = outlets_of(linker.sources.to_json())
    assert row["outlet"] == "Harbour Post" and row["citations"] == 2 and row["anonymous_share"] == 0.5
    root = ET.fromstring(to_graphml(linker.sources))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(root.findall(".//g:edge", ns)) == 2 and len(root.findall(".//g:node", ns)) == 3


def test_story_scorers():
    gold = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 3}
    perfect = story_eval.score(gold, {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"})
    assert perfect["pairwise"]["f1"] == 1.0 and perfect["bcubed"]["f1"] == 1.0
    split = story_eval.score(gold, {"a": "x", "b": "x", "c": "w", "d": "y", "e": "y"})
    pw = split["pairwise"]
    assert (pw["gold_pairs"], pw["pred_pairs"], pw["correct_pairs"]) == (3, 2, 1)
    b3 = split["bcubed"]
    assert abs(b3["precision"] - (1 + 1 + 1 + 0.5 + 0.5) / 5) < 1e-9
    assert abs(b3["recall"] - (2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5) < 1e-9


def test_publication_order_keeps_arrival_order_for_ties():
    arts = _corpus()
    assert [a.id for a in publication_order(arts)] == [
        "ferry-old", "ferry-a", "ferry-b", "ferry-copy", "budget-a", "budget-b"]


def test_a_linker_restored_from_states_goes_on_like_the_original():
    import pickle

    arts = publication_order(_corpus())
    whole = Linker()
    whole.add_many(arts)
    first, states = Linker(), []
    for a in arts[:4]:
        first.add(a)
        states.append(pickle.dumps(first.state()))
    restored = Linker()
    for blob in states:
        restored.restore(pickle.loads(blob))
    for a in arts[4:]:
        restored.add(a)
    assert restored.story_list() == whole.story_list()
    assert [s.to_json() for s in restored.statement_list(False)] == [s.to_json() for s in whole.statement_list(False)]
    assert restored.flags() == whole.flags()
    assert restored.sources.to_json() == whole.sources.to_json()
