"""First and second person in a question-and-answer interview (texts written for these tests)."""
from __future__ import annotations

from claimgraph.entities.interview import turns
from test_entities import entity_of, span_of

INTERVIEW = """Reporter interviews marine biologist Laura Penhallow
Laura Penhallow studies coral reefs off the coast of Belize. Penhallow spoke to us last week.
What drew you to coral reefs?
I grew up near the sea, and my father took me diving every summer.
How do you spend a field season?
We dive twice a day. I count the fish and my students measure the coral.
What would you tell a young scientist?
Learn to swim before you learn statistics."""

STORY = """The Visit
Tom Hale knocked twice. Hale waited on the step.
"Are you coming in?" she asked.
"I am," he said.
"Did you bring the letter?"
"I forgot it."
"Will you stay for dinner?"
"I can't."""


def test_interview_layout_is_found_from_questions_followed_by_answers():
    spans = turns(INTERVIEW)
    assert spans is not None
    assert [k for _, _, k in spans] == ["q", "a", "q", "a", "q", "a"]
    assert turns(STORY) is None  # quoted questions are dialogue, not an interviewer's


def test_i_in_an_answer_and_you_in_a_question_are_the_interviewee(reader):
    a = reader.read(INTERVIEW)
    laura = entity_of(a, "Penhallow", 1)
    assert laura is not None and laura.type == "PERSON"
    for sub, occ in (("I", 0), ("my", 0), ("me", 0), ("you", 0), ("I", 1), ("you", 2)):
        assert span_of(a.text, sub, occ) in laura.mentions, (sub, occ)
    # "you" in an answer is anyone; "we" is the team
    assert span_of(a.text, "you", 3) not in laura.mentions
    assert span_of(a.text, "We") not in laura.mentions


def test_no_interviewee_when_the_introduction_names_no_one(reader):
    text = INTERVIEW.replace("Laura Penhallow studies coral reefs off the coast of Belize. Penhallow spoke to us "
                             "last week.", "Coral reefs are dying off the coast of Belize.")
    text = text.replace("marine biologist Laura Penhallow", "a marine biologist")
    a = reader.read(text + "\nPenhallow thanked us.")
    laura = entity_of(a, "Penhallow")
    assert laura is None or span_of(a.text, "I") not in laura.mentions


EXPLAINER = """What the new bus fares mean for riders
Transport minister Sofia Brandt announced new fares on Monday. Brandt said the change was overdue.
Will you pay more?
Most riders will pay ten cents more per trip, according to the ministry.
Can you still buy a monthly pass?
Yes. The pass stays, at a higher price.
Where can you complain?
Complaints go to the regional transport office."""


def test_questions_to_the_reader_with_no_first_person_answer_are_no_interview(reader):
    assert turns(EXPLAINER) is not None  # the layout alone is there ...
    a = reader.read(EXPLAINER)
    brandt = entity_of(a, "Brandt", 1)
    # ... but no answer says "I": the "you" of the questions is the reader, not Brandt
    assert brandt is not None and span_of(a.text, "you") not in brandt.mentions


CANDIDATE = """Wikinews interviews mayoral candidate Dana Whitcombe
Dana Whitcombe is running for mayor of Port Ellery. Whitcombe spoke with us by telephone.
Why should voters choose you?
I am the only candidate who has run a small business in this town. I know what it costs to keep a shop open.
What would you change first?
The bus routes. I would add a night line to the harbour."""


def test_the_predicate_noun_of_an_interviewees_i_is_the_interviewee(reader):
    """The first person joins the interviewee only after the pronoun pass (turns are read
    late), so the copula's predicate noun of that *I* is read after it too."""
    a = reader.read(CANDIDATE)
    dana = entity_of(a, "Whitcombe", 1)
    assert dana is not None and span_of(a.text, "I") in dana.mentions
    start = a.text.index("the only candidate")
    assert any(s == start for s, _ in dana.mentions), dana.mentions


PAIR = """Wikinews interviews two bakers
The Larchmont Bakehouse opened in 2019 and is owned by Nadia Ferreira and Owen Talbot. The shop sells rye bread.
What made you open a bakery?
We both worked night shifts in a hotel kitchen. Our rye bread started as a staff snack.
How many loaves do you bake a day?
We bake about three hundred. Saturdays keep us busy."""


def test_we_in_the_answers_is_the_group_the_introduction_names(reader):
    a = reader.read(PAIR)
    pair = next((e for e in a.entities if e.type == "GROUP"), None)
    assert pair is not None
    for sub, occ in (("We", 0), ("Our", 0), ("We", 1), ("us", 0)):
        assert span_of(a.text, sub, occ) in pair.mentions, (sub, occ)
