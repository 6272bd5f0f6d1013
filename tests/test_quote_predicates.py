"""Candidates whose cue is a predicate rather than a verb with its content as a dependent
(:mod:`claimgraph.quotes.predicates`), and verb candidates the parser builds in a way of its
own (:mod:`claimgraph.quotes.candidates`), on parses written out by hand for these tests."""
from __future__ import annotations

from parses import hand_parsed as _doc


def _found(doc):
    from claimgraph.quotes.candidates import generate_candidates

    return {(c.cue.text, c.relation, doc[c.content_start:c.content_end].text, c.speaker.text if c.speaker else None)
            for c in generate_candidates(doc)}


def test_an_adjective_of_attitude_takes_the_object_of_its_preposition(reader):
    doc = _doc(reader, [
        ("Farmers", 1, "nsubj", "NOUN", "NNS", "farmer"),
        ("were", 1, "ROOT", "AUX", "VBD", "be"),
        ("sceptical", 1, "acomp", "ADJ", "JJ", "sceptical"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("irrigation", 6, "compound", "NOUN", "NN", "irrigation"),
        ("levy", 3, "pobj", "NOUN", "NN", "levy"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    assert ("sceptical", "adj:of", "the irrigation levy", "Farmers") in _found(doc)


def test_a_stance_preposition_after_the_copula_is_a_candidate(reader):
    doc = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("union", 2, "nsubj", "NOUN", "NN", "union"),
        ("is", 2, "ROOT", "AUX", "VBZ", "be"),
        ("against", 2, "prep", "ADP", "IN", "against"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("night", 6, "compound", "NOUN", "NN", "night"),
        ("shifts", 3, "pobj", "NOUN", "NNS", "shift"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert ("against", "stance:against", "the night shifts", "union") in _found(doc)
    # "Against advice, they stayed": a preposition on any other verb is no stance
    other = _doc(reader, [
        ("Against", 4, "prep", "ADP", "IN", "against"),
        ("advice", 0, "pobj", "NOUN", "NN", "advice"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("they", 4, "nsubj", "PRON", "PRP", "they"),
        ("stayed", 4, "ROOT", "VERB", "VBD", "stay"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ])
    assert not any(rel.startswith("stance:") for _, rel, _, _ in _found(other))


def test_a_fronted_as_clause_attributes_the_clause_after_it(reader):
    doc = _doc(reader, [
        ("As", 3, "mark", "SCONJ", "IN", "as"),
        ("the", 2, "det", "DET", "DT", "the"),
        ("auditor", 3, "nsubj", "NOUN", "NN", "auditor"),
        ("noted", 9, "advcl", "VERB", "VBD", "note"),
        (",", 9, "punct", "PUNCT", ",", ","),
        ("the", 6, "det", "DET", "DT", "the"),
        ("ferry", 7, "compound", "NOUN", "NN", "ferry"),
        ("service", 9, "nsubj", "NOUN", "NN", "service"),
        ("has", 9, "aux", "AUX", "VBZ", "have"),
        ("lost", 9, "ROOT", "VERB", "VBN", "lose"),
        ("money", 9, "dobj", "NOUN", "NN", "money"),
        ("for", 9, "prep", "ADP", "IN", "for"),
        ("years", 11, "pobj", "NOUN", "NNS", "year"),
        (".", 9, "punct", "PUNCT", ".", "."),
    ])
    assert ("noted", "inverted", "the ferry service has lost money for years", "auditor") in _found(doc)


def test_an_adjective_of_attitude_takes_its_clause(reader):
    doc = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("growers", 2, "nsubj", "NOUN", "NNS", "grower"),
        ("were", 2, "ROOT", "AUX", "VBD", "be"),
        ("hopeful", 2, "acomp", "ADJ", "JJ", "hopeful"),
        ("that", 8, "mark", "SCONJ", "IN", "that"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("frost", 8, "nsubj", "NOUN", "NN", "frost"),
        ("would", 8, "aux", "AUX", "MD", "would"),
        ("pass", 3, "ccomp", "VERB", "VB", "pass"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert ("hopeful", "adj:ccomp", "the frost would pass", "growers") in _found(doc)
    infinitive = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("council", 2, "nsubj", "NOUN", "NN", "council"),
        ("is", 2, "ROOT", "AUX", "VBZ", "be"),
        ("eager", 2, "acomp", "ADJ", "JJ", "eager"),
        ("to", 5, "aux", "PART", "TO", "to"),
        ("reopen", 3, "xcomp", "VERB", "VB", "reopen"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("pier", 5, "dobj", "NOUN", "NN", "pier"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert ("eager", "adj:xcomp", "to reopen the pier", "council") in _found(infinitive)


def test_call_for_someone_to_act_is_the_object_of_call_for(reader):
    # "for" parsed as the mark of an infinitive clause with its own subject
    doc = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
        ("called", 2, "ROOT", "VERB", "VBD", "call"),
        ("for", 6, "mark", "SCONJ", "IN", "for"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("board", 6, "nsubj", "NOUN", "NN", "board"),
        ("resign", 2, "advcl", "VERB", "VB", "resign"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert not any(rel == "prep:for" for _, rel, _, _ in _found(doc))  # no infinitive, no clause
    doc = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
        ("called", 2, "ROOT", "VERB", "VBD", "call"),
        ("for", 7, "mark", "SCONJ", "IN", "for"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("board", 7, "nsubj", "NOUN", "NN", "board"),
        ("to", 7, "aux", "PART", "TO", "to"),
        ("resign", 2, "advcl", "VERB", "VB", "resign"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert ("called", "prep:for", "the board to resign", "mayor") in _found(doc)


def test_a_passive_with_an_agent_gives_its_subject_as_the_content(reader):
    doc = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("budget", 3, "nsubjpass", "NOUN", "NN", "budget"),
        ("was", 3, "auxpass", "AUX", "VBD", "be"),
        ("derided", 3, "ROOT", "VERB", "VBN", "deride"),
        ("by", 3, "agent", "ADP", "IN", "by"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("unions", 4, "pobj", "NOUN", "NNS", "union"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ])
    assert ("derided", "nsubjpass", "The budget", "unions") in _found(doc)


def _club_said(reader, second, lemma):
    """"The club said its membership has grown since May and *<second>* 400 members.": the
    parser conjoins the second verb to the content's head."""
    return _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("club", 2, "nsubj", "NOUN", "NN", "club"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"),
        ("its", 4, "poss", "PRON", "PRP$", "its"),
        ("membership", 6, "nsubj", "NOUN", "NN", "membership"),
        ("has", 6, "aux", "AUX", "VBZ", "have"),
        ("grown", 2, "ccomp", "VERB", "VBN", "grow"),
        ("since", 6, "prep", "SCONJ", "IN", "since"),
        ("May", 7, "pobj", "PROPN", "NNP", "May"),
        ("and", 6, "cc", "CCONJ", "CC", "and"),
        (second, 6, "conj", "VERB", "VBD", lemma),
        ("400", 12, "nummod", "NUM", "CD", "400"),
        ("members", 10, "dobj", "NOUN", "NNS", "member"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ], one_sentence=True)


def test_a_verb_conjoined_to_the_content_is_a_longer_end_to_choose(reader):
    """The ranker may take the content on over a clause conjoined to its head that the parse's
    own bounds leave out, unless that verb reports on its own ("… and *said* …")."""
    from claimgraph.quotes.candidates import boundary_choices, generate_candidates

    def choices(doc):
        cand = next(c for c in generate_candidates(doc) if c.cue.text == "said" and c.relation == "ccomp")
        return doc[cand.content_start:cand.content_end].text, {
            (d, doc[cand.content_start:end].text) for end, d in boundary_choices(doc, cand)}

    content, ends = choices(_club_said(reader, "reached", "reach"))
    assert content == "its membership has grown since May"
    assert ("more|head|and|nosubj", "its membership has grown since May and reached 400 members") in ends
    _, ends = choices(_club_said(reader, "announced", "announce"))
    assert not any(d.startswith("more|") for d, _ in ends)


def test_a_stance_received_has_the_receiver_as_its_content(reader):
    """"The levy has drawn criticism from farmers": the farmers criticise the levy, the
    subject of the receiving verb; a thing drawn that is no stance is no candidate."""
    doc = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("levy", 3, "nsubj", "NOUN", "NN", "levy"),
        ("has", 3, "aux", "AUX", "VBZ", "have"),
        ("drawn", 3, "ROOT", "VERB", "VBN", "draw"),
        ("criticism", 3, "dobj", "NOUN", "NN", "criticism"),
        ("from", 3, "prep", "ADP", "IN", "from"),
        ("farmers", 5, "pobj", "NOUN", "NNS", "farmer"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ])
    assert ("criticism", "received", "The levy", "farmers") in _found(doc)
    other = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("mill", 2, "nsubj", "NOUN", "NN", "mill"),
        ("draws", 2, "ROOT", "VERB", "VBZ", "draw"),
        ("water", 2, "dobj", "NOUN", "NN", "water"),
        ("from", 2, "prep", "ADP", "IN", "from"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("river", 4, "pobj", "NOUN", "NN", "river"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert not any(rel == "received" for _, rel, _, _ in _found(other))
    # "The mayor has strong support among pensioners"
    doc = _doc(reader, [
        ("The", 1, "det", "DET", "DT", "the"),
        ("mayor", 2, "nsubj", "NOUN", "NN", "mayor"),
        ("has", 2, "ROOT", "VERB", "VBZ", "have"),
        ("strong", 4, "amod", "ADJ", "JJ", "strong"),
        ("support", 2, "dobj", "NOUN", "NN", "support"),
        ("among", 4, "prep", "ADP", "IN", "among"),
        ("pensioners", 5, "pobj", "NOUN", "NNS", "pensioner"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert ("support", "received", "The mayor", "pensioners") in _found(doc)
