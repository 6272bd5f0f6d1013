"""The first person of a signed article is its author (texts written for these tests)."""
from __future__ import annotations

from test_entities import entity_of, person_with, span_of

COLUMN = """Why our town needs its bus station
By Helen Carter
I have taken the number 12 bus to work for eleven years. My neighbours do the same.
The council says the station costs too much. "I understand the anger," the mayor told me, "but we have no money."
"""


def test_i_outside_quotations_is_the_byline_s_author(reader):
    a = reader.read(COLUMN)
    helen = person_with(a, "Helen Carter", ("I", 0), ("My", 0), ("me", 0))
    assert span_of(a.text, "I", 1) not in helen.mentions  # the mayor's, in his quoted words


def test_a_byline_of_several_authors_or_of_no_one_makes_no_i(reader):
    for byline in ("By Helen Carter and Omar Reyes", "By Staff"):
        a = reader.read(COLUMN.replace("By Helen Carter", byline))
        mine = entity_of(a, "I")
        assert mine is None or span_of(a.text, "Helen Carter") not in mine.mentions and mine.name != "Staff", byline


REPORT = """Port strike enters second week
By Helen Carter
The union leader told reporters on Monday: I will not back down. My members have waited long enough.
I expect a deal by Friday, the shipping line's director said.
The mayor told me I was wrong about the strike, and my readers wrote in to agree.
"""


def test_someone_else_s_words_without_quotation_marks_are_not_the_author_s(reader):
    # after a reporting verb's colon, and a clause before its reporting verb, are another's
    # words; indirect speech after the verb keeps the writer's "I"
    a = reader.read(REPORT)
    helen = person_with(a, "Helen Carter", ("me", 0), ("I", 2), ("my", 0))
    for sub, occurrence in (("I", 0), ("My", 0), ("I", 1)):
        assert span_of(a.text, sub, occurrence) not in helen.mentions, (sub, occurrence)
