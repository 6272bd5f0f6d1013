"""Consistency checks: each relation, consistent and made-up inconsistent, arithmetic shown."""
from __future__ import annotations

import re

import pytest

from claimgraph.numbers.checks import agrees
from claimgraph.report.sections import check_lines as describe

SHARE = ("The firm pays each guard no less than €1,500 a month. About 20 – 25% of this goes to "
         "the agency, with the rest going to the guard. This means a guard takes home {} euros a year.")


def checks_of(reader, text, published="2024-05-01"):
    return reader.read(text, published=published).checks


def test_share_per_year_consistent(reader):
    (c,) = checks_of(reader, SHARE.format("13,500 – 14,400"))
    assert c.verdict == "consistent"
    assert c.expected == [13500, 14400]
    assert "(100% - 25%..20%) x €1,500/month" in c.derivation and "x 12 months" in c.derivation
    assert len(c.quantities) == 3


def test_share_per_year_inconsistent(reader):
    (c,) = checks_of(reader, SHARE.format("20,000 – 24,000"))
    assert c.verdict == "inconsistent"
    assert "= €13,500..€14,400" in c.derivation and "stated €20,000..€24,000" in c.derivation


def test_direct_share_of_a_budget(reader):
    (c,) = checks_of(reader, "The city has a budget of $40 million. So 15% for schools is $6 million.")
    assert c.verdict == "consistent" and c.expected == [6e6, 6e6]


@pytest.mark.parametrize("yearly, verdict", [("$36,000", "consistent"), ("$41,000", "inconsistent")])
def test_per_month_over_a_year(reader, yearly, verdict):
    (c,) = checks_of(reader, f"She earns $3,000 a month, or {yearly} a year.")
    assert c.verdict == verdict and "x 12" in c.derivation


@pytest.mark.parametrize("total, verdict", [("120", "consistent"), ("100", "inconsistent")])
def test_parts_do_not_exceed_total(reader, total, verdict):
    (c,) = checks_of(reader, f"A total of {total} people were injured, including 80 civilians "
                             "and 30 soldiers.")
    assert c.verdict == verdict and "80 + 30 = 110" in c.derivation


@pytest.mark.parametrize("total, verdict", [("120", "consistent"), ("130", "inconsistent")])
def test_parts_add_up_to_total(reader, total, verdict):
    (c,) = checks_of(reader, f"Police detained 80 men and 40 women, {total} people in all.")
    assert c.verdict == verdict


def test_shares_of_a_whole_over_100_percent(reader):
    (c,) = checks_of(reader, "In the survey, 62% backed the plan while 47% opposed it.")
    assert c.verdict == "inconsistent" and "109%" in c.derivation


@pytest.mark.parametrize("age, verdict", [("40", "consistent"), ("46", "inconsistent")])
def test_age_and_birth_year(reader, age, verdict):
    (c,) = checks_of(reader, f"The {age}-year-old mayor, who was born in 1984, won again.")
    assert c.verdict == verdict and "2024 (publication) - 1984 (born)" in c.derivation


def test_age_needs_a_publication_date(reader):
    assert checks_of(reader, "The 40-year-old mayor, who was born in 1984, won again.", None) == []


@pytest.mark.parametrize("pct, verdict", [("25%", "consistent"), ("35%", "inconsistent")])
def test_percent_change(reader, pct, verdict):
    (c,) = checks_of(reader, f"Exports rose from 200 to 250 tonnes last year, a {pct} increase.")
    assert c.verdict == verdict and "(250 - 200) / 200" in c.derivation


def test_fall_is_negative(reader):
    (c,) = checks_of(reader, "Fares fell from $80 to $60, a drop of 25%.")
    assert c.verdict == "consistent" and "-25.0%" in c.derivation


def test_unrelated_numbers_give_no_check(reader):
    assert checks_of(reader, "The club has 300 members. It was founded 12 years ago by 4 teachers.") == []


def test_every_check_shows_its_numbers(reader):
    art = reader.read(SHARE.format("30,000 – 35,000") + " A total of 90 guards, including 50 men and "
                      "60 women, signed up.", published="2024-05-01")
    assert len(art.checks) == 2
    for c in art.checks:
        assert len(c.quantities) >= 2 and re.search(r"\d", c.derivation) and c.stated
    assert all(line.startswith(("CONSISTENT", "INCONSISTENT")) for line in describe(art))


def test_rounding_slack():
    assert agrees((1200, 2400), (1200, 2400))
    assert agrees((36_000, 36_000), (36_000, 36_000))
    assert not agrees((36_000, 36_000), (40_000, 40_000))
    assert agrees((24.6, 24.6), (25, 25))


def test_rates_are_not_shares_of_a_whole(reader):
    assert checks_of(reader, "The bloc set a 50% levy on cars and the US threatened a 200% levy on wine.") == []


def test_parts_stop_at_the_clause(reader):
    (c,) = checks_of(reader, "Officials said 60 people, including 30 men and 25 women, were rescued, "
                             "while 12 injured people were taken to hospital.")
    assert c.verdict == "consistent" and "30 + 25 = 55" in c.derivation


@pytest.mark.parametrize("stated", ["13,500 – 18,000", "16,000 – 20,000"])
def test_a_range_must_match_at_both_ends(reader, stated):
    (c,) = checks_of(reader, SHARE.format(stated))
    assert c.verdict == "inconsistent"


def test_changing_the_share_breaks_the_check(reader):
    text = SHARE.format("13,500 – 14,400").replace("About 20 – 25%", "About 10 – 25%")
    (c,) = checks_of(reader, text)
    assert c.verdict == "inconsistent" and "(100% - 25%..10%)" in c.derivation


def test_a_per_share_amount_is_not_compared_with_a_total(reader):
    art = reader.read("Dividends took 40% of the $900 million profit, or $1.10 per share.")
    assert [q.per for q in art.quantities if q.unit == "USD"] == [[], ["share"]]
    assert art.checks == []


@pytest.mark.parametrize("text", [
    # a change percent, and a connective from an earlier sentence
    "Quarterly profit rose 12% to $630 million, or $2.05 per share. Revenue reached $5.2 billion, ahead of the $5 billion "
    "analysts had expected.",
    "Some 2m homes will get £200 each. Pensions will rise by 3.5%, or about £320 a year. Three regions "
    "will share a £600m fund.",
    # a rate is not a share, even where the arithmetic happens to fit
    "Wages are growing at about 4.5% a year. Hourly pay rose to $31.20, up from $29.80.",
])
def test_a_change_or_a_rate_is_not_a_share_of_an_unrelated_amount(reader, text):
    assert checks_of(reader, text) == []


def test_a_cut_of_a_share_is_still_a_share(reader):
    (c,) = checks_of(reader, "The council has a budget of $40 million. It cut 10% of it, or $4 million.")
    assert c.verdict == "consistent"


@pytest.mark.parametrize("text, verdict", [
    ("Net income rose 20% to $600 million, or $2.40 per share, from $500 million a year earlier.", "consistent"),
    ("Net income rose 30% to $600 million, or $2.40 per share, from $500 million a year earlier.", "inconsistent"),
    ("The schools will get £52bn next year, up from £50bn, a rise of 4%.", "consistent"),
    ("Clinic visits fell 25% to 150, from 200 in 2022.", "consistent"),
])
def test_a_change_written_to_b_from_a(reader, text, verdict):
    (c,) = checks_of(reader, text)
    assert c.kind == "percent change" and c.verdict == verdict


def test_a_percent_not_written_as_a_change_is_not_checked_against_one(reader):
    assert checks_of(reader, "Revenue rose from $3.5 billion to $3.9 billion, while margins widened 2%.") == []


def test_shares_joined_by_and_may_overlap(reader):
    assert checks_of(reader, "About two-thirds of tenants said rents were too high, and 45% named repairs "
                             "as their main worry.") == []
    (c,) = checks_of(reader, "In the ballot, 55% voted for the strike and 52% voted against it.")
    assert c.verdict == "inconsistent"
