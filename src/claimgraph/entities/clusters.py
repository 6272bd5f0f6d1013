"""Name clustering within one article: a multi-pass sieve over name mentions.

After Raghunathan et al. (2010, "A Multi-Pass Sieve for Coreference Resolution", EMNLP)
and Lee et al. (2013): passes run from the most to the least precise, and each pass
only merges what the earlier ones left apart.

1. identity: same gazetteer id (``DPRK`` = ``North Korea``, ``AP`` = ``Associated
   Press``) or the same normalised name;
2. explicit aliases: "also known as", "formerly", parenthesised acronyms;
3. acronyms: an all-capitals name equal to the initials of another organisation;
4. person short forms: a single family name (or title + family name) joins the closest
   full name with that family name (family-name-first names: ``Kim Jong-un`` -> ``Kim``);
   longer/shorter forms of one name (``Hernan Gomez`` / ``Hernan Dario Gomez``);
5. romanisation variants (``Yun`` / ``Yoon``, ``I Won-il`` / ``Yi Won-il``): only with the
   same given name, or for a bare family name when exactly one person in the article
   has a variant of it;
6. places: a capital joins its country when the country is named in the article
   (metonymy: ``Moscow insists``), a part of a place name its whole (``Kursk`` ->
   ``Kursk region``, ``Korea`` -> ``South Korea``) when only one place fits.
"""
from __future__ import annotations

import re
from typing import Optional

from rapidfuzz.distance import Levenshtein

from claimgraph.lexicon.gazetteer import norm_key
from claimgraph.entities.mentions import PLACE_FEATURE_HEADS, Mention
from claimgraph.entities.names import (FEMALE_TITLES, MALE_TITLES, abbreviates, acronyms, family_name, given_names, is_acronym,
                                       name_words, variants)

PLACE_LABELS = ("GPE", "LOC")
ORG_LABELS = ("ORG", "NEWS_OUTLET", "GOVERNMENT")
# words after a name that make it a company's or an institution's ("Harvard University", "Harrow
# School")
ORG_SUFFIX_WORDS = frozenset("""university college inc corp corporation company co ltd llc plc group
airlines airways holdings school academy institute shipping motors pharmaceuticals technologies logistics
industries telecom petroleum bancorp""".split())
SCHOOL_WORDS = frozenset("university college school academy institute".split())
DEFINITE = "the "  # what stands before a short form ("the Commission")
# buildings and grounds: "the Palace", "the Museum" as often stand for one the article does not name
FACILITY_WORDS = frozenset("""palace museum church cathedral castle mosque temple hall house tower bridge
park hotel theatre theater stadium arena airport station square street market garden gardens center
centre""".split())
ORG_WORDS = ORG_SUFFIX_WORDS | FACILITY_WORDS | frozenset("""party council committee ministry department
office government institute school bank association union club team league federation city state
national united court""".split())
# "X, also known as Y", "X (formerly Y)", "X, or Y": a bare "or" ("Scotland or England") is a choice
_AKA = re.compile(r"^\s*(?:,?\s*\(?\s*(?:also known as|also called|known as|a\.k\.a\.?|aka|"
                  r"formerly(?: known as)?)|(?:,|\()\s*or)\s+(?:the\s+)?[\"“]?$", re.I)
# a person's other name: "Mohamed, known by his nickname Farmajo", "Jones, nicknamed “Ace”"
_PERSON_AKA = re.compile(r"^\s*(?:,|\()?\s*(?:(?:also|better|widely|popularly)\s+)?(?:known\s+(?:as|by\s+(?:his|her|"
                         r"their|the)\s+(?:nick)?name)|nicknamed|dubbed|a\.k\.a\.?|aka|also\s+called)\s+[\"“]?$", re.I)
_PAREN = re.compile(r"^\s*\(\s*$")


def person_words(m: Mention) -> list[str]:
    return name_words(m.name)


MIN_MISSPELT = 5


def _known_apart(a: Mention, b: Mention) -> bool:
    """Two names the gazetteer knows as two things, or a place and a news outlet: a dateline's
    "MADRID (AP)" is no name with its acronym in brackets."""
    if a.gid and b.gid and a.gid != b.gid:
        return True
    return "NEWS_OUTLET" in (a.label, b.label) and (a.label in PLACE_LABELS or b.label in PLACE_LABELS)


def misspelling_of(word: str, family: str) -> bool:
    """``word`` is one edit away from the family name ``family`` (both lower case, both at
    least :data:`MIN_MISSPELT` letters): a misspelling, as copy makes them ("Pederson" for
    Pedersen, "Equiluz" for Eguiluz); not the name with a final "s" added or dropped
    ("Barclays" after "Steve Barclay" is the bank, "the Clintons" a family)."""
    if word.rstrip("s") == family.rstrip("s"):
        return False  # a final "s" makes another word: the family ("the Clintons"), a firm ("Barclays")
    return len(word) >= MIN_MISSPELT and len(family) >= MIN_MISSPELT and Levenshtein.distance(word, family) == 1
# a given name alone joins a full name of at most this many words ("Mario J. Lucero")
MAX_GIVEN_NAME_OWNER_WORDS = 3  # family names shorter than this are too close to each other (Kim, Kin)


class NameSieve:
    """Clusters name mentions (indices into the list given to :meth:`cluster`)."""

    def __init__(self, given_names_gender: Optional[dict[str, str]] = None):
        self.given_gender = given_names_gender or {}

    def cluster(self, text: str, ms: list[Mention]) -> list[list[int]]:
        parent = list(range(len(ms)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(a, b):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        # pass 1: identity (gazetteer id or normalised name); short person names wait
        by_key: dict[str, int] = {}
        short_people = []
        for i, m in enumerate(ms):
            if m.label == "PERSON" and len(person_words(m)) <= 1:
                short_people.append(i)
                continue
            if m.extra.get("adjective"):
                continue  # "Russian officials", "American troops": a nationality adjective is not a mention
            key = m.gid or (self.person_key(m) if m.label == "PERSON" else norm_key(m.name))
            if key in by_key:
                union(by_key[key], i)
            else:
                by_key[key] = i
            self._same_spelling(ms, i, by_key, union)
        # pass 2: explicit aliases ("X, also known as Y"; "X (Y)")
        for a, b in zip(range(len(ms)), range(1, len(ms))):
            between = text[ms[a].name_end:ms[b].start]
            if ms[a].label not in ("PERSON",) and _PAREN.match(between) and abbreviates(ms[b].name, ms[a].name):
                # "the Northern Rivers Dairy Cooperative (NoRDCo)", "(Nato)": the initials in
                # brackets are the name's short form, however the tagger typed them
                ms[b].label = ms[a].label
                union(a, b)
            elif ms[a].label not in ("PERSON",) and (_AKA.match(between) or (
                    _PAREN.match(between) and is_acronym(ms[b].name) and not _known_apart(ms[a], ms[b]))):
                if ms[b].label != "PERSON" or ms[a].label == "PERSON":
                    union(a, b)
            elif ms[a].label == "PERSON" and ms[b].label != "NORP" and _PERSON_AKA.match(between):
                union(a, b)
            if ms[b].link is not None:
                union(ms[b].link, b)
        # pass 3: acronyms of organisations
        full_by_acr: dict[str, int] = {}
        for i, m in enumerate(ms):
            if m.label not in ("PERSON", "NORP") and not is_acronym(m.name) and " " in m.name:
                for short in acronyms(m.name):
                    full_by_acr.setdefault(short, i)
        for i, m in enumerate(ms):
            if is_acronym(m.name) and m.label not in ("PERSON", "NORP"):
                j = full_by_acr.get(m.name.replace(".", ""))
                if j is not None and ms[j].label not in PLACE_LABELS or (
                        j is not None and m.label in PLACE_LABELS):
                    union(i, j)
        # pass 4 and 5: people
        self._people(ms, short_people, find, union, by_key)
        # pass 6: places
        self._places(ms, find, union)
        # pass 7: short forms of organisation names
        self._org_short_forms(ms, find, union)
        # pass 8: "the Commission" for the one organisation with that head
        self._head_short_forms(text, ms, find, union)
        groups: dict[int, list[int]] = {}
        for i in range(len(ms)):
            groups.setdefault(find(i), []).append(i)
        return sorted(groups.values(), key=lambda g: ms[g[0]].start)

    @staticmethod
    def _same_spelling(ms: list[Mention], i: int, by_key: dict[str, int], union) -> None:
        """The same name spelt the same way is one entity whatever label the tagger gave each
        occurrence ("Tulsa" as a place and, once, as a person; "Daniel's" as an organisation):
        one sense per discourse (Gale, Church & Yarowsky 1992), as the exact-match pass of
        Raghunathan et al. (2010) applies it. Two different gazetteer ids stay apart."""
        key = "=" + norm_key(ms[i].name)
        j = by_key.get(key)
        if j is None:
            by_key[key] = i
        elif not (ms[i].gid and ms[j].gid and ms[i].gid != ms[j].gid):
            union(j, i)

    @staticmethod
    def person_key(m: Mention) -> str:
        return " ".join(w.replace("-", " ") for w in person_words(m))

    def _people(self, ms, short_people, find, union, by_key) -> None:
        full = [i for i, m in enumerate(ms) if m.label == "PERSON" and len(person_words(m)) > 1]
        # longer and shorter forms of one full name; variants with the same given name
        info = {i: person_words(ms[i]) for i in full}
        for x in full:
            wx = info[x]
            for y in full:
                if y <= x or find(x) == find(y):
                    continue
                wy = info[y]
                if self._same_full_name(wx, wy):
                    union(x, y)
        # bare family names: closest full name with that family name, else a unique variant
        fam: dict[str, list[int]] = {}
        for i in full:
            f = family_name(info[i])
            if f:
                fam.setdefault(f, []).append(i)
        singles: dict[str, int] = {}
        for i in short_people:
            words = person_words(ms[i]) or [ms[i].name.lower()]
            w = family_name(words[:1])  # ("al-Assad" and "Assad" alike)
            agreeing = self._agreeing(ms[i], fam.get(w, []), info)
            if fam.get(w) and not agreeing:  # "Mr. Marbles" after "Jenna Marbles": someone else
                key = f"{w}/{ms[i].extra.get('titles')}"
                if key in singles:
                    union(singles[key], i)
                else:
                    singles[key] = i
                continue
            target = self._closest(ms, agreeing, i, find)
            if target is None:
                cands = {find(j) for v in variants(w) if v != w for j in fam.get(v, [])}
                if len(cands) == 1:
                    target = self._closest(ms, [j for v in variants(w) for j in fam.get(v, [])], i)
            if target is None:
                target = self._misspelt_owner(ms, fam, w, i, find)
            if target is None and "=" + norm_key(ms[i].name) in by_key:
                target = by_key["=" + norm_key(ms[i].name)]  # same name with another label
            if target is None:
                target = self._given_name_owner(w, full, info, find)
            if target is not None:
                union(target, i)
            elif w in singles:
                union(singles[w], i)
            else:
                singles[w] = i
        # single family names of clusters that are not people (tagger label slips: "Yun" as GPE)
        # names written with an article ("the Mets") are no one's given name
        with_article = {norm_key(m.name) for m in ms if m.label != "PERSON" and m.start < m.name_start}
        for i, m in enumerate(ms):
            if m.label in ("GPE", "ORG", "LOC", "MISC") and m.gid is None and " " not in m.name:
                target = self._closest(ms, fam.get(m.name.lower(), []), i)
                if target is None and m.label not in PLACE_LABELS:
                    target = self._misspelt_owner(ms, fam, m.name.lower(), i, find)  # "Equiluz" as ORG
                if target is None and m.label not in PLACE_LABELS and person_words(m) \
                        and norm_key(m.name) not in with_article:
                    target = self._given_name_owner(person_words(m)[0], full, info, find)
                if target is not None:
                    union(target, i)
                    m.label = "PERSON"

    def _misspelt_owner(self, ms, fam: dict[str, list[int]], word: str, i: int, find) -> Optional[int]:
        """A misspelt family name ("Pederson" for the "Geir Pedersen" named before, "Equiluz"
        for "Luis Eguiluz"): one edit away from exactly one person's family name."""
        near = [j for f, js in fam.items() if misspelling_of(word, f) for j in js]
        return self._closest(ms, near, i) if len({find(j) for j in near}) == 1 else None

    def _agreeing(self, m: Mention, cands: list[int], info: dict[int, list[str]]) -> list[int]:
        """The full names a titled family name can stand for: "Mr. Marbles" is not the "Jenna
        Marbles" named before, nor "Mrs. Clinton" a "Bill Clinton" (the gender agreement that
        keeps two mentions apart in the sieve of Lee et al. 2013)."""
        titles = m.extra.get("titles") or ()
        g = "m" if any(t in MALE_TITLES for t in titles) else "f" if any(t in FEMALE_TITLES for t in titles) else None
        if g is None or not cands:
            return cands

        def gender(j: int) -> Optional[str]:
            given = given_names(info[j])
            return self.given_gender.get(given[0]) if given else None
        return [j for j in cands if gender(j) in (None, g)]

    @staticmethod
    def _given_name_owner(word: str, full: list[int], info: dict[int, list[str]], find) -> Optional[int]:
        """The one full name a given name alone stands for ("Ahmed" after "Ahmed Mohamed",
        "Mario" after "Mario J. Lucero"), as in the name-matching pass of Raghunathan et al.
        (2010); None when two people share the given name."""
        firsts = {find(j) for j in full if info[j][0] == word and len(info[j]) <= MAX_GIVEN_NAME_OWNER_WORDS}
        return firsts.pop() if len(firsts) == 1 else None

    @staticmethod
    def _same_full_name(wx: list[str], wy: list[str]) -> bool:
        if wx == wy:
            return True
        # "Ahmed Mohamed Image": the tagger ran a full name into the next word; "Clara Martinez
        # Canton" / "Martinez Canton": a double family name without the given name
        if len(wx) != len(wy) and min(len(wx), len(wy)) >= 2 and (
                wx[:len(wy)] == wy or wy[:len(wx)] == wx or wx[-len(wy):] == wy or wy[-len(wx):] == wx):
            return True
        gx, gy = given_names(wx), given_names(wy)
        fx, fy = family_name(wx), family_name(wy)
        if fx is None or fy is None:
            return False
        norm = [" ".join(g).replace("-", "") for g in (gx, gy)]
        if fx != fy:  # romanisation variants need the same given name
            return fx in variants(fy) and norm[0] == norm[1] and bool(norm[0])
        # "Hernan Gomez" / "Hernan Dario Gomez": same first and family name, one has a middle
        if gx and gy and gx[0] == gy[0] and (len(gx) == 1 or len(gy) == 1):
            return True
        # "Jens Otto Harry Jespersen" / "Otto Jespersen": the one given name someone goes by is
        # one of the middle names of the full name
        return len(gy) == 1 and gy[0] in gx[1:] or len(gx) == 1 and gx[0] in gy[1:]

    @staticmethod
    def _closest(ms: list[Mention], cands: list[int], i: int, find=None) -> Optional[int]:
        """The candidate a bare family name means: the person named most often before it
        (the article's main subject keeps the short form), then the closest."""
        if not cands:
            return None
        before = [j for j in cands if ms[j].start < ms[i].start]
        if not before:
            return min(cands, key=lambda j: ms[j].start)
        if find is None or len({find(j) for j in before}) == 1:
            return max(before, key=lambda j: ms[j].start)
        weight: dict[int, int] = {}
        first: dict[int, int] = {}
        for j in range(i):
            r = find(j)
            weight[r] = weight.get(r, 0) + 1
            first.setdefault(r, ms[j].start)
        # on a tie, the one introduced first: a relative named later ("Her son, David Marsh") is
        # told apart by the given name, the article's subject keeps the bare family name
        return max(before, key=lambda j: (weight.get(find(j), 0), -first[find(j)], ms[j].start))

    @staticmethod
    def _org_short_forms(ms, find, union) -> None:
        """``Harvard`` / ``Harvard University``, ``American`` / ``American Airlines``: a name and
        the same name with a company or institution word after it; ``the Republican Party`` /
        ``U.S. Republican Party``, ``the Red Sox`` / ``the Boston Red Sox``: an organisation's
        name without the place before it. Only where one organisation fits."""
        orgs = [j for j, m in enumerate(ms) if m.label in ORG_LABELS and " " in m.name]
        if not orgs:
            return
        words = {j: ms[j].name.split() for j in orgs}
        people_words = {w.lower() for m in ms if m.label == "PERSON" and " " in m.name for w in m.name.split()}
        for i, m in enumerate(ms):
            # "Nordwind" the tagger took for a person, after "Nordwind Shipping": the firm's short
            # form, where no person's name of several words has that word
            person_word = m.label == "PERSON" and " " not in m.name and m.name.lower() not in people_words
            if m.label not in ORG_LABELS + PLACE_LABELS and not person_word \
                    or (m.gid and m.label in PLACE_LABELS):
                continue
            wi = m.name.split()
            if all(w.lower() in ORG_WORDS for w in wi):
                continue  # "the University", "the Party": too general
            cands = set()
            for j in orgs:
                wj = words[j]
                if len(wj) <= len(wi) or find(j) == find(i):
                    continue
                extra = wj[len(wi):] if wj[:len(wi)] == wi else wj[:len(wj) - len(wi)] \
                    if wj[len(wj) - len(wi):] == wi and m.label in ORG_LABELS else None
                if extra is None:
                    continue
                if wj[:len(wi)] == wi and not all(w.lower().rstrip(".") in ORG_SUFFIX_WORDS for w in extra):
                    continue
                if wj[:len(wi)] != wi and not all(w[:1].isupper() for w in extra):
                    continue
                if person_word and (wj[:len(wi)] != wi or any(w.lower() in SCHOOL_WORDS for w in extra)):
                    continue  # (a school is named after a person or a place: "Harrow", "Rice")
                cands.add(find(j))
            target = NameSieve._most_named(cands, ms, find)
            if target is not None:
                union(target, i)
                if person_word:  # one sense per document: every "Nordwind" the tagger took for a person
                    for o in ms:
                        if o.label == "PERSON" and o.name == m.name:
                            o.label = "ORG"

    @staticmethod
    def _head_short_forms(text: str, ms, find, union) -> None:
        """``the Society`` after ``the Society of the Cincinnati``, ``the Commission`` after
        ``the European Commission``: an organisation's capitalised head noun alone, after
        *the*, is its short form (the head match of Raghunathan et al. 2010's sieve, for
        names), when one organisation named in the article has that head; with two, neither.
        Not a building's word ("the Palace"), which as often stands for one the article does
        not name."""
        heads: dict[str, set[int]] = {}
        for j, m in enumerate(ms):
            words = m.name.split()
            if m.label in ORG_LABELS and len(words) > 1:
                head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]
                heads.setdefault(head, set()).add(j)
        for i, m in enumerate(ms):
            if m.label not in ORG_LABELS or " " in m.name or m.name not in heads or m.name.lower() in FACILITY_WORDS \
                    or not text[:m.name_start].lower().endswith(DEFINITE):
                continue
            cands = {find(j) for j in heads[m.name]}
            if len(cands) == 1 and find(i) not in cands:
                union(cands.pop(), i)

    @staticmethod
    def _most_named(cands: set[int], ms, find) -> Optional[int]:
        """The one candidate cluster, or the one the article names strictly most often ("the
        Red Sox" after six "Boston Red Sox" and one "Pawtucket Red Sox"): the salience
        preference of Lappin & Leass (1994) applied to names; None on a tie."""
        if len(cands) <= 1:
            return next(iter(cands), None)
        count: dict[int, int] = {}
        for j in range(len(ms)):
            r = find(j)
            if r in cands:
                count[r] = count.get(r, 0) + 1
        ranked = sorted(cands, key=lambda r: -count.get(r, 0))
        return ranked[0] if count.get(ranked[0], 0) > count.get(ranked[1], 0) else None

    def _places(self, ms, find, union) -> None:
        country_at: dict[str, int] = {}
        for i, m in enumerate(ms):
            if m.gid and m.gid.startswith("c:"):
                country_at.setdefault(m.gid[2:], i)
        # a capital is its country only in an article that uses it for the government at
        # least once ("Moscow insists", "Kiev's allies"); "a museum in Paris" is the city
        acting = {m.gid for m in ms if m.extra.get("metonymy")}
        for i, m in enumerate(ms):
            if m.capital_of and m.capital_of in country_at and m.gid in acting:
                union(country_at[m.capital_of], i)
        # "New York City" / "New York": a city's name with and without the word "City" (not a
        # country's: "Mexico City")
        by_name = {norm_key(m.name): i for i, m in enumerate(ms) if m.label in PLACE_LABELS
                   and not (m.gid and m.gid.startswith("c:"))}  # "Mexico City" is not Mexico
        for i, m in enumerate(ms):
            key = norm_key(m.name)
            if m.label in PLACE_LABELS and key.endswith(" city") and key[:-5] in by_name:
                union(by_name[key[:-5]], i)
        multi = [i for i, m in enumerate(ms) if m.label in PLACE_LABELS and " " in m.name]
        for i, m in enumerate(ms):
            if m.label not in PLACE_LABELS or " " in m.name or m.capital_of:
                continue
            low = m.name.lower()
            # "Jeju" / "Jeju Island", "Tahoe" / "Lake Tahoe"; not "Tulsa" / "Tulsa International Airport"
            cands = {find(j) for j in multi
                     if low in (ms[j].name.lower().split()[0], ms[j].name.lower().split()[-1])
                     and ms[j].name.lower().split()[-1] not in PLACE_FEATURE_HEADS
                     and (m.gid is None or ms[j].country in (None, m.country))
                     and not (m.gid and m.gid.startswith("c:"))}
            if len(cands) == 1:
                union(cands.pop(), i)
