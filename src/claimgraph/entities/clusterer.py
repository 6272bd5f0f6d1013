"""Entities: one record per real-world person, organisation or place in the article.

Three steps, each in its own module of :mod:`claimgraph.entities`:

1. mention detection and repair (:mod:`~claimgraph.entities.mentions`): the tagger's
   names checked against gazetteers, plus pronouns and definite descriptions;
2. name clustering (:mod:`~claimgraph.entities.clusters`): a multi-pass sieve after
   Raghunathan et al. (2010);
3. pronoun, description and appositive linking (:mod:`~claimgraph.entities.coref`):
   Lappin & Leass (1994) salience; the first and second person of a question-and-answer
   interview (:mod:`~claimgraph.entities.interview`), of a letter (:mod:`~claimgraph.entities.letter`),
   of a signed article (:mod:`~claimgraph.entities.byline`) and of a speaker who says who they are
   (:mod:`~claimgraph.entities.introductions`).

Each cluster becomes a :class:`claimgraph.model.Entity` with its type, aliases, ISO
country, coordinates and role. Later steps read and extend the layer only through
:mod:`claimgraph.entities.handoff`.
Everything heavy (gazetteer dicts) is built once, when the component is created.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.entities.byline import link_author
from claimgraph.entities.clusters import NameSieve
from claimgraph.entities.names import family_name, is_family_first, name_words
from claimgraph.entities.coref import Resolver, inside_quotation
from claimgraph.entities.interview import link_turns
from claimgraph.entities.introductions import link_introductions
from claimgraph.entities.letter import link_letter
from claimgraph.lexicon import quote_mark_between
from claimgraph.lexicon.gazetteer import Gazetteer, fold, gazetteer, norm_key
from claimgraph.entities.mentions import (ORG_NOUNS, PERSON_NOUNS, PLACE_NOUNS, Mention, MentionFinder,
                                          verb_lemma, words_of)
from claimgraph.step import Step
from claimgraph.model import Entity
from claimgraph.parsed import doc_text

TYPE_PRIORITY = ("NEWS_OUTLET", "GOVERNMENT", "GPE", "LOC", "ORG", "PERSON", "NORP")
GOVERNMENT_WORDS = re.compile(r"\b(?:Ministry|Government|Cabinet|Parliament|Department|"
                              r"Presidential Office|Foreign Office|Home Office|Duma|Knesset|"
                              r"Bundestag|National Assembly|Congress|Senate)\b")
OUTLET_WORDS = re.compile(r"(?:\b(?:Times|Post|Journal|Herald|Tribune|Telegraph|Gazette|Chronicle|"
                          r"Daily|Independent|Observer|Guardian|Economist|Mirror|Express|Inquirer|"
                          r"Television|TV|Radio|Broadcasting|Broadcasting Corporation|Newspaper|"
                          r"News Agency|News Service|Press Agency|Wire)\b|\bNews$)")
OUTLET_NOUNS = re.compile(r"\b(?:newspaper|daily|broadcaster|news agency|news outlet|news site|"
                          r"news website|tabloid|magazine|wire service|television channel|"
                          r"radio station|TV channel|online publication|news publication)\b", re.I)
APPOS_DEPS = ("appos",)
# predicate nouns that say what a name is called, not who it is
NAME_NOUNS = frozenset("name pseudonym nickname alias surname moniker".split())
APPOSITIVE_CLOSERS = (",", ")", "—", "–")  # what ends an appositive inside its sentence
# a headline's "Given Family" the tagger did not call a person: two or three capitalised words
HEADING_NAME = re.compile(r"[^\W\d_][^\W\d_A-Z]+(?: [^\W\d_][^\W\d_A-Z]+){1,2}")
ROLE_HEADS = PERSON_NOUNS | frozenset("head member founder owner editor".split())
# person nouns also said of a firm or a body ("the market leader, Acme", "the champion, Ajax")
ROLE_OF_FIRMS_TOO = frozenset("leader champion general expert".split())
# last words of an organisation's name ("Nordic Holdings") that the noun lists lack
ORG_WORD_STOP = frozenset("""holdings lines shipping airlines airways motors group partners capital
systems technologies media energy foods""".split())
APPOS_THING_NOUNS = ORG_NOUNS | PLACE_NOUNS | frozenset(
    "island area district port suburb neighborhood neighbourhood county municipality "
    "agency outlet website broadcaster newspaper network group organization organisation "
    "movement militia company forces force army daily magazine tabloid channel station publication".split())

#: nouns of works and words, which a tagger may take for organisations' names ("the film
#: Elysium", "the word Nexus"): no kind of body of people
WORK_NOUNS = frozenset("""film movie book novel song album show series programme program play word term
phrase title name slogan brand product app game""".split())
#: nouns that name the name, not its bearer ("known by his nickname Farmajo")
NAME_NOUNS = frozenset("name nickname alias moniker pseudonym surname".split())

# name heads that make no description of their own ("the state" is not "Ohio State")
NAME_HEAD_STOP = frozenset("""state states city kingdom republic people nation country national
united union world news times post daily""".split())
# predicate nouns that say what a name is ("X is a city", "Y became the party's leader")
PREDICATE_NOUNS = {
    "PERSON": ROLE_HEADS | frozenset("""person member friend brother sister cousin uncle aunt
        grandson granddaughter nephew niece partner colleague winner nominee recipient fellow
        mathematician linguist composer artist painter poet novelist musician philosopher historian
        physicist chemist engineer architect designer photographer producer comedian host star
        player dancer""".split()),
    "PLACE": frozenset("""city town village capital country nation state island region area
        province district port hub centre center home destination neighborhood neighbourhood suburb
        county municipality settlement community territory republic kingdom monarchy""".split()),
    "ORG": ORG_NOUNS | frozenset("""organization organisation company firm group network charity
        publisher label brand club team band agency institution foundation movement party
        newspaper magazine website broadcaster startup manufacturer retailer""".split()),
}
PREDICATE_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# predicate nouns that make any untyped name a place ("X is a town in ...")
SETTLEMENT_NOUNS = frozenset("city town village capital island country".split())
# a one-word "person" whose names are mostly objects of "in" is a place ("hotels in Lodz")
LOCATIVE_PREPOSITIONS = frozenset(("in",))
MIN_LOCATIVE = 2
PERSON_SUFFIXES = ("ist", "ian", "er", "or", "ess", "ant", "ent")


class EntityClusterer(Step):
    """Finds the entities of a doc: mentions -> name clusters -> pronouns/descriptions."""

    def __init__(self, nlp: Optional[Language] = None, name: str = "claimgraph_entities",
                 gaz: Optional[Gazetteer] = None, scorer=None):
        super().__init__(name, scorer)
        self.gaz = gaz or gazetteer()
        self.finder = MentionFinder(self.gaz)
        self.sieve = NameSieve(self.gaz.given_names)
        self.resolver = Resolver(self.gaz.given_names)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.predict(doc))
        doc.user_data.pop("cg_words", None)  # the mention finder's per-doc token list
        return doc

    # -- find ------------------------------------------------------------------------------
    def predict(self, doc: Doc) -> list[Entity]:
        sent_of = self._sentence_index(doc)
        body, heading = self.finder.names(doc, sent_of)
        groups = self.sieve.cluster(doc_text(doc), body)
        clusters = [[body[i] for i in g] for g in groups]
        self._attach_headings(clusters, heading)
        clusters = [cl for cl in clusters if any(m.label != "MISC" for m in cl)]
        labels = [self._label(cl) for cl in clusters]
        taken: set[int] = set()
        for cl in clusters:
            for m in cl:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    taken.update(range(span.start, span.end))
        self._locative_people(doc, clusters, labels)
        self._appositives(doc, clusters, labels, sent_of, taken)
        self._predicates(doc, clusters, labels, sent_of, taken)
        self._groups(doc, clusters, labels, sent_of)
        pronouns = self.finder.pronouns(doc, sent_of, taken)
        heads = self._name_heads(clusters, labels)
        heads.update((k, "ORG") for k in self._kind_words(doc, clusters, labels) if k not in heads)
        descs = self.finder.descriptions(doc, sent_of, taken, heads)
        self.resolver.resolve(doc, clusters, labels, pronouns, descs, sent_of)
        self._predicates(doc, clusters, labels, sent_of, taken, mention_kind="pronoun")  # "She is a judge"
        self.resolver.speakers(doc, clusters, labels, doc_text(doc), words_of(doc), sent_of, taken)
        link_introductions(doc, clusters, labels, doc_text(doc), sent_of, taken)
        link_turns(doc, clusters, labels, doc_text(doc), sent_of, taken, lambda at: inside_quotation(doc, at))
        link_letter(doc, clusters, labels, doc_text(doc), sent_of, taken, lambda at: inside_quotation(doc, at))
        link_author(doc, clusters, labels, sent_of, taken, lambda at: inside_quotation(doc, at))
        # the first person joins a speaker, an interviewee or a letter's signer only above, after
        # the first pronoun pass: its copula's predicate noun ("I am the only candidate who ...")
        # is the same identity by predication (GUM train genres: CoNLL 0.6513 -> 0.6517)
        self._predicates(doc, clusters, labels, sent_of, taken, mention_kind="pronoun")
        self._drop_described_nationalities(clusters)
        keep = [ci for ci, cl in enumerate(clusters) if cl]
        return self._entities([clusters[ci] for ci in keep], [labels[ci] for ci in keep])

    @staticmethod
    def _drop_described_nationalities(clusters: list[list[Mention]]) -> None:
        """The nationality word of "the Italian" a person took as a description is no mention of
        the nation any more."""
        heads = {m.head for cl in clusters for m in cl if m.kind == "desc" and m.extra.get("demonym")}
        if heads:
            for cl in clusters:
                cl[:] = [m for m in cl if not (m.kind == "name" and m.label == "NORP" and m.head in heads)]

    @staticmethod
    def _kind_words(doc: Doc, clusters: list[list[Mention]], labels: list[str]) -> set[str]:
        """Nouns of the kind an organisation is, set before its name ("business *consultancy*
        Dezan Shira & Associates", "the rights *group* Amnesty"): kept on the name mention
        (``extra["kind"]``) so that "the consultancy" later is that organisation."""
        out: set[str] = set()
        for ci, cl in enumerate(clusters):
            if labels[ci] not in ("ORG", "NEWS_OUTLET", "GOVERNMENT"):
                continue
            for m in cl:
                first = m.extra.get("tok_start")
                if m.kind != "name" or not first:
                    continue
                kind, head = doc[first - 1], doc[m.head]
                if kind.pos_ == "NOUN" and kind.is_lower and kind.is_alpha and len(kind.text) >= 4 \
                        and kind.lemma_.lower() not in WORK_NOUNS and (
                        kind.dep_ == "compound" and first <= kind.head.i <= head.i
                        or head.dep_ == "appos" and head.head.i == kind.i):
                    m.extra["kind"] = kind.lemma_.lower()
                    out.add(m.extra["kind"])
        return out

    @staticmethod
    def _name_heads(clusters: list[list[Mention]], labels: list[str]) -> dict[str, str]:
        """Head nouns of the organisations' and places' names of several words ("museum" of
        "the Pera Museum", "society" of "the Society of Friends"), with the label a description
        headed by them takes: "the museum" is then a short form of the name (the head-match
        description pass of Lee et al. 2013)."""
        out: dict[str, str] = {}
        for ci, cl in enumerate(clusters):
            label = "ORG" if labels[ci] in ("ORG", "NEWS_OUTLET", "GOVERNMENT") else \
                "LOC" if labels[ci] in ("GPE", "LOC") else None
            if label is None:
                continue
            for m in cl:
                words = m.name.split()
                if m.kind != "name" or len(words) < 2 or m.gid and m.gid.startswith("c:"):
                    continue
                low = [w.lower() for w in words]
                head = low[low.index("of") - 1] if "of" in low[1:] else low[-1]
                if head.isalpha() and len(head) >= 4 and head not in NAME_HEAD_STOP:
                    out.setdefault(head, label)
        return out

    @staticmethod
    def _sentence_index(doc: Doc) -> list[int]:
        out = [0] * len(doc)
        if not doc.has_annotation("SENT_START"):
            return out
        for k, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                out[i] = k
        return out

    def _attach_headings(self, clusters: list[list[Mention]], heading: list[Mention]) -> None:
        """Heading names join a body cluster with the same name or id; otherwise only
        gazetteer-backed names stay."""
        index: dict[str, int] = {}
        for ci, cl in enumerate(clusters):
            for m in cl:
                index.setdefault(norm_key(m.name), ci)
                if m.gid:
                    index.setdefault(m.gid, ci)
                words = m.name.split()
                if m.label == "PERSON" and len(words) > 1:
                    for w in (words[0], words[-1]):
                        index.setdefault(norm_key(w), ci)
        for m in heading:
            ci = index.get(m.gid) if m.gid else None
            if ci is None:
                ci = index.get(norm_key(m.name))
            if ci is None and " " in m.name.strip():
                ci = self._heading_person(m, clusters, index)
            if ci is None and " " in m.name:  # "Ted Cruz Refuses": the tagger ran on
                ci = self._heading_prefix(m, index)
            if ci is not None:
                clusters[ci].append(m)
            elif m.gid:
                index[m.gid] = len(clusters)
                clusters.append([m])

    @staticmethod
    def _heading_person(m: Mention, clusters: list[list[Mention]], index: dict[str, int]) -> Optional[int]:
        """A headline's full name ("Ana Ruiz") whose body uses only the family name ("Ruiz ...
        Ruiz said") is that person, whatever label the tagger gave the headline; a body cluster
        of the given name alone ("Ana") is too, as the short forms of one name are in the
        name-matching pass of Raghunathan et al. (2010). A body cluster with another given name
        ("Sherri Ruiz") is someone else; of several that fit, the one named most."""
        person = m.label == "PERSON"
        words = name_words(m.name) if person else norm_key(m.name).split()
        if len(words) < 2 or not m.name[:1].isupper() or not person and not HEADING_NAME.fullmatch(m.name.strip()):
            return None
        last = family_name(words) if person else words[-1]

        def fits(cl: list[Mention]) -> bool:
            names = [x for x in cl if x.kind == "name"]
            if not any(norm_key(x.name) == last or person and family_name(name_words(x.name)) == last
                       for x in names):
                return False
            if not all(person and x.label == "PERSON" or norm_key(x.name) == last and not x.gid for x in names):
                return False
            return not any(len(w) > 1 and w[0] != words[0] for w in map(name_words, (x.name for x in names)))
        cands = [ci for ci, cl in enumerate(clusters) if cl and fits(cl)]
        if not cands:
            return None
        ci = max(cands, key=lambda c: len(clusters[c]))
        gi = index.get(words[0]) if not is_family_first(words) else None
        if gi is not None and gi != ci and all(x.kind == "name" and norm_key(x.name) == words[0]
                                               for x in clusters[gi]):
            clusters[ci].extend(clusters[gi])
            clusters[gi] = []
            for key, at in index.items():
                if at == gi:
                    index[key] = ci
        return ci

    @staticmethod
    def _heading_prefix(m: Mention, index: dict[str, int]) -> Optional[int]:
        """Shrink a heading name to its longest start that names a body entity."""
        words = m.name.split(" ")
        for n in range(len(words) - 1, 0, -1):
            part = " ".join(words[:n])
            ci = index.get(norm_key(part))
            if ci is not None and (n > 1 or len(part) >= 4):
                m.name = part
                m.end = m.name_end = m.name_start + len(part)
                return ci
        return None

    @staticmethod
    def _label(cl: list[Mention]) -> str:
        counts = Counter(m.label for m in cl if m.kind == "name" and m.label != "MISC")
        for m in cl:
            if m.gid and m.gid.startswith("c:"):
                return "GPE"
        for m in cl:
            if m.gid and m.gid.startswith("o:"):
                return m.label
            if m.gid and m.gid.startswith("r:"):  # "the Kursk region"
                return "LOC"
        if not counts:
            return "ORG"
        best = max(counts.values())
        top = [t for t in TYPE_PRIORITY if counts.get(t) == best]
        label = top[0] if top else counts.most_common(1)[0][0]
        if label == "ORG" and any(GOVERNMENT_WORDS.search(m.name) for m in cl):
            return "GOVERNMENT"
        if label == "ORG" and any(OUTLET_WORDS.search(m.name) for m in cl if m.kind == "name"):
            return "NEWS_OUTLET"
        return label

    def _locative_people(self, doc: Doc, clusters, labels) -> None:
        """A "person" of one-word names, no title, no known given name, whose mentions are
        mostly objects of "in" ("a hotel in Lodz", "born in Lodz") is a place the tagger
        mistyped (the locative-context cue of Collins & Singer 1999's contextual rules)."""
        for ci, cl in enumerate(clusters):
            if labels[ci] != "PERSON":
                continue
            names = [m for m in cl if m.kind == "name" and not m.heading]
            if any(" " in m.name or m.extra.get("titles") or m.role or fold(m.name) in self.gaz.given_names
                   for m in names):
                continue
            inside = sum(doc[m.head].dep_ == "pobj" and doc[m.head].head.lower_ in LOCATIVE_PREPOSITIONS
                         for m in names)
            if inside >= MIN_LOCATIVE and 2 * inside > len(names):
                labels[ci] = "GPE"

    @staticmethod
    def _person_by_role(cl: list[Mention], nps) -> bool:
        """"its chairwoman, Ilze Ozola": a name of two or three capitalised words the tagger
        typed as an organisation, unknown to the gazetteer and with no organisation word, in
        apposition to a person's role (a firm's "chairwoman", "spokesman", "chief executive") is
        that person."""
        if not any(np.lemma_.lower() in PERSON_NOUNS and np.lemma_.lower() not in ROLE_OF_FIRMS_TOO
                   for np in nps):
            return False
        for x in cl:
            words = x.name.split()
            if x.kind != "name" or x.gid or not 2 <= len(words) <= 3 or not all(
                    w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words) \
                    or any(w.lower() in ORG_NOUNS or w.lower() in ORG_WORD_STOP for w in words):
                return False
        return True

    def _appositives(self, doc: Doc, clusters, labels, sent_of, taken: set) -> None:
        """``NAME, a former senior lieutenant in X,`` and ``the match referee, NAME``."""
        for ci, cl in enumerate(clusters):
            for m in list(cl):
                if m.kind != "name" or m.heading:
                    continue
                tok = doc[m.head]
                nps = [c for c in tok.children if c.dep_ in APPOS_DEPS and c.pos_ == "NOUN"]
                if tok.dep_ in APPOS_DEPS and tok.head.pos_ == "NOUN" and tok.head.i < tok.i:
                    nps.append(tok.head)
                # "“… but also friends,” Mary Stone, the chief of staff, said": the parser
                # hung the name after the quotation on the quotation's last noun
                nps = [np for np in nps if not quote_mark_between(doc, np.i, tok.i)
                       and np.lemma_.lower() not in NAME_NOUNS]
                if labels[ci] == "ORG" and self._person_by_role(cl, nps):
                    labels[ci] = "PERSON"
                    for x in cl:
                        x.label = "PERSON"
                if labels[ci] != "PERSON":  # "Somalia, the country"; not "Asia, the website"
                    # "an art museum, the Pera Museum": the name's own head noun fits as well
                    own = {w.lower() for w in m.name.split()}
                    nps = [np for np in nps if np.lemma_.lower() in APPOS_THING_NOUNS or np.lemma_.lower() in own]
                else:  # "Ahn, a lieutenant in the army, North Korea's armed forces": not him
                    nps = [np for np in nps if (np.lemma_.lower() not in APPOS_THING_NOUNS
                                                or np.lemma_.lower() in PERSON_NOUNS)
                           and (self._person_noun(np) or not self._bracketed(doc, np, tok))]
                if labels[ci] == "PERSON":
                    self._conjoined_role(doc, tok, m)
                nps, glued = _hyphenated_nouns(doc, nps)
                for np in nps:
                    left = glued.get(np.i, np.left_edge.i)
                    right = np.right_edge.i + 1 if np.i > tok.i else np.i + 1
                    for c in np.rights:
                        if c.dep_ in ("relcl", "acl", "punct", "cc", "conj", "appos"):
                            right = min(right, c.left_edge.i)
                    for k in range(np.i + 1, right):  # no clauses: "... who defected in 2017"
                        if doc[k].dep_ in ("relcl", "acl") or doc[k].tag_ in ("WDT", "WP", "WP$") \
                                or doc[k].text in (",", ";", "(", "—", "–"):
                            right = k
                            break
                    while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc"):
                        right -= 1
                    if np.i in taken or right - left > 25:
                        continue
                    if np.i < tok.i and any(doc[k].text == ":" for k in range(np.i + 1, tok.i)):
                        continue  # "Image: Name", "Photo: Name": a caption's credit, not a role
                    if np.i > tok.i and self._listed(doc, np):
                        continue  # "Ono, her mother and her sister moved": a list, not her mother
                    start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text)
                    app = Mention(start, end, doc_text(doc)[start:end], labels[ci], "appos", np.i,
                                  sent_of[np.i], start, end, extra={"noun": np.lemma_.lower()})
                    k = left
                    while k < right and doc[k].pos_ == "DET":
                        k += 1
                    noun = np.lemma_.lower()
                    if labels[ci] == "PERSON" and noun in ORG_NOUNS and noun not in PERSON_NOUNS:
                        labels[ci] = "ORG"  # "Al-Shabab, a terrorist group": not a person
                    elif labels[ci] == "PERSON" and noun in PLACE_NOUNS:
                        labels[ci] = "GPE"  # "Beledweyne, a town near the border"
                    if noun in PERSON_NOUNS or labels[ci] == "PERSON":
                        app.role = doc_text(doc)[doc[k].idx:end] if k < right else None
                    cl.append(app)
                    taken.update(range(left, right))
                    if (labels[ci] in ("ORG", "PERSON") or labels[ci] == "GPE" and not m.gid) \
                            and OUTLET_NOUNS.search(app.name):
                        labels[ci] = "NEWS_OUTLET"  # "Dong-A Ilbo, a conservative daily"

    def _predicates(self, doc: Doc, clusters, labels, sent_of, taken: set, mention_kind: str = "name") -> None:
        """``NAME is the foreign minister``, ``X became a city in 1850``: a predicate noun of
        the copula says what the name is, so it is a mention of the same entity (identity by
        predication, as coreference corpora such as OntoNotes' appositives and GUM's mark it)."""
        for ci, cl in enumerate(clusters):
            label = labels[ci]
            nouns = PREDICATE_NOUNS.get("PERSON" if label == "PERSON" else
                                        "PLACE" if label in ("GPE", "LOC") else "ORG")
            retype = mention_kind == "name" and label not in ("GPE", "LOC") and not any(x.gid for x in cl)
            if retype:  # "Lodz is Poland's third city": a place the tagger took for a person
                nouns = nouns | SETTLEMENT_NOUNS
            for m in list(cl):
                if m.kind != mention_kind or m.heading or mention_kind == "pronoun" and label != "PERSON":
                    continue
                tok = doc[m.head]
                verb = tok.head
                if any(c.dep_ == "neg" for c in verb.children):
                    continue
                if tok.dep_ == "nsubj" and verb_lemma(verb) in ("be", "become", "remain"):
                    nps = [c for c in verb.children if c.dep_ == "attr"]
                elif label == "PERSON" and tok.dep_ in PREDICATE_SUBJECT_DEPS and verb.pos_ == "VERB" \
                        and not any(c.dep_ == "dobj" for c in verb.children):
                    # "she served as the party's treasurer", "he was hired as a reporter"
                    nps = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                           for p in c.children if p.dep_ == "pobj"]
                else:
                    continue
                for np in nps:
                    if np.i < tok.i or np.i in taken:
                        continue
                    lemma = np.lemma_.lower()
                    # "X is one of the largest cities in Y": the kind is the noun after "of"
                    of = next((c for c in np.children if c.dep_ == "prep" and c.lower_ == "of"), None) \
                        if np.lower_ == "one" else None
                    kind = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else np
                    # "X became President of the Society": a capitalised title is a predicate noun too
                    if kind is None or kind.pos_ != "NOUN" and not (
                            label == "PERSON" and kind.pos_ == "PROPN" and kind.lower_ in ROLE_HEADS):
                        continue
                    lemma = kind.lemma_.lower()
                    if lemma in NAME_NOUNS:
                        continue  # "Higuchi Ichiyō is her pen name": a name of hers, not her
                    # the attribute of a copula is the subject whatever its noun ("Higuchi was an
                    # important figure", "Oakland is a perfect destination"): the copula asserts
                    # identity (GUM train genres: any noun for the copula, CoNLL 0.5869 -> 0.5887);
                    # a bare noun ("neck-and-neck", "job one", "part of the conversation") is a
                    # property, not a referring noun phrase (determined NPs only: same train score,
                    # fewer of these on PolNeAR's news); "served as" keeps to the nouns of roles
                    if lemma not in nouns and not (label == "PERSON" and lemma.endswith(PERSON_SUFFIXES)) \
                            and (np.dep_ != "attr" or not any(c.dep_ in ("det", "poss") for c in np.children)):
                        continue
                    if np.i + 1 < len(doc) and not np.whitespace_ and doc[np.i + 1].text in ("-", "–"):
                        continue  # "a co-founder" the parser split: no span of its own (train: +0.0001)
                    if retype and lemma in SETTLEMENT_NOUNS:
                        label = labels[ci] = "GPE"
                    if np.tag_ == "NNS" and tok.tag_ != "NNPS" and of is None:
                        continue
                    left, right = np.left_edge.i, min(np.right_edge.i + 1, np.sent.end)
                    # "a founding member of Wycliffe, a related organization ...": the predicate ends
                    # where an appositive or an aside of its own begins (GUM train: +0.0003 CoNLL)
                    for k in range(np.i + 1, right):
                        if doc[k].text in (",", ";", "(", "—", "–", ":"):
                            right = k
                            break
                    while right > left + 1 and (doc[right - 1].is_punct or doc[right - 1].dep_ == "cc"):
                        right -= 1
                    # "X is a Danish linguist", "a Czech composer", "a Baptist minister": a
                    # nationality or religion inside is no other entity, whatever its tag
                    if right - left > 30 or any(i in taken and doc[i].pos_ != "ADJ" and doc[i].ent_type_ != "NORP"
                                                for i in range(left, np.i)):
                        continue
                    start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text)
                    pred = Mention(start, end, doc_text(doc)[start:end], label, "appos", np.i,
                                   sent_of[np.i], start, end, extra={"noun": lemma})
                    if label == "PERSON" and lemma in ROLE_HEADS:
                        k = left
                        while k < np.i and doc[k].pos_ == "DET":
                            k += 1
                        pred.role = doc_text(doc)[doc[k].idx:end]
                    cl.append(pred)
                    taken.update(range(left, right))

    @staticmethod
    def _person_noun(np) -> bool:
        lemma = np.lemma_.lower()
        return lemma in PREDICATE_NOUNS["PERSON"] or lemma.endswith(PERSON_SUFFIXES)

    @staticmethod
    def _bracketed(doc: Doc, np, tok) -> bool:
        """``the general media (Baker, 2010)``: a name in brackets after a noun that names no
        kind of person is a citation or a source, not an appositive (the appositive
        constraint of Haghighi & Klein 2009: the two must be able to denote the same thing)."""
        lo, hi = sorted((np.i, tok.i))
        return any(doc[k].text in ("(", "[") for k in range(lo + 1, hi))

    @staticmethod
    def _groups(doc: Doc, clusters, labels, sent_of) -> None:
        """``Ana Ruiz and Tom Hale``: people named together are a group of their own, which a
        later *they* can take (GUM and OntoNotes mark the coordination as a mention of the
        group; the split-antecedent plural of Lee et al. 2013 is left aside)."""
        people: dict[int, Mention] = {}
        for ci, cl in enumerate(clusters):
            if labels[ci] == "PERSON":
                for m in cl:
                    if m.kind == "name" and not m.heading:
                        people[m.head] = m
        text = doc_text(doc)
        for head, m in list(people.items()):
            tok = doc[head]
            if tok.dep_ == "conj" or not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.subtree):
                continue
            members = [tok, *tok.conjuncts]
            if len(members) < 2 or any(c.i not in people for c in members):
                continue
            start = min(people[c.i].start for c in members)
            end = max(people[c.i].end for c in members)
            group = Mention(start, end, text[start:end], "GROUP", "name", head, sent_of[head], start, end,
                            number="pl", extra={"group": True})
            clusters.append([group])
            labels.append("GROUP")

    @staticmethod
    def _listed(doc: Doc, np) -> bool:
        """Is the noun phrase after a name's comma the second item of a list ("Ono, her mother and
        her sister moved")? Another determined noun phrase is conjoined to it and no comma closes
        them, as one would close an appositive ("Ruiz, the founder and its chief, said")."""
        for c in np.children:
            if c.dep_ == "conj" and any(g.dep_ in ("det", "poss") for g in c.children):
                after = c.right_edge.i + 1
                return not (after < len(doc) and doc[after].text in APPOSITIVE_CLOSERS)
        return False

    @staticmethod
    def _conjoined_role(doc: Doc, tok, m: Mention) -> None:
        """``NAME, a former lieutenant, and now head of the Institute``: a second role."""
        heads = [tok] + [c for c in tok.children if c.dep_ in APPOS_DEPS]
        for c in (c for h in heads for c in h.children):
            if c.dep_ != "conj" or c.pos_ != "NOUN" or c.lemma_.lower() not in ROLE_HEADS or c.tag_ == "NNS" \
                    or any(g.dep_ == "poss" and g.tag_ == "PRP$" for g in c.children):
                continue  # (not "Berisha and members of his family", "Berisha, his wife, Liri …": others)
            right = c.right_edge.i + 1
            for k in range(c.i + 1, right):
                if doc[k].text in (",", ";", "(", "—", "–") or doc[k].dep_ in ("relcl", "acl"):
                    right = k
                    break
            role = doc_text(doc)[c.idx:doc[right - 1].idx + len(doc[right - 1].text)]
            m.role = f"{m.role}; {role}" if m.role else role

    # -- records ---------------------------------------------------------------------------
    def _entities(self, clusters: list[list[Mention]], labels: list[str]) -> list[Entity]:
        out = []
        order = sorted(range(len(clusters)), key=lambda ci: min(m.start for m in clusters[ci]))
        for ci in order:
            cl = sorted(clusters[ci], key=lambda m: m.start)
            names = [m for m in cl if m.kind == "name"]
            if not names and not any(m.extra.get("in_view") for m in cl) or labels[ci] == "GROUP" and len(cl) == 1:
                continue  # a group no pronoun took up is no entity of the article
            label = labels[ci]
            # a person the article never names, whom a pronoun takes up ("The mayor visited
            # the site. She said …"): named by the description, as a speaker so described is
            roles = [] if names else list(dict.fromkeys(
                re.sub(r"^(?:the|a|an)\s+", "", x.name, flags=re.I) for x in cl if x.kind == "desc"))
            name = self._name(names, label) if names else max(roles, key=len)
            ent = Entity(id=f"E{len(out) + 1}", name=name, type=label, aliases=roles)
            seen = set()
            # a name inside a longer name of the same entity ("Nordwind" of "Nordwind Shipping",
            # found again as a recurring word) is no mention of its own
            inner = {id(m) for m in names for o in names
                     if o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)}
            for m in cl:
                if id(m) in inner:
                    continue
                if (m.start, m.end) not in seen:
                    seen.add((m.start, m.end))
                    ent.mentions.append((m.start, m.end))
            for m in names:
                alias = m.name
                if alias not in ent.aliases:
                    ent.aliases.append(alias)
            ent.country = self._country(cl, label)
            ent.coords = next((m.coords for m in names if m.coords and not m.capital_of), None)
            if ent.coords is None and label in ("GPE", "LOC"):
                ent.coords = next((m.coords for m in names if m.coords), None) \
                    if all(m.capital_of for m in names if m.coords) and \
                    not any(m.gid and m.gid.startswith("c:") for m in names) else None
            ent.role = self._role(cl)
            out.append(ent)
        return out

    def _name(self, names: list[Mention], label: str) -> str:
        for m in names:
            if m.gid and m.gid.startswith("c:"):
                return self.gaz.countries[m.gid[2:]].name
            if m.gid and m.gid.startswith("o:"):
                return m.gid[2:]
        body = [m for m in names if not m.heading and not _doubled(m.name)] or names
        if label == "PERSON":
            return max(body, key=lambda m: (len(m.name.split()), -m.start)).name
        counts = Counter(m.name for m in body)
        return max(body, key=lambda m: (len(m.name.split()) > 1, counts[m.name], -m.start)).name

    def _country(self, cl: list[Mention], label: str) -> Optional[str]:
        for m in cl:
            if m.kind == "name" and m.country and m.gid and m.gid.startswith("c:"):
                return m.country
        for m in cl:
            if m.kind == "name" and m.country:
                return m.country
        for m in cl:  # "Ukrainian President", "North Korean Foreign Minister Choe"
            if m.role:
                c = self._role_country(m.role)
                if c:
                    return c
        if label == "GOVERNMENT":  # "U.S. Treasury Department", "Russian Defence Ministry"
            for m in cl:
                if m.kind == "name":
                    c = self._role_country(m.name)
                    if c:
                        return c
        return None

    def _role_country(self, role: str) -> Optional[str]:
        """Country of a role or a government's name: a demonym ("Ukrainian President"),
        a possessive country ("North Korea's foreign minister") or a leading one ("U.S.
        Treasury Department")."""
        words = role.replace("’", "'").split()
        for n in (2, 1):
            for i in range(len(words) - n + 1):
                chunk = " ".join(words[i:i + n])
                c = self.gaz.demonym(chunk)
                if c:
                    return c
                possessive = chunk.endswith("'s")
                if chunk[:1].isupper() and (possessive or i == 0):
                    place = self.gaz.place(chunk[:-2] if possessive else chunk)
                    if place is not None and place.is_country:
                        return place.country
        return None

    @staticmethod
    def _role(cl: list[Mention]) -> Optional[str]:
        roles = []
        for m in cl:
            if m.role and fold(m.role) not in {fold(r) for r in roles}:
                roles.append(m.role)
        return "; ".join(roles[:3]) if roles else None

    def set_annotations(self, doc: Doc, entities: list[Entity]) -> None:
        doc._.cg_entities = entities



def _hyphenated_nouns(doc: Doc, nps: list) -> tuple[list, dict[int, int]]:
    """Appositive nouns the parser split at a hyphen ("a study co - author", each piece an
    appositive): the last piece stands for the word, starting where the first one's phrase
    starts. The nouns to keep, and for each joined one the token its phrase starts at."""
    keep, glued = [], {}
    ids = {np.i for np in nps}
    for np in sorted(nps, key=lambda t: t.i):
        joined = np.i + 2 < len(doc) and doc[np.i + 1].text in ("-", "‑") and not np.whitespace_ \
            and not doc[np.i + 1].whitespace_ and np.i + 2 in ids
        if joined:
            glued[np.i + 2] = glued.get(np.i, np.left_edge.i)
        elif np.text not in ("-", "‑"):
            keep.append(np)
    return keep, glued


def _doubled(name: str) -> bool:
    """"David Gee David Gee": a name written twice in a row, a sub-heading run into the
    sentence that names the same person, is no name of its own."""
    words = name.split()
    half = len(words) // 2
    return half > 0 and len(words) % 2 == 0 and words[:half] == words[half:]
