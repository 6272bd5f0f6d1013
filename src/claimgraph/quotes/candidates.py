"""Attribution candidates over the dependency parse: a cue with a possible content.

A candidate is a verb (the *cue*) with one of its dependents as the reported
*content*: the clausal complement of a reporting verb (*says that …*), the object of
an evaluative or intentional verb (*criticised the plan*, *wants a recount*), the
object of a preposition (*called for …*), a noun's complement (*the claim that …*),
a headline colon, or a quote that surrounds the verb (*“…,” he said.*). This is the
candidate space of Pareti (2015, "Attribution: a computational approach", PARC 3.0)
and of Newell et al. (2018, PolNeAR), which both define attribution as
source–cue–content triples anchored on the cue. Which candidates are attributions,
and where their contents end, is decided by :mod:`.cues`.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from claimgraph.parsed import doc_text, line_break_tokens, sentence_starts, tokens_with
from claimgraph.entities.handoff import (DESC_ORG_NOUNS, KIND_NOUNS, ORG_NOUNS, PERSON_NOUNS, PLACE_NOUNS, TITLES,
                                        inside_quotation, names_people, token_entity_type)
from claimgraph.lexicon.gazetteer import fold, gazetteer
from claimgraph.quotes.turns import labelled_turns
from claimgraph.lexicon import DOCUMENT_NOUNS, REPORTING_LEMMAS, is_quote_mark, quote_mark_between, verb_classes

# dependency labels (ClearNLP / spaCy English)
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "parataxis"})
PREP_CONTENT_DEPS = frozenset({"pobj", "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
SUBJECT_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "pcomp", "acomp", "oprd", "npadvmod"})
CLAUSE_TRIM_DEPS = frozenset({"mark"})

# verbs whose subject and complement are the content ("Garland looks dead on arrival")
EVIDENTIAL_SELF_LEMMAS = frozenset({"seem", "appear", "look", "sound"})

@dataclass
class Candidate:
    """A cue verb with one possible content span and the speaker the parse suggests."""

    cue: Token
    content_start: int  # token indices, end-exclusive
    content_end: int
    relation: str  # dependency label of the content (or "quote" / "prep:for")
    speaker: Optional[Token] = None  # head token of the speaker phrase
    score: float = 0.0


def subject_of(verb: Token) -> Optional[Token]:
    """The subject of ``verb``, inherited from the governing verb for xcomp/conj/advcl."""
    if _framing_participle(verb):
        return verb.head  # "“…?” the 43-year-old asked": not a participle of asking
    if _passive_of_asking(verb):
        return None  # "Trump, when asked about it, …": the one asked is not the one asking
    frame = _frame_participle_of(verb)
    if frame is not None:
        return subject_of(frame)
    opening = _opening_participle_subject(verb)
    if opening is not None:
        return opening
    seen = 0
    tok = verb
    while seen < 5:
        subj = _own_subject(tok, inherited=seen > 0)
        if subj is not None and subj.ent_type_ in TIME_ENT_TYPES:
            subj = _named_after_time(subj, tok) or subj
        if subj is not None:
            subj = _past_object_of_verb_before(_renamed_past_quotation(subj))
            if _expletive(subj):
                return None
            frame = _frame_before(verb, subj) if seen and verb.tag_ == "VBG" else None
            if frame is None and seen and verb.tag_ == "VBG":
                frame = _speaking_subject_above(tok, subj)
            return frame if frame is not None else _named_in_title(_past_heading(subj))
        for child in tok.children:
            if child.dep_ == "nsubjpass" and not any(c.dep_ == "agent" for c in tok.children):
                if tok.lemma_ in ("quote", "cite"):
                    return child
        head = tok.head
        if tok.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("PROPN", "NOUN") and tok.tag_ in ("VBD", "VBZ") \
                and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.children):
            # "Leavitt called the comments …", "Thune, a member of …, called on him to
            # withdraw" parsed as a noun phrase: the noun is the subject
            return head
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and (
                head.pos_ == "PROPN" or head.tag_ == "NNS" or head.ent_type_ in ("PERSON", "ORG", "NORP")):
            return tok.head  # "staff members suggesting that …": the noun does the suggesting
        controller = _object_controller(tok)
        if controller is not None:
            return controller
        experiencer = _experiencer(tok) if seen == 0 else None
        if experiencer is not None:
            return experiencer
        if tok.dep_ in SUBJECT_INHERIT_DEPS and tok.head is not tok:
            tok = _participle_conjoined_to(tok) or _inherits_from(tok)
            seen += 1
            # "issued a statement calling for …": through the noun to its verb
            while tok.dep_ in ("dobj", "pobj", "prep") and tok.head is not tok and seen < 5:
                tok = tok.head
                seen += 1
            continue
        if tok.dep_ == "relcl" and tok.head is not tok:
            clause = _clause_of_unspeaking_noun(tok)
            if clause is not None:
                tok = clause
                seen += 1
                continue
            return predicated(tok.head)
        if _unattached_predicate(tok):
            tok = tok.head
            seen += 1
            continue
        break
    # "…,” wrote the ambassador: an inverted subject the parser took for an object; "…,” read
    # the statement: a document that reads so
    if verb.lemma_ in REPORTING_LEMMAS or verb.lemma_ == "read":
        nxt = next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod")
                    and c.ent_type_ not in TIME_ENT_TYPES), None)
        if nxt is not None and verb.lemma_ == "read" and nxt.lemma_.lower() not in DOCUMENT_NOUNS:
            nxt = None
        if nxt is not None and (nxt.ent_type_ in SPEAKING_ENT_TYPES or nxt.pos_ == "PROPN"
                                or nxt.pos_ == "NOUN" and could_speak(nxt)):
            left = verb.doc[verb.i - 1] if verb.i > 0 else None
            if left is not None and (left.is_punct or left.is_quote):
                return nxt
        name = _name_after_quotation(verb)
        if name is not None:
            return name
    return _stranded_subject(verb)


def _past_object_of_verb_before(subj: Token) -> Token:
    """"Rubio has won *a state and Cruz* suggested …": a common noun that follows a verb with
    nothing between is that verb's object, which the parser conjoined to the name that is
    the subject of the next clause; the name is the subject."""
    doc = subj.doc
    before = subj.left_edge.i - 1
    if subj.pos_ != "NOUN" or subj.ent_type_ or before < 0 or doc[before].pos_ not in ("VERB", "AUX") \
            or doc[before].dep_ in ("aux", "auxpass"):
        return subj
    return next((c for c in subj.children if c.dep_ == "conj" and c.pos_ == "PROPN"), subj)


def _speaking_subject_above(clause: Token, subj: Token) -> Optional[Token]:
    """"Trump struck populist *notes* similar to those Sanders had sounded, *trumpeting* …": a
    participle the parser hung on a clause whose subject cannot say anything (a thing, an
    amount) belongs to a clause above it; the nearest subject up the clauses that can
    speak, or None."""
    if subj.pos_ != "NOUN" or could_speak(subj):
        return None
    node = clause
    for _ in range(4):
        if node.dep_ not in ("ccomp", "conj", "advcl", "xcomp") or node.head is node:
            return None
        node = node.head
        own = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if own is not None:  # (not a demonstrative: "*That* meant the vessel was …, indicating …")
            return own if could_speak(own) and own.tag_ != "DT" and own.lower_ not in ("it", "this", "that") \
                and not inside_quotation(node.doc, own.idx) else None
    return None


def _frame_before(verb: Token, subj: Token) -> Optional[Token]:
    """"“They should consider changing their name,” the spokesperson added, *further
    describing* the challenges as …": a participle outside a quotation that the parser hung
    on the quoted verb inherited a subject inside the quotation, which cannot be the one
    who describes; the subject of the frame's reporting verb before it is. None when the
    inherited subject is not inside a quotation or no frame precedes."""
    doc = verb.doc
    if not inside_quotation(doc, subj.idx) or inside_quotation(doc, verb.idx):
        return None
    for k in range(verb.i - 1, verb.sent.start - 1, -1):
        tok = doc[k]
        if tok.lemma_ in REPORTING_LEMMAS and tok.pos_ == "VERB":
            own = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if own is not None and not inside_quotation(doc, own.idx):
                return own
    return None


def _named_in_title(subj: Token) -> Token:
    """"U.N. Resident *Coordinator* for Myanmar *Andrew Kirkwood* said", "Minister of Health
    Jane Doe said": a title whose phrase ends in a person's name (tagged so, or with a given
    name) — the parser hung the name on the title's preposition — is that person's; the
    name is the subject."""
    if subj.lower_ not in PERSON_NOUNS and subj.lower_ not in TITLES:
        return subj
    for prep in subj.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at"):
            name = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if name is not None and name.pos_ == "PROPN" and name.i == subj.right_edge.i and (
                    name.ent_type_ == "PERSON" or any(c.dep_ == "compound" and fold(c.text) in gazetteer().given_names
                                                      for c in name.children)) and _title_domain_before(name):
                return name
    return subj


def _title_domain_before(name: Token) -> bool:
    """The title's own field stands between its preposition and the person's name
    ("for *Myanmar* Andrew Kirkwood", "of *Health* Jane Doe"): without one the name is the
    preposition's object, someone else ("a lawyer for Hunter Biden said", "the wife of
    Alexei Navalny", "a spokesman for Prime Minister Keir Starmer")."""
    doc = name.doc
    k = name.i - 1
    while k >= name.left_edge.i and fold(doc[k].text) in gazetteer().given_names and doc[k].head.i == name.i:
        k -= 1  # the person's given names
    if k < name.left_edge.i or k == name.i:
        return False
    field = doc[k]
    if not field.is_alpha or not field.text[:1].isupper():
        return False
    if field.ent_type_ in ("GPE", "LOC", "NORP", "ORG", "FAC") or gazetteer().place(field.text) is not None:
        return True
    return field.ent_type_ != "PERSON" and field.lower_ not in TITLES and field.lower_ not in PERSON_NOUNS


def _past_heading(subj: Token) -> Token:
    """"Position on China Beyond Ukraine, *G7 foreign ministers* also discussed …": a bare
    singular noun opening its sentence, with no determiner (which an English subject of that
    kind needs: Quirk et al. 1985, §5.36), is a sub-heading the extraction ran into the text;
    the parser hung the real subject on it as an appositive, and that is the subject."""
    if subj.tag_ != "NN" or subj.i != subj.sent.start or not subj.is_title:
        return subj
    if any(c.dep_ in ("det", "poss", "nummod") for c in subj.children):
        return subj
    appos = next((c for c in subj.rights if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")), None)
    return appos if appos is not None and appos.i > 0 and subj.doc[appos.left_edge.i - 1].text == "," else subj


def _opening_participle_subject(verb: Token) -> Optional[Token]:
    """"*While noting* “…,” Rasmussen expressed concern …": a participle clause that opens
    its sentence (after at most a subordinator) takes the subject of the sentence's main
    verb — the subject control of adjunct participles (Quirk et al. 1985, §15.58) — even when
    the parser hung it on a verb inside the quotation it governs (whose subject is not the
    one noting)."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "ccomp"):
        return None
    sent = verb.sent
    if verb.i - sent.start > 1 or verb.i > sent.start and verb.doc[sent.start].dep_ != "mark":
        return None
    root = sent.root
    if root.i <= verb.i:
        return None
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i
                 and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _participle_conjoined_to(verb: Token) -> Optional[Token]:
    """"Rubio pushed back, *saying* the bill … was waylaid by voter mistrust — *and arguing*
    that …": a bare present participle can only be conjoined to another participle, so one
    the parser conjoined to a finite or passive verb inside the clause before belongs with
    the participle above it (the coordination of likes, Quirk et al. 1985 §13.7), whose
    subject it shares; that participle, or None."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None
    head = verb.head
    if head.tag_ == "VBG" or head.pos_ not in ("VERB", "AUX"):
        return None
    node = head
    while node.head is not node and node.dep_ in ("ccomp", "conj", "xcomp", "advcl"):
        node = node.head
        if node.tag_ == "VBG" and node.pos_ == "VERB" and node.dep_ in ("advcl", "xcomp", "conj"):
            return node
    return None


def _inherits_from(tok: Token) -> Token:
    """The verb a subject-less verb takes its subject from: its head, except for the
    reporting verb's own second predicate conjoined by the parser to the clause it reports
    ("Lee forecast that the economy would rebound *and praised* the plan", "says the goal is
    X, *but conceded* that …"): that one is the reporting verb's (as :func:`content_bounds`
    cuts it from the content)."""
    head = tok.head
    if tok.dep_ == "conj" and head.dep_ == "ccomp" and head.head is not head and _second_predicate(tok, head, head.head):
        return head.head
    return head


#: verbs whose subject, not their object, does what their infinitive says ("promised
#: voters to cut taxes"); with any other verb the object does ("forced him to admit …")
SUBJECT_CONTROL_LEMMAS = frozenset({"promise", "vow", "pledge", "threaten"})


def _object_controller(verb: Token) -> Optional[Token]:
    """The object that controls an infinitive (object control, Rosenbaum 1967; Chomsky
    1981): "forced Stumpf *to admit* …", "has led the journalist *to fear* …", "prompted
    NATO *to order* …" — the object admits, fears, orders; not the subject of the verb."""
    if verb.dep_ != "xcomp" or verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    if head is verb or head.lemma_ in SUBJECT_CONTROL_LEMMAS:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i
                and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
    # "*Using a crude expression* to describe the Turks …": a thing used does not describe;
    # the infinitive says what for, and the subject does
    return obj if obj is not None and could_speak(obj) else None


#: entity types of those who can say or think something: a predicate nominal's subject
#: ("*Grijalva* was the first Democrat to endorse …"), a name before a headline colon
SPEAKING_ENT_TYPES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: entity types of amounts and times, which say nothing
MEASURE_ENT_TYPES = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "DATE", "TIME"})
#: nouns of people and collectives that speak, without an agent's ending
SPEAKER_NOUNS = frozenset("""people public crowd audience electorate majority minority side camp
staff panel board campaign guy folk folks kid individual critic skeptic sceptic user netizen fan""".split())


def could_speak(noun: Token) -> bool:
    """Can the noun stand for someone who says or thinks something — a name, a pronoun, a
    person, a group of people, an organisation, a place (its government) or a document — and
    not a thing, an act or a manner ("*his way* to say", "*a crude expression* to describe",
    "*an attack* to exploit …")?"""
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is not None and could_speak(whole):
        return True  # "an unprecedented *number of Republicans*", "two of the senators"
    if noun.ent_type_ in MEASURE_ENT_TYPES:
        return False  # "4.9 percent", "$20 million", "Tuesday"
    if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in SPEAKING_ENT_TYPES:
        return True
    lemma = noun.lemma_.lower()
    return (names_people(noun) or lemma in ORG_NOUNS or lemma in DESC_ORG_NOUNS or lemma in PLACE_NOUNS
            or lemma in DOCUMENT_NOUNS or lemma in SPEAKER_NOUNS
            or any(lemma in kind for kind in KIND_NOUNS.values()))


def _clause_of_unspeaking_noun(clause: Token) -> Optional[Token]:
    """"He went out of *his way to say* …", "Democrats adopted *an attack to exploit* her
    position by labeling her …": an infinitive the parser hung on a noun that cannot say
    anything (a manner, an act, a means) is a purpose or manner adjunct whose understood
    subject is the clause's (subject control, Quirk et al. 1985 §15.46), not the noun. The
    verb of the clause the noun stands in, or None (a noun that can speak keeps the
    infinitive: "the first Democrat *to endorse* him")."""
    if clause.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        return None
    noun = clause.head
    if noun.pos_ != "NOUN" or could_speak(noun):
        return None
    node = noun
    while node.dep_ in ("dobj", "pobj", "prep") and node.head is not node:
        node = node.head
    return node if node is not noun and node.pos_ in ("VERB", "AUX") else None


def predicated(noun: Token) -> Token:
    """The noun a relative clause modifies, or, when that noun is the predicate of a copula
    whose subject is a name or a person pronoun, that subject: in "Grijalva was the first
    Democrat to endorse Sanders" Grijalva endorsed him; "Lee is among those who say …",
    "Lee is one of those who say …": Lee says it."""
    head = noun.head
    if noun.dep_ == "attr":
        copula = head
    elif noun.dep_ == "pobj" and head.lower_ == "among":
        copula = head.head
    elif noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "attr":
        copula = head.head.head
    else:
        return noun
    if copula.lemma_ != "be":
        return noun
    subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subj is not None and (subj.pos_ == "PROPN" or subj.ent_type_ in SPEAKING_ENT_TYPES
                             or subj.lower_ in ("he", "she", "they", "i", "we")):
        return subj
    return noun


def _framing_participle(verb: Token) -> bool:
    """A reporting verb the parser read as a participle on the noun before it (a reduced
    relative), where it can only be the finite verb of a quotation's frame: right after
    the quotation ("“…?” the 43-year-old *asked* in the video") or right before the colon
    that opens it ("X, the party's nominee, *tweeted* in response: “…”"). The noun is its
    subject. Not with a passive's agent ("the statement *issued* by the ministry")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.lemma_ not in REPORTING_LEMMAS or verb.i < verb.head.i:
        return False
    if any(c.dep_ in ("agent", "auxpass", "aux") for c in verb.children):
        return False
    doc = verb.doc
    before = verb.head.left_edge.i - 1
    after = verb.right_edge.i + 1
    return (before >= 0 and is_quote_mark(doc[before])
            or after + 1 < len(doc) and doc[after].text == ":" and is_quote_mark(doc[after + 1]))


#: verb classes whose passive subject holds the belief or feeling ("she *is assured of*
#: winning", "voters *were convinced* that …"), in any clause; not "expect" ("is expected
#: to": others expect it)
HOLDER_PASSIVE_CLASSES = frozenset({"think", "want", "promise"})


def _experiencer(verb: Token) -> Optional[Token]:
    """The subject of a passive of feeling or thinking in a clause of its own ("…, when *he*
    was embittered at …", "even though *some voters* have been attracted to …"): the one who
    feels it, not the subject of the clause it hangs on. Not a passive of saying or asking
    ("was told", "was asked"), whose subject is the one addressed."""
    if any(c.dep_ == "agent" for c in verb.children):
        return None
    classes = set(verb_classes().get(verb.lemma_.lower(), ()))
    if classes & (ADDRESSEE_CLASSES | {"say"}):
        return None
    if verb.dep_ not in ("advcl", "conj") and (not classes & HOLDER_PASSIVE_CLASSES or any(
            c.dep_ == "xcomp" for c in verb.children)):
        return None  # "Trump *is thought to* …": a raising passive's subject thinks nothing
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _unattached_predicate(verb: Token) -> bool:
    """A finite verb the parser hung on the verb before it with no relation ("dep"), which
    has a subject before both: the main verb of a subject the parser read as a reduced
    relative clause ("Figures reported on Sunday now *suggest* …", "activists clamoring to
    block him *say* …") takes that subject."""
    head = verb.head
    return (verb.dep_ == "dep" and verb.tag_ in FINITE_TAGS and head.pos_ == "VERB" and head.i < verb.i
            and any(c.dep_ in SUBJECT_DEPS and c.i < head.i for c in head.children))


def _frame_participle_of(verb: Token) -> Optional[Token]:
    """"She said her father would do the same, *saying* that he supports equal pay": a
    participle of saying at the end of a reported clause, which the parser hung on the
    reported clause's verb, goes on about the one who reports (a second predicate conjoined
    to the reported clause is :func:`_inherits_from`'s). The reporting verb, or None."""
    if verb.dep_ not in ("advcl", "xcomp") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    head = verb.head
    while head.dep_ == "conj" and head.head is not head and not any(c.dep_ in SUBJECT_DEPS for c in head.children):
        head = head.head  # "said her father has been … and *would do* the same, saying …": the first conjunct's
    reporter = head.head
    if head.dep_ == "acl" and reporter.dep_ == "dobj" and any(c.dep_ == "mark" for c in head.children):
        # "dismissed the accusations that the campaign is violating the law — *saying* …":
        # the clause is the content of a noun, the object of the one who dismisses
        reporter = reporter.head
    elif head.dep_ != "ccomp" or reporter.lemma_ not in REPORTING_LEMMAS:
        return None
    if reporter.i > head.i or reporter.pos_ != "VERB":
        return None
    participle = verb.tag_ == "VBG" and verb.lemma_ in REPORTING_LEMMAS
    before = verb.i - 1
    while before > 0 and is_quote_mark(verb.doc[before]):
        before -= 1  # '… was maniacal,” *adding* …': the comma inside the closing mark
    return reporter if participle and before >= 0 and verb.doc[before].text in PARTICIPLE_BREAKS else None


#: the punctuation that sets a participle off from the clause before it
PARTICIPLE_BREAKS = frozenset({",", "—", "–", "--"})


def _after_quotation(verb: Token) -> bool:
    """The verb comes right after a closing quotation: “…,” said X."""
    doc = verb.doc
    i = verb.i - 1
    while i > 0 and is_quote_mark(doc[i]):
        i -= 1
    return i < verb.i - 1 and doc[i].text in (",", "?", "!")


def _name_after_quotation(verb: Token) -> Optional[Token]:
    """“…,” said Robert Reich, who … — the name right after the verb, however the parser
    attached it (as the subject of a clause it built out of the appositive)."""
    doc = verb.doc
    if not _after_quotation(verb) or verb.i + 1 >= len(doc) or doc[verb.i + 1].pos_ != "PROPN":
        return None
    i = verb.i + 1
    while i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i].dep_ == "compound":
        i += 1
    return doc[i]


TIME_ENT_TYPES = frozenset({"DATE", "TIME"})  # "said Tuesday": when, not who
ADDRESSEE_CLASSES = frozenset({"ask", "urge"})  # verbs whose passive subject is spoken to
PARTICIPLE_MARKERS = frozenset({"when", "if", "after", "once", "before", "while", "as", "unless"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def _stranded_subject(verb: Token) -> Optional[Token]:
    """A finite verb the parser left without a subject ("In a meeting with the Post
    Trump said …", "Senator Reid, the minority leader, said …"): the noun phrase that
    ends right before it, through an appositive to the name it renames."""
    if verb.tag_ not in FINITE_TAGS or verb.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].dep_ in ("aux", "neg", "advmod") or doc[i].text == ","):
        i -= 1
    i = _before_parenthetical(doc, i)
    if i > 0 and doc[i].text == ")":
        # "Sen. Elizabeth Warren (D-MA) said …": the name before the party and state
        opening = next((k for k in range(i - 1, max(i - 8, -1), -1) if doc[k].text == "("), None)
        if opening is not None:
            i = opening - 1
    if i >= 0 and is_age_word(doc[i]):
        return doc[i]  # "“…,” the 58-year-old said": the parser hung the age on the verb
    listed = _subject_of_predicate_before(verb, i)
    if listed is not None:
        return listed
    if i < 0 or doc[i].pos_ not in ("PROPN", "NOUN", "PRON") or doc[i].dep_ in ("poss", "nsubj", "nsubjpass", "expl") \
            or doc[i].ent_type_ in TIME_ENT_TYPES:
        return None  # (nor "*There* are concerns about …": an expletive says nothing; nor "*Friday* (Dec. 13)")
    tok = doc[i]
    # "Whitfield, the majority leader," → Whitfield; but a name stays itself ("Ohio, Senator Whitfield")
    while tok.dep_ in ("appos", "compound") and tok.pos_ != "PROPN" and tok.head.i < verb.i and tok.head is not tok:
        tok = tok.head
    return tok


def _subject_of_predicate_before(verb: Token, i: int) -> Optional[Token]:
    """"He pledged to be … and cast doubt on the official rate of *4.9 percent*, suggested
    that …": a finite verb with no subject after a comma, where the parser made the clause
    before it (ending at ``i``) its complement, is the next predicate of that clause's
    subject, not said by the noun that ends it; the subject, or None."""
    doc = verb.doc
    if i < 0 or verb.i < 1:
        return None
    said = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if said is not None and said.pos_ == "VERB" and not any(t.dep_ not in ("punct", "aux", "neg", "advmod")
                                                           for t in said.rights):
        # "…, *charges* the election board denied": a noun whose relative clause lacks its object
        return None
    for clause in verb.lefts:
        if clause.dep_ not in ("ccomp", "conj") or not clause.left_edge.i <= i <= clause.right_edge.i \
                or inside_quotation(doc, clause.idx):
            continue
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subj is not None and could_speak(subj) and not inside_quotation(doc, subj.idx):
            return subj
    return None


def _named_after_time(subj: Token, verb: Token) -> Optional[Token]:
    """"*Saturday* at the party's state convention *Sen. Elizabeth Warren* (D-MA) said …": a
    time opening the sentence with no comma, which the parser took for the subject and hung
    the name on, says nothing; the name that ends right before the verb inside that phrase
    is the subject (else None)."""
    doc = verb.doc
    if subj.i > verb.i:
        return None
    i = verb.i - 1
    while i >= 0 and (doc[i].dep_ in ("aux", "neg", "advmod") or doc[i].text == ","):
        i -= 1
    if i > 0 and doc[i].text == ")":
        opening = next((k for k in range(i - 1, max(i - 8, -1), -1) if doc[k].text == "("), None)
        if opening is not None:
            i = opening - 1
    if i <= subj.i or i > subj.right_edge.i:
        return None
    tok = doc[i]
    return tok if tok.pos_ == "PROPN" and (tok.ent_type_ in SPEAKING_ENT_TYPES or not tok.ent_type_) else None


#: a hyphen and its Unicode forms (U+2010, U+2011), as the tokenizer splits them off
HYPHENS = ("-", "\u2010", "\u2011")


def is_age_word(tok: Token) -> bool:
    """The "old" of an age used as a noun phrase ("the 58-year-old"), split by the tokenizer."""
    doc = tok.doc
    return tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 1].text in HYPHENS \
        and doc[tok.i - 2].lower_ == "year"


def _before_parenthetical(doc: Doc, i: int) -> int:
    """Where the noun phrase before a verb ends when ``doc[i]`` closes a prepositional phrase
    set off by commas ("Trump, *in Kentucky*, said …"): before the phrase's first comma."""
    if i < 1 or doc[i].dep_ != "pobj" or doc[i + 1].text != ",":
        return i
    prep = doc[i].head
    if prep.dep_ != "prep" or prep.i < 2 or doc[prep.i - 1].text != ",":
        return i
    return prep.i - 2


def _passive_of_asking(verb: Token) -> bool:
    """"(when) asked whether …", "urged to …": a verb of asking or urging used as a bare
    participle, whose understood subject is the one addressed (tagged VBN, or VBD after
    "when" where the tagger misses the participle)."""
    if verb.tag_ == "VBG" or not ADDRESSEE_CLASSES & set(verb_classes().get(verb.lemma_.lower(), ())):
        return False  # "…, while also *suggesting* that …": a present participle is active
    kids = list(verb.children)
    if any(c.dep_ in ("agent", "nsubj", "csubj", "aux", "nsubjpass") for c in kids):
        return False
    if verb.tag_ == "VBN" or any(c.lower_ in PARTICIPLE_MARKERS for c in kids if c.dep_ in ("advmod", "mark")):
        return True
    # "Asked whether the star had changed things, Okafor laughed.": an adverbial clause with
    # no subject that opens its sentence is a participle, however the tagger read it
    return verb.dep_ == "advcl" and verb.i == verb.sent.start and verb.head.i > verb.i


EXPLETIVE_HEADS = frozenset("be seem appear become remain mean look sound".split())


def _expletive(subj: Token) -> bool:
    """"It is unclear whether …", "it seems …", "it's hard to imagine …", "This means
    that …": a pronoun that stands for nothing (or for the text itself) says nothing."""
    if subj.lower_ == "there" or subj.dep_ == "expl":
        return True  # "There was widespread anger at …"
    if subj.lower_ in ("this", "that") and subj.tag_ == "DT":
        return subj.head.lemma_ in ("mean", "be")  # "This means that …", "That's not to say …"
    return subj.lower_ == "it" and subj.head.lemma_ in EXPLETIVE_HEADS


def _own_subject(tok: Token, inherited: bool) -> Optional[Token]:
    """A verb's own subject: nsubj before csubj ("Cross-referencing the records, the
    researchers found …"), else the agent of a passive. A verb conjoined to a passive
    takes the passive's subject, not its agent ("officials were angered by the deal and
    predicted …")."""
    kids = list(tok.children)
    for dep in ("nsubj", "csubj"):
        subjects = [c for c in kids if c.dep_ == dep]
        if len(subjects) > 1:
            return _likelier_subject(tok, subjects)
        if subjects:
            return subjects[0]
    if inherited:
        passive = next((c for c in kids if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            return passive
    for child in kids:
        if child.dep_ == "agent":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _likelier_subject(verb: Token, subjects: list[Token]) -> Token:
    """Of two subjects the parser gave one verb, the one that is: the subject after the verb
    when a quotation stands before it ("“Safety,” said Grimm": the quoted word is not the
    one who said it), else the one nearest before the verb, outside any quotation ("“Maybe
    the difference …,” *he* wondered", "Cross-referencing the records, *the researchers*
    found …": what comes first is a quotation or a fronted phrase)."""
    doc = verb.doc
    if any(is_quote_mark(t) for t in doc[subjects[0].i:verb.i]):
        after = [c for c in subjects if c.i > verb.i]
        if after:
            return after[0]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else subjects[0]


def content_bounds(head: Token, cue: Optional[Token] = None) -> tuple[int, int]:
    """Token span of ``head``'s subtree without a leading complementiser or trailing punctuation.

    A verb conjoined to the content without a subject of its own ("said he would
    order a review *and warned against* …") is the cue's second predicate, not content —
    when the cue is known, only if it is a reporting verb or in the cue's form rather
    than the content's ("said Cameron will work … *and is committed* to …" goes on). A
    clause after "but" is cut, unless the cue is known and the clause goes on about the
    same subject: "says she hopes to win, *but she knows* that …" is all hers; "said the
    unit had better food, *but many servicemen* still suffered" stops at the comma.
    """
    start, end = head.left_edge.i, head.right_edge.i + 1
    doc = head.doc
    if head.pos_ in ("VERB", "AUX"):
        for child in sorted((c for c in head.conjuncts if c.i > head.i), key=lambda c: c.i):
            # (a conjunct of a conjunct too: "said the bill had …, but was waylaid … *and arguing* …")
            contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") and c.i < child.i
                           for c in child.head.children)
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and (
                    contrast and (cue is None or not _same_subject(child, head)) or not any(
                    g.dep_ in SUBJECT_DEPS for g in child.children) and _second_predicate(child, head, cue)):
                cut = child.left_edge.i
                while cut > start and doc[cut - 1].dep_ in ("cc", "punct"):
                    cut -= 1
                end = min(end, cut)
                break
    for i in _including(doc, start + 2, end):
        # ", including within the framework of …" at the end elaborates on the content's
        # action; it is not what was said (", including 38 superdelegates" is: it says
        # what a number or a list holds)
        if doc[i - 1].text == "," and doc[i].right_edge.i >= end - 1 \
                and i + 1 < len(doc) and doc[i + 1].pos_ in ("ADP", "SCONJ", "ADV"):
            end = i - 1
            break
    # a clause does not go on past the end of its paragraph (the parser may hang the next
    # paragraph on it: "Ms. Lee was asked about the strike.¶“We have never …”")
    anchor = max(head.i, cue.i if cue is not None else head.i)
    breaks = line_break_tokens(doc)
    k = bisect.bisect_left(breaks, anchor)
    brk = breaks[k] if k < len(breaks) and breaks[k] < end else None
    if brk is not None:
        end = min(end, brk + 1)
    if cue is not None and start == cue.i + 1:
        start = _past_time_of_saying(doc, start, end)
    while start < end and (doc[start].dep_ in CLAUSE_TRIM_DEPS and doc[start].lower_ in ("that", "whether", "if")
                           and not _condition_mark(doc[start])
                           or doc[start].is_punct and not is_quote_mark(doc[start])):
        start += 1
    end = _without_final_punct(doc, start, end)
    return start, end


#: the subordinators of a condition ("*If* the talks fail, the ceasefire could collapse")
CONDITION_MARKS = frozenset({"if", "unless"})


def _condition_mark(tok: Token) -> bool:
    """"said that *if* the talks fail, …": the "if" of an adverbial clause inside the
    content is the content's condition, kept in it; the "if" of "asked *if* they had
    failed" introduces the content itself and goes."""
    return tok.lower_ in CONDITION_MARKS and tok.dep_ == "mark" and tok.head.dep_ == "advcl"


def _with_fronted_condition(cue: Token, start: int) -> int:
    """The content's start, moved back to a condition that the parser hung on a
    parenthetical cue before the content ("*If the talks fail*, AP notes, the ceasefire
    could collapse"): the condition is part of the claim."""
    for child in cue.lefts:
        if child.dep_ == "advcl" and child.right_edge.i < start \
                and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in child.children):
            return child.left_edge.i
    return start


#: punctuation that ends a content as part of its last word ("up to 30%")
KEPT_AT_END = "%"


def _without_final_punct(doc: Doc, start: int, end: int) -> int:
    """``end`` moved back past punctuation, keeping quote marks and a final "%", and past a
    conjunction left dangling ("is still possible *but*" before the cue's second verb)."""
    while end > start and (doc[end - 1].is_punct and not is_quote_mark(doc[end - 1])
                           and doc[end - 1].text != KEPT_AT_END or doc[end - 1].dep_ == "cc" and end > start + 1):
        end -= 1
    return end


def _renamed_past_quotation(subj: Token) -> Token:
    """"“… but also friends,” Mary Stone, the chief of staff, said": a subject inside a
    quotation with the name after the closing mark in apposition to it is that name."""
    for app in subj.rights:
        if app.dep_ == "appos" and quote_mark_between(subj.doc, subj.i, app.left_edge.i):
            return app
    return subj


def _before_own_speaker(doc: Doc, start: int, end: int, speaker: Optional[Token]) -> int:
    """"“They were rivals, but also friends,” Mary Stone, the chief of staff, said": where
    the parser hung the speaker on the quotation's last word, the content ends at the
    closing mark before the speaker."""
    if speaker is None or not start < speaker.i < end:
        return end
    marks = [k for k in range(start + 1, speaker.i) if is_quote_mark(doc[k])]
    return marks[-1] + 1 if marks else end


def _past_time_of_saying(doc: Doc, start: int, end: int) -> int:
    """"said *on Monday* they would cut prices", "said *Tuesday* the tariffs would stay":
    a date right after the cue is when it was said, which the parser hangs on the
    content's verb; the content starts after it (where a clause of some words is left)."""
    k = start + 1 if doc[start].lower_ == "on" else start
    if k >= end or doc[k].ent_type_ != "DATE" or doc[k].ent_iob_ != "B":
        return start
    e = k + 1
    while e < end and doc[e].ent_iob_ == "I":
        e += 1
    if e < end and doc[e].tag_ == "POS":
        return start  # "welcomed *Tuesday’s* announcement that …": the date is a possessive of the content
    if e < end and doc[e].lower_ == ",":
        e += 1
    rest = doc[e:end]
    if len(rest) < 3 or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return start
    return e


def _including(doc: Doc, start: int, end: int) -> list[int]:
    """Indices of the word "including" in ``[start, end)``, from a list made once per doc."""
    at = doc.user_data.get("cg_including")
    if at is None:
        at = doc.user_data["cg_including"] = [t.i for t in tokens_with(doc, "LOWER", ("including",))]
    return at[bisect.bisect_left(at, start):bisect.bisect_left(at, end)]


def _same_subject(conj: Token, head: Token) -> bool:
    """Do two conjoined clauses have the same subject (the same word, or a pronoun)?"""
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in conj.children):
        return True  # "says he opposes X but *that* the plans won't help": a second complement
    a = next((c for c in conj.children if c.dep_ in SUBJECT_DEPS), None)
    if a is None:
        return True  # "he could win X but would be hard-pressed": the head's subject goes on
    b = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    return b is not None and (a.pos_ == "PRON" or (a.lemma_ or a.text).lower() == (b.lemma_ or b.text).lower())


def _second_predicate(conj: Token, head: Token, cue: Optional[Token]) -> bool:
    """Is a subject-less verb conjoined to the content head the cue's own second verb?"""
    if cue is None:
        return True
    if conj.tag_ == cue.tag_ == "VBD" and any(c.dep_ == "auxpass" for c in head.children) \
            and any(c.dep_ == "dobj" for c in conj.children):
        # "warned that more storms were expected and *issued a red alert*": an active past
        # verb with an object cannot go on a passive content; it goes on the cue
        return True
    return conj.lemma_ in REPORTING_LEMMAS or conj.tag_ == cue.tag_ != _finite_tag(head)


def _finite_tag(verb: Token) -> str:
    """The tag of the word that carries a verb's tense: its auxiliary when it has one ("did
    not *condone*" is past, like the "hoped" conjoined to it), else its own."""
    aux = next((c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), None)
    return aux.tag_ if aux is not None else verb.tag_


def prep_object_bounds(prep: Token) -> Optional[tuple[int, int]]:
    """Token span of a preposition's object ("called *for* an inquiry" → "an inquiry")."""
    objs = [g for g in prep.children if g.dep_ in PREP_CONTENT_DEPS]
    return content_bounds(objs[0]) if objs else None


#: prepositions whose object is what a reporting verb is about ("warned of the danger that …"):
#: a that-clause on that object belongs to the object
ABOUT_PREPS = frozenset({"of", "about", "against"})


def _misattached_that_clause(verb: Token, child: Token) -> Optional[Token]:
    """"had warned *for months* that the law would …", "said on X, *formerly Twitter*, that
    the government would …", "said *in a statement* that …": the small parser hangs a
    reporting verb's that-clause on a noun between them (as a relative clause or noun
    complement). A that-*mark* (a relative "that" is the clause's subject or object) on a
    time, medium or document noun under the verb is the verb's content; its head, or None."""
    if verb.lemma_ not in REPORTING_LEMMAS or any(c.dep_ == "ccomp" for c in verb.children) or child.i < verb.i:
        return None
    if child.dep_ == "prep":
        if child.lower_ in ABOUT_PREPS:
            return None
        obj = next((g for g in child.children if g.dep_ == "pobj"), None)
    else:
        obj = child if child.dep_ == "npadvmod" else None
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    # (an adjective too: "said in a statement that the president was “deeply disappointed”")
    return next((c for c in obj.rights if c.dep_ in ("acl", "relcl", "ccomp") and c.pos_ in ("VERB", "AUX", "ADJ")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


MODALS = frozenset({"would", "could", "will", "might", "may", "should", "must", "can"})


def _reported_conjunct_end(verb: Token, end: int) -> int:
    """"said in a statement that it was “bitterly disappointed” *and would ask the council to
    reconsider*": a subjectless modal clause right after a misattached that-clause, which the
    parser conjoined to the reporting verb, goes on with what was said, and so does a second
    that-clause ("… that he was “devastated” *and that the venue would stay closed*"); the new end."""
    doc = verb.doc
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.left_edge.i < end:
            continue
        second = conj.left_edge.lower_ == "that" and any(c.dep_ == "mark" and c.i == conj.left_edge.i
                                                          for c in conj.children)
        if not second and any(c.dep_ in SUBJECT_DEPS for c in conj.children):
            continue
        if not second and not any(c.dep_ == "aux" and c.lower_ in MODALS for c in conj.children):
            continue
        if all(t.dep_ == "cc" or t.is_punct for t in doc[end:conj.left_edge.i]) and conj.left_edge.i > end:
            return _without_final_punct(doc, end, conj.right_edge.i + 1)
    return end


def generate_candidates(doc: Doc) -> Iterator[Candidate]:
    """Every verb–dependent pair that could be a cue with its content."""
    yield from _colon_candidates(doc)
    yield from _turn_candidates(doc)
    yield from _evidence_in_candidates(doc)
    from claimgraph.quotes.predicates import predicate_candidates  # (it builds on this module)
    yield from predicate_candidates(doc)
    for tok in tokens_with(doc, "POS", ("NOUN", "VERB", "AUX")):  # no other word is a cue
        if tok.pos_ == "NOUN":
            yield from _noun_candidates(tok)
        if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT") or _discourse_idiom(tok):
            continue
        speaker = None
        speaker_done = False
        for child in tok.children:
            rel = child.dep_
            if rel in CONTENT_DEPS:
                if rel == "parataxis" and child.i > tok.i:
                    continue
                if child.i < tok.i and _introduces_quotation(tok):
                    continue  # "“A.” Mr. Zahed said: “B.”": the cue's words are B, not A
                if rel == "xcomp" and child.pos_ not in ("VERB", "AUX"):
                    continue
                start, end = content_bounds(child, tok)
                if child.i < tok.i:
                    speaker, speaker_done = subject_of(tok), True
                    end = _before_own_speaker(doc, start, end, speaker)
                if rel == "ccomp" and tok.dep_ == "relcl" and tok.head.i < tok.i and child.i > tok.i \
                        and not any(c.dep_ in SUBJECT_DEPS for c in child.children) \
                        and not any(t.dep_ in ("prep", "pobj") for t in tok.doc[tok.head.i + 1:tok.i]):
                    # "a probe the agency said was ongoing": the noun the relative clause
                    # hangs on is the subject of what was said, and part of it
                    start = min(start, tok.head.left_edge.i)
                elif rel == "ccomp" and child.i > tok.i and not any(c.dep_ in SUBJECT_DEPS for c in child.children):
                    # "showed [the party with the highest turnout] [won only four times]": the
                    # parser took the subject of what was shown for an object of the cue
                    lead = [c for c in tok.rights if c.i < child.left_edge.i and c.dep_ in ("dobj", "prep")
                            and c.right_edge.i + 1 >= child.left_edge.i - 1]
                    if lead:
                        start = min(start, lead[0].left_edge.i)
                if rel == "ccomp" and child.i > tok.i and doc[start - 1].text == ",":
                    # "If the talks fail, the minister said, the ceasefire could collapse":
                    # the condition before the frame set off by commas is the content's
                    start = _with_fronted_condition(tok, start)
            elif rel in ("prep", "npadvmod") and tok.pos_ == "VERB" \
                    and (clause := _misattached_that_clause(tok, child)) is not None:
                # "had warned for months that the law would …": the that-clause is the cue's
                start, end = content_bounds(clause, tok)
                end = _reported_conjunct_end(tok, end)
                rel = "ccomp"
            elif rel == "prep" and tok.pos_ == "VERB":
                bounds = prep_object_bounds(child)
                if bounds is None or _as_saying(child) or _addressed(tok, child) or _circumstance(child):
                    continue
                (start, end), rel = bounds, f"prep:{child.lower_}"
            elif rel == "advcl" and tok.pos_ == "VERB" and _for_clause(child):
                # "called for Republicans to throw their support behind Christie": the parser
                # makes "for" the mark of an infinitive clause; the object of "call for" all the same
                start, end = content_bounds(child, tok)
                start = max(start, child.left_edge.i + 1)
                rel = "prep:for"
            else:
                continue
            if end <= start or rel == "dobj" and _cited_source(tok, child):
                continue
            if rel == "dobj":
                # object complements belong to the content: "described X as Y", "called X Y"
                for sib in tok.rights:
                    if sib.i > child.i and (sib.dep_ in ("oprd", "xcomp") or
                                            sib.dep_ == "prep" and sib.lower_ == "as"):
                        end = max(end, content_bounds(sib, tok)[1] if sib.dep_ != "prep" else sib.right_edge.i + 1)
            if not speaker_done:
                speaker, speaker_done = subject_of(tok), True
            if rel == "dobj" and speaker is not None and speaker.i == child.i:
                continue  # "…,” wrote another user: the object the parser found is the speaker
            yield Candidate(tok, start, end, rel, speaker)
        if tok.pos_ == "VERB" and tok.dep_ in ("ROOT", "conj", "ccomp"):
            # the cue inside its own content: "Garland looks dead on arrival", "it must be
            # considered"; and the passive subject as content: "Manafort's role was disclosed"
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            takes_content = any(c.dep_ in ("ccomp", "dobj", "agent") for c in tok.children)
            if subj is not None and not takes_content and (tok.lemma_ in EVIDENTIAL_SELF_LEMMAS
                                                           or subj.dep_ == "nsubjpass"):
                start, end = content_bounds(tok)
                if end > start:
                    yield Candidate(tok, start, end, "self", None)
                if subj.dep_ == "nsubjpass":
                    yield from _passive_subject(tok, subj)
            elif subj is not None and subj.dep_ == "nsubjpass" and not any(c.dep_ in ("ccomp", "dobj")
                                                                          for c in tok.children) \
                    and _agent_holds_views(tok):
                # "His comments were quickly derided by Armin Laschet": what the agent judged is
                # the passive's subject (the agent is the speaker)
                yield from _passive_subject(tok, subj)
        # "“…,” he said." with the quote parsed as the head of the cue; "Otherwise, she
        # said, growth may stall." with the cue's clause set off by commas in the middle
        if tok.lemma_ in REPORTING_LEMMAS and not _introduces_quotation(tok, comma=True) and (
                tok.head.i < tok.i and (tok.dep_ == "parataxis" or tok.dep_ == "ccomp" and _set_off(tok)
                                        or _trailing_cue_clause(tok)
                                        or tok.dep_ == "advcl" and not _reports_on_its_right(tok))
                or tok.head.i > tok.i and _medial_cue_clause(tok)):
            head = tok.head
            while head.dep_ in ("aux", "auxpass") and head.head is not head:
                head = head.head  # "Even then, he said, he’s learned …" hung on the auxiliary
            start, end = content_bounds(head, tok)
            start = _with_fronted_condition(tok, start)
            # "Take action before the election, they said, and you risk …": a clause of its own
            # that the parser conjoined to the cue goes on with the content, not with the frame
            goes_on = [c for c in tok.rights if c.dep_ == "conj" and c.lemma_ not in REPORTING_LEMMAS
                       and any(g.dep_ in SUBJECT_DEPS for g in c.children)]
            frame_end = min([c.left_edge.i for c in goes_on] + [tok.right_edge.i + 1])
            if goes_on and not _closes_quotation_before(tok):
                end = max(end, goes_on[-1].right_edge.i + 1)
            if end <= frame_end or _closes_quotation_before(tok):
                # "…,” he said." — the content ends where the cue's clause begins
                end = min(end, tok.left_edge.i)
            # else a parenthetical cue ("The plan, she said, is dead") inside its content
            end = _without_final_punct(doc, start, end)
            if end > start:
                yield Candidate(tok, start, end, "inverted", subject_of(tok))


#: who a report cites ("citing *Japanese government sources*"): a source, not what is said
CITED_SOURCE_NOUNS = frozenset({"source", "official", "person", "people", "participant", "witness", "aide",
                                "insider", "diplomat"})


def _cited_source(verb: Token, obj: Token) -> bool:
    """"…, according to Kyodo News, *citing* Japanese government sources": the object of
    "cite" that names people or a body is where the report comes from (the source chain's
    next link, :mod:`.sources`), not its content."""
    return verb.lemma_ == "cite" and (obj.lemma_.lower() in CITED_SOURCE_NOUNS or obj.lemma_.lower() in PERSON_NOUNS
                                      or obj.ent_type_ in ("PERSON", "ORG", "NORP"))


#: verbs whose "to" names whom one speaks to or what one answers ("*reports to* the Human
#: Rights Council", "*responding to* VOA's query", "*wrote to* the governor"), never what is said
ADDRESSEE_TO_LEMMAS = frozenset({"respond", "reply", "react", "answer", "report", "write", "speak", "talk",
                                 "say", "explain", "complain", "appeal", "announce"})


def _addressed(verb: Token, prep: Token) -> bool:
    """Is ``prep`` the "to" of the one addressed or the thing answered?"""
    return prep.lower_ == "to" and verb.lemma_.lower() in ADDRESSEE_TO_LEMMAS


#: prepositions of time, concession, inclusion and place that set the circumstances of an
#: act and never introduce what it is about ("endorsed Clinton *during* a call", "predicted
#: a close race *despite* his lead", "gathered *outside* the hotel"); cf. Quirk et al. 1985,
#: §§9.15-9.57 (space, time, concession) against the prepositional complements of §16.5
CIRCUMSTANCE_PREPS = frozenset({"despite", "during", "before", "after", "since", "until", "upon", "outside",
                                "throughout", "through", "without", "including", "amid", "following"})
#: the prepositions after which an occasion noun is where something was said ("*in* an
#: interview", "*at* a rally"); after "on" it is what was commented on ("commented on the debate")
OCCASION_SETTING_PREPS = frozenset({"in", "at"})


def _circumstance(prep: Token) -> bool:
    """Is the verb's prepositional phrase ``prep`` a circumstance of the act (when, where,
    despite what: "*during* a rally", "*on* Saturday", "*in* an interview with CNN"), not its
    content? PolNeAR's train part marks 1 of the 13 such objects the cue classifier accepted
    in cross-validation."""
    if prep.lower_ in CIRCUMSTANCE_PREPS:
        return True
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") or prep.lower_ in OCCASION_SETTING_PREPS
                                and obj.lemma_.lower() in OCCASION_NOUNS)


def _as_saying(prep: Token) -> bool:
    """"cited security officials *as saying* the ship would depart": what the participle of
    saying says is its own content (its subject is the one cited); "as saying …" is no
    content of "cite", "quote" or "describe"."""
    return prep.lower_ == "as" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" and c.lemma_ in REPORTING_LEMMAS
                                       and c.left_edge.i == c.i for c in prep.children)  # (nothing before it:
    # not "refer to them as the “Axis of Upheaval,” describing …", a name the parser made its subject)


def _agent_holds_views(verb: Token) -> bool:
    """Is the passive's agent someone who can judge or say (a name, a body, people, a
    pronoun, a document: "derided *by Armin Laschet*", "echoed *by tax experts*"), not a
    thing or a force ("characterized *by rivalry*", "told *by word of mouth*")?"""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return obj is not None and could_speak(obj)


def _passive_subject(verb: Token, subj: Token) -> Iterator[Candidate]:
    """The subject of a passive as the content ("Manafort's role was disclosed"), the agent,
    if any, as the speaker."""
    start, end = content_bounds(subj)
    if end > start:
        agent = subject_of(verb)
        yield Candidate(verb, start, end, "nsubjpass", agent if agent is not subj else None)


COLON_SPEAKER_TYPES = frozenset({"PERSON", "ORG", "NEWS_OUTLET", "GOVERNMENT", "GROUP"})


EVIDENCE_NOUNS = frozenset("poll polls survey surveys study studies report reports analysis data".split())


def _evidence_in_candidates(doc: Doc) -> Iterator[Candidate]:
    """"In a CBS News poll, she led Sanders 56 to 32": a poll, survey or report that the
    clause rests on, with "in" as its cue (as PolNeAR annotates them)."""
    for prep in tokens_with(doc, "DEP", ("prep",)):
        if prep.lower_ != "in" or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        source = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in EVIDENCE_NOUNS), None)
        if source is None:
            continue
        verb = prep.head
        start, end = content_bounds(verb)
        if prep.i < verb.i:
            start = max(start, prep.right_edge.i + 1)
        else:
            end = min(end, prep.i)
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        end = _without_final_punct(doc, start, end)
        if end - start >= 3:
            yield Candidate(prep, start, end, "evidence:in", source)


def _set_off(tok: Token) -> bool:
    """Is the cue's clause set off from what comes before it by a comma, a dash or a
    closing quotation mark (“…,” he said / …, he said), not joined to it ("I think the
    public will *respond*")?"""
    left = min(t.i for t in tok.subtree if not t.is_punct)
    return left > 0 and (tok.doc[left - 1].is_punct or is_quote_mark(tok.doc[left - 1]))


def _introduces_quotation(tok: Token, comma: bool = False) -> bool:
    """A cue followed by a colon and a quotation ("Mr. Zahed said: “…”"; with ``comma``,
    by a comma too: "as she angrily said, “…”"): what it reports comes after it."""
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and doc[i].dep_ in ("advmod", "npadvmod", "prt") and i - tok.i < 4:
        i += 1
    if i + 1 >= len(doc) or doc[i].text not in ((":", ",") if comma else (":",)):
        return False
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j < len(doc) and is_quote_mark(doc[j])


def _discourse_idiom(tok: Token) -> bool:
    """"That said, …" / "Having said that, …": a connective, not a report."""
    doc = tok.doc
    if tok.lower_ != "said" or tok.i == 0 or tok.i + 2 >= len(doc):
        return False
    before, after, then = doc[tok.i - 1].lower_, doc[tok.i + 1].lower_, doc[tok.i + 2].text
    return before in ("that", "this") and after == "," or before == "having" and after in ("that", "this") and then == ","


def _colon_candidates(doc: Doc) -> Iterator[Candidate]:
    """Headline style "Sanders: 'We will win'" — a short name, a colon, the statement
    (to the end of the line where the parser ended the sentence at the colon)."""
    starts = sentence_starts(doc)
    sents = [doc[a:b] for a, b in zip(starts, starts[1:])]
    for k, sent in enumerate(sents):
        colon = next((t for t in sent[:7] if t.text == ":"), None)
        if colon is None or colon.i - sent.start > 6 or colon.i == sent.start:
            continue
        left = doc[sent.start:colon.i]
        head = left.root
        if not _colon_speaker(head):
            head = finding_holder(head)  # "Its main finding: “…”": the report's words
            if head is None:
                continue
        start, end = colon.i + 1, sent.end
        if end - start < 4 and k + 1 < len(sents) and "\n" not in doc[colon.i:sents[k + 1].start].text:
            end = sents[k + 1].end  # "AP: | Trump chair routed money to lobbyists."
        if left.text.isupper() and (sent.start == 0 or "\n" in doc[sent.start - 1].text_with_ws):
            # a transcript turn ("TAPPER: …" at the start of a line) runs to the end of its paragraph
            j = k + 1
            while j < len(sents) and "\n" not in doc[sents[j - 1].start:sents[j].start].text_with_ws:
                end = sents[j].end
                j += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not is_quote_mark(doc[end - 1]):
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        if end - start >= 3:
            yield Candidate(colon, start, end, "colon", head)


def _turn_candidates(doc: Doc) -> Iterator[Candidate]:
    """"Q: … / A: …": each labelled answer of an interview is a statement whose content is the
    rest of its paragraph and whose speaker the label names (:mod:`claimgraph.quotes.turns`).
    A question asserts nothing; what it reports ("You said yesterday that …") the other
    candidates find."""
    for turn in labelled_turns(doc_text(doc)):
        if turn.kind != "answer":
            continue
        label = doc.char_span(*turn.label, alignment_mode="expand")
        mark = doc.char_span(*turn.mark, alignment_mode="expand")
        words = doc.char_span(*turn.words, alignment_mode="expand")
        if label is None or mark is None or words is None or not len(words):
            continue
        yield Candidate(mark[0], words.start, words.end, "turn", label[0])


#: nouns for what a report, a court or a speaker concluded or said, before a colon and the
#: words themselves ("Its main finding: “…”", "The court's verdict: …")
FINDING_NOUNS = frozenset("finding findings conclusion conclusions verdict message warning advice "
                          "recommendation recommendations answer reply response".split())


def finding_holder(noun: Token) -> Optional[Token]:
    """Whose finding a colon introduces: the possessor of a finding noun ("*the panel's*
    conclusion") or the object of its *of* ("the verdict *of the jury*"); None for any
    other phrase, and for a possessive pronoun ("Its main finding:"), which the quotation's
    own rules give the speaker of the sentence before."""
    if noun.lemma_.lower() not in FINDING_NOUNS and noun.lower_ not in FINDING_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return None if child.pos_ == "PRON" else child
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj" and g.pos_ != "PRON"), None)
    return None


def _colon_speaker(head: Token) -> bool:
    """A name before a headline colon: a proper noun, a named entity, or a word the
    entity step found as a person or organisation ("Trump" tagged as a common noun).
    An interview's turn labels ("Q:", "A:") are too short: :func:`_turn_candidates` reads them."""
    if len(head.text) < 2:
        return False
    if head.pos_ == "PROPN" or head.ent_type_ in SPEAKING_ENT_TYPES:
        return True
    return head.is_title and token_entity_type(head) in COLON_SPEAKER_TYPES


def _reports_on_its_right(tok: Token) -> bool:
    """"…, announcing new cases": a participle with a content of its own is not the cue
    of the clause before it; nor is one that hangs on a reporting verb ("…,” he said,
    noting that …": the clause before is that verb's)."""
    return tok.head.lemma_ in REPORTING_LEMMAS or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in tok.rights)


def _closes_quotation_before(tok: Token) -> bool:
    """“…,” McKinnon says, dressed as Clinton. — a quotation closes right before the cue's
    clause: the content ends there, whatever the parser hung on the quotation's verb
    after the cue (a quotation that goes on after the frame is joined to it later)."""
    doc = tok.doc
    i = min(t.i for t in tok.subtree if not t.is_punct) - 1
    while i > 0 and doc[i].text in (",", "?", "!", "—", "–"):
        i -= 1
    return i > 0 and doc[i].text in ("”", '"', "’") and not doc[i - 1].is_space and doc[i].tag_ == "''"


def _medial_cue_clause(tok: Token) -> bool:
    """", she said," between commas inside the clause it reports, parsed as parataxis."""
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if tok.dep_ != "parataxis" or subj is None:
        return False
    doc = tok.doc
    words = [t.i for t in tok.subtree if not t.is_punct]
    left, right = min(words), max(words)
    if left > 0 and right + 1 < len(doc) and doc[left - 1].text == "," and doc[right + 1].text == ",":
        return True
    # "After the court ruled, Ms. Hebert said, most laws …": the parser hung the fronted
    # adverbial on the cue; the cue's own clause (subject to verb) is what the commas set off
    left = subj.left_edge.i
    right = max([tok.i] + [c.right_edge.i for c in tok.rights if not c.is_punct])
    return (0 < left < tok.i and right + 1 < len(doc) and doc[left - 1].text == ","
            and doc[right + 1].text == "," and tok.head.i > right)


def _trailing_cue_clause(tok: Token) -> bool:
    """"…, notes Reuters." / "…, the minister said." parsed as a conjunct of the main verb:
    a comma before the cue's clause, a subject, and no content of its own."""
    if tok.dep_ != "conj":
        return False
    doc = tok.doc
    left = tok.left_edge.i
    if left == 0 or doc[left - 1].text != ",":
        return False
    children = list(tok.children)
    return any(c.dep_ == "nsubj" for c in children) and not any(
        c.dep_ in ("ccomp", "dobj", "xcomp") for c in children)


NOUN_CUE_PREPS = frozenset({"of", "about", "for", "on", "against", "to", "that"})


def _noun_candidates(noun: Token) -> Iterator[Candidate]:
    """Nominal cues: "his criticism of X", "the claim that Y", "doubts about Z"."""
    under = noun.head if noun.dep_ == "pobj" else noun
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in child.children):
            clause = _misattached_that_clause(under.head, under) if under.head.pos_ == "VERB" else None
            if clause is not None and clause.i == child.i:
                continue  # "said in a statement that …": the verb's content, the noun its medium
            start, end = content_bounds(child)
            rel = "noun:that"
        elif child.dep_ == "prep" and child.lower_ in NOUN_CUE_PREPS:
            bounds = prep_object_bounds(child)
            if bounds is None:
                continue
            (start, end), rel = bounds, f"noun:{child.lower_}"
        else:
            continue
        if end <= start:
            continue
        speaker = next((c for c in noun.children if c.dep_ == "poss"), None) or _nominal_agent(noun)
        if speaker is None and noun.dep_ in ("dobj", "attr", "pobj"):
            speaker = subject_of(noun.head if noun.dep_ != "pobj" else noun.head.head)
        yield Candidate(noun, start, end, rel, speaker)


def _for_clause(verb: Token) -> bool:
    """An infinitive clause with a subject, opened by "for" ("for *the Americans* to support
    Ukraine's membership")."""
    first = verb.doc[verb.left_edge.i]
    return first.lower_ == "for" and first.dep_ == "mark" and first.head.i == verb.i and infinitive(verb) \
        and any(c.dep_ == "nsubj" for c in verb.children)


def infinitive(verb: Token) -> bool:
    """A to-infinitive: a verb with "to" as its auxiliary ("*to open* the borders")."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i
                                                 for c in verb.children)


#: the prepositions that name the one whose act a nominal cue is ("criticism *from* rivals",
#: "a warning *by* the ministry")
NOMINAL_AGENT_PREPS = frozenset({"from", "by"})


def _nominal_agent(noun: Token) -> Optional[Token]:
    """The agent of a nominal cue given by a preposition, which outranks the subject of the
    verb the noun depends on: in "Lee has faced criticism from rivals that …" the rivals
    criticise, not Lee."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in NOMINAL_AGENT_PREPS:
            pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return pobj
    return None


TRAILING_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "appos", "conj", "prep", "npadvmod"})


#: the occasions on which something is said ("thanked supporters *at a rally*", "repeated
#: his position *during the debate*")
OCCASION_NOUNS = frozenset("statement interview speech rally conference briefing hearing debate event meeting "
                           "hall op-ed editorial column appearance broadcast session forum summit convention "
                           "address remarks visit trip tour".split())
#: the prepositions that set an occasion or a time of saying
OCCASION_PREPS = frozenset({"in", "at", "on", "during", "before"})


def _occasion(tok: Token) -> bool:
    """Is the cue's dependent ``tok`` when or where something was said ("*on Thursday*",
    "*Saturday*", "*in a statement*", "*at a town hall*"), not more of what was said?"""
    if tok.dep_ == "npadvmod":
        return tok.ent_type_ in ("DATE", "TIME")
    if tok.dep_ != "prep" or tok.lower_ not in OCCASION_PREPS:
        return False
    obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
    # ("in the 1990s", "in June" may date what was said: "a 2.8 percent jobless rate in June")
    return obj is not None and (obj.ent_type_ in ("DATE", "TIME") and tok.lower_ in ("on", "before")
                                or obj.lower_ in OCCASION_NOUNS or obj.lemma_.lower() in OCCASION_NOUNS)


def extension(doc: Doc, cand: "Candidate") -> Optional[tuple[int, str]]:
    """A longer end: the cue's next dependent when it follows the content directly
    ("announced the creation of a website *to explain the process*"), unless it only says
    when or where it was said."""
    nxt = next((c for c in cand.cue.rights if c.left_edge.i == cand.content_end), None)
    if nxt is None or nxt.dep_ in ("punct", "cc", "conj") or nxt.is_punct or _occasion(nxt):
        return None
    end = nxt.right_edge.i + 1
    while end > cand.content_end and doc[end - 1].is_punct:
        end -= 1
    if end <= cand.content_end:
        return None
    return end, f"extend|{nxt.dep_}|{doc[nxt.left_edge.i].lower_ if doc[nxt.left_edge.i].is_stop else doc[nxt.left_edge.i].pos_}|-"


def content_variants(doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
    """Where else the content ``[start, end)`` could end: before each clause or phrase that
    closes it (a conjoined verb, a relative clause, a trailing prepositional phrase …).
    Returns ``(end, description)`` pairs, the full span first; the boundary ranker of
    :func:`choose_boundary` picks one."""
    out = [(end, "full")]
    if end - start < 5:
        return out
    seen = {end}
    for tok in doc[start + 2:end]:
        if tok.dep_ not in TRAILING_CLAUSE_DEPS or tok.right_edge.i < end - 1 or not (start <= tok.head.i < end):
            continue
        cut = tok.left_edge.i
        while cut > start and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc" or _of_conjunction(doc[cut - 1])):
            cut -= 1
        if cut - start < 2 or cut in seen:
            continue
        seen.add(cut)
        joint = doc[cut].lower_ if doc[cut].is_punct or doc[cut].dep_ == "cc" else ""
        lead = doc[tok.left_edge.i]
        own_subject = any(c.dep_ in SUBJECT_DEPS for c in tok.children)
        out.append((cut, f"{tok.dep_}|{lead.lower_ if lead.is_stop or lead.is_punct else lead.pos_}|"
                         f"{'subj' if own_subject else 'nosubj'}|{joint or '-'}"))
    return out


def _of_conjunction(tok: Token) -> bool:
    """"…, *as well* as its two biggest trading partners": a word that modifies the
    conjunction is part of it; a content never ends inside "as well as"."""
    return tok.dep_ == "advmod" and tok.head.dep_ == "cc" and tok.i < tok.head.i


def further_extension(doc: Doc, cand: "Candidate", first: int) -> Optional[tuple[int, str]]:
    """The longest end: the cue's dependents that follow the content one after another
    ("sent *a letter* on Thursday to Senate leaders opposing …") up to a comma, or up to
    a last one that only says when or where it was said."""
    end = first
    for c in cand.cue.rights:
        if c.left_edge.i != end or c.dep_ in ("punct", "cc", "conj") or c.is_punct:
            continue
        if _occasion(c) and not any(d.left_edge.i == c.right_edge.i + 1 and d.dep_ not in ("punct", "cc", "conj")
                                    for d in cand.cue.rights):
            break
        end = c.right_edge.i + 1
    while end > first and doc[end - 1].is_punct:
        end -= 1
    return (end, "extend|all|all|-") if end > first else None


def conjunct_extensions(doc: Doc, cand: "Candidate") -> list[tuple[int, str]]:
    """Longer ends past a clause conjoined right after the content, for the ranker to weigh:
    one on the content's head that :func:`content_bounds` cut ("notes that he was the first
    to put out a plan *and has* the most experience"), one on the cue when the content
    follows it ("said she had no plans to yell, *but* when Trump mentioned Cruz, it just
    happened"). A conjoined verb that reports or judges on its own ("… *and warned* against
    …", "… *and questioned* how …") is the cue's second predicate and no choice, nor is a
    clause after "but" about another subject (as in :func:`content_bounds`).
    ``(end, "more|head or cue|the conjunction|subj or nosubj")`` pairs."""
    end = cand.content_end
    head = doc[cand.content_start:end].root
    out = []
    for owner, tok in (("head", head), ("cue", cand.cue)):
        if owner == "cue" and cand.content_start < tok.i:
            continue
        conj = next((c for c in tok.rights if c.dep_ == "conj" and c.left_edge.i >= end and c.pos_ in ("VERB", "AUX")),
                    None)
        if conj is None or conj.lemma_.lower() in verb_classes() \
                or any(t.pos_ == "VERB" and t.lemma_ in REPORTING_LEMMAS for t in conj.subtree):
            continue
        gap = doc[end:conj.left_edge.i]
        if len(gap) > 3 or not all(t.dep_ == "cc" or t.is_punct and not is_quote_mark(t) for t in gap):
            continue
        if any(t.lower_ in ("but", "yet") for t in gap) and not _same_subject(conj, head):
            continue  # "said the unit had better food, but many servicemen still suffered": a contrast of its own
        stop = next((b for b in line_break_tokens(doc) if end <= b <= conj.right_edge.i), conj.right_edge.i + 1)
        new_end = _without_final_punct(doc, end, stop)
        if new_end > end:
            cc = next((t.lower_ for t in gap if t.dep_ == "cc"), gap[0].text if gap else "-")
            subj = "subj" if any(c.dep_ in SUBJECT_DEPS for c in conj.children) else "nosubj"
            out.append((new_end, f"more|{owner}|{cc}|{subj}"))
    return out


def boundary_choices(doc: Doc, cand: "Candidate") -> list[tuple[int, str]]:
    """Every end the ranker chooses from: the parse's, shorter ones, longer ones."""
    choices = content_variants(doc, cand.content_start, cand.content_end)
    seen = {end for end, _ in choices}
    choices += [(end, d) for end, d in conjunct_extensions(doc, cand) if end not in seen]
    longer = extension(doc, cand)
    if longer is not None:
        choices.append(longer)
        further = further_extension(doc, cand, longer[0])
        if further is not None:
            choices.append(further)
    return choices


def cue_span(cue: Token) -> tuple[int, int]:
    """Character span of the cue: the verb with its particles ("called for", "pointed out")."""
    start, end = cue.idx, cue.idx + len(cue.text)
    for child in cue.children:
        if child.dep_ == "prt" and child.i > cue.i:
            end = max(end, child.idx + len(child.text))
    return start, end
