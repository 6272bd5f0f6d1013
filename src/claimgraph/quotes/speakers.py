"""Speakers of quotes: the speaker phrase, pronouns and relative pronouns resolved to
entities, and the neighbour convention for quotations without a cue.

Pronouns follow Hobbs (1978) and Lappin & Leass (1994, "An algorithm for pronominal
anaphora resolution"): candidates must agree in number and gender (gender from an
honorific or a common given name), a subject is preferred to an object, and the person
quoted last stays the speaker of *he said* until another is named — the quote
continuation of Muzny et al. (2017, "A two-stage sieve approach for quote attribution").
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Span, Token

from claimgraph.lexicon import is_quote_mark
from claimgraph.lexicon.gazetteer import fold, gazetteer
from claimgraph.parsed import doc_text, paragraph_of, sentence_of
from claimgraph.entities.handoff import (FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, PERSON_NOUNS, TITLES,  # noqa: F401
                                        entity_at, entity_by_id, in_fronted_adjunct, inside_quotation, mentions_cover,
                                        typed_entity_at)  # mentions_cover: the quote step's
from claimgraph.quotes.candidates import HYPHENS, is_age_word, predicated

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
#: the writer's own pronouns: outside quotation marks they are the author or the narrator,
#: never a third party named before
FIRST_PERSON = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL
SPACED_DASHES = frozenset("-–—")
SPEAKER_LEFT_DEPS = frozenset({"compound", "flat", "amod", "poss", "det", "nmod", "case", "punct", "nummod"})


def speaker_mention(head: Token) -> tuple[int, int]:
    """Char span of the speaker phrase: the head with its left modifiers, no clauses."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in SPEAKER_LEFT_DEPS:
            start = min(start, child.left_edge.i)
            break
    doc = head.doc
    if is_age_word(head):  # "the 58-year-old": the whole age, however the parser split it
        start = min(start, head.i - 2)
        while start > 0 and (doc[start - 1].like_num or doc[start - 1].text in HYPHENS):
            start -= 1
    end = head.i + 1
    whole = partitive_whole(head)
    if whole is not None:  # "one of the aides": the group it is one of belongs to the phrase
        end = whole.i + 1
    elif head.pos_ == "NOUN":
        end = _of_phrase_end(head, end)
    # a dash with spaces around it parts a name from what comes before ("… in the north - Omar
    # Haddad:"); one inside a name ("Yi Won-il") has none
    for k in range(head.i - 1, start, -1):
        if doc[k].text in SPACED_DASHES and doc[k].whitespace_ and doc[k - 1].whitespace_:
            start = k + 1
            break
    # never back into the quotation before it ("“… utterly unacceptable,” Guterres’ spokesman":
    # the parser made the quoted adjective a modifier); a possessive’s mark is no quote mark
    for k in range(head.i - 1, start - 1, -1):
        if is_quote_mark(doc[k]) and doc[k].dep_ != "case" and doc[k].tag_ != "POS":
            start = k + 1
            break
    # flat names split by the tagger ("Yi Won - il") end at the head
    while start < head.i and (doc[start].is_punct or doc[start].dep_ == "det"):
        start += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


#: nouns of those who speak *for* someone ("a spokeswoman *for the department*", "a lawyer *for the family*")
FOR_ROLE_NOUNS = frozenset("""spokesman spokeswoman spokesperson representative lawyer attorney
counsel agent publicist""".split())
#: how long an "of" phrase after a speaker's noun may be and still name who it is
OF_PHRASE_TOKENS = 8


def _of_phrase_end(head: Token, end: int) -> int:
    """"the leader *of his legal team*", "a member *of the upper house*", "a spokeswoman *for the
    department*": a short "of" phrase (or "for" after a noun of speaking for someone)
    says who the speaker is and belongs to the speaker phrase (no clause, comma or quotation
    inside it); where it ends (token index, exclusive), else ``end``."""
    of = next((c for c in head.rights if c.dep_ == "prep" and c.i == head.i + 1 and (
        c.lower_ == "of" or c.lower_ == "for" and head.lemma_.lower() in FOR_ROLE_NOUNS)), None)
    if of is None:
        return end
    stop = of.right_edge.i + 1
    inside = head.doc[of.i:stop]
    if len(inside) > OF_PHRASE_TOKENS or any(t.text in ",;:" or is_quote_mark(t) or t.pos_ in ("VERB", "AUX")
                                             for t in inside):
        return end
    return stop


#: words that pick members out of a group named after "of" ("*one* of the aides said")
PARTITIVE_HEADS = frozenset("one two three four five some several many most both each another none".split())
SINGLE_PARTITIVES = frozenset({"one", "each", "another"})


def partitive_whole(head: Token) -> Optional[Token]:
    """"*One* of the people said", "according to *one* of the aides": the plural common noun
    of the group the speaker is one of (its head token), or None."""
    if head.lower_ not in PARTITIVE_HEADS or head.pos_ not in ("NUM", "PRON", "NOUN", "ADJ", "DET"):
        return None
    prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return whole if whole is not None and whole.pos_ == "NOUN" and whole.tag_ == "NNS" else None


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}


def entity_gender(doc: Doc, ent) -> Optional[str]:
    """A person's gender where the text or a common given name says it (for pronoun
    agreement only): an honorific before a mention, else the given name's list."""
    text = doc_text(doc)
    for s, e in ent.mentions:
        # the honorific before the mention, or its first word ("Mr. Devlin" as one mention)
        before = text[max(0, s - 5):s].split() + text[s:e].split()[:1]
        for word in before[-2:]:
            if word.lower() in HONORIFIC_GENDER:
                return HONORIFIC_GENDER[word.lower()]
    words = ent.name.split()
    if len(words) >= 2:
        return gazetteer().given_names.get(fold(words[0]))
    return None


def resolve_pronoun(doc: Doc, pron: Token, last_speaker) -> Optional[str]:
    """He/she: a person named earlier in the sentence, else the person quoted last nearby,
    else the entity layer's own link, else the nearest person named before — each only
    where the person's known gender agrees with the pronoun's (Hobbs 1978 and Lappin &
    Leass 1994 filter candidates on agreement the same way)."""
    if pron.lower_ in FIRST_PERSON and not inside_quotation(doc, pron.idx):
        # "I think …" outside quotation marks is the writer: only the entity layer's own link,
        # never the nearest person named before
        return entity_at(doc, pron.idx, pron.idx + len(pron.text))
    plural = pron.lower_ in PLURAL_PRONOUNS
    sent = sentence_of(doc, pron.i)
    ents = doc._.cg_entities or []
    wanted = {"GROUP", "ORG", "GPE", "NORP"} if plural else {"PERSON"}
    gender = PRONOUN_GENDER.get(pron.lower_)
    genders: dict[str, Optional[str]] = {}

    def agrees(ent) -> bool:
        if gender is None or ent.type != "PERSON":
            return True
        if ent.id not in genders:
            genders[ent.id] = entity_gender(doc, ent)
        return genders[ent.id] in (None, gender)

    outside = not inside_quotation(doc, pron.idx)

    def may_take(s: int, e: int) -> bool:
        """A mention the pronoun may stand for: not a nationality adjective ("Guatemalan
        authorities"), nor, for a pronoun outside quotation marks, a word of a quotation
        (“We urge Guatemalan authorities …,” *they* said)."""
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and span.root.pos_ == "ADJ":
            return False
        return not (outside and inside_quotation(doc, s))

    earlier = [(s, e.id) for e in ents if e.type in wanted and agrees(e) for s, end in e.mentions
               if sent.start_char <= s < pron.idx and may_take(s, end)]
    if earlier and last_speaker is not None and not plural:
        # "After meeting with Green, he said …": a name inside an opening adjunct does not take
        # the pronoun from the speaker of the statement before
        earlier = [(s, ent_id) for s, ent_id in earlier if not _in_adjunct(doc, s, pron)]
    if earlier:
        # a subject before an object (Lappin & Leass's salience): "Trump hosted Erdogan for
        # what he called …" is Trump's phrase
        subjects = [(s, ent_id) for s, ent_id in earlier if is_subject_at(doc, s)]
        return max(subjects or earlier)[1]
    last = entity_by_id(doc, last_speaker[0]) if last_speaker is not None else None
    if last is not None and not plural and last.type == "PERSON" and pron.idx - last_speaker[1] < 1200 \
            and agrees(last):
        subject = _subject_of_sentence_before(doc, sent, ents, wanted, agrees, after=last_speaker[1]) \
            or _same_pronoun_subject_before(doc, sent, pron, after=last_speaker[1])
        return subject or last.id
    if last is not None and plural and last.type == "GROUP" and pron.lower_ == "they" \
            and _in_sentence_after(doc, sent, last_speaker[1]):
        # "Analysts told VOA that … *They* said …": the group quoted in the sentence just
        # before goes on speaking (centering's Continue; Grosz, Joshi & Weinstein 1995)
        return last.id
    linked = entity_at(doc, pron.idx, pron.idx + len(pron.text))
    if linked is not None:
        return linked
    before = [(s, e.id) for e in ents if e.type in wanted and agrees(e) for s, end in e.mentions
              if s < pron.idx and may_take(s, end)]
    return max(before)[1] if before else None


def _subject_of_sentence_before(doc: Doc, sent, ents, wanted, agrees, after: int) -> Optional[str]:
    """The entity named as the subject of the sentence just before ``sent`` when that
    sentence comes after the last statement (at ``after``): "Zamora attended the hearing.
    Near the end, *he* called the ruling “arbitrary.”" is Zamora, not the lawyer quoted
    before — the previous utterance's subject is its most salient entity, the backward-
    looking centre of centering theory (Grosz, Joshi & Weinstein 1995)."""
    if sent.start == 0:
        return None
    before = sentence_of(doc, sent.start - 1)
    last = doc.char_span(after - 1, after, alignment_mode="expand") if after > 0 else None
    if before.start_char <= after or last is None or sentence_of(doc, last.start).end != before.start:
        # only the sentence right after the statement: with others in between ("… The paper
        # sells 20,000 copies. In 2004 Paul Green bought the building. He said the paper he
        # founded …") the one quoted before stays the likelier "he"
        return None

    def main_subject(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == before.root.i for t in span)
    found = [(s, e.id) for e in ents if e.type in wanted and agrees(e) for s, end in e.mentions
             if before.start_char <= s < before.end_char and main_subject(s, end)]
    return min(found)[1] if found else None


def main_subject_before(doc: Doc, sent) -> Optional[Token]:
    """The subject of the main verb of the sentence just before ``sent``, outside quotation
    marks (its backward-looking centre), or None."""
    if sent.start == 0:
        return None
    before = sentence_of(doc, sent.start - 1)
    subj = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == before.root.i), None)
    return None if subj is None or inside_quotation(doc, subj.idx) else subj


def _in_sentence_after(doc: Doc, sent, offset: int) -> bool:
    """Does ``offset`` (the end of the last statement) fall in the sentence just before ``sent``?"""
    if sent.start == 0:
        return False
    before = sentence_of(doc, sent.start - 1)
    return before.start_char <= offset - 1 < before.end_char


def _same_pronoun_subject_before(doc: Doc, sent, pron: Token, after: int) -> Optional[str]:
    """"For Sithole, managing his diabetes has been a long journey. But … *he* has regained
    control over his health. “…,” *he* said.": the same pronoun as the main subject of the
    sentence just before continues its referent (centering's Continue transition, Grosz,
    Joshi & Weinstein 1995), which the entity layer resolved there — not the speaker
    quoted sentences earlier; not when the last statement ends in that sentence (at
    ``after``), whose speaker the quote step resolved itself. The entity, or None."""
    if sent.start == 0 or after > sentence_of(doc, sent.start - 1).start_char:
        return None
    subj = main_subject_before(doc, sent)
    if subj is None or subj.lower_ != pron.lower_:
        return None
    return typed_entity_at(doc, subj.idx, subj.idx + len(subj.text), ("PERSON",))


def _in_adjunct(doc: Doc, offset: int, pron: Token) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and in_fronted_adjunct(span[0], pron)


def is_subject_at(doc: Doc, offset: int) -> bool:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") or t.dep_ == "compound" and
                                    t.head.dep_ in ("nsubj", "nsubjpass") for t in span)


def relative_antecedent(tok: Token) -> Optional[Token]:
    """The noun a relative pronoun stands for: "the senator, *who* said …" → senator (the
    subject of a copula it is the predicate of: "Lee is among those *who* say …" → Lee)."""
    if tok.tag_ not in ("WP", "WDT") and not (tok.lower_ == "that" and tok.head.dep_ == "relcl"):
        return None
    clause = tok.head
    while clause.dep_ != "relcl" and clause.head is not clause and clause.dep_ in ("conj", "xcomp", "ccomp"):
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head is clause:
        return None
    return predicated(clause.head)


def _sentences_between(doc: Doc, start: int, end: int) -> int:
    """How many sentences start between two character offsets."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return sum(1 for t in span if t.is_sent_start) if span is not None else 0


#: a report this close after a cue-less quotation (in characters) is its frame's sentence
NEAR_FOLLOWING = 200


def neighbour_speaker(doc: Doc, resolved, k: int):
    """Speaker of the quotation that follows at once (“Q1.” “Q2,” said X) or of a report
    close after it, in the next sentence at most; else of the nearer of the attributed
    quotes around it in the same paragraph (in copy that lost its paragraph breaks the next
    report may be far on, by someone else); else — for a quotation that opens its
    paragraph, a paragraph that only goes on quoting — the last one of the previous
    paragraph."""
    para = paragraph_of(doc, resolved[k][0].start)
    text = doc_text(doc)
    start, end = resolved[k][0].start, resolved[k][0].end
    after = None
    for j in range(k + 1, len(resolved)):
        st, ent_id, mention = resolved[j]
        if paragraph_of(doc, st.start) != para:
            break
        if ent_id is not None:
            if not text[end:st.start].strip(" \n\t\"“”‘’'.,!?…"):
                return ent_id, mention
            after = (st.start - end, ent_id, mention, st.start)
            break
    opens = not text[text.rfind("\n", 0, start) + 1:start].strip(" \t\"“”‘’'«»„—–-")
    for j in range(k - 1, -1, -1):
        st, ent_id, mention = resolved[j]
        apart = paragraphs_apart(text, st.end, start)
        if apart > 1 or apart == 1 and not opens:
            break
        if ent_id is not None:
            # a report close after the quotation, in the next sentence at most, frames it; one
            # two sentences on is a new report
            if after is not None and (after[0] <= NEAR_FOLLOWING or after[0] < start - st.end) \
                    and _sentences_between(doc, end, after[3]) <= 1:
                break
            return ent_id, mention
    return (after[1], after[2]) if after is not None else (None, None)


def paragraphs_apart(text: str, end: int, start: int) -> int:
    """How many paragraph breaks lie between two offsets: 0 in the same paragraph, 1 in
    the next one. Blank lines between paragraphs ("\n\n", the usual layout of copy) are
    no paragraphs of their own."""
    gap = text[end:start]
    if "\n" not in gap:
        return 0
    return 1 + sum(1 for line in gap.split("\n")[1:-1] if line.strip())


CONJOINED_PATH_DEPS = frozenset({"compound", "appos", "conj", "flat", "nsubj", "nsubjpass", "agent", "pobj"})


def _conjoined_appositions(head: Token) -> list[Token]:
    """The first name in apposition to ``head`` and the names conjoined after it, in text
    order; ``[]`` unless there are at least two."""
    first = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if first is None:
        return []
    more = [c for c in first.conjuncts if c.i > first.i and c.pos_ == "PROPN"]
    return [first] + sorted(more, key=lambda t: t.i) if more else []


def _list_read_as_apposition(head: Token) -> list[Token]:
    """"Ford, GM and Stellantis said": the parser reads the second name as the first's
    apposition and the last as the second's conjunct; a list of names, in order."""
    rest = _conjoined_appositions(head) if head.pos_ == "PROPN" else []
    return [head] + rest if rest else []


def conjoined_speakers(head: Token) -> list[Token]:
    """"Mayor Ana Ruiz and Police Chief Tom Hale confirmed …", "Ms. Lee and the mayor said":
    the heads of the conjoined speaker phrases, in text order (``[]`` for one speaker).
    Read off the surface of the subject phrase, split at its "and" (the small parser often
    hangs the first name on the second as a compound), and only where the "and" joins
    the subject itself, not a phrase inside it ("officials from France and Germany"):
    every step from the conjunction up to the subject's head is a name-building relation."""
    doc = head.doc
    listed = _list_read_as_apposition(head)
    if listed:
        return listed
    right = [c for c in head.conjuncts if c.i > head.i and c.pos_ in ("PROPN", "NOUN")
             and not any(e.start <= head.i < e.end and e.start <= c.i < e.end for e in doc.ents)]
    if right:  # "Zelensky and Yun … confirmed": the parser's own coordination
        return [head] + sorted(right, key=lambda t: t.i)
    start = head.left_edge.i
    if start >= head.i:
        return []
    cuts = []
    for tok in doc[start:head.i]:
        if tok.lower_ not in ("and", "&") or tok.dep_ != "cc":
            continue
        node, ok = tok.head, True
        while node.i != head.i:
            if node.dep_ not in CONJOINED_PATH_DEPS - {"pobj"} or node.head is node:
                ok = False
                break
            node = node.head
        if ok and not any(e.start < tok.i < e.end - 1 for e in doc.ents):
            cuts.append(tok.i)
    if not cuts:
        return []
    heads, begin = [], start
    for cut in cuts + [head.i + 1]:
        piece = [t for t in doc[begin:cut] if not (t.is_punct or t.dep_ == "cc")]
        nouns = [t for t in piece if t.pos_ in ("PROPN", "NOUN")]
        if not nouns:
            return []
        heads.append(nouns[-1])
        begin = cut + 1
    return heads if len(heads) > 1 else []


def named_in_apposition(head: Token) -> Optional[Span]:
    """"the mayor of Kyiv, Vitali Klitschko, said", "according to the agency's chief, Ana
    Ruiz": the name in apposition to a person's role (its span), else None."""
    doc = head.doc
    if head.pos_ == "PROPN" and fold(head.text).rstrip(".") in TITLES:
        # "Former President Barack Obama of Illinois said": a capitalised title the parser
        # made the head, its holder's name an apposition
        appos = next((c for c in head.rights if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
        if appos is None:
            return None
    elif head.pos_ != "NOUN" or head.lemma_.lower() not in PERSON_NOUNS or head.tag_ != "NN":
        return None
    else:
        appos = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"
                      and c.ent_type_ in ("PERSON", "")), None)
    if appos is not None:
        start = appos.i
        while start > head.i + 1 and doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head.i == appos.i:
            start -= 1
        return doc[start:appos.i + 1]
    # the small parser often hangs the name on the role's own complement ("of Kyiv, Vitali
    # Klitschko" as a conjunct): a person's name right after a comma inside the phrase
    for ent in doc.ents:
        if ent.label_ == "PERSON" and head.i < ent.start <= head.right_edge.i and doc[ent.start - 1].text == "," \
                and _names_the_role(ent.root, head):
            return ent
    return None


def _names_the_role(name: Token, head: Token) -> bool:
    """Can the name under ``head`` be the role's holder? Not a name inside a clause ("the
    mayor, who met Anna Berg, Tom Lind and …"), nor one in apposition to another person
    ("the lawyer for the two men, Ahmed Ali and Omar Khan", "a spokeswoman for the victim's
    mother, Maria Lopez")."""
    node = name
    while node.i != head.i:  # spaCy makes a new Token on each access: compare positions
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "appos" and node.head.pos_ == "NOUN" and node.head.lemma_.lower() in PERSON_NOUNS:
            return False
        node = node.head
    return True


def appositive_names(head: Token) -> list[Token]:
    """"Shipping lines Maersk and MSC confirmed …", "rights groups Amnesty and HRW said": a
    plural class noun with conjoined names in apposition speaks through those names; the
    heads of the names, in text order (``[]`` otherwise)."""
    return _conjoined_appositions(head) if head.pos_ == "NOUN" and head.tag_ == "NNS" else []


def piece_mention(tok: Token, floor: int) -> tuple[int, int]:
    """The speaker phrase of one conjunct: from the first word after ``floor`` (the previous
    conjunction) to its head word."""
    doc = tok.doc
    start = floor
    while start < tok.i and (doc[start].is_punct or doc[start].dep_ in ("cc", "det")):
        start += 1
    return doc[start].idx, tok.idx + len(tok.text)


#: modifiers that make a definite description an epithet of someone already in the story
#: ("the *former* Portsmouth defender said"), not a newcomer named by role
EPITHET_MODIFIERS = frozenset({"former", "ex", "veteran", "retired", "longtime", "long-time"})
FEMALE_EPITHETS = frozenset("woman girl mother grandmother daughter wife widow sister actress".split())
MALE_EPITHETS = frozenset("man boy father grandfather son husband widower brother actor".split())
#: sentences back (from the speaker's own) where an epithet's antecedent may stand
EPITHET_WINDOW = 2


def is_epithet(head: Token) -> bool:
    """"“…,” *the 58-year-old* said", "*the grandmother of five* said", "*the former
    Portsmouth defender* said": a definite description that characterises a person by age,
    a past role or a count of kin, the way news copy varies the name of someone just
    mentioned (the epithets of definite anaphora: Poesio & Vieira 1998 "discourse-new"
    versus "direct anaphora" descriptions)."""
    doc = head.doc
    age = is_age_word(head)
    start = speaker_mention(head)
    first = doc.char_span(start[0], start[1], alignment_mode="expand")
    if first is None:
        return False
    det = doc[first.start - 1] if first.start > 0 else None
    if not (is_definite_word(det) or any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)):
        return False
    noun = head.lower_
    left = list(first)
    if nationality_noun(head) and all(t.i == head.i or t.lower_ == "the" or is_age_word(t)
                                       or t.lower_ in EPITHET_MODIFIERS or t.is_punct or t.like_num
                                       or t.dep_ in ("npadvmod", "amod", "nummod") and t.i + 3 >= head.i
                                       for t in left):
        return True  # "“…,” *the Norwegian* said", "the 24-year-old Frenchman told reporters"
    if not age and not (head.pos_ == "NOUN" and head.tag_ == "NN"
                        and (noun in PERSON_NOUNS or noun in FEMALE_EPITHETS or noun in MALE_EPITHETS)):
        return False
    return age or any(is_age_word(t) or t.lower_ in EPITHET_MODIFIERS for t in left) or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.dep_ == "pobj" and o.like_num for o in c.children)
        for c in head.children)


def nationality_noun(head: Token) -> bool:
    """A singular noun for one person of a nation ("Norwegian", "Frenchman", "Briton"), not
    an adjective that also names the nation's people as a whole ("the French", "the Swiss",
    "the Chinese": the government or the team as often as one person)."""
    word = head.text
    return (head.tag_ in ("NN", "NNP") and word[:1].isupper() and gazetteer().demonym(word) is not None
            and not word.lower().endswith(COLLECTIVE_DEMONYM_ENDINGS))


COLLECTIVE_DEMONYM_ENDINGS = ("ish", "ch", "ese", "ss", "men", "s")


def is_definite_word(tok: Optional[Token]) -> bool:
    return tok is not None and tok.lower_ == "the"


def epithet_antecedent(doc: Doc, head: Token, last_speaker) -> Optional[str]:
    """The named person an epithet stands for: the subject named latest before it in its own
    sentence (outside quotation marks) or in the sentence or two before, in the same or the
    previous paragraph, agreeing in gender; else the person quoted last close before."""
    text = doc_text(doc)
    gender = "f" if head.lower_ in FEMALE_EPITHETS else "m" if head.lower_ in MALE_EPITHETS else None
    people = [e for e in doc._.cg_entities or [] if e.type == "PERSON" and e.name[:1].isupper()]

    def agrees(ent) -> bool:
        return gender is None or entity_gender(doc, ent) in (None, gender)
    sent = sentence_of(doc, head.i)
    for _ in range(EPITHET_WINDOW + 1):
        lo, hi = sent.start_char, min(sent.end_char, head.idx)
        if paragraphs_apart(text, lo, head.idx) > 1:
            break
        found = [(s, e.id) for e in people if agrees(e) for s, e_ in e.mentions
                 if lo <= s < hi and not inside_quotation(doc, s) and _subject_mention(doc, s, e_)]
        if found:
            return max(found)[1]
        if sent.start == 0:
            break
        sent = sentence_of(doc, sent.start - 1)
    if last_speaker is not None and head.idx - last_speaker[1] < 600:
        ent = next((e for e in people if e.id == last_speaker[0]), None)
        if ent is not None and agrees(ent):
            return ent.id
    return None


def _subject_mention(doc: Doc, start: int, end: int) -> bool:
    """Is the mention at ``[start, end)`` the subject of its clause ("Exeter boss Matt Taylor
    was left fuming": the phrase's head, not its first word)?"""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
