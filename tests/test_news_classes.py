"""Classes of error seen on news the project had never read (issue 10), each on
sentences written for these tests."""
from __future__ import annotations

import pytest

from claimgraph.model import Article, Quote
from claimgraph.report import render


def _quote(article, words):
    for q in article.quotes:
        if words in article.span_text(q.content):
            return q
    raise AssertionError(f"no quote holding {words!r}: "
                         f"{[article.span_text(q.content) for q in article.quotes]}")


def _texts(article, spans):
    return [article.span_text(s) for s in spans]


# ---- class 1: a statement interrupted by its frame ---------------------------------------

def test_a_split_quotation_has_its_passages_without_the_frame(reader):
    a = reader.read('"We will appeal," the mayor said. "The ruling ignores the facts."')
    q = _quote(a, "We will appeal")
    assert "The ruling ignores the facts" in a.span_text(q.content)  # content covers both
    assert _texts(a, q.fragments) == ["We will appeal", "The ruling ignores the facts."]


def test_a_frame_in_the_middle_of_one_sentence_is_cut_out(reader):
    a = reader.read("“Nobody on this crew,” the foreman told the inquiry on Tuesday, “ever saw the "
                    "crack before the storm.”")
    q = _quote(a, "Nobody on this crew")
    assert _texts(a, q.fragments) == ["Nobody on this crew", "ever saw the crack before the storm."]
    assert all("foreman" not in f for f in _texts(a, q.fragments))


def test_a_cue_set_off_by_commas_is_not_part_of_the_passages(reader):
    a = reader.read("The ferry ran late again on Monday. Without new engines, the skipper said, "
                    "the crossing will stay slow all winter.")
    q = _quote(a, "the crossing will stay slow")
    assert _texts(a, q.fragments) == ["Without new engines", "the crossing will stay slow all winter"]


def test_an_uninterrupted_quote_is_one_fragment(reader):
    a = reader.read('"The depot will close in June," the manager said.')
    q = _quote(a, "depot will close")
    assert q.fragments == [q.content]


def test_a_quotation_completed_before_its_frame_goes_on_after_it(reader):
    a = reader.read("“I have great admiration for the ambition” of the mayor's plan, Mr. Smith said. "
                    "“It is more detailed than the last one. But I worry about the cost.”")
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert a.span_text(q.content).endswith("But I worry about the cost.")
    assert _texts(a, q.fragments) == ["I have great admiration for the ambition” of the mayor's plan",
                                      "It is more detailed than the last one. But I worry about the cost."]


def test_a_clause_of_the_writers_own_after_the_quotation_ends_the_statement(reader):
    a = reader.read("“You squeezed the workers to the breaking point” to drive up the price, she said. "
                    "“You went on television to blame them.”")
    q = _quote(a, "You squeezed the workers")
    assert "television" not in a.span_text(q.content)


def test_according_to_on_the_frame_covers_the_quotation_going_on(reader):
    a = reader.read("“I ask you to stand with the workers of this city,” Sanders said, according to CNN. "
                    "“It is of utmost importance that we win this fight.”")
    q = _quote(a, "I ask you")
    att = a.attributions[0]
    assert att.source_text == "CNN"
    assert att.claim == q.content
    assert _texts(a, att.fragments) == ["I ask you to stand with the workers of this city",
                                        "It is of utmost importance that we win this fight."]


def test_fragments_survive_the_json_record_and_show_in_the_report(reader):
    a = reader.read('"We will appeal," the mayor said. "The ruling ignores the facts."')
    back = Article.from_record(a.to_record())
    assert back.quotes[0].fragments == a.quotes[0].fragments
    assert isinstance(a.to_record()["quotes"][0]["fragments"][0], list)
    report = render(a)
    assert "“We will appeal” … “The ruling ignores the facts.”" in report
    assert "the mayor said." not in report.split("Who said what")[1].split("(direct")[0]


def test_a_record_without_fragments_still_reads():
    rec = {"schema_version": 2, "id": "x", "text": "abc", "quotes": [
        {"id": "Q1", "kind": "direct", "content": [0, 3]}]}
    assert Article.from_record(rec).quotes[0].fragments == []
    assert Quote(id="Q1", kind="direct", content=(0, 3)).fragments == []


def test_the_window_merge_shifts_fragments(reader):
    from claimgraph.reader import WINDOW_CHARS
    filler = ("The council met again on the budget and adjourned without a vote. " * 40 + "\n\n")
    pad = filler * (WINDOW_CHARS // len(filler) + 1)
    text = pad + '"We will appeal," the mayor said. "The ruling ignores the facts."'
    a = reader.read(text)
    q = _quote(a, "We will appeal")
    assert _texts(a, q.fragments) == ["We will appeal", "The ruling ignores the facts."]


# ---- class 2: one speaker's quote swallowing the next --------------------------------------

def test_mismatched_marks_do_not_join_two_speakers(reader):
    a = reader.read('“The harvest came in early and we are hopeful about the winter," Ms. Okoro '
                    "told reporters. On Thursday, the agriculture minister said, “Every district "
                    'will get its seed allowance before March."')
    first = _quote(a, "The harvest came in early")
    assert "seed allowance" not in a.span_text(first.content)
    assert a.entity(first.speaker).name.endswith("Okoro")
    second = _quote(a, "Every district will get")
    assert "minister" in a.span_text(second.speaker_mention)


def test_a_spaced_closing_mark_ends_its_quotation(reader):
    # a closing mark with a space on both sides is no apostrophe: the quotation ends there
    # instead of running on over the next speakers' quotations
    a = reader.read("Relief groups say the floods may return. ‘We are running out of time ’ The regional "
                    "governor said the dams were checked last month. “The water is still rising,” "
                    "Ms. Adeyemi told reporters of the ‘last resort’ plan.")
    assert not any("dams were checked" in a.span_text(q.content) for q in a.quotes if q.kind == "direct")
    rising = _quote(a, "The water is still rising")
    assert "dams were checked" not in a.span_text(rising.content)
    assert a.entity(rising.speaker).name.endswith("Adeyemi")


def test_a_second_cue_between_quotations_starts_a_new_statement(reader):
    a = reader.read("“The pumps failed twice this week,” the plant manager said. Later the union "
                    "representative said, “Our members warned about those pumps in spring.”")
    first = _quote(a, "The pumps failed twice")
    assert "warned about those pumps" not in a.span_text(first.content)
    second = _quote(a, "warned about those pumps")
    assert "union representative" in a.span_text(second.speaker_mention)


def test_a_statement_that_speaks_is_a_document_not_a_group(reader):
    a = reader.read("The ministers met in Lagos on Friday. The statement said the members would act together.")
    q = _quote(a, "the members would act together")
    assert a.entity(q.speaker).type == "MISC"


def test_a_name_with_a_lower_case_particle_is_an_entity_its_descriptions_resolve_to(reader):
    a = reader.read("The Islamist militant group al-Shabab claimed responsibility for the attack. In a "
                    "statement, the group said it had killed more than 10 people.")
    shabab = next((e for e in a.entities if e.name == "al-Shabab"), None)
    assert shabab is not None and shabab.type == "ORG"
    killed = _quote(a, "it had killed more than 10 people")
    assert killed.speaker == shabab.id


def test_according_to_before_a_quotation_with_no_cue_gives_its_speaker(reader):
    a = reader.read("The militia said it had killed ten soldiers. Hours earlier the agency had raided a camp "
                    "nearby. According to the agency, “The raid dealt a heavy blow to the militia and its "
                    "leaders.”")
    raid = _quote(a, "The raid dealt a heavy blow")
    assert "agency" in a.span_text(raid.speaker_mention)
    assert raid.via is None


def test_an_anonymous_official_is_not_the_country_named_in_the_description(reader):
    a = reader.read("According to a Kenyan defense official, who spoke on condition of anonymity, the camp "
                    "can hold only 130 people.")
    att = next(x for x in a.attributions if "130 people" in a.span_text(x.claim))
    assert att.anonymous
    assert a.entity(att.source).type != "GPE"
    assert "official" in a.entity(att.source).name


def test_it_as_a_speaker_is_the_group_quoted_before_never_an_entity_named_it(reader):
    a = reader.read("The Delta Liberation Front claimed the attack. In a statement, the banned militant outfit "
                    "said it had blown up the pipeline. It later claimed it was holding 20 workers.")
    workers = _quote(a, "holding 20 workers")
    assert workers.speaker is not None
    assert a.entity(workers.speaker).name.lower() != "it"
    assert not any(e.name.lower() == "it" for e in a.entities)


def test_a_full_name_a_later_step_finds_joins_the_family_name_the_entities_knew(reader):
    from claimgraph.entities.handoff import add_entity
    from claimgraph.model import Entity

    doc = reader.nlp.make_doc("Omari Khalfan told reporters. Khalfan added that a train had left.")
    doc._.cg_entities = [Entity(id="E1", name="Khalfan", type="PERSON", mentions=[(30, 37)], aliases=["Khalfan"])]
    assert add_entity(doc, "Omari Khalfan", "PERSON", (0, 13)) == "E1"
    ent = doc._.cg_entities[0]
    assert ent.name == "Omari Khalfan" and "Khalfan" in ent.aliases
    assert ent.mentions == [(0, 13), (30, 37)]
    assert add_entity(doc, "Amina Khalfan-Juma", "PERSON", (0, 5)) != "E1"


# ---- class 7: certainty in its scope --------------------------------------------------------

def test_a_negation_inside_a_quotation_does_not_negate_the_quote(reader):
    a = reader.read('"We are not leaving the valley," the farmer said.')
    q = _quote(a, "We are not leaving")
    assert q.certainty == "certain"
    neg = [h for h in a.hedges if h.certainty == "negated"]
    assert [h.cue_text for h in neg] == ["not"]
    assert a.span_text(neg[0].scope).startswith("We are not leaving")
    assert "farmer said" not in a.span_text(neg[0].scope)
    # a hedge inside the quotation still counts; the article's own negative sentence is
    # still negated
    a = reader.read('"The pier may not survive another storm," the harbour master said. '
                    "The bridge did not reopen on Monday.")
    assert _quote(a, "pier may not survive").certainty == "possible"
    assert [(a.span_text(c.span), c.certainty) for c in a.claims] == [
        ("The bridge did not reopen on Monday.", "negated")]


@pytest.mark.parametrize("text, claim, fragments, cues", [
    ("If the talks fail, AP notes, the ceasefire could collapse.",
     "If the talks fail, AP notes, the ceasefire could collapse", ["If the talks fail", "the ceasefire could collapse"],
     ["could", "If"]),
    ("If the dam breaks, the mayor said, the lower town will flood.",
     "If the dam breaks, the mayor said, the lower town will flood", ["If the dam breaks", "the lower town will flood"],
     ["If"]),
    ("The mayor said that if the dam breaks, the lower town will flood.",
     "if the dam breaks, the lower town will flood", ["if the dam breaks, the lower town will flood"], ["if"]),
    ("The dockers will strike unless wages rise, the union said.",
     "The dockers will strike unless wages rise", ["The dockers will strike unless wages rise"], ["unless"]),
])
def test_a_condition_stays_in_the_claim_and_makes_it_conditional(reader, text, claim, fragments, cues):
    from claimgraph.hedges.certainty import claim_certainty

    a = reader.read(text)
    items = [(x.content, x.fragments, x.certainty) for x in a.quotes] + \
            [(x.claim, x.fragments, x.certainty) for x in a.attributions]
    assert [(a.span_text(span), [a.span_text(f) for f in frs], c) for span, frs, c in items] == \
        [(claim, fragments, "conditional")]
    # the label names the cues it rests on (the text report prints them)
    assert [c.cues for c in claim_certainty(a) if c.kind != "sentence"] == [cues]


@pytest.mark.parametrize("text, content", [
    ("The minister asked if the talks had failed.", "the talks had failed"),
    ("The prosecutor asked the farmer if he agreed with the charges.", "the farmer if he agreed with the charges"),
    ("Even if the talks fail, the ceasefire will hold, the minister said.",
     "Even if the talks fail, the ceasefire will hold"),
    ("The judge will decide if the law applies, the lawyer said.", "The judge will decide if the law applies"),
    ("“The river is rising. If it rains again, we leave,” the farmer said.",
     "The river is rising. If it rains again, we leave,"),
])
def test_an_if_that_sets_no_condition_of_the_claim_leaves_it_certain(reader, text, content):
    a = reader.read(text)
    q = _quote(a, content.split(" if ")[0].split(".")[0])
    assert (a.span_text(q.content), q.certainty) == (content, "certain")


def test_a_negative_indirect_claim_is_still_asserted(reader):
    a = reader.read("The harbour master said the ferries would never run at night.")
    q = _quote(a, "ferries would never run")
    assert q.certainty == "certain"
    assert any(h.cue_text == "never" and h.certainty == "negated" for h in a.hedges)


def test_a_hedge_in_the_frame_is_not_the_speakers(reader):
    a = reader.read("“The line is finished,” the engineer said, apparently tired, “and it will carry "
                    "trains in spring.”")
    q = _quote(a, "The line is finished")
    assert q.certainty == "certain"


@pytest.mark.parametrize("text", [
    "It was the worst possible timing for the cooperative.",
    "Believe me, the orchard has never looked better.",
    "Believe it or not, the old mill still turns.",
    "The council will, if possible, repair the roof in May.",
    "Whether the vote passes is, as likely as not, a matter of turnout.",
])
def test_idioms_are_not_hedges(reader, text):
    assert [h.cue_text for h in reader.read(text).hedges if h.certainty != "negated"] == []


def test_the_same_words_outside_idioms_are_hedges_and_idioms_are_not(reader):
    text = ("It is possible that the mill will close. The vote is likely to pass. Many believe the "
            "mill will close. Believe me, the orchard has never looked better.")
    assert [h.cue_text for h in reader.read(text).hedges if h.certainty != "negated"] == [
        "possible", "likely", "believe"]


# ---- class 8: dates with tense; ranges and what a number counts -------------------------------

TUESDAY = "2025-03-04"  # a Tuesday


def test_a_weekday_looks_forward_after_a_modal_and_back_in_the_past(reader):
    expected = {
        "The new port fees would take effect Wednesday, the agency said.": "2025-03-05",
        "The ferry could resume service Friday.": "2025-03-07",
        "The minister said the talks should resume Thursday.": "2025-03-06",
        "The new port fees will take effect Wednesday.": "2025-03-05",
        "The mill closed Wednesday, workers said.": "2025-02-26",
        "The new fares would have started Wednesday.": "2025-02-26",  # perfect: looks back
    }
    got = {text: [d.value[:10] for d in reader.read(text, published=TUESDAY).dates] for text in expected}
    assert got == {text: [value] for text, value in expected.items()}


def test_a_modal_weekday_with_a_part_of_the_day(reader):
    dates = reader.read("Officials said the new levies would start Wednesday morning.", published=TUESDAY).dates
    assert [d.value for d in dates] == ["2025-03-05TMO"]


@pytest.mark.parametrize("text, low, high", [
    ("Importers face duties of 250% to 390% on cheese.", 250, 390),
    ("Fees rose 12 percent to 15 percent over the year.", 12, 15),
    ("Margins were 4%-6% last year.", 4, 6),
])
def test_a_percent_range_with_a_sign_on_both_ends_is_one_range(reader, text, low, high):
    qs = reader.read(text).quantities
    assert [(q.low, q.high, q.unit) for q in qs] == [(low, high, "percent")]
    # "from 5% to 7%" stays two amounts (a change, not a range), each with its sign
    qs = reader.read("The rate went from 5% to 7% in a year.").quantities
    assert [(q.text, q.low, q.high) for q in qs][:2] == [("5%", 5, 5), ("7%", 7, 7)]


@pytest.mark.parametrize("text, low, high, unit", [
    ("Tariffs ranged from 250% to 390%, officials said.", 250, 390, "percent"),
    ("Sentences ranging from 5 to 10 years were handed down.", 5, 10, "years"),
    ("Fares vary from $3 to $5.", 3, 5, "USD"),
])
def test_from_a_to_b_after_a_verb_of_ranging_is_one_range(reader, text, low, high, unit):
    qs = reader.read(text).quantities
    assert [(q.low, q.high, q.unit) for q in qs] == [(low, high, unit)]


@pytest.mark.parametrize("text, expected", [
    ("Between 250% and 390% more families applied.", [(250, 390, "percent")]),
    ("Ticket sales rose 40% to 210, from 150 last spring.",
     [(40, 40, "percent"), (210, 210, None), (150, 150, None)]),
    ("Output grew 14% to 3,000 tonnes.", [(14, 14, "percent"), (3000, 3000, "t")]),
])
def test_a_percent_then_a_bare_number_is_a_change_and_its_result_not_a_range(text, expected):
    from claimgraph.numbers.quantities import find_quantities
    assert [(q.low, q.high, q.unit) for q in find_quantities(text)] == expected


def test_a_number_counts_the_noun_not_a_name_before_it(reader):
    a = reader.read("Prices went up for homes in three northern U.S. states that border the lake: "
                    "Ohio, Michigan and Indiana.")
    q = next(q for q in a.quantities if q.text == "three")
    assert q.unit == "states"
    assert q.counts.endswith("states")


def test_a_quotation_with_no_cue_goes_on_with_the_speaker_before_not_a_report_two_sentences_on(reader):
    a = reader.read("Minister Amina Diallo stressed the loan, saying it would unlock investment from friendly "
                    "countries. “They want a backstop for investment, which is the Fund program.” Last week, "
                    "parliament passed the budget for the coming year. Officials claimed the budget would "
                    "bring growth.")
    backstop = _quote(a, "They want a backstop")
    assert a.entity(backstop.speaker).name == "Amina Diallo"


def test_a_quotation_before_is_what_x_recounts_takes_that_frame_and_the_bare_what_goes():
    from claimgraph.quotes.finder import Statement, _pseudo_clefts

    text = "“The elders have always told it, but now we know it is true,” is what Kofi Mensah recounts."
    quote_end = text.index("”") - 1
    what = text.index("what")
    cue = (text.index("recounts"), text.index("recounts") + len("recounts"))
    quoted = Statement("direct", 1, quote_end, None, None, 0.3)
    frame = Statement("indirect", what, what + 4, cue, None, 0.5, "recount", "dobj")
    out = _pseudo_clefts(text, [quoted, frame])
    assert out == [quoted]
    assert quoted.cue == cue and quoted.cue_lemma == "recount" and quoted.score == 0.5


# ---- class 4: page furniture is not a statement ----------------------------------------------

def _said(article):
    return ([(a_quote.speaker_text, article.span_text(a_quote.content)) for a_quote in article.quotes]
            + [(att.source_text, article.span_text(att.claim)) for att in article.attributions])


def test_links_to_other_stories_make_no_statements(reader):
    a = reader.read("WATCH: Governor says the schools will reopen\n\n"
                    "READ MORE: 'We are not afraid,' says opposition leader\n\n"
                    "Related: Officials say the dam is safe\n"
                    "Schools will reopen next week, the governor said.")
    assert _said(a) == [("governor", "Schools will reopen next week")]
    assert not any(e.name.upper() == "WATCH" for e in a.entities)


def test_a_link_title_run_into_the_story_is_not_the_speaker(reader):
    a = reader.read("Opposition parties met in Accra on Sunday. WATCH: Kofi Mensah's video report "
                    "Members of the youth wing say they will keep marching until the vote.")
    said = _said(a)
    assert all("video report" not in (who or "") for who, _ in said)
    assert [what for _, what in said] == ["they will keep marching until the vote"]


def test_captions_and_photo_credits_make_no_statements(reader):
    a = reader.read("Photo: Protesters march in Abuja, where organisers said turnout was high.\n\n"
                    "Photo credit: Ade Okoye says nothing of the kind\n\n"
                    "The governor said the march had ended peacefully.")
    assert [what for _, what in _said(a)] == ["the march had ended peacefully"]


def test_a_quoted_sub_heading_run_into_the_text_is_no_statement(reader):
    a = reader.read("The talks ended without a deal, the mediator said. ‘We must keep talking’ The union "
                    "told members that the strike would go on until Friday.")
    assert not any("keep talking" in what for _, what in _said(a))
    assert ("union", "the strike would go on until Friday") in _said(a)


@pytest.mark.parametrize("text, expected", [
    ("The strike entered its third week. Union demands The union says wages must rise by 8 percent.",
     [("union", "wages must rise by 8 percent")]),
    ("Prices rose sharply. Chinese demand The changes in immigration policy have come with consequences, "
     "Mr. Tan said.", [("Mr. Tan", "The changes in immigration policy have come with consequences")]),
    ("The bridge fell. Emergency situation “So far, nobody has come to help us,” the mayor said.",
     [("mayor", "So far, nobody has come to help us,")]),
])
def test_an_unquoted_sub_heading_run_into_the_text_is_neither_speaker_nor_content(reader, text, expected):
    assert _said(reader.read(text)) == expected


@pytest.mark.parametrize("text, heading", [
    ("The port reopened. Local reaction A city spokesperson expressed relief.", "Local reaction"),
    ("The judge ruled, Ms. Ruiz said. The outcome If the family loses, an appeal follows.", "The outcome"),
    ("Rates rose. Jobs and savings The wind farm employs forty people.", "Jobs and savings"),
    ("The bridge fell. Emergency situation “So far, nobody has come to help us,” the mayor said.",
     "Emergency situation"),
    ("The senator spoke. Former Gov. C.L. “Butch” Otter said the plan was sound.", None),
    ("Prices rose. Protesters demand The Times retract the story.", None),
    ("It rained. Officials say The agreement holds.", None),
    ("Sanders Promises Action On Immigration In First Days As President.", None),
    ("The mayor also attacked The Daily Star newspaper on Monday.", None),
    ("“We stayed, senator,” Metro This Morning host Dana Ruiz said.", None),
])
def test_run_in_headings_are_short_verbless_phrases_before_a_capitalised_opener(reader, text, heading):
    from claimgraph.parsed import run_in_headings

    doc = reader.nlp(text)
    assert [doc[a:b].text for a, b in run_in_headings(doc)] == ([heading] if heading else [])
    if heading:
        assert any(sent.text == heading for sent in doc.sents)


def test_a_sub_heading_in_straight_single_quotes_is_furniture_but_a_possessive_is_not():
    from claimgraph.furniture import furniture_spans

    text = ("The kora is a string instrument. 'The puzzle you cannot miss' Ana Duarte, a teacher, remembers "
            "the songs. The griots' songs are old. 'Tis the season, Ms. Duarte's class sang.")
    spans = furniture_spans(text)
    assert [text[a:b] for a, b in spans] == ["'The puzzle you cannot miss'"]


def test_a_quotation_whose_frame_lost_its_comma_is_still_a_statement(reader):
    a = reader.read("The council voted on Monday. “We will rebuild the market” the mayor said.")
    assert any("rebuild the market" in what for _, what in _said(a))


def test_a_dateline_is_not_part_of_a_claim(reader):
    a = reader.read("ABUJA/LAGOS — Fuel queues returned to both cities on Monday, traders said.")
    assert [what for _, what in _said(a)] == ["Fuel queues returned to both cities on Monday"]


def test_photo_credits_name_no_entities(reader):
    a = reader.read("FILE - Workers repair a road in Kano, Nigeria, May 2, 2024. (AP Photo/Femi Adeyemi, File)\n\n"
                    "Photo credit: Ngozi Eze/Reuters\n\n"
                    "The governor said the road would reopen in June.")
    names = {e.name for e in a.entities}
    assert not any("Adeyemi" in n or "Eze" in n or n.upper() == "FILE" for n in names), names
    assert {"Kano", "Nigeria"} <= names


# ---- class 5: speakers named by a description, a name, a pronoun ---------------------------

def test_a_name_that_who_takes_up_is_a_person_and_her_pronoun_speaker(reader):
    a = reader.read("Chalida Tajaroensuk, who heads a small rights foundation in Bangkok, echoed those "
                    "concerns. She told reporters the families were afraid.")
    chalida = next(e for e in a.entities if e.name == "Chalida Tajaroensuk")
    assert chalida.type == "PERSON"
    afraid = _quote(a, "the families were afraid")
    assert afraid.speaker == chalida.id


def test_a_role_in_apposition_makes_a_person_who_keeps_his_quotes(reader):
    a = reader.read("“The ban will cost us dearly,” the minister said. Siyoka Mbambo, director at the "
                    "farmers' coalition, says villages will be hit hardest. “Buyers will simply go "
                    "elsewhere,” he said.")
    buyers = _quote(a, "Buyers will simply go elsewhere")
    assert a.entity(buyers.speaker).type == "PERSON"
    assert a.entity(buyers.speaker).name.endswith("Mbambo")


def test_a_misspelt_family_name_is_the_person_named_before(reader):
    a = reader.read("Aid is not reaching the villages, says Ignacio Eguileor, the charity's director in "
                    "Maiduguri. Equileor says the army does not allow aid groups into these areas.")
    army = _quote(a, "the army does not allow")
    assert a.entity(army.speaker).name == "Ignacio Eguileor"
    assert not any(e.name == "Equileor" for e in a.entities)


def test_the_definite_description_of_a_speaker_is_that_speaker(reader):
    a = reader.read('"The union is more interested in headlines than in nurses," a ministry spokesperson '
                    'told reporters, declining to be named. "They should stop the strike," the spokesperson '
                    "added.")
    first = _quote(a, "more interested in headlines")
    second = _quote(a, "They should stop the strike")
    assert first.speaker == second.speaker
    assert a.entity(first.speaker).type == "PERSON"


def test_a_title_with_a_name_at_its_end_is_that_persons(reader):
    a = reader.read("“The protests and the strikes continue,” U.N. Resident Coordinator for Chad Peter Okello "
                    "said.")
    q = _quote(a, "The protests and the strikes continue")
    assert a.entity(q.speaker).type == "PERSON"
    assert a.entity(q.speaker).name == "Peter Okello"


def test_a_pronoun_that_speaks_after_an_unnamed_person_described_is_that_person(reader):
    a = reader.read("The mayor visited the flooded district on Monday. She said the bridge would be rebuilt "
                    "by spring.")
    q = _quote(a, "the bridge would be rebuilt")
    speaker = a.entity(q.speaker)
    assert (speaker.name, speaker.type) == ("mayor", "PERSON")
    assert [a.span_text(m) for m in speaker.mentions] == ["The mayor", "She"]
    # a holder named later still takes the role and its pronoun (cataphora)
    a = reader.read("The province's premier toured the fire zone on Monday. She said the roads would reopen. "
                    "Premier Danielle Smith later met firefighters in Calgary.")
    assert a.entity(_quote(a, "the roads would reopen").speaker).name == "Danielle Smith"
    # a pronoun that says nothing does not go to the one described: "My mother" is as near
    a = reader.read("The doctor checked the chart. My mother was tired. She is not well.")
    assert not [e for e in a.entities if e.type == "PERSON"]


def test_a_title_before_a_name_the_tagger_took_for_a_place_makes_it_a_person_with_that_role(reader):
    a = reader.read("Solo Mayor Hadi Rudyatmo said the supply had grown. Prices fell and sellers moved. "
                    "“It will not end,” said the mayor.")
    person = next(e for e in a.entities if e.name == "Hadi Rudyatmo")
    assert (person.type, person.role) == ("PERSON", "Solo Mayor")
    assert a.entity(_quote(a, "It will not end").speaker) is person


# ---- class 6: source chains ----------------------------------------------------------------

def _attribution(article, words):
    for a in article.attributions:
        if words in article.span_text(a.claim):
            return a
    raise AssertionError(f"no attribution of {words!r}: "
                         f"{[(article.span_text(a.claim), a.source_text) for a in article.attributions]}")


def test_an_outlet_citing_anonymous_officials_carries_their_claim(reader):
    a = reader.read("The port strike entered its third week. Reuters, citing two officials familiar "
                    "with the talks, said the union would accept the new offer on Thursday.")
    att = _attribution(a, "the union would accept the new offer")
    assert att.source_text == "two officials familiar with the talks"
    assert att.anonymous
    assert a.entity(att.via).name == "Reuters"
    assert a.entity(att.source).name != "Reuters"
    assert not any(a.span_text(x.claim).startswith("the union") and x.source_text == "Reuters"
                   for x in a.attributions)


def test_an_outlet_citing_a_document_rests_the_claim_on_the_document(reader):
    a = reader.read("The bakery chain will close 40 shops by March, the Financial Times reported, "
                    "citing a letter from the employers.")
    att = _attribution(a, "close 40 shops")
    assert att.source_text == "a letter from the employers"
    assert not att.anonymous
    assert a.entity(att.via).name == "Financial Times"
    # citing a reason names no source
    b = reader.read("The coach said he would step down at the end of the season, citing health reasons.")
    assert not any("health reasons" in x.source_text for x in b.attributions)


@pytest.mark.parametrize("text, described", [
    ("A person briefed on the plans said the merger would be announced on Friday.",
     "A person briefed on the plans"),
    ("Sources familiar with the matter said the central bank would raise rates next month.",
     "Sources familiar with the matter"),
    ("A senior official, who spoke on condition of anonymity, said the talks had stalled over fishing rights.",
     "A senior official"),
])
def test_a_source_the_article_does_not_name_is_anonymous(reader, text, described):
    a = reader.read(text)
    att = a.attributions[0] if a.attributions else None
    assert att is not None, [a.span_text(q.content) for q in a.quotes]
    assert att.anonymous
    assert att.source_text == described


def test_according_to_the_official_refers_back_to_the_anonymous_official(reader):
    a = reader.read("A senior official, who spoke on condition of anonymity, said the talks had stalled "
                    "over fishing rights. The ministry declined to comment. Negotiators will meet again "
                    "on Monday, according to the official.")
    first = _attribution(a, "the talks had stalled")
    later = _attribution(a, "Negotiators will meet again")
    assert later.anonymous
    assert later.source == first.source


def test_two_speakers_confirming_one_statement(reader):
    a = reader.read("The bridge was damaged in the storm. Mayor Ana Ruiz and Police Chief Tom Hale "
                    "confirmed that the road would reopen on Monday.")
    q = _quote(a, "the road would reopen")
    names = [a.entity(s).name for s in q.speakers]
    assert len(names) == 2 and "Ruiz" in names[0] and "Hale" in names[1]
    assert q.speaker == q.speakers[0]
    assert "Ruiz" in a.span_text(q.speaker_mention)
    back = Article.from_record(a.to_record())
    assert back.quotes[0].speakers == q.speakers
    # an "and" inside one speaker's phrase makes no second speaker
    b = reader.read("Sarah Klein of Baker and Hale said the firm would appeal the ruling.")
    assert b.quotes and all(q.speakers == [] for q in b.quotes)


def test_two_speakers_coordinated_by_the_parser(reader):
    a = reader.read("Zelensky and Yun, according to transcripts released by their offices, confirmed that "
                    "the two countries will exchange delegation visits.")
    q = _quote(a, "exchange delegation visits")
    assert [a.entity(s).name for s in q.speakers] == ["Zelensky", "Yun"]


def test_a_single_speaker_has_no_speaker_list(reader):
    a = reader.read('"The depot will close in June," the manager said.')
    assert _quote(a, "depot").speakers == []


# ---- class 9: confidence that means something ---------------------------------------------

def test_confidence_is_a_probability_on_quotes_and_attributions(reader):
    a = reader.read('"The depot will close in June," the manager said. Prices will rise, according to '
                    'the union. He said it was a shame.')
    items = list(a.quotes) + list(a.attributions)
    assert a.quotes and a.attributions
    assert all(isinstance(x.confidence, float) and 0.0 <= x.confidence <= 1.0 for x in items)
    assert all("confidence" in x for x in a.to_record()["attributions"])


def test_a_named_speaker_is_surer_than_a_guessed_or_missing_one():
    # (an unresolved pronoun is not in this list: on PolNeAR's train part, at equal cue
    # score, it is right as often as a name — the metric accepts the pronoun itself — and
    # its lower cue scores already lower it)
    from claimgraph.quotes.confidence import probability, quote_basis
    named = probability("quote", quote_basis(0.9, "ccomp", "indirect", "speech", "name", "PERSON"))
    for form, kind in (("none", None), ("neighbour", "PERSON")):
        guess = probability("quote", quote_basis(0.9, "ccomp", "indirect", "speech", form, kind))
        assert named > guess + 0.1, form


def test_the_calibration_table_says_what_it_was_fitted_on():
    from claimgraph.quotes.confidence import basis_hash, load_table
    meta = load_table()["meta"]
    assert meta["split"] == "train"
    assert meta["basis"]["sha256"] == basis_hash()
    assert meta["data"]["sha256"] and meta["commit"]
    assert meta["heldout"]["both"]["calibrated"]["ece"] < 0.1


def test_a_mismatched_calibration_table_is_a_model_file_error(tmp_path):
    import json

    from claimgraph.errors import ModelFileError
    from claimgraph.quotes.confidence import load_table, read_table
    table = dict(load_table())
    table["meta"] = {**table["meta"], "basis": {"sha256": "0" * 64}}
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps(table))
    with pytest.raises(ModelFileError, match="confidence.json"):
        read_table(path)
    with pytest.raises(ModelFileError, match="missing"):
        read_table(tmp_path / "absent.json")


def test_the_report_marks_a_low_confidence_speaker():
    text = "He said the plan would fail."
    a = Article(id="t", text=text, quotes=[
        Quote(id="Q1", kind="indirect", content=(8, 27), cue=(3, 7), speaker_mention=(0, 2),
              speaker_text="He", confidence=0.21)])
    out = render(a)
    assert "low confidence" in out
    sure = Article(id="t", text=text, quotes=[
        Quote(id="Q1", kind="indirect", content=(8, 27), cue=(3, 7), speaker_mention=(0, 2),
              speaker_text="He", confidence=0.93)])
    assert "low confidence" not in render(sure)


def test_a_source_phrase_names_whose_account_the_pronoun_gives(reader):
    # the name in a fronted "according to X's office" is the speaker of "he said", not the
    # first speaker of the statement before (a fronted adjunct that is not a source is skipped)
    text = ("Mayor Tomas Berg and Governor Luis Ortiz confirmed that the two ports will share a pilot service. "
            "According to Ortiz\u2019s office, he said the service would start \u201cwithin weeks, once the crews are hired\u201d.\n")
    art = reader.read(text)
    quote = next(q for q in art.quotes if "within weeks" in art.span_text(q.content))
    assert "Ortiz" in art.entity(quote.speaker).name


def test_a_quotation_framed_by_any_reporting_verb_is_no_sub_heading(reader):
    # a frame that lost its comma is a frame whatever its reporting verb, not only "said"
    a = reader.read("The talks collapsed on Tuesday. “We will not back down” the union leader insisted. "
                    "The council met again. “This is a disaster for workers” Ms. Okafor argued.")
    assert any("not back down" in what for _, what in _said(a))
    assert any("disaster for workers" in what for _, what in _said(a))


def test_a_name_with_a_final_s_is_not_a_misspelt_family_name(reader):
    # "Barclays" after "Steve Barclay" is the bank, not the minister misspelt
    a = reader.read("Business Secretary Steve Barclay met bank chiefs on Monday. Barclays said it would cut "
                    "5,000 jobs.")
    quote = _quote(a, "it would cut 5,000 jobs")
    assert a.entity(quote.speaker).name == "Barclays"
    # a real misspelling still joins
    a = reader.read("Luis Eguiluz led the inquiry. Equiluz says the report is final.")
    assert a.entity(_quote(a, "the report is final").speaker).name == "Luis Eguiluz"


def test_a_definite_description_with_other_modifiers_is_someone_else(reader):
    # "the Pentagon spokesman" is not the Chinese ministry's spokesman named before
    a = reader.read("A Chinese foreign ministry spokesman said the drills were provocative. Later, the "
                    "Pentagon spokesman said the drills were routine. “We will keep flying,” the spokesman added.")
    routine = _quote(a, "the drills were routine")
    provocative = _quote(a, "the drills were provocative")
    assert routine.speaker != provocative.speaker
    assert a.entity(_quote(a, "We will keep flying").speaker).id == routine.speaker


def test_the_person_a_title_works_for_is_not_its_speaker(reader):
    # "a lawyer for X said": X is the preposition's object, not a name the title ends in
    for text, who in (("A lawyer for Hunter Biden said the charges were political.", "lawyer"),
                      ("The wife of Alexei Navalny said the Kremlin was responsible.", "wife")):
        a = reader.read(text)
        assert a.quotes and a.quotes[0].speaker_text.split()[0] == who  # ("wife of Alexei Navalny")
        assert a.entity(a.quotes[0].speaker).name not in ("Hunter Biden", "Alexei Navalny")
    a = reader.read("U.N. Resident Coordinator for Myanmar Andrew Kirkwood said aid was blocked.")
    assert a.entity(a.quotes[0].speaker).name == "Andrew Kirkwood"


def test_a_purpose_clause_that_reports_a_clause_was_said(reader):
    # "took to social media to say X": the purpose was carried out, X was said; "met to
    # discuss the budget" stays an intention
    a = reader.read("The governor took to social media to say the bridge would reopen in May.")
    assert any("bridge would reopen" in what for _, what in _said(a))
    a = reader.read("The council met to discuss the budget.")
    assert not a.quotes


@pytest.mark.parametrize("text,full,short", [
    ('"We have waited long enough," said Marieke de Vries, the head of the union.\n\n'
     "De Vries said the strike would last at least 48 hours.", "Marieke de Vries", "De Vries"),
    ("Jan van der Berg, a port manager, said the offer was fair. "
     "Van der Berg said talks would resume on Thursday.", "Jan van der Berg", "Van der Berg"),
])
def test_a_family_name_with_its_particle_alone_is_the_person_named_in_full(reader, text, full, short):
    a = reader.read(text)
    later = _quote(a, "would")
    assert a.entity(later.speaker).name == full
    assert a.entity(later.speaker).type == "PERSON"
    assert not any(e.name == short for e in a.entities)


def test_conjoined_names_in_apposition_to_a_class_noun_are_the_speakers(reader):
    a = reader.read("Shipping lines Maersk and MSC confirmed that some vessels would be diverted to Antwerp.")
    q = _quote(a, "some vessels would be diverted")
    assert [a.entity(i).name for i in q.speakers] == ["Maersk", "MSC"]
    assert a.entity(q.speaker).name == "Maersk"


def test_an_outlet_named_before_the_noun_of_its_kind_is_that_outlet(reader):
    a = reader.read("The Reuters news agency reported that three southern terminals were idle.")
    names = {e.name: e.type for e in a.entities}
    assert names.get("Reuters") == "NEWS_OUTLET"
    assert not any("news agency" in n for n in names)


def test_a_source_described_by_what_it_knows_keeps_its_description_and_a_role_noun_is_a_person(reader):
    a = reader.read("According to two people familiar with the negotiations, the operators could raise "
                    "their offer by Friday. According to the chairman, a mediator may be appointed.")
    first, second = sorted(a.attributions, key=lambda x: x.claim[0])
    assert first.anonymous and first.source_text == "two people familiar with the negotiations"
    assert a.entity(first.source).name == "two people familiar with the negotiations"
    assert a.entity(second.source).type == "PERSON"


def test_a_mixed_quote_closes_the_quotation_it_opened(reader):
    text = 'The chief executive told reporters the offer was "fair and generous." Talks resume Monday.'
    a = reader.read(text)
    q = _quote(a, "the offer was")
    assert q.kind == "mixed"
    assert text[q.content[0]:q.content[1]] == 'the offer was "fair and generous."'


def test_the_base_of_a_comparison_looks_back_whatever_the_tense(reader):
    expected = {  # published on Tuesday 2025-03-04
        "Economists said inflation could reach 15% by December, up from 9.8% in June.": ["2025-12", "2024-06"],
        "Output will fall to 2 million barrels, down from 3 million in May.": ["2024-05"],
        "Exports will rise 5% in April, compared with 3% in February.": ["2025-04", "2025-02"],
    }
    got = {text: [d.value for d in reader.read(text, published=TUESDAY).dates] for text in expected}
    assert got == expected


def test_a_frequency_word_that_opens_a_name_is_no_date(reader):
    dates = reader.read("The newspaper Daily Nation reported that prices rose. Farmers meet daily.").dates
    assert [d.value for d in dates] == ["P1D"]


def test_the_official_after_an_anonymous_official_is_that_official_not_a_minister_named_before(reader):
    a = reader.read("The agriculture minister, Joseph Mwangi, said the government would release grain. "
                    "A senior official at the aid agency, who asked not to be named because she was not "
                    "authorized to speak to the media, said deliveries had fallen by a third. "
                    "The official said the agency needed $150 million.")
    q = _quote(a, "the agency needed")
    assert a.entity(q.speaker).name != "Joseph Mwangi"
    assert "official" in a.entity(q.speaker).name
    # asking not to be named is how the story treats its source, not a statement
    assert not any(a.text[x.content[0]:x.content[1]].startswith("not to be named") for x in a.quotes)


def test_a_bracketed_agency_and_photographer_credit_names_nobody_in_the_story(reader):
    a = reader.read("Photo: Workers gather outside the mine. (Reuters/Ivan Alvarado)\n\n"
                    "Workers at the mine voted on Sunday to strike, a union leader said.")
    assert not any("Alvarado" in e.name or e.name == "Reuters" for e in a.entities)


def test_one_name_after_a_persons_of_is_the_employer_not_a_second_person(reader):
    a = reader.read("Analyst Mariana Soto of Santander said prices could rise 3% to 4%.")
    types = {e.name: e.type for e in a.entities}
    assert types.get("Mariana Soto") == "PERSON"
    assert types.get("Santander") not in ("PERSON", None)


def _said_by(article, words):
    """The speakers and sources of the quotes and attributions whose content holds ``words``."""
    records = [(q.speaker, q.content) for q in article.quotes] + [(x.source, x.claim) for x in article.attributions]
    return [who for who, span in records if words in article.text[span[0]:span[1]]]


@pytest.mark.parametrize("text", [
    "According to the mayor of Kyiv, Vitali Klitschko, some 40% of the capital was without heating.",
    "The mayor of Kyiv, Vitali Klitschko, said some 40% of the capital was without heating.",
])
def test_a_name_in_apposition_to_a_role_is_the_speaker_or_source(reader, text):
    a = reader.read(text)
    said = _said_by(a, "40%")
    assert len(said) == 1 and a.entity(said[0]).name == "Vitali Klitschko"
    assert not any(e.name == "mayor" for e in a.entities)


@pytest.mark.parametrize("text,content", [
    ("Her group had warned for months that the law would force clinics to close.",
     "the law would force clinics to close"),
    ("Prime Minister Shehbaz Sharif said on X, formerly Twitter, that the government would provide "
     "10 billion rupees in relief.", "the government would provide 10 billion rupees in relief"),
])
def test_a_that_clause_the_parser_hangs_on_a_noun_before_it_is_the_verbs_content(reader, text, content):
    a = reader.read(text)
    q = _quote(a, content[:20])
    assert a.text[q.content[0]:q.content[1]] == content


def test_a_fuller_description_before_the_name_is_that_person(reader):
    a = reader.read("The province's health minister said Monday she would meet union leaders this week. "
                    '"I am prepared to sit down tomorrow," the minister, Adriana LaGrange, told a news '
                    "conference.")
    q = _quote(a, "she would meet union leaders")
    assert a.entity(q.speaker).name == "Adriana LaGrange"


def test_a_description_with_a_nationality_is_not_a_person_of_another(reader):
    a = reader.read("Hungarian Prime Minister Viktor Orban was defiant. \"We will never accept forced "
                    "relocation,\" he told reporters.\n\nThe Polish leader struck a similar tone: \"Poland "
                    "decides who comes to Poland.\"")
    q = _quote(a, "Poland decides")
    assert q.speaker is None or a.entity(q.speaker).name != "Viktor Orban"


def test_a_mixed_quote_after_a_describing_verb_closes_its_quotation_too(reader):
    text = "One diplomat described the mood as ‘tense but not hostile’. Talks resume on Monday."
    a = reader.read(text)
    q = _quote(a, "the mood as")
    assert text[q.content[0]:q.content[1]] == "the mood as ‘tense but not hostile’"


def test_a_word_for_the_kind_of_firm_before_a_name_is_no_part_of_it(reader):
    a = reader.read("Carmaker Stellantis cut its outlook on Wednesday. French drugmaker Boiron said sales fell 5%.")
    types = {e.name: e.type for e in a.entities}
    assert types.get("Stellantis") == "ORG" and types.get("Boiron") == "ORG"
    assert not any(n.lower().startswith("carmaker") for n in types)


def test_a_document_as_a_source_is_a_document_and_one_day_is_singular(reader):
    from claimgraph.report import render
    a = reader.read("According to a regulatory filing, the company plans to lay off 2,450 workers. "
                    "Shares had their biggest one-day drop since 2021.")
    att = a.attributions[0]
    assert a.entity(att.source).type == "MISC"
    assert "→ 1 day\n" in render(a) + "\n" and "1 days" not in render(a)


def test_a_persons_last_name_the_tagger_left_out_is_part_of_the_name(reader):
    a = reader.read("Opposition leader Maria Corina Machado said on Saturday that the election had been "
                    "stolen. Machado's ally said he would not recognise the result.")
    q = _quote(a, "the election had been stolen")
    assert a.entity(q.speaker).name == "Maria Corina Machado"
    assert not any(e.name == "Machado" for e in a.entities)


def test_a_department_word_before_a_title_and_an_unnamed_council_are_typed_as_what_they_are(reader):
    a = reader.read('Interior Minister Diosdado Cabello called it "a fantasy." The electoral council '
                    "said the count was final.")
    types = {e.name: e.type for e in a.entities}
    assert "Interior" not in types
    assert types.get("electoral council") == "ORG"


def test_spaced_straight_double_marks_close_and_open_quotations_in_turn():
    from claimgraph.quotes.marks import find_quoted_spans
    text = ('North Korea said it held a test to "bolster up the nuclear deterrent " against threats. '
            'It came after another " very important test " on Dec. 7. Experts expect more.')
    spans = [text[s.start:s.end].strip() for s in find_quoted_spans(text)]
    assert spans == ["bolster up the nuclear deterrent", "very important test"]


@pytest.mark.parametrize("text", [
    "The lawyer for the two men, Ahmed Ali and Omar Khan, said the charges were baseless.",
    "A spokeswoman for the victim's mother, Maria Lopez, said the charges were baseless.",
    "According to a spokeswoman for the victim's mother, Maria Lopez, the charges were baseless.",
    "The mayor, who met Anna Berg, Tom Lind and Eva Holm on Monday, said the charges were baseless.",
])
def test_a_name_inside_the_role_phrase_naming_someone_else_is_not_the_speaker(reader, text):
    # the name belongs to the men / the mother / the relative clause, not to the lawyer,
    # the spokeswoman or the mayor
    a = reader.read(text)
    said = _said_by(a, "baseless")
    assert len(said) == 1
    assert a.entity(said[0]).name not in ("Ahmed Ali", "Omar Khan", "Maria Lopez", "Anna Berg", "Tom Lind", "Eva Holm")


@pytest.mark.parametrize("text,name", [
    ("Amazon opened a warehouse in May. The Amazon workers' group said conditions there were unsafe.", "Amazon"),
    ("Google cut 500 jobs. The Google employees union said conditions there were unsafe.", "Google"),
    ("Tesla raised prices. A Tesla supplier group said conditions there were unsafe.", "Tesla"),
])
def test_a_group_of_an_organisations_workers_is_not_the_organisation(reader, text, name):
    a = reader.read(text)
    said = _said_by(a, "unsafe")
    assert len(said) == 1 and a.entity(said[0]).name != name


def test_a_name_in_apposition_to_a_role_is_named_in_full(reader):
    from claimgraph.quotes.speakers import named_in_apposition
    doc = reader.nlp("The company's spokesman, Karl Brenner, said the plant would close.")
    role = next(t for t in doc if t.text == "spokesman")
    assert named_in_apposition(role).text == "Karl Brenner"


def test_a_bracketed_pair_of_organisations_is_no_photo_credit(reader):
    a = reader.read("The merger of the two carriers (Air France/KLM) was approved on Monday, the minister said.")
    assert any("KLM" in e.name for e in a.entities)


def test_the_official_after_a_named_person_described_as_the_top_official_stays_that_person(reader):
    # Mary Lee was described with that very noun ('the top official at the embassy'): no
    # looser fit for the anonymous official to outrank
    a = reader.read("An official at the embassy said the envoy had left. Ambassador Mary Lee, the top official "
                    "at the embassy, said the talks would resume. The official said no date had been set.")
    q = _quote(a, "no date had been set")
    assert a.entity(q.speaker).name == "Mary Lee"


def test_a_list_of_companies_after_a_plural_kind_word_speaks_together(reader):
    a = reader.read("Carmakers Ford, GM and Stellantis said they would cut prices.")
    q = _quote(a, "they would cut prices")
    assert [a.entity(i).name for i in q.speakers] == ["Ford", "GM", "Stellantis"]
    assert all(e.type == "ORG" for e in a.entities)


def test_a_date_right_after_the_reporting_verb_is_when_it_was_said(reader):
    a = reader.read("Car makers Ford and Toyota said on Monday they would cut prices. "
                    "The minister said Tuesday the tariffs would stay.", published=TUESDAY)
    contents = sorted(a.text[q.content[0]:q.content[1]] for q in a.quotes)
    assert contents == ["the tariffs would stay", "they would cut prices"]
    assert [d.value for d in a.dates] == ["2025-03-03", "2025-03-04"]


def test_a_capitalised_title_the_parser_made_the_head_speaks_through_its_holder(reader):
    a = reader.read("Former President Barack Obama of Illinois said the deal was fair.")
    q = _quote(a, "the deal was fair")
    assert a.entity(q.speaker).name == "Barack Obama"
    assert not any(e.type == "ORG" for e in a.entities)


def test_a_content_ending_in_a_percentage_keeps_its_sign(reader):
    a = reader.read("Operators in Cairns reported cancellations of up to 30% last month, according to "
                    "the local chamber of commerce. The minister said inflation was 9%.")
    texts = [a.text[q.content[0]:q.content[1]] for q in a.quotes] + [a.text[x.claim[0]:x.claim[1]] for x in a.attributions]
    assert "inflation was 9%" in texts
    assert any(t.endswith("up to 30%") for t in texts)


def test_a_paragraphs_first_word_is_no_sentence_of_its_own(reader):
    a = reader.read("Apple in talks to buy stake in chip startup\n\n"
                    "Apple is in advanced talks to buy a minority stake in a British chip designer, "
                    "The Wall Street Journal reported on Friday, citing people familiar with the matter.")
    claims = [a.text[x.claim[0]:x.claim[1]] for x in a.attributions]
    assert any(c.startswith("Apple is in advanced talks") for c in claims)
    cited = next(x for x in a.attributions if x.source_text == "people familiar with the matter")
    assert cited.anonymous and a.entity(cited.via).name.endswith("Wall Street Journal")


def test_the_newspaper_is_the_outlet_named_before(reader):
    a = reader.read("Apple is in talks to buy a stake in a chip designer, The Wall Street Journal reported "
                    "on Friday. The deal could value the startup at about $4 billion, the newspaper said.")
    said = [x for x in a.quotes + a.attributions
            if "value the startup" in a.text[(x.content if hasattr(x, "content") else x.claim)[0]:
                                             (x.content if hasattr(x, "content") else x.claim)[1]]]
    who = said[0].speaker if hasattr(said[0], "speaker") else said[0].source
    assert a.entity(who).name.endswith("Wall Street Journal")
    assert not any(e.name == "newspaper" for e in a.entities)


def test_a_quotation_in_straight_single_marks_before_a_frame_is_direct(reader):
    a = reader.read("Analysts were sceptical. 'Nobody wanted to be blamed for killing it,' she added. "
                    "'Is this the end?' asked Ms Lee. Fans of 'Star Wars' queued.")
    kinds = {a.text[q.content[0]:q.content[1]].strip(",'?"): q.kind for q in a.quotes}
    assert kinds.get("Nobody wanted to be blamed for killing it") == "direct"
    assert kinds.get("Is this the end") == "direct"
    assert not any("Star Wars" in k for k in kinds)


def test_a_name_after_a_quotation_is_the_speaker_not_part_of_the_quote(reader):
    # the parser hangs the name on the quotation's last noun ("… friends,” Mary …)
    for text in ("“They were rivals, but also friends,” Mary K. Stone, the governor's former chief "
                 "of staff, said.",
                 "''They were rivals, but also friends,'' Mary K. Stone, the governor's former chief "
                 "of staff, said of their years in office."):
        a = reader.read("The senator spoke on Tuesday.\n\n" + text)
        q = _quote(a, "rivals")
        assert "Stone" not in a.span_text(q.content)
        assert a.span_text(q.content).startswith("They were rivals")  # no mark of the two-character ''
        assert a.entity(q.speaker).name == "Mary K. Stone"
        stone = a.entity(q.speaker)
        assert not any(a.text[s:e] == "friends" for s, e in stone.mentions)


def test_a_nickname_is_an_alias_of_the_person(reader):
    a = reader.read("President Abdi Karim Warsame, known by his nickname Faraato, signed the bill on Tuesday. "
                    "Critics said Faraato had ignored the courts.")
    warsame = next(e for e in a.entities if e.name == "Abdi Karim Warsame")
    assert "Faraato" in warsame.aliases
    assert not any(e.name == "Faraato" for e in a.entities)
    assert warsame.role is None or "nickname" not in warsame.role


def test_a_given_name_the_tagger_left_out_and_a_role_make_a_person(reader):
    a = reader.read("Civil groups want new talks. Ayanle Duraan is the executive director of the "
                    "Lagos-based group Citizens Voice Forum. Duraan is calling for a caretaker government.")
    person = next(e for e in a.entities if "Duraan" in e.name)
    assert person.name == "Ayanle Duraan" and person.type == "PERSON"
    group = next((e for e in a.entities if e.name == "Citizens Voice Forum"), None)
    assert group is not None and group.type == "ORG"
    lagos = next(e for e in a.entities if e.name == "Lagos")
    assert [a.text[s:e] for s, e in lagos.mentions] == ["Lagos"]  # not "the Lagos" of "the Lagos-based group"


def test_a_name_before_its_outlet_noun_is_an_outlet(reader):
    a = reader.read("More than 9,000 patients came from abroad, the state-run Harbour Daily Review news website "
                    "says. The sector grows 12% every year, the website adds. Revenue doubled, online magazine "
                    "Clinic Weekly Asia says.")
    review = next(e for e in a.entities if e.name == "Harbour Daily Review")
    assert review.type == "NEWS_OUTLET"
    grows = [x for x in a.attributions if "sector grows" in a.text[x.claim[0]:x.claim[1]]] + \
            [q for q in a.quotes if "sector grows" in a.text[q.content[0]:q.content[1]]]
    who = getattr(grows[0], "source", None) or getattr(grows[0], "speaker", None)
    assert who == review.id  # "the website" is the outlet named before
    assert next(e for e in a.entities if e.name == "Clinic Weekly Asia").type == "NEWS_OUTLET"


def test_a_named_bodys_data_or_report_speaks_for_that_body(reader):
    a = reader.read("National Revenue Office data show more than 4.1 million visitors arrived from January "
                    "through June this year.")
    q = _quote(a, "4.1 million visitors")
    who = a.entity(q.speaker)
    assert who.name == "National Revenue Office" and who.type == "ORG"


def test_the_kind_noun_set_before_an_organisations_name_refers_back_to_it(reader):
    a = reader.read("Business consultancy Harrow Pike & Partners puts the 2024 revenue at $2 billion. "
                    "“The sector is booming,” the consultancy says.")
    q = _quote(a, "sector is booming")
    assert a.entity(q.speaker).name == "Harrow Pike & Partners"
    assert not any(e.name == "consultancy" for e in a.entities)


def test_a_family_name_without_its_arabic_article_is_that_person(reader):
    a = reader.read("President Karim al-Hamdani fled the capital in May. Protests against al-Hamdani had "
                    "lasted for years. Hamdani was ousted after a long war.")
    person = next(e for e in a.entities if e.name == "Karim al-Hamdani")
    mentions = {a.text[s:e] for s, e in person.mentions}
    assert {"al-Hamdani", "Hamdani"} <= mentions


def test_a_group_described_anew_by_a_relative_clause_is_no_organisation_named_long_before(reader):
    a = reader.read("The World Food Programme warned of famine on Monday. Aid trucks were stopped at the "
                    "border. Many fighters came from the valley. They belong to a small minority — the same "
                    "religious group of which the ruling family is a member.")
    wfp = next(e for e in a.entities if e.name == "World Food Programme")
    assert not any("religious group" in a.text[s:e] for s, e in wfp.mentions)


# ---- an epithet as the speaker: "the 58-year-old said" -----------------------------------

@pytest.mark.parametrize("text, name", [
    ("Carl Webber, 58, admitted fraud in May. Webber, in a dark suit, faced the judge on Monday.\n\n"
     "“I regret everything,” the 58-year-old said. “I failed my town.”", "Carl Webber"),
    ("Wigan coach Dean Fowler was furious after the defeat on Saturday.\n\n"
     "“It was never a red card,” the former Burnley midfielder said. “Everybody saw it.”", "Dean Fowler"),
    ("Margaret Lyle, 71, runs a bakery on Bridge Street and fears the new charges will hurt her. "
     "“On a wet Monday nobody comes in at all,” the grandmother of four said.", "Margaret Lyle"),
])
def test_an_epithet_after_a_quotation_is_the_person_just_named(reader, text, name):
    a = reader.read(text)
    q = a.quotes[-1]
    assert q.speaker is not None and a.entity(q.speaker).name == name


# ---- an honorific inside the mention gives the gender ("Mr. Devlin" as one mention) -------

def test_she_is_not_the_man_quoted_last_when_his_honorific_is_in_his_mention(reader):
    a = reader.read("''It keeps us awake,'' said Helga Brandt, 64, who lives near the plant.\n\n"
                    "Mr. Quist, the plant's manager, said in an interview that the complaints were "
                    "being heard. ''We want to be good neighbors,'' Mr. Quist said.\n\n"
                    "Ms. Brandt is unconvinced. She said she had measured the noise at 60 decibels.")
    q = _quote(a, "measured the noise")
    assert a.entity(q.speaker).name == "Helga Brandt"


# ---- "said in a statement that … “quoted” … and would …" ---------------------------------

def test_said_in_a_statement_that_with_a_quoted_adjective_keeps_the_whole_clause(reader):
    a = reader.read('The Harbour Traders Association said in a statement that it was "deeply dismayed" '
                    'by the vote and would ask the board to think again.')
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert a.span_text(q.content) == ('it was "deeply dismayed" by the vote and would ask the board '
                                      'to think again')
    assert a.span_text(q.cue) == "said"


# ---- a short quoted sentence with its frame right after: “What's the point?” he asked. ----

def test_a_short_quoted_question_before_its_frame_is_a_statement(reader):
    a = reader.read('Lowe said he would not appeal the ban. "What\'s the use?" he asked. "They never listen."')
    q = _quote(a, "the use")
    assert q.kind == "direct" and a.span_text(q.cue) == "asked"
    assert a.entity(q.speaker).name == "Lowe"
    assert "They never listen" in a.span_text(q.content)


def test_a_short_scare_quote_is_still_no_statement(reader):
    a = reader.read('The so-called "reform," critics said, was a fraud.')
    assert not any(q.kind == "direct" for q in a.quotes)


# ---- "one of the aides": a member of an unnamed group is an unnamed person ----------------

def test_one_of_an_unnamed_group_is_an_anonymous_person_named_by_the_whole_phrase(reader):
    a = reader.read("Three council staff, who asked not to be named, said the vote could slip. "
                    "One of the staffers said the mayor had not read the plan. "
                    "According to one of the staffers, two members had changed sides.")
    srcs = {a.text[x.source_mention[0]:x.source_mention[1]]: x for x in a.attributions}
    for phrase in ("One of the staffers", "one of the staffers"):
        att = srcs[phrase]
        assert att.anonymous
        assert a.entity(att.source).type == "PERSON"


def test_a_hyphenated_role_in_apposition_is_one_role(reader):
    a = reader.read("Dr. Amara Wekesa, a study co-author from the University of Nairobi, said the risk was rising.")
    person = next(e for e in a.entities if e.name == "Amara Wekesa")
    assert {a.text[s:e] for s, e in person.mentions} >= {"a study co-author"}
    assert not any(a.text[s:e] in ("-", "author", "a study co") for s, e in person.mentions)


def test_a_quotation_ending_its_sentence_is_not_framed_by_the_next_sentences_cue(reader):
    a = reader.read("During his time in prison, the publisher was held in conditions that Ana Ruiz characterized "
                    "as “inhumane and degrading” and “a violation of international standards.” Lopez’s health was "
                    "better while under house arrest, Ruiz said, but now his legal team is worried.")
    health = _quote(a, "health was better")
    assert "standards" not in a.span_text(health.content)


def test_the_publisher_is_no_firm_by_trade(reader):
    a = reader.read("Jailed pro-democracy publisher Wen Kaiming has been held for years. Critics said the "
                    "case was political.")
    assert next(e for e in a.entities if "Kaiming" in e.name).type == "PERSON"


def test_he_after_a_sentence_about_another_man_is_that_man_not_the_last_speaker(reader):
    a = reader.read("“This is a total breakdown of the rule of law,” Tomas Lindgren, who leads the defence "
                    "team, told reporters. “He should not spend a day in prison,” Lindgren added. Marco Vidal, "
                    "67, attended the hearing on Monday. Near the end of his appearance, he called the ruling "
                    "“arbitrary.”")
    q = _quote(a, "arbitrary")
    assert a.entity(q.speaker).name == "Marco Vidal"


def test_they_is_not_a_nationality_inside_the_quotation_it_frames(reader):
    a = reader.read("Nine press freedom groups this week called for the editor's release. “We urge Chilean "
                    "authorities to guarantee a fair trial,” they said in a joint statement.")
    q = _quote(a, "We urge")
    assert a.entity(q.speaker).name == "Nine press freedom groups"


def test_the_leader_of_his_team_is_not_the_man_his_refers_to(reader):
    a = reader.read("A judge sent the journalist Pablo Reyes back to prison in a move that the leader of his "
                    "legal team called “inhumane.” Reyes returned to prison on Monday.")
    q = _quote(a, "inhumane")
    assert q.speaker is None or a.entity(q.speaker).name != "Pablo Reyes"
    reyes = next(e for e in a.entities if e.name == "Pablo Reyes")
    assert not any("leader" in a.text[s:e] for s, e in reyes.mentions)


def test_a_speakers_of_phrase_belongs_to_the_speaker(reader):
    a = reader.read("The plan was approved on Monday. “It is a mistake,” a member of the upper house said.")
    q = _quote(a, "It is a mistake")
    assert a.text[q.speaker_mention[0]:q.speaker_mention[1]] == "member of the upper house"


# ---- source chains (src6) ----------------------------------------------------------------

@pytest.mark.parametrize("text, claim, source", [
    ("According to numbers compiled by Harwell Analytics, rents in the capital rose 9% last year.",
     "rents in the capital rose", "Harwell Analytics"),
    ("The trade deficit narrowed in May, according to figures released by the finance ministry.",
     "The trade deficit narrowed", "the finance ministry"),
    ("According to a report by Amnesty International, dozens of protesters were detained.",
     "dozens of protesters were detained", "Amnesty International"),
    ("Most farmers oppose the levy, according to a poll conducted by Ipsos.",
     "Most farmers oppose the levy", "Ipsos"),
])
def test_according_to_a_document_rests_the_claim_on_its_author(reader, text, claim, source):
    a = reader.read(text)
    att = _attribution(a, claim)
    assert att.source_text == source
    assert not att.anonymous
    assert a.entity(att.source).name.endswith(source.replace("the ", ""))


def test_a_document_without_an_author_is_a_document_not_an_anonymous_group(reader):
    a = reader.read("According to official figures, exports fell by a fifth in the first quarter.")
    att = _attribution(a, "exports fell by a fifth")
    assert not att.anonymous
    assert a.entity(att.source).type == "MISC"


@pytest.mark.parametrize("text, pieces", [
    ("Flu cases doubled in the north last week, according to the health agency, and clinics have "
     "cancelled routine visits.",
     ["Flu cases doubled in the north last week", "clinics have cancelled routine visits"]),
    ("The new bridge, according to the city engineers, will open to traffic in August.",
     ["The new bridge", "will open to traffic in August"]),
])
def test_an_according_to_phrase_inside_the_claim_is_left_out_of_its_passages(reader, text, pieces):
    a = reader.read(text)
    att = _attribution(a, pieces[0])
    assert _texts(a, att.fragments) == pieces
    assert all("according to" not in f for f in _texts(a, att.fragments))
    assert "according to" not in render(a).split("source of:")[1].split("\n")[0]


@pytest.mark.parametrize("text, claim", [
    ("According to the health agency, flu cases doubled in the north last week.",
     "flu cases doubled in the north last week"),
    ("Flu cases doubled in the north last week, according to the health agency.",
     "Flu cases doubled in the north last week"),
])
def test_an_according_to_phrase_at_an_edge_is_cut_from_the_claim(reader, text, claim):
    a = reader.read(text)
    att = a.attributions[0]
    assert a.span_text(att.claim) == claim
    assert _texts(a, att.fragments) == [claim]
    back = Article.from_record(a.to_record())
    assert back.attributions[0].fragments == att.fragments


def test_a_quote_with_an_according_to_phrase_inside_loses_it_from_its_passages(reader):
    a = reader.read("The minister said the depot would close, according to estimates, by the end of the spring.")
    q = _quote(a, "the depot would close")
    assert _texts(a, q.fragments) == ["the depot would close", "by the end of the spring"]


def test_according_to_an_outlet_which_cited_a_source_rests_the_claim_on_that_source(reader):
    a = reader.read("According to Bloomberg, which cited three people briefed on the talks, the airline "
                    "will order 40 new jets.")
    att = _attribution(a, "the airline will order 40 new jets")
    assert att.source_text == "three people briefed on the talks"
    assert att.anonymous
    assert a.entity(att.via).name == "Bloomberg"
    assert "cited" not in a.span_text(att.claim)


def test_an_outlet_reporting_citing_a_source_that_a_claim_is_a_chain(reader):
    a = reader.read("Bloomberg reported, citing three people briefed on the talks, that the airline "
                    "would order 40 new jets.")
    att = _attribution(a, "the airline would order 40 new jets")
    assert a.span_text(att.claim) == "the airline would order 40 new jets"
    assert att.source_text == "three people briefed on the talks"
    assert att.anonymous
    assert a.entity(att.via).name == "Bloomberg"


def test_the_newspaper_said_citing_a_document_leaves_the_frame_out_of_the_claim(reader):
    a = reader.read("The ferry operator will cut 200 jobs, the newspaper said, citing a letter from the managers.")
    att = _attribution(a, "The ferry operator will cut 200 jobs")
    assert a.span_text(att.claim) == "The ferry operator will cut 200 jobs"
    assert _texts(a, att.fragments) == ["The ferry operator will cut 200 jobs"]
    assert att.source_text == "a letter from the managers"
    assert not att.anonymous and att.via is not None


def test_an_accusation_citing_reports_rests_on_the_reports_and_they_make_no_statement(reader):
    a = reader.read("The army accused the militia of burning two villages, citing reports from aid workers.")
    att = _attribution(a, "burning two villages")
    assert att.source_text == "reports from aid workers"
    assert a.entity(att.source).type == "MISC"
    assert att.anonymous  # a document whose authors the article does not name
    assert a.entity(att.via).name.lower().endswith("army")
    assert "citing" not in a.span_text(att.claim)
    assert not any("reports from aid workers" in a.span_text(q.content) for q in a.quotes)


def test_a_claim_citing_reports_at_its_end_loses_the_citing_phrase(reader):
    a = reader.read("The ministry said the troops had pulled back, citing reports from local officials.")
    att = _attribution(a, "the troops had pulled back")
    assert a.span_text(att.claim) == "the troops had pulled back"


@pytest.mark.parametrize("text, claim, cue", [
    ("It was reported on Monday that the harbour master had quit.", "the harbour master had quit",
     "It was reported"),
    ("It is understood that the two clubs will meet again in June.", "the two clubs will meet again in June",
     "It is understood"),
    ("It has been alleged that the contractor inflated its invoices.", "the contractor inflated its invoices",
     "It has been alleged"),
])
def test_an_impersonal_passive_report_is_reported_with_no_source_invented(reader, text, claim, cue):
    a = reader.read(text)
    att = _attribution(a, claim)
    assert a.span_text(att.claim) == claim
    assert a.span_text(att.cue) == cue
    assert att.source is None and att.anonymous and att.reason
    assert not a.quotes
    assert "no source:" in render(a)
    assert Article.from_record(a.to_record()).attributions[0].reason == att.reason


def test_a_passive_report_with_its_agent_or_an_expectation_is_not_a_sourceless_report(reader):
    a = reader.read("It is expected that the two clubs will meet again in June.")
    assert not a.attributions
    b = reader.read("It was reported by the Daily Courier that the harbour master had quit.")
    assert all(x.source is not None for x in b.attributions)


def test_a_role_noun_compounded_to_a_name_tagged_as_a_place_makes_it_a_person(reader):
    from spacy.tokens import Doc

    # the tagger read the adviser's name as a place (seen in wire copy)
    words = ["Presidential", "adviser", "Kemal", "Dursin", "said", "it", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[1, 3, 3, 4, 4, 4, 4],
              deps=["amod", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"],
              pos=["ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
              tags=["JJ", "NN", "NNP", "NNP", "VBD", "PRP", "."], lemmas=["presidential", "adviser", "Kemal",
                                                                          "Dursin", "say", "it", "."],
              sent_starts=[True] + [False] * 6, ents=["O", "O", "B-GPE", "I-GPE", "O", "O", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("Kemal Dursin", "PERSON")]


def test_a_content_ends_on_no_dangling_conjunction(reader):
    from spacy.tokens import Doc

    from claimgraph.quotes.candidates import _without_final_punct

    words = ["a", "reset", "is", "still", "possible", "but"]
    doc = Doc(reader.nlp.vocab, words=words, heads=[1, 2, 2, 4, 2, 2],
              deps=["det", "nsubj", "ROOT", "advmod", "acomp", "cc"],
              pos=["DET", "NOUN", "AUX", "ADV", "ADJ", "CCONJ"])
    assert _without_final_punct(doc, 0, 6) == 5
    assert _without_final_punct(doc, 5, 6) == 6  # (a conjunction alone stays: nothing to trim to)


def test_an_outlet_found_by_its_kind_noun_is_one_where_its_name_recurs(reader):
    # the outlet's type went to the later mentions of its name, which the name repair did not
    # know: the entity step failed on the article
    a = reader.read("He was ranked by the magazine Forbes last year. Forbes shot back in an editorial on Monday.")
    forbes = next(e for e in a.entities if e.name == "Forbes")
    assert forbes.type == "NEWS_OUTLET" and len(forbes.mentions) == 2


def test_a_ministrys_name_run_into_its_officials_name_is_two_names(reader):
    from spacy.tokens import Doc

    # the tagger ran the ministry's name through the comma into the appositive person's
    words = ["The", "deputy", "minister", "for", "the", "Ministry", "of", "Culture", ",", "Omar", "Haqdad", ",",
             "said", "it", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[2, 2, 12, 2, 5, 3, 5, 6, 2, 10, 2, 2, 12, 12, 12],
              deps=["det", "amod", "nsubj", "prep", "det", "pobj", "prep", "pobj", "punct", "compound", "appos",
                    "punct", "ROOT", "dobj", "punct"],
              pos=["DET", "ADJ", "NOUN", "ADP", "DET", "PROPN", "ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT",
                   "VERB", "PRON", "PUNCT"],
              sent_starts=[True] + [False] * 14,
              ents=["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O",
                    "O", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    names = {(e.name, e.type) for e in doc._.cg_entities}
    assert ("Omar Haqdad", "PERSON") in names
    assert not any("Haqdad" in n and t != "PERSON" for n, t in names)


def test_the_business_owner_who_spoke_is_a_person_that_he_takes_up(reader):
    a = reader.read("“The rules changed overnight,” said the business owner. The owner said sales were falling. "
                    "“We are struggling,” he said.")
    q = _quote(a, "We are struggling")
    assert a.entity(q.speaker).type == "PERSON" and "owner" in a.entity(q.speaker).name


def test_an_abstract_noun_run_in_before_a_name_is_no_role_and_a_publication_is_an_outlet(reader):
    a = reader.read("Analysts are wary. Regional reluctance Richard Oyelaran, director of the Lagos Policy "
                    "Centre, told reporters that the plan was late. The Deccan Wire, an Indian online publication, "
                    "said the talks had stalled.")
    person = next(e for e in a.entities if e.name == "Richard Oyelaran")
    assert "reluctance" not in (person.role or "")
    assert not any("reluctance" in a.text[s:e] for s, e in person.mentions)
    assert next(e for e in a.entities if "Deccan Wire" in e.name).type == "NEWS_OUTLET"


def test_another_countrys_ambassador_is_not_the_one_named_before(reader):
    a = reader.read("“We are concerned,” British Deputy U.N. Ambassador James Okello told reporters. Iran’s "
                    "U.N. ambassador attended the meeting. China’s U.N. ambassador told reporters that the "
                    "issue was handled in Vienna.")
    okello = next(e for e in a.entities if e.name == "James Okello")
    assert not any("ambassador" in a.text[s:e] and "British" not in a.text[s:e] for s, e in okello.mentions)
    q = _quote(a, "handled in Vienna")
    assert q.speaker != okello.id


def test_a_role_in_the_lede_is_the_person_the_next_sentence_brings_in_by_name(reader):
    a = reader.read("The U.N. special envoy for Yemen is calling for an end to the fighting after the fall of "
                    "President Ali Mansur. Hans Ekdal issued his appeal on Friday.")
    ekdal = next(e for e in a.entities if e.name == "Hans Ekdal")
    assert any(a.text[s:e].startswith("The U.N. special envoy") for s, e in ekdal.mentions)
    q = _quote(a, "an end to the fighting")
    assert q.speaker == ekdal.id


def test_a_known_organisation_named_in_full_is_one_and_a_capital_tagged_as_a_body_is_a_city(reader):
    a = reader.read("The media watchdog Reporters Without Borders said conditions had improved. At a hearing "
                    "in Zimbabwe's capital, Harare, the judge asked for more time.")
    names = {e.name: e.type for e in a.entities}
    assert names.get("Reporters Without Borders") == "ORG" and "Borders" not in names
    assert names.get("Harare") == "GPE"


def test_an_opening_clause_of_asking_tagged_finite_is_still_the_question_put_to_the_subject(reader):
    from spacy.tokens import Doc

    from claimgraph.quotes.candidates import subject_of

    # the tagger read the opening participle as a past tense (seen in an interview feature)
    words = ["Asked", "whether", "the", "award", "had", "changed", "things", ",", "Mbeki", "laughed", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[9, 5, 3, 5, 5, 0, 5, 9, 9, 9, 9],
              deps=["advcl", "mark", "det", "nsubj", "aux", "ccomp", "dobj", "punct", "nsubj", "ROOT", "punct"],
              pos=["VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "NOUN", "PUNCT", "PROPN", "VERB", "PUNCT"],
              tags=["VBD", "IN", "DT", "NN", "VBD", "VBN", "NNS", ",", "NNP", "VBD", "."],
              lemmas=["ask", "whether", "the", "award", "have", "change", "thing", ",", "Mbeki", "laugh", "."],
              sent_starts=[True] + [False] * 10)
    assert subject_of(doc[0]) is None  # whoever asked, it was not Mbeki
    assert subject_of(doc[9]).text == "Mbeki"


def test_a_quotation_left_open_at_a_paragraph_end_goes_on_in_the_next_paragraph(reader):
    a = reader.read('"The mill paid well, but I hated it," Ms. Varga said. "Every night I came home deaf '
                    'from the looms and swore I would quit.\n\n"Then the mill shut, and the choice was '
                    'made for me. I opened the bakery a month later."\n\nShe now employs nine people.')
    q = _quote(a, "The mill paid well")
    assert "the choice was made for me" in a.span_text(q.content)  # one statement, with its cue
    assert not [o for o in a.quotes if o is not q and "the choice was made" in a.span_text(o.content)]
    assert q.speaker_text == "Ms. Varga"


@pytest.mark.parametrize("frame", ["the Norwegian said with a smile", "the 24-year-old Dane told reporters"])
def test_a_singular_nationality_noun_as_speaker_is_the_player_just_named(reader, frame):
    a = reader.read(f"Jonas Lindqvist, who has 14 goals this season, said the winner was his best. "
                    f'"I did not even see the ball go in," {frame}.')
    q = _quote(a, "did not even see the ball")
    assert a.entity(q.speaker).name == "Jonas Lindqvist"


def test_a_nationality_that_names_a_whole_people_is_no_epithet(reader):
    from claimgraph.quotes.speakers import nationality_noun

    doc = reader.nlp("The French said no. The Norwegian said yes. The Norwegians said no.")
    assert [nationality_noun(t) for t in doc if t.text in ("French", "Norwegian", "Norwegians")] == [False, True, False]


def test_a_second_that_clause_after_one_hung_on_a_statement_noun_is_said_too(reader):
    a = reader.read("The bakery's owner, Lena Marsh, said in a statement that she was \"heartbroken\" and that "
                    "the shop would stay shut until Friday.")
    q = _quote(a, "heartbroken")
    assert a.span_text(q.content).endswith("the shop would stay shut until Friday")


def test_an_active_verb_with_an_object_after_a_passive_content_is_the_cues_second_verb(reader):
    from spacy.tokens import Doc

    from claimgraph.quotes.candidates import content_bounds

    # "The agency warned that more floods were expected and closed the bridge." as the parser
    # reads it: the second verb conjoined to the passive content
    words = ["The", "agency", "warned", "that", "more", "floods", "were", "expected", "and", "closed", "the",
             "bridge", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[1, 2, 2, 7, 5, 7, 7, 2, 7, 7, 11, 9, 2],
              deps=["det", "nsubj", "ROOT", "mark", "amod", "nsubjpass", "auxpass", "ccomp", "cc", "conj", "det",
                    "dobj", "punct"],
              pos=["DET", "NOUN", "VERB", "SCONJ", "ADJ", "NOUN", "AUX", "VERB", "CCONJ", "VERB", "DET", "NOUN",
                   "PUNCT"],
              tags=["DT", "NN", "VBD", "IN", "JJR", "NNS", "VBD", "VBN", "CC", "VBD", "DT", "NN", "."],
              lemmas=["the", "agency", "warn", "that", "more", "flood", "be", "expect", "and", "close", "the",
                      "bridge", "."])
    start, end = content_bounds(doc[7], doc[2])
    assert doc[start:end].text == "more floods were expected"
    # a passive going on stays in the content: "… were approved and released"
    doc[9].tag_ = "VBN"
    start, end = content_bounds(doc[7], doc[2])
    assert doc[start:end].text == "more floods were expected and closed the bridge"


def test_a_name_after_a_personal_honorific_that_the_tagger_missed_is_a_person(reader):
    a = reader.read('"The more you walk, the better, but even a little helps," Dr. del Pozo Cruz said in an '
                    'interview.')
    q = _quote(a, "The more you walk")
    assert a.entity(q.speaker).type == "PERSON"


def test_a_sentences_first_noun_and_its_of_run_into_a_firms_name_are_no_part_of_it(reader):
    from spacy.tokens import Doc

    # the tagger ran "Shares of" into the company's name (seen under a headline)
    words = ["Shares", "of", "Kelvar", "Corp", "rose", "9", "percent", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[4, 0, 3, 1, 4, 6, 4, 4],
              deps=["nsubj", "prep", "compound", "pobj", "ROOT", "nummod", "npadvmod", "punct"],
              pos=["NOUN", "ADP", "PROPN", "PROPN", "VERB", "NUM", "NOUN", "PUNCT"],
              tags=["NNS", "IN", "NNP", "NNP", "VBD", "CD", "NN", "."],
              lemmas=["share", "of", "Kelvar", "Corp", "rise", "9", "percent", "."],
              sent_starts=[True] + [False] * 7, ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-PERCENT",
                                                      "I-PERCENT", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("Kelvar Corp", "ORG")]


def test_a_bare_number_set_off_after_a_persons_name_is_an_age(reader):
    a = reader.read("The driver, Maria Lopes, 19, was named by police. On Monday, 12, maybe 13, were hurt.")
    assert [(q.text, q.unit) for q in a.quantities] == [("19", "years of age"), ("12", None), ("13", None)]


@pytest.mark.parametrize("text", ["The crew did everything they could.", "We did all we could for the village."])
def test_a_modal_whose_verb_is_left_out_after_everything_is_ability_not_a_hedge(reader, text):
    assert reader.read(text).hedges == []


def test_could_with_its_verb_is_still_a_hedge(reader):
    assert len(reader.read("The storm could reach the coast on Friday.").hedges) == 1


def test_a_name_compounded_to_an_analysts_noun_before_a_person_is_the_firm(reader):
    from spacy.tokens import Doc

    # the tagger read the brokerage as a person (seen in earnings copy)
    words = ["Halvorsen", "analyst", "Mark", "Oduya", "wrote", "it", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[3, 3, 3, 4, 4, 4, 4],
              deps=["compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PRON", "PUNCT"],
              tags=["NNP", "NN", "NNP", "NNP", "VBD", "PRP", "."],
              lemmas=["Halvorsen", "analyst", "Mark", "Oduya", "write", "it", "."],
              sent_starts=[True] + [False] * 6, ents=["B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("Halvorsen", "ORG"), ("Mark Oduya", "PERSON")]


def test_a_name_ending_in_a_firms_word_is_a_firm_whatever_persons_noun_stands_before_it(reader):
    from spacy.tokens import Doc

    # the tagger read the fund as a person, after "activist investor"
    words = ["It", "faced", "activist", "investor", "Harwick", "Capital", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[1, 1, 5, 5, 5, 1, 1],
              deps=["nsubj", "ROOT", "amod", "compound", "compound", "dobj", "punct"],
              pos=["PRON", "VERB", "ADJ", "NOUN", "PROPN", "PROPN", "PUNCT"],
              tags=["PRP", "VBD", "JJ", "NN", "NNP", "NNP", "."],
              lemmas=["it", "face", "activist", "investor", "Harwick", "Capital", "."],
              sent_starts=[True] + [False] * 6, ents=["O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("Harwick Capital", "ORG")]


def test_a_possessive_inside_or_ending_an_organisations_name_is_part_of_it(reader):
    from spacy.tokens import Doc

    # the tagger took the institution's word alone, and the chain's name without its 's
    words = ["The", "Huntington", "'s", "Society", "and", "Kelsey", "'s", "said", "so", "."]
    doc = Doc(reader.nlp.vocab, words=words, spaces=[True, False, True, True, True, False, True, True, False, False],
              heads=[3, 3, 1, 7, 3, 3, 5, 7, 7, 7],
              deps=["det", "poss", "case", "nsubj", "cc", "conj", "case", "ROOT", "advmod", "punct"],
              pos=["DET", "PROPN", "PART", "PROPN", "CCONJ", "PROPN", "PART", "VERB", "ADV", "PUNCT"],
              tags=["DT", "NNP", "POS", "NNP", "CC", "NNP", "POS", "VBD", "RB", "."],
              lemmas=["the", "Huntington", "'s", "Society", "and", "Kelsey", "'s", "say", "so", "."],
              sent_starts=[True] + [False] * 9, ents=["O", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG", "O", "O", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert sorted(e.name for e in doc._.cg_entities) == ["Huntington's Society", "Kelsey's"]


def test_a_two_word_trade_noun_refers_back_to_the_firm_named_before(reader):
    a = reader.read("Shares of Orvane Systems rose on Thursday after the software maker reported record sales.")
    ent = next(e for e in a.entities if e.name == "Orvane Systems")
    assert "the software maker" in [a.text[s:e] for s, e in ent.mentions]


def test_whom_a_spokeswoman_speaks_for_belongs_to_the_speaker_phrase(reader):
    a = reader.read("A spokeswoman for the county sheriff said the road would reopen on Friday.")
    q = _quote(a, "the road would reopen")
    assert q.speaker_text == "spokeswoman for the county sheriff"


def test_a_city_the_tagger_took_for_a_person_after_a_preposition_of_place_is_a_city(reader):
    from spacy.tokens import Doc

    words = ["Ships", "were", "sent", "to", "Rotterdam", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[2, 2, 2, 2, 3, 2],
              deps=["nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
              pos=["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
              tags=["NNS", "VBD", "VBN", "IN", "NNP", "."],
              lemmas=["ship", "be", "send", "to", "Rotterdam", "."],
              sent_starts=[True] + [False] * 5, ents=["O", "O", "O", "O", "B-PERSON", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("Rotterdam", "GPE")]


def test_a_place_name_ending_in_a_bodys_word_is_the_body(reader):
    from spacy.tokens import Doc

    words = ["Officers", "of", "North", "Ashdale", "Police", "said", "so", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[5, 0, 4, 4, 1, 5, 5, 5],
              deps=["nsubj", "prep", "compound", "compound", "pobj", "ROOT", "advmod", "punct"],
              pos=["NOUN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "ADV", "PUNCT"],
              tags=["NNS", "IN", "NNP", "NNP", "NNP", "VBD", "RB", "."],
              lemmas=["officer", "of", "North", "Ashdale", "Police", "say", "so", "."],
              sent_starts=[True] + [False] * 7, ents=["O", "O", "B-GPE", "I-GPE", "I-GPE", "O", "O", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("North Ashdale Police", "ORG")]


def test_the_club_is_never_the_newspaper_named_before(reader):
    a = reader.read("Fans told the Daily Record that the queue was long.\n\nThe club's chairman said the gates "
                    "opened late.")
    paper = next(e for e in a.entities if e.name == "Daily Record")
    assert [a.text[s:e] for s, e in paper.mentions] == ["the Daily Record"]


# ---- review (rev9): rules written for one example, narrowed on ordinary news ---------------

def test_the_first_half_of_a_period_is_no_share():
    from claimgraph.numbers.quantities import find_quantities
    text = "Sales rose 5% in the first half of the year and slowed in the second half of March."
    assert [(text[q.start:q.end], q.unit) for q in find_quantities(text)] == [("5%", "percent")]
    # a bare "half of" a group is still a share
    assert [(q.low, q.unit) for q in find_quantities("Half of the analysts polled expected a cut.")] \
        == [(50, "percent")]


def test_one_of_the_letters_is_a_document_not_a_person(reader):
    a = reader.read("Tesco wrote to shareholders twice this year. One of the letters, sent on Monday, said the "
                    "dividend would rise.")
    one = next(e for e in a.entities if e.name.lower().startswith("one"))
    assert one.type != "PERSON"


def test_a_party_that_runs_a_newspaper_is_no_outlet(reader):
    a = reader.read("The Workers Unity Party's newspaper said on Monday that the tariffs would hurt both "
                    "economies. The Workers Unity Party has not commented officially.")
    party = next(e for e in a.entities if e.name == "Workers Unity Party")
    assert party.type != "NEWS_OUTLET"


def test_a_newcomer_described_in_his_own_right_is_not_the_role_named_before(reader):
    a = reader.read("The housing minister resigned on Monday after weeks of pressure over the flood response. "
                    "John Carter, whose home was flooded in March, said the resignation came too late.")
    carter = next(e for e in a.entities if e.name == "John Carter")
    assert "The housing minister" not in {a.text[s:e] for s, e in carter.mentions}


def test_a_pronoun_in_a_descriptions_relative_clause_does_not_part_it_from_its_person(reader):
    a = reader.read("Police arrested Maria Gomez on Friday. The woman, who said she had been at home all "
                    "night, was released on Saturday.")
    gomez = next(e for e in a.entities if e.name == "Maria Gomez")
    assert any(a.text[s:e].startswith("The woman") for s, e in gomez.mentions)
    assert not any(e.name == "woman" for e in a.entities)


def test_a_firm_named_after_its_trade_noun_stays_a_firm(reader):
    a = reader.read("Studio owner Warner Bros said it would appeal the ruling.")
    assert next(e for e in a.entities if "Warner" in e.name).type == "ORG"  # not a person by "owner"


def test_a_name_whose_outlet_is_named_after_it_owns_the_outlet(reader):
    a = reader.read("Nine Entertainment's newspaper, The Age, reported the deal on Monday. Nine Entertainment "
                    "said it would not comment.")
    assert next(e for e in a.entities if e.name == "Nine Entertainment").type != "NEWS_OUTLET"


def test_an_acronym_with_of_in_it_is_the_organisations_short_form(reader):
    a = reader.read("Analysts praised the Economic Community of West African States for its plan. The minister "
                    "spoke at a meeting of the Economic Community of West African States. ECOWAS security "
                    "chiefs also met, and ECOWAS said it would keep its ties.")
    ecowas = [e for e in a.entities if "ECOWAS" in {a.text[s:t] for s, t in e.mentions}]
    assert len(ecowas) == 1 and ecowas[0].name == "Economic Community of West African States"


def test_a_country_of_several_words_tagged_as_a_person_is_the_country(reader):
    from spacy.tokens import Doc

    words = ["In", "January", ",", "Burkina", "Faso", "left", "the", "bloc", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[5, 0, 5, 4, 5, 5, 7, 5, 5],
              deps=["prep", "pobj", "punct", "compound", "nsubj", "ROOT", "det", "dobj", "punct"],
              pos=["ADP", "PROPN", "PUNCT", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
              sent_starts=[True] + [False] * 8, ents=["O", "B-DATE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("Burkina Faso", "GPE")]


def test_a_name_compounded_to_region_is_a_place_whatever_the_tagger_said(reader):
    from spacy.tokens import Doc

    words = ["Fighting", "spread", "across", "the", "Sahel", "region", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[1, 1, 1, 5, 5, 2, 1],
              deps=["nsubj", "ROOT", "prep", "det", "compound", "pobj", "punct"],
              pos=["NOUN", "VERB", "ADP", "DET", "PROPN", "NOUN", "PUNCT"],
              sent_starts=[True] + [False] * 6, ents=["O", "O", "O", "O", "B-PERSON", "O", "O"])
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    assert [(e.name, e.type) for e in doc._.cg_entities] == [("Sahel region", "LOC")]


def test_a_person_and_others_conjoined_give_the_person_no_role_of_theirs(reader):
    from spacy.tokens import Doc

    words = ["Sanctions", "on", "Ardit", "Kola", "and", "members", "of", "his", "family", "took", "effect", "."]
    doc = Doc(reader.nlp.vocab, words=words, heads=[9, 0, 3, 1, 3, 3, 5, 8, 6, 9, 9, 9],
              deps=["nsubj", "prep", "compound", "pobj", "cc", "conj", "prep", "poss", "pobj", "ROOT", "dobj",
                    "punct"],
              pos=["NOUN", "ADP", "PROPN", "PROPN", "CCONJ", "NOUN", "ADP", "PRON", "NOUN", "VERB", "NOUN", "PUNCT"],
              tags=["NNS", "IN", "NNP", "NNP", "CC", "NNS", "IN", "PRP$", "NN", "VBD", "NN", "."],
              lemmas=["sanction", "on", "Ardit", "Kola", "and", "member", "of", "his", "family", "take", "effect", "."],
              sent_starts=[True] + [False] * 11, ents=["O", "O", "B-PERSON", "I-PERSON"] + ["O"] * 8)
    doc = reader.nlp.get_pipe("claimgraph_entities")(doc)
    kola = next(e for e in doc._.cg_entities if e.name == "Ardit Kola")
    assert not (kola.role or "").startswith("members")


# ---- content boundaries ------------------------------------------------------------------

@pytest.mark.parametrize("text, content", [
    # the next items of a list, which the parser hung on the cue
    ("The governor pledged to cut property taxes, hire more teachers and repair the old hospital.",
     "to cut property taxes, hire more teachers and repair the old hospital"),
    ("The minister called for a full inquiry, and then a public apology.", "a full inquiry, and then a public apology"),
    # when and where it was said is not what was said
    ("The mayor repeated his position at a town hall in Riverside.", "his position"),
    ("The governor criticized the budget cuts on Thursday.", "the budget cuts"),
    ("The union called for more funding in a statement on Friday.", "more funding"),
    # a participle of saying after the reported clause is the speaker's own gloss
    ("The mayor has said that the new tax will hurt small shops, pointing to a survey of local owners.",
     "the new tax will hurt small shops"),
    ("The agency said the bridge was safe, citing an inspection carried out in May.", "the bridge was safe"),
])
def test_a_content_ends_where_what_was_said_ends(reader, text, content):
    a = reader.read(text)
    first = " ".join(content.split()[:3])
    assert a.span_text(_quote(a, first).content) == content


def test_the_cues_own_second_predicate_stays_out_of_the_content(reader):
    a = reader.read("The governor pledged to cut property taxes and urged lawmakers to act.")
    assert "urged" not in a.span_text(_quote(a, "to cut property taxes").content)


# ---- class 3: an interview's labelled turns ------------------------------------------------

INTERVIEW = ("Maria Lopez grew up in a mining town and now runs the largest clinic in the province. "
             "Questions and answers have been edited for length.\n\n"
             "Q: You opened the clinic in 2015. Why?\n\n"
             "A: I saw families driving four hours for a checkup. Nobody should have to do that.\n\n"
             "Q: What has changed since then?\n\n"
             "A: We see two hundred patients a week, and my colleagues say the waiting list has never "
             "been shorter.\n")


def test_an_interviews_answer_is_the_interviewees_statement(reader):
    a = reader.read(INTERVIEW)
    q = _quote(a, "I saw families driving")
    assert a.span_text(q.content).startswith("I saw families") and "Nobody should" in a.span_text(q.content)
    assert a.entity(q.speaker).name == "Maria Lopez"
    assert a.span_text(q.speaker_mention) == "A" and q.kind == "direct"


def test_an_interviews_question_asserts_nothing_but_what_it_reports_stays(reader):
    a = reader.read(INTERVIEW.replace("What has changed since then?",
                                      "The health minister said last week that rural clinics are closing. Why?"))
    assert all("Why?" not in a.span_text(q.content) for q in a.quotes)
    q = _quote(a, "rural clinics are closing")
    assert a.entity(q.speaker).name.lower() == "health minister"


def test_a_report_inside_an_answer_stays_a_statement_of_its_own(reader):
    a = reader.read(INTERVIEW)
    inner = [(r.claim, r.source_mention) for r in a.attributions] + [(q.content, q.speaker_mention) for q in a.quotes]
    assert any(a.span_text(c).startswith("the waiting list has never") and m and a.span_text(m) == "my colleagues"
               for c, m in inner)


def test_a_lone_label_makes_no_interview(reader):
    a = reader.read("A: the first option, said the panel. Q. Smith chaired it.")
    assert all(q.speaker_mention is None or a.span_text(q.speaker_mention) not in ("A", "Q") for q in a.quotes)


# ---- what was asked of someone: the addressee is part of the content ------------------------

@pytest.mark.parametrize("text, content", [
    ("The farmers' union urged the regional council to delay the vote on the new water tariffs.",
     "the regional council to delay the vote on the new water tariffs"),
    ("Lawyers for the families have asked the appeals court to reopen the case.",
     "the appeals court to reopen the case"),
])
def test_what_was_asked_of_someone_holds_whom_it_was_asked_of(reader, text, content):
    a = reader.read(text)
    assert content in [a.span_text(q.content) for q in a.quotes] + [a.span_text(r.claim) for r in a.attributions]


def test_a_promise_to_someone_does_not_make_them_act(reader):
    a = reader.read("The governor promised voters to cut property taxes by a tenth next year.")
    assert all(not a.span_text(q.content).startswith("voters") for q in a.quotes)


def test_whom_someone_told_is_no_statement(reader):
    a = reader.read("The minister later told reporters in the capital. She also told a long story about her "
                    "first campaign.")
    said = [a.span_text(q.content) for q in a.quotes]
    assert not any(s.startswith("reporters") for s in said)


def test_a_document_issued_is_no_statement_but_what_it_says_is(reader):
    a = reader.read("The refugee agency issued a statement on Tuesday. The statement said the camps were full.")
    said = [a.span_text(q.content) for q in a.quotes]
    assert "a statement" not in said
    assert "the camps were full" in said
