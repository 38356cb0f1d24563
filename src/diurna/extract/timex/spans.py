"""Durations ("three weeks", "two-day visit", "the past two months"), sets ("every
year", "daily", "twice a week") and clock times ("10:35 a.m.", "noon Friday")."""

from __future__ import annotations

import re
from datetime import timedelta

from ...knowledge.time_rules import rulebook
from . import calendar as cal
from .common import cap, month, part, r_, weekday
from .lexicon import lexicon
from .patterns import number, unit_code
from .reading import EXTENT, Ctx, Reading
from .values import duration as dur_value

# Context patterns of knowledge/time_rules.yaml (see its context section).
_AGE_AFTER = rulebook().pattern("AGE_AFTER")
_FRACTION_AFTER = rulebook().pattern("FRACTION_AFTER")
_ADJECTIVE_AFTER = rulebook().pattern("ADJECTIVE_AFTER")

_SET_BEFORE = rulebook().pattern("SET_BEFORE")
_AND_A_HALF_END = rulebook().pattern("AND_A_HALF_END")
_CLOCK_IDIOM_BEFORE = rulebook().pattern("CLOCK_IDIOM_BEFORE")


def duration(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"three weeks", "a two-day visit" (P2D), "the first nine months", "5 1/2 hours"."""
    unit = unit_code(m["unit"])
    n = number(m["num"])
    num_word = " ".join(m["num"].lower().split())
    plural = m["unit"].lower().endswith("s") and unit_code(m["unit"]) and not m["unit"].lower().endswith("ss")
    adj = m.groupdict().get("adj")
    if adj == "-" and plural:
        return None  # "two-days" is not English; likely a hyphenated compound
    if num_word in lexicon().article and _SET_BEFORE.search(ctx.before(m.start(), 12)):
        return r_(m, "SET", dur_value(1, unit), "set.per")  # "$5 a year", "twice a week"
    if num_word in lexicon().vague_count and not plural:
        return None
    if n is not None and n == 1 and plural and num_word not in ("1",):
        return None  # "one years" does not occur; "a days" neither
    if _AGE_AFTER.match(ctx.after(m.end(), 6)):
        return None  # "a 44-year-old", "52 years old": an age, not a duration
    if num_word in lexicon().article and unit == "TS":
        return None  # "a second" is far more often the ordinal
    if unit == "Q" and _FRACTION_AFTER.match(ctx.after(m.end(), 5)):
        return None  # "a quarter of the market": a fraction
    if n is not None and n >= 1000:
        return None  # "the 1988 second quarter": a year, not a count
    if _AND_A_HALF_END.search(m.group(0)) and n is not None:
        n += 0.5
    if unit == "Q":  # TIMEX3 durations have no quarter unit: three months each
        if n is None:
            return None
        n, unit = n * 3, "M"
    return r_(m, "DURATION", dur_value(n, unit), "dur.count")


def vague_duration(m: re.Match[str], ctx: Ctx) -> Reading:
    """"for years", "in recent months" -> PXY, PXM (the preposition stays outside)."""
    return r_(m, "DURATION", dur_value(None, unit_code(m["unit"])), "dur.vague", EXTENT)


def every(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"every year", "each Thursday", "every other week", "each March"."""
    word = m["x"]
    step = 2 if m["other"] else 1
    lex = lexicon()
    if lex.weekday.get(word):
        return r_(m, "SET", f"XXXX-WXX-{lex.weekday.get(word)}", "set.every") if cap(word) else None
    if lex.month.get(word):
        # "each May" is a set only when capitalised; "each may ..." is the modal verb, and
        # short month forms ("each mar") are never sets.
        if cap(word) and (len(word) > 3 or word == "May"):
            return r_(m, "SET", f"XXXX-{month(word):02d}", "set.every")
        return None
    if lex.part.get(word):
        return r_(m, "SET", f"XXXX-XX-XX{part(word)}", "set.every")
    return r_(m, "SET", dur_value(step, unit_code(word)), "set.every")


def times_per(m: re.Match[str], ctx: Ctx) -> Reading:
    """"twice a week", "three times a year", "once a month"."""
    return r_(m, "SET", dur_value(1, unit_code(m["unit"])), "set.times-per")


def set_word(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"daily", "annually"; not the adjective in "quarterly dividend", "daily flights"."""
    if _ADJECTIVE_AFTER.match(ctx.after(m.end(), 12)):
        return None
    value = lexicon().set.get(m.group(0))
    return r_(m, "SET", value, "set.adverb") if value else None


def clock(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"10:35 a.m.", "3 p.m. EST", "noon", "midnight Friday", "4 in the morning", "at 14:30 GMT"."""
    hour, minute = _clock_value(m)
    if hour is None:
        return None
    day = _day_of(m, ctx)
    hh = f"T{hour:02d}:{minute:02d}"
    if day is None:
        base = ctx.ref_day()
        day = base.isoformat() if base is not None else "XXXX-XX-XX"
    return r_(m, "TIME", day + hh, "time.clock", EXTENT)


def _clock_value(m: re.Match[str]) -> tuple[int | None, int]:
    word = (m["word"] or "").lower()
    if word and m.start() >= 5 and _CLOCK_IDIOM_BEFORE.match(m.string[m.start() - 5:m.start()]):
        return None, 0
    if word:
        return int(lexicon().clock.get(word) or 0), 0
    h = int(m["h"]) if m["h"] else int(number(m["hw"]) or 0)
    mi = int(m["mi"]) if m["mi"] else 0
    ap = (m["ap"] or "").lower().replace(".", "")
    part_word = (m["inthe"] or "").lower()
    if not ap and not m["mi"] and not part_word and not m["oclock"]:
        return None, 0
    if ap or part_word or m["oclock"]:
        if not 1 <= h <= 12:
            return None, 0
        meridiem = lexicon().meridiem.get(ap)
        if (meridiem == "PM" or lexicon().part.get(part_word) in ("AF", "EV", "NI")) and h != 12:
            h += 12
        elif meridiem == "AM" and h == 12:
            h = 0
    elif not (m["tz"] or m["at"]):
        return None, 0  # "14:30" alone could be a score or a ratio; want "at" or a zone
    if h > 24 or mi > 59:
        return None, 0
    return h, mi


def _day_of(m: re.Match[str], ctx: Ctx) -> str | None:
    """The date written next to a clock time ("Friday", "Nov. 6", "yesterday")."""
    if m["wd"] and ctx.anchor is not None and cap(m["wd"]):
        return cal.weekday_date(weekday(m["wd"]), ctx.anchor, ctx.tense(*m.span())).isoformat()
    if m["dw"] and ctx.anchor is not None:
        off = int(lexicon().day.get(m["dw"]) or 0)
        return (ctx.anchor + timedelta(days=off)).isoformat()
    if m["mon"] and cap(m["mon"]):
        mo, d = month(m["mon"]), int(m["md"])
        if ctx.anchor is None:
            return f"XXXX-{mo:02d}-{d:02d}"
        y = cal.year_for(mo, d, ctx.anchor, ctx.tense(*m.span()))
        return f"{y:04d}-{mo:02d}-{d:02d}" if cal.valid_day(y, mo, d) else None
    return None

