"""Dates relative to the anchor (publication date) or to the last date mentioned:
weekdays, "yesterday", "last week", "next month", "two years ago", "days earlier",
"the third quarter", "a year earlier", "the second half of 2025", seasons, and the
PAST_REF / PRESENT_REF / FUTURE_REF adverbs.

Without an anchor, these get underspecified values (PAST_REF, XXXX-WXX-4, XXXX-Q3).
"""

from __future__ import annotations

import re
from datetime import timedelta

from ...knowledge.time_rules import rulebook
from . import calendar as cal
from .common import HOW, cap, direction, month, part, r_, weekday
from .lexicon import FUTURE, PAST, lexicon
from .patterns import number, unit_code
from .reading import EXTENT, Ctx, Reading
from .values import ref_for

# Context patterns of knowledge/time_rules.yaml (see its context section).
_YEAR_BACK = rulebook().pattern("YEAR_BACK")
_YEAR_BACK_OR_LAST = rulebook().pattern("YEAR_BACK_OR_LAST")
_YEAR_NEXT = rulebook().pattern("YEAR_NEXT")
_LATEST = rulebook().pattern("LATEST")
_QUARTER_NOUN = rulebook().pattern("QUARTER_NOUN")
_NAMED_DAY_BEFORE = rulebook().pattern("NAMED_DAY_BEFORE")
_CONNECTIVE_AFTER = rulebook().pattern("CONNECTIVE_AFTER")
_CONNECTIVE_BEFORE = rulebook().pattern("CONNECTIVE_BEFORE")

# A capitalised word after a weekday makes it a name: "Sunday Times", "Monday Night Football".
_NAME_AFTER = rulebook().pattern("NAME_AFTER_WEEKDAY")


def weekday_name(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"Friday", "Friday morning", "Fridays" (a set)."""
    if not cap(m["wd"]) or _NAME_AFTER.match(ctx.after(m.end("wd"), 12)) and not m["part"]:
        return None
    if _NAMED_DAY_BEFORE.search(ctx.before(m.start(), 8)):
        return None
    wd = weekday(m["wd"])
    if m["pl"]:
        return r_(m, "SET", f"XXXX-WXX-{wd}{part(m['part'])}", "set.weekdays")
    # "Friday night" keeps its words but is valued as the day: events are dated by day,
    # and TimeBank's own annotation mostly does the same.
    if ctx.anchor is None:
        return r_(m, "DATE", f"XXXX-WXX-{wd}", "rel.weekday")
    d = cal.weekday_date(wd, ctx.anchor, ctx.tense(*m.span()))
    return r_(m, "DATE", d.isoformat(), "rel.weekday")


def relative_weekday(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"last Friday", "next Tuesday", "this Thursday", "this past Sunday"."""
    if not cap(m["wd"]):
        return None
    wd = weekday(m["wd"])
    step = direction(m["dir"])  # "this past Sunday" is last Sunday: the direction of its last word
    if ctx.anchor is None:
        return r_(m, "DATE", f"XXXX-WXX-{wd}", "rel.weekday")
    return r_(m, "DATE", cal.relative_weekday(wd, ctx.anchor, step).isoformat(), "rel.weekday-" + HOW[step])


def day_word(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"today", "yesterday morning", "tonight", "last night", "this morning"; a bare
    "this" or "last" is no time."""
    words, w = lexicon(), m["w"]
    if w in words.day_with_part and not m["part"]:
        return None
    offset = int(words.day.get(w) or words.day_with_part.get(w) or words.day_phrase.get(w) or 0)
    own_part = words.day_part.get(w)
    p = part(m["part"]) or ("T" + own_part if own_part else "")
    if ctx.anchor is None:
        return r_(m, "TIME" if p else "DATE", ref_for(offset), "rel.day")
    d = ctx.anchor + timedelta(days=offset)
    return r_(m, "TIME" if p else "DATE", d.isoformat() + p, "rel.day")


def relative_unit(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"last week", "this year", "next month", "the past year", "this weekend", "the
    following week" (anaphoric), "the current quarter"."""
    if m["unit"][:1].isupper() and m["dir"][:1].isupper():
        return None  # "This Week" (a programme), not a date
    unit = " ".join(m["unit"].lower().split())
    n = direction(m["dir"])
    anaphoric = m["dir"].lower().split()[-1] in lexicon().anaphoric
    base = ctx.ref_day() if anaphoric else ctx.anchor
    rule = ("ana." if anaphoric else "rel.") + unit.replace(" ", "-")
    if base is None:
        return r_(m, "DATE", ref_for(n), rule)
    if unit == "weekend":
        if n == 0 and ctx.tense(*m.span()) == PAST and base.isoweekday() < 6:
            n = -1
        return r_(m, "DATE", cal.week_value(base + timedelta(weeks=n)) + "-WE", rule)
    code = unit_code(unit.split()[-1])  # "fiscal year" is a year
    if code == "Y" and n == -1 and not anaphoric and ctx.last_quarter and m.start() - ctx.last_quarter[2] < 400:
        y, q, _ = ctx.last_quarter  # "compared with $3 million last year", in a quarterly report
        return r_(m, "DATE", f"{y - 1:04d}-Q{q}", rule + "-quarter")
    if anaphoric and n == 0 and code != "D":  # "that week": the reference's own week
        return r_(m, "DATE", cal.shift(base, 0, code), "ana.that-" + unit.replace(" ", "-"))
    if code == "D" and not anaphoric:
        return None  # "this day" / "the next day" without an anaphoric cue is rare and vague
    return r_(m, "DATE", cal.shift(base, n, code), rule)


def relative_month(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"last March", "next January", "this May"."""
    if not cap(m["mon"]):
        return None
    mo, n = month(m["mon"]), direction(m["dir"])  # "this past March": the last word decides
    if ctx.anchor is None:
        return r_(m, "DATE", f"XXXX-{mo:02d}", "rel.month")
    a = ctx.anchor
    if n < 0:
        y = a.year if mo < a.month else a.year - 1
    elif n > 0:
        y = a.year if mo > a.month else a.year + 1
    else:
        y = a.year
    return r_(m, "DATE", cal.month_value(y, mo), "rel.month-" + HOW[n])


def season(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"last summer", "this past spring", "in the autumn", "winter 2025"."""
    code = lexicon().season.get(m["season"]) or ""
    if m["year"]:
        return r_(m, "DATE", f"{m['year']}-{code}", "abs.season", EXTENT)
    d = m["dir"].lower() if m["dir"] else ""
    if not d:
        return None  # a bare "fall" or "spring" is a word, not a date
    if ctx.anchor is None:
        return r_(m, "DATE", f"XXXX-{code}", "rel.season", EXTENT)
    if d.endswith("the"):  # "in the spring": the tense decides
        t = ctx.tense(*m.span())
        step = -1 if t == PAST else 1 if t == FUTURE else 0
    else:
        step = direction(d)
    return r_(m, "DATE", f"{cal.season_year(code, ctx.anchor, step):04d}-{code}", "rel.season", EXTENT)


def ago(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"two years ago" (from the anchor), "three days later" (from the last date
    mentioned), "days earlier" (vague: a past reference)."""
    how = " ".join(m["dir"].lower().split())
    sign = int(lexicon().ago.get(how) or 1)
    n = number(m["num"]) if m["num"] else None
    unit = unit_code(m["unit"])
    anaphoric = how in lexicon().anaphoric
    base = ctx.anchor
    if anaphoric:
        # Counted from the narrative's last explicit time ("in 2004 ... two decades
        # later"); "later" without one is not counted from the publication date, which
        # would date a past narrative's events after the article was written.
        base = ctx.ref_for_unit(unit) or (ctx.anchor if sign < 0 else None)
    rule = ("ana." if anaphoric else "rel.") + how.replace(" ", "-")
    if n is None or base is None or n != int(n):
        return r_(m, "DATE", ref_for(sign), rule)
    if unit in ("TH", "TM", "TS"):
        return None  # "hours later": a time we cannot place on the clock
    if unit in ("10Y", "100Y"):  # "a decade ago" is a year, not the previous decade
        n, unit = n * (10 if unit == "10Y" else 100), "Y"
    if unit == "Y" and int(n) == 1 and ctx.last_quarter and m.start() - ctx.last_quarter[2] < 400:
        y, q, _ = ctx.last_quarter  # "the quarter ... a year earlier": the same quarter a year before
        return r_(m, "DATE", f"{y - 1:04d}-Q{q}", rule + "-quarter")
    return r_(m, "DATE", cal.shift(base, sign * int(n), unit), rule)


def anaphoric_day(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"that day", "the same day", "the next day", "the day before" (from the last date
    mentioned, else the anchor)."""
    w = " ".join(m["w"].lower().split())
    base = ctx.ref_day()
    offset = direction(w)  # "the next day" 1, "the previous day" -1, "that day", "the same day" 0
    p = part(m["part"])
    if base is None:
        return r_(m, "DATE", ref_for(offset), "ana.day")
    return r_(m, "TIME" if p else "DATE", (base + timedelta(days=offset)).isoformat() + p, "ana.day")


def quarter(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"the third quarter", "third-quarter", "the fourth quarter of 2025", "Q3 2025",
    "the year-earlier third quarter", "this year's second quarter"."""
    q = int(lexicon().quarter_ordinal.get(m["ord"]) or 0) if m["ord"] else int(m["qn"])
    rel = (m["rel"] or "").lower()
    yr = m["year"] or m["year2"] or m["y1"]
    if yr and yr[:1].isdigit():
        y = int(yr)
    elif ctx.anchor is None:
        return r_(m, "DATE", f"XXXX-Q{q}", "rel.quarter")
    else:
        a = ctx.anchor
        y = a.year
        if yr:
            y += direction(yr) if "year" in yr.lower() else 0
        elif cal.quarter_of(a)[1] < q and ctx.tense(*m.span()) == PAST:
            y -= 1  # a quarter that has not begun yet is last year's, in past-tense reporting
        if _YEAR_BACK_OR_LAST.search(rel):
            y -= 1
        elif _YEAR_NEXT.search(rel):
            y += 1
    return r_(m, "DATE", f"{y:04d}-Q{q}", "rel.quarter" if not (yr and yr[:1].isdigit()) else "abs.quarter")


def year_period(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"the 1988 period", "the 1988 quarter": the quarter last mentioned, in that year."""
    if not (ctx.last_quarter and m.start() - ctx.last_quarter[2] < 1500):
        return None
    return r_(m, "DATE", f"{m['year']}-Q{ctx.last_quarter[1]}", "ana.year-quarter")


def this_quarter(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"the quarter", "the latest quarter", "the year-earlier period", "year-ago": the last
    quarter mentioned (a year earlier for year-ago forms)."""
    w = m.group(0).lower()
    back = 1 if _YEAR_BACK.search(w) else 0
    if ctx.last_quarter and m.start() - ctx.last_quarter[2] < 1500:
        y, q, _ = ctx.last_quarter
    elif ctx.anchor is not None and _LATEST.search(w):
        y, q = cal.add_quarters(*cal.quarter_of(ctx.anchor), -1)
    elif back and ctx.anchor is not None and not _QUARTER_NOUN.search(w):
        return r_(m, "DATE", f"{ctx.anchor.year - 1:04d}", "rel.year-ago")
    else:
        return None
    return r_(m, "DATE", f"{y - back:04d}-Q{q}", "ana.quarter-ago" if back else "ana.quarter")


def half(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"the second half of 2025" -> 2025-H2, "the first half" (of the anchor's year)."""
    h = 1 if lexicon().ordinal.get(m["h"]) == "1" else 2  # first; second, last, latter
    yr = m["year"]
    if yr and yr[:1].isdigit():
        return r_(m, "DATE", f"{yr}-H{h}", "abs.half")
    if ctx.anchor is None:
        return r_(m, "DATE", f"XXXX-H{h}", "rel.half")
    y = ctx.anchor.year + (direction(yr) if yr and "year" in yr.lower() and "this" not in yr.lower() else 0)
    if not yr and h == 2 and ctx.anchor.month <= 6 and ctx.tense(*m.span()) == PAST:
        y -= 1
    return r_(m, "DATE", f"{y:04d}-H{h}", "rel.half")


def ref_word(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"now", "recently", "in the past", "soon", "the future": TIMEX3 reference values."""
    word = " ".join(m.group(EXTENT).lower().split())
    value = lexicon().ref.get(word)
    if value is None:
        return None
    if word in lexicon().connective and (_CONNECTIVE_AFTER.match(ctx.after(m.end(), 8))
                                        or _CONNECTIVE_BEFORE.search(ctx.before(m.start(), 4))):
        return None  # "as soon as", "soon after": connectives, not times
    return r_(m, "DATE", value, "ref." + word.replace(" ", "-"), EXTENT)


def the_year(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"for the year ended June 30" (a fiscal year: P1Y), "for the year", "the full year"
    (the anchor's year)."""
    if m["ended"]:
        return r_(m, "DURATION", "P1Y", "dur.fiscal-year", EXTENT)
    if ctx.anchor is None:
        return r_(m, "DATE", "PRESENT_REF", "rel.the-year", EXTENT)
    return r_(m, "DATE", f"{ctx.anchor.year:04d}", "rel.the-year", EXTENT)


def spelled_year(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"nineteen ninety-six", "two thousand and one" (broadcast transcripts): the pattern
    names the century (group c19, else two thousand); the number words after it add up."""
    words = m.group(EXTENT).lower().replace("-", " ").split()
    rest = words[1:] if m["c19"] else words[2:]
    numbers = lexicon().number
    y = (1900 if m["c19"] else 2000) + sum(int(numbers.get(w) or 0) for w in rest if w in numbers)
    return r_(m, "DATE", f"{y:04d}", "abs.spelled-year", EXTENT)


def month_of_year(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"July last year", "March of next year", "in May this year"."""
    if not cap(m["mon"]):
        return None
    mo = month(m["mon"])
    n = direction(m["dir"])
    if ctx.anchor is None:
        return r_(m, "DATE", f"XXXX-{mo:02d}", "rel.month-of-year")
    return r_(m, "DATE", cal.month_value(ctx.anchor.year + n, mo), "rel.month-of-year")
