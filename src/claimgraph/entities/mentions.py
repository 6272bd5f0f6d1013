"""Mention detection: names from the tagger, repaired and typed; pronouns; descriptions.

The statistical tagger (spaCy's NER) is the first source of names. Its output is then
repaired with rules and gazetteers, in the spirit of the deterministic mention
detection of Lee et al. (2013, "Deterministic coreference resolution based on
entity-centric, precision-ranked rules", Computational Linguistics 39(4)):

- spans are trimmed of quotes and a final possessive (``Kiev's`` -> ``Kiev``) and
  re-joined over hyphens the tagger cut (``Choe Son`` + ``-hye``);
- Korean-style names ``Family Given-name`` are found by pattern, so ``I Won-il`` is a
  person and not the pronoun *I*;
- types are checked against the gazetteers (``Kiev`` tagged as a person becomes a place,
  ``Kursk`` tagged as a product becomes a place, ``NATO`` tagged as a place an
  organisation), ``X region`` / ``X province`` is one place;
- in heading lines (title-cased by the normaliser, where the tagger is unreliable) only
  names the gazetteers or the body of the article vouch for are kept;
- countries, capitals and known organisations the tagger missed are added, and so are
  capitalised names ending in an organisation word (``Assault Corps``).

A person's mention span also covers the noun phrase's pre-modifiers (``the 40-year-old
North Korean leader Kim Jong-un``): that is the noun phrase coreference corpora mark,
and the words before the name (titles, descriptors) become the entity's role.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from claimgraph.lexicon.gazetteer import Gazetteer, Org, Place, fold
from claimgraph.entities.names import (EAST_ASIAN_FAMILY_NAMES, TITLES, acronyms, family_name,
                                       family_name_with_particles, name_words)
from claimgraph.parsed import doc_text
from claimgraph.furniture import credit_spans

NAME_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
               "FAC": "LOC", "NEWS_OUTLET": "NEWS_OUTLET", "GOVERNMENT": "GOVERNMENT"}  # (the type of
# a name found once is its type where it recurs: "Forbes" is an outlet, "Senate" a government)
# last words of place names that are streets, waters, heights or buildings, not settlements
# ("Florence Avenue", "the Arabian Sea", "Tulsa International Airport")
PLACE_FEATURE_HEADS = frozenset("""street avenue road boulevard lane square park river sea ocean lake bay
gulf strait channel mountain mountains hill hills valley desert forest hotel airport station bridge
harbor harbour beach minster cathedral church castle palace museum stadium tower reef shoal atoll""".split())
# names that hold no other name of their own: a person's ("Paris Hilton"), a people's, a
# place's ("New York City" is one place)
NOT_NESTING_LABELS = ("PERSON", "NORP", "GPE")
DETERMINERS = frozenset(("the", "a", "an"))
# untagged capitalised words read as a name when the article uses them this often (Mikheev 1999)
MIN_RECURRENCE = 2
MAX_RECURRING_WORDS = 3
PRONOUN_WORDS = frozenset("i me my we us our you your he him his she her it its they them their".split())
# words before a person's name that its noun phrase does not take in
DISTRIBUTIVES = frozenset("both all each either neither".split())
# "Dye & Bavelier", "Lewis, Simons, & Fennig": the people a coordinated name holds
CONJUNCT_SEPARATORS = frozenset(("&", "and", ","))
MAX_CONJUNCT_WORDS = 1
# untagged given and middle names a person's name may take in front ("Jared Tristan Padalecki")
MAX_FRONT_NAMES = 2
REPAIRABLE_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE"}
REGION_WORDS = frozenset("region province oblast krai state county district prefecture "
                         "territory governorate canton municipality area".split())
ORG_HEADS = frozenset("""corps army navy party institute ministry council agency committee
commission union university college school bank group company corporation command forces
force guard brigade division battalion regiment fleet front movement association league
federation foundation court parliament assembly government office department service
police board bureau authority organization organisation fund alliance coalition
""".split())
PRONOUNS = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "it": ("n", "sg"), "its": ("n", "sg"), "itself": ("n", "sg"),
    "they": ("n", "pl"), "them": ("n", "pl"), "their": ("n", "pl"), "theirs": ("n", "pl"),
    "themselves": ("n", "pl"),
}
PERSON_NOUNS = frozenset("""
leader president senator minister official spokesman spokeswoman spokesperson chancellor
premier governor mayor general commander chief ambassador envoy diplomat defector
lawmaker legislator candidate prosecutor judge king queen prince princess man woman boy
girl player coach striker captain goalkeeper defender midfielder actor actress singer
author writer professor scientist researcher student teacher father mother son daughter
wife husband child baby officer soldier director chairman chairwoman founder executive
ceo analyst expert lawyer attorney victim suspect activist journalist reporter doctor
economist pilot priest pope referee manager secretary dictator ruler monarch emperor
sheikh cleric athlete champion pitcher boxer rapper billionaire businessman politician
superintendent commissioner inspector administrator controller coordinator
negotiator
""".split())
ORG_NOUNS = frozenset("""
company firm group organisation organization agency ministry party team club government
administration army military alliance bank union network broadcaster newspaper
department council committee court university school
""".split())
PLACE_NOUNS = frozenset("country nation city capital state region town village province island county district "
                         "neighborhood neighbourhood municipality".split())
# heads of descriptions that join only an entity whose name or role has the same noun ("the
# college" for the American College of Pediatricians, "the architect" after "X, an architect")
DESC_PERSON_NOUNS = frozenset("""actress poet artist architect composer musician novelist painter
designer photographer producer comedian historian linguist physicist chemist biologist engineer nurse
farmer owner chef astronaut mathematician philosopher economist broadcaster presenter host teen teenager
youngster brother sister nephew niece uncle aunt cousin grandfather grandmother""".split())
DESC_ORG_NOUNS = frozenset("""college institute institution museum hospital society association
foundation federation league library publisher church academy orchestra band airline charity
""".split())
_DESC_NOUNS = PERSON_NOUNS | ORG_NOUNS | PLACE_NOUNS | DESC_PERSON_NOUNS | DESC_ORG_NOUNS | frozenset(
    ("men", "women", "children", "wives"))
DEMONYM_PERSON_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")
_EA_NAME = re.compile(r"\b([A-Z][a-z]{0,5}) ([A-Z][a-z]+-[A-Za-z][a-z]+)\b")
_QUOTES = set("\"'“”‘’«»„`")
_JOINERS = ("of", "'", "’", "for")
#: what a firm issues or employs, which a sentence opens with before its "of" ("Shares of …")
OF_FIRM_NOUNS = frozenset("""shares share stock stocks units bonds securities subsidiaries employees workers
staff customers shareholders investors executives""".split())
# words a title-case headline leaves in lower case
_SMALL_WORDS = frozenset("a an the and but or nor for to of in on at by with from as is vs via "
                         "into over after up down off out".split())
_TRAILING = frozenset(("'s", "’s", "of", "and", "the", "for", "in"))
# "the newspaper El Diario", "the state-run daily La Nación", "the news agency Prensa Latina"
#: kinds of news outlet, as news writes them before or after an outlet's name
_OUTLET_KINDS = (r"newspaper|broadcaster|news agency|wire service|magazine|tabloid|news site|news website|"
                 r"news outlet|(?:TV|television|radio) (?:channel|station|network)")
_OUTLET_BEFORE = re.compile(r"\b[Tt]he (?:[\w-]+ ){0,2}?(?:daily|weekly|outlet|" + _OUTLET_KINDS + r"),? $")
# "online magazine Healthcare Asia": a kind of outlet right before the name, with no determiner
_OUTLET_KIND_BEFORE = re.compile(r"\b(?:online|news|business|trade|weekly|daily) (?:magazine|newspaper|site|website|portal) $")
# "the government-run Vietnam Investment Review news website": the kind of outlet after the name
_OUTLET_AFTER = re.compile(r"(?:[’']s)? (?:online |daily |weekly |business |financial )?(?:news portal|"
                           + _OUTLET_KINDS + r")\b")
# "Secretary of State", "Minister for Foreign Affairs", "Governor of the Central Bank" before a name
# (not across a sentence's end: "... President of the Club. Ruiz said")
_TITLE_OF = re.compile(
    r"(?:(?<=[\s(\"“,;:])|^)(?:[Tt]he )?((?:(?:Deputy|Vice|Assistant|Acting|Former|Under|Permanent)[ -])*"
    r"(?:Secretary|Minister|Governor|Chairman|Chairwoman|Chair|President|Director|Head|Chief|"
    r"Commissioner|Ambassador|Speaker|Leader|Secretary[ -]General|Attorney General|Chancellor)"
    r" (?:of|for|to) (?:the )?(?:[A-Z][\w.&'’-]*)(?: (?:of|and|for|the|on|[A-Z][\w.&'’-]*))*)(?<![a-z]\.) $")
# department words that a "Title of Department" swallows (not entities of their own)
DEPARTMENT_WORDS = frozenset("""state defense defence finance health justice interior treasury
education labor labour energy commerce agriculture transport trade industry culture economy
environment war navy""".split()) | {"foreign affairs", "home affairs", "homeland security"}
# words that make a "Given Family"-looking name an organisation or a thing ("Victoria Station")
_ORGISH = frozenset("""station street avenue road square park hall house center centre church
cathedral bridge airport hospital stadium arena museum gallery theatre theater tower river lake
mountain island bay county city inc ltd llc corp co group holdings partners records studios
press times post news daily journal herald tribune""".split())
# last words of a name that make it an institution's or a building's, never a person's family name
# (unlike "Hall", "Church" or "Park"): the head-noun cue of Collins & Singer (1999)'s spelling rules
INSTITUTION_HEADS = frozenset("""hotel motel hostel university college school academy museum airport stadium
arena hospital clinic cathedral mosque synagogue institute restaurant cafe café library inc ltd llc corp
corporation company foundation association society shipping airlines airways holdings motors
pharmaceuticals technologies logistics industries telecom petroleum plc bancorp
management capital partners investments advisors advisers associates ventures""".split())
# given names that are also common family names ("Mary Thomas", "Anna James")
FAMILY_TOO = frozenset("""thomas james john george henry howard lewis scott morgan ross grant
russell lawrence douglas arthur frank mark allen ellis paul martin""".split())
# English words glued to names by a hyphen: "Seoul-based", "Kremlin-backed", "US-led"
HYPHEN_WORDS = frozenset("""based born led backed owned run linked style era like made bred
speaking flagged funded controlled occupied allied aligned friendly held bound registered
american european language level wide""".split())


@dataclass
class Mention:
    """One mention: a name, a pronoun or a definite description."""

    start: int  # character span of the whole mention (Entity.mentions)
    end: int
    name: str  # the name as written (no "the", title or "'s"); pronoun/description text
    label: str  # PERSON ORG NEWS_OUTLET GOVERNMENT GPE LOC NORP
    kind: str = "name"  # "name" | "pronoun" | "desc" | "appos"
    head: int = 0  # token index of the head word
    sent: int = 0
    name_start: int = 0  # character span of the bare name
    name_end: int = 0
    role: Optional[str] = None
    country: Optional[str] = None
    coords: Optional[tuple[float, float]] = None
    gid: Optional[str] = None  # gazetteer identity ("c:PRK", "o:Associated Press")
    capital_of: Optional[str] = None
    gender: Optional[str] = None
    number: Optional[str] = None
    heading: bool = False
    link: Optional[int] = None  # index of a mention this one is known to corefer with
    extra: dict = field(default_factory=dict)


# verbs whose subject, when a capital, stands for its government ("Seoul would support")
AGENT_VERBS = frozenset("""say insist accuse deny warn support demand reject refuse want decide agree
threaten deploy send invade launch respond urge call claim announce condemn protest sign approve
oppose plan seek hope vow pledge order impose retaliate recognise recognize back""".split())


GOVERNMENT_PEOPLE = frozenset("official authority diplomat government leader minister lawmaker "
                              "politician policymaker".split())


def _acts(doc: Doc, end: int) -> bool:
    """Is the name ending before token ``end`` a possessor ("Kiev's allies") or the subject
    of a verb of saying or acting ("Moscow insists")?"""
    if end < len(doc) and doc[end].tag_ == "POS":
        return True
    tok = doc[end - 1]
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "from") \
            and tok.head.head.lemma_.lower() in GOVERNMENT_PEOPLE:
        return True  # "officials in Pretoria said": the seat of government
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in AGENT_VERBS


#: a name that opens with a lower-case particle before a capitalised word: "al-Shabab",
#: "al-Qaida", "el-Sisi", "bin Salman", "de Klerk", "van der Leyen"
NAME_PARTICLE = re.compile(r"(?:al|el|ad|ash|as|bin|ibn|abu|de|del|della|da|di|dos|du|van|von|der|le|la)"
                           r"(?:[-‑]| (?:der |den )?)[A-Z]")


def _plain_names(doc: Doc, start: int, end: int) -> bool:
    """Every token a proper noun in its own form: not "Donald Trump Could" or "Zoe Saldana
    Responds" (a title-case headline the tagger ran on), where a verb ends the run."""
    return all(doc[i].pos_ == "PROPN" and (i == start or doc[i].lemma_.lower() == doc[i].lower_)
               for i in range(start, end))


def taken_up_as_person(doc: Doc, start: int, end: int) -> bool:
    """The name ``doc[start:end]`` is one a person's context gives it: a relative "who" takes
    it up (", who heads …", the relative pronoun of persons, Quirk et al. 1985, §6.33; for
    names of two words or more: "Acme, who …" is British usage for a company), or a role
    noun stands in apposition to it ("Simasiku, *director* at the coalition, says") or is its
    predicate ("Wasuge is *the executive director* of …")."""
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    if end - start >= 2 and i < len(doc) and doc[i].lower_ == "who":
        return True
    head = doc[end - 1]
    if head.dep_ == "nsubj" and head.head.lemma_ == "be" and not any(c.dep_ == "neg" for c in head.head.children) \
            and any(c.dep_ == "attr" and c.lemma_.lower() in PERSON_NOUNS for c in head.head.children):
        return True  # "Wasuge is the executive director of …": a role only a person holds
    return any(c.dep_ == "appos" and c.i >= end and c.lemma_.lower() in PERSON_NOUNS for c in doc[end - 1].children)


def _bracket_pieces(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A tagged span cut before a bracketed short form: "the World Health Organization (WHO" is
    a name and its acronym, each a mention of its own (the alias pass then joins them). A year
    or an editor's insertion ("[George W.] Bush") stays as tagged."""
    for i in range(start + 1, end):
        if doc[i].text == "(":
            inner = [t for t in doc[i + 1:end] if t.text != ")"]
            if 1 <= len(inner) <= 2 and inner[0].text[:1].isupper():
                return [(start, i, label), (i + 1, i + 1 + len(inner), label)]
            break
    return [(start, end, label)]


def _comma_pieces(doc: Doc, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """A body's name the tagger ran on through the comma into the appositive name of a
    person ("the Ministry of Information and Culture, Zia-ul Haq Haqmal"): two names, the
    body's and the person's. Place names with a comma ("Paris, France") are not cut."""
    if label != "ORG":
        return [(start, end, label)]
    for i in range(start + 1, end - 2):
        if doc[i].text != ",":
            continue
        after = [t for t in doc[i + 1:end] if t.text not in ("-", "‑")]
        if 2 <= len(after) <= 4 and all(t.is_title or t.is_lower and len(t.text) <= 3 and t.pos_ != "CCONJ"
                                        for t in after) \
                and after[0].is_title and after[-1].is_title and not any(t.lower_ in ORG_HEADS for t in after):
            return [(start, i, label), (i + 1, end, "PERSON")]
        break
    return [(start, end, label)]


# words that make one title with the noun after them ("the Prime Minister", "the Foreign Secretary")
TITLE_MODIFIERS = frozenset("prime vice deputy foreign home finance defence defense interior health "
                            "education justice trade".split())


def _possessor_pieces(doc: Doc, start: int, end: int, label: str, family: set[str]) -> list[tuple[int, int, str]]:
    """"Cornell’s Casanova said": a name the tagger ran together with the institution before
    it in the possessive is two names when what follows the possessive is the family name
    of a person named in full in the article (the institution, then the person); "St.
    John's University", "the People's Liberation Army" stay whole."""
    k = end - 2  # the possessive right before the span's last word
    if k > start and doc[k].tag_ == "POS" and doc[k + 1].text in family:
        return [(start, k, label), (k + 1, end, "PERSON")]
    return [(start, end, label)]


def _capitalised_title(tok) -> bool:
    """"The President", "the Pope", "the Prime Minister's office": a person's title written with
    a capital after *the* (house style in British and Wikinews copy) is the title's description,
    though the tagger reads it as a proper noun; not a word of a longer name ("the President
    Hotel")."""
    if tok.pos_ != "PROPN" or tok.lower_ not in PERSON_NOUNS or tok.dep_ == "compound":
        return False
    words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    if any(c.lower_ not in TITLE_MODIFIERS for c in words):
        return False
    first = min([c.i for c in words] + [tok.i])
    return first > 0 and tok.doc[first - 1].lower_ == "the"


# curly contractions of "be", which the model's lemmatizer leaves as written ("it’s", "we’re")
CONTRACTED_BE = frozenset(("’s", "’re", "’m"))


def verb_lemma(tok) -> str:
    """A token's lemma, with a curly contraction of "be" read as "be" as its straight spelling is
    (not the possessive "’s", which is no verb)."""
    if tok.lower_ in CONTRACTED_BE and tok.tag_.startswith("VB"):
        return "be"
    return tok.lemma_


def words_of(doc: Doc) -> list[str]:
    """The token texts of a doc, read once per doc."""
    words = doc.user_data.get("cg_words")
    if words is None:
        words = doc.user_data["cg_words"] = [t.text for t in doc]
    return words


def _may_be_name_word(word: str) -> bool:
    """What :meth:`MentionFinder._name_word` asks of a token's text first, without the token."""
    return len(word) > 1 and word[:1].isupper()


def heading_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of heading lines: short, title case (every word but small function
    words capitalised), no final stop; ALL-CAPS headings arrive title-cased by the normaliser."""
    out = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
        stripped = line.strip()
        if (2 <= len(words) <= 14 and all(w[0].isupper() for w in words)
                and not stripped.endswith((".", ",", ";", ":", "”", '"'))):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _in_ranges(i: int, ranges) -> bool:
    return any(s <= i < e for s, e in ranges)


#: endings of abstract nouns, which name no one's role ("reluctance", "weakness", "security")
ABSTRACT_ENDINGS = ("ance", "ence", "ness", "ity", "ment", "tion", "sion", "ism")
#: endings of nouns for what people do ("adviser", "strategist", "historian")
AGENT_ENDINGS = ("er", "or", "ist", "ian")
#: nouns of that ending that news uses for firms ("carrier Lufthansa", "operator Orange")
FIRM_AGENT_NOUNS = frozenset("""carrier operator provider manufacturer developer publisher broadcaster
distributor producer exporter importer supplier partner investor sponsor owner lender insurer
container computer""".split())


#: organisation heads that are the name of a news outlet too ("Fox News Network", "Kyodo News Agency")
OUTLET_HEADS = frozenset("agency network broadcaster newspaper service".split())


def _owner_body(name: str) -> bool:
    """Is ``name`` a body that owns or runs an outlet rather than the outlet ("the Communist
    Party's newspaper", "a ruling party newspaper", "the army's TV channel"): its last word
    is a body's head noun?"""
    words = name.split()
    last = words[-1].lower() if words else ""
    return (last in ORG_HEADS or last in ORG_NOUNS) and last not in OUTLET_HEADS


#: a name after the outlet noun: "X's newspaper, The Age", "X's tabloid Bild" name the outlet apart
_NAMED_AFTER_OUTLET = re.compile(r",? (?:[Tt]he )?[A-Z]")


def _owner_of_named_outlet(text: str, name_end: int) -> bool:
    """"Nine Entertainment's newspaper, The Age", "Axel Springer's tabloid Bild": a possessive
    name whose outlet is then named is its owner, not the outlet."""
    found = _OUTLET_AFTER.match(text, name_end)
    return found is not None and text.startswith(("'s", "’s"), name_end) \
        and _NAMED_AFTER_OUTLET.match(text, found.end()) is not None


def _noun_compounded_before(doc: Doc, start: int, end: int) -> str:
    """The lemma of the lower-case noun right before ``doc[start:end]`` that the parser
    compounded to the name ("presidential *adviser* Mesut Casin"), else ""."""
    noun = doc[start - 1]
    if noun.pos_ == "NOUN" and noun.is_lower and noun.dep_ == "compound" and start <= noun.head.i < end:
        return noun.lemma_.lower()
    return ""


def _titled_as_place(doc: Doc, start: int, end: int, m: "Mention", place) -> bool:
    """"Mayor Hadi Rudyatmo", "Governor Ganjar Pranowo" typed as a place: a capitalised
    title right before a name of two or three words no gazetteer knows as a place makes
    the name a person's (the small tagger takes many unfamiliar names for places)."""
    return m.label in ("GPE", "LOC") and place is None and not m.gid and 2 <= end - start <= 3 and start > 0 \
        and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
        and fold(doc[start - 1].text).rstrip(".") in TITLES and doc[start - 1].lower_ not in ("general", "prince", "crown") \
        and all(t.pos_ == "PROPN" and t.is_title for t in doc[start:end])


def _role_noun_before(doc: Doc, start: int, end: int) -> bool:
    """Is the word right before ``doc[start:end]`` a lower-case noun of a person's role
    compounded to the name ("presidential *adviser* Mesut Casin", "*spokesman* John Kirby")?"""
    lemma = _noun_compounded_before(doc, start, end)
    return (lemma in PERSON_NOUNS or lemma in DESC_PERSON_NOUNS) \
        and lemma not in FIRM_AGENT_NOUNS  # ("studio owner Warner Bros", "record producer Sony Music")


def _agent_noun_before(doc: Doc, start: int, end: int) -> bool:
    """A noun of what someone does by its ending ("presidential *adviser* X"), not a firm's
    trade ("chipmaker", "carrier", "operator"): weaker evidence, for names the tagger took
    for places only."""
    lemma = _noun_compounded_before(doc, start, end)
    return len(lemma) > 5 and lemma.endswith(AGENT_ENDINGS) and not industry_noun(lemma) \
        and lemma not in FIRM_AGENT_NOUNS


#: a city the tagger took for a person is a city where the sentence puts it somewhere (a
#: smaller place's name is as likely a family name)
PLACE_BY_CONTEXT_POPULATION = 100_000
LOCATIVE_PREPS = frozenset("in to from into near outside at via towards toward".split())


def _where(doc: Doc, i: int) -> bool:
    """Does the sentence use ``doc[i]`` as a place: the object of a preposition of place or
    direction ("*to* Rotterdam")?"""
    tok = doc[i]
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS and tok.head.i == i - 1


#: last words that make a place's name a body's ("West Yorkshire Police")
BODY_OF_PLACE_HEADS = frozenset("police constabulary council university college hospital ministry".split())

#: a firm's employees whose noun news sets between the firm's name and theirs ("Jefferies analyst Brent Thill")
FIRM_ROLE_NOUNS = frozenset("analyst analysts economist economists strategist strategists".split())

#: nouns for a body of people that news sets before its name ("the group X", "the charity X")
BODY_NOUNS = frozenset("""group organization organisation movement coalition alliance charity nonprofit
party network agency firm company bank union association institute foundation militia band think-tank
campaign committee""".split())


def _named_kind_of_body(doc: Doc, start: int, end: int) -> bool:
    """Is ``doc[start:end]`` the name of the body the noun right before it names ("the group
    Somali Public Agenda", "the charity Oxfam"): in apposition or compound to that noun?"""
    kind = doc[start - 1]
    head = doc[end - 1]
    return kind.lower_ in BODY_NOUNS and (head.dep_ == "appos" and head.head.i == kind.i
                                          or kind.dep_ == "compound" and kind.head.i == head.i)


#: words for a kind of firm that news puts before its name ("carmaker Stellantis")
INDUSTRY_NOUNS = frozenset("""retailer insurer reinsurer lender miner brewer broker conglomerate startup
start-up supermarket e-tailer airline carrier giant maker manufacturer supplier exporter
importer""".split())  # not "publisher": as often a person


#: a state's own bodies: "the Indian government", "the Russian army" are that state's, not a body
#: named before
STATE_BODY_NOUNS = frozenset("government army military ministry administration navy parliament police".split())

#: modifiers that make a description introduce one of its own ("the first Roman Catholic school",
#: "the Slovenian national team")
NEW_ONE_WORDS = frozenset("first national new".split())


def _describing_name(doc: Doc, i: int) -> bool:
    """A name that only says what kind a description's thing is: a nationality adjective ("the
    *Danish* shipping group", "the *German* institute") or a place glued to "-based", "-owned" ("the
    *Copenhagen*-based company"); the description still stands for something named before."""
    tok = doc[i]
    if tok.ent_type_ == "NORP" and tok.dep_ == "amod":
        return True
    k = i + 1
    while k < len(doc) and doc[k].ent_type_ == tok.ent_type_ and doc[k].text != "-" and k - i < 4:
        k += 1
    return k + 1 < len(doc) and doc[k].text == "-" and doc[k + 1].lower_ in HYPHEN_WORDS \
        and doc[k + 1].dep_ == "amod"


def industry_noun(word: str) -> bool:
    """"carmaker", "drugmakers", "chipmaker", "retailer", "insurers" …"""
    if word.endswith("s") and len(word) > 4:
        word = word[:-1]
    return word in INDUSTRY_NOUNS or len(word) > 6 and word.endswith("maker") and word.isalpha()


_TITLE_AFTER = re.compile(r" (?:Minister|Secretary|Ministers|Secretaries|Commissioner|Committee Chair(?:man|woman)?)\b")


def _before_title(text: str, end: int) -> bool:
    return _TITLE_AFTER.match(text, end) is not None


#: types a tagger gives a bare family name by mistake
RETYPABLE_AS_FAMILY = frozenset(("ORG", "MISC", "GPE", "LOC", "NORP"))


def _family_names_as_people(body: list[Mention]) -> None:
    """A name the tagger typed otherwise that is the family name of a person the article
    names in full is that person ("De Vries said" after "Marieke de Vries", "Castelein" tagged
    as an organisation after "Allard Castelein"): one sense per document (Krishnan & Manning
    2006). Names the gazetteer knows keep their type."""
    families = set()
    for m in body:
        words = name_words(m.name) if m.label == "PERSON" else []
        if len(words) >= 2:
            families.add(family_name_with_particles(words))
    for m in body:
        if m.kind == "name" and m.label in RETYPABLE_AS_FAMILY and not m.gid \
                and (fold(m.name) in families or family_name([fold(m.name)]) in families):
            m.label = "PERSON"


class MentionFinder:
    """Finds and repairs the mentions of one doc; gazetteer dicts are built once."""

    def __init__(self, gaz: Gazetteer):
        self.gaz = gaz

    # -- names ------------------------------------------------------------------------
    def names(self, doc: Doc, sent_of: list[int]) -> tuple[list[Mention], list[Mention]]:
        """(body name mentions, heading name mentions), each sorted by position."""
        headings = heading_ranges(doc_text(doc))
        spans: list[tuple[int, int, str]] = []  # token start, end, label
        family = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
        for ent in doc.ents:
            label = ent.label_
            if label in NAME_LABELS or label in REPAIRABLE_LABELS:
                for piece in _bracket_pieces(doc, ent.start, ent.end, label):
                    for comma_piece in _comma_pieces(doc, *piece):
                        spans.extend(_possessor_pieces(doc, *comma_piece, family))
        spans = self._add_pattern_names(doc, spans)
        spans = self._add_known_orgs(doc, spans)
        body, head = [], []
        covered = set()
        for start, end, label in spans:
            m = self._make(doc, start, end, label, sent_of)
            if m is None:
                continue
            covered.update(range(start, end))
            m.heading = _in_ranges(m.name_start, headings)
            (head if m.heading else body).append(m)
        for m in self._scan_untagged(doc, covered, sent_of) + self._recurring_names(doc, covered, sent_of):
            m.heading = _in_ranges(m.name_start, headings)
            (head if m.heading else body).append(m)
        body += self._acronym_mentions(doc, body, covered, sent_of)
        nested = self._nested_places(doc, body, sent_of)
        nested += self._nested_names(doc, body, {m.head for m in nested}, sent_of)
        nested += self._conjuncts(doc, body, sent_of)
        for m in nested + self._propagate(doc, body, covered, sent_of):
            m.heading = _in_ranges(m.name_start, headings)
            (head if m.heading else body).append(m)
        self._front_given_names(doc, body, head + body, covered)
        _family_names_as_people(body)
        credits = credit_spans(doc_text(doc))
        if credits:  # "(AP Photo/Name, File)", "Photo credit: Name/Reuters": no one in the story
            body = [m for m in body if not _in_ranges(m.start, credits)]
            head = [m for m in head if not _in_ranges(m.start, credits)]
        # "Secretary of State Maria Delgado", "Interior Minister Diosdado Cabello": a department
        # word inside or before a title is the title's, not an entity
        titles = [m.extra["title_of"] for m in body if "title_of" in m.extra]
        body = [m for m in body if not (m.label != "PERSON" and not m.gid and fold(m.name) in DEPARTMENT_WORDS and (
            any(s <= m.name_start < e for s, e in titles) or _before_title(doc_text(doc), m.name_end)))]
        body.sort(key=lambda m: m.start)
        head.sort(key=lambda m: m.start)
        return body, head

    def _acronym_mentions(self, doc: Doc, body: list[Mention], covered: set, sent_of) -> list[Mention]:
        """"ECOWAS" after "the Economic Community of West African States": an all-capital word
        the tagger left untyped that spells an organisation's initials is its short form (the
        alias pass joins them)."""
        shorts = {a for m in body if m.label in ("ORG", "GOVERNMENT", "NEWS_OUTLET") and len(m.name.split()) >= 3
                  for a in acronyms(m.name) if len(a) >= 3}
        out: list[Mention] = []
        text = doc_text(doc)
        if not shorts or not any(short in text for short in shorts):
            return out
        for tok in doc:
            if tok.text in shorts and tok.i not in covered and not tok.ent_type_:
                m = self._make(doc, tok.i, tok.i + 1, "ORG", sent_of)
                if m is not None:
                    covered.add(tok.i)
                    out.append(m)
        return out

    def _add_known_orgs(self, doc: Doc, spans):
        """Organisations of the gazetteer named in full ("Reporters Without Borders"), where
        the tagger cut the name or missed it: the whole name replaces the pieces."""
        pattern = self.gaz.org_phrases
        if pattern is None:
            return spans
        for found in pattern.finditer(doc_text(doc)):
            span = doc.char_span(found.start(), found.end())
            if span is None:
                continue
            spans = [sp for sp in spans if sp[1] <= span.start or sp[0] >= span.end] + [(span.start, span.end, "ORG")]
        return sorted(spans)

    def _add_pattern_names(self, doc: Doc, spans):
        """Korean-style names (``I Won-il``, ``Choe Son-hye``) the tagger cut or missed."""
        text = doc_text(doc)
        if "-" not in text:
            return spans
        extra = []
        for m in _EA_NAME.finditer(text):
            if m.group(1).lower() not in EAST_ASIAN_FAMILY_NAMES:
                continue
            first = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if first is None:
                continue
            s, e = first.start, first.end
            if any(ps <= s and e <= pe and lab == "PERSON" for ps, pe, lab in spans):
                continue
            extra.append((s, e))
        if not extra:
            return spans
        kept = [sp for sp in spans if not any(sp[0] < e and s < sp[1] for s, e in extra)]
        kept.extend((s, e, "PERSON") for s, e in extra)
        kept.sort()
        return kept

    def _make(self, doc: Doc, start: int, end: int, label: str, sent_of) -> Optional[Mention]:
        # trim quotes, punctuation, a leading determiner and a final possessive
        while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].text in _QUOTES
                               or doc[start].lower_ in ("the", "a", "an")):
            start += 1
        # a headline's name the tagger ran into the line break ("Ana Ruiz\n"): the line ends it
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].text in _QUOTES
                               or doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in _TRAILING):
            end -= 1
        # "McDonald's said": a firm's name that ends in a possessive with nothing possessed after it
        if label == "ORG" and end < len(doc) and doc[end].tag_ == "POS" and doc[end - 1].text[:1].isupper() \
                and (end + 1 >= len(doc) or doc[end + 1].pos_ in ("VERB", "AUX")) and doc[end].ent_type_ == "ORG":
            end += 1
        # "the Alzheimer's Society": the tagger left out the name that owns an institution's word
        if label == "ORG" and end - start == 1 and start >= 2 and doc[start - 1].tag_ == "POS" \
                and doc[start].lower_ in INSTITUTION_HEADS | ORG_HEADS and doc[start - 2].is_title \
                and doc[start - 2].pos_ == "PROPN" and not doc[start - 2].ent_type_ \
                and self.gaz.place(doc[start - 2].text) is None:
            start -= 2
        # "Dubai-based", "Iranian-flagged": a name glued to an English word is the name
        if end - start >= 3 and doc[end - 2].text == "-" and doc[end - 1].is_lower \
                and label != "PERSON":
            end -= 2
        # "Maria Corina Machado said": the tagger stopped a person's name before its last word,
        # which the parser made the head of the name's words (untagged, capitalised)
        while label == "PERSON" and end < len(doc) and doc[end - 1].dep_ == "compound" \
                and doc[end - 1].head.i == end and doc[end].pos_ == "PROPN" and doc[end].is_title \
                and not doc[end].ent_type_ and doc[end - 1].whitespace_ == " " and end - start < 4 \
                and doc[end].lower_ not in ORG_HEADS and doc[end].lower_ not in _ORGISH:
            end += 1
        # "Carmaker Stellantis", "French drugmaker Boiron": a word for the kind of firm
        # before a name is no part of it, and makes the name a company's
        if end - start >= 2 and industry_noun(doc[start].lower_):
            start += 1
            label = "ORG"
        elif label == "PERSON" and start >= 1 and (industry_noun(doc[start - 1].lower_) or _named_kind_of_body(doc, start, end)):
            label = "ORG"  # "the Mogadishu-based group Somali Public Agenda", "the charity Oxfam"
        # "Shares of Nvantis Corp rose": the tagger ran a sentence's first noun and its "of"
        # into the firm's name; what is traded or employed there is no part of it
        if label == "ORG" and end - start >= 3 and doc[start].pos_ == "NOUN" and doc[start + 1].lower_ == "of" \
                and doc[start].lower_ in OF_FIRM_NOUNS and doc[start + 2].pos_ == "PROPN":
            start += 2
        if start >= end:
            return None
        # "Activist Lerato Dlamini" tagged as a title (NORP) and an organisation "Dlamini": a
        # capitalised role word, an untagged given name and the family name are one person
        if label != "PERSON" and end - start == 1 and start >= 2 and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].is_title and not doc[start - 1].ent_type_ and doc[start].is_title \
                and (doc[start - 2].lower_ in PERSON_NOUNS or fold(doc[start - 2].text).rstrip(".") in TITLES) \
                and doc[start].lower_ not in ORG_HEADS and doc[start].lower_ not in _ORGISH \
                and self.gaz.place(doc[start].text) is None and self.gaz.org(doc[start].text) is None:
            start -= 1
            label = "PERSON"
        # "presidential adviser Mesut Casin" tagged as a place: a person's noun compounded to
        # the name makes it a person's, where the gazetteer knows no place or body of that name
        if start >= 1 and doc[end - 1].lower_ not in INSTITUTION_HEADS \
                and (label in ("GPE", "LOC", "ORG", "NORP") and _role_noun_before(doc, start, end)
                           or label in ("GPE", "LOC", "NORP") and _agent_noun_before(doc, start, end)) \
                and self.gaz.place(doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]) is None \
                and self.gaz.org(doc_text(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)]) is None:
            label = "PERSON"
        # "Bernstein analyst Mark Moerdler": a name compounded to an analyst's noun before a
        # person's name is the firm the analyst works for
        if label == "PERSON" and end + 1 < len(doc) and doc[end].lower_ in FIRM_ROLE_NOUNS \
                and doc[end].dep_ == "compound" and doc[end + 1].ent_type_ == "PERSON" \
                and doc[end].head.ent_type_ == "PERSON" and doc[end].head.i > end:
            label = "ORG"
        # "Mahad Wasuge is the executive director …": the tagger took the family name alone; the
        # untagged capitalised word the parser joined to it is the person's given name
        if end - start == 1 and (label == "PERSON" or taken_up_as_person(doc, start, end)) \
                and self._given_name_before(doc, start):
            start -= 1
            label = "PERSON"
        # "Analyst Mariana Soto of Santander", "Tom Hale of Lindqvist": one name after a
        # person's "of" is whom the person works for, not a second person
        if label == "PERSON" and end - start == 1 and start >= 2 and doc[start - 1].lower_ == "of" \
                and doc[start - 1].head.ent_type_ == "PERSON" and doc[start - 1].head.i < start - 1:
            label = "ORG"
        # "Trump hosted Erdogan" tagged as one name: a name stops at a lower-case verb
        verb = next((i for i in range(start + 1, end) if doc[i].is_lower and doc[i].pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            end = verb
        if label == "PERSON" and end - start >= 3 and doc[start + 1].is_title and self._is_country(doc[start]):
            start += 1  # "Coordinator for Myanmar Andrew Kirkwood": the country is not part of the name
        if label == "PERSON":  # "President Yoon": the title is role, not name
            while end - start > 1 and doc[start].text[:1].isupper() and \
                    fold(doc[start].text).rstrip(".") in TITLES:
                start += 1
        # re-join hyphenated words the tagger cut ("Choe Son" + "-hye")
        n = len(doc)
        while end + 1 < n and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                and not doc[end].whitespace_ and doc[end + 1].is_alpha and (
                    doc[end + 1].is_title or label == "PERSON") \
                and doc[end + 1].lower_ not in HYPHEN_WORDS:
            end += 2
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
                and not doc[start - 1].whitespace_ and doc[start - 2].is_alpha:
            start -= 2
        name_start = doc[start].idx
        name_end = doc[end - 1].idx + len(doc[end - 1].text)
        name = doc_text(doc)[name_start:name_end]
        if not any(c.isalpha() for c in name) or not (name[0].isupper() or name[0].isdigit()
                                                      or NAME_PARTICLE.match(name)):
            return None
        if label == "PERSON" and end - start == 1 and _where(doc, start):
            known = self.gaz.place(name)
            if known is not None and known.population >= PLACE_BY_CONTEXT_POPULATION:
                label = "GPE"  # "diverting vessels to Rotterdam and Antwerp": a city, not a person
        type_, place, org, country = self._retype(name, label, end - start, _plain_names(doc, start, end),
                                                  taken_up_as_person(doc, start, end))
        if type_ is None:
            return None
        m = Mention(name_start, name_end, name, type_, head=end - 1, sent=sent_of[end - 1],
                    name_start=name_start, name_end=name_end, extra={"tok_start": start})
        if type_ == "NORP" and doc[end - 1].pos_ == "ADJ":
            m.extra["adjective"] = True  # "Russian troops": says whose, names no one
        # "the Kursk region", "Donetsk oblast": one place
        if (type_ in ("GPE", "LOC") or type_ == "PERSON" and doc[end - 1].dep_ == "compound"
                and doc[end - 1].head.i == end) and end < n and doc[end].lower_ in REGION_WORDS:
            # (a name compounded to "region" is a place, whatever the tagger said: "the Sahel region")
            end += 1
            m.name_end = m.end = doc[end - 1].idx + len(doc[end - 1].text)
            m.name = doc_text(doc)[m.name_start:m.name_end]
            m.head = end - 1
            m.label = "LOC"
            m.gid = f"r:{fold(m.name)}"
            if place is not None:
                m.country = place.country
                m.coords = place.coords
            place = None
        if place is not None:
            m.country = place.country
            m.coords = place.coords
            if place.is_country:
                m.gid = f"c:{place.country}"
            else:
                m.gid = f"p:{place.name}:{place.country}"
                m.capital_of = place.capital_of
                if m.capital_of and _acts(doc, end):
                    m.extra["metonymy"] = True  # "Moscow insists", "Kiev's allies": the government
        elif org is not None:
            m.country = org.country
            m.gid = f"o:{org.name}"
        elif country is not None:
            m.country = country
            m.gid = f"n:{country}"
        text = doc_text(doc)
        outlet = _OUTLET_BEFORE.search(text, max(0, name_start - 60), name_start) \
            if m.label in ("PERSON", "ORG", "MISC", "NORP", "GPE") and not m.gid else None
        if outlet is not None:  # "the newspaper El Diario", "the daily La Nación": an outlet
            m.label = "NEWS_OUTLET"
            m.start = outlet.start()
        elif m.label in ("ORG", "MISC") and not m.gid and (_OUTLET_AFTER.match(text, name_end) and not _owner_body(m.name)
                                                            and not _owner_of_named_outlet(text, name_end)
                                                            or _OUTLET_KIND_BEFORE.search(text, max(0, name_start - 30), name_start)):
            m.label = "NEWS_OUTLET"  # "the Vietnam Investment Review news website", "online magazine Healthcare Asia"
        elif m.label == "PERSON" or _titled_as_place(doc, start, end, m, place):
            m.label = "PERSON"
            self._person_np(doc, m, start)
        elif start > 0 and doc[start - 1].lower_ == "the" and m.label not in ("NORP",) \
                and not (doc[end - 1].dep_ in ("compound", "nmod", "amod") and doc[end - 1].head.i >= end) \
                and not (end < n and doc[end].text in ("-", "–") and not doc[end - 1].whitespace_):
            m.start = doc[start - 1].idx  # "the U.N.", but not "the U.N. envoy": "the" is the envoy's
        return m

    def _retype(self, name: str, label: str, n_tokens: int, plain: bool = False, personal: bool = False):
        """(type, place, org, demonym country) for a tagged span, or type None to drop it;
        ``personal``: the context makes it a person's name (:func:`taken_up_as_person`)."""
        gaz = self.gaz
        place: Optional[Place] = gaz.place(name)
        org: Optional[Org] = gaz.org(name)
        demonym = gaz.demonym(name)
        if label == "NORP":
            if demonym:
                return "NORP", None, None, demonym
            if fold(name) in PERSON_NOUNS or fold(name).rstrip(".") in TITLES:
                return None, None, None, None  # "Activist" opening a sentence: a title, not a people
            if place is not None and place.is_country:
                return "GPE", place, None, None
            if org is not None:
                return org.type, None, org, None
            return "NORP", None, None, None
        if org is not None and (label in ("ORG", "PERSON") or place is None):
            return org.type, None, org, None
        if label == "PERSON" and n_tokens > 1 and fold(name.split()[-1]).lower() in INSTITUTION_HEADS:
            return "ORG", None, None, None  # "Socotra Hotel", "Brighton High School": no one's family name
        if label in ("GPE", "LOC") and n_tokens > 1 and place is None and fold(name.split()[-1]) in BODY_OF_PLACE_HEADS:
            return "ORG", None, None, None  # "West Yorkshire Police", "Kent County Council": a body, not the place
        if label in ("ORG", "GPE", "LOC", "NORP") and place is None and plain and (
                self.looks_personal(name) or personal):
            # "Brock Holt" tagged ORG: a given name and a family name; "Chalida Tajaroensuk,
            # who heads …", "Simasiku, director at …": a person's name by its context
            return "PERSON", None, None, None
        if place is not None:
            big = place.is_country or place.capital_of or place.population >= 1_000_000
            if label in ("GPE", "LOC") or label in REPAIRABLE_LABELS:
                return place.type, place, None, None
            if label == "PERSON" and (n_tokens == 1 and big or n_tokens > 1 and place.is_country):
                return "GPE", place, None, None  # ("Burkina Faso" tagged as a person)
            if label == "ORG" and (place.is_country or place.capital_of):
                return "GPE", place, None, None  # ("Zimbabwe's capital, Harare," tagged as a body)
        if demonym and label != "PERSON":
            return "NORP", None, None, demonym
        if label in REPAIRABLE_LABELS:  # kept only if it turns out to be a person's name
            return "MISC", None, None, None
        return NAME_LABELS[label], None, None, None

    def _given_name_before(self, doc: Doc, start: int) -> bool:
        """Is ``doc[start - 1]`` an untagged given name of the one-word name at ``start``
        (a capitalised proper noun the parser compounded to it, no title, role or
        organisation word, no known place, not the end of a longer run of names)?"""
        if start < 1:
            return False
        tok = doc[start - 1]
        return (tok.dep_ == "compound" and tok.head.i == start and tok.pos_ == "PROPN" and tok.is_title
                and tok.is_alpha and not tok.ent_type_ and tok.whitespace_ == " "
                and fold(tok.text) not in TITLES and tok.lower_ not in PERSON_NOUNS
                and tok.lower_ not in ORG_HEADS and tok.lower_ not in _ORGISH
                and self.gaz.place(tok.text) is None and self.gaz.org(tok.text) is None
                and not (start >= 2 and doc[start - 2].pos_ == "PROPN"))

    def looks_personal(self, name: str) -> bool:
        """``Given Family`` (two or three title-case words, the first a common given name,
        none an organisation or outlet word): a person's name whatever the tagger said."""
        words = name.split()
        if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w[1:].islower() and w.isalpha()
                                                for w in words):
            return False
        if fold(words[0]) not in self.gaz.given_names or fold(words[-1]) in self.gaz.given_names \
                and len(words) == 2 and fold(words[-1]) not in FAMILY_TOO:
            return False
        return not any(w.lower() in ORG_HEADS or w.lower() in _ORGISH for w in words[1:])

    def _is_country(self, tok) -> bool:
        place = self.gaz.place(tok.text)
        return place is not None and place.is_country

    def _person_np(self, doc: Doc, m: Mention, start: int) -> None:
        """Extend a person mention over its noun phrase's pre-modifiers; read the role."""
        name_end_tok = m.head + 1
        j = start
        while j > 0:
            tok = doc[j - 1]
            if tok.dep_ in ("poss", "case", "cc", "conj", "appos", "prep") or tok.tag_ == "POS":
                break
            if tok.is_punct and tok.text != "-":
                break
            if tok.text in _QUOTES or "\n" in tok.whitespace_ or tok.is_space:
                break
            if self._outside_person_np(tok):
                break
            if not (j - 1 < tok.head.i < name_end_tok):
                break
            if j == start and tok.is_title and self._is_country(tok):
                break  # "… for Myanmar | Andrew Kirkwood": the country before a name is not its title
            if j == start and tok.pos_ == "NOUN" and tok.is_lower and tok.lower_.endswith(ABSTRACT_ENDINGS):
                break  # "Indian reluctance | Richard Weitz": a sub-heading run into the text, no role
            if tok.pos_ in ("VERB", "AUX") and (tok.i > 0 and doc[tok.i - 1].pos_ in ("PROPN", "PRON") or any(
                    c.i < tok.i and c.pos_ in ("PROPN", "NOUN", "PRON") for c in tok.children)):
                break  # "Trump hosted Erdogan": a verb after a name is a clause, not a title
            j -= 1
        if j < start:
            m.start = doc[j].idx
            k = j
            while k < start and doc[k].pos_ in ("DET", "PRON"):
                k += 1
            if k < start:
                role = doc_text(doc)[doc[k].idx:doc[start - 1].idx + len(doc[start - 1].text)]
                m.role = role.strip()
            titles = [fold(doc[i].text).rstrip(".") for i in range(j, start)]
            m.extra["titles"] = titles
        else:
            self._title_of(doc, m)

    @staticmethod
    def _outside_person_np(tok) -> bool:
        """Words a parser may hang on a name that are no part of its noun phrase: a focus adverb
        ("only Jenna"), a distributive determiner ("Both Chao and Yang") or a time expression
        ("Thursday evening Bert and I went"), but not an age ("the 40-year-old leader")."""
        if tok.pos_ == "ADV" or tok.lower_ in DISTRIBUTIVES:
            return True
        return tok.ent_type_ == "TIME" or tok.ent_type_ == "DATE" and tok.pos_ == "PROPN"

    @staticmethod
    def _title_of(doc: Doc, m: Mention) -> None:
        """``Secretary of State Maria Delgado``, ``Minister of Finance Ali Musa``: a capitalised
        "Title of Department" just before a name is the person's role and part of the mention."""
        text = doc_text(doc)
        hit = _TITLE_OF.search(text, max(0, m.start - 80), m.start)
        if hit is None:
            return
        m.start = hit.start()
        m.role = hit.group(1)
        m.extra["titles"] = [fold(w).rstrip(".") for w in hit.group(1).split()]
        m.extra["title_of"] = (hit.start(), hit.end())

    @staticmethod
    def _front_given_names(doc: Doc, body: list[Mention], known: list[Mention], covered: set) -> None:
        """``Matthew William Goode`` where the tagger found only ``William Goode`` (or the
        bare ``Padalecki`` of ``Jared Tristan Padalecki``): untagged capitalised proper nouns
        just before a person's name belong to it when the article names the same person with
        that first word elsewhere (``Matthew Goode``). The full form of a name is its first
        mention in a biography (the "first mention" convention of news style, cf. the full-name
        / short-name links of Raghunathan et al. 2010); without the given name the mention
        misses the noun phrase's head."""
        firsts: set[tuple[str, str]] = set()
        for m in known:
            words = m.name.split()
            if m.label == "PERSON" and m.kind == "name" and len(words) >= 2:
                firsts.add((words[0], words[-1]))
        if not firsts:
            return
        for m in body:
            if m.label != "PERSON" or m.kind != "name":
                continue
            start = m.extra["tok_start"]
            last = doc[m.head].text
            j = start
            while j > 0 and start - j < MAX_FRONT_NAMES and (j - 1) not in covered \
                    and doc[j - 1].pos_ == "PROPN" and doc[j - 1].is_title and doc[j - 1].is_alpha \
                    and "\n" not in doc[j - 1].whitespace_:
                j -= 1
            front = next((k for k in range(j, start) if (doc[k].text, last) in firsts), None)
            if front is None:
                continue
            m.extra["tok_start"] = front
            m.name_start = doc[front].idx
            m.start = min(m.start, m.name_start)
            m.name = doc_text(doc)[m.name_start:m.name_end]
            covered.update(range(front, start))

    def _propagate(self, doc: Doc, found: list[Mention], covered: set, sent_of) -> list[Mention]:
        """Other occurrences of a name found elsewhere in the article (one sense per
        document, as in the non-local features of Krishnan & Manning 2006)."""
        words = words_of(doc)
        first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for m in found:
            if m.kind == "name" and len(m.name) >= 3 and m.label not in ("NORP", "MISC"):
                seq = tuple(words[m.extra["tok_start"]:m.head + 1])
                if any("\n" in w for w in seq):
                    continue
                first.setdefault(seq[0], []).append((seq, m.label))
                if m.label == "PERSON" and len(seq) > 1:  # and the family name alone
                    fam = family_name(name_words(m.name))
                    word = next((w for w in seq if fold(w) == fam), None)
                    if word and len(word) >= 3 and word[0].isupper():
                        first.setdefault(word, []).append(((word,), "PERSON"))
        if not first:
            return []
        for cands in first.values():
            cands.sort(key=lambda c: -len(c[0]))
        n = len(words)

        def match_at(i: int):
            for seq, label in first.get(words[i], ()):
                e = i + len(seq)
                if e <= n and tuple(words[i:e]) == seq and not any(k in covered for k in range(i, e)) \
                        and not (e < n and words[e] == "-" and not doc[e - 1].whitespace_):
                    return e, label
            return None
        return self._scan(doc, covered, sent_of, match_at)

    def _scan(self, doc: Doc, covered: set, sent_of, match_at) -> list[Mention]:
        """Left-to-right scan: ``match_at(i)`` gives ``(end, label)`` of a name at token i."""
        out = []
        n = len(doc)
        i = 0
        while i < n:
            hit = None if i in covered else match_at(i)
            if hit is None:
                i += 1
                continue
            m = self._make(doc, i, hit[0], hit[1], sent_of)
            if m is not None:
                out.append(m)
                covered.update(range(i, hit[0]))
            i = hit[0]
        return out

    def _nested_places(self, doc: Doc, found: list[Mention], sent_of) -> list[Mention]:
        """Places and known organisations named inside organisation names (``Fan Expo
        Canada``, ``University of Texas``, ``Google Science Fair``)."""
        out = []
        for m in found:
            # "The New York Times", "the Boston Red Sox": a place inside an outlet's or a known
            # organisation's name; a place's name ("Roman Britain", "Genoa City") is one place
            if m.label in ("PERSON", "NORP", "GPE", "LOC") or " " not in m.name \
                    or (m.gid and not m.gid.startswith("o:")):
                continue
            span = doc.char_span(m.name_start, m.name_end)
            if span is None:
                continue
            # in an outlet's or a known organisation's name only a place that opens it or follows
            # "of" ("The New York Times", "Bank of England"; not "Prensa Latina")
            leading = m.label == "NEWS_OUTLET" or m.gid is not None
            for i in range(span.start, span.end):
                if leading and i > span.start and doc[i - 1].lower_ not in ("of", "de"):
                    continue
                for n in (2, 1):
                    if i + n > span.end or (n == 1 and out and out[-1].head >= i):
                        continue
                    sub = doc[i:i + n]
                    if not sub.text[:1].isupper() or (sub.start == span.start and sub.end == span.end):
                        continue
                    place = self.gaz.place(sub.text)
                    if place is not None and (place.is_country or place.capital_of or
                                              place.population >= 100_000 or
                                              (place.country == "USA" and not place.coords)):
                        label = "GPE"
                    elif self.gaz.org(sub.text) is not None and sub[0].pos_ == "PROPN":
                        label = "ORG"
                    else:
                        continue
                    nm = self._make(doc, i, i + n, label, sent_of)
                    if nm is not None:
                        nm.start = nm.name_start
                        out.append(nm)
                    break
        return out

    def _nested_names(self, doc: Doc, found: list[Mention], done: set[int], sent_of) -> list[Mention]:
        """A name that opens a longer name and that the article also uses alone (``the Casamance
        River`` and ``Casamance``, ``the Pittsburgh Pirates`` and ``Pittsburgh``): a mention of
        its own, as nested names are in OntoNotes and GUM. ``done``: heads already nested."""
        words = words_of(doc)
        alone: dict[tuple[str, ...], str] = {}
        for m in found:
            if m.kind == "name" and m.label not in ("NORP", "MISC"):
                alone.setdefault(tuple(words[m.extra["tok_start"]:m.head + 1]), m.label)
        out = []
        for m in found:
            if m.label in NOT_NESTING_LABELS or m.kind != "name":
                continue
            start = m.extra["tok_start"]
            while start < m.head and words[start].lower() in DETERMINERS:
                start += 1
            # the opening words ("the Pittsburgh Pirates"), or what follows "of" ("University of Lodz")
            spans = [(start, end) for end in range(m.head, start, -1)]
            spans += [(k + 1, m.head + 1) for k in range(start + 1, m.head) if words[k] == "of"]
            for s_, e_ in spans:
                label = alone.get(tuple(words[s_:e_]))
                if label is None or e_ - 1 in done:
                    continue
                nm = self._make(doc, s_, e_, label, sent_of)
                if nm is not None:
                    nm.start = nm.name_start
                    out.append(nm)
                break
        return out

    @staticmethod
    def _name_word(tok, lower: set[str]) -> bool:
        """A capitalised word the tagger left untagged that the article never writes in lower
        case (so not a common word capitalised by its position or a heading). A word in capitals
        throughout ("CTU", a shouted "RUTH") carries no case evidence either way."""
        return tok.is_alpha and len(tok.text) > 1 and tok.text[:1].isupper() and not tok.is_upper and not tok.ent_type_ and tok.lower_ not in lower \
            and tok.lower_ not in _SMALL_WORDS and tok.lower_ not in PRONOUN_WORDS \
            and fold(tok.text).rstrip(".") not in TITLES

    @staticmethod
    def _whole_name(doc: Doc, start: int, end: int) -> bool:
        """No capitalised word, tagged name or number right after tokens start..end, nor one
        after a joining "of"/"for" ("Democracy for America", "Figure 2")."""
        n = len(doc)
        after = end + 1 if end + 1 < n and doc[end].lower_ in _JOINERS else end
        for k in (end, after):
            if k < n and (doc[k].ent_type_ in NAME_LABELS or doc[k].is_digit or doc[k].is_alpha
                          and doc[k].text[:1].isupper() and doc[k].lower_ not in PRONOUN_WORDS):
                return False
        return True

    def _recurring_names(self, doc: Doc, covered: set, sent_of) -> list[Mention]:
        """Proper nouns the tagger missed: a run of capitalised words (a proper noun at least
        once) that the article uses at least twice, once or more inside a sentence, and never
        writes in lower case ("Elsevier", "The Onion"): the document-level capitalisation
        evidence of Mikheev (1999, "A knowledge-free method for capitalized word
        disambiguation", ACL) and of GUM's own proper-name test. A given name is a person;
        anything else an organisation until the clusterer hears otherwise."""
        words = words_of(doc)
        lower = {w.lower() for w in words if w[:1].islower()}
        n = len(doc)
        runs: dict[tuple[str, ...], list[int]] = {}
        i = 0
        while i < n:
            # (a word not capitalised, or of one letter, is no name word: no token made for it)
            if i in covered or not _may_be_name_word(words[i]) or not self._name_word(doc[i], lower):
                i += 1
                continue
            j = i + 1
            while j < n and j - i < MAX_RECURRING_WORDS and j not in covered and doc[i].whitespace_ \
                    and "\n" not in doc[j - 1].whitespace_ and _may_be_name_word(words[j]) \
                    and self._name_word(doc[j], lower):
                j += 1
            runs.setdefault(tuple(words[i:j]), []).append(i)
            i = j
        found: dict[str, str] = {}
        for seq, starts in runs.items():
            if len(starts) < MIN_RECURRENCE:
                continue
            if not all(self._whole_name(doc, s, s + len(seq)) for s in starts):
                continue  # a piece of a longer name ("Democracy" of "Democracy for America")
            toks = [doc[k] for s in starts for k in range(s, s + len(seq))]
            if not any(t.pos_ == "PROPN" for t in toks) or all(doc[s].is_sent_start or (
                    s > 0 and "\n" in doc[s - 1].text + doc[s - 1].whitespace_) for s in starts):
                continue
            person = fold(seq[0]) in self.gaz.given_names or len(seq) > 1 and self.looks_personal(" ".join(seq))
            found[" ".join(seq)] = "PERSON" if person else "ORG"
        if not found:
            return []

        def match_at(i: int):
            for e in range(min(n, i + MAX_RECURRING_WORDS), i, -1):
                label = found.get(" ".join(words[i:e]))
                if label:
                    return e, label
            return None
        return self._scan(doc, covered, sent_of, match_at)

    def _conjuncts(self, doc: Doc, found: list[Mention], sent_of) -> list[Mention]:
        """``Dye & Bavelier``, ``Lewis, Simons, & Fennig``: a tagged span that coordinates
        family names (a citation, a duo) holds a mention of each person, nested as GUM and
        OntoNotes nest them; the whole stays the mention of the group. Known organisations
        ("Procter & Gamble" in the gazetteer) keep their name whole."""
        out = []
        for m in found:
            if m.kind != "name" or m.gid or m.label not in ("PERSON", "ORG"):
                continue
            pieces, piece = [], []
            for tok in doc[m.extra["tok_start"]:m.head + 1]:
                if tok.text in CONJUNCT_SEPARATORS:
                    pieces.append(piece)
                    piece = []
                elif tok.is_title and (tok.is_alpha or "-" in tok.text):
                    piece.append(tok.i)
                else:
                    break
            pieces.append(piece)
            if len(pieces) < 2 or not all(1 <= len(p) <= MAX_CONJUNCT_WORDS for p in pieces):
                continue
            if m.label != "PERSON" and "&" not in m.name:
                continue  # "National Aeronautics and Space Administration" is one name
            for p in pieces:
                nm = self._make(doc, p[0], p[-1] + 1, "PERSON", sent_of)
                if nm is not None:
                    nm.start = nm.name_start
                    out.append(nm)
        return out

    def _scan_untagged(self, doc: Doc, covered: set, sent_of) -> list[Mention]:
        """Countries, capitals, known organisations and ``X Corps``-style names the tagger missed."""
        gaz = self.gaz
        words = words_of(doc)
        text = doc_text(doc)
        n = len(doc)

        def match_at(i: int):
            w = words[i]
            if not w[:1].isupper() or not w.isalpha():
                return None
            tok = doc[i]
            j = i
            while j < n and j - i < 6 and j not in covered and (
                    words[j][:1].isupper() or (j > i and words[j].lower() in _JOINERS)):
                j += 1
            for e in range(j, i, -1):  # longest first
                if words[e - 1].lower() in _JOINERS:
                    continue
                name = text[tok.idx:doc[e - 1].idx + len(words[e - 1])]
                place = gaz.place(name)
                if place is not None and (place.is_country or place.capital_of) and \
                        (e - i > 1 or tok.pos_ == "PROPN" or tok.is_upper):
                    return e, "GPE"
                if gaz.org(name) is not None and (e - i > 1 or tok.pos_ == "PROPN"):
                    return e, "ORG"
                if e - i >= 2 and words[e - 1].lower() in ORG_HEADS and words[e - 1][:1].isupper() \
                        and tok.pos_ == "PROPN":
                    return e, "ORG"
            # "Ana Ruiz, the union leader": a given name and a family name the tagger missed
            for e in (min(j, i + 3), min(j, i + 2)):
                if e - i >= 2 and _plain_names(doc, i, e) and self.looks_personal(
                        text[tok.idx:doc[e - 1].idx + len(words[e - 1])]):
                    return e, "PERSON"
            return None
        return self._scan(doc, covered, sent_of, match_at)

    # -- pronouns and descriptions ----------------------------------------------------------
    def pronouns(self, doc: Doc, sent_of, taken: set) -> list[Mention]:
        out = []
        for i, w in enumerate(words_of(doc)):
            low = w.lower()
            if low == "there" and doc[i].dep_ == "advmod" and i not in taken:
                # "She moved to Lyon and worked there": a place (not the "there" of "there is")
                tok = doc[i]
                out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "", "pronoun", tok.i,
                                   sent_of[tok.i], tok.idx, tok.idx + len(tok.text), number="loc"))
                continue
            if low not in PRONOUNS:
                continue
            tok = doc[i]
            # "Her former professor, Koolhaas": a possessive inside an appositive or a
            # predicate noun phrase is a mention of its own (of someone else)
            if i in taken and tok.tag_ != "PRP$":
                continue
            if tok.tag_ in ("PRP", "PRP$"):
                g, num = PRONOUNS[low]
                out.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "", "pronoun",
                                   tok.i, sent_of[tok.i], tok.idx, tok.idx + len(tok.text),
                                   gender=g, number=num))
        return out

    def descriptions(self, doc: Doc, sent_of, taken: set,
                     name_heads: Optional[dict[str, str]] = None) -> list[Mention]:
        """Definite descriptions (``the senator``, ``the company``) and appositives of names.
        ``name_heads``: head nouns of the article's organisation and place names ("museum" of
        "the Pera Museum") with their label; "the museum" is then a description too."""
        out = []
        name_heads = name_heads or {}
        for i, w in enumerate(words_of(doc)):
            w = w.lower()
            if (w not in _DESC_NOUNS and w[:-1] not in _DESC_NOUNS and w not in name_heads
                    and not industry_noun(w)) or i in taken:
                continue
            tok = doc[i]
            if tok.pos_ != "NOUN" and not _capitalised_title(tok):
                continue
            low = tok.lemma_.lower()
            if low not in _DESC_NOUNS and low in name_heads:
                label = name_heads[low]
            elif low in PERSON_NOUNS or low in DESC_PERSON_NOUNS:
                label = "PERSON"
            elif low in ORG_NOUNS or low in DESC_ORG_NOUNS or industry_noun(low):
                label = "ORG"  # "the carmaker", "the insurer": a firm by its trade
            elif low in PLACE_NOUNS:
                label = "GPE"
            else:
                continue
            if tok.dep_ == "compound" or tok.tag_ in ("NNS", "NNPS") and label == "PERSON":
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ not in ("PRON", "DET", "PUNCT") \
                    and doc[tok.i + 1].text[:1].isupper() and not doc[tok.i + 1].is_sent_start \
                    and doc[tok.i + 1].ent_type_ not in ("DATE", "TIME") and label != "PERSON":
                continue  # "the publishing giant Elsevier", "the state weather agency PAGASA": the name's own
                # noun, said with it, not a mention of another organisation named before
            dets = [c for c in tok.children if c.dep_ == "det"]
            poss = [c for c in tok.children if c.dep_ == "poss"]
            owner = None
            if poss and not dets and label == "PERSON":
                # "the province's premier", "the company's chief", "Canada's top diplomat"
                p_ = poss[0]
                if p_.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in p_.children) \
                        or p_.pos_ == "PROPN":
                    owner = range(p_.left_edge.i, p_.right_edge.i + 1)
            # "his wife", "her lawyer": the role of someone an appositive has named ("his wife, Ana
            # Ruiz"); only the holder of that role takes it (no generic reading)
            held = bool(poss) and not dets and label == "PERSON" and poss[0].tag_ == "PRP$"
            if owner is None and not held and (not dets or dets[0].lower_ not in ("the", "this", "that")):
                continue
            left = tok.left_edge.i
            # a name may modify a role ("the top U.S. diplomat"), never an organisation's or place's head
            if any(i in taken and not (label == "PERSON" and (doc[i].dep_ in ("compound", "amod", "nmod")
                                                              or owner is not None and i in owner))
                   and not (label == "ORG" and low not in STATE_BODY_NOUNS and tok.i - left <= 4
                            and not any(doc[k].lower_ in NEW_ONE_WORDS for k in range(left, tok.i))
                            and _describing_name(doc, i))
                   for i in range(left, tok.i)):
                continue
            right = tok.i + 1
            for c in tok.rights:
                if c.dep_ in ("prep", "acl", "relcl") and c.right_edge.i - tok.i <= 12:
                    right = c.right_edge.i + 1
                    break
            start, end = doc[left].idx, doc[right - 1].idx + len(doc[right - 1].text)
            out.append(Mention(start, end, doc_text(doc)[start:end], label, "desc", tok.i,
                               sent_of[tok.i], start, end, number="pl" if tok.tag_ == "NNS" else "sg",
                               extra={"noun": low, "held": held}))
        out.extend(self._demonym_people(doc, sent_of))
        return out

    @staticmethod
    def _demonym_people(doc: Doc, sent_of) -> list[Mention]:
        """"The Italian said", "the Republican has defended": a nationality or party word the
        tagger marked (NORP) that heads a singular noun phrase after *the* is a person described
        by it (a generic description, like "the 40-year-old"), not the nation or party."""
        out = []
        for tok in doc:
            if tok.ent_type_ != "NORP" or tok.tag_ not in ("NNP", "NN") or tok.dep_ not in DEMONYM_PERSON_DEPS:
                continue
            dets = [c for c in tok.children if c.dep_ == "det"]
            if len(dets) != 1 or dets[0].lower_ != "the" or dets[0].i != tok.i - 1 \
                    or any(c.dep_ not in ("det", "punct") for c in tok.children) or tok.text.endswith("s"):
                continue
            start, end = dets[0].idx, tok.idx + len(tok.text)
            out.append(Mention(start, end, doc_text(doc)[start:end], "PERSON", "desc", tok.i, sent_of[tok.i],
                               start, end, number="sg", extra={"noun": tok.lower_, "held": False, "demonym": True}))
        return out
