"""Sources: claims reported on someone's authority, and the chains between them.

*"According to X, CLAIM"* and *"CLAIM, per X"* are found on the parse: the
preposition's object is the source and the clause it modifies, without the
prepositional phrase, is the claim (the "source–cue–content" reading of Pareti 2015;
PolNeAR keeps these relations apart). Relations whose source is a news outlet
(*AP notes*, *notes Reuters*) or an anonymous collective (*observers say*,
*according to experts*) are attributions too: the quote component found them, this
one moves them here, marks the anonymous ones (Sauri & Pustejovsky 2009, "FactBank",
on source anonymity) and resolves *according to them* to the collective named before.
A quote reported inside an "according to X" sentence keeps X as its ``via``: speaker
and the agency or office that carries it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.step import Step
from claimgraph.lexicon import EVIDENTIAL_LEMMAS
from claimgraph.model import Attribution
from claimgraph.parsed import doc_text, sentence_of
from claimgraph.entities.handoff import add_entity, entity_or_new
from claimgraph.furniture import Furniture
from claimgraph.quotes.handoff import carry_via, withdraw_quotes
from claimgraph.quotes.speakers import speaker_mention

SOURCE_PREPS = {("according", "to"), ("per",)}
OFFICE_NOUNS = frozenset({"office", "spokesman", "spokeswoman", "spokesperson", "ministry", "aides", "aide",
                          "campaign", "administration", "government", "press"})
OUTLET_TYPES = frozenset({"NEWS_OUTLET"})
PLURAL_PRONOUNS = frozenset({"them", "they"})


@dataclass
class FoundSource:
    cue: tuple[int, int]
    claim: tuple[int, int]
    head: Token  # head of the source phrase
    source_text: str
    source_span: tuple[int, int]


def _source_phrase(pobj: Token) -> tuple[int, int]:
    """The source phrase: the object with its coordination, without relative clauses."""
    start = pobj.left_edge.i
    end = pobj.i + 1
    for child in pobj.rights:
        if child.dep_ in ("cc", "conj", "compound", "flat", "appos", "prep", "pobj"):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    doc = pobj.doc
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def find_source_preps(doc: Doc) -> list[FoundSource]:
    found = []
    for tok in doc:
        low = tok.lower_
        if low == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            if to is None and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                to = doc[tok.i + 1]
            if to is None:
                continue
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            pp_start, pp_root = tok.i, tok
        elif low == "per" and tok.dep_ == "prep":
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is None or not (pobj.ent_type_ in ("ORG", "PERSON", "GPE") or pobj.lemma_ in (
                    "report", "poll", "data", "source", "official", "statement", "survey", "analysis")):
                continue
            pp_start, pp_root = tok.i, tok
        else:
            continue
        if pobj is None or pobj.is_punct or pobj.is_space:
            continue  # "according to (" in broken text: no source to name
        sent = sentence_of(doc, tok.i)
        pp_end = max(pp_root.right_edge.i, pobj.right_edge.i) + 1
        claim = _claim_around(doc, sent.start, sent.end, pp_start, pp_end)
        if claim is None:
            continue
        s_start, s_end = _source_phrase(pobj)
        cue_end = tok.idx + len(tok.text) if low == "per" else doc[tok.i + 1].idx + len(doc[tok.i + 1].text)
        found.append(FoundSource((tok.idx, cue_end), claim, pobj, doc_text(doc)[s_start:s_end], (s_start, s_end)))
    return found


def _claim_around(doc: Doc, s_start: int, s_end: int, pp_start: int, pp_end: int) -> Optional[tuple[int, int]]:
    """Char span of the sentence without the source phrase (the larger side if it splits it)."""
    def trim(a: int, b: int) -> Optional[tuple[int, int]]:
        while a < b and (doc[a].is_punct or doc[a].is_space):
            a += 1
        while b > a and (doc[b - 1].is_punct or doc[b - 1].is_space):
            b -= 1
        if b - a < 2:
            return None
        return doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)

    before = trim(s_start, pp_start)
    after = trim(pp_end, s_end)
    if before and after:
        # a source phrase in mid-sentence ("X, according to Y, said Z") governs the whole sentence
        return before[0], after[1]
    return before or after


class SourceFinder(Step):
    def __init__(self, nlp: Language, name: str = "claimgraph_sources", scorer=None):
        super().__init__(name, scorer)


    def predict(self, doc: Doc) -> list[FoundSource]:
        found = find_source_preps(doc)
        furniture = Furniture(doc_text(doc)) if found else None
        if not furniture:
            return found
        out = []
        for fs in found:  # "READ MORE: … according to …", a source in a photo credit: not the article's
            claim = furniture.clear(doc_text(doc), *fs.claim)
            if furniture.at(fs.cue[0]) or furniture.at(fs.source_span[0]) or claim is None:
                continue
            fs.claim = claim
            out.append(fs)
        return out


    def set_annotations(self, doc: Doc, found: list[FoundSource]) -> None:
        attributions: list[Attribution] = []
        last_group: Optional[tuple[str, str]] = None  # entity id, text
        for fs in found:
            head = fs.head
            anonymous = _is_anonymous(head)
            source_id: Optional[str] = None
            via: Optional[str] = None
            text = fs.source_text
            if head.lower_ in PLURAL_PRONOUNS and last_group is not None:
                source_id = last_group[0]
                anonymous = True
            else:
                mention = speaker_mention(head)
                owner = _office_owner(head)
                if owner is not None:
                    via = add_entity(doc, doc_text(doc)[mention[0]:mention[1]], "ORG", mention)
                    source_id = entity_or_new(doc, speaker_mention(owner), "PERSON")
                else:
                    source_id = entity_or_new(doc, mention, "GROUP" if anonymous else "ORG")
            if anonymous and source_id is not None:
                last_group = (source_id, text)
            att = Attribution(id="", source=source_id, source_text=text, source_mention=fs.source_span,
                              cue=fs.cue, claim=fs.claim, anonymous=anonymous, via=via)
            attributions.append(att)
            _carry_via(doc, fs, via or source_id, owner_id=source_id if via else None)
        attributions += _move_reported_relations(doc)
        attributions.sort(key=lambda a: a.claim[0])
        for k, att in enumerate(attributions, 1):
            att.id = f"A{k}"
        doc._.cg_attributions = attributions


def _is_anonymous(head: Token) -> bool:
    """A collective without a name: "experts", "officials", "observers", "sources"."""
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and head.pos_ == "PROPN":
        return False
    return head.pos_ == "NOUN" and head.tag_ == "NNS" or head.lower_ in PLURAL_PRONOUNS


def _office_owner(head: Token) -> Optional[Token]:
    """"Yun's office" → the token for Yun."""
    if head.lemma_.lower() not in OFFICE_NOUNS:
        return None
    return next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)


def _carry_via(doc: Doc, fs: FoundSource, via_id: Optional[str], owner_id: Optional[str]) -> None:
    """Quotes in the sentence of an "according to" phrase are carried by its source
    (the quote layer applies it: :func:`.handoff.carry_via`)."""
    if via_id is None:
        return
    sent = doc.char_span(fs.cue[0], fs.cue[1], alignment_mode="expand")
    if sent is None:
        return
    s = sentence_of(doc, sent.start)
    carry_via(doc, (s.start_char, s.end_char), via_id, owner_id, cut=(fs.cue[0], fs.source_span[1]))


def _move_reported_relations(doc: Doc) -> list[Attribution]:
    """Indirect relations resting on an outlet or an anonymous collective become
    attributions; the quote layer withdraws them (:func:`.handoff.withdraw_quotes`)."""
    ents = {e.id: e for e in doc._.cg_entities or []}  # with the entities added above
    moved: list[Attribution] = []
    moved_ids: set[str] = set()
    for q in doc._.cg_quotes or []:
        ent = ents.get(q.speaker) if q.speaker else None
        mention = q.speaker_mention
        head = doc.char_span(*mention, alignment_mode="expand").root if mention else None
        cue_tok = doc.char_span(*q.cue, alignment_mode="expand").root if q.cue else None
        outlet = ent is not None and ent.type in OUTLET_TYPES
        anonymous = head is not None and _is_anonymous(head) and ent is not None and ent.type == "GROUP"
        evidential = cue_tok is not None and cue_tok.lemma_ in EVIDENTIAL_LEMMAS
        if q.kind in ("indirect", "mixed") and evidential and (outlet or anonymous):
            moved.append(Attribution(id="", source=q.speaker, source_text=doc_text(doc)[mention[0]:mention[1]],
                                     source_mention=mention, cue=q.cue, claim=q.content, anonymous=anonymous))
            moved_ids.add(q.id)
    withdraw_quotes(doc, moved_ids)
    return moved
