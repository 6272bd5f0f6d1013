"""Pronouns, definite descriptions and appositives linked to the name clusters.

A light, rule-based resolver in the line of Lappin & Leass (1994, "An algorithm for
pronominal anaphora resolution", Computational Linguistics 20(4)) and Hobbs (1978):

- candidates are the clusters mentioned before the pronoun, in the same sentence or up
  to :attr:`Resolver.WINDOW` sentences back (*it* and *they*: the same sentence only); they must agree in person/non-person,
  number and gender (gender comes from honorifics, gendered nouns and the pronouns
  already resolved to the cluster, as in the entity-centric model of Lee et al. 2013);
- syntactic filter: a non-reflexive object pronoun does not take the subject of its own
  verb ("he saw him"), a reflexive must;
- salience: each earlier mention adds weights for recency, subject (80), object (50)
  and being a name (50), halved with every sentence of distance; the most salient
  cluster wins.

Definite descriptions (``the senator``, ``the company``) join the most recent cluster
whose role or name contains the head noun, or, for a few generic nouns (``the man``,
``the 40-year-old``, ``the country``), the most salient agreeing cluster nearby. A description
agrees in number (``the islands`` is no one island), one that says it is another (``the other
island``) joins nothing, ``the city of Lyon`` is Lyon, and ``the city`` is never a name headed
by a street, a river or a building (``Florence Avenue``).
Appositives (``Ahn Chan-il, a former senior lieutenant ...``) join their name, as in the
appositive pass of Raghunathan et al. (2010); they also give the entity its role.

A *he* or *she* with no person in reach takes a one-word name the tagger typed as a place or
an organisation when it is the subject just before ("Holt attended Navarro College … He"),
and that entity becomes a person. Roles are matched through a small table of news synonyms
("the top U.S. diplomat" for a Secretary of State, "the central bank chief" for its governor);
a role description with no antecedent goes forward to the one person introduced later with
that role (cataphora).

Before salience, a he/she in the complement of a verb takes that verb's subject ("Ruiz said
he would stay") and a possessive in a *who*-clause the noun the clause modifies (Hobbs 1978's
clause-bound preferences); an object pronoun's own subject is ruled out as an entity (binding
principle B). Common-noun phrases compete with the names as Lappin & Leass's candidates do: an
*it*/*they* (or a he/she, against a person noun in its sentence) that one of them outweighs is
left alone, unless it continues the subject before it or says something. People named
together ("Ruiz and Hale") are a group a later *they* can take, and a locative *there* is the
place just named after *in*/*to*.

First-person pronouns inside a quotation (``I``, ``my``; ``we``, ``our`` for an
organisation, a country or a team) join the quotation's speaker, the subject of the
reporting verb next to it: the speaker-identification sieve of Lee et al. (2013); by the same
sieve's speaker constraint, a *he* or *she* inside a quotation is never its speaker.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc

from claimgraph.entities.mentions import (DESC_PERSON_NOUNS, FAMILY_TOO, PERSON_NOUNS, PLACE_FEATURE_HEADS, Mention,
                                          industry_noun, verb_lemma)
from claimgraph.parsed import doc_text, noun_chunks
from claimgraph.lexicon import QUOTATION_FRAME_VERBS, REPORTING_LEMMAS
from claimgraph.lexicon.gazetteer import gazetteer
from claimgraph.entities.names import FEMALE_TITLES, MALE_TITLES, is_family_first, name_words

PERSON_TYPES = ("PERSON",)
THING_TYPES = ("ORG", "NEWS_OUTLET", "GOVERNMENT", "GPE", "LOC")
EMPLOYER_TYPES = ("ORG", "NEWS_OUTLET", "GOVERNMENT")  # what has staff ("its spokesman")
ROLE_OWNER_WINDOW = 1  # sentences back for the organisation of "its" + a role
SUBJECT_DEPS = ("nsubj", "nsubjpass")
OBJECT_DEPS = ("dobj", "iobj", "pobj", "dative")
REFLEXIVES = ("himself", "herself", "itself", "themselves")
MALE_NOUNS = frozenset("man boy father son husband king prince brother businessman "
                       "spokesman chairman congressman actor uncle nephew grandson grandfather "
                       "stepfather stepson boyfriend widower".split()) | MALE_TITLES
FEMALE_NOUNS = frozenset("woman girl mother daughter wife queen princess sister "
                         "businesswoman spokeswoman chairwoman congresswoman actress aunt niece "
                         "granddaughter grandmother stepmother stepdaughter girlfriend widow".split()) | FEMALE_TITLES
# heads of noun phrases that name a person without a name: rivals of a name for he/she
PERSON_RIVALS = PERSON_NOUNS | DESC_PERSON_NOUNS | MALE_NOUNS | FEMALE_NOUNS | frozenset(
    "friend colleague partner cousin parent grandparent neighbour neighbor patient client".split())
GENERIC_PERSON = frozenset("man woman boy girl leader official teen teenager youngster".split())
GENERIC_PLACE = frozenset("country nation".split())
# "it" and "they" join an organisation or a place named in their own sentence only ("Acme said
# its profits rose"); further back they mostly stand for a thing, an event or a group of people
# no name was given (a link there is wrong about four times in five on GUM's train genres)
IT_WINDOW = 0
# "the city", "the island": the place of that kind named last (not a country)
GENERIC_SETTLEMENT = frozenset("city town village capital island".split())
FIRST_PERSON_SINGULAR = frozenset("i me my mine myself".split())
FIRST_PERSON_PLURAL = frozenset("we us our ours ourselves".split())
_QUOTATION = re.compile(r"“[^“”]{2,2000}”|\"[^\"\n]{2,2000}\"")
# noun phrases that are no rival antecedent of "it"/"they" (dates, amounts)
RIVAL_SKIP_ENTS = frozenset("DATE TIME PERCENT MONEY QUANTITY CARDINAL ORDINAL".split())
NAME_WEIGHT = 50.0  # salience a name adds to its mention (over a pronoun or a description)
RIVAL_WINDOW = 0  # sentences back for the rival noun phrases of "it"/"they"
PLURAL_TAGS = ("NNS", "NNPS")
OBJECT_PLURAL = frozenset(("them", "themselves"))
SUBJECT_ANTECEDENT_KINDS = ("name", "desc")  # mentions a subject "it" continues from the sentence before
# place nouns whose "of" names the place itself ("the city of Lyon"; not "the capital of France")
NAMED_ELSEWHERE = -1  # "the village of X" whose X is no place cluster: X, and no other place
NAMED_BY_OF = frozenset("city town village island state province region country nation".split())
# modifiers of a description that set it apart from what came before ("the other island")
OTHER_WORDS = frozenset("other another".split())
GENERIC_ORG = frozenset("company firm group organisation organization agency team club".split())
NEVER_OUTLET_NOUNS = frozenset("team club".split())
POSSESSIVE_DETERMINERS = frozenset("his her their its my our your".split())


# verbs whose subject "it" may be a dummy standing for a clause after them ("it seems that")
EXPLETIVE_VERBS = frozenset(("be", "seem", "appear"))
CLAUSE_DEPS = ("ccomp", "xcomp")
# verbs of a small clause whose subject "it" stands for a clause after it ("made it clear that")
SMALL_CLAUSE_VERBS = frozenset("make find consider deem keep leave".split())

# modifiers of a description that say nothing about which one is meant
NEUTRAL_MODIFIERS = frozenset("""the a an this that former top senior chief deputy acting current longtime
veteran new old then later first second third its his her their our whose""".split())


def owns_role(pron) -> bool:
    """Is the possessive ``pron`` the owner of a person's role ("its finance director")? That owner
    is an organisation, not a thing, however far back its subject was."""
    return pron.dep_ == "poss" and pron.head.lemma_.lower() in PERSON_NOUNS


def _copula(tok) -> bool:
    return verb_lemma(tok) in EXPLETIVE_VERBS


def expletive_it(tok) -> bool:
    """Is the *it* token ``tok`` the dummy subject of an extraposed clause, which stands for no
    entity (the pleonastic *it* of Lappin & Leass 1994 and Lee et al. 2013)? "It is likely that",
    "it's hard to know", "it is unclear whether", "it should be noted that", "the ministry made
    it clear that"."""
    verb = tok.head
    clause = any(c.dep_ in CLAUSE_DEPS for c in verb.children)
    if tok.dep_ in SUBJECT_DEPS and _copula(verb):
        # the clause may hang from the adjective ("it is unclear whether ...")
        return clause or any(c.dep_ == "acomp" and any(g.dep_ == "ccomp" for g in c.children)
                             for c in verb.children)
    if tok.dep_ == "nsubjpass":  # "it is expected that": a finite clause only ("it is expected to close")
        return any(c.dep_ == "ccomp" for c in verb.children)
    # the subject of a small clause: "made it clear that", "finds it hard to"
    return tok.dep_ == "nsubj" and verb.pos_ == "ADJ" and verb.head.lemma_ in SMALL_CLAUSE_VERBS


def inside_quotation(doc: Doc, offset: int) -> bool:
    """Is ``offset`` inside a quotation (an odd number of quote marks before it in its paragraph)?"""
    text = doc_text(doc)
    start = text.rfind("\n", 0, offset) + 1
    before = text[start:offset].replace("''", '"').replace('""', '"')  # ''…'' (NYT style)
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


#: prepositions that open a source phrase ("according to X", "per X")
SOURCE_PREPOSITIONS = frozenset({"according", "per"})


def _sharing_subject(verb) -> set[int]:
    """The verb and the verbs it shares its subject with: "Ana read the report and praised
    her" -- *praised* has no subject of its own, so Ana is its subject too and a plain
    object pronoun there is someone else (binding principle B, Chomsky 1981)."""
    out = {verb.i}
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head
        out.add(verb.i)
    return out


#: prepositions of place and direction ("in Lyon", "moved to Lyon", "left for Lyon")
PLACE_PREPOSITIONS = frozenset("in at to from into near for".split())


def _located(tok) -> bool:
    """Is the name a place something is in or goes to ("lived in Lyon", "moved to Lyon")?"""
    return tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPOSITIONS


def in_fronted_adjunct(cand, pron) -> bool:
    """Is ``cand`` inside an adverbial clause or phrase that opens the pronoun's own clause
    ("After meeting with Green in Ottawa, *he* said …")? Such a name is less salient than the
    subject of the sentences before (the non-adverbial emphasis of Lappin & Leass 1994)."""
    if cand.i >= pron.i or cand.sent.start != pron.sent.start:
        return False
    verb = pron.head
    for c in verb.children:
        if c.lower_ in SOURCE_PREPOSITIONS:
            continue  # "According to Yun's office, he said …": the source phrase names whose account it is
        if c.dep_ in ("advcl", "prep", "npadvmod") and c.i < pron.i \
                and c.left_edge.i <= cand.i <= c.right_edge.i:
            return True
    return False


def _modifiers(description: str, noun: str) -> list[str]:
    """The words of a definite description that narrow it down ("military" in "the
    military spokesperson"), which the antecedent's role or name must share. A possessor
    ("the province's premier") says whose, not which role: it is left out."""
    description = re.sub(r"(?:\bthe )?[\w.-]+['’]s?\b(?:['’]s)?", lambda m: "" if re.search(r"['’]", m.group()) else m.group(),
                         description.lower())
    return [w for w in re.findall(r"[a-z][a-z-]+", description)
            if w != noun and w not in NEUTRAL_MODIFIERS and not w.endswith("year-old")]


# a description's head noun and the roles it stands for in news copy ("the top U.S. diplomat"
# after "Secretary of State X"; "the central bank chief" after "central bank governor X")
ROLE_SYNONYMS = {
    "diplomat": ("secretary of state", "foreign minister", "foreign secretary", "minister of foreign affairs",
                 "minister for foreign affairs", "ambassador", "envoy", "secretary-general"),
    "envoy": ("ambassador", "special representative"),
    "lawmaker": ("senator", "congressman", "congresswoman", "representative", "mp", "legislator"),
    "legislator": ("senator", "congressman", "congresswoman", "representative", "mp", "lawmaker"),
    "prosecutor": ("attorney general", "district attorney", "prosecutor general"),
    "executive": ("ceo", "chief executive", "president", "chairman", "chairwoman", "director"),
    "ceo": ("chief executive",),
}
# heads that name whoever leads the thing the modifiers describe ("the union boss")
LEADER_NOUNS = frozenset("chief head boss leader".split())
LEADER_ROLES = ("governor", "president", "chairman", "chairwoman", "chair", "director", "head", "chief",
                "leader", "ceo", "secretary-general", "secretary general", "commissioner", "premier",
                "prime minister", "chancellor", "mayor", "boss", "executive", "minister", "secretary")


def feature_named(name: str) -> bool:
    """Is the name headed by a common noun of a place that is no settlement ("Florence Avenue",
    "Arabian Sea", "the Hagghier Mountains")? Such a name is never "the city" or "the island"."""
    words = name.lower().split()
    return bool(words) and words[-1] in PLACE_FEATURE_HEADS


def role_matches(role: str, noun: str, mods: list[str]) -> bool:
    """Does a role text ("Central bank governor") fit a description's head noun and modifiers?"""
    role = role.lower()
    words = re.findall(r"[a-z][a-z-]*", role)
    if not all(w in words for w in mods):
        return False
    if noun in words:
        return True
    padded = f" {' '.join(words)} "
    alts = ROLE_SYNONYMS.get(noun, ())
    if noun in LEADER_NOUNS:
        alts = alts + LEADER_ROLES
    return any(f" {a} " in padded for a in alts)


_CAPITALISED = re.compile(r"\b[A-Z][^\W\d_]+")


def _nationalities(text: str) -> set[str]:
    """Countries a phrase ties its referent to: by a nationality ("the Polish leader") or by a
    country's possessive ("China's U.N. ambassador")."""
    gaz = gazetteer()
    out = set()
    for found in _CAPITALISED.finditer(text):
        w = found.group()
        country = gaz.demonym(w)
        if country is None and text.startswith(("'s", "’s"), found.end()):
            place = gaz.place(w)
            country = place.country if place is not None and place.is_country else None
        if country:
            out.add(country)
    return out


def _other_nationality(m: Mention, cluster: list[Mention]) -> bool:
    """"The Polish leader" is not a person the article has called Hungarian: a description's
    nationality must agree with the one in the candidate's role or name, where it has one."""
    own = _nationalities(m.name)
    if not own:
        return False
    theirs = _nationalities(" ; ".join((x.role or "") + " " + (x.name if x.kind in ("name", "appos") else "")
                                       for x in cluster))
    return bool(theirs) and not own & theirs


class Resolver:
    WINDOW = 3  # sentences back for pronouns
    # sentences back for descriptions: news names a role or an organisation once and comes back
    # to it much later ("the inspector general", "the foundation"; GUM train: 8 -> 12 -> 16,
    # CoNLL 0.5928 -> 0.5930 -> 0.5934, 24 no better; on PolNeAR's news most links it adds are right)
    DESC_WINDOW = 16
    FAR_WINDOW = 10  # sentences back for a he/she whose window holds no person
    # the article's main subject (the candidate mentioned most so far), when its gender is known
    # to be the pronoun's, keeps a he/she against a person named once or twice just before
    # (GUM's train genres: +0.006 CoNLL; without the gender condition it also pulled pronouns
    # into mistyped or ungendered clusters)
    TOPIC_BONUS = 120.0
    MAIN_MENTIONS = 8  # mentions that make a person the article's main subject out of the window
    MAIN_LOOKBACK = 60  # ... when one of them is among the last mentions seen

    def __init__(self, given_names: Optional[dict[str, str]] = None):
        self.given_names = given_names or {}
        self._mentioned: dict[int, int] = {}
        self._score = 0.0  # salience of the last pronoun's winning candidate
        self._chunks: Optional[list] = None  # (head token, sentence number) of the doc's common-noun phrases
        self._named_tokens: set[int] = set()
        self._sent_of: list[int] = []  # the doc's token -> sentence number
        self._name_at: dict[int, int] = {}  # head token of a name mention -> its cluster
        self._not_speaker: Optional[int] = None  # speaker of the quotation the pronoun is in
        self._in_view: set[int] = set()  # clusters of an unnamed person described (see _person_in_view)

    def resolve(self, doc: Doc, clusters: list[list[Mention]], labels: list[str],
                pronouns: list[Mention], descs: list[Mention], sent_of: list[int]) -> None:
        """Append pronoun/description mentions to ``clusters`` in place (``sent_of``: each
        token's sentence number, as the mentions carry it)."""
        owner: list[tuple[int, int, Mention]] = []  # (start, cluster, mention) of names
        for ci, cl in enumerate(clusters):
            for m in cl:
                owner.append((m.start, ci, m))
        owner.sort(key=lambda t: t[0])
        self._name_at = {m.head: ci for _, ci, m in owner if m.kind == "name"}
        gender = [self._gender(cl) if labels[ci] == "PERSON" else None
                  for ci, cl in enumerate(clusters)]
        self._prepare_rivals(clusters, sent_of)
        quoted = self._quoted_speakers(doc, clusters)
        events = [(m.start, 1, m) for m in pronouns] + [(m.start, 0, m) for m in descs]
        events.sort(key=lambda t: (t[0], t[1]))
        active: list[tuple[int, Mention]] = []  # (cluster, mention) seen so far
        later: list[Mention] = []  # descriptions with no antecedent: maybe cataphora
        provisional: dict[int, int] = {}  # id of such a description of a person -> its own cluster
        self._in_view = set()  # the clusters in ``provisional``, for the pronoun test
        k = 0
        self._mentioned = mentioned = {}  # cluster -> mentions in ``active``
        for start, _, m in events:
            while k < len(owner) and owner[k][0] < start:
                active.append((owner[k][1], owner[k][2]))
                mentioned[owner[k][1]] = mentioned.get(owner[k][1], 0) + 1
                k += 1
            if m.kind == "pronoun":
                self._not_speaker = next((c for qs, qe, c in quoted if qs <= m.start < qe), None)
                ci = self._pronoun(doc, m, active, labels, gender, clusters)
            else:
                ci = self._description(doc, m, active, labels, gender, clusters)
            if ci is None:
                if m.kind == "desc":
                    later.append(m)
                    if self._person_in_view(doc, m):
                        # "The mayor visited the site. She said …": a person the article
                        # describes but never names is there for a pronoun to take
                        provisional[id(m)] = len(clusters)
                        self._in_view.add(len(clusters))
                        m.extra["in_view"] = True
                        self._named_tokens.add(m.head)
                        clusters.append([m])
                        labels.append("PERSON")
                        noun = m.extra.get("noun", "")
                        gender.append("m" if noun in MALE_NOUNS else "f" if noun in FEMALE_NOUNS else None)
                        active.append((len(clusters) - 1, m))
                        mentioned[len(clusters) - 1] = 1
                continue
            clusters[ci].append(m)
            self._named_tokens.add(m.head)
            active.append((ci, m))
            mentioned[ci] = mentioned.get(ci, 0) + 1
            if m.gender in ("m", "f") and gender[ci] is None:
                gender[ci] = m.gender
        for m in later:
            ci = self._cataphora(m, clusters, labels)
            if ci is None and m.label == "PERSON" and m.extra.get("noun", "") in PERSON_NOUNS - GENERIC_PERSON | LEADER_NOUNS \
                    and m.name.split()[0].lower() not in POSSESSIVE_DETERMINERS:  # (not "her mother")
                ci = self._named_next(doc, m, clusters, labels)
            own = provisional.get(id(m))
            if ci is not None and own is not None:
                m.extra.pop("in_view", None)
                clusters[ci].extend(clusters[own])  # the pronouns it took go with it to the name
                clusters[own] = []
            elif ci is not None:
                clusters[ci].append(m)
        for own in provisional.values():
            if clusters[own] and not any(x.kind == "pronoun" for x in clusters[own]):
                for x in clusters[own]:
                    x.extra.pop("in_view", None)
                    self._named_tokens.discard(x.head)
                clusters[own] = []  # no pronoun took it: no entity of its own, as before
        if provisional:
            first = min(provisional.values())
            kept = [k for k in range(first, len(clusters)) if clusters[k]]
            clusters[first:] = [clusters[k] for k in kept]
            labels[first:] = [labels[k] for k in kept]
        _not_within_itself(doc, clusters)

    def speakers(self, doc: Doc, clusters: list[list[Mention]], labels: list[str],
                 text: str, words: list[str], sent_of: list[int], taken: set) -> None:
        """Add first-person pronouns inside quotations to the quotation's speaker."""
        if "“" not in text and '"' not in text:
            return
        where: dict[int, int] = {}  # token index of a mention's head -> cluster
        for ci, cl in enumerate(clusters):
            for m in cl:
                where[m.head] = ci
        last: Optional[tuple[int, int]] = None  # (end of the last attributed quotation, its speaker)
        for q in _QUOTATION.finditer(text):
            span = doc.char_span(q.start(), q.end(), alignment_mode="expand")
            if span is None:
                continue
            ci = self._speaker(doc, span, where)
            if ci is None and last is not None:
                # a quotation with no frame of its own continues the speaker of the one before,
                # in its paragraph or, opening the next paragraph, from the paragraph before
                # (the quote continuation of Muzny et al. 2017)
                between = text[last[0]:q.start()]
                opens = text.rfind("\n", 0, q.start()) + 1
                other = any(last[0] <= doc[h].idx < q.start() and c != last[1] for h, c in where.items())
                if not other and ("\n" not in between or (between.count("\n") == 1
                                                         and not text[opens:q.start()].strip())):
                    ci = last[1]
            if ci is None:
                last = None
                continue
            last = (q.end(), ci)
            person = labels[ci] == "PERSON"
            wanted = FIRST_PERSON_SINGULAR if person else FIRST_PERSON_PLURAL
            for i in range(span.start, span.end):
                if i in taken or words[i].lower() not in wanted or doc[i].tag_ not in ("PRP", "PRP$"):
                    continue
                tok = doc[i]
                clusters[ci].append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, labels[ci],
                                            "pronoun", i, sent_of[i], tok.idx, tok.idx + len(tok.text)))
                taken.add(i)

    def _quoted_speakers(self, doc: Doc, clusters: list[list[Mention]]) -> list[tuple[int, int, int]]:
        """(start, end, speaker cluster) of the quotations whose speaker is a name: a *he* or
        *she* inside one is someone other than the speaker, who would say *I* ("'He can assert
        it,' Weaver said"; the speaker constraint of Lee et al. 2013's discourse processing)."""
        text = doc_text(doc)
        if "“" not in text and '"' not in text:
            return []
        where = {m.head: ci for ci, cl in enumerate(clusters) for m in cl if m.kind == "name"}
        out = []
        for q in _QUOTATION.finditer(text):
            span = doc.char_span(q.start(), q.end(), alignment_mode="expand")
            ci = self._speaker(doc, span, where) if span is not None else None
            if ci is not None:
                out.append((q.start(), q.end(), ci))
        return out

    @staticmethod
    def _speaker(doc: Doc, span, where: dict[int, int]) -> Optional[int]:
        """Cluster of the subject of a reporting verb right after or before the quotation."""
        n = len(doc)
        after = range(span.end, min(n, span.end + 6))
        before = range(span.start - 1, max(-1, span.start - 7), -1)
        for rng in (after, before):
            for i in rng:
                tok = doc[i]
                if tok.text in ("“", "”", '"') or "\n" in tok.text or "\n" in tok.whitespace_:
                    break
                if tok.pos_ == "VERB" and tok.lemma_.lower() in QUOTATION_FRAME_VERBS:
                    for c in tok.children:
                        if c.dep_ in SUBJECT_DEPS and c.i in where:
                            return where[c.i]
                    break
        return None

    def _gender(self, cl: list[Mention]) -> Optional[str]:
        """From titles and gendered nouns (Mrs., spokeswoman), else a common given name."""
        for m in cl:
            for t in m.extra.get("titles", []):
                if t in MALE_NOUNS:
                    return "m"
                if t in FEMALE_NOUNS:
                    return "f"
        noun_gender = None
        for m in cl:  # "Rulan, his first daughter", "X is the son of Y"
            if m.kind == "appos":
                noun = m.extra.get("noun")
                noun_gender = "m" if noun in MALE_NOUNS else "f" if noun in FEMALE_NOUNS else None
                if noun_gender:
                    break
        names = [name_words(m.name) for m in cl if m.kind == "name"]
        for words in names:
            if len(words) >= 2 and not is_family_first(words):
                g = self.given_names.get(words[0])
                if g:
                    # a given name against a gendered appositive: two people in one cluster
                    return g if noun_gender in (None, g) else None
        if noun_gender is None and names and all(len(words) == 1 for words in names):
            # "Jason said ...": a person called by a given name alone (not one that is also a
            # common family name, "Morgan", "Thomas")
            found = {self.given_names.get(w[0]) for w in names if w and w[0] not in FAMILY_TOO}
            if len(found) == 1 and None not in found:
                return found.pop()
        return noun_gender

    def _salience(self, doc: Doc, m: Mention, active, ok, topic=None) -> Optional[int]:
        scores: dict[int, float] = {}
        pron = doc[m.head]
        own_verb = pron.head.i if pron.dep_ in OBJECT_DEPS else None
        own_verbs = _sharing_subject(pron.head) if own_verb is not None else ()
        reflexive = pron.lower_ in REFLEXIVES
        bound: set[int] = set()  # clusters that are the subject of the object pronoun's own verb
        for ci, a in reversed(active):
            dist = m.sent - a.sent
            if dist > self.WINDOW:
                break
            if not ok(ci, a):
                continue
            tok = doc[a.head]
            arg = tok
            while arg.dep_ == "appos" and arg.head.i < arg.i:  # "the professor, Koolhaas, ...": the subject
                arg = arg.head
            if own_verb is not None and not reflexive and arg.dep_ in SUBJECT_DEPS \
                    and arg.head.i in own_verbs and dist == 0:
                bound.add(ci)  # not this entity at all, whatever its earlier mentions weigh
                continue
            if reflexive and dist > 0:
                continue
            w = 100.0
            if tok.dep_ in SUBJECT_DEPS:
                w += 80
            elif tok.dep_ in OBJECT_DEPS:
                w += 50
            if a.kind == "name":
                w += NAME_WEIGHT
            if dist == 0 and pron.dep_ in SUBJECT_DEPS and in_fronted_adjunct(tok, pron):
                w = 40.0
            scores[ci] = scores.get(ci, 0.0) + w / (2 ** dist)
        for ci in bound:
            scores.pop(ci, None)
        self._score = max(scores.values(), default=0.0)
        if not scores:
            return None
        if len(scores) > 1 and not reflexive and topic is not None:
            # the article's main subject: the candidate mentioned most so far, when it is known
            # to agree (a person whose gender is the pronoun's)
            count = self._mentioned
            top = max(scores, key=lambda c: count.get(c, 0))
            main = max(count, key=lambda c: count[c], default=None)
            if main is not None and main not in scores and count[main] >= self.MAIN_MENTIONS \
                    and count[main] > 2 * count.get(top, 0) and topic(main) \
                    and any(c == main and ok(c, a) for c, a in active[-self.MAIN_LOOKBACK:]):
                # the person the article is about, out of the window but named far more often
                # than anyone in it, stays a candidate (the discourse topic of centering)
                scores[main] = 0.0
                top = main
            if topic(top) and not self._other_subject_before(doc, m, top, active, ok):
                scores[top] += self.TOPIC_BONUS
        best = max(scores, key=lambda c: scores[c])
        self._score = scores[best]
        return best

    @staticmethod
    def _other_subject_before(doc: Doc, m: Mention, top: int, active, ok) -> bool:
        """Is another agreeing person, by name, the main-clause subject of the sentence before a
        subject *he*/*she*, with the article's main subject not named there ("Ronald Reagan was
        known for ... He")? That subject is the preferred center the pronoun continues (the
        Cp of the utterance before, Grosz, Joshi & Weinstein 1995), so the topic bonus stays out
        (GUM train genres: CoNLL 0.5920 -> 0.5925). Not inside a quotation, whose speaker is
        often the subject before and seldom the *he* of his own words."""
        pron = doc[m.head]
        if pron.dep_ not in SUBJECT_DEPS or inside_quotation(doc, m.start):
            return False
        for ci, a in reversed(active):
            if a.sent < m.sent - 1:
                break
            if a.sent == m.sent - 1 and ci != top and ok(ci, a) and a.kind == "name" \
                    and doc[a.head].dep_ in SUBJECT_DEPS and doc[a.head].head.dep_ == "ROOT":
                return not any(c == top and x.sent == m.sent - 1 for c, x in active)
        return False

    @staticmethod
    def _clause_owner(doc: Doc, m: Mention, active, ok) -> Optional[int]:
        """The person a he/she's own clause is about, before any salience weighing:

        - inside a relative clause whose subject is *who* ("Lee, who scored in his first
          game"), the noun phrase the clause modifies;
        - the subject of a clause that is the complement of a verb ("Ruiz said he would stay",
          "Ruiz discovered that she had won"), the subject of that verb (the subject
          preference of Hobbs 1978 and the "X said he" pattern of news copy).

        Returns the cluster, -1 when the noun phrase is a person no name stands for ("a
        character who searches for his sister"), or None when neither applies."""
        pron = doc[m.head]
        where: dict[int, int] = {}  # heads of the agreeing mentions of the pronoun's sentence
        for ci, a in reversed(active):
            if a.sent < m.sent:
                break
            if ok(ci, a):
                where.setdefault(a.head, ci)
        tok = pron
        while tok.head.i != tok.i:
            if tok.dep_ == "relcl":
                head = tok.head
                if pron.head.i == tok.i and pron.tag_ != "PRP$" or \
                        not any(c.dep_ in SUBJECT_DEPS and c.tag_ == "WP" for c in tok.children):
                    return None  # "Hobhouse, who introduced him": an object of that verb is not "who"
                if head.i in where:
                    return where[head.i]
                # an attribute or an appositive noun is the person it describes ("a citizen who
                # proclaimed himself"): left to salience; another noun is someone no name stands for
                return -1 if head.pos_ == "NOUN" and head.dep_ not in ("attr", "appos") else None
            if tok.dep_ in ("ccomp",) and pron.dep_ in SUBJECT_DEPS and pron.head.i == tok.i:
                subj = next((c for c in tok.head.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None and subj.tag_ == "WP" and tok.head.dep_ == "relcl":
                    subj = tok.head.head  # "Green, who said he would stay": Green
                return where.get(subj.i) if subj is not None else None
            if tok.dep_ in ("advcl", "conj", "ccomp", "xcomp", "acl") or tok.pos_ in ("VERB", "AUX") \
                    and tok is not pron.head:
                return None
            tok = tok.head
        return None

    def _rival(self, doc: Doc, m: Mention, window: int) -> float:
        """Salience of the best noun phrase no name stands for ("the plan", "workers") that
        agrees with an *it* / *they* and comes before it, within ``window`` sentences: the
        pronoun's own candidates in Lappin & Leass (1994), where names compete with every
        noun phrase. When one of them outweighs every name, the pronoun is left to it."""
        pron = doc[m.head]
        plural = m.number == "pl"
        person = m.gender in ("m", "f")
        other = FEMALE_NOUNS if m.gender == "m" else MALE_NOUNS if m.gender == "f" else frozenset()
        best = 0.0
        chunks = self._noun_chunks(doc)
        info = self._chunk_info
        # phrases in order of word and sentence: start at the first within the window
        k = bisect.bisect_left(self._chunk_sents, m.sent - window) if self._chunks_sorted else 0
        pron_i, pron_subject, named = pron.i, pron.dep_ in SUBJECT_DEPS, self._named_tokens
        for j in range(k, len(chunks)):
            i, sent, chunk_plural, lemma, dep = info[j]
            if i >= pron_i:
                break
            dist = m.sent - sent
            if dist > window or i in named:
                continue
            if chunk_plural != plural:
                continue
            if person and (lemma not in PERSON_RIVALS or lemma in other):
                continue  # he/she: a person of that gender ("his father", "the girl")
            w = 100.0
            if dep in SUBJECT_DEPS:
                w += 80
            elif dep in OBJECT_DEPS:
                w += 50
            if dist == 0 and pron_subject and in_fronted_adjunct(chunks[j][0], pron):
                w = 40.0
            best = max(best, w / (2 ** dist))
        return best

    def _prepare_rivals(self, clusters: list[list[Mention]], sent_of: list[int]) -> None:
        """The tokens the name clusters cover; the doc's common-noun phrases (heads and sentence
        numbers) are read once per doc, when a pronoun first needs them."""
        named: set[int] = set()
        for cl in clusters:
            for x in cl:
                named.update(range(x.extra.get("tok_start", x.head), x.head + 1))
        self._named_tokens = named
        self._sent_of = sent_of
        self._chunks = None  # read on the first rival look-up of the doc

    def _noun_chunks(self, doc: Doc) -> list:
        if self._chunks is not None:
            return self._chunks
        chunks = []
        for chunk in noun_chunks(doc):
            root = chunk.root
            if root.pos_ != "NOUN" or root.ent_type_ in RIVAL_SKIP_ENTS:
                continue
            chunks.append((root, self._sent_of[root.i]))
        self._chunks = chunks
        # what the rival look-up reads of each phrase, read once per doc
        self._chunk_info = [(root.i, sent, root.tag_ in ("NNS", "NNPS"), root.lemma_.lower(), root.dep_)
                            for root, sent in chunks]
        self._chunk_sents = [sent for _, sent in chunks]
        self._chunks_sorted = all(a[0] <= b[0] and a[1] <= b[1] for a, b in zip(self._chunk_info, self._chunk_info[1:]))
        return chunks

    @staticmethod
    def _untyped_word(cl: list[Mention]) -> bool:
        """A cluster of one-word names no gazetteer knows and no organisation word ends (in the
        body: a headline's full name is read apart from it)."""
        names = [x for x in cl if x.kind == "name" and not x.heading]
        return bool(names) and all(" " not in x.name and not x.gid and x.name[:1].isupper()
                                   and not x.name.isupper() for x in names)

    @staticmethod
    def _person_in_view(doc: Doc, m: Mention) -> bool:
        """A singular definite description of a person by role ("the mayor", "the company's
        chief executive") as the subject of its clause: the one a later he or she may mean."""
        noun = m.extra.get("noun", "")
        return m.label == "PERSON" and m.number == "sg" and not m.extra.get("held") \
            and not m.extra.get("demonym") and noun in PERSON_NOUNS | DESC_PERSON_NOUNS \
            and noun not in GENERIC_PERSON and doc[m.head].dep_ in ("nsubj", "nsubjpass") \
            and not inside_quotation(doc, m.start)

    def _pronoun(self, doc, m, active, labels, gender, clusters) -> Optional[int]:
        low = m.name.lower()
        if m.number == "loc":  # "there": the place named last in its sentence or the one before
            return self._salience(doc, m, active, lambda ci, a: labels[ci] in ("GPE", "LOC") and a.kind == "name"
                                  and a.label != "NORP" and m.sent - a.sent <= 1 and _located(doc[a.head]))
        if m.number == "sg" and m.gender in ("m", "f"):
            pron = doc[m.head]
            reports = pron.dep_ in SUBJECT_DEPS and pron.head.lemma_.lower() in REPORTING_LEMMAS

            def ok(ci, a):  # not the phrase the pronoun is in ("his father" for its "his": i-within-i)
                if ci in self._in_view and not (reports and m.sent - a.sent <= 1):
                    return False  # an unnamed person described just before speaks: "She said …"
                return labels[ci] in PERSON_TYPES and gender[ci] in (None, m.gender) and ci != self._not_speaker \
                    and not a.start <= m.start < a.end
            local = self._clause_owner(doc, m, active, ok)
            if local is not None:
                return local if local >= 0 else None
            found = self._salience(doc, m, active, ok, topic=lambda ci: gender[ci] == m.gender)
            if found is not None:
                # "Ana met his father. He ...": a person no name stands for may be the one meant
                return None if self._rival(doc, m, 0) > self._score else found
            # no person in the window: the one person of that gender named in the paragraphs
            # before, if there is only one (a chain of pronouns that lost its last link)
            far = set()
            for ci, a in reversed(active):
                if m.sent - a.sent > self.FAR_WINDOW:
                    break
                if ci not in far and ok(ci, a):
                    far.add(ci)
                    if len(far) > 1:
                        break
            if len(far) == 1:
                return far.pop()

            # no person in reach, but a one-word name the tagger typed as a place or an
            # organisation is the subject just before ("Holt attended Navarro College … He"):
            # that name is a person's
            def mistyped(ci, a):
                tok = doc[a.head]
                return labels[ci] in ("ORG", "GPE", "LOC") and a.kind == "name" and tok.pos_ == "PROPN" \
                    and tok.dep_ in SUBJECT_DEPS and self._untyped_word(clusters[ci]) \
                    and not inside_quotation(doc, a.start) \
                    and (sum(x.kind == "name" for x in clusters[ci]) > 1 or not doc[a.head].is_sent_start)
            found = self._salience(doc, m, active, mistyped)
            if found is not None:
                labels[found] = "PERSON"
            return found
        elif m.number == "sg":  # it, its
            if low == "it" and expletive_it(doc[m.head]):
                return None  # "it is likely that", "it should be noted that", "made it clear that"

            pron = doc[m.head]
            # "Its members failed to agree": the possessive of a subject continues a subject too
            subject = pron.dep_ in SUBJECT_DEPS or pron.dep_ == "poss" and pron.head.dep_ in SUBJECT_DEPS
            staff = owns_role(pron)

            def ok(ci, a):  # "it" is an organisation or a place only when one is named just before
                if labels[ci] not in THING_TYPES or a.label == "NORP":
                    return False
                # an object "it" takes a name only as the subject of its sentence ("Acme said
                # regulators had cleared it"); in "found a crack in the roof of Hartwell Mill and
                # ordered engineers to repair it" it is the crack: a name in an object or a
                # prepositional phrase is outweighed by the thing phrases around it (the subject
                # emphasis of Lappin & Leass 1994)
                if low == "it" and not subject and doc[a.head].dep_ not in SUBJECT_DEPS:
                    return False
                # "Acme cut 200 jobs. It said ...": a subject "it" continues the subject before, a
                # name or a description of the same entity ("The company cut 200 jobs. It said");
                # not a pronoun, which may itself be a wrong link
                return m.sent - a.sent <= IT_WINDOW or (
                    subject and m.sent - a.sent == 1 and a.kind in SUBJECT_ANTECEDENT_KINDS
                    and doc[a.head].dep_ in SUBJECT_DEPS) or (
                    staff and m.sent - a.sent <= ROLE_OWNER_WINDOW and labels[ci] in EMPLOYER_TYPES
                    and a.kind in SUBJECT_ANTECEDENT_KINDS)
        else:  # they, their
            pron = doc[m.head]
            # "they said": a speaker, which the quote step looks up here, may be further back
            subject = pron.dep_ in SUBJECT_DEPS
            # an object "them" agrees in number: a singular name of an organisation takes "it"
            # there, and a plural noun phrase is far likelier ("invited friends ... invited them")
            object_only = pron.lower_ in OBJECT_PLURAL

            def ok(ci, a):  # organisations, or a people named by a plural ("North Koreans")
                # "Some Democrats … They have made the case": a people named by a plural stays
                # in reach of a subject "they" as long as a person would
                window = self.WINDOW if subject and (labels[ci] == "NORP" or
                                                     pron.head.lemma_.lower() in REPORTING_LEMMAS) \
                    else IT_WINDOW
                if labels[ci] == "GROUP":  # "Ruiz and Hale met on Monday. They agreed ..."
                    return m.sent - a.sent <= (self.WINDOW if subject else 1)
                if m.sent - a.sent > window:
                    return False
                if labels[ci] == "NORP":
                    return a.kind == "name" and doc[a.head].tag_ in ("NNPS", "NNS")
                if object_only and not (a.number == "pl" or doc[a.head].tag_ in PLURAL_TAGS):
                    return False  # "Acme hired workers and trained them": the workers, not Acme
                return labels[ci] in ("ORG", "NEWS_OUTLET", "GOVERNMENT") and \
                    (a.kind == "name" or a.number == "pl")
        found = self._salience(doc, m, active, ok)
        if found is not None and not self._parallel_subject(doc, m, found, active) \
                and self._rival(doc, m, RIVAL_WINDOW) > self._score - NAME_WEIGHT:
            return None  # "Acme reviewed the plan and rejected it": the plan
        return found

    @staticmethod
    def _parallel_subject(doc: Doc, m: Mention, ci: int, active) -> bool:
        """A subject *it*/*they* whose antecedent was the subject of the sentence before or of
        its own ("Acme unveiled a plan. It hopes ..."): the parallelism of Lappin & Leass (1994),
        which no object noun phrase in between outweighs; and the subject of a verb of saying,
        which only a speaker can be."""
        pron = doc[m.head]
        if pron.dep_ not in SUBJECT_DEPS:
            return False
        if pron.head.lemma_.lower() in REPORTING_LEMMAS:
            return True  # "it said": a plan or a report does not speak; an organisation does
        if m.number != "sg":
            return False
        for c, a in reversed(active):
            if m.sent - a.sent > 1:
                break
            if c == ci and a.start < m.start and doc[a.head].dep_ in SUBJECT_DEPS:
                return True
        return False

    @staticmethod
    def _fits(m: Mention, noun: str, cluster: list[Mention]) -> bool:
        role = " ; ".join(x.role or "" for x in cluster) + " ; " + \
            " ; ".join(x.name for x in cluster if x.kind in ("name", "appos") or x.extra.get("in_view")) + " ; " + \
            " ; ".join(x.extra["kind"] for x in cluster if x.extra.get("kind"))  # "business consultancy X"
        return role_matches(role, noun, _modifiers(m.name, noun))

    @staticmethod
    def _called(noun: str, cluster: list[Mention]) -> bool:
        """Did a possessive description with this noun ("his father, Johann") name the cluster?"""
        return any(x.kind in ("appos", "desc") and x.extra.get("noun") == noun
                   and x.name.split()[0].lower() in POSSESSIVE_DETERMINERS for x in cluster)

    def _cataphora(self, m: Mention, clusters, labels) -> Optional[int]:
        """A role named before its holder ("the province's premier said …; Premier X"):
        the one person introduced later in the article with that role."""
        noun = m.extra.get("noun", "")
        if m.label != "PERSON" or noun in GENERIC_PERSON - LEADER_NOUNS:
            return None
        mods = _modifiers(m.name, noun)
        found = set()
        for ci, cl in enumerate(clusters):
            if labels[ci] != "PERSON":
                continue
            roles = [x.role for x in cl if x.role]
            if not roles or min((x.start for x in cl if x.kind == "name"), default=-1) < m.end:
                continue
            # the first mention is often the fuller one: "the province's health minister said
            # …; the minister, Adriana LaGrange": either side's modifiers may hold the other's
            if any(role_matches(r, noun, mods) or role_matches(r, noun, []) and set(_modifiers(r, noun)) <= set(mods)
                   for r in roles):
                found.add(ci)
        return found.pop() if len(found) == 1 else None

    @staticmethod
    def _named_next(doc: Doc, m: Mention, clusters, labels) -> Optional[int]:
        """"China's U.N. ambassador told reporters that … . Fu Cong blamed …": a role with no
        holder yet, and the very next sentence brings in a person by name alone, as its
        subject, with no role of its own: the holder (a wire lede names the role, then the
        person). Only that next sentence, and only a person no one has named before."""
        firsts = []
        for ci, cl in enumerate(clusters):
            if labels[ci] != "PERSON":
                continue
            names = [x for x in cl if x.kind == "name"]
            if not names or any(x.role for x in cl):
                continue
            first = min(names, key=lambda x: x.start)
            if first.start > m.end and first.sent == m.sent + 1 and doc[first.head].dep_ in ("nsubj", "nsubjpass") \
                    and not _introduced_apart(doc, first):
                firsts.append((first.start, ci))
        # (not when another person acts in between: "The envoy met X. Y said …")
        starts_between = [ci for ci, cl in enumerate(clusters) if labels[ci] == "PERSON"
                          and any(x.kind == "name" and m.end <= x.start and x.sent <= m.sent
                                  and doc[x.head].dep_ in ("nsubj", "nsubjpass") for x in cl)]
        return min(firsts)[1] if len(firsts) == 1 and not starts_between else None

    def _description(self, doc, m, active, labels, gender, clusters) -> Optional[int]:
        if m.kind == "appos":
            return m.link
        if self._disjoint(doc, m):
            return None
        found = self._named_by_of(doc, m, labels)
        if found == NAMED_ELSEWHERE:
            return None
        if found is None:
            found = self._description_antecedent(doc, m, active, labels, gender, clusters)
        if found is not None and m.number == "pl" and not self._plural(doc, clusters[found]):
            return None  # "the islands" is no one island named before (number agreement)
        return found

    def _named_by_of(self, doc: Doc, m: Mention, labels: list[str]) -> Optional[int]:
        """"The city of Lyon", "the island of Busuanga": a place noun whose *of* names the place
        (the appositive genitive) is that place, wherever it was named first; when the tagger
        typed that name as no place, :data:`NAMED_ELSEWHERE` (it is still no other place)."""
        if m.extra.get("noun") not in NAMED_BY_OF:
            return None
        for prep in doc[m.head].children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    ci = self._name_at.get(obj.i)
                    if ci is not None and labels[ci] in ("GPE", "LOC"):
                        return ci
                    if obj.pos_ == "PROPN":
                        # "the village of Banjal", a place the tagger typed otherwise or missed:
                        # that place, so no other one named before
                        return NAMED_ELSEWHERE
        return None

    @staticmethod
    def _plural(doc: Doc, cluster: list[Mention]) -> bool:
        """Is the entity named by a plural ("the Faroe Islands", "the Lakers") or a group?"""
        return any(x.kind == "name" and doc[x.head].tag_ in PLURAL_TAGS or x.label == "GROUP" for x in cluster)

    def _description_antecedent(self, doc, m, active, labels, gender, clusters) -> Optional[int]:
        noun = m.extra.get("noun", "")
        want = PERSON_TYPES if m.label == "PERSON" else ("GPE",) if m.label == "GPE" else \
            ("GPE", "LOC") if m.label == "LOC" else ("ORG", "NEWS_OUTLET", "GOVERNMENT")
        held = m.extra.get("held")
        # 1. a cluster whose role or name has the head noun ("his wife": one an appositive or a
        # predicate called someone's wife, and no generic reading)
        for ci, a in reversed(active):
            if m.sent - a.sent > self.DESC_WINDOW:
                break
            if labels[ci] not in want:
                continue
            if (self._called(noun, clusters[ci]) if held else self._fits(m, noun, clusters[ci])) \
                    and not (m.label == "PERSON" and _other_nationality(m, clusters[ci])):
                return ci  # "the military spokesperson" is not the "foreign ministry spokesperson";
                # "China's U.N. ambassador" is not the British one
        if held:
            return None
        # 2. generic nouns: the most salient agreeing cluster within a sentence or two
        g = "m" if noun in MALE_NOUNS else "f" if noun in FEMALE_NOUNS else None
        year_old = "year-old" in m.name or "year - old" in m.name
        generic_org = noun in GENERIC_ORG or industry_noun(noun)  # "the carmaker": the firm named before
        if not (noun in GENERIC_PERSON or year_old or m.extra.get("demonym") or noun in GENERIC_PLACE or generic_org
                or noun in GENERIC_SETTLEMENT):
            return None
        excl = self._subject_of_own_verb(doc, m, active)
        if noun in GENERIC_SETTLEMENT:
            def settlement(ci, a):
                return ci not in excl and labels[ci] in ("GPE", "LOC") and a.kind == "name" \
                    and not (a.gid and a.gid.startswith(("c:", "r:"))) and a.label != "NORP" \
                    and (noun != "capital" or bool(a.capital_of)) and not feature_named(a.name)
            # the place the whole article is about; else the place named in this sentence or the
            # one before; else the article's setting;
            # else the place named a few sentences back (GUM train: +0.0006 CoNLL over recency alone)
            found = self._topic_place(m, active, settlement)
            if found is None:
                found = self._salience(doc, m, active, lambda ci, a: m.sent - a.sent <= 1 and settlement(ci, a))
            if found is None:
                found = self._main_place(m, active, settlement)
            if found is None:
                found = self._salience(doc, m, active, lambda ci, a: m.sent - a.sent <= 3 and settlement(ci, a))
            return found

        if generic_org:
            want = ("ORG", "NEWS_OUTLET")  # "the organisation" is not a capital standing for its state
            if noun in NEVER_OUTLET_NOUNS:
                want = ("ORG",)  # "told the Yorkshire Evening Post … The club's owner": no paper is a club

        def ok(ci, a):
            if labels[ci] not in want or m.sent - a.sent > 2 or ci in excl:
                return False
            if m.label == "PERSON" and _other_nationality(m, clusters[ci]):
                return False
            if m.label == "GPE":
                return bool(a.gid and a.gid.startswith("c:"))
            return g is None or gender[ci] in (None, g)
        found = None
        if noun in GENERIC_PLACE:  # "the country": the country the article is about, as for "the city"
            # (GUM train genres: CoNLL 0.5929 -> 0.5937; the same for "the company" loses 0.0001)
            found = self._topic_place(m, active, lambda ci, a: ci not in excl and bool(a.gid and a.gid.startswith("c:")))
        if found is None:
            found = self._salience(doc, m, active, ok)
        if found is None and noun in GENERIC_PLACE:
            found = self._main_place(m, active, lambda ci, a: bool(a.gid and a.gid.startswith("c:")))
        if found is None and generic_org and m.number == "sg" \
                and not any(c.dep_ == "relcl" for c in doc[m.head].children):
            # (not "the same religious group of which the family is a member": it says which anew)
            # "the club" further on: the organisation the article has named most lately
            found = self._main_place(m, active, lambda ci, a: labels[ci] in want and a.kind == "name")
        return found

    @staticmethod
    def _subject_of_own_verb(doc: Doc, m: Mention, active) -> set[int]:
        """Clusters named as the subject of the verb a description is the object of ("China would
        dominate the country", "Clinton bashed ... into the country"): a definite description is
        free in its clause and is not that subject (binding principle C, Chomsky 1981), unless
        the verb is a copula."""
        tok = doc[m.head]
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if tok.dep_ not in OBJECT_DEPS or verb_lemma(verb) in ("be", "become", "remain"):
            return set()
        verbs = _sharing_subject(verb)
        out = set()
        for ci, a in reversed(active):
            if a.sent != m.sent:
                break
            h = doc[a.head]
            if h.dep_ in SUBJECT_DEPS and h.head.i in verbs:
                out.add(ci)
        return out

    @staticmethod
    def _disjoint(doc: Doc, m: Mention) -> bool:
        """A description that says it is another one ("the other island", "another company"):
        never a name seen before (the anti-coreference of *other* in the sieve of Lee et al. 2013)."""
        return any(c.lower_ in OTHER_WORDS for c in doc[m.head].children if c.dep_ in ("amod", "det"))

    TOPIC_PLACE_MENTIONS = 4  # mentions that make a place the article's topic for "the city" ...
    TOPIC_PLACE_LEAD = 1.5  # ... when it has this many times the mentions of the next place

    def _topic_place(self, m: Mention, active, fits) -> Optional[int]:
        """The place the article is about ("York" in a guide to York, named far more often than
        any other place): "the city" is that one before any place named in passing just before
        it (the discourse topic of centering, Grosz, Joshi & Weinstein 1995, over recency; GUM
        train genres: CoNLL 0.5913 -> 0.5929)."""
        count = self._mentioned
        seen = {ci for ci, a in active if fits(ci, a)}
        if not seen:
            return None
        ranked = sorted(seen, key=lambda c: -count.get(c, 0))
        top = count.get(ranked[0], 0)
        second = count.get(ranked[1], 0) if len(ranked) > 1 else 0
        if top >= self.TOPIC_PLACE_MENTIONS and top > self.TOPIC_PLACE_LEAD * second:
            return ranked[0]
        return None

    def _main_place(self, m: Mention, active, fits) -> Optional[int]:
        """"The city", "the country" with no place of that kind in the last sentences: the one
        the article has named most in the last :attr:`DESC_WINDOW` sentences (its setting,
        the discourse topic of Grosz, Joshi & Weinstein 1995's centering), if it leads alone."""
        seen: set[int] = set()
        for ci, a in reversed(active):
            if m.sent - a.sent > self.DESC_WINDOW:
                break
            if fits(ci, a):
                seen.add(ci)
        if not seen:
            return None
        count = self._mentioned
        ranked = sorted(seen, key=lambda c: -count.get(c, 0))
        if len(ranked) > 1 and count.get(ranked[0], 0) <= count.get(ranked[1], 0):
            return None
        return ranked[0]


def _introduced_apart(doc: Doc, m: Mention) -> bool:
    """Does the name ``m`` come with words of its own that say who the person is ("John Carter,
    whose home was flooded, said"; "Ana Ruiz, 45, said"): a newcomer described anew, not the
    holder of a role named just before (the wire lede's "Fu Cong blamed …" goes straight on)?"""
    head = doc[m.head]
    return any(c.dep_ in ("relcl", "appos", "amod", "npadvmod") and c.i > head.i for c in head.children) \
        or head.i + 1 < len(doc) and doc[head.i + 1].text in (",", "(")


def _not_within_itself(doc: Doc, clusters: list[list[Mention]]) -> None:
    """A description that holds a pronoun of its own cluster ("the leader of *his* legal team"
    linked to the man *his* is) is someone else: a phrase cannot refer to what a part of it
    refers to (the i-within-i condition, Chomsky 1981). The description leaves the cluster.
    A pronoun in a relative clause of the description is no part of what names it ("the man,
    who said *he* had been at home"): that pronoun may be the man."""
    for cl in clusters:
        inner = [x for x in cl if x.kind == "pronoun"]
        if not inner:
            continue
        cl[:] = [m for m in cl if m.kind != "desc" or not any(
            m.start <= x.start and x.end <= m.end and (x.start, x.end) != (m.start, m.end)
            and not _in_relative_clause(doc, x.head, m.head) for x in inner)]


def _in_relative_clause(doc: Doc, i: int, head: int) -> bool:
    """Is token ``i`` inside a relative or participial clause that hangs below token ``head``?"""
    tok = doc[i]
    while tok.i != head and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "acl"):
            return True
        tok = tok.head
    return False
