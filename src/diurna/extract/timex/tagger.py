"""Run the rule cascade over a text: find candidates, keep leftmost-longest ones that
their rule accepts, widen them over modifiers ("early", "about"), resolve values in
reading order.

`Ctx` (reading.py) holds what resolution needs for one text: the anchor (publication
date), the numeric-date locale, and what the text has said so far (the last explicit
day, the last quarter). It is created per call and never shared.
"""

from __future__ import annotations

import re
from datetime import date

from ...knowledge.time_rules import rulebook
from .reading import EXTENT, Ctx, Reading
from .rules import RULES

# Context patterns of knowledge/time_rules.yaml (see its context section).
_DEICTIC_START = rulebook().pattern("DEICTIC_START")
_APPROX_MOD = rulebook().pattern("APPROX_MOD")

# Modifiers folded into the expression (TIMEX3 keeps them in the extent, as `mod`).
_DATE_MOD = rulebook().pattern("DATE_MOD")
_EARLIER = rulebook().pattern("EARLIER_MOD")
_DUR_MOD = rulebook().pattern("DURATION_MOD")
_MODIFIED_START = rulebook().pattern("MODIFIED_START")
_DURATION_MODIFIED_START = rulebook().pattern("DURATION_MODIFIED_START")


def widen(text: str, r: Reading, floor: int) -> Reading:
    """Extend a reading leftwards over a modifier, never into the previous reading."""
    head = text[max(floor, r.start - 40):r.start]
    body = text[r.start:r.end].lower()
    m = None
    if r.type in ("DATE", "TIME"):
        if _DEICTIC_START.match(body):
            m = _EARLIER.search(head)
        if m is None and not _MODIFIED_START.match(body):
            m = _DATE_MOD.search(head)
            if m and _APPROX_MOD.match(m.group(0)) and r.type != "TIME":
                m = None
    elif r.type == "DURATION" and not _DURATION_MODIFIED_START.match(body):
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
    starts = sorted(p for t in where.keys() & triggers for p in where[t])  # the smaller side is walked
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
    ctx = Ctx(text=text, anchor=anchor, day_first=day_first)
    where = _token_index(text)
    cands = []
    for prio, rule in enumerate(RULES):
        if where.keys().isdisjoint(rule.triggers):
            continue  # no window to try it in (and its pattern need not be compiled)
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
