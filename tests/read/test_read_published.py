"""read.published.parse_published: every common form of a publication date, at its precision."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from diurna.errors import DiurnaError
from diurna.read.published import parse_published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-04", "2026-03-04"),
        ("2026-03-04T23:30:00+05:30", "2026-03-04"),  # the date as the publisher wrote it
        ("2026/3/4", "2026-03-04"),
        ("Wed, 04 Mar 2026 08:15:00 GMT", "2026-03-04"),
        ("Wed Mar 4, 2026", "2026-03-04"),
        ("4th March 2026", "2026-03-04"),
        ("March 4, 2026, 8:15 p.m.", "2026-03-04"),
        ("04/03/2026", "2026-04-03"),  # month first by default
        ("13/03/2026", "2026-03-13"),  # only day first makes sense
        ("03/13/2026", "2026-03-13"),
        ("3-13-26", "2026-03-13"),  # two-digit year
        ("2026-03", "2026-03"),
        ("Mar 2026", "2026-03"),
        ("2026", "2026"),
        (2026, "2026"),
        (1772611200, "2026-03-04"),  # epoch seconds
        (1772611200000, "2026-03-04"),  # epoch milliseconds
        (1772611200.5, "2026-03-04"),
        (date(2026, 3, 4), "2026-03-04"),
        (datetime(2026, 3, 4, 8, 15), "2026-03-04"),
    ],
)
def test_published_parse_forms(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    "value",
    ["8:15 PM ET", "Tuesday", "yesterday", "two days ago", "soon", "", "0", "12345", "2026-02-30",
     "13/13/2026", "1066", True, None, [], {"year": 2026}, "x" * 200],
)
def test_published_parse_refuses_what_is_no_date(value):
    with pytest.raises(DiurnaError) as err:
        parse_published(value, origin="rec.jsonl:3")
    assert err.value.code == "E007" and "rec.jsonl:3" in err.value.message


@pytest.mark.parametrize(
    ("value", "day_first", "expected"),
    [
        ("04/03/2026", True, "2026-03-04"),
        ("04/03/2026", False, "2026-04-03"),
        ("13/03/2026", False, "2026-03-13"),  # unambiguous either way
        ("03/13/2026", True, "2026-03-13"),
        ("4 March 2026", True, "2026-03-04"),
    ],
)
def test_published_parse_day_first(value, day_first, expected):
    assert parse_published(value, day_first=day_first) == expected
