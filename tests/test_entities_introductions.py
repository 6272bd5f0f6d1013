"""A speaker who says who they are (texts written for these tests)."""
from __future__ import annotations

from test_entities import entity_of, person_with, span_of

HEARING = """Board hears tenants on rent rise
Good afternoon. My name is Rosa Delgado, and I represent the tenants of Elm Court. I ask the board to delay the vote. My clients cannot pay more this year.
The board voted anyway."""


def test_my_name_is_makes_the_paragraph_s_first_person_that_person(reader):
    person_with(reader.read(HEARING), "Rosa Delgado", ("I", 0), ("I", 1), ("My", 1))


def test_two_people_introduced_in_one_paragraph_leave_it_alone(reader):
    text = HEARING.replace("I ask the board", "My name is Tom Bakker, she said. I ask the board")
    a = reader.read(text)
    rosa = entity_of(a, "Rosa Delgado")
    assert rosa is None or span_of(a.text, "I", 1) not in rosa.mentions
