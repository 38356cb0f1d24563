"""Publication dates in the forms people's exports hold, at the precision they had.

`parse_published` turns a record's `published` value into "YYYY-MM-DD", "YYYY-MM" or
"YYYY" (the TIMEX3 calendar forms the event dates use, so a month stays a month), or
raises E007. Fast paths cover the common machine forms (ISO, RFC 2822, numeric,
epoch); `dateparser` (absolute dates only, English) reads the written ones ("Wed Nov
23, 2016"). A value without a year ("7:58 AM ET", "Tuesday") is not a date: reading
it against today's clock would date the article by when it was processed.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

from ..errors import E007, DiurnaError

_YEAR = re.compile(r"^(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_ISO_DAY = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
# 23/11/2016, 11-23-2016, 23.11.16, optionally followed by a time
_NUMERIC_DAY = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:$|[\sT,])")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20161123
_EPOCH = re.compile(r"^-?\d{9,13}(?:\.\d+)?$")
_HAS_YEAR = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)|'\d\d\b")
_FIRST_YEAR, _LAST_YEAR = 1800, 2199  # outside these a number is not a news date


def parse_published(value: Any, *, day_first: bool = False, origin: str = "<input>") -> str:
    """"YYYY-MM-DD", "YYYY-MM" or "YYYY" for a date, datetime, epoch number or date string;
    E007 for anything else. `day_first` decides numeric dates both ways readable (3/4/2016)."""
    found = _parse(value, day_first)
    if found is None:
        raise DiurnaError(E007, f"{origin}: {_shown(value)}")
    return found


def _parse(value: Any, day_first: bool) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number(value)
    if not isinstance(value, str) or len(value) > 100:
        return None
    text = value.strip()
    if _EPOCH.match(text):
        return _number(float(text))
    for parse in (_year, _year_month, _iso_day, _compact_day, _rfc2822):
        found = parse(text)
        if found:
            return found
    numeric = _NUMERIC_DAY.match(text)
    if numeric:
        return _numeric_day(numeric, day_first)
    return _written(text, day_first) or _in_line(text, day_first)


def _number(value: float) -> str | None:
    """A year (2016) or epoch seconds/milliseconds: no news date before 1973 is given
    as an epoch number, so 1e11 and above are milliseconds (1e11 s is the year 5138)."""
    if float(value).is_integer() and _FIRST_YEAR <= value <= _LAST_YEAR:
        return f"{int(value):04d}"
    seconds = value / 1000 if abs(value) >= 1e11 else value
    if abs(seconds) < 1e8:
        return None  # 1973 or earlier as an epoch: a count or an id, not a date
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _year(text: str) -> str | None:
    m = _YEAR.match(text)
    return m[1] if m and _FIRST_YEAR <= int(m[1]) <= _LAST_YEAR else None


def _year_month(text: str) -> str | None:
    m = _YEAR_MONTH.match(text)
    if m and _FIRST_YEAR <= int(m[1]) <= _LAST_YEAR and 1 <= int(m[2]) <= 12:
        return f"{m[1]}-{int(m[2]):02d}"
    return None


def _iso_day(text: str) -> str | None:
    m = _ISO_DAY.match(text)
    return _day(int(m[1]), int(m[2]), int(m[3])) if m else None


def _compact_day(text: str) -> str | None:
    m = _COMPACT_DAY.match(text)
    return _day(int(m[1]), int(m[2]), int(m[3])) if m else None


def _rfc2822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _numeric_day(m: re.Match[str], day_first: bool) -> str | None:
    a, b, year = int(m[1]), int(m[3]), int(m[4])
    if len(m[4]) == 2:
        year += 2000 if year < 70 else 1900
    if a > 12 >= b:  # 23/11/2016 reads one way only
        day_first = True
    elif b > 12 >= a:  # 11/23/2016 too
        day_first = False
    day, month = (a, b) if day_first else (b, a)
    return _day(year, month, day)


def _day(year: int, month: int, day: int) -> str | None:
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _written(text: str, day_first: bool) -> str | None:
    """"Wed Nov 23, 2016", "23 November 2016 07:58 GMT", "November 2016": dateparser,
    absolute dates only, at the precision it read ("November 2016" is a month)."""
    if not _HAS_YEAR.search(text) or not any(ch.isalpha() for ch in text):
        return None  # no year: a time or a weekday, not a date (and no clock to guess from)
    data = _parser(day_first).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    found = data.date_obj.date()
    if data.period == "year":
        return _year(f"{found.year:04d}")
    if data.period == "month":
        return _year_month(f"{found.year:04d}-{found.month:02d}")
    return _day(found.year, found.month, found.day)


def _in_line(text: str, day_first: bool) -> str | None:
    """A full date inside a line with other words ("Posted: 11/23/2016 7:58 AM",
    "Updated Nov 23 2016, 7:58 AM ET"), read by the cleaner's timestamp-line reader."""
    from .dates import date_in_line

    return date_in_line(text, day_first=day_first)


@lru_cache(maxsize=2)
def _parser(day_first: bool) -> Any:
    """One dateparser per date order; cached because building one compiles the English
    tables (pure, read-only: the result of a parse depends only on its input)."""
    from dateparser.date import DateDataParser  # type: ignore[import-untyped]

    return DateDataParser(languages=["en"], settings={
        "DATE_ORDER": "DMY" if day_first else "MDY",
        "PARSERS": ["absolute-time"],  # never "yesterday" against today's clock
        "REQUIRE_PARTS": ["year"],
        "RETURN_TIME_AS_PERIOD": False,
        "PREFER_DAY_OF_MONTH": "first",
        "STRICT_PARSING": False,
    })


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."
