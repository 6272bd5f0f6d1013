"""The entity layer's hand-off: how later steps read and extend ``doc._.cg_entities``.

The entity step (:mod:`claimgraph.entities.clusterer`) owns the entity records. A later
step that finds a speaker or a source the entity step did not know (a pronoun resolved
to a person, "observers" as a group) does not edit those records itself: it asks here,
and the entity layer attaches the mention (kept sorted, never doubled) or opens a new
entity with the next free id. These are the only writers of the layer outside the entity
step; the steps that use them declare it (``pipeline.STEPS``: ``asks``).
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from claimgraph.entities.coref import (FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR,  # noqa: F401 - the quote
                                      in_fronted_adjunct, inside_quotation)  # step's pronouns
from claimgraph.entities.clusters import misspelling_of
from claimgraph.entities.clusterer import PERSON_SUFFIXES
from claimgraph.entities.mentions import (DESC_ORG_NOUNS, DESC_PERSON_NOUNS, ORG_NOUNS, PERSON_NOUNS,  # noqa: F401
                                         PLACE_NOUNS, taken_up_as_person)  # (for the quote step)
from claimgraph.entities.names import TITLES  # noqa: F401 - for the quote step
from claimgraph.lexicon import DOCUMENT_NOUNS
from claimgraph.lexicon.gazetteer import norm_key
from claimgraph.model import Entity, Span
from claimgraph.parsed import doc_text


def entity_at(doc: Doc, start: int, end: int) -> Optional[str]:
    """Id of the entity with a mention overlapping ``[start, end)`` most, or None.

    Ties go to the tightest mention (a name nested in a longer noun phrase wins)."""
    best, best_key = None, (0, 0)
    for ent in doc._.cg_entities or []:
        for s, e in ent.mentions:
            ov = min(e, end) - max(s, start)
            if ov <= 0:
                continue
            key = (ov, -(e - s))
            if key > best_key:
                best, best_key = ent.id, key
    return best


def token_entity_type(tok) -> Optional[str]:
    """Type of the entity whose tightest mention covers ``tok``, or None; through a
    token index built once per state of the doc's entities."""
    doc = tok.doc
    ents = doc._.cg_entities or []
    state = sum(map(len, [e.mentions for e in ents]))
    cached = doc.user_data.get("cg_token_entity_type")
    if cached is None or cached[0] != state:
        by_token: dict[int, tuple[int, str]] = {}
        for ent in ents:
            for s, e in ent.mentions:
                span = doc.char_span(s, e, alignment_mode="expand")
                for i in range(span.start, span.end) if span is not None else ():
                    if i not in by_token or e - s < by_token[i][0]:
                        by_token[i] = (e - s, ent.type)
        cached = doc.user_data["cg_token_entity_type"] = (state, {i: t for i, (_, t) in by_token.items()})
    return cached[1].get(tok.i)


def add_entity(doc: Doc, name: str, type_: str, mention: Span) -> str:
    """Add a mention to the entity of that name or alias (or a new entity); return its id."""
    ents = doc._.cg_entities
    if ents is None:
        ents = doc._.cg_entities = []
    key = norm_key(name)
    for ent in ents:
        if norm_key(ent.name) == key or any(norm_key(a) == key for a in ent.aliases):
            _attach(ent, mention)
            return ent.id
    owner = _misspelt_person(ents, name) if type_ in ("PERSON", "ORG") else None
    if owner is not None:
        _attach(owner, mention)
        return owner.id
    owner = _bare_family_name(ents, name) if type_ == "PERSON" else None
    if owner is not None:
        # "Imran Hayat" found by a later step, "Hayat" known to the entity layer: one person,
        # named in full
        owner.aliases = list(dict.fromkeys(owner.aliases + [owner.name, name]))
        owner.name = name
        _attach(owner, mention)
        return owner.id
    ids = {e.id for e in ents}
    n = len(ents) + 1
    while f"E{n}" in ids:
        n += 1
    ent = Entity(id=f"E{n}", name=name, type=type_, mentions=[mention], aliases=[name])
    ents.append(ent)
    return ent.id


def _bare_family_name(ents: list[Entity], name: str) -> Optional[Entity]:
    """The one person known only by the family name of the full name ``name``, or None."""
    words = name.split()
    if len(words) < 2:
        return None
    found = [e for e in ents if e.type == "PERSON" and " " not in e.name and e.name == words[-1]]
    return found[0] if len(found) == 1 else None


def _misspelt_person(ents: list[Entity], name: str) -> Optional[Entity]:
    """The one person whose family name a single word misspells ("Equiluz says" after "Luis
    Eguiluz"), or None."""
    if " " in name:
        return None
    word = name.lower()
    found = [e for e in ents if e.type == "PERSON" and " " in e.name
             and misspelling_of(word, e.name.split()[-1].lower())]
    return found[0] if len(found) == 1 else None


def entity_by_id(doc: Doc, ent_id: Optional[str]) -> Optional[Entity]:
    """The entity record with that id, or None."""
    return next((e for e in doc._.cg_entities or [] if e.id == ent_id), None)


def typed_entity_at(doc: Doc, start: int, end: int, types) -> Optional[str]:
    """Id of the entity :func:`entity_at` finds at ``[start, end)`` when its type is one of
    ``types``, else None."""
    ent = entity_by_id(doc, entity_at(doc, start, end))
    return ent.id if ent is not None and ent.type in types else None


def latest_before(ents, offset: int) -> Optional[str]:
    """Id of the entity among ``ents`` mentioned last before ``offset``, or None."""
    best, best_at = None, -1
    for ent in ents:
        at = max((s for s, _ in ent.mentions if s < offset), default=-1)
        if at > best_at:
            best, best_at = ent.id, at
    return best


def is_definite(head) -> bool:
    """Does the noun ``head`` take "the" ("*the* newspaper", "*the* official")?"""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


def add_mention(doc: Doc, ent_id: str, mention: Span) -> None:
    """Add a mention to the entity with that id (the quote step's resolved speakers)."""
    ent = entity_by_id(doc, ent_id)
    if ent is not None:
        _attach(ent, mention)


#: head nouns that say what kind of thing a name before them is ("the Reuters news agency",
#: "the Wagner group", "the Hamas movement", "the Finance Ministry"), by the name's type
KIND_NOUNS = {
    "NEWS_OUTLET": frozenset("""agency newspaper daily weekly broadcaster outlet network channel
        station magazine tabloid site website service paper""".split()),
    "ORG": frozenset("""company firm group organisation organization agency party bank union
        network militia movement alliance airline carrier giant maker chain charity foundation
        coalition""".split()),
    "GOVERNMENT": frozenset("ministry government department administration office".split()),
}


def collective_type(head) -> str:
    """The type of an unnamed collective speaker by its head noun: "Brazil's foreign ministry"
    a GOVERNMENT, "the electoral council" an ORG, "analysts" a GROUP."""
    noun = head.lemma_.lower()
    if head.tag_ in ("NN", "NNP") and noun in KIND_NOUNS["GOVERNMENT"]:
        return "GOVERNMENT"
    if head.tag_ in ("NN", "NNP") and noun in ORG_NOUNS:
        return "ORG"
    return "GROUP"


def outlet_described(doc: Doc, head) -> Optional[str]:
    """"… The Wall Street Journal reported. The deal could value it at $4 billion, *the
    newspaper* said": a definite outlet noun is the outlet named last before it; its id,
    or None."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in KIND_NOUNS["NEWS_OUTLET"] or head.tag_ != "NN" \
            or not is_definite(head):
        return None
    return latest_before((e for e in doc._.cg_entities or [] if e.type == "NEWS_OUTLET"), head.idx)


def named_in_its_kind(doc: Doc, ent_id: str, head) -> bool:
    """Is the phrase headed by ``head`` the entity ``ent_id`` named before the noun of its
    kind ("the Reuters news agency reported" is Reuters, not a new group; "a U.S. defense
    official" is not the United States)?"""
    ent = entity_by_id(doc, ent_id)
    if ent is None or head.lemma_.lower() not in KIND_NOUNS.get(ent.type, ()) or head.tag_ != "NN":
        return False
    left = head.left_edge.idx
    return any(left <= s and e <= head.idx and not _of_others(doc, e, head) for s, e in ent.mentions)


#: nouns of people by where they stand, not by a trade or a title ("a *resident*", "an *aide*")
_STANDING_NOUNS = frozenset("person aide insider staffer resident witness member voter citizen parent "
                            "survivor".split())
#: plural nouns of people that name no trade ("one of the *aides*", "most of the *residents*")
PEOPLE_NOUNS = _STANDING_NOUNS | frozenset("people source official victim".split())


#: singular nouns of a person that are no title ("the business *owner* said", "a *resident*")
PEOPLE_ROLE_NOUNS = DESC_PERSON_NOUNS | _STANDING_NOUNS


#: things whose nouns end as an agent's do ("paper", "poster", "chapter")
THING_AGENT_NOUNS = frozenset("""paper newspaper poster banner chapter number container computer printer
border tower corner folder center centre order answer cluster filter trailer document""".split())


def names_people(tok) -> bool:
    """Does the noun ``tok`` name people ("aides", "residents", "analysts", "nurses"), not
    things ("one of our ads")? A person noun, or a word of an agent's ending."""
    lemma = tok.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in DESC_PERSON_NOUNS or lemma in PEOPLE_NOUNS \
        or len(lemma) > 4 and lemma.endswith(PERSON_SUFFIXES) and lemma not in DOCUMENT_NOUNS \
        and lemma not in THING_AGENT_NOUNS  # ("one of the letters", "one of the papers": documents)


#: who may be named as the author of a document ("General Statistics Office data show")
AUTHOR_TYPES = frozenset({"ORG", "GOVERNMENT", "NEWS_OUTLET", "PERSON"})
#: documents a country named before them can only have issued ("the U.S. statement said");
#: a country's "report" or "study" may be one about it ("the Kenya report")
STATEMENT_NOUNS = frozenset({"statement", "letter", "communique", "declaration", "note", "memo", "release"})


def authored_by(doc: Doc, ent_id: str, head) -> bool:
    """Is the phrase headed by ``head`` a document of the entity ``ent_id`` named before its
    noun ("General Statistics Office data show", "a Pentagon report found", "Trump's letter
    said"), so that what it says is that entity's?"""
    ent = entity_by_id(doc, ent_id)
    lemma = head.lemma_.lower()
    if ent is None or lemma not in DOCUMENT_NOUNS or ent.type not in AUTHOR_TYPES and not (
            ent.type == "GPE" and lemma in STATEMENT_NOUNS):
        return False
    left = head.left_edge.idx
    return any(left <= s and e <= head.idx for s, e in ent.mentions)


#: nouns of those who stand in a relation to an organisation ("a Tesla supplier group")
RELATION_NOUNS = frozenset("""supplier rival partner customer client competitor affiliate user
    investor shareholder fan employee worker staff member""".split())


def _of_others(doc: Doc, end: int, head) -> bool:
    """Do the words between a name (ending at ``end``) and the kind noun ``head`` say the
    phrase is the group of others ("the Amazon workers' group", "the Google employees union",
    "a Tesla supplier group"), not the one named?"""
    return any(t.idx >= end and (t.tag_ in ("NNS", "NNPS", "POS") or t.lemma_.lower() in RELATION_NOUNS)
               for t in doc[head.left_edge.i:head.i])


def mentions_cover(doc: Doc, ent_id: str, offset: int) -> bool:
    """Does one of the entity's mentions hold the character at ``offset``?"""
    ent = entity_by_id(doc, ent_id)
    return ent is not None and any(s <= offset < e for s, e in ent.mentions)


def entity_or_new(doc: Doc, mention: Span, type_: str, head: Optional[int] = None) -> str:
    """The entity already mentioned at ``mention``, else a new one named by its text; with
    ``head`` (the offset of the phrase's head word), only an entity whose mention holds the
    head ("a U.S. defense official" is not the United States named inside it)."""
    found = entity_at(doc, *mention)
    if found is not None and head is not None and not mentions_cover(doc, found, head) \
            and not named_in_its_kind(doc, found, _token_at(doc, head)):
        found = None
    return found or add_entity(doc, doc_text(doc)[mention[0]:mention[1]], type_, mention)


def _token_at(doc: Doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span.root if span is not None else doc[0]


def _attach(ent: Entity, mention: Span) -> None:
    if mention not in ent.mentions:
        ent.mentions.append(mention)
        ent.mentions.sort()
