"""Misquotes: reports of one statement whose words differ beyond trimming."""
from __future__ import annotations

from across_helpers import make

from claimgraph.across.linker import Linker
from claimgraph.across.misquotes import compare
from claimgraph.across.statements import same_content, quote_words

MAYOR = {"Hana Pellworm": "person:hana-pellworm"}


def _pair(first: str, second: str, kind1: str = "direct", kind2: str = "direct"):
    a = make("a1", f'"{first}," Mayor Hana Pellworm said on Monday.', outlet="Harbour Post",
             people=MAYOR, quotes=[("Hana Pellworm", first, kind1)], published="2024-05-02")
    b = make("b1", f'Hana Pellworm told reporters: "{second}"', outlet="Coast Daily",
             people=MAYOR, quotes=[("Hana Pellworm", second, kind2)], published="2024-05-03")
    linker = Linker()
    linker.add(a)
    links = linker.add(b)
    return linker, links


def test_changed_number_is_flagged_with_both_versions_marked():
    linker, links = _pair("We will hire 5,000 new teachers before the winter term begins",
                          "We will hire 500 new teachers before the winter term begins")
    assert links.statements, "the two reports are one statement"
    [m] = links.misquotes
    assert m.type == "number" and (m.old, m.new) == ("5,000", "500")
    assert "[-5,000-]" in m.marked_first and "{+500+}" in m.marked_other
    assert m.first.article == "a1"


def test_dropped_negation_is_flagged():
    _, links = _pair("The council will not close the east harbour this year, whatever the cost",
                     "The council will close the east harbour this year, whatever the cost")
    [m] = links.misquotes
    assert m.type == "negation" and "not" in m.marked_first


def test_contraction_dropped_is_a_negation_too():
    comp = compare("We didn't approve the contract for the new ferry terminal",
                   "We did approve the contract for the new ferry terminal")
    assert [d.type for d in comp.differences] == ["negation"]


def test_changed_verb_is_flagged():
    comp = compare("Our engineers will repair the old sea wall in the spring",
                   "Our engineers will demolish the old sea wall in the spring")
    assert [(d.type, d.old, d.new) for d in comp.differences] == [("word", "repair", "demolish")]


def test_trimming_and_ellipsis_are_not_misquotes():
    _, links = _pair("We will hire 5,000 new teachers before the winter term begins, and pay them better",
                     "hire 5,000 new teachers before the winter term begins")
    assert links.statements and not links.misquotes
    assert not compare("We will hire new teachers ... before the winter term begins",
                       "We will hire new teachers before the winter term begins").differences


def test_spelling_and_inflection_are_not_misquotes():
    assert not compare("We will apologise to every family that lost a home",
                       "We will apologize to every family that lost a home").differences
    assert not compare("He said he wants to run the port like he is running a business",
                       "He said he wants to run the port like he is run a business").differences


def test_indirect_report_only_flags_numbers():
    # a paraphrase changes words (and may turn a negation around); only a number counts
    assert not compare("I am not going to resign over the harbour contract",
                       "she was going to stay on despite the harbour contract", "direct",
                       "indirect").differences
    comp = compare("We will hire 5,000 new teachers this winter",
                   "the city would hire 500 new teachers this winter", "direct", "indirect")
    assert [d.type for d in comp.differences] == ["number"]


def test_same_words_different_speaker_is_not_one_statement():
    a = make("a1", '"We will hire 5,000 new teachers this winter," Hana Pellworm said.',
             people=MAYOR, quotes=[("Hana Pellworm", "We will hire 5,000 new teachers this winter", "direct")])
    b = make("b1", '"We will hire 500 new teachers this winter," Ivo Brandt said.',
             people={"Ivo Brandt": "person:ivo-brandt"},
             quotes=[("Ivo Brandt", "We will hire 500 new teachers this winter", "direct")])
    linker = Linker()
    linker.add(a)
    links = linker.add(b)
    assert not links.statements and not links.misquotes


def test_same_content_rule():
    w1, t1 = quote_words("I am profoundly sorry for the confrontation on the street")
    w2, t2 = quote_words("he was profoundly sorry for the confrontation")
    assert same_content(w1, t1, w2, t2) > 0
    w3, t3 = quote_words("the budget will be balanced by the end of the year")
    assert same_content(w1, t1, w3, t3) == 0
