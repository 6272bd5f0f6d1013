"""Entities within one article: clusters, repairs, attributes and the public helpers.

All texts are written for these tests (news-like sentences, no corpus text)."""
from __future__ import annotations

import re

import pytest

from claimgraph.lexicon.gazetteer import gazetteer, norm_key
from claimgraph.entities.names import acronym, family_name, is_family_first, name_words, variants
from claimgraph.ingest.text import normalise
from claimgraph.model import Entity
from claimgraph.entities.handoff import add_entity, entity_at


def span_of(text: str, sub: str, occurrence: int = 0) -> tuple[int, int]:
    hits = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(sub) + r"(?!\w)", text)]
    return hits[occurrence]


def entity_of(article, sub: str, occurrence: int = 0) -> Entity | None:
    """The entity with a mention covering the occurrence of ``sub`` (tightest mention wins)."""
    s, e = span_of(article.text, sub, occurrence)
    best, best_len = None, None
    for ent in article.entities:
        for ms, me in ent.mentions:
            if ms <= s and e <= me and (best_len is None or me - ms < best_len):
                best, best_len = ent, me - ms
    return best


def person_with(article, name: str, *subs: tuple[str, int]) -> Entity:
    """The person entity named ``name``, checked to hold each (text, occurrence) in ``subs``."""
    ent = entity_of(article, name)
    assert ent is not None and ent.type == "PERSON", name
    for sub, occ in subs:
        assert span_of(article.text, sub, occ) in ent.mentions, (sub, occ)
    return ent


def same(article, *subs) -> bool:
    ents = [entity_of(article, sub, occ) for sub, occ in subs]
    return ents[0] is not None and all(e is ents[0] for e in ents)


# -- names: pure functions ------------------------------------------------------------------
def test_family_name_first_for_korean_and_chinese_names():
    assert family_name(name_words("Kim Jong-un")) == "kim"
    assert family_name(name_words("Yoon Suk-yeol")) == "yoon"
    assert family_name(name_words("Xi Jinping")) == "xi"
    assert family_name(name_words("Kim Kardashian")) == "kardashian"
    assert family_name(name_words("President Joe Biden")) == "biden"
    assert not is_family_first(["maria", "lopez"])


def test_romanisation_variants_and_acronyms():
    assert "yun" in variants("yoon") and "i" in variants("yi") and "choi" in variants("choe")
    assert "park" not in variants("kim")
    assert acronym("Associated Press") == "AP"
    assert acronym("Democratic People's Republic of Korea") == "DPRK"
    assert norm_key("the Kim Jong-un's") == "kim jong un"


def test_gazetteer_capitals_demonyms_and_case_sensitive_acronyms():
    gaz = gazetteer()
    assert gaz.place("Kiev").capital_of == "UKR"
    assert gaz.place("DPRK").country == "PRK"
    assert gaz.demonym("North Korean") == "PRK"
    assert gaz.org("AP").type == "NEWS_OUTLET"
    assert gaz.org("who") is None and gaz.org("WHO") is not None
    assert gaz.place("us") is None and gaz.place("US").country == "USA"
    assert gaz.place("Berlin").coords is not None


# -- clusters -------------------------------------------------------------------------------
def test_full_name_surname_title_and_pronoun(reader):
    a = reader.read("Senator Maria Lopez of Texas met reporters in Austin on Monday. "
                    "Lopez said she would vote against the bill.")
    lopez = entity_of(a, "Maria Lopez")
    assert lopez.type == "PERSON" and lopez.name == "Maria Lopez"
    assert same(a, ("Maria Lopez", 0), ("Lopez", 1), ("she", 0))
    assert "Senator" in (lopez.role or "")
    assert entity_of(a, "Texas") is not lopez


def test_definite_description_joins_its_antecedent(reader):
    a = reader.read("Senator Maria Lopez met reporters on Monday. The 58-year-old senator "
                    "later left for the airport.")
    assert same(a, ("Maria Lopez", 0), ("The 58-year-old senator", 0))


def test_family_name_first_and_title_forms(reader):
    a = reader.read("Kim Jong-un inspected a missile base on Friday. Analysts said Kim "
                    "wanted attention. South Korean President Yoon Suk-yeol called a meeting, "
                    "and President Yoon said the test was a provocation.")
    assert same(a, ("Kim Jong-un", 0), ("Kim", 1))
    assert same(a, ("Yoon Suk-yeol", 0), ("President Yoon", 0))
    assert entity_of(a, "Kim Jong-un") is not entity_of(a, "Yoon Suk-yeol")


def test_romanisation_variant_only_where_context_supports_it(reader):
    a = reader.read("South Korean President Yoon Suk-yeol spoke by phone on Friday. "
                    "Yun said Seoul would help. Choe Son-hye, North Korea's foreign minister, "
                    "arrived in Moscow. Choi Jun-hoon, a former army officer, said little.")
    assert same(a, ("Yoon Suk-yeol", 0), ("Yun", 0))
    choe, choi = entity_of(a, "Choe Son-hye"), entity_of(a, "Choi Jun-hoon")
    assert choe is not None and choi is not None and choe is not choi
    assert choe.name == "Choe Son-hye"  # not cut to "Choe Son"


def test_i_won_il_is_a_person_not_the_pronoun(reader):
    a = reader.read("Yi Won-il, a defector who served in the Eastern Brigade, spoke to "
                    "reporters. I Won-il said the unit had better food than others.")
    yi = entity_of(a, "I Won-il")
    assert yi is not None and yi.type == "PERSON"
    assert same(a, ("Yi Won-il", 0), ("I Won-il", 0))
    assert "defector" in (yi.role or "")


def test_acronyms_and_agencies(reader):
    a = reader.read("The Associated Press reported the deal first. AP said the talks lasted "
                    "six hours, according to Agence France-Presse (AFP).")
    ap = entity_of(a, "AP")
    assert same(a, ("Associated Press", 0), ("AP", 0))
    assert ap.type == "NEWS_OUTLET" and ap.country == "USA"
    assert same(a, ("Agence France-Presse", 0), ("AFP", 0))


def test_also_known_as(reader):
    a = reader.read("The Eastern Brigade, also known as the 5th Brigade, is one of the army's "
                    "oldest units. Soldiers of the Eastern Brigade trained in the north.")
    assert same(a, ("Eastern Brigade", 0), ("5th Brigade", 0), ("Eastern Brigade", 1))


def test_capital_stands_for_the_state_and_stays_a_place(reader):
    a = reader.read("Moscow insists that it will decide for itself. Russia has sent more "
                    "troops, and Kiev's allies met in Berlin. Ukraine asked for air defence.")
    russia = entity_of(a, "Russia")
    assert same(a, ("Moscow", 0), ("Russia", 0))
    assert russia.type == "GPE" and russia.country == "RUS"
    assert same(a, ("Kiev", 0), ("Ukraine", 0))
    assert entity_of(a, "Kiev").type == "GPE"  # never a person
    assert entity_of(a, "Berlin").coords is not None


def test_region_and_city_name(reader):
    a = reader.read("Ukrainian forces pushed into the Kursk region in August. Fighting in "
                    "Kursk continued for weeks, Russian officials said.")
    kursk = entity_of(a, "Kursk region")
    assert same(a, ("Kursk region", 0), ("Kursk", 1))
    assert kursk.type == "LOC" and kursk.country == "RUS"


def test_all_caps_heading_names(reader):
    a = reader.read("The minister spoke on Tuesday.\nBENEFITS AND RISKS FOR NORTH KOREA\n"
                    "North Korea has sent troops to Russia, officials in Seoul said.")
    nk = entity_of(a, "NORTH KOREA")
    assert nk is not None and nk.country == "PRK"
    assert same(a, ("NORTH KOREA", 0), ("North Korea", 0))
    assert entity_of(a, "BENEFITS AND RISKS") is None


def test_possessive_is_not_part_of_the_name(reader):
    a = reader.read("Police questioned David Okafor's brother on Monday. Okafor's lawyer "
                    "called the arrest unlawful.")
    ok = entity_of(a, "David Okafor")
    assert ok.name == "David Okafor"
    assert all(not a.text[s:e].endswith("'s") for s, e in ok.mentions)
    assert same(a, ("David Okafor", 0), ("Okafor", 1))


def test_demonyms_and_roles(reader):
    a = reader.read("North Korean troops crossed the border, Ukrainian President Olena "
                    "Marchenko said. Ahn Chan-il, a former senior lieutenant in the Korean "
                    "People's Army, doubted it.")
    nk = entity_of(a, "North Korean")
    assert nk.type == "NORP" and nk.country == "PRK"
    president = entity_of(a, "Olena Marchenko")
    assert "President" in president.role and president.country == "UKR"
    assert "former senior lieutenant" in entity_of(a, "Ahn Chan-il").role


def test_two_people_with_one_family_name_stay_apart(reader):
    a = reader.read("Kim Min-jae, the defender, scored on Sunday. Kim Yo-jong, a senior "
                    "official, issued a statement on Monday.")
    assert entity_of(a, "Kim Min-jae") is not entity_of(a, "Kim Yo-jong")


# -- helpers ---------------------------------------------------------------------------------
def test_entity_at_finds_pronoun_mentions(reader):
    text = "Senator Maria Lopez met reporters. She said the vote would fail."
    doc = reader.nlp(normalise(text))
    she = span_of(text, "She")
    lopez = entity_at(doc, *span_of(text, "Maria Lopez"))
    assert lopez is not None and entity_at(doc, *she) == lopez
    assert entity_at(doc, 0, 0) is None


def test_add_entity_matches_names_and_aliases(reader):
    text = "The Associated Press reported the deal. Officials confirmed it."
    doc = reader.nlp(normalise(text))
    ap = entity_at(doc, *span_of(text, "Associated Press"))
    assert add_entity(doc, "The Associated Press", "NEWS_OUTLET", (0, 3)) == ap
    new = add_entity(doc, "officials", "GROUP", span_of(text, "Officials"))
    assert new != ap and entity_at(doc, *span_of(text, "Officials")) == new
    ids = [e.id for e in doc._.cg_entities]
    assert len(ids) == len(set(ids))


def test_entity_record_fields_are_json_ready(reader):
    a = reader.read("Kiev's allies met in Berlin on Monday.")
    rec = a.to_record()
    for ent in rec["entities"]:
        assert {"id", "name", "type", "mentions", "aliases", "country", "role", "coords", "key"} <= set(ent)
        assert all(isinstance(m, list) and len(m) == 2 for m in ent["mentions"])


@pytest.mark.parametrize("text", ["", "   \n", "no names at all here."])
def test_texts_without_entities(reader, text):
    doc = reader.nlp(normalise(text))
    assert [e for e in doc._.cg_entities if e.type in ("PERSON", "GPE")] == []


def test_pronouns_agree_in_gender(reader):
    a = reader.read("Hillary Lopez met Robert Chan in Boston on Monday. She said the meeting "
                    "went well, and he agreed.")
    assert same(a, ("Hillary Lopez", 0), ("She", 0))
    assert same(a, ("Robert Chan", 0), ("he", 0))
    assert entity_of(a, "She") is not entity_of(a, "he")


def test_headline_name_run_into_a_verb_is_cut_back(reader):
    a = reader.read("Maria Lopez Rejects Budget Deal\nSenator Maria Lopez rejected the budget "
                    "deal on Monday.")
    lopez = entity_of(a, "Maria Lopez", 1)
    assert lopez is not None and lopez.name == "Maria Lopez"
    assert entity_of(a, "Maria Lopez", 0) is lopez
    assert not any("Rejects" in alias for alias in lopez.aliases)


def test_glued_english_words_are_not_names(reader):
    a = reader.read("A Seoul-based analyst said the Kremlin-backed plan would fail.")
    assert all(not e.name.endswith(("-based", "-backed")) for e in a.entities)


def test_roles_from_appositives_stop_at_clauses_and_take_conjoined_heads(reader):
    a = reader.read("The plan will fail, said Min Ho-seok, a former colonel in the Eastern "
                    "Brigade who left in 2019, and now head of the Peace Forum, a small think "
                    "tank.")
    role = entity_of(a, "Min Ho-seok").role or ""
    assert "former colonel in the Eastern Brigade" in role
    assert "who left" not in role
    assert "head of the Peace Forum" in role


def test_a_continent_is_not_the_country_named_after_it(reader):
    a = reader.read("South Africa and Nigeria are the largest economies in Africa. Trade "
                    "across Africa grew, officials in Pretoria said.")
    sa, africa = entity_of(a, "South Africa"), entity_of(a, "Africa", 1)
    assert sa is not africa and sa.country == "ZAF" and africa.type == "LOC"
    assert same(a, ("South Africa", 0), ("Pretoria", 0))  # the seat of government


def test_places_and_known_organisations_inside_organisation_names(reader):
    a = reader.read("Students from the University of Texas won the Google Science Fair. "
                    "Google said the winners would visit Texas in May.")
    assert same(a, ("Texas", 0), ("Texas", 1))
    assert same(a, ("Google", 0), ("Google", 1))
    fair = entity_of(a, "Google Science Fair")
    assert fair is not None and fair is not entity_of(a, "Google", 1)


def test_first_person_inside_a_quotation_is_its_speaker(reader):
    text = ('"I will not resign," Maria Lopez said on Monday. The ministry said: "We have '
            'nothing to add." Officials in Madrid declined to comment.')
    a = reader.read(text)
    assert same(a, ("I", 0), ("Maria Lopez", 0))
    we = entity_of(a, "We")
    assert we is None or we is not entity_of(a, "Maria Lopez")


def test_first_person_in_a_quotation_whose_frame_is_far_is_its_speaker(reader):
    # the reporting verb is too far from the marks for the entity step's own frame: the quote
    # step's speaker takes the quotation's "My"
    a = reader.read('"My office will review the plan and publish what it finds before the summer," '
                    'Maria Lopez, who was elected in 2019 and has led the city since, told reporters.')
    assert same(a, ("My", 0), ("Maria Lopez", 0))


def test_first_person_outside_quotation_marks_is_not_the_person_named_before(reader):
    a = reader.read("Tomas Berg runs the bakery on Elm Street. Last year I wrote that his bread "
                    "was the best in town.")
    berg = entity_of(a, "Tomas Berg")
    assert entity_of(a, "I") is not berg and same(a, ("his", 0), ("Tomas Berg", 0))
    assert all(q.speaker != berg.id for q in a.quotes)


def test_a_name_the_article_uses_alone_is_a_mention_inside_a_longer_name(reader):
    a = reader.read("Two boats ran aground on the Ardley River on Monday, officials said. Ardley, a town "
                    "of 3,000 people, has asked the state for help.")
    assert same(a, ("Ardley", 0), ("Ardley", 1))
    assert entity_of(a, "Ardley River") is not entity_of(a, "Ardley", 1)
    b = reader.read("Students at the University of Ardley marched on Monday. Ardley is a small town, "
                    "and the protest closed its main street.")
    assert same(b, ("Ardley", 0), ("Ardley", 1))


def test_news_outlets_by_name_and_by_appositive(reader):
    a = reader.read("The Korea Herald reported the deal, and Dong-A Ilbo, a conservative "
                    "daily, confirmed it. Reuters and the Ministry of Defence declined to comment.")
    assert entity_of(a, "Korea Herald").type == "NEWS_OUTLET"
    assert entity_of(a, "Dong-A Ilbo").type == "NEWS_OUTLET"
    assert entity_of(a, "Reuters").type == "NEWS_OUTLET"
    assert entity_of(a, "Ministry of Defence").type == "GOVERNMENT"


def test_a_misspelt_family_name_joins_the_one_person_it_is_one_letter_from(reader):
    a = reader.read("The envoy Geir Halvorsen spoke on Friday. “We need a ceasefire,” Halvorson said. "
                    "Maria Novak, a diplomat, agreed. Later, Nowak said that talks would resume.")
    names = {a.span_text(m): e.name for e in a.entities for m in e.mentions}
    assert names.get("Halvorson") == "Geir Halvorsen"
    assert names.get("Nowak") == "Maria Novak"
    b = reader.read("Anna Lind chaired the meeting. Lund, her deputy, took notes.")  # too short to be a slip
    names = {b.span_text(m): e.name for e in b.entities for m in e.mentions}
    assert names.get("Lund") != "Anna Lind"


def test_a_description_joins_only_an_antecedent_its_modifiers_fit(reader):
    a = reader.read("Army spokesman Tomas Vidal said the border was calm. Interior ministry spokesman Pablo Ruiz "
                    "rejected the report on Thursday. The army spokesman said 40 soldiers were on leave.")
    assert entity_of(a, "The army spokesman") is not entity_of(a, "Pablo Ruiz")


def test_a_name_does_not_take_in_the_clause_before_it(reader):
    from spacy.tokens import Doc

    # the parser read "Okafor hosted Lindqvist …" as one noun phrase headed by the second name
    words = ["Earlier", "this", "month", ",", "Okafor", "hosted", "Lindqvist", "in", "Riga", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[2, 2, 6, 6, 6, 6, 6, 6, 7, 6],
              deps=["advmod", "det", "npadvmod", "punct", "nmod", "amod", "ROOT", "prep", "pobj", "punct"],
              pos=["ADV", "DET", "NOUN", "PUNCT", "PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"],
              tags=["RB", "DT", "NN", ",", "NNP", "VBN", "NNP", "IN", "NNP", "."],
              sent_starts=[True] + [False] * 9, ents=["O", "O", "O", "O", "B-PERSON", "O", "B-PERSON", "O",
                                                       "B-GPE", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    mentions = [doc.text[s:e] for ent in doc._.cg_entities for s, e in ent.mentions]
    assert "Lindqvist" in mentions and not any("hosted" in m for m in mentions)


def test_a_country_before_a_full_name_is_not_part_of_it(reader):
    a = reader.read("“The roads are closed,” U.N. Resident Coordinator for Myanmar Andrew Hollis said on Monday. "
                    "Hollis spoke from Yangon.")
    names = [e.name for e in a.entities if e.type == "PERSON"]
    assert "Andrew Hollis" in names and not any(n.startswith("Myanmar") for n in names)


def test_a_possessive_inside_an_appositive_is_a_pronoun_of_its_own(reader):
    a = reader.read("Tuli Okafor won the regional final on Sunday. Her coach, Rin Vasquez, praised "
                    "her after the match.")
    okafor = entity_of(a, "Tuli Okafor")
    assert entity_of(a, "Her") is okafor
    # the appositive names the subject: "her" is not the coach who praised her
    assert entity_of(a, "her", 0) is okafor and entity_of(a, "her", 0) is not entity_of(a, "Rin Vasquez")


def test_a_gendered_appositive_noun_gives_the_person_a_gender(reader):
    a = reader.read("Dara Mensah built the company in 1990. His daughter, Jody Mensah, took over in "
                    "2010. He said the firm would grow.")
    assert entity_of(a, "He") is entity_of(a, "Dara Mensah")
    assert entity_of(a, "His") is entity_of(a, "Dara Mensah")


def test_a_caption_credit_is_not_a_role(reader):
    a = reader.read("Fans gathered outside the stadium.\nImage: Lena Park.\n"
                    "The club said the match would go ahead.")
    assert entity_of(a, "Image") is None


def test_a_pronoun_prefers_the_person_the_article_is_about(reader):
    a = reader.read("Tom Baker founded the Riverside Courier in 1990. Baker wrote most of its stories "
                    "himself. The paper now sells 20,000 copies a week. In 2004 Paul Green bought the "
                    "building next door. He said the paper he founded would never close.")
    assert entity_of(a, "He") is entity_of(a, "Tom Baker")


def test_a_description_joins_the_organisation_or_person_whose_name_or_role_has_its_noun(reader):
    a = reader.read("The Royal College of Nursing published the guidelines on Monday. Critics said "
                    "the college had ignored rural clinics.")
    assert same(a, ("The Royal College of Nursing", 0), ("the college", 0))
    a = reader.read("Lucia Ferreira, an architect from Lisbon, designed the new tower. The city council "
                    "approved the plans in May. The architect said work would start next year.")
    assert same(a, ("Lucia Ferreira", 0), ("The architect", 0))


def test_short_forms_of_organisation_names(reader):
    a = reader.read("Harvard University announced the new scholarship on Monday. Harvard said the money "
                    "came from a private donor.")
    assert same(a, ("Harvard University", 0), ("Harvard", 1))
    a = reader.read("The U.S. Republican Party held its convention in Ohio. Delegates said the Republican "
                    "Party was united.")
    assert same(a, ("The U.S. Republican Party", 0), ("the Republican Party", 0))
    a = reader.read("Boston University and Boston College played on Saturday. Boston was cold.")
    assert entity_of(a, "Boston", 2) is not entity_of(a, "Boston University")


def test_the_before_a_name_that_modifies_a_noun_is_not_part_of_the_name(reader):
    a = reader.read("Talks at the EU summit ended on Friday. Leaders said the EU would act on energy prices.")
    eu = entity_of(a, "EU", 1)
    assert eu is not None and eu is entity_of(a, "EU", 0)
    assert span_of(a.text, "EU", 0) in eu.mentions and span_of(a.text, "the EU", 1) in eu.mentions


def test_the_main_subject_keeps_a_pronoun_only_when_its_gender_is_known_to_agree(reader):
    a = reader.read("Jordan Ellis founded the lab in 1990. The lab has 40 staff. Ellis still runs it. The "
                    "lab moved to Leeds in 2015. Last year Tom Baker joined the lab. He said the lab would grow.")
    assert entity_of(a, "He") is entity_of(a, "Tom Baker")


def test_a_generic_facility_word_is_no_short_form_of_an_organisation():
    from claimgraph.entities.clusters import NameSieve
    from claimgraph.entities.mentions import Mention

    def cluster(text, names):
        ms = []
        for n in names:
            at = text.index(n, ms[-1].end if ms else 0)
            ms.append(Mention(at, at + len(n), n, "ORG", name_start=at, name_end=at + len(n)))
        return NameSieve().cluster(text, ms)
    assert cluster("Harvard University opened. Harvard said so.", ["Harvard University", "Harvard"]) == [[0, 1]]
    assert cluster("The Royal Palace opened. The Palace closed.", ["Royal Palace", "Palace"]) == [[0], [1]]


def test_a_given_name_against_a_gendered_appositive_leaves_the_gender_open():
    from claimgraph.entities.coref import Resolver
    from claimgraph.entities.mentions import Mention

    name = Mention(0, 11, "Peter Moret", "PERSON")
    appos = Mention(13, 25, "his daughter", "PERSON", kind="appos", extra={"noun": "daughter"})
    resolver = Resolver({"peter": "m"})
    assert resolver._gender([name]) == "m" and resolver._gender([appos]) == "f"
    assert resolver._gender([name, appos]) is None  # two people merged into one cluster


def test_a_name_written_twice_in_a_row_is_not_the_entitys_name(reader):
    a = reader.read("Rogene Calvert contributed stories about her father, David Gee, to the anthology. David Gee "
                    "David Gee migrated from China to the U.S. in the late 1920s. David Gee worked in San Francisco.")
    assert "David Gee" in {e.name for e in a.entities}
    assert "David Gee David Gee" not in {e.name for e in a.entities}


def test_an_institution_in_the_possessive_before_a_known_surname_is_two_names(reader):
    text = ("Lourdes Casanova, a professor at Cornell University, said the gap is closing. "
            "\"It will take some time,\" Cornell’s Casanova said.")
    a = reader.read(text)
    names = {e.id: e.name for e in a.entities}
    assert "Cornell’s Casanova" not in names.values()
    assert {names.get(q.speaker) for q in a.quotes} == {"Lourdes Casanova"}
