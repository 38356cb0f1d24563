"""Absolute and calendar-named dates: "2026-03-03", "3/3/2026", "March 3", "3 March",
"March 2026", "in March", "1998", "the 1990s", "the 20th century", "Christmas".

Each normaliser returns a Reading or None to refuse the match (safest to bail out
rather than guess: "May" the verb, "March" the protest, "2000 troops").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...knowledge.time_rules import rulebook
from . import calendar as cal
from .common import cap as _cap
from .common import month as _month
from .common import r_ as _r
from .lexicon import FUTURE, PAST, lexicon
from .reading import EXTENT, Ctx, Reading

# Context patterns of knowledge/time_rules.yaml (see its context section).
_NUMERIC_DATE_BEFORE = rulebook().pattern("NUMERIC_DATE_BEFORE")
_NOT_A_DAY_AFTER = rulebook().pattern("NOT_A_DAY_AFTER")
_MONTH_LIST_BEFORE = rulebook().pattern("MONTH_LIST_BEFORE")
_YEAR_CUE = rulebook().pattern("YEAR_CUE")

# Words after which a bare month name is a date ("in March", "since May").
_MONTH_CUE = rulebook().pattern("MONTH_CUE")
# Nouns counted by a four-digit number ("2000 troops"): then it is not a year.
_COUNTED = rulebook().pattern("COUNTED_AFTER")
_QUANTITY_BEFORE = rulebook().pattern("QUANTITY_BEFORE")


_MOVABLE = re.compile(r"([A-Z]+)([+-]\d+)?")  # the values of time_words.tsv's movable_holiday


# --------------------------------------------------------------------------- absolute dates


def iso_date(m: re.Match[str], ctx: Ctx) -> Reading | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not cal.valid_day(y, mo, d):
        return None
    if m["H"]:
        return _r(m, "TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['H']}:{m['M']}", "abs.iso-time")
    return _r(m, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "abs.iso")


def numeric_date(m: re.Match[str], ctx: Ctx) -> Reading | None:
    a, b = int(m["a"]), int(m["b"])
    mo, d = (b, a) if ctx.day_first else (a, b)
    if m["y"]:
        y = int(m["y"])
        y = y + (1900 if y >= 50 else 2000) if y < 100 else y
    else:
        if not _NUMERIC_DATE_BEFORE.search(ctx.before(m.start(), 5)):
            return None  # "3/4" alone is more often a fraction or a score than a date
        if ctx.anchor is None:
            return _r(m, "DATE", f"XXXX-{mo:02d}-{d:02d}", "abs.numeric") if 1 <= mo <= 12 else None
        y = cal.year_for(mo, d, ctx.anchor, ctx.tense(*m.span())) if 1 <= mo <= 12 else 0
    if not y or not cal.valid_day(y, mo, d):
        return None
    return _r(m, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "abs.numeric")


def _day_value(mo: int, d: int, year: str | None, ctx: Ctx, span: tuple[int, int],
               wd: int | None = None) -> str | None:
    if year:
        y = int(year)
    elif ctx.anchor is None:
        return f"XXXX-{mo:02d}-{d:02d}" if 1 <= d <= 31 else None
    else:
        y = cal.year_for(mo, d, ctx.anchor, ctx.tense(*span), wd)
    return f"{y:04d}-{mo:02d}-{d:02d}" if cal.valid_day(y, mo, d) else None


def month_day(m: re.Match[str], ctx: Ctx) -> Reading | list[Reading] | None:
    """"March 3", "Friday, Aug. 7, 1998", "3 March 2026", "March 3-6" (two readings)."""
    if not _cap(m["mon"]) or (m["wd"] and not _cap(m["wd"])):
        return None
    if _NOT_A_DAY_AFTER.match(ctx.after(m.end(), 12)):
        return None
    mo, d = _month(m["mon"]), int(re.sub(r"\D", "", m["day"]))
    rule = "abs.month-day" if m["year"] else "rel.month-day"
    wd = int(lexicon().weekday.get(m["wd"]) or 0) if m["wd"] else None
    value = _day_value(mo, d, m["year"], ctx, m.span(), wd)
    if value is None:
        return None
    if not m["day2"]:
        return _r(m, "DATE", value, rule)
    d2 = int(re.sub(r"\D", "", m["day2"]))
    first_end = m.end("day") if m.start("day") > m.start("mon") else m.end("mon")
    first = Reading(m.start(), first_end, "DATE", value, rule)
    if d2 <= d or not value[:4].isdigit() or not cal.valid_day(int(value[:4]), mo, d2):
        return None
    second_value = value[:8] + f"{d2:02d}"
    if m.start("day") > m.start("mon"):  # "March 3-6, 2026": the year belongs to both
        return [first, Reading(m.start("day2"), m.end(), "DATE", second_value, rule)]
    return [Reading(m.start(), m.end("day"), "DATE", value, rule),
            Reading(m.start("day2"), m.end(), "DATE", second_value, rule)]


def month_year(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if not _cap(m["mon"]):
        return None
    return _r(m, "DATE", cal.month_value(int(m["year"]), _month(m["mon"])), "abs.month-year")


def bare_month(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """"in March": only after a cue word, so "March" the protest and "May" the verb stay out."""
    if not _cap(m["mon"]):
        return None
    before = ctx.before(m.start(), 30)
    cue = _MONTH_CUE.search(before)
    if not cue:
        and_or = _MONTH_LIST_BEFORE.search(before)
        if not (and_or and lexicon().month.get(and_or.group(1)) and _cap(and_or.group(1))):
            return None
    mo = _month(m["mon"])
    if ctx.anchor is None:
        return _r(m, "DATE", f"XXXX-{mo:02d}", "rel.month")
    word = cue.group(0).strip().lower() if cue else ""
    if word in lexicon().direction or word == "this":
        return None  # the relative rule reads those with their cue word
    y = cal.year_for(mo, None, ctx.anchor, ctx.tense(*m.span()))
    return _r(m, "DATE", cal.month_value(y, mo), "rel.month")


def year(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """A four-digit year, unless it counts something or is part of a longer number."""
    if _QUANTITY_BEFORE.search(ctx.before(m.start(), 14)) and not _YEAR_CUE.search(ctx.before(m.start(), 12)):
        return None
    after = ctx.after(m.end(), 20)
    if _COUNTED.match(after) or re.match(r"[\s-]*\d|,\d|\.\d", after):
        return None
    if re.search(r"\d[\s-]$|[^d]-$", ctx.before(m.start(), 2)):
        return None  # phone numbers, "4-3" style scores
    return _r(m, "DATE", m["year"], "abs.year", EXTENT)


def decade(m: re.Match[str], ctx: Ctx) -> Reading:
    if m["c"]:
        return _r(m, "DATE", f"{m['c']}{m['d']}", "abs.decade")
    century = "19"
    if ctx.anchor is not None and 2000 + int(m["d2"]) * 10 <= ctx.anchor.year:
        century = "20"
    return _r(m, "DATE", f"{century}{m['d2']}", "abs.decade")


def century(m: re.Match[str], ctx: Ctx) -> Reading | None:
    n = int(m["n"]) if m["n"] else int(lexicon().ordinal.get(m["o"]) or 0)
    return _r(m, "DATE", f"{n - 1:02d}", "abs.century") if 1 < n <= 22 else None


def holiday(m: re.Match[str], ctx: Ctx) -> Reading | None:
    word = " ".join(m["h"].lower().replace("’", "'").split())
    if not _cap(m["h"]):
        return None
    y = int(m["year"]) if m["year"] else None

    movable = _MOVABLE.fullmatch(lexicon().movable_holiday.get(word) or "")

    def on(year_: int) -> date:
        if movable:  # "EASTER-2": Good Friday
            feast = cal.easter if movable[1] == "EASTER" else cal.thanksgiving
            return feast(year_) + timedelta(days=int(movable[2] or 0))
        mm, dd = (lexicon().holiday.get(word) or "01-01").split("-")
        return date(year_, int(mm), int(dd))

    if y is None:
        if ctx.anchor is None:
            return None
        t = ctx.tense(*m.span())
        cands = [on(ctx.anchor.year + k) for k in (-1, 0, 1)]
        if t == PAST:
            d = max(c for c in cands if c <= ctx.anchor)
        elif t == FUTURE:
            d = min(c for c in cands if c >= ctx.anchor)
        else:
            # ctx.anchor is set (checked above); the lambda loses the narrowing
            d = min(cands, key=lambda c: abs((c - ctx.anchor).days))  # type: ignore[operator]
    else:
        d = on(y)
    return _r(m, "DATE", d.isoformat(), "abs.holiday")
