"""Dates: detection, resolution against the publication date, timeline, scorer."""
from __future__ import annotations

import datetime as dt
import time

import pytest

from claimgraph.eval import timex
from claimgraph.dates.calendar import interval_of
from claimgraph.dates.scan import find_dates
from claimgraph.report.sections import date_lines as describe, timeline

DCT = dt.date(2023, 11, 2)  # a Thursday


def values(text: str, dct=DCT) -> dict[str, str]:
    return {text[m.start:m.end]: m.value for m in find_dates(text, dct)}


def test_expressions_resolved_against_publication_date():
    text = ("The offensive began in August and a pact was signed earlier this year. Prices are "
            "high these days, and rents rose in the last six weeks. He left the army in 2017 "
            "after serving between 1998 and 2003.")
    v = values(text)
    assert v["August"] == "2023-08"
    assert v["earlier this year"] == "2023"
    assert v["these days"] == "PRESENT_REF"
    assert v["the last six weeks"] == "P6W"
    assert v["2017"] == "2017"
    assert v["1998"] == "1998" and v["2003"] == "2003"


def test_intervals_and_confidence():
    found = {m.rule: m for m in find_dates("Sales slowed earlier this year and in the last six weeks.", DCT)}
    early = found["rel_unit"]
    assert (early.start_date, early.end_date) == ("2023-01-01", "2023-11-02")
    weeks = found["duration_rel"]
    assert (weeks.start_date, weeks.end_date) == ("2023-09-21", "2023-11-02")
    assert interval_of("1998/2003") == ("1998-01-01", "2003-12-31")
    full = find_dates("It happened on March 26, 1996.", DCT)[0]
    assert (full.value, full.confidence) == ("1996-03-26", "exact")


def test_deixis():
    v = values("Yesterday the minister resigned; last week he denied it; last year he won; "
               "two months ago he was promoted; tomorrow parliament votes.")
    assert v["Yesterday"] == "2023-11-01"
    assert v["last week"] == "2023-W43"
    assert v["last year"] == "2022"
    assert v["two months ago"] == "2023-09"
    assert v["tomorrow"] == "2023-11-03"


def test_weekday_follows_tense(reader):
    art = reader.read("The mayor resigned on Monday. Her successor will be sworn in on Monday.",
                      published="2023-11-02")
    assert [d.value for d in art.dates] == ["2023-10-30", "2023-11-06"]


def test_month_day_year_inference_and_modal_may():
    v = values("Voting ends Nov. 25 and results may come later. Talks resumed Jan. 9.")
    assert v["Nov. 25"] == "2023-11-25"
    assert v["Jan. 9"] == "2023-01-09"
    assert "may" not in v


def test_durations_and_sets():
    v = values("The strike lasted three days, a 16-hour standoff followed, and guards now patrol "
               "every day for $500 a month.")
    assert v["three days"] == "P3D"
    assert v["16-hour"] == "PT16H"
    assert v["every day"] == "P1D"
    assert v["a month"] == "P1M"
    assert v["now"] == "PRESENT_REF"


def test_unresolved_without_publication_date(reader):
    art = reader.read("The plant closed in August and reopened earlier this year, in 2019.")
    by_text = {d.text: d for d in art.dates}
    assert by_text["August"].resolved is False
    assert "no publication date" in by_text["August"].note
    assert by_text["2019"].resolved is True
    assert any("unresolved" in line for line in describe(art))


def test_timeline_is_in_time_order(reader):
    art = reader.read("The dam was finished in 2011. Repairs started last month. "
                      "It first cracked in March 2015.", published="2023-11-02")
    tl = [e.value for e in timeline(art)]
    assert tl == ["2011", "2015-03", "2023-10"]
    assert any(line.startswith("timeline") for line in describe(art))


def test_speed_is_far_below_a_parse():
    text = ("On Tuesday the council met for three hours and agreed that from next month, "
            "fees will rise by 4%. In 2019 they rose twice. ") * 400
    start = time.perf_counter()
    find_dates(text, DCT)
    assert time.perf_counter() - start < 2.0  # ~12,000 words; spaCy needs several seconds


GOLD = [{"id": "a", "text": "On Monday and in 1999 and now.", "dct": "2000-01-05",
         "timexes": [{"span": [3, 9], "type": "DATE", "value": "2000-01-03"},
                     {"span": [17, 21], "type": "DATE", "value": "1999"},
                     {"span": [26, 29], "type": "DATE", "value": "PRESENT_REF"}]},
        {"id": "b", "text": "Later.", "dct": "2000-01-05",
         "timexes": [{"span": [0, 5], "type": "DATE", "value": "FUTURE_REF"}]}]
PRED = [{"id": "a", "dates": [{"span": [0, 9], "value": "2000-01-03"}, {"span": [17, 21], "value": "1998"},
                              {"span": [10, 12], "value": "X"}]}]


def test_score_matches_reference_scorer(shared_dir):
    ours = timex.score(GOLD, PRED)
    assert ours["relaxed_F1"] == pytest.approx(2 * (2 / 3) * (2 / 4) / (2 / 3 + 2 / 4), abs=1e-4)
    ref = timex.reference_score(shared_dir / "scoring" / "score_timex.py", GOLD, PRED)
    assert ours == ref

def test_vague_references_need_the_publication_date_too():
    (m,) = find_dates("Prices are high these days.", None)
    assert (m.value, m.resolved) == ("PRESENT_REF", False)
    (m,) = find_dates("Prices are high these days.", DCT)
    assert m.resolved and (m.start_date, m.end_date) == ("2023-11-02", "2023-11-02")


def test_previously_and_annually_are_not_time_expressions():
    v = values("The council previously rejected the plan, which would save $2 million annually.")
    assert "previously" not in v and "annually" not in v


def test_decade_durations_in_years():
    v = values("Rents have not fallen in almost two decades, and the bridge stood for a century.")
    assert v["almost two decades"] == "P20Y"
    assert v["a century"] == "P100Y"


def test_dates_after_payable_effective_and_future_passives_look_forward(reader):
    art = reader.read("The board declared a dividend, payable Dec. 7, and named a new chief, effective "
                      "Feb. 1. The sale is expected to be completed by Dec. 15. The union is calling a "
                      "strike on Dec. 12.", published="2023-10-27")
    assert [d.value for d in art.dates] == ["2023-12-07", "2024-02-01", "2023-12-15", "2023-12-12"]


def test_quarterly_results_periods():
    text = ("Northwind Mills said third-quarter profit rose to $4 million from $3 million a year ago. "
            "Sales in the latest quarter grew 5%, and the year-earlier period included a one-time gain. "
            "In the 2022 quarter, costs were higher. The quarter-to-quarter comparison was flat.")
    v = values(text)
    assert v["third-quarter"] == "2023-Q3"
    assert v["a year ago"] == "2022-Q3"
    assert v["the latest quarter"] == "2023-Q3"
    assert v["the year-earlier period"] == "2022-Q3"
    assert v["the 2022 quarter"] == "2022-Q3"
    assert "The quarter" not in v
    # a quarter not yet begun, in the past tense, is last year's; without a named quarter the
    # reporting quarter is the last one finished before publication
    assert values("Profit fell in the fourth quarter.", dt.date(2024, 1, 25))["the fourth quarter"] == "2023-Q4"
    assert values("Sales in the latest period fell.", DCT)["the latest period"] == "2023-Q3"


def test_the_year_year_end_and_current():
    v = values("For the year, sales rose 4%, and the firm expects to cut 300 jobs by year-end. "
               "Under current rules the plan stands.")
    assert v["the year"] == "2023"
    assert v["year-end"] == "2023"
    assert [m.value for m in find_dates("Revenue for the year ended June 30 was flat.", DCT)][0] == "P1Y"
    assert v["current"] == "PRESENT_REF"
    assert "current" not in values("The current account deficit widened in the current year.")


def test_holidays_resolve_to_their_day():
    v = values("The boat capsized on Thanksgiving Day, and the family hopes to be reunited by Christmas.",
               dt.date(2024, 1, 10))
    assert v["Thanksgiving Day"] == "2023-11-23"
    assert v["Christmas"] == "2023-12-25"
    v = values("Turnout rose on Election Day 2022, and Easter week began on Sunday.", dt.date(2024, 3, 25))
    assert v["Election Day 2022"] == "2022-11-08"
    assert v["Easter week"] == "2024-W13"


def test_spoken_years_in_broadcast_transcripts():
    v = values("In nineteen ninety-six the plant closed. January nineteen ninety-seven brought floods, "
               "and the target is the year two thousand. Nineteen twenty-dollar bills were found.")
    assert v["nineteen ninety-six"] == "1996"
    assert v["January nineteen ninety-seven"] == "1997-01"
    assert v["the year two thousand"] == "2000"
    assert not any("twenty-dollar" in k for k in v)


def test_last_weekday_on_that_weekday_and_a_time_zone_before_the_day():
    v = values("The bid was announced last Thursday and expires at 5 p.m. EST Nov. 9.")
    assert v["last Thursday"] == "2023-10-26"
    assert v["5 p.m. EST Nov. 9"] == "2023-11-09T17:00"


def test_half_units_and_a_couple_of():
    v = values("They spent 2 1/2 years in camps, talks ran 5 1/2 hours, and rules will hold for a couple of years.")
    assert v["2 1/2 years"] == "P2Y6M"
    assert v["5 1/2 hours"] == "PT5H30M"
    assert v["a couple of years"] == "P2Y"


def test_weekday_night_is_the_day_and_bare_units_after_for():
    v = values("Protesters rallied Friday night; the two sides have not spoken for years.")
    assert v["Friday night"] == "2023-10-27"
    assert v["years"] == "PXY"
    assert "Year" not in values("She was named Person of the Year.")


def test_perfect_infinitive_looks_back(reader):
    art = reader.read("The hiker is believed to have died on Dec. 12.", published="2023-12-20")
    assert [d.value for d in art.dates] == ["2023-12-12"]


def test_sets_of_weekdays_months_and_hours_and_event_anchored_days():
    v = values("Ferries sail each Thursday, pilgrims march every July, and hourly wages rose. "
               "Rents are paid every quarter.")
    assert v["each Thursday"] == "XXXX-WXX-4"
    assert v["every July"] == "XXXX-07"
    assert v["hourly"] == "PT1H"
    assert v["every quarter"] == "P1Q"
    assert "quarterly" not in values("The firm raised its quarterly dividend.")
    assert "the day before" not in values("He was last seen on Nov. 3, the day before the vote.")
    assert values("The vote was on Nov. 3. He left the day before.")["the day before"] == "2023-11-02"


def test_tense_of_plans_past_ability_and_until_in_the_past_perfect(reader):
    thursday = "2023-11-02"
    cases = {
        "The court has scheduled a hearing Friday.": "2023-11-03",
        "Protesters planned a march on Saturday.": "2023-11-04",
        "The mayor could not be reached Wednesday.": "2023-11-01",
        "Until Tuesday, the company had refused to comment.": "2023-10-31",
        "The summit is set for Washington in April.": "2024-04",
        "Two men are accused of robbing the bank on Saturday.": "2023-10-28",
        "The union is calling a strike on Friday.": "2023-11-03",
    }
    got = {text: [d.value for d in reader.read(text, published=thursday).dates] for text in cases}
    assert got == {text: [value] for text, value in cases.items()}


def test_units_later_than_an_event_are_durations():
    v = values("The dam burst in May. Three days later, the town was evacuated; a day earlier, "
               "engineers had warned of cracks. Prices rose 4% from a year earlier.")
    assert v["Three days"] == "P3D"
    assert v["a day"] == "P1D"
    assert v["a year earlier"] == "2022-05"  # a year before the last date named


def test_sentence_initial_last_and_the_following_year():
    v = values("Last April the plant closed. Last Monday it was sold. In May 2019 he was promoted, and "
               "the following year he resigned. Costs will be spread over the next three quarters.")
    assert v["Last April"] == "2023-04"
    assert v["Last Monday"] == "2023-10-30"
    assert v["the following year"] == "2020"
    assert v["the next three quarters"] == "P9M"
    assert "three-quarters" not in values("About three-quarters of the town was flooded.")


def test_holiday_things_and_city_quarters_are_not_dates():
    assert values("Shoppers bought Christmas trees and Halloween costumes.") == {}
    assert values("Shells fell on the old quarter of the city.") == {}


def test_time_words_in_titles_are_not_dates():
    v = values('He told CBS\'s "60 Minutes" he had seen the film High Noon on ABC\'s This Week With '
               'Ann Lee. Now the station is closed. Average daily volume fell.')
    assert "60 Minutes" not in v and "Noon" not in v and "This Week" not in v
    assert v["Now"] == "PRESENT_REF"
    assert "daily" not in v


def test_soon_points_forward_unless_the_story_is_past(reader):
    art = reader.read("Regulators will soon decide on the merger. The driver was soon released, and the "
                      "board may meet as soon as Friday.", published="2023-11-02")
    assert [(d.text, d.value) for d in art.dates] == [("soon", "FUTURE_REF"), ("Friday", "2023-11-03")]


def test_frequencies_after_counted_things_and_todays_in_general():
    v = values("The ferry makes six crossings a week, and the mayor said today's teenagers rarely visit. "
               "Today's vote on the budget was delayed; the tariff is $40 a month.")
    assert "a week" not in v
    assert "today's" not in v
    assert v["Today's"] == "2023-11-02"
    assert v["a month"] == "P1M"


def test_vague_counts_ago_more_units_and_a_half():
    v = values("The mill closed a few years ago. The lease runs for at least 15 more years, the permit "
               "for an additional month, and the fire burned for an hour and a half.")
    assert v["a few years ago"] == "PAST_REF"
    assert v["at least 15 more years"] == "P15Y"
    assert v["an additional month"] == "P1M"
    assert v["an hour and a half"] == "PT1H30M"


def test_the_foreseeable_future_is_no_time_reference():
    v = values("Troops will stay for the foreseeable future. The future of the port is unclear.")
    assert list(v) == ["The future"]


def test_infinitive_under_a_past_perfect_looks_back(reader):
    art = reader.read("The tender offer had been due to expire Friday evening.", published="2023-11-06")
    assert [d.value for d in art.dates] == ["2023-11-03TEV"]


def test_this_past_season_and_week_and_the_last_half_of_a_year():
    v = values("The mine flooded this past spring and reopened this past week. Output will recover in "
               "the last half of 2024, as it did in the last half of the '90s.")
    assert v["this past spring"] == "2023-SP"
    assert v["this past week"] == "2023-W43"
    assert v["the last half of 2024"] == "2024-H2"
    assert v["the '90s"] == "199" and "the last half" not in v


def test_near_and_short_term_and_a_later_date_are_future_references():
    v = values("Rates may climb in the near term, the rest will be sold at a later date, and "
               "short-term loans look cheap in the short term.")
    assert v["the near term"] == v["a later date"] == v["the short term"] == "FUTURE_REF"
    assert not any(k.startswith("short-term") for k in v)


def test_present_in_a_time_clause_and_gerunds_after_prepositions_point_forward(reader):
    cases = {
        "The mayor will resign when the appeal is heard in May.": "2024-05",
        "Both parties can take part in planning for the summit in April.": "2024-04",
        "Two ferries will sail daily, with a third sailing from August 6.": "2024-08-06",
    }
    got = {text: [d.value for d in reader.read(text, published="2023-11-06").dates][-1] for text in cases}
    assert got == cases


def test_last_month_day_and_the_previous_weekday():
    v = values("He was shot last Oct. 23 at his home. Shares closed at 200 on Friday, down 4% from "
               "the previous Friday.", dt.date(2023, 11, 6))
    assert v["last Oct. 23"] == "2023-10-23"
    assert v["the previous Friday"] == "2023-10-27"


def test_daily_basis_and_daily_life_are_sets():
    found = find_dates("Police review the leads on a daily basis, and curfews shape daily life in the town.", DCT)
    assert [(m.type, m.value) for m in found] == [("SET", "P1D"), ("SET", "P1D")]


def test_units_from_now_and_the_following_week():
    v = values("The bridge will reopen two years from now, and a few months from now fares rise. The vote "
               "was held on Oct. 3, and the following week the minister resigned.")
    assert v["two years from now"] == "2025"
    assert v["a few months from now"] == "FUTURE_REF"
    assert "now" not in v
    assert v["the following week"] == "2023-W41"
    assert values("The dam failed on Oct. 3. That same week, crops were lost.")["That same week"] == "2023-W40"


def test_parts_of_day_with_early_late_mid():
    v = values("The strike began on Tuesday, and by late evening the port was shut. At mid-afternoon "
               "yesterday shares were up. He hosts an early morning show.")
    assert v["late evening"] == "2023-10-31TEV"
    assert v["mid-afternoon yesterday"] == "2023-11-01TAF"
    assert not any("morning" in k for k in v)


def test_trading_days_the_weeks_ahead_and_post_year():
    v = values("Six trading days after the crash, funds braced for the weeks ahead; post-1990 rules and "
               "a pre-2000 plan.")
    assert v["Six trading days"] == "P6D"
    assert v["the weeks ahead"] == "PXW"
    assert v["post-1990"] == "1990" and v["pre-2000"] == "2000"


def test_season_of_a_spoken_year_and_high_noon():
    text = "Prices last fell in the winter of nineteen ninety-four. For the town, high noon comes today."
    assert [(text[m.start:m.end], m.value) for m in find_dates(text, DCT)] == [
        ("the winter of nineteen ninety-four", "1994-WI"), ("today", "2023-11-02")]


def test_weekdays_in_the_plural_are_sets():
    found = find_dates("Ferries leave on Tuesday nights and the market shuts on Sundays; talks resumed Tuesday.", DCT)
    assert [(m.type, m.value) for m in found] == [("SET", "XXXX-WXX-2TNI"), ("SET", "XXXX-WXX-7"),
                                                  ("DATE", "2023-10-31")]


def test_now_with_a_comma_opening_a_sentence_is_a_discourse_marker():
    v = values("The plan failed. Now, he says, it is dead. Prices are falling now, and right now, rents too.")
    assert list(v) == ["now", "right now"]


def test_months_of_pay_are_money_not_time():
    v = values("Staff get six months of base pay or two years' salary; after three years of rising income "
               "the strike lasted six months.")
    assert list(v.items()) == [("three years", "P3Y"), ("six months", "P6M")]


def test_financial_quarter_codes_and_fiscal_years():
    assert values("Sales for FY2023 rose sharply at the end, analysts at the bank said.") == {"FY2023": "2023"}
    v = values("Revenue for FY2023 and Q3 2023 rose, H1 2024 looks weak, and 2023 Q4 was flat.")
    assert v == {"FY2023": "2023", "Q3 2023": "2023-Q3", "H1 2024": "2024-H1", "2023 Q4": "2023-Q4"}


def test_each_year_of_a_range_is_its_own_expression():
    # TimeML marks both ends of a range as TIMEX3s, not one interval
    text = "The plant ran from 1971 to 1984, the mine in 1990-1995, and lot No. 12-1995 was sold."
    found = [(text[m.start:m.end], m.value) for m in find_dates(text, DCT)]
    assert found == [("1971", "1971"), ("1984", "1984"), ("1990", "1990"), ("1995", "1995")]


def test_the_past_year_is_the_last_one_and_recent_years_a_span():
    # "the past year" is the calendar year before publication; "the past decade" and
    # "recent years" are spans of unknown start (HeidelTime's and TimeBank's reading)
    v = values("Exports fell over the past year, after a boom in the past decade; prices rose "
               "in recent years and again in recent weeks.")
    assert v["the past year"] == "2022"
    assert v["the past decade"] == "P10Y"
    assert v["recent years"] == "PXY" and v["recent weeks"] == "PXW"


def test_the_reported_quarter_is_the_latest_named_or_the_one_a_date_ends():
    # an earlier quarter mentioned in passing does not displace the quarter reported
    v = values("Harbor Foods said third-quarter net rose, after a weak second quarter. In the "
               "latest period costs fell from a year ago.")
    assert v["the latest period"] == "2023-Q3" and v["a year ago"] == "2022-Q3"
    # "the quarter ended July 31" (May to July) is mostly the calendar's second quarter
    v = values("In the quarter ended July 31, Harbor Foods sold 9 million cans, up from a year ago.")
    assert v["the quarter"] == "2023-Q2" and v["a year ago"] == "2022-Q2"


def test_a_year_earlier_than_nine_months_results_is_the_year():
    # results for several quarters are compared with the same span a year back: the year,
    # not the reported quarter (which a single quarter's comparison keeps)
    v = values("Pinecrest Bank said third-quarter profit rose to $8 million from $6 million a year "
               "earlier. For the nine months, it earned $20 million, up from $15 million a year ago, "
               "and first-half fees were above year-earlier levels.")
    assert v["a year earlier"] == "2022-Q3"
    assert v["a year ago"] == "2022"
    assert v["year-earlier"] == "2022"


def test_a_month_before_a_noun_after_an_article():
    v = values("Inquiries into the October fire went on under a June agreement; the March on the "
               "capital was peaceful.")
    assert v["October"] == "2023-10" and v["June"] == "2023-06"
    assert "March" not in v


def test_the_fiscal_year_ended_is_a_span():
    # as "the year ended June 30": a year's span, not the publication year
    v = values("In the fiscal year ended Jan. 31, Coastline Tools sold $9 million; it expects more in "
               "the current fiscal year.")
    assert v["the fiscal year"] == "P1Y"
    assert v["the current fiscal year"] == "2023"


def test_vague_counts_of_quarters_and_a_newspaper_daily():
    v = values("It recently returned to profit after several quarters of losses, and three-quarters of "
               "its staff left. The Communist Party daily Granma printed the letter.")
    assert v["several quarters"] == "PXQ"
    assert "three-quarters" not in v
    assert v["daily"] == "P1D"


def test_decades_in_words_and_someday():
    day = dt.date(1998, 3, 3)
    assert values("Group numbers dropped through the nineties.", day)["the nineties"] == "199"
    assert values("Islam will one day be the second largest religion.", day)["one day"] == "FUTURE_REF"
    found = find_dates("He had been in the job one day. It took one day to fly.", day)
    assert [m.value for m in found] == ["P1D", "P1D"]


def test_the_week_of_a_story_and_the_week_of_a_date():
    # a bare "the week" takes up the week the story is about: TimeBank writes it as a week of
    # the publication year left open (1989-WXX, all four such in its train part); "the week of
    # March 6" is that date's ISO week
    text = ("The Harbor index fell 2% on Friday. For the week, it lost 4%, and the week's busiest "
            "session was Tuesday. A hearing is set for the week of Dec. 4.")
    found = [(text[m.start:m.end], m.value) for m in find_dates(text, DCT) if "week" in text[m.start:m.end]]
    assert found == [("the week", "2023-WXX"), ("the week", "2023-WXX"), ("the week of Dec. 4", "2023-W49")]
    # "the weekend", "the past week" keep their own readings
    v = values("Talks went on over the weekend and through the past week.")
    assert "the week" not in v


def test_the_week_set_against_the_weekend_is_no_date():
    """"half empty during the week and fully booked at weekends", "any day of the week": the
    working days of any week, or the week as a cycle, not the week of the story."""
    for text in ("The airport hotel is running at around 50 percent occupancy during the week and is fully "
                 "booked at weekends.", "The clinic is open every day of the week."):
        found = [text[m.start:m.end] for m in find_dates(text, DCT)]
        assert "the week" not in found, (text, found)


def test_last_week_written_on_a_sunday_is_the_week_just_ending():
    # on a Sunday the working week just over is still the publication's ISO week (Monday to
    # Sunday): "last week" is that one, not the week before it
    sunday = dt.date(2023, 11, 5)
    v = values("The council met last week and will vote next week.", sunday)
    assert v["last week"] == "2023-W44" and v["next week"] == "2023-W45"
    assert values("The council met last week.", dt.date(2023, 11, 4))["last week"] == "2023-W43"


def test_coming_months_without_an_article_are_some_future_time():
    # "in coming months", "in future quarters": a time ahead of publication (FUTURE_REF, with
    # publication as its start), where "the coming years" stays a span of years
    text = "Harbor Foods expects demand to ease in coming months and margins to widen in future quarters."
    found = find_dates(text, DCT)
    assert [(text[m.start:m.end], m.value) for m in found] == [("coming months", "FUTURE_REF"),
                                                               ("future quarters", "FUTURE_REF")]
    assert found[0].start_date == "2023-11-02"
    assert values("Prices will rise over the coming years.")["the coming years"] == "PXY"
