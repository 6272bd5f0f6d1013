"""Speakers named by a description (issue 10, class 5): roles, role descriptions, cataphora,
pronouns after a statement, bare family names and outlets.

All texts are written for these tests (news-like sentences, no corpus text)."""
from __future__ import annotations

from test_entities import entity_of


def speaker_of(article, content_word: str):
    """The speaker entity of the quote whose content contains ``content_word``."""
    for q in article.quotes:
        if content_word in article.span_text(q.content):
            return article.entity(q.speaker) if q.speaker else None
    raise AssertionError(f"no quote containing {content_word!r}")


def test_a_title_of_a_department_is_the_role_and_the_top_diplomat_is_that_person(reader):
    a = reader.read("Secretary of State Maria Delgado arrived in Lima on Monday for talks on the "
                    "border dispute. The meeting lasted four hours. \"We are ready to help both "
                    "sides,\" the top U.S. diplomat noted.")
    delgado = entity_of(a, "Maria Delgado")
    assert delgado.role == "Secretary of State"
    assert not any(e.name == "State" for e in a.entities)
    assert speaker_of(a, "ready to help") is delgado


def test_a_role_named_before_its_holder_is_that_person(reader):
    a = reader.read("The province's premier said on Tuesday that the budget would pass before the "
                    "summer. Opposition parties called the plan reckless. Premier Daniel Okoro has "
                    "led the province since 2019.")
    assert speaker_of(a, "budget would pass") is entity_of(a, "Daniel Okoro")


def test_the_chief_of_an_institution_is_the_person_introduced_as_its_head(reader):
    a = reader.read("Central bank governor Elena Varga raised interest rates again on Wednesday. "
                    "Markets fell sharply. The central bank chief said inflation remained too high.")
    varga = entity_of(a, "Elena Varga")
    assert varga.type == "PERSON"
    assert speaker_of(a, "inflation remained") is varga


def test_a_role_in_apposition_is_the_role_and_later_role_mentions_are_the_person(reader):
    a = reader.read("Ana Ruiz, the union leader, rejected the offer on Monday. Talks resumed on "
                    "Thursday. \"We will strike if needed,\" the union leader said.")
    ruiz = entity_of(a, "Ana Ruiz")
    assert ruiz is not None and ruiz.type == "PERSON" and "union leader" in (ruiz.role or "")
    assert speaker_of(a, "strike if needed") is ruiz


def test_a_pronoun_takes_the_last_speaker_over_a_name_in_an_opening_adjunct(reader):
    a = reader.read("\"We will not back down,\" Tom Baker said on Monday. After meeting with Paul "
                    "Green in Ottawa, he said the talks had been useful.")
    assert speaker_of(a, "talks had been useful") is entity_of(a, "Tom Baker")


def test_he_after_a_paragraph_about_a_woman_is_not_her(reader):
    a = reader.read("\"We need more money,\" said Ngozi Adeyemi, who runs the agency.\n"
                    "Adeyemi has led the agency since 2015 and cut its staff twice.\n"
                    "\"It is not enough,\" he said.")
    assert speaker_of(a, "not enough") is not entity_of(a, "Ngozi Adeyemi")


def test_a_bare_family_name_after_a_full_name_is_that_person(reader):
    a = reader.read("Activist Lerato Dlamini led the march through the city centre. Later, Dlamini "
                    "told reporters the police had blocked the road.")
    dlamini = entity_of(a, "Lerato Dlamini")
    assert dlamini.type == "PERSON" and dlamini.role == "Activist"
    assert entity_of(a, "Dlamini", 1) is dlamini
    assert speaker_of(a, "blocked the road") is dlamini
    assert not any(e.name == "Activist" for e in a.entities)


def test_a_given_and_family_name_the_tagger_calls_an_organisation_is_a_person(reader):
    a = reader.read("Central bank governor Elena Varga raised interest rates on Wednesday. "
                    "She said inflation remained too high.")
    varga = entity_of(a, "Elena Varga")
    assert varga.type == "PERSON"
    assert entity_of(a, "She") is varga


def test_outlets_named_after_their_kind_are_outlets(reader):
    a = reader.read("The daily La Nación reported that the minister had resigned. According to the "
                    "newspaper Diario Libre, the vote was delayed. Officials told the news agency "
                    "Prensa Latina that the port was closed.")
    for name in ("La Nación", "Diario Libre", "Prensa Latina"):
        ent = entity_of(a, name)
        assert ent is not None and ent.type == "NEWS_OUTLET", (name, ent)
    assert not any(e.name == "Latina" for e in a.entities)


# -- GUM-style identity: predication, "it" in its own sentence, mistyped one-word names -----
def test_a_predicate_noun_of_the_copula_is_a_mention_of_its_subject(reader):
    a = reader.read("Maria Lopez became the party's leader in 2010. She is not a lawyer.")
    lopez = entity_of(a, "Maria Lopez")
    assert entity_of(a, "the party's leader") is lopez
    assert "a lawyer" not in [a.text[s:e] for s, e in lopez.mentions]


def test_it_joins_an_organisation_named_in_its_own_sentence_only(reader):
    a = reader.read("Acme Corp said its profits rose sharply last year. The weather was bad in "
                    "the spring. It rained for most of April.")
    acme = entity_of(a, "Acme Corp")
    assert entity_of(a, "its") is acme
    assert entity_of(a, "It") is not acme


def test_a_predicate_noun_after_a_pronoun_subject_is_a_mention_of_the_person(reader):
    a = reader.read("Maria Delgado joined the paper in 2010. She is now its chief correspondent in Cairo.")
    assert entity_of(a, "chief correspondent") is entity_of(a, "Maria Delgado")
    a = reader.read("Lena Ortiz was a celebrated actress.")
    assert entity_of(a, "a celebrated actress") is entity_of(a, "Lena Ortiz")


def test_a_subject_it_continues_the_organisation_that_was_the_subject_just_before(reader):
    a = reader.read("Northwind Energy cut 200 jobs in Ohio on Monday. It said demand for coal had fallen.")
    assert entity_of(a, "It") is entity_of(a, "Northwind Energy")
    a = reader.read("Workers at Northwind Energy walked out on Monday. It was the third strike this year.")
    assert entity_of(a, "It") is None or entity_of(a, "It") is not entity_of(a, "Northwind Energy")


def test_a_person_noun_after_served_as_is_a_mention_of_the_subject(reader):
    a = reader.read("Rosa Mendes joined the party in 1998. She served as its treasurer for a decade.")
    assert entity_of(a, "its treasurer") is entity_of(a, "Rosa Mendes")
    a = reader.read("Rosa Mendes described the minister as a coward.")
    assert entity_of(a, "a coward") is not entity_of(a, "Rosa Mendes")
