"""Hedges: cues, certainty labels, negation and denial, claim scope, scorer."""
from __future__ import annotations

import pytest

from claimgraph.eval import hedges as hedge_eval
from claimgraph.eval import timex
from claimgraph.hedges.certainty import claim_certainty
from claimgraph.report.sections import hedge_lines as describe


def cues(reader, text: str) -> dict[str, str]:
    art = reader.read(text)
    return {h.cue_text: h.certainty for h in art.hedges}


@pytest.mark.parametrize("text, cue, label", [
    ("The general is likely to resign next week.", "likely", "probable"),
    ("The ship probably sank in the storm.", "probably", "probable"),
    ("Witnesses described the apparent collapse of the bridge.", "apparent", "probable"),
    ("There are said to be hundreds of prisoners in the camp.", "said to be", "reported"),
    ("The bank is expected to raise rates again.", "expected", "probable"),
    ("The minister reportedly met the rebels twice.", "reportedly", "reported"),
    ("The firm allegedly hid its losses.", "allegedly", "reported"),
    ("The virus may spread to the north.", "may", "possible"),
    ("The dam could fail within days.", "could", "possible"),
    ("The leak fuelled speculation that the deal is dead.", "speculation", "possible"),
    ("The coach is widely considered one of the best in Europe.", "considered", "believed"),
])
def test_hedge_cues(reader, text, cue, label):
    assert cues(reader, text).get(cue) == label


def test_negation_and_denial(reader):
    found = cues(reader, "The president has not denied the report. The army denied the claims. "
                         "Officials have not confirmed the deaths.")
    assert found["not denied"] == "not denied"
    assert found["denied"] == "denied"
    assert found["not confirmed"] == "unconfirmed"


@pytest.mark.parametrize("text", [
    "Elections are held in May every year.",
    "The rescuers could not reach the village.",
    "The committee considered the proposal on Friday.",
    "Police said the road was closed.",
    "He appeared in court on Monday.",
])
def test_no_false_cues(reader, text):
    assert [h for h in reader.read(text).hedges if h.certainty != "negated"] == []


def test_claims_get_labels_and_scope(reader):
    art = reader.read('"The talks will probably fail," the envoy said. The market fell 2%. '
                      "The rebels are believed to hold the airport.")
    probably = next(h for h in art.hedges if h.cue_text == "probably")
    assert art.text[probably.scope[0]:probably.scope[1]].startswith("The talks will probably fail")
    labels = {art.text[c.span[0]:c.span[1]].strip()[:14]: c.certainty for c in claim_certainty(art)}
    assert labels["The market fel"] == "certain"
    assert labels["The rebels are"] == "believed"
    lines = describe(art)
    assert any(line.startswith("believed (believed)") for line in lines)


GOLD = [{"id": "1", "text": "It may rain or it is likely dry.", "cues": [
            {"span": [3, 6], "text": "may", "type": "epistemic"},
            {"span": [20, 26], "text": "likely", "type": "epistemic"},
            {"span": [11, 13], "text": "or", "type": "condition"}], "uncertain": True},
        {"id": "2", "text": "It rained.", "cues": [], "uncertain": False}]
PRED = [{"id": "1", "hedges": [{"cue": [3, 6]}]}, {"id": "2", "hedges": [{"cue": [3, 9]}]}]


def test_score_matches_reference_scorer(shared_dir):
    ours = hedge_eval.score(GOLD, PRED)
    assert (ours["cue_P"], ours["cue_R"]) == (0.5, 0.5)
    ref = timex.reference_score(shared_dir / "scoring" / "score_hedges.py", GOLD, PRED)
    assert ours == ref


def test_predict_keeps_only_uncertainty_cues(reader):
    recs = hedge_eval.predict([{"id": "x", "text": "The mayor has not denied that she may run."}], reader)
    assert [h["certainty"] for h in recs[0]["hedges"]] == ["possible"]


def test_negated_claims_and_hedged_negatives(reader):
    art = reader.read("The army is not leaving the city. The envoy probably won't return.")
    labels = [c.certainty for c in claim_certainty(art)]
    assert labels == ["negated", "probable"]


def test_every_quote_and_claim_carries_its_certainty(reader):
    text = ("The minister said the new bridge will probably open in May. "
            "Officials reportedly expect delays. The river is wide.")
    a = reader.read(text)
    q = next(q for q in a.quotes if "bridge" in a.span_text(q.content))
    assert q.certainty == "probable"
    labelled = {a.span_text(c.span): c.certainty for c in a.claims}
    assert any("reportedly" in s for s in labelled)
    assert not any("river is wide" in s for s in labelled)  # plain statements are not listed


@pytest.mark.parametrize("text, cue, label", [
    ("The striker is considered by many to be the best in the league.", "considered", "believed"),
    ("Some analysts consider the merger to be doomed.", "consider", "believed"),
    ("It has been suggested that the fire was set deliberately.", "suggested", "possible"),
    ("Residents feared that the river would breach the levee.", "feared", "believed"),
    ("The figures imply that the recovery has stalled.", "imply", "possible"),
    ("Early results indicate that turnout was low.", "indicate", "possible"),
    ("Police are examining the possibility of arson.", "possibility", "possible"),
    ("Critics reject the view that tariffs protect jobs.", "view", "believed"),
    ("The supposed leader of the gang was arrested.", "supposed", "believed"),
    ("The strike may or may not go ahead.", "may or may not", "possible"),
])
def test_belief_and_inference_cues(reader, text, cue, label):
    assert cues(reader, text).get(cue) == label


@pytest.mark.parametrize("text, word", [
    ("The ferry left early so that passengers could reach the capital by noon.", "could"),
    ("The new hall holds the maximum possible number of seats.", "possible"),
    ("The company assumed control of the port in 2019.", "assumed"),
    ("Visitors get a fine view of the harbour from the tower.", "view"),
])
def test_ability_options_and_plain_objects_are_not_hedges(reader, text, word):
    assert word not in cues(reader, text)
