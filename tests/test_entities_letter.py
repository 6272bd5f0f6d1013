"""First and second person in a letter (texts written for these tests)."""
from __future__ import annotations

from test_entities import entity_of, span_of

LETTER = """March 3, 2021
Dear Ms. Hollis,
I read your report on the harbour with great interest. You were right about the cranes, and my colleagues agree.
The mayor told us, "I will not sign it." We hope he changes his mind.
Yours sincerely,
Thomas Whitcombe"""


def test_i_is_the_signer_and_you_the_person_greeted(reader):
    a = reader.read(LETTER)
    writer, greeted = entity_of(a, "Thomas Whitcombe"), entity_of(a, "Hollis")
    assert writer is not None and greeted is not None and writer is not greeted
    for sub, occ in (("I", 0), ("my", 0)):
        assert span_of(a.text, sub, occ) in writer.mentions, sub
    for sub in ("your", "You"):
        assert span_of(a.text, sub) in greeted.mentions, sub
    assert span_of(a.text, "I", 1) not in writer.mentions  # the mayor's, in his quoted words


def test_a_signature_the_tagger_missed_is_a_person_of_its_own(reader):
    a = reader.read(LETTER.replace("Thomas Whitcombe", "OSWALD TREMAYNE"))
    writer = entity_of(a, "I")
    assert writer is not None and writer.type == "PERSON"
    assert span_of(a.text, "OSWALD TREMAYNE") in writer.mentions and span_of(a.text, "my") in writer.mentions


def test_no_signature_no_writer(reader):
    a = reader.read(LETTER.replace("Yours sincerely,\nThomas Whitcombe", "The council meets on Friday."))
    assert entity_of(a, "I") is None


def test_the_person_greeted_without_a_signature_and_a_greeting_the_tagger_missed(reader):
    text = LETTER.replace("Dear Ms. Hollis,", "Dear Margaret Hollis:").replace(
        "Yours sincerely,\nThomas Whitcombe", "[The undersigned]")
    a = reader.read(text)
    greeted = entity_of(a, "Margaret Hollis")
    assert greeted is not None and greeted.type == "PERSON"
    assert span_of(a.text, "your") in greeted.mentions and span_of(a.text, "You") in greeted.mentions
    a = reader.read(text.replace("Dear Margaret Hollis:", "Dear Friends:"))
    assert entity_of(a, "your") is None
