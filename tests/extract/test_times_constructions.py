"""Times: the constructions of issue 6, each normalised against a publication date,
with negative cases that must yield nothing. Texts written for these tests.

The anchor is Wednesday 2026-03-04 (ISO week 10) unless a case says otherwise.
"""

from __future__ import annotations

import pytest

from diurna.extract.times import find_times

ANCHOR = "2026-03-04"


def _one(text: str, anchor: str | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_times(text, anchor)]


CASES = [
    # full and partial dates
    ("Talks were held on March 3.", [("March 3", "DATE", "2026-03-03")]),
    ("Talks were held on 3 March.", [("3 March", "DATE", "2026-03-03")]),
    ("The deal was signed on March 3, 2024.", [("March 3, 2024", "DATE", "2024-03-03")]),
    ("It was signed on Sept. 30.", [("Sept. 30", "DATE", "2025-09-30")]),
    ("They met on Monday, March 2.", [("Monday, March 2", "DATE", "2026-03-02")]),
    ("Arnor voted on 2026-02-11.", [("2026-02-11", "DATE", "2026-02-11")]),
    ("The law took effect in March 2025.", [("March 2025", "DATE", "2025-03")]),
    ("She arrived in May.", [("May", "DATE", "2025-05")]),
    ("Elections will be held in November.", [("November", "DATE", "2026-11")]),
    ("Rohan fell in July last year.", [("July last year", "DATE", "2025-07")]),
    # weekdays by tense
    ("They met on Thursday.", [("Thursday", "DATE", "2026-02-26")]),
    ("They will meet on Thursday.", [("Thursday", "DATE", "2026-03-05")]),
    ("The summit ended last Friday.", [("last Friday", "DATE", "2026-02-27")]),
    ("The envoy arrives next Monday.", [("next Monday", "DATE", "2026-03-09")]),
    ("Gondor said on Tuesday night that it would retaliate.", [("Tuesday night", "DATE", "2026-03-03")]),
    # relative expressions
    ("Sales fell yesterday.", [("yesterday", "DATE", "2026-03-03")]),
    ("We meet tomorrow.", [("tomorrow", "DATE", "2026-03-05")]),
    ("Talks resumed today.", [("today", "DATE", "2026-03-04")]),
    ("It happened last week.", [("last week", "DATE", "2026-W09")]),
    ("He died two years ago.", [("two years ago", "DATE", "2024")]),
    ("Elections are due next month.", [("next month", "DATE", "2026-04")]),
    ("Prices rose earlier this year.", [("earlier this year", "DATE", "2026")]),
    ("Output fell last year.", [("last year", "DATE", "2025")]),
    ("The strike began three days ago.", [("three days ago", "DATE", "2026-03-01")]),
    ("Days earlier, troops had left.", [("Days earlier", "DATE", "PAST_REF")]),
    ("Talks collapsed on March 2, 2026. The next day, troops moved.",
     [("March 2, 2026", "DATE", "2026-03-02"), ("The next day", "DATE", "2026-03-03")]),
    ("The rebels attacked on Feb. 10, 2026. Two days later, talks resumed.",
     [("Feb. 10, 2026", "DATE", "2026-02-10"), ("Two days later", "DATE", "2026-02-12")]),
    # fuzzy parts
    ("Talks began in early December.", [("early December", "DATE", "2025-12")]),
    ("Growth will slow in late 2025.", [("late 2025", "DATE", "2025")]),
    ("Fighting resumed in mid-March.", [("mid-March", "DATE", "2026-03")]),
    ("Output should rise in the second half of 2025.", [("the second half of 2025", "DATE", "2025-H2")]),
    ("Profit fell in the third quarter.", [("the third quarter", "DATE", "2025-Q3")]),
    ("Sales rose in the fourth quarter of 2025.", [("the fourth quarter of 2025", "DATE", "2025-Q4")]),
    ("Q3 2025 was weak.", [("Q3 2025", "DATE", "2025-Q3")]),
    ("The plant opens in the summer of 2026.", [("the summer of 2026", "DATE", "2026-SU")]),
    ("Troops withdrew last winter.", [("last winter", "DATE", "2025-WI")]),
    ("by the end of 2024", [("the end of 2024", "DATE", "2024")]),
    # years, decades, centuries
    ("The war ended in 1998.", [("1998", "DATE", "1998")]),
    ("Riots broke out in the 1990s.", [("the 1990s", "DATE", "199")]),
    ("the 21st century", [("the 21st century", "DATE", "20")]),
    # durations
    ("The visit lasted three weeks.", [("three weeks", "DURATION", "P3W")]),
    ("a two-day visit", [("two-day", "DURATION", "P2D")]),
    ("The siege lasted 5 1/2 hours.", [("5 1/2 hours", "DURATION", "PT5H30M")]),
    ("Sales rose in the past two months.", [("the past two months", "DURATION", "P2M")]),
    ("He served for years.", [("years", "DURATION", "PXY")]),
    ("The talks took nearly two years.", [("nearly two years", "DURATION", "P2Y")]),
    # sets
    ("Elections are held every year.", [("every year", "SET", "P1Y")]),
    ("Ministers meet twice a week.", [("twice a week", "SET", "P1W")]),
    ("Flights leave daily.", [("daily", "SET", "P1D")]),
    ("The council meets each Thursday.", [("each Thursday", "SET", "XXXX-WXX-4")]),
    ("The festival returns every May.", [("every May", "SET", "XXXX-05")]),
    # ranges
    ("The vote is scheduled for March 3-6.", [("March 3", "DATE", "2026-03-03"), ("6", "DATE", "2026-03-06")]),
    ("The ceasefire holds through March 9.", [("March 9", "DATE", "2026-03-09")]),
    # times of day
    ("The blast came at 10:35 a.m.", [("10:35 a.m.", "TIME", "2026-03-04T10:35")]),
    ("Polls close at 8 p.m. EST Friday.", [("8 p.m. EST Friday", "TIME", "2026-03-06T20:00")]),
    ("He spoke this morning.", [("this morning", "TIME", "2026-03-04TMO")]),
    ("Shots were heard last night.", [("last night", "TIME", "2026-03-03TNI")]),
    ("Talks resume tonight.", [("tonight", "TIME", "2026-03-04TNI")]),
    ("The convoy left the day before yesterday.", [("the day before yesterday", "DATE", "2026-03-02")]),
    ("The summit opens the day after tomorrow.", [("the day after tomorrow", "DATE", "2026-03-06")]),
    ("The truce began at 12 a.m. on Friday.", [("12 a.m. on Friday", "TIME", "2026-02-27T00:00")]),
    ("The strike began at 12 p.m.", [("12 p.m.", "TIME", "2026-03-04T12:00")]),
    ("The siege lasted two years and a half.", [("two years and a half", "DURATION", "P2Y6M")]),
    # underspecified references
    ("Officials said recently that prices were high.", [("recently", "DATE", "PAST_REF")]),
    ("It is now clear.", [("now", "DATE", "PRESENT_REF")]),
    ("The plan will be ready soon.", [("soon", "DATE", "FUTURE_REF")]),
    ("Peace is possible in the future.", [("the future", "DATE", "FUTURE_REF")]),
]

NOTHING = [
    "They may meet again.",
    "Theresa May spoke to reporters.",
    "The March for Life drew crowds.",
    "Thousands joined the march on the capital.",
    "the Sunday Times reported",
    "Scores were 4-3 after extra time.",
    "Call 555-2012 for tickets.",
    "In 2000 troops landed.",
    "A 44-year-old man was arrested.",
    "Turnout rose 12 percent.",
    "Room 1998 was empty.",
    "The stock fell 3/4 of a point.",
    "A spring of water fed the village.",
    "Prices may fall.",
    "as soon as possible",
    "Each may find the candidate compelling.",  # "each" + the modal verb once crashed the tagger
    "Every mar on the record counts.",
    "Nobody saw this.",  # a bare "this" or "last" is no time
    "He came last.",
    "They met at high noon in the square.",  # an idiom, not 12:00
]


@pytest.mark.parametrize("text,expected", CASES)
def test_times_constructions(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _one(text) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_times_nothing(text: str) -> None:
    assert find_times(text, ANCHOR) == ()


@pytest.mark.parametrize("text,expected", [
    ("Talks were held on March 3.", "XXXX-03-03"),
    ("They met on Thursday.", "XXXX-WXX-4"),
    ("Output fell last year.", "PAST_REF"),
    ("Elections are due next month.", "FUTURE_REF"),
    ("Profit fell in the third quarter.", "XXXX-Q3"),
    ("The war ended in 1998.", "1998"),
])
def test_times_without_anchor_are_underspecified(text: str, expected: str) -> None:
    assert [t.value for t in find_times(text, None)] == [expected]


@pytest.mark.parametrize("text,day_first,expected", [
    ("Voting opens on 3/4.", False, "2026-03-04"),
    ("Voting opens on 3/4.", True, "2026-04-03"),
    ("The decree of 12/1/2025 stands.", False, "2025-12-01"),
    ("The decree of 12/1/2025 stands.", True, "2025-01-12"),
])
def test_times_numeric_dates_follow_locale(text: str, day_first: bool, expected: str) -> None:
    assert [t.value for t in find_times(text, ANCHOR, day_first=day_first)] == [expected]


def test_times_offsets_and_rules() -> None:
    text = "On Thursday, Arnor and Gondor met in Minas Tirith; three weeks earlier, in early February, talks failed."
    for t in find_times(text, ANCHOR):
        assert text[t.start:t.end] == t.text
        assert t.rule and t.rule.startswith("diurna.times.v1:")


def test_times_year_follows_tense_across_new_year() -> None:
    # Published 2 January: "December 30" is last year's in the past tense and "Jan. 14" this year's.
    assert _one("The vote took place on December 30.", "2026-01-02") == [("December 30", "DATE", "2025-12-30")]
    assert _one("Troops must leave by Jan. 14.", "2026-01-02") == [("Jan. 14", "DATE", "2026-01-14")]
