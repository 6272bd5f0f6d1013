"""Names of people and organisations: parts, family names, titles, variants, acronyms.

- Family name first: Korean and Chinese names put the family name first (*Kim Jong-un*,
  *Yoon Suk-yeol*, *Xi Jinping*), so the short form is the first word, not the last.
  A name is read that way when its first word is a common East Asian family name and the
  rest is a hyphenated given name (Korean romanisation) or one or two Pinyin syllables
  (Chinese). Others are read given-name first (*Kim Kardashian* -> *Kardashian*).
- Romanisation variants of Korean family names (Revised Romanisation, McCune-Reischauer
  and customary spellings: Yoon/Yun, Yi/I/Lee/Rhee, Choe/Choi, Park/Pak ...) after the
  tables of the National Institute of Korean Language; the resolver only uses them where
  the rest of the name agrees or where no other person in the article has the name.
- Titles and honorifics that precede names in news copy (AP Stylebook's list of
  formal titles); they are role evidence, not part of the name.
- Acronyms: initials of the capitalised words (``Associated Press`` -> ``AP``;
  ``Democratic People's Republic of Korea`` -> ``DPRK``), function words skipped.
"""
from __future__ import annotations

import re
from typing import Optional

from claimgraph.lexicon.gazetteer import fold

# Common Korean, Chinese and Vietnamese family names in their usual romanisations.
EAST_ASIAN_FAMILY_NAMES = frozenset("""
kim lee yi i ri rhee park pak bak choi choe chey jung jeong chung chong kang gang cho jo
yoon yun jang chang lim im han oh o seo suh shin sin kwon gwon hwang ahn an song yoo yu
ryu hong jeon jun chon ko go moon mun yang son sohn bae pae baek paek heo hur nam sim shim
noh roh no ha kwak sung seong cha joo ju woo u koo gu min na jin ji um eom chae won
chun cheon bang gong hyun hyeon ham yeo byun pyon byeon ryang tak kye
wang li zhang liu chen huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng
liang xie tang xi deng feng cao peng zeng xiao tian dong pan yuan cai jiang du ye cheng
wei su lu ding ren shen yao cui zhong tan fan qin shi lai hou meng xiong qiu bai
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
""".split())

# Korean family names written in several romanisations: each set is one name.
ROMANISATION_VARIANTS = [
    {"yoon", "yun"}, {"yi", "i", "lee", "rhee", "ri"}, {"choe", "choi", "chey"},
    {"park", "pak", "bak"}, {"jung", "jeong", "chung", "chong"}, {"kang", "gang"},
    {"cho", "jo"}, {"jang", "chang"}, {"lim", "im", "rim"}, {"oh", "o"}, {"seo", "suh", "so"},
    {"shin", "sin"}, {"kwon", "gwon"}, {"ahn", "an"}, {"yoo", "yu", "ryu"}, {"jeon", "jun", "chon"},
    {"ko", "go"}, {"moon", "mun"}, {"son", "sohn"}, {"bae", "pae"}, {"baek", "paek"},
    {"heo", "hur", "huh"}, {"noh", "roh", "no"}, {"sung", "seong"}, {"joo", "ju"},
    {"koo", "gu", "ku"}, {"um", "eom"}, {"chun", "cheon", "jeon"}, {"hyun", "hyeon"},
    {"byun", "pyon", "byeon"}, {"kim", "gim"},
]
_VARIANT_OF: dict[str, frozenset[str]] = {}
for _group in ROMANISATION_VARIANTS:
    for _name in _group:
        _VARIANT_OF[_name] = _VARIANT_OF.get(_name, frozenset()) | frozenset(_group)

# Pinyin syllable: initial + final (for "Xi Jinping", "Wang Yi", "Li Qiang").
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie"
    r"|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)){1,2}")

# Formal titles that precede names (AP Stylebook "titles"); lower-cased, dots removed.
TITLES = frozenset("""
president vice prime minister foreign defense defence interior finance secretary
chancellor premier king queen prince princess emperor pope cardinal bishop archbishop
rev reverend father sheikh sheik emir ayatollah sultan crown general gen lt col colonel
major maj capt captain lieutenant sgt sergeant admiral adm marshal commander cmdr
senator sen rep representative congressman congresswoman gov governor mayor judge justice
chief attorney ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman
chair director dr doctor prof professor mr mrs ms miss sir dame lord lady mp state
deputy acting former late leader head minister's coach striker defender goalkeeper
""".split())
MALE_TITLES = frozenset("mr sir lord king prince father emperor sultan emir sheikh".split())
FEMALE_TITLES = frozenset("mrs ms miss dame lady queen princess".split())

SUFFIXES = frozenset("jr sr ii iii iv qc".split())
_FUNCTION = frozenset("of the and for in on at to de la du des".split())


def variants(family: str) -> frozenset[str]:
    """Romanisation variants of a (folded) family name, itself included."""
    return _VARIANT_OF.get(family, frozenset((family,)))


def name_words(name: str) -> list[str]:
    """Folded words of a person's name without titles, particles' case or suffixes."""
    words = [w.strip(".,") for w in fold(name).replace("'s ", " ").split()]
    while words and words[0].rstrip(".") in TITLES and len(words) > 1:
        words = words[1:]
    while words and words[-1].rstrip(".") in SUFFIXES and len(words) > 1:
        words = words[:-1]
    if words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    return [w for w in words if w]


def is_family_first(words: list[str]) -> bool:
    """``kim jong-un``, ``yoon suk-yeol``, ``xi jinping``: family name first."""
    if len(words) < 2 or words[0] not in EAST_ASIAN_FAMILY_NAMES:
        return False
    rest = words[1:]
    if len(rest) == 1 and "-" in rest[0]:
        return True
    if len(rest) == 2 and all(w in EAST_ASIAN_FAMILY_NAMES or _PINYIN.fullmatch(w) for w in rest) \
            and len(rest[0]) <= 4:
        return True  # "Kim Jong Un", "Moon Jae In"
    return len(rest) == 1 and _PINYIN.fullmatch(rest[0].replace("-", "")) is not None \
        and len(rest[0]) <= 8


#: the Arabic article glued to a family name, which copy drops as often as it keeps it
#: ("Bashar al-Assad" … "Assad", "el-Sisi" … "Sisi")
ARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|as|ash|at|an|ar|az)-(?=\w{3})")


def family_name(words: list[str]) -> Optional[str]:
    """The word a later short mention uses: family name (first or last word), without the
    Arabic article ("assad" of "bashar al-assad" and of "al-assad")."""
    if not words:
        return None
    if len(words) == 1 or is_family_first(words):
        return ARTICLE_PREFIX.sub("", words[0])
    return ARTICLE_PREFIX.sub("", words[-1])


#: lower-case particles that open a family name ("de Vries", "van der Berg", "bin Salman")
FAMILY_PARTICLES = frozenset("de del della da di dos du van der den ter ten von le la bin ibn al el".split())


def family_name_with_particles(words: list[str]) -> Optional[str]:
    """The family name with the particles before it ("de vries" of "marieke de vries"): the
    form a later mention uses on its own, capitalised ("De Vries said")."""
    fam = family_name(words)
    if fam is None or len(words) < 3 or is_family_first(words):
        return fam
    k = len(words) - 1
    while k > 1 and words[k - 1] in FAMILY_PARTICLES:
        k -= 1
    return " ".join(words[k:])


def given_names(words: list[str]) -> list[str]:
    if len(words) < 2:
        return []
    return words[1:] if is_family_first(words) else words[:-1]


def acronyms(name: str) -> set[str]:
    """The initials a short form of ``name`` may use: of its capitalised words (``AP``), and
    with "of" and "and" too (``ECOWAS``, Economic Community *of* West African States)."""
    short = acronym(name)
    words = [w for w in re.split(r"[\s\-]+", name) if w and fold(w) not in ("the",)]
    full = "".join(w[0].upper() for w in words if w[0].isalpha() and (w[0].isupper() or fold(w) in ("of", "and")))
    return {short, full} - {""}


def acronym(name: str) -> str:
    """Initials of the capitalised words: ``Associated Press`` -> ``AP``."""
    out = []
    for word in re.split(r"[\s\-]+", name):
        if not word or fold(word) in _FUNCTION:
            continue
        if word[0].isupper():
            out.append(word[0])
        elif word[0].isdigit():
            out.append(word)
    return "".join(out)


def abbreviates(short: str, name: str) -> bool:
    """Is the one word ``short`` made of the initials of ``name`` in any house style: "Nato" (British
    copy's acronym as a word) or "ACPeds" (an initial with more letters of its word)?"""
    initials = acronym(name)
    letters = short.replace(".", "").replace("-", "")
    if len(initials) < 2 or not letters.isalpha():
        return False
    return letters.upper() == initials.upper() or "".join(c for c in letters if c.isupper()) == initials


def is_acronym(text: str) -> bool:
    letters = text.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()
