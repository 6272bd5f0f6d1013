"""Quantities: values, ranges, bounds, vague amounts, units, per, and what is counted."""
from __future__ import annotations

import pytest

from claimgraph.lexicon.numbers import parse_number, vague_range
from claimgraph.numbers.quantities import find_quantities
from claimgraph.report.sections import quantity_lines as describe


def one(text: str):
    found = find_quantities(text)
    assert len(found) == 1, [(q.start, q.end, q.low, q.high) for q in found]
    q = found[0]
    return q, text[q.start:q.end]


@pytest.mark.parametrize("words, value", [
    ("two dozen", 24), ("3.5 million", 3_500_000), ("forty-two", 42),
    ("a hundred and five", 105), ("1,200", 1200), ("one hundred forty", 140), ("$2bn", 2e9),
])
def test_parse_number(words, value):
    assert parse_number(words) == pytest.approx(value)


def test_vague_amounts():
    assert vague_range("several hundred") == (200, 999)
    assert vague_range("several thousand") == (2000, 9999)
    assert vague_range("thousands") == (1000, None)
    assert vague_range("tens of thousands") == (10000, None)


def test_range_with_en_dash_and_percent():
    q, text = one("Officials said about 60 – 70% of the grain was exported.")
    assert (q.low, q.high, q.unit, q.approximate) == (60, 70, "percent", True)
    assert text.startswith("about 60")


def test_range_with_mixed_digits_and_currency_word():
    q, _ = one("A contract worker can make 3,500 – 4200 dollars in a season.")
    assert (q.low, q.high, q.unit) == (3500, 4200, "USD")


def test_between_range_of_people():
    q, text = one("The rally drew between 300 and 450 people on the square.")
    assert (q.low, q.high) == (300, 450)
    assert text.startswith("between")


def test_lower_bound_with_rate_per_month_per_person():
    q, _ = one("Recruits are offered no less than €3,000 a month per person, the ministry said.")
    assert (q.low, q.high, q.bound, q.unit) == (3000, None, "lower", "EUR")
    assert q.per == ["month", "person"]


def test_upper_bound():
    q, _ = one("Most farmers there earn below $2 a day.")
    assert (q.low, q.high, q.bound, q.per) == (None, 2, "upper", ["day"])


def test_area_age_and_duration_units():
    text = ("The 52-year-old governor said floods covered several hundred square kilometres "
            "over the past 12 days.")
    units = {(q.unit, q.low, q.high) for q in find_quantities(text)}
    assert ("years of age", 52, 52) in units
    assert ("km2", 200, 999) in units
    assert ("days", 12, 12) in units


def test_dates_and_times_are_not_quantities():
    text = "The talks began on March 3, 2021 at 10:30 a.m. and resumed in 2022."
    assert find_quantities(text) == []


def test_from_to_gives_two_amounts():
    found = find_quantities("Inflation rose from 4% to 6.5% in a year.")
    assert [(q.low, q.unit) for q in found] == [(4, "percent"), (6.5, "percent")]


def test_counts_and_unit_from_the_parse(reader):
    art = reader.read("Thousands of Georgian protesters marched, and several thousand riot police "
                      "watched two dozen armoured vans.", published="2024-12-01")
    by_text = {q.text: q for q in art.quantities}
    q = by_text["Thousands"]
    assert (q.low, q.high, q.approximate, q.counts) == (1000, None, True, "Georgian protesters")
    q = next(q for t, q in by_text.items() if t.startswith("several thousand"))
    assert (q.low, q.high, q.unit) == (2000, 9999, "police")
    q = by_text["two dozen"]
    assert (q.low, q.unit) == (24, "vans")


def test_money_takes_the_sentence_period(reader):
    art = reader.read("For a year's work on the farm, a labourer will take home 900 – 1,100 euros.")
    q = art.quantities[0]
    assert (q.low, q.high, q.unit, q.per) == (900, 1100, "EUR", ["year"])


def test_describe_lines(reader):
    art = reader.read("The fund paid out at least $5 million to about 40 families.")
    lines = describe(art)
    assert any("≥ 5,000,000 USD" in line for line in lines)
    assert any("~40 families" in line for line in lines)


@pytest.mark.parametrize("text, per", [
    ("Net income rose to $412 million from $298 million a year earlier.", [[], []]),
    ("Rents climbed 6.1%, after 7.4% a month before.", [[], []]),
    ("The club sold its captain for £60m a year ago.", [[]]),
    ("Cleaners earn $20 an hour; the chief earns $4.5 million a year.", [["hour"], ["year"]]),
    ("The levy raises €2bn annually.", [["year"]]),
])
def test_a_time_of_comparison_after_an_amount_is_not_a_rate(text, per):
    assert [q.per for q in find_quantities(text)] == per


def test_a_period_word_inside_a_longer_word_is_not_a_rate():
    q, text = one("Sales reached $2.1 billion, ahead of forecasts.")
    assert (q.per, text) == ([], "$2.1 billion")


@pytest.mark.parametrize("text, counts", [
    ("Sales came in at $2.4 billion, short of the $2.6 billion economists had forecast.", [None, None]),
    ("The £40m Wall Street expected never came.", [None]),
    ("The state said $2 million grants were cut.", ["grants"]),
])
def test_money_does_not_count_the_subject_of_the_next_clause(reader, counts, text):
    assert [q.counts for q in reader.read(text).quantities] == counts


def test_trillions_written_short():
    q, text = one("The chancellor set out a £1.4tn spending plan.")
    assert (q.low, q.unit, text) == (1.4e12, "GBP", "£1.4tn")


@pytest.mark.parametrize("text, expected", [
    ("Nearly a third of renters moved.", ("Nearly a third", 100 / 3, True)),
    ("About two-thirds of members backed the deal.", ("About two-thirds", 200 / 3, True)),
    ("Half of the grant went on rent.", ("Half", 50, False)),
    ("One in four nurses plans to leave.", ("One in four", 25, False)),
])
def test_fractions_and_ratios_are_shares_in_percent(text, expected):
    q, written = one(text)
    assert (written, q.low, q.unit, q.approximate) == (expected[0], pytest.approx(expected[1]), "percent",
                                                        expected[2])


def test_ordinals_and_clock_ratios_are_not_fractions():
    assert find_quantities("Sales in the third quarter of the year rose.") == []
    assert [q.unit for q in find_quantities("She scored 2 in 10 minutes.")] == [None, "minutes"]


@pytest.mark.parametrize("text, amount", [
    ("Type 2 diabetes now affects 24 million adults.", "24 million"),
    ("A Category 4 hurricane struck 3 coastal towns.", "3"),
    ("Under Article 5 of the treaty, 32 members must respond.", "32"),
    ("I was wearing size 40 that time, he said, and lost 12 kilograms.", "12 kilograms"),
])
def test_a_number_that_names_a_type_or_a_category_is_no_amount(text, amount):
    q, found = one(text)
    assert found == amount
