"""What the tagger's rules read and return: `Reading` (one normalised expression) and
`Ctx` (what resolution needs for one text: the anchor, the numeric-date locale, and what
the text has said so far). `Ctx` is created per call to `tag` and never shared.

A module of its own so that the rule handlers and the tagger both import it without
importing each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ...model import TimeType
from .context import tense as _tense

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
