"""Quotes and their speakers: direct, partial, mixed and indirect speech.

*Find* (``predict``): rate every cue–content candidate of :mod:`.cues` with the
trained classifier, keep the best content per cue, stretch contents over the quoted
spans of :mod:`.quotemarks` (a quote that runs over several sentences or paragraphs
is one statement), then give every quotation that no cue governs the speaker of its
neighbour — the "quote continuation" convention of news copy that Pouliquen et al.
(2007) and Muzny et al. (2017, "A two-stage sieve approach for quote attribution")
rely on. Speakers are the subject of the cue (inherited through *and added that …*),
the agent of a passive, or the subject of an inverted cue (*said X*); pronouns and
relative pronouns are resolved to entities by :mod:`.speakers`.

*Write* (``set_annotations``): :class:`~claimgraph.model.Quote` records on
``doc._.cg_quotes``; relations that rest on a news outlet or an anonymous collective
(*AP notes*, *observers say*) are left to :mod:`.sources` as attributions.
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span as SpacySpan, Token

from claimgraph.step import Step
from claimgraph.model import Quote
from claimgraph.parsed import doc_text, sentence_of, tokens_with
from claimgraph.lexicon import DOUBLE_MARKS, QUOTE_CHARS, is_quote_mark, quote_mark_between
from claimgraph.quotes.candidates import (EXPLETIVE_HEADS, MODALS, SUBJECT_CONTROL_LEMMAS, SUBJECT_DEPS, Candidate,
                                            _cited_source, _finite_tag, could_speak,
                                            _introduces_quotation, cue_span, finding_holder, generate_candidates,
                                            subject_of)
from claimgraph.quotes.cues import choose_boundary, dense_features, featurise, load_model, rate
from claimgraph.lexicon import DOCUMENT_NOUNS, REPORTING_LEMMAS, verb_classes
from claimgraph.entities.handoff import (FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, PEOPLE_ROLE_NOUNS, PERSON_NOUNS,
                                        add_entity,
                                        add_mention, authored_by, collective_type, entity_at, entity_by_id, inside_quotation, is_definite,
                                        latest_before, named_in_its_kind, names_people, outlet_described,
                                        taken_up_as_person, token_entity_type, typed_entity_at)
from claimgraph.furniture import Furniture
from claimgraph.lexicon.gazetteer import fold, gazetteer
from claimgraph.quotes.confidence import confidence, quote_basis, speaker_form
from claimgraph.quotes.marks import QuotedSpan, find_quoted_spans, fragments, strip_marks
from claimgraph.quotes.turns import TURN_REASON, turn_speaker
from claimgraph.quotes.speakers import (PERSONAL_PRONOUNS, PLURAL_PRONOUNS, appositive_names, conjoined_speakers,
                                          SINGLE_PARTITIVES, epithet_antecedent, is_epithet, nationality_noun,
                                          main_subject_before, partitive_whole, mentions_cover, named_in_apposition, paragraphs_apart,
                                          piece_mention, neighbour_speaker, relative_antecedent, resolve_pronoun,
                                          speaker_mention)

PARTIAL_CUE_LEMMAS = frozenset({"describe", "call", "term", "label", "dub", "brand", "characterize",
                                "characterise", "denounce", "condemn", "hail", "praise"})
NAME_INTRODUCERS = frozenset({"known", "called", "dubbed", "nicknamed", "named", "titled", "so-called", "as"})
MIN_QUOTE_WORDS = 4
SHORT_OBJECT_WORDS = 4  # "called *the political system* “rotten”": an object this short stays in the content
#: the object of a verb of naming before the quoted words, which the parser may also label a
#: predicate complement ("called *both senators* “reckless”")
SMALL_CLAUSE_OBJECT_DEPS = frozenset({"dobj", "oprd"})
DOUBLE_QUOTES = frozenset(DOUBLE_MARKS)


@dataclass
class Statement:
    """A quote found, before it becomes a record: char spans and the speaker phrase."""

    kind: str
    start: int
    end: int
    cue: Optional[tuple[int, int]]
    speaker_head: Optional[Token]
    score: float
    cue_lemma: str = ""
    relation: str = ""  # how it was found: the content's dependency, "adjacent", "orphan" …
    negated: bool = False  # "has not denied", "did not say"


SCOPES = ("speech", "all")
#: what a quotation after "X issued a statement." can be the text of (the noun_say class)
STATEMENT_NOUNS = frozenset(w for w, classes in verb_classes().items() if "noun_say" in classes)
#: verbs of communication (Levin 1993, class 37: *say*, *ask*, *talk about*, *speak of*,
#: *complain*, *boast*, *tout*), the expressive and commissive acts of Searle (1976, "A
#: classification of illocutionary acts": *praise*, *thank*, *condemn*, *accuse* — Levin's
#: judgment verbs, class 33 — and *agree*, *refuse*, *object*), which news reports only when
#: they were said or written, and the nouns of statements and accusations
SPEECH_CLASSES = frozenset({"say", "ask", "urge", "promise", "describe", "discuss", "criticize", "praise",
                            "agree", "noun_say", "noun_criticize"})
#: stances taken in public, by word: an endorsement, a defence, advocacy, a protest
PUBLIC_STANCE_LEMMAS = frozenset({"endorse", "defend", "advocate", "protest"})
SPEECH_NOUN_CLASSES = frozenset({"noun_say", "noun_criticize"})
SPEECH_RELATIONS = frozenset({"adjacent", "governed", "orphan", "colon", "turn", "inverted", "evidence:in"})
TURN_SCORE = 0.9  # an interview's labelled turn: the layout, not a reading of the parse, makes it a statement


def _intended(doc: Doc, st: Statement) -> bool:
    """A speech verb in an infinitive of purpose under a verb that is not one of reporting
    ("the council met *to discuss* the budget"): an act meant, not one performed. (Infinitive
    complements, "plans *to endorse* X", stay: PolNeAR's train part reports them.)"""
    span = doc.char_span(*st.cue, alignment_mode="expand") if st.cue is not None else None
    if span is None:
        return False
    tok = span.root
    # a clause reported ("took to social media *to say the election was stolen*", "held a
    # news conference to announce that …") was said: the purpose was carried out
    return (tok.dep_ == "advcl" and tok.head.lemma_ not in REPORTING_LEMMAS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and not any(c.dep_ == "ccomp" for c in tok.children))


#: a source's request for anonymity ("asked not to be named"): how the story treats its
#: source, not something the source says about the world
ANONYMITY_REQUEST = re.compile(r"(?:that )?(?:(?:he|she|they|his|her|their) )?(?:names? )?(?:not (?:to )?be|"
                               r"not be) (?:named|identified|quoted)|anonymity", re.I)


def _anonymity_request(doc: Doc, st: Statement) -> bool:
    return ANONYMITY_REQUEST.fullmatch(doc_text(doc)[st.start:st.end].strip(" .,")) is not None


def speech_act(st: Statement, doc: Optional[Doc] = None) -> bool:
    """Did someone *say or write* it, or is it a belief, intention or attitude put down
    to them? Quoted words and verbs of communication (Levin 1993, class 37) are speech;
    a denial or finding with a that-clause is too, and so are praise, blame and agreement
    (*criticised the plan*, *thanked the nurses*, *agreed to testify*); a negated cue ("has
    not denied") says nothing; *hopes*, *wants*, *plans*, *supports X*, *thinks* are
    attitudes."""
    if st.kind in ("direct", "partial", "mixed") or st.relation in SPEECH_RELATIONS:
        return True
    if st.negated or st.speaker_head is None or doc is not None and (_intended(doc, st) or _anonymity_request(doc, st)):
        return False
    classes = set(verb_classes().get(st.cue_lemma.lower(), ()))
    if st.relation.startswith("noun:"):
        return bool(classes & SPEECH_NOUN_CLASSES)
    if st.relation == "ccomp" and classes & {"evidence", "criticize"}:
        return True  # "the report found that …", "she denied that …"
    return bool(classes & SPEECH_CLASSES) or st.cue_lemma.lower() in PUBLIC_STANCE_LEMMAS


def quoted_token_set(doc: Doc, spans: Optional[list[QuotedSpan]] = None) -> set[int]:
    """Indices of tokens inside quotation marks."""
    spans = find_quoted_spans(doc_text(doc)) if spans is None else spans
    out: set[int] = set()
    for qs in spans:
        span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


class QuoteFinder(Step):
    def __init__(self, nlp: Language, name: str = "claimgraph_quotes", threshold: Optional[float] = None,
                 scope: str = "speech", scorer=None):
        if scope not in SCOPES:
            raise ValueError(f"claimgraph_quotes: scope must be one of {SCOPES}, not {scope!r}")
        super().__init__(name, scorer)
        self.scope = scope
        self.model = load_model()
        default = self.model.get("threshold", 0.5) if self.model else 0.5
        self.threshold = default if threshold is None else threshold


    # ---- find -------------------------------------------------------------------------
    def predict(self, doc: Doc) -> list[Statement]:
        quoted = find_quoted_spans(doc_text(doc))
        quoted_tokens = quoted_token_set(doc, quoted)
        best: dict[int, Candidate] = {}
        accepted: list[Candidate] = []
        furniture = Furniture.of_doc(doc)
        for cand in generate_candidates(doc):
            if _listener_object(doc, cand) or _bare_document_issued(doc, cand):
                continue
            if furniture and _in_furniture(doc, cand, furniture):
                continue  # "‘We must keep talking’ The union told …": a heading is no one's words
            cand.score = rate(featurise(cand, quoted_tokens), self.model, dense_features(cand))
            if _plain_report(cand) or _naming_report(cand) or _finding_before_colon(cand) or _document_reads(cand):
                # "X said (that) …", "…, notes Reuters.": unambiguous in news copy, whatever
                # the training corpus' house style made the classifier believe
                cand.score = max(cand.score, self.threshold + 0.1)
            if cand.relation == "turn":
                cand.score = max(cand.score, TURN_SCORE)
            if cand.score < self.threshold:
                continue
            accepted.append(cand)
            held = best.get(cand.cue.i)
            if held is None or cand.score > held.score:
                best[cand.cue.i] = cand
        for cand in best.values():
            cand.content_end = choose_boundary(doc, cand, self.model)
            _join_complements(doc, cand, accepted)
            _with_object(doc, cand)
            _with_addressee(doc, cand)
            _continued_on_cue(doc, cand)
            _without_speakers_gloss(doc, cand)
        # an interview's turn holds the reports inside an answer, it does not replace them
        chosen = _drop_nested([c for c in best.values() if c.relation != "turn"]) \
            + [c for c in best.values() if c.relation == "turn"]
        statements = [self._statement(doc, cand, quoted) for cand in chosen]
        statements += self._adjacent_cue_quotes(doc, quoted, statements)
        statements = _drop_inside_quotes(statements)
        statements += self._orphan_quotes(doc, quoted, statements)
        for st in statements:
            if st.speaker_head is not None and st.cue is not None and st.start <= st.speaker_head.idx < st.end <= st.cue[0]:
                # the parser took a word of the quotation for the subject of the frame after it
                cue = doc.char_span(*st.cue, alignment_mode="expand")
                if cue is not None:
                    st.speaker_head = _frame_subject(doc, st.end, cue.root)
            elif st.cue is not None and st.speaker_head is not None and st.start <= st.speaker_head.idx < st.cue[0] \
                    and st.cue[1] <= st.end:
                _reframed(doc, st)
        statements.sort(key=lambda s: s.start)
        statements = _pseudo_clefts(doc_text(doc), statements)
        statements = _join_same_cue(doc_text(doc), _merge_split_quotes(
            doc_text(doc), statements, quoted, _cue_tokens(doc), _frame_clauses(doc),
            [q for q in quoted if _quoted_name(doc, q)],
            {id(st) for st in statements if _opens_before_frame(doc, st, quoted)}))
        return _clear_of_furniture(doc, statements, furniture) if furniture else statements

    def _statement(self, doc: Doc, cand: Candidate, quoted: list[QuotedSpan]) -> Statement:
        start = doc[cand.content_start].idx
        last = doc[cand.content_end - 1]
        end = last.idx + len(last.text)
        start, end = strip_marks(doc_text(doc), start, end)
        kind = "indirect"
        # a quoted title or name ("Tickets for “A Night at the Opera” sold out") quotes nobody
        inside = [q for q in quoted if q.start < end and q.end > start and not _quoted_name(doc, q)]
        if inside:
            cover = sum(min(q.end, end) - max(q.start, start) for q in inside)
            if cover >= 0.9 * (end - start):
                # the whole content is quoted: stretch it over the quotation(s)
                chain = _chain(quoted, inside)
                start, end = min(start, chain[0].start), max(end, chain[-1].end)
                is_clause = any(t.pos_ in ("VERB", "AUX") for t in doc[cand.content_start:cand.content_end])
                words = sum(q.words(doc_text(doc)) for q in chain)
                kind = "direct" if is_clause and words >= MIN_QUOTE_WORDS else "partial"
            else:
                kind = "mixed"
                fragment = inside[-1]
                tail = doc_text(doc)[fragment.end:end].split()
                tail_span = doc.char_span(fragment.end, end, alignment_mode="expand") if fragment.end < end else None
                # what follows the quoted words is only when or where they were said ("… on
                # Tuesday", "… in a speech on Monday"), no clause of its own
                tail_words = len([w for w in tail if w.strip(QUOTE_CHARS + ".,;")])
                first = next((t for t in tail_span or () if not t.is_punct and not is_quote_mark(t)), None)
                circumstance = tail_words <= 3 or tail_words <= 6 and first is not None and first.head.i == cand.cue.i \
                    and first.dep_ in ("prep", "npadvmod") and not any(t.pos_ in ("VERB", "AUX") for t in tail_span)
                lead = [w for w in doc_text(doc)[start:fragment.start].split() if w.strip(QUOTE_CHARS) not in ("", "as")]
                if cand.cue.lemma_ in PARTIAL_CUE_LEMMAS and fragment.words(doc_text(doc)) <= 10 and circumstance \
                        and len(lead) > SHORT_OBJECT_WORDS and not _bare_complement(doc, fragment.start):
                    # "described the deployment of North Korean troops as “very dangerous”": the
                    # quoted words are the statement; "called the system “rotten to the core”",
                    # "called her “weak”": the short object is part of what was said of it
                    kind = "partial"
                    start, end = strip_marks(doc_text(doc), fragment.start, fragment.end)
                elif cand.cue.lemma_ in PARTIAL_CUE_LEMMAS and fragment.words(doc_text(doc)) <= 10 and circumstance:
                    end = strip_marks(doc_text(doc), start, fragment.end)[1]  # not "… on Tuesday"
                if kind == "mixed" and fragment.closed and fragment.end >= end and fragment.end < len(doc_text(doc)) \
                        and not doc_text(doc)[end:fragment.end].strip(".,;!?…"):
                    # 'was "fair and generous."': the content closes the quotation it opened
                    end = fragment.end + 1
        if cand.relation == "turn":
            kind = "direct"  # the interviewee's own words, which the layout, not marks, sets off
        negated = any(c.dep_ == "neg" for c in cand.cue.children)
        return Statement(kind, start, end, cue_span(cand.cue), cand.speaker, cand.score, cand.cue.lemma_,
                         cand.relation, negated)

    def _adjacent_cue_quotes(self, doc: Doc, quoted: list[QuotedSpan], found: list[Statement]) -> list[Statement]:
        """“…,” Zelensky wrote. / He said: “…” — a quotation and the cue right next to it,
        even where the parser did not link them (quotes spanning several sentences)."""
        out: list[Statement] = []
        text = doc_text(doc)
        for qs in quoted:
            if _covered(qs, [s for s in found if not _cue_inside(s, qs)]):
                continue
            if qs.words(text) < MIN_QUOTE_WORDS and not _short_sentence_framed(doc, qs) or _cited_words(doc, qs):
                continue
            frame = _adjacent_frame(doc, qs)
            if frame is None:
                continue
            cue, speaker = frame
            chain = _chain(quoted, [qs])
            start, end = strip_marks(text, chain[0].start, chain[-1].end)
            out.append(Statement("direct", start, end, cue_span(cue), speaker, 0.6, cue.lemma_, "adjacent"))
        return out

    def _orphan_quotes(self, doc: Doc, quoted: list[QuotedSpan], found: list[Statement]) -> list[Statement]:
        """Quotations no chosen cue covers: partial quotes of a nearby cue, or continuations."""
        out: list[Statement] = []
        for qs in quoted:
            if any(s.start <= qs.start + 1 and s.end >= qs.end - 1 for s in found + out):
                continue
            if any(min(s.end, qs.end) - max(s.start, qs.start) > 0.5 * (qs.end - qs.start) for s in found):
                continue
            holder = next((s for s in found if s.cue is not None and s.start <= qs.start + 1 < s.end < qs.end), None)
            if holder is not None:
                # “credible and inclusive government; a new constitution; …” — the content
                # stopped inside a quotation that goes on: the quotation is all its own
                holder.end = strip_marks(doc_text(doc), qs.start, qs.end)[1]
                continue
            span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
            if span is None or not len(span) or _cited_words(doc, qs):
                continue
            words = qs.words(doc_text(doc))
            start, end = strip_marks(doc_text(doc), qs.start, qs.end)
            cue = _governing_cue(span)
            if cue is not None and _name_given(doc, qs, span, cue):
                continue
            if cue is not None and words < 15:
                own = next((st for st in found if st.cue == cue_span(cue) and cue.idx < st.start
                            and st.end <= qs.start and sentence_of(doc, span.start).start_char <= st.start), None)
                if own is not None:
                    # "says the people want a leader, but instead Obama is giving them
                    # “lectures …”": the quotation ends the statement the cue already made
                    own.end = max(own.end, end)
                    if own.kind == "indirect":
                        own.kind = "mixed"
                    continue
                lead = _short_object(cue, span)
                out.append(Statement("partial" if lead is None else "mixed", start if lead is None else lead, end,
                                     cue_span(cue), subject_of(cue), 0.5, cue.lemma_, "governed"))
                continue
            if words < MIN_QUOTE_WORDS or _is_name(span):
                continue
            intro = _statement_before(doc, span)
            if intro is not None:
                verb, who = intro
                out.append(Statement("direct", start, end, cue_span(verb), who, 0.5, verb.lemma_, "adjacent"))
                continue
            out.append(Statement("direct", start, end, None, None, 0.5, relation="orphan"))
        return out

    # ---- write ------------------------------------------------------------------------
    def set_annotations(self, doc: Doc, statements: list[Statement]) -> None:
        quotes: list[Quote] = []
        known = {e.id for e in doc._.cg_entities or []}
        last_speaker: Optional[tuple[str, int]] = None  # entity id, char offset
        resolved: list[tuple[Statement, Optional[str], Optional[tuple[int, int]]]] = []
        for st in statements:
            ent_id, mention = self._speaker(doc, st, last_speaker)
            resolved.append((st, ent_id, mention))
            if ent_id is not None:
                last_speaker = (ent_id, st.end)
        # cue-less quotations take the speaker of their neighbour in the same paragraph
        neighboured: set[int] = set()
        for k, (st, ent_id, mention) in enumerate(resolved):
            if st.cue is None and ent_id is None:
                ent_id, mention = neighbour_speaker(doc, resolved, k)
                resolved[k] = (st, ent_id, mention)
                neighboured.add(k)
        text = doc_text(doc)
        quoted = find_quoted_spans(text)
        types = {e.id: e.type for e in doc._.cg_entities or []}
        for k, (st, ent_id, mention) in enumerate(resolved):
            reason = None
            if st.cue is None and ent_id is None:
                # a quoted statement nobody in the discourse says: still a statement, with
                # no speaker and the reason why (issue 10, class 3)
                reason = unspoken_reason(text, st, quoted)
                if reason is None:
                    continue
            elif ent_id is None and st.relation == "turn":
                reason = TURN_REASON
            elif ent_id is None:
                # a cue whose speaker the article leaves open: say why there is none
                reason = (f"“{text[mention[0]:mention[1]]}” stands for no one the article names" if mention
                          else f"no one says “{text[st.cue[0]:st.cue[1]]}” in its sentence")
            act = "speech" if speech_act(st, doc) else "attitude"
            if act != "speech" and self.scope == "speech":
                continue
            q = Quote(id=f"Q{len(quotes) + 1}", kind=st.kind, content=(st.start, st.end),
                      cue=st.cue, speaker=ent_id, speaker_mention=mention,
                      speaker_text=text[mention[0]:mention[1]] if mention else None,
                      act=act, fragments=fragments(text, st.start, st.end, quoted,
                                                   st.kind in ("direct", "partial"),
                                                   _frame(st.cue, mention)),
                      reason=reason)
            if k not in neighboured and st.speaker_head is not None:
                self._conjoined(doc, st.speaker_head, q)
            form = "neighbour" if k in neighboured else speaker_form(st.speaker_head, ent_id is not None)
            q.confidence = confidence("quote", q, quote_basis(st.score, st.relation, st.kind, act, form,
                                                              types.get(q.speaker), max(1, len(q.speakers))))
            quotes.append(q)
        speak_in_first_person(doc, quotes)
        # a speaker this step named only for a statement it did not keep (an attitude outside
        # the speech scope: "An *ordinance* last month extended …") is no entity of the article
        used = {q.speaker for q in quotes} | {s for q in quotes for s in q.speakers}
        if doc._.cg_entities:
            doc._.cg_entities = [e for e in doc._.cg_entities if e.id in known or e.id in used]
        doc._.cg_quotes = quotes

    def _speaker(self, doc: Doc, st: Statement, last_speaker) -> tuple[Optional[str], Optional[tuple[int, int]]]:
        head = st.speaker_head
        if head is None:
            return None, None
        if st.relation == "turn":
            return turn_speaker(doc), (head.idx, head.idx + len(head.text))
        mention = speaker_mention(head)
        low = head.lower_
        if head.pos_ == "PRON" and low in PERSONAL_PRONOUNS | PLURAL_PRONOUNS:
            ent_id = resolve_pronoun(doc, head, last_speaker)
            if ent_id is not None:
                add_mention(doc, ent_id, mention)
            return ent_id, mention
        antecedent = relative_antecedent(head)
        if antecedent is not None:
            # "Lynch, who told reporters …": the mention stays "who", the speaker is Lynch
            ent_id = self._entity_for(doc, antecedent, speaker_mention(antecedent))
            add_mention(doc, ent_id, mention)
            return ent_id, mention
        if low == "it":
            # "It later claimed …": what the entity layer linked it to, or the organisation
            # quoted last nearby; never an entity named "It"
            ent_id = _neuter_antecedent(doc, head, last_speaker)
            if ent_id is not None:
                add_mention(doc, ent_id, mention)
            return ent_id, mention
        if is_epithet(head):
            # "“I am sorry,” the 58-year-old said": the person just named, unless the
            # description names someone of its own
            known = entity_by_id(doc, entity_at(doc, *mention))
            if known is None or not known.name[:1].isupper() or not mentions_cover(doc, known.id, head.idx) \
                    or nationality_noun(head):  # "the Norwegian" names a nation's man, not an entity
                ent_id = epithet_antecedent(doc, head, last_speaker)
                if ent_id is not None:
                    add_mention(doc, ent_id, mention)
                    return ent_id, mention
        return self._entity_for(doc, head, mention), mention

    def _conjoined(self, doc: Doc, head: Token, q: Quote) -> None:
        """"X and Y confirmed": one statement by several speakers; ``speaker`` (and its
        mention) is the first, ``speakers`` all of them."""
        heads = appositive_names(head)
        floor = heads[0].left_edge.i if heads else head.left_edge.i
        heads = heads or conjoined_speakers(head)
        if not heads:
            return
        ids, first_mention = [], None
        coordinated = heads[0] is head  # the parser's coordination, not a split of the surface
        for tok in heads:
            if coordinated and tok is head:
                if q.speaker is None:
                    return
                ids.append(q.speaker)
                first_mention = q.speaker_mention
                continue
            mention = speaker_mention(tok) if coordinated else piece_mention(tok, floor)
            ent_id = entity_at(doc, *mention)
            if ent_id is None and tok.pos_ == "PROPN" and any(
                    fold(t.text) in gazetteer().given_names for t in doc[floor:tok.i]):
                ent_id = add_entity(doc, doc_text(doc)[mention[0]:mention[1]], "PERSON", mention)
            if ent_id is None or not mentions_cover(doc, ent_id, tok.idx):
                ent_id = self._entity_for(doc, tok, mention)
            if ent_id not in ids:
                ids.append(ent_id)
            first_mention = first_mention or mention
            floor = tok.i + 1
            while floor < len(doc) and (doc[floor].is_punct or doc[floor].dep_ == "cc"):
                floor += 1
        if len(ids) < 2:
            return
        text = doc_text(doc)
        q.speakers = ids
        q.speaker, q.speaker_mention = ids[0], first_mention
        q.speaker_text = text[first_mention[0]:first_mention[1]]

    @staticmethod
    def _entity_for(doc: Doc, head: Token, mention: tuple[int, int]) -> str:
        named = named_in_apposition(head)
        if named is not None:  # "The mayor of Kyiv, Vitali Klitschko, said": the person named
            ent_id = entity_at(doc, named.start_char, named.end_char)
            if ent_id is not None and mentions_cover(doc, ent_id, named.root.idx):
                add_mention(doc, ent_id, mention)
                return ent_id
        ent_id = entity_at(doc, *mention)
        if ent_id is not None and not mentions_cover(doc, ent_id, head.idx) and authored_by(doc, ent_id, head):
            add_mention(doc, ent_id, mention)  # "General Statistics Office data show …": the office's
            return ent_id
        if ent_id is not None and not mentions_cover(doc, ent_id, head.idx) \
                and not named_in_its_kind(doc, ent_id, head):
            # "Lindqvist Engineering insists" is the company, not the Lindqvist named in it;
            # "Mayor Ana Ruiz and Police Chief Tom Hale confirmed": the entity named by the
            # head word itself (Tom Hale), where there is one
            ent_id = entity_at(doc, head.idx, head.idx + len(head.text))
            if ent_id is not None and not mentions_cover(doc, ent_id, head.idx):
                ent_id = None
        if ent_id is not None and not _head_noun_of(doc, ent_id, head):
            # "A senior official at the agency, who asked not to be named, said … The official
            # said …": the speaker described with that very noun before outranks a person the
            # entity layer took it for by looser fit (strict head match first: Lee et al. 2013)
            ent_id = _described_before(doc, head) or ent_id
        if ent_id is None:
            ent_id = _described_before(doc, head) or outlet_described(doc, head) or _issuer_before(doc, head)
            if ent_id is not None:
                add_mention(doc, ent_id, mention)
                return ent_id
        if ent_id is None:
            # a name "who" takes up, or a role in apposition, is a person's ("Chalida
            # Tajaroensuk, who heads …", "Simasiku, director at …")
            start = head.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == head.i:
                start -= 1
            whole = partitive_whole(head)
            personal = (head.ent_type_ == "PERSON" or head.pos_ == "PROPN" and taken_up_as_person(doc, start, head.i + 1)
                        or head.pos_ == "PROPN" and doc[start].lower_.rstrip(".") in PERSONAL_HONORIFICS  # "Dr. del Pozo"
                        or whole is not None and head.lower_ in SINGLE_PARTITIVES and names_people(whole)  # "one of the aides"
                        or head.tag_ == "NN" and (head.lemma_.lower() in PERSON_NOUNS  # "a DHS spokesperson"
                                                  or head.lemma_.lower() in PEOPLE_ROLE_NOUNS))  # "the business owner"
            type_ = "PERSON" if personal else "ORG" if head.ent_type_ == "ORG" else \
                "GPE" if head.ent_type_ == "GPE" else "ORG" if head.pos_ == "PROPN" else \
                "MISC" if head.lemma_.lower() in DOCUMENT_NOUNS or whole is not None and whole.lemma_.lower() in DOCUMENT_NOUNS \
                else collective_type(head)  # "the statement said", "one of the letters said": a document
            ent_id = add_entity(doc, doc_text(doc)[mention[0]:mention[1]], type_, mention)
        return ent_id


#: honorifics that only ever stand before a person's name
PERSONAL_HONORIFICS = frozenset("dr prof professor mr mrs ms miss mx sir dame rev reverend".split())

#: modifiers that take up the one described before ("the same official")
SAME_WORDS = frozenset({"same", "aforementioned"})


def _described_before(doc: Doc, head: Token) -> Optional[str]:
    """"A DHS spokesperson told VOA … “…,” *the spokesperson* added": a definite description
    whose head noun is the head of an earlier speaker's description (or the role of an
    earlier person) is that speaker — the definite article marks it as known (Hawkins 1978;
    the head-match pass of Lee et al. 2013). The latest such entity, or None."""
    if head.pos_ != "NOUN" or not is_definite(head):
        return None
    noun = head.lower_
    # its own modifiers ("the *Pentagon* spokesman") must all be words of the earlier
    # speaker's name or mentions: "the Pentagon spokesman" is not "a Chinese foreign
    # ministry spokesman" named before
    text = doc_text(doc)
    own = {t.lower_ for t in doc[head.left_edge.i:head.i]
           if t.is_alpha and t.dep_ != "det" and t.lower_ not in SAME_WORDS}

    def described(ent) -> bool:
        words = ent.name.lower().split()
        if ent.type not in ("PERSON", "GROUP") or not ent.mentions or not words \
                or words[-1] != noun and getattr(ent, "role", None) != noun:
            return False
        return not own or own <= set(" ".join([ent.name, *ent.aliases,
                                               *(text[s:e] for s, e in ent.mentions)]).lower().split())
    return latest_before(filter(described, doc._.cg_entities or []), head.idx)


#: verbs by which someone puts out a document ("Blinken *issued* a statement")
ISSUING_LEMMAS = frozenset({"issue", "release", "publish", "send", "post", "sign", "write", "deliver", "file"})


def _issuer_before(doc: Doc, head: Token) -> Optional[str]:
    """"Blinken issued a statement Tuesday … *The statement* threatened sanctions": a
    definite document noun with no modifier of its own takes up the last document of that
    noun put out by a named speaker (the direct anaphora of a definite description, Hawkins
    1978; Poesio and Vieira 1998), and what it says is that speaker's. The entity, or None."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma not in DOCUMENT_NOUNS or not is_definite(head) \
            or any(t.dep_ != "det" for t in doc[head.left_edge.i:head.i]):
        return None
    earlier = next((t for t in reversed(doc[max(0, head.i - 200):head.i]) if t.lemma_.lower() == lemma), None)
    if earlier is None or earlier.dep_ != "dobj" or earlier.head.lemma_ not in ISSUING_LEMMAS:
        return None
    subj = next((c for c in earlier.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    return typed_entity_at(doc, *speaker_mention(subj), ("PERSON", "ORG", "GOVERNMENT", "GPE", "NEWS_OUTLET"))


def _head_noun_of(doc: Doc, ent_id: str, head: Token) -> bool:
    """Is ``head`` no definite description of a person, or the noun of the entity's name, role or of one
    of its mentions before it?"""
    if head.pos_ != "NOUN" or head.lower_ not in PERSON_NOUNS or not is_definite(head):
        return True
    ent = entity_by_id(doc, ent_id)
    if ent is None:
        return True
    noun, text = head.lower_, doc_text(doc)
    named = [ent.name, *(getattr(ent, "role", None) or "").split(";")] + [text[s:e] for s, e in ent.mentions
                                                                         if e <= head.idx]
    return any(_head_word(n) == noun for n in named)


#: words after a description's head noun ("the top official *at* the embassy")
_POSTMODIFIER_OPENERS = frozenset("at of in for from with on to who which that ,".split())


def _head_word(phrase: str) -> str:
    """The head noun of a name, role or description: its last word before a prepositional
    phrase or relative clause ("official" of "the top official at the embassy")."""
    words = phrase.lower().replace(",", " , ").split()
    cut = next((k for k, w in enumerate(words) if k > 0 and w in _POSTMODIFIER_OPENERS), len(words))
    return words[cut - 1] if cut else ""


#: speakers "it" can stand for
NEUTER_SPEAKER_TYPES = frozenset({"ORG", "GOVERNMENT", "NEWS_OUTLET", "GPE", "MISC", "GROUP"})


def _neuter_antecedent(doc: Doc, pron: Token, last_speaker) -> Optional[str]:
    """What "it" says for: the entity layer's own link, else the organisation, government,
    outlet, country, document or collective ("the outfit") that spoke last, close before
    (as "he" takes the person quoted last: :func:`resolve_pronoun`)."""
    linked = entity_at(doc, pron.idx, pron.idx + len(pron.text))
    if linked is not None:
        return linked
    subject = _body_subject_before(doc, pron)
    if subject is not None:
        return subject
    if last_speaker is None or pron.idx - last_speaker[1] > 600:
        return None
    ent = entity_by_id(doc, last_speaker[0])
    return ent.id if ent is not None and ent.type in NEUTER_SPEAKER_TYPES else None


def _body_subject_before(doc: Doc, pron: Token) -> Optional[str]:
    """"The U.N. refugee agency shares that concern. *It* issued a statement saying …": an
    "it" that opens its clause takes the body that is the main subject of the sentence just
    before (the backward-looking centre, Grosz, Joshi & Weinstein 1995), before the one
    quoted last."""
    sent = sentence_of(doc, pron.i)
    if pron.i != sent.start or inside_quotation(doc, pron.idx):
        return None  # (an "it" inside the quoted words frames nothing)
    subj = main_subject_before(doc, sent)
    if subj is None:
        return None
    ent_id = typed_entity_at(doc, *speaker_mention(subj), NEUTER_SPEAKER_TYPES)
    return ent_id if ent_id is not None and mentions_cover(doc, ent_id, subj.idx) else None


#: a cue-less quotation is a statement of its own when it is whole quoted sentences of at
#: least this many words (not a scare-quoted word, a title or a slogan)
STATEMENT_WORDS = 6


QUOTED_KINDS = ("direct", "partial", "mixed")


def speak_in_first_person(doc: Doc, quotes: list[Quote]) -> None:
    """Add the first-person pronouns of each quoted passage to the quotation's speaker
    (``"I will appeal," Ruiz said``: *I* is Ruiz), unless the entity layer already placed them:
    the speaker sieve of Lee et al. (2013), here with the quote step's own speakers, which
    reach further than the frame next to the marks (paragraph-initial quotations that continue
    a speaker, cue-less neighbours). One statement of several speakers is left alone."""
    ents = {e.id: e for e in doc._.cg_entities or []}
    placed = {m for e in ents.values() for m in e.mentions}
    for q in quotes:
        ent = ents.get(q.speaker) if q.speaker else None
        if ent is None or q.kind not in QUOTED_KINDS or q.speakers:
            continue
        # a person says "I", an organisation, a country or a group "we"
        wanted = FIRST_PERSON_SINGULAR if ent.type == "PERSON" else FIRST_PERSON_PLURAL
        for s, e in q.fragments:
            span = doc.char_span(s, e, alignment_mode="expand")
            for tok in span if span is not None else ():
                mention = (tok.idx, tok.idx + len(tok.text))
                if tok.lower_ in wanted and tok.tag_ in ("PRP", "PRP$") and mention not in placed:
                    add_mention(doc, ent.id, mention)
                    placed.add(mention)


def unspoken_reason(text: str, st: Statement, quoted: list[QuotedSpan]) -> Optional[str]:
    """Why a cue-less quotation that no neighbour speaks for has no speaker — or ``None``
    when it is no statement: only whole quoted sentences count (at least
    :data:`STATEMENT_WORDS` words, opening a sentence or following a colon, ending in
    . ! ? inside the marks), not a quoted phrase inside a sentence of the article's own."""
    if st.relation != "orphan" or st.kind != "direct":
        return None
    qs = next((q for q in quoted if q.start <= st.start and st.end <= q.end), None)
    if qs is None or qs.words(text) < STATEMENT_WORDS:
        return None
    inside = text[qs.start:qs.end].strip().strip(QUOTE_CHARS).rstrip()
    if not inside.endswith((".", "!", "?", "…")) or not text_starts_sentence(text, qs.start):
        return None
    line_start = text.rfind("\n", 0, qs.start) + 1
    before = text[line_start:qs.start].rstrip(" \t\xa0" + QUOTE_CHARS)
    if before and not before.endswith((".", "!", "?", "…", ":")):
        return None  # it goes on a sentence of the article's own ("thanked him for “…")
    if not before.strip("—–-"):
        return "no cue in its sentence and no speaker in the paragraph before"
    return "no cue in its sentence and no speaker in its paragraph"


def _frame(cue: Optional[tuple[int, int]], mention: Optional[tuple[int, int]]) -> Optional[tuple[int, int]]:
    """The cue with its speaker phrase when they stand together ("she said", "said Ms.
    Ruiz"): the frame a content may be interrupted by."""
    if cue is None:
        return None
    if mention is None or mention[1] < cue[0] - 40 or mention[0] > cue[1] + 40:
        return cue
    return min(cue[0], mention[0]), max(cue[1], mention[1])


SAY_CLASS_RELATIONS = frozenset({"ccomp", "inverted", "parataxis"})


def _document_reads(cand: Candidate) -> bool:
    """"“…,” read the statement", "the letter read": a document that reads so quotes itself."""
    return cand.cue.lemma_ == "read" and cand.relation in SAY_CLASS_RELATIONS and cand.speaker is not None \
        and cand.speaker.lemma_.lower() in DOCUMENT_NOUNS


def _finding_before_colon(cand: Candidate) -> bool:
    """"Its main finding: “The agency failed to act.”": a quotation after a finding noun and
    a colon is what its holder concluded (issue 10, class 3)."""
    return cand.relation == "colon" and cand.speaker is not None and cand.speaker.dep_ in ("poss", "pobj") \
        and finding_holder(cand.speaker.head if cand.speaker.dep_ == "poss" else cand.speaker.head.head) is cand.speaker


def _plain_report(cand: Candidate) -> bool:
    """A verb of saying with a speaker and a clause as its content."""
    if cand.speaker is None or cand.relation not in SAY_CLASS_RELATIONS:
        return False
    if cand.relation == "inverted" and cand.cue.dep_ == "conj":
        return True
    if any(c.dep_ == "neg" for c in cand.cue.children):
        return False
    return "say" in verb_classes().get(cand.cue.lemma_.lower(), ())


#: what follows the object of a verb of naming to say what it was called ("called him a
#: liar", "called the charges unfounded", "described the plan as reckless")
OBJECT_COMPLEMENT_DEPS = frozenset({"oprd", "xcomp", "ccomp"})


def _naming_report(cand: Candidate) -> bool:
    """A verb of naming with a speaker, an object and what the object was called (Levin
    1993, class 29.3 *dub* verbs): "She called him a liar" can only report words said."""
    if cand.speaker is None or cand.relation != "dobj" or any(c.dep_ == "neg" for c in cand.cue.children):
        return False
    if "describe" not in verb_classes().get(cand.cue.lemma_.lower(), ()):
        return False
    obj = next((c for c in cand.cue.children if c.dep_ == "dobj"), None)
    return obj is not None and any(
        c.i > obj.i and (c.dep_ in OBJECT_COMPLEMENT_DEPS or c.dep_ == "prep" and c.lower_ == "as")
        for c in cand.cue.children)


def _cue_inside(st: Statement, qs: QuotedSpan) -> bool:
    return st.cue is not None and qs.start <= st.cue[0] < qs.end


def _covered(qs: QuotedSpan, found: list[Statement]) -> bool:
    return any(min(s.end, qs.end) - max(s.start, qs.start) > 0.5 * (qs.end - qs.start) for s in found)


def _drop_inside_quotes(statements: list[Statement]) -> list[Statement]:
    """Relations whose cue sits inside another statement's direct quotation belong to
    the quoted speaker's own words, not to the article's attributions. An interview's turn
    is a paragraph of talk, not a quotation: the reports in an answer stay the article's."""
    direct = [s for s in statements if s.kind == "direct" and s.relation != "turn"]
    return [s for s in statements
            if not (s.cue and any(d is not s and d.start <= s.cue[0] < d.end for d in direct))]


def _reporting(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_ in REPORTING_LEMMAS


#: how many tokens after a closing mark the frame's verb may stand: room for a name with its
#: role in apposition ("…,” Mary K. Stone, the governor's former chief of staff, said)
FRAME_REACH = 20


def _short_sentence_framed(doc: Doc, qs: QuotedSpan) -> bool:
    """“What's the point?” he asked. / “No,” she said. — a short quotation is a statement
    still when it opens its sentence, closes on the punctuation of speech inside its marks and
    a reporting verb frames it right after (a scare-quoted word is none of these)."""
    text = doc_text(doc)
    inner = text[qs.start:qs.end].rstrip()
    while inner and inner[-1] in QUOTE_CHARS:
        inner = inner[:-1].rstrip()
    return bool(inner) and inner[-1] in ",?!" and text_starts_sentence(text, qs.start) \
        and _cue_after(doc, qs.end) is not None


def _cue_after(doc: Doc, end_char: int) -> Optional[Token]:
    """A reporting verb in the few tokens after a closing quote mark: “…,” X said."""
    text = doc_text(doc)
    span = doc.char_span(end_char, min(len(text), end_char + 1), alignment_mode="expand")
    if span is None:
        return None
    i = span.end
    while i < len(doc) and (doc[i].is_punct or doc[i].is_space) and doc[i].text not in ".?!":
        if "\n" in doc[i].text or "\n" in doc[i - 1].whitespace_:
            return None  # the paragraph ends with the quotation
        i += 1
    if i < len(doc) and "\n" in doc[i - 1].whitespace_:
        return None
    # “… homes.” The U.N. says the war displaced … — after a full stop inside the
    # quotation, a new sentence begins: its verb is a cue only if it reports nothing else
    last = end_char
    while last > 0 and text[last - 1].isspace():
        last -= 1
    closed = last == 0 or text[last - 1] in ".!?…"
    # after a question or an exclamation the frame has no comma (“… ?” Lee asked reporters): there
    # only a content of the verb's own says a new sentence began
    own_content = ("ccomp", "xcomp") if last and text[last - 1] in "?!" else ("ccomp", "dobj", "xcomp")
    for tok in doc[i:min(len(doc), i + FRAME_REACH)]:
        if tok.text in ".?!" or "\n" in tok.text or tok.text in DOUBLE_QUOTES:
            return None
        if (_reporting(tok) or tok.i - i < 4 and _quotative(tok)) and subject_of(tok) is not None:
            if closed and any(c.dep_ in own_content for c in tok.rights):
                return None
            if tok.dep_ in ("parataxis", "ccomp", "advcl", "conj") and (
                    i <= tok.head.i < tok.i or tok.head.i > tok.i
                    and not quote_mark_between(doc, tok.i, tok.head.i)):
                return None  # “… standards.” Lopez’s health was better, Ruiz said: the frame of that clause
            return tok
    return None


def _reframed(doc: Doc, st: Statement) -> None:
    """"Nothing the president *said* “will assuage people's fears,” the Florida senator
    *said*.": a cue inside its own content (a verb of a relative clause in the quoted
    subject) is a word of what was said; the frame after the quotation is the statement's,
    with its speaker."""
    cue = doc.char_span(*st.cue, alignment_mode="expand")
    if cue is None or cue.root.dep_ != "relcl" or cue.root.head.dep_ != "nsubj":
        return
    frame = _cue_after(doc, st.end)
    if frame is None or frame.idx < st.end or cue.root.head.head.i != frame.i:
        return  # the noun the cue's clause modifies is the subject of the frame: a word of the quotation
    speaker = subject_of(frame)
    if speaker is None or speaker.idx < st.end:
        return
    st.cue, st.speaker_head, st.cue_lemma = cue_span(frame), speaker, frame.lemma_


def _frame_subject(doc: Doc, quote_end: int, cue: Token) -> Optional[Token]:
    """The speaker of a frame after a quotation, outside it: the noun or pronoun between
    the closing mark and the cue (“…,” *he* said), else the name right after the cue
    (“…,” said *Briggs*)."""
    between = [t for t in doc[:cue.i] if t.idx >= quote_end and t.pos_ in ("PRON", "PROPN", "NOUN")
               and t.ent_type_ not in ("DATE", "TIME")]
    if between:
        tok = between[-1]
        while tok.dep_ in ("compound", "flat") and tok.head.i < cue.i and tok.head.idx >= quote_end:
            tok = tok.head
        return tok
    return next((t for t in doc[cue.i + 1:cue.i + 4] if t.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _quotative(tok: Token) -> bool:
    """“…,” she continued. / “…,” he quipped. — any finite verb right after a quotation
    that takes no content of its own introduces it (verbs of manner of speaking)."""
    return (tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ", "VBP")
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "acomp", "attr") for c in tok.rights))


def _before_opening_mark(doc: Doc, start_char: int) -> int:
    """Index of the last token before a quotation's opening mark (spaces and marks skipped),
    or -1 when the quotation opens the text."""
    span = doc.char_span(max(0, start_char - 1), start_char, alignment_mode="expand")
    if span is None or span.start < 2:
        return -1
    i = span.start - 1
    while i >= 0 and (doc[i].is_space or is_quote_mark(doc[i])):
        i -= 1
    return i


def _cue_before(doc: Doc, start_char: int) -> Optional[Token]:
    """X said: “…” — a reporting verb just before the opening mark, after a colon or comma."""
    i = _before_opening_mark(doc, start_char)
    if i < 1 or doc[i].text not in (":", ",", "."):
        return None
    stop = doc[i].text == "."  # "X said in a statement. “…”": only a cue that took no content
    for tok in reversed(doc[max(0, i - 8):i]):
        if tok.text in ".?!" or "\n" in tok.text:
            break
        if _reporting(tok) and subject_of(tok) is not None:
            if stop and any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in tok.children):
                return None
            return tok
    if doc[i].text == "," and not text_starts_sentence(doc_text(doc), start_char):
        return None
    return _colon_cue(doc[i]) if doc[i].text in (":", ",") else None


def _adjacent_frame(doc: Doc, qs: QuotedSpan) -> Optional[tuple[Token, Optional[Token]]]:
    """The cue right next to a quotation and its speaker: “…,” X said; "- X: “…”" (a name
    label, before any verb further back can claim the colon); X said: “…”; "From the
    report: “…”" (a short phrase naming the source, with no verb)."""
    after = _cue_after(doc, qs.end)
    if after is not None:
        speaker = subject_of(after)
        if speaker is not None and qs.start <= speaker.idx < qs.end:
            # "“Maybe the difference …,” he wondered aloud": not a word of the quotation
            speaker = _frame_subject(doc, qs.end, after)
        return after, speaker
    label = _name_label(doc, qs.start)
    if label is not None:
        return label
    cue = _cue_before(doc, qs.start)
    if cue is not None:
        return cue, subject_of(cue)
    cue, speaker = _named_colon(doc, qs.start)
    return (cue, speaker) if cue is not None else None


#: what may stand before a name that labels the quotation after it: a dash, a bullet
LABEL_OPENERS = frozenset("-–—•*|")


def _name_label(doc: Doc, start_char: int) -> Optional[tuple[Token, Token]]:
    """"… – Philip Bump: “Two weeks ago, …”", "- Pew Research: “All the samples …”": a name
    alone before the colon that opens a quotation, at the start of a line or after a dash,
    labels whose words they are (the speaker label of transcripts and round-ups). Returns
    (the colon, the name's head word)."""
    i = _before_opening_mark(doc, start_char)
    if i < 1 or doc[i].text != ":" or doc[i - 1].pos_ != "PROPN":
        return None
    colon, j = doc[i], i - 1
    while j >= 0 and doc[j].pos_ == "PROPN" and "\n" not in doc[j].whitespace_:
        j -= 1
    if j >= 0 and not (doc[j].is_space or "\n" in doc[j].whitespace_ or doc[j].text in LABEL_OPENERS):
        return None
    return colon, doc[i - 1]


#: what a source named before a colon may be besides a name ("From the report: “…”")
DOCUMENT_SOURCES = frozenset({"report", "statement", "study", "survey", "poll", "memo", "release", "letter",
                              "analysis", "post", "tweet"})


def _named_colon(doc: Doc, start_char: int) -> tuple[Optional[Token], Optional[Token]]:
    """“…” after a short phrase that names its source and a colon, with no verb ("… -
    Pew Research: “…”", "From the report: “…”"): (the colon, the source's head)."""
    i = _before_opening_mark(doc, start_char)
    if i < 1 or doc[i].text != ":":
        return None, None
    colon, j = doc[i], i - 1
    while j >= 0 and not (doc[j].text in ("-", "—", "–", ".", "!", "?") or "\n" in doc[j].text_with_ws):
        j -= 1
    phrase = doc[j + 1:i]
    if not 0 < len(phrase) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None, None
    head = phrase.root
    if head.pos_ == "ADP":
        head = next((c for c in head.children if c.dep_ == "pobj"), head)
    if head.pos_ == "PROPN" and head.text[:1].isupper() or token_entity_type(head) in COLON_SPEAKER_TYPES \
            or head.lemma_.lower() in DOCUMENT_SOURCES:
        return colon, head
    return None, None


def text_starts_sentence(text: str, start: int) -> bool:
    """Does the quotation at ``start`` open with a capital, as a sentence of its own does?"""
    while start < len(text) and (text[start] in QUOTE_CHARS or text[start].isspace()):
        start += 1
    return start < len(text) and text[start].isupper()


COLON_SPEAKER_TYPES = frozenset({"PERSON", "ORG", "NEWS_OUTLET", "GOVERNMENT", "GROUP", "NORP", "GPE"})


def _colon_cue(colon: Token) -> Optional[Token]:
    """A sentence that ends in a colon introduces the quotation after it, on the same line
    or the next: "She told members at the rally on Tuesday:", "The union leader made her
    position clear in a statement:" (and so does a clause ending in a comma before a
    quoted sentence: "She shared her worry with the audience, “I do not …”"). The cue is
    the clause's main verb, the speaker its subject — a person, a pronoun or a named
    body, not "The result:" or "The rules are clear:"."""
    doc = colon.doc
    if colon.i + 1 < len(doc) and not (doc[colon.i + 1].is_space or is_quote_mark(doc[colon.i + 1])):
        return None
    if colon.i == 0:
        return None
    # from the word before the colon up the tree to the topmost verb before the colon (the
    # parser may hang the colon, and the clause, on the quotation's own verb after it)
    tok, verb = doc[colon.i - 1], None
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            verb = tok
        if tok.head.i == tok.i or tok.head.i > colon.i:
            break
        tok = tok.head
    if verb is None:
        return None
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i:
        return None
    if subj.pos_ == "PRON":
        return verb if subj.lower_ in PERSONAL_PRONOUNS | PLURAL_PRONOUNS else None
    if subj.pos_ == "PROPN" or token_entity_type(subj) in COLON_SPEAKER_TYPES:
        return verb
    # "The union leader made her position clear:"; not "The results were clear:"
    return verb if subj.pos_ == "NOUN" and verb.pos_ == "VERB" and verb.lemma_ not in EXPLETIVE_HEADS else None


#: what may stand between two complements of one cue that make one content ("said the
#: decision had come after review, *and that* it was not subject to appeal")
COMPLEMENT_JOINTS = frozenset({",", ";", "and", "but", "that"})


def _join_complements(doc: Doc, cand: Candidate, accepted: list[Candidate]) -> None:
    """A cue with two clausal complements one after the other (the parser's two ccomps
    of "said that X, and that Y"; "said the endorsement was rushed, [and] support would
    have been higher *had they taken more time*") reports both: the content runs over
    the next one when only a comma, a conjunction or "that" stands between them and the
    next one reports nothing of its own ("said X, and three-quarters *said* Y" is two)."""
    if cand.relation != "ccomp" or cand.content_start < cand.cue.i:
        return
    for other in sorted((c for c in accepted if c.cue.i == cand.cue.i and c.relation == "ccomp"
                         and c.content_start >= cand.content_end), key=lambda c: c.content_start):
        gap = doc[cand.content_end:other.content_start]
        if any(t.lower_ not in COMPLEMENT_JOINTS and not t.is_space for t in gap):
            return
        if any(t.pos_ == "VERB" and t.lemma_ in REPORTING_LEMMAS and any(c.dep_ in SUBJECT_DEPS for c in t.children)
               for t in doc[other.content_start:other.content_end]):
            return
        cand.content_end = other.content_end


#: prepositions by which a verb of judgment names what its object is judged for
#: ("criticised the mayor *for* …", "charged two developers *with* …")
GROUND_PREPS = frozenset({"for", "with", "over", "of"})


def _with_object(doc: Doc, cand: Candidate) -> None:
    """"Trump criticised Sadiq Khan for making “very rude statements”": the object goes
    with the ground it is judged on — the content runs from the object when the cue's
    chosen content is the phrase of "for", "with", "over" or "of" right after it."""
    if not cand.relation.startswith("prep:") or cand.relation[5:] not in GROUND_PREPS:
        return
    prep = doc[cand.content_start].head if doc[cand.content_start].head.dep_ == "prep" else None
    prep = next((c for c in cand.cue.rights if c.dep_ == "prep" and c.i < cand.content_start
                 and c.right_edge.i >= cand.content_start), prep)
    if prep is None:
        return
    obj = next((c for c in cand.cue.children if c.dep_ == "dobj" and c.right_edge.i + 1 == prep.i), None)
    if obj is not None and obj.i > cand.cue.i:
        cand.content_start = obj.left_edge.i


def _with_addressee(doc: Doc, cand: Candidate) -> None:
    """"urged *Republicans* to focus on the election", "asked the court to intervene": what
    was asked is asked of someone — the content runs from the object that the infinitive's
    subject is (object control, Rosenbaum 1967), as PolNeAR's annotators mark it (27 of 30
    such contents on its train part hold the object). Not after a verb of subject control
    ("promised voters to cut taxes": the voters do nothing)."""
    if cand.relation != "xcomp" or cand.cue.lemma_ in SUBJECT_CONTROL_LEMMAS:
        return
    verb = next((t for t in doc[cand.content_start:cand.content_end] if t.head.i == cand.cue.i and t.dep_ == "xcomp"),
                None)
    obj = next((c for c in cand.cue.children if c.dep_ == "dobj" and cand.cue.i < c.i and c.right_edge.i + 1 ==
                cand.content_start), None)
    if verb is not None and obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
        cand.content_start = obj.left_edge.i


#: what may stand between a content and the next item of its list
LIST_JOINTS = frozenset({",", ":", "and", "or"})


def _continued_on_cue(doc: Doc, cand: Candidate) -> None:
    """"touted her plans to invest in roads, *expand* benefits and *enable* free college",
    "pledged to cut taxes and *fix* the system", "criticized him for his votes *and his
    vote* on …", "reiterated his pledges: *rebuilding* the military, …": the parser hung the
    next items of the content's list on the cue. A subjectless verb in another form than
    the cue's and in the form of a verb of the content (or a modal one: "*would face* …"),
    or a noun conjoined to the cue after a phrase content, goes on with the content; the
    cue's own second predicate ("said X *and urged* Y") or a clause of its own does not."""
    cue = cand.cue
    if cand.content_start <= cue.i or cue.pos_ not in ("VERB", "AUX"):
        return
    while True:
        end = cand.content_end
        nxt = next((c for c in cue.rights if c.left_edge.i >= end and c.dep_ in ("conj", "advcl", "dep")), None)
        if nxt is None:
            return
        gap = doc[end:nxt.left_edge.i]
        if len(gap) > 2 or any(t.lower_ not in LIST_JOINTS for t in gap):
            return
        if any(c.dep_ in SUBJECT_DEPS for c in nxt.children) or nxt.lemma_ in REPORTING_LEMMAS:
            return
        content = doc[cand.content_start:end]
        if nxt.pos_ in ("VERB", "AUX"):
            # ("and the board *could not find* …" with its subject misattached is a clause of its own)
            # nor where the content ends on a conjoined noun that may be its subject ("renew its
            # sponsorship of the event and *the PGA* could not find …")
            last = doc[end - 1]
            if not gap and "conj" in (last.dep_, last.head.dep_):
                return
            modal = nxt.dep_ == "conj" and any(c.dep_ == "aux" and c.lower_ in MODALS for c in nxt.children) \
                and all(c.dep_ in ("aux", "neg", "advmod", "prep", "cc", "punct") for c in nxt.lefts)
            parallel = nxt.tag_ in ("VB", "VBG") and nxt.tag_ not in (cue.tag_, _finite_tag(cue)) and (
                nxt.dep_ == "conj" or nxt.tag_ == "VBG" and any(t.lower_ == ":" for t in gap)
                or nxt.tag_ == "VBG" and cand.relation in ("dobj", "xcomp") and doc[cand.content_start].tag_ == "VBG") \
                and any(t.tag_ == nxt.tag_ and t.pos_ in ("VERB", "AUX") for t in content)
            if not (modal or parallel):
                return
        elif nxt.pos_ in ("NOUN", "PROPN"):
            # (a phrase of its own: "and *his vote* …", not a verb tagged as a noun: "and praises")
            if nxt.dep_ != "conj" or cand.relation not in ("dobj",) and not cand.relation.startswith("prep:") \
                    or not any(t.lower_ in ("and", "or") for t in gap) or nxt.left_edge.i == nxt.i:
                return
        else:
            return
        new_end = nxt.right_edge.i + 1
        for c in doc[nxt.i + 1:new_end]:
            # not past a clause of its own conjoined in the item ("… *and he pledged* …") or
            # the cue's second predicate ("blamed her for a decade of policies that have
            # wrought turmoil *and cast* her as …": in the cue's form, not the item's)
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and (
                    any(g.dep_ in SUBJECT_DEPS for g in c.children) or c.lemma_ in REPORTING_LEMMAS
                    or c.tag_ == cue.tag_ != nxt.tag_):
                cut = c.left_edge.i
                while cut > nxt.i and (doc[cut - 1].is_punct or doc[cut - 1].dep_ == "cc"):
                    cut -= 1
                new_end = min(new_end, cut)
                break
        while new_end > end and doc[new_end - 1].is_punct and not is_quote_mark(doc[new_end - 1]):
            new_end -= 1
        if new_end <= end:
            return
        cand.content_end = new_end


#: verbs by which a participle after the content goes on about the speaker's own saying
GLOSS_LEMMAS = frozenset({"say", "add", "note", "point", "cite", "argue", "insist", "claim", "explain", "tell",
                          "warn", "write", "stress", "acknowledge", "concede", "suggest", "repeat"})


def _without_speakers_gloss(doc: Doc, cand: Candidate) -> None:
    """"has said that his rivals are maligning his record, *pointing to* his rating", "said
    the plan would cost jobs, *adding that* …": a participle of saying set off by a comma at
    the end of a reported clause is the speaker's, hung on the content by the parser; the
    content ends before it."""
    if cand.relation != "ccomp" or cand.content_start <= cand.cue.i:
        return
    end = cand.content_end
    for tok in doc[cand.content_start + 2:end]:
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_ in GLOSS_LEMMAS and tok.left_edge.i == tok.i \
                and tok.right_edge.i >= end - 1 and doc[tok.i - 1].text == "," \
                and cand.content_start <= tok.head.i < tok.i:
            cand.content_end = tok.i - 1
            return


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """Keep the outermost relations: drop one whose cue sits inside another accepted
    relation's content. Either it is the parser's second reading of the same words, or a
    report inside a report ("X said Y wants …"), whose words the article attributes to
    the outer speaker. PolNeAR's annotators mark few of these (on its dev part trained
    on, 20% of the nested relations the classifier accepted were gold, against 76% of
    the others). Two relations inside each other's contents: the better-rated stays."""
    def inside(c: Candidate, k: Candidate) -> bool:
        return (k is not c and k.content_start <= c.cue.i < k.content_end
                and not (c.cue.dep_ == "relcl" and _plain_report(c) and not _plain_report(k)))

    def outranks(k: Candidate, c: Candidate) -> bool:
        # an outer relation rated below the one inside it is a doubtful reading of the
        # sentence ("farmers gathered, *with protesters insisting that* …"), unless it is
        # a plain report ("X said Y wants …")
        return k.score >= c.score or _plain_report(k)

    keep: list[Candidate] = []
    for c in sorted(cands, key=lambda c: -c.score):
        if any(inside(c, k) and not inside(k, c) and outranks(k, c) for k in cands) \
                or any(inside(c, k) for k in keep):
            continue
        if any(inside(k, c) and not inside(c, k) and not outranks(c, k) for k in keep):
            continue  # it would only hold a better-rated relation kept already
        keep.append(c)
    return keep


def _chain(quoted: list[QuotedSpan], inside: list[QuotedSpan]) -> list[QuotedSpan]:
    """The quoted spans in ``inside`` plus the spans they continue or are continued by."""
    idx = {id(q): i for i, q in enumerate(quoted)}
    members = {idx[id(q)] for q in inside}
    changed = True
    while changed:
        changed = False
        for i, q in enumerate(quoted):
            if q.continues is not None and (q.continues in members) != (i in members):
                members |= {i, q.continues}
                changed = True
    return [quoted[i] for i in sorted(members)]


def _cited_words(doc: Doc, qs: QuotedSpan) -> bool:
    """"The Financial Times cited “security officials in two Western countries” as saying
    …": quotation marks around the sources a report cites, the object of "cite", set off
    whom it names, not what anyone said."""
    span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "dobj" and root.head.i < span.start and _cited_source(root.head, root)


def _governing_cue(span: SpacySpan) -> Optional[Token]:
    """A verb of speech or description that the quoted fragment depends on."""
    tok = span.root
    for _ in range(4):
        head = tok.head
        if head is tok:
            return None
        if head.pos_ == "VERB" and (head.lemma_ in PARTIAL_CUE_LEMMAS or head.lemma_ in ("say", "add", "warn")):
            return None if head.i >= span.end and _introduces_quotation(head) else head
        if head.i >= span.start and head.i < span.end:
            tok = head
            continue
        if head.dep_ in ("prep", "agent") or head.pos_ in ("ADP", "VERB", "NOUN"):
            tok = head
            continue
        return None
    return None


def _name_given(doc: Doc, qs: QuotedSpan, span: SpacySpan, cue: Token) -> bool:
    """Is the quotation a name, not words said? After a participle of naming with no one
    who names ("an account *called* “Hypo-Cruz”", "the *so-called* “special relationship”")
    the marks set off what a thing is called, and a title in a phrase of the cue's
    occasion ("said on CNN's “State of the Union”") names the programme. (With the namer,
    "*dubbed* “Hillblazers” by the campaign", "a plan he *calls* “Fair Deal”", the name is
    the namer's word and a partial quote.)"""
    if cue.tag_ == "VBN" and cue.dep_ in ("acl", "amod") and not any(c.dep_ == "agent" for c in cue.children) \
            and (span.root.head.i == cue.i or span.start <= cue.head.i < span.end):
        return True  # the name is the participle's complement, or the noun it names
    if not _quoted_name(doc, qs):
        return False
    tok = span.root
    while tok.head is not tok and tok.head.i != cue.i:
        if tok.dep_ == "pobj":
            return True
        tok = tok.head
    return tok.dep_ == "pobj"


def _short_object(cue: Token, quote: SpacySpan) -> Optional[int]:
    """Where the statement starts when a verb of description has a short object right
    before the quoted words ("called *the mayor* a “liar”", "described *her* as “weak”"):
    what is said is said of it. None when there is none, or it is long."""
    if cue.lemma_ not in PARTIAL_CUE_LEMMAS:
        return None
    obj = next((c for c in cue.rights if c.dep_ in SMALL_CLAUSE_OBJECT_DEPS and c.i < quote.start), None)
    if obj is None:
        return None
    first = obj.left_edge
    words = [t for t in quote.doc[first.i:quote.start] if not t.is_punct and t.lower_ not in ("as", "a", "an")]
    if first.i > cue.i and obj.right_edge.i < quote.start and _bare_complement(quote.doc, quote.start_char):
        return first.idx  # "called Trump's remarks on Sunday “childish”": one small clause, however long
    return first.idx if 0 < len(words) <= SHORT_OBJECT_WORDS and first.i > cue.i else None


def _bare_complement(doc: Doc, quote_start: int) -> bool:
    """Is a quotation after an object the bare complement of a verb of naming ("called
    Trump's remarks on Sunday “childish”", "called the idea a “ridiculous proposition”"),
    not one after "as" ("described the deployment of troops as “very dangerous”")? The
    object and a bare complement make one small clause, the proposition said (Levin 1993,
    class 29.3, the *dub* verbs; Quirk et al. 1985, §16.43): the statement is all of it,
    however long the object. After "as" (class 29.2, the *characterize* verbs) the quoted
    words are the description, the object only what it is of."""
    i = _before_opening_mark(doc, quote_start)
    return i >= 0 and doc[i].lower_ != "as" and not doc[i].is_punct


def _statement_before(doc: Doc, quote: SpacySpan) -> Optional[tuple[Token, Token]]:
    """"The party issued a statement apologising to the senator. / “On behalf of …”": a
    quotation that opens its sentence right after one that announces a statement, letter
    or post (the object of a verb with a subject) is that statement; the verb is its cue,
    its subject the speaker. After "Ms. Lee was asked about the strike." it is the answer
    of the one asked. Returns (cue, speaker head)."""
    i = quote.start - 1
    while i >= 0 and (doc[i].is_space or is_quote_mark(doc[i])):
        i -= 1
    if i < 0 or doc[i].text not in (".", "!"):
        return None
    nouns = set(STATEMENT_NOUNS)
    for tok in sentence_of(doc, i):
        if tok.dep_ == "dobj" and tok.lemma_.lower() in nouns and tok.head.pos_ == "VERB":
            verb = tok.head
            subj = subject_of(verb)
            if subj is not None and subj.pos_ != "PRON" or subj is not None and subj.lower_ in PERSONAL_PRONOUNS:
                return verb, subj
        if tok.dep_ == "nsubjpass" and tok.head.lemma_ == "ask" and tok.head.dep_ == "ROOT" and (
                tok.pos_ == "PROPN" or tok.lower_ in PERSONAL_PRONOUNS | PLURAL_PRONOUNS
                or token_entity_type(tok) in COLON_SPEAKER_TYPES):
            return tok.head, tok
    return None


def _quoted_name(doc: Doc, qs: QuotedSpan) -> bool:
    """Is the quotation a title or name: capitalised content words and no verb ("A Night at
    the Opera House")? (Not :func:`_is_name`'s "described as “…”": a description is a
    partial quote.)"""
    span = doc.char_span(qs.start, qs.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha and not t.is_stop]
    return bool(words) and all(t.text[0].isupper() for t in words) and not any(t.pos_ in ("VERB", "AUX") for t in span)


def _is_name(span: SpacySpan) -> bool:
    """A quoted name or title, not a statement: all content words capitalised, no verb."""
    words = [t for t in span if t.is_alpha and not t.is_stop]
    if not words:
        return True
    before = span.doc[span.start - 2].lower_ if span.start >= 2 else ""
    return (all(t.text[0].isupper() for t in words) and not any(t.pos_ == "VERB" for t in span)) \
        or before in NAME_INTRODUCERS


#: what a pseudo-cleft frame says between the quotation and "what X said"
_CLEFT_FRAME = re.compile(r"[\s,.!?\"”’']*(?:is|was|are|were|'s|’s)\s*")


def _pseudo_clefts(text: str, statements: list[Statement]) -> list[Statement]:
    """"“The griots have already sung it,” *is what* Nino Galissa recounts": the quotation
    before a pseudo-cleft frame is what its verb reports (Quirk et al. 1985, §18.29); the
    frame's own content, the bare "what", says nothing. The quotation takes the frame's
    cue and speaker; a statement whose content is a bare "what" is dropped."""
    out: list[Statement] = []
    for st in statements:
        if text[st.start:st.end].strip().lower() != "what":
            out.append(st)
            continue
        prev = next((p for p in reversed(out) if p.end <= st.start), None)
        if prev is not None and prev.cue is None and prev.kind in ("direct", "partial") \
                and _CLEFT_FRAME.fullmatch(text[prev.end:st.start]):
            prev.cue, prev.speaker_head, prev.cue_lemma = st.cue, st.speaker_head, st.cue_lemma
            prev.relation, prev.score = "adjacent", max(prev.score, st.score)
    return out


#: verbs whose direct object is whom they speak to ("told *reporters*", "assured *voters*")
LISTENER_OBJECT_LEMMAS = frozenset({"tell", "inform", "assure", "brief", "notify", "remind", "email", "text"})


def _listener_object(doc: Doc, cand: Candidate) -> bool:
    """"told VOA", "briefed reporters": the object of a verb of telling that could speak is
    who listened, not what was said ("told a story", "told the truth" stay contents)."""
    if cand.relation != "dobj" or cand.cue.lemma_.lower() not in LISTENER_OBJECT_LEMMAS:
        return False
    root = doc[cand.content_start:cand.content_end].root
    return root.dep_ == "dobj" and could_speak(root)


def _bare_document_issued(doc: Doc, cand: Candidate) -> bool:
    """"issued a statement", "released a report": a document issued with nothing said of its
    words is no content (what it says, when the article gives it, is the content)."""
    if cand.relation != "dobj" or cand.cue.lemma_.lower() not in ISSUING_LEMMAS:
        return False
    span = doc[cand.content_start:cand.content_end]
    return span.root.lemma_.lower() in DOCUMENT_SOURCES and len(span) <= 3


def _in_furniture(doc: Doc, cand: Candidate, furniture: Furniture) -> bool:
    """Is the candidate's whole content page furniture (a run-in sub-heading, a credit)?"""
    last = doc[cand.content_end - 1]
    return furniture.clear(doc_text(doc), doc[cand.content_start].idx, last.idx + len(last.text)) is None


def _clear_of_furniture(doc: Doc, statements: list[Statement], furniture: Furniture) -> list[Statement]:
    """Statements of the article, not of its page furniture: a cue in a link to another
    story ("WATCH: Governor says …") or a photo credit makes no statement; a speaker found
    in a dateline, credit or link title is no speaker (the phrase between the furniture and
    the cue is, when there is one: "WATCH: X's video report Members of … say"); a content
    that starts in a dateline starts after it."""
    text = doc_text(doc)
    out = []
    for st in statements:
        if st.cue is not None and furniture.at(st.cue[0]):
            continue
        span = furniture.clear(text, st.start, st.end)
        if span is None:
            continue
        st.start, st.end = span
        zone = furniture.at(st.speaker_head.idx) if st.speaker_head is not None else None
        if zone is not None:
            st.speaker_head = None
            between = doc.char_span(zone[1], st.cue[0], alignment_mode="contract") if st.cue else None
            if between is not None and len(between) and between.root.pos_ in ("NOUN", "PROPN", "PRON"):
                st.speaker_head = between.root
        out.append(st)
    return out


def _cue_tokens(doc: Doc) -> list[int]:
    """Char offsets of the reporting verbs that have a subject of their own: each can
    introduce a statement (and a speaker) of its own."""
    return [tok.idx for tok in tokens_with(doc, "POS", ("VERB",))
            if _reporting(tok) and subject_of(tok) is not None]


FRAME_COMPLEMENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "prep", "dative", "prt"})


def _frame_clauses(doc: Doc) -> dict[int, int]:
    """Verbs of a participle clause that only goes on about the frame's speaker (“…,” she
    said, *recalling the vote of 2007*. “…”, “…,” he said, *referring to the deal that the
    council rejected*, “…”): char offset of each verb in it → where the clause ends. Such
    a clause borrows its subject and has a complement of its own, so the quotation after
    it is not its content ("…,” he said, *adding*, “…” is a statement of its own)."""
    out: dict[int, int] = {}
    for tok in tokens_with(doc, "POS", ("VERB",)):
        if not any(c.dep_ in FRAME_COMPLEMENT_DEPS for c in tok.rights):
            continue
        participle = (tok.tag_ in ("VBG", "VBN") and tok.dep_ in ("advcl", "xcomp", "acl", "conj", "npadvmod")
                      and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))
        # "…,” Trump said at the party, two hours after news outlets *declared him the
        # victor*. “…”; "…,” said X, a pollster who *called him a pragmatist*. “…”: a clause
        # of its own inside the frame, its report whole before the next quotation
        embedded = tok.dep_ in ("relcl", "advcl") or tok.dep_ == "conj" and tok.head.dep_ in ("relcl", "advcl")
        if not (participle or embedded):
            continue
        last = tok.right_edge
        end = last.idx + len(last.text)
        for t in tok.subtree:
            if t.pos_ in ("VERB", "AUX"):
                out[t.idx] = max(out.get(t.idx, 0), end)
    return out


def _merge_split_quotes(text: str, statements: list[Statement], quoted: list[QuotedSpan],
                        cue_offsets: Optional[list[int]] = None,
                        frame: Optional[dict[int, int]] = None,
                        names: Optional[list[QuotedSpan]] = None,
                        opening: Optional[set[int]] = None) -> list[Statement]:
    """“First part,” she said. “Second part.” is one statement: a quotation with a cue
    absorbs the quotations that follow it in the same paragraph when only the cue's
    clause stands between them; relations found *inside* the absorbed quotations are the
    quoted speaker's own words and are dropped. A cue-less quotation *before* a cued one
    stays a statement of its own (same speaker, see :func:`neighbour_speaker`). A mixed
    statement goes on when it ends with its quotation, or when it is one of ``opening``
    (ids, see :func:`_opens_before_frame`)."""
    statements = sorted(statements, key=lambda s: s.start)
    merged: set[int] = set()
    for st in statements:
        if st.cue is None or st.kind not in ("direct", "partial") and not (
                st.kind == "mixed" and (any(abs(q.end - st.end) <= 1 for q in quoted) or id(st) in (opening or ()))):
            continue  # a mixed statement goes on only when it ends with its quotation or opens before its frame
        for qs in quoted:
            if qs.start <= st.end:
                continue
            gap = text[st.end:qs.start]
            cue_between = st.end <= st.cue[0] < qs.start
            # “… laughing at them.¶“Then my mother got sick …”: a quotation left open at the end
            # of its paragraph goes on in the quotation that opens the next one
            goes_on = qs.continues is not None and 0 <= qs.continues < len(quoted) \
                and quoted[qs.continues].start < st.end <= quoted[qs.continues].end + 1 \
                and not gap.strip(" \t\xa0\n" + QUOTE_CHARS)
            if "\n" in gap and not (cue_between and _next_paragraph_goes_on(text, gap) or goes_on) \
                    or len(gap) > (200 if cue_between else 80):
                break
            if not cue_between and not goes_on and gap.strip(" ,.;:\"“”‘’'—–-"):
                break
            sentence = text[qs.start:qs.end].rstrip().endswith((".", "!", "?", "…"))
            if qs.words(text) < MIN_QUOTE_WORDS and not sentence or qs in (names or ()) and not sentence:
                continue  # a quoted name, title or phrase, not the statement going on
            if any(o is not st and o.cue is not None and o.cue[0] >= qs.end and o.start <= qs.start + 1
                   and o.end >= qs.end - 1 for o in statements):
                break  # the next quotation has a cue of its own ("…,” he added.)
            frame = frame or {}
            in_frame = [c for c, end in frame.items() if st.end <= c < qs.start and end <= qs.start]
            if any(st.end <= c < qs.start and c != st.cue[0] and c not in in_frame for c in cue_offsets or ()) or any(
                    o is not st and o.cue is not None and o.cue != st.cue and st.end <= o.cue[0] < qs.start
                    and o.cue[0] not in in_frame for o in statements):
                # “…,” Ms. Lee told reporters. On Friday, the minister said, “…”: a second cue
                # between the quotations introduces a statement of its own (and perhaps another
                # speaker), whatever marks the quotations are set in
                break
            if st.kind == "partial":
                st.kind = "direct"
            st.end = qs.end
            merged.add(id(st))
    out: list[Statement] = []
    for st in statements:
        holder = next((o for o in out if (o.kind == "direct" or id(o) in merged) and o.cue is not None
                       and o.start <= st.start and st.end <= o.end + 1
                       and not _in_gap(st, o, quoted)), None)
        if holder is not None:
            continue
        out.append(st)
    return out


def _opens_before_frame(doc: Doc, st: Statement, quoted: list[QuotedSpan]) -> bool:
    """“I admire the mechanics” of the plan, Mr. Lee said. “…”: a mixed statement that opens
    with a quotation, ends before its frame and adds no verb to it (a phrase that completes
    the quoted words) is the quoted speaker's sentence with the frame set after it, as in a
    direct quote; the quotation after the frame goes on with it. (“You squeezed them” *to
    drive up the price*, she said: a clause of the writer's own, the next quotation is
    another statement.)"""
    if st.kind != "mixed" or st.cue is None or st.cue[0] < st.end:
        return False
    opener = next((q for q in quoted if abs(q.start - st.start) <= 1 and q.end < st.end), None)
    tail = doc.char_span(opener.end, st.end, alignment_mode="expand") if opener is not None else None
    return tail is not None and not any(t.pos_ in ("VERB", "AUX") for t in tail)


def _next_paragraph_goes_on(text: str, gap: str) -> bool:
    """“…,” the lawyer said.¶“…” — the frame ends its paragraph and the next paragraph
    opens with the quotation: the statement goes on there (one paragraph break, and the
    frame's sentence closed before it)."""
    before, _, after = gap.partition("\n")
    if "\n" in after.strip(" \t\xa0\n") or after.strip(" \t\xa0\n" + QUOTE_CHARS):
        return False
    return before.rstrip(" \t\xa0").endswith((".", "!", "?")) and paragraphs_apart(gap, 0, len(gap)) == 1


def _in_gap(st: Statement, holder: Statement, quoted: list[QuotedSpan]) -> bool:
    """Is ``st`` a report of the frame between the quotations ``holder`` joined (“…,” he
    said, *referring to the deal*. “…”), not of the quoted words?"""
    return (id(st) != id(holder) and st.cue is not None and holder.cue is not None and st.cue != holder.cue
            and st.cue[0] >= holder.cue[0] and not any(q.start <= st.cue[0] < q.end for q in quoted))


def _join_same_cue(text: str, statements: list[Statement]) -> list[Statement]:
    """Two pieces of one statement found by two routes ("Security needs hard power, “but
    also soft power,” Rasmussen told VOA": the clause and the quotation, one cue) are one
    statement when nothing but punctuation stands between them (in one paragraph: "Ms. Lee
    was asked about the strike.¶“We have never …”" is the question and the answer)."""
    out: list[Statement] = []
    for st in statements:  # sorted by start
        prev = next((o for o in reversed(out) if o.cue is not None and o.cue == st.cue), None)
        between = text[prev.end:st.start] if prev is not None else ""
        if prev is not None and not between.strip(" ,;:'-—–" + QUOTE_CHARS) and "\n" not in between:
            prev.end = max(prev.end, st.end)
            if prev.kind != st.kind:
                prev.kind = "mixed"
            continue
        out.append(st)
    return out
