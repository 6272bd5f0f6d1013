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

import re
from dataclasses import dataclass
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimgraph.step import Step
from claimgraph.lexicon import DOCUMENT_NOUNS, EVIDENTIAL_LEMMAS
from claimgraph.model import Attribution, Quote
from claimgraph.parsed import doc_text, sentence_of, tokens_with
from claimgraph.entities.handoff import PERSON_NOUNS, add_entity, entity_or_new
from claimgraph.furniture import Furniture
from claimgraph.quotes.handoff import carry_via, withdraw_quotes, within as _within
from claimgraph.quotes.confidence import attribution_basis, confidence, speaker_form
from claimgraph.quotes.speakers import SINGLE_PARTITIVES, named_in_apposition, partitive_whole, speaker_mention

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
    #: the claim's passages without the source phrase, when it stands inside the claim
    fragments: Optional[list[tuple[int, int]]] = None


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
    for tok in tokens_with(doc, "LOWER", ("according", "per")):
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
        pieces = _claim_around(doc, sent.start, sent.end, pp_start, pp_end)
        if pieces is None:
            continue
        claim = (pieces[0][0], pieces[-1][1])
        s_start, s_end = _source_phrase(pobj)
        cue_end = tok.idx + len(tok.text) if low == "per" else doc[tok.i + 1].idx + len(doc[tok.i + 1].text)
        found.append(FoundSource((tok.idx, cue_end), claim, pobj, doc_text(doc)[s_start:s_end], (s_start, s_end),
                                 pieces))
    return found


def _claim_around(doc: Doc, s_start: int, s_end: int, pp_start: int,
                  pp_end: int) -> Optional[list[tuple[int, int]]]:
    """The passages of the sentence without the source phrase: one, or the two on either
    side when the phrase stands inside the claim ("X, according to Y, said Z")."""
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
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[pp_end:s_end]):
            # "…, according to the polling average in New Hampshire", "…, according to the
            # Tax Policy Center - half a point of GDP": what trails the source phrase is
            # more of it, or an aside, not part of the claim
            return [before]
        # a source phrase in mid-sentence ("X, according to Y, said Z") governs the whole
        # sentence: the claim covers it, its fragments leave the phrase out (and the
        # conjunction that goes on after it: "…, according to Y, and Z")
        k = pp_end
        while k < s_end and (doc[k].is_punct or doc[k].is_space):
            k += 1
        rest = trim(k + 1, s_end) if k < s_end and doc[k].dep_ == "cc" else None
        return [before, rest or after]
    return [before or after] if before or after else None


class SourceFinder(Step):
    def __init__(self, nlp: Language, name: str = "claimgraph_sources", scorer=None):
        super().__init__(name, scorer)


    def predict(self, doc: Doc) -> list[FoundSource]:
        found = find_source_preps(doc)
        furniture = Furniture.of_doc(doc) if found else None
        if not furniture:
            return found
        out = []
        for fs in found:  # "READ MORE: … according to …", a source in a photo credit: not the article's
            claim = furniture.clear(doc_text(doc), *fs.claim)
            if furniture.at(fs.cue[0]) or furniture.at(fs.source_span[0]) or claim is None:
                continue
            fs.claim = claim
            fs.fragments = _within(fs.fragments or [claim], claim)
            out.append(fs)
        return out


    def set_annotations(self, doc: Doc, found: list[FoundSource]) -> None:
        # "Reuters, citing two officials …, said X": X rests on the officials, via Reuters
        attributions: list[Attribution] = _cited_sources(doc)
        # anonymous sources named so far ("a senior official, who spoke on condition of
        # anonymity, …"): "according to the official" later refers back to them
        anonymous_refs = _anonymous_refs(doc, attributions)
        last_group: Optional[tuple[str, str]] = None  # entity id, text
        for fs in found:
            _over_quotation_going_on(doc, fs)
            head = fs.head
            author = _document_author(head)
            if author is not None:
                # "according to data compiled by LSEG": the claim rests on the data's author
                cut_end = max(fs.source_span[1], author.right_edge.idx + len(author.right_edge.text))
                mention = _source_phrase(author)
                head, fs.source_span = author, mention
                fs.source_text = doc_text(doc)[mention[0]:mention[1]]
            else:
                cut_end = fs.source_span[1]
            document = head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_SOURCE_NOUNS
            anonymous = (_is_anonymous(head) and not document) or _one_of_unnamed(head)
            source_id: Optional[str] = None
            via: Optional[str] = None
            text = fs.source_text
            earlier = _refers_back(head, fs.cue[0], anonymous_refs)
            if head.lower_ in PLURAL_PRONOUNS and last_group is not None:
                source_id = last_group[0]
                anonymous = True
            elif earlier is not None:
                source_id, anonymous = earlier, True
            else:
                mention = speaker_mention(head)
                owner = _office_owner(head)
                if owner is not None:
                    via = add_entity(doc, doc_text(doc)[mention[0]:mention[1]], "ORG", mention)
                    source_id = entity_or_new(doc, speaker_mention(owner), "PERSON")
                elif _anonymity_marked(head, _sentence_text(doc, head)):
                    anonymous = True
                    # "according to two people familiar with the talks": described, not named
                    mention = _described(head) if _phrase_marks_anonymity(head) else mention
                    text = doc_text(doc)[mention[0]:mention[1]]
                    source_id = entity_or_new(doc, mention, "GROUP" if head.tag_ == "NNS" else "PERSON", head.idx)
                    anonymous_refs.append((fs.cue[0], head.lemma_.lower(), source_id))
                else:
                    named = named_in_apposition(head)
                    source_id = entity_or_new(doc, (named.start_char, named.end_char), "PERSON", named.root.idx) \
                        if named is not None else entity_or_new(doc, mention, _source_type(head, anonymous), head.idx)
            relayed = _relayed_source(fs.head)
            if relayed is not None and via is None and source_id is not None:
                # "according to Reuters, which cited two people familiar with the matter":
                # the claim rests on the people, via Reuters
                via = source_id
                source_id, mention, anonymous, _ = _cited_source(doc, relayed)
                text = doc_text(doc)[mention[0]:mention[1]]
                end = fs.head.right_edge
                cut_end = max(cut_end, end.idx + len(end.text))
                fs.source_span, head = mention, relayed
            if anonymous and source_id is not None:
                last_group = (source_id, text)
            att = Attribution(id="", source=source_id, source_text=text, source_mention=fs.source_span,
                              cue=fs.cue, claim=fs.claim, anonymous=anonymous, via=via,
                              fragments=list(fs.fragments or [fs.claim]))
            route = "per" if doc_text(doc)[fs.cue[0]:fs.cue[1]].lower() == "per" else "according"
            att.confidence = confidence("attribution", att, attribution_basis(
                route, anonymous, speaker_form(head, source_id is not None), _type_of(doc, source_id), via is not None))
            attributions.append(att)
            _carry_via(doc, fs, via or source_id, owner_id=source_id if via else None,
                       source_confidence=att.confidence, cut_end=cut_end)
        attributions += _move_reported_relations(doc)
        attributions += _passive_reports(doc, attributions)
        for att in attributions:
            att.fragments = att.fragments or [att.claim]
        attributions.sort(key=lambda a: a.claim[0])
        for k, att in enumerate(attributions, 1):
            att.id = f"A{k}"
        doc._.cg_attributions = attributions


#: what makes a source anonymous besides a bare plural ("experts say"): the article says
#: it withheld the name, or describes the source only by what it knows
ANONYMITY = re.compile(
    r"\b(on (the )?condition (of|that) (anonymity|(he|she|they) not be (named|identified))|"
    r"spoke anonymously|speaking anonymously|requested anonymity|declined to be (named|identified)|"
    r"asked not to be (named|identified)|(was|were|is|are) not authori[sz]ed to|"
    r"familiar with|briefed on|with (direct )?knowledge of|close to the|knowledgeable about|"
    r"involved in the (talks|discussions|negotiations|deliberations))\b")
#: nouns an anonymous source is described by
SOURCE_NOUNS = frozenset({"source", "official", "person", "people", "insider", "aide", "diplomat",
                          "analyst", "expert", "executive", "officer", "adviser", "advisor", "member",
                          "lawmaker", "negotiator", "staffer", "employee", "investigator", "banker",
                          "trader", "researcher", "observer", "spokesperson", "spokesman", "spokeswoman"})
DESCRIBING_DEPS = frozenset({"amod", "acl", "prep", "nummod", "compound"})


def _sentence_text(doc: Doc, tok: Token) -> str:
    s = sentence_of(doc, tok.i)
    return doc_text(doc)[s.start_char:s.end_char]


def _anonymity_marked(head: Token, context: str = "") -> bool:
    """"a person briefed on the plans", "sources familiar with the matter", "an official,
    who spoke on condition of anonymity": a source the article does not name. The head
    is a common noun of :data:`SOURCE_NOUNS` and its phrase (or, for the withheld name,
    its sentence: "said on condition of anonymity") says so."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in SOURCE_NOUNS:
        return False
    if _phrase_marks_anonymity(head):
        return True
    return bool(context) and bool(re.search(r"anonymity|anonymously|not authori[sz]ed|not to be (named|identified)"
                                            r"|declined to be (named|identified)", context.lower()))


def _phrase_marks_anonymity(head: Token) -> bool:
    """Does the source's own phrase say it is unnamed ("people *familiar with* the talks")?"""
    return ANONYMITY.search(" ".join(t.text for t in head.subtree).lower()) is not None


def _described(head: Token) -> tuple[int, int]:
    """The source phrase with what describes it ("two officials familiar with the talks",
    "a person briefed on the plans"), without a relative clause or an apposition."""
    doc = head.doc
    start, end = head.left_edge.i, head.i + 1
    for child in head.rights:
        if child.dep_ not in DESCRIBING_DEPS:
            break
        end = child.right_edge.i + 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    while start < head.i and doc[start].is_punct:
        start += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _head_at(doc: Doc, span) -> Optional[Token]:
    s = doc.char_span(*span, alignment_mode="expand") if span else None
    return s.root if s is not None and len(s) else None


def _cited_sources(doc: Doc) -> list[Attribution]:
    """"Reuters, citing two officials familiar with the talks, said X" → X on the authority
    of the officials (anonymous, described), via Reuters; "…, the Financial Times reported,
    citing a letter from the employers" → the letter (a document), via the paper. The
    statement the outlet made is withdrawn from the quotes (it is this attribution).
    PolNeAR's annotators give X to the outlet and mark "citing Y" as a relation of the
    outlet's own; the issue's reading (X rests on Y) is the one kept here."""
    quotes = doc._.cg_quotes or []
    out: list[Attribution] = []
    withdrawn: set[str] = set()
    text = doc_text(doc)
    for tok in tokens_with(doc, "LOWER", ("citing",)):
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        cited = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if not _citable(cited):
            continue  # "resigned, citing health reasons": no source
        # the phrase "citing X" itself stays what the quote step made of it (the outlet
        # cites X: PolNeAR marks it as a relation of its own, 5 of 5 times on its train part)
        cited_span = (doc[cited.left_edge.i].idx, cited.right_edge.idx + len(cited.right_edge.text))

        def carries(q) -> bool:
            if q.id in withdrawn or q.cue is None or q.act != "speech":
                return False
            if q.cue[0] <= tok.idx < q.cue[1]:
                # "Reuters reported, citing two people …, that X": the parser hung the
                # that-clause on "citing"; a content clear of the cited phrase is the claim
                return q.content[0] >= cited_span[1] or q.content[1] <= cited_span[0]
            return True
        carrier = next((q for q in quotes if carries(q) and q.cue[0] <= tok.head.idx < q.cue[1]), None)
        carrier = carrier or next((q for q in quotes if carries(q) and q.cue[0] <= tok.idx < q.cue[1]), None)
        if carrier is None:
            s = sentence_of(doc, tok.i)
            carrier = next((q for q in quotes if carries(q) and s.start_char <= q.cue[0] < s.end_char), None)
        if carrier is None:
            continue
        source_id, mention, anonymous, type_ = _cited_source(doc, cited)
        via = carrier.speaker
        claim, pieces = _without_citing(doc, tok, cited, carrier.content, carrier.fragments)
        att = Attribution(id="", source=source_id, source_text=text[mention[0]:mention[1]], source_mention=mention,
                          cue=(tok.idx, tok.idx + len(tok.text)), claim=claim, anonymous=anonymous,
                          via=via, fragments=pieces)
        att.confidence = confidence("attribution", att, attribution_basis(
            "citing", anonymous, speaker_form(cited, True), type_, via is not None, described=mention[1] > cited.idx + len(cited.text)))
        out.append(att)
        withdrawn.add(carrier.id)
        if cited.lemma_.lower() in DOCUMENT_NOUNS:
            # "accused X of Y, citing reports from observers": the reports are the
            # accusation's source, no statement of the accuser's
            withdrawn.update(q.id for q in quotes if q.cue is not None and q.cue[0] <= tok.idx < q.cue[1]
                             and q.content[0] < cited_span[1] and cited_span[0] < q.content[1])
    if withdrawn:
        withdraw_quotes(doc, withdrawn)
    return out


def _cited_source(doc: Doc, cited: Token) -> tuple[str, tuple[int, int], bool, str]:
    """The entity a report cites ("citing two officials familiar with the talks", "which
    cited a letter from the employers"): its id, mention, anonymity and type."""
    lemma = cited.lemma_.lower()
    document = lemma in DOCUMENT_NOUNS
    mention = _described(cited)
    if document:
        # "citing reports from military observers": a document whose authors it does not name
        author = _document_author(cited)
        anonymous = author is not None and _unnamed_authors(author)
    else:
        anonymous = (_is_anonymous(cited) or _anonymity_marked(cited, _sentence_text(doc, cited))
                     or (cited.pos_ == "NOUN" and lemma in SOURCE_NOUNS))
    type_ = "MISC" if document else ("GROUP" if cited.tag_ in ("NNS", "NNPS") or not anonymous and
                                     cited.pos_ != "PROPN" else "PERSON" if anonymous else "ORG")
    source_id = entity_or_new(doc, mention, type_) if not anonymous else add_entity(
        doc, doc_text(doc)[mention[0]:mention[1]], type_, mention)
    return source_id, mention, anonymous, type_


def _unnamed_authors(author: Token) -> bool:
    """"military observers", "people briefed on the talks": authors of a document the
    article does not name (a bare plural or a described source, not "the employers")."""
    if _anonymity_marked(author, ""):
        return True
    return _is_anonymous(author) and author.lower_ not in PLURAL_PRONOUNS and not any(
        c.dep_ in ("det", "poss") for c in author.children)


def _relayed_source(head: Token) -> Optional[Token]:
    """"according to Reuters, which cited two people familiar with the matter", "per the
    newspaper, citing a letter from the employers": the source the source phrase cites."""
    for child in head.rights:
        if child.dep_ in ("relcl", "acl") and child.lemma_.lower() in ("cite", "quote"):
            cited = next((c for c in child.children if c.dep_ == "dobj"), None)
            if _citable(cited):
                return cited
    return None


def _citable(cited: Optional[Token]) -> bool:
    """Is the object of "cite" a source ("two officials", "a letter", "Yonhap"), not a
    reason ("health reasons")?"""
    if cited is None:
        return False
    lemma = cited.lemma_.lower()
    return lemma in DOCUMENT_NOUNS or cited.pos_ == "PROPN" or lemma in SOURCE_NOUNS


def _without_citing(doc: Doc, tok: Token, cited: Token, content: tuple[int, int],
                    fragments: list[tuple[int, int]]) -> tuple[tuple[int, int], list[tuple[int, int]]]:
    """The claim a report rests on its cited source, without the phrase "citing X" (and
    the frame before it) where the quote step left them in ("X, the newspaper said,
    citing a letter …", "reported, citing two people …, that X")."""
    text = doc_text(doc)
    cite = (tok.idx, cited.right_edge.idx + len(cited.right_edge.text))
    if not any(a < cite[1] and cite[0] < b for a, b in fragments or [content]):
        return content, list(fragments)
    pieces = []
    for a, b in fragments or [content]:
        if not (a < cite[1] and cite[0] < b):
            pieces.append((a, b))
            continue
        after = cite[1]
        while after < b and text[after] in " ,;:—–-":
            after += 1
        if text[after:after + 5].lower() == "that ":
            after += 5
        before = cite[0]
        while before > a and text[before - 1] in " ,;:—–-":
            before -= 1
        if before - a > 1:
            pieces.append((a, before))  # "the army had withdrawn, citing reports …"
        if b - after > 1:
            pieces.append((after, b))  # "citing two people …, that the deal …"
    if not pieces:
        return content, list(fragments)
    return (pieces[0][0], pieces[-1][1]), pieces


#: verbs of an impersonal passive report ("It was reported that X", "It is understood that X",
#: "It has been alleged that X"); not "it is expected / known that", which report no one's word
PASSIVE_REPORT_LEMMAS = frozenset({"report", "understand", "allege", "say", "claim", "rumor", "rumour",
                                   "announce", "learn", "suggest", "state", "claim", "believe", "suspect"})
PASSIVE_REPORT_REASON = "an impersonal passive report (\"it was reported that …\"): the article gives no source"


def _passive_reports(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """"It was reported on Thursday that X", "It is understood that X", "It has been
    alleged that X": X is reported, on the authority of no one the article names. An
    attribution with no source (``reason`` says why), none invented."""
    out: list[Attribution] = []
    taken = [a.claim for a in found] + [q.content for q in doc._.cg_quotes or []]
    for verb in tokens_with(doc, "LOWER", ("reported", "understood", "alleged", "said", "claimed", "rumored",
                                           "rumoured", "announced", "learned", "learnt", "suggested",
                                           "stated", "believed", "suspected")):
        if verb.tag_ != "VBN" or verb.lemma_.lower() not in PASSIVE_REPORT_LEMMAS:
            continue
        it = next((c for c in verb.lefts if c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it"), None)
        aux = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass")]
        if it is None or not any(c.dep_ == "auxpass" for c in aux):
            continue
        if any(c.dep_ == "agent" for c in verb.children):
            continue  # "it was reported by Reuters that …": a named source
        clause = next((c for c in verb.rights if c.dep_ == "ccomp"
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if clause is None:
            continue
        mark = next(m for m in clause.children if m.dep_ == "mark")
        first = doc[mark.i + 1]
        last = clause.right_edge
        while last.i > first.i and (last.is_punct or last.is_space):
            last = doc[last.i - 1]
        claim = (first.idx, last.idx + len(last.text))
        if any(t[0] <= claim[0] < t[1] or claim[0] <= t[0] < claim[1] for t in taken):
            continue  # a quote or an attribution holds it already
        cue = (it.idx, verb.idx + len(verb.text))
        att = Attribution(id="", source=None, source_text="", source_mention=None, cue=cue, claim=claim,
                          anonymous=True, fragments=[claim], reason=PASSIVE_REPORT_REASON)
        att.confidence = confidence("attribution", att, attribution_basis(
            "moved", True, speaker_form(None, False), None, False))
        out.append(att)
    return out


def _anonymous_refs(doc: Doc, attributions: list[Attribution]) -> list[tuple[int, str, str]]:
    """(offset, head lemma, entity id) of the anonymous sources named by the quotes'
    speakers and the attributions so far."""
    refs = []
    for att in attributions:
        head = _head_at(doc, att.source_mention)
        if att.anonymous and head is not None and att.source:
            refs.append((att.source_mention[0], head.lemma_.lower(), att.source))
    for q in doc._.cg_quotes or []:
        head = _head_at(doc, q.speaker_mention)
        if head is not None and q.speaker and _anonymity_marked(head, _sentence_text(doc, head)):
            refs.append((q.speaker_mention[0], head.lemma_.lower(), q.speaker))
    return sorted(refs)


def _refers_back(head: Token, at: int, refs: list[tuple[int, str, str]]) -> Optional[str]:
    """"according to the official" after "an official, who spoke on condition of anonymity":
    a definite description of an anonymous source named before is that source."""
    if head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in ("the", "that", "this", "those", "these")
                                      for c in head.children):
        return None
    if any(c.dep_ in ("amod", "acl", "prep", "relcl", "compound") for c in head.children):
        lemma_ok = False  # "the official in charge of …" may be someone else
    else:
        lemma_ok = True
    if not lemma_ok:
        return None
    lemma = head.lemma_.lower()
    found = [r for r in refs if r[0] < at and r[1] == lemma]
    return found[-1][2] if found else None


#: verbs by which a document gets its author ("data compiled by LSEG", "a survey conducted by Gallup")
AUTHORING_LEMMAS = frozenset({"compile", "release", "publish", "conduct", "issue", "produce", "prepare",
                              "collect", "gather", "commission", "carry", "write", "file", "draft", "provide",
                              "post", "put", "make", "run"})
#: document nouns whose "from X" names who produced them ("figures from the ministry")
FROM_AUTHOR_NOUNS = frozenset({"data", "datum", "figure", "statistic", "estimate", "number", "report", "survey",
                               "poll", "analysis", "study", "statement", "letter", "memo", "filing", "release"})
DOCUMENT_SOURCE_NOUNS = DOCUMENT_NOUNS | {"statistic", "estimate", "number", "research", "census", "tally", "count"}


def _document_author(head: Token) -> Optional[Token]:
    """"according to data compiled by LSEG", "a report by Human Rights Watch", "figures
    released by the ministry", "a survey conducted by Gallup": the head of the author of
    the document the source phrase names, or None."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in DOCUMENT_SOURCE_NOUNS:
        return None
    for child in head.rights:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in AUTHORING_LEMMAS:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            by = agent or next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            if by is None and child.lemma_.lower() in ("release", "publish", "issue", "provide", "post"):
                by = next((c for c in child.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        elif child.dep_ == "prep" and (child.lower_ == "by" or child.lower_ == "from" and
                                        head.lemma_.lower() in FROM_AUTHOR_NOUNS):
            by = child
        else:
            continue
        pobj = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        if pobj is None:
            continue
        if pobj.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") or pobj.pos_ not in ("PROPN", "NOUN"):
            return None  # "a report from Baghdad", "figures from last year": no author
        return pobj
    return None


def _type_of(doc: Doc, entity_id: Optional[str]) -> Optional[str]:
    return next((e.type for e in doc._.cg_entities or [] if e.id == entity_id), None) if entity_id else None


def _source_type(head: Token, anonymous: bool) -> str:
    """The type of a source the entity layer did not know: a collective is a GROUP, a
    document MISC, a person's noun a PERSON ("according to the official"), anything else an ORG."""
    if partitive_whole(head) is not None:
        return "PERSON" if head.lower_ in SINGLE_PARTITIVES else "GROUP"  # "according to one of the aides"
    if anonymous:
        return "GROUP"
    if head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_SOURCE_NOUNS:
        return "MISC"  # "according to a regulatory filing": a document
    return "PERSON" if head.pos_ == "NOUN" and head.tag_ == "NN" and head.lemma_.lower() in PERSON_NOUNS else "ORG"


def _is_anonymous(head: Token) -> bool:
    """A collective without a name: "experts", "officials", "observers", "sources"."""
    if head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and head.pos_ == "PROPN":
        return False
    return head.pos_ == "NOUN" and head.tag_ == "NNS" or head.lower_ in PLURAL_PRONOUNS


def _one_of_unnamed(head: Token) -> bool:
    """"One of the people said", "according to one of the aides": a member of a group the
    article does not name is a source it does not name."""
    whole = partitive_whole(head)
    return whole is not None and _is_anonymous(whole)


def _office_owner(head: Token) -> Optional[Token]:
    """"Yun's office" → the token for Yun."""
    if head.lemma_.lower() not in OFFICE_NOUNS:
        return None
    return next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)


def _over_quotation_going_on(doc: Doc, fs: FoundSource) -> None:
    """“I ask you to stand with us,” Sanders said, according to CNN. “It is of utmost
    importance.”: a source phrase on the frame of a quotation that goes on after the frame
    vouches for the whole quotation, not only the sentence it stands in; the claim covers
    the quote (which opens the claim and holds its own frame), its passages the quote's."""
    quote = next((q for q in doc._.cg_quotes or [] if q.cue is not None and fs.claim[0] <= q.cue[0] < fs.claim[1]
                  and abs(q.content[0] - fs.claim[0]) <= 1 and q.content[1] > fs.claim[1]
                  and _frame_between(q)), None)
    if quote is not None:
        fs.claim = quote.content
        fs.fragments = list(quote.fragments)


def _frame_between(quote: Quote) -> bool:
    """Does the quote's cue stand between its passages (“…,” she said. “…”), not in them?"""
    cue = quote.cue[0]
    return quote.content[0] < cue < quote.content[1] and not any(a <= cue < b for a, b in quote.fragments)


def _carry_via(doc: Doc, fs: FoundSource, via_id: Optional[str], owner_id: Optional[str],
               source_confidence: Optional[float] = None, cut_end: Optional[int] = None) -> None:
    """Quotes in the sentence of an "according to" phrase are carried by its source
    (the quote layer applies it: :func:`.handoff.carry_via`)."""
    if via_id is None:
        return
    sent = doc.char_span(fs.cue[0], fs.cue[1], alignment_mode="expand")
    if sent is None:
        return
    s = sentence_of(doc, sent.start)
    carry_via(doc, (s.start_char, s.end_char), via_id, owner_id, cut=(fs.cue[0], cut_end or fs.source_span[1]),
              source_mention=fs.source_span, source_confidence=source_confidence)


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
        # "a person briefed on the plans said …", "an official, who spoke on condition of
        # anonymity, said …": a source the article does not name, whatever the verb
        marked = head is not None and (_anonymity_marked(head, _sentence_text(doc, head)) or _one_of_unnamed(head))
        if q.kind in ("indirect", "mixed") and (evidential and (outlet or anonymous) or marked):
            anonymous = anonymous or marked
            source_text = doc_text(doc)[mention[0]:mention[1]]
            if marked:
                described = _described(head)
                source_text = doc_text(doc)[described[0]:described[1]]
            att = Attribution(id="", source=q.speaker, source_text=source_text,
                              source_mention=mention, cue=q.cue, claim=q.content, anonymous=anonymous,
                              via=q.via, fragments=list(q.fragments))
            att.confidence = confidence("attribution", att, attribution_basis(
                "moved", anonymous, speaker_form(head, q.speaker is not None), ent.type if ent else None,
                q.via is not None, described=marked))
            moved.append(att)
            moved_ids.add(q.id)
    withdraw_quotes(doc, moved_ids)
    return moved
