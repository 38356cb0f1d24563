"""Calendar arithmetic against an anchor date, rendered as TIMEX3 values.

Every function takes the anchor as a `date` (callers handle a missing anchor by
writing underspecified values such as XXXX-03-03 or PAST_REF instead of guessing).
`tense` is PAST, FUTURE or None (unknown), from `context.tense`; a direction is -1
(last), 0 (this) or 1 (next).
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

from .lexicon import FUTURE, PAST

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def add_quarters(year: int, q: int, n: int) -> tuple[int, int]:
    k = year * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]


def shift(anchor: date, n: int, unit: str) -> str:
    """The value `n` units away from `anchor`, at the unit's own granularity
    ("two years ago" -> a year, "three weeks ago" -> an ISO week)."""
    if unit in ("D", "TH", "TM", "TS"):
        days = n if unit == "D" else 0
        return day_value(anchor + timedelta(days=days))
    if unit == "W":
        return week_value(anchor + timedelta(weeks=n))
    if unit == "2W":
        return week_value(anchor + timedelta(weeks=2 * n))
    if unit == "M":
        return month_value(*add_months(anchor.year, anchor.month, n))
    if unit == "Q":
        y, q = add_quarters(*quarter_of(anchor), n)
        return f"{y:04d}-Q{q}"
    if unit == "Y":
        return f"{anchor.year + n:04d}"
    if unit == "10Y":
        return f"{(anchor.year + 10 * n) // 10:03d}"
    if unit == "100Y":
        return f"{(anchor.year + 100 * n) // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


def year_for(month: int, day: int | None, anchor: date, tense: str | None, weekday: int | None = None) -> int:
    """The year of a month (and day) named without one: the nearest such date to the
    anchor, where going against the tense costs 75 days (a day) or 240 days (a month).
    News rarely names a day a year away without its year, so distance outweighs a
    noisy tense cue for days; for months the tense mostly wins. A weekday written with the date ("Monday, Oct. 26") decides."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)

    def span(y: int) -> tuple[date, date]:
        last_day = _cal.monthrange(y, month)[1]
        if day:
            d = date(y, month, min(day, last_day))
            return d, d
        return date(y, month, 1), date(y, month, last_day)

    if day and weekday:
        fits = [y for y in years if day <= _cal.monthrange(y, month)[1]
                and date(y, month, day).isoweekday() == weekday]
        if fits:
            return min(fits, key=lambda y: abs(y - anchor.year))
    penalty = 75 if day else 240

    def cost(y: int) -> tuple[int, int, int]:
        first, last = span(y)
        if first <= anchor <= last:
            return 0, 0, 0
        past = last < anchor
        dist = (anchor - last).days if past else (first - anchor).days
        against = (tense == FUTURE and past) or (tense == PAST and not past)
        along = (tense == PAST and past) or (tense == FUTURE and not past)
        return dist + (penalty if against else 0), 0 if along else 1, abs(y - anchor.year)

    return min(years, key=cost)


def weekday_date(weekday: int, anchor: date, tense: str | None) -> date:
    """The date of a weekday named alone ("on Thursday"): the nearest one on or before
    the anchor for past tense, on or after it for future tense, else the nearest."""
    back = (anchor.isoweekday() - weekday) % 7
    fwd = (weekday - anchor.isoweekday()) % 7
    if tense == PAST:
        return anchor - timedelta(days=back)
    if tense == FUTURE:
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back) if back <= fwd else anchor + timedelta(days=fwd)


def relative_weekday(weekday: int, anchor: date, direction: int) -> date:
    """"last Friday" (the one before the anchor), "next Friday" (after it), "this Friday"
    (in the anchor's week)."""
    if direction < 0:
        back = (anchor.isoweekday() - weekday) % 7 or 7
        return anchor - timedelta(days=back)
    if direction > 0:
        fwd = (weekday - anchor.isoweekday()) % 7 or 7
        return anchor + timedelta(days=fwd)
    return anchor + timedelta(days=weekday - anchor.isoweekday())


def season_year(season: str, anchor: date, direction: int) -> int:
    """The year of "last/this/next <season>"; winter belongs to the year it starts in."""
    start = SEASON_START[season]
    current = anchor.year if anchor.month >= start or season != "WI" else anchor.year - 1
    if direction == 0:
        return current if season == "WI" else anchor.year
    started = date(anchor.year, start, 1) <= anchor
    if direction < 0:
        return anchor.year if started and _ended(season, anchor) else anchor.year - 1
    return anchor.year if not started else anchor.year + 1


def _ended(season: str, anchor: date) -> bool:
    end_month = SEASON_START[season] + 2
    return season != "WI" and anchor.month > end_month


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def thanksgiving(year: int) -> date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
