"""Run the rule cascade over a text: find candidates, keep leftmost-longest ones that
their rule accepts, widen them over modifiers ("early", "about"), resolve values in
reading order.

`Ctx` holds what resolution needs for one text: the anchor (publication date), the
numeric-date locale, and what the text has said so far (the last explicit day, the
last quarter). It is created per call and never shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ...knowledge.time_rules import rulebook
from ...model import TimeType
from .context import tense as _tense

# Context patterns of knowledge/time_rules.yaml (see its context section).
_DEICTIC_START = rulebook().pattern("DEICTIC_START")
_APPROX_MOD = rulebook().pattern("APPROX_MOD")

# A rule pattern's group that, when it matched, is the expression's extent (a preposition
# the pattern needs as context stays outside it: "in [recent months]").
EXTENT = "t"


@dataclass(frozen=True, slots=True)
class Reading:
    start: int
    end: int
    type: TimeType
    value: str
    rule: str


@dataclass(slots=True)
class Ctx:
    text: str
    anchor: date | None
    day_first: bool = False
    ref: date | None = None  # the last explicit day mentioned ("March 3, 2026")
    # The last explicit time of any precision ("in 2004", "March 2004", "March 3, 2004")
    # and its unit ("Y", "M", "D"): the narrative's reference time for "two decades later".
    ref_time: tuple[date, str] | None = None
    last_quarter: tuple[int, int, int] | None = None  # (year, quarter, offset of mention)
    _tenses: dict[tuple[int, int], str | None] = field(default_factory=dict)

    def tense(self, start: int, end: int) -> str | None:
        key = (start, end)
        if key not in self._tenses:
            self._tenses[key] = _tense(self.text, start, end)
        return self._tenses[key]

    def before(self, pos: int, n: int = 40) -> str:
        return self.text[max(0, pos - n):pos]

    def after(self, pos: int, n: int = 40) -> str:
        return self.text[pos:pos + n]

    def ref_day(self) -> date | None:
        """What anaphoric expressions ("the next day", "two days later") count from."""
        return self.ref or self.anchor

    def ref_for_unit(self, unit: str) -> date | None:
        """What "<n> <unit>s later/earlier" counts from: the last explicit time precise
        enough for the unit ("2004" serves "two decades later", not "three days
        later"), else the last explicit day. Without either, None: the narrative gives
        no reference, and the publication date is not one for "later"."""
        if self.ref_time is not None and _PRECISE[self.ref_time[1]] >= _PRECISE.get(unit, 3):
            return self.ref_time[0]
        return self.ref

    def note(self, reading: Reading) -> None:
        v = reading.value
        if reading.rule.startswith("abs."):
            m = _CALENDAR.fullmatch(v)
            if m:
                unit = "D" if m.group(3) else "M" if m.group(2) else "Y"
                self.ref_time = (date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)), unit)
        if reading.rule.startswith("abs.") and len(v) == 10 and v[4] == "-" and v[:4].isdigit():
            self.ref = date.fromisoformat(v)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
        if m and reading.rule in _QUARTER_SOURCES:
            self.last_quarter = (int(m.group(1)), int(m.group(2)), reading.end)


_CALENDAR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# How fine a reference each unit needs: 1 a year, 2 a month, 3 a day.
_PRECISE = {"Y": 1, "M": 2, "D": 3, "100Y": 1, "10Y": 1, "Q": 2, "W": 3, "2W": 3}

# Readings that name a quarter themselves (not "a year earlier" derived from one).
_QUARTER_SOURCES = frozenset({"rel.quarter", "abs.quarter", "ana.quarter"})

# Modifiers folded into the expression (TIMEX3 keeps them in the extent, as `mod`).
_DATE_MOD = rulebook().pattern("DATE_MOD")
_EARLIER = rulebook().pattern("EARLIER_MOD")
_DUR_MOD = rulebook().pattern("DURATION_MOD")


def widen(text: str, r: Reading, floor: int) -> Reading:
    """Extend a reading leftwards over a modifier, never into the previous reading."""
    head = text[max(floor, r.start - 40):r.start]
    body = text[r.start:r.end].lower()
    m = None
    if r.type in ("DATE", "TIME"):
        if _DEICTIC_START.match(body):
            m = _EARLIER.search(head)
        if m is None and not body.startswith(("the ", "early", "late", "mid")):
            m = _DATE_MOD.search(head)
            if m and _APPROX_MOD.match(m.group(0)) and r.type != "TIME":
                m = None
    elif r.type == "DURATION" and not body.startswith("the "):
        m = _DUR_MOD.search(head)
    if m is None:
        return r
    return Reading(r.start - len(m.group(0)), r.end, r.type, r.value, r.rule)


_TOKEN = re.compile(r"\w+")
_WINDOW = 60  # characters around a trigger in which a rule's pattern is tried


def _token_index(text: str) -> dict[str, list[int]]:
    """Start offsets of each lower-cased word ("#" for words starting with a digit)."""
    where: dict[str, list[int]] = {}
    for m in _TOKEN.finditer(text):
        w = m.group(0)
        where.setdefault("#" if w[0].isdigit() else w.lower(), []).append(m.start())
    return where


def _matches(pattern: re.Pattern[str], triggers: frozenset[str], where: dict[str, list[int]], text: str):
    """finditer over the merged windows around the rule's trigger words only."""
    starts = sorted(p for t in triggers for p in where.get(t, ()))
    lo = hi = -1
    seen: set[tuple[int, int]] = set()
    for p in starts + [len(text) + 10 * _WINDOW]:
        if p - _WINDOW > hi:
            if hi > lo:
                for m in pattern.finditer(text, lo, hi):
                    if m.span() not in seen:
                        seen.add(m.span())
                        yield m
            lo = max(0, p - _WINDOW)
        hi = min(len(text), p + _WINDOW)


def tag(text: str, anchor: date | None, *, day_first: bool = False) -> list[Reading]:
    """All time expressions of `text`, in order, with TIMEX3 types and values."""
    from .rules import RULES

    ctx = Ctx(text=text, anchor=anchor, day_first=day_first)
    where = _token_index(text)
    cands = []
    for prio, rule in enumerate(RULES):
        for m in _matches(rule.pattern, rule.triggers, where, text):
            s, e = m.span(EXTENT) if EXTENT in rule.pattern.groupindex and m.group(EXTENT) else m.span()
            if e > s:
                cands.append((s, -(e - s), prio, m))
    cands.sort(key=lambda c: c[:3])
    out: list[Reading] = []
    covered = 0
    for s, neg_len, prio, m in cands:
        if s < covered:
            continue
        found = RULES[prio].handler(m, ctx)
        if not found:
            continue
        readings = found if isinstance(found, list) else [found]
        for r in readings:
            r = widen(text, r, out[-1].end if out else 0)
            out.append(r)
            ctx.note(r)
        covered = max(r.end for r in readings)
    return out
