"""Contradicting statements: one speaker saying X and not X, two sources putting opposite
claims about one entity — and the near misses that must not be flagged (texts written here)."""
from __future__ import annotations

from across_helpers import make

from claimgraph.across import persist
from claimgraph.across.linker import Linker
from claimgraph.across.opposites import OppositeIndex, clauses_of
from claimgraph.store.api import Store

MAYOR = {"Hana Pellworm": "person:hana-pellworm"}
PLANT = "The Kessel desalination plant"


def _mayor(id_, sentence, content, kind="indirect", certainty=None, outlet="Harbour Post",
           published="2024-05-02"):
    art = make(id_, sentence, outlet=outlet, published=published, people=MAYOR,
               quotes=[("Hana Pellworm", content, kind)])
    art.quotes[0].certainty = certainty
    return art


def _flags(*articles):
    linker = Linker()
    for art in articles:
        linker.add(art)
    return [f for f in linker.flags() if f["type"] == "statements"]


def test_same_speaker_x_and_not_x_across_articles_is_flagged():
    a = _mayor("a1", '"The desalination plant will close next spring," Hana Pellworm said on Monday.',
               "The desalination plant will close next spring", "direct")
    b = _mayor("b1", "Hana Pellworm said on Thursday that the desalination plant would not close "
                     "next spring after all.", "the desalination plant would not close next spring after all",
               outlet="Coast Daily", published="2024-05-09")
    [flag] = _flags(a, b)
    assert flag["kind"] == "same speaker"
    assert (flag["a"]["article"], flag["b"]["article"]) == ("a1", "b1")
    assert flag["a"]["polarity"] == "affirmed" and flag["b"]["polarity"] == "negated"
    assert flag["b"]["negation"] == "not"
    assert {"plant", "close", "desalination"} <= set(flag["shared"])
    assert "not" in flag["reason"]


def test_a_denial_is_the_opposite_of_the_claim():
    a = _mayor("a1", "Hana Pellworm said the harbour authority paid the dredging contractors twice.",
               "the harbour authority paid the dredging contractors twice")
    b = _mayor("b1", "Hana Pellworm denied that the harbour authority paid the dredging contractors twice.",
               "the harbour authority paid the dredging contractors twice", certainty="denied",
               outlet="Coast Daily", published="2024-05-04")
    [flag] = _flags(a, b)
    assert flag["b"]["polarity"] == "negated" and flag["b"]["negation"] == "denied"


def test_two_sources_opposite_claims_about_one_person_in_one_story():
    people = {"Rafael Ortiz": "person:rafael-ortiz", "Dana Kell": "person:dana-kell",
              "Lio Brandt": "person:lio-brandt"}
    a = make("a1", "Police chief Dana Kell said Rafael Ortiz was armed when officers reached the warehouse.",
             people=people, quotes=[("Dana Kell", "Rafael Ortiz was armed when officers reached the warehouse",
                                     "indirect")])
    b = make("b1", "Lio Brandt, a lawyer, said Rafael Ortiz was not armed when officers reached the warehouse.",
             people=people, outlet="Coast Daily",
             quotes=[("Lio Brandt", "Rafael Ortiz was not armed when officers reached the warehouse",
                      "indirect")])
    index = OppositeIndex()
    index.add(a, "story-1")
    [found] = index.add(b, "story-1")
    assert found.kind == "two sources" and found.about == "person:rafael-ortiz"
    assert found.to_json()["about"] == "Rafael Ortiz"
    # the same pair in two different stories is two events, not a contradiction
    other = OppositeIndex()
    other.add(a, "story-1")
    assert other.add(b, "story-2") == []


def test_a_negation_outside_the_shared_claim_is_not_a_contradiction():
    a = _mayor("a1", "Hana Pellworm said the city did not want a fight, but the desalination plant "
                     "will close next spring.",
               "the city did not want a fight, but the desalination plant will close next spring")
    b = _mayor("b1", "Hana Pellworm said the desalination plant will close next spring.",
               "the desalination plant will close next spring", outlet="Coast Daily",
               published="2024-05-04")
    assert _flags(a, b) == []


def test_near_misses_are_not_flagged():
    base = _mayor("a1", "Hana Pellworm said the desalination plant will close next spring.",
                  "the desalination plant will close next spring")
    # hedged: a possibility does not contradict
    hedged = _mayor("b1", "Hana Pellworm said the desalination plant might not close next spring.",
                    "the desalination plant might not close next spring", certainty="possible",
                    outlet="Coast Daily", published="2024-05-04")
    assert _flags(base, hedged) == []
    # a condition asserts nothing
    cond = _mayor("b2", "Hana Pellworm said if the desalination plant does not close next spring, "
                        "she will resign.", "if the desalination plant does not close next spring",
                  outlet="Coast Daily", published="2024-05-04")
    assert _flags(base, cond) == []
    # another claim about the same plant, negated: not the same proposition
    other = _mayor("b3", "Hana Pellworm said the desalination plant will not hire new engineers.",
                   "the desalination plant will not hire new engineers", outlet="Coast Daily",
                   published="2024-05-04")
    assert _flags(base, other) == []
    # a question
    question = _mayor("b4", "Hana Pellworm asked: will the desalination plant not close next spring?",
                      "will the desalination plant not close next spring?", "direct",
                      outlet="Coast Daily", published="2024-05-04")
    assert _flags(base, question) == []
    # the same speaker repeating herself, both negated: agreement
    again = _mayor("b5", "Hana Pellworm said the desalination plant will never close next spring.",
                   "the desalination plant will never close next spring", outlet="Coast Daily")
    no = _mayor("b6", "Hana Pellworm said the desalination plant will not close next spring.",
                "the desalination plant will not close next spring", outlet="Valley Times")
    assert _flags(again, no) == []
    # withholding a claim is not making its opposite
    coy = _mayor("b7", "Hana Pellworm said: I'm not saying the desalination plant will close next spring.",
                 "I'm not saying the desalination plant will close next spring", "direct",
                 outlet="Coast Daily", published="2024-05-04")
    assert _flags(base, coy) == []


def test_negations_that_deny_nothing_are_not_contradictions():
    """Ordinary news sentences whose negation affirms (no doubt, don't doubt, make no
    mistake, never been more certain, not only), sits in a relative clause, or contrasts an
    alternative (next spring, not next summer): none contradicts the plain claim."""
    plain = "the desalination plant will close next spring"
    others = ["there is no doubt that the desalination plant will close next spring",
              "I don't doubt the desalination plant will close next spring",
              "make no mistake, the desalination plant will close next spring",
              "I have never been more certain the desalination plant will close next spring",
              "the desalination plant will close next spring, not next summer",
              "not only will the desalination plant close next spring, the pier will too",
              "engineers who were not consulted say the desalination plant will close next spring"]
    for i, other in enumerate(others):
        a = _mayor(f"a{i}", f'"{plain}," Hana Pellworm said.', plain, "direct")
        b = _mayor(f"b{i}", f"Hana Pellworm said {other}.", other, outlet="Coast Daily",
                   published="2024-05-09")
        assert _flags(a, b) == [], other


def test_a_dropped_negation_in_verbatim_reports_is_a_misquote_not_a_contradiction():
    words = "The council will not close the east harbour this year, whatever the cost"
    a = _mayor("a1", f'"{words}," Hana Pellworm said.', words, "direct")
    changed = words.replace(" not", "")
    b = _mayor("b1", f'Hana Pellworm told reporters: "{changed}"', changed, "direct",
               outlet="Coast Daily", published="2024-05-03")
    linker = Linker()
    linker.add(a)
    links = linker.add(b)
    assert [m.type for m in links.misquotes] == ["negation"]
    assert links.opposites == []


def test_clauses_split_at_contrast_and_sentence_ends():
    parts = [t for _, t in clauses_of("We do not want war, but we want the plant closed. It is old; "
                                      "it leaks")]
    assert parts == ["We do not want war", "we want the plant closed", "It is old", "it leaks"]


def test_flags_are_stored_incrementally_and_equal_a_relink(store_url):
    a = _mayor("a1", '"The desalination plant will close next spring," Hana Pellworm said on Monday.',
               "The desalination plant will close next spring", "direct")
    b = _mayor("b1", "Hana Pellworm said on Thursday that the desalination plant would not close "
                     "next spring after all.", "the desalination plant would not close next spring after all",
               outlet="Coast Daily", published="2024-05-03")
    store = Store(store_url)
    try:
        store.ingest([a])
        persist.forget()  # another process goes on: the linker is rebuilt from stored states
        store.ingest([b])
        flags = {str(f): f for s in store.stories() for f in store.story(s["id"])["flags"]}
        [flag] = [f for f in flags.values() if f["type"] == "statements"]
        assert flag["kind"] == "same speaker" and flag["b"]["article"] == "b1"
        before = sorted(flags)
        store.relink()
        after = sorted({str(f) for s in store.stories() for f in store.story(s["id"])["flags"]})
        assert after == before
    finally:
        store.close()
        persist.forget()


def test_two_sources_in_one_article_disagree():
    people = {"Erik Holm": "person:erik-holm", "Mara Lind": "person:mara-lind",
              "Northline": "org:northline"}
    text = ("Northline said its captain, Erik Holm, had not slowed the ferry before it struck the "
            "sandbank. A union official, Mara Lind, said Erik Holm did slow the ferry before it "
            "struck the sandbank.")
    art = make("a1", text, people=people, quotes=[
        ("Northline", "its captain, Erik Holm, had not slowed the ferry before it struck the sandbank",
         "indirect"),
        ("Mara Lind", "Erik Holm did slow the ferry before it struck the sandbank", "indirect")])
    [found] = OppositeIndex().add(art, "story-1")
    assert found.kind == "two sources" and found.about == "person:erik-holm"
    assert (found.a.speaker, found.b.speaker) == ("org:northline", "person:mara-lind")


def test_an_opposite_word_turns_a_claim_round():
    staff = {"Hana Pellworm": "person:hana-pellworm"}

    def mayor(id_, content, outlet):
        return make(id_, f"Hana Pellworm said {content}.", people=staff, outlet=outlet,
                    quotes=[("Hana Pellworm", content, "indirect")])

    keep = mayor("a1", "the harbour staff will keep their jobs after the merger", "Harbour Post")
    no_loss = mayor("b1", "no harbour staff will lose their jobs after the merger", "Coast Daily")
    loss = mayor("c1", "the harbour staff will lose their jobs after the merger", "Valley Times")
    assert _flags(keep, no_loss) == []  # a negated opposite agrees
    [flag] = _flags(keep, loss)  # an opposite alone contradicts
    assert flag["b"]["polarity"] == "negated" and "lose" in flag["b"]["negation"]
